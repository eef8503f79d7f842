#!/usr/bin/env python3
"""Figures of docs/validation.md: the Kazakhstan 2024 model beside published figures.

Reads the model folder (model/kaz-2024) and the raw data (shared/data, see SOURCES.md);
Python standard library only. Prints every figure quoted in docs/validation.md.

    python3 scripts/validation_figures.py                 # defaults below
    python3 scripts/validation_figures.py --model model/kaz-2024 --data ../shared/data \
        --spillover build/src/spillover                   # also runs the sanctions scenario

The headline sanctions scenario (scenarios/russia-sanctions-2022.yaml) is run through the
CLI when both the file and the binary exist; otherwise that figure is reported as missing.
"""

import argparse
import csv
import os
import re
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

EU27 = {"AUT", "BEL", "BGR", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GRC",
        "HRV", "HUN", "IRL", "ITA", "LTU", "LUX", "LVA", "MLT", "NLD", "POL", "PRT", "ROU",
        "SVK", "SVN", "SWE"}
CAS = {"KGZ", "TJK", "TKM", "UZB"}


# ----------------------------------------------------------------------------- reading

def read_labelled(path):
    """A labelled CSV: (row codes, column codes, rows of floats). Skips a 'name' /
    'row_name' column; empty cells read as None."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    first = 2 if len(header) > 1 and header[1] in ("name", "row_name") else 1
    cols = header[first:]
    codes, values = [], []
    for r in rows[1:]:
        if not r:
            continue
        codes.append(r[0])
        values.append([float(c) if c != "" else None for c in r[first:]])
    return codes, cols, values


def column(cols, values, name):
    j = cols.index(name)
    return [row[j] for row in values]


def read_long(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# ----------------------------------------------------------------------------- algebra

def lu_factor(a):
    """LU with partial pivoting of a square matrix (list of lists): (lu, perm)."""
    n = len(a)
    lu = [row[:] for row in a]
    perm = list(range(n))
    for k in range(n):
        p = max(range(k, n), key=lambda i: abs(lu[i][k]))
        if lu[p][k] == 0.0:
            raise ValueError("singular matrix")
        if p != k:
            lu[k], lu[p] = lu[p], lu[k]
            perm[k], perm[p] = perm[p], perm[k]
        pivot = lu[k][k]
        for i in range(k + 1, n):
            f = lu[i][k] / pivot
            lu[i][k] = f
            if f != 0.0:
                rk, ri = lu[k], lu[i]
                for j in range(k + 1, n):
                    ri[j] -= f * rk[j]
    return lu, perm


def lu_solve(factor, b):
    """Solves M x = b."""
    lu, perm = factor
    n = len(lu)
    y = [b[perm[i]] for i in range(n)]
    for i in range(n):
        y[i] -= sum(lu[i][j] * y[j] for j in range(i))
    for i in reversed(range(n)):
        y[i] = (y[i] - sum(lu[i][j] * y[j] for j in range(i + 1, n))) / lu[i][i]
    return y


def lu_solve_transposed(factor, c):
    """Solves M' z = c (M = P'LU, so M' = U'L'P)."""
    lu, perm = factor
    n = len(lu)
    w = c[:]
    for i in range(n):  # U' w = c
        w[i] = (w[i] - sum(lu[j][i] * w[j] for j in range(i))) / lu[i][i]
    for i in reversed(range(n)):  # L' v = w
        w[i] -= sum(lu[j][i] * w[j] for j in range(i + 1, n))
    z = [0.0] * n
    for i in range(n):
        z[perm[i]] = w[i]
    return z


def i_minus(a):
    n = len(a)
    return [[(1.0 if i == j else 0.0) - a[i][j] for j in range(n)] for i in range(n)]


def dot(u, v):
    return sum(p * q for p, q in zip(u, v))


def safe_div(a, b):
    return a / b if b != 0.0 else 0.0


# ----------------------------------------------------------------------------- model

