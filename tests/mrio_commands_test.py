"""Multi-regional models through the commands a user chains: run with --set, sweep,
compare and report, and the shock keys only such models have (exports and final_demand with
`regions` and `origins`, routes that carry sales to a region). The model is the 2025-layout
ICIO fixture imported with the shipped mapping; every number is checked against a numpy
solve written here or against an invariant (a sweep point equals `run` with its values, a
scenario compared with itself differs by zero). Run by ctest (mrio_pytest).
"""
import io
import shutil
import zipfile

import numpy as np
import pandas as pd
import pytest

from mrio_test import SOURCE, fixtures, import_icio, run  # noqa: F401 (fixtures: a fixture)

MRIO_SCENARIOS = sorted((SOURCE / "scenarios" / "mrio").glob("*.yaml"))

REGIONAL = """name: regional
shocks:
  russian_industry:
    type: exports
    origins: [kaz]
    regions: [RUS]
    products: [B06, C24A]
    change: -0.25
  eu_fuel:
    type: final_demand
    regions: [eu27]
    origins: [RUS, CHN]
    sectors: [C19]
    categories: [HFCE]
    change: -0.1
"""


@pytest.fixture(scope="module")
def model(fixtures, tmp_path_factory):  # noqa: F811
    out, _ = import_icio(fixtures, "2025", tmp_path_factory.mktemp("mrio"))
    return out


def flows(model):
    z = pd.read_csv(model / "Z.csv", index_col=0)
    y = pd.read_csv(model / "Y.csv", index_col=0)
    x = (z.sum(axis=1) + y.sum(axis=1)).to_numpy()
    a = z.to_numpy() / np.where(x == 0, 1, x)[None, :]
    return z.index, list(z.columns), list(y.columns), a, y.to_numpy().copy()


def rows_of(labels, region, sectors=None):
    return [i for i, c in enumerate(labels)
            if c.split(":")[0] == region and (sectors is None or c.split(":")[1] in sectors)]


def solve(a, y):
    return np.linalg.solve(np.eye(len(a)) - a, y.sum(axis=1))


def regional_expected(model, keep=0.75):
    """REGIONAL by hand: Kazakh B06 and C24A sales to Russian industries and final users
    times `keep` (0.75 for change -0.25); EU27 households' purchases of Russian and Chinese
    C19 times 0.9."""
    index, cols, fcols, a, y = flows(model)
    for i in rows_of(index, "KAZ", {"B06", "C24A"}):
        a[i, rows_of(cols, "RUS")] *= keep
        y[i, rows_of(fcols, "RUS")] *= keep
    for origin in ("RUS", "CHN"):
        for i in rows_of(index, origin, {"C19"}):
            y[i, fcols.index("EU27:HFCE")] *= 0.9
    return pd.Series(solve(a, y), index=index)


def output_of(results):
    rows = results[(results.variable == "output") & (results.sector != "ALL")]
    return rows.set_index("sector").value


def csv_of(command, *args):
    result = run(command, *args, "--format", "csv")
    assert result.returncode == 0, result.stderr
    return pd.read_csv(io.StringIO(result.stdout))


def run_csv(*args):
    return csv_of("run", *args)


def test_exports_and_final_demand_by_region_match_numpy(model, tmp_path):
    scenario = tmp_path / "regional.yaml"
    scenario.write_text(REGIONAL)
    expected = regional_expected(model)
    output = output_of(run_csv(scenario, "--model", model))
    np.testing.assert_allclose(output[expected.index].to_numpy(), expected.to_numpy(),
                               rtol=1e-9)
    # The keys are in the key table: --set reaches them, validate checks them.
    moved = run_csv(scenario, "--model", model, "--set", "shocks.russian_industry.regions=CHN")
    kaz_chn = moved[(moved.region == "KAZ") & (moved.variable == "exports_to:CHN")]
    assert float(kaz_chn.value.iloc[0]) < float(kaz_chn.baseline.iloc[0])
    typo = run("validate", scenario, "--model", model,
               "--set", "shocks.russian_industry.regions=[RUS, EU28]")
    assert typo.returncode == 2
    assert "shocks.russian_industry.regions" in typo.stderr
    assert "unknown region code 'EU28' (did you mean 'EU27'?)" in typo.stderr, typo.stderr


def with_routes(model, tmp_path):
    """The model with a routes file: the CPC carries 80% of Kazakh B06 sales to the EU27
    (a region of the model), the Baku-Tbilisi-Ceyhan pipeline has 3 Mt/yr spare."""
    out = tmp_path / "with_routes"
    shutil.copytree(model, out)
    (out / "routes.yaml").write_text(
        "format: 1\nroutes:\n"
        "  - code: CPC\n    capacity: {value: 80, unit: Mt/yr}\n"
        "    current_use: {value: 60, unit: Mt/yr}\n"
        "    carries:\n      - {product: B06, partner: EU27, share: 0.8}\n"
        "  - code: BTC\n    capacity: {value: 10, unit: Mt/yr}\n"
        "    current_use: {value: 7, unit: Mt/yr}\n    carries: []\n")
    text = (out / "model.yaml").read_text()
    (out / "model.yaml").write_text(text.replace("files:\n", "files:\n  routes: routes.yaml\n", 1))
    return out


