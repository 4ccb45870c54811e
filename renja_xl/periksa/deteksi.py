"""Find the forms on a sheet: header rows, the column-numbering row, K/Rp sub-columns, the rules.

A form is recognised by its numbering row (``1 2 3 … 13``, ``12 = 8+9+10+11``, ``13=6+12``, ``8=(7/6)``)
and not by position, because years-old workbooks put the table anywhere, merge header cells and
repeat the header at every page break. The labels with ``=`` are parsed into rules, so every layout
(Pontianak 86/2017, Malang E.81, T-C.29 of 54/2010 or 86/2017) is checked by the same code. An E.81
whose numbering row was deleted is recognised from its header texts instead (``_dari_judul``).
"""

from __future__ import annotations

import bisect
import re
from operator import itemgetter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from openpyxl.utils import get_column_letter

if TYPE_CHECKING:
    from renja_xl.periksa.baca_xml import LembarMentah


# ---------------------------------------------------------------------------------------------- grid

@dataclass(slots=True)
class Sel:
    """One cell: constant or cached value, the formula text (None for a constant), the number format."""

    nilai: object = None
    rumus: str | None = None
    format: str | None = None


_SEL_KOSONG = Sel()
_pertama, _kedua = itemgetter(0), itemgetter(1)


class Grid:
    """A sheet as plain dicts: every cell with content (value, formula, number format) and merged cells.

    Built from the one-pass XML reader (:meth:`dari_mentah`) or, for files that reader declines, from
    two openpyxl loads (:meth:`dari_openpyxl`); both give the same cells."""

    def __init__(self, nama: str, sel: dict[tuple[int, int], Sel],
                 gabung: Iterable[tuple[int, int, int, int]]) -> None:
        self.nama = nama
        self.sel = sel
        # only cells with content count: a stray value far away must not make every scan huge
        self.max_row = max(self.sel)[0] if self.sel else 0      # keys are (row, col): the largest has the max row
        self.max_col = min(max(map(_kedua, self.sel), default=0), BATAS_KOLOM)
        self._baris = sorted(set(map(_pertama, self.sel)))
        self._galat: dict[int, list[int]] | None = None
        self._per_baris: dict[int, list[tuple[int, Sel]]] | None = None
        self.gabung: dict[tuple[int, int], tuple[int, int]] = {}
        for r0, c0, r1, c1 in gabung:
            if c0 > BATAS_KOLOM or (r1 - r0 + 1) * (c1 - c0 + 1) > 10_000:
                continue      # a header is never that big; do not build a huge map for it
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (r, c) != (r0, c0):
                        self.gabung[(r, c)] = (r0, c0)

    @classmethod
    def dari_mentah(cls, lembar: LembarMentah) -> Grid:
        return cls(lembar.nama, {k: Sel(v, f, fmt) for k, (v, f, fmt) in lembar.sel.items()}, lembar.gabung)

    @classmethod
    def dari_openpyxl(cls, nama: str, ws_rumus, ws_nilai) -> Grid:
        """From a formulas load and a cached-values load of the same sheet."""
        sel: dict[tuple[int, int], Sel] = {}
        nilai: dict[tuple[int, int], object] = {}
        if ws_nilai is not None:
            for c in _sel_berisi(ws_nilai):
                if c.value is not None:
                    nilai[(c.row, c.column)] = c.value
        for c in _sel_berisi(ws_rumus):
            v = c.value
            if v is None:
                continue
            if isinstance(v, str) and v.startswith("="):
                sel[(c.row, c.column)] = Sel(nilai.get((c.row, c.column)), v, c.number_format)
            elif type(v).__name__ in ("ArrayFormula", "DataTableFormula"):
                teks = getattr(v, "text", None) or str(v)
                sel[(c.row, c.column)] = Sel(nilai.get((c.row, c.column)), teks, c.number_format)
            else:
                sel[(c.row, c.column)] = Sel(v, None, c.number_format)
        gabung = [(g.min_row, g.min_col, g.max_row, g.max_col) for g in ws_rumus.merged_cells.ranges]
        return cls(nama, sel, gabung)

    def sel_galat(self) -> dict[int, list[int]]:
        """Row -> the columns (ascending, up to ``max_col``) of its cells holding an Excel error value:
        found once per sheet, not by reading every column of every row of every form."""
        if self._galat is None:
            from renja_xl.periksa.nilai import GALAT_EXCEL

            galat: dict[int, list[int]] = {}
            for (r, c), s in self.sel.items():
                v = s.nilai
                if isinstance(v, str) and 1 <= c <= self.max_col and v.strip().upper() in GALAT_EXCEL:
                    galat.setdefault(r, []).append(c)
            for kol in galat.values():
                kol.sort()
            self._galat = galat
        return self._galat

    def sel_baris(self, r: int) -> list[tuple[int, Sel]]:
        """The cells of row r with content, by column: scanning a row no longer asks for every empty cell."""
        if self._per_baris is None:
            per: dict[int, list[tuple[int, Sel]]] = {}
            for (rr, c), s in self.sel.items():
                per.setdefault(rr, []).append((c, s))
            for isi in per.values():
                isi.sort(key=_pertama)
            self._per_baris = per
        return self._per_baris.get(r, [])

    def baris_berisi(self, r0: int, r1: int) -> list[int]:
        """Rows between r0 and r1 (inclusive) that hold at least one value."""
        i = bisect.bisect_left(self._baris, r0)
        j = bisect.bisect_right(self._baris, r1)
        return self._baris[i:j]

    def get(self, r: int, c: int) -> Sel:
        """The cell, or one shared empty cell (never modified: the checks only read cells)."""
        return self.sel.get((r, c)) or _SEL_KOSONG

    def teks(self, r: int, c: int, *, isi_gabung: bool = False) -> str:
        """Cell text (numbers as text); with ``isi_gabung`` a merged cell shows its range's value."""
        key = (r, c)
        if isi_gabung and key in self.gabung:
            key = self.gabung[key]
        s = self.sel.get(key)
        if s is None or s.nilai is None:
            return ""
        v = s.nilai
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return str(v).strip()

    def baris_teks(self, r: int, c0: int = 1, c1: int | None = None) -> list[str]:
        """``[teks(r, c) for c in c0..c1]`` (c1 defaults to ``max_col``), from the row's cells only."""
        c1 = c1 or self.max_col
        out = [""] * max(0, c1 - c0 + 1)
        for c, s in self.sel_baris(r):
            if c > c1:
                break
            v = s.nilai
            if c < c0 or v is None:
                continue
            if isinstance(v, float) and v.is_integer():
                v = int(v)
            out[c - c0] = str(v).strip()
        return out


