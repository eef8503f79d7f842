"""Results do not depend on the BLAS thread count, and a sweep point equals `run` on the
same scenario bit for bit (core/blas_threads.h). Run by CTest through the real binary."""
import csv
import io
import os
import pathlib
import subprocess

import pytest

BINARY = os.environ["SPILLOVER_BINARY"]
SOURCE = pathlib.Path(os.environ["SPILLOVER_SOURCE_DIR"])
SCENARIOS = SOURCE / "scenarios"


def spillover(*args, threads=None, cwd=None):
    env = dict(os.environ)
    env.pop("SPILLOVER_BLAS_THREADS", None)
    if threads is not None:
        env["OPENBLAS_NUM_THREADS"] = str(threads)
    done = subprocess.run([BINARY, *args], capture_output=True, text=True, env=env, cwd=cwd)
    assert done.returncode == 0, done.stderr
    return done.stdout


def rows(text, key_columns, value_columns):
    """{(key...): (value text...)} of a CSV, keeping the numbers as written."""
    table = {}
    for row in csv.DictReader(io.StringIO(text)):
        table[tuple(row[c] for c in key_columns)] = tuple(row[c] for c in value_columns)
    return table


@pytest.mark.parametrize("names", [
    ["combined-package.yaml", "rail-transit-loss.yaml", "middle-corridor-expansion.yaml"],
    ["russia-sanctions-2022.yaml", "cpc-outage.yaml"],
])
def test_run_is_identical_on_one_and_two_blas_threads(names):
    paths = [str(SCENARIOS / n) for n in names]
    one = spillover("run", *paths, "--format", "csv", threads=1)
    two = spillover("run", *paths, "--format", "csv", threads=2)
    assert one.count("\n") > 100
    mismatched = [(a, b) for a, b in zip(one.splitlines(), two.splitlines()) if a != b]
    assert not mismatched, f"first of {len(mismatched)} differing rows: {mismatched[0]}"


def swept_and_run(tmp_path, scenario, path, values):
    """Rows of the sweep's point 1 and of `run` on the same scenario, by (region, sector,
    variable)."""
    sweep = tmp_path / "sweep.yaml"
    sweep.write_text(
        f"sweep:\n  name: det\n  base: {SCENARIOS / scenario}\n  method: grid\n"
        f"  parameters:\n    {path}:\n      values: {values}\n")
    spillover("sweep", str(sweep), "--out", str(tmp_path / "out"), "--detail", "sectors",
              threads=2)
    keys = ["region", "sector", "variable"]
    swept = {k: v for k, v in rows((tmp_path / "out" / "results.csv").read_text(),
                                     ["point", *keys], ["value", "change"]).items()
             if k[0] == "1"}
    run = rows(spillover("run", str(SCENARIOS / scenario), "--format", "csv", threads=2),
               keys, ["value", "change"])
    assert len(swept) > 50
    return swept, run


def test_sweep_point_equals_run_bit_for_bit(tmp_path):
    # Caps, rerouting and prices: the general path of the sweep, blocked solves included.
    swept, run = swept_and_run(tmp_path, "combined-package.yaml",
                               "shocks.russian_demand.change", "[-0.2, -0.15]")
    differing = [(k[1:], v, run.get(k[1:])) for k, v in swept.items() if run.get(k[1:]) != v]
    assert not differing, (f"{len(differing)} of {len(swept)} rows differ; first "
                           f"(key, sweep, run): {differing[0]}")


def test_linear_sweep_point_equals_run_to_rounding(tmp_path):
    # Demand shocks only: the linear fast path superposes solutions, so it agrees with
    # `run` to rounding (docs/sweeps.md, "Speed and safety"), not bit for bit.
    swept, run = swept_and_run(tmp_path, "demand-linear.yaml", "shocks.russian_demand.change",
                               "[-0.3, -0.15]")
    worst = (0.0, None)
    for key, (value, change) in swept.items():
        expected = float(run[key[1:]][0])
        error = abs(float(value) - expected) / max(abs(expected), 1e-300)
        worst = max(worst, (error, (key[1:], value, run[key[1:]][0])))
    assert worst[0] <= 1e-12, f"worst relative difference {worst[0]:.3g}: (key, sweep, run) {worst[1]}"
