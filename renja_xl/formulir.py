"""The forms renja-xl knows, once: their command-line key, printed label, template file and the names staff
write for them (``e81``, ``E.81``, ``e.81``, ``tc29``, ``T-C.29``, ``Tabel 2.1``).

The generator, the command line and the macros take their form list from here, so a form added or renamed
is added or renamed everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Formulir", "FORMULIR", "baca_form", "DAFTAR_FORM"]


@dataclass(frozen=True)
class Formulir:
    """One generated form: ``kunci`` (command line), ``label`` (sheet title), ``templat`` (file stem in
    ``templates/``), ``alias`` (normalised names staff use)."""

    kunci: str
    label: str
    templat: str
    alias: tuple[str, ...] = ()


FORMULIR: dict[str, Formulir] = {f.kunci: f for f in (
    Formulir("e81", "E.81", "e81", ("e81", "formulire81", "evaluasirenja", "evaluasihasilrenja")),
    Formulir("e81-renja", "E.81 Renja", "e81_renja", ("e81renja", "e8117", "e81renjaskpd", "e81skpd")),
    Formulir("tc29", "T-C.29", "tc29", ("tc29", "tabeltc29", "tabel21", "tabel2.1")),
    Formulir("tc33", "T-C.33", "tc33", ("tc33", "tabeltc33", "tabel41", "tabel4.1")),
    Formulir("rencana-aksi", "Rencana Aksi", "rencana_aksi", ("rencanaaksi", "renaksi", "ra")),
)}
DAFTAR_FORM = ", ".join(FORMULIR)
_BUANG = re.compile(r"[\s._\-/]+")


def _kunci(teks: str) -> str:
    return _BUANG.sub("", teks.strip().lower())


def baca_form(teks: object) -> str:
    """The form key for any name staff write (``E.81`` -> ``e81``, ``T-C.29`` -> ``tc29``); a
    ``GalatPengguna`` listing the forms when the name is unknown."""
    k = _kunci(str(teks or ""))
    for f in FORMULIR.values():
        if k == _kunci(f.kunci) or k == _kunci(f.label) or k in (_kunci(a) for a in f.alias):
            return f.kunci
    from renja_xl.galat import GalatPengguna

    raise GalatPengguna(f"formulir '{teks}' tidak dikenal.", saran=f"Pilih salah satu: {DAFTAR_FORM}.")
