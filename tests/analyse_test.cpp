// Dependency analytics (src/analyse/): hypothetical extraction, structural paths, the
// inoperability model and the linkage ranking, against hand-derived values on Miller &
// Blair's two-sector table 2.3, against references that refactorise or enumerate, and
// against invariants on the Kazakh model.
#include <gtest/gtest.h>

#include <Eigen/LU>
#include <cmath>
#include <functional>
#include <limits>
#include <string>

#include "analyse/extraction.h"
#include "analyse/inoperability.h"
#include "analyse/paths.h"
#include "core/error.h"
#include "engine/analysis.h"
#include "io/model_io.h"
#include "io/yaml_doc.h"
#include "run/simulate.h"
#include "scenario/scenario.h"
#include "test_util.h"

namespace spillover {
namespace {

using testing::MatrixRelNear;
using testing::RelNear;

Matrix TextbookA() { return (Matrix(2, 2) << 0.15, 0.25, 0.20, 0.05).finished(); }
Vector TextbookX() { return (Vector(2) << 1000, 2000).finished(); }

// A productive coefficient matrix with about a third of the cells zero and column sums
// between 0.2 and 0.6 (a deterministic linear congruential generator, so runs compare).
Matrix RandomTechnical(Index n, unsigned seed) {
  std::uint64_t state = seed;
  const auto uniform = [&state]() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  };
  Matrix a(n, n);
  for (Index j = 0; j < n; ++j) {
    for (Index i = 0; i < n; ++i) a(i, j) = uniform() < 0.33 && i != j ? 0.0 : uniform();
    a.col(j) *= (0.2 + 0.4 * uniform()) / a.col(j).sum();
  }
  return a;
}

Vector Solve(const Matrix& system, const Vector& rhs) { return system.partialPivLu().solve(rhs); }

class AnalyseTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    example_ = new PreparedModel(LoadModel(testing::ExampleModel()));
    kaz_ = new PreparedModel(LoadModel(testing::KazModel()));
  }
  static void TearDownTestSuite() {
    delete example_;
    delete kaz_;
  }
  static PreparedModel* example_;
  static PreparedModel* kaz_;
};
PreparedModel* AnalyseTest::example_ = nullptr;
PreparedModel* AnalyseTest::kaz_ = nullptr;

// ---------------------------------------------------------------- extraction

TEST_F(AnalyseTest, ExtractionSectorsMatchHandComputedTwoSector) {
  const Coefficients& c = example_->coefficients();
  const LeontiefSolver& solver = example_->solver();
  // Backward, AGR: column 1 of A removed. x̄_2 = f_2 / (1 − a_22) = 1700 / 0.95,
  // x̄_1 = f_1 + a_12 x̄_2 = 350 + 0.25 · 1700 / 0.95.
  const double x2 = 1700.0 / 0.95;
  Vector backward =
      SectorExtractionLoss(solver, c.technical, c.output, 0, SectorExtractionVariant::kBackward);
  EXPECT_TRUE(RelNear(1000.0 - (350.0 + 0.25 * x2), backward(0), 1e-12));
  EXPECT_TRUE(RelNear(2000.0 - x2, backward(1), 1e-12));
  // Forward, AGR: row 1 of B = [0.15 0.5; 0.1 0.05] removed; primary inputs w = (650, 1400).
  // x̄_2 = w_2 / (1 − b_22) = 1400 / 0.95, x̄_1 = w_1 + b_21 x̄_2 = 650 + 0.1 · 1400 / 0.95.
  Vector forward =
      SectorExtractionLoss(solver, c.technical, c.output, 0, SectorExtractionVariant::kForward);
  EXPECT_TRUE(RelNear(1000.0 - (650.0 + 0.1 * 1400.0 / 0.95), forward(0), 1e-12));
  EXPECT_TRUE(RelNear(2000.0 - 1400.0 / 0.95, forward(1), 1e-12));
  // Total, AGR: row and column removed. x̄_1 = f_1 = 350, x̄_2 = 1700 / 0.95.
  Vector total =
      SectorExtractionLoss(solver, c.technical, c.output, 0, SectorExtractionVariant::kTotal);
  EXPECT_TRUE(RelNear(650.0, total(0), 1e-12));
  EXPECT_TRUE(RelNear(2000.0 - x2, total(1), 1e-12));

  // GDP per unit of output is 0.6 in both sectors (GVA 0.55 + taxes on inputs 0.05).
  const ExtractionTable table =
      ExtractSectors(*example_, SectorExtractionVariant::kBackward, {}, 2);
  ASSERT_EQ(2u, table.rows.size());
  const Extraction& agr = table.rows[0].code == "AGR" ? table.rows[0] : table.rows[1];
  EXPECT_TRUE(RelNear(backward.sum(), agr.output_loss, 1e-12));
  EXPECT_TRUE(RelNear(0.6 * backward.sum(), agr.gdp_loss, 1e-12));
  EXPECT_TRUE(RelNear(example_->model().Gdp(), agr.gdp_baseline, 1e-12));
  ASSERT_EQ(2u, agr.top.size());
  EXPECT_GE(agr.top[0].loss, agr.top[1].loss);
}

