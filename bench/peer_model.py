#!/usr/bin/env python3
"""Turns a table of ../shared/tools/gen_mrio.py (Z.csv, Y.csv, x.csv) into a spillover
model folder (docs/model-format.md), so that spillover and a numpy/pandas script read the
same numbers.

  peer_model.py PEER_DIR OUT_DIR [--imports SHARE]

Z.csv and Y.csv are linked, not copied. One value-added row closes each column:
V = x - column sums of Z. With --imports SHARE, that share of every intermediate flow is
written as imported (Zm.csv) instead of domestic, and x and V are recomputed, so that the
model has imports and every account still balances. Needs numpy (Debian's python3-numpy).
"""

import argparse
import os

import numpy as np


def read_labelled(path):
    with open(path) as f:
        header = f.readline().rstrip("\n").split(",")
        labels, rows = [], []
        for line in f:
            cells = line.rstrip("\n").split(",")
            labels.append(cells[0])
            rows.append([float(c) for c in cells[1:]])
    return header[1:], labels, np.array(rows)


def write_labelled(path, labels, columns, values):
    with open(path, "w") as f:
        f.write("code," + ",".join(columns) + "\n")
        for label, row in zip(labels, values):
            f.write(label + "," + ",".join(repr(float(v)) for v in row) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("peer_dir")
    parser.add_argument("out_dir")
    parser.add_argument("--imports", type=float, default=0.0)
    args = parser.parse_args()
    peer = os.path.abspath(args.peer_dir)
    os.makedirs(args.out_dir, exist_ok=True)
    categories, labels, y = read_labelled(os.path.join(peer, "Y.csv"))
    files = ["  intermediate: Z.csv", "  final_demand: Y.csv", "  value_added: V.csv"]
    if args.imports > 0:
        _, _, z = read_labelled(os.path.join(peer, "Z.csv"))
        zm = args.imports * z
        z = z - zm
        write_labelled(os.path.join(args.out_dir, "Z.csv"), labels, labels, z)
        write_labelled(os.path.join(args.out_dir, "Zm.csv"), labels, labels, zm)
        files.append("  imports_intermediate: Zm.csv")
        x = z.sum(axis=1) + y.sum(axis=1)
        inputs = z.sum(axis=0) + zm.sum(axis=0)
    else:
        link = os.path.join(args.out_dir, "Z.csv")
        if os.path.lexists(link):
            os.remove(link)
        os.symlink(os.path.join(peer, "Z.csv"), link)
        _, _, xv = read_labelled(os.path.join(peer, "x.csv"))
        x = xv[:, 0]
        # Column sums of Z without holding it: one row at a time.
        inputs = np.zeros(len(labels))
        with open(os.path.join(peer, "Z.csv")) as f:
            f.readline()
            for line in f:
                inputs += np.array([float(c) for c in line.split(",")[1:]])
    link = os.path.join(args.out_dir, "Y.csv")
    if os.path.lexists(link):
        os.remove(link)
    os.symlink(os.path.join(peer, "Y.csv"), link)
    write_labelled(os.path.join(args.out_dir, "V.csv"), ["VA"], labels, [x - inputs])
    kinds = {"FD_HH": "households", "FD_GOV": "government", "FD_GFCF": "investment"}
    with open(os.path.join(args.out_dir, "model.yaml"), "w") as f:
        f.write("format: 1\nname: peer_%d\nyear: 2020\ncurrency: USD\nunit: USD million\n"
                % len(labels))
        f.write("regions:\n  - {code: W, name: World}\nsectors:\n")
        f.writelines("  - {code: %s, name: %s}\n" % (s, s) for s in labels)
        f.write("final_demand:\n")
        f.writelines("  - {code: %s, name: %s, kind: %s}\n" % (c, c, kinds.get(c, "other"))
                     for c in categories)
        f.write("value_added:\n  - {code: VA, name: Value added, kind: operating_surplus}\n")
        f.write("files:\n" + "\n".join(files) + "\nchecks:\n  balance_tolerance: 1.0e-6\n")


if __name__ == "__main__":
    main()
