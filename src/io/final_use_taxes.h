// The optional products × final-demand-categories table of net taxes on products paid on
// final use (docs/model-format.md, `files.final_use_taxes`).
#pragma once

#include <string>

#include "core/model.h"
#include "io/model_io.h"

namespace spillover {

// Reads `path` into model->final_use_taxes (rows: the sectors' products, columns: the
// final-demand categories) and checks that each column adds up, within the model's balance
// tolerance, to the net taxes on products that `v_path` (V.csv) holds for that category:
// the table only splits the column totals by product, so every model total stays the same.
// Throws InputError naming the file, the column, the two sums and the tolerance.
ModelCheck ReadFinalUseTaxes(const std::string& path, const std::string& v_path, Model* model);

}  // namespace spillover
