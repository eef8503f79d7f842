#include "analyse/extraction.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/error.h"
#include "core/text.h"
#include "io/csv.h"
#include "shocks/translate.h"

namespace spillover {
namespace {

// Columns of L (or of L' for the forward variant) are computed this many at a time.
constexpr Index kBlock = 256;

double Share(double part, double whole) {
  return whole != 0.0 ? part / whole : std::numeric_limits<double>::quiet_NaN();
}

void CheckSector(Index sector, Index n) {
  if (sector < 0 || sector >= n) {
    throw InputError("sector index " + std::to_string(sector) + " is out of range: expected 0 to " +
                     std::to_string(n - 1));
  }
}

// Loss vector of extracting sector j from the column (or row) j of L, `l_j`.
//   backward: Δx = x_j (L e_j − e_j) / l_jj         (Sherman–Morrison on I − A + a_j e_j')
//   forward:  Δx_k = (l_jk x_k − δ_jk x_j) / l_jj   (the same on (I − B)' + b_j e_j')
//   total:    Δx_k = x_j l_kj / l_jj for k ≠ j, Δx_j = (A x)_j   (x̄_j = f_j)
Vector LossFromLeontiefLine(VectorRef l_j, MatrixRef technical, VectorRef output, Index j,
                            SectorExtractionVariant variant) {
  const double x_j = output(j);
  const Index n = output.size();
  if (x_j == 0.0) return Vector::Zero(n);
  const double l_jj = l_j(j);
  Vector loss(n);
  switch (variant) {
    case SectorExtractionVariant::kBackward:
      loss = (x_j / l_jj) * l_j;
      loss(j) -= x_j / l_jj;
      break;
    case SectorExtractionVariant::kForward:
      loss = l_j.cwiseProduct(output) / l_jj;
      loss(j) -= x_j / l_jj;
      break;
    case SectorExtractionVariant::kTotal:
      loss = (x_j / l_jj) * l_j;
      loss(j) = technical.row(j).dot(output);
      break;
  }
  return loss;
}

std::vector<SectorLoss> TopLosses(VectorRef loss, VectorRef baseline, Index top) {
  std::vector<Index> order;
  for (Index i = 0; i < loss.size(); ++i) {
    if (loss(i) != 0.0) order.push_back(i);
  }
  const size_t keep = std::min(order.size(), static_cast<size_t>(std::max<Index>(top, 0)));
  std::partial_sort(
      order.begin(), order.begin() + static_cast<long>(keep), order.end(),
      [&](Index a, Index b) { return loss(a) > loss(b) || (loss(a) == loss(b) && a < b); });
  std::vector<SectorLoss> result;
  for (size_t k = 0; k < keep; ++k) {
    result.push_back(SectorLoss{order[k], baseline(order[k]), loss(order[k])});
  }
  return result;
}

void SortByGdpLoss(std::vector<Extraction>* rows) {
  std::stable_sort(rows->begin(), rows->end(), [](const Extraction& a, const Extraction& b) {
    return a.gdp_loss > b.gdp_loss;
  });
}

Shock ExtractionShock(ShockType type, const std::vector<Index>& products, Index partner,
                      SupplyRule rule) {
  Shock shock;
  shock.name = type == ShockType::kExports ? "extract_exports" : "extract_imports";
  shock.type = type;
  shock.mode = ChangeMode::kRelative;
  shock.change = -1.0;
  shock.share = 1.0;
  shock.substitution = 0.0;
  shock.substitute_premium = 0.0;
  shock.rule = rule;
  shock.duration_months = 12.0;
  shock.sectors = products;
  shock.partners = {partner};
  return shock;
}

Extraction ExtractPartnerLink(const PreparedModel& prepared, PartnerExtractionVariant variant,
                              SupplyRule rule, Index partner, const std::vector<Index>& products,
                              Index top) {
  const Model& m = prepared.model();
  const Coefficients& c = prepared.coefficients();
  Scenario scenario;
  scenario.name = "extract_" + m.partners[static_cast<size_t>(partner)].code;
  scenario.currency = m.currency;
  scenario.report_unit = m.unit;
  scenario.report_scale = m.unit_scale;
  if (variant != PartnerExtractionVariant::kImports) {
    scenario.shocks.push_back(ExtractionShock(ShockType::kExports, products, partner, rule));
  }
  if (variant != PartnerExtractionVariant::kExports) {
    scenario.shocks.push_back(ExtractionShock(ShockType::kImportSupply, products, partner, rule));
  }
  const ExogenousChange change = TranslateShocks(m, c, scenario);
  const Outcome out = Solve(prepared, change);

  Extraction e;
  e.has_trade = true;
  e.output_baseline = c.output.sum();
  const Vector loss = c.output - out.output;
  e.output_loss = loss.sum();
  e.gdp_baseline = m.Gdp();
  e.gdp_loss = e.gdp_baseline - (out.gva.sum() + out.product_taxes.sum());
  e.exports_baseline = m.exports.sum();
  e.exports_loss = e.exports_baseline - out.exports.sum();
  e.imports_baseline = m.ImportsByOrigin().sum();
  e.imports_loss = e.imports_baseline - out.imports.sum() - out.transport_imports;
  e.top = TopLosses(loss, c.output, top);
  e.constrained = out.constrained;
  return e;
}

}  // namespace

std::string ToString(SectorExtractionVariant variant) {
  switch (variant) {
    case SectorExtractionVariant::kBackward:
      return "backward";
    case SectorExtractionVariant::kForward:
      return "forward";
    case SectorExtractionVariant::kTotal:
      return "total";
  }
  return "?";
}

bool FromString(const std::string& text, SectorExtractionVariant* variant) {
  for (auto v : {SectorExtractionVariant::kBackward, SectorExtractionVariant::kForward,
                 SectorExtractionVariant::kTotal}) {
    if (ToString(v) == text) {
      *variant = v;
      return true;
    }
  }
  return false;
}

std::string ToString(PartnerExtractionVariant variant) {
  switch (variant) {
    case PartnerExtractionVariant::kExports:
      return "exports";
    case PartnerExtractionVariant::kImports:
      return "imports";
    case PartnerExtractionVariant::kTotal:
      return "total";
  }
  return "?";
}

bool FromString(const std::string& text, PartnerExtractionVariant* variant) {
  for (auto v : {PartnerExtractionVariant::kExports, PartnerExtractionVariant::kImports,
                 PartnerExtractionVariant::kTotal}) {
    if (ToString(v) == text) {
      *variant = v;
      return true;
    }
  }
  return false;
}

double Extraction::OutputLossShare() const { return Share(output_loss, output_baseline); }
double Extraction::GdpLossShare() const { return Share(gdp_loss, gdp_baseline); }

Vector SectorExtractionLoss(const LeontiefSolver& solver, MatrixRef technical, VectorRef output,
                            Index sector, SectorExtractionVariant variant) {
  const Index n = solver.size();
  if (technical.rows() != n || technical.cols() != n) {
    throw InputError("coefficient matrix: expected " + std::to_string(n) + "x" + std::to_string(n) +
                     ", got " + std::to_string(technical.rows()) + "x" +
                     std::to_string(technical.cols()));
  }
  if (output.size() != n) {
    throw InputError("output: expected " + std::to_string(n) + " entries, got " +
                     std::to_string(output.size()));
  }
  CheckSector(sector, n);
  const Vector unit = Vector::Unit(n, sector);
  const Vector line = variant == SectorExtractionVariant::kForward ? solver.SolveTransposed(unit)
                                                                   : solver.Solve(unit);
  return LossFromLeontiefLine(line, technical, output, sector, variant);
}

ExtractionTable ExtractSectors(const PreparedModel& prepared, SectorExtractionVariant variant,
                               const std::vector<Index>& sectors, Index top) {
  const Model& m = prepared.model();
  const Coefficients& c = prepared.coefficients();
  const LeontiefSolver& solver = prepared.solver();
  const Index n = m.sector_count();
  std::vector<Index> list = sectors;
  if (list.empty()) {
    list.resize(static_cast<size_t>(n));
    std::iota(list.begin(), list.end(), Index{0});
  }
  for (Index j : list) CheckSector(j, n);
  // GDP per unit of output: value added and the product taxes paid on inputs.
  const Vector gdp_coefficients = c.gross_value_added + c.product_taxes;
  const double gdp = m.Gdp();
  const double output_total = c.output.sum();

  ExtractionTable table;
  table.by = "sector";
  table.variant = ToString(variant);
  for (size_t first = 0; first < list.size(); first += kBlock) {
    const Index width = std::min<Index>(kBlock, static_cast<Index>(list.size() - first));
    Matrix units = Matrix::Zero(n, width);
    for (Index k = 0; k < width; ++k) units(list[first + static_cast<size_t>(k)], k) = 1.0;
    const Matrix lines = variant == SectorExtractionVariant::kForward
                             ? solver.SolveTransposedMany(units)
                             : solver.SolveMany(units);
    for (Index k = 0; k < width; ++k) {
      const Index j = list[first + static_cast<size_t>(k)];
      const Vector loss = LossFromLeontiefLine(lines.col(k), c.technical, c.output, j, variant);
      Extraction e;
      e.code = m.sectors[static_cast<size_t>(j)].code;
      e.name = m.sectors[static_cast<size_t>(j)].name;
      e.output_baseline = output_total;
      e.output_loss = loss.sum();
      e.gdp_baseline = gdp;
      e.gdp_loss = gdp_coefficients.dot(loss);
      e.top = TopLosses(loss, c.output, top);
      table.rows.push_back(std::move(e));
    }
  }
  SortByGdpLoss(&table.rows);
  return table;
}

ExtractionTable ExtractPartners(const PreparedModel& prepared, PartnerExtractionVariant variant,
                                SupplyRule rule, const std::vector<Index>& partners,
                                const std::vector<Index>& products, bool per_product, Index top) {
  const Model& m = prepared.model();
  const Index n = m.sector_count();
  if (m.partner_count() == 0) throw InputError("the model has no trade partners to extract");
  std::vector<Index> partner_list = partners;
  if (partner_list.empty()) {
    partner_list.resize(static_cast<size_t>(m.partner_count()));
    std::iota(partner_list.begin(), partner_list.end(), Index{0});
  }
  std::vector<Index> product_list = products;
  if (product_list.empty()) {
    product_list.resize(static_cast<size_t>(n));
    std::iota(product_list.begin(), product_list.end(), Index{0});
  }
  for (Index p : partner_list) {
    if (p < 0 || p >= m.partner_count()) {
      throw InputError("partner index " + std::to_string(p) + " is out of range: expected 0 to " +
                       std::to_string(m.partner_count() - 1));
    }
  }
  for (Index i : product_list) CheckSector(i, n);

  ExtractionTable table;
  table.by = per_product ? "partner-product" : "partner";
  table.variant = ToString(variant);
  table.rule = ToString(rule);
  const Matrix imports = m.ImportsByOrigin();
  for (Index p : partner_list) {
    const Entry& partner = m.partners[static_cast<size_t>(p)];
    if (!per_product) {
      Extraction e = ExtractPartnerLink(prepared, variant, rule, p, product_list, top);
      e.code = partner.code;
      e.name = partner.name;
      table.rows.push_back(std::move(e));
      continue;
    }
    for (Index i : product_list) {
      // A link with no flow in the variant's direction has nothing to lose.
      const bool exports = variant != PartnerExtractionVariant::kImports && m.exports(i, p) != 0.0;
      const bool lost_imports =
          variant != PartnerExtractionVariant::kExports && imports(i, p) != 0.0;
      if (!exports && !lost_imports) continue;
      Extraction e = ExtractPartnerLink(prepared, variant, rule, p, {i}, top);
      const Entry& product = m.sectors[static_cast<size_t>(i)];
      e.code = partner.code + ":" + product.code;
      e.name = partner.name + ": " + product.name;
      table.rows.push_back(std::move(e));
    }
  }
  SortByGdpLoss(&table.rows);
  return table;
}

std::string FormatExtractionTable(const Model& model, const ExtractionTable& table,
                                  const MoneyUnit& unit, Index shown_sectors) {
  const bool partners = table.by != "sector";
  std::string out;
  if (partners) {
    out += "Hypothetical extraction of the links with each " +
           std::string(table.by == "partner" ? "partner" : "partner and product") +
           " (variant: " + table.variant + "; lost imported inputs: " + table.rule + " rule)\n";
  } else {
    out += "Hypothetical extraction of each sector (variant: " + table.variant + ")\n";
  }
  out +=
      "Question: how much of the year's GDP and output depends on the links, were they "
      "removed entirely (an upper bound, not a scenario)\n";
  out += "Losses per year in " + unit.label + " and in % of the base year (" + model.name + ")\n\n";
  const size_t label_width = partners && table.by != "partner" ? 34 : 30;
  out += PadLeft("#", 4) + "  " + PadRight(partners ? "extracted" : "sector", label_width) +
         PadLeft("GDP loss", 16) + PadLeft("GDP %", 9) + PadLeft("output loss", 17) +
         PadLeft("output %", 10);
  if (partners) out += PadLeft("exports lost", 17) + PadLeft("imports lost", 17);
  out += "  largest output losses (% of the sector's output)\n";
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const Extraction& e = table.rows[r];
    std::string label = e.code;
    if (!partners && !e.name.empty()) label += " " + e.name;
    out += PadLeft(std::to_string(r + 1), 4) + "  " +
           PadRight(Cut(label, label_width), label_width) +
           PadLeft(FormatGrouped(e.gdp_loss * unit.scale, 0), 16) +
           PadLeft(Percent(e.GdpLossShare()), 9) +
           PadLeft(FormatGrouped(e.output_loss * unit.scale, 0), 17) +
           PadLeft(Percent(e.OutputLossShare()), 10);
    if (partners) {
      out += PadLeft(FormatGrouped(e.exports_loss * unit.scale, 0), 17) +
             PadLeft(FormatGrouped(e.imports_loss * unit.scale, 0), 17);
    }
    std::vector<std::string> hit;
    for (size_t k = 0; k < e.top.size() && static_cast<Index>(k) < shown_sectors; ++k) {
      const SectorLoss& s = e.top[k];
      hit.push_back(model.sectors[static_cast<size_t>(s.sector)].code + " " +
                    Percent(Share(s.loss, s.baseline), 1));
    }
    out += "  " + Join(hit, ", ") + "\n";
  }
  if (partners) {
    out +=
        "\nexports: exports of the products to the partner are lost (final demand);\n"
        "imports: imports from the partner are lost and not replaced; users' output is capped\n"
        "  by the lost share of their inputs (mixed model); total: both at once.\n";
  } else {
    out +=
        "\nbackward: the sector buys no domestic inputs (column of A removed); forward: it\n"
        "sells no inputs to domestic producers (row of the Ghosh B removed); total: row and\n"
        "column of A removed, the sector keeps only its final deliveries.\n";
  }
  out += "GDP loss = value added and product taxes on inputs lost, at base coefficients.\n";
  return out;
}

