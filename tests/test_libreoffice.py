"""The LibreOffice bridge itself: recalculation really happens and errors are reported per cell."""

from pathlib import Path

import openpyxl
import pytest

from renja_xl.libreoffice import hitung_ulang


@pytest.mark.libreoffice
def test_hitung_ulang_menghitung_formula_dan_melaporkan_galat(libreoffice: None, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Uji"
    ws["A1"], ws["A2"] = 2, 3
    ws["A3"] = "=A1+A2"
    ws["A4"] = "=A1/0"
    ws["B1"] = '=IFERROR(A1/0,"")'
    p = tmp_path / "uji.xlsx"
    wb.save(p)
    (hasil,) = hitung_ulang([p])
    lembar = hasil["Uji"]
    assert lembar.sel("A3") == 5.0
    assert lembar.sel("B1") == ""
    assert "A4" in lembar.galat and "A3" not in lembar.galat