TEST_F(AnalyseTest, ExtractionSectorsMatchRefactorisedReference) {
  const Index n = 9;
  const Matrix a = RandomTechnical(n, 7);
  const Vector f = Vector::LinSpaced(n, 10.0, 90.0);
  const Matrix identity = Matrix::Identity(n, n);
  const Vector x = Solve(identity - a, f);
  const LeontiefSolver solver(a);
  // Ghosh: B = diag(x)^-1 A diag(x), primary inputs w' = x'(I − B).
  const Matrix b = x.cwiseInverse().asDiagonal() * a * x.asDiagonal();
  const Vector w = (identity - b).transpose() * x;
  for (Index j = 0; j < n; ++j) {
    Matrix column_cut = a;
    column_cut.col(j).setZero();
    const Vector backward = x - Solve(identity - column_cut, f);
    Matrix both_cut = column_cut;
    both_cut.row(j).setZero();
    const Vector total = x - Solve(identity - both_cut, f);
    Matrix row_cut = b;
    row_cut.row(j).setZero();
    const Vector forward = x - Solve((identity - row_cut).transpose(), w);
    EXPECT_TRUE(MatrixRelNear(
        backward, SectorExtractionLoss(solver, a, x, j, SectorExtractionVariant::kBackward), 1e-10,
        1e-10))
        << "backward " << j;
    EXPECT_TRUE(MatrixRelNear(
        forward, SectorExtractionLoss(solver, a, x, j, SectorExtractionVariant::kForward), 1e-10,
        1e-10))
        << "forward " << j;
    EXPECT_TRUE(
        MatrixRelNear(total, SectorExtractionLoss(solver, a, x, j, SectorExtractionVariant::kTotal),
                      1e-10, 1e-10))
        << "total " << j;
  }
}

TEST_F(AnalyseTest, ExtractionTotalEqualsBackwardOutsideTheSector) {
  const Coefficients& c = kaz_->coefficients();
  const Vector final_demand = kaz_->model().final_use.rowwise().sum();
  for (Index j : {Index{4}, Index{7}, Index{24}}) {
    const Vector backward = SectorExtractionLoss(kaz_->solver(), c.technical, c.output, j,
                                                 SectorExtractionVariant::kBackward);
    Vector total = SectorExtractionLoss(kaz_->solver(), c.technical, c.output, j,
                                        SectorExtractionVariant::kTotal);
    // The extracted sector keeps its final deliveries only.
    EXPECT_TRUE(RelNear(c.output(j) - final_demand(j), total(j), 1e-9, 1e-3));
    total(j) = backward(j);
    EXPECT_TRUE(MatrixRelNear(backward, total, 1e-12, 1e-6));
  }
}

TEST_F(AnalyseTest, ExtractionRanksAllKazakhSectorsByGdpLoss) {
  for (auto variant : {SectorExtractionVariant::kBackward, SectorExtractionVariant::kForward,
                       SectorExtractionVariant::kTotal}) {
    const ExtractionTable table = ExtractSectors(*kaz_, variant, {}, 5);
    ASSERT_EQ(static_cast<size_t>(kaz_->model().sector_count()), table.rows.size());
    for (size_t r = 0; r < table.rows.size(); ++r) {
      const Extraction& e = table.rows[r];
      if (r > 0) {
        EXPECT_GE(table.rows[r - 1].gdp_loss, e.gdp_loss);
      }
      EXPECT_GE(e.output_loss, -1e-6) << e.code;
      EXPECT_LT(e.OutputLossShare(), 1.0) << e.code;
    }
  }
  // The batched table agrees with the one-sector function.
  const ExtractionTable forward = ExtractSectors(*kaz_, SectorExtractionVariant::kForward, {4}, 3);
  ASSERT_EQ(1u, forward.rows.size());
  const Coefficients& c = kaz_->coefficients();
  const Vector loss = SectorExtractionLoss(kaz_->solver(), c.technical, c.output, 4,
                                           SectorExtractionVariant::kForward);
  EXPECT_TRUE(RelNear(loss.sum(), forward.rows[0].output_loss, 1e-12));
  EXPECT_TRUE(
      RelNear((c.gross_value_added + c.product_taxes).dot(loss), forward.rows[0].gdp_loss, 1e-12));
}

