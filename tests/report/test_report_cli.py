"""`spillover report` through the real binary: report.html rendered by headless Chromium (no
console error, no network request, the charts with their titles, a PNG that is not blank
and differs between scenarios), report.xlsx read back by openpyxl (values equal to `run`,
codes as text), sweeps, and bad input that exits 2 leaving nothing behind."""
import os
import pathlib
import re
import shutil
import struct
import subprocess
import zlib

import openpyxl
import pytest

from conftest import SOURCE, read_csv, scenario, spillover

A = scenario("cpc-outage.yaml")
B = scenario("cpc-outage-with-expansion.yaml")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Chromium's own services, which it calls whatever the page holds; any other URL in the
# network log is a request made by the page.
BROWSER_HOSTS = ("google.com", "googleapis.com", "gvt1.com", "gstatic.com")


def chromium(url, *flags, tmp):
    """Runs headless Chromium with the network disabled; returns (stdout, stderr, net log)."""
    assert CHROMIUM, "chromium is not installed (scripts/install-deps installs it)"
    net_log = tmp / f"net-{len(list(tmp.glob('net-*')))}.json"
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9",
         "--disable-background-networking", "--no-first-run", "--enable-logging=stderr", "--v=0",
         f"--user-data-dir={tmp / 'profile'}", f"--log-net-log={net_log}", *flags, url],
        capture_output=True, text=True, timeout=120)
    return done.stdout, done.stderr, net_log.read_text() if net_log.exists() else ""


def page_requests(net_log):
    urls = set(re.findall(r'"url":"([^"]*)"', net_log))
    return sorted(u for u in urls if not u.startswith(("file:", "data:", "about:"))
                  and not any(h in u.split("/")[2] for h in BROWSER_HOSTS))


