"""Eras of the official list: a document is judged by the installed list of its own era (2-digit sub kegiatan:
Permendagri 90/2019; 4-digit: Kepmendagri 050-5889/2021 and amendments, or the 2027 list by the year), and a
missing list of that era gives one note, never an error per code (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from renja_xl.nomenklatur import simpan
from renja_xl.nomenklatur.katalog import (
    ERA_2027, ERA_5889_2021, ERA_90_2019, era_dokumen, era_katalog, level_cocok, pilih_versi, tahun_dari_teks,
)

CSV_2 = """level,jenis_pemda,kode,nama
bidang,KABKOT,2.17,URUSAN PEMERINTAHAN BIDANG KOPERASI
program,KABKOT,2.17.02,PROGRAM PELAYANAN IZIN USAHA SIMPAN PINJAM
kegiatan,KABKOT,2.17.02.2.01,Penerbitan Izin Usaha Simpan Pinjam
sub_kegiatan,KABKOT,2.17.02.2.01.01,Penerbitan Izin Usaha Simpan Pinjam Koperasi
"""
CSV_4 = CSV_2.replace("2.17.02.2.01.01,", "2.17.02.2.01.0001,")
CSV_2 += "kegiatan,KABKOT,2.17.02.2.06,Kegiatan yang hanya ada di daftar lama\n"


def test_tahun_dan_era_dokumen() -> None:
    assert tahun_dari_teks("nomenklatur-subkegiatan-20260123005058_versi_pemutakhiran_2027_1.xlsx") == 2027
    assert tahun_dari_teks("Renstra 2020-2024 ... TAHUN ANGGARAN 2022") == 2022
    assert tahun_dari_teks("tanpa tahun") is None
    assert era_dokumen(2, 2027) is ERA_90_2019          # 2 digits are 90/2019 whatever the year
    assert era_dokumen(4, 2024) is ERA_5889_2021 and era_dokumen(4, None) is ERA_5889_2021
    assert era_dokumen(4, 2027) is ERA_2027 and era_dokumen(None, 2022) is None
    assert era_katalog({"era": "sipd-2027"}, 4) is ERA_2027
    assert era_katalog({"sumber": "ekspor_2028.xlsx"}, 4) is ERA_2027    # stored before eras were recorded
    assert era_katalog({}, 2) is ERA_90_2019


def test_pilih_versi() -> None:
    versi = [{"nama": "sipd-2027", "era": "sipd-2027", "tahun": 2027},
             {"nama": "kepmendagri-2021", "era": "kepmendagri-050-5889-2021"},
             {"nama": "permendagri-90-2019", "era": "permendagri-90-2019", "tahun": 2020}]
    assert pilih_versi(versi, ERA_90_2019, "sipd-2027") == "permendagri-90-2019"
    assert pilih_versi(versi, ERA_5889_2021, "sipd-2027") == "kepmendagri-2021"   # same era before active
    assert pilih_versi(versi, ERA_2027, "kepmendagri-2021") == "sipd-2027"
    assert pilih_versi(versi[:1], ERA_5889_2021) == "sipd-2027"                    # same width will do
    assert pilih_versi(versi[:2], ERA_90_2019) is None                             # no 2-digit list


def test_level_cocok() -> None:
    assert level_cocok("1.02.02.2.01.0001", "2") and not level_cocok("1.02.02.1.01.0026", "2")
    assert level_cocok("1.02", "2") and level_cocok("1.02.02", "1")
    assert not level_cocok("1.02.02.3.01.0001", "2") and level_cocok("1.02.02.3.01.0001", "2", "3")


@pytest.fixture()
def folder(folder_katalog: Path) -> Path:
    return folder_katalog


def _csv(tmp_path: Path, nama: str, isi: str) -> Path:
    p = tmp_path / nama
    p.write_text(isi, encoding="utf-8")
    return p


def test_pilih_katalog_dan_catatan(folder: Path, tmp_path: Path) -> None:
    assert simpan.pilih_katalog(2, 2022).katalog is None and simpan.pilih_katalog(2, 2022).catatan is None
    simpan.impor(_csv(tmp_path, "baru.csv", CSV_4), "baru")
    p = simpan.pilih_katalog(2, 2022)
    assert p.katalog is None and p.era_dokumen is ERA_90_2019
    assert "2 digit" in p.catatan
    assert "'baru'" in p.catatan and "renja-xl nomenklatur impor" in p.catatan and "salah" in p.catatan
    assert simpan.pilih_katalog(4, 2024).katalog.nama == "baru"
    assert simpan.pilih_katalog(None, None).katalog.nama == "baru"   # no sub kegiatan: the active list
    simpan.impor(_csv(tmp_path, "lama.csv", CSV_2), "lama")
    p = simpan.pilih_katalog(2, 2022)
    assert p.katalog.nama == "lama" and p.catatan is None
    # validation of one code picks by its width too (what `kode` and =CEK_KODE do)
    assert simpan.validasi_otomatis("2.17.02.2.01.01").benar
    assert simpan.validasi_otomatis("2.17.02.2.01.0001").benar
    assert simpan.katalog_untuk_kode("2.17.02.2.01.01").nama == "lama"
    # no sub kegiatan in the document: its other codes decide (a legacy-only kegiatan), else the active list
    assert simpan.pilih_katalog(None, None, ("2.17.02", "2.17.02.2.06")).katalog.nama == "lama"
    assert simpan.pilih_katalog(None, None, ("2.17.02", "2.17.02.2.01")).katalog.nama == "baru"


# --------------------------------------------------------------------------------------------------
# the real lists (../shared) and the example workbook (Pontianak 2022, 2-digit codes)


@pytest.fixture(scope="module")
def folder_nyata(nomenklatur_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2027 list and the legacy list imported once with their default names (in separate folders)."""
    akar = tmp_path_factory.mktemp("katalog-nyata")
    with pytest.MonkeyPatch.context() as mp:
        for sub, berkas in (("2027", ["nomenklatur-subkegiatan-*_2027_1.xlsx"]),
                            ("dua", ["nomenklatur-subkegiatan-*_2027_1.xlsx",
                                     "legacy_permendagri90_kep050-3708_2020_simcan_flat.csv"])):
            mp.setenv("RENJA_XL_NOMENKLATUR", str(akar / sub))
            simpan.lupakan_cache()
            for pola in berkas:
                simpan.impor(next(nomenklatur_dir.glob(pola)))
    simpan.lupakan_cache()
    return akar


