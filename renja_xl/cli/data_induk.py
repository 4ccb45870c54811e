"""CLI group ``renja-xl data-induk``: the master workbook — an empty template, the Pontianak example, a check.

``contoh`` gives a newcomer a filled Data Induk to try ``buat``/``periksa`` on without any data of their own;
``templat`` the empty one to fill; ``cek`` lists every finding of a filled one in one go, at its cell (exit 0
clean, 1 findings, 2 unreadable).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

from renja_xl.cli.bahasa import Aplikasi
from renja_xl.galat import GalatPengguna

if TYPE_CHECKING:
    from renja_xl.data_induk.cek import HasilCek

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
def cek(
    berkas: Path = typer.Argument(..., help="Berkas Data Induk (.xlsx)."),
    json_: bool = typer.Option(False, "--json", help="Cetak temuan sebagai JSON (untuk skrip)."),
) -> None:
    """Periksa Data Induk di sumbernya: bentuk kode, kode dan nama menurut katalog nomenklatur (bila sudah
    diimpor), target kosong, kode/indikator ganda, jenis indikator yang bertentangan dengan satuannya.

    Setiap temuan ditunjuk dengan lembar, baris dan kolomnya (Data!F12). Keluar 0 bila bersih, 1 bila ada
    temuan, 2 bila berkas tidak bisa dibaca.
    """
    from renja_xl.data_induk.cek import cek_data_induk

    hasil = _jalankan(cek_data_induk, berkas)
    raise typer.Exit(_lapor(hasil, json_))  # type: ignore[arg-type]


def _lapor(hasil: "HasilCek", json_: bool) -> int:
    from renja_xl.jenis_temuan import nama_jenis

    out = Console(stderr=json_, highlight=False, soft_wrap=True)
    if json_:
        import json
        import sys

        sys.stdout.write(json.dumps({
            "berkas": str(hasil.berkas), "katalog": hasil.katalog, "catatan": hasil.catatan,
            "jumlah_salah": hasil.jumlah_salah, "jumlah_peringatan": hasil.jumlah_peringatan,
            "temuan": [{"tingkat": m.tingkat, "alamat": m.alamat, "lembar": m.lembar, "baris": m.baris,
                        "kolom": m.kolom, "jenis": m.jenis, "pesan": m.pesan, "saran": m.saran}
                       for m in hasil.masalah]}, ensure_ascii=False, indent=2) + "\n")
    if hasil.katalog:
        out.print(f"Kode diperiksa dengan katalog '{hasil.katalog}'.")
    for c in hasil.catatan:
        out.print(f"[yellow]Catatan:[/yellow] {c}")
    n = len(hasil.data.baris) if hasil.data is not None else 0
    if not hasil.masalah:
        out.print(f"[green]{hasil.berkas.name}: tidak ada masalah; {n} baris indikator terbaca.[/green]")
        return 0
    tabel = Table(title=f"{hasil.berkas.name}: {hasil.jumlah_salah} salah, {hasil.jumlah_peringatan} peringatan "
                  f"({n} baris indikator terbaca)")
    for k in ("Tingkat", "Sel", "Jenis", "Pesan"):
        tabel.add_column(k, overflow="fold")
    for m in hasil.masalah[:_BATAS]:
        warna = "red" if m.tingkat == "salah" else "yellow"
        tabel.add_row(f"[{warna}]{m.tingkat}[/{warna}]", m.alamat, nama_jenis(m.jenis), m.pesan)
    out.print(tabel)
    if len(hasil.masalah) > _BATAS:
        out.print(f"… dan {len(hasil.masalah) - _BATAS} temuan lain (pakai --json untuk daftar lengkap).")
    return 1


_BATAS = 200


def daftar(app: typer.Typer) -> None:
    """Add the ``data-induk`` group to the main app."""
    from renja_xl.cli import impor

    impor.daftar(grup)
    app.add_typer(grup, name="data-induk")
