"""Workbook I/O shell: open user workbooks safely, read values fast, write outputs atomically.

Nothing in a user's file is trusted. Before openpyxl or calamine sees a byte, ``periksa_berkas`` looks at
the container (missing, folder, not a zip, old ``.xls``, password-protected, ``.ods``, ``.xlsb``, HTML or
CSV renamed to ``.xlsx``, truncated zip), at the zip directory (zip bomb: total size, ratio, member count)
and at every XML part (DTD / entity declarations, cells with content). Every refusal is one
``GalatPengguna`` in Bahasa Indonesia that names the file and says what to do. Limits: ``docs/keamanan.md``.

A sheet padded with a huge number of empty (styled) rows or cells is *trimmed* in memory before openpyxl
loads it: openpyxl would otherwise build one object per row/cell (1 million styled rows: ~30 s, 1.5 GB).
Only empty elements are dropped, so values, formulas and merged ranges are unchanged; the formatting of
the empty rows/cells is lost, which does not matter for reading. The file on disk is never modified.
A value far out (e.g. in XFD1048576) is refused: calamine would allocate the whole grid and abort the process.

A workbook Excel saved as "Strict Open XML Spreadsheet" names its elements and relationship types in the
Strict namespaces (``http://purl.oclc.org/ooxml/...``), which openpyxl and calamine do not know: they would
read it as empty. Its XML parts are mapped to the transitional namespaces in memory (:func:`ke_transisional`)
before any reader sees them, so every check works the same; the file on disk is untouched.
"""

from __future__ import annotations

import io
import logging
import os
import re
import stat
import struct
import tempfile
import unicodedata
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Callable, Iterable, Iterator
from xml.etree import ElementTree as ET

from renja_xl.galat import GalatPengguna

if TYPE_CHECKING:  # pragma: no cover
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell

log = logging.getLogger(__name__)

# ---- limits (documented in docs/keamanan.md; change both together) ---------------------------------
BATAS_UKURAN_BERKAS = 200 * 1024 * 1024
"""Largest file on disk we read at all (bytes)."""
BATAS_TERURAI = 200 * 1024 * 1024
"""Largest sum of uncompressed zip member sizes (bytes) - a Renja workbook is a few MB."""
BATAS_RASIO = 200
"""Largest compression ratio of a member bigger than ``BATAS_RASIO_MULAI`` (zip bomb). Cell comments saved by
LibreOffice (hundreds of identical notes) reach ~120x in a legitimate 400-row form; deflate tops out ~1030x."""
BATAS_RASIO_MULAI = 8 * 1024 * 1024
BATAS_ANGGOTA = 10_000
"""Most members in the zip."""
BATAS_SEL_ISI = 1_000_000
"""Most cells with content (value, formula or inline text) in the whole workbook."""
BATAS_KOSONG = 100_000
"""Above this many empty rows/cells in one sheet, the sheet is trimmed before loading."""
BATAS_LUAS = 10_000_000
"""Largest used area (rows x columns from A1 to the farthest cell with content) of one sheet.

calamine builds a dense grid of that size *in Rust* and aborts the whole process when the allocation
fails (no Python exception), so a lone value in XFD1048576 must be refused before calamine sees it.
read_only mode: a declared ``<dimension>`` larger than this is ignored."""
BATAS_GABUNG = 250_000
"""Most cells covered by merged ranges and hyperlink ranges in one sheet: openpyxl creates one object per
covered cell (a merge over A1:XFD1048576 never finishes loading)."""
BATAS_TEKS = 32_767
"""Excel's maximum characters in one cell."""

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MIME_ODS = b"application/vnd.oasis.opendocument.spreadsheet"
_SARAN_XLSX = "Buka berkas itu di Excel atau LibreOffice lalu Simpan Sebagai 'Excel Workbook (.xlsx)'."
_CHUNK = 1024 * 1024

