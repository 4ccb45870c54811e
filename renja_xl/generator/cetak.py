"""Print layout of generated sheets: paper, column widths, scale, page breaks, row heights, footer.

A form is printed and signed, so the page is planned rather than left to "fit to page": the body must print
at 7 pt or more, an amount must never show ``###``, and the signature block must never be cut from its
names and NIPs. The plan is computed from the text itself (Arial metrics, the same as LibreOffice's
Liberation Sans) and written as an explicit scale with manual page breaks, which Excel and LibreOffice both
honour (Excel ignores manual breaks under "fit to page"). A form too wide for one page at that size is
split over pages wide with its first (code/name) columns repeated on each.

Paper: the Info sheet names it (``kertas``): F4/Folio 215 x 330 mm, which most pemda print on, Legal, A4 or
A3, always landscape. OOXML has no F4 code; code 14 is "Folio 8.5 x 13 in" (215.9 x 330.2 mm), which Excel
shows as Folio and LibreOffice renders at 330.2 x 215.9 mm landscape: the same sheet within a millimetre.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from copy import copy
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.pagebreak import Break, ColBreak, RowBreak
from openpyxl.worksheet.worksheet import Worksheet

from renja_xl.angka import format_angka
from renja_xl.data_induk.model import KERTAS_BAKU, PILIHAN_KERTAS, baca_kertas
from renja_xl.galat import GalatPengguna

__all__ = ["Kertas", "KERTAS", "KERTAS_BAWAAN", "pilih_kertas", "HURUF", "huruf", "font_bawaan", "lebar_teks",
           "teks_tampil", "Tataletak", "Rencana", "atur_halaman", "lebarkan_angka", "atur_tinggi",
           "UKURAN_CETAK_MIN", "skala_minimum", "cetak_form", "cetak_lembar", "tandai_utuh"]

HURUF = "Arial"                 # on every Windows; LibreOffice substitutes the metric-equal Liberation Sans
UKURAN_CETAK_MIN = 7.0          # pt: the smallest body text a form may print at


@dataclass(frozen=True)
class Kertas:
    nama: str
    kode: int                   # OOXML paperSize
    lebar_mm: float             # portrait width
    tinggi_mm: float

    @property
    def lanskap_pt(self) -> tuple[float, float]:
        return self.tinggi_mm / 25.4 * 72, self.lebar_mm / 25.4 * 72


KERTAS: dict[str, Kertas] = {
    "F4": Kertas("F4", 14, 215.9, 330.2),
    "Legal": Kertas("Legal", 5, 215.9, 355.6),
    "A4": Kertas("A4", 9, 210.0, 297.0),
    "A3": Kertas("A3", 8, 297.0, 420.0),
}
KERTAS_BAWAAN = KERTAS_BAKU


def pilih_kertas(nama: object) -> Kertas:
    """The paper an Info sheet names (blank: F4), read by the Data Induk's own rule (``baca_kertas``); an
    unknown name is the user's to fix."""
    kunci = baca_kertas(nama)
    if kunci not in KERTAS:
        raise GalatPengguna(f"ukuran kertas '{nama}' tidak dikenal.", lembar="Info",
                            saran=f"Isi kertas dengan {', '.join(PILIHAN_KERTAS)}.")
    return KERTAS[kunci]


def huruf(**kw: object) -> Font:
    """A font of the forms (Arial unless named): one family, so the planned widths hold on paper."""
    kw.setdefault("name", HURUF)
    return Font(**kw)  # type: ignore[arg-type]


def font_bawaan(wb: Workbook) -> None:
    """Make the workbook's Normal font Arial 10: column widths are counted in its digits (7 px in Excel,
    like Calibri 11), and LibreOffice then sizes columns from a font it has (Liberation Sans)."""
    f = copy(wb._fonts[0])
    f.name, f.sz = HURUF, 10
    daftar = list(wb._fonts)
    daftar[0] = f
    from openpyxl.utils.indexed_list import IndexedList

    wb._fonts = IndexedList(daftar)


# ------------------------------------------------------------------------------------------------ text metrics

# advance widths (1/1000 em) of ASCII 32..126 in Arial = Liberation Sans, regular and bold
_LEBAR = (
    [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556,
     556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667,
     556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556,
     556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722,
     500, 500, 500, 334, 260, 334, 584],
    [278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556,
     556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722,
     611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556,
     611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778,
     556, 556, 500, 389, 280, 389, 584],
)


