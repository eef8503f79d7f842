#include "io/importers/pymrio.h"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "core/error.h"
#include "core/text.h"
#include "io/atomic_file.h"
#include "io/csv.h"
#include "io/model_write.h"
#include "io/yaml_doc.h"
#include "io/yaml_read.h"

namespace spillover {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  if (!out.empty() && !out.back().empty() && out.back().back() == '\r') out.back().pop_back();
  return out;
}

struct FileEntry {
  std::string path;
  int index_cols = 0;
  int header_rows = 0;
};

struct FileParameters {
  std::string systemtype;
  std::string name;
  std::map<std::string, FileEntry> files;
};

FileParameters ReadFileParameters(const std::string& folder) {
  const std::string path = (fs::path(folder) / "file_parameters.json").string();
  if (!fs::is_regular_file(path)) {
    throw InputError(SourceLocation{path, 0, 0, ""},
                     "missing: a pymrio folder holds file_parameters.json (IOSystem.save_all)");
  }
  const YamlNode root = ParseYamlFile(path);
  FileParameters params;
  params.systemtype = ReadString(path, RequireKey(path, root, "", "systemtype"), "systemtype");
  if (const YamlNode* name = root.Find("name")) params.name = ReadString(path, *name, "name");
  const YamlNode& files = RequireKey(path, root, "", "files");
  if (!files.IsMap()) throw InputError(LocationOf(path, files, "files"), "expected a mapping");
  for (const auto& key_and_entry : files.entries) {
    // Named references, not a structured binding: C++17 lets no lambda capture a binding.
    const auto& key = key_and_entry.first;
    const auto& entry = key_and_entry.second;
    const std::string k = "files." + key.scalar;
    FileEntry f;
    const std::string name = ReadString(path, RequireKey(path, entry, k, "name"), k + ".name");
    f.path = (fs::path(folder) / name).string();
    const auto integer = [&](const char* field) {
      const YamlNode& node = RequireKey(path, entry, k, field);
      double value = 0.0;
      if (!ParseNumber(node.scalar, &value) || value < 1 || value > 10 ||
          value != std::floor(value)) {
        throw InputError(LocationOf(path, node, k + "." + field),
                         "'" + node.scalar + "' is not a whole number from 1 to 10");
      }
      return static_cast<int>(value);
    };
    f.index_cols = integer("nr_index_col");
    f.header_rows = integer("nr_header");
    if (fs::path(name).extension() != ".txt") {
      throw InputError(LocationOf(path, entry, k + ".name"),
                       "'" + name + "' is not a text table; save with table_format='txt'");
    }
    params.files[key.scalar] = f;
  }
  return params;
}

PymrioTable ReadTable(const FileParameters& params, const std::string& key, bool numeric,
                      const std::string& folder) {
  const auto it = params.files.find(key);
  if (it == params.files.end()) {
    throw InputError(
        SourceLocation{(fs::path(folder) / "file_parameters.json").string(), 0, 0, "files." + key},
        "the table '" + key + "' is not listed");
  }
  return ParsePymrioTable(ReadFile(it->second.path), it->second.path, it->second.index_cols,
                          it->second.header_rows, numeric);
}

std::string Label(const std::vector<std::string>& levels) { return Join(levels, "/"); }

// Guesses kinds from the codes when metadata.json does not give them.
FinalDemandKind GuessFinalDemandKind(const std::string& code) {
  std::string c;
  for (const char ch : code) c += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  const auto has = [&](const char* word) { return c.find(word) != std::string::npos; };
  if (has("household") || has("hfce")) return FinalDemandKind::kHouseholds;
  if (has("npish") || has("non-profit")) return FinalDemandKind::kNpish;
  if (has("government") || has("ggfc")) return FinalDemandKind::kGovernment;
  if (has("gfcf") || has("fixed capital")) return FinalDemandKind::kInvestment;
  if (has("inventor") || has("invnt") || has("stock")) return FinalDemandKind::kInventories;
  if (has("export")) return FinalDemandKind::kExports;
  return FinalDemandKind::kOther;
}

