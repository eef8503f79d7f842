"""Builds the Python package `spillover` with the project's CMake (target spillover_python)
and installs what build/python/spillover holds: the extension, the Python files and the
shipped model. SPILLOVER_BUILD_DIR reuses an existing CMake build folder."""

import os
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build = os.environ.get("SPILLOVER_BUILD_DIR") or os.path.join(HERE, "build-python")
        subprocess.check_call([
            "cmake", "-S", HERE, "-B", build, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
            "-DSPILLOVER_BUILD_PYTHON=ON", "-DBUILD_TESTING=OFF",
            "-DPython3_EXECUTABLE=" + sys.executable,
            "-DSPILLOVER_PYTHON_DIR=" + os.path.join(build, "python")])
        subprocess.check_call(["cmake", "--build", build, "--target", "spillover_python"])
        package = os.path.join(build, "python", "spillover")
        target = os.path.join(os.path.abspath(self.build_lib), "spillover")
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(package, target)
        built = os.path.abspath(self.get_ext_fullpath(ext.name))
        os.makedirs(os.path.dirname(built), exist_ok=True)
        core = [f for f in os.listdir(package) if f.startswith("_core") and f.endswith(".so")]
        shutil.copyfile(os.path.join(package, core[0]), built)


setup(
    name="spillover",
    version="0.1.0",
    description="Input-output (Leontief) scenarios on spillover's C++ engine",
    packages=[],
    ext_modules=[Extension("spillover._core", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    python_requires=">=3.9",
    zip_safe=False,
)
