#!/usr/bin/env python3
"""Build the Kazakhstan 2024 model folder (docs/model-format.md) from shared/data.

    python3 scripts/build_kaz_model.py [--data DIR] [--out DIR]

Reads the BNS input-output tables 2024 (kz-io-2024), the BNS customs trade by partner
and the CEPII BACI extracts (kz-trade) and the NBK exchange rate (kz-macro), all described
in shared/data/SOURCES.md, and writes model/kaz-2024/: model.yaml, Z.csv, Y.csv, V.csv,
Zm.csv, Ym.csv, exports.csv, import_origin.csv, routes.yaml, aggregations/*.csv and
README.md. Every accounting identity is asserted; the output is deterministic (running the
script twice gives byte-identical files).

Python 3 standard library only.
"""

import argparse
import csv
import io
import json
import os
from collections import OrderedDict
from decimal import Decimal

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HS_MAP_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kaz_hs_to_cpa.csv")

# --------------------------------------------------------------------------------------
# Constants of the model
# --------------------------------------------------------------------------------------

FD_CODES = ["P3_S14", "P3_S13", "P3_S15", "P51G", "P52", "P53", "P6"]
FD_META = OrderedDict([
    ("P3_S14", ("Final consumption expenditure of households", "households")),
    ("P3_S13", ("Final consumption expenditure of general government", "government")),
    ("P3_S15", ("Final consumption expenditure of NPISHs", "npish")),
    ("P51G", ("Gross fixed capital formation", "investment")),
    ("P52", ("Changes in inventories", "inventories")),
    ("P53", ("Acquisitions less disposals of valuables", "other")),
    ("P6", ("Exports of goods and services", "exports")),
])
VA_META = OrderedDict([
    ("D1", ("Compensation of employees", "compensation")),
    ("D29X39", ("Other taxes less other subsidies on production", "production_taxes")),
    ("P51C", ("Consumption of fixed capital", "fixed_capital_consumption")),
    ("B2N_B3N", ("Net operating surplus and net mixed income", "operating_surplus")),
    ("D21X31", ("Net taxes on products (taxes less subsidies on products)", "product_taxes")),
])

# Published totals (SOURCES.md, "Totals 2024"), thousand KZT. Asserted, not used as inputs.
EXPECTED = {
    "output": 204046929354,
    "imports": 35189319089,
    "gva": 124852989252,
    "net_taxes": 8286490200,
    "gdp": 133139479452,
    "exports_basic": 40316065562,
    "exports_purchasers": 42644271200,
}

PARTNERS = OrderedDict([
    ("RUS", "Russia"),
    ("CHN", "China"),
    ("EU", "European Union (EU-27)"),
    ("CAS", "Central Asia (Kyrgyzstan, Uzbekistan, Tajikistan, Turkmenistan)"),
    ("TUR", "Türkiye"),
    ("ROW", "Rest of the world"),
])
EU27 = {"AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC",
        "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK",
        "SVN", "ESP", "SWE"}
CAS = {"KGZ", "UZB", "TJK", "TKM"}
BACI_TOP5 = ["CHN", "RUS", "GRC", "GBR", "DEU"]  # countries with HS6 detail in BACI


def partner_group(iso3):
    if iso3 in ("RUS", "CHN", "TUR"):
        return iso3
    if iso3 in EU27:
        return "EU"
    if iso3 in CAS:
        return "CAS"
    return "ROW"


SECTION_NAMES = OrderedDict([
    ("A", "Agriculture, forestry and fishing"),
    ("B", "Mining and quarrying"),
    ("C", "Manufacturing"),
    ("D", "Electricity, gas, steam and air conditioning supply"),
    ("E", "Water supply; sewerage, waste management and remediation activities"),
    ("F", "Construction"),
    ("G", "Wholesale and retail trade; repair of motor vehicles and motorcycles"),
    ("H", "Transportation and storage"),
    ("I", "Accommodation and food service activities"),
    ("J", "Information and communication"),
    ("K", "Financial and insurance activities"),
    ("L", "Real estate activities"),
    ("M", "Professional, scientific and technical activities"),
    ("N", "Administrative and support service activities"),
    ("O", "Public administration and defence; compulsory social security"),
    ("P", "Education"),
    ("Q", "Human health and social work activities"),
    ("R", "Arts, entertainment and recreation"),
    ("S", "Other service activities"),
    ("T", "Activities of households as employers; undifferentiated goods- and "
          "services-producing activities of households for own use"),
])
# (first division, last division, section) of NACE Rev. 2 / OKED.
SECTION_RANGES = [(1, 3, "A"), (5, 9, "B"), (10, 33, "C"), (35, 35, "D"), (36, 39, "E"),
                  (41, 43, "F"), (45, 47, "G"), (49, 53, "H"), (55, 56, "I"), (58, 63, "J"),
                  (64, 66, "K"), (68, 68, "L"), (69, 75, "M"), (77, 82, "N"), (84, 84, "O"),
                  (85, 85, "P"), (86, 88, "Q"), (90, 93, "R"), (94, 96, "S"), (97, 98, "T")]

SECTORS20 = [
    ("AGR", "Agriculture, forestry and fishing", ["01", "02", "03"]),
    ("OILGAS", "Crude oil and natural gas (incl. mining support services)", ["061", "062", "09"]),
    ("ORES", "Metal ores (iron, non-ferrous, uranium)", ["071", "072"]),
    ("MINOTH", "Coal and other mining", ["05", "08"]),
    ("FOOD", "Food, beverages and tobacco", ["10-11", "12"]),
    ("LIGHT", "Textiles, apparel, leather, wood, paper and printing",
     ["13", "14", "15", "16", "17", "18"]),
    ("PETRO", "Coke and refined petroleum products", ["191", "192"]),
    ("CHEM", "Chemicals, pharmaceuticals, rubber and plastics", ["20", "21", "22"]),
    ("METALS", "Basic metals (steel, ferro-alloys, non-ferrous and precious metals)",
     ["241", "242", "243", "244", "245"]),
    ("MACH", "Metal products, machinery, equipment and vehicles; repair",
     ["25", "26", "27", "28", "29", "30", "33"]),
    ("OTHMAN", "Non-metallic minerals, furniture and other manufacturing", ["23", "31", "32"]),
    ("UTIL", "Utilities (electricity, gas supply, heat, water and waste)",
     ["351", "352", "353", "36-39"]),
    ("CONS", "Construction", ["41-43"]),
    ("TRADE", "Wholesale and retail trade", ["45", "46", "47"]),
    ("TRANS", "Transport, pipelines, storage and post", ["49", "50", "51", "52", "53"]),
    ("ACCOM", "Accommodation and food services", ["55", "56"]),
    ("ICT", "Information and communication", ["58-63ex61", "61"]),
    ("FIN", "Finance and insurance", ["64", "65", "66"]),
    ("REAL", "Real estate", ["68"]),
    ("BUS", "Professional, technical, administrative and support services",
     ["69-75", "77-82"]),
    ("PUB", "Public administration, education, health and social work",
     ["84", "85", "86", "87-88"]),
    ("OTHSERV", "Arts, other services and households", ["90-93", "94-96", "97-98"]),
]

MARGIN_PRODUCTS = ["45", "46", "47"]  # trade services whose exports are margins on goods

# Pipeline gas and grid electricity can only reach neighbours: prior cells outside are zeroed.
REACH = {"062": {"CHN", "RUS", "CAS"}, "351": {"RUS", "CAS", "CHN"}}

# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


class CheckError(AssertionError):
    pass


def check(condition, message):
    if not condition:
        raise CheckError("CHECK FAILED: " + message)


def fmt_int(v):
    return "{:,}".format(v)


def num(v):
    """Exact integers as integers, other numbers as the repr of the float."""
    if isinstance(v, int):
        return str(v)
    f = float(v)
    if f == 0.0:
        return "0"
    return repr(f)


def yq(text):
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def read_io_table(path):
    """BNS table: returns (columns, OrderedDict row_code -> {col: int}, names)."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        check(header[:2] == ["row_code", "row_name"], path + ": unexpected header")
        cols = header[2:]
        rows = OrderedDict()
        names = {}
        for rec in reader:
            code = rec[0]
            vals = {}
            for c, cell in zip(cols, rec[2:]):
                if cell.strip() == "":
                    vals[c] = None  # empty = no value (SOURCES.md); never used in arithmetic
                    continue
                try:
                    vals[c] = int(cell)
                except ValueError:
                    raise CheckError("%s: %s/%s = %r is not an integer" % (path, code, c, cell))
            rows[code] = vals
            names[code] = rec[1]
    return cols, rows, names


class Writer:
    """Collects output files in memory, then writes them (only if changed)."""

    def __init__(self, out):
        self.out = out
        self.files = OrderedDict()

    def csv(self, name, header, rows):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(r)
        self.files[name] = buf.getvalue()

    def text(self, name, text):
        self.files[name] = text

    def flush(self):
        for name, text in self.files.items():
            path = os.path.join(self.out, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            data = text.encode("utf-8")
            if os.path.exists(path):
                with open(path, "rb") as f:
                    if f.read() == data:
                        continue
            with open(path, "wb") as f:
                f.write(data)


def largest_remainder(total, weights):
    """Integers summing exactly to `total` (int), proportional to `weights` (floats >= 0).

    Hamilton's method; ties broken by position (deterministic)."""
    s = sum(weights)
    if total == 0 or s <= 0.0:
        check(total == 0, "cannot split a non-zero total over zero weights")
        return [0] * len(weights)
    exact = [Decimal(total) * Decimal(repr(w)) / Decimal(repr(s)) for w in weights]
    base = [int(e.to_integral_value(rounding="ROUND_FLOOR")) for e in exact]
    rest = total - sum(base)
    order = sorted(range(len(weights)), key=lambda k: (-(exact[k] - base[k]), k))
    for k in order[:rest]:
        base[k] += 1
    return base


