"""renja-xl rekap: the example OPD's forms plus two hand-made seed replicas -> E.79, summary, findings, charts.

The E.79 is recomputed by LibreOffice and its totals compared with the per-OPD figures the tasks computed
with the core: two independent paths (Excel formulas, Python) that must agree. ``--dask lokal`` must give
the same workbook values and the same JSON as the local process pool.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import range_boundaries

from renja_xl.contoh import tulis_contoh
from renja_xl.contoh_tabel import malang_e81, pontianak_e81
from renja_xl.generator import buat_semua
from renja_xl.rekap import rekap
from renja_xl.rekap.e79 import tata_e79


def _ubah_judul(path: Path, sel: dict[str, str]) -> None:
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    for a, v in sel.items():
        ws[a] = v
    wb.save(path)


def folder_contoh(d: Path) -> Path:
    """The example OPD's forms (all due forms, TW I and II) and two hand-made replicas relabelled as two other
    OPDs of Kota Pontianak 2022 (their tables, mistakes included, are the seeds')."""
    d.mkdir(parents=True, exist_ok=True)
    induk = tulis_contoh(d.parent / "induk_contoh.xlsx", timpa=True)
    buat_semua(induk, d / "dinas_koperasi.xlsx", timpa=True)
    pontianak_e81(d / "dinas_perdagangan.xlsx")
    _ubah_judul(d / "dinas_perdagangan.xlsx", {"A2": "RENJA DINAS PERDAGANGAN KOTA PONTIANAK"})
    malang_e81(d / "dinas_perindustrian.xlsx")
    _ubah_judul(d / "dinas_perindustrian.xlsx", {
        "A3": "Renja Perangkat Daerah Dinas Perindustrian Kota Pontianak",
        "A4": "Periode Pelaksanaan: Triwulan II (April - Juni) Tahun Anggaran 2022"})
    t = time.mktime((2022, 7, 8, 10, 0, 0, 0, 0, -1))     # before the due date (14 July 2022)
    for p in d.iterdir():
        os.utime(p, (t, t))
    return d


@pytest.fixture(scope="module")
def hasil_contoh(tmp_path_factory: pytest.TempPathFactory):
    d = tmp_path_factory.mktemp("rekap")
    folder = folder_contoh(d / "masuk")
    return rekap(folder, d / "rekap.xlsx", pekerja=2)


def _rujukan(rumus: str) -> list[tuple[int, int, int, int]]:
    """Every same-sheet cell or range a formula refers to, as (min_col, min_row, max_col, max_row)."""
    tanpa_teks = re.sub(r'"[^"]*"', '""', rumus)
    tanpa_lain = re.sub(r"'[^']*'![$A-Z0-9:]+", "", tanpa_teks)
    out = []
    for m in re.finditer(r"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?", tanpa_lain):
        teks = m.group(0).replace("$", "")
        out.append(range_boundaries(teks if ":" in teks else f"{teks}:{teks}"))
    return out


def test_rekap_contoh_isi(hasil_contoh) -> None:
    j = hasil_contoh.ke_json()
    assert [o["opd"] for o in j["opd"]] == ["Dinas Koperasi, Usaha Mikro dan Perdagangan", "Dinas Perdagangan",
                                            "Dinas Perindustrian"]
    assert j["gagal"] == []
    assert all(o["triwulan"] == 2 for o in j["opd"])
    koperasi, perdagangan, perindustrian = j["opd"]
    assert koperasi["salah"] == 0 and perdagangan["salah"] > 0 and perindustrian["salah"] > 0   # seed mistakes
    for o in j["opd"]:
        assert o["target_rp"] > 0 and 0 < o["realisasi_rp"] < o["target_rp"]
        assert o["predikat"] in ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah")
    wb = load_workbook(hasil_contoh.keluar)
    assert wb.sheetnames == ["E.79", "Ringkasan OPD", "Temuan", "Grafik", "Skala Predikat"]
    ws = wb["Ringkasan OPD"]
    assert [ws.cell(r, 2).value for r in range(5, 8)] == [o["opd"] for o in j["opd"]]
    assert [ws.cell(r, 6).value for r in range(5, 8)] == ["tepat waktu"] * 3
    assert [ws.cell(r, 9).value for r in range(5, 8)] == [o["target_rp"] for o in j["opd"]]
    temuan = wb["Temuan"]
    assert temuan.auto_filter.ref.startswith("A1:L") and temuan.cell(1, 12).value == "ID"
    for r in range(2, temuan.max_row + 1):      # the kind in words, the id in the last column
        if temuan.cell(r, 12).value:
            assert temuan.cell(r, 7).value != temuan.cell(r, 12).value
    assert temuan.max_row - 1 == sum(o["salah"] + o["peringatan"] for o in j["opd"]) + sum(
        1 for r in range(2, temuan.max_row + 1) if temuan.cell(r, 6).value == "info")
    berkas = {temuan.cell(r, 1).value for r in range(2, temuan.max_row + 1)}
    assert berkas == {"dinas_perdagangan.xlsx", "dinas_perindustrian.xlsx"}


def test_e79_rumus_tidak_merujuk_diri(hasil_contoh) -> None:
    """Roll-ups sum the rows below; no formula's ranges contain its own cell."""
    ws = load_workbook(hasil_contoh.keluar)["E.79"]
    n = 0
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.startswith("="):
                n += 1
                for c0, r0, c1, r1 in _rujukan(c.value):
                    assert not (c0 <= c.column <= c1 and r0 <= c.row <= r1), (c.coordinate, c.value)
    assert n > 500


def test_e79_tata_letak(hasil_contoh) -> None:
    ws = load_workbook(hasil_contoh.keluar)["E.79"]
    assert ws["B1"].value == "Tabel E.79" and ws["B2"].value == "EVALUASI TERHADAP HASIL RKPD"
    nomor = [str(ws.cell(9, c).value) for c in range(2, 40) if ws.cell(9, c).value is not None]
    assert nomor == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13 = 9+10+11+12", "14 = 7+13",
                     "15 = 14/6 x 100%", "16"]
    jenis = [ws.cell(r, 1).value for r in range(11, ws.max_row + 1) if ws.cell(r, 1).value]
    assert jenis[0] == "URS" and jenis[1] == "BID" and {"PRG", "KEG", "SUB", "LNJ"} <= set(jenis)
    assert jenis[-3:] == ["JUMLAH", "RATA", "PREDIKAT"]
    assert ws.column_dimensions["A"].hidden
    t = tata_e79("kabkota")
    pd = {ws.cell(r, t.kol_pd).value for r in range(11, ws.max_row + 1)} - {None}
    assert pd == {"Dinas Koperasi, Usaha Mikro dan Perdagangan", "Dinas Perdagangan", "Dinas Perindustrian"}


