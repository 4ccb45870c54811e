"""Roll-ups: the Rp of a kegiatan, a program and the Jumlah row against the items under it.

A parent is compared with the sum (``capaian.jumlah``) of its children, each child taken as it should be
(a derived Rp the checker recomputed, a parent's own expected roll-up) and also as printed: a parent that
agrees with either is right, so a mistake is reported once, at the row that holds it — a blank or wrong
kegiatan is reported at the kegiatan, not again at its program whose own value is right.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from openpyxl.utils import column_index_from_string

from renja_xl.capaian import jumlah
from renja_xl.periksa.baris import ITEM, JUMLAH, KEGIATAN, LABEL, PROGRAM, SUB, URUTAN, Baris
from renja_xl.periksa.nilai import kapital, teks_angka

if TYPE_CHECKING:
    from renja_xl.periksa.pemeriksa import Pemeriksa

__all__ = ["periksa", "periksa_tingkat_baris", "pohon"]


def periksa_tingkat_baris(p: Pemeriksa) -> None:
    """A kegiatan row carrying a sub kegiatan code: its Rp is the sum of the sub kegiatan under it."""
    uang = p.kol_uang()
    kode_keg = {b.kode.normal for b in p.baris if b.jenis == KEGIATAN and b.kode and b.kode.normal}
    items = [b for b in p.baris if b.jenis in ITEM]
    for i, b in enumerate(items):
        if b.jenis != SUB or not b.kode or not b.kode.normal:
            continue
        induk = ".".join(b.kode.segmen[:5])
        if induk in kode_keg:
            continue
        anak = []
        for nb in items[i + 1:]:
            if nb.jenis == SUB and nb.kode and nb.kode.normal and nb.kode.normal.startswith(induk + "."):
                anak.append(nb)
            else:
                break
        if not anak or not uang:
            continue
        cocok = False
        for c in uang:
            v = p.nilai(b.r, c).nilai
            total = jumlah(p.nilai(a.r, c).nilai for a in anak)
            if v and total and abs(v - total) < 0.5:
                cocok = True
                break
        if cocok:
            b.jenis = KEGIATAN
            kode_keg.add(induk)
            p.tambah(b.r, b.kode_sel, "kode.tingkat_baris", "salah",
                     f"Baris ini adalah kegiatan (anggarannya = jumlah {len(anak)} sub kegiatan di bawahnya) "
                     f"tetapi memakai kode sub kegiatan {b.kode.normal}.",
                     seharusnya=induk, ditemukan=b.kode.asli, saran=f"Ganti kodenya menjadi {induk}.")


def pohon(p: Pemeriksa) -> tuple[dict[int, list[Baris]], list[tuple[Baris, list[Baris]]]]:
    """Children of each item (by order and level) and the Jumlah rows with the programs they cover."""
    anak: dict[int, list[Baris]] = defaultdict(list)
    jumlah_baris: list[tuple[Baris, list[Baris]]] = []
    stack: list[Baris] = []
    program_blok: list[Baris] = []
    terlihat: set = set()
    bidang_aktif = None
    for b in p.baris:
        if b.jenis == "bidang" and p.kunci(b)[1] != bidang_aktif:
            program_blok = []
            bidang_aktif = p.kunci(b)[1]
        if b.jenis == JUMLAH:
            jumlah_baris.append((b, program_blok))
            program_blok = []
            stack = []
            continue
        if b.jenis not in ITEM:
            continue
        kunci = p.kunci(b)
        if stack and stack[-1].jenis == b.jenis and kunci in terlihat and kunci[1] and p.kunci(stack[-1]) == kunci:
            continue    # the same item again (another indicator on its own row)
        terlihat.add(kunci)
        while stack and URUTAN[stack[-1].jenis] >= URUTAN[b.jenis]:
            stack.pop()
        if stack:
            anak[stack[-1].r].append(b)
        if b.jenis == PROGRAM:
            program_blok.append(b)
        stack.append(b)
    return anak, jumlah_baris


def periksa(p: Pemeriksa) -> None:
    anak, jumlah_baris = pohon(p)
    kol = p.kol_uang()
    harapan: dict[tuple[int, int], float | None] = {}

    def benar(b: Baris, c: int) -> float | None:
        """A child as it should be: recomputed, else its children's total, else as printed."""
        if (b.r, c) in p.benar:
            return p.benar[(b.r, c)]
        if (b.r, c) in harapan:
            return harapan[(b.r, c)]
        return p.nilai(b.r, c).nilai

    def jalan(induk: Baris) -> None:       # children first: a parent compares with its corrected children
        daftar = anak.get(induk.r)
        if not daftar:
            return
        for a in daftar:
            jalan(a)
        for c in kol:
            harapan[(induk.r, c)] = _satu(p, induk, daftar, c, p.nama_baris(induk),
                                          f"{LABEL.get(daftar[0].jenis, daftar[0].jenis)} di bawahnya", benar)

    try:
        akar = set(anak) - {a.r for d in anak.values() for a in d}
        for r in sorted(akar):
            jalan(p.by_r[r])
        for bj, programs in jumlah_baris:
            if programs:
                for c in kol:
                    _satu(p, bj, programs, c, "baris Jumlah", "program di atasnya", benar)
    finally:
        # the recursive closure refers to itself: left alone, it keeps the whole form (grid, values) alive
        # until the cyclic collector runs, which then costs more than the check
        del jalan


