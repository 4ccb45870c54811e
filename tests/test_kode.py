"""Unit and property tests for renja_xl.kode: one test (or parametrised case) per normalisation rule."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from renja_xl.kode import (
    ERA_2_DIGIT, ERA_4_DIGIT, JENIS_PEMDA, Kode, Tingkat, dari_template, gabung_sel, ke_template, normal_kode,
    parse_kode, pisah_kode_nama,
)
from renja_xl.temuan import Temuan


def jenis(k: Kode) -> set[str]:
    return {t.jenis for t in k.temuan}


# ---------------------------------------------------------------- well-formed codes


@pytest.mark.parametrize("kode, tingkat, era", [
    ("2", Tingkat.URUSAN, None),
    ("2.17", Tingkat.BIDANG, None),
    ("2.17.01", Tingkat.PROGRAM, None),
    ("2.17.01.2.01", Tingkat.KEGIATAN, None),
    ("2.17.01.2.01.01", Tingkat.SUB_KEGIATAN, ERA_2_DIGIT),
    ("2.17.01.1.01.0001", Tingkat.SUB_KEGIATAN, ERA_4_DIGIT),
    ("1.10", Tingkat.BIDANG, None),
])
def test_kode_normal_bersih(kode: str, tingkat: Tingkat, era: str | None) -> None:
    k = parse_kode(kode)
    assert k.valid and k.normal == kode and k.temuan == () and k.saran is None
    assert k.tingkat is tingkat and k.era == era
    assert k.segmen == tuple(kode.split("."))


def test_label_tingkat() -> None:
    assert [t.label for t in Tingkat] == ["urusan", "bidang urusan", "program", "kegiatan", "sub kegiatan"]
    assert [int(t) for t in Tingkat] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("digit", sorted(JENIS_PEMDA))
def test_digit_pemda_dan_namanya(digit: str) -> None:
    k = parse_kode(f"1.01.02.{digit}.01.0001")
    assert k.valid and k.digit_pemda == digit and k.jenis_pemda == JENIS_PEMDA[digit]


def test_nama_jenis_pemda_khusus() -> None:
    assert JENIS_PEMDA["1"] == "provinsi" and JENIS_PEMDA["2"] == "kabupaten/kota"
    assert "Papua" in JENIS_PEMDA["3"] and "Papua" in JENIS_PEMDA["4"] and "DIY" in JENIS_PEMDA["5"]
    assert "DKI" in JENIS_PEMDA["6"] and "Aceh" in JENIS_PEMDA["7"] and "Bali" in JENIS_PEMDA["8"]


@pytest.mark.parametrize("digit", ["0", "9"])
def test_digit_pemda_di_luar_1_sampai_8_salah(digit: str) -> None:
    k = parse_kode(f"2.17.01.{digit}.01.0001")
    assert not k.valid and k.normal is None and "kode.format" in jenis(k)


def test_induk_bidang_dan_template() -> None:
    k = parse_kode("2.17.01.2.01.0001")
    assert k.induk() == ("2", "2.17", "2.17.01", "2.17.01.2.01")
    assert parse_kode("2.17").induk() == ("2",)
    assert parse_kode("2").induk() == ()
    assert k.bidang == "2.17" and parse_kode("2").bidang is None
    assert k.ke_template() == "X.XX.01.2.01.0001"
    assert parse_kode("2.17.02.2.01.01").ke_template() == "2.17.02.2.01.01"
    assert parse_kode("X.XX.01.2.01").induk() == ("X", "X.XX", "X.XX.01")


def test_ke_template_dan_dari_template() -> None:
    assert ke_template("2.17.01.2.01.0001") == "X.XX.01.2.01.0001"
    assert ke_template("3.30.02") == "3.30.02"
    assert ke_template("bukan kode") == "bukan kode"
    assert dari_template("X.XX.01.2.01.0001", "2.17") == "2.17.01.2.01.0001"
    assert dari_template("X.XX.01", "3.31") == "3.31.01"
    assert dari_template("2.17.02", "3.31") == "2.17.02"
    with pytest.raises(ValueError, match="bukan kode bidang"):
        dari_template("X.XX.01", "2.17.01")
    kode = "2.17.01.2.06.09"
    assert dari_template(ke_template(kode), "2.17") == kode


def test_template_valid() -> None:
    k = parse_kode("X.XX.01")
    assert k.valid and k.template and k.tingkat is Tingkat.PROGRAM and k.temuan == ()
    k = parse_kode("x.xx.01.2.03.02")
    assert k.valid and k.normal == "X.XX.01.2.03.02" and k.template


def test_template_dengan_bidang_diberi_saran() -> None:
    k = parse_kode("X.XX.01.2.03.02", bidang="2.17")
    assert k.valid  # a template is a well-formed code; the finding is only a warning
    assert "kode.template" in jenis(k) and k.saran == "2.17.01.2.03.02"
    t = [t for t in k.temuan if t.jenis == "kode.template"][0]
    assert t.seharusnya == "2.17.01.2.03.02" and t.tingkat == "peringatan"


def test_template_selain_program_01() -> None:
    k = parse_kode("X.XX.02")
    assert not k.valid and "kode.template" in jenis(k)


# ---------------------------------------------------------------- seeds-spec §4.1 rules


@pytest.mark.parametrize("ketik, normal", [
    ("2.17.01.2.01.", "2.17.01.2.01"),
    ("2.17.01 .-", "2.17.01"),
    ("3.31.04.2.01 .", "3.31.04.2.01"),
    ("2.17.01.2.08 .", "2.17.01.2.08"),
])
def test_titik_akhir(ketik: str, normal: str) -> None:
    k = parse_kode(ketik)
    assert k.valid and k.normal == normal and k.saran == normal
    t = [t for t in k.temuan if t.jenis == "kode.titik_akhir"]
    assert t and t[0].tingkat == "peringatan" and t[0].ditemukan == ketik


@pytest.mark.parametrize("ketik, normal", [("02.17.03 .", "2.17.03"), ("03.30.04.-", "3.30.04"), ("02.17", "2.17"),
                                           ("02", "2")])
def test_nol_depan_urusan(ketik: str, normal: str) -> None:
    k = parse_kode(ketik)
    assert k.valid and k.normal == normal and "kode.nol_depan" in jenis(k)
    assert all(t.tingkat == "peringatan" for t in k.temuan)


def test_spasi_di_dalam_segmen_terakhir() -> None:
    k = parse_kode("2.17.01.1.05.0001 1")
    assert not k.valid and k.normal is None
    assert k.saran == "2.17.01.1.05.0011"
    t = [t for t in k.temuan if t.jenis == "kode.spasi"][0]
    assert t.tingkat == "salah" and t.saran == "2.17.01.1.05.0011" and "spasi" in t.pesan


@pytest.mark.parametrize("ketik", ["2,17,01,2,01,0001", "2-17-01-2-01-0001", "2/17/01/2/01/0001",
                                   "2_17_01_2_01_0001"])
def test_pemisah_salah(ketik: str) -> None:
    k = parse_kode(ketik)
    assert k.valid and k.normal == "2.17.01.2.01.0001" and "kode.pemisah" in jenis(k)


@pytest.mark.parametrize("ketik", ["2 17 01 2 01 0001", "2 . 17 . 01.2.01.0001", "  2.17.01.2.01.0001  "])
def test_spasi(ketik: str) -> None:
    k = parse_kode(ketik)
    assert k.valid and k.normal == "2.17.01.2.01.0001"
    if ketik.strip() != "2.17.01.2.01.0001":
        assert "kode.spasi" in jenis(k)


def test_spasi_yang_tidak_jelas() -> None:
    k = parse_kode("3 0 4 02 02")
    assert not k.valid and k.saran is None


def test_kegiatan_tanpa_digit_pemda_kabkota() -> None:
    k = parse_kode("2.17.01.02.05 .")
    assert not k.valid and "kode.segmen_pemda_hilang" in jenis(k)
    assert k.saran == "2.17.01.2.05"  # '02' is the kab/kota digit with a leading zero
    k2 = parse_kode("2.17.01.02.05", jenis_pemda="kabupaten/kota")
    assert k2.saran == "2.17.01.2.05"
    t = [t for t in k2.temuan if t.jenis == "kode.segmen_pemda_hilang"][0]
    assert "2.17.01.2.02.05" in t.pesan  # the other reading is named


def test_kegiatan_tanpa_digit_pemda_perlu_konteks() -> None:
    k = parse_kode("2.17.01.01")
    assert not k.valid and "kode.segmen_pemda_hilang" in jenis(k) and k.saran is None
    assert parse_kode("2.17.01.01", jenis_pemda="provinsi").saran == "2.17.01.1.01"
    assert parse_kode("2.17.01.01", jenis_pemda="Kota").saran == "2.17.01.2.01"
    assert parse_kode("2.17.01.01.0001", jenis_pemda="provinsi").saran == "2.17.01.1.01.0001"


def test_pemda_lain_dari_konteks() -> None:
    k = parse_kode("2.17.01.2.01.01", jenis_pemda="provinsi")
    assert k.valid and "kode.pemda" in jenis(k)
    assert parse_kode("2.17.01.1.01.0001", jenis_pemda="provinsi").temuan == ()


def test_placeholder_xxx() -> None:
    k = parse_kode("XXX.01.2.02.05")
    assert not k.valid and "kode.placeholder" in jenis(k) and k.saran == "X.XX.01.2.02.05"
    t = [t for t in k.temuan if t.jenis == "kode.placeholder"][0]
    assert "XXX" in t.pesan and t.tingkat == "salah"
    assert parse_kode("XXX.01.2.02.05", bidang="2.17").saran == "2.17.01.2.02.05"


@pytest.mark.parametrize("x, normal", [(2.17, "2.17"), (3.31, "3.31"), (2, "2"), (2.0, "2"), (1.05, "1.05")])
def test_angka_yang_aman(x: object, normal: str) -> None:
    k = parse_kode(x)
    assert k.valid and k.normal == normal


def test_angka_kehilangan_nol() -> None:
    k = parse_kode(1.1)
    assert not k.valid and k.normal is None
    t = [t for t in k.temuan if t.jenis == "kode.angka"][0]
    assert t.tingkat == "salah" and "teks" in t.pesan and t.saran == "1.10"
    k = parse_kode(2.1701)
    assert not k.valid and "kode.angka" in jenis(k) and k.saran is None


@pytest.mark.parametrize("x", [float("nan"), float("inf"), -2.17, -3, True])
def test_angka_bukan_kode(x: object) -> None:
    assert not parse_kode(x).valid


def test_html() -> None:
    k = parse_kode("<b>2.17.01.1.02</b>")
    assert k.valid and k.normal == "2.17.01.1.02" and "kode.html" in jenis(k)
    k = parse_kode("<td>2.17.01.01</td>")
    assert "kode.segmen_pemda_hilang" in jenis(k)


def test_kode_dengan_nama() -> None:
    k = parse_kode("2.17.01.2.01.01 Penyusunan Dokumen Perencanaan Perangkat Daerah")
    assert k.valid and k.normal == "2.17.01.2.01.01" and k.nama.startswith("Penyusunan")
    assert all(t.tingkat == "info" for t in k.temuan)
    assert pisah_kode_nama("2.17.01 .-PROGRAM PENUNJANG URUSAN") == ("2.17.01", "PROGRAM PENUNJANG URUSAN")
    assert pisah_kode_nama("X.XX.01 Xylofon") == ("X.XX.01", "Xylofon")
    assert pisah_kode_nama("Jumlah Laporan") == (None, "Jumlah Laporan")
    assert pisah_kode_nama("2.17.01.02.05 . Administrasi Kepegawaian") == ("2.17.01.02.05", "Administrasi Kepegawaian")


@pytest.mark.parametrize("ketik, normal", [("2.17.1.2.01.0001", "2.17.01.2.01.0001"),
                                           ("2.17.01.2.1", "2.17.01.2.01"),
                                           ("2.17.001", "2.17.01")])
def test_lebar_segmen_dibetulkan(ketik: str, normal: str) -> None:
    k = parse_kode(ketik)
    assert k.valid and k.normal == normal and k.saran == normal and "kode.lebar" in jenis(k)


@pytest.mark.parametrize("ketik", ["2.1.01", "2.17.01.2.01.001", "2.17.01.2.01.1", "2.123"])
def test_lebar_segmen_ambigu(ketik: str) -> None:
    k = parse_kode(ketik)
    assert not k.valid and "kode.lebar" in jenis(k)


def test_sub_kegiatan_dengan_konteks_digit() -> None:
    k = parse_kode("2.17.01.1.07.05", digit_sub=4)
    assert k.valid and k.normal == "2.17.01.1.07.05" and k.era == ERA_2_DIGIT
    assert "kode.era" in jenis(k) and k.saran == "2.17.01.1.07.0005"
    assert "kode.era" in jenis(parse_kode("2.17.01.2.07.0005", digit_sub=2))
    assert parse_kode("2.17.01.2.07.1", digit_sub=4).saran == "2.17.01.2.07.0001"


@pytest.mark.parametrize("ketik, kunci", [
    ("1.15.00.16", "kode.lama"), ("0.00.01.002", "kode.lama"), ("2.17.3.30.3.31.07.0000", "kode.format"),
    ("21702063", "kode.format"), ("Jumlah", "kode.format"), ("", "kode.kosong"), ("  .- ", "kode.kosong"),
    ("2.17.01.2", "kode.format"), ("2.17abc", "kode.format"),
])
def test_bukan_kode(ketik: str, kunci: str) -> None:
    k = parse_kode(ketik)
    assert not k.valid and k.normal is None and kunci in jenis(k)
    assert all(isinstance(t, Temuan) and t.jenis.startswith("kode.") and t.pesan for t in k.temuan)


def test_none_bytes_dan_benda_lain() -> None:
    assert parse_kode(None).normal is None and "kode.kosong" in jenis(parse_kode(None))
    assert parse_kode(b"2.17.01").normal == "2.17.01"
    assert parse_kode(b"\xff\xfe").normal is None

    class Rusak:
        def __str__(self) -> str:
            raise RuntimeError("x")

    assert parse_kode(Rusak()).normal is None
    assert parse_kode("9" * 100_000).normal is None
    assert parse_kode("2.17 " + "a" * 100_000).normal == "2.17"
    assert not parse_kode("2.17 " + "x" * 100_000).valid
    assert parse_kode(10**40).normal is None


def test_normal_kode() -> None:
    assert normal_kode(" 02.17.03 .") == "2.17.03"
    assert normal_kode("XXX.01") is None


def test_teks_tidak_pernah_angka() -> None:
    assert normal_kode("1.10") == "1.10" and normal_kode("1.10") != normal_kode("1.1")


# ---------------------------------------------------------------- gabung_sel (seeds-spec §4.4)


@pytest.mark.parametrize("sel, kode", [
    (["2", "17", "01", "2.01", "01"], "2.17.01.2.01.01"),
    (["2", "17", "01", "2", "01", "0001"], "2.17.01.2.01.0001"),
    ([2, 17, "01", 2.0, "01"], "2.17.01.2.01"),
    (["3", "30", "02", "2.06", "03", None, ""], "3.30.02.2.06.03"),
])
def test_gabung_sel_rapi(sel: list[object], kode: str) -> None:
    k = gabung_sel(sel)
    assert k.valid and k.normal == kode


@pytest.mark.parametrize("sel, kode", [
    (["2", "1 7", "0 7", "2.01 04"], "2.17.07.2.01.04"),
    (["3", "3102", "2.0106"], "3.31.02.2.01.06"),
    (["3", "3103"], "3.31.03"),
])
def test_gabung_sel_digit_terpecah(sel: list[object], kode: str) -> None:
    k = gabung_sel(sel)
    assert k.normal == kode and "kode.sel_terpisah" in jenis(k)


@pytest.mark.parametrize("sel", [["3", "302", "02.02", "01"], ["2", "1", "0", "1", "2.02", "05"], ["2", "1", "7"]])
def test_gabung_sel_tidak_pasti_ditandai(sel: list[object]) -> None:
    k = gabung_sel(sel)
    assert not k.valid and k.saran is None and "kode.sel_terpisah" in jenis(k)


def test_gabung_sel_kosong() -> None:
    assert "kode.kosong" in jenis(gabung_sel([None, "", " "]))


# ---------------------------------------------------------------- properties

_segmen = st.tuples(
    st.integers(1, 9), st.integers(0, 99), st.integers(1, 99), st.integers(1, 8), st.integers(0, 99),
    st.one_of(st.integers(0, 99).map(lambda v: f"{v:02d}"), st.integers(0, 9999).map(lambda v: f"{v:04d}")),
    st.sampled_from([1, 2, 3, 5, 6]),
)


def _kode(t: tuple) -> str:
    u, b, p, k, kk, s, n = t
    seg = [str(u), f"{b:02d}", f"{p:02d}", str(k), f"{kk:02d}", s]
    return ".".join(seg[:n])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.text(alphabet="0123456789Xx.,-/_ <>b\t", max_size=40),
                 st.integers(), st.floats(), st.none(), st.binary(max_size=30)))
def test_tidak_pernah_raise(x: object) -> None:
    k = parse_kode(x)
    assert isinstance(k, Kode)
    if k.normal is not None:
        assert parse_kode(k.normal).normal == k.normal
    assert all(t.jenis.startswith("kode.") and t.tingkat in ("salah", "peringatan", "info") for t in k.temuan)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789Xx.,-/_ ", max_size=30))
def test_normal_kode_idempoten(x: str) -> None:
    n = normal_kode(x)
    if n is not None:
        assert normal_kode(n) == n


@settings(max_examples=300, deadline=None)
@given(_segmen)
def test_kode_normal_kembali_ke_dirinya(t: tuple) -> None:
    kode = _kode(t)
    k = parse_kode(kode)
    assert k.valid and k.normal == kode and k.temuan == ()
    assert parse_kode(str(k)).normal == kode
    assert parse_kode(f"  {kode} .- ").normal == kode
    assert parse_kode(f"0{kode}").normal == kode
    assert parse_kode(kode.replace(".", " ")).normal == kode
    if k.tingkat is not None and k.tingkat >= Tingkat.PROGRAM and k.segmen[2] == "01":
        assert dari_template(k.ke_template(), k.bidang) == kode
    for induk in k.induk():
        assert kode.startswith(induk + ".") and parse_kode(induk).valid
