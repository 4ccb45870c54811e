"""Write the imported Data Induk with its *Perlu dicek* column and the *Catatan Impor* sheet.

The Data Induk is written by the same writer as every other Data Induk (so ``data-induk cek`` and ``buat``
read it as they read a user's file); this module adds what only an import has: the notes, sorted by file,
sheet and cell so the user can walk through the original workbook with them.
"""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import column_index_from_string
from openpyxl.workbook import Workbook

from renja_xl.buku import tulis_teks
from renja_xl.data_induk.model import KOLOM_PERLU_DICEK
from renja_xl.impor_induk.model import JENIS_CATATAN, Catatan, HasilImpor

__all__ = ["LEMBAR_CATATAN", "lembar_catatan", "urut_catatan"]

LEMBAR_CATATAN = "Catatan Impor"
_KOLOM = ("No", "Jenis", "Berkas", "Lembar", "Sel", "Tercetak", "Seharusnya", "Keterangan")
_LEBAR = (6, 26, 28, 18, 8, 22, 22, 90)
_JUDUL = PatternFill("solid", fgColor="1F4E78")


def _kunci_sel(sel: str | None) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]+)(\d+)", sel or "")
    return (int(m.group(2)), column_index_from_string(m.group(1))) if m else (0, 0)


def urut_catatan(catatan: list[Catatan]) -> list[Catatan]:
    """Info first, then by file, sheet, row and column (the order a reader walks the workbook)."""
    return sorted(catatan, key=lambda c: (c.jenis != "info", c.berkas, c.lembar or "", _kunci_sel(c.sel)))


def lembar_catatan(wb: Workbook, hasil: HasilImpor) -> None:
    """Add the *Catatan Impor* sheet (also when there is nothing to note: it then says so)."""
    ws = wb.create_sheet(LEMBAR_CATATAN)
    daftar = urut_catatan(hasil.catatan)
    berkas = sorted({b.nama for b in hasil.bacaan})
    ws["A1"] = f"Catatan impor dari {', '.join(berkas)}: {len(daftar)} catatan"
    ws["A1"].font = Font(bold=True, size=13)
    ringkas = "; ".join(f"{JENIS_CATATAN[j]}: {n}" for j in JENIS_CATATAN
                        if (n := hasil.jumlah(j)))
    tulis_teks(ws["A2"], ringkas or "Semua angka turunan cocok dengan hitungan dari masukan; tidak ada baris "
                                    "yang ditinggalkan.")
    for c, (judul, lebar) in enumerate(zip(_KOLOM, _LEBAR), start=1):
        h = ws.cell(4, c, judul)
        h.font, h.fill = Font(bold=True, color="FFFFFF"), _JUDUL
        ws.column_dimensions[h.column_letter].width = lebar
    for i, ct in enumerate(daftar, start=1):
        r = 4 + i
        ws.cell(r, 1, i)
        for c, v in enumerate((JENIS_CATATAN.get(ct.jenis, ct.jenis), ct.berkas, ct.lembar or "", ct.sel or "",
                               ct.tercetak, ct.seharusnya, ct.pesan), start=2):
            tulis_teks(ws.cell(r, c), str(v) if v is not None else "")
        ws.cell(r, 8).alignment = Alignment(wrap_text=True, vertical="top")
        baris = -(-len(ct.pesan) // _LEBAR[-1])          # wrapped lines, so a long note is not cut off
        if baris > 1:
            ws.row_dimensions[r].height = 15 * baris
    ws.freeze_panes = "A5"
    ws.auto_filter.ref = f"A4:H{max(4, 4 + len(daftar))}"


def tulis_path_aman(keluar: Path, masuk: list[Path]) -> None:
    """Refuse an output that is one of the inputs (checked before anything is read)."""
    from renja_xl.galat import GalatPengguna

    for p in masuk:
        if keluar.exists() and p.exists() and keluar.resolve() == p.resolve():
            raise GalatPengguna("berkas keluaran sama dengan berkas yang diimpor; berkas masukan tidak pernah "
                                "ditimpa.", berkas=keluar, saran="Pilih nama lain untuk Data Induk hasil impor.")




def buku_data_induk(hasil: HasilImpor) -> Workbook:
    """The Data Induk workbook (template, Info, Data with Perlu dicek) plus *Catatan Impor*."""
    from renja_xl.data_induk.templat import buat_templat
    from renja_xl.data_induk.tulis import isi_buku

    wb = buat_templat()
    isi_buku(wb, hasil.data.info, hasil.data.baris)
    ws = wb["Data"]
    c = ws.max_column + 1
    for cc in range(1, ws.max_column + 1):
        if str(ws.cell(1, cc).value or "").strip().lower() == KOLOM_PERLU_DICEK.lower():
            c = cc
    h = ws.cell(1, c, KOLOM_PERLU_DICEK)
    h.font, h.fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="C00000")
    ws.column_dimensions[h.column_letter].width = 60
    for i, _b in enumerate(hasil.data.baris):
        alasan = hasil.perlu_dicek.get(i, "")
        if alasan:
            sel = ws.cell(i + 2, c)
            tulis_teks(sel, alasan)
            sel.fill = PatternFill("solid", fgColor="FCE4D6")
    lembar_catatan(wb, hasil)
    return wb