def console_messages(stderr):
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def png_pixels(path):
    """(width, height, rows of bytes) of an 8-bit RGB or RGBA PNG (what Chromium writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):  # PNG filters (RFC 2083, 6.)
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    spillover("report", A, B, "--out", str(out / "r"))
    return out / "r"


def test_the_network_and_console_checks_catch_a_bad_page(tmp_path):
    # The checks below could pass by not seeing anything; this page must trip both.
    page = tmp_path / "bad.html"
    page.write_text("<html><body><script>console.error('boom')</script>"
                    "<img src='http://example.com/a.png'></body></html>")
    _, stderr, net_log = chromium(page.as_uri(), "--dump-dom", tmp=tmp_path)
    assert any("boom" in m for m in console_messages(stderr)), stderr
    assert page_requests(net_log) == ["http://example.com/a.png"]


def test_html_is_self_contained_and_renders_the_charts(report, tmp_path):
    html = (report / "report.html").read_text()
    assert not re.search(r"<script|<link|<img|@import|url\(http|src=|href=['\"]?http", html)
    dom, stderr, net_log = chromium((report / "report.html").as_uri(), "--dump-dom", tmp=tmp_path)
    assert console_messages(stderr) == []
    assert page_requests(net_log) == []
    charts = dict(re.findall(r"<figure class=\"chart\" id=\"([^\"]+)\">.*?"
                             r"class=\"chart-title\">([^<]+)</text>", dom, re.S))
    for chart, words in [("chart-gva-groups", "sector group"), ("chart-gva-sectors", "sectors"),
                         ("chart-exports", "Exports by partner"), ("chart-imports", "Imports"),
                         ("chart-routes-mt", "volume"), ("chart-routes-money", "value"),
                         ("chart-difference", "Difference from the baseline")]:
        assert words in charts.get(chart, ""), (chart, charts)
    # Axis labels carry units and every chart has a source line.
    assert dom.count("<figcaption>Source: ") == len(charts)
    assert "change, bn KZT" in dom and "Mt/yr" in dom
    for text in ["How to read this", "Kazakhstan 2024", "spillover 0.", "The question",
                 "Caspian Pipeline Consortium line to Novorossiysk",  # the YAML's comment block
                 "GDP saves"]:
        assert text in dom, text


def test_screenshot_is_not_blank_and_differs_between_scenarios(tmp_path):
    shots = []
    for name, file in [("a", A), ("b", scenario("combined-package.yaml"))]:
        spillover("report", file, "--out", str(tmp_path / name))
        png = tmp_path / f"{name}.png"
        chromium((tmp_path / name / "report.html").as_uri(), f"--screenshot={png}",
                 "--window-size=900,2600", tmp=tmp_path)
        width, height, rows = png_pixels(png)
        assert (width, height) == (900, 2600)
        pixels = b"".join(rows)
        non_white = sum(1 for i in range(0, len(pixels), 97) if pixels[i] < 200)
        assert non_white > len(pixels) / 97 * 0.02, non_white  # text and bars, not an empty page
        assert len(set(pixels[::7])) > 20  # more than a flat colour
        shots.append(pixels)
    changed = sum(1 for x, y in zip(shots[0][::13], shots[1][::13]) if x != y)
    assert changed > len(shots[0]) / 13 * 0.01, changed


def write_png(path, rows, channels):
    """An 8-bit RGB PNG of rows of RGB or RGBA bytes (no filter)."""
    width = len(rows[0]) // channels
    raw = b"".join(b"\0" + bytes(r[i] for i in range(len(r)) if i % channels < 3) for r in rows)

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, len(rows), 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def test_docs_screenshot_shows_charts(report, tmp_path):
    """The part of the README's report that docs/reports.md shows; written to
    $SPILLOVER_REPORT_SCREENSHOT (docs/img/report-charts.png) when that is set."""
    png = tmp_path / "full.png"
    chromium((report / "report.html").as_uri(), f"--screenshot={png}", "--window-size=760,3000",
             tmp=tmp_path)
    width, height, rows = png_pixels(png)
    channels = len(rows[0]) // width
    crop = rows[1950:1950 + 1000]
    assert len(set(b"".join(crop)[::11])) > 20  # charts, not an empty stretch of page
    if os.environ.get("SPILLOVER_REPORT_SCREENSHOT"):
        write_png(pathlib.Path(os.environ["SPILLOVER_REPORT_SCREENSHOT"]), crop, channels)


def test_workbook_equals_run_and_keeps_codes_as_text(report):
    book = openpyxl.load_workbook(report / "report.xlsx")
    assert book.sheetnames == ["About", "Headline", "Partners", "Sectors", "Prices", "Routes"]
    run = {(r["scenario"], r["region"], r["sector"], r["variable"]): r
           for f in (A, B) for r in read_csv(spillover("run", f, "--format", "csv").stdout)}
    checked = 0
    for sheet in ["Headline", "Partners", "Sectors", "Prices"]:
        ws = book[sheet]
        header = [c.value for c in ws[1]]
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
        unit = {"Prices": ", index (base = 1)", "Headline": " (unit: column F)"}.get(sheet, ", KZT billion")
        assert header[6:9] == ["baseline" + unit, "value" + unit, "change" + unit], header
        for row in ws.iter_rows(min_row=2, values_only=True):
            expected = run[(row[0], row[1], row[2], row[4])]
            assert all(isinstance(v, str) for v in row[:6] if v is not None), row
            # To the last digit: the run CSV holds shortest round-trip decimals.
            assert row[7] == float(expected["value"]), (row, expected)
            assert row[8] == float(expected["change"]), (row, expected)
            assert (row[9] is None) == (expected["pct_change"] == "")
            checked += 1
    assert checked > 500
    headline = book["Headline"]
    gdp = next(r for r in headline.iter_rows(min_row=2, values_only=True) if r[4] == "gdp")
    assert repr(gdp[7]) == repr(float(run[(gdp[0], "KAZ", "ALL", "gdp")]["value"]))
    sectors = [r[2] for r in book["Sectors"].iter_rows(min_row=2, values_only=True)]
    assert "01" in sectors and "061" in sectors  # not 1 and 61
    assert book["Headline"]["H2"].number_format == "#,##0.0"
    about = [r[1] for r in book["About"].iter_rows(values_only=True)]
    assert any("cite" in (r[0] or "") for r in book["About"].iter_rows(values_only=True))
    assert "  cpc_down:" in about  # the scenarios' YAML text, line by line
    routes = list(book["Routes"].iter_rows(values_only=True))
    cpc = next(r for r in routes[1:] if r[0] == "CPC" and r[2] == "cpc_outage_3m")
    assert cpc[3] == "Mt/yr" and cpc[4] == 67.0 and cpc[5] == 55.6
    assert cpc[11] + cpc[12] == pytest.approx(-(cpc[10] - cpc[9]), rel=1e-12)  # rerouted + lost
    # Capacity before (model/kaz-2024/routes.yaml: 6 Mt/yr) and after (B adds 4 Mt/yr).
    assert routes[0][4] == "capacity before (physical unit)"
    assert routes[0][13] == "capacity after (physical unit)"
    corridor = {r[2]: r for r in routes[1:] if r[0] == "MIDDLE_CORRIDOR"}
    assert corridor["cpc_outage_with_expansion"][4] == 6.0
    assert corridor["cpc_outage_with_expansion"][13] == pytest.approx(10.0, rel=1e-12)
    if "cpc_outage_3m" in corridor:
        assert corridor["cpc_outage_3m"][13] == 6.0


def test_report_names_the_model_without_the_machines_paths(report):
    """A report reads the same on any machine: the shipped model by its name, never the
    absolute folder it was found in."""
    html = (report / "report.html").read_text()
    assert "Model folder: <code>kaz-2024 (a model shipped with spillover)</code>" in html
    assert f"Model folder: <code>{SOURCE}" not in html
    book = openpyxl.load_workbook(report / "report.xlsx")
    about = {r[0]: r[1] for r in book["About"].iter_rows(values_only=True)}
    assert about["Model folder"] == "kaz-2024 (a model shipped with spillover)"


def sweep(tmp_path, name):
    out = tmp_path / name
    spillover("sweep", scenario(name + ".yaml"), "--out", str(out))
    return out


def test_points_only_sweep_states_its_units(tmp_path):
    """With --detail points, results.csv has no rows to take the money unit from: sweep.meta
    states it, and the report's headers carry it."""
    out = tmp_path / "sweep"
    spillover("sweep", scenario("sweep-cpc-duration.yaml"), "--out", str(out), "--detail",
              "points")
    # The unit of the sweep's base scenario as `run` gives it.
    base = scenario("cpc-outage-with-expansion.yaml")
    run = read_csv(spillover("run", base, "--format", "csv").stdout)
    unit = next(r["unit"] for r in run if r["variable"] == "gdp")
    meta = (out / "sweep.meta").read_text()
    for column in ("gdp_baseline", "gdp", "gdp_change", "exports_change", "imports_change"):
        assert f"\nunit.{column} {unit}\n" in meta, meta
    spillover("report", str(out), "--out", str(tmp_path / "r"))
    header = [c.value for c in openpyxl.load_workbook(tmp_path / "r" / "report.xlsx")["Points"][1]]
    assert f"gdp_change, {unit}" in header, header


