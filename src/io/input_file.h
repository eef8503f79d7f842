// Reading a file that a user or another file names. The file is opened without blocking
// and checked before a byte is read: a FIFO, a device or a directory is refused (a FIFO
// would block for ever, /dev/zero would read until memory runs out), and so is a file
// larger than the limit of its kind.
#pragma once

#include <cstdint>
#include <string>

namespace spillover {

// The whole content of the regular file `path`, of at most `max_bytes`; `what` names the
// kind of file in the message ("YAML file"). Throws InputError naming the file.
std::string ReadInputFile(const std::string& path, int64_t max_bytes, const char* what);

// The size in bytes of the regular file `path`, after the same checks; throws InputError.
int64_t InputFileSize(const std::string& path, int64_t max_bytes, const char* what);

// Standard input, up to `max_bytes` (a larger input is refused rather than read on).
std::string ReadStandardInput(int64_t max_bytes, const char* what);

// "16 MiB", "1.5 GiB": a byte count for messages.
std::string ByteSize(int64_t bytes);

}  // namespace spillover
