#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "core/error.h"
#include "io/atomic_file.h"
#include "report/report.h"
#include "results/aggregate.h"
#include "run/runner.h"

namespace spillover::cli {

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
      "trade by partner and output by sector against the model's base year.";
  if (!ParseOptions(args, options, "scenario", usage, &vm)) return 0;
  if (!vm.count("scenario")) throw InputError("no scenario file given; see 'spillover run --help'");
  OutputFormat format;
  const std::string format_text = vm["format"].as<std::string>();
  if (!FromString(format_text, &format)) {
    throw InputError("--format '" + format_text + "' is not one of table, csv, json");
  }
  const std::string out_dir = vm["out"].as<std::string>();
  const std::vector<std::string> overrides =
      vm.count("set") ? vm["set"].as<std::vector<std::string>>() : std::vector<std::string>();

  ModelCache cache;
  std::vector<ScenarioResult> results;
  for (const auto& file : vm["scenario"].as<std::vector<std::string>>()) {
    const PreparedScenario prepared =
        PrepareScenario(ScenarioRequest{file, overrides, vm["model"].as<std::string>()}, &cache);
    ScenarioResult result = Simulate(*prepared.model, prepared.scenario);
    const std::string& map_file = vm["aggregate"].as<std::string>();
    if (!map_file.empty()) {
      result =
          AggregateSectors(result, LoadSectorMap(map_file, prepared.model->model().SectorCodes()));
    }
    results.push_back(std::move(result));
  }
  if (!out_dir.empty()) {
    MakeDirectories(out_dir);
    AtomicFileSet files;
    files.Add(out_dir + "/results.csv", FormatCsv(results));
    files.Add(out_dir + "/summary.json", FormatJson(results));
    files.Commit();
  }
  if (vm.count("quiet")) return 0;
  switch (format) {
    case OutputFormat::kTable:
      for (size_t i = 0; i < results.size(); ++i) {
        std::cout << (i > 0 ? "\n" : "") << FormatTable(results[i]);
      }
      break;
    case OutputFormat::kCsv:
      std::cout << FormatCsv(results);
      break;
    case OutputFormat::kJson:
      std::cout << FormatJson(results);
      break;
  }
  std::cout.flush();
  return 0;
}

}  // namespace spillover::cli
