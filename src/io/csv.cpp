#include "io/csv.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "core/error.h"
#include "core/limits.h"
#include "core/memory.h"
#include "core/text.h"
#include "io/csv_chunks.h"
#include "io/input_file.h"
#include "io/mapped_file.h"

namespace spillover {
namespace {

const char* ScanSimpleDecimal(const char* begin, const char* end, double* value);

// Cursor over a buffer holding one whole CSV file; yields fields of the current record.
class CsvCursor {
 public:
  CsvCursor(const std::string& path, std::string_view data, int64_t first_line = 1)
      : path_(path), data_(data), line_(first_line) {}

  bool AtEnd() const { return pos_ >= data_.size(); }
  int64_t line() const { return line_; }
  size_t pos() const { return pos_; }
  bool AtRecordEnd() const { return pos_ >= data_.size() || data_[pos_] == '\n'; }

  // Moves past the line break that ends the current record.
  void EndRecord() {
    if (pos_ < data_.size() && data_[pos_] == '\n') ++pos_;
    ++line_;
  }

  // The next field of the current record, unquoted. `quoted_buffer` holds quoted text.
  std::string_view NextField(std::string* quoted_buffer) {
    if (pos_ < data_.size() && data_[pos_] == '"') return QuotedField(quoted_buffer);
    const size_t start = pos_;
    while (pos_ < data_.size() && data_[pos_] != ',' && data_[pos_] != '\n') ++pos_;
    size_t end = pos_;
    if (end > start && data_[end - 1] == '\r') --end;
    if (pos_ < data_.size() && data_[pos_] == ',') {
      ++pos_;
      trailing_comma_ = true;
    } else {
      trailing_comma_ = false;
    }
    return data_.substr(start, end - start);
  }

  // Reads the next field as a number when it is exactly a simple decimal (no quotes, no
  // spaces, no '+'), in the same pass that finds its end: most cells of a published table
  // are, and scanning each twice cost a quarter of the parse. Otherwise leaves the
  // cursor where it was and returns false, and NextField reads the field.
  bool NextSimpleNumber(double* value) {
    const char* begin = data_.data() + pos_;
    const char* end = data_.data() + data_.size();
    const char* p = ScanSimpleDecimal(begin, end, value);
    if (p == nullptr) return false;
    if (p < end && *p == '\r') ++p;
    if (p < end && *p != ',' && *p != '\n') return false;
    pos_ = static_cast<size_t>(p - data_.data());
    trailing_comma_ = p < end && *p == ',';
    if (trailing_comma_) ++pos_;
    return true;
  }

  // True when the last field ended with a comma, so another (maybe empty) field follows.
  bool MoreFields() const { return trailing_comma_; }

  bool SkipBlankLine() {
    if (pos_ < data_.size() && (data_[pos_] == '\n' || data_[pos_] == '\r')) {
      while (pos_ < data_.size() && data_[pos_] == '\r') ++pos_;
      EndRecord();
      return true;
    }
    return false;
  }

 private:
  std::string_view QuotedField(std::string* buffer) {
    buffer->clear();
    const int64_t start_line = line_;
    ++pos_;
    for (;;) {
      if (pos_ >= data_.size()) {
        throw InputError(SourceLocation{path_, start_line, 0, ""},
                         "unterminated quoted field: a '\"' opens a field that never closes");
      }
      const char c = data_[pos_++];
      if (c == '"') {
        if (pos_ < data_.size() && data_[pos_] == '"') {
          buffer->push_back('"');
          ++pos_;
        } else {
          break;
        }
      } else {
        if (c == '\n') ++line_;
        buffer->push_back(c);
      }
    }
    if (pos_ < data_.size() && data_[pos_] == '\r') ++pos_;
    trailing_comma_ = pos_ < data_.size() && data_[pos_] == ',';
    if (trailing_comma_) {
      ++pos_;
    } else if (pos_ < data_.size() && data_[pos_] != '\n') {
      throw InputError(SourceLocation{path_, line_, 0, ""},
                       "unexpected text after a closing quote; expected ',' or end of line");
    }
    return *buffer;
  }

