#include "report/xlsx_report.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <memory>

#include "core/error.h"
#include "core/text.h"
#include "io/yaml_read.h"
#include "report/report_data.h"
#include "report/selection.h"
#include "report/xlsx_digits.h"

namespace spillover {
namespace {

// The workbook and its formats; closing it writes the file.
class Book {
 public:
  explicit Book(const std::string& path) : path_(path), wb_(workbook_new(path.c_str())) {
    if (!wb_) throw InputError(SourceLocation{path, 0, 0, ""}, "cannot create the workbook");
    header = workbook_add_format(wb_);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_bg_color(header, 0xE0E0E0);
    text = workbook_add_format(wb_);
    format_set_num_format(text, "@");
    money = workbook_add_format(wb_);
    format_set_num_format(money, "#,##0.0");
    percent = workbook_add_format(wb_);
    format_set_num_format(percent, "0.00");
    index = workbook_add_format(wb_);
    format_set_num_format(index, "0.000000");
    general = workbook_add_format(wb_);
    format_set_num_format(general, "General");
    wrap = workbook_add_format(wb_);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  }
  ~Book() {
    if (wb_) workbook_close(wb_);  // only on an error path: the file is discarded
  }
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

  lxw_worksheet* Sheet(const std::string& name) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
    parts_[ws] = "xl/worksheets/sheet" + std::to_string(parts_.size() + 1) + ".xml";
    return ws;
  }
  // A number cell; NaN and inf stay empty (no percentage of a zero baseline).
  void Num(lxw_worksheet* ws, size_t row, size_t col, double value, lxw_format* f) {
    if (!std::isfinite(value)) return;
    const auto r = static_cast<lxw_row_t>(row);
    const auto c = static_cast<lxw_col_t>(col);
    worksheet_write_number(ws, r, c, value, f);
    if (!SixteenDigitsSuffice(value)) {
      char cell[32];
      lxw_rowcol_to_cell(cell, r, c);
      digits_[parts_[ws]][cell] = FormatNumber(value);
    }
  }
  void Close() {
    const lxw_error error = workbook_close(wb_);
    wb_ = nullptr;
    if (error != LXW_NO_ERROR) {
      throw InputError(SourceLocation{path_, 0, 0, ""},
                       std::string("cannot write the workbook: ") + lxw_strerror(error));
    }
    RestoreDigits(path_, digits_);
  }

  lxw_format *header, *text, *money, *percent, *index, *general, *wrap;

 private:
  std::string path_;
  lxw_workbook* wb_;
  std::map<lxw_worksheet*, std::string> parts_;  // sheet -> its part in the zip
  CellDigits digits_;
};

void Str(lxw_worksheet* ws, size_t row, size_t col, const std::string& value, lxw_format* f) {
  worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                         value.c_str(), f);
}

// A header row, frozen, with an autofilter over `rows` data rows.
void Table(lxw_worksheet* ws, Book* book, const std::vector<std::string>& headers, size_t rows,
           const std::vector<double>& widths) {
  for (size_t c = 0; c < headers.size(); ++c) {
    Str(ws, 0, c, headers[c], book->header);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         c < widths.size() ? widths[c] : 14, nullptr);
  }
  worksheet_set_row(ws, 0, 30, nullptr);
  worksheet_freeze_panes(ws, 1, 0);
  worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows),
                       static_cast<lxw_col_t>(headers.size() - 1));
}

std::string UnitOf(const std::vector<const ResultRow*>& rows) {
  std::string unit;
  for (const ResultRow* r : rows) {
    if (unit.empty()) unit = r->unit;
    if (r->unit != unit) return "";
  }
  return unit;
}

