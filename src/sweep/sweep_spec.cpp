#include "sweep/sweep_spec.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "core/error.h"
#include "core/text.h"
#include "io/yaml_read.h"
#include "scenario/keys.h"
#include "scenario/scenario.h"
#include "sweep/sweep_ranges.h"

namespace spillover {
namespace {

const std::pair<SweepMethod, const char*> kMethods[] = {{SweepMethod::kGrid, "grid"},
                                                        {SweepMethod::kMonteCarlo, "monte_carlo"}};
const std::pair<Distribution, const char*> kDistributions[] = {
    {Distribution::kUniform, "uniform"},
    {Distribution::kNormal, "normal"},
    {Distribution::kTruncatedNormal, "truncated_normal"},
    {Distribution::kTriangular, "triangular"},
    {Distribution::kLognormal, "lognormal"}};

// Rounds away the binary noise of start + k·step (0.30000000000000004 -> 0.3).
std::string Tidy(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return FormatNumber(std::strtod(buffer, nullptr));
}

// Checks every key of `node` against the table scope, and the required ones, adding each
// mistake to `errors`; true when there was none. A required key is not reported missing
// when an unknown key is its misspelling: that error already names it.
bool CheckKeys(const std::string& file, const YamlNode& node, const std::string& path,
               KeyScope scope, const std::string& subtype, ErrorList* errors) {
  const std::vector<std::string> valid = KeyNames(scope, subtype);
  if (!node.IsMap()) {
    errors->Add(InputError(LocationOf(file, node, path),
                           std::string("expected a mapping, got a ") + YamlKindName(node.kind)));
    return false;
  }
  bool ok = true;
  std::vector<std::string> suggested;
  for (const auto& [key, value] : node.entries) {
    const KeySpec* spec = FindKey(scope, key.scalar);
    const std::string key_path = path + "." + key.scalar;
    if (spec == nullptr) suggested.push_back(NearestName(key.scalar, valid));
    ok = errors->Try([&, &key = key, &value = value] {
      if (spec == nullptr || (!subtype.empty() && !spec->AppliesTo(subtype))) {
        throw InputError(LocationOf(file, key, key_path),
                         spec == nullptr
                             ? "unknown key" + SuggestOrList(key.scalar, valid, "valid keys here")
                             : "a `" + subtype +
                                   "` parameter does not take this key; valid keys "
                                   "here: " +
                                   Join(valid, ", "));
      }
      CheckValue(file, value, key_path, *spec);
    }) && ok;
  }
  for (const auto& name : valid) {
    const KeySpec* spec = FindKey(scope, name);
    if (spec->required && node.Find(name) == nullptr) {
      ok = false;
      if (std::find(suggested.begin(), suggested.end(), name) != suggested.end()) continue;
      errors->Add(InputError(LocationOf(file, node, path + "." + name),
                             "required key is missing; expected " + spec->Expected()));
    }
  }
  return ok;
}

std::vector<double> Numbers(const std::string& file, const YamlNode& list, const std::string& path,
                            size_t count) {
  if (list.items.size() != count) {
    throw InputError(
        LocationOf(file, list, path),
        "expected " + std::to_string(count) + " numbers, got " + std::to_string(list.items.size()));
  }
  std::vector<double> out;
  for (const auto& item : list.items) out.push_back(ReadNumber(file, item, path));
  return out;
}

void ReadGridValues(const std::string& file, const YamlNode& node, const std::string& path,
                    Parameter* p) {
  const char* forms[] = {"values", "range", "linspace"};
  int given = 0;
  for (const char* form : forms) given += node.Find(form) != nullptr;
  if (given != 1) {
    throw InputError(LocationOf(file, node, path),
                     "a grid parameter needs exactly one of values, range, linspace");
  }
  if (const YamlNode* values = node.Find("values")) {
    for (const auto& item : values->items) p->values.push_back(item.scalar);
  } else if (const YamlNode* range = node.Find("range")) {
    const auto r = Numbers(file, *range, path + ".range", 3);
    if (!(r[2] != 0.0) || (r[1] - r[0]) / r[2] < 0 || (r[1] - r[0]) / r[2] > 1e7) {
      throw InputError(LocationOf(file, *range, path + ".range"),
                       "expected [start, stop, step] with a step that goes from start to stop "
                       "in at most 10,000,000 steps");
    }
    // Counting steps, not adding them, keeps the values free of accumulated rounding.
    const auto steps = static_cast<int64_t>(std::floor((r[1] - r[0]) / r[2] + 1e-9));
    for (int64_t k = 0; k <= steps; ++k) {
      p->values.push_back(Tidy(r[0] + static_cast<double>(k) * r[2]));
    }
  } else {
    const YamlNode* lin = node.Find("linspace");
    const auto l = Numbers(file, *lin, path + ".linspace", 3);
    if (l[2] < 1 || l[2] > 1e7 || l[2] != std::floor(l[2])) {
      throw InputError(LocationOf(file, *lin, path + ".linspace"),
                       "expected [start, stop, count] with a whole count from 1 to 10,000,000");
    }
    const auto count = static_cast<int64_t>(l[2]);
    for (int64_t k = 0; k < count; ++k) {
      const double t = count == 1 ? 0.0 : static_cast<double>(k) / static_cast<double>(count - 1);
      p->values.push_back(Tidy(k == count - 1 && count > 1 ? l[1] : l[0] + t * (l[1] - l[0])));
    }
  }
  if (const YamlNode* group = node.Find("group")) p->group = group->scalar;
}

void ReadDistribution(const std::string& file, const YamlNode& node, const std::string& path,
                      Parameter* p) {
  const YamlNode* d = node.Find("distribution");
  if (d == nullptr) {
    throw InputError(LocationOf(file, node, path + ".distribution"),
                     "a monte_carlo parameter needs a distribution");
  }
  FromString(d->scalar, &p->distribution);
  ErrorList key_errors;
  CheckKeys(file, node, path, KeyScope::kParameter, d->scalar, &key_errors);
  key_errors.ThrowIfAny();  // the caller collects them with the file's other mistakes
  for (const auto& form : {"values", "range", "linspace", "group"}) {
    if (node.Find(form) != nullptr) {
      throw InputError(LocationOf(file, *node.Find(form), path + "." + form),
                       std::string("`") + form + "` belongs to grid sweeps, not monte_carlo");
    }
  }
  auto need = [&](const char* key) {
    const YamlNode* v = node.Find(key);
    if (v == nullptr) {
      throw InputError(LocationOf(file, node, path + "." + key),
                       "required by the " + d->scalar + " distribution");
    }
    return ReadNumber(file, *v, path + "." + key);
  };
  switch (p->distribution) {
    case Distribution::kUniform:
    case Distribution::kTriangular:
    case Distribution::kTruncatedNormal:
      p->low = need("low");
      p->high = need("high");
      if (!(p->low < p->high)) {
        throw InputError(LocationOf(file, node, path), "expected low < high");
      }
      break;
    default:
      break;
  }
  if (p->distribution == Distribution::kTriangular) {
    p->mode = need("mode");
    if (p->mode < p->low || p->mode > p->high) {
      throw InputError(LocationOf(file, *node.Find("mode"), path + ".mode"),
                       "expected low <= mode <= high");
    }
  }
  if (p->distribution == Distribution::kNormal ||
      p->distribution == Distribution::kTruncatedNormal) {
    p->mean = need("mean");
    p->sd = need("sd");
  }
  if (p->distribution == Distribution::kLognormal) {
    p->mu = need("mu");
    p->sigma = need("sigma");
  }
}

// `base:`, resolved against the sweep file's folder, parsed into spec->base.
void ReadBase(const std::string& file, const YamlNode& base, SweepSpec* spec) {
  namespace fs = std::filesystem;
  fs::path base_path(base.scalar);
  if (base_path.is_relative() && file != "<stdin>") {
    base_path = fs::path(file).parent_path() / base_path;
  }
  spec->base_file = base_path.lexically_normal().string();
  try {
    spec->base = ParseYamlFile(spec->base_file);
  } catch (const InputError& e) {
    throw InputError(LocationOf(file, base, "sweep.base"), e.what());
  }
  if (IsSweep(spec->base)) {
    throw InputError(LocationOf(file, base, "sweep.base"),
                     "'" + spec->base_file + "' is a sweep; the base must be a scenario");
  }
}

}  // namespace

std::string ToString(SweepMethod method) {
  for (const auto& [m, name] : kMethods) {
    if (m == method) return name;
  }
  return "?";
}
bool FromString(const std::string& text, SweepMethod* method) {
  for (const auto& [m, name] : kMethods) {
    if (text == name) {
      *method = m;
      return true;
    }
  }
  return false;
}
std::string ToString(Distribution distribution) {
  for (const auto& [d, name] : kDistributions) {
    if (d == distribution) return name;
  }
  return "?";
}
bool FromString(const std::string& text, Distribution* distribution) {
  for (const auto& [d, name] : kDistributions) {
    if (text == name) {
      *distribution = d;
      return true;
    }
  }
  return false;
}

namespace {

void Describe(const YamlNode& node, std::string* out) {
  *out += std::to_string(static_cast<int>(node.kind)) + ":" + node.scalar + "{";
  for (const auto& item : node.items) Describe(item, out);
  for (const auto& [key, value] : node.entries) {
    *out += key.scalar + "=";
    Describe(value, out);
  }
  *out += "}";
}

}  // namespace

std::string Fingerprint(const SweepSpec& spec) {
  std::string text = spec.name + "|" + ToString(spec.method) + "|" + std::to_string(spec.seed) +
                     "|" + std::to_string(spec.samples) + "|" + spec.base_file + "|";
  Describe(spec.base, &text);
  for (const auto& p : spec.parameters) {
    text += "|" + p.path + "|" + p.group + "|" + ToString(p.distribution);
    for (const auto& v : p.values) text += "," + v;
    for (double x : {p.low, p.high, p.mode, p.mean, p.sd, p.mu, p.sigma})
      text += ";" + FormatNumber(x);
  }
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buffer[20];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(h));
  return buffer;
}

