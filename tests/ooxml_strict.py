"""Make a "Strict Open XML Spreadsheet" from a transitional .xlsx, as Excel's Save As > Strict writes it.

The table below is written out by hand from ECMA-376 (Part 1 Strict vs Part 4 Transitional names), on
purpose independent of ``renja_xl.buku``'s mapping, so a wrong entry there is caught rather than mirrored.
Excel also marks the workbook ``conformance="strict"``; OPC (rels, content types, core properties) keeps its
names in both.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

_T = "http://schemas.openxmlformats.org/"
_S = "http://purl.oclc.org/ooxml/"

# longest first, so a relationship type is rewritten before its namespace prefix
KE_STRICT: list[tuple[str, str]] = [
    (_T + "officeDocument/2006/relationships/extended-properties",
     _S + "officeDocument/relationships/extendedProperties"),
    (_T + "officeDocument/2006/relationships/custom-properties",
     _S + "officeDocument/relationships/customProperties"),
    (_T + "officeDocument/2006/relationships", _S + "officeDocument/relationships"),
    (_T + "officeDocument/2006/extended-properties", _S + "officeDocument/extendedProperties"),
    (_T + "officeDocument/2006/custom-properties", _S + "officeDocument/customProperties"),
    (_T + "officeDocument/2006/docPropsVTypes", _S + "officeDocument/docPropsVTypes"),
    (_T + "officeDocument/2006/sharedTypes", _S + "officeDocument/sharedTypes"),
    (_T + "spreadsheetml/2006/main", _S + "spreadsheetml/main"),
    (_T + "drawingml/2006/main", _S + "drawingml/main"),
    (_T + "drawingml/2006/chart", _S + "drawingml/chart"),
    (_T + "drawingml/2006/spreadsheetDrawing", _S + "drawingml/spreadsheetDrawing"),
    (_T + "drawingml/2006/picture", _S + "drawingml/picture"),
]


def ke_strict(sumber: Path, tujuan: Path) -> Path:
    """Copy ``sumber`` to ``tujuan`` with every XML part in the Strict namespaces."""
    with zipfile.ZipFile(sumber) as zin, zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.endswith((".xml", ".rels", ".vml")):
                teks = data.decode("utf-8")
                for lama, baru in KE_STRICT:
                    teks = teks.replace(lama, baru)
                if info.filename == "xl/workbook.xml":
                    teks = teks.replace("<workbook ", '<workbook conformance="strict" ', 1)
                data = teks.encode("utf-8")
            zout.writestr(info, data)
    return tujuan
