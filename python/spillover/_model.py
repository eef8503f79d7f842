"""Model and Result: pandas views over spillover's C++ engine."""

import io
import json
import os

import numpy as np
import pandas as pd

from . import _core
from ._errors import InputError

_HERE = os.path.dirname(os.path.abspath(__file__))
_SHIPPED_MODEL = os.path.join(_HERE, "data", "kaz-2024")


def _read_csv(text):
    # round_trip: the CSV holds the shortest text that reads back to the same double.
    return pd.read_csv(io.StringIO(text), float_precision="round_trip", keep_default_na=False,
                       na_values=[""])


def _is_path(value):
    """A path rather than YAML text: a PathLike, or one line naming a file."""
    if isinstance(value, os.PathLike):
        return True
    return isinstance(value, str) and "\n" not in value and (
        value.endswith((".yaml", ".yml")) or os.path.exists(value))


def _scenario(scenario, overrides=None):
    """A _core.Scenario from a path, YAML text or a dict, with overrides applied."""
    if isinstance(scenario, _core.Scenario):
        s = scenario
    elif isinstance(scenario, os.PathLike):
        s = _core.Scenario.from_file(os.fspath(scenario))
    elif isinstance(scenario, str):
        s = (_core.Scenario.from_file(scenario) if _is_path(scenario)
             else _core.Scenario.from_text(scenario, "<text>"))
    elif isinstance(scenario, dict):
        s = _core.Scenario.from_tree(scenario, "<dict>")
    else:
        raise TypeError("scenario must be a path, YAML text or a dict, not "
                        + type(scenario).__name__)
    for path, value in (overrides or {}).items():
        s = s.set(path, value, "overrides['%s']" % path)
    return s


def _sweep(spec):
    if isinstance(spec, os.PathLike):
        return _core.Sweep.from_file(os.fspath(spec))
    if isinstance(spec, str):
        return _core.Sweep.from_file(spec) if _is_path(spec) else _core.Sweep.from_text(
            spec, "<text>")
    if isinstance(spec, dict):
        return _core.Sweep.from_tree(spec, "<dict>")
    raise TypeError("spec must be a path, YAML text or a dict, not " + type(spec).__name__)


