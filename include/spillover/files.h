// Files and folders: what the commands of the `spillover` program do with them, so that
// any front end (the program, Python, a user's own C++) gets the same checks, messages and
// files. Each function here reads and writes files by path; the in-memory API is
// spillover.h.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "spillover/spillover.h"

namespace spillover {
class ModelCache;  // internal: each model folder loaded once
}  // namespace spillover

namespace spillover::api {

// Writes each (file name, content) into `dir`, creating it if needed. The files appear
// together or not at all: a failed write leaves none of them behind. Throws InputError
// naming the file that cannot be written.
void WriteFiles(const std::string& dir,
                const std::vector<std::pair<std::string, std::string>>& files);

// " (did you mean 'X'?)" when one of `choices` is close to `word`, else "": the hint every
// message about an unknown code or name carries.
std::string DidYouMean(const std::string& word, const std::vector<std::string>& choices);

// The most sectors (regions × sectors) a model may have, for this process
// (docs/limits.md); SetMaxSectors raises or lowers it (1 to 1,000,000).
long long MaxSectors();
void SetMaxSectors(long long max_sectors);

// ---- Scenario and sweep files

// The table of scenario keys (type, bounds, default, meaning) as Markdown.
std::string KeyTableMarkdown();

// What checking one file found (FileChecker::Check).
struct FileCheck {
  std::string file;    // as given
  std::string source;  // as messages name it ("<stdin>" for "-")
  bool sweep = false;
  // A scenario: its shocks and the model it was checked against.
  size_t shocks = 0;
  std::string model_name;
  // A sweep: its points, how many were built and solved, and how many failed.
  int64_t points = 0;
  int64_t checked = 0;
  int64_t failed = 0;
  // Why the file is refused, in the words `spillover validate` prints after "error: "
  // (one or more lines, each ending in a newline); "" when it passed.
  std::string error;
  bool ok() const { return error.empty(); }
};

// Checks scenario and sweep files as `spillover validate` does: YAML, the key table and
// every code against the model; for a sweep, its first points built and solved as the
// sweep would (a point that would fail there fails here). Each model folder is loaded
// once for all the files checked.
class FileChecker {
 public:
  // `overrides` (PATH=VALUE) apply to scenarios; `model_folder` "" checks each file
  // against its own `model`.
  FileChecker(std::vector<std::string> overrides, std::string model_folder,
              int64_t sweep_points = 1000);
  ~FileChecker();
  FileChecker(const FileChecker&) = delete;
  FileChecker& operator=(const FileChecker&) = delete;

  // A refused file (bad input, a model that cannot be solved, failed sweep points) is
  // described in FileCheck::error; other errors (out of memory) are thrown.
  FileCheck Check(const std::string& file);

 private:
  FileCheck CheckOrThrow(const std::string& file);

  std::vector<std::string> overrides_;
  std::string model_folder_;
  int64_t sweep_points_;
  std::unique_ptr<ModelCache> cache_;
};

// Scenario files as `compare` and `report` take them.
struct ScenarioFiles {
  std::vector<std::string> files;      // paths; "-" reads standard input
  std::vector<std::string> overrides;  // PATH=VALUE, applied to every scenario
  std::string model_folder;            // "" = each scenario's `model`
};

// Runs each file in order, as `spillover run` does: overrides applied, each model folder
// loaded once; `aggregate` ("": none) is a CSV "code,group[,group_name]" that sums the
// sector rows into groups.
std::vector<Result> RunFiles(const ScenarioFiles& files, const std::string& aggregate = "");

// Runs the files (all on one model) side by side, each with its difference from
// `baseline` (a scenario name; "" = the first): what `spillover compare` prints and writes.
Analysis CompareFiles(const ScenarioFiles& files, const std::string& baseline = "");

// Runs the files and writes OUT/report.html and OUT/report.xlsx as `spillover report`
// does: both or neither, an existing report replaced only with `force`; `groups` is a
// sector mapping CSV for the group charts ("": the model's aggregations/sections.csv).
void ReportFiles(const ScenarioFiles& files, const std::string& out_dir,
                 const std::string& baseline = "", const std::string& groups = "",
                 bool force = false);

// ---- Model folders

// `spillover model info`: labels, units and totals of the model in `folder`.
std::string ModelInfo(const std::string& folder);
// `spillover model check`: every check of loading (labels, numbers, balances,
// productivity) with its worst residual. Throws InputError or ModelError when one fails.
std::string ModelChecks(const std::string& folder);

// ---- Sweeps into folders

// "K/N" (1-based, as --shard takes it) into a 0-based shard and the shard count.
void ParseShard(const std::string& text, int* shard, int* shards);

// What a sweep into files did (SweepFiles).
struct SweepOutcome {
  int64_t points = 0;      // points of this shard
  int64_t failed = 0;      // points that failed (their message is in the error column)
  std::string failures;    // the words for them, as `spillover sweep` prints them
  int64_t points_run = 0;  // points solved by this run (fewer after --resume)
  double seconds = 0.0;
  bool finished = false;  // false when stopped (SweepRun::stop_after_blocks)
  bool linear = false;    // the sweep is linear: its points can take the fast path
  // Points of this run that took it; the others (a block where some output would turn
  // negative) took the general path.
  int64_t linear_points = 0;
};

// A sweep into run.out_dir on `model_folder` ("" = the base scenario's model), exactly as
// `spillover sweep` runs it: checkpoints, --resume, shards, points only.
SweepOutcome SweepFiles(const Sweep& sweep, const SweepRun& run,
                        const std::string& model_folder = "");

// Merges the output folders of the shards of one sweep into `out_dir`: the files a single
// run would have written. Returns the whole sweep's points and failed points (nothing is
// solved: points_run is 0), which decide `spillover merge`'s exit code as a sweep's.
SweepOutcome MergeSweeps(const std::vector<std::string>& shard_dirs, const std::string& out_dir);

// OUT/report.html and OUT/report.xlsx of the finished sweep in `sweep_dir` (heatmap,
// histogram, fan chart; docs/reports.md), described with the model in `model_folder`
// ("" = the one the sweep ran on). Returns the sweep's name.
std::string ReportSweepFolder(const std::string& sweep_dir, const std::string& out_dir,
                              const std::string& model_folder = "", bool force = false);

// ---- Other formats (docs/mrio.md)

struct IcioImportOptions {
  std::string file;     // an OECD ICIO CSV (2021, 2023 or 2025 edition)
  std::string out;      // the model folder to write (new or empty)
  std::string regions;  // CSV country,region[,region_name[,if_present]]; "": every country
  int year = 0;         // 0: the last four-digit group of the file name
  std::string focus;    // the region reports lead with
  bool check = true;    // load the written model back with every check of `model check`
};

// Each importer writes into a temporary folder and moves it to `out` only when it is
// complete (and, when checked, loads with every check), so a failed import leaves
// nothing. They return notes on what the import did (merges, gaps, totals).
std::vector<std::string> ImportIcio(const IcioImportOptions& options);
// A folder saved by pymrio (IOSystem.save_all, text format).
std::vector<std::string> ImportPymrio(const std::string& folder, const std::string& out,
                                      const std::string& focus = "");
// The model in `model_folder` in pymrio's text format, into `out` (new or empty).
void ExportPymrio(const std::string& model_folder, const std::string& out);

}  // namespace spillover::api
