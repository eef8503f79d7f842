// Shared option handling for the subcommands.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace spillover::cli {

namespace po = boost::program_options;

// Parses `args` against `visible` plus one hidden positional option `positional_name`
// (any count; nullptr for none). Returns false if --help was given, after printing
// `usage` and the visible options.
// `hidden` options are accepted but not listed in --help.
bool ParseOptions(const std::vector<std::string>& args, const po::options_description& visible,
                  const char* positional_name, const std::string& usage, po::variables_map* vm,
                  const po::options_description* hidden = nullptr);

}  // namespace spillover::cli
