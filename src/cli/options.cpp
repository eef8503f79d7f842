#include "cli/options.h"

#include <iostream>
#include <string>

#include "spillover/files.h"

namespace spillover::cli {

bool ParseOptions(const std::vector<std::string>& args, const po::options_description& visible,
                  const char* positional_name, const std::string& usage, po::variables_map* vm,
                  const po::options_description* hidden) {
  po::options_description limits("Limits (docs/limits.md)");
  limits.add_options()("max-sectors", po::value<long long>(),
                       ("refuse a model of more sectors than this (regions x sectors; default " +
                        std::to_string(api::MaxSectors()) + ")")
                           .c_str());
  po::options_description all;
  all.add(visible);
  all.add(limits);
  if (hidden != nullptr) all.add(*hidden);
  po::positional_options_description positional;
  if (positional_name != nullptr) {
    all.add_options()(positional_name, po::value<std::vector<std::string>>(), "");
    positional.add(positional_name, -1);
  }
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), *vm);
  if (vm->count("help")) {
    std::cout << usage << "\n" << visible << "\n" << limits << "\n";
    return false;
  }
  po::notify(*vm);
  if (vm->count("max-sectors")) api::SetMaxSectors((*vm)["max-sectors"].as<long long>());
  return true;
}

}  // namespace spillover::cli
