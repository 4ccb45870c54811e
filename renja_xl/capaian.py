"""Capaian (achievement) arithmetic of Renja / E.81 forms, one rule per indicator type.

The seed documents compute the same columns in several incompatible ways (sum vs last value, capped or
not, zero targets printed as 0 %, several indicators pooled); this module is the single place where
renja-xl decides. Every function returns a value or a :class:`Hasil` whose ``status``/``alasan`` says
why there is none — never an exception and never a silent 0. Values keep full precision; only display
rounds. Pure: no file I/O. Decisions and their seed evidence: ``docs/keputusan.md``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal, overload

from renja_xl.angka import SKALA_HURUF, Angka, format_angka, parse_angka

__all__ = ["JenisIndikator", "Hasil", "realisasi_tahun", "capaian", "capaian_renja", "capaian_jamak",
           "realisasi_renstra", "capaian_renstra", "tingkat_realisasi", "rata_rata", "jumlah", "tebak_jenis",
           "jenis_dari_satuan", "satuan_dari_indikator", "peringkat_huruf", "skala_huruf"]


class JenisIndikator(str, Enum):
    """How an indicator's quarters add up and which direction is good."""

    KUMULATIF = "kumulatif"        # flows: realisasi tahun = sum of the quarters
    PERSENTASE = "persentase"      # levels in %: realisasi tahun = last filled quarter
    NILAI_AKHIR = "nilai akhir"    # other levels (index, score): last filled quarter
    MENURUN = "menurun"            # lower is better: capaian = target / realisasi x 100

    @classmethod
    def dari_teks(cls, s: object) -> "JenisIndikator | None":
        """The type named in a master-sheet cell (``"Kumulatif"``, ``"persen"``, ``"nilai akhir"``,
        ``"menurun"``/``"negatif"``); None when the text names none of them."""
        if isinstance(s, JenisIndikator):
            return s
        if s is None:
            return None
        t = re.sub(r"[\s_-]+", " ", str(s).strip().lower())
        if not t:
            return None
        for j in cls:
            if t == j.value:
                return j
        for pola, j in _SINONIM:
            if re.search(pola, t):
                return j
        return None

    @property
    def label(self) -> str:
        return self.value


_SINONIM: tuple[tuple[str, JenisIndikator], ...] = (
    (r"menurun|turun|negatif|semakin kecil|lebih kecil|lower", JenisIndikator.MENURUN),
    (r"kumulatif|akumulasi|jumlah|penjumlahan|flow|sum", JenisIndikator.KUMULATIF),
    (r"persen|prosen|percent|^%$", JenisIndikator.PERSENTASE),
    (r"akhir|level|tetap|terakhir|indeks|nilai|rasio", JenisIndikator.NILAI_AKHIR),
)

# The one level-vs-flow decision for rows whose type nobody wrote down (hand-made forms, a blank Jenis
# cell). A level is never summed over quarters; a flow is. Units first, the indicator's name only without one.
_SATUAN_LEVEL = re.compile(r"(?i)^\s*(%|persen|prosen|percent|indeks|index|nilai|rasio|skor|poin|point|"
                           r"predikat|opini)")
# anchored: "Tingkat kepuasan ..." is a level, "... di tingkat agen dan pasar" is not
_NAMA_LEVEL = re.compile(r"(?i)^\W*(persentase|prosentase|presentase|percentase|rasio|indeks|nilai|tingkat|"
                         r"koefisien|rata-rata|proporsi)\b")
_SATUAN_AKHIR = re.compile(r"\(([^()]{1,30})\)\s*$")


def satuan_dari_indikator(indikator: str | None) -> str | None:
    """The unit printed after an indicator's name, ``"Capaian program ... (Persen)"`` -> ``"Persen"``, as
    the generator and many OPDs print it when the form has no unit column."""
    m = _SATUAN_AKHIR.search(indikator or "")
    return m.group(1).strip() or None if m else None


