#include "report/report_files.h"

#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "io/atomic_file.h"

namespace spillover {
namespace {

namespace fs = std::filesystem;

// Removes its file when it goes out of scope.
struct TemporaryFile {
  std::string path;
  ~TemporaryFile() {
    std::error_code ignored;
    fs::remove(path, ignored);
  }
};

}  // namespace

void WriteReportFiles(const std::string& out_dir, const std::string& html,
                      const std::function<void(const std::string& path)>& write_workbook,
                      bool force) {
  const std::string html_path = out_dir + "/report.html", xlsx_path = out_dir + "/report.xlsx";
  if (fs::exists(out_dir) && !fs::is_directory(out_dir)) {
    throw InputError(SourceLocation{out_dir, 0, 0, ""},
                     "exists and is not a directory; --out names the folder of the report");
  }
  for (const std::string& path : {html_path, xlsx_path}) {
    if (!force && fs::exists(fs::symlink_status(path))) {
      throw InputError(SourceLocation{path, 0, 0, ""},
                       "exists already; pass --force to replace the report, or choose another "
                       "--out");
    }
  }
  std::error_code error;
  const fs::path temp_dir = fs::temp_directory_path(error);
  TemporaryFile workbook{(error ? fs::path("/tmp") : temp_dir).string() + "/spillover-report-" +
                         std::to_string(static_cast<long>(::getpid())) + ".xlsx"};
  write_workbook(workbook.path);
  std::ifstream in(workbook.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in || bytes.str().empty()) {
    throw InputError(SourceLocation{workbook.path, 0, 0, ""}, "the workbook was not written");
  }
  MakeDirectories(out_dir);
  AtomicFileSet files;
  files.Add(xlsx_path, bytes.str());
  files.Add(html_path, html);
  files.Commit();
}

std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", &utc);
  return buffer;
}

}  // namespace spillover