_RE_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_RE_C = re.compile(rb"<(?:\w+:)?c\b")
_RE_C_KOSONG = re.compile(rb"<(?:\w+:)?c\b[^<>]*/>")
_RE_ROW = re.compile(rb"<(?:\w+:)?row\b")
_RE_ROW_R = re.compile(rb'<(?:\w+:)?row\b[^<>]*?\br\s*=\s*["\'](\d{1,9})["\']')
# Opening tag of a cell that is not self-closing (i.e. may hold a value), with its r="A1".
_RE_C_REF = re.compile(rb'<(?:\w+:)?c\b[^<>]*?\br\s*=\s*["\']\$?([A-Za-z]{1,4})\$?(\d{1,9})["\'][^<>]*?(?<!/)>')
_RE_REF_RENTANG = re.compile(rb'<(?:\w+:)?(?:mergeCell|hyperlink)\b[^<>]*?\bref\s*=\s*["\']([^"\'<>]{1,64})["\']')
# The same patterns for a piece of XML with no namespace-prefixed <c>/<row> tags (the usual case): anchored on a
# literal, so the regex engine skips to candidates instead of trying an optional prefix at every '<'.
_RE_AWALAN = re.compile(rb"<\w+:(?:c|row)\b")
_RE_C_POLOS = re.compile(rb"<c\b")
_RE_C_KOSONG_POLOS = re.compile(rb"<c\b[^<>]*/>")
_RE_ROW_POLOS = re.compile(rb"<row\b")
# (the tag's rest is taken possessively: '>' is the only place the lazy form could stop, so the same matches)
_RE_C_REF_POLOS = re.compile(rb'<c\b[^<>]*?\br\s*=\s*["\']\$?([A-Za-z]{1,4})\$?(\d{1,9})["\'][^<>]*+(?<!/)>')
# Fast path of the scan: a cell tag in the form every writer we know uses (r first, double quotes, plain A1),
# taken whole so that one match is one complete <c ...> tag; "<c" followed by a word character is another element.
_RE_C_SEDERHANA = re.compile(rb'<c r="([A-Z]{1,3}[0-9]{1,7})"[^<>]*>')
_RE_C_KATA = re.compile(rb"<c\w")
_RE_AWALAN_MUNGKIN = re.compile(rb":(?:c|row)\b")  # cheap pre-test of _RE_AWALAN (one pass instead of two)
_HURUF, _ANGKA = bytes(range(65, 91)), b"0123456789"
# ASCII control characters that XML 1.0 forbids (tab, newline and carriage return are allowed).
_RE_KONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class _Lembar:
    """What the scan learned about one worksheet part."""

    part: str
    nama: str
    sel: int = 0
    sel_kosong: int = 0
    baris: int = 0
    baris_maks: int = 0      # farthest row / column of a cell with content (1-based)
    kolom_maks: int = 0
    tanpa_r: int = 0         # cells with content but no r="..." (position = previous + 1)
    baris_r_maks: int = 0    # largest <row r="..."> (only looked for when some cell has no r)
    luas_gabung: int = 0     # cells covered by <mergeCell ref> and <hyperlink ref> ranges
    gabung_maks: int = 0
    gabung_terbesar: str = ""
    galat: bool = False      # some cell has t="e" (an error value such as #DIV/0!)
    kasar: bool = False      # counts and extent are upper bounds (fast path), not exact: see ``catat_cepat``
    cepat: bool = True       # every piece so far had the fast path's shape
    kosong_atas: int = 0     # upper bound of sel_kosong (every self-closing cell ends in "/>")

    def catat_cepat(self, potong: bytes) -> None:
        """Upper bounds of the counts and the extent, with byte counts and one cheap pattern per cell.

        Applies while every ``<c>`` tag in the piece is ``<c r="A1" ...>`` (what Excel, LibreOffice and openpyxl
        write): then no cell lacks its address, so the used area is at most the largest row times the largest
        column of *any* cell, empty or not. ``cepat`` turns False on anything else (prefixed tags, other
        attribute order, quotes or references) and the exact :meth:`catat` decides. Merged/hyperlink ranges
        are counted exactly here too."""
        if not self.cepat:
            return
        if _RE_AWALAN_MUNGKIN.search(potong) and _RE_AWALAN.search(potong):
            self.cepat = False
            return
        sel = potong.count(b"<c")
        refs = _RE_C_SEDERHANA.findall(potong) if sel else []
        if len(refs) != sel:  # "<col", "<cfRule"... (not cells) or a cell tag that is not a whole simple tag
            sel -= len(_RE_C_KATA.findall(potong))
            if len(refs) != sel:
                self.cepat = False
                return
        self.kasar = True
        self.sel += sel
        self.kosong_atas += potong.count(b"/>")
        self.baris += potong.count(b"<row")
        self._catat_rentang(potong)
        if refs:  # "AD20004" -> column letters and row digits, split in C (no tuple per cell)
            semua = b" ".join(refs)
            baris = set(semua.translate(None, _HURUF).split())
            n = max(map(len, baris))
            self.baris_maks = max(self.baris_maks, int(max(b for b in baris if len(b) == n)))
            self.kolom_maks = max(self.kolom_maks, max(_kolom(k) for k in set(semua.translate(None, _ANGKA).split())))

    def cukup_kasar(self) -> bool:
        """The fast path's bounds already show this sheet within every per-sheet limit and needing no trim, so
        exact counts could not change a decision (the workbook-wide cell count is checked by the caller)."""
        return (self.cepat and self.kasar and self.kosong_atas <= BATAS_KOSONG and self.baris <= BATAS_KOSONG
                and self.baris_maks * self.kolom_maks <= BATAS_LUAS)

    def ulang(self) -> None:
        """Forget every count before an exact pass."""
        self.sel = self.sel_kosong = self.baris = self.baris_maks = self.kolom_maks = 0
        self.tanpa_r = self.baris_r_maks = self.luas_gabung = self.gabung_maks = self.kosong_atas = 0
        self.gabung_terbesar = ""
        self.kasar = self.cepat = False

    def _catat_rentang(self, potong: bytes) -> None:
        if b"mergeCell" in potong or b"hyperlink" in potong:
            for ref in _RE_REF_RENTANG.findall(potong):
                n = _luas_rentang(ref)
                self.luas_gabung += n
                if n > self.gabung_maks:
                    self.gabung_maks, self.gabung_terbesar = n, ref.decode("ascii", "replace")

    def catat(self, potong: bytes) -> None:
        """Count cells/rows in one piece of sheet XML and widen the used area."""
        if (b":c" in potong or b":row" in potong) and _RE_AWALAN.search(potong):
            re_c, re_kosong, re_row, re_ref = _RE_C, _RE_C_KOSONG, _RE_ROW, _RE_C_REF
        else:
            re_c, re_kosong, re_row, re_ref = _RE_C_POLOS, _RE_C_KOSONG_POLOS, _RE_ROW_POLOS, _RE_C_REF_POLOS
        sel, kosong = len(re_c.findall(potong)), len(re_kosong.findall(potong))
        self.sel += sel
        self.sel_kosong += kosong
        self.baris += len(re_row.findall(potong))
        self._catat_rentang(potong)
        refs = re_ref.findall(potong)  # (column letters, row digits) of cells that may hold a value
        self.tanpa_r += max(sel - kosong - len(refs), 0)
        if refs:
            kolom, baris = zip(*refs)  # maxima by (length, text): stays in C for a million cells
            baris_set = set(baris)
            n = max(map(len, baris_set))
            self.baris_maks = max(self.baris_maks, int(max(b for b in baris_set if len(b) == n)))
            self.kolom_maks = max(self.kolom_maks, max(_kolom(k) for k in set(kolom)))

    @property
    def luas(self) -> int:
        """Used area from A1, counting cells without r="..." as if they pushed right/down."""
        baris = max(self.baris_maks, self.baris_r_maks) + (self.baris if self.tanpa_r else 0)
        return baris * (self.kolom_maks + self.tanpa_r)

    @property
    def sel_terjauh(self) -> str:
        from openpyxl.utils.cell import get_column_letter

        baris = max(self.baris_maks, self.baris_r_maks, 1)
        kolom = max(self.kolom_maks + self.tanpa_r, 1)
        try:
            return f"{get_column_letter(kolom)}{baris}"
        except ValueError:
            return f"kolom {kolom}, baris {baris}"

    @property
    def isi(self) -> int:
        """Cells with content (an upper bound while ``kasar``)."""
        return self.sel - self.sel_kosong

    @property
    def perlu_pangkas(self) -> bool:
        return self.sel_kosong > BATAS_KOSONG or self.baris > BATAS_KOSONG


