"""renja-xl rekap on bad input: every file that cannot be used is listed with its reason; nothing aborts.

Also the pure parts (title parsing, due date), the province layout (Formulir E.19) and the command line.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from renja_xl.cli import app
from renja_xl.contoh import tulis_contoh
from renja_xl.contoh_tabel import kalbar_tabel21, malang_e81
from renja_xl.data_induk import baca_data_induk
from renja_xl.generator import buat_semua, isi_buku_semua
from renja_xl.rekap import rekap
from renja_xl.rekap.identitas import nama_opd, nama_pemda, tahun_judul, triwulan_judul
from renja_xl.rekap.pilih import tenggat_baku

sys.path.insert(0, str(Path(__file__).parent))
from korpus_rusak import terenkripsi, terpotong  # noqa: E402


def _waktu(p: Path, y: int, m: int, d: int) -> None:
    t = time.mktime((y, m, d, 9, 0, 0, 0, 0, -1))
    os.utime(p, (t, t))


def test_identitas_dari_judul() -> None:
    gen = ["EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH KOTA PONTIANAK",
           "RENJA DINAS KOPERASI, USAHA MIKRO DAN PERDAGANGAN",
           "Periode Pelaksanaan: Triwulan II (April - Juni) Tahun Anggaran 2022"]
    assert nama_pemda(gen) == "Kota Pontianak"
    assert nama_opd(gen) == "Dinas Koperasi, Usaha Mikro dan Perdagangan"
    assert (triwulan_judul(gen), tahun_judul(gen)) == (2, 2022)
    malang = ["Evaluasi Terhadap Hasil Renja Perangkat Daerah Lingkup Kabupaten/Kota",
              "Renja Perangkat Daerah Dinas Koperasi, Perindustrian dan Perdagangan Kota Malang",
              "Periode Pelaksanaan: Triwulan II (April,mei dan Juni 2020)"]
    assert nama_pemda(malang) == "Kota Malang"      # "Lingkup Kabupaten/Kota" names no pemda
    assert nama_opd(malang) == "Dinas Koperasi, Perindustrian dan Perdagangan"
    # the printed period says 2020 by mistake (seeds-spec §5.10); column 7's header names the year evaluated
    assert tahun_judul(malang, "Target ... Tahun berjalan (Tahun 2021) yang dievaluasi") == 2021
    assert triwulan_judul(["E.81 TW IV"]) == 4
    assert (nama_opd(["Formulir E.81"]), nama_pemda(["Formulir E.81"]), triwulan_judul(["Tahun 2022"])) == ("", "", None)
    assert nama_pemda(["PROVINSI KALIMANTAN BARAT TAHUN 2024"]) == "Provinsi Kalimantan Barat"


def test_tenggat_hari_kerja_ke_10() -> None:
    assert tenggat_baku(2022, 2) == date(2022, 7, 14)     # 30 June was a Thursday; weekends skipped
    assert tenggat_baku(2024, 4) == date(2025, 1, 14)
    assert tenggat_baku(2024, 1) == date(2024, 4, 12)


@pytest.fixture(scope="module")
def folder_buruk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("buruk")
    masuk = d / "masuk"
    masuk.mkdir()
    induk = tulis_contoh(d / "induk.xlsx")
    buat_semua(induk, masuk / "koperasi_lama.xlsx")
    shutil.copy(masuk / "koperasi_lama.xlsx", masuk / "koperasi_baru.xlsx")        # same OPD and triwulan
    data = baca_data_induk(induk)
    data.info.nama_opd = "Dinas Pariwisata"
    data.info.triwulan = 1
    wb = isi_buku_semua(data)                       # another OPD that sent only triwulan I
    wb.save(masuk / "pariwisata_tw1.xlsx")
    malang_e81(masuk / "malang_2021.xlsx")          # another year (and another pemda)
    kalbar_tabel21(masuk / "tc29_saja.xlsx")        # a T-C.29 instead of an E.81
    terenkripsi(masuk)                              # password-protected
    rusak = terpotong(masuk)                        # damaged (its source asli.xlsx holds no form)
    (masuk / "surat_pengantar.pdf").write_bytes(b"%PDF-1.4 bukan buku kerja")
    for p in masuk.iterdir():
        _waktu(p, 2022, 7, 8)
    _waktu(masuk / "koperasi_baru.xlsx", 2022, 7, 20)   # newer, and after the due date (14 July 2022)
    assert rusak.exists()
    return masuk


def test_masukan_buruk_semua_tercatat(folder_buruk: Path, tmp_path: Path) -> None:
    h = rekap(folder_buruk, tmp_path / "rekap.xlsx", pekerja=2)
    j = h.ke_json()
    assert [o["berkas"] for o in j["opd"]] == ["koperasi_baru.xlsx"]
    alasan = {g["berkas"]: g["alasan"] for g in j["gagal"]}
    assert set(alasan) == {"koperasi_lama.xlsx", "pariwisata_tw1.xlsx", "malang_2021.xlsx", "tc29_saja.xlsx",
                           "berkata_sandi.xlsx", "terpotong.xlsx", "surat_pengantar.pdf", "asli.xlsx"}
    assert "duplikat" in alasan["koperasi_lama.xlsx"] and "koperasi_baru.xlsx" in alasan["koperasi_lama.xlsx"]
    assert "triwulan I" in alasan["pariwisata_tw1.xlsx"]
    assert "tahun 2021" in alasan["malang_2021.xlsx"]
    assert "T-C.29" in alasan["tc29_saja.xlsx"]
    assert "sandi" in alasan["berkata_sandi.xlsx"].lower()
    assert "bukan buku kerja" in alasan["surat_pengantar.pdf"]
    assert "rusak" in alasan["terpotong.xlsx"]
    assert "tidak ada formulir E.81" in alasan["asli.xlsx"]      # a workbook with no form at all
    ws = load_workbook(h.keluar)["Ringkasan OPD"]
    status = {ws.cell(r, 2).value: (ws.cell(r, 6).value, ws.cell(r, 17).value) for r in range(5, 7)}
    assert status["Dinas Koperasi, Usaha Mikro dan Perdagangan"][0] == "terlambat"
    assert "koperasi_lama.xlsx" in status["Dinas Koperasi, Usaha Mikro dan Perdagangan"][1]
    assert status["Dinas Pariwisata"][0] == "tidak ada"
    tertulis = {ws.cell(r, 2).value: ws.cell(r, 3).value for r in range(9, ws.max_row + 1) if ws.cell(r, 3).value}
    assert set(alasan) <= set(tertulis) and tertulis["tc29_saja.xlsx"] == alasan["tc29_saja.xlsx"]


def test_provinsi_formulir_e19(folder_buruk: Path, tmp_path: Path) -> None:
    h = rekap(folder_buruk, tmp_path / "rekap.xlsx", tingkat="provinsi", pekerja=1, tahun=2022,
              tenggat=date(2022, 7, 31))
    ws = load_workbook(h.keluar)["E.19"]
    assert ws["B1"].value == "Formulir E.19"
    nomor = [str(ws.cell(9, c).value) for c in range(2, 42) if ws.cell(9, c).value is not None]
    assert nomor[-5:] == ["13 = 9+10+11+12", "14 = 13/8 x 100%", "15 = 7+13", "16 = 15/6 x 100%", "17"]
    assert "RKPD Provinsi" in " ".join(str(ws.cell(7, c).value) for c in range(11, 40))
    assert h.ke_json()["opd"][0]["berkas"] == "koperasi_baru.xlsx"
    assert load_workbook(h.keluar)["Ringkasan OPD"].cell(5, 6).value == "tepat waktu"   # --tenggat


def test_cli_json_dan_galat(folder_buruk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keluar = tmp_path / "rekap.xlsx"
    r = CliRunner().invoke(app, ["rekap", str(folder_buruk), "-o", str(keluar), "--json", "--pekerja", "1"])
    assert r.exit_code == 0, r.output
    j = json.loads(r.stdout.strip().splitlines()[-1])
    assert set(j) == {"opd", "gagal"}
    assert set(j["opd"][0]) == {"berkas", "opd", "triwulan", "capaian_k", "capaian_rp", "predikat", "salah",
                                "peringatan", "target_rp", "realisasi_rp"}
    r = CliRunner().invoke(app, ["rekap", str(folder_buruk), "-o", str(keluar)])
    assert r.exit_code == 2 and "--timpa" in r.output                 # never overwrites without --timpa
    r = CliRunner().invoke(app, ["rekap", str(tmp_path / "tidak_ada"), "-o", str(tmp_path / "x.xlsx")])
    assert r.exit_code == 2 and "folder tidak ditemukan" in r.output
    monkeypatch.setitem(sys.modules, "distributed", None)            # as if dask were not installed
    r = CliRunner().invoke(app, ["rekap", str(folder_buruk), "-o", str(tmp_path / "y.xlsx"), "--dask", "lokal"])
    assert r.exit_code == 2 and "pip install" in r.output and "Traceback" not in r.output


def _mati_pada_rusak(path: str, pemda: str | None = None):
    """A task whose worker process dies on one file (as when the OS kills it for memory)."""
    from renja_xl.rekap.tugas import proses_berkas

    if path.endswith("koperasi_lama.xlsx"):
        os._exit(1)
    return proses_berkas(path, pemda)


def test_pekerja_mati_hanya_berkasnya_gagal(folder_buruk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed mid-task fails that file only; every other file is still processed."""
    from renja_xl.rekap import mesin

    monkeypatch.setattr(mesin, "proses_berkas", _mati_pada_rusak)
    berkas = sorted(str(p) for p in folder_buruk.glob("*.xlsx"))
    hasil = mesin.jalankan(berkas, pekerja=2)
    gagal = {Path(h.berkas).name: h.galat for h in hasil if h.galat}
    assert "berhenti" in gagal.pop("koperasi_lama.xlsx")
    assert set(gagal) == {"berkata_sandi.xlsx", "terpotong.xlsx"}       # their own, ordinary reasons
    assert [h.berkas for h in hasil] == berkas
    assert sum(1 for h in hasil if h.e81) == 3


def test_dask_alamat_scheduler(folder_buruk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--dask ADDRESS sends the same tasks to a running scheduler: same results as the local pool."""
    from distributed import LocalCluster

    from renja_xl.rekap import mesin

    berkas = sorted(str(p) for p in folder_buruk.glob("*.xlsx"))
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0") as klaster:
        lewat = mesin.jalankan(berkas, dask=klaster.scheduler_address)
    assert lewat == mesin.jalankan(berkas, pekerja=1)
    monkeypatch.setattr(mesin, "WAKTU_SAMBUNG", "2s")
    with pytest.raises(Exception) as e:
        mesin.jalankan(berkas, dask="tcp://127.0.0.1:9")
    assert "tidak dapat dihubungi" in str(e.value)
