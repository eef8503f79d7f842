// spillover: economic dependency scenarios on input-output models.
#include <boost/program_options/errors.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "core/blas_threads.h"
#include "spillover/errors.h"

namespace {

constexpr const char* kUsage =
    "spillover: economic dependency scenarios on input-output (Leontief) models\n"
    "\n"
    "Usage: spillover COMMAND [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  run SCENARIO.yaml...       run scenarios and report their effects\n"
    "  compare A.yaml B.yaml...   scenarios side by side, with differences from a baseline\n"
    "  report A.yaml... --out DIR an HTML page with charts and a workbook (or: report SWEEP_DIR)\n"
    "  sweep SWEEP.yaml --out DIR grids and Monte Carlo draws of a scenario\n"
    "  merge SHARD_DIR... --out DIR   combine the shards of a sweep\n"
    "  validate FILE...           check scenario and sweep files against the key table\n"
    "  model info|check [DIR]     describe or check a model folder\n"
    "  multipliers                output, value-added, import multipliers and linkages\n"
    "  analyse extraction|paths|inoperability|linkages   dependency analytics\n"
    "  import icio|pymrio SOURCE --out DIR   OECD ICIO or pymrio tables to a model\n"
    "  export pymrio MODEL --out DIR          a model in pymrio's folder format\n"
    "\n"
    "Run 'spillover COMMAND --help' for a command's options.\n"
    "Exit codes: 0 success, 2 bad input, 3 a sweep with failed points, 1 internal error.\n"
    "Models: $SPILLOVER_MODEL (the default model folder) or $SPILLOVER_MODEL_DIR (the\n"
    "folder of models), else PREFIX/share/spillover/models next to the installed program.\n";

// Standard output is part of the result: a full disk or a closed pipe must not pass for
// success (`multipliers > /dev/full` used to exit 0 with 8 KB of 115 KB written).
int CheckStandardOutput(int code) {
  std::cout.flush();
  if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout)) {
    const int error = errno;
    std::cerr << "error: writing standard output failed"
              << (error != 0 ? std::string(": ") + std::strerror(error) : std::string()) << "\n";
    return static_cast<int>(spillover::ExitCode::kBadInput);
  }
  return code;
}

int Dispatch(const std::string& command, const spillover::cli::Args& args) {
  using spillover::ExitCode;
  try {
    if (command == "run") return spillover::cli::Run(args);
    if (command == "compare") return spillover::cli::Compare(args);
    if (command == "report") return spillover::cli::Report(args);
    if (command == "validate") return spillover::cli::Validate(args);
    if (command == "model") return spillover::cli::ModelCommand(args);
    if (command == "multipliers") return spillover::cli::MultipliersCommand(args);
    if (command == "sweep") return spillover::cli::Sweep(args);
    if (command == "import") return spillover::cli::Import(args);
    if (command == "export") return spillover::cli::Export(args);
    if (command == "merge") return spillover::cli::Merge(args);
    if (command == "analyse" || command == "analyze") return spillover::cli::Analyse(args);
    if (command == "--help" || command == "-h" || command == "help") {
      std::cout << kUsage;
      return 0;
    }
    if (command == "--version") {
      std::cout << "spillover " << SPILLOVER_VERSION << "\n";
      return 0;
    }
    std::cerr << "spillover: unknown command '" << command << "'\n\n" << kUsage;
    return static_cast<int>(ExitCode::kBadInput);
  } catch (const spillover::InputError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::kBadInput);
  } catch (const spillover::ModelError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::kBadInput);
  } catch (const boost::program_options::error& e) {
    std::cerr << "error: " << e.what() << "\nRun 'spillover " << command << " --help'.\n";
    return static_cast<int>(ExitCode::kBadInput);
  } catch (const std::bad_alloc&) {
    std::cerr << "error: out of memory\n";
    return static_cast<int>(ExitCode::kInternalError);
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::kInternalError);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return static_cast<int>(spillover::ExitCode::kBadInput);
  }
  // Results must not depend on the machine's BLAS thread count (core/blas_threads.h).
  const spillover::BlasThreadScope blas;
  const int code = Dispatch(argv[1], spillover::cli::Args(argv + 2, argv + argc));
  return CheckStandardOutput(code);
}
