"""Read the official nomenclature files people actually have into catalog entries.

Three layouts are recognised from their header row, whatever the file is called:

1. SIPD's nomenclature export (``.xlsx``; ``JENIS PEMDA | BIDANG | PROGRAM | KEGIATAN | SUBKEGIATAN | ...``,
   code and name in one cell);
2. the Kepmendagri lampiran table (``.xlsx``; codes split over integer columns ``URUSAN/UNSUR | BIDANG URUSAN |
   PROGRAM | KEGIATAN | SUB KEGIATAN | NOMENKLATUR URUSAN | ...``, PDF-extracted text);
3. flat CSV: ``kode,nama,...``, ``level,kode,nama,...`` or the split-out SIPD flat
   (``kode_bidang, nama_bidang, kode_program, ...``).

Anything else is refused with a :class:`GalatPengguna` naming the columns expected and found.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from renja_xl.galat import GalatPengguna
from renja_xl.kode import Tingkat, parse_kode, pisah_kode_nama
from renja_xl.nomenklatur.katalog import PEMDA_KABKOT, PEMDA_PROV, Entri

__all__ = ["HasilImpor", "impor_berkas", "sha256_berkas", "URUSAN"]

#: Urusan names (Permendagri 90/2019 lampiran); used when a list has no urusan rows of its own.
URUSAN: dict[str, str] = {
    "1": "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR",
    "2": "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR",
    "3": "URUSAN PEMERINTAHAN PILIHAN",
    "4": "UNSUR PENDUKUNG URUSAN PEMERINTAHAN",
    "5": "UNSUR PENUNJANG URUSAN PEMERINTAHAN",
    "6": "UNSUR PENGAWASAN URUSAN PEMERINTAHAN",
    "7": "UNSUR KEWILAYAHAN",
    "8": "UNSUR PEMERINTAHAN UMUM",
    "9": "UNSUR KEKHUSUSAN",
    "X": "URUSAN X.XX",
}

_KODE_MENTAH = re.compile(r"[1-9X]\.(?:\d\d|XX)(?:\.\d\d(?:\.[1-8]\.\d\d(?:\.\d\d|\.\d{4})?)?)?", re.ASCII)
_TINGKAT_SEGMEN = {1: Tingkat.URUSAN, 2: Tingkat.BIDANG, 3: Tingkat.PROGRAM, 5: Tingkat.KEGIATAN,
                   6: Tingkat.SUB_KEGIATAN}
_AWAL_KODE = re.compile(r"\s*(\S+)\s*(.*)", re.S)
_KODE_DI_NAMA = re.compile(r"[0-9X]+(?:\.[0-9X]+)+\s+")
_MAKS_BAIT = 200 * 1024 * 1024  # refuse absurdly large inputs before reading them
_SPASI = re.compile(r"\s+")
_LEVEL = {
    "urusan": Tingkat.URUSAN, "bidang": Tingkat.BIDANG, "bidang_urusan": Tingkat.BIDANG,
    "program": Tingkat.PROGRAM, "kegiatan": Tingkat.KEGIATAN, "sub_kegiatan": Tingkat.SUB_KEGIATAN,
    "subkegiatan": Tingkat.SUB_KEGIATAN, "sub kegiatan": Tingkat.SUB_KEGIATAN,
    "1": Tingkat.URUSAN, "2": Tingkat.BIDANG, "3": Tingkat.PROGRAM, "4": Tingkat.KEGIATAN, "5": Tingkat.SUB_KEGIATAN,
}

# header signatures (normalised header text)
_SIPD = ("JENIS PEMDA", "BIDANG", "PROGRAM", "KEGIATAN", "SUBKEGIATAN")
_LAMPIRAN = ("URUSAN/UNSUR", "BIDANG URUSAN/BIDANG UNSUR", "PROGRAM", "KEGIATAN", "SUB KEGIATAN", "NOMENKLATUR URUSAN")
_SIPD_FLAT = ("jenis_pemda", "kode_bidang", "nama_bidang", "kode_program", "nama_program", "kode_kegiatan",
              "nama_kegiatan", "kode_sub_kegiatan", "nama_sub_kegiatan")
_FLAT = ("kode", "nama")


@dataclass
class HasilImpor:
    """What a file yielded: the entries, the layout recognised and facts for the version index."""

    entri: list[Entri]
    format: str
    info: dict = field(default_factory=dict)


def teks(x: object) -> str:
    """Cell text with whitespace runs (PDF extraction, newlines) collapsed to one space."""
    if x is None:
        return ""
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return _SPASI.sub(" ", str(x)).strip()


def _nama_bersih(s: str) -> str:
    """Collapse whitespace; drop a stray ``rn`` left where an escaped CR/LF was flattened (``Daerahrn``)."""
    s = teks(s)
    if len(s) > 3 and s.endswith("rn") and s[-3] not in "e ":
        s = s[:-2].rstrip()
    return s


def kode_nama(sel: str) -> tuple[str | None, str]:
    """Split a SIPD 'code name' cell. The code is the first word; a second code glued in front of the name
    (SIPD repeats the predecessor code there on a few rows) is dropped from the name."""
    m = _AWAL_KODE.match(sel)
    if m and parse_kode(m.group(1)).valid:
        return m.group(1), _KODE_DI_NAMA.sub("", m.group(2), count=1) if _KODE_DI_NAMA.match(m.group(2)) else m.group(2)
    return pisah_kode_nama(sel)


def sha256_berkas(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


# --------------------------------------------------------------------------------------------------
# collecting rows into entries


class _Pengumpul:
    """Merges rows into one entry per code (a code repeats per pemda kind and per indicator)."""

    def __init__(self) -> None:
        self.data: dict[str, dict] = {}
        self.dilewati: list[str] = []

    def tambah(self, kode: str | None, tingkat: Tingkat | None, nama: str, pemda: Iterable[str] = (), *,
               kinerja: str = "", indikator: str = "", satuan: str = "", sebelumnya: str | None = None,
               dasar: str = "", lokasi: str = "") -> None:
        if not kode:
            return
        k = parse_kode(kode)
        if k.normal is not None and k.valid and k.tingkat is not None:
            kode_n, tingkat_k = k.normal, k.tingkat
        elif _KODE_MENTAH.fullmatch(kode):  # e.g. program 00 (Sekretariat DPRD) in the 050-3708/2020 list
            kode_n = kode
            tingkat_k = _TINGKAT_SEGMEN[kode.count(".") + 1]
        else:
            self.dilewati.append(f"{lokasi}: '{kode}'" if lokasi else repr(kode))
            return
        if tingkat is not None and tingkat != tingkat_k:
            self.dilewati.append(f"{lokasi}: '{kode}' (tingkat {tingkat.label} tidak sesuai bentuk kode)")
            return
        d = self.data.get(kode_n)
        if d is None:
            d = self.data[kode_n] = {"tingkat": tingkat_k, "nama": [], "pemda": set(), "kinerja": "",
                                     "indikator": "", "satuan": "", "sebelumnya": [], "dasar": ""}
        nama = _nama_bersih(nama)
        if nama and nama not in d["nama"]:
            d["nama"].append(nama)
        d["pemda"].update(p for p in pemda if p)
        for kunci, nilai in (("kinerja", kinerja), ("indikator", indikator), ("satuan", satuan), ("dasar", dasar)):
            if not d[kunci] and nilai:
                d[kunci] = teks(nilai)
        if sebelumnya:
            lama = parse_kode(sebelumnya).normal
            if lama and lama not in d["sebelumnya"]:
                d["sebelumnya"].append(lama)

    def tambah_induk(self) -> None:
        """Add parents the source lists only implicitly (urusan from the bidang code); fill pemda upwards."""
        for kode_n in list(self.data):
            u = kode_n.split(".")[0]
            if u not in self.data:
                self.data[u] = {"tingkat": Tingkat.URUSAN, "nama": [URUSAN.get(u, "")] if URUSAN.get(u) else [],
                                "pemda": set(), "kinerja": "", "indikator": "", "satuan": "", "sebelumnya": [],
                                "dasar": ""}
        for kode_n, d in self.data.items():
            if d["pemda"]:
                k = parse_kode(kode_n)
                for induk in k.induk():
                    if induk in self.data:
                        self.data[induk]["pemda"].update(d["pemda"])

    def entri(self) -> list[Entri]:
        hasil = []
        for kode_n in sorted(self.data):
            d = self.data[kode_n]
            nama = d["nama"] or [""]
            pemda = ",".join(p for p in (PEMDA_PROV, PEMDA_KABKOT) if p in d["pemda"])
            hasil.append(Entri(
                kode=kode_n, tingkat=d["tingkat"], nama=nama[0], pemda=pemda, kinerja=d["kinerja"],
                indikator=d["indikator"], satuan=d["satuan"], sebelumnya=tuple(d["sebelumnya"]),
                nama_lain=tuple(nama[1:]), dasar=d["dasar"]))
        return hasil


def _pemda(x: str) -> list[str]:
    s = teks(x).upper()
    if not s:
        return []
    if s.startswith("PROV"):
        return [PEMDA_PROV]
    if s.startswith(("KAB", "KOTA")):
        return [PEMDA_KABKOT]
    return []


def _kepala(x: object) -> str:
    return teks(x).upper()


# --------------------------------------------------------------------------------------------------
# layout 1: SIPD export


def _baca_sipd(baris: list[list[object]], mulai: int, kepala: list[str], p: _Pengumpul, lembar: str) -> int:
    idx = {h: i for i, h in enumerate(kepala) if h}
    ambil = lambda r, h: r[idx[h]] if h in idx and idx[h] < len(r) else ""  # noqa: E731
    n = 0
    for no, r in enumerate(baris[mulai:], start=mulai + 1):
        if not any(teks(c) for c in r):
            continue
        n += 1
        pemda = _pemda(ambil(r, "JENIS PEMDA"))
        lok = f"lembar '{lembar}' baris {no}"
        for kolom, tingkat in (("BIDANG", Tingkat.BIDANG), ("PROGRAM", Tingkat.PROGRAM),
                               ("KEGIATAN", Tingkat.KEGIATAN), ("SUBKEGIATAN", Tingkat.SUB_KEGIATAN)):
            sel = teks(ambil(r, kolom))
            if not sel:
                continue
            kode, nama = kode_nama(sel)
            if tingkat is Tingkat.SUB_KEGIATAN:
                lama = teks(ambil(r, "SUBKEGIATAN SEBELUMNYA"))
                p.tambah(kode, tingkat, nama, pemda, kinerja=teks(ambil(r, "KINERJA")),
                         indikator=teks(ambil(r, "INDIKATOR")), satuan=teks(ambil(r, "SATUAN")),
                         sebelumnya=kode_nama(lama)[0] if lama else None, lokasi=lok)
            else:
                p.tambah(kode, tingkat, nama, pemda, lokasi=lok)
    return n


# --------------------------------------------------------------------------------------------------
# layout 2: Kepmendagri lampiran (codes split over columns)


def _bagian(x: object, lebar: int) -> str:
    """One code part from a lampiran cell: ints get their zero padding back (``1.0`` -> ``01``)."""
    if x is None or x == "":
        return ""
    if isinstance(x, float):
        if x.is_integer():
            return str(int(x)).zfill(lebar)
        return f"{x:.2f}"  # a kegiatan cell such as 2.1 -> 2.10
    if isinstance(x, int):
        return str(x).zfill(lebar)
    s = teks(x)
    return s.zfill(lebar) if s.isdigit() else s


def _baca_lampiran(baris: list[list[object]], mulai: int, kepala: list[str], p: _Pengumpul, lembar: str,
                   digit_sub: int = 4) -> int:
    idx = {h: i for i, h in enumerate(kepala) if h}
    kol = [idx[h] for h in _LAMPIRAN[:5]]
    i_nama = idx["NOMENKLATUR URUSAN"]
    opsional = {h: idx.get(h) for h in ("KINERJA", "INDIKATOR", "SATUAN")}
    mentah: list[tuple[str, str, dict, str]] = []
    digit_ada: set[str] = set()
    n = 0
    for no, r in enumerate(baris[mulai:], start=mulai + 1):
        r = list(r) + [""] * (max(kol + [i_nama]) + 1 - len(r))
        bag = [_bagian(r[kol[0]], 1), _bagian(r[kol[1]], 2), _bagian(r[kol[2]], 2), _bagian(r[kol[3]], 4),
               _bagian(r[kol[4]], digit_sub)]
        if not any(bag):
            continue
        n += 1
        while bag and not bag[-1]:
            bag.pop()
        kode = ".".join(bag)
        if len(bag) >= 4:
            digit_ada.add(bag[3].split(".")[0])
        ekstra = {h: teks(r[i]) if i is not None and i < len(r) else "" for h, i in opsional.items()}
        mentah.append((kode, teks(r[i_nama]), ekstra, f"lembar '{lembar}' baris {no}"))
    # pemda kind: digit 1 = provinsi, 2 = kab/kota; special regions take the scope of the file
    lingkup = ([PEMDA_PROV] if "1" in digit_ada else []) + ([PEMDA_KABKOT] if digit_ada - {"1"} else [])
    for kode, nama, ekstra, lok in mentah:
        seg = kode.split(".")
        digit = seg[3] if len(seg) >= 4 else None
        pemda = [PEMDA_PROV] if digit == "1" else [PEMDA_KABKOT] if digit == "2" else (lingkup if digit else [])
        p.tambah(kode, None, nama, pemda, kinerja=ekstra["KINERJA"], indikator=ekstra["INDIKATOR"],
                 satuan=ekstra["SATUAN"], lokasi=lok)
    return n


# --------------------------------------------------------------------------------------------------
# layout 3: flat CSV


def _baca_csv_sipd(rows: list[dict[str, str]], p: _Pengumpul) -> None:
    for no, r in enumerate(rows, start=2):
        pemda = _pemda(r.get("jenis_pemda", ""))
        lok = f"baris {no}"
        for t, a in ((Tingkat.BIDANG, "bidang"), (Tingkat.PROGRAM, "program"), (Tingkat.KEGIATAN, "kegiatan")):
            p.tambah(teks(r.get(f"kode_{a}")), t, r.get(f"nama_{a}", ""), pemda, lokasi=lok)
        p.tambah(teks(r.get("kode_sub_kegiatan")), Tingkat.SUB_KEGIATAN, r.get("nama_sub_kegiatan", ""), pemda,
                 kinerja=r.get("kinerja", ""), indikator=r.get("indikator", ""), satuan=r.get("satuan", ""),
                 sebelumnya=teks(r.get("sub_kegiatan_sebelumnya_kode")) or None, lokasi=lok)


def _baca_csv_datar(rows: list[dict[str, str]], p: _Pengumpul, berkas: Path) -> None:
    for no, r in enumerate(rows, start=2):
        level = teks(r.get("level") or r.get("tingkat") or "").lower()
        tingkat = _LEVEL.get(level) if level else None
        if level and tingkat is None:
            raise GalatPengguna(f"nilai kolom level '{level}' tidak dikenal (pakai urusan, bidang, program, "
                                "kegiatan atau sub_kegiatan)", berkas=berkas, sel=f"baris {no}")
        sebelumnya = teks(r.get("kode_sebelumnya") or r.get("sub_kegiatan_sebelumnya_kode") or "")
        p.tambah(teks(r.get("kode")), tingkat, r.get("nama", ""), _pemda(r.get("jenis_pemda", "")),
                 kinerja=r.get("kinerja", "") or "", indikator=r.get("indikator", "") or "",
                 satuan=r.get("satuan", "") or "", sebelumnya=sebelumnya or None,
                 dasar=r.get("dasar_hukum_baris", "") or "", lokasi=f"baris {no}")


def _decode(data: bytes, berkas: Path) -> tuple[str, str]:
    """UTF-8 (with or without BOM) first; then Windows-1252 / Latin-1, which Excel on Windows writes."""
    if b"\x00" in data[:4096]:
        raise GalatPengguna("berkas ini bukan CSV teks (berisi byte NUL; mungkin UTF-16 atau berkas biner)",
                            berkas=berkas, saran="Simpan ulang dari Excel sebagai 'CSV UTF-8 (Comma delimited)'.")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _baca_csv(path: Path, p: _Pengumpul, info: dict) -> str:
    teks_csv, enc = _decode(path.read_bytes(), path)
    info["encoding"] = enc
    if enc != "utf-8":
        info.setdefault("peringatan", []).append(
            f"Berkas CSV bukan UTF-8; dibaca sebagai {enc}. Periksa huruf beraksen pada nama.")
    try:
        dialek = csv.Sniffer().sniff(teks_csv[:4096], delimiters=",;\t")
        pemisah = dialek.delimiter
    except csv.Error:
        pemisah = ","
    try:
        reader = csv.DictReader(io.StringIO(teks_csv, newline=""), delimiter=pemisah)
        kepala = [teks(h).lower() for h in (reader.fieldnames or [])]
        reader.fieldnames = kepala
        rows = list(reader)
    except csv.Error as e:
        raise GalatPengguna(f"CSV tidak bisa dibaca: {e}", berkas=path) from None
    if all(h in kepala for h in _SIPD_FLAT):
        _baca_csv_sipd(rows, p)
        info["baris"] = len(rows)
        return "csv-sipd"
    if all(h in kepala for h in _FLAT):
        _baca_csv_datar(rows, p, path)
        info["baris"] = len(rows)
        return "csv-datar"
    raise GalatPengguna(
        "susunan kolom CSV tidak dikenali. Diharapkan kolom 'kode,nama' (boleh dengan level, jenis_pemda, "
        f"kinerja, indikator, satuan) atau ekspor SIPD datar ({', '.join(_SIPD_FLAT)}); ditemukan: "
        f"{', '.join(h for h in kepala if h) or '(tidak ada judul kolom)'}", berkas=path)


# --------------------------------------------------------------------------------------------------
# xlsx


def _baca_xlsx(path: Path, p: _Pengumpul, info: dict) -> str:
    from renja_xl.buku import baca_nilai  # safety checks (zip bombs, DTDs, .xls, encryption) + calamine

    ditemukan: list[str] = []
    for lembar, baris in baca_nilai(path).items():
        for i, r in enumerate(baris[:15]):
            kepala = [_kepala(c) for c in r]
            if all(h in kepala for h in _SIPD):
                info["baris"] = _baca_sipd(baris, i + 1, kepala, p, lembar)
                info["lembar"] = lembar
                return "sipd-xlsx"
            if all(h in kepala for h in _LAMPIRAN):
                info["baris"] = _baca_lampiran(baris, i + 1, kepala, p, lembar)
                info["lembar"] = lembar
                return "lampiran-xlsx"
        if baris and not ditemukan:
            ditemukan = [h for h in (_kepala(c) for c in baris[0]) if h]
    raise GalatPengguna(
        "susunan kolom tidak dikenali sebagai daftar nomenklatur. Diharapkan ekspor SIPD ("
        f"{' | '.join(_SIPD)} | ...) atau lampiran Kepmendagri ({' | '.join(_LAMPIRAN)}); ditemukan: "
        f"{' | '.join(ditemukan[:20]) or '(lembar kosong)'}", berkas=path)


def impor_berkas(path: str | Path) -> HasilImpor:
    """Read one official list (format detected from content) into entries; raises GalatPengguna on bad input."""
    path = Path(path)
    if not path.is_file():
        raise GalatPengguna("berkas tidak ditemukan", berkas=path)
    ukuran = path.stat().st_size
    if ukuran > _MAKS_BAIT:
        raise GalatPengguna(f"berkas terlalu besar ({ukuran // (1024 * 1024)} MB) untuk daftar nomenklatur",
                            berkas=path)
    if ukuran == 0:
        raise GalatPengguna("berkas kosong", berkas=path)
    p = _Pengumpul()
    info: dict = {"sumber": path.name, "sha256": sha256_berkas(path)}
    with open(path, "rb") as f:
        awal = f.read(8)
    if awal.startswith((b"PK", b"\xd0\xcf\x11\xe0")) or path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        fmt = _baca_xlsx(path, p, info)
    else:
        fmt = _baca_csv(path, p, info)
    p.tambah_induk()
    entri = p.entri()
    if not any(e.tingkat >= Tingkat.PROGRAM for e in entri):
        raise GalatPengguna("tidak ada satu pun kode program/kegiatan/sub kegiatan yang terbaca dari berkas ini",
                            berkas=path)
    if p.dilewati:
        info["dilewati"] = len(p.dilewati)
        info.setdefault("peringatan", []).append(
            f"{len(p.dilewati)} baris dengan kode yang tidak terbaca dilewati, mis. {'; '.join(p.dilewati[:3])}")
    digit = {len(e.kode.rsplit('.', 1)[-1]) for e in entri if e.tingkat is Tingkat.SUB_KEGIATAN}
    info["digit_sub"] = 4 if 4 in digit else (2 if 2 in digit else None)
    return HasilImpor(entri=entri, format=fmt, info=info)