ValueAddedKind GuessValueAddedKind(const std::string& code) {
  std::string c;
  for (const char ch : code) c += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  const auto has = [&](const char* word) { return c.find(word) != std::string::npos; };
  if (c == "residual") return ValueAddedKind::kResidual;
  if (has("taxes less subsidies on products") || c == "tls" || has("product tax")) {
    return ValueAddedKind::kProductTaxes;
  }
  if (has("compensation") || has("wage")) return ValueAddedKind::kCompensation;
  if (has("operating surplus")) return ValueAddedKind::kOperatingSurplus;
  return ValueAddedKind::kOther;
}

// The "spillover" block of metadata.json that ExportPymrio writes, if any.
struct Metadata {
  std::string name, description, currency, focus;
  double unit_scale = 0.0;
  int year = 0;
  std::map<std::string, std::string> fd_kinds, va_kinds, va_names, fd_names, sector_names,
      region_names;
};

Metadata ReadMetadata(const std::string& folder) {
  Metadata meta;
  const std::string path = (fs::path(folder) / "metadata.json").string();
  if (!fs::is_regular_file(path)) return meta;
  const YamlNode root = ParseYamlFile(path);
  if (!root.IsMap()) return meta;
  if (const YamlNode* n = root.Find("name"); n && n->IsScalar()) meta.name = n->scalar;
  if (const YamlNode* n = root.Find("description"); n && n->IsScalar())
    meta.description = n->scalar;
  const YamlNode* s = root.Find("spillover");
  if (s == nullptr || !s->IsMap()) return meta;
  const auto text = [&](const char* key, std::string* out) {
    if (const YamlNode* n = s->Find(key); n && n->IsScalar()) *out = n->scalar;
  };
  text("currency", &meta.currency);
  text("focus", &meta.focus);
  if (const YamlNode* n = s->Find("unit_scale"))
    meta.unit_scale = ReadNumber(path, *n, "unit_scale");
  if (const YamlNode* n = s->Find("year"))
    meta.year = static_cast<int>(ReadInteger(path, *n, "year"));
  const auto map = [&](const char* key, std::map<std::string, std::string>* out) {
    const YamlNode* n = s->Find(key);
    if (n == nullptr || !n->IsMap()) return;
    for (const auto& [k, v] : n->entries) (*out)[k.scalar] = v.scalar;
  };
  map("final_demand_kinds", &meta.fd_kinds);
  map("value_added_kinds", &meta.va_kinds);
  map("final_demand_names", &meta.fd_names);
  map("value_added_names", &meta.va_names);
  map("sector_names", &meta.sector_names);
  map("region_names", &meta.region_names);
  return meta;
}

// ISO code and scale from a pymrio unit such as "M.EUR" or "Million USD".
void ParseMoneyUnit(const std::string& unit, std::string* currency, double* scale) {
  *currency = "XXX";
  *scale = 1.0;
  std::string word;
  const auto flush = [&]() {
    if (word.size() == 3 && std::isupper(static_cast<unsigned char>(word[0])) &&
        std::isupper(static_cast<unsigned char>(word[1])) &&
        std::isupper(static_cast<unsigned char>(word[2]))) {
      *currency = word;
    }
    std::string lower;
    for (const char c : word)
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "m" || lower == "mill" || lower == "million" || lower == "mio") *scale = 1e6;
    if (lower == "thousand" || lower == "k") *scale = 1e3;
    if (lower == "billion" || lower == "bn") *scale = 1e9;
    if (lower == "trillion" || lower == "tn") *scale = 1e12;
    word.clear();
  };
  for (const char c : unit) {
    if (c == ' ' || c == '.' || c == '_') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
}

std::string RowCode(const std::vector<std::string>& levels, const std::string& path, size_t row) {
  const std::string code = Label(levels);
  if (code.empty() || code.find_first_of(":,\"\n") != std::string::npos) {
    throw InputError(SourceLocation{path, static_cast<int>(row), 1, "row '" + code + "'"},
                     "label is empty or holds ':', ',' or '\"', which model codes cannot");
  }
  return code;
}

}  // namespace

