#include "sweep/linear_path.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

#include "core/error.h"
#include "core/text.h"
#include "io/csv.h"
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

// A number as the general path writes it (FormatNumber: std::to_chars' shortest round-trip
// form, zero as "0"), at `out`; returns the end. 32 bytes are enough for any double.
char* PutNumber(char* out, double value) {
  if (value == 0.0) {
    *out = '0';
    return out + 1;
  }
  return std::to_chars(out, out + 32, value).ptr;
}

char* Put(char* out, const std::string& text) {
  std::memcpy(out, text.data(), text.size());
  return out + text.size();
}

// "value,change,pct_change,\n" of a row, as AppendResult writes it (an empty % change for a
// zero baseline).
char* PutValues(char* out, double baseline, double value) {
  const ResultRow row{"", "", "", "", baseline, value};
  const double pct = row.PercentChange();
  out = PutNumber(out, row.value);
  *out++ = ',';
  out = PutNumber(out, row.Change());
  *out++ = ',';
  if (std::isfinite(pct)) out = PutNumber(out, pct);
  *out++ = ',';
  *out++ = '\n';
  return out;
}

constexpr size_t kNumberMax = 32;

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
  plan->output_slopes_.assign(static_cast<size_t>(n) * parameters, 0.0);
  plan->rows_.resize(base.result.rows.size());
  const std::string scenario_field = CsvField(spec.name);
  for (size_t r = 0; r < base.result.rows.size(); ++r) {
    const ResultRow& row = base.result.rows[r];
    Row& out = plan->rows_[r];
    out.head = "," + scenario_field + "," + CsvField(row.region) + "," + CsvField(row.sector) +
               "," + row.variable + "," + CsvField(row.unit) + "," + FormatNumber(row.baseline) +
               ",";
    out.fields = {row.region, row.sector, row.variable, row.unit};
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
      for (Index j = 0; j < n; ++j) {
        plan->output_slopes_[static_cast<size_t>(j) * parameters + k] =
            (direction.output(j) - base.output(j)) / h;
      }
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
  // Rows that no parameter moves are the same text at every point.
  for (Row& row : plan->rows_) {
    row.moves = std::any_of(row.slopes.begin(), row.slopes.end(), [](double s) { return s != 0; });
    if (!row.moves) {
      char text[3 * kNumberMax + 4];
      row.tail.assign(text, PutValues(text, row.baseline, row.value));
      text[0] = ',';
      row.change_tail.assign(text, PutNumber(text + 1, row.value - row.baseline));
    }
  }
  plan->monte_carlo_ = spec.method == SweepMethod::kMonteCarlo;
  plan->prefix_max_ = 24;  // the point's index
  for (const Parameter& p : spec.parameters) {
    size_t longest = kNumberMax;  // a draw
    if (!plan->monte_carlo_) {
      std::vector<double> numbers;
      std::vector<std::string> texts;
      for (const std::string& v : p.values) {
        double x = 0.0;
        ParseValue(v, &x);  // checked above
        numbers.push_back(x);
        texts.push_back(CsvField(v));
        longest = std::max(longest, texts.back().size());
      }
      plan->grid_values_.push_back(std::move(numbers));
      plan->grid_text_.push_back(std::move(texts));
    }
    plan->prefix_max_ += 1 + longest;
  }
  plan->gdp_baseline_ = "," + FormatNumber(plan->rows_[plan->gdp_].baseline);
  plan->cpi_text_ = FormatNumber(plan->rows_[plan->cpi_].value);
  plan->point_max_ = 7 * (1 + kNumberMax) + 2;
  if (in.wide) plan->results_max_ = plan->prefix_max_ + 2;
  for (const Row& row : plan->rows_) {
    if (!row.kept) continue;
    plan->results_max_ +=
        in.wide ? 1 + kNumberMax : plan->prefix_max_ + row.head.size() + 3 * kNumberMax + 4;
  }
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
      const double b = plan->ValueAt(plan->rows_[r], shift.data());
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
  return OutputsStayNonNegative(shift->data());
}

// The general path warns when an output turns negative: such points take it.
bool LinearSweep::OutputsStayNonNegative(const double* shift) const {
  const size_t k = origin_.size();
  const double* slopes = output_slopes_.data();
  for (Index j = 0; j < output_.size(); ++j, slopes += k) {
    double x = output_(j);
    for (size_t i = 0; i < k; ++i) x += slopes[i] * shift[i];
    if (x < 0.0) return false;
  }
  return true;
}

bool LinearSweep::PointAt(int64_t point, double* value, size_t* index) const {
  const size_t k = origin_.size();
  if (monte_carlo_) {
    // The general path reads the draw back from its shortest text, which round-trips
    // (zero is written "0": no negative zero).
    in_.points->Draws(point, value);
    for (size_t i = 0; i < k; ++i) {
      if (!std::isfinite(value[i])) return false;
      if (value[i] == 0.0) value[i] = 0.0;
    }
  } else {
    in_.points->GridIndices(point, index);
    for (size_t i = 0; i < k; ++i) value[i] = grid_values_[i][index[i]];
  }
  return true;
}

