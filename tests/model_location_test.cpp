#include "io/model_location.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace spillover {
namespace {

namespace fs = std::filesystem;

// Sets an environment variable for one test and restores it after.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    const char* old = std::getenv(name);
    had_ = old != nullptr;
    if (had_) old_ = old;
    ::setenv(name, value, 1);
  }
  ~ScopedEnv() {
    if (had_) {
      ::setenv(name_, old_.c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  bool had_ = false;
  std::string old_;
};

TEST(ModelLocation, BuildTreeFindsTheSourceModels) {
  ScopedEnv dir("SPILLOVER_MODEL_DIR", "");
  ScopedEnv model("SPILLOVER_MODEL", "");
  // The test binary is not installed: the models come from the source tree.
  EXPECT_EQ(fs::path(SPILLOVER_SOURCE_DIR) / "model", fs::path(ModelsDirectory()));
  EXPECT_TRUE(fs::exists(fs::path(DefaultModelFolder()) / "model.yaml")) << DefaultModelFolder();
  EXPECT_EQ("kaz-2024", fs::path(DefaultModelFolder()).filename());
}

TEST(ModelLocation, EnvironmentNamesAnotherModelsFolder) {
  ScopedEnv dir("SPILLOVER_MODEL_DIR", "/opt/models");
  ScopedEnv model("SPILLOVER_MODEL", "");
  EXPECT_EQ("/opt/models", ModelsDirectory());
  EXPECT_EQ("/opt/models/kaz-2024", DefaultModelFolder());
  ScopedEnv one("SPILLOVER_MODEL", "/elsewhere/mine");
  EXPECT_EQ("/elsewhere/mine", DefaultModelFolder());  // a model folder beats a models folder
}

TEST(ModelLocation, BareNameIsLookedUpInTheModelsFolder) {
  ScopedEnv dir("SPILLOVER_MODEL_DIR", SPILLOVER_SOURCE_DIR "/model");
  const std::string source = SPILLOVER_SOURCE_DIR;
  // A folder next to the scenario wins; otherwise the name is a shipped model.
  EXPECT_EQ(source + "/model/example-2sector",
            ResolveModelReference("example-2sector", "/nonexistent/scenarios"));
  EXPECT_EQ(source + "/model/example-2sector",
            ResolveModelReference("example-2sector", source + "/model"));
  // Paths with a '/' are paths: relative to the base folder, never searched.
  EXPECT_EQ("/a/model/example-2sector", ResolveModelReference("../model/example-2sector", "/a/b"));
  EXPECT_EQ("/abs/m", ResolveModelReference("/abs/m", "/a/b"));
  // A model that built-models.csv lists but that is not built yet is still looked for
  // among the models, where the error can say how to build it; an unknown name is not.
  const std::string listed = ResolveModelReference("icio-kaz", "/nonexistent/scenarios");
  if (!std::filesystem::exists(source + "/model/icio-kaz")) {
    EXPECT_EQ(source + "/model/icio-kaz", listed);
    EXPECT_NE(std::string::npos, MissingModelHint(listed).find("spillover import icio"))
        << MissingModelHint(listed);
  }
  EXPECT_EQ("/nonexistent/scenarios/unlisted-model",
            ResolveModelReference("unlisted-model", "/nonexistent/scenarios"));
  // Standard input: the base is the current directory.
  EXPECT_EQ("mine", ResolveModelReference("mine", ""));
  EXPECT_EQ("../m", ResolveModelReference("../m", ""));
}

// Reports name a model without the machine's absolute paths: a shipped model by its name,
// another relative to the scenario's folder.
TEST(ModelLocation, ReportsShowModelPathsWithoutTheMachinesPrefix) {
  ScopedEnv dir("SPILLOVER_MODEL_DIR", "");
  const std::string shipped = ModelsDirectory() + "/example-2sector";
  EXPECT_EQ("example-2sector (a model shipped with spillover)",
            ShownModelPath(shipped, "/anywhere", "the scenario's folder"));
  const fs::path root = fs::temp_directory_path() / ("shown_" + std::to_string(::getpid()));
  fs::create_directories(root / "models" / "mine");
  fs::create_directories(root / "work" / "scenarios");
  EXPECT_EQ("../../models/mine (relative to the scenario's folder)",
            ShownModelPath((root / "models" / "mine").string(),
                           (root / "work" / "scenarios").string(), "the scenario's folder"));
  EXPECT_EQ("models/mine (relative to the sweep folder)",
            ShownModelPath((root / "models" / "mine").string(), root.string(), "the sweep folder"));
  fs::remove_all(root);
}

}  // namespace
}  // namespace spillover
