"""The Data Induk model: typed rows, the sheet layout (columns, Info labels) and tolerant header matching.

Reader (:mod:`.baca`), writer (:mod:`.tulis`), template (:mod:`.templat`) and check (:mod:`.cek`) all take
the layout from here, so a new column or Info label is declared once and the four never drift apart. No
Excel I/O happens in this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from renja_xl.capaian import JenisIndikator, peringkat_huruf
from renja_xl.kode import Tingkat
from renja_xl.temuan import Temuan

__all__ = ["Info", "BarisIndikator", "DataInduk", "Masalah", "NodePohon", "Kolom", "LabelInfo", "KOLOM_DATA",
           "LABEL_INFO", "LEMBAR_INFO", "LEMBAR_DATA", "JENIS_PEMDA", "PILIHAN_JENIS", "PILIHAN_KERTAS",
           "KERTAS_BAKU", "baca_kertas", "normal_judul", "kode_induk"]

_Empat = tuple[float | None, float | None, float | None, float | None]
_KOSONG4: _Empat = (None, None, None, None)


@dataclass
class Info:
    """Sheet *Info*: who, which year and which quarter the Data Induk is about."""

    pemda: str                 # "Kota Pontianak"
    jenis_pemda: str           # "kabupaten/kota" | "provinsi"
    nama_opd: str
    bidang_urusan: str         # "2.17" (the OPD's main bidang; program 01 resolves through it)
    tahun: int                 # tahun anggaran being evaluated (n)
    triwulan: int              # 1..4, triwulan being evaluated
    renstra_awal: int
    renstra_akhir: int
    kepala_opd: str = ""
    nip_kepala_opd: str = ""
    jabatan_kepala_opd: str = ""
    kepala_bappeda: str = ""
    nip_kepala_bappeda: str = ""
    tempat: str = ""
    tanggal: str = ""          # place and date of signature, as text
    kertas: str = "F4"         # paper size for printed forms: one of PILIHAN_KERTAS


@dataclass
class BarisIndikator:
    """One row of sheet *Data* = one indicator of a program, kegiatan or sub kegiatan."""

    baris: int                    # row number in sheet Data (for messages)
    kode: str                     # normalised code text (never a number)
    tingkat: Tingkat              # from the code
    uraian: str                   # program/kegiatan/sub kegiatan name ("" on continuation rows)
    sasaran: str
    indikator: str
    satuan: str
    jenis: JenisIndikator
    # a K target may be a bound or a range as text ("<5%", "4,5–5,5%", see ``target_khusus``), and every K
    # value of a level indicator a letter grade ("BB"): the core (capaian.capaian) computes with them, the
    # generator writes them as text and bakes them into the formula
    target_renstra_k: float | str | None = None
    target_renstra_rp: float | None = None
    realisasi_lalu_k: float | str | None = None  # s.d. tahun lalu (col 6)
    realisasi_lalu_rp: float | None = None
    target_k: float | str | None = None         # Renja tahun berjalan (col 7)
    target_rp: float | None = None
    tw_k: tuple[float | str | None, ...] = _KOSONG4   # realisasi TW I-IV (col 8-11)
    tw_rp: _Empat = _KOSONG4
    target_tw_k: tuple[float | str | None, ...] = _KOSONG4   # Rencana Aksi; None = derive from target_k
    lokasi: str = ""
    sumber_dana: str = ""
    target_n1_k: float | str | None = None      # tahun n+1 (T-C.33 prakiraan maju)
    pagu_n1: float | None = None
    penanggung_jawab: str = ""
    keterangan: str = ""

    def nilai_k(self) -> tuple[float | str | None, ...]:
        """Every K value of the row: targets, realisasi, quarterly and n+1 targets."""
        return (self.target_renstra_k, self.realisasi_lalu_k, self.target_k, *self.tw_k, *self.target_tw_k,
                self.target_n1_k)

    @property
    def berhuruf(self) -> bool:
        """Scored in letter grades ("BB"): its quarters and targets are grades, the forms take the last filled
        grade and the rank ratio (capaian.realisasi_tahun(huruf=True), capaian.capaian)."""
        return any(isinstance(v, str) and peringkat_huruf(v) is not None for v in self.nilai_k())


KOLOM_PERLU_DICEK = "Perlu dicek"   # the import marks its guesses here; the user clears each to confirm it


@dataclass
class Masalah:
    """One problem found in a Data Induk, located by sheet, row and column letter.

    ``tingkat`` is "salah" (reading problems always are; they stop the generator) or "peringatan" (the
    check's warnings); ``jenis`` is a stable key shared with the checker (``data_induk.*``, ``kode.*``,
    ``nomenklatur.*``, ``nama.*``)."""

    lembar: str
    baris: int | None
    kolom: str | None             # column letter ("A"), or None for a whole-sheet problem
    pesan: str
    jenis: str = "data_induk"     # stable key, e.g. "data_induk.angka", "data_induk.kolom_hilang"
    tingkat: str = "salah"        # "salah" | "peringatan"
    saran: str | None = None

    @property
    def sel(self) -> str | None:
        if self.kolom and self.baris:
            return f"{self.kolom}{self.baris}"
        return self.kolom

    @property
    def alamat(self) -> str:
        """``Data!F12`` (or the sheet name alone for a whole-sheet problem)."""
        return f"{self.lembar}!{self.sel}" if self.sel else self.lembar

    def teks(self) -> str:
        bagian = [f"lembar '{self.lembar}'"]
        if self.baris is not None:
            bagian.append(f"baris {self.baris}")
        if self.kolom:
            bagian.append(f"kolom {self.kolom}")
        return f"{', '.join(bagian)}: {self.pesan}"

    def ke_temuan(self) -> Temuan:
        """The checker's currency (``periksa`` reports Data Induk findings as its own)."""
        return Temuan(self.jenis, "peringatan" if self.tingkat == "peringatan" else "salah", self.pesan,
                      saran=self.saran)


