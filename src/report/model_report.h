// Writers for model descriptions, checks, multipliers and linkages.
#pragma once

#include <string>

#include "core/model.h"
#include "engine/analysis.h"
#include "io/model_io.h"

namespace spillover {

std::string FormatModelInfo(const Model& model);
// The model's export routes: mode, capacity, use and spare capacity in their physical unit,
// the transit countries, and the flows (product -> partner) each carries with their value.
std::string FormatRoutes(const Model& model);
std::string FormatModelChecks(const LoadedModel& loaded);

// A table per sector: type I and II output, value-added, import and income (compensation
// ratio) multipliers, and the Rasmussen linkage indices with key sectors flagged.
std::string FormatMultipliersTable(const Model& model, const Multipliers& multipliers,
                                   const Linkages& linkages);
// Tidy CSV: sector,name,measure,type,value,unit.
std::string FormatMultipliersCsv(const Model& model, const Multipliers& multipliers,
                                 const Linkages& linkages);
// The same per sector as JSON (null where a figure does not exist), with the type II note.
std::string FormatMultipliersJson(const Model& model, const Multipliers& multipliers,
                                  const Linkages& linkages);

}  // namespace spillover
