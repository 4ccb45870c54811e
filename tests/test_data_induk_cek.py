"""`data-induk cek`: the full check at the source, each finding at its Data Induk cell (Data!F12)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import typer
from openpyxl.utils import get_column_letter
from typer.testing import CliRunner

from renja_xl.capaian import JenisIndikator
from renja_xl.contoh import BARIS_CONTOH, INFO_CONTOH, tulis_contoh
from renja_xl.data_induk import KOLOM_DATA, BarisIndikator, Masalah, periksa_data_induk, simpan_data_induk
from renja_xl.data_induk.cek import cek_data_induk

LEGACY = "legacy_permendagri90_kep050-3708_2020_simcan_flat.csv"
SIPD_2027 = "nomenklatur_2027_sipd_flat.csv"


def kol(kunci: str) -> str:
    return get_column_letter([k.kunci for k in KOLOM_DATA].index(kunci) + 1)


def baris_ke(kode: str, ke: int = 0) -> int:
    """Sheet row of the ``ke``-th example row with this code (rows are written from row 2)."""
    return [i for i, b in enumerate(BARIS_CONTOH, start=2) if b.kode == kode][ke]


def ganti(asal: str, **ubah: object) -> list[BarisIndikator]:
    """The example rows with the first row of code ``asal`` changed."""
    hasil, sudah = [], False
    for b in BARIS_CONTOH:
        if b.kode == asal and not sudah:
            b, sudah = dataclasses.replace(b, **ubah), True
        hasil.append(b)
    assert sudah, asal
    return hasil


def tulis(tmp_path: Path, baris: list[BarisIndikator], nama: str = "di.xlsx", **info: object) -> Path:
    return simpan_data_induk(tmp_path / nama, dataclasses.replace(INFO_CONTOH, **info), baris)


def di(masalah: list[Masalah], alamat: str, tingkat: str | None = None) -> list[str]:
    return [m.jenis for m in masalah if m.alamat == alamat and (tingkat is None or m.tingkat == tingkat)]


def pasang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *berkas: Path) -> None:
    """Import official lists into a catalog folder of this test only."""
    from renja_xl.nomenklatur import simpan, validasi

    monkeypatch.setenv("RENJA_XL_NOMENKLATUR", str(tmp_path / "katalog"))
    simpan.lupakan_cache()
    validasi.lupakan_cache()
    for b in berkas:
        simpan.impor(b)


@pytest.fixture()
def katalog_lama(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nomenklatur_dir: Path) -> None:
    pasang(tmp_path, monkeypatch, nomenklatur_dir / LEGACY)


# ---------------------------------------------------------------------------------------------- the example

def test_contoh_tanpa_katalog_bersih(tmp_path: Path) -> None:
    h = cek_data_induk(tulis_contoh(tmp_path / "c.xlsx"))
    assert h.masalah == [] and h.katalog is None
    assert any("Belum ada katalog" in c for c in h.catatan)


def test_contoh_dengan_katalog_lama_tanpa_salah(tmp_path: Path, katalog_lama: None) -> None:
    h = cek_data_induk(tulis_contoh(tmp_path / "c.xlsx"))
    assert h.katalog is not None and not h.catatan
    assert h.jumlah_salah == 0, [(m.alamat, m.pesan) for m in h.masalah]


# ---------------------------------------------------------------------------------------------- catalog

def test_kode_tidak_ada_di_katalog(tmp_path: Path, katalog_lama: None) -> None:
    p = tulis(tmp_path, ganti("2.17.03.2.01.02", kode="2.17.03.2.01.09"))
    assert "nomenklatur.tidak_ada" in di(periksa_data_induk(p), f"Data!{kol('kode')}{baris_ke('2.17.03.2.01.02')}",
                                         "salah")


def test_nama_milik_kode_lain(tmp_path: Path, katalog_lama: None) -> None:
    nama_01 = BARIS_CONTOH[baris_ke("2.17.01.2.01.01") - 2].uraian
    p = tulis(tmp_path, ganti("2.17.01.2.01.02", uraian=nama_01))
    jenis = di(periksa_data_induk(p), f"Data!{kol('uraian')}{baris_ke('2.17.01.2.01.02')}", "salah")
    assert jenis and all(j.startswith("nama.") for j in jenis)


def test_teks_indikator_di_kolom_nama(tmp_path: Path, katalog_lama: None) -> None:
    b = BARIS_CONTOH[baris_ke("2.17.01.2.02.01") - 2]
    p = tulis(tmp_path, ganti(b.kode, uraian=b.indikator))
    # how severe is the nomenclature validation's call; here it only matters that it arrives at the cell
    assert di(periksa_data_induk(p), f"Data!{kol('uraian')}{baris_ke(b.kode)}")


def _empat_digit(b: BarisIndikator) -> BarisIndikator:
    seg = b.kode.split(".")
    return dataclasses.replace(b, kode=".".join([*seg[:5], seg[5].zfill(4)])) if len(seg) == 6 else b


def test_kode_lama_di_dokumen_empat_digit(tmp_path: Path) -> None:
    """A 2-digit (Permendagri 90/2019) sub kegiatan code among 4-digit ones is reported at its cell."""
    baris = [_empat_digit(b) for b in BARIS_CONTOH]
    r = baris_ke("2.17.01.2.02.01")
    baris[r - 2] = BARIS_CONTOH[r - 2]
    p = tulis(tmp_path, baris, tahun=2024, renstra_awal=2021, renstra_akhir=2026)
    assert "kode.era" in di(periksa_data_induk(p), f"Data!{kol('kode')}{r}")
    assert not di(periksa_data_induk(p), f"Data!{kol('kode')}{r + 1}")


def test_kode_lama_dengan_katalog_empat_digit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              nomenklatur_dir: Path) -> None:
    pasang(tmp_path, monkeypatch, nomenklatur_dir / SIPD_2027)
    baris = [_empat_digit(b) for b in BARIS_CONTOH]
    r = baris_ke("2.17.01.2.02.01")
    baris[r - 2] = BARIS_CONTOH[r - 2]
    p = tulis(tmp_path, baris, tahun=2027, renstra_awal=2025, renstra_akhir=2029)
    h = cek_data_induk(p)
    assert h.katalog is not None
    assert di(h.masalah, f"Data!{kol('kode')}{r}", "salah")


# ---------------------------------------------------------------------------------------------- data

def test_target_renja_kosong_dengan_realisasi(tmp_path: Path) -> None:
    r = baris_ke("2.17.01.2.02.01")
    p = tulis(tmp_path, ganti("2.17.01.2.02.01", target_k=None, target_rp=None))
    m = periksa_data_induk(p)
    assert di(m, f"Data!{kol('target_k')}{r}", "salah") == ["data_induk.target_kosong"]
    assert di(m, f"Data!{kol('target_rp')}{r}", "salah") == ["data_induk.target_kosong"]
    assert len(m) == 2, [(x.alamat, x.pesan) for x in m]


def test_target_kosong_tanpa_realisasi_tidak_dilaporkan(tmp_path: Path) -> None:
    """A row with no realisasi yet may wait for its target (only its capaian is missing, nothing is wrong)."""
    p = tulis(tmp_path, ganti("2.17.01.2.01", target_k=None))
    assert periksa_data_induk(p) == []


def test_indikator_ganda(tmp_path: Path) -> None:
    kode = "3.30.04"
    baris = list(BARIS_CONTOH)
    r1, r2 = baris_ke(kode), baris_ke(kode, 1)
    baris[r2 - 2] = dataclasses.replace(baris[r2 - 2], indikator=baris[r1 - 2].indikator + " ")
    m = periksa_data_induk(tulis(tmp_path, baris))
    assert di(m, f"Data!{kol('indikator')}{r2}", "salah") == ["data_induk.indikator_ganda"]


def test_satu_kode_dua_nama(tmp_path: Path) -> None:
    kode = "3.30.04"
    baris = list(BARIS_CONTOH)
    r2 = baris_ke(kode, 1)
    baris[r2 - 2] = dataclasses.replace(baris[r2 - 2], uraian="PROGRAM PERLINDUNGAN KONSUMEN")
    m = periksa_data_induk(tulis(tmp_path, baris))
    assert di(m, f"Data!{kol('uraian')}{r2}", "salah") == ["data_induk.kode_ganda"]


def test_kumulatif_dengan_satuan_persen_peringatan(tmp_path: Path) -> None:
    r = baris_ke("2.17.03")
    m = periksa_data_induk(tulis(tmp_path, ganti("2.17.03", jenis=JenisIndikator.KUMULATIF)))
    assert di(m, f"Data!{kol('jenis')}{r}") == ["data_induk.jenis_satuan"]
    assert [x.tingkat for x in m] == ["peringatan"]
    # a level unit with a level type, or a count unit summed, is no contradiction
    assert periksa_data_induk(tulis(tmp_path, ganti("2.17.01.2.02", jenis=JenisIndikator.KUMULATIF), "b.xlsx")) == []


def test_nama_kosong(tmp_path: Path) -> None:
    r = baris_ke("2.17.05.2.01.01")
    m = periksa_data_induk(tulis(tmp_path, ganti("2.17.05.2.01.01", uraian="")))
    assert di(m, f"Data!{kol('uraian')}{r}", "salah") == ["data_induk.nama_kosong"]


def test_ke_temuan() -> None:
    m = Masalah("Data", 12, "F", "pesan", "data_induk.jenis_satuan", "peringatan", "persentase")
    t = m.ke_temuan()
    assert (t.jenis, t.tingkat, t.pesan, t.saran, m.alamat) == \
        ("data_induk.jenis_satuan", "peringatan", "pesan", "persentase", "Data!F12")


# ---------------------------------------------------------------------------------------------- CLI

@pytest.fixture()
def app(app_data_induk: typer.Typer) -> typer.Typer:
    return app_data_induk


def test_cli_kode_keluar(tmp_path: Path, app: typer.Typer) -> None:
    runner = CliRunner()
    bersih = tulis_contoh(tmp_path / "bersih.xlsx")
    r = runner.invoke(app, ["data-induk", "cek", str(bersih)])
    assert r.exit_code == 0 and "tidak ada masalah" in r.output, r.output

    kotor = tulis(tmp_path, ganti("2.17.01.2.02.01", target_k=None))
    r = runner.invoke(app, ["data-induk", "cek", str(kotor)])
    alamat = f"Data!{kol('target_k')}{baris_ke('2.17.01.2.02.01')}"
    assert r.exit_code == 1 and alamat in r.output and "1 salah" in r.output, r.output
    r = runner.invoke(app, ["data-induk", "cek", "--json", str(kotor)])
    assert r.exit_code == 1
    keluaran = json.loads(r.stdout)
    assert [t["alamat"] for t in keluaran["temuan"]] == [alamat] and keluaran["jumlah_salah"] == 1

    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(b"bukan buku kerja")
    r = runner.invoke(app, ["data-induk", "cek", str(rusak)])
    assert r.exit_code == 2 and "Traceback" not in r.output


def test_contoh_dengan_katalog_2027_tanpa_salah(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                nomenklatur_dir: Path) -> None:
    """The 2022 example (2-digit codes) with only the 2027 list installed: one note, not an error per code."""
    pasang(tmp_path, monkeypatch, nomenklatur_dir / SIPD_2027)
    h = cek_data_induk(tulis_contoh(tmp_path / "c.xlsx"))
    assert h.jumlah_salah == 0, [(m.alamat, m.pesan) for m in h.masalah]
    assert len(h.catatan) == 1 and "impor" in h.catatan[0]


def test_contoh_dengan_kedua_katalog_memakai_daftar_eranya(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           nomenklatur_dir: Path) -> None:
    """Both lists installed (2027 active): the 2022 example is judged by the 2-digit list, and a code that
    list lacks is still reported."""
    pasang(tmp_path, monkeypatch, nomenklatur_dir / LEGACY, nomenklatur_dir / SIPD_2027)
    h = cek_data_induk(tulis_contoh(tmp_path / "c.xlsx"))
    assert h.katalog is not None and "2027" not in h.katalog
    assert h.jumlah_salah == 0, [(m.alamat, m.pesan) for m in h.masalah]
    p = tulis(tmp_path, ganti("2.17.03.2.01.02", kode="2.17.03.2.01.09"))
    assert "nomenklatur.tidak_ada" in di(periksa_data_induk(p), f"Data!{kol('kode')}{baris_ke('2.17.03.2.01.02')}")


def test_kode_kembali_dilaporkan_sekali(tmp_path: Path) -> None:
    """A code that comes back after another code (with another name) is one mistake: one finding."""
    c = BARIS_CONTOH[baris_ke("2.17.03.2.01.01") - 2]
    r = baris_ke("2.17.03.2.01.02") + 1          # right below sub kegiatan .02
    baris = list(BARIS_CONTOH)
    baris.insert(r - 2, dataclasses.replace(c, uraian="Nama lain", indikator="Indikator lain"))
    m = periksa_data_induk(tulis(tmp_path, baris))
    assert [x.jenis for x in m] == ["data_induk.kode_ganda"] and m[0].baris == r, [(x.alamat, x.pesan) for x in m]


def test_kode_pemda_lain(tmp_path: Path, katalog_lama: None) -> None:
    """A provincial code (4th segment 1) in a kab/kota Data Induk is reported at its code cell."""
    r = baris_ke("2.17.03.2.01")
    baris = [dataclasses.replace(b, kode=b.kode.replace("2.17.03.2.01", "2.17.03.1.01"))
             if b.kode.startswith("2.17.03.2.01") else b for b in BARIS_CONTOH]
    m = periksa_data_induk(tulis(tmp_path, baris))
    assert di(m, f"Data!{kol('kode')}{r}", "salah"), [(x.alamat, x.jenis, x.pesan) for x in m]


def test_bidang_urusan_tidak_ada(tmp_path: Path, katalog_lama: None) -> None:
    """A bidang urusan the catalog lacks is reported at its Info cell (the example's own is clean)."""
    from renja_xl.data_induk import LABEL_INFO

    r = [li.kunci for li in LABEL_INFO].index("bidang_urusan") + 2
    baris = [b for b in BARIS_CONTOH if not b.kode.startswith("2.17.01")]   # no program 01 through the bidang
    m = periksa_data_induk(tulis(tmp_path, baris, bidang_urusan="2.99"))
    assert di(m, f"Info!B{r}", "salah"), [(x.alamat, x.jenis, x.pesan) for x in m]
    assert not di(periksa_data_induk(tulis(tmp_path, baris, "b.xlsx")), f"Info!B{r}")


# ---------------------------------------------------------------------------------------------- after an import

def test_tanda_perlu_dicek_belum_dikosongkan_diperingatkan(tmp_path: Path) -> None:
    """An imported Data Induk still carrying its "Perlu dicek" marks is not clean: each mark is a warning at
    its cell until the user clears it (clearing is the confirmation)."""
    from openpyxl import load_workbook

    from renja_xl.data_induk import KOLOM_PERLU_DICEK

    p = tulis(tmp_path, list(BARIS_CONTOH))
    assert periksa_data_induk(p) == []
    wb = load_workbook(p)
    ws = wb["Data"]
    c = ws.max_column + 1
    ws.cell(1, c, KOLOM_PERLU_DICEK)
    ws.cell(5, c, "jenis ditebak dari satuan")
    wb.save(p)
    huruf = get_column_letter(c)
    [m] = periksa_data_induk(p)
    assert (m.alamat, m.jenis, m.tingkat) == (f"Data!{huruf}5", "data_induk.perlu_dicek", "peringatan")
    assert "jenis ditebak dari satuan" in m.pesan
    ws.cell(5, c).value = None
    wb.save(p)
    assert periksa_data_induk(p) == []
