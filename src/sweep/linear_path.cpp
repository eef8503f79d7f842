#include "sweep/linear_path.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/error.h"
#include "core/text.h"
#include "io/csv.h"
#include "io/model_write.h"
#include "shocks/translate.h"

namespace spillover {
namespace {

bool ParseValue(const std::string& text, double* value) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  const auto result = std::from_chars(begin, end, *value);
  return result.ec == std::errc() && result.ptr == end && std::isfinite(*value);
}

// The name of the shock a parameter sets, when its path is shocks.NAME.change.
bool ShockOfChange(const std::string& path, std::string* name) {
  const std::string prefix = "shocks.", suffix = ".change";
  if (path.size() <= prefix.size() + suffix.size() || path.compare(0, prefix.size(), prefix) != 0 ||
      path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return false;
  }
  *name = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
  return name->find('.') == std::string::npos;
}

struct Evaluation {
  ScenarioResult result;
  Vector output;
};

Evaluation RunGeneral(const LinearSweepInputs& in, const std::vector<std::string>& values) {
  const Scenario scenario = in.scenario_of(values);
  const ExogenousChange change =
      TranslateShocks(in.model->model(), in.model->coefficients(), scenario);
  const Outcome outcome = Solve(*in.model, change);
  return {Tabulate(*in.model, scenario, change, outcome, in.detail), outcome.output};
}

bool SameLayout(const ScenarioResult& a, const ScenarioResult& b) {
  if (a.rows.size() != b.rows.size()) return false;
  for (size_t r = 0; r < a.rows.size(); ++r) {
    const ResultRow &x = a.rows[r], &y = b.rows[r];
    if (x.region != y.region || x.sector != y.sector || x.variable != y.variable ||
        x.unit != y.unit || x.baseline != y.baseline) {
      return false;
    }
  }
  return true;
}

size_t RowOf(const ScenarioResult& r, const std::string& variable, const std::string& region) {
  for (size_t i = 0; i < r.rows.size(); ++i) {
    if (r.rows[i].variable == variable && r.rows[i].region == region && r.rows[i].sector == "ALL")
      return i;
  }
  return r.rows.size();
}

}  // namespace

std::unique_ptr<LinearSweep> LinearSweep::Make(const LinearSweepInputs& in, std::string* why_not) {
  const SweepSpec& spec = *in.spec;
  auto refuse = [why_not](const std::string& reason) {
    *why_not = reason;
    return std::unique_ptr<LinearSweep>();
  };
  if (in.detail == ResultDetail::kAll) {
    return refuse("--detail all lists the trade rows that are non-zero, point by point");
  }
  if (in.points->count() < 1 || spec.parameters.empty()) return refuse("no parameters");
  std::vector<std::string> shocks;
  for (const Parameter& p : spec.parameters) {
    std::string name;
    if (!ShockOfChange(p.path, &name)) return refuse(p.path + " is not a shock's change");
    shocks.push_back(name);
    for (const std::string& v : p.values) {
      double x = 0.0;
      if (!ParseValue(v, &x)) return refuse(p.path + " takes a value that is not a number");
    }
  }
  std::unique_ptr<LinearSweep> plan(new LinearSweep());
  plan->in_ = in;
  // The origin is no change at all (the base year, which has no warning); the directions
  // are steps from it.
  const std::vector<std::string> first(spec.parameters.size(), "0");
  plan->origin_.assign(first.size(), 0.0);
  const Scenario scenario = in.scenario_of(first);
  for (const Shock& shock : scenario.shocks) {
    // Exports to endogenous regions scale coefficients: x = (I - A(c))^-1 y is not affine in c.
    const bool linear_type = shock.type == ShockType::kFinalDemand ||
                             (shock.type == ShockType::kExports && !(shock.redirect_share > 0.0) &&
                              shock.buyer_regions.empty());
    if (!linear_type) return refuse("shock '" + shock.name + "' is not linear in its change");
  }
  for (const std::string& name : shocks) {
    const auto found = std::find_if(scenario.shocks.begin(), scenario.shocks.end(),
                                    [&](const Shock& s) { return s.name == name; });
    if (found == scenario.shocks.end()) return refuse("no shock '" + name + "'");
  }
  const Evaluation base = RunGeneral(in, first);
  if (!base.result.message.empty() || base.result.status != RunStatus::kOk) {
    return refuse("the base scenario has a note or a warning");
  }
  const size_t parameters = spec.parameters.size();
  const Index n = base.output.size();
  plan->output_ = base.output;
  plan->output_slopes_ = Matrix::Zero(n, static_cast<Index>(parameters));
  plan->rows_.resize(base.result.rows.size());
  for (size_t r = 0; r < base.result.rows.size(); ++r) {
    const ResultRow& row = base.result.rows[r];
    Row& out = plan->rows_[r];
    out.fixed = CsvField(row.region) + "," + CsvField(row.sector) + "," + row.variable + "," +
                CsvField(row.unit) + "," + FormatNumber(row.baseline) + ",";
    out.baseline = row.baseline;
    out.value = row.value;
    out.slopes.assign(parameters, 0.0);
    out.kept = in.keep(row);
  }
  // One direction per parameter, with a step of the size of its values (a unit step on an
  // amount of 1e10 would lose the slope to rounding), that the key table's bounds allow.
  std::vector<double> magnitude(parameters, 0.0);
  const int64_t count = in.points->count();
  for (int64_t s = 0; s < 64; ++s) {
    const std::vector<std::string> values = in.points->Values(s * (count - 1) / 63);
    for (size_t k = 0; k < parameters; ++k) {
      double x = 0.0;
      if (ParseValue(values[k], &x)) magnitude[k] = std::max(magnitude[k], std::fabs(x));
    }
  }
  for (size_t k = 0; k < parameters; ++k) {
    bool done = false;
    const double unit = magnitude[k] > 0.0 ? magnitude[k] : 1.0;
    for (const double step : {unit, -unit, unit / 2, -unit / 2, unit / 10, -unit / 10}) {
      std::vector<std::string> values = first;
      const double moved = plan->origin_[k] + step;
      values[k] = FormatNumber(moved);
      Evaluation direction;
      try {
        direction = RunGeneral(in, values);
      } catch (const InputError&) {
        continue;
      }
      if (!SameLayout(base.result, direction.result)) return refuse("the rows change with a point");
      const double h = moved - plan->origin_[k];
      for (size_t r = 0; r < plan->rows_.size(); ++r) {
        plan->rows_[r].slopes[k] = (direction.result.rows[r].value - base.result.rows[r].value) / h;
      }
      plan->output_slopes_.col(static_cast<Index>(k)) = (direction.output - base.output) / h;
      done = true;
      break;
    }
    if (!done) return refuse("no step of " + spec.parameters[k].path + " is allowed");
  }
  plan->gdp_ = RowOf(base.result, "gdp", in.region);
  plan->exports_ = RowOf(base.result, "exports", in.region);
  plan->imports_ = RowOf(base.result, "imports", in.region);
  plan->cpi_ = RowOf(base.result, "cpi", in.region);
  if (plan->cpi_ >= plan->rows_.size()) plan->cpi_ = RowOf(base.result, "cpi", "ALL");
  if (std::max({plan->gdp_, plan->exports_, plan->imports_, plan->cpi_}) >= plan->rows_.size()) {
    return refuse("the headline rows are missing");
  }
  plan->scenario_field_ = CsvField(spec.name);
  // A guard against a shock that is not affine after all: a few points through the
  // general path must agree with the combination.
  for (const int64_t p : {count - 1, count / 2, std::min<int64_t>(1, count - 1)}) {
    const std::vector<std::string> values = in.points->Values(p);
    std::vector<double> shift;
    if (!plan->Shift(values, &shift)) continue;
    Evaluation general;
    try {
      general = RunGeneral(in, values);
    } catch (const std::runtime_error&) {
      return refuse("a point fails on the general path");
    }
    if (!SameLayout(base.result, general.result) || !general.result.message.empty()) {
      return refuse("a point differs in its rows or notes");
    }
    for (size_t r = 0; r < plan->rows_.size(); ++r) {
      const double a = general.result.rows[r].value;
      const double b = plan->ValueAt(plan->rows_[r], shift);
      const double scale = std::max({std::fabs(a), std::fabs(plan->rows_[r].baseline), 1e-300});
      if (!(std::fabs(a - b) <= 1e-9 * scale)) return refuse("the results are not linear");
    }
  }
  return plan;
}