def tebak_jenis(satuan: str | None = None, indikator: str | None = None, *, persen: bool = False) -> JenisIndikator:
    """Guess the type when nothing says it (the Data Induk and a generated workbook's ``_renja_xl`` sheet
    do). ``persen``: a value printed with ``%``. Level units (``%``, persen, indeks, nilai, rasio, skor,
    predikat, opini) -> persentase; another unit -> kumulatif; no unit -> the unit after the name, else a
    name starting with Persentase/Rasio/Indeks/Nilai/Tingkat/... -> nilai akhir, else kumulatif. Never
    menurun: lower-is-better cannot be told from a unit."""
    satuan = (satuan or "").strip() or satuan_dari_indikator(indikator)
    if persen or (satuan and _SATUAN_LEVEL.match(satuan)):
        return JenisIndikator.PERSENTASE
    if satuan:
        return JenisIndikator.KUMULATIF
    if indikator and _NAMA_LEVEL.search(indikator):
        return JenisIndikator.NILAI_AKHIR
    return JenisIndikator.KUMULATIF


def jenis_dari_satuan(satuan: str | None) -> JenisIndikator:
    """Guess the type from the unit alone (:func:`tebak_jenis` without a name): ``%``/persen/indeks/nilai ->
    persentase (a level: last quarter, never summed), anything else -> kumulatif."""
    return tebak_jenis(satuan or None) if satuan else JenisIndikator.KUMULATIF


@dataclass(frozen=True)
class Hasil:
    """A capaian in percent (``nilai``, full precision, not capped) or why there is none.

    ``status``: ``ok``, ``tanpa_realisasi`` (counted as 0), ``target_kosong``, ``target_nol``,
    ``target_negatif``, ``bukan_angka``, ``realisasi_nol`` (menurun), ``rentang``, ``batas``, ``huruf``,
    ``jamak``, ``jamak_tidak_cocok``, ``tidak_sebanding``, ``tanpa_capaian`` (empty average).
    """

    nilai: float | None
    status: str = "ok"
    alasan: str | None = None
    rincian: tuple["Hasil", ...] = ()

    @property
    def ada(self) -> bool:
        return self.nilai is not None

    @property
    def melampaui(self) -> bool:
        """Above 100 % (allowed and kept: the tables print 235 %, 895 %)."""
        return self.nilai is not None and self.nilai > 100

    def teks(self, desimal: int = 2) -> str:
        """For display only: ``"37,50%"``, or the reason when there is no value."""
        if self.nilai is None:
            return self.alasan or self.status
        return f"{format_angka(self.nilai, desimal)}%"


def _baca(x: object) -> Angka:
    """A float, an int, None, a text or an already parsed ``Angka`` as ``Angka``."""
    if isinstance(x, Angka):
        return x
    if isinstance(x, Hasil):
        return parse_angka(x.nilai)
    return parse_angka(x)


def _jenis(j: object) -> JenisIndikator:
    if type(j) is JenisIndikator:
        return j
    if j is None:
        return JenisIndikator.KUMULATIF
    return JenisIndikator.dari_teks(j) or JenisIndikator.KUMULATIF


def _f(v: float) -> str:
    return format_angka(v)


def _nilai_isi(x: object) -> float | None:
    """The number in a quarter cell, None when it holds none (blank, '-', text, several values)."""
    if x is None:
        return None
    if type(x) is float or type(x) is int:      # what Excel/COM sends for a number: no parsing needed
        return float(x) if math.isfinite(x) else None
    a = _baca(x)
    return a.nilai if a.nilai is not None and math.isfinite(a.nilai) else None


# ---------------------------------------------------------------------------------------------- realisasi

def jumlah(nilai: Iterable[object]) -> float | None:
    """Sum of the filled values (blank, ``-``, text and several-value cells are not filled); None when
    none is filled — a flow's realisasi, a Renstra total, an Rp roll-up of children."""
    isi: list[float] = []
    for x in nilai:
        v = x if type(x) is float and math.isfinite(x) else _nilai_isi(x)   # a plain float needs no parsing
        if v is not None:
            isi.append(v)
    return math.fsum(isi) if isi else None


def _isi_atau_huruf(x: object) -> float | str | None:
    """A filled level value: a number, or a letter grade (``"BB"``, as :func:`peringkat_huruf` knows it)."""
    v = _nilai_isi(x)
    if v is not None or x is None or type(x) is float:
        return v
    a = _baca(x)
    return a.huruf if a.huruf and not a.jamak and peringkat_huruf(a.huruf) is not None else None


