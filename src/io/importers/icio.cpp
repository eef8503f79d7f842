#include "io/importers/icio.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string_view>

#include "core/error.h"
#include "core/text.h"

namespace spillover {
namespace {

struct Category {
  const char* code;
  const char* name;
  FinalDemandKind kind;
};
const Category kCategories[] = {
    {"HFCE", "Household final consumption expenditure", FinalDemandKind::kHouseholds},
    {"NPISH", "Final consumption of non-profit institutions serving households",
     FinalDemandKind::kNpish},
    {"GGFC", "General government final consumption", FinalDemandKind::kGovernment},
    {"GFCF", "Gross fixed capital formation", FinalDemandKind::kInvestment},
    {"INVNT", "Changes in inventories and valuables", FinalDemandKind::kInventories},
    {"DPABR", "Direct purchases abroad by residents", FinalDemandKind::kOther},
};
constexpr Index kCategoryCount = 6;

int CategoryIndex(std::string_view code) {
  for (int c = 0; c < kCategoryCount; ++c) {
    if (code == kCategories[c].code) return c;
  }
  return -1;
}

// ICIO splits China and Mexico into processing and other firms; the model merges them.
std::string CanonicalCountry(const std::string& country) {
  if (country == "CN1" || country == "CN2") return "CHN";
  if (country == "MX1" || country == "MX2") return "MEX";
  return country;
}

std::string_view Unquote(std::string_view field) {
  while (!field.empty() && (field.back() == '\r' || field.back() == ' ')) field.remove_suffix(1);
  if (field.size() >= 2 && field.front() == '"' && field.back() == '"') {
    field = field.substr(1, field.size() - 2);
  }
  return field;
}

// Splits one CSV line into fields (ICIO labels hold no commas or quotes inside).
void SplitLine(std::string_view line, std::vector<std::string_view>* fields) {
  fields->clear();
  size_t start = 0;
  for (;;) {
    const size_t comma = line.find(',', start);
    if (comma == std::string_view::npos) {
      fields->push_back(Unquote(line.substr(start)));
      return;
    }
    fields->push_back(Unquote(line.substr(start, comma - start)));
    start = comma + 1;
  }
}

enum class ColumnKind { kIndustry, kFinal, kTotal };
struct Column {
  ColumnKind kind = ColumnKind::kIndustry;
  Index target = -1;  // target sector, or target category
};

// The last four-digit year (19xx or 20xx) in the file name, as in "2022_SML.csv"; 0 if none.
// A hand-written scan: std::regex trips GCC 12's -Wmaybe-uninitialized under the sanitizers.
int YearFromName(const std::string& file) {
  const std::string name = std::filesystem::path(file).filename().string();
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  int year = 0;
  for (std::size_t i = 0; i + 4 <= name.size();) {
    const bool century =
        (name[i] == '1' && name[i + 1] == '9') || (name[i] == '2' && name[i + 1] == '0');
    if (century && digit(name[i + 2]) && digit(name[i + 3])) {
      year = std::stoi(name.substr(i, 4));
      i += 4;
    } else {
      ++i;
    }
  }
  return year;
}

class Importer {
 public:
  explicit Importer(const IcioOptions& options) : o_(options) {}

  IcioImport Run(std::istream& in) {
    std::string line;
    if (!std::getline(in, line)) {
      throw InputError(SourceLocation{o_.file, 1, 0, ""}, "the file is empty");
    }
    ReadHeader(line);
    int line_number = 1;
    std::vector<std::string_view> fields;
    while (std::getline(in, line)) {
      ++line_number;
      if (line.empty() || line == "\r") continue;
      SplitLine(line, &fields);
      ReadRow(fields, line_number);
    }
    return Finish();
  }

 private:
  [[noreturn]] void Fail(int line, int column, const std::string& key,
                         const std::string& what) const {
    throw InputError(SourceLocation{o_.file, line, column, key}, what);
  }

  std::string RegionOf(const std::string& country, int line, int column) const {
    if (o_.mapping == nullptr) return country;
    const std::string region = o_.mapping->RegionOf(country);
    if (region.empty()) {
      Fail(line, column, "",
           "country '" + country + "' is not in the mapping " + o_.mapping->file +
               " (add it, or a '*' line for the rest)");
    }
    return region;
  }

