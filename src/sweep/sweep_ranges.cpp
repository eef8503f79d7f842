#include "sweep/sweep_ranges.h"

#include <cmath>
#include <limits>
#include <string>

#include "core/error.h"
#include "core/text.h"
#include "io/yaml_read.h"
#include "scenario/keys.h"
#include "scenario/scenario.h"

namespace spillover {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// What a swept shock key may hold: its bounds, and the large-change limit when it is read
// as a fraction and the shock does not allow large values.
struct Allowed {
  double min = -kInf;
  double max = kInf;
  double large_above = kInf;
  bool relative = false;
  const KeySpec* key = nullptr;
};

const Parameter* ParameterAt(const SweepSpec& spec, const std::string& path) {
  for (const auto& p : spec.parameters) {
    if (p.path == path) return &p;
  }
  return nullptr;
}

// The shock's setting of `key` in the base, or "" if the sweep varies it (then the rule is
// left to each point).
std::string BaseText(const SweepSpec& spec, const YamlNode& shock, const std::string& shock_path,
                     const std::string& key, const std::string& fallback, bool* varied) {
  if (const Parameter* p = ParameterAt(spec, shock_path + "." + key)) {
    *varied = true;
    for (const auto& v : p->values) {
      if (v == "relative") return "relative";  // a swept mode: relative if any value is
    }
    return p->values.empty() ? fallback : p->values.front();
  }
  const YamlNode* node = shock.Find(key);
  return node != nullptr && node->IsScalar() ? node->scalar : fallback;
}

bool AllowedFor(const SweepSpec& spec, const Parameter& p, Allowed* allowed) {
  const std::string prefix = "shocks.";
  if (p.path.compare(0, prefix.size(), prefix) != 0) return false;
  const size_t dot = p.path.find('.', prefix.size());
  if (dot == std::string::npos || p.path.find('.', dot + 1) != std::string::npos) return false;
  const std::string shock_path = p.path.substr(0, dot);
  const std::string name = p.path.substr(prefix.size(), dot - prefix.size());
  const std::string key_name = p.path.substr(dot + 1);
  // A sweep may add a shock by setting its type; otherwise the shock must exist.
  if (ParameterAt(spec, shock_path + ".type") == nullptr) {
    CheckShockOfPath(spec.base, p.path, spec.base_file, p.where);
  }
  const YamlNode* shocks = spec.base.IsMap() ? spec.base.Find("shocks") : nullptr;
  const YamlNode* shock = shocks != nullptr && shocks->IsMap() ? shocks->Find(name) : nullptr;
  const KeySpec* key = FindKey(KeyScope::kShock, key_name);
  if (shock == nullptr || !shock->IsMap() || key == nullptr) return false;
  if (key->type != KeyType::kNumber && key->type != KeyType::kInteger) return false;
  bool varied = false;
  const std::string type = BaseText(spec, *shock, shock_path, "type", "", &varied);
  const std::string mode = BaseText(spec, *shock, shock_path, "mode", "relative", &varied);
  bool allow_varied = false;
  const bool allow_large =
      BaseText(spec, *shock, shock_path, "allow_large", "false", &allow_varied) == "true";
  allowed->key = key;
  allowed->min = key->min;
  allowed->max = key->max;
  allowed->relative = IsRelativeValue(*key, type, mode);
  // A relative change cannot lose more than all of the flow.
  if (allowed->relative && key->name == "change") allowed->min = std::max(allowed->min, -1.0);
  if (allowed->relative && !allow_large && !allow_varied) allowed->large_above = key->large_above;
  return true;
}

std::string RangeText(const Allowed& a) {
  const bool low = std::isfinite(a.min) && a.min > -1e15;
  const double high_value = std::min(a.max, a.large_above);
  const bool high = std::isfinite(high_value) && high_value < 1e15;
  if (low && high) return "[" + FormatNumber(a.min) + ", " + FormatNumber(high_value) + "]";
  if (low) return ">= " + FormatNumber(a.min);
  return "<= " + FormatNumber(high_value);
}

void CheckSwept(const Parameter& p, const Allowed& a, double value) {
  if (a.key != nullptr) {
    const std::string problem = LargeValueProblem(*a.key, value, a.large_above == kInf);
    if (!problem.empty()) throw InputError(p.where, "a swept " + problem);
  }
  if (value < a.min || value > a.max) {
    throw InputError(p.where, "a swept value " + FormatNumber(value) +
                                  " is out of range; expected a number in " + RangeText(a) +
                                  " (checked before any point is solved)");
  }
}

// One parameter's whole range; throws at the first value out of it.
void CheckParameterRange(const SweepSpec& spec, const Parameter& p) {
  Allowed a;
  if (!AllowedFor(spec, p, &a)) return;
  if (spec.method == SweepMethod::kGrid) {
    for (const auto& text : p.values) {
      double value = 0.0;
      if (!ParseNumber(text, &value)) {
        throw InputError(p.where, "a swept value '" + Echo(text) + "' is not a number; " +
                                      "expected " + a.key->Expected());
      }
      CheckSwept(p, a, value);
    }
    return;
  }
  const bool bounded_key = a.min > -1e15 || std::min(a.max, a.large_above) < 1e15;
  switch (p.distribution) {
    case Distribution::kUniform:
    case Distribution::kTriangular:
    case Distribution::kTruncatedNormal:
      CheckSwept(p, a, p.low);
      CheckSwept(p, a, p.high);
      break;
    case Distribution::kNormal:
    case Distribution::kLognormal:
      if (bounded_key) {
        throw InputError(p.where, "a " + ToString(p.distribution) +
                                      " distribution has an unbounded tail, so some draws "
                                      "would fall outside the range of this key, " +
                                      RangeText(a) +
                                      "; use `truncated_normal` with `low` and `high` within "
                                      "that range (or `uniform`, `triangular`)");
      }
      break;
  }
}

}  // namespace

void CheckSweepRanges(const SweepSpec& spec, ErrorList* errors) {
  for (const auto& p : spec.parameters) errors->Try([&] { CheckParameterRange(spec, p); });
}

}  // namespace spillover