std::string FormatExtractionCsv(const Model& model, const ExtractionTable& table,
                                const MoneyUnit& unit) {
  std::string out = "by,variant,rank,extracted,name,variable,sector,unit,baseline,loss,pct_loss\n";
  const std::string money = CsvField(unit.label);
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const Extraction& e = table.rows[r];
    const std::string head = table.by + "," + table.variant + "," + std::to_string(r + 1) + "," +
                             CsvField(e.code) + "," + CsvField(e.name) + ",";
    const auto row = [&](const std::string& variable, const std::string& sector, double baseline,
                         double loss) {
      const double pct = Share(loss, baseline);
      out += head + variable + "," + CsvField(sector) + "," + money + "," +
             FormatNumber(baseline * unit.scale) + "," + FormatNumber(loss * unit.scale) + "," +
             (std::isfinite(pct) ? FormatNumber(100.0 * pct) : "") + "\n";
    };
    row("gdp", "ALL", e.gdp_baseline, e.gdp_loss);
    row("output", "ALL", e.output_baseline, e.output_loss);
    if (e.has_trade) {
      row("exports", "ALL", e.exports_baseline, e.exports_loss);
      row("imports", "ALL", e.imports_baseline, e.imports_loss);
    }
    for (const SectorLoss& s : e.top) {
      row("output", model.sectors[static_cast<size_t>(s.sector)].code, s.baseline, s.loss);
    }
  }
  return out;
}

