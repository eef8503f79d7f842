"""The documented install, end to end: `pip install --no-build-isolation` of the repository
into a fresh virtual environment (Debian's python3-venv from /usr/bin/python3, with
--system-site-packages for numpy and pandas), with no package index; then, from a folder outside the repository, the
README's one-liner prints the headline of a shipped scenario, whose numbers must be the
command-line program's for the same scenario.

Usage: install_test.py SOURCE_DIR BUILD_DIR SPILLOVER_BINARY

BUILD_DIR is this CMake build (configured with -DSPILLOVER_BUILD_PYTHON=ON): setup.py
brings it up to date instead of compiling the library again (SPILLOVER_BUILD_DIR), so the
test takes seconds, not the minutes of a fresh build."""

import csv
import io
import math
import os
import subprocess
import sys
import tempfile
import time

SOURCE, BUILD, BINARY = sys.argv[1:4]
SCENARIO = os.path.join(SOURCE, "scenarios", "russia-sanctions-2022.yaml")
ONE_LINER = ("import spillover; print(spillover.Model().run(%r).headline)" % SCENARIO)
EXACT = ("import spillover, sys; r = spillover.Model().run(%r); "
         "sys.stdout.write(spillover.__file__ + '\\n' + r.headline.to_csv())" % SCENARIO)

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message)


def run(argv, **kwargs):
    result = subprocess.run(argv, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit("%s exited %d\n%s\n%s" % (" ".join(argv), result.returncode, result.stdout,
                                          result.stderr))
    return result.stdout


def cli_headline():
    """The CLI's rows of the economy as a whole: {variable: (baseline, value, change, pct)}."""
    rows = list(csv.DictReader(io.StringIO(run([BINARY, "run", SCENARIO, "--format", "csv"]))))
    region = rows[0]["region"]  # the model's own region leads the table
    return {r["variable"]: tuple(float(r[k]) if r[k] else math.nan
                                 for k in ("baseline", "value", "change", "pct_change"))
            for r in rows if r["region"] == region and r["sector"] == "ALL"}


def printed_headline(text):
    """{variable: {column: number}} from a printed headline DataFrame. pandas leaves out
    middle columns ("...") when the frame is wider than its display, so the columns are
    named by the header line; the unit (words) comes first, the numbers last."""
    lines = text.splitlines()
    numeric = lines[0].split()[1:]  # the columns after `unit`, as printed
    values = {}
    for line in lines[2:]:
        words = line.split()
        if len(words) < len(numeric) + 2:
            continue  # the "[10 rows x 5 columns]" note, blank lines
        values[words[0]] = {name: float(word) for name, word in
                            zip(numeric, words[-len(numeric):]) if name != "..."}
    return values


def same(a, b, rel, absolute=0.0):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= rel * max(abs(a), abs(b)) + absolute


with tempfile.TemporaryDirectory(prefix="spillover-install-") as tmp:
    venv = os.path.join(tmp, "venv")
    # The interpreter that runs this script is the one the module is built for (CMake's
    # Python3_EXECUTABLE: /usr/bin/python3 unless configured otherwise); a venv of another
    # would be refused by setup.py, whose extension would not import there.
    run([sys.executable, "-m", "venv", "--system-site-packages", venv])
    python = os.path.join(venv, "bin", "python")
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "SPILLOVER_MODEL", "SPILLOVER_MODEL_DIR")}
    env["SPILLOVER_BUILD_DIR"] = BUILD
    start = time.monotonic()
    # --no-index: the install must not need a package index (none is reachable).
    run([python, "-m", "pip", "install", "--no-build-isolation", "--no-index", "--no-cache-dir",
         "--quiet", SOURCE], env=env, cwd=tmp)
    print("pip install into a fresh venv: %.1f s" % (time.monotonic() - start))
    elsewhere = os.path.join(tmp, "elsewhere")
    os.mkdir(elsewhere)
    env.pop("SPILLOVER_BUILD_DIR")

    expected = cli_headline()
    check(len(expected) >= 5, "the CLI's headline has %d rows" % len(expected))

    # The README's one-liner: its printed numbers are the CLI's to the digits printed.
    printed = printed_headline(run([python, "-c", ONE_LINER], env=env, cwd=elsewhere))
    check(set(printed) == set(expected),
          "variables printed %s, CLI %s" % (sorted(printed), sorted(expected)))
    columns = ("baseline", "value", "change", "pct_change")
    for variable, numbers in printed.items():
        want = dict(zip(columns, expected.get(variable, ())))
        check(numbers.keys() >= {"baseline", "change"} and numbers.keys() <= want.keys(),
              "%s: columns printed %s" % (variable, sorted(numbers)))
        # pandas prints six decimals here: equal to the CLI's double to half the last digit.
        check(all(same(numbers[c], want[c], 0.0, 5e-7) for c in numbers if c in want),
              "%s: printed %s, CLI %s" % (variable, numbers, want))

    # The same headline at full precision: every double equal to the CLI's.
    out = run([python, "-c", EXACT], env=env, cwd=elsewhere)
    module_file, table = out.split("\n", 1)
    check(module_file.startswith(venv),
          "imported %s, not the installed package in %s" % (module_file, venv))
    exact = {r["variable"]: tuple(float(r[k]) if r[k] else math.nan
                                  for k in ("baseline", "value", "change", "pct_change"))
             for r in csv.DictReader(io.StringIO(table))}
    check(set(exact) == set(expected), "variables %s, CLI %s" % (sorted(exact), sorted(expected)))
    for variable, got in exact.items():
        want = expected.get(variable)
        if want is not None:
            check(all(same(g, w, 0.0) for g, w in zip(got, want)),
                  "%s: Python %r, CLI %r (expected bit for bit)" % (variable, got, want))

    # Nothing of the install landed in the source tree (setuptools' build/ and egg-info).
    check(not os.path.exists(os.path.join(SOURCE, "spillover.egg-info")),
          "pip left spillover.egg-info in the source tree")

print("FAILED: %d checks" % len(failures) if failures else "ok")
sys.exit(1 if failures else 0)
