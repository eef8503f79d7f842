// A sweep's state in its output folder: locked against a second process, resumed only as
// the same sweep, refused when damaged, merged only when every shard is complete.
#include "sweep/sweep_state.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "sweep/sweep_runner.h"
#include "sweep/sweep_spec.h"
#include "test_util.h"

namespace spillover {
namespace {

using testing::Slurp;

namespace fs = std::filesystem;

void Spit(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

SweepSpec Spec(const std::string& body) {
  const std::string base = testing::SourceDir() + "/tests/data/sweep_base.yaml";
  return ParseSweep(ParseYaml("sweep:\n  name: s\n  base: " + base + "\n" + body, "s.yaml"),
                    "s.yaml");
}

// 300 points = 5 blocks of 64.
const char* kMonteCarlo =
    "  method: monte_carlo\n  samples: 300\n  seed: 3\n  parameters:\n"
    "    shocks.demand.change: {distribution: uniform, low: -0.4, high: 0}\n";

class SweepStateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/sweep_state_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
           std::to_string(::getpid());
    fs::remove_all(dir_);
    spec_ = Spec(kMonteCarlo);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& sub) const { return dir_ + "/" + sub; }

  SweepReport Run(const std::string& sub, bool resume = false, int64_t stop = -1, int shard = 0,
                  int shards = 1, bool force = false) {
    SweepOptions options;
    options.out_dir = Path(sub);
    options.shard = shard;
    options.shards = shards;
    options.resume = resume;
    options.force = force;
    options.stop_after_blocks = stop;
    options.detail = SweepDetail::kTotals;
    ModelCache cache;
    return RunSweep(spec_, options, &cache);
  }

