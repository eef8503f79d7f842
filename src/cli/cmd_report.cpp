#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "spillover/files.h"

namespace spillover::cli {

namespace api = spillover::api;
namespace fs = std::filesystem;

int Report(const Args& args) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "out,o", po::value<std::string>()->default_value(""),
      "the folder for report.html and report.xlsx (created if needed)")(
      "force", "replace report.html and report.xlsx if the folder holds them")(
      "baseline,b", po::value<std::string>()->default_value(""),
      "the scenario (by its `name`) the others are compared with (default: the first)")(
      "model,m", po::value<std::string>()->default_value(""),
      "model folder for every scenario (default: each scenario's `model`)")(
      "set,s", po::value<std::vector<std::string>>()->composing(),
      "override a key of every scenario: PATH=VALUE (repeatable)")(
      "groups,g", po::value<std::string>()->default_value(""),
      "sector groups of the group chart, a mapping CSV code,group[,group_name] (default: the "
      "model's aggregations/sections.csv)")("quiet,q", "print nothing to standard output");
  po::variables_map vm;
  const std::string usage =
      "Usage: spillover report SCENARIO.yaml... --out DIR\n"
      "       spillover report SWEEP_OUT_DIR --out DIR\n"
      "Writes report.html (one self-contained page with tables and charts, printable on A4)\n"
      "and report.xlsx (one sheet per table) for scenarios run on one model, side by side with\n"
      "their differences from the baseline, or for the output folder of a finished sweep.";
  if (!ParseOptions(args, options, "input", usage, &vm)) return 0;
  if (!vm.count("input"))
    throw InputError("no scenario file or sweep folder given; see 'spillover report --help'");
  const std::string out_dir = vm["out"].as<std::string>();
  if (out_dir.empty())
    throw InputError("--out DIR is required: the folder for report.html and report.xlsx");
  const std::vector<std::string> inputs = vm["input"].as<std::vector<std::string>>();
  const bool force = vm.count("force") > 0;
  std::string written;
  if (inputs.size() == 1 && fs::is_directory(inputs[0])) {
    written =
        "sweep " + api::ReportSweepFolder(inputs[0], out_dir, vm["model"].as<std::string>(), force);
  } else {
    for (const auto& input : inputs) {
      if (fs::is_directory(input)) {
        throw InputError(SourceLocation{input, 0, 0, ""},
                         "is a folder: a report takes either scenario files or one sweep folder");
      }
    }
    api::ScenarioFiles files;
    files.files = inputs;
    if (vm.count("set")) files.overrides = vm["set"].as<std::vector<std::string>>();
    files.model_folder = vm["model"].as<std::string>();
    api::ReportFiles(files, out_dir, vm["baseline"].as<std::string>(),
                     vm["groups"].as<std::string>(), force);
    written = std::to_string(inputs.size()) + " scenario" + (inputs.size() > 1 ? "s" : "");
  }
  if (!vm.count("quiet")) {
    std::cout << "Report of " << written << ": " << out_dir << "/report.html, " << out_dir
              << "/report.xlsx\n";
  }
  return 0;
}

}  // namespace spillover::cli
