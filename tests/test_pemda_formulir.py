"""One alias table for pemda kinds and one form list: every spelling staff use gives the same answer."""

from __future__ import annotations

import pytest

from renja_xl.formulir import FORMULIR, baca_form
from renja_xl.galat import GalatPengguna
from renja_xl.pemda import KABKOTA, PROVINSI, baca_pemda, digit_pemda, jenis_pemda_opsi


@pytest.mark.parametrize("teks", ["kabkota", "kab/kota", "Kab/Kota", "KABKOT", "kabupaten/kota", "kabupaten / kota",
                                  "kota", "Kabupaten", "Kota Pontianak", "Pemerintah Kabupaten Sambas", "2"])
def test_kabkota(teks: str) -> None:
    assert baca_pemda(teks) == KABKOTA and digit_pemda(teks) == "2"


@pytest.mark.parametrize("teks", ["provinsi", "Propinsi", "prov", "PROV.", "Provinsi Kalimantan Barat", "pemprov", "1"])
def test_provinsi(teks: str) -> None:
    assert baca_pemda(teks) == PROVINSI and digit_pemda(teks) == "1"


def test_opsi_asing_ditolak_dengan_contoh() -> None:
    with pytest.raises(GalatPengguna, match="propinsi"):
        jenis_pemda_opsi("desa")
    assert jenis_pemda_opsi(None) is None and jenis_pemda_opsi("  ") is None


def test_semua_perintah_memakai_tabel_yang_sama() -> None:
    """The CLI, the checker, the Excel functions and the Data Induk reader accept the same aliases."""
    from renja_xl.kode import parse_kode
    from renja_xl.udf import CEK_KODE

    for alias in ("kab/kota", "propinsi", "KABKOT"):
        assert jenis_pemda_opsi(alias) in (KABKOTA, PROVINSI)
        assert not str(CEK_KODE("1.02.02.2.01.0001", alias)).startswith("Jenis pemda tidak dikenal")
    k = parse_kode("1.02.02.1.01.0001", jenis_pemda="kab/kota")
    assert any(t.jenis == "kode.pemda" for t in k.temuan)


@pytest.mark.parametrize("teks, kunci", [("e81", "e81"), ("E.81", "e81"), ("e.81", "e81"), ("E81", "e81"),
                                         ("tc29", "tc29"), ("T-C.29", "tc29"), ("t-c.33", "tc33"),
                                         ("Tabel 2.1", "tc29"), ("E.81 Renja", "e81-renja"),
                                         ("rencana aksi", "rencana-aksi"), ("Rencana-Aksi", "rencana-aksi")])
def test_nama_formulir(teks: str, kunci: str) -> None:
    assert baca_form(teks) == kunci


def test_formulir_asing_ditolak_dengan_daftar() -> None:
    with pytest.raises(GalatPengguna, match="e81, e81-renja"):
        baca_form("e79")
    assert set(FORMULIR) == {"e81", "e81-renja", "tc29", "tc33", "rencana-aksi"}
