"""Row-expansion engine on openpyxl: one prototype row per row kind, repeated for the data.

A template sheet marks its prototype rows with ``{%row KIND%}`` in one cell (usually a hidden helper
column). Cells of a prototype row hold slots ``{{ isi.KEY }}`` (filled per output row with a value or a
native formula) or jinja text (``{{ baris.uraian }}``); every other cell of the sheet may hold jinja text
(``{{ info.nama_opd }}``). Columns are found from the slots, never from fixed letters, so a user may move
columns or restyle the template in Excel. Everything below the prototype block (faktor rows, signature)
moves down; merged cells, formulas, conditional formatting, data validation, row heights and the print
area follow the rows they belong to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from copy import copy
from dataclasses import dataclass, field
from typing import Any

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from openpyxl.cell.cell import Cell
from openpyxl.formatting.formatting import ConditionalFormattingList
from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.formula.translate import Translator
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet

from renja_xl.buku import tulis_teks
from renja_xl.galat import GalatPengguna
from renja_xl.generator.hitung import RumusAturan, Terikat

__all__ = ["Rumus", "BarisKeluar", "KonteksRumus", "Prototipe", "cari_prototipe", "isi_lembar", "KODE_JENIS",
           "render_teks"]

_RE_MARKER = re.compile(r"\{%-?\s*row\s+([a-z_]+)\s*-?%\}")
_RE_SLOT = re.compile(r"^\s*\{\{\s*isi\.([a-z0-9_]+)\s*\}\}\s*$")

# What the helper (marker) column holds in the output: short codes so that no kind is a substring of another
# (SUMIF criteria stay exact in Excel and in LibreOffice whatever its "whole cell" setting).
KODE_JENIS = {"program": "PRG", "kegiatan": "KEG", "sub_kegiatan": "SUB", "lanjutan": "LNJ"}


@dataclass(frozen=True)
class Rumus:
    """A native formula built once row numbers are known: ``buat(ctx) -> "=..."``. Its value is unknown to
    renja-xl; the generator's own formulas are rules (``rumus.Aturan``), whose values the core computes."""

    buat: Callable[["KonteksRumus"], str]

    def ikat(self, ktx: "KonteksRumus") -> Terikat:
        return Terikat(self.buat(ktx))


@dataclass
class BarisKeluar:
    """One output row: its kind (a prototype name), slot values and the jinja context for text cells."""

    jenis: str
    isi: dict[str, object] = field(default_factory=dict)
    konteks: dict[str, object] = field(default_factory=dict)
    id: str | None = None                                            # returned with its sheet row
    gaya: dict[str, dict[str, Any]] = field(default_factory=dict)   # per-slot extras: {"key": {"turunan": True}}
    tandai: list[str] = field(default_factory=list)                 # problems: mark the empty input cells


@dataclass
class KonteksRumus:
    """What a formula builder may ask: this row, other rows by id, columns by slot key."""

    lembar: Worksheet
    kolom: dict[str, str]
    kolom_jenis: str
    awal: int
    akhir: int
    r: int = 0

    def baris(self, i: int) -> int:
        """Sheet row of output row number ``i`` (0-based index in the list given to isi_lembar)."""
        return self.awal + i

    def k(self, kunci: str) -> str:
        """Column letter of a slot; a template without it cannot hold this formula."""
        try:
            return self.kolom[kunci]
        except KeyError:
            raise GalatPengguna(f"templat tidak memiliki kolom untuk '{{{{ isi.{kunci} }}}}' yang dibutuhkan "
                                "rumus.", lembar=self.lembar.title,
                                saran="Kembalikan kolom itu ke baris prototipe templat.") from None

    def sel(self, kunci: str, r: int | None = None) -> str:
        return f"{self.k(kunci)}{self.r if r is None else r}"

    def jenis(self, r1: int, r2: int) -> str:
        """Absolute range of the helper column over rows r1..r2."""
        return f"${self.kolom_jenis}${r1}:${self.kolom_jenis}${r2}"


