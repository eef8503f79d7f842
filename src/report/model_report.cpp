#include "report/model_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/text.h"
#include "io/csv.h"
#include "report/report.h"

namespace spillover {
namespace {

std::string CodeList(const std::vector<Entry>& entries) {
  std::vector<std::string> codes;
  for (const auto& e : entries) codes.push_back(e.code);
  return Join(codes, " ");
}

const char* const kIncomeRatioUnit = "ratio to the direct compensation";
const double kNaN = std::numeric_limits<double>::quiet_NaN();

// Products whose exports exceed their output: possible in a published table (inventories
// drawn down, re-exports), but a shock on their exports then acts on more than they make.
// One line per product.
std::vector<std::string> OverExportLines(const Model& m) {
  const Vector output = m.Output();
  std::vector<std::string> lines;
  for (Index i = 0; i < m.sector_count(); ++i) {
    const double exported = m.exports.row(i).sum();
    if (!(output(i) > 0.0) || exported <= output(i)) continue;
    const Entry& s = m.sectors[static_cast<size_t>(i)];
    lines.push_back("  warning  product " + s.code + " (" + Cut(s.name, 48) + ") exports " +
                    Fixed(exported / output(i), 2) + " times its output\n");
  }
  return lines;
}

std::string OverExportWarnings(const std::vector<std::string>& lines) {
  if (lines.empty()) return "";
  return Join(lines, "") +
         "           (exports above output come out of inventories: stocks drawn down or "
         "re-exports;\n           a fall in these exports can cut output by more than half; "
         "see the model's README)\n";
}

}  // namespace

std::string FormatModelInfo(const Model& m) {
  std::string out;
  out += "Model:        " + m.name + " (" + m.folder + ")\n";
  if (!m.description.empty()) out += "Description:  " + m.description + "\n";
  out += "Year:         " + std::to_string(m.year) + "\n";
  out += "Unit:         " + m.unit + "\n";
  for (const auto& [code, rate] : m.exchange_rates) {
    out += "Rate:         " + FormatNumber(rate) + " " + m.currency + " per " + code + "\n";
  }
  out += "Regions:      " + CodeList(m.regions) + "\n";
  out += "Sectors (" + std::to_string(m.sectors.size()) + "): " + CodeList(m.sectors) + "\n";
  out += "Final demand: ";
  for (size_t f = 0; f < m.final_demand.size(); ++f) {
    out += (f ? " " : "") + m.final_demand[f].code + "(" + ToString(m.final_demand_kinds[f]) + ")";
  }
  out += "\nValue added:  ";
  for (size_t k = 0; k < m.value_added.size(); ++k) {
    out += (k ? " " : "") + m.value_added[k].code + "(" + ToString(m.value_added_kinds[k]) + ")";
  }
  out += "\nPartners:     " + CodeList(m.partners) + "\n";
  if (!m.satellites.empty()) out += "Satellites:   " + CodeList(m.satellites) + "\n";
  out += "\nTotals (" + m.unit + ")\n";
  const auto line = [&out](const std::string& label, double value) {
    out += "  " + PadRight(label, 26) + PadLeft(FormatGrouped(value, 0), 22) + "\n";
  };
  line("Gross output", m.Output().sum());
  line("Gross value added", m.GrossValueAdded().sum());
  line("Net taxes on products", m.ProductTaxes().sum());
  line("GDP", m.Gdp());
  line("Exports (domestic)", m.exports.sum());
  line("Imports", m.ImportsByOrigin().sum());
  out += FormatRoutes(m);
  const std::string warnings = OverExportWarnings(OverExportLines(m));
  if (!warnings.empty()) out += "\nWarnings\n" + warnings;
  return out;
}

std::string FormatRoutes(const Model& m) {
  if (m.routes.empty()) return "";
  const auto quantity = [](const Quantity& q) {
    return q.known ? FormatGrouped(q.value, 1) + (q.estimate ? "*" : "") : std::string("-");
  };
  std::string out = "\nRoutes (capacity and use per year; * an estimate; flows in " + m.unit +
                    ")\n  " + PadRight("route", 20) + PadRight("mode", 10) + PadRight("unit", 8) +
                    PadLeft("capacity", 10) + PadLeft("use", 10) + PadLeft("spare", 10) + "  via\n";
  for (const Route& r : m.routes) {
    const bool both = r.capacity.known && r.current_use.known;
    const std::string unit = r.capacity.known ? r.capacity.unit : r.current_use.unit;
    out += "  " + PadRight(Cut(r.code, 19), 20) + PadRight(Cut(r.mode, 9), 10) +
           PadRight(Cut(unit, 7), 8) + PadLeft(quantity(r.capacity), 10) +
           PadLeft(quantity(r.current_use), 10) +
           PadLeft(both ? FormatGrouped(r.capacity.value - r.current_use.value, 1) : "-", 10) +
           "  " + (r.via.empty() ? "-" : Join(r.via, " ")) + "\n";
    // The export flows (product -> partner) the route carries: its share and its value.
    double total = 0.0;
    std::vector<std::pair<double, std::string>> carried;  // value, "061->EU 81.8%"
    for (const auto& c : r.carries) {
      const double value = c.share * m.RouteFlowValue(c);
      total += value;
      const std::string& to = c.region >= 0 ? m.regions[static_cast<size_t>(c.region)].code
                                            : m.partners[static_cast<size_t>(c.partner)].code;
      carried.emplace_back(value, m.sectors[static_cast<size_t>(c.product)].code + "->" + to + " " +
                                      FormatGrouped(100.0 * c.share, 1) + "%");
    }
    std::stable_sort(carried.begin(), carried.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> flows;
    for (const auto& [value, text] : carried) flows.push_back(text);
    const size_t shown = std::min<size_t>(flows.size(), 6);
    out += "      carries (largest first) " + std::to_string(flows.size()) + " flow" +
           (flows.size() == 1 ? "" : "s") + " worth " + FormatGrouped(total, 0) +
           (flows.empty() ? "" : ": ") +
           Join(std::vector<std::string>(flows.begin(), flows.begin() + static_cast<long>(shown)),
                ", ") +
           (flows.size() > shown ? ", ..." : "") + "\n";
  }
  return out;
}

// The verdict comes last, after the warnings, so that "passed" is never read above a
// warning it does not mention.
std::string FormatModelChecks(const LoadedModel& loaded) {
  std::string out =
      "Model '" + loaded.model.name + "': checks (worst relative residual against its tolerance)\n";
  for (const auto& check : loaded.checks) {
    out += "  ok  " + PadRight(check.name, 62) + " worst " + FormatNumber(check.worst) +
           (check.where.empty() ? "" : " (" + check.where + ")") + " <= tolerance " +
           FormatNumber(check.tolerance) + "\n";
  }
  out += "  ok  productive: spectral radius of A <= " + Fixed(loaded.spectral_radius_bound, 6) +
         " (Collatz-Wielandt bound) < 1\n";
  const std::vector<std::string> warnings = OverExportLines(loaded.model);
  out += OverExportWarnings(warnings);
  const size_t checks = loaded.checks.size() + 1;
  out += "Model '" + loaded.model.name + "': all " + std::to_string(checks) + " checks passed";
  if (warnings.empty()) return out + ", no warnings\n";
  return out + ", with " + std::to_string(warnings.size()) + " warning" +
         (warnings.size() == 1 ? "" : "s") + " (above)\n";
}

std::string FormatMultipliersTable(const Model& m, const Multipliers& mult, const Linkages& link) {
  std::string out = "Multipliers per unit of final demand (" + m.unit + " per " + m.unit +
                    "); type II closes the model for households.\n";
  if (!mult.has_type2) out += "Type II not available: " + mult.type2_note + "\n";
  const bool income = mult.has_compensation;
  out += PadRight("sector", 12) + PadLeft("output I", 10) + PadLeft("output II", 10) +
         PadLeft("GVA I", 9) + PadLeft("GVA II", 9) + PadLeft("import I", 10) +
         PadLeft("import II", 10) +
         (income ? PadLeft("income I", 10) + PadLeft("income II", 10) : std::string()) +
         PadLeft("BL index", 10) + PadLeft("FL index", 10) + "  key\n";
  const auto cell = [](bool available, double value) {
    return available && std::isfinite(value) ? Fixed(value, 4) : "-";
  };
  for (Index j = 0; j < m.sector_count(); ++j) {
    // Type II vectors are empty when type II is missing: look only when it exists.
    const auto ii = [&](const Vector& v) { return mult.has_type2 ? cell(true, v(j)) : "-"; };
    out +=
        PadRight(m.sectors[static_cast<size_t>(j)].code, 12) +
        PadLeft(Fixed(mult.output_type1(j), 4), 10) + PadLeft(ii(mult.output_type2), 10) +
        PadLeft(Fixed(mult.value_added_type1(j), 4), 9) + PadLeft(ii(mult.value_added_type2), 9) +
        PadLeft(Fixed(mult.imports_type1(j), 4), 10) + PadLeft(ii(mult.imports_type2), 10) +
        (income ? PadLeft(cell(true, mult.income_type1(j)), 10) + PadLeft(ii(mult.income_type2), 10)
                : std::string()) +
        PadLeft(Fixed(link.backward_index(j), 3), 10) +
        PadLeft(Fixed(link.forward_index(j), 3), 10) +
        (link.key_sector[static_cast<size_t>(j)] ? "  *" : "") + "\n";
  }
  out +=
      "BL/FL index: Rasmussen backward and forward linkage indices (mean = 1); * = key "
      "sector (both > 1).\n";
  if (income) {
    out +=
        "income I/II: compensation of employees generated in the whole economy per unit of "
        "the sector's own direct compensation (ratio; - where the sector pays none).\n";
  }
  return out;
}

std::string FormatMultipliersCsv(const Model& m, const Multipliers& mult, const Linkages& link) {
  std::string out = "sector,name,measure,type,value,unit\n";
  const std::string ratio = m.unit + " per " + m.unit;
  for (Index j = 0; j < m.sector_count(); ++j) {
    const Entry& s = m.sectors[static_cast<size_t>(j)];
    const std::string head = CsvField(s.code) + "," + CsvField(s.name) + ",";
    const auto row = [&](const std::string& measure, const std::string& type, double value,
                         const std::string& unit) {
      out += head + measure + "," + type + "," + FormatNumber(value) + "," + CsvField(unit) + "\n";
    };
    // A sector that pays no compensation has no income ratio: the row is left out.
    const auto income_row = [&](const std::string& type, double value) {
      if (std::isfinite(value)) row("income_multiplier", type, value, kIncomeRatioUnit);
    };
    row("output", "I", mult.output_type1(j), ratio);
    row("gva", "I", mult.value_added_type1(j), ratio);
    row("imports", "I", mult.imports_type1(j), ratio);
    if (mult.has_compensation) {
      row("compensation", "I", mult.compensation_type1(j), ratio);
      income_row("I", mult.income_type1(j));
    }
    if (mult.has_type2) {
      row("output", "II", mult.output_type2(j), ratio);
      row("gva", "II", mult.value_added_type2(j), ratio);
      row("imports", "II", mult.imports_type2(j), ratio);
      row("compensation", "II", mult.compensation_type2(j), ratio);
      income_row("II", mult.income_type2(j));
    }
    for (Index k = 0; k < mult.satellites_type1.rows(); ++k) {
      const std::string unit = m.satellite_units[static_cast<size_t>(k)] + " per " + m.unit;
      const std::string& code = m.satellites[static_cast<size_t>(k)].code;
      row(code, "I", mult.satellites_type1(k, j), unit);
      if (mult.has_type2) row(code, "II", mult.satellites_type2(k, j), unit);
    }
    row("backward_linkage_direct", "", link.backward_direct(j), ratio);
    row("backward_linkage_total", "", link.backward_total(j), ratio);
    row("forward_linkage_direct", "", link.forward_direct(j), ratio);
    row("forward_linkage_total", "", link.forward_total(j), ratio);
    row("backward_index", "", link.backward_index(j), "index (mean = 1)");
    row("forward_index", "", link.forward_index(j), "index (mean = 1)");
    row("key_sector", "", link.key_sector[static_cast<size_t>(j)] ? 1.0 : 0.0, "flag");
  }
  return out;
}

std::string FormatMultipliersJson(const Model& m, const Multipliers& mult, const Linkages& link) {
  std::string out = "{\n  \"model\": " + JsonString(m.name) +
                    ",\n  \"unit\": " + JsonString(m.unit + " per " + m.unit) +
                    ",\n  \"income_multiplier_unit\": " + JsonString(kIncomeRatioUnit) +
                    ",\n  \"type2\": " + (mult.has_type2 ? "true" : "false") +
                    ",\n  \"type2_note\": " + JsonString(mult.type2_note) + ",\n  \"sectors\": [";
  for (Index j = 0; j < m.sector_count(); ++j) {
    const Entry& s = m.sectors[static_cast<size_t>(j)];
    std::string fields;
    const auto field = [&](const std::string& key, double value) {
      fields += ", " + JsonString(key) + ": " + JsonNumber(value);
    };
    const auto pair = [&](const std::string& key, bool available, const Vector& one,
                          const Vector& two) {
      if (!available) return;
      field(key + "_type1", one(j));
      field(key + "_type2", mult.has_type2 ? two(j) : kNaN);
    };
    pair("output", true, mult.output_type1, mult.output_type2);
    pair("gva", true, mult.value_added_type1, mult.value_added_type2);
    pair("imports", true, mult.imports_type1, mult.imports_type2);
    pair("compensation", mult.has_compensation, mult.compensation_type1, mult.compensation_type2);
    pair("income_multiplier", mult.has_compensation, mult.income_type1, mult.income_type2);
    field("backward_index", link.backward_index(j));
    field("forward_index", link.forward_index(j));
    out += std::string(j ? "," : "") + "\n    {\"sector\": " + JsonString(s.code) +
           ", \"name\": " + JsonString(s.name) + fields +
           ", \"key_sector\": " + (link.key_sector[static_cast<size_t>(j)] ? "true" : "false") +
           "}";
  }
  out += "\n  ]\n}\n";
  return out;
}

}  // namespace spillover