class KazModel:
    def __init__(self, folder):
        self.folder = folder
        self.sectors, _, z = read_labelled(os.path.join(folder, "Z.csv"))
        _, self.categories, y = read_labelled(os.path.join(folder, "Y.csv"))
        self.va_codes, va_cols, v = read_labelled(os.path.join(folder, "V.csv"))
        _, _, zm = read_labelled(os.path.join(folder, "Zm.csv"))
        _, _, ym = read_labelled(os.path.join(folder, "Ym.csv"))
        ex_rows, self.partners, ex = read_labelled(os.path.join(folder, "exports.csv"))
        io_rows, io_cols, origin = read_labelled(os.path.join(folder, "import_origin.csv"))
        assert ex_rows == self.sectors and io_rows == self.sectors and io_cols == self.partners
        n = len(self.sectors)
        self.n = n
        self.z, self.y, self.zm, self.ym = z, y, zm, ym
        self.exports_by_partner = ex
        self.import_origin = origin
        self.x = [sum(z[i]) + sum(y[i]) for i in range(n)]
        sector_cols = [va_cols.index(s) for s in self.sectors]
        tax_row = v[self.va_codes.index("D21X31")]
        self.gva = [sum(v[k][c] for k in range(len(v)) if self.va_codes[k] != "D21X31")
                    for c in sector_cols]
        self.tax_inputs = [tax_row[c] for c in sector_cols]
        self.tax_final = {f: tax_row[va_cols.index(f)] for f in self.categories}
        self.e = column(self.categories, y, "P6")  # domestic exports, basic prices
        self.imports = [sum(zm[i]) + sum(ym[i]) for i in range(n)]  # M_i
        # Domestic (non-competitive) coefficients A_d = Z / x.
        self.a = [[safe_div(z[i][j], self.x[j]) for j in range(n)] for i in range(n)]
        self.lu = lu_factor(i_minus(self.a))
        self.v_gva = [safe_div(self.gva[j], self.x[j]) for j in range(n)]
        self.v_tax = [safe_div(self.tax_inputs[j], self.x[j]) for j in range(n)]
        self.m = [safe_div(sum(zm[i][j] for i in range(n)), self.x[j]) for j in range(n)]

    def multipliers(self, costs):
        """c' L for a cost row c (per unit of output)."""
        return lu_solve_transposed(self.lu, costs)

    def competitive_a(self):
        """A_c = (Z + Zm) / (x + M), the BNS table-9 coefficients."""
        n = self.n
        ts = [self.x[j] + self.imports[j] for j in range(n)]
        return [[safe_div(self.z[i][j] + self.zm[i][j], ts[j]) for j in range(n)]
                for i in range(n)]


# ----------------------------------------------------------------------------- routes

def read_routes(path):
    """Minimal reader for model/kaz-2024/routes.yaml (the generated layout only):
    [(code, via list, [(product, partner, share)])]."""
    routes = []
    code_re = re.compile(r"^  - code: (\S+)")
    via_re = re.compile(r"^    via: \[(.*)\]")
    carry_re = re.compile(
        r'^      - \{product: "([^"]+)", partner: (\w+), share: ([0-9.eE+-]+)\}')
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = code_re.match(line)
            if m:
                routes.append([m.group(1), [], []])
                continue
            m = via_re.match(line)
            if m and routes:
                routes[-1][1] = [t.strip() for t in m.group(1).split(",") if t.strip()]
                continue
            m = carry_re.match(line)
            if m and routes:
                routes[-1][2].append((m.group(1), m.group(2), float(m.group(3))))
    return routes


# ----------------------------------------------------------------------------- report