def test_e79_jumlah_sama_dengan_opd(hasil_contoh, libreoffice, tmp_path: Path) -> None:
    """LibreOffice recomputes the E.79: its totals equal the sum of the OPD figures, each urusan equals the
    sum of its bidang, and every OPD's top rows add up to its own target."""
    from renja_xl.libreoffice import hitung_ulang

    hitung = tmp_path / "hitung.xlsx"
    hitung_ulang([hasil_contoh.keluar], simpan_ke=[hitung])
    ws = load_workbook(hitung, data_only=True)["E.79"]
    t = tata_e79("kabkota")
    j = hasil_contoh.ke_json()["opd"]
    baris = {ws.cell(r, 1).value: r for r in range(11, ws.max_row + 1) if ws.cell(r, 1).value in
             ("JUMLAH", "RATA", "PREDIKAT")}
    rj = baris["JUMLAH"]
    target = ws.cell(rj, t.slot["t8"] + 1).value
    realisasi = ws.cell(rj, t.slot["r13"] + 1).value
    assert target == pytest.approx(sum(o["target_rp"] for o in j), rel=1e-12)
    assert realisasi == pytest.approx(sum(o["realisasi_rp"] for o in j), rel=1e-12)
    per_opd: dict[str, float] = {}
    urusan = bidang = 0.0
    for r in range(11, rj):
        kind = ws.cell(r, 1).value
        v = ws.cell(r, t.slot["t8"] + 1).value or 0
        if kind == "URS":
            urusan += v
        elif kind == "BID":
            bidang += v
        if ws.cell(r, t.kol_puncak).value == "ya":
            nama = ws.cell(r, t.kol_pd).value
            per_opd[nama] = per_opd.get(nama, 0) + v
    assert urusan == pytest.approx(target) and bidang == pytest.approx(target)
    assert per_opd == pytest.approx({o["opd"]: o["target_rp"] for o in j})
    rata = ws.cell(baris["RATA"], t.slot["c15"]).value
    assert isinstance(rata, float) and rata > 0
    assert ws.cell(baris["PREDIKAT"], t.slot["c15"]).value in ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah",
                                                                "Sangat Rendah")


def test_grafik(hasil_contoh) -> None:
    ws = load_workbook(hasil_contoh.keluar)["Grafik"]
    assert len(ws._charts) == 2
    for g in ws._charts:
        assert g.x_axis.delete is False and g.y_axis.delete is False and g.y_axis.scaling.min == 0
        for s in g.series:
            assert s.cat.strRef is not None and s.cat.numRef is None
    nama = [ws.cell(r, 1).value for r in range(5, 8)]
    assert nama == ["Dinas Koperasi, Usaha Mikro dan Perdagangan", "Dinas Perdagangan", "Dinas Perindustrian"]


def _nilai_semua(path: Path) -> dict:
    wb = load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb.worksheets}


def test_dask_lokal_sama(hasil_contoh, tmp_path: Path) -> None:
    """The same tasks on a Dask LocalCluster give the same workbook values and the same JSON."""
    folder = hasil_contoh.keluar.parent / "masuk"
    h = rekap(folder, tmp_path / "rekap_dask.xlsx", dask="lokal", pekerja=2)
    assert json.dumps(h.ke_json(), sort_keys=True) == json.dumps(hasil_contoh.ke_json(), sort_keys=True)
    assert _nilai_semua(h.keluar) == _nilai_semua(hasil_contoh.keluar)


