"""Header years: an E.81 whose column headers or period line name another year than the one evaluated.

Malang's 2021 E.81 says 'Juni 2020' in its quarter headers (seeds-spec §5.10): the numbers are 2021's, the
headers were copied from last year's file.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from renja_xl.periksa.pemeriksa import Pemeriksa

__all__ = ["periksa"]


def periksa(p: Pemeriksa) -> None:
    """The year in the 'tahun berjalan' header (column 7) against the other headers and the title lines."""
    f = p.form
    if f.jenis != "E.81":
        return
    c7 = f.kol(7, "K")
    m = re.search(r"(?:tahun\D{0,20}|\()(20\d\d)", f.judul_kolom.get(c7, "").lower()) if c7 else None
    if not m:
        return
    tahun = int(m.group(1))
    harus = {6: tahun - 1, 8: tahun, 9: tahun, 10: tahun, 11: tahun, 12: tahun, 13: tahun}
    for n, th in harus.items():
        c = f.kol(n, "K")
        if c is None or (n == 13 and f.aturan.get(13) and f.aturan[13].jenis == "jumlah"):
            continue      # Pontianak's 13 is the Renstra end year
        for r in range(f.baris_awal, f.baris_nomor + (1 if f.tanpa_nomor else 0)):
            teks = p.grid.teks(r, c)
            lain = [int(y) for y in re.findall(r"\b(20\d\d)\b", teks) if int(y) != th]
            if lain and "renstra" not in teks.lower():
                p.tambah(r, c, "judul.tahun", "peringatan",
                         f"Judul kolom {n} menyebut tahun {lain[0]}, padahal tahun yang dievaluasi (kolom 7) "
                         f"{tahun}{' dan kolom 6 adalah tahun lalu' if n == 6 else ''}.",
                         seharusnya=str(th), ditemukan=teks[:120])
                break
    for r in range(1, f.baris_awal):
        for c in range(1, min(p.grid.max_col, 30) + 1):
            teks = p.grid.teks(r, c)
            if re.search(r"(?i)periode|triwulan", teks):
                lain = [int(y) for y in re.findall(r"\b(20\d\d)\b", teks) if int(y) != tahun]
                if lain:
                    p.tambah(r, c, "judul.tahun", "peringatan",
                             f"Judul menyebut periode tahun {lain[0]}, padahal kolom 7 mengevaluasi tahun {tahun}.",
                             seharusnya=str(tahun), ditemukan=teks[:120])
