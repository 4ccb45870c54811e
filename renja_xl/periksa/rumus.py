"""Formula checks: error values, a formula that breaks its column's pattern, a number typed over a formula.

A formula that differs from the rest of its column is the classic sign of a copy that went wrong; a number
typed where the other rows compute stops updating when the data change. Inputs are never "typed over": a
column the form derives by no rule (targets, realisasi, Rencana Aksi quarterly targets) holds what the user
typed — on a generated workbook every such value came from the Data Induk.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING

from openpyxl.formula.translate import Translator
from openpyxl.utils import column_index_from_string

from renja_xl.periksa.baris import INDIKATOR, ITEM, JUMLAH, LABEL, RATA, Baris
from renja_xl.periksa.nilai import teks_angka

if TYPE_CHECKING:
    from renja_xl.periksa.pemeriksa import Pemeriksa

__all__ = ["periksa", "r1c1", "geser_rumus"]

_REF = re.compile(r"(?<![A-Za-z_\d])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])")
_REF_KOLOM = re.compile(r"(?<![A-Za-z_])\$?([A-Z]{1,3})\$?\d+(?![\w(])")
_RUJUKAN_R1C1 = re.compile(r"R\[?-?\d+\]?C\[?-?\d+\]?")


def periksa(p: Pemeriksa) -> None:
    _galat(p)
    turunan = _kolom_turunan(p)
    grup: dict[str, list[Baris]] = defaultdict(list)
    for b in p.baris:
        if b.jenis in ITEM or b.jenis == INDIKATOR:
            grup["indikator" if b.jenis == INDIKATOR else b.jenis].append(b)
    for c in sorted(set(p.form.kolom.values())):
        for jenis, anggota in grup.items():
            _pola_kolom(p, c, jenis, anggota, c in turunan)


def _galat(p: Pemeriksa) -> None:
    galat = p.grid.sel_galat()
    if not galat:
        return
    rows = [b for b in p.baris if b.r in galat and (b.jenis in ITEM or b.jenis in (INDIKATOR, JUMLAH, RATA))]
    for b in rows:
        for c in galat[b.r]:
            s = p.grid.get(b.r, c)
            p.tambah(b.r, c, "rumus.galat", "salah",
                     f"Sel berisi galat {str(s.nilai).strip().upper()}" + (f" dari rumus {s.rumus}" if s.rumus else "")
                     + ".", ditemukan=p.ditemukan(b.r, c),
                     saran="Perbaiki rumusnya (mis. bungkus dengan IFERROR bila target bisa kosong).")


def _kolom_turunan(p: Pemeriksa) -> set[int]:
    """Columns the form derives by a printed rule (12 = 8+9+10+11, 14 = 13/5, …) and the money columns
    that parents roll up."""
    f = p.form
    hasil = {c for (n, _s), c in f.kolom.items() if n in f.aturan}
    return hasil | set(p.kol_uang())


def _pola_kolom(p: Pemeriksa, c: int, jenis: str, anggota: list[Baris], diturunkan: bool) -> None:
    rumus = {b.r: x for b in anggota if (x := p.grid.get(b.r, c).rumus)}
    if len(rumus) < 3:
        return
    rumus = {r: x for r, x in rumus.items() if not _jumlah_satu_kolom(x, c)}
    if len(rumus) < 3:
        return
    pola = {r: r1c1(x, r, c) for r, x in rumus.items()}
    umum, n_umum = Counter(pola.values()).most_common(1)[0]
    if n_umum >= 0.6 * len(pola) and n_umum >= 2:
        ref_umum = set(_RUJUKAN_R1C1.findall(umum))
        for r, x in pola.items():
            # same inputs, different expression (e.g. a falling-is-better capaian = target/realisasi):
            # a legitimate variant; the value checks judge it, not the pattern check
            if x != umum and set(_RUJUKAN_R1C1.findall(x)) != ref_umum:
                contoh = next(rr for rr, pp in pola.items() if pp == umum)
                p.tambah(r, c, "rumus.pola", "peringatan",
                         f"Rumus berbeda dari pola kolomnya (baris {LABEL.get(jenis, jenis)} lain memakai "
                         f"{rumus[contoh]} di baris {contoh}).",
                         ditemukan=rumus[r], seharusnya=geser_rumus(rumus[contoh], contoh, r))
    isi = [b for b in anggota if p.grid.get(b.r, c).nilai not in (None, "")]
    if len(rumus) < 2 / 3 * max(1, len(isi)):
        return
    for b in isi:
        s = p.grid.get(b.r, c)
        if s.rumus is not None or not isinstance(s.nilai, (int, float)):
            continue
        if not diturunkan and b.r in p.meta:
            continue      # an input the Data Induk gave (a typed Rencana Aksi target, a leaf's Rp)
        contoh = next(iter(rumus))
        p.tambah(b.r, c, "rumus.diketik", "peringatan",
                 f"Angka {teks_angka(float(s.nilai), 2)} diketik di kolom yang baris lainnya berumus "
                 f"(mis. {rumus[contoh]} di baris {contoh}); nilainya tidak ikut berubah bila data berubah.",
                 ditemukan=p.ditemukan(b.r, c), seharusnya=geser_rumus(rumus[contoh], contoh, b.r))


# Formulas of one column differ only in their row numbers, and a worker sees the same generated formulas in
# every file. Whether these patterns match never depends on which digit a digit is, so the references of a
# formula are found once per "shape" (its text with every digit 0) and only the numbers are read per formula.
_NOL = bytes.maketrans(b"123456789", b"000000000")   # bytes.translate: ~25x str.translate
_BENTUK_MAKS = 50_000
_KOLOM_BENTUK: dict[bytes, frozenset[int]] = {}
_R1C1_BENTUK: dict[bytes, tuple[tuple[tuple[int, int, bool, int, bool, int, int], ...], int]] = {}
_nomor_kolom = lru_cache(maxsize=4096)(column_index_from_string)   # column letters -> index


def _jumlah_satu_kolom(rumus: str, c: int) -> bool:
    """A roll-up formula (only references to its own column): its range is checked against the children."""
    teks = rumus.upper()
    bentuk = teks.encode("utf-8", "surrogatepass").translate(_NOL)
    kolom = _KOLOM_BENTUK.get(bentuk)
    if kolom is None:
        if len(_KOLOM_BENTUK) >= _BENTUK_MAKS:
            _KOLOM_BENTUK.clear()
        kolom = _KOLOM_BENTUK[bentuk] = frozenset(_nomor_kolom(k) for k in _REF_KOLOM.findall(teks))
    return len(kolom) == 1 and c in kolom


@lru_cache(maxsize=50_000)
def r1c1(rumus: str, r: int, c: int) -> str:
    """Relative form of a formula, so the same formula on different rows compares equal. Kept per cell and
    formula for the process: workbooks made from one template hold the same formula in the same cell (84 %
    of the formulas of 40 generated OPD workbooks), and a rekap worker checks thousands of them."""
    teks = rumus.upper().replace(" ", "")
    bentuk = teks.encode("utf-8", "surrogatepass").translate(_NOL)
    pola = _R1C1_BENTUK.get(bentuk)
    if pola is None:
        if len(_R1C1_BENTUK) >= _BENTUK_MAKS:
            _R1C1_BENTUK.clear()
        ref, awal = [], 0
        for m in _REF.finditer(teks):
            ref.append((awal, m.start(), bool(m.group(1)), _nomor_kolom(m.group(2)), bool(m.group(3)),
                        m.start(4), m.end(4)))
            awal = m.end()
        pola = _R1C1_BENTUK[bentuk] = (tuple(ref), awal)
    if not pola[0]:
        return teks
    out = []
    for t0, t1, d_kol, kol, d_bar, b0, b1 in pola[0]:
        bar = int(teks[b0:b1])
        out.append(teks[t0:t1])
        out.append((f"R{bar}" if d_bar else f"R[{bar - r}]") + (f"C{kol}" if d_kol else f"C[{kol - c}]"))
    out.append(teks[pola[1]:])
    return "".join(out)


def geser_rumus(rumus: str, dari: int, ke: int) -> str:
    """The formula of row ``dari`` moved to row ``ke`` (what the row should probably hold)."""
    try:
        return Translator(rumus, origin=f"A{dari}").translate_formula(f"A{ke}")
    except Exception:  # noqa: BLE001 - a formula openpyxl cannot tokenise is shown unmoved
        return rumus
