// Reading a finished sweep's output folder for a report: sweep.meta checked (this format,
// complete, one whole sweep, points.csv as recorded), points.csv as numbers, summary.csv.
#pragma once

#include <string>

#include "results/sweep_table.h"

namespace spillover {

// Throws InputError naming the folder and saying how to recover when it holds no sweep,
// one of an older format, one still running or interrupted, a single shard, or files that
// differ from what sweep.meta recorded.
SweepTable ReadFinishedSweep(const std::string& dir);

}  // namespace spillover
