"""Split what staff put together in one cell, with the core's parsers: a number and its unit (``12 Dokumen/
laporan``), several indicators (``83 Persen 100 Persen``, ``1. Indeks … 2. Nilai …``), a bound or a range
(``<5%``, ``4,5 – 5,5 %``), a letter grade, a dash or a blank.

The Data Induk holds one number per cell, so whatever a number cannot carry (the ``<`` of a bound, the other
end of a range, a grade) is said in a note that ends up in the row's Keterangan and in *Catatan Impor*.
"""

from __future__ import annotations

import re
from functools import lru_cache

from renja_xl.angka import Angka, format_angka, parse_angka
from renja_xl.capaian import satuan_dari_indikator
from renja_xl.periksa.deteksi import Sel

__all__ = ["satuan_cetak", "sama_tercetak", "angka_sel", "bagian", "jumlah_indikator", "pilih_satuan", "ke_masukan",
           "satuan_dari", "pisah_indikator", "pisah_satuan_indikator", "teks_sel", "normal_teks"]

_SPASI = re.compile(r"\s+")
# a new value starts at a lone dash or a digit (optionally behind < or >) that follows a space
_AWAL_NILAI = re.compile(r"\s+(?=(?:-(?:\s|$)|[<>≤≥]?\s?\d))")
_NOMOR_INDIKATOR = re.compile(r"(?:^|\s)(\d{1,2})\s*[.)]\s+")


def teks_sel(s: Sel) -> str:
    """A cell's value as one line of text (numbers without a trailing ``.0``)."""
    v = s.nilai
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return _SPASI.sub(" ", str(v)).strip()


def normal_teks(s: str) -> str:
    """Text compared loosely (case, spaces and punctuation do not matter): for matching indicators."""
    return re.sub(r"[^0-9a-z%]+", "", s.lower())


def angka_sel(s: Sel) -> Angka:
    """A cell as :class:`Angka`; a number shown with a ``%`` format (0.375 as 37,5%) is read as 37.5."""
    v = s.nilai
    persen = isinstance(v, (int, float)) and not isinstance(v, bool) and bool(s.format) and \
        "%" in (s.format or "").split(";")[0]
    try:
        return _angka(v, type(v), persen)
    except TypeError:                   # an unhashable value: parse it uncached
        return parse_angka(v)


@lru_cache(maxsize=65536)
def _angka(v: object, _jenis: type, persen: bool) -> Angka:
    """Parsed once per distinct cell value: a form repeats "12 Bulan" and "Persen" hundreds of times and
    each cell is read by the row reader and again by the comparison."""
    if persen:
        return parse_angka(f"{format_angka(float(v) * 100)}%")  # type: ignore[arg-type]
    return parse_angka(v)


def bagian(a: Angka, n: int = 1) -> list[Angka]:
    """The values of a cell, one per indicator. With ``n`` indicators on the row, a cell the core reads as
    one value but that holds ``n`` dash-or-number groups (``0,03% - -``) is split by position."""
    if a.jamak and (n <= 1 or len(a.jamak) == n):
        return list(a.jamak)
    if n > 1 and isinstance(a.asli, str):
        potong = [p for p in _AWAL_NILAI.split(a.asli.strip()) if p.strip()]
        if len(potong) == n:
            return [parse_angka(p) for p in potong]
    return list(a.jamak) if a.jamak else [a]


def jumlah_indikator(teks: str) -> int:
    """How many numbered indicators a name cell holds (``1. … 2. … 3. …`` -> 3); 1 when it is not numbered."""
    for n in range(8, 1, -1):
        if pisah_indikator(teks, n) is not None and re.search(r"(?:^|\s)2\s*[.)]", teks):
            return n
    return 1


def pilih_satuan(nilai: list[Angka], satuan: set[str]) -> Angka | None:
    """The one value of a multi-value cell whose unit is the indicator's (``14 bulan 2 Dok.`` next to cells
    holding ``2 Dok.``); None when no single value fits."""
    cocok = [a for a in nilai if normal_teks(satuan_dari(a)) in satuan]
    return cocok[0] if len(cocok) == 1 else None


def nilai_huruf(a: Angka | None) -> bool:
    """A letter grade the core ranks (AA ... D, or BPK's opinion WTP ... TMP)."""
    from renja_xl.capaian import peringkat_huruf

    return a is not None and bool(a.huruf) and not a.jamak and peringkat_huruf(a.huruf or "") is not None


def satuan_dari(a: Angka) -> str:
    """The unit written in a value cell (``Dokumen/ laporan``); ``Persen`` when the word is written, ``%``
    for the sign alone."""
    if a.persen:
        return "Persen" if re.search(r"(?i)p[er]r?[os]en", str(a.asli or "")) else "%"
    return _SPASI.sub(" ", a.satuan or "").strip()


