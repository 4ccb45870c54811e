"""Infer an indicator's type when the workbook does not state it, and say why, so the user confirms it once.

Printed forms carry no type. The best evidence is what the source itself did with its figures, checked with
the core's own rules for each candidate type: column 12 against :func:`capaian.realisasi_tahun` (sum for a
flow, last quarter for a level), column 13 = 6 + 12 and the T-C.29 column 10 against
:func:`capaian.realisasi_renstra`, a Rencana Aksi's annual target against its quarterly targets, a printed
capaian against :func:`capaian.capaian` as kumulatif and as menurun. Without such evidence the core's one
level/flow decision (:func:`capaian.tebak_jenis`, from the unit, a ``%`` and the name) decides; a ``<`` bound
or the generator's lower-is-better mark says menurun. This module keeps no unit or name list of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from openpyxl.utils import get_column_letter

from renja_xl.angka import format_angka
from renja_xl.capaian import JenisIndikator, capaian, realisasi_renstra, realisasi_tahun
from renja_xl.capaian import tebak_jenis as inti_tebak
from renja_xl.impor_induk.model import BacaanForm, BarisSumber
from renja_xl.impor_induk.sel import angka_sel, bagian, sama_tercetak, satuan_cetak

__all__ = ["Bukti", "bukti_sumber", "tebak_jenis", "tanda_menurun", "CALON"]

K, P, NA, M = (JenisIndikator.KUMULATIF, JenisIndikator.PERSENTASE, JenisIndikator.NILAI_AKHIR,
               JenisIndikator.MENURUN)
# the two ways quarters add up: the evidence a candidate type leaves in a printed total
CALON: dict[str, JenisIndikator] = {"jumlah": K, "akhir": P}


class Bukti(NamedTuple):
    """What one place of the source shows: ``jenis`` 'jumlah' | 'akhir' | 'menurun' | 'naik', why, and for a
    printed total the cell, the printed value and the value it would have under the other candidate."""

    jenis: str
    alasan: str
    berkas: str = ""
    lembar: str = ""
    sel: str | None = None
    tercetak: float | None = None
    lain: float | None = None


def tanda_menurun(indikator: str) -> tuple[str, bool]:
    """The name without the generator's lower-is-better mark, and whether it carried one."""
    from renja_xl.generator.bentuk import TANDA_MENURUN

    if TANDA_MENURUN in (indikator or ""):
        return re.sub(r"\s+", " ", indikator.replace(TANDA_MENURUN, "")).strip(), True
    return indikator, False


def _bukti(hitung: Callable[[JenisIndikator], float | None], tercetak: tuple[float, float] | None, label: str,
           b: BacaanForm | None = None, sel: str | None = None) -> Bukti | None:
    """'jumlah' or 'akhir' when the printed value is what the core computes for exactly one of the
    candidate types (to the printed digits); None when both or neither give it."""
    if tercetak is None:
        return None
    p, u = tercetak
    nilai: dict[str, float] = {}
    for kunci, jenis in CALON.items():
        v = hitung(jenis)
        if v is None:
            return None
        nilai[kunci] = v
    cocok = [k for k, v in nilai.items() if sama_tercetak(p, v, u)]
    if len(cocok) != 1:
        return None
    k = cocok[0]
    lain = next(v for kk, v in nilai.items() if kk != k)
    return Bukti(k, f"{label} = {'jumlah' if k == 'jumlah' else 'nilai terakhir'} ({format_angka(p)})",
                 b.nama if b else "", b.grid.nama if b else "", sel, p, lain)


def _tercetak(b: BacaanForm, x: BarisSumber, nomor: int) -> tuple[float, float] | None:
    """(printed value, unit of its last digit) of column ``nomor`` for this indicator."""
    c = b.turunan.get((nomor, "K")) or b.turunan.get((nomor, None))
    if c is None:
        return None
    s = b.grid.get(x.baris, c)
    nilai = bagian(angka_sel(s))
    v = nilai[x.bagian].nilai if x.bagian < len(nilai) else None
    return (v, satuan_cetak(s)) if v is not None else None


def _v(x: BarisSumber, kunci: str) -> float | None:
    """A plain number of this indicator (a bound or range target, kept as text, is no quantity to add)."""
    n = x.nilai.get(kunci)
    return n.nilai if n is not None and isinstance(n.nilai, float) else None