def test_grid_sweep_report_has_a_heatmap_and_points(tmp_path):
    folder = sweep(tmp_path, "sweep-cpc-duration")
    spillover("report", str(folder), "--out", str(tmp_path / "r"))
    dom, stderr, _ = chromium((tmp_path / "r" / "report.html").as_uri(), "--dump-dom", tmp=tmp_path)
    assert console_messages(stderr) == []
    assert 'id="chart-sweep-heatmap"' in dom and "GDP change, bn KZT" in dom
    assert dom.count('class="cell"') == 30
    book = openpyxl.load_workbook(tmp_path / "r" / "report.xlsx")
    points = list(book["Points"].iter_rows(values_only=True))
    assert points[0][4] == "gdp, KZT billion"
    csv_rows = read_csv((folder / "points.csv").read_text())
    assert len(points) == len(csv_rows) + 1
    assert [p[5] for p in points[1:]] == [float(r["gdp_change"]) for r in csv_rows]


def test_monte_carlo_report_has_histogram_fan_and_drivers(tmp_path):
    folder = sweep(tmp_path, "sweep-sanctions-monte-carlo")
    spillover("report", str(folder), "--out", str(tmp_path / "r"))
    dom, stderr, _ = chromium((tmp_path / "r" / "report.html").as_uri(), "--dump-dom", tmp=tmp_path)
    assert console_messages(stderr) == []
    for chart in ["chart-mc-histogram", "chart-mc-fan", "chart-mc-drivers"]:
        assert f'id="{chart}"' in dom, chart
    book = openpyxl.load_workbook(tmp_path / "r" / "report.xlsx")
    assert book.sheetnames == ["About", "Points", "Summary"]
    # The demand fall drives the GDP change most: a rank correlation computed here.
    rows = read_csv((folder / "points.csv").read_text())
    x = [float(r["shocks.russian_demand.change"]) for r in rows]
    y = [float(r["gdp_change"]) for r in rows]

    def ranks(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        for k, i in enumerate(order):
            r[i] = k + 1.0
        return r
    rx, ry = ranks(x), ranks(y)
    n, mx, my = len(x), sum(rx) / len(x), sum(ry) / len(y)
    rho = sum((a - mx) * (b - my) for a, b in zip(rx, ry)) / (
        sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5
    shown = re.search(r"shocks\.russian_demand\.change</th><td>(-?[0-9.]+)</td>", dom)
    assert shown and float(shown.group(1)) == pytest.approx(rho, abs=0.0005), (shown, rho, n)


def fnv1a(text):
    """The 64-bit FNV-1a hash that checks a sweep.meta (src/sweep/sweep_state.cpp)."""
    h = 1469598103934665603
    for byte in text.encode():
        h = ((h ^ byte) * 1099511628211) % 2**64
    return h


def listing(folder):
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else None


def test_bad_input_exits_2_and_leaves_nothing(tmp_path):
    out = tmp_path / "r"
    spillover("report", A, "--out", str(out))
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    done = spillover("report", B, "--out", str(out), check=False)
    assert done.returncode == 2 and "report.html: exists" in done.stderr and "--force" in done.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    spillover("report", B, "--out", str(out), "--force")
    assert (out / "report.html").read_bytes() != before["report.html"]

    other = tmp_path / "other.yaml"
    other.write_text(f"name: other\nmodel: {SOURCE}/model/example-2sector\nshocks: {{}}\n")
    done = spillover("report", A, str(other), "--out", str(tmp_path / "mixed"), check=False)
    assert done.returncode == 2 and "one model" in done.stderr, done.stderr
    assert listing(tmp_path / "mixed") is None

    running = sweep(tmp_path, "sweep-cpc-duration")
    meta = (running / "sweep.meta").read_text()
    older = tmp_path / "older"
    shutil.copytree(running, older)
    body = "spillover-sweep 1\n" + meta[:meta.rindex("check ")].split("\n", 1)[1]
    (older / "sweep.meta").write_text(body + f"check {fnv1a(body):016x}\n")  # a valid older file
    done = spillover("report", str(older), "--out", str(tmp_path / "o"), check=False)
    assert done.returncode == 2 and "not a state file of this version" in done.stderr
    assert listing(tmp_path / "o") is None

    unfinished = tmp_path / "unfinished"
    done = spillover("sweep", scenario("sweep-cpc-duration.yaml"), "--out", str(unfinished),
                     "--stop-after-blocks", "0", check=False)
    assert (unfinished / "sweep.meta").exists(), done.stderr
    done = spillover("report", str(unfinished), "--out", str(tmp_path / "u"), check=False)
    assert done.returncode == 2 and "not finished" in done.stderr, done.stderr
    assert listing(tmp_path / "u") is None

    edited = tmp_path / "edited"
    shutil.copytree(running, edited)
    with open(edited / "points.csv", "a") as f:
        f.write("99,1,2\n")
    done = spillover("report", str(edited), "--out", str(tmp_path / "e"), check=False)
    assert done.returncode == 2 and "points.csv" in done.stderr
    assert listing(tmp_path / "e") is None
    assert listing(out) == ["report.html", "report.xlsx"]


def test_model_info_lists_the_routes():
    info = spillover("model", "info").stdout
    cpc = re.search(r"^  CPC +pipeline +Mt/yr +67\.0\* +55\.6\* +11\.4 +RUS\n +carries \(largest first\) "
                    r"2 flows worth ([0-9,]+): 061->EU 81\.8%, 061->ROW 81\.8%$", info, re.M)
    assert cpc, info
    # The value it carries is the base-year route flow of a run (KZT thousand vs billion).
    run = read_csv(spillover("run", A, "--format", "csv").stdout)
    flow = next(r for r in run if r["region"] == "CPC" and r["variable"] == "route_flow")
    assert float(cpc.group(1).replace(",", "")) == pytest.approx(float(flow["baseline"]) * 1e6, abs=1)
    assert "MIDDLE_CORRIDOR" in info and "AZE GEO TUR" in info
