// Labelled CSV: the matrices of a model folder, and the tidy result tables.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace spillover {

// Reads a numeric matrix whose first column holds row codes and whose header row holds
// column codes (an optional second column headed "name" is skipped). Rows and columns may
// come in any order: they are placed in the order of `row_codes` and `col_codes`. Every
// expected row must be present once. Columns in `optional_col_codes` may be absent (they
// read as zero); every other expected column must be present once. Cells must be finite
// numbers. Errors name the file, line, row and column codes and the cell text.
Matrix ReadLabelledMatrix(const std::string& path, const std::vector<std::string>& row_codes,
                          const std::vector<std::string>& col_codes,
                          const std::vector<std::string>& optional_col_codes = {});

// The same on text already in memory; `path` names it in messages.
Matrix ParseLabelledMatrix(std::string_view text, const std::string& path,
                           const std::vector<std::string>& row_codes,
                           const std::vector<std::string>& col_codes,
                           const std::vector<std::string>& optional_col_codes = {});

// A CSV file as text cells, with the 1-based line number of each record.
struct TextTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int64_t> lines;
};
TextTable ReadTextCsv(const std::string& path);
// The same on text in memory; `path` names it in messages.
TextTable ParseTextCsv(const std::string& text, const std::string& path);

// Reads a whole text file through ReadInputFile (regular files only, at most
// ProcessLimits().max_table_bytes); throws InputError naming the file if it cannot.
std::string ReadFile(const std::string& path);

// Reads the next record of a CSV stream the program wrote (CsvField quoting) into
// `fields`, untrimmed; a quoted field may hold commas, quotes and line breaks. False at the
// end of the stream. For files too large to hold in memory (a sweep's results).
bool ReadCsvRecord(std::istream& in, std::vector<std::string>* fields);

// Quotes a field when it holds a comma, a quote or a line break.
std::string CsvField(const std::string& text);

}  // namespace spillover