def _list(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return list(value)


class Result:
    """The outcome of one scenario, the same numbers as ``spillover run``.

    Money values are in ``money_unit`` (the scenario's currency and scale, by default the
    model's unit); prices and the CPI are indices with base 1; ``pct_change`` is in percent.
    """

    def __init__(self, core, region):
        self._core = core
        self._region = region
        self._table = None

    scenario = property(lambda self: self._core.scenario, doc="The scenario's name.")
    description = property(lambda self: self._core.description)
    status = property(lambda self: self._core.status, doc='"ok" or "warning".')
    message = property(lambda self: self._core.message,
                       doc="What a warning means (e.g. sectors held at a supply limit).")
    money_unit = property(lambda self: self._core.money_unit,
                          doc='Unit of the money values, e.g. "KZT thousand".')

    @property
    def table(self):
        """The tidy table of ``results.csv``: columns scenario, region, sector, name,
        variable, unit, baseline, value, change, pct_change (one row per region or partner or route,
        sector or ALL, and variable). The values are the same doubles the CSV holds."""
        if self._table is None:
            self._table = pd.DataFrame(self._core.table())
        return self._table.copy()

    def _rows(self, mask, index):
        t = self.table
        return t[mask(t)].set_index(index)[["unit", "baseline", "value", "change",
                                           "pct_change"]]

    @property
    def headline(self):
        """GDP, GVA, net product taxes, output, exports, imports, trade balance, import gap
        and CPI of the economy, indexed by variable (money in ``money_unit``)."""
        return self._rows(lambda t: (t.region == self._region) & (t.sector == "ALL"),
                          "variable")

    @property
    def by_partner(self):
        """Exports and imports by partner (totals), indexed by (partner, variable)."""
        region, names = self._region, set(self._partners())
        return self._rows(lambda t: t.region.isin(names) & (t.sector == "ALL")
                          & (t.region != region), ["region", "variable"]).rename_axis(
                              ["partner", "variable"])

    @property
    def by_sector(self):
        """Output, GVA, price index and satellites per sector (and final use per
        category), indexed by (sector, variable)."""
        return self._rows(lambda t: (t.region == self._region) & (t.sector != "ALL"),
                          ["sector", "variable"])

    @property
    def routes(self):
        """Export routes: flow, affected, rerouted, lost and extra cost per route, indexed by
        (route, variable)."""
        return self._rows(lambda t: t.variable.str.startswith("route_"),
                          ["region", "variable"]).rename_axis(["route", "variable"])

    @property
    def summary(self):
        """The dict of ``summary.json`` for this scenario."""
        return json.loads(self._core.json())

    def csv(self):
        """``results.csv`` for this scenario, as text."""
        return self._core.csv()

    def __str__(self):
        return self._core.text()

    def __repr__(self):
        gdp = self._core.find(self._region, "ALL", "gdp")
        text = "<spillover.Result %r" % self.scenario
        if gdp is not None:
            unit, base, value = gdp
            text += ": GDP %+.3f%% (%+.6g %s)" % (100 * (value - base) / abs(base) if base else
                                                 float("nan"), value - base, unit)
        return text + ">"

    def _partners(self):
        t = self._table if self._table is not None else self.table
        return t.loc[(t.sector == "ALL") & (t.region != self._region)
                     & ~t.variable.str.startswith("route_"), "region"].unique()


class Model:
    """An input-output model, loaded, checked and factorised once.

    ``Model()`` loads the model shipped with the package (Kazakhstan 2024, 68 products,
    thousand KZT); ``Model(path)`` loads a model folder (docs/model-format.md). With the
    environment variable ``SPILLOVER_MODEL`` set, ``Model()`` loads that folder instead,
    as the command-line program does.

    Flows are in ``unit`` (e.g. "KZT thousand") for the base ``year``. Matrices are pandas
    objects indexed by (region, sector), as pymrio's are, and share the model's memory
    (read-only): Z (domestic intermediate use), Y (domestic final use), V (value added ×
    sectors and final-use categories), A (technical coefficients, per unit of output) and
    x (output). The Leontief inverse is formed only by ``L()``.
    """

    def __init__(self, path=None, _core_model=None):
        if _core_model is not None:
            self._m = _core_model
        else:
            if path is None:
                env = os.environ.get("SPILLOVER_MODEL")
                path = env if env else (_SHIPPED_MODEL if os.path.isdir(_SHIPPED_MODEL)
                                        else "")
            self._m = _core.Model.load(os.fspath(path))
        self._cache = {}

    # -- what the model is
    code = property(lambda self: self._m.regions[0] if len(self._m.regions) == 1 else
                    ",".join(self._m.regions),
                    doc="The economy's region code (e.g. 'KAZ').")
    name = property(lambda self: self._m.name, doc="The model's name.")
    description = property(lambda self: self._m.description)
    unit = property(lambda self: self._m.unit, doc='Unit of all flows, e.g. "KZT thousand".')
    currency = property(lambda self: self._m.currency)
    year = property(lambda self: self._m.year, doc="Base year of the table.")
    folder = property(lambda self: self._m.folder, doc="The model folder ('' in memory).")
    regions = property(lambda self: list(self._m.regions), doc="Region codes.")
    partners = property(lambda self: list(self._m.partners),
                        doc="Codes of the trade partners (exogenous).")
    final_demand = property(lambda self: list(self._m.final_demand),
                            doc="Codes of the final-use categories.")
    value_added_rows = property(lambda self: list(self._m.value_added),
                                doc="Codes of the value-added components.")

    @property
    def sectors(self):
        """Sector codes (without the region), in the model's order."""
        seen = []
        for _, sector in self._index_tuples():
            if sector not in seen:
                seen.append(sector)
        return seen

    def _index_tuples(self):
        regions = self._m.regions
        if len(regions) == 1:
            return [(regions[0], s) for s in self._m.sectors]
        return [tuple(s.split(":", 1)) for s in self._m.sectors]

    def _index(self, codes=None, names=("region", "sector")):
        if codes is None:
            tuples = self._index_tuples()
        elif len(self._m.regions) == 1:
            tuples = [(self._m.regions[0], c) for c in codes]
        else:
            tuples = [tuple(c.split(":", 1)) for c in codes]
        return pd.MultiIndex.from_tuples(tuples, names=list(names))

    def _frame(self, key, columns):
        if key not in self._cache:
            array = self._m.matrix(key)
            self._cache[key] = pd.DataFrame(array, index=self._index(), columns=columns,
                                            copy=False)
        return self._cache[key]

    @property
    def Z(self):
        """Domestic intermediate use, sectors × sectors, in ``unit`` (read-only)."""
        return self._frame("Z", self._index())

    @property
    def Y(self):
        """Domestic final use, sectors × categories, in ``unit`` (read-only)."""
        return self._frame("Y", self._index(self._m.final_demand, ("region", "category")))

    @property
    def A(self):
        """Technical coefficients A = Z diag(x)⁻¹, per unit of output (read-only)."""
        return self._frame("A", self._index())

    @property
    def V(self):
        """Value added (components × sectors and final-use categories), in ``unit``."""
        if "V" not in self._cache:
            cols = self._index_tuples() + [(self.regions[0] if len(self.regions) == 1 else
                                            c.split(":", 1)[0], c.split(":", 1)[-1])
                                           for c in self._m.final_demand]
            self._cache["V"] = pd.DataFrame(
                self._m.matrix("V"), index=pd.Index(self._m.value_added, name="component"),
                columns=pd.MultiIndex.from_tuples(cols, names=["region", "sector"]), copy=False)
        return self._cache["V"]

    @property
    def x(self):
        """Output by sector, x = Z·1 + Y·1, in ``unit`` (read-only)."""
        if "x" not in self._cache:
            self._cache["x"] = pd.Series(self._m.matrix("x"), index=self._index(), name="x",
                                         copy=False)
        return self._cache["x"]

    @property
    def exports(self):
        """Exports by product and partner, in ``unit``."""
        return pd.DataFrame(self._m.matrix("exports"), index=self._index(),
                            columns=pd.Index(self._m.partners, name="partner"), copy=False)

    @property
    def imports(self):
        """Imported intermediate use Zm (products × sectors), in ``unit`` (zeros for a model
        without imports)."""
        array = self._m.matrix("Zm")
        if array.size == 0:
            array = np.zeros((len(self._m.sectors), len(self._m.sectors)))
        return pd.DataFrame(array, index=self._index(), columns=self._index(), copy=False)

    def L(self):
        """The explicit Leontief inverse (I − A)⁻¹, sectors × sectors (a new n × n matrix).

        Prefer ``solve``: it uses the model's LU factorisation and never forms the inverse,
        which costs several times more at large n."""
        return pd.DataFrame(self._m.leontief_inverse(), index=self._index(),
                            columns=self._index())

    def solve(self, y):
        """Output x = L y for a final-demand vector (or a DataFrame of columns), in the unit
        of ``y``; uses the factorisation of (I − A)."""
        values = np.asarray(y, dtype=float)
        one = values.ndim == 1
        out = self._m.solve(values.reshape(len(values), -1))
        if one:
            return pd.Series(out[:, 0], index=self._index(), name="x")
        return pd.DataFrame(out, index=self._index(),
                            columns=getattr(y, "columns", None))

    # -- scenarios
    def run(self, scenario, overrides=None):
        """Run one scenario on this model and return a ``Result``.

        scenario: a path to a scenario file, YAML text, or a dict with the file's structure
            ({"name": ..., "shocks": {"cut": {"type": "exports", ...}}}).
        overrides: a dict of dotted key paths to values, as ``--set`` takes them:
            {"shocks.russian_demand.change": -0.2}. Values are numbers (fractions for
            relative changes), text, lists or dicts.

        The scenario is checked by the same key table as the command-line program: a mistake
        raises ``spillover.InputError`` with ``.file``, ``.line``, ``.key`` and the same
        message. The scenario's own ``model:`` key is ignored: it runs on this model, as
        ``spillover run --model`` does. Money in the result is in the scenario's unit (by
        default the model's); the GIL is released while it solves."""
        return Result(self._m.run(_scenario(scenario, overrides)), self.code)

    def run_many(self, scenarios, overrides=None):
        """Run a list of scenarios (paths, YAML texts or dicts) in one batched solve; the
        results equal those of ``run`` one by one to rounding (about 1e-15 relative).
        ``overrides`` apply to every one."""
        core = [_scenario(s, overrides) for s in scenarios]
        return [Result(r, self.code) for r in self._m.run_many(core)]

    def check(self, scenario, overrides=None):
        """Check a scenario against the key table and this model without running it;
        raises ``spillover.InputError``."""
        self._m.check(_scenario(scenario, overrides))

    def sweep(self, spec, threads=2, detail="totals", out=None, force=False, layout="tidy"):
        """Run a sweep (grid or Monte Carlo, docs/sweeps.md) on this model.

        spec: a sweep file, YAML text or a dict with the file's structure.
        threads: worker threads (the results do not depend on it).
        detail: "totals" (headline, partner and route totals), "sectors" (+ each sector) or
            "all" (+ partner × product trade).
        out: a folder to write the CLI's files into instead (results.csv, points.csv,
            summary.csv, sweep.meta); then the number of failed points is returned.
        layout: with ``out``, "tidy" (results.csv: one row per point and result row) or
            "wide" (one row per point, the change of each result row in a column named
            region.sector.variable, described by columns.csv; ``spillover sweep --layout``).

        Returns a DataFrame with one row per point and result row: point, one column per
        parameter (its value), region, sector, variable, unit (categorical), baseline, value,
        change, pct_change and error (the message of a point that failed, else ""). Money is
        in the base scenario's unit. The GIL is released; Ctrl-C stops the sweep and raises
        KeyboardInterrupt."""
        sweep = _sweep(spec)
        if layout not in ("tidy", "wide"):
            raise ValueError(f"layout {layout!r} is not one of 'tidy', 'wide'")
        if out is not None:
            return self._m.sweep_files(sweep, os.fspath(out), threads, detail, force,
                                       layout == "wide")
        if layout != "tidy":
            raise ValueError("layout='wide' is a layout of the files: pass out=FOLDER, or "
                             "pivot the returned table on region, sector and variable")
        t = self._m.sweep_table(sweep, threads, detail)
        labels = pd.Index(t["labels"])
        columns = {"point": t["point"]}
        for name, values in zip(t["parameters"], t["parameter_values"]):
            columns[name] = values
        for name in ("region", "sector", "variable", "unit"):
            columns[name] = pd.Categorical.from_codes(t[name], categories=labels)
        baseline, value = t["baseline"], t["value"]
        columns["baseline"] = baseline
        columns["value"] = value
        change = value - baseline
        columns["change"] = change
        with np.errstate(divide="ignore", invalid="ignore"):
            columns["pct_change"] = np.where(baseline != 0, 100.0 * change / np.abs(baseline),
                                             np.nan)
        columns["error"] = pd.Categorical.from_codes(t["error"], categories=labels)
        frame = pd.DataFrame(columns, copy=False)
        for name in ("region", "sector", "variable", "unit", "error"):
            frame[name] = frame[name].cat.remove_unused_categories()
        frame.attrs["failed"] = t["failed"]
        return frame

    def compare(self, scenarios, baseline="", overrides=None):
        """Scenarios side by side, as ``spillover compare``: the tidy table of every
        scenario (the columns of ``Result.table``) with baseline_scenario, difference (in the
        row's unit) and difference_pct_points. ``scenarios`` are paths, YAML texts, dicts or
        Results of this model; ``baseline`` names one (default: the first). The readable
        table is in ``.attrs["text"]``."""
        results = [s if isinstance(s, Result) else self.run(s, overrides) for s in scenarios]
        csv, text, _ = self._m.compare([r._core for r in results], baseline)
        frame = _read_csv(csv)
        frame.attrs["text"] = text
        return frame

    def report(self, scenarios, out, baseline="", overrides=None, groups=None, force=False):
        """Writes ``out/report.html`` (one self-contained page: headline table, charts as
        inline SVG, tables with units) and ``out/report.xlsx`` (one sheet per table, numbers
        as numbers, codes as text) for the scenarios, as ``spillover report`` does
        (docs/reports.md). ``scenarios`` are paths, YAML texts, dicts or Results of this
        model; ``baseline`` names the one the others are compared with (default: the first);
        ``groups`` is a sector mapping CSV for the group charts (default: the model's
        ``aggregations/sections.csv``). Both files appear or neither; an existing report is
        replaced only with ``force=True``. Returns the two paths.

        Scenario files (without overrides, on a model loaded from a folder) take the path
        of ``spillover report --model FOLDER``: the page names each file and the workbook's
        About sheet holds its text, as the program's report does."""
        scenarios = list(scenarios)
        if overrides is None and self._m.folder and scenarios and all(map(_is_path, scenarios)):
            _core.report_files([os.fspath(s) for s in scenarios], self._m.folder,
                               os.fspath(out), baseline, groups or "", bool(force))
        else:
            results = [s if isinstance(s, Result) else self.run(s, overrides)
                       for s in scenarios]
            self._m.report([r._core for r in results], os.fspath(out), baseline, groups or "",
                           bool(force))
        return {"html": os.path.join(os.fspath(out), "report.html"),
                "xlsx": os.path.join(os.fspath(out), "report.xlsx")}

    # -- multipliers and analyses (docs/analysis.md)
    def multipliers(self):
        """Type I and II output, value-added, import and satellite multipliers and the
        linkage indices per sector: columns sector, name, measure, type, value, unit (the
        CSV of ``spillover multipliers``). Multipliers are per unit of final demand."""
        return _read_csv(self._m.multipliers())

    def extraction(self, by="partner", variant="total", rule="proportional", sector=None,
                   partner=None, top=20, hit=3, unit=""):
        """Hypothetical extraction (Miller & Blair 12.2): GDP and output lost if a sector's
        links, or the trade links with a partner, were removed. Columns by, variant, rank,
        extracted, name, variable, sector, unit, baseline, loss, pct_loss; money in ``unit``
        (default the model's). Options as ``spillover analyse extraction``."""
        return _read_csv(self._m.extraction(by, variant, rule, _list(sector), _list(partner),
                                            top, hit, unit))

    def paths(self, scenario=None, overrides=None, partner="", sector=None, change=None,
              amount=None, target="gdp", top=20, depth=6, threshold=1e-4, threshold_abs=0.0,
              max_nodes=1000000, unit=""):
        """Structural paths by which a scenario's final-demand change (or a change of exports
        to ``partner``) reaches GDP, total output or a sector's output. Columns rank, path,
        depth, start, end, value, unit, share_of_total; rows ALL and LISTED hold the total
        effect and the sum of the listed paths. Money in ``unit`` (default the model's)."""
        s = _scenario(scenario, overrides) if scenario is not None else None
        return _read_csv(self._m.paths(s, partner, _list(sector), change, amount, target, top,
                                       depth, threshold, threshold_abs, max_nodes, unit))

    def inoperability(self, sector, loss, months=3, horizon=12, kind="outage", recovery=12.0,
                      recovery_sector=None, unit=""):
        """Dynamic inoperability (Haimes & Jiang 2001; Lian & Haimes 2006) of an outage
        (``kind="outage"``: the sector loses ``loss``, a fraction of its output, for
        ``months``) or a demand loss. Columns month, sector, name, variable, unit, value:
        inoperability is a fraction of output; output_loss and gdp_loss are per month in
        ``unit``."""
        return _read_csv(self._m.inoperability(_list(sector), float(loss), months, horizon,
                                               kind, float(recovery),
                                               _list(recovery_sector), unit))

    def ghosh_multipliers(self):
        """Supply-driven (Ghosh) output multipliers per selling sector (Miller & Blair
        ch. 12): columns sector, name, measure, output_region, value, unit (the CSV of
        ``spillover multipliers --ghosh``). ``ghosh_output_total`` is the row sum of
        G = (I − B)⁻¹, split by output region in a multi-regional model."""
        return _read_csv(self._m.ghosh_multipliers())

    def G(self):
        """The Ghosh inverse G = (I − B)⁻¹, B = diag(x)⁻¹ Z, sectors × sectors with the
        selling sector as the row (a new n × n matrix, from the Leontief factorisation)."""
        return pd.DataFrame(self._m.ghosh_inverse(), index=self._index(),
                            columns=self._index())

    def linkages(self, sort="key"):
        """Backward and forward linkages (direct, total, Rasmussen indices) per sector, key
        sectors first: columns rank, sector, name, measure, value, unit."""
        return _read_csv(self._m.linkages(sort))

    # -- pymrio
    @classmethod
    def from_pymrio(cls, io_system, name=None, unit=None, year=None, currency="",
                    value_added=None):
        """A model from a pymrio IOSystem (or any object with pymrio's Z, Y and x). See
        ``spillover.pymrio_bridge.from_pymrio``."""
        from .pymrio_bridge import from_pymrio
        return from_pymrio(cls, io_system, name=name, unit=unit, year=year, currency=currency,
                           value_added=value_added)

    def to_pymrio(self):
        """This model as a pymrio IOSystem (when pymrio is installed, else an object of the
        same shape). See ``spillover.pymrio_bridge.to_pymrio``."""
        from .pymrio_bridge import to_pymrio
        return to_pymrio(self)

    def __repr__(self):
        return "<spillover.Model %r: %d sectors, %s, %d, %s>" % (
            self.name, len(self._m.sectors), self.code, self.year, self.unit)


def results_csv(results):
    """``results.csv`` of several results, as ``spillover run --out`` writes it."""
    return _core.results_csv([r._core for r in results])


__all__ = ["Model", "Result", "InputError", "results_csv"]
