"""Multi-regional models end to end: the ICIO importer on the three layouts written by
tests/make_icio_fixtures.py, checked against an independent reading of the same CSV with
pandas and numpy. Run by ctest (mrio_pytest) with SPILLOVER_BINARY and SPILLOVER_SOURCE_DIR.
"""
import io
import os
import pathlib
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

BINARY = os.environ.get("SPILLOVER_BINARY", "build/src/spillover")
SOURCE = pathlib.Path(os.environ.get("SPILLOVER_SOURCE_DIR", "."))
MAPPING = SOURCE / "model" / "icio" / "regions-kaz.csv"
FILES = {"2021": "ICIO2021_2018.csv", "2023": "ICIO2023_2019.csv", "2025": "2022_SML.csv"}
ALIAS = {"CN1": "CHN", "CN2": "CHN", "MX1": "MEX", "MX2": "MEX"}


@pytest.fixture(scope="session")
def fixtures(tmp_path_factory):
    out = tmp_path_factory.mktemp("icio")
    subprocess.run([sys.executable, str(SOURCE / "tests" / "make_icio_fixtures.py"), str(out)],
                   check=True, capture_output=True)
    return out


def run(*args):
    return subprocess.run([BINARY, *map(str, args)], capture_output=True, text=True)


def import_icio(fixtures, layout, tmp_path, mapping=True):
    out = tmp_path / f"model_{layout}_{mapping}"
    args = ["import", "icio", fixtures / FILES[layout], "--out", out, "--focus", "KAZ"]
    if mapping:
        args += ["--regions", MAPPING]
    else:
        args = args[:-2]
    result = run(*args)
    assert result.returncode == 0, result.stderr
    return out, result.stdout


def region_map():
    m = pd.read_csv(MAPPING, comment="#")
    lookup = dict(zip(m.country, m.region))
    return lambda country: lookup.get(country, lookup["*"])


def independent_output(path, mapping):
    """x by (region, industry) from the raw CSV: row sums of the industry rows, without the
    total column, with CN1/CN2 and MX1/MX2 merged and countries mapped to regions."""
    raw = pd.read_csv(path, index_col=0)
    raw = raw.drop(columns=[c for c in ("TOTAL", "OUT") if c in raw.columns])
    rows = [r for r in raw.index if "_" in r and not r.endswith("_TAXSUB")]
    x = raw.loc[rows].sum(axis=1)
    keys = []
    for label in rows:
        country, industry = label.split("_", 1)
        keys.append(f"{mapping(ALIAS.get(country, country))}:{industry}")
    return x.groupby(keys).sum()


@pytest.mark.parametrize("layout", ["2021", "2023", "2025"])
def test_import_reproduces_output(fixtures, tmp_path, layout):
    out, stdout = import_icio(fixtures, layout, tmp_path)
    assert "largest column gap" in stdout
    z = pd.read_csv(out / "Z.csv", index_col=0)
    y = pd.read_csv(out / "Y.csv", index_col=0)
    x_model = z.sum(axis=1) + y.sum(axis=1)
    expected = independent_output(fixtures / FILES[layout], region_map())
    assert sorted(x_model.index) == sorted(expected.index)
    np.testing.assert_allclose(x_model[expected.index].to_numpy(), expected.to_numpy(),
                               rtol=1e-12)
    # Six final-demand categories per region, the mapping's regions in its order.
    assert len(y.columns) == 6 * 9
    assert list(y.columns[:6]) == [f"KAZ:{c}" for c in
                                   ("HFCE", "NPISH", "GGFC", "GFCF", "INVNT", "DPABR")]
    # The columns balance once the residual row is counted.
    v = pd.read_csv(out / "V.csv", index_col=0)
    inputs = z.sum(axis=0) + v[z.columns].sum(axis=0)
    np.testing.assert_allclose(inputs.to_numpy(), x_model[z.columns].to_numpy(), rtol=1e-9)
    check = run("model", "check", out)
    assert check.returncode == 0, check.stderr


def test_import_without_mapping_keeps_every_country(fixtures, tmp_path):
    out, _ = import_icio(fixtures, "2025", tmp_path, mapping=False)
    z = pd.read_csv(out / "Z.csv", index_col=0)
    assert len(z) == 40 * 6
    x_model = z.sum(axis=1) + pd.read_csv(out / "Y.csv", index_col=0).sum(axis=1)
    expected = independent_output(fixtures / FILES["2025"], lambda c: c)
    np.testing.assert_allclose(x_model[expected.index].to_numpy(), expected.to_numpy(),
                               rtol=1e-12)


