// Loading a model from its CSV tables.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fixtures.h"
#include "io/csv.h"
#include "io/model_io.h"

namespace spillover::bench {
namespace {

// The whole loader: model.yaml, Z, Y and V, and every check including productivity (which
// factorises I − A).
void BM_LoadModel(benchmark::State& state) {
  const std::string& folder = ModelFolderFor(state.range(0));  // written once, not timed
  for (auto _ : state) {
    LoadedModel loaded = LoadModel(folder);
    benchmark::DoNotOptimize(loaded.model.intermediate.data());
    benchmark::ClobberMemory();
  }
}

// Reading Z alone: n × n numbers with 6 significant digits.
void BM_ReadZ(benchmark::State& state) {
  const Index n = state.range(0);
  const std::string path = (std::filesystem::path(ModelFolderFor(n)) / "Z.csv").string();
  const std::vector<std::string> codes = InputsFor(n).model.SectorCodes();
  for (auto _ : state) {
    Matrix z = ReadLabelledMatrix(path, codes, codes);
    benchmark::DoNotOptimize(z.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(std::filesystem::file_size(path)));
}

// The peer's tables (/work/shared/tools/gen_mrio.py): SPILLOVER_PEER_TABLES names the folder
// that holds its mrio_N<n> folders.
std::string PeerFolder(Index n) {
  const char* root = std::getenv("SPILLOVER_PEER_TABLES");
  return (std::filesystem::path(root ? root : "") / ("mrio_N" + std::to_string(n))).string();
}

// The codes of the header row (all cells after the first; the peer quotes none).
std::vector<std::string> HeaderCodes(const std::string& path) {
  std::ifstream file(path);
  std::string header;
  std::getline(file, header);
  if (!header.empty() && header.back() == '\r') header.pop_back();
  std::vector<std::string> codes;
  std::stringstream cells(header);
  std::string cell;
  for (bool first = true; std::getline(cells, cell, ','); first = false) {
    if (!first) codes.push_back(cell);
  }
  return codes;
}

// Like-for-like with pandas read_csv of Z alone on the same file.
void BM_PeerReadZ(benchmark::State& state) {
  const std::string path = PeerFolder(state.range(0)) + "/Z.csv";
  const std::vector<std::string> codes = HeaderCodes(path);
  for (auto _ : state) {
    Matrix z = ReadLabelledMatrix(path, codes, codes);
    benchmark::DoNotOptimize(z.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(std::filesystem::file_size(path)));
}

// Like-for-like with the peer's 2.8–3.5 s: pandas read_csv of Z, Y and x.
void BM_PeerReadZYx(benchmark::State& state) {
  const std::string folder = PeerFolder(state.range(0));
  const std::vector<std::string> codes = HeaderCodes(folder + "/Z.csv");
  const std::vector<std::string> categories = HeaderCodes(folder + "/Y.csv");
  const std::vector<std::string> output = HeaderCodes(folder + "/x.csv");
  for (auto _ : state) {
    Matrix z = ReadLabelledMatrix(folder + "/Z.csv", codes, codes);
    Matrix y = ReadLabelledMatrix(folder + "/Y.csv", codes, categories);
    Matrix x = ReadLabelledMatrix(folder + "/x.csv", codes, output);
    benchmark::DoNotOptimize(z.data());
    benchmark::DoNotOptimize(y.data());
    benchmark::DoNotOptimize(x.data());
    benchmark::ClobberMemory();
  }
}

}  // namespace

void RegisterLoadBenchmarks() {
  RegisterAtSizes("load_model", BM_LoadModel);
  RegisterAtSizes("read_Z", BM_ReadZ);
  // The peer's tables, for the sizes that were generated.
  if (std::getenv("SPILLOVER_PEER_TABLES") == nullptr) return;
  std::vector<Index> peer_sizes;
  for (const Index n : kSizes) {
    if (std::filesystem::is_regular_file(PeerFolder(n) + "/Z.csv")) peer_sizes.push_back(n);
  }
  RegisterAtSizes("peer_read_Z", BM_PeerReadZ, peer_sizes);
  RegisterAtSizes("peer_read_Z+Y+x", BM_PeerReadZYx, peer_sizes);
}

}  // namespace spillover::bench