def lebar_teks(teks: str, ukuran: float, tebal: bool = False) -> float:
    """Width in pt of one line of ``teks`` in Arial ``ukuran`` pt."""
    tabel = _LEBAR[1 if tebal else 0]
    return sum(tabel[o - 32] if 32 <= (o := ord(ch)) <= 126 else 600 for ch in teks) * ukuran / 1000


def _kolom_pt(w: float) -> tuple[float, float]:
    """(narrowest, widest) printed width in pt of a column ``w`` characters wide: Excel gives 7w+5 px of
    96 dpi, LibreOffice w digits of Liberation Sans 10 (5.547 pt each)."""
    excel = 0.75 * math.floor(7 * w + 5) if w > 0 else 0.0
    lo = 5.547 * w
    return min(excel, lo), max(excel, lo)


_PADDING = 6.0      # pt inside a cell, both sides together (Excel about 4, LibreOffice about 3), with room


def _lebar_untuk(pt: float) -> float:
    """The column width (characters) whose narrowest printed width holds ``pt`` of text."""
    perlu = pt * 1.04 + _PADDING
    w = max(perlu / 5.547, (perlu / 0.75 - 5) / 7)
    return math.ceil(w * 4) / 4


def teks_tampil(v: object, format_angka_sel: str | None) -> str | None:
    """The text a spreadsheet shows for number ``v`` in this number format (Indonesian separators; the
    width is the same in any locale); None for what is not a number."""
    if isinstance(v, bool) or not isinstance(v, (int, float)) or math.isnan(v) or math.isinf(v):
        return None
    fmt = (format_angka_sel or "General").split(";")[0]
    if fmt in ("General", "@"):
        teks = format_angka(v)
        return teks if len(teks) <= 11 else teks[:11]     # General rounds to what fits; never ###
    desimal = len(fmt.split(".")[1].rstrip("%")) if "." in fmt else 0
    teks = format_angka(v, desimal)
    return teks + ("%" if fmt.endswith("%") else "")


# ------------------------------------------------------------------------------------------------ columns

def _gabungan(ws: Worksheet) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    """Top-left cell -> (c1, r1, c2, r2) of every merged range."""
    return {(m.min_row, m.min_col): (m.min_col, m.min_row, m.max_col, m.max_row) for m in ws.merged_cells.ranges}


class _Gaya:
    """A cell's font size, boldness, wrapping and number format by its style ids: openpyxl builds a proxy
    object on every ``cell.font`` read, which on a 2,000-row form was most of the layout time."""

    def __init__(self, ws: Worksheet) -> None:
        self.wb = ws.parent
        self._huruf: dict[int, tuple[float, bool]] = {}
        self._bungkus: dict[int, bool] = {}
        self._format: dict[int, str] = {}

    def huruf(self, sel: object) -> tuple[float, bool]:
        if sel._style is None:  # type: ignore[attr-defined]
            return 10.0, False
        i = sel._style.fontId  # type: ignore[attr-defined]
        if i not in self._huruf:
            f = self.wb._fonts[i]
            self._huruf[i] = (float(f.sz or 10), bool(f.b))
        return self._huruf[i]

    def bungkus(self, sel: object) -> bool:
        if sel._style is None:  # type: ignore[attr-defined]
            return False
        i = sel._style.alignmentId  # type: ignore[attr-defined]
        if i not in self._bungkus:
            self._bungkus[i] = bool(self.wb._alignments[i].wrap_text)
        return self._bungkus[i]

    def format(self, sel: object) -> str:
        if sel._style is None:  # type: ignore[attr-defined]
            return "General"
        i = sel._style.numFmtId  # type: ignore[attr-defined]
        if i not in self._format:
            self._format[i] = sel.number_format  # type: ignore[attr-defined]
        return self._format[i]


