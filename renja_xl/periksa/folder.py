"""Check every workbook in a folder: one report per workbook plus a summary workbook ranking the files.

Two worker processes (``ProcessPoolExecutor(max_workers=2)``): most office PCs have two cores, and
each workbook is checked independently.
"""

from __future__ import annotations

import re
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from renja_xl.format_lain import EKSTENSI
from renja_xl.galat import GalatPengguna

NAMA_RINGKASAN = "ringkasan_pemeriksaan.xlsx"
_LAPORAN = re.compile(r"_laporan(?: \(\d+\))?$")      # reports of earlier runs, also "x_laporan (2)"
_RINGKASAN = re.compile(r"^ringkasan_pemeriksaan(?: \(\d+\))?\.xlsx$")


@dataclass
class HasilBerkas:
    """One workbook's outcome in a folder run (plain data, so it crosses process boundaries)."""

    berkas: Path
    laporan: Path | None
    salah: int
    peringatan: int
    galat: str | None = None          # why the file could not be read
    temuan: list[dict] | None = None
    dilewati: str | None = None       # why a readable file was not checked (no form, a Data Induk)


def daftar_berkas(folder: Path) -> list[Path]:
    """Workbooks to check: .xlsx/.xlsm/.xls/.xlsb/.ods, not reports written by an earlier run, not Excel lock files."""
    out = []
    for p in sorted(folder.iterdir()):
        if not p.is_file() or p.name.startswith("~$") or _RINGKASAN.match(p.name):
            continue
        if p.suffix.lower() not in EKSTENSI:
            continue
        if _LAPORAN.search(p.stem):
            continue
        out.append(p)
    return out


def _satu(berkas: Path, pemda: str | None, timpa: bool) -> HasilBerkas:
    from renja_xl.periksa import nama_laporan_baku, periksa_berkas

    try:
        h = periksa_berkas(berkas, nama_laporan_baku(berkas), pemda, timpa=timpa)
    except GalatPengguna as e:
        return HasilBerkas(berkas, None, 0, 0, galat=e.teks())
    except Exception as e:  # one broken file must not stop the folder
        return HasilBerkas(berkas, None, 0, 0, galat=f"gagal diperiksa ({type(e).__name__}: {e})")
    if h.data_induk:
        from renja_xl.data_induk.cek import cek_data_induk

        try:
            n = len(cek_data_induk(berkas).masalah)
        except GalatPengguna as e:
            return HasilBerkas(berkas, None, 0, 0, galat=e.teks())
        return HasilBerkas(berkas, None, 0, 0, temuan=[],
                           dilewati="Data Induk, bukan formulir; " + (f"{n} masalah Data Induk (jalankan "
                                     f"renja-xl data-induk cek)" if n else "Data Induk tidak bermasalah"))
    if not h.dikenali:
        return HasilBerkas(berkas, None, 0, 0, temuan=[],
                           dilewati="tidak ada formulir yang dikenali (" + "; ".join(h.tak_dikenal) + ")")
    return HasilBerkas(berkas, h.laporan, h.jumlah_salah, h.jumlah_peringatan, temuan=h.ke_json())


def periksa_folder(folder: Path, *, pemda: str | None = None, timpa: bool = False,
                   ringkasan: Path | None = None,
                   kemajuan: Callable[[HasilBerkas], None] | None = None) -> tuple[list[HasilBerkas], Path]:
    """Check every workbook in ``folder``; write the summary workbook; return results (ranked) and its path."""
    from renja_xl.buku import simpan_atomik

    berkas = daftar_berkas(folder)
    if not berkas:
        raise GalatPengguna("tidak ada berkas .xlsx di folder ini.", berkas=folder)
    hasil: list[HasilBerkas] = []
    with ProcessPoolExecutor(max_workers=2) as ex:
        tugas = [ex.submit(_satu, b, pemda, timpa) for b in berkas]
        for t in as_completed(tugas):
            h = t.result()
            hasil.append(h)
            if kemajuan:
                kemajuan(h)
    hasil.sort(key=lambda h: (h.galat is None, h.dilewati is None, -h.salah, -h.peringatan, h.berkas.name))
    tujuan = ringkasan or folder / NAMA_RINGKASAN
    wb = Workbook()
    ws = wb.active
    ws.title = "Ringkasan"
    ws.append(["Peringkat", "Berkas", "Salah", "Peringatan", "Laporan", "Keterangan"])
    for c in ws[1]:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="D9E1F2")
    for i, h in enumerate(hasil, start=1):
        if h.galat or h.dilewati:     # not checked: blank counts, never "bersih"
            ws.append([i, h.berkas.name, None, None, "", h.galat or f"dilewati: {h.dilewati}"])
        else:
            ws.append([i, h.berkas.name, h.salah, h.peringatan, h.laporan.name if h.laporan else "",
                       "bersih" if not (h.salah or h.peringatan) else ""])
        if h.laporan:
            ws.cell(i + 1, 5).hyperlink = h.laporan.name
    for kol, lebar in zip("ABCDEF", (10, 40, 8, 11, 40, 60)):
        ws.column_dimensions[kol].width = lebar
    simpan_atomik(wb, tujuan, timpa=True)
    return hasil, tujuan
