// Errors that carry where they come from (public: include/spillover/errors.h), and the
// library's own size check.
#pragma once

#include <vector>

#include "spillover/errors.h"

namespace spillover {

// Throws InputError "WHAT: expected N entries, got M" when the sizes of vectors that came
// from the user's input (a scenario, the command line) differ.
void CheckInputLength(long long got, long long expected, const char* what);

// Several mistakes of one file, reported at once: what() lists each on its own line.
class InputErrors : public InputError {
 public:
  InputErrors(std::vector<InputError> errors, size_t total);
  const std::vector<InputError>& errors() const { return errors_; }

 private:
  std::vector<InputError> errors_;
};

// Collects the mistakes of a file, so that a user fixes them in one pass rather than one
// run per mistake. Keeps the first kMaxErrors, counts the rest.
class ErrorList {
 public:
  static constexpr size_t kMaxErrors = 20;

  // Runs `check`, keeping an InputError it throws; true when it threw none.
  template <typename Check>
  bool Try(Check&& check) {
    try {
      check();
      return true;
    } catch (const InputError& e) {
      Add(e);
      return false;
    }
  }
  void Add(const InputError& error);
  bool empty() const { return total_ == 0; }
  // Throws the one error as it is, or an InputErrors of them all.
  void ThrowIfAny() const;

 private:
  std::vector<InputError> errors_;
  size_t total_ = 0;
};

}  // namespace spillover
