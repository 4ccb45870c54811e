"""The checker's one-pass XML reader gives exactly the cells openpyxl gives (formulas, cached values,
number formats, merged ranges), on generated, LibreOffice-saved, seed-replica and hand-written workbooks;
what it does not handle falls back to openpyxl instead of being read differently."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from renja_xl import buku
from renja_xl.periksa import baca_grid, grid_openpyxl, grid_xml, periksa_berkas
from renja_xl.periksa.baca_xml import TidakDidukung, baca_buku
from renja_xl.periksa.deteksi import Grid


def _lewat_openpyxl(path: Path) -> list[Grid]:
    return grid_openpyxl(buku.periksa_berkas(path))


def _lewat_xml(path: Path) -> list[Grid]:
    return grid_xml(buku.periksa_berkas(path))


def _teks_sama_dengan(a: object, b: object) -> bool:
    """The one deliberate difference: a *text* cell starting with '=' is text in Excel; openpyxl's formula
    load takes it for a formula. The XML reader keeps it as text (no formula)."""
    return (a is not None and b is not None and a.rumus is None and isinstance(a.nilai, str)
            and a.nilai.startswith("=") and b.rumus == a.nilai and b.nilai == a.nilai and a.format == b.format)


def _sama(path: Path) -> list[Grid]:
    a, b = _lewat_xml(path), _lewat_openpyxl(path)
    assert [g.nama for g in a] == [g.nama for g in b]
    for ga, gb in zip(a, b):
        beda = [(k, ga.sel.get(k), gb.sel.get(k)) for k in set(ga.sel) | set(gb.sel)
                if ga.sel.get(k) != gb.sel.get(k) and not _teks_sama_dengan(ga.sel.get(k), gb.sel.get(k))]
        assert not beda, (ga.nama, sorted(beda, key=lambda x: x[0])[:5])
        assert ga.gabung == gb.gabung, ga.nama
    return a


def test_buku_generator_dan_libreoffice(tmp_path: Path, libreoffice: None) -> None:
    from renja_xl.contoh import tulis_contoh
    from renja_xl.generator import buat_semua
    from renja_xl.libreoffice import hitung_ulang

    gen = buat_semua(tulis_contoh(tmp_path / "induk.xlsx"), tmp_path / "formulir.xlsx")
    lo = tmp_path / "lo.xlsx"
    hitung_ulang([gen], simpan_ke=[lo])
    g = _sama(gen)
    assert sum(1 for x in g for s in x.sel.values() if s.rumus) > 500
    g = _sama(lo)   # LibreOffice wrote cached values: they are read, not just formulas
    dengan_nilai = [s for x in g for s in x.sel.values() if s.rumus and s.nilai is not None]
    assert len(dengan_nilai) > 500
    assert any(x.gabung for x in g)


@pytest.mark.parametrize("pembuat", ["pontianak_e81", "malang_e81", "kalbar_tabel21", "semarang_tabel21"])
def test_tabel_seed(tmp_path: Path, pembuat: str) -> None:
    from renja_xl import contoh_tabel

    p = tmp_path / f"{pembuat}.xlsx"
    getattr(contoh_tabel, pembuat)(p)
    assert any(g.sel for g in _sama(p))


# ---- a workbook written by hand: the XML features Excel and other tools use that openpyxl never writes

_CT = b"""<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""
_RELS = b"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
_WB_RELS = b"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
_WB = """<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<x:workbookPr {pr}/>
<x:sheets><x:sheet name="E.81 TW I" sheetId="1" r:id="rId1"/><x:sheet name="Lain" sheetId="2" r:id="rId2"/></x:sheets>
</x:workbook>"""
_STYLES = b"""<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="0.00&quot;%&quot;"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts>
<fonts count="1"><font/></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0" xfId="0"/><xf numFmtId="164" xfId="0"/><xf numFmtId="165" xfId="0"/>
<xf numFmtId="4" xfId="0"/><xf numFmtId="10" xfId="0"/></cellXfs>
</styleSheet>"""
_SS = """<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<si><t>Kode</t></si>
<si><r><t>Program </t></r><r><rPr><b/></rPr><t xml:space="preserve">Penunjang  </t></r><rPh sb="0" eb="1"><t>ph</t></rPh></si>
<si><t>2.17.01.2.01.0001</t></si>
<si><t>a_x005F_x000D_b</t></si>
</sst>"""
_SHEET1 = """<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Teks </t><r><t>sebaris</t></r></is></c></row>
<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>10</v></c><c r="C2"><v>2.5</v></c>
 <c r="D2" s="1"><f t="shared" ref="D2:D4" si="0">B2/C2</f><v>4</v></c><c r="E2" t="b"><v>1</v></c>
 <c r="F2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G2" s="2"><v>45292</v></c><c r="H2" t="str"><f>A2&amp;"x"</f><v>2.17.01.2.01.0001x</v></c></row>
<row r="3"><c r="B3"><v>1E-3</v></c><c r="C3" s="3"><v>1234567.891</v></c><c r="D3" s="1"><f t="shared" si="0"/><v>0.5</v></c>
 <c r="E3" s="4"><f t="array" ref="E3">SUM(B2:B3*C2:C3)</f><v>25.0012</v></c><c r="F3" t="s"><v>3</v></c></row>
<row><c><v>7</v></c><c t="s"><v>0</v></c><c s="1"><f>A4*2</f></c><c r="D4" s="1"><f t="shared" si="0"/><v>7</v></c></row>
<row r="6"><c r="A6"/><c r="B6" t="s"><v></v></c><c r="C6"><f></f></c></row>
</sheetData>
<mergeCells count="2"><mergeCell ref="A1:A2"/><mergeCell ref="B1:C1"/></mergeCells>
</worksheet>"""
_SHEET2 = """<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="d"><v>2026-01-31T00:00:00</v></c><c r="B1"><v>3</v></c></row></sheetData></worksheet>"""


