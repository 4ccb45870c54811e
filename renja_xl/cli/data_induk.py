"""CLI group ``renja-xl data-induk``: the master workbook — an empty template, the Pontianak example, a check.

``contoh`` gives a newcomer a filled Data Induk to try ``buat``/``periksa`` on without any data of their own;
``templat`` the empty one to fill; ``cek`` lists every problem of a filled one in one go (exit 0 clean, 2 not).
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from renja_xl.cli.bahasa import Aplikasi
from renja_xl.galat import GalatPengguna

_layar = Console(highlight=False, soft_wrap=True)
_galat = Console(stderr=True, highlight=False, soft_wrap=True)

grup = Aplikasi(help="Data Induk: buku kerja induk tempat data Renja diisi sekali.", no_args_is_help=True)


def _jalankan(fungsi: object, *args: object, **kwargs: object) -> object:
    """Run a step; a user error becomes one Indonesian line on stderr and exit code 2."""
    try:
        return fungsi(*args, **kwargs)  # type: ignore[operator]
    except GalatPengguna as e:
        _galat.print(f"[bold red]Galat:[/bold red] {e.teks()}")
        raise typer.Exit(2) from None


@grup.command("contoh")
def contoh(
    keluaran: Path = typer.Option(..., "-o", "--keluaran", help="Berkas .xlsx yang ditulis."),
    timpa: bool = typer.Option(False, "--timpa", help="Timpa berkas keluaran bila sudah ada."),
) -> None:
    """Tulis contoh Data Induk terisi (Kota Pontianak 2022, triwulan II, data nyata formulir E.81)."""
    from renja_xl.contoh import BARIS_CONTOH, tulis_contoh

    path = _jalankan(tulis_contoh, keluaran, timpa=timpa)
    _layar.print(f"Contoh Data Induk ditulis ke {path} ({len(BARIS_CONTOH)} baris indikator).")


@grup.command("templat")
def templat(
    keluaran: Path = typer.Option(..., "-o", "--keluaran", help="Berkas .xlsx yang ditulis."),
    timpa: bool = typer.Option(False, "--timpa", help="Timpa berkas keluaran bila sudah ada."),
) -> None:
    """Tulis templat Data Induk kosong (lembar Info, Data dan Petunjuk) untuk diisi."""
    from renja_xl.data_induk.templat import simpan_templat

    path = _jalankan(simpan_templat, keluaran, timpa=timpa)
    _layar.print(f"Templat Data Induk ditulis ke {path}.")


@grup.command("cek")
def cek(berkas: Path = typer.Argument(..., help="Berkas Data Induk (.xlsx).")) -> None:
    """Periksa Data Induk dan tampilkan semua masalahnya (keluar 0 bila bersih, 2 bila ada masalah)."""
    from renja_xl.data_induk import baca_data_induk

    data = _jalankan(baca_data_induk, berkas)
    n = len(data.baris)  # type: ignore[attr-defined]
    _layar.print(f"{berkas.name}: tidak ada masalah; {n} baris indikator terbaca.")


def daftar(app: typer.Typer) -> None:
    """Add the ``data-induk`` group to the main app."""
    from renja_xl.cli import impor

    impor.daftar(grup)
    app.add_typer(grup, name="data-induk")
