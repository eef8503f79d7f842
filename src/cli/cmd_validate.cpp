#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "core/error.h"
#include "run/runner.h"
#include "scenario/keys.h"
#include "sweep/points.h"
#include "sweep/sweep_runner.h"

namespace spillover::cli {

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
      "and every sector, product, category and partner code against the model. For a sweep,\n"
      "the first 1,000 points are built and solved as 'spillover sweep' would: a point that\n"
      "would fail there fails here.";
  if (!ParseOptions(args, options, "file", usage, &vm)) return 0;
  if (vm.count("keys")) {
    std::cout << KeyTableMarkdown();
    return 0;
  }
  if (!vm.count("file")) throw InputError("no file given; see 'spillover validate --help'");
  const std::vector<std::string> overrides =
      vm.count("set") ? vm["set"].as<std::vector<std::string>>() : std::vector<std::string>();
  ModelCache cache;
  int failures = 0;
  for (const auto& file : vm["file"].as<std::vector<std::string>>()) {
    try {
      const YamlNode root = ParseYamlFile(file);
      if (IsSweep(root)) {
        const SweepSpec spec = ParseSweep(root, file == "-" ? "<stdin>" : file);
        FailedPoints failed;
        const int64_t checked =
            ValidateSweep(spec, vm["model"].as<std::string>(), &cache, 1000, &failed);
        if (failed.count > 0) {
          // The words of `spillover sweep` for the same points.
          std::cerr << "error: " << spec.file << ": " << FailedPointsSummary(failed, checked);
          ++failures;
          continue;
        }
        std::cout << file << ": ok (sweep of " << SweepPoints(spec).count() << " points, "
                  << checked << " checked)\n";
        continue;
      }
      const PreparedScenario prepared =
          PrepareScenario(ScenarioRequest{file, overrides, vm["model"].as<std::string>()}, &cache);
      std::cout << file << ": ok (" << prepared.scenario.shocks.size() << " shock"
                << (prepared.scenario.shocks.size() == 1 ? "" : "s") << ", model '"
                << prepared.model->model().name << "')\n";
    } catch (const InputError& e) {
      std::cerr << "error: " << e.what() << "\n";
      ++failures;
    } catch (const ModelError& e) {
      std::cerr << "error: " << file << ": " << e.what() << "\n";
      ++failures;
    }
  }
  return failures == 0 ? 0 : static_cast<int>(ExitCode::kBadInput);
}

}  // namespace spillover::cli
