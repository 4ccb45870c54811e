"""`renja-xl periksa`: exit codes, the report next to the workbook, --json for scripts, folders."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

import seed_tabel as st
from renja_xl.cli import app

runner = CliRunner()


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def jalankan(*args: str):
    return runner.invoke(app, ["periksa", *args])


def test_bersih_keluar_0(tmp_path):
    p = tmp_path / "bersih.xlsx"
    st.e81_bersih(p)
    r = jalankan(str(p))
    assert r.exit_code == 0, r.output
    assert "Bersih" in r.output
    assert (tmp_path / "bersih_laporan.xlsx").exists()


def test_temuan_keluar_1_laporan_dan_asli_utuh(tmp_path):
    p = tmp_path / "pontianak.xlsx"
    tabel = st.pontianak_e81(p)
    sebelum = sha(p)
    out = tmp_path / "hasil" / "cek.xlsx"
    out.parent.mkdir()
    r = jalankan(str(p), "-o", str(out))
    assert r.exit_code == 1, r.output
    assert sha(p) == sebelum
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Hasil Pemeriksaan"
    sel = tabel.sel("3.30.04", "13Rp")
    assert wb["Evaluasi Renja"][sel].comment is not None
    assert "salah" in r.output
    # a second run writes "cek (2).xlsx" next to the first report (never refuses, never overwrites);
    # --timpa overwrites
    pertama = sha(out)
    r2 = jalankan(str(p), "-o", str(out))
    assert r2.exit_code == 1 and (out.parent / "cek (2).xlsx").is_file() and sha(out) == pertama
    assert "cek (2).xlsx" in r2.output
    assert jalankan(str(p), "-o", str(out)).exit_code == 1 and (out.parent / "cek (3).xlsx").is_file()
    assert jalankan(str(p), "-o", str(out), "--timpa").exit_code == 1
    assert not (out.parent / "cek (4).xlsx").exists()
    assert sha(p) == sebelum


def test_json_untuk_skrip(tmp_path):
    p = tmp_path / "kalbar.xlsx"
    tabel = st.kalbar_tabel21(p)
    r = jalankan(str(p), "--json")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert isinstance(data, list) and data
    for d in data:
        assert {"berkas", "lembar", "sel", "jenis", "tingkat", "pesan", "seharusnya", "ditemukan"} <= set(d)
        assert d["tingkat"] in ("salah", "peringatan")
    g14 = [d for d in data if d["sel"] == tabel.sel("2.17.01.1.05.0009", "8")]
    assert g14 and g14[0]["jenis"] == "hitung.capaian" and g14[0]["seharusnya"] == "45%"
    assert all(d["berkas"] == "kalbar.xlsx" and d["lembar"] == "Tabel 2.1" for d in data)


def test_pemda_dari_opsi(tmp_path):
    """--pemda provinsi on a kab/kota table: the codes' kab/kota digit is then reported."""
    p = tmp_path / "semarang_kode.xlsx"
    st.e81_bersih(p)
    r = jalankan(str(p), "--json", "--pemda", "provinsi", "-o", str(tmp_path / "l.xlsx"))
    data = json.loads(r.stdout)
    assert r.exit_code == 1 and any(d["jenis"] == "kode.pemda" for d in data)
    assert jalankan(str(p), "--pemda", "desa", "-o", str(tmp_path / "m.xlsx")).exit_code == 2


def test_berkas_tidak_terbaca_keluar_2(tmp_path):
    p = tmp_path / "rusak.xlsx"
    p.write_bytes(b"bukan zip")
    r = jalankan(str(p))
    assert r.exit_code == 2
    assert not (tmp_path / "rusak_laporan.xlsx").exists()
    assert jalankan(str(tmp_path / "tidak_ada.xlsx")).exit_code == 2


