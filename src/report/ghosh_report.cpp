#include "report/ghosh_report.h"

#include <vector>

#include "core/text.h"
#include "io/csv.h"
#include "report/report.h"

namespace spillover {
namespace {

// The regions of the by-region columns: the model's, or one "ALL" for a national model.
std::vector<std::string> RegionCodes(const Model& model) {
  if (model.regions.empty()) return {"ALL"};
  std::vector<std::string> codes;
  for (const Entry& r : model.regions) codes.push_back(r.code);
  return codes;
}

std::string Unit(const Model& model) {
  return model.unit + " of output per " + model.unit + " of primary input";
}

constexpr const char* kQuestion =
    "Question: how much output is supplied downstream per unit of a sector's primary inputs "
    "(value added, imports, taxes on inputs), when every buyer keeps its share of the sector's "
    "sales (Ghosh model, Miller & Blair ch. 12)?";

}  // namespace

std::string FormatGhoshTable(const Model& model, const GhoshMultipliers& m) {
  const std::vector<std::string> regions = RegionCodes(model);
  const bool split = regions.size() > 1;
  std::string out = std::string(kQuestion) + "\nSupply-driven (Ghosh) output multipliers (" +
                    Unit(model) + ").\n";
  out += PadRight("sector", 14) + PadLeft("direct", 10) + PadLeft("total", 10);
  if (split) {
    for (const auto& r : regions) out += PadLeft("in " + r, 10);
  }
  out += "  name\n";
  for (Index i = 0; i < model.sector_count(); ++i) {
    const Entry& s = model.sectors[static_cast<size_t>(i)];
    out += PadRight(s.code, 14) + PadLeft(Fixed(m.direct(i), 4), 10) +
           PadLeft(Fixed(m.total(i), 4), 10);
    if (split) {
      for (Index r = 0; r < m.by_region.cols(); ++r)
        out += PadLeft(Fixed(m.by_region(i, r), 4), 10);
    }
    out += "  " + s.name + "\n";
  }
  out +=
      "direct: row sum of B = diag(x)^-1 Z (sales to producers per unit of output); total: "
      "row sum of G = (I - B)^-1, the sector's own unit included.\n"
      "The Ghosh model holds allocation shares fixed: read it as a measure of forward "
      "dependence, not as a forecast of how buyers react to a lost supply.\n";
  return out;
}

std::string FormatGhoshCsv(const Model& model, const GhoshMultipliers& m) {
  const std::vector<std::string> regions = RegionCodes(model);
  const std::string unit = CsvField(Unit(model));
  std::string out = "sector,name,measure,output_region,value,unit\n";
  for (Index i = 0; i < model.sector_count(); ++i) {
    const Entry& s = model.sectors[static_cast<size_t>(i)];
    const std::string head = CsvField(s.code) + "," + CsvField(s.name) + ",";
    out += head + "ghosh_output_direct,ALL," + FormatNumber(m.direct(i)) + "," + unit + "\n";
    out += head + "ghosh_output_total,ALL," + FormatNumber(m.total(i)) + "," + unit + "\n";
    if (regions.size() > 1) {
      for (Index r = 0; r < m.by_region.cols(); ++r) {
        out += head + "ghosh_output_total," + CsvField(regions[static_cast<size_t>(r)]) + "," +
               FormatNumber(m.by_region(i, r)) + "," + unit + "\n";
      }
    }
  }
  return out;
}

std::string FormatGhoshJson(const Model& model, const GhoshMultipliers& m) {
  const std::vector<std::string> regions = RegionCodes(model);
  std::string out = "{\n  \"model\": " + JsonString(model.name) +
                    ",\n  \"unit\": " + JsonString(Unit(model)) + ",\n  \"sectors\": [";
  for (Index i = 0; i < model.sector_count(); ++i) {
    const Entry& s = model.sectors[static_cast<size_t>(i)];
    std::string by_region;
    for (Index r = 0; r < m.by_region.cols(); ++r) {
      by_region += std::string(r ? ", " : "") + JsonString(regions[static_cast<size_t>(r)]) + ": " +
                   JsonNumber(m.by_region(i, r));
    }
    out += std::string(i ? "," : "") + "\n    {\"sector\": " + JsonString(s.code) +
           ", \"name\": " + JsonString(s.name) + ", \"direct\": " + JsonNumber(m.direct(i)) +
           ", \"total\": " + JsonNumber(m.total(i)) + ", \"by_output_region\": {" + by_region +
           "}}";
  }
  out += "\n  ]\n}\n";
  return out;
}

}  // namespace spillover
