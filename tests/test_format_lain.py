"""What Excel and staff actually save: Strict Open XML, .xls, .xlsb and .ods give the same findings as the .xlsx.

Fixtures are built here: an E.81 with known mistakes (``seed_tabel.e81_bersih`` + typed-in errors), then
- Strict: the same file with its namespaces rewritten (``ooxml_strict``, a table independent of buku's),
- .xlsb: written record by record (``xlsb_tulis``; LibreOffice cannot write .xlsb),
- .xls / .ods: converted by LibreOffice (skipped without it, a failure under RENJA_XL_WAJIB=1).
Each must give the same rule ids at the same cells as the .xlsx, and the report must say what the format allowed.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

import seed_tabel as st
from ooxml_strict import KE_STRICT, ke_strict
from xlsb_tulis import dari_xlsx
from renja_xl import buku, format_lain
from renja_xl.cli import app
from renja_xl.periksa import nama_laporan_baku, periksa_berkas
from renja_xl.periksa.baca_calamine import rumus_excel

runner = CliRunner()


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def temuan(h) -> list[tuple[str | None, str | None, str]]:
    return sorted({(t.lembar, t.sel, t.jenis) for t in h.temuan}, key=str)


def _salah_nilai(p: Path) -> dict[str, str]:
    """An E.81 of numbers with six typed mistakes; returns cell -> the rule that must fire there."""
    t = st.e81_bersih(p)
    wb = load_workbook(p)
    ws = wb["E.81"]
    harap = {}
    ws[t.sel("2.17.01.2.02.01", "9Rp")] = 1_973_244_000                 # TW II Rp typed wrong
    harap[t.sel("2.17.01.2.02.01", "12Rp")] = "hitung.jumlah"
    harap[t.sel("2.17.01.2.02", "9Rp")] = "rollup.selisih"
    ws[t.sel("2.17.01.2.01.01", "14K")] = 0.8                             # capaian typed wrong (shown 80,00%)
    harap[t.sel("2.17.01.2.01.01", "14K")] = "hitung.capaian"
    k14 = t.peta.huruf("14K")
    ws[f"{k14}{t.baris['rata']}"] = 0.4                                    # average typed wrong
    harap[f"{k14}{t.baris['rata']}"] = "rata_rata.salah"
    ws[f"{k14}{t.baris['predikat']}"] = "Sedang"
    harap[f"{k14}{t.baris['predikat']}"] = "predikat.salah"
    ws[t.sel("2.17.02.2.01.01", "14Rp")] = "#DIV/0!"                      # an error value where a capaian was
    harap[t.sel("2.17.02.2.01.01", "14Rp")] = "rumus.galat"
    ws.column_dimensions["C"].width = 48
    ws.column_dimensions["D"].width = 30
    wb.save(p)
    return harap


def _salah_rumus(p: Path) -> dict[str, str]:
    """An E.81 of formulas with a SUM that skips a child and a formula typed over by a number."""
    t = st.e81_bersih(p, rumus=True)
    wb = load_workbook(p)
    ws = wb["E.81"]
    kol = t.peta.huruf("7Rp")
    ws[f"{kol}{t.baris['2.17.01']}"] = f"={kol}{t.baris['2.17.01.2.01']}"   # leaves out the second kegiatan
    sel = t.sel("2.17.01.2.02.01", "12Rp")
    ws[sel] = 3_000_000_000
    wb.save(p)
    return {f"{kol}{t.baris['2.17.01']}": "rumus.rentang", sel: "rumus.diketik"}


@pytest.fixture(scope="module")
def nilai_xlsx(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    p = tmp_path_factory.mktemp("asli") / "e81.xlsx"
    return p, _salah_nilai(p)


_HITUNG_SAAT_BUKA = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""


def _konversi(sumber: Path, ke: str, folder: Path) -> Path:
    """``sumber`` saved by LibreOffice as ``.ke``. The profile recalculates on load: without it LibreOffice
    writes a text formula result into an .xls as the number 0 (the file would then really hold a 0)."""
    from renja_xl.libreoffice import cari_soffice

    folder.mkdir(exist_ok=True)
    (folder / "profil" / "user").mkdir(parents=True, exist_ok=True)
    (folder / "profil" / "user" / "registrymodifications.xcu").write_text(_HITUNG_SAAT_BUKA, encoding="utf-8")
    subprocess.run([cari_soffice(), "--headless", f"-env:UserInstallation=file://{folder}/profil",
                    "--convert-to", ke, "--outdir", str(folder), str(sumber)],
                   capture_output=True, timeout=300, check=False)
    p = folder / f"{sumber.stem}.{ke}"
    assert p.is_file(), f"LibreOffice tidak menghasilkan .{ke}"
    return p


def _sama_dengan_asli(asli: Path, lain: Path, harap: dict[str, str]):
    """Check both; the other format gives exactly the .xlsx's findings, including every expected one."""
    h_asli = periksa_berkas(asli)
    for sel, jenis in harap.items():
        assert ("E.81", sel, jenis) in temuan(h_asli), (sel, jenis, temuan(h_asli))
    sebelum = sha(lain)
    h = periksa_berkas(lain, nama_laporan_baku(lain), timpa=True)
    assert sha(lain) == sebelum, "berkas asli tidak boleh berubah"
    assert temuan(h) == temuan(h_asli)
    assert [(f.jenis, f.baris_header, f.jumlah_baris) for f in h.formulir] == \
        [(f.jenis, f.baris_header, f.jumlah_baris) for f in h_asli.formulir]
    return h


