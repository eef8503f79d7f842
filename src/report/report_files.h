// report.html and report.xlsx written together: both appear, or neither (a failure leaves
// no file and creates no folder), and an existing report is replaced only when forced.
#pragma once

#include <functional>
#include <string>

namespace spillover {

// Writes OUT/report.html (`html`) and OUT/report.xlsx (what `write_workbook` writes to the
// path it is given, a temporary outside OUT). Throws InputError naming the file when a
// report file exists and `force` is false, or when a file cannot be written.
void WriteReportFiles(const std::string& out_dir, const std::string& html,
                      const std::function<void(const std::string& path)>& write_workbook,
                      bool force);

// The current time in UTC as "2026-12-02 01:07 UTC".
std::string UtcNow();

}  // namespace spillover
