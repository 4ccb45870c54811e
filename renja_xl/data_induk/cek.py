"""The full check of a Data Induk at the source (``renja-xl data-induk cek``), each finding at its cell.

A mistake is cheapest to fix where it was typed: this check reports, at the Data Induk's own sheet, row and
column (``Data!F12``), what would otherwise surface on every generated form. It adds to the reader's
problems: code format, existence, name, level and pemda against the imported nomenclature catalog (through
:mod:`renja_xl.nomenklatur`), an empty Target Renja on a row with realisasi, duplicated codes and indicators,
and an indicator type that contradicts its unit (through :func:`renja_xl.capaian.tebak_jenis`). It never
raises for a bad workbook, so all findings come in one go.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter

from renja_xl.capaian import JenisIndikator, tebak_jenis
from renja_xl.data_induk.baca import baca_dengan_masalah
from renja_xl.data_induk.model import (KOLOM_PERLU_DICEK, LEMBAR_DATA, LEMBAR_INFO, BarisIndikator, DataInduk,
                                      Masalah)
from renja_xl.galat import GalatPengguna
from renja_xl.kode import Tingkat, parse_kode
from renja_xl.temuan import Temuan

if TYPE_CHECKING:
    from renja_xl.nomenklatur.katalog import Katalog

__all__ = ["HasilCek", "cek_data_induk", "periksa_data_induk", "OTOMATIS"]

OTOMATIS = "otomatis"      # katalog=OTOMATIS: the installed list of the workbook's own era
_TINGKAT_LAPOR = ("salah", "peringatan")
_URUT_LEMBAR = {LEMBAR_INFO: 0, LEMBAR_DATA: 1}


@dataclass
class HasilCek:
    """Findings (``masalah``) plus notes that are not findings (which catalog was used, or why none)."""

    berkas: Path
    data: DataInduk | None
    masalah: list[Masalah]
    catatan: list[str] = field(default_factory=list)
    katalog: str | None = None            # name of the catalog version the codes were checked against

    @property
    def jumlah_salah(self) -> int:
        return sum(1 for m in self.masalah if m.tingkat == "salah")

    @property
    def jumlah_peringatan(self) -> int:
        return sum(1 for m in self.masalah if m.tingkat == "peringatan")


def cek_data_induk(path: str | os.PathLike[str], *, katalog: "Katalog | None | str" = OTOMATIS) -> HasilCek:
    """Read and check a Data Induk. ``katalog``: a catalog, None (format only), or OTOMATIS (the installed
    list of the workbook's era). Raises ``GalatPengguna`` only when the file cannot be opened."""
    berkas = Path(path)
    data, masalah = baca_dengan_masalah(berkas)
    catatan: list[str] = []
    if isinstance(katalog, str):
        kat, catatan_kat = _pilih_katalog(data)
        if catatan_kat:
            catatan.append(catatan_kat)
    else:
        kat = katalog  # type: ignore[assignment]
    temuan = [*masalah, *_cek_bidang(data, kat), *_cek_kode(data, kat), *_cek_target(data), *_cek_ganda(data),
              *_cek_jenis(data), *_cek_konfirmasi(berkas)]
    temuan.sort(key=lambda m: (_URUT_LEMBAR.get(m.lembar, 2), m.baris or 0, len(m.kolom or ""), m.kolom or ""))
    return HasilCek(berkas, data, temuan, catatan, kat.nama if kat is not None else None)


def periksa_data_induk(path: str | os.PathLike[str]) -> list[Masalah]:
    """Every finding in a Data Induk, without raising (an empty list means it is clean).

    A file that cannot be opened at all comes back as one problem instead of an exception."""
    try:
        return cek_data_induk(path).masalah
    except GalatPengguna as e:
        return [Masalah(e.lembar or "", None, None, e.pesan, "data_induk.berkas")]


# ---------------------------------------------------------------------------------------------- catalog

def _lebar_sub(data: DataInduk) -> int | None:
    """The workbook's sub kegiatan code width (2 or 4 digits), by majority."""
    c = Counter(len(b.kode.split(".")[5]) for b in data.baris if b.tingkat is Tingkat.SUB_KEGIATAN)
    return c.most_common(1)[0][0] if c else None


def _pilih_katalog(data: DataInduk) -> tuple["Katalog | None", str | None]:
    """The installed catalog to judge this workbook by, and a note when there is none (or it is of another
    era). The choice itself belongs to renja_xl.nomenklatur.simpan."""
    from renja_xl.nomenklatur import simpan
    from renja_xl.nomenklatur.validasi import SARAN_IMPOR

    try:
        p = simpan.pilih_katalog(_lebar_sub(data), data.info.tahun or None)
        if p.katalog is not None or p.catatan:
            return p.katalog, p.catatan
    except GalatPengguna as e:
        return None, f"Katalog nomenklatur tidak bisa dibaca ({e.pesan}); hanya bentuk kode yang diperiksa."
    return None, f"Belum ada katalog nomenklatur yang diimpor; hanya bentuk kode yang diperiksa. {SARAN_IMPOR}"


# ---------------------------------------------------------------------------------------------- checks

def _di(data: DataInduk, b: BarisIndikator, kunci: str, t: Temuan | str, jenis: str = "",
        tingkat: str = "salah", saran: str | None = None) -> Masalah:
    """A finding at row ``b`` of sheet Data, in the column of field ``kunci``."""
    c = data.kolom.get(kunci)
    huruf = get_column_letter(c) if c else None
    if isinstance(t, Temuan):
        return Masalah(LEMBAR_DATA, b.baris, huruf, t.pesan, t.jenis, t.tingkat, t.saran)
    return Masalah(LEMBAR_DATA, b.baris, huruf, t, f"data_induk.{jenis}", tingkat, saran)


def _cek_bidang(data: DataInduk, katalog: "Katalog | None") -> list[Masalah]:
    """The OPD's bidang urusan (sheet Info) exists in the catalog: program 01 and template codes resolve
    through it."""
    from renja_xl.nomenklatur.validasi import Konteks, validasi

    bidang = data.info.bidang_urusan
    if katalog is None or not bidang:
        return []
    v = validasi(bidang, None, Konteks(jenis_pemda=data.info.jenis_pemda or None), katalog)
    r = data.baris_info.get("bidang_urusan")
    return [Masalah(LEMBAR_INFO, r, "B", f"Kode Bidang Urusan: {t.pesan}", t.jenis, t.tingkat, t.saran)
            for t in v.temuan if t.tingkat in _TINGKAT_LAPOR and t.jenis != "nomenklatur.tanpa_katalog"]


def _cek_kode(data: DataInduk, katalog: "Katalog | None") -> list[Masalah]:
    """Each code once (at its first row): the parser's format findings on the code as typed and, with a
    catalog, existence, name, level and pemda through nomenklatur.validasi."""
    from renja_xl.nomenklatur.validasi import Konteks, validasi

    info = data.info
    jenis_pemda, bidang = info.jenis_pemda or None, info.bidang_urusan or None
    lebar = _lebar_sub(data)
    hasil: list[Masalah] = []
    sudah: set[str] = set()
    for b in data.baris:
        if b.kode in sudah:
            continue
        sudah.add(b.kode)
        tertulis = data.kode_tertulis.get(b.baris, b.kode)
        if not b.uraian:
            hasil.append(_di(data, b, "uraian", f"nama {b.tingkat.label} {b.kode} kosong; isi nama sesuai "
                             "nomenklatur pada baris pertama kode ini.", "nama_kosong"))
        k = parse_kode(tertulis, jenis_pemda=jenis_pemda, bidang=bidang, digit_sub=lebar)
        temuan = list(k.temuan)
        if katalog is not None:
            v = validasi(tertulis, b.uraian or None, Konteks(jenis_pemda=jenis_pemda, bidang=bidang,
                                                             tingkat=b.tingkat), katalog)
            temuan += [t for t in v.temuan if t not in temuan]
            if any(t.jenis.startswith("nomenklatur.") and t.jenis != "nomenklatur.tanpa_katalog" for t in v.temuan):
                # the catalog judged the era; the parser's guess from the table width is then redundant
                temuan = [t for t in temuan if t.jenis != "kode.era"]
        dilapor: set[tuple[str, str]] = set()
        for t in temuan:
            if t.tingkat not in _TINGKAT_LAPOR or t.jenis == "nomenklatur.tanpa_katalog" \
                    or (t.jenis, t.pesan) in dilapor:
                continue
            dilapor.add((t.jenis, t.pesan))
            hasil.append(_di(data, b, "uraian" if t.jenis.startswith("nama.") else "kode", t))
    return hasil


def _cek_target(data: DataInduk) -> list[Masalah]:
    """A realisasi without a Target Renja gives no capaian on any form: say so at the empty target cell."""
    hasil: list[Masalah] = []
    for b in data.baris:
        tw = [i for i, v in enumerate(b.tw_k) if v is not None]
        if tw and b.target_k is None:
            hasil.append(_di(data, b, "target_k", f"Target Renja K kosong, padahal realisasi TW "
                             f"{', '.join(('I', 'II', 'III', 'IV')[i] for i in tw)} diisi; capaian tidak bisa "
                             "dihitung. Isi Target Renja K.", "target_kosong"))
    for kode, daftar in data.per_kode().items():
        tw_rp = [b for b in daftar if any(v is not None for v in b.tw_rp)]
        if tw_rp and all(b.target_rp is None for b in daftar):
            hasil.append(_di(data, tw_rp[0], "target_rp", f"Target Renja Rp {kode} kosong, padahal realisasi "
                             "Rp diisi; capaian anggaran tidak bisa dihitung. Isi Target Renja Rp (pagu DPA).",
                             "target_kosong"))
    return hasil


def _ringkas(s: str) -> str:
    return re.sub(r"[^0-9a-z]", "", s.lower())


def _runtun(data: DataInduk) -> list[list[BarisIndikator]]:
    """Consecutive rows of one code (an item's indicator rows). A code that comes back after another is the
    reader's ``kode_ganda``; it is not compared again here, so one mistake is reported once."""
    hasil: list[list[BarisIndikator]] = []
    for b in data.baris:
        if hasil and hasil[-1][0].kode == b.kode:
            hasil[-1].append(b)
        else:
            hasil.append([b])
    return hasil


def _cek_ganda(data: DataInduk) -> list[Masalah]:
    """One code, two names (two items share a code); one indicator typed twice under the same code (it
    would count twice in every average)."""
    hasil: list[Masalah] = []
    for daftar in _runtun(data):
        kode = daftar[0].kode
        nama = next((b for b in daftar if b.uraian), None)
        indikator: dict[tuple[str, str], BarisIndikator] = {}
        for b in daftar:
            if nama is not None and b is not nama and b.uraian and _ringkas(b.uraian) != _ringkas(nama.uraian):
                hasil.append(_di(data, b, "uraian", f"kode {kode} sudah dipakai di baris {nama.baris} untuk "
                                 f"'{nama.uraian[:60]}'; di sini untuk '{b.uraian[:60]}'. Satu kode hanya untuk "
                                 f"satu {b.tingkat.label}.", "kode_ganda"))
            if not b.indikator:
                continue
            kunci = (_ringkas(b.indikator), _ringkas(b.satuan))
            if kunci in indikator:
                hasil.append(_di(data, b, "indikator", f"indikator '{b.indikator[:60]}' ({b.satuan}) untuk kode "
                                 f"{kode} sudah ada di baris {indikator[kunci].baris}; hapus salah satunya (kalau "
                                 "tidak, dihitung dua kali dalam rata-rata capaian).", "indikator_ganda"))
            else:
                indikator[kunci] = b
    return hasil


def _cek_konfirmasi(berkas: Path) -> list[Masalah]:
    """Marks an import left in its "Perlu dicek" column that the user has not cleared yet: each is a guess
    (an indicator type, a repaired code, a split cell) the user must confirm once, so an unconfirmed import
    never passes the check silently. Clearing the cell is the confirmation."""
    from python_calamine import CalamineWorkbook

    try:
        buku = CalamineWorkbook.from_path(str(berkas))
        if LEMBAR_DATA not in buku.sheet_names:
            return []
        baris = buku.get_sheet_by_name(LEMBAR_DATA).to_python(skip_empty_area=False)
    except Exception:  # noqa: BLE001 - the reader has already reported an unreadable file
        return []
    if not baris:
        return []
    judul = [str(v).strip().lower() for v in baris[0]]
    if KOLOM_PERLU_DICEK.lower() not in judul:
        return []
    c = judul.index(KOLOM_PERLU_DICEK.lower())
    huruf = get_column_letter(c + 1)
    hasil: list[Masalah] = []
    for r, isi in enumerate(baris[1:], start=2):
        teks = str(isi[c]).strip() if c < len(isi) and isi[c] is not None else ""
        if teks:
            hasil.append(Masalah(LEMBAR_DATA, r, huruf, f"Hasil impor belum dikonfirmasi: {teks}.",
                                 "data_induk.perlu_dicek", "peringatan",
                                 saran="Periksa baris ini, perbaiki bila perlu, lalu kosongkan sel 'Perlu dicek'."))
    return hasil


def _cek_jenis(data: DataInduk) -> list[Masalah]:
    """A kumulatif indicator whose unit is a level (%, indeks, nilai, ...): its quarters would be summed.
    A warning: the type the user chose wins, the core only guesses from the unit."""
    hasil: list[Masalah] = []
    for b in data.baris:
        if b.jenis is not JenisIndikator.KUMULATIF or not b.satuan:
            continue
        tebakan = tebak_jenis(b.satuan, b.indikator or None)
        if tebakan in (JenisIndikator.PERSENTASE, JenisIndikator.NILAI_AKHIR):
            hasil.append(_di(data, b, "jenis", f"Jenis Indikator 'kumulatif' tetapi satuannya '{b.satuan}' "
                             f"(ukuran tingkat): realisasi tahunan akan menjumlahkan nilai TW I-IV. Biasanya "
                             f"'{tebakan.value}'; biarkan 'kumulatif' hanya bila memang dijumlahkan.",
                             "jenis_satuan", "peringatan", saran=tebakan.value))
    return hasil
