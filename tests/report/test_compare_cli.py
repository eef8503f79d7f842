"""`spillover compare` through the real binary: its differences equal those of `run`."""
import json

from conftest import read_csv, scenario, spillover

A = scenario("cpc-outage-6m.yaml")
B = scenario("cpc-outage-6m-corridor-20mt.yaml")


def key(row):
    return (row["region"], row["sector"], row["variable"])


def test_differences_equal_differences_of_separate_runs():
    run_a = {key(r): r for r in read_csv(spillover("run", A, "--format", "csv").stdout)}
    run_b = {key(r): r for r in read_csv(spillover("run", B, "--format", "csv").stdout)}
    rows = read_csv(spillover("compare", A, B, "--format", "csv").stdout)
    assert len(rows) == len(run_a) + len(run_b)
    checked = 0
    for row in rows:
        assert row["baseline_scenario"] == "cpc_outage_6m"
        own = run_a if row["scenario"] == "cpc_outage_6m" else run_b
        assert row["value"] == own[key(row)]["value"]
        assert row["name"] == own[key(row)]["name"]
        expected = float(own[key(row)]["change"]) - float(run_a[key(row)]["change"])
        # Exactly: the CSV numbers are shortest round-trip decimals.
        assert float(row["difference"]) == expected, (row, expected)
        pct_b, pct_a = own[key(row)]["pct_change"], run_a[key(row)]["pct_change"]
        if pct_a and pct_b:
            assert float(row["difference_pct_points"]) == float(pct_b) - float(pct_a)
        else:
            assert row["difference_pct_points"] == ""
        checked += 1
    assert checked > 100


def test_issue_example_reads_saves_and_share_of_the_loss():
    table = spillover("compare", A, B).stdout
    gdp_a = next(r for r in read_csv(spillover("run", A, "--format", "csv").stdout)
                 if r["variable"] == "gdp" and r["sector"] == "ALL")
    gdp_b = next(r for r in read_csv(spillover("run", B, "--format", "csv").stdout)
                 if r["variable"] == "gdp" and r["sector"] == "ALL")
    saved = float(gdp_b["change"]) - float(gdp_a["change"])
    share = 100 * saved / -float(gdp_a["change"])
    expected = f"GDP saves {saved:,.0f} bn KZT ({share:.0f}% of the loss)"
    assert expected in table, table


def test_baseline_option_and_json(tmp_path):
    out = tmp_path / "cmp"
    spillover("compare", A, B, "--baseline", "cpc_outage_6m_corridor_20mt", "--out", str(out),
              "--quiet")
    data = json.loads((out / "comparison.json").read_text())
    assert data["baseline"] == "cpc_outage_6m_corridor_20mt"
    first = data["scenarios"][0]
    assert first["gdp_reading"].startswith("loses ")
    rows = read_csv((out / "comparison.csv").read_text())
    assert {r["baseline_scenario"] for r in rows} == {"cpc_outage_6m_corridor_20mt"}
