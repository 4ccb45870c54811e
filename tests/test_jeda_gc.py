"""The collector setting around generation, checking and array functions always comes back, even on errors."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from renja_xl.galat import GalatPengguna
from renja_xl.jeda_gc import AMBANG, jeda_gc


def test_jeda_dan_pulih() -> None:
    awal = gc.get_threshold()
    assert awal[0] < AMBANG[0]
    with jeda_gc():
        assert gc.get_threshold() == AMBANG
        with jeda_gc():
            assert gc.get_threshold() == AMBANG
        assert gc.get_threshold() == AMBANG     # the inner job does not restore the default early
    assert gc.get_threshold() == awal
    assert gc.isenabled()


def test_ambang_pengguna_lebih_longgar_dibiarkan() -> None:
    awal = gc.get_threshold()
    gc.set_threshold(500_000, 10, 10)
    try:
        with jeda_gc():
            assert gc.get_threshold()[0] == 500_000
    finally:
        gc.set_threshold(*awal)


def test_pulih_setelah_galat_pengguna(tmp_path: Path) -> None:
    from renja_xl.generator import buat_semua
    from renja_xl.periksa import periksa_berkas

    awal = gc.get_threshold()
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(b"bukan zip")
    with pytest.raises(GalatPengguna):
        buat_semua(rusak, tmp_path / "keluar.xlsx")
    assert gc.get_threshold() == awal
    with pytest.raises(GalatPengguna):
        periksa_berkas(rusak)
    assert gc.get_threshold() == awal


def test_udf_memulihkan() -> None:
    from renja_xl import udf

    awal = gc.get_threshold()
    assert udf.capaian([[1.0], [2.0]], [[2.0], [0.0]], None)[0] == [50.0]
    assert isinstance(udf.capaian_ket([[1.0], [2.0]], [[2.0]], [["x"], ["y"], ["z"]]), str)   # shape error as text
    assert gc.get_threshold() == awal
