"""CLI command ``renja-xl data-induk impor``: start from last quarter's E.81 instead of a blank Data Induk.

Registered on the ``data-induk`` group by :func:`daftar`; the work is :func:`renja_xl.impor_induk.impor_berkas`.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from renja_xl.galat import GalatPengguna

_layar = Console(highlight=False, soft_wrap=True)
_galat = Console(stderr=True, highlight=False, soft_wrap=True)


def ringkasan(hasil: object) -> list[str]:
    """The lines shown after an import (also used by the demo and the macro)."""
    from renja_xl.impor_induk.baca import FORM_LABEL
    from renja_xl.impor_induk.model import JENIS_CATATAN, HasilImpor

    assert isinstance(hasil, HasilImpor)
    data = hasil.data
    forms = ", ".join(f"{b.nama} '{b.grid.nama}' ({FORM_LABEL[b.form]}"
                      + (f" TW {('I', 'II', 'III', 'IV')[b.triwulan - 1]}" if b.triwulan and b.form.startswith("e81")
                         else "") + ")"
                      for b in hasil.bacaan)
    baris = [f"{len(data.baris)} baris indikator dari {len(hasil.bacaan)} formulir: {forms}.",
             f"Info: {data.info.pemda or '?'} — {data.info.nama_opd or '?'}, tahun {data.info.tahun or '?'}, "
             f"triwulan {data.info.triwulan}, Renstra {data.info.renstra_awal}-{data.info.renstra_akhir}.",
             f"Perlu dicek: {len(hasil.perlu_dicek)} baris (jenis indikator yang ditebak, kode yang diperbaiki, "
             "sel yang dipisah); periksa kolom 'Perlu dicek' lalu kosongkan selnya."]
    jumlah = [f"{JENIS_CATATAN[j]} {n}" for j in JENIS_CATATAN if (n := hasil.jumlah(j))]
    baris.append(f"Catatan Impor: {len(hasil.catatan)} catatan" + (f" ({', '.join(jumlah)})." if jumlah else "."))
    return baris


def impor(
    berkas: list[Path] = typer.Argument(..., help="Buku kerja E.81, T-C.29, T-C.33 atau Rencana Aksi (.xlsx)."),
    keluaran: Path = typer.Option(..., "-o", "--keluaran", help="Berkas Data Induk (.xlsx) yang ditulis."),
    lembar: list[str] = typer.Option(None, "--lembar", help="Hanya lembar ini (boleh diulang)."),
    pemda: str = typer.Option(None, "--pemda", help="Jenis pemda: provinsi atau kabkota (bawaan: dari judul)."),
    timpa: bool = typer.Option(False, "--timpa", help="Timpa berkas keluaran bila sudah ada."),
) -> None:
    """Impor formulir yang sudah ada (buatan tangan atau renja-xl) menjadi Data Induk; beberapa berkas
    digabung menurut kode dan indikator. Angka turunan dibandingkan dan selisihnya dicatat di lembar
    'Catatan Impor'; jenis indikator yang ditebak ditandai di kolom 'Perlu dicek'."""
    from renja_xl.impor_induk import impor_berkas

    try:
        hasil = impor_berkas(berkas, keluaran, lembar=lembar or None, pemda=pemda, timpa=timpa)
    except GalatPengguna as e:
        _galat.print(f"[bold red]Galat:[/bold red] {e.teks()}")
        raise typer.Exit(2) from None
    _layar.print(f"Data Induk ditulis ke {hasil.keluaran}.")
    for b in ringkasan(hasil):
        _layar.print(f"  {b}")


def daftar(grup: typer.Typer) -> None:
    """Add ``impor`` to the ``data-induk`` group."""
    grup.command("impor")(impor)
