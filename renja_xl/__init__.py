"""renja-xl: capaian, predikat, kode nomenklatur, generator dan pemeriksa formulir Renja/E.81.

The package has a pure core (``kode``, ``angka``, ``capaian``, ``predikat``, ``nomenklatur.validasi``,
``bentuk``) that never touches Excel files, and thin shells (workbook I/O, generator, checker, CLI,
``udf``/``macros``) around it.
"""

__version__ = "0.1.0"


def main() -> None:
    """Entry point for xlwings' RunMain ribbon callback: dispatch on the active workbook."""
    from renja_xl.macros import main as _main

    _main()