def _laporan_seperti_asli(asli: Path, h, ukur_cm: bool = False) -> None:
    """The report copy of a non-.xlsx file: a new .xlsx with the values, merges and widths of the original,
    its first sheet naming the format, every finding commented at its cell."""
    assert h.laporan is not None and h.laporan.suffix == ".xlsx" and h.laporan.exists()
    lap = load_workbook(h.laporan)
    ws, wa = lap["E.81"], load_workbook(asli, data_only=True)["E.81"]
    for row in wa.iter_rows():
        for c in row:
            v = ws.cell(c.row, c.column).value
            if isinstance(c.value, float):
                assert v == pytest.approx(c.value, rel=1e-12), c.coordinate
            elif type(c).__name__ != "MergedCell":
                assert v == c.value, c.coordinate
    assert {str(r) for r in ws.merged_cells.ranges} == {str(r) for r in wa.merged_cells.ranges}
    lebar = {k: ws.column_dimensions[k].width for k in "CD"}
    if ukur_cm:     # .ods keeps widths in cm, written with the converting machine's font: compare the ratio
        assert lebar["C"] / lebar["D"] == pytest.approx(48 / 30, rel=0.05), lebar
    else:
        assert lebar == {k: pytest.approx(wa.column_dimensions[k].width, abs=0.01) for k in "CD"}
    assert ws[h.temuan[0].sel].comment is not None
    teks = " ".join(str(c.value) for c in lap["Hasil Pemeriksaan"]["A"] if c.value)
    assert "Format" in teks and "berkas asli tidak diubah" in teks


# ------------------------------------------------------------------------------------- Strict Open XML

def test_peta_strict_lengkap():
    """Every Strict URI of the test's table (written from ECMA-376, not from buku) maps back exactly."""
    for transisional, strict in KE_STRICT:
        assert buku.ke_transisional(f'"{strict}"'.encode()) == f'"{transisional}"'.encode()
        assert buku.ke_transisional(f'"{strict}/worksheet"'.encode()) == f'"{transisional}/worksheet"'.encode()