def _buku_tangan(path: Path, pr: str = "", sheet1: str = _SHEET1) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WB.format(pr=pr))
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        z.writestr("xl/styles.xml", _STYLES)
        z.writestr("xl/sharedStrings.xml", _SS)
        z.writestr("xl/worksheets/sheet1.xml", sheet1)
        z.writestr("xl/worksheets/sheet2.xml", _SHEET2)
    return path


@pytest.mark.parametrize("pr", ["", 'date1904="1"'])
def test_buku_tulisan_tangan(tmp_path: Path, pr: str) -> None:
    g = _sama(_buku_tangan(tmp_path / "tangan.xlsx", pr))
    s = g[0].sel
    assert [x.nama for x in g] == ["E.81 TW I", "Lain"]           # workbook order, not relationship order
    assert s[(1, 2)].nilai == "Program Penunjang  "               # runs joined, phonetic text left out
    assert (1, 3) not in s and (2, 1) not in s                    # hidden under merges, as Excel shows it
    assert s[(3, 4)].rumus == "=B3/C3" and s[(4, 4)].rumus == "=B4/C4"   # shared formula translated
    assert s[(3, 4)].nilai == 0.5 and s[(3, 4)].format == '0.00"%"'
    assert s[(2, 6)] == s[(2, 6)].__class__("#DIV/0!", "=1/0", "General")
    assert s[(2, 5)].nilai is True and s[(3, 2)].nilai == 0.001
    assert s[(3, 5)].rumus == "=SUM(B2:B3*C2:C3)"
    assert s[(4, 1)].nilai == 7 and s[(4, 3)].rumus == "=A4*2" and s[(4, 3)].nilai is None
    assert s[(6, 3)].rumus == "=" and (6, 2) not in s and (6, 1) not in s
    assert isinstance(s[(2, 7)].nilai, dt.datetime)
    assert s[(2, 7)].nilai.year == (2028 if pr else 2024)
    assert s[(3, 6)].nilai == "a_x000D_b"                         # openpyxl strips the escape of the escape
    assert g[0].gabung[(2, 1)] == (1, 1) and g[0].gabung[(1, 3)] == (1, 2)


