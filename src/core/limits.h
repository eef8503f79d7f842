// Limits on what one input may ask for, so that no file or option can hang the program or
// exhaust memory before it is checked (docs/limits.md). Command-line options raise them.
#pragma once

#include <cstdint>

namespace spillover {

struct Limits {
  int64_t max_sectors = 10000;         // sectors of a model (regions × sectors); --max-sectors
  int64_t max_points = 10000000;       // points of one sweep; --max-points
  int64_t max_yaml_bytes = 16 << 20;   // a scenario, sweep, model or routes file
  int64_t max_table_bytes = 16 << 20;  // a CSV that is not a model matrix (--aggregate)
  int max_depth = 32;                  // nesting of YAML trees and --set key paths
};

// The limits of this process: the defaults, raised by options such as --max-sectors.
Limits& ProcessLimits();

}  // namespace spillover
