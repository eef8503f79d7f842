// Linkage-based dependency measures: hypothetical extraction of a sector or of the trade
// links with a partner (Miller & Blair 2009, section 12.2; Dietzenbacher & van der Linden
// 1997; Dietzenbacher & Lahr 2013), and the ranked Rasmussen key-sector report. The
// equations are in docs/analysis.md.
#pragma once

#include <string>
#include <vector>

#include "core/types.h"
#include "engine/analysis.h"
#include "engine/leontief.h"
#include "run/simulate.h"
#include "scenario/scenario.h"

namespace spillover {

// Which intermediate links of sector j are cut.
enum class SectorExtractionVariant {
  kBackward,  // column j of A: j buys no domestic inputs (it imports them)
  kForward,   // row j of the Ghosh B: j sells no inputs to domestic producers
  kTotal      // row and column j of A: j keeps only its final deliveries
};
std::string ToString(SectorExtractionVariant variant);
bool FromString(const std::string& text, SectorExtractionVariant* variant);

// Which links with a partner are cut.
enum class PartnerExtractionVariant {
  kExports,  // exports to the partner (final demand) are lost
  kImports,  // imports from the partner are lost, not replaced; users are rationed
  kTotal     // both at once
};
std::string ToString(PartnerExtractionVariant variant);
bool FromString(const std::string& text, PartnerExtractionVariant* variant);

// Output lost in every sector, in the model's unit (positive = loss), when sector `sector`
// is extracted. Uses the existing factorisation: one solve with the Leontief system (or its
// transpose for the forward variant) and the Sherman–Morrison formula, never a new
// factorisation. `technical` is A, `output` the base output x.
Vector SectorExtractionLoss(const LeontiefSolver& solver, MatrixRef technical, VectorRef output,
                            Index sector, SectorExtractionVariant variant);

// A sector whose output falls, with its base output and the loss, in the model's unit.
struct SectorLoss {
  Index sector = 0;
  double baseline = 0.0;
  double loss = 0.0;
};

// One extraction: what the economy loses, in the model's unit (positive = loss).
struct Extraction {
  std::string code;  // the extracted sector, partner, or "PARTNER:PRODUCT"
  std::string name;
  double output_baseline = 0.0;
  double output_loss = 0.0;
  double gdp_baseline = 0.0;
  double gdp_loss = 0.0;
  bool has_trade = false;  // partner extraction: exports and imports lost
  double exports_baseline = 0.0;
  double exports_loss = 0.0;
  double imports_baseline = 0.0;
  double imports_loss = 0.0;
  std::vector<SectorLoss> top;           // sectors with the largest output loss, largest first
  std::vector<std::string> constrained;  // sectors held at a supply limit (partner imports)

  double OutputLossShare() const;  // fraction of base output; NaN for a zero base
  double GdpLossShare() const;
};

// A ranked set of extractions (largest GDP loss first).
struct ExtractionTable {
  std::string by;       // "sector", "partner" or "partner-product"
  std::string variant;  // the variant's name
  std::string rule;     // partner extractions: the rule for lost imported inputs
  std::vector<Extraction> rows;
};

// Extracts each sector in `sectors` (all when empty) in turn. The loss vectors are computed
// in blocks of columns (or rows) of L from the existing factorisation, so memory stays
// O(n · block) and the cost is one solve per sector. GDP moves with output through the
// value-added and product-tax coefficients; `top` sectors are kept per extraction.
ExtractionTable ExtractSectors(const PreparedModel& prepared, SectorExtractionVariant variant,
                               const std::vector<Index>& sectors, Index top);

// Removes the links of the national economy with each partner in `partners` (all when
// empty), restricted to `products` (all when empty): exports of those products to the
// partner are lost, and imports of those products from the partner are lost and not
// replaced, limiting the sectors that use them by `rule` through the mixed model (the
// engine's `exports` and `import_supply` shocks with change −1, share 1, substitution 0).
// With `per_product`, each partner × product link is extracted on its own.
ExtractionTable ExtractPartners(const PreparedModel& prepared, PartnerExtractionVariant variant,
                                SupplyRule rule, const std::vector<Index>& partners,
                                const std::vector<Index>& products, bool per_product, Index top);

// Money values are printed as value × `scale` in `unit` (scale converts from the model's
// unit, 1 for the model's own).
struct MoneyUnit {
  std::string label;
  double scale = 1.0;
};

// Readable table: rank, extracted code and name, GDP and output lost (and trade for
// partners), the sectors hit hardest.
std::string FormatExtractionTable(const Model& model, const ExtractionTable& table,
                                  const MoneyUnit& unit, Index shown_sectors);
// Tidy CSV: by,variant,rank,extracted,name,variable,sector,unit,baseline,loss,pct_loss.
std::string FormatExtractionCsv(const Model& model, const ExtractionTable& table,
                                const MoneyUnit& unit);

// Key-sector ranking from the Rasmussen indices (Miller & Blair section 12.2.2).
enum class LinkageOrder {
  kKey,       // key sectors first, then by the mean of the two indices
  kBackward,  // by the backward index
  kForward    // by the forward index
};
std::string ToString(LinkageOrder order);
bool FromString(const std::string& text, LinkageOrder* order);

// "key" (both indices > 1), "backward" (only the backward index > 1), "forward", "weak".
std::string LinkageClass(const Linkages& linkages, Index sector);
// Sector indices in the order asked for (ties keep the model's order).
std::vector<Index> RankLinkages(const Linkages& linkages, LinkageOrder order);

std::string FormatLinkagesTable(const Model& model, const Linkages& linkages,
                                const std::vector<Index>& ranking, Index top);
// Tidy CSV: rank,sector,name,measure,value,unit.
std::string FormatLinkagesCsv(const Model& model, const Linkages& linkages,
                              const std::vector<Index>& ranking);

}  // namespace spillover