# --------------------------------------------------------------------------------------
# 1. The BNS input-output tables
# --------------------------------------------------------------------------------------


def load_io(data):
    d = os.path.join(data, "kz-io-2024")
    products = read_csv(os.path.join(d, "products.csv"))
    codes = [p["code"] for p in products]
    names = {p["code"]: p["name_en"] for p in products}
    check(len(codes) == 68 and len(set(codes)) == 68, "products.csv: expected 68 unique codes")
    for c in codes:
        check(":" not in c and "," not in c, "product code %r has ':' or ','" % c)
    _, t01, _ = read_io_table(os.path.join(d, "t01_supply_basic_to_purchasers.csv"))
    _, t02, _ = read_io_table(os.path.join(d, "t02_use_purchasers_prices.csv"))
    _, t03, _ = read_io_table(os.path.join(d, "t03_trade_margins.csv"))
    _, t04, _ = read_io_table(os.path.join(d, "t04_transport_margins.csv"))
    _, t05, _ = read_io_table(os.path.join(d, "t05_net_taxes_on_products.csv"))
    _, t06, _ = read_io_table(os.path.join(d, "t06_use_basic_prices.csv"))
    _, t07, _ = read_io_table(os.path.join(d, "t07_use_imported.csv"))
    _, t08, _ = read_io_table(os.path.join(d, "t08_use_domestic.csv"))
    for name, t in (("t05", t05), ("t06", t06), ("t07", t07), ("t08", t08)):
        check(list(t.keys())[:68] == codes, name + ": product rows not in products.csv order")
    return dict(codes=codes, names=names, t01=t01, t02=t02, t03=t03, t04=t04, t05=t05,
                t06=t06, t07=t07, t08=t08)


def build_io(io_):
    codes, t01, t06, t07, t08 = io_["codes"], io_["t01"], io_["t06"], io_["t07"], io_["t08"]
    log = []

    # Direct-purchase rows (and t01's CIF/FOB row) are all zero: verify, then drop them.
    for tname, t, rows in (("t06", t06, ["DP_ABROAD_RES", "DP_DOMESTIC_NONRES"]),
                           ("t07", t07, ["DP_ABROAD_RES", "DP_DOMESTIC_NONRES"]),
                           ("t08", t08, ["DP_ABROAD_RES", "DP_DOMESTIC_NONRES"]),
                           ("t01", t01, ["CIF_FOB_ADJ", "DP_ABROAD_RES"])):
        for r in rows:
            nz = [c for c, v in t[r].items() if v != 0]
            check(not nz, "%s row %s is not all zero (non-zero in %s)" % (tname, r, nz[:5]))
    log.append("direct-purchase rows DP_ABROAD_RES, DP_DOMESTIC_NONRES (t06, t07, t08) and "
               "CIF_FOB_ADJ, DP_ABROAD_RES (t01) are all zero: dropped")

    Z = [[t08[i][j] for j in codes] for i in codes]
    Y = [[t08[i][f] for f in FD_CODES] for i in codes]
    Zm = [[t07[i][j] for j in codes] for i in codes]
    Ym = [[t07[i][f] for f in FD_CODES] for i in codes]
    cols_v = codes + FD_CODES
    V = OrderedDict()
    for k in ["D1", "D29X39", "P51C", "B2N_B3N"]:
        V[k] = [t06[k][j] for j in codes] + [0] * len(FD_CODES)
    V["D21X31"] = [t06["D21X31_IC"][c] for c in cols_v]
    for k in ["D1", "D29X39", "P51C", "B2N_B3N"]:
        for f in FD_CODES:
            check(t06[k].get(f) in (None, 0), "t06 %s has a value in column %s" % (k, f))

    n, nf = len(codes), len(FD_CODES)
    # Net taxes on final use by product (t05, final-use columns): they split the final-use
    # columns of V row D21X31 by product, so that a tax on one product's final use (the
    # crude-oil export duty) follows that product's use. Exact in integers.
    t05 = io_["t05"]
    Tf = [[t05[i][f] or 0 for f in FD_CODES] for i in codes]
    for r in ["DP_ABROAD_RES", "DP_DOMESTIC_NONRES"]:
        nz = [f for f in FD_CODES if t05[r].get(f) not in (None, 0)]
        check(not nz, "t05 row %s has final-use taxes in %s" % (r, nz))
    for b, f in enumerate(FD_CODES):
        col = sum(Tf[a][b] for a in range(n))
        check(col == V["D21X31"][n + b],
              "t05 column %s sums to %d, t06 D21X31_IC holds %d" % (f, col, V["D21X31"][n + b]))
        check(col == t05["TOTAL_PRODUCTS"][f], "t05 column %s != its TOTAL_PRODUCTS" % f)
    log.append("net taxes on final use by product (t05, 68 products x 7 categories) sum to the "
               "final-use columns of t06 D21X31_IC: exact for all 7 categories")
    # The 7 categories add up to FD_TOTAL (no category is missed), domestic and imported.
    for tname, t in (("t08", t08), ("t07", t07)):
        for i in codes:
            check(sum(t[i][f] for f in FD_CODES) == t[i]["FD_TOTAL"],
                  "%s row %s: categories do not add up to FD_TOTAL" % (tname, i))
            check(sum(t[i][j] for j in codes) == t[i]["IC_TOTAL"],
                  "%s row %s: sector columns do not add up to IC_TOTAL" % (tname, i))

    # Row balance: x_i = sum_j Z_ij + sum_f Y_if = t01 P1, exactly.
    x = [sum(Z[a]) + sum(Y[a]) for a in range(n)]
    for a, i in enumerate(codes):
        check(x[a] == t01[i]["P1"], "row balance %s: Z+Y = %d, t01 P1 = %d" % (i, x[a], t01[i]["P1"]))
        check(x[a] == t06["P1"][i], "output row of t06 differs from t01 for %s" % i)
    log.append("row balance x_i = sum_j Z_ij + sum_f Y_if = t01 P1: exact for all 68 products")

    # Column balance: x_j = sum_i Z_ij + sum_i Zm_ij + sum_k V_kj, exactly.
    for b, j in enumerate(codes):
        col = sum(Z[a][b] for a in range(n)) + sum(Zm[a][b] for a in range(n)) + \
            sum(V[k][b] for k in V)
        check(col == x[b], "column balance %s: inputs %d != output %d" % (j, col, x[b]))
    log.append("column balance x_j = sum_i Z_ij + sum_i Zm_ij + sum_k V_kj: exact for all 68 columns")

    # Imports: row sums of Zm + Ym = t01 P7.
    m = [sum(Zm[a]) + sum(Ym[a]) for a in range(n)]
    for a, i in enumerate(codes):
        check(m[a] == t01[i]["P7"], "imports %s: Zm+Ym = %d, t01 P7 = %d" % (i, m[a], t01[i]["P7"]))

    total_x = sum(x)
    gva = sum(V[k][b] for k in ["D1", "D29X39", "P51C", "B2N_B3N"] for b in range(n))
    net_taxes = sum(V["D21X31"])
    gdp = gva + net_taxes
    exports = sum(Y[a][FD_CODES.index("P6")] for a in range(n))
    exports_pp = sum(io_["t02"][i]["P6"] for i in codes)
    check(exports_pp == EXPECTED["exports_purchasers"],
          "exports at purchasers' prices %d != %d" % (exports_pp, EXPECTED["exports_purchasers"]))
    check(exports_pp == exports + V["D21X31"][len(codes) + FD_CODES.index("P6")],
          "exports at purchasers' prices != basic + net taxes on exports")
    imports = sum(m)
    check(total_x == EXPECTED["output"], "total output %d != %d" % (total_x, EXPECTED["output"]))
    check(gva == EXPECTED["gva"], "GVA %d != %d" % (gva, EXPECTED["gva"]))
    check(gva == sum(t06["B1G"][j] for j in codes), "GVA != sum of t06 B1G")
    check(net_taxes == EXPECTED["net_taxes"], "net taxes %d != %d" % (net_taxes, EXPECTED["net_taxes"]))
    check(net_taxes == sum(t01[i]["D21X31"] for i in codes), "net taxes != t01 D21X31 column total")
    check(gdp == EXPECTED["gdp"], "GDP %d != %d" % (gdp, EXPECTED["gdp"]))
    check(exports == EXPECTED["exports_basic"], "exports %d != %d" % (exports, EXPECTED["exports_basic"]))
    check(exports == t08["TOTAL_PRODUCTS"]["P6"], "exports != t08 TOTAL_PRODUCTS P6")
    check(imports == EXPECTED["imports"], "imports %d != %d" % (imports, EXPECTED["imports"]))
    # Expenditure side: GDP = final use (domestic + imported, basic) + taxes on final use - imports.
    fd_all = sum(sum(Y[a]) + sum(Ym[a]) for a in range(n)) + sum(V["D21X31"][n:])
    check(fd_all - imports == gdp, "GDP expenditure side %d != %d" % (fd_all - imports, gdp))
    # Re-exports: the exports column of Ym.
    reexports = sum(Ym[a][FD_CODES.index("P6")] for a in range(n))
    log.append("totals: output %s, GVA %s, net taxes %s, GDP %s (= final use + taxes on final use "
               "- imports), exports %s, imports %s, re-exports %s (thousand KZT)"
               % tuple(fmt_int(v) for v in (total_x, gva, net_taxes, gdp, exports, imports, reexports)))
    # Signs the loader requires.
    check(all(v >= 0 for r in Z for v in r), "Z has a negative cell")
    check(all(v >= 0 for r in Zm for v in r), "Zm has a negative cell")
    for a, i in enumerate(codes):
        zero_rc = all(Z[a][b] == 0 for b in range(n)) and all(Z[b][a] == 0 for b in range(n))
        check(x[a] > 0, "output of %s is not positive" % i)
        if zero_rc:
            log.append("product %s has an all-zero row and column of Z (output %s, all final use / "
                       "value added)" % (i, fmt_int(x[a])))
    return dict(Z=Z, Y=Y, Zm=Zm, Ym=Ym, V=V, Tf=Tf, x=x, m=m, cols_v=cols_v, log=log,
                totals=dict(output=total_x, gva=gva, net_taxes=net_taxes, gdp=gdp,
                            exports=exports, imports=imports, reexports=reexports,
                            exports_pp=exports_pp,
                            taxes_final=sum(V["D21X31"][n:])))


