"""What Excel on Windows sees in a generated workbook and LibreOffice forgives.

No circular references: Excel decides circularity from the references of a formula, not from its criteria,
so every formula of every generated workbook is parsed and its cell dependency graph must have no
self-reference and no cycle — on the small test book (every form), the example (both E.81 layouts) and a
2,000-row master. And the rest of what Excel reads differently from LibreOffice: conditional-format colours,
chart axes and categories, data validation ranges.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree as ET

from openpyxl import Workbook
from openpyxl.utils import range_boundaries

from renja_xl.generator import ke_bytes

from buku_excel import buku_contoh, buku_master
from graf_rumus import bangun, laporan, nama, rujukan

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


# ------------------------------------------------------------------------------------------------ the check itself

def test_graf_menemukan_rujukan_diri_dan_siklus() -> None:
    """The check can fail: a roll-up over its own row, a two-cell cycle across sheets, a clean chain."""
    wb = Workbook()
    a = wb.active
    a.title = "E.81 TW I"
    b = wb.create_sheet("Ring'kasan")
    a["G10"] = '=SUMIFS(G10:G22,$A$10:$A$22,"KEG")'
    a["G11"] = 5
    a["H10"] = "='Ring''kasan'!C5*2"
    b["C5"] = "=SUM('E.81 TW I'!H10,1)"
    a["J10"] = "=K10+1"
    a["K10"] = '=IF(ISNUMBER(L10),L10,"")'
    g = bangun(wb)
    assert [nama(s) for s in g.rujuk_diri()] == ["'E.81 TW I'!G10"]
    siklus = g.siklus()
    assert len(siklus) == 1 and sorted(nama(s) for s in siklus[0]) == ["'E.81 TW I'!H10", "'Ring'kasan'!C5"]
    teks = laporan(g)
    assert "'E.81 TW I'!G10 = =SUMIFS(G10:G22" in teks and "siklus 2 sel" in teks


def test_rujukan_lembar_lain_dan_rentang() -> None:
    assert rujukan("=IF(ISNUMBER(X23),VLOOKUP(MAX(X23,'Skala Predikat'!$A$2),'Skala Predikat'!$A$2:$B$6,2,TRUE),\"\")") \
        == [(None, 24, 23, 24, 23), (None, 24, 23, 24, 23), ("Skala Predikat", 1, 2, 1, 2),
            ("Skala Predikat", 1, 2, 2, 6)]
    assert rujukan('=COUNTIF($F$30:$F$12,"A1")') == [(None, 6, 12, 6, 30)]       # text is not a reference
    assert rujukan("='E.81 TW I'!P20") == [("E.81 TW I", 16, 20, 16, 20)]


# ------------------------------------------------------------------------------------------------ generated books

def test_buku_contoh_tanpa_rujukan_melingkar() -> None:
    kasus = buku_contoh()
    assert len(kasus) == 9
    for nama_kasus, wb in kasus.items():
        g = bangun(wb)
        assert len(g.sel) >= 10, nama_kasus
        assert not g.rujuk_diri() and not g.siklus(), f"{nama_kasus}:\n{laporan(g)}"


def test_master_2000_baris_tanpa_rujukan_melingkar() -> None:
    g = bangun(buku_master())
    assert len(g.sel) > 50_000
    assert not g.rujuk_diri() and not g.siklus(), laporan(g)


# ------------------------------------------------------------------------------------------------ what Excel draws

def _paket(wb: Workbook) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(ke_bytes(wb)))


def test_warna_predikat_dxf_memakai_bgcolor() -> None:
    """Excel takes a conditional format's solid colour from bgColor: every dxf fill gives it."""
    for nama, wb in (("contoh", buku_contoh()["contoh-semua-e81-renja"]),):
        styles = ET.fromstring(_paket(wb).read("xl/styles.xml"))
        isian = [pf for dxf in styles.iter(f"{_NS}dxf") for pf in dxf.iter(f"{_NS}patternFill")]
        assert len(isian) >= 5, nama
        for pf in isian:
            bg = pf.find(f"{_NS}bgColor")
            assert bg is not None and bg.get("rgb"), (nama, ET.tostring(pf))
            assert pf.get("patternType") == "solid"


def test_grafik_sumbu_tampak_kategori_teks_mulai_nol() -> None:
    z = _paket(buku_contoh()["contoh-semua-e81"])
    grafik = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(grafik) == 2
    for n in grafik:
        x = ET.fromstring(z.read(n))
        sumbu = list(x.iter(f"{_C}catAx")) + list(x.iter(f"{_C}valAx"))
        assert len(sumbu) == 2, n
        for ax in sumbu:
            d = ax.find(f"{_C}delete")
            assert d is not None and d.get("val") == "0", (n, ax.tag)
        for ser in x.iter(f"{_C}ser"):
            cat = ser.find(f"{_C}cat")
            assert cat is not None and cat.find(f"{_C}strRef") is not None and cat.find(f"{_C}numRef") is None, n
        for ax in x.iter(f"{_C}valAx"):
            m = ax.find(f"{_C}scaling/{_C}min")
            assert m is not None and float(m.get("val", "nan")) == 0.0, n


def test_validasi_hanya_sel_masukan_dan_persegi() -> None:
    """No "numbers only" rule on a formula cell; each rule's ranges are maximal rectangles."""
    for nama, wb in buku_contoh().items():
        for ws in wb.worksheets:
            for dv in ws.data_validations.dataValidation:
                kotak = [range_boundaries(cr) for cr in str(dv.sqref).split()]
                sel = [(r, c) for c1, r1, c2, r2 in kotak for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]
                rumus = [f"{ws.cell(r, c).coordinate}" for r, c in sel if ws.cell(r, c).data_type == "f"]
                assert not rumus, (nama, ws.title, rumus[:5])
                assert len(set(sel)) == len(sel), (nama, ws.title)
                for a in kotak:           # no two rectangles that one rectangle could hold
                    for b in kotak:
                        bawah = a[0] == b[0] and a[2] == b[2] and a[3] + 1 == b[1]
                        kanan = a[1] == b[1] and a[3] == b[3] and a[2] + 1 == b[0]
                        assert not (bawah or kanan), (nama, ws.title, a, b)
                if ws.title == "Rencana Aksi":
                    assert len(kotak) < len(sel)
