"""Build the form templates in ``templates/`` (reproducible: ``python -m renja_xl.generator.buat_templat``).

The .xlsx files are committed so users can restyle them in Excel; this script is how they were made and how
to make them again. Each template has title rows with jinja text, a header, a numbering row, one prototype
row per row kind (``{%row program%}`` in the hidden helper column A, slots ``{{ isi.KEY }}``), then the
faktor rows and the signature block. Input cells are pale yellow; formula cells grey.
"""

from __future__ import annotations

import sys
from datetime import datetime
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from renja_xl.sumber import folder
from renja_xl.buku import simpan_bytes_atomik
from renja_xl.generator.cetak import KERTAS, KERTAS_BAWAAN, font_bawaan, huruf
from renja_xl.generator.rumus import catatan_cara_hitung

__all__ = ["FORM", "buat_templat", "ke_bytes", "simpan_semua", "DIR_TEMPLAT", "ISIAN", "RUMUS_TETAP"]

DIR_TEMPLAT = folder("templates")

ISIAN = PatternFill("solid", fgColor="FFF2CC")      # a cell the user types into
RUMUS = PatternFill("solid", fgColor="EDEDED")      # a formula: do not type here
JUDUL = PatternFill("solid", fgColor="D9E1F2")
NOMOR = PatternFill("solid", fgColor="F2F2F2")
_TIPIS = Side(style="thin", color="808080")
GARIS = Border(left=_TIPIS, right=_TIPIS, top=_TIPIS, bottom=_TIPIS)
TENGAH = Alignment(horizontal="center", vertical="center", wrap_text=True)
KIRI = Alignment(horizontal="left", vertical="top", wrap_text=True)
KANAN = Alignment(horizontal="right", vertical="top")

FMT_RP = "#,##0"
FMT_PERSEN = "0.00"
FMT_K = "General"

# slots that are always formulas; Rp/pagu of program and kegiatan rows are roll-ups too
RUMUS_TETAP = {"realisasi_k", "realisasi_rp", "renstra_k", "renstra_rp", "capaian_renja_k", "capaian_renja_rp",
               "capaian_renstra_k", "capaian_renstra_rp", "tingkat_realisasi", "perkiraan_renstra",
               "capaian_perkiraan"}
_TEKS = {"no", "sasaran", "kode", "uraian", "kode_uraian", "indikator", "satuan", "penanggung_jawab",
         "keterangan", "lokasi", "sumber_dana", "jenis"}
_PREDIKAT_WARNA = (("Sangat Tinggi", "63BE7B"), ("Tinggi", "B5E0A6"), ("Sedang", "FFEB84"),
                   ("Rendah", "F8B27A"), ("Sangat Rendah", "F8696B"))


def isian_cf(warna: str) -> PatternFill:
    """A conditional format's solid fill: Excel takes a dxf's solid colour from bgColor (fgColor alone shows
    nothing), LibreOffice from fgColor; both are given."""
    return PatternFill("solid", fgColor=warna, bgColor=warna)
INDIKATOR = ("program", "kegiatan", "sub_kegiatan", "lanjutan")


@dataclass
class Kol:
    """One printed column (or a K/Rp pair): header texts, number, slot keys, width."""

    judul: str
    nomor: str
    kunci: tuple[str, ...]          # one key, or (K key, Rp key)
    lebar: float = 12
    lebar_rp: float | None = None   # the Rp column of a pair (widened to the data when the form is filled)
    grup: str | None = None         # a spanning header above (TW I..IV under "Realisasi Kinerja pada Triwulan")
    sub: str | None = None          # the second header line under the group (I, II, ...)


@dataclass
class Form:
    nama: str                        # file stem
    lembar: str                      # sheet title
    judul: list[str]                 # title lines (jinja)
    kolom: list[Kol]
    kaki: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)   # kind -> (label, slot keys)
    label_kunci: str = "uraian"      # the column footer labels go into
    faktor: bool = False
    tanda_tangan: bool = True
    predikat_kaki: tuple[str, ...] = ()
    bekukan: str = "F"
    catatan: str | None = None       # the note under the table (how the derived columns treat each type)


def _kp(judul: str, nomor: str, k: str, rp: str, lebar: float = 8, lebar_rp: float = 13, **kw: str) -> Kol:
    return Kol(judul, nomor, (k, rp), lebar, lebar_rp, **kw)


