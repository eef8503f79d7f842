// Models and scenario runs of the public API: a thin layer over run/simulate.
#include <filesystem>
#include <fstream>
#include <random>

#include "core/blas_threads.h"
#include "core/text.h"
#include "io/csv.h"
#include "io/model_io.h"
#include "report/report.h"
#include "results/aggregate.h"
#include "run/simulate.h"
#include "scenario/scenario.h"
#include "spillover/spillover.h"

namespace spillover::api {

Model::Model() = default;

Model Model::Load(const std::string& folder) {
  const BlasThreadScope blas;
  Model model;
  model.impl_ = std::make_shared<const PreparedModel>(
      LoadModel(folder.empty() ? DefaultModelFolder() : folder));
  return model;
}

std::string Model::DefaultFolder() { return DefaultModelFolder(); }

namespace {

namespace fs = std::filesystem;

std::string Quoted(const std::string& text) { return JsonString(text); }

std::string EntryList(const std::vector<std::string>& codes, const std::vector<std::string>& names,
                      const std::vector<std::string>& kinds) {
  std::string out;
  for (size_t i = 0; i < codes.size(); ++i) {
    out += "  - {code: " + Quoted(codes[i]);
    if (i < names.size()) out += ", name: " + Quoted(names[i]);
    if (i < kinds.size()) out += ", kind: " + Quoted(kinds[i]);
    out += "}\n";
  }
  return out;
}

void WriteMatrix(const fs::path& path, const Matrix& m, const std::vector<std::string>& rows,
                 const std::vector<std::string>& cols, const char* what) {
  if (m.rows() != static_cast<Index>(rows.size()) || m.cols() != static_cast<Index>(cols.size())) {
    throw InputError(SourceLocation{what, 0, 0, ""},
                     "expected " + std::to_string(rows.size()) + " × " +
                         std::to_string(cols.size()) + " (rows × columns), got " +
                         std::to_string(m.rows()) + " × " + std::to_string(m.cols()));
  }
  std::string text = "code";
  for (const auto& c : cols) text += "," + CsvField(c);
  text += "\n";
  for (Index i = 0; i < m.rows(); ++i) {
    text += CsvField(rows[static_cast<size_t>(i)]);
    for (Index j = 0; j < m.cols(); ++j) text += "," + FormatNumber(m(i, j));
    text += "\n";
  }
  std::ofstream(path, std::ios::binary) << text;
}

// A model folder in a fresh temporary directory, removed when this goes out of scope.
struct TemporaryFolder {
  fs::path path;
  TemporaryFolder() {
    std::random_device random;
    path = fs::temp_directory_path() / ("spillover-model-" + std::to_string(random()));
    fs::create_directories(path);
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

}  // namespace

// The data go through the model folder format, so that every check of the loader applies
// and the numbers (written in shortest round-trip form) are read back exactly. Messages
// name the matrix instead of the temporary file.
Model Model::FromData(const ModelData& data) {
  const BlasThreadScope blas;
  TemporaryFolder folder;
  const fs::path& dir = folder.path;
  auto expand = [&data](const std::vector<std::string>& codes) {
    if (data.regions.size() < 2) return codes;
    std::vector<std::string> out;
    for (const auto& r : data.regions) {
      for (const auto& c : codes) out.push_back(r + ":" + c);
    }
    return out;
  };
  const std::vector<std::string> sectors = expand(data.sectors);
  const std::vector<std::string> categories = expand(data.final_demand);
  std::vector<std::string> va_columns = sectors;
  va_columns.insert(va_columns.end(), categories.begin(), categories.end());
  const bool has_partners = !data.partners.empty();
  std::string yaml = "format: 1\nname: " + Quoted(data.name.empty() ? "model" : data.name) +
                     "\ndescription: " + Quoted(data.description) +
                     "\nyear: " + std::to_string(data.year) +
                     "\ncurrency: " + Quoted(data.currency) + "\nunit: " + Quoted(data.unit) +
                     "\nunit_scale: " + FormatNumber(data.unit_scale) + "\nregions:\n" +
                     EntryList(data.regions, {}, {}) + "sectors:\n" +
                     EntryList(data.sectors, data.sector_names, {}) + "final_demand:\n" +
                     EntryList(data.final_demand, {}, data.final_demand_kinds) + "value_added:\n" +
                     EntryList(data.value_added, {}, data.value_added_kinds);
  if (has_partners) yaml += "partners:\n" + EntryList(data.partners, {}, {});
  yaml += "files:\n  intermediate: Z.csv\n  final_demand: Y.csv\n  value_added: V.csv\n";
  WriteMatrix(dir / "Z.csv", data.Z, sectors, sectors, "Z");
  WriteMatrix(dir / "Y.csv", data.Y, sectors, categories, "Y");
  WriteMatrix(dir / "V.csv", data.V, data.value_added, va_columns, "V");
  if (data.Zm.size() > 0) {
    yaml += "  imports_intermediate: Zm.csv\n";
    WriteMatrix(dir / "Zm.csv", data.Zm, sectors, sectors, "Zm");
  }
  if (data.Ym.size() > 0) {
    yaml += "  imports_final: Ym.csv\n";
    WriteMatrix(dir / "Ym.csv", data.Ym, sectors, categories, "Ym");
  }
  if (data.exports.size() > 0) {
    yaml += "  exports: exports.csv\n";
    WriteMatrix(dir / "exports.csv", data.exports, sectors, data.partners, "exports");
  }
  if (data.import_origin.size() > 0) {
    yaml += "  import_origin: import_origin.csv\n";
    WriteMatrix(dir / "import_origin.csv", data.import_origin, sectors, data.partners,
                "import_origin");
  }
  yaml += "checks:\n  balance_tolerance: " + FormatNumber(data.balance_tolerance) + "\n";
  std::ofstream(dir / "model.yaml", std::ios::binary) << yaml;
  try {
    Model model;
    LoadedModel loaded = LoadModel(dir.string());
    loaded.model.folder.clear();
    model.impl_ = std::make_shared<const PreparedModel>(std::move(loaded));
    return model;
  } catch (const InputError& e) {
    SourceLocation where = e.where();
    const std::string prefix = dir.string() + "/";
    if (where.file.rfind(prefix, 0) == 0) {
      where.file = where.file.substr(prefix.size());
      const size_t dot = where.file.rfind(".csv");
      if (dot != std::string::npos) where.file = "ModelData." + where.file.substr(0, dot);
      if (where.file == "model.yaml") where.file = "ModelData";
    }
    where.line = 0;
    where.column = 0;
    throw InputError(where, e.message());
  } catch (const ModelError& e) {
    std::string text = e.what();
    const std::string prefix = dir.string() + "/";
    for (size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix)) {
      text.replace(at, prefix.size(), "ModelData.");
    }
    throw ModelError(text);
  }
}

const std::string& Model::folder() const { return impl_->model().folder; }
const std::string& Model::name() const { return impl_->model().name; }
const std::string& Model::description() const { return impl_->model().description; }
int Model::year() const { return impl_->model().year; }
const std::string& Model::currency() const { return impl_->model().currency; }
const std::string& Model::unit() const { return impl_->model().unit; }

namespace {
std::vector<std::string> Codes(const std::vector<Entry>& entries) {
  std::vector<std::string> codes;
  for (const auto& e : entries) codes.push_back(e.code);
  return codes;
}
std::vector<std::string> Names(const std::vector<Entry>& entries) {
  std::vector<std::string> names;
  for (const auto& e : entries) names.push_back(e.name);
  return names;
}
}  // namespace

std::vector<std::string> Model::regions() const { return Codes(impl_->model().regions); }
std::vector<std::string> Model::sectors() const { return Codes(impl_->model().sectors); }
std::vector<std::string> Model::sector_names() const { return Names(impl_->model().sectors); }
std::vector<std::string> Model::final_demand() const { return Codes(impl_->model().final_demand); }
std::vector<std::string> Model::value_added() const { return Codes(impl_->model().value_added); }
std::vector<std::string> Model::partners() const { return Codes(impl_->model().partners); }
std::vector<std::string> Model::partner_names() const { return Names(impl_->model().partners); }

const Matrix& Model::Z() const { return impl_->model().intermediate; }
const Matrix& Model::Y() const { return impl_->model().final_use; }
const Matrix& Model::V() const { return impl_->model().primary_inputs; }
const Matrix& Model::Zm() const { return impl_->model().imports_intermediate; }
const Matrix& Model::Ym() const { return impl_->model().imports_final; }
const Matrix& Model::exports() const { return impl_->model().exports; }
const Matrix& Model::import_origin() const { return impl_->model().import_origin; }
const Matrix& Model::A() const { return impl_->coefficients().technical; }
const Vector& Model::x() const { return impl_->coefficients().output; }
Matrix Model::L() const { return impl_->solver().Inverse(); }

Matrix Model::Solve(const Eigen::Ref<const Matrix>& demand) const {
  const BlasThreadScope blas;
  CheckInputLength(demand.rows(), impl_->model().sector_count(), "final demand rows");
  return impl_->solver().SolveMany(demand);
}

namespace {

void RefuseSweep(const Scenario& scenario) {
  if (scenario.IsSweep()) {
    throw InputError(SourceLocation{scenario.source(), 0, 0, ""},
                     "is a sweep, not a scenario; run it with 'spillover sweep FILE --out DIR'");
  }
}

spillover::Scenario Build(const PreparedModel& prepared, const Scenario& scenario) {
  RefuseSweep(scenario);
  return BuildScenario(scenario.tree(), scenario.source(), prepared.model());
}

}  // namespace

void Model::Check(const Scenario& scenario) const { Build(*impl_, scenario); }

Result Model::Run(const Scenario& scenario) const {
  const BlasThreadScope blas;
  return Result(std::make_shared<const ScenarioResult>(Simulate(*impl_, Build(*impl_, scenario))));
}

std::vector<Result> Model::RunMany(const std::vector<Scenario>& scenarios) const {
  const BlasThreadScope blas;
  std::vector<spillover::Scenario> built;
  for (const auto& s : scenarios) built.push_back(Build(*impl_, s));
  std::vector<Result> results;
  for (auto& r : SimulateBatch(*impl_, built)) {
    results.push_back(Result(std::make_shared<const ScenarioResult>(std::move(r))));
  }
  return results;
}

Result Model::Aggregate(const Result& result, const std::string& map_file) const {
  return Result(std::make_shared<const ScenarioResult>(
      AggregateSectors(result.internal(), LoadSectorMap(map_file, impl_->model().SectorCodes()))));
}

void CheckNotSweep(const Scenario& scenario) { RefuseSweep(scenario); }

Result::Result(std::shared_ptr<const ScenarioResult> impl) : impl_(std::move(impl)) {}

double Result::Row::pct_change() const {
  return ResultRow{region, sector, variable, unit, baseline, value}.PercentChange();
}

const std::string& Result::scenario() const { return impl_->scenario; }
const std::string& Result::description() const { return impl_->description; }
const std::string& Result::model_name() const { return impl_->model_name; }
const std::string& Result::money_unit() const { return impl_->money_unit; }
std::string Result::status() const { return ToString(impl_->status); }
const std::string& Result::message() const { return impl_->message; }
size_t Result::size() const { return impl_->rows.size(); }

Result::Row Result::row(size_t i) const {
  const ResultRow& r = impl_->rows.at(i);
  return Row{r.region, r.sector, r.variable, r.unit, r.baseline, r.value};
}

Table Result::table() const {
  Table table;
  const char* text_columns[] = {"scenario", "region", "sector", "name", "variable", "unit"};
  const char* number_columns[] = {"baseline", "value", "change", "pct_change"};
  for (const char* name : text_columns) table.columns.push_back(Column{name, false, {}, {}});
  for (const char* name : number_columns) table.columns.push_back(Column{name, true, {}, {}});
  for (auto& c : table.columns) {
    if (c.numeric) {
      c.numbers.reserve(impl_->rows.size());
    } else {
      c.text.reserve(impl_->rows.size());
    }
  }
  for (const auto& r : impl_->rows) {
    table.columns[0].text.push_back(impl_->scenario);
    table.columns[1].text.push_back(r.region);
    table.columns[2].text.push_back(r.sector);
    table.columns[3].text.push_back(impl_->NameOf(r));
    table.columns[4].text.push_back(r.variable);
    table.columns[5].text.push_back(r.unit);
    table.columns[6].numbers.push_back(r.baseline);
    table.columns[7].numbers.push_back(r.value);
    table.columns[8].numbers.push_back(r.Change());
    table.columns[9].numbers.push_back(r.PercentChange());
  }
  return table;
}

std::string Result::Csv() const { return FormatCsv({*impl_}); }
std::string Result::Json() const { return FormatJson({*impl_}); }
std::string Result::Text() const { return FormatTable(*impl_); }

namespace {
std::vector<ScenarioResult> Internal(const std::vector<Result>& results) {
  std::vector<ScenarioResult> out;
  for (const auto& r : results) out.push_back(r.internal());
  return out;
}
}  // namespace

std::string ResultsCsv(const std::vector<Result>& results) { return FormatCsv(Internal(results)); }
std::string ResultsJson(const std::vector<Result>& results) {
  return FormatJson(Internal(results));
}

}  // namespace spillover::api