@dataclass
class Prototipe:
    """The prototype block of a sheet: kinds in template order, their rows and slot columns."""

    awal: int
    akhir: int
    baris: dict[str, int]           # kind -> template row
    kolom_marker: int
    slot: dict[str, dict[int, str]]  # kind -> {column index: key}
    kolom: dict[str, str]            # key -> column letter (union over the kinds)


def cari_prototipe(ws: Worksheet) -> Prototipe:
    """Find the ``{%row KIND%}`` rows (one contiguous block) and the slot columns."""
    baris: dict[str, int] = {}
    kolom_marker: int | None = None
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and "{%" in c.value:
                m = _RE_MARKER.search(c.value)
                if m:
                    if m.group(1) in baris:
                        raise GalatPengguna(f"baris prototipe '{m.group(1)}' muncul dua kali.", lembar=ws.title,
                                            sel=c.coordinate)
                    baris[m.group(1)] = c.row
                    kolom_marker = c.column if kolom_marker is None else kolom_marker
    if not baris or kolom_marker is None:
        raise GalatPengguna("templat tidak memiliki baris prototipe ({%row ...%}).", lembar=ws.title,
                            saran="Tandai baris prototipe dengan {%row program%} dan seterusnya.")
    awal, akhir = min(baris.values()), max(baris.values())
    if akhir - awal + 1 != len(baris):
        raise GalatPengguna("baris prototipe harus berurutan tanpa baris lain di antaranya.", lembar=ws.title)
    slot: dict[str, dict[int, str]] = {}
    kolom: dict[str, str] = {}
    for jenis, r in baris.items():
        slot[jenis] = {}
        for c in ws[r]:
            if isinstance(c.value, str):
                m = _RE_SLOT.match(c.value)
                if m:
                    slot[jenis][c.column] = m.group(1)
                    kolom.setdefault(m.group(1), get_column_letter(c.column))
    return Prototipe(awal, akhir, baris, kolom_marker, slot, kolom)


# ------------------------------------------------------------------------------------------------ text

_ENV = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)


def render_teks(teks: str, konteks: dict[str, object], ws: Worksheet, sel: str) -> str:
    """Render one cell's jinja text; a typo in a user-edited template becomes an Indonesian error."""
    try:
        return _ENV.from_string(teks).render(**konteks)
    except TemplateError as e:
        raise GalatPengguna(f"ekspresi templat '{teks}' tidak dapat diisi ({e}).", lembar=ws.title, sel=sel,
                            saran="Periksa nama isian di dalam {{ }}.") from None


def _perlu_render(v: object) -> bool:
    return isinstance(v, str) and ("{{" in v or "{%" in v)


# ------------------------------------------------------------------------------------------------ references

def _peta_baris(r: int, awal: int, akhir: int, n: int, ujung: str) -> int:
    """Where template row ``r`` goes when rows awal..akhir become n rows (a block reference spans them)."""
    if r < awal:
        return r
    if r > akhir:
        return r + n - (akhir - awal + 1)
    return awal if ujung == "awal" else awal + max(n, 1) - 1


_RE_REF = re.compile(r"^(?P<sheet>(?:'[^']+'|[^!]+)!)?(?P<a>\$?[A-Z]{1,3}\$?\d+)(?::(?P<b>\$?[A-Z]{1,3}\$?\d+))?$")
_RE_SATU = re.compile(r"^(\$?[A-Z]{1,3})(\$?)(\d+)$")


def geser_rumus(rumus: str, awal: int, akhir: int, n: int, lembar_sendiri: str) -> str:
    """Rewrite a static formula's row references for the expanded block (SUM(L10:L10) -> SUM(L10:L42))."""
    if not isinstance(rumus, str) or not rumus.startswith("="):
        return rumus
    tok = Tokenizer(rumus)
    keluar = ["="]
    for t in tok.items:
        if t.type == Token.OPERAND and t.subtype == Token.RANGE:
            m = _RE_REF.match(t.value)
            if m and (m.group("sheet") is None or m.group("sheet").strip("'!") == lembar_sendiri):
                def satu(ref: str, ujung: str) -> str:
                    mm = _RE_SATU.match(ref)
                    assert mm
                    return f"{mm.group(1)}{mm.group(2)}{_peta_baris(int(mm.group(3)), awal, akhir, n, ujung)}"
                a = satu(m.group("a"), "awal")
                b = satu(m.group("b"), "akhir") if m.group("b") else None
                keluar.append((m.group("sheet") or "") + a + (f":{b}" if b else ""))
                continue
        keluar.append(t.value)
    return "".join(keluar)