def lebarkan_angka(ws: Worksheet, nilai: Mapping[tuple[int, int], object], baris: Iterable[int]) -> dict[int, float]:
    """Widen every column whose numbers (typed, or a formula's value in ``nilai``) in ``baris`` would not
    fit and show ``###``. Returns the widths set, by column index."""
    gabung = _gabungan(ws)
    dalam_gabung = {(r, c) for (c1, r1, c2, r2) in gabung.values() for r in range(r1, r2 + 1)
                    for c in range(c1, c2 + 1) if c2 > c1}
    gaya = _Gaya(ws)
    # per column, font and format only the widest candidates are printed: with fixed decimals the text
    # grows with the magnitude (and a minus sign); General text is measured for every distinct value
    calon: dict[tuple[int, str, float, bool], dict[object, None]] = {}
    rows = set(baris)
    for (rr, c), sel in list(ws._cells.items()):
        if rr not in rows or (rr, c) in dalam_gabung:
            continue
        v = nilai.get((rr, c)) if sel.data_type == "f" else sel.value
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            continue
        ukuran, tebal = gaya.huruf(sel)
        calon.setdefault((c, gaya.format(sel), ukuran, tebal), {})[v] = None
    perlu: dict[int, float] = {}
    for (c, fmt, ukuran, tebal), nilai_kol in calon.items():
        daftar = list(nilai_kol)
        if fmt not in ("General", "@"):
            daftar = [max(daftar, key=abs), min(daftar)]
        for v in daftar:
            teks = teks_tampil(v, fmt)
            if teks is not None:
                perlu[c] = max(perlu.get(c, 0.0), _lebar_untuk(lebar_teks(teks, ukuran, tebal)))
    hasil = {}
    for c, w in perlu.items():
        huruf_kol = get_column_letter(c)
        lama = ws.column_dimensions[huruf_kol].width or 8.43
        if w > lama:
            ws.column_dimensions[huruf_kol].width = w
            hasil[c] = w
    return hasil


# ------------------------------------------------------------------------------------------------ row heights

def _garis(teks: str, lebar_pt: float, ukuran: float, tebal: bool) -> int:
    """Lines ``teks`` wraps to in a cell ``lebar_pt`` wide (word wrap; a too-long word breaks)."""
    ruang = max(lebar_pt - _PADDING, ukuran)
    spasi = lebar_teks(" ", ukuran, tebal)
    n = 0
    for paragraf in str(teks).split("\n"):
        n += 1
        isi = 0.0
        for kata in paragraf.split(" "):
            w = lebar_teks(kata, ukuran, tebal)
            if isi and isi + spasi + w > ruang:
                n += 1
                isi = 0.0
            while w > ruang:            # a word longer than the line breaks anywhere
                n += 1
                w -= ruang
            isi = isi + (spasi if isi else 0.0) + w
    return n


def _tinggi_garis(ukuran: float) -> float:
    return ukuran * 1.22      # Excel fits Arial 10 at 12.75 pt a line, LibreOffice at 11.5


def atur_tinggi(ws: Worksheet, baris: Iterable[int], *, pertahankan: Iterable[int] = (),
                nilai: Mapping[tuple[int, int], object] | None = None) -> None:
    """Give every row in ``baris`` an explicit height that shows all of its text (wrapped text by its
    merged width; a merged cell over several rows spreads over them). Rows in ``pertahankan`` keep a
    larger height they already have (a space left for writing)."""
    baris = list(baris)
    if not baris:
        return
    tetap = set(pertahankan)
    r_min, r_max = min(baris), max(baris)
    gabung = _gabungan(ws)
    tertutup = {(r, c) for (c1, r1, c2, r2) in gabung.values() for r in range(r1, r2 + 1)
                for c in range(c1, c2 + 1) if (r, c) != (r1, c1)}
    lebar_kol: dict[int, float] = {}

    def lebar(c: int) -> float:
        if c not in lebar_kol:
            d = ws.column_dimensions.get(get_column_letter(c))
            w = 8.43 if d is None or d.width is None else d.width
            lebar_kol[c] = 0.0 if d is not None and d.hidden else _kolom_pt(w)[0]
        return lebar_kol[c]

    tinggi: dict[int, float] = {}
    banyak_baris: list[tuple[int, int, float]] = []
    gaya = _Gaya(ws)
    diminta = set(baris)
    kosong = _tinggi_garis(10.0) + 2
    for (r, c), sel in list(ws._cells.items()):
        if r not in diminta or (r, c) in tertutup or (lebar(c) == 0.0 and (r, c) not in gabung):
            continue                        # a hidden column (the row-kind helper) prints nothing
        v = sel.value
        if v is None or v == "":
            tinggi[r] = max(tinggi.get(r, 0.0), kosong)
            continue
        if sel.data_type == "f":
            v = (nilai or {}).get((r, c), "")
            if not isinstance(v, str):
                v = teks_tampil(v, gaya.format(sel)) or ""
        ukuran, tebal = gaya.huruf(sel)
        if v is None or v == "":
            perlu = kosong
        else:
            c1, r1, c2, r2 = gabung.get((r, c), (c, r, c, r))
            if isinstance(v, str) and gaya.bungkus(sel):
                n = _garis(v, sum(lebar(k) for k in range(c1, c2 + 1)), ukuran, tebal)
            else:
                n = 1
            perlu = n * _tinggi_garis(ukuran) + 3
            if r2 > r1:
                banyak_baris.append((r1, r2, perlu))
                continue
        tinggi[r] = max(tinggi.get(r, 0.0), perlu)
    for r in baris:
        h = tinggi.get(r, _tinggi_garis(10.0) + 2)
        lama = ws.row_dimensions[r].height if r in ws.row_dimensions else None
        if r in tetap and lama:
            h = max(h, lama)
        tinggi[r] = h
    for r1, r2, perlu in banyak_baris:
        ada = sum(tinggi.get(r, 15.0) for r in range(r1, r2 + 1))
        if ada < perlu:
            tinggi[r1] = tinggi.get(r1, 15.0) + perlu - ada
    for r in baris:
        ws.row_dimensions[r].height = round(tinggi[r], 1)


