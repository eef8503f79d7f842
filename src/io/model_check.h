// Checking a model folder without keeping it: what an importer does before it publishes a
// folder it has written.
#pragma once

#include <string>

namespace spillover {

// Every check of LoadModel (and `spillover model check`) on `folder`, throwing as it does,
// but Z is released once the coefficients are formed: at ICIO size (n = 4,050) the check
// then holds A and the LU of I - A, about 2 n x n doubles, instead of Z beside them.
void CheckModelFolder(const std::string& folder);

}  // namespace spillover