# --------------------------------------------------------------------------------------
# 2. Trade by partner
# --------------------------------------------------------------------------------------


def load_hs_map():
    rules = {}
    for r in read_csv(HS_MAP_FILE):
        p = r["hs_prefix"]
        check(p.isdigit() and len(p) in (2, 4, 6), "bad hs_prefix %r in %s" % (p, HS_MAP_FILE))
        check(p not in rules, "duplicate hs_prefix %r" % p)
        rules[p] = r["cpa"]
    return rules


def hs_to_cpa(rules, hs6):
    for k in (6, 4, 2):
        if hs6[:k] in rules:
            return rules[hs6[:k]]
    raise CheckError("HS code %s has no CPA mapping in %s" % (hs6, HS_MAP_FILE))


def v_block(hs6, section):
    """Residual block of an HS6 line: HS sections, with section V split like the ADB groups."""
    if section != 5:
        return "S%02d" % section
    if hs6 == "270900":
        return "V:crude"
    if hs6 in ("271111", "271121"):
        return "V:gas"
    if "260111" <= hs6 <= "261790":
        return "V:ores"
    return "V:other"


def bns_partner_totals(data, year, flow):
    rows = read_csv(os.path.join(data, "kz-trade", "bns_trade_by_partner_annual.csv"))
    out = OrderedDict()
    for r in rows:
        if r["year"] == str(year) and r["flow"] == flow and r["product"] == "TOTAL":
            check(r["partner"] not in out, "duplicate BNS partner %s %s %s" % (year, flow, r["partner"]))
            check(r["partner"] != "WLD", "unexpected WLD row in partner data")
            out[r["partner"]] = Decimal(r["value_usd"])
    return out


def group_totals(by_country):
    g = OrderedDict((p, Decimal(0)) for p in PARTNERS)
    for c, v in by_country.items():
        g[partner_group(c)] += v
    return g


def build_prior(data, codes, log):
    """Goods-export prior (CPA product x partner group, USD 2021) from CEPII BACI."""
    kt = os.path.join(data, "kz-trade")
    rules = load_hs_map()
    for cpa in set(rules.values()):
        check(cpa in codes, "HS mapping targets unknown product %r" % cpa)

    hs6 = read_csv(os.path.join(kt, "baci_exports_top5_partners_by_hs6_2021.csv"))
    crude = OrderedDict((r["partner"], float(r["value_usd"]))
                        for r in read_csv(os.path.join(kt, "baci_crude_oil_exports_by_partner_2021.csv")))
    metals = OrderedDict((r["partner"], float(r["value_usd"]))
                         for r in read_csv(os.path.join(kt, "baci_base_metals_exports_by_partner_2021.csv")))
    world_sec = {r["product"]: float(r["value_usd"])
                 for r in read_csv(os.path.join(kt, "baci_exports_world_by_hs_section.csv"))
                 if r["year"] == "2021"}
    world_grp = {r["product"]: float(r["value_usd"])
                 for r in read_csv(os.path.join(kt, "baci_exports_world_by_product_group.csv"))
                 if r["year"] == "2021"}
    world = {}
    for s in range(1, 22):
        if s != 5:
            world["S%02d" % s] = world_sec.get("HS-S%02d" % s, 0.0)
    world["V:crude"] = world_grp["Minerals: crude oil"]
    world["V:gas"] = world_grp["Minerals: natural gas"]
    world["V:ores"] = world_grp["Minerals: ores"]
    world["V:other"] = world_grp["Minerals: others"]
    vsum = world["V:crude"] + world["V:gas"] + world["V:ores"] + world["V:other"]
    check(abs(vsum - world_sec["HS-S05"]) <= 1e-6 * world_sec["HS-S05"],
          "BACI: ADB mineral groups do not add up to HS section V")

    prior_c = OrderedDict()  # country -> {cpa: usd}

    def add(c, cpa, v):
        prior_c.setdefault(c, {})
        prior_c[c][cpa] = prior_c[c].get(cpa, 0.0) + v

    top5_block = {}
    pooled = {}  # block -> {cpa: usd}, top-5 HS6 lines
    for r in sorted(hs6, key=lambda r: (r["partner"], r["product"])):
        c, h, v, sec = r["partner"], r["product"], float(r["value_usd"]), int(r["hs_section"])
        check(c in BACI_TOP5, "unexpected partner %s in the BACI HS6 file" % c)
        cpa = hs_to_cpa(rules, h)
        add(c, cpa, v)
        b = v_block(h, sec)
        top5_block[b] = top5_block.get(b, 0.0) + v
        pooled.setdefault(b, {})
        pooled[b][cpa] = pooled[b].get(cpa, 0.0) + v
    # The HS6 detail and the crude / base-metal partner files agree for the top 5.
    for c in BACI_TOP5:
        hs_crude = sum(float(r["value_usd"]) for r in hs6 if r["partner"] == c and r["product"] == "270900")
        check(abs(hs_crude - crude.get(c, 0.0)) <= 1.0, "BACI crude file != HS6 detail for %s" % c)
        hs_met = sum(float(r["value_usd"]) for r in hs6 if r["partner"] == c and r["hs_section"] == "15")
        check(abs(hs_met - metals.get(c, 0.0)) <= 1.0, "BACI base-metal file != HS6 detail for %s" % c)

    # Non-top-5 countries: crude -> 061; base metals split by the pooled top-5 mix of section XV.
    xv_mix = pooled["S15"]
    xv_tot = sum(xv_mix.values())
    other_crude = other_metals = 0.0
    for c, v in crude.items():
        if c not in BACI_TOP5:
            add(c, "061", v)
            other_crude += v
    for c, v in metals.items():
        if c not in BACI_TOP5:
            for cpa in sorted(xv_mix):
                add(c, cpa, v * xv_mix[cpa] / xv_tot)
            other_metals += v

    # Residual = world - top 5 - other countries' crude and base metals, by block.
    residual = OrderedDict()
    for b in sorted(world):
        r = world[b] - top5_block.get(b, 0.0)
        if b == "V:crude":
            r -= other_crude
        if b == "S15":
            r -= other_metals
        residual[b] = r
    # Allocation weights: BNS 2021 exports of the non-top-5 countries, less their BACI base
    # metals; countries outside Central Asia that BACI lists as crude buyers get weight 0
    # (their BNS totals are dominated by crude shipped via CPC, which BACI misattributes).
    bns21 = bns_partner_totals(data, 2021, "export")
    weights = OrderedDict()
    for c in sorted(bns21):
        if c in BACI_TOP5:
            continue
        if c in crude and partner_group(c) != "CAS":
            continue
        w = float(bns21[c]) - metals.get(c, 0.0)
        if w > 0:
            weights[c] = w
    wsum = sum(weights.values())
    lost = 0.0
    for b, r in residual.items():
        if abs(r) < 1.0 or r < 0:
            check(r > -1e-6 * max(world[b], 1.0) or abs(r) < 1.0,
                  "BACI residual of block %s is negative: %r" % (b, r))
            continue
        mix = dict(pooled.get(b, {}))
        if not mix:
            lost += r
            continue
        mt = sum(mix.values())
        for c, w in weights.items():
            for cpa in sorted(mix):
                add(c, cpa, r * (w / wsum) * mix[cpa] / mt)
    # Group the prior by partner.
    prior = {i: OrderedDict((p, 0.0) for p in PARTNERS) for i in codes}
    for c in sorted(prior_c):
        g = partner_group(c)
        for cpa, v in prior_c[c].items():
            prior[cpa][g] += v
    log.append("BACI 2021 prior: %.3f bn USD in total (world %.3f bn); residual blocks allocated "
               "to %d non-top-5 countries; %.0f USD of residual without an HS6 mix left out"
               % (sum(sum(r.values()) for r in prior.values()) / 1e9,
                  sum(world.values()) / 1e9, len(weights), lost))
    return prior, residual, weights


def ras(prior, row_targets, col_targets, max_iter=100000, tol=1e-15):
    """Biproportional scaling: returns (matrix, iterations, max relative column deviation)."""
    rows = list(prior.keys())
    cols = list(col_targets.keys())
    M = {i: [prior[i][p] for p in cols] for i in rows}
    it = 0
    dev = float("inf")
    for it in range(1, max_iter + 1):
        for i in rows:
            s = sum(M[i])
            f = row_targets[i] / s
            M[i] = [v * f for v in M[i]]
        dev = 0.0
        for k, p in enumerate(cols):
            s = sum(M[i][k] for i in rows)
            dev = max(dev, abs(s / col_targets[p] - 1.0))
        if dev < tol:
            break
        for k, p in enumerate(cols):
            s = sum(M[i][k] for i in rows)
            f = col_targets[p] / s
            for i in rows:
                M[i][k] *= f
    # end on a row step so that rows are exact
    for i in rows:
        s = sum(M[i])
        M[i] = [v * row_targets[i] / s for v in M[i]]
    dev = 0.0
    for k, p in enumerate(cols):
        s = sum(M[i][k] for i in rows)
        dev = max(dev, abs(s / col_targets[p] - 1.0))
    return {i: OrderedDict(zip(cols, M[i])) for i in rows}, it, dev