# ------------------------------------------------------------------------------------------------ pages

MARGIN_KIRI_KANAN = 0.4         # inch
MARGIN_ATAS = 0.5
MARGIN_BAWAH = 0.6
_MAKS_PUTUS = 1000              # manual page breaks a sheet may hold (Excel: 1,026)
_AMAN = 0.97                    # a page is planned 3 % shorter/narrower than it is


def skala_minimum(ukuran_badan: float) -> float:
    return UKURAN_CETAK_MIN / ukuran_badan


@dataclass
class Tataletak:
    """What the page plan needs to know about one sheet (rows and columns are 1-based indices)."""

    kertas: Kertas
    kolom: tuple[int, int]                              # first and last printed column
    baris: tuple[int, int]                              # first and last printed row
    judul_baris: tuple[int, int] | None = None          # header rows repeated on every page
    ulang_kolom: tuple[int, int] | None = None          # columns repeated on every page wide (code/name)
    utuh: list[list[tuple[int, int]]] = field(default_factory=list)   # blocks kept on one page, each with fallbacks
    tanda_tangan: tuple[int, int] | None = None         # rows of the signature block (two signatures side by side)
    kaki_kiri: str = ""                                 # footer left text (form and OPD)
    ukuran_badan: float = 10.0
    maks_halaman_lebar: int = 3
    pertahankan_tinggi: tuple[int, ...] = ()
    lewati_tinggi: frozenset[int] = frozenset()         # rows whose height is set already (under a chart)
    nilai: Mapping[tuple[int, int], object] = field(default_factory=dict)
    akhir_badan: int | None = None                      # last table row (notes and faktor rows below)


@dataclass
class Rencana:
    skala: int                                          # percent
    potong_kolom: list[int]                             # last column of each page wide but the last
    potong_baris: list[int]                             # last row of each page but the last


def _lebar_pt(ws: Worksheet, c: int) -> float:
    d = ws.column_dimensions.get(get_column_letter(c))
    if d is not None and d.hidden:
        return 0.0
    return _kolom_pt(8.43 if d is None or d.width is None else d.width)[1]


def _grup(m: object) -> bool:
    """A one-row header over more than a K/Rp pair (``Realisasi Kinerja pada Triwulan``): it may be cut
    between pages, its text repeated on each part."""
    return m.max_row == m.min_row and m.max_col - m.min_col + 1 > 2  # type: ignore[attr-defined]


def _batas_aman(ws: Worksheet, c: int, baris: Iterable[int]) -> bool:
    """A page may end after column ``c`` only where no merged header cell (a column or a K/Rp pair)
    spans c and c+1."""
    rows = set(baris)
    for m in ws.merged_cells.ranges:
        if m.min_col <= c < m.max_col and any(r in rows for r in range(m.min_row, m.max_row + 1)) and not _grup(m):
            return False
    return True


