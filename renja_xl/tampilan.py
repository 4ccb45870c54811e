"""Copy sheet views (frozen header rows, zoom) from one .xlsx to another with the same sheets.

LibreOffice headless has no window, so a workbook it saves (``buat --hitung``) loses its frozen panes.
The views are plain XML (``<sheetViews>``) in each sheet part; this puts the generator's back, byte for
byte, without touching the cached values LibreOffice computed (openpyxl would drop them on save).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

__all__ = ["salin_tampilan"]

_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
_VIEWS = re.compile(rb"<sheetViews>.*?</sheetViews>|<sheetViews\s*/>", re.S)


def _bagian_lembar(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> part name inside the package (through workbook.xml and its relationships)."""
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target", "") for r in rels.findall("p:Relationship", _NS)}
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    hasil = {}
    for s in wb.findall("m:sheets/m:sheet", _NS):
        t = target.get(s.get(f"{{{_NS['r']}}}id") or "", "")
        hasil[s.get("name") or ""] = t.lstrip("/") if t.startswith("/") else posixpath.normpath(f"xl/{t}")
    return hasil


def salin_tampilan(asal: Path, tujuan: Path, hasil: Path) -> None:
    """Write ``hasil``: ``tujuan`` with the ``<sheetViews>`` of ``asal`` for every sheet both have."""
    with zipfile.ZipFile(asal) as za:
        tampilan = {}
        for nama, bagian in _bagian_lembar(za).items():
            m = _VIEWS.search(za.read(bagian))
            if m:
                tampilan[nama] = m.group(0)
    with zipfile.ZipFile(tujuan) as zt, zipfile.ZipFile(hasil, "w", zipfile.ZIP_DEFLATED) as zh:
        per_bagian = {b: tampilan[n] for n, b in _bagian_lembar(zt).items() if n in tampilan}
        for info in zt.infolist():
            data = zt.read(info)
            if info.filename in per_bagian:
                data, n = _VIEWS.subn(lambda _m: per_bagian[info.filename], data, count=1)
            zh.writestr(info, data)
