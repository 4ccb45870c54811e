"""Native Excel formulas that reproduce ``renja_xl.capaian`` / ``renja_xl.predikat`` cell by cell.

Every formula works in Excel and LibreOffice without the add-in: only IF, ISNUMBER, COUNT, SUM, AVERAGE,
SUMIFS, COUNTIFS, VLOOKUP and MAX. Blank (``""``) instead of ``#DIV/0!``; ``""`` is text, so AVERAGE and
COUNT skip it — which is exactly the core's rule (no target: left out; target and no realisasi: 0).
"""

from __future__ import annotations

from collections.abc import Sequence

from renja_xl.capaian import JenisIndikator

__all__ = ["gabung", "capaian", "rata", "predikat", "jumlah_anak", "jumlah_daftar", "LEMBAR_SKALA", "rentang_skala"]

LEMBAR_SKALA = "Skala Predikat"
_ANGKA = '">-1E+307"'   # COUNTIFS criterion that matches numbers only (never text such as "")


def rentang_skala(n: int) -> tuple[str, str]:
    """(table, first threshold) of the scale sheet written with ``n`` bands from row 2."""
    return f"'{LEMBAR_SKALA}'!$A$2:$B${n + 1}", f"'{LEMBAR_SKALA}'!$A$2"


def _urut_terakhir(sel: Sequence[str]) -> str:
    """Nested IF(ISNUMBER()) giving the last filled cell of ``sel`` ("" when none)."""
    hasil = '""'
    for s in sel:
        hasil = f"IF(ISNUMBER({s}),{s},{hasil})"
    return hasil


def gabung(sel: Sequence[str], jenis: JenisIndikator) -> str:
    """Realisasi from several cells (quarters; or s.d. tahun lalu + tahun ini): kumulatif sums the filled
    ones, the level types take the last filled one; blank when none is filled."""
    daftar = ",".join(sel)
    if jenis is JenisIndikator.KUMULATIF:
        return f'=IF(COUNT({daftar})=0,"",SUM({daftar}))'
    return "=" + _urut_terakhir(sel)


def capaian(r: str, t: str, jenis: JenisIndikator) -> str:
    """Capaian in percent as ``capaian.capaian``: no/zero/negative target -> blank; target and no realisasi
    -> 0; menurun = target/realisasi (target 0 and realisasi 0 -> 100; realisasi 0 -> blank)."""
    if jenis is JenisIndikator.MENURUN:
        return (f'=IF(NOT(ISNUMBER({t})),"",IF({t}<0,"",IF({t}=0,IF(AND(ISNUMBER({r}),{r}=0),100,""),'
                f'IF(NOT(ISNUMBER({r})),0,IF({r}<=0,"",{t}/{r}*100)))))')
    return f'=IF(NOT(ISNUMBER({t})),"",IF({t}<=0,"",IF(NOT(ISNUMBER({r})),0,{r}/{t}*100)))'


def rata(rentang: str) -> str:
    """Mean of the numbers in a range (blank cells and "" left out); blank when there is none."""
    return f'=IF(COUNT({rentang})=0,"",AVERAGE({rentang}))'


def rata_jenis(nilai: str, jenis: str, kode: Sequence[str]) -> str:
    """Mean of ``nilai`` over the rows whose helper column holds one of ``kode`` (indicator rows only)."""
    jumlah = "+".join(f'SUMIFS({nilai},{jenis},"{k}")' for k in kode)
    banyak = "+".join(f'COUNTIFS({jenis},"{k}",{nilai},{_ANGKA})' for k in kode)
    return f'=IF(({banyak})=0,"",({jumlah})/({banyak}))'


def predikat(sel: str, n_skala: int) -> str:
    """Predikat word by approximate VLOOKUP on the visible, editable scale sheet (thresholds ascending)."""
    tabel, pertama = rentang_skala(n_skala)
    return f'=IF(ISNUMBER({sel}),VLOOKUP(MAX({sel},{pertama}),{tabel},2,TRUE),"")'


def jumlah_anak(nilai: str, jenis: str, kode: str) -> str:
    """Roll-up: sum of the child rows (helper column = ``kode``) in a range; blank when none has a number."""
    return f'=IF(COUNTIFS({jenis},"{kode}",{nilai},{_ANGKA})=0,"",SUMIFS({nilai},{jenis},"{kode}"))'


def jumlah_daftar(sel: Sequence[str]) -> str:
    """Sum of a few cells, blank when none is filled (Rp realisasi of a row = sum of its quarters)."""
    daftar = ",".join(sel)
    return f'=IF(COUNT({daftar})=0,"",SUM({daftar}))'