  // The message of the InputError that `f` throws, or "no error".
  template <typename F>
  static std::string ErrorOf(F f) {
    try {
      f();
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  }

  std::string dir_;
  SweepSpec spec_;
};

#define EXPECT_HAS(text, part) \
  EXPECT_NE(std::string(text).find(part), std::string::npos) << "message: " << (text)

TEST_F(SweepStateTest, SecondProcessInTheFolderIsRefusedAndNoLockIsLeftBehind) {
  fs::create_directories(Path("x"));
  {
    const FolderLock held(Path("x"));
    EXPECT_HAS(ErrorOf([&] { Run("x"); }),
               "is in use by process " + std::to_string(static_cast<long>(::getpid())));
  }
  EXPECT_TRUE(Run("x").finished);
  EXPECT_FALSE(fs::exists(Path("x/.sweep.lock")));
  // The same sweep again: refused as finished, never an internal error.
  EXPECT_HAS(ErrorOf([&] { Run("x"); }), "already holds sweep results");
}

TEST_F(SweepStateTest, ResumeOfAnotherShardOrSweepIsRefusedNamingTheDifference) {
  Run("x", false, 1, 0, 3);
  EXPECT_HAS(ErrorOf([&] { Run("x", true, -1, 1, 3); }), "--shard '2/3' here, '1/3' recorded");
  const SweepSpec other = Spec(
      "  method: monte_carlo\n  samples: 300\n  seed: 4\n  parameters:\n"
      "    shocks.demand.change: {distribution: uniform, low: -0.4, high: 0}\n");
  SweepOptions options;
  options.out_dir = Path("x");
  options.shards = 3;
  options.resume = true;
  options.detail = SweepDetail::kTotals;
  ModelCache cache;
  EXPECT_HAS(ErrorOf([&] { RunSweep(other, options, &cache); }),
             "the sweep file or its base scenario changed");
  EXPECT_HAS(ErrorOf([&] {
               SweepOptions all = options;
               all.detail = SweepDetail::kAll;
               RunSweep(spec_, all, &cache);
             }),
             "--detail 'all' here, 'totals' recorded");
}

// A run stopped after one block of five, as if killed, for the damage tests below.
class DamagedStateTest : public SweepStateTest {
 protected:
  void SetUp() override {
    SweepStateTest::SetUp();
    Run("ref");
    Run("x", false, 1);
    ASSERT_TRUE(fs::exists(Path("x/.sweep-progress")));
  }
  std::string Resume() {
    return ErrorOf([&] { Run("x", true); });
  }
};

TEST_F(DamagedStateTest, UndamagedStateResumesToTheSameFiles) {
  EXPECT_EQ("no error", Resume());
  for (const char* f : {"results.csv", "points.csv", "summary.csv"}) {
    EXPECT_EQ(Slurp(Path("ref/") + f), Slurp(Path("x/") + f)) << f;
  }
}

TEST_F(DamagedStateTest, PartialShorterThanItsCheckpointIsRefused) {
  const std::string partial = Path("x/results.csv.partial");
  fs::resize_file(partial, fs::file_size(partial) - 10);
  const std::string error = Resume();
  EXPECT_HAS(error, "results.csv.partial holds");
  EXPECT_HAS(error, "fewer than the");
  EXPECT_HAS(error, "--force");
}

TEST_F(DamagedStateTest, DeletedPartialIsRefused) {
  fs::remove(Path("x/points.csv.partial"));
  EXPECT_HAS(Resume(), "points.csv.partial is missing, but the checkpoint records");
}

TEST_F(DamagedStateTest, EditedPartialIsRefused) {
  std::string text = Slurp(Path("x/points.csv.partial"));
  text[text.size() / 2] = text[text.size() / 2] == '1' ? '2' : '1';
  Spit(Path("x/points.csv.partial"), text);
  EXPECT_HAS(Resume(), "differ from what the last checkpoint recorded");
}

TEST_F(DamagedStateTest, EditedCheckpointCountersAreRefused) {
  std::string text = Slurp(Path("x/.sweep-progress"));
  const size_t at = text.find("blocks_done 1");
  ASSERT_NE(at, std::string::npos) << text;
  text.replace(at, 13, "blocks_done 3");
  Spit(Path("x/.sweep-progress"), text);
  EXPECT_HAS(Resume(), ".sweep-progress: has been edited or damaged");
  fs::remove(Path("x/.sweep-progress"));
  EXPECT_HAS(Resume(), "its checkpoint (.sweep-progress) is missing");
}

TEST_F(DamagedStateTest, TamperedOrTruncatedMetaIsRefused) {
  const std::string meta = Slurp(Path("x/sweep.meta"));
  std::string tampered = meta;
  tampered.replace(tampered.find("points 300"), 10, "points 200");
  Spit(Path("x/sweep.meta"), tampered);
  EXPECT_HAS(Resume(), "sweep.meta: has been edited or damaged");
  Spit(Path("x/sweep.meta"), meta.substr(0, meta.size() / 2));
  EXPECT_HAS(Resume(), "sweep.meta: is truncated");
  fs::remove(Path("x/sweep.meta"));
  EXPECT_HAS(Resume(), "holds no sweep to resume");
}

TEST_F(DamagedStateTest, StaleTemporariesAreRemovedOnResume) {
  Spit(Path("x/sweep.meta.tmp.999.0"), "half");
  Spit(Path("x/.sweep-progress.tmp.999.0"), "half");
  EXPECT_EQ("no error", Resume());
  for (const auto& entry : fs::directory_iterator(Path("x"))) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp."), std::string::npos) << entry.path();
  }
  EXPECT_EQ(Slurp(Path("ref/results.csv")), Slurp(Path("x/results.csv")));
}

TEST_F(SweepStateTest, KillBetweenTheFinalRenamesIsFinishedByResumeAndRefusedByMerge) {
  Run("ref");
  Run("x");
  // As if killed after sweep.meta said complete and results.csv was moved into place.
  fs::rename(Path("x/points.csv"), Path("x/points.csv.partial"));
  Spit(Path("x/.sweep-progress"), "left by the killed run\n");
  EXPECT_HAS(ErrorOf([&] { MergeSweeps({Path("x")}, Path("m")); }),
             "stopped while moving its files into place");
  EXPECT_HAS(ErrorOf([&] { Run("x"); }), "already holds sweep results");
  EXPECT_TRUE(Run("x", true).finished);
  EXPECT_EQ(Slurp(Path("ref/points.csv")), Slurp(Path("x/points.csv")));
  EXPECT_FALSE(fs::exists(Path("x/points.csv.partial")));
  EXPECT_FALSE(fs::exists(Path("x/.sweep-progress")));
  // A partial that changed since the commit is not moved into place.
  fs::rename(Path("x/points.csv"), Path("x/points.csv.partial"));
  std::ofstream(Path("x/points.csv.partial"), std::ios::app) << "999,garbage\n";
  EXPECT_HAS(ErrorOf([&] { Run("x", true); }), "that sweep.meta records");
}

TEST_F(SweepStateTest, FilesTheSweepDidNotWriteAreLeftAloneWithoutForce) {
  fs::create_directories(Path("x"));
  Spit(Path("x/points.csv"), "my own points\n");
  EXPECT_HAS(ErrorOf([&] { Run("x"); }), "points.csv: was not written by a sweep here");
  EXPECT_EQ("my own points\n", Slurp(Path("x/points.csv")));
  EXPECT_FALSE(fs::exists(Path("x/sweep.meta")));
  EXPECT_TRUE(Run("x", false, -1, 0, 1, true).finished);
  EXPECT_NE("my own points\n", Slurp(Path("x/points.csv")));
}

TEST_F(SweepStateTest, MergeChecksThatEveryShardIsCompleteUndamagedAndOfTheSameSweep) {
  Run("ref");
  for (int k = 0; k < 3; ++k) Run("s" + std::to_string(k), false, -1, k, 3);
  const std::vector<std::string> shards = {Path("s0"), Path("s1"), Path("s2")};
  EXPECT_HAS(ErrorOf([&] {
               MergeSweeps({Path("s0"), Path("s2")}, Path("m"));
             }),
             "shard 2/3 is missing");
  EXPECT_HAS(ErrorOf([&] {
               MergeSweeps({Path("s0"), Path("s0"), Path("s2")}, Path("m"));
             }),
             "shard 1 is given twice");
  EXPECT_HAS(ErrorOf([&] {
               MergeSweeps({Path("s0"), Path("ref"), Path("s2")}, Path("m"));
             }),
             "is a shard of another sweep");
  // A garbage line in a finished shard.
  const std::string results = Slurp(Path("s1/results.csv"));
  std::ofstream(Path("s1/results.csv"), std::ios::app) << "garbage line\n";
  EXPECT_HAS(ErrorOf([&] { MergeSweeps(shards, Path("m")); }), "changed after the shard finished");
  Spit(Path("s1/results.csv"), results);
  // An unfinished shard.
  Run("s1", false, 0, 1, 3, true);
  EXPECT_HAS(ErrorOf([&] { MergeSweeps(shards, Path("m")); }), "holds an unfinished shard");
  Run("s1", true, -1, 1, 3);
  MergeSweeps(shards, Path("m"));
  EXPECT_EQ(Slurp(Path("ref/results.csv")), Slurp(Path("m/results.csv")));
  EXPECT_EQ(Slurp(Path("ref/summary.csv")), Slurp(Path("m/summary.csv")));
  EXPECT_HAS(ErrorOf([&] { MergeSweeps(shards, Path("m")); }), "exists already");
}

TEST(SweepStateFormat, MetaAndCheckpointRoundTripAndShardsParse) {
  SweepMeta meta;
  meta.id = SweepIdentity{"n", "0123456789abcdef", "grid", "m", "sectors", "a b", 1000, 2, 5};
  meta.complete = true;
  meta.shard_points = 192;
  meta.results_bytes = 10;
  meta.points_bytes = 20;
  meta.results_hash = "00000000000000ff";
  meta.points_hash = "0000000000000001";
  const SweepMeta back = ParseMeta(FormatMeta(meta), "m");
  EXPECT_TRUE(Differences(meta.id, back.id).empty());
  EXPECT_EQ(192, back.shard_points);
  EXPECT_EQ("00000000000000ff", back.results_hash);
  int shard = 0, shards = 0;
  ParseShard("3/8", &shard, &shards);
  EXPECT_EQ(2, shard);
  EXPECT_EQ(8, shards);
  for (const char* bad : {"4294967297/4294967298", "0/2", "3/2", "1/", "/2", "1/2x", "-1/2"}) {
    EXPECT_THROW(ParseShard(bad, &shard, &shards), InputError) << bad;
  }
}

}  // namespace
}  // namespace spillover