@dataclass
class HasilPeriksa:
    """The checked file: its bytes (read once; the file is never held open) and sheet facts."""

    berkas: Path
    data: bytes
    lembar: dict[str, _Lembar] = field(default_factory=dict)
    strict: bool = False
    """Saved as Strict Open XML: readers get the parts mapped to transitional namespaces."""

    @property
    def dipangkas(self) -> list[str]:
        """Names of sheets that will be trimmed of empty rows/cells before loading."""
        return [lb.nama for lb in self.lembar.values() if lb.perlu_pangkas]


def _luas_rentang(ref: bytes) -> int:
    """Cells in 'A1:C3' / 'A:A' / '1:1' (0 when openpyxl could not parse it either; it will then fail)."""
    from openpyxl.utils.cell import range_boundaries

    try:
        k1, b1, k2, b2 = range_boundaries(ref.decode("ascii").replace("$", ""))
    except Exception:
        return 0
    k1, k2 = k1 or 1, k2 or 16_384
    b1, b2 = b1 or 1, b2 or 1_048_576
    return max(k2 - k1 + 1, 1) * max(b2 - b1 + 1, 1)


def _kolom(huruf: bytes) -> int:
    n = 0
    for b in huruf.upper():
        n = n * 26 + (b - 64)
    return n


def _galat(berkas: Path, pesan: str, saran: str | None = None, lembar: str | None = None) -> GalatPengguna:
    return GalatPengguna(pesan, berkas=berkas, lembar=lembar, saran=saran)


def _ribuan(n: int) -> str:
    """1234567 -> '1.234.567' (Indonesian thousands separator)."""
    return f"{n:,}".replace(",", ".")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


# ---- Strict Open XML -> transitional ----------------------------------------------------------------

_STRICT = b"http://purl.oclc.org/ooxml/"
_RE_STRICT = re.compile(rb"http://purl\.oclc\.org/ooxml/([A-Za-z]+)/([A-Za-z]+)((?:/[A-Za-z]+)*)")
_STRICT_NAMA = {b"extendedProperties": b"extended-properties", b"customProperties": b"custom-properties"}
_STRICT_PAKET = {b"relationships": b"http://schemas.openxmlformats.org/package/2006/relationships",
                 b"content-types": b"http://schemas.openxmlformats.org/package/2006/content-types"}


def _uri_transisional(m: re.Match[bytes]) -> bytes:
    """One Strict URI -> its transitional twin (ECMA-376 Part 1 vs Part 4 names).

    ``purl.oclc.org/ooxml/<area>/<name>[/<type>]`` becomes ``schemas.openxmlformats.org/<area>/2006/<name>``;
    the two property parts and their relationship types are hyphenated in the transitional names."""
    area, nama, ekor = m.group(1), m.group(2), m.group(3)
    if area == b"package":
        return _STRICT_PAKET.get(nama, m.group(0)) + ekor
    ekor = b"/".join(_STRICT_NAMA.get(x, x) for x in ekor.split(b"/"))
    return b"http://schemas.openxmlformats.org/" + area + b"/2006/" + _STRICT_NAMA.get(nama, nama) + ekor


def ke_transisional(xml: bytes) -> bytes:
    """XML of a Strict Open XML part with every Strict namespace and relationship type made transitional."""
    if _STRICT not in xml:
        return xml
    return _RE_STRICT.sub(_uri_transisional, xml)


def _adalah_strict(z: zipfile.ZipFile) -> bool:
    """The package's main relationship uses the Strict officeDocument type (what Excel writes for Strict)."""
    try:
        rels = z.read("_rels/.rels")
    except KeyError:
        return False
    return b"purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" in rels


# ---- container checks -----------------------------------------------------------------------------

def _periksa_ole(berkas: Path, data: bytes) -> GalatPengguna:
    """An OLE2 compound file: an old .xls, or an encrypted OOXML workbook (EncryptionInfo/EncryptedPackage)."""
    nama: set[str] = set()
    try:
        import olefile  # optional; fall back to searching directory entry names in the bytes

        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            nama = {"/".join(p).lower() for p in ole.listdir(streams=True, storages=True)}
    except ImportError:
        for n in ("EncryptionInfo", "EncryptedPackage", "Workbook", "Book"):
            if n.encode("utf-16-le") in data:
                nama.add(n.lower())
    except Exception:  # damaged OLE directory: use the byte search too
        for n in ("EncryptionInfo", "EncryptedPackage", "Workbook", "Book"):
            if n.encode("utf-16-le") in data:
                nama.add(n.lower())
    if "encryptioninfo" in nama or "encryptedpackage" in nama:
        return _galat(berkas, "buku kerja ini dilindungi kata sandi (terenkripsi), jadi isinya tidak dapat dibaca.",
                      "Buka kata sandinya dulu: buka di Excel, File > Info > Proteksi Buku Kerja > "
                      "Enkripsi dengan Kata Sandi, kosongkan kata sandinya, lalu simpan sebagai .xlsx.")
    if "workbook" in nama or "book" in nama:
        return _galat(berkas, "ini berkas Excel lama (.xls, format 97-2003) yang tidak didukung.",
                      "Simpan ulang sebagai .xlsx: " + _SARAN_XLSX)
    return _galat(berkas, "ini berkas Office lama (OLE) tetapi bukan buku kerja Excel.",
                  "Pilih berkas buku kerja Excel (.xlsx).")


