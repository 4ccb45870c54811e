"""One pass over each sheet's XML: every cell's formula, cached value and number format together.

Why: the checker needs formulas *and* the values Excel/LibreOffice last computed. openpyxl gives them
in two loads (formulas with every style object, then cached values), which cost ≈ 1.1 s on a 400-row OPD
workbook, more than the checking itself. This reader gives the same cells in one expat pass, with values
converted exactly as openpyxl converts them (shared strings, booleans, error texts, dates by number
format, shared formulas translated per cell), and only the number format of each cell's style.

Anything it does not recognise (strict OOXML, data-table formulas, a missing part, a style index out of
range) raises :class:`TidakDidukung`; the checker then falls back to openpyxl, so an odd file is read
slower but never differently. ``tests/test_baca_xml.py`` compares both readers cell by cell.
The file has already passed ``buku.periksa_berkas`` (zip bomb, DTD and size checks) before it gets here.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from typing import IO, Any
from xml.parsers import expat

from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._reader import _cast_number

NS_UTAMA = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PAKET = "http://schemas.openxmlformats.org/package/2006/relationships"
_JENIS_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
_JENIS_DOKUMEN = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


class TidakDidukung(Exception):
    """The workbook uses something this reader does not handle; read it with openpyxl instead."""


@dataclass
class LembarMentah:
    """One worksheet: ``sel[(row, col)] = (value, formula or None, number format)``, merged ranges."""

    nama: str
    sel: dict[tuple[int, int], tuple[object, str | None, str]] = field(default_factory=dict)
    gabung: list[tuple[int, int, int, int]] = field(default_factory=list)   # min_row, min_col, max_row, max_col


def _parser(mulai: Any = None, selesai: Any = None, teks: Any = None) -> expat.XMLParserType:
    p = expat.ParserCreate(namespace_separator=" ")
    p.buffer_text = True
    p.buffer_size = 1 << 16

    def _tolak(*_a: object) -> None:
        raise TidakDidukung("DTD")

    p.StartDoctypeDeclHandler = _tolak
    p.EntityDeclHandler = _tolak
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    if mulai is not None:
        p.StartElementHandler = mulai
    if selesai is not None:
        p.EndElementHandler = selesai
    if teks is not None:
        p.CharacterDataHandler = teks
    return p


def _baca(z: zipfile.ZipFile, nama: str) -> bytes:
    try:
        return z.read(nama)
    except KeyError as e:
        raise TidakDidukung(f"bagian {nama} tidak ada") from e


def _rels(z: zipfile.ZipFile, bagian: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, absolute part name) of one part."""
    folder, nama = posixpath.split(bagian)
    path = posixpath.join(folder, "_rels", nama + ".rels")
    hasil: dict[str, tuple[str, str]] = {}

    def mulai(tag: str, a: dict[str, str]) -> None:
        if tag == f"{NS_PAKET} Relationship" and a.get("TargetMode") != "External":
            target = a.get("Target", "")
            absolut = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            hasil[a.get("Id", "")] = (a.get("Type", ""), absolut)

    _parser(mulai).Parse(_baca(z, path), True)
    return hasil


def _kolom(huruf: str, _cache: dict[str, int] = {}) -> int:  # noqa: B006 - deliberate per-process memo
    n = _cache.get(huruf)
    if n is None:
        if not huruf.isalpha() or not huruf.isascii() or not huruf.isupper() or len(huruf) > 3:
            raise TidakDidukung(f"alamat sel {huruf!r}")
        n = 0
        for ch in huruf:
            n = n * 26 + ord(ch) - 64
        _cache[huruf] = n
    return n


_ALAMAT: dict[str, tuple[int, int]] = {}   # per-process memo: a worker reads the same cell addresses in every file


