"""renja_xl.angka: numbers as the seed tables print them (seeds-spec §3.8-§3.11)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from renja_xl.angka import Angka, format_angka, parse_angka


def _jenis(a: Angka) -> set[str]:
    return {t.jenis for t in a.temuan}


@pytest.mark.parametrize("teks, nilai", [
    ("1.366.000", 1366000.0),
    ("2.139.551.445,00", 2139551445.0),
    ("12,833,590,870", 12833590870.0),
    ("15.970.442.994", 15970442994.0),
    ("1425000000", 1425000000.0),
    ("0,16%", 0.16),
    ("21,42 %", 21.42),
    ("29.41 persen", 29.41),
    ("4.30 %", 4.3),
    ("1,53 Persen", 1.53),
    ("110.711,983,96", 110711983.96),
    ("1.234,5", 1234.5),
])
def test_pemisah_ribuan_dan_desimal(teks: str, nilai: float) -> None:
    a = parse_angka(teks)
    assert a.nilai == pytest.approx(nilai)
    assert not a.kosong and not a.ambigu and not a.jamak


@pytest.mark.parametrize("teks, nilai", [
    ("44.889.784 .840", 44889784840.0),
    ("200.000.000, 00", 200000000.0),
    ("2.139.551 .445,00", 2139551445.0),
    ("75.417.714.75 5", 75417714755.0),
    ("255.921. .800", 255921800.0),
])
def test_angka_terpotong_baris_disambung_dengan_temuan(teks: str, nilai: float) -> None:
    a = parse_angka(teks)
    assert a.nilai == pytest.approx(nilai)
    assert "angka.terpotong" in _jenis(a)


@pytest.mark.parametrize("teks, nilai, satuan", [
    ("12 Bulan", 12.0, "Bulan"),
    ("4 Dok", 4.0, "Dok"),
    ("13.400 UTTP", 13400.0, "UTTP"),
    ("12 b u la n", 12.0, "bulan"),
    ("Rp 3.631.267.000", 3631267000.0, "Rp"),
])
def test_angka_dengan_satuan(teks: str, nilai: float, satuan: str) -> None:
    a = parse_angka(teks)
    assert (a.nilai, a.satuan, a.persen) == (pytest.approx(nilai), satuan, False)


@pytest.mark.parametrize("teks, nilai", [("100 Persen", 100.0), ("24% Persen", 24.0), ("16,67 Persen", 16.67),
                                         ("85 %", 85.0), ("4,97% Persen", 4.97)])
def test_persen_dengan_kata_persen(teks: str, nilai: float) -> None:
    a = parse_angka(teks)
    assert a.persen and a.satuan == "%" and a.nilai == pytest.approx(nilai)


@pytest.mark.parametrize("teks, satuan", [("", None), ("   ", None), ("-", None), ("- Persen", "%"),
                                          ("Dokumen / laporan", "Dokumen / laporan"),
                                          ("- Dokumen / laporan", "Dokumen / laporan"), ("Bulan", "Bulan")])
def test_kosong_strip_dan_satuan_saja(teks: str, satuan: str | None) -> None:
    a = parse_angka(teks)
    assert a.kosong and a.nilai is None and a.teks is None and a.satuan == satuan


def test_none_kosong_dan_bilangan_excel_lolos() -> None:
    assert parse_angka(None).kosong
    assert parse_angka(7).nilai == 7.0 and parse_angka(7).satuan is None
    assert parse_angka(0.125).nilai == 0.125
    assert parse_angka(float("nan")).kosong
    assert parse_angka(True).teks == "True" and parse_angka(True).nilai is None


@pytest.mark.parametrize("teks", ["Refocusing Anggaran", "Refokusing Anggaran", "Refokusng Anggaran", "N/A"])
def test_teks_di_tempat_angka(teks: str) -> None:
    a = parse_angka(teks)
    assert a.teks == teks and a.nilai is None and not a.kosong
    assert "angka.teks" in _jenis(a)


@pytest.mark.parametrize("teks, nilai, alt", [("9.470", 9470.0, 9.47), ("16.364", 16364.0, 16.364),
                                              ("575.906 Ton", 575906.0, 575.906), ("8,372 buah", 8372.0, 8.372)])
def test_satu_pemisah_tiga_digit_ambigu(teks: str, nilai: float, alt: float) -> None:
    a = parse_angka(teks)
    assert a.ambigu and a.nilai == nilai and a.alternatif == pytest.approx(alt)
    assert "angka.ambigu" in _jenis(a)


@pytest.mark.parametrize("teks, nilai", [("9,47 %", 9.47), ("0,125", 0.125), ("1234,567", 1234.567),
                                         ("1.366.000", 1366000.0), ("9.47 %", 9.47)])
def test_tidak_ambigu(teks: str, nilai: float) -> None:
    a = parse_angka(teks)
    assert not a.ambigu and a.alternatif is None and a.nilai == pytest.approx(nilai)


@pytest.mark.parametrize("teks, nilai_nilai", [
    ("1 Dok.Renja/RKT, 1 Dok Review Renstra, 4 Dok RKA", [1.0, 1.0, 4.0]),
    ("83 Persen 100 Persen", [83.0, 100.0]),
    ("80 Unit 83.479 liter", [80.0, 83479.0]),
    ("22 pasar 400 pedagang", [22.0, 400.0]),
    ("7849 kotak 80 kali", [7849.0, 80.0]),
])
def test_beberapa_nilai_dalam_satu_sel(teks: str, nilai_nilai: list[float]) -> None:
    a = parse_angka(teks)
    assert a.nilai is None and [b.nilai for b in a.jamak] == nilai_nilai
    t = [x for x in a.temuan if x.jenis == "angka.jamak"]
    assert t and "tidak boleh dijumlahkan" in t[0].pesan


def test_jamak_menyimpan_satuan_per_nilai() -> None:
    a = parse_angka("22 pasar 400 pedagang")
    assert [b.satuan for b in a.jamak] == ["pasar", "pedagang"]
    assert parse_angka("83 Persen 100 Persen").persen


@pytest.mark.parametrize("teks, rentang", [("4,5 - 5,5 %", (4.5, 5.5)), ("11,94-11,02 %", (11.02, 11.94)),
                                           ("3,0 ± 1 %", (2.0, 4.0)), ("$3,0 \\pm 1$ %", (2.0, 4.0)),
                                           ("7,7 - 9,1 %", (7.7, 9.1)), ("0,377 - 0,379", (0.377, 0.379))])
def test_rentang(teks: str, rentang: tuple[float, float]) -> None:
    a = parse_angka(teks)
    assert a.rentang == pytest.approx(rentang) and a.nilai is None and not a.kosong


def test_rentang_terbalik_dicatat() -> None:
    assert "angka.rentang_terbalik" in _jenis(parse_angka("11,94-11,02 %"))
    assert parse_angka("4,5 - 5,5 %").persen


@pytest.mark.parametrize("teks, batas, nilai, persen", [("<5%", "<", 5.0, True), ("<5% Persen", "<", 5.0, True),
                                                        (">72", ">", 72.0, False), ("<= 10", "<=", 10.0, False),
                                                        ("≥ 80 %", ">=", 80.0, True)])
def test_batas(teks: str, batas: str, nilai: float, persen: bool) -> None:
    a = parse_angka(teks)
    assert (a.batas, a.nilai, a.persen) == (batas, nilai, persen)


@pytest.mark.parametrize("teks", ["A", "BB", "AA", "CC", "D"])
def test_nilai_huruf(teks: str) -> None:
    a = parse_angka(teks)
    assert a.huruf == teks and a.nilai is None and not a.kosong


@pytest.mark.parametrize("teks, huruf", [("WTP", "WTP"), ("Opini WTP", "WTP"), ("opini BPK WDP", "WDP"),
                                         ("(TMP)", "TMP"), ("TW", "TW"), ("wdp", "WDP")])
def test_opini_bpk_nilai_huruf(teks: str, huruf: str) -> None:
    """BPK's opinion is a value on its own scale, not a unit: 'WTP' was read as a blank cell with unit 'WTP'
    (a target typed as WTP became 'target kosong')."""
    a = parse_angka(teks)
    assert a.huruf == huruf and a.nilai is None and not a.kosong and a.satuan is None


def test_label_triwulan_bukan_opini() -> None:
    assert parse_angka("TW I: 5").nilai == 5.0 and parse_angka("TW I: 5").huruf is None


def test_label_triwulan_dan_kurung() -> None:
    assert parse_angka("TW 3= 117").nilai == 117.0
    assert parse_angka("TW 1 = 21,12").nilai == pytest.approx(21.12)
    a = parse_angka("100% (40%)")
    assert a.nilai == 100.0 and not a.jamak and "angka.kurung" in _jenis(a)


def test_pemisah_campur_dan_digit_hilang_diberi_temuan() -> None:
    assert parse_angka("1.323,810.999").nilai == 1323810999.0
    assert "angka.pemisah_campur" in _jenis(parse_angka("1.323,810.999"))
    assert "angka.format" in _jenis(parse_angka("6.600.00"))


def test_bilangan_negatif() -> None:
    assert parse_angka("-5,5 %").nilai == -5.5
    assert parse_angka("-1.366.000").nilai == -1366000.0


@pytest.mark.parametrize("v, desimal, teks", [(1366000, None, "1.366.000"), (21.42, None, "21,42"),
                                              (21.42, 0, "21"), (37.5, 0, "38"), (0.5, None, "0,5"),
                                              (78.2345, 2, "78,23"), (-1366.5, 2, "-1.366,50"),
                                              (1.125, None, "1,1250"), (None, None, ""), (100.0, None, "100")])
def test_format_angka(v: float | None, desimal: int | None, teks: str) -> None:
    assert format_angka(v, desimal) == teks


# ------------------------------------------------------------------------------------------ properties

@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet="0123456789.,-% <>±$\\pmABPersnulan \t", max_size=40)))
def test_parse_tidak_pernah_gagal(teks: str) -> None:
    a = parse_angka(teks)
    assert isinstance(a, Angka)
    assert a.nilai is None or math.isfinite(a.nilai)
    if a.jamak:
        assert a.nilai is None
    if a.nilai is not None:
        assert not a.kosong


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_format_lalu_parse_kembali_sama(v: float) -> None:
    a = parse_angka(format_angka(v))
    assert a.nilai == v or (v == 0 and a.nilai == 0)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=-10**15, max_value=10**15), st.sampled_from([" Bulan", " Dokumen", " %", " Persen", ""]))
def test_bilangan_bulat_dengan_satuan_kembali_sama(n: int, satuan: str) -> None:
    a = parse_angka(format_angka(n) + satuan)
    assert a.nilai == n
    assert a.ambigu == (1000 <= abs(n) < 10**6)


def test_persen_dengan_satu_titik_tiga_digit_tetap_ambigu() -> None:
    # "8.315%" is a capaian of 8315 % (004:382 = 49,89 / 0,6; text 004:246 "sejumlah 8.315 %")
    a = parse_angka("8.315%")
    assert a.nilai == 8315.0 and a.persen and a.ambigu and a.alternatif == pytest.approx(8.315)
    assert parse_angka("0,011 %").nilai == pytest.approx(0.011) and not parse_angka("0,011 %").ambigu


@pytest.mark.parametrize("teks, jenis", [("2.17.01.2.09.01", "angka.bukan_angka"), ("X.XX.01.2.02.04", "angka.teks"),
                                         ("Program Pembinaan Koperasi", "angka.teks")])
def test_kode_dan_kalimat_bukan_angka_bukan_kosong(teks: str, jenis: str) -> None:
    a = parse_angka(teks)
    assert a.nilai is None and not a.kosong and jenis in _jenis(a)


def test_tag_html_hasil_ekstraksi_dibuang_tanpa_merusak_batas() -> None:
    assert parse_angka("<b>BB</b>").huruf == "BB"
    assert parse_angka("<b>35,29 %</b>").nilai == pytest.approx(35.29)
    assert parse_angka("<5%").batas == "<"


@pytest.mark.parametrize("galat", ["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!"])
def test_nilai_galat_excel_bukan_angka(galat: str) -> None:
    """An Excel error value in a number cell is text with a warning, never a number ("#DIV/0!" was read as 0)."""
    a = parse_angka(galat)
    assert a.nilai is None and a.teks == galat and not a.kosong
    assert [t.jenis for t in a.temuan] == ["angka.teks"]
