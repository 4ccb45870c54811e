"""What Excel on Windows sees in a generated workbook and LibreOffice forgives.

No circular references: Excel decides circularity from the references of a formula, not from its criteria,
so every formula of every generated workbook is parsed and its cell dependency graph must have no
self-reference and no cycle — on the small test book (every form), the example (both E.81 layouts) and a
2,000-row master.
"""

from __future__ import annotations

from openpyxl import Workbook

from buku_excel import buku_contoh, buku_master
from graf_rumus import bangun, laporan, nama, rujukan


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