  void ReadHeader(const std::string& line) {
    std::vector<std::string_view> fields;
    SplitLine(line, &fields);
    header_size_ = fields.size();
    if (fields.size() < 3) Fail(1, 0, "", "expected a header of COUNTRY_INDUSTRY labels");
    // First pass: the countries and industries of the industry columns, in file order.
    struct Label {
      std::string country, code;
    };
    std::vector<Label> labels(fields.size());
    for (size_t c = 1; c < fields.size(); ++c) {
      const std::string text(fields[c]);
      if ((text == "TOTAL" || text == "OUT") && c + 1 == fields.size()) {
        total_column_ = static_cast<Index>(c);
        continue;
      }
      const size_t underscore = text.find('_');
      if (underscore == std::string::npos || underscore == 0 || underscore + 1 == text.size()) {
        Fail(1, static_cast<int>(c + 1), "column '" + text + "'",
             "the label has no '_' between country and industry; expected COUNTRY_INDUSTRY "
             "(AUS_01T02, AUS_A01_02), COUNTRY_HFCE…, or a last column TOTAL or OUT");
      }
      labels[c] = {CanonicalCountry(text.substr(0, underscore)), text.substr(underscore + 1)};
      if (CategoryIndex(labels[c].code) < 0) {
        if (industry_index_.emplace(labels[c].code, industries_.size()).second) {
          industries_.push_back(labels[c].code);
        }
        if (country_set_.insert(labels[c].country).second) countries_.push_back(labels[c].country);
      }
    }
    if (industries_.empty()) Fail(1, 0, "", "the header holds no industry columns");
    for (const auto& country : countries_) {
      const std::string region = RegionOf(country, 1, 0);
      if (region_index_.emplace(region, regions_.size()).second) regions_.push_back(region);
    }
    if (o_.mapping != nullptr) {
      for (const auto& l : o_.mapping->lines) {
        if (l.country == "*" || l.if_present || country_set_.count(l.country)) continue;
        throw InputError(SourceLocation{o_.mapping->file, l.line, 1, "country '" + l.country + "'"},
                         "the country is not in " + o_.file + " (its columns hold " +
                             std::to_string(countries_.size()) +
                             " countries); mark the line if_present=yes to allow that");
      }
    }
    ns_ = static_cast<Index>(industries_.size());
    const Index nr = static_cast<Index>(regions_.size());
    columns_.resize(fields.size());
    for (size_t c = 1; c < fields.size(); ++c) {
      if (static_cast<Index>(c) == total_column_) {
        columns_[c].kind = ColumnKind::kTotal;
        continue;
      }
      const int category = CategoryIndex(labels[c].code);
      if (category >= 0 && !country_set_.count(labels[c].country)) {
        Fail(1, static_cast<int>(c + 1), "column '" + std::string(fields[c]) + "'",
             "final demand of country '" + labels[c].country + "', which has no industries");
      }
      const Index region =
          region_index_.at(RegionOf(labels[c].country, 1, static_cast<int>(c + 1)));
      if (category >= 0) {
        columns_[c] = {ColumnKind::kFinal, region * kCategoryCount + category};
      } else {
        columns_[c] = {ColumnKind::kIndustry,
                       region * ns_ + static_cast<Index>(industry_index_.at(labels[c].code))};
      }
    }
    z_ = Matrix::Zero(nr * ns_, nr * ns_);
    y_ = Matrix::Zero(nr * ns_, nr * kCategoryCount);
    v_ = Matrix::Zero(3, nr * ns_ + nr * kCategoryCount);  // TLS, VA, residual
    total_row_ = Vector::Zero(nr * ns_);
  }

  double Number(std::string_view text, int line, size_t column, std::string_view row) {
    if (text.empty()) {
      ++empty_cells_;
      return 0.0;
    }
    double value = 0.0;
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    if (*begin == '+') ++begin;
    const auto result = std::from_chars(begin, end, value);
    if (result.ec != std::errc() || result.ptr != end || !std::isfinite(value)) {
      Fail(line, static_cast<int>(column + 1),
           "row '" + std::string(row) + "', column '" + ColumnName(column) + "'",
           "'" + std::string(text.substr(0, 40)) + "' is not a finite number");
    }
    return value;
  }

  std::string ColumnName(size_t column) const {
    const Column& c = columns_[column];
    if (c.kind == ColumnKind::kTotal) return "total";
    if (c.kind == ColumnKind::kFinal) {
      return regions_[static_cast<size_t>(c.target / kCategoryCount)] + "_" +
             kCategories[c.target % kCategoryCount].code;
    }
    return regions_[static_cast<size_t>(c.target / ns_)] + "_" +
           industries_[static_cast<size_t>(c.target % ns_)];
  }