namespace spillover {
namespace {

// The result files' hash depends on their bytes only, not on the pieces they were written
// in (blocks on a run, 64 KiB reads on --resume and merge), and changes with any byte and
// with the length.
TEST(DataHashTest, SameBytesSameHashWhateverThePieces) {
  std::string text;
  uint64_t x = 12345;
  for (int i = 0; i < 1000; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    text.push_back(static_cast<char>(x >> 56));
  }
  DataHash whole;
  whole.Add(text);
  for (const size_t piece : {size_t{1}, size_t{3}, size_t{7}, size_t{8}, size_t{13}, size_t{999}}) {
    DataHash pieces;
    for (size_t at = 0; at < text.size(); at += piece) pieces.Add(text.substr(at, piece));
    EXPECT_EQ(whole.value(), pieces.value()) << "pieces of " << piece;
  }
  DataHash edited, longer, shorter, zero_appended;
  std::string changed = text;
  changed[500] = static_cast<char>(changed[500] ^ 1);
  edited.Add(changed);
  longer.Add(text + "x");
  shorter.Add(text.substr(0, text.size() - 1));
  zero_appended.Add(text + std::string(1, '\0'));
  for (const DataHash* other : {&edited, &longer, &shorter, &zero_appended}) {
    EXPECT_NE(whole.value(), other->value());
  }
  EXPECT_NE(DataHash().value(), zero_appended.value());
  EXPECT_EQ(16u, whole.Hex().size());
}

}  // namespace
}  // namespace spillover
