// The state a sweep keeps in its output folder, and the checks that let a resume or a merge
// accept nothing but the same sweep, complete and undamaged (docs/sweeps.md, "State").
//
//   .sweep.lock           held (flock) by the one process working in the folder
//   sweep.meta            what sweep this is; "state complete" with the file sizes and
//                         hashes once it finished; a checksum line detects any edit
//   .sweep-progress       the last checkpoint: blocks done, bytes and hashes of the files
//   *.partial             results being written, renamed into place at the end
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace spillover {

// Parses --shard K/N (1 <= K <= N <= 1,000,000) into a 0-based shard and the count.
// Throws InputError.
void ParseShard(const std::string& text, int* shard, int* shards);

// FNV-1a, 64 bits, fed incrementally: the checksum of a state file (sweep.meta, the
// checkpoint), which other tools recompute.
class ContentHash {
 public:
  void Add(const char* data, size_t size);
  void Add(const std::string& text) { Add(text.data(), text.size()); }
  uint64_t value() const { return h_; }
  void set(uint64_t value) { h_ = value; }
  std::string Hex() const;

 private:
  uint64_t h_ = 1469598103934665603ULL;
};

// The hash of a results file's bytes as it is written, fed in pieces of any size (the
// value depends on the bytes only): 64-bit little-endian words, each mixed in with two
// multiplies and a rotate, then the length and a final avalanche (MurmurHash3's fmix64).
// About one instruction per byte, against seven for FNV-1a's byte loop: a sweep writes
// gigabytes, all of it hashed on the writing thread. An integrity check against truncated
// or edited files, not a cryptographic hash.
class DataHash {
 public:
  void Add(const char* data, size_t size);
  void Add(const std::string& text) { Add(text.data(), text.size()); }
  uint64_t value() const;  // of the bytes so far
  std::string Hex() const;

 private:
  void Mix(uint64_t word) { h_ = Rotate(h_ ^ (word * kA), 31) * kB; }
  static uint64_t Rotate(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
  static constexpr uint64_t kA = 0x87C37B91114253D5ULL, kB = 0x4CF5AD432745937FULL;
  uint64_t h_ = 0x243F6A8885A308D3ULL;
  uint64_t tail_ = 0;  // the last size % 8 bytes, little-endian
  unsigned tail_bytes_ = 0;
  uint64_t size_ = 0;
};

// What identifies one run of a sweep; recorded when it starts and compared on --resume
// and by merge.
struct SweepIdentity {
  std::string name;
  std::string spec;  // Fingerprint(): the sweep file and its base scenario, as parsed
  std::string method;
  std::string model;  // model folder
  std::string detail;
  std::string parameters;  // the parameter paths, space-separated
  int64_t points = 0;      // points of the whole sweep
  int shard = 0;           // 0-based
  int shards = 1;
  std::string layout = "tidy";  // of results.csv: tidy, or wide (sweep/wide_layout.h)
};

struct SweepMeta {
  SweepIdentity id;
  bool complete = false;
  // Set when complete: what the folder's two result files hold.
  int64_t shard_points = 0;
  int64_t results_bytes = 0;
  int64_t points_bytes = 0;
  std::string results_hash;
  std::string points_hash;
  // The unit of each result column of points.csv ("unit.gdp_change KZT billion" lines),
  // so that the output states its own units; absent from the metas of earlier versions.
  std::vector<std::pair<std::string, std::string>> units;
};

std::string FormatMeta(const SweepMeta& meta);
// Throws InputError naming `path` when the text is not a sweep.meta this program wrote,
// or was changed since (a checksum covers every line).
SweepMeta ParseMeta(const std::string& text, const std::string& path);
SweepMeta ReadMeta(const std::string& dir);  // DIR/sweep.meta; throws InputError

// Each field in which `given` differs from `recorded`, as "shard: 1/3 here, 2/3 in DIR".
std::vector<std::string> Differences(const SweepIdentity& recorded, const SweepIdentity& given);

struct Checkpoint {
  std::string spec;  // the sweep's fingerprint, as in sweep.meta
  int64_t blocks_done = 0;
  int64_t results_bytes = 0;
  int64_t points_bytes = 0;
  uint64_t results_hash = 0;  // DataHash value after results_bytes bytes
  uint64_t points_hash = 0;
  int64_t failed_points = 0;  // points of the blocks done that failed
};

std::string FormatCheckpoint(const Checkpoint& checkpoint);
Checkpoint ParseCheckpoint(const std::string& text, const std::string& path);

// An exclusive lock on an output folder, held for the lifetime of the object: a second
// process is refused with "DIR is in use by process N" rather than mixing its files in.
class FolderLock {
 public:
  explicit FolderLock(const std::string& dir);
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;
  ~FolderLock();

 private:
  std::string path_;
  int fd_ = -1;
};

// The names a sweep writes in its output folder. With --force these, and only these, are
// replaced; without it a folder holding any of them but no sweep.meta is refused.
const std::vector<std::string>& SweepFileNames();

// Removes temporaries (NAME.tmp.PID.K) of the sweep's own files that a killed run left.
// Call with the folder locked.
void RemoveStaleTemporaries(const std::string& dir);

// Checks that the first `bytes` of `path` hash to `hash` and truncates the file there;
// returns the hash of those bytes, to go on with. Throws InputError saying what is
// inconsistent and how to recover.
DataHash VerifyAndTruncate(const std::string& path, int64_t bytes, uint64_t hash,
                           const std::string& dir);

// The size and DataHash of a whole file; throws InputError if it cannot be read.
void HashFile(const std::string& path, int64_t* bytes, std::string* hash);

}  // namespace spillover