  const std::string& path_;
  std::string_view data_;
  size_t pos_ = 0;
  int64_t line_;
  bool trailing_comma_ = false;
};

std::string Trimmed(std::string_view text) {
  size_t b = 0, e = text.size();
  while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
  while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  return std::string(text.substr(b, e - b));
}

std::unordered_map<std::string, Index> PositionMap(const std::vector<std::string>& codes) {
  std::unordered_map<std::string, Index> map;
  map.reserve(codes.size() * 2);
  for (size_t i = 0; i < codes.size(); ++i) map.emplace(codes[i], static_cast<Index>(i));
  return map;
}

// Powers of ten that a double holds exactly.
constexpr double kExactPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// Decimal text such as "-1234.56" or "1.5e-3" with at most 19 digits, read from `begin`
// up to the first character that cannot continue it: when the digits form an integer
// m < 2^53 and the power of ten p is within ±22, m and 10^|p| are exact doubles and one
// multiplication or division rounds correctly (Clinger's fast path), so the value equals
// std::from_chars's. Returns the end of the number, or nullptr for anything else, which
// from_chars then reads.
const char* ScanSimpleDecimal(const char* begin, const char* end, double* value) {
  const char* p = begin;
  const bool negative = p < end && *p == '-';
  if (negative) ++p;
  std::uint64_t mantissa = 0;
  int digits = 0;
  int exponent = 0;
  for (; p < end && *p >= '0' && *p <= '9'; ++p, ++digits) {
    mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p - '0');
  }
  if (p < end && *p == '.') {
    ++p;
    for (; p < end && *p >= '0' && *p <= '9'; ++p, ++digits, --exponent) {
      mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p - '0');
    }
  }
  if (digits == 0 || digits > 19) return nullptr;
  if (p < end && (*p == 'e' || *p == 'E')) {
    ++p;
    const bool negative_exponent = p < end && *p == '-';
    if (p < end && (*p == '-' || *p == '+')) ++p;
    int e = 0;
    int exponent_digits = 0;
    for (; p < end && *p >= '0' && *p <= '9' && exponent_digits < 4; ++p, ++exponent_digits) {
      e = e * 10 + (*p - '0');
    }
    if (exponent_digits == 0) return nullptr;
    exponent += negative_exponent ? -e : e;
  }
  if (mantissa > (std::uint64_t{1} << 53) || exponent < -22 || exponent > 22) return nullptr;
  double v = static_cast<double>(mantissa);
  v = exponent < 0 ? v / kExactPowers[-exponent] : v * kExactPowers[exponent];
  *value = negative ? -v : v;
  return p;
}

bool ParseSimpleDecimal(const char* begin, const char* end, double* value) {
  return ScanSimpleDecimal(begin, end, value) == end;
}

}  // namespace

std::string ReadFile(const std::string& path) {
  return ReadInputFile(path, ProcessLimits().max_table_bytes, "text file");
}

Matrix ReadLabelledMatrix(const std::string& path, const std::vector<std::string>& row_codes,
                          const std::vector<std::string>& col_codes,
                          const std::vector<std::string>& optional_col_codes) {
  // The declared shape bounds the file: every required cell takes at least two bytes
  // ("0,"), and no honest cell needs more than kMaxCellBytes. A header of 100,000 codes
  // with no rows is refused here, before an n × n matrix is allocated.
  const auto rows = static_cast<int64_t>(row_codes.size());
  const auto required = static_cast<int64_t>(col_codes.size() - optional_col_codes.size());
  const auto cols = static_cast<int64_t>(col_codes.size());
  constexpr int64_t kMaxCellBytes = 64;
  const int64_t max_bytes =
      ProcessLimits().max_table_bytes + (rows + 1) * (cols + 2) * kMaxCellBytes;
  const int64_t size = InputFileSize(path, max_bytes, "CSV file");
  const int64_t min_bytes = rows * std::max<int64_t>(required, 0) * 2;
  if (size > 0 && size < min_bytes) {
    throw InputError(SourceLocation{path, 0, 0, ""},
                     "holds " + std::to_string(size) + " bytes, too few for the " +
                         std::to_string(rows) + " x " + std::to_string(cols) +
                         " matrix that model.yaml declares (at least " + std::to_string(min_bytes) +
                         " bytes)");
  }
  const MappedFile file(path);
  return ParseLabelledMatrix(file.text(), path, row_codes, col_codes, optional_col_codes);
}

Matrix ParseLabelledMatrix(std::string_view data, const std::string& path,
                           const std::vector<std::string>& row_codes,
                           const std::vector<std::string>& col_codes,
                           const std::vector<std::string>& optional_col_codes) {
  return csv_internal::ParseLabelledMatrixWith(data, path, row_codes, col_codes, optional_col_codes,
                                               csv_internal::kParallelMinBytes);
}

