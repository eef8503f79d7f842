#include "io/atomic_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/error.h"

namespace spillover {

AtomicFileSet::~AtomicFileSet() {
  for (const auto& [temporary, target] : pending_) std::remove(temporary.c_str());
}

void AtomicFileSet::Add(const std::string& path, const std::string& content) {
  const std::string temporary = path + ".tmp." + std::to_string(static_cast<long>(::getpid())) +
                                "." + std::to_string(pending_.size());
  FILE* file = std::fopen(temporary.c_str(), "wb");
  if (file == nullptr) {
    throw InputError(SourceLocation{path, 0, 0, ""},
                     std::string("cannot write the output file: ") + std::strerror(errno));
  }
  pending_.emplace_back(temporary, path);
  const size_t written = std::fwrite(content.data(), 1, content.size(), file);
  const bool flushed = std::fflush(file) == 0 && ::fsync(::fileno(file)) == 0;
  const bool closed = std::fclose(file) == 0;
  if (written != content.size() || !flushed || !closed) {
    throw InputError(SourceLocation{path, 0, 0, ""},
                     std::string("writing the output file failed: ") + std::strerror(errno));
  }
}

void AtomicFileSet::Commit() {
  for (const auto& [temporary, target] : pending_) {
    if (std::rename(temporary.c_str(), target.c_str()) != 0) {
      throw InputError(
          SourceLocation{target, 0, 0, ""},
          std::string("cannot move the output file into place: ") + std::strerror(errno));
    }
  }
  pending_.clear();
}

void MakeDirectories(const std::string& path) {
  std::error_code error;
  std::filesystem::create_directories(path, error);
  if (error) {
    throw InputError(SourceLocation{path, 0, 0, ""},
                     "cannot create the output directory: " + error.message());
  }
  if (!std::filesystem::is_directory(path)) {
    throw InputError(SourceLocation{path, 0, 0, ""}, "exists and is not a directory");
  }
}

}  // namespace spillover