@dataclass
class NodePohon:
    """A program, kegiatan or sub kegiatan with its indicator rows and children (see DataInduk.pohon)."""

    kode: str
    tingkat: Tingkat
    uraian: str
    baris: list[BarisIndikator] = field(default_factory=list)
    anak: list["NodePohon"] = field(default_factory=list)


@dataclass
class DataInduk:
    """The whole master workbook: Info plus indicator rows in sheet order."""

    info: Info
    baris: list[BarisIndikator]   # in sheet order; several rows may share one kode (several indicators)
    berkas: Path | None = None
    masalah: list[Masalah] = field(default_factory=list)   # filled only by baca_data_induk(paksa=True)
    # as read, for the check: field -> column number of sheet Data, sheet row -> the code as typed, and
    # Info field -> its row in sheet Info (value in column B)
    kolom: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    kode_tertulis: dict[int, str] = field(default_factory=dict, compare=False, repr=False)
    baris_info: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def pohon(self) -> list[NodePohon]:
        """Programs (in sheet order) with their kegiatan and sub kegiatan, each carrying its indicator rows.

        Rows are grouped by ``kode``; a node's parent is found from the code prefix (``2.17.01.2.01.01`` ->
        ``2.17.01.2.01`` -> ``2.17.01``), not from row position. A parent without a row of its own is an error
        that :func:`baca_data_induk` already reports (``data_induk.induk_hilang``); with ``paksa=True`` data
        may still lack it, so it gets a synthetic node with ``uraian=""`` and no rows, placed where its first
        child appears. The generator can therefore always walk a complete tree.
        """
        simpul: dict[str, NodePohon] = {}
        akar: list[NodePohon] = []

        def ambil(kode: str, tingkat: Tingkat) -> NodePohon:
            if kode in simpul:
                return simpul[kode]
            node = NodePohon(kode=kode, tingkat=tingkat, uraian="")
            simpul[kode] = node
            induk = kode_induk(kode)
            if induk is None:
                akar.append(node)
            else:
                ambil(induk, Tingkat(tingkat - 1)).anak.append(node)
            return node

        for b in self.baris:
            node = ambil(b.kode, b.tingkat)
            node.baris.append(b)
            if not node.uraian and b.uraian:
                node.uraian = b.uraian
        return akar

    def triwulan_terisi(self) -> list[int]:
        """Quarters (1-4) in which any row has a realisasi K or Rp; the generator prints only these."""
        return [i + 1 for i in range(4)
                if any(b.tw_k[i] is not None or b.tw_rp[i] is not None for b in self.baris)]

    def per_kode(self) -> dict[str, list[BarisIndikator]]:
        """Indicator rows grouped by code, in sheet order."""
        hasil: dict[str, list[BarisIndikator]] = {}
        for b in self.baris:
            hasil.setdefault(b.kode, []).append(b)
        return hasil


