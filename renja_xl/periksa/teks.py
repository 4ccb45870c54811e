"""Numbers typed as text and several values in one cell.

Excel cannot add ``"15.970.442.994"`` or ``"12 Bulan"``: a column of them silently drops out of every sum.
Several values in one cell are right only on a row that lists several indicators (``1. … 2. …``).
Many cells of one kind are reported as one finding per column, not one per cell.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter

if TYPE_CHECKING:
    from renja_xl.periksa.pemeriksa import Pemeriksa

__all__ = ["periksa"]

_BUKAN_ANGKA = ("lokasi", "sumber", "keterangan", "ket.", "penanggung", "catatan", "unit perangkat", "satuan")
_SARAN = "Ketik angkanya saja (tanpa satuan dan titik ribuan) dan taruh satuan di kolom Satuan."


def periksa(p: Pemeriksa) -> None:
    f = p.form
    teks_per_kol: dict[int, list[int]] = defaultdict(list)
    for (n, s), c in f.kolom.items():
        if c in (f.kol_kode, f.kol_uraian, f.kol_indikator, f.kol_satuan) or n < 4:
            continue
        judul = f.judul_kolom.get(c, "").lower()
        if any(w in judul for w in _BUKAN_ANGKA) and not any(w in judul for w in ("target", "realisasi", "pagu")):
            continue
        for b in p.item_rows():
            sel = p.grid.get(b.r, c)
            if not isinstance(sel.nilai, str) or sel.rumus:
                continue
            v = p.nilai(b.r, c)
            if v.galat:
                continue
            if v.teks and v.nilai is None and not v.jamak:
                p.tambah(b.r, c, "angka.bukan_angka", "peringatan",
                         f"Teks '{v.teks[:40]}' di kolom angka {n}{' ' + s if s else ''}; dihitung sebagai kosong.",
                         ditemukan=sel.nilai, saran="Pindahkan keterangan ke kolom Keterangan.")
                continue
            if v.jamak and not b.multi_indikator and not p.item(b).multi_indikator:
                p.tambah(b.r, c, "nilai.jamak", "peringatan",
                         f"Beberapa nilai dalam satu sel ({len(v.jamak)} nilai) padahal barisnya satu indikator.",
                         ditemukan=sel.nilai, saran="Pecah menjadi satu indikator per baris.")
            if v.angka_teks or v.jamak:
                teks_per_kol[c].append(b.r)
    banyak = {c: rows for c, rows in teks_per_kol.items() if len(rows) > 3}
    if len(banyak) > 3:
        semua = sum(len(r) for r in banyak.values())
        c0 = min(banyak)
        r0 = banyak[c0][0]
        p.tambah(r0, c0, "angka.teks", "peringatan",
                 f"{semua} sel di kolom {', '.join(get_column_letter(c) for c in sorted(banyak))} berisi angka yang "
                 f"diketik sebagai teks (mis. '{p.grid.teks(r0, c0)}'); Excel tidak bisa menjumlahkan atau "
                 "menghitung ulang angka-angka ini.", ditemukan=p.grid.teks(r0, c0), saran=_SARAN)
        teks_per_kol = {c: r for c, r in teks_per_kol.items() if c not in banyak}
    # one finding per cell here; periksa.kelompok merges a column's cells into one finding listing them
    for c, rows in teks_per_kol.items():
        for r in rows:
            p.tambah(r, c, "angka.teks", "peringatan", "Angka diketik sebagai teks; Excel tidak bisa menjumlahkannya.",
                     ditemukan=p.grid.teks(r, c), saran=_SARAN)
