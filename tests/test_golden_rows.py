"""Golden rows G1-G19 of seeds-spec §6: the arithmetic the tool must get right (not what was printed).

Inputs are literals copied from the seed cells as printed ("48 Bulan", "15.970.442.994", "<5% Persen"),
so these tests also exercise the number parser. Expected values are the "correct" column of §6, to the
two decimals it gives (full precision is kept by the code; only the comparison rounds).
"""

from __future__ import annotations

import pytest

from renja_xl.angka import parse_angka
from renja_xl.capaian import (JenisIndikator, capaian, capaian_jamak, capaian_renja, capaian_renstra, rata_rata,
                              realisasi_renstra, realisasi_tahun, tingkat_realisasi)
from renja_xl.predikat import predikat

K, P, N = JenisIndikator.KUMULATIF, JenisIndikator.PERSENTASE, JenisIndikator.NILAI_AKHIR


def dua(x: float | None) -> float:
    """Round for comparison with the two-decimal figures of §6."""
    assert x is not None
    return round(x, 2)


def test_g1_pontianak_gaji_asn_kontrol() -> None:
    # 000:187 col 5 "48 Bulan" "15.970.442.994"; col 6 "12 Bulan" "7.805.036.664"; col 7 "12 Bulan"
    # "7.863.041.117"; col 8 "3 Bulan" "1.675.018.357"; col 9 "3 Bulan" "1.973.244.136"
    k12 = realisasi_tahun(("3 Bulan", "3 Bulan"), K)
    rp12 = realisasi_tahun(("1.675.018.357", "1.973.244.136"), K)
    assert (k12, rp12) == (6.0, 3648262493.0)
    assert realisasi_renstra("12 Bulan", k12, K) == 18.0
    assert realisasi_renstra("7.805.036.664", rp12, K) == 11453299157.0
    assert dua(capaian_renstra("12 Bulan", k12, "48 Bulan", K).nilai) == 37.50
    assert dua(capaian_renstra("7.805.036.664", rp12, "15.970.442.994", K).nilai) == 71.72
    assert dua(capaian_renja(("3 Bulan", "3 Bulan"), "12 Bulan", K).nilai) == 50.00
    assert dua(capaian_renja(("1.675.018.357", "1.973.244.136"), "7.863.041.117", K).nilai) == 46.40


def test_g2_stabilisasi_harga_rp() -> None:
    rp12 = realisasi_tahun(("5.953.200", "58.579.800"), K)
    assert rp12 == 64533000.0
    assert realisasi_renstra("85.137.249", rp12, K) == 149670249.0
    h = capaian_renstra("85.137.249", rp12, "191.328.300", K)
    assert dua(h.nilai) == 78.23 and predikat(h) == "Tinggi"


def test_g3_target_batas_lebih_kecil_lebih_baik() -> None:
    h = capaian("<5% Persen", "<5% Persen", P)
    assert h.nilai == 100.0 and h.status == "batas"
    rp12 = realisasi_tahun(("5.953.200", "54.479.800"), K)
    assert rp12 == 60433000.0
    assert realisasi_renstra("78.237.249", rp12, K) == 138670249.0
    assert dua(capaian_renstra("78.237.249", rp12, "177.528.300", K).nilai) == 78.11


def test_g4_perencanaan_industri() -> None:
    assert dua(capaian("150 Persen", "400 Persen", P).nilai) == 37.50
    rp12 = realisasi_tahun(("80.859.200", "33.075.400"), K)
    assert rp12 == 113934600.0
    assert realisasi_renstra("165.325.400", rp12, K) == 279260000.0
    h = capaian_renstra("165.325.400", rp12, "557.247.050", K)
    assert dua(h.nilai) == 50.11 and predikat(h) == "Sangat Rendah"


