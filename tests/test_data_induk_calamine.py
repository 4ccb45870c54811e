"""The Data Induk reader reads values with python-calamine: it must give exactly what the openpyxl cells gave
(rows, Info, every problem with its sheet/row/column), also for dates, percent-formatted numbers, error
values, numbers stored as text or codes stored as numbers."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from renja_xl.buku import baca_nilai, buka
from renja_xl.contoh import INFO_CONTOH
from renja_xl.data_induk import KOLOM_DATA, LABEL_INFO, baca as baca_mod
from renja_xl.data_induk.baca import baca_dengan_masalah
from renja_xl.data_induk.templat import buat_templat, ke_bytes
from renja_xl.data_induk.tulis import isi_buku

from test_data_induk import BARIS_KECIL

JUDUL = [k.judul for k in KOLOM_DATA]


def _kol(judul: str) -> int:
    return JUDUL.index(judul) + 1


def _lewat_openpyxl(path: Path):
    """The reader fed with openpyxl cells, as it was before calamine: the reference."""
    asli = baca_mod._buka
    baca_mod._buka = lambda p: buka(p, data_only=True)
    try:
        return baca_dengan_masalah(path)
    finally:
        baca_mod._buka = asli


def _sama(path: Path) -> tuple:
    a, b = _lewat_openpyxl(path), baca_dengan_masalah(path)
    assert b[0].info == a[0].info
    assert b[0].baris == a[0].baris
    assert b[1] == a[1]
    assert (b[0].kolom, b[0].kode_tertulis, b[0].baris_info) == (a[0].kolom, a[0].kode_tertulis, a[0].baris_info)
    return b


def _sisip_galat(path: Path, sel: dict[str, str]) -> None:
    """Turn cells of the Data sheet into cached error values, as Excel saves them (t="e")."""
    with zipfile.ZipFile(path) as z:
        isi = {n: z.read(n) for n in z.namelist()}
    # the Data sheet is the one holding the cell (the Info sheet has two columns)
    part = next(n for n in isi if n.startswith("xl/worksheets/sheet") and f'r="{next(iter(sel))}"'.encode() in isi[n])
    xml = isi[part].decode()
    for ref, teks in sel.items():
        xml, k = re.subn(rf'<c r="{ref}"[^>]*?(/>|>.*?</c>)', f'<c r="{ref}" t="e"><v>{teks}</v></c>', xml, count=1)
        assert k == 1, ref
    isi[part] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in isi.items():
            z.writestr(n, b)


@pytest.fixture()
def berkas(tmp_path: Path) -> Path:
    wb = load_workbook(BytesIO(ke_bytes(buat_templat())))
    isi_buku(wb, INFO_CONTOH, BARIS_KECIL)
    p = tmp_path / "di.xlsx"
    wb.save(p)
    return p


def test_berkas_sah_sama(berkas: Path) -> None:
    data, masalah = _sama(berkas)
    assert not masalah and [b.kode for b in data.baris] == [b.kode for b in BARIS_KECIL]


def test_sel_sulit_sama(berkas: Path) -> None:
    wb = load_workbook(berkas)
    ws = wb["Data"]
    ws.cell(2, _kol("Target Renja K"), 0.855).number_format = "0.0%"              # percent format: 0.855
    ws.cell(3, _kol("Target Renja K"), datetime(2027, 1, 5))                     # a date in a number cell
    ws.cell(3, _kol("Target Renja K")).number_format = "dd/mm/yyyy"
    ws.cell(4, _kol("Realisasi TW I K"), "1.234,5")                               # Indonesian text number
    ws.cell(4, _kol("Keterangan"), "  dua\n baris\t teks ")                       # whitespace collapsed
    ws.cell(5, _kol("Lokasi"), date(2027, 3, 1)).number_format = "d mmmm yyyy"    # a date in a text cell
    ws.cell(5, _kol("Target Renja K"), True)                                       # a boolean
    ws.cell(6, _kol("Target Renja K"), 12.0)                                       # a whole float
    ws.cell(6, _kol("Sumber Dana"), 45000).number_format = "#,##0"
    ws.cell(6, _kol("Realisasi TW II K"), "<5%")
    ws.cell(8, _kol("Kode"), 2.17)                                                 # code stored as a number
    ws.cell(8, _kol("Indikator"), "Baris lepas")
    info = wb["Info"]
    baris_info = {info.cell(r, 1).value: r for r in range(1, info.max_row + 1)}
    for li in LABEL_INFO:
        if li.jenis == "tahun" and li.label in baris_info:
            info.cell(baris_info[li.label], 2, 2027.0)
        if li.jenis == "tanggal" and li.label in baris_info:
            info.cell(baris_info[li.label], 2, datetime(2027, 7, 10)).number_format = "d mmmm yyyy"
        if li.jenis == "triwulan" and li.label in baris_info:
            info.cell(baris_info[li.label], 2, datetime(2027, 6, 30))                 # a date where 1-4 belongs
    wb.save(berkas)
    data, masalah = _sama(berkas)
    teks = " ".join(m.teks() for m in masalah)
    assert "tanggal" in teks and "TRUE" in teks and "angka" in teks
    assert data.baris[0].target_k == pytest.approx(0.855)


def test_galat_sel_terbaca_seperti_openpyxl(berkas: Path) -> None:
    kol = _kol("Target Renja K")
    from openpyxl.utils import get_column_letter

    ref = f"{get_column_letter(kol)}4"
    _sisip_galat(berkas, {ref: "#DIV/0!"})
    assert "#DIV/0!" in [v for r in baca_nilai(berkas, galat_teks=True)["Data"] for v in r]
    assert "#DIV/0!" not in [v for r in baca_nilai(berkas)["Data"] for v in r]   # default unchanged
    data, _ = _sama(berkas)
    # row 4's 12 became the error value: both readers see the error text, not the old number or a blank
    assert next(b for b in data.baris if b.baris == 4).target_k != 12.0


def test_lembar_hilang_sama(berkas: Path) -> None:
    wb = load_workbook(berkas)
    del wb["Info"]
    wb.save(berkas)
    _, masalah = _sama(berkas)
    assert any("Info" in m.teks() for m in masalah)
