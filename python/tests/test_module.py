"""The Python module against the command-line program's own output."""

import glob
import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import numpy as np
import pandas as pd
import pytest

import spillover
from spillover import _core

ROOT = os.environ.get("SPILLOVER_SOURCE_DIR",
                      os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
BINARY = os.environ.get("SPILLOVER_BINARY", os.path.join(ROOT, "build", "src", "spillover"))
# Top level only: scenarios/mrio/ needs a model built from ICIO (model/built-models.csv) and
# runs in tests/mrio_commands_test.py on a generated table.
SCENARIOS = sorted(p for p in glob.glob(os.path.join(ROOT, "scenarios", "*.yaml"))
                   if not _core.Scenario.from_file(p).is_sweep)
PACKAGE_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(spillover.__file__)))
TEXT = ["scenario", "region", "sector", "name", "variable", "unit"]
SANCTIONS = os.path.join(ROOT, "scenarios", "russia-sanctions-2022.yaml")


def cli(*args, check=True):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, check=check)


def read_cli_csv(text):
    import io
    return pd.read_csv(io.StringIO(text), float_precision="round_trip", keep_default_na=False,
                       na_values={"pct_change": [""]}, dtype={c: str for c in TEXT})


def assert_same_table(ours, theirs):
    assert list(ours.columns) == list(theirs.columns)
    assert len(ours) == len(theirs)
    for c in ours.columns:
        if c in TEXT:
            assert ours[c].tolist() == theirs[c].tolist(), c
        else:
            a = ours[c].to_numpy(dtype=float)
            b = theirs[c].to_numpy(dtype=float)
            same = (a == b) | (np.isnan(a) & np.isnan(b))
            assert same.all(), "%s: first difference at row %d: %r vs %r" % (
                c, int(np.argmin(same)), a[~same][0], b[~same][0])


_models = {}


def model_for(path):
    folder = _core.Scenario.from_file(path).model_folder
    if folder not in _models:
        _models[folder] = spillover.Model(folder)
    return _models[folder]


@pytest.mark.parametrize("path", SCENARIOS, ids=os.path.basename)
def test_table_equals_cli_csv_bit_for_bit(path):
    ours = model_for(path).run(path).table
    theirs = read_cli_csv(cli("run", path, "--format", "csv").stdout)
    assert_same_table(ours, theirs)


def test_summary_equals_summary_json(tmp_path):
    cli("run", SANCTIONS, "--out", str(tmp_path), "--quiet")
    with open(tmp_path / "summary.json") as f:
        assert model_for(SANCTIONS).run(SANCTIONS).summary == json.load(f)


def test_overrides_equal_set():
    ours = model_for(SANCTIONS).run(SANCTIONS, overrides={"shocks.russian_demand.change": -0.2,
                                                          "top": 5}).table
    theirs = read_cli_csv(cli("run", SANCTIONS, "--format", "csv", "--set",
                              "shocks.russian_demand.change=-0.2", "--set", "top=5").stdout)
    assert_same_table(ours, theirs)


def test_dict_text_and_file_give_the_same_numbers(tmp_path):
    text = BAD.replace("chnage", "change")
    path = tmp_path / "good.yaml"
    path.write_text(text)
    tree = {"name": "bad", "shocks": {"cut": {"type": "exports", "partners": ["RUS"],
                                              "change": -0.2}}}
    m = spillover.Model()
    from_file = m.run(str(path)).table
    assert_same_table(m.run(text).table, from_file)
    assert_same_table(m.run(tree).table, from_file)


def test_views_are_subsets_of_the_table():
    r = model_for(SANCTIONS).run(SANCTIONS)
    t = r.table
    gdp = r.headline.loc["gdp"]
    row = t[(t.region == "KAZ") & (t.sector == "ALL") & (t.variable == "gdp")].iloc[0]
    assert gdp.value == row.value and gdp.baseline == row.baseline
    assert set(r.by_partner.index.get_level_values("partner")) >= {"RUS", "CHN"}
    assert len(r.by_sector) > 68
    assert (r.routes.index.get_level_values("variable").str.startswith("route_")).all()


