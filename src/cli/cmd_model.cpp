#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "spillover/files.h"

namespace spillover::cli {

namespace api = spillover::api;

int ModelCommand(const Args& args) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help");
  po::variables_map vm;
  const std::string usage =
      "Usage: spillover model info|check [DIR]\n"
      "  info   describe the model: labels, units, totals\n"
      "  check  load the model and report every check (labels, numbers, balances,\n"
      "         productivity) with its worst residual; exit 2 if one fails\n"
      "DIR defaults to the shipped model.";
  if (!ParseOptions(args, options, "words", usage, &vm)) return 0;
  const std::vector<std::string> words =
      vm.count("words") ? vm["words"].as<std::vector<std::string>>() : std::vector<std::string>();
  if (words.empty() || words.size() > 2 || (words[0] != "info" && words[0] != "check")) {
    throw InputError("expected 'spillover model info [DIR]' or 'spillover model check [DIR]'");
  }
  const std::string folder = words.size() == 2 ? words[1] : api::Model::DefaultFolder();
  std::cout << (words[0] == "info" ? api::ModelInfo(folder) : api::ModelChecks(folder));
  return 0;
}

}  // namespace spillover::cli