PymrioTable ParsePymrioTable(const std::string& text, const std::string& path, int index_cols,
                             int header_rows, bool numeric) {
  PymrioTable table;
  std::vector<std::vector<std::string>> lines;
  std::vector<int> numbers;
  size_t pos = 0;
  int line_number = 0;
  while (pos < text.size()) {
    const size_t end = std::min(text.find('\n', pos), text.size());
    ++line_number;
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line == "\r") continue;
    lines.push_back(SplitTabs(line));
    numbers.push_back(line_number);
  }
  const size_t k = static_cast<size_t>(index_cols);
  const size_t h = static_cast<size_t>(header_rows);
  if (lines.size() < h) {
    throw InputError(SourceLocation{path, 0, 0, ""}, "expected " + std::to_string(h) +
                                                         " header rows, the file has " +
                                                         std::to_string(lines.size()) + " lines");
  }
  // With one header row the index names lead it; with several, each row is led by its
  // level's name in the first cell and the index names follow in a row of their own.
  const size_t lead = k;
  const size_t width = lines[0].size();
  if (width <= lead) {
    throw InputError(SourceLocation{path, numbers[0], 0, ""},
                     "the header has " + std::to_string(width) + " fields; expected " +
                         std::to_string(k) + " index columns and at least one column");
  }
  table.columns.assign(width - lead, {});
  for (size_t r = 0; r < h; ++r) {
    if (lines[r].size() != width) {
      throw InputError(SourceLocation{path, numbers[r], 0, "header row " + std::to_string(r + 1)},
                       "ragged row: " + std::to_string(lines[r].size()) +
                           " fields, the first "
                           "header row has " +
                           std::to_string(width));
    }
    for (size_t c = lead; c < width; ++c) table.columns[c - lead].push_back(lines[r][c]);
  }
  size_t first = h;
  if (h > 1 && first < lines.size()) {
    bool names_row = true;
    for (size_t c = k; c < lines[first].size(); ++c)
      names_row = names_row && lines[first][c].empty();
    if (names_row) ++first;
  }
  const size_t rows = lines.size() - first;
  if (numeric)
    table.values = Matrix::Zero(static_cast<Index>(rows), static_cast<Index>(width - lead));
  for (size_t r = 0; r < rows; ++r) {
    const auto& fields = lines[first + r];
    const int line = numbers[first + r];
    if (fields.size() != width) {
      throw InputError(SourceLocation{path, line, 0, ""},
                       "ragged row: " + std::to_string(fields.size()) + " fields, the header has " +
                           std::to_string(width));
    }
    table.rows.emplace_back(fields.begin(), fields.begin() + static_cast<long>(k));
    if (!numeric) {
      table.cells.emplace_back(fields.begin() + static_cast<long>(k), fields.end());
      continue;
    }
    for (size_t c = lead; c < width; ++c) {
      const std::string& cell = fields[c];
      double value = 0.0;
      const char* b = cell.data();
      const char* e = cell.data() + cell.size();
      const auto result = std::from_chars(b, e, value);
      if (cell.empty() || result.ec != std::errc() || result.ptr != e || !std::isfinite(value)) {
        throw InputError(SourceLocation{path, line, static_cast<int>(c + 1),
                                        "row '" + Label(table.rows.back()) + "', column '" +
                                            Label(table.columns[c - lead]) + "'"},
                         "'" + cell.substr(0, 40) + "' is not a finite number");
      }
      table.values(static_cast<Index>(r), static_cast<Index>(c - lead)) = value;
    }
  }
  return table;
}

