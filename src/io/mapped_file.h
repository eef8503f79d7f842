// A file's bytes without a copy: memory-mapped when it is a regular file, read into a
// string otherwise (pipes, special files).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace spillover {

class MappedFile {
 public:
  // Throws InputError naming the file if it cannot be opened or read.
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view text() const { return text_; }

 private:
  void* mapping_ = nullptr;
  std::size_t mapped_bytes_ = 0;
  std::string fallback_;
  std::string_view text_;
};

}  // namespace spillover
