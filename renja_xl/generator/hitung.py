"""Formula cells bound to their cells, and their values computed lazily by the core over a value map.

The generator puts a rule of ``rumus`` (an :class:`~renja_xl.generator.rumus.Aturan`) into a slot with
references relative to the output rows (:class:`Slot`, :class:`Kolom`, :class:`Penanda`); once row numbers
are known it is bound (:class:`Terikat`): the formula text for Excel and the same cells for the core. Every
workbook keeps its bound formulas in a :class:`Hitungan`, which evaluates each cell on demand (a program's
roll-up asks its kegiatan rows, Ringkasan asks the E.81 sheet) and memoises the result. A formula cell that
is not a rule (a static formula in a user's template) has no known value; neither has anything using it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple
from weakref import WeakKeyDictionary

from openpyxl.cell.cell import Cell
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

if TYPE_CHECKING:
    from renja_xl.generator.rumus import Aturan
    from renja_xl.generator.templat import KonteksRumus

__all__ = ["Sel", "Blok", "Slot", "Kolom", "Penanda", "RumusAturan", "Terikat", "Hitungan", "hitungan",
           "TAK_DIKETAHUI"]


class _TakDiketahui:
    def __repr__(self) -> str:
        return "TAK_DIKETAHUI"


TAK_DIKETAHUI: Any = _TakDiketahui()   # a value renja-xl cannot know (a formula that is not one of its rules)
_SEDANG = object()                     # being evaluated: meeting it again is a circular reference


def _lembar(nama: str | None) -> str:
    return "" if nama is None else "'" + nama.replace("'", "''") + "'!"


class Sel(NamedTuple):      # tuples: a 2,000-row master binds some 300,000 references
    """One cell; ``lembar`` None = the formula's own sheet."""

    lembar: str | None
    r: int
    c: int
    mutlak: bool = False

    def alamat(self) -> str:
        d = "$" if self.mutlak else ""
        return f"{_lembar(self.lembar)}{d}{get_column_letter(self.c)}{d}{self.r}"


class Blok(NamedTuple):
    """A rectangle of cells, read row by row."""

    lembar: str | None
    r1: int
    c1: int
    r2: int
    c2: int
    mutlak: bool = False

    def alamat(self) -> str:
        d = "$" if self.mutlak else ""
        return (f"{_lembar(self.lembar)}{d}{get_column_letter(self.c1)}{d}{self.r1}:"
                f"{d}{get_column_letter(self.c2)}{d}{self.r2}")

    def sel(self) -> Iterator[tuple[int, int]]:
        for r in range(self.r1, self.r2 + 1):
            for c in range(self.c1, self.c2 + 1):
                yield r, c


# ------------------------------------------------------------------------------------------------ relative refs

@dataclass(frozen=True)
class Slot:
    """The cell of slot ``kunci`` in this row, or in output row ``i`` (0-based)."""

    kunci: str
    i: int | None = None


@dataclass(frozen=True)
class Kolom:
    """The column of slot ``kunci`` over output rows ``a``..``z``."""

    kunci: str
    a: int
    z: int


@dataclass(frozen=True)
class Penanda:
    """The helper (row kind) column over output rows ``a``..``z``, absolute."""

    a: int
    z: int


def _ikat(x: object, ktx: KonteksRumus | None) -> object:
    t = type(x)
    if t is list:
        return [_ikat(y, ktx) for y in x]  # type: ignore[attr-defined]
    if ktx is None:
        return x
    if t is Slot:
        return Sel(None, ktx.r if x.i is None else ktx.awal + x.i, _kolom(ktx.k(x.kunci)))  # type: ignore[attr-defined]
    if t is Kolom:
        c = _kolom(ktx.k(x.kunci))  # type: ignore[attr-defined]
        return Blok(None, ktx.awal + x.a, c, ktx.awal + x.z, c)  # type: ignore[attr-defined]
    if t is Penanda:
        c = _kolom(ktx.kolom_jenis)
        return Blok(None, ktx.awal + x.a, c, ktx.awal + x.z, c, True)  # type: ignore[attr-defined]
    return x


_KOLOM: dict[str, int] = {}


def _kolom(huruf: str) -> int:
    c = _KOLOM.get(huruf)
    if c is None:
        c = _KOLOM[huruf] = column_index_from_string(huruf)
    return c


def _alamat(x: object) -> object:
    t = type(x)
    if t is list:
        return [_alamat(y) for y in x]  # type: ignore[attr-defined]
    if t is Sel or t is Blok:
        return x.alamat()  # type: ignore[attr-defined]
    return x


