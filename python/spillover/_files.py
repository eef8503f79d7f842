"""Files and folders as the command-line program handles them (include/spillover/files.h):
checking scenario and sweep files, the importers and the export, and the merge of shards."""

import json
import os

import pandas as pd

from . import _core


def validate(files, model=None, overrides=None):
    """Checks scenario and sweep files as ``spillover validate`` does, without running them:
    YAML, every key against the key table, every code against the model; for a sweep, its
    first 1,000 points built and solved as the sweep would. ``files`` is a path or a list;
    ``model`` a model folder (default: each file's ``model``); ``overrides`` a dict as in
    ``Model.run``, applied to scenarios (messages name them as ``--set PATH=VALUE``).

    Returns a DataFrame with one row per file: file, ok, kind (scenario or sweep), shocks,
    model (its name), points, checked, failed (points), and error, the program's message
    for a refused file ("" when it passed). Nothing is raised for a refused file."""
    if isinstance(files, (str, os.PathLike)):
        files = [files]
    assignments = ["%s=%s" % (path, json.dumps(value))
                   for path, value in (overrides or {}).items()]
    rows = _core.validate([os.fspath(f) for f in files], assignments,
                          os.fspath(model) if model is not None else "")
    return pd.DataFrame(rows, columns=["file", "ok", "kind", "shocks", "model", "points",
                                       "checked", "failed", "error"])


def import_icio(file, out, regions=None, year=0, focus="", check=True):
    """Reads an OECD ICIO CSV (2021, 2023 or 2025 edition; money in USD million) into a
    new model folder ``out``, as ``spillover import icio`` does (docs/mrio.md). ``regions``
    is a CSV country,region[,region_name[,if_present]] that aggregates countries; ``year`` 0
    takes the last four-digit group of the file name; ``check`` loads the written folder
    back with every check of ``spillover model check``. The folder appears only when
    complete. Returns the notes on what the import did; ``Model(out)`` loads it."""
    return _core.import_icio(os.fspath(file), os.fspath(out),
                             os.fspath(regions) if regions is not None else "", int(year),
                             focus, bool(check))


def import_pymrio(folder, out, focus=""):
    """Reads a folder saved by pymrio (``IOSystem.save_all``, text format) into a new model
    folder ``out``, checked, as ``spillover import pymrio`` does. Returns the notes."""
    return _core.import_pymrio(os.fspath(folder), os.fspath(out), focus)


def export_pymrio(model_folder, out):
    """Writes the model folder ``model_folder`` in pymrio's text format into ``out`` (new or
    empty), readable by ``pymrio.load_all``, as ``spillover export pymrio`` does."""
    _core.export_pymrio(os.fspath(model_folder), os.fspath(out))


def merge_sweeps(shard_dirs, out):
    """Combines the output folders of every shard of one sweep (``spillover sweep --shard
    K/N``) into ``out``: the files a single run would have written, as ``spillover merge``
    does. Returns the number of the sweep's points that failed (``spillover merge`` exits 3
    for them)."""
    return _core.merge_sweeps([os.fspath(d) for d in shard_dirs], os.fspath(out))