std::string ToString(LinkageOrder order) {
  switch (order) {
    case LinkageOrder::kKey:
      return "key";
    case LinkageOrder::kBackward:
      return "backward";
    case LinkageOrder::kForward:
      return "forward";
  }
  return "?";
}

bool FromString(const std::string& text, LinkageOrder* order) {
  for (auto o : {LinkageOrder::kKey, LinkageOrder::kBackward, LinkageOrder::kForward}) {
    if (ToString(o) == text) {
      *order = o;
      return true;
    }
  }
  return false;
}

std::string LinkageClass(const Linkages& linkages, Index sector) {
  const bool backward = linkages.backward_index(sector) > 1.0;
  const bool forward = linkages.forward_index(sector) > 1.0;
  if (backward && forward) return "key";
  if (backward) return "backward";
  if (forward) return "forward";
  return "weak";
}

std::vector<Index> RankLinkages(const Linkages& linkages, LinkageOrder order) {
  const Index n = linkages.backward_index.size();
  std::vector<Index> ranking(static_cast<size_t>(n));
  std::iota(ranking.begin(), ranking.end(), Index{0});
  const auto mean = [&](Index j) {
    return 0.5 * (linkages.backward_index(j) + linkages.forward_index(j));
  };
  std::stable_sort(ranking.begin(), ranking.end(), [&](Index a, Index b) {
    switch (order) {
      case LinkageOrder::kBackward:
        return linkages.backward_index(a) > linkages.backward_index(b);
      case LinkageOrder::kForward:
        return linkages.forward_index(a) > linkages.forward_index(b);
      case LinkageOrder::kKey:
        break;
    }
    const bool key_a = linkages.key_sector[static_cast<size_t>(a)];
    const bool key_b = linkages.key_sector[static_cast<size_t>(b)];
    if (key_a != key_b) return key_a;
    return mean(a) > mean(b);
  });
  return ranking;
}

