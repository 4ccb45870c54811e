"""CLI: ``renja-xl nomenklatur ...`` and ``renja-xl kode ...`` through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from renja_xl.cli import app
from renja_xl.nomenklatur import simpan

runner = CliRunner()

CSV = """level,jenis_pemda,kode,nama,kode_sebelumnya
bidang,PROV,2.17,URUSAN PEMERINTAHAN BIDANG KOPERASI,
program,PROV,X.XX.01,PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH PROVINSI,
kegiatan,PROV,X.XX.01.1.01,"Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
sub_kegiatan,PROV,X.XX.01.1.01.0001,Penyusunan Dokumen Perencanaan Perangkat Daerah,
program,PROV,2.17.02,PROGRAM PELAYANAN IZIN USAHA SIMPAN PINJAM,
kegiatan,PROV,2.17.02.1.02,Penerbitan Izin Pembukaan Kantor Cabang,
sub_kegiatan,PROV,2.17.02.1.02.0005,Sistem Pelayanan Perizinan Berusaha Terintegrasi Secara Elektronik,2.17.02.1.02.0002
"""


@pytest.fixture()
def folder(folder_katalog: Path) -> Path:
    return folder_katalog


@pytest.fixture()
def csv_kecil(tmp_path: Path) -> Path:
    p = tmp_path / "kecil.csv"
    p.write_text(CSV, encoding="utf-8")
    return p


def _impor(berkas: Path, nama: str) -> None:
    r = runner.invoke(app, ["nomenklatur", "impor", str(berkas), "--nama", nama])
    assert r.exit_code == 0, r.output
    assert nama in r.output and "sub kegiatan" in r.output


def test_nomenklatur_impor_daftar_pakai_hapus(folder: Path, csv_kecil: Path, tmp_path: Path) -> None:
    _impor(csv_kecil, "v1")
    lain = tmp_path / "lain.csv"
    lain.write_text("kode,nama\n2.17.02,Program lain\n", encoding="utf-8")
    _impor(lain, "v2")
    r = runner.invoke(app, ["nomenklatur", "daftar"])
    assert r.exit_code == 0 and "v1" in r.output and "v2" in r.output and "kecil.csv" in r.output
    assert simpan.versi_aktif() == "v1"
    assert runner.invoke(app, ["nomenklatur", "pakai", "v2"]).exit_code == 0
    assert simpan.versi_aktif() == "v2"
    r = runner.invoke(app, ["nomenklatur", "hapus", "v2"])
    assert r.exit_code == 0 and simpan.versi_aktif() == "v1"
    r = runner.invoke(app, ["nomenklatur", "pakai", "v2"])
    assert r.exit_code == 2 and "tidak ada" in r.output


def test_impor_berkas_tak_dikenal_keluar_2(folder: Path, tmp_path: Path) -> None:
    p = tmp_path / "aneh.csv"
    p.write_text("nomor,uraian\n1,x\n", encoding="utf-8")
    r = runner.invoke(app, ["nomenklatur", "impor", str(p)])
    assert r.exit_code == 2 and "tidak dikenali" in r.output and "nomor" in r.output
    assert simpan.daftar_versi() == []


def test_kode_json(folder: Path, csv_kecil: Path) -> None:
    _impor(csv_kecil, "v1")
    r = runner.invoke(app, ["kode", "2.17.01.1.01.0001", "2.17.02.1.02.02", "--pemda", "provinsi", "--json"])
    assert r.exit_code == 1, r.output
    data = json.loads(r.output)
    assert [d["kode"] for d in data] == ["2.17.01.1.01.0001", "2.17.02.1.02.02"]
    for d in data:
        assert {"kode", "status", "nama_resmi", "tingkat", "temuan"} <= set(d)
        assert all({"pesan", "saran"} <= set(t) for t in d["temuan"])
    assert data[0]["status"] == "benar" and data[0]["nama_resmi"] == "Penyusunan Dokumen Perencanaan Perangkat Daerah"
    assert data[0]["tingkat"] == "sub kegiatan"
    # a 2-digit code while only a 4-digit list is installed: a warning of era (not an error), the
    # equivalent in the installed list as information
    assert data[1]["status"] == "peringatan" and any(t["saran"] == "2.17.02.1.02.0005" for t in data[1]["temuan"])
    assert {t["jenis"] for t in data[1]["temuan"]} >= {"nomenklatur.era_lain", "nomenklatur.padanan"}
    assert data[1]["saran"] == "2.17.02.1.02.0005" and data[1]["katalog"] is None


def test_kode_semua_benar_keluar_0_dan_tabel(folder: Path, csv_kecil: Path) -> None:
    _impor(csv_kecil, "v1")
    r = runner.invoke(app, ["kode", "2.17.02.1.02.0005", "--nama",
                            "Sistem Pelayanan Perizinan Berusaha Terintegrasi Secara Elektronik",
                            "--bidang", "2.17", "--pemda", "provinsi", "--versi", "v1"])
    assert r.exit_code == 0, r.output
    assert "benar" in r.output and "Katalog: v1" in r.output


def test_kode_nama_salah_keluar_1(folder: Path, csv_kecil: Path) -> None:
    _impor(csv_kecil, "v1")
    r = runner.invoke(app, ["kode", "2.17.02.1.02.0005", "--nama", "Penyediaan Makanan dan Minuman", "--json"])
    assert r.exit_code == 1
    d = json.loads(r.output)[0]
    assert d["status"] == "salah" and any("nama resmi" in t["pesan"] for t in d["temuan"])


def test_kode_tanpa_katalog(folder: Path) -> None:
    r = runner.invoke(app, ["kode", "2.17.01.2.01.0001", "--json"])
    assert r.exit_code == 1
    d = json.loads(r.output)[0]
    assert d["status"] == "peringatan" and "renja-xl nomenklatur impor" in d["temuan"][0]["saran"]


@pytest.mark.parametrize("argumen, kata", [
    (["kode", "2.17", "--pemda", "desa"], "--pemda"),
    (["kode", "2.17", "--bidang", "2.17.01"], "--bidang"),
    (["kode", "2.17", "--nama", "a", "--nama", "b"], "--nama"),
    (["kode", "2.17", "--versi", "tidak-ada"], "tidak-ada"),
])
def test_kode_galat_pengguna_keluar_2(folder: Path, argumen: list[str], kata: str) -> None:
    r = runner.invoke(app, argumen)
    assert r.exit_code == 2 and kata in r.output


# --------------------------------------------------------------------------------------------------
# eras: each code judged by the installed list of its own era; short default names; suggestions that fit

CSV_LAMA = """level,jenis_pemda,kode,nama
bidang,KABKOT,1.02,URUSAN PEMERINTAHAN BIDANG KESEHATAN
program,KABKOT,1.02.02,PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT
kegiatan,KABKOT,1.02.02.2.01,Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota
sub_kegiatan,KABKOT,1.02.02.2.01.01,Pembangunan Rumah Sakit beserta Sarana dan Prasarana Pendukungnya
sub_kegiatan,KABKOT,1.02.02.2.01.02,Pembangunan Puskesmas
kegiatan,PROV,1.02.02.1.01,Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Provinsi
sub_kegiatan,PROV,1.02.02.1.01.26,Pengembangan Rumah Sakit
sub_kegiatan,PROV,1.02.02.1.01.27,Pembangunan Rumah Sakit Jiwa Baru
"""


@pytest.fixture()
def csv_lama(tmp_path: Path) -> Path:
    p = tmp_path / "legacy_permendagri90_kecil.csv"
    p.write_text(CSV_LAMA, encoding="utf-8")
    return p


def test_impor_nama_baku_pendek(folder: Path, csv_kecil: Path, csv_lama: Path) -> None:
    r = runner.invoke(app, ["nomenklatur", "impor", str(csv_lama)])
    assert r.exit_code == 0, r.output
    assert "Versi permendagri-90-2019 diimpor" in r.output and "Era: Permendagri 90/2019" in r.output
    r = runner.invoke(app, ["nomenklatur", "impor", str(csv_kecil)])
    assert r.exit_code == 0 and "Versi kepmendagri-2021 diimpor" in r.output
    # another list of the same kind never overwrites the first under the same default name
    lain = csv_kecil.with_name("kecil_lain.csv")
    lain.write_text(CSV.replace("Secara Elektronik", "Elektronik"), encoding="utf-8")
    r = runner.invoke(app, ["nomenklatur", "impor", str(lain)])
    assert r.exit_code == 0 and "kepmendagri-2021-2" in r.output
    versi = {v["nama"]: v for v in simpan.daftar_versi()}
    assert set(versi) == {"permendagri-90-2019", "kepmendagri-2021", "kepmendagri-2021-2"}
    assert versi["permendagri-90-2019"]["era"] == "permendagri-90-2019"
    # the same file again replaces its own version
    r = runner.invoke(app, ["nomenklatur", "impor", str(csv_lama)])
    assert r.exit_code == 0 and len(simpan.daftar_versi()) == 3
    r = runner.invoke(app, ["nomenklatur", "daftar"], env={"COLUMNS": "200"})
    assert r.exit_code == 0 and "Era" in r.output and "Kepmendagri 050-5889/2021" in r.output


def test_kode_dinilai_dengan_katalog_eranya(folder: Path, csv_kecil: Path, csv_lama: Path) -> None:
    _impor(csv_kecil, "baru")   # active: a 4-digit list
    _impor(csv_lama, "lama")
    r = runner.invoke(app, ["kode", "1.02.02.2.01.01", "2.17.01.1.01.0001", "--json"])
    data = json.loads(r.output)
    assert r.exit_code == 0, r.output
    assert [d["katalog"] for d in data] == ["lama", "baru"]
    assert data[0]["nama_resmi"].startswith("Pembangunan Rumah Sakit")
    # --versi forces one list: the 2-digit code is then an error of era against the 4-digit list
    r = runner.invoke(app, ["kode", "1.02.02.2.01.01", "--versi", "baru", "--json"])
    assert json.loads(r.output)[0]["status"] == "salah"


def test_kode_kabkota_tidak_disarankan_kode_provinsi(folder: Path, csv_lama: Path) -> None:
    _impor(csv_lama, "lama")
    r = runner.invoke(app, ["kode", "1.02.02.2.01.01", "--nama", "Pengembangan Rumah Sakit", "--pemda", "kabkota",
                            "--json"])
    d = json.loads(r.output)[0]
    teks = json.dumps(d, ensure_ascii=False)
    assert d["status"] == "salah" and "1.02.02.1." not in teks   # no provinsi code proposed
    # a name given as the first words of the official name is a shortened name, not another code
    r = runner.invoke(app, ["kode", "1.02.02.2.01.01", "--nama", "Pembangunan Rumah Sakit", "--pemda", "kabkota",
                            "--json"])
    d = json.loads(r.output)[0]
    assert d["status"] == "benar" and "1.02.02.1." not in json.dumps(d)
    assert [t["jenis"] for t in d["temuan"]] == ["nama.terpotong"]
    # without --pemda the code's own level (digit 2) decides
    r = runner.invoke(app, ["kode", "1.02.02.2.01.09", "--nama", "Pengembangan Rumah Sakit", "--json"])
    assert "1.02.02.1." not in r.output


def test_kode_era_tanpa_katalog_eranya_peringatan(folder: Path, csv_lama: Path) -> None:
    _impor(csv_lama, "lama")
    r = runner.invoke(app, ["kode", "1.02.02.2.01.0001", "--json"])
    d = json.loads(r.output)[0]
    assert d["status"] == "peringatan" and d["katalog"] is None
    assert [t["jenis"] for t in d["temuan"]] == ["nomenklatur.era_lain", "nomenklatur.padanan"]
    assert d["temuan"][1]["saran"] == "1.02.02.2.01.01"   # its 2-digit equivalent, as information
    assert "renja-xl nomenklatur impor" in d["temuan"][0]["saran"] and "SIPD" in d["temuan"][0]["saran"]


def test_kode_tidak_terpotong_di_80_kolom(folder: Path, csv_lama: Path) -> None:
    _impor(csv_lama, "lama")
    r = runner.invoke(app, ["kode", "1.02.02.2.01.01", "--nama", "Pengembangan Rumah Sakit Daerah"],
                      env={"COLUMNS": "80"})
    assert "1.02.02.2.01.01" in r.output
