"""What the importer passes between its steps: a cell read from a form, one indicator row of a form, one
recognised form, a note for the *Catatan Impor* sheet and the whole result.

Every value keeps the cell it came from, so a note (a wrong total, a code that was fixed, a row that could not
be read) always names file, sheet and cell, and nothing leaves the importer without a place to look it up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from renja_xl.angka import Angka
from renja_xl.capaian import JenisIndikator
from renja_xl.kode import Tingkat

if TYPE_CHECKING:
    from renja_xl.data_induk import DataInduk
    from renja_xl.meta import BarisMeta
    from renja_xl.periksa.deteksi import Formulir, Grid

__all__ = ["Catatan", "NilaiSel", "BarisSumber", "BacaanForm", "HasilImpor", "JENIS_CATATAN"]

# kinds of note, in the order the sheet lists them
JENIS_CATATAN = {
    "hitung": "Angka turunan berbeda",
    "jumlah": "Jumlah/roll-up berbeda",
    "rata": "Rata-rata capaian berbeda",
    "predikat": "Predikat berbeda",
    "jenis": "Jenis indikator bertentangan dengan satuan",
    "baris": "Baris tidak diimpor",
    "sel": "Isi sel disesuaikan",
    "kode": "Kode diperbaiki",
    "beda": "Nilai berbeda antar lembar/berkas",
    "info": "Info",
}


@dataclass(frozen=True)
class Catatan:
    """One row of *Catatan Impor*: where, what was printed, what it should be and why."""

    jenis: str                      # key of JENIS_CATATAN
    berkas: str
    lembar: str | None
    sel: str | None
    pesan: str
    tercetak: str = ""
    seharusnya: str = ""


@dataclass(frozen=True)
class NilaiSel:
    """An input value read from one cell: the number the Data Induk gets and what the cell said."""

    nilai: float | str | None       # str: a bound or range target kept whole ("<5%", "4,5–5,5%")
    sel: str                        # "F12"
    asli: object = None             # the cell's value as read
    catatan: str = ""               # why the number differs from the text ("<5%" -> 5, a range -> its top)
    rumus: bool = False             # the cell is a formula (a derived value in a generated form)
    angka: Angka | None = None      # the value as parsed (a grade, a bound, a range: what the core computes with)


@dataclass
class BarisSumber:
    """One indicator of one form row (a cell with ``83 Persen 100 Persen`` gives two)."""

    berkas: str
    lembar: str
    baris: int                      # sheet row
    form: str                       # "e81", "e81-renja", "tc29", "tc33", "rencana-aksi"
    kode: str | None                # normalised (or fixed) code; None when the row has none
    kode_asli: str = ""             # as printed
    kode_sel: str | None = None
    tingkat: Tingkat | None = None
    uraian: str = ""
    sasaran: str = ""
    indikator: str = ""
    satuan: str = ""
    urut: int = 0                   # indicator index within its node in this form
    bagian: int = 0                 # index within a multi-indicator cell (0 for a one-indicator row)
    nilai: dict[str, NilaiSel] = field(default_factory=dict)     # Data Induk number fields ("tw_k1", ...)
    teks: dict[str, str] = field(default_factory=dict)           # lokasi, sumber_dana, keterangan, ...
    jenis: JenisIndikator | None = None       # stated by the workbook (meta sheet or a type column)
    baris_data_induk: int | None = None       # from the meta sheet of a generated workbook
    perlu_dicek: list[str] = field(default_factory=list)
    keterangan: list[str] = field(default_factory=list)           # goes to the Data Induk's Keterangan
    anak: bool = False              # the node has children in this form (its Rp are roll-ups)
    tertanda_menurun: bool = False  # the name carried the generator's lower-is-better mark (removed)

    @property
    def tempat(self) -> str:
        return f"{self.berkas}, lembar '{self.lembar}', baris {self.baris}"


@dataclass
class BacaanForm:
    """One recognised form on one sheet and what was read from it."""

    berkas: Path
    grid: Grid
    formulir: Formulir
    form: str
    triwulan: int | None            # the quarter an E.81 evaluates (title, or the last quarter printed)
    kolom: dict[str, int]           # Data Induk field -> column of this form
    turunan: dict[tuple[int, str | None], int]     # (column number, "K"/"Rp"/None) -> column, derived ones
    baris: list[BarisSumber] = field(default_factory=list)
    kaki: list[tuple[int, str]] = field(default_factory=list)      # (sheet row, "jumlah"|"rata"|"predikat")
    meta: dict[int, BarisMeta] = field(default_factory=dict)       # sheet row -> the generator's record
    bidang: list[tuple[int, str, str]] = field(default_factory=list)   # urusan/bidang headings (row, kind, text)
    tahun: int | None = None
    lebar_sub: int | None = None    # the table's sub kegiatan width (2 or 4 digits), by majority

    @property
    def nama(self) -> str:
        return self.berkas.name

    @property
    def urutan(self) -> int:
        """Which form wins a field both carry: the latest E.81 first, then the others."""
        return {"e81": 0, "e81-renja": 0, "tc29": 1, "tc33": 2, "rencana-aksi": 3}[self.form]


@dataclass
class HasilImpor:
    """The Data Induk built from the workbooks, the notes, and where they were written."""

    data: DataInduk
    catatan: list[Catatan] = field(default_factory=list)
    bacaan: list[BacaanForm] = field(default_factory=list)
    perlu_dicek: dict[int, str] = field(default_factory=dict)      # index into data.baris -> reason
    keluaran: Path | None = None

    def jumlah(self, *jenis: str) -> int:
        return sum(1 for c in self.catatan if c.jenis in jenis)
