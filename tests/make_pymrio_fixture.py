#!/usr/bin/python3
"""Writes pymrio's small two-region test system (td_small_MRIO of pymrio's
tests/test_math.py: 2 regions x 3 sectors, one final-demand category, two stressors) in
the folder format of pymrio's IOSystem.save_all: DataFrame.to_csv with sep='\\t' and
float_format='%.12g', file_parameters.json per folder, one subfolder per extension.

Usage: /usr/bin/python3 tests/make_pymrio_fixture.py OUT_DIR
"""
import json
import pathlib
import sys

import pandas as pd

sectors = ["sector1", "sector2", "sector3"]
regions = ["reg1", "reg2"]
zidx = pd.MultiIndex.from_product([regions, sectors], names=["region", "sector"])
yidx = pd.MultiIndex.from_product([regions, ["final demand"]], names=["region", "category"])
Z = pd.DataFrame([[10, 5, 1, 6, 5, 7], [0, 2, 0, 0, 5, 3], [10, 3, 20, 4, 2, 0],
                  [5, 0, 0, 1, 10, 9], [0, 10, 1, 0, 20, 1], [5, 0, 0, 1, 10, 10]],
                 index=zidx, columns=zidx, dtype="float64")
Y = pd.DataFrame([[14, 3], [2.5, 2.5], [13, 6], [5, 20], [10, 10], [3, 10]],
                 index=zidx, columns=yidx, dtype="float64")
sidx = pd.Index(["ext_type_1", "ext_type_2"], name="stressor")
F = pd.DataFrame([[20, 1, 42, 4, 20, 5], [5, 4, 11, 8, 2, 10]], index=sidx, columns=zidx,
                 dtype="float64")
F_Y = pd.DataFrame([[50, 10], [100, 20]], index=sidx, columns=yidx, dtype="float64")


def save(folder, frames, systemtype, name=None):
    folder.mkdir(parents=True, exist_ok=True)
    para = {"files": {}, "systemtype": systemtype}
    if name is not None:
        para["name"] = name
    for key, df in frames.items():
        df.to_csv(folder / f"{key}.txt", sep="\t", float_format="%.12g")
        para["files"][key] = {
            "name": f"{key}.txt",
            "nr_index_col": str(df.index.nlevels),
            "nr_header": str(df.columns.nlevels),
        }
    with (folder / "file_parameters.json").open("w") as f:
        json.dump(para, f, indent=4)


out = pathlib.Path(sys.argv[1])
unit = pd.DataFrame({"unit": ["EUR"] * 6}, index=zidx)
save(out, {"Z": Z, "Y": Y, "unit": unit}, "IOSystem")
with (out / "metadata.json").open("w") as f:
    json.dump({"description": "td_small_MRIO of pymrio's tests", "name": "small_mrio",
               "system": "ixi", "version": "test", "history": []}, f, indent=4)
ext_unit = pd.DataFrame({"unit": ["kg", "kg"]}, index=sidx)
save(out / "emissions", {"F": F, "F_Y": F_Y, "unit": ext_unit}, "Extension", "Emissions")
