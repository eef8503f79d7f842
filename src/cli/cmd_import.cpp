#include <chrono>
#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "spillover/files.h"

namespace spillover::cli {
namespace {

namespace api = spillover::api;

int ImportIcioCommand(const Args& args) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "out,o", po::value<std::string>()->default_value(""), "model folder to write (new or empty)")(
      "regions,r", po::value<std::string>()->default_value(""),
      "CSV country,region[,region_name[,if_present]] aggregating countries into regions "
      "(model/icio-regions-kaz.csv: KAZ, RUS, CHN, EU27, TUR, USA, Central Asia, ROW)")(
      "year,y", po::value<int>()->default_value(0),
      "year of the table (default: the last four-digit group of the file name)")(
      "focus", po::value<std::string>()->default_value(""),
      "region the reports lead with (model.yaml `focus`)")(
      "no-check", "skip loading the written model back (every check of `model check`)");
  po::variables_map vm;
  const std::string usage =
      "Usage: spillover import icio FILE.csv --out DIR [--regions MAPPING.csv] [--year YEAR]\n"
      "Reads an OECD ICIO CSV (2021 edition: AUS_01T02 … CCC_TAXSUB, VALU, OUTPUT, TOTAL;\n"
      "2023 edition: AUS_A01_02 … TLS, VA, OUT; 2025 edition: 50 industries, files like\n"
      "2022_SML.csv) into a multi-regional model folder in USD million. Output is the row\n"
      "sums; each column's gap goes into a value-added row `residual`. See docs/mrio.md.";
  if (!ParseOptions(args, options, "files", usage, &vm)) return 0;
  const auto files =
      vm.count("files") ? vm["files"].as<std::vector<std::string>>() : std::vector<std::string>();
  if (files.size() != 1) throw InputError("expected one ICIO CSV file; see --help");
  const std::string out = vm["out"].as<std::string>();
  if (out.empty()) throw InputError("--out DIR is required");
  api::IcioImportOptions icio;
  icio.file = files[0];
  icio.out = out;
  icio.regions = vm["regions"].as<std::string>();
  icio.year = vm["year"].as<int>();
  icio.focus = vm["focus"].as<std::string>();
  icio.check = vm.count("no-check") == 0;
  const auto start = std::chrono::steady_clock::now();
  const std::vector<std::string> notes = api::ImportIcio(icio);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "imported " << files[0] << " into " << out << " in " << seconds << " s\n";
  for (const auto& note : notes) std::cout << "  " << note << "\n";
  return 0;
}

int ImportPymrioCommand(const Args& args) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "out,o", po::value<std::string>()->default_value(""), "model folder to write (new or empty)")(
      "focus", po::value<std::string>()->default_value(""),
      "region the reports lead with (model.yaml `focus`)");
  po::variables_map vm;
  const std::string usage =
      "Usage: spillover import pymrio DIR --out MODEL_DIR\n"
      "Reads a folder saved by pymrio (IOSystem.save_all, text format): file_parameters.json,\n"
      "Z.txt, Y.txt, unit.txt and one subfolder per extension (F.txt, F_Y.txt, unit.txt).\n"
      "The extension factor_inputs becomes value added; the others become satellites.";
  if (!ParseOptions(args, options, "dirs", usage, &vm)) return 0;
  const auto dirs =
      vm.count("dirs") ? vm["dirs"].as<std::vector<std::string>>() : std::vector<std::string>();
  if (dirs.size() != 1) throw InputError("expected one pymrio folder; see --help");
  const std::string out = vm["out"].as<std::string>();
  if (out.empty()) throw InputError("--out DIR is required");
  const std::vector<std::string> notes =
      api::ImportPymrio(dirs[0], out, vm["focus"].as<std::string>());
  std::cout << "imported " << dirs[0] << " into " << out << "\n";
  for (const auto& note : notes) std::cout << "  " << note << "\n";
  return 0;
}

}  // namespace

int Import(const Args& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << "Usage: spillover import icio|pymrio SOURCE --out DIR\n"
                 "  icio FILE.csv     an OECD ICIO table (2021, 2023, 2025 editions)\n"
                 "  pymrio DIR        a folder saved by pymrio\n";
    return args.empty() ? static_cast<int>(ExitCode::kBadInput) : 0;
  }
  const Args rest(args.begin() + 1, args.end());
  if (args[0] == "icio") return ImportIcioCommand(rest);
  if (args[0] == "pymrio") return ImportPymrioCommand(rest);
  throw InputError("unknown format '" + args[0] + "'; expected icio or pymrio");
}

int Export(const Args& args) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "out,o", po::value<std::string>()->default_value(""), "folder to write (new or empty)");
  po::variables_map vm;
  const std::string usage =
      "Usage: spillover export pymrio MODEL_DIR --out DIR\n"
      "Writes the model in pymrio's text format (readable with pymrio.load_all): Z, Y, unit,\n"
      "factor_inputs (value added) and satellites as extensions. Numbers are written with\n"
      "17 significant digits, so `spillover import pymrio` gives the model back exactly.";
  if (!ParseOptions(args, options, "words", usage, &vm)) return 0;
  const auto words =
      vm.count("words") ? vm["words"].as<std::vector<std::string>>() : std::vector<std::string>();
  if (words.size() != 2 || words[0] != "pymrio") {
    throw InputError("expected 'spillover export pymrio MODEL_DIR --out DIR'");
  }
  const std::string out = vm["out"].as<std::string>();
  if (out.empty()) throw InputError("--out DIR is required");
  api::ExportPymrio(words[1], out);
  std::cout << "exported " << words[1] << " to " << out << "\n";
  return 0;
}

}  // namespace spillover::cli
