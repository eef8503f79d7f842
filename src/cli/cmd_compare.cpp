#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "spillover/files.h"

namespace spillover::cli {

namespace api = spillover::api;

int Compare(const Args& args) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "baseline,b", po::value<std::string>()->default_value(""),
      "the scenario (by its `name`) the others are compared with (default: the first)")(
      "format,f", po::value<std::string>()->default_value("table"),
      "what goes to standard output: table, csv or json")(
      "out,o", po::value<std::string>()->default_value(""),
      "also write comparison.csv (tidy) and comparison.json into this directory")(
      "model,m", po::value<std::string>()->default_value(""),
      "model folder for every scenario (default: each scenario's `model`)")(
      "set,s", po::value<std::vector<std::string>>()->composing(),
      "override a key of every scenario: PATH=VALUE (repeatable)")(
      "quiet,q", "print nothing to standard output (with --out)");
  po::variables_map vm;
  const std::string usage =
      "Usage: spillover compare [OPTIONS] A.yaml B.yaml...\n"
      "Runs the scenarios on one model and shows them side by side: the headline, trade by\n"
      "partner, routes and the sectors that change most, each scenario's change from the base\n"
      "year and its difference from the baseline scenario, in the model's unit and in\n"
      "percentage points.";
  if (!ParseOptions(args, options, "scenario", usage, &vm)) return 0;
  if (!vm.count("scenario")) {
    throw InputError("no scenario file given; see 'spillover compare --help'");
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "table" && format != "csv" && format != "json") {
    throw InputError("--format '" + format + "' is not one of table, csv, json");
  }
  api::ScenarioFiles files;
  files.files = vm["scenario"].as<std::vector<std::string>>();
  if (vm.count("set")) files.overrides = vm["set"].as<std::vector<std::string>>();
  files.model_folder = vm["model"].as<std::string>();
  const api::Analysis comparison = api::CompareFiles(files, vm["baseline"].as<std::string>());
  const std::string out_dir = vm["out"].as<std::string>();
  if (!out_dir.empty()) {
    api::WriteFiles(out_dir,
                    {{"comparison.csv", comparison.csv}, {"comparison.json", comparison.json}});
  }
  if (vm.count("quiet")) return 0;
  std::cout << (format == "csv"    ? comparison.csv
                : format == "json" ? comparison.json
                                   : comparison.text);
  std::cout.flush();
  return 0;
}

}  // namespace spillover::cli