def test_g5_rp_strip_berarti_nol() -> None:
    # K level indicator: col 12 blank -> col 13 = the latest value 0,57
    assert realisasi_renstra("0,57 Persen", None, P) == pytest.approx(0.57)
    assert dua(capaian_renstra("0,57 Persen", None, "1,53 Persen", P).nilai) == 37.25
    rp12 = realisasi_tahun(("-", "-"), K)
    h = capaian_renstra("-", rp12, "2.761.900", K)
    assert h.nilai == 0.0 and h.status == "tanpa_realisasi"


def test_g6_sarana_distribusi_tanpa_batas_100() -> None:
    h = capaian("215% Persen", "24% Persen", P)
    assert dua(h.nilai) == 895.83 and predikat(h) == "Sangat Tinggi"
    h = capaian("3.414.351.650", "5.300.785.273", K)
    assert dua(h.nilai) == 64.41 and predikat(h) == "Rendah"


def test_g7_rata_rata_perindustrian() -> None:
    k = rata_rata([38, 50, 50])
    rp = rata_rata([20, 0, None])  # blank = no capaian, left out
    assert (dua(k.nilai), dua(rp.nilai)) == (46.00, 10.00)
    assert predikat(k) == predikat(rp) == "Sangat Rendah"
    benar = rata_rata([capaian("279.260.000", "557.247.050"), capaian("3.195.000", "6.401.000"), 0.0])
    assert dua(benar.nilai) == 33.34 and predikat(benar) == "Sangat Rendah"


def test_g8_gaji_asn_malang() -> None:
    k = capaian_renja(("3 bulan", "3 bulan"), "14 bulan", K)
    rp12 = realisasi_tahun(("5.137.199.958", "9.243.265.924"), K)
    assert rp12 == 14380465882.0
    rp = capaian(rp12, "37.137.004.140", K)
    assert (dua(k.nilai), dua(rp.nilai)) == (42.86, 38.72)
    assert predikat(k) == predikat(rp) == "Sangat Rendah"


def test_g9_program_perizinan() -> None:
    subs = [("5 kali", "38.150.000", "2 kali", "8.800.000", "3 kali", "26.430.000"),
            ("120 UKM", "87.800.000", "120", "82.440.000", "0", "-"),
            ("5 kali", "37.560.000", "2 kali", "7.400.000", "3 kali", "26.170.000")]
    k = [capaian_renja((k8, k9), k7, K) for k7, _, k8, _, k9, _ in subs]
    rp = [capaian_renja((r8, r9), r7, K) for _, r7, _, r8, _, r9 in subs]
    assert [dua(h.nilai) for h in rp] == [92.35, 93.90, 89.38]
    rk, rrp = rata_rata(k), rata_rata(rp)
    assert dua(rk.nilai) == 100.00 and predikat(rk) == "Sangat Tinggi"
    # §6 prints 91.88 = mean of the sub values rounded to 2 decimals; full precision gives 91.8727
    assert rrp.nilai == pytest.approx(91.88, abs=0.01) and dua(rrp.nilai) == 91.87
    assert predikat(rrp) == "Sangat Tinggi"


def test_g10_dua_satuan_dalam_satu_sel() -> None:
    h = capaian("6277 kotak 63 kali", "7849 kotak 80 kali", K)
    assert [dua(x.nilai) for x in h.rincian] == [79.97, 78.75]
    assert dua(h.nilai) == 79.36 and predikat(h) == "Tinggi"
    rp = capaian("236.306.773", "1.533.525.900")
    assert dua(rp.nilai) == 15.41 and predikat(rp) == "Sangat Rendah"


def test_g11_dua_indikator_kepatuhan_koperasi() -> None:
    h = capaian_jamak([30, realisasi_tahun((4, 3), K)], [90, 17], K)
    assert dua(h.nilai) == 37.25 and predikat(h) == "Sangat Rendah"
    assert dua(capaian("18.323.256", "62.780.000").nilai) == 29.19


