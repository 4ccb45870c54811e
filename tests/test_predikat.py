"""renja_xl.predikat: the Permendagri 86/2017 scale, its gaps closed by >= bounds, and custom scales."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from renja_xl.galat import GalatPengguna
from renja_xl.predikat import SKALA_BAKU, Skala, predikat
from renja_xl.skala_berkas import baca_baris_skala, baca_skala


@pytest.mark.parametrize("nilai, kata", [
    (100.0, "Sangat Tinggi"), (91.0, "Sangat Tinggi"), (90.99, "Tinggi"), (90.5, "Tinggi"), (76.0, "Tinggi"),
    (75.5, "Sedang"), (66.0, "Sedang"), (65.9, "Rendah"), (51.0, "Rendah"), (50.27, "Sangat Rendah"),
    (50.0, "Sangat Rendah"), (0.0, "Sangat Rendah"), (-3.0, "Sangat Rendah"),
    (895.83, "Sangat Tinggi"), (261.0, "Sangat Tinggi"),
])
def test_skala_baku(nilai: float, kata: str) -> None:
    assert predikat(nilai) == kata
    assert SKALA_BAKU.predikat(nilai) == kata


@pytest.mark.parametrize("nilai", [None, float("nan"), "abc"])
def test_tanpa_nilai_tanpa_predikat(nilai: object) -> None:
    assert predikat(nilai) is None


def test_predikat_menerima_hasil_capaian() -> None:
    from renja_xl.capaian import capaian

    assert predikat(capaian(60.0, 70.0)) == "Tinggi"   # 85,71 %
    assert predikat(capaian(5.0, None)) is None


# the pairs printed in the seeds that agree with the scale (seeds-spec §3.6)
@pytest.mark.parametrize("nilai, kata", [(62, "Rendah"), (59, "Rendah"), (64, "Rendah"), (49, "Sangat Rendah"),
                                         (23.53, "Sangat Rendah"), (78.38, "Tinggi"), (78.21, "Tinggi"),
                                         (77.11, "Tinggi"), (50.27, "Sangat Rendah"), (68.00, "Sedang"),
                                         (36.49, "Sangat Rendah")])
def test_pasangan_seed_yang_benar(nilai: float, kata: str) -> None:
    assert predikat(nilai) == kata


def test_dari_baris_urutan_naik_atau_turun() -> None:
    turun = Skala.dari_baris([(91, "Sangat Tinggi"), (76, "Tinggi"), (66, "Sedang"), (51, "Rendah"),
                              (0, "Sangat Rendah")])
    assert turun == SKALA_BAKU.__class__(SKALA_BAKU.tingkat, "")
    naik = Skala.dari_baris([("0", "Kurang"), ("60,5", "Cukup"), ("85", "Baik")], nama="lokal")
    assert naik.predikat(60.4) == "Kurang" and naik.predikat(60.5) == "Cukup" and naik.predikat(120) == "Baik"
    assert naik.ke_baris() == [(0.0, "Kurang"), (60.5, "Cukup"), (85.0, "Baik")]


def test_ke_baris_bolak_balik() -> None:
    assert Skala.dari_baris(SKALA_BAKU.ke_baris()).tingkat == SKALA_BAKU.tingkat
    assert SKALA_BAKU.ke_baris()[0] == (0.0, "Sangat Rendah")
    assert SKALA_BAKU.keterangan()[0] == ">= 91: Sangat Tinggi"


@pytest.mark.parametrize("rows, potongan", [
    ([(91, "A"), (51, "B"), (76, "C")], "tidak urut"),
    ([(91, "A"), (91, "B"), (50, "C")], "sama"),
    ([(91, "A"), ("x", "B")], "bukan angka"),
    ([(91, "A"), (50, "")], "kosong"),
    ([(91, "A")], "dua tingkat"),
    ([(91, "Baik"), (50, "baik")], "nama predikat"),
    ([(91,)], "batas bawah dan nama"),
])
def test_dari_baris_galat_berbahasa_indonesia(rows: list[tuple[object, ...]], potongan: str) -> None:
    with pytest.raises(GalatPengguna) as e:
        Skala.dari_baris(rows)
    assert potongan in str(e.value)


def test_baca_skala_csv_json(tmp_path: Path) -> None:
    csv_ = tmp_path / "skala.csv"
    csv_.write_text("batas_bawah;predikat\n90,5;Sangat Baik\n70;Baik\n0;Kurang\n", encoding="utf-8")
    s = baca_skala(csv_)
    assert s.predikat(90.5) == "Sangat Baik" and s.predikat(69.9) == "Kurang" and s.nama == "skala"
    js = tmp_path / "skala.json"
    js.write_text(json.dumps([{"batas_bawah": 80, "nama": "Tinggi"}, {"batas_bawah": 0, "nama": "Rendah"}]))
    assert baca_skala(js).predikat(80) == "Tinggi"
    js2 = tmp_path / "skala2.json"
    js2.write_text(json.dumps({"Tinggi": 80, "Rendah": 0}))
    assert baca_skala(js2).predikat(79) == "Rendah"


def test_baca_skala_xlsx(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Batas bawah", "Predikat"])
    for b, n in [(91, "Sangat Tinggi"), (76, "Tinggi"), (66, "Sedang"), (51, "Rendah"), (0, "Sangat Rendah")]:
        ws.append([b, n])
    p = tmp_path / "skala.xlsx"
    wb.save(p)
    assert baca_skala(p).tingkat == SKALA_BAKU.tingkat


def test_baca_skala_galat(tmp_path: Path) -> None:
    with pytest.raises(GalatPengguna, match="tidak ditemukan"):
        baca_skala(tmp_path / "tidak_ada.csv")
    rusak = tmp_path / "rusak.json"
    rusak.write_text("[1, 2")
    with pytest.raises(GalatPengguna, match="rusak"):
        baca_baris_skala(rusak)
    lain = tmp_path / "skala.pdf"
    lain.write_text("x")
    with pytest.raises(GalatPengguna, match="tidak dikenal"):
        baca_skala(lain)
    buruk = tmp_path / "buruk.csv"
    buruk.write_text("91;Sangat Tinggi\nsembilan;Tinggi\n")
    with pytest.raises(GalatPengguna) as e:
        baca_skala(buruk)
    assert "buruk.csv" in str(e.value) and "bukan angka" in str(e.value)