def _nomor(p: Pemeriksa, c: int) -> str:
    return next((f"kolom {n}{' ' + s if s else ''}" for (n, s), cc in p.form.kolom.items() if cc == c), "kolom")


def _satu(p: Pemeriksa, induk: Baris, anak: list[Baris], c: int, nama: str, nama_anak: str, benar) -> float | None:
    """Check one parent cell; returns the value it should hold (its children's corrected total)."""
    v = p.nilai(induk.r, c)
    sel = p.grid.get(induk.r, c)
    if sel.rumus:
        _periksa_rentang(p, induk, anak, c, sel.rumus)
    if v.jamak or v.teks:
        return v.nilai
    nilai_anak = [p.nilai(a.r, c) for a in anak]
    total = jumlah(benar(a, c) for a in anak)
    if v.nilai is None:
        lain = any(p.nilai(induk.r, cc).nilai for cc in p.kol_uang() if cc != c)
        if total is not None and abs(total) > 0.5 and induk.jenis in (PROGRAM, KEGIATAN) and lain and \
                not (sel.rumus and sel.nilai is None):
            p.tambah(induk.r, c, "rollup.kosong", "peringatan",
                     f"{kapital(nama)}, {_nomor(p, c)}: kosong, padahal {nama_anak} berjumlah {teks_angka(total, 0)}.",
                     seharusnya=teks_angka(total, 0), ditemukan=p.ditemukan(induk.r, c))
        return total
    if total is None or any(x.jamak or x.teks for x in nilai_anak):
        return v.nilai
    # the children as printed (a formula nobody calculated: as recomputed): a parent that agrees with them
    # is right, the wrong child is reported at its own row
    dicetak = jumlah(x.nilai if x.nilai is not None else p.benar.get((a.r, c)) for a, x in zip(anak, nilai_anak))
    if any(t is not None and abs(v.nilai - t) <= 0.5 + 1e-9 * abs(t) for t in (total, dicetak)):
        return total
    p.tambah(induk.r, c, "rollup.selisih", "salah",
             f"{kapital(nama)}, {_nomor(p, c)}: {teks_angka(v.nilai, 0)} tidak sama dengan jumlah {len(anak)} "
             f"{nama_anak} ({teks_angka(total, 0)}; selisih {teks_angka(v.nilai - total, 0)}).",
             seharusnya=teks_angka(total, 0), ditemukan=p.ditemukan(induk.r, c))
    return total


def _periksa_rentang(p: Pemeriksa, induk: Baris, anak: list[Baris], c: int, rumus: str) -> None:
    """A SUM whose range leaves out a child or takes in a row that is not one."""
    refs = re.findall(r"(?<![A-Za-z_])\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?![\w(])", rumus.upper())
    if not refs:
        return
    baris_ref: set[int] = set()
    for k1, r1, k2, r2 in refs:
        if column_index_from_string(k1) != c or (k2 and column_index_from_string(k2) != c):
            return
        a, z = int(r1), int(r2) if r2 else int(r1)
        baris_ref.update(range(min(a, z), max(a, z) + 1))
    harus = {a.r for a in anak}
    isi = {r for r in baris_ref if p.grid.get(r, c).nilai not in (None, "") or p.grid.get(r, c).rumus}
    lewat = sorted(harus - baris_ref)
    lebih = sorted(r for r in isi - harus if r != induk.r)
    if lewat or lebih:
        bag = []
        if lewat:
            bag.append("tidak menjumlah baris " + ", ".join(map(str, lewat)))
        if lebih:
            bag.append("ikut menjumlah baris " + ", ".join(map(str, lebih)))
        p.tambah(induk.r, c, "rumus.rentang", "salah",
                 f"Rumus jumlah pada {p.nama_baris(induk)} {' dan '.join(bag)}.",
                 ditemukan=rumus, seharusnya="baris " + ", ".join(str(a.r) for a in anak))