def pct(x):
    return f"{100.0 * x:.2f}%"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=os.path.join(REPO, "model", "kaz-2024"))
    ap.add_argument("--data", default=os.path.join(REPO, "..", "shared", "data"))
    ap.add_argument("--spillover", default=os.path.join(REPO, "build", "src", "spillover"),
                    help="the spillover binary, to run the sanctions scenario")
    ap.add_argument("--scenario",
                    default=os.path.join(REPO, "scenarios", "russia-sanctions-2022.yaml"))
    args = ap.parse_args()
    data = args.data
    md = KazModel(args.model)
    n, s = md.n, md.sectors
    idx = {c: i for i, c in enumerate(s)}

    print("# Validation figures (scripts/validation_figures.py)")
    print(f"model: {os.path.relpath(args.model, REPO)}; data: {os.path.relpath(data, REPO)}\n")

    # --- totals
    gdp = sum(md.gva) + sum(md.tax_inputs) + sum(md.tax_final.values())
    print("## Totals (thousand KZT)")
    print(f"output {sum(md.x):,.0f}; GVA {sum(md.gva):,.0f}; "
          f"net taxes {sum(md.tax_inputs) + sum(md.tax_final.values()):,.0f}; GDP {gdp:,.0f}")
    print(f"exports (basic) {sum(md.e):,.0f}; net taxes on exports {md.tax_final['P6']:,.0f}; "
          f"imports {sum(md.imports):,.0f}\n")

    # --- 1. domestic value added in exports
    e_total = sum(md.e)
    mult_gva = md.multipliers(md.v_gva)
    mult_tax = md.multipliers(md.v_tax)
    mult_imp = md.multipliers(md.m)
    mult_out = md.multipliers([1.0] * n)
    dva_gva = dot(mult_gva, md.e) / e_total
    dva_tax = dot(mult_tax, md.e) / e_total
    imp_content = dot(mult_imp, md.e) / e_total
    dva_with_taxes = dva_gva + dva_tax
    t_exp = md.tax_final["P6"]
    dva_pp = (dva_with_taxes * e_total + t_exp) / (e_total + t_exp)
    print("## 1. Domestic value added in exports (model, 2024)")
    print(f"DVA share (standard: value added at basic prices, as Hummels-Ishii-Yi, "
          f"Koopman-Wang-Wei, OECD TiVA) = v_gva' L_d e / sum(e) = {dva_gva:.4f}")
    print(f"variant counting the net product taxes paid on inputs as domestic: "
          f"(v_gva + v_tax)' L_d e / sum(e) = {dva_with_taxes:.4f} "
          f"(GVA {dva_gva:.4f} + net product taxes on inputs {dva_tax:.4f})")
    print(f"import content of exports m' L_d e / sum(e) = {imp_content:.4f}; "
          f"DVA + taxes on inputs + import content = {dva_with_taxes + imp_content:.15f}")
    print(f"variant counting the net taxes on inputs and on exports (export duty) as domestic "
          f"value added, on exports at purchasers' prices: {dva_pp:.4f}")
    dec = {(r["year"], r["component"]): float(r["value"])
           for r in read_long(os.path.join(data, "adb-gvc", "kaz_export_va_decomposition.csv"))}
    for year in ("2021", "2022"):
        ex = dec[(year, "exports")]
        dom = dec[(year, "davax")] + dec[(year, "rex")] + dec[(year, "ref")]
        alt = ex - dec[(year, "fva")] - dec[(year, "pdc")]
        print(f"ADB {year}: (DAVAX+REX+REF)/exports = {dom / ex:.4f}; "
              f"(exports-FVA-PDC)/exports = {alt / ex:.4f}; FVA/exports = "
              f"{dec[(year, 'fva')] / ex:.4f}; PDC/exports = {dec[(year, 'pdc')] / ex:.4f}")
    by_sector = {}
    for r in read_long(os.path.join(data, "adb-gvc",
                                    "kaz_export_va_decomposition_by_sector_2022.csv")):
        by_sector.setdefault(r["sector"], {})[r["component"]] = float(r["value"])
    mining = by_sector.get("Mining")
    if mining:
        ex = mining["exports"]
        dom = mining["davax"] + mining["rex"] + mining["ref"]
        mining_codes = [c for c in ("05", "061", "062", "071", "072", "08", "09") if c in idx]
        e_min = sum(md.e[idx[c]] for c in mining_codes)
        dva_min = sum(mult_gva[idx[c]] * md.e[idx[c]] for c in mining_codes) / e_min
        dva_min_tax = sum((mult_gva[idx[c]] + mult_tax[idx[c]]) * md.e[idx[c]]
                          for c in mining_codes) / e_min
        print(f"ADB 2022 Mining sector: DVA share {dom / ex:.4f}, FVA share "
              f"{mining['fva'] / ex:.4f}; model mining products {', '.join(mining_codes)}: "
              f"DVA share {dva_min:.4f} (with taxes on inputs {dva_min_tax:.4f}; "
              f"exports {e_min:,.0f})")
    print()

    # --- 2. multipliers
    _, t10_cols, t10 = read_labelled(os.path.join(data, "kz-io-2024", "t10_leontief_inverse.csv"))
    t10_colsum = {c: sum(row[j] for row in t10) for j, c in enumerate(t10_cols)}
    ac = md.competitive_a()
    lu_c = lu_factor(i_minus(ac))
    mult_c = lu_solve_transposed(lu_c, [1.0] * n)
    ts = [md.x[j] + md.imports[j] for j in range(n)]
    print("## 2. Type-I output multipliers (column sums of L)")
    print("code | model L_d | BNS t10 L_c | L_c from model files | ratio | "
          "imported inputs / output | M/(x+M) | GVA mult. L_d")
    for c in ("061", "071", "072", "241", "242", "243", "244", "245"):
        j = idx[c]
        print(f"{c} | {mult_out[j]:.4f} | {t10_colsum[c]:.4f} | {mult_c[j]:.4f} | "
              f"{t10_colsum[c] / mult_out[j]:.3f} | {md.m[j]:.4f} | "
              f"{md.imports[j] / ts[j]:.4f} | {mult_gva[j]:.4f}")
    larger = sum(1 for c in s if t10_colsum[c] > mult_out[idx[c]] + 1e-12)
    print(f"BNS (competitive) column sum larger than the domestic one for {larger} of {n} "
          f"products; economy-wide mean {sum(t10_colsum.values()) / n:.4f} vs "
          f"{sum(mult_out) / n:.4f}\n")

    # --- 3. exports through Russia
    routes = read_routes(os.path.join(args.model, "routes.yaml"))
    pcol = {p: k for k, p in enumerate(md.partners)}

    def flow(product, partner):
        return md.exports_by_partner[idx[product]][pcol[partner]]

    ex_all = sum(sum(r) for r in md.exports_by_partner)
    via_rus, crude_via_rus, cpc = 0.0, 0.0, 0.0
    for code, via, carries in routes:
        carried = sum(share * flow(p, q) for p, q, share in carries)
        crude = sum(share * flow(p, q) for p, q, share in carries if p == "061")
        if "RUS" in via:
            via_rus += carried
            crude_via_rus += crude
        if code == "CPC":
            cpc = crude
    crude_total = sum(md.exports_by_partner[idx["061"]])
    on_routes = set()
    for _, _, carries in routes:
        on_routes.update(p for p, _, _ in carries)
    goods_total = sum(sum(md.exports_by_partner[idx[p]]) for p in on_routes)
    to_rus = sum(r[pcol["RUS"]] for r in md.exports_by_partner)
    print("## 3. Exports carried through Russia (routes.yaml x exports.csv, basic prices)")
    print(f"via RUS: {via_rus:,.0f} = {pct(via_rus / ex_all)} of all exports, "
          f"{pct(via_rus / goods_total)} of exports of the products on routes")
    print(f"crude 061: via RUS {pct(crude_via_rus / crude_total)}, CPC alone "
          f"{pct(cpc / crude_total)} of crude exports {crude_total:,.0f}")
    print(f"to or through Russia (+ exports to RUS): {pct((via_rus + to_rus) / ex_all)} of all "
          f"exports")
    # Exposure: domestic value added (GVA + net taxes on inputs) embodied in those flows,
    # as a share of GDP (the taxes on exports, a final-use column of V, are not included).
    e_via = [0.0] * n
    for _, via, carries in routes:
        if "RUS" in via:
            for p, q, share in carries:
                e_via[idx[p]] += share * flow(p, q)
    e_to = [r[pcol["RUS"]] for r in md.exports_by_partner]
    va_mult = [g + t for g, t in zip(mult_gva, mult_tax)]
    print(f"GDP embodied in exports through Russia: {pct(dot(va_mult, e_via) / gdp)} of GDP; "
          f"in exports to Russia: {pct(dot(va_mult, e_to) / gdp)}; in all exports: "
          f"{pct(dot(va_mult, md.e) / gdp)}\n")

    # --- 4. foreign value added, Russia as origin
    # Imports embodied in exports, by imported product i: (Am L_d e)_i.
    le = lu_solve(md.lu, md.e)
    embodied = [sum(md.zm[i][j] / md.x[j] * le[j] for j in range(n) if md.x[j] != 0.0)
                for i in range(n)]
    emb_total = sum(embodied)
    rus = md.partners.index("RUS")
    rus_emb = sum(embodied[i] * md.import_origin[i][rus] for i in range(n)) / emb_total
    rus_imp = sum(md.imports[i] * md.import_origin[i][rus] for i in range(n)) / sum(md.imports)
    shares = {(r["year"], r["measure"], r["partner"]): float(r["share"]) for r in
              read_long(os.path.join(data, "adb-gvc",
                                     "kaz_partner_shares_exports_va_fva_origin.csv"))}
    print("## 4. Foreign value added / import content of exports")
    print(f"model import content of exports {imp_content:.4f} (= {emb_total / e_total:.4f})")
    print(f"model RUS share of imports embodied in exports {pct(rus_emb)}; "
          f"of all imports {pct(rus_imp)}")
    for year in ("2021", "2022"):
        print(f"ADB {year}: FVA origin RUS {pct(shares[(year, 'FVA origin', 'RUS')])}, "
              f"CHN {pct(shares[(year, 'FVA origin', 'CHN')])}")
    trade = read_long(os.path.join(data, "kz-trade", "bns_trade_by_partner_annual.csv"))
    for year in ("2021", "2022", "2024"):
        imp = [r for r in trade if r["year"] == year and r["flow"] == "import"]
        tot = sum(float(r["value_usd"]) for r in imp)
        ru = sum(float(r["value_usd"]) for r in imp if r["partner"] == "RUS")
        print(f"BNS customs {year}: RUS share of goods imports {pct(ru / tot)}")
    for year in ("2021", "2022", "2024"):
        ru = sum(float(r["value_usd"]) for r in trade
                 if r["year"] == year and r["flow"] == "export" and r["partner"] == "RUS")
        tot = sum(float(r["value_usd"]) for r in trade
                  if r["year"] == year and r["flow"] == "export")
        print(f"BNS customs {year}: goods exports to RUS {ru / 1e9:.2f} bn USD "
              f"({pct(ru / tot)} of goods exports)")
    print()

    # --- 5. export partner shares (BNS 2024 vs exports.csv)
    print("## 5. Export partner shares, exports.csv vs BNS customs 2024 (goods)")
    exp24 = [r for r in trade if r["year"] == "2024" and r["flow"] == "export"]
    tot = sum(float(r["value_usd"]) for r in exp24)

    def group(p):
        if p in ("RUS", "CHN", "TUR"):
            return p
        if p in EU27:
            return "EU"
        if p in CAS:
            return "CAS"
        return "ROW"

    bns = {}
    for r in exp24:
        bns[group(r["partner"])] = bns.get(group(r["partner"]), 0.0) + float(r["value_usd"])
    for p in md.partners:
        model_share = sum(r[pcol[p]] for r in md.exports_by_partner) / ex_all
        print(f"{p}: model {pct(model_share)}, BNS {pct(bns.get(p, 0.0) / tot)}")
    print()

    # --- 6. growth 2022 and the sanctions scenario
    macro = {(r["year"], r["indicator"]): float(r["value"])
             for r in read_long(os.path.join(data, "kz-macro", "macro_annual.csv"))}
    print("## 6. Growth 2021-2022 (kz-macro/macro_annual.csv)")
    for year in ("2021", "2022"):
        print(f"{year}: BNS volume index {macro[(year, 'GDP_VOLUME_INDEX_BNS')] - 100:.1f}%, "
              f"IMF WEO growth {macro[(year, 'GDP_REAL_GROWTH_IMF')]:.1f}%")
    if os.path.exists(args.scenario) and os.path.exists(args.spillover):
        out = subprocess.run([args.spillover, "run", args.scenario, "--format", "csv"],
                             capture_output=True, text=True, check=False)
        if out.returncode != 0:
            print(f"scenario run failed ({out.returncode}): {out.stderr.strip()}")
        else:
            for r in csv.DictReader(out.stdout.splitlines()):
                if r["variable"] in ("gdp", "output", "exports", "imports") and \
                        r["sector"] == "ALL" and r["region"] not in md.partners:
                    print(f"scenario {r['scenario']}: {r['variable']} {float(r['pct_change']):.3f}%")
    else:
        print(f"scenario not run: {os.path.relpath(args.scenario, REPO)} "
              f"{'exists' if os.path.exists(args.scenario) else 'does not exist'}; binary "
              f"{'found' if os.path.exists(args.spillover) else 'not found'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
