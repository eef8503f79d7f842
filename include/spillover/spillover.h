// The public C++ API of spillover: models, scenarios, runs, sweeps, multipliers and the
// analyses. The command-line program and the Python module are built on this header alone;
// everything under src/ is internal and may change.
//
// Money values are in the model's unit (e.g. "KZT thousand") unless a scenario or an
// option asks for another; every table says its unit in a `unit` column.
#pragma once

#include <Eigen/Core>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "spillover/errors.h"

namespace spillover {
// Internal types the API holds by pointer.
class PreparedModel;
struct ScenarioResult;
struct YamlNode;
struct SweepSpec;
}  // namespace spillover

namespace spillover::api {

using spillover::InputError;
using spillover::ModelError;
using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;

// A column of a table: numbers (double, NaN for an empty cell) or text.
struct Column {
  std::string name;
  bool numeric = false;
  std::vector<double> numbers;
  std::vector<std::string> text;

  size_t size() const { return numeric ? numbers.size() : text.size(); }
};

// A tidy table, as the CLI writes it to CSV.
struct Table {
  std::vector<Column> columns;

  size_t rows() const { return columns.empty() ? 0 : columns.front().size(); }
  const Column* Find(const std::string& name) const;
  // Reads the tidy CSV that a writer produced: a column is numeric when every cell is a
  // number or empty.
  static Table FromCsv(const std::string& csv);
};

// A scenario (or sweep) document built in code: the structure of the YAML file.
struct Tree {
  enum class Kind { kNull, kScalar, kList, kMap };
  Kind kind = Kind::kNull;
  std::string text;     // a scalar as YAML text: "-0.2", "RUS", "true"
  bool quoted = false;  // a string that must not be read as a number or a flag
  std::vector<Tree> items;
  std::vector<std::pair<std::string, Tree>> entries;

  static Tree Null() { return Tree(); }
  static Tree Scalar(std::string yaml_text);  // as written in a file
  static Tree String(std::string text);       // quoted text
  static Tree Number(double value);           // shortest text that reads back exactly
  static Tree Integer(long long value);
  static Tree Bool(bool value);
  static Tree List();
  static Tree Map();
  Tree& Set(const std::string& key, Tree value);  // a map entry (replaced if present)
  Tree& Append(Tree value);                       // a list item
};

// A scenario document with its overrides, not yet checked against a model.
class Scenario {
 public:
  static Scenario FromFile(const std::string& path);  // "-" reads standard input
  // `source` names the text in error messages, in place of a file name.
  static Scenario FromText(const std::string& yaml, const std::string& source = "<text>");
  static Scenario FromTree(const Tree& tree, const std::string& source = "<tree>");

  // Overrides one key, as `--set PATH=VALUE` does: PATH is dotted
  // (shocks.russian_demand.change), VALUE is YAML text ("-0.2", "[RUS, CHN]"). `origin`
  // names the override in error messages (default "--set PATH=VALUE").
  Scenario& Set(const std::string& path, const std::string& yaml_value,
                const std::string& origin = "");
  Scenario& Set(const std::string& path, const Tree& value, const std::string& origin);
  // "PATH=VALUE", exactly the CLI's --set.
  Scenario& Override(const std::string& assignment);

  const std::string& source() const;
  bool IsSweep() const;  // a sweep file (top-level `sweep:`), not a scenario
  // The model folder the scenario names (resolved against its file's folder), else the
  // default model.
  std::string ModelFolder() const;
  const YamlNode& tree() const;  // for the library's own use

 private:
  Scenario();
  std::shared_ptr<YamlNode> root_;
  std::string source_;
};

// The outcome of one scenario: tidy rows (region or partner or route, sector or ALL,
// variable, unit, baseline, value), the same as results.csv.
class Result {
 public:
  struct Row {
    std::string region;  // the model's region, a partner code, or a route code
    std::string sector;  // sector, product or final-demand category code, or ALL
    std::string variable;
    std::string unit;
    double baseline = 0.0;
    double value = 0.0;
    double change() const { return value - baseline; }
    double pct_change() const;  // NaN for a zero baseline
  };

  const std::string& scenario() const;
  const std::string& description() const;
  const std::string& model_name() const;
  const std::string& money_unit() const;
  std::string status() const;          // "ok" or "warning"
  const std::string& message() const;  // what a warning means
  size_t size() const;
  Row row(size_t i) const;
  // The columns of results.csv: scenario,region,sector,name,variable,unit,baseline,value,
  // change,pct_change.
  Table table() const;
  std::string Csv() const;   // results.csv for this scenario
  std::string Json() const;  // summary.json for this scenario
  std::string Text() const;  // the readable report
  const ScenarioResult& internal() const { return *impl_; }

