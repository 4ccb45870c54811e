"""A finding (temuan): the common currency of code parsing, nomenclature validation and the checker."""

from __future__ import annotations

from dataclasses import dataclass, field, asdict
from typing import Literal

from renja_xl.dataklas import init_cepat

Tingkat = Literal["salah", "peringatan", "info"]


@init_cepat
@dataclass(frozen=True)
class Temuan:
    """One thing found wrong (or worth a warning), with a message in Bahasa Indonesia.

    ``jenis`` is a stable machine key (e.g. ``"kode.format"``, ``"capaian.salah"``) that scripts and
    tests match on; ``pesan`` is for people; ``saran`` is the fix when one is clear.
    """

    jenis: str
    tingkat: Tingkat
    pesan: str
    saran: str | None = None
    seharusnya: str | None = None
    ditemukan: str | None = None
    data: dict = field(default_factory=dict, compare=False, hash=False)

    def ke_dict(self) -> dict:
        """A JSON-ready dict (the ``data`` extras are kept only when present)."""
        d = asdict(self)
        if not d["data"]:
            d.pop("data")
        return d
