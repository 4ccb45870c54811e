"""The state of one form under check, shared by the finding families.

Each family is one module with a function ``periksa(p: Pemeriksa)`` that reads cells through this state and
asks the core for every expected value: ``turunan`` (derived columns 12, 13, 14, T-C.29 8/10/11), ``rollup``
(Rp of kegiatan/program/Jumlah against their children, a kegiatan row with a sub kegiatan code), ``rata``
(rata-rata and predikat rows), ``rumus`` (error values, pattern breaks, typed-over formulas), ``teks``
(numbers typed as text, several values in one cell), ``judul`` (header years). Codes and cross-table
consistency live in ``kode_cek``.

The indicator type of a row decides how its quarters add up and which direction is good; it is taken, in this
order, from the workbook's own description (``_renja_xl``, see ``asal``), a "Jenis indikator" column, and only
then guessed from the unit and the name (``capaian.tebak_jenis``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from renja_xl.capaian import JenisIndikator, satuan_dari_indikator, tebak_jenis
from renja_xl.meta import BarisMeta
from renja_xl.periksa import judul, rata, rollup, rumus, teks, turunan
from renja_xl.periksa.baris import INDIKATOR, ITEM, LABEL, Baris
from renja_xl.periksa.deteksi import Formulir, Grid, alamat
from renja_xl.periksa.hasil import TemuanSel
from renja_xl.periksa.nilai import KOSONG, Nilai, baca_nilai_sel, elemen, kosong, teks_tampil
from renja_xl.temuan import Temuan

__all__ = ["Pemeriksa", "KELUARGA"]

# the finding families in the order they run: a kegiatan row with a sub kegiatan code is re-classified
# before anything sums it; derived values are recomputed before roll-ups and averages use them
KELUARGA = (rollup.periksa_tingkat_baris, turunan.periksa, rollup.periksa, rata.periksa, rumus.periksa,
            teks.periksa, judul.periksa)


@dataclass
class Pemeriksa:
    """One form of one sheet: its cells, classified rows, what was recomputed, and the findings so far."""

    berkas: str
    grid: Grid
    form: Formulir
    baris: list[Baris]
    jenis_pemda: str | None = None
    meta: dict[int, BarisMeta] = field(default_factory=dict)      # sheet row -> generator's description
    temuan: list[TemuanSel] = field(default_factory=list)
    _sudah: set = field(default_factory=set)
    # (row, "K"/"Rp"/None) -> the recomputed capaian of each value in the last capaian column
    capaian: dict[tuple[int, str | None], list[float | None]] = field(default_factory=dict)
    # the same, as printed: a rata-rata that agrees with the printed capaian is not where a wrong one is
    capaian_cetak: dict[tuple[int, str | None], list[float]] = field(default_factory=dict)
    benar: dict[tuple[int, int], float] = field(default_factory=dict)   # (row, col) -> recomputed value
    # every rule reads the same cells again (a row's K and Rp feed derived, roll-up and average checks):
    # each cell is parsed once; Nilai is frozen, so sharing it is safe
    _nilai_sel: dict[tuple[int, int], Nilai] = field(default_factory=dict)
    _jenis: dict[int, tuple[JenisIndikator, bool]] = field(default_factory=dict)
    _nilai_nomor: dict[tuple[int, int, str | None], tuple[Nilai, int | None]] = field(default_factory=dict)
    _kol_nomor: dict[tuple[int, str | None], tuple] = field(default_factory=dict)   # (n, s) -> columns

    def __post_init__(self) -> None:
        self.by_r = {b.r: b for b in self.baris}
        self._peta_item: dict[int, list[int]] | None = None
        self._uang: list[int] | None = None

    # ---------------------------------------------------------------------------------------- findings
    def tambah(self, r: int | None, c: int | None, jenis: str, tingkat: str, pesan: str, *,
               seharusnya: str | None = None, ditemukan: str | None = None, saran: str | None = None) -> None:
        sel = alamat(r, c) if r and c else None
        key = (sel, jenis, pesan)
        if key in self._sudah:
            return
        self._sudah.add(key)
        rumus = self.grid.get(r, c).rumus if (r and c and ditemukan is not None) else None
        t = Temuan(jenis, tingkat, pesan, saran=saran, seharusnya=seharusnya,  # type: ignore[arg-type]
                   ditemukan=ditemukan, data={"rumus": rumus} if rumus else {})
        self.temuan.append(TemuanSel(self.berkas, self.grid.nama, sel, t))

    def ditemukan(self, r: int, c: int) -> str:
        """The cell's value as displayed (Indonesian notation); its formula, if any, goes to the
        finding's ``data["rumus"]`` (see :meth:`tambah`), shown as a note in the report."""
        s = self.grid.get(r, c)
        return teks_tampil(s.nilai, s.format)

    # ---------------------------------------------------------------------------------------- cells
    def nilai(self, r: int, c: int | None) -> Nilai:
        if c is None:
            return KOSONG
        n = self._nilai_sel.get((r, c))
        if n is None:
            s = self.grid.sel.get((r, c))
            n = self._nilai_sel[(r, c)] = KOSONG if s is None else baca_nilai_sel(s.nilai, s.format)
        return n

    def nilai_nomor(self, r: int, n: int, s: str | None) -> tuple[Nilai, int | None]:
        """Value of numbered column ``n`` (sub ``s``) on row r, and the cell it was read from. A K/Rp pair
        printed in one cell ("61% 24%" in K, Rp empty) is read as K = first, Rp = second value. Every rule
        asks for the same operands again (cells never change while a form is checked): kept per (r, n, s)."""
        kunci = (r, n, s)
        hasil = self._nilai_nomor.get(kunci)
        if hasil is None:
            hasil = self._nilai_nomor[kunci] = self._cari_nilai_nomor(r, n, s)
        return hasil

    def _cari_nilai_nomor(self, r: int, n: int, s: str | None) -> tuple[Nilai, int | None]:
        kol = self._kol_nomor.get((n, s))
        if kol is None:
            f = self.form
            c = f.kol(n, s)
            ck, crp = f.kol(n, "K"), f.kol(n, "Rp")
            kol = self._kol_nomor[(n, s)] = (c, ck, crp, bool(s in ("K", "Rp") and ck and crp and ck != crp))
        c, ck, crp, pasangan = kol
        if c is None:
            return KOSONG, None
        if pasangan:
            vk = self.nilai(r, ck)
            if len(vk.jamak) == 2 and all(x.persen for x in vk.jamak) and kosong(self.nilai(r, crp)):
                b = self.by_r.get(r)
                if not (b and (b.multi_indikator or self.by_r.get(b.item or r, b).multi_indikator)) \
                        and not self._dua_indikator(r):
                    return (vk.jamak[0] if s == "K" else vk.jamak[1]), ck
            if c == ck:
                return vk, c        # the cell just read (what nilai(r, c) returns from its memo)
        return self.nilai(r, c), c

    def _dua_indikator(self, r: int) -> bool:
        """Row r's K inputs hold two values each ("83 Persen 100 Persen"): two capaian in one K cell are then
        one per indicator, not a K and an Rp capaian printed together."""
        return any(len(self.nilai(r, c).jamak) == 2 for c in self._kolom_masukan())

    # ---------------------------------------------------------------------------------------- rows
    def item_rows(self) -> list[Baris]:
        return [b for b in self.baris if b.jenis in ITEM or b.jenis == INDIKATOR]

    def item(self, b: Baris) -> Baris:
        """The row that starts the item ``b`` belongs to (itself for an item row)."""
        return self.by_r.get(b.item or b.r, b)

    def nama_baris(self, b: Baris) -> str:
        item = self.item(b)
        label = LABEL.get(item.jenis, item.jenis)
        kode = item.kode.normal or item.kode.asli if item.kode else ""
        nama = (item.nama or "")[:60]
        return f"{label} {kode} {nama}".replace("  ", " ").strip()

    def baris_item(self) -> dict[int, list[int]]:
        """Item row -> its own row and its indicator rows, in sheet order (built once: the averages of a
        form look this up for every item of every block, which was quadratic in the number of rows)."""
        if self._peta_item is None:
            peta: dict[int, list[int]] = {}
            for bb in self.baris:
                peta.setdefault(bb.r, []).append(bb.r)
                if bb.jenis == INDIKATOR and bb.item is not None and bb.item != bb.r:
                    peta.setdefault(bb.item, []).append(bb.r)
            self._peta_item = peta
        return self._peta_item

    def kunci(self, b: Baris) -> tuple:
        """An item's identity: its code, else its name (the same item printed again on the next row)."""
        return (b.jenis, b.kode.normal if b.kode and b.kode.normal else re.sub(r"\W+", " ", b.nama.lower()).strip())

    def kol_uang(self) -> list[int]:
        """The money columns: pagu columns (T-C.33) or every Rp column that is not a ratio (worked out once
        per form: the roll-up asks for every parent cell)."""
        if self._uang is None:
            f = self.form
            if f.kol_uang:
                self._uang = list(f.kol_uang)
            else:
                self._uang = [c for (n, s), c in sorted(f.kolom.items(), key=lambda x: x[1])
                              if s == "Rp" and not ((a := f.aturan.get(n)) and a.jenis == "rasio")]
        return list(self._uang)

    # ---------------------------------------------------------------------------------------- types
    def jenis(self, b: Baris) -> tuple[JenisIndikator, bool]:
        """The row's indicator type and whether it is known (True) or guessed from unit and name (False)."""
        hasil = self._jenis.get(b.r)
        if hasil is None:
            hasil = self._jenis[b.r] = self._cari_jenis(b)
        return hasil

    def _cari_jenis(self, b: Baris) -> tuple[JenisIndikator, bool]:
        m = self.meta.get(b.r)
        if m is not None and m.jenis_indikator is not None:
            return m.jenis_indikator, True
        item = self.item(b)
        j = JenisIndikator.dari_teks(b.jenis_indikator or item.jenis_indikator or None)
        if j is not None:
            return j, True
        indikator = b.indikator or item.indikator
        satuan = b.satuan or satuan_dari_indikator(indikator)
        persen = False
        for c in self._kolom_masukan():
            for v in elemen(self.nilai(b.r, c)):
                persen = persen or v.persen
                if not satuan and v.satuan and v.satuan != "%":
                    satuan = v.satuan
            if persen:
                break
        return tebak_jenis(satuan, indikator, persen=persen), False

    def _kolom_masukan(self) -> list[int]:
        """The K columns the derived cells are computed from (read anyway): their values may carry the
        unit. Never Rp, never a capaian (always %)."""
        cache = getattr(self, "_masukan", None)
        if cache is None:
            f = self.form
            operand = {n for a in f.aturan.values() for n in a.operand}
            lewat = {f.kol_kode, f.kol_uraian, f.kol_indikator, f.kol_satuan, *f.kol_uang}
            cache = sorted(c for (n, s), c in f.kolom.items() if s != "Rp" and n in operand and c not in lewat
                           and not (f.aturan.get(n) and f.aturan[n].jenis == "rasio"))
            self._masukan = cache
        return cache

    # ---------------------------------------------------------------------------------------- run
    def jalankan(self) -> list[TemuanSel]:
        for periksa in KELUARGA:
            periksa(self)
        return self.temuan
