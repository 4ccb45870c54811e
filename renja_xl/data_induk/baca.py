"""Reading a Data Induk workbook into typed rows (:class:`DataInduk`), every problem located.

The generator fills every form from it and the checker compares forms against it, so this module turns the
workbook into typed rows and explains every problem in Indonesian with sheet, row and column letter. Columns
and Info labels are found by their text, never by position, so users may reorder or restyle the template
freely.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

from openpyxl.utils import get_column_letter

from renja_xl.angka import HURUF_NILAI, OPINI_BPK, Angka, format_angka, parse_angka
from renja_xl.buku import baca_nilai, nilai_sel
from renja_xl.capaian import JenisIndikator, jenis_dari_satuan, peringkat_huruf, skala_huruf
from renja_xl.data_induk.model import (KERTAS_BAKU, KOLOM_DATA, LABEL_INFO, LEMBAR_DATA, LEMBAR_INFO, PILIHAN_JENIS,
                                       PILIHAN_KERTAS, BarisIndikator, DataInduk, Info, Kolom, Masalah, baca_kertas,
                                       kode_induk, normal_judul)
from renja_xl.galat import GalatPengguna
from renja_xl.jeda_gc import jeda_gc
from renja_xl.kode import Tingkat, dari_template, parse_kode
from renja_xl.pemda import baca_pemda

__all__ = ["baca_data_induk", "baca_dengan_masalah", "target_khusus", "KOLOM_TARGET_KHUSUS"]

# the K targets that may be a bound or a range (not the n+1 target: it enters T-C.29's perkiraan as a number)
KOLOM_TARGET_KHUSUS = frozenset(("target_renstra_k", "target_k", "target_tw1", "target_tw2", "target_tw3", "target_tw4"))
_KOLOM_ANGKA = tuple(k for k in KOLOM_DATA if k.jenis in ("k", "rp"))
_KOLOM_K = tuple(k for k in KOLOM_DATA if k.jenis == "k")
_KOLOM_RP = tuple(k for k in KOLOM_DATA if k.jenis == "rp")


class _Catatan:
    """Collects every problem so the user sees all of them at once, not one per run."""

    def __init__(self) -> None:
        self.daftar: list[Masalah] = []

    def tambah(self, lembar: str, baris: int | None, kolom: str | None, pesan: str, jenis: str) -> None:
        self.daftar.append(Masalah(lembar, baris, kolom, pesan, f"data_induk.{jenis}"))


class _LembarNilai:
    """One sheet's values in the shape the reader asks openpyxl for (``max_row``, ``iter_rows`` of value
    tuples from A1), so the same code reads a calamine grid or an openpyxl sheet."""

    def __init__(self, baris: list[list[object]]) -> None:
        self._baris = baris
        self.max_row = len(baris)

    def iter_rows(self, min_row: int = 1, max_row: int | None = None, max_col: int | None = None,
                  values_only: bool = True) -> Any:
        akhir = self.max_row if max_row is None else min(max_row, self.max_row)
        for r in range(min_row - 1, akhir):
            b = self._baris[r]
            yield tuple(b[:max_col]) if max_col is not None else tuple(b)


class _BukuNilai:
    """The workbook as ``sheetnames`` and ``wb[nama]`` over calamine values."""

    def __init__(self, lembar: dict[str, list[list[object]]]) -> None:
        self._lembar = lembar
        self.sheetnames = list(lembar)

    def __getitem__(self, nama: str) -> _LembarNilai:
        return _LembarNilai(self._lembar[nama])


def _nilai_openpyxl(v: object) -> object:
    """A calamine value as openpyxl gives it: blank None, whole numbers int, a date cell a datetime (idempotent,
    so a value already converted, or an openpyxl cell value, passes unchanged)."""
    v = nilai_sel(v)
    if isinstance(v, date) and not isinstance(v, datetime):
        return datetime(v.year, v.month, v.day)
    return v


_BARIS_JUDUL_MAKS = 10
"""The header row is looked for in rows 1-10 of sheet Data (``_peta_kolom``)."""
_DAFTAR_HURUF = f"{', '.join(HURUF_NILAI)}; opini BPK: {', '.join(OPINI_BPK)}"
"""The grades a K cell may hold, as the messages list them."""


def _buka(path: Path) -> Any:
    """Open through renja_xl.buku (size/zip-bomb/format checks, clear errors) and read the two sheets' values
    with python-calamine: the reader needs values only, and this is ~10x faster than openpyxl cells.
    Error cells keep their text (``#REF!``) and dates are datetimes, as openpyxl gives them: sheet Info and the
    rows where the Data header may be are converted here; the Data rows below stay as calamine gives them and
    ``_baca_data`` converts (``_nilai_openpyxl``) only the cells it does not read as a plain number or text."""
    lembar = baca_nilai(path, lembar_saja=(LEMBAR_INFO, LEMBAR_DATA), galat_teks=True, mentah=True)
    for nama, isi in lembar.items():
        for b in isi if nama != LEMBAR_DATA else isi[:_BARIS_JUDUL_MAKS]:
            b[:] = map(_nilai_openpyxl, b)
    return _BukuNilai(lembar)


def _teks(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, str):  # str.split() splits on the same whitespace as re's \s: same text, no regex
        return " ".join(v.split())
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


def _baca_info(wb: Any, cat: _Catatan, paksa: bool, letak: dict[str, int]) -> Info:
    nilai: dict[str, object] = {}
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
        elif li.jenis == "kertas":
            hasil[li.kunci] = _kertas(v, salah)
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
                              else _KOSONG_INFO.get(li.jenis, ""))
                   for li in LABEL_INFO})


_KOSONG_INFO: dict[str, object] = {"tahun": 0, "triwulan": 0, "kertas": KERTAS_BAKU}


def _kertas(v: object, salah: Callable[..., None]) -> str:
    k = baca_kertas(v)
    if k is not None:
        return k
    salah(f"'{_pendek(v)}' bukan ukuran kertas yang dikenal; pilih {', '.join(PILIHAN_KERTAS)} (kosong = "
          f"{KERTAS_BAKU}).", "kertas")
    return KERTAS_BAKU


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
    for r, baris in enumerate(ws.iter_rows(min_row=1, max_row=min(ws.max_row or 1, _BARIS_JUDUL_MAKS),
                                           values_only=True), start=1):
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


def _baca_data(wb: Any, info: Info, cat: _Catatan, kolom: dict[str, int],
               tertulis: dict[int, str]) -> list[BarisIndikator]:
    if LEMBAR_DATA not in wb.sheetnames:
        cat.tambah(LEMBAR_DATA, None, None, f"lembar '{LEMBAR_DATA}' tidak ada (lembar yang ada: "
                   f"{', '.join(wb.sheetnames)}). Salin lembar Data dari templat Data Induk.", "lembar_hilang")
        return []
    ws = wb[LEMBAR_DATA]
    baris_judul, peta = _peta_kolom(ws, cat)
    kolom.update(peta)
    if not baris_judul or "kode" not in peta:
        return []
    jenis_pemda = info.jenis_pemda or None
    bidang = info.bidang_urusan or None
    hasil: list[BarisIndikator] = []
    kode_lalu: str | None = None
    tingkat_lalu: Tingkat | None = None
    pertama: dict[str, int] = {}       # kode -> sheet row where it first appears
    tanpa_induk: set[str] = set()      # parents already reported missing (once each)
    # column positions resolved once (0-based, None = column absent), not looked up per cell
    idx = {k: c - 1 for k, c in peta.items()}
    lebar = max(idx.values()) + 1
    i_kode, i_uraian, i_satuan, i_indikator, i_jenis = (idx.get(k) for k in ("kode", "uraian", "satuan", "indikator",
                                                                             "jenis"))
    kol_angka = [(kol.kunci, idx.get(kol.kunci), kol, kol.kunci in KOLOM_TARGET_KHUSUS, kol.jenis == "k")
                 for kol in _KOLOM_ANGKA]
    jenis_teks: dict[str, JenisIndikator | None] = {}   # the same few type texts on every row
    teks_sel: dict[str, str] = {}      # units, sources, locations, names: the same texts over and over
    induk_kode: dict[str, str | None] = {}

    def tk(v: object) -> str:
        """``_teks`` remembered per text."""
        if type(v) is str:
            t = teks_sel.get(v)
            if t is None:
                t = teks_sel[v] = _teks(v)
            return t
        return _teks(v)

    for r, sel in enumerate(ws.iter_rows(min_row=baris_judul + 1, values_only=True), start=baris_judul + 1):
        for v in sel:  # skip an empty row (every cell blank or whitespace)
            if v is not None and (v.split() if type(v) is str else _teks(v) != ""):
                break
        else:
            continue
        if len(sel) < lebar:
            sel = (*sel, *(None,) * (lebar - len(sel)))

        def ambil(kunci: str) -> object:
            c = peta.get(kunci)
            return sel[c - 1] if c is not None else None

        def salah(kunci: str, pesan: str, jenis: str) -> None:
            c = peta.get(kunci)
            cat.tambah(LEMBAR_DATA, r, get_column_letter(c) if c else None, pesan, jenis)

        # kode
        v_kode = sel[i_kode] if i_kode is not None else None
        if type(v_kode) is not str or not v_kode:
            v_kode = _nilai_openpyxl(v_kode)
        if isinstance(v_kode, str) and v_kode.strip():
            tertulis[r] = v_kode.strip()
        uraian = tk(sel[i_uraian]) if i_uraian is not None else ""
        kode: str | None = None
        tingkat: Tingkat | None = None
        if isinstance(v_kode, (int, float)) and not isinstance(v_kode, bool):
            salah("kode", f"kode tersimpan sebagai angka ({v_kode}); Excel membuang nol di belakang dan titik "
                  "sesudahnya. Format kolom Kode sebagai Teks lalu ketik ulang kodenya.", "kode_angka")
        elif tk(v_kode) == "":
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
        satuan = tk(sel[i_satuan]) if i_satuan is not None else ""
        indikator = tk(sel[i_indikator]) if i_indikator is not None else ""
        v_jenis = sel[i_jenis] if i_jenis is not None else None
        if type(v_jenis) is not str or not v_jenis:
            v_jenis = _nilai_openpyxl(v_jenis)
        if type(v_jenis) is str:
            if v_jenis in jenis_teks:
                jenis = jenis_teks[v_jenis]
            else:
                jenis = jenis_teks[v_jenis] = JenisIndikator.dari_teks(v_jenis)
        else:
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
        # numbers: a plain number cell is taken as it is here; anything else goes through _angka
        angka: dict[str, Any] = {}
        ada_teks = False
        for kunci, i, kol, khusus, kol_k in kol_angka:
            v = sel[i] if i is not None else None
            if type(v) is float or type(v) is int:  # what _angka does with a number (whole or not)
                angka[kunci] = float(v)
            elif v is None or v == "":
                angka[kunci] = None
            else:
                a = angka[kunci] = _angka(_nilai_openpyxl(v), satuan, lambda p, j, kk=kunci: salah(kk, p, j), kol,
                                          khusus=khusus, huruf=kol_k and jenis is not JenisIndikator.KUMULATIF)
                ada_teks = ada_teks or isinstance(a, str)
        if ada_teks:  # a grade is text: without text there is nothing to compare
            isi_k = [kol for kol in _KOLOM_K if angka.get(kol.kunci) is not None]
            huruf = [kol for kol in isi_k if isinstance(angka[kol.kunci], str)
                     and peringkat_huruf(angka[kol.kunci]) is not None]
            if huruf and len(huruf) < len(isi_k):
                lain = next(kol for kol in isi_k if kol not in huruf)
                salah(lain.kunci, f"{lain.judul}: indikator ini dinilai dengan huruf ({angka[huruf[0].kunci]} di "
                      f"{huruf[0].judul}); isi semua nilai K-nya dengan huruf ({_DAFTAR_HURUF}), bukan angka.", "angka")
            elif huruf and (beda := next((kol for kol in huruf if skala_huruf(angka[kol.kunci])
                                          != skala_huruf(angka[huruf[0].kunci])), None)):
                salah(beda.kunci, f"{beda.judul}: '{angka[beda.kunci]}' tidak satu skala dengan "
                      f"'{angka[huruf[0].kunci]}' di {huruf[0].judul}; pakai satu skala untuk satu indikator "
                      "(AA … D untuk nilai SAKIP, WTP … TMP untuk opini BPK).", "angka")
        if tingkat in (Tingkat.PROGRAM, Tingkat.KEGIATAN):
            isi = [kol for kol in _KOLOM_RP if angka.get(kol.kunci) is not None]
            if isi:
                salah(isi[0].kunci, f"Rp diisi pada baris {tingkat.label} ({', '.join(k.judul for k in isi)}); "
                      "isi Rp hanya pada baris sub kegiatan — pembuat formulir menjumlahkannya ke kegiatan dan "
                      "program.", "rp_induk")
        if kode is None or tingkat is None:
            continue
        if kode != kode_lalu and kode in pertama:
            salah("kode", f"kode {kode} sudah dipakai di baris {pertama[kode]}; baris-baris indikator satu kode "
                  "harus berurutan (kode ganda?).", "kode_ganda")
        induk = induk_kode[kode] if kode in induk_kode else induk_kode.setdefault(kode, kode_induk(kode))
        if induk is not None and kode not in pertama and induk not in pertama and induk not in tanpa_induk:
            tanpa_induk.add(induk)
            salah("kode", f"{Tingkat(tingkat - 1).label} induknya ({induk}) tidak punya baris di atasnya; "
                  f"tambahkan baris {Tingkat(tingkat - 1).label} {induk} beserta indikatornya.", "induk_hilang")
        pertama.setdefault(kode, r)
        kode_lalu, tingkat_lalu = kode, tingkat
        hasil.append(BarisIndikator(
            baris=r, kode=kode, tingkat=tingkat, uraian=uraian, sasaran=tk(ambil("sasaran")),
            indikator=indikator, satuan=satuan, jenis=jenis,
            target_renstra_k=angka["target_renstra_k"], target_renstra_rp=angka["target_renstra_rp"],
            realisasi_lalu_k=angka["realisasi_lalu_k"], realisasi_lalu_rp=angka["realisasi_lalu_rp"],
            target_k=angka["target_k"], target_rp=angka["target_rp"],
            tw_k=(angka["tw_k1"], angka["tw_k2"], angka["tw_k3"], angka["tw_k4"]),
            tw_rp=(angka["tw_rp1"], angka["tw_rp2"], angka["tw_rp3"], angka["tw_rp4"]),
            target_tw_k=(angka["target_tw1"], angka["target_tw2"], angka["target_tw3"], angka["target_tw4"]),
            lokasi=tk(ambil("lokasi")), sumber_dana=tk(ambil("sumber_dana")),
            target_n1_k=angka["target_n1_k"], pagu_n1=angka["pagu_n1"],
            penanggung_jawab=tk(ambil("penanggung_jawab")), keterangan=tk(ambil("keterangan")),
        ))
    if not hasil and not any(m.lembar == LEMBAR_DATA for m in cat.daftar):
        cat.tambah(LEMBAR_DATA, baris_judul + 1, None, "lembar Data belum berisi baris indikator.", "data_kosong")
    return hasil


def target_khusus(a: Angka) -> str | None:
    """A bound (``<5%``, ``>= 80``) or a range (``4,5 - 5,5 %``) as one canonical text the core reads back
    the same (``angka.parse_angka``); None for anything else."""
    if a.jamak or a.huruf:
        return None
    persen = "%" if a.persen else ""
    if a.rentang is not None:
        lo, hi = a.rentang
        return f"{format_angka(lo)}–{format_angka(hi)}{persen}"
    if a.batas and a.nilai is not None:
        return f"{a.batas}{format_angka(a.nilai)}{persen}"
    return None


def _angka(v: object, satuan: str, salah: Callable[[str, str], None], kol: Kolom, *, khusus: bool = False,
           huruf: bool = False) -> float | str | None:
    """A number cell: numbers as they are, Indonesian text numbers through parse_angka, blank/'-' as None.
    ``khusus``: a target column, where a bound or a range is kept as its canonical text (``target_khusus``);
    ``huruf``: a K column of a level indicator, where a letter grade (AA ... D) is kept as its text."""
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
    if khusus and (t := target_khusus(a)) is not None:
        return t
    if huruf and a.huruf and not a.jamak and peringkat_huruf(a.huruf) is not None:
        return a.huruf
    if a.nilai is not None and not a.jamak and not a.batas:
        return a.nilai
    if a.jamak:
        alasan = "berisi beberapa angka dalam satu sel; pisahkan tiap indikator ke barisnya sendiri"
    elif a.rentang or a.batas:
        alasan = ("berisi rentang atau batas; itu hanya boleh pada kolom target (Target Renstra K, Target Renja K, "
                  "Target TW); di sini isi satu angka")
    elif a.huruf:
        alasan = (f"berisi nilai huruf; nilai huruf ({_DAFTAR_HURUF}) hanya untuk indikator jenis Nilai Akhir, "
                  "Persentase atau Menurun" if kol.jenis == "k" else "berisi nilai huruf; isi angka")
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


@jeda_gc()  # hundreds of thousands of cell values and rows: the default collector pass rate cost ~20 %
def baca_dengan_masalah(path: Path) -> tuple[DataInduk, list[Masalah]]:
    """The rows that could be read plus every reading problem, never raising for content (the check and
    ``paksa`` build on it); an unopenable file still raises ``GalatPengguna``."""
    wb = _buka(path)
    cat = _Catatan()
    letak: dict[str, int] = {}
    info = _baca_info(wb, cat, paksa=True, letak=letak)
    kolom: dict[str, int] = {}
    tertulis: dict[int, str] = {}
    baris = _baca_data(wb, info, cat, kolom, tertulis)
    if not 1 <= info.triwulan <= 4:
        terisi = [i + 1 for i in range(4) if any(b.tw_k[i] is not None or b.tw_rp[i] is not None for b in baris)]
        info.triwulan = terisi[-1] if terisi else 1
    return DataInduk(info=info, baris=baris, berkas=path, kolom=kolom, kode_tertulis=tertulis,
                     baris_info=letak), cat.daftar


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
    data, masalah = baca_dengan_masalah(berkas)
    data.masalah = masalah
    if masalah and not paksa:
        raise _galat(berkas, masalah)
    return data


