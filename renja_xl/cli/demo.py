"""CLI command ``demo``: show renja-xl at work on a real table, offline, with no catalog imported.

It rebuilds the Pontianak 2022 E.81 (seed 000, mistakes included) as a workbook, runs the checker on it and
writes the annotated report next to it, and shows the code parser on codes typed as they appear in the seeds.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

_CONTOH_KODE = ["2.17.01.2.01.01", "2.17.01 .-", "02.17.03 .", "XXX.01.2.02.05", "2.17.01.02.05",
                "2.17.01.1.05.0001 1", "X.XX.01.2.01.0001"]


def _demo_kode(console: Console) -> None:
    from renja_xl.kode import parse_kode

    t = Table(title="Kode nomenklatur seperti yang diketik di dokumen")
    for kolom in ("Tertulis", "Normal", "Tingkat", "Temuan"):
        t.add_column(kolom)
    for teks in _CONTOH_KODE:
        k = parse_kode(teks, bidang="2.17")
        pesan = "; ".join(f"{x.pesan}" + (f" (saran: {x.saran})" if x.saran else "") for x in k.temuan)
        t.add_row(teks, k.normal or "-", k.tingkat.label if k.tingkat else "-", pesan or "benar")
    console.print(t)


def _demo_periksa(console: Console, folder: Path) -> None:
    from renja_xl.contoh_tabel import pontianak_e81
    from renja_xl.periksa import periksa_berkas

    buku = folder / "e81_pontianak_2022.xlsx"
    pontianak_e81(buku)
    laporan = folder / "e81_pontianak_2022_laporan.xlsx"
    hasil = periksa_berkas(buku, laporan, pemda="kabkota", timpa=True)
    t = Table(title=f"Pemeriksaan E.81 Kota Pontianak 2022: {hasil.jumlah_salah} salah, "
                    f"{hasil.jumlah_peringatan} peringatan (15 pertama)")
    for kolom in ("Sel", "Tingkat", "Pesan", "Seharusnya", "Ditemukan"):
        t.add_column(kolom)
    for x in hasil.temuan[:15]:
        t.add_row(x.sel or "-", x.tingkat, x.temuan.pesan, str(x.temuan.seharusnya or ""), str(x.temuan.ditemukan or ""))
    console.print(t)
    console.print(f"Buku kerja contoh: {buku}\nLaporan (salinan bertanda): {hasil.laporan or laporan}")


def daftar(app: typer.Typer) -> None:
    """Add the ``demo`` command to the main app."""

    @app.command("demo")
    def demo(folder: Path = typer.Option(None, "--folder", "-f", help="Folder hasil demo (bawaan: folder sementara).")) -> None:
        """Demo: periksa E.81 Kota Pontianak 2022 (dengan kesalahan aslinya) dan kode nomenklatur."""
        console = Console()
        tujuan = folder or Path(tempfile.mkdtemp(prefix="renja-xl-demo-"))
        tujuan.mkdir(parents=True, exist_ok=True)
        _demo_kode(console)
        _demo_periksa(console, tujuan)
