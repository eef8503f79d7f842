#include "core/error.h"

namespace spillover {

std::string SourceLocation::ToString() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  if (!key.empty()) out += ": " + key;
  return out;
}

InputError::InputError(SourceLocation where, const std::string& what)
    : std::runtime_error(where.ToString() + ": " + what),
      where_(std::move(where)),
      message_(what) {}

InputError::InputError(const std::string& what) : std::runtime_error(what), message_(what) {}

void CheckInputLength(long long got, long long expected, const char* what) {
  if (got != expected) {
    throw InputError(std::string(what) + ": expected " + std::to_string(expected) +
                     " entries, got " + std::to_string(got));
  }
}

}  // namespace spillover
