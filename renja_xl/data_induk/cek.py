"""The check of a Data Induk at the source (``renja-xl data-induk cek``): every problem, located by cell.

It never raises for a bad workbook, so the CLI and ``periksa`` can list all findings in one go.
"""

from __future__ import annotations

import os
from pathlib import Path

from renja_xl.data_induk.baca import baca_dengan_masalah
from renja_xl.data_induk.model import Masalah
from renja_xl.galat import GalatPengguna

__all__ = ["periksa_data_induk"]


def periksa_data_induk(path: str | os.PathLike[str]) -> list[Masalah]:
    """Every problem in a Data Induk, without raising (an empty list means it reads cleanly).

    A file that cannot be opened at all comes back as one problem instead of an exception."""
    try:
        return baca_dengan_masalah(Path(path))[1]
    except GalatPengguna as e:
        return [Masalah(e.lembar or "", None, None, e.pesan, "data_induk.berkas")]
