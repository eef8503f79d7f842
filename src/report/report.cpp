#include "report/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text.h"
#include "io/csv.h"

namespace spillover {
namespace {

std::string SignedPercent(double value) {
  if (!std::isfinite(value)) return "n/a";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%+.2f%%", value);
  return buffer;
}

std::string Signed(double value, int decimals) {
  const std::string text = FormatGrouped(value, decimals);
  return value > 0 && text != FormatGrouped(0.0, decimals) ? "+" + text : text;
}

int DecimalsFor(const std::string& unit) { return unit.rfind("index", 0) == 0 ? 4 : 0; }

std::string Line(const std::string& label, const ResultRow& row, size_t label_width) {
  const int d = DecimalsFor(row.unit);
  return PadRight(label, label_width) + PadLeft(FormatGrouped(row.baseline, d), 20) +
         PadLeft(FormatGrouped(row.value, d), 20) + PadLeft(Signed(row.Change(), d), 18) +
         PadLeft(SignedPercent(row.PercentChange()), 10) + "\n";
}

// "code name", cut to fit the label column.
std::string Label(const ScenarioResult& result, const std::string& code, size_t width) {
  std::string label = code;
  if (result.names) {
    auto it = result.names->find(code);
    if (it != result.names->end() && it->second != code) label += " " + it->second;
  }
  return Cut(label, width - 1);
}

std::string Header(const std::string& title, size_t label_width) {
  return PadRight(title, label_width) + PadLeft("baseline", 20) + PadLeft("scenario", 20) +
         PadLeft("change", 18) + PadLeft("%", 10) + "\n";
}

// Routes in their physical unit, before and after: capacity, use and spare capacity.
std::string RouteCapacityTable(const ScenarioResult& result, size_t w) {
  std::string rows;
  for (const auto& row : result.rows) {
    if (row.variable != "route_capacity") continue;
    const ResultRow* use = result.Find("route_use", row.region, "ALL");
    const ResultRow* spare = result.Find("route_spare", row.region, "ALL");
    const auto pair = [](const ResultRow* r) {
      return r ? PadLeft(FormatGrouped(r->baseline, 1), 10) +
                     PadLeft(FormatGrouped(r->value, 1), 10)
               : PadLeft("-", 10) + PadLeft("-", 10);
    };
    rows += PadRight(Label(result, row.region, w), w) + PadLeft(row.unit, 8) + pair(&row) +
            pair(use) + pair(spare) + "\n";
  }
  if (rows.empty()) return "";
  return "\n" + PadRight("Route capacity (annual average)", w) + PadLeft("unit", 8) +
         PadLeft("capacity", 10) + PadLeft("after", 10) + PadLeft("use", 10) +
         PadLeft("after", 10) + PadLeft("spare", 10) + PadLeft("after", 10) + "\n" + rows;
}

}  // namespace

std::string ToString(OutputFormat format) {
  switch (format) {
    case OutputFormat::kTable:
      return "table";
    case OutputFormat::kCsv:
      return "csv";
    case OutputFormat::kJson:
      return "json";
  }
  return "?";
}

bool FromString(const std::string& text, OutputFormat* format) {
  for (OutputFormat f : {OutputFormat::kTable, OutputFormat::kCsv, OutputFormat::kJson}) {
    if (ToString(f) == text) {
      *format = f;
      return true;
    }
  }
  return false;
}
// Multi-regional results: GDP and output of every region beside the focus region.
std::string FormatRegions(const ScenarioResult& result, const std::string& focus, size_t w) {
  std::string out = "\n" + Header("Other regions: GDP", w);
  for (const auto& row : result.rows) {
    if (row.variable == "gdp" && row.sector == "ALL" && row.region != focus &&
        row.region != "ALL") {
      out += Line(Label(result, row.region, w), row, w);
    }
  }
  return out;
}

namespace {

// Sectors whose output moves by more than half: more often a slip or a data quirk (exports
// above output, drawn from inventories) than a forecast, so the report names them. Only the
// readable report says so; the result rows already hold the figures.
std::string LargeOutputChanges(const ScenarioResult& result) {
  std::vector<std::string> large;
  for (const auto& row : result.rows) {
    if (row.variable != "output" || row.sector == "ALL" || row.baseline <= 0.0 || row.value < 0.0)
      continue;
    if (std::fabs(row.value - row.baseline) <= 0.5 * row.baseline) continue;
    const double pct = 100.0 * (row.value - row.baseline) / row.baseline;
    large.push_back(row.sector + " (" + (pct > 0 ? "+" : "") + Fixed(pct, 1) + "%)");
  }
  if (large.empty()) return std::string();
  const size_t shown = std::min<size_t>(8, large.size());
  std::vector<std::string> list(large.begin(), large.begin() + static_cast<long>(shown));
  if (large.size() > shown) list.push_back("and " + std::to_string(large.size() - shown) + " more");
  return "output changes by more than 50% in " + Join(list, ", ") +
         ": check the shock, and `spillover model check` for products that export more than "
         "they produce";
}

}  // namespace

std::string FormatTable(const ScenarioResult& result) {
  std::string out;
  out += "Scenario: " + result.scenario + "\n";
  if (!result.description.empty()) {
    const std::string first = result.description.substr(0, result.description.find('\n'));
    out += "  " + first + "\n";
  }
  out += "Model:    " + result.model_name + "\n";
  out += "Money:    " + result.money_unit + " (annual flows; prices as index, base = 1)\n";
  out +=
      "Question: the year's flows with the whole scenario: limits, rerouting and prices "
      "(docs/methods.md)\n";
  if (!result.message.empty()) out += "Note:     " + result.message + "\n";
  const std::string large = LargeOutputChanges(result);
  if (!large.empty()) out += "Note:     " + large + "\n";
  out += "\n";
  const size_t w = 34;
  std::string region = result.focus_region;
  for (const auto& row : result.rows) {
    if (row.variable == "gdp" && result.focus_region.empty()) region = row.region;
  }
  out += Header(result.focus_region.empty() ? "Headline" : "Headline: " + region, w);
  const std::pair<const char*, const char*> headline[] = {
      {"gdp", "GDP"},
      {"gva", "Gross value added"},
      {"net_product_taxes", "Net taxes on products"},
      {"output", "Gross output"},
      {"exports", "Exports"},
      {"imports", "Imports"},
      {"cpi", "Consumer prices (index)"}};
  for (const auto& [variable, label] : headline) {
    if (const ResultRow* row = result.Find(variable, region, "ALL")) out += Line(label, *row, w);
  }

  if (!result.focus_region.empty()) out += FormatRegions(result, region, w);
  out += "\n" + Header("Exports by partner", w);
  std::vector<const ResultRow*> imports;
  for (const auto& row : result.rows) {
    if (!result.focus_region.empty()) {
      // Multi-regional: the focus region's trade with every other region.
      if (row.region != region || row.sector != "ALL") continue;
      if (row.variable.rfind("exports_to:", 0) == 0) {
        out += Line(Label(result, row.variable.substr(11), w), row, w);
      }
      if (row.variable.rfind("imports_from:", 0) == 0) imports.push_back(&row);
      continue;
    }
    if (row.sector != "ALL" || row.region == region) continue;
    if (row.variable == "exports") out += Line(Label(result, row.region, w), row, w);
    if (row.variable == "imports") imports.push_back(&row);
  }
  out += "\n" + Header("Imports by origin", w);
  for (const ResultRow* row : imports) {
    const std::string who = result.focus_region.empty()
                                ? row->region
                                : row->variable.substr(row->variable.find(':') + 1);
    out += Line(Label(result, who, w), *row, w);
  }
  // The import gap is inside the imports above: without this line a 20% loss of Russian
  // supply that shows as an 18.5% fall in Russian imports would look like an error.
  if (const ResultRow* gap = result.Find("import_gap", region, "ALL");
      gap != nullptr && gap->value != 0.0) {
    out += Line("Import gap (in the imports above)", *gap, w);
    out +=
        "  imported inputs the new output needs beyond what the origins still supply, bridged\n"
        "  e.g. from stocks (the proportional rule); imports fall by less than the supply lost\n";
  }

  // Routes that a shock touched: the flows affected, rerouted and lost.
  std::string routes;
  for (const auto& row : result.rows) {
    if (row.variable != "route_flow") continue;
    const ResultRow* affected = result.Find("route_affected", row.region, "ALL");
    const ResultRow* rerouted = result.Find("route_rerouted", row.region, "ALL");
    const ResultRow* lost = result.Find("route_lost", row.region, "ALL");
    const ResultRow* cost = result.Find("route_extra_cost", row.region, "ALL");
    if (row.Change() == 0.0 && (affected == nullptr || affected->value == 0.0)) continue;
    const auto cell = [](const ResultRow* r) {
      return PadLeft(r ? FormatGrouped(r->value, 0) : "-", 14);
    };
    routes += PadRight(Label(result, row.region, w), w) +
              PadLeft(FormatGrouped(row.baseline, 0), 14) +
              PadLeft(FormatGrouped(row.value, 0), 14) + cell(affected) + cell(rerouted) +
              cell(lost) + cell(cost) + "\n";
  }
  if (!routes.empty()) {
    out += "\n" + PadRight("Export routes", w) + PadLeft("base flow", 14) +
           PadLeft("scenario flow", 14) + PadLeft("affected", 14) + PadLeft("rerouted", 14) +
           PadLeft("lost", 14) + PadLeft("extra cost", 14) + "\n" + routes;
  }

  out += RouteCapacityTable(result, w);

  std::vector<const ResultRow*> sectors;
  for (const auto& row : result.rows) {
    if (row.variable == "output" && row.region == region && row.sector != "ALL") {
      sectors.push_back(&row);
    }
  }
  std::stable_sort(sectors.begin(), sectors.end(), [](const ResultRow* a, const ResultRow* b) {
    return std::fabs(a->Change()) > std::fabs(b->Change());
  });
  const size_t shown = std::min(sectors.size(), static_cast<size_t>(std::max(result.top, 0)));
  size_t changed = 0;
  for (size_t k = 0; k < shown; ++k) changed += sectors[k]->Change() != 0.0;
  if (changed > 0) {
    out += "\n" + Header("Output, sectors hit hardest", w);
    for (size_t k = 0; k < shown; ++k) {
      if (sectors[k]->Change() != 0.0) {
        out += Line(Label(result, sectors[k]->sector, w), *sectors[k], w);
      }
    }
  } else {
    out += "\nNo sector's output changes.\n";
  }
  return out;
}

std::string FormatCsv(const std::vector<ScenarioResult>& results) {
  std::string out = "scenario,region,sector,name,variable,unit,baseline,value,change,pct_change\n";
  for (const auto& result : results) {
    const std::string scenario = CsvField(result.scenario);
    for (const auto& row : result.rows) {
      const double pct = row.PercentChange();
      out += scenario + "," + CsvField(row.region) + "," + CsvField(row.sector) + "," +
             CsvField(result.NameOf(row)) + "," + CsvField(row.variable) + "," +
             CsvField(row.unit) + "," + FormatNumber(row.baseline) + "," + FormatNumber(row.value) +
             "," + FormatNumber(row.Change()) + "," +
             (std::isfinite(pct) ? FormatNumber(pct) : "") + "\n";
    }
  }
  return out;
}

std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  return out + "\"";
}