 private:
  friend class Model;
  explicit Result(std::shared_ptr<const ScenarioResult> impl);
  std::shared_ptr<const ScenarioResult> impl_;
};

// Throws InputError when the document is a sweep file, not a scenario.
void CheckNotSweep(const Scenario& scenario);

std::string ResultsCsv(const std::vector<Result>& results);   // results.csv
std::string ResultsJson(const std::vector<Result>& results);  // summary.json

// A model given as matrices with labels (the model format in memory; see
// docs/model-format.md). Flows in `unit`. With several regions, rows and columns of the
// sector matrices run over regions × sectors (region-major) and those of final demand over
// regions × categories, as in a multi-regional table; codes are then "REGION:SECTOR".
struct ModelData {
  std::string name;
  std::string description;
  int year = 0;
  std::string currency;     // e.g. "KZT"
  std::string unit;         // e.g. "KZT thousand"
  double unit_scale = 1.0;  // currency units per unit
  std::vector<std::string> regions = {"R"};
  std::vector<std::string> sectors;       // per region
  std::vector<std::string> sector_names;  // optional
  std::vector<std::string> final_demand;  // categories, per region
  // households, government, npish, investment, inventories, exports or other
  std::vector<std::string> final_demand_kinds;
  std::vector<std::string> value_added;
  // compensation, operating_surplus, fixed_capital_consumption, production_taxes,
  // product_taxes or other
  std::vector<std::string> value_added_kinds;
  std::vector<std::string> partners;  // may be empty
  Matrix Z;                           // sectors × sectors, domestic intermediate use
  Matrix Y;                           // sectors × final demand, domestic
  Matrix V;                           // value added × (sectors + final demand)
  Matrix Zm;             // products × sectors, imported intermediate use (empty: none)
  Matrix Ym;             // products × final demand, imported (empty: none)
  Matrix exports;        // products × partners (empty: none)
  Matrix import_origin;  // products × partners, shares summing to 1 (empty: none)
  double balance_tolerance = 1e-6;
};

// Sweep files: a base scenario and the parameters to vary (docs/sweeps.md).
class Sweep {
 public:
  static Sweep FromFile(const std::string& path);
  static Sweep FromText(const std::string& yaml, const std::string& source = "<text>");
  static Sweep FromTree(const Tree& tree, const std::string& source = "<tree>");
  const std::string& name() const;
  const std::string& source() const;  // the file as messages name it ("<stdin>" for "-")
  int64_t points() const;
  std::vector<std::string> parameters() const;  // their dotted paths
  std::string ModelFolder() const;              // of the base scenario
  const SweepSpec& internal() const { return *spec_; }

 private:
  Sweep();
  std::shared_ptr<const SweepSpec> spec_;
};

// What a sweep keeps per point: the `ALL` totals; also each sector; also partner × product.
enum class Detail { kTotals, kSectors, kAll };
Detail DetailFromString(const std::string& text);  // throws InputError

// An in-memory sweep result: one row per point and result row, like results.csv. Text
// columns are stored once per distinct value (`labels`) with a code per row.
struct SweepTable {
  std::vector<std::string> parameters;                // dotted paths
  std::vector<std::vector<double>> parameter_values;  // per parameter, per row (NaN: text)
  std::vector<int64_t> point;
  std::vector<std::string> labels;  // distinct region, sector, variable, unit and error texts
  std::vector<int32_t> region, sector, variable, unit, error;  // codes into `labels`
  std::vector<double> baseline, value;
  int64_t points = 0;
  int64_t failed = 0;
};

struct SweepRun {
  std::string out_dir;  // files: results.csv, points.csv, summary.csv, sweep.meta
  int threads = 1;
  Detail detail = Detail::kSectors;
  bool resume = false;
  bool force = false;
  bool progress = false;
  int shard = 0;  // 0-based
  int shards = 1;
  bool points_only = false;  // files: points.csv rows only (results.csv holds its header)
  // Files: results.csv one row per point, a column per result row holding its change, and
  // columns.csv naming each column's region, sector, variable, unit and baseline
  // (docs/sweeps.md, "Wide layout"); with Detail::kTotals or kSectors only.
  bool wide = false;
  int64_t max_points = -1;  // refuse a shard of more points; -1: the limit (docs/limits.md)
  // Files: stop as if killed after this many blocks (for tests of --resume); -1: never.
  int64_t stop_after_blocks = -1;
  // Checked between blocks of points on the calling thread; returning true stops the
  // sweep, which then throws Cancelled.
  std::function<bool()> cancelled;
};

// A sweep stopped by SweepRun::cancelled.
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("the sweep was cancelled") {}
};

struct MultiplierOptions {};

struct ExtractionOptions {
  std::string by = "partner";  // sector, partner or partner-product
  std::string variant = "total";
  std::string rule = "proportional";
  std::vector<std::string> sectors;
  std::vector<std::string> partners;
  long long top = 20;
  long long hit = 3;
  std::string unit;  // money unit of the results; "" = the model's
};

struct PathsOptions {
  // Either a scenario, or a change of exports to `partner`.
  const Scenario* scenario = nullptr;
  std::string partner;
  std::vector<std::string> sectors;
  bool has_change = false;
  double change = -1.0;
  bool has_amount = false;
  double amount = 0.0;
  std::string target = "gdp";
  long long top = 20;
  int depth = 6;
  double threshold = 1e-4;
  double threshold_abs = 0.0;
  long long max_nodes = 1000000;
  std::string unit;
};

