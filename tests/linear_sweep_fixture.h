// A fixture for the linear fast path's tests: a folder of its own per test (ctest runs the
// tests at once) and sweeps at --detail totals, with or without the fast path.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "sweep/sweep_runner.h"

namespace spillover::testing {

class LinearSweepTest : public ::testing::Test {
 protected:
  explicit LinearSweepTest(const std::string& prefix) : prefix_(prefix) {}

  void SetUp() override {
    dir_ = ::testing::TempDir() + "/" + prefix_ +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  SweepReport Run(const SweepSpec& spec, const std::string& sub, bool points_only,
                  bool fast_path = true) {
    SweepOptions options;
    options.out_dir = dir_ + "/" + sub;
    options.threads = 2;
    options.detail = SweepDetail::kTotals;
    options.points_only = points_only;
    options.linear_fast_path = fast_path;
    return RunSweep(spec, options, &cache_);
  }

  std::string prefix_;
  std::string dir_;
  ModelCache cache_;
};

}  // namespace spillover::testing
