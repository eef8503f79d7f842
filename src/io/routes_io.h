// The routes file of a model folder (docs/model-format.md, "Export routes").
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace spillover {

// Reads and checks `path` against the model's product and partner codes: shares in
// [0, 1], and for every export flow the shares over all routes sum to at most 1.
std::vector<Route> LoadRoutes(const std::string& path, const Model& model);

}  // namespace spillover
