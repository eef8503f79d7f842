// summary.csv of a Monte Carlo sweep: per variable of results.csv, the mean, sd and
// quantiles of its level, change and % change over the points. A results file can hold tens
// of millions of rows, so it is read in large chunks and split in place; rows come in the
// same order at every point, so a row's variable is found by guessing the one after the
// previous row's before looking it up; and the quantiles select order statistics
// (nth_element) instead of sorting every sample.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "core/error.h"
#include "core/text.h"
#include "io/csv.h"
#include "sweep/sweep_runner.h"

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

// Splits `line` at commas outside quotes, as CsvField writes fields: plain fields are views
// into the line; a field with a quote is decoded into `decoded` (one string per field,
// reused; a deque, so that the views stay valid as it grows).
void Split(std::string_view line, std::vector<std::string_view>* fields,
           std::deque<std::string>* decoded) {
  fields->clear();
  size_t i = 0;
  for (;;) {
    const size_t index = fields->size();
    // One pass to the field's end (fields are short: a call per field costs more).
    size_t end = i;
    while (end < line.size() && line[end] != ',' && line[end] != '"') ++end;
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

std::string Quantiles(std::vector<double>& v) {
  if (v.empty()) return ",,,,";
  const double n = static_cast<double>(v.size());
  // The moments in the order of the file, before any reordering.
  double mean = 0.0;
  for (double x : v) mean += x;
  mean /= n;
  double ss = 0.0;
  for (double x : v) ss += (x - mean) * (x - mean);
  // Linear interpolation between order statistics (type 7, the default of R and numpy):
  // Q(q) = v(lo) + (h - lo)(v(lo+1) - v(lo)), h = (n - 1) q, lo = floor(h), on the sorted v.
  // Each selection leaves the larger values after position lo, so the next one (a larger
  // q) selects within them.
  size_t from = 0;
  auto quantile = [&](double q) {
    const double h = (n - 1) * q;
    const size_t lo = static_cast<size_t>(std::floor(h));
    const size_t hi = std::min(lo + 1, v.size() - 1);
    std::nth_element(v.begin() + static_cast<std::ptrdiff_t>(from),
                     v.begin() + static_cast<std::ptrdiff_t>(lo), v.end());
    from = lo;
    const double at_lo = v[lo];
    const double at_hi =
        hi == lo ? at_lo : *std::min_element(v.begin() + static_cast<std::ptrdiff_t>(hi), v.end());
    return at_lo + (h - static_cast<double>(lo)) * (at_hi - at_lo);
  };
  const double p5 = quantile(0.05), p50 = quantile(0.5), p95 = quantile(0.95);
  return FormatNumber(mean) + "," + (v.size() > 1 ? FormatNumber(std::sqrt(ss / (n - 1))) : "") +
         "," + FormatNumber(p5) + "," + FormatNumber(p50) + "," + FormatNumber(p95);
}

struct Variable {
  std::array<std::string, 4> fields;           // region, sector, variable, unit (decoded)
  std::array<std::vector<double>, 3> samples;  // value, change, % change
};

}  // namespace

std::string SummariseResults(const std::string& results_csv) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(results_csv.c_str(), "rb"), &std::fclose);
  if (!file) throw InputError(SourceLocation{results_csv, 0, 0, ""}, "cannot open the file");
  std::vector<std::string_view> fields;
  std::deque<std::string> decoded;  // stable: the fields' views point into it
  std::vector<Variable> variables;  // in order of first appearance
  std::unordered_map<std::string, size_t> index;
  size_t scenario = 0, guess = 0;
  bool header = true;
  auto take = [&](std::string_view line) {
    Split(line, &fields, &decoded);
    if (header) {
      header = false;
      scenario =
          static_cast<size_t>(std::find(fields.begin(), fields.end(), "scenario") - fields.begin());
      if (scenario + 10 != fields.size()) {
        throw InputError(SourceLocation{results_csv, 1, 0, ""}, "is not a sweep results file");
      }
      return;
    }
    if (fields.size() != scenario + 10 || !fields.back().empty()) return;  // a failed point
    auto same = [&](const Variable& v) {
      for (size_t f = 0; f < 4; ++f) {
        if (v.fields[f] != fields[scenario + 1 + f]) return false;
      }
      return true;
    };
    size_t at = guess < variables.size() && same(variables[guess]) ? guess : variables.size();
    if (at == variables.size()) {
      const std::string key = CsvField(std::string(fields[scenario + 1])) + "," +
                              CsvField(std::string(fields[scenario + 2])) + "," +
                              std::string(fields[scenario + 3]) + "," +
                              CsvField(std::string(fields[scenario + 4]));
      const auto found = index.find(key);
      if (found == index.end()) {
        index.emplace(key, variables.size());
        variables.emplace_back();
        for (size_t f = 0; f < 4; ++f) variables.back().fields[f] = fields[scenario + 1 + f];
      } else {
        at = found->second;
      }
    }
    guess = at + 1 < variables.size() ? at + 1 : 0;
    for (size_t k = 0; k < 3; ++k) {
      // value, change, pct_change; a % change of a zero baseline is empty and not a sample.
      double number = 0.0;
      if (Number(fields[scenario + 6 + k], &number)) variables[at].samples[k].push_back(number);
    }
  };
  // Lines end at '\n' (as std::getline), read 4 MiB at a time.
  std::vector<char> buffer(4 << 20);
  size_t kept = 0;  // bytes of an unfinished line at the start of the buffer
  for (;;) {
    if (kept == buffer.size()) buffer.resize(2 * buffer.size());
    const size_t got = std::fread(buffer.data() + kept, 1, buffer.size() - kept, file.get());
    const size_t end = kept + got;
    size_t start = 0;
    for (;;) {
      const void* newline = std::memchr(buffer.data() + start, '\n', end - start);
      if (newline == nullptr) break;
      const size_t stop = static_cast<size_t>(static_cast<const char*>(newline) - buffer.data());
      take(std::string_view(buffer.data() + start, stop - start));
      start = stop + 1;
    }
    std::memmove(buffer.data(), buffer.data() + start, end - start);
    kept = end - start;
    if (got == 0) {
      if (kept > 0 || header) take(std::string_view(buffer.data(), kept));
      break;
    }
  }
  std::string out =
      "region,sector,variable,unit,n,mean,sd,p5,p50,p95,change_mean,change_sd,change_p5,"
      "change_p50,change_p95,pct_change_mean,pct_change_sd,pct_change_p5,pct_change_p50,"
      "pct_change_p95\n";
  for (Variable& v : variables) {
    out += CsvField(v.fields[0]) + "," + CsvField(v.fields[1]) + "," + v.fields[2] + "," +
           CsvField(v.fields[3]) + "," + std::to_string(v.samples[0].size()) + "," +
           Quantiles(v.samples[0]) + "," + Quantiles(v.samples[1]) + "," + Quantiles(v.samples[2]) +
           "\n";
  }
  return out;
}

}  // namespace spillover
