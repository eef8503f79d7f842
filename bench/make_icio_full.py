#!/usr/bin/python3
"""Writes a synthetic OECD ICIO table of the full 2025 size (81 countries x 50 industries:
4,053 rows and 4,537 columns, 2025 layout with TLS, VA, OUT rows and an OUT column) for
timing `spillover import icio`. About 40% of the cells are zero, as in the real table.

Usage: /usr/bin/python3 bench/make_icio_full.py OUT_DIR   (writes OUT_DIR/2022_SML.csv)
"""
import pathlib
import sys

import numpy as np

rng = np.random.default_rng(7)
countries = [f"C{i:02d}" for i in range(78)] + ["KAZ", "RUS", "CHN"]
industries = [f"I{j:02d}" for j in range(50)]
cats = ["HFCE", "NPISH", "GGFC", "GFCF", "INVNT", "DPABR"]
rows = [f"{c}_{i}" for c in countries for i in industries]
fd = [f"{c}_{k}" for c in countries for k in cats]
n, f = len(rows), len(fd)
out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
with (out / "2022_SML.csv").open("w") as fh:
    fh.write(",".join(["V1"] + rows + fd + ["OUT"]) + "\n")
    colsum = np.zeros(n + f)
    for i, r in enumerate(rows):
        z = np.round(rng.lognormal(0, 2, n) * (rng.random(n) < 0.6), 3)
        y = np.round(rng.lognormal(2, 1, f) * (rng.random(f) < 0.6), 3)
        cells = np.concatenate([z, y])
        colsum += cells
        fh.write(r + "," + ",".join(map(repr, cells.tolist())) + "," + repr(float(cells.sum())) + "\n")
    tls = np.round(colsum * 0.02, 3)
    va = np.round(colsum * 0.5, 3)
    for label, vals in (("TLS", tls), ("VA", va), ("OUT", colsum)):
        fh.write(label + "," + ",".join(map(repr, vals.tolist())) + ",0\n")
