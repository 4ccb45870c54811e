"""Generated workbooks the Excel-truth tests share: the example, every form of the small test book, and a
2,000-row master built from ``bench/data.py`` (example codes, so no ../shared needed). Built once per run."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from openpyxl.workbook.workbook import Workbook

from renja_xl.data_induk import DataInduk
from renja_xl.generator import isi_buku, isi_buku_semua

REPO = Path(__file__).resolve().parent.parent
BARIS_MASTER = 2000


def _bench_data() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_data", REPO / "bench" / "data.py")
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    sys.modules["bench_data"] = modul      # its dataclasses look their module up
    spec.loader.exec_module(modul)
    return modul


def contoh_pontianak() -> DataInduk:
    from renja_xl.contoh import BARIS_CONTOH, INFO_CONTOH

    return DataInduk(INFO_CONTOH, list(BARIS_CONTOH))


@lru_cache(maxsize=1)
def data_master(jumlah: int = BARIS_MASTER, seed: int = 11) -> DataInduk:
    """A province-sized Data Induk (all four types, two-indicator codes, partly reported quarters)."""
    bd = _bench_data()
    src = bd.sumber(None, "PROV")
    bidang = sorted(src.bidang)[0]
    rows = bd.baris_opd(src, bidang, jumlah, seed=seed, lokasi="Provinsi Contoh")
    return DataInduk(bd.info("Sekretariat Daerah (sintetis)", bidang, src.jenis_pemda, "Provinsi Contoh"),
                     [dataclasses.replace(b, baris=i) for i, b in enumerate(rows, start=2)])


def buku_contoh() -> dict[str, Workbook]:
    """Every form of the small test book and of the example, both E.81 layouts, one form and --semua."""
    from test_generator import contoh

    kasus: dict[str, Workbook] = {}
    for form in ("e81", "e81-renja", "tc29", "tc33", "rencana-aksi"):
        kasus[f"uji-{form}"] = isi_buku(contoh(3), form, 3)
    pont = contoh_pontianak()
    for bentuk in ("e81", "e81-renja"):
        kasus[f"contoh-semua-{bentuk}"] = isi_buku_semua(pont, bentuk_form=bentuk)
        kasus[f"uji-semua-{bentuk}"] = isi_buku_semua(contoh(4), bentuk_form=bentuk)
    return kasus


@lru_cache(maxsize=1)
def buku_master() -> Workbook:
    """``buat --semua`` of the 2,000-row master, in memory."""
    return isi_buku_semua(data_master())
