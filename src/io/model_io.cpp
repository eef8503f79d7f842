#include "io/model_io.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "core/error.h"
#include "core/limits.h"
#include "core/text.h"
#include "engine/leontief.h"
#include "io/csv.h"
#include "io/final_use_taxes.h"
#include "io/model_check.h"
#include "io/model_location.h"
#include "io/routes_io.h"
#include "io/yaml_read.h"

namespace spillover {
namespace {

// Labels the results use for totals: a code equal to one would make its rows ambiguous.
const char* const kReservedCodes[] = {"ALL", "TOTAL"};

struct Reader {
  std::string file;  // model.yaml path, for messages
  // Codes of the lists whose codes meet in one file (sectors and final-demand categories
  // are the columns of V.csv, value-added components its rows): code -> "list[i]".
  std::map<std::string, std::string>* shared = nullptr;

  std::vector<Entry> ReadEntries(const YamlNode& root, const std::string& key, bool required,
                                 const std::vector<std::string>& extra_keys,
                                 std::vector<const YamlNode*>* items, bool share = false,
                                 bool reserve = false) const {
    std::vector<Entry> entries;
    const YamlNode* list = root.Find(key);
    if (list == nullptr) {
      if (required) throw InputError(LocationOf(file, root, key), "required key is missing");
      return entries;
    }
    if (!list->IsSequence()) {
      throw InputError(LocationOf(file, *list, key),
                       std::string("expected a list of {code, name} entries, got a ") +
                           YamlKindName(list->kind));
    }
    if (required && list->items.empty()) {
      throw InputError(LocationOf(file, *list, key), "the list is empty; expected at least one");
    }
    const int64_t max_entries = ProcessLimits().max_sectors;
    if (static_cast<int64_t>(list->items.size()) > max_entries) {
      throw InputError(LocationOf(file, *list, key),
                       "lists " + std::to_string(list->items.size()) +
                           " entries, more than the limit of " + std::to_string(max_entries) +
                           " (raise it with --max-sectors; docs/limits.md)");
    }
    std::vector<std::string> allowed = {"code", "name"};
    allowed.insert(allowed.end(), extra_keys.begin(), extra_keys.end());
    std::set<std::string> seen;
    for (size_t i = 0; i < list->items.size(); ++i) {
      const YamlNode& item = list->items[i];
      const std::string path = key + "[" + std::to_string(i) + "]";
      CheckMapKeys(file, item, path, allowed);
      Entry entry;
      entry.code = ReadString(file, RequireKey(file, item, path, "code"), path + ".code");
      const YamlNode* name = item.Find("name");
      entry.name = name ? ReadString(file, *name, path + ".name") : entry.code;
      if (entry.code.empty() || entry.code.find_first_of(":,\"\n") != std::string::npos) {
        throw InputError(
            LocationOf(file, *item.Find("code"), path + ".code"),
            "code '" + Echo(entry.code) + "' is empty or holds ':', ',', '\"' or a line break");
      }
      for (const char* reserved : kReservedCodes) {
        if (reserve && entry.code == reserved) {
          throw InputError(
              LocationOf(file, *item.Find("code"), path + ".code"),
              "code '" + entry.code + "' is reserved: results use ALL and TOTAL for totals");
        }
      }
      if (!seen.insert(entry.code).second) {
        throw InputError(LocationOf(file, *item.Find("code"), path + ".code"),
                         "code '" + Echo(entry.code) + "' is listed twice");
      }
      if (share && shared != nullptr) {
        const auto owner = shared->emplace(entry.code, path);
        if (!owner.second) {
          throw InputError(LocationOf(file, *item.Find("code"), path + ".code"),
                           "code '" + entry.code + "' is also the code of " + owner.first->second +
                               "; codes must be unique across sectors, final_demand and "
                               "value_added, which share V.csv");
        }
      }
      entries.push_back(entry);
      if (items) items->push_back(&item);
    }
    return entries;
  }

