"""Generated workbooks for the checker's tests: made from a Data Induk, self-described, recalculated.

``pastikan_meta`` gives a generated workbook its ``_renja_xl`` sheet (format: ``renja_xl.meta``). When the
generator writes that sheet itself it is kept as written; otherwise it is built here from the generator's
helper column A (PRG/KEG/SUB/LNJ, one row per indicator in ``DataInduk.pohon()`` order), so the checker's
reading side can be tested while the writing side lands.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl.workbook.workbook import Workbook

from renja_xl.data_induk import BarisIndikator, DataInduk, NodePohon
from renja_xl.meta import LEMBAR_META, BarisMeta, ke_baris

_JENIS_BARIS = {"PRG": "program", "KEG": "kegiatan", "SUB": "sub_kegiatan", "LNJ": "lanjutan"}


def urutan(data: DataInduk) -> Iterator[tuple[NodePohon, BarisIndikator | None, int]]:
    """Body rows in the generator's order: (node, indicator or None, its index within the node)."""
    def jalan(n: NodePohon) -> Iterator[tuple[NodePohon, BarisIndikator | None, int]]:
        for j, b in enumerate(n.baris or [None]):
            yield n, b, j
        for a in n.anak:
            yield from jalan(a)
    for p in data.pohon():
        yield from jalan(p)


def meta_dari_kolom_bantu(wb: Workbook, data: DataInduk) -> list[BarisMeta]:
    """What the generator knows about each body row, recovered from its helper column."""
    urut = list(urutan(data))
    hasil: list[BarisMeta] = []
    for ws in wb.worksheets:
        kode = [(c.row, c.value) for c in ws["A"] if c.value in _JENIS_BARIS]
        if not kode:
            continue
        assert len(kode) == len(urut), (ws.title, len(kode), len(urut))
        for (r, k), (n, b, j) in zip(kode, urut):
            hasil.append(BarisMeta(ws.title, r, _JENIS_BARIS[k], n.kode, j, b.jenis if b else None,
                                   b.baris if b else None, b.satuan if b else "", b.indikator if b else ""))
    return hasil


def pastikan_meta(wb: Workbook, data: DataInduk) -> bool:
    """Add the ``_renja_xl`` sheet unless the generator wrote one; True when it was already there."""
    if LEMBAR_META in wb.sheetnames:
        return True
    baris = ke_baris(meta_dari_kolom_bantu(wb, data))
    ws = wb.create_sheet(LEMBAR_META)
    for row in baris:
        ws.append(row)
    ws.sheet_state = "veryHidden"
    return False


def buat_dihitung(kasus: dict[str, Workbook], folder: Path) -> tuple[dict[str, Path], dict[str, dict[str, Any]]]:
    """Save each workbook, recalculate all in one LibreOffice run; the recalculated files and their values."""
    from renja_xl.libreoffice import hitung_ulang

    folder.mkdir(parents=True, exist_ok=True)
    asli, hasil = [], []
    for nama, wb in kasus.items():
        p = folder / f"{nama}.xlsx"
        wb.save(p)
        asli.append(p)
        hasil.append(folder / f"{nama}_lo.xlsx")
    nilai = hitung_ulang(asli, simpan_ke=hasil)
    return dict(zip(kasus, hasil)), dict(zip(kasus, nilai))
