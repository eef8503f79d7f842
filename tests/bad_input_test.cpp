// Runs the spillover binary on every malformed input of tests/bad_input/ and checks the
// exit code, the error message, and that no output file is left behind.
//
// The cases are the rows of tests/bad_input/cases.csv:
//   case,command,expected_exit,expected_stderr_substring
// `command` is the argument list after `spillover`, split at spaces (a token may be
// "double quoted"). In the command and the expected text, {root} stands for the corpus
// folder and {out} for a fresh, empty temporary directory that must still be empty after
// the run. In the expected text, {any} matches any run of characters, so that a message
// can be checked for several fragments in order.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#ifndef SPILLOVER_BINARY
#error "define SPILLOVER_BINARY as the path of the spillover executable"
#endif
#ifndef SPILLOVER_BAD_INPUT_DIR
#error "define SPILLOVER_BAD_INPUT_DIR as the path of tests/bad_input"
#endif

extern char** environ;

namespace {

namespace fs = std::filesystem;

constexpr std::chrono::seconds kTimeout{10};         // a run still going is killed
constexpr std::chrono::milliseconds kMaxTime{5000};  // a run must finish within this
constexpr size_t kMinCases = 40;
constexpr size_t kMinScenarioFiles = 25;
constexpr size_t kMinModelFolders = 15;

struct Case {
  std::string name;
  std::string command;
  int expected_exit = 0;
  std::string expected_stderr;
  int line = 0;  // in cases.csv
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name << " (cases.csv line " << c.line << ")";
}

std::string Root() {
  std::string root = SPILLOVER_BAD_INPUT_DIR;
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  return root;
}

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// RFC 4180 records: fields may be "quoted", with "" for a quote and line breaks inside.
// Returns false (and sets *error) on an unterminated quote.
bool ParseCsv(const std::string& text, std::vector<std::vector<std::string>>* records,
              std::vector<int>* lines, std::string* error) {
  std::vector<std::string> record;
  std::string field;
  bool in_quotes = false;
  bool any = false;
  int line = 1;
  int record_line = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == '"') {
      in_quotes = true;
      any = true;
    } else if (c == ',') {
      record.push_back(field);
      field.clear();
      any = true;
    } else if (c == '\n') {
      if (!field.empty() && field.back() == '\r') field.pop_back();
      if (any || !field.empty()) {
        record.push_back(field);
        records->push_back(record);
        lines->push_back(record_line);
      }
      record.clear();
      field.clear();
      any = false;
      record_line = ++line;
    } else {
      field.push_back(c);
      any = true;
    }
  }
  if (in_quotes) {
    *error = "unterminated quote in the record at line " + std::to_string(record_line);
    return false;
  }
  if (any || !field.empty()) {
    record.push_back(field);
    records->push_back(record);
    lines->push_back(record_line);
  }
  return true;
}

std::string& LoadError() {
  static std::string error;
  return error;
}

std::vector<Case> LoadCases() {
  const std::string path = Root() + "/cases.csv";
  std::ifstream probe(path);
  if (!probe) {
    LoadError() = "cannot open " + path;
    return {};
  }
  std::vector<std::vector<std::string>> records;
  std::vector<int> lines;
  std::string error;
  if (!ParseCsv(ReadWholeFile(path), &records, &lines, &error)) {
    LoadError() = path + ": " + error;
    return {};
  }
  const std::vector<std::string> header = {"case", "command", "expected_exit",
                                           "expected_stderr_substring"};
  if (records.empty() || records[0] != header) {
    LoadError() =
        path + ": the header must be case,command,expected_exit,expected_stderr_substring";
    return {};
  }
  std::vector<Case> cases;
  std::set<std::string> names;
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    const std::string where = path + ":" + std::to_string(lines[r]) + ": ";
    if (rec.size() != header.size()) {
      LoadError() = where + "expected 4 fields, got " + std::to_string(rec.size());
      return {};
    }
    Case c;
    c.name = rec[0];
    c.command = rec[1];
    c.expected_stderr = rec[3];
    c.line = lines[r];
    if (c.name.empty() || c.name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTU"
                                                   "VWXYZ0123456789_") != std::string::npos) {
      LoadError() = where + "case name '" + c.name + "' must be letters, digits and '_'";
      return {};
    }
    if (!names.insert(c.name).second) {
      LoadError() = where + "case '" + c.name + "' is listed twice";
      return {};
    }
    char* end = nullptr;
    const long code = std::strtol(rec[2].c_str(), &end, 10);
    if (rec[2].empty() || *end != '\0' || code < 0 || code > 255) {
      LoadError() = where + "expected_exit '" + rec[2] + "' is not an exit code";
      return {};
    }
    c.expected_exit = static_cast<int>(code);
    if (c.expected_stderr.empty() || c.command.empty()) {
      LoadError() = where + "the command and the expected message must not be empty";
      return {};
    }
    cases.push_back(c);
  }
  return cases;
}

