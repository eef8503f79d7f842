#include "io/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/error.h"
#include "core/text.h"

namespace spillover {
namespace {

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

SourceLocation At(const std::string& path) { return SourceLocation{path, 0, 0, ""}; }

const char* KindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

std::string TooLarge(int64_t size, int64_t max_bytes, const char* what) {
  return "is " + ByteSize(size) + ", larger than the limit of " + ByteSize(max_bytes) + " for a " +
         what + " (docs/limits.md)";
}

// Opens `path` without blocking (a FIFO would block in open) and checks that it is a
// regular file within the limit; returns the descriptor and its size.
int OpenChecked(const std::string& path, int64_t max_bytes, const char* what, int64_t* size) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    const int error = errno;
    struct stat st;
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
      throw InputError(At(path), std::string("is ") + KindOf(st.st_mode) + "; expected a " + what);
    }
    throw InputError(At(path), std::string("cannot open the file: ") + std::strerror(error));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const int error = errno;
    ::close(fd);
    throw InputError(At(path), std::string("cannot read the file: ") + std::strerror(error));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    throw InputError(At(path), std::string("is ") + KindOf(st.st_mode) + "; expected a " + what);
  }
  if (st.st_size > max_bytes) {
    ::close(fd);
    throw InputError(At(path), TooLarge(st.st_size, max_bytes, what));
  }
  *size = st.st_size;
  return fd;
}

}  // namespace

std::string ByteSize(int64_t bytes) {
  const double b = static_cast<double>(bytes);
  if (bytes >= (int64_t{1} << 30)) return Fixed(b / (1 << 30), 1) + " GiB";
  if (bytes >= (int64_t{1} << 20)) return Fixed(b / (1 << 20), 1) + " MiB";
  if (bytes >= (int64_t{1} << 10)) return Fixed(b / (1 << 10), 1) + " KiB";
  return std::to_string(bytes) + " bytes";
}

int64_t InputFileSize(const std::string& path, int64_t max_bytes, const char* what) {
  int64_t size = 0;
  Descriptor fd(OpenChecked(path, max_bytes, what, &size));
  return size;
}

std::string ReadInputFile(const std::string& path, int64_t max_bytes, const char* what) {
  int64_t size = 0;
  Descriptor fd(OpenChecked(path, max_bytes, what, &size));
  std::string data;
  data.resize(static_cast<size_t>(size));
  size_t got = 0;
  // A file that grows while it is read is read up to the limit, not beyond.
  for (;;) {
    if (got == data.size()) {
      if (static_cast<int64_t>(data.size()) >= max_bytes + 1) break;
      data.resize(std::min<size_t>(static_cast<size_t>(max_bytes) + 1, data.size() + 65536));
    }
    const ssize_t n = ::read(fd.get(), &data[got], data.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw InputError(At(path), std::string("read error: ") + std::strerror(errno));
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  data.resize(got);
  if (static_cast<int64_t>(got) > max_bytes) {
    throw InputError(At(path), TooLarge(static_cast<int64_t>(got), max_bytes, what));
  }
  return data;
}

std::string ReadStandardInput(int64_t max_bytes, const char* what) {
  std::string data;
  char chunk[65536];
  for (;;) {
    const size_t n = std::fread(chunk, 1, sizeof chunk, stdin);
    if (n == 0) break;
    data.append(chunk, n);
    if (static_cast<int64_t>(data.size()) > max_bytes) {
      throw InputError(At("<stdin>"), "holds more than the limit of " + ByteSize(max_bytes) +
                                          " for a " + what + " (docs/limits.md)");
    }
  }
  if (std::ferror(stdin)) throw InputError(At("<stdin>"), "read error");
  return data;
}

}  // namespace spillover
