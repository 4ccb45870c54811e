"""The indicator type of a hand-made form: from how the source's own figures add up (checked with the core's
``realisasi_tahun`` / ``realisasi_renstra`` / ``capaian`` for each candidate type), else the core's one
level/flow decision (``capaian.tebak_jenis``); every guess marked "Perlu dicek"."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from renja_xl.capaian import JenisIndikator, capaian, realisasi_renstra, realisasi_tahun, tebak_jenis
from renja_xl.contoh_tabel import e81_tangan
from renja_xl.data_induk import DataInduk
from renja_xl.impor_induk import impor
from renja_xl.impor_induk import jenis as modul_jenis

K, M = JenisIndikator.KUMULATIF, JenisIndikator.MENURUN


def _data(n: int, seed: int, **info: object) -> DataInduk:
    """The benchmark's synthetic Data Induk, with every third unit swapped against its type (a flow printed
    in 'Persen', a level counted in 'Dokumen'): only the source's arithmetic can then tell the type."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import data as bd  # noqa: E402

    src = bd.sumber(None)
    bidang = sorted(src.bidang)[0]
    baris = []
    for i, b in enumerate(bd.baris_opd(src, bidang, n, seed), start=2):
        if i % 3 == 0:
            b = dataclasses.replace(b, satuan="Persen" if b.jenis is K else "Dokumen")
        baris.append(dataclasses.replace(b, baris=i))
    return DataInduk(dataclasses.replace(bd.info("Dinas Sintetis Jenis", bidang), **info), baris)


def _aliran(j: JenisIndikator) -> bool:
    return j is K


def test_jenis_dari_cara_sumber_menjumlahkan_bukan_dari_satuan(tmp_path: Path) -> None:
    data = _data(90, seed=3)
    hasil = impor([e81_tangan(data, tmp_path / "e81.xlsx").path])
    assert len(hasil.data.baris) == len(data.baris)
    ditukar = menurun = 0
    for i, (a, b) in enumerate(zip(data.baris, hasil.data.baris)):
        # column 12 (sum or last quarter) and 13 (6 + 12) were typed with the original type
        assert _aliran(b.jenis) == _aliran(a.jenis), (a.kode, a.satuan, a.jenis, b.jenis, hasil.perlu_dicek[i])
        assert re.search(r"kolom 1[23]|kolom 14 = target / realisasi", hasil.perlu_dicek[i]), hasil.perlu_dicek[i]
        ditukar += _aliran(tebak_jenis(a.satuan, a.indikator)) != _aliran(a.jenis)
        # a lower-is-better row whose column 14 shows target / realisasi comes back menurun
        if a.jenis is M:
            r13 = realisasi_renstra(a.realisasi_lalu_k, realisasi_tahun(a.tw_k[:data.info.triwulan], M), M)
            turun, naik = capaian(r13, a.target_renstra_k, M).nilai, capaian(r13, a.target_renstra_k, K).nilai
            if turun is not None and naik is not None and abs(turun - naik) > 1:
                assert b.jenis is M, (a.kode, hasil.perlu_dicek[i])
                menurun += 1
    assert ditukar >= 10 and menurun >= 1     # the unit rule alone would have got these wrong
    assert all("jenis ditebak" in hasil.perlu_dicek[i] for i in range(len(hasil.data.baris)))


def test_tanpa_bukti_di_sumber_keputusan_inti(tmp_path: Path) -> None:
    """TW I only and no realisasi s.d. tahun lalu: column 12 and 13 are the same for every type, so the
    core's unit/name rule decides (and gets the swapped units wrong, as it must)."""
    data = _data(60, seed=5, triwulan=1)
    data = DataInduk(data.info, [dataclasses.replace(b, realisasi_lalu_k=None) for b in data.baris])
    hasil = impor([e81_tangan(data, tmp_path / "e81.xlsx").path])
    salah = 0
    for i, (a, b) in enumerate(zip(data.baris, hasil.data.baris)):
        assert _aliran(b.jenis) == _aliran(tebak_jenis(a.satuan, a.indikator)), (a.satuan, b.jenis)
        assert "kolom 12" not in hasil.perlu_dicek[i] and "jenis ditebak" in hasil.perlu_dicek[i]
        salah += _aliran(b.jenis) != _aliran(a.jenis)
    assert salah >= 5


def test_modul_jenis_tanpa_daftar_satuan_sendiri() -> None:
    """One rule, one home: the level/flow decision by unit and name lives in ``capaian`` only."""
    assert not [k for k, v in vars(modul_jenis).items() if isinstance(v, re.Pattern)]


@pytest.mark.parametrize("satuan, bukti, harap", [
    ("Persen", [("jumlah", "kolom 12 = jumlah")], JenisIndikator.KUMULATIF),
    ("Dokumen", [("akhir", "kolom 12 = nilai terakhir")], JenisIndikator.NILAI_AKHIR),
    ("Indeks", [("akhir", "kolom 12 = nilai terakhir")], JenisIndikator.NILAI_AKHIR),
    ("Persen", [("akhir", "kolom 12 = nilai terakhir")], JenisIndikator.PERSENTASE),
    ("Persen", [("akhir", "x"), ("menurun", "kolom 14 = target / realisasi")], JenisIndikator.MENURUN),
    ("Kasus", [], JenisIndikator.KUMULATIF),
    ("Persen", [], JenisIndikator.PERSENTASE),
])
def test_aturan_tebakan(satuan: str, bukti: list, harap: JenisIndikator) -> None:
    j, sebab = modul_jenis.tebak_jenis(satuan, "Indikator uji", [modul_jenis.Bukti(*b) for b in bukti])
    assert j is harap and sebab.startswith(harap.value)


def test_nilai_bertanda_persen_keputusan_inti_dengan_alasannya() -> None:
    j, sebab = modul_jenis.tebak_jenis("Dokumen", "Jumlah dokumen", [], persen=True)
    assert j is tebak_jenis("Dokumen", "Jumlah dokumen", persen=True) and "bertanda %" in sebab
