#include "io/model_write.h"

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "core/error.h"
#include "io/csv.h"

namespace spillover {
namespace {

namespace fs = std::filesystem;

struct FileCloser {
  void operator()(FILE* f) const {
    if (f) std::fclose(f);
  }
};

// A buffered output file that reports the path and the reason of any failure.
class OutFile {
 public:
  explicit OutFile(const std::string& path) : path_(path), file_(std::fopen(path.c_str(), "wb")) {
    if (!file_) Fail("cannot write the output file");
  }
  void Write(const std::string& text) {
    if (std::fwrite(text.data(), 1, text.size(), file_.get()) != text.size()) {
      Fail("writing the output file failed");
    }
  }
  void Close() {
    if (std::fflush(file_.get()) != 0 || ::fsync(::fileno(file_.get())) != 0 ||
        std::fclose(file_.release()) != 0) {
      Fail("writing the output file failed");
    }
  }

 private:
  [[noreturn]] void Fail(const std::string& what) const {
    throw InputError(SourceLocation{path_, 0, 0, ""}, what + ": " + std::strerror(errno));
  }
  std::string path_;
  std::unique_ptr<FILE, FileCloser> file_;
};

std::vector<std::string> Codes(const std::vector<Entry>& entries) {
  std::vector<std::string> out;
  for (const Entry& e : entries) out.push_back(e.code);
  return out;
}

void WriteEntries(std::string* yaml, const std::string& key, const std::vector<Entry>& entries,
                  const std::vector<std::string>& kinds = {},
                  const std::vector<std::string>& units = {}) {
  *yaml += key + ":\n";
  for (size_t i = 0; i < entries.size(); ++i) {
    *yaml += "  - {code: " + Quoted(entries[i].code) + ", name: " + Quoted(entries[i].name);
    if (!kinds.empty()) *yaml += ", kind: " + kinds[i];
    if (!units.empty()) *yaml += ", unit: " + Quoted(units[i]);
    *yaml += "}\n";
  }
}

bool AllZero(const Matrix& m) { return m.size() == 0 || m.cwiseAbs().maxCoeff() == 0.0; }

}  // namespace

void AppendNumber(std::string* out, double value) {
  if (value == 0.0) {
    out->push_back('0');
    return;
  }
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out->append(buffer, result.ptr);
}

std::string Quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::vector<Entry> BaseEntries(const std::vector<Entry>& expanded, const Model& model) {
  const size_t regions = std::max<size_t>(1, model.regions.size());
  const size_t count = expanded.size() / regions;
  std::vector<Entry> out(expanded.begin(), expanded.begin() + static_cast<long>(count));
  if (regions == 1) return out;
  const std::string code_prefix = model.regions.front().code + ":";
  const std::string name_prefix = model.regions.front().name + ": ";
  for (Entry& e : out) {
    if (e.code.rfind(code_prefix, 0) == 0) e.code = e.code.substr(code_prefix.size());
    if (e.name.rfind(name_prefix, 0) == 0) e.name = e.name.substr(name_prefix.size());
  }
  return out;
}

void WriteCsvMatrix(const std::string& path, const std::string& corner,
                    const std::vector<std::string>& rows, const std::vector<std::string>& cols,
                    const Matrix& values, char separator) {
  OutFile file(path);
  std::string line = separator == ',' ? CsvField(corner) : corner;
  for (const auto& c : cols) {
    line += separator;
    line += separator == ',' ? CsvField(c) : c;
  }
  line += '\n';
  for (Index i = 0; i < values.rows(); ++i) {
    line +=
        separator == ',' ? CsvField(rows[static_cast<size_t>(i)]) : rows[static_cast<size_t>(i)];
    for (Index j = 0; j < values.cols(); ++j) {
      line += separator;
      AppendNumber(&line, values(i, j));
    }
    line += '\n';
    if (line.size() > (1u << 20)) {
      file.Write(line);
      line.clear();
    }
  }
  file.Write(line);
  file.Close();
}

void CheckOutputDirectory(const std::string& out) {
  std::error_code error;
  if (fs::exists(out, error)) {
    if (!fs::is_directory(out) || !fs::is_empty(out, error)) {
      throw InputError(SourceLocation{out, 0, 0, ""},
                       "exists and is not an empty directory; choose a new --out");
    }
  }
}

TemporaryDirectory::TemporaryDirectory(const std::string& out) {
  fs::path target = fs::absolute(out).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();
  if (!target.parent_path().empty()) {
    std::error_code error;
    fs::create_directories(target.parent_path(), error);
  }
  path_ = (target.parent_path() /
           (target.filename().string() + ".partial." + std::to_string(::getpid())))
              .string();
  std::error_code error;
  fs::remove_all(path_, error);
  if (!fs::create_directories(path_, error)) {
    throw InputError(SourceLocation{path_, 0, 0, ""},
                     "cannot create the output directory: " + error.message());
  }
}

TemporaryDirectory::~TemporaryDirectory() {
  if (published_) return;
  std::error_code error;
  fs::remove_all(path_, error);
}

void TemporaryDirectory::Publish(const std::string& out) {
  PublishDirectory(path_, out);
  published_ = true;
}

void PublishDirectory(const std::string& temporary, const std::string& out) {
  std::error_code error;
  if (fs::is_directory(out, error) && fs::is_empty(out, error)) fs::remove(out, error);
  fs::rename(temporary, out, error);
  if (error) {
    throw InputError(SourceLocation{out, 0, 0, ""},
                     "cannot move the output directory into place: " + error.message());
  }
}

void WriteModelFolder(const Model& model, const std::string& out) {
  CheckOutputDirectory(out);
  TemporaryDirectory temp(out);
  WriteModelFiles(model, temp.path());
  temp.Publish(out);
}

void WriteModelFiles(const Model& m, const std::string& folder) {
  const fs::path dir(folder);
  const auto sectors = Codes(m.sectors);
  const auto categories = Codes(m.final_demand);
  const auto partners = Codes(m.partners);
  std::vector<std::string> va_columns = sectors;
  va_columns.insert(va_columns.end(), categories.begin(), categories.end());

  std::string yaml = "format: 1\n";
  yaml += "name: " + Quoted(m.name) + "\n";
  yaml += "description: " + Quoted(m.description) + "\n";
  yaml += "year: " + std::to_string(m.year) + "\n";
  yaml += "currency: " + Quoted(m.currency) + "\n";
  yaml += "unit: " + Quoted(m.unit) + "\n";
  yaml += "unit_scale: ";
  AppendNumber(&yaml, m.unit_scale);
  yaml += "\n";
  if (!m.focus.empty()) yaml += "focus: " + Quoted(m.focus) + "\n";
  WriteEntries(&yaml, "regions", m.regions);
  WriteEntries(&yaml, "sectors", BaseEntries(m.sectors, m));
  const std::vector<Entry> base_categories = BaseEntries(m.final_demand, m);
  std::vector<std::string> fd_kinds, va_kinds;
  for (size_t f = 0; f < base_categories.size(); ++f) {
    fd_kinds.push_back(ToString(m.final_demand_kinds[f]));
  }
  for (const ValueAddedKind kind : m.value_added_kinds) va_kinds.push_back(ToString(kind));
  WriteEntries(&yaml, "final_demand", base_categories, fd_kinds);
  WriteEntries(&yaml, "value_added", m.value_added, va_kinds);
  if (!m.partners.empty()) WriteEntries(&yaml, "partners", m.partners);
  if (!m.satellites.empty()) WriteEntries(&yaml, "satellites", m.satellites, {}, m.satellite_units);
  yaml += "files:\n  intermediate: Z.csv\n  final_demand: Y.csv\n  value_added: V.csv\n";
  WriteCsvMatrix((dir / "Z.csv").string(), "code", sectors, sectors, m.intermediate);
  WriteCsvMatrix((dir / "Y.csv").string(), "code", sectors, categories, m.final_use);
  WriteCsvMatrix((dir / "V.csv").string(), "code", Codes(m.value_added), va_columns,
                 m.primary_inputs);
  if (!AllZero(m.imports_intermediate)) {
    yaml += "  imports_intermediate: Zm.csv\n";
    WriteCsvMatrix((dir / "Zm.csv").string(), "code", sectors, sectors, m.imports_intermediate);
  }
  if (!AllZero(m.imports_final)) {
    yaml += "  imports_final: Ym.csv\n";
    WriteCsvMatrix((dir / "Ym.csv").string(), "code", sectors, categories, m.imports_final);
  }
  const bool has_imports = !AllZero(m.imports_intermediate) || !AllZero(m.imports_final);
  if (!m.partners.empty() && m.import_origin.rows() == m.sector_count() && has_imports) {
    yaml += "  import_origin: import_origin.csv\n";
    WriteCsvMatrix((dir / "import_origin.csv").string(), "code", sectors, partners,
                   m.import_origin);
  }
  if (!m.partners.empty() && m.exports.rows() == m.sector_count() && !AllZero(m.exports)) {
    yaml += "  exports: exports.csv\n";
    WriteCsvMatrix((dir / "exports.csv").string(), "code", sectors, partners, m.exports);
  }
  if (m.final_use_taxes.rows() == m.sector_count() &&
      m.final_use_taxes.cols() == m.category_count()) {
    yaml += "  final_use_taxes: final_use_taxes.csv\n";
    WriteCsvMatrix((dir / "final_use_taxes.csv").string(), "code", sectors, categories,
                   m.final_use_taxes);
  }
  if (!m.satellites.empty()) {
    yaml += "  satellites: satellites.csv\n";
    WriteCsvMatrix((dir / "satellites.csv").string(), "code", Codes(m.satellites), sectors,
                   m.satellite_values);
  }
  yaml += "checks:\n  column_gaps: ";
  yaml += m.ValueAddedOfKind(ValueAddedKind::kResidual).empty() ? "refuse" : "residual";
  yaml += "\n  balance_tolerance: ";
  AppendNumber(&yaml, m.balance_tolerance);
  yaml += "\n";
  OutFile file((dir / "model.yaml").string());
  file.Write(yaml);
  file.Close();
}

}  // namespace spillover