def build_trade(data, io_, model):
    codes = io_["codes"]
    t02, t03, t06 = io_["t02"], io_["t03"], io_["t06"]
    log = []
    plist = list(PARTNERS)

    # BNS 2024 partner shares (customs, goods).
    exp24 = bns_partner_totals(data, 2024, "export")
    imp24 = bns_partner_totals(data, 2024, "import")
    totals = {r["flow"]: r for r in read_csv(os.path.join(data, "kz-trade", "bns_trade_totals_annual.csv"))
              if r["year"] == "2024"}
    check(abs(sum(exp24.values()) - Decimal(totals["export"]["value_usd_sum_of_monthly"])) < 1,
          "BNS 2024 exports by partner do not add up to the monthly totals")
    check(abs(sum(imp24.values()) - Decimal(totals["import"]["value_usd_sum_of_monthly"])) < 1,
          "BNS 2024 imports by partner do not add up to the monthly totals")
    exp_g, imp_g = group_totals(exp24), group_totals(imp24)
    exp_tot, imp_tot = sum(exp_g.values()), sum(imp_g.values())
    exp_share = OrderedDict((p, float(exp_g[p] / exp_tot)) for p in plist)
    imp_share = OrderedDict((p, float(imp_g[p] / imp_tot)) for p in plist)

    # Prior (BACI 2021) and the goods rows of the reconciliation.
    prior, residual, weights = build_prior(data, codes, log)
    p6 = {i: t06[i]["P6"] for i in codes}              # basic prices (= Y[:, P6])
    p6_pp = {i: t02[i]["P6"] for i in codes}           # purchasers' prices
    margin = {i: t03[i]["P6"] for i in codes}          # trade margins on exports
    check(all(io_["t04"][i]["P6"] == 0 for i in codes), "transport margins on exports are not zero")
    check(sum(margin.values()) == 0, "trade margins on exports do not sum to zero")
    for k in MARGIN_PRODUCTS:
        check(margin[k] <= 0, "margin product %s has a positive margin on exports" % k)
    check(sum(-margin[k] for k in MARGIN_PRODUCTS) == sum(v for v in margin.values() if v > 0),
          "negative margin rows are not exactly the trade products 45-47")
    ras_rows = [i for i in codes
                if i not in MARGIN_PRODUCTS and p6_pp[i] > 0 and sum(prior[i].values()) > 0]
    goods_no_prior = [i for i in codes if i not in ras_rows and i not in MARGIN_PRODUCTS
                      and p6[i] > 0 and i in set(load_hs_map().values())]
    G = sum(p6_pp[i] for i in ras_rows)
    col_targets = OrderedDict((p, exp_share[p] * G) for p in plist)
    # Physical reach: pipeline gas and grid electricity only go to neighbours.
    ras_prior = OrderedDict()
    for i in ras_rows:
        ras_prior[i] = OrderedDict(
            (p, prior[i][p] if (i not in REACH or p in REACH[i]) else 0.0) for p in plist)
    # Fixed cells (share of the product's exports), taken out of the RAS.
    row_targets = OrderedDict((i, float(p6_pp[i])) for i in ras_rows)
    fixed_val = {}
    for (i, p), share in FIXED_CELLS.items():
        v = share * p6_pp[i]
        fixed_val[(i, p)] = v
        ras_prior[i][p] = 0.0
        row_targets[i] -= v
        col_targets[p] -= v
    fitted, iters, dev = ras(ras_prior, row_targets, col_targets)
    for (i, p), v in fixed_val.items():
        fitted[i][p] += v
        col_targets[p] += v

    # Partner shares of every product's exports.
    shares = OrderedDict()
    for i in codes:
        if i in fitted:
            s = sum(fitted[i].values())
            shares[i] = OrderedDict((p, fitted[i][p] / s) for p in plist)
        else:
            shares[i] = OrderedDict(exp_share)
    # Trade services 45-47: exported as margins on goods exports (t03), so they follow the
    # partner mix of the goods that carry the margins.
    pos = [i for i in codes if margin[i] > 0]
    mtot = float(sum(margin[i] for i in pos))
    margin_mix = OrderedDict((p, sum(margin[i] * shares[i][p] for i in pos) / mtot) for p in plist)
    for k in MARGIN_PRODUCTS:
        shares[k] = OrderedDict(margin_mix)

    # Exports matrix in integer thousand KZT, rows exactly = Y[:, P6].
    E = OrderedDict()
    for i in codes:
        E[i] = OrderedDict(zip(plist, largest_remainder(p6[i], [shares[i][p] for p in plist])))
        check(sum(E[i].values()) == p6[i], "exports row %s does not add up" % i)
        check(all(v >= 0 for v in E[i].values()), "negative export cell in %s" % i)

    # Diagnostics: shares achieved.
    def col_shares(values):
        t = sum(values[p] for p in plist)
        return OrderedDict((p, values[p] / t) for p in plist)

    goods_pp = OrderedDict((p, sum(fitted[i][p] for i in ras_rows)) for p in plist)
    goods_all_pp = OrderedDict(
        (p, goods_pp[p] + sum(p6_pp[i] * shares[i][p] for i in goods_no_prior)) for p in plist)
    basic = OrderedDict((p, float(sum(E[i][p] for i in codes))) for p in plist)
    goods_set = ras_rows + goods_no_prior
    goods_basic = OrderedDict((p, float(sum(E[i][p] for i in goods_set))) for p in plist)
    diag = OrderedDict([
        ("bns_target", exp_share),
        ("goods_pp_ras", col_shares(goods_pp)),
        ("goods_pp_all", col_shares(goods_all_pp)),
        ("goods_basic", col_shares(goods_basic)),
        ("all_basic", col_shares(basic)),
        ("margin_mix", margin_mix),
    ])
    kzt = model["kzt_per_usd"]
    log.append("BNS 2024 customs goods exports %.3f bn USD = %s thousand KZT at %s KZT/USD; "
               "IO goods exports at purchasers' prices (reconciled rows) %s thousand KZT"
               % (float(exp_tot) / 1e9, fmt_int(int(exp_tot * Decimal(kzt) / 1000)), kzt, fmt_int(G)))
    log.append("RAS: %d goods rows x %d partners, %d iterations, max relative column deviation %.2e"
               % (len(ras_rows), len(plist), iters, dev))

    # Import origins: BNS 2024 import partner shares, the same for every product.
    origin = OrderedDict()
    for i in codes:
        origin[i] = OrderedDict(imp_share)
    return dict(E=E, shares=shares, origin=origin, exp_share=exp_share, imp_share=imp_share,
                exp_g=exp_g, imp_g=imp_g, exp_tot=exp_tot, imp_tot=imp_tot, diag=diag,
                ras_rows=ras_rows, goods_no_prior=goods_no_prior, G=G, iters=iters, dev=dev,
                residual=residual, weights=weights, prior=prior, margin_mix=margin_mix,
                log=log)


# --------------------------------------------------------------------------------------
# 3. Export routes
# --------------------------------------------------------------------------------------

# Route shares of crude oil for destinations other than China: Ministry of Energy figures for
# Jan-Oct 2024 reported by trend.az (SOURCES.md, "Transit-route facts"): 46.3 Mt via CPC and
# 7.2 Mt via Atyrau-Samara of ~57.6 Mt on the listed routes, of which ~1 Mt Kazakh crude to
# China (Atasu-Alashankou, ">1 Mt") -> ~56.6 Mt to other destinations.
CPC_MT, AS_MT, LISTED_MT, CHINA_MT = 46.3, 7.2, 57.6, 1.0
NONCHINA_MT = LISTED_MT - CHINA_MT
CRUDE_CPC = round(CPC_MT / NONCHINA_MT, 3)          # 0.818
CRUDE_AS = round(AS_MT / NONCHINA_MT, 3)            # 0.127
CRUDE_MC = 0.03  # Aktau/Kuryk tankers to Baku, then BTC: ESTIMATE (~1.5 Mt/yr, not in SOURCES)

NON_ROUTE_GOODS = {"351", "352", "353"}

# Cells of the export matrix fixed outside the RAS, as a share of the product's exports.
# Crude oil to China: BACI's 4.5 Mt (2021, China's import declarations) most likely includes
# Russian oil in transit on Atasu-Alashankou; the press gives ">1 Mt" of Kazakh crude to China
# in Jan-Oct 2024 out of ~57.6 Mt on the listed routes (SOURCES.md, transit-route facts).
FIXED_CELLS = {("061", "CHN"): round(CHINA_MT / LISTED_MT, 4)}  # electricity / gas / heat by grid: not on these routes


def route_rules(product, partner):
    """{route: share} of the exports of `product` to `partner` (judgement, all estimates)."""
    if product == "061":
        if partner == "CHN":
            return {"ATASU_ALASHANKOU": 0.95}
        if partner == "RUS":
            return {"RUSSIA_DIRECT": 1.0}
        if partner == "CAS":
            return {"CAS_DIRECT": 1.0}
        return {"CPC": CRUDE_CPC, "ATYRAU_SAMARA": CRUDE_AS, "MIDDLE_CORRIDOR": CRUDE_MC}
    if product == "062":
        return {"CHN": {"CHINA_GAS_PIPELINE": 1.0}, "RUS": {"RUSSIA_DIRECT": 1.0},
                "CAS": {"CAS_DIRECT": 1.0}}.get(partner, {})
    if partner == "RUS":
        return {"RUSSIA_DIRECT": 1.0}
    if partner == "CAS":
        return {"CAS_DIRECT": 1.0}
    if partner == "CHN":
        return {"CHINA_RAIL": 0.85}
    if partner == "EU":
        return {"RAIL_RUSSIA_EU": 0.75, "MIDDLE_CORRIDOR": 0.15}
    if partner == "TUR":
        return {"RAIL_RUSSIA_EU": 0.5, "MIDDLE_CORRIDOR": 0.3}
    return {"RAIL_RUSSIA_EU": 0.4, "CHINA_RAIL": 0.2, "MIDDLE_CORRIDOR": 0.1}


