"""Why a workbook held no form the checker knows, and whether it is a Data Induk instead.

A workbook without a recognised form must never read as "clean" (that is a false assurance): the
checker says what it looked for and, per sheet, what it saw instead.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from renja_xl.periksa.deteksi import Grid

__all__ = ["DICARI", "alasan_lembar", "alasan_buku", "adalah_data_induk"]

DICARI = ("E.81 (Permendagri 86/2017 atau Renja SKPD), T-C.29 (Tabel 2.1) dan T-C.33 (Tabel 4.1), dikenali "
          "dari baris nomor kolom (1 2 3 … 13) di bawah judul tabel, atau untuk E.81 dari judul kolom "
          "'Indikator', 'Target' dan 'Triwulan'")
_JUDUL = ("indikator", "target", "triwulan")
_NOMOR = re.compile(r"^\(?(\d{1,2})\)?$")


def _nomor_sel(v: object) -> int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return int(v) if float(v).is_integer() and 0 < v < 40 else None
    m = _NOMOR.match(str(v).strip()) if v is not None else None
    return int(m.group(1)) if m else None


def _baris_nomor_terbaik(grid: Grid) -> tuple[int, list[int]] | None:
    """The row that looks most like a numbering row (most small whole numbers), for the explanation."""
    terbaik: tuple[int, list[int]] | None = None
    for r in grid.baris_berisi(1, min(grid.max_row, 200)):
        angka = [n for c in range(1, grid.max_col + 1) if (n := _nomor_sel(grid.get(r, c).nilai)) is not None]
        if len(angka) >= 3 and (terbaik is None or len(angka) > len(terbaik[1])):
            terbaik = (r, angka)
    return terbaik


def alasan_lembar(grid: Grid) -> str:
    """One Indonesian sentence: why no form was recognised on this sheet."""
    if not grid.sel:
        return f"lembar '{grid.nama}' kosong"
    bagian = []
    nomor = _baris_nomor_terbaik(grid)
    if nomor is None:
        bagian.append("tidak ada baris nomor kolom (1 2 3 … 13)")
    else:
        r, angka = nomor
        daftar = " ".join(map(str, angka[:16])) + (" …" if len(angka) > 16 else "")
        bagian.append(f"baris {r} berisi nomor {daftar}, tetapi baris nomor kolom harus memuat sedikitnya 6 nomor "
                      "urut yang dimulai 1 2 3")
    teks = " ".join(grid.teks(r, c, isi_gabung=True).lower()
                    for r in grid.baris_berisi(1, min(grid.max_row, 60)) for c in range(1, grid.max_col + 1))
    hilang = [f"'{j.capitalize()}'" for j in _JUDUL if j not in teks]
    if hilang:
        bagian.append(f"judul kolom {', '.join(hilang)} tidak ditemukan")
    else:
        bagian.append("judul kolom 'Indikator', 'Target' dan 'Triwulan' ada, tetapi kolom 4, 7, 8 dan 12 E.81 "
                      "tidak dapat dipetakan dari judulnya")
    return f"lembar '{grid.nama}': " + "; ".join(bagian)


def alasan_buku(grids: list[Grid], lewati: frozenset[str] = frozenset()) -> list[str]:
    """The reason for every sheet (sheets in ``lewati``, e.g. renja-xl's own metadata, are left out)."""
    alasan = [alasan_lembar(g) for g in grids if g.nama not in lewati]
    return alasan or ["buku kerja tidak berisi lembar kerja"]


def adalah_data_induk(grids: list[Grid]) -> bool:
    """True for a renja-xl Data Induk: sheets *Info* and *Data*, Info's column A holding its labels."""
    from renja_xl.data_induk import LABEL_INFO, LEMBAR_DATA, LEMBAR_INFO, normal_judul

    nama = {g.nama: g for g in grids}
    if LEMBAR_INFO not in nama or LEMBAR_DATA not in nama:
        return False
    info = nama[LEMBAR_INFO]
    label = {normal_judul(x) for li in LABEL_INFO for x in (li.label, *li.alias)}
    ada = sum(1 for r in info.baris_berisi(1, min(info.max_row, 80)) if normal_judul(info.teks(r, 1)) in label)
    return ada >= 3