_TW = ("I", "II", "III", "IV")


def _kol_e81(renja: bool) -> list[Kol]:
    kol = [Kol("No", "1", ("no",), 6), Kol("Sasaran", "2", ("sasaran",), 16)]
    if renja:
        kol.append(Kol("Kode", "", ("kode",), 14))
        kol.append(Kol("Program/Kegiatan/Sub Kegiatan", "3", ("uraian",), 28))
    else:
        kol.append(Kol("Program/Kegiatan", "3", ("kode_uraian",), 32))
    kol += [
        Kol("Indikator Kinerja Program (Outcome)/ Kegiatan/Sub Kegiatan (Output)", "4", ("indikator",), 26),
        _kp("Target Renstra Perangkat Daerah pada Tahun {{ info.renstra_awal }}-{{ info.renstra_akhir }} "
            "(Akhir Periode Renstra Perangkat Daerah)", "5", "target_renstra_k", "target_renstra_rp"),
        _kp("Realisasi Capaian Kinerja Renstra Perangkat Daerah sampai dengan Renja Perangkat Daerah Tahun Lalu "
            "({{ info.tahun - 1 }})", "6", "realisasi_lalu_k", "realisasi_lalu_rp"),
        _kp("Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan ({{ info.tahun }}) yang "
            "Dievaluasi", "7", "target_k", "target_rp"),
    ]
    for i, r in enumerate(_TW, 1):
        kol.append(_kp("Realisasi Kinerja pada Triwulan", str(7 + i), f"tw{i}_k", f"tw{i}_rp",
                       grup="Realisasi Kinerja pada Triwulan", sub=r))
    kol.append(_kp("Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang Dievaluasi",
                   "12 = 8+9+10+11", "realisasi_k", "realisasi_rp"))
    if renja:
        kol += [
            _kp("Tingkat Capaian Kinerja dan Realisasi Anggaran Renja Perangkat Daerah yang Dievaluasi (%)",
                "13 = 12/7 x 100%", "capaian_renja_k", "capaian_renja_rp", 8, 8),
            _kp("Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah s.d. Tahun {{ info.tahun }}",
                "14 = 6+12", "renstra_k", "renstra_rp"),
            _kp("Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra Perangkat Daerah s.d. Tahun "
                "{{ info.tahun }} (%)", "15 = 14/5 x 100%", "capaian_renstra_k", "capaian_renstra_rp", 8, 8),
            Kol("Unit Perangkat Daerah Penanggung Jawab", "16", ("penanggung_jawab",), 16),
            Kol("Keterangan", "17", ("keterangan",), 14),
        ]
    else:
        kol += [
            _kp("Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah s.d. Tahun {{ info.tahun }}",
                "13 = 6+12", "renstra_k", "renstra_rp"),
            _kp("Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra Perangkat Daerah s.d. Tahun "
                "{{ info.tahun }} (%)", "14 = 13/5 x 100%", "capaian_renstra_k", "capaian_renstra_rp", 8, 8),
            Kol("Unit Perangkat Daerah Penanggung Jawab", "15", ("penanggung_jawab",), 16),
        ]
    return kol


_RP_E81 = ("target_renstra_rp", "realisasi_lalu_rp", "target_rp", "tw1_rp", "tw2_rp", "tw3_rp", "tw4_rp",
           "realisasi_rp", "renstra_rp")
_JUDUL_E81 = ["EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH {{ info.pemda | upper }}",
              "RENJA {{ info.nama_opd | upper }}",
              "Periode Pelaksanaan: Triwulan {{ triwulan_romawi }} ({{ bulan_triwulan }}) Tahun Anggaran "
              "{{ info.tahun }}",
              "Indikator dan target kinerja Perangkat Daerah yang mengacu pada sasaran RKPD:"]


def _kaki_e81(cap: tuple[str, ...]) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {
        "rata_program": ("Rata-rata Capaian Kinerja (%) {{ program }}", cap),
        "predikat_program": ("Predikat Kinerja {{ program }}", cap),
        "jumlah": ("JUMLAH ANGGARAN DAN REALISASI DARI SELURUH PROGRAM", _RP_E81),
        "rata_opd": ("TOTAL RATA-RATA CAPAIAN KINERJA DAN ANGGARAN DARI SELURUH PROGRAM (%)", cap),
        "predikat_opd": ("PREDIKAT KINERJA DARI SELURUH PROGRAM", cap),
    }


