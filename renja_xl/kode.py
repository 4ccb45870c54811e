"""Parse and normalise nomenclature codes (urusan . bidang . program . kegiatan . sub kegiatan).

Codes are text, never numbers: ``1.10`` is not ``1.1``. People type them with spaces, trailing dots,
leading zeros, wrong separators, HTML left over from a PDF extraction, the name glued on, or split
over several cells. This module turns all of that into one canonical dotted code plus findings
(:class:`~renja_xl.temuan.Temuan`, keys ``kode.*``) that say in Bahasa Indonesia what was wrong and,
where the fix is clear, what the code should be. It never raises on input and does no file I/O.

Grammar: ``U.BB.PP.K.KK.SSSS`` — urusan (1 digit, ``X`` in templates), bidang (2 digits, ``XX``),
program (2), kegiatan = digit pemda K + 2 digits, sub kegiatan (2 digits under Permendagri 90/2019
and Kepmendagri 050-3708/2020, 4 digits since Kepmendagri 050-5889/2021). Program 01 (penunjang)
exists only as the template ``X.XX.01...``.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from enum import IntEnum
from functools import lru_cache
from typing import Sequence

from renja_xl.dataklas import init_cepat
from renja_xl.pemda import digit_pemda
from renja_xl.temuan import Temuan

__all__ = [
    "Tingkat", "Kode", "parse_kode", "normal_kode", "ke_template", "dari_template", "gabung_sel",
    "pisah_kode_nama", "JENIS_PEMDA", "ERA_2_DIGIT", "ERA_4_DIGIT",
]

ERA_2_DIGIT = "Permendagri 90/2019"
ERA_4_DIGIT = "Kepmendagri 050-5889/2021"

#: Meaning of the 4th segment (digit pemda) of a kegiatan code. 3..8 are inferred from the SIPD 2027
#: list (see shared/data/nomenklatur/SOURCE.md): content for Papua, Otsus, DIY, DKI, Aceh, Bali.
JENIS_PEMDA: dict[str, str] = {
    "1": "provinsi",
    "2": "kabupaten/kota",
    "3": "Papua (kekhususan)",
    "4": "Papua (otonomi khusus)",
    "5": "DIY (keistimewaan)",
    "6": "DKI Jakarta (kekhususan)",
    "7": "Aceh (kekhususan)",
    "8": "Bali (desa adat)",
}


class Tingkat(IntEnum):
    """Level of a code in the nomenclature tree."""

    URUSAN = 1
    BIDANG = 2
    PROGRAM = 3
    KEGIATAN = 4
    SUB_KEGIATAN = 5

    @property
    def label(self) -> str:
        return _LABEL[self]


_LABEL = {
    Tingkat.URUSAN: "urusan",
    Tingkat.BIDANG: "bidang urusan",
    Tingkat.PROGRAM: "program",
    Tingkat.KEGIATAN: "kegiatan",
    Tingkat.SUB_KEGIATAN: "sub kegiatan",
}
# number of segments -> level (4 segments is never a complete code)
_TINGKAT_DARI_SEGMEN = {1: Tingkat.URUSAN, 2: Tingkat.BIDANG, 3: Tingkat.PROGRAM,
                        5: Tingkat.KEGIATAN, 6: Tingkat.SUB_KEGIATAN}
_NAMA_SEGMEN = ("urusan", "bidang", "program", "digit pemda", "kegiatan", "sub kegiatan")


@init_cepat
@dataclass(frozen=True)
class Kode:
    """One parsed code. ``normal`` is None when the input could not be made into a code with certainty;
    ``saran`` then carries the best clear correction, if any. ``segmen`` holds the segments as read
    (best effort even when ``normal`` is None)."""

    asli: str
    normal: str | None
    tingkat: Tingkat | None = None
    segmen: tuple[str, ...] = ()
    template: bool = False
    digit_pemda: str | None = None
    jenis_pemda: str | None = None
    era: str | None = None
    temuan: tuple[Temuan, ...] = ()
    saran: str | None = None
    nama: str = field(default="", compare=False)

    @property
    def valid(self) -> bool:
        """A usable code: normalised, and no finding of tingkat ``salah``."""
        return self.normal is not None and not any(t.tingkat == "salah" for t in self.temuan)

    @property
    def bidang(self) -> str | None:
        """The bidang urusan part (``"2.17"``, ``"X.XX"``), None above bidang level."""
        if self.normal is None or len(self.segmen) < 2:
            return None
        return f"{self.segmen[0]}.{self.segmen[1]}"

    def induk(self) -> tuple[str, ...]:
        """Parent codes, top first (``2.17.01.2.01.0001`` -> ``2``, ``2.17``, ``2.17.01``, ``2.17.01.2.01``)."""
        if self.normal is None:
            return ()
        s = self.segmen
        panjang = [n for n in (1, 2, 3, 5) if n < len(s)]
        return tuple(".".join(s[:n]) for n in panjang)

    def ke_template(self) -> str | None:
        """Program 01 (penunjang) as its template ``X.XX.01...``; other codes unchanged."""
        if self.normal is None:
            return None
        if len(self.segmen) >= 3 and self.segmen[2] == "01" and not self.template:
            return "X.XX." + ".".join(self.segmen[2:])
        return self.normal

    def __str__(self) -> str:
        return self.normal if self.normal is not None else self.asli


# --------------------------------------------------------------------------------------------------
# regexes (compiled once)

_NORMAL = re.compile(
    r"(?:[1-9](?:\.\d\d(?:\.(?!00)\d\d(?:\.[1-8]\.\d\d(?:\.(?:\d\d|\d{4}))?)?)?)?"
    r"|X(?:\.XX(?:\.01(?:\.[1-8]\.\d\d(?:\.(?:\d\d|\d{4}))?)?)?)?)",
    re.ASCII,
)
_TAG = re.compile(r"<[^<>]{0,200}>")
_RUANG_ANEH = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]")
_STRIP_ANEH = re.compile(r"[\u2010-\u2015\u2212]")
# code chunk at the start of a text, the separators/tail after it, and the rest (the name)
_AWAL = re.compile(
    r"[ \t\r\n]*((?:[0-9Xx]+(?:[ \t]*[.,\-/_][ \t]*|[ \t]+)(?=[0-9Xx]))*[0-9Xx]+)"
    r"(?![0-9A-Za-z])([ \t\r\n.,\-/_:;]*)(.*)",
    re.S,
)
# a bare code: digit groups joined by single separators, maybe separators after it (no spaces, no name)
_POLOS = re.compile(r"([0-9Xx]+(?:[.,\-/_][0-9Xx]+)*)([.,\-/_:;]*)")
# spaces next to a separator (removed with an empty replacement: no template expansion per call)
_SPASI_PEMISAH = re.compile(r"[ \t]+(?=[.,\-/_])|(?<=[.,\-/_])[ \t]+")
_TITIK_GANDA = re.compile(r"\.{2,}")
_PEMISAH_SALAH = re.compile(r"[,\-/_]")
_SPASI = re.compile(r"[ \t]+")
_TEPI = " \t\r\n.-,;:/_"
_BATAS_TEKS = 300  # a code chunk is never longer than this; the name may be

@lru_cache(maxsize=64)
def _digit_konteks(jenis_pemda: str | None) -> str | None:
    """'provinsi' -> '1', 'kabupaten/kota' (or 'kota', 'KABKOT') -> '2'; anything else -> None.
    Cached: every parse with a context asks, always with the same few texts."""
    return digit_pemda(jenis_pemda)


# --------------------------------------------------------------------------------------------------
# building a Kode


def _kosong(asli: str, pesan: str = "Kode kosong.") -> Kode:
    return Kode(asli=asli, normal=None, temuan=(Temuan("kode.kosong", "salah", pesan, ditemukan=asli),))


def _dari_segmen(asli: str, seg: tuple[str, ...], temuan: tuple[Temuan, ...] = (), saran: str | None = None,
                 nama: str = "", normal: str | None = None) -> Kode:
    """A Kode for segments known to be well-formed (``normal``: their joined text, when already made)."""
    n = len(seg)
    digit = seg[3] if n >= 4 else None
    era = None
    if n == 6:
        era = ERA_4_DIGIT if len(seg[5]) == 4 else ERA_2_DIGIT
    # positional, in field order (asli, normal, tingkat, segmen, template, digit_pemda, jenis_pemda, era,
    # temuan, saran, nama): one per parsed code
    return Kode(asli, ".".join(seg) if normal is None else normal, _TINGKAT_DARI_SEGMEN.get(n), seg, seg[0] == "X",
                digit, JENIS_PEMDA.get(digit) if digit else None, era, temuan, saran, nama)


class _Catatan:
    """Collects findings while parsing; the final suggestion is filled in at the end."""

    __slots__ = ("item", "ada_salah", "bukan_info")

    def __init__(self) -> None:
        self.item: list[tuple[str, str, str, bool, dict]] = []
        self.ada_salah = False  # a finding of tingkat 'salah'
        self.bukan_info = False  # a finding above 'info'

    def tambah(self, jenis: str, tingkat: str, pesan: str, *, beri_saran: bool = True, **data: object) -> None:
        self.item.append((jenis, tingkat, pesan, beri_saran, data))
        if tingkat != "info":
            self.bukan_info = True
            if tingkat == "salah":
                self.ada_salah = True

    def selesai(self, asli: str, saran: str | None) -> tuple[Temuan, ...]:
        hasil = []
        for jenis, tingkat, pesan, beri, data in self.item:
            seharusnya = None
            if "seharusnya" in data:
                data = dict(data)
                seharusnya = data.pop("seharusnya")
            # positional (jenis, tingkat, pesan, saran, seharusnya, ditemukan, data): built per finding
            hasil.append(Temuan(jenis, tingkat, pesan, saran if beri else None,  # type: ignore[arg-type]
                                seharusnya, asli, data))
        return tuple(hasil)


def _pisah(teks: str) -> tuple[str, str, str] | None:
    """(code chunk, tail separators, name) or None when the text does not start with a code."""
    if len(teks) <= _BATAS_TEKS:
        m = _POLOS.fullmatch(teks)
        if m is not None:  # the common case; _AWAL finds the same split, after more backtracking
            return m.group(1), m.group(2), ""
    m = _AWAL.match(teks, 0, min(len(teks), _BATAS_TEKS))
    if m is None:
        return None
    kode, ekor = m.group(1), m.group(2)
    sisa = m.group(3) + teks[m.end():]
    if sisa[:1].isdigit():  # e.g. "2.17abc": not a code followed by a name
        return None
    return kode, ekor, sisa.strip(" \t\r\n-")


def _bersihkan(teks: str, catatan: _Catatan) -> str:
    """Remove HTML tags/entities and unusual spaces/dashes."""
    t = teks
    if "<" in t:
        t2 = _TAG.sub("", t)
        if t2 != t:
            catatan.tambah("kode.html", "peringatan", "Tag HTML di sekitar kode dibuang.")
            t = t2
    if "&" in t:
        t = html.unescape(t)
    if not t.isascii():  # both patterns are non-ASCII characters
        t = _RUANG_ANEH.sub(" ", t)
        t = _STRIP_ANEH.sub("-", t)
    return t


def _cocok_lebar(tok: list[str]) -> bool:
    """Tokens that already have the right widths (digits; template X/XX allowed)."""
    if not 1 <= len(tok) <= 6 or len(tok) == 4:
        return False
    return _NORMAL.fullmatch(".".join(tok)) is not None


def _parse_teks(asli: str, jenis_pemda: str | None, bidang: str | None, digit_sub: int | None) -> Kode:
    catatan = _Catatan()
    teks = _bersihkan(asli, catatan)
    if not teks.strip(_TEPI):
        return _kosong(asli)
    bagian = _pisah(teks)
    if bagian is None:
        return Kode(asli=asli, normal=None, temuan=(Temuan(
            "kode.format", "salah", f"'{_pendek(asli)}' bukan kode nomenklatur (bentuk U.BB.PP.K.KK.SSSS).",
            ditemukan=asli),))
    chunk, ekor, nama = bagian
    if nama:
        catatan.tambah("kode.dengan_nama", "info", "Sel berisi kode dan nama sekaligus; kode diambil dari awal sel.",
                       beri_saran=False, nama=nama)
    if ekor.strip(" \t\r\n"):  # a separator among the tail's spaces
        catatan.tambah("kode.titik_akhir", "peringatan",
                       f"Tanda '{ekor.strip()}' di akhir kode dibuang.")

    # spaces around separators, wrong separators
    c2 = _SPASI_PEMISAH.sub("", chunk) if (" " in chunk or "\t" in chunk) else chunk   # no space: same text
    if c2 != chunk:
        catatan.tambah("kode.spasi", "peringatan", "Spasi di sekitar pemisah kode dibuang.")
        chunk = c2
    if _PEMISAH_SALAH.search(chunk):
        dipakai = "".join(sorted(set(_PEMISAH_SALAH.findall(chunk))))
        catatan.tambah("kode.pemisah", "peringatan",
                       f"Pemisah '{dipakai}' diganti titik; kode memakai titik sebagai pemisah.")
        chunk = _PEMISAH_SALAH.sub(".", chunk)
    if "x" in chunk:
        chunk = chunk.replace("x", "X")
    if ".." in chunk:
        catatan.tambah("kode.pemisah", "peringatan", "Titik ganda di dalam kode dibuang.")
        chunk = _TITIK_GANDA.sub(".", chunk)

    saran_khusus: str | None = None
    if " " in chunk or "\t" in chunk:
        kelompok = _SPASI.split(chunk)
        tok_spasi = [t for k in kelompok for t in k.split(".")]
        tok_awal = kelompok[0].split(".")
        if _cocok_lebar(_lepas_nol_urusan(tok_spasi)):
            catatan.tambah("kode.spasi", "peringatan", "Spasi dipakai sebagai pemisah; diganti titik.")
            tok = tok_spasi
        elif (len(kelompok) == 2 and len(tok_awal) == 6 and kelompok[1].isdigit()
              and _cocok_lebar(_lepas_nol_urusan(tok_awal))):
            # C4: '2.17.01.1.05.0001 1' -> a digit typed after a space inside the last segment
            akhir = tok_awal[5]
            gabung = str(int(akhir + kelompok[1]))
            if len(gabung) <= len(akhir):
                saran_khusus = ".".join(_lepas_nol_urusan(tok_awal[:5]) + [gabung.zfill(len(akhir))])
            catatan.tambah(
                "kode.spasi", "salah",
                f"Ada spasi di dalam segmen sub kegiatan ('{akhir} {kelompok[1]}'); segmen tidak bisa dipastikan."
                + (f" Kemungkinan maksudnya {saran_khusus}." if saran_khusus else ""))
            tok = tok_awal
        else:
            catatan.tambah("kode.spasi", "salah",
                           "Kode berisi spasi dan bagiannya tidak bisa dipastikan; ketik ulang dengan pemisah titik.",
                           beri_saran=False)
            return _akhiri(asli, [t for t in tok_spasi if t], catatan, None, nama)
    else:
        tok = chunk.split(".")
    tok = [t for t in tok if t]
    return _periksa_segmen(asli, tok, catatan, jenis_pemda, bidang, digit_sub, saran_khusus, nama)


def _lepas_nol_urusan(tok: list[str]) -> list[str]:
    if tok and len(tok[0]) == 2 and tok[0][0] == "0" and tok[0][1] != "0":
        return [tok[0][1]] + tok[1:]
    return tok


def _pendek(s: str, n: int = 60) -> str:
    s = s.replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def _periksa_segmen(asli: str, tok: list[str], catatan: _Catatan, jenis_pemda: str | None, bidang: str | None,
                    digit_sub: int | None, saran_khusus: str | None, nama: str) -> Kode:
    """Check segment count, widths, template and pemda digit; build the Kode."""
    ctx = _digit_konteks(jenis_pemda)
    baku = _baku(tok, digit_sub)
    if baku is not None:
        # canonical segments (the usual case after separators are fixed): none of the checks below can
        # apply -- one digit urusan, no '00' program, one digit pemda, 1..6 segments but never 4, X only in
        # a whole X.XX.01 template -- so only the context checks in _akhiri are left
        return _akhiri(asli, tok, catatan, saran_khusus, nama, ctx=ctx, bidang_ctx=bidang, baku=baku)
    pasti = True  # False once a correction is only a guess (then normal stays None)

    # glued digits without separators ("21702063")
    if len(tok) == 1 and len(tok[0]) > 1 and not (tok[0] == "X"):
        t0 = tok[0]
        if set(t0) == {"X"}:
            saran = "X.XX" if len(t0) == 3 else "X"
            catatan.tambah("kode.placeholder", "salah",
                           f"'{t0}' bukan templat; templat urusan/bidang ditulis X.XX.")
            return _akhiri(asli, tok, catatan, saran, nama)
        if len(t0) == 2 and t0[0] == "0" and t0[1] != "0":
            tok = [t0[1]]
            catatan.tambah("kode.nol_depan", "peringatan", f"Nol di depan kode urusan ('{t0}') dibuang.")
            return _akhiri(asli, tok, catatan, None, nama, ctx=ctx, bidang_ctx=bidang)
        catatan.tambah("kode.format", "salah",
                       f"'{t0}' adalah deretan angka tanpa pemisah titik; segmen kode tidak bisa dipastikan.",
                       beri_saran=False)
        return _akhiri(asli, tok, catatan, None, nama)

    # placeholder template prefix: 'XXX.01...' or 'XX.XX.01...'
    if tok and set(tok[0]) == {"X"} and tok[0] != "X":
        t0 = tok[0]
        if len(t0) == 3 and not (len(tok) > 1 and set(tok[1]) == {"X"}):
            tok = ["X", "XX"] + tok[1:]
        else:
            tok = ["X"] + tok[1:]
        catatan.tambah("kode.placeholder", "salah",
                       f"Awalan templat '{t0}' tidak diganti kode bidang dan bukan bentuk templat X.XX; "
                       + ("ganti dengan kode bidang perangkat daerah." if bidang is None
                          else f"untuk bidang {bidang} kodenya seperti saran."))
        pasti = False

    # leading zero on urusan ('02.17.03')
    if tok and len(tok[0]) == 2 and tok[0][0] == "0" and tok[0][1] != "0":
        catatan.tambah("kode.nol_depan", "peringatan",
                       f"Nol di depan kode urusan ('{tok[0]}') dibuang: urusan ditulis satu digit.")
        tok = [tok[0][1]] + tok[1:]

    # legacy Permendagri 13/2006 codes ('0.00.01.002', '1.15.00.16')
    if tok and (tok[0] in ("0", "00") or (len(tok) >= 3 and tok[2] == "00")
                or (len(tok) > 3 and len(tok[3]) == 3) or (len(tok) > 4 and len(tok[4]) == 3)):
        catatan.tambah("kode.lama", "salah",
                       "Bentuk kode lama (Permendagri 13/2006), bukan nomenklatur Permendagri 90/2019 "
                       "atau Kepmendagri 050-5889/2021; petakan ke kode baru.", beri_saran=False)
        return _akhiri(asli, tok, catatan, None, nama)

    if len(tok) > 6:
        catatan.tambah("kode.format", "salah",
                       f"Kode punya {len(tok)} segmen; kode nomenklatur paling banyak 6 (U.BB.PP.K.KK.SSSS). "
                       "Mungkin ini kode unit organisasi.", beri_saran=False)
        return _akhiri(asli, tok, catatan, None, nama)

    # kegiatan without the pemda digit: '2.17.01.01', '2.17.01.02.05'
    if len(tok) in (4, 5) and len(tok[3]) == 2 and tok[3].isdigit():
        u, bb, pp, t3 = tok[:4]
        t4 = tok[4] if len(tok) == 5 else None
        saran = None
        alternatif: list[str] = []
        if t4 is None:
            if ctx:
                saran = f"{u}.{bb}.{pp}.{ctx}.{t3}"
            pesan = (f"Kode kegiatan tanpa digit pemda: '{'.'.join(tok)}'. Kegiatan ditulis U.BB.PP.K.KK "
                     "dengan K = 1 untuk provinsi, 2 untuk kabupaten/kota")
        elif len(t4) == 4:
            if ctx:
                saran = f"{u}.{bb}.{pp}.{ctx}.{t3}.{t4}"
            pesan = (f"Kode sub kegiatan tanpa digit pemda: '{'.'.join(tok)}'. Ditulis U.BB.PP.K.KK.SSSS "
                     "dengan K = 1 untuk provinsi, 2 untuk kabupaten/kota")
        else:
            d = t3[1]
            if t3[0] == "0" and d in JENIS_PEMDA and (ctx is None or ctx == d):
                saran = f"{u}.{bb}.{pp}.{d}.{t4}"
                alternatif.append(f"{u}.{bb}.{pp}.{d}.{t3}.{t4}")
            elif ctx:
                saran = f"{u}.{bb}.{pp}.{ctx}.{t3}.{t4}"
            pesan = (f"Segmen kegiatan tanpa digit pemda: '{'.'.join(tok)}'. Kegiatan ditulis U.BB.PP.K.KK "
                     "(K = 1 provinsi, 2 kabupaten/kota)")
        if saran:
            pesan += f"; kemungkinan maksudnya {saran}"
            if alternatif:
                pesan += f" (atau sub kegiatan {alternatif[0]}; cocokkan dengan namanya)"
        catatan.tambah("kode.segmen_pemda_hilang", "salah", pesan + ".", alternatif=alternatif)
        return _akhiri(asli, tok, catatan, saran, nama)

    if len(tok) == 4:
        catatan.tambah("kode.format", "salah",
                       "Kode kegiatan tidak lengkap: setelah digit pemda harus ada 2 digit kegiatan (U.BB.PP.K.KK).",
                       beri_saran=False)
        return _akhiri(asli, tok, catatan, None, nama)

    # widths per segment (a code already in canonical form has nothing to fix unless its sub kegiatan width
    # differs from the table's)
    baku = _baku(tok, digit_sub)
    if baku is None:
        tok, saran_khusus, pasti = _periksa_lebar(tok, catatan, digit_sub, saran_khusus, pasti)
    # template consistency: 'X' goes with 'XX', and only program 01 is a template
    if tok[0] == "X" or (len(tok) > 1 and tok[1] == "XX"):
        if len(tok) > 1 and (tok[0] == "X") != (tok[1] == "XX"):
            catatan.tambah("kode.placeholder", "salah", "Templat ditulis X.XX (urusan X dan bidang XX sekaligus).",
                           beri_saran=False)
            pasti = False
        elif len(tok) > 2 and tok[2] != "01" and pasti:
            catatan.tambah("kode.template", "salah",
                           f"Templat X.XX hanya ada untuk program 01 (penunjang); '{'.'.join(tok)}' tidak dikenal.",
                           beri_saran=False)
            pasti = False
    if saran_khusus is not None and pasti:  # a side suggestion on a code that is itself fine
        return _akhiri(asli, tok, catatan, saran_khusus, nama, ctx=ctx, bidang_ctx=bidang, baku=baku)
    if saran_khusus is not None or not pasti:
        return _akhiri(asli, tok, catatan, saran_khusus if saran_khusus else (
            ".".join(tok) if _tebakan_jelas(catatan, tok) else None), nama, bidang_ctx=bidang)
    return _akhiri(asli, tok, catatan, None, nama, ctx=ctx, bidang_ctx=bidang, baku=baku)


def _baku(tok: list[str], digit_sub: int | None) -> str | None:
    """The segments' joined text when they are canonical and their sub kegiatan has the table's width (then
    no segment check applies), else None."""
    teks = ".".join(tok)
    if _NORMAL.fullmatch(teks) is None or (len(tok) == 6 and digit_sub in (2, 4) and len(tok[5]) != digit_sub):
        return None
    return teks


def _periksa_lebar(tok: list[str], catatan: _Catatan, digit_sub: int | None, saran_khusus: str | None,
                   pasti: bool) -> tuple[list[str], str | None, bool]:
    """Widths per segment: fix what is clear (1-digit program -> 0X), flag the rest; returns the segments,
    the side suggestion and whether the result is still certain."""
    baru = list(tok)
    for i, t in enumerate(tok):
        nama_seg = _NAMA_SEGMEN[i]
        if i == 0:
            if not (t == "X" or (len(t) == 1 and t in "123456789")):
                catatan.tambah("kode.format", "salah", f"Segmen urusan '{t}' harus satu digit 1–9 (atau X pada templat).",
                               beri_saran=False)
                pasti = False
            continue
        if "X" in t:
            if i == 1 and t == "XX":
                continue
            catatan.tambah("kode.placeholder", "salah", f"Segmen {nama_seg} '{t}' berisi X; hanya urusan dan bidang "
                           "yang boleh berupa templat (X.XX).", beri_saran=False)
            pasti = False
            continue
        if i == 3:
            if len(t) == 1 and t in JENIS_PEMDA:
                continue
            if len(t) == 2 and t[0] == "0" and t[1] in JENIS_PEMDA:
                baru[i] = t[1]
                catatan.tambah("kode.lebar", "peringatan", f"Digit pemda '{t}' ditulis satu digit: '{t[1]}'.")
                continue
            catatan.tambah("kode.format", "salah", f"Digit pemda '{t}' harus 1–8 (1 provinsi, 2 kabupaten/kota).",
                           beri_saran=False)
            pasti = False
            continue
        if i == 1:
            if len(t) == 2:
                continue
            if len(t) == 1:
                catatan.tambah("kode.lebar", "salah",
                               f"Bidang '{t}' harus dua digit; tidak jelas maksudnya 0{t} atau {t}0 "
                               "(ketik kode sebagai teks agar nol tidak hilang).", beri_saran=False)
            else:
                catatan.tambah("kode.lebar", "salah", f"Bidang '{t}' harus dua digit.", beri_saran=False)
            pasti = False
            continue
        if i in (2, 4):
            if len(t) == 2:
                continue
            if len(t) == 1:
                baru[i] = "0" + t
                catatan.tambah("kode.lebar", "peringatan",
                               f"Segmen {nama_seg} '{t}' ditulis dua digit: '0{t}'.")
                continue
            if len(t) == 3 and t[0] == "0":
                baru[i] = t[1:]
                catatan.tambah("kode.lebar", "peringatan",
                               f"Segmen {nama_seg} '{t}' ditulis dua digit: '{t[1:]}'.")
                continue
            catatan.tambah("kode.lebar", "salah", f"Segmen {nama_seg} '{t}' harus dua digit.", beri_saran=False)
            pasti = False
            continue
        # i == 5: sub kegiatan, 2 or 4 digits
        lebar = len(t)
        if lebar in (2, 4):
            if digit_sub in (2, 4) and lebar != digit_sub:
                if digit_sub == 4:
                    # the printed code stays the normal form (it is a valid 2-digit code); the padded
                    # one is only a suggestion because successor codes may differ (seeds-spec C5/C6)
                    saran_khusus = ".".join(baru[:5] + [t.zfill(4)])
                    catatan.tambah(
                        "kode.era", "peringatan",
                        f"Sub kegiatan 2 digit ('{t}', {ERA_2_DIGIT}) di tabel 4 digit ({ERA_4_DIGIT}); "
                        f"kemungkinan {saran_khusus}, tetapi kode penerus bisa berbeda — "
                        "periksa di katalog nomenklatur.")
                else:
                    catatan.tambah(
                        "kode.era", "peringatan",
                        f"Sub kegiatan 4 digit ('{t}', {ERA_4_DIGIT}) di tabel 2 digit ({ERA_2_DIGIT}).",
                        beri_saran=False)
            continue
        if digit_sub in (2, 4) and lebar < digit_sub:
            baru[i] = t.zfill(digit_sub)
            catatan.tambah("kode.lebar", "salah",
                           f"Sub kegiatan '{t}' harus {digit_sub} digit; kemungkinan '{baru[i]}'.")
        elif digit_sub == 2 and lebar == 3 and t[0] == "0":
            baru[i] = t[1:]
            catatan.tambah("kode.lebar", "salah", f"Sub kegiatan '{t}' harus 2 digit; kemungkinan '{t[1:]}'.")
        elif lebar > 4 and int(t) < 10000:
            baru[i] = str(int(t)).zfill(4)
            catatan.tambah("kode.lebar", "salah", f"Sub kegiatan '{t}' terlalu panjang; kemungkinan '{baru[i]}'.")
        else:
            catatan.tambah("kode.lebar", "salah",
                           f"Sub kegiatan '{t}' harus 2 digit (Permendagri 90/2019) atau 4 digit "
                           "(Kepmendagri 050-5889/2021).", beri_saran=False)
        pasti = False
    return baru, saran_khusus, pasti


def _tebakan_jelas(catatan: _Catatan, tok: list[str]) -> bool:
    """True when every error found came with a clear fix (e.g. 'XXX' prefix, padded sub kegiatan) and
    the corrected segments are well-formed: then they are the suggestion."""
    salah = [i for i in catatan.item if i[1] == "salah"]
    return (all(i[3] for i in salah)
            and _NORMAL.fullmatch(".".join(tok)) is not None)


def _akhiri(asli: str, tok: list[str], catatan: _Catatan, saran: str | None, nama: str, *,
            ctx: str | None = None, bidang_ctx: str | None = None, baku: str | None = None) -> Kode:
    """Build the Kode from the final segments and the findings. ``baku``: the segments' joined text when
    the caller already found it canonical (then it is not matched again)."""
    seg = tuple(tok)
    if saran is not None and _NORMAL.fullmatch(saran) is None:
        saran = None  # a suggestion must itself be a well-formed code
    if saran is not None and bidang_ctx and saran.startswith("X.XX"):
        try:
            saran = dari_template(saran, bidang_ctx)
        except ValueError:
            pass
    n = len(seg)
    normal = ".".join(seg) if baku is None else baku
    if catatan.ada_salah or (baku is None and not (1 <= n <= 6 and n != 4 and _NORMAL.fullmatch(normal))):
        if not catatan.ada_salah:  # defensive: never call something normal that is not
            catatan.tambah("kode.format", "salah", "Bentuk kode tidak dikenali (U.BB.PP.K.KK.SSSS).",
                           beri_saran=False)
        return Kode(asli=asli, normal=None, segmen=seg, temuan=catatan.selesai(asli, saran), saran=saran,
                    template=bool(seg) and seg[0] == "X", nama=nama)
    if ctx and n >= 4 and seg[3] in ("1", "2") and seg[3] != ctx:
        catatan.tambah("kode.pemda", "peringatan",
                       f"Kode {JENIS_PEMDA[seg[3]]} (digit pemda {seg[3]}) di dokumen {JENIS_PEMDA[ctx]}.",
                       beri_saran=False)
    if bidang_ctx and seg[0] == "X" and len(seg) >= 2:
        try:
            isi = dari_template(normal, bidang_ctx)
        except ValueError:
            isi = None
        if isi:
            catatan.tambah("kode.template", "peringatan",
                           f"Kode templat {normal} belum diganti kode bidang; untuk bidang {bidang_ctx}: {isi}.",
                           beri_saran=False, seharusnya=isi)
            saran = isi
    berubah = normal != asli
    if saran is None and berubah and catatan.bukan_info:
        saran = normal
    return _dari_segmen(asli, seg, catatan.selesai(asli, saran), saran, nama, normal)


# --------------------------------------------------------------------------------------------------
# numbers from Excel


def _parse_float(x: float, asli: str) -> Kode:
    if not math.isfinite(x) or x < 0:
        return Kode(asli=asli, normal=None, temuan=(Temuan(
            "kode.angka", "salah", f"Nilai angka '{asli}' bukan kode nomenklatur.", ditemukan=asli),))
    if x.is_integer():
        return _parse_teks_cached(str(int(x)), None, None, None)
    r = repr(x)
    if "e" in r or "E" in r:
        return Kode(asli=asli, normal=None, temuan=(Temuan(
            "kode.angka", "salah", f"Nilai angka '{asli}' bukan kode nomenklatur.", ditemukan=asli),))
    u, _, b = r.partition(".")
    if len(u) == 1 and u != "0" and len(b) == 2:
        k = _parse_teks_cached(r, None, None, None)
        t = Temuan("kode.angka", "info",
                   f"Kode {r} tersimpan sebagai angka; ketik kode sebagai teks agar nol di belakang tidak hilang.",
                   ditemukan=asli)
        return _ganti(k, asli=asli, temuan=k.temuan + (t,))
    saran = None
    if len(u) == 1 and u != "0" and len(b) == 1:
        saran = f"{u}.{b}0"  # 1.1 can only have come from 1.10: 1.01 would read 1.01
    pesan = (f"Kode tersimpan sebagai angka ({r}) sehingga nol di belakang hilang; kode harus diketik sebagai teks"
             + (f" — kemungkinan {saran}." if saran else "."))
    return Kode(asli=asli, normal=None, temuan=(Temuan("kode.angka", "salah", pesan, saran=saran, ditemukan=asli),),
                saran=saran)


def _ganti(k: Kode, **ubah: object) -> Kode:
    from dataclasses import replace
    return replace(k, **ubah)


# --------------------------------------------------------------------------------------------------
# public API


@lru_cache(maxsize=65536)
def _parse_teks_cached(s: str, jenis_pemda: str | None, bidang: str | None, digit_sub: int | None) -> Kode:
    normal = _NORMAL.fullmatch(s) is not None
    if normal and jenis_pemda is None and bidang is None and digit_sub is None:
        return _dari_segmen(s, tuple(s.split(".")))
    try:
        if normal:  # only the context checks are left to do
            return _periksa_segmen(s, s.split("."), _Catatan(), jenis_pemda, bidang, digit_sub, None, "")
        return _parse_teks(s, jenis_pemda, bidang, digit_sub)
    except Exception as e:  # never raise on input; a bug here must not stop a whole check
        return Kode(asli=s, normal=None, temuan=(Temuan(
            "kode.format", "salah", f"Kode tidak bisa dibaca ({type(e).__name__}).", ditemukan=s),))


def parse_kode(x: object, *, jenis_pemda: str | None = None, bidang: str | None = None,
               digit_sub: int | None = None) -> Kode:
    """Parse anything a cell may hold into a :class:`Kode`; never raises.

    Optional context makes suggestions precise: ``jenis_pemda`` ("provinsi" / "kabupaten/kota") supplies
    a missing pemda digit and flags codes of the other kind; ``bidang`` ("2.17") turns template codes
    into the perangkat daerah's own; ``digit_sub`` (2 or 4) is the sub kegiatan width of the table.
    """
    try:
        if isinstance(x, str):
            if len(x) > 2000:
                x = x[:2000]
            return _parse_teks_cached(x, jenis_pemda or None, bidang or None, digit_sub)
        if x is None:
            return _kosong("")
        if isinstance(x, bool):
            return Kode(asli=str(x), normal=None, temuan=(Temuan(
                "kode.format", "salah", "Nilai benar/salah bukan kode nomenklatur.", ditemukan=str(x)),))
        if isinstance(x, int):
            if x < 0:
                return Kode(asli=str(x), normal=None, temuan=(Temuan(
                    "kode.angka", "salah", f"Angka '{x}' bukan kode nomenklatur.", ditemukan=str(x)),))
            s = str(x) if x < 10**30 else str(x)[:30]
            return _parse_teks_cached(s, jenis_pemda or None, bidang or None, digit_sub)
        if isinstance(x, float):
            return _parse_float(x, repr(x))
        if isinstance(x, (bytes, bytearray, memoryview)):
            s = bytes(x[:2000]).decode("utf-8", errors="replace")
            return _parse_teks_cached(s, jenis_pemda or None, bidang or None, digit_sub)
        s = str(x)[:2000]
        return _parse_teks_cached(s, jenis_pemda or None, bidang or None, digit_sub)
    except Exception as e:  # e.g. an object whose __str__ raises
        return Kode(asli="", normal=None, temuan=(Temuan(
            "kode.format", "salah", f"Nilai tidak bisa dibaca sebagai kode ({type(e).__name__}).", ditemukan=""),))


def normal_kode(x: object) -> str | None:
    """The canonical code text, or None when the input is not (certainly) a code."""
    return parse_kode(x).normal


def ke_template(kode: object) -> str:
    """``2.17.01.2.01.0001`` -> ``X.XX.01.2.01.0001`` (program 01 only); other codes come back normalised.

    Input that is not a code is returned as stripped text, so lookups simply miss instead of failing.
    """
    k = parse_kode(kode)
    hasil = k.ke_template()
    return hasil if hasil is not None else str(kode if kode is not None else "").strip()


def dari_template(kode: object, bidang: object) -> str:
    """``X.XX.01.2.01.0001`` with bidang ``2.17`` -> ``2.17.01.2.01.0001``; non-template codes unchanged.

    Raises ``ValueError`` (Indonesian message) when ``bidang`` is not a bidang code such as ``2.17``.
    """
    b = parse_kode(bidang)
    if b.normal is None or b.tingkat is not Tingkat.BIDANG or b.template:
        raise ValueError(f"'{bidang}' bukan kode bidang urusan (contoh: 2.17).")
    k = parse_kode(kode)
    if k.normal is None:
        return str(kode).strip()
    if not k.template:
        return k.normal
    return ".".join((b.segmen[0], b.segmen[1]) + k.segmen[2:])


def pisah_kode_nama(teks: object) -> tuple[str | None, str]:
    """Split ``'2.17.01.2.01.01 Penyusunan Dokumen ...'`` into (code, name).

    The code is normalised when possible, otherwise the code part as typed; None when the text does
    not start with a code (then the whole text is the name).
    """
    if teks is None:
        return None, ""
    s = teks if isinstance(teks, str) else str(teks)
    catatan = _Catatan()
    bersih = _bersihkan(s, catatan)
    bagian = _pisah(bersih)
    if bagian is None:
        return None, bersih.strip()
    chunk, _ekor, nama = bagian
    k = parse_kode(chunk)
    return (k.normal if k.normal is not None else chunk.strip()), nama


_BATAS_SEGMEN = (1, 3, 5, 6, 8)  # digit positions after which a segment ends


def gabung_sel(bagian: Sequence[object]) -> Kode:
    """Put a code split over several cells back together (``["2", "17", "01", "2.01", "01"]``).

    Cells that each hold whole segments join with dots. Digits spread over cells (``"1 7"``,
    ``"3102"``, ``"2.0106"``) are re-cut at the standard segment widths only when every cell and dot
    boundary falls on a segment boundary; anything else is flagged (``kode.sel_terpisah``) without a
    guess, because lost or extra zeros cannot be recovered from the digits alone.
    """
    try:
        return _gabung_sel(bagian)
    except Exception as e:  # never raise on cell contents
        return Kode(asli="", normal=None, temuan=(Temuan(
            "kode.sel_terpisah", "salah", f"Sel kode tidak bisa dibaca ({type(e).__name__}).", ditemukan=""),))


def _gabung_sel(bagian: Sequence[object]) -> Kode:
    sel: list[str] = []
    for b in bagian:
        if b is None:
            continue
        if isinstance(b, float) and b.is_integer():
            b = int(b)
        s = b if isinstance(b, str) else (b.decode("utf-8", "replace") if isinstance(b, bytes) else str(b))
        s = _TAG.sub("", s).strip(_TEPI)
        if s:
            sel.append(s)
    asli = " ¦ ".join(sel)
    if not sel:
        return _kosong(asli)
    if len(sel) == 1:
        return parse_kode(sel[0])
    k = parse_kode(".".join(sel))
    if k.valid and not any(t.jenis in ("kode.spasi", "kode.lebar") for t in k.temuan):
        return _ganti(k, asli=asli)
    # digit stream with boundaries
    digit = ""
    batas: set[int] = set()
    for s in sel:
        for ch in s:
            if ch.isdigit():
                digit += ch
            elif ch == ".":
                batas.add(len(digit))
            elif ch in "Xx" or not ch.isspace():
                digit = ""
                break
        else:
            batas.add(len(digit))
            continue
        break
    batas.discard(len(digit))
    batas.discard(0)
    if digit and len(digit) in (1, 3, 5, 8, 10, 12) and batas <= set(_BATAS_SEGMEN):
        n = len(digit)
        cut = [0] + [p for p in _BATAS_SEGMEN if p < n] + [n]
        seg = [digit[a:b] for a, b in zip(cut, cut[1:])]
        cand = ".".join(seg)
        if _NORMAL.fullmatch(cand):
            t = Temuan("kode.sel_terpisah", "peringatan",
                       f"Kode terpecah di beberapa sel ({asli}) disusun ulang menjadi {cand}; periksa.",
                       saran=cand, ditemukan=asli)
            return _dari_segmen(asli, tuple(seg), (t,), cand)
    t = Temuan("kode.sel_terpisah", "salah",
               f"Kode terpecah di beberapa sel ({asli}) tidak bisa disusun ulang dengan pasti; "
               "ketik kode lengkap di satu sel (contoh 2.17.01.2.01.0001).", ditemukan=asli)
    return Kode(asli=asli, normal=None, temuan=(t,))
