"""The summary sheet: one row per OPD (its figures, predikat, findings by level, whether its E.81 for the
triwulan arrived on time, late or not at all), then every file left out of the compilation with its reason.

The figures are the core's (``renja_xl.capaian``/``predikat``, computed by each file's task), written as
values: this sheet reports what each OPD sent, the E.79 sheet next to it recomputes with live formulas, and
the two must agree (``tests/test_rekap.py`` checks that they do).
"""

from __future__ import annotations

from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from renja_xl.buku import tulis_teks
from renja_xl.generator.buat_templat import (_PREDIKAT_WARNA, FMT_PERSEN, FMT_RP, GARIS, JUDUL, KIRI, TENGAH,
                                             isian_cf)
from renja_xl.rekap.pilih import TERLAMBAT, TIDAK_ADA, Pilihan

__all__ = ["tulis_ringkasan", "LEMBAR", "KOLOM"]

LEMBAR = "Ringkasan OPD"
KOLOM = ("No", "Perangkat Daerah", "Pemda", "Berkas", "Lembar", "Status E.81", "Tanggal berkas", "Tenggat",
         "Target anggaran (Rp)", "Realisasi anggaran s.d. triwulan (Rp)", "Rata-rata capaian kinerja (%)",
         "Rata-rata capaian anggaran (%)", "Predikat kinerja", "Temuan salah", "Temuan peringatan",
         "Temuan info", "Keterangan")
_LEBAR = (5, 40, 20, 30, 14, 13, 13, 12, 18, 18, 14, 14, 15, 9, 11, 9, 50)
_MERAH = PatternFill("solid", fgColor="F8CBAD")
_KUNING = PatternFill("solid", fgColor="FFEB84")


def _kepala(ws: Worksheet, r: int, judul: tuple[str, ...]) -> None:
    for c, teks in enumerate(judul, 1):
        cell = ws.cell(r, c, teks)
        cell.font = Font(bold=True)
        cell.fill = JUDUL
        cell.border = GARIS
        cell.alignment = TENGAH
    ws.row_dimensions[r].height = 45


def tulis_ringkasan(wb: Workbook, pilihan: Pilihan) -> Worksheet:
    ws = wb.create_sheet(LEMBAR)
    romawi = ("I", "II", "III", "IV")[pilihan.triwulan - 1]
    ws["A1"] = f"RINGKASAN PER PERANGKAT DAERAH — TRIWULAN {romawi} TAHUN {pilihan.tahun or '…'}"
    ws["A1"].font = Font(bold=True, size=12)
    tenggat = pilihan.tenggat.strftime("%d-%m-%Y") if pilihan.tenggat else "—"
    ws["A2"] = (f"Tenggat E.81: {tenggat} (hari kerja ke-10 setelah triwulan berakhir, atau --tenggat). Status "
                "'terlambat' = tanggal berkas sesudah tenggat; 'tidak ada' = OPD yang ada di folder tanpa E.81 "
                "triwulan ini. Angka: nilai dari E.81 tiap OPD dihitung renja-xl (capaian tahun berjalan = "
                "realisasi s.d. triwulan / target tahun berjalan).")
    _kepala(ws, 4, KOLOM)
    r = 5
    for i, o in enumerate(pilihan.opd, 1):
        h, lb = o.hasil, o.lembar
        n = lb.nilai if lb else None
        isi = [i, o.nama, o.pemda, h.nama if h else "", lb.lembar if lb else "", o.status,
               o.tanggal.strftime("%d-%m-%Y") if o.tanggal else "", tenggat if h else "",
               n.target_rp if n else None, n.realisasi_rp if n else None, n.capaian_k if n else None,
               n.capaian_rp if n else None, n.predikat if n else None,
               h.jumlah("salah") if h else None, h.jumlah("peringatan") if h else None,
               h.jumlah("info") if h else None, "; ".join(o.catatan)]
        for c, v in enumerate(isi, 1):
            cell = ws.cell(r, c)
            if isinstance(v, str):
                tulis_teks(cell, v)
            else:
                cell.value = v
            cell.border = GARIS
        for c in (9, 10):
            ws.cell(r, c).number_format = FMT_RP
        for c in (11, 12):
            ws.cell(r, c).number_format = FMT_PERSEN
        ws.cell(r, 17).alignment = KIRI
        if o.status == TIDAK_ADA:
            ws.cell(r, 6).fill = _MERAH
        elif o.status == TERLAMBAT:
            ws.cell(r, 6).fill = _KUNING
        r += 1
    akhir = r - 1
    ws.auto_filter.ref = f"A4:{chr(64 + len(KOLOM))}{max(akhir, 5)}"
    if akhir >= 5:
        for kata, warna in _PREDIKAT_WARNA:
            ws.conditional_formatting.add(f"M5:M{akhir}", CellIsRule(operator="equal", formula=[f'"{kata}"'],
                                                                    fill=isian_cf(warna)))
    ws.cell(r, 2, "Jumlah").font = Font(bold=True)
    for c in (9, 10):
        col = chr(64 + c)
        ws.cell(r, c, f"=SUM({col}5:{col}{max(akhir, 5)})").number_format = FMT_RP
        ws.cell(r, c).font = Font(bold=True)
    r += 3
    ws.cell(r, 1, "Berkas yang tidak dipakai dalam rekap").font = Font(bold=True)
    r += 1
    _kepala(ws, r, ("No", "Berkas", "Alasan"))
    for i, d in enumerate(pilihan.ditolak, 1):
        r += 1
        ws.cell(r, 1, i).border = GARIS
        tulis_teks(ws.cell(r, 2), d.berkas)
        tulis_teks(ws.cell(r, 3), d.alasan)
        ws.cell(r, 2).border = ws.cell(r, 3).border = GARIS
        ws.cell(r, 3).alignment = KIRI
        ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=12)
    if not pilihan.ditolak:
        ws.cell(r + 1, 2, "(tidak ada: semua berkas dipakai)")
    for c, w in enumerate(_LEBAR, 1):
        ws.column_dimensions[chr(64 + c)].width = w
    ws.freeze_panes = "C5"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws
