"""The kinds of pemda and every way staff write them: one alias table for every command, function and reader.

Codes carry the pemda level in their 4th segment (1 provinsi, 2 kabupaten/kota), so the kind decides which
codes are right. Before this table the aliases were parsed in six places that disagreed ("propinsi" accepted
by one function and refused by two commands); everything now asks :func:`baca_pemda`.
"""

from __future__ import annotations

import re

__all__ = ["PROVINSI", "KABKOTA", "JENIS_PEMDA", "baca_pemda", "jenis_pemda_opsi", "digit_pemda", "CONTOH_ALIAS"]

PROVINSI = "provinsi"
KABKOTA = "kabupaten/kota"
JENIS_PEMDA = (PROVINSI, KABKOTA)

# keys are normalised by _kunci: lower case, without spaces, dots, dashes, slashes and underscores
_ALIAS: dict[str, str] = {
    "provinsi": PROVINSI, "propinsi": PROVINSI, "prov": PROVINSI, "prop": PROVINSI, "pemprov": PROVINSI,
    "pemerintahprovinsi": PROVINSI, "1": PROVINSI,
    "kabupatenkota": KABKOTA, "kabkota": KABKOTA, "kabkot": KABKOTA, "kabupaten": KABKOTA, "kota": KABKOTA,
    "kab": KABKOTA, "pemkab": KABKOTA, "pemkot": KABKOTA, "kabupatendankota": KABKOTA,
    "pemerintahkabupaten": KABKOTA, "pemerintahkota": KABKOTA, "2": KABKOTA,
}
CONTOH_ALIAS = "provinsi (prov, propinsi) atau kabkota (kab/kota, kabupaten, kota)"
_BUANG = re.compile(r"[\s./_\-]+")
_DIGIT = {PROVINSI: "1", KABKOTA: "2"}


def _kunci(teks: str) -> str:
    return _BUANG.sub("", teks.strip().lower())


def baca_pemda(teks: object) -> str | None:
    """``"provinsi"`` or ``"kabupaten/kota"`` for any alias staff write (``Kab/Kota``, ``propinsi``,
    ``KABKOT``, ``Pemerintah Kota``, ``Kabupaten Sambas``); None when the text names neither."""
    if teks is None:
        return None
    k = _kunci(str(teks))
    if not k:
        return None
    if k in _ALIAS:
        return _ALIAS[k]
    # a name: "Provinsi Kalimantan Barat", "Kota Pontianak", "Kabupaten Sambas"
    for awal, jenis in (("pemerintahprovinsi", PROVINSI), ("provinsi", PROVINSI), ("propinsi", PROVINSI),
                        ("pemerintahkabupaten", KABKOTA), ("pemerintahkota", KABKOTA), ("kabupaten", KABKOTA),
                        ("kota", KABKOTA), ("kab", KABKOTA), ("prov", PROVINSI)):
        if k.startswith(awal):
            return jenis
    return None


def jenis_pemda_opsi(teks: object, opsi: str = "--pemda") -> str | None:
    """A user's ``--pemda`` / function argument: None when blank, the kind when known, otherwise a
    ``GalatPengguna`` that lists what is accepted."""
    if teks is None or not str(teks).strip():
        return None
    j = baca_pemda(teks)
    if j is None:
        from renja_xl.galat import GalatPengguna

        raise GalatPengguna(f"{opsi} '{teks}' bukan jenis pemda yang dikenal.", saran=f"Pakai {CONTOH_ALIAS}.")
    return j


def digit_pemda(jenis: object) -> str | None:
    """The 4th code segment of a pemda kind: provinsi ``"1"``, kabupaten/kota ``"2"``; None when unknown."""
    j = baca_pemda(jenis)
    return _DIGIT.get(j) if j else None
