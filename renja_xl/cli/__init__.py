"""The ``renja-xl`` command line: one typer app; each command group lives in its own module.

Every module here exposes ``daftar(app)`` which adds its commands; ``main`` turns a ``GalatPengguna``
into a one-paragraph Indonesian message and exit code 2 (never a traceback).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from renja_xl.cli.bahasa import Aplikasi
from renja_xl.galat import GalatPengguna

app = Aplikasi(
    name="renja-xl",
    help="renja-xl: capaian, predikat, kode nomenklatur, pembuat dan pemeriksa formulir Renja / E.81.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_galat = Console(stderr=True, highlight=False, soft_wrap=True)


def _pasang_perintah() -> None:
    """Register every command group (imported here so a slow import never delays ``--help``)."""
    from renja_xl.cli import addin, buat, data_induk, demo, kode, nomenklatur, paket, periksa, rekap

    for modul in (demo, nomenklatur, kode, data_induk, buat, periksa, rekap, addin, paket):
        modul.daftar(app)


@app.callback()
def _akar() -> None:
    """renja-xl: capaian, predikat, kode nomenklatur, pembuat dan pemeriksa formulir Renja / E.81."""


@app.command("versi")
def versi(
    periksa_bundel: Optional[Path] = typer.Option(None, "--periksa-bundel", metavar="BUNDEL.zip",
                                                  help="Apakah bundel Windows ini akan mengubah pemasangan ini?"),
) -> None:
    """Tampilkan versi renja-xl (dan, dengan --periksa-bundel, apa yang akan diubah sebuah bundel)."""
    from renja_xl import __version__

    typer.echo(f"renja-xl {__version__}")
    if periksa_bundel is not None:
        from renja_xl.cli.paket import periksa_bundel as _periksa

        _periksa(periksa_bundel)


_pasang_perintah()


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; user errors become exit code 2 with a readable message."""
    try:
        app(args=argv, standalone_mode=True)
    except GalatPengguna as e:
        _galat.print(f"[bold red]Galat:[/bold red] {e.teks()}", markup=True)
        sys.exit(2)
    except KeyboardInterrupt:
        _galat.print("Dibatalkan oleh pengguna.")
        sys.exit(130)
