"""Builds the Python package `spillover` with the project's CMake (target spillover_python)
and installs what the build's python/spillover holds: the extension, the Python files and
the shipped model.

Offline, with Debian's build tools only: `python3 -m pip install --no-build-isolation .`
configures and builds a CMake build folder of its own, build-python/ (a few minutes on two
cores, then incremental). SPILLOVER_BUILD_DIR=DIR uses DIR instead; when DIR is an existing
CMake build configured with -DSPILLOVER_BUILD_PYTHON=ON (the README's test build), it is
only brought up to date, never reconfigured, so an install takes seconds and leaves that
build's options (tests, warnings) as they were."""

import os
import re
import shutil
import subprocess
import sys
import sysconfig

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.abspath(os.environ.get("SPILLOVER_BUILD_DIR") or os.path.join(HERE, "build-python"))


def cache_value(build, name):
    """A variable of BUILD/CMakeCache.txt, or None."""
    with open(os.path.join(build, "CMakeCache.txt"), encoding="utf-8") as cache:
        for line in cache:
            match = re.match(r"%s:[A-Z]+=(.*)$" % re.escape(name), line.rstrip("\n"))
            if match:
                return match.group(1)
    return None


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        if os.path.exists(os.path.join(BUILD, "CMakeCache.txt")):
            if cache_value(BUILD, "SPILLOVER_BUILD_PYTHON") not in ("ON", "1", "TRUE", "YES"):
                sys.exit("%s is a CMake build without the Python module: configure it with "
                         "-DSPILLOVER_BUILD_PYTHON=ON, or unset SPILLOVER_BUILD_DIR" % BUILD)
        else:
            subprocess.check_call([
                "cmake", "-S", HERE, "-B", BUILD, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
                "-DSPILLOVER_BUILD_PYTHON=ON", "-DBUILD_TESTING=OFF",
                "-DPython3_EXECUTABLE=" + sys.executable])
        subprocess.check_call(["cmake", "--build", BUILD, "--target", "spillover_python"])
        package = os.path.join(cache_value(BUILD, "SPILLOVER_PYTHON_DIR"), "spillover")
        # The extension must be built for this interpreter (a build for another Python
        # would fail only at import time, far from the cause).
        core = [f for f in os.listdir(package) if f.startswith("_core") and f.endswith(".so")]
        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        if "_core" + suffix not in core:
            sys.exit("%s holds %s, not _core%s for %s: build it with -DPython3_EXECUTABLE=%s" %
                     (package, ", ".join(core) or "no extension", suffix, sys.executable,
                      sys.executable))
        target = os.path.join(os.path.abspath(self.build_lib), "spillover")
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(package, target)
        built = os.path.abspath(self.get_ext_fullpath(ext.name))
        os.makedirs(os.path.dirname(built), exist_ok=True)
        shutil.copyfile(os.path.join(package, "_core" + suffix), built)


# setuptools' own files (build/lib…, the egg-info) go into the CMake build folder, so that
# an install writes nothing into the source tree, whose build/ is the README's CMake build.
os.makedirs(BUILD, exist_ok=True)
setup(
    name="spillover",
    version="0.1.0",
    description="Input-output (Leontief) scenarios on spillover's C++ engine",
    packages=[],
    ext_modules=[Extension("spillover._core", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    options={"build": {"build_base": os.path.join(BUILD, "setuptools")},
             "egg_info": {"egg_base": BUILD}},
    python_requires=">=3.9",
    zip_safe=False,
)