def test_yang_tidak_didukung_dibaca_openpyxl(tmp_path: Path) -> None:
    """A data-table formula is not handled by the one-pass reader: the checker reads the file with openpyxl."""
    p = _buku_tangan(tmp_path / "tabel_data.xlsx",
                     sheet1=_SHEET1.replace('<f t="array" ref="E3">SUM(B2:B3*C2:C3)</f>',
                                            '<f t="dataTable" ref="E3" dt2D="0" dtr="0" r1="B2"/>'))
    with pytest.raises(TidakDidukung):
        baca_buku(buku.sumber_aman(buku.periksa_berkas(p)))
    g = baca_grid(p)
    assert g[0].sel[(2, 2)].nilai == 10
    assert g[0].sel[(3, 5)].rumus is not None
    periksa_berkas(p)   # and the whole check runs


def test_sel_di_luar_dimensi_tetap_dibaca(tmp_path: Path) -> None:
    """A wrong <dimension> (declared smaller than the data) does not hide cached values from the checker."""
    p = _buku_tangan(tmp_path / "dimensi.xlsx",
                     sheet1=_SHEET1.replace("<sheetData>", '<dimension ref="A1:B2"/><sheetData>'))
    g = baca_grid(p)
    assert g[0].sel[(3, 4)].nilai == 0.5


@pytest.mark.parametrize("pembuat", ["buku_valid", "dimensi_raksasa", "sel_bergaya_terjauh", "sel_gabung_header",
                                     "formula_ref", "sel_berbahaya", "teks_panjang", "kode_angka"])
def test_korpus_yang_terbuka(tmp_path: Path, pembuat: str) -> None:
    """The odd-but-valid workbooks of the robustness corpus read the same through both readers."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    import korpus_rusak

    g = _sama(getattr(korpus_rusak, pembuat)(tmp_path))
    if pembuat == "sel_berbahaya":
        teks_rumus = [x for x in g[0].sel.values() if isinstance(x.nilai, str) and x.nilai.startswith("=")]
        assert teks_rumus and all(x.rumus is None for x in teks_rumus)


# ---- the regular-expression fast path gives exactly what the expat handlers give, or leaves the sheet to them

_POLOS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:H5"/>
<sheetData><row r="1" spans="1:8"><c r="A1" s="1" t="inlineStr"><is><t>Kode &amp; &lt;nama&gt; &#39;x&#x41;</t></is></c>\
<c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve"> spasi </t></is></c>\
<c r="D1" t="inlineStr"><is><t></t></is></c><c r="E1" t="inlineStr"></c><c r="F1" s="2" t="n" /><c r="G1" s="3"/></row>
<row r="2"><c r="A2"><v>10</v></c><c r="B2" s="4"><v>0.125</v></c><c r="C2" s="1"><f>A2&amp;"x"</f><v /></c>\
<c r="D2" s="1"><f t="shared" ref="D2:D4" si="0">A2/B2</f><v>80</v></c><c r="E2" t="b"><v>0</v></c>\
<c r="F2" t="e"><f aca="false">1/0</f><v>#DIV/0!</v></c><c r="G2" s="2"><v>45292</v></c>\
<c r="H2" t="str"><f>A2&amp;""</f><v>10</v></c></row>
<row r="3"><c r="A3"><v>1E-3</v></c><c r="D3" s="1"><f t="shared" si="0"/><v>0.5</v></c><c r="E3"><f/></c>\
<c r="F3"><v></v></c><c r="G3" t="inlineStr"><v>9</v></c><c r="H3" t="d"><v>2026-01-31T00:00:00</v></c></row>
<row r="4">
  <c r="A4">
    <v>7</v>
  </c>
  <c r="D4" s="1"><f t="shared" si="0"/><v>7</v></c></row>
<row r="5"><c r="A5" s="3"><f t="array" ref="A5">SUM(A2:A3*B2:B3)</f><v>1.25</v></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="G2:H2"/></mergeCells><pageMargins left="0.7"/>
</worksheet>"""

