// Output files that appear whole or not at all.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace spillover {

// Collects output files and publishes them together: each is written to a temporary file
// beside its target, and only when every write succeeded are they renamed into place.
// If Commit() is never reached (an error, an exception), the destructor removes the
// temporaries, so a failed run leaves no partial output.
class AtomicFileSet {
 public:
  AtomicFileSet() = default;
  AtomicFileSet(const AtomicFileSet&) = delete;
  AtomicFileSet& operator=(const AtomicFileSet&) = delete;
  ~AtomicFileSet();

  // Writes `content` to a temporary beside `path`; throws InputError if it cannot.
  void Add(const std::string& path, const std::string& content);

  // Renames every temporary into place.
  void Commit();

 private:
  std::vector<std::pair<std::string, std::string>> pending_;  // temporary, target
};

// Creates a directory (and its parents) if needed; throws InputError naming it on failure.
void MakeDirectories(const std::string& path);

}  // namespace spillover
