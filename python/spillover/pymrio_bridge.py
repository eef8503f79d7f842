"""To and from pymrio (https://pymrio.readthedocs.io): its IOSystem holds Z, Y and x as
DataFrames indexed by (region, sector), final demand with columns (region, category), and
value added in an extension (``factor_inputs.F``, rows × (region, sector)).

pymrio need not be installed: ``from_pymrio`` reads any object with those attributes, and
``to_pymrio`` returns a ``PymrioSystem`` of the same shape when pymrio is missing.
"""

import types

import numpy as np
import pandas as pd

from ._errors import InputError

_FINAL_DEMAND_KINDS = [
    ("household", "households"), ("npish", "npish"), ("non-profit", "npish"),
    ("government", "government"), ("inventor", "inventories"), ("capital", "investment"),
    ("investment", "investment"), ("export", "exports"),
]
_VALUE_ADDED_KINDS = [
    ("compensation", "compensation"), ("wage", "compensation"),
    ("operating surplus", "operating_surplus"), ("surplus", "operating_surplus"),
    ("consumption of fixed capital", "fixed_capital_consumption"),
    ("taxes less subsidies on products", "product_taxes"), ("product tax", "product_taxes"),
    ("production tax", "production_taxes"), ("other net taxes on production",
                                               "production_taxes"),
]


def _kind(name, table, default="other"):
    lower = str(name).lower()
    for word, kind in table:
        if word in lower:
            return kind
    return default


def _error(key, message):
    return InputError("from_pymrio: %s: %s" % (key, message), file="from_pymrio", key=key,
                      message=message)


def _frame(obj, attr):
    value = getattr(obj, attr, None)
    if value is None:
        return None
    if not isinstance(value, pd.DataFrame):
        if isinstance(value, pd.Series):
            return value.to_frame()
        raise _error(attr, "expected a pandas DataFrame, got %s" % type(value).__name__)
    return value


def _pairs(index, key):
    if not isinstance(index, pd.MultiIndex) or index.nlevels != 2:
        raise _error(key, "expected a MultiIndex (region, sector) of two levels, got %s"
                     % (("%d levels" % index.nlevels) if isinstance(index, pd.MultiIndex)
                        else "a flat index"))
    return [(str(r), str(s)) for r, s in index]


def _regions_and_codes(pairs, key):
    regions, codes = [], {}
    for r, s in pairs:
        if r not in codes:
            regions.append(r)
            codes[r] = []
        codes[r].append(s)
    first = codes[regions[0]]
    for r in regions[1:]:
        if codes[r] != first:
            raise _error(key, "region %r has other sectors than %r (or another order); every "
                         "region needs the same sectors" % (r, regions[0]))
    if len(set(first)) != len(first):
        dup = next(s for s in first if first.count(s) > 1)
        raise _error(key, "sector %r appears twice in region %r" % (dup, regions[0]))
    expected = [(r, s) for r in regions for s in first]
    if pairs != expected:
        raise _error(key, "rows must run region by region, each over all sectors")
    return regions, first