def _alamat(r: str) -> tuple[int, int]:
    hasil = _ALAMAT.get(r)
    if hasil is not None:
        return hasil
    i = len(r.rstrip("0123456789"))
    if i == 0 or i == len(r):
        raise TidakDidukung(f"alamat sel {r!r}")
    hasil = int(r[i:]), _kolom(r[:i])
    if len(_ALAMAT) < 500_000:
        _ALAMAT[r] = hasil
    return hasil


# ------------------------------------------------------------------------------------------- parts

def _teks_si(data: bytes) -> list[str]:
    """Shared strings as openpyxl reads them (plain text of <t> and of runs, phonetic runs left out)."""
    hasil: list[str] = []
    buf: list[str] = []
    st = {"t": False, "rph": 0}
    SI, T, RPH = f"{NS_UTAMA} si", f"{NS_UTAMA} t", f"{NS_UTAMA} rPh"

    def mulai(tag: str, _a: dict[str, str]) -> None:
        if tag == SI:
            buf.clear()
        elif tag == T and not st["rph"]:
            st["t"] = True
        elif tag == RPH:
            st["rph"] += 1

    def selesai(tag: str) -> None:
        if tag == T:
            st["t"] = False
        elif tag == RPH:
            st["rph"] -= 1
        elif tag == SI:
            hasil.append("".join(buf).replace("x005F_", ""))

    def teks(s: str) -> None:
        if st["t"]:
            buf.append(s)

    _parser(mulai, selesai, teks).Parse(data, True)
    return hasil


