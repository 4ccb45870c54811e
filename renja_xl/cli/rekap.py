"""CLI command: rekap (Bappeda's compilation of every OPD's E.81 into Tabel E.79 / Formulir E.19)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from renja_xl.galat import GalatPengguna


def daftar(app: typer.Typer) -> None:
    """Add the rekap command to the main app."""

    @app.command("rekap")
    def rekap_(
        folder: Path = typer.Argument(..., help="Folder berisi E.81 setiap Perangkat Daerah (.xlsx)."),
        keluaran: Path = typer.Option(..., "-o", "--keluaran", help="Buku kerja rekap yang ditulis (.xlsx)."),
        triwulan: Optional[int] = typer.Option(None, "--triwulan", "-t",
                                               help="Triwulan 1-4 (bawaan: triwulan terakhir di folder)."),
        tahun: Optional[int] = typer.Option(None, "--tahun", help="Tahun anggaran (bawaan: tahun kebanyakan berkas)."),
        json_: bool = typer.Option(False, "--json", help="Cetak satu objek JSON (opd, gagal) untuk skrip."),
        tingkat: str = typer.Option("kabkota", "--pemda", "--tingkat",
                                    help="Jenis pemda: kabkota (Tabel E.79) atau provinsi (Formulir E.19)."),
        dask: Optional[str] = typer.Option(None, "--dask",
                                           help="Alamat scheduler Dask (tcp://HOST:8786), atau 'lokal' untuk "
                                                "LocalCluster di komputer ini. Bawaan: semua inti komputer ini."),
        pekerja: Optional[int] = typer.Option(None, "--pekerja", help="Banyak proses pekerja lokal (bawaan: semua inti)."),
        tenggat: Optional[str] = typer.Option(None, "--tenggat",
                                              help="Tenggat E.81 (TTTT-BB-HH); bawaan: hari kerja ke-10 setelah "
                                                   "triwulan berakhir."),
        rinci: str = typer.Option("sub", "--rinci",
                                  help="Tingkat terendah di E.79: program, kegiatan atau sub (bawaan). Untuk ribuan "
                                       "OPD pakai program."),
        kertas: str = typer.Option("F4", "--kertas",
                                   help="Ukuran kertas cetak semua lembar rekap: F4 (Folio, bawaan), Legal, A4 atau A3; "
                                        "selalu lanskap."),
        timpa: bool = typer.Option(False, "--timpa", help="Timpa berkas keluaran yang sudah ada."),
    ) -> None:
        """Rekap Bappeda: E.81 semua Perangkat Daerah -> Evaluasi terhadap Hasil RKPD (Tabel E.79 / E.19).

        Setiap buku kerja diperiksa dan diambil angkanya; hasilnya satu buku kerja berisi E.79 (rumus Excel
        asli), ringkasan per OPD (capaian, predikat, temuan, tepat waktu/terlambat/tidak ada), semua temuan,
        dan grafik. Berkas yang rusak, duplikat, tahun/triwulan lain atau bukan E.81 dicatat alasannya; rekap
        tetap jalan. Keluar 0 bila selesai, 2 bila masukan/keluaran tidak dapat dipakai.
        """
        galat = Console(stderr=True, highlight=False, soft_wrap=True)
        try:
            kode = _jalan(folder, keluaran, triwulan, tahun, json_, tingkat, dask, pekerja, tenggat, rinci, timpa,
                          kertas)
        except GalatPengguna as e:
            galat.print(f"[bold red]Galat:[/bold red] {e.teks()}", markup=True)
            raise typer.Exit(2)
        raise typer.Exit(kode)


def _tanggal(teks: str | None) -> date | None:
    if not teks:
        return None
    try:
        return date.fromisoformat(teks.strip())
    except ValueError as e:
        raise GalatPengguna(f"--tenggat '{teks}' bukan tanggal.", saran="Tulis TTTT-BB-HH, misalnya 2024-07-12.") from e


def _jalan(folder: Path, keluaran: Path, triwulan: int | None, tahun: int | None, json_: bool, tingkat: str,
           dask: str | None, pekerja: int | None, tenggat: str | None, rinci: str, timpa: bool,
           kertas: str = "F4") -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from renja_xl.rekap import kertas_rekap, rekap

    batas = _tanggal(tenggat)
    kertas_rekap(kertas)           # refuse an unknown paper before any work
    from renja_xl.pemda import jenis_pemda_opsi

    jenis_pemda_opsi(tingkat)      # refuse an unknown kind before any work; rekap() maps the alias
    out = Console(stderr=json_, highlight=False, soft_wrap=True)
    kolom = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
             TextColumn("[red]{task.fields[gagal]} gagal"), TimeRemainingColumn())
    with Progress(*kolom, console=out, transient=True) as prog:
        tugas = prog.add_task("Membaca E.81", total=None, gagal=0)
        hitung = {"gagal": 0}

        def maju(h) -> None:
            if h.galat:
                hitung["gagal"] += 1
            prog.update(tugas, advance=1, gagal=hitung["gagal"])

        hasil = rekap(folder, keluaran, triwulan=triwulan, tahun=tahun, tingkat=tingkat, dask=dask,
                      pekerja=pekerja, tenggat=batas, rinci=rinci.lower(), timpa=timpa, kertas=kertas, kemajuan=maju,
                      saat_mulai=lambda n: prog.update(tugas, total=n))
    p = hasil.pilihan
    tabel = Table(title=f"Rekap triwulan {p.triwulan} tahun {p.tahun or '?'}: {len(p.opd)} Perangkat Daerah")
    for k in ("Perangkat Daerah", "Status", "Capaian K (%)", "Capaian Rp (%)", "Predikat", "Salah", "Peringatan"):
        tabel.add_column(k, overflow="fold")
    for o in p.opd:
        n = o.lembar.nilai if o.lembar else None
        tabel.add_row(o.nama, o.status, _persen(n.capaian_k if n else None), _persen(n.capaian_rp if n else None),
                      (n.predikat if n else None) or "", str(o.hasil.jumlah("salah")) if o.hasil else "",
                      str(o.hasil.jumlah("peringatan")) if o.hasil else "")
    out.print(tabel)
    for d in p.ditolak:
        out.print(f"[yellow]Tidak dipakai:[/yellow] {d.berkas}: {d.alasan}")
    out.print(f"Rekap: {hasil.keluar}")
    if json_:
        sys.stdout.write(json.dumps(hasil.ke_json(), ensure_ascii=False) + "\n")
    return 0


def _persen(v: float | None) -> str:
    from renja_xl.angka import format_angka

    return "" if v is None else format_angka(v, 2)
