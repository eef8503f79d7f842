// Helpers shared by the tests: relative comparisons that print expected against actual.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "core/types.h"

namespace spillover::testing {

inline ::testing::AssertionResult RelNear(double expected, double actual, double rel,
                                          double abs_floor = 0.0) {
  const double diff = std::fabs(expected - actual);
  const double limit = std::max(rel * std::fabs(expected), abs_floor);
  if (std::isfinite(actual) && diff <= limit) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "expected " << expected << ", actual " << actual
                                       << " (difference " << diff << ", allowed " << limit << ")";
}

inline ::testing::AssertionResult MatrixRelNear(const Matrix& expected, const Matrix& actual,
                                                double rel, double abs_floor = 0.0) {
  if (expected.rows() != actual.rows() || expected.cols() != actual.cols()) {
    return ::testing::AssertionFailure()
           << "shape: expected " << expected.rows() << "x" << expected.cols() << ", actual "
           << actual.rows() << "x" << actual.cols();
  }
  for (Index j = 0; j < expected.cols(); ++j) {
    for (Index i = 0; i < expected.rows(); ++i) {
      auto r = RelNear(expected(i, j), actual(i, j), rel, abs_floor);
      if (!r) return r << " at (" << i << ", " << j << ")";
    }
  }
  return ::testing::AssertionSuccess();
}

// A whole file's bytes ("" when it cannot be read).
inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string SourceDir() { return SPILLOVER_SOURCE_DIR; }
inline std::string ExampleModel() { return SourceDir() + "/model/example-2sector"; }
inline std::string KazModel() { return SourceDir() + "/model/kaz-2024"; }

}  // namespace spillover::testing