def test_run_many_equals_run():
    m = model_for(SANCTIONS)
    paths = [p for p in SCENARIOS if model_for(p) is m]
    for batched, path in zip(m.run_many(paths), paths):
        # One blocked solve for all right-hand sides: equal to rounding, not bit for bit.
        a, b = batched.table, m.run(path).table
        assert a[TEXT].equals(b[TEXT])
        np.testing.assert_allclose(a["value"], b["value"], rtol=1e-12, atol=1e-9)


def bad_message_from_file(tmp_path, body):
    path = tmp_path / "bad.yaml"
    path.write_text(body)
    run = cli("run", str(path), "--format", "csv", check=False)
    assert run.returncode == 2
    return path, run.stderr.strip()


BAD = """\
name: bad
shocks:
  cut:
    type: exports
    partners: [RUS]
    chnage: -0.2
"""


def test_bad_dict_gives_the_message_of_the_same_mistake_in_a_file(tmp_path):
    path, stderr = bad_message_from_file(tmp_path, BAD)
    m = spillover.Model()
    with pytest.raises(spillover.InputError) as from_file:
        m.run(str(path))
    assert stderr == "error: " + str(from_file.value)
    assert from_file.value.line == 6 and from_file.value.file == str(path)
    bad = {"name": "bad", "shocks": {"cut": {"type": "exports", "partners": ["RUS"],
                                             "chnage": -0.2}}}
    with pytest.raises(spillover.InputError) as from_dict:
        m.run(bad)
    e = from_dict.value
    assert e.file == "<dict>" and e.line == 0
    assert e.key == "key 'shocks.cut.chnage'"
    assert e.message == from_file.value.message
    assert "did you mean 'change'" in e.message


def test_bad_override_value_is_refused_like_set():
    m = spillover.Model()
    set_run = cli("run", SANCTIONS, "--set", "shocks.russian_demand.change=-5", check=False)
    with pytest.raises(spillover.InputError) as e:
        m.run(SANCTIONS, overrides={"shocks.russian_demand.change": -5})
    assert set_run.returncode == 2
    assert e.value.message in set_run.stderr


def test_matrices_share_the_model_s_memory_and_balance():
    m = spillover.Model()
    z = m.Z.to_numpy()
    assert not z.flags.writeable
    assert np.shares_memory(z, m._m.matrix("Z"))
    assert m.Z.index.names == ["region", "sector"] and len(m.sectors) == 68
    assert m.code == "KAZ" and m.year == 2024 and "RUS" in m.partners
    x = m.Z.sum(axis=1) + m.Y.sum(axis=1)
    np.testing.assert_allclose(m.x.to_numpy(), x.to_numpy(), rtol=1e-12)
    # x = L y, with the factorisation
    np.testing.assert_allclose(m.solve(m.Y.sum(axis=1)).to_numpy(), m.x.to_numpy(), rtol=1e-9)


def test_shipped_model_from_another_directory(tmp_path):
    code = "import spillover; m = spillover.Model(); print(m.code, len(m.sectors))"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                         text=True, check=True,
                         env={**os.environ, "SPILLOVER_MODEL": "", "PYTHONPATH": PACKAGE_PARENT})
    assert out.stdout.split() == ["KAZ", "68"]


def test_analyses_equal_the_cli_csv():
    m = spillover.Model()
    pairs = [
        (m.multipliers(), ["multipliers", "--format", "csv"]),
        (m.linkages(), ["analyse", "linkages", "--format", "csv"]),
        (m.ghosh_multipliers(), ["multipliers", "--ghosh", "--format", "csv"]),
        (m.extraction(by="partner"), ["analyse", "extraction", "--format", "csv"]),
        (m.inoperability(sector="061", loss=0.8),
         ["analyse", "inoperability", "--sector", "061", "--loss", "0.8", "--format", "csv"]),
        (m.paths(SANCTIONS, top=10),
         ["analyse", "paths", SANCTIONS, "--top", "10", "--format", "csv"]),
    ]
    import io
    for ours, args in pairs:
        theirs = pd.read_csv(io.StringIO(cli(*args).stdout), float_precision="round_trip",
                             keep_default_na=False, na_values=[""])
        pd.testing.assert_frame_equal(ours, theirs, check_exact=True)


