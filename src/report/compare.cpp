#include "report/compare.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.h"
#include "core/text.h"
#include "io/csv.h"
#include "report/report.h"
#include "report/selection.h"

namespace spillover {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string Key(const std::string& region, const std::string& sector, const std::string& variable) {
  return region + "|" + sector + "|" + variable;
}

std::string CsvNumber(double value) { return std::isfinite(value) ? FormatNumber(value) : ""; }

int DecimalsFor(const std::string& unit) { return unit.rfind("index", 0) == 0 ? 4 : 0; }

std::string SignedCell(double value, int decimals, size_t width) {
  if (!std::isfinite(value)) return PadLeft("-", width);
  std::string text = FormatGrouped(value, decimals);
  if (value > 0 && text != FormatGrouped(0.0, decimals)) text = "+" + text;
  return PadLeft(text, width);
}

std::string PointsCell(double value, size_t width) {
  if (!std::isfinite(value)) return PadLeft("-", width);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%+.2f", value);
  return PadLeft(buffer, width);
}

constexpr size_t kLabel = 34, kUnit = 18, kChange = 14, kPercent = 9;

}  // namespace

Comparison::Comparison(std::vector<ComparedScenario> scenarios, const std::string& baseline)
    : scenarios_(std::move(scenarios)) {
  if (scenarios_.empty()) throw InputError("a comparison needs at least one scenario");
  const ComparedScenario& first = scenarios_.front();
  for (const auto& s : scenarios_) {
    if (s.model_folder != first.model_folder) {
      throw InputError("the scenarios of one comparison must run on one model: " +
                       (first.file.empty() ? first.result.scenario : first.file) + " runs on '" +
                       first.result.model_name + "' (" + first.model_folder + "), " +
                       (s.file.empty() ? s.result.scenario : s.file) + " on '" +
                       s.result.model_name + "' (" + s.model_folder + ")");
    }
  }
  std::vector<std::string> names;
  for (size_t i = 0; i < scenarios_.size(); ++i) {
    const std::string& name = scenarios_[i].result.scenario;
    auto same = std::find(names.begin(), names.end(), name);
    if (same != names.end()) {
      throw InputError("two scenarios of the comparison are both named '" + name + "' (" +
                       scenarios_[static_cast<size_t>(same - names.begin())].file + ", " +
                       scenarios_[i].file +
                       "): give them different `name`s, or --set name=... for one");
    }
    names.push_back(name);
  }
  if (!baseline.empty()) {
    auto it = std::find(names.begin(), names.end(), baseline);
    if (it == names.end()) {
      throw InputError("--baseline '" + baseline + "' names no scenario of the comparison" +
                       DidYouMean(baseline, names) + "; the scenarios are " + Join(names, ", "));
    }
    baseline_ = static_cast<size_t>(it - names.begin());
  }
  const auto& rows = scenarios_[baseline_].result.rows;
  for (size_t i = 0; i < rows.size(); ++i) {
    baseline_index_.emplace(Key(rows[i].region, rows[i].sector, rows[i].variable), i);
  }
}

const ResultRow* Comparison::BaselineRow(const ResultRow& row) const {
  auto it = baseline_index_.find(Key(row.region, row.sector, row.variable));
  return it == baseline_index_.end() ? nullptr : &baseline_result().rows[it->second];
}

double Comparison::Difference(const ResultRow& row) const {
  const ResultRow* base = BaselineRow(row);
  return base ? row.Change() - base->Change() : kNaN;
}

double Comparison::DifferencePctPoints(const ResultRow& row) const {
  const ResultRow* base = BaselineRow(row);
  return base ? row.PercentChange() - base->PercentChange() : kNaN;
}

std::string ShortMoneyUnit(const std::string& unit) {
  const size_t space = unit.find(' ');
  if (space == std::string::npos) return unit;
  const std::string currency = unit.substr(0, space), scale = unit.substr(space + 1);
  if (scale == "billion") return "bn " + currency;
  if (scale == "million") return "mn " + currency;
  if (scale == "trillion") return "tn " + currency;
  return unit;
}

