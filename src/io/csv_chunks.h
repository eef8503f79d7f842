// The data rows of a labelled matrix (io/csv.cpp): parsed on one thread, or on two for a
// large file, with the same values and the same first error either way.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/types.h"

namespace spillover::csv_internal {

// Below this many bytes of data rows a second thread costs more than it saves, and most
// tables of a model (Y, V, x) stay on one thread. The peer's Z at n = 5,000 is 161 MB.
inline constexpr size_t kParallelMinBytes = size_t{4} << 20;

// What the header of a labelled matrix says about its data rows.
struct RowLayout {
  RowLayout(const std::string& path_in, const std::vector<std::string>& row_codes_in,
            const std::vector<std::string>& col_codes_in,
            const std::unordered_map<std::string, Index>& row_position_in)
      : path(path_in),
        row_codes(row_codes_in),
        col_codes(col_codes_in),
        row_position(row_position_in) {}
  const std::string& path;
  const std::vector<std::string>& row_codes;
  const std::vector<std::string>& col_codes;
  const std::unordered_map<std::string, Index>& row_position;
  std::vector<Index> target_col;  // per data field after the label (and name): its column
  bool skip_name = false;
  size_t expected_fields = 0;
};

// The state of one pass over data rows.
struct RowSink {
  RowSink(Matrix* values_in, size_t codes,
          std::vector<std::atomic<unsigned char>>* claimed_in = nullptr,
          const std::atomic<bool>* stop_in = nullptr)
      : values(values_in), row_line(codes, 0), claimed(claimed_in), stop(stop_in) {}
  Matrix* values;
  std::vector<int64_t> row_line;  // per row code: the line that held it, 0 if none yet
  // Set on the two-thread path only: one flag per row code, set by the first chunk to
  // meet it, and a request to stop early.
  std::vector<std::atomic<unsigned char>>* claimed;
  const std::atomic<bool>* stop;
  bool stopped = false;
  std::vector<double> scratch;
};

// Parses the whole records in `records`, the first of them on line `first_line`, into
// sink->values, and returns the line after the last. Throws the first InputError. In
// io/csv.cpp.
int64_t ParseRows(std::string_view records, int64_t first_line, const RowLayout& layout,
                  RowSink* sink);

// Where the data rows are cut in two: the start of the first line at or after the middle,
// or 0 to keep them whole (fewer than `parallel_min_bytes`, or no line to cut at).
size_t ChunkSplit(std::string_view data, size_t parallel_min_bytes);

// Parses every record after the header (`data`, from line `first_line`) and returns the
// line of each row code, 0 for a missing one. Two threads when `data` holds at least
// `parallel_min_bytes` and no quote.
std::vector<int64_t> ParseDataRows(std::string_view data, int64_t first_line,
                                   const RowLayout& layout, Matrix* values,
                                   size_t parallel_min_bytes);

// ParseLabelledMatrix with the two-thread threshold as a parameter, so that tests and the
// fuzzer reach the two-thread path with small inputs.
Matrix ParseLabelledMatrixWith(std::string_view text, const std::string& path,
                               const std::vector<std::string>& row_codes,
                               const std::vector<std::string>& col_codes,
                               const std::vector<std::string>& optional_col_codes,
                               size_t parallel_min_bytes);

}  // namespace spillover::csv_internal