TEST_F(AnalyseTest, ExtractionPartnerExportsMatchLeontief) {
  // Exports to RUS are (100, 150): Δx = L (100, 150) with L = (1/0.7575)[0.95 0.25; 0.2 0.85];
  // GDP falls by 0.6 per unit of output (no taxes on exports in this table).
  const ExtractionTable table = ExtractPartners(*example_, PartnerExtractionVariant::kExports,
                                                SupplyRule::kProportional, {0}, {}, false, 2);
  ASSERT_EQ(1u, table.rows.size());
  const Extraction& e = table.rows[0];
  EXPECT_EQ("RUS", e.code);
  const double agr = (0.95 * 100 + 0.25 * 150) / 0.7575;
  const double mfg = (0.2 * 100 + 0.85 * 150) / 0.7575;
  EXPECT_TRUE(RelNear(agr + mfg, e.output_loss, 1e-12));
  EXPECT_TRUE(RelNear(0.6 * (agr + mfg), e.gdp_loss, 1e-12));
  EXPECT_TRUE(RelNear(250.0, e.exports_loss, 1e-12));
  // Intermediate imports fall with output: Am = [0.03 0.01; 0.02 0.09].
  EXPECT_TRUE(RelNear(0.05 * agr + 0.10 * mfg, e.imports_loss, 1e-12));
}

TEST_F(AnalyseTest, ExtractionPartnerImportsCapUsersByProportionalRule) {
  // RUS supplies 50% of imported AGR and 40% of imported MFG. Proportional rule:
  // cut_AGR = (0.03·0.5 + 0.02·0.4) / 0.4 = 0.0575, cut_MFG = (0.01·0.5 + 0.09·0.4) / 0.4 =
  // 0.1025. Only MFG's cap binds (AGR's would leave more final deliveries than demanded):
  // x_MFG = 1795, x_AGR = (350 + 0.25 · 1795) / 0.85.
  const ExtractionTable table = ExtractPartners(*example_, PartnerExtractionVariant::kImports,
                                                SupplyRule::kProportional, {0}, {}, false, 2);
  ASSERT_EQ(1u, table.rows.size());
  const Extraction& e = table.rows[0];
  const double agr = (350.0 + 0.25 * 1795.0) / 0.85;
  EXPECT_TRUE(RelNear((1000.0 - agr) + (2000.0 - 1795.0), e.output_loss, 1e-12));
  ASSERT_EQ(1u, e.constrained.size());
  EXPECT_EQ("MFG", e.constrained[0]);
}

TEST_F(AnalyseTest, ExtractionPartnerEqualsTheScenarioRun) {
  // The extraction is the engine's scenario with every export to the partner lost and
  // every import from it lost without substitution.
  const std::string yaml =
      "name: t\nshocks:\n"
      "  x: {type: exports, partners: CHN, change: -1}\n"
      "  m: {type: import_supply, partners: CHN, share: 1, substitution: 0}\n";
  const YamlNode root = ParseYaml(yaml, "t.yaml");
  const ScenarioResult run = Simulate(*kaz_, BuildScenario(root, "t.yaml", kaz_->model()));
  const ResultRow* gdp = run.Find("gdp", "KAZ", "ALL");
  const ResultRow* output = run.Find("output", "KAZ", "ALL");
  ASSERT_NE(nullptr, gdp);
  ASSERT_NE(nullptr, output);
  // The run reports in the model's unit.
  ASSERT_TRUE(RelNear(kaz_->model().Gdp(), gdp->baseline, 1e-12));
  const ExtractionTable table = ExtractPartners(*kaz_, PartnerExtractionVariant::kTotal,
                                                SupplyRule::kProportional, {1}, {}, false, 3);
  ASSERT_EQ(1u, table.rows.size());
  EXPECT_TRUE(RelNear(-gdp->Change(), table.rows[0].gdp_loss, 1e-9));
  EXPECT_TRUE(RelNear(-output->Change(), table.rows[0].output_loss, 1e-9));
}