def _gaya(data: bytes) -> tuple[list[str], set[int], set[int]]:
    """Number format of every cell style (cellXfs), and which styles are dates / durations."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

    khusus: dict[int, str] = {}
    id_gaya: list[int] = []
    st = {"xfs": False}
    NUMFMT, XFS, XF = f"{NS_UTAMA} numFmt", f"{NS_UTAMA} cellXfs", f"{NS_UTAMA} xf"

    def mulai(tag: str, a: dict[str, str]) -> None:
        if tag == NUMFMT:
            khusus[int(a["numFmtId"])] = a.get("formatCode", "")
        elif tag == XFS:
            st["xfs"] = True
        elif tag == XF and st["xfs"]:
            id_gaya.append(int(a.get("numFmtId", 0)))

    def selesai(tag: str) -> None:
        if tag == XFS:
            st["xfs"] = False

    try:
        _parser(mulai, selesai).Parse(data, True)
    except (KeyError, ValueError) as e:
        raise TidakDidukung(f"styles.xml: {e}") from e
    format_: list[str] = []
    tanggal: set[int] = set()
    durasi: set[int] = set()
    for i, n in enumerate(id_gaya):
        if n in khusus:
            f = khusus[n]
        elif n < 164:
            f = BUILTIN_FORMATS.get(n, "General")
        else:
            raise TidakDidukung(f"format angka {n} tidak didefinisikan")
        format_.append(f)
        if is_date_format(f):
            tanggal.add(i)
        if is_timedelta_format(f):
            durasi.add(i)
    return format_ or ["General"], tanggal, durasi


# ------------------------------------------------------------------------------------------- sheet

_C, _V, _F, _IS, _T, _RPH, _ROW, _MERGE = (f"{NS_UTAMA} {x}"
                                           for x in ("c", "v", "f", "is", "t", "rPh", "row", "mergeCell"))
_AKHIR_KUMPUL = frozenset((_V, _F, _T))


class _Lembar:
    """expat handlers for one worksheet part (tags compared whole: namespace + local name)."""

    def __init__(self, nama: str, teks_bersama: list[str], gaya: tuple[list[str], set[int], set[int]],
                 epoch: Any) -> None:
        self.out = LembarMentah(nama)
        self.ss = teks_bersama
        self.format, self.tanggal, self.durasi = gaya
        self.epoch = epoch
        self.baris = 0
        self.kolom = 0
        self.c: dict[str, str] | None = None
        self.v: list[str] | None = None
        self.f: list[str] | None = None
        self.f_attr: dict[str, str] = {}
        self.is_: list[str] | None = None
        self.kumpul: list[str] | None = None
        self.rph = 0
        self.bersama: dict[str, Any] = {}   # shared formula index -> Translator

    def mulai(self, tag: str, a: dict[str, str]) -> None:
        if tag == _C:
            self.c = a
            self.v = self.f = self.is_ = None
        elif self.c is not None:
            if tag == _V:
                self.v = self.kumpul = []
            elif tag == _F:
                self.f = self.kumpul = []
                self.f_attr = a
            elif tag == _IS:
                self.is_ = []
            elif tag == _T and self.is_ is not None and not self.rph:
                self.kumpul = self.is_
            elif tag == _RPH:
                self.rph += 1
        elif tag == _ROW:
            r = a.get("r")
            if r is not None:
                try:
                    self.baris = int(r)
                except ValueError:
                    v = float(r)
                    if not v.is_integer():
                        raise TidakDidukung(f"nomor baris {r!r}") from None
                    self.baris = int(v)
            else:
                self.baris += 1
            self.kolom = 0
        elif tag == _MERGE:
            ref = a.get("ref", "")
            if ":" in ref:
                a0, a1 = ref.split(":", 1)
                (r0, c0), (r1, c1) = _alamat(a0.replace("$", "")), _alamat(a1.replace("$", ""))
                self.out.gabung.append((min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)))

    def selesai(self, tag: str) -> None:
        if tag == _C:
            self._sel()
            self.c = None
        elif tag in _AKHIR_KUMPUL:
            self.kumpul = None
        elif tag == _RPH:
            self.rph -= 1

    def teks(self, s: str) -> None:
        if self.kumpul is not None:
            self.kumpul.append(s)

    def _sel(self) -> None:
        a = self.c
        assert a is not None
        jenis = a.get("t", "n")
        ref = a.get("r")
        if ref:
            r, c = _alamat(ref)
            self.kolom = c
        else:
            self.kolom += 1
            r, c = self.baris, self.kolom
        s = a.get("s")
        gid = int(s) if s else 0
        try:
            fmt = self.format[gid]
        except IndexError:
            raise TidakDidukung(f"gaya sel {gid}") from None
        rumus: str | None = None
        if self.f is not None:
            rumus = self._rumus(ref, r, c)
        nilai: object = None
        if jenis == "inlineStr":
            if self.is_ is not None:
                nilai = "".join(self.is_)
        else:
            teks = "".join(self.v) if self.v is not None else ""
            if teks:
                nilai = self._nilai(teks, jenis, gid)
        if rumus is not None or nilai is not None:
            self.out.sel[(r, c)] = (nilai, rumus, fmt)

    def _nilai(self, teks: str, jenis: str, gid: int) -> object:
        if jenis == "n":
            v = _cast_number(teks)
            if gid in self.tanggal:
                try:
                    return from_excel(v, self.epoch, timedelta=gid in self.durasi)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return v
        if jenis == "s":
            try:
                return self.ss[int(teks)]
            except (IndexError, ValueError):
                raise TidakDidukung(f"teks bersama {teks!r}") from None
        if jenis == "b":
            return bool(int(teks))
        if jenis in ("str", "e"):
            return teks
        if jenis == "d":
            return from_ISO8601(teks)
        raise TidakDidukung(f"jenis sel {jenis!r}")

    def _rumus(self, ref: str | None, r: int, c: int) -> str:
        teks = "=" + "".join(self.f or ())
        t = self.f_attr.get("t")
        if t == "shared":
            from openpyxl.formula.translate import Translator

            if ref is None:
                from openpyxl.utils import get_column_letter

                ref = f"{get_column_letter(c)}{r}"
            idx = self.f_attr.get("si")
            if idx in self.bersama:
                return self.bersama[idx].translate_formula(ref)
            if teks != "=":
                self.bersama[idx] = Translator(teks, ref)
        elif t not in (None, "normal", "array"):
            raise TidakDidukung(f"rumus jenis {t}")
        return teks


# ------------------------------------------------------------------------------------------- fast path

class _Lambat(Exception):
    """The sheet's XML is not in the plain form the fast path reads: parse it with expat instead."""