def test_rinci_program_total_tetap(hasil_contoh, tmp_path: Path) -> None:
    """--rinci program prints programs only; their Rp (summed from the sub kegiatan below) keeps every total."""
    from renja_xl.rekap import tulis_buku

    p = tmp_path / "program.xlsx"
    tulis_buku(hasil_contoh.pilihan, "kabkota", "program").save(p)
    ws = load_workbook(p)["E.79"]
    t = tata_e79("kabkota")
    jenis = [ws.cell(r, 1).value for r in range(11, ws.max_row + 1)]
    assert "PRG" in jenis and not {"KEG", "SUB"} & set(jenis)
    per_opd: dict[str, float] = {}
    for r in range(11, ws.max_row + 1):
        if ws.cell(r, t.kol_puncak).value == "ya":
            v = ws.cell(r, t.slot["t8"] + 1).value
            assert isinstance(v, (int, float))     # a value, no longer a roll-up formula
            per_opd[ws.cell(r, t.kol_pd).value] = per_opd.get(ws.cell(r, t.kol_pd).value, 0) + v
    assert per_opd == pytest.approx({o["opd"]: o["target_rp"] for o in hasil_contoh.ke_json()["opd"]})


def test_e19_rata_rata_sama_dengan_inti(hasil_contoh, libreoffice, tmp_path: Path) -> None:
    """Formulir E.19 column 14 (= 13/8, capaian tahun berjalan) recomputed by LibreOffice: its rata-rata over
    every indicator row equals the core's (``nilai_opd``), for kinerja and anggaran, on the generated OPD (typed
    numbers only: the replicas' text cells are read by the core but are text to a spreadsheet)."""
    from dataclasses import replace

    from renja_xl.libreoffice import hitung_ulang
    from renja_xl.rekap import tulis_buku
    from renja_xl.rekap.tugas import nilai_opd

    satu = replace(hasil_contoh.pilihan, opd=hasil_contoh.pilihan.opd[:1])
    p, hitung = tmp_path / "e19.xlsx", tmp_path / "e19_hitung.xlsx"
    tulis_buku(satu, "provinsi").save(p)
    hitung_ulang([p], simpan_ke=[hitung])
    ws = load_workbook(hitung, data_only=True)["E.19"]
    t = tata_e79("provinsi")
    r = next(r for r in range(11, ws.max_row + 1) if ws.cell(r, 1).value == "RATA")
    lb = satu.opd[0].lembar
    n = nilai_opd(lb.baris, lb.triwulan)
    assert ws.cell(r, t.slot["c14"]).value == pytest.approx(n.capaian_k, rel=1e-9)
    assert ws.cell(r, t.slot["c14"] + 1).value == pytest.approx(n.capaian_rp, rel=1e-9)


def test_rekap_lama_di_folder_tidak_dihitung(hasil_contoh, tmp_path: Path) -> None:
    """An earlier compilation saved into the folder is recognised as one (its E.79 is not an OPD's E.81)."""
    import shutil

    masuk = tmp_path / "masuk"
    masuk.mkdir()
    shutil.copy(hasil_contoh.keluar.parent / "masuk" / "dinas_perdagangan.xlsx", masuk)
    shutil.copy(hasil_contoh.keluar, masuk / "rekap_tw1.xlsx")
    j = rekap(masuk, tmp_path / "rekap.xlsx", pekerja=1).ke_json()
    assert [o["berkas"] for o in j["opd"]] == ["dinas_perdagangan.xlsx"]
    assert j["gagal"] == [{"berkas": "rekap_tw1.xlsx", "alasan": "rekap Bappeda (Evaluasi terhadap Hasil RKPD, "
                                                               "E.79/E.19), bukan E.81 sebuah OPD."}]


def test_nilai_opd_indikator_huruf() -> None:
    """An indicator scored in letter grades (target "A", last quarter "BB") counts in the OPD's capaian by the
    core's rank ratio, as on the form — not as 0."""
    from renja_xl.capaian import capaian, realisasi_tahun
    from renja_xl.rekap.model import BarisE81
    from renja_xl.rekap.tugas import nilai_opd

    nilai = (None, None, None, None, "A", 1000.0, "B", 100.0, "BB", 200.0, None, None, None, None)
    b = BarisE81(r=10, tingkat="sub_kegiatan", kode="2.17.01.2.01.0001", uraian="x", sasaran="",
                 indikator="Nilai SAKIP", jenis="nilai akhir", nilai=nilai, induk=None, daun=True)
    harap = capaian(realisasi_tahun(["B", "BB"], "nilai akhir", huruf=True), "A", "nilai akhir").nilai
    assert harap is not None and harap > 0
    n = nilai_opd([b], 2)
    assert n.capaian_k == pytest.approx(harap)