SRC = 'shared/data/SOURCES.md, "Transit-route facts" (press figures, not official statistics)'
ROUTES = [
    dict(code="CPC", name="Caspian Pipeline Consortium: Tengiz - Novorossiysk (Russia), then tankers "
         "through the Black Sea straits", mode="pipeline", via=["RUS"],
         capacity=(67.0, "Mt/yr", True, "CPC design capacity after the 2011-2018 expansion; recalled, "
                   "NOT in SOURCES.md (2022 throughput was 58.7 Mt, so capacity is at least that)"),
         use=(55.6, "Mt/yr", 2024, True, "Kazakh crude only: 46.3 Mt in Jan-Oct 2024 (trend.az "
              "2024-11-24, Ministry of Energy) x 12/10; 2022: 58.7 Mt in total, 52.2 Mt Kazakh "
              "(Reuters via zonebourse)"),
         note="~80% of Kazakhstan's crude exports (found in press, 2022-2026)."),
    dict(code="ATYRAU_SAMARA", name="Atyrau - Samara pipeline into the Transneft system (to Baltic "
         "and Black Sea ports and the Druzhba pipeline)", mode="pipeline", via=["RUS"],
         capacity=(17.5, "Mt/yr", False, "KMG annual report 2020, Atyrau-Samara section"),
         use=(8.6, "Mt/yr", 2024, True, "7.2 Mt in Jan-Oct 2024 (trend.az 2024-11-24) x 12/10; the "
              "'~16% via Transneft' figure is recalled from press and NOT verified"),
         note="The rest of the non-China crude that does not go through CPC."),
    dict(code="RAIL_RUSSIA_EU", name="Rail and road through Russia (and Belarus) to Europe, Russian "
         "Baltic and Black Sea ports", mode="rail", via=["RUS", "BLR"],
         capacity=None,
         use=(8.3, "Mt/yr", 2022, True, "6.2 Mt to EU countries in 9M 2022 (Kazinform via "
              "nh-logistics.com, K. Tlepov, Transport Committee) x 12/9"),
         note="Metals, ferro-alloys, grain, chemicals, coal. No capacity figure: network-wide."),
    dict(code="ATASU_ALASHANKOU", name="Kazakhstan-China oil pipeline (Kenkiyak - Kumkol - Atasu - "
         "Alashankou)", mode="pipeline", via=[],
         capacity=(20.0, "Mt/yr", False, "oilandgastechnology.net 2013-09-19; KMG annual report "
                   "2020; chinagate.cn 2010"),
         use=(11.0, "Mt/yr", 2024, True, "Jan-Oct 2024 (trend.az 2024-11-24): >1 Mt Kazakh crude "
              "plus 8.2 Mt Russian transit, x 12/10; Kazakh crude alone ~1.2 Mt/yr"),
         note="Mostly Russian transit oil; Kazakh crude exports to China are small."),
    dict(code="CHINA_GAS_PIPELINE", name="Kazakhstan-China gas pipeline (Beineu - Bozoi - Shymkent "
         "and the Central Asia - China line to Khorgos)", mode="pipeline", via=[],
         capacity=None, use=None,
         note="Not in SOURCES.md: no capacity or volume given here. Added because natural gas "
              "exports to China move only by this pipeline."),
    dict(code="CHINA_RAIL", name="Rail crossings to China: Dostyk - Alashankou and Altynkol - Khorgos "
         "(also transit to East-Asian ports)", mode="rail", via=[],
         capacity=None, use=None,
         note="Not in SOURCES.md: no capacity or volume given here. The remainder of goods to "
              "China goes by road crossings (Khorgos, Bakhty, Maikapchagai)."),
    dict(code="MIDDLE_CORRIDOR", name="Trans-Caspian International Transport Route: rail to "
         "Aktau/Kuryk, Caspian ferry or tanker to Baku, then rail to Georgian ports or the BTC "
         "pipeline to Ceyhan", mode="sea", via=["AZE", "GEO", "TUR"],
         capacity=(6.0, "Mt/yr", False, "inform.kz/kt.kz 2022-11-25 (minister Uskenbayev); trend.az "
                   "2024-12-23 (minister Karabaev)"),
         use=(2.7, "Mt/yr", 2023, False, "trend.az 2024-01-27; 1.5 Mt in 10M 2022 (inform.kz)"),
         segments=[dict(name="Baku - Tbilisi - Ceyhan pipeline (crude leg)", capacity=(60.0, "Mt/yr"),
                        use=(26.0, "Mt/yr"), source="energystudies.ro; bp.com (1.2 mb/d)")],
         note="Multimodal (rail + Caspian sea + rail/pipeline); the Caspian crossing is the "
              "bottleneck. Crude share is an estimate."),
    dict(code="RUSSIA_DIRECT", name="Direct exports to Russia (rail, road; gas by the Central Asia "
         "- Centre pipeline)", mode="rail", via=[],
         capacity=None, use=None,
         note="Not transit: goods whose destination is Russia itself."),
    dict(code="CAS_DIRECT", name="Direct exports to Central Asian neighbours (rail, road, pipelines)",
         mode="rail", via=[],
         capacity=None, use=None,
         note="Not transit: Uzbekistan and Kyrgyzstan directly, Tajikistan and Turkmenistan via "
              "Uzbekistan."),
]


def build_routes(codes, names, E, goods):
    plist = list(PARTNERS)
    carries = OrderedDict((r["code"], []) for r in ROUTES)
    unknown = set()
    total_by_cell = {}
    for i in codes:
        if i not in goods or i in NON_ROUTE_GOODS:
            continue
        for p in plist:
            if E[i][p] <= 0:
                continue
            rules = route_rules(i, p)
            s = sum(rules.values())
            check(s <= 1.0 + 1e-12, "route shares of %s -> %s add up to %r > 1" % (i, p, s))
            total_by_cell[(i, p)] = s
            for rc in sorted(rules, key=lambda k: list(carries).index(k) if k in carries else 99):
                if rc not in carries:
                    unknown.add(rc)
                    continue
                carries[rc].append((i, p, rules[rc]))
    check(not unknown, "route rules name unknown routes %s" % sorted(unknown))

    out = []
    w = out.append
    w("# Kazakhstan's export routes, 2024 - companion file of model.yaml (spillover model kaz-2024).")
    w("# Written by scripts/build_kaz_model.py; edit the script (route_rules / ROUTES), not this file.")
    w("#")
    w("# Each route: code, name, mode (pipeline | rail | road | sea; the main mode of a multimodal")
    w("# route), via (ISO 3166-1 alpha-3 transit countries), capacity and current use (value, unit,")
    w("# year), estimate (true if any number or share of the route is a judgement or derived from")
    w("# press figures), source, and `carries`: the share of an export flow - one cell")
    w("# exports.csv[product, partner] (destination), by value - that the route carries.")
    w("# For every (product, partner) the shares over all routes sum to <= 1; the remainder is")
    w("# other / unspecified (road, air, other ports, ...). Services exports and electricity are on no")
    w("# route. ALL carries shares are estimates (analyst judgement, see README.md).")
    w("# The value in each comment is the flow in thousand KZT (basic prices) from exports.csv.")
    w("format: 1")
    w("unit_note: \"Mt/yr = million tonnes per year\"")
    w("routes:")
    for r in ROUTES:
        w("  - code: %s" % r["code"])
        w("    name: %s" % yq(r["name"]))
        w("    mode: %s" % r["mode"])
        w("    via: [%s]" % ", ".join(r["via"]))
        if r.get("capacity"):
            v, u, est, src = r["capacity"]
            w("    capacity: {value: %s, unit: %s, estimate: %s}  # %s"
              % (repr(v), u, "true" if est else "false", src))
        else:
            w("    capacity: null  # no figure in SOURCES.md")
        if r.get("use"):
            v, u, y, est, src = r["use"]
            w("    current_use: {value: %s, unit: %s, year: %d, estimate: %s}  # %s"
              % (repr(v), u, y, "true" if est else "false", src))
        else:
            w("    current_use: null  # no figure in SOURCES.md")
        for seg in r.get("segments", []):
            w("    segments:")
            w("      - name: %s" % yq(seg["name"]))
            w("        capacity: {value: %s, unit: %s}" % (repr(seg["capacity"][0]), seg["capacity"][1]))
            w("        current_use: {value: %s, unit: %s}" % (repr(seg["use"][0]), seg["use"][1]))
            w("        source: %s" % yq(seg["source"]))
        w("    estimate: true  # the carries shares are analyst judgement")
        w("    source: %s" % yq(SRC))
        w("    note: %s" % yq(r["note"]))
        if not carries[r["code"]]:
            w("    carries: []")
            continue
        w("    carries:")
        for i, p, s in carries[r["code"]]:
            w("      - {product: %s, partner: %s, share: %s}  # %s -> %s: %s"
              % (yq(i), p, repr(s), names[i][:48], p, fmt_int(E[i][p])))
    text = "\n".join(out) + "\n"
    return text, carries, total_by_cell


# --------------------------------------------------------------------------------------
# 4. Writing
# --------------------------------------------------------------------------------------


def section_of(code):
    div = int(code[:2])
    for lo, hi, s in SECTION_RANGES:
        if lo <= div <= hi:
            return s
    raise CheckError("no section for product %s" % code)


