"""The master workbook (*Data Induk*): one place where an OPD types its Renja data once.

The generator fills every form from it and the checker compares forms against it, so this module turns the
workbook into typed rows (:class:`DataInduk`) and explains every problem in Indonesian with sheet, row and
column letter. Columns and Info labels are found by their text, never by position, so users may reorder or
restyle the template freely.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

from openpyxl.utils import get_column_letter

from renja_xl.angka import parse_angka
from renja_xl.capaian import JenisIndikator, jenis_dari_satuan
from renja_xl.galat import GalatPengguna
from renja_xl.kode import Tingkat, dari_template, parse_kode
from renja_xl.pemda import baca_pemda

__all__ = ["Info", "BarisIndikator", "DataInduk", "Masalah", "NodePohon", "Kolom", "LabelInfo", "KOLOM_DATA",
           "LABEL_INFO", "LEMBAR_INFO", "LEMBAR_DATA", "JENIS_PEMDA", "PILIHAN_JENIS", "baca_data_induk",
           "periksa_data_induk", "normal_judul", "tulis_contoh"]

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
    target_renstra_k: float | None = None
    target_renstra_rp: float | None = None
    realisasi_lalu_k: float | None = None       # s.d. tahun lalu (col 6)
    realisasi_lalu_rp: float | None = None
    target_k: float | None = None               # Renja tahun berjalan (col 7)
    target_rp: float | None = None
    tw_k: _Empat = _KOSONG4                     # realisasi TW I-IV (col 8-11)
    tw_rp: _Empat = _KOSONG4
    target_tw_k: tuple[float | None, ...] = _KOSONG4   # Rencana Aksi; None = derive from target_k
    lokasi: str = ""
    sumber_dana: str = ""
    target_n1_k: float | None = None            # tahun n+1 (T-C.33 prakiraan maju)
    pagu_n1: float | None = None
    penanggung_jawab: str = ""
    keterangan: str = ""


@dataclass
class Masalah:
    """One problem found in a Data Induk, located by sheet, row and column letter."""

    lembar: str
    baris: int | None
    kolom: str | None             # column letter ("A"), or None for a whole-sheet problem
    pesan: str
    jenis: str = "data_induk"     # stable key, e.g. "data_induk.angka", "data_induk.kolom_hilang"

    @property
    def sel(self) -> str | None:
        if self.kolom and self.baris:
            return f"{self.kolom}{self.baris}"
        return self.kolom

    def teks(self) -> str:
        bagian = [f"lembar '{self.lembar}'"]
        if self.baris is not None:
            bagian.append(f"baris {self.baris}")
        if self.kolom:
            bagian.append(f"kolom {self.kolom}")
        return f"{', '.join(bagian)}: {self.pesan}"


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
            induk = _kode_induk(kode)
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


def _kode_induk(kode: str) -> str | None:
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
    jenis: str                 # "teks" | "tahun" | "triwulan" | "jenis_pemda" | "bidang" | "nip"
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
)

JENIS_PEMDA = ("provinsi", "kabupaten/kota")
PILIHAN_JENIS = tuple(j.value for j in JenisIndikator)


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


# ---------------------------------------------------------------------------------------------- reading

class _Catatan:
    """Collects every problem so the user sees all of them at once, not one per run."""

    def __init__(self) -> None:
        self.daftar: list[Masalah] = []

    def tambah(self, lembar: str, baris: int | None, kolom: str | None, pesan: str, jenis: str) -> None:
        self.daftar.append(Masalah(lembar, baris, kolom, pesan, f"data_induk.{jenis}"))


def _buka(path: Path) -> Any:
    """Open through renja_xl.buku (size/zip-bomb/format checks, clear errors)."""
    from renja_xl.buku import buka

    return buka(path, data_only=True)


def _teks(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, (datetime, date)):
        return _tanggal_teks(v)
    return re.sub(r"\s+", " ", str(v)).strip()


_BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")


def _tanggal_teks(v: date) -> str:
    return f"{v.day} {_BULAN[v.month - 1]} {v.year}"


def _pendek(v: object, n: int = 40) -> str:
    s = _teks(v)
    return s if len(s) <= n else s[: n - 1] + "…"


def _baca_info(wb: Any, cat: _Catatan, paksa: bool) -> Info:
    nilai: dict[str, object] = {}
    letak: dict[str, int] = {}
    if LEMBAR_INFO not in wb.sheetnames:
        cat.tambah(LEMBAR_INFO, None, None, f"lembar '{LEMBAR_INFO}' tidak ada (lembar yang ada: "
                   f"{', '.join(wb.sheetnames)}). Salin lembar Info dari templat Data Induk.", "lembar_hilang")
    else:
        ws = wb[LEMBAR_INFO]
        cari = {normal_judul(a): li for li in LABEL_INFO for a in (li.label, *li.alias)}
        for r, baris in enumerate(ws.iter_rows(min_row=1, max_row=min(ws.max_row, 200), max_col=2,
                                               values_only=True), start=1):
            if not baris or baris[0] is None:
                continue
            li = cari.get(normal_judul(baris[0]))
            if li is not None and li.kunci not in nilai:
                nilai[li.kunci] = baris[1] if len(baris) > 1 else None
                letak[li.kunci] = r
        for li in LABEL_INFO:
            if li.wajib and li.kunci not in nilai:
                cat.tambah(LEMBAR_INFO, None, "A", f"label '{li.label}' tidak ditemukan di kolom A.", "label_hilang")

    hasil: dict[str, object] = {}
    for li in LABEL_INFO:
        r = letak.get(li.kunci)
        v = nilai.get(li.kunci)

        def salah(pesan: str, jenis: str = "info") -> None:
            cat.tambah(LEMBAR_INFO, r, "B", f"{li.label}: {pesan}", jenis)

        if li.kunci in nilai and li.wajib and _teks(v) == "":
            salah("belum diisi.", "info_kosong")
            hasil[li.kunci] = None
            continue
        if li.jenis == "tahun":
            hasil[li.kunci] = _bulat(v, 1900, 2200, salah, "tahun empat angka, misalnya 2022") if v is not None else None
        elif li.jenis == "triwulan":
            hasil[li.kunci] = _triwulan(v, salah) if v is not None else None
        elif li.jenis == "jenis_pemda":
            hasil[li.kunci] = _jenis_pemda(v, salah) if v is not None else None
        elif li.jenis == "bidang":
            hasil[li.kunci] = _bidang(v, salah) if v is not None else None
        elif li.jenis == "nip":
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                salah("NIP tersimpan sebagai angka; Excel hanya menyimpan 15 digit sehingga NIP 18 digit rusak. "
                      "Format sel sebagai Teks lalu ketik ulang NIP-nya.", "nip_angka")
                hasil[li.kunci] = _teks(v) if paksa else None
            else:
                hasil[li.kunci] = _teks(v)
        else:
            hasil[li.kunci] = _teks(v)

    awal, akhir, tahun = hasil.get("renstra_awal"), hasil.get("renstra_akhir"), hasil.get("tahun")
    if isinstance(awal, int) and isinstance(akhir, int):
        if awal > akhir:
            cat.tambah(LEMBAR_INFO, letak.get("renstra_akhir"), "B",
                       f"Renstra Tahun Akhir ({akhir}) lebih kecil dari Tahun Awal ({awal}).", "renstra")
        elif isinstance(tahun, int) and not awal <= tahun <= akhir:
            cat.tambah(LEMBAR_INFO, letak.get("tahun"), "B",
                       f"Tahun Anggaran {tahun} di luar periode Renstra {awal}-{akhir}.", "renstra")
    return Info(**{li.kunci: (hasil.get(li.kunci) if hasil.get(li.kunci) is not None
                              else (0 if li.jenis in ("tahun", "triwulan") else ""))
                   for li in LABEL_INFO})


def _bulat(v: object, bawah: int, atas: int, salah: Callable[..., None], contoh: str) -> int | None:
    if isinstance(v, bool):
        v = None
    elif isinstance(v, float) and v.is_integer():
        v = int(v)
    elif isinstance(v, str) and re.fullmatch(r"\s*\d+\s*", v):
        v = int(v)
    if isinstance(v, int) and bawah <= v <= atas:
        return v
    salah(f"'{_pendek(v)}' bukan {contoh}.", "info_tahun")
    return None


def _triwulan(v: object, salah: Callable[..., None]) -> int | None:
    """1-4 from ``2``, ``2.0``, ``"II"``, ``"TW 2"``, ``"Triwulan II"``."""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    t = normal_judul(v if isinstance(v, str) and re.match(r"(?i)\s*(tw|triwulan)", v) else f"tw {v}")
    m = re.fullmatch(r"tw([0-9]+)", t)
    if m and 1 <= int(m.group(1)) <= 4:
        return int(m.group(1))
    salah(f"'{_pendek(v)}' bukan triwulan; isi 1, 2, 3 atau 4.", "triwulan")
    return None


def _jenis_pemda(v: object, salah: Callable[..., None]) -> str | None:
    j = baca_pemda(v)
    if j is not None:
        return j
    salah(f"'{_pendek(v)}' tidak dikenal; pilih 'provinsi' atau 'kabupaten/kota'.", "jenis_pemda")
    return None


def _bidang(v: object, salah: Callable[..., None]) -> str | None:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        salah(f"kode bidang tersimpan sebagai angka ({v}); Excel membuang nol di belakang (3.30 menjadi 3.3). "
              "Format sel sebagai Teks lalu ketik ulang, misalnya 2.17.", "kode_angka")
        return None
    k = parse_kode(v)
    if k.normal is None or k.tingkat is not Tingkat.BIDANG or k.template:
        salah(f"'{_pendek(v)}' bukan kode bidang urusan (contoh: 2.17).", "bidang")
        return None
    return k.normal


def _peta_kolom(ws: Any, cat: _Catatan) -> tuple[int, dict[str, int]]:
    """Find the header row (the first of rows 1-10 holding 'Kode' and 'Indikator') and map fields to columns."""
    cari = {normal_judul(a): k for k in KOLOM_DATA for a in (k.judul, *k.alias)}
    baris_judul, peta = 0, {}
    for r, baris in enumerate(ws.iter_rows(min_row=1, max_row=min(ws.max_row or 1, 10), values_only=True), start=1):
        norm = [normal_judul(v) for v in baris]
        kunci = {cari[n].kunci for n in norm if n in cari}
        if "kode" in kunci and "indikator" in kunci:
            baris_judul = r
            asing: list[str] = []
            for c, (n, asli) in enumerate(zip(norm, baris), start=1):
                k = cari.get(n)
                if k is None:
                    if n:
                        asing.append(f"{get_column_letter(c)} '{_pendek(asli, 30)}'")
                elif k.kunci in peta:
                    cat.tambah(LEMBAR_DATA, r, get_column_letter(c),
                               f"judul kolom '{k.judul}' muncul dua kali (juga di kolom "
                               f"{get_column_letter(peta[k.kunci])}).", "kolom_ganda")
                else:
                    peta[k.kunci] = c
            hilang = [k for k in KOLOM_DATA if k.wajib and k.kunci not in peta]
            for k in hilang:
                petunjuk = f" Judul yang tidak dikenali: {', '.join(asing)}." if asing else ""
                cat.tambah(LEMBAR_DATA, r, None, f"kolom '{k.judul}' tidak ditemukan di baris judul; jangan ubah "
                           f"teks judul kolom.{petunjuk}", "kolom_hilang")
            break
    if not baris_judul:
        cat.tambah(LEMBAR_DATA, 1, None, "baris judul tidak ditemukan (harus memuat kolom 'Kode' dan 'Indikator' "
                   "di salah satu dari 10 baris pertama).", "judul_hilang")
    return baris_judul, peta


def _baca_data(wb: Any, info: Info, cat: _Catatan) -> list[BarisIndikator]:
    if LEMBAR_DATA not in wb.sheetnames:
        cat.tambah(LEMBAR_DATA, None, None, f"lembar '{LEMBAR_DATA}' tidak ada (lembar yang ada: "
                   f"{', '.join(wb.sheetnames)}). Salin lembar Data dari templat Data Induk.", "lembar_hilang")
        return []
    ws = wb[LEMBAR_DATA]
    baris_judul, peta = _peta_kolom(ws, cat)
    if not baris_judul or "kode" not in peta:
        return []
    jenis_pemda = info.jenis_pemda or None
    bidang = info.bidang_urusan or None
    hasil: list[BarisIndikator] = []
    kode_lalu: str | None = None
    tingkat_lalu: Tingkat | None = None
    pertama: dict[str, int] = {}       # kode -> sheet row where it first appears
    tanpa_induk: set[str] = set()      # parents already reported missing (once each)
    for r, sel in enumerate(ws.iter_rows(min_row=baris_judul + 1, values_only=True), start=baris_judul + 1):
        def ambil(kunci: str) -> object:
            c = peta.get(kunci)
            return sel[c - 1] if c is not None and c - 1 < len(sel) else None

        if all(_teks(v) == "" for v in sel):
            continue

        def salah(kunci: str, pesan: str, jenis: str) -> None:
            c = peta.get(kunci)
            cat.tambah(LEMBAR_DATA, r, get_column_letter(c) if c else None, pesan, jenis)

        # kode
        v_kode = ambil("kode")
        uraian = _teks(ambil("uraian"))
        kode: str | None = None
        tingkat: Tingkat | None = None
        if isinstance(v_kode, (int, float)) and not isinstance(v_kode, bool):
            salah("kode", f"kode tersimpan sebagai angka ({v_kode}); Excel membuang nol di belakang dan titik "
                  "sesudahnya. Format kolom Kode sebagai Teks lalu ketik ulang kodenya.", "kode_angka")
        elif _teks(v_kode) == "":
            if kode_lalu is not None and uraian == "":
                kode, tingkat = kode_lalu, tingkat_lalu      # continuation row (merged or left blank)
            else:
                salah("kode", "kode kosong; isi kode program/kegiatan/sub kegiatan (ulangi kodenya pada baris "
                      "indikator kedua dan seterusnya).", "kode_kosong")
        else:
            k = parse_kode(v_kode, jenis_pemda=jenis_pemda, bidang=bidang)
            if not k.valid:
                alasan = "; ".join(t.pesan for t in k.temuan if t.tingkat == "salah") or "format tidak dikenal"
                saran = f" Mungkin maksudnya {k.saran}." if k.saran else ""
                salah("kode", f"kode '{_pendek(v_kode)}' tidak sah: {alasan.rstrip('.')}.{saran}", "kode")
            elif k.tingkat not in (Tingkat.PROGRAM, Tingkat.KEGIATAN, Tingkat.SUB_KEGIATAN):
                salah("kode", f"kode '{k.normal}' adalah {k.tingkat.label if k.tingkat else 'kode tak lengkap'}; "
                      "Data Induk hanya memuat program, kegiatan dan sub kegiatan.", "kode_tingkat")
            else:
                kode = k.normal
                if k.template and bidang:
                    kode = dari_template(k.normal, bidang)
                tingkat = k.tingkat
                if not uraian and k.nama:
                    uraian = k.nama      # "2.17.01.2.01.01 Penyusunan ..." typed in one cell, as printed forms do
        # jenis
        satuan = _teks(ambil("satuan"))
        indikator = _teks(ambil("indikator"))
        v_jenis = ambil("jenis")
        jenis = JenisIndikator.dari_teks(v_jenis)
        if jenis is None:
            if _teks(v_jenis) == "" and indikator == "":
                jenis = JenisIndikator.KUMULATIF        # an Rp-only row: the type is never used
            else:
                if _teks(v_jenis) == "":
                    salah("jenis", f"Jenis Indikator kosong; pilih salah satu: {', '.join(PILIHAN_JENIS)} (dari "
                          f"satuan '{satuan}' kemungkinan: {jenis_dari_satuan(satuan or None).value}).", "jenis")
                else:
                    salah("jenis", f"Jenis Indikator '{_pendek(v_jenis)}' tidak dikenal; pilih salah satu: "
                          f"{', '.join(PILIHAN_JENIS)}.", "jenis")
                jenis = JenisIndikator.KUMULATIF
        # numbers
        angka: dict[str, float | None] = {}
        for kol in KOLOM_DATA:
            if kol.jenis not in ("k", "rp"):
                continue
            angka[kol.kunci] = _angka(ambil(kol.kunci), satuan, lambda p, j, kk=kol.kunci: salah(kk, p, j), kol)
        if tingkat in (Tingkat.PROGRAM, Tingkat.KEGIATAN):
            isi = [kol for kol in KOLOM_DATA if kol.jenis == "rp" and angka.get(kol.kunci) is not None]
            if isi:
                salah(isi[0].kunci, f"Rp diisi pada baris {tingkat.label} ({', '.join(k.judul for k in isi)}); "
                      "isi Rp hanya pada baris sub kegiatan — pembuat formulir menjumlahkannya ke kegiatan dan "
                      "program.", "rp_induk")
        if kode is None or tingkat is None:
            continue
        if kode != kode_lalu and kode in pertama:
            salah("kode", f"kode {kode} sudah dipakai di baris {pertama[kode]}; baris-baris indikator satu kode "
                  "harus berurutan (kode ganda?).", "kode_ganda")
        induk = _kode_induk(kode)
        if induk is not None and kode not in pertama and induk not in pertama and induk not in tanpa_induk:
            tanpa_induk.add(induk)
            salah("kode", f"{Tingkat(tingkat - 1).label} induknya ({induk}) tidak punya baris di atasnya; "
                  f"tambahkan baris {Tingkat(tingkat - 1).label} {induk} beserta indikatornya.", "induk_hilang")
        pertama.setdefault(kode, r)
        kode_lalu, tingkat_lalu = kode, tingkat
        hasil.append(BarisIndikator(
            baris=r, kode=kode, tingkat=tingkat, uraian=uraian, sasaran=_teks(ambil("sasaran")),
            indikator=indikator, satuan=satuan, jenis=jenis,
            target_renstra_k=angka["target_renstra_k"], target_renstra_rp=angka["target_renstra_rp"],
            realisasi_lalu_k=angka["realisasi_lalu_k"], realisasi_lalu_rp=angka["realisasi_lalu_rp"],
            target_k=angka["target_k"], target_rp=angka["target_rp"],
            tw_k=tuple(angka[f"tw_k{i}"] for i in range(1, 5)),  # type: ignore[arg-type]
            tw_rp=tuple(angka[f"tw_rp{i}"] for i in range(1, 5)),  # type: ignore[arg-type]
            target_tw_k=tuple(angka[f"target_tw{i}"] for i in range(1, 5)),
            lokasi=_teks(ambil("lokasi")), sumber_dana=_teks(ambil("sumber_dana")),
            target_n1_k=angka["target_n1_k"], pagu_n1=angka["pagu_n1"],
            penanggung_jawab=_teks(ambil("penanggung_jawab")), keterangan=_teks(ambil("keterangan")),
        ))
    if not hasil and not any(m.lembar == LEMBAR_DATA for m in cat.daftar):
        cat.tambah(LEMBAR_DATA, baris_judul + 1, None, "lembar Data belum berisi baris indikator.", "data_kosong")
    return hasil


def _angka(v: object, satuan: str, salah: Callable[[str, str], None], kol: Kolom) -> float | None:
    """A number cell: numbers as they are, Indonesian text numbers through parse_angka, blank/'-' as None."""
    if v is None:
        return None
    if isinstance(v, bool):
        salah(f"{kol.judul}: berisi {'TRUE' if v else 'FALSE'}, bukan angka.", "angka")
        return None
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, (datetime, date)):
        salah(f"{kol.judul}: berisi tanggal ({_tanggal_teks(v)}), bukan angka; format sel sebagai Angka.", "angka")
        return None
    teks = _teks(v)
    if teks in ("", "-", "–", "—") or (satuan and normal_judul(teks) == normal_judul(satuan)):
        return None
    a = parse_angka(v)
    if a.nilai is not None and not a.jamak:
        return a.nilai
    if a.jamak:
        alasan = "berisi beberapa angka dalam satu sel; pisahkan tiap indikator ke barisnya sendiri"
    elif a.rentang:
        alasan = "berisi rentang; isi satu angka (misalnya batas atas) dan jelaskan di Keterangan"
    elif a.huruf:
        alasan = "berisi nilai huruf; isi angka"
    else:
        alasan = "bukan angka"
    salah(f"{kol.judul}: '{_pendek(v)}' {alasan}.", "angka")
    return None


def _galat(path: Path, masalah: list[Masalah]) -> GalatPengguna:
    batas = 100
    baris = [f"- {m.teks()}" for m in masalah[:batas]]
    if len(masalah) > batas:
        baris.append(f"- … dan {len(masalah) - batas} masalah lain (jalankan pemeriksaan untuk daftar lengkap).")
    return GalatPengguna(f"Data Induk berisi {len(masalah)} masalah; perbaiki lalu jalankan lagi:\n"
                         + "\n".join(baris), berkas=path)


def _baca(path: Path) -> tuple[DataInduk, list[Masalah]]:
    wb = _buka(path)
    cat = _Catatan()
    info = _baca_info(wb, cat, paksa=True)
    baris = _baca_data(wb, info, cat)
    if not 1 <= info.triwulan <= 4:
        terisi = [i + 1 for i in range(4) if any(b.tw_k[i] is not None or b.tw_rp[i] is not None for b in baris)]
        info.triwulan = terisi[-1] if terisi else 1
    return DataInduk(info=info, baris=baris, berkas=path), cat.daftar


def baca_data_induk(path: str | os.PathLike[str], *, paksa: bool = False) -> DataInduk:
    """Read a Data Induk workbook into typed rows.

    Every problem (missing sheet or column, text in a number cell, unknown indicator type, a code stored
    as a number or invalid, a triwulan outside 1-4, …) is collected first; then one ``GalatPengguna``
    lists them all with sheet, row and column letter. With ``paksa=True`` nothing is raised for content
    problems: unreadable cells become None (an unknown type becomes kumulatif, an unusable code drops its
    row, an invalid triwulan becomes the last quarter with data) and ``DataInduk.masalah`` lists what was
    wrong, so the generator can still fill the rest and mark those cells. An unreadable file always raises.
    """
    berkas = Path(path)
    data, masalah = _baca(berkas)
    data.masalah = masalah
    if masalah and not paksa:
        raise _galat(berkas, masalah)
    return data


def periksa_data_induk(path: str | os.PathLike[str]) -> list[Masalah]:
    """Every problem in a Data Induk, without raising (an empty list means it reads cleanly).

    A file that cannot be opened at all comes back as one problem instead of an exception."""
    try:
        return _baca(Path(path))[1]
    except GalatPengguna as e:
        return [Masalah(e.lembar or "", None, None, e.pesan, "data_induk.berkas")]


def tulis_contoh(path: str | os.PathLike[str], *, timpa: bool = False) -> Path:
    """Write the filled Pontianak 2022 example Data Induk (see :mod:`renja_xl.contoh`, where its data lives)."""
    from renja_xl.contoh import tulis_contoh as _tulis

    return _tulis(path, timpa=timpa)
