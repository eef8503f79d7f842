#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <thread>

#ifdef SPILLOVER_WITH_MPI
#include <mpi.h>
#endif

#include "cli/commands.h"
#include "cli/options.h"
#include "spillover/files.h"

namespace spillover::cli {

namespace api = spillover::api;

#ifdef SPILLOVER_WITH_MPI
namespace {

// MPI for the lifetime of a sweep. An error on one rank aborts them all: the others
// would otherwise wait at the barrier for ever.
class MpiSession {
 public:
  MpiSession() {
    MPI_Init(nullptr, nullptr);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
  }
  ~MpiSession() { MPI_Finalize(); }
  [[noreturn]] void Abort(const std::string& message) const {
    std::cerr << "error (rank " << rank_ << " of " << size_ << "): " << message << "\n";
    MPI_Abort(MPI_COMM_WORLD, 2);
    std::abort();
  }
  int rank() const { return rank_; }
  int size() const { return size_; }
  void Barrier() const { MPI_Barrier(MPI_COMM_WORLD); }

 private:
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace
#endif

namespace {

// Exit code 3 for a sweep with failed points (0 with --keep-going), with the summary of
// its failures last on standard error: the same for a run, a resume, a merge and MPI.
int FailedPointsExit(const api::SweepOutcome& outcome, const std::string& what, bool keep_going) {
  if (outcome.failed == 0) return 0;
  std::cerr << (keep_going ? "warning: " : "error: ") << what << ": " << outcome.failures;
  return keep_going ? 0 : static_cast<int>(ExitCode::kFailedPoints);
}

const char* const kKeepGoingHelp =
    "exit 0 even if some points failed (they are still listed on standard error and carry "
    "their message in the error column); without it such a sweep exits 3";

}  // namespace

int Sweep(const Args& args) {
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "out,o", po::value<std::string>()->required(),
      "output folder: results.csv (see --layout), points.csv (one "
      "row per point), summary.csv (Monte Carlo), sweep.meta")(
      "threads,j", po::value<int>()->default_value(static_cast<int>(hardware)),
      "worker threads (results do not depend on it)")(
      "shard", po::value<std::string>()->default_value("1/1"),
      "run only shard K of N (K/N), e.g. one task of a Slurm job array; merge with "
      "'spillover merge'")("resume", "continue an interrupted sweep in --out")(
      "force", "replace the results of an earlier sweep in --out")(
      "detail", po::value<std::string>()->default_value("sectors"),
      "rows per point: points (points.csv only), totals (headline and partner totals), "
      "sectors (+ every sector), or all (+ partner x product trade)")(
      "layout", po::value<std::string>()->default_value("tidy"),
      "results.csv: tidy (one row per point and variable) or wide (one row per point, the "
      "change of each variable in a column, described in columns.csv; with --detail totals "
      "or sectors)")("model,m", po::value<std::string>()->default_value(""),
                     "model folder (default: the base scenario's `model`)")(
      "quiet,q", "no progress line")("keep-going", kKeepGoingHelp)(
      "max-points", po::value<long long>(),
      "allow a sweep of more points than the limit (default 10,000,000; docs/limits.md)");
  // For the tests: stop as if killed after N blocks.
  po::options_description hidden;
  hidden.add_options()("stop-after-blocks", po::value<long long>()->default_value(-1), "");
  po::variables_map vm;
  const std::string usage =
      "Usage: spillover sweep SWEEP.yaml --out DIR [OPTIONS]\n"
      "Runs every point of a sweep (grid or Monte Carlo) on the base scenario's model.\n"
      "Points are solved in blocks against one factorisation and streamed to DIR in point\n"
      "order; an interrupted sweep continues with --resume. See docs/sweeps.md.\n"
      "Exit codes: 0 every point solved, 3 some points failed (listed on standard error;\n"
      "0 with --keep-going), 2 bad input, 1 internal error.";
  if (!ParseOptions(args, options, "file", usage, &vm, &hidden)) return 0;
  const auto files =
      vm.count("file") ? vm["file"].as<std::vector<std::string>>() : std::vector<std::string>();
  if (files.size() != 1) throw InputError("expected one sweep file; see 'spillover sweep --help'");
  api::SweepRun opt;
  opt.out_dir = vm["out"].as<std::string>();
  const std::string model_folder = vm["model"].as<std::string>();
  opt.threads = vm["threads"].as<int>();
  if (opt.threads < 1 || opt.threads > 256) {
    throw InputError("--threads " + std::to_string(opt.threads) +
                     " is out of range; expected 1 to 256");
  }
  const std::string shard = vm["shard"].as<std::string>();
  api::ParseShard(shard, &opt.shard, &opt.shards);
  opt.resume = vm.count("resume") > 0;
  opt.force = vm.count("force") > 0;
  opt.progress = vm.count("quiet") == 0;
  opt.stop_after_blocks = vm["stop-after-blocks"].as<long long>();
  if (vm.count("max-points")) opt.max_points = vm["max-points"].as<long long>();
  const std::string detail = vm["detail"].as<std::string>();
  if (detail != "points" && detail != "totals" && detail != "sectors" && detail != "all") {
    throw InputError("--detail '" + detail + "' is not one of points, totals, sectors, all");
  }
  opt.points_only = detail == "points";
  opt.detail = opt.points_only ? api::Detail::kTotals : api::DetailFromString(detail);
  const std::string layout = vm["layout"].as<std::string>();
  if (layout != "tidy" && layout != "wide") {
    throw InputError("--layout '" + layout + "' is not one of tidy, wide");
  }
  opt.wide = layout == "wide";
  const std::string& file = files.front();
  const api::Sweep sweep = api::Sweep::FromFile(file);
#ifdef SPILLOVER_WITH_MPI
  // Under mpirun each rank runs one shard into a folder of its own; rank 0 then merges
  // them into --out, giving the files of a single-machine run.
  MpiSession mpi;
  if (mpi.size() > 1) {
    if (opt.shards > 1) throw InputError("--shard cannot be combined with mpirun -n > 1");
    const std::string out = opt.out_dir;
    opt.shard = mpi.rank();
    opt.shards = mpi.size();
    opt.out_dir = out + "/.rank-" + std::to_string(mpi.rank());
    opt.progress = opt.progress && mpi.rank() == 0;
    // Rank 0 merges, and so knows the whole sweep's failures; it alone exits 3 for them,
    // which mpirun passes on as its own exit code.
    int code = 0;
    try {
      api::SweepFiles(sweep, opt, model_folder);
      mpi.Barrier();
      if (mpi.rank() == 0) {
        std::vector<std::string> dirs;
        for (int r = 0; r < mpi.size(); ++r) dirs.push_back(out + "/.rank-" + std::to_string(r));
        const api::SweepOutcome merged = api::MergeSweeps(dirs, out);
        for (const auto& d : dirs) std::filesystem::remove_all(d);
        if (opt.progress) {
          std::cerr << sweep.name() << ": merged " << mpi.size() << " ranks into " << out << ", "
                    << merged.failed << " of " << merged.points << " points failed\n";
        }
        code = FailedPointsExit(merged, sweep.source(), vm.count("keep-going") > 0);
      }
    } catch (const std::exception& e) {
      mpi.Abort(e.what());  // the other ranks would wait at the barrier for ever
    }
    mpi.Barrier();
    return code;
  }
#endif
  const api::SweepOutcome report = api::SweepFiles(sweep, opt, model_folder);
  // Failed points are listed last, after the progress line, whatever --quiet says; a
  // resume of a finished sweep lists those of its points.csv.
  const auto finish = [&]() {
    return FailedPointsExit(report, sweep.source(), vm.count("keep-going") > 0);
  };
  if (!opt.progress) return finish();
  char seconds[64];
  std::snprintf(seconds, sizeof seconds, "%.2f", report.seconds);
  std::cerr << sweep.name() << ": " << report.points << " points"
            << (opt.shards > 1 ? " (shard " + shard + ")" : "") << ", " << report.failed
            << " failed, " << (report.finished ? "finished" : "stopped") << " in " << seconds
            << " s";
  if (report.points_run > 0 && report.seconds > 0) {
    std::cerr << " (" << report.points_run << " solved, "
              << static_cast<long long>(static_cast<double>(report.points_run) / report.seconds)
              << " points/s";
    if (report.linear && report.linear_points == report.points_run) {
      std::cerr << ", linear fast path";
    } else if (report.linear) {
      std::cerr << ", " << report.linear_points << " by the linear fast path and "
                << report.points_run - report.linear_points << " by the general path";
    }
    std::cerr << ")";
  }
  std::cerr << "; results in " << opt.out_dir << "\n";
  return finish();
}

int Merge(const Args& args) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")("out,o", po::value<std::string>()->required(),
                                                    "folder for the merged results")(
      "keep-going", kKeepGoingHelp);
  po::variables_map vm;
  const std::string usage =
      "Usage: spillover merge SHARD_DIR... --out DIR\n"
      "Combines the output folders of all shards of one sweep into the files a single run\n"
      "would have written (and the Monte Carlo summary).\n"
      "Exit codes: 0, or 3 when points of the sweep failed (listed on standard error; 0 with\n"
      "--keep-going), as the sweep itself; 2 bad input, 1 internal error.";
  if (!ParseOptions(args, options, "dirs", usage, &vm)) return 0;
  if (!vm.count("dirs")) throw InputError("no shard folders given; see 'spillover merge --help'");
  const std::string out = vm["out"].as<std::string>();
  const api::SweepOutcome merged = api::MergeSweeps(vm["dirs"].as<std::vector<std::string>>(), out);
  return FailedPointsExit(merged, out, vm.count("keep-going") > 0);
}

}  // namespace spillover::cli
