"""The file and folder functions of the package (files.h in C++) against the program:
reports of scenario files, validate, the importers and export, and the merge of shards."""

import glob
import os
import re
import subprocess
import textwrap

import pytest

import spillover

ROOT = os.environ.get("SPILLOVER_SOURCE_DIR",
                      os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
BINARY = os.environ.get("SPILLOVER_BINARY", os.path.join(ROOT, "build", "src", "spillover"))
SANCTIONS = os.path.join(ROOT, "scenarios", "russia-sanctions-2022.yaml")


def cli(*args, check=True):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, check=check)


def test_report_of_files_is_the_cli_report(tmp_path):
    # Scenario files take the program's own path: the same page and workbook, the file
    # names and their text included, but for the date.
    import openpyxl
    files = [os.path.join(ROOT, "scenarios", f)
             for f in ("cpc-outage.yaml", "cpc-outage-with-expansion.yaml")]
    folder = os.path.join(ROOT, "model", "kaz-2024")
    m = spillover.Model(folder)
    paths = m.report(files, tmp_path / "py")
    cli("report", *files, "--model", folder, "--out", str(tmp_path / "cli"), "--quiet")
    date = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC")

    def page(path):
        with open(path, encoding="utf-8") as f:
            return date.sub("DATE", f.read())

    ours = page(paths["html"])
    assert "Scenario file: <code>" + files[0] in ours
    assert ours == page(tmp_path / "cli" / "report.html")
    a = openpyxl.load_workbook(paths["xlsx"])
    b = openpyxl.load_workbook(tmp_path / "cli" / "report.xlsx")
    assert a.sheetnames == b.sheetnames
    for name in a.sheetnames:
        rows_a = [[date.sub("DATE", c.value) if isinstance(c.value, str) else c.value
                   for c in row] for row in a[name].iter_rows()]
        rows_b = [[date.sub("DATE", c.value) if isinstance(c.value, str) else c.value
                   for c in row] for row in b[name].iter_rows()]
        assert rows_a == rows_b, name
    # The About sheet holds the scenario file, a line a row.
    cells = {c.value for row in a["About"].iter_rows() for c in row}
    with open(files[0], encoding="utf-8") as f:
        lines = [line for line in f.read().splitlines() if line.strip()]
    missing = [line for line in lines if line not in cells]
    assert len(lines) > 5 and not missing, missing[:3]
    with pytest.raises(spillover.InputError, match="report.html"):
        m.report(files, tmp_path / "py")
    m.report(files, tmp_path / "py", force=True)


def test_validate_says_what_the_cli_says(tmp_path):
    # One run of the checks for the program and for Python: the same files pass and fail,
    # with the same words (a scenario, a bad scenario, a sweep with failing points, a sweep).
    (tmp_path / "base.yaml").write_text(textwrap.dedent("""\
        name: base
        model: %s
        shocks:
          supply: {type: import_supply, partners: [RUS], share: 0.2}
        """ % os.path.join(ROOT, "model", "example-2sector")))
    (tmp_path / "sweep.yaml").write_text(textwrap.dedent("""\
        sweep:
          name: failing
          base: base.yaml
          method: grid
          parameters:
            shocks.supply.partners: {values: [RUS, XYZ, CHN]}
        """))
    files = [SANCTIONS, os.path.join(ROOT, "tests", "bad_input", "scenarios", "typo_top_key.yaml"),
             str(tmp_path / "sweep.yaml"),
             os.path.join(ROOT, "scenarios", "sweep-demand-x-supply.yaml")]
    checks = spillover.validate(files)
    run = cli("validate", *files, check=False)
    assert run.returncode == 2
    assert list(checks.ok) == [True, False, False, True]
    assert "".join("error: " + e for e in checks.error if e) == run.stderr
    assert checks.failed.tolist() == [0, 0, 1, 0]
    lines = run.stdout.splitlines()
    first = checks.iloc[0]
    assert lines[0] == "%s: ok (%d shocks, model '%s')" % (files[0], first.shocks, first.model)
    last = checks.iloc[3]
    assert last.kind == "sweep"
    assert lines[1] == "%s: ok (sweep of %d points, %d checked)" % (files[3], last.points,
                                                                    last.checked)
    # An override as Model.run takes it, refused as the program refuses the same --set.
    bad = spillover.validate(SANCTIONS, overrides={"shocks.russian_demand.change": -5})
    run = cli("validate", SANCTIONS, "--set", "shocks.russian_demand.change=-5", check=False)
    assert not bad.ok[0] and "error: " + bad.error[0] == run.stderr


def folder_files(folder):
    """{relative path: bytes} of every file below `folder`."""
    out = {}
    for path in glob.glob(os.path.join(str(folder), "**"), recursive=True):
        if os.path.isfile(path):
            with open(path, "rb") as f:
                out[os.path.relpath(path, str(folder))] = f.read()
    return out


def test_imports_and_export_write_the_cli_folders(tmp_path):
    # The same importers as the program: the folders written are the same, byte for byte.
    icio = os.path.join(ROOT, "tests", "bad_input", "icio", "small.csv")
    notes = spillover.import_icio(icio, tmp_path / "py_icio", year=2022)
    run = cli("import", "icio", icio, "--year", "2022", "--out", str(tmp_path / "cli_icio"))
    assert ["  " + n for n in notes] == run.stdout.splitlines()[1:]
    assert folder_files(tmp_path / "py_icio") == folder_files(tmp_path / "cli_icio")
    assert spillover.Model(tmp_path / "py_icio").regions == ["KAZ", "RUS"]

    pymrio_dir = os.path.join(ROOT, "tests", "data", "pymrio_small")
    spillover.import_pymrio(pymrio_dir, tmp_path / "py_pymrio")
    cli("import", "pymrio", pymrio_dir, "--out", str(tmp_path / "cli_pymrio"))
    assert folder_files(tmp_path / "py_pymrio") == folder_files(tmp_path / "cli_pymrio")

    example = os.path.join(ROOT, "model", "example-2sector")
    spillover.export_pymrio(example, tmp_path / "py_export")
    cli("export", "pymrio", example, "--out", str(tmp_path / "cli_export"))
    assert folder_files(tmp_path / "py_export") == folder_files(tmp_path / "cli_export")
    # A folder that holds files is refused with the program's words.
    with pytest.raises(spillover.InputError) as e:
        spillover.export_pymrio(example, tmp_path / "py_export")
    refused = cli("export", "pymrio", example, "--out", str(tmp_path / "py_export"), check=False)
    assert refused.stderr == "error: " + str(e.value) + "\n"


def test_merge_sweeps_gives_the_single_run(tmp_path):
    sweep = os.path.join(ROOT, "scenarios", "sweep-demand-x-supply.yaml")
    for k in (1, 2):
        cli("sweep", sweep, "--out", str(tmp_path / ("shard%d" % k)), "--shard", "%d/2" % k,
            "-q", "-j", "1")
    assert spillover.merge_sweeps([tmp_path / "shard1", tmp_path / "shard2"],
                                  tmp_path / "merged") == 0  # no failed points
    cli("sweep", sweep, "--out", str(tmp_path / "single"), "-q", "-j", "1")
    for name in ("results.csv", "points.csv"):
        with open(tmp_path / "merged" / name, "rb") as a, open(tmp_path / "single" / name,
                                                               "rb") as b:
            assert a.read() == b.read(), name