def model_yaml(codes, names, kzt, tol):
    L = []
    w = L.append
    w("# Kazakhstan 2024 - national input-output model for spillover (docs/model-format.md).")
    w("# Written by scripts/build_kaz_model.py from shared/data (see README.md); do not edit by hand.")
    w("format: 1")
    w("name: %s" % yq("Kazakhstan 2024 (BNS input-output tables)"))
    w("description: %s" % yq(
        "Symmetric product-by-product input-output table of Kazakhstan for 2024, 68 products "
        "(CPA 2.1 / KPVED), basic prices, thousand KZT, domestic and imported flows separated "
        "(BNS, published 19.12.2025). Exports split over 6 partners (BNS customs 2024 shares, "
        "CEPII BACI 2021 product mix, RAS); import origins proportional to BNS 2024 import shares."))
    w("year: 2024")
    w("currency: KZT")
    w("unit: %s" % yq("KZT thousand"))
    w("unit_scale: 1000")
    w("exchange_rates:")
    w("  USD: %s  # KZT per USD, 2024: mean of the 12 NBK monthly averages (shared/data/kz-macro/"
      "macro_annual.csv, KZT_PER_USD_MEAN_OF_MONTHS, source NBK_FX_MONTHLY)" % kzt)
    w("regions:")
    w("  - {code: KAZ, name: Kazakhstan}")
    w("sectors:  # the 68 BNS products (shared/data/kz-io-2024/products.csv: code, name_en)")
    for c in codes:
        w("  - {code: %s, name: %s}" % (yq(c), yq(names[c])))
    w("final_demand:")
    for c, (n, k) in FD_META.items():
        w("  - {code: %s, name: %s, kind: %s}" % (c, yq(n), k))
    w("value_added:")
    for c, (n, k) in VA_META.items():
        extra = ""
        if c == "D21X31":
            extra = "  # BNS t06 row D21X31_IC: on intermediate inputs (sector columns) and on final use"
        elif c == "D29X39":
            extra = "  # negative where other subsidies on production exceed other taxes"
        w("  - {code: %s, name: %s, kind: %s}%s" % (c, yq(n), k, extra))
    w("partners:  # export destinations / import origins (see README.md for the groups)")
    for c, n in PARTNERS.items():
        w("  - {code: %s, name: %s}" % (c, yq(n)))
    w("# satellites: none (no employment or other satellite data in shared/data)")
    w("files:")
    w("  intermediate: Z.csv")
    w("  final_demand: Y.csv")
    w("  value_added: V.csv")
    w("  imports_intermediate: Zm.csv")
    w("  imports_final: Ym.csv")
    w("  import_origin: import_origin.csv")
    w("  exports: exports.csv")
    w("  final_use_taxes: final_use_taxes.csv  # BNS t05: net taxes on final use by product")
    w("  routes: routes.yaml")
    w("# Not read by the loader: aggregations/*.csv (see `spillover run --aggregate`), README.md.")
    w("checks:")
    w("  balance_tolerance: %s  # the tables balance exactly in integers; this only absorbs "
      "float rounding" % tol)
    return "\n".join(L) + "\n"


def pct(v):
    return "%.2f%%" % (100.0 * v)


def over_export_section(codes, names, built, E):
    """The README section on products whose exports exceed their output.

    Computed from the table, with the test `spillover model check` applies (exports.csv row
    sum above output, the row sum of Z and Y), so that the README lists exactly the products
    the tool warns about, and a rebuild from new data keeps the two in step."""
    p6 = FD_CODES.index("P6")
    p52 = FD_CODES.index("P52")
    rows = []
    for a, c in enumerate(codes):
        output = sum(built["Z"][a]) + sum(built["Y"][a])
        exported = sum(E[c].values())
        if output > 0 and exported > output:
            rows.append((float(exported) / float(output), c, output, built["Y"][a][p6],
                         built["Y"][a][p52]))
    rows.sort(key=lambda r: (-r[0], r[1]))
    if not rows:
        return []
    words = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"]
    count = words[len(rows) - 1] if len(rows) <= len(words) else str(len(rows))
    L = []
    w = L.append
    w("## Products that export more than they produce")
    w("")
    w("%s product%s export%s more than %s output (row sum of Z and Y, thousand KZT, BNS 2024"
      % (count, "s" if len(rows) > 1 else "", "" if len(rows) > 1 else "s",
         "their" if len(rows) > 1 else "its"))
    negative = all(r[4] < 0 for r in rows)
    w("table as published); the difference comes out of inventories%s"
      % (", whose change (`P52`) is" if negative else "."))
    if negative:
        w("strongly negative for each of them:")
    w("")
    w("| product | output | exports (`P6`) | exports / output | change in inventories (`P52`) |")
    w("|---|---:|---:|---:|---:|")
    for ratio, c, output, exports, inventories in rows:
        w("| %s %s | %s | %s | %.2f | %s |" % (c, names[c], fmt_int(int(output)),
                                              fmt_int(int(exports)), ratio,
                                              fmt_int(int(inventories))))
    n = count.lower()
    w("")
    w("Such rows are what a supply-use table shows when goods leave the country from stocks:")
    w("inventories built up in earlier years are drawn down, and goods imported and resold abroad")
    w("(re-exports, common for electronics and apparel passing through Kazakhstan) are recorded as")
    w("exports of the product and a fall in its inventories. The model keeps the table as it is.")
    w("What it means for results: an exports shock on these products acts on a flow larger than")
    w("their output, so their output can fall by more than half in a sanctions run, while in")
    w("reality part of the fall would be in re-exports and stock drawdown rather than in")
    w("production. Read large falls of these %s products with that in mind; `spillover model" % n)
    w("check` and `spillover model info` list them as warnings.")
    w("")
    return L


