"""Validation of codes and names against a small catalog built here (no ../shared needed)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from renja_xl.kode import Tingkat
from renja_xl.nomenklatur.katalog import Entri, Katalog
from renja_xl.nomenklatur.validasi import Konteks, Vonis, banding_nama, validasi

U, B, P, K, S = Tingkat.URUSAN, Tingkat.BIDANG, Tingkat.PROGRAM, Tingkat.KEGIATAN, Tingkat.SUB_KEGIATAN
PROV = Konteks(jenis_pemda="provinsi", bidang="2.17")
KAB = Konteks(jenis_pemda="kabupaten/kota", bidang="2.17")


def _katalog(entri: list[Entri], nama: str = "uji") -> Katalog:
    return Katalog(entri, nama=nama)


@pytest.fixture(scope="module")
def kat4() -> Katalog:
    """A 4-digit (050-5889/2021 style) list with program 01 only as a template."""
    return _katalog([
        Entri("2", U, "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR", "PROV,KABKOT"),
        Entri("X", U, "URUSAN X.XX", "PROV,KABKOT"),
        Entri("2.17", B, "URUSAN PEMERINTAHAN BIDANG KOPERASI, USAHA KECIL, DAN MENENGAH", "PROV,KABKOT"),
        Entri("X.XX", B, "URUSAN PEMERINTAHAN BIDANG XX", "PROV,KABKOT"),
        Entri("X.XX.01", P, "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH PROVINSI", "PROV,KABKOT",
              nama_lain=("PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",)),
        Entri("X.XX.01.1.01", K, "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "PROV"),
        Entri("X.XX.01.1.01.0001", S, "Penyusunan Dokumen Perencanaan Perangkat Daerah", "PROV"),
        Entri("X.XX.01.1.01.0002", S, "Koordinasi dan Penyusunan Dokumen RKA-SKPD", "PROV"),
        Entri("X.XX.01.2.01", K, "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "KABKOT"),
        Entri("X.XX.01.2.01.0001", S, "Penyusunan Dokumen Perencanaan Perangkat Daerah", "KABKOT"),
        Entri("X.XX.01.1.07.0005", S, "Pengadaan Mebel", "PROV"),
        Entri("X.XX.01.1.07", K, "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", "PROV"),
        Entri("2.17.02", P, "PROGRAM PELAYANAN IZIN USAHA SIMPAN PINJAM", "PROV,KABKOT"),
        Entri("2.17.02.1.02", K, "Penerbitan Izin Pembukaan Kantor Cabang Koperasi Simpan Pinjam", "PROV"),
        Entri("2.17.02.1.02.0005", S, "Sistem Pelayanan Perizinan Berusaha Terintegrasi Secara Elektronik", "PROV",
              sebelumnya=("2.17.02.1.02.0002",), indikator="Jumlah Koperasi yang Mengakses Sistem Perizinan"),
        Entri("2.17.02.1.02.0006", S, "Fasilitasi Izin Usaha Pembukaan Kantor Cabang", "PROV",
              sebelumnya=("2.17.02.1.02.0001",)),
        Entri("2.17.02.1.02.0001", S, "Fasilitasi Izin Pembukaan Kantor Cabang", "PROV"),
        Entri("2.17.02.2.01", K, "Penerbitan Izin Usaha Simpan Pinjam Kewenangan Kabupaten/Kota", "KABKOT"),
        Entri("2.17.02.2.01.0001", S, "Fasilitasi Pemenuhan Izin Usaha Simpan Pinjam Kewenangan Kabupaten/Kota",
              "KABKOT"),
        Entri("2.17.02.2.01.0002", S, "Pemeriksaan Kepatuhan Koperasi terhadap Peraturan Perundang-Undangan",
              "KABKOT"),
        Entri("2.17.03.2.01.0001", S, "Sub kegiatan tanpa induk", "KABKOT"),
    ], nama="2027")


@pytest.fixture(scope="module")
def kat2() -> Katalog:
    """A 2-digit (Permendagri 90/2019) list."""
    return _katalog([
        Entri("2", U, "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR"),
        Entri("2.17", B, "URUSAN PEMERINTAHAN BIDANG KOPERASI", "KABKOT"),
        Entri("2.17.02", P, "PROGRAM PELAYANAN IZIN USAHA SIMPAN PINJAM", "KABKOT"),
        Entri("2.17.02.2.01", K, "Penerbitan Izin Usaha Simpan Pinjam", "KABKOT"),
        Entri("2.17.02.2.01.01", S, "Fasilitasi Pemenuhan Izin Usaha Simpan Pinjam", "KABKOT"),
        Entri("2.17.02.2.01.02", S, "Pengembangan Usaha Koperasi Kewenangan Provinsi", "KABKOT"),
    ], nama="2020")


def _jenis(v: Vonis) -> set[str]:
    return {t.jenis for t in v.temuan}


# ---- the catalog itself


def test_katalog_cari_anak_bidang(kat4: Katalog) -> None:
    assert kat4.cari("2.17.01.1.01.0001").kode == "X.XX.01.1.01.0001"  # program 01 through the template
    assert kat4.cari("9.99.01.1.01.0001") is None  # ... only for a bidang that exists
    assert kat4.cari(" 2.17.02 .") is not None and kat4.cari("bukan") is None
    assert kat4.ada_bidang("2.17") and not kat4.ada_bidang("2.18") and not kat4.ada_bidang("X.XX")
    assert kat4.anak("2.17") == ["2.17.01", "2.17.02"]
    assert kat4.anak("2.17.01") == ["2.17.01.1.01", "2.17.01.1.07", "2.17.01.2.01"]
    assert kat4.anak("2.17.02.1.02") == ["2.17.02.1.02.0001", "2.17.02.1.02.0005", "2.17.02.1.02.0006"]
    assert kat4.pengganti("2.17.02.1.02.0002") == ["2.17.02.1.02.0005"]
    assert kat4.pengganti("2.17.02.1.02.0005") == []
    assert kat4.digit_sub == 4 and "050-5889" in kat4.dasar_hukum


def test_katalog_mirip(kat4: Katalog) -> None:
    assert kat4.mirip_kode("2.17.02.1.02.0007", 2)[0] in set(kat4.anak("2.17.02.1.02"))
    assert kat4.mirip_kode("2.17.01.1.01.0003", 1) == ["2.17.01.1.01.0001"]  # shown with the bidang
    kode, nama, skor = kat4.mirip_nama("sistem pelayanan perizinan berusaha terintegrasi elektronik", S, 1)[0]
    assert kode == "2.17.02.1.02.0005" and skor > 80


# ---- verdicts


def test_benar(kat4: Katalog) -> None:
    v = validasi("2.17.01.1.01.0001", konteks=PROV, katalog=kat4)
    assert (v.status, v.tingkat, v.nama_resmi, v.temuan) == ("benar", S, "Penyusunan Dokumen Perencanaan Perangkat "
                                                             "Daerah", ())
    assert validasi("2.17.01", konteks=KAB, katalog=kat4).nama_resmi.endswith("KABUPATEN/KOTA")
    assert validasi("2.17.01", konteks=PROV, katalog=kat4).nama_resmi.endswith("PROVINSI")
    v = validasi("2.17.02.1.02.0005", "SISTEM PELAYANAN perizinan berusaha, terintegrasi secara elektronik.",
                 PROV, kat4)
    assert v.status == "benar"  # case, spacing and punctuation never matter


def test_format_dengan_kode_perbaikan(kat4: Katalog) -> None:
    v = validasi("2.17.01.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", PROV, kat4)
    assert v.status == "salah" and v.saran == "2.17.01.1.01"
    assert "kode.segmen_pemda_hilang" in _jenis(v) and "nomenklatur.saran_ada" in _jenis(v)
    assert v.nama_resmi == "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"
    v = validasi("02.17.02 .", katalog=kat4)
    assert v.status == "peringatan" and v.normal == "2.17.02" and v.nama_resmi is not None


def test_kode_tidak_ada_dengan_kode_terdekat(kat4: Katalog) -> None:
    v = validasi("2.17.02.1.02.0009", "Sistem Pelayanan Perizinan Berusaha Terintegrasi Secara Elektronik",
                 PROV, kat4)
    assert v.status == "salah" and "nomenklatur.tidak_ada" in _jenis(v)
    t = next(t for t in v.temuan if t.jenis == "nomenklatur.tidak_ada")
    assert "2.17.02.1.02.0005" in t.pesan and "Kode terdekat" in t.pesan
    assert v.saran == "2.17.02.1.02.0005"  # by name
    v = validasi("2.17.04.1.01.0001", katalog=kat4)
    assert "Induknya" in v.temuan[-1].pesan


def test_bidang_tidak_ada(kat4: Katalog) -> None:
    v = validasi("2.99.02.1.02.0005", katalog=kat4)
    assert v.status == "salah" and _jenis(v) == {"nomenklatur.bidang_tidak_ada"}
    assert "2.99" in v.temuan[0].pesan


def test_era_2_digit_di_katalog_4_digit(kat4: Katalog) -> None:
    v = validasi("2.17.02.1.02.02", konteks=PROV, katalog=kat4)
    assert v.status == "salah" and v.saran == "2.17.02.1.02.0005"
    pesan = v.temuan[-1].pesan
    assert "Permendagri 90/2019" in pesan and "050-5889/2021" in pesan and "SEBELUMNYA" in pesan
    v = validasi("2.17.01.1.07.05", "Pengadaan Mebel", PROV, kat4)
    assert v.saran == "2.17.01.1.07.0005" and v.nama_resmi == "Pengadaan Mebel"


def test_era_4_digit_di_katalog_2_digit(kat2: Katalog) -> None:
    v = validasi("2.17.02.2.01.0001", konteks=KAB, katalog=kat2)
    assert v.status == "salah" and "nomenklatur.era" in _jenis(v) and v.saran == "2.17.02.2.01.01"
    assert "2 digit" in v.temuan[-1].pesan and kat2.digit_sub == 2


def test_pemda_salah(kat4: Katalog) -> None:
    v = validasi("2.17.01.1.01.0001", konteks=KAB, katalog=kat4)
    assert v.status == "salah" and "nomenklatur.pemda" in _jenis(v) and v.saran == "2.17.01.2.01.0001"
    v = validasi("2.17.02.2.01.0001", konteks=PROV, katalog=kat4)
    assert v.status == "salah" and "nomenklatur.pemda" in _jenis(v)


@pytest.mark.parametrize("nama, jenis, status", [
    ("Fasilitasi Pemenuhan Izin Usaha Simpan Pinjam Kewenangan Kabupaten/Kota", set(), "benar"),
    ("Fasilitasi Pemenuhan Izin Usaha Simpan Pinjm Kewenangan Kabupaten/kota", {"nama.ejaan"}, "peringatan"),
    ("Fasilitasi Pemenuhan Izin Usaha Simpan Pinjam Kewenangan Provinsi", {"nama.pemda"}, "salah"),
    ("Fasilitasi Pemenuhan Izin Usaha Simpan Pinjam dan Pembukaan Kantor Kewenangan Kabupaten/Kota",
     {"nama.beda"}, "peringatan"),
    ("Jumlah koperasi yang difasilitasi izinnya", {"nama.indikator"}, "salah"),
    ("Penyediaan Makanan dan Minuman", {"nama.tidak_cocok"}, "salah"),
    ("Pemeriksaan Kepatuhan Koperasi terhadap Peraturan Perundang-Undangan", {"nama.kode_lain"}, "salah"),
    ("Fasilitasi Pemenuhan Izin Usaha Simpan", {"nama.terpotong"}, "benar"),
])
def test_nama(kat4: Katalog, nama: str, jenis: set[str], status: str) -> None:
    v = validasi("2.17.02.2.01.0001", nama, KAB, kat4)
    assert (_jenis(v), v.status) == (jenis, status)
    if status != "benar":
        assert any(t.pesan and (t.saran or t.seharusnya) for t in v.temuan)


def test_nama_berlawanan_arti(kat4: Katalog) -> None:
    v = validasi("2", "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR", katalog=kat4)
    assert v.status == "salah" and "tidak" in v.temuan[0].pesan


def test_banding_nama_langsung() -> None:
    assert banding_nama("Pengadaan  Mebel.", ["pengadaan mebel"]).jenis == "sama"
    assert banding_nama("Penuhunan dan Pengembangan Kewirausahaan",
                        ["Penumbuhan dan Pengembangan Kewirausahaan"]).jenis == "ejaan"


def test_kewenangan_provinsi_pada_kode_kabkota(kat2: Katalog) -> None:
    # the 2-digit list itself says "Kewenangan Provinsi" on a kab/kota code: report it anyway
    v = validasi("2.17.02.2.01.02", "Pengembangan Usaha Koperasi Kewenangan Provinsi", KAB, kat2)
    assert v.status == "peringatan" and "nama.pemda" in _jenis(v) and "katalognya mungkin keliru" in v.temuan[0].pesan


def test_tingkat_baris(kat4: Katalog) -> None:
    kx = Konteks(jenis_pemda="provinsi", bidang="2.17", tingkat=K)
    v = validasi("2.17.02.1.02.0005", "Penerbitan Izin Pembukaan Kantor Cabang Koperasi Simpan Pinjam", kx, kat4)
    assert v.status == "salah" and v.saran == "2.17.02.1.02" and _jenis(v) == {"nomenklatur.tingkat"}
    kx = Konteks(jenis_pemda="provinsi", tingkat=S)
    v = validasi("2.17.02", konteks=kx, katalog=kat4)
    assert "nomenklatur.tingkat" in _jenis(v) and v.status == "salah"


def test_induk_hilang(kat4: Katalog) -> None:
    v = validasi("2.17.03.2.01.0001", konteks=KAB, katalog=kat4)
    assert v.status == "peringatan" and "nomenklatur.induk_tidak_ada" in _jenis(v)


def test_diganti(kat4: Katalog) -> None:
    v = validasi("2.17.02.1.02.0002", konteks=PROV, katalog=kat4)  # gone, successor recorded
    assert v.status == "salah" and v.saran == "2.17.02.1.02.0005" and "nomenklatur.diganti" in _jenis(v)
    v = validasi("2.17.02.1.02.0001", konteks=PROV, katalog=kat4)  # still listed, but has a successor
    assert v.status == "peringatan" and v.temuan[0].saran == "2.17.02.1.02.0006"


def test_program01_dan_template(kat4: Katalog) -> None:
    v = validasi("3.30.01.1.01.0001", konteks=PROV, katalog=kat4)
    assert "nomenklatur.bidang_tidak_ada" in _jenis(v)
    kat = _katalog(list(kat4) + [Entri("3.30", B, "URUSAN PEMERINTAHAN BIDANG PERDAGANGAN", "PROV,KABKOT")])
    v = validasi("3.30.01.1.01.0001", konteks=PROV, katalog=kat)
    assert v.status == "peringatan" and "nomenklatur.program01_bidang" in _jenis(v)
    assert v.temuan[0].saran == "2.17.01.1.01.0001"
    v = validasi("X.XX.01.1.01.0001", konteks=PROV, katalog=kat4)
    assert v.status == "peringatan" and v.saran == "2.17.01.1.01.0001" and "kode.template" in _jenis(v)


def test_tanpa_katalog() -> None:
    v = validasi("2.17.01.1.01.0001")
    assert v.status == "peringatan" and _jenis(v) == {"nomenklatur.tanpa_katalog"}
    assert "renja-xl nomenklatur impor" in v.temuan[0].saran
    v = validasi("2.17.01.02.05 .", konteks=KAB)
    assert v.status == "salah" and v.saran == "2.17.01.2.05"
    assert [t.jenis for t in v.temuan].count("nomenklatur.tanpa_katalog") == 1


def test_ke_dict(kat4: Katalog) -> None:
    d = validasi("2.17.02.1.02.02", konteks=PROV, katalog=kat4).ke_dict()
    assert {"kode", "status", "nama_resmi", "tingkat", "temuan"} <= set(d)
    assert d["tingkat"] == "sub kegiatan" and d["status"] == "salah"
    assert all({"pesan", "saran"} <= set(t) for t in d["temuan"])


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=40), st.integers(), st.floats(allow_nan=True), st.none(),
                 st.from_regex(r"[0-9X]{1,2}([.\- ][0-9X]{1,4}){0,6}[ .\-]?", fullmatch=True)),
       st.one_of(st.none(), st.text(max_size=30)),
       st.sampled_from([None, PROV, KAB, Konteks(tingkat=K)]))
def test_tidak_pernah_gagal(kat4: Katalog, kode: object, nama: str | None, konteks: Konteks | None) -> None:
    v = validasi(kode, nama, konteks, kat4)
    assert v.status in ("benar", "peringatan", "salah")
    assert (v.status == "benar") == (not any(t.tingkat in ("salah", "peringatan") for t in v.temuan))
    if v.status == "benar":
        assert v.nama_resmi


# --------------------------------------------------------------------------------------------------
# suggestions that fit the document's pemda level and bidang; names checked without a list


def test_saran_nama_selevel_pemda(kat4: Katalog) -> None:
    # the name is the provinsi sub kegiatan's; a kab/kota document must not be sent to a provinsi code
    nama = "Fasilitasi Izin Usaha Pembukaan Kantor Cabang"
    assert kat4.mirip_nama(nama, S, 1)[0][0] == "2.17.02.1.02.0006"
    assert all(".1." not in k for k, _n, _s in kat4.mirip_nama(nama, S, 5, digit_pemda="2"))
    v = validasi("2.17.02.2.01.0009", nama, KAB, kat4)
    teks = " ".join(f"{t.pesan} {t.saran}" for t in v.temuan)
    assert v.status == "salah" and "2.17.02.1.02" not in teks and "2.17.02.1.02" not in str(v.saran)
    # the code's own digit decides when the document does not say
    v = validasi("2.17.02.2.01.0009", nama, None, kat4)
    assert "2.17.02.1.02" not in " ".join(f"{t.pesan} {t.saran}" for t in v.temuan)
    # a provinsi document still gets it, with how close the name is
    v = validasi("2.17.02.1.02.0009", nama, PROV, kat4)
    assert v.saran == "2.17.02.1.02.0006" and "kemiripan nama 100 %" in " ".join(t.pesan for t in v.temuan)
    # by code too: the nearest codes of a kab/kota document are kab/kota ones
    assert all(k.split(".")[3] == "2" for k in kat4.mirip_kode("2.17.02.2.02.0001", 3, digit_pemda="2"))


def test_saran_bidang_sendiri_didahulukan() -> None:
    kat = _katalog([
        Entri("1.02.02.2.01.0001", S, "Pengembangan Sistem Informasi Kesehatan", "KABKOT"),
        Entri("2.17.02.2.01.0001", S, "Pengembangan Sistem Informasi Koperasi", "KABKOT"),
    ])
    hasil = kat.mirip_nama("Pengembangan Sistem Informasi Kesehatan Koperasi", S, 2, bidang="2.17")
    assert hasil[0][0] == "2.17.02.2.01.0001"


def test_nama_ejaan_dengan_kemiripan(kat4: Katalog) -> None:
    v = validasi("2.17.02.2.01.0002", "Pemeriksaan Keputuhan Koperasi terhadap Peraturan Perundang-Undangan",
                 KAB, kat4)
    t = next(t for t in v.temuan if t.jenis == "nama.ejaan")
    assert v.status == "peringatan" and t.saran == "Pemeriksaan Kepatuhan Koperasi terhadap Peraturan Perundang-Undangan"
    assert "'keputuhan' → 'kepatuhan'" in t.pesan and "kemiripan nama 9" in t.pesan


def test_nama_kosong_dan_indikator_tanpa_katalog() -> None:
    from renja_xl.nomenklatur.validasi import cek_nama_baris

    t = cek_nama_baris("", "2.17.01.2.05.02", S, None, "Jumlah pakaian dinas beserta perlengkapannya")
    assert [x.jenis for x in t] == ["nama.kosong"] and "Jumlah pakaian dinas" in t[0].pesan
    t = cek_nama_baris("  ", "2.17.01.2.05.02", S, "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya")
    assert t[0].saran == "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya"
    for nama in ("Jumlah Pelaku usaha yang dibina", "Jangka waktu Pemantauan Harga dan Stok Barang",
                 "Persentase koperasi sehat"):
        assert [x.jenis for x in cek_nama_baris(nama, "3.30.05.2.01.01", S)] == ["nama.indikator"], nama
    assert cek_nama_baris("Penyediaan Gaji dan Tunjangan ASN", "2.17.01.2.02.01", S) == []
    assert cek_nama_baris("Indeks Kepuasan Masyarakat", "x", S, "Indeks Kepuasan Masyarakat") == []


def test_program_dengan_jenis_pemda_di_akhir_nama(kat2: Katalog) -> None:
    # a list naming the program without its pemda kind; the document adds the kind it is
    nama = "PROGRAM PELAYANAN IZIN USAHA SIMPAN PINJAM KABUPATEN/KOTA"
    assert validasi("2.17.02", nama, KAB, kat2).benar
    assert not _jenis(validasi("2.17.02", nama, None, kat2)) & {"nama.beda", "nama.tidak_cocok"}
    v = validasi("2.17.02", nama.replace("KABUPATEN/KOTA", "PROVINSI"), KAB, kat2)
    assert not v.benar and any(j.startswith("nama.") for j in _jenis(v))


def test_nama_singkat_awal_nama_resmi_terpotong(kat4: Katalog) -> None:
    v = validasi("2.17.02.2.01.0001", "Fasilitasi Pemenuhan Izin Usaha", KAB, kat4)
    assert v.status == "benar" and _jenis(v) == {"nama.terpotong"}


def test_saran_kode_bidang_sendiri_bila_sama_dekat() -> None:
    kat = _katalog([
        Entri("1.02.02.2.01.0001", S, "Sub kesehatan", "KABKOT"),
        Entri("2.07.02.2.01.0001", S, "Sub lain", "KABKOT"),
    ])
    # 1.07.02.2.01.0001 is one edit from both; equally near, the OPD's own bidang comes first
    assert kat.mirip_kode("1.07.02.2.01.0001", 2) == ["1.02.02.2.01.0001", "2.07.02.2.01.0001"]
    assert kat.mirip_kode("1.07.02.2.01.0001", 2, bidang="2.07") == ["2.07.02.2.01.0001", "1.02.02.2.01.0001"]