TEST_F(AnalyseTest, ExtractionPartnerProductLinksAddUpWithoutSupplyLimits) {
  // Losing exports is linear: the links of a partner, one product at a time, add up to
  // the partner.
  const ExtractionTable partner = ExtractPartners(*kaz_, PartnerExtractionVariant::kExports,
                                                  SupplyRule::kProportional, {0}, {}, false, 3);
  const ExtractionTable links = ExtractPartners(*kaz_, PartnerExtractionVariant::kExports,
                                                SupplyRule::kProportional, {0}, {}, true, 3);
  ASSERT_EQ(1u, partner.rows.size());
  ASSERT_GT(links.rows.size(), 10u);
  double gdp = 0.0;
  double output = 0.0;
  for (const Extraction& e : links.rows) {
    EXPECT_EQ(0u, e.code.rfind("RUS:", 0)) << e.code;
    gdp += e.gdp_loss;
    output += e.output_loss;
  }
  EXPECT_TRUE(RelNear(partner.rows[0].gdp_loss, gdp, 1e-9));
  EXPECT_TRUE(RelNear(partner.rows[0].output_loss, output, 1e-9));
}

TEST_F(AnalyseTest, ExtractionKazakhPartnersAreRankedAndBounded) {
  const ExtractionTable table = ExtractPartners(*kaz_, PartnerExtractionVariant::kTotal,
                                                SupplyRule::kProportional, {}, {}, false, 3);
  ASSERT_EQ(6u, table.rows.size());
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const Extraction& e = table.rows[r];
    if (r > 0) {
      EXPECT_GE(table.rows[r - 1].gdp_loss, e.gdp_loss);
    }
    EXPECT_GT(e.GdpLossShare(), 0.0) << e.code;
    EXPECT_LT(e.GdpLossShare(), 0.5) << e.code;
    EXPECT_GE(e.exports_loss, 0.0) << e.code;
  }
  const std::string csv = FormatExtractionCsv(kaz_->model(), table, {"KZT thousand", 1.0});
  EXPECT_EQ(0u, csv.find("by,variant,rank,extracted,name,variable,sector,unit,baseline,loss,"
                         "pct_loss\n"));
  EXPECT_NE(std::string::npos, csv.find("partner,total,1,"));
  const std::string text = FormatExtractionTable(kaz_->model(), table, {"KZT thousand", 1.0}, 3);
  EXPECT_NE(std::string::npos, text.find("RUS"));
}

TEST_F(AnalyseTest, ExtractionRejectsBadIndices) {
  const Coefficients& c = example_->coefficients();
  try {
    SectorExtractionLoss(example_->solver(), c.technical, c.output, 5,
                         SectorExtractionVariant::kTotal);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string::npos, std::string(e.what()).find("expected 0 to 1")) << e.what();
  }
  try {
    SectorExtractionLoss(example_->solver(), c.technical, Vector::Ones(3), 0,
                         SectorExtractionVariant::kTotal);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string::npos, std::string(e.what()).find("expected 2 entries, got 3"))
        << e.what();
  }
}

// ---------------------------------------------------------------- structural paths

TEST_F(AnalyseTest, PathsMatchHandComputedTwoSector) {
  // Δy = 100 for AGR; GDP per unit of output 0.6 in both sectors.
  const Vector demand = (Vector(2) << 100, 0).finished();
  const Vector weights = (Vector(2) << 0.6, 0.6).finished();
  PathOptions options;
  options.top = 6;
  const PathAnalysis a = StructuralPaths(TextbookA(), example_->solver(), demand, weights, options);
  // Total v'LΔy = 0.6 · 100 · (0.95 + 0.2) / 0.7575.
  EXPECT_TRUE(RelNear(0.6 * 100 * 1.15 / 0.7575, a.total, 1e-12));
  ASSERT_EQ(6u, a.paths.size());
  const std::vector<std::pair<std::vector<Index>, double>> expected = {
      {{0}, 0.6 * 100},                       // AGR → GDP
      {{0, 1}, 0.6 * 0.20 * 100},             // AGR → MFG → GDP
      {{0, 0}, 0.6 * 0.15 * 100},             // AGR → AGR → GDP
      {{0, 1, 0}, 0.6 * 0.25 * 0.20 * 100},   // AGR → MFG → AGR → GDP
      {{0, 0, 1}, 0.6 * 0.20 * 0.15 * 100},   // AGR → AGR → MFG → GDP
      {{0, 0, 0}, 0.6 * 0.15 * 0.15 * 100}};  // AGR → AGR → AGR → GDP
  for (size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(expected[k].first, a.paths[k].sectors) << "path " << k;
    EXPECT_TRUE(RelNear(expected[k].second, a.paths[k].value, 1e-12)) << "path " << k;
  }
  double listed = 0.0;
  for (const auto& p : a.paths) listed += p.value;
  EXPECT_TRUE(RelNear(listed, a.listed, 1e-12));
  EXPECT_TRUE(RelNear(listed / a.total, a.Coverage(), 1e-12));

  PathLabels labels;
  labels.source = "RUS exports";
  labels.end = "GDP";
  EXPECT_EQ("RUS exports → AGR → MFG → GDP", PathText(example_->model(), a.paths[1], labels));
}

