"""CLI command ``renja-xl buat``: every due form from one Data Induk, ready to sign."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from renja_xl.formulir import DAFTAR_FORM, baca_form
from renja_xl.galat import GalatPengguna


def daftar(app: typer.Typer) -> None:
    """Add the buat command to the main app."""

    @app.command("buat")
    def buat(
        data_induk: Path = typer.Argument(..., help="Berkas Data Induk (.xlsx)."),
        form: Optional[str] = typer.Option(None, "--form", "-f",
                                           help="Formulir: e81, e81-renja, tc29, tc33 atau rencana-aksi."),
        triwulan: Optional[int] = typer.Option(None, "--triwulan", "-t",
                                               help="Triwulan 1-4 (bawaan: triwulan pada lembar Info)."),
        keluar: Path = typer.Option(..., "-o", "--keluaran", "--keluar", help="Berkas hasil (.xlsx)."),
        semua: bool = typer.Option(False, "--semua", help="Semua formulir yang jatuh tempo dalam satu buku kerja."),
        timpa: bool = typer.Option(False, "--timpa", help="Timpa berkas hasil yang sudah ada."),
        templat: Optional[Path] = typer.Option(None, "--templat",
                                               help="Folder templat yang sudah diubah gayanya (bawaan: templat "
                                                    "bawaan renja-xl)."),
        e81: str = typer.Option("e81", "--e81",
                                help="Bentuk E.81 untuk --semua: e81 (Permendagri 86/2017, 15 kolom) atau "
                                     "e81-renja (17 kolom dengan Kode dan 13 = 12/7)."),
        hitung: bool = typer.Option(False, "--hitung",
                                    help="Tidak diperlukan lagi: nilai setiap rumus kini selalu disimpan (dihitung "
                                         "renja-xl), sehingga angka tampil juga di Tampilan Terproteksi dan "
                                         "pratinjau surel/ponsel. Opsi tetap diterima."),
        paksa: bool = typer.Option(False, "--paksa",
                                   help="Tetap buat walau Data Induk bermasalah; sel yang tak terisi ditandai merah."),
    ) -> None:
        """Buat formulir (E.81, T-C.29, T-C.33, Rencana Aksi) dari Data Induk, lengkap dengan rumus Excel."""
        from renja_xl import generator

        if semua and form:
            raise GalatPengguna("pilih salah satu: --form atau --semua, tidak keduanya.")
        if not semua and not form:
            raise GalatPengguna("formulir belum dipilih.",
                                saran=f"Tambahkan --form ({DAFTAR_FORM}) atau --semua.")
        if form is not None:
            form = baca_form(form)
        if semua and triwulan is not None:
            raise GalatPengguna("--triwulan tidak dipakai bersama --semua (semua triwulan s.d. triwulan pada lembar "
                                "Info dibuat).")
        if not data_induk.is_file():
            raise GalatPengguna("berkas Data Induk tidak ditemukan.", berkas=data_induk,
                                saran="Buat contohnya dengan: renja-xl data-induk contoh")
        if templat is not None and not templat.is_dir():
            raise GalatPengguna(f"folder templat '{templat}' tidak ditemukan.")
        if semua:
            hasil = generator.buat_semua(data_induk, keluar, paksa, timpa=timpa, templat=templat,
                                         bentuk_e81=baca_form(e81))
        else:
            assert form is not None
            hasil = generator.buat(data_induk, form, triwulan, keluar, paksa, timpa=timpa, templat=templat)
        del hitung      # values are always written now; the flag stays accepted for existing scripts
        typer.echo(f"Tersimpan: {hasil}")
        typer.echo(f"Lembar: {', '.join(generator.lembar_tampak(hasil))}.")
        typer.echo("Angka turunan adalah rumus Excel beserta nilainya: tampil di pratinjau, dan dihitung ulang "
                   "saat berkas dibuka di Excel atau LibreOffice.")
        if paksa:
            typer.echo("Catatan: dibuat dengan --paksa; periksa sel berwarna merah dan lembar 'Masalah Data Induk'.")
