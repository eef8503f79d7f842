// Sweeps of the public API: into files (sweep/sweep_runner) or into a table in memory, and
// the folders they write: merge and report.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <limits>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "core/blas_threads.h"
#include "io/model_location.h"
#include "io/yaml_read.h"
#include "report/html_report.h"
#include "report/report_files.h"
#include "report/xlsx_report.h"
#include "run/runner.h"
#include "spillover/files.h"
#include "spillover/spillover.h"
#include "sweep/points.h"
#include "sweep/sweep_folder.h"
#include "sweep/sweep_runner.h"
#include "sweep/sweep_state.h"

namespace spillover::api {

Detail DetailFromString(const std::string& text) {
  ResultDetail detail;
  if (!FromString(text, &detail)) {
    throw InputError("detail '" + text + "' is not one of totals, sectors, all");
  }
  return static_cast<Detail>(detail);
}

namespace {

// One block of points as table rows, with text stored as codes into the block's own labels.
struct Chunk {
  std::vector<std::string> labels;
  std::unordered_map<std::string, int32_t> code_of;
  std::vector<std::vector<double>> parameter_values;
  std::vector<int64_t> point;
  std::vector<int32_t> region, sector, variable, unit, error;
  std::vector<double> baseline, value;
  int64_t failed = 0;

