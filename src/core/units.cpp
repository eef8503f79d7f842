#include "core/units.h"

#include <sstream>

namespace spillover {

double ScaleWordValue(const std::string& word) {
  if (word == "one") return 1.0;
  if (word == "thousand") return 1e3;
  if (word == "million") return 1e6;
  if (word == "billion") return 1e9;
  if (word == "trillion") return 1e12;
  return 0.0;
}

double MoneyUnitToModel(const std::string& unit_text, const Model& model,
                        const std::string& scenario_currency, double exchange_rate,
                        const SourceLocation& where) {
  if (unit_text == "model" || unit_text == model.unit) return 1.0;
  std::istringstream words(unit_text);
  std::string currency, scale_word, extra;
  words >> currency >> scale_word >> extra;
  const double scale = scale_word.empty() ? 1.0 : ScaleWordValue(scale_word);
  const std::string expected =
      "expected `model`, `" + model.unit + "`, or a currency code (" + model.currency +
      (scenario_currency != model.currency ? ", " + scenario_currency : "") +
      ") with an optional scale: one, thousand, million, billion, trillion";
  if (!extra.empty() || scale == 0.0) {
    throw InputError(where, "cannot read the unit '" + unit_text + "'; " + expected);
  }
  double rate = 0.0;
  if (currency == model.currency) {
    rate = 1.0;
  } else if (currency == scenario_currency) {
    rate = exchange_rate;
  } else {
    for (const auto& [code, r] : model.exchange_rates) {
      if (code == currency) rate = r;
    }
  }
  if (rate == 0.0) {
    throw InputError(where, "no exchange rate for the currency '" + currency + "'; " + expected);
  }
  return scale * rate / model.unit_scale;
}

}  // namespace spillover
