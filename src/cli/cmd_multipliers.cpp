#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "spillover/files.h"

namespace spillover::cli {

namespace api = spillover::api;

int MultipliersCommand(const Args& args) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")("model,m",
                                                    po::value<std::string>()->default_value(""),
                                                    "model folder (default: the shipped model)")(
      "format,f", po::value<std::string>()->default_value("table"),
      "what goes to standard output: table, csv or json")(
      "out,o", po::value<std::string>()->default_value(""),
      "also write multipliers.csv (tidy) into this directory")(
      "ghosh", "the supply-driven (Ghosh) output multipliers instead (ghosh_multipliers.csv)");
  po::variables_map vm;
  const std::string usage =
      "Usage: spillover multipliers [OPTIONS]\n"
      "Type I and II output, value-added, import, compensation and satellite multipliers,\n"
      "type I and II income multipliers (ratios to the direct compensation), and backward\n"
      "and forward linkages (Rasmussen indices, key sectors), per sector. With --ghosh:\n"
      "supply-driven output multipliers per selling sector (row sums of the Ghosh inverse,\n"
      "Miller & Blair ch. 12), split by output region in a multi-regional model.";
  if (!ParseOptions(args, options, nullptr, usage, &vm)) return 0;
  const std::string format = vm["format"].as<std::string>();
  if (format != "table" && format != "csv" && format != "json") {
    throw InputError("--format '" + format + "' is not one of table, csv, json");
  }
  const api::Model model = api::Model::Load(vm["model"].as<std::string>());
  const bool ghosh = vm.count("ghosh") > 0;
  const api::Analysis multipliers = ghosh ? model.GhoshMultipliers() : model.Multipliers();
  const std::string& csv = multipliers.csv;
  const std::string out_dir = vm["out"].as<std::string>();
  if (!out_dir.empty()) {
    api::WriteFiles(out_dir, {{ghosh ? "ghosh_multipliers.csv" : "multipliers.csv", csv}});
  }
  std::cout << (format == "csv" ? csv : format == "json" ? multipliers.json : multipliers.text);
  return 0;
}

}  // namespace spillover::cli