def _terakhir_atau_jumlah(nilai: Sequence[object], jenis: object, huruf: bool = False) -> Any:
    if _jenis(jenis) is JenisIndikator.KUMULATIF:
        return jumlah(nilai)
    baca = _isi_atau_huruf if huruf else _nilai_isi
    isi = [v for v in (baca(x) for x in nilai) if v is not None]
    return isi[-1] if isi else None


@overload
def realisasi_tahun(tw: Sequence[object], jenis: object = ..., *, huruf: Literal[False] = ...) -> float | None: ...
@overload
def realisasi_tahun(tw: Sequence[object], jenis: object = ..., *, huruf: bool) -> float | str | None: ...


def realisasi_tahun(tw: Sequence[object], jenis: object = JenisIndikator.KUMULATIF, *, huruf: bool = False
                    ) -> float | str | None:
    """Realisasi for the year from the quarters (TW I..IV; any length).

    kumulatif: sum of the filled quarters; persentase / nilai akhir / menurun: the last filled
    quarter (a level is not additive: 16 % + 1 % is not 17 %, seed 000:179). Blank, ``-`` and text
    quarters are not filled. None when no quarter is filled. ``huruf``: a letter grade (``"BB"``) is a
    filled level value too, returned as its text (an indicator scored in grades, see :func:`capaian`).
    """
    return _terakhir_atau_jumlah(tw, jenis, huruf)


@overload
def realisasi_renstra(sd_tahun_lalu: object, tahun_ini: object, jenis: object = ..., *, perkiraan: object = ...,
                      huruf: Literal[False] = ...) -> float | None: ...
@overload
def realisasi_renstra(sd_tahun_lalu: object, tahun_ini: object, jenis: object = ..., *, perkiraan: object = ...,
                      huruf: bool) -> float | str | None: ...


def realisasi_renstra(sd_tahun_lalu: object, tahun_ini: object, jenis: object = JenisIndikator.KUMULATIF,
                      *, perkiraan: object = None, huruf: bool = False) -> float | str | None:
    """Renstra realisasi up to now: kumulatif = s.d. tahun lalu + tahun ini (E.81 col 13 = 6 + 12);
    level types = the latest filled value. ``perkiraan`` is the next year's target that the Semarang
    Tabel 2.1 variant adds (10 = 5 + 7 + 9). None when nothing is filled. ``huruf``: as
    :func:`realisasi_tahun`."""
    return _terakhir_atau_jumlah((sd_tahun_lalu, tahun_ini, perkiraan), jenis, huruf)


# ---------------------------------------------------------------------------------------------- capaian

def skala_huruf(h: str) -> tuple[str, ...] | None:
    """The ordinal scale (best first) a grade belongs to: ``angka.HURUF_NILAI`` or ``angka.OPINI_BPK``."""
    h = h.strip().upper()
    return next((s for s in SKALA_HURUF if h in s), None)


def peringkat_huruf(h: str) -> int | None:
    """Ordinal rank of a grade on its own scale, worst = 1: D = 1 ... AA = 7 (AA > A > BB > B > CC > C > D);
    TMP = 1 ... WTP = 4 (WTP > WDP > TW > TMP)."""
    skala = skala_huruf(h)
    return None if skala is None else len(skala) - skala.index(h.strip().upper())


def _rasio(r: float, t: float, jenis: JenisIndikator) -> Hasil:
    if jenis is JenisIndikator.MENURUN:
        if r == 0:
            return Hasil(None, "realisasi_nol",
                         "Indikator menurun dengan realisasi 0: target/realisasi tidak terdefinisi; "
                         "capaian tidak dihitung (periksa manual).")
        if r < 0:
            return Hasil(None, "tidak_sebanding", "Realisasi negatif pada indikator menurun.")
        return _terhingga(t / r * 100.0)
    return _terhingga(r / t * 100.0)


def _terhingga(v: float) -> Hasil:
    if math.isfinite(v):
        return Hasil(v)
    return Hasil(None, "tidak_sebanding", "Rasio realisasi dan target di luar jangkauan angka (tak hingga).")


def _catatan_ambigu(*angka: Angka) -> str | None:
    pesan = [f"'{a.asli}' ambigu, dibaca {_f(a.nilai)} (bisa juga {_f(a.alternatif)})"
             for a in angka if a.ambigu and a.nilai is not None and a.alternatif is not None]
    return "; ".join(pesan) + "." if pesan else None