bool IsSweep(const YamlNode& root) { return root.IsMap() && root.Find("sweep") != nullptr; }

SweepSpec ParseSweep(const YamlNode& root, const std::string& file) {
  if (root.IsMap() && root.Find("sweep") == nullptr && root.Find("shocks") != nullptr) {
    throw InputError(SourceLocation{file, 0, 0, ""},
                     "is a scenario, not a sweep (it has no top-level `sweep:`); run it with "
                     "'spillover run', or name it as `base:` of a sweep file");
  }
  if (root.IsMap() && root.Find("sweep") == nullptr) {
    // Sweep keys without their wrapper: say so, rather than only that `sweep:` is wanted.
    std::vector<std::string> sweep_keys;
    for (const auto& entry : root.entries) {
      if (FindKey(KeyScope::kSweep, entry.first.scalar) != nullptr) {
        sweep_keys.push_back("`" + entry.first.scalar + "`");
      }
    }
    if (!sweep_keys.empty()) {
      throw InputError(LocationOf(file, root.entries.front().first, ""),
                       "has no top-level `sweep:`; its sweep keys (" + Join(sweep_keys, ", ") +
                           ") belong under it: write `sweep:` on the first line and indent "
                           "the rest");
    }
  }
  if (!root.IsMap() || root.entries.size() != 1 || root.Find("sweep") == nullptr) {
    const YamlNode& at = root.IsMap() && !root.entries.empty() ? root.entries.front().first : root;
    throw InputError(LocationOf(file, at, ""),
                     "a sweep file holds one top-level key, `sweep:`; put everything under it");
  }
  const YamlNode& sweep = *root.Find("sweep");
  // Every mistake of the file at once (up to ErrorList::kMaxErrors), as for scenarios:
  // each key, parameter and range is checked on its own, and only what depends on a
  // part that failed is skipped.
  ErrorList errors;
  CheckKeys(file, sweep, "sweep", KeyScope::kSweep, "", &errors);
  if (!sweep.IsMap()) errors.ThrowIfAny();
  SweepSpec spec;
  spec.file = file;
  if (const YamlNode* n = sweep.Find("name")) spec.name = n->scalar;
  if (const YamlNode* d = sweep.Find("description")) spec.description = d->scalar;
  // An unknown method (already reported) would have every parameter read by the wrong
  // rules: they are left unread rather than reported for the wrong method.
  bool method_known = true;
  if (const YamlNode* m = sweep.Find("method")) method_known = FromString(m->scalar, &spec.method);
  if (const YamlNode* s = sweep.Find("seed")) {
    errors.Try([&] { spec.seed = static_cast<uint64_t>(ReadInteger(file, *s, "sweep.seed")); });
  }
  errors.Try([&] {
    if (const YamlNode* s = sweep.Find("samples")) {
      if (spec.method != SweepMethod::kMonteCarlo) {
        throw InputError(LocationOf(file, *s, "sweep.samples"),
                         "`samples` belongs to `method: monte_carlo`");
      }
      spec.samples = ReadInteger(file, *s, "sweep.samples");
    } else if (spec.method == SweepMethod::kMonteCarlo) {
      throw InputError(LocationOf(file, sweep, "sweep.samples"),
                       "required key is missing for `method: monte_carlo`");
    }
  });
  bool base_ok = false;
  if (const YamlNode* base = sweep.Find("base")) {
    base_ok = errors.Try([&] { ReadBase(file, *base, &spec); });
  }
  const YamlNode* parameters = sweep.Find("parameters");
  if (parameters != nullptr && parameters->IsMap() && parameters->entries.empty()) {
    errors.Add(InputError(LocationOf(file, *parameters, "sweep.parameters"),
                          "expected at least one parameter"));
  }
  const std::vector<std::pair<YamlNode, YamlNode>> no_entries;
  const auto& entries = method_known && parameters != nullptr && parameters->IsMap()
                            ? parameters->entries
                            : no_entries;
  for (const auto& [key, value] : entries) {
    Parameter p;
    p.path = key.scalar;
    p.where = LocationOf(file, key, "sweep.parameters." + key.scalar);
    const std::string path = "sweep.parameters." + key.scalar;
    const bool ok = errors.Try([&, &value = value] {
      if (spec.method == SweepMethod::kGrid) {
        ErrorList key_errors;
        CheckKeys(file, value, path, KeyScope::kParameter, "", &key_errors);
        key_errors.ThrowIfAny();
        if (value.Find("distribution") != nullptr) {
          throw InputError(LocationOf(file, *value.Find("distribution"), path + ".distribution"),
                           "`distribution` belongs to `method: monte_carlo`");
        }
        ReadGridValues(file, value, path, &p);
      } else {
        ReadDistribution(file, value, path, &p);
      }
    });
    if (ok) spec.parameters.push_back(std::move(p));
  }
  // Zipped parameters must have as many values as each other.
  for (const auto& p : spec.parameters) {
    if (p.group.empty()) continue;
    for (const auto& q : spec.parameters) {
      if (q.group == p.group && q.values.size() != p.values.size()) {
        errors.Add(InputError(q.where, "has " + std::to_string(q.values.size()) + " values but '" +
                                           p.path + "' of the same group '" + p.group + "' has " +
                                           std::to_string(p.values.size()) +
                                           "; zipped parameters need equal lengths"));
        break;
      }
    }
  }
  // The ranges need the base scenario; each parameter that was read is checked.
  if (base_ok) CheckSweepRanges(spec, &errors);
  errors.ThrowIfAny();
  return spec;
}

}  // namespace spillover