def _belah_grup(ws: Worksheet, judul: tuple[int, int], potong: list[int]) -> None:
    """Cut the group headers that cross a page edge into one piece per page, each with the text."""
    for m in list(ws.merged_cells.ranges):
        if not (judul[0] <= m.min_row <= judul[1]) or not _grup(m):
            continue
        tepi = [c for c in potong if m.min_col <= c < m.max_col]
        if not tepi:
            continue
        asal = ws.cell(m.min_row, m.min_col)
        r, a, z = m.min_row, m.min_col, m.max_col
        ws.unmerge_cells(str(m))
        for c1, c2 in zip([a] + [c + 1 for c in tepi], tepi + [z]):
            x = ws.cell(r, c1)
            x.value, x._style = asal.value, copy(asal._style)
            if c2 > c1:
                ws.merge_cells(start_row=r, start_column=c1, end_row=r, end_column=c2)


def _kemas(lebar: list[tuple[int, float]], ulang: float, ruang: float, aman: set[int]) -> list[int] | None:
    """Greedy column packing: the last column of every page but the last, or None if a column cannot fit."""
    potong: list[int] = []
    isi = 0.0
    terakhir_aman: tuple[int, float] | None = None    # (column, width used up to and including it)
    i = 0
    while i < len(lebar):
        c, w = lebar[i]
        if isi + w <= ruang:
            isi += w
            if c in aman:
                terakhir_aman = (c, isi)
            i += 1
            continue
        if terakhir_aman is None:
            return None
        potong.append(terakhir_aman[0])
        # restart after the cut column on a new page that begins with the repeated columns
        i = next(j for j, (cc, _) in enumerate(lebar) if cc == terakhir_aman[0]) + 1
        isi = ulang
        terakhir_aman = None
        if ulang >= ruang:
            return None
    return potong


def _rencana_kolom(ws: Worksheet, tl: Tataletak) -> tuple[int, list[int]]:
    lebar_hal = (tl.kertas.lanskap_pt[0] - 2 * 72 * MARGIN_KIRI_KANAN) * _AMAN
    kol = [(c, _lebar_pt(ws, c)) for c in range(tl.kolom[0], tl.kolom[1] + 1)]
    total = sum(w for _, w in kol)
    minimum = skala_minimum(tl.ukuran_badan)
    satu = min(1.0, lebar_hal / total) if total else 1.0
    if satu >= minimum or tl.ulang_kolom is None:
        return max(10, math.floor(max(satu, 0.1) * 100)), []
    ulang = sum(_lebar_pt(ws, c) for c in range(tl.ulang_kolom[0], tl.ulang_kolom[1] + 1))
    judul = range(tl.judul_baris[0], tl.judul_baris[1] + 1) if tl.judul_baris else range(0)
    aman = {c for c, _ in kol if c >= (tl.ulang_kolom[1]) and _batas_aman(ws, c, judul)}
    bawah = math.ceil(minimum * 100)

    def coba(persen: int) -> list[int] | None:
        return _kemas(kol, ulang, lebar_hal / (persen / 100), aman)

    # the fewest pages wide at or above the minimum scale, then the largest scale for that count
    for n in range(2, tl.maks_halaman_lebar + 1):
        for persen in range(100, bawah - 1, -1):
            potong = coba(persen)
            if potong is not None and len(potong) + 1 <= n:
                return persen, potong
    for persen in range(bawah - 1, 9, -1):
        potong = coba(persen)
        if potong is not None and len(potong) + 1 <= tl.maks_halaman_lebar:
            return persen, potong
    return max(10, math.floor(satu * 100)), []


def _rencana_baris(ws: Worksheet, tl: Tataletak, skala: float) -> list[int]:
    """Manual row breaks at every page end, so that a keep-together block starts a page when it would
    otherwise be cut. Each entry of ``tl.utuh`` lists a block and its smaller fallbacks; the first that fits
    a page is kept. Past Excel's limit of 1,026 manual breaks a sheet, only the blocks' breaks are written."""
    tinggi_hal = (tl.kertas.lanskap_pt[1] - 72 * (MARGIN_ATAS + MARGIN_BAWAH)) * _AMAN / skala

    def h(r: int) -> float:
        d = ws.row_dimensions[r] if r in ws.row_dimensions else None
        return 15.0 if d is None or d.height is None else (0.0 if d.hidden else float(d.height))

    def tinggi(r1: int, r2: int) -> float:
        return sum(h(x) for x in range(r1, r2 + 1))

    judul = tinggi(*tl.judul_baris) if tl.judul_baris else 0.0
    blok: dict[int, int] = {}
    for pilihan in tl.utuh:
        for r1, r2 in pilihan:
            if tinggi(r1, r2) <= tinggi_hal - judul:
                blok[r1] = r2
                break
    potong: list[int] = []
    paksa: list[int] = []
    isi = 0.0
    for r in range(tl.baris[0], tl.baris[1] + 1):
        if r in blok and r > tl.baris[0] and isi + tinggi(r, blok[r]) > tinggi_hal:
            potong.append(r - 1)
            paksa.append(r - 1)
            isi = judul
        if isi + h(r) > tinggi_hal and r > tl.baris[0]:
            # written as a manual break too: over many pages a spreadsheet's own breaks drift from this
            # plan (its page is a little taller than the planned one), and a kept block would land cut
            potong.append(r - 1)
            isi = judul
        isi += h(r)
    return potong if len(potong) <= _MAKS_PUTUS else paksa