def _capaian_huruf(r: Angka, t: Angka) -> Hasil:
    rt = peringkat_huruf(t.huruf or "")
    if r.huruf is None:
        if r.nilai is None and not r.jamak and r.rentang is None:
            return Hasil(0.0, "tanpa_realisasi", f"Target nilai huruf '{t.huruf}' tanpa realisasi: dihitung 0.")
        return Hasil(None, "tidak_sebanding",
                     f"Target berupa nilai huruf '{t.huruf}' tetapi realisasi '{r.asli}' bukan huruf.")
    rr = peringkat_huruf(r.huruf)
    skala = skala_huruf(t.huruf or "")
    assert rt is not None and rr is not None and skala is not None
    if skala_huruf(r.huruf) != skala:
        return Hasil(None, "tidak_sebanding",
                     f"Realisasi '{r.huruf}' dan target '{t.huruf}' memakai skala huruf yang berbeda.")
    return Hasil(rr / rt * 100.0, "huruf",
                 f"Nilai huruf pada skala urut {'>'.join(skala)}: {r.huruf} ({rr}) / {t.huruf} ({rt}) x 100.")


def _capaian_batas(r: Angka, t: Angka) -> Hasil:
    b = float(t.nilai)  # type: ignore[arg-type]
    ke_bawah = (t.batas or "").startswith("<")
    x = float(r.nilai)  # type: ignore[arg-type]
    if r.batas:  # the realisasi is itself a bound ("<5%" against "<5%", seed 000:295)
        if ke_bawah and r.batas.startswith("<"):
            dalam = x <= b
        elif not ke_bawah and r.batas.startswith(">"):
            dalam = x >= b
        else:
            return Hasil(None, "batas", f"Realisasi '{r.asli}' dan target '{t.asli}' berlawanan arah.")
    else:
        dalam = (x < b or (t.batas == "<=" and x == b)) if ke_bawah else (x > b or (t.batas == ">=" and x == b))
    if dalam:
        return Hasil(100.0, "batas", f"Realisasi {r.asli} memenuhi target '{t.asli}': capaian 100.")
    if ke_bawah:
        h = _rasio(x, b, JenisIndikator.MENURUN)
        cara = "batas / realisasi x 100"
    else:
        if b == 0:
            return Hasil(None, "target_nol", f"Target '{t.asli}' berbatas 0: rasio tidak terdefinisi.")
        h = _rasio(x, b, JenisIndikator.KUMULATIF)
        cara = "realisasi / batas x 100"
    return Hasil(h.nilai, "batas" if h.nilai is not None else h.status,
                 f"Realisasi {r.asli} di luar target '{t.asli}': capaian = {cara}." if h.nilai is not None
                 else h.alasan)


def _capaian_rentang(r: Angka, t: Angka, jenis: JenisIndikator) -> Hasil:
    lo, hi = t.rentang  # type: ignore[misc]
    x = float(r.nilai)  # type: ignore[arg-type]
    if lo <= x <= hi:
        return Hasil(100.0, "rentang", f"Realisasi {_f(x)} di dalam rentang target {_f(lo)}-{_f(hi)}: capaian 100.")
    batas = hi if x > hi else lo
    if batas == 0 and jenis is not JenisIndikator.MENURUN:
        return Hasil(None, "target_nol", "Batas rentang target 0: rasio tidak terdefinisi.")
    h = _rasio(x, batas, jenis)
    if h.nilai is None:
        return h
    cara = "batas / realisasi" if jenis is JenisIndikator.MENURUN else "realisasi / batas"
    return Hasil(h.nilai, "rentang",
                 f"Realisasi {_f(x)} di luar rentang {_f(lo)}-{_f(hi)}: capaian = {cara} terdekat ({_f(batas)}) x 100.")


