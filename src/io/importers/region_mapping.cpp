#include "io/importers/region_mapping.h"

#include <set>

#include "core/error.h"
#include "io/csv.h"

namespace spillover {

std::string RegionMapping::RegionOf(const std::string& country) const {
  std::string fallback;
  for (const Line& l : lines) {
    if (l.country == country) return l.region;
    if (l.country == "*") fallback = l.region;
  }
  return fallback;
}

std::vector<std::pair<std::string, std::string>> RegionMapping::Regions() const {
  std::vector<std::pair<std::string, std::string>> out;
  std::set<std::string> seen;
  for (const Line& l : lines) {
    if (seen.insert(l.region).second) out.emplace_back(l.region, l.region_name);
  }
  return out;
}

RegionMapping ParseRegionMapping(const std::string& text, const std::string& path) {
  RegionMapping mapping;
  mapping.file = path;
  int line_number = 0;
  size_t pos = 0;
  std::set<std::string> countries;
  while (pos <= text.size()) {
    const size_t end = std::min(text.find('\n', pos), text.size());
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') {
      if (end == text.size()) break;
      continue;
    }
    std::vector<std::string> fields;
    size_t start = 0;
    for (;;) {
      const size_t comma = line.find(',', start);
      fields.push_back(
          line.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    for (auto& f : fields) {
      while (!f.empty() && f.front() == ' ') f.erase(f.begin());
      while (!f.empty() && f.back() == ' ') f.pop_back();
    }
    if (line_number == 1 && fields[0] == "country") {
      if (fields.size() < 2 || fields[1] != "region") {
        throw InputError(SourceLocation{path, 1, 0, ""},
                         "expected the header country,region[,region_name[,if_present]]");
      }
      continue;
    }
    if (fields.size() < 2 || fields.size() > 4 || fields[0].empty() || fields[1].empty()) {
      throw InputError(SourceLocation{path, line_number, 0, ""},
                       "expected country,region[,region_name[,if_present]], got '" + line + "'");
    }
    if (fields[1].find_first_of(":\"") != std::string::npos) {
      throw InputError(SourceLocation{path, line_number, 2, ""},
                       "region code '" + fields[1] + "' holds ':' or '\"'");
    }
    RegionMapping::Line entry;
    entry.country = fields[0];
    entry.region = fields[1];
    entry.region_name = fields.size() > 2 && !fields[2].empty() ? fields[2] : fields[1];
    if (fields.size() > 3) {
      if (fields[3] != "yes" && fields[3] != "no" && !fields[3].empty()) {
        throw InputError(SourceLocation{path, line_number, 4, ""},
                         "if_present is '" + fields[3] + "'; expected yes or no");
      }
      entry.if_present = fields[3] == "yes";
    }
    entry.line = line_number;
    if (!countries.insert(entry.country).second) {
      throw InputError(SourceLocation{path, line_number, 1, ""},
                       "country '" + entry.country + "' is mapped twice");
    }
    mapping.lines.push_back(entry);
    if (end == text.size()) break;
  }
  if (mapping.lines.empty()) {
    throw InputError(SourceLocation{path, 0, 0, ""}, "the mapping lists no country");
  }
  return mapping;
}

RegionMapping ReadRegionMapping(const std::string& path) {
  return ParseRegionMapping(ReadFile(path), path);
}

}  // namespace spillover
