"""What one file's task hands back to the compilation: plain, picklable data (it crosses process and
machine boundaries when Dask runs the tasks), with nothing that depends on who ran it (no timings, no
worker names), so a local pool and a Dask cluster give identical results."""

from __future__ import annotations

from dataclasses import dataclass, field

from renja_xl.dataklas import init_cepat

Isi = float | str | None
"""One input cell: a number, the cell's text when it holds no single number ("14 bulan 2 Dok.", "A"), or blank."""

KOLOM_MASUK = ("5K", "5Rp", "6K", "6Rp", "7K", "7Rp", "8K", "8Rp", "9K", "9Rp", "10K", "10Rp", "11K", "11Rp")
"""The E.81 input columns the compilation copies, in this order in :attr:`BarisE81.nilai`: target Renstra (5),
realisasi s.d. tahun lalu (6), target tahun berjalan (7), realisasi TW I-IV (8-11); each K then Rp."""


@init_cepat
@dataclass(frozen=True)
class BarisE81:
    """One program / kegiatan / sub kegiatan row of an OPD's E.81, or one more indicator of the row above
    (``tingkat == "indikator"``)."""

    r: int                  # sheet row (for messages and the findings sheet)
    tingkat: str            # "program" | "kegiatan" | "sub_kegiatan" | "indikator"
    kode: str               # normalised code ("" when the row has none)
    uraian: str
    sasaran: str
    indikator: str          # with its unit, as printed
    jenis: str              # JenisIndikator value ("" on rows without an indicator)
    nilai: tuple[Isi, ...]  # KOLOM_MASUK order
    induk: int | None       # index (in LembarE81.baris) of the item this row belongs to / hangs under
    daun: bool              # an item with no item below it: its Rp is typed, not rolled up


@dataclass(frozen=True)
class NilaiOpd:
    """An OPD's figures for the evaluated triwulan, computed by the core (renja_xl.capaian / predikat)."""

    target_rp: float | None         # Target Renja Rp: sum over the lowest-level items (sub kegiatan)
    realisasi_rp: float | None      # realisasi Rp up to the triwulan, same items
    capaian_k: float | None         # rata-rata capaian kinerja tahun berjalan (%) over every indicator row
    capaian_rp: float | None        # rata-rata capaian anggaran tahun berjalan (%) over every item row
    predikat: str | None            # of capaian_k


@dataclass(frozen=True)
class LembarE81:
    """One E.81 sheet of a workbook: the triwulan it evaluates and its rows."""

    lembar: str
    triwulan: int | None
    varian: str                     # "15" (Permendagri 86/2017, 14 = 13/5) or "17" (13 = 12/7)
    baris: tuple[BarisE81, ...]
    nilai: NilaiOpd
    bidang: str | None              # the OPD's main bidang (program 01 codes resolve through it)
    nama_bidang: dict[str, str] = field(default_factory=dict)   # bidang / urusan names printed in the form


@dataclass(frozen=True)
class HasilBerkas:
    """Everything the compilation needs from one file; ``galat`` says why it could not be used at all."""

    berkas: str                     # path as given to the task
    opd: str = ""                   # Perangkat Daerah as the title names it ("" when unknown)
    pemda: str = ""                 # "Kota Pontianak" ("" when unknown)
    jenis_pemda: str | None = None
    tahun: int | None = None
    formulir: tuple[str, ...] = ()  # kinds recognised ("E.81", "T-C.29", ...), in sheet order
    e81: tuple[LembarE81, ...] = ()
    temuan: tuple[dict, ...] = ()   # TemuanSel.ke_dict() of every finding of the check
    galat: str | None = None

    @property
    def nama(self) -> str:
        from pathlib import Path

        return Path(self.berkas).name

    def jumlah(self, tingkat: str) -> int:
        return sum(1 for t in self.temuan if t.get("tingkat") == tingkat)