const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = LoadCases();
  return cases;
}

// Splits at spaces; "double quoted" tokens may hold spaces ("" inside is not special).
std::vector<std::string> SplitCommand(const std::string& command) {
  std::vector<std::string> tokens;
  std::string token;
  bool in_quotes = false;
  bool have = false;
  for (const char c : command) {
    if (c == '"') {
      in_quotes = !in_quotes;
      have = true;
    } else if (c == ' ' && !in_quotes) {
      if (have) tokens.push_back(token);
      token.clear();
      have = false;
    } else {
      token.push_back(c);
      have = true;
    }
  }
  if (have) tokens.push_back(token);
  return tokens;
}

// True when `text` contains `pattern`, where "{any}" in the pattern matches any text.
bool MatchesPattern(const std::string& text, const std::string& pattern) {
  const std::string wildcard = "{any}";
  size_t from = 0;
  size_t start = 0;
  for (;;) {
    const size_t cut = pattern.find(wildcard, start);
    const std::string fragment =
        pattern.substr(start, cut == std::string::npos ? std::string::npos : cut - start);
    const size_t at = text.find(fragment, from);
    if (at == std::string::npos) return false;
    from = at + fragment.size();
    if (cut == std::string::npos) return true;
    start = cut + wildcard.size();
  }
}

struct RunResult {
  bool started = false;
  std::string start_error;
  bool timed_out = false;
  int exit_code = -1;  // 128 + signal when killed by a signal
  std::string how;     // "exit code N" or "killed by signal N"
  std::chrono::milliseconds elapsed{0};
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] = the binary) with stdin from /dev/null and the working directory
// `cwd`; stdout and stderr are captured through files in `capture_dir`.
RunResult RunProgram(const std::vector<std::string>& argv, const std::string& cwd,
                     const std::string& capture_dir) {
  RunResult result;
  const std::string out_path = capture_dir + "/stdout";
  const std::string err_path = capture_dir + "/stderr";
  const int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (out_fd < 0 || err_fd < 0) {
    result.start_error = std::string("cannot create the capture files: ") + std::strerror(errno);
    if (out_fd >= 0) ::close(out_fd);
    if (err_fd >= 0) ::close(err_fd);
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 29))
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
#else
  (void)cwd;
#endif

  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  // The environment, without a default model that could change what a case loads.
  std::vector<char*> env;
  for (char** e = environ; *e != nullptr; ++e) {
    if (std::strncmp(*e, "SPILLOVER_MODEL=", 16) != 0) env.push_back(*e);
  }
  env.push_back(nullptr);

  // A process group of its own, so that a timeout kills whatever the program started.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);

  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  const int spawn_error =
      posix_spawn(&pid, args[0], &actions, &attributes, args.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  ::close(out_fd);
  ::close(err_fd);
  if (spawn_error != 0) {
    result.start_error = "cannot start " + argv[0] + ": " + std::strerror(spawn_error);
    return result;
  }
  result.started = true;

  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) {
      result.start_error = std::string("waitpid failed: ") + std::strerror(errno);
      break;
    }
    if (std::chrono::steady_clock::now() - start > kTimeout) {
      result.timed_out = true;
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
    result.how = "exit code " + std::to_string(result.exit_code);
  } else if (WIFSIGNALED(status)) {
    result.exit_code = 128 + WTERMSIG(status);
    result.how = "killed by signal " + std::to_string(WTERMSIG(status));
  }
  result.out = ReadWholeFile(out_path);
  result.err = ReadWholeFile(err_path);
  return result;
}

std::string MakeTempDir(const std::string& tag) {
  std::string pattern =
      (fs::temp_directory_path() / ("spillover-bad-input-" + tag + "-XXXXXX")).string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (::mkdtemp(buffer.data()) == nullptr) return "";
  return std::string(buffer.data());
}

// Every entry under `dir` (files, folders, links), as paths relative to it.
std::vector<std::string> EntriesUnder(const std::string& dir) {
  std::vector<std::string> entries;
  std::error_code error;
  for (fs::recursive_directory_iterator it(dir, error), end; !error && it != end;
       it.increment(error)) {
    entries.push_back(fs::relative(it->path(), dir).string());
  }
  if (error) entries.push_back("<cannot list: " + error.message() + ">");
  return entries;
}

