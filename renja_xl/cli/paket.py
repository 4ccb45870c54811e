"""CLI: ``renja-xl paket windows -o FOLDER`` (the offline Windows bundle) and the update check behind
``renja-xl versi --periksa-bundel BUNDEL.zip``."""

from __future__ import annotations

import time
from pathlib import Path

import typer
from rich.console import Console

from renja_xl.cli.bahasa import Aplikasi
from renja_xl.galat import GalatPengguna
from renja_xl.paket import VERSI_PYTHON

grup = Aplikasi(help="Paket pemasangan renja-xl tanpa internet.", no_args_is_help=True)
_layar = Console(highlight=False, soft_wrap=True)
_galat = Console(stderr=True, highlight=False, soft_wrap=True)


@grup.command("windows")
def windows(
    keluaran: Path = typer.Option(..., "-o", "--keluaran", help="Folder tujuan berkas renja-xl-<versi>-windows.zip."),
    python: str = typer.Option(",".join(VERSI_PYTHON), "--python",
                               help="Versi Python yang didukung bundel, dipisah koma."),
) -> None:
    """Bangun bundel Windows tanpa internet: wheel renja-xl dan semua pustakanya (win_amd64) untuk setiap
    versi Python, add-in, panduan PDF, pasang.bat dan lepas.bat. Butuh akses PyPI dan LibreOffice Writer."""
    from renja_xl import paket

    versi = tuple(v.strip() for v in python.split(",") if v.strip())
    mulai = time.monotonic()
    try:
        hasil = paket.bangun_bundel(keluaran, versi)
    except GalatPengguna as e:
        _galat.print(f"[bold red]Galat:[/bold red] {e.teks()}")
        raise typer.Exit(2) from None
    ukuran = hasil.berkas.stat().st_size / 1e6
    jumlah = len({r for daftar in hasil.roda.values() for r in daftar})
    _layar.print(f"Bundel dibuat: {hasil.berkas}\n"
                 f"Ukuran {ukuran:.1f} MB, {jumlah} wheel untuk Python {', '.join(hasil.roda)}, "
                 f"{time.monotonic() - mulai:.0f} detik.")


def periksa_bundel(bundel: Path) -> None:
    """``renja-xl versi --periksa-bundel``: what a bundle would change on this installation."""
    from renja_xl import paket

    try:
        perubahan = paket.periksa_bundel(bundel)
    except GalatPengguna as e:
        _galat.print(f"[bold red]Galat:[/bold red] {e.teks()}")
        raise typer.Exit(2) from None
    _layar.print(paket.laporan_periksa(perubahan, bundel))


def daftar(app: typer.Typer) -> None:
    """Add the paket commands to the main app."""
    app.add_typer(grup, name="paket")
