// RunOnThreads: each index once, every thread joined before an exception leaves, and the
// lowest index's exception whatever the order in time.
#include "core/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace spillover {
namespace {

// The message of what RunOnThreads throws, or "" when it returns.
std::string ErrorOf(int threads, const std::function<void(int)>& work) {
  try {
    RunOnThreads(threads, work);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

void Pause() { std::this_thread::sleep_for(std::chrono::milliseconds(50)); }

TEST(RunOnThreads, RunsEachIndexOnceIndexZeroOnTheCaller) {
  constexpr int kThreads = 4;
  std::vector<std::atomic<int>> runs(kThreads);
  std::vector<std::thread::id> ids(kThreads);
  RunOnThreads(kThreads, [&](int t) {
    ++runs[static_cast<size_t>(t)];
    ids[static_cast<size_t>(t)] = std::this_thread::get_id();
  });
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(runs[static_cast<size_t>(t)].load(), 1) << "index " << t;
  }
  EXPECT_EQ(ids[0], std::this_thread::get_id());
  for (int t = 1; t < kThreads; ++t) {
    EXPECT_NE(ids[static_cast<size_t>(t)], std::this_thread::get_id()) << "index " << t;
  }
}

TEST(RunOnThreads, OneThreadOrFewerRunsIndexZeroInline) {
  for (const int threads : {1, 0, -3}) {
    std::vector<int> seen;
    std::thread::id id;
    RunOnThreads(threads, [&](int t) {
      seen.push_back(t);
      id = std::this_thread::get_id();
    });
    EXPECT_EQ(seen, std::vector<int>{0}) << "threads " << threads;
    EXPECT_EQ(id, std::this_thread::get_id()) << "threads " << threads;
  }
  EXPECT_EQ(ErrorOf(1, [](int) { throw std::runtime_error("inline"); }), "inline");
}

TEST(RunOnThreads, RethrowsOnlyOnceEveryThreadHasFinished) {
  for (const int thrower : {0, 2}) {
    std::atomic<int> finished{0};
    const std::string error = ErrorOf(4, [&](int t) {
      if (t == thrower) throw std::runtime_error("thread " + std::to_string(t));
      Pause();
      ++finished;
    });
    EXPECT_EQ(error, "thread " + std::to_string(thrower));
    EXPECT_EQ(finished.load(), 3) << "thrower " << thrower;
  }
}

TEST(RunOnThreads, TheLowestIndexThatThrewWinsNotTheFirstInTime) {
  // Index 3 throws at once, index 1 only after a pause.
  const std::string error = ErrorOf(4, [](int t) {
    if (t == 3) throw std::runtime_error("thread 3");
    if (t == 1) {
      Pause();
      throw std::runtime_error("thread 1");
    }
  });
  EXPECT_EQ(error, "thread 1");
  EXPECT_EQ(ErrorOf(3, [](int t) { throw std::runtime_error("thread " + std::to_string(t)); }),
            "thread 0");
}

}  // namespace
}  // namespace spillover
