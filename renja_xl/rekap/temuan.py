"""The findings sheet: every finding of checking every file, one row each, with an autofilter so Bappeda can
narrow it to one OPD, one kind or one level."""

from __future__ import annotations

from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from renja_xl.buku import tulis_teks
from renja_xl.generator.buat_templat import GARIS, JUDUL, KIRI, TENGAH
from renja_xl.generator.cetak import huruf
from renja_xl.jenis_temuan import nama_jenis, saran_jenis
from renja_xl.rekap.pilih import Pilihan

__all__ = ["tulis_temuan", "LEMBAR", "KOLOM"]

LEMBAR = "Temuan"
KOLOM = ("Berkas", "Perangkat Daerah", "Dipakai", "Lembar", "Sel", "Tingkat", "Jenis", "Pesan", "Seharusnya",
         "Ditemukan", "Saran", "ID")
# characters of Arial 10: one page wide at 7 pt or more on every paper; long text wraps in its cell
_LEBAR = (16, 18, 7, 10, 6, 9, 16, 40, 14, 14, 28, 12)


def tulis_temuan(wb: Workbook, pilihan: Pilihan) -> Worksheet:
    ws = wb.create_sheet(LEMBAR)
    for c, teks in enumerate(KOLOM, 1):
        cell = ws.cell(1, c, teks)
        cell.font = huruf(bold=True, size=10)
        cell.fill = JUDUL
        cell.border = GARIS
        cell.alignment = TENGAH
    dipakai = {o.hasil.berkas for o in pilihan.opd if o.hasil is not None}
    r = 1
    for h in pilihan.diperiksa:
        opd = h.opd or Path(h.berkas).stem
        for t in h.temuan:
            r += 1
            jenis = str(t.get("jenis") or "")
            # the kind in words (one table: renja_xl.jenis_temuan), the id last for filtering
            isi = (h.nama, opd, "ya" if h.berkas in dipakai else "tidak", t.get("lembar"), t.get("sel"),
                   t.get("tingkat"), nama_jenis(jenis) if jenis else "", t.get("pesan"), t.get("seharusnya"),
                   t.get("ditemukan"), t.get("saran") or saran_jenis(jenis), jenis)
            for c, v in enumerate(isi, 1):
                if v not in (None, ""):
                    x = ws.cell(r, c)
                    tulis_teks(x, str(v))
                    x.alignment = KIRI
    ujung = get_column_letter(len(KOLOM))
    ws.auto_filter.ref = f"A1:{ujung}{max(r, 2)}"
    for c, w in enumerate(_LEBAR, 1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.freeze_panes = "A2"
    if r == 1:
        ws.cell(2, 1, "(tidak ada temuan)")
    return ws
