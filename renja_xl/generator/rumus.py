"""The rule table: every derived cell the generator writes, as its native Excel formula AND the core's value.

Each :class:`Aturan` pairs a formula builder (cell addresses -> ``"=..."``) with the computation in
``renja_xl.capaian`` / ``renja_xl.predikat`` (cell values -> value), so the formula and the cached value
written beside it cannot drift apart: both come from one row of this table. Values follow Excel's cell
semantics: a number is a number, anything else (blank, ``""``, text) is not; a formula's blank is ``""``.

Every formula works in Excel and LibreOffice without the add-in: only IF, AND, NOT, ISNUMBER, ISTEXT, LEN,
TRIM, COUNT, SUM, AVERAGE, SUMIFS, COUNTIFS, AVERAGEIFS, COUNTIF, VLOOKUP, INT and MAX. A bound, range or
letter-grade target (text) gets its constants baked into the capaian formula (:func:`capaian_khusus`). Blank (``""``) instead of ``#DIV/0!``; ``""`` is
text, so AVERAGE and COUNT skip it — which is exactly the core's rule (no target: left out; target and no
realisasi: 0).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from renja_xl import capaian as inti
from renja_xl.angka import parse_angka
from renja_xl.capaian import JenisIndikator

__all__ = ["Aturan", "gabung", "capaian", "rata", "rata_jenis", "predikat", "jumlah_anak", "jumlah_daftar",
           "target_turunan", "nilai_target_turunan", "LEMBAR_SKALA", "rentang_skala",
           "REALISASI_TAHUN", "REALISASI_RENSTRA", "CAPAIAN", "TINGKAT_REALISASI", "JUMLAH_ANAK", "RATA",
           "RATA_JENIS", "RATA_JIKA", "JUMLAH", "PREDIKAT", "TARGET_TURUNAN", "TAUTAN",
           "HITUNG_SAMA", "SALIN", "catatan_cara_hitung"]

LEMBAR_SKALA = "Skala Predikat"
_ANGKA = '">-1E+307"'   # COUNTIFS criterion that matches numbers only (never text such as "")
K = JenisIndikator.KUMULATIF


def rentang_skala(n: int) -> tuple[str, str]:
    """(table, first threshold) of the scale sheet written with ``n`` bands from row 2."""
    return f"'{LEMBAR_SKALA}'!$A$2:$B${n + 1}", f"'{LEMBAR_SKALA}'!$A$2"


# ------------------------------------------------------------------------------------------------ formulas

def _urut_terakhir(sel: Sequence[str], huruf: bool = False) -> str:
    """Nested IF(ISNUMBER()) giving the last filled cell of ``sel`` ("" when none); ``huruf``: a letter
    grade is filled too (any non-empty cell: the Data Induk admits only numbers and grades there)."""
    hasil = '""'
    for s in sel:
        hasil = f"IF(LEN({s})>0,{s},{hasil})" if huruf else f"IF(ISNUMBER({s}),{s},{hasil})"
    return hasil


def gabung(sel: Sequence[str], jenis: JenisIndikator, huruf: bool = False) -> str:
    """Realisasi from several cells (quarters; or s.d. tahun lalu + tahun ini): kumulatif sums the filled
    ones, the level types take the last filled one (``huruf``: a grade counts); blank when none is filled."""
    daftar = ",".join(sel)
    if jenis is JenisIndikator.KUMULATIF:
        return f'=IF(COUNT({daftar})=0,"",SUM({daftar}))'
    return "=" + _urut_terakhir(sel, huruf)


def _peringkat(r: str, skala: tuple[str, ...]) -> str:
    """The rank of the grade in cell ``r`` on the target's scale (``capaian.peringkat_huruf``); 0 for anything
    else, a grade of another scale included (the core: ``tidak_sebanding``)."""
    hasil = "0"
    for h in reversed(skala):
        hasil = f'IF(TRIM({r})="{h}",{inti.peringkat_huruf(h)},{hasil})'
    return hasil


def _k(v: float) -> str:
    """A constant in a formula: Excel's en-US syntax, the shortest text that reads back the same float."""
    t = repr(float(v))
    return (t[:-2] if t.endswith(".0") else t).upper()


