#!/usr/bin/env python3
"""The references of bench/whole_process.sh, each a whole process like `spillover run`.

  peer_scripts.py pymrio PEER_DIR        read Z, Y, x with pandas; A, L = inv(I - A), x = L y
                                         (pymrio's calc_A, calc_L, calc_x_from_L: pymrio
                                         itself is not installable here, so this script does
                                         the same numpy/pandas operations)
  peer_scripts.py read PEER_DIR          pandas read_csv of Z, Y and x only
  peer_scripts.py sweep MODEL_DIR N OUT  N demand points as one batched numpy solve, with
                                         GVA and imports per point, written as CSV
Prints the seconds of the timed part on standard error.
"""

import os
import sys
import time

import numpy as np
import pandas as pd


def read(folder, names=("Z.csv", "Y.csv", "x.csv")):
    return [pd.read_csv(os.path.join(folder, n), index_col=0) for n in names]


def main():
    mode, folder = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    if mode == "read":
        read(folder)
    elif mode == "pymrio":
        z, y, x = read(folder)
        xv = x.values[:, 0]
        a = z.values / np.where(xv != 0, xv, 1.0)  # calc_A
        lmat = np.linalg.inv(np.eye(len(xv)) - a)  # calc_L
        out = lmat @ y.values.sum(axis=1)  # calc_x_from_L
        shocked = y.values.sum(axis=1).copy()
        shocked[0] *= 0.9
        change = lmat @ shocked - out
        print("output change %.6g" % change.sum())
    elif mode == "sweep":
        count, out_dir = int(sys.argv[3]), sys.argv[4]
        z, y, v = read(folder, ("Z.csv", "Y.csv", "V.csv"))
        zm = pd.read_csv(os.path.join(folder, "Zm.csv"), index_col=0).values
        x = z.values.sum(axis=1) + y.values.sum(axis=1)
        inv_x = 1.0 / x
        a = z.values * inv_x
        am = zm * inv_x
        gva = v.values[0] * inv_x
        rng = np.random.default_rng(1)
        hh = rng.uniform(-0.1, 0.1, count)
        # Each point scales household demand in every sector: dY = hh * y_households.
        dy = np.outer(y.values[:, 0], hh)
        dx = np.linalg.solve(np.eye(len(x)) - a, dy)
        dgva = gva @ dx
        dimports = am.sum(axis=0) @ dx
        os.makedirs(out_dir, exist_ok=True)
        pd.DataFrame({"point": np.arange(count), "households": hh, "gva_change": dgva,
                      "imports_change": dimports}).to_csv(os.path.join(out_dir, "points.csv"),
                                                         index=False)
    print("%.3f" % (time.perf_counter() - start), file=sys.stderr)


if __name__ == "__main__":
    main()
