#include "io/csv_chunks.h"

#include <exception>
#include <utility>

#include "core/error.h"
#include "core/parallel.h"

namespace spillover::csv_internal {
namespace {

std::vector<int64_t> OneThread(std::string_view data, int64_t first_line, const RowLayout& layout,
                               Matrix* values) {
  RowSink sink(values, layout.row_codes.size());
  ParseRows(data, first_line, layout, &sink);
  return std::move(sink.row_line);
}

}  // namespace

size_t ChunkSplit(std::string_view data, size_t parallel_min_bytes) {
  if (data.size() < parallel_min_bytes) return 0;
  const size_t newline = data.find('\n', data.size() / 2);
  if (newline == std::string_view::npos || newline + 1 >= data.size()) return 0;
  return newline + 1;
}

// The head is parsed on the caller's thread exactly as the sequential parse would: same
// start, same lines, and it ends at a line break outside quotes (it holds none). The tail
// runs at the same time on a second thread, but it cannot know its true line numbers nor
// the codes the head holds, so whenever it fails, or repeats a code of the head, the
// caller parses it again after the head, sequentially. That second parse is the
// sequential one from the head's end, so it throws what the sequential parse would.
std::vector<int64_t> ParseDataRows(std::string_view data, int64_t first_line,
                                   const RowLayout& layout, Matrix* values,
                                   size_t parallel_min_bytes) {
  const size_t split = ChunkSplit(data, parallel_min_bytes);
  if (split == 0) return OneThread(data, first_line, layout, values);
  const std::string_view head = data.substr(0, split);
  const std::string_view tail = data.substr(split);
  const size_t codes = layout.row_codes.size();
  std::vector<std::atomic<unsigned char>> claimed(codes);
  std::atomic<bool> stop{false};
  RowSink first(values, codes, &claimed);
  RowSink second(values, codes, &claimed, &stop);
  // Written by the tail's thread, read after the join.
  bool tail_done = false;
  std::exception_ptr tail_error;
  auto parse_tail = [&] {
    try {
      // A quote may open a field that holds line breaks: where the tail's records start
      // is then known only to a parse from the top.
      if (tail.find('"') != std::string_view::npos) return;
      ParseRows(tail, 1, layout, &second);
      tail_done = !second.stopped;
    } catch (const InputError&) {
      // Its line numbers are relative: parsed again below.
    } catch (...) {
      tail_error = std::current_exception();
    }
  };
  // Whatever the tail holds, the head's error comes first, and a quoted head needs the
  // whole parse again: either stops the tail early.
  const bool head_quoted = head.find('"') != std::string_view::npos;
  int64_t tail_line = 0;
  auto parse_head = [&] {
    if (head_quoted) {
      stop.store(true, std::memory_order_relaxed);
      return;
    }
    try {
      tail_line = ParseRows(head, first_line, layout, &first);
    } catch (...) {
      stop.store(true, std::memory_order_relaxed);
      throw;
    }
  };
  RunOnThreads(2, [&](int t) {
    if (t == 0) {
      parse_head();
    } else {
      parse_tail();
    }
  });
  if (head_quoted) return OneThread(data, first_line, layout, values);
  if (tail_error) std::rethrow_exception(tail_error);

  bool repeated = false;
  for (size_t i = 0; i < codes; ++i) {
    repeated = repeated || (first.row_line[i] != 0 && second.row_line[i] != 0);
  }
  if (!tail_done || repeated) {
    first.claimed = nullptr;
    ParseRows(tail, tail_line, layout, &first);
    return std::move(first.row_line);
  }
  for (size_t i = 0; i < codes; ++i) {
    if (second.row_line[i] != 0) first.row_line[i] = second.row_line[i] + tail_line - 1;
  }
  return std::move(first.row_line);
}

}  // namespace spillover::csv_internal
