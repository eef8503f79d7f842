// The OECD Inter-Country Input-Output tables (ICIO), CSV editions 2021, 2023 and 2025.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "core/model.h"
#include "io/importers/region_mapping.h"

namespace spillover {

struct IcioOptions {
  std::string file;                        // for messages and the default year
  const RegionMapping* mapping = nullptr;  // null: every country is a region
  int year = 0;                            // 0: the last four-digit group of the file name
  std::string focus;                       // optional focus region of the model
};

struct IcioImport {
  Model model;
  std::string layout;              // "2021", "2023/2025"
  std::vector<std::string> notes;  // what the import did: merges, gaps, totals
};

// Reads an ICIO CSV. Layouts (one table, rows = columns = COUNTRY_INDUSTRY):
//  2021: industry codes like 01T02; rows CCC_TAXSUB per country, VALU, OUTPUT; last
//        column TOTAL;
//  2023: codes with underscores (A01_02); rows TLS, VA, OUT; last column OUT;
//  2025: 50 industries (B06, C24A, C301), as 2023.
// Labels split on the first underscore only; CN1/CN2 merge into CHN and MX1/MX2 into MEX.
// The final-demand columns COUNTRY_{HFCE,NPISH,GGFC,GFCF,INVNT,DPABR} become six
// categories per region; taxes less subsidies become a `product_taxes` row and VA a
// value-added row. x is the row sums; each column's gap goes into a `residual` row.
// The file is streamed: the memory held is the (aggregated) model, not the file.
IcioImport ImportIcio(std::istream& in, const IcioOptions& options);
IcioImport ImportIcioFile(const IcioOptions& options);
// The same on text in memory (the fuzz target's entry point).
IcioImport ImportIcioText(const std::string& text, const IcioOptions& options);

}  // namespace spillover
