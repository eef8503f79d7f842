#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "core/error.h"
#include "engine/analysis.h"
#include "io/atomic_file.h"
#include "io/model_io.h"
#include "report/model_report.h"

namespace spillover::cli {

int MultipliersCommand(const Args& args) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")("model,m",
                                                    po::value<std::string>()->default_value(""),
                                                    "model folder (default: the shipped model)")(
      "format,f", po::value<std::string>()->default_value("table"),
      "what goes to standard output: table or csv")(
      "out,o", po::value<std::string>()->default_value(""),
      "also write multipliers.csv (tidy) into this directory");
  po::variables_map vm;
  const std::string usage =
      "Usage: spillover multipliers [OPTIONS]\n"
      "Type I and II output, value-added, import and satellite multipliers, and backward\n"
      "and forward linkages (Rasmussen indices, key sectors), per sector.";
  if (!ParseOptions(args, options, nullptr, usage, &vm)) return 0;
  const std::string format = vm["format"].as<std::string>();
  if (format != "table" && format != "csv") {
    throw InputError("--format '" + format + "' is not one of table, csv");
  }
  const std::string folder =
      vm["model"].as<std::string>().empty() ? DefaultModelFolder() : vm["model"].as<std::string>();
  const LoadedModel loaded = LoadModel(folder);
  const Model& model = loaded.model;
  const Coefficients& coefficients = loaded.coefficients;
  const LeontiefSolver& solver = *loaded.solver;
  const Multipliers multipliers = ComputeMultipliers(model, coefficients, solver);
  const Linkages linkages = ComputeLinkages(coefficients, solver);
  const std::string csv = FormatMultipliersCsv(model, multipliers, linkages);
  const std::string out_dir = vm["out"].as<std::string>();
  if (!out_dir.empty()) {
    MakeDirectories(out_dir);
    AtomicFileSet files;
    files.Add(out_dir + "/multipliers.csv", csv);
    files.Commit();
  }
  std::cout << (format == "csv" ? csv : FormatMultipliersTable(model, multipliers, linkages));
  return 0;
}

}  // namespace spillover::cli