def _rentang_baru(cr: str, proto: Prototipe, jalur: dict[str, list[int]], n: int) -> list[str]:
    """A template range (merge, CF, DV) in the new layout: within one prototype row it repeats on every
    output row of that kind; outside the block it moves; across the block it stretches."""
    c1, r1, c2, r2 = range_boundaries(cr)
    a, b = proto.awal, proto.akhir
    if a <= r1 and r2 <= b:
        if r1 != r2:
            return []
        jenis = next(k for k, v in proto.baris.items() if v == r1)
        return [f"{get_column_letter(c1)}{r}:{get_column_letter(c2)}{r}" for r in jalur.get(jenis, [])]
    nr1 = _peta_baris(r1, a, b, n, "awal")
    nr2 = _peta_baris(r2, a, b, n, "akhir")
    return [f"{get_column_letter(c1)}{nr1}:{get_column_letter(c2)}{nr2}"]


def _persegi(sel: list[tuple[int, int]]) -> list[str]:
    """Cells as few rectangles: runs of rows per column, then equal runs of adjacent columns joined."""
    per_kolom: dict[int, list[int]] = {}
    for r, c in sel:
        per_kolom.setdefault(c, []).append(r)
    runtun: dict[tuple[int, int], list[int]] = {}
    for c, rows in per_kolom.items():
        rows.sort()
        mulai = sebelum = rows[0]
        for r in rows[1:] + [0]:
            if r == sebelum + 1:
                sebelum = r
                continue
            runtun.setdefault((mulai, sebelum), []).append(c)
            mulai = sebelum = r
    hasil = []
    for (r1, r2), kolom in sorted(runtun.items()):
        kolom.sort()
        mulai = sebelum = kolom[0]
        for c in kolom[1:] + [0]:
            if c == sebelum + 1:
                sebelum = c
                continue
            hasil.append(CellRange(min_col=mulai, min_row=r1, max_col=sebelum, max_row=r2).coord)
            mulai = sebelum = c
    return hasil


def _validasi_masukan(ws: Worksheet, rentang: list[str], r1: int, r2: int) -> list[str]:
    """A data validation's ranges over the body: only cells a user types in (a formula cell is derived, a
    "numbers only" rule on it means nothing), as rectangles instead of one area per cell and row."""
    luar: list[str] = []
    sel: set[tuple[int, int]] = set()
    for cr in rentang:
        c1, a, c2, b = range_boundaries(cr)
        if a < r1 or b > r2:
            luar.append(cr)
            continue
        for r in range(a, b + 1):
            for c in range(c1, c2 + 1):
                x = ws._cells.get((r, c))
                if x is None or x.data_type != "f":
                    sel.add((r, c))
    return luar + _persegi(sorted(sel))


# ------------------------------------------------------------------------------------------------ row heights