_ATTR = r'(?:\s+[^\s=<>/"]+\s*=\s*"[^"<]*")*'
_ATTR_RE = re.compile(r'([^\s=<>/"]+)\s*=\s*"([^"<]*)"')
# a cell's content in the plain form (formula, value, one-run inline string), whitespace between elements
_ISI_RE = re.compile(r'\s*(?:<f(' + _ATTR + r')\s*(?:/>|>([^<]*)</f>)\s*)?(?:<v\s*>([^<]*)</v>\s*|<v\s*/>\s*)?'
                     r'(?:<is>\s*<t(?:\s+xml:space="preserve")?\s*>([^<]*)</t>\s*</is>\s*)?', re.S)
_GABUNG_RE = re.compile(r'<mergeCell(' + _ATTR + r')\s*/?>')
_ENTITAS_RE = re.compile(r'&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z]+);')
_ENTITAS = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_DEKLARASI_RE = re.compile(r'<\?xml((?:\s+[\w:]+\s*=\s*(?:"[^"]*"|\'[^\']*\'))*)\s*\?>')


def _entitas(m: re.Match) -> str:
    e = m.group(1)
    if e[0] == "#":
        n = int(e[2:], 16) if e[1] in "xX" else int(e[1:])
        if n == 0 or n > 0x10FFFF:
            raise _Lambat(e)
        return chr(n)
    try:
        return _ENTITAS[e]
    except KeyError:
        raise _Lambat(e) from None


def _teks_xml(s: str) -> str:
    if "&" not in s:
        return s
    hasil = _ENTITAS_RE.sub(_entitas, s)
    if hasil.count("&") != s.count("&amp;"):
        raise _Lambat("&")     # a bare '&' (not well-formed): expat rejects the file, so must this path
    return hasil


def _atribut(teks: str) -> dict[str, str]:
    a = dict(_ATTR_RE.findall(teks))
    if len(a) != teks.count("="):
        raise _Lambat("atribut")
    for k, v in a.items():
        if "&" in v or "\t" in v or "\n" in v:
            a[k] = _teks_xml(v).replace("\t", " ").replace("\n", " ")
    return a


def _lembar_cepat(h: _Lembar, data: bytes) -> bool:
    """Read one sheet part with regular expressions when it is plain, the way Excel, LibreOffice, openpyxl
    and renja-xl write it (UTF-8, the main namespace as the only default, no CDATA/comments/DTD, every cell
    addressed, plain cell content); fill ``h.out`` exactly as the expat handlers would and return True.
    Anything else returns False before ``h`` is touched, and expat reads the part. (expat calls a Python
    handler per element: about three times the time of these few C-level scans on a generated form.)"""
    try:
        teks, awal = _teks_lembar(data)
        i = teks.find("<sheetData", awal)
        if i < 0 or teks.find("<sheetData", i + 1) >= 0:
            raise _Lambat("sheetData")
        j = teks.find("</sheetData>", i)
        if j < 0:
            j = i    # <sheetData/>: no cells (anything else fails the cell check)
        sel = _sel_cepat(h, teks[i:j])
        gabung = [_atribut(m.group(1)) for bagian in (teks[awal:i], teks[j:]) for m in _GABUNG_RE.finditer(bagian)]
    except (_Lambat, UnicodeDecodeError):
        return False
    h.out.sel = sel
    for a in gabung:
        h.mulai(_MERGE, a)
    return True