def _rasio_luar(r: str, b: float, jenis: JenisIndikator) -> str:
    """``capaian._rasio`` of realisasi ``r`` against the constant ``b`` (a bound, a range's nearest end)."""
    if jenis is JenisIndikator.MENURUN:
        return f'IF({r}<=0,"",{_k(b)}/{r}*100)'
    return '""' if b == 0 else f"{r}/{_k(b)}*100"


def capaian_khusus(r: str, t: str, jenis: JenisIndikator, target: str) -> str | None:
    """The capaian formula against a bound, range or letter-grade target typed as text (``<5%``,
    ``4,5–5,5%``, ``A``): its constants are baked in as the core reads them (``capaian._capaian_batas`` /
    ``_capaian_rentang`` / ``_capaian_huruf``); blank once the target cell no longer holds that text (a changed
    target needs the form made again). None when ``target`` is none of them."""
    a = parse_angka(target)
    if a.jamak:
        return None
    teks = '"' + target.replace('"', '""') + '"'
    if a.huruf:
        rt = inti.peringkat_huruf(a.huruf)
        skala = inti.skala_huruf(a.huruf)
        if rt is None or skala is None:
            return None
        pr = _peringkat(r, skala)    # capaian._capaian_huruf: rank / target rank x 100; no grade -> 0; a number -> ""
        return f'=IF({t}<>{teks},"",IF(LEN({r})=0,0,IF({pr}=0,"",{pr}/{rt}*100)))'
    if a.rentang is not None:
        lo, hi = a.rentang
        isi = (f"IF(AND({r}>={_k(lo)},{r}<={_k(hi)}),100,IF({r}>{_k(hi)},{_rasio_luar(r, hi, jenis)},"
               f"{_rasio_luar(r, lo, jenis)}))")
    elif a.batas and a.nilai is not None:
        b = a.nilai
        dalam = f"{r}{a.batas}{_k(b)}"
        luar = _rasio_luar(r, b, JenisIndikator.MENURUN if a.batas.startswith("<") else JenisIndikator.KUMULATIF)
        isi = f"IF({dalam},100,{luar})"
    else:
        return None
    return f'=IF({t}<>{teks},"",IF(NOT(ISNUMBER({r})),0,{isi}))'


def capaian(r: str, t: str, jenis: JenisIndikator, target: object = None) -> str:
    """Capaian in percent as ``capaian.capaian``: no/zero/negative target -> blank; target and no realisasi
    -> 0; menurun = target/realisasi (target 0 and realisasi 0 -> 100; realisasi 0 -> blank). ``target``: the
    row's target when the generator knows it; a bound or range text gets :func:`capaian_khusus`."""
    if _khusus(target) and (khusus := capaian_khusus(r, t, jenis, str(target))) is not None:
        return khusus
    if jenis is JenisIndikator.MENURUN:
        return (f'=IF(NOT(ISNUMBER({t})),"",IF({t}<0,"",IF({t}=0,IF(AND(ISNUMBER({r}),{r}=0),100,""),'
                f'IF(NOT(ISNUMBER({r})),0,IF({r}<=0,"",{t}/{r}*100)))))')
    return f'=IF(NOT(ISNUMBER({t})),"",IF({t}<=0,"",IF(NOT(ISNUMBER({r})),0,{r}/{t}*100)))'


def rata(rentang: str) -> str:
    """Mean of the numbers in a range (blank cells and "" left out); blank when there is none."""
    return f'=IF(COUNT({rentang})=0,"",AVERAGE({rentang}))'


def rata_jenis(nilai: str, jenis: str, kode: Sequence[str]) -> str:
    """Mean of ``nilai`` over the rows whose helper column holds one of ``kode`` (indicator rows only)."""
    jumlah = "+".join(f'SUMIFS({nilai},{jenis},"{k}")' for k in kode)
    banyak = "+".join(f'COUNTIFS({jenis},"{k}",{nilai},{_ANGKA})' for k in kode)
    return f'=IF(({banyak})=0,"",({jumlah})/({banyak}))'


