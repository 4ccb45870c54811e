"""Infer an indicator's type when the workbook does not state it, and say why, so the user confirms it once.

Printed forms carry no type. The best evidence is what the source itself did with the quarters: a column 12
that equals the sum of the quarters shows a flow (kumulatif), one that equals the last quarter a level; the
same for column 13 (= 6 + 12) and the T-C.29 column 10, and for Rencana Aksi targets that add up to the
annual target. Without it, a ``<`` bound or a lower-is-better name says menurun, and the core's unit rule
(:func:`renja_xl.capaian.tebak_jenis`) or the name decides between a level and a flow.
"""

from __future__ import annotations

import math
import re

from openpyxl.utils import get_column_letter
from collections.abc import Sequence

from renja_xl.angka import format_angka
from renja_xl.capaian import JenisIndikator
from renja_xl.capaian import tebak_jenis as inti_tebak
from renja_xl.impor_induk.model import BarisSumber, BacaanForm
from renja_xl.impor_induk.sel import angka_sel, bagian, sama_tercetak, satuan_cetak

__all__ = ["bukti_sumber", "tebak_jenis"]

K, P, NA, M = (JenisIndikator.KUMULATIF, JenisIndikator.PERSENTASE, JenisIndikator.NILAI_AKHIR,
               JenisIndikator.MENURUN)
_MENURUN_NAMA = re.compile(r"(?i)koefisien variasi|kemiskinan|pengangguran|inflasi|prevalensi|stunting|"
                           r"angka kematian|rasio gini|gini rasio|kriminalitas|angka kesakitan")
_PERSEN = re.compile(r"(?i)^\s*(%|persen|prosen|percent)")


def _bukti(bagian: Sequence[float | None], tercetak: tuple[float, float] | None, label: str
           ) -> tuple[str, str] | None:
    """('jumlah'|'akhir', reason) when the printed value is the sum or the last of ``bagian`` (to its
    printed digits) but not both."""
    isi = [v for v in bagian if v is not None]
    if tercetak is None or len(isi) < 2:
        return None
    p, u = tercetak
    jumlah, akhir = math.fsum(isi), isi[-1]
    ke_jumlah, ke_akhir = sama_tercetak(p, jumlah, u), sama_tercetak(p, akhir, u)
    if ke_jumlah and not ke_akhir:
        return "jumlah", f"{label} = jumlah ({format_angka(p)})"
    if ke_akhir and not ke_jumlah:
        return "akhir", f"{label} = nilai terakhir ({format_angka(p)})"
    return None


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
    n = x.nilai.get(kunci)
    return n.nilai if n is not None else None


def _arah(b: BacaanForm, x: BarisSumber) -> tuple[str, str] | None:
    """('menurun', reason) when the printed capaian is target / realisasi and not realisasi / target, ('naik',
    reason) the other way round."""
    for n in sorted(b.formulir.aturan):
        a = b.formulir.aturan[n]
        if a.jenis != "rasio" or (b.form == "tc29" and n == 8):
            continue
        p = _tercetak(b, x, n)
        r, t = _tercetak(b, x, a.operand[0]), _kolom_k(b, x, a.operand[1])
        if p is None or r is None or t is None or not r[0] or not t:
            continue
        naik, turun = r[0] / t * 100, t / r[0] * 100
        ke_turun, ke_naik = sama_tercetak(p[0], turun, p[1]), sama_tercetak(p[0], naik, p[1])
        if ke_turun and not ke_naik:
            return "menurun", f"{b.nama} '{b.grid.nama}' baris {x.baris}: kolom {n} = target / realisasi"
        if ke_naik and not ke_turun:
            return "naik", f"{b.nama} '{b.grid.nama}' baris {x.baris}: kolom {n} = realisasi / target"
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


def _rumus(b: BacaanForm, x: BarisSumber) -> list[tuple[str, str] | None]:
    """What the formulas of the row say: column 12 summing the quarters or taking the last one, a capaian
    dividing the target by the realisasi. Exact for a generated workbook, and for staff who use formulas."""
    hasil: list[tuple[str, str] | None] = []
    label = f"{b.nama} '{b.grid.nama}' baris {x.baris}"
    c12 = b.turunan.get((12, "K"))
    rumus = (b.grid.get(x.baris, c12).rumus or "").upper().replace("$", "") if c12 else ""
    tw = [ref for n in (8, 9, 10, 11) if (ref := _ref(b, x, n)) and re.search(rf"\b{ref}\b", rumus)]
    if rumus and tw:
        if "SUM(" in rumus or re.search(r"\b[A-Z]{1,3}\d+\s*\+\s*[A-Z]{1,3}\d+", rumus):
            hasil.append(("jumlah", f"{label}: rumus kolom 12 menjumlahkan triwulan"))
        elif "ISNUMBER(" in rumus or len(tw) == 1:
            hasil.append(("akhir", f"{label}: rumus kolom 12 mengambil triwulan terakhir"))
    for n, a in b.formulir.aturan.items():
        c = b.turunan.get((n, "K")) or b.turunan.get((n, None))
        rumus = (b.grid.get(x.baris, c).rumus or "").upper().replace("$", "") if c else ""
        r, t = _ref(b, x, a.operand[0]), _ref(b, x, a.operand[-1])
        if a.jenis == "rasio" and rumus and r and t and re.search(rf"\b{t}\s*/\s*{r}\b", rumus):
            hasil.append(("menurun", f"{label}: rumus kolom {n} = target / realisasi"))
    return hasil


