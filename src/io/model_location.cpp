#include "io/model_location.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

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
    // A model built on the user's machine that is not there yet: its place among the
    // models, so that the error says how to build it (MissingModelHint).
    if (fs::is_directory(named, error) || !MissingModelHint(named.string()).empty()) {
      return named.lexically_normal().string();
    }
  }
  return path.string();
}

std::string MissingModelHint(const std::string& folder) {
  fs::path path = fs::path(folder).lexically_normal();
  if (path.filename().empty()) path = path.parent_path();  // "model/icio-kaz/"
  std::ifstream list(path.parent_path() / "built-models.csv");
  std::string line;
  while (std::getline(list, line)) {
    if (line.empty() || line[0] == '#') continue;
    // folder,source,build,docs: no field holds a comma but the source's text, which is
    // everything between the first comma and the last two.
    const size_t first = line.find(',');
    const size_t last = line.rfind(',');
    const size_t middle =
        last == std::string::npos || last == 0 ? std::string::npos : line.rfind(',', last - 1);
    if (first == std::string::npos || middle == std::string::npos || middle <= first) continue;
    if (line.substr(0, first) != path.filename().string()) continue;
    return "it is built on your machine from " + line.substr(first + 1, middle - first - 1) +
           ", not shipped with spillover; download it, then run from the repository root\n  " +
           line.substr(middle + 1, last - middle - 1) + "\n(see " + line.substr(last + 1) + ")";
  }
  return "";
}

std::string ShownModelPath(const std::string& folder, const std::string& relative_to,
                           const std::string& what) {
  std::error_code error;
  const fs::path model = fs::weakly_canonical(folder, error);
  if (error) return folder;
  const fs::path shipped = fs::weakly_canonical(ModelsDirectory(), error);
  if (!error && model.parent_path() == shipped) {
    return model.filename().string() + " (a model shipped with spillover)";
  }
  const fs::path base = fs::weakly_canonical(relative_to.empty() ? "." : relative_to, error);
  const fs::path relative = error ? fs::path() : model.lexically_relative(base);
  if (relative.empty()) return folder;
  return relative.generic_string() + " (relative to " + what + ")";
}

}  // namespace spillover
