"""Write a generated workbook's self-description (format: ``renja_xl.meta``): the very hidden ``_renja_xl``
sheet with one row per generated form row, and the custom document properties naming the format, the
renja-xl version and the Data Induk file. The checker reads it back with ``meta.dari_baris`` instead of
guessing each indicator's type from its unit and name."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from openpyxl.packaging.custom import StringProperty
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from renja_xl import __version__, meta
from renja_xl.buku import _PEMICU_FORMULA, tulis_teks
from renja_xl.data_induk import BarisIndikator, NodePohon
from renja_xl.generator.templat import BarisKeluar

__all__ = ["baris_meta", "tulis_meta"]


def baris_meta(lembar: str, awal: int, baris: Sequence[BarisKeluar]) -> list[meta.BarisMeta]:
    """One ``BarisMeta`` per output row of a form sheet whose body starts at sheet row ``awal``."""
    hasil = []
    for i, bk in enumerate(baris):
        b = bk.konteks.get("baris")
        n = bk.konteks.get("node")
        kode, urut = "", None
        if isinstance(n, NodePohon):
            kode = n.kode
            if bk.id and "#" in bk.id:
                urut = int(bk.id.rsplit("#", 1)[1])
        elif bk.id and ":" in bk.id:              # rata:<program>, predikat:<program>
            kode = bk.id.split(":", 1)[1]
        if isinstance(b, BarisIndikator):
            hasil.append(meta.BarisMeta(lembar, awal + i, bk.jenis, kode, urut, b.jenis, b.baris, b.satuan,
                                        b.indikator))
        else:
            hasil.append(meta.BarisMeta(lembar, awal + i, bk.jenis, kode, urut))
    return hasil


def tulis_meta(wb: Workbook, isi: Iterable[meta.BarisMeta], data_induk: str = "") -> Worksheet:
    """Add the very hidden sheet (last, so a visible sheet stays active) and the document properties."""
    ws = wb.create_sheet(meta.LEMBAR_META)
    ws.sheet_state = "veryHidden"
    for r, baris in enumerate(meta.ke_baris(isi), start=1):
        # appended whole (a master has ten thousand rows); text that Excel would take for a formula
        # ('=', '+', '-', '@' first) goes through tulis_teks
        rumit = [c for c, v in enumerate(baris) if isinstance(v, str) and v and (v.startswith(_PEMICU_FORMULA) or not v.isprintable())]
        ws.append([None if c in rumit or v == "" else v for c, v in enumerate(baris)])
        for c in rumit:
            tulis_teks(ws.cell(r, c + 1), baris[c])  # type: ignore[arg-type]
    props = wb.custom_doc_props
    for nama, nilai in ((meta.PROP_FORMAT, meta.FORMAT), (meta.PROP_VERSI, __version__),
                        (meta.PROP_DATA_INDUK, data_induk)):
        if nama in props.names:
            del props[nama]
        props.append(StringProperty(name=nama, value=nilai))
    return ws
