"""Shared fixtures of the report tests: the spillover binary and the source tree.

ctest passes SPILLOVER_BINARY and SPILLOVER_SOURCE_DIR; see tests/CMakeLists.txt.
"""
import csv
import io
import os
import subprocess

import pytest

BINARY = os.environ.get("SPILLOVER_BINARY", "build/src/spillover")
SOURCE = os.environ.get("SPILLOVER_SOURCE_DIR", os.getcwd())


def spillover(*args, check=True):
    """Runs the binary; returns the completed process (stdout, stderr as text)."""
    done = subprocess.run([BINARY, *args], capture_output=True, text=True, timeout=300)
    if check and done.returncode != 0:
        raise AssertionError(f"spillover {' '.join(args)} exited {done.returncode}:\n{done.stderr}")
    return done


def read_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def scenario(name):
    return os.path.join(SOURCE, "scenarios", name)


@pytest.fixture
def source_dir():
    return SOURCE
