"""The summary sheet: one row per OPD (its figures, predikat, findings by level, whether its E.81 for the
triwulan arrived on time, late or not at all), then every file left out of the compilation with its reason.

The figures are the core's (``renja_xl.capaian``/``predikat``, computed by each file's task), written as
values: this sheet reports what each OPD sent, the E.79 sheet next to it recomputes with live formulas, and
the two must agree (``tests/test_rekap.py`` checks that they do).
"""

from __future__ import annotations

from collections.abc import Mapping

from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from renja_xl.buku import tulis_teks
from renja_xl.generator import rumus
from renja_xl.generator.buat_templat import (_PREDIKAT_WARNA, FMT_PERSEN, FMT_RP, GARIS, JUDUL, KIRI, TENGAH,
                                             isian_cf)
from renja_xl.generator.cetak import Kertas, Rencana, Tataletak, atur_halaman, huruf, lebarkan_angka
from renja_xl.generator.hitung import Blok, hitungan
from renja_xl.rekap.pilih import TERLAMBAT, TIDAK_ADA, Pilihan

__all__ = ["tulis_ringkasan", "cetak_ringkasan", "LEMBAR", "KOLOM"]

LEMBAR = "Ringkasan OPD"
KOLOM = ("No", "Perangkat Daerah", "Pemda", "Berkas", "Lembar", "Status E.81", "Tanggal berkas", "Tenggat",
         "Target anggaran (Rp)", "Realisasi anggaran s.d. triwulan (Rp)", "Rata-rata capaian kinerja (%)",
         "Rata-rata capaian anggaran (%)", "Predikat kinerja", "Temuan salah", "Temuan peringatan",
         "Temuan info", "Keterangan")
# characters of Arial 10, chosen so the table prints one page wide at 7 pt or more on every paper (the
# amounts are widened to their values when the page is planned; long names and notes wrap)
_LEBAR = (4, 22, 12, 15, 9, 10, 11, 11, 14, 14, 9, 9, 11, 7, 10, 6, 18)
_KEPALA = 4
_ATAS = Alignment(vertical="top")     # numbers beside the first line of a wrapped name
_MERAH = PatternFill("solid", fgColor="F8CBAD")
_KUNING = PatternFill("solid", fgColor="FFEB84")


def _kepala(ws: Worksheet, r: int, judul: tuple[str, ...]) -> None:
    for c, teks in enumerate(judul, 1):
        cell = ws.cell(r, c, teks)
        cell.font = huruf(bold=True, size=10)
        cell.fill = JUDUL
        cell.border = GARIS
        cell.alignment = TENGAH


def tulis_ringkasan(wb: Workbook, pilihan: Pilihan) -> Worksheet:
    ws = wb.create_sheet(LEMBAR)
    romawi = ("I", "II", "III", "IV")[pilihan.triwulan - 1]
    ws["A1"] = f"RINGKASAN PER PERANGKAT DAERAH — TRIWULAN {romawi} TAHUN {pilihan.tahun or '…'}"
    ws["A1"].font = huruf(bold=True, size=12)
    tenggat = pilihan.tenggat.strftime("%d-%m-%Y") if pilihan.tenggat else "—"
    ws["A2"] = (f"Tenggat E.81: {tenggat} (hari kerja ke-10 setelah triwulan berakhir, atau --tenggat). Status "
                "'terlambat' = tanggal berkas sesudah tenggat; 'tidak ada' = OPD yang ada di folder tanpa E.81 "
                "triwulan ini. Angka: nilai dari E.81 tiap OPD dihitung renja-xl (capaian tahun berjalan = "
                "realisasi s.d. triwulan / target tahun berjalan).")
    ws["A2"].alignment = KIRI
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(KOLOM))
    _kepala(ws, _KEPALA, KOLOM)
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
                cell.alignment = KIRI
            else:
                cell.value = v
                cell.alignment = _ATAS
            cell.border = GARIS
        for c in (9, 10):
            ws.cell(r, c).number_format = FMT_RP
        for c in (11, 12):
            ws.cell(r, c).number_format = FMT_PERSEN
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
    ws.cell(r, 2, "Jumlah").font = huruf(bold=True, size=10)
    h = hitungan(wb)
    for c in (9, 10):
        x = h.tulis(ws, r, c, rumus.JUMLAH(Blok(None, 5, c, max(akhir, 5), c)))
        x.number_format = FMT_RP
        x.font = huruf(bold=True, size=10)
    r += 3
    ws.cell(r, 1, "Berkas yang tidak dipakai dalam rekap").font = huruf(bold=True, size=10)
    r += 1
    _kepala(ws, r, ("No", "Berkas", "Alasan"))
    ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=12)
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
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.freeze_panes = "C5"
    return ws


def cetak_ringkasan(ws: Worksheet, kertas: Kertas, nilai: Mapping[tuple[int, int], object], kaki: str) -> Rencana:
    """Plan the printed pages with the generator's planner: one page wide where it fits at 7 pt, else split
    with the number and Perangkat Daerah columns repeated; the header row on every page."""
    r2 = ws.max_row
    lebarkan_angka(ws, nilai, range(_KEPALA + 1, r2 + 1))
    tl = Tataletak(kertas, (1, len(KOLOM)), (1, r2), (_KEPALA, _KEPALA), (1, 2), kaki_kiri=kaki, nilai=nilai)
    return atur_halaman(ws, tl)