@pytest.fixture(scope="module")
def contoh(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example Data Induk's generated forms and the Pontianak E.81 as printed (with its mistakes)."""
    from renja_xl import generator
    from renja_xl.contoh_tabel import pontianak_e81
    from renja_xl.contoh import tulis_contoh

    d = tmp_path_factory.mktemp("contoh")
    induk = tulis_contoh(d / "data_induk.xlsx")
    formulir = generator.buat_semua(induk, d / "formulir.xlsx")
    pontianak_e81(d / "e81.xlsx")
    return formulir, d / "e81.xlsx"


def _periksa(path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from renja_xl.periksa import periksa_berkas

    monkeypatch.setenv("RENJA_XL_NOMENKLATUR", str(folder))
    simpan.lupakan_cache()
    return periksa_berkas(path, pemda="kabkota")


def test_nama_baku_dan_era_daftar_nyata(folder_nyata: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RENJA_XL_NOMENKLATUR", str(folder_nyata / "dua"))
    simpan.lupakan_cache()
    versi = {v["nama"]: v for v in simpan.daftar_versi()}
    assert set(versi) == {"sipd-2027", "permendagri-90-2019"}
    assert versi["sipd-2027"]["era"] == "sipd-2027" and versi["sipd-2027"]["tahun"] == 2027
    assert simpan.muat_katalog("permendagri-90-2019").era is ERA_90_2019


def test_contoh_2022_dengan_daftar_2027_tanpa_salah(folder_nyata: Path, contoh: tuple[Path, Path],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    formulir, e81 = contoh
    h = _periksa(formulir, folder_nyata / "2027", monkeypatch)
    assert h.formulir and h.jumlah_salah == 0, [t.temuan.pesan for t in h.temuan if t.tingkat == "salah"][:3]
    assert not [t for t in h.temuan if t.jenis.startswith(("nomenklatur.", "nama."))]
    era = [c for c in h.catatan if "Permendagri 90/2019" in c]
    assert len(era) == 1 and "sipd-2027" in era[0] and "legacy_permendagri90" in era[0]
    # the printed E.81 (its own mistakes) gets no finding of era either; rows with no name or an
    # indicator in the name cell (seeds-spec N4) are still reported, as warnings, without the list
    h = _periksa(e81, folder_nyata / "2027", monkeypatch)
    assert not [t for t in h.temuan if t.jenis.startswith("nomenklatur.")]
    nama = {t.sel: t for t in h.temuan if t.jenis.startswith("nama.")}
    assert {t.jenis for t in nama.values()} == {"nama.kosong", "nama.indikator"}
    assert {t.tingkat for t in nama.values()} == {"peringatan"}
    assert "Jumlah pakaian dinas" in nama["C23"].temuan.pesan and "C17" in nama and "C73" in nama


def test_contoh_2022_dinilai_dengan_daftar_lama(folder_nyata: Path, contoh: tuple[Path, Path],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    formulir, e81 = contoh
    h = _periksa(formulir, folder_nyata / "dua", monkeypatch)
    assert h.jumlah_salah == 0 and not [c for c in h.catatan if "era lain" in c]
    assert not [t for t in h.temuan if t.jenis.startswith("nomenklatur.")]
    # judged against the legacy list: the printed E.81's name mistakes (seeds-spec N4, N9) are found now
    h = _periksa(e81, folder_nyata / "dua", monkeypatch)
    nama = {t.sel: t for t in h.temuan if t.jenis.startswith("nama.")}
    assert len(nama) >= 3
    assert nama["C73"].tingkat == "salah" and "Pembinaan dan Pengembangan Usaha Produk Ekspor" in nama["C73"].temuan.pesan
    assert nama["C23"].temuan.saran.startswith("Pengadaan Pakaian Dinas")   # the official name, from the list
    assert not [t for t in h.temuan if t.jenis == "nomenklatur.era"]


def test_cek_kode_excel_sama_dengan_kode(folder_nyata: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from renja_xl import udf

    monkeypatch.setenv("RENJA_XL_NOMENKLATUR", str(folder_nyata / "2027"))
    simpan.lupakan_cache()
    assert udf.cek_kode("2.17.01.2.01.01").startswith("Kode berbentuk Permendagri 90/2019")
    assert udf.cek_kode("2.17.01.2.01.0001") == "OK"
    monkeypatch.setenv("RENJA_XL_NOMENKLATUR", str(folder_nyata / "dua"))
    simpan.lupakan_cache()
    assert udf.cek_kode("2.17.01.2.01.01") == "OK"
    assert udf.nama_kode("2.17.01.2.01.01") == simpan.muat_katalog("permendagri-90-2019").cari(
        "2.17.01.2.01.01").nama


def test_dokumen_2024_dengan_daftar_2027_peringatan(folder: Path, tmp_path: Path) -> None:
    # a 4-digit list whose file names 2027 is of the 2027 era
    nama, meta = simpan.impor(_csv(tmp_path, "daftar_2027.csv", CSV_4))
    assert nama == "nomenklatur-2027" and meta["era"] == "sipd-2027"
    p = simpan.pilih_katalog(4, 2024)
    assert p.katalog.nama == nama and p.era_lain and "peringatan, bukan salah" in p.catatan
    assert "tahun 2024" in p.catatan and "050-5889/2021" in p.catatan
    assert not simpan.pilih_katalog(4, 2027).era_lain and simpan.pilih_katalog(4, 2027).catatan is None
    assert not simpan.pilih_katalog(4, None).era_lain   # no year: any 4-digit list is the document's
    # in the checker a code missing from that later list is a warning of the document, not an error
    from renja_xl.periksa.kode_cek import KatalogBuku

    kb = KatalogBuku(4, 2024)
    assert kb.untuk(None) == (p.katalog, True) and kb.untuk(4)[1] and len(kb.catatan()) == 1
    assert KatalogBuku(4, 2027).untuk(4) == (p.katalog, False) and KatalogBuku(4, 2027).catatan() == []


def test_kalbar_2024_dengan_daftar_2027(folder_nyata: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 2024 provinsi table (4-digit) judged by the 2027 list: one note that the list is of a later year;
    the 2-digit codes mixed into it (seeds-spec C5, C6) stay errors of the document."""
    import openpyxl

    from renja_xl.contoh_tabel import kalbar_tabel21

    p = tmp_path / "kalbar.xlsx"
    kalbar_tabel21(p)
    wb = openpyxl.load_workbook(p)
    wb.worksheets[0]["A1"] = "RENJA TAHUN 2024 DINAS KOPERASI PROVINSI KALIMANTAN BARAT"
    wb.save(p)
    h = _periksa(p, folder_nyata / "2027", monkeypatch)
    catatan = [c for c in h.catatan if "tahun 2024" in c]
    assert len(catatan) == 1 and "'sipd-2027'" in catatan[0] and "bukan salah" in catatan[0]
    era = [t for t in h.temuan if t.jenis == "nomenklatur.era"]
    assert {t.temuan.ditemukan for t in era} == {"2.17.01.1.07.05", "2.17.02.1.02.02"}
    assert {t.tingkat for t in era} == {"salah"}
