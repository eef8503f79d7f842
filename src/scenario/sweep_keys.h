// The sweep and parameter keys of the key table (scenario/keys.h): part of ScenarioKeys(),
// kept in their own file so that the table's files stay readable.
#pragma once

#include <vector>

#include "scenario/keys.h"

namespace spillover {

std::vector<KeySpec> SweepKeys();

}  // namespace spillover
