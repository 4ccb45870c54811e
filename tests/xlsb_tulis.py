"""A minimal .xlsb (BIFF12) writer for tests: LibreOffice cannot write .xlsb, so the checker's .xlsb path is
tested on files built here from an .xlsx, record by record as [MS-XLSB] describes them.

Written: workbook.bin (BrtBeginBook, BrtBundleSh per sheet, BrtCalcProp), styles.bin (number formats
BrtFmt, cell formats BrtXF), sharedStrings.bin (BrtSSTItem), one sheet .bin per worksheet (BrtWsDim,
BrtColInfo, BrtRowHdr + BrtCellReal / BrtCellIsst / BrtCellBool, BrtMergeCell) and the OPC parts.
Values only: a formula cell is written with the cached value of ``data_only`` (an .xlsb stores formulas
as parsed tokens, which the checker does not read).
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.styles.numbers import BUILTIN_FORMATS


_GALAT = {"#NULL!": 0x00, "#DIV/0!": 0x07, "#VALUE!": 0x0F, "#REF!": 0x17, "#NAME?": 0x1D, "#NUM!": 0x24,
          "#N/A": 0x2A}


def _varint(n: int, maks: int) -> bytes:
    keluar = bytearray()
    for _ in range(maks):
        b = n & 0x7F
        n >>= 7
        keluar.append(b | (0x80 if n else 0))
        if not n:
            break
    assert not n, "terlalu besar"
    return bytes(keluar)


def rekaman(jenis: int, isi: bytes = b"") -> bytes:
    """One BIFF12 record: type (7-bit varint, 2 bytes max), size (7-bit varint, 4 bytes max), body."""
    return _varint(jenis, 2) + _varint(len(isi), 4) + isi


def _wide(s: str) -> bytes:
    b = s.encode("utf-16-le")
    return struct.pack("<I", len(b) // 2) + b


_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '{over}</Types>')
_REL = '<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{t}" Target="{tg}"/>'
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{isi}</Relationships>')


def dari_xlsx(sumber: Path, tujuan: Path) -> Path:
    """Write ``tujuan`` (.xlsb) with the sheets, values, number formats, merges and widths of ``sumber``."""
    wb = load_workbook(sumber)
    nilai = load_workbook(sumber, data_only=True)
    teks: dict[str, int] = {}
    format_: dict[str, int] = {}          # custom format code -> id (164+)
    xf: list[int] = [0]                   # cell XF -> numFmt id; XF 0 is General
    xf_dari: dict[int, int] = {0: 0}
    bawaan = {v: k for k, v in BUILTIN_FORMATS.items()}

    def gaya(kode: str) -> int:
        fid = bawaan.get(kode)
        if fid is None:
            fid = format_.setdefault(kode, 164 + len(format_))
        if fid not in xf_dari:
            xf_dari[fid] = len(xf)
            xf.append(fid)
        return xf_dari[fid]

    lembar_bin: list[bytes] = []
    for ws in wb.worksheets:
        wsv = nilai[ws.title]
        baris: dict[int, list[bytes]] = {}
        r_maks = c_maks = 0
        for row in ws.iter_rows():
            for c in row:
                v = wsv.cell(c.row, c.column).value
                if v is None or type(c).__name__ == "MergedCell":
                    continue
                r_maks, c_maks = max(r_maks, c.row), max(c_maks, c.column)
                kepala = struct.pack("<I", c.column - 1) + struct.pack("<I", gaya(c.number_format) & 0xFFFFFF)
                if isinstance(v, bool):
                    rek = rekaman(0x04, kepala + bytes([int(v)]))                       # BrtCellBool
                elif isinstance(v, str) and v in _GALAT:
                    rek = rekaman(0x03, kepala + bytes([_GALAT[v]]))                     # BrtCellError
                elif isinstance(v, (int, float)):
                    rek = rekaman(0x05, kepala + struct.pack("<d", float(v)))            # BrtCellReal
                else:
                    i = teks.setdefault(str(v), len(teks))
                    rek = rekaman(0x07, kepala + struct.pack("<I", i))                   # BrtCellIsst
                baris.setdefault(c.row, []).append(rek)
        isi = [rekaman(0x81),                                                             # BrtBeginSheet
               rekaman(0x94, struct.pack("<IIII", 0, max(r_maks - 1, 0), 0, max(c_maks - 1, 0)))]  # BrtWsDim
        lebar = [(k, d.width) for k, d in ws.column_dimensions.items() if d.width]
        if lebar:
            from openpyxl.utils import column_index_from_string

            isi.append(rekaman(0x186))                                                    # BrtBeginColInfos
            for huruf, w in lebar:
                c = column_index_from_string(huruf) - 1
                isi.append(rekaman(0x3C, struct.pack("<IIIIH", c, c, int(w * 256), 0, 0)))  # BrtColInfo
            isi.append(rekaman(0x187))
        isi.append(rekaman(0x91))                                                         # BrtBeginSheetData
        for r in sorted(baris):
            isi.append(rekaman(0x00, struct.pack("<IIHHBBB", r - 1, 0, 0x0F, 0, 0, 0, 0)))  # BrtRowHdr
            isi.extend(baris[r])
        isi.append(rekaman(0x92))                                                         # BrtEndSheetData
        gabung = list(ws.merged_cells.ranges)
        if gabung:
            isi.append(rekaman(0xB1, struct.pack("<I", len(gabung))))                     # BrtBeginMergeCells
            for g in gabung:
                isi.append(rekaman(0xB0, struct.pack("<IIII", g.min_row - 1, g.max_row - 1,
                                                     g.min_col - 1, g.max_col - 1)))      # BrtMergeCell
            isi.append(rekaman(0xB2))
        isi.append(rekaman(0x82))                                                         # BrtEndSheet
        lembar_bin.append(b"".join(isi))

    gaya_bin = [rekaman(0x116),                                                           # BrtBeginStyleSheet
                rekaman(0x267, struct.pack("<I", len(format_)))]                          # BrtBeginFmts
    for kode, fid in format_.items():
        gaya_bin.append(rekaman(0x2C, struct.pack("<H", fid) + _wide(kode)))              # BrtFmt
    gaya_bin.append(rekaman(0x268))
    gaya_bin.append(rekaman(0x269, struct.pack("<I", len(xf))))                          # BrtBeginCellXFs
    for fid in xf:
        gaya_bin.append(rekaman(0x2F, struct.pack("<HHHHHBBBB", 0, fid, 0, 0, 0, 0, 0, 0, 0)
                                + b"\x00" * 6))                                           # BrtXF
    gaya_bin.append(rekaman(0x26A))
    gaya_bin.append(rekaman(0x117))

    sst = [rekaman(0x9F, struct.pack("<II", len(teks), len(teks)))]                       # BrtBeginSst
    for s in teks:
        sst.append(rekaman(0x13, b"\x00" + _wide(s)))                                     # BrtSSTItem
    sst.append(rekaman(0xA0))

    buku = [rekaman(0x83), rekaman(0x8F)]                                                  # BrtBeginBook, Bundles
    for i, ws in enumerate(wb.worksheets, start=1):
        buku.append(rekaman(0x9C, struct.pack("<II", 0, i) + _wide(f"rId{i}") + _wide(ws.title)))  # BrtBundleSh
    buku += [rekaman(0x90), rekaman(0x9D, b"\x00" * 30), rekaman(0x84)]                   # EndBundle, CalcProp

    n = len(wb.worksheets)
    rels = [_REL.format(id=f"rId{i}", t="worksheet", tg=f"worksheets/sheet{i}.bin") for i in range(1, n + 1)]
    rels.append(_REL.format(id=f"rId{n + 1}", t="styles", tg="styles.bin"))
    rels.append(_REL.format(id=f"rId{n + 2}", t="sharedStrings", tg="sharedStrings.bin"))
    over = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.bin" ContentType="application/'
                   f'vnd.ms-excel.worksheet"/>' for i in range(1, n + 1))
    with zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT.format(over=over))
        z.writestr("_rels/.rels", _RELS.format(isi=_REL.format(id="rId1", t="officeDocument", tg="xl/workbook.bin")))
        z.writestr("xl/workbook.bin", b"".join(buku))
        z.writestr("xl/_rels/workbook.bin.rels", _RELS.format(isi="".join(rels)))
        z.writestr("xl/styles.bin", b"".join(gaya_bin))
        z.writestr("xl/sharedStrings.bin", b"".join(sst))
        for i, b in enumerate(lembar_bin, start=1):
            z.writestr(f"xl/worksheets/sheet{i}.bin", b)
    return tujuan
