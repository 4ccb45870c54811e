"""Static cell dependency graph of a workbook's formulas, and the cycles in it.

Excel decides circularity from the references a formula makes, never from what its criteria select: a
``SUMIFS(G10:G22, …)`` in G10 is a circular reference even if row 10 never matches. LibreOffice computes
such cells lazily, so only a static check over the references proves a workbook opens clean in Excel.
Ranges are expanded to the formula cells they cover (a plain value cannot be part of a cycle); the cycle
search is iterative (Tarjan), so a 2,000-row master's graph costs no recursion depth.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.workbook.workbook import Workbook

_REF = re.compile(r"^(?:(?P<s>'(?:[^']|'')+'|[^!']+)!)?\$?(?P<c1>[A-Z]{1,3})\$?(?P<r1>\d+)"
                  r"(?::\$?(?P<c2>[A-Z]{1,3})\$?(?P<r2>\d+))?$")

Sel = tuple[str, int, int]   # (sheet, row, column)


def nama(s: Sel) -> str:
    lembar, r, c = s
    return f"'{lembar}'!{get_column_letter(c)}{r}"


@dataclass
class Graf:
    """Formula cells and, for each, the formula cells it references."""

    sel: list[Sel] = field(default_factory=list)
    rumus: dict[Sel, str] = field(default_factory=dict)
    anak: list[list[int]] = field(default_factory=list)   # node index -> referenced node indices

    def rujuk_diri(self) -> list[Sel]:
        """Cells whose own formula references them."""
        return [self.sel[i] for i, a in enumerate(self.anak) if i in a]

    def siklus(self) -> list[list[Sel]]:
        """Strongly connected components of more than one cell (each a cycle or several)."""
        return [[self.sel[i] for i in k] for k in _tarjan(self.anak) if len(k) > 1]


_ANGKA = re.compile(r"\d+")
_BENTUK: dict[str, list[tuple[bool, str, int]]] = {}


def _token(rumus: str) -> list[tuple[bool, str]]:
    """(is a reference, text) of each token. Tokenizing is the slow part and a sheet repeats one formula
    shape on every row: tokenize each shape once (digits -> 0) and put the row's digit runs back; a digit
    run never spans two tokens, so the shape's tokens hold them in order."""
    bentuk = _ANGKA.sub("0", rumus)
    token = _BENTUK.get(bentuk)
    if token is None:
        token = [(t.type == Token.OPERAND and t.subtype == Token.RANGE, t.value, len(_ANGKA.findall(t.value)))
                 for t in Tokenizer(bentuk).items]
        _BENTUK[bentuk] = token
    angka = iter(_ANGKA.findall(rumus))
    hasil = []
    for ref, teks, n in token:
        if ref:
            teks = _ANGKA.sub(lambda _m: next(angka), teks) if n else teks
        else:
            for _ in range(n):
                next(angka)
        hasil.append((ref, teks))
    return hasil


@lru_cache(maxsize=None)
def _satu(teks: str) -> tuple[str | None, int, int, int, int]:
    m = _REF.match(teks)
    if m is None:
        raise ValueError(f"rujukan tidak dikenal {teks!r}")
    s = m.group("s")
    if s is not None and s.startswith("'"):
        s = s[1:-1].replace("''", "'")
    c1, r1 = column_index_from_string(m.group("c1")), int(m.group("r1"))
    c2 = column_index_from_string(m.group("c2")) if m.group("c2") else c1
    r2 = int(m.group("r2")) if m.group("r2") else r1
    return s, min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)


def rujukan(rumus: str) -> list[tuple[str | None, int, int, int, int]]:
    """(sheet or None, c1, r1, c2, r2) of every cell/range reference in a formula."""
    try:
        return [_satu(teks) for ref, teks in _token(rumus) if ref]
    except ValueError as e:
        raise ValueError(f"{e} dalam {rumus}") from None


def bangun(wb: Workbook) -> Graf:
    """The dependency graph of every formula cell of ``wb`` (an openpyxl workbook, formulas as text)."""
    g = Graf()
    indeks: dict[Sel, int] = {}
    per_kolom: dict[tuple[str, int], list[int]] = {}     # (sheet, column) -> sorted formula rows
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if isinstance(v, str) and v.startswith("=") and c.data_type == "f":
                    s = (ws.title, c.row, c.column)
                    indeks[s] = len(g.sel)
                    g.sel.append(s)
                    g.rumus[s] = v
                    per_kolom.setdefault((ws.title, c.column), []).append(c.row)
    for daftar in per_kolom.values():
        daftar.sort()
    lembar_ada = {ws.title for ws in wb.worksheets}
    cache: dict[tuple[str, int, int, int, int], list[int]] = {}
    for s in g.sel:
        tujuan: set[int] = set()
        for lembar, c1, r1, c2, r2 in rujukan(g.rumus[s]):
            lembar = lembar or s[0]
            if lembar not in lembar_ada:
                raise ValueError(f"{nama(s)} merujuk lembar yang tidak ada: {lembar!r}")
            kunci = (lembar, c1, r1, c2, r2)
            sel = cache.get(kunci)
            if sel is None:
                sel = []
                for c in range(c1, c2 + 1):
                    rows = per_kolom.get((lembar, c), [])
                    for r in rows[bisect_left(rows, r1):bisect_right(rows, r2)]:
                        sel.append(indeks[(lembar, r, c)])
                cache[kunci] = sel
            tujuan.update(sel)
        g.anak.append(sorted(tujuan))
    return g


def _tarjan(anak: list[list[int]]) -> list[list[int]]:
    """Strongly connected components, iteratively."""
    n = len(anak)
    idx = [-1] * n
    low = [0] * n
    di_tumpuk = [False] * n
    tumpuk: list[int] = []
    hasil: list[list[int]] = []
    nomor = 0
    for akar in range(n):
        if idx[akar] != -1:
            continue
        kerja = [(akar, 0)]
        idx[akar] = low[akar] = nomor
        nomor += 1
        tumpuk.append(akar)
        di_tumpuk[akar] = True
        while kerja:
            v, i = kerja[-1]
            if i < len(anak[v]):
                kerja[-1] = (v, i + 1)
                w = anak[v][i]
                if idx[w] == -1:
                    idx[w] = low[w] = nomor
                    nomor += 1
                    tumpuk.append(w)
                    di_tumpuk[w] = True
                    kerja.append((w, 0))
                elif di_tumpuk[w]:
                    low[v] = min(low[v], idx[w])
                continue
            kerja.pop()
            if kerja:
                u = kerja[-1][0]
                low[u] = min(low[u], low[v])
            if low[v] == idx[v]:
                komponen = []
                while True:
                    w = tumpuk.pop()
                    di_tumpuk[w] = False
                    komponen.append(w)
                    if w == v:
                        break
                hasil.append(komponen)
    return hasil


def laporan(g: Graf, batas: int = 10) -> str:
    """What a failing test prints: the offending cells and their formulas."""
    baris = []
    diri = g.rujuk_diri()
    if diri:
        baris.append(f"{len(diri)} sel merujuk dirinya sendiri, mis.:")
        baris += [f"  {nama(s)} = {g.rumus[s][:160]}" for s in diri[:batas]]
    for k in g.siklus()[:batas]:
        baris.append(f"siklus {len(k)} sel: " + ", ".join(nama(s) for s in k[:batas]))
    return "\n".join(baris)
