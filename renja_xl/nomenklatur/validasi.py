"""Validate a code (and the name printed with it) against one version of the official list, like an auditor.

Pure: the caller passes the :class:`Katalog` (``simpan.muat_katalog`` loads one; ``simpan.validasi_aktif``
does both). Every finding is a :class:`Temuan` with an Indonesian message and, where the fix is clear, the
corrected code or the official name. The verdict (:class:`Vonis`) is ``benar``, ``peringatan`` or ``salah``.
Results are cached per (code, name, context, catalog): a workbook repeats the same codes on many rows.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache

from renja_xl.dataklas import init_cepat
from renja_xl.kode import Kode, Tingkat, parse_kode
from renja_xl.nomenklatur.katalog import (
    DASAR_2_DIGIT, DASAR_4_DIGIT, PEMDA_KABKOT, PEMDA_PROV, Entri, Era, Katalog, normal_nama,
)
from renja_xl.temuan import Temuan

__all__ = ["Konteks", "Vonis", "validasi", "banding_nama", "lupakan_cache", "BENAR", "PERINGATAN", "SALAH",
           "vonis_era_lain", "saran_impor_era", "kemiripan", "cek_nama_baris", "seperti_indikator"]

BENAR, PERINGATAN, SALAH = "benar", "peringatan", "salah"
_PEMDA_TEKS = {PEMDA_PROV: "provinsi", PEMDA_KABKOT: "kabupaten/kota"}
_KATA_PEMDA = {"provinsi", "kabupaten", "kota", "kab", "prov", "propinsi"}
_KATA_NEGASI = {"tidak", "bukan", "non", "tanpa"}
_AWAL_INDIKATOR = ("jumlah ", "persentase ", "presentase ", "prosentase ", "percentase ", "persentasi ", "rasio ",
                   "indeks ", "cakupan ", "tingkat ", "nilai ", "angka ", "rata rata ", "banyaknya ",
                   "jangka waktu ")
SARAN_IMPOR = ("Impor daftar resmi dengan: renja-xl nomenklatur impor BERKAS (ekspor nomenklatur SIPD .xlsx, "
               "lampiran Kepmendagri .xlsx, atau CSV kode,nama).")


@dataclass(frozen=True)
class Konteks:
    """What the document tells us: pemda kind ("provinsi" / "kabupaten/kota"), the OPD's bidang urusan
    ("2.17"), the level the row should have, and the catalog version to check against (used by shells)."""

    jenis_pemda: str | None = None
    bidang: str | None = None
    tingkat: Tingkat | None = None
    versi: str | None = None

    def __hash__(self) -> int:
        # computed once: every cached validation hashes its context (the generated hash costs a third of a
        # cache hit); never pickled, since string hashes differ between processes
        h = self.__dict__.get("_hash")
        if h is None:
            h = self.__dict__["_hash"] = hash((self.jenis_pemda, self.bidang, self.tingkat, self.versi))
        return h

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_hash"}


@init_cepat
@dataclass(frozen=True)
class Vonis:
    """The verdict on one code. ``kode`` is the input as given; ``saran`` the best corrected code, if any."""

    kode: str
    normal: str | None
    status: str
    nama_resmi: str | None
    tingkat: Tingkat | None
    temuan: tuple[Temuan, ...] = ()
    saran: str | None = None

    @property
    def benar(self) -> bool:
        return self.status == BENAR

    def ke_dict(self) -> dict:
        """JSON-ready; scripts rely on kode, status, nama_resmi, tingkat and temuan[].pesan/saran."""
        return {
            "kode": self.kode,
            "normal": self.normal,
            "status": self.status,
            "nama_resmi": self.nama_resmi,
            "tingkat": self.tingkat.label if self.tingkat is not None else None,
            "saran": self.saran,
            "temuan": [{"jenis": t.jenis, "tingkat": t.tingkat, "pesan": t.pesan, "saran": t.saran}
                       for t in self.temuan],
        }


def _status(temuan: list[Temuan] | tuple[Temuan, ...]) -> str:
    st = BENAR
    for t in temuan:
        if t.tingkat == "salah":
            return SALAH
        if t.tingkat == "peringatan":
            st = PERINGATAN
    return st


@lru_cache(maxsize=64)
def _pemda_kode(jenis_pemda: str | None) -> str | None:
    if not jenis_pemda:
        return None
    s = jenis_pemda.strip().lower()
    if s.startswith(("prov", "prop")):
        return PEMDA_PROV
    if s.startswith(("kab", "kota")):
        return PEMDA_KABKOT
    return None


def _nama_untuk(e: Entri, pemda: str | None, digit: str | None = None) -> str:
    """The official name variant for this pemda kind (X.XX.01 is 'PROVINSI' or 'KABUPATEN/KOTA')."""
    if not e.nama_lain:
        return e.nama
    kunci = {"1": PEMDA_PROV, "2": PEMDA_KABKOT}.get(digit or "", pemda)
    if kunci is not None:
        kata = "provinsi" if kunci == PEMDA_PROV else "kabupaten"
        for nm in e.semua_nama:
            if kata in nm.lower():
                return nm
    return e.nama


# --------------------------------------------------------------------------------------------------
# names


def _mirip(a: str, b: str) -> float:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.normalized_similarity(a, b)


@dataclass(frozen=True)
class _Banding:
    jenis: str  # sama | ejaan | terpotong | beda | pemda | tidak_cocok
    resmi: str
    skor: float
    rincian: str = ""


def banding_nama(diberi: str, resmi: tuple[str, ...] | list[str]) -> _Banding:
    """Compare a printed name with the official one(s): equal up to case/spacing/punctuation, typos only,
    truncated, a real wording difference (which words), a provinsi/kab-kota difference, or no match."""
    from rapidfuzz import fuzz

    a = normal_nama(diberi)
    terbaik: _Banding | None = None
    for r in resmi:
        b = normal_nama(r)
        if a == b:
            return _Banding("sama", r, 100.0)
        hasil = _banding_satu(a, b, r, fuzz.token_sort_ratio(a, b))
        if terbaik is None or _urutan(hasil) < _urutan(terbaik):
            terbaik = hasil
    assert terbaik is not None
    return terbaik


def _urutan(b: _Banding) -> tuple[int, float]:
    return _PERINGKAT[b.jenis], -b.skor


_PERINGKAT = {"sama": 0, "terpotong": 1, "ejaan": 2, "beda": 3, "negasi": 4, "pemda": 5, "tidak_cocok": 6}


def _banding_satu(a: str, b: str, resmi: str, skor: float) -> _Banding:
    ta, tb = a.split(), b.split()
    if not ta:
        return _Banding("tidak_cocok", resmi, 0.0)
    ejaan: list[str] = []
    beda: list[str] = []
    pemda = False
    negasi = False
    terpotong = False
    ops = difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes()
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        x, y = ta[i1:i2], tb[j1:j2]
        # a name cut after its first words: five words, or three that make a name of its own length
        akhir = n == len(ops) - 1 and i2 == len(ta) and j2 == len(tb) and (
            len(ta) >= 5 or (len(ta) >= 3 and len(" ".join(ta)) >= 20))
        if akhir and tag == "insert":
            terpotong = True
            continue
        ekor = " ".join(x)
        if akhir and tag == "replace" and len(y) > len(x) and _mirip(ekor, " ".join(y)[: len(ekor)]) >= 0.75:
            terpotong = True
            continue
        gx, gy = "".join(x), "".join(y)
        if tag == "replace" and gx and gy and (_mirip(gx, gy) >= 0.75 or (len(gx) >= 4 and _mirip(gx, gy) >= 0.6
                                                                          and len(x) == len(y))):
            ejaan.append(f"'{' '.join(x)}' → '{' '.join(y)}'")
            continue
        px, py = set(x) & _KATA_PEMDA, set(y) & _KATA_PEMDA
        if px and py and px != py:
            pemda = True
        if (set(x) ^ set(y)) & _KATA_NEGASI:
            negasi = True
        if tag == "replace":
            beda.append(f"'{' '.join(x)}' seharusnya '{' '.join(y)}'")
        elif tag == "delete":
            beda.append(f"kata '{' '.join(x)}' tidak ada di nama resmi")
        else:
            beda.append(f"kurang kata '{' '.join(y)}'")
    if pemda and (skor >= 50 or len(beda) <= 2):
        return _Banding("pemda", resmi, skor, "; ".join(beda))
    if beda:
        if negasi and skor >= 70:
            return _Banding("negasi", resmi, skor, "; ".join(beda + ejaan))
        if skor >= 70 and len(beda) <= max(2, len(tb) // 4):
            return _Banding("beda", resmi, skor, "; ".join(beda + ejaan))
        return _Banding("tidak_cocok", resmi, skor, "; ".join(beda + ejaan))
    if ejaan:
        return _Banding("ejaan", resmi, skor, "; ".join(ejaan) + ("; nama terpotong" if terpotong else ""))
    return _Banding("terpotong", resmi, skor)


def _cek_nama(nama: str, e: Entri, kode: str, tingkat: Tingkat, katalog: Katalog, pemda: str | None,
              digit: str | None, level: tuple[str | None, str | None] = (None, None),
              bidang: str | None = None) -> tuple[list[Temuan], str | None]:
    """Findings about the name, plus a better code when the name clearly belongs to another one."""
    resmi_utama = _nama_untuk(e, pemda, digit)
    calon = (resmi_utama,) + tuple(n for n in e.semua_nama if n != resmi_utama)
    b = banding_nama(nama, calon)
    if b.jenis == "sama":
        return [], None
    if _tanpa_pemda_akhir(normal_nama(nama), pemda) in {normal_nama(r) for r in calon}:
        return [], None  # "... DAERAH KABUPATEN/KOTA" where a list names the program without its pemda kind
    if b.jenis == "terpotong":
        return [Temuan("nama.terpotong", "info", f"Nama tampak terpotong; nama resmi: {b.resmi}.",
                       seharusnya=b.resmi, ditemukan=nama)], None
    if b.jenis == "negasi":
        return [Temuan("nama.beda", "salah",
                       f"Nama berlawanan arti dengan nama resmi {tingkat.label} {kode}: {b.rincian}. "
                       f"Nama resmi: {b.resmi}.", saran=b.resmi, seharusnya=b.resmi, ditemukan=nama)], None
    na = normal_nama(nama)
    if na.startswith(_AWAL_INDIKATOR) and not normal_nama(b.resmi).startswith(_AWAL_INDIKATOR) or (
            e.indikator and _mirip(na, normal_nama(e.indikator)) >= 0.8
            and _mirip(na, normal_nama(e.indikator)) > _mirip(na, normal_nama(b.resmi))):
        return [Temuan("nama.indikator", "salah",
                       f"Kolom nama berisi teks indikator, bukan nama {tingkat.label}. Nama resmi {kode}: "
                       f"{b.resmi}.", saran=b.resmi, seharusnya=b.resmi, ditemukan=nama)], None
    saudara = _saudara_bernama(nama, e.kode, katalog)
    if saudara is not None:
        kode_s = _ke_bidang(saudara, kode)
        return [Temuan("nama.kode_lain", "salah",
                       f"Nama ini persis nama resmi {tingkat.label} {kode_s}, bukan {kode} ({b.resmi}).",
                       saran=kode_s, seharusnya=kode_s, ditemukan=nama)], kode_s
    if b.jenis == "ejaan":
        return [Temuan("nama.ejaan", "peringatan", f"Nama berbeda ejaan dengan nama resmi ({b.rincian}; "
                       f"{kemiripan(b.skor)}).",
                       saran=b.resmi, seharusnya=b.resmi, ditemukan=nama)], None
    if b.jenis == "beda":
        return [Temuan("nama.beda", "peringatan",
                       f"Nama berbeda dari nama resmi {tingkat.label} {kode}: {b.rincian}. Nama resmi: {b.resmi}.",
                       saran=b.resmi, seharusnya=b.resmi, ditemukan=nama)], None
    if b.jenis == "pemda" and _pemda_nama_sesuai_digit(nama, digit):
        return [Temuan("nama.pemda", "peringatan",
                       f"Nama resmi di katalog menyebut jenis pemda lain daripada digit pemda kode {kode} "
                       f"({b.rincian}); nama yang tertulis sesuai kodenya, katalognya mungkin keliru. "
                       f"Nama di katalog: {b.resmi}.", seharusnya=b.resmi, ditemukan=nama)], None
    if b.jenis == "pemda":
        return [Temuan("nama.pemda", "salah",
                       f"Nama tidak sesuai jenis pemda kode {kode}: {b.rincian}. Nama resmi: {b.resmi}.",
                       saran=b.resmi, seharusnya=b.resmi, ditemukan=nama)], None
    # no match: indicator text in the name cell? another code with this name?
    temuan: list[Temuan] = []
    kode_lain: str | None = None
    nr = normal_nama(b.resmi)
    if len(nr) >= 10 and nr in na:
        return [Temuan("nama.tambahan", "peringatan",
                       f"Kolom nama memuat teks lain di samping nama resmi (mungkin indikator): "
                       f"'{na.replace(nr, '').strip()}'. Nama resmi {kode}: {b.resmi}.",
                       saran=b.resmi, seharusnya=b.resmi, ditemukan=nama)], None
    lain = [m for m in katalog.mirip_nama(nama, tingkat, 3, batas=85.0, digit_pemda=level[0], bidang=bidang,
                                          digit_asal=level[1]) if m[0] != e.kode]
    pesan = f"Nama tidak cocok dengan {tingkat.label} {kode}; nama resmi: {b.resmi}."
    if lain:
        kode_lain = _ke_bidang(lain[0][0], kode)
        pesan += f" Nama ini cocok dengan kode {kode_lain} ({lain[0][1]}; {kemiripan(lain[0][2])})."
    temuan.append(Temuan("nama.tidak_cocok", "salah", pesan, saran=kode_lain or b.resmi, seharusnya=b.resmi,
                         ditemukan=nama))
    return temuan, kode_lain


_PEMDA_AKHIR = (" kabupaten kota", " provinsi", " kabupaten", " kota")


def _tanpa_pemda_akhir(na: str, pemda: str | None) -> str:
    """A normalised name without a trailing pemda kind that fits the document ('... daerah kabupaten kota'
    -> '... daerah' unless the document is a provinsi's); otherwise the name unchanged."""
    for akhir in _PEMDA_AKHIR:
        if na.endswith(akhir):
            jenis = PEMDA_PROV if akhir == " provinsi" else PEMDA_KABKOT
            return na[: -len(akhir)] if pemda is None or pemda == jenis else na
    return na


def seperti_indikator(nama: str, nama_resmi: str | None = None) -> bool:
    """Whether a name cell reads like an indicator ('Jumlah ...', 'Persentase ...', 'Jangka waktu ...')
    rather than a program/kegiatan name; never when the official name itself starts so."""
    na = normal_nama(nama)
    return na.startswith(_AWAL_INDIKATOR) and not (nama_resmi and normal_nama(nama_resmi).startswith(_AWAL_INDIKATOR))


def cek_nama_baris(nama: str | None, kode: str, tingkat: Tingkat | None, nama_resmi: str | None = None,
                   indikator: str | None = None) -> list[Temuan]:
    """What a row's name cell shows without a catalog verdict on it: no name at all, or an indicator text
    where the name should be (seeds-spec N4). ``nama_resmi`` (when a list of the row's era is installed)
    is given as the fix. Used by ``periksa`` for every row and by ``data-induk cek``."""
    label = tingkat.label if tingkat is not None else "kode"
    resmi = f" Nama resmi: {nama_resmi}." if nama_resmi else ""
    if not (nama or "").strip():
        ada_ind = f" (kolom indikator berisi '{indikator[:60]}')" if indikator and indikator.strip() else ""
        return [Temuan("nama.kosong", "peringatan", f"Kode {label} {kode} tanpa nama{ada_ind}.{resmi}",
                       saran=nama_resmi, seharusnya=nama_resmi or f"nama {label} {kode}", ditemukan=kode)]
    if seperti_indikator(nama, nama_resmi):
        return [Temuan("nama.indikator", "peringatan",
                       f"Kolom nama {label} {kode} tampak berisi teks indikator, bukan nama {label}.{resmi}",
                       saran=nama_resmi, seharusnya=nama_resmi or f"nama {label} {kode}", ditemukan=nama)]
    return []


def _saudara_bernama(nama: str, kode_katalog: str, katalog: Katalog) -> str | None:
    """A sibling code (same parent) whose official name is exactly this name: the row carries the wrong number."""
    seg = kode_katalog.split(".")
    potong = {3: 2, 5: 3, 6: 5}.get(len(seg))
    if potong is None:
        return None
    na = normal_nama(nama)
    for s in katalog.anak(".".join(seg[:potong])):
        if s == kode_katalog:
            continue
        e = katalog.cari(s)
        if e is not None and any(normal_nama(n) == na for n in e.semua_nama):
            return e.kode
    return None


def _pemda_nama_sesuai_digit(nama: str, digit: str | None) -> bool:
    kata = set(normal_nama(nama).split())
    if digit == "2":
        return bool(kata & {"kabupaten", "kota"}) and "provinsi" not in kata
    if digit == "1":
        return "provinsi" in kata and not kata & {"kabupaten", "kota"}
    return False


def _ke_bidang(kode_katalog: str, kode_asal: str) -> str:
    """A template code from the catalog shown with the bidang of the code being checked."""
    if kode_katalog.startswith("X.XX.") and not kode_asal.startswith("X"):
        seg = kode_asal.split(".")
        if len(seg) >= 2:
            return f"{seg[0]}.{seg[1]}{kode_katalog[4:]}"
    return kode_katalog


# --------------------------------------------------------------------------------------------------
# the verdict


_KONTEKS_KOSONG = Konteks()


def validasi(kode: object, nama: str | None = None, konteks: Konteks | None = None,
             katalog: Katalog | None = None) -> Vonis:
    """Check one code (and optionally its printed name) against a catalog version; never raises on input.

    ``katalog=None`` means no catalog is imported: only the format is checked, with one warning saying how
    to import a list.
    """
    if isinstance(kode, str) and (nama is None or isinstance(nama, str)):
        try:
            return _validasi_cache(kode, nama or None, konteks, katalog)
        except TypeError:  # unhashable context: compute directly
            pass
    return _hitung(kode, nama if isinstance(nama, str) else (str(nama) if nama is not None else None),
                   konteks, katalog)


@lru_cache(maxsize=262144)
def _validasi_cache(kode: str, nama: str | None, konteks: Konteks | None, katalog: Katalog | None) -> Vonis:
    return _hitung(kode, nama, konteks, katalog)


def lupakan_cache() -> None:
    """Forget every cached verdict and parsed code (after a catalog change, and before a cold benchmark)."""
    from renja_xl.kode import _parse_teks_cached

    _validasi_cache.cache_clear()
    _parse_teks_cached.cache_clear()


def _vonis(k: Kode, temuan: list[Temuan], nama_resmi: str | None = None, saran: str | None = None) -> Vonis:
    return Vonis(kode=k.asli, normal=k.normal, status=_status(temuan), nama_resmi=nama_resmi, tingkat=k.tingkat,
                 temuan=tuple(temuan), saran=saran if saran is not None else k.saran)


def _hitung(kode: object, nama: str | None, konteks: Konteks | None, katalog: Katalog | None) -> Vonis:
    kx = konteks or _KONTEKS_KOSONG
    if katalog is not None and isinstance(kode, str):
        v = _cepat(kode, nama, kx, katalog)
        if v is not None:
            return v
    k = parse_kode(kode, jenis_pemda=kx.jenis_pemda, bidang=kx.bidang)
    temuan = list(k.temuan)
    if katalog is None:
        temuan.append(Temuan("nomenklatur.tanpa_katalog", "peringatan",
                             "Belum ada katalog nomenklatur yang diimpor; hanya bentuk kode yang diperiksa.",
                             saran=SARAN_IMPOR))
        return _vonis(k, temuan)
    pemda = _pemda_kode(kx.jenis_pemda)
    if k.normal is None:
        return _tanpa_normal(k, nama, kx, katalog, temuan)
    normal = k.normal
    if normal != kode and (kx.tingkat is None or kx.tingkat == k.tingkat):
        # a code typed with fixable slips (trailing dot, comma, leading zero) whose normal form passes the
        # fast check: every catalog check below would add nothing, so only the parser's findings remain
        lolos = _lolos_cepat(normal, nama, kx, katalog)
        if lolos is not None and not katalog.ada_pengganti(normal):
            return _vonis(k, temuan, lolos[1])
    tingkat = k.tingkat
    assert tingkat is not None
    seg = normal.split(".")
    saran: str | None = k.saran

    # a concrete bidang that does not exist
    if not k.template and len(seg) >= 2 and not katalog.ada_bidang(f"{seg[0]}.{seg[1]}") \
            and katalog.langsung(normal) is None:
        bid = f"{seg[0]}.{seg[1]}"
        temuan.append(Temuan("nomenklatur.bidang_tidak_ada", "salah",
                             f"Bidang urusan {bid} tidak ada di katalog '{katalog.nama}'.",
                             saran=_saran_kode(katalog.mirip_kode(bid, 3)), ditemukan=bid))
        return _vonis(k, temuan)

    # sub kegiatan width of the other era
    if tingkat is Tingkat.SUB_KEGIATAN and katalog.digit_sub and len(seg[5]) != katalog.digit_sub \
            and katalog.cari(normal) is None:
        return _era(k, nama, kx, katalog, temuan, pemda)

    e = katalog.cari(normal)
    if e is None:
        return _tidak_ada(k, nama, kx, katalog, temuan)

    digit = k.digit_pemda
    nama_resmi = _nama_untuk(e, pemda, digit)
    # program 01 of another bidang than the OPD's
    if kx.bidang and not k.template and len(seg) >= 3 and seg[2] == "01" and k.bidang != kx.bidang:
        temuan.append(Temuan("nomenklatur.program01_bidang", "peringatan",
                             f"Program penunjang ({normal}) ditulis dengan bidang {k.bidang}, padahal bidang urusan "
                             f"OPD ini {kx.bidang}; program 01 memakai kode bidang OPD.",
                             saran=".".join([*kx.bidang.split("."), *seg[2:]])))
    # pemda kind
    if pemda is not None and not e.untuk_pemda(pemda):
        temuan = [t for t in temuan if t.jenis != "kode.pemda"]
        lain = _PEMDA_TEKS[PEMDA_PROV if pemda == PEMDA_KABKOT else PEMDA_KABKOT]
        s_pemda = None
        if digit in ("1", "2"):
            alt = seg[:]
            alt[3] = "2" if digit == "1" else "1"
            if katalog.cari(".".join(alt)) is not None:
                s_pemda = ".".join(alt)
        temuan.append(Temuan("nomenklatur.pemda", "salah",
                             f"Kode {normal} hanya ada untuk {lain} di katalog, tetapi dokumen ini milik "
                             f"{_PEMDA_TEKS[pemda]}.", saran=s_pemda))
        saran = saran or s_pemda
    # replaced in this version although still listed
    ganti = katalog.pengganti(normal)
    if ganti:
        temuan.append(Temuan("nomenklatur.diganti", "peringatan",
                             f"Kode {normal} tercatat sebagai kode sebelumnya dari {', '.join(ganti)} di versi "
                             f"'{katalog.nama}'; periksa apakah harus memakai kode baru.", saran=ganti[0]))
    # missing parents
    for induk in k.induk():
        if katalog.cari(induk) is None:
            ti = parse_kode(induk).tingkat
            temuan.append(Temuan("nomenklatur.induk_tidak_ada", "peringatan",
                                 f"Induk {ti.label if ti else ''} {induk} tidak ada di katalog '{katalog.nama}'.",
                                 ditemukan=induk))
            break
    # level of the row
    dibanding, kode_banding, tingkat_banding = e, normal, tingkat
    if kx.tingkat is not None and kx.tingkat != tingkat:
        s_tingkat = None
        if kx.tingkat < tingkat:
            s_tingkat = next((i for i in k.induk() if parse_kode(i).tingkat == kx.tingkat), None)
        pesan = f"Kode {tingkat.label} {normal} dipakai pada baris {kx.tingkat.label}."
        if s_tingkat:
            pesan += f" Kode {kx.tingkat.label}-nya: {s_tingkat}."
            e_induk = katalog.cari(s_tingkat)
            if e_induk is not None:
                dibanding, kode_banding, tingkat_banding = e_induk, s_tingkat, kx.tingkat
        temuan.append(Temuan("nomenklatur.tingkat", "salah", pesan, saran=s_tingkat))
        saran = s_tingkat or saran
    if nama:
        t_nama, kode_lain = _cek_nama(nama, dibanding, kode_banding, tingkat_banding, katalog, pemda, digit,
                                      _level(kx, k), _bidang_saran(kx, k))
        temuan.extend(t_nama)
        saran = kode_lain or saran
        if not any(t.jenis == "nama.pemda" for t in t_nama):
            temuan.extend(_kewenangan(nama, normal, digit, nama_resmi))
    return _vonis(k, temuan, nama_resmi, saran)


def _kewenangan(nama: str, kode: str, digit: str | None, nama_resmi: str) -> list[Temuan]:
    """'Kewenangan Provinsi' in the name of a kab/kota code (or the reverse), even when the list says so too."""
    na = normal_nama(nama)
    salah_pihak = None
    if "menjadi kewenangan" in na:  # "... yang menjadi kewenangan X" describes a coordination task
        return []
    if digit == "2" and na.endswith("kewenangan provinsi"):
        salah_pihak = "provinsi"
    elif digit == "1" and na.endswith(("kewenangan kabupaten kota", "kewenangan kabupaten")):
        salah_pihak = "kabupaten/kota"
    if salah_pihak is None:
        return []
    catatan = " (nama di katalog juga begitu; katalognya mungkin keliru)" \
        if ("kewenangan " + salah_pihak.split("/")[0]) in normal_nama(nama_resmi) else ""
    pihak_kode = "kabupaten/kota" if digit == "2" else "provinsi"
    return [Temuan("nama.pemda", "peringatan",
                   f"Kode {kode} adalah kode {pihak_kode} (digit pemda {digit}), tetapi namanya menyebut "
                   f"kewenangan {salah_pihak}{catatan}.", ditemukan=nama)]


def _cepat(kode: str, nama: str | None, kx: Konteks, katalog: Katalog) -> Vonis | None:
    """The common case in one pass of dict lookups: a canonical code that exists, fits its context, has
    no successor and carries its official name (or none). Anything else (None) goes through the full check."""
    lolos = _lolos_cepat(kode, nama, kx, katalog)
    if lolos is None:
        return None
    return Vonis(kode=kode, normal=kode, status=BENAR, nama_resmi=lolos[1], tingkat=lolos[0].tingkat)


def _lolos_cepat(kode: str, nama: str | None, kx: Konteks, katalog: Katalog) -> tuple[Entri, str] | None:
    """(entry, official name) when canonical ``kode`` passes the fast check of :func:`_cepat`, else None."""
    e = katalog.cari_kanonik(kode)
    if e is None or not katalog.induk_lengkap(kode) or kode in katalog._pengganti or e.kode in katalog._pengganti:
        return None
    if nama is not None:
        na = normal_nama(nama)
        if "kewenangan" in na or na not in katalog.nama_normal(e):
            return None
    if kx is not _KONTEKS_KOSONG:
        if kx.tingkat is not None and kx.tingkat != e.tingkat:
            return None
        if kx.bidang is not None and (kode[0] == "X" or (kode[4:7] == ".01" and kode[:4] != kx.bidang)):
            return None
        if kx.jenis_pemda is not None:
            pemda = _pemda_kode(kx.jenis_pemda)
            digit = kode[8] if len(kode) > 8 else None
            # digits 3..8 (special regions) are fine when the entry serves this pemda kind; only the other
            # kind's digit needs the full check
            if pemda is None or not e.untuk_pemda(pemda) or digit == ("2" if pemda == PEMDA_PROV else "1"):
                return None
    return e, (_nama_untuk(e, _pemda_kode(kx.jenis_pemda), kode[8] if len(kode) > 8 else None) if e.nama_lain
               else e.nama)


def _level(kx: Konteks, k: Kode) -> tuple[str | None, str | None]:
    """(pemda level digit "1"/"2" of the document, the checked code's own digit): suggestions keep to
    the document's level, or to the code's own when the document does not say."""
    from renja_xl.pemda import digit_pemda

    asal = k.digit_pemda
    return digit_pemda(kx.jenis_pemda) or (asal if asal in ("1", "2") else None), asal


def _bidang_saran(kx: Konteks, k: Kode) -> str | None:
    """The bidang suggestions should prefer: the OPD's, else the checked code's own (not a template)."""
    return kx.bidang or (k.bidang if not k.template else None)


def kemiripan(skor: float) -> str:
    """How close a name-based suggestion is, for messages: 'kemiripan nama 87 %'."""
    from renja_xl.angka import format_angka

    return f"kemiripan nama {format_angka(skor, 0)} %"


def _saran_kode(kode: list[str]) -> str | None:
    return kode[0] if kode else None


def _nama_kode(katalog: Katalog, kode: str) -> str:
    e = katalog.cari(kode)
    return f"{kode} ({e.nama})" if e is not None else kode


def _tanpa_normal(k: Kode, nama: str | None, kx: Konteks, katalog: Katalog, temuan: list[Temuan]) -> Vonis:
    """The parser could not make a code: say whether its suggestion exists, and what the name points to."""
    saran = k.saran
    nama_resmi = None
    if saran:
        e = katalog.cari(saran)
        if e is not None:
            nama_resmi = e.nama
            cocok = ""
            if nama:
                b = banding_nama(nama, e.semua_nama)
                cocok = " Namanya cocok." if b.jenis in ("sama", "ejaan", "terpotong") else \
                    f" Periksa: namanya tidak cocok ({b.rincian or 'lain'})."
            temuan.append(Temuan("nomenklatur.saran_ada", "info",
                                 f"Kode saran {saran} ada di katalog '{katalog.nama}': {e.nama}.{cocok}", saran=saran))
        else:
            temuan.append(Temuan("nomenklatur.saran_tidak_ada", "info",
                                 f"Kode saran {saran} tidak ada di katalog '{katalog.nama}'.", ditemukan=saran))
    e_saran = katalog.cari(saran) if saran else None
    nama_cocok = bool(nama and e_saran is not None
                      and banding_nama(nama, e_saran.semua_nama).jenis in ("sama", "ejaan", "terpotong"))
    if nama and not nama_cocok:
        t = k.tingkat or kx.tingkat or (e_saran.tingkat if e_saran is not None else None)
        lv = _level(kx, parse_kode(saran)) if saran else (_level(kx, k))
        mirip = katalog.mirip_nama(nama, t, 1, batas=85.0, digit_pemda=lv[0], bidang=kx.bidang, digit_asal=lv[1])
        if mirip and (e_saran is None or mirip[0][0] != e_saran.kode):
            kode_m = _ke_bidang(mirip[0][0], saran or (f"{kx.bidang}.01" if kx.bidang else "X"))
            temuan.append(Temuan("nomenklatur.menurut_nama", "info",
                                 f"Menurut namanya, kodenya mungkin {kode_m} ({mirip[0][1]}; "
                                 f"{kemiripan(mirip[0][2])}).", saran=kode_m))
    return _vonis(k, temuan, nama_resmi, saran)


def _era(k: Kode, nama: str | None, kx: Konteks, katalog: Katalog, temuan: list[Temuan],
         pemda: str | None) -> Vonis:
    """A 2-digit sub kegiatan against a 4-digit list (or the reverse): name both regulations, give the successor."""
    normal = k.normal
    assert normal is not None
    seg = normal.split(".")
    akhir = seg[5]
    temuan = [t for t in temuan if t.jenis != "kode.era"]
    if len(akhir) == 2:
        dasar_kode, dasar_kat = DASAR_2_DIGIT, DASAR_4_DIGIT
        lebar = ".".join(seg[:5] + [akhir.zfill(4)])
    else:
        dasar_kode, dasar_kat = DASAR_4_DIGIT, DASAR_2_DIGIT
        lebar = ".".join(seg[:5] + [akhir[2:]]) if akhir.startswith("00") else None
    pesan = (f"Kode {normal} berbentuk {dasar_kode}, sedangkan katalog '{katalog.nama}' memakai {dasar_kat}.")
    saran: str | None = None
    nama_resmi = None
    ganti = katalog.pengganti(lebar) if lebar else []
    e_lebar = katalog.cari(lebar) if lebar else None
    if ganti:
        saran = ganti[0]
        pesan += (f" Kode penggantinya menurut kolom SUBKEGIATAN SEBELUMNYA ({lebar} → {', '.join(ganti)}): "
                  f"{_nama_kode(katalog, saran)}.")
    elif e_lebar is not None:
        saran = lebar
        pesan += f" Padanannya di katalog ini: {_nama_kode(katalog, lebar)}; periksa namanya."
    else:
        pesan += " Padanannya tidak ditemukan di katalog ini."
    if nama:
        e_s = katalog.cari(saran) if saran else None
        cocok = e_s is not None and banding_nama(nama, e_s.semua_nama).jenis in ("sama", "ejaan", "terpotong")
        if e_s is not None:
            nama_resmi = e_s.nama
        if not cocok:
            lv = _level(kx, k)
            mirip = katalog.mirip_nama(nama, Tingkat.SUB_KEGIATAN, 1, batas=85.0, digit_pemda=lv[0],
                                       bidang=_bidang_saran(kx, k), digit_asal=lv[1])
            if mirip:
                kode_m = _ke_bidang(mirip[0][0], normal)
                pesan += f" Menurut namanya: {kode_m} ({mirip[0][1]}; {kemiripan(mirip[0][2])})."
                saran = saran or kode_m
    temuan.append(Temuan("nomenklatur.era", "salah", pesan, saran=saran, ditemukan=normal))
    return _vonis(k, temuan, nama_resmi, saran)


def saran_impor_era(era: Era) -> str:
    """How to get a list of ``era`` into the catalog (for messages)."""
    return f"Impor daftar era itu ({era.contoh_impor}): renja-xl nomenklatur impor BERKAS."


def vonis_era_lain(kode: object, nama: str | None, konteks: Konteks | None, era: Era,
                   terpasang: list[str], katalog_lain: Katalog | None = None) -> Vonis:
    """The verdict on a code whose era has no installed list: its form is checked, and one warning says
    the lists installed are of another era and which list to import; never an error of era. With
    ``katalog_lain`` (a list of another era) its successor or equivalent is added as information."""
    kx = konteks or _KONTEKS_KOSONG
    k = parse_kode(kode, jenis_pemda=kx.jenis_pemda, bidang=kx.bidang)
    temuan = [t for t in k.temuan if t.jenis != "kode.era"]
    ada = ", ".join(f"'{n}'" for n in terpasang) or "(tidak ada)"
    temuan.append(Temuan("nomenklatur.era_lain", "peringatan",
                         f"Kode berbentuk {era.nama}; katalog terpasang ({ada}) dari era lain, jadi kode ini hanya "
                         f"diperiksa bentuknya.", saran=saran_impor_era(era)))
    saran = None
    if katalog_lain is not None and (k.normal or k.saran):
        v = validasi(k.normal or k.saran, nama, konteks, katalog_lain)
        t_era = next((t for t in v.temuan if t.jenis == "nomenklatur.era" and t.saran), None)
        if t_era is not None:
            saran = t_era.saran
            temuan.append(Temuan("nomenklatur.padanan", "info",
                                 f"Padanannya di katalog '{katalog_lain.nama}': "
                                 f"{_nama_kode(katalog_lain, t_era.saran)}.", saran=t_era.saran,
                                 ditemukan=t_era.ditemukan))
    return _vonis(k, temuan, saran=saran)


def _tidak_ada(k: Kode, nama: str | None, kx: Konteks, katalog: Katalog, temuan: list[Temuan]) -> Vonis:
    normal = k.normal
    tingkat = k.tingkat
    assert normal is not None and tingkat is not None
    ganti = katalog.pengganti(normal)
    if ganti:
        temuan.append(Temuan("nomenklatur.diganti", "salah",
                             f"Kode {normal} sudah diganti di versi '{katalog.nama}': pakai "
                             f"{_nama_kode(katalog, ganti[0])}"
                             + (f" (atau {', '.join(ganti[1:])})" if len(ganti) > 1 else "") + ".",
                             saran=ganti[0], ditemukan=normal))
        return _vonis(k, temuan, None, ganti[0])
    pesan = f"Kode {tingkat.label} {normal} tidak ada di katalog '{katalog.nama}'."
    for induk in k.induk():
        if katalog.cari(induk) is None:
            ti = parse_kode(induk).tingkat
            pesan += f" Induknya ({ti.label if ti else ''} {induk}) juga tidak ada."
            break
    lv = _level(kx, k)
    dekat = [c for c in katalog.mirip_kode(normal, 3, digit_pemda=lv[0], bidang=_bidang_saran(kx, k))]
    if dekat:
        pesan += f" Kode terdekat: {', '.join(dekat)}."
    saran = dekat[0] if dekat else None
    if nama:
        mirip = katalog.mirip_nama(nama, tingkat, 3, digit_pemda=lv[0], bidang=_bidang_saran(kx, k),
                                   digit_asal=lv[1])
        if mirip:
            kode_m = _ke_bidang(mirip[0][0], normal)
            pesan += f" Menurut namanya: {kode_m} ({mirip[0][1]}; {kemiripan(mirip[0][2])})."
            if mirip[0][2] >= 85:
                saran = kode_m
    temuan.append(Temuan("nomenklatur.tidak_ada", "salah", pesan, saran=saran, ditemukan=normal))
    return _vonis(k, temuan, None, saran)
