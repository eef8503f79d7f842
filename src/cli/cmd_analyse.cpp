#include "cli/commands.h"
#include "core/error.h"

namespace spillover::cli {

int Analyse(const Args&) { throw InputError("'spillover analyse' is not available yet"); }

}  // namespace spillover::cli
