"""Save a generated workbook with every formula's cached value, as Excel itself saves one.

openpyxl writes a formula cell with an empty ``<v/>``: a viewer without a calculation engine (Protected
View, an e-mail or phone preview) then shows blanks for every derived number and empty charts. The values
the core computed (``hitung.Hitungan``) are put into the saved package: each ``<c>`` holding an ``<f>`` gets
its ``<v>`` and, for text, ``t="str"`` (``b`` for a boolean). The workbook still recalculates on open
(``fullCalcOnLoad``), so Excel never shows a stale number.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

from openpyxl.utils import column_index_from_string
from openpyxl.workbook.workbook import Workbook

from renja_xl.generator.hitung import TAK_DIKETAHUI, hitungan

__all__ = ["ke_bytes", "simpan", "isi_nilai"]

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# what openpyxl writes for a formula cell: <c r="G10" s="5"><f>…</f><v/></c> (no t attribute)
_SEL_RUMUS = re.compile(rb'<c r="([A-Z]{1,3})([0-9]+)"([^>]*)><f>([^<]*)</f>(?:<v\s*/>|<v>[^<]*</v>)?</c>')


def _bagian_lembar(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title -> part name, from the workbook and its relationships."""
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_NS_PKG}Relationship")}
    hasil = {}
    for s in wb.iter(f"{_NS_MAIN}sheet"):
        t = target.get(s.get(f"{_NS_REL}id"), "")
        hasil[s.get("name", "")] = t.lstrip("/") if t.startswith("/") else posixpath.normpath(f"xl/{t}")
    return hasil


def _teks_angka(v: float) -> bytes:
    if v.is_integer() and abs(v) < 1e15:
        return str(int(v)).encode()
    return repr(v).encode()


def _isi_lembar(xml: bytes, nilai: dict[tuple[int, int], object]) -> bytes:
    kolom: dict[bytes, int] = {}

    def ganti(m: re.Match[bytes]) -> bytes:
        huruf = m.group(1)
        c = kolom.get(huruf)
        if c is None:
            c = kolom[huruf] = column_index_from_string(huruf.decode())
        v = nilai.get((int(m.group(2)), c), TAK_DIKETAHUI)
        if v is TAK_DIKETAHUI or v is None:
            return m.group(0)
        awal = b'<c r="' + huruf + m.group(2) + b'"' + m.group(3)
        f = b"><f>" + m.group(4) + b"</f>"
        if isinstance(v, bool):
            return awal + b' t="b"' + f + (b"<v>1</v></c>" if v else b"<v>0</v></c>")
        if isinstance(v, (int, float)):
            return awal + f + b"<v>" + _teks_angka(float(v)) + b"</v></c>"
        return awal + b' t="str"' + f + b"<v>" + escape(str(v)).encode("utf-8") + b"</v></c>"

    return _SEL_RUMUS.sub(ganti, xml)


def isi_nilai(data: bytes, nilai: dict[str, dict[tuple[int, int], object]]) -> bytes:
    """A saved package with the cached values of its formula cells filled in (``nilai``: per sheet title,
    (row, column) -> value; ``TAK_DIKETAHUI`` cells are left without a value)."""
    masuk = zipfile.ZipFile(io.BytesIO(data))
    bagian = {b: nilai[judul] for judul, b in _bagian_lembar(masuk).items() if nilai.get(judul)}
    keluar_buf = io.BytesIO()
    with zipfile.ZipFile(keluar_buf, "w", zipfile.ZIP_DEFLATED) as keluar:
        for info in masuk.infolist():
            isi = masuk.read(info)
            if info.filename in bagian:
                isi = _isi_lembar(isi, bagian[info.filename])
            keluar.writestr(info, isi, compress_type=info.compress_type)
    return keluar_buf.getvalue()


def ke_bytes(wb: Workbook) -> bytes:
    """The workbook as .xlsx bytes with the core's value cached in every formula cell it knows."""
    buf = io.BytesIO()
    wb.save(buf)
    return isi_nilai(buf.getvalue(), hitungan(wb).nilai())


def simpan(wb: Workbook, path: str | os.PathLike[str], *, timpa: bool = False, sumber: Path | None = None) -> Path:
    """Write ``wb`` atomically (``buku.simpan_bytes_atomik``) with its cached values."""
    from renja_xl.buku import simpan_bytes_atomik

    return simpan_bytes_atomik(ke_bytes(wb), path, timpa=timpa, sumber=sumber)
