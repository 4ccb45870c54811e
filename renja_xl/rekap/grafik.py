"""The chart sheet: rata-rata capaian kinerja and anggaran per OPD and per urusan, as two native bar charts
over small tables on the same sheet (so the numbers behind each bar stay visible and printable).

Per urusan the rows of every OPD's programs in that urusan are averaged with the same rule as per OPD
(``tugas.nilai_opd``: the core's capaian and rata-rata). Axes are drawn (``delete=False``: openpyxl's default
leaves them to the reader, and LibreOffice hides them), categories are text references, values start at 0.
"""

from __future__ import annotations

from dataclasses import replace

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.styles import Font
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from renja_xl.buku import tulis_teks
from renja_xl.generator.buat_templat import FMT_PERSEN, GARIS, JUDUL, TENGAH
from renja_xl.rekap.e79 import TANPA_KODE, blok_lembar
from renja_xl.rekap.model import BarisE81
from renja_xl.rekap.pilih import Pilihan
from renja_xl.rekap.tugas import nilai_opd

__all__ = ["tulis_grafik", "LEMBAR", "capaian_urusan"]

LEMBAR = "Grafik"


def capaian_urusan(pilihan: Pilihan) -> dict[str, tuple[float | None, float | None]]:
    """Urusan code -> (rata-rata capaian kinerja, anggaran) over every OPD row in that urusan."""
    baris: dict[str, list[BarisE81]] = {}
    for o in pilihan.opd:
        if o.lembar is None:
            continue
        for bidang, a, z in blok_lembar(o.lembar):
            u = bidang.split(".")[0] if bidang != TANPA_KODE else TANPA_KODE
            daftar = baris.setdefault(u, [])
            geser = len(daftar) - a      # parent indices point into this list, not the OPD's sheet
            daftar.extend(replace(b, induk=None if b.induk is None else b.induk + geser)
                          for b in o.lembar.baris[a:z])
    out = {}
    for u in sorted(baris, key=lambda k: (k == TANPA_KODE, k)):
        n = nilai_opd(baris[u], pilihan.triwulan)
        out[u] = (n.capaian_k, n.capaian_rp)
    return out


def _tabel(ws: Worksheet, r: int, judul: str, kepala: str,
           isi: list[tuple[str, float | None, float | None, str]]) -> tuple[int, int]:
    """Name, capaian K, capaian Rp and a short axis label (column D: long names do not fit a chart axis)."""
    ws.cell(r - 1, 1, judul).font = Font(bold=True)
    ws.row_dimensions[r].height = 32
    for c, teks in enumerate((kepala, "Capaian kinerja (%)", "Capaian anggaran (%)", "Label grafik"), 1):
        cell = ws.cell(r, c, teks)
        cell.font = Font(bold=True)
        cell.fill = JUDUL
        cell.border = GARIS
        cell.alignment = TENGAH
    for i, (nama, k, rp, label) in enumerate(isi, 1):
        tulis_teks(ws.cell(r + i, 1), nama)
        ws.cell(r + i, 2, k).number_format = FMT_PERSEN
        ws.cell(r + i, 3, rp).number_format = FMT_PERSEN
        tulis_teks(ws.cell(r + i, 4), label)
        for c in (1, 2, 3, 4):
            ws.cell(r + i, c).border = GARIS
    return r, r + len(isi)


def _grafik(ws: Worksheet, judul: str, r0: int, r1: int, jangkar: str) -> None:
    g = BarChart()
    g.type = "bar"
    g.title = judul
    g.add_data(Reference(ws, min_col=2, max_col=3, min_row=r0, max_row=r1), titles_from_data=True)
    kategori = f"'{ws.title}'!$D${r0 + 1}:$D${r1}"
    for s in g.series:
        s.cat = AxDataSource(strRef=StrRef(f=kategori))
    g.x_axis.delete = False
    g.y_axis.delete = False
    g.y_axis.scaling.min = 0
    g.y_axis.title = "%"
    g.legend.position = "b"
    n = r1 - r0
    g.height, g.width = max(7.5, 0.9 * n + 4), 22
    ws.add_chart(g, jangkar)


def tulis_grafik(wb: Workbook, pilihan: Pilihan, nama: dict[str, str]) -> Worksheet:
    ws = wb.create_sheet(LEMBAR)
    ws["A1"] = "Capaian kinerja dan anggaran tahun berjalan per Perangkat Daerah dan per urusan"
    ws["A1"].font = Font(bold=True, size=12)
    per_opd = [(o.nama, o.lembar.nilai.capaian_k, o.lembar.nilai.capaian_rp, _pendek(o.nama)) for o in pilihan.opd
               if o.lembar is not None]
    r0, r1 = _tabel(ws, 4, "Per Perangkat Daerah", "Perangkat Daerah", per_opd)
    urusan = [(f"{u} {nama.get(u, '')}".strip() if u != TANPA_KODE else "Tanpa kode urusan", k, rp,
               f"Urusan {u}" if u != TANPA_KODE else "Tanpa kode") for u, (k, rp) in capaian_urusan(pilihan).items()]
    u0, u1 = _tabel(ws, r1 + 4, "Per urusan", "Urusan", urusan)
    ws.column_dimensions["A"].width = 48
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 14
    ws.column_dimensions["D"].width = 24
    if per_opd:
        _grafik(ws, "Rata-rata capaian per Perangkat Daerah (%)", r0, r1, "F3")
    if urusan:
        _grafik(ws, "Rata-rata capaian per urusan (%)", u0, u1, f"F{max(r1 + 4, 3 + int(0.9 * len(per_opd) + 6) * 2)}")
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws


def _pendek(nama: str, n: int = 32) -> str:
    return nama if len(nama) <= n else nama[: n - 1].rstrip() + "…"
