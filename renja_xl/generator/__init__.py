"""The generator: fill every due form from one Data Induk, with live native Excel formulas.

``buat`` writes one form (plus the *Skala Predikat* sheet, and *Ringkasan* for E.81), ``buat_semua`` writes
every due form in one workbook (E.81 for each triwulan up to the one in Info, T-C.29, T-C.33, Rencana
Aksi, Ringkasan, Skala Predikat). ``isi_buku`` does the same from an in-memory ``DataInduk`` (tests, macros).
Every workbook describes itself (``meta_buku``: indicator type and Data Induk row per form row).
The input is read and checked completely before anything is written; the output is written atomically and
never over the input or an existing file unless ``timpa``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from renja_xl.sumber import folder
from renja_xl.data_induk import DataInduk, Masalah
from renja_xl.formulir import FORMULIR, baca_form
from renja_xl.galat import GalatPengguna
from renja_xl.jeda_gc import jeda_gc
from renja_xl.meta import BarisMeta
from renja_xl.generator import bentuk, cetak
from renja_xl.generator.bentuk import ROMAWI, TURUNAN, Tata
from renja_xl.generator.hitung import Terikat, hitungan
from renja_xl.generator.meta_buku import baris_meta, tulis_meta
from renja_xl.generator.simpan import ke_bytes, simpan
from renja_xl.generator.templat import BarisKeluar, isi_lembar
from renja_xl.predikat import SKALA_BAKU, Skala

__all__ = ["FORM", "buat", "buat_semua", "isi_buku", "isi_buku_semua", "dir_templat", "simpan", "ke_bytes",
           "lembar_tampak"]

# CLI name -> (template file stem, label)
FORM: dict[str, tuple[str, str]] = {f.kunci: (f.templat, f.label) for f in FORMULIR.values()}

DIR_TEMPLAT = folder("templates")
_CALC_ID = 191029    # the calcId Excel 2016-365 writes: an older one makes Excel recalculate and ask to save
_TURUNAN_FONT = cetak.huruf(italic=True, color="1F4E79", size=10)
_TURUNAN_FILL = PatternFill("solid", fgColor="DDEBF7")
_TANDAI_FILL = PatternFill("solid", fgColor="FF9999")


def dir_templat() -> Path:
    """Template folder: ``RENJA_XL_TEMPLAT`` when set (a user's restyled copies), else the repo's ``templates/``."""
    return Path(os.environ.get("RENJA_XL_TEMPLAT") or DIR_TEMPLAT)


def _muat_templat(stem: str, folder: Path | None) -> Workbook:
    p = (folder or dir_templat()) / f"{stem}.xlsx"
    if not p.is_file():
        raise GalatPengguna(f"templat '{p.name}' tidak ditemukan di {p.parent}.",
                            saran="Buat ulang dengan: python -m renja_xl.generator.buat_templat")
    from renja_xl.buku import buka

    return buka(p)


def _gaya_turunan(c: Cell) -> None:
    c.font = _TURUNAN_FONT
    c.fill = _TURUNAN_FILL
    c.comment = Comment(f"Nilai ini {TURUNAN} (jenis indikator menentukan: kumulatif dibagi, nilai akhir naik bertahap, persentase/menurun diulang).",
                        "renja-xl")


def _gaya_tandai(c: Cell, pesan: str) -> None:
    c.fill = _TANDAI_FILL
    c.comment = Comment(f"Tidak dapat diisi dari Data Induk: {pesan}"[:2000], "renja-xl")


def _cek_triwulan(triwulan: object) -> int:
    if isinstance(triwulan, bool) or not isinstance(triwulan, int) or not 1 <= triwulan <= 4:
        raise GalatPengguna(f"triwulan '{triwulan}' tidak valid.", saran="Pilih 1, 2, 3 atau 4.")
    return triwulan


def _masalah_per_baris(data: DataInduk) -> dict[int, list[str]]:
    hasil: dict[int, list[str]] = {}
    for m in getattr(data, "masalah", []) or []:
        if m.baris is not None and m.lembar == "Data":
            hasil.setdefault(m.baris, []).append(m.pesan)
    return hasil


@dataclass
class _Isian:
    """One filled form sheet (still in its template workbook) and what the output workbook needs of it."""

    ws: Worksheet
    ids: dict[str, int]                                  # output row id -> sheet row
    kolom: dict[str, str]                                # slot -> column letter
    tata: Tata
    awal: int                                            # first body row
    baris: list[BarisKeluar]
    terikat: dict[tuple[int, int], Terikat]              # formula cells, for their cached values


def _isi_form(data: DataInduk, form: str, triwulan: int, skala: Skala, folder: Path | None) -> _Isian:
    """Fill one form's template."""
    stem, _ = FORM[form]
    wb = _muat_templat(stem, folder)
    ws = wb.worksheets[0]
    masalah = _masalah_per_baris(data)
    baris: list[BarisKeluar]
    if form in ("e81", "e81-renja"):
        baris, tata = bentuk.baris_e81(data, triwulan, skala, renja=form == "e81-renja", masalah=masalah)
    elif form == "tc29":
        baris, tata = bentuk.baris_tc29(data, triwulan, masalah)
    elif form == "tc33":
        baris, tata = bentuk.baris_tc33(data, masalah)
    else:
        baris, tata = bentuk.baris_rencana_aksi(data, masalah)
    if not baris:
        raise GalatPengguna("Data Induk tidak berisi satu pun program/kegiatan/sub kegiatan.", berkas=data.berkas,
                            lembar="Data")
    from renja_xl.generator.templat import cari_prototipe

    awal = cari_prototipe(ws).awal
    terikat: dict[tuple[int, int], Terikat] = {}
    ids, kolom = isi_lembar(ws, baris, bentuk.konteks_umum(data, triwulan), gaya_turunan=_gaya_turunan,
                            gaya_tandai=_gaya_tandai, terikat=terikat)
    return _Isian(ws, ids, kolom, tata, awal, baris, terikat)


def _tambah_form(wb: Workbook, isian: _Isian, judul: str, deskripsi: list[BarisMeta]) -> str:
    """Copy a filled form into the output workbook with its formulas' rules and its rows' description."""
    judul = _salin_lembar(isian.ws, wb, judul).title
    hitungan(wb).catat(judul, isian.terikat)
    deskripsi += baris_meta(judul, isian.awal, isian.baris)
    return judul


def _salin_lembar(src: Worksheet, wb: Workbook, judul: str) -> Worksheet:
    """Copy a filled sheet into the output workbook (values, styles, merges, sizes, CF, DV, print setup)."""
    ws = wb.create_sheet(judul[:31])
    # A sheet has a few dozen distinct styles over tens of thousands of cells: translate each source style
    # once and reuse the destination's style indices (copying style objects per cell was 90 % of the time).
    gaya: dict[tuple[int, ...], object] = {}
    for row in src.iter_rows():
        for c in row:
            if c.__class__.__name__ == "MergedCell":
                continue
            d = ws.cell(row=c.row, column=c.column)
            d.value = c.value
            if c.data_type == "s" and isinstance(c.value, str):
                d.data_type = "s"
            if c.has_style:
                kunci = tuple(c._style)
                sudah = gaya.get(kunci)
                if sudah is None:
                    d.font = copy(c.font)
                    d.fill = copy(c.fill)
                    d.border = copy(c.border)
                    d.alignment = copy(c.alignment)
                    d.number_format = c.number_format
                    d.protection = copy(c.protection)
                    if c.quotePrefix:
                        d.quotePrefix = True
                    gaya[kunci] = copy(d._style)
                else:
                    d._style = copy(sudah)
            if c.comment is not None:
                d.comment = Comment(c.comment.text, c.comment.author or "renja-xl")
    for m in src.merged_cells.ranges:
        ws.merge_cells(str(m))
    for k, dim in src.column_dimensions.items():
        ws.column_dimensions[k].width = dim.width
        ws.column_dimensions[k].hidden = dim.hidden
    for k, dim in src.row_dimensions.items():
        if dim.height is not None:
            ws.row_dimensions[k].height = dim.height
    for cf in src.conditional_formatting:
        for aturan in cf.rules:
            ws.conditional_formatting.add(str(cf.sqref), aturan)
    for dv in src.data_validations.dataValidation:
        ws.add_data_validation(copy(dv))
    ws.freeze_panes = src.freeze_panes
    ws.page_setup.orientation = src.page_setup.orientation
    ws.page_setup.paperSize = src.page_setup.paperSize
    ws.page_setup.fitToWidth = src.page_setup.fitToWidth
    ws.page_setup.fitToHeight = src.page_setup.fitToHeight
    ws.sheet_properties.pageSetUpPr = copy(src.sheet_properties.pageSetUpPr)
    ws.page_margins = copy(src.page_margins)
    if src.print_title_rows:
        ws.print_title_rows = src.print_title_rows
    if src.print_area:
        ws.print_area = [a.split("!")[-1].replace("$", "") for a in str(src.print_area).split(",")]
    ws.sheet_view.zoomScale = src.sheet_view.zoomScale
    return ws


def _lembar_masalah(wb: Workbook, data: DataInduk) -> None:
    """With --paksa: list every problem of the Data Induk so nothing is silently dropped."""
    daftar: list[Masalah] = getattr(data, "masalah", []) or []
    if not daftar:
        return
    from renja_xl.buku import tulis_teks

    ws = wb.create_sheet("Masalah Data Induk", 0)
    ws["A1"] = "Formulir dibuat dengan --paksa: sel berwarna merah tidak dapat diisi. Masalah pada Data Induk:"
    ws["A1"].font = cetak.huruf(bold=True, color="C00000")
    for i, m in enumerate(daftar, start=3):
        tulis_teks(ws.cell(i, 1), m.teks())
    ws.column_dimensions["A"].width = 120


def _buku_baru() -> Workbook:
    """An empty output workbook that Excel recalculates on open (the cached values ``simpan`` writes are the
    core's; the formulas stay the truth once the user edits a cell)."""
    from openpyxl.workbook.properties import CalcProperties

    wb = Workbook()
    wb.remove(wb.active)
    cetak.font_bawaan(wb)
    wb.calculation = CalcProperties(calcId=_CALC_ID, fullCalcOnLoad=True)
    return wb


def isi_buku(data: DataInduk, form: str, triwulan: int | None = None, *, skala: Skala = SKALA_BAKU,
             templat: Path | None = None) -> Workbook:
    """One form as a new workbook: the form, Ringkasan (E.81 forms) and Skala Predikat."""
    form = baca_form(form)
    tw = _cek_triwulan(triwulan if triwulan is not None else data.info.triwulan)
    wb = _buku_baru()
    _lembar_masalah(wb, data)
    isian = _isi_form(data, form, tw, skala, templat)
    deskripsi: list[BarisMeta] = []
    judul = _tambah_form(wb, isian, FORM[form][1] + (f" TW {ROMAWI[tw - 1]}" if form.startswith("e81") else ""),
                         deskripsi)
    dicetak = [(judul, isian)]
    if form.startswith("e81"):
        from renja_xl.generator.ringkasan import tulis_ringkasan

        tulis_ringkasan(wb, data, judul, isian.ids, isian.kolom, isian.tata, isian.awal, len(skala.tingkat), skala)
    from renja_xl.generator.ringkasan import tulis_skala

    tulis_skala(wb, skala)
    _atur_cetak(wb, data, dicetak)
    tulis_meta(wb, deskripsi, _nama_berkas(data))
    wb.active = 1 if getattr(data, "masalah", None) else 0
    return wb


def isi_buku_semua(data: DataInduk, *, skala: Skala = SKALA_BAKU, templat: Path | None = None,
                   bentuk_form: str = "e81") -> Workbook:
    """Every due form in one workbook: E.81 for TW I..Info.triwulan, T-C.29, T-C.33, Rencana Aksi,
    Ringkasan (of the latest E.81) and Skala Predikat."""
    tw_akhir = _cek_triwulan(data.info.triwulan)
    wb = _buku_baru()
    _lembar_masalah(wb, data)
    akhir: tuple[str, _Isian] | None = None
    deskripsi: list[BarisMeta] = []
    dicetak: list[tuple[str, _Isian]] = []
    for tw in range(1, tw_akhir + 1):
        isian = _isi_form(data, bentuk_form, tw, skala, templat)
        akhir = (_tambah_form(wb, isian, f"{FORM[bentuk_form][1]} TW {ROMAWI[tw - 1]}", deskripsi), isian)
        dicetak.append(akhir)
    for form in ("tc29", "tc33", "rencana-aksi"):
        isian = _isi_form(data, form, tw_akhir, skala, templat)
        dicetak.append((_tambah_form(wb, isian, FORM[form][1], deskripsi), isian))
    from renja_xl.generator.ringkasan import tulis_ringkasan, tulis_skala

    assert akhir is not None
    judul, i = akhir
    tulis_ringkasan(wb, data, judul, i.ids, i.kolom, i.tata, i.awal, len(skala.tingkat), skala)
    tulis_skala(wb, skala)
    _atur_cetak(wb, data, dicetak)
    tulis_meta(wb, deskripsi, _nama_berkas(data))
    return wb


def _atur_cetak(wb: Workbook, data: DataInduk, dicetak: list[tuple[str, _Isian]]) -> None:
    """Plan every printed page once all values are known (amount widths come from them): the paper
    named in Info, body at 7 pt or more, signature kept with its names, page numbers in the footer."""
    from renja_xl.generator.rumus import LEMBAR_SKALA

    kertas = cetak.pilih_kertas(data.info.kertas)
    nilai = hitungan(wb).nilai()
    opd = data.info.nama_opd
    for judul, isian in dicetak:
        jumlah = isian.tata.jumlah
        cetak.cetak_form(wb[judul], awal=isian.awal, n_baris=len(isian.baris), kolom=isian.kolom, kertas=kertas,
                         kaki=f"{judul} - {opd}", nilai=nilai.get(judul, {}),
                         mulai_utuh=isian.awal + jumlah if jumlah is not None else None)
    for nama in ("Ringkasan", LEMBAR_SKALA):
        if nama in wb.sheetnames:
            cetak.cetak_lembar(wb[nama], kertas=kertas, kaki=f"{nama} - {opd}", nilai=nilai.get(nama, {}))


def _nama_berkas(data: DataInduk) -> str:
    berkas = getattr(data, "berkas", None)
    return Path(berkas).name if berkas else ""


def lembar_tampak(path: str | os.PathLike[str]) -> list[str]:
    """Sheet names of a generated workbook as a user sees them (without the hidden self-description)."""
    from renja_xl.meta import LEMBAR_META

    return [n for n in load_workbook(path, read_only=True).sheetnames if n != LEMBAR_META]


def _cek_keluaran(masuk: Path, keluar: Path, timpa: bool) -> None:
    """Refuse before reading anything: the input itself, or an existing file without --timpa."""
    if keluar.suffix.lower() not in (".xlsx", ".xlsm"):
        raise GalatPengguna(f"berkas keluaran '{keluar.name}' harus berakhiran .xlsx.")
    if keluar.exists() and masuk.exists() and keluar.resolve() == masuk.resolve():
        raise GalatPengguna("berkas keluaran sama dengan Data Induk; Data Induk tidak pernah ditimpa.",
                            berkas=keluar, saran="Pilih nama berkas keluaran lain.")
    if keluar.exists() and not timpa:
        raise GalatPengguna("berkas keluaran sudah ada.", berkas=keluar,
                            saran="Pilih nama lain atau tambahkan --timpa untuk menimpanya.")


def _baca(path: Path, paksa: bool) -> DataInduk:
    from renja_xl.data_induk import baca_data_induk

    return baca_data_induk(path, paksa=paksa)


@jeda_gc()
def buat(data_induk_path: str | os.PathLike[str], form: str, triwulan: int | None,
         out_path: str | os.PathLike[str], paksa: bool = False, *, timpa: bool = False,
         skala: Skala = SKALA_BAKU, templat: Path | None = None) -> Path:
    """Read the Data Induk, fill one form, write ``out_path`` atomically. Returns the written path."""
    masuk, keluar = Path(data_induk_path), Path(out_path)
    form = baca_form(form)
    if triwulan is not None:
        _cek_triwulan(triwulan)
    _cek_keluaran(masuk, keluar, timpa)
    data = _baca(masuk, paksa)
    wb = isi_buku(data, form, triwulan, skala=skala, templat=templat)
    return simpan(wb, keluar, timpa=timpa, sumber=masuk)


@jeda_gc()
def buat_semua(data_induk_path: str | os.PathLike[str], out_path: str | os.PathLike[str], paksa: bool = False, *,
               timpa: bool = False, skala: Skala = SKALA_BAKU, templat: Path | None = None,
               bentuk_e81: str = "e81") -> Path:
    """Every due form in one workbook (see ``isi_buku_semua``); ``bentuk_e81`` picks the E.81 layout."""
    masuk, keluar = Path(data_induk_path), Path(out_path)
    bentuk_e81 = baca_form(bentuk_e81)
    if bentuk_e81 not in ("e81", "e81-renja"):
        raise GalatPengguna(f"bentuk E.81 '{bentuk_e81}' tidak dikenal.", saran="Pilih e81 atau e81-renja.")
    _cek_keluaran(masuk, keluar, timpa)
    data = _baca(masuk, paksa)
    wb = isi_buku_semua(data, skala=skala, templat=templat, bentuk_form=bentuk_e81)
    return simpan(wb, keluar, timpa=timpa, sumber=masuk)