BATAS_KOLOM = 250
"""Widest table scanned (columns); forms are never wider, stray cells beyond are ignored."""


def _sel_berisi(ws):
    """The cells that exist (openpyxl keeps only those), without building the empty grid between them."""
    sel = getattr(ws, "_cells", None)
    if isinstance(sel, dict):
        return list(sel.values())
    return [c for row in ws.iter_rows() for c in row]


def alamat(r: int, c: int) -> str:
    return f"{get_column_letter(c)}{r}"


# ------------------------------------------------------------------------------------------- formulir

@dataclass(frozen=True)
class Aturan:
    """A derived column: ``jenis`` "jumlah" (sum of ``operand``) or "rasio" (operand[0] / operand[1] × 100)."""

    nomor: int
    jenis: str
    operand: tuple[int, ...]
    label: str


@dataclass
class Formulir:
    """One recognised table on one sheet."""

    lembar: str
    jenis: str                       # "E.81", "T-C.29", "T-C.33", "tabel"
    varian: str                      # "86/2017 (13=6+12)", "E.81 (12=8+9+10+11)", ...
    baris_nomor: int                 # the (first) numbering row
    baris_awal: int                  # first header row
    baris_data: int                  # first row after the header block
    baris_akhir: int                 # last row of the form
    kolom: dict[tuple[int, str | None], int] = field(default_factory=dict)   # (nomor, "K"/"Rp"/None) -> column
    aturan: dict[int, Aturan] = field(default_factory=dict)
    judul_kolom: dict[int, str] = field(default_factory=dict)                # column -> header text
    kol_kode: int | None = None
    kol_uraian: int | None = None
    kol_indikator: int | None = None
    kol_satuan: int | None = None
    kol_jenis: int | None = None                                             # "Jenis indikator" (generator)
    kol_uang: list[int] = field(default_factory=list)                        # pagu columns (T-C.33)
    baris_header_ulang: set[int] = field(default_factory=set)
    tanda: tuple = ()
    tanpa_nomor: bool = False        # recognised from header texts (the numbering row was deleted)

    def kol(self, nomor: int, sub: str | None = None) -> int | None:
        if (nomor, sub) in self.kolom:
            return self.kolom[(nomor, sub)]
        if sub == "K" and (nomor, None) in self.kolom:
            return self.kolom[(nomor, None)]
        return None

    def subs(self, nomor: int) -> list[str | None]:
        return [s for (n, s) in self.kolom if n == nomor]

    @property
    def nomor_kolom(self) -> list[int]:
        return sorted({n for (n, _s) in self.kolom})

    def kolom_rasio_terakhir(self) -> int | None:
        rasio = [n for n, a in self.aturan.items() if a.jenis == "rasio"]
        return max(rasio) if rasio else None


