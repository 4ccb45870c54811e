"""Where the rows of a generated workbook came from: its ``_renja_xl`` sheet (``renja_xl.meta``), read back.

A printed form carries no indicator type, so the checker used to guess it from the unit and the name — and a
count can be lower-is-better, an index is a level. A workbook made by ``renja-xl buat`` says per row which
type the user chose in the Data Induk and which Data Induk row it came from. This module reads that sheet,
keeps a row's description only when it still fits the row (same code: the user may have inserted or deleted
rows in Excel), and turns the findings on such rows into findings the user can act on: the Data Induk row to
fix, each mistake once instead of once per generated sheet.
"""

from __future__ import annotations

import re
from dataclasses import replace

from renja_xl.meta import KOLOM, LEMBAR_META, BarisMeta, dari_baris
from renja_xl.periksa.baris import INDIKATOR, ITEM, Baris
from renja_xl.periksa.deteksi import Grid
from renja_xl.periksa.hasil import TemuanSel

__all__ = ["baca_meta", "meta_lembar", "tandai_data_induk", "satukan_antar_lembar", "teks_data_induk"]

LEMBAR_DATA_INDUK = "Data"


def baca_meta(grids: list[Grid]) -> dict[tuple[str, int], BarisMeta]:
    """The ``_renja_xl`` sheet of the workbook as ``{(sheet, row): BarisMeta}``; empty for a hand-made one."""
    g = next((x for x in grids if x.nama == LEMBAR_META), None)
    if g is None:
        return {}
    lebar = len(KOLOM)
    rows = [[g.get(r, c).nilai for c in range(1, lebar + 1)] for r in range(1, g.max_row + 1)]
    return dari_baris(rows)


def _kode(b: Baris, per_baris: dict[int, Baris]) -> str | None:
    item = per_baris.get(b.item or b.r, b)
    return item.kode.normal if item.kode is not None and item.kode.normal else None


def meta_lembar(meta: dict[tuple[str, int], BarisMeta], lembar: str, baris: list[Baris]) -> dict[int, BarisMeta]:
    """Sheet row -> its description, for the item and indicator rows whose code still matches it.

    Found by row first; a row that moved (rows inserted above it in Excel) is found by its code and the
    indicator's place within its item. A row whose code matches neither gets no description: the checker
    guesses for that row as for a hand-made form."""
    if not meta:
        return {}
    per_kode: dict[tuple[str, int], BarisMeta] = {}
    for (lb, _r), m in meta.items():
        if lb == lembar and m.kode and m.urut_indikator is not None:
            per_kode.setdefault((m.kode, m.urut_indikator), m)
    per_baris = {b.r: b for b in baris}
    hasil: dict[int, BarisMeta] = {}
    urut = 0
    for b in baris:
        if b.jenis not in ITEM and b.jenis != INDIKATOR:
            continue
        urut = 0 if b.jenis in ITEM else urut + 1
        kode = _kode(b, per_baris)
        if kode is None:
            continue
        m = meta.get((lembar, b.r))
        if m is None or m.kode != kode:
            m = per_kode.get((kode, urut))
        if m is not None and m.kode == kode:
            hasil[b.r] = m
    return hasil


def teks_data_induk(baris_data_induk: int) -> str:
    """How a finding names the row to fix: ``Data Induk, lembar Data baris 14``."""
    return f"Data Induk, lembar {LEMBAR_DATA_INDUK} baris {baris_data_induk}"


_SEL = re.compile(r"^([A-Z]+)(\d+)$")


def tandai_data_induk(temuan: list[TemuanSel], meta: dict[str, dict[int, BarisMeta]],
                      rumus: dict[str, set[tuple[int, int]]]) -> list[TemuanSel]:
    """Each finding on a row that came from the Data Induk names that row (in the advice and in
    ``Temuan.data['data_induk']``). ``rumus``: per sheet, the (row, column) cells holding a formula — a
    wrong formula cell is fixed by making the form again, a wrong typed value at its Data Induk row."""
    from openpyxl.utils import column_index_from_string

    keluar = []
    for t in temuan:
        m_sel = _SEL.match(t.sel or "")
        m = meta.get(t.lembar or "", {}).get(int(m_sel.group(2))) if m_sel else None
        if m is None or m.baris_data_induk is None:
            keluar.append(t)
            continue
        asal = teks_data_induk(m.baris_data_induk)
        c = column_index_from_string(m_sel.group(1)) if m_sel else 0
        if (int(m_sel.group(2)), c) in rumus.get(t.lembar or "", set()):
            saran = f"Rumus buatan renja-xl di sel ini telah diubah: buat ulang formulirnya dari {asal}."
        else:
            saran = f"Perbaiki di {asal}, lalu buat ulang formulirnya."
        tm = t.temuan
        data = dict(tm.data)
        data["data_induk"] = {"lembar": LEMBAR_DATA_INDUK, "baris": m.baris_data_induk}
        baru = replace(tm, saran=f"{tm.saran} {saran}" if tm.saran else saran, data=data)
        keluar.append(replace(t, temuan=baru))
    return keluar


def satukan_antar_lembar(temuan: list[TemuanSel]) -> list[TemuanSel]:
    """One finding for one Data Induk mistake: the same message at the same Data Induk row on several
    generated sheets (E.81 of every quarter, T-C.29, T-C.33, Rencana Aksi) is kept on the first sheet,
    listing the others."""
    kelompok: dict[tuple, list[TemuanSel]] = {}
    urutan: list[tuple] = []
    for i, t in enumerate(temuan):
        di = t.temuan.data.get("data_induk")
        k = (t.jenis, di["baris"], t.temuan.pesan) if di else ("", i)
        if k not in kelompok:
            kelompok[k] = []
            urutan.append(k)
        kelompok[k].append(t)
    keluar = []
    for k in urutan:
        daftar = kelompok[k]
        t = daftar[0]
        lain = list(dict.fromkeys(x.lembar for x in daftar[1:] if x.lembar and x.lembar != t.lembar))
        if lain:
            data = dict(t.temuan.data)
            data["lembar_lain"] = lain
            data["sel_lain"] = [f"{x.lembar}!{x.sel}" for x in daftar[1:]]
            pesan = f"{t.temuan.pesan} (Sama di lembar {', '.join(lain)}.)"
            t = replace(t, temuan=replace(t.temuan, pesan=pesan, data=data))
        keluar.append(t)
    return keluar