  void ReadRow(const std::vector<std::string_view>& fields, int line) {
    const std::string label(fields[0]);
    if (fields.size() != header_size_) {
      Fail(line, 0, "row '" + label + "'",
           "the row has " + std::to_string(fields.size()) + " fields; the header has " +
               std::to_string(header_size_));
    }
    enum { kIndustry, kTaxes, kValueAdded, kTotal } kind = kIndustry;
    Index target = -1;
    if (label == "OUT" || label == "OUTPUT") {
      kind = kTotal;
    } else if (label == "VA" || label == "VALU") {
      kind = kValueAdded;
      layout_2021_ = layout_2021_ || label == "VALU";
    } else if (label == "TLS" ||
               (label.size() > 7 && label.compare(label.size() - 7, 7, "_TAXSUB") == 0)) {
      kind = kTaxes;
      layout_2021_ = layout_2021_ || label != "TLS";
    } else {
      const size_t underscore = label.find('_');
      if (underscore == std::string::npos) {
        Fail(line, 1, "row '" + label + "'",
             "the label has no '_' between country and industry; expected COUNTRY_INDUSTRY, "
             "TLS, VA, OUT (2023, 2025) or CCC_TAXSUB, VALU, OUTPUT (2021)");
      }
      const std::string country = CanonicalCountry(label.substr(0, underscore));
      const auto industry = industry_index_.find(label.substr(underscore + 1));
      if (!country_set_.count(country) || industry == industry_index_.end()) {
        Fail(line, 1, "row '" + label + "'",
             "the row is no industry of the header's columns (country '" + country +
                 "', industry '" + label.substr(underscore + 1) + "')");
      }
      target = static_cast<Index>(region_index_.at(RegionOf(country, line, 1))) * ns_ +
               static_cast<Index>(industry->second);
      ++industry_rows_;
      if (!row_labels_.insert(label).second) {
        Fail(line, 1, "row '" + label + "'", "the row appears twice");
      }
    }
    double row_sum = 0.0, total = 0.0;
    const Index n = z_.rows();
    for (size_t c = 1; c < fields.size(); ++c) {
      const double value = Number(fields[c], line, c, label);
      const Column& col = columns_[c];
      if (col.kind == ColumnKind::kTotal) {
        total = value;
        continue;
      }
      row_sum += value;
      if (kind == kTotal) {
        if (col.kind == ColumnKind::kIndustry) total_row_(col.target) += value;
        continue;
      }
      const Index vcol = col.kind == ColumnKind::kIndustry ? col.target : n + col.target;
      if (kind == kTaxes) {
        v_(0, vcol) += value;
      } else if (kind == kValueAdded) {
        v_(1, vcol) += value;
      } else if (col.kind == ColumnKind::kIndustry) {
        z_(target, col.target) += value;
      } else {
        y_(target, col.target) += value;
      }
    }
    if (kind == kTotal) {
      has_total_row_ = true;
      return;
    }
    if (kind == kIndustry && total_column_ > 0) {
      const double gap = std::fabs(total - row_sum) / std::max(std::fabs(total), 1e-300);
      if (total != row_sum && gap > worst_total_gap_) {
        worst_total_gap_ = gap;
        worst_total_row_ = label;
      }
    }
  }

