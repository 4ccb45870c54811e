"""The row-expansion engine on small templates built here: slots, jinja text, styles, heights, merged
cells, static SUM ranges, conditional formatting, data validation, print area, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from renja_xl.galat import GalatPengguna
from renja_xl.generator.templat import BarisKeluar, Rumus, cari_prototipe, geser_rumus, isi_lembar


def templat() -> Workbook:
    """Title (jinja), header row 3, prototypes rows 4-6 (a, b, total), a static footer below."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Uji"
    ws["B1"] = "Laporan {{ info.nama }} tahun {{ tahun }}"
    ws.merge_cells("B1:E1")
    ws["B3"], ws["C3"], ws["D3"], ws["E3"] = "Nama", "Nilai", "Dua kali", "Catatan"
    ws["A4"] = "{%row a%}"
    ws["B4"], ws["C4"], ws["D4"] = "{{ isi.nama }}", "{{ isi.nilai }}", "=C4*2"
    ws["E4"] = "baris {{ nomor }}"
    ws["C4"].fill = PatternFill("solid", fgColor="FFF2CC")
    ws.row_dimensions[4].height = 30
    ws.merge_cells("E5:F5")
    ws["A5"] = "{%row b%}"
    ws["B5"], ws["C5"] = "{{ isi.nama }}", "{{ isi.nilai }}"
    ws["B5"].font = Font(bold=True)
    ws["A6"] = "{%row total%}"
    ws["B6"], ws["C6"] = "Total", "{{ isi.nilai }}"
    ws["B8"] = "Jumlah statis"
    ws["C8"] = "=SUM(C4:C6)"
    ws["D8"] = "=C8+$C$1"
    ws["B9"] = "Disusun di {{ info.tempat }}"
    ws.merge_cells("B9:D9")
    ws.conditional_formatting.add("C5", CellIsRule(operator="greaterThan", formula=["10"],
                                                   fill=PatternFill("solid", fgColor="FF0000")))
    dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    ws.add_data_validation(dv)
    dv.add("C4")
    ws.print_area = "B1:E9"
    ws.print_title_rows = "3:3"
    return wb


def isi(wb: Workbook, baris: list[BarisKeluar]) -> tuple[dict[str, int], dict[str, str]]:
    return isi_lembar(wb.active, baris, {"info": {"nama": "OPD X", "tempat": "Pontianak"}, "tahun": 2022})


def contoh_baris() -> list[BarisKeluar]:
    return [
        BarisKeluar("a", {"nama": "satu", "nilai": 1}, {"nomor": 1}),
        BarisKeluar("b", {"nama": "dua", "nilai": 20}),
        BarisKeluar("a", {"nama": "=tiga", "nilai": 3}, {"nomor": 3}),
        BarisKeluar("b", {"nama": "empat", "nilai": 4}),
        BarisKeluar("total", {"nilai": Rumus(lambda c: f"=SUM({c.k('nilai')}{c.awal}:{c.k('nilai')}{c.r - 1})")},
                    id="total"),
    ]


def test_prototipe_ditemukan_dari_penanda() -> None:
    p = cari_prototipe(templat().active)
    assert p.baris == {"a": 4, "b": 5, "total": 6}
    assert p.kolom == {"nama": "B", "nilai": "C"}
    assert p.kolom_marker == 1


def test_baris_diperbanyak_dengan_gaya_dan_tinggi(tmp_path: Path) -> None:
    wb = templat()
    ids, kol = isi(wb, contoh_baris())
    ws = wb.active
    assert [ws.cell(r, 2).value for r in range(4, 9)] == ["satu", "dua", "=tiga", "empat", "Total"]
    assert ws["B6"].data_type == "s"                                        # text, never a formula
    assert [ws.cell(r, 1).value for r in range(4, 9)] == ["A", "B", "A", "B", "TOTAL"]
    assert ws["C4"].fill.fgColor.rgb == ws["C6"].fill.fgColor.rgb == "00FFF2CC"
    assert ws["B5"].font.bold and ws["B7"].font.bold and not ws["B4"].font.bold
    assert ws.row_dimensions[4].height == 30 and ws.row_dimensions[6].height == 30
    assert ws["D4"].value == "=C4*2" and ws["D6"].value == "=C6*2"          # prototype formulas translated
    assert ws["E4"].value == "baris 1" and ws["E6"].value == "baris 3"      # jinja per row
    assert ws["C8"].value == "=SUM(C4:C7)" and ids == {"total": 8} and kol["nilai"] == "C"