  int32_t Code(const std::string& text) {
    auto it = code_of.find(text);
    if (it != code_of.end()) return it->second;
    labels.push_back(text);
    return code_of[text] = static_cast<int32_t>(labels.size() - 1);
  }
};

double ParameterNumber(const std::string& text) {
  double value = 0.0;
  return ParseNumber(text, &value) ? value : std::numeric_limits<double>::quiet_NaN();
}

Chunk SolveChunk(const SweepSpec& spec, const SweepPoints& points, const PreparedModel& model,
                 SweepDetail detail, const std::string& region, int64_t block) {
  const int64_t first = block * kSweepBlock;
  const int64_t last = std::min(points.count(), first + kSweepBlock);
  const std::vector<SolvedPoint> solved = SolvePoints(spec, points, model, detail, first, last);
  Chunk chunk;
  chunk.parameter_values.resize(spec.parameters.size());
  auto add = [&](int64_t p, const SolvedPoint& point, const ResultRow* row) {
    chunk.point.push_back(p);
    for (size_t k = 0; k < point.values.size(); ++k) {
      chunk.parameter_values[k].push_back(ParameterNumber(point.values[k]));
    }
    chunk.region.push_back(chunk.Code(row ? row->region : ""));
    chunk.sector.push_back(chunk.Code(row ? row->sector : ""));
    chunk.variable.push_back(chunk.Code(row ? row->variable : ""));
    chunk.unit.push_back(chunk.Code(row ? row->unit : ""));
    chunk.error.push_back(chunk.Code(point.error));
    chunk.baseline.push_back(row ? row->baseline : std::numeric_limits<double>::quiet_NaN());
    chunk.value.push_back(row ? row->value : std::numeric_limits<double>::quiet_NaN());
  };
  for (int64_t p = first; p < last; ++p) {
    const SolvedPoint& point = solved[static_cast<size_t>(p - first)];
    if (!point.error.empty()) {
      add(p, point, nullptr);
      ++chunk.failed;
      continue;
    }
    for (const ResultRow& row : point.result.rows) {
      if (KeepRow(row, detail, region)) add(p, point, &row);
    }
  }
  return chunk;
}

// Appends a chunk to the table, translating its label codes into the table's.
void Append(Chunk&& chunk, std::unordered_map<std::string, int32_t>* codes, SweepTable* table) {
  std::vector<int32_t> to(chunk.labels.size());
  for (size_t i = 0; i < chunk.labels.size(); ++i) {
    auto it = codes->find(chunk.labels[i]);
    if (it == codes->end()) {
      table->labels.push_back(chunk.labels[i]);
      it = codes->emplace(chunk.labels[i], static_cast<int32_t>(table->labels.size() - 1)).first;
    }
    to[i] = it->second;
  }
  auto append_codes = [&to](const std::vector<int32_t>& from, std::vector<int32_t>* into) {
    for (int32_t c : from) into->push_back(to[static_cast<size_t>(c)]);
  };
  append_codes(chunk.region, &table->region);
  append_codes(chunk.sector, &table->sector);
  append_codes(chunk.variable, &table->variable);
  append_codes(chunk.unit, &table->unit);
  append_codes(chunk.error, &table->error);
  table->point.insert(table->point.end(), chunk.point.begin(), chunk.point.end());
  table->baseline.insert(table->baseline.end(), chunk.baseline.begin(), chunk.baseline.end());
  table->value.insert(table->value.end(), chunk.value.begin(), chunk.value.end());
  for (size_t k = 0; k < chunk.parameter_values.size(); ++k) {
    auto& into = table->parameter_values[k];
    into.insert(into.end(), chunk.parameter_values[k].begin(), chunk.parameter_values[k].end());
  }
  table->failed += chunk.failed;
}

void SweepToTable(const SweepSpec& spec, const PreparedModel& model, const SweepRun& run,
                  SweepTable* table) {
  const SweepPoints points(spec);
  // Check the first point now, so that a sweep that cannot work fails before it starts.
  PointScenario(spec, points.Values(0), model.model());
  // One BLAS thread per worker: the workers already use the cores.
  const BlasThreadScope blas(1);
  // The rows `sectors` keeps: the model's region, or a multi-regional model's focus region
  // (as spillover sweep).
  const spillover::Model& m = model.model();
  const std::string region = m.regions[static_cast<size_t>(m.FocusRegion())].code;
  const SweepDetail detail = static_cast<SweepDetail>(run.detail);
  *table = SweepTable();
  for (const auto& p : spec.parameters) table->parameters.push_back(p.path);
  table->parameter_values.resize(spec.parameters.size());
  table->points = points.count();

  const int64_t blocks = (points.count() + kSweepBlock - 1) / kSweepBlock;
  std::mutex mutex;
  std::condition_variable changed;
  std::map<int64_t, Chunk> ready;
  std::atomic<int64_t> next_take{0};
  std::atomic<bool> stop{false};
  std::exception_ptr failure;
  auto worker = [&]() {
    for (;;) {
      const int64_t b = next_take++;
      if (b >= blocks || stop) return;
      try {
        Chunk chunk = SolveChunk(spec, points, model, detail, region, b);
        std::lock_guard<std::mutex> lock(mutex);
        ready.emplace(b, std::move(chunk));
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!failure) failure = std::current_exception();
        stop = true;
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < std::max(1, run.threads); ++t) pool.emplace_back(worker);
  std::unordered_map<std::string, int32_t> codes;
  bool cancelled = false;
  for (int64_t next = 0; next < blocks && !stop;) {
    Chunk chunk;
    bool got = false;
    {
      std::unique_lock<std::mutex> lock(mutex);
      // Wake up now and then to ask whether the caller wants to stop (Ctrl-C in Python).
      changed.wait_for(lock, std::chrono::milliseconds(50),
                       [&] { return stop || ready.count(next) > 0; });
      auto it = ready.find(next);
      if (it != ready.end()) {
        chunk = std::move(it->second);
        ready.erase(it);
        got = true;
      }
    }
    if (run.cancelled && run.cancelled()) {
      cancelled = true;
      stop = true;
      break;
    }
    if (!got) continue;
    Append(std::move(chunk), &codes, table);
    ++next;
  }
  stop = true;
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  if (cancelled) throw Cancelled();
}

}  // namespace

namespace {

SweepOptions FileOptions(const SweepRun& run, const std::string& model_folder) {
  if (run.out_dir.empty()) throw InputError("a sweep into files needs an output folder");
  SweepOptions options;
  options.out_dir = run.out_dir;
  options.model_folder = model_folder;
  options.threads = run.threads;
  options.shard = run.shard;
  options.shards = run.shards;
  options.resume = run.resume;
  options.force = run.force;
  options.progress = run.progress;
  options.detail = static_cast<SweepDetail>(run.detail);
  options.points_only = run.points_only;
  options.wide = run.wide;
  options.stop_after_blocks = run.stop_after_blocks;
  options.max_points = run.max_points;
  return options;
}

SweepOutcome Outcome(const SweepReport& report) {
  SweepOutcome outcome;
  outcome.points = report.points;
  outcome.failed = report.errors;
  if (report.errors > 0) outcome.failures = FailedPointsSummary(report.failed, report.points);
  outcome.points_run = report.points_run;
  outcome.seconds = report.seconds;
  outcome.finished = report.finished;
  outcome.linear = report.linear;
  outcome.linear_points = report.linear_points;
  return outcome;
}

}  // namespace

int64_t Model::RunSweep(const Sweep& sweep, const SweepRun& run, SweepTable* table) const {
  if (run.threads < 1 || run.threads > 256) {
    throw InputError("threads " + std::to_string(run.threads) +
                     " is out of range; expected 1 to 256");
  }
  if (table != nullptr) {
    SweepToTable(sweep.internal(), *impl_, run, table);
    return table->failed;
  }
  // The sweep runs on this model whatever its base scenario names.
  const std::string model_folder = folder().empty() ? std::string("<memory>") : folder();
  const SweepOptions options = FileOptions(run, model_folder);
  ModelCache cache;
  cache.Adopt(model_folder, impl_);
  return spillover::RunSweep(sweep.internal(), options, &cache).errors;
}

SweepOutcome SweepFiles(const Sweep& sweep, const SweepRun& run, const std::string& model_folder) {
  // The model is factorised here too: on one BLAS thread, so that a point equals `run`.
  const BlasThreadScope blas;
  const SweepOptions options = FileOptions(run, model_folder);
  ModelCache cache;
  return Outcome(spillover::RunSweep(sweep.internal(), options, &cache));
}

void ParseShard(const std::string& text, int* shard, int* shards) {
  spillover::ParseShard(text, shard, shards);
}

SweepOutcome MergeSweeps(const std::vector<std::string>& shard_dirs, const std::string& out_dir) {
  return Outcome(spillover::MergeSweeps(shard_dirs, out_dir));
}

std::string ReportSweepFolder(const std::string& sweep_dir, const std::string& out_dir,
                              const std::string& model_folder, bool force) {
  const BlasThreadScope blas;
  const spillover::SweepTable sweep = ReadFinishedSweep(sweep_dir);
  const LoadedModel model = LoadModel(model_folder.empty() ? sweep.model_folder : model_folder);
  ReportInfo info;
  info.version = SPILLOVER_VERSION;
  info.date = UtcNow();
  info.model = &model.model;
  info.model_path = ShownModelPath(model.model.folder, sweep_dir, "the sweep folder");
  WriteReportFiles(
      out_dir, SweepReportHtml(sweep, info),
      [&](const std::string& path) { WriteSweepWorkbook(path, sweep, info); }, force);
  return sweep.name;
}

}  // namespace spillover::api