def _tinggi_perkiraan(ws: Worksheet, baris: range, bawaan: dict[int, float | None]) -> None:
    """Give rows with wrapped text a height that shows all of it.

    Neither openpyxl nor LibreOffice's xlsx import sizes rows to wrapped text, and Excel only does so
    when a cell is edited; a form printed with clipped names cannot be signed. The estimate is
    deliberately generous (characters per width unit at the cell's font size, one line per 1.3 × size).
    """
    lebar_kol = {k: (d.width or 8.43) for k, d in ws.column_dimensions.items()}
    gabung: dict[tuple[int, int], float] = {}
    for m in ws.merged_cells.ranges:
        if m.min_row in baris:
            lebar = sum(lebar_kol.get(get_column_letter(c), 8.43) for c in range(m.min_col, m.max_col + 1))
            gabung[(m.min_row, m.min_col)] = lebar
    maks = ws.max_column  # once: ws[r] recomputes it over every cell, which made this quadratic
    for r in baris:
        tinggi = bawaan.get(r) or 0.0
        for c in next(ws.iter_rows(min_row=r, max_row=r, max_col=maks)):
            v = c.value
            if not isinstance(v, str) or not v or v.startswith("=") or not (c.alignment and c.alignment.wrap_text):
                continue
            ukuran = float(c.font.sz or 11) if c.font else 11.0
            lebar = gabung.get((r, c.column), lebar_kol.get(c.column_letter, 8.43))
            per_baris = max(1.0, lebar * 10.0 / ukuran * (0.9 if c.font is not None and c.font.b else 1.0))
            garis = sum(max(1, -(-len(bagian) // int(per_baris))) for bagian in v.split("\n"))
            tinggi = max(tinggi, garis * ukuran * 1.3 + 3)
        if tinggi:
            ws.row_dimensions[r].height = round(tinggi, 1)


# ------------------------------------------------------------------------------------------------ filling

def _salin_gaya(dari: Cell, ke: Cell) -> None:
    if dari.has_style:
        ke._style = copy(dari._style)


def isi_lembar(ws: Worksheet, baris: Sequence[BarisKeluar], konteks: dict[str, object], *,
               gaya_turunan: Callable[[Cell], None] | None = None,
               gaya_tandai: Callable[[Cell, str], None] | None = None,
               terikat: dict[tuple[int, int], Terikat] | None = None) -> tuple[dict[str, int], dict[str, str]]:
    """Expand the prototype block of ``ws`` into ``baris``; render jinja text everywhere else.

    Returns ``({id: sheet row}, {slot key: column letter})`` for links from other sheets; ``terikat``, when
    given, receives every slot formula by (row, column), so its value can be computed and cached.
    """
    proto = cari_prototipe(ws)
    for b in baris:
        if b.jenis not in proto.baris:
            raise GalatPengguna(f"templat tidak memiliki baris prototipe '{b.jenis}'.", lembar=ws.title,
                                saran=f"Tambahkan baris bertanda {{%row {b.jenis}%}}.")
    a, z = proto.awal, proto.akhir
    n = len(baris)
    selisih = n - (z - a + 1)
    maks_kol = ws.max_column

    # 1. snapshot the template: prototype cells, the rows below, heights, ranges
    sel_proto: dict[str, dict[int, Cell]] = {j: {c.column: c for c in ws[r]} for j, r in proto.baris.items()}
    sel_proto = {j: {k: copy(c) for k, c in d.items()} for j, d in sel_proto.items()}
    tinggi_proto = {j: ws.row_dimensions[r].height for j, r in proto.baris.items()}
    bawah: list[tuple[int, int, Cell]] = []
    for (r, c), cell in list(ws._cells.items()):
        if r > z:
            bawah.append((r, c, copy(cell)))
    tinggi_bawah = {r: ws.row_dimensions[r].height for r in range(z + 1, ws.max_row + 1)
                    if r in ws.row_dimensions and ws.row_dimensions[r].height is not None}
    gabung = [str(m) for m in ws.merged_cells.ranges]
    for m in gabung:
        ws.unmerge_cells(m)
    for key in [k for k in ws._cells if k[0] >= a]:
        del ws._cells[key]
    for r in list(ws.row_dimensions):
        if r >= a:
            del ws.row_dimensions[r]

    # 2. row numbers of every output row (formulas need them before any cell is written)
    jalur: dict[str, list[int]] = {}
    baris_id: dict[str, int] = {}
    for i, b in enumerate(baris):
        jalur.setdefault(b.jenis, []).append(a + i)
        if b.id:
            baris_id[b.id] = a + i
    ktx = KonteksRumus(ws, proto.kolom, get_column_letter(proto.kolom_marker), a, a + n - 1)

    # 3. write the output rows
    for i, b in enumerate(baris):
        r = a + i
        ktx.r = r
        pro = sel_proto[b.jenis]
        slot = proto.slot[b.jenis]
        lok = {**konteks, **b.konteks}
        for col in range(1, maks_kol + 1):
            src = pro.get(col)
            dst = ws.cell(row=r, column=col)
            if src is not None:
                _salin_gaya(src, dst)
            if col == proto.kolom_marker:
                dst.value = KODE_JENIS.get(b.jenis, b.jenis.upper())
                continue
            if col in slot:
                kunci = slot[col]
                v = b.isi.get(kunci)
                if isinstance(v, (Rumus, RumusAturan)):
                    t = v.ikat(ktx)
                    dst.value = t.teks
                    if terikat is not None:
                        terikat[(r, col)] = t
                elif isinstance(v, str):
                    tulis_teks(dst, v)
                else:
                    dst.value = v
                extra = b.gaya.get(kunci, {})
                if extra.get("turunan") and gaya_turunan is not None:
                    gaya_turunan(dst)
                if b.tandai and kunci in b.isi and v is None and extra.get("masukan", True) and gaya_tandai:
                    gaya_tandai(dst, "; ".join(b.tandai))
                continue
            if src is None:
                continue
            v = src.value
            if isinstance(v, str) and v.startswith("=") and src.data_type == "f":
                dst.value = Translator(v, origin=src.coordinate).translate_formula(dst.coordinate)
            elif _perlu_render(v):
                tulis_teks(dst, render_teks(v, lok, ws, dst.coordinate))
            else:
                dst.value = v
        if tinggi_proto.get(b.jenis) is not None:
            ws.row_dimensions[r].height = tinggi_proto[b.jenis]

    # 4. the rows below the block move down; their formulas follow
    for r, c, src in bawah:
        dst = ws.cell(row=r + selisih, column=c)
        _salin_gaya(src, dst)
        v = src.value
        if isinstance(v, str) and v.startswith("=") and src.data_type == "f":
            dst.value = geser_rumus(v, a, z, n, ws.title)
        elif _perlu_render(v):
            tulis_teks(dst, render_teks(v, konteks, ws, dst.coordinate))
        else:
            dst.value = v
    for r, h in tinggi_bawah.items():
        ws.row_dimensions[r + selisih].height = h

    # 5. jinja text above the block (titles, period, OPD) and static formulas there
    for row in ws.iter_rows(min_row=1, max_row=a - 1):
        for c in row:
            if _perlu_render(c.value) and c.data_type != "f":
                tulis_teks(c, render_teks(c.value, konteks, ws, c.coordinate))
            elif c.data_type == "f":
                c.value = geser_rumus(c.value, a, z, n, ws.title)

    # 6. merged cells, conditional formatting, data validation, print area
    for m in gabung:
        for baru in _rentang_baru(m, proto, jalur, n):
            if ":" in baru and baru.split(":")[0] != baru.split(":")[1]:
                ws.merge_cells(baru)
    cf_lama = ws.conditional_formatting
    ws.conditional_formatting = ConditionalFormattingList()
    for cf in cf_lama:
        rentang = [x for cr in str(cf.sqref).split() for x in _rentang_baru(cr, proto, jalur, n)]
        if rentang:
            for aturan in cf.rules:
                ws.conditional_formatting.add(" ".join(rentang), aturan)
    for dv in ws.data_validations.dataValidation:
        rentang = [x for cr in str(dv.sqref).split() for x in _rentang_baru(cr, proto, jalur, n)]
        dv.sqref = " ".join(_validasi_masukan(ws, rentang, a, a + n - 1)) if rentang else dv.sqref
    _tinggi_perkiraan(ws, range(a, a + n), {r: ws.row_dimensions[r].height for r in range(a, a + n)})
    if ws.print_area:
        bagian = []
        for pa in str(ws.print_area).split(","):
            ref = pa.split("!")[-1].replace("$", "")
            c1, r1, c2, r2 = range_boundaries(ref)
            nr1 = _peta_baris(r1, a, z, n, "awal")
            nr2 = _peta_baris(r2, a, z, n, "akhir")
            bagian.append(CellRange(min_col=c1, min_row=nr1, max_col=c2, max_row=nr2).coord)
        ws.print_area = bagian
    return baris_id, dict(proto.kolom)