def _periksa_bukan_zip(berkas: Path, data: bytes) -> GalatPengguna:
    """Explain what a non-zip file most likely is."""
    if berkas.name.startswith("~$"):
        return _galat(berkas, "ini berkas kunci sementara yang dibuat Excel selama sebuah buku kerja dibuka, "
                              "bukan buku kerjanya.", f"Pilih berkas aslinya: {berkas.name[2:]}.")
    if data.startswith(_OLE):
        return _periksa_ole(berkas, data)
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _galat(berkas, "berkas .xlsx ini terpotong atau rusak (arsip zip-nya tidak lengkap), "
                              "mungkin unduhan atau salinannya belum selesai.",
                      "Unduh atau salin ulang berkasnya, atau buka di Excel (Excel dapat memperbaiki) "
                      "lalu simpan sebagai .xlsx baru.")
    awal = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"urn:schemas-microsoft-com:office:spreadsheet" in data[:8192]:
        return _galat(berkas, "ini berkas 'XML Spreadsheet 2003', bukan .xlsx.", _SARAN_XLSX)
    if awal.startswith((b"<!doctype html", b"<html", b"<table")) or b"<table" in awal:
        return _galat(berkas, "ini sebenarnya halaman HTML yang diberi nama .xls/.xlsx "
                              "(ekspor aplikasi sering begini), bukan buku kerja Excel.", _SARAN_XLSX)
    if data.startswith(b"%PDF"):
        return _galat(berkas, "ini berkas PDF, bukan buku kerja Excel.", "Pilih berkas .xlsx.")
    sampel = data[:4096]
    if sampel and not any(b in sampel for b in (b"\x00",)) and (b"," in sampel or b";" in sampel or b"\t" in sampel):
        return _galat(berkas, "ini berkas teks (seperti CSV), bukan buku kerja Excel .xlsx.",
                      "Buka di Excel lalu simpan sebagai .xlsx, atau gunakan perintah yang menerima CSV.")
    return _galat(berkas, "berkas ini bukan buku kerja Excel .xlsx (bukan arsip zip).",
                  "Pastikan berkas yang dipilih benar, lalu simpan dari Excel sebagai .xlsx.")


def _baca_berkas(berkas: Path) -> bytes:
    try:
        ada = berkas.exists()
    except (OSError, ValueError) as e:  # e.g. a NUL byte or a name too long for the file system
        raise _galat(berkas, f"nama berkas tidak sah ({e}).", "Periksa nama berkasnya.") from e
    if not ada:
        raise _galat(berkas, f"berkas tidak ditemukan di {berkas}.", "Periksa nama dan folder berkasnya.")
    if berkas.is_dir():
        raise _galat(berkas, "yang diberikan adalah folder, bukan berkas.",
                     "Sebutkan berkas .xlsx di dalam folder itu.")
    try:
        ukuran = berkas.stat().st_size
        if ukuran > BATAS_UKURAN_BERKAS:
            raise _galat(berkas, f"berkas terlalu besar ({_mb(ukuran)}; batas {_mb(BATAS_UKURAN_BERKAS)}).",
                         "Pisahkan datanya ke beberapa berkas yang lebih kecil.")
        data = berkas.read_bytes()
    except GalatPengguna:
        raise
    except PermissionError as e:
        raise _galat(berkas, f"berkas tidak dapat dibaca (tidak ada izin): {e.strerror}.",
                     "Periksa izin berkas, atau tutup aplikasi yang sedang menguncinya.") from e
    except OSError as e:
        raise _galat(berkas, f"berkas tidak dapat dibaca: {e.strerror or e}.") from e
    if not data:
        raise _galat(berkas, "berkas kosong (0 byte).", "Salin ulang berkasnya dari sumber aslinya.")
    return data