// Rows of every scenario that `keep` selects, in the tidy layout of the compare CSV.
void ResultSheet(Book* book, const std::string& name, const Comparison& c,
                 const std::function<bool(const ScenarioResult&, const ResultRow&)>& keep) {
  std::vector<std::pair<size_t, const ResultRow*>> rows;
  std::vector<const ResultRow*> plain;
  for (size_t s = 0; s < c.scenarios().size(); ++s) {
    for (const auto& row : c.result(s).rows) {
      if (keep(c.result(s), row)) {
        rows.emplace_back(s, &row);
        plain.push_back(&row);
      }
    }
  }
  const std::string unit = UnitOf(plain);
  const std::string in = unit.empty() ? " (unit: column F)" : ", " + unit;
  lxw_worksheet* ws = book->Sheet(name);
  Table(ws, book,
        {"scenario", "region or partner", "sector or product", "name", "variable", "unit",
         "baseline" + in, "value" + in, "change" + in, "change, %", "baseline scenario",
         "difference from baseline" + in, "difference, percentage points"},
        rows.size(), {22, 12, 12, 40, 16, 16, 16, 16, 16, 10, 22, 18, 14});
  size_t r = 1;
  const std::string baseline = c.baseline_result().scenario;
  for (const auto& [s, row] : rows) {
    const ScenarioResult& result = c.result(s);
    lxw_format* f = row->unit.rfind("index", 0) == 0 ? book->index : book->money;
    Str(ws, r, 0, result.scenario, book->text);
    Str(ws, r, 1, row->region, book->text);
    Str(ws, r, 2, row->sector, book->text);
    Str(ws, r, 3, result.NameOf(*row), nullptr);
    Str(ws, r, 4, row->variable, book->text);
    Str(ws, r, 5, row->unit, nullptr);
    book->Num(ws, r, 6, row->baseline, f);
    book->Num(ws, r, 7, row->value, f);
    book->Num(ws, r, 8, row->Change(), f);
    book->Num(ws, r, 9, row->PercentChange(), book->percent);
    Str(ws, r, 10, baseline, book->text);
    book->Num(ws, r, 11, c.Difference(*row), f);
    book->Num(ws, r, 12, c.DifferencePctPoints(*row), book->percent);
    ++r;
  }
}

// About: what the workbook holds, the model, the tool, how to cite, and each input's text.
void AboutSheet(Book* book, const ReportInfo& info, const std::string& what,
                const std::vector<std::pair<std::string, std::string>>& inputs) {
  lxw_worksheet* ws = book->Sheet("About");
  worksheet_set_column(ws, 0, 0, 22, nullptr);
  worksheet_set_column(ws, 1, 1, 110, nullptr);
  size_t r = 0;
  auto pair = [&](const std::string& key, const std::string& value) {
    Str(ws, r, 0, key, book->header);
    Str(ws, r++, 1, value, book->wrap);
  };
  const Model* m = info.model;
  pair("Report", what);
  if (m) {
    pair("Model", m->name);
    pair("Model description", m->description);
    pair("Model folder", info.model_path.empty() ? m->folder : info.model_path);
    pair("Base year", std::to_string(m->year));
  }
  pair("Tool", "spillover " + info.version);
  pair("Made", info.date);
  pair("How to cite", "spillover " + info.version + ", input-output scenario model; model: " +
                          (m ? m->name : std::string("?")) + "; " + what + "; computed " +
                          info.date + ".");
  pair("Reading",
       "Changes are from the model's base year; a linear input-output model (see "
       "'How to read this' in report.html).");
  for (const auto& [title, yaml] : inputs) {
    ++r;
    Str(ws, r++, 0, title, book->header);
    size_t start = 0;
    while (start < yaml.size()) {
      size_t end = yaml.find('\n', start);
      if (end == std::string::npos) end = yaml.size();
      Str(ws, r++, 1, yaml.substr(start, end - start), book->text);
      start = end + 1;
    }
  }
}

bool IsRoute(const ResultRow& row) { return row.variable.rfind("route_", 0) == 0; }
bool IsPrice(const ResultRow& row) { return row.variable == "price" || row.variable == "cpi"; }

}  // namespace