TEST_F(AnalyseTest, PathsSumToTheTruncatedSeriesAndConvergeToTheTotal) {
  // With threshold 0 every path is listed: their sum is w' Σ_{d ≤ D} A^d Δy exactly, and
  // tends to w' L Δy as D grows (ρ(A) ≈ 0.33 here). Mixed signs on purpose.
  const Matrix a = TextbookA();
  const Vector demand = (Vector(2) << 100, -40).finished();
  const Vector weights = (Vector(2) << 0.55, 0.6).finished();
  PathOptions options;
  options.relative_threshold = 0.0;
  options.top = 1 << 20;
  options.max_depth = 16;
  const PathAnalysis all = StructuralPaths(a, example_->solver(), demand, weights, options);
  EXPECT_FALSE(all.node_limit_reached);
  EXPECT_EQ(static_cast<size_t>(2 * ((1 << 17) - 1)), all.paths.size());
  // A^d Δy through the solver-free power series, one column per depth.
  Matrix terms(2, options.max_depth + 1);
  terms.col(0) = demand;
  for (int d = 1; d <= options.max_depth; ++d) terms.col(d).noalias() = a * terms.col(d - 1);
  const double series = (weights.transpose() * terms).sum();
  EXPECT_TRUE(RelNear(series, all.listed, 1e-10));  // 262,142 terms of mixed sign
  EXPECT_TRUE(RelNear(all.total, all.listed, 1e-7));
  EXPECT_TRUE(RelNear(1.0, all.Coverage(), 1e-7));
}

// All paths up to `depth` by plain depth-first enumeration: the reference for the search.
void Enumerate(const Matrix& a, const Vector& weights, std::vector<Index>* path, double reach,
               int depth, std::vector<std::pair<double, std::vector<Index>>>* out) {
  out->push_back({reach * weights(path->back()), *path});
  if (depth == 0) return;
  const Index e = path->back();
  for (Index i = 0; i < a.rows(); ++i) {
    if (a(i, e) == 0.0) continue;
    path->push_back(i);
    Enumerate(a, weights, path, reach * a(i, e), depth - 1, out);
    path->pop_back();
  }
}

TEST_F(AnalyseTest, PathsPrunedSearchFindsTheExhaustiveTopPaths) {
  const Index n = 25;
  const Matrix a = RandomTechnical(n, 11);
  const LeontiefSolver solver(a);
  Vector demand = Vector::Zero(n);
  demand(3) = 50.0;
  demand(17) = -20.0;
  Vector weights(n);
  for (Index i = 0; i < n; ++i) weights(i) = 0.3 + 0.02 * static_cast<double>(i);
  const int depth = 4;
  std::vector<std::pair<double, std::vector<Index>>> reference;
  for (Index s : {Index{3}, Index{17}}) {
    std::vector<Index> path = {s};
    Enumerate(a, weights, &path, demand(s), depth, &reference);
  }
  std::sort(reference.begin(), reference.end(),
            [](const auto& x, const auto& y) { return std::fabs(x.first) > std::fabs(y.first); });
  PathOptions options;
  options.top = 30;
  options.max_depth = depth;
  const PathAnalysis found = StructuralPaths(a, solver, demand, weights, options);
  ASSERT_EQ(30u, found.paths.size());
  for (size_t k = 0; k < found.paths.size(); ++k) {
    EXPECT_TRUE(RelNear(reference[k].first, found.paths[k].value, 1e-12)) << "rank " << k;
  }
  EXPECT_LT(found.visited, static_cast<Index>(reference.size()) / 100);
}

TEST_F(AnalyseTest, PathsToOneSectorAddUpToItsLeontiefOutput) {
  const Coefficients& c = kaz_->coefficients();
  const Index n = kaz_->model().sector_count();
  Vector demand = Vector::Zero(n);
  demand(7) = -1000.0;      // 072 Non-ferrous metal ores
  const Index target = 24;  // 241 Basic iron and steel
  PathOptions options;
  options.top = 50;
  options.relative_threshold = 1e-3;
  const PathAnalysis a =
      StructuralPaths(c.technical, kaz_->solver(), demand, Vector::Unit(n, target), options);
  EXPECT_TRUE(RelNear(kaz_->solver().Solve(demand)(target), a.total, 1e-12));
  for (const auto& p : a.paths) {
    EXPECT_EQ(7, p.sectors.front());
    EXPECT_EQ(target, p.sectors.back());
    EXPECT_LT(p.value, 0.0);
  }
  EXPECT_GT(a.Coverage(), 0.5);
  EXPECT_LE(a.Coverage(), 1.0 + 1e-12);
}