def _arah(b: BacaanForm, x: BarisSumber) -> Bukti | None:
    """('menurun', reason) when a printed capaian is the core's menurun capaian (target / realisasi) and not
    its kumulatif one, ('naik', reason) the other way round."""
    for n in sorted(b.formulir.aturan):
        a = b.formulir.aturan[n]
        if a.jenis != "rasio" or (b.form == "tc29" and n == 8):
            continue
        p = _tercetak(b, x, n)
        r, t = _tercetak(b, x, a.operand[0]), _kolom_k(b, x, a.operand[1])
        if p is None or r is None or t is None or not r[0] or not t:
            continue
        turun, naik = capaian(r[0], t, M).nilai, capaian(r[0], t, K).nilai
        if turun is None or naik is None:
            continue
        ke_turun, ke_naik = sama_tercetak(p[0], turun, p[1]), sama_tercetak(p[0], naik, p[1])
        if ke_turun and not ke_naik:
            return Bukti("menurun", f"{b.nama} '{b.grid.nama}' baris {x.baris}: kolom {n} = target / realisasi")
        if ke_naik and not ke_turun:
            return Bukti("naik", f"{b.nama} '{b.grid.nama}' baris {x.baris}: kolom {n} = realisasi / target")
    return None


def _kolom_k(b: BacaanForm, x: BarisSumber, n: int) -> float | None:
    """An input K column (5, 6, 7 …) of this indicator by its number."""
    c = b.formulir.kol(n, "K")
    kunci = next((k for k, cc in b.kolom.items() if cc == c), None) if c is not None else None
    return _v(x, kunci) if kunci else None


def _ref(b: BacaanForm, x: BarisSumber, n: int) -> str | None:
    """The cell reference (``L12``) of column ``n`` K on this row, input or derived."""
    c = b.turunan.get((n, "K")) or b.turunan.get((n, None)) or b.formulir.kol(n, "K")
    return f"{get_column_letter(c)}{x.baris}" if c else None


def _rumus(b: BacaanForm, x: BarisSumber) -> list[Bukti | None]:
    """What the formulas of the row say: column 12 summing the quarters or taking the last one, a capaian
    dividing the target by the realisasi. Exact for a generated workbook, and for staff who use formulas."""
    hasil: list[Bukti | None] = []
    label = f"{b.nama} '{b.grid.nama}' baris {x.baris}"
    c12 = b.turunan.get((12, "K"))
    rumus = (b.grid.get(x.baris, c12).rumus or "").upper().replace("$", "") if c12 else ""
    tw = [ref for n in (8, 9, 10, 11) if (ref := _ref(b, x, n)) and re.search(rf"\b{ref}\b", rumus)]
    if rumus and tw:
        if "SUM(" in rumus or re.search(r"\b[A-Z]{1,3}\d+\s*\+\s*[A-Z]{1,3}\d+", rumus):
            hasil.append(Bukti("jumlah", f"{label}: rumus kolom 12 menjumlahkan triwulan"))
        elif "ISNUMBER(" in rumus or len(tw) == 1:
            hasil.append(Bukti("akhir", f"{label}: rumus kolom 12 mengambil triwulan terakhir"))
    for n, a in b.formulir.aturan.items():
        c = b.turunan.get((n, "K")) or b.turunan.get((n, None))
        rumus = (b.grid.get(x.baris, c).rumus or "").upper().replace("$", "") if c else ""
        r, t = _ref(b, x, a.operand[0]), _ref(b, x, a.operand[-1])
        if a.jenis == "rasio" and rumus and r and t and re.search(rf"\b{t}\s*/\s*{r}\b", rumus):
            hasil.append(Bukti("menurun", f"{label}: rumus kolom {n} = target / realisasi"))
    return hasil


