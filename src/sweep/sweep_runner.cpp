#include "sweep/sweep_runner.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>

#include "core/error.h"
#include "core/text.h"
#include "io/atomic_file.h"
#include "io/csv.h"
#include "io/yaml_read.h"
#include "report/report.h"
#include "sweep/linear_path.h"
#include "sweep/points.h"

#ifdef SPILLOVER_HAVE_OPENBLAS
extern "C" void openblas_set_num_threads(int);
#endif

namespace spillover {
namespace {

namespace fs = std::filesystem;

const char* kProgressFile = ".sweep-progress";
const char* kMetaFile = "sweep.meta";

std::string SweepModelFolder(const SweepSpec& spec, const std::string& model_folder) {
  return model_folder.empty() ? ScenarioModelFolder(spec.base, spec.base_file, DefaultModelFolder())
                              : model_folder;
}

uint64_t Fnv1a(const std::string& text, uint64_t h = 1469598103934665603ULL) {
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string Hex(uint64_t value) {
  char buffer[20];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

struct BlockOutput {
  std::string results;
  std::string points;
  int64_t errors = 0;
};

// Everything a worker needs, shared read-only.
struct Context {
  const SweepSpec* spec;
  const SweepPoints* points;
  const PreparedModel* model;
  SweepDetail detail;
  std::string region;  // the model's region code
  bool points_only = false;
  const LinearSweep* linear = nullptr;  // the fast path, when the sweep is linear
};

std::string PointPrefix(int64_t point, const std::vector<std::string>& values) {
  std::string prefix = std::to_string(point);
  for (const auto& v : values) prefix += "," + CsvField(v);
  return prefix;
}

void AppendResult(const Context& ctx, int64_t point, const std::vector<std::string>& values,
                  const ScenarioResult* result, const std::string& error, BlockOutput* out) {
  const std::string prefix = PointPrefix(point, values) + "," + CsvField(ctx.spec->name);
  if (result == nullptr) {
    if (!ctx.points_only) out->results += prefix + ",,,,,,,,," + CsvField(error) + "\n";
    out->points += PointPrefix(point, values) + ",,,,,,,," + CsvField(error) + "\n";
    ++out->errors;
    return;
  }
  for (const auto& row : result->rows) {
    if (ctx.points_only || !KeepRow(row, ctx.detail, ctx.region)) continue;
    const double pct = row.PercentChange();
    out->results += prefix + "," + CsvField(row.region) + "," + CsvField(row.sector) + "," +
                    row.variable + "," + CsvField(row.unit) + "," + FormatNumber(row.baseline) +
                    "," + FormatNumber(row.value) + "," + FormatNumber(row.Change()) + "," +
                    (std::isfinite(pct) ? FormatNumber(pct) : "") + ",\n";
  }
  const ResultRow* gdp = result->Find("gdp", ctx.region, "ALL");
  const ResultRow* exports = result->Find("exports", ctx.region, "ALL");
  const ResultRow* imports = result->Find("imports", ctx.region, "ALL");
  const ResultRow* cpi = result->Find("cpi", ctx.region, "ALL");
  out->points += PointPrefix(point, values) + "," + FormatNumber(gdp->baseline) + "," +
                 FormatNumber(gdp->value) + "," + FormatNumber(gdp->Change()) + "," +
                 FormatNumber(gdp->PercentChange()) + "," + FormatNumber(exports->Change()) + "," +
                 FormatNumber(imports->Change()) + "," + FormatNumber(cpi->value) + "," +
                 CsvField(result->message) + "\n";
}

BlockOutput RunBlock(const Context& ctx, int64_t block) {
  const int64_t first = block * kSweepBlock;
  const int64_t last = std::min(ctx.points->count(), first + kSweepBlock);
  if (ctx.linear != nullptr) {
    BlockOutput out;
    if (ctx.linear->AppendBlock(first, last, &out.results, &out.points)) return out;
  }
  const std::vector<SolvedPoint> solved =
      SolvePoints(*ctx.spec, *ctx.points, *ctx.model, ctx.detail, first, last);
  BlockOutput out;
  for (int64_t p = first; p < last; ++p) {
    const SolvedPoint& point = solved[static_cast<size_t>(p - first)];
    AppendResult(ctx, p, point.values, point.error.empty() ? &point.result : nullptr, point.error,
                 &out);
  }
  return out;
}

struct Progress {
  int64_t blocks_done = 0;
  long long results_bytes = 0;
  long long points_bytes = 0;
  std::string hash;
};

bool ReadProgress(const std::string& path, Progress* progress) {
  std::ifstream in(path);
  if (!in) return false;
  std::string key;
  while (in >> key) {
    if (key == "hash")
      in >> progress->hash;
    else if (key == "blocks_done")
      in >> progress->blocks_done;
    else if (key == "results_bytes")
      in >> progress->results_bytes;
    else if (key == "points_bytes")
      in >> progress->points_bytes;
    else
      in.ignore(1 << 20, '\n');
  }
  return true;
}

void Sync(FILE* file, const std::string& path) {
  if (std::fflush(file) != 0 || ::fsync(::fileno(file)) != 0) {
    throw InputError(SourceLocation{path, 0, 0, ""}, "writing the sweep results failed");
  }
}

std::map<std::string, std::string> ReadMeta(const std::string& dir) {
  std::map<std::string, std::string> meta;
  std::ifstream in(dir + "/" + kMetaFile);
  if (!in) {
    throw InputError(SourceLocation{dir, 0, 0, ""},
                     "holds no finished sweep (no " + std::string(kMetaFile) + ")");
  }
  std::string line;
  while (std::getline(in, line)) {
    const size_t space = line.find(' ');
    if (space != std::string::npos) meta[line.substr(0, space)] = line.substr(space + 1);
  }
  return meta;
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

Scenario PointScenario(const SweepSpec& spec, const std::vector<std::string>& values,
                       const Model& model) {
  YamlNode tree = spec.base;
  for (size_t i = 0; i < spec.parameters.size(); ++i) {
    YamlNode value;
    value.kind = YamlNode::Kind::kScalar;
    value.scalar = values[i];
    SetValueAtPath(&tree, spec.parameters[i].path, value,
                   spec.parameters[i].where.ToString() + " (value " + value.scalar + ")");
  }
  Scenario scenario = BuildScenario(tree, spec.base_file, model);
  scenario.name = spec.name;
  return scenario;
}

bool KeepRow(const ResultRow& row, SweepDetail detail, const std::string& region) {
  switch (detail) {
    case SweepDetail::kTotals:
      return row.sector == "ALL";
    case SweepDetail::kSectors:
      return row.sector == "ALL" || row.region == region;
    case SweepDetail::kAll:
      return true;
  }
  return true;
}

std::vector<SolvedPoint> SolvePoints(const SweepSpec& spec, const SweepPoints& points,
                                     const PreparedModel& model, SweepDetail detail, int64_t first,
                                     int64_t last) {
  std::vector<SolvedPoint> solved(static_cast<size_t>(last - first));
  std::vector<Scenario> scenarios;
  std::vector<size_t> point_of;  // per scenario: index into solved
  for (int64_t p = first; p < last; ++p) {
    SolvedPoint& point = solved[static_cast<size_t>(p - first)];
    point.values = points.Values(p);
    try {
      scenarios.push_back(PointScenario(spec, point.values, model.model()));
      point_of.push_back(static_cast<size_t>(p - first));
    } catch (const InputError& e) {
      point.error = e.what();
    }
  }
  try {
    std::vector<ScenarioResult> results = SimulateBatch(model, scenarios, detail);
    for (size_t s = 0; s < results.size(); ++s) solved[point_of[s]].result = std::move(results[s]);
  } catch (const std::runtime_error&) {
    // One point cannot be solved: solve them one by one to find it.
    for (size_t s = 0; s < scenarios.size(); ++s) {
      try {
        solved[point_of[s]].result = Simulate(model, scenarios[s], detail);
      } catch (const ModelError& e) {
        solved[point_of[s]].error = e.what();
      } catch (const InputError& e) {
        solved[point_of[s]].error = e.what();
      }
    }
  }
  return solved;
}

int64_t ValidateSweep(const SweepSpec& spec, const std::string& model_folder, ModelCache* cache,
                      int64_t max_points) {
  const PreparedModel& model = cache->Get(SweepModelFolder(spec, model_folder));
  const SweepPoints points(spec);
  const int64_t count = std::min(points.count(), max_points);
  for (int64_t p = 0; p < count; ++p) PointScenario(spec, points.Values(p), model.model());
  return count;
}

SweepReport RunSweep(const SweepSpec& spec, const SweepOptions& options, ModelCache* cache) {
  const auto start = std::chrono::steady_clock::now();
#ifdef SPILLOVER_HAVE_OPENBLAS
  // One BLAS thread per worker: results must not depend on how BLAS splits its work.
  openblas_set_num_threads(1);
#endif
  const std::string folder = SweepModelFolder(spec, options.model_folder);
  const PreparedModel& model = cache->Get(folder);
  const SweepPoints points(spec);
  // Check the first point now, so that a sweep that cannot work fails before it starts.
  PointScenario(spec, points.Values(0), model.model());

  MakeDirectories(options.out_dir);
  const std::string dir = options.out_dir;
  const std::string results_path = dir + "/results.csv";
  const std::string points_path = dir + "/points.csv";
  const std::string results_partial = results_path + ".partial";
  const std::string points_partial = points_path + ".partial";
  const std::string progress_path = dir + "/" + kProgressFile;
  const std::string detail_name = options.points_only ? "points" : ToString(options.detail);
  const std::string hash = Hex(Fnv1a(Fingerprint(spec) + "|" + detail_name + "|" + folder + "|" +
                                     std::to_string(options.shards)));

  SweepReport report;
  const int64_t total_blocks = (points.count() + kSweepBlock - 1) / kSweepBlock;
  std::vector<int64_t> blocks;
  for (int64_t b = options.shard; b < total_blocks; b += options.shards) blocks.push_back(b);
  for (int64_t b : blocks) {
    report.points += std::min(points.count(), (b + 1) * kSweepBlock) - b * kSweepBlock;
  }

  Progress progress;
  const bool have_progress = fs::exists(progress_path);
  if (options.resume) {
    if (!have_progress) {
      if (fs::exists(results_path) && fs::exists(dir + "/" + kMetaFile)) {
        report.finished = true;  // nothing left to do
        return report;
      }
      throw InputError(SourceLocation{dir, 0, 0, ""}, "holds no unfinished sweep to resume");
    }
    ReadProgress(progress_path, &progress);
    if (progress.hash != hash) {
      throw InputError(SourceLocation{dir, 0, 0, ""},
                       "holds an unfinished run of another sweep (or other options); resume "
                       "it with the same file and options, or use --force to start over");
    }
    fs::resize_file(results_partial, static_cast<uintmax_t>(progress.results_bytes));
    fs::resize_file(points_partial, static_cast<uintmax_t>(progress.points_bytes));
  } else if (!options.force && (have_progress || fs::exists(results_path))) {
    throw InputError(SourceLocation{dir, 0, 0, ""},
                     have_progress ? "holds an unfinished sweep: add --resume to continue it, "
                                     "or --force to start over"
                                   : "already holds sweep results: use another --out, or "
                                     "--force to replace them");
  }
  if (!options.resume) {
    for (const std::string& stale :
         {results_partial, points_partial, progress_path, results_path, points_path,
          dir + "/summary.csv", dir + "/" + std::string(kMetaFile)}) {
      fs::remove(stale);
    }
  }
  report.resumed_from = progress.blocks_done;

  std::unique_ptr<FILE, int (*)(FILE*)> results_file(
      std::fopen(results_partial.c_str(), options.resume ? "ab" : "wb"), &std::fclose);
  std::unique_ptr<FILE, int (*)(FILE*)> points_file(
      std::fopen(points_partial.c_str(), options.resume ? "ab" : "wb"), &std::fclose);
  if (!results_file || !points_file) {
    throw InputError(SourceLocation{dir, 0, 0, ""}, "cannot write the sweep results here");
  }
  if (!options.resume) {
    std::string params;
    for (const auto& p : spec.parameters) params += "," + CsvField(p.path);
    const std::string results_header =
        "point" + params +
        ",scenario,region,sector,variable,unit,baseline,value,change,pct_change,error\n";
    const std::string points_header =
        "point" + params +
        ",gdp_baseline,gdp,gdp_change,gdp_pct_change,exports_change,imports_change,cpi,"
        "message\n";
    std::fputs(results_header.c_str(), results_file.get());
    std::fputs(points_header.c_str(), points_file.get());
    progress.results_bytes = static_cast<long long>(results_header.size());
    progress.points_bytes = static_cast<long long>(points_header.size());
  }

  Context ctx{&spec, &points, &model, options.detail,
              model.model().regions.size() == 1 ? model.model().regions.front().code : "ALL"};
  ctx.points_only = options.points_only;
  LinearSweepInputs linear_inputs;
  linear_inputs.spec = &spec;
  linear_inputs.points = &points;
  linear_inputs.model = &model;
  linear_inputs.detail = options.detail;
  linear_inputs.points_only = options.points_only;
  linear_inputs.region = ctx.region;
  linear_inputs.scenario_of = [&](const std::vector<std::string>& values) {
    return PointScenario(spec, values, model.model());
  };
  linear_inputs.keep = [&](const ResultRow& row) { return KeepRow(row, ctx.detail, ctx.region); };
  const std::unique_ptr<LinearSweep> linear = LinearSweep::Make(linear_inputs, &report.general_why);
  ctx.linear = linear.get();
  report.linear = linear != nullptr;
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

  auto checkpoint = [&]() {
    Sync(results_file.get(), results_partial);
    Sync(points_file.get(), points_partial);
    AtomicFileSet files;
    files.Add(progress_path, "spillover-sweep-progress 1\nhash " + hash + "\nblocks_done " +
                                 std::to_string(next_write) + "\nresults_bytes " +
                                 std::to_string(progress.results_bytes) + "\npoints_bytes " +
                                 std::to_string(progress.points_bytes) + "\n");
    files.Commit();
  };
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
      if (std::fwrite(out.results.data(), 1, out.results.size(), results_file.get()) !=
              out.results.size() ||
          std::fwrite(out.points.data(), 1, out.points.size(), points_file.get()) !=
              out.points.size()) {
        throw InputError(SourceLocation{dir, 0, 0, ""}, "writing the sweep results failed");
      }
      progress.results_bytes += static_cast<long long>(out.results.size());
      progress.points_bytes += static_cast<long long>(out.points.size());
      report.errors += out.errors;
      points_done += std::min(points.count(), (blocks[next_write] + 1) * kSweepBlock) -
                     blocks[next_write] * kSweepBlock;
      {
        std::lock_guard<std::mutex> lock(mutex);
        ++next_write;
        changed.notify_all();
      }
      const auto now = std::chrono::steady_clock::now();
      if (now - last_checkpoint > std::chrono::seconds(1) || next_write == limit) {
        checkpoint();
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
  if (limit < blocks.size()) return report;  // stopped early (testing)

  results_file.reset();
  points_file.reset();
  std::string params;
  for (const auto& p : spec.parameters) params += " " + p.path;
  AtomicFileSet files;
  files.Add(dir + "/" + kMetaFile,
            "format 1\nsweep " + spec.name + "\nhash " + Hex(Fnv1a(hash + "|merge")) + "\nmethod " +
                ToString(spec.method) + "\npoints " + std::to_string(points.count()) + "\nshard " +
                std::to_string(options.shard) + "\nshards " + std::to_string(options.shards) +
                "\ndetail " + detail_name + "\nparameters" + params + "\n");
  if (spec.method == SweepMethod::kMonteCarlo && options.shards == 1) {
    files.Add(dir + "/summary.csv", SummariseResults(results_partial));
  }
  files.Commit();
  fs::rename(results_partial, results_path);
  fs::rename(points_partial, points_path);
  fs::remove(progress_path);
  report.finished = true;
  return report;
}

std::string SummariseResults(const std::string& results_csv) {
  std::ifstream in(results_csv);
  if (!in) throw InputError(SourceLocation{results_csv, 0, 0, ""}, "cannot open the file");
  // Streamed line by line: a results file can hold millions of rows.
  auto split = [](const std::string& line, std::vector<std::string>* fields) {
    fields->clear();
    std::string field;
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (quoted) {
        if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.push_back(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields->push_back(field);
        field.clear();
      } else {
        field.push_back(c);
      }
    }
    fields->push_back(field);
  };
  std::string line;
  std::vector<std::string> fields;
  std::getline(in, line);
  split(line, &fields);
  const size_t scenario =
      static_cast<size_t>(std::find(fields.begin(), fields.end(), "scenario") - fields.begin());
  if (scenario + 10 != fields.size()) {
    throw InputError(SourceLocation{results_csv, 1, 0, ""}, "is not a sweep results file");
  }
  std::map<std::string, std::vector<double>> samples;  // "region,sector,variable,unit" -> values
  std::vector<std::string> order;
  while (std::getline(in, line)) {
    split(line, &fields);
    if (fields.size() != scenario + 10 || !fields.back().empty()) continue;  // a failed point
    const std::string key = CsvField(fields[scenario + 1]) + "," + CsvField(fields[scenario + 2]) +
                            "," + fields[scenario + 3] + "," + CsvField(fields[scenario + 4]);
    auto it = samples.find(key);
    if (it == samples.end()) {
      order.push_back(key);
      it = samples.emplace(key, std::vector<double>()).first;
    }
    double value = 0.0;
    ParseNumber(fields[scenario + 6], &value);
    it->second.push_back(value);
  }
  std::string out = "region,sector,variable,unit,n,mean,sd,p5,p50,p95\n";
  for (const auto& key : order) {
    std::vector<double>& v = samples[key];
    const double n = static_cast<double>(v.size());
    double mean = 0.0;
    for (double x : v) mean += x;
    mean /= n;
    double ss = 0.0;
    for (double x : v) ss += (x - mean) * (x - mean);
    std::sort(v.begin(), v.end());
    // Linear interpolation between order statistics (type 7, the default of R and numpy).
    auto quantile = [&v](double q) {
      const double h = (static_cast<double>(v.size()) - 1) * q;
      const size_t lo = static_cast<size_t>(std::floor(h));
      const size_t hi = std::min(lo + 1, v.size() - 1);
      return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
    };
    out += key + "," + std::to_string(v.size()) + "," + FormatNumber(mean) + "," +
           (v.size() > 1 ? FormatNumber(std::sqrt(ss / (n - 1))) : "") + "," +
           FormatNumber(quantile(0.05)) + "," + FormatNumber(quantile(0.5)) + "," +
           FormatNumber(quantile(0.95)) + "\n";
  }
  return out;
}

void MergeSweeps(const std::vector<std::string>& shard_dirs, const std::string& out_dir) {
  if (shard_dirs.empty()) throw InputError("no shard folders given");
  std::vector<std::map<std::string, std::string>> metas;
  for (const auto& d : shard_dirs) metas.push_back(ReadMeta(d));
  const auto& first = metas.front();
  const int shards = std::stoi(first.at("shards"));
  std::vector<bool> seen(static_cast<size_t>(shards), false);
  for (size_t i = 0; i < metas.size(); ++i) {
    if (metas[i].at("hash") != first.at("hash") || metas[i].at("shards") != first.at("shards")) {
      throw InputError(SourceLocation{shard_dirs[i], 0, 0, ""},
                       "is a shard of another sweep (or other options) than " + shard_dirs[0]);
    }
    const int k = std::stoi(metas[i].at("shard"));
    if (k < 0 || k >= shards || seen[static_cast<size_t>(k)]) {
      throw InputError(SourceLocation{shard_dirs[i], 0, 0, ""},
                       "shard " + std::to_string(k + 1) + " is given twice");
    }
    seen[static_cast<size_t>(k)] = true;
  }
  for (int k = 0; k < shards; ++k) {
    if (!seen[static_cast<size_t>(k)]) {
      throw InputError("shard " + std::to_string(k + 1) + "/" + std::to_string(shards) +
                       " is missing");
    }
  }
  MakeDirectories(out_dir);
  // Each shard file is in point order and shards interleave by block: a k-way merge on
  // the point number restores the single-run order.
  auto merge = [&](const std::string& name) {
    std::vector<std::unique_ptr<std::ifstream>> inputs;
    std::vector<std::string> current;
    std::string header;
    for (const auto& d : shard_dirs) {
      inputs.push_back(std::make_unique<std::ifstream>(d + "/" + name));
      if (!*inputs.back()) throw InputError(SourceLocation{d + "/" + name, 0, 0, ""}, "missing");
      std::getline(*inputs.back(), header);
      current.emplace_back();
      if (!std::getline(*inputs.back(), current.back())) current.back().clear();
    }
    std::string out = header + "\n";
    auto point_of = [](const std::string& line) {
      return std::stoll(line.substr(0, line.find(',')));
    };
    for (;;) {
      size_t best = current.size();
      for (size_t i = 0; i < current.size(); ++i) {
        if (current[i].empty()) continue;
        if (best == current.size() || point_of(current[i]) < point_of(current[best])) best = i;
      }
      if (best == current.size()) break;
      out += current[best] + "\n";
      if (!std::getline(*inputs[best], current[best])) current[best].clear();
    }
    return out;
  };
  AtomicFileSet files;
  const std::string results = merge("results.csv");
  files.Add(out_dir + "/results.csv", results);
  files.Add(out_dir + "/points.csv", merge("points.csv"));
  std::string meta;
  for (const auto& [key, value] : first) {
    meta += key + " " + (key == "shard" ? "0" : key == "shards" ? "1" : value) + "\n";
  }
  files.Add(out_dir + "/" + kMetaFile, meta);
  files.Commit();
  if (first.at("method") == "monte_carlo") {
    AtomicFileSet summary;
    summary.Add(out_dir + "/summary.csv", SummariseResults(out_dir + "/results.csv"));
    summary.Commit();
  }
}

}  // namespace spillover
