#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "spillover/files.h"

namespace spillover::cli {

namespace api = spillover::api;

int Run(const Args& args) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "model,m", po::value<std::string>()->default_value(""),
      "model folder (default: the scenario's `model`, else the shipped model)")(
      "set,s", po::value<std::vector<std::string>>()->composing(),
      "override a scenario key: PATH=VALUE, e.g. shocks.russia_demand.change=-0.2 (repeatable)")(
      "format,f", po::value<std::string>()->default_value("table"),
      "what goes to standard output: table, csv or json")(
      "out,o", po::value<std::string>()->default_value(""),
      "also write results.csv (tidy) and summary.json into this directory")(
      "aggregate,a", po::value<std::string>()->default_value(""),
      "sum sector results into groups: a CSV 'code,group[,group_name]' (e.g. "
      "model/kaz-2024/aggregations/sectors20.csv)")(
      "quiet,q", "print nothing to standard output (with --out)");
  po::variables_map vm;
  const std::string usage =
      "Usage: spillover run [OPTIONS] SCENARIO.yaml...\n"
      "Runs each scenario ('-' reads one from standard input) and reports the change in GDP,\n"
      "trade by partner and output by sector against the model's base year.\n"
      "A relative `model:` path is taken from the scenario file's folder, or from the current\n"
      "directory for a scenario read from standard input; a bare name (`example-2sector`)\n"
      "names a shipped model. Without `model:` or --model: $SPILLOVER_MODEL, else kaz-2024\n"
      "in the models folder ($SPILLOVER_MODEL_DIR, else PREFIX/share/spillover/models next\n"
      "to the installed program).";
  if (!ParseOptions(args, options, "scenario", usage, &vm)) return 0;
  if (!vm.count("scenario")) throw InputError("no scenario file given; see 'spillover run --help'");
  const std::string format = vm["format"].as<std::string>();
  if (format != "table" && format != "csv" && format != "json") {
    throw InputError("--format '" + format + "' is not one of table, csv, json");
  }
  const std::string out_dir = vm["out"].as<std::string>();
  api::ScenarioFiles files;
  files.files = vm["scenario"].as<std::vector<std::string>>();
  if (vm.count("set")) files.overrides = vm["set"].as<std::vector<std::string>>();
  files.model_folder = vm["model"].as<std::string>();
  const std::vector<api::Result> results = api::RunFiles(files, vm["aggregate"].as<std::string>());
  if (!out_dir.empty()) {
    api::WriteFiles(out_dir, {{"results.csv", api::ResultsCsv(results)},
                              {"summary.json", api::ResultsJson(results)}});
  }
  if (vm.count("quiet")) return 0;
  if (format == "table") {
    for (size_t i = 0; i < results.size(); ++i) {
      std::cout << (i > 0 ? "\n" : "") << results[i].Text();
    }
  } else {
    std::cout << (format == "csv" ? api::ResultsCsv(results) : api::ResultsJson(results));
  }
  std::cout.flush();
  return 0;
}

}  // namespace spillover::cli