char* LinearSweep::PutPrefix(char* out, int64_t point, const double* value,
                             const size_t* index) const {
  out = std::to_chars(out, out + 24, point).ptr;
  for (size_t i = 0; i < origin_.size(); ++i) {
    *out++ = ',';
    out = monte_carlo_ ? PutNumber(out, value[i]) : Put(out, grid_text_[i][index[i]]);
  }
  return out;
}

// Whether every output stays non-negative over the box lo <= shift <= hi. Each output is
// affine in the shift, x_j = x0_j + sum_i s_ji shift_i, so its least value over the box is
// at a corner: x0_j + sum_i min(s_ji lo_i, s_ji hi_i). The margin covers the rounding of
// the per-point sum, so a block that passes would pass point by point too.
bool LinearSweep::BoxStaysNonNegative(const double* lo, const double* hi) const {
  const size_t k = origin_.size();
  const double* slopes = output_slopes_.data();
  for (Index j = 0; j < output_.size(); ++j, slopes += k) {
    double least = output_(j), scale = std::fabs(output_(j));
    for (size_t i = 0; i < k; ++i) {
      least += std::min(slopes[i] * lo[i], slopes[i] * hi[i]);
      scale += std::fabs(slopes[i]) * std::max(std::fabs(lo[i]), std::fabs(hi[i]));
    }
    if (!(least > 1e-12 * scale)) return false;
  }
  return true;
}

double LinearSweep::ValueAt(const Row& row, const double* shift) const {
  double value = row.value;
  for (size_t k = 0; k < row.slopes.size(); ++k) value += row.slopes[k] * shift[k];
  return value;
}

bool LinearSweep::AppendBlock(int64_t first, int64_t last, std::string* results,
                              std::string* points) const {
  const size_t k = origin_.size();
  const size_t count = static_cast<size_t>(last - first);
  // The block's parameters first (values and grid indices, point by point), with their range.
  std::vector<double> values(count * k), shifts(count * k);
  std::vector<size_t> indices(count * k);
  std::vector<double> lo(k, std::numeric_limits<double>::infinity()), hi(k, -lo[0]);
  for (size_t p = 0; p < count; ++p) {
    double* value = &values[p * k];
    if (!PointAt(first + static_cast<int64_t>(p), value, &indices[p * k])) return false;
    for (size_t i = 0; i < k; ++i) {
      const double shift = value[i] - origin_[i];
      shifts[p * k + i] = shift;
      lo[i] = std::min(lo[i], shift);
      hi[i] = std::max(hi[i], shift);
    }
  }
  if (!BoxStaysNonNegative(lo.data(), hi.data())) {
    for (size_t p = 0; p < count; ++p) {
      if (!OutputsStayNonNegative(&shifts[p * k])) return false;
    }
  }
  // One point's text at a time, then appended: the buffers are reused across points.
  std::vector<char> prefix(prefix_max_), line(prefix_max_ + point_max_),
      rows(in_.points_only ? 0 : results_max_);
  points->reserve(points->size() + count * (prefix_max_ + point_max_));
  if (!in_.points_only) results->reserve(results->size() + count * results_max_ / 2);
  for (size_t p = 0; p < count; ++p) {
    const double* shift = &shifts[p * k];
    const size_t length = static_cast<size_t>(
        PutPrefix(prefix.data(), first + static_cast<int64_t>(p), &values[p * k], &indices[p * k]) -
        prefix.data());
    if (in_.wide) {
      // One row: the point's prefix, each kept row's change (sweep/wide_layout.h), no error.
      char* out = std::copy_n(prefix.data(), length, rows.data());
      for (const Row& row : rows_) {
        if (!row.kept) continue;
        if (row.moves) {
          *out++ = ',';
          out = PutNumber(out, ValueAt(row, shift) - row.baseline);
        } else {
          out = Put(out, row.change_tail);
        }
      }
      *out++ = ',';
      *out++ = '\n';
      results->append(rows.data(), out);
    } else if (!in_.points_only) {
      char* out = rows.data();
      for (const Row& row : rows_) {
        if (!row.kept) continue;
        out = Put(std::copy_n(prefix.data(), length, out), row.head);
        out = row.moves ? PutValues(out, row.baseline, ValueAt(row, shift)) : Put(out, row.tail);
      }
      results->append(rows.data(), out);
    }
    auto value = [&](size_t r) { return ValueAt(rows_[r], shift); };
    const ResultRow gdp{"", "", "", "", rows_[gdp_].baseline, value(gdp_)};
    char* out = Put(std::copy_n(prefix.data(), length, line.data()), gdp_baseline_);
    for (const double v :
         {gdp.value, gdp.Change(), gdp.PercentChange(), value(exports_) - rows_[exports_].baseline,
          value(imports_) - rows_[imports_].baseline}) {
      *out++ = ',';
      out = PutNumber(out, v);
    }
    *out++ = ',';
    out = rows_[cpi_].moves ? PutNumber(out, value(cpi_)) : Put(out, cpi_text_);
    *out++ = ',';
    *out++ = '\n';
    points->append(line.data(), out);
  }
  return true;
}

}  // namespace spillover
