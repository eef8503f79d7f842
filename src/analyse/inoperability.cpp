#include "analyse/inoperability.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/error.h"
#include "core/text.h"
#include "engine/analysis.h"
#include "io/csv.h"

namespace spillover {
namespace {

void CheckSquare(MatrixRef technical, Index n) {
  if (technical.rows() != n || technical.cols() != n) {
    throw InputError("coefficient matrix: expected " + std::to_string(n) + "x" + std::to_string(n) +
                     ", got " + std::to_string(technical.rows()) + "x" +
                     std::to_string(technical.cols()));
  }
}

}  // namespace

Vector StaticInoperability(const LeontiefSolver& solver, VectorRef output, VectorRef perturbation) {
  const Index n = solver.size();
  CheckInputLength(output.size(), n, "output");
  CheckInputLength(perturbation.size(), n, "perturbation");
  const Vector demand = perturbation.cwiseProduct(output);
  const Vector change = solver.Solve(demand);
  Vector q = Vector::Zero(n);
  for (Index i = 0; i < n; ++i) {
    if (output(i) != 0.0) q(i) = change(i) / output(i);
  }
  return q;
}

Vector HeldInoperability(const LeontiefSolver& solver, MatrixRef technical, VectorRef output,
                         VectorRef perturbation, VectorRef held) {
  const Index n = solver.size();
  CheckSquare(technical, n);
  CheckInputLength(output.size(), n, "output");
  CheckInputLength(perturbation.size(), n, "perturbation");
  CheckInputLength(held.size(), n, "held inoperability");
  // In output terms: lost final demand c* ∘ x, lost output held_j x_j for the held sectors.
  const Vector demand = perturbation.cwiseProduct(output);
  std::vector<bool> fixed(static_cast<size_t>(n), false);
  Vector fixed_loss = Vector::Zero(n);
  for (Index j = 0; j < n; ++j) {
    if (std::isfinite(held(j)) && output(j) != 0.0) {
      fixed[static_cast<size_t>(j)] = true;
      fixed_loss(j) = held(j) * output(j);
    }
  }
  Vector loss = solver.Solve(demand);
  for (Index round = 0; round <= n; ++round) {
    bool any = false;
    for (bool f : fixed) any = any || f;
    if (!any) break;
    const MixedSolution mixed = SolveMixed(solver, technical, demand, fixed, fixed_loss);
    loss = mixed.output;
    // A held sector whose implied demand loss falls short of its own perturbation would be
    // pushed above the held level by the others: the level does not bind, release it.
    bool released = false;
    for (Index j = 0; j < n; ++j) {
      if (fixed[static_cast<size_t>(j)] && mixed.final_demand(j) < demand(j)) {
        fixed[static_cast<size_t>(j)] = false;
        released = true;
      }
    }
    if (!released) break;
  }
  Vector q = Vector::Zero(n);
  for (Index i = 0; i < n; ++i) {
    if (output(i) != 0.0) q(i) = loss(i) / output(i);
  }
  return q;
}

Vector ResilienceFromRecovery(VectorRef self_coefficients, VectorRef recovery_periods,
                              double residual, std::vector<Index>* capped) {
  const Index n = self_coefficients.size();
  CheckInputLength(recovery_periods.size(), n, "recovery periods");
  if (!(residual > 0.0 && residual < 1.0)) {
    throw InputError("recovery residual " + FormatNumber(residual) +
                     " is out of range: expected a fraction between 0 and 1");
  }
  Vector k(n);
  for (Index i = 0; i < n; ++i) {
    const double periods = recovery_periods(i);
    if (!(periods > 0.0) || !std::isfinite(periods)) {
      throw InputError("recovery time " + FormatNumber(periods) + " of sector " +
                       std::to_string(i) + " is not positive");
    }
    const double self = self_coefficients(i);
    if (!(self >= 0.0 && self < 1.0)) {
      throw InputError("own-input coefficient " + FormatNumber(self) + " of sector " +
                       std::to_string(i) + " is out of range: expected 0 <= a_ii < 1");
    }
    k(i) = (1.0 - std::pow(residual, 1.0 / periods)) / (1.0 - self);
    if (k(i) > 1.0) {
      k(i) = 1.0;
      if (capped != nullptr) capped->push_back(i);
    }
  }
  return k;
}

Matrix DynamicInoperability(MatrixRef technical, VectorRef output, VectorRef resilience,
                            MatrixRef perturbation, MatrixRef floor) {
  const Index n = output.size();
  CheckSquare(technical, n);
  CheckInputLength(resilience.size(), n, "resilience coefficients");
  CheckInputLength(perturbation.rows(), n, "perturbation rows");
  CheckInputLength(floor.rows(), n, "floor rows");
  const Index periods = perturbation.cols();
  CheckInputLength(floor.cols(), periods, "floor periods");
  for (Index i = 0; i < n; ++i) {
    if (!(resilience(i) > 0.0 && resilience(i) <= 1.0)) {
      throw InputError("resilience coefficient " + FormatNumber(resilience(i)) + " of sector " +
                       std::to_string(i) + " is out of range: expected 0 < k <= 1");
    }
  }
  Vector inverse_output = Vector::Zero(n);
  for (Index i = 0; i < n; ++i) {
    if (output(i) != 0.0) inverse_output(i) = 1.0 / output(i);
  }
  Matrix path(n, periods);
  Vector q = Vector::Zero(n);
  for (Index t = 0; t < periods; ++t) {
    // A* q = diag(x)^-1 A (x ∘ q).
    const Vector coupled = inverse_output.cwiseProduct(technical * output.cwiseProduct(q));
    q += resilience.cwiseProduct(coupled + perturbation.col(t) - q);
    q = q.cwiseMax(floor.col(t));
    for (Index i = 0; i < n; ++i) {
      if (output(i) == 0.0) q(i) = 0.0;
    }
    path.col(t) = q;
  }
  return path;
}

std::string FormatInoperabilityTable(const Model& model, const InoperabilityReport& report,
                                     const std::string& unit, double scale, Index top) {
  const Index n = report.inoperability.rows();
  const Index months = report.inoperability.cols();
  // Monthly losses: annual output × inoperability / 12.
  const Matrix output_loss = report.output.asDiagonal() * report.inoperability / 12.0;
  const Vector gdp_weights = report.gdp_coefficients;
  std::string out = "Inoperability: " + report.title + "\n";
  out +=
      "Question: the month-by-month loss of an outage and its recovery; the total sums the "
      "months (dynamic; 'spillover run' applies a shock to the year's flows at once)\n";
  out += "Dynamic inoperability input-output model (Lian & Haimes 2006); monthly losses in " +
         unit + ".\n";
  for (const auto& note : report.notes) out += "Note: " + note + "\n";
  out += "\n" + PadLeft("month", 6) + PadLeft("output loss", 18) + PadLeft("GDP loss", 18) +
         PadLeft("sectors > 1%", 14) + "  most inoperable\n";
  double output_total = 0.0;
  double gdp_total = 0.0;
  for (Index t = 0; t < months; ++t) {
    const double lost = output_loss.col(t).sum();
    const double gdp = gdp_weights.dot(output_loss.col(t));
    output_total += lost;
    gdp_total += gdp;
    Index above = 0;
    Index worst = 0;
    for (Index i = 0; i < n; ++i) {
      above += report.inoperability(i, t) > 0.01 ? 1 : 0;
      if (report.inoperability(i, t) > report.inoperability(worst, t)) worst = i;
    }
    out += PadLeft(std::to_string(t + 1), 6) + PadLeft(FormatGrouped(lost * scale, 0), 18) +
           PadLeft(FormatGrouped(gdp * scale, 0), 18) + PadLeft(std::to_string(above), 14) + "  " +
           (n > 0 ? model.sectors[static_cast<size_t>(worst)].code + " " +
                        Percent(report.inoperability(worst, t), 1)
                  : std::string()) +
           "\n";
  }
  out += PadLeft("total", 6) + PadLeft(FormatGrouped(output_total * scale, 0), 18) +
         PadLeft(FormatGrouped(gdp_total * scale, 0), 18) + "\n";

  std::vector<Index> order(static_cast<size_t>(n));
  std::iota(order.begin(), order.end(), Index{0});
  const Vector cumulative = output_loss.rowwise().sum();
  std::stable_sort(order.begin(), order.end(),
                   [&](Index a, Index b) { return cumulative(a) > cumulative(b); });
  const size_t shown = std::min(order.size(), static_cast<size_t>(std::max<Index>(top, 0)));
  const Index columns = std::min<Index>(months, 12);
  out += "\nSectors by cumulative output loss; inoperability (% of monthly output) by month\n";
  out += PadRight("sector", 28) + PadLeft("loss", 16) + PadLeft("equil.", 8);
  for (Index t = 0; t < columns; ++t) out += PadLeft("m" + std::to_string(t + 1), 7);
  out += "\n";
  for (size_t r = 0; r < shown; ++r) {
    const Index i = order[r];
    if (cumulative(i) == 0.0) break;
    const Entry& s = model.sectors[static_cast<size_t>(i)];
    out += PadRight(Cut(s.code + " " + s.name, 27), 28) +
           PadLeft(FormatGrouped(cumulative(i) * scale, 0), 16) +
           PadLeft(Percent(report.equilibrium(i), 1), 8);
    for (Index t = 0; t < columns; ++t) {
      out += PadLeft(Fixed(100.0 * report.inoperability(i, t), 1), 7);
    }
    out += "\n";
  }
  if (columns < months) out += "(months after " + std::to_string(columns) + ": see --format csv)\n";
  out +=
      "equil.: the static inoperability the economy settles at if the disruption lasted for "
      "good.\n";
  return out;
}

std::string FormatInoperabilityCsv(const Model& model, const InoperabilityReport& report,
                                   const std::string& unit, double scale) {
  const Index n = report.inoperability.rows();
  const Index months = report.inoperability.cols();
  std::string out = "month,sector,name,variable,unit,value\n";
  const std::string money = CsvField(unit);
  const auto row = [&](const std::string& month, const std::string& code, const std::string& name,
                       const char* variable, const std::string& row_unit, double value) {
    out += month + "," + CsvField(code) + "," + CsvField(name) + "," + variable + "," + row_unit +
           "," + FormatNumber(value) + "\n";
  };
  for (Index t = 0; t < months; ++t) {
    const std::string month = std::to_string(t + 1);
    const Vector lost = report.output.cwiseProduct(report.inoperability.col(t)) / 12.0;
    row(month, "ALL", "All sectors", "output_loss", money, lost.sum() * scale);
    row(month, "ALL", "All sectors", "gdp_loss", money, report.gdp_coefficients.dot(lost) * scale);
    for (Index i = 0; i < n; ++i) {
      const Entry& s = model.sectors[static_cast<size_t>(i)];
      row(month, s.code, s.name, "inoperability", "fraction of output", report.inoperability(i, t));
      row(month, s.code, s.name, "output_loss", money, lost(i) * scale);
      row(month, s.code, s.name, "gdp_loss", money, report.gdp_coefficients(i) * lost(i) * scale);
    }
  }
  for (Index i = 0; i < n; ++i) {
    const Entry& s = model.sectors[static_cast<size_t>(i)];
    row("equilibrium", s.code, s.name, "inoperability", "fraction of output",
        report.equilibrium(i));
  }
  return out;
}

}  // namespace spillover