def test_income_multipliers_in_python_csv_and_json_agree():
    # Type I and II income multipliers (ratios) reach Python through the CSV; the JSON of
    # `spillover multipliers --format json` holds the same doubles.
    frame = spillover.Model().multipliers()
    income = frame[frame.measure == "income_multiplier"].set_index(["sector", "type"]).value
    doc = json.loads(cli("multipliers", "--format", "json").stdout)
    assert doc["type2"] is True
    checked = 0
    for s in doc["sectors"]:
        for t, key in (("I", "income_multiplier_type1"), ("II", "income_multiplier_type2")):
            if s[key] is None:
                assert (str(s["sector"]), t) not in income.index
                continue
            assert income[(str(s["sector"]), t)] == s[key]
            checked += 1
    assert checked > 100
    # Type II exceeds type I: the induced household spending adds income.
    both = income.unstack()
    assert (both["II"] > both["I"]).all()


def test_sweep_equals_cli_sweep(tmp_path):
    spec = os.path.join(ROOT, "scenarios", "sweep-demand-x-supply.yaml")
    m = spillover.Model(_core.Sweep.from_file(spec).model_folder)
    ours = m.sweep(spec, threads=2, detail="totals")
    cli("sweep", spec, "--out", str(tmp_path / "s"), "--detail", "totals", "--threads", "2",
        "--quiet")
    theirs = pd.read_csv(tmp_path / "s" / "results.csv", float_precision="round_trip",
                         keep_default_na=False, na_values={"pct_change": [""]},
                         dtype={c: str for c in ["region", "sector", "variable", "unit"]})
    assert len(ours) == len(theirs)
    for c in ["point", "baseline", "value", "change"]:
        assert (ours[c].to_numpy() == theirs[c].to_numpy()).all(), c
    a, b = ours["pct_change"].to_numpy(), theirs["pct_change"].to_numpy()
    assert ((a == b) | (np.isnan(a) & np.isnan(b))).all()
    for c in ["region", "sector", "variable", "unit"]:
        assert ours[c].astype(str).tolist() == theirs[c].tolist(), c
    assert (ours.error == "").all()