_TRIWULAN = ("8", "9", "10", "11")
_CATATAN_E81 = catatan_cara_hitung([("12", _TRIWULAN), ("13", ("6", "12"))], [("14", "13", "5")])
_CATATAN_E81_RENJA = catatan_cara_hitung([("12", _TRIWULAN), ("14", ("6", "12"))],
                                         [("13", "12", "7"), ("15", "14", "5")])
_CATATAN_TC29 = catatan_cara_hitung([("7", ("TW I", "TW II", "TW III", "TW IV")), ("10", ("5", "7", "9"))],
                                    [("8", "7", "6"), ("11", "10", "4")])
#: the footnote of the two "Tindak lanjut ...*)" rows of E.81; "Catatan:" and "Keterangan:" open the lines
#: below a table so that a reader of the form (periksa, impor) takes them for its footer, not for a row
CATATAN_BINTANG = ("Keterangan: *) diisi dengan langkah perbaikan yang disepakati dari hasil evaluasi ini, sejalan dengan "
                   "faktor penghambat di atas.")

FORM: dict[str, Form] = {
    "e81": Form("e81", "E.81", _JUDUL_E81, _kol_e81(False),
                _kaki_e81(("capaian_renstra_k", "capaian_renstra_rp")), label_kunci="kode_uraian", faktor=True,
                predikat_kaki=("predikat_program", "predikat_opd"), catatan=_CATATAN_E81),
    "e81_renja": Form("e81_renja", "E.81 Renja", ["Formulir E.81"] + _JUDUL_E81, _kol_e81(True),
                      _kaki_e81(("capaian_renja_k", "capaian_renja_rp", "capaian_renstra_k",
                                 "capaian_renstra_rp")), faktor=True,
                      predikat_kaki=("predikat_program", "predikat_opd"), bekukan="G",
                      catatan=_CATATAN_E81_RENJA),
    "tc29": Form("tc29", "T-C.29", [
        "Tabel 2.1",
        "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja dan Pencapaian Renstra {{ info.nama_opd }} "
        "{{ info.pemda }} s.d. Tahun {{ info.tahun }}"], [
        Kol("Kode", "1", ("kode",), 16),
        Kol("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan", "2", ("uraian",), 36),
        Kol("Indikator Kinerja Program (Outcome)/Kegiatan/Sub Kegiatan (Output)", "3", ("indikator",), 30),
        Kol("Target Capaian Kinerja Renstra Perangkat Daerah Tahun {{ info.renstra_akhir }}", "4",
            ("target_renstra_k",), 13),
        Kol("Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s.d. Tahun {{ info.tahun - 1 }}", "5",
            ("realisasi_lalu_k",), 14),
        Kol("Target Renja Perangkat Daerah Tahun {{ info.tahun }}", "6", ("target_k",), 12,
            grup="Target dan Realisasi Kinerja Program dan Kegiatan Tahun {{ info.tahun }}"),
        Kol("Realisasi Renja Perangkat Daerah Tahun {{ info.tahun }}", "7", ("realisasi_k",), 12,
            grup="Target dan Realisasi Kinerja Program dan Kegiatan Tahun {{ info.tahun }}"),
        Kol("Tingkat Realisasi (%)", "8 = (7/6)", ("tingkat_realisasi",), 11,
            grup="Target dan Realisasi Kinerja Program dan Kegiatan Tahun {{ info.tahun }}"),
        Kol("Target Program dan Kegiatan Renja Perangkat Daerah Tahun {{ info.tahun + 1 }}", "9",
            ("target_n1_k",), 13),
        Kol("Realisasi Capaian Program dan Kegiatan s.d. Tahun {{ info.tahun + 1 }}", "10 = (5+7+9)",
            ("perkiraan_renstra",), 13,
            grup="Perkiraan Realisasi Capaian Target Renstra Perangkat Daerah s.d. Tahun {{ info.tahun + 1 }}"),
        Kol("Tingkat Capaian Realisasi Target Renstra (%)", "11 = (10/4)", ("capaian_perkiraan",), 11,
            grup="Perkiraan Realisasi Capaian Target Renstra Perangkat Daerah s.d. Tahun {{ info.tahun + 1 }}"),
    ], {}, bekukan="E", catatan=_CATATAN_TC29),
    "tc33": Form("tc33", "T-C.33", [
        "Tabel 4.1",
        "Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun {{ info.tahun }} dan Prakiraan Maju Tahun "
        "{{ info.tahun + 1 }}",
        "{{ info.pemda }} - {{ info.nama_opd }}"], [
        Kol("Kode", "1", ("kode",), 16),
        Kol("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan", "2", ("uraian",), 36),
        Kol("Indikator Kinerja Program/Kegiatan/Sub Kegiatan", "3", ("indikator",), 30),
        Kol("Lokasi", "4", ("lokasi",), 16, grup="Rencana Tahun {{ info.tahun }}"),
        Kol("Target Capaian Kinerja", "5", ("target_k",), 12, grup="Rencana Tahun {{ info.tahun }}"),
        Kol("Kebutuhan Dana/ Pagu Indikatif (Rp)", "6", ("target_rp",), 16, grup="Rencana Tahun {{ info.tahun }}"),
        Kol("Sumber Dana", "7", ("sumber_dana",), 16, grup="Rencana Tahun {{ info.tahun }}"),
        Kol("Catatan Penting", "8", ("keterangan",), 16),
        Kol("Target Capaian Kinerja", "9", ("target_n1_k",), 12,
            grup="Prakiraan Maju Rencana Tahun {{ info.tahun + 1 }}"),
        Kol("Kebutuhan Dana/ Pagu Indikatif (Rp)", "10", ("pagu_n1",), 16,
            grup="Prakiraan Maju Rencana Tahun {{ info.tahun + 1 }}"),
    ], {"jumlah": ("JUMLAH", ("target_rp", "pagu_n1"))}, bekukan="E"),
    "rencana_aksi": Form("rencana_aksi", "Rencana Aksi", [
        "RENCANA AKSI", "{{ info.nama_opd | upper }}", "{{ info.pemda | upper }}", "TAHUN {{ info.tahun }}"], [
        Kol("No", "1", ("no",), 7),
        Kol("Kode", "2", ("kode",), 16),
        Kol("Program/Kegiatan/Sub Kegiatan", "3", ("uraian",), 36),
        Kol("Indikator Kinerja", "4", ("indikator",), 26),
        Kol("Satuan", "5", ("satuan",), 10),
        Kol("Target Tahun {{ info.tahun }}", "6", ("target_k",), 11),
        *(Kol(f"TW {r}", str(6 + i), (f"target_tw{i}",), 10, grup="Target per Triwulan") for i, r in
          enumerate(_TW, 1)),
        Kol("Penanggung Jawab", "11", ("penanggung_jawab",), 24),
    ], {}, bekukan="F"),
}


