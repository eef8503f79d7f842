// Fork-join over a fixed number of threads, for the places that split one job into parts
// that run at the same time (the LU's column chunks, the summary's variables, the two
// halves of a CSV or results file).
#pragma once

#include <functional>

namespace spillover {

// Runs work(0) on the calling thread and work(1) … work(threads - 1) on new threads (at
// least work(0), when threads < 1), and returns once every one of them has returned.
// Each index runs exactly once. No index may wait for another: a thread the system
// refuses to start (std::system_error) is not an error, its index then runs on the
// calling thread after work(0), so the parts may run one after another.
//
// An exception leaves a part but not the others, which run to their end; once all have
// returned, the exception of the lowest index that threw is rethrown and the others are
// dropped. The lowest index rather than the first in time, so that the error a caller
// reports does not depend on the scheduling.
void RunOnThreads(int threads, const std::function<void(int thread)>& work);

}  // namespace spillover