struct InoperabilityOptions {
  std::vector<std::string> sectors;
  bool has_loss = false;
  double loss = 0.0;
  int months = 3;
  int horizon = 12;
  std::string kind = "outage";
  double recovery = 12.0;
  std::vector<std::string> recovery_sectors;  // CODE=MONTHS
  long long top = 10;
  std::string unit;
};

struct LinkagesOptions {
  std::string sort = "key";
  long long top = 0;
};

// An analysis: its tidy CSV (what --out writes), the readable table, and the CSV as a table.
struct Analysis {
  std::string csv;
  std::string text;
  std::string json = "";  // comparisons and multipliers only
  Table table() const { return Table::FromCsv(csv); }
};

// A loaded, checked and factorised model. Copies share the same data.
class Model {
 public:
  // A model folder; "" loads the default model ($SPILLOVER_MODEL, else the shipped one).
  static Model Load(const std::string& folder = "");
  static Model FromData(const ModelData& data);
  static std::string DefaultFolder();

  const std::string& folder() const;
  const std::string& name() const;
  const std::string& description() const;
  int year() const;
  const std::string& currency() const;
  const std::string& unit() const;
  std::vector<std::string> regions() const;
  std::vector<std::string> sectors() const;
  std::vector<std::string> sector_names() const;
  std::vector<std::string> final_demand() const;
  std::vector<std::string> value_added() const;
  std::vector<std::string> partners() const;
  std::vector<std::string> partner_names() const;

  // The flows and coefficients, in the model's unit, owned by the model (no copy).
  const Matrix& Z() const;  // domestic intermediate use, sectors × sectors
  const Matrix& Y() const;  // domestic final use, sectors × categories
  const Matrix& V() const;  // value added × (sectors + categories)
  const Matrix& Zm() const;
  const Matrix& Ym() const;
  const Matrix& exports() const;        // products × partners
  const Matrix& import_origin() const;  // products × partners, shares
  const Matrix& A() const;              // technical coefficients Z diag(x)^-1
  const Vector& x() const;              // output, row sums of Z and Y
  // The explicit Leontief inverse (I − A)^-1, n × n. Prefer Solve: it uses the
  // factorisation and never forms the inverse.
  Matrix L() const;
  // x = L y for one or many final-demand vectors (columns), in the model's unit.
  Matrix Solve(const Eigen::Ref<const Matrix>& demand) const;

  Result Run(const Scenario& scenario) const;
  // One batched solve for all scenarios; the results equal those of Run one by one to
  // rounding.
  std::vector<Result> RunMany(const std::vector<Scenario>& scenarios) const;
  // Checks the scenario against the key table and the model without running it.
  void Check(const Scenario& scenario) const;
  // Sums the sector rows of a result into groups: a CSV "code,group[,group_name]".
  Result Aggregate(const Result& result, const std::string& map_file) const;

  // A sweep on this model into files (run.out_dir) or, when `table` is not null, into
  // memory. Returns the number of points that failed.
  int64_t RunSweep(const Sweep& sweep, const SweepRun& run, SweepTable* table = nullptr) const;

  // Results of this model side by side, each with its difference from `baseline` (a
  // scenario name; "" = the first): what `spillover compare` prints and writes.
  Analysis Compare(const std::vector<Result>& results, const std::string& baseline = "") const;
  // OUT/report.html and OUT/report.xlsx of these results, as `spillover report` writes them
  // (both or neither; an existing report is replaced only with `force`). `groups`: a
  // sector mapping CSV for the group charts ("": the model's aggregations/sections.csv).
  void Report(const std::vector<Result>& results, const std::string& out_dir,
              const std::string& baseline = "", const std::string& groups = "",
              bool force = false) const;

  Analysis Multipliers() const;
  Analysis Extraction(const ExtractionOptions& options) const;
  Analysis Paths(const PathsOptions& options) const;
  Analysis Inoperability(const InoperabilityOptions& options) const;
  Analysis Linkages(const LinkagesOptions& options) const;
  // Supply-driven (Ghosh) output multipliers per selling sector, by output region for a
  // multi-regional model: what `spillover multipliers --ghosh` prints.
  Analysis GhoshMultipliers() const;
  // The Ghosh inverse G = (I - B)^-1, sectors × sectors (rows sell), from the Leontief
  // factorisation; n × n, so it is formed only on request.
  Matrix GhoshInverse() const;
  // OUT/G.csv (G as a labelled CSV) and OUT/ghosh_multipliers.csv, as `analyse ghosh --out`
  // writes them: both or neither. Returns the multipliers.
  Analysis WriteGhosh(const std::string& out_dir) const;

  const PreparedModel& internal() const { return *impl_; }

 private:
  Model();
  std::shared_ptr<const PreparedModel> impl_;
};

}  // namespace spillover::api
