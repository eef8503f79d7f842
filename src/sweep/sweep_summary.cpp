// summary.csv of a Monte Carlo sweep: per variable of results.csv, the mean, sd and
// quantiles of its level, change and % change over the points. A results file can hold tens
// of millions of rows, so it is read in large chunks and split in place; rows come in the
// same order at every point, so a row's variable is found by guessing the one after the
// previous row's before looking it up; and the quantiles select order statistics
// (nth_element) instead of sorting every sample. The two halves of the file are read by
// two threads, and their samples joined in the file's order.
#include "sweep/sweep_summary.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "core/error.h"
#include "core/parallel.h"
#include "core/text.h"
#include "io/csv.h"
#include "report/sweep_stats.h"
#include "sweep/sweep_runner.h"
#include "sweep/wide_layout.h"

namespace spillover {
namespace {

// Reads a field character by character from line[i] on, quotes toggling quoting and a
// doubled quote inside them standing for one, up to a comma outside quotes; returns where
// it stopped (the comma or the end of the line).
size_t Decode(std::string_view line, size_t i, std::string* field) {
  bool quoted = false;
  for (; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      field->push_back('"');
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      break;
    } else {
      field->push_back(c);
    }
  }
  return i;
}

// The first ',' or '"' in [p, end), or end. Eight bytes at a time where the machine is
// little-endian: with x the word XOR the character in every byte, the lowest set bit of
// (x - 0x01..01) & ~x & 0x80..80 is in x's first zero byte (Hacker's Delight, 6-1; bits
// above it can be false, the lowest is not).
const char* FindSpecial(const char* p, const char* end) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  for (; end - p >= 8; p += 8) {
    uint64_t word = 0;
    std::memcpy(&word, p, 8);
    const uint64_t comma = word ^ (kOnes * ','), quote = word ^ (kOnes * '"');
    const uint64_t found = ((comma - kOnes) & ~comma & kHigh) | ((quote - kOnes) & ~quote & kHigh);
    if (found != 0) return p + __builtin_ctzll(found) / 8;
  }
#endif
  while (p < end && *p != ',' && *p != '"') ++p;
  return p;
}

// Splits `line` at commas outside quotes, as CsvField writes fields: plain fields are views
// into the line; a field with a quote is decoded into `decoded` (one string per field,
// reused; a deque, so that the views stay valid as it grows).
void Split(std::string_view line, std::vector<std::string_view>* fields,
           std::deque<std::string>* decoded) {
  fields->clear();
  size_t i = 0;
  for (;;) {
    const size_t index = fields->size();
    const size_t end =
        static_cast<size_t>(FindSpecial(line.data() + i, line.data() + line.size()) - line.data());
    if (end < line.size() && line[end] == '"') {
      if (decoded->size() <= index) decoded->resize(index + 1);
      std::string& field = (*decoded)[index];
      field.assign(line.data() + i, end - i);
      i = Decode(line, end, &field);
      fields->push_back(field);
    } else {
      fields->push_back(line.substr(i, end - i));
      i = end;
    }
    if (i >= line.size()) return;
    ++i;  // the comma
  }
}

// As ParseNumber (io/yaml_read.h): a finite number, a leading '+' allowed, nothing after it.
bool Number(std::string_view text, double* value) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (begin < end && *begin == '+') ++begin;
  const auto result = std::from_chars(begin, end, *value);
  return begin != end && result.ec == std::errc() && result.ptr == end && std::isfinite(*value);
}

struct Variable {
  std::array<std::string, 4> fields;           // region, sector, variable, unit (decoded)
  std::array<std::vector<double>, 3> samples;  // value, change, % change
};

std::string KeyOf(const std::string_view* f) {
  return CsvField(std::string(f[0])) + "," + CsvField(std::string(f[1])) + "," + std::string(f[2]) +
         "," + CsvField(std::string(f[3]));
}

// The samples of the rows in one byte range of the file, by variable in order of first
// appearance.
class Part {
 public:
  explicit Part(size_t scenario) : scenario_(scenario) {}
  // The wide layout: the changes of `wide`'s columns from field `first` on.
  Part(size_t first, const WideColumns* wide) : scenario_(first), wide_(wide) {}

  void Take(std::string_view line) {
    if (wide_ != nullptr) return TakeWide(line);
    Split(line, &fields_, &decoded_);
    if (fields_.size() != scenario_ + 10 || !fields_.back().empty()) return;  // a failed point
    const std::string_view* f = &fields_[scenario_ + 1];
    auto same = [f](const Variable& v) {
      for (size_t i = 0; i < 4; ++i) {
        if (v.fields[i] != f[i]) return false;
      }
      return true;
    };
    size_t at = guess_ < variables_.size() && same(variables_[guess_]) ? guess_ : Find(KeyOf(f));
    if (at == variables_.size()) {
      variables_.emplace_back();
      for (size_t i = 0; i < 4; ++i) variables_.back().fields[i] = f[i];
    }
    guess_ = at + 1 < variables_.size() ? at + 1 : 0;
    for (size_t k = 0; k < 3; ++k) {
      // value, change, pct_change; a % change of a zero baseline is empty and not a sample.
      double number = 0.0;
      if (Number(fields_[scenario_ + 6 + k], &number)) variables_[at].samples[k].push_back(number);
    }
  }

