#include "sweep/sweep_state.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>

#include "core/error.h"
#include "io/input_file.h"
#include "results/sweep_table.h"

namespace spillover {
namespace {

namespace fs = std::filesystem;

const char* kMetaMagic = "spillover-sweep 3";  // 3: DataHash of the result files
const char* kCheckpointMagic = "spillover-sweep-progress 3";
constexpr int64_t kMaxStateBytes = 1 << 20;

SourceLocation At(const std::string& path) { return SourceLocation{path, 0, 0, ""}; }

std::string Hex(uint64_t value) {
  char buffer[20];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

bool ParseInt(const std::string& text, int64_t* value) {
  const char* end = text.data() + text.size();
  const auto result = std::from_chars(text.data(), end, *value);
  return !text.empty() && result.ec == std::errc() && result.ptr == end;
}

bool ParseHex(const std::string& text, uint64_t* value) {
  const char* end = text.data() + text.size();
  const auto result = std::from_chars(text.data(), end, *value, 16);
  return text.size() == 16 && result.ec == std::errc() && result.ptr == end;
}

// Lines "key value" followed by "check HASH" over everything before it. Returns the keys;
// throws naming the file when the text was cut short or edited.
std::map<std::string, std::string> ParseChecked(const std::string& text, const std::string& path,
                                                const char* magic, const std::string& recover) {
  const size_t check = text.rfind("check ");
  if (check == std::string::npos || (check > 0 && text[check - 1] != '\n') || text.back() != '\n') {
    throw InputError(At(path), "is truncated (no checksum line); " + recover);
  }
  ContentHash hash;
  hash.Add(text.data(), check);
  if (text.substr(check + 6, text.size() - check - 7) != hash.Hex()) {
    throw InputError(At(path),
                     "has been edited or damaged (its checksum does not match); " + recover);
  }
  std::map<std::string, std::string> fields;
  size_t start = 0;
  bool first = true;
  while (start < check) {
    const size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    if (first) {
      if (line != magic) {
        throw InputError(At(path), "is not a state file of this version ('" + line +
                                       "', expected '" + magic + "'); " + recover);
      }
      first = false;
      continue;
    }
    const size_t space = line.find(' ');
    fields[line.substr(0, space)] = space == std::string::npos ? "" : line.substr(space + 1);
  }
  return fields;
}

std::string WithCheck(const std::string& body) {
  ContentHash hash;
  hash.Add(body);
  return body + "check " + hash.Hex() + "\n";
}

class Fields {
 public:
  Fields(std::map<std::string, std::string> fields, std::string path, std::string recover)
      : fields_(std::move(fields)), path_(std::move(path)), recover_(std::move(recover)) {}
  const std::string& Text(const std::string& key) const {
    auto it = fields_.find(key);
    if (it == fields_.end()) Fail("lacks the field '" + key + "'");
    return it->second;
  }
  bool Has(const std::string& key) const { return fields_.count(key) > 0; }
  int64_t Int(const std::string& key, int64_t min, int64_t max) const {
    int64_t value = 0;
    if (!ParseInt(Text(key), &value) || value < min || value > max) {
      Fail("holds '" + Text(key) + "' for '" + key + "', not a count in range");
    }
    return value;
  }
  uint64_t HexValue(const std::string& key) const {
    uint64_t value = 0;
    if (!ParseHex(Text(key), &value)) Fail("holds '" + Text(key) + "' for '" + key + "'");
    return value;
  }
  [[noreturn]] void Fail(const std::string& what) const {
    throw InputError(At(path_), what + "; " + recover_);
  }

 private:
  std::map<std::string, std::string> fields_;
  std::string path_;
  std::string recover_;
};

const char* kRecoverMeta =
    "the folder's state cannot be trusted: run the sweep again into a new --out (or with "
    "--force to start over here)";
const char* kRecoverCheckpoint =
    "the checkpoint cannot be trusted: start over with --force (or another --out)";

}  // namespace

void ParseShard(const std::string& text, int* shard, int* shards) {
  const size_t slash = text.find('/');
  int64_t k = 0, n = 0;
  if (slash == std::string::npos || !ParseInt(text.substr(0, slash), &k) ||
      !ParseInt(text.substr(slash + 1), &n) || n < 1 || n > 1000000 || k < 1 || k > n) {
    throw InputError("--shard '" + text.substr(0, 40) +
                     "' is not K/N with 1 <= K <= N <= 1000000, e.g. 3/8");
  }
  *shard = static_cast<int>(k - 1);
  *shards = static_cast<int>(n);
}

void ContentHash::Add(const char* data, size_t size) {
  for (size_t i = 0; i < size; ++i) {
    h_ ^= static_cast<unsigned char>(data[i]);
    h_ *= 1099511628211ULL;
  }
}

std::string ContentHash::Hex() const { return spillover::Hex(h_); }

void DataHash::Add(const char* data, size_t size) {
  const auto* p = reinterpret_cast<const unsigned char*>(data);
  const unsigned char* end = p + size;
  size_ += size;
  while (tail_bytes_ > 0 && tail_bytes_ < 8 && p < end) {
    tail_ |= static_cast<uint64_t>(*p++) << (8 * tail_bytes_++);
  }
  if (tail_bytes_ == 8) {
    Mix(tail_);
    tail_ = 0;
    tail_bytes_ = 0;
  }
  for (; end - p >= 8; p += 8) {
    uint64_t word = 0;  // little-endian on any machine (one load where it is native)
    for (int b = 7; b >= 0; --b) word = (word << 8) | p[b];
    Mix(word);
  }
  while (p < end) tail_ |= static_cast<uint64_t>(*p++) << (8 * tail_bytes_++);
}

uint64_t DataHash::value() const {
  uint64_t h = h_;
  if (tail_bytes_ > 0) h = Rotate(h ^ (tail_ * kA), 31) * kB;
  h ^= size_;
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  return h ^ (h >> 33);
}

std::string DataHash::Hex() const { return spillover::Hex(value()); }

std::string FormatMeta(const SweepMeta& meta) {
  const SweepIdentity& id = meta.id;
  std::string body = std::string(kMetaMagic) + "\nsweep " + id.name + "\nspec " + id.spec +
                     "\nmethod " + id.method + "\nmodel " + id.model + "\ndetail " + id.detail +
                     "\nparameters " + id.parameters + "\npoints " + std::to_string(id.points) +
                     "\nshard " + std::to_string(id.shard + 1) + "/" + std::to_string(id.shards) +
                     "\n";
  // Only when not the default: the metas of tidy sweeps stay those of earlier versions.
  if (id.layout != "tidy") body += "layout " + id.layout + "\n";
  for (const auto& [column, unit] : meta.units) body += "unit." + column + " " + unit + "\n";
  body += std::string("state ") + (meta.complete ? "complete" : "running") + "\n";
  if (meta.complete) {
    body += "shard_points " + std::to_string(meta.shard_points) + "\nresults_bytes " +
            std::to_string(meta.results_bytes) + "\nresults_hash " + meta.results_hash +
            "\npoints_bytes " + std::to_string(meta.points_bytes) + "\npoints_hash " +
            meta.points_hash + "\n";
  }
  return WithCheck(body);
}

SweepMeta ParseMeta(const std::string& text, const std::string& path) {
  const Fields f(ParseChecked(text, path, kMetaMagic, kRecoverMeta), path, kRecoverMeta);
  SweepMeta meta;
  SweepIdentity& id = meta.id;
  id.name = f.Text("sweep");
  id.spec = f.Text("spec");
  id.method = f.Text("method");
  id.model = f.Text("model");
  id.detail = f.Text("detail");
  id.parameters = f.Text("parameters");
  id.points = f.Int("points", 1, INT64_MAX / 2);
  int shard = 0, shards = 1;
  try {
    ParseShard(f.Text("shard"), &shard, &shards);
  } catch (const InputError&) {
    f.Fail("holds '" + f.Text("shard") + "' for 'shard'");
  }
  id.shard = shard;
  id.shards = shards;
  if (f.Has("layout")) {
    id.layout = f.Text("layout");
    if (id.layout != "tidy" && id.layout != "wide") {
      f.Fail("holds an unknown layout '" + id.layout + "'");
    }
  }
  for (const auto& column : PointsUnitColumns()) {
    if (f.Has("unit." + column)) meta.units.emplace_back(column, f.Text("unit." + column));
  }
  const std::string& state = f.Text("state");
  if (state != "running" && state != "complete") f.Fail("holds an unknown state '" + state + "'");
  meta.complete = state == "complete";
  if (meta.complete) {
    meta.shard_points = f.Int("shard_points", 0, id.points);
    meta.results_bytes = f.Int("results_bytes", 0, INT64_MAX / 2);
    meta.points_bytes = f.Int("points_bytes", 0, INT64_MAX / 2);
    meta.results_hash = Hex(f.HexValue("results_hash"));
    meta.points_hash = Hex(f.HexValue("points_hash"));
  }
  return meta;
}

SweepMeta ReadMeta(const std::string& dir) {
  const std::string path = dir + "/sweep.meta";
  if (!fs::exists(path)) {
    throw InputError(At(dir),
                     "holds no sweep (no sweep.meta); expected the --out folder of a "
                     "finished 'spillover sweep'");
  }
  return ParseMeta(ReadInputFile(path, kMaxStateBytes, "sweep.meta file"), path);
}

std::vector<std::string> Differences(const SweepIdentity& recorded, const SweepIdentity& given) {
  std::vector<std::string> out;
  auto differ = [&out](const std::string& what, const std::string& mine,
                       const std::string& theirs) {
    if (mine != theirs) out.push_back(what + " '" + mine + "' here, '" + theirs + "' recorded");
  };
  differ("sweep name", given.name, recorded.name);
  if (given.spec != recorded.spec) {
    out.push_back("the sweep file or its base scenario changed (fingerprint " + given.spec +
                  " here, " + recorded.spec + " recorded)");
  }
  differ("method", given.method, recorded.method);
  differ("model", given.model, recorded.model);
  differ("--detail", given.detail, recorded.detail);
  differ("--layout", given.layout, recorded.layout);
  differ("parameters", given.parameters, recorded.parameters);
  differ("points", std::to_string(given.points), std::to_string(recorded.points));
  differ("--shard", std::to_string(given.shard + 1) + "/" + std::to_string(given.shards),
         std::to_string(recorded.shard + 1) + "/" + std::to_string(recorded.shards));
  return out;
}

std::string FormatCheckpoint(const Checkpoint& c) {
  return WithCheck(std::string(kCheckpointMagic) + "\nspec " + c.spec + "\nblocks_done " +
                   std::to_string(c.blocks_done) + "\nresults_bytes " +
                   std::to_string(c.results_bytes) + "\nresults_hash " + Hex(c.results_hash) +
                   "\npoints_bytes " + std::to_string(c.points_bytes) + "\npoints_hash " +
                   Hex(c.points_hash) + "\nfailed_points " + std::to_string(c.failed_points) +
                   "\n");
}

Checkpoint ParseCheckpoint(const std::string& text, const std::string& path) {
  const Fields f(ParseChecked(text, path, kCheckpointMagic, kRecoverCheckpoint), path,
                 kRecoverCheckpoint);
  Checkpoint c;
  c.spec = f.Text("spec");
  c.blocks_done = f.Int("blocks_done", 0, INT64_MAX / 2);
  c.results_bytes = f.Int("results_bytes", 1, INT64_MAX / 2);
  c.points_bytes = f.Int("points_bytes", 1, INT64_MAX / 2);
  c.results_hash = f.HexValue("results_hash");
  c.points_hash = f.HexValue("points_hash");
  // Absent from the checkpoints of earlier versions: their failures are not counted.
  if (f.Has("failed_points")) c.failed_points = f.Int("failed_points", 0, INT64_MAX / 2);
  return c;
}

FolderLock::FolderLock(const std::string& dir) : path_(dir + "/.sweep.lock") {
  // Retried when the file was replaced between open and flock: the holder unlinks it as it
  // finishes, and a lock on an unlinked file protects nothing.
  for (int attempt = 0; attempt < 20; ++attempt) {
    const int fd = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
      throw InputError(
          At(dir), std::string("cannot create the lock file .sweep.lock: ") + std::strerror(errno));
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      char buffer[32] = {0};
      const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
      ::close(fd);
      if (error != EWOULDBLOCK) {
        throw InputError(At(dir), std::string("cannot lock the folder: ") + std::strerror(error));
      }
      int64_t pid = 0;
      std::string text(buffer, n > 0 ? static_cast<size_t>(n) : 0);
      while (!text.empty() && text.back() == '\n') text.pop_back();
      throw InputError(dir + " is in use by " +
                       (ParseInt(text, &pid) ? "process " + text : std::string("another process")) +
                       " (a sweep or merge writing there); wait for it to finish, or use another "
                       "--out");
    }
    struct stat held, named;
    if (::fstat(fd, &held) == 0 && ::stat(path_.c_str(), &named) == 0 &&
        held.st_ino == named.st_ino && held.st_dev == named.st_dev) {
      const std::string pid = std::to_string(static_cast<long>(::getpid())) + "\n";
      if (::ftruncate(fd, 0) != 0 ||
          ::pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
        const int error = errno;
        ::close(fd);
        throw InputError(At(path_),
                         std::string("cannot write the lock file: ") + std::strerror(error));
      }
      fd_ = fd;
      return;
    }
    ::close(fd);
  }
  throw InputError(At(dir), "cannot lock the folder: its lock file keeps changing");
}

FolderLock::~FolderLock() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());
  ::close(fd_);
}