TEST_F(AnalyseTest, PathsReportTheNodeLimitAndCheckSizes) {
  const Coefficients& c = kaz_->coefficients();
  const Index n = kaz_->model().sector_count();
  PathOptions options;
  options.top = 1000;
  options.relative_threshold = 0.0;
  options.max_nodes = 5;
  const PathAnalysis a =
      StructuralPaths(c.technical, kaz_->solver(), Vector::Ones(n), Vector::Ones(n), options);
  EXPECT_TRUE(a.node_limit_reached);
  EXPECT_EQ(5, a.visited);
  try {
    StructuralPaths(TextbookA(), example_->solver(), Vector::Ones(3), Vector::Ones(2),
                    PathOptions());
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string::npos, std::string(e.what()).find("expected 2 entries, got 3"))
        << e.what();
  }
}

// ---------------------------------------------------------------- inoperability

TEST_F(AnalyseTest, InoperabilityStaticMatchesHandComputedAndLeontief) {
  // A* = diag(x)^-1 A diag(x) = [0.15 0.5; 0.1 0.05]; det(I − A*) = 0.7575.
  // c* = (0.1, 0): q = (1/0.7575) [0.95 0.5; 0.1 0.85] c* = (0.095, 0.01) / 0.7575.
  const Vector perturbation = (Vector(2) << 0.1, 0.0).finished();
  const Vector q = StaticInoperability(example_->solver(), TextbookX(), perturbation);
  EXPECT_TRUE(RelNear(0.095 / 0.7575, q(0), 1e-12));
  EXPECT_TRUE(RelNear(0.01 / 0.7575, q(1), 1e-12));
  // In general q = diag(x)^-1 L Δy with Δy = c* ∘ x.
  const Coefficients& c = kaz_->coefficients();
  const Index n = kaz_->model().sector_count();
  const Vector c_star = Vector::LinSpaced(n, 0.0, 0.05);
  const Vector leontief = kaz_->solver().Solve(c_star.cwiseProduct(c.output));
  const Vector iim = StaticInoperability(kaz_->solver(), c.output, c_star);
  EXPECT_TRUE(MatrixRelNear(leontief.cwiseQuotient(c.output), iim, 1e-12));
}

TEST_F(AnalyseTest, InoperabilityDynamicStepsMatchHandComputed) {
  const Vector c_star = (Vector(2) << 0.1, 0.0).finished();
  const Matrix perturbation = c_star.replicate(1, 3);
  const Matrix none = Matrix::Zero(2, 3);
  // K = I: q(t+1) = A* q(t) + c*, so q(1) = (0.1, 0), q(2) = (0.115, 0.01),
  // q(3) = (0.15·0.115 + 0.5·0.01 + 0.1, 0.1·0.115 + 0.05·0.01) = (0.12225, 0.012).
  const Matrix full =
      DynamicInoperability(TextbookA(), TextbookX(), Vector::Ones(2), perturbation, none);
  const Matrix expected = (Matrix(2, 3) << 0.1, 0.115, 0.12225, 0.0, 0.01, 0.012).finished();
  EXPECT_TRUE(MatrixRelNear(expected, full, 1e-12, 1e-15));
  // K = I/2: q(1) = (0.05, 0); q(2) = q(1) + ½ (A* q(1) + c* − q(1)) = (0.07875, 0.0025).
  const Matrix half =
      DynamicInoperability(TextbookA(), TextbookX(), Vector::Constant(2, 0.5), perturbation, none);
  EXPECT_TRUE(RelNear(0.05, half(0, 0), 1e-12));
  EXPECT_TRUE(RelNear(0.07875, half(0, 1), 1e-12));
  EXPECT_TRUE(RelNear(0.0025, half(1, 1), 1e-12));
}