def ke_masukan(a: Angka, *, target: bool = False, huruf: bool = False) -> tuple[float | str | None, str]:
    """What a Data Induk cell can hold, and a note when the cell said more than that. ``target``: a K target
    column, where a bound or a range is kept whole as the Data Induk's canonical text
    (:func:`renja_xl.data_induk.baca.target_khusus`), so the core computes its capaian as the form meant.
    ``huruf``: an indicator scored in letter grades (every K value a grade), whose grades are kept as text."""
    from renja_xl.capaian import peringkat_huruf
    from renja_xl.data_induk.baca import target_khusus

    asli = _SPASI.sub(" ", str(a.asli)).strip() if a.asli is not None else ""
    if target and (t := target_khusus(a)) is not None:
        return t, ""
    if huruf and a.huruf and not a.jamak and peringkat_huruf(a.huruf) is not None:
        return a.huruf.strip().upper(), ""
    if a.batas and a.nilai is not None:
        return a.nilai, f"'{asli}' adalah batas ({a.batas}); disimpan {format_angka(a.nilai)}"
    if a.rentang is not None:
        lo, hi = a.rentang
        return hi, f"'{asli}' adalah rentang {format_angka(lo)}–{format_angka(hi)}; disimpan batas atas"
    if a.huruf:
        return None, f"'{asli}' nilai huruf; Data Induk hanya menyimpan angka"
    if a.nilai is not None:
        catatan = ""
        if a.ambigu and a.alternatif is not None:
            catatan = (f"'{asli}' ambigu, dibaca {format_angka(a.nilai)} (bisa juga "
                       f"{format_angka(a.alternatif)})")
        elif any(t.jenis in ("angka.terpotong", "angka.format", "angka.pemisah_campur") for t in a.temuan):
            catatan = f"'{asli}' dibaca {format_angka(a.nilai)}"
        return a.nilai, catatan
    if a.teks:
        return None, f"'{asli}' bukan angka"
    return None, ""


def pisah_indikator(teks: str, n: int) -> list[str] | None:
    """``1. Indeks … 2. Nilai …`` (or one per line) as ``n`` indicator names; None when the text does not
    split into exactly ``n``."""
    baris = [b.strip() for b in re.split(r"[\r\n]+", teks) if b.strip()]
    if len(baris) == n:
        return [_NOMOR_INDIKATOR.sub("", b, count=1).strip() for b in baris]
    nomor = list(_NOMOR_INDIKATOR.finditer(" " + teks))
    if len(nomor) == n and [int(m.group(1)) for m in nomor] == list(range(1, n + 1)):
        s = " " + teks
        return [s[m.end():(nomor[i + 1].start() if i + 1 < n else len(s))].strip() for i, m in enumerate(nomor)]
    return None


def pisah_satuan_indikator(teks: str) -> tuple[str, str]:
    """``Jumlah dokumen (Dokumen)`` -> (``Jumlah dokumen``, ``Dokumen``): the unit the generator prints in
    brackets after the indicator (:func:`renja_xl.capaian.satuan_dari_indikator`); a long bracket is part of
    the name, not a unit."""
    satuan = satuan_dari_indikator(teks)
    if satuan and len(satuan.split()) <= 3:
        return teks[: teks.rstrip().rfind("(")].strip(), satuan
    return teks.strip(), ""


def satuan_cetak(s: Sel) -> float:
    """One unit of the last digit a cell shows (a printed value may be rounded or cut off to it): from the
    text (``38%`` -> 1, ``99,53%`` -> 0,01), from a ``0.00%`` number format, else a relative hair."""
    if isinstance(s.nilai, str):
        m = re.search(r"[.,](\d{1,2})\s*(?:%|[A-Za-z ]*)?$", s.nilai.strip())
        return 10.0 ** -(len(m.group(1)) if m else 0)
    if isinstance(s.nilai, (int, float)) and s.format and "%" in s.format:
        m = re.search(r"0[.,](0+)", s.format)
        return 10.0 ** -(len(m.group(1)) if m else 0)
    v = s.nilai if isinstance(s.nilai, (int, float)) else 0.0
    return 1e-6 * max(1.0, abs(float(v)))


def sama_tercetak(tercetak: float, tepat: float, u: float) -> bool:
    """The printed value is the exact one rounded or cut off to its last digit (unit ``u``). Cut off means
    strictly less than one unit more: 1 is never printed 0, 895,83 may be printed 895."""
    eps = 1e-9 * max(1.0, abs(tepat))
    return abs(tercetak - tepat) <= u / 2 + eps or -eps <= tepat - tercetak < u - eps
