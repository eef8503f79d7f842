#include "io/csv.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <vector>

#include "core/error.h"
#include "test_util.h"

namespace spillover {
namespace {

class CsvTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& content) {
    path_ = ::testing::TempDir() + "/csv_test_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".csv";
    std::ofstream(path_, std::ios::binary) << content;
    return path_;
  }
  void TearDown() override { std::remove(path_.c_str()); }

  std::string ErrorOf(const std::string& content) {
    try {
      ReadLabelledMatrix(Write(content), {"A", "B"}, {"A", "B"});
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  }

  std::string path_;
};

TEST_F(CsvTest, ReadsInModelOrderWhateverTheFileOrder) {
  const Matrix m = ReadLabelledMatrix(Write("code,name,B,A\nB,\"Beta, b\",4,3\nA,Alpha,2,1\n"),
                                      {"A", "B"}, {"A", "B"});
  EXPECT_EQ((Matrix(2, 2) << 1, 2, 3, 4).finished(), m);
}

TEST_F(CsvTest, AcceptsCrlfBomExponentsAndMissingName) {
  const Matrix m = ReadLabelledMatrix(Write("\xEF\xBB\xBFsector,A,B\r\nA,1e3,-2.5\r\nB,+0.5,0\r\n"),
                                      {"A", "B"}, {"A", "B"});
  EXPECT_EQ((Matrix(2, 2) << 1000, -2.5, 0.5, 0).finished(), m);
}

TEST_F(CsvTest, OptionalColumnsReadAsZero) {
  const Matrix m = ReadLabelledMatrix(Write("code,A\nX,7\n"), {"X"}, {"A", "F"}, {"F"});
  EXPECT_EQ((Matrix(1, 2) << 7, 0).finished(), m);
}

TEST_F(CsvTest, ErrorsNameFileLineRowColumnAndValue) {
  const std::string nan = ErrorOf("code,A,B\nA,1,2\nB,nan,4\n");
  EXPECT_NE(nan.find(path_ + ":3:2"), std::string::npos) << nan;
  EXPECT_NE(nan.find("row 'B', column 'A'"), std::string::npos) << nan;
  EXPECT_NE(nan.find("'nan' is not a finite number"), std::string::npos) << nan;
  EXPECT_NE(ErrorOf("code,A,B\nA,1,inf\nB,3,4\n").find("'inf' is not a finite number"),
            std::string::npos);
  EXPECT_NE(ErrorOf("code,A,B\nA,1,\nB,3,4\n").find("empty cell"), std::string::npos);
  EXPECT_NE(ErrorOf("code,A,B\nA,1,2x\nB,3,4\n").find("'2x' is not a finite number"),
            std::string::npos);
  EXPECT_NE(ErrorOf("code,A,B\nA,1,1e999\nB,3,4\n").find("out of the range"), std::string::npos);
}

TEST_F(CsvTest, StructuralErrors) {
  EXPECT_NE(ErrorOf("code,A,C\nA,1,2\nB,3,4\n").find("unknown column code 'C'"), std::string::npos);
  EXPECT_NE(ErrorOf("code,A,A\n").find("appears twice"), std::string::npos);
  EXPECT_NE(ErrorOf("code,A\nA,1\nB,3\n").find("missing column 'B'"), std::string::npos);
  EXPECT_NE(ErrorOf("code,A,B\nA,1,2\n").find("missing row 'B'"), std::string::npos);
  EXPECT_NE(ErrorOf("code,A,B\nA,1,2\nA,1,2\nB,3,4\n").find("row 'A' appears twice"),
            std::string::npos);
  EXPECT_NE(ErrorOf("code,A,B\nA,1,2,3\nB,3,4\n").find("expected 3 fields, got 4"),
            std::string::npos);
  EXPECT_NE(ErrorOf("code,A,B\nA,1\nB,3,4\n").find("expected 3 fields, got 2"), std::string::npos);
  const std::string typo = ErrorOf("code,A,B\nA,1,2\nBB,3,4\n");
  EXPECT_NE(typo.find("unknown row code 'BB' (did you mean 'B'?)"), std::string::npos) << typo;
  EXPECT_NE(ErrorOf("").find("the file is empty"), std::string::npos);
  EXPECT_NE(ErrorOf("code,A,B\n\"A,1,2\nB,3,4\n").find("unterminated quoted field"),
            std::string::npos);
}

TEST_F(CsvTest, MissingFileIsReported) {
  try {
    ReadLabelledMatrix("/nonexistent/x.csv", {"A"}, {"A"});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/x.csv: cannot open"), std::string::npos);
  }
}

TEST_F(CsvTest, TextTableAndFieldQuoting) {
  const TextTable t = ReadTextCsv(Write("code,group\n01,\"A, b\"\n\n02,C\n"));
  ASSERT_EQ(2u, t.rows.size());
  EXPECT_EQ("A, b", t.rows[0][1]);
  EXPECT_EQ(4, t.lines[1]);
  EXPECT_EQ("\"a,\"\"b\"\"\"", CsvField("a,\"b\""));
  EXPECT_EQ("plain", CsvField("plain"));
}

}  // namespace
// The loader reads plain decimals with a fast path of its own: every value must equal,
// bit for bit, what std::from_chars gives for the same text, in every notation.
TEST_F(CsvTest, NumbersEqualFromCharsBitForBit) {
  std::mt19937_64 random(12);
  std::uniform_real_distribution<double> mantissa(-1.0, 1.0);
  std::uniform_int_distribution<int> exponent(-30, 30);
  std::uniform_int_distribution<int> digits(1, 19);
  std::vector<std::string> cells;
  for (int k = 0; k < 20000; ++k) {
    const double v = mantissa(random) * std::pow(10.0, exponent(random));
    char buffer[64];
    const int form = k % 4;
    if (form == 0) {
      std::snprintf(buffer, sizeof buffer, "%.*g", digits(random), v);
    } else if (form == 1) {
      std::snprintf(buffer, sizeof buffer, "%.*f", digits(random) % 12, v);
    } else if (form == 2) {
      std::snprintf(buffer, sizeof buffer, "%.*e", digits(random), v);
    } else {
      *std::to_chars(buffer, buffer + sizeof buffer, v).ptr = '\0';
    }
    cells.push_back(buffer);
  }
  for (const char* special :
       {"0", "-0", "0.0", ".5", "5.", "1e22", "1e23", "9007199254740993", "123456789012345678901",
        "4.9e-324", "1.7976931348623157e308", "1E+05", "00012.50"}) {
    cells.push_back(special);
  }
  std::string text = "code,A\n";
  std::vector<std::string> rows;
  for (size_t i = 0; i < cells.size(); ++i) {
    rows.push_back("r" + std::to_string(i));
    text += rows.back() + "," + cells[i] + "\n";
  }
  const Matrix m = ParseLabelledMatrix(text, "numbers.csv", rows, {"A"});
  for (size_t i = 0; i < cells.size(); ++i) {
    double expected = 0.0;
    std::from_chars(cells[i].data(), cells[i].data() + cells[i].size(), expected);
    const double actual = m(static_cast<Index>(i), 0);
    EXPECT_EQ(0, std::memcmp(&expected, &actual, sizeof(double)))
        << "'" << cells[i] << "': expected " << expected << ", actual " << actual;
  }
}