std::string DifferenceReading(double baseline_change, double difference, const std::string& unit) {
  if (!std::isfinite(difference) || !std::isfinite(baseline_change)) return "";
  const std::string amount = FormatGrouped(std::fabs(difference), 0) + " " + ShortMoneyUnit(unit);
  if (difference == 0.0) return "no difference";
  if (baseline_change == 0.0) return (difference > 0 ? "adds " : "takes away ") + amount;
  const std::string share =
      FormatGrouped(100.0 * std::fabs(difference) / std::fabs(baseline_change), 0) + "%";
  if (baseline_change < 0) {
    return difference > 0 ? "saves " + amount + " (" + share + " of the loss)"
                          : "loses " + amount + " more (" + share + " more than the loss)";
  }
  return difference > 0 ? "adds " + amount + " (" + share + " more than the gain)"
                        : "gives up " + amount + " (" + share + " of the gain)";
}

std::string FormatCompareTable(const Comparison& c) {
  const size_t count = c.scenarios().size();
  const ScenarioResult& base = c.baseline_result();
  std::string out = "Comparison of " + std::to_string(count) + " scenarios on " + base.model_name +
                    "; baseline: " + base.scenario + "\n";
  out +=
      "Changes from the model's base year; 'difference' = the scenario's change minus the "
      "baseline's (pp = percentage points).\n";
  for (size_t s = 0; s < count; ++s) {
    if (!c.result(s).message.empty()) {
      out += "Note (" + c.result(s).scenario + "): " + c.result(s).message + "\n";
    }
  }
  out += "\n" + PadRight("", kLabel + kUnit);
  for (size_t s = 0; s < count; ++s) {
    out += PadLeft(Cut(c.result(s).scenario, kChange + kPercent - 2), kChange + kPercent);
  }
  for (size_t s = 0; s < count; ++s) {
    if (s != c.baseline()) {
      out += PadLeft(Cut(c.result(s).scenario, kChange + kPercent - 2), kChange + kPercent);
    }
  }
  out += "\n";
  const auto header = [&](const std::string& title) {
    std::string line = PadRight(title, kLabel) + PadRight("unit", kUnit);
    for (size_t s = 0; s < count; ++s) line += PadLeft("change", kChange) + PadLeft("%", kPercent);
    for (size_t s = 0; s < count; ++s) {
      if (s != c.baseline()) line += PadLeft("difference", kChange) + PadLeft("pp", kPercent);
    }
    return line + "\n";
  };
  const auto line = [&](const RowKey& key) {
    std::string text = PadRight(Cut(key.label, kLabel - 1), kLabel);
    std::string unit;
    std::string cells, differences;
    for (size_t s = 0; s < count; ++s) {
      const ResultRow* row = c.result(s).Find(key.variable, key.region, key.sector);
      if (row) unit = row->unit;
      const int d = DecimalsFor(unit);
      cells +=
          row ? SignedCell(row->Change(), d, kChange) + PointsCell(row->PercentChange(), kPercent)
              : PadLeft("-", kChange) + PadLeft("-", kPercent);
      if (s == c.baseline()) continue;
      differences += row ? SignedCell(c.Difference(*row), d, kChange) +
                               PointsCell(c.DifferencePctPoints(*row), kPercent)
                         : PadLeft("-", kChange) + PadLeft("-", kPercent);
    }
    return text + PadRight(Cut(unit, kUnit - 1), kUnit) + cells + differences + "\n";
  };
  const auto section = [&](const std::string& title, const std::vector<RowKey>& keys) {
    if (keys.empty()) return;
    out += "\n" + header(title);
    for (const auto& key : keys) out += line(key);
  };
  section("Headline", HeadlineRows(base));
  const ResultRow* gdp = base.Find("gdp", HomeRegion(base), "ALL");
  for (size_t s = 0; s < count && gdp; ++s) {
    if (s == c.baseline()) continue;
    const ResultRow* row = c.result(s).Find("gdp", gdp->region, "ALL");
    if (row) {
      out += "  " + c.result(s).scenario + " against " + base.scenario + ": GDP " +
             DifferenceReading(gdp->Change(), c.Difference(*row), row->unit) + "\n";
    }
  }
  section("Exports by partner", PartnerRows(base, "exports"));
  section("Imports by origin", PartnerRows(base, "imports"));
  std::vector<const ScenarioResult*> results;
  for (size_t s = 0; s < count; ++s) results.push_back(&c.result(s));
  section("Export routes", RouteRows(results));
  section("Output, largest changes", TopSectorRows(results, "output", base.top));
  return out;
}

