// The subcommands of the `spillover` program. Each parses its own options and calls the
// public API (include/spillover/) alone; each returns the process exit code.
#pragma once

#include <string>
#include <vector>

namespace spillover::cli {

using Args = std::vector<std::string>;

int Run(const Args& args);
int Compare(const Args& args);
int Report(const Args& args);
int Validate(const Args& args);
int ModelCommand(const Args& args);
int MultipliersCommand(const Args& args);
int Analyse(const Args& args);
int Sweep(const Args& args);
int Merge(const Args& args);
int Import(const Args& args);
int Export(const Args& args);

}  // namespace spillover::cli