std::string Quote(const std::string& text) { return "[" + text + "]"; }

class BadInputTest : public ::testing::TestWithParam<Case> {};

TEST_P(BadInputTest, FailsCleanly) {
  const Case& c = GetParam();
  const std::string out_dir = MakeTempDir("out");
  const std::string capture_dir = MakeTempDir("capture");
  ASSERT_FALSE(out_dir.empty()) << "cannot create a temporary directory";
  ASSERT_FALSE(capture_dir.empty()) << "cannot create a temporary directory";

  std::vector<std::string> argv = {SPILLOVER_BINARY};
  for (const auto& token : SplitCommand(c.command)) {
    argv.push_back(ReplaceAll(ReplaceAll(token, "{root}", Root()), "{out}", out_dir));
  }
  const std::string expected = ReplaceAll(c.expected_stderr, "{root}", Root());
  std::string shown_command = "spillover";
  for (size_t i = 1; i < argv.size(); ++i) shown_command += " " + argv[i];
  SCOPED_TRACE("cases.csv line " + std::to_string(c.line) + ": " + shown_command);

  const RunResult run = RunProgram(argv, out_dir, capture_dir);
  ASSERT_TRUE(run.started) << run.start_error;

  EXPECT_FALSE(run.timed_out) << "still running after " << kTimeout.count()
                              << " s; killed (a hang)";
  EXPECT_LT(run.elapsed.count(), kMaxTime.count()) << "took " << run.elapsed.count() << " ms";
  EXPECT_EQ(run.exit_code, c.expected_exit) << "expected exit code " << c.expected_exit << ", got "
                                            << run.how << "\nstderr: " << Quote(run.err);
  EXPECT_TRUE(MatchesPattern(run.err, expected))
      << "stderr lacks the expected message\n  expected: " << Quote(expected)
      << "\n  actual:   " << Quote(run.err);
  EXPECT_EQ(run.err.find("internal error"), std::string::npos)
      << "stderr reports an internal error: " << Quote(run.err);

  const std::vector<std::string> left = EntriesUnder(out_dir);
  std::string listing;
  for (const auto& entry : left) listing += "\n  " + entry;
  EXPECT_TRUE(left.empty()) << "files left behind in {out}:" << listing;
  for (const auto& entry : left) {
    EXPECT_EQ(fs::path(entry).filename().string().find(".tmp."), std::string::npos)
        << "temporary file left behind: " << entry;
  }

  std::error_code ignored;
  fs::remove_all(out_dir, ignored);
  fs::remove_all(capture_dir, ignored);
}

std::string CaseName(const ::testing::TestParamInfo<Case>& info) { return info.param.name; }

INSTANTIATE_TEST_SUITE_P(Corpus, BadInputTest, ::testing::ValuesIn(Cases()), CaseName);

// The table itself: readable, big enough, and the corpus as large as the issue asks.
TEST(BadInputCorpus, TableLoadsAndIsLargeEnough) {
  ASSERT_TRUE(LoadError().empty() || !Cases().empty()) << LoadError();
  ASSERT_TRUE(LoadError().empty()) << LoadError();
  EXPECT_GE(Cases().size(), kMinCases);
}

TEST(BadInputCorpus, HasEnoughScenarioFilesAndModelFolders) {
  size_t scenarios = 0;
  size_t models = 0;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(Root() + "/scenarios", error)) {
    if (entry.path().extension() == ".yaml") ++scenarios;
  }
  for (const auto& entry : fs::directory_iterator(Root() + "/models", error)) {
    if (entry.is_directory()) ++models;
  }
  EXPECT_GE(scenarios, kMinScenarioFiles);
  EXPECT_GE(models, kMinModelFolders);
}

TEST(BadInputCorpus, EveryFileIsUsedByACase) {
  std::string all_commands;
  for (const auto& c : Cases()) all_commands += c.command + "\n";
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(Root() + "/scenarios", error)) {
    const std::string name = "{root}/scenarios/" + entry.path().filename().string();
    EXPECT_TRUE(all_commands.find(name + " ") != std::string::npos ||
                all_commands.find(name + "\n") != std::string::npos)
        << name << " is used by no case";
  }
  for (const auto& entry : fs::directory_iterator(Root() + "/models", error)) {
    const std::string name = "{root}/models/" + entry.path().filename().string();
    EXPECT_TRUE(all_commands.find(name + " ") != std::string::npos ||
                all_commands.find(name + "\n") != std::string::npos)
        << name << " is used by no case";
  }
}

}  // namespace