def bukti_sumber(b: BacaanForm, x: BarisSumber) -> list[Bukti]:
    """What the source's printed figures show about this indicator: its quarters added up ('jumlah') or
    the last one taken ('akhir'), its capaian computed as target / realisasi ('menurun') or the other way
    ('naik'), the generator's lower-is-better mark ('menurun')."""
    label = f"{b.nama} '{b.grid.nama}' baris {x.baris}"
    hasil: list[Bukti | None] = _rumus(b, x)
    if x.tertanda_menurun:
        hasil.append(Bukti("menurun", f"{label}: nama indikator bertanda menurun"))
    if b.form in ("e81", "e81-renja"):
        tw = [_v(x, f"tw_k{i}") for i in range(1, 5)]
        p12 = _tercetak(b, x, 12)
        n13 = 14 if b.form == "e81-renja" else 13
        lalu = _v(x, "realisasi_lalu_k")
        hasil.append(_bukti(lambda j: realisasi_tahun(tw, j), p12, f"{label}: kolom 12", b, _ref(b, x, 12)) or _bukti(
            lambda j: realisasi_renstra(lalu, p12[0] if p12 else None, j), _tercetak(b, x, n13),
            f"{label}: kolom {n13} (6 + 12)", b, _ref(b, x, n13)))
        hasil.append(_arah(b, x))
    elif b.form == "tc29":
        lalu, tahun, n1 = _v(x, "realisasi_lalu_k"), _v(x, "realisasi_tahun_k"), _v(x, "target_n1_k")
        hasil.append(_bukti(lambda j: realisasi_renstra(lalu, tahun, j, perkiraan=n1), _tercetak(b, x, 10),
                            f"{label}: kolom 10 (5 + 7 + 9)", b, _ref(b, x, 10)))
        hasil.append(_arah(b, x))
    elif b.form == "rencana-aksi":
        tw = [_v(x, f"target_tw{i}") for i in range(1, 5)]
        t = x.nilai.get("target_k")
        tahunan = (t.nilai, satuan_cetak(b.grid.get(x.baris, b.kolom["target_k"]))) \
            if t and isinstance(t.nilai, float) else None
        hasil.append(_bukti(lambda j: realisasi_tahun(tw, j), tahunan,
                            f"{label}: target tahunan dari target triwulan", b, x.nilai["target_k"].sel if t else None))
    return [h for h in hasil if h]


def _level(satuan: str, inti: JenisIndikator) -> JenisIndikator:
    """Which level type: the one the unit names (core's :meth:`JenisIndikator.dari_teks`: ``Indeks`` ->
    nilai akhir, ``%`` -> persentase), else the core's guess when it is a level, else nilai akhir (a count
    that does not add up over the year is a level but not a percentage)."""
    j = JenisIndikator.dari_teks(satuan) if satuan else None
    if j in (P, NA):
        return j  # type: ignore[return-value]
    return inti if inti in (P, NA) else NA


def tebak_jenis(satuan: str, indikator: str, bukti: Sequence[Bukti], *, batas_atas: bool = False,
                persen: bool = False, huruf: bool = False) -> tuple[JenisIndikator, str]:
    """The type and the reason it was chosen (always a guess: the caller marks it "Perlu dicek"). The
    source's own evidence first; without it the core's level/flow decision (:func:`capaian.tebak_jenis`).
    ``batas_atas``: a target printed as ``<5%``; ``persen``: an input value printed with ``%``; ``huruf``: the
    indicator is scored in letter grades (a level: grades are never added up)."""
    jumlah = [x.alasan for x in bukti if x.jenis == "jumlah"]
    akhir = [x.alasan for x in bukti if x.jenis == "akhir"]
    turun = [x.alasan for x in bukti if x.jenis == "menurun"]
    naik = [x.alasan for x in bukti if x.jenis == "naik"]
    inti = inti_tebak(satuan or None, indikator or None, persen=persen)
    level = _level(satuan, inti)
    if turun and not jumlah and not naik:
        return M, f"menurun: {turun[0]}"
    if huruf:
        return NA, "nilai akhir: dinilai dengan huruf (AA … D)"
    if jumlah and not akhir:
        return K, f"kumulatif: {jumlah[0]}" + (f" walau satuannya '{satuan}'" if inti is not K else "")
    if batas_atas and not naik:
        return M, "menurun: target ditulis sebagai batas atas ('<')"
    if akhir and not jumlah:
        return level, f"{level.value}: {akhir[0]}" + (f" walau satuannya '{satuan}'" if inti is K and satuan else "")
    ragu = "; sumber menjumlahkan di satu tempat dan tidak di tempat lain, periksa" if jumlah and akhir else ""
    if inti is not K:
        tanpa_persen = inti_tebak(satuan or None, indikator or None)
        asal = "nilai bertanda %" if tanpa_persen is K else f"satuan '{satuan}'" if satuan else "nama indikator"
        return level, f"{level.value}: dari {asal}{ragu}"
    return K, (f"kumulatif: dari satuan '{satuan}'" if satuan else "kumulatif: tanpa satuan") + ragu
