"""The rekap as Bappeda prints and receives it: every sheet planned for paper, and every formula cell with the
core's value cached.

Print: each sheet of the compilation is planned by the generator's planner on the paper ``--kertas`` names;
LibreOffice renders two rekaps to PDF (the example folder as Tabel E.79 on F4, the folder of bad inputs as
Formulir E.19 on A4) and poppler reads them back: page size, "Halaman i dari N" on every page, no ``###``,
body words tall enough to read, and the signature block (with the JUMLAH, rata-rata and predikat rows) whole
on one page.

Cached values: a file opened in Protected View or a phone preview shows what was saved. LibreOffice
recalculates both rekaps and every cached value must equal its recalculation; the static dependency graph
holds no self-reference and no cycle.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).parent))
from pdf_cetak import baca_pdf, ke_pdf, poppler  # noqa: E402
from graf_rumus import bangun, laporan  # noqa: E402
from test_dua_mesin import nilai_tersimpan, setara  # noqa: E402
from test_rekap import folder_contoh  # noqa: E402
from test_rekap_masukan import folder_buruk  # noqa: E402,F401  (fixture)

from renja_xl.generator import cetak  # noqa: E402
from renja_xl.generator.simpan import ke_bytes  # noqa: E402
from renja_xl.rekap import rekap, tulis_buku  # noqa: E402
from renja_xl.rekap.e79 import tata_e79  # noqa: E402

_UKURAN = {"F4": (936, 612), "A4": (842, 595)}
_SATU_HALAMAN = ("Ringkasan OPD", "Temuan", "Grafik", "Skala Predikat")


@pytest.fixture(scope="module")
def rekap_dua(tmp_path_factory: pytest.TempPathFactory, folder_buruk: Path) -> dict[str, Any]:
    """The example folder as Tabel E.79 on F4 (the default) and the bad-input folder as Formulir E.19 on A4."""
    d = tmp_path_factory.mktemp("rekap_cetak")
    contoh = rekap(folder_contoh(d / "masuk"), d / "contoh.xlsx", pekerja=2)
    buruk = rekap(folder_buruk, d / "buruk.xlsx", pekerja=2, tingkat="provinsi", kertas="A4")
    return {"contoh": contoh, "buruk": buruk}


# ------------------------------------------------------------------------------------------------ without LO

def test_setiap_lembar_7pt_di_setiap_kertas(rekap_dua: dict[str, Any]) -> None:
    """On every paper, every sheet prints its body at 7 pt or more; the E.79 is split over pages wide with
    the code and name columns repeated, the other sheets fit one page wide."""
    for kertas, k in cetak.KERTAS.items():
        wb = tulis_buku(rekap_dua["contoh"].pilihan, "kabkota", kertas=kertas)
        for ws in wb.worksheets:
            ps = ws.page_setup
            assert int(ps.paperSize) == k.kode and ps.orientation == "landscape", (kertas, ws.title)
            assert ps.scale * 10 / 100 >= cetak.UKURAN_CETAK_MIN, (kertas, ws.title, ps.scale)
            assert "Halaman &P dari &N" in ws.oddFooter.right.text
        e79 = wb["E.79"]
        assert e79.col_breaks.brk and e79.print_title_cols == "$A:$I", kertas
        for judul in _SATU_HALAMAN:
            assert not wb[judul].col_breaks.brk, (kertas, judul)


def test_grafik_banyak_opd_tiap_grafik_utuh(rekap_dua: dict[str, Any]) -> None:
    """42 OPDs: the per-OPD bars are split over charts small enough for a page, and no page break crosses a
    chart (on the smallest paper)."""
    p = rekap_dua["contoh"].pilihan
    besar = replace(p, opd=[replace(o, nama=f"{o.nama} {i + 1}") for i in range(14) for o in p.opd])
    ws = tulis_buku(besar, "kabkota", kertas="A4")["Grafik"]
    assert len(ws._charts) == 3 + 1                       # 42 OPDs in three charts, the urusan in one
    putus = [b.id for b in ws.row_breaks.brk]
    for a, z in cetak._blok_grafik(ws):
        assert not [b for b in putus if a <= b < z], (a, z, putus)
    assert ws.page_setup.scale == 100 and not ws.col_breaks.brk


def test_kertas_tidak_dikenal(rekap_dua: dict[str, Any], tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from renja_xl.cli import app

    folder = rekap_dua["contoh"].keluar.parent / "masuk"
    r = CliRunner().invoke(app, ["rekap", str(folder), "-o", str(tmp_path / "x.xlsx"), "--kertas", "B5"])
    assert r.exit_code == 2 and "--kertas 'B5'" in r.output and "F4" in r.output, r.output
    assert not (tmp_path / "x.xlsx").exists()
    bantuan = CliRunner().invoke(app, ["rekap", "--help"]).output
    assert "--kertas" in bantuan and "Legal" in bantuan


def test_setiap_rumus_punya_nilai_tersimpan(rekap_dua: dict[str, Any]) -> None:
    """Every <c> with an <f> has a <v> (Protected View and previews show numbers), and the book still
    recalculates on open."""
    for nama, h in rekap_dua.items():
        n = 0
        with zipfile.ZipFile(h.keluar) as z:
            for part in z.namelist():
                if not part.startswith("xl/worksheets/sheet"):
                    continue
                sel = re.findall(r"<c [^>]*><f>[^<]*</f>(<v>[^<]*</v>|<v\s*/>)?</c>", z.read(part).decode("utf-8"))
                n += len(sel)
                assert all(v.startswith("<v>") for v in sel), (nama, part)
            wbxml = z.read("xl/workbook.xml").decode()
            assert re.search(r'<calcPr[^>]*calcId="\d+"', wbxml) and 'fullCalcOnLoad="1"' in wbxml
        assert n > 300, nama


def test_tanpa_rujukan_melingkar(rekap_dua: dict[str, Any]) -> None:
    for nama, h in rekap_dua.items():
        g = bangun(load_workbook(h.keluar))
        assert len(g.sel) > 300, nama
        assert not g.rujuk_diri() and not g.siklus(), f"{nama}:\n{laporan(g)}"


def test_perencanaan_2000_baris_e19(rekap_dua: dict[str, Any]) -> None:
    """A province's E.19 of some 2,000 rows (the example OPDs repeated under other names) and the same with
    --rinci program are planned and cached in reasonable time; the manual breaks stay within Excel's limit."""
    p = rekap_dua["contoh"].pilihan
    n_baris = sum(len(o.lembar.baris) for o in p.opd if o.lembar is not None)
    ulang = -(-2000 // n_baris)
    opd = [replace(o, nama=f"{o.nama} {i + 1}") for i in range(ulang) for o in p.opd]
    besar = replace(p, opd=opd)
    baris = {}
    for rinci in ("sub_kegiatan", "program"):
        t0 = time.perf_counter()
        wb = tulis_buku(besar, "provinsi", rinci)
        data = ke_bytes(wb)
        detik = time.perf_counter() - t0
        ws = wb["E.19"]
        baris[rinci] = ws.max_row
        print(f"E.19 {rinci}: {ws.max_row} baris, {detik:.1f} s, skala {ws.page_setup.scale}%, "
              f"{len(ws.row_breaks.brk)} batas halaman, {len(data) // 1024} KiB")
        assert ws.page_setup.scale >= 70 and 0 < len(ws.row_breaks.brk) <= 1000
        assert detik < 180, f"{rinci}: {detik:.0f} s"
    assert baris["sub_kegiatan"] > 2000 > baris["program"]


# ------------------------------------------------------------------------------------------------ in LibreOffice

@pytest.fixture(scope="module")
def pdf(rekap_dua: dict[str, Any], libreoffice: None, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Both rekaps rendered to PDF in one LibreOffice run: per page its text and word heights."""
    poppler()
    d = tmp_path_factory.mktemp("rekap_pdf")
    r = ke_pdf([h.keluar for h in rekap_dua.values()], d)
    hasil = {}
    for nama, h in rekap_dua.items():
        berkas = d / (h.keluar.stem + ".pdf")
        assert berkas.is_file(), r.stderr
        hasil[nama] = baca_pdf(berkas)
    return hasil


KASUS = {"contoh": ("F4", "E.79"), "buruk": ("A4", "E.19")}


@pytest.mark.parametrize("nama", KASUS)
def test_ukuran_kertas(pdf: dict[str, Any], nama: str) -> None:
    ukuran = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", pdf[nama]["info"])
    assert ukuran and (round(float(ukuran[1])), round(float(ukuran[2]))) == _UKURAN[KASUS[nama][0]]


@pytest.mark.parametrize("nama", KASUS)
def test_nomor_halaman_dan_tanpa_pagar(pdf: dict[str, Any], nama: str) -> None:
    halaman = pdf[nama]["halaman"]
    assert len(halaman) > 5
    for i, h in enumerate(halaman, 1):
        assert f"Halaman {i} dari {len(halaman)}" in h, f"halaman {i}"
        assert "###" not in h, f"halaman {i} memuat ###"


@pytest.mark.parametrize("nama", KASUS)
def test_huruf_cukup_besar(pdf: dict[str, Any], nama: str) -> None:
    for i, tinggi in enumerate(pdf[nama]["tinggi"], 1):
        if len(tinggi) >= 30:
            assert statistics.median(tinggi) >= 6.0, f"halaman {i}: {statistics.median(tinggi):.1f} pt"
    semua = [t for h in pdf[nama]["tinggi"] for t in h]
    assert statistics.median(semua) >= 8.5       # bbox height is about 1.3 x the font size


@pytest.mark.parametrize("nama", KASUS)
def test_tanda_tangan_utuh_bersama_jumlah(pdf: dict[str, Any], nama: str) -> None:
    """The page with the signatory holds the whole block and the first page wide of the JUMLAH, rata-rata
    and predikat rows; no other page holds a piece of the block."""
    bagian = ["Disusun", "tanggal", "KEPALA BAPPEDA", "NIP."]
    halaman = [re.sub(r"\s+", " ", h) for h in pdf[nama]["halaman"]]
    ttd = [i for i, h in enumerate(halaman) if any(b in h for b in bagian[2:])]
    assert len(ttd) == 1, ttd
    h = halaman[ttd[0]]
    kurang = [b for b in bagian + ["JUMLAH ANGGARAN", "Rata-rata capaian kinerja", "Predikat kinerja"] if b not in h]
    assert not kurang, f"halaman {ttd[0] + 1}: tidak ada {kurang}"


@pytest.mark.parametrize("nama", KASUS)
def test_e79_kolom_kode_dan_nama_diulang(pdf: dict[str, Any], nama: str) -> None:
    """Every page of the E.79/E.19 repeats the header and the row numbers and names of its left part: each
    page's row numbers (1.1.2.3 ...) are printed again on its continuation wide."""
    from collections import Counter

    lembar = KASUS[nama][1]
    halaman = [h for h in pdf[nama]["halaman"] if f"{lembar} - " in h]
    assert len(halaman) >= 3
    for h in halaman:
        assert "Urusan/Bidang Urusan" in h and "Kode" in h
    nomor = [frozenset(re.findall(r"^\s*(\d{1,2}(?:\.\d{1,2}){2,})\s", h, re.M)) for h in halaman]
    kali = Counter(n for n in nomor if n)
    assert kali and all(k >= 2 for k in kali.values()), kali
    assert any("Penanggung Jawab" in h for h in halaman)


# ------------------------------------------------------------------------------------------------ cached values

@pytest.fixture(scope="module")
def lo(rekap_dua: dict[str, Any], libreoffice: None) -> dict[str, Any]:
    from renja_xl.libreoffice import hitung_ulang

    nama = list(rekap_dua)
    return dict(zip(nama, hitung_ulang([rekap_dua[n].keluar for n in nama])))


def test_nilai_tersimpan_sama_dengan_libreoffice(rekap_dua: dict[str, Any], lo: dict[str, Any]) -> None:
    """Every cached value of both rekaps (E.79 and E.19 roll-ups, realisasi, capaian, rata-rata, predikat,
    the summary's totals) equals LibreOffice's recalculation of the same file."""
    beda: list[str] = []
    n = 0
    for nama, h in rekap_dua.items():
        for judul, sel in nilai_tersimpan(h.keluar).items():
            assert judul in lo[nama], f"{nama}: LibreOffice tidak membaca lembar {judul}"
            for alamat, v in sel.items():
                n += 1
                hitung = lo[nama][judul].sel(alamat)
                if not setara(v, hitung):
                    beda.append(f"{nama} '{judul}'!{alamat}: tersimpan {v!r}, LibreOffice {hitung!r}")
    assert n > 1000
    assert not beda, f"{len(beda)} sel berbeda:\n" + "\n".join(beda[:20])


def test_nilai_tersimpan_e79_terisi(rekap_dua: dict[str, Any]) -> None:
    """The cached values are the numbers, not blanks: the JUMLAH row carries the sum of the OPD figures and
    the predikat row a word."""
    h = rekap_dua["contoh"]
    ws = load_workbook(h.keluar, data_only=True)["E.79"]
    t = tata_e79("kabkota")
    baris = {ws.cell(r, 1).value: r for r in range(11, ws.max_row + 1)}
    j = h.ke_json()["opd"]
    assert ws.cell(baris["JUMLAH"], t.slot["t8"] + 1).value == pytest.approx(sum(o["target_rp"] for o in j))
    assert ws.cell(baris["PREDIKAT"], t.slot["c15"]).value in ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah",
                                                               "Sangat Rendah")
