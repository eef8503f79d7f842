// Writers for the supply-driven (Ghosh) multipliers and inverse (`multipliers --ghosh`,
// `analyse ghosh`).
#pragma once

#include <string>

#include "core/model.h"
#include "engine/ghosh.h"

namespace spillover {

// A table per selling sector: direct and total output supply multipliers and, for a model
// of several regions, the total split by the region whose output it is.
std::string FormatGhoshTable(const Model& model, const GhoshMultipliers& multipliers);
// Tidy CSV: sector,name,measure,output_region,value,unit (output_region ALL = every region).
std::string FormatGhoshCsv(const Model& model, const GhoshMultipliers& multipliers);
std::string FormatGhoshJson(const Model& model, const GhoshMultipliers& multipliers);

}  // namespace spillover
