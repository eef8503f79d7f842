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

namespace {

std::string ListText(const std::vector<InputError>& errors, size_t total) {
  std::string out = errors.front().message();
  for (size_t i = 1; i < errors.size(); ++i) out += "\nerror: " + std::string(errors[i].what());
  out += "\n(" + std::to_string(total) + " errors";
  if (total > errors.size()) out += "; the first " + std::to_string(errors.size()) + " are shown";
  return out + ")";
}

}  // namespace

InputErrors::InputErrors(std::vector<InputError> errors, size_t total)
    : InputError(errors.front().where(), ListText(errors, total)), errors_(std::move(errors)) {}

void ErrorList::Add(const InputError& error) {
  if (const auto* many = dynamic_cast<const InputErrors*>(&error)) {
    for (const InputError& e : many->errors()) Add(e);
    return;
  }
  ++total_;
  if (errors_.size() < kMaxErrors) errors_.push_back(error);
}

void ErrorList::ThrowIfAny() const {
  if (total_ == 0) return;
  if (total_ == 1) throw errors_.front();
  throw InputErrors(errors_, total_);
}

void CheckInputLength(long long got, long long expected, const char* what) {
  if (got != expected) {
    throw InputError(std::string(what) + ": expected " + std::to_string(expected) +
                     " entries, got " + std::to_string(got));
  }
}

}  // namespace spillover