def kode_induk(kode: str) -> str | None:
    """Parent of a program/kegiatan/sub kegiatan code; None for a program."""
    seg = kode.split(".")
    if len(seg) == 6:
        return ".".join(seg[:5])
    if len(seg) == 5:
        return ".".join(seg[:3])
    return None


# ---------------------------------------------------------------------------------------------- layout

LEMBAR_INFO = "Info"
LEMBAR_DATA = "Data"


@dataclass(frozen=True)
class Kolom:
    """One column of sheet Data: the field it fills, its header in the template, how its cells are read."""

    kunci: str                 # field of BarisIndikator, or "tw_k1".."tw_k4", "tw_rp1".., "target_tw1"..
    judul: str                 # header text in the template
    jenis: str                 # "kode" | "teks" | "jenis" | "k" | "rp"
    wajib: bool = True         # a missing required column is an error; a missing optional one reads as blank
    alias: tuple[str, ...] = ()


_ROMAWI = ("I", "II", "III", "IV")

KOLOM_DATA: tuple[Kolom, ...] = (
    Kolom("kode", "Kode", "kode", alias=("kode program/kegiatan/sub kegiatan", "kode rekening")),
    Kolom("uraian", "Uraian", "teks",
          alias=("program/kegiatan/sub kegiatan", "program/kegiatan", "nama program/kegiatan/sub kegiatan", "nama")),
    Kolom("sasaran", "Sasaran", "teks", wajib=False),
    Kolom("indikator", "Indikator", "teks", alias=("indikator kinerja",)),
    Kolom("satuan", "Satuan", "teks"),
    Kolom("jenis", "Jenis Indikator", "jenis", alias=("jenis",)),
    Kolom("target_renstra_k", "Target Renstra K", "k"),
    Kolom("target_renstra_rp", "Target Renstra Rp", "rp"),
    Kolom("realisasi_lalu_k", "Realisasi s.d. Tahun Lalu K", "k"),
    Kolom("realisasi_lalu_rp", "Realisasi s.d. Tahun Lalu Rp", "rp"),
    Kolom("target_k", "Target Renja K", "k"),
    Kolom("target_rp", "Target Renja Rp", "rp"),
    *(k for i, r in enumerate(_ROMAWI, 1) for k in (
        Kolom(f"tw_k{i}", f"Realisasi TW {r} K", "k", alias=(f"tw {r} k",)),
        Kolom(f"tw_rp{i}", f"Realisasi TW {r} Rp", "rp", alias=(f"tw {r} rp",)))),
    *(Kolom(f"target_tw{i}", f"Target TW {r}", "k", wajib=False, alias=(f"target tw {r} k", f"rencana aksi tw {r}"))
      for i, r in enumerate(_ROMAWI, 1)),
    Kolom("lokasi", "Lokasi", "teks", wajib=False),
    Kolom("sumber_dana", "Sumber Dana", "teks", wajib=False),
    Kolom("target_n1_k", "Target Tahun n+1 K", "k", wajib=False),
    Kolom("pagu_n1", "Pagu Tahun n+1", "rp", wajib=False,
          alias=("pagu indikatif tahun n+1", "target tahun n+1 rp", "pagu tahun n+1 rp")),
    Kolom("penanggung_jawab", "Penanggung Jawab", "teks", wajib=False,
          alias=("unit penanggung jawab", "unit perangkat daerah penanggung jawab")),
    Kolom("keterangan", "Keterangan", "teks", wajib=False, alias=("ket",)),
)


@dataclass(frozen=True)
class LabelInfo:
    """One label of sheet Info (column A) whose value sits in column B."""

    kunci: str                 # field of Info
    label: str                 # label text in the template
    jenis: str                 # "teks" | "tahun" | "triwulan" | "jenis_pemda" | "bidang" | "nip" | "tanggal" | "kertas"
    wajib: bool = True
    alias: tuple[str, ...] = ()


