// libxlsxwriter writes numbers with 16 significant digits ("%.16G"), which does not always
// give back the same double; a workbook must hold the values of results.csv exactly. These
// restore the shortest round-trip text of the numbers that need a 17th digit, by rewriting
// the cells' text in the written file (an .xlsx is a zip of XML parts).
#pragma once

#include <map>
#include <string>

namespace spillover {

// part name ("xl/worksheets/sheet2.xml") -> cell ("H2") -> the number's text.
using CellDigits = std::map<std::string, std::map<std::string, std::string>>;

// Whether "%.16G" of `value` reads back as `value`.
bool SixteenDigitsSuffice(double value);

// Rewrites the workbook at `path` with those cells' values replaced. Throws InputError
// naming the file when it is not a zip this library wrote.
void RestoreDigits(const std::string& path, const CellDigits& digits);

}  // namespace spillover