def _teks_lembar(data: bytes) -> tuple[str, int]:
    """The part as text and where its root element starts, if its form allows the fast path."""
    if b"\r" in data or data[:2] in (b"\xff\xfe", b"\xfe\xff") or (b"!" in data and b"<!" in data):
        raise _Lambat("bentuk")
    teks = data.decode("utf-8")
    awal = 1 if teks.startswith("\ufeff") else 0
    if teks.startswith("<?xml", awal):
        m = _DEKLARASI_RE.match(teks, awal)
        if m is None:
            raise _Lambat("deklarasi")
        enc = _atribut(m.group(1).replace("'", '"')).get("encoding", "utf-8").lower()
        if enc not in ("utf-8", "utf8"):
            raise _Lambat(enc)
        awal = m.end()
    if teks.find("?", awal) >= 0 and teks.find("<?", awal) >= 0:
        raise _Lambat("instruksi")
    if teks.count(NS_UTAMA) != 1 or teks.count("xmlns=") != 1:
        raise _Lambat("ruang nama")
    while teks[awal:awal + 1] in (" ", "\t", "\n"):
        awal += 1
    if not teks.startswith("<worksheet", awal) or teks[awal + 10:awal + 11] not in (" ", "\t", "\n"):
        raise _Lambat("akar")
    akar = teks[awal + 10:teks.index(">", awal)]
    if _atribut(akar.rstrip("/")).get("xmlns") != NS_UTAMA:
        raise _Lambat("ruang nama")
    return teks, awal


# one cell: its address, its other attributes, then either the plain content (formula, value, one-run inline
# string; the ``<f`` and ``<is><t>`` groups keep their tag so that an empty element differs from none) or
# anything else, parsed by :data:`_ISI_RE`. The last branch catches any other ``<c``: the sheet then goes
# to expat
_SEL_RE = re.compile(
    r'<c r="([A-Z]{1,3}[0-9]+)"((?:\s++[a-zA-Z]++="[^"<]*+")*+)\s*+'
    r'(?:/>|>(?:(<f(?:\s++[a-zA-Z]++="[^"<]*+")*+)\s*+(?:/>|>([^<]*+)</f>))?(?:<v>([^<]*+)</v>|<v\s*+/>)?'
    r'(?:(<is><t>[^<]*+)</t></is>)?</c>|>(.*?)</c>)|(<c)', re.S)


def _sel_cepat(h: _Lembar, data: str) -> dict[tuple[int, int], tuple[object, str | None, str]]:
    """The cells of ``<sheetData>``, as ``_Lembar._sel`` would store them."""
    sel: dict[tuple[int, int], tuple[object, str | None, str]] = {}
    format_, tanggal, ss = h.format, h.tanggal, h.ss
    gaya: dict[str, tuple[int, str, str]] = {}     # attribute text -> style id, number format, cell type
    for ref, at, f_attr, f_teks, v, t_is, lain, tak_terbaca in _SEL_RE.findall(data):
        g = gaya.get(at)
        if g is None:
            a = _atribut(at)
            if "r" in a or "xmlns" in a:
                raise _Lambat("atribut")
            st = a.get("s")
            gid = int(st) if st else 0
            try:
                g = gaya[at] = (gid, format_[gid], a.get("t", "n"))
            except IndexError:
                raise TidakDidukung(f"gaya sel {gid}") from None
        if not (f_attr or v or t_is or lain):
            if tak_terbaca:
                raise _Lambat("sel tak terbaca")
            continue           # an empty (styled) cell: nothing to keep (its style was checked above)
        gid, fmt, jenis = g
        r, c = _ALAMAT.get(ref) or _alamat(ref)
        if lain:
            k = _ISI_RE.fullmatch(lain)
            if k is None:
                raise _Lambat("isi sel")
            fa, f_teks, v, t2 = k.groups()
            f_attr = "" if fa is None else "<f" + fa
            t_is = "" if t2 is None else "<is><t>" + t2
        rumus: str | None = None
        if f_attr == "<f":     # a plain formula (no shared/array attributes): its text as it is
            rumus = "=" + (_teks_xml(f_teks) if "&" in f_teks else f_teks)
        elif f_attr:
            h.f = [_teks_xml(f_teks)] if f_teks else []
            h.f_attr = _atribut(f_attr[2:])
            if "xmlns" in h.f_attr:
                raise _Lambat("atribut")
            rumus = h._rumus(ref, r, c)
        nilai: object = None
        if jenis == "inlineStr":
            if t_is:
                nilai = _teks_xml(t_is[7:]) if "&" in t_is else t_is[7:]
        elif v:
            if "&" in v:
                v = _teks_xml(v)
            if jenis == "n" and gid not in tanggal:
                nilai = _cast_number(v)
            elif jenis == "s":
                try:
                    nilai = ss[int(v)]
                except (IndexError, ValueError):
                    raise TidakDidukung(f"teks bersama {v!r}") from None
            else:
                nilai = h._nilai(v, jenis, gid)
        if rumus is not None or nilai is not None:
            sel[(r, c)] = (nilai, rumus, fmt)
    return sel