const std::vector<std::string>& SweepFileNames() {
  static const std::vector<std::string> names = {
      "results.csv",     "points.csv",          "summary.csv",        "sweep.meta",
      ".sweep-progress", "results.csv.partial", "points.csv.partial", "columns.csv"};
  return names;
}

void RemoveStaleTemporaries(const std::string& dir) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    for (const auto& own : SweepFileNames()) {
      if (name.rfind(own + ".tmp.", 0) == 0 && entry.is_regular_file()) {
        fs::remove(entry.path(), error);
      }
    }
  }
}

void HashFile(const std::string& path, int64_t* bytes, std::string* hash) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) throw InputError(At(path), std::string("cannot open: ") + std::strerror(errno));
  DataHash h;
  char buffer[1 << 16];
  int64_t total = 0;
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
    h.Add(buffer, n);
    total += static_cast<int64_t>(n);
  }
  if (std::ferror(file.get())) throw InputError(At(path), "read error");
  *bytes = total;
  *hash = h.Hex();
}

DataHash VerifyAndTruncate(const std::string& path, int64_t bytes, uint64_t hash,
                           const std::string& dir) {
  const std::string name = fs::path(path).filename().string();
  const std::string recover =
      "the interrupted sweep cannot be resumed safely: start over with "
      "'spillover sweep ... --out " +
      dir + " --force' (or another --out)";
  std::error_code error;
  if (!fs::is_regular_file(path, error)) {
    throw InputError(At(dir), name + " is missing, but the checkpoint records " +
                                  std::to_string(bytes) + " bytes of it; " + recover);
  }
  const auto size = static_cast<int64_t>(fs::file_size(path, error));
  if (error || size < bytes) {
    throw InputError(At(dir), name + " holds " + std::to_string(size) + " bytes, fewer than the " +
                                  std::to_string(bytes) +
                                  " of the last checkpoint (truncated or replaced); " + recover);
  }
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) throw InputError(At(path), std::string("cannot open: ") + std::strerror(errno));
  DataHash h;
  char buffer[1 << 16];
  int64_t left = bytes;
  while (left > 0) {
    const size_t want = static_cast<size_t>(std::min<int64_t>(left, sizeof buffer));
    const size_t n = std::fread(buffer, 1, want, file.get());
    if (n == 0) break;
    h.Add(buffer, n);
    left -= static_cast<int64_t>(n);
  }
  file.reset();
  if (left != 0 || h.value() != hash) {
    throw InputError(At(dir), "the first " + std::to_string(bytes) + " bytes of " + name +
                                  " differ from what the last checkpoint recorded (the file "
                                  "or the checkpoint was edited); " +
                                  recover);
  }
  if (size > bytes) fs::resize_file(path, static_cast<uintmax_t>(bytes), error);
  if (error) {
    throw InputError(At(path), "cannot cut the file back to its checkpoint: " + error.message());
  }
  return h;
}

}  // namespace spillover
