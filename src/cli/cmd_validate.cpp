#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "spillover/files.h"

namespace spillover::cli {

namespace api = spillover::api;

int Validate(const Args& args) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "model,m", po::value<std::string>()->default_value(""),
      "model folder to check the codes against (default: the scenario's `model`)")(
      "set,s", po::value<std::vector<std::string>>()->composing(),
      "override a key before checking: PATH=VALUE (repeatable)")(
      "keys", "print the table of scenario keys (Markdown) and exit");
  po::variables_map vm;
  const std::string usage =
      "Usage: spillover validate [OPTIONS] FILE...\n"
      "Checks scenario files: YAML syntax, every key against the key table (type, bounds),\n"
      "and every sector, product, category, partner and region code against the model. For\n"
      "a sweep, the first 1,000 points are built and solved as 'spillover sweep' would: a\n"
      "point that would fail there fails here.";
  if (!ParseOptions(args, options, "file", usage, &vm)) return 0;
  if (vm.count("keys")) {
    std::cout << api::KeyTableMarkdown();
    return 0;
  }
  if (!vm.count("file")) throw InputError("no file given; see 'spillover validate --help'");
  api::FileChecker checker(
      vm.count("set") ? vm["set"].as<std::vector<std::string>>() : std::vector<std::string>(),
      vm["model"].as<std::string>());
  int failures = 0;
  for (const auto& file : vm["file"].as<std::vector<std::string>>()) {
    const api::FileCheck check = checker.Check(file);
    if (!check.ok()) {
      std::cerr << "error: " << check.error;
      ++failures;
    } else if (check.sweep) {
      std::cout << file << ": ok (sweep of " << check.points << " points, " << check.checked
                << " checked)\n";
    } else {
      std::cout << file << ": ok (" << check.shocks << " shock" << (check.shocks == 1 ? "" : "s")
                << ", model '" << check.model_name << "')\n";
    }
  }
  return failures == 0 ? 0 : static_cast<int>(ExitCode::kBadInput);
}

}  // namespace spillover::cli
