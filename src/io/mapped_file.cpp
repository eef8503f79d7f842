#include "io/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.h"
#include "io/csv.h"

namespace spillover {

MappedFile::MappedFile(const std::string& path) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; ReadFile then refuses it.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  struct stat info {};
  if (fd >= 0 && ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
    const std::size_t bytes = static_cast<std::size_t>(info.st_size);
    // MAP_POPULATE maps the (usually cached) pages in one pass instead of one fault each.
    void* p = ::mmap(nullptr, bytes, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (p != MAP_FAILED) {
      (void)::madvise(p, bytes, MADV_SEQUENTIAL);
      mapping_ = p;
      mapped_bytes_ = bytes;
      text_ = std::string_view(static_cast<const char*>(p), bytes);
      ::close(fd);
      return;
    }
  }
  if (fd >= 0) ::close(fd);
  // Directories, pipes, empty files or a failed mapping: the reader says what is wrong.
  fallback_ = ReadFile(path);
  text_ = fallback_;
}

MappedFile::~MappedFile() {
  if (mapping_ != nullptr) ::munmap(mapping_, mapped_bytes_);
}

}  // namespace spillover