TEST_F(AnalyseTest, InoperabilityDynamicConvergesToStatic) {
  const Coefficients& c = kaz_->coefficients();
  const Index n = kaz_->model().sector_count();
  Vector c_star = Vector::Zero(n);
  c_star(4) = 0.2;
  c_star(30) = 0.05;
  const Index months = 400;
  const Vector k = ResilienceFromRecovery(c.technical.diagonal(), Vector::Constant(n, 6.0), 0.01);
  const Matrix path = DynamicInoperability(c.technical, c.output, k, c_star.replicate(1, months),
                                           Matrix::Zero(n, months));
  const Vector q = StaticInoperability(kaz_->solver(), c.output, c_star);
  EXPECT_TRUE(MatrixRelNear(q, path.col(months - 1), 1e-9, 1e-12));
  // Inoperability builds up monotonically from 0 towards it.
  for (Index t = 1; t < months; ++t) {
    EXPECT_TRUE(((path.col(t) - path.col(t - 1)).array() >= -1e-15).all()) << "month " << t;
  }
}

TEST_F(AnalyseTest, InoperabilityHeldOutageConvergesToTheMixedModel) {
  const Coefficients& c = kaz_->coefficients();
  const Index n = kaz_->model().sector_count();
  const Index j = 4;  // 061 Crude petroleum
  const double level = 0.8;
  Vector held = Vector::Constant(n, std::numeric_limits<double>::quiet_NaN());
  held(j) = level;
  const Vector equilibrium =
      HeldInoperability(kaz_->solver(), c.technical, c.output, Vector::Zero(n), held);
  // Reference: q_j fixed, the others solve (I − A*_{−j,−j}) q = A*_{−j,j} q_j on the dense
  // submatrix.
  const Vector& x = c.output;
  const Matrix a_star = x.cwiseInverse().asDiagonal() * c.technical * x.asDiagonal();
  std::vector<Index> free;
  for (Index i = 0; i < n; ++i) {
    if (i != j) free.push_back(i);
  }
  const Index m = static_cast<Index>(free.size());
  Matrix system(m, m);
  Vector rhs(m);
  for (Index r = 0; r < m; ++r) {
    rhs(r) = a_star(free[static_cast<size_t>(r)], j) * level;
    for (Index s = 0; s < m; ++s) {
      system(r, s) =
          (r == s ? 1.0 : 0.0) - a_star(free[static_cast<size_t>(r)], free[static_cast<size_t>(s)]);
    }
  }
  const Vector others = Solve(system, rhs);
  EXPECT_TRUE(RelNear(level, equilibrium(j), 1e-12));
  for (Index r = 0; r < m; ++r) {
    EXPECT_TRUE(RelNear(others(r), equilibrium(free[static_cast<size_t>(r)]), 1e-9, 1e-14));
  }
  // The dynamic model with the outage held for good settles there.
  const Index months = 400;
  Matrix floor = Matrix::Zero(n, months);
  floor.row(j).setConstant(level);
  const Vector k = ResilienceFromRecovery(c.technical.diagonal(), Vector::Constant(n, 6.0), 0.01);
  const Matrix path =
      DynamicInoperability(c.technical, c.output, k, Matrix::Zero(n, months), floor);
  EXPECT_TRUE(MatrixRelNear(equilibrium, path.col(months - 1), 1e-9, 1e-12));
  // A 3-month outage: held, then recovering towards 0.
  Matrix short_floor = Matrix::Zero(n, 24);
  short_floor.row(j).head(3).setConstant(level);
  const Matrix recovery =
      DynamicInoperability(c.technical, c.output, k, Matrix::Zero(n, 24), short_floor);
  EXPECT_DOUBLE_EQ(level, recovery(j, 2));
  EXPECT_LT(recovery(j, 3), level);
  EXPECT_LT(recovery.col(23).maxCoeff(), 0.05);
}

TEST_F(AnalyseTest, InoperabilityResilienceGivesTheRecoveryTime) {
  // Isolated sectors (A diagonal): q(t+1) = (1 − k (1 − a_ii)) q(t) after the shock, so the
  // inoperability is `residual` of its initial level after T months.
  const Matrix a = (Matrix(2, 2) << 0.2, 0.0, 0.0, 0.0).finished();
  const Vector x = (Vector(2) << 10, 20).finished();
  const Vector months = (Vector(2) << 6, 3).finished();
  const Vector k = ResilienceFromRecovery(a.diagonal(), months, 0.01);
  Matrix floor = Matrix::Zero(2, 8);
  floor.col(0).setConstant(0.5);
  const Matrix path = DynamicInoperability(a, x, k, Matrix::Zero(2, 8), floor);
  EXPECT_TRUE(RelNear(0.005, path(0, 6), 1e-12));
  EXPECT_TRUE(RelNear(0.005, path(1, 3), 1e-12));
  std::vector<Index> capped;
  const Vector fast = ResilienceFromRecovery(a.diagonal(), Vector::Constant(2, 0.5), 0.01, &capped);
  // 0.5 months: k = (1 − 0.01²) / (1 − a_ii) exceeds 1 for a_ii = 0.2, not for a_ii = 0.
  EXPECT_EQ(std::vector<Index>{0}, capped);
  EXPECT_DOUBLE_EQ(1.0, fast.maxCoeff());
  try {
    DynamicInoperability(a, x, Vector::Constant(2, 1.5), Matrix::Zero(2, 1), Matrix::Zero(2, 1));
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string::npos, std::string(e.what()).find("expected 0 < k <= 1")) << e.what();
  }
}