  // Reads lines [begin, end) of `path` (lines end at '\n', as std::getline), 4 MiB at a
  // time; `first_line` receives the first line instead of Take.
  void Read(const std::string& path, int64_t begin, int64_t end, std::string* first_line) {
    std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file || std::fseek(file.get(), static_cast<long>(begin), SEEK_SET) != 0) {
      throw InputError(SourceLocation{path, 0, 0, ""}, "cannot open the file");
    }
    std::vector<char> buffer(4 << 20);
    size_t kept = 0;  // bytes of an unfinished line at the start of the buffer
    int64_t left = end - begin;
    auto take = [&](std::string_view line) {
      if (first_line != nullptr) {
        first_line->assign(line);
        first_line = nullptr;
      } else {
        Take(line);
      }
    };
    for (;;) {
      if (kept == buffer.size()) buffer.resize(2 * buffer.size());
      const size_t want =
          static_cast<size_t>(std::min<int64_t>(left, static_cast<int64_t>(buffer.size() - kept)));
      const size_t got = want == 0 ? 0 : std::fread(buffer.data() + kept, 1, want, file.get());
      left -= static_cast<int64_t>(got);
      const size_t stop_at = kept + got;
      size_t start = 0;
      for (;;) {
        const void* newline = std::memchr(buffer.data() + start, '\n', stop_at - start);
        if (newline == nullptr) break;
        const size_t stop = static_cast<size_t>(static_cast<const char*>(newline) - buffer.data());
        take(std::string_view(buffer.data() + start, stop - start));
        start = stop + 1;
      }
      std::memmove(buffer.data(), buffer.data() + start, stop_at - start);
      kept = stop_at - start;
      if (got == 0) {
        if (kept > 0 || first_line != nullptr) take(std::string_view(buffer.data(), kept));
        return;
      }
    }
  }

  // Appends `other`'s samples after this part's (the file's order), variable by variable.
  void Append(Part&& other) {
    for (Variable& v : other.variables_) {
      std::array<std::string_view, 4> f;
      for (size_t i = 0; i < 4; ++i) f[i] = v.fields[i];
      const size_t at = Find(KeyOf(f.data()));
      if (at == variables_.size()) {
        variables_.push_back(std::move(v));
        continue;
      }
      for (size_t k = 0; k < 3; ++k) {
        auto& to = variables_[at].samples[k];
        to.insert(to.end(), v.samples[k].begin(), v.samples[k].end());
      }
    }
  }

  std::vector<Variable>& variables() { return variables_; }

 private:
  // A row of the wide layout holds only each column's change: the level is the baseline
  // plus the change, and the % change is ResultRow::PercentChange's expression of them.
  void TakeWide(std::string_view line) {
    Split(line, &fields_, &decoded_);
    const std::vector<WideColumn>& columns = wide_->columns();
    if (fields_.size() != scenario_ + columns.size() + 1 || !fields_.back().empty()) return;
    if (variables_.empty()) {
      for (const WideColumn& c : columns) {
        std::array<std::string_view, 4> f;
        for (size_t i = 0; i < 4; ++i) f[i] = c.fields[i];
        Find(KeyOf(f.data()));
        variables_.emplace_back();
        variables_.back().fields = c.fields;
      }
    }
    for (size_t j = 0; j < columns.size(); ++j) {
      double change = 0.0;
      if (!Number(fields_[scenario_ + j], &change)) continue;
      const double b = columns[j].baseline;
      auto& samples = variables_[j].samples;
      const double level = b + change;
      samples[0].push_back(level == 0.0 ? 0.0 : level);
      samples[1].push_back(change == 0.0 ? 0.0 : change);
      if (b != 0.0) {
        const double pct = 100.0 * change / (b < 0 ? -b : b);
        samples[2].push_back(pct == 0.0 ? 0.0 : pct);
      }
    }
  }

  // The variable of `key`, or variables_.size() (then registered as the next one).
  size_t Find(const std::string& key) {
    return index_.emplace(key, variables_.size()).first->second;
  }

  size_t scenario_;
  const WideColumns* wide_ = nullptr;
  std::vector<std::string_view> fields_;
  std::deque<std::string> decoded_;  // stable: the fields' views point into it
  std::vector<Variable> variables_;
  std::unordered_map<std::string, size_t> index_;
  size_t guess_ = 0;
};

