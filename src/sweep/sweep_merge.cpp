// Merging the shards of one sweep: each shard must be complete, undamaged and of the same
// sweep, and every point must come from the shard that owns it, once.
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "core/error.h"
#include "core/text.h"
#include "io/atomic_file.h"
#include "io/csv.h"
#include "sweep/sweep_runner.h"
#include "sweep/sweep_state.h"
#include "sweep/wide_layout.h"

namespace spillover {
namespace {

namespace fs = std::filesystem;

SourceLocation At(const std::string& path, int64_t line = 0) {
  return SourceLocation{path, line, 0, ""};
}

// Points of `shard` when blocks of kSweepBlock points are dealt round-robin to `shards`.
int64_t ShardPoints(int64_t points, int shard, int shards) {
  int64_t count = 0;
  const int64_t blocks = (points + kSweepBlock - 1) / kSweepBlock;
  if (blocks <= shard) return 0;
  const int64_t mine = (blocks - 1 - shard) / shards + 1;
  count = mine * kSweepBlock;
  if ((blocks - 1) % shards == shard) count -= blocks * kSweepBlock - points;
  return count;
}

// One shard file read line by line, with each line's point checked against the shard.
class ShardReader {
 public:
  ShardReader(const std::string& path, const SweepMeta& meta, bool one_line_per_point)
      : path_(path), meta_(meta), unique_(one_line_per_point), in_(path, std::ios::binary) {
    if (!in_ || !std::getline(in_, header_)) {
      throw InputError(At(path_), "cannot be read, or is empty");
    }
    Next();
  }
  const std::string& header() const { return header_; }
  bool done() const { return done_; }
  int64_t point() const { return point_; }
  const std::string& line() const { return line_; }
  int64_t points_seen() const { return points_seen_; }

  void Next() {
    if (!std::getline(in_, line_)) {
      done_ = true;
      return;
    }
    ++line_number_;
    const char* begin = line_.data();
    const char* end = line_.data() + line_.size();
    const char* comma = std::find(begin, end, ',');
    int64_t point = -1;
    const auto parsed = std::from_chars(begin, comma, point);
    if (parsed.ec != std::errc() || parsed.ptr != comma || comma == end || point < 0 ||
        point >= meta_.id.points) {
      Fail("does not start with a point number of this sweep ('" + Echo(line_, 40) + "')");
    }
    if ((point / kSweepBlock) % meta_.id.shards != meta_.id.shard) {
      Fail("holds point " + std::to_string(point) + ", which belongs to another shard");
    }
    if (point < point_ || (unique_ && point == point_)) {
      Fail("holds point " + std::to_string(point) + " after point " + std::to_string(point_) +
           ": out of order or repeated");
    }
    if (point != point_) ++points_seen_;
    point_ = point;
  }

 private:
  [[noreturn]] void Fail(const std::string& what) const {
    throw InputError(At(path_, line_number_ + 1),
                     what +
                         "; the shard is damaged: run it again with 'spillover sweep ... "
                         "--shard K/N --force'");
  }