// The same numbers in the middle and at the end of records, after quotes and spaces and
// before CRLF: the one-pass number reader and the field reader must give the same bits.
TEST_F(CsvTest, NumbersEqualFromCharsInEveryFieldPosition) {
  std::mt19937_64 random(5);
  std::uniform_real_distribution<double> mantissa(-1.0, 1.0);
  std::uniform_int_distribution<int> exponent(-25, 25);
  std::vector<std::string> cells;
  for (int k = 0; k < 3000; ++k) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*g", 1 + k % 17,
                  mantissa(random) * std::pow(10.0, exponent(random)));
    cells.push_back(buffer);
  }
  const std::vector<std::string> cols = {"A", "B", "C"};
  std::string text = "code,A,B,C\r\n";
  std::vector<std::string> rows;
  for (size_t i = 0; i * 3 < cells.size(); ++i) {
    rows.push_back("r" + std::to_string(i));
    text += rows.back();
    for (size_t j = 0; j < 3; ++j) {
      const std::string& cell = cells[3 * i + j];
      switch ((i + j) % 4) {
        case 0:
          text += "," + cell;
          break;
        case 1:
          text += ",\"" + cell + "\"";
          break;
        case 2:
          text += ", " + cell + " ";
          break;
        default:
          text += ",+" + (cell[0] == '-' ? cell.substr(1) : cell);
          break;
      }
    }
    text += i % 2 == 0 ? "\r\n" : "\n";
  }
  const Matrix m = ParseLabelledMatrix(text, "positions.csv", rows, cols);
  for (size_t i = 0; i < rows.size(); ++i) {
    for (size_t j = 0; j < 3; ++j) {
      std::string cell = cells[3 * i + j];
      if ((i + j) % 4 == 3 && cell[0] == '-') cell = cell.substr(1);
      double expected = 0.0;
      std::from_chars(cell.data(), cell.data() + cell.size(), expected);
      const double actual = m(static_cast<Index>(i), static_cast<Index>(j));
      EXPECT_EQ(0, std::memcmp(&expected, &actual, sizeof(double)))
          << "row " << i << " column " << j << " '" << cell << "': expected " << expected
          << ", actual " << actual;
    }
  }
}

}  // namespace spillover
