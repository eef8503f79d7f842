// The two-thread parse of a labelled matrix (io/csv_chunks) against the one-thread parse:
// the same bits, the same first error. A threshold of 0 sends small texts down the
// two-thread path.
#include "io/csv_chunks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "core/error.h"

namespace spillover::csv_internal {
namespace {

constexpr size_t kOneThread = SIZE_MAX;
constexpr size_t kTwoThreads = 0;

// A matrix's bits, or its error message.
std::string Outcome(const std::string& text, const std::vector<std::string>& rows,
                    const std::vector<std::string>& cols, size_t threshold) {
  try {
    const Matrix m = ParseLabelledMatrixWith(text, "t.csv", rows, cols, {}, threshold);
    return std::string(reinterpret_cast<const char*>(m.data()),
                       sizeof(double) * static_cast<size_t>(m.size()));
  } catch (const InputError& e) {
    return std::string("error: ") + e.what();
  }
}

struct Table {
  std::vector<std::string> rows;
  std::vector<std::string> cols;
  std::vector<std::string> lines;  // data records, without line breaks
  std::string header = "code,name";

  std::string Text(const std::string& eol = "\n") const {
    std::string text = header;
    for (const std::string& c : cols) text += "," + c;
    text += eol;
    for (const std::string& line : lines) text += line + eol;
    return text;
  }
};

// Rows in shuffled order, cells in several notations.
Table MakeTable(size_t n_rows, size_t n_cols) {
  Table t;
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> value(-1e6, 1e6);
  for (size_t j = 0; j < n_cols; ++j) t.cols.push_back("c" + std::to_string(j));
  for (size_t i = 0; i < n_rows; ++i) t.rows.push_back("r" + std::to_string(i));
  std::vector<size_t> order(n_rows);
  for (size_t i = 0; i < n_rows; ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), random);
  for (size_t i : order) {
    std::string line = t.rows[i] + ",Sector " + std::to_string(i);
    for (size_t j = 0; j < n_cols; ++j) {
      char cell[64];
      const double v = value(random);
      const int form = static_cast<int>((i + j) % 4);
      if (form == 0) std::snprintf(cell, sizeof cell, "%.6g", v);
      if (form == 1) std::snprintf(cell, sizeof cell, "%.17g", v);
      if (form == 2) std::snprintf(cell, sizeof cell, " %.3e", v);
      if (form == 3) std::snprintf(cell, sizeof cell, "%.0f", v);
      line += std::string(",") + cell;
    }
    t.lines.push_back(line);
  }
  return t;
}

void ExpectHas(const std::string& outcome, const std::string& part) {
  EXPECT_NE(std::string::npos, outcome.find(part)) << outcome;
}

std::string CodeOf(const std::string& record) { return record.substr(0, record.find(',')); }

// Both paths agree; returns the outcome.
std::string Agreed(const Table& t, const std::string& text) {
  const std::string one = Outcome(text, t.rows, t.cols, kOneThread);
  const std::string two = Outcome(text, t.rows, t.cols, kTwoThreads);
  EXPECT_EQ(one, two);
  return two;
}

std::string Agreed(const Table& t) { return Agreed(t, t.Text()); }

TEST(CsvChunks, SplitsAtALineAfterTheMiddle) {
  EXPECT_EQ(0u, ChunkSplit("a\nb\nc\n", 7));
  EXPECT_EQ(4u, ChunkSplit("a\nb\nc\n", 0));
  EXPECT_EQ(0u, ChunkSplit("a\nbbbbbb\n", 0));  // no line starts after the middle
  const std::string text = MakeTable(200, 5).Text();
  const size_t split = ChunkSplit(text, kParallelMinBytes / 1024);
  ASSERT_GT(split, text.size() / 2);
  EXPECT_EQ('\n', text[split - 1]);
  EXPECT_EQ(0u, ChunkSplit(text, kParallelMinBytes));
}

TEST(CsvChunks, SameBitsAsOneThread) {
  const Table t = MakeTable(300, 7);
  ASSERT_NE(0u, ChunkSplit(t.Text(), kTwoThreads));
  EXPECT_EQ(300u * 7 * sizeof(double), Agreed(t).size());
  EXPECT_EQ(Outcome(t.Text(), t.rows, t.cols, kOneThread),
            Outcome(t.Text(), t.rows, t.cols, kParallelMinBytes));
}

TEST(CsvChunks, CrlfAndBlankLines) {
  Table t = MakeTable(300, 4);
  t.lines.insert(t.lines.begin() + 150, "");
  t.lines.insert(t.lines.begin() + 151, "\r");
  EXPECT_EQ(300u * 4 * sizeof(double), Agreed(t, t.Text("\r\n")).size());
  t.lines[250] += ",x";
  const std::string error = Agreed(t, t.Text("\r\n"));
  ExpectHas(error, "t.csv:252:");
  ExpectHas(error, "expected 6 fields, got 7");
}

TEST(CsvChunks, ErrorInTheSecondChunkNamesItsTrueLine) {
  Table t = MakeTable(300, 4);
  t.lines[250] = t.lines[250].substr(0, t.lines[250].rfind(',')) + ",1.5x";
  const std::string error = Agreed(t);
  ExpectHas(error, "t.csv:252:6");
  ExpectHas(error, "'1.5x' is not a finite number");
  t.lines[260] = "nope,x,1,2,3,4";
  EXPECT_EQ(error, Agreed(t));
}

TEST(CsvChunks, TheEarliestErrorWins) {
  Table t = MakeTable(300, 4);
  t.lines[280] = "nope,x,1,2,3,4";
  t.lines[100] += ",";
  const std::string error = Agreed(t);
  ExpectHas(error, "t.csv:102:");
  ExpectHas(error, "expected 6 fields, got 7");
  // The head's later error comes before a code the tail repeats.
  t.lines[100] = t.lines[100].substr(0, t.lines[100].size() - 1);
  t.lines[280] = t.lines[0];
  t.lines[120] =
      t.lines[120].substr(0, t.lines[120].find(',', t.lines[120].find(',') + 1)) + ",,1,2,3";
  const std::string empty = Agreed(t);
  ExpectHas(empty, "t.csv:122:3");
  ExpectHas(empty, "empty cell");
}

TEST(CsvChunks, CodeInBothChunks) {
  Table t = MakeTable(300, 4);
  // Once in each chunk, each chunk valid alone: only their union shows the repeat.
  t.lines[200] = t.lines[10];
  const std::string once = Agreed(t);
  ExpectHas(once,
            "t.csv:202:1: row '" + CodeOf(t.lines[10]) + "' appears twice (first at line 12)");
  t = MakeTable(300, 4);
  t.lines[200] = t.lines[260] = t.lines[10];
  const std::string error = Agreed(t);
  ExpectHas(error,
            "t.csv:202:1: row '" + CodeOf(t.lines[10]) + "' appears twice (first at line 12)");
  // Twice in the tail alone: reported at its true lines too.
  t = MakeTable(300, 4);
  t.lines[270] = t.lines[200];
  const std::string tail = Agreed(t);
  ExpectHas(tail, "t.csv:272:1");
  ExpectHas(tail, "(first at line 202)");
}

TEST(CsvChunks, MissingRow) {
  Table t = MakeTable(300, 4);
  const std::string code = CodeOf(t.lines[220]);
  t.lines.erase(t.lines.begin() + 220);
  const std::string error = Agreed(t);
  ExpectHas(error, "missing row '" + code + "'");
}

TEST(CsvChunks, QuotedFields) {
  Table t = MakeTable(300, 4);
  // A name with line breaks in the second chunk, then in the first.
  const size_t name = t.lines[250].find(',');
  const size_t name_end = t.lines[250].find(',', name + 1);
  t.lines[250] = t.lines[250].substr(0, name + 1) + "\"two\nlines, \"\"quoted\"\"\"" +
                 t.lines[250].substr(name_end);
  EXPECT_EQ(300u * 4 * sizeof(double), Agreed(t).size());
  t.lines[20] = CodeOf(t.lines[20]) + ",\"a\n\nb\"" +
                t.lines[20].substr(t.lines[20].find(',', t.lines[20].find(',') + 1));
  EXPECT_EQ(300u * 4 * sizeof(double), Agreed(t).size());
  t.lines[290] += ",x";
  const std::string error = Agreed(t);
  ExpectHas(error, "t.csv:295:");
}

TEST(CsvChunks, QuotedFieldAcrossTheMiddle) {
  Table t = MakeTable(40, 3);
  std::string long_name = "\"";
  for (int k = 0; k < 400; ++k) long_name += "line " + std::to_string(k) + "\n";
  long_name += "\"";
  t.lines[20] = CodeOf(t.lines[20]) + "," + long_name +
                t.lines[20].substr(t.lines[20].find(',', t.lines[20].find(',') + 1));
  const std::string text = t.Text();
  const std::string data = text.substr(text.find('\n') + 1);
  const size_t split = ChunkSplit(data, kTwoThreads);
  ASSERT_LT(data.find('"'), split);
  ASSERT_GT(data.rfind('"'), split);
  EXPECT_EQ(40u * 3 * sizeof(double), Agreed(t, text).size());
  t.lines[30] = "nope,x,1,2,3";
  const std::string error = Agreed(t);
  ExpectHas(error, "t.csv:432:1");
}

TEST(CsvChunks, HeaderOverTwoLines) {
  Table t = MakeTable(100, 3);
  t.header = "\"co\nde\",name";
  t.lines[80] += ",9";
  const std::string error = Agreed(t);
  ExpectHas(error, "t.csv:83:");
}

TEST(CsvChunks, NoFinalLineBreak) {
  Table t = MakeTable(100, 3);
  std::string text = t.Text();
  text.pop_back();
  EXPECT_EQ(100u * 3 * sizeof(double), Agreed(t, text).size());
}

}  // namespace
}  // namespace spillover::csv_internal
