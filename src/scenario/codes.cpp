#include "scenario/codes.h"

#include <cctype>
#include <set>

#include "core/error.h"
#include "core/text.h"
#include "io/yaml_read.h"

namespace spillover {
namespace {

// The entry that `text` names without regard to case, by code or by name (partners and
// regions: `rus`, `Russia`, `RUS`); -1 if none. Several is an error listing them.
Index MatchEntry(const std::string& file, const YamlNode& item, const std::string& path,
                 const std::vector<Entry>& entries, const std::string& what) {
  std::vector<Index> found;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (EqualIgnoringCase(entries[i].code, item.scalar) ||
        EqualIgnoringCase(entries[i].name, item.scalar)) {
      found.push_back(static_cast<Index>(i));
    }
  }
  if (found.size() > 1) {
    std::vector<std::string> shown;
    for (Index i : found) {
      const Entry& e = entries[static_cast<size_t>(i)];
      shown.push_back(e.code + (e.name.empty() ? std::string() : " (" + e.name + ")"));
    }
    throw InputError(LocationOf(file, item, path),
                     "'" + Echo(item.scalar) + "' is ambiguous: it names the " + what + "s " +
                         Join(shown, ", ") + "; write one of their codes exactly");
  }
  return found.empty() ? -1 : found.front();
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// " (did you mean 'EU27'?)" or "". For codes matched without regard to case (regions,
// partners), `eu28` is as near to `EU27` as `EU28` is.
std::string Suggestion(const std::string& text, const std::vector<std::string>& candidates,
                       bool ignore_case) {
  if (!ignore_case) return DidYouMean(text, candidates);
  std::vector<std::string> upper;
  for (const auto& c : candidates) upper.push_back(Upper(c));
  const std::string nearest = NearestName(Upper(text), upper);
  for (size_t i = 0; i < upper.size(); ++i) {
    if (upper[i] == nearest && !nearest.empty()) return " (did you mean '" + candidates[i] + "'?)";
  }
  return "";
}

}  // namespace

std::vector<Index> ResolveCodes(const std::string& file, const YamlNode& node,
                                const std::string& path, const std::vector<std::string>& codes,
                                const std::string& what, const CodeGroups& groups,
                                const std::vector<Entry>* entries) {
  std::vector<const YamlNode*> items;
  if (node.IsScalar()) {
    items.push_back(&node);
  } else {
    for (const auto& item : node.items) items.push_back(&item);
  }
  std::vector<Index> out;
  std::set<Index> seen;
  for (const YamlNode* item : items) {
    const std::string& text = item->scalar;
    if (text == "all") {
      if (items.size() > 1) {
        throw InputError(LocationOf(file, *item, path), "`all` cannot be combined with codes");
      }
      for (size_t i = 0; i < codes.size(); ++i) out.push_back(static_cast<Index>(i));
      return out;
    }
    bool found = false;
    for (size_t i = 0; i < codes.size() && !found; ++i) {
      if (codes[i] == text) {
        found = true;
        if (seen.insert(static_cast<Index>(i)).second) out.push_back(static_cast<Index>(i));
      }
    }
    if (!found && entries != nullptr) {
      const Index i = MatchEntry(file, *item, path, *entries, what);
      if (i >= 0) {
        found = true;
        if (seen.insert(i).second) out.push_back(i);
      }
    }
    for (const auto& [kind, indices] : groups) {
      if (found || kind != text) continue;
      found = true;
      for (Index i : indices) {
        if (seen.insert(i).second) out.push_back(i);
      }
    }
    if (!found) {
      std::vector<std::string> candidates = codes;
      for (const auto& g : groups) candidates.push_back(g.first);
      const std::string shown = codes.size() <= 12 ? "; valid: all, " + Join(candidates, ", ")
                                                   : "; see `spillover model info` for the codes";
      throw InputError(LocationOf(file, *item, path),
                       "unknown " + what + " code '" + text + "'" +
                           Suggestion(text, candidates, entries != nullptr) + shown);
    }
  }
  if (out.empty()) {
    throw InputError(LocationOf(file, node, path), "selects no " + what);
  }
  return out;
}

double NumberOr(const std::string& file, const YamlNode& map, const std::string& key,
                const std::string& path, double fallback) {
  const YamlNode* node = map.Find(key);
  return node ? ReadNumber(file, *node, path + "." + key) : fallback;
}

}  // namespace spillover
