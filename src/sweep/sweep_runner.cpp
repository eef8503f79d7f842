#include "sweep/sweep_runner.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>
#include <tuple>

#include "core/blas_threads.h"
#include "core/error.h"
#include "core/limits.h"
#include "core/text.h"
#include "io/atomic_file.h"
#include "io/csv.h"
#include "io/input_file.h"
#include "io/yaml_read.h"
#include "report/report.h"
#include "results/sweep_table.h"
#include "sweep/linear_path.h"
#include "sweep/points.h"
#include "sweep/sweep_block.h"
#include "sweep/sweep_state.h"
#include "sweep/sweep_summary.h"
#include "sweep/wide_layout.h"

namespace spillover {
namespace {

namespace fs = std::filesystem;

const char* kProgressFile = ".sweep-progress";
const char* kMetaFile = "sweep.meta";
constexpr int64_t kMaxCheckpointBytes = 1 << 20;

// Flushes `file` to the disk; the system's reason when it cannot ("No space left on device").
void Sync(FILE* file, const std::string& path) {
  if (std::fflush(file) != 0 || ::fsync(::fileno(file)) != 0) {
    throw InputError(SourceLocation{path, 0, 0, ""},
                     std::string("writing the sweep results failed: ") + std::strerror(errno));
  }
}

void Write(FILE* file, const std::string& data, const std::string& path, DataHash* hash) {
  if (std::fwrite(data.data(), 1, data.size(), file) != data.size()) {
    throw InputError(SourceLocation{path, 0, 0, ""},
                     std::string("writing the sweep results failed: ") + std::strerror(errno));
  }
  hash->Add(data);
}

// Every 8 MiB, starts the disk writing what the file holds so far without waiting for it,
// so that the fsync of the next checkpoint finds little left to write and the workers,
// who wait while it runs, wait less.
void StartWriteback(FILE* file, size_t written, size_t* pending) {
  *pending += written;
  if (*pending < (8u << 20)) return;
  *pending = 0;
#ifdef __linux__
  if (std::fflush(file) == 0) ::sync_file_range(::fileno(file), 0, 0, SYNC_FILE_RANGE_WRITE);
#else
  (void)file;
#endif
}

SourceLocation At(const std::string& path) { return SourceLocation{path, 0, 0, ""}; }

// A sweep whose sweep.meta says complete but whose files did not all reach their final
// names (killed between the renames): checked against the recorded sizes and hashes, then
// put in place.
void CompleteInterruptedFinish(const SweepMeta& meta, const std::string& dir, bool summary) {
  const std::string recover =
      "the folder's results cannot be trusted: start over with --force (or another --out)";
  std::vector<std::pair<std::string, std::string>> moves;
  for (const auto& [name, bytes, hash] :
       {std::make_tuple(std::string("results.csv"), meta.results_bytes, meta.results_hash),
        std::make_tuple(std::string("points.csv"), meta.points_bytes, meta.points_hash)}) {
    const std::string final_path = dir + "/" + name;
    const std::string partial = final_path + ".partial";
    const std::string path = fs::exists(partial) ? partial : final_path;
    if (!fs::exists(path)) {
      throw InputError(
          At(dir), "sweep.meta records a finished sweep but " + name + " is missing; " + recover);
    }
    int64_t got_bytes = 0;
    std::string got_hash;
    HashFile(path, &got_bytes, &got_hash);
    if (got_bytes != bytes || got_hash != hash) {
      throw InputError(At(path), "holds " + std::to_string(got_bytes) + " bytes (hash " + got_hash +
                                     "), not the " + std::to_string(bytes) + " bytes (hash " +
                                     hash + ") that sweep.meta records; " + recover);
    }
    if (path == partial) moves.emplace_back(partial, final_path);
  }
  if (summary && !fs::exists(dir + "/summary.csv")) {
    const std::string results = moves.empty() || moves.front().second != dir + "/results.csv"
                                    ? dir + "/results.csv"
                                    : moves.front().first;
    AtomicFileSet files;
    files.Add(dir + "/summary.csv", SummariseResults(results));
    files.Commit();
  }
  for (const auto& [from, to] : moves) fs::rename(from, to);
  fs::remove(dir + "/" + kProgressFile);
}

FailedPoints FailedPointsOf(const std::string& points_csv) {
  std::ifstream in(points_csv, std::ios::binary);
  if (!in) throw InputError(At(points_csv), "cannot be read");
  return ReadFailedPoints(in, points_csv);
}

std::string ProgressBar(int64_t done, int64_t total, double seconds) {
  const double fraction = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1;
  const int width = 30;
  const int filled = static_cast<int>(fraction * width);
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
  const double eta = rate > 0 ? static_cast<double>(total - done) / rate : 0.0;
  char buffer[160];
  std::snprintf(buffer, sizeof buffer, "\r[%s%s] %3.0f%% %s/%s points, %s points/s, ETA %.0f s ",
                std::string(static_cast<size_t>(filled), '#').c_str(),
                std::string(static_cast<size_t>(width - filled), '.').c_str(), 100 * fraction,
                FormatGrouped(static_cast<double>(done), 0).c_str(),
                FormatGrouped(static_cast<double>(total), 0).c_str(),
                FormatGrouped(rate, 0).c_str(), eta);
  return buffer;
}

}  // namespace

SweepReport RunSweep(const SweepSpec& spec, const SweepOptions& options, ModelCache* cache) {
  const auto start = std::chrono::steady_clock::now();
  // One BLAS thread per worker: results must not depend on how BLAS splits its work.
  const BlasThreadScope blas(1);
  const std::string folder = SweepModelFolder(spec, options.model_folder);
  const PreparedModel& model = cache->Get(folder);
  const SweepPoints points(spec);
  // Check the first point now, so that a sweep that cannot work fails before it starts.
  // Its money unit is every point's (the base scenario's `currency` and `scale`).
  const std::string money_unit = PointScenario(spec, points.Values(0), model.model()).report_unit;
  std::vector<std::pair<std::string, std::string>> units;
  for (const auto& column : PointsUnitColumns()) {
    units.emplace_back(column, PointsColumnUnit(column, money_unit));
  }

  const std::string dir = options.out_dir;
  const std::string results_path = dir + "/results.csv";
  const std::string points_path = dir + "/points.csv";
  const std::string results_partial = results_path + ".partial";
  const std::string points_partial = points_path + ".partial";
  const std::string progress_path = dir + "/" + kProgressFile;
  const std::string detail_name = options.points_only ? "points" : ToString(options.detail);
  if (options.wide && (options.points_only || options.detail == SweepDetail::kAll)) {
    throw InputError("--layout wide takes --detail totals or sectors, not " + detail_name +
                     (options.points_only ? " (points.csv is one row per point already)"
                                          : " (its trade rows are listed only where they are "
                                            "non-zero, so they differ from point to point)"));
  }
  const std::string meta_path = dir + "/" + kMetaFile;
  SweepReport report;
  // The headline region of points.csv and of `--detail sectors`: the model's region, or the
  // focus region of a multi-regional model (whose report leads with it too).
  const Model& m = model.model();
  SweepContext ctx{&spec, &points, &model, options.detail,
                   m.regions[static_cast<size_t>(m.FocusRegion())].code};
  ctx.points_only = options.points_only;
  LinearSweepInputs linear_inputs;
  linear_inputs.spec = &spec;
  linear_inputs.points = &points;
  linear_inputs.model = &model;
  linear_inputs.detail = options.detail;
  linear_inputs.points_only = options.points_only;
  linear_inputs.wide = options.wide;
  linear_inputs.region = ctx.region;
  linear_inputs.scenario_of = [&](const std::vector<std::string>& values) {
    return PointScenario(spec, values, model.model());
  };
  linear_inputs.keep = [&](const ResultRow& row) { return KeepRow(row, ctx.detail, ctx.region); };
  const std::unique_ptr<LinearSweep> linear =
      options.linear_fast_path ? LinearSweep::Make(linear_inputs, &report.general_why) : nullptr;
  ctx.linear = linear.get();
  report.linear = linear != nullptr;
  // The wide layout's columns are the rows of the first point, which every point must repeat.
  WideColumns wide;
  if (options.wide) {
    ScenarioResult first;
    try {
      first = Simulate(model, PointScenario(spec, points.Values(0), model.model()), options.detail);
    } catch (const ModelError& e) {
      throw InputError(At(spec.file), std::string("--layout wide takes its columns from the first "
                                                  "point, which cannot be solved: ") +
                                          e.what());
    }
    wide = WideColumns::FromResult(first, linear_inputs.keep);
    ctx.wide = &wide;
  }

  const int64_t total_blocks = (points.count() + kSweepBlock - 1) / kSweepBlock;
  const int64_t shard_blocks =
      total_blocks > options.shard ? (total_blocks - 1 - options.shard) / options.shards + 1 : 0;
  report.points = shard_blocks * kSweepBlock;
  if (shard_blocks > 0 && (total_blocks - 1) % options.shards == options.shard) {
    report.points -= total_blocks * kSweepBlock - points.count();  // the last block is short
  }
  // The size first: a sweep of 10^9 points would otherwise write gigabytes without a word.
  const int64_t max_points =
      options.max_points > 0 ? options.max_points : ProcessLimits().max_points;
  if (report.points > max_points) {
    const BlockOutput sample = RunBlock(ctx, options.shard);
    const int64_t sampled = std::min(report.points, kSweepBlock);
    const auto bytes =
        static_cast<int64_t>(static_cast<double>(sample.results.size() + sample.points.size()) /
                             static_cast<double>(sampled) * static_cast<double>(report.points));
    throw InputError(
        At(spec.file),
        "the sweep has " + FormatGrouped(static_cast<double>(report.points), 0) +
            " points (about " + ByteSize(bytes) + " of results), more than the limit of " +
            FormatGrouped(static_cast<double>(max_points), 0) + "; raise it with --max-points " +
            std::to_string(report.points) + ", or run it in shards (docs/limits.md)");
  }

  std::vector<int64_t> blocks;
  for (int64_t b = options.shard; b < total_blocks; b += options.shards) blocks.push_back(b);

  MakeDirectories(dir);
  const FolderLock folder_lock(dir);
  RemoveStaleTemporaries(dir);
  std::string parameter_paths;
  for (const auto& p : spec.parameters) {
    parameter_paths += (parameter_paths.empty() ? "" : " ") + p.path;
  }
  const SweepIdentity id{spec.name,
                         Fingerprint(spec),
                         ToString(spec.method),
                         folder,
                         detail_name,
                         parameter_paths,
                         points.count(),
                         options.shard,
                         options.shards,
                         options.wide ? "wide" : "tidy"};
  const bool summary_wanted = spec.method == SweepMethod::kMonteCarlo && options.shards == 1;

  Checkpoint progress;
  progress.spec = id.spec;
  DataHash results_hash, points_hash;
  if (options.resume) {
    if (!fs::exists(meta_path)) {
      throw InputError(At(dir), "holds no sweep to resume (no sweep.meta)");
    }
    const SweepMeta meta = ReadMeta(dir);
    const std::vector<std::string> differences = Differences(meta.id, id);
    if (!differences.empty()) {
      throw InputError(At(dir),
                       "holds another sweep than the one given: " + Join(differences, "; ") +
                           "; resume it with the same file and options, or start "
                           "over with --force");
    }
    const std::string columns_path = dir + "/" + kWideColumnsFile;
    if (options.wide &&
        (!fs::exists(columns_path) || ReadFile(columns_path) != wide.ColumnsCsv())) {
      throw InputError(At(columns_path),
                       "is missing or names other columns than this sweep's first point has "
                       "(was the model changed?); start over with --force (or another --out)");
    }
    if (meta.complete) {
      CompleteInterruptedFinish(meta, dir, summary_wanted);
      report.finished = true;  // nothing left to solve, but its failures are still failures
      report.failed = FailedPointsOf(points_path);
      report.errors = report.failed.count;
      return report;
    }
    if (!fs::exists(progress_path)) {
      throw InputError(At(dir),
                       "sweep.meta records an unfinished sweep but its checkpoint "
                       "(.sweep-progress) is missing; start over with --force (or "
                       "another --out)");
    }
    progress = ParseCheckpoint(ReadInputFile(progress_path, kMaxCheckpointBytes, "checkpoint"),
                               progress_path);
    if (progress.spec != id.spec || progress.blocks_done > static_cast<int64_t>(blocks.size())) {
      throw InputError(At(progress_path),
                       "records " + std::to_string(progress.blocks_done) + " blocks done of " +
                           std::to_string(blocks.size()) +
                           " for another sweep; start over with --force (or another --out)");
    }
    results_hash =
        VerifyAndTruncate(results_partial, progress.results_bytes, progress.results_hash, dir);
    points_hash =
        VerifyAndTruncate(points_partial, progress.points_bytes, progress.points_hash, dir);
  } else {
    if (!options.force) {
      if (fs::exists(meta_path)) {
        const SweepMeta meta = ReadMeta(dir);
        throw InputError(At(dir), meta.complete
                                      ? "already holds sweep results: use another --out, or "
                                        "--force to replace them"
                                      : "holds an unfinished sweep: add --resume to continue "
                                        "it, or --force to start over");
      }
      for (const auto& name : SweepFileNames()) {
        if (fs::exists(dir + "/" + name)) {
          throw InputError(At(dir + "/" + name),
                           "was not written by a sweep here (the folder has no sweep.meta), so "
                           "it is left alone: use another --out, or --force to replace it");
        }
      }
    }
    for (const auto& name : SweepFileNames()) fs::remove(dir + "/" + name);
    // Written first, so that partial files in a folder always say which sweep they are.
    AtomicFileSet meta;
    meta.Add(meta_path, FormatMeta(SweepMeta{id, false, 0, 0, 0, "", "", units}));
    if (options.wide) meta.Add(dir + "/" + kWideColumnsFile, wide.ColumnsCsv());
    meta.Commit();
  }
  report.resumed_from = progress.blocks_done;
  report.failed.count = progress.failed_points;  // those before an interruption

  std::unique_ptr<FILE, int (*)(FILE*)> results_file(
      std::fopen(results_partial.c_str(), options.resume ? "ab" : "wb"), &std::fclose);
  std::unique_ptr<FILE, int (*)(FILE*)> points_file(
      std::fopen(points_partial.c_str(), options.resume ? "ab" : "wb"), &std::fclose);
  if (!results_file || !points_file) {
    throw InputError(At(dir),
                     std::string("cannot write the sweep results here: ") + std::strerror(errno));
  }
  auto checkpoint = [&](size_t blocks_done) {
    Sync(results_file.get(), results_partial);
    Sync(points_file.get(), points_partial);
    progress.blocks_done = static_cast<int64_t>(blocks_done);
    progress.failed_points = report.failed.count;
    progress.results_hash = results_hash.value();
    progress.points_hash = points_hash.value();
    AtomicFileSet files;
    files.Add(progress_path, FormatCheckpoint(progress));
    files.Commit();
  };
  if (!options.resume) {
    std::string params;
    for (const auto& p : spec.parameters) params += "," + CsvField(p.path);
    const std::string results_header =
        options.wide ? wide.Header(params)
                     : "point" + params +
                           ",scenario,region,sector,variable,unit,baseline,value,change,pct_change,"
                           "error\n";
    const std::string points_header =
        "point" + params +
        ",gdp_baseline,gdp,gdp_change,gdp_pct_change,exports_change,imports_change,cpi,"
        "message\n";
    Write(results_file.get(), results_header, results_partial, &results_hash);
    Write(points_file.get(), points_header, points_partial, &points_hash);
    progress.results_bytes = static_cast<int64_t>(results_header.size());
    progress.points_bytes = static_cast<int64_t>(points_header.size());
    checkpoint(0);
  }

  const size_t limit = options.stop_after_blocks >= 0
                           ? std::min(blocks.size(), static_cast<size_t>(progress.blocks_done +
                                                                         options.stop_after_blocks))
                           : blocks.size();
  const int threads = std::max(1, options.threads);
  const size_t window = static_cast<size_t>(4 * threads);
  std::mutex mutex;
  std::condition_variable changed;
  std::map<size_t, BlockOutput> ready;
  size_t next_write = static_cast<size_t>(progress.blocks_done);
  std::atomic<size_t> next_take{next_write};
  std::exception_ptr failure;
  bool stop = false;

  auto worker = [&]() {
    for (;;) {
      const size_t i = next_take++;
      if (i >= limit) return;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return stop || i < next_write + window; });
        if (stop) return;
      }
      BlockOutput out;
      try {
        out = RunBlock(ctx, blocks[i]);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!failure) failure = std::current_exception();
        stop = true;
        changed.notify_all();
        return;
      }
      std::lock_guard<std::mutex> lock(mutex);
      ready.emplace(i, std::move(out));
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(worker);

  const bool tty = options.progress && ::isatty(2);
  auto last_checkpoint = std::chrono::steady_clock::now();
  int64_t points_done = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (i < next_write) {
      points_done +=
          std::min(points.count(), (blocks[i] + 1) * kSweepBlock) - blocks[i] * kSweepBlock;
    }
  }
  const int64_t points_before = points_done;
  size_t results_pending = 0, points_pending = 0;  // bytes since the last StartWriteback
  try {
    while (next_write < limit) {
      BlockOutput out;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return failure || ready.count(next_write) > 0; });
        if (failure) break;
        out = std::move(ready[next_write]);
        ready.erase(next_write);
      }
      Write(results_file.get(), out.results, results_partial, &results_hash);
      Write(points_file.get(), out.points, points_partial, &points_hash);
      StartWriteback(results_file.get(), out.results.size(), &results_pending);
      StartWriteback(points_file.get(), out.points.size(), &points_pending);
      progress.results_bytes += static_cast<int64_t>(out.results.size());
      progress.points_bytes += static_cast<int64_t>(out.points.size());
      report.failed.Merge(out.failed);
      report.linear_points += out.linear_points;
      points_done += std::min(points.count(), (blocks[next_write] + 1) * kSweepBlock) -
                     blocks[next_write] * kSweepBlock;
      {
        std::lock_guard<std::mutex> lock(mutex);
        ++next_write;
        changed.notify_all();
      }
      const auto now = std::chrono::steady_clock::now();
      if (now - last_checkpoint > std::chrono::seconds(1) || next_write == limit) {
        checkpoint(next_write);
        last_checkpoint = now;
        if (tty) {
          const double seconds = std::chrono::duration<double>(now - start).count();
          std::fputs(ProgressBar(points_done, report.points, seconds).c_str(), stderr);
        }
      }
    }
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex);
    stop = true;
    if (!failure) failure = std::current_exception();
    changed.notify_all();
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    stop = true;
    changed.notify_all();
  }
  for (auto& t : pool) t.join();
  if (tty) std::fputs("\n", stderr);
  if (failure) std::rethrow_exception(failure);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  report.points_run = points_done - points_before;
  report.errors = report.failed.count;
  if (limit < blocks.size()) return report;  // stopped early (testing)

  Sync(results_file.get(), results_partial);
  Sync(points_file.get(), points_partial);
  if (std::fclose(results_file.release()) != 0 || std::fclose(points_file.release()) != 0) {
    throw InputError(At(dir),
                     std::string("writing the sweep results failed: ") + std::strerror(errno));
  }
  // sweep.meta "complete", with the files' sizes and hashes, is the commit point: a kill
  // after it leaves files that --resume checks and moves into place.
  AtomicFileSet files;
  if (summary_wanted)
    files.Add(dir + "/summary.csv", SweepSummary(linear.get(), report, results_partial, threads));
  files.Add(meta_path, FormatMeta(SweepMeta{id, true, report.points, progress.results_bytes,
                                            progress.points_bytes, results_hash.Hex(),
                                            points_hash.Hex(), units}));
  files.Commit();
  fs::rename(results_partial, results_path);
  fs::rename(points_partial, points_path);
  fs::remove(progress_path);
  report.finished = true;
  // The failures before an interruption were only counted: list them from the file.
  if (options.resume && report.resumed_from > 0) report.failed = FailedPointsOf(points_path);
  return report;
}

}  // namespace spillover
