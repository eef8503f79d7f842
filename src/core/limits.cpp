#include "core/limits.h"

namespace spillover {

Limits& ProcessLimits() {
  static Limits limits;
  return limits;
}

}  // namespace spillover
