"""The collector pause around generation, checking and array functions always ends, even on errors."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from renja_xl.galat import GalatPengguna
from renja_xl.jeda_gc import jeda_gc


def test_jeda_dan_pulih() -> None:
    assert gc.isenabled()
    with jeda_gc():
        assert not gc.isenabled()
        with jeda_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()          # the inner pause does not switch it back on early
    assert gc.isenabled()


def test_sudah_mati_tetap_mati() -> None:
    gc.disable()
    try:
        with jeda_gc():
            pass
        assert not gc.isenabled()          # a caller that paused it itself keeps it paused
    finally:
        gc.enable()


def test_pulih_setelah_galat_pengguna(tmp_path: Path) -> None:
    from renja_xl.generator import buat_semua
    from renja_xl.periksa import periksa_berkas

    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(b"bukan zip")
    with pytest.raises(GalatPengguna):
        buat_semua(rusak, tmp_path / "keluar.xlsx")
    assert gc.isenabled()
    with pytest.raises(GalatPengguna):
        periksa_berkas(rusak)
    assert gc.isenabled()


def test_udf_memulihkan() -> None:
    from renja_xl import udf

    assert udf.capaian([[1.0], [2.0]], [[2.0], [0.0]], None)[0] == [50.0]
    assert udf.capaian([[1.0], [2.0]], [[2.0]], [["x"], ["y"], ["z"]]) is not None   # shape error as text
    assert gc.isenabled()
