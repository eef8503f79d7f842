// Money units: a currency with a scale ("USD million", "KZT thousand").
#pragma once

#include <string>

#include "core/error.h"
#include "core/model.h"

namespace spillover {

// "one" 1, "thousand" 1e3, "million" 1e6, "billion" 1e9, "trillion" 1e12; 0 for anything else.
double ScaleWordValue(const std::string& word);

// Factor that turns an amount in `unit_text` into the model's unit. `unit_text` is
// "model", the model's own unit label, or "CUR [scale]" where CUR is the model's currency
// or `scenario_currency` (converted at `exchange_rate` model-currency units per unit).
double MoneyUnitToModel(const std::string& unit_text, const Model& model,
                        const std::string& scenario_currency, double exchange_rate,
                        const SourceLocation& where);

}  // namespace spillover