_TOKEN = re.compile(r"^\(?\s*(\d{1,2})\s*\)?\s*(?:=\s*(.+))?$")


def _token_nomor(teks: str) -> tuple[list[int], str | None] | None:
    """'13=6+12' -> ([13], '6+12'); '(4)' -> ([4], None); '15 16' -> ([15, 16], None)."""
    s = teks.strip().rstrip(".")
    if not s:
        return None
    m = _TOKEN.match(s)
    if m:
        return [int(m.group(1))], (m.group(2) or None)
    if re.fullmatch(r"\d{1,2}(\s+\d{1,2})+", s):
        return [int(x) for x in s.split()], None
    return None


def parse_rumus_label(nomor: int, rumus: str, label: str) -> Aturan | None:
    """'6+12' -> jumlah(6, 12); '13/5x100%' -> rasio(13, 5); '(5+7+9)' -> jumlah; '(10/4)' -> rasio."""
    r = rumus.replace(" ", "").replace("(", "").replace(")", "")
    r = re.sub(r"(?i)[x×*]100%?$", "", r).rstrip("%")
    if re.fullmatch(r"\d{1,2}(\+\d{1,2})+", r):
        return Aturan(nomor, "jumlah", tuple(int(x) for x in r.split("+")), label)
    m = re.fullmatch(r"(\d{1,2})[/:](\d{1,2})", r)
    if m:
        return Aturan(nomor, "rasio", (int(m.group(1)), int(m.group(2))), label)
    return None


def _baris_nomor(grid: Grid, r: int) -> dict[int, tuple[list[int], str | None, str]] | None:
    """If row r is a column-numbering row, its tokens by column; else None."""
    tok: dict[int, tuple[list[int], str | None, str]] = {}
    lain = 0
    for c, s in grid.sel_baris(r):
        if c > grid.max_col:
            break
        if s.nilai is None:
            continue
        if isinstance(s.nilai, (int, float)) and not isinstance(s.nilai, bool):
            if float(s.nilai).is_integer() and 0 < s.nilai < 40:
                tok[c] = ([int(s.nilai)], None, str(int(s.nilai)))
                continue
            lain += 1
            if lain > 2:
                return None     # a data row: no need to read the rest of it
            continue
        t = _token_nomor(str(s.nilai))
        if t is None:
            if str(s.nilai).strip() not in ("K", "Rp", "Rp.", "(Rp)"):
                lain += 1
                if lain > 2:
                    return None
            continue
        tok[c] = (t[0], t[1], str(s.nilai).strip())
    angka = [n for (ns, _r, _l) in tok.values() for n in ns]
    if len(angka) < 6 or lain > 2 or not {1, 2, 3}.issubset(angka):
        return None
    naik = sum(1 for a, b in zip(angka, angka[1:]) if b > a)
    if naik < 0.8 * (len(angka) - 1):
        return None
    return tok


def _baris_krp(grid: Grid, r: int) -> dict[int, str]:
    out = {}
    for c in range(1, grid.max_col + 1):
        t = grid.teks(r, c).strip().rstrip(".").upper()
        if t == "K":
            out[c] = "K"
        elif t in ("RP", "(RP)"):
            out[c] = "Rp"
    return out


def _teks_judul(grid: Grid, r0: int, r1: int, c: int) -> str:
    bag = []
    for r in range(max(1, r0), r1 + 1):
        t = grid.teks(r, c, isi_gabung=True)
        if t and t not in bag:
            bag.append(t)
    return " ".join(bag)


