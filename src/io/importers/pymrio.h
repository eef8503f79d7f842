// pymrio's folder format (IOSystem.save_all with the default text tables), both ways.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace spillover {

struct PymrioImport {
  Model model;
  std::vector<std::string> notes;
};

// One tab-separated table as pymrio writes it: `header_rows` rows of column labels (one
// per level, each led by the level's name), a row of index names when there are several
// header rows, then rows of `index_cols` labels and the values.
struct PymrioTable {
  std::vector<std::vector<std::string>> columns;  // per column: its label at each level
  std::vector<std::vector<std::string>> rows;     // per row: its label at each level
  std::vector<std::vector<std::string>> cells;    // text cells (unit tables)
  Matrix values;                                  // numeric tables
};
// `numeric` false keeps the cells as text. The fuzz target's entry point.
PymrioTable ParsePymrioTable(const std::string& text, const std::string& path, int index_cols,
                             int header_rows, bool numeric);

// Reads DIR/file_parameters.json, Z, Y and unit, and every extension subfolder. Output is
// the row sums of Z and Y; the extension `factor_inputs` gives value added, each column's
// gap goes into a `residual` row; the other extensions become satellites.
PymrioImport ImportPymrio(const std::string& folder);

// Writes `model` in the same format into `out` (new or empty), with numbers in shortest
// round-trip form and the model's kinds in metadata.json, so that ImportPymrio gives the
// model back. Imports, exports by partner and routes have no place in the format and are
// left out (with a note on standard error).
void ExportPymrio(const Model& model, const std::string& out);

}  // namespace spillover
