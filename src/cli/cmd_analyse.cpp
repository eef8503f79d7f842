#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "cli/options.h"
#include "spillover/files.h"

namespace spillover::cli {
namespace {

namespace api = spillover::api;

constexpr const char* kAnalyseUsage =
    "Usage: spillover analyse ANALYSIS [OPTIONS]\n"
    "Dependency analytics (methods and references: docs/analysis.md).\n"
    "\n"
    "Analyses:\n"
    "  extraction     hypothetical extraction of sectors or of the links with partners\n"
    "  paths          structural paths by which a demand change reaches GDP or a sector\n"
    "  inoperability  monthly path of an outage (dynamic inoperability input-output model)\n"
    "  linkages       key sectors ranked by backward and forward linkages\n"
    "  ghosh          the supply-driven (Ghosh) inverse G, written to a file\n"
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

// Writes the tidy CSV into --out, and the table or the CSV to standard output.
int Report(const po::variables_map& vm, const std::string& format, const std::string& file,
           const api::Analysis& analysis) {
  const std::string out_dir = vm["out"].as<std::string>();
  if (!out_dir.empty()) api::WriteFiles(out_dir, {{file, analysis.csv}});
  std::cout << (format == "csv" ? analysis.csv : analysis.text);
  return 0;
}

std::string UnitOption(const po::variables_map& vm) {
  return vm.count("unit") ? vm["unit"].as<std::string>() : std::string();
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
  api::ExtractionOptions o;
  o.by = vm["by"].as<std::string>();
  o.variant = vm["variant"].as<std::string>();
  o.rule = vm["rule"].as<std::string>();
  o.sectors = ListOption(vm, "sector");
  o.partners = ListOption(vm, "partner");
  o.top = vm["top"].as<long long>();
  o.hit = vm["hit"].as<long long>();
  o.unit = UnitOption(vm);
  return Report(vm, format, "extraction.csv",
                api::Model::Load(vm["model"].as<std::string>()).Extraction(o));
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
  if (files.size() > 1) {
    throw InputError("paths takes one scenario file, got " + std::to_string(files.size()));
  }
  api::PathsOptions o;
  o.partner = vm["partner"].as<std::string>();
  o.sectors = ListOption(vm, "sector");
  o.has_change = vm.count("change") > 0;
  if (o.has_change) o.change = vm["change"].as<double>();
  o.has_amount = vm.count("amount") > 0;
  if (o.has_amount) o.amount = vm["amount"].as<double>();
  o.target = vm["target"].as<std::string>();
  o.top = vm["top"].as<long long>();
  o.depth = vm["depth"].as<int>();
  o.threshold = vm["threshold"].as<double>();
  o.threshold_abs = vm["threshold-abs"].as<double>();
  o.max_nodes = vm["max-nodes"].as<long long>();
  o.unit = UnitOption(vm);
  std::string folder = vm["model"].as<std::string>();
  std::unique_ptr<api::Scenario> scenario;
  if (!files.empty()) {
    if (!o.partner.empty()) throw InputError("give a scenario file or --partner CODE, not both");
    scenario = std::make_unique<api::Scenario>(api::Scenario::FromFile(files.front()));
    api::CheckNotSweep(*scenario);
    if (vm.count("set")) {
      for (const auto& assignment : vm["set"].as<std::vector<std::string>>()) {
        scenario->Override(assignment);
      }
    }
    if (folder.empty()) folder = scenario->ModelFolder();
    o.scenario = scenario.get();
  } else if (vm.count("set")) {
    throw InputError("--set goes with a scenario file, not with --partner");
  }
  return Report(vm, format, "paths.csv", api::Model::Load(folder).Paths(o));
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
  api::InoperabilityOptions o;
  o.sectors = ListOption(vm, "sector");
  o.has_loss = vm.count("loss") > 0;
  if (o.has_loss) o.loss = vm["loss"].as<double>();
  o.months = vm["months"].as<int>();
  o.horizon = vm["horizon"].as<int>();
  o.kind = vm["kind"].as<std::string>();
  o.recovery = vm["recovery"].as<double>();
  o.recovery_sectors = ListOption(vm, "recovery-sector");
  o.top = vm["top"].as<long long>();
  o.unit = UnitOption(vm);
  return Report(vm, format, "inoperability.csv",
                api::Model::Load(vm["model"].as<std::string>()).Inoperability(o));
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
  api::LinkagesOptions o;
  o.sort = vm["sort"].as<std::string>();
  o.top = vm["top"].as<long long>();
  return Report(vm, format, "linkages.csv",
                api::Model::Load(vm["model"].as<std::string>()).Linkages(o));
}

int GhoshReport(const Args& args) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")("model,m",
                                                    po::value<std::string>()->default_value(""),
                                                    "model folder (default: the shipped model)")(
      "out,o", po::value<std::string>()->default_value(""),
      "directory for G.csv and ghosh_multipliers.csv (required)");
  po::variables_map vm;
  const std::string usage =
      "Usage: spillover analyse ghosh --out DIR [OPTIONS]\n"
      "Writes the Ghosh inverse G = (I - B)^-1, B = diag(x)^-1 Z (Miller & Blair ch. 12), as\n"
      "DIR/G.csv: a labelled n x n matrix (n = sectors, regions x sectors in a multi-regional\n"
      "model; 68 x 68 for the shipped model, 25 million cells at n = 5,000), rows the selling\n"
      "sectors. Also writes its row sums, the output supply multipliers, as\n"
      "DIR/ghosh_multipliers.csv and prints them (as `spillover multipliers --ghosh`).";
  if (!ParseOptions(args, options, nullptr, usage, &vm)) return 0;
  const std::string out_dir = vm["out"].as<std::string>();
  if (out_dir.empty()) {
    throw InputError("analyse ghosh: --out DIR is required (G is written as DIR/G.csv)");
  }
  const api::Model model = api::Model::Load(vm["model"].as<std::string>());
  const api::Analysis multipliers = model.WriteGhosh(out_dir);
  const std::string n = std::to_string(model.sectors().size());
  std::cout << "Wrote " << out_dir << "/G.csv (" << n << " x " << n
            << ") and ghosh_multipliers.csv.\n"
            << multipliers.text;
  return 0;
}

}  // namespace

int Analyse(const Args& args) {
  if (args.empty()) {
    throw InputError(
        "no analysis given: expected one of extraction, paths, inoperability, linkages, ghosh; see "
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
  if (verb == "ghosh") return GhoshReport(rest);
  throw InputError(
      "unknown analysis '" + verb +
      "': expected one of extraction, paths, inoperability, linkages, ghosh" +
      api::DidYouMean(verb, {"extraction", "paths", "inoperability", "linkages", "ghosh"}));
}

}  // namespace spillover::cli