TEST_F(AnalyseTest, InoperabilityReportsMonthlyLosses) {
  const Coefficients& c = example_->coefficients();
  InoperabilityReport report;
  report.title = "test";
  report.inoperability = (Matrix(2, 2) << 0.12, 0.06, 0.0, 0.03).finished();
  report.equilibrium = Vector::Zero(2);
  report.resilience = Vector::Ones(2);
  report.output = c.output;
  report.gdp_coefficients = c.gross_value_added + c.product_taxes;
  const std::string csv = FormatInoperabilityCsv(example_->model(), report, "USD million", 1.0);
  const auto value = [&csv](const std::string& head) {
    const size_t at = csv.find("\n" + head + ",");
    EXPECT_NE(std::string::npos, at) << head << "\n" << csv;
    return at == std::string::npos ? std::nan("") : std::stod(csv.substr(at + head.size() + 2));
  };
  // Month 1: AGR loses 0.12 · 1000 / 12 = 10 of output and 0.6 · 10 = 6 of GDP; month 2:
  // 0.06 · 1000 / 12 + 0.03 · 2000 / 12 = 10 of output in all.
  EXPECT_TRUE(RelNear(10.0, value("1,AGR,Agriculture,output_loss,USD million"), 1e-12));
  EXPECT_TRUE(RelNear(6.0, value("1,AGR,Agriculture,gdp_loss,USD million"), 1e-12));
  EXPECT_TRUE(RelNear(10.0, value("2,ALL,All sectors,output_loss,USD million"), 1e-12));
  EXPECT_TRUE(RelNear(0.03, value("2,MFG,Manufacturing,inoperability,fraction of output"), 1e-12));
  const std::string table =
      FormatInoperabilityTable(example_->model(), report, "USD million", 1.0, 5);
  EXPECT_NE(std::string::npos, table.find("AGR 12.0%")) << table;
}

// ---------------------------------------------------------------- linkages

TEST_F(AnalyseTest, LinkagesRankKeySectorsFirst) {
  const Linkages l = ComputeLinkages(example_->coefficients(), example_->solver());
  // AGR: BL index 1.5182/1.4851 > 1 and FL index > 1: the key sector.
  EXPECT_EQ("key", LinkageClass(l, 0));
  EXPECT_EQ("weak", LinkageClass(l, 1));
  EXPECT_EQ((std::vector<Index>{0, 1}), RankLinkages(l, LinkageOrder::kKey));

  const Linkages kaz = ComputeLinkages(kaz_->coefficients(), kaz_->solver());
  const std::vector<Index> key = RankLinkages(kaz, LinkageOrder::kKey);
  bool seen_other = false;
  for (Index j : key) {
    const bool is_key = kaz.key_sector[static_cast<size_t>(j)];
    EXPECT_FALSE(is_key && seen_other) << "key sector after a non-key one";
    seen_other = seen_other || !is_key;
  }
  const std::vector<Index> backward = RankLinkages(kaz, LinkageOrder::kBackward);
  const std::vector<Index> forward = RankLinkages(kaz, LinkageOrder::kForward);
  for (size_t r = 1; r < backward.size(); ++r) {
    EXPECT_GE(kaz.backward_index(backward[r - 1]), kaz.backward_index(backward[r]));
    EXPECT_GE(kaz.forward_index(forward[r - 1]), kaz.forward_index(forward[r]));
  }
  const std::string csv = FormatLinkagesCsv(kaz_->model(), kaz, key);
  EXPECT_EQ(1 + 7 * static_cast<size_t>(kaz_->model().sector_count()),
            static_cast<size_t>(std::count(csv.begin(), csv.end(), '\n')));
  const std::string table = FormatLinkagesTable(kaz_->model(), kaz, key, 5);
  EXPECT_NE(std::string::npos, table.find("more sectors")) << table;
}

}  // namespace
}  // namespace spillover