def test_route_to_a_region_matches_a_hand_computation(model, tmp_path):
    routed = with_routes(model, tmp_path)
    info = run("model", "info", routed)
    assert info.returncode == 0, info.stderr
    assert "KAZ:B06->EU27 80.0%" in info.stdout, info.stdout
    scenario = tmp_path / "cpc.yaml"
    scenario.write_text("name: cpc\nshocks:\n  cpc:\n    type: route\n    route: CPC\n"
                        "    share: 0.5\n    duration_months: 6\n    alternatives: [BTC]\n")
    results = run_csv(scenario, "--model", routed)
    # Half the capacity for half a year: a quarter of the 80% carried, 15 of 60 Mt/yr. BTC
    # has 3 Mt/yr spare, 1.5 over six months: a tenth is rerouted, nine tenths are lost.
    index, cols, fcols, a, y = flows(model)
    i = list(index).index("KAZ:B06")
    eu, eu_f = rows_of(cols, "EU27"), rows_of(fcols, "EU27")
    z = pd.read_csv(model / "Z.csv", index_col=0).to_numpy()
    carried = 0.8 * (z[i, eu].sum() + y[i, eu_f].sum())
    keep = 1 - 0.25 * 0.8 * 0.9
    a[i, eu] *= keep
    y[i, eu_f] *= keep
    expected = pd.Series(solve(a, y), index=index)
    output = output_of(results)
    np.testing.assert_allclose(output[expected.index].to_numpy(), expected.to_numpy(),
                               rtol=1e-9)
    lost = results[(results.region == "CPC") & (results.variable == "route_lost")]
    np.testing.assert_allclose(float(lost.value.iloc[0]), 0.25 * carried * 0.9, rtol=1e-9)


def sweep_file(tmp_path, base):
    (tmp_path / "base.yaml").write_text(base)
    sweep = tmp_path / "sweep.yaml"
    sweep.write_text("sweep:\n  name: mrio_grid\n  base: base.yaml\n  parameters:\n"
                     "    shocks.russian_industry.change:\n      values: [-0.5, -0.1]\n"
                     "    shocks.russian_industry.regions:\n      values: [RUS, CHN]\n")
    return sweep


def test_sweep_points_equal_runs_with_the_same_values(model, tmp_path):
    sweep = sweep_file(tmp_path, REGIONAL)
    out = tmp_path / "out"
    result = run("sweep", sweep, "--out", out, "--model", model, "--quiet")
    assert result.returncode == 0, result.stderr
    results = pd.read_csv(out / "results.csv")
    points = pd.read_csv(out / "points.csv")
    assert len(points) == 4
    for _, point in points.iterrows():
        change = point["shocks.russian_industry.change"]
        region = point["shocks.russian_industry.regions"]
        alone = run_csv(tmp_path / "base.yaml", "--model", model,
                        "--set", f"shocks.russian_industry.change={change}",
                        "--set", f"shocks.russian_industry.regions={region}")
        mine = results[results.point == point.point].set_index(["region", "sector", "variable"])
        theirs = alone.set_index(["region", "sector", "variable"]).loc[mine.index]
        np.testing.assert_allclose(mine.value.to_numpy(), theirs.value.to_numpy(), rtol=1e-12)
        # points.csv leads with the focus region.
        kaz_gdp = theirs.loc[("KAZ", "ALL", "gdp")].value
        np.testing.assert_allclose(point.gdp, kaz_gdp, rtol=1e-12)
    # Sector rows of the focus region are kept (--detail sectors), with their numbers.
    first = results[(results.point == 0) & (results.variable == "output")
                    & (results.sector != "ALL")]
    assert set(first.region) == {"KAZ"}
    # Point 0: change -0.5 on sales to RUS.
    expected = regional_expected(model, keep=0.5)
    got = first.set_index("sector").value
    np.testing.assert_allclose(got.to_numpy(), expected[got.index].to_numpy(), rtol=1e-9)