void WriteScenarioWorkbook(const std::string& path, const Comparison& c, const ReportInfo& info) {
  Book book(path);
  std::vector<std::pair<std::string, std::string>> inputs;
  std::vector<std::string> names;
  for (const auto& run : c.scenarios()) {
    names.push_back(run.result.scenario);
    inputs.emplace_back("Scenario " + run.result.scenario,
                        run.text.empty() ? "(no file text: " + run.file + ")" : run.text);
  }
  AboutSheet(&book, info, "scenarios " + Join(names, ", "), inputs);
  ResultSheet(&book, "Headline", c, [](const ScenarioResult& r, const ResultRow& row) {
    return row.sector == "ALL" && row.region == HomeRegion(r) && !IsRoute(row);
  });
  ResultSheet(&book, "Partners", c, [](const ScenarioResult& r, const ResultRow& row) {
    return row.region != HomeRegion(r) && !IsRoute(row) && !IsPrice(row);
  });
  ResultSheet(&book, "Sectors", c, [](const ScenarioResult& r, const ResultRow& row) {
    return row.region == HomeRegion(r) && row.sector != "ALL" && !IsPrice(row);
  });
  ResultSheet(&book, "Prices", c,
              [](const ScenarioResult&, const ResultRow& row) { return IsPrice(row); });

  std::vector<const ScenarioResult*> results;
  for (size_t s = 0; s < c.scenarios().size(); ++s) results.push_back(&c.result(s));
  const std::vector<RouteFigures> routes = RouteTable(results, info.model);
  const std::string money = c.baseline_result().money_unit;
  lxw_worksheet* ws = book.Sheet("Routes");
  Table(ws, &book,
        {"route", "name", "scenario", "physical unit", "capacity before (physical unit)",
         "base use (physical unit)", "flow (physical unit)", "rerouted (physical unit)",
         "lost (physical unit)", "base flow, " + money, "flow, " + money, "rerouted, " + money,
         "lost, " + money, "capacity after (physical unit)"},
        routes.size() * results.size(), {16, 40, 22, 10, 14, 14, 14, 14, 14, 16, 16, 16, 16, 14});
  size_t r = 1;
  for (const auto& route : routes) {
    for (size_t s = 0; s < results.size(); ++s, ++r) {
      Str(ws, r, 0, route.code, book.text);
      Str(ws, r, 1, route.name, nullptr);
      Str(ws, r, 2, results[s]->scenario, book.text);
      Str(ws, r, 3, route.unit, nullptr);
      book.Num(ws, r, 4, route.capacity, book.money);
      book.Num(ws, r, 5, route.base_use, book.money);
      book.Num(ws, r, 6, route.Physical(route.flow[s]), book.money);
      book.Num(ws, r, 7, route.Physical(route.rerouted[s]), book.money);
      book.Num(ws, r, 8, route.Physical(route.lost[s]), book.money);
      book.Num(ws, r, 9, route.base_flow, book.money);
      book.Num(ws, r, 10, route.flow[s], book.money);
      book.Num(ws, r, 11, route.rerouted[s], book.money);
      book.Num(ws, r, 12, route.lost[s], book.money);
      // Last, so that the columns of earlier workbooks keep their places.
      book.Num(ws, r, 13, route.capacity_after[s], book.money);
    }
  }
  book.Close();
}

void WriteSweepWorkbook(const std::string& path, const SweepTable& sweep, const ReportInfo& info) {
  Book book(path);
  AboutSheet(&book, info,
             "sweep " + sweep.name + " (" + sweep.method + ", " +
                 std::to_string(sweep.rows.size()) + " points) in " + sweep.dir,
             {});
  lxw_worksheet* ws = book.Sheet("Points");
  std::vector<std::string> headers;
  for (const auto& column : sweep.columns) headers.push_back(SweepColumnHeader(sweep, column));
  Table(ws, &book, headers, sweep.rows.size(), {});
  for (size_t r = 0; r < sweep.rows.size(); ++r) {
    for (size_t c = 0; c < sweep.columns.size() && c < sweep.rows[r].size(); ++c) {
      book.Num(ws, r + 1, c, sweep.rows[r][c], book.general);
    }
  }
  if (!sweep.summary_columns.empty()) {
    lxw_worksheet* summary = book.Sheet("Summary");
    Table(summary, &book, sweep.summary_columns, sweep.summary_rows.size(), {});
    for (size_t r = 0; r < sweep.summary_rows.size(); ++r) {
      for (size_t c = 0; c < sweep.summary_rows[r].size(); ++c) {
        const std::string& cell = sweep.summary_rows[r][c];
        double value = 0;
        // Codes and units are text ("061" stays "061"); the statistics are numbers.
        if (c >= 4 && ParseNumber(cell, &value)) {
          book.Num(summary, r + 1, c, value, book.general);
        } else {
          Str(summary, r + 1, c, cell, book.text);
        }
      }
    }
  }
  book.Close();
}

}  // namespace spillover