def _tanda_tangan_di(ws: Worksheet, rows: tuple[int, int], c1: int, c2: int) -> None:
    """Lay the two signatures side by side within columns c1..c2 (both on the first page wide)."""
    tengah = c1 + (c2 - c1 + 1) // 2 - 1
    for r in range(rows[0], rows[1] + 1):
        teks = []
        for m in [m for m in ws.merged_cells.ranges if m.min_row == r]:
            teks.append((m.min_col, ws.cell(r, m.min_col).value, copy(ws.cell(r, m.min_col)._style)))
            ws.unmerge_cells(str(m))
        sel = [(c, v, s) for c, v, s in teks]
        for c in range(1, ws.max_column + 1):
            if ws.column_dimensions[get_column_letter(c)].hidden:
                continue
            ws.cell(r, c).value = None
        sel.sort()
        tempat = [(c1, tengah), (tengah + 1, c2)]
        for (a, b), (_, v, s) in zip(tempat, sel[:2]):
            x = ws.cell(r, a)
            x.value = v
            x._style = s
            if b > a:
                ws.merge_cells(start_row=r, start_column=a, end_row=r, end_column=b)


def _geser_baris(ws: Worksheet, r: int, mulai: int, akhir: int) -> None:
    """Move a row below the table (a faktor label and its box, a note) from the columns repeated on every
    page wide into columns mulai..akhir of the first page: otherwise its label prints again, alone, beside
    nothing on the next page. Each piece keeps about its printed width; the last one reaches ``akhir``."""
    gabung = {m.min_col: m for m in ws.merged_cells.ranges if m.min_row == r == m.max_row}
    potong: list[tuple[int, int]] = []
    c = 1
    while c <= akhir:
        if c in gabung:
            potong.append((c, gabung[c].max_col))
            c = gabung[c].max_col + 1
            continue
        sel = ws._cells.get((r, c))
        if sel is not None and sel.value not in (None, ""):
            potong.append((c, c))
        c += 1
    if not potong or potong[0][0] >= mulai:
        return
    isi = [(ws.cell(r, a).value, [copy(ws.cell(r, k)._style) for k in (a, b)]) for a, b in potong]
    lebar = [sum(_lebar_pt(ws, k) for k in range(a, b + 1)) for a, b in potong]
    for a, b in potong:
        if b > a:
            ws.unmerge_cells(start_row=r, start_column=a, end_row=r, end_column=b)
    from openpyxl.styles.cell_style import StyleArray

    for k in range(potong[0][0], max(b for _, b in potong) + 1):
        x = ws.cell(r, k)
        x.value, x._style = None, StyleArray()
    c = mulai
    for i, ((nilai, gaya), w) in enumerate(zip(isi, lebar)):
        z = c
        if i == len(isi) - 1:
            z = akhir
        else:
            while z < akhir - 1 and sum(_lebar_pt(ws, k) for k in range(c, z + 1)) < w * 0.9:
                z += 1
        for k in range(c, z + 1):
            ws.cell(r, k)._style = copy(gaya[0] if k == c else gaya[1])
        ws.cell(r, c).value = nilai
        if z > c:
            ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=z)
        c = z + 1
        if c > akhir:
            break


