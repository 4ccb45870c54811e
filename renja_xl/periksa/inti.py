"""Thin bridge from the checker to the core modules (angka, capaian, predikat, nomenklatur, buku).

The checker reads every cell through :func:`baca_nilai_sel`, which turns the core's ``Angka`` into the
small :class:`Nilai` the rules need (value, displayed precision, unit, several values). Keeping the
bridge in one place means a change in a core contract touches one file. While a core module is still
missing (they are written in parallel) a minimal local reading is used so the checker keeps working.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from renja_xl.angka import parse_angka
from renja_xl.capaian import JenisIndikator, jenis_dari_satuan
from renja_xl.capaian import rata_rata as _rata_rata
from renja_xl.predikat import predikat as _predikat

GALAT_EXCEL = ("#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#N/A", "#NUM!", "#NULL!", "#SPILL!", "#CALC!")


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
    angka_teks: bool = False         # a number typed as text

    @property
    def ada(self) -> bool:
        return self.nilai is not None


KOSONG = Nilai()


# ---------------------------------------------------------------------------------------------- angka

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


def _dari_angka(a: Any, asli: object) -> Nilai:
    """Convert the core ``Angka`` into a ``Nilai``."""
    jamak = tuple(_dari_angka(x, getattr(x, "asli", None)) for x in (getattr(a, "jamak", ()) or ()))
    teks = asli if isinstance(asli, str) else None
    nilai = getattr(a, "nilai", None)
    return Nilai(asli=asli, nilai=nilai, kosong=bool(getattr(a, "kosong", nilai is None)),
                 teks=getattr(a, "teks", None), persen=bool(getattr(a, "persen", False)),
                 satuan=getattr(a, "satuan", None), desimal=_desimal_teks(teks) if teks else None,
                 batas=getattr(a, "batas", None), huruf=getattr(a, "huruf", None), jamak=jamak,
                 angka_teks=teks is not None and nilai is not None and not jamak)


@lru_cache(maxsize=65536)
def parse_teks(s: str) -> Nilai:
    """Read a text cell as a number (units, Indonesian separators, several values) with the core reader."""
    return _dari_angka(parse_angka(s), s)


def _desimal_format(fmt: str | None, v: float) -> int | None:
    """Decimals a number shows: from its number format, or (General) from the value itself."""
    if not fmt or fmt == "General":
        if float(v).is_integer():
            return 0
        ekor = repr(float(v)).split(".")[1] if "." in repr(float(v)) else ""
        return len(ekor) if len(ekor) <= 6 and "e" not in ekor else None
    inti = fmt.split(";")[0]
    m = re.search(r"0[.,](0+)", inti)
    if m:
        return len(m.group(1))
    if re.search(r"[0#]", inti):
        return 0
    return None


def baca_nilai_sel(v: object, fmt: str | None = None) -> Nilai:
    """A cell value (cached value for formulas) as a :class:`Nilai`."""
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


# ------------------------------------------------------------------------------------------- capaian

_LEVEL_SATUAN = re.compile(r"(?i)^(%|persen|prosen|percent|indeks|index|nilai|poin|point|rasio|skor|predikat)")
# anchored: "Tingkat kepuasan ..." is a level, "... di tingkat agen dan pasar" is not
_LEVEL_INDIKATOR = re.compile(r"(?i)^\W*(persentase|prosentase|presentase|percentase|rasio|indeks|nilai|tingkat|"
                              r"koefisien|rata-rata|proporsi)\b")


def jenis_level(satuan: str | None, indikator: str | None = None, persen: bool = False) -> bool:
    """True when the indicator is a level (percentage, index, last value) and not summed over quarters."""
    if satuan or persen:
        j = jenis_dari_satuan("%" if persen and not satuan else (satuan or ""))
        if j is not None:
            return j is not JenisIndikator.KUMULATIF
    if persen:
        return True
    if satuan and _LEVEL_SATUAN.match(satuan.strip()):
        return True
    if not satuan and indikator and _LEVEL_INDIKATOR.search(indikator):
        return True
    return False


def jenis_dari_teks(teks: str) -> str | None:
    """'kumulatif' / 'persentase' / 'nilai akhir' / 'menurun' from a 'Jenis indikator' cell."""
    j = JenisIndikator.dari_teks(teks)
    return j.value if j is not None else None


def predikat(nilai: float | None) -> str | None:
    """Predikat on the default scale (Permendagri 86/2017)."""
    return None if nilai is None else _predikat(nilai)


def rata_rata(nilai: list[float]) -> float | None:
    """Mean with the core's one rule (docs/keputusan.md §3)."""
    return _rata_rata(nilai).nilai