  std::string path_;
  const SweepMeta& meta_;
  bool unique_;
  std::ifstream in_;
  std::string header_;
  std::string line_;
  bool done_ = false;
  int64_t point_ = -1;
  int64_t line_number_ = 1;
  int64_t points_seen_ = 0;
};

void CheckShardFiles(const std::string& dir, const SweepMeta& meta) {
  for (const auto& [name, bytes, hash] :
       {std::make_tuple(std::string("results.csv"), meta.results_bytes, meta.results_hash),
        std::make_tuple(std::string("points.csv"), meta.points_bytes, meta.points_hash)}) {
    const std::string path = dir + "/" + name;
    if (!fs::exists(path)) {
      throw InputError(At(dir), name + " is missing" +
                                    (fs::exists(path + ".partial")
                                         ? ": the shard was stopped while moving its files into "
                                           "place; finish it with 'spillover sweep ... --resume'"
                                         : "; run the shard again"));
    }
    int64_t got_bytes = 0;
    std::string got_hash;
    HashFile(path, &got_bytes, &got_hash);
    if (got_bytes != bytes || got_hash != hash) {
      throw InputError(At(path), "holds " + std::to_string(got_bytes) + " bytes (hash " + got_hash +
                                     "), not the " + std::to_string(bytes) + " bytes (hash " +
                                     hash +
                                     ") its sweep.meta records: the file was changed after the "
                                     "shard finished; run the shard again");
    }
  }
  const int64_t expected = ShardPoints(meta.id.points, meta.id.shard, meta.id.shards);
  if (meta.shard_points != expected) {
    throw InputError(At(dir + "/sweep.meta"),
                     "records " + std::to_string(meta.shard_points) + " points for shard " +
                         std::to_string(meta.id.shard + 1) + "/" + std::to_string(meta.id.shards) +
                         ", which holds " + std::to_string(expected) + "; run the shard again");
  }
}

}  // namespace

SweepReport MergeSweeps(const std::vector<std::string>& shard_dirs, const std::string& out_dir) {
  if (shard_dirs.empty()) throw InputError("no shard folders given");
  std::vector<SweepMeta> metas;
  for (const auto& d : shard_dirs) {
    metas.push_back(ReadMeta(d));
    if (!metas.back().complete) {
      throw InputError(At(d),
                       "holds an unfinished shard (sweep.meta says state running): "
                       "finish it with 'spillover sweep ... --resume' first");
    }
  }
  const SweepIdentity& first = metas.front().id;
  std::vector<bool> seen(static_cast<size_t>(first.shards), false);
  for (size_t i = 0; i < metas.size(); ++i) {
    SweepIdentity same_shard = metas[i].id;
    same_shard.shard = first.shard;
    const std::vector<std::string> differences = Differences(first, same_shard);
    if (!differences.empty()) {
      throw InputError(At(shard_dirs[i]), "is a shard of another sweep than " + shard_dirs[0] +
                                              ": " + Join(differences, "; "));
    }
    const auto k = static_cast<size_t>(metas[i].id.shard);
    if (seen[k]) {
      throw InputError(At(shard_dirs[i]), "shard " + std::to_string(k + 1) + " is given twice");
    }
    seen[k] = true;
  }
  for (size_t k = 0; k < seen.size(); ++k) {
    if (!seen[k]) {
      throw InputError("shard " + std::to_string(k + 1) + "/" + std::to_string(first.shards) +
                       " is missing");
    }
  }
  for (size_t i = 0; i < metas.size(); ++i) CheckShardFiles(shard_dirs[i], metas[i]);
  // The wide layout: every shard's results have the same columns (sweep/wide_layout.h).
  std::string columns;
  if (first.layout == "wide") {
    columns = ReadFile(shard_dirs[0] + "/" + kWideColumnsFile);
    for (size_t i = 1; i < shard_dirs.size(); ++i) {
      if (ReadFile(shard_dirs[i] + "/" + kWideColumnsFile) != columns) {
        throw InputError(At(shard_dirs[i] + "/" + kWideColumnsFile),
                         std::string("differs from ") + shard_dirs[0] + "/" + kWideColumnsFile +
                             ": the shards' results have other columns; run them again");
      }
    }
  }

  MakeDirectories(out_dir);
  const FolderLock lock(out_dir);
  RemoveStaleTemporaries(out_dir);
  for (const auto& name : SweepFileNames()) {
    if (fs::exists(out_dir + "/" + name)) {
      throw InputError(At(out_dir + "/" + name),
                       "exists already; merge into a new or empty folder");
    }
  }
  // Each shard file is in point order and shards interleave by block: a k-way merge on
  // the point number restores the single-run order.
  auto merge = [&](const std::string& name, bool one_line_per_point, DataHash* hash) {
    std::vector<std::unique_ptr<ShardReader>> inputs;
    for (size_t i = 0; i < shard_dirs.size(); ++i) {
      inputs.push_back(
          std::make_unique<ShardReader>(shard_dirs[i] + "/" + name, metas[i], one_line_per_point));
      if (inputs.back()->header() != inputs.front()->header()) {
        throw InputError(At(shard_dirs[i] + "/" + name, 1),
                         "has another header than " + shard_dirs[0] + "/" + name);
      }
    }
    std::string out = inputs.front()->header() + "\n";
    for (;;) {
      ShardReader* best = nullptr;
      for (auto& input : inputs) {
        if (!input->done() && (best == nullptr || input->point() < best->point())) {
          best = input.get();
        }
      }
      if (best == nullptr) break;
      out += best->line() + "\n";
      best->Next();
    }
    for (size_t i = 0; i < inputs.size(); ++i) {
      if (inputs[i]->points_seen() != metas[i].shard_points) {
        throw InputError(At(shard_dirs[i] + "/" + name),
                         "holds " + std::to_string(inputs[i]->points_seen()) + " points, not the " +
                             std::to_string(metas[i].shard_points) +
                             " of its shard; run the shard again");
      }
    }
    hash->Add(out);
    return out;
  };
  DataHash results_hash, points_hash;
  const std::string results = merge("results.csv", false, &results_hash);
  const std::string points = merge("points.csv", true, &points_hash);
  SweepMeta merged;
  merged.id = first;
  merged.id.shard = 0;
  merged.id.shards = 1;
  merged.complete = true;
  merged.shard_points = first.points;
  merged.results_bytes = static_cast<int64_t>(results.size());
  merged.points_bytes = static_cast<int64_t>(points.size());
  merged.results_hash = results_hash.Hex();
  merged.points_hash = points_hash.Hex();
  merged.units = metas.front().units;
  AtomicFileSet files;
  files.Add(out_dir + "/results.csv", results);
  files.Add(out_dir + "/points.csv", points);
  if (first.layout == "wide") files.Add(out_dir + "/" + kWideColumnsFile, columns);
  if (first.method == "monte_carlo") {
    files.Commit();
    files.Add(out_dir + "/summary.csv", SummariseResults(out_dir + "/results.csv"));
  }
  files.Add(out_dir + "/sweep.meta", FormatMeta(merged));
  files.Commit();
  SweepReport report;
  report.points = first.points;
  report.finished = true;
  std::istringstream merged_points(points);
  report.failed = ReadFailedPoints(merged_points, out_dir + "/points.csv");
  report.errors = report.failed.count;
  return report;
}

}  // namespace spillover