# what the fast path must leave to expat: (name, change to the plain sheet)
_BUKAN_POLOS = [
    ("crlf", lambda s: s.replace("\n", "\r\n")),
    ("komentar", lambda s: s.replace("<sheetData>", "<!-- x --><sheetData>")),
    ("cdata", lambda s: s.replace("<v>10</v>", "<v><![CDATA[10]]></v>")),
    ("awalan", lambda s: s.replace("<worksheet xmlns=", "<x:worksheet xmlns:x=").replace("</worksheet>",
                                                                                          "</x:worksheet>")),
    ("sel_tanpa_alamat", lambda s: s.replace('<c r="A2">', "<c>")),
    ("urutan_atribut", lambda s: s.replace('<c r="B2" s="4">', '<c s="4" r="B2">')),
    ("kutip_tunggal", lambda s: s.replace('<c r="A2">', "<c r='A2'>")),
    ("teks_kaya", lambda s: s.replace("<is><t xml:space=\"preserve\"> spasi </t></is>",
                                      "<is><r><t>a</t></r><r><rPr><b/></rPr><t>b</t></r></is>")),
    ("fonetik", lambda s: s.replace("<t></t></is>", "<t>a</t><rPh sb=\"0\" eb=\"1\"><t>b</t></rPh></is>")),
    ("ruang_nama_baris", lambda s: s.replace('<row r="2">', '<row r="2" xmlns="urn:lain">')),
    ("ruang_nama_sel", lambda s: s.replace('<c r="A2">', '<c r="A2" xmlns="urn:lain">')),
    ("latin1", lambda s: s.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')),
    ("ekstensi_sel", lambda s: s.replace("<v>0.125</v>", "<v>0.125</v><extLst><ext uri=\"x\"/></extLst>")),
    ("dua_nilai", lambda s: s.replace("<v>0.125</v>", "<v>0.125</v><v>3</v>")),
    ("entitas_tak_dikenal", lambda s: s.replace("&amp; &lt;", "&nbsp;")),
    ("gaya_di_luar", lambda s: s.replace('<c r="F1" s="2" t="n" />', '<c r="F1" s="99" t="n" />')),
    ("spasi_dalam_nilai", lambda s: s.replace("<v>10</v>", "<v> </v>")),
]


def _baca_dua_jalan(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object, list[bool]]:
    from renja_xl.periksa import baca_xml

    asli = baca_xml._lembar_cepat
    dipakai: list[bool] = []

    def catat(h: object, data: bytes) -> bool:
        dipakai.append(asli(h, data))  # type: ignore[arg-type]
        return dipakai[-1]

    def baca() -> object:
        try:
            return [(x.nama, list(x.sel.items()), x.gabung) for x in baca_buku(buku.sumber_aman(buku.periksa_berkas(path)))]
        except TidakDidukung:
            return "TidakDidukung"

    monkeypatch.setattr(baca_xml, "_lembar_cepat", catat)
    cepat = baca()
    monkeypatch.setattr(baca_xml, "_lembar_cepat", lambda h, data: False)
    return cepat, baca(), dipakai


def test_jalan_cepat_sama_dengan_expat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cepat, expat, dipakai = _baca_dua_jalan(_buku_tangan(tmp_path / "polos.xlsx", sheet1=_POLOS), monkeypatch)
    assert dipakai == [True, True]          # both sheets were plain enough for the fast path
    assert cepat == expat
    sel = dict(cepat[0][1])  # type: ignore[index]
    assert sel[(1, 1)][0] == "Kode & <nama> 'xA" and sel[(1, 3)][0] == " spasi " and sel[(1, 4)][0] == ""
    assert sel[(3, 4)][1] == "=A3/B3" and sel[(2, 3)][1] == '=A2&"x"' and sel[(3, 5)][1] == "="
    assert (1, 6) not in sel and (1, 5) not in sel and sel[(4, 1)][0] == 7 and (2, 8) not in sel
    _sama(tmp_path / "polos.xlsx")          # and openpyxl agrees


@pytest.mark.parametrize("nama,ubah", _BUKAN_POLOS, ids=[n for n, _u in _BUKAN_POLOS])
def test_jalan_cepat_menyerahkan_yang_tidak_polos(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nama: str,
                                                   ubah) -> None:
    p = _buku_tangan(tmp_path / f"{nama}.xlsx", sheet1=ubah(_POLOS))
    cepat, expat, dipakai = _baca_dua_jalan(p, monkeypatch)
    assert cepat == expat
    assert not dipakai or dipakai[0] is False, nama