namespace csv_internal {

Matrix ParseLabelledMatrixWith(std::string_view data, const std::string& path,
                               const std::vector<std::string>& row_codes,
                               const std::vector<std::string>& col_codes,
                               const std::vector<std::string>& optional_col_codes,
                               size_t parallel_min_bytes) {
  std::string_view view = data;
  if (view.size() >= 3 && view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);  // BOM
  CsvCursor cursor(path, view);
  std::string quoted;
  if (cursor.AtEnd()) throw InputError(SourceLocation{path, 1, 0, ""}, "the file is empty");

  // Header: label column, optional "name" column, then column codes.
  const auto col_position = PositionMap(col_codes);
  const auto optional_position = PositionMap(optional_col_codes);
  const auto row_position = PositionMap(row_codes);
  RowLayout layout(path, row_codes, col_codes, row_position);
  std::vector<bool> col_seen(col_codes.size(), false);
  int field_index = 0;
  do {
    const std::string cell = Trimmed(cursor.NextField(&quoted));
    const int column = field_index + 1;
    if (field_index == 0) {
      // The row-label column; its header is free.
    } else if (field_index == 1 && cell == "name") {
      layout.skip_name = true;
    } else {
      auto it = col_position.find(cell);
      if (it == col_position.end()) {
        std::vector<std::string> all = col_codes;
        throw InputError(SourceLocation{path, 1, column, ""},
                         "unknown column code '" + Echo(cell) + "'" + DidYouMean(cell, all) +
                             "; expected one of the codes listed in model.yaml");
      }
      if (col_seen[static_cast<size_t>(it->second)]) {
        throw InputError(SourceLocation{path, 1, column, ""},
                         "column '" + Echo(cell) + "' appears twice in the header");
      }
      col_seen[static_cast<size_t>(it->second)] = true;
      layout.target_col.push_back(it->second);
    }
    ++field_index;
  } while (cursor.MoreFields());
  cursor.EndRecord();
  for (size_t j = 0; j < col_codes.size(); ++j) {
    if (!col_seen[j] && optional_position.count(col_codes[j]) == 0) {
      throw InputError(SourceLocation{path, 1, 0, ""},
                       "missing column '" + col_codes[j] + "'; expected " +
                           std::to_string(col_codes.size()) + " columns, one per code");
    }
  }

  // Every cell of a present column is written below (each row must appear once with every
  // field), so only the absent optional columns need zeros: no pass over fresh memory.
  Matrix values =
      FreshMatrix(static_cast<Index>(row_codes.size()), static_cast<Index>(col_codes.size()));
  for (size_t j = 0; j < col_codes.size(); ++j) {
    if (!col_seen[j]) values.col(static_cast<Index>(j)).setZero();
  }
  layout.expected_fields = layout.target_col.size() + (layout.skip_name ? 2 : 1);
  const std::vector<int64_t> row_line =
      ParseDataRows(view.substr(cursor.pos()), cursor.line(), layout, &values, parallel_min_bytes);
  for (size_t i = 0; i < row_codes.size(); ++i) {
    if (row_line[i] == 0) {
      throw InputError(SourceLocation{path, 0, 0, ""},
                       "missing row '" + row_codes[i] + "'; expected " +
                           std::to_string(row_codes.size()) + " rows, one per code");
    }
  }
  return values;
}

int64_t ParseRows(std::string_view records, int64_t first_line, const RowLayout& layout,
                  RowSink* sink) {
  const std::string& path = layout.path;
  const std::vector<Index>& target_col = layout.target_col;
  CsvCursor cursor(path, records, first_line);
  std::string quoted;
  Matrix& values = *sink->values;
  while (!cursor.AtEnd()) {
    if (sink->stop != nullptr && sink->stop->load(std::memory_order_relaxed)) {
      sink->stopped = true;
      break;
    }
    if (cursor.SkipBlankLine()) continue;
    const int64_t line = cursor.line();
    const std::string code = Trimmed(cursor.NextField(&quoted));
    auto it = layout.row_position.find(code);
    if (it == layout.row_position.end()) {
      throw InputError(SourceLocation{path, line, 1, ""},
                       "unknown row code '" + Echo(code) + "'" +
                           DidYouMean(code, layout.row_codes) +
                           "; expected one of the codes listed in model.yaml");
    }
    const size_t row = static_cast<size_t>(it->second);
    if (sink->row_line[row] != 0) {
      throw InputError(SourceLocation{path, line, 1, ""},
                       "row '" + code + "' appears twice (first at line " +
                           std::to_string(sink->row_line[row]) + ")");
    }
    sink->row_line[row] = line;
    double* out = values.data() + it->second;
    Index stride = values.rows();
    // Both chunks hold this code: a duplicate, reported once both are done. Until then the
    // later claimant writes aside, so that no cell is written by two threads.
    if (sink->claimed != nullptr &&
        (*sink->claimed)[row].exchange(1, std::memory_order_relaxed) != 0) {
      sink->scratch.resize(static_cast<size_t>(values.cols()));
      out = sink->scratch.data();
      stride = 1;
    }
    size_t fields = 1;
    if (layout.skip_name && cursor.MoreFields()) {
      cursor.NextField(&quoted);
      ++fields;
    }
    size_t k = 0;
    while (cursor.MoreFields()) {
      ++fields;
      double value = 0.0;
      if (k < target_col.size() && cursor.NextSimpleNumber(&value)) {
        out[target_col[k++] * stride] = value;
        continue;
      }
      const std::string_view cell = cursor.NextField(&quoted);
      if (k >= target_col.size()) continue;  // counted and reported below
      const Index col = target_col[k++];
      const char* begin = cell.data();
      const char* end = cell.data() + cell.size();
      while (begin < end && *begin == ' ') ++begin;
      while (end > begin && end[-1] == ' ') --end;
      if (begin < end && *begin == '+') ++begin;
      if (ParseSimpleDecimal(begin, end, &value)) {
        out[col * stride] = value;
        continue;
      }
      const auto result = std::from_chars(begin, end, value);
      if (begin == end || result.ec != std::errc() || result.ptr != end || !std::isfinite(value)) {
        const SourceLocation where{path, line, static_cast<int>(fields),
                                   "row '" + code + "', column '" + layout.col_codes[col] + "'"};
        const std::string text(cell);
        if (text.empty()) throw InputError(where, "empty cell; expected a finite number");
        throw InputError(where, "'" + Echo(text) + "' is not a finite number" +
                                    (result.ec == std::errc::result_out_of_range
                                         ? " (out of the range of a double)"
                                         : ""));
      }
      out[col * stride] = value;
    }
    if (fields != layout.expected_fields) {
      throw InputError(SourceLocation{path, line, 0, "row '" + code + "'"},
                       "expected " + std::to_string(layout.expected_fields) + " fields, got " +
                           std::to_string(fields));
    }
    cursor.EndRecord();
  }
  return cursor.line();
}

}  // namespace csv_internal