def capaian(realisasi: object, target: object, jenis: object = JenisIndikator.KUMULATIF) -> Hasil:
    """Capaian in percent of realisasi against target (``realisasi``/``target``: float, None, text or
    ``Angka``). Not capped at 100. kumulatif/persentase/nilai akhir: r / t x 100; menurun: t / r x 100.

    Target blank, 0, text -> ``nilai`` None (no capaian; left out of averages). Target present and
    realisasi blank -> 0 with status ``tanpa_realisasi``. Grades, bounds (``<5%``), ranges
    (``4,5 - 5,5 %``) and several values per cell are handled as ``docs/keputusan.md`` describes.
    """
    j = _jenis(jenis)
    if type(realisasi) is float and type(target) is float and target > 0 and math.isfinite(realisasi) \
            and math.isfinite(target):
        return _rasio(realisasi, target, j)     # the usual cell pair from Excel: nothing to parse
    r, t = _baca(realisasi), _baca(target)
    if t.jamak or r.jamak:
        return capaian_jamak(r, t, j)
    if t.huruf:
        return _capaian_huruf(r, t)
    if t.teks is not None:
        return Hasil(None, "bukan_angka", f"Target '{t.teks}' bukan angka: capaian tidak dihitung.")
    if t.nilai is None and t.rentang is None:
        return Hasil(None, "target_kosong", "Target kosong: capaian tidak dihitung dan tidak ikut rata-rata.")
    if t.nilai is not None and not t.batas and t.nilai <= 0:
        tv = float(t.nilai)
        if tv < 0:
            return Hasil(None, "target_negatif", f"Target negatif ({_f(tv)}): capaian tidak dihitung.")
        if j is JenisIndikator.MENURUN and r.nilai == 0 and not r.batas:
            return Hasil(100.0, "target_nol", "Indikator menurun dengan target 0 dan realisasi 0: tercapai (100).")
        isi = f"realisasi {_f(r.nilai)}" if r.nilai is not None else "realisasi kosong"
        return Hasil(None, "target_nol",
                     f"Target 0 ({isi}): capaian tidak terdefinisi, tidak dicetak 0 % dan tidak ikut rata-rata.")
    if r.nilai is None and r.rentang is None and r.huruf is None:
        sebab = f"Realisasi berupa teks '{r.teks}'" if r.teks else "Realisasi kosong"
        return Hasil(0.0, "tanpa_realisasi", f"{sebab}: capaian dihitung 0 karena target ada.")
    if r.huruf or r.rentang is not None:
        return Hasil(None, "tidak_sebanding",
                     f"Realisasi '{r.asli}' tidak dapat dibandingkan dengan target '{t.asli}'.")
    if t.rentang is not None:
        return _capaian_rentang(r, t, j)
    if t.batas:
        return _capaian_batas(r, t)
    tv = float(t.nilai)  # type: ignore[arg-type]
    rv = float(r.nilai)  # type: ignore[arg-type]
    h = _rasio(rv, tv, j)
    catatan = _catatan_ambigu(r, t)
    if catatan and h.nilai is not None:
        return Hasil(h.nilai, h.status, catatan)
    return h


def capaian_renja(tw: Sequence[object], target: object, jenis: object = JenisIndikator.KUMULATIF) -> Hasil:
    """E.81 capaian Renja: realisasi tahun from the quarters (col 12) against the year's target (col 7)."""
    return capaian(realisasi_tahun(tw, jenis), target, jenis)


def capaian_renstra(sd_tahun_lalu: object, tahun_ini: object, target_renstra: object,
                    jenis: object = JenisIndikator.KUMULATIF, *, perkiraan: object = None) -> Hasil:
    """Capaian against the Renstra target (E.81 col 14 = 13 / 5), 13 from :func:`realisasi_renstra`."""
    return capaian(realisasi_renstra(sd_tahun_lalu, tahun_ini, jenis, perkiraan=perkiraan), target_renstra, jenis)


def tingkat_realisasi(realisasi: object, target: object, jenis: object = JenisIndikator.KUMULATIF) -> Hasil:
    """Tingkat realisasi (T-C.29 col 8 = 7 / 6, Tabel 2.2 realisasi keuangan): the capaian of the year's
    realisasi against the year's target, by the indicator's type — a menurun indicator shows the same value
    here as in E.81 and the Ringkasan (target / realisasi); money is kumulatif."""
    return capaian(realisasi, target, jenis)


def _bagian(x: object) -> list[Angka]:
    if isinstance(x, (list, tuple)):
        return [_baca(v) for v in x]
    a = _baca(x)
    return list(a.jamak) if a.jamak else [a]