class Terikat(NamedTuple):
    """A formula cell: its text and, when it is a rule, the rule and its bound cells."""

    teks: str
    aturan: Aturan | None = None
    argumen: tuple[object, ...] = ()
    param: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class RumusAturan:
    """A rule with its references, waiting for row numbers (``ikat``)."""

    aturan: Aturan
    argumen: tuple[object, ...]
    param: dict[str, Any]

    def ikat(self, ktx: KonteksRumus | None = None) -> Terikat:
        argumen = tuple(_ikat(a, ktx) for a in self.argumen)
        return Terikat(self.aturan.rumus(*(_alamat(a) for a in argumen), **self.param), self.aturan, argumen,
                       self.param)


# ------------------------------------------------------------------------------------------------ evaluation

class Hitungan:
    """Every bound formula of one workbook by (sheet title, row, column), and their values."""

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self.rumus: dict[str, dict[tuple[int, int], Terikat]] = {}
        self._nilai: dict[str, dict[tuple[int, int], object]] | None = None   # until a formula is added

    def catat(self, lembar: str, sel: dict[tuple[int, int], Terikat]) -> None:
        self.rumus.setdefault(lembar, {}).update(sel)
        self._nilai = None

    def tulis(self, ws: Worksheet, r: int, c: int, rumus: RumusAturan) -> Cell:
        """Write a rule with absolute references into ``ws`` (sheets built in code, such as Ringkasan)."""
        t = rumus.ikat()
        sel = ws.cell(r, c, t.teks)
        self.rumus.setdefault(ws.title, {})[(r, c)] = t
        self._nilai = None
        return sel

    def nilai(self) -> dict[str, dict[tuple[int, int], object]]:
        """The value of every formula cell of the workbook (``TAK_DIKETAHUI`` where no rule gives it);
        computed once (the print layout measures them, saving caches them) until a formula is added."""
        if self._nilai is None:
            self._nilai = self._hitung()
        return self._nilai

    def _hitung(self) -> dict[str, dict[tuple[int, int], object]]:
        lembar = {ws.title: ws for ws in self.wb.worksheets}
        memo: dict[tuple[str, int, int], object] = {}
        blok: dict[tuple[str, Blok], list[object]] = {}

        def sel(nama: str, r: int, c: int) -> object:
            kunci = (nama, r, c)
            v = memo.get(kunci, memo)
            if v is not memo:
                if v is _SEDANG:
                    raise RuntimeError(f"rujukan melingkar di '{nama}'!{get_column_letter(c)}{r}")
                return v
            t = self.rumus.get(nama, {}).get((r, c))
            if t is None:
                ws = lembar.get(nama)
                cell = ws._cells.get((r, c)) if ws is not None else None
                if cell is None:
                    v = None
                elif cell.data_type == "f" or not isinstance(cell.value, (int, float, str, bool, type(None))):
                    v = TAK_DIKETAHUI
                else:
                    v = cell.value
            elif t.aturan is None:
                v = TAK_DIKETAHUI
            else:
                memo[kunci] = _SEDANG
                try:
                    v = t.aturan.nilai(*[baca(a, nama) for a in t.argumen], **t.param)
                except _Tak:
                    v = TAK_DIKETAHUI
            memo[kunci] = v
            return v

        def baca(x: object, nama: str) -> object:
            """An argument's value(s); an unknown one makes the whole formula unknown."""
            if isinstance(x, Sel):
                v = sel(x.lembar or nama, x.r, x.c)
                if v is TAK_DIKETAHUI:
                    raise _Tak
                return v
            if isinstance(x, Blok):
                kunci = (x.lembar or nama, x)
                isi = blok.get(kunci)
                if isi is None:     # one range is read by many formulas (a column's average, Ringkasan)
                    isi = blok[kunci] = [sel(kunci[0], r, c) for r, c in x.sel()]
                if TAK_DIKETAHUI in isi:
                    raise _Tak
                return isi
            if isinstance(x, list):
                return [baca(y, nama) for y in x]
            return x

        return {nama: {rc: sel(nama, *rc) for rc in sel_lembar} for nama, sel_lembar in self.rumus.items()}


class _Tak(Exception):
    """An argument renja-xl cannot know."""


_DAFTAR: WeakKeyDictionary[Workbook, Hitungan] = WeakKeyDictionary()


def hitungan(wb: Workbook) -> Hitungan:
    """The workbook's bound formulas (created on first use)."""
    h = _DAFTAR.get(wb)
    if h is None:
        h = _DAFTAR[wb] = Hitungan(wb)
    return h


def nilai_buku(wb: Workbook) -> dict[str, dict[tuple[int, int], object]]:
    return hitungan(wb).nilai()