  template <typename Kind>
  std::vector<Kind> ReadKinds(const std::vector<const YamlNode*>& items, const std::string& key,
                              const std::vector<std::string>& names) const {
    std::vector<Kind> kinds;
    for (size_t i = 0; i < items.size(); ++i) {
      const std::string path = key + "[" + std::to_string(i) + "].kind";
      const std::string text = ReadString(
          file, RequireKey(file, *items[i], key + "[" + std::to_string(i) + "]", "kind"), path);
      Kind kind;
      if (!FromString(text, &kind)) {
        throw InputError(LocationOf(file, *items[i]->Find("kind"), path),
                         "unknown kind '" + text + "'" + DidYouMean(text, names) +
                             "; expected one of " + Join(names, ", "));
      }
      kinds.push_back(kind);
    }
    return kinds;
  }
};

std::vector<Entry> ExpandEntries(const std::vector<Entry>& regions,
                                 const std::vector<Entry>& items) {
  std::vector<Entry> out;
  for (const auto& r : regions) {
    for (const auto& s : items) {
      out.push_back(regions.size() > 1 ? Entry{r.code + ":" + s.code, r.name + ": " + s.name} : s);
    }
  }
  return out;
}

void CheckSign(const Matrix& m, const std::string& file, const std::vector<std::string>& rows,
               const std::vector<std::string>& cols, const std::string& what) {
  for (Index j = 0; j < m.cols(); ++j) {
    for (Index i = 0; i < m.rows(); ++i) {
      if (m(i, j) < 0.0) {
        throw InputError(
            SourceLocation{file, 0, 0,
                           "row '" + rows[static_cast<size_t>(i)] + "', column '" +
                               cols[static_cast<size_t>(j)] + "'"},
            "value " + FormatNumber(m(i, j)) + " is negative; " + what + " must be >= 0");
      }
    }
  }
}

double Relative(double residual, double scale) {
  return std::fabs(residual) / std::max(std::fabs(scale), 1e-300);
}

// Real tables: x stays the row sums and each column's gap goes into the `residual` row
// (added if the model lists none), so that the accounts hold; the largest gap is reported.
// Gaps within the tolerance are left alone, so that a balanced folder reads back exactly.
ModelCheck PutGapsIntoResidual(Model* m, const Vector& x, double tolerance) {
  const Index n = m->sector_count();
  std::vector<Index> rows = m->ValueAddedOfKind(ValueAddedKind::kResidual);
  if (rows.empty()) {
    m->value_added.push_back(Entry{"residual", "Residual: output less column inputs"});
    m->value_added_kinds.push_back(ValueAddedKind::kResidual);
    m->primary_inputs.conservativeResize(m->primary_inputs.rows() + 1, Eigen::NoChange);
    m->primary_inputs.row(m->primary_inputs.rows() - 1).setZero();
    rows.push_back(m->primary_inputs.rows() - 1);
  }
  const Vector inputs = m->intermediate.colwise().sum().transpose() +
                        m->IntermediateImportsBySector() +
                        m->primary_inputs.leftCols(n).colwise().sum().transpose();
  ModelCheck check{"column gaps (output less inputs) put into the residual row", 0, ""};
  for (Index j = 0; j < n; ++j) {
    const double gap = x(j) - inputs(j);
    const double relative = x(j) != 0.0 ? std::fabs(gap) / std::fabs(x(j)) : 0.0;
    if (relative > tolerance || (x(j) == 0.0 && gap != 0.0)) {
      m->primary_inputs(rows.front(), j) += gap;
    }
    if (relative > check.worst) {
      check.worst = relative;
      check.where = m->sectors[static_cast<size_t>(j)].code;
    }
  }
  return check;
}

// Comparisons that count NaN as a failure: NaN > tol and NaN <= tol are both false.
bool Fails(double residual, double tolerance) { return !(residual <= tolerance); }
bool Worse(double residual, double worst) { return !(residual <= worst); }

// x = L y holds to rounding for any productive model of sane condition.
constexpr double kSolveTolerance = 1e-6;

// `keep_flows` false: a check of the folder alone, whose model nobody uses afterwards, so
// Z is released once A is formed (see CheckModelFolder).
LoadedModel LoadAndCheck(const std::string& folder, bool keep_flows) {
  namespace fs = std::filesystem;
  const std::string yaml_path = (fs::path(folder) / "model.yaml").string();
  if (!fs::is_directory(folder)) {
    const std::string hint = fs::exists(folder) ? std::string() : MissingModelHint(folder);
    throw InputError(SourceLocation{folder, 0, 0, ""},
                     hint.empty()
                         ? "is not a model folder (expected a directory holding model.yaml)"
                         : "the model folder does not exist: " + hint);
  }
  const YamlNode root = ParseYamlFile(yaml_path);
  std::map<std::string, std::string> shared_codes;
  const Reader r{yaml_path, &shared_codes};
  CheckMapKeys(yaml_path, root, "",
               {"format", "name", "description", "year", "currency", "unit", "unit_scale",
                "exchange_rates", "regions", "focus", "sectors", "final_demand", "value_added",
                "partners", "satellites", "files", "checks"});
  LoadedModel loaded;
  Model& m = loaded.model;
  m.folder = folder;
  const long long format =
      ReadInteger(yaml_path, RequireKey(yaml_path, root, "", "format"), "format");
  if (format != 1) {
    throw InputError(LocationOf(yaml_path, *root.Find("format"), "format"),
                     "unsupported format " + std::to_string(format) + "; expected 1");
  }
  m.name = ReadString(yaml_path, RequireKey(yaml_path, root, "", "name"), "name");
  if (const YamlNode* d = root.Find("description"))
    m.description = ReadString(yaml_path, *d, "description");
  const YamlNode& year = RequireKey(yaml_path, root, "", "year");
  const long long year_value = ReadInteger(yaml_path, year, "year");
  if (year_value < 1900 || year_value > 2200) {
    throw InputError(LocationOf(yaml_path, year, "year"),
                     "value " + std::to_string(year_value) +
                         " is out of range; expected a year from 1900 to 2200");
  }
  m.year = static_cast<int>(year_value);
  m.currency = ReadString(yaml_path, RequireKey(yaml_path, root, "", "currency"), "currency");
  m.unit = ReadString(yaml_path, RequireKey(yaml_path, root, "", "unit"), "unit");
  if (const YamlNode* s = root.Find("unit_scale")) {
    m.unit_scale = ReadNumber(yaml_path, *s, "unit_scale");
    if (!(m.unit_scale > 0.0)) {
      throw InputError(LocationOf(yaml_path, *s, "unit_scale"), "expected a number > 0");
    }
  }
  if (const YamlNode* rates = root.Find("exchange_rates")) {
    if (!rates->IsMap()) {
      throw InputError(LocationOf(yaml_path, *rates, "exchange_rates"),
                       "expected a mapping CURRENCY: rate");
    }
    for (const auto& [key, value] : rates->entries) {
      const double rate = ReadNumber(yaml_path, value, "exchange_rates." + key.scalar);
      if (!(rate > 0.0)) {
        throw InputError(LocationOf(yaml_path, value, "exchange_rates." + key.scalar),
                         "expected a rate > 0");
      }
      m.exchange_rates.emplace_back(key.scalar, rate);
    }
  }
  m.regions = r.ReadEntries(root, "regions", true, {}, nullptr, false, true);
  if (const YamlNode* focus = root.Find("focus")) {
    m.focus = ReadString(yaml_path, *focus, "focus");
    std::vector<std::string> region_codes;
    for (const Entry& e : m.regions) region_codes.push_back(e.code);
    if (std::find(region_codes.begin(), region_codes.end(), m.focus) == region_codes.end()) {
      throw InputError(LocationOf(yaml_path, *focus, "focus"),
                       "unknown region '" + m.focus + "'" + DidYouMean(m.focus, region_codes) +
                           "; expected one of " + Join(region_codes, ", "));
    }
  }
  const std::vector<Entry> base_sectors =
      r.ReadEntries(root, "sectors", true, {}, nullptr, true, true);
  const int64_t max_sectors = ProcessLimits().max_sectors;
  if (static_cast<int64_t>(m.regions.size()) * static_cast<int64_t>(base_sectors.size()) >
      max_sectors) {
    throw InputError(LocationOf(yaml_path, *root.Find("sectors"), "sectors"),
                     std::to_string(m.regions.size()) + " regions x " +
                         std::to_string(base_sectors.size()) +
                         " sectors = " + std::to_string(m.regions.size() * base_sectors.size()) +
                         " sectors, more than the limit of " + std::to_string(max_sectors) +
                         " (raise it with --max-sectors; docs/limits.md)");
  }
  std::vector<const YamlNode*> fd_items, va_items, sat_items;
  const std::vector<Entry> base_categories =
      r.ReadEntries(root, "final_demand", true, {"kind"}, &fd_items, true);
  const auto base_kinds =
      r.ReadKinds<FinalDemandKind>(fd_items, "final_demand", FinalDemandKindNames());
  m.value_added = r.ReadEntries(root, "value_added", true, {"kind"}, &va_items, true);
  m.value_added_kinds = r.ReadKinds<ValueAddedKind>(va_items, "value_added", ValueAddedKindNames());
  m.partners = r.ReadEntries(root, "partners", false, {}, nullptr, false, true);
  m.satellites = r.ReadEntries(root, "satellites", false, {"unit"}, &sat_items);
  for (size_t i = 0; i < sat_items.size(); ++i) {
    const YamlNode* unit = sat_items[i]->Find("unit");
    m.satellite_units.push_back(
        unit ? ReadString(yaml_path, *unit, "satellites[" + std::to_string(i) + "].unit") : "");
  }
  m.sectors = ExpandEntries(m.regions, base_sectors);
  m.final_demand = ExpandEntries(m.regions, base_categories);
  for (size_t rr = 0; rr < m.regions.size(); ++rr) {
    m.final_demand_kinds.insert(m.final_demand_kinds.end(), base_kinds.begin(), base_kinds.end());
  }
  bool gaps_to_residual = false;
  if (const YamlNode* checks = root.Find("checks")) {
    CheckMapKeys(yaml_path, *checks, "checks", {"balance_tolerance", "column_gaps"});
    if (const YamlNode* gaps = checks->Find("column_gaps")) {
      const std::string rule = ReadString(yaml_path, *gaps, "checks.column_gaps");
      if (rule != "refuse" && rule != "residual") {
        throw InputError(LocationOf(yaml_path, *gaps, "checks.column_gaps"),
                         "unknown rule '" + rule + "'" + DidYouMean(rule, {"refuse", "residual"}) +
                             "; expected refuse or residual");
      }
      gaps_to_residual = rule == "residual";
    }
    if (const YamlNode* tol = checks->Find("balance_tolerance")) {
      m.balance_tolerance = ReadNumber(yaml_path, *tol, "checks.balance_tolerance");
      if (!(m.balance_tolerance > 0.0 && m.balance_tolerance < 1.0)) {
        throw InputError(LocationOf(yaml_path, *tol, "checks.balance_tolerance"),
                         "expected a number in (0, 1)");
      }
    }
  }

  const YamlNode& files = RequireKey(yaml_path, root, "", "files");
  CheckMapKeys(
      yaml_path, files, "files",
      {"intermediate", "final_demand", "value_added", "imports_intermediate", "imports_final",
       "import_origin", "exports", "final_use_taxes", "satellites", "routes"});
  auto path_of = [&](const std::string& key, bool required) -> std::string {
    const YamlNode* node = files.Find(key);
    if (node == nullptr) {
      if (required)
        throw InputError(LocationOf(yaml_path, files, "files." + key), "required key is missing");
      return "";
    }
    const std::string name = ReadString(yaml_path, *node, "files." + key);
    const std::string path = (fs::path(folder) / name).string();
    std::error_code error;
    if (!fs::exists(path, error)) {
      throw InputError(LocationOf(yaml_path, *node, "files." + key),
                       "file '" + path + "' does not exist");
    }
    return path;
  };

  const auto sectors = m.SectorCodes();
  const auto categories = m.CategoryCodes();
  const auto partners = m.PartnerCodes();
  const auto components = m.ValueAddedCodes();
  std::vector<std::string> va_columns = sectors;
  va_columns.insert(va_columns.end(), categories.begin(), categories.end());
  const Index n = m.sector_count();

  const std::string z_path = path_of("intermediate", true);
  const std::string y_path = path_of("final_demand", true);
  const std::string v_path = path_of("value_added", true);
  m.intermediate = ReadLabelledMatrix(z_path, sectors, sectors);
  m.final_use = ReadLabelledMatrix(y_path, sectors, categories);
  m.primary_inputs = ReadLabelledMatrix(v_path, components, va_columns, categories);
  CheckSign(m.intermediate, z_path, sectors, sectors, "intermediate flows");

  const std::string zm_path = path_of("imports_intermediate", false);
  const std::string ym_path = path_of("imports_final", false);
  // Without a file the model has no intermediate imports: no n × n zero matrix is stored.
  if (!zm_path.empty()) m.imports_intermediate = ReadLabelledMatrix(zm_path, sectors, sectors);
  m.imports_final = ym_path.empty() ? Matrix::Zero(n, m.category_count())
                                    : ReadLabelledMatrix(ym_path, sectors, categories);
  if (!zm_path.empty()) CheckSign(m.imports_intermediate, zm_path, sectors, sectors, "imports");

  if (m.partners.empty()) {
    m.partners.push_back(m.regions.size() > 1 ? Entry{"EXT", "Outside the model"}
                                              : Entry{"ROW", "Rest of the world"});
  }
  if (m.regions.size() > 1) {
    for (const Entry& p : m.partners) {
      for (const Entry& region : m.regions) {
        if (p.code == region.code) {
          throw InputError(LocationOf(yaml_path, *root.Find("regions"), "partners"),
                           "'" + p.code +
                               "' is both an endogenous region and an exogenous "
                               "partner; result rows could not tell them apart");
        }
      }
    }
  }
  const auto partner_codes = m.PartnerCodes();
  const std::string origin_path = path_of("import_origin", false);
  if (origin_path.empty()) {
    m.import_origin = Matrix::Zero(n, m.partner_count());
    m.import_origin.col(0).setOnes();
  } else {
    m.import_origin = ReadLabelledMatrix(origin_path, sectors, partner_codes);
    CheckSign(m.import_origin, origin_path, sectors, partner_codes, "import origin shares");
  }
  const auto exports_categories = m.CategoriesOfKind(FinalDemandKind::kExports);
  Vector exports_in_y = Vector::Zero(n);
  for (Index f : exports_categories) exports_in_y += m.final_use.col(f);
  const std::string exports_path = path_of("exports", false);
  if (exports_path.empty()) {
    m.exports = Matrix::Zero(n, m.partner_count());
    m.exports.col(0) = exports_in_y;
  } else {
    m.exports = ReadLabelledMatrix(exports_path, sectors, partner_codes);
    CheckSign(m.exports, exports_path, sectors, partner_codes, "exports");
  }
  const std::string taxes_path = path_of("final_use_taxes", false);
  if (!taxes_path.empty()) loaded.checks.push_back(ReadFinalUseTaxes(taxes_path, v_path, &m));
  const std::string sat_path = path_of("satellites", !m.satellites.empty());
  if (!m.satellites.empty()) {
    m.satellite_values = ReadLabelledMatrix(sat_path, m.SatelliteCodes(), sectors);
    CheckSign(m.satellite_values, sat_path, m.SatelliteCodes(), sectors, "satellite values");
  } else {
    m.satellite_values = Matrix::Zero(0, n);
  }

  const std::string routes_path = path_of("routes", false);
  if (!routes_path.empty()) m.routes = LoadRoutes(routes_path, m);

  // Accounts (docs/model-format.md, "Accounts the loader checks").
  const double tol = m.balance_tolerance;
  const Vector x = m.Output();
  if (gaps_to_residual) loaded.checks.push_back(PutGapsIntoResidual(&m, x, tol));

  // Finite cells can still sum to infinity (rows of 1e308); every check below would then
  // compare NaN, which no comparison catches. Refuse the totals first.
  for (Index j = 0; j < n; ++j) {
    if (!std::isfinite(x(j))) {
      throw InputError(
          SourceLocation{y_path, 0, 0, "row '" + sectors[static_cast<size_t>(j)] + "'"},
          "output (row sum of intermediate and final use) is " + FormatNumber(x(j)) +
              ": the values overflow a double; express them in a larger unit");
    }
  }
  const Vector imports_by_sector = m.IntermediateImportsBySector();
  const Vector inputs = m.intermediate.colwise().sum().transpose() + imports_by_sector +
                        m.primary_inputs.leftCols(n).colwise().sum().transpose();
  ModelCheck column_check{"column balance: output = intermediate + imports + value added", 0, "",
                          tol};
  for (Index j = 0; j < n; ++j) {
    const size_t sj = static_cast<size_t>(j);
    if (x(j) < 0.0) {
      throw InputError(SourceLocation{y_path, 0, 0, "row '" + sectors[sj] + "'"},
                       "output (row sum of intermediate and final use) is " + FormatNumber(x(j)) +
                           "; expected >= 0");
    }
    if (x(j) == 0.0) {
      if (m.intermediate.col(j).cwiseAbs().sum() + imports_by_sector(j) +
              m.primary_inputs.col(j).cwiseAbs().sum() >
          0.0) {
        throw InputError(SourceLocation{z_path, 0, 0, "column '" + sectors[sj] + "'"},
                         "sector has inputs but zero output (row sum of intermediate and final "
                         "use is 0)");
      }
      continue;
    }
    const double residual = Relative(inputs(j) - x(j), x(j));
    if (Worse(residual, column_check.worst)) {
      column_check.worst = residual;
      column_check.where = sectors[sj];
    }
    if (Fails(residual, tol)) {
      throw InputError(SourceLocation{v_path, 0, 0, "column '" + sectors[sj] + "'"},
                       "column balance fails: inputs (intermediate + imports + value added) " +
                           FormatNumber(inputs(j)) + " differ from output " + FormatNumber(x(j)) +
                           " by " + FormatNumber(residual) + " relative; tolerance " +
                           FormatNumber(tol));
    }
  }
  loaded.checks.push_back(column_check);

  ModelCheck exports_check{"exports by partner add up to the exports in final demand", 0, "", tol};
  const Vector exports_total = m.exports.rowwise().sum();
  for (Index i = 0; i < n; ++i) {
    const double scale = std::max(std::fabs(exports_in_y(i)), 1e-12 * x.cwiseAbs().maxCoeff());
    const double residual = Relative(exports_total(i) - exports_in_y(i), std::max(scale, 1e-300));
    if (exports_total(i) == exports_in_y(i)) continue;
    if (Worse(residual, exports_check.worst)) {
      exports_check.worst = residual;
      exports_check.where = sectors[static_cast<size_t>(i)];
    }
    if (Fails(residual, tol)) {
      throw InputError(SourceLocation{exports_path.empty() ? y_path : exports_path, 0, 0,
                                      "row '" + sectors[static_cast<size_t>(i)] + "'"},
                       "exports by partner sum to " + FormatNumber(exports_total(i)) +
                           " but the final-demand columns of kind 'exports' hold " +
                           FormatNumber(exports_in_y(i)));
    }
  }
  loaded.checks.push_back(exports_check);

  ModelCheck origin_check{"import origin shares sum to 1", 0, "", tol};
  const Vector imports_total = m.IntermediateImportsByProduct() + m.imports_final.rowwise().sum();
  for (Index i = 0; i < n; ++i) {
    if (imports_total(i) == 0.0) continue;
    const double residual = std::fabs(m.import_origin.row(i).sum() - 1.0);
    if (Worse(residual, origin_check.worst)) {
      origin_check.worst = residual;
      origin_check.where = sectors[static_cast<size_t>(i)];
    }
    if (Fails(residual, tol)) {
      throw InputError(
          SourceLocation{origin_path, 0, 0, "row '" + sectors[static_cast<size_t>(i)] + "'"},
          "import origin shares sum to " + FormatNumber(m.import_origin.row(i).sum()) +
              "; expected 1 for a product with imports");
    }
  }
  loaded.checks.push_back(origin_check);

  loaded.coefficients = ComputeCoefficients(m);
  if (!keep_flows) m.intermediate = Matrix();  // what follows needs A, x and Y only
  try {
    loaded.solver = std::make_unique<LeontiefSolver>(loaded.coefficients.technical);
    loaded.spectral_radius_bound = CheckProductive(*loaded.solver, sectors);
  } catch (const ModelError& e) {
    throw ModelError(z_path + ": " + e.what());
  }
  const LeontiefSolver& solver = *loaded.solver;
  const Vector reproduced = solver.Solve(Vector(m.final_use.rowwise().sum()));
  ModelCheck solve_check{"x = L y reproduces output", 0, "", kSolveTolerance};
  for (Index i = 0; i < n; ++i) {
    if (!(x(i) > 0.0)) continue;
    const double residual = Relative(reproduced(i) - x(i), x(i));
    if (Worse(residual, solve_check.worst)) {
      solve_check.worst = residual;
      solve_check.where = sectors[static_cast<size_t>(i)];
    }
  }
  if (Fails(solve_check.worst, solve_check.tolerance)) {
    throw ModelError(z_path + ": x = L y does not reproduce output: relative residual " +
                     FormatNumber(solve_check.worst) + " at sector '" + solve_check.where +
                     "', tolerance " + FormatNumber(solve_check.tolerance) +
                     "; the system is too ill-conditioned to solve accurately");
  }
  loaded.checks.push_back(solve_check);
  return loaded;
}

}  // namespace

LoadedModel LoadModel(const std::string& folder) { return LoadAndCheck(folder, true); }

void CheckModelFolder(const std::string& folder) { LoadAndCheck(folder, false); }

}  // namespace spillover