def readme(args_data, io_, built, trade, routes_info, kzt):
    codes, names = io_["codes"], io_["names"]
    T = built["totals"]
    plist = list(PARTNERS)
    d = trade["diag"]
    L = []
    w = L.append
    w("# Kazakhstan 2024 input-output model (`model/kaz-2024`)")
    w("")
    w("Generated by `scripts/build_kaz_model.py` from `shared/data/` (described in")
    w("`shared/data/SOURCES.md`). Do not edit the files by hand; change the script and rebuild:")
    w("")
    w("```sh")
    w("python3 scripts/build_kaz_model.py            # --data ../shared/data --out model/kaz-2024")
    w("spillover model check model/kaz-2024")
    w("```")
    w("")
    w("The build is deterministic (a second run gives byte-identical files) and asserts every")
    w("accounting identity listed below; it stops with `CHECK FAILED: ...` if one does not hold.")
    w("")
    w("## What the model is")
    w("")
    w("A national (single-region) Leontief model of Kazakhstan for 2024: the symmetric")
    w("product-by-product input-output tables of the Bureau of National Statistics (BNS), 68")
    w("products (CPA 2.1 / KPVED codes; product = industry, the supply table is diagonal), basic")
    w("prices, **thousand KZT**, with domestic and imported flows separated (a non-competitive")
    w("imports model: `A = Z / x` uses domestic inputs only). Exports are split over six partners,")
    w("imports carry an origin split, and `routes.yaml` says which export route carries which flow.")
    w("")
    w("| file | content |")
    w("|---|---|")
    w("| `model.yaml` | labels, units, exchange rate, file list (docs/model-format.md) |")
    w("| `Z.csv` | domestic intermediate use, 68 x 68 (BNS table 8) |")
    w("| `Y.csv` | domestic final use: P3_S14, P3_S13, P3_S15, P51G, P52, P53, P6 (BNS table 8) |")
    w("| `V.csv` | value added D1, D29X39, P51C, B2N_B3N (sector columns) and net taxes on products D21X31 (sector and final-use columns) (BNS table 6) |")
    w("| `Zm.csv`, `Ym.csv` | imported intermediate and final use (BNS table 7) |")
    w("| `final_use_taxes.csv` | net taxes on products paid on final use, by product x category (BNS table 5); its columns add up to the final-use columns of `V.csv` row D21X31 |")
    w("| `exports.csv` | domestic exports (basic prices) by product x partner - **estimated**, see below |")
    w("| `import_origin.csv` | import shares by product x partner - **assumption**, see below |")
    w("| `routes.yaml` | export routes, their capacity/use and the flows they carry - **estimates** |")
    w("| `aggregations/sections.csv` | the 68 products -> OKED/NACE sections A-T |")
    w("| `aggregations/sectors20.csv` | the 68 products -> %d analyst groups |" % len(SECTORS20))
    w("")
    w("## Sources (all via `shared/data/`, see SOURCES.md for provenance and checks)")
    w("")
    w("| publisher | data | files used |")
    w("|---|---|---|")
    w("| BNS (Bureau of National Statistics, ASPR RK) | Input-output tables 2024 (published 19.12.2025) | `kz-io-2024/products.csv`, `t01_supply_basic_to_purchasers.csv`, `t02_use_purchasers_prices.csv`, `t03_trade_margins.csv`, `t04_transport_margins.csv`, `t05_net_taxes_on_products.csv`, `t06_use_basic_prices.csv`, `t07_use_imported.csv`, `t08_use_domestic.csv` |")
    w("| BNS (customs statistics, indicator 312101) | Exports and imports of goods by partner country, 2021 and 2024 | `kz-trade/bns_trade_by_partner_annual.csv`, `kz-trade/bns_trade_totals_annual.csv` |")
    w("| CEPII BACI (HS 2002, v202301), extracts made by the author of a trade report on Kazakhstan prepared for the ADB (github ksreyes/adb-kaz-gvc, whose GVC indicators come from the ADB MRIO tables; no official ADB affiliation) | Exports 2021 by HS6 to the top-5 partners; crude oil and base metals by partner; world totals by HS section and ADB product group | `kz-trade/baci_exports_top5_partners_by_hs6_2021.csv`, `baci_crude_oil_exports_by_partner_2021.csv`, `baci_base_metals_exports_by_partner_2021.csv`, `baci_exports_world_by_hs_section.csv`, `baci_exports_world_by_product_group.csv` |")
    w("| NBK (National Bank of Kazakhstan) | KZT/USD official rate, 2024 mean of monthly averages = %s | `kz-macro/macro_annual.csv` (`KZT_PER_USD_MEAN_OF_MONTHS`) |" % kzt)
    w("| Press (trend.az, Reuters, inform.kz, KMG annual report, ...) | Route capacities and volumes | SOURCES.md, section \"Transit-route facts\" (no CSV) |")
    w("")
    w("Not used: the ADB MRIO value-added indicators (`adb-gvc`, computed by the same report from")
    w("the ADB Multi-Regional Input-Output tables) and the IMF WEO and BNS national-accounts series")
    w("(`kz-macro`); the latter are a later vintage (GDP 2.7% higher, see SOURCES.md caveats) and")
    w("are deliberately not mixed into the IO table. Only the NBK exchange rate is taken from")
    w("`kz-macro`.")
    w("")
    w("## Transformations of the IO tables")
    w("")
    w("- `Z` = t08 rows/columns of the 68 products; `Y` = t08 columns P3_S14, P3_S13, P3_S15, P51G,")
    w("  P52, P53, P6 (their sum is t08 `FD_TOTAL` exactly; P3 and P5 are subtotals and dropped).")
    w("- `Zm`, `Ym` = the same blocks of t07. The exports column of `Ym` (re-exports) is all zero.")
    w("- `V`: rows D1, D29X39, P51C, B2N_B3N of t06 in the sector columns (0 in final-use columns);")
    w("  row D21X31 = t06 row `D21X31_IC` over the sector columns (net taxes on intermediate inputs)")
    w("  **and** the final-use columns (net taxes on household consumption %s, on GFCF %s and on"
      % (fmt_int(built["V"]["D21X31"][68 + 0]), fmt_int(built["V"]["D21X31"][68 + 3])))
    w("  exports %s, mostly the crude-oil export duty), so that GDP = GVA + all net taxes on products."
      % fmt_int(built["V"]["D21X31"][68 + 6]))
    w("- `final_use_taxes.csv` = the final-use columns of t05 (net taxes on products by product")
    w("  and use) for the 68 products; each column sums exactly to the same column of `V` row")
    w("  D21X31. With it a scenario taxes each product's final use at its own rate: the export")
    w("  duty on crude oil (061) is %s of the %s on exports, so a cut of crude exports"
      % (fmt_int(built["Tf"][codes.index("061")][FD_CODES.index("P6")]),
         fmt_int(built["V"]["D21X31"][68 + 6])))
    w("  cuts it in proportion, not the export taxes of all products together.")
    w("- The direct-purchase rows `DP_ABROAD_RES` and `DP_DOMESTIC_NONRES` (t06, t07, t08) and t01's")
    w("  `CIF_FOB_ADJ`/`DP_ABROAD_RES` are all zero in 2024 (verified by the script) and are dropped.")
    w("- All IO numbers are the BNS integers, unchanged.")
    w("")
    w("## Checks (asserted by the script; all exact, in integer thousand KZT)")
    w("")
    for line in built["log"]:
        w("- " + line)
    w("- exports at basic prices = t08 `TOTAL_PRODUCTS`/P6; imports = Zm + Ym row sums = t01 `P7` for every product")
    w("- every `exports.csv` row sums exactly to `Y[:, P6]` (integers); every `import_origin.csv` row sums to 1")
    w("  (to float rounding); route shares per (product, partner) sum to <= 1")
    w("")
    w("| total (thousand KZT) | value |")
    w("|---|---:|")
    w("| output x | %s |" % fmt_int(T["output"]))
    w("| gross value added (D1 + D29X39 + P51C + B2N_B3N) | %s |" % fmt_int(T["gva"]))
    w("| net taxes on products (D21X31, all columns) | %s |" % fmt_int(T["net_taxes"]))
    w("| of which on final use | %s |" % fmt_int(T["taxes_final"]))
    w("| GDP = GVA + net taxes | %s |" % fmt_int(T["gdp"]))
    w("| exports of goods and services, basic prices (P6) | %s |" % fmt_int(T["exports"]))
    w("| exports at purchasers' prices (t02; = basic + net taxes on exports) | %s |" % fmt_int(T["exports_pp"]))
    w("| imports of goods and services (P7) | %s |" % fmt_int(T["imports"]))
    w("")
    w("`checks.balance_tolerance` is 1e-9: the integer tables balance exactly, so the loader's")
    w("relative balances only see double rounding (< 1e-15).")
    w("")
    w("## Partners")
    w("")
    w("| code | members |")
    w("|---|---|")
    w("| RUS | Russian Federation |")
    w("| CHN | China (mainland; HKG, MAC, TWN are in ROW) |")
    w("| EU | EU-27 as of 2024: %s |" % ", ".join(sorted(EU27)))
    w("| CAS | %s |" % ", ".join(sorted(CAS)))
    w("| TUR | Türkiye |")
    w("| ROW | every other partner country in the BNS data |")
    w("")
    w("No further partners were split out: BACI product detail exists only for China, Russia,")
    w("Greece, the United Kingdom and Germany (plus crude oil and base metals for all partners), so")
    w("a separate product mix for e.g. Korea, the USA or Switzerland would be no better than ROW's.")
    w("")
    w("BNS 2024 customs shares (goods), used as targets:")
    w("")
    w("| partner | exports, mn USD | export share | imports, mn USD | import share |")
    w("|---|---:|---:|---:|---:|")
    for p in plist:
        w("| %s | %s | %s | %s | %s |" % (p, fmt_int(int(trade["exp_g"][p] / 1000000)),
                                         pct(trade["exp_share"][p]),
                                         fmt_int(int(trade["imp_g"][p] / 1000000)),
                                         pct(trade["imp_share"][p])))
    w("| total | %s | 100%% | %s | 100%% |" % (fmt_int(int(trade["exp_tot"] / 1000000)),
                                              fmt_int(int(trade["imp_tot"] / 1000000))))
    w("")
    w("## Export partner split (`exports.csv`) - method and assumptions")
    w("")
    w("There are no official exports by product x partner (SOURCES.md, kz-trade \"Missing\"). The")
    w("split is estimated in four steps:")
    w("")
    w("1. **HS -> CPA mapping.** Every HS6 line of BACI is mapped to one of the 68 products by the")
    w("   longest matching prefix in `scripts/kaz_hs_to_cpa.csv` (HS chapter defaults with HS4/HS6")
    w("   exceptions, e.g. 2709 -> 061 crude, 271111/271121 -> 062 natural gas, other 2711 (LPG) -> 192,")
    w("   2601 -> 071, other 26xx -> 072, 72 -> 241 (wire 7217/7223/7229 -> 243), 7304-7307 -> 242,")
    w("   74-81 -> 244 (articles -> 25, waste and scrap -> 36-39), 71 precious metals -> 244,")
    w("   jewellery -> 32). **Judgement:** natural uranium compounds (HS 2844, U3O8 from in-situ")
    w("   leaching) are mapped to 072 (uranium mining is OKED 07.21), not to 20 or 24.46.")
    w("2. **Prior (product x partner, USD 2021, CEPII BACI).** China, Russia, Greece, the UK and")
    w("   Germany: their HS6 detail. Other countries: their crude oil (-> 061) and base metals (HS")
    w("   section XV, split over 241/242/243/244/25/36-39 by the pooled HS6 mix of the top five).")
    w("   The rest of the world total - by HS section, with section V split into crude / natural gas")
    w("   / ores / other minerals as in the ADB groups - minus all of the above is allocated to the")
    w("   %d remaining countries in proportion to their BNS 2021 exports less BACI base metals, with"
      % len(trade["weights"]))
    w("   the top-five HS6 mix of that block. Countries outside Central Asia that BACI lists as")
    w("   crude buyers get no share of this residual: their BNS totals are crude shipped via CPC,")
    w("   which BACI (importer declarations) attributes to other origins.")
    w("3. **Reconciliation (RAS).** The goods rows (products with a non-zero prior and exports;")
    w("   %d rows) are scaled biproportionally at **purchasers' prices** (t02 P6, comparable to"
      % len(trade["ras_rows"]))
    w("   customs FOB values) so that each row equals the IO exports of the product and each column")
    w("   equals the BNS 2024 customs share of the partner times the goods total (%s thousand KZT)."
      % fmt_int(trade["G"]))
    w("   Converged in %d iterations; max relative column deviation %.1e." % (trade["iters"], trade["dev"]))
    w("   Two constraints are imposed before the RAS (judgement):")
    w("   - **crude oil to China is fixed at %s of crude exports**: BACI's 4.5 Mt (2021, China's"
      % pct(FIXED_CELLS[("061", "CHN")]))
    w("     import declarations) most likely includes Russian oil in transit on Atasu-Alashankou;")
    w("     the press gives \">1 Mt\" of Kazakh crude to China of ~57.6 Mt on the listed routes in")
    w("     Jan-Oct 2024 (SOURCES.md, transit-route facts). Without this the RAS put ~10% of crude")
    w("     exports on China;")
    w("   - **physical reach**: natural gas (062) can only go to CHN, RUS, CAS (pipelines) and")
    w("     electricity (351) only to RUS, CAS, CHN (grid); prior cells elsewhere are set to 0.")
    w("   Each product's partner shares are then applied to its exports at basic prices.")
    w("   Goods without any BACI prior (%s) get the BNS overall shares."
      % (", ".join(trade["goods_no_prior"]) or "none"))
    w("4. **Services.** Trade services 45, 46, 47 are exported only as trade margins on goods (t03:")
    w("   their export at basic prices equals minus their margin row, %s thousand KZT in total), so"
      % fmt_int(sum(built["Y"][codes.index(k)][6] for k in MARGIN_PRODUCTS)))
    w("   they get the margin-weighted partner mix of the goods that carry the margins. All other")
    w("   services (transport and pipeline services 49-52, tourism 55-56, ICT, finance, ...) get the")
    w("   BNS overall goods shares: **assumption**, there is no services-by-partner source here.")
    w("")
    w("The cells are rounded to integer thousand KZT by the largest-remainder method, so every row")
    w("sums exactly to `Y[:, P6]`.")
    w("")
    w("Achieved partner shares vs the BNS 2024 target:")
    w("")
    w("| partner | BNS target | goods, purchasers' prices (RAS rows) | goods, purchasers' (all goods) | goods, basic prices | all exports.csv (basic, incl. services) | trade-margin mix |")
    w("|---|---:|---:|---:|---:|---:|---:|")
    for p in plist:
        w("| %s | %s | %s | %s | %s | %s | %s |" % (
            p, pct(d["bns_target"][p]), pct(d["goods_pp_ras"][p]), pct(d["goods_pp_all"][p]),
            pct(d["goods_basic"][p]), pct(d["all_basic"][p]), pct(d["margin_mix"][p])))
    w("")
    w("The goods columns match the customs shares (the residual mismatch is the RAS tolerance")
    w("plus the rounding of cells to integer thousand KZT). At basic prices the goods shares move")
    w("because trade margins and export taxes are removed unevenly: margins are largest on metals")
    w("(244, 241) and food, which go mostly to China, Russia and Central Asia, while the crude")
    w("export duty falls on EU/ROW crude. The margins come back as exports of trade services")
    w("(45-47) with the margin mix in the last column, and the other services use the BNS")
    w("shares, so the whole exports.csv ends up within ~2 points of the customs shares.")
    w("")
    w("Caveats: BACI is 2021 and mirror data (importer declarations), BNS is 2024; the product")
    w("mix within a partner is therefore only indicative, especially for partners other than the")
    w("BACI top five, and the customs destination of crude sold FOB Novorossiysk is the declared")
    w("buyer's country. Services are split with goods shares.")
    w("")
    L.extend(over_export_section(codes, names, built, trade["E"]))
    w("## Import origins (`import_origin.csv`) - assumption")
    w("")
    w("No import data by partner x product exists here (SOURCES.md). **Every product's imports are")
    w("assumed to come from the partners in proportion to BNS 2024 total goods imports by partner**")
    w("(table above: RUS %s, CHN %s, EU %s, CAS %s, TUR %s, ROW %s), the same row for all 68"
      % tuple(pct(trade["imp_share"][p]) for p in plist))
    w("products, including services. This is the proportionality assumption of docs/model-format.md.")
    w("Users can override it by editing `import_origin.csv` (each row must sum to 1), and a")
    w("scenario can override it for its own run.")
    w("")
    w("## Export routes (`routes.yaml`) - estimates")
    w("")
    w("Routes: CPC (pipeline to Novorossiysk), ATYRAU_SAMARA (Transneft), RAIL_RUSSIA_EU (rail/road")
    w("via Russia to Europe and Russian ports), ATASU_ALASHANKOU (oil pipeline to China),")
    w("CHINA_GAS_PIPELINE, CHINA_RAIL (Dostyk, Khorgos), MIDDLE_CORRIDOR (Aktau/Kuryk - Baku - Georgia")
    w("/ BTC), and two non-transit entries RUSSIA_DIRECT (goods whose destination is Russia) and")
    w("CAS_DIRECT (Central Asian neighbours). Capacity and use figures come from SOURCES.md")
    w("\"Transit-route facts\" (press, annualised where the press gives part of a year); figures not in")
    w("SOURCES.md are flagged in the file. `carries` gives, for each cell exports[product, partner], the")
    w("share of its value that the route carries; the shares are **estimates** (analyst judgement):")
    w("")
    w("| flow | shares |")
    w("|---|---|")
    w("| crude 061 to EU, TUR, ROW | CPC %s, ATYRAU_SAMARA %s (Jan-Oct 2024: 46.3 and 7.2 Mt of ~56.6 Mt non-China crude), MIDDLE_CORRIDOR %s (estimate), rest unspecified |" % (CRUDE_CPC, CRUDE_AS, CRUDE_MC))
    w("| crude 061 to CHN | ATASU_ALASHANKOU 0.95 |")
    w("| natural gas 062 | CHN: CHINA_GAS_PIPELINE 1.0; RUS: RUSSIA_DIRECT 1.0; CAS: CAS_DIRECT 1.0 |")
    w("| other goods to RUS / CAS | RUSSIA_DIRECT 1.0 / CAS_DIRECT 1.0 |")
    w("| other goods to CHN | CHINA_RAIL 0.85 (rest: road crossings) |")
    w("| other goods to EU | RAIL_RUSSIA_EU 0.75, MIDDLE_CORRIDOR 0.15 |")
    w("| other goods to TUR | RAIL_RUSSIA_EU 0.5, MIDDLE_CORRIDOR 0.3 |")
    w("| other goods to ROW | RAIL_RUSSIA_EU 0.4, CHINA_RAIL 0.2, MIDDLE_CORRIDOR 0.1 (rest: air, e.g. precious metals, and other) |")
    w("| services, electricity, heat, gas supply (351-353) | no route |")
    w("")
    w("Share of crude exports (value, basic prices) carried by CPC in this file: %s (press: ~80%%)."
      % pct(routes_info["cpc_crude_share"]))
    w("")
    w("## Aggregations")
    w("")
    w("`aggregations/sections.csv` maps each product to its OKED/NACE Rev. 2 section by division")
    w("(01-03 A, 05-09 B, 10-33 C, 35 D, 36-39 E, 41-43 F, 45-47 G, 49-53 H, 55-56 I, 58-63 J, 64-66")
    w("K, 68 L, 69-75 M, 77-82 N, 84 O, 85 P, 86-88 Q, 90-93 R, 94-96 S, 97-98 T).")
    w("`aggregations/sectors20.csv` maps to %d analyst groups:" % len(SECTORS20))
    w("")
    w("| group | name | products |")
    w("|---|---|---|")
    for g, n, members in SECTORS20:
        w("| %s | %s | %s |" % (g, n, ", ".join(members)))
    w("")
    return "\n".join(L)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=os.path.normpath(os.path.join(REPO, "..", "shared", "data")),
                    help="shared data folder (default: ../shared/data relative to the repo root)")
    ap.add_argument("--out", default=os.path.join(REPO, "model", "kaz-2024"),
                    help="model folder to write (default: model/kaz-2024)")
    args = ap.parse_args()

    io_ = load_io(args.data)
    codes, names = io_["codes"], io_["names"]
    built = build_io(io_)

    macro = [r for r in read_csv(os.path.join(args.data, "kz-macro", "macro_annual.csv"))
             if r["year"] == "2024" and r["indicator"] == "KZT_PER_USD_MEAN_OF_MONTHS"]
    check(len(macro) == 1, "KZT_PER_USD_MEAN_OF_MONTHS 2024 not found in macro_annual.csv")
    kzt = macro[0]["value"]
    check(float(kzt) > 0, "bad exchange rate")

    trade = build_trade(args.data, io_, {"kzt_per_usd": kzt})
    E = trade["E"]
    goods = set(trade["ras_rows"]) | set(trade["goods_no_prior"])
    routes_text, carries, route_tot = build_routes(codes, names, E, goods)
    crude_total = sum(E["061"].values())
    cpc = sum(E["061"][p] * s for (i, p, s) in carries["CPC"] if i == "061")
    routes_info = {"cpc_crude_share": cpc / crude_total}

    out = Writer(args.out)
    tol = "1.0e-9"
    out.text("model.yaml", model_yaml(codes, names, kzt, tol))
    n = len(codes)
    out.csv("Z.csv", ["code", "name"] + codes,
            [[c, names[c]] + [num(v) for v in built["Z"][a]] for a, c in enumerate(codes)])
    out.csv("Y.csv", ["code", "name"] + FD_CODES,
            [[c, names[c]] + [num(v) for v in built["Y"][a]] for a, c in enumerate(codes)])
    out.csv("V.csv", ["code", "name"] + built["cols_v"],
            [[k, VA_META[k][0]] + [num(v) for v in built["V"][k]] for k in VA_META])
    out.csv("Zm.csv", ["code", "name"] + codes,
            [[c, names[c]] + [num(v) for v in built["Zm"][a]] for a, c in enumerate(codes)])
    out.csv("Ym.csv", ["code", "name"] + FD_CODES,
            [[c, names[c]] + [num(v) for v in built["Ym"][a]] for a, c in enumerate(codes)])
    out.csv("final_use_taxes.csv", ["code", "name"] + FD_CODES,
            [[c, names[c]] + [num(v) for v in built["Tf"][a]] for a, c in enumerate(codes)])
    plist = list(PARTNERS)
    out.csv("exports.csv", ["code", "name"] + plist,
            [[c, names[c]] + [num(E[c][p]) for p in plist] for c in codes])
    out.csv("import_origin.csv", ["code", "name"] + plist,
            [[c, names[c]] + [num(trade["origin"][c][p]) for p in plist] for c in codes])
    for c in codes:
        check(abs(sum(trade["origin"][c].values()) - 1.0) < 1e-12, "import origin row %s != 1" % c)
    out.text("routes.yaml", routes_text)
    out.csv("aggregations/sections.csv", ["code", "group", "group_name"],
            [[c, section_of(c), SECTION_NAMES[section_of(c)]] for c in codes])
    member = {}
    for g, gname, members in SECTORS20:
        for c in members:
            check(c in codes, "sectors20: unknown product %s" % c)
            check(c not in member, "sectors20: product %s in two groups" % c)
            member[c] = (g, gname)
    check(set(member) == set(codes), "sectors20: products missing: %s" % sorted(set(codes) - set(member)))
    out.csv("aggregations/sectors20.csv", ["code", "group", "group_name"],
            [[c, member[c][0], member[c][1]] for c in codes])
    out.text("README.md", readme(args.data, io_, built, trade, routes_info, kzt))
    out.flush()

    # Console summary.
    for line in built["log"] + trade["log"]:
        print(line)
    print("export partner shares (BNS target / goods purchasers' RAS / all exports basic):")
    for p in plist:
        d = trade["diag"]
        print("  %-4s %s  %s  %s" % (p, pct(d["bns_target"][p]), pct(d["goods_pp_ras"][p]),
                                     pct(d["all_basic"][p])))
    print("CPC share of crude exports: %s" % pct(routes_info["cpc_crude_share"]))
    print("wrote %d files to %s" % (len(out.files), args.out))


if __name__ == "__main__":
    main()