def _rumus(jenis: str, kunci: str) -> bool:
    if kunci in RUMUS_TETAP or jenis not in INDIKATOR:
        return True
    return jenis in ("program", "kegiatan") and (kunci.endswith("_rp") or kunci == "pagu_n1")


def _format(kunci: str) -> str:
    if kunci.startswith("capaian") or kunci == "tingkat_realisasi":
        return FMT_PERSEN
    if kunci.endswith("_rp") or kunci == "pagu_n1":
        return FMT_RP
    return FMT_K


def buat_templat(nama: str) -> Workbook:
    """The template workbook of one form (see ``FORM``)."""
    f = FORM[nama]
    wb = Workbook()
    font_bawaan(wb)
    ws = wb.active
    ws.title = f.lembar
    kolom: list[tuple[int, Kol, int]] = []   # (first column, spec, width in columns)
    c = 2
    for k in f.kolom:
        kolom.append((c, k, len(k.kunci)))
        c += len(k.kunci)
    akhir_kol = c - 1
    L = get_column_letter
    ws.column_dimensions["A"].hidden = True
    ws.column_dimensions["A"].width = 4
    for c0, k, w in kolom:
        for j in range(w):
            ws.column_dimensions[L(c0 + j)].width = k.lebar_rp if j == 1 and k.lebar_rp else k.lebar

    r = 1
    for t in f.judul:
        ws.cell(r, 2, t).font = huruf(bold=True, size=12 if r <= 2 else 11)
        ws.cell(r, 2).alignment = Alignment(horizontal="center", vertical="center")
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=akhir_kol)
        r += 1
    r += 1
    h1, h2, h3, hn = r, r + 1, r + 2, r + 3
    ada_kp = any(w == 2 for _, _, w in kolom)
    if not ada_kp:
        h3 = h2
        hn = h2 + 1
    for c0, k, w in kolom:
        for rr in range(h1, hn + 1):
            for j in range(w):
                cell = ws.cell(rr, c0 + j)
                cell.border = GARIS
                cell.alignment = TENGAH
                cell.fill = NOMOR if rr == hn else JUDUL
                cell.font = huruf(bold=rr != hn, italic=rr == hn, size=9 if rr == hn else 10)
        if k.grup:
            ws.cell(h1, c0, k.grup)
            ws.cell(h2, c0, k.sub or k.judul)
            if w == 2:
                ws.merge_cells(start_row=h2, start_column=c0, end_row=h2, end_column=c0 + 1)
        else:
            ws.cell(h1, c0, k.judul)
            bawah = h2 if w == 2 else h3
            if w == 2 or bawah > h1:
                ws.merge_cells(start_row=h1, start_column=c0, end_row=bawah, end_column=c0 + w - 1)
        if w == 2:
            ws.cell(h3, c0, "K")
            ws.cell(h3, c0 + 1, "Rp")
            ws.cell(hn, c0, k.nomor or None)
            ws.merge_cells(start_row=hn, start_column=c0, end_row=hn, end_column=c0 + 1)
        else:
            ws.cell(hn, c0, k.nomor or None)
    # merge the spanning group headers
    grup: dict[str, list[int]] = {}
    for c0, k, w in kolom:
        if k.grup:
            grup.setdefault(k.grup, []).extend(range(c0, c0 + w))
    for g, cols in grup.items():
        if len(cols) > 1:
            ws.merge_cells(start_row=h1, start_column=min(cols), end_row=h1, end_column=max(cols))
    ws.row_dimensions[h1].height = 60
    if not ada_kp:
        ws.row_dimensions[h2].height = 45

    # prototype rows
    r = hn + 1
    jenis_baris = list(INDIKATOR) + list(f.kaki)
    label_kol = next(c0 for c0, k, _ in kolom if f.label_kunci in k.kunci)
    baris_jenis: dict[str, int] = {}
    for jenis in jenis_baris:
        baris_jenis[jenis] = r
        ws.cell(r, 1, f"{{%row {jenis}%}}")
        kaki = f.kaki.get(jenis)
        for c0, k, w in kolom:
            for j, kunci in enumerate(k.kunci):
                cell = ws.cell(r, c0 + j)
                cell.border = GARIS
                teks = kunci in _TEKS
                cell.alignment = KIRI if teks else KANAN
                cell.number_format = "@" if teks else _format(kunci)
                tebal = jenis in ("program", "jumlah", "rata_opd", "predikat_opd") or jenis.startswith("rata") \
                    or jenis.startswith("predikat")
                cell.font = huruf(bold=tebal, italic=jenis == "kegiatan" and False, size=10)
                if kaki is None:
                    cell.value = f"{{{{ isi.{kunci} }}}}"
                    if kunci not in _TEKS or kunci in ("sasaran", "indikator", "penanggung_jawab", "keterangan",
                                                      "lokasi", "sumber_dana"):
                        cell.fill = RUMUS if _rumus(jenis, kunci) else ISIAN
                elif kunci in kaki[1]:
                    cell.value = f"{{{{ isi.{kunci} }}}}"
                    cell.fill = RUMUS
                    if jenis.startswith("predikat"):
                        cell.number_format = "@"
                        cell.alignment = TENGAH
                elif c0 + j == label_kol:
                    cell.value = kaki[0]
                    cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
                if kaki is not None:
                    cell.font = huruf(bold=True, size=10)
        r += 1
    proto_akhir = r - 1

    # conditional formatting of the predikat cells, validation of the quarter inputs
    for jenis in f.predikat_kaki:
        rr = baris_jenis[jenis]
        for c0, k, w in kolom:
            for j, kunci in enumerate(k.kunci):
                if kunci in f.kaki[jenis][1]:
                    ref = f"{L(c0 + j)}{rr}"
                    for kata, warna in _PREDIKAT_WARNA:
                        ws.conditional_formatting.add(ref, CellIsRule(operator="equal", formula=[f'"{kata}"'],
                                                                      fill=isian_cf(warna)))
    dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="-1000000000000000",
                        allow_blank=True, showErrorMessage=True, errorTitle="Bukan angka",
                        error="Isi dengan angka saja (tanpa satuan); satuan ditulis pada kolom indikator.")
    ws.add_data_validation(dv)
    for c0, k, w in kolom:
        for j, kunci in enumerate(k.kunci):
            if kunci.startswith("tw") or kunci.startswith("target"):
                dv.add(f"{L(c0 + j)}{baris_jenis['sub_kegiatan']}")

    # the note on how the derived columns treat each indicator type, then faktor rows and signature block
    r = proto_akhir + 1
    if f.catatan:
        r += 1
        ws.cell(r, 2, f.catatan).font = huruf(italic=True, size=10)
        ws.cell(r, 2).alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=akhir_kol)
        r += 1
    r += 1
    tengah = 2 + (akhir_kol - 1) // 2
    if f.faktor:
        for label in ("Faktor pendorong keberhasilan pencapaian:",
                      "Faktor penghambat pencapaian:",
                      "Tindak lanjut yang diperlukan dalam triwulan berikutnya*):",
                      "Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya*):"):
            ws.cell(r, 2, label).font = huruf(bold=True, size=10)
            ws.cell(r, 2).alignment = Alignment(vertical="top", wrap_text=True)
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=4)
            isian = ws.cell(r, 5)
            for cc in range(5, akhir_kol + 1):
                ws.cell(r, cc).fill = ISIAN
                ws.cell(r, cc).border = GARIS
            isian.alignment = KIRI
            ws.merge_cells(start_row=r, start_column=5, end_row=r, end_column=akhir_kol)
            ws.row_dimensions[r].height = 30
            r += 1
        ws.cell(r, 2, CATATAN_BINTANG).font = huruf(italic=True, size=10)
        ws.cell(r, 2).alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=akhir_kol)
        r += 2
    if f.tanda_tangan:
        kiri = ["Disusun oleh:", "Kepala {{ info.nama_opd }}", "", "", "", "{{ info.kepala_opd }}",
                "{{ info.jabatan_kepala_opd }}", "NIP. {{ info.nip_kepala_opd }}"]
        kanan = ["{{ info.tempat }}, {{ info.tanggal }}", "Dievaluasi oleh:", "Kepala Bappeda {{ info.pemda }}",
                 "", "", "{{ info.kepala_bappeda }}", "", "NIP. {{ info.nip_kepala_bappeda }}"]
        for i, (a, b) in enumerate(zip(kiri, kanan)):
            for cc, t in ((2, a), (tengah + 1, b)):
                if t:
                    cell = ws.cell(r + i, cc, t)
                    cell.alignment = Alignment(horizontal="center")
                    cell.font = huruf(bold=i == 5, underline="single" if i == 5 else None, size=10)
            ws.merge_cells(start_row=r + i, start_column=2, end_row=r + i, end_column=tengah)
            ws.merge_cells(start_row=r + i, start_column=tengah + 1, end_row=r + i, end_column=akhir_kol)
        r += len(kiri)
    akhir_baris = r - 1

    # print setup: landscape, fit width, header rows repeated, print area; headers frozen
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = KERTAS[KERTAS_BAWAAN].kode
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{h1}:{hn}"
    ws.print_area = f"B1:{L(akhir_kol)}{akhir_baris}"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.freeze_panes = f"{f.bekukan}{hn + 1}"
    ws.sheet_view.zoomScale = 85
    return wb


def ke_bytes(nama: str) -> bytes:
    """The template as bytes, identical on every run (fixed dates and zip timestamps)."""
    from renja_xl.data_induk.templat import ke_bytes as _bytes

    wb = buat_templat(nama)
    wb.properties.created = wb.properties.modified = datetime(2024, 1, 1)
    wb.properties.creator = "renja-xl"
    return _bytes(wb)


def simpan_semua(folder: Path = DIR_TEMPLAT) -> list[Path]:
    """Write every template into ``folder`` (overwriting: these are build outputs)."""
    folder.mkdir(parents=True, exist_ok=True)
    return [simpan_bytes_atomik(ke_bytes(n), folder / f"{n}.xlsx", timpa=True) for n in FORM]


if __name__ == "__main__":  # pragma: no cover
    for p in simpan_semua(Path(sys.argv[1]) if len(sys.argv) > 1 else DIR_TEMPLAT):
        print(p)
