"""renja_xl.capaian: one rule per indicator type, defined results for every edge case."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from renja_xl.angka import parse_angka
from renja_xl.capaian import (Hasil, JenisIndikator, capaian, capaian_jamak, capaian_renja, capaian_renstra,
                              jenis_dari_satuan, peringkat_huruf, rata_rata, realisasi_renstra, realisasi_tahun,
                              tingkat_realisasi)

K, P, N, M = (JenisIndikator.KUMULATIF, JenisIndikator.PERSENTASE, JenisIndikator.NILAI_AKHIR,
              JenisIndikator.MENURUN)


@pytest.mark.parametrize("teks, jenis", [("kumulatif", K), ("Kumulatif", K), ("persentase", P), ("Persen", P),
                                         ("nilai akhir", N), ("Nilai_Akhir", N), ("menurun", M), ("Negatif", M),
                                         (K, K), ("sembarang", None), ("", None), (None, None)])
def test_jenis_dari_teks(teks: object, jenis: JenisIndikator | None) -> None:
    assert JenisIndikator.dari_teks(teks) is jenis


@pytest.mark.parametrize("satuan, jenis", [("%", P), ("Persen", P), ("persen", P), ("Indeks", P), ("Nilai", P),
                                           ("Bulan", K), ("Dokumen", K), ("", K), (None, K)])
def test_jenis_dari_satuan(satuan: str | None, jenis: JenisIndikator) -> None:
    assert jenis_dari_satuan(satuan) is jenis


# ------------------------------------------------------------------------------------------ realisasi tahun

def test_realisasi_tahun_kumulatif_menjumlah_triwulan_terisi() -> None:
    assert realisasi_tahun((10.0, 20.0, None, 5.0), K) == 35.0
    assert realisasi_tahun(("3 Bulan", "3 Bulan", "-", ""), K) == 6.0
    assert realisasi_tahun(("1.675.018.357", "1.973.244.136"), K) == 3648262493.0


def test_realisasi_tahun_level_mengambil_triwulan_terakhir_terisi() -> None:
    for jenis in (P, N, M):
        assert realisasi_tahun(("16 Persen", "1 Persen", None, None), jenis) == 1.0
        assert realisasi_tahun((95.0, None, 90.0, None), jenis) == 90.0


def test_realisasi_tahun_tanpa_triwulan_terisi_none() -> None:
    assert realisasi_tahun((None, None, None, None), K) is None
    assert realisasi_tahun(("-", "", None, "Refocusing Anggaran"), P) is None
    assert realisasi_tahun((), K) is None


def test_realisasi_tahun_jenis_sebagai_teks() -> None:
    assert realisasi_tahun((1.0, 2.0), "nilai akhir") == 2.0
    assert realisasi_tahun((1.0, 2.0), "kumulatif") == 3.0


# ------------------------------------------------------------------------------------------ capaian

def test_capaian_dasar_tidak_dibatasi_100() -> None:
    assert capaian(80.0, 100.0).nilai == 80.0
    h = capaian(215.0, 24.0, P)
    assert h.nilai == pytest.approx(895.8333333) and h.melampaui and h.status == "ok"
    assert capaian("84,75 %", "74,84%", P).nilai == pytest.approx(113.2416)


def test_capaian_menurun_target_dibagi_realisasi() -> None:
    assert capaian(8.0, 4.0, M).nilai == 50.0
    assert capaian(2.0, 4.0, M).nilai == 200.0
    h = capaian(0.0, 4.0, M)
    assert h.nilai is None and h.status == "realisasi_nol"


def test_target_kosong_nol_teks_tidak_ada_capaian() -> None:
    for t in (None, "", "-", "Dokumen / laporan"):
        h = capaian(5.0, t)
        assert h.nilai is None and h.status == "target_kosong" and h.alasan
    for r in (3.0, None, 0.0):
        h = capaian(r, 0.0)
        assert h.nilai is None and h.status == "target_nol" and "0" in (h.alasan or "")
    h = capaian(5.0, "Refocusing Anggaran")
    assert h.nilai is None and h.status == "bukan_angka"
    assert capaian(5.0, -3.0).status == "target_negatif"


def test_menurun_target_nol_realisasi_nol_tercapai() -> None:
    assert capaian(0.0, 0.0, M).nilai == 100.0
    assert capaian(1.0, 0.0, M).nilai is None


def test_target_ada_realisasi_kosong_dihitung_nol_dengan_alasan() -> None:
    for r in (None, "", "-", "- Persen"):
        h = capaian(r, 48.0)
        assert h.nilai == 0.0 and h.status == "tanpa_realisasi" and h.alasan
    h = capaian("Refocusing Anggaran", 10.0)
    assert h.nilai == 0.0 and "Refocusing" in (h.alasan or "")


def test_capaian_presisi_penuh() -> None:
    h = capaian(1.0, 3.0)
    assert h.nilai == 1.0 / 3.0 * 100.0  # not rounded to 33,33
    assert h.teks(2) == "33,33%"


def test_capaian_angka_ambigu_diberi_alasan() -> None:
    h = capaian("9.470", "10.000")
    assert h.nilai == pytest.approx(94.7) and h.alasan and "ambigu" in h.alasan


def test_target_huruf_skala_urut() -> None:
    assert [peringkat_huruf(h) for h in ("AA", "A", "BB", "B", "CC", "C", "D")] == [7, 6, 5, 4, 3, 2, 1]
    h = capaian("BB", "A")
    assert h.status == "huruf" and h.nilai == pytest.approx(5 / 6 * 100)
    assert capaian("A", "A").nilai == 100.0
    assert capaian("AA", "A").nilai == pytest.approx(7 / 6 * 100)
    assert capaian(None, "A").nilai == 0.0
    assert capaian(75.0, "A").status == "tidak_sebanding"


def test_opini_bpk_skala_sendiri() -> None:
    """WTP > WDP > TW > TMP, ranked on its own scale; a grade of the other scale is not comparable."""
    assert [peringkat_huruf(h) for h in ("WTP", "WDP", "TW", "TMP")] == [4, 3, 2, 1]
    assert capaian("WTP", "WTP").nilai == 100.0
    assert capaian("WDP", "Opini WTP").nilai == pytest.approx(75.0)
    h = capaian("A", "WTP")
    assert h.nilai is None and h.status == "tidak_sebanding" and "skala" in (h.alasan or "")
    assert capaian("WTP", "A").status == "tidak_sebanding"
    assert capaian(None, "WTP").nilai == 0.0


def test_target_batas() -> None:
    h = capaian("<5% Persen", "<5% Persen", P)
    assert (h.nilai, h.status) == (100.0, "batas")
    assert capaian("3 %", "<5%").nilai == 100.0
    assert capaian("8 %", "<5%").nilai == pytest.approx(5 / 8 * 100)   # outside: menurun ratio to the bound
    assert capaian(75.0, ">72").nilai == 100.0
    assert capaian(36.0, ">72").nilai == pytest.approx(50.0)          # outside: kumulatif ratio to the bound
    assert capaian(5.0, "<5").nilai == pytest.approx(100.0)           # on a strict bound: 5/5 = 100 as well
    assert capaian(5.0, "<=5").status == "batas"


def test_target_rentang() -> None:
    assert capaian("5 %", "4,5 - 5,5 %").nilai == 100.0
    assert capaian(3.0, "$3,0 \\pm 1$ %").nilai == 100.0
    assert capaian(11.5, "11,94-11,02 %").nilai == 100.0
    # outside: ratio against the nearest bound, direction from the indicator type
    assert capaian(4.0, "4,5 - 5,5 %").nilai == pytest.approx(4 / 4.5 * 100)
    assert capaian(6.0, "4,5 - 5,5 %").nilai == pytest.approx(6 / 5.5 * 100)
    assert capaian(11.0, "7,7 - 9,1 %", M).nilai == pytest.approx(9.1 / 11 * 100)
    assert capaian(7.0, "7,7 - 9,1 %", M).nilai == pytest.approx(7.7 / 7 * 100)
    assert capaian(7.0, "7,7 - 9,1 %", M).status == "rentang"


def test_capaian_sel_jamak_rata_rata_bukan_gabungan() -> None:
    h = capaian("6277 kotak 63 kali", "7849 kotak 80 kali")
    assert h.status == "jamak" and len(h.rincian) == 2
    assert h.nilai == pytest.approx((6277 / 7849 + 63 / 80) / 2 * 100)


def test_capaian_jamak_daftar_dan_pasangan_satuan() -> None:
    h = capaian_jamak([60, 40, 223], [70, 50, 380])
    assert h.nilai == pytest.approx((60 / 70 + 40 / 50 + 223 / 380) / 3 * 100)
    assert h.nilai != pytest.approx((60 + 40 + 223) / (70 + 50 + 380) * 100)
    # different counts: paired by unit
    h = capaian_jamak(parse_angka("40 kali 6000 kotak"), parse_angka("7849 kotak 80 kali"))
    assert h.nilai == pytest.approx((6000 / 7849 + 40 / 80) / 2 * 100)
    h = capaian_jamak([1.0], [2.0, 3.0])
    assert h.nilai is None and h.status == "jamak_tidak_cocok"
    # one type per indicator
    h = capaian_jamak([8.0, 50.0], [4.0, 100.0], [M, K])
    assert h.nilai == pytest.approx((50 + 50) / 2)


def test_capaian_jamak_tanpa_realisasi_semua_nol() -> None:
    h = capaian_jamak(None, "1 Dok Renja, 4 Dok RKA")
    assert h.nilai == 0.0


def test_capaian_renja_dan_tingkat_realisasi() -> None:
    assert capaian_renja(("3 Bulan", "3 Bulan"), "12 Bulan").nilai == 50.0
    assert capaian_renja(("16 Persen", "1 Persen"), "194 Persen", P).nilai == pytest.approx(1 / 194 * 100)
    assert tingkat_realisasi("423.000", "500.000").nilai == pytest.approx(84.6)


def test_realisasi_dan_capaian_renstra() -> None:
    assert realisasi_renstra(160.0, 40.0, K) == 200.0
    assert realisasi_renstra(None, 40.0, K) == 40.0
    assert realisasi_renstra(None, None, K) is None
    assert realisasi_renstra("24,5 %", "20,35", P) == pytest.approx(20.35)
    assert realisasi_renstra(20.0, None, P) == 20.0
    assert realisasi_renstra(1075, 423, K, perkiraan=425) == 1923
    assert capaian_renstra(160.0, 40.0, 320.0).nilai == pytest.approx(62.5)
    assert capaian_renstra("0,57 Persen", None, "1,53 Persen", P).nilai == pytest.approx(0.57 / 1.53 * 100)


# ------------------------------------------------------------------------------------------ averages

def test_rata_rata_aturan_tunggal() -> None:
    items = [capaian(None, 10.0), capaian(5.0, None), capaian(8.0, 10.0), capaian(3.0, 0.0), 90.0, None]
    h = rata_rata(items)
    # no target (and target 0, and None) left out; target without realisasi counts as 0
    assert h.nilai == pytest.approx((0.0 + 80.0 + 90.0) / 3)
    assert h.alasan and "3" in h.alasan


def test_rata_rata_kosong_dan_teks() -> None:
    h = rata_rata([])
    assert h.nilai is None and h.status == "tanpa_capaian"
    assert rata_rata([None, capaian(1.0, None)]).nilai is None
    assert rata_rata([90.0, 60.0]).nilai == 75.0
    assert rata_rata(["90,5", 9.5]).nilai == pytest.approx(50.0)


def test_hasil_teks_untuk_tampilan() -> None:
    assert Hasil(37.5).teks(0) == "38%"
    assert Hasil(None, "target_kosong", "Target kosong").teks() == "Target kosong"


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.none(), st.floats(allow_nan=True), st.text(max_size=20)),
       st.one_of(st.none(), st.floats(allow_nan=True), st.text(max_size=20)),
       st.sampled_from(list(JenisIndikator)))
def test_capaian_tidak_pernah_gagal(r: object, t: object, jenis: JenisIndikator) -> None:
    h = capaian(r, t, jenis)
    assert isinstance(h, Hasil)
    assert h.nilai is not None or h.alasan


@settings(max_examples=150, deadline=None)
@given(st.floats(min_value=0, max_value=1e9), st.floats(min_value=1e-3, max_value=1e9))
def test_kumulatif_dan_menurun_berkebalikan(r: float, t: float) -> None:
    h = capaian(r, t, K)
    assert h.nilai == pytest.approx(r / t * 100)
    if r > 0:
        harap = t / r * 100
        m = capaian(r, t, M)
        if math.isfinite(harap):
            assert m.nilai == pytest.approx(harap)
        else:  # t / r overflows: no capaian rather than inf
            assert m.nilai is None and m.status == "tidak_sebanding"