std::string FormatCompareCsv(const Comparison& c) {
  std::string out =
      "scenario,region,sector,name,variable,unit,baseline,value,change,pct_change,"
      "baseline_scenario,difference,difference_pct_points\n";
  const std::string baseline = CsvField(c.baseline_result().scenario);
  for (size_t s = 0; s < c.scenarios().size(); ++s) {
    const ScenarioResult& result = c.result(s);
    const std::string scenario = CsvField(result.scenario);
    for (const auto& row : result.rows) {
      out += scenario + "," + CsvField(row.region) + "," + CsvField(row.sector) + "," +
             CsvField(result.NameOf(row)) + "," + CsvField(row.variable) + "," +
             CsvField(row.unit) + "," + FormatNumber(row.baseline) + "," + FormatNumber(row.value) +
             "," + FormatNumber(row.Change()) + "," + CsvNumber(row.PercentChange()) + "," +
             baseline + "," + CsvNumber(c.Difference(row)) + "," +
             CsvNumber(c.DifferencePctPoints(row)) + "\n";
    }
  }
  return out;
}

std::string FormatCompareJson(const Comparison& c) {
  const ScenarioResult& base = c.baseline_result();
  std::string out = "{\n  \"model\": " + JsonString(base.model_name) +
                    ",\n  \"baseline\": " + JsonString(base.scenario) + ",\n  \"scenarios\": [";
  const ResultRow* gdp = base.Find("gdp", HomeRegion(base), "ALL");
  for (size_t s = 0; s < c.scenarios().size(); ++s) {
    const ScenarioResult& r = c.result(s);
    out += s == 0 ? "\n" : ",\n";
    out += "    {\n      \"scenario\": " + JsonString(r.scenario) + ",\n";
    out += "      \"status\": " + JsonString(ToString(r.status)) + ",\n";
    out += "      \"message\": " + JsonString(r.message) + ",\n";
    std::string reading;
    if (gdp && s != c.baseline()) {
      if (const ResultRow* row = r.Find("gdp", gdp->region, "ALL")) {
        reading = DifferenceReading(gdp->Change(), c.Difference(*row), row->unit);
      }
    }
    out += "      \"gdp_reading\": " + JsonString(reading) + ",\n";
    out += "      \"rows\": [";
    bool first = true;
    for (const auto& row : r.rows) {
      if (row.sector != "ALL") continue;
      out += first ? "\n" : ",\n";
      first = false;
      out += "        {\"region\": " + JsonString(row.region) +
             ", \"name\": " + JsonString(r.NameOf(row)) +
             ", \"variable\": " + JsonString(row.variable) + ", \"unit\": " + JsonString(row.unit) +
             ", \"baseline\": " + JsonNumber(row.baseline) +
             ", \"value\": " + JsonNumber(row.value) + ", \"change\": " + JsonNumber(row.Change()) +
             ", \"pct_change\": " + JsonNumber(row.PercentChange()) +
             ", \"difference\": " + JsonNumber(c.Difference(row)) +
             ", \"difference_pct_points\": " + JsonNumber(c.DifferencePctPoints(row)) + "}";
    }
    out += "\n      ]\n    }";
  }
  return out + "\n  ]\n}\n";
}

}  // namespace spillover
