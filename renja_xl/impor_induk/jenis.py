"""Infer an indicator's type when the workbook does not state it, and say why, so the user confirms it once.

Printed forms carry no type. The best evidence is what the source itself did with the quarters: a column 12
that equals the sum of the quarters shows a flow (kumulatif), one that equals the last quarter a level; the
same for column 13 (= 6 + 12) and the T-C.29 column 10, and for Rencana Aksi targets that add up to the
annual target. Without it, a ``<`` bound or a lower-is-better name says menurun, and the core's unit rule
(:func:`renja_xl.capaian.jenis_dari_satuan`) or the name decides between a level and a flow.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from renja_xl.angka import format_angka
from renja_xl.capaian import JenisIndikator, jenis_dari_satuan
from renja_xl.impor_induk.model import BarisSumber, BacaanForm
from renja_xl.impor_induk.sel import angka_sel, bagian, sama_tercetak, satuan_cetak

__all__ = ["bukti_sumber", "tebak_jenis"]

K, P, NA, M = (JenisIndikator.KUMULATIF, JenisIndikator.PERSENTASE, JenisIndikator.NILAI_AKHIR,
               JenisIndikator.MENURUN)
_LEVEL_NAMA = re.compile(r"(?i)^\W*(persentase|prosentase|presentase|percentase|rasio|indeks|index|nilai|tingkat|"
                         r"koefisien|rata-rata|proporsi|skor|opini|predikat)\b")
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


def bukti_sumber(b: BacaanForm, x: BarisSumber) -> tuple[str, str] | None:
    """How this source row adds up its quarters, if its printed figures show it."""
    if b.form in ("e81", "e81-renja"):
        tw = [_v(x, f"tw_k{i}") for i in range(1, 5)]
        hasil = _bukti(tw, _tercetak(b, x, 12), f"{b.nama} '{b.grid.nama}' baris {x.baris}: kolom 12")
        if hasil:
            return hasil
        n13 = 14 if b.form == "e81-renja" else 13
        p12 = _tercetak(b, x, 12)
        return _bukti([_v(x, "realisasi_lalu_k"), p12[0] if p12 else None], _tercetak(b, x, n13),
                      f"{b.nama} '{b.grid.nama}' baris {x.baris}: kolom {n13} (6 + 12)")
    if b.form == "tc29":
        return _bukti([_v(x, "realisasi_lalu_k"), _v(x, "realisasi_tahun_k"), _v(x, "target_n1_k")],
                      _tercetak(b, x, 10), f"{b.nama} '{b.grid.nama}' baris {x.baris}: kolom 10 (5 + 7 + 9)")
    if b.form == "rencana-aksi":
        tw = [_v(x, f"target_tw{i}") for i in range(1, 5)]
        t = x.nilai.get("target_k")
        tahunan = (t.nilai, satuan_cetak(b.grid.get(x.baris, b.kolom["target_k"]))) if t and t.nilai is not None \
            else None
        return _bukti(tw, tahunan, f"{b.nama} '{b.grid.nama}' baris {x.baris}: target tahunan "
                                             "dari target triwulan")
    return None


def _level(satuan: str, indikator: str) -> JenisIndikator:
    return P if _PERSEN.match(satuan or "") or (not satuan and re.match(r"(?i)\W*p[er]r?[os]entase", indikator)) \
        else NA


def tebak_jenis(satuan: str, indikator: str, bukti: Sequence[tuple[str, str]], batas_bawah: bool
                ) -> tuple[JenisIndikator, str]:
    """The type and the reason it was chosen (always a guess: the caller marks it "Perlu dicek")."""
    jumlah = [r for k, r in bukti if k == "jumlah"]
    akhir = [r for k, r in bukti if k == "akhir"]
    menurun_nama = bool(_MENURUN_NAMA.search(indikator or ""))
    if jumlah and not akhir:
        sebab = f"kumulatif: {jumlah[0]}"
        if jenis_dari_satuan(satuan or None) is not K:
            sebab += f" walau satuannya '{satuan}'"
        return K, sebab
    if batas_bawah:
        return M, "menurun: target ditulis sebagai batas atas ('<')"
    if akhir and not jumlah:
        if menurun_nama:
            return M, f"menurun: nama indikator; {akhir[0]}"
        return _level(satuan, indikator), f"{_level(satuan, indikator).value}: {akhir[0]}"
    if menurun_nama:
        return M, "menurun: nama indikator (makin kecil makin baik)"
    if jenis_dari_satuan(satuan or None) is not K:
        j = _level(satuan, indikator)
        return j, f"{j.value}: dari satuan '{satuan}'"
    if not satuan and _LEVEL_NAMA.match(indikator or ""):
        j = _level(satuan, indikator)
        return j, f"{j.value}: dari nama indikator"
    if jumlah and akhir:
        return K, "kumulatif: sumber menjumlahkan di satu tempat dan tidak di tempat lain; periksa"
    return K, f"kumulatif: dari satuan '{satuan}'" if satuan else "kumulatif: tanpa satuan"
