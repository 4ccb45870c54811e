"""The chart sheet: rata-rata capaian kinerja and anggaran per OPD and per urusan, as two native bar charts
below small tables on the same sheet (so the numbers behind each bar stay visible and printable, one page
wide on any paper).

Per urusan the rows of every OPD's programs in that urusan are averaged with the same rule as per OPD
(``tugas.nilai_opd``: the core's capaian and rata-rata). Axes are drawn (``delete=False``: openpyxl's default
leaves them to the reader, and LibreOffice hides them), categories are text references, values start at 0.
"""

from __future__ import annotations

import math
from dataclasses import replace

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.chart.series import SeriesLabel
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from renja_xl.buku import tulis_teks
from renja_xl.generator.buat_templat import FMT_PERSEN, GARIS, JUDUL, KIRI, TENGAH
from renja_xl.generator.cetak import huruf
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
    ws.cell(r - 1, 1, judul).font = huruf(bold=True, size=10)
    for c, teks in enumerate((kepala, "Capaian kinerja (%)", "Capaian anggaran (%)", "Label grafik"), 1):
        cell = ws.cell(r, c, teks)
        cell.font = huruf(bold=True, size=10)
        cell.fill = JUDUL
        cell.border = GARIS
        cell.alignment = TENGAH
    for i, (nama, k, rp, label) in enumerate(isi, 1):
        tulis_teks(ws.cell(r + i, 1), nama)
        ws.cell(r + i, 1).alignment = KIRI
        ws.cell(r + i, 2, k).number_format = FMT_PERSEN
        ws.cell(r + i, 3, rp).number_format = FMT_PERSEN
        tulis_teks(ws.cell(r + i, 4), label)
        for c in (1, 2, 3, 4):
            ws.cell(r + i, c).border = GARIS
    return r, r + len(isi)


_LEBAR = {"A": 38, "B": 12, "C": 12, "D": 26}     # the tables, and the charts below them: one page wide
_LEBAR_GRAFIK_CM = 16.5


_PER_GRAFIK = 14       # bars a chart holds: 0.9 cm each and 4 cm of title, axis and legend fit a page of any paper


def _grafik(ws: Worksheet, judul: str, r0: int, r1: int, r_jangkar: int) -> int:
    """Bar charts of the table rows below header row r0 up to r1, one per ``_PER_GRAFIK`` rows (a kabupaten's
    40 OPDs in one chart would be taller than a page and print cut), stacked from column A of ``r_jangkar``;
    returns the first row below them."""
    bagian = list(range(r0 + 1, r1 + 1, _PER_GRAFIK))
    for k, a in enumerate(bagian, 1):
        b = min(a + _PER_GRAFIK - 1, r1)
        g = BarChart()
        g.type = "bar"
        g.title = judul if len(bagian) == 1 else f"{judul} — {k}/{len(bagian)}"
        g.add_data(Reference(ws, min_col=2, max_col=3, min_row=a, max_row=b), titles_from_data=False)
        kategori = f"'{ws.title}'!$D${a}:$D${b}"
        for kolom, s in zip("BC", g.series):
            s.tx = SeriesLabel(strRef=StrRef(f=f"'{ws.title}'!${kolom}${r0}"))
            s.cat = AxDataSource(strRef=StrRef(f=kategori))
        g.x_axis.delete = False
        g.y_axis.delete = False
        g.y_axis.scaling.min = 0
        g.y_axis.title = "%"
        g.legend.position = "b"
        g.height, g.width = max(7.5, 0.9 * (b - a + 1) + 4), _LEBAR_GRAFIK_CM
        ws.add_chart(g, f"A{r_jangkar}")
        r_jangkar += math.ceil(g.height / 2.54 * 72 / 15.0) + 2      # rows below charts keep 15 pt
    return r_jangkar


def tulis_grafik(wb: Workbook, pilihan: Pilihan, nama: dict[str, str]) -> Worksheet:
    ws = wb.create_sheet(LEMBAR)
    ws["A1"] = "Capaian kinerja dan anggaran tahun berjalan per Perangkat Daerah dan per urusan"
    ws["A1"].font = huruf(bold=True, size=12)
    per_opd = [(o.nama, o.lembar.nilai.capaian_k, o.lembar.nilai.capaian_rp, _pendek(o.nama)) for o in pilihan.opd
               if o.lembar is not None]
    r0, r1 = _tabel(ws, 4, "Per Perangkat Daerah", "Perangkat Daerah", per_opd)
    urusan = [(f"{u} {nama.get(u, '')}".strip() if u != TANPA_KODE else "Tanpa kode urusan", k, rp,
               f"Urusan {u}" if u != TANPA_KODE else "Tanpa kode") for u, (k, rp) in capaian_urusan(pilihan).items()]
    u0, u1 = _tabel(ws, r1 + 4, "Per urusan", "Urusan", urusan)
    for k, w in _LEBAR.items():
        ws.column_dimensions[k].width = w
    r = u1 + 3
    if per_opd:
        r = _grafik(ws, "Rata-rata capaian per Perangkat Daerah (%)", r0, r1, r)
    if urusan:
        r = _grafik(ws, "Rata-rata capaian per urusan (%)", u0, u1, r)
    ws.print_area = f"A1:D{r}"       # the charts below the tables print too
    return ws


def _pendek(nama: str, n: int = 28) -> str:
    return nama if len(nama) <= n else nama[: n - 1].rstrip() + "…"
