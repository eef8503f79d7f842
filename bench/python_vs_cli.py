#!/usr/bin/python3
"""The Python module against the command-line program, on the shipped Kazakh model.

1. Model.run with overrides in a Python loop against one `spillover run` process per run
   (same scenario, same --set values, CSV to /dev/null).
2. Model.sweep of a Monte Carlo final-demand sweep into a DataFrame against
   `spillover sweep` of the same file into a folder, 2 threads, --detail totals.

Medians of paired repetitions (Python and CLI alternating). Usage, from the repository
root after the build with -DSPILLOVER_BUILD_PYTHON=ON:

    PYTHONPATH=build/python /usr/bin/python3 bench/python_vs_cli.py [--runs 10000]
        [--cli-runs 1000] [--points 100000] [--repeat 3]

Fewer CLI processes than Python runs may be timed (--cli-runs); the per-run time is then
scaled to --runs, and the output says so.
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import spillover

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SCENARIO = os.path.join(ROOT, "scenarios", "russia-sanctions-2022.yaml")
KEY = "shocks.russian_demand.change"


def sweep_file(folder, points):
    base = os.path.join(folder, "demand.yaml")
    with open(base, "w") as f:
        f.write("name: demand\nshocks:\n  fd:\n    type: final_demand\n"
                "    categories: households\n    change: -0.1\n")
    path = os.path.join(folder, "sweep.yaml")
    with open(path, "w") as f:
        f.write("sweep:\n  name: fd_mc\n  base: demand.yaml\n  method: monte_carlo\n"
                "  samples: %d\n  seed: 1\n  parameters:\n"
                "    shocks.fd.change: {distribution: uniform, low: -0.3, high: 0}\n" % points)
    return path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10000)
    parser.add_argument("--cli-runs", type=int, default=1000)
    parser.add_argument("--points", type=int, default=100000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "src", "spillover"))
    args = parser.parse_args()
    print("OPENBLAS_CORETYPE=%s OPENBLAS_L2_SIZE=%s, python %s" % (
        os.environ.get("OPENBLAS_CORETYPE", "(unset)"),
        os.environ.get("OPENBLAS_L2_SIZE", "(unset)"), sys.executable))

    model = spillover.Model()
    values = [-0.3 * i / max(1, args.runs - 1) for i in range(args.runs)]

    def python_runs():
        start, cpu = time.perf_counter(), time.process_time()
        for v in values:
            model.run(SCENARIO, overrides={KEY: v})
        return time.perf_counter() - start, time.process_time() - cpu

    def python_runs_headline():
        start, cpu = time.perf_counter(), time.process_time()
        for v in values:
            model.run(SCENARIO, overrides={KEY: v}).headline
        return time.perf_counter() - start, time.process_time() - cpu

    def children_cpu():
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    def cli_runs():
        step = max(1, args.runs // args.cli_runs)
        chosen = values[::step][: args.cli_runs]
        start, cpu = time.perf_counter(), children_cpu()
        for v in chosen:
            subprocess.run([args.binary, "run", SCENARIO, "--set", "%s=%r" % (KEY, v),
                            "--format", "csv"], stdout=subprocess.DEVNULL, check=True)
        scale = args.runs / len(chosen)
        return (time.perf_counter() - start) * scale, (children_cpu() - cpu) * scale

    py, py_h, cl = [], [], []
    for _ in range(args.repeat):
        py.append(python_runs())
        cl.append(cli_runs())
        py_h.append(python_runs_headline())
    print("\n%d runs with overrides (median of %d; wall and CPU seconds):"
          % (args.runs, args.repeat))
    rows = [("Model.run", py), ("Model.run + headline", py_h), ("CLI processes", cl)]
    med = {}
    for label, pairs in rows:
        wall = statistics.median(w for w, _ in pairs)
        cpu = statistics.median(c for _, c in pairs)
        med[label] = (wall, cpu)
        print("  %-21s wall %8.2f s (%7.0f us/run)  cpu %8.2f s" % (
            label, wall, 1e6 * wall / args.runs, cpu))
    if args.cli_runs < args.runs:
        print("  (CLI: %d processes timed, scaled to %d)" % (args.cli_runs, args.runs))
    c = med["CLI processes"]
    for label in ("Model.run", "Model.run + headline"):
        print("  ratio CLI / %s: wall %.0fx, cpu %.0fx" % (label, c[0] / med[label][0],
                                                         c[1] / med[label][1]))

    folder = tempfile.mkdtemp(prefix="spillover-bench-")
    try:
        spec = sweep_file(folder, args.points)
        sweep_model = spillover.Model()

        def python_sweep():
            start, cpu = time.perf_counter(), time.process_time()
            frame = sweep_model.sweep(spec, threads=2, detail="totals")
            return time.perf_counter() - start, time.process_time() - cpu, len(frame)

        def cli_sweep():
            out = os.path.join(folder, "out")
            start, cpu = time.perf_counter(), children_cpu()
            subprocess.run([args.binary, "sweep", spec, "--out", out, "--threads", "2",
                            "--detail", "totals", "--force", "--quiet"], check=True)
            return time.perf_counter() - start, children_cpu() - cpu

        ps, cs = [], []
        rows = 0
        for _ in range(args.repeat):
            wall, cpu, rows = python_sweep()
            ps.append((wall, cpu))
            cs.append(cli_sweep())
        pw = statistics.median(w for w, _ in ps)
        pc = statistics.median(c for _, c in ps)
        cw = statistics.median(w for w, _ in cs)
        cc = statistics.median(c for _, c in cs)
        print("\nsweep of %d Monte Carlo final-demand points, 2 threads, totals (median of %d):"
              % (args.points, args.repeat))
        print("  Model.sweep -> DataFrame (%d rows) wall %6.2f s  cpu %6.2f s" % (rows, pw, pc))
        print("  spillover sweep -> files            wall %6.2f s  cpu %6.2f s" % (cw, cc))
        print("  ratio Model.sweep / CLI: wall %.2f, cpu %.2f" % (pw / cw, pc / cc))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