def test_strict_sama_dengan_transisional(tmp_path):
    asli = tmp_path / "e81.xlsx"
    harap = _salah_rumus(asli)
    strict = ke_strict(asli, tmp_path / "e81_strict.xlsx")
    # the fixture really is what openpyxl cannot read: without the mapping it finds no worksheet
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert load_workbook(strict).worksheets == []
    assert format_lain.kenali(strict) == format_lain.XLSX_STRICT
    h = _sama_dengan_asli(asli, strict, harap)
    assert h.temuan and any(t.jenis.startswith("rumus.") for t in h.temuan)
    assert "Strict" in h.catatan[0]
    lap = load_workbook(h.laporan)
    assert lap.sheetnames[0] == "Hasil Pemeriksaan" and lap["E.81"]["C7"].value == load_workbook(asli)["E.81"]["C7"].value
    assert buku.baca_nilai(strict) == buku.baca_nilai(asli)


def test_strict_bersih_keluar_0_kosong_tidak(tmp_path):
    """A correct Strict E.81 is 'Bersih' because it was read, not because it looked empty."""
    asli = tmp_path / "bersih.xlsx"
    st.e81_bersih(asli)
    strict = ke_strict(asli, tmp_path / "bersih_strict.xlsx")
    r = runner.invoke(app, ["periksa", str(strict)])
    assert r.exit_code == 0, r.output
    assert "E.81" in r.output and "Strict" in r.output


# ------------------------------------------------------------------------------------------------ .xlsb

def test_xlsb_sama_dengan_xlsx(nilai_xlsx, tmp_path):
    asli, harap = nilai_xlsx
    xlsb = dari_xlsx(asli, tmp_path / "e81.xlsb")
    assert format_lain.kenali(xlsb) == format_lain.XLSB
    h = _sama_dengan_asli(asli, xlsb, harap)
    assert "rumus tidak dapat dibaca" in h.catatan[0] and ".xlsb" in h.catatan[0]
    _laporan_seperti_asli(asli, h)


def test_format_dari_isi_bukan_nama(nilai_xlsx, tmp_path):
    """An .xlsb renamed .xlsx is still read as .xlsb (signature, not extension)."""
    asli, harap = nilai_xlsx
    p = dari_xlsx(asli, tmp_path / "salah_nama.xlsx")
    assert format_lain.kenali(p) == format_lain.XLSB
    h = periksa_berkas(p)
    assert temuan(h) == temuan(periksa_berkas(asli))


def test_folder_dan_cli_menerima_xlsb(nilai_xlsx, tmp_path):
    asli, _harap = nilai_xlsx
    shutil.copy(asli, tmp_path / "a.xlsx")
    dari_xlsx(asli, tmp_path / "b.xlsb")
    r = runner.invoke(app, ["periksa", str(tmp_path / "b.xlsb")])
    assert r.exit_code == 1, r.output
    assert "rumus tidak dapat dibaca" in r.output
    assert (tmp_path / "b_laporan.xlsx").exists()
    (tmp_path / "b_laporan.xlsx").unlink()
    (tmp_path / "a_laporan.xlsx").unlink(missing_ok=True)
    from renja_xl.periksa.folder import periksa_folder

    hasil, _ringkas = periksa_folder(tmp_path)
    per = {h.berkas.name: h for h in hasil}
    assert set(per) == {"a.xlsx", "b.xlsb"}
    assert per["b.xlsb"].galat is None and per["b.xlsb"].salah == per["a.xlsx"].salah > 0


