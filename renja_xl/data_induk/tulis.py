"""Writing a Data Induk: :class:`Info` and indicator rows into the template, the inverse of :mod:`.baca`.

The example (``renja-xl data-induk contoh``), the importer (``data-induk impor``), tests and the benchmark all
build their workbooks here, so whatever they write the reader reads back unchanged.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Sequence

from renja_xl.buku import simpan_bytes_atomik, tulis_teks
from renja_xl.capaian import JenisIndikator
from renja_xl.data_induk.model import (KOLOM_DATA, LABEL_INFO, LEMBAR_DATA, LEMBAR_INFO, BarisIndikator, Info,
                                       normal_judul)
from renja_xl.data_induk.templat import buat_templat, ke_bytes

__all__ = ["isi_buku", "simpan_data_induk"]


def isi_buku(wb: Any, info: Info, baris: Sequence[BarisIndikator]) -> None:
    """Write ``info`` and ``baris`` into a template workbook (labels and headers found by text).

    The rows' ``baris`` numbers are ignored (rows are written from the first row below the header, in order).
    An optional Info label the workbook lacks (an older template) is skipped."""
    ws = wb[LEMBAR_INFO]
    label = {normal_judul(ws.cell(r, 1).value): r for r in range(1, ws.max_row + 1)}
    for li in LABEL_INFO:
        r = label.get(normal_judul(li.label))
        if r is None:
            if li.wajib:
                raise KeyError(f"label Info '{li.label}' tidak ada di templat")
            continue
        v = getattr(info, li.kunci)
        if isinstance(v, str):
            tulis_teks(ws.cell(r, 2), v)
        else:
            ws.cell(r, 2).value = v

    ws = wb[LEMBAR_DATA]
    kolom = {normal_judul(ws.cell(1, c).value): c for c in range(1, ws.max_column + 1)}
    for r, b in enumerate(baris, start=2):
        for kol in KOLOM_DATA:
            c = kolom.get(normal_judul(kol.judul))
            if c is None:
                continue
            v = _nilai(b, kol.kunci)
            sel = ws.cell(r, c)
            if kol.jenis in ("kode", "teks", "jenis"):
                tulis_teks(sel, v if v else None)
            else:
                sel.value = None if v is None else (int(v) if kol.jenis == "rp" and float(v).is_integer() else v)


def _nilai(b: BarisIndikator, kunci: str) -> object:
    for awalan, atribut in (("tw_k", "tw_k"), ("tw_rp", "tw_rp"), ("target_tw", "target_tw_k")):
        if kunci.startswith(awalan) and kunci[len(awalan):].isdigit():
            return getattr(b, atribut)[int(kunci[len(awalan):]) - 1]
    v = getattr(b, kunci)
    return v.value if isinstance(v, JenisIndikator) else v


def simpan_data_induk(path: str | os.PathLike[str], info: Info, baris: Sequence[BarisIndikator], *,
                      timpa: bool = False) -> Path:
    """A filled Data Induk written to ``path`` atomically (never overwriting without ``timpa``)."""
    wb = buat_templat()
    isi_buku(wb, info, baris)
    return simpan_bytes_atomik(ke_bytes(wb), path, timpa=timpa)
