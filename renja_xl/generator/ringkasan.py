"""The *Ringkasan* sheet and the *Skala Predikat* sheet, built in code (no template needed).

Ringkasan links to an E.81 sheet: per indicator the capaian Renja (12/7) and its predikat beside the capaian
Renstra of the E.81 (13/5; 14/5 in the 17-column layout), per program both rata-rata (the Renstra one is the
E.81 row "Rata-rata Capaian Kinerja"), anggaran and realisasi as native bar charts, the count of indicators
per predikat (COUNTIF) and the OPD's rata-rata and predikat. The two capaian carry distinct labels: they
answer different questions and often differ. Every number is a formula, so editing the E.81 sheet updates
the summary and the charts; an indicator without a target shows blank, never 0.
"""

from __future__ import annotations

import math

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment
from openpyxl.utils import column_index_from_string
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from renja_xl.buku import tulis_teks
from renja_xl.capaian import JenisIndikator
from renja_xl.data_induk import DataInduk
from renja_xl.generator import rumus
from renja_xl.generator.bentuk import Tata
from renja_xl.generator.hitung import Blok, Sel, hitungan
from renja_xl.generator.buat_templat import GARIS, ISIAN, JUDUL, _PREDIKAT_WARNA, isian_cf
from renja_xl.generator.cetak import huruf as Font, tandai_utuh
from renja_xl.predikat import Skala

__all__ = ["tulis_skala", "tulis_ringkasan"]


def tulis_skala(wb: Workbook, skala: Skala) -> Worksheet:
    """The visible, editable scale sheet the predikat formulas look up (thresholds ascending)."""
    ws = wb.create_sheet(rumus.LEMBAR_SKALA)
    ws["A1"], ws["B1"] = "Batas bawah capaian (%)", "Predikat"
    for c in (ws["A1"], ws["B1"]):
        c.font = Font(bold=True)
        c.fill = JUDUL
        c.border = GARIS
    for i, (batas, nama) in enumerate(skala.ke_baris(), start=2):
        ws.cell(i, 1, batas).fill = ISIAN
        tulis_teks(ws.cell(i, 2), nama)
        ws.cell(i, 2).fill = ISIAN
        ws.cell(i, 1).border = ws.cell(i, 2).border = GARIS
    ws["D1"] = "Skala: " + (skala.nama or "khusus")
    ws["D2"] = ("Nilai capaian mendapat predikat dari baris dengan batas bawah terbesar yang dicapai. Batas dan "
                "nama boleh diubah; urutan harus tetap naik dari atas ke bawah.")
    ws["D2"].alignment = Alignment(wrap_text=True, vertical="top")
    akhir = max(3, len(skala.tingkat) + 1)
    ws.merge_cells(f"D2:D{akhir}")       # the note spreads over the table's rows instead of stretching one
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 18
    ws.column_dimensions["D"].width = 60
    return ws


def _kategori_teks(g: BarChart, kat: Reference) -> None:
    """Program codes as text categories (strRef: a numRef over text shows 1, 2, 3 in Excel), both axes
    written visible (``<c:delete val="0"/>``: without it Excel may hide them) and values from 0."""
    for s in g.series:
        s.cat = AxDataSource(strRef=StrRef(f=str(kat)))
    g.x_axis.delete = False
    g.y_axis.delete = False
    g.y_axis.scaling.min = 0


_TINGGI_BARIS = 15.0     # pt: rows under a chart, so that the print area covers it


def _baris_untuk(tinggi_cm: float) -> int:
    return math.ceil(tinggi_cm / 2.54 * 72 / _TINGGI_BARIS)