def baca_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a user file after the file-level checks (exists, not a folder, size limit, readable)."""
    return _baca_berkas(Path(path))


def _nama_lembar(z: zipfile.ZipFile) -> dict[str, str]:
    """Map worksheet part name -> sheet name (best effort; the XML was checked for DTDs first)."""
    try:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    except Exception:
        return {}
    target = {}
    for r in rels:
        rid, t = r.get("Id"), r.get("Target") or ""
        if rid:
            part = t.lstrip("/") if t.startswith("/") else str(PurePosixPath("xl") / t)
            target[rid] = os.path.normpath(part).replace("\\", "/")
    hasil = {}
    for el in wb.iter():
        if el.tag.endswith("}sheet"):
            rid = next((v for k, v in el.attrib.items() if k.endswith("}id")), None)
            if rid in target and el.get("name"):
                hasil[target[rid]] = el.get("name") or ""
    return hasil


def _potongan(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[tuple[bytes, bytes]]:
    """Stream a member as ``(siap, buf)``: ``siap`` ends before the buffer's last ``<`` (no tag is cut; the
    rest starts the next piece) and ``buf`` is the whole window, overlapping the previous one, for patterns
    that may straddle a chunk edge; the tail comes last as ``(tail, b"")``."""
    sisa = b""
    with z.open(info) as f:
        while potong := f.read(_CHUNK):
            buf = sisa + potong
            k = buf.rfind(b"<")
            if k <= 0:
                k = max(0, len(buf) - 16)
            yield buf[:k], buf
            sisa = buf[k:]
    if sisa:
        yield sisa, b""


def _pindai_anggota(berkas: Path, z: zipfile.ZipFile, info: zipfile.ZipInfo, lb: _Lembar | None) -> None:
    """Stream one member: refuse DTD/entity declarations; for worksheets count cells and rows.

    Worksheets get the fast path's bounds (:meth:`_Lembar.catat_cepat`); when those do not settle every
    per-sheet limit, the member is read again and counted exactly (:func:`_pindai_teliti`).
    ``zipfile`` never yields more than the declared size and checks the CRC, so a lying header ends in
    ``BadZipFile`` (turned into a message by the caller), never in unbounded output.
    """
    for siap, buf in _potongan(z, info):
        if buf:
            if b"<!" in buf and _RE_DTD.search(buf):
                raise _galat(berkas, f"bagian '{info.filename}' memuat deklarasi DTD/ENTITY. Buku kerja Excel "
                                     "yang wajar tidak pernah memuatnya; ini ciri berkas jebakan (XML bomb/XXE), "
                                     "jadi berkas ini tidak dibuka.",
                             "Minta berkas asli dari pengirimnya, atau buka di Excel dan simpan ulang sebagai "
                             ".xlsx.", lembar=lb.nama if lb else None)
            if lb is not None:  # buf overlaps the previous one: nothing split is missed
                lb.galat = lb.galat or b't="e"' in buf or b"t='e'" in buf
        if lb is not None:
            lb.catat_cepat(siap)
    if lb is not None and not lb.cukup_kasar():
        _pindai_teliti(z, info, lb)


def _pindai_teliti(z: zipfile.ZipFile, info: zipfile.ZipInfo, lb: _Lembar) -> None:
    """Exact counts of one worksheet (the member was already checked for DTDs)."""
    lb.ulang()
    for siap, _ in _potongan(z, info):
        lb.catat(siap)
    if lb.tanpa_r:  # rare: cells placed by position, so the row numbers matter too
        with z.open(info) as f:
            sisa = b""
            while potong := f.read(_CHUNK):
                buf = sisa + potong
                k = max(buf.rfind(b"<"), 0)
                for r in _RE_ROW_R.findall(buf[:k]):
                    lb.baris_r_maks = max(lb.baris_r_maks, int(r))
                sisa = buf[k:]
            for r in _RE_ROW_R.findall(sisa):
                lb.baris_r_maks = max(lb.baris_r_maks, int(r))


def cek_arsip(berkas: Path, z: zipfile.ZipFile) -> None:
    """The container limits every zipped workbook (.xlsx, .xlsb, .ods) must meet: member count, unpacked
    size, compression ratio (zip bomb), no encrypted member, only stored/deflated members."""
    infos = z.infolist()
    if len(infos) > BATAS_ANGGOTA:
        raise _galat(berkas, f"arsip berisi {len(infos)} bagian (batas {BATAS_ANGGOTA}); ini bukan buku kerja wajar.",
                     "Simpan ulang dari Excel sebagai .xlsx.")
    total = sum(i.file_size for i in infos)
    if total > BATAS_TERURAI:
        raise _galat(berkas, f"isi arsip terurai {_mb(total)} (batas {_mb(BATAS_TERURAI)}); terlalu besar untuk "
                             "buku kerja Renja, kemungkinan 'zip bomb'.",
                     "Hapus lembar/data yang tidak perlu atau pisahkan ke beberapa berkas.")
    for i in infos:
        if i.flag_bits & 0x1:
            raise _galat(berkas, "bagian arsip terenkripsi; buku kerja ini dilindungi kata sandi.",
                         "Buka kata sandinya dulu di Excel, lalu simpan sebagai .xlsx.")
        if i.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _galat(berkas, f"bagian '{i.filename}' memakai metode kompresi yang tidak didukung.",
                         "Simpan ulang dari Excel sebagai .xlsx.")
        if i.file_size > BATAS_RASIO_MULAI and i.file_size > BATAS_RASIO * max(i.compress_size, 1):
            raise _galat(berkas, f"bagian '{i.filename}' mengembang {i.file_size // max(i.compress_size, 1)} kali "
                                 f"saat diurai (batas {BATAS_RASIO} kali); ini ciri 'zip bomb', jadi tidak dibuka.",
                         "Minta berkas asli dari pengirimnya, atau simpan ulang dari Excel.")


def _cek_zip(berkas: Path, data: bytes, z: zipfile.ZipFile) -> dict[str, _Lembar]:
    infos = z.infolist()
    nama = {i.filename for i in infos}
    if "mimetype" in nama:
        try:
            mime = z.read("mimetype")[:200]
        except Exception:
            mime = b""
        if mime.startswith(_MIME_ODS) or b"opendocument" in mime:
            raise _galat(berkas, "ini berkas OpenDocument (.ods), bukan .xlsx.", _SARAN_XLSX)
    if "xl/workbook.bin" in nama:
        raise _galat(berkas, "ini buku kerja biner Excel (.xlsb) yang tidak didukung.", _SARAN_XLSX)
    if "word/document.xml" in nama or "ppt/presentation.xml" in nama:
        raise _galat(berkas, "ini dokumen Word/PowerPoint, bukan buku kerja Excel.", "Pilih berkas .xlsx.")
    if "[Content_Types].xml" not in nama:
        raise _galat(berkas, "arsip zip ini bukan buku kerja Excel (tidak ada [Content_Types].xml).",
                     "Pilih berkas .xlsx yang disimpan dari Excel atau LibreOffice.")
    cek_arsip(berkas, z)
    # Every part openpyxl might parse is scanned, whatever its extension (a sheet part can be named
    # anything in the rels); only images (xl/media: an SVG may legitimately carry a DOCTYPE) and binary
    # parts (.bin: VBA, printer settings), which openpyxl never parses as XML, are skipped.
    lembar: dict[str, _Lembar] = {}
    pindai = [i for i in infos if not i.is_dir() and "/media/" not in i.filename
              and not i.filename.lower().endswith(".bin")]
    pertama = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels"}
    for i in pindai:  # the two parts that name the sheets, before they are parsed
        if i.filename in pertama:
            _pindai_anggota(berkas, z, i, None)
    peta = _nama_lembar(z)
    for i in pindai:
        if i.filename in pertama:
            continue
        lb = None
        if "worksheets/" in i.filename or i.filename in peta:
            lb = _Lembar(part=i.filename, nama=peta.get(i.filename, PurePosixPath(i.filename).stem))
            lembar[i.filename] = lb
        _pindai_anggota(berkas, z, i, lb)
    isi = sum(lb.isi for lb in lembar.values())
    if isi > BATAS_SEL_ISI and any(lb.kasar for lb in lembar.values()):  # bounds too high: count exactly
        for i in pindai:
            if i.filename in lembar and lembar[i.filename].kasar:
                _pindai_teliti(z, i, lembar[i.filename])
        isi = sum(lb.isi for lb in lembar.values())
    if isi > BATAS_SEL_ISI:
        terbesar = max(lembar.values(), key=lambda x: x.isi)
        raise _galat(berkas, f"buku kerja berisi sekitar {_ribuan(isi)} sel terisi "
                             f"(batas {_ribuan(BATAS_SEL_ISI)}); terlalu besar untuk diperiksa.",
                     "Pisahkan data ke beberapa berkas, atau hapus baris/lembar yang tidak dipakai.",
                     lembar=terbesar.nama)
    for lb in lembar.values():
        if lb.luas_gabung > BATAS_GABUNG:
            raise GalatPengguna(
                f"sel gabung atau tautan (hyperlink) di lembar ini meliputi {_ribuan(lb.luas_gabung)} sel "
                f"(terbesar {lb.gabung_terbesar}; batas {_ribuan(BATAS_GABUNG)}).", berkas=berkas, lembar=lb.nama,
                saran="Lepaskan gabungan sel (Merge) atau tautan yang mencakup seluruh kolom/baris, lalu simpan ulang.")
        if lb.luas > BATAS_LUAS:
            raise GalatPengguna(
                f"lembar ini berisi data sampai sel {lb.sel_terjauh}, jadi area terpakainya "
                f"{_ribuan(lb.luas)} sel (batas {_ribuan(BATAS_LUAS)}).", berkas=berkas, lembar=lb.nama,
                saran="Hapus isi sel yang jauh di luar tabel (Ctrl+End menunjukkan sel terjauh), lalu simpan ulang.")
    return lembar


def periksa_berkas(path: str | os.PathLike[str]) -> HasilPeriksa:
    """Run every pre-check on ``path``; returns its bytes and sheet facts or raises GalatPengguna."""
    berkas = Path(path)
    data = _baca_berkas(berkas)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise _periksa_bukan_zip(berkas, data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            lembar = _cek_zip(berkas, data, z)
            strict = _adalah_strict(z)
    except GalatPengguna:
        raise
    except MemoryError as e:
        raise _galat(berkas, "memori tidak cukup untuk memeriksa berkas ini.",
                     "Tutup aplikasi lain atau pisahkan datanya ke beberapa berkas.") from e
    except (zipfile.BadZipFile, zlib.error, struct.error, EOFError, OSError, ValueError, KeyError, IndexError,
            NotImplementedError, OverflowError, UnicodeError, RuntimeError) as e:  # all mean a damaged archive
        raise _galat(berkas, f"arsip .xlsx ini rusak ({_singkat(e)}).",
                     "Unduh atau salin ulang berkasnya, atau buka di Excel lalu simpan sebagai .xlsx baru.") from e
    return HasilPeriksa(berkas=berkas, data=data, lembar=lembar, strict=strict)


def _singkat(e: BaseException) -> str:
    teks = str(e).strip().splitlines()[0] if str(e).strip() else ""
    teks = teks[:160]
    return f"{type(e).__name__}: {teks}" if teks else type(e).__name__


# ---- trimming ---------------------------------------------------------------------------------------

_RE_ROW_KOSONG = re.compile(rb"<((?:\w+:)?)row\b[^<>]*(?:/>|>\s*</\1row>)")
_RE_C_KOSONG2 = re.compile(rb"<((?:\w+:)?)c\b[^<>]*(?:/>|>\s*</\1c>)")
_RE_DIMENSI_EL = re.compile(rb"<(?:\w+:)?dimension\b[^<>]*/>")


def _pangkas_xml(xml: bytes) -> bytes:
    """Drop empty cells, then empty rows, and the (now wrong) dimension element."""
    xml = _RE_C_KOSONG2.sub(b"", xml)
    xml = _RE_ROW_KOSONG.sub(b"", xml)
    return _RE_DIMENSI_EL.sub(b"", xml, count=1)


def _pangkas_anggota(zin: zipfile.ZipFile, info: zipfile.ZipInfo, zout: zipfile.ZipFile,
                     strict: bool = False) -> None:
    """Stream-trim one sheet in ~1 MB pieces (memory stays small even for a 100 MB sheet).

    Every pattern needs a whole element inside one piece, so a piece boundary can only make us keep an
    empty element, never damage a full one; pieces end after a ``row>`` so nearly nothing is missed.
    """
    baru = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    baru.compress_type = zipfile.ZIP_DEFLATED
    with zin.open(info) as f, zout.open(baru, "w", force_zip64=True) as g:
        sisa = b""
        while True:
            potong = f.read(_CHUNK)
            if not potong:
                break
            buf = sisa + potong
            k = buf.rfind(b"row>")
            if k < 0 and len(buf) < 8 * _CHUNK:
                sisa = buf
                continue
            k = len(buf) if k < 0 else k + 4
            g.write(_pangkas_xml(ke_transisional(buf[:k]) if strict else buf[:k]))
            sisa = buf[k:]
        g.write(_pangkas_xml(ke_transisional(sisa) if strict else sisa))


def _bagian_xml(nama: str) -> bool:
    """Parts that may carry namespaces: everything but media and binary parts (.bin)."""
    return "/media/" not in nama and not nama.lower().endswith(".bin")


def _sumber(hasil: HasilPeriksa) -> io.BytesIO:
    """The bytes openpyxl/calamine read: the file itself, or a copy with padded sheets trimmed and Strict
    namespaces made transitional."""
    perlu = {p for p, lb in hasil.lembar.items() if lb.perlu_pangkas}
    if not perlu and not hasil.strict:
        return io.BytesIO(hasil.data)
    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(hasil.data)) as zin, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in perlu:
                _pangkas_anggota(zin, info, zout, hasil.strict)
                log.info("lembar %s dipangkas dari baris/sel kosong", info.filename)
            elif hasil.strict and _bagian_xml(info.filename):
                zout.writestr(info, ke_transisional(zin.read(info)))
            else:
                zout.writestr(info, zin.read(info))
    keluar.seek(0)
    return keluar


# ---- public API -------------------------------------------------------------------------------------

def buka(path: str | os.PathLike[str], *, data_only: bool = False, read_only: bool = False) -> Workbook:
    """Open a user workbook with openpyxl after every safety check; any failure is a GalatPengguna.

    With ``read_only=True`` sheets are parsed lazily while iterating; the pre-checks already verified
    every part's CRC and size, and a declared ``<dimension>`` too large to be true is ignored.
    """
    return buka_terperiksa(periksa_berkas(path), data_only=data_only, read_only=read_only)


def sumber_aman(hasil: HasilPeriksa) -> io.BytesIO:
    """The bytes of a file that passed :func:`periksa_berkas`, ready for any reader (trimmed if needed)."""
    return _sumber(hasil)


def buka_terperiksa(hasil: HasilPeriksa, *, data_only: bool = False, read_only: bool = False) -> Workbook:
    """:func:`buka` for a file already scanned, so a second load does not pay the scan again."""
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about unsupported extensions; not the user's concern
            wb = load_workbook(_sumber(hasil), read_only=read_only, data_only=data_only)
    except MemoryError as e:
        raise _galat(hasil.berkas, "memori tidak cukup untuk membuka buku kerja ini.",
                     "Tutup aplikasi lain atau pisahkan datanya ke beberapa berkas.") from e
    except Exception as e:  # openpyxl raises many types on damaged input; the user needs one answer
        raise _galat(hasil.berkas, f"isi buku kerja rusak atau tidak dikenali ({_singkat(e)}).",
                     "Buka berkas di Excel, perbaiki bila diminta, lalu simpan sebagai .xlsx baru.") from e
    if not read_only:
        for ws in wb.worksheets:
            _buang_sel_kosong_jauh(ws)
    if read_only:
        for ws in wb.worksheets:
            try:
                luas = (ws.max_row or 0) * (ws.max_column or 0)
            except Exception:
                luas = BATAS_LUAS + 1
            if luas > BATAS_LUAS and hasattr(ws, "reset_dimensions"):
                ws.reset_dimensions()
    return wb


def _buang_sel_kosong_jauh(ws: object) -> None:
    """Drop value-less (formatted-only) cells outside the area that holds content.

    One formatted cell in XFD1048576 makes ``ws.max_row``/``max_column`` span 17 billion cells and every
    ``iter_rows()`` caller would hang; the values area was already bounded by ``BATAS_LUAS`` in the scan.
    """
    sel = getattr(ws, "_cells", None)
    if not sel or (ws.max_row or 0) * (ws.max_column or 0) <= BATAS_LUAS:  # type: ignore[attr-defined]
        return
    terisi = [k for k, c in sel.items() if c.value is not None]
    br = max((r for r, _ in terisi), default=1)
    bk = max((k for _, k in terisi), default=1)
    for kunci in [k for k, c in sel.items() if c.value is None and (k[0] > br or k[1] > bk)]:
        del sel[kunci]


def nilai_sel(v: object) -> object:
    """One value as python-calamine gives it -> as :func:`baca_nilai` gives it (blank None, whole numbers int)."""
    if v == "":
        return None
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


_SEL_XML = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_ATRIBUT_R = re.compile(rb"""\br=["']([A-Z]{1,3})([0-9]{1,7})["']""")
_ATRIBUT_TE = re.compile(rb"""\bt=["']e["']""")
_NILAI_V = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")


def _sel_galat(hasil: HasilPeriksa, pilih: set[str] | None = None) -> dict[str, dict[tuple[int, int], str]]:
    """Error values (``#DIV/0!``, ``#REF!``...) per sheet name and 0-based (row, column): calamine reads them
    as blank, openpyxl as their text. Only sheets (of ``pilih``, if given) where the scan saw ``t="e"`` are
    read again and parsed."""
    keluar: dict[str, dict[tuple[int, int], str]] = {}
    with zipfile.ZipFile(io.BytesIO(hasil.data)) as z:
        for part, lb in hasil.lembar.items():
            if not lb.galat or (pilih is not None and lb.nama not in pilih):
                continue
            try:
                xml = z.read(part)
            except KeyError:
                continue
            for m in _SEL_XML.finditer(xml):
                atribut, isi = m.group(1), m.group(2) or b""
                r, v = _ATRIBUT_R.search(atribut), _NILAI_V.search(isi)
                if r and v and _ATRIBUT_TE.search(atribut):
                    keluar.setdefault(lb.nama, {})[(int(r.group(2)) - 1, _kolom(r.group(1)) - 1)] = \
                        v.group(1).decode("utf-8", "replace")
    return keluar


def baca_nilai(path: str | os.PathLike[str], *, lembar_saja: Iterable[str] | None = None,
               galat_teks: bool = False, mentah: bool = False) -> dict[str, list[list[object]]]:
    """Every sheet's cached values (python-calamine), after the same checks as ``buka``.

    Row 0 / column 0 of each list is cell A1 (leading empty rows are kept so positions match the
    sheet); empty cells are ``None``; whole numbers are ``int``. Formulas are not evaluated: a cell
    shows the value Excel last saved (``None`` when the file was never calculated). ``lembar_saja``
    reads only those sheets (the others are listed, with no rows); ``galat_teks`` gives error cells their text
    (``#DIV/0!``) as openpyxl does, where calamine gives a blank. ``mentah`` leaves the values exactly as
    calamine gives them (a blank is ``""``, whole numbers are floats), for a caller that converts only the cells
    it uses with :func:`nilai_sel`.
    """
    from python_calamine import CalamineWorkbook

    hasil = periksa_berkas(path)
    keluar: dict[str, list[list[object]]] = {}
    lembar: str | None = None
    pilih = set(lembar_saja) if lembar_saja is not None else None
    try:
        wb = CalamineWorkbook.from_filelike(_sumber(hasil))
        for lembar in wb.sheet_names:
            if pilih is not None and lembar not in pilih:
                keluar[lembar] = []
                continue
            baris = wb.get_sheet_by_name(lembar).to_python(skip_empty_area=False)
            # nilai_sel inlined: one call per cell was a third of reading a large sheet
            keluar[lembar] = baris if mentah else [
                [None if v == "" else int(v) if isinstance(v, float) and v.is_integer() and abs(v) < 2**53 else v
                 for v in r] for r in baris]
        if galat_teks:
            kosong = "" if mentah else None
            for lembar, sel in _sel_galat(hasil, pilih).items():
                isi = keluar.get(lembar)
                for (r, c), teks in sel.items():
                    if isi is not None and r < len(isi) and c < len(isi[r]) and isi[r][c] == kosong:
                        isi[r][c] = teks
    except MemoryError as e:
        raise _galat(hasil.berkas, "memori tidak cukup untuk membaca buku kerja ini.",
                     "Pisahkan datanya ke beberapa berkas.", lembar=lembar) from e
    except Exception as e:  # calamine raises its own error types (XmlError, ZipError, ...)
        raise _galat(hasil.berkas, f"isi buku kerja rusak atau tidak dikenali ({_singkat(e)}).",
                     "Buka berkas di Excel, perbaiki bila diminta, lalu simpan sebagai .xlsx baru.",
                     lembar=lembar) from e
    return keluar


# ---- writing ----------------------------------------------------------------------------------------

def _sama(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.normcase(str(a.resolve())) == os.path.normcase(str(b.resolve()))


def _cek_tujuan(tujuan: Path, timpa: bool, sumber: Path | None) -> None:
    if sumber is not None and _sama(tujuan, Path(sumber)):
        raise _galat(tujuan, "berkas keluaran sama dengan berkas masukan; berkas masukan tidak pernah ditimpa.",
                     "Pilih nama atau folder lain untuk hasilnya.")
    if tujuan.is_dir():
        raise _galat(tujuan, "sudah ada folder dengan nama itu, jadi hasil tidak dapat disimpan di sana.",
                     "Pilih nama berkas lain.")
    kunci = [tujuan.with_name("~$" + tujuan.name), tujuan.with_name(f".~lock.{tujuan.name}#")]
    if any(k.exists() for k in kunci):
        raise _galat(tujuan, "berkas sedang dibuka di Excel atau LibreOffice (ada berkas kunci di sampingnya).",
                     "Tutup berkas itu dulu, lalu ulangi; atau pilih nama lain.")
    if tujuan.exists():
        if not timpa:
            raise _galat(tujuan, "berkas keluaran sudah ada dan tidak ditimpa.",
                         "Pakai --timpa untuk menimpanya, atau pilih nama lain.")
        try:
            mode = tujuan.stat().st_mode
        except OSError:
            mode = stat.S_IWUSR
        if not mode & stat.S_IWUSR:
            raise _galat(tujuan, "berkas keluaran bersifat hanya-baca atau sedang dikunci aplikasi lain.",
                         "Tutup berkas itu atau hilangkan atribut hanya-baca, lalu ulangi; atau pilih nama lain.")


def _tulis_atomik(tujuan: Path, tulis: Callable[[io.BufferedWriter], None], timpa: bool,
                  sumber: Path | None) -> Path:
    tujuan = Path(tujuan)
    _cek_tujuan(tujuan, timpa, sumber)
    folder = tujuan.parent if str(tujuan.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = tempfile.NamedTemporaryFile(dir=folder, prefix=".~renjaxl-", suffix=".tmp", delete=False)
    except OSError as e:
        raise _galat(tujuan, f"tidak dapat menulis ke folder {folder} ({e.strerror or e}).",
                     "Pilih folder lain yang dapat ditulisi (misalnya Dokumen).") from e
    nama_tmp = Path(tmp.name)
    try:
        with tmp:
            tulis(tmp)  # type: ignore[arg-type]
            tmp.flush()
            os.fsync(tmp.fileno())
        mode = tujuan.stat().st_mode & 0o777 if tujuan.exists() else 0o666 & ~_umask()
        os.chmod(nama_tmp, mode)
        os.replace(nama_tmp, tujuan)
        _fsync_folder(folder)
    except BaseException as e:
        try:
            nama_tmp.unlink()
        except OSError:
            pass
        if isinstance(e, PermissionError):
            raise _galat(tujuan, "berkas keluaran tidak dapat ditulis (terkunci atau sedang dibuka aplikasi lain).",
                         "Tutup berkas itu di Excel, lalu ulangi; atau pilih nama lain.") from e
        if isinstance(e, OSError):
            raise _galat(tujuan, f"gagal menyimpan berkas ({e.strerror or e}).",
                         "Periksa ruang disk dan izin folder, lalu ulangi.") from e
        raise
    return tujuan


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable on POSIX (a no-op where folders cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    m = os.umask(0)
    os.umask(m)
    return m


def simpan_atomik(wb: Workbook, path: str | os.PathLike[str], *, timpa: bool = False,
                  sumber: Path | None = None) -> Path:
    """Save ``wb`` to ``path`` atomically: temp file in the same folder, fsync, rename.

    Refuses the input file (``sumber``), an existing file without ``timpa``, a locked/read-only target and
    an unwritable folder; on any failure the temp file is removed and an existing target is untouched.
    """
    return _tulis_atomik(Path(path), lambda f: wb.save(f), timpa, sumber)


def simpan_bytes_atomik(data: bytes, path: str | os.PathLike[str], *, timpa: bool = False,
                        sumber: Path | None = None) -> Path:
    """Like ``simpan_atomik`` for outputs that are already bytes (CSV, JSON, .xlam)."""
    return _tulis_atomik(Path(path), lambda f: f.write(data), timpa, sumber)


# ---- text cells -------------------------------------------------------------------------------------

_PEMICU_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def bersihkan_teks(s: str) -> str:
    """Remove control characters that XML cannot hold (they make the saved file unreadable)."""
    return _RE_KONTROL.sub("", s)


def tulis_teks(cell: Cell, s: str | None) -> None:
    """Put ``s`` in ``cell`` as text, never as a formula, even when it starts with ``=``, ``+``, ``-``, ``@``.

    Control characters XML cannot hold are removed; text longer than Excel's 32,767 characters is refused.
    A leading formula character also gets the quote prefix, so Excel keeps it text when the cell is edited.
    """
    if s is None:
        cell.value = None
        return
    teks = bersihkan_teks(str(s))
    if len(teks) > BATAS_TEKS:
        raise GalatPengguna(f"teks {_ribuan(len(teks))} karakter melebihi batas Excel {_ribuan(BATAS_TEKS)} "
                            "karakter per sel.", lembar=getattr(cell.parent, "title", None),
                            sel=getattr(cell, "coordinate", None), saran="Persingkat teksnya.")
    cell.value = teks
    cell.data_type = "s"
    if teks.startswith(_PEMICU_FORMULA):
        cell.quotePrefix = True


def aman_teks(s: object) -> str:
    """Text safe for CSV/JSON outputs opened in a spreadsheet: no control characters, no formula start.

    Follows the OWASP CSV-injection advice: a value starting with ``= + - @`` (or tab/CR) gets a leading
    apostrophe so a spreadsheet shows it instead of running it. Numbers written as text are unchanged
    unless they start with ``+``/``-`` (``-5`` stays ``-5``: plain negative numbers are not formulas).
    """
    teks = bersihkan_teks(unicodedata.normalize("NFC", "" if s is None else str(s)))
    if teks.startswith(_PEMICU_FORMULA) and not re.fullmatch(r"[+-]?\d+([.,]\d+)*", teks):
        return "'" + teks
    return teks
