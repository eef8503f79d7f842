// Building and solving the points of a sweep, shared by `spillover sweep` (RunSweep) and
// `spillover validate`, so that both fail exactly the same points in the same words.
#include <algorithm>

#include "core/error.h"
#include "io/model_location.h"
#include "io/yaml_read.h"
#include "run/simulate.h"
#include "scenario/scenario.h"
#include "sweep/sweep_runner.h"

namespace spillover {

std::string SweepModelFolder(const SweepSpec& spec, const std::string& model_folder) {
  return model_folder.empty() ? ScenarioModelFolder(spec.base, spec.base_file, DefaultModelFolder())
                              : model_folder;
}

Scenario PointScenario(const SweepSpec& spec, const std::vector<std::string>& values,
                       const Model& model) {
  YamlNode tree = spec.base;
  for (size_t i = 0; i < spec.parameters.size(); ++i) {
    YamlNode value;
    value.kind = YamlNode::Kind::kScalar;
    value.scalar = values[i];
    SetValueAtPath(&tree, spec.parameters[i].path, value,
                   spec.parameters[i].where.ToString() + " (value " + value.scalar + ")",
                   spec.base_file);
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
                      int64_t max_points, FailedPoints* failed) {
  const PreparedModel& model = cache->Get(SweepModelFolder(spec, model_folder));
  const SweepPoints points(spec);
  const int64_t count = std::min(points.count(), max_points);
  // As RunSweep: a first point that cannot be built is the sweep's error, not a point's.
  PointScenario(spec, points.Values(0), model.model());
  for (int64_t first = 0; first < count; first += kSweepBlock) {
    const int64_t last = std::min(count, first + kSweepBlock);
    const std::vector<SolvedPoint> solved =
        SolvePoints(spec, points, model, SweepDetail::kTotals, first, last);
    for (int64_t p = first; p < last; ++p) {
      const SolvedPoint& point = solved[static_cast<size_t>(p - first)];
      if (!point.error.empty()) failed->Add(spec, p, point.values, point.error);
    }
  }
  return count;
}

}  // namespace spillover
