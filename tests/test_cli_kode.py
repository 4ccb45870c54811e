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
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "katalog"
    monkeypatch.setenv("RENJA_XL_NOMENKLATUR", str(d))
    simpan.lupakan_cache()
    yield d
    simpan.lupakan_cache()


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
    assert data[1]["status"] == "salah" and any(t["saran"] == "2.17.02.1.02.0005" for t in data[1]["temuan"])


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