bool LinearSweep::Shift(const std::vector<std::string>& values, std::vector<double>* shift) const {
  shift->resize(values.size());
  for (size_t k = 0; k < values.size(); ++k) {
    double x = 0.0;
    if (!ParseValue(values[k], &x)) return false;
    (*shift)[k] = x - origin_[k];
  }
  // The general path warns when an output turns negative: such points take it.
  const Eigen::Map<const Vector> d(shift->data(), static_cast<Index>(shift->size()));
  for (Index j = 0; j < output_.size(); ++j) {
    if (output_(j) + output_slopes_.row(j).dot(d) < 0.0) return false;
  }
  return true;
}

double LinearSweep::ValueAt(const Row& row, const std::vector<double>& shift) const {
  double value = row.value;
  for (size_t k = 0; k < shift.size(); ++k) value += row.slopes[k] * shift[k];
  return value;
}

bool LinearSweep::AppendBlock(int64_t first, int64_t last, std::string* results,
                              std::string* points) const {
  const size_t results_start = results->size(), points_start = points->size();
  std::vector<double> shift;
  std::string prefix;
  for (int64_t p = first; p < last; ++p) {
    const std::vector<std::string> values = in_.points->Values(p);
    if (!Shift(values, &shift)) {
      results->resize(results_start);
      points->resize(points_start);
      return false;
    }
    prefix.clear();
    char number[24];
    prefix.append(number, std::to_chars(number, number + sizeof number, p).ptr);
    for (const std::string& v : values) {
      prefix.push_back(',');
      prefix += CsvField(v);
    }
    for (size_t r = 0; !in_.points_only && r < rows_.size(); ++r) {
      const Row& row = rows_[r];
      if (!row.kept) continue;
      ResultRow value{"", "", "", "", row.baseline, ValueAt(row, shift)};
      const double pct = value.PercentChange();
      *results += prefix;
      results->push_back(',');
      *results += scenario_field_;
      results->push_back(',');
      *results += row.fixed;
      AppendNumber(results, value.value);
      results->push_back(',');
      AppendNumber(results, value.Change());
      results->push_back(',');
      if (std::isfinite(pct)) AppendNumber(results, pct);
      results->append(",\n");
    }
    auto headline = [&](size_t r) {
      return ResultRow{"", "", "", "", rows_[r].baseline, ValueAt(rows_[r], shift)};
    };
    const ResultRow gdp = headline(gdp_);
    *points += prefix;
    for (const double v :
         {gdp.baseline, gdp.value, gdp.Change(), gdp.PercentChange(), headline(exports_).Change(),
          headline(imports_).Change(), headline(cpi_).value}) {
      points->push_back(',');
      AppendNumber(points, v);
    }
    points->append(",\n");
  }
  return true;
}

}  // namespace spillover
