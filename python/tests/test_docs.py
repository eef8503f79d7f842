"""Every Python block of docs/python.md runs, in order, as a session would."""

import os
import re

import pytest

ROOT = os.environ.get("SPILLOVER_SOURCE_DIR",
                      os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))


def blocks():
    with open(os.path.join(ROOT, "docs", "python.md"), encoding="utf-8") as f:
        return re.findall(r"```python\n(.*?)```", f.read(), re.S)


def test_docs_have_blocks():
    assert len(blocks()) >= 8


def test_every_block_runs(tmp_path, monkeypatch):
    # From a folder that looks like the repository root, so that figures land in tmp_path.
    for name in ("scenarios", "model"):
        os.symlink(os.path.join(ROOT, name), tmp_path / name)
    monkeypatch.chdir(tmp_path)
    namespace = {}
    for i, code in enumerate(blocks()):
        try:
            exec(compile(code, "docs/python.md block %d" % (i + 1), "exec"), namespace)
        except Exception as e:  # name the block that failed
            pytest.fail("block %d failed: %r\n%s" % (i + 1, e, code))
