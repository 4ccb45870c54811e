"""The Pontianak 2022 example: it reads back unchanged, it is internally consistent, and (with ../shared) its
literals match the seed document and the official nomenclature."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from renja_xl.angka import format_angka
from renja_xl.capaian import JenisIndikator
from renja_xl.contoh import BARIS_CONTOH, INFO_CONTOH, tulis_contoh
from renja_xl.data_induk import baca_data_induk, periksa_data_induk
from renja_xl.galat import GalatPengguna
from renja_xl.kode import Tingkat, parse_kode


@pytest.fixture(scope="module")
def contoh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tulis_contoh(tmp_path_factory.mktemp("contoh") / "contoh.xlsx")


def test_bolak_balik(contoh: Path) -> None:
    d = baca_data_induk(contoh)
    assert d.info == INFO_CONTOH
    assert d.baris == list(BARIS_CONTOH)
    assert d.berkas == contoh and d.masalah == []


def test_tidak_menimpa(contoh: Path) -> None:
    with pytest.raises(GalatPengguna):
        tulis_contoh(contoh)
    assert tulis_contoh(contoh, timpa=True) == contoh


def test_isi_contoh() -> None:
    assert 25 <= len(BARIS_CONTOH) <= 40
    assert (INFO_CONTOH.pemda, INFO_CONTOH.tahun, INFO_CONTOH.triwulan) == ("Kota Pontianak", 2022, 2)
    assert (INFO_CONTOH.renstra_awal, INFO_CONTOH.renstra_akhir) == (2020, 2024)
    assert "(contoh)" in INFO_CONTOH.kepala_opd and "(contoh)" in INFO_CONTOH.kepala_bappeda
    programs = [b.kode for b in BARIS_CONTOH if b.tingkat == Tingkat.PROGRAM]
    assert {"2.17.01", "2.17.03", "2.17.05", "3.30.04"} <= set(programs)
    for b in BARIS_CONTOH:
        k = parse_kode(b.kode)
        assert k.valid and k.normal == b.kode and not k.template
        if b.tingkat == Tingkat.SUB_KEGIATAN:
            assert k.era == "Permendagri 90/2019"
        else:  # Rp only on sub kegiatan rows: the generator rolls it up
            assert (b.target_renstra_rp, b.realisasi_lalu_rp, b.target_rp) == (None, None, None)
            assert b.tw_rp == (None,) * 4
        assert b.tw_k[2:] == (None, None) and b.tw_rp[2:] == (None, None)  # evaluated at triwulan II
        if b.satuan == "Persen":
            assert b.jenis in (JenisIndikator.PERSENTASE, JenisIndikator.MENURUN)
        else:
            assert b.jenis is JenisIndikator.KUMULATIF
    [kv] = [b for b in BARIS_CONTOH if b.jenis is JenisIndikator.MENURUN]
    assert kv.kode == "3.30.04.2.02" and "koefisien variasi" in kv.indikator
    assert [b.indikator for b in BARIS_CONTOH if b.kode == "3.30.04"][1] == "Persentase kinerja realisasi pupuk"


def _jumlah(awalan: str, atribut: str, i: int | None = None) -> float:
    total = 0.0
    for b in BARIS_CONTOH:
        if b.tingkat == Tingkat.SUB_KEGIATAN and b.kode.startswith(awalan + "."):
            v = getattr(b, atribut) if i is None else getattr(b, atribut)[i]
            total += v or 0.0
    return total


def test_g1_penyediaan_gaji() -> None:
    [g1] = [b for b in BARIS_CONTOH if b.kode == "2.17.01.2.02.01"]
    assert (g1.target_renstra_k, g1.target_renstra_rp) == (48, 15970442994)
    assert (g1.realisasi_lalu_k, g1.realisasi_lalu_rp, g1.target_k, g1.target_rp) == (12, 7805036664, 12, 7863041117)
    assert g1.tw_k[:2] == (3, 3) and g1.tw_rp[:2] == (1675018357, 1973244136)


def test_jumlah_sub_kegiatan_sama_dengan_dokumen() -> None:
    """The document's program/kegiatan Rp (roll-ups, left out of the Data Induk) are the sums of our rows:
    G2 (program 3.30.04, 000:292), G3 (kegiatan 3.30.04.2.02, 000:295), kegiatan 2.17.01.2.02 target (000:192)."""
    assert _jumlah("3.30.04", "target_renstra_rp") == 191_328_300
    assert _jumlah("3.30.04", "realisasi_lalu_rp") == 85_137_249
    assert _jumlah("3.30.04", "tw_rp", 0) == 5_953_200
    assert _jumlah("3.30.04", "tw_rp", 1) == 58_579_800
    assert _jumlah("3.30.04.2.02", "target_renstra_rp") == 177_528_300
    assert _jumlah("3.30.04.2.02", "tw_rp", 1) == 54_479_800
    assert _jumlah("2.17.01.2.02", "target_rp") == 8_205_457_117


def test_pohon_contoh(contoh: Path) -> None:
    d = baca_data_induk(contoh)
    pohon = d.pohon()
    assert [p.kode for p in pohon] == ["2.17.01", "2.17.03", "2.17.05", "2.17.07", "3.30.04"]
    assert all(k.uraian for p in pohon for k in p.anak)  # every parent has its own row: no synthetic node
    assert d.triwulan_terisi() == [1, 2]


# ---------------------------------------------------------------------------------------------- against ../shared

def test_angka_sesuai_seed(seeds_dir: Path) -> None:
    """Every Rp figure of a sub kegiatan row appears, Indonesian-formatted, on a seed line with its code."""
    baris = (seeds_dir / "000_2076446c135677a9.txt").read_text(encoding="utf-8").splitlines()[165:346]
    for b in BARIS_CONTOH:
        if b.tingkat != Tingkat.SUB_KEGIATAN:
            continue
        akhir = b.kode.split(".", 3)[3]   # the seed prints some codes malformed; match on the tail
        calon = [s for s in baris if akhir in s or b.uraian[:25].lower() in s.lower()]
        assert calon, b.kode
        for v in (b.target_renstra_rp, b.target_rp, b.tw_rp[0], b.tw_rp[1]):
            if v:
                teks = format_angka(v, 0)
                assert any(teks in s for s in calon), (b.kode, teks)


def test_nama_sesuai_nomenklatur(nomenklatur_dir: Path) -> None:
    """Names follow the Permendagri 90/2019 list (program penunjang through its X.XX template)."""
    nama: dict[str, str] = {}
    with open(nomenklatur_dir / "legacy_permendagri90_kep050-3708_2020_simcan_flat.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["jenis_pemda"] == "KABKOT":
                nama[r["kode"]] = r["nama"]

    def rata(s: str) -> str:
        return re.sub(r"[^a-z0-9]", "", s.lower().removesuffix("rn"))

    for b in BARIS_CONTOH:
        if not b.uraian:
            continue
        kunci = parse_kode(b.kode).ke_template()
        assert kunci in nama, b.kode
        # the list names program 01 without the "KABUPATEN/KOTA" the regulation's kab/kota table adds
        ditulis = rata(b.uraian).removesuffix("kabupatenkota") if kunci == "X.XX.01" else rata(b.uraian)
        assert ditulis == rata(nama[kunci]), (b.kode, b.uraian, nama[kunci])


# ---------------------------------------------------------------------------------------------- CLI

@pytest.fixture()
def app(app_data_induk: typer.Typer) -> typer.Typer:
    return app_data_induk


def test_cli_contoh(tmp_path: Path, app: typer.Typer) -> None:
    runner = CliRunner()
    p = tmp_path / "contoh.xlsx"
    r = runner.invoke(app, ["data-induk", "contoh", "-o", str(p)])
    assert r.exit_code == 0, r.output
    assert baca_data_induk(p).baris == list(BARIS_CONTOH)
    r = runner.invoke(app, ["data-induk", "contoh", "-o", str(p)])
    assert r.exit_code == 2 and "sudah ada" in r.output
    assert runner.invoke(app, ["data-induk", "contoh", "-o", str(p), "--timpa"]).exit_code == 0
    r = runner.invoke(app, ["data-induk", "cek", str(p)])
    assert r.exit_code == 0 and f"{len(BARIS_CONTOH)} baris" in r.output


def test_cli_templat_dan_cek(tmp_path: Path, app: typer.Typer) -> None:
    runner = CliRunner()
    p = tmp_path / "templat.xlsx"
    assert runner.invoke(app, ["data-induk", "templat", "-o", str(p)]).exit_code == 0
    assert len(periksa_data_induk(p)) > 0
    r = runner.invoke(app, ["data-induk", "cek", str(p)])
    assert r.exit_code == 1 and "Info!B2" in r.output


def test_simpan_ulang_libreoffice(libreoffice: None, contoh: Path, tmp_path: Path) -> None:
    """Opened and saved again by an office suite, the example still reads the same (codes stay text)."""
    from renja_xl.libreoffice import hitung_ulang

    keluar = tmp_path / "lo.xlsx"
    [lembar] = hitung_ulang([contoh], simpan_ke=[keluar])
    assert {"Info", "Data", "Petunjuk"} <= set(lembar)
    assert not any(lembar[n].galat for n in lembar)
    d = baca_data_induk(keluar)
    assert d.info == INFO_CONTOH
    assert d.baris == list(BARIS_CONTOH)
