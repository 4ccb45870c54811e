"""Formulas of an .xls (BIFF8 parsed tokens) back to Excel text, so the formula checks run on old workbooks.

python-calamine reads an .xls's values but not its formulas. An .xls stores each formula as RPN tokens
([MS-XLS] 2.5.198 Ptg); the tokens old E.81 workbooks use (references, areas, arithmetic, comparisons,
SUM/IF/AVERAGE/ROUND..., IFERROR & co. as add-in names, shared formulas, references to other sheets) are
turned back into the text Excel shows (``=IFERROR(Q10/E10,0)``). Anything else raises :class:`TakTerbaca`;
the caller then drops *every* formula of the workbook, because a formula that silently went missing would
look like a typed number to the checker.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter


class TakTerbaca(Exception):
    """A token (or a reference) this decoder does not handle."""


# iftab -> (name, fixed argument count for PtgFunc; None = only called through PtgFuncVar)
FUNGSI: dict[int, tuple[str, int | None]] = {
    0: ("COUNT", None), 1: ("IF", None), 2: ("ISNA", 1), 3: ("ISERROR", 1), 4: ("SUM", None),
    5: ("AVERAGE", None), 6: ("MIN", None), 7: ("MAX", None), 8: ("ROW", None), 9: ("COLUMN", None),
    10: ("NA", 0), 24: ("ABS", 1), 25: ("INT", 1), 26: ("SIGN", 1), 27: ("ROUND", 2), 28: ("LOOKUP", None),
    29: ("INDEX", None), 31: ("MID", 3), 32: ("LEN", 1), 33: ("VALUE", 1), 34: ("TRUE", 0), 35: ("FALSE", 0),
    36: ("AND", None), 37: ("OR", None), 38: ("NOT", 1), 39: ("MOD", 2), 48: ("TEXT", 2), 65: ("DATE", 3),
    74: ("NOW", 0), 76: ("ROWS", 1), 77: ("COLUMNS", 1), 78: ("OFFSET", None), 82: ("SEARCH", None),
    100: ("CHOOSE", None), 101: ("HLOOKUP", None), 102: ("VLOOKUP", None), 111: ("CHAR", 1), 112: ("LOWER", 1),
    113: ("UPPER", 1), 115: ("LEFT", None), 116: ("RIGHT", None), 117: ("EXACT", 2), 118: ("TRIM", 1),
    119: ("REPLACE", 4), 120: ("SUBSTITUTE", None), 124: ("FIND", None), 127: ("ISTEXT", 1),
    128: ("ISNUMBER", 1), 129: ("ISBLANK", 1), 169: ("COUNTA", None), 183: ("PRODUCT", None),
    190: ("ISNONTEXT", 1), 197: ("TRUNC", None), 198: ("ISLOGICAL", 1), 212: ("ROUNDUP", 2),
    213: ("ROUNDDOWN", 2), 221: ("TODAY", 0), 227: ("MEDIAN", None), 228: ("SUMPRODUCT", None),
    336: ("CONCATENATE", None), 344: ("SUBTOTAL", None), 345: ("SUMIF", None), 346: ("COUNTIF", 2),
    347: ("COUNTBLANK", 1),
}
_OP = {0x03: "+", 0x04: "-", 0x05: "*", 0x06: "/", 0x07: "^", 0x08: "&", 0x09: "<", 0x0A: "<=", 0x0B: "=",
       0x0C: ">=", 0x0D: ">", 0x0E: "<>", 0x10: ",", 0x11: ":"}
_GALAT = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
          0x2A: "#N/A"}


@dataclass
class KonteksBuku:
    """Workbook-level tables formulas refer to: defined names, EXTERNSHEET entries, sheet names."""

    nama: list[str] = field(default_factory=list)          # NAME records, in order (PtgName is 1-based)
    xti: list[tuple[int, int, int]] = field(default_factory=list)   # (supbook, first sheet, last sheet)
    supbook_internal: set[int] = field(default_factory=set)
    lembar: list[str] = field(default_factory=list)        # every BOUNDSHEET name, in order
    nama_luar: dict[int, list[str]] = field(default_factory=dict)   # supbook -> its EXTERNNAME names


def _angka(x: float) -> str:
    if x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return repr(x)


def _nama_lembar(nama: str) -> str:
    polos = nama.replace("_", "").isalnum() and not nama[:1].isdigit()
    return nama if polos else "'" + nama.replace("'", "''") + "'"


def _sel(baris: int, kolom_kode: int, r0: int | None = None, c0: int | None = None) -> str:
    """A cell reference from a BIFF8 row and column field; with (r0, c0) the relative parts are offsets."""
    rel_baris, rel_kolom = bool(kolom_kode & 0x8000), bool(kolom_kode & 0x4000)
    kolom = kolom_kode & 0x3FFF
    if r0 is not None and c0 is not None:
        if rel_baris:
            baris = r0 + (baris - 0x10000 if baris & 0x8000 else baris)
        if rel_kolom:
            kolom = c0 + ((kolom & 0xFF) ^ 0x80) - 0x80
    if not (0 <= baris < 65536 and 0 <= kolom < 256):
        raise TakTerbaca("alamat di luar lembar")
    return f"{'' if rel_kolom else '$'}{get_column_letter(kolom + 1)}{'' if rel_baris else '$'}{baris + 1}"


def _lembar_3d(ixti: int, ktx: KonteksBuku) -> str:
    if ixti >= len(ktx.xti):
        raise TakTerbaca("EXTERNSHEET")
    sup, awal, akhir = ktx.xti[ixti]
    if sup not in ktx.supbook_internal or not 0 <= awal < len(ktx.lembar) or awal != akhir:
        raise TakTerbaca("rujukan ke buku kerja lain")
    return _nama_lembar(ktx.lembar[awal]) + "!"


def urai(rgce: bytes, ktx: KonteksBuku, r0: int, c0: int, dibagi: bool = False) -> str:
    """The formula text (``=...``) of ``rgce`` in the cell at 0-based (r0, c0); ``dibagi`` for a shared
    formula's tokens (PtgRefN/PtgAreaN offsets relative to the cell)."""
    tumpuk: list[str] = []
    i, n = 0, len(rgce)

    def ambil(k: int) -> list[str]:
        if k > len(tumpuk):
            raise TakTerbaca("tumpukan")
        hasil = tumpuk[len(tumpuk) - k:] if k else []
        del tumpuk[len(tumpuk) - k:]
        return hasil

    while i < n:
        p = rgce[i]
        i += 1
        dasar = p if p < 0x20 else (p & 0x1F) | 0x20
        if p in _OP:
            a, b = ambil(2)
            tumpuk.append(f"{a}{_OP[p]}{b}")
        elif p == 0x12:
            tumpuk.append("+" + ambil(1)[0])
        elif p == 0x13:
            tumpuk.append("-" + ambil(1)[0])
        elif p == 0x14:
            tumpuk.append(ambil(1)[0] + "%")
        elif p == 0x15:
            tumpuk.append("(" + ambil(1)[0] + ")")
        elif p == 0x16:
            tumpuk.append("")
        elif p == 0x17:
            cch, flag = rgce[i], rgce[i + 1]
            i += 2
            if flag & 0x01:
                s = rgce[i:i + 2 * cch].decode("utf-16-le")
                i += 2 * cch
            else:
                s = rgce[i:i + cch].decode("latin-1")
                i += cch
            tumpuk.append('"' + s.replace('"', '""') + '"')
        elif p == 0x19:                                   # PtgAttr
            jenis = rgce[i]
            data = struct.unpack_from("<H", rgce, i + 1)[0]
            i += 3
            if jenis & 0x04:                              # tAttrChoose: jump table follows
                i += 2 * (data + 1)
            if jenis & 0x10:                              # tAttrSum: SUM of the one argument
                tumpuk.append(f"SUM({ambil(1)[0]})")
        elif p == 0x1C:
            tumpuk.append(_GALAT.get(rgce[i], "#N/A"))
            i += 1
        elif p == 0x1D:
            tumpuk.append("TRUE" if rgce[i] else "FALSE")
            i += 1
        elif p == 0x1E:
            tumpuk.append(str(struct.unpack_from("<H", rgce, i)[0]))
            i += 2
        elif p == 0x1F:
            tumpuk.append(_angka(struct.unpack_from("<d", rgce, i)[0]))
            i += 8
        elif dasar == 0x21:                               # PtgFunc: fixed arity
            iftab = struct.unpack_from("<H", rgce, i)[0]
            i += 2
            nama, argc = FUNGSI.get(iftab, ("", None))
            if argc is None:
                raise TakTerbaca(f"fungsi {iftab}")
            tumpuk.append(f"{nama}({','.join(ambil(argc))})")
        elif dasar == 0x22:                               # PtgFuncVar
            argc, tab = rgce[i], struct.unpack_from("<H", rgce, i + 1)[0]
            i += 3
            iftab = tab & 0x7FFF
            arg = ambil(argc & 0x7F)
            if iftab == 255:                              # add-in / newer function: first argument is its name
                if not arg:
                    raise TakTerbaca("fungsi tanpa nama")
                nama = arg[0].removeprefix("_xlfn.")
                tumpuk.append(f"{nama}({','.join(arg[1:])})")
            elif iftab in FUNGSI and not tab & 0x8000:
                tumpuk.append(f"{FUNGSI[iftab][0]}({','.join(arg)})")
            else:
                raise TakTerbaca(f"fungsi {iftab}")
        elif dasar == 0x23:                               # PtgName (1-based)
            k = struct.unpack_from("<H", rgce, i)[0]
            i += 4
            if not 1 <= k <= len(ktx.nama):
                raise TakTerbaca("nama")
            tumpuk.append(ktx.nama[k - 1])
        elif dasar == 0x39:                               # PtgNameX: how Excel stores IFERROR & co. (add-in)
            ixti, k = struct.unpack_from("<HH", rgce, i)
            i += 6
            if ixti >= len(ktx.xti):
                raise TakTerbaca("EXTERNSHEET")
            daftar = ktx.nama_luar.get(ktx.xti[ixti][0], [])
            if not 1 <= k <= len(daftar):
                raise TakTerbaca("nama luar")
            tumpuk.append(daftar[k - 1])
        elif dasar == 0x24 or (dasar == 0x2C and dibagi):  # PtgRef / PtgRefN
            rw, kol = struct.unpack_from("<HH", rgce, i)
            i += 4
            tumpuk.append(_sel(rw, kol, r0, c0) if dasar == 0x2C else _sel(rw, kol))
        elif dasar == 0x25 or (dasar == 0x2D and dibagi):  # PtgArea / PtgAreaN
            r1, r2, k1, k2 = struct.unpack_from("<HHHH", rgce, i)
            i += 8
            if dasar == 0x2D:
                tumpuk.append(f"{_sel(r1, k1, r0, c0)}:{_sel(r2, k2, r0, c0)}")
            else:
                tumpuk.append(f"{_sel(r1, k1)}:{_sel(r2, k2)}")
        elif dasar in (0x26, 0x27):                       # PtgMemArea / PtgMemErr: the expression follows
            i += 6
        elif dasar == 0x29:                               # PtgMemFunc
            i += 2
        elif dasar == 0x2A:
            tumpuk.append("#REF!")
            i += 4
        elif dasar == 0x2B:
            tumpuk.append("#REF!")
            i += 8
        elif dasar == 0x3A:                               # PtgRef3d
            ixti, rw, kol = struct.unpack_from("<HHH", rgce, i)
            i += 6
            tumpuk.append(_lembar_3d(ixti, ktx) + _sel(rw, kol))
        elif dasar == 0x3B:                               # PtgArea3d
            ixti, r1, r2, k1, k2 = struct.unpack_from("<HHHHH", rgce, i)
            i += 10
            tumpuk.append(_lembar_3d(ixti, ktx) + f"{_sel(r1, k1)}:{_sel(r2, k2)}")
        else:
            raise TakTerbaca(f"token 0x{p:02X}")
    if len(tumpuk) != 1:
        raise TakTerbaca("tumpukan")
    return "=" + tumpuk[0]