def atur_halaman(ws: Worksheet, tl: Tataletak) -> Rencana:
    """Plan and write the page setup of ``ws``: paper, landscape, scale, page breaks, repeated rows and
    columns, margins, footer; every row gets the height its text needs (``atur_tinggi``)."""
    persen, potong_kolom = _rencana_kolom(ws, tl)
    if potong_kolom:
        akhir1 = potong_kolom[0]
        judul = tl.judul_baris or (0, 0)
        _belah_grup(ws, judul, potong_kolom)
        # text outside the table (titles, notes, faktor rows) stays on the first page wide
        for m in list(ws.merged_cells.ranges):
            if judul[0] <= m.min_row <= judul[1] or (tl.tanda_tangan and tl.tanda_tangan[0] <= m.min_row
                                                      <= tl.tanda_tangan[1]):
                continue
            if m.min_col <= akhir1 < m.max_col and m.min_row == m.max_row:
                c1, r = m.min_col, m.min_row
                ws.unmerge_cells(str(m))
                luar = r < judul[0] or (tl.akhir_badan is not None and r > tl.akhir_badan)
                if luar and tl.ulang_kolom and c1 <= tl.ulang_kolom[1]:
                    # a title or note on the first page wide, clear of the columns repeated on the next
                    baru = tl.ulang_kolom[1] + 1
                    x = ws.cell(r, baru)
                    x.value, x._style = ws.cell(r, c1).value, copy(ws.cell(r, c1)._style)
                    ws.cell(r, c1).value = None
                    c1 = baru
                ws.merge_cells(start_row=r, start_column=c1, end_row=r, end_column=akhir1)
        if tl.ulang_kolom and tl.akhir_badan is not None:
            ttd = range(tl.tanda_tangan[0], tl.tanda_tangan[1] + 1) if tl.tanda_tangan else range(0)
            for r in range(tl.akhir_badan + 1, tl.baris[1] + 1):
                if r not in ttd:
                    _geser_baris(ws, r, tl.ulang_kolom[1] + 1, akhir1)
        if tl.tanda_tangan:
            mulai = (tl.ulang_kolom[1] + 1) if tl.ulang_kolom else tl.kolom[0]
            _tanda_tangan_di(ws, tl.tanda_tangan, mulai, akhir1)
    # row heights once the text has its final columns (a note moved to the first page wide is narrower)
    atur_tinggi(ws, [r for r in range(tl.baris[0], tl.baris[1] + 1) if r not in tl.lewati_tinggi],
                pertahankan=tl.pertahankan_tinggi, nilai=tl.nilai)
    ps = ws.page_setup
    ps.orientation = "landscape"
    ps.paperSize = tl.kertas.kode
    ps.scale = persen
    ps.fitToWidth = None
    ps.fitToHeight = None
    ps.pageOrder = "overThenDown"       # a row's continuation follows its page, not the whole first half
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_margins.left = ws.page_margins.right = MARGIN_KIRI_KANAN
    ws.page_margins.top = MARGIN_ATAS
    ws.page_margins.bottom = MARGIN_BAWAH
    ws.page_margins.header = 0.25
    ws.page_margins.footer = 0.25
    ws.col_breaks = ColBreak()
    for c in potong_kolom:
        ws.col_breaks.append(Break(id=c))
    if tl.ulang_kolom and potong_kolom:
        ws.print_title_cols = f"{get_column_letter(tl.ulang_kolom[0])}:{get_column_letter(tl.ulang_kolom[1])}"
    if tl.judul_baris:
        ws.print_title_rows = f"{tl.judul_baris[0]}:{tl.judul_baris[1]}"
    ws.print_area = (f"{get_column_letter(tl.kolom[0])}{tl.baris[0]}:"
                     f"{get_column_letter(tl.kolom[1])}{tl.baris[1]}")
    potong_baris = _rencana_baris(ws, tl, persen / 100)
    ws.row_breaks = RowBreak()
    for r in potong_baris:
        ws.row_breaks.append(Break(id=r))
    kiri = tl.kaki_kiri.replace("&", "&&")
    ws.oddFooter.left.text = kiri
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = "Halaman &P dari &N"
    ws.oddFooter.right.size = 8
    ws.HeaderFooter.scaleWithDoc = False
    ws.HeaderFooter.alignWithMargins = True
    return Rencana(persen, potong_kolom, potong_baris)


# ------------------------------------------------------------------------------------------------ whole sheets

def _area(ws: Worksheet) -> tuple[int, int, int, int]:
    """(c1, r1, c2, r2) of the print area, else of the used cells."""
    from openpyxl.utils import range_boundaries

    if ws.print_area:
        ref = str(ws.print_area).split(",")[0].split("!")[-1].replace("$", "")
        c1, r1, c2, r2 = range_boundaries(ref)
        return c1, r1, c2, r2  # type: ignore[return-value]
    return 1, 1, ws.max_column, ws.max_row