def capaian_jamak(realisasi: object, target: object, jenis: object = JenisIndikator.KUMULATIF) -> Hasil:
    """Capaian of a row with several indicators = mean of the per-indicator capaian (seed 002:173:
    mean(60/70, 40/50, 223/380) = 74,80 %), never one ratio of pooled unlike quantities.

    ``realisasi``/``target``: a multi-value cell (``"7849 kotak 80 kali"``), an ``Angka`` or a list;
    ``jenis`` one type or one per target indicator. Values are paired by unit when every target unit
    matches exactly one realisasi unit, otherwise by position. The average follows :func:`rata_rata`.
    """
    rs, ts = _bagian(realisasi), _bagian(target)
    pasangan = _pasang_satuan(rs, ts)  # units first ("40 kali 6000 kotak" vs "7849 kotak 80 kali")
    if pasangan is None and len(rs) != len(ts):
        if all(a.nilai is None and not a.jamak for a in rs):  # no realisasi at all: each counts 0
            pasangan = [(Angka(), t) for t in ts]
        else:
            return Hasil(None, "jamak_tidak_cocok",
                         f"Jumlah nilai realisasi ({len(rs)}) dan target ({len(ts)}) berbeda dan satuannya "
                         "tidak dapat dipasangkan.")
    elif pasangan is None:
        pasangan = list(zip(rs, ts))
    if isinstance(jenis, (list, tuple)):
        daftar_jenis = [_jenis(x) for x in jenis]
        if len(daftar_jenis) != len(pasangan):
            return Hasil(None, "jamak_tidak_cocok", "Jumlah jenis indikator tidak sama dengan jumlah indikator.")
    else:
        daftar_jenis = [_jenis(jenis)] * len(pasangan)
    rincian = tuple(capaian(r, t, j) for (r, t), j in zip(pasangan, daftar_jenis))
    rata = rata_rata(rincian)
    if rata.nilai is None:
        return Hasil(None, rata.status, rata.alasan, rincian)
    isi = ", ".join(h.teks() for h in rincian)
    return Hasil(rata.nilai, "jamak",
                 f"Rata-rata capaian {len(rincian)} indikator ({isi}); nilai tidak dijumlahkan.", rincian)


def _pasang_satuan(rs: list[Angka], ts: list[Angka]) -> list[tuple[Angka, Angka]] | None:
    def kunci(a: Angka) -> str:
        return (a.satuan or "").lower().replace(" ", "")

    sisa = list(rs)
    hasil = []
    for t in ts:
        cocok = [r for r in sisa if kunci(r) and kunci(r) == kunci(t)]
        if len(cocok) != 1:
            return None
        sisa.remove(cocok[0])
        hasil.append((cocok[0], t))
    return hasil


# ---------------------------------------------------------------------------------------------- averages

def rata_rata(items: Iterable[object]) -> Hasil:
    """Mean capaian — one rule everywhere: an item with no capaian (None, or a ``Hasil`` without
    ``nilai``: no target, target 0, text) is left out; an indicator with a target and no realisasi
    already has capaian 0 (:func:`capaian`) and counts. Full precision."""
    isi: list[float] = []
    keluar = 0
    rincian: list[Hasil] = []
    for x in items:
        if type(x) is float:               # the checker's and the functions' usual item: no dispatch needed
            if math.isfinite(x):
                isi.append(x)
            else:
                keluar += 1
            continue
        if isinstance(x, Hasil):
            rincian.append(x)
            v = x.nilai
        elif isinstance(x, Angka):
            v = x.nilai if not x.jamak else None
        elif x is None or isinstance(x, bool):
            v = None
        else:
            try:
                v = float(x)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                v = _baca(x).nilai
        if v is None or not math.isfinite(v):
            keluar += 1
            continue
        isi.append(float(v))
    if not isi:
        return Hasil(None, "tanpa_capaian",
                     "Tidak ada indikator dengan capaian (semua tanpa target): rata-rata tidak dihitung.",
                     tuple(rincian))
    alasan = (f"Rata-rata {len(isi)} indikator; {keluar} tanpa target/capaian tidak dihitung."
              if keluar else None)
    return Hasil(math.fsum(isi) / len(isi), "ok", alasan, tuple(rincian))