// The offset just after the first '\n' at or after `at`, or `size`.
int64_t NextLine(const std::string& path, int64_t at, int64_t size) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file || std::fseek(file.get(), static_cast<long>(at), SEEK_SET) != 0) return size;
  for (int c; (c = std::fgetc(file.get())) != EOF;) {
    ++at;
    if (c == '\n') return at;
  }
  return size;
}

}  // namespace

std::string SummariseResults(const std::string& results_csv) {
  std::error_code error;
  const auto size = static_cast<int64_t>(std::filesystem::file_size(results_csv, error));
  if (error) throw InputError(SourceLocation{results_csv, 0, 0, ""}, "cannot open the file");
  // The header names the columns; the rows after it are read in two halves at once.
  const int64_t rows = NextLine(results_csv, 0, size);
  std::string header;
  Part(0).Read(results_csv, 0, rows, &header);
  std::vector<std::string_view> fields;
  std::deque<std::string> decoded;
  Split(header, &fields, &decoded);
  const size_t scenario =
      static_cast<size_t>(std::find(fields.begin(), fields.end(), "scenario") - fields.begin());
  // No scenario column: the wide layout, whose columns.csv lies beside it.
  WideColumns wide;
  size_t first_field = scenario;
  if (scenario == fields.size()) {
    const std::string columns_csv =
        (std::filesystem::path(results_csv).parent_path() / kWideColumnsFile).string();
    wide = WideColumns::Read(columns_csv);
    const size_t w = wide.size();
    bool match = fields.size() >= w + 2 && fields.back() == "error";
    first_field = match ? fields.size() - 1 - w : 0;
    for (size_t j = 0; match && j < w; ++j)
      match = fields[first_field + j] == wide.columns()[j].name;
    if (!match) {
      throw InputError(SourceLocation{results_csv, 1, 0, ""},
                       "is not a sweep results file of the columns in " + columns_csv);
    }
  } else if (scenario + 10 != fields.size()) {
    throw InputError(SourceLocation{results_csv, 1, 0, ""}, "is not a sweep results file");
  }
  const int64_t middle =
      rows >= size ? size : NextLine(results_csv, rows + (size - rows) / 2, size);
  const WideColumns* wide_columns = scenario == fields.size() ? &wide : nullptr;
  Part first(first_field, wide_columns), second(first_field, wide_columns);
  Part* const parts[] = {&first, &second};
  const int64_t bounds[] = {rows, middle, size};
  RunOnThreads(2, [&](int t) { parts[t]->Read(results_csv, bounds[t], bounds[t + 1], nullptr); });
  first.Append(std::move(second));
  std::string out = SummaryHeader();
  for (Variable& v : first.variables()) {
    out += SummaryKey(v.fields) + "," + std::to_string(v.samples[0].size()) + "," +
           SummaryStatistics(v.samples[0]) + "," + SummaryStatistics(v.samples[1]) + "," +
           SummaryStatistics(v.samples[2]) + "\n";
  }
  return out;
}

std::string SummaryHeader() {
  return "region,sector,variable,unit,n,mean,sd,p5,p50,p95,change_mean,change_sd,change_p5,"
         "change_p50,change_p95,pct_change_mean,pct_change_sd,pct_change_p5,pct_change_p50,"
         "pct_change_p95\n";
}

std::string SummaryKey(const std::array<std::string, 4>& fields) {
  return CsvField(fields[0]) + "," + CsvField(fields[1]) + "," + fields[2] + "," +
         CsvField(fields[3]);
}

namespace {

std::string Statistics(double mean, double ss, size_t count, const std::vector<double>& q) {
  const double n = static_cast<double>(count);
  return FormatNumber(mean) + "," + (count > 1 ? FormatNumber(std::sqrt(ss / (n - 1))) : "") + "," +
         FormatNumber(q[0]) + "," + FormatNumber(q[1]) + "," + FormatNumber(q[2]);
}

}  // namespace

std::string SummaryStatistics(std::vector<double>& v) {
  if (v.empty()) return ",,,,";
  // The moments in the order of the file, before any reordering.
  double mean = 0.0;
  for (double x : v) mean += x;
  mean /= static_cast<double>(v.size());
  double ss = 0.0;
  for (double x : v) ss += (x - mean) * (x - mean);
  // The report's quantiles (type 7, numpy's default), so that summary.csv and the fan
  // chart agree on the same points.
  return Statistics(mean, ss, v.size(), SelectQuantiles(v, {0.05, 0.5, 0.95}));
}

std::string SummaryStatisticsOfConstant(double x, size_t n) {
  if (n == 0) return ",,,,";
  double mean = 0.0;
  for (size_t i = 0; i < n; ++i) mean += x;
  mean /= static_cast<double>(n);
  double ss = 0.0;
  for (size_t i = 0; i < n; ++i) ss += (x - mean) * (x - mean);
  // SelectQuantiles' v(lo) + (h - lo)(v(lo+1) - v(lo)) is x when every v is x.
  return Statistics(mean, ss, n, {x, x, x});
}

}  // namespace spillover