def from_pymrio(model_class, io_system, name=None, unit=None, year=None, currency="",
                value_added=None):
    """A ``spillover.Model`` from a pymrio IOSystem, or any object with its shape.

    io_system.Z: intermediate flows, (region, sector) × (region, sector).
    io_system.Y: final demand, (region, sector) × (region, category).
    io_system.x: output (optional; checked against Z·1 + Y·1 when given).
    value added: ``value_added`` if given, else ``io_system.factor_inputs.F`` (rows ×
        (region, sector)), else one row "VA" = x − column sums of Z (the balancing item).
    Every region is endogenous; exports are zero unless a category's name says "export".
    Labels are checked: a wrong index raises ``spillover.InputError`` naming the attribute.
    Flows are in ``unit`` (default: pymrio's ``unit`` of Z, else "unit").
    The table's year is ``year``, else pymrio's ``io_system.year``; one of them is required.
    """
    if year is None:
        year = getattr(io_system, "year", None)
    if year is None:
        raise _error("year", "unknown: the system has no year; give year=YYYY (1900 to 2200)")
    Z, Y = _frame(io_system, "Z"), _frame(io_system, "Y")
    if Z is None or Y is None:
        raise _error("Z" if Z is None else "Y",
                     "missing: expected pymrio's Z and Y (call calc_system/calc_all first)")
    rows = _pairs(Z.index, "Z.index")
    if _pairs(Z.columns, "Z.columns") != rows:
        raise _error("Z.columns", "the columns differ from the rows (region, sector)")
    if _pairs(Y.index, "Y.index") != rows:
        raise _error("Y.index", "the rows differ from those of Z")
    regions, sectors = _regions_and_codes(rows, "Z.index")
    ycols = _pairs(Y.columns, "Y.columns")
    cat_regions, categories = _regions_and_codes(ycols, "Y.columns")
    if cat_regions != regions:
        raise _error("Y.columns", "regions %s differ from those of Z %s" % (cat_regions,
                                                                            regions))
    z = Z.to_numpy(dtype=float)
    y = Y.to_numpy(dtype=float)
    if not (np.isfinite(z).all() and np.isfinite(y).all()):
        raise _error("Z" if not np.isfinite(z).all() else "Y", "holds NaN or infinite values")
    x = z.sum(axis=1) + y.sum(axis=1)
    given_x = _frame(io_system, "x")
    if given_x is not None:
        if _pairs(given_x.index, "x.index") != rows:
            raise _error("x.index", "the rows differ from those of Z")
        gx = given_x.to_numpy(dtype=float)[:, 0]
        scale = max(1.0, float(np.abs(x).max()))
        if np.abs(gx - x).max() > 1e-6 * scale:
            i = int(np.abs(gx - x).argmax())
            raise _error("x", "output of %s is %r but Z·1 + Y·1 is %r" % (rows[i], gx[i], x[i]))
    if value_added is None:
        ext = getattr(io_system, "factor_inputs", None)
        value_added = getattr(ext, "F", None) if ext is not None else None
    n_va_cols = len(rows) + len(ycols)
    if value_added is None:
        va_codes = ["VA"]
        v = np.zeros((1, n_va_cols))
        v[0, :len(rows)] = x - z.sum(axis=0)
    else:
        if not isinstance(value_added, pd.DataFrame):
            raise _error("factor_inputs.F", "expected a DataFrame")
        if _pairs(value_added.columns, "factor_inputs.F.columns") != rows:
            raise _error("factor_inputs.F.columns", "the columns differ from the rows of Z")
        va_codes = [str(c) if not isinstance(c, tuple) else " ".join(map(str, c))
                    for c in value_added.index]
        v = np.zeros((len(va_codes), n_va_cols))
        v[:, :len(rows)] = value_added.to_numpy(dtype=float)
    if unit is None:
        u = getattr(io_system, "unit", None)
        unit = str(u.iloc[0, 0]) if isinstance(u, pd.DataFrame) and u.size else "unit"
    data = {
        "name": name or str(getattr(io_system, "name", None) or "pymrio system"),
        "description": "imported from pymrio", "year": int(year),
        "currency": currency or unit.split()[0], "unit": unit, "unit_scale": 1.0,
        "regions": regions, "sectors": sectors, "final_demand": categories,
        "final_demand_kinds": [_kind(c, _FINAL_DEMAND_KINDS) for c in categories],
        "value_added": va_codes,
        "value_added_kinds": [_kind(c, _VALUE_ADDED_KINDS) for c in va_codes],
        "Z": z, "Y": y, "V": v,
        # pymrio tables do not balance exactly (docs/model-format.md): 0.1% tolerance.
        "balance_tolerance": 1e-3,
    }
    from . import _core
    return model_class(_core_model=_core.Model.from_data(data))


class PymrioSystem(types.SimpleNamespace):
    """What ``to_pymrio`` returns without pymrio: Z, Y, x, A and factor_inputs.F as pymrio
    names and indexes them."""

    def get_regions(self):
        return self.Z.index.get_level_values(0).unique()

    def get_sectors(self):
        return self.Z.index.get_level_values(1).unique()

    def get_Y_categories(self):
        return self.Y.columns.get_level_values(1).unique()


def to_pymrio(model):
    """``model`` as a pymrio IOSystem (Z, Y, x, A; value added and imported inputs as the
    ``factor_inputs`` extension, so that every column balances). Flows in ``model.unit``."""
    Z = model.Z.copy()
    regions = model.regions
    Y = model.Y.copy()
    x = model.x.to_frame("indout")
    F = model.V.iloc[:, :len(Z.columns)].copy()
    F.columns = Z.columns
    imported = model.imports.sum(axis=0)
    F.loc["IMP"] = imported.to_numpy()
    F.index.name = "stressor"
    unit = pd.DataFrame({"unit": model.unit}, index=Z.index)
    try:
        import pymrio
    except ImportError:
        pymrio = None
    if pymrio is not None:
        io = pymrio.IOSystem(Z=Z, Y=Y, x=x, A=model.A.copy(), unit=unit, name=model.name)
        io.factor_inputs = pymrio.Extension(name="factor_inputs", F=F,
                                            unit=pd.DataFrame({"unit": model.unit},
                                                              index=F.index))
        return io
    return PymrioSystem(Z=Z, Y=Y, x=x, A=model.A.copy(), unit=unit, name=model.name,
                        regions=regions,
                        factor_inputs=types.SimpleNamespace(name="factor_inputs", F=F))