def tulis_ringkasan(wb: Workbook, data: DataInduk, lembar_e81: str, baris: dict[str, int], kolom: dict[str, str],
                    tata: Tata, awal: int, n_skala: int, skala: Skala) -> Worksheet:
    """Summary of one E.81 sheet (``baris``: output row ids -> sheet rows; ``kolom``: slot -> letter)."""
    ws = wb.create_sheet("Ringkasan")
    ws["A1"] = f"RINGKASAN CAPAIAN KINERJA {data.info.nama_opd.upper()}"
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = f"Sumber: lembar '{lembar_e81}' (angka di lembar ini adalah rumus yang mengacu ke lembar itu)"
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 44
    for c in "CDEFGH":
        ws.column_dimensions[c].width = 16
    ws.column_dimensions["H"].width = 12
    ws.column_dimensions["I"].width = 18

    def kepala(r: int, judul: list[str]) -> None:
        ws.row_dimensions[r].height = 30
        for i, t in enumerate(judul, 1):
            c = ws.cell(r, i, t)
            c.font = Font(bold=True)
            c.fill = JUDUL
            c.border = GARIS
            c.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")

    # per-indicator table first (the program table averages over it)
    renja = "capaian_renja_k" in kolom
    renstra = "15 = 14/5" if renja else "14 = 13/5"
    n_prog = len(tata.program)
    r_prog = 5
    r_ind_kepala = r_prog + n_prog + 5 + len(skala.tingkat) + 4
    kepala(r_ind_kepala, ["Prog.", "Indikator", "Target (7)", "Realisasi (12)", "Capaian Renja (%) = 12/7",
                          "Predikat (capaian Renja)", f"Capaian Renstra (%) = kolom {renstra}"])
    ws.row_dimensions[r_ind_kepala].height = 45
    tandai_utuh(ws, r_ind_kepala - 1, r_ind_kepala + 3)     # the header never alone at a page foot
    nomor_program = {node.kode: i for i, (node, _, _) in enumerate(tata.program, 1)}
    r = r_ind_kepala + 1
    i_awal = r
    h = hitungan(wb)

    def e81(kunci: str, sr: int) -> Sel:
        return Sel(lembar_e81, sr, column_index_from_string(kolom[kunci]))

    for b, idx, prog in tata.indikator:
        sr = awal + idx
        ws.cell(r, 1, nomor_program.get(prog))
        tulis_teks(ws.cell(r, 2), f"{b.kode} {b.indikator}".strip())
        ws.cell(r, 2).alignment = Alignment(wrap_text=True, vertical="top")
        h.tulis(ws, r, 3, rumus.SALIN(e81("target_k", sr)))
        h.tulis(ws, r, 4, rumus.SALIN(e81("realisasi_k", sr)))
        h.tulis(ws, r, 5, rumus.CAPAIAN(Sel(None, r, 4), Sel(None, r, 3), jenis=b.jenis,
                                        target=b.target_k)).number_format = "0.00"
        h.tulis(ws, r, 6, rumus.PREDIKAT(Sel(None, r, 5), skala=skala))
        h.tulis(ws, r, 7, rumus.SALIN(e81("capaian_renstra_k", sr))).number_format = "0.00"
        r += 1
    i_akhir = max(r - 1, i_awal)
    cap = Blok(None, i_awal, 5, i_akhir, 5, mutlak=True)
    prg = Blok(None, i_awal, 1, i_akhir, 1, mutlak=True)

    ws.cell(r_prog - 1, 1, "Capaian kinerja dan anggaran per program").font = Font(bold=True)
    kepala(r_prog, ["No", "Program", "Rata-rata capaian Renja (%) = 12/7", "Predikat (capaian Renja)",
                    "Anggaran (Rp)", "Realisasi anggaran (Rp)", "Capaian anggaran (%)", "Kode (label grafik)",
                    f"Rata-rata capaian Renstra (%) = kolom {renstra}, baris Rata-rata Capaian Kinerja E.81"])
    ws.row_dimensions[r_prog].height = 58
    for i, (node, i0, _) in enumerate(tata.program, 1):
        rr = r_prog + i
        ws.cell(rr, 1, i)
        tulis_teks(ws.cell(rr, 2), f"{node.kode} {node.uraian}".strip())
        ws.cell(rr, 2).alignment = Alignment(wrap_text=True, vertical="top")   # the whole name, wrapped
        h.tulis(ws, rr, 3, rumus.RATA_JIKA(cap, prg, i)).number_format = "0.00"
        h.tulis(ws, rr, 4, rumus.PREDIKAT(Sel(None, rr, 3), skala=skala))
        h.tulis(ws, rr, 5, rumus.SALIN(e81("target_rp", awal + i0))).number_format = "#,##0"
        h.tulis(ws, rr, 6, rumus.SALIN(e81("realisasi_rp", awal + i0))).number_format = "#,##0"
        h.tulis(ws, rr, 7, rumus.CAPAIAN(Sel(None, rr, 6), Sel(None, rr, 5), jenis=JenisIndikator.KUMULATIF)
                ).number_format = "0.00"
        tulis_teks(ws.cell(rr, 8), node.kode)     # short axis labels: full program names do not fit a chart
        if node.kode in tata.rata_program:
            h.tulis(ws, rr, 9, rumus.SALIN(e81("capaian_renstra_k", awal + tata.rata_program[node.kode]))
                    ).number_format = "0.00"
    r_opd = r_prog + n_prog + 2
    ws.cell(r_opd, 2, "Rata-rata capaian Renja OPD (%) = 12/7").font = Font(bold=True)
    h.tulis(ws, r_opd, 3, rumus.RATA(cap)).number_format = "0.00"
    h.tulis(ws, r_opd, 4, rumus.PREDIKAT(Sel(None, r_opd, 3), skala=skala))
    ws.cell(r_opd + 1, 2, f"Rata-rata capaian Renstra OPD (%) = kolom {renstra} (baris TOTAL RATA-RATA E.81)"
            ).font = Font(bold=True)
    ws.cell(r_opd + 1, 2).alignment = Alignment(wrap_text=True, vertical="top")
    if tata.rata_opd is not None:
        h.tulis(ws, r_opd + 1, 3, rumus.SALIN(e81("capaian_renstra_k", awal + tata.rata_opd))
                ).number_format = "0.00"
        h.tulis(ws, r_opd + 1, 4, rumus.PREDIKAT(Sel(None, r_opd + 1, 3), skala=skala))
    ws.cell(r_opd + 2, 2, "Banyak indikator per predikat (capaian Renja)").font = Font(bold=True)
    for j in range(len(skala.tingkat)):
        rr = r_opd + 3 + j
        h.tulis(ws, rr, 2, rumus.TAUTAN(Sel(rumus.LEMBAR_SKALA, len(skala.tingkat) + 1 - j, 2)))
        h.tulis(ws, rr, 3, rumus.HITUNG_SAMA(Blok(None, i_awal, 6, i_akhir, 6, mutlak=True), Sel(None, rr, 2)))
    for baris in ws.iter_rows(min_row=r_prog + 1):
        for c in baris:
            if c.value is not None and not (c.alignment and c.alignment.wrap_text):
                c.alignment = Alignment(vertical="top")
    for kata, warna in _PREDIKAT_WARNA:
        aturan = CellIsRule(operator="equal", formula=[f'"{kata}"'], fill=isian_cf(warna))
        ws.conditional_formatting.add(f"D{r_prog + 1}:D{r_opd + 1} F{i_awal}:F{i_akhir}", aturan)

    # charts below the tables, inside the print area: one page wide, values from 0
    r_grafik = i_akhir + 2
    if n_prog:
        kat = Reference(ws, min_col=8, min_row=r_prog + 1, max_row=r_prog + n_prog)
        tinggi = max(7.5, 1.2 * n_prog + 3)
        g1 = BarChart()
        g1.type = "bar"
        g1.title = "Rata-rata capaian Renja per program (%)"
        g1.add_data(Reference(ws, min_col=3, min_row=r_prog, max_row=r_prog + n_prog), titles_from_data=True)
        _kategori_teks(g1, kat)
        g1.legend = None
        g1.y_axis.title = "%"
        g1.height, g1.width = tinggi, 24
        ws.add_chart(g1, f"B{r_grafik}")
        r_grafik += _baris_untuk(tinggi) + 1
        g2 = BarChart()
        g2.type = "bar"
        g2.title = "Anggaran dan realisasi per program (Rp)"
        g2.add_data(Reference(ws, min_col=5, max_col=6, min_row=r_prog, max_row=r_prog + n_prog),
                    titles_from_data=True)
        _kategori_teks(g2, kat)
        g2.legend.position = "b"
        g2.height, g2.width = tinggi + 1.5, 24
        ws.add_chart(g2, f"B{r_grafik}")
        r_grafik += _baris_untuk(tinggi + 1.5) + 1
    for rr in range(i_akhir + 1, r_grafik):
        ws.row_dimensions[rr].height = _TINGGI_BARIS
    ws.print_area = f"A1:I{max(r_grafik - 1, i_akhir)}"
    ws.freeze_panes = "A4"      # paper, scale and footer: generator.cetak, once every value is known
    return ws