LABEL_INFO: tuple[LabelInfo, ...] = (
    LabelInfo("pemda", "Pemerintah Daerah", "teks", alias=("pemda", "nama pemda", "pemerintah")),
    LabelInfo("jenis_pemda", "Jenis Pemda", "jenis_pemda", alias=("jenis pemerintah daerah",)),
    LabelInfo("nama_opd", "Perangkat Daerah", "teks",
              alias=("nama perangkat daerah", "opd", "nama opd", "skpd", "nama skpd")),
    LabelInfo("bidang_urusan", "Kode Bidang Urusan", "bidang", alias=("bidang urusan", "kode bidang")),
    LabelInfo("tahun", "Tahun Anggaran", "tahun", alias=("tahun", "tahun n")),
    LabelInfo("triwulan", "Triwulan yang Dievaluasi", "triwulan", alias=("triwulan", "periode triwulan")),
    LabelInfo("renstra_awal", "Renstra Tahun Awal", "tahun", alias=("tahun awal renstra", "awal renstra")),
    LabelInfo("renstra_akhir", "Renstra Tahun Akhir", "tahun", alias=("tahun akhir renstra", "akhir renstra")),
    LabelInfo("kepala_opd", "Kepala Perangkat Daerah", "teks", wajib=False, alias=("kepala opd", "nama kepala opd")),
    LabelInfo("nip_kepala_opd", "NIP Kepala Perangkat Daerah", "nip", wajib=False, alias=("nip kepala opd",)),
    LabelInfo("jabatan_kepala_opd", "Jabatan Kepala Perangkat Daerah", "teks", wajib=False,
              alias=("jabatan kepala opd", "pangkat/golongan kepala perangkat daerah")),
    LabelInfo("kepala_bappeda", "Kepala Bappeda", "teks", wajib=False, alias=("nama kepala bappeda",)),
    LabelInfo("nip_kepala_bappeda", "NIP Kepala Bappeda", "nip", wajib=False),
    LabelInfo("tempat", "Tempat Penandatanganan", "teks", wajib=False, alias=("tempat",)),
    LabelInfo("tanggal", "Tanggal Penandatanganan", "tanggal", wajib=False, alias=("tanggal",)),
    LabelInfo("kertas", "Ukuran Kertas", "kertas", wajib=False, alias=("kertas", "ukuran kertas cetak")),
)

JENIS_PEMDA = ("provinsi", "kabupaten/kota")
PILIHAN_JENIS = tuple(j.value for j in JenisIndikator)
PILIHAN_KERTAS = ("F4", "Legal", "A4", "A3")
KERTAS_BAKU = "F4"          # folio: what Indonesian government offices print on


def baca_kertas(v: object) -> str | None:
    """A paper size from what a user typed: case-insensitive, "Folio"/"F4 (Folio)" -> "F4", blank -> F4;
    None for text that names no supported size."""
    t = re.sub(r"[^0-9a-z]", "", str(v or "").lower())
    if t in ("", "f4", "folio", "f4folio", "foliof4"):
        return KERTAS_BAKU
    return next((k for k in PILIHAN_KERTAS if k.lower() == t), None)


def normal_judul(s: object) -> str:
    """Header/label text reduced for tolerant matching: case, spacing, punctuation, ``s.d.``/``s/d``/``sampai
    dengan``, ``TW 1``/``TW I``/``Triwulan I`` all compare equal; text in parentheses is ignored."""
    t = str(s or "").lower()
    t = re.sub(r"\(\s*(k|rp\.?)\s*\)", r" \1 ", t)     # "(Rp)" and "(K)" are part of the header
    t = re.sub(r"\([^()]*\)", " ", t)
    t = re.sub(r"\bsampai\s+dengan\b|\bs\s*[./]\s*d\b\.?|\bsd\b", " sd ", t)
    t = re.sub(r"\btriwulan\b", "tw", t)
    t = re.sub(r"\btw\s*[-.]?\s*(iv|iii|ii|i|[1-4])\b",
               lambda m: "tw" + str({"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(m.group(1), m.group(1))), t)
    t = re.sub(r"\brp\.?\b|\brupiah\b", "rp", t)
    return re.sub(r"[^0-9a-z+]", "", t)


