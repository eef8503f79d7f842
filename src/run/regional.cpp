#include "run/regional.h"

namespace spillover {
namespace {

// T(r, s): sales of region r's industries to region s's industries and final users.
Matrix RegionalFlows(const Model& m, const Matrix& intermediate, const Matrix& final_use) {
  const Index nr = m.region_count();
  Matrix t = Matrix::Zero(nr, nr);
  for (Index j = 0; j < intermediate.cols(); ++j) {
    const Index s = m.RegionOfSector(j);
    for (Index i = 0; i < intermediate.rows(); ++i) t(m.RegionOfSector(i), s) += intermediate(i, j);
  }
  for (Index f = 0; f < final_use.cols(); ++f) {
    const Index s = m.RegionOfCategory(f);
    for (Index i = 0; i < final_use.rows(); ++i) t(m.RegionOfSector(i), s) += final_use(i, f);
  }
  return t;
}

}  // namespace

void AddRegionalRows(const PreparedModel& prepared, const Outcome& out, double money,
                     const std::string& unit, ScenarioResult* result) {
  const Model& m = prepared.model();
  const Coefficients& c = prepared.coefficients();
  const Index n = m.sector_count();
  const Index nr = m.region_count();
  if (nr < 2) return;
  const Matrix z_new = out.intermediate.size() > 0 ? out.intermediate
                                                   : Matrix(c.technical * out.output.asDiagonal());
  const Matrix base = RegionalFlows(m, m.intermediate, m.final_use);
  const Matrix now = RegionalFlows(m, z_new, out.final_use);
  const Vector gva_base = m.GrossValueAdded();
  const RowVector taxes_base = m.ProductTaxes();
  const Vector imports_base = m.IntermediateImportsBySector();
  const Vector import_ratio = out.output.cwiseProduct(SafeReciprocal(c.output));
  Vector r_output_b = Vector::Zero(nr), r_output = Vector::Zero(nr);
  Vector r_gva_b = Vector::Zero(nr), r_gva = Vector::Zero(nr);
  Vector r_tax_b = Vector::Zero(nr), r_tax = Vector::Zero(nr);
  Vector r_ext_exp_b = Vector::Zero(nr), r_ext_exp = Vector::Zero(nr);
  Vector r_ext_imp_b = Vector::Zero(nr), r_ext_imp = Vector::Zero(nr);
  for (Index j = 0; j < n; ++j) {
    const Index r = m.RegionOfSector(j);
    r_output_b(r) += c.output(j);
    r_output(r) += out.output(j);
    r_gva_b(r) += gva_base(j);
    r_gva(r) += out.gva(j);
    r_tax_b(r) += taxes_base(j);
    r_tax(r) += out.product_taxes(j);
    r_ext_exp_b(r) += m.exports.row(j).sum();
    r_ext_exp(r) += out.exports.row(j).sum();
    if (imports_base.size() > 0) {
      r_ext_imp_b(r) += imports_base(j);
      r_ext_imp(r) += imports_base(j) * import_ratio(j);
    }
  }
  for (Index f = 0; f < m.category_count(); ++f) {
    const Index r = m.RegionOfCategory(f);
    r_tax_b(r) += taxes_base(n + f);
    r_tax(r) += out.product_taxes(n + f);
    r_ext_imp_b(r) += m.imports_final.col(f).sum();
    r_ext_imp(r) += out.imports_final.col(f).sum();
  }
  const auto add = [&](const std::string& region, const std::string& variable, double b, double v) {
    result->rows.push_back(ResultRow{region, "ALL", variable, unit, money * b, money * v});
  };
  for (Index r = 0; r < nr; ++r) {
    const std::string& code = m.regions[static_cast<size_t>(r)].code;
    const double exp_b = base.row(r).sum() - base(r, r) + r_ext_exp_b(r);
    const double exp_n = now.row(r).sum() - now(r, r) + r_ext_exp(r);
    const double imp_b = base.col(r).sum() - base(r, r) + r_ext_imp_b(r);
    const double imp_n = now.col(r).sum() - now(r, r) + r_ext_imp(r);
    add(code, "gdp", r_gva_b(r) + r_tax_b(r), r_gva(r) + r_tax(r));
    add(code, "gva", r_gva_b(r), r_gva(r));
    add(code, "net_product_taxes", r_tax_b(r), r_tax(r));
    add(code, "output", r_output_b(r), r_output(r));
    add(code, "exports", exp_b, exp_n);
    add(code, "imports", imp_b, imp_n);
    add(code, "trade_balance", exp_b - imp_b, exp_n - imp_n);
    for (Index s = 0; s < nr; ++s) {
      if (s == r) continue;
      const std::string& other = m.regions[static_cast<size_t>(s)].code;
      add(code, "exports_to:" + other, base(r, s), now(r, s));
      add(code, "imports_from:" + other, base(s, r), now(s, r));
    }
  }
}

}  // namespace spillover
