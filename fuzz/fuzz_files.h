// Scratch files for fuzz targets whose parser reads a path: one folder per process, the
// input written to a fixed name in it before each call.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace spillover_fuzz {

// Removed at exit; held in a never-freed object so that it outlives static destructors.
inline const std::filesystem::path& ScratchDir() {
  static const std::filesystem::path* dir = [] {
    auto* path = new std::filesystem::path(
        std::filesystem::temp_directory_path() /
        ("spillover-fuzz-" + std::to_string(static_cast<long>(getpid()))));
    std::filesystem::create_directories(*path);
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(ScratchDir(), ignored);
    });
    return path;
  }();
  return *dir;
}

inline std::string WriteScratch(const std::string& name, const uint8_t* data, size_t size) {
  const std::string path = (ScratchDir() / name).string();
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

inline std::string WriteScratch(const std::string& name, const std::string& text) {
  return WriteScratch(name, reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

}  // namespace spillover_fuzz