PymrioImport ImportPymrio(const std::string& folder) {
  if (!fs::is_directory(folder)) {
    throw InputError(SourceLocation{folder, 0, 0, ""}, "is not a folder saved by pymrio");
  }
  const FileParameters params = ReadFileParameters(folder);
  const std::string para_path = (fs::path(folder) / "file_parameters.json").string();
  if (params.systemtype != "IOSystem") {
    throw InputError(SourceLocation{para_path, 0, 0, "systemtype"},
                     "is '" + params.systemtype +
                         "'; expected IOSystem (the top folder of "
                         "save_all)");
  }
  const PymrioTable z = ReadTable(params, "Z", true, folder);
  const PymrioTable y = ReadTable(params, "Y", true, folder);
  const std::string z_path = params.files.at("Z").path;
  const std::string y_path = params.files.at("Y").path;
  const Metadata meta = ReadMetadata(folder);
  PymrioImport result;
  Model& m = result.model;

  // Regions and sectors from Z's rows: region-major, every region with the same sectors.
  std::vector<std::string> regions, sectors;
  std::map<std::string, Index> region_index, sector_index;
  for (size_t r = 0; r < z.rows.size(); ++r) {
    if (z.rows[r].size() != 2) {
      throw InputError(SourceLocation{z_path, 0, 0, ""},
                       "expected two index columns (region, sector)");
    }
    const std::string& region = z.rows[r][0];
    const std::string& sector = z.rows[r][1];
    if (region_index.emplace(region, static_cast<Index>(regions.size())).second) {
      regions.push_back(region);
    }
    if (region_index[region] == 0 &&
        sector_index.emplace(sector, static_cast<Index>(sectors.size())).second) {
      sectors.push_back(sector);
    }
  }
  const Index nr = static_cast<Index>(regions.size());
  const Index ns = static_cast<Index>(sectors.size());
  const Index n = nr * ns;
  const auto position = [&](const std::vector<std::string>& label, const std::string& path,
                            const char* what) -> Index {
    const auto r = region_index.find(label.size() == 2 ? label[0] : "");
    const auto s = sector_index.find(label.size() == 2 ? label[1] : "");
    if (r == region_index.end() || s == sector_index.end()) {
      throw InputError(SourceLocation{path, 0, 0, std::string(what) + " '" + Label(label) + "'"},
                       "is not a (region, sector) of Z's rows");
    }
    return r->second * ns + s->second;
  };
  if (static_cast<Index>(z.rows.size()) != n || static_cast<Index>(z.columns.size()) != n) {
    throw InputError(
        SourceLocation{z_path, 0, 0, ""},
        "Z is " + std::to_string(z.rows.size()) + " x " + std::to_string(z.columns.size()) +
            "; expected every region with the "
            "same " +
            std::to_string(ns) + " sectors: " + std::to_string(n) + " x " + std::to_string(n));
  }
  std::vector<Index> row_pos(static_cast<size_t>(n)), col_pos(static_cast<size_t>(n));
  std::set<Index> seen_rows, seen_cols;
  for (Index i = 0; i < n; ++i) {
    row_pos[static_cast<size_t>(i)] = position(z.rows[static_cast<size_t>(i)], z_path, "row");
    col_pos[static_cast<size_t>(i)] = position(z.columns[static_cast<size_t>(i)], z_path, "column");
    if (!seen_rows.insert(row_pos[static_cast<size_t>(i)]).second ||
        !seen_cols.insert(col_pos[static_cast<size_t>(i)]).second) {
      throw InputError(
          SourceLocation{z_path, 0, 0, "'" + Label(z.rows[static_cast<size_t>(i)]) + "'"},
          "a row or column label appears twice");
    }
  }
  m.intermediate = Matrix::Zero(n, n);
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < n; ++j) {
      m.intermediate(row_pos[static_cast<size_t>(i)], col_pos[static_cast<size_t>(j)]) =
          z.values(i, j);
    }
  }
  // Y: rows as Z, columns (region, category).
  std::vector<std::string> categories;
  std::map<std::string, Index> category_index;
  for (const auto& label : y.columns) {
    if (label.size() != 2 || !region_index.count(label[0])) {
      throw InputError(SourceLocation{y_path, 0, 0, "column '" + Label(label) + "'"},
                       "expected (region, category) with a region of Z");
    }
    if (category_index.emplace(label[1], static_cast<Index>(categories.size())).second) {
      categories.push_back(label[1]);
    }
  }
  const Index nc = static_cast<Index>(categories.size());
  const auto category_position = [&](const std::vector<std::string>& label) {
    return region_index.at(label[0]) * nc + category_index.at(label[1]);
  };
  if (static_cast<Index>(y.rows.size()) != n) {
    throw InputError(SourceLocation{y_path, 0, 0, ""}, "Y has " + std::to_string(y.rows.size()) +
                                                           " rows; Z has " + std::to_string(n));
  }
  m.final_use = Matrix::Zero(n, nr * nc);
  for (Index i = 0; i < n; ++i) {
    const Index row = position(y.rows[static_cast<size_t>(i)], y_path, "row");
    for (Index c = 0; c < y.values.cols(); ++c) {
      m.final_use(row, category_position(y.columns[static_cast<size_t>(c)])) += y.values(i, c);
    }
  }

  // Labels, units and kinds.
  m.name = meta.name.empty() ? fs::path(folder).filename().string() : meta.name;
  m.description =
      meta.description.empty() ? "Imported from the pymrio folder " + folder : meta.description;
  m.year = meta.year;
  m.focus = meta.focus;
  std::string unit = "unknown";
  if (params.files.count("unit")) {
    const PymrioTable u = ReadTable(params, "unit", false, folder);
    std::set<std::string> units;
    for (const auto& row : u.cells) {
      if (!row.empty()) units.insert(row[0]);
    }
    if (units.size() > 1) {
      throw InputError(SourceLocation{params.files.at("unit").path, 0, 0, ""},
                       "Z holds several units (" + Join({units.begin(), units.end()}, ", ") +
                           "); a model has one money unit");
    }
    if (!units.empty()) unit = *units.begin();
  }
  m.unit = unit;
  ParseMoneyUnit(unit, &m.currency, &m.unit_scale);
  if (!meta.currency.empty()) m.currency = meta.currency;
  if (meta.unit_scale > 0.0) m.unit_scale = meta.unit_scale;
  const auto name_of = [](const std::map<std::string, std::string>& names,
                          const std::string& code) {
    const auto it = names.find(code);
    return it == names.end() ? code : it->second;
  };
  for (const auto& r : regions) m.regions.push_back(Entry{r, name_of(meta.region_names, r)});
  for (const auto& r : m.regions) {
    for (const auto& s : sectors) {
      const std::string name = name_of(meta.sector_names, s);
      m.sectors.push_back(nr > 1 ? Entry{r.code + ":" + s, r.name + ": " + name} : Entry{s, name});
    }
  }
  for (const auto& r : m.regions) {
    for (const auto& c : categories) {
      const std::string name = name_of(meta.fd_names, c);
      m.final_demand.push_back(nr > 1 ? Entry{r.code + ":" + c, r.name + ": " + name}
                                      : Entry{c, name});
      FinalDemandKind kind = GuessFinalDemandKind(c);
      if (meta.fd_kinds.count(c)) FromString(meta.fd_kinds.at(c), &kind);
      m.final_demand_kinds.push_back(kind);
    }
  }

  // Extensions: factor_inputs → value added, the rest → satellites.
  Matrix va = Matrix::Zero(0, n + nr * nc);
  Matrix satellites = Matrix::Zero(0, n);
  std::vector<fs::path> subfolders;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_directory() && fs::is_regular_file(entry.path() / "file_parameters.json")) {
      subfolders.push_back(entry.path());
    }
  }
  std::sort(subfolders.begin(), subfolders.end());
  for (const fs::path& sub : subfolders) {
    const FileParameters ext = ReadFileParameters(sub.string());
    if (!ext.files.count("F")) continue;
    const PymrioTable f = ReadTable(ext, "F", true, sub.string());
    const std::string f_path = ext.files.at("F").path;
    const bool is_va = sub.filename() == "factor_inputs";
    Matrix block = Matrix::Zero(static_cast<Index>(f.rows.size()), is_va ? n + nr * nc : n);
    for (size_t c = 0; c < f.columns.size(); ++c) {
      const Index col = position(f.columns[c], f_path, "column");
      block.col(col) += f.values.col(static_cast<Index>(c));
    }
    if (is_va && ext.files.count("F_Y")) {
      const PymrioTable fy = ReadTable(ext, "F_Y", true, sub.string());
      if (fy.rows != f.rows) {
        throw InputError(SourceLocation{ext.files.at("F_Y").path, 0, 0, ""},
                         "the rows differ from those of F.txt");
      }
      for (size_t c = 0; c < fy.columns.size(); ++c) {
        const auto& label = fy.columns[c];
        if (label.size() != 2 || !region_index.count(label[0]) || !category_index.count(label[1])) {
          throw InputError(
              SourceLocation{ext.files.at("F_Y").path, 0, 0, "column '" + Label(label) + "'"},
              "is not a (region, category) of Y");
        }
        block.col(n + category_position(label)) += fy.values.col(static_cast<Index>(c));
      }
    } else if (ext.files.count("F_Y")) {
      result.notes.push_back("extension " + sub.filename().string() +
                             ": F_Y (direct final-demand amounts) is not kept");
    }
    std::map<std::string, std::string> units;
    if (ext.files.count("unit")) {
      const PymrioTable u = ReadTable(ext, "unit", false, sub.string());
      for (size_t r = 0; r < u.rows.size(); ++r) {
        if (!u.cells[r].empty()) units[Label(u.rows[r])] = u.cells[r][0];
      }
    }
    for (size_t r = 0; r < f.rows.size(); ++r) {
      const std::string code = RowCode(f.rows[r], f_path, r + 1);
      if (is_va) {
        m.value_added.push_back(Entry{code, name_of(meta.va_names, code)});
        ValueAddedKind kind = GuessValueAddedKind(code);
        if (meta.va_kinds.count(code)) FromString(meta.va_kinds.at(code), &kind);
        m.value_added_kinds.push_back(kind);
      } else {
        m.satellites.push_back(Entry{code, code});
        m.satellite_units.push_back(units.count(code) ? units[code] : "");
      }
    }
    Matrix& target = is_va ? va : satellites;
    target.conservativeResize(target.rows() + block.rows(), Eigen::NoChange);
    target.bottomRows(block.rows()) = block;
  }
  if (m.ValueAddedOfKind(ValueAddedKind::kResidual).empty()) {
    m.value_added.push_back(Entry{"residual", "Residual: output (row sums) less column inputs"});
    m.value_added_kinds.push_back(ValueAddedKind::kResidual);
    va.conservativeResize(va.rows() + 1, Eigen::NoChange);
    va.row(va.rows() - 1).setZero();
    const Vector x = m.Output();
    const Vector inputs =
        m.intermediate.colwise().sum().transpose() + va.leftCols(n).colwise().sum().transpose();
    va.row(va.rows() - 1).head(n) = (x - inputs).transpose();
    double worst = 0.0;
    for (Index j = 0; j < n; ++j) {
      if (x(j) != 0.0) worst = std::max(worst, std::fabs(x(j) - inputs(j)) / std::fabs(x(j)));
    }
    result.notes.push_back("largest column gap (output less inputs, put into 'residual'): " +
                           Percent(worst, 4) + " of output");
  }
  m.primary_inputs = std::move(va);
  m.satellite_values = std::move(satellites);
  m.imports_intermediate = Matrix::Zero(0, 0);
  m.imports_final = Matrix::Zero(m.sector_count(), m.category_count());
  m.partners = {Entry{"EXT", "Outside the model (no flows: every region is endogenous)"}};
  m.import_origin = Matrix::Zero(n, 1);
  m.exports = Matrix::Zero(n, 1);
  if (m.year == 0) m.year = 2000;
  if (meta.year == 0) result.notes.push_back("no year in metadata.json: year set to 2000");
  return result;
}