def bukti_sumber(b: BacaanForm, x: BarisSumber) -> list[tuple[str, str]]:
    """What the source's printed figures show about this indicator: its quarters added up ('jumlah') or
    the last one taken ('akhir'), its capaian computed as target / realisasi ('menurun')."""
    label = f"{b.nama} '{b.grid.nama}' baris {x.baris}"
    hasil: list[tuple[str, str] | None] = _rumus(b, x)
    if b.form in ("e81", "e81-renja"):
        tw = [_v(x, f"tw_k{i}") for i in range(1, 5)]
        p12 = _tercetak(b, x, 12)
        n13 = 14 if b.form == "e81-renja" else 13
        hasil.append(_bukti(tw, p12, f"{label}: kolom 12") or _bukti(
            [_v(x, "realisasi_lalu_k"), p12[0] if p12 else None], _tercetak(b, x, n13),
            f"{label}: kolom {n13} (6 + 12)"))
        hasil.append(_arah(b, x))
    elif b.form == "tc29":
        hasil.append(_bukti([_v(x, "realisasi_lalu_k"), _v(x, "realisasi_tahun_k"), _v(x, "target_n1_k")],
                            _tercetak(b, x, 10), f"{label}: kolom 10 (5 + 7 + 9)"))
        hasil.append(_arah(b, x))
    elif b.form == "rencana-aksi":
        tw = [_v(x, f"target_tw{i}") for i in range(1, 5)]
        t = x.nilai.get("target_k")
        tahunan = (t.nilai, satuan_cetak(b.grid.get(x.baris, b.kolom["target_k"]))) if t and t.nilai is not None \
            else None
        hasil.append(_bukti(tw, tahunan, f"{label}: target tahunan dari target triwulan"))
    return [h for h in hasil if h]


def _level(satuan: str) -> JenisIndikator:
    """Which level type: persentase for a percent unit, nilai akhir for an index, a score, a value."""
    return P if _PERSEN.match(satuan or "") else NA


def tebak_jenis(satuan: str, indikator: str, bukti: Sequence[tuple[str, str]], batas_bawah: bool
                ) -> tuple[JenisIndikator, str]:
    """The type and the reason it was chosen (always a guess: the caller marks it "Perlu dicek"). The
    source's own evidence first; the unit and name rule is the core's (:func:`capaian.tebak_jenis`)."""
    jumlah = [r for k, r in bukti if k == "jumlah"]
    akhir = [r for k, r in bukti if k == "akhir"]
    turun = [r for k, r in bukti if k == "menurun"]
    naik = [r for k, r in bukti if k == "naik"]
    inti = inti_tebak(satuan or None, indikator or None)
    menurun_nama = bool(_MENURUN_NAMA.search(indikator or "")) and not naik
    if turun and not jumlah and not naik:
        return M, f"menurun: {turun[0]}"
    if jumlah and not akhir:
        return K, f"kumulatif: {jumlah[0]}" + (f" walau satuannya '{satuan}'" if inti is not K else "")
    if batas_bawah and not naik:
        return M, "menurun: target ditulis sebagai batas atas ('<')"
    if akhir and not jumlah:
        if menurun_nama:
            return M, f"menurun: nama indikator; {akhir[0]}"
        return _level(satuan), f"{_level(satuan).value}: {akhir[0]}"
    if menurun_nama:
        return M, "menurun: nama indikator (makin kecil makin baik)"
    if inti is not K:
        j = _level(satuan) if satuan else inti
        return j, f"{j.value}: dari {'satuan ' + repr(satuan) if satuan else 'nama indikator'}"
    if jumlah and akhir:
        return K, "kumulatif: sumber menjumlahkan di satu tempat dan tidak di tempat lain; periksa"
    return K, f"kumulatif: dari satuan '{satuan}'" if satuan else "kumulatif: tanpa satuan"
