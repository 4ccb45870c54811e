"""A form cell as the checker reads it: the number, the decimals it shows, and how it compares with the
value the core computed.

Every rule reads cells through :func:`baca_nilai_sel`, which keeps the core's own reading
(``angka.parse_angka``: units, bounds, grades, ranges, several values) in :attr:`Nilai.angka` so the
expected values are computed by the core from exactly what the cell says. :func:`banding` judges a printed
value with the one rounding rule (``angka.bulatkan``: half away from zero on the decimal as printed), and
the report prints numbers with the one printer (``angka.format_angka``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from renja_xl.angka import GALAT_EXCEL, Angka, bulatkan, format_angka, parse_angka
from renja_xl.dataklas import init_cepat

__all__ = ["Nilai", "KOSONG", "GALAT_EXCEL", "HITUNG", "baca_nilai_sel", "parse_teks", "banding", "teks_angka",
           "teks_persen", "sub_teks", "kapital", "elemen", "kosong"]

HITUNG = "<dihitung ulang>"
"""``Nilai.asli`` of a value the checker recomputed (propagated to the cells that depend on it)."""


@init_cepat
@dataclass(frozen=True)
class Nilai:
    """One cell read as a number: ``nilai`` None when blank/text; ``desimal`` = decimals shown."""

    asli: object = None
    nilai: float | None = None
    kosong: bool = True
    teks: str | None = None          # non-numeric text ("Refocusing Anggaran")
    persen: bool = False
    satuan: str | None = None
    desimal: int | None = None       # None = full precision (a formula result, a General number)
    batas: str | None = None         # "<", "<=", ">", ">="
    huruf: str | None = None         # letter grade
    jamak: tuple["Nilai", ...] = field(default_factory=tuple)
    galat: str | None = None         # an Excel error value
    angka_teks: bool = False         # a number typed as text (a bound "<5%" is text by nature, not this)
    angka: Angka | None = None       # the core's reading of a text cell (bounds, ranges, grades)

    @property
    def ada(self) -> bool:
        return self.nilai is not None

    @property
    def inti(self) -> object:
        """What the core computes with: the parsed text (keeps ``<5%``, ``4,5 - 5,5 %``, ``BB``) or the number."""
        return self.angka if self.angka is not None else self.nilai


KOSONG = Nilai()


def elemen(v: Nilai) -> list[Nilai]:
    """The values of a cell: several for ``83 Persen 100 Persen``, else the cell itself."""
    return list(v.jamak) if v.jamak else [v]


def kosong(v: Nilai) -> bool:
    """Nothing to compute with and nothing to report (blank, ``-``, unit only)."""
    return v.nilai is None and not v.jamak and v.huruf is None and not v.teks and not v.galat \
        and (v.angka is None or v.angka.rentang is None)


# ---------------------------------------------------------------------------------------------- reading

def _desimal_teks(s: str) -> int:
    """Decimals as printed: '78,21%' -> 2, '38%' -> 0, '15.970.442.994' -> 0, '29.41 persen' -> 2."""
    m = re.search(r"\d[\d.,]*", s.replace(" ", ""))
    if not m:
        return 0
    num = m.group(0).rstrip(".,")
    koma, titik = num.rfind(","), num.rfind(".")
    if koma > titik:                      # decimal comma, unless it is a thousands comma
        ekor = num[koma + 1:]
        return 0 if (num.count(",") > 1 or (titik < 0 and len(ekor) == 3 and len(num) > 5)) else len(ekor)
    if titik > koma:
        ekor = num[titik + 1:]
        if koma >= 0 or num.count(".") > 1 or len(ekor) == 3:
            return 0
        return len(ekor)
    return 0


def _dari_angka(a: Angka, asli: object) -> Nilai:
    jamak = tuple(_dari_angka(x, x.asli) for x in a.jamak)
    teks = asli if isinstance(asli, str) else None
    return Nilai(asli=asli, nilai=a.nilai, kosong=a.kosong, teks=a.teks, persen=a.persen, satuan=a.satuan,
                 desimal=_desimal_teks(teks) if teks else None, batas=a.batas, huruf=a.huruf, jamak=jamak,
                 angka_teks=teks is not None and a.nilai is not None and not jamak and not a.batas, angka=a)


@lru_cache(maxsize=65536)
def parse_teks(s: str) -> Nilai:
    """A text cell read as a number by the core reader (units, Indonesian separators, several values)."""
    return _dari_angka(parse_angka(s), s)


def _desimal_format(fmt: str | None, v: float) -> int | None:
    """Decimals a number shows: from its number format, or (General) from the value itself."""
    if not fmt or fmt == "General":
        if float(v).is_integer():
            return 0
        ekor = repr(float(v)).split(".")[1] if "." in repr(float(v)) else ""
        return len(ekor) if len(ekor) <= 6 and "e" not in ekor else None
    return _desimal_dari_format(fmt)


@lru_cache(maxsize=4096)
def _desimal_dari_format(fmt: str) -> int | None:
    """Decimals a (non-General) number format shows; a sheet uses a handful of formats for every cell."""
    bagian = fmt.split(";")[0]
    m = re.search(r"0[.,](0+)", bagian)
    if m:
        return len(m.group(1))
    if re.search(r"[0#]", bagian):
        return 0
    return None


def baca_nilai_sel(v: object, fmt: str | None = None) -> Nilai:
    """A cell value (the cached value for formulas) with its number format, as a :class:`Nilai`."""
    if v is None:
        return KOSONG
    if isinstance(v, bool):
        return Nilai(asli=v, kosong=False, teks=str(v))
    if isinstance(v, (int, float)):
        x = float(v)
        if math.isnan(x) or math.isinf(x):
            return Nilai(asli=v, kosong=False, galat="#NUM!")
        persen = bool(fmt and "%" in fmt)
        return Nilai(asli=v, nilai=x * 100 if persen else x, kosong=False, persen=persen,
                     desimal=_desimal_format(fmt, x))
    if isinstance(v, str):
        s = v.strip()
        if s.upper() in GALAT_EXCEL:
            return Nilai(asli=v, kosong=False, galat=s.upper())
        return parse_teks(v)
    return Nilai(asli=v, kosong=False, teks=str(v))


# ---------------------------------------------------------------------------------------------- comparing

def banding(p: Nilai, e: float, *, rasio: bool) -> str:
    """A printed value against the expected one: 'ok', 'potong' (truncated instead of rounded),
    'pecahan' (a ratio shown without ×100) or 'salah'. A value shown with d decimals is right when it is
    what ``e`` rounds to at d decimals (``angka.bulatkan``); a full-precision value within float noise."""
    assert p.nilai is not None
    d = p.desimal
    derau = 1e-9 * max(1.0, abs(e))
    if abs(p.nilai - e) <= (max(1e-6, 1e-9 * abs(e)) if d is None else 0.0) + derau:
        return "ok"
    if d is not None:
        if abs(bulatkan(p.nilai, d) - bulatkan(e, d)) <= derau:
            return "ok"
        f = 10 ** d
        if abs(p.nilai - math.trunc(e * f) / f) <= derau:
            return "potong"
    if rasio and p.nilai and d is not None and d >= 2 and abs(p.nilai * 100 - e) <= 10 ** (2 - d):
        return "pecahan"
    return "salah"


# ---------------------------------------------------------------------------------------------- printing

def teks_angka(v: float | None, desimal: int | None = None) -> str:
    """A number in a finding (``1.234.567,89``; 2 decimals unless told); ``-`` when there is none."""
    return "-" if v is None else format_angka(v, 2 if desimal is None else desimal)


def teks_persen(v: float | None, desimal: int | None = None) -> str:
    """A capaian in a finding: ``78,23%``; ``-`` when there is none."""
    return "-" if v is None else f"{format_angka(v, 2 if desimal is None else desimal)}%"


def teks_tampil(v: object, fmt: str | None = None) -> str:
    """A cell's value as the spreadsheet shows it, in Indonesian notation (``70,71``, ``45%``,
    ``1.366.000``), never a raw float such as ``70.7070707070707``; text as typed."""
    if v is None:
        return ""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        n = baca_nilai_sel(v, fmt)
        if n.nilai is None:
            return str(v)
        d = n.desimal if n.desimal is not None else 2
        return format_angka(n.nilai, d) + ("%" if n.persen else "")
    return str(v)


def sub_teks(s: str | None) -> str:
    """' kinerja (K)' / ' anggaran (Rp)' after a column's name in a message."""
    return {"K": " kinerja (K)", "Rp": " anggaran (Rp)"}.get(s or "", "")


def kapital(s: str) -> str:
    return s[:1].upper() + s[1:]