void ExportPymrio(const Model& m, const std::string& out) {
  CheckOutputDirectory(out);
  TemporaryDirectory temp(out);
  const fs::path dir(temp.path());
  const Index n = m.sector_count();
  const bool multi = m.regions.size() > 1;
  // (region, code) of each sector and category.
  const auto split = [&](const std::vector<Entry>& entries, Index per_region) {
    std::vector<std::pair<std::string, std::string>> out_labels;
    for (size_t i = 0; i < entries.size(); ++i) {
      const std::string& region =
          m.regions[static_cast<size_t>(i) / static_cast<size_t>(per_region)].code;
      const std::string& code = entries[i].code;
      out_labels.emplace_back(region, multi ? code.substr(code.find(':') + 1) : code);
    }
    return out_labels;
  };
  const auto sectors = split(m.sectors, m.sectors_per_region());
  const auto categories = split(m.final_demand, m.categories_per_region());
  const auto write = [&](const fs::path& path, const std::vector<std::string>& index_names,
                         const std::vector<std::vector<std::string>>& rows,
                         const std::vector<std::pair<std::string, std::string>>& cols,
                         const char* level2, const Matrix& values) {
    std::string text = "region";
    for (size_t k = 1; k < index_names.size(); ++k) text += '\t';
    for (const auto& c : cols) text += '\t' + c.first;
    text += std::string("\n") + level2;
    for (size_t k = 1; k < index_names.size(); ++k) text += '\t';
    for (const auto& c : cols) text += '\t' + c.second;
    text += '\n' + Join(index_names, "\t");
    for (size_t c = 0; c < cols.size(); ++c) text += '\t';
    text += '\n';
    for (Index i = 0; i < values.rows(); ++i) {
      text += Join(rows[static_cast<size_t>(i)], "\t");
      for (Index j = 0; j < values.cols(); ++j) {
        text += '\t';
        AppendNumber(&text, values(i, j));
      }
      text += '\n';
    }
    AtomicFileSet files;
    files.Add(path.string(), text);
    files.Commit();
  };
  const auto write_text = [](const fs::path& path, const std::string& text) {
    AtomicFileSet files;
    files.Add(path.string(), text);
    files.Commit();
  };
  const auto params = [](const std::vector<std::tuple<std::string, int, int>>& files,
                         const std::string& systemtype, const std::string& name) {
    std::string text = "{\n    \"files\": {\n";
    for (size_t i = 0; i < files.size(); ++i) {
      const auto& [key, index_cols, header_rows] = files[i];
      text += "        " + Quoted(key) + ": {\n            \"name\": " + Quoted(key + ".txt") +
              ",\n            \"nr_index_col\": \"" + std::to_string(index_cols) +
              "\",\n            \"nr_header\": \"" + std::to_string(header_rows) + "\"\n        }" +
              (i + 1 < files.size() ? ",\n" : "\n");
    }
    text += "    },\n    \"systemtype\": " + Quoted(systemtype);
    if (!name.empty()) text += ",\n    \"name\": " + Quoted(name);
    return text + "\n}\n";
  };
  std::vector<std::vector<std::string>> sector_rows;
  for (const auto& s : sectors) sector_rows.push_back({s.first, s.second});
  write(dir / "Z.txt", {"region", "sector"}, sector_rows, sectors, "sector", m.intermediate);
  write(dir / "Y.txt", {"region", "sector"}, sector_rows, categories, "category", m.final_use);
  std::string unit = "region\tsector\tunit\n";
  for (const auto& s : sectors) unit += s.first + "\t" + s.second + "\t" + m.unit + "\n";
  write_text(dir / "unit.txt", unit);
  write_text(dir / "file_parameters.json",
             params({{"Z", 2, 2}, {"Y", 2, 2}, {"unit", 2, 1}}, "IOSystem", ""));

  std::string meta =
      "{\n    \"description\": " + Quoted(m.description) + ",\n    \"name\": " + Quoted(m.name) +
      ",\n    \"system\": \"ixi\",\n    \"version\": " + Quoted(std::to_string(m.year)) +
      ",\n    \"history\": [],\n" +
      "    \"spillover\": {\n        \"currency\": " + Quoted(m.currency) +
      ",\n        \"unit_scale\": ";
  AppendNumber(&meta, m.unit_scale);
  meta +=
      ",\n        \"year\": " + std::to_string(m.year) + ",\n        \"focus\": " + Quoted(m.focus);
  const auto json_map = [&](const char* key,
                            const std::vector<std::pair<std::string, std::string>>& items) {
    meta += std::string(",\n        \"") + key + "\": {";
    for (size_t i = 0; i < items.size(); ++i) {
      meta += (i ? ", " : "") + Quoted(items[i].first) + ": " + Quoted(items[i].second);
    }
    meta += "}";
  };
  const std::vector<Entry> base_fd = BaseEntries(m.final_demand, m);
  const std::vector<Entry> base_sectors = BaseEntries(m.sectors, m);
  std::vector<std::pair<std::string, std::string>> fd_kinds, fd_names, va_kinds, va_names,
      sector_names, region_names;
  for (size_t f = 0; f < base_fd.size(); ++f) {
    fd_kinds.emplace_back(base_fd[f].code, ToString(m.final_demand_kinds[f]));
    fd_names.emplace_back(base_fd[f].code, base_fd[f].name);
  }
  for (size_t k = 0; k < m.value_added.size(); ++k) {
    va_kinds.emplace_back(m.value_added[k].code, ToString(m.value_added_kinds[k]));
    va_names.emplace_back(m.value_added[k].code, m.value_added[k].name);
  }
  for (const Entry& s : base_sectors) sector_names.emplace_back(s.code, s.name);
  for (const Entry& r : m.regions) region_names.emplace_back(r.code, r.name);
  json_map("final_demand_kinds", fd_kinds);
  json_map("final_demand_names", fd_names);
  json_map("value_added_kinds", va_kinds);
  json_map("value_added_names", va_names);
  json_map("sector_names", sector_names);
  json_map("region_names", region_names);
  meta += "\n    }\n}\n";
  write_text(dir / "metadata.json", meta);

  const auto write_extension = [&](const std::string& folder_name, const std::string& name,
                                   const std::vector<Entry>& rows_entries,
                                   const std::vector<std::string>& units, const Matrix& values,
                                   bool with_final) {
    const fs::path ext = dir / folder_name;
    fs::create_directories(ext);
    std::vector<std::vector<std::string>> rows;
    std::string unit_text = "stressor\tunit\n";
    for (size_t k = 0; k < rows_entries.size(); ++k) {
      rows.push_back({rows_entries[k].code});
      unit_text += rows_entries[k].code + "\t" + units[k] + "\n";
    }
    write(ext / "F.txt", {"stressor"}, rows, sectors, "sector", values.leftCols(n));
    std::vector<std::tuple<std::string, int, int>> files = {{"F", 1, 2}};
    if (with_final) {
      write(ext / "F_Y.txt", {"stressor"}, rows, categories, "category",
            values.rightCols(values.cols() - n));
      files.emplace_back("F_Y", 1, 2);
    }
    write_text(ext / "unit.txt", unit_text);
    files.emplace_back("unit", 1, 1);
    write_text(ext / "file_parameters.json", params(files, "Extension", name));
  };
  write_extension("factor_inputs", "Factor Inputs", m.value_added,
                  std::vector<std::string>(m.value_added.size(), m.unit), m.primary_inputs, true);
  if (!m.satellites.empty()) {
    write_extension("satellites", "Satellites", m.satellites, m.satellite_units, m.satellite_values,
                    false);
  }
  const bool has_imports =
      (m.imports_intermediate.size() && m.imports_intermediate.cwiseAbs().maxCoeff() > 0) ||
      (m.imports_final.size() && m.imports_final.cwiseAbs().maxCoeff() > 0);
  if (has_imports) {
    std::cerr << "note: imports from exogenous partners (Zm, Ym) have no place in pymrio's "
                 "format and are left out; importing the folder back puts them into the "
                 "'residual' row\n";
  }
  temp.Publish(out);
}

}  // namespace spillover