def test_folder_ringkasan_berperingkat(tmp_path):
    d = tmp_path / "masuk"
    d.mkdir()
    st.e81_bersih(d / "a_bersih.xlsx")
    st.malang_e81(d / "b_malang.xlsx")
    st.kalbar_tabel21(d / "c_kalbar.xlsx")
    (d / "d_rusak.xlsx").write_bytes(b"bukan zip")
    r = jalankan(str(d))
    assert r.exit_code == 1, r.output
    for n in ("a_bersih", "b_malang", "c_kalbar"):
        assert (d / f"{n}_laporan.xlsx").exists()
    ws = load_workbook(d / "ringkasan_pemeriksaan.xlsx").active
    baris = [r for r in ws.iter_rows(min_row=2, values_only=True)]
    nama = [b[1] for b in baris]
    assert set(nama) == {"a_bersih.xlsx", "b_malang.xlsx", "c_kalbar.xlsx", "d_rusak.xlsx"}
    salah = {b[1]: b[2] for b in baris}
    terbaca = [b for b in baris if b[1] != "d_rusak.xlsx"]
    assert [b[2] for b in terbaca] == sorted((b[2] for b in terbaca), reverse=True)   # ranked by findings
    assert salah["a_bersih.xlsx"] == 0 and salah["b_malang.xlsx"] > salah["c_kalbar.xlsx"] > 0
    assert "bukan" in next(b[5] for b in baris if b[1] == "d_rusak.xlsx").lower() or \
        next(b[5] for b in baris if b[1] == "d_rusak.xlsx")
    # a second run does not check the reports it wrote
    r2 = jalankan(str(d), "--timpa")
    assert r2.exit_code == 1
    ws2 = load_workbook(d / "ringkasan_pemeriksaan.xlsx").active
    assert ws2.max_row == 5


def test_tanpa_formulir_tidak_pernah_bersih(tmp_path):
    from openpyxl import Workbook

    p = tmp_path / "rapat.xlsx"
    wb = Workbook()
    wb.active.title = "Notulen"
    wb.active["A1"] = "Catatan rapat"
    wb.active.append([1, 2, 3, "x"])
    wb.save(p)
    r = jalankan(str(p))
    assert r.exit_code == 2, r.output
    assert "Bersih" not in r.output and "tidak ada formulir yang dikenali" in r.output
    assert "E.81" in r.output and "T-C.29" in r.output                # what was looked for
    assert "'Notulen'" in r.output and "baris 2 berisi nomor 1 2 3" in r.output   # why nothing matched
    assert not (tmp_path / "rapat_laporan.xlsx").exists()


def test_data_induk_diperiksa_sebagai_data_induk(tmp_path):
    from openpyxl import load_workbook as muat

    from renja_xl.contoh import tulis_contoh

    p = tulis_contoh(tmp_path / "induk.xlsx")
    r = jalankan(str(p))
    assert r.exit_code == 0, r.output
    assert "adalah Data Induk" in r.output and "data-induk cek" in r.output and "Bersih" not in r.output
    assert not (tmp_path / "induk_laporan.xlsx").exists()
    wb = muat(p)
    ws = wb["Data"]
    kepala = next(r for r in range(1, 10) if any(str(c.value or "").strip().lower() == "kode" for c in ws[r]))
    kol = next(c.column for c in ws[kepala] if "target" in str(c.value or "").lower())
    ws.cell(kepala + 1, kol, "banyak sekali")
    wb.save(p)
    r = jalankan(str(p))      # the data-induk cek report and exit code (1: findings)
    assert r.exit_code == 1 and "adalah Data Induk" in r.output and "salah" in r.output, r.output


def test_folder_dilewati_dengan_alasan(tmp_path):
    from openpyxl import Workbook

    d = tmp_path / "masuk"
    d.mkdir()
    st.e81_bersih(d / "a_bersih.xlsx")
    wb = Workbook()
    wb.active["A1"] = "Daftar hadir"
    wb.save(d / "b_daftar_hadir.xlsx")
    (d / "a_bersih_laporan (2).xlsx").write_bytes((d / "a_bersih.xlsx").read_bytes())   # an earlier report
    r = jalankan(str(d))
    assert r.exit_code == 1, r.output
    assert "dilewati:" in r.output and "tidak ada formulir" in r.output
    ws = load_workbook(d / "ringkasan_pemeriksaan.xlsx").active
    baris = {b[1]: b for b in ws.iter_rows(min_row=2, values_only=True)}
    assert set(baris) == {"a_bersih.xlsx", "b_daftar_hadir.xlsx"}
    assert baris["b_daftar_hadir.xlsx"][2] is None and baris["b_daftar_hadir.xlsx"][5].startswith("dilewati:")
    assert baris["a_bersih.xlsx"][5] == "bersih"