def test_linear_sweep_on_a_multi_regional_model(model, tmp_path):
    """final_demand alone is linear in its change: the sweep's fast path, checked against
    run --set."""
    (tmp_path / "base.yaml").write_text(
        "name: eu\nshocks:\n  eu_fuel:\n    type: final_demand\n    regions: [EU27]\n"
        "    origins: [RUS]\n    sectors: [C19, B06]\n    change: -0.1\n")
    (tmp_path / "sweep.yaml").write_text(
        "sweep:\n  name: linear\n  base: base.yaml\n  parameters:\n"
        "    shocks.eu_fuel.change:\n      values: [-0.3, -0.2, 0.1]\n")
    out = tmp_path / "out"
    result = run("sweep", tmp_path / "sweep.yaml", "--out", out, "--model", model, "--quiet")
    assert result.returncode == 0, result.stderr
    results = pd.read_csv(out / "results.csv")
    for point, change in enumerate([-0.3, -0.2, 0.1]):
        alone = run_csv(tmp_path / "base.yaml", "--model", model,
                        "--set", f"shocks.eu_fuel.change={change}")
        mine = results[results.point == point].set_index(["region", "sector", "variable"])
        theirs = alone.set_index(["region", "sector", "variable"]).loc[mine.index]
        np.testing.assert_allclose(mine.value.to_numpy(), theirs.value.to_numpy(), rtol=1e-9,
                                   atol=1e-9 * np.abs(theirs.baseline.to_numpy()).max())


def compare_csv(*args):
    return csv_of("compare", *args)


def test_compare_on_a_multi_regional_model(model, tmp_path):
    regional = tmp_path / "regional.yaml"
    regional.write_text(REGIONAL)
    embargo = SOURCE / "scenarios" / "mrio" / "western-embargo-all-goods.yaml"
    again = tmp_path / "again.yaml"
    again.write_text(REGIONAL.replace("name: regional", "name: again"))
    same = compare_csv(regional, again, "--model", model)
    second = same[same.scenario == "again"]
    assert len(second) > 100 and (second.difference == 0).all()
    assert {"KAZ", "RUS", "EU27"} <= set(second.region)
    both = compare_csv(regional, embargo, "--model", model)
    a = run_csv(regional, "--model", model).set_index(["region", "sector", "variable"]).value
    b = run_csv(embargo, "--model", model).set_index(["region", "sector", "variable"]).value
    rows = both[both.scenario == "western-embargo-all-goods"].set_index(
        ["region", "sector", "variable"])
    rows = rows[rows.difference.notna()]
    np.testing.assert_allclose(rows.difference.to_numpy(),
                               (b[rows.index] - a[rows.index]).to_numpy(),
                               rtol=1e-9, atol=1e-9 * np.abs(rows.baseline).max())
    # The readable comparison leads with the focus region: its GDP, then its exports to
    # each other region (not the regions' own totals).
    table = run("compare", regional, embargo, "--model", model)
    assert table.returncode == 0, table.stderr
    first = run_csv(regional, "--model", model).set_index(["region", "sector", "variable"])
    change = first.value - first.baseline
    gdp_line = next(line for line in table.stdout.splitlines() if line.startswith("GDP "))
    assert f"{change[('KAZ', 'ALL', 'gdp')]:,.0f}" in gdp_line, gdp_line
    section = table.stdout.split("Exports by partner")[1].split("\n\n")[0]
    rus_line = next(line for line in section.splitlines() if line.startswith("RUS "))
    assert f"{change[('KAZ', 'ALL', 'exports_to:RUS')]:,.0f}" in rus_line, section
    assert "\nALL " not in section


def test_report_on_a_multi_regional_model(model, tmp_path):
    regional = tmp_path / "regional.yaml"
    regional.write_text(REGIONAL)
    out = tmp_path / "report"
    result = run("report", regional, "--model", model, "--out", out)
    assert result.returncode == 0, result.stderr
    html = (out / "report.html").read_text()
    assert "KAZ" in html
    # The workbook's numbers are the run's: Kazakh GDP in the sheet's cells.
    gdp = run_csv(regional, "--model", model)
    kaz = gdp[(gdp.region == "KAZ") & (gdp.variable == "gdp")].iloc[0]
    with zipfile.ZipFile(out / "report.xlsx") as book:
        sheets = "".join(book.read(n).decode() for n in book.namelist()
                         if n.startswith("xl/worksheets/"))
    assert repr(float(kaz.value))[:8] in sheets


def test_shipped_mrio_scenarios_say_how_to_build_their_model():
    if (SOURCE / "model" / "icio-kaz").exists():
        pytest.skip("model/icio-kaz has been built here")
    assert MRIO_SCENARIOS
    for scenario in MRIO_SCENARIOS:
        result = run("validate", scenario)
        assert result.returncode == 2, result.stdout
        assert ("spillover import icio 2022_SML.csv --regions model/icio/regions-kaz.csv "
                "--focus KAZ --out model/icio-kaz") in result.stderr, result.stderr
        assert "docs/mrio.md" in result.stderr


@pytest.mark.parametrize("scenario", MRIO_SCENARIOS, ids=lambda p: p.stem)
def test_every_shipped_mrio_scenario_runs_on_the_fixture(model, scenario):
    result = run("run", scenario, "--model", model)
    assert result.returncode == 0, result.stderr
    assert "Headline: KAZ" in result.stdout