std::string FormatLinkagesTable(const Model& model, const Linkages& linkages,
                                const std::vector<Index>& ranking, Index top) {
  std::string out = "Backward and forward linkages (" + model.name + ")\n";
  out += "Direct: column sums of A, row sums of B; total: column sums of L, row sums of G (" +
         model.unit + " per " + model.unit + ").\n";
  out += "Indices: Rasmussen, total linkage over its mean across sectors (mean = 1).\n\n";
  out += PadLeft("#", 4) + "  " + PadRight("sector", 34) + PadLeft("BL direct", 11) +
         PadLeft("BL total", 10) + PadLeft("FL direct", 11) + PadLeft("FL total", 10) +
         PadLeft("BL index", 10) + PadLeft("FL index", 10) + "  class\n";
  const size_t shown = std::min(ranking.size(), static_cast<size_t>(std::max<Index>(top, 0)));
  Index keys = 0;
  for (Index j : ranking) keys += linkages.key_sector[static_cast<size_t>(j)] ? 1 : 0;
  for (size_t r = 0; r < shown; ++r) {
    const Index j = ranking[r];
    const Entry& s = model.sectors[static_cast<size_t>(j)];
    out += PadLeft(std::to_string(r + 1), 4) + "  " + PadRight(Cut(s.code + " " + s.name, 34), 34) +
           PadLeft(Fixed(linkages.backward_direct(j), 4), 11) +
           PadLeft(Fixed(linkages.backward_total(j), 4), 10) +
           PadLeft(Fixed(linkages.forward_direct(j), 4), 11) +
           PadLeft(Fixed(linkages.forward_total(j), 4), 10) +
           PadLeft(Fixed(linkages.backward_index(j), 3), 10) +
           PadLeft(Fixed(linkages.forward_index(j), 3), 10) + "  " + LinkageClass(linkages, j) +
           (linkages.key_sector[static_cast<size_t>(j)] ? " *" : "") + "\n";
  }
  if (shown < ranking.size()) {
    out += "  … " + std::to_string(ranking.size() - shown) + " more sectors (--top to show them)\n";
  }
  out += "\n" + std::to_string(keys) + " key sector(s) (*: both indices above 1). Classes: key, " +
         "backward (only BL > 1), forward (only FL > 1), weak.\n";
  return out;
}

