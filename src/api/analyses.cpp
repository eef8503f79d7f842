// Multipliers and the dependency analyses of the public API (docs/analysis.md). Options
// are checked here, so that the CLI and Python refuse the same values with the same words;
// messages name the CLI's option, which is also the Python keyword.
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

#include "analyse/extraction.h"
#include "analyse/inoperability.h"
#include "analyse/paths.h"
#include "core/blas_threads.h"
#include "core/text.h"
#include "core/units.h"
#include "engine/analysis.h"
#include "engine/ghosh.h"
#include "io/atomic_file.h"
#include "io/model_write.h"
#include "report/compare.h"
#include "report/ghosh_report.h"
#include "report/model_report.h"
#include "report/scenario_report.h"
#include "run/simulate.h"
#include "scenario/scenario.h"
#include "shocks/translate.h"
#include "spillover/spillover.h"

namespace spillover::api {
namespace {

MoneyUnit ResolveUnit(const std::string& text, const spillover::Model& model) {
  if (text.empty()) return MoneyUnit{model.unit, 1.0};
  SourceLocation where;
  where.file = "--unit";
  const double model_per_unit = MoneyUnitToModel(text, model, model.currency, 1.0, where);
  return MoneyUnit{text == "model" ? model.unit : text, 1.0 / model_per_unit};
}

Index CodeIndex(const std::string& option, const std::string& code,
                const std::vector<std::string>& codes, const char* what) {
  for (size_t i = 0; i < codes.size(); ++i) {
    if (codes[i] == code) return static_cast<Index>(i);
  }
  throw InputError("--" + option + " '" + code + "' is not a " + what + " code of the model" +
                   DidYouMean(code, codes));
}

std::vector<Index> CodeIndices(const std::vector<std::string>& given, const char* option,
                               const std::vector<std::string>& codes, const char* what) {
  std::vector<Index> indices;
  for (const std::string& code : given) indices.push_back(CodeIndex(option, code, codes, what));
  return indices;
}

Index NonNegative(long long value, const char* option) {
  if (value < 0) {
    throw InputError("--" + std::string(option) + " " + std::to_string(value) +
                     " is out of range: expected 0 or more");
  }
  return static_cast<Index>(value);
}

// The results of one model as the comparison `compare` and `report` share.
Comparison CompareResults(const std::vector<Result>& results, const std::string& model_folder,
                          const std::string& baseline) {
  std::vector<ComparedScenario> scenarios;
  for (const auto& r : results) {
    scenarios.push_back(ComparedScenario{r.internal(), "", "", model_folder});
  }
  return Comparison(std::move(scenarios), baseline);
}

}  // namespace

Analysis Model::Compare(const std::vector<Result>& results, const std::string& baseline) const {
  const Comparison comparison = CompareResults(results, impl_->model().folder, baseline);
  return Analysis{FormatCompareCsv(comparison), FormatCompareTable(comparison),
                  FormatCompareJson(comparison)};
}

void Model::Report(const std::vector<Result>& results, const std::string& out_dir,
                   const std::string& baseline, const std::string& groups, bool force) const {
  if (results.empty()) throw InputError("report: no results given");
  WriteScenarioReport(CompareResults(results, impl_->model().folder, baseline), impl_->model(),
                      groups, out_dir, force);
}

Analysis Model::Multipliers() const {
  const BlasThreadScope blas;
  const spillover::Model& model = impl_->model();
  const spillover::Multipliers multipliers =
      ComputeMultipliers(model, impl_->coefficients(), impl_->solver());
  const spillover::Linkages linkages = ComputeLinkages(impl_->coefficients(), impl_->solver());
  return Analysis{FormatMultipliersCsv(model, multipliers, linkages),
                  FormatMultipliersTable(model, multipliers, linkages),
                  FormatMultipliersJson(model, multipliers, linkages)};
}

Analysis Model::Extraction(const ExtractionOptions& o) const {
  const BlasThreadScope blas;
  const std::string& by = o.by;
  if (by != "sector" && by != "partner" && by != "partner-product") {
    throw InputError("--by '" + by + "' is not one of sector, partner, partner-product");
  }
  SectorExtractionVariant sector_variant = SectorExtractionVariant::kTotal;
  PartnerExtractionVariant partner_variant = PartnerExtractionVariant::kTotal;
  if (by == "sector" && !FromString(o.variant, &sector_variant)) {
    throw InputError("--variant '" + o.variant +
                     "' is not one of backward, forward, total (for --by sector)");
  }
  if (by != "sector" && !FromString(o.variant, &partner_variant)) {
    throw InputError("--variant '" + o.variant +
                     "' is not one of exports, imports, total (for --by " + by + ")");
  }
  SupplyRule rule = SupplyRule::kProportional;
  if (!FromString(o.rule, &rule)) {
    throw InputError("--rule '" + o.rule + "' is not one of proportional, bottleneck");
  }
  const Index top = NonNegative(o.top, "top");
  const Index hit = NonNegative(o.hit, "hit");
  const spillover::Model& model = impl_->model();
  const MoneyUnit unit = ResolveUnit(o.unit, model);
  const std::vector<Index> sectors =
      CodeIndices(o.sectors, "sector", model.SectorCodes(), "sector");
  if (by == "sector" && !o.partners.empty()) {
    throw InputError("--partner applies to --by partner or partner-product, not --by sector");
  }
  const std::vector<Index> partners =
      CodeIndices(o.partners, "partner", model.PartnerCodes(), "partner");
  ExtractionTable table = by == "sector" ? ExtractSectors(*impl_, sector_variant, sectors, hit)
                                         : ExtractPartners(*impl_, partner_variant, rule, partners,
                                                           sectors, by == "partner-product", hit);
  if (top > 0 && static_cast<size_t>(top) < table.rows.size()) {
    table.rows.resize(static_cast<size_t>(top));
  }
  return Analysis{FormatExtractionCsv(model, table, unit),
                  FormatExtractionTable(model, table, unit, hit)};
}

Analysis Model::Paths(const PathsOptions& o) const {
  const BlasThreadScope blas;
  const bool has_scenario = o.scenario != nullptr;
  if (has_scenario && !o.partner.empty()) {
    throw InputError("give a scenario file or --partner CODE, not both");
  }
  if (!has_scenario && o.partner.empty()) {
    throw InputError(
        "give a scenario file or --partner CODE; see 'spillover analyse paths --help'");
  }
  if (has_scenario && (!o.sectors.empty() || o.has_change || o.has_amount)) {
    throw InputError("--sector, --change and --amount go with --partner, not with a scenario file");
  }
  if (o.has_change && o.has_amount) throw InputError("give --change or --amount, not both");
  PathOptions path_options;
  path_options.top = NonNegative(o.top, "top");
  if (path_options.top < 1) throw InputError("--top 0 is out of range: expected 1 or more");
  path_options.max_depth = o.depth;
  if (o.depth < 0 || o.depth > 100) {
    throw InputError("--depth " + std::to_string(o.depth) + " is out of range: expected 0 to 100");
  }
  path_options.relative_threshold = o.threshold;
  if (!(o.threshold >= 0.0 && o.threshold <= 1.0)) {
    throw InputError("--threshold " + FormatNumber(o.threshold) +
                     " is out of range: expected a fraction from 0 to 1");
  }
  if (!(o.threshold_abs >= 0.0) || !std::isfinite(o.threshold_abs)) {
    throw InputError("--threshold-abs " + FormatNumber(o.threshold_abs) +
                     " is out of range: expected 0 or more");
  }
  path_options.max_nodes = NonNegative(o.max_nodes, "max-nodes");
  if (path_options.max_nodes < 1 || path_options.max_nodes > 1000000000) {
    throw InputError("--max-nodes " + std::to_string(path_options.max_nodes) +
                     " is out of range: expected 1 to 1000000000");
  }

  const spillover::Model& model = impl_->model();
  Vector demand;
  PathLabels labels;
  MoneyUnit unit = ResolveUnit(o.unit, model);
  // With a scenario: `spillover run`'s GDP change, to reconcile the paths with it.
  double run_gdp_change = std::numeric_limits<double>::quiet_NaN();
  bool nonlinear = false;
  if (has_scenario) {
    CheckNotSweep(*o.scenario);
    const spillover::Scenario scenario =
        BuildScenario(o.scenario->tree(), o.scenario->source(), model);
    // The scenario's `currency` and `scale`, as `run` reports them, unless --unit says.
    const double money = model.unit_scale / (scenario.exchange_rate * scenario.report_scale);
    if (o.unit.empty()) unit = MoneyUnit{scenario.report_unit, money};
    const ExogenousChange change = TranslateShocks(model, impl_->coefficients(), scenario);
    demand = DemandChange(change);
    labels.title = "scenario " + scenario.name;
    labels.source = "demand";
    nonlinear = change.capacity.minCoeff() < std::numeric_limits<double>::infinity() ||
                change.import_price.cwiseAbs().maxCoeff() > 0.0 ||
                change.exporter_cost.cwiseAbs().maxCoeff() > 0.0 || change.has_trade_block();
    if (nonlinear) {
      labels.notes.push_back(
          "the scenario's supply limits, price changes and rerouting costs are not traced; "
          "paths start from its change of final demand only");
    }
    if (o.target == "gdp" && model.regions.size() == 1) {
      const ScenarioResult run = Simulate(*impl_, scenario, ResultDetail::kTotals);
      if (const ResultRow* gdp = run.Find("gdp", model.regions.front().code, "ALL")) {
        run_gdp_change = gdp->Change() / money;  // back to the model's unit
      }
    }
  } else {
    const Index p = CodeIndex("partner", o.partner, model.PartnerCodes(), "partner");
    std::vector<Index> products = CodeIndices(o.sectors, "sector", model.SectorCodes(), "sector");
    if (products.empty()) {
      for (Index i = 0; i < model.sector_count(); ++i) products.push_back(i);
    }
    demand = Vector::Zero(model.sector_count());
    double exports = 0.0;
    for (Index i : products) exports += model.exports(i, p);
    if (!(exports > 0.0)) {
      throw InputError("the exports to " + o.partner +
                       " of the chosen products are zero in the base year: nothing to trace");
    }
    if (o.has_amount) {
      for (Index i : products) demand(i) = o.amount / unit.scale * model.exports(i, p) / exports;
      labels.title =
          "exports to " + o.partner + " change by " + FormatNumber(o.amount) + " " + unit.label;
    } else {
      const double change = o.has_change ? o.change : -1.0;
      if (!std::isfinite(change) || change < -1.0) {
        throw InputError("--change " + FormatNumber(change) +
                         " is out of range: expected -1 (all lost) or more");
      }
      for (Index i : products) demand(i) = change * model.exports(i, p);
      labels.title = "exports to " + o.partner + " change by " + FormatNumber(100.0 * change) + "%";
    }
    labels.source = o.partner + " exports";
  }
  const Coefficients& c = impl_->coefficients();
  path_options.absolute_threshold = o.threshold_abs / unit.scale;
  Vector weights;
  if (o.target == "gdp") {
    weights = c.gross_value_added + c.product_taxes;
    labels.target = "GDP";
    labels.end = "GDP";
  } else if (o.target == "output") {
    weights = Vector::Ones(model.sector_count());
    labels.target = "output";
    labels.end = "output";
  } else {
    std::vector<std::string> choices = model.SectorCodes();
    choices.push_back("gdp");
    choices.push_back("output");
    const Index t = CodeIndex("target", o.target, choices, "sector (or gdp, output)");
    weights = Vector::Unit(model.sector_count(), t);
    labels.target = "output of " + o.target;
  }
  labels.unit = unit.label;
  labels.scale = unit.scale;
  if (demand.cwiseAbs().maxCoeff() == 0.0) {
    throw InputError("the scenario does not change final demand: there are no paths to trace");
  }
  const PathAnalysis analysis =
      StructuralPaths(c.technical, impl_->solver(), demand, weights, path_options);
  labels.question =
      "how the change of final demand reaches " + labels.target +
      " through chains of intermediate inputs: the linear Leontief part, annual, without "
      "capacity limits, rerouting or price effects";
  labels.run_total = run_gdp_change;
  labels.run_nonlinear = nonlinear;
  return Analysis{FormatPathsCsv(model, analysis, labels),
                  FormatPathsTable(model, analysis, labels)};
}

Analysis Model::Inoperability(const InoperabilityOptions& o) const {
  const BlasThreadScope blas;
  if (o.sectors.empty()) throw InputError("--sector is required: the disrupted sector");
  if (!o.has_loss) throw InputError("--loss is required: the share lost, 0 to 1");
  const double loss = o.loss;
  if (!(loss > 0.0 && loss <= 1.0)) {
    throw InputError("--loss " + FormatNumber(loss) +
                     " is out of range: expected more than 0 and at most 1");
  }
  const int months = o.months;
  const int horizon = o.horizon;
  if (horizon < 1 || horizon > 1200) {
    throw InputError("--horizon " + std::to_string(horizon) +
                     " is out of range: expected 1 to 1200");
  }
  if (months < 1) {
    throw InputError("--months " + std::to_string(months) + " is out of range: expected 1 or more");
  }
  const std::string& kind = o.kind;
  if (kind != "outage" && kind != "demand") {
    throw InputError("--kind '" + kind + "' is not one of outage, demand");
  }
  if (!(o.recovery > 0.0) || !std::isfinite(o.recovery)) {
    throw InputError("--recovery " + FormatNumber(o.recovery) +
                     " is out of range: expected more than 0 months");
  }
  const Index top = NonNegative(o.top, "top");

  const spillover::Model& model = impl_->model();
  const Coefficients& c = impl_->coefficients();
  const Index n = model.sector_count();
  const MoneyUnit unit = ResolveUnit(o.unit, model);
  const std::vector<Index> sectors =
      CodeIndices(o.sectors, "sector", model.SectorCodes(), "sector");

  Vector recovery_months = Vector::Constant(n, o.recovery);
  for (const std::string& item : o.recovery_sectors) {
    const size_t equals = item.find('=');
    if (equals == std::string::npos) {
      throw InputError("--recovery-sector '" + item + "' is not CODE=MONTHS");
    }
    const Index i =
        CodeIndex("recovery-sector", item.substr(0, equals), model.SectorCodes(), "sector");
    const std::string number = item.substr(equals + 1);
    double value = 0.0;
    size_t used = 0;
    try {
      value = std::stod(number, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != number.size() || number.empty() || !(value > 0.0) || !std::isfinite(value)) {
      throw InputError("--recovery-sector '" + item + "': '" + number +
                       "' is not a positive number of months");
    }
    recovery_months(i) = value;
  }

  InoperabilityReport report;
  std::vector<Index> capped;
  report.resilience =
      ResilienceFromRecovery(c.technical.diagonal(), recovery_months, 0.01, &capped);
  Matrix perturbation = Matrix::Zero(n, horizon);
  Matrix floor = Matrix::Zero(n, horizon);
  Vector held = Vector::Constant(n, std::numeric_limits<double>::quiet_NaN());
  Vector constant = Vector::Zero(n);
  const Vector final_demand = model.final_use.rowwise().sum();
  std::vector<std::string> names;
  for (Index j : sectors) {
    names.push_back(model.sectors[static_cast<size_t>(j)].code);
    if (kind == "outage") {
      for (int t = 0; t < std::min(months, horizon); ++t) floor(j, t) = loss;
      held(j) = loss;
    } else {
      for (int t = 0; t < std::min(months, horizon); ++t) perturbation(j, t) = loss;
      constant(j) = loss;
      if (c.output(j) > 0.0 && loss > final_demand(j) / c.output(j)) {
        report.notes.push_back(
            "the demand lost in " + names.back() + " (" + FormatNumber(100.0 * loss) +
            "% of output) exceeds its final demand (" +
            FormatNumber(100.0 * final_demand(j) / c.output(j)) + "% of output)");
      }
    }
  }
  report.title = (kind == "outage" ? "outage of " : "demand loss in ") + Join(names, ", ") + " (" +
                 FormatNumber(100.0 * loss) + "% for " + std::to_string(months) + " month" +
                 (months == 1 ? "" : "s") + "), horizon " + std::to_string(horizon) + " months";
  report.notes.push_back("recovery: a sector left alone recovers 99% of its inoperability in " +
                         FormatNumber(o.recovery) + " months" +
                         (o.recovery_sectors.empty() ? "" : " (other times for some sectors)"));
  if (!capped.empty()) {
    report.notes.push_back("resilience capped at 1 in " + std::to_string(capped.size()) +
                           " sector(s) with large own-input coefficients: they recover more "
                           "slowly than the recovery time asks");
  }
  if (kind == "outage") {
    report.notes.push_back(
        "the IIM is demand-driven: the outage spreads to the sector's suppliers; its buyers' "
        "lack of inputs is the forward linkage (see analyse extraction --variant forward)");
  }
  report.inoperability =
      DynamicInoperability(c.technical, c.output, report.resilience, perturbation, floor);
  report.equilibrium = HeldInoperability(impl_->solver(), c.technical, c.output, constant, held);
  report.output = c.output;
  report.gdp_coefficients = c.gross_value_added + c.product_taxes;
  return Analysis{FormatInoperabilityCsv(model, report, unit.label, unit.scale),
                  FormatInoperabilityTable(model, report, unit.label, unit.scale, top)};
}

Analysis Model::Linkages(const LinkagesOptions& o) const {
  const BlasThreadScope blas;
  LinkageOrder order = LinkageOrder::kKey;
  if (!FromString(o.sort, &order)) {
    throw InputError("--sort '" + o.sort + "' is not one of key, backward, forward");
  }
  const Index top = NonNegative(o.top, "top");
  const spillover::Model& model = impl_->model();
  const spillover::Linkages linkages = ComputeLinkages(impl_->coefficients(), impl_->solver());
  const std::vector<Index> ranking = RankLinkages(linkages, order);
  return Analysis{
      FormatLinkagesCsv(model, linkages, ranking),
      FormatLinkagesTable(model, linkages, ranking, top == 0 ? model.sector_count() : top)};
}

Analysis Model::GhoshMultipliers() const {
  const BlasThreadScope blas;
  const spillover::Model& model = impl_->model();
  const spillover::GhoshMultipliers m =
      ComputeGhoshMultipliers(model, impl_->coefficients(), impl_->solver());
  return Analysis{FormatGhoshCsv(model, m), FormatGhoshTable(model, m), FormatGhoshJson(model, m)};
}

Matrix Model::GhoshInverse() const {
  const BlasThreadScope blas;
  return spillover::GhoshInverse(impl_->solver(), impl_->coefficients().output);
}

Analysis Model::WriteGhosh(const std::string& out_dir) const {
  const Analysis multipliers = GhoshMultipliers();
  MakeDirectories(out_dir);
  AtomicFileSet files;
  files.Add(out_dir + "/ghosh_multipliers.csv", multipliers.csv);
  const Matrix g = GhoshInverse();
  const std::vector<std::string> codes = impl_->model().SectorCodes();
  // G is streamed to a temporary beside OUT/G.csv (n × n numbers need not be held as text),
  // then renamed into place.
  const std::string path = out_dir + "/G.csv";
  const std::string temporary = path + ".tmp." + std::to_string(static_cast<long>(getpid()));
  try {
    WriteCsvMatrix(temporary, "sector", codes, codes, g);
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error)
      throw InputError(SourceLocation{path, 0, 0, ""}, "cannot be written: " + error.message());
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
  files.Commit();
  return multipliers;
}

}  // namespace spillover::api