def test_g12_pemberdayaan_usaha_mikro_kontrol() -> None:
    target = parse_angka("9.7 69 U M")
    assert target.nilai == 9769.0 and target.satuan == "UM"
    k12 = realisasi_tahun(("2.080", "5.560"), K)
    assert k12 == 7640.0
    k = capaian(k12, target, K)
    rp12 = realisasi_tahun(("165.954.684", "595.170.452"), K)
    assert rp12 == 761125136.0
    rp = capaian(rp12, "1.610.562.700")
    assert (dua(k.nilai), dua(rp.nilai)) == (78.21, 47.26)
    assert (predikat(k), predikat(rp)) == ("Tinggi", "Sangat Rendah")


def test_g13_rata_rata_bukan_gabungan() -> None:
    h = capaian_jamak(["60 orang", "40 orang", "223 orang"], ["70", "50", "380"], K)
    assert dua(h.nilai) == 74.80 and predikat(h) == "Sedang"
    gabungan = capaian(60 + 40 + 223, 70 + 50 + 380)
    assert dua(gabungan.nilai) == 64.60 and dua(gabungan.nilai) != dua(h.nilai)


def test_g14_tingkat_realisasi_kalbar() -> None:
    assert dua(tingkat_realisasi("9 org", "20 org").nilai) == 45.00


def test_g15_melampaui_target_kontrol() -> None:
    h = tingkat_realisasi("84,75 %", "74,84%")
    assert dua(h.nilai) == 113.24 and h.melampaui and predikat(h) == "Sangat Tinggi"


def test_g16_semarang_kumulatif_dengan_perkiraan() -> None:
    assert dua(tingkat_realisasi("423", "425").nilai) == 99.53
    assert realisasi_renstra("1075", "423", K, perkiraan="425") == 1923.0
    assert dua(capaian_renstra("1075", "423", "1675 org", K, perkiraan="425").nilai) == 114.81


def test_g17_semarang_indikator_level() -> None:
    assert dua(tingkat_realisasi("20,35", "20").nilai) == 101.75
    assert realisasi_renstra("24,5 %", "20,35", P, perkiraan="21") == 21.0   # last value, not a sum
    assert dua(capaian_renstra("24,5 %", "20,35", "23%", P, perkiraan="21").nilai) == 91.30


def test_g18_realisasi_keuangan() -> None:
    anggaran, realisasi = parse_angka("500.000").nilai, parse_angka("423.000").nilai
    assert anggaran is not None and realisasi is not None
    assert dua(tingkat_realisasi("423.000", "500.000").nilai) == 84.60
    assert anggaran - realisasi == 77000.0


def test_g19_rencana_aksi_jenis_menentukan_tahunan() -> None:
    berjalan = ("TW 1 = 39", "TW 2 = 78", "TW 3= 117", "TW 4 = 156")   # running total: last value
    aliran = ("TW 1 = 375", "TW 2 = 375", "TW 3 = 375", "TW 4 = 375")  # flow per quarter: sum
    assert parse_angka("TW 3= 117").nilai == 117.0
    assert realisasi_tahun(berjalan, N) == 156.0
    assert realisasi_tahun(aliran, K) == 1500.0
    assert realisasi_tahun(berjalan, K) != realisasi_tahun(berjalan, N)


def test_demo_inti_menampilkan_nilai_benar_dan_yang_dicetak() -> None:
    from rich.console import Console

    from renja_xl.cli.demo import jalankan_demo_inti

    console = Console(record=True, width=240)
    jalankan_demo_inti(console)
    teks = console.export_text()
    for benar in ("37,50%", "71,72%", "78,23%", "42,86%", "38,72%", "91,87%", "74,80%", "64,60%"):
        assert benar in teks
    assert "13,83% (salah)" in teks and "Sangat Tinggi / Sangat Tinggi" in teks
    assert "44.889.784.840" in teks and "bisa berarti" in teks
