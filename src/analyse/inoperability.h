// The inoperability input-output model (IIM; Haimes & Jiang 2001, Santos & Haimes 2004)
// and its dynamic form (DIIM; Lian & Haimes 2006). Inoperability q_i is the fraction of
// sector i's base-year output that is lost. The equations are in docs/analysis.md.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "core/types.h"
#include "engine/leontief.h"

namespace spillover {

// Static IIM: q = (I − A*)^-1 c* with A* = diag(x)^-1 A diag(x) and c* the demand
// perturbation per unit of base output (positive = demand lost). Since
// (I − A*)^-1 = diag(x)^-1 L diag(x), q = diag(x)^-1 L (c* ∘ x): one Leontief solve.
// Sectors with zero output have zero inoperability.
Vector StaticInoperability(const LeontiefSolver& solver, VectorRef output, VectorRef perturbation);

// The static state with some sectors held at a given inoperability (an outage) and the
// rest driven by the perturbation: the mixed model (Miller & Blair section 13.1) in
// inoperability form. `held` gives the held level of each sector (NaN for a free sector).
// A held sector whose level would be exceeded anyway is released. This is the state the
// dynamic model reaches when the outage and the perturbation last for good.
Vector HeldInoperability(const LeontiefSolver& solver, MatrixRef technical, VectorRef output,
                         VectorRef perturbation, VectorRef held);

// Resilience coefficients from recovery times: a sector left alone (no other sector
// disrupted, no perturbation) with inoperability q(0) keeps the fraction `residual` of it
// after T_i periods. In the discrete model q(t+1) = (1 − k_i (1 − a*_ii)) q(t), so
//   k_i = (1 − residual^(1/T_i)) / (1 − a_ii)        (a*_ii = a_ii)
// (Lian & Haimes 2006 give the continuous-time k_i = ln(q(0)/q(T)) / (T_i (1 − a*_ii)).)
// k_i is capped at 1 (the gap cannot close faster than fully in one period); `capped`
// receives the indices that were.
Vector ResilienceFromRecovery(VectorRef self_coefficients, VectorRef recovery_periods,
                              double residual, std::vector<Index>* capped = nullptr);

// Dynamic IIM, one step per period (Lian & Haimes 2006):
//   q(t+1) = q(t) + K (A* q(t) + c*(t) − q(t)),   then q_i(t+1) ≥ floor_i(t+1),
// from q(0) = 0. `perturbation` column t is c*(t) (n × H); `floor` column t is the forced
// inoperability in period t+1 (n × H; 0 where none), which holds an outage; `resilience`
// is diag(K), each in (0, 1]. Returns q(1), …, q(H) as columns (n × H). A* q is computed
// as diag(x)^-1 A (x ∘ q), so A* is never formed. With 0 < k_i ≤ 1 the iteration matrix
// I − K (I − A*) is non-negative with spectral radius below 1, so a constant c* leads to
// the static q.
Matrix DynamicInoperability(MatrixRef technical, VectorRef output, VectorRef resilience,
                            MatrixRef perturbation, MatrixRef floor);

// A monthly inoperability path and what it means in money.
struct InoperabilityReport {
  std::string title;               // e.g. "Outage of 061 (80% for 3 months)"
  std::vector<std::string> notes;  // assumptions worth printing
  Matrix inoperability;            // n × months
  Vector equilibrium;              // the static state if the disruption lasted
  Vector resilience;               // k_i
  Vector output;                   // base annual output x
  Vector gdp_coefficients;         // value added and taxes on inputs per unit of output
};

// Readable table: per month the output and GDP lost and the sectors above 1% inoperability,
// then the `top` sectors by cumulative loss with their monthly inoperability.
std::string FormatInoperabilityTable(const Model& model, const InoperabilityReport& report,
                                     const std::string& unit, double scale, Index top);
// Tidy CSV: month,sector,name,variable,unit,value; variables inoperability (fraction of
// output), output_loss and gdp_loss (per month: q ∘ x / 12); sector ALL for totals;
// month "equilibrium" for the static state.
std::string FormatInoperabilityCsv(const Model& model, const InoperabilityReport& report,
                                   const std::string& unit, double scale);

}  // namespace spillover