def rata_jika(nilai: str, kunci: str, cari: str) -> str:
    """Mean of the numbers of ``nilai`` on the rows where ``kunci`` equals ``cari`` (blank when none)."""
    return f'=IF(COUNTIFS({kunci},{cari},{nilai},{_ANGKA})=0,"",AVERAGEIFS({nilai},{kunci},{cari}))'


def predikat(sel: str, n_skala: int) -> str:
    """Predikat word by approximate VLOOKUP on the visible, editable scale sheet (thresholds ascending)."""
    tabel, pertama = rentang_skala(n_skala)
    return f'=IF(ISNUMBER({sel}),VLOOKUP(MAX({sel},{pertama}),{tabel},2,TRUE),"")'


def jumlah_anak(nilai: str, jenis: str, kode: str) -> str:
    """Roll-up: sum of the child rows (helper column = ``kode``) in a range; blank when none has a number.
    The range must start below the parent's own row (Excel flags any range over its own cell)."""
    return f'=IF(COUNTIFS({jenis},"{kode}",{nilai},{_ANGKA})=0,"",SUMIFS({nilai},{jenis},"{kode}"))'


def jumlah_daftar(sel: Sequence[str]) -> str:
    """Sum of a few cells or ranges, blank when none is filled (Rp realisasi of a row = sum of its quarters;
    a summary table's Jumlah row)."""
    return gabung(sel, K)


def target_turunan(t: str, jenis: JenisIndikator, i: int) -> str:
    """The formula of derived quarter ``i`` (1-4) from the annual target cell (see ``nilai_target_turunan``);
    a bound or range text is held all year by every type but kumulatif (a flow has no quarter share of it)."""
    teks = '""' if jenis is JenisIndikator.KUMULATIF else f'IF(ISTEXT({t}),{t},"")'
    if jenis is JenisIndikator.KUMULATIF:
        return f'=IF(ISNUMBER({t}),IF({t}=INT({t}),INT({t}*{i}/4)-INT({t}*{i - 1}/4),{t}/4),{teks})'
    if jenis is JenisIndikator.NILAI_AKHIR:
        return f'=IF(ISNUMBER({t}),{t}*{i}/4,{teks})'
    return f'=IF(ISNUMBER({t}),{t},{teks})'


# ------------------------------------------------------------------------------------------------ values