std::string FormatLinkagesCsv(const Model& model, const Linkages& linkages,
                              const std::vector<Index>& ranking) {
  std::string out = "rank,sector,name,measure,value,unit\n";
  const std::string ratio = CsvField(model.unit + " per " + model.unit);
  for (size_t r = 0; r < ranking.size(); ++r) {
    const Index j = ranking[r];
    const Entry& s = model.sectors[static_cast<size_t>(j)];
    const std::string head =
        std::to_string(r + 1) + "," + CsvField(s.code) + "," + CsvField(s.name) + ",";
    const auto row = [&](const char* measure, double value, const std::string& unit) {
      out += head + measure + "," + FormatNumber(value) + "," + unit + "\n";
    };
    row("backward_linkage_direct", linkages.backward_direct(j), ratio);
    row("backward_linkage_total", linkages.backward_total(j), ratio);
    row("forward_linkage_direct", linkages.forward_direct(j), ratio);
    row("forward_linkage_total", linkages.forward_total(j), ratio);
    row("backward_index", linkages.backward_index(j), "index (mean = 1)");
    row("forward_index", linkages.forward_index(j), "index (mean = 1)");
    row("key_sector", linkages.key_sector[static_cast<size_t>(j)] ? 1.0 : 0.0, "flag");
  }
  return out;
}

}  // namespace spillover
