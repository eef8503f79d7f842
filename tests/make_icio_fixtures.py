#!/usr/bin/python3
"""Writes small synthetic OECD ICIO tables in the three CSV layouts the importer reads.

  2021 edition: industries like 01T02; China and Mexico split into CN1/CN2, MX1/MX2 for
                the industries; rows CCC_TAXSUB per country, VALU, OUTPUT; last column TOTAL.
  2023 edition: industries with underscores (A01_02, B05_06); rows TLS, VA, OUT; last
                column OUT; CN1/CN2 and MX1/MX2 as in 2021.
  2025 edition: industries like A01, B06, C24A, C301; rows TLS, VA, OUT; file 2022_SML.csv.

The countries cover every country model/icio/regions-kaz.csv requires, plus UZB and KGZ
(Central Asia, optional in the mapping) and BRA, IND, MEX (rest of the world). The numbers
are random but reproducible: row sums are output; the published totals differ from them
by up to 2%; the column gaps are up to 1% of output; some inventories and one value added
are negative.

Usage: /usr/bin/python3 tests/make_icio_fixtures.py OUT_DIR
writes OUT_DIR/ICIO2021_2018.csv, OUT_DIR/ICIO2023_2019.csv and OUT_DIR/2022_SML.csv.
"""
import pathlib
import sys

import numpy as np

EU27 = ["AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC",
        "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK",
        "SVN", "ESP", "SWE"]
COUNTRIES = ["KAZ", "RUS", "CHN", "TUR", "USA", "GBR", "JPN", "CAN", "UZB", "KGZ", "BRA", "IND",
             "MEX"] + EU27
INDUSTRIES = {
    "2021": ["01T02", "05T06", "19", "24", "49T53", "84"],
    "2023": ["A01_02", "B05_06", "C19", "C24", "H49", "O84"],
    "2025": ["A01", "B06", "C19", "C24A", "C301", "H49"],
}
CATEGORIES = ["HFCE", "NPISH", "GGFC", "GFCF", "INVNT", "DPABR"]
FILES = {"2021": "ICIO2021_2018.csv", "2023": "ICIO2023_2019.csv", "2025": "2022_SML.csv"}


def industry_countries(layout):
    """Countries as they label industry rows and columns (China, Mexico split before 2025)."""
    out = []
    for c in COUNTRIES:
        if layout != "2025" and c == "CHN":
            out += ["CN1", "CN2"]
        elif layout != "2025" and c == "MEX":
            out += ["MX1", "MX2"]
        else:
            out.append(c)
    return out


def table(layout, seed):
    rng = np.random.default_rng(seed)
    inds = INDUSTRIES[layout]
    rows = [f"{c}_{i}" for c in industry_countries(layout) for i in inds]
    fd = [f"{c}_{k}" for c in COUNTRIES for k in CATEGORIES]
    n, f = len(rows), len(fd)
    country_of = [r.split("_", 1)[0] for r in rows]
    z = rng.lognormal(0.0, 1.0, (n, n)) * (rng.random((n, n)) < 0.5)
    same = np.equal.outer(country_of, country_of)
    z[same] *= 25.0  # domestic blocks dominate
    y = rng.lognormal(2.0, 1.0, (n, f))
    fd_country = [c.split("_", 1)[0] for c in fd]
    home = np.array([[ (rc[:2] == fc[:2]) or rc == fc for fc in fd_country] for rc in country_of])
    y[home] *= 30.0
    inv = [j for j, c in enumerate(fd) if c.endswith("_INVNT")]
    y[:, inv] *= np.where(rng.random((n, len(inv))) < 0.3, -0.2, 0.2)
    # Scale Z so that intermediate use is about half of output.
    x = z.sum(1) + y.sum(1)
    z *= 0.5 * x.sum() / z.sum() * 0.9
    x = z.sum(1) + y.sum(1)
    tax = 0.03 * x * rng.random(n)
    gap = 0.01 * x * (rng.random(n) - 0.5) * 2
    # A negative value added, as real tables have: taxes above what the column leaves.
    tax[5] = x[5] - z[:, 5].sum() - gap[5] + 0.02 * x[5]
    va = x - z.sum(0) - tax - gap
    tax_fd = 0.05 * np.abs(y).sum(0) * rng.random(f)
    published = x * (1 + 0.02 * (rng.random(n) - 0.5) * 2)  # OUT differs from row sums
    return rows, fd, z, y, tax, va, tax_fd, published


def fmt(v):
    return repr(float(v))


def write(layout, out):
    rows, fd, z, y, tax, va, tax_fd, published = table(layout, {"2021": 1, "2023": 2, "2025": 3}[layout])
    total = "TOTAL" if layout == "2021" else "OUT"
    header = ["V1" if layout != "2021" else ""] + rows + fd + [total]
    lines = [",".join(header)]
    for i, r in enumerate(rows):
        cells = list(z[i]) + list(y[i])
        lines.append(",".join([r] + [fmt(v) for v in cells] + [fmt(published[i])]))
    n = len(rows)
    if layout == "2021":
        # Taxes split over the countries' TAXSUB rows; they add up to the same totals.
        weights = np.linspace(1, 2, len(COUNTRIES))
        weights /= weights.sum()
        for w, c in zip(weights, COUNTRIES):
            cells = list(tax * w) + list(tax_fd * w)
            lines.append(",".join([f"{c}_TAXSUB"] + [fmt(v) for v in cells] + ["0"]))
        va_label, out_label = "VALU", "OUTPUT"
    else:
        lines.append(",".join(["TLS"] + [fmt(v) for v in list(tax) + list(tax_fd)] + ["0"]))
        va_label, out_label = "VA", "OUT"
    lines.append(",".join([va_label] + [fmt(v) for v in list(va) + [0.0] * len(fd)] + ["0"]))
    lines.append(",".join([out_label] + [fmt(v) for v in list(published) + [0.0] * len(fd)] + ["0"]))
    path = out / FILES[layout]
    path.write_text("\n".join(lines) + "\n")
    return path


if __name__ == "__main__":
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for layout in ("2021", "2023", "2025"):
        print(write(layout, out))
