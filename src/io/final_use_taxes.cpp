#include "io/final_use_taxes.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/text.h"
#include "io/csv.h"

namespace spillover {

ModelCheck ReadFinalUseTaxes(const std::string& path, const std::string& v_path, Model* model) {
  Model& m = *model;
  const std::vector<std::string> categories = m.CategoryCodes();
  m.final_use_taxes = ReadLabelledMatrix(path, m.SectorCodes(), categories);
  const RowVector column_form = m.ProductTaxes().tail(m.category_count());
  // Relative to the largest tax column, so that a category with (almost) no taxes is held
  // to the same absolute standard as the others.
  const double scale = std::max(column_form.cwiseAbs().maxCoeff(),
                                m.final_use_taxes.cwiseAbs().colwise().sum().maxCoeff());
  ModelCheck check{"taxes on final use by product add up to the final-use columns of V", 0, "",
                   m.balance_tolerance};
  for (Index f = 0; f < m.category_count(); ++f) {
    const double by_product = m.final_use_taxes.col(f).sum();
    const double residual =
        scale > 0.0 ? std::fabs(by_product - column_form(f)) / scale : std::fabs(by_product);
    if (!(residual <= check.worst)) {
      check.worst = residual;
      check.where = categories[static_cast<size_t>(f)];
    }
    if (!(residual <= check.tolerance)) {
      throw InputError(
          SourceLocation{path, 0, 0, "column '" + categories[static_cast<size_t>(f)] + "'"},
          "net taxes on final use by product sum to " + FormatNumber(by_product) +
              " but the product-tax rows of " + v_path + " hold " + FormatNumber(column_form(f)) +
              " in that column (relative difference " + FormatNumber(residual) + ", tolerance " +
              FormatNumber(check.tolerance) + "); expected the same total");
    }
  }
  return check;
}

}  // namespace spillover
