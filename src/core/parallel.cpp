#include "core/parallel.h"

#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace spillover {

void RunOnThreads(int threads, const std::function<void(int thread)>& work) {
  if (threads <= 1) {
    work(0);
    return;
  }
  std::vector<std::exception_ptr> failures(static_cast<size_t>(threads));
  auto run = [&](int t) {
    try {
      work(t);
    } catch (...) {
      failures[static_cast<size_t>(t)] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(static_cast<size_t>(threads - 1));
  int started = 1;
  try {
    for (; started < threads; ++started) pool.emplace_back(run, started);
  } catch (const std::system_error&) {
    // Out of threads: the indices not started run below, on this thread.
  }
  run(0);
  for (int t = started; t < threads; ++t) run(t);
  for (std::thread& thread : pool) thread.join();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
}

}  // namespace spillover