TextTable ReadTextCsv(const std::string& path) {
  return ParseTextCsv(ReadInputFile(path, ProcessLimits().max_table_bytes, "CSV file"), path);
}

TextTable ParseTextCsv(const std::string& data, const std::string& path) {
  std::string_view view(data);
  if (view.size() >= 3 && view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
  CsvCursor cursor(path, view);
  std::string quoted;
  TextTable table;
  bool header = true;
  while (!cursor.AtEnd()) {
    if (cursor.SkipBlankLine()) continue;
    const int64_t line = cursor.line();
    std::vector<std::string> fields;
    do {
      fields.push_back(Trimmed(cursor.NextField(&quoted)));
    } while (cursor.MoreFields());
    cursor.EndRecord();
    if (header) {
      table.header = std::move(fields);
      header = false;
    } else {
      if (fields.size() != table.header.size()) {
        throw InputError(SourceLocation{path, line, 0, ""},
                         "expected " + std::to_string(table.header.size()) +
                             " fields as in the header, got " + std::to_string(fields.size()));
      }
      table.rows.push_back(std::move(fields));
      table.lines.push_back(line);
    }
  }
  if (header) throw InputError(SourceLocation{path, 1, 0, ""}, "the file is empty");
  return table;
}

bool ReadCsvRecord(std::istream& in, std::vector<std::string>* fields) {
  fields->clear();
  std::string line;
  if (!std::getline(in, line)) return false;
  std::string field;
  bool quoted = false;
  for (;;) {
    for (size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (quoted) {
        if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.push_back(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields->push_back(std::move(field));
        field.clear();
      } else {
        field.push_back(c);
      }
    }
    // A line break inside quotes belongs to the field: the record goes on.
    if (!quoted || !std::getline(in, line)) break;
    field.push_back('\n');
  }
  fields->push_back(std::move(field));
  return true;
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace spillover
