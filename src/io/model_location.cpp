#include "io/model_location.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#ifndef SPILLOVER_SOURCE_MODELS
#define SPILLOVER_SOURCE_MODELS "model"
#endif
#ifndef SPILLOVER_INSTALLED_MODELS
#define SPILLOVER_INSTALLED_MODELS "../share/spillover/models"
#endif
#ifndef SPILLOVER_DEFAULT_MODEL_NAME
#define SPILLOVER_DEFAULT_MODEL_NAME "kaz-2024"
#endif

namespace spillover {
namespace {

namespace fs = std::filesystem;

std::string Environment(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::string(value) : std::string();
}

// PREFIX/share/spillover/models when the running program is PREFIX/bin/spillover (the
// relative path comes from GNUInstallDirs, src/CMakeLists.txt) and
// that folder exists; empty otherwise (a build tree, or a program embedding the library).
std::string InstalledModels() {
  std::error_code error;
  const fs::path exe = fs::read_symlink("/proc/self/exe", error);
  if (error || exe.empty()) return {};
  const fs::path models = (exe.parent_path() / SPILLOVER_INSTALLED_MODELS).lexically_normal();
  return fs::is_directory(models, error) ? models.string() : std::string();
}

}  // namespace

std::string ModelsDirectory() {
  const std::string env = Environment("SPILLOVER_MODEL_DIR");
  if (!env.empty()) return env;
  const std::string installed = InstalledModels();
  if (!installed.empty()) return installed;
  return SPILLOVER_SOURCE_MODELS;
}

std::string DefaultModelFolder() {
  const std::string env = Environment("SPILLOVER_MODEL");
  if (!env.empty()) return env;
  return (fs::path(ModelsDirectory()) / SPILLOVER_DEFAULT_MODEL_NAME).string();
}

std::string ResolveModelReference(const std::string& text, const std::string& base_dir) {
  fs::path path(text);
  if (path.is_relative()) path = fs::path(base_dir) / path;
  path = path.lexically_normal();
  std::error_code error;
  if (text.find('/') == std::string::npos && !fs::is_directory(path, error)) {
    const fs::path named = fs::path(ModelsDirectory()) / text;
    if (fs::is_directory(named, error)) return named.lexically_normal().string();
  }
  return path.string();
}

}  // namespace spillover