def _angka(v: object) -> float | None:
    """A cell's number as Excel sees it: numbers only (a text '5' or a blank is not a number)."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None
    return float(v)


def _khusus(v: object) -> bool:
    """A bound, range or grade text (what :func:`capaian_khusus` bakes into a formula)."""
    if not isinstance(v, str):
        return False
    a = parse_angka(v)
    if a.jamak:
        return False
    if a.huruf:
        return inti.peringkat_huruf(a.huruf) is not None
    return a.rentang is not None or (bool(a.batas) and a.nilai is not None)


def _capaian_nilai(hitung: Callable[..., inti.Hasil], r: object, t: object, jenis: JenisIndikator,
                   target: object) -> float | str:
    """The value of :func:`capaian`'s formula: the core's capaian; against a bound or range text, only while
    the target cell still holds the text baked into the formula (as the formula's guard)."""
    if _khusus(target):
        if not (isinstance(t, str) and t.lower() == str(target).lower()):
            return ""
        huruf = parse_angka(t).huruf is not None     # against a grade the realisasi is a grade (text)
        return _hasil(hitung(r if huruf and isinstance(r, str) else _angka(r), t, jenis).nilai)
    return _hasil(hitung(_angka(r), _angka(t), jenis).nilai)


def _target_turunan_nilai(t: object, jenis: JenisIndikator, i: int) -> object:
    if _angka(t) is not None:
        return nilai_target_turunan(_angka(t), jenis)[i - 1]  # type: ignore[arg-type]
    if isinstance(t, str) and jenis is not JenisIndikator.KUMULATIF:
        return t
    return ""


def _isi(v: object, huruf: bool) -> object:
    """A realisasi cell: its number; with ``huruf`` also a non-empty text (a grade), as ``LEN(x)>0`` does."""
    if huruf and isinstance(v, str) and v:
        return v
    return _angka(v)


def _hasil(v: float | str | None) -> float | str:
    """A value as the formula leaves it: the number, or "" for blank."""
    return "" if v is None else v


def nilai_target_turunan(target: float, jenis: JenisIndikator) -> list[float]:
    """Quarterly targets derived from the annual one: kumulatif (a flow) is split so the quarters add up to
    the year, in whole units when the target is whole; nilai akhir grows in equal steps to the annual value;
    persentase and menurun (levels to hold all year) repeat it. ``math.floor`` is Excel's INT."""
    if jenis is JenisIndikator.KUMULATIF:
        if float(target).is_integer():
            return [float(math.floor(target * i / 4) - math.floor(target * (i - 1) / 4)) for i in range(1, 5)]
        return [target / 4] * 4
    if jenis is JenisIndikator.NILAI_AKHIR:
        return [target * i / 4 for i in range(1, 5)]
    return [target] * 4


def _jumlah(nilai: Sequence[object], penanda: Sequence[object], kode: str) -> float | str:
    return _hasil(inti.jumlah([_angka(x) for x, k in zip(nilai, penanda) if k == kode]))


def _rata_baris(nilai: Sequence[object], pilih: Sequence[bool]) -> float | str:
    return _hasil(inti.rata_rata([_angka(x) for x, p in zip(nilai, pilih) if p]).nilai)


def _sama(a: object, b: object) -> bool:
    """COUNTIF/AVERAGEIFS equality: numbers by value, text without regard to case."""
    if isinstance(a, str):
        return isinstance(b, str) and a.lower() == b.lower()
    x = _angka(a)
    return x is not None and x == _angka(b)


# ------------------------------------------------------------------------------------------------ the table

@dataclass(frozen=True)
class Aturan:
    """One derived value: ``rumus(*addresses, **param)`` is its formula text, ``nilai(*values, **param)``
    what the core computes from the same cells (a list argument is a list of cells, a range a list of
    values). Calling an ``Aturan`` with cell references gives a formula to put in a cell (``hitung``)."""

    nama: str
    rumus: Callable[..., str]
    nilai: Callable[..., object]

    def __call__(self, *argumen: Any, **param: Any) -> Any:
        from renja_xl.generator.hitung import RumusAturan

        return RumusAturan(self, argumen, param)


# realisasi tahun from the quarters (E.81 col 12; Rp: sum of the quarters)
# ``huruf``: an indicator scored in letter grades (its quarters hold "BB"), see capaian.realisasi_tahun
REALISASI_TAHUN = Aturan(
    "realisasi_tahun", lambda sel, jenis, huruf=False: gabung(sel, jenis, huruf),
    lambda sel, jenis, huruf=False: _hasil(inti.realisasi_tahun([_isi(x, huruf) for x in sel], jenis,
                                                                huruf=huruf)))  # type: ignore[arg-type]
# Renstra realisasi s.d. tahun ini: 6 + 12 (and + 9 in T-C.29's perkiraan) for kumulatif, else the latest
REALISASI_RENSTRA = Aturan(
    "realisasi_renstra", lambda sel, jenis, huruf=False: gabung(sel, jenis, huruf),
    lambda sel, jenis, huruf=False: _hasil(inti.realisasi_renstra(  # type: ignore[arg-type]
        *[_isi(x, huruf) for x in sel[:2]], jenis, perkiraan=_isi(sel[2], huruf) if len(sel) > 2 else None,
        huruf=huruf)))
# ``target``: the row's target as the generator wrote it (a bound or range text is baked into the formula)
CAPAIAN = Aturan(
    "capaian", lambda r, t, jenis, target=None: capaian(r, t, jenis, target),
    lambda r, t, jenis, target=None: _capaian_nilai(inti.capaian, r, t, jenis, target))
TINGKAT_REALISASI = Aturan(
    "tingkat_realisasi", lambda r, t, jenis, target=None: capaian(r, t, jenis, target),
    lambda r, t, jenis, target=None: _capaian_nilai(inti.tingkat_realisasi, r, t, jenis, target))
# roll-up of a node's Rp over its children's rows (range from the first child row), and the Jumlah row
JUMLAH_ANAK = Aturan(
    "jumlah_anak", lambda nilai, penanda, kode: jumlah_anak(nilai, penanda, kode),
    lambda nilai, penanda, kode: _jumlah(nilai, penanda, kode))
JUMLAH = Aturan(
    "jumlah", lambda rentang: jumlah_daftar([rentang]),
    lambda rentang: _hasil(inti.jumlah([_angka(x) for x in rentang])))
RATA = Aturan(
    "rata", lambda rentang: rata(rentang),
    lambda rentang: _hasil(inti.rata_rata([_angka(x) for x in rentang]).nilai))
RATA_JENIS = Aturan(
    "rata_jenis", lambda nilai, penanda, kode: rata_jenis(nilai, penanda, kode),
    lambda nilai, penanda, kode: _rata_baris(nilai, [k in kode for k in penanda]))
RATA_JIKA = Aturan(
    "rata_jika", lambda nilai, kunci, cari: rata_jika(nilai, kunci, cari),
    lambda nilai, kunci, cari: _rata_baris(nilai, [_sama(k, cari) for k in kunci]))
PREDIKAT = Aturan(
    "predikat", lambda sel, skala: predikat(sel, len(skala.tingkat)),
    lambda sel, skala: (skala.predikat(_angka(sel)) or "") if _angka(sel) is not None else "")
TARGET_TURUNAN = Aturan(
    "target_turunan", lambda t, jenis, i: target_turunan(t, jenis, i),
    lambda t, jenis, i: _target_turunan_nilai(t, jenis, i))
# a link to another cell: Excel shows a blank cell's 0, a formula's "" stays ""
TAUTAN = Aturan("tautan", lambda sel: f"={sel}", lambda sel: 0.0 if sel is None else sel)
# another cell's content, blank for an empty one (an empty target shows blank, never Excel's 0; a bound
# target such as "<5%" stays the text its capaian formula is guarded by)
SALIN = Aturan("salin", lambda sel: f'=IF(ISBLANK({sel}),"",{sel})',
               lambda sel: "" if sel is None else sel)
# how many cells of a range equal a cell (the count of indicators per predikat)
HITUNG_SAMA = Aturan(
    "hitung_sama", lambda rentang, sel: f"=COUNTIF({rentang},{sel})",
    lambda rentang, sel: float(sum(1 for x in rentang if _sama(x, sel))))


# ------------------------------------------------------------------------------------------------ the form's note

def _cara(jenis: JenisIndikator) -> tuple[bool, bool]:
    """(adds up, target over realisasi) for one type, asked of the rule table itself so that the note
    printed under a form says what its formulas do."""
    menjumlah = REALISASI_TAHUN.nilai([1.0, 2.0], jenis=jenis) == 3.0
    terbalik = CAPAIAN.nilai(50.0, 100.0, jenis=jenis) == 200.0
    return menjumlah, terbalik


_NAMA_JENIS = {JenisIndikator.MENURUN: "menurun (makin kecil makin baik)"}


def catatan_cara_hitung(gabungan: Sequence[tuple[str, Sequence[str]]],
                        capaian_kolom: Sequence[tuple[str, str, str]]) -> str:
    """The "Catatan" line under a form: per group of indicator types, how each realisasi column combines
    its sources (``("12", ("8", "9", "10", "11"))``) and how each capaian column divides
    (``("14", "13", "5")`` = column 14 from realisasi 13 and target 5)."""
    kelompok: dict[tuple[bool, bool], list[JenisIndikator]] = {}
    for j in JenisIndikator:
        kelompok.setdefault(_cara(j), []).append(j)
    bagian = []
    for (menjumlah, terbalik), daftar in kelompok.items():
        nama = ", ".join(_NAMA_JENIS.get(j, j.value) for j in daftar)
        isi = []
        for kol, sumber in gabungan:
            isi.append(f"{kol} = {'+'.join(sumber)}" if menjumlah
                       else f"{kol} = nilai terakhir yang terisi dari {', '.join(sumber)} (tidak dijumlahkan)")
        for kol, r, t in capaian_kolom:
            isi.append(f"{kol} = {t}/{r} × 100% (target dibagi realisasi)" if terbalik else f"{kol} = {r}/{t} × 100%")
        bagian.append(f"indikator {nama}: " + "; ".join(isi))
    return "Catatan: cara hitung — " + ". ".join(b[0].upper() + b[1:] for b in bagian) + "."
