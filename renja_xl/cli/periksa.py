"""CLI commands: periksa (check an existing E.81 / Renja workbook, or every workbook in a folder)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from renja_xl.galat import GalatPengguna


def daftar(app: typer.Typer) -> None:
    """Add the periksa commands to the main app."""

    @app.command("periksa")
    def periksa(
        berkas: Path = typer.Argument(..., help="Buku kerja .xlsx yang diperiksa, atau folder berisi buku kerja."),
        keluaran: Optional[Path] = typer.Option(None, "-o", "--keluaran",
                                                help="Berkas laporan (bawaan: <nama>_laporan.xlsx di sampingnya)."),
        json_: bool = typer.Option(False, "--json", help="Cetak temuan sebagai JSON (untuk skrip)."),
        pemda: Optional[str] = typer.Option(None, "--pemda",
                                            help="Jenis pemda: kabkota atau provinsi (bawaan: dari judul tabel)."),
        timpa: bool = typer.Option(False, "--timpa", help="Timpa berkas laporan yang sudah ada."),
    ) -> None:
        """Periksa formulir E.81 / Renja: setiap angka, rumus dan kode yang salah, dengan alamat selnya.

        Menulis salinan buku kerja berisi komentar dan warna pada setiap temuan serta lembar pertama
        'Hasil Pemeriksaan'. Berkas asli tidak diubah. Keluar 0 bila bersih, 1 bila ada temuan,
        2 bila berkas tidak bisa dibaca.
        """
        try:
            if berkas.is_dir():
                kode = _folder(berkas, keluaran, json_, pemda, timpa)
            else:
                kode = _berkas(berkas, keluaran, json_, pemda, timpa)
        except GalatPengguna as e:   # unreadable input or refused output: message, exit 2, no traceback
            Console(stderr=True, highlight=False, soft_wrap=True).print(
                f"[bold red]Galat:[/bold red] {e.teks()}", markup=True)
            raise typer.Exit(2)
        raise typer.Exit(kode)


def _berkas(berkas: Path, keluaran: Path | None, json_: bool, pemda: str | None, timpa: bool) -> int:
    from renja_xl.periksa import nama_laporan_baku, periksa_berkas

    out = Console(stderr=json_, highlight=False, soft_wrap=True)
    tujuan = keluaran or nama_laporan_baku(berkas)
    hasil = periksa_berkas(berkas, tujuan, pemda, timpa=timpa)
    if hasil.data_induk:
        return _data_induk(berkas, json_, out)
    if not hasil.dikenali:
        return _tak_dikenal(hasil, json_)
    if json_:
        sys.stdout.write(json.dumps(hasil.ke_json(), ensure_ascii=False, indent=2) + "\n")
    _ringkas(out, hasil)
    return 1 if hasil.temuan else 0


def _tak_dikenal(hasil, json_: bool) -> int:
    """No form recognised: never "Bersih"; say what was looked for and why nothing matched; exit 2."""
    from renja_xl.periksa.tak_dikenal import DICARI

    galat = Console(stderr=True, highlight=False, soft_wrap=True)
    galat.print(Text.assemble(("Galat:", "bold red"), f" {hasil.berkas.name}: tidak ada formulir yang dikenali, "
                              "jadi tidak ada yang diperiksa (berkas ini TIDAK dinyatakan bersih)."))
    galat.print(Text(f"Yang dicari: {DICARI}."))
    for a in hasil.tak_dikenal:
        galat.print(Text(f"- {a}"))
    galat.print(Text("Saran: pastikan tabel memakai baris nomor kolom 1 2 3 … di bawah judulnya, atau buat "
                     "formulirnya dari Data Induk dengan 'renja-xl buat'."))
    if json_:
        sys.stdout.write("[]\n")
    return 2


def _data_induk(berkas: Path, json_: bool, out: Console) -> int:
    """A Data Induk is not a form: say so and run exactly what ``renja-xl data-induk cek`` runs (same report,
    same exit codes: 0 clean, 1 findings, 2 unreadable)."""
    from renja_xl.cli.data_induk import _lapor
    from renja_xl.data_induk.cek import cek_data_induk

    out.print(Text(f"{berkas.name} adalah Data Induk (lembar Info dan Data), bukan formulir: "
                   "yang dijalankan adalah pemeriksaan Data Induk (renja-xl data-induk cek)."))
    return _lapor(cek_data_induk(berkas), json_)


def _ringkas(out: Console, hasil) -> None:
    for f in hasil.formulir:
        out.print(f"Lembar '{f.lembar}': {f.jenis} — {f.varian} ({f.jumlah_baris} baris).")
    for c in hasil.catatan:
        out.print(f"[yellow]Catatan:[/yellow] {c}")
    if not hasil.temuan:
        out.print("[green]Bersih: tidak ada temuan.[/green]")
    else:
        from renja_xl.jenis_temuan import nama_jenis

        tabel = Table(title=f"{hasil.berkas.name}: {hasil.jumlah_salah} salah, {hasil.jumlah_peringatan} peringatan")
        tabel.add_column("Tingkat", no_wrap=True)
        tabel.add_column("Lembar", overflow="fold")
        tabel.add_column("Sel", no_wrap=True)
        tabel.add_column("Jenis", overflow="fold")
        tabel.add_column("Pesan", overflow="fold")
        for t in hasil.temuan[:40]:
            warna = "red" if t.tingkat == "salah" else "yellow"
            tabel.add_row(Text(t.tingkat, style=warna), Text(t.lembar or ""), Text(t.sel or ""),
                          Text(nama_jenis(t.jenis)), Text(t.temuan.pesan))
        out.print(tabel)
        if len(hasil.temuan) > 40:
            out.print(f"… dan {len(hasil.temuan) - 40} temuan lain (lihat laporan).")
    if hasil.laporan:
        out.print(f"Laporan: {hasil.laporan}")


def _folder(folder: Path, keluaran: Path | None, json_: bool, pemda: str | None, timpa: bool) -> int:
    from rich.progress import Progress

    from renja_xl.pemda import jenis_pemda_opsi
    from renja_xl.periksa.folder import daftar_berkas, periksa_folder

    jenis_pemda_opsi(pemda)  # refuse a bad --pemda before starting the workers
    out = Console(stderr=json_, highlight=False, soft_wrap=True)
    jumlah = len(daftar_berkas(folder))
    with Progress(console=out, transient=True) as prog:
        tugas = prog.add_task("Memeriksa", total=jumlah)
        hasil, ringkasan = periksa_folder(folder, pemda=pemda, timpa=timpa, ringkasan=keluaran,
                                          kemajuan=lambda _h: prog.advance(tugas))
    tabel = Table(title=f"{len(hasil)} buku kerja di folder")
    for k in ("Berkas", "Salah", "Peringatan", "Keterangan"):
        tabel.add_column(k, overflow="fold")
    for h in hasil:
        if h.galat or h.dilewati:     # not checked: no "0 salah, 0 peringatan" that reads as clean
            tabel.add_row(Text(h.berkas.name), "-", "-", Text(h.galat or f"dilewati: {h.dilewati}", style="yellow"))
        else:
            tabel.add_row(Text(h.berkas.name), str(h.salah), str(h.peringatan),
                          Text(f"laporan: {h.laporan.name}" if h.laporan else ""))
    out.print(tabel)
    out.print(f"Ringkasan: {ringkasan}")
    if json_:
        semua = [t for h in hasil for t in (h.temuan or [])]
        sys.stdout.write(json.dumps(semua, ensure_ascii=False, indent=2) + "\n")
    if all(h.galat or h.dilewati for h in hasil):
        return 2
    return 1 if any(h.salah or h.peringatan or h.galat or h.dilewati for h in hasil) else 0