def test_bagian_bawah_bergeser_dan_rentang_ikut() -> None:
    wb = templat()
    isi(wb, contoh_baris())
    ws = wb.active
    # 3 prototype rows became 5: everything below moves down by 2
    assert ws["B10"].value == "Jumlah statis"
    assert ws["C10"].value == "=SUM(C4:C8)"          # the static SUM spans the whole expanded block
    assert ws["D10"].value == "=C10+$C$1"
    assert ws["B11"].value == "Disusun di Pontianak"
    merged = sorted(map(str, ws.merged_cells.ranges))
    assert merged == sorted(["B1:E1", "E5:F5", "E7:F7", "B11:D11"])
    assert ws["B1"].value == "Laporan OPD X tahun 2022"
    cf = {str(c.sqref) for c in ws.conditional_formatting}
    assert cf == {"C5 C7"}
    assert {str(d.sqref) for d in ws.data_validations.dataValidation} == {"C4 C6"}
    assert "$B$1:$E$11" in str(ws.print_area)
    assert ws.print_title_rows.replace("$", "") == "3:3"


def test_lebih_sedikit_baris_dari_prototipe() -> None:
    wb = templat()
    isi(wb, [BarisKeluar("total", {"nilai": 5})])
    ws = wb.active
    assert ws["C4"].value == 5
    assert ws["B6"].value == "Jumlah statis" and ws["C6"].value == "=SUM(C4:C4)"


def test_simpan_dan_buka_ulang(tmp_path: Path) -> None:
    wb = templat()
    isi(wb, contoh_baris())
    wb.save(tmp_path / "u.xlsx")
    ws = load_workbook(tmp_path / "u.xlsx").active
    assert ws["B6"].value == "=tiga" and ws["B6"].data_type == "s"
    assert ws["C8"].value == "=SUM(C4:C7)"


def test_galat_templat() -> None:
    wb = Workbook()
    with pytest.raises(GalatPengguna, match="prototipe"):
        isi_lembar(wb.active, [], {})
    wb = templat()
    with pytest.raises(GalatPengguna, match="'c'"):
        isi(wb, [BarisKeluar("c", {})])
    wb = templat()
    wb.active["B1"] = "{{ info.tidak_ada }}"
    with pytest.raises(GalatPengguna, match="B1"):
        isi(wb, contoh_baris())
    wb = templat()
    wb.active["A8"] = "{%row c%}"
    with pytest.raises(GalatPengguna, match="berurutan"):
        isi(wb, contoh_baris())


def test_rumus_kolom_hilang_jadi_galat() -> None:
    wb = templat()
    with pytest.raises(GalatPengguna, match="isi.tidak_ada"):
        isi(wb, [BarisKeluar("a", {"nilai": Rumus(lambda c: "=" + c.sel("tidak_ada"))})])


def test_jinja_dikurung_sandbox() -> None:
    wb = templat()
    wb.active["B1"] = "{{ ''.__class__.__mro__ }}"
    with pytest.raises(GalatPengguna):
        isi(wb, contoh_baris())


def test_geser_rumus_lintas_lembar_tidak_diubah() -> None:
    assert geser_rumus("=SUM(C4:C6)+'Lain'!C5+C9", 4, 6, 10, "Uji") == "=SUM(C4:C13)+'Lain'!C5+C16"
    assert geser_rumus("teks", 4, 6, 10, "Uji") == "teks"