std::string JsonNumber(double value) { return std::isfinite(value) ? FormatNumber(value) : "null"; }

std::string FormatJson(const std::vector<ScenarioResult>& results) {
  std::string out = "{\n  \"scenarios\": [";
  for (size_t s = 0; s < results.size(); ++s) {
    const ScenarioResult& r = results[s];
    out += s == 0 ? "\n" : ",\n";
    out += "    {\n      \"scenario\": " + JsonString(r.scenario) + ",\n";
    out += "      \"model\": " + JsonString(r.model_name) + ",\n";
    out += "      \"status\": " + JsonString(ToString(r.status)) + ",\n";
    out += "      \"message\": " + JsonString(r.message) + ",\n";
    out += "      \"money_unit\": " + JsonString(r.money_unit) + ",\n";
    out += "      \"headline\": [";
    bool first = true;
    for (const auto& row : r.rows) {
      if (row.sector != "ALL") continue;
      out += first ? "\n" : ",\n";
      first = false;
      out += "        {\"region\": " + JsonString(row.region) +
             ", \"variable\": " + JsonString(row.variable) + ", \"unit\": " + JsonString(row.unit) +
             ", \"baseline\": " + JsonNumber(row.baseline) +
             ", \"value\": " + JsonNumber(row.value) + ", \"change\": " + JsonNumber(row.Change()) +
             ", \"pct_change\": " + JsonNumber(row.PercentChange()) + "}";
    }
    out += "\n      ]\n    }";
  }
  out += "\n  ]\n}\n";
  return out;
}

}  // namespace spillover