def blocked_output(model, sellers, buyers, products, share):
    """x = (I - A_new)^-1 y_new with A and Y cells of sellers' products to buyers cut."""
    z = pd.read_csv(model / "Z.csv", index_col=0)
    y = pd.read_csv(model / "Y.csv", index_col=0)
    x = z.sum(axis=1) + y.sum(axis=1)
    a = z.to_numpy() / np.where(x.to_numpy() == 0, 1, x.to_numpy())[None, :]
    yv = y.to_numpy().copy()
    rows = [i for i, c in enumerate(z.index)
            if c.split(":")[0] in sellers and (products is None or c.split(":")[1] in products)]
    cols = [j for j, c in enumerate(z.columns) if c.split(":")[0] in buyers]
    fcols = [f for f, c in enumerate(y.columns) if c.split(":")[0] in buyers]
    for i in rows:
        a[i, cols] *= 1 - share
        yv[i, fcols] *= 1 - share
    return pd.Series(np.linalg.solve(np.eye(len(x)) - a, yv.sum(axis=1)), index=z.index)


@pytest.mark.parametrize("scenario,products", [
    ("eu-g7-russian-energy-embargo", ["B06", "C19"]),
    ("western-embargo-all-goods", None),
])
def test_embargo_scenarios_match_numpy(fixtures, tmp_path, scenario, products):
    model, _ = import_icio(fixtures, "2025", tmp_path)
    out = tmp_path / "results"
    result = run("run", SOURCE / "scenarios" / "mrio" / f"{scenario}.yaml", "--model", model,
                 "--out", out)
    assert result.returncode == 0, result.stderr
    assert "Headline: KAZ" in result.stdout
    rows = pd.read_csv(out / "results.csv")
    output = rows[(rows.variable == "output") & (rows.sector != "ALL")].set_index("sector").value
    expected = blocked_output(model, {"RUS"}, {"EU27", "USA", "G7O"}, products, 1.0)
    np.testing.assert_allclose(output[expected.index].to_numpy(), expected.to_numpy(),
                               rtol=1e-9)
    # Results by region: real region codes, GDP per region, trade by partner region.
    regions = set(rows[(rows.variable == "gdp")].region)
    assert {"KAZ", "RUS", "CHN", "EU27", "TUR", "USA", "ROW", "CAS"} <= regions
    kaz_to_rus = rows[(rows.region == "KAZ") & (rows.variable == "exports_to:RUS")]
    assert len(kaz_to_rus) == 1
    rus = rows[(rows.region == "RUS") & (rows.variable == "output") & (rows.sector == "ALL")]
    assert float(rus.value.iloc[0]) < float(rus.baseline.iloc[0])


def test_embargo_with_cpc_outage_runs(fixtures, tmp_path):
    model, _ = import_icio(fixtures, "2025", tmp_path)
    result = run("run", SOURCE / "scenarios" / "mrio" / "western-embargo-with-cpc-outage.yaml",
                 "--model", model)
    assert result.returncode == 0, result.stderr
    assert "Other regions: GDP" in result.stdout


def test_ghosh_multipliers_and_inverse_match_numpy(fixtures, tmp_path):
    """`multipliers --ghosh` and `analyse ghosh` on an imported ICIO model against
    G = (I - B)^-1, B = diag(x)^-1 Z, formed by numpy (Miller & Blair eq. 12.6)."""
    model, _ = import_icio(fixtures, "2025", tmp_path)
    z = pd.read_csv(model / "Z.csv", index_col=0)
    y = pd.read_csv(model / "Y.csv", index_col=0)
    x = (z.sum(axis=1) + y.sum(axis=1)).to_numpy()
    b = z.to_numpy() / np.where(x == 0, 1, x)[:, None]
    g = np.linalg.inv(np.eye(len(x)) - b)
    result = run("multipliers", "--ghosh", "--model", model, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = pd.read_csv(io.StringIO(result.stdout), dtype={"sector": str})
    total = rows[(rows.measure == "ghosh_output_total") & (rows.output_region == "ALL")]
    np.testing.assert_allclose(total.set_index("sector").value[z.index].to_numpy(),
                               g.sum(axis=1), rtol=1e-10)
    regions = [c.split(":")[0] for c in z.columns]
    for region in ["KAZ", "RUS"]:
        cols = [j for j, r in enumerate(regions) if r == region]
        part = rows[(rows.measure == "ghosh_output_total") & (rows.output_region == region)]
        np.testing.assert_allclose(part.set_index("sector").value[z.index].to_numpy(),
                                   g[:, cols].sum(axis=1), rtol=1e-10, atol=1e-14)
    out = tmp_path / "ghosh"
    result = run("analyse", "ghosh", "--model", model, "--out", out)
    assert result.returncode == 0, result.stderr
    written = pd.read_csv(out / "G.csv", index_col=0)
    assert list(written.index) == list(z.index)
    np.testing.assert_allclose(written.to_numpy(), g, rtol=1e-10, atol=1e-14)
