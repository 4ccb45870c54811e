"""The master workbook (*Data Induk*): one place where an OPD types its Renja data once.

One job per module: :mod:`.model` (typed rows and the sheet layout), :mod:`.baca` (reader), :mod:`.tulis`
(writer), :mod:`.templat` (the blank workbook) and :mod:`.cek` (the check). The example data lives in
:mod:`renja_xl.contoh`, which calls the writer; nothing here imports it, so the package has no import cycle.
"""

from __future__ import annotations

from renja_xl.data_induk.baca import baca_data_induk, baca_dengan_masalah
from renja_xl.data_induk.cek import periksa_data_induk
from renja_xl.data_induk.model import (JENIS_PEMDA, KERTAS_BAKU, KOLOM_DATA, KOLOM_PERLU_DICEK, LABEL_INFO,
                                       LEMBAR_DATA, LEMBAR_INFO, PILIHAN_JENIS, PILIHAN_KERTAS, BarisIndikator, DataInduk, Info, Kolom,
                                       LabelInfo, Masalah, NodePohon, baca_kertas, kode_induk, normal_judul)
from renja_xl.data_induk.templat import buat_templat, simpan_templat
from renja_xl.data_induk.tulis import isi_buku, simpan_data_induk

__all__ = ["Info", "BarisIndikator", "DataInduk", "Masalah", "NodePohon", "Kolom", "LabelInfo", "KOLOM_DATA",
           "KOLOM_PERLU_DICEK",
           "LABEL_INFO", "LEMBAR_INFO", "LEMBAR_DATA", "JENIS_PEMDA", "PILIHAN_JENIS", "PILIHAN_KERTAS",
           "KERTAS_BAKU", "baca_kertas", "kode_induk", "normal_judul", "baca_data_induk", "baca_dengan_masalah",
           "periksa_data_induk", "isi_buku", "simpan_data_induk", "buat_templat", "simpan_templat"]


def __getattr__(nama: str) -> object:
    # The example writer moved out to break the data_induk -> contoh -> data_induk circle; say where it went.
    if nama == "tulis_contoh":
        raise AttributeError("renja_xl.data_induk.tulis_contoh pindah ke renja_xl.contoh.tulis_contoh")
    raise AttributeError(f"module 'renja_xl.data_induk' has no attribute {nama!r}")
