// What a shock touches on the model: sector rows, final-demand columns, partners and, on
// multi-regional models, regions (`origins`, `regions`, trade_block's `from` and `to`).
#pragma once

#include <string>

#include "core/model.h"
#include "io/yaml_doc.h"
#include "scenario/scenario.h"

namespace spillover {

// final_demand: the rows (`sectors`, narrowed to the producing regions `origins`) and the
// columns (`categories`, narrowed to the buying regions `regions`).
void ReadFinalDemandScope(const std::string& file, const YamlNode& node, const std::string& path,
                          const Model& model, Shock* shock);

// exports: the rows (`products`, narrowed to `origins`; on a multi-regional model the focus
// region's when `origins` is not given), the exogenous `partners` and the endogenous buying
// `regions`.
void ReadExportsScope(const std::string& file, const YamlNode& node, const std::string& path,
                      const Model& model, Shock* shock);

// trade_block: regions, base sector codes (without the region) and the flows cut.
void ReadTradeBlock(const std::string& file, const YamlNode& node, const std::string& path,
                    const Model& model, Shock* shock);

}  // namespace spillover
