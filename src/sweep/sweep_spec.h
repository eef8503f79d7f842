// Sweep files: a base scenario and the parameters to vary (docs/sweeps.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/yaml_doc.h"

namespace spillover {

enum class SweepMethod { kGrid, kMonteCarlo };
enum class Distribution { kUniform, kNormal, kTruncatedNormal, kTriangular, kLognormal };
std::string ToString(SweepMethod method);
bool FromString(const std::string& text, SweepMethod* method);
std::string ToString(Distribution distribution);
bool FromString(const std::string& text, Distribution* distribution);

struct Parameter {
  std::string path;                 // dotted scenario key, e.g. shocks.russian_demand.change
  std::vector<std::string> values;  // grid: the values as YAML text
  std::string group;                // grid: zip group ("" = its own)
  Distribution distribution = Distribution::kUniform;  // monte_carlo
  double low = 0, high = 0, mode = 0, mean = 0, sd = 0, mu = 0, sigma = 0;
  SourceLocation where;
};

struct SweepSpec {
  std::string file;
  std::string name;
  std::string description;
  std::string base_file;  // resolved against the sweep file's folder
  YamlNode base;          // the parsed base scenario
  SweepMethod method = SweepMethod::kGrid;
  int64_t samples = 0;
  uint64_t seed = 1;
  std::vector<Parameter> parameters;
};

// A fingerprint of everything that decides the points and their scenarios: resuming or
// merging is refused across different sweeps.
std::string Fingerprint(const SweepSpec& spec);

// True when the YAML document is a sweep file (a top-level `sweep:` mapping).
bool IsSweep(const YamlNode& root);

// Checks the `sweep:` section against the key table and reads the base scenario.
SweepSpec ParseSweep(const YamlNode& root, const std::string& file);

}  // namespace spillover
