"""Build step that pyproject.toml cannot express: ship templates/, macros/ and addin/ inside the wheel."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPy(build_py):
    """Copy the non-Python folders to ``renja_xl/_berkas/`` (read through ``renja_xl.sumber``)."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        for nama in ("templates", "macros", "addin"):
            asal = Path(__file__).resolve().parent / nama
            if asal.is_dir():
                shutil.copytree(asal, Path(self.build_lib) / "renja_xl" / "_berkas" / nama, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildPy})