  IcioImport Finish() {
    if (industry_rows_ == 0) Fail(0, 0, "", "the file holds no industry rows");
    const Index nr = static_cast<Index>(regions_.size());
    const Index n = nr * ns_;
    IcioImport result;
    result.layout = layout_2021_ ? "2021" : "2023/2025";
    Model& m = result.model;
    m.year = o_.year != 0 ? o_.year : YearFromName(o_.file);
    if (m.year == 0) {
      throw InputError(SourceLocation{o_.file, 0, 0, ""},
                       "no year in the file name; give it with --year");
    }
    m.name = "OECD ICIO " + std::to_string(m.year);
    m.currency = "USD";
    m.unit = "USD million";
    m.unit_scale = 1e6;
    m.focus = o_.focus;
    std::map<std::string, std::string> region_names;
    if (o_.mapping) {
      for (const auto& [code, name] : o_.mapping->Regions()) region_names[code] = name;
    }
    for (const auto& r : regions_) {
      m.regions.push_back(Entry{r, region_names.count(r) ? region_names[r] : r});
    }
    if (!m.focus.empty() && !region_index_.count(m.focus)) {
      throw InputError("--focus '" + m.focus + "' is not a region of the import" +
                       DidYouMean(m.focus, regions_) + "; regions: " + Join(regions_, ", "));
    }
    for (const Entry& r : m.regions) {
      for (const auto& s : industries_) {
        m.sectors.push_back(nr > 1 ? Entry{r.code + ":" + s, r.name + ": " + s} : Entry{s, s});
      }
    }
    for (const Entry& r : m.regions) {
      for (const auto& c : kCategories) {
        m.final_demand.push_back(nr > 1 ? Entry{r.code + ":" + c.code, r.name + ": " + c.name}
                                        : Entry{c.code, c.name});
        m.final_demand_kinds.push_back(c.kind);
      }
    }
    m.value_added = {Entry{"TLS", "Taxes less subsidies on intermediate and final products"},
                     Entry{"VA", "Gross value added"},
                     Entry{"residual", "Residual: output (row sums) less column inputs"}};
    m.value_added_kinds = {ValueAddedKind::kProductTaxes, ValueAddedKind::kOther,
                           ValueAddedKind::kResidual};
    m.partners = {Entry{"EXT", "Outside the model (no flows: every country is endogenous)"}};
    const Vector x = z_ * Vector::Ones(n) + y_ * Vector::Ones(y_.cols());
    const Vector inputs =
        z_.colwise().sum().transpose() + v_.topLeftCorner(2, n).colwise().sum().transpose();
    double worst_gap = 0.0;
    std::string worst_where;
    for (Index j = 0; j < n; ++j) {
      v_(2, j) = x(j) - inputs(j);
      const double gap = x(j) != 0.0 ? std::fabs(v_(2, j)) / std::fabs(x(j)) : 0.0;
      if (gap > worst_gap) {
        worst_gap = gap;
        worst_where = m.sectors[static_cast<size_t>(j)].code;
      }
    }
    m.intermediate = std::move(z_);
    m.final_use = std::move(y_);
    m.primary_inputs = std::move(v_);
    m.imports_intermediate = Matrix::Zero(0, 0);
    m.imports_final = Matrix::Zero(m.sector_count(), m.category_count());
    m.import_origin = Matrix::Zero(n, 1);
    m.exports = Matrix::Zero(n, 1);
    m.satellite_values = Matrix::Zero(0, n);
    m.balance_tolerance = 1e-6;
    result.notes.push_back("layout " + result.layout + ": " + std::to_string(countries_.size()) +
                           " countries in " + std::to_string(nr) + " regions, " +
                           std::to_string(ns_) + " industries, " + std::to_string(n) +
                           " region-sectors");
    result.notes.push_back(
        "largest column gap (output less inputs, put into 'residual'): " + Percent(worst_gap, 4) +
        (worst_where.empty() ? "" : " of output in " + worst_where));
    if (total_column_ > 0) {
      result.notes.push_back(
          "largest gap between the total column and the row sums: " + Percent(worst_total_gap_, 4) +
          (worst_total_row_.empty() ? "" : " in row " + worst_total_row_) +
          "; output is taken as the row sums");
    }
    if (has_total_row_) {
      double worst = 0.0;
      std::string where;
      for (Index j = 0; j < n; ++j) {
        const double gap = std::fabs(total_row_(j) - x(j)) / std::max(std::fabs(x(j)), 1e-300);
        if (total_row_(j) != x(j) && gap > worst) {
          worst = gap;
          where = m.sectors[static_cast<size_t>(j)].code;
        }
      }
      result.notes.push_back("largest gap between the output row and the row sums: " +
                             Percent(worst, 4) + (where.empty() ? "" : " in " + where));
    }
    if (empty_cells_ > 0) {
      result.notes.push_back(std::to_string(empty_cells_) + " empty cells read as 0");
    }
    m.description = "Imported from " + std::filesystem::path(o_.file).filename().string() +
                    " (OECD ICIO, layout " + result.layout + "). " + Join(result.notes, "; ");
    return result;
  }

  const IcioOptions& o_;
  size_t header_size_ = 0;
  Index total_column_ = -1;
  std::vector<std::string> industries_, countries_, regions_;
  std::map<std::string, size_t> industry_index_, region_index_;
  std::set<std::string> country_set_, row_labels_;
  std::vector<Column> columns_;
  Index ns_ = 0;
  Matrix z_, y_, v_;
  Vector total_row_;
  bool has_total_row_ = false;
  bool layout_2021_ = false;
  long long industry_rows_ = 0;
  long long empty_cells_ = 0;
  double worst_total_gap_ = 0.0;
  std::string worst_total_row_;
};

}  // namespace

IcioImport ImportIcio(std::istream& in, const IcioOptions& options) {
  return Importer(options).Run(in);
}

IcioImport ImportIcioFile(const IcioOptions& options) {
  std::ifstream in(options.file, std::ios::binary);
  if (!in) {
    throw InputError(SourceLocation{options.file, 0, 0, ""}, "cannot open the file");
  }
  return ImportIcio(in, options);
}

IcioImport ImportIcioText(const std::string& text, const IcioOptions& options) {
  std::istringstream in(text);
  return ImportIcio(in, options);
}

}  // namespace spillover
