#include "run/runner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "test_util.h"

namespace spillover {
namespace {

// A report runs its scenarios and then draws from their model: the folder may be written
// relative to the current folder in one place and absolute in the other, and must not be
// loaded twice.
TEST(ModelCache, OneFolderWrittenThreeWaysIsLoadedOnce) {
  const std::string absolute = testing::ExampleModel();
  const std::string relative =
      std::filesystem::relative(absolute, std::filesystem::current_path()).string();
  const std::string detour = testing::SourceDir() + "/model/../model/example-2sector/";
  ModelCache cache;
  const PreparedModel* first = &cache.Get(absolute);
  EXPECT_EQ(first, &cache.Get(relative)) << relative;
  EXPECT_EQ(first, &cache.Get(detour)) << detour;
  EXPECT_NE(first, &cache.Get(testing::KazModel()));
}

}  // namespace
}  // namespace spillover