def test_xlsb_rusak_keluar_2(nilai_xlsx, tmp_path):
    asli, _ = nilai_xlsx
    xlsb = dari_xlsx(asli, tmp_path / "utuh.xlsb")
    rusak = tmp_path / "rusak.xlsb"
    with zipfile.ZipFile(xlsb) as zin, zipfile.ZipFile(rusak, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info, data[: len(data) // 2] if info.filename.endswith("sheet1.bin") else data)
    r = runner.invoke(app, ["periksa", str(rusak)])
    assert r.exit_code == 2, r.output
    assert "rusak.xlsb" in r.output and "Traceback" not in r.output
    assert not (tmp_path / "rusak_laporan.xlsx").exists()


# -------------------------------------------------------------------------------------- encrypted OOXML

def test_xlsx_terenkripsi_keluar_2(tmp_path):
    import korpus_rusak

    p = korpus_rusak.terenkripsi(tmp_path)
    r = runner.invoke(app, ["periksa", str(p)])
    assert r.exit_code == 2, r.output
    assert "kata sandi" in r.output and p.name in r.output


# ----------------------------------------------------------------------------- OpenFormula -> Excel

@pytest.mark.parametrize("ods, excel", [
    ("of:=SUM([.G11:.G13])", "=SUM(G11:G13)"),
    ("of:=IFERROR([.Q10]/[.E10];0)", "=IFERROR(Q10/E10,0)"),
    ("of:=[$'E.81 TW I'.$G$10]+[.A1]", "='E.81 TW I'!$G$10+A1"),
    ("of:=[$Data.A1:.B2]", "=Data!A1:B2"),
    ("of:=VLOOKUP([.X23];[$'Skala Predikat'.$A$2:.$B$6];2;TRUE())", "=VLOOKUP(X23,'Skala Predikat'!$A$2:$B$6,2,TRUE)"),
    ('of:=IF([.A1]>=91;"Sangat Tinggi;[.B1]";"x")', '=IF(A1>=91,"Sangat Tinggi;[.B1]","x")'),
])
def test_rumus_ods_ke_excel(ods, excel):
    assert rumus_excel(ods) == excel


# ----------------------------------------------------------------------------- LibreOffice: .xls, .ods

@pytest.mark.libreoffice
@pytest.mark.parametrize("ke", ["xls", "ods"])
def test_xls_ods_sama_dengan_xlsx(nilai_xlsx, tmp_path, libreoffice, ke):
    asli, harap = nilai_xlsx
    lain = _konversi(asli, ke, tmp_path)
    assert format_lain.kenali(lain) == {"xls": format_lain.XLS, "ods": format_lain.ODS}[ke]
    h = _sama_dengan_asli(asli, lain, harap)
    assert f".{ke}" in h.catatan[0] and "nilai dan rumus diperiksa" in h.catatan[0]
    _laporan_seperti_asli(asli, h, ukur_cm=ke == "ods")


@pytest.fixture(scope="module")
def rumus_dihitung(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The formula E.81 with its mistakes, recalculated by LibreOffice (so it has cached values)."""
    from renja_xl import libreoffice as lo

    d = tmp_path_factory.mktemp("rumus")
    asli = d / "e81_rumus.xlsx"
    harap = _salah_rumus(asli)
    dihitung = d / "dihitung.xlsx"
    if not lo.tersedia():
        lo.hitung_ulang([asli], simpan_ke=[dihitung])
    return dihitung, harap


@pytest.mark.libreoffice
@pytest.mark.parametrize("ke", ["ods", "xls"])
def test_rumus_diperiksa(rumus_dihitung, tmp_path, libreoffice, ke):
    """.ods stores formulas as text, .xls as tokens (decoded by rumus_biff): the formula checks run and agree
    with the recalculated .xlsx, rumus.rentang and rumus.diketik included."""
    dihitung, harap = rumus_dihitung
    lain = _konversi(dihitung, ke, tmp_path)
    h = _sama_dengan_asli(dihitung, lain, harap)
    assert "nilai dan rumus diperiksa" in h.catatan[0]


@pytest.mark.libreoffice
@pytest.mark.parametrize("ke", ["xls", "ods"])
def test_rumus_buku_generator_sama_persis(tmp_path, libreoffice, ke):
    """Every formula of a generated workbook (other-sheet references, COUNTIFS/SUMIFS/IFERROR, shared
    formulas) reads from the .xls (tokens) and the .ods (OpenFormula) as the .xlsx's own text."""
    from renja_xl import generator
    from renja_xl.contoh import tulis_contoh
    from renja_xl.periksa import baca_sumber

    asli = Path(generator.buat_semua(tulis_contoh(tmp_path / "di.xlsx"), tmp_path / "formulir.xlsx"))
    lain = _konversi(asli, ke, tmp_path / ke)
    ga, _ = baca_sumber(asli)
    gb, fmt = baca_sumber(lain)
    assert fmt == {"xls": format_lain.XLS_RUMUS, "ods": format_lain.ODS}[ke]
    rumus_a = {(g.nama, k): s.rumus for g in ga for k, s in g.sel.items() if s.rumus}
    rumus_b = {(g.nama, k): s.rumus for g in gb for k, s in g.sel.items() if s.rumus}
    assert len(rumus_a) > 500 and any("!" in f for f in rumus_a.values())
    assert rumus_b == rumus_a


@pytest.mark.libreoffice
def test_xls_token_tak_dikenal_semua_rumus_dilepas(rumus_dihitung, tmp_path, libreoffice):
    """One formula the decoder cannot read: no formula of the workbook is used (a missing one would look like
    a typed number), the report says the formulas were not read, and the values are still checked."""
    import olefile

    from renja_xl.periksa import baca_sumber

    dihitung, _harap = rumus_dihitung
    xls = _konversi(dihitung, "xls", tmp_path)
    with olefile.OleFileIO(str(xls), write_mode=True) as ole:
        wb = bytearray(ole.openstream("Workbook").read())
        i = 0
        while i + 4 <= len(wb):
            rid, n = int.from_bytes(wb[i:i + 2], "little"), int.from_bytes(wb[i + 2:i + 4], "little")
            if rid == 0x0006 and wb[i + 4 + 22] != 0x01:        # a formula of its own (not a shared one)
                wb[i + 4 + 22] = 0x18                           # an extended token the decoder does not know
                break
            i += 4 + n
        ole.write_stream("Workbook", bytes(wb))
    grids, fmt = baca_sumber(xls)
    assert fmt == format_lain.XLS and not any(s.rumus for g in grids for s in g.sel.values())
    h = periksa_berkas(xls)
    assert "rumus tidak dapat dibaca" in h.catatan[0]
    assert not [t for t in h.temuan if t.jenis.startswith("rumus.")]
    sel = next(k for k, j in _harap.items() if j == "rumus.diketik")      # the typed-over number: still wrong
    assert ("E.81", sel, "hitung.jumlah") in temuan(h), temuan(h)


def test_urai_token_biff8():
    from renja_xl.periksa.rumus_biff import KonteksBuku, TakTerbaca, urai

    ktx = KonteksBuku(nama=["_xlfn.IFERROR"], xti=[(0, 1, 1)], supbook_internal={0}, lembar=["A", "E.81 TW I"])
    ref = lambda r, c, rel=True: bytes([0x44]) + r.to_bytes(2, "little") + (c | (0xC000 if rel else 0)).to_bytes(2, "little")  # noqa: E731
    assert urai(ref(9, 16) + ref(9, 4) + b"\x06", ktx, 9, 17) == "=Q10/E10"
    assert urai(ref(9, 16, False) + b"\x1e\x64\x00\x05", ktx, 0, 0) == "=$Q$10*100"
    # IFERROR as an add-in name + PtgFuncVar(255); a reference to another sheet (PtgRef3d)
    f = (b"\x43\x01\x00\x00\x00" + bytes([0x5A]) + (0).to_bytes(2, "little") + (9).to_bytes(2, "little")
         + (6 | 0xC000).to_bytes(2, "little") + b"\x1e\x00\x00" + b"\x42\x03\xff\x00")
    assert urai(f, ktx, 0, 0) == "=IFERROR('E.81 TW I'!G10,0)"
    with pytest.raises(TakTerbaca):
        urai(b"\x18\x00", ktx, 0, 0)
    # Excel's own .xls: IFERROR is an EXTERNNAME of the add-in SUPBOOK, called through PtgNameX + PtgFuncVar(255)
    ktx = KonteksBuku(xti=[(0, 0, 0), (1, 0xFFFE, 0xFFFE)], supbook_internal={0}, lembar=["E.81"],
                      nama_luar={1: ["_xlfn.IFERROR"]})
    f = (b"\x59\x01\x00\x01\x00\x00\x00" + ref(9, 16) + ref(9, 4) + b"\x06" + b"\x1e\x00\x00"
         + b"\x42\x03\xff\x00")
    assert urai(f, ktx, 9, 17) == "=IFERROR(Q10/E10,0)"



@pytest.mark.libreoffice
def test_xls_terenkripsi_dan_rusak_keluar_2(nilai_xlsx, tmp_path, libreoffice):
    """An .xls with a FILEPASS record (how Excel marks an encrypted .xls) and a truncated .xls: exit 2."""
    import olefile

    asli, _ = nilai_xlsx
    xls = _konversi(asli, "xls", tmp_path)
    sandi = tmp_path / "sandi.xls"
    shutil.copy(xls, sandi)
    with olefile.OleFileIO(str(sandi), write_mode=True) as ole:
        wb = bytearray(ole.openstream("Workbook").read())
        i = 4 + int.from_bytes(wb[2:4], "little")          # the record after BOF
        wb[i:i + 2] = (0x002F).to_bytes(2, "little")        # becomes FILEPASS, same length
        ole.write_stream("Workbook", bytes(wb))
    r = runner.invoke(app, ["periksa", str(sandi)])
    assert r.exit_code == 2, r.output
    assert "kata sandi" in r.output and "sandi.xls" in r.output
    potong = tmp_path / "potong.xls"
    potong.write_bytes(xls.read_bytes()[: 4096])
    r = runner.invoke(app, ["periksa", str(potong)])
    assert r.exit_code == 2, r.output
    assert "potong.xls" in r.output and "Traceback" not in r.output


def test_ods_terenkripsi_keluar_2(tmp_path):
    """An .ods saved with a password lists encryption-data in its manifest: the same message as .xlsx/.xls."""
    p = tmp_path / "sandi.ods"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", b"\x8f\x12 terenkripsi \x00")
        z.writestr("META-INF/manifest.xml", b'<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:'
                   b'names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml">'
                   b'<manifest:encryption-data manifest:checksum-type="SHA1"/></manifest:file-entry></manifest:manifest>')
    r = runner.invoke(app, ["periksa", str(p)])
    assert r.exit_code == 2, r.output
    assert "kata sandi" in r.output and "sandi.ods" in r.output


def test_rekap_membaca_xlsb_seperti_xlsx(nilai_xlsx, tmp_path):
    """``rekap`` extracts the same OPD rows from the .xlsb as from the .xlsx (same reader underneath)."""
    from renja_xl.rekap.tugas import proses_berkas

    asli, _ = nilai_xlsx
    a = proses_berkas(str(asli))
    b = proses_berkas(str(dari_xlsx(asli, tmp_path / "e81.xlsb")))
    assert a.galat is None and b.galat is None, (a.galat, b.galat)
    assert a.e81 and (b.opd, b.tahun, b.formulir, b.e81) == (a.opd, a.tahun, a.formulir, a.e81)
    tanpa_berkas = lambda h: [{k: v for k, v in t.items() if k != "berkas"} for t in h.temuan]  # noqa: E731
    assert tanpa_berkas(b) == tanpa_berkas(a)


# ------------------------------------------------------------------------- damaged input never escapes

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as hst  # noqa: E402

_FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                 HealthCheck.function_scoped_fixture], database=None)


def _coba(p: Path, data: bytes) -> str:
    """Read damaged bytes with the checker's reader: a result or a GalatPengguna naming the file, nothing else."""
    from renja_xl.galat import GalatPengguna
    from renja_xl.periksa import baca_grid

    p.write_bytes(data)
    try:
        baca_grid(p)
        return "baik"
    except GalatPengguna as e:
        assert p.name in str(e)
        return "galat"
    finally:
        assert p.read_bytes() == data


def _mutasi(data: bytes, d: hst.DataObject) -> bytes:
    b = bytearray(data)
    cara = d.draw(hst.sampled_from(["balik", "potong", "sisip"]))
    pos = d.draw(hst.integers(0, max(len(b) - 1, 0)))
    if cara == "balik" and b:
        for k in d.draw(hst.lists(hst.integers(0, len(b) - 1), min_size=1, max_size=8)):
            b[k] ^= d.draw(hst.integers(1, 255))
    elif cara == "potong":
        del b[pos:]
    else:
        b[pos:pos] = d.draw(hst.binary(min_size=1, max_size=32))
    return bytes(b)


def _mutasi_anggota(data: bytes, d: hst.DataObject) -> bytes:
    """Damage one member of the zip and re-zip it, so the damage reaches the record walk and calamine."""
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        bagian = {i.filename: z.read(i) for i in z.infolist()}
    nama = d.draw(hst.sampled_from(sorted(n for n in bagian if n != "mimetype")))
    bagian[nama] = _mutasi(bagian[nama], d)
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w") as z:
        for n, isi in bagian.items():
            z.writestr(n, isi)
    return keluar.getvalue()


@pytest.fixture(scope="module")
def xlsb_bytes(nilai_xlsx, tmp_path_factory) -> bytes:
    return dari_xlsx(nilai_xlsx[0], tmp_path_factory.mktemp("xlsb") / "dasar.xlsb").read_bytes()


@_FUZZ
@given(d=hst.data())
def test_xlsb_rusak_acak(xlsb_bytes, tmp_path, d):
    _coba(tmp_path / "acak.xlsb", _mutasi_anggota(xlsb_bytes, d) if d.draw(hst.booleans()) else
          _mutasi(xlsb_bytes, d))


@pytest.fixture(scope="module")
def lo_bytes(nilai_xlsx, tmp_path_factory) -> dict[str, bytes]:
    from renja_xl import libreoffice as lo

    if lo.tersedia():
        return {}
    d = tmp_path_factory.mktemp("lo")
    return {ke: _konversi(nilai_xlsx[0], ke, d).read_bytes() for ke in ("xls", "ods")}


@pytest.mark.libreoffice
@_FUZZ
@given(d=hst.data())
def test_xls_ods_rusak_acak(lo_bytes, libreoffice, tmp_path, d):
    ke = d.draw(hst.sampled_from(["xls", "ods"]))
    data = lo_bytes[ke]
    if ke == "ods" and d.draw(hst.booleans()):
        data = _mutasi_anggota(data, d)
    else:
        data = _mutasi(data, d)
    _coba(tmp_path / f"acak.{ke}", data)


@pytest.mark.libreoffice
def test_perlengkapan_uji_dibaca_libreoffice(nilai_xlsx, tmp_path, libreoffice):
    """The test-made fixtures are real files, not files only renja-xl understands: LibreOffice (which imports
    Strict Open XML and .xlsb but exports neither) reads the Strict copy and the .xlsb to the original's values."""
    asli, _ = nilai_xlsx
    strict = ke_strict(asli, tmp_path / "strict.xlsx")
    xlsb = dari_xlsx(asli, tmp_path / "biner.xlsb")
    harap = [[c.value for c in r] for r in load_workbook(asli, data_only=True)["E.81"].iter_rows()]
    for p in (strict, xlsb):
        ws = load_workbook(_konversi(p, "xlsx", tmp_path / p.stem), data_only=True)["E.81"]
        dapat = [[ws.cell(r + 1, c + 1).value for c in range(len(harap[0]))] for r in range(len(harap))]
        for r, (a, b) in enumerate(zip(harap, dapat), start=1):
            for c, (x, y) in enumerate(zip(a, b), start=1):
                if p == xlsb and x == "#DIV/0!":
                    # LibreOffice turns an .xlsb error constant into the formula =#DIV/0! and, not recalculating
                    # an imported file, saves it with the cached value 0; calamine reads the record as #DIV/0!
                    # (test_xlsb_sama_dengan_xlsx finds rumus.galat there, as in the .xlsx)
                    continue
                assert y == (pytest.approx(x, rel=1e-12) if isinstance(x, float) else x), (p.name, r, c)
