"""What a generated workbook says about itself: per form row, its indicator type and the Data Induk row it came from.

Printed forms carry no indicator type, so a checker that reads them back must guess it from the unit and the
indicator's name — and a count can be lower-is-better, an index is a level. The generator therefore writes a
hidden sheet (``_renja_xl``, state ``veryHidden``, which survives an Excel save) with one row per generated
form row; the checker and the importer read it first and guess only for workbooks made by hand. This module is
the format, both ways, on plain rows of cell values — no Excel I/O.

Format (row 1 is the header, exactly ``KOLOM``; one row per generated row of every form sheet):
``lembar`` sheet title · ``baris`` sheet row (int) · ``jenis_baris`` row kind (``program``, ``kegiatan``,
``sub_kegiatan``, ``lanjutan``, ``rata_program``, ``predikat_program``, ``jumlah``, ``rata_opd``,
``predikat_opd``) · ``kode`` normalised code · ``urut_indikator`` 0-based indicator index within its node
(blank on footer rows) · ``jenis_indikator`` ``kumulatif`` | ``persentase`` | ``nilai akhir`` | ``menurun``
(blank when the row has no indicator) · ``baris_data_induk`` row of sheet *Data* in the Data Induk (blank when
none) · ``satuan`` · ``indikator``.
Workbook custom properties: ``renja_xl_meta`` = ``FORMAT``, ``renja_xl_versi``, ``renja_xl_data_induk`` (file name).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from renja_xl.capaian import JenisIndikator

__all__ = ["LEMBAR_META", "KOLOM", "FORMAT", "PROP_FORMAT", "PROP_VERSI", "PROP_DATA_INDUK", "BarisMeta",
           "ke_baris", "dari_baris"]

LEMBAR_META = "_renja_xl"
FORMAT = "1"
PROP_FORMAT, PROP_VERSI, PROP_DATA_INDUK = "renja_xl_meta", "renja_xl_versi", "renja_xl_data_induk"
KOLOM = ("lembar", "baris", "jenis_baris", "kode", "urut_indikator", "jenis_indikator", "baris_data_induk",
         "satuan", "indikator")


@dataclass(frozen=True)
class BarisMeta:
    """One generated form row as the generator knew it."""

    lembar: str
    baris: int
    jenis_baris: str
    kode: str = ""
    urut_indikator: int | None = None
    jenis_indikator: JenisIndikator | None = None
    baris_data_induk: int | None = None
    satuan: str = ""
    indikator: str = ""


def ke_baris(meta: Iterable[BarisMeta]) -> list[list[object]]:
    """The sheet's rows, header first (what the generator writes)."""
    hasil: list[list[object]] = [list(KOLOM)]
    for m in meta:
        hasil.append([m.lembar, m.baris, m.jenis_baris, m.kode, m.urut_indikator,
                      m.jenis_indikator.value if m.jenis_indikator else None, m.baris_data_induk, m.satuan,
                      m.indikator])
    return hasil


def _int(v: object) -> int | None:
    if isinstance(v, bool) or v is None or v == "":
        return None
    try:
        f = float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return int(f) if f.is_integer() else None


def dari_baris(rows: Sequence[Sequence[object]]) -> dict[tuple[str, int], BarisMeta]:
    """Rows of a ``_renja_xl`` sheet as ``{(lembar, baris): BarisMeta}``. A sheet whose header is not
    ``KOLOM`` (another tool's, an older format) gives an empty map: the reader then guesses as for a
    hand-made workbook. Rows that do not parse are skipped, never guessed."""
    if not rows:
        return {}
    kepala = [str(v).strip() if v is not None else "" for v in rows[0]]
    if tuple(kepala[:len(KOLOM)]) != KOLOM:
        return {}
    hasil: dict[tuple[str, int], BarisMeta] = {}
    for r in rows[1:]:
        r = list(r) + [None] * (len(KOLOM) - len(r))
        lembar, baris = r[0], _int(r[1])
        if not isinstance(lembar, str) or not lembar or baris is None:
            continue
        jenis = JenisIndikator.dari_teks(r[5]) if r[5] not in (None, "") else None
        hasil[(lembar, baris)] = BarisMeta(lembar, baris, str(r[2] or ""), str(r[3] or ""), _int(r[4]), jenis,
                                           _int(r[6]), str(r[7] or ""), str(r[8] or ""))
    return hasil
