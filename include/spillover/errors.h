// Errors that carry where they come from, and the process exit codes.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace spillover {

// kFailedPoints: a sweep ran, but some of its points failed (`sweep --keep-going` exits 0).
enum class ExitCode : int { kSuccess = 0, kInternalError = 1, kBadInput = 2, kFailedPoints = 3 };

// A place in an input file. Line and column are 1-based; 0 means unknown.
struct SourceLocation {
  std::string file;
  int64_t line = 0;  // 64-bit: a CSV may hold more than 2^31 lines
  int column = 0;
  std::string key;  // dotted key path or "row R, column C" for matrices

  std::string ToString() const;  // "file:line:column: key 'a.b'"
};

// Bad input from the user: a file, an option or a value. Exit code 2. what() is the
// location followed by the message; message() is the message alone.
class InputError : public std::runtime_error {
 public:
  InputError(SourceLocation where, const std::string& what);
  explicit InputError(const std::string& what);
  const SourceLocation& where() const { return where_; }
  const std::string& message() const { return message_; }

 private:
  SourceLocation where_;
  std::string message_;
};

// The model or a scenario cannot be solved (singular or non-productive system). Exit code 2.
class ModelError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace spillover
