// Checks a sweep's whole range before any point is solved: every grid value and the
// bounds of every distribution against the key table (bounds and the large-change rule).
#pragma once

#include "core/error.h"
#include "sweep/sweep_spec.h"

namespace spillover {

// Adds to `errors` an InputError, at each parameter, for a path through a shock the base does not
// have, a grid value out of range, or a distribution whose draws could leave the key's range (one
// with unbounded tails on a bounded key, e.g. `normal` on a relative change).
void CheckSweepRanges(const SweepSpec& spec, ErrorList* errors);

}  // namespace spillover
