#include <algorithm>
#include <cmath>
#include <iostream>
#include <limits>
#include <sstream>

#include "analyse/extraction.h"
#include "analyse/inoperability.h"
#include "analyse/paths.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "core/error.h"
#include "core/text.h"
#include "core/units.h"
#include "engine/analysis.h"
#include "io/atomic_file.h"
#include "io/model_io.h"
#include "run/runner.h"
#include "run/simulate.h"
#include "shocks/translate.h"

namespace spillover::cli {
namespace {

constexpr const char* kAnalyseUsage =
    "Usage: spillover analyse ANALYSIS [OPTIONS]\n"
    "Dependency analytics (methods and references: docs/analysis.md).\n"
    "\n"
    "Analyses:\n"
    "  extraction     hypothetical extraction of sectors or of the links with partners\n"
    "  paths          structural paths by which a demand change reaches GDP or a sector\n"
    "  inoperability  monthly path of an outage (dynamic inoperability input-output model)\n"
    "  linkages       key sectors ranked by backward and forward linkages\n"
    "\n"
    "Run 'spillover analyse ANALYSIS --help' for its options.\n";

// Options every analysis has: the model, what goes to standard output, and --out.
void AddCommonOptions(po::options_description* options, bool money) {
  options->add_options()("help,h", "show this help")("model,m",
                                                     po::value<std::string>()->default_value(""),
                                                     "model folder (default: the shipped model)")(
      "format,f", po::value<std::string>()->default_value("table"),
      "what goes to standard output: table or csv")("out,o",
                                                    po::value<std::string>()->default_value(""),
                                                    "also write the tidy CSV into this directory");
  if (money) {
    options->add_options()("unit,u", po::value<std::string>()->default_value(""),
                           "money unit of the results, e.g. 'USD million' (default: the "
                           "model's unit)");
  }
}

std::string CheckFormat(const po::variables_map& vm) {
  const std::string format = vm["format"].as<std::string>();
  if (format != "table" && format != "csv") {
    throw InputError("--format '" + format + "' is not one of table, csv");
  }
  return format;
}

std::string ModelFolder(const po::variables_map& vm) {
  const std::string folder = vm["model"].as<std::string>();
  return folder.empty() ? DefaultModelFolder() : folder;
}

MoneyUnit ResolveUnit(const po::variables_map& vm, const Model& model) {
  const std::string text = vm.count("unit") ? vm["unit"].as<std::string>() : std::string();
  if (text.empty()) return MoneyUnit{model.unit, 1.0};
  SourceLocation where;
  where.file = "--unit";
  const double model_per_unit = MoneyUnitToModel(text, model, model.currency, 1.0, where);
  return MoneyUnit{text == "model" ? model.unit : text, 1.0 / model_per_unit};
}

// Values of a repeatable option, each of which may also be a comma-separated list.
std::vector<std::string> ListOption(const po::variables_map& vm, const char* name) {
  std::vector<std::string> values;
  if (!vm.count(name)) return values;
  for (const std::string& value : vm[name].as<std::vector<std::string>>()) {
    std::stringstream stream(value);
    std::string item;
    while (std::getline(stream, item, ',')) {
      const size_t begin = item.find_first_not_of(' ');
      const size_t end = item.find_last_not_of(' ');
      if (begin != std::string::npos) values.push_back(item.substr(begin, end - begin + 1));
    }
  }
  return values;
}

Index CodeIndex(const std::string& option, const std::string& code,
                const std::vector<std::string>& codes, const char* what) {
  for (size_t i = 0; i < codes.size(); ++i) {
    if (codes[i] == code) return static_cast<Index>(i);
  }
  throw InputError("--" + option + " '" + code + "' is not a " + what + " code of the model" +
                   DidYouMean(code, codes));
}

std::vector<Index> CodeIndices(const po::variables_map& vm, const char* option,
                               const std::vector<std::string>& codes, const char* what) {
  std::vector<Index> indices;
  for (const std::string& code : ListOption(vm, option)) {
    indices.push_back(CodeIndex(option, code, codes, what));
  }
  return indices;
}

Index NonNegative(const po::variables_map& vm, const char* option) {
  const long long value = vm[option].as<long long>();
  if (value < 0) {
    throw InputError("--" + std::string(option) + " " + std::to_string(value) +
                     " is out of range: expected 0 or more");
  }
  return static_cast<Index>(value);
}

void WriteOutput(const po::variables_map& vm, const std::string& file, const std::string& csv) {
  const std::string out_dir = vm["out"].as<std::string>();
  if (out_dir.empty()) return;
  MakeDirectories(out_dir);
  AtomicFileSet files;
  files.Add(out_dir + "/" + file, csv);
  files.Commit();
}

int Extraction(const Args& args) {
  po::options_description options("Options");
  options.add_options()("by,b", po::value<std::string>()->default_value("partner"),
                        "what is extracted: sector, partner, or partner-product (each link "
                        "of a partner and a product on its own)")(
      "variant,v", po::value<std::string>()->default_value("total"),
      "sectors: backward, forward or total; partners: exports, imports or total")(
      "rule,r", po::value<std::string>()->default_value("proportional"),
      "partners: how lost imported inputs limit their users: proportional or bottleneck")(
      "sector,s", po::value<std::vector<std::string>>()->composing(),
      "only these sectors (by sector) or products (by partner); repeatable or CODE,CODE")(
      "partner,p", po::value<std::vector<std::string>>()->composing(),
      "only these partners; repeatable or CODE,CODE")(
      "top,t", po::value<long long>()->default_value(20),
      "extractions listed, largest GDP loss first (0 = all)")(
      "hit", po::value<long long>()->default_value(3), "sectors hit hardest listed per extraction");
  AddCommonOptions(&options, true);
  po::variables_map vm;
  const std::string usage =
      "Usage: spillover analyse extraction [OPTIONS]\n"
      "Hypothetical extraction (Miller & Blair section 12.2): the GDP and output lost if a\n"
      "sector's intermediate links, or the trade links with a partner, were removed.";
  if (!ParseOptions(args, options, nullptr, usage, &vm)) return 0;
  const std::string format = CheckFormat(vm);
  const std::string by = vm["by"].as<std::string>();
  if (by != "sector" && by != "partner" && by != "partner-product") {
    throw InputError("--by '" + by + "' is not one of sector, partner, partner-product");
  }
  const std::string variant_text = vm["variant"].as<std::string>();
  SectorExtractionVariant sector_variant = SectorExtractionVariant::kTotal;
  PartnerExtractionVariant partner_variant = PartnerExtractionVariant::kTotal;
  if (by == "sector" && !FromString(variant_text, &sector_variant)) {
    throw InputError("--variant '" + variant_text +
                     "' is not one of backward, forward, total (for --by sector)");
  }
  if (by != "sector" && !FromString(variant_text, &partner_variant)) {
    throw InputError("--variant '" + variant_text +
                     "' is not one of exports, imports, total (for --by " + by + ")");
  }
  SupplyRule rule = SupplyRule::kProportional;
  const std::string rule_text = vm["rule"].as<std::string>();
  if (!FromString(rule_text, &rule)) {
    throw InputError("--rule '" + rule_text + "' is not one of proportional, bottleneck");
  }
  const Index top = NonNegative(vm, "top");
  const Index hit = NonNegative(vm, "hit");

  ModelCache cache;
  const PreparedModel& prepared = cache.Get(ModelFolder(vm));
  const Model& model = prepared.model();
  const MoneyUnit unit = ResolveUnit(vm, model);
  const std::vector<Index> sectors = CodeIndices(vm, "sector", model.SectorCodes(), "sector");
  if (by == "sector" && vm.count("partner")) {
    throw InputError("--partner applies to --by partner or partner-product, not --by sector");
  }
  const std::vector<Index> partners = CodeIndices(vm, "partner", model.PartnerCodes(), "partner");
  ExtractionTable table = by == "sector"
                              ? ExtractSectors(prepared, sector_variant, sectors, hit)
                              : ExtractPartners(prepared, partner_variant, rule, partners, sectors,
                                                by == "partner-product", hit);
  if (top > 0 && static_cast<size_t>(top) < table.rows.size()) {
    table.rows.resize(static_cast<size_t>(top));
  }
  const std::string csv = FormatExtractionCsv(model, table, unit);
  WriteOutput(vm, "extraction.csv", csv);
  std::cout << (format == "csv" ? csv : FormatExtractionTable(model, table, unit, hit));
  return 0;
}

int Paths(const Args& args) {
  po::options_description options("Options");
  options.add_options()("set", po::value<std::vector<std::string>>()->composing(),
                        "override a key of the scenario: PATH=VALUE (repeatable)")(
      "partner,p", po::value<std::string>()->default_value(""),
      "instead of a scenario: a change of exports to this partner")(
      "sector,s", po::value<std::vector<std::string>>()->composing(),
      "with --partner: only the exports of these products (default: all)")(
      "change,c", po::value<double>(),
      "with --partner: relative change of those exports (default -1: all lost)")(
      "amount", po::value<double>(),
      "with --partner: absolute change instead, in --unit, spread over the products by "
      "their exports to the partner (e.g. 1 for a unit shock)")(
      "target", po::value<std::string>()->default_value("gdp"),
      "where the effect is measured: gdp, output (all sectors), or a sector code")(
      "top,t", po::value<long long>()->default_value(20), "paths listed")(
      "depth,d", po::value<int>()->default_value(6), "most steps through intermediate inputs")(
      "threshold", po::value<double>()->default_value(1e-4),
      "follow paths only above this fraction of the total effect")(
      "threshold-abs", po::value<double>()->default_value(0.0),
      "... and above this absolute value, in --unit")(
      "max-nodes", po::value<long long>()->default_value(1000000),
      "bound on the paths the search visits");
  AddCommonOptions(&options, true);
  po::variables_map vm;
  const std::string usage =
      "Usage: spillover analyse paths [OPTIONS] [SCENARIO.yaml]\n"
      "Structural path analysis: the paths (demand for s needs inputs from k, which needs\n"
      "inputs from ...) through which a scenario's final-demand change, or a change of\n"
      "exports to --partner, reaches GDP or a sector's output; the top paths by value.";
  if (!ParseOptions(args, options, "scenario", usage, &vm)) return 0;
  const std::string format = CheckFormat(vm);
  const std::vector<std::string> files = vm.count("scenario")
                                             ? vm["scenario"].as<std::vector<std::string>>()
                                             : std::vector<std::string>();
  const std::string partner_code = vm["partner"].as<std::string>();
  if (files.size() > 1) {
    throw InputError("paths takes one scenario file, got " + std::to_string(files.size()));
  }
  if (!files.empty() && !partner_code.empty()) {
    throw InputError("give a scenario file or --partner CODE, not both");
  }
  if (files.empty() && partner_code.empty()) {
    throw InputError(
        "give a scenario file or --partner CODE; see 'spillover analyse paths --help'");
  }
  if (!files.empty() && (vm.count("sector") || vm.count("change") || vm.count("amount"))) {
    throw InputError("--sector, --change and --amount go with --partner, not with a scenario file");
  }
  if (vm.count("change") && vm.count("amount")) {
    throw InputError("give --change or --amount, not both");
  }
  PathOptions path_options;
  path_options.top = NonNegative(vm, "top");
  if (path_options.top < 1) throw InputError("--top 0 is out of range: expected 1 or more");
  path_options.max_depth = vm["depth"].as<int>();
  if (path_options.max_depth < 0 || path_options.max_depth > 100) {
    throw InputError("--depth " + std::to_string(path_options.max_depth) +
                     " is out of range: expected 0 to 100");
  }
  path_options.relative_threshold = vm["threshold"].as<double>();
  if (!(path_options.relative_threshold >= 0.0 && path_options.relative_threshold <= 1.0)) {
    throw InputError("--threshold " + FormatNumber(path_options.relative_threshold) +
                     " is out of range: expected a fraction from 0 to 1");
  }
  const double threshold_abs = vm["threshold-abs"].as<double>();
  if (!(threshold_abs >= 0.0) || !std::isfinite(threshold_abs)) {
    throw InputError("--threshold-abs " + FormatNumber(threshold_abs) +
                     " is out of range: expected 0 or more");
  }
  path_options.max_nodes = NonNegative(vm, "max-nodes");
  if (path_options.max_nodes < 1 || path_options.max_nodes > 1000000000) {
    throw InputError("--max-nodes " + std::to_string(path_options.max_nodes) +
                     " is out of range: expected 1 to 1000000000");
  }

  ModelCache cache;
  const PreparedModel* prepared = nullptr;
  Vector demand;
  PathLabels labels;
  if (!files.empty()) {
    const std::vector<std::string> overrides =
        vm.count("set") ? vm["set"].as<std::vector<std::string>>() : std::vector<std::string>();
    const PreparedScenario scenario = PrepareScenario(
        ScenarioRequest{files.front(), overrides, vm["model"].as<std::string>()}, &cache);
    prepared = scenario.model;
    const ExogenousChange change =
        TranslateShocks(prepared->model(), prepared->coefficients(), scenario.scenario);
    demand = DemandChange(change);
    labels.title = "scenario " + scenario.scenario.name;
    labels.source = "demand";
    if (change.capacity.minCoeff() < std::numeric_limits<double>::infinity() ||
        change.import_price.cwiseAbs().maxCoeff() > 0.0 ||
        change.exporter_cost.cwiseAbs().maxCoeff() > 0.0) {
      labels.notes.push_back(
          "the scenario's supply limits, price changes and rerouting costs are not traced; "
          "paths start from its change of final demand only");
    }
  } else {
    if (vm.count("set")) throw InputError("--set goes with a scenario file, not with --partner");
    prepared = &cache.Get(ModelFolder(vm));
    const Model& model = prepared->model();
    const Index p = CodeIndex("partner", partner_code, model.PartnerCodes(), "partner");
    std::vector<Index> products = CodeIndices(vm, "sector", model.SectorCodes(), "sector");
    if (products.empty()) {
      for (Index i = 0; i < model.sector_count(); ++i) products.push_back(i);
    }
    demand = Vector::Zero(model.sector_count());
    double exports = 0.0;
    for (Index i : products) exports += model.exports(i, p);
    if (!(exports > 0.0)) {
      throw InputError("the exports to " + partner_code +
                       " of the chosen products are zero in the base year: nothing to trace");
    }
    if (vm.count("amount")) {
      const double amount = vm["amount"].as<double>();
      const MoneyUnit unit = ResolveUnit(vm, model);
      for (Index i : products) demand(i) = amount / unit.scale * model.exports(i, p) / exports;
      labels.title =
          "exports to " + partner_code + " change by " + FormatNumber(amount) + " " + unit.label;
    } else {
      const double change = vm.count("change") ? vm["change"].as<double>() : -1.0;
      if (!std::isfinite(change) || change < -1.0) {
        throw InputError("--change " + FormatNumber(change) +
                         " is out of range: expected -1 (all lost) or more");
      }
      for (Index i : products) demand(i) = change * model.exports(i, p);
      labels.title =
          "exports to " + partner_code + " change by " + FormatNumber(100.0 * change) + "%";
    }
    labels.source = partner_code + " exports";
  }
  const Model& model = prepared->model();
  const Coefficients& c = prepared->coefficients();
  const MoneyUnit unit = ResolveUnit(vm, model);
  path_options.absolute_threshold = threshold_abs / unit.scale;
  const std::string target = vm["target"].as<std::string>();
  Vector weights;
  if (target == "gdp") {
    weights = c.gross_value_added + c.product_taxes;
    labels.target = "GDP";
    labels.end = "GDP";
  } else if (target == "output") {
    weights = Vector::Ones(model.sector_count());
    labels.target = "output";
    labels.end = "output";
  } else {
    std::vector<std::string> choices = model.SectorCodes();
    choices.push_back("gdp");
    choices.push_back("output");
    const Index t = CodeIndex("target", target, choices, "sector (or gdp, output)");
    weights = Vector::Unit(model.sector_count(), t);
    labels.target = "output of " + target;
  }
  labels.unit = unit.label;
  labels.scale = unit.scale;
  if (demand.cwiseAbs().maxCoeff() == 0.0) {
    throw InputError("the scenario does not change final demand: there are no paths to trace");
  }
  const PathAnalysis analysis =
      StructuralPaths(c.technical, prepared->solver(), demand, weights, path_options);
  const std::string csv = FormatPathsCsv(model, analysis, labels);
  WriteOutput(vm, "paths.csv", csv);
  std::cout << (format == "csv" ? csv : FormatPathsTable(model, analysis, labels));
  return 0;
}

int Inoperability(const Args& args) {
  po::options_description options("Options");
  options.add_options()("sector,s", po::value<std::vector<std::string>>()->composing(),
                        "disrupted sector(s); repeatable or CODE,CODE")(
      "loss,l", po::value<double>(),
      "outage: share of the sector's output lost; demand: demand lost as a share of the "
      "sector's output (0 to 1)")("months", po::value<int>()->default_value(3),
                                  "months the disruption lasts")(
      "horizon", po::value<int>()->default_value(12), "months reported")(
      "kind,k", po::value<std::string>()->default_value("outage"),
      "outage (the sector's inoperability is held at --loss) or demand (a perturbation c*)")(
      "recovery", po::value<double>()->default_value(12.0),
      "months in which a sector left alone recovers 99% of its inoperability")(
      "recovery-sector", po::value<std::vector<std::string>>()->composing(),
      "CODE=MONTHS: another recovery time for one sector (repeatable)")(
      "top,t", po::value<long long>()->default_value(10), "sectors listed in the table");
  AddCommonOptions(&options, true);
  po::variables_map vm;
  const std::string usage =
      "Usage: spillover analyse inoperability --sector CODE --loss F [OPTIONS]\n"
      "Dynamic inoperability input-output model (Haimes & Jiang 2001; Lian & Haimes 2006): the\n"
      "monthly path of inoperability (fraction of output lost) and losses of a disruption\n"
      "that lasts --months, and the recovery after it.";
  if (!ParseOptions(args, options, nullptr, usage, &vm)) return 0;
  const std::string format = CheckFormat(vm);
  if (!vm.count("sector")) throw InputError("--sector is required: the disrupted sector");
  if (!vm.count("loss")) throw InputError("--loss is required: the share lost, 0 to 1");
  const double loss = vm["loss"].as<double>();
  if (!(loss > 0.0 && loss <= 1.0)) {
    throw InputError("--loss " + FormatNumber(loss) +
                     " is out of range: expected more than 0 and at most 1");
  }
  const int months = vm["months"].as<int>();
  const int horizon = vm["horizon"].as<int>();
  if (horizon < 1 || horizon > 1200) {
    throw InputError("--horizon " + std::to_string(horizon) +
                     " is out of range: expected 1 to 1200");
  }
  if (months < 1) {
    throw InputError("--months " + std::to_string(months) + " is out of range: expected 1 or more");
  }
  const std::string kind = vm["kind"].as<std::string>();
  if (kind != "outage" && kind != "demand") {
    throw InputError("--kind '" + kind + "' is not one of outage, demand");
  }
  const double recovery = vm["recovery"].as<double>();
  if (!(recovery > 0.0) || !std::isfinite(recovery)) {
    throw InputError("--recovery " + FormatNumber(recovery) +
                     " is out of range: expected more than 0 months");
  }
  const Index top = NonNegative(vm, "top");

  ModelCache cache;
  const PreparedModel& prepared = cache.Get(ModelFolder(vm));
  const Model& model = prepared.model();
  const Coefficients& c = prepared.coefficients();
  const Index n = model.sector_count();
  const MoneyUnit unit = ResolveUnit(vm, model);
  const std::vector<Index> sectors = CodeIndices(vm, "sector", model.SectorCodes(), "sector");

  Vector recovery_months = Vector::Constant(n, recovery);
  for (const std::string& item : ListOption(vm, "recovery-sector")) {
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
                         FormatNumber(recovery) + " months" +
                         (vm.count("recovery-sector") ? " (other times for some sectors)" : ""));
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
  report.equilibrium = HeldInoperability(prepared.solver(), c.technical, c.output, constant, held);
  report.output = c.output;
  report.gdp_coefficients = c.gross_value_added + c.product_taxes;
  const std::string csv = FormatInoperabilityCsv(model, report, unit.label, unit.scale);
  WriteOutput(vm, "inoperability.csv", csv);
  std::cout << (format == "csv"
                    ? csv
                    : FormatInoperabilityTable(model, report, unit.label, unit.scale, top));
  return 0;
}

int LinkagesReport(const Args& args) {
  po::options_description options("Options");
  options.add_options()("sort", po::value<std::string>()->default_value("key"),
                        "order: key (key sectors first, then the mean index), backward or forward")(
      "top,t", po::value<long long>()->default_value(0), "sectors listed in the table (0 = all)");
  AddCommonOptions(&options, false);
  po::variables_map vm;
  const std::string usage =
      "Usage: spillover analyse linkages [OPTIONS]\n"
      "Sectors ranked by backward and forward linkages (direct and total; Rasmussen indices),\n"
      "key sectors flagged (Miller & Blair section 12.2).";
  if (!ParseOptions(args, options, nullptr, usage, &vm)) return 0;
  const std::string format = CheckFormat(vm);
  LinkageOrder order = LinkageOrder::kKey;
  const std::string sort = vm["sort"].as<std::string>();
  if (!FromString(sort, &order)) {
    throw InputError("--sort '" + sort + "' is not one of key, backward, forward");
  }
  const Index top = NonNegative(vm, "top");
  ModelCache cache;
  const PreparedModel& prepared = cache.Get(ModelFolder(vm));
  const Model& model = prepared.model();
  const Linkages linkages = ComputeLinkages(prepared.coefficients(), prepared.solver());
  const std::vector<Index> ranking = RankLinkages(linkages, order);
  const std::string csv = FormatLinkagesCsv(model, linkages, ranking);
  WriteOutput(vm, "linkages.csv", csv);
  std::cout << (format == "csv" ? csv
                                : FormatLinkagesTable(model, linkages, ranking,
                                                      top == 0 ? model.sector_count() : top));
  return 0;
}

}  // namespace

int Analyse(const Args& args) {
  if (args.empty()) {
    throw InputError(
        "no analysis given: expected one of extraction, paths, inoperability, linkages; see "
        "'spillover analyse --help'");
  }
  const std::string& verb = args.front();
  const Args rest(args.begin() + 1, args.end());
  if (verb == "--help" || verb == "-h" || verb == "help") {
    std::cout << kAnalyseUsage;
    return 0;
  }
  if (verb == "extraction") return Extraction(rest);
  if (verb == "paths") return Paths(rest);
  if (verb == "inoperability") return Inoperability(rest);
  if (verb == "linkages") return LinkagesReport(rest);
  throw InputError("unknown analysis '" + verb +
                   "': expected one of extraction, paths, inoperability, linkages" +
                   DidYouMean(verb, {"extraction", "paths", "inoperability", "linkages"}));
}

}  // namespace spillover::cli