def _judul_baris(ws: Worksheet) -> tuple[int, int] | None:
    if not ws.print_title_rows:
        return None
    a, _, b = str(ws.print_title_rows).split("!")[-1].replace("$", "").partition(":")
    return int(a), int(b or a)


def _baris_berisi(ws: Worksheet, r1: int, r2: int, kata: str) -> list[int]:
    return sorted({r for (r, _), c in ws._cells.items() if r1 <= r <= r2 and isinstance(c.value, str)
                   and kata in c.value})


def cetak_form(ws: Worksheet, *, awal: int, n_baris: int, kolom: Mapping[str, str], kertas: Kertas, kaki: str,
               nilai: Mapping[tuple[int, int], object], mulai_utuh: int | None = None) -> Rencana:
    """Plan the printed pages of one filled form: amounts widened to their values, every row tall enough,
    then scale and breaks (``atur_halaman``). ``mulai_utuh``: the first row kept on the signature's page
    (E.81: the JUMLAH row), else the last body row."""
    from openpyxl.utils import column_index_from_string

    c1, r1, c2, r2 = _area(ws)
    akhir_badan = awal + n_baris - 1
    lebarkan_angka(ws, nilai, range(awal, akhir_badan + 1))
    bawah = range(akhir_badan + 1, r2 + 1)
    nama = next((kolom[k] for k in ("kode_uraian", "uraian") if k in kolom), None)
    ulang = (c1, column_index_from_string(nama)) if nama else None
    ttd: tuple[int, int] | None = None
    mulai = _baris_berisi(ws, akhir_badan + 1, r2, "Disusun oleh")
    nip = _baris_berisi(ws, akhir_badan + 1, r2, "NIP")
    if mulai and nip:
        ttd = (mulai[0], nip[-1])
    utuh = [[(mulai_utuh if mulai_utuh is not None else akhir_badan, r2)] + ([ttd] if ttd else [])]
    tl = Tataletak(kertas, (c1, c2), (r1, r2), _judul_baris(ws), ulang, utuh, ttd, kaki,
                   pertahankan_tinggi=tuple(bawah), nilai=nilai, akhir_badan=akhir_badan)
    return atur_halaman(ws, tl)


_UTUH: WeakKeyDictionary[Worksheet, list[tuple[int, int]]] = WeakKeyDictionary()


def tandai_utuh(ws: Worksheet, r1: int, r2: int) -> None:
    """Ask ``cetak_lembar`` to keep rows r1..r2 on one page (a table's header with its first rows)."""
    _UTUH.setdefault(ws, []).append((r1, r2))


def _blok_grafik(ws: Worksheet) -> list[tuple[int, int]]:
    """The rows each chart covers (anchor row, height at the rows' heights): a chart is never cut."""
    from openpyxl.utils.cell import coordinate_from_string

    blok = []
    for g in ws._charts:
        jangkar = g.anchor if isinstance(g.anchor, str) else None
        if jangkar is None:
            continue
        r = coordinate_from_string(jangkar)[1]
        sisa, r2 = g.height / 2.54 * 72, r
        while sisa > 0:
            d = ws.row_dimensions[r2] if r2 in ws.row_dimensions else None
            sisa -= 15.0 if d is None or d.height is None else float(d.height)
            r2 += 1
        blok.append((max(1, r - 1), r2 - 1))    # with the empty row above it: a frame edge never shows alone
    return blok


def cetak_lembar(ws: Worksheet, *, kertas: Kertas, kaki: str, nilai: Mapping[tuple[int, int], object],
                 judul_baris: tuple[int, int] | None = None) -> Rencana:
    """Plan the printed pages of a sheet built in code (Ringkasan, Skala Predikat): one page wide, charts
    and the blocks marked with ``tandai_utuh`` kept whole."""
    c1, r1, c2, r2 = _area(ws)
    lebarkan_angka(ws, nilai, range(r1, r2 + 1))
    grafik = {r for a, b in _blok_grafik(ws) for r in range(a + 1, b + 1)}
    utuh = [[b] for b in sorted(_UTUH.get(ws, []) + _blok_grafik(ws))]
    tl = Tataletak(kertas, (c1, c2), (r1, r2), judul_baris, None, utuh, None, kaki, nilai=nilai,
                   lewati_tinggi=frozenset(grafik))
    return atur_halaman(ws, tl)
