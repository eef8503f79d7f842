// Errors that carry where they come from (public: include/spillover/errors.h), and the
// library's own size check.
#pragma once

#include "spillover/errors.h"

namespace spillover {

// Throws InputError "WHAT: expected N entries, got M" when the sizes of vectors that came
// from the user's input (a scenario, the command line) differ.
void CheckInputLength(long long got, long long expected, const char* what);

}  // namespace spillover
