"""CLI commands: ``renja-xl nomenklatur impor|daftar|pakai|hapus`` (versions of the official code list)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Callable

import typer
from rich.console import Console
from rich.table import Table

from renja_xl.cli.bahasa import Aplikasi
from renja_xl.galat import GalatPengguna

grup = Aplikasi(
    name="nomenklatur",
    help="Kelola katalog nomenklatur resmi (impor, daftar versi, pilih versi aktif, hapus).",
    no_args_is_help=True,
    add_completion=False,
)
_layar = Console(highlight=False, soft_wrap=True)


def _aman(fungsi: Callable[..., None]) -> Callable[..., None]:
    """Turn a GalatPengguna into a readable message and exit code 2 (also under CliRunner)."""

    @functools.wraps(fungsi)
    def bungkus(*args: object, **kwargs: object) -> None:
        try:
            fungsi(*args, **kwargs)
        except GalatPengguna as e:
            Console(stderr=True, highlight=False, soft_wrap=True).print(f"[bold red]Galat:[/bold red] {e.teks()}")
            raise typer.Exit(2) from None

    return bungkus


@grup.command("impor")
@_aman
def impor(
    berkas: Path = typer.Argument(..., help="Ekspor nomenklatur SIPD (.xlsx), lampiran Kepmendagri (.xlsx) atau CSV."),
    nama: str = typer.Option(None, "--nama", help="Nama versi (bawaan: nama pendek dari jenis dan tahun daftar, "
                                                 "mis. sipd-2027, permendagri-90-2019)."),
) -> None:
    """Impor daftar nomenklatur resmi sebagai satu versi katalog."""
    from renja_xl.nomenklatur import simpan

    from renja_xl.nomenklatur.katalog import era_katalog

    nama_versi, meta = simpan.impor(berkas, nama)
    j = meta["jumlah"]
    _layar.print(f"Versi [bold]{nama_versi}[/bold] diimpor dari {berkas.name} ({meta['format_sumber']}): "
                 + ", ".join(f"{v} {k}" for k, v in j.items()) + ".")
    if meta.get("pendahulu"):
        _layar.print(f"{meta['pendahulu']} sub kegiatan mencatat kode sebelumnya (untuk saran kode pengganti).")
    for p in meta.get("peringatan", []):
        _layar.print(f"[yellow]Peringatan:[/yellow] {p}")
    era = era_katalog(meta, meta.get("digit_sub"))
    if era is not None:
        _layar.print(f"Era: {era.nama}. Dokumen dengan kode era ini diperiksa dengan versi ini.")
    if simpan.versi_aktif() == nama_versi:
        _layar.print(f"Versi aktif: {nama_versi}.")


@grup.command("daftar")
@_aman
def daftar_versi() -> None:
    """Tampilkan versi katalog yang tersimpan."""
    from renja_xl.nomenklatur import simpan

    from renja_xl.nomenklatur.katalog import era_katalog

    versi = simpan.daftar_versi()
    if not versi:
        _layar.print("Belum ada katalog nomenklatur. Impor dengan: renja-xl nomenklatur impor BERKAS")
        return
    t = Table(title=f"Katalog nomenklatur ({simpan.folder_katalog()})")
    t.add_column("Aktif")
    t.add_column("Nama", overflow="fold")
    t.add_column("Era", overflow="fold")
    t.add_column("Berkas sumber", overflow="fold")
    t.add_column("SHA-256", overflow="fold")
    t.add_column("Diimpor", overflow="fold")
    t.add_column("Urusan/bidang/program/kegiatan/sub", overflow="fold")
    for v in versi:
        j = v.get("jumlah", {})
        jumlah = "/".join(str(j.get(k, 0)) for k in ("urusan", "bidang urusan", "program", "kegiatan", "sub kegiatan"))
        era = era_katalog(v, None)
        t.add_row("✓" if v["aktif"] else "", v["nama"], era.nama.split(" (")[0] if era else "",
                  str(v.get("sumber", "")), str(v.get("sha256", ""))[:16],
                  str(v.get("diimpor", ""))[:16].replace("T", " "), jumlah)
    _layar.print(t)


@grup.command("pakai")
@_aman
def pakai(nama: str = typer.Argument(..., help="Nama versi yang dijadikan aktif.")) -> None:
    """Jadikan satu versi katalog sebagai versi aktif."""
    from renja_xl.nomenklatur import simpan

    simpan.pakai(nama)
    _layar.print(f"Versi aktif sekarang: {nama}.")


@grup.command("hapus")
@_aman
def hapus(nama: str = typer.Argument(..., help="Nama versi yang dihapus.")) -> None:
    """Hapus satu versi katalog."""
    from renja_xl.nomenklatur import simpan

    aktif = simpan.hapus(nama)
    _layar.print(f"Versi {nama} dihapus. Versi aktif: {aktif or '(tidak ada)'}.")


def daftar(app: typer.Typer) -> None:
    """Add the nomenklatur commands to the main app."""
    app.add_typer(grup, name="nomenklatur")