def test_wide_sweep_files_equal_the_cli_and_the_tidy_changes(tmp_path):
    spec = os.path.join(ROOT, "scenarios", "sweep-demand-x-supply.yaml")
    m = spillover.Model(_core.Sweep.from_file(spec).model_folder)
    assert m.sweep(spec, threads=2, detail="totals", out=tmp_path / "py", layout="wide") == 0
    cli("sweep", spec, "--out", str(tmp_path / "cli"), "--detail", "totals", "--layout", "wide",
        "--threads", "2", "--quiet")
    for name in ["results.csv", "points.csv", "columns.csv"]:
        assert (tmp_path / "py" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes(), name
    # The wide table melted back is the tidy table's change column, to the bit.
    wide = pd.read_csv(tmp_path / "py" / "results.csv", float_precision="round_trip",
                       keep_default_na=False)
    columns = pd.read_csv(tmp_path / "py" / "columns.csv", keep_default_na=False,
                          float_precision="round_trip")
    tidy = m.sweep(spec, threads=2, detail="totals")
    long = wide.melt(id_vars=["point"], value_vars=list(columns.column), var_name="column",
                     value_name="change").merge(columns, on="column")
    both = tidy.astype({c: str for c in ["region", "sector", "variable"]}).merge(
        long, on=["point", "region", "sector", "variable"], suffixes=("", "_wide"))
    assert len(both) == len(tidy) == len(long)
    assert (both.change.to_numpy() == both.change_wide.to_numpy()).all()
    assert (both.baseline.to_numpy() == both.baseline_wide.to_numpy()).all()
    with pytest.raises(ValueError, match="layout"):
        m.sweep(spec, layout="wide")
    with pytest.raises(ValueError, match="'tidy', 'wide'"):
        m.sweep(spec, out=tmp_path / "bogus", layout="Wide")
    assert not (tmp_path / "bogus").exists()
    with pytest.raises(spillover.InputError, match="--detail totals or sectors"):
        m.sweep(spec, detail="all", out=tmp_path / "all", layout="wide")
    assert not (tmp_path / "all").exists()


def test_negative_baselines_divide_by_their_size(tmp_path):
    # docs/scenarios.md: pct_change = 100 * change / |baseline| in every output. The example
    # model with inventories-like negative government use of AGR (-200; the AGR row sum and
    # so the balance unchanged): a 10% cut of that use moves it from -200 to -180, +10%.
    import shutil
    folder = tmp_path / "neg"
    shutil.copytree(os.path.join(ROOT, "model", "example-2sector"), folder)
    (folder / "Y.csv").write_text("code,name,HH,GOV,EXP\nAGR,Agriculture,400,-200,150\n"
                                  "MFG,Manufacturing,1300,0,400\n")
    scenario = tmp_path / "neg.yaml"
    scenario.write_text("name: neg\nmodel: neg\nshocks:\n  gov: {type: final_demand, "
                        "categories: [GOV], change: -0.1}\n")
    t = spillover.Model(str(folder)).run(str(scenario)).table
    row = t[(t.variable == "final_use_domestic") & (t.sector == "GOV")].iloc[0]
    assert (row["baseline"], row["value"], row["pct_change"]) == (-200, -180, 10)
    assert_same_table(t, read_cli_csv(cli("run", str(scenario), "--format", "csv").stdout))


def test_ctrl_c_stops_a_long_sweep(tmp_path):
    code = textwrap.dedent("""
        import sys, spillover
        m = spillover.Model()
        spec = {"sweep": {"name": "long", "base": %r, "method": "monte_carlo",
                          "samples": 50000000, "seed": 1,
                          "parameters": {"shocks.russian_demand.change":
                                         {"distribution": "uniform", "low": -0.3, "high": 0}}}}
        print("started", flush=True)
        try:
            m.sweep(spec, threads=2)
        except KeyboardInterrupt:
            print("interrupted", flush=True)
            sys.exit(3)
    """ % SANCTIONS)
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "started"
    time.sleep(2.0)
    p.send_signal(signal.SIGINT)
    start = time.monotonic()
    out, _ = p.communicate(timeout=30)
    assert p.returncode == 3 and "interrupted" in out
    assert time.monotonic() - start < 10


def hand_made_pymrio():
    """A two-region system of pymrio's shape (pymrio is not installable here)."""
    import types
    idx = pd.MultiIndex.from_product([["R1", "R2"], ["a", "b"]], names=["region", "sector"])
    cols = pd.MultiIndex.from_product([["R1", "R2"], ["Final consumption expenditure by "
                                                      "households"]],
                                      names=["region", "category"])
    Z = pd.DataFrame([[10, 20, 5, 0], [5, 10, 0, 5], [2, 0, 10, 10], [0, 3, 10, 5]],
                     index=idx, columns=idx, dtype=float)
    Y = pd.DataFrame([[50, 15], [60, 20], [10, 60], [12, 70]], index=idx, columns=cols,
                     dtype=float)
    return types.SimpleNamespace(Z=Z, Y=Y, x=None, name="toy")


def test_from_pymrio_matches_leontief_by_hand():
    io_system = hand_made_pymrio()
    m = spillover.Model.from_pymrio(io_system, unit="EUR million", year=2011)
    z = io_system.Z.to_numpy()
    x = z.sum(axis=1) + io_system.Y.to_numpy().sum(axis=1)
    np.testing.assert_allclose(m.x.to_numpy(), x, rtol=1e-14)
    A = z / x
    np.testing.assert_allclose(m.A.to_numpy(), A, rtol=1e-14)
    L = np.linalg.inv(np.eye(4) - A)
    np.testing.assert_allclose(m.L().to_numpy(), L, rtol=1e-12)
    assert m.regions == ["R1", "R2"] and m.sectors == ["a", "b"]
    assert list(m.Z.index) == list(io_system.Z.index)


def test_regional_shock_keys_reach_python():
    """exports with `origins` and `regions` on a two-region model, from a dict and through
    overrides (the key table's keys, as --set sees them): R1's sales of `a` to R2's
    industries and households times 0.8, x = (I - A_new)^-1 y_new by numpy."""
    io_system = hand_made_pymrio()
    m = spillover.Model.from_pymrio(io_system, unit="EUR million", year=2011)
    tree = {"name": "r", "shocks": {"cut": {"type": "exports", "origins": ["r1"],
                                            "regions": ["R2"], "products": ["a"],
                                            "change": -0.2}}}
    z = io_system.Z.to_numpy()
    y = io_system.Y.to_numpy().copy()
    x = z.sum(axis=1) + y.sum(axis=1)
    for row, overrides in [(0, {}), (1, {"shocks.cut.products": "b"})]:
        a = z / x
        yy = y.copy()
        a[row, 2:] *= 0.8
        yy[row, 1] *= 0.8
        expected = np.linalg.solve(np.eye(4) - a, yy.sum(axis=1))
        table = m.run(tree, overrides=overrides).table
        output = table[(table.variable == "output") & (table.sector != "ALL")]
        assert output.sector.tolist() == ["R1:a", "R1:b", "R2:a", "R2:b"]
        np.testing.assert_allclose(output.value.to_numpy(), expected, rtol=1e-12)
    with pytest.raises(spillover.InputError) as e:
        m.run(tree, overrides={"shocks.cut.regions": "R-2"})
    assert "unknown region code 'R-2' (did you mean 'R2'?)" in str(e.value)


def test_pymrio_round_trip():
    m = spillover.Model()
    back = spillover.Model.from_pymrio(m.to_pymrio(), unit=m.unit, year=m.year)
    for name in ["Z", "Y", "A"]:
        np.testing.assert_array_equal(getattr(back, name).to_numpy(),
                                      getattr(m, name).to_numpy())
    np.testing.assert_array_equal(back.x.to_numpy(), m.x.to_numpy())


@pytest.mark.parametrize("breakage, key", [
    ("flat", "Z.index"), ("columns", "Z.columns"), ("y_rows", "Y.index"), ("ragged", "Z.index")])
def test_from_pymrio_wrong_labels_give_a_clear_error(breakage, key):
    io_system = hand_made_pymrio()
    if breakage == "flat":
        io_system.Z = io_system.Z.reset_index(drop=True)
    elif breakage == "columns":
        io_system.Z.columns = io_system.Z.columns.set_levels(["R1", "R9"], level=0)
    elif breakage == "y_rows":
        io_system.Y.index = io_system.Y.index.set_levels(["x", "y"], level=1)
    elif breakage == "ragged":
        tuples = list(io_system.Z.index)
        tuples[3] = ("R2", "c")
        io_system.Z.index = pd.MultiIndex.from_tuples(tuples)
        io_system.Z.columns = io_system.Z.index
        io_system.Y.index = io_system.Z.index
    with pytest.raises(spillover.InputError) as e:
        spillover.Model.from_pymrio(io_system, year=2011)
    assert e.value.key == key
    assert str(e.value).startswith("from_pymrio: " + key + ": ")


def test_ghosh_inverse_equals_its_definition_and_the_cli_file(tmp_path):
    # G = (I - B)^-1 with B = diag(x)^-1 Z (Miller & Blair eq. 12.6), formed by numpy.
    m = spillover.Model()
    z = m.Z.to_numpy()
    x = m.x.to_numpy()
    g = np.linalg.inv(np.eye(len(x)) - z / x[:, None])
    np.testing.assert_allclose(m.G().to_numpy(), g, rtol=1e-9, atol=1e-13)
    cli("analyse", "ghosh", "--out", str(tmp_path))
    written = pd.read_csv(tmp_path / "G.csv", index_col=0, dtype={0: str},
                          float_precision="round_trip")
    np.testing.assert_array_equal(written.to_numpy(), m.G().to_numpy())


def test_report_writes_the_same_tables_as_the_cli(tmp_path):
    # Model.report and `spillover report` share the writer: every sheet but About (which
    # holds the date and, for files, the YAML text) is equal cell for cell.
    import openpyxl
    files = [os.path.join(ROOT, "scenarios", f)
             for f in ("cpc-outage.yaml", "cpc-outage-with-expansion.yaml")]
    m = spillover.Model()
    results = [m.run(f) for f in files]
    paths = m.report(results, tmp_path / "py")
    assert os.path.getsize(paths["html"]) > 10000
    cli("report", *files, "--out", str(tmp_path / "cli"), "--quiet")
    ours = openpyxl.load_workbook(paths["xlsx"])
    theirs = openpyxl.load_workbook(tmp_path / "cli" / "report.xlsx")
    assert ours.sheetnames == theirs.sheetnames
    for name in ours.sheetnames:
        if name == "About":
            continue
        a = [[c.value for c in row] for row in ours[name].iter_rows()]
        b = [[c.value for c in row] for row in theirs[name].iter_rows()]
        assert a == b, name