def _awal_header(grid: Grid, r_nomor: int) -> int:
    """First header row: walk up while rows hold text and are not data/title."""
    r = r_nomor
    while r > 1 and r_nomor - r < 6:
        isi = [t for t in grid.baris_teks(r - 1) if t]
        if not isi:
            break
        if len(isi) == 1 and r_nomor - r >= 1:      # a title line above the table
            break
        r -= 1
    return r


def _norm(t: str) -> str:
    return re.sub(r"\s+", " ", t.strip().lower())


def _awal_header_ulang(grid: Grid, r_nomor: int, f: Formulir) -> int:
    """First row of a repeated header: rows just above the numbering row that repeat the header texts."""
    judul = {_norm(grid.teks(rr, c, isi_gabung=True)) for rr in range(f.baris_awal, f.baris_nomor)
             for c in range(1, grid.max_col + 1)}
    judul = {t for t in judul if len(t) > 3}
    r = r_nomor
    while r > f.baris_data and r_nomor - r < 6:
        isi = [_norm(t) for t in grid.baris_teks(r - 1) if t]
        if not isi or sum(1 for t in isi if t in judul) < max(1, len(isi) // 2):
            break
        r -= 1
    return r


def cari_formulir(grid: Grid) -> list[Formulir]:
    """Every form on the sheet (one per distinct numbering row signature)."""
    nomor_rows: list[tuple[int, dict]] = []
    for r in grid.baris_berisi(1, grid.max_row):
        tok = _baris_nomor(grid, r)
        if tok:
            nomor_rows.append((r, tok))
    if not nomor_rows:
        f = _dari_judul(grid)
        return [f] if f else []
    forms: list[Formulir] = []
    for r, tok in nomor_rows:
        tanda = _tanda(tok)
        if forms and _sama_tanda(forms[-1].tanda, tanda):
            forms[-1].baris_header_ulang.update(range(_awal_header_ulang(grid, r, forms[-1]), r + 1))
            continue
        forms.append(_bangun(grid, r, tok, tanda))
    for a, b in zip(forms, forms[1:]):
        a.baris_akhir = b.baris_awal - 1
    forms[-1].baris_akhir = grid.max_row
    # rows of a repeated header block (text header + numbering + K/Rp) are not data
    for f in forms:
        for r in list(f.baris_header_ulang):
            if _baris_krp(grid, r + 1):
                f.baris_header_ulang.add(r + 1)
    return forms


_JUDUL_E81: list[tuple[str, object]] = [
    # (label written as if the numbering row were there, test on the lower-case header text)
    ("1", lambda t: t in ("no", "no.", "nomor")),
    ("2", lambda t: "sasaran" in t and "indikator" not in t),
    ("4", lambda t: "indikator" in t),
    ("5", lambda t: "target" in t and "renstra" in t),
    ("6", lambda t: "realisasi" in t and "tahun lalu" in t),
    ("7", lambda t: "target" in t and ("tahun berjalan" in t or "renja" in t) and "renstra" not in t),
    ("8", lambda t: re.search(r"(triwulan|tw)\W*(i|1)$", t) is not None),
    ("9", lambda t: re.search(r"(triwulan|tw)\W*(ii|2)$", t) is not None),
    ("10", lambda t: re.search(r"(triwulan|tw)\W*(iii|3)$", t) is not None),
    ("11", lambda t: re.search(r"(triwulan|tw)\W*(iv|4)$", t) is not None),
    ("12", lambda t: "realisasi capaian" in t and "renja" in t and "renstra" not in t and "tahun lalu" not in t),
    ("13=6+12", lambda t: "realisasi" in t and "renstra" in t and re.search(r"\bs\W?d\b", t) is not None
     and "tahun lalu" not in t and "tingkat" not in t),
    ("14=13/5x100%", lambda t: "tingkat capaian" in t and "renstra" in t),
    ("13=12/7x100%", lambda t: "tingkat capaian" in t and "renja" in t and "renstra" not in t),
    ("3", lambda t: ("program" in t or "kegiatan" in t or t == "kode") and not any(
        w in t for w in ("indikator", "target", "realisasi", "capaian"))),
    ("15", lambda t: "penanggung" in t or t.startswith("unit")),
    ("16", lambda t: t.startswith("ket")),
]


def _dari_judul(grid: Grid) -> Formulir | None:
    """An E.81 whose numbering row was deleted: recognise its columns by their header texts."""
    for r in grid.baris_berisi(1, min(grid.max_row, 60)):
        teks = [_norm(grid.teks(r, c, isi_gabung=True)) for c in range(1, grid.max_col + 1)]
        if not (any("indikator" in t for t in teks) and any("target" in t for t in teks)
                and any("triwulan" in t for t in teks)):
            continue
        # header rows: this one and the next ones until the K/Rp row (or the first row with a code/number)
        akhir = r
        while akhir + 1 <= grid.max_row and akhir - r < 3 and not _baris_krp(grid, akhir + 1) and \
                any(grid.teks(akhir + 1, c) for c in range(1, grid.max_col + 1)) and \
                not any(isinstance(grid.get(akhir + 1, c).nilai, (int, float)) for c in range(1, grid.max_col + 1)):
            akhir += 1
        tok: dict[int, tuple[list[int], str | None, str]] = {}
        dipakai: set[str] = set()
        sebelumnya = None
        for c in range(1, grid.max_col + 1):
            gabung = _norm(" ".join(grid.teks(rr, c, isi_gabung=True) for rr in range(r, akhir + 1)))
            if not gabung or gabung == sebelumnya:
                sebelumnya = gabung
                continue          # the Rp half of a merged K/Rp header
            sebelumnya = gabung
            for label, uji in _JUDUL_E81:
                nomor = label.split("=")[0]
                if nomor not in dipakai and uji(gabung):
                    dipakai.add(nomor)
                    rumus = label.split("=", 1)[1] if "=" in label else None
                    tok[c] = ([int(nomor)], rumus, label)
                    break
        if not {"4", "7", "8", "12"} <= dipakai:
            continue
        f = _bangun(grid, akhir, tok, _tanda(tok), awal=r, tanpa_nomor=True)
        f.varian += " — dikenali dari judul kolom (baris nomor kolom 1 2 3 … tidak ada)"
        return f
    return None


def _tanda(tok: dict) -> tuple:
    """The numbers and the rules of a numbering row (spacing and merged '15 16' cells do not matter)."""
    nomor = frozenset(n for (ns, _r, _l) in tok.values() for n in ns)
    aturan = frozenset(re.sub(r"\s+", "", l).lower() for (_ns, r, l) in tok.values() if r)
    return (nomor, aturan)


def _sama_tanda(a: tuple, b: tuple) -> bool:
    """The same form printed again after a page break: nearly the same numbers, no other rule."""
    if not a or not b:
        return False
    na, nb = a[0], b[0]
    if len(na & nb) < 0.8 * len(na | nb):
        return False
    return a[1] <= b[1] or b[1] <= a[1]


def _bangun(grid: Grid, r_nomor: int, tok: dict, tanda: tuple, *, awal: int | None = None,
            tanpa_nomor: bool = False) -> Formulir:
    """``r_nomor`` is the numbering row (with ``tanpa_nomor``: the last header row)."""
    awal = awal if awal is not None else _awal_header(grid, r_nomor)
    # K/Rp row: just below (or above) the numbering row
    krp: dict[int, str] = {}
    r_krp = None
    for rr in (r_nomor + 1, r_nomor - 1, r_nomor + 2, r_nomor - 2):
        k = _baris_krp(grid, rr)
        if sum(1 for v in k.values() if v == "Rp") >= 2:
            krp, r_krp = k, rr
            break
    data = r_nomor + 1
    if r_krp is not None and r_krp > r_nomor:
        data = r_krp + 1
    f = Formulir(lembar=grid.nama, jenis="tabel", varian="", baris_nomor=r_nomor, baris_awal=awal,
                 baris_data=data, baris_akhir=grid.max_row, tanda=tanda, tanpa_nomor=tanpa_nomor)
    for c, (ns, rumus, label) in sorted(tok.items()):
        if len(ns) > 1:                # "15 16" squeezed in one cell
            continue
        n = ns[0]
        if krp.get(c) == "K" and krp.get(c + 1) == "Rp" and (c + 1) not in tok:
            f.kolom[(n, "K")] = c
            f.kolom[(n, "Rp")] = c + 1
        elif krp.get(c) == "K" and krp.get(c + 1) == "Rp":
            f.kolom[(n, "K")] = c
            f.kolom[(n, "Rp")] = c + 1
        else:
            f.kolom[(n, None)] = c
        if rumus:
            a = parse_rumus_label(n, rumus, label)
            if a:
                f.aturan[n] = a
    for (n, s), c in f.kolom.items():
        f.judul_kolom[c] = _teks_judul(grid, awal, r_nomor if tanpa_nomor else r_nomor - 1, c)
    _kenali_kolom(f)
    _kenali_jenis(f, grid)
    return f


def _kenali_kolom(f: Formulir) -> None:
    for c, j in sorted(f.judul_kolom.items()):
        jl = j.lower()
        if f.kol_kode is None and re.search(r"\bkode\b", jl):
            f.kol_kode = c
        elif f.kol_indikator is None and "indikator" in jl and "target" not in jl and "realisasi" not in jl:
            f.kol_indikator = c
        elif f.kol_uraian is None and ("program" in jl or "kegiatan" in jl or "uraian" in jl) \
                and not any(w in jl for w in ("indikator", "target", "realisasi", "pagu", "capaian", "sasaran ")):
            f.kol_uraian = c
        elif f.kol_satuan is None and jl.strip() == "satuan":
            f.kol_satuan = c
        elif f.kol_jenis is None and re.search(r"jenis indikator|sifat indikator|tipe indikator", jl):
            f.kol_jenis = c
        if any(w in jl for w in ("pagu", "kebutuhan dana", "anggaran (rp", "(rp")) and "indikator" not in jl:
            f.kol_uang.append(c)


def _kenali_jenis(f: Formulir, grid: Grid) -> None:
    a = f.aturan
    judul = " ".join(f.judul_kolom.values()).lower()
    if (a.get(13) and a[13].jenis == "jumlah" and 12 in a[13].operand) or (a.get(14) and a[14].jenis == "rasio"):
        f.jenis, f.varian = "E.81", "Permendagri 86/2017 (13=6+12, 14=13/5)"
    elif a.get(13) and a[13].jenis == "rasio" and a[13].operand == (12, 7):
        f.jenis, f.varian = "E.81", "Renja SKPD (12=8+9+10+11, 13=12/7)"
    elif a.get(8) and a[8].jenis == "rasio" and a[8].operand == (7, 6):
        if a.get(10) and a[10].jenis == "jumlah":
            f.jenis, f.varian = "T-C.29", "Permendagri 54/2010 (10=5+7+9, 11=10/4)"
        else:
            f.jenis, f.varian = "T-C.29", "Permendagri 86/2017 (11=10/9)"
    elif "pagu" in judul and ("prakiraan" in judul or "lokasi" in judul):
        f.jenis, f.varian = "T-C.33", "Rumusan rencana program dan kegiatan"
    elif "realisasi kinerja pada triwulan" in judul:
        f.jenis, f.varian = "E.81", "tanpa rumus kolom"
    nomor = set(f.nomor_kolom)
    if f.jenis == "E.81" and 12 in nomor and 12 not in a:
        tw = tuple(n for n in (8, 9, 10, 11) if n in nomor)
        if tw:   # column 12 is the year's realisation: the sum of the quarters printed (Pontianak prints only "12")
            a[12] = Aturan(12, "jumlah", tw, "12 (= " + "+".join(map(str, tw)) + ")")


def teks_judul_berkas(grids: list[Grid], forms: list[Formulir]) -> str:
    """The text above the first header of each form (title lines) — used to tell the pemda kind."""
    bag = []
    awal = {f.lembar: f.baris_awal for f in forms}
    for g in grids:
        batas = awal.get(g.nama, min(g.max_row, 8) + 1)
        for r in range(1, min(batas, 12)):
            bag.extend(t for t in g.baris_teks(r, 1, min(g.max_col, 30)) if t)
    return " ".join(bag)


def jenis_pemda_dari_judul(teks: str) -> str | None:
    t = teks.lower()
    kab = re.search(r"\b(kabupaten|kota|kab\.)\b", t)
    prov = re.search(r"\bprovinsi\b", t)
    if kab:
        return "kabupaten/kota"
    if prov:
        return "provinsi"
    return None
