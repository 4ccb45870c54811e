"""Cached values written by renja-xl equal two independent spreadsheet engines, cell by cell.

Every formula cell of a generated workbook carries the value the core computed (``generator.simpan``), so
Protected View and phone previews show numbers. Here LibreOffice recalculates the saved files and every cached
value must equal its recalculation; and a second engine with no code in common with LibreOffice, the
``formulas`` package, computes every formula cell too: its value must equal LibreOffice's and the core's.
Where two disagree, the test names the cell and both values.
"""

from __future__ import annotations

import math
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from buku_excel import buku_contoh, data_master
from renja_xl.generator import isi_buku_semua, ke_bytes

_REL = 1e-9


def setara(a: object, b: object) -> bool:
    """Same cell value: numbers within 1e-9 relative, "" and an empty cell alike, text exactly."""
    a = "" if a is None else a
    b = "" if b is None else b
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(float(a), float(b), rel_tol=_REL, abs_tol=1e-9)
    return a == b


def sel_rumus(p: Path) -> dict[str, dict[str, str]]:
    wb = load_workbook(p)
    return {ws.title: {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.data_type == "f"}
            for ws in wb.worksheets}


def nilai_tersimpan(p: Path) -> dict[str, dict[str, object]]:
    wb = load_workbook(p, data_only=True)
    rumus = sel_rumus(p)
    return {judul: {k: wb[judul][k].value for k in sel} for judul, sel in rumus.items()}


def contoh_khusus() -> Any:
    """The small test book with bound, range and letter-grade targets (and grade quarters): the formulas
    with baked-in constants (``rumus.capaian_khusus``) on every form and the Ringkasan."""
    import dataclasses

    from test_generator import contoh

    d = contoh(4)
    ganti = {0: dict(target_k="90–100%", target_renstra_k=">=95%"),
             1: dict(target_renstra_k="A", target_k="BB", tw_k=("B", "BB", None, "A"), realisasi_lalu_k="B",
                     target_n1_k=None, target_tw_k=(None,) * 4),
             8: dict(target_k="<5", target_renstra_k="<=4,5"),
             9: dict(target_k="0–2", target_renstra_k=">0")}
    baris = [dataclasses.replace(b, **ganti.get(i, {})) for i, b in enumerate(d.baris)]
    return dataclasses.replace(d, baris=baris)


@pytest.fixture(scope="module")
def berkas(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example and the small test book (every form, both layouts) and a mid-size random master, saved
    through the generator's writer."""
    d = tmp_path_factory.mktemp("dua_mesin")
    kasus = dict(buku_contoh())
    kasus["acak-300"] = isi_buku_semua(data_master(300, seed=23))
    kasus["uji-khusus"] = isi_buku_semua(contoh_khusus())
    hasil = {}
    for nama, wb in kasus.items():
        p = d / f"{nama}.xlsx"
        p.write_bytes(ke_bytes(wb))
        hasil[nama] = p
    return hasil


def test_setiap_rumus_punya_nilai_tersimpan(berkas: dict[str, Path]) -> None:
    """Every <c> with an <f> has a <v> (Excel's own form: t="str" and an empty <v></v> for a blank)."""
    for nama, p in berkas.items():
        with zipfile.ZipFile(p) as z:
            for part in z.namelist():
                if not part.startswith("xl/worksheets/sheet"):
                    continue
                xml = z.read(part).decode("utf-8")
                sel = re.findall(r"<c [^>]*><f>[^<]*</f>(<v>[^<]*</v>|<v\s*/>)?</c>", xml)
                assert all(v.startswith("<v>") for v in sel), (nama, part, sum(not v.startswith("<v>") for v in sel))
            wbxml = z.read("xl/workbook.xml").decode()
            assert re.search(r'<calcPr[^>]*calcId="\d+"', wbxml) and 'fullCalcOnLoad="1"' in wbxml


@pytest.fixture(scope="module")
def lo(berkas: dict[str, Path], libreoffice: None) -> dict[str, Any]:
    """Every file recalculated by LibreOffice, in one batch."""
    from renja_xl.libreoffice import hitung_ulang

    nama = list(berkas)
    return dict(zip(nama, hitung_ulang([berkas[n] for n in nama])))


def test_nilai_tersimpan_sama_dengan_libreoffice(berkas: dict[str, Path], lo: dict[str, Any]) -> None:
    beda: list[str] = []
    n = 0
    for nm, buku in lo.items():
        for judul, sel in nilai_tersimpan(berkas[nm]).items():
            if judul not in buku:       # LibreOffice's reader skips nothing we write; a missing sheet fails
                pytest.fail(f"{nm}: LibreOffice tidak membaca lembar {judul}")
            for alamat, v in sel.items():
                n += 1
                hitung = buku[judul].sel(alamat)
                if not setara(v, hitung):
                    beda.append(f"{nm} '{judul}'!{alamat}: tersimpan {v!r}, LibreOffice {hitung!r}")
    assert n > 10_000
    assert not beda, f"{len(beda)} sel berbeda:\n" + "\n".join(beda[:20])


# The ``formulas`` engine compiles each formula into a Python graph: about 50 ms per formula cell on this
# machine, so it runs on the example and the small book (a few thousand cells), not on the random master.
_FORMULAS = ("contoh-semua-e81", "contoh-semua-e81-renja", "uji-semua-e81", "uji-e81-renja", "uji-khusus")


def hitung_formulas(p: Path) -> dict[str, dict[str, object]]:
    import formulas
    import schedula

    hasil = formulas.ExcelModel().loads(str(p)).finish().calculate()
    keluar: dict[str, dict[str, object]] = {}
    for judul, sel in sel_rumus(p).items():
        for alamat in sel:
            kunci = f"'[{p.name}]{judul.upper()}'!{alamat}"
            v: Any = hasil[kunci].value[0, 0] if kunci in hasil else KeyError(kunci)
            if v is schedula.EMPTY:
                v = ""
            elif hasattr(v, "item"):
                v = v.item()
            keluar.setdefault(judul, {})[alamat] = v
    return keluar


@pytest.mark.parametrize("nama", _FORMULAS)
def test_mesin_kedua_sama_dengan_libreoffice_dan_inti(berkas: dict[str, Path], lo: dict[str, Any],
                                                     nama: str) -> None:
    p = berkas[nama]
    inti = nilai_tersimpan(p)
    kedua = hitung_formulas(p)
    beda: list[str] = []
    n = 0
    for judul, sel in inti.items():
        for alamat, v in sel.items():
            n += 1
            f, l = kedua[judul][alamat], lo[nama][judul].sel(alamat)
            if not (setara(f, l) and setara(f, v)):
                beda.append(f"'{judul}'!{alamat}: formulas {f!r}, LibreOffice {l!r}, inti {v!r}")
    assert n > 200
    assert not beda, f"{len(beda)} sel berbeda:\n" + "\n".join(beda[:20])


def test_pembanding_dapat_gagal() -> None:
    """The comparison is not vacuous: a wrong number, a blank against 0 and a word differ."""
    assert setara(1.0, 1.0 + 1e-12) and setara("", None)
    assert not setara(1.0, 1.001) and not setara("", 0.0) and not setara("Tinggi", "Sedang")
