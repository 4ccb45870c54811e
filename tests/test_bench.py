"""Smoke run of ``bench/run.py`` at a tiny size, so the benchmark script cannot rot.

Benchmarks are not tests: nothing here asserts a time. It checks that the run completes, prints its
table and ends with one JSON line holding the tracked figures as positive numbers, and that the error
injection used for the checker benchmark really produces findings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
KUNCI = ("gen_ratio", "check_ratio", "codes_per_s", "udf_ms_20k", "catalog_load_ms", "induk_read_ratio",
         "rekap_files_per_s", "worker_peak_mb")


def _jalankan(tmp_path: Path, *argumen: str) -> tuple[str, dict]:
    env = {**os.environ, "TMPDIR": str(tmp_path), "COLUMNS": "200"}
    r = subprocess.run([sys.executable, str(REPO / "bench" / "run.py"), "--smoke", *argumen],
                       capture_output=True, text=True, timeout=600, env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    baris = [b for b in r.stdout.splitlines() if b.strip()]
    return r.stdout, json.loads(baris[-1])


def _cek_angka(hasil: dict) -> None:
    for k in KUNCI:
        assert isinstance(hasil[k], (int, float)) and hasil[k] > 0, (k, hasil.get(k))
    assert hasil["ukuran"] == "asap"
    assert hasil["temuan_salah_1"] > 0          # injected mistakes are found
    assert hasil["peak_rss_mb"] > 0


def test_bench_asap(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """One tiny run; with LibreOffice when the ``libreoffice`` fixture allows it (it fails in CI when
    missing), else without."""
    try:
        request.getfixturevalue("libreoffice")
        lo = True
    except pytest.skip.Exception:
        lo = False
    keluaran, hasil = _jalankan(tmp_path, *([] if lo else ["--tanpa-lo"]))
    _cek_angka(hasil)
    assert hasil["libreoffice"] is lo
    assert hasil["rekap_dask_files_per_s"] > 0 and hasil["worker_peak_mb_dask"] > 0   # LocalCluster ran too
    for label in ("Impor katalog", "Validasi", "Fungsi CAPAIAN", "Buat semua formulir 1 OPD", "Periksa 1 berkas",
                  "Periksa folder", "Memori puncak", "Rekap: tugas per berkas"):
        assert label in keluaran
    if lo:
        assert hasil["lo_1_s"] > 0 and "LibreOffice hitung ulang" in keluaran
    assert not list(tmp_path.glob("**/*.xlsx"))  # temporary data lives in its own folder, removed afterwards


def test_suntik_galat_mengubah_sel(tmp_path: Path) -> None:
    """The error injection changes formula and code cells of a real generated workbook."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from run import suntik_galat
    finally:
        sys.path.remove(str(REPO / "bench"))
    from openpyxl import load_workbook

    from renja_xl.contoh import tulis_contoh
    from renja_xl.generator import buat_semua

    induk = tulis_contoh(tmp_path / "induk.xlsx")
    asal = buat_semua(induk, tmp_path / "formulir.xlsx")
    n = suntik_galat(asal, tmp_path / "salah.xlsx", seed=1)
    assert n >= 4
    a, b = load_workbook(asal).worksheets[0], load_workbook(tmp_path / "salah.xlsx").worksheets[0]
    beda = sum(1 for ra, rb in zip(a.iter_rows(), b.iter_rows()) for ca, cb in zip(ra, rb) if ca.value != cb.value)
    assert beda == n


@pytest.mark.parametrize("argumen", [["--quick", "--smoke"]])
def test_ukuran_saling_eksklusif(tmp_path: Path, argumen: list[str]) -> None:
    r = subprocess.run([sys.executable, str(REPO / "bench" / "run.py"), *argumen], capture_output=True, text=True,
                       timeout=60, cwd=tmp_path)
    assert r.returncode == 2 and "not allowed" in r.stderr


def _data_bench():
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import data
    finally:
        sys.path.remove(str(REPO / "bench"))
    return data


def _cek_pohon(path: Path) -> None:
    """The synthetic Data Induk reads cleanly (no problem at all) and every code's parent has a row."""
    from renja_xl.data_induk import baca_data_induk

    d = baca_data_induk(path)              # raises GalatPengguna listing every problem
    kode = {b.kode for b in d.baris}
    for k in kode:
        seg = k.split(".")
        induk = ".".join(seg[:5]) if len(seg) == 6 else ".".join(seg[:3]) if len(seg) == 5 else None
        assert induk is None or induk in kode, k
    assert len({b.jenis for b in d.baris}) >= 2
    assert any(not b.uraian for b in d.baris)       # some codes carry a second indicator


def test_data_sintetis_dari_contoh_bawaan(tmp_path: Path) -> None:
    """Without ../shared the codes come from the built-in example and still form a valid tree."""
    data = _data_bench()
    src = data.sumber(None)
    assert not src.nyata
    baris = data.baris_opd(src, "2.17", 120, seed=1)
    assert len(baris) >= 120
    _cek_pohon(data.tulis_data_induk(tmp_path / "opd.xlsx", data.info("Dinas Uji", "2.17"), baris))


def test_data_sintetis_dari_sipd(tmp_path: Path, nomenklatur_dir: Path) -> None:
    data = _data_bench()
    src = data.sumber(nomenklatur_dir)
    assert src.nyata and len(src.bidang) > 20
    paths = data.kabupaten(tmp_path, src, 2, 60, 90)
    for p in paths:
        _cek_pohon(p)
    kode = data.kode_uji(src, 500)
    assert len(kode) == 500 and any(k.endswith(".") for k in kode)