def _tutup_gabungan(lb: LembarMentah) -> None:
    """Drop what lies under a merge except its top-left cell: Excel shows only that one, and openpyxl
    (the other reader) discards the rest too."""
    for r0, c0, r1, c1 in lb.gabung:
        luas = (r1 - r0 + 1) * (c1 - c0 + 1)
        if luas <= len(lb.sel):
            kunci = [(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]
        else:
            kunci = [k for k in lb.sel if r0 <= k[0] <= r1 and c0 <= k[1] <= c1]
        for k in kunci:
            if k != (r0, c0):
                lb.sel.pop(k, None)


# ------------------------------------------------------------------------------------------- workbook

def baca_buku(sumber: IO[bytes]) -> list[LembarMentah]:
    """Every worksheet (chart sheets skipped, as openpyxl's ``wb.worksheets``) in workbook order."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    try:
        with zipfile.ZipFile(sumber) as z:
            akar = [p for jenis, p in _rels(z, "").values() if jenis == _JENIS_DOKUMEN]
            if not akar:
                raise TidakDidukung("tidak ada officeDocument")
            bagian_wb = akar[0]
            rel = _rels(z, bagian_wb)
            lembar: list[tuple[str, str]] = []
            epoch = [CALENDAR_WINDOWS_1900]

            def mulai(tag: str, a: dict[str, str]) -> None:
                if tag == f"{NS_UTAMA} sheet":
                    rid = a.get(f"{NS_REL} id")
                    if rid in rel and rel[rid][0] == _JENIS_WORKSHEET:
                        lembar.append((a.get("name", ""), rel[rid][1]))
                elif tag == f"{NS_UTAMA} workbookPr" and a.get("date1904", "").lower() in ("1", "true"):
                    epoch[0] = CALENDAR_MAC_1904
                elif tag.endswith(" workbook") and not tag.startswith(NS_UTAMA + " "):
                    raise TidakDidukung(f"ruang nama {tag}")

            _parser(mulai).Parse(_baca(z, bagian_wb), True)
            jenis_rel = {j.rsplit("/", 1)[-1]: p for j, p in rel.values()}
            ss = _teks_si(z.read(jenis_rel["sharedStrings"])) if "sharedStrings" in jenis_rel else []
            gaya = _gaya(z.read(jenis_rel["styles"])) if "styles" in jenis_rel else (["General"], set(), set())
            hasil = []
            for nama, part in lembar:
                h = _Lembar(nama, ss, gaya, epoch[0])
                if not _lembar_cepat(h, _baca(z, part)):
                    h = _Lembar(nama, ss, gaya, epoch[0])
                    p = _parser(h.mulai, h.selesai, h.teks)
                    with z.open(part) as f:
                        p.ParseFile(f)
                _tutup_gabungan(h.out)
                hasil.append(h.out)
            return hasil
    except (TidakDidukung, MemoryError):
        raise
    except Exception as e:  # noqa: BLE001 - damaged XML of any kind: openpyxl then reads it or says why not
        raise TidakDidukung(f"{type(e).__name__}: {e}") from e
