"""Thin bridge from the checker to the core modules (angka, capaian, predikat, nomenklatur, buku).

The checker reads every cell through :func:`baca_nilai_sel`, which turns the core's ``Angka`` into the
small :class:`Nilai` the rules need (value, displayed precision, unit, several values). Keeping the
bridge in one place means a change in a core contract touches one file. While a core module is still
missing (they are written in parallel) a minimal local reading is used so the checker keeps working.
"""

from __future__ import annotations

import importlib
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

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


_ANGKA = re.compile(r"(?P<batas><=|>=|<|>|≤|≥)?\s*(?P<num>\d[\d.,]*(?:\s\d{3}(?=\D|$))*)\s*(?P<pct>%)?")


def _angka_lokal(s: str) -> float | None:
    """Indonesian number text to float ('15.970.442.994', '1,53', '29.41', '12,833,590,870')."""
    t = s.replace(" ", "")
    if t.count(",") > 1 and "." not in t:
        t = t.replace(",", "")
    elif "," in t and "." in t:
        if t.rfind(",") > t.rfind("."):
            t = t.replace(".", "").replace(",", ".")
        else:
            t = t.replace(",", "")
    elif "," in t:
        t = t.replace(",", ".")
    elif t.count(".") > 1:
        t = t.replace(".", "")
    elif "." in t and len(t.split(".")[1]) == 3:
        t = t.replace(".", "")
    try:
        return float(t)
    except ValueError:
        return None


def _parse_lokal(s: str) -> Nilai:
    """Minimal reading used only while ``renja_xl.angka`` is not there yet."""
    st = s.strip()
    if not st or st in {"-", "--", "—"}:
        return Nilai(asli=s)
    if st.upper() in {"A", "AA", "B", "BB", "C", "CC", "D"}:
        return Nilai(asli=s, kosong=False, huruf=st.upper())
    hits = list(_ANGKA.finditer(st))
    hits = [h for h in hits if _angka_lokal(h.group("num").strip(".,")) is not None]
    if not hits:
        sisa = st.lstrip("- ").strip()
        if re.fullmatch(r"[A-Za-z /.]{0,30}", sisa) and len(sisa.split()) <= 3 and \
                not re.search(r"(?i)refo[ck]|efisiensi|anggaran|tidak|belum|n/?a\b", sisa):
            return Nilai(asli=s, satuan=sisa or None)   # unit only
        return Nilai(asli=s, kosong=False, teks=st)
    bagian = []
    for i, h in enumerate(hits):
        ujung = hits[i + 1].start() if i + 1 < len(hits) else len(st)
        ekor = st[h.end():ujung].strip(" ,;")
        pct = bool(h.group("pct")) or bool(re.match(r"(?i)persen", ekor))
        sat = re.sub(r"(?i)^%?\s*", "", ekor).strip() or None
        num = h.group("num").strip(".,")
        bagian.append(Nilai(asli=h.group(0) + ekor, nilai=_angka_lokal(num), kosong=False, persen=pct,
                            satuan="%" if pct else sat, desimal=_desimal_teks(num),
                            batas=(h.group("batas") or None), angka_teks=True))
    if len(bagian) == 1:
        b = bagian[0]
        return Nilai(asli=s, nilai=b.nilai, kosong=False, persen=b.persen, satuan=b.satuan,
                     desimal=b.desimal, batas=b.batas, angka_teks=True)
    return Nilai(asli=s, kosong=False, jamak=tuple(bagian), angka_teks=True)


@lru_cache(maxsize=65536)
def parse_teks(s: str) -> Nilai:
    """Read a text cell as a number (units, Indonesian separators, several values)."""
    angka = _modul("renja_xl.angka")
    if angka is None:
        return _parse_lokal(s)
    return _dari_angka(angka.parse_angka(s), s)


def _modul(nama: str):
    return _MODUL.get(nama) if nama in _MODUL else _MODUL.setdefault(nama, _impor(nama))


_MODUL: dict[str, object] = {}


def _impor(nama: str):
    try:
        return importlib.import_module(nama)
    except ImportError:
        return None


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
_LEVEL_INDIKATOR = re.compile(r"(?i)\b(persentase|prosentase|presentase|percentase|rasio|indeks|nilai|tingkat|"
                              r"koefisien|rata-rata|proporsi)\b")


def jenis_level(satuan: str | None, indikator: str | None = None, persen: bool = False) -> bool:
    """True when the indicator is a level (percentage, index, last value) and not summed over quarters."""
    _c = _modul("renja_xl.capaian")
    f = getattr(_c, "jenis_dari_satuan", None) if _c is not None else None
    if f is not None and (satuan or persen):
        j = f("%" if persen and not satuan else (satuan or ""))
        if j is not None:
            return getattr(j, "value", j) != "kumulatif"
    if persen:
        return True
    if satuan and _LEVEL_SATUAN.match(satuan.strip()):
        return True
    if not satuan and indikator and _LEVEL_INDIKATOR.search(indikator):
        return True
    return False


def jenis_dari_teks(teks: str) -> str | None:
    """'kumulatif' / 'persentase' / 'nilai akhir' / 'menurun' from a 'Jenis indikator' cell."""
    _c = _modul("renja_xl.capaian")
    dari_teks = getattr(getattr(_c, "JenisIndikator", None), "dari_teks", None)
    if dari_teks is not None:
        j = dari_teks(teks)
        if j is not None:
            return getattr(j, "value", str(j))
    t = teks.strip().lower()
    for kunci, nilai in (("kumulatif", "kumulatif"), ("persen", "persentase"), ("akhir", "nilai akhir"),
                         ("menurun", "menurun"), ("tingkat", "nilai akhir")):
        if kunci in t:
            return nilai
    return None


def predikat(nilai: float | None) -> str | None:
    """Predikat on the default scale (Permendagri 86/2017)."""
    if nilai is None:
        return None
    _p = _modul("renja_xl.predikat")
    if _p is not None:
        return _p.predikat(nilai)
    for batas, kata in ((91, "Sangat Tinggi"), (76, "Tinggi"), (66, "Sedang"), (51, "Rendah")):
        if nilai >= batas:
            return kata
    return "Sangat Rendah"


def rata_rata(nilai: list[float]) -> float | None:
    return sum(nilai) / len(nilai) if nilai else None
