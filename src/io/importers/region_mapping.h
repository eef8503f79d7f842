// Country → region mappings for importers (`--regions MAPPING.csv`).
#pragma once

#include <string>
#include <vector>

namespace spillover {

// One line of a mapping file `country,region[,region_name[,if_present]]`. `*` as the
// country maps every country not listed (a rest-of-world catch-all). `if_present: yes`
// lets a country be absent from the table (an edition without it); otherwise an absent
// country is an error.
struct RegionMapping {
  struct Line {
    std::string country;
    std::string region;
    std::string region_name;
    bool if_present = false;
    int line = 0;
  };
  std::string file;
  std::vector<Line> lines;

  // The region of `country`, or "" when neither it nor `*` is listed.
  std::string RegionOf(const std::string& country) const;
  // Region codes in the order they first appear, and their names.
  std::vector<std::pair<std::string, std::string>> Regions() const;
};

RegionMapping ReadRegionMapping(const std::string& path);
RegionMapping ParseRegionMapping(const std::string& text, const std::string& path);

}  // namespace spillover
