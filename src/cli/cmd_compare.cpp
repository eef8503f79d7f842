#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "core/error.h"
#include "io/atomic_file.h"
#include "report/compare.h"
#include "report/report.h"

namespace spillover::cli {

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
  OutputFormat format;
  const std::string format_text = vm["format"].as<std::string>();
  if (!FromString(format_text, &format)) {
    throw InputError("--format '" + format_text + "' is not one of table, csv, json");
  }
  const std::vector<std::string> overrides =
      vm.count("set") ? vm["set"].as<std::vector<std::string>>() : std::vector<std::string>();
  ModelCache cache;
  const Comparison comparison(RunScenarioFiles(vm["scenario"].as<std::vector<std::string>>(),
                                               overrides, vm["model"].as<std::string>(), &cache),
                              vm["baseline"].as<std::string>());
  const std::string out_dir = vm["out"].as<std::string>();
  if (!out_dir.empty()) {
    MakeDirectories(out_dir);
    AtomicFileSet files;
    files.Add(out_dir + "/comparison.csv", FormatCompareCsv(comparison));
    files.Add(out_dir + "/comparison.json", FormatCompareJson(comparison));
    files.Commit();
  }
  if (vm.count("quiet")) return 0;
  switch (format) {
    case OutputFormat::kTable:
      std::cout << FormatCompareTable(comparison);
      break;
    case OutputFormat::kCsv:
      std::cout << FormatCompareCsv(comparison);
      break;
    case OutputFormat::kJson:
      std::cout << FormatCompareJson(comparison);
      break;
  }
  std::cout.flush();
  return 0;
}

}  // namespace spillover::cli
