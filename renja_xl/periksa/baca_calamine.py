"""Read .xls, .xlsb and .ods for the checker: values from python-calamine, the rest from a light record walk.

calamine gives every cell's value (shared strings, RK numbers, dates decoded) but not the number format,
merged cells (.xls only) or column widths, and the checker needs the number format (a capaian 0.7 shown
as ``70,00%`` is 70). So each format's own structure is walked once, without decoding values:

- .xls (BIFF8 in an OLE container): FORMAT / XF / BOUNDSHEET globals, then per sheet the cell records'
  XF index, MERGEDCELLS and COLINFO; a FILEPASS record means the file is encrypted.
- .xlsb (BIFF12 records in a zip): BrtFmt / BrtXF in styles.bin, BrtBundleSh in workbook.bin, per sheet
  the cells' style index, BrtMergeCell and BrtColInfo.
- .ods (XML in a zip): data styles and cell styles, the cells' style and formula (translated from
  OpenFormula to Excel syntax, so formula checks run), spanned cells and column widths.

The walk also bounds every sheet's used area *before* calamine builds its dense grid (a lone value far out
would make it allocate the whole grid and abort the process, as ``buku`` explains for .xlsx).
Output is the same ``LembarMentah`` the one-pass .xlsx reader gives, so every check runs unchanged.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator
from xml.parsers import expat

from renja_xl.format_lain import XLS, XLS_RUMUS, FormatBerkas, kenali, terenkripsi
from renja_xl.galat import GalatPengguna
from renja_xl.periksa.baca_xml import LembarMentah, _tutup_gabungan
from renja_xl.periksa.rumus_biff import KonteksBuku, TakTerbaca, urai

_SARAN_RUSAK = "Buka berkas di Excel atau LibreOffice lalu simpan ulang (sebaiknya sebagai .xlsx)."


@dataclass
class LembarLain(LembarMentah):
    """A sheet read from .xls/.xlsb/.ods: ``LembarMentah`` plus column widths (Excel character units)."""

    lebar: dict[int, float] = field(default_factory=dict)


@dataclass
class _Tata:
    """What the walk learned of one sheet: number format and formula per cell, merges, widths, extent."""

    nama: str
    format: dict[tuple[int, int], str] = field(default_factory=dict)
    rumus: dict[tuple[int, int], str] = field(default_factory=dict)
    galat: dict[tuple[int, int], str] = field(default_factory=dict)   # error values (calamine gives "")
    teks: dict[tuple[int, int], str] = field(default_factory=dict)    # .xls formula text results (calamine: 0)
    gabung: list[tuple[int, int, int, int]] = field(default_factory=list)
    lebar: dict[int, float] = field(default_factory=dict)
    baris_maks: int = 0
    kolom_maks: int = 0

    def isi(self, r: int, c: int) -> None:
        self.baris_maks = max(self.baris_maks, r)
        self.kolom_maks = max(self.kolom_maks, c)


def _format_bawaan(i: int) -> str:
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    return BUILTIN_FORMATS.get(i, "General")


_GALAT = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
          0x2A: "#N/A", 0x2B: "#GETTING_DATA"}
"""Error codes of BIFF8 and BIFF12 cells."""


class _Rusak(Exception):
    """The structure is not what the format says; reported as a damaged file."""


# ------------------------------------------------------------------------------------------------ .xls

def _teks_biff8(b: bytes, i: int, lebar_cch: int) -> tuple[str, int]:
    """XLUnicodeString (cch 2 bytes) or ShortXLUnicodeString (cch 1 byte) at ``i``; returns (text, end)."""
    cch = b[i] if lebar_cch == 1 else struct.unpack_from("<H", b, i)[0]
    i += lebar_cch
    flag = b[i]
    i += 1
    if flag & 0x08:      # rich text runs count
        i += 2
    if flag & 0x04:      # extended (phonetic) size
        i += 4
    if flag & 0x01:
        return b[i:i + 2 * cch].decode("utf-16-le", "replace"), i + 2 * cch
    return b[i:i + cch].decode("latin-1"), i + cch


def _rekaman_biff(data: bytes, mulai: int) -> Iterator[tuple[int, bytes]]:
    i, n = mulai, len(data)
    while i + 4 <= n:
        rid, panjang = struct.unpack_from("<HH", data, i)
        yield rid, data[i + 4:i + 4 + panjang]
        i += 4 + panjang
        if rid == 0x000A:    # EOF of this substream
            return


def _nama_biff8(b: bytes) -> str:
    """The name of a NAME record (built-in names are one code byte: 0x06 Print_Area ...)."""
    grbit, cch = struct.unpack_from("<H", b)[0], b[3]
    flag = b[14]
    teks = (b[15:15 + 2 * cch].decode("utf-16-le", "replace") if flag & 1 else b[15:15 + cch].decode("latin-1"))
    return f"_bawaan{ord(teks[:1] or chr(0))}" if grbit & 0x20 else teks


def _rumus_xls(tata: list[_Tata], sumber: dict[str, tuple[dict, dict, dict]], ktx: KonteksBuku) -> bool:
    """Decode every formula of the workbook into ``_Tata.rumus``; False (and none kept) when any one cannot be."""
    try:
        for t in tata:
            rumus, bersama, larik = sumber[t.nama]
            for (r, c), rgce in rumus.items():
                if rgce[:1] == b"\x01" and len(rgce) >= 5:                # PtgExp: shared or array formula
                    kunci = struct.unpack_from("<HH", rgce, 1)
                    if kunci in bersama:
                        t.rumus[(r + 1, c + 1)] = urai(bersama[kunci], ktx, r, c, dibagi=True)
                    elif kunci in larik:
                        t.rumus[(r + 1, c + 1)] = urai(larik[kunci], ktx, r, c)
                    else:
                        raise TakTerbaca("rumus bersama tanpa SHRFMLA")
                else:
                    t.rumus[(r + 1, c + 1)] = urai(rgce, ktx, r, c)
    except (TakTerbaca, struct.error, IndexError, UnicodeDecodeError, ValueError):
        for t in tata:
            t.rumus.clear()
        return False
    return True


def _tata_xls(berkas: Path, data: bytes) -> tuple[list[_Tata], bool]:
    """Sheets of an .xls, and whether every formula could be read (then ``_Tata.rumus`` holds them)."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            aliran = "Workbook" if ole.exists("Workbook") else "Book"
            wb = ole.openstream(aliran).read()
    except Exception as e:
        raise _Rusak(f"kontainer OLE: {e}") from e
    format_: dict[int, str] = {}
    xf: list[int] = []
    lembar: list[tuple[str, int]] = []
    ktx = KonteksBuku()
    supbook = 0
    for rid, b in _rekaman_biff(wb, 0):
        if rid == 0x002F:                                   # FILEPASS
            raise terenkripsi(berkas)
        if rid == 0x0018 and len(b) >= 15:                  # NAME
            ktx.nama.append(_nama_biff8(b))
        elif rid == 0x01AE and len(b) >= 4:                 # SUPBOOK: 0x0401 marks this workbook's own sheets
            if struct.unpack_from("<H", b, 2)[0] == 0x0401:
                ktx.supbook_internal.add(supbook)
            supbook += 1
        elif rid == 0x0023 and len(b) >= 8 and supbook:     # EXTERNNAME of the SUPBOOK before it (add-in names)
            ktx.nama_luar.setdefault(supbook - 1, []).append(_teks_biff8(b, 6, 1)[0])
        elif rid == 0x0017 and len(b) >= 2:                 # EXTERNSHEET
            n = struct.unpack_from("<H", b)[0]
            ktx.xti = [struct.unpack_from("<HHH", b, 2 + 6 * k) for k in range(min(n, (len(b) - 2) // 6))]
        if rid == 0x041E and len(b) >= 5:                   # FORMAT
            format_[struct.unpack_from("<H", b)[0]] = _teks_biff8(b, 2, 2)[0]
        elif rid == 0x00E0 and len(b) >= 4:                 # XF
            xf.append(struct.unpack_from("<H", b, 2)[0])
        elif rid == 0x0085 and len(b) >= 8:                 # BOUNDSHEET8
            pos, jenis = struct.unpack_from("<I", b)[0], b[5]
            ktx.lembar.append(_teks_biff8(b, 6, 1)[0])
            if jenis == 0:                                  # worksheet (not chart / macro sheet)
                lembar.append((ktx.lembar[-1], pos))
    fmt_xf = [format_.get(i, _format_bawaan(i)) for i in xf]

    def fmt(ixfe: int) -> str:
        return fmt_xf[ixfe] if ixfe < len(fmt_xf) else "General"

    hasil = []
    sumber: dict[str, tuple[dict, dict, dict]] = {}
    for nama, pos in lembar:
        t = _Tata(nama)
        rumus: dict[tuple[int, int], bytes] = {}
        bersama: dict[tuple[int, int], bytes] = {}
        larik: dict[tuple[int, int], bytes] = {}
        sumber[nama] = (rumus, bersama, larik)
        hasil_teks: tuple[int, int] | None = None           # a formula whose text result is the next STRING
        for rid, b in _rekaman_biff(wb, pos):
            if rid == 0x0207 and hasil_teks is not None and len(b) >= 3:   # STRING: that formula's text result
                t.teks[hasil_teks] = _teks_biff8(b, 0, 2)[0]
            if rid not in (0x0207, 0x003C, 0x04BC, 0x0221, 0x0236):   # SHRFMLA/ARRAY/TABLE may come between
                hasil_teks = None
            if rid == 0x0006 and len(b) >= 22:              # FORMULA: its tokens, decoded after the sheet
                r, c = struct.unpack_from("<HH", b)
                rumus[(r, c)] = b[22:22 + struct.unpack_from("<H", b, 20)[0]]
                if b[12:14] == b"\xff\xff" and b[6] == 0:
                    hasil_teks = (r + 1, c + 1)
            elif rid == 0x04BC and len(b) >= 10:            # SHRFMLA: tokens shared from its top-left cell
                r1, _r2, c1 = struct.unpack_from("<HHB", b)
                bersama[(r1, c1)] = b[10:10 + struct.unpack_from("<H", b, 8)[0]]
            elif rid == 0x0221 and len(b) >= 14:            # ARRAY formula
                r1, _r2, c1 = struct.unpack_from("<HHB", b)
                larik[(r1, c1)] = b[14:14 + struct.unpack_from("<H", b, 12)[0]]
            if rid in (0x0203, 0x027E, 0x00FD, 0x0204, 0x0006, 0x0205, 0x00D6) and len(b) >= 6:
                r, c, ixfe = struct.unpack_from("<HHH", b)
                t.format[(r + 1, c + 1)] = fmt(ixfe)
                t.isi(r + 1, c + 1)
                if rid == 0x0205 and len(b) >= 8 and b[7] == 1:                   # BOOLERR holding an error
                    t.galat[(r + 1, c + 1)] = _GALAT.get(b[6], "#VALUE!")
                elif rid == 0x0006 and len(b) >= 14 and b[12:14] == b"\xff\xff" and b[6] == 2:  # formula -> error
                    t.galat[(r + 1, c + 1)] = _GALAT.get(b[8], "#VALUE!")
            elif rid == 0x00BD and len(b) >= 6:             # MULRK: (ixfe, rk) per column
                r, c0 = struct.unpack_from("<HH", b)
                for k in range((len(b) - 6) // 6):
                    ixfe = struct.unpack_from("<H", b, 4 + 6 * k)[0]
                    t.format[(r + 1, c0 + k + 1)] = fmt(ixfe)
                    t.isi(r + 1, c0 + k + 1)
            elif rid == 0x00E5 and len(b) >= 2:             # MERGEDCELLS
                for k in range(struct.unpack_from("<H", b)[0]):
                    if 2 + 8 * k + 8 > len(b):
                        break
                    r0, r1, c0, c1 = struct.unpack_from("<HHHH", b, 2 + 8 * k)
                    t.gabung.append((r0 + 1, c0 + 1, r1 + 1, c1 + 1))
            elif rid == 0x007D and len(b) >= 6:             # COLINFO: width in 1/256 of a character
                c0, c1, lebar = struct.unpack_from("<HHH", b)
                for c in range(c0, min(c1, 255) + 1):
                    t.lebar[c + 1] = lebar / 256
        hasil.append(t)
    return hasil, _rumus_xls(hasil, sumber, ktx)


# ------------------------------------------------------------------------------------------------ .xlsb

def _rekaman_biff12(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(record type, body) of a BIFF12 stream: type and size are 7-bit varints (2 and 4 bytes at most)."""
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        i += 1
        jenis = b & 0x7F
        if b & 0x80:
            if i >= n:
                raise _Rusak("rekaman terpotong")
            jenis |= (data[i] & 0x7F) << 7
            i += 1
        panjang, geser = 0, 0
        for _ in range(4):
            if i >= n:
                raise _Rusak("rekaman terpotong")
            b = data[i]
            i += 1
            panjang |= (b & 0x7F) << geser
            geser += 7
            if not b & 0x80:
                break
        if i + panjang > n:
            raise _Rusak("rekaman terpotong")
        yield jenis, data[i:i + panjang]
        i += panjang


def _teks_lebar(b: bytes, i: int) -> tuple[str, int]:
    """XLWideString at ``i``: cch (4 bytes) then UTF-16LE; returns (text, end)."""
    cch = struct.unpack_from("<I", b, i)[0]
    if cch == 0xFFFFFFFF:
        return "", i + 4
    akhir = i + 4 + 2 * cch
    if akhir > len(b):
        raise _Rusak("teks terpotong")
    return b[i + 4:akhir].decode("utf-16-le", "replace"), akhir


def _rels(z: zipfile.ZipFile, bagian: str) -> dict[str, str]:
    folder, nama = posixpath.split(bagian)
    try:
        xml = z.read(posixpath.join(folder, "_rels", nama + ".rels"))
    except KeyError:
        return {}
    hasil: dict[str, str] = {}

    def mulai(tag: str, a: dict[str, str]) -> None:
        if tag.endswith(" Relationship") and a.get("TargetMode") != "External":
            t = a.get("Target", "")
            hasil[a.get("Id", "")] = t.lstrip("/") if t.startswith("/") else posixpath.normpath(
                posixpath.join(folder, t))

    _urai(xml, mulai)
    return hasil


def _tata_xlsb(z: zipfile.ZipFile) -> list[_Tata]:
    format_: dict[int, str] = {}
    xf: list[int] = []
    try:
        gaya = z.read("xl/styles.bin")
    except KeyError:
        gaya = b""
    di_xf = False
    for jenis, b in _rekaman_biff12(gaya):
        if jenis == 0x2C and len(b) >= 6:                  # BrtFmt
            format_[struct.unpack_from("<H", b)[0]] = _teks_lebar(b, 2)[0]
        elif jenis == 0x269:                               # BrtBeginCellXFs
            di_xf = True
        elif jenis == 0x26A:                               # BrtEndCellXFs
            di_xf = False
        elif jenis == 0x2F and di_xf and len(b) >= 4:      # BrtXF: ixfeParent, iFmt
            xf.append(struct.unpack_from("<H", b, 2)[0])
    fmt_xf = [format_.get(i, _format_bawaan(i)) for i in xf]
    rel = _rels(z, "xl/workbook.bin")
    lembar: list[tuple[str, str]] = []
    for jenis, b in _rekaman_biff12(z.read("xl/workbook.bin")):
        if jenis == 0x9C and len(b) >= 12:                  # BrtBundleSh: state, tab id, rel id, name
            rid, i = _teks_lebar(b, 8)
            nama = _teks_lebar(b, i)[0]
            part = rel.get(rid, "")
            if "worksheets/" in part:
                lembar.append((nama, part))
    hasil = []
    for nama, part in lembar:
        t = _Tata(nama)
        r = 0
        for jenis, b in _rekaman_biff12(z.read(part)):
            if jenis == 0x00 and len(b) >= 4:               # BrtRowHdr
                r = struct.unpack_from("<I", b)[0] + 1
            elif 0x02 <= jenis <= 0x0B and len(b) >= 8:     # cells with a value (blank 0x01 skipped)
                c, gaya_sel = struct.unpack_from("<II", b)
                ixfe = gaya_sel & 0xFFFFFF
                t.format[(r, c + 1)] = fmt_xf[ixfe] if ixfe < len(fmt_xf) else "General"
                t.isi(r, c + 1)
                if jenis in (0x03, 0x0B) and len(b) >= 9:  # BrtCellError, BrtFmlaError
                    t.galat[(r, c + 1)] = _GALAT.get(b[8], "#VALUE!")
            elif jenis == 0xB0 and len(b) >= 16:            # BrtMergeCell
                r0, r1, c0, c1 = struct.unpack_from("<IIII", b)
                t.gabung.append((r0 + 1, c0 + 1, r1 + 1, c1 + 1))
            elif jenis == 0x3C and len(b) >= 12:            # BrtColInfo: width in 1/256 of a character
                c0, c1, lebar = struct.unpack_from("<III", b)
                for c in range(c0, min(c1, 1000) + 1):
                    t.lebar[c + 1] = lebar / 256
        hasil.append(t)
    return hasil


# ------------------------------------------------------------------------------------------------ .ods

_NS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_NS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_NS_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_NS_NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
_NS_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_CM_PER_KARAKTER = 7 / 96 * 2.54   # Excel's width unit: one digit of Calibri 11 = 7 px at 96 dpi


def _urai(xml: bytes, mulai: Callable[[str, dict[str, str]], None],
          selesai: Callable[[str], None] | None = None, teks: Callable[[str], None] | None = None) -> None:
    """expat with namespaces, refusing DTD / entity declarations (as ``buku`` does for .xlsx)."""
    p = expat.ParserCreate(namespace_separator=" ")

    def tolak(*_a: object) -> None:
        raise _Rusak("deklarasi DTD/ENTITY")

    p.StartDoctypeDeclHandler = tolak
    p.EntityDeclHandler = tolak
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    p.StartElementHandler = mulai
    if selesai is not None:
        p.EndElementHandler = selesai
    if teks is not None:
        p.CharacterDataHandler = teks
    try:
        p.Parse(xml, True)
    except expat.ExpatError as e:
        raise _Rusak(f"XML: {e}") from e


def _panjang_cm(teks: str) -> float | None:
    m = re.fullmatch(r"\s*([0-9.]+)\s*(cm|mm|in|pt)\s*", teks or "")
    if not m:
        return None
    return float(m.group(1)) * {"cm": 1.0, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72}[m.group(2)]


class _GayaOds:
    """Data styles (number / percentage / currency) and cell styles -> an Excel number format."""

    def __init__(self) -> None:
        self.data: dict[str, str] = {}
        self.sel: dict[str, tuple[str | None, str | None]] = {}   # name -> (data style, parent)
        self.kolom: dict[str, float] = {}                          # column style -> width (cm)
        self._data_ini: tuple[str, str] | None = None
        self._gaya_ini: str | None = None

    def mulai(self, tag: str, a: dict[str, str]) -> None:
        ns, _, lokal = tag.partition(" ")
        if ns == _NS_NUMBER and lokal in ("number-style", "percentage-style", "currency-style"):
            self._data_ini = (a.get(f"{_NS_STYLE} name", ""), lokal)
            self.data[self._data_ini[0]] = "0%" if lokal == "percentage-style" else "General"
        elif ns == _NS_NUMBER and lokal == "number" and self._data_ini:
            nama, jenis = self._data_ini
            d = int(a.get(f"{_NS_NUMBER} decimal-places", a.get(f"{_NS_NUMBER} min-decimal-places", "0")) or 0)
            dasar = "#,##0" if a.get(f"{_NS_NUMBER} grouping") == "true" else "0"
            self.data[nama] = dasar + ("." + "0" * d if d else "") + ("%" if jenis == "percentage-style" else "")
        elif ns == _NS_STYLE and lokal == "style":
            self._gaya_ini = a.get(f"{_NS_STYLE} name", "")
            if a.get(f"{_NS_STYLE} family") == "table-cell":
                self.sel[self._gaya_ini] = (a.get(f"{_NS_STYLE} data-style-name"),
                                            a.get(f"{_NS_STYLE} parent-style-name"))
        elif ns == _NS_STYLE and lokal == "table-column-properties" and self._gaya_ini:
            cm = _panjang_cm(a.get(f"{_NS_STYLE} column-width", ""))
            if cm is not None:
                self.kolom[self._gaya_ini] = cm

    def selesai(self, tag: str) -> None:
        lokal = tag.partition(" ")[2]
        if lokal in ("number-style", "percentage-style", "currency-style"):
            self._data_ini = None
        elif lokal == "style":
            self._gaya_ini = None

    def format(self, gaya: str | None) -> str:
        for _ in range(8):          # follow parent styles a few levels
            if not gaya or gaya not in self.sel:
                return "General"
            data, induk = self.sel[gaya]
            if data:
                return self.data.get(data, "General")
            gaya = induk
        return "General"


_RE_REF_ODS = re.compile(r"\[([^\[\]]*)\]")
_RE_BENAR_ODS = re.compile(r"(?<![\w.])(TRUE|FALSE)\(\)")     # OpenFormula's TRUE() is Excel's constant TRUE


def _nama_lembar_excel(nama: str) -> str:
    return nama if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", nama) else "'" + nama.replace("'", "''") + "'"


def _ujung_ods(teks: str) -> tuple[str | None, str]:
    """One end of an OpenFormula reference (``.A1``, ``$Sheet1.$B$2``, ``$'E.81 TW I'.G10``) -> (sheet, cell)."""
    teks = teks.lstrip("$") if teks.startswith("$'") else teks
    if teks.startswith("'"):
        m = re.match(r"'((?:[^']|'')*)'\.(.*)", teks)
        if not m:
            return None, teks
        return m.group(1).replace("''", "'"), m.group(2)
    lembar, _, sel = teks.rpartition(".")
    return (lembar.lstrip("$") or None), sel


def _ref_excel(m: re.Match[str]) -> str:
    isi = m.group(1)
    bagian = [_ujung_ods(x) for x in re.split(r":(?=(?:[^']*'[^']*')*[^']*$)", isi)]
    keluar = []
    lembar_awal = bagian[0][0]
    for i, (lembar, sel) in enumerate(bagian):
        if lembar and (i == 0 or lembar != lembar_awal):
            keluar.append(f"{_nama_lembar_excel(lembar)}!{sel}")
        else:
            keluar.append(sel)
    return ":".join(keluar)


def rumus_excel(rumus_ods: str) -> str | None:
    """An OpenFormula cell formula (``of:=SUM([.G11:.G13])``) in Excel syntax (``=SUM(G11:G13)``)."""
    f = rumus_ods
    awalan = re.match(r"[a-z]+:(?==)", f)
    if awalan:
        f = f[awalan.end():]
    if not f.startswith("="):
        return None
    bagian = re.split(r'("(?:[^"]|"")*")', f)
    for i in range(0, len(bagian), 2):      # outside string literals only
        bagian[i] = _RE_BENAR_ODS.sub(r"\1", _RE_REF_ODS.sub(_ref_excel, bagian[i]).replace(";", ","))
    return "".join(bagian)


def _tata_ods(z: zipfile.ZipFile) -> list[_Tata]:
    try:
        manifest = z.read("META-INF/manifest.xml")
    except KeyError:
        manifest = b""
    if b"encryption-data" in manifest:
        raise _Terenkripsi
    gaya = _GayaOds()
    for bagian in ("styles.xml", "content.xml"):
        try:
            xml = z.read(bagian)
        except KeyError:
            if bagian == "content.xml":
                raise _Rusak("content.xml tidak ada") from None
            continue
        _urai(xml, gaya.mulai, gaya.selesai)
    hasil: list[_Tata] = []
    st: dict[str, Any] = {"t": None, "r": 0, "c": 0, "ulang_baris": 1, "kolom_gaya": [], "galat": None}
    T = _NS_TABLE + " "

    def mulai(tag: str, a: dict[str, str]) -> None:
        t: _Tata | None = st["t"]
        if tag == T + "table":
            st["t"] = _Tata(a.get(T + "name", f"Sheet{len(hasil) + 1}"))
            hasil.append(st["t"])
            st["r"], st["kolom_gaya"] = 0, []
        elif t is None:
            return
        elif tag == T + "table-column":
            n = min(int(a.get(T + "number-columns-repeated", "1")), 16_384)
            lebar = gaya.kolom.get(a.get(T + "style-name", ""))
            awal = len(st["kolom_gaya"])
            if lebar is not None and awal < 1024:
                for k in range(awal, min(awal + n, 1024)):
                    t.lebar[k + 1] = round(lebar / _CM_PER_KARAKTER, 2)
            if awal < 1024:
                st["kolom_gaya"].extend([a.get(T + "default-cell-style-name")] * min(n, 1024 - awal))
        elif tag == T + "table-row":
            st["r"] += 1
            st["c"] = 0
            st["ulang_baris"] = int(a.get(T + "number-rows-repeated", "1"))
        elif tag in (T + "table-cell", T + "covered-table-cell"):
            n = int(a.get(T + "number-columns-repeated", "1"))
            r, c = st["r"], st["c"] + 1
            st["c"] += n
            cs = int(a.get(T + "number-columns-spanned", "1"))
            rs = int(a.get(T + "number-rows-spanned", "1"))
            if tag == T + "table-cell" and (cs > 1 or rs > 1) and len(t.gabung) < 100_000:
                t.gabung.append((r, c, r + rs - 1, c + cs - 1))
            ada = a.get(_NS_OFFICE + " value-type") or a.get(T + "formula")
            if not ada:
                return
            gaya_sel = a.get(T + "style-name")
            if gaya_sel is None and c - 1 < len(st["kolom_gaya"]):
                gaya_sel = st["kolom_gaya"][c - 1]
            fmt = gaya.format(gaya_sel)
            rumus = a.get(T + "formula")
            rumus = rumus_excel(rumus) if rumus else None
            baris_ulang = st["ulang_baris"]
            if a.get(_NS_CALCEXT + " value-type") == "error" and n * baris_ulang <= 10_000:
                st["galat"] = ([(r + dr, c + k) for dr in range(baris_ulang) for k in range(n)], [])
            if n * baris_ulang > 10_000:     # a value repeated over a huge area: bounded below by the extent
                t.isi(r + baris_ulang - 1, c + n - 1)
                return
            for dr in range(baris_ulang):
                for k in range(n):
                    t.format[(r + dr, c + k)] = fmt
                    if rumus:
                        t.rumus[(r + dr, c + k)] = rumus
            t.isi(r + baris_ulang - 1, c + n - 1)

    def selesai(tag: str) -> None:
        if tag == T + "table-cell" and st["galat"] is not None:      # an error cell's shown text: "#DIV/0!"
            sel, bagian = st["galat"]
            teks = "".join(bagian).strip()
            for k in sel:
                st["t"].galat[k] = teks if teks.startswith("#") else "#VALUE!"
            st["galat"] = None
        elif tag == T + "table-row":
            st["r"] += st["ulang_baris"] - 1
            st["ulang_baris"] = 1
        elif tag == T + "table":
            st["t"] = None

    def teks(x: str) -> None:
        if st["galat"] is not None and len(st["galat"][1]) < 100:
            st["galat"][1].append(x)

    _urai(z.read("content.xml"), mulai, selesai, teks)
    return hasil


class _Terenkripsi(Exception):
    pass


# ------------------------------------------------------------------------------------------------ all

def _nilai(v: object) -> object:
    if v == "":
        return None
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


def baca_buku(berkas: Path, fmt: FormatBerkas) -> list[LembarLain]:
    """Every worksheet of an .xls/.xlsb/.ods file, in workbook order; GalatPengguna on anything unreadable."""
    return baca_buku_format(berkas, fmt)[0]


def baca_buku_format(berkas: Path, fmt: FormatBerkas) -> tuple[list[LembarLain], FormatBerkas]:
    """:func:`baca_buku` and the format as read: an .xls whose every formula was decoded is ``XLS_RUMUS``."""
    from python_calamine import CalamineWorkbook

    from renja_xl import buku

    data = buku.baca_bytes(berkas)
    lembar: str | None = None
    try:
        if fmt.kode == "xls":
            tata, semua_rumus = _tata_xls(berkas, data)
            fmt = XLS_RUMUS if semua_rumus else XLS
        else:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                buku.cek_arsip(berkas, z)
                tata = _tata_xlsb(z) if fmt.kode == "xlsb" else _tata_ods(z)
        if not tata:
            raise GalatPengguna(f"berkas {fmt.nama} ini tidak berisi lembar kerja yang dapat dibaca.",
                                berkas=berkas, saran=_SARAN_RUSAK)
        for t in tata:
            if t.baris_maks * t.kolom_maks > buku.BATAS_LUAS:
                raise GalatPengguna(f"lembar ini berisi data sampai baris {t.baris_maks}, kolom {t.kolom_maks}; "
                                    f"area terpakainya melebihi batas {buku.BATAS_LUAS:,} sel.".replace(",", "."),
                                    berkas=berkas, lembar=t.nama,
                                    saran="Hapus isi sel yang jauh di luar tabel, lalu simpan ulang.")
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        hasil = []
        for t in tata:
            lembar = t.nama
            baris = wb.get_sheet_by_name(t.nama).to_python(skip_empty_area=False) if t.baris_maks else []
            lb = LembarLain(t.nama, lebar=t.lebar)
            for r, isi in enumerate(baris, start=1):
                for c, v in enumerate(isi, start=1):
                    v = t.teks[(r, c)] if (r, c) in t.teks else (
                        _nilai(v) if v != "" or (r, c) not in t.galat else t.galat[(r, c)])
                    rumus = t.rumus.get((r, c))
                    if v is not None or rumus is not None:
                        lb.sel[(r, c)] = (v, rumus, t.format.get((r, c), "General"))
            lb.gabung = list(t.gabung)
            _tutup_gabungan(lb)
            hasil.append(lb)
        return hasil, fmt
    except GalatPengguna:
        raise
    except _Terenkripsi:
        raise terenkripsi(berkas) from None
    except MemoryError as e:
        raise GalatPengguna("memori tidak cukup untuk membaca buku kerja ini.", berkas=berkas, lembar=lembar,
                            saran="Pisahkan datanya ke beberapa berkas.") from e
    except BaseException as e:  # calamine's errors (a Rust panic is a BaseException), struct/zip, _Rusak: damage
        if isinstance(e, (KeyboardInterrupt, SystemExit)):
            raise
        if type(e).__name__ == "PasswordError":
            raise terenkripsi(berkas) from e
        raise GalatPengguna(f"berkas {fmt.nama} ini rusak atau tidak dikenali ({type(e).__name__}: "
                            f"{str(e)[:160]}).", berkas=berkas, lembar=lembar, saran=_SARAN_RUSAK) from e


def ke_openpyxl(lembar: list[LembarLain]):  # -> openpyxl.Workbook
    """A new values-only workbook of the sheets read (for the annotated report copy of a non-.xlsx file)."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from renja_xl.buku import tulis_teks

    wb = Workbook()
    wb.remove(wb.active)
    for lb in lembar:
        ws = wb.create_sheet(lb.nama[:31])
        for (r, c), (v, _rumus, fmt) in lb.sel.items():
            cell = ws.cell(r, c)
            if isinstance(v, str):
                tulis_teks(cell, v)
            else:
                cell.value = v
            if fmt and fmt != "General":
                cell.number_format = fmt
        for r0, c0, r1, c1 in lb.gabung:
            if 1 < (r1 - r0 + 1) * (c1 - c0 + 1) <= 10_000:     # openpyxl makes one object per covered cell
                ws.merge_cells(start_row=r0, start_column=c0, end_row=r1, end_column=c1)
        for c, lebar in lb.lebar.items():
            ws.column_dimensions[get_column_letter(c)].width = lebar
    return wb


def buka_untuk_laporan(path: str | os.PathLike[str]):  # -> openpyxl.Workbook
    """The workbook the report annotates: the file itself for .xlsx (Strict mapped), a new values-only
    workbook (values, number formats, merged cells, column widths) for .xls/.xlsb/.ods."""
    from renja_xl import buku

    fmt = kenali(path)
    if not fmt.calamine:
        return buku.buka(path)
    return ke_openpyxl(baca_buku(Path(path), fmt))
