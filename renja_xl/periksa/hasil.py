"""The checker's result types: a finding placed on a cell, and the result for one workbook."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from renja_xl.temuan import Temuan

URUTAN_TINGKAT = {"salah": 0, "peringatan": 1, "info": 2}


@dataclass(frozen=True)
class TemuanSel:
    """A ``Temuan`` with its place: file, sheet, cell (``P14``; None for the whole sheet/workbook)."""

    berkas: str
    lembar: str | None
    sel: str | None
    temuan: Temuan

    @property
    def jenis(self) -> str:
        return self.temuan.jenis

    @property
    def tingkat(self) -> str:
        return self.temuan.tingkat

    def ke_dict(self) -> dict:
        """The JSON object scripts rely on (keys are stable)."""
        t = self.temuan
        d = {"berkas": self.berkas, "lembar": self.lembar, "sel": self.sel, "jenis": t.jenis,
             "tingkat": t.tingkat, "pesan": t.pesan, "seharusnya": t.seharusnya,
             "ditemukan": t.ditemukan, "saran": t.saran}
        if t.data:          # e.g. the Data Induk row a generated row came from, other sheets with the same mistake
            d["data"] = t.data
        return d


@dataclass
class RingkasFormulir:
    """What was recognised on a sheet (shown in the report so a reviewer can see what was checked)."""

    lembar: str
    jenis: str
    varian: str
    baris_header: int
    jumlah_baris: int


@dataclass
class HasilPeriksa:
    """Everything found in one workbook."""

    berkas: Path
    temuan: list[TemuanSel] = field(default_factory=list)
    formulir: list[RingkasFormulir] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)     # notes that are not findings (e.g. no catalog)
    laporan: Path | None = None
    jenis_pemda: str | None = None
    # no form recognised: why, sheet by sheet (never reported clean); a Data Induk is said to be one
    tak_dikenal: list[str] = field(default_factory=list)
    data_induk: bool = False
    # every recognised form: (Grid, Formulir, list[Baris], row -> (JenisIndikator, known)): for callers
    # that extract data after checking (rekap); not part of the JSON
    bentuk: list[tuple] = field(default_factory=list, repr=False)

    @property
    def jumlah_salah(self) -> int:
        return sum(1 for t in self.temuan if t.tingkat == "salah")

    @property
    def jumlah_peringatan(self) -> int:
        return sum(1 for t in self.temuan if t.tingkat == "peringatan")

    @property
    def dikenali(self) -> bool:
        """At least one form was recognised (otherwise nothing was checked)."""
        return bool(self.formulir)

    @property
    def bersih(self) -> bool:
        """Checked and nothing found; a workbook in which no form was recognised is never clean."""
        return self.dikenali and not self.temuan

    def ke_json(self) -> list[dict]:
        return [t.ke_dict() for t in self.temuan]

    def urutkan(self) -> None:
        from openpyxl.utils.cell import coordinate_from_string, column_index_from_string

        def kunci(t: TemuanSel) -> tuple:
            try:
                kol, baris = coordinate_from_string(t.sel) if t.sel else ("A", 0)
                k = column_index_from_string(kol)
            except Exception:
                baris, k = 0, 0
            return (t.lembar or "", baris, k, URUTAN_TINGKAT.get(t.tingkat, 3), t.jenis)

        urutan_lembar: dict[str, int] = {}
        for f in self.formulir:
            urutan_lembar.setdefault(f.lembar, len(urutan_lembar))
        self.temuan.sort(key=lambda t: (urutan_lembar.get(t.lembar or "", 999),) + kunci(t))
