"""renja_xl.buku: safe open, fast values read, atomic write, text that never becomes a formula."""

from __future__ import annotations

import os
import stat
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from renja_xl import buku
from renja_xl.galat import GalatPengguna

sys.path.insert(0, str(Path(__file__).parent))
import korpus_rusak as korpus  # noqa: E402


def _wb(nilai: str = "isi") -> Workbook:
    wb = Workbook()
    wb.active["A1"] = nilai
    return wb


# ---- buka / baca_nilai on good input --------------------------------------------------------------

def test_buka_membaca_nilai_dan_formula(tmp_path: Path) -> None:
    p = korpus.buku_valid(tmp_path)
    ws = buku.buka(p)["Data"]
    assert ws["A2"].value == "1.01.01.2.01.0001"
    assert ws["C2"].value == 10
    assert ws["E2"].value == "=D2/C2*100"
    ws_ro = buku.buka(p, read_only=True)["Data"]
    assert [r[0] for r in ws_ro.iter_rows(min_row=2, values_only=True)] == ["1.01.01.2.01.0001", "1.01.01.2.01.0002"]


def test_buka_tanpa_ekstensi_xlsx(tmp_path: Path) -> None:
    """openpyxl refuses a valid workbook named '.tmp' or without extension; buka reads the bytes itself."""
    p = korpus.buku_valid(tmp_path)
    lain = tmp_path / "unduhan"
    lain.write_bytes(p.read_bytes())
    assert buku.buka(lain)["Data"]["B3"].value == "Koordinasi Pelaksanaan"


def test_baca_nilai_posisi_dan_jenis(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Isi"
    ws["B3"] = 2.5
    ws["C3"] = 10
    ws["A4"] = "teks"
    wb.create_sheet("Kedua")["A1"] = "x"
    p = tmp_path / "pos.xlsx"
    wb.save(p)
    nilai = buku.baca_nilai(p)
    assert list(nilai) == ["Isi", "Kedua"]
    # row 0 / column 0 is A1 even when the first rows and column are empty
    assert nilai["Isi"][2][1] == 2.5
    assert nilai["Isi"][2][2] == 10 and isinstance(nilai["Isi"][2][2], int)
    assert nilai["Isi"][3][0] == "teks"
    assert nilai["Isi"][0][0] is None
    assert nilai["Kedua"] == [["x"]]


# ---- refusals -------------------------------------------------------------------------------------

def test_berkas_tidak_ada_dan_folder(tmp_path: Path) -> None:
    with pytest.raises(GalatPengguna, match="tidak ditemukan") as e:
        buku.buka(tmp_path / "tidak_ada.xlsx")
    assert e.value.berkas is not None and Path(e.value.berkas).name == "tidak_ada.xlsx"
    with pytest.raises(GalatPengguna, match="folder"):
        buku.baca_nilai(tmp_path)


@pytest.mark.parametrize("kasus", [k for k in korpus.KORPUS if k.harapan == "galat" and k.nama not in
                                   ("zip_bomb",)], ids=lambda k: k.nama)
def test_pesan_menyebut_berkas_dan_saran(tmp_path: Path, kasus: korpus.Kasus) -> None:
    p = kasus.buat(tmp_path)
    with pytest.raises(GalatPengguna) as e:
        buku.buka(p)
    teks = str(e.value)
    assert teks.startswith(f"berkas {p.name}")
    assert e.value.saran, "setiap penolakan memberi saran apa yang harus dilakukan"
    for kata in kasus.kata:
        assert kata in teks.lower()


@pytest.mark.parametrize("pembuat, kata", [(korpus.xls_lama, "simpan ulang sebagai .xlsx"),
                                           (korpus.terenkripsi, "buka kata sandinya dulu")])
def test_ole_tanpa_olefile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pembuat, kata: str) -> None:
    """Without olefile the directory entry names are found in the bytes: same answer."""
    monkeypatch.setitem(sys.modules, "olefile", None)  # import olefile -> ImportError
    with pytest.raises(GalatPengguna, match="(?i)" + kata):
        buku.buka(pembuat(tmp_path))


def test_ole_bukan_excel(tmp_path: Path) -> None:
    p = korpus.tulis_cfb(tmp_path / "dokumen.doc", {"WordDocument": b"\xec\xa5"})
    with pytest.raises(GalatPengguna, match="bukan buku kerja Excel"):
        buku.buka(p)


def test_batas_sel_isi_menyebut_lembar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wb = Workbook()
    wb.active.title = "Kecil"
    wb.active["A1"] = 1
    besar = wb.create_sheet("Besar")
    for r in range(1, 41):
        besar.append([r, r * 2, "x"])
    p = tmp_path / "banyak.xlsx"
    wb.save(p)
    monkeypatch.setattr(buku, "BATAS_SEL_ISI", 100)
    with pytest.raises(GalatPengguna, match="batas 100") as e:
        buku.baca_nilai(p)
    assert e.value.lembar == "Besar"
    monkeypatch.setattr(buku, "BATAS_SEL_ISI", 121)
    assert len(buku.baca_nilai(p)["Besar"]) == 40


# ---- the scan's fast path (upper bounds) decides exactly as the exact count --------------------------

def _lembar_uji(d: Path, nama: str, isi: bytes) -> Path:
    """A valid workbook whose first sheet's <sheetData> holds ``isi``."""
    xml = korpus._SHEET_AWAL + b"<sheetData>" + isi + b"</sheetData></worksheet>"
    return korpus.ganti_bagian(korpus.buku_valid(d, f"asli_{nama}"), d / nama, {"xl/worksheets/sheet1.xml": xml})


def _kasus_cepat(d: Path) -> list[Path]:
    """Sheets in the fast path's shape (<c r="A1" ...>) and just outside it, around every limit."""
    baris = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c><c r="B%d" s="1"/></row>' % (r, r, r) for r in range(1, 61))
    return [
        _lembar_uji(d, "sederhana.xlsx", baris),
        _lembar_uji(d, "jauh_isi.xlsx", b'<row r="1"><c r="A1"><v>1</v></c></row>'
                    b'<row r="9000"><c r="ZZ9000"><v>2</v></c></row>'),      # 9,000 x 702 < 10 million
        _lembar_uji(d, "jauh_lewat.xlsx", b'<row r="1"><c r="A1"><v>1</v></c></row>'
                    b'<row r="20000"><c r="ZZ20000"><v>2</v></c></row>'),    # 14 million: refused
        _lembar_uji(d, "jauh_kosong.xlsx", b'<row r="1"><c r="A1"><v>1</v></c></row>'
                    b'<row r="1048576"><c r="XFD1048576" s="1"/></row>'),    # far but empty: allowed
        _lembar_uji(d, "jauh_kosong_terbuka.xlsx", b'<row r="1"><c r="A1"><v>1</v></c></row>'
                    b'<row r="1048576"><c r="XFD1048576" s="1"></c></row>'),  # not self-closing: counts
        _lembar_uji(d, "kutip_tunggal.xlsx", b"<row r='1'><c r='A1'><v>1</v></c><c r='XFD9'><v>1</v></c></row>"),
        _lembar_uji(d, "r_kedua.xlsx", b'<row r="1"><c s="1" r="XFD1048576"><v>1</v></c></row>'),
        _lembar_uji(d, "tanpa_r_campur.xlsx", b'<row r="1048576"><c r="A1048576"><v>1</v></c>'
                    + b"<c><v>1</v></c>" * 12 + b"</row>"),
        _lembar_uji(d, "dolar.xlsx", b'<row r="1"><c r="$XFD$1048576"><v>1</v></c></row>'),
        _lembar_uji(d, "berawalan.xlsx", b'<x:row r="1"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>'),
        _lembar_uji(d, "tag_terpotong.xlsx", b'<row r="1"><c r="A1"><v>1</v></c></row><c r="XFD1048576"'),
        _lembar_uji(d, "col_dan_cfrule.xlsx", b'<row r="1"><c r="A1"><v>1</v></c><cfRule/><col/></row>'),
    ]


def _putusan(p: Path) -> tuple:
    try:
        h = buku.periksa_berkas(p)
    except GalatPengguna as e:
        return ("galat", str(e), e.lembar)
    return ("baik", sorted((lb.nama, lb.perlu_pangkas, lb.galat) for lb in h.lembar.values()), h.strict)


def _tanpa_jalur_cepat(self: buku._Lembar, potong: bytes) -> None:
    self.cepat = False


@pytest.mark.parametrize("batas", [{}, {"BATAS_SEL_ISI": 100}, {"BATAS_SEL_ISI": 61}, {"BATAS_KOSONG": 50},
                                   {"BATAS_LUAS": 120}])
def test_jalur_cepat_memutus_sama_dengan_hitungan_teliti(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         batas: dict[str, int]) -> None:
    """Every corpus file and fast-path edge case gets the same verdict, message, trimming and error-cell flag
    with the fast path as with the exact regex counts alone, also with the limits moved next to the counts."""
    for k, v in batas.items():
        monkeypatch.setattr(buku, k, v)
    berkas = _kasus_cepat(tmp_path)
    for i, kasus in enumerate(korpus.KORPUS):
        if kasus.nama not in ("zip_bomb", "zip_bomb_rasio", "juta_baris_bergaya"):  # no sheet scan / too slow
            d = tmp_path / f"k{i}"
            d.mkdir()
            berkas.append(kasus.buat(d))
    berkas.append(korpus.juta_baris_bergaya(tmp_path, n=300))
    cepat = {p.name: _putusan(p) for p in berkas}
    with monkeypatch.context() as m:
        m.setattr(buku._Lembar, "catat_cepat", _tanpa_jalur_cepat)
        teliti = {p.name: _putusan(p) for p in berkas}
    assert cepat == teliti
    if not batas:
        assert cepat["jauh_lewat.xlsx"][0] == cepat["tanpa_r_campur.xlsx"][0] == "galat"
        assert cepat["jauh_isi.xlsx"][0] == cepat["jauh_kosong.xlsx"][0] == "baik"


def test_jalur_cepat_dipakai_pada_lembar_biasa(tmp_path: Path) -> None:
    """An ordinary sheet is settled by the fast path (its facts are bounds), an odd one by the exact count."""
    h = buku.periksa_berkas(_kasus_cepat(tmp_path)[0])
    assert [lb.kasar for lb in h.lembar.values()] == [True]
    h = buku.periksa_berkas(_lembar_uji(tmp_path, "kutip.xlsx", b"<row r='1'><c r='A1'><v>1</v></c></row>"))
    assert [(lb.kasar, lb.sel, lb.baris_maks) for lb in h.lembar.values()] == [(False, 1, 1)]


def test_sel_kosong_bergaya_dipangkas_tanpa_mengubah_isi(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Trimming drops only empty rows/cells: values, formulas and merged ranges stay."""
    p = korpus.juta_baris_bergaya(tmp_path, n=300)
    wb0 = load_workbook(p)
    wb0["Data"]["D2"] = "=1+1"
    wb0["Data"].merge_cells("A1:B1")
    wb0.save(p)
    monkeypatch.setattr(buku, "BATAS_KOSONG", 50)
    hasil = buku.periksa_berkas(p)
    assert hasil.dipangkas == ["Data"]
    ws = buku.buka(p)["Data"]
    assert ws.max_row == 2
    assert [c.value for c in ws[2]][:4] == ["1.01", "Pendidikan", None, "=1+1"]
    assert [str(m) for m in ws.merged_cells.ranges] == ["A1:B1"]
    assert buku.baca_nilai(p)["Data"][1][:2] == ["1.01", "Pendidikan"]


def test_read_only_mengabaikan_dimensi_raksasa(tmp_path: Path) -> None:
    p = korpus.dimensi_raksasa(tmp_path)
    ws = buku.buka(p, read_only=True)["Data"]
    baris = list(ws.iter_rows(values_only=True))
    assert len(baris) == 3
    assert max(len(r) for r in baris) == 5


# ---- simpan_atomik ---------------------------------------------------------------------------------

def _sisa_tmp(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".~renjaxl-")]


def test_simpan_atomik_menulis_dan_menolak_timpa(tmp_path: Path) -> None:
    out = tmp_path / "hasil.xlsx"
    assert buku.simpan_atomik(_wb("satu"), out) == out
    assert load_workbook(out).active["A1"].value == "satu"
    with pytest.raises(GalatPengguna, match="--timpa"):
        buku.simpan_atomik(_wb("dua"), out)
    assert load_workbook(out).active["A1"].value == "satu"
    buku.simpan_atomik(_wb("tiga"), out, timpa=True)
    assert load_workbook(out).active["A1"].value == "tiga"
    assert _sisa_tmp(tmp_path) == []


def test_simpan_atomik_membuat_folder(tmp_path: Path) -> None:
    out = tmp_path / "baru" / "sub" / "hasil.xlsx"
    buku.simpan_atomik(_wb(), out)
    assert out.is_file()


def test_simpan_atomik_tidak_pernah_menimpa_masukan(tmp_path: Path) -> None:
    masukan = korpus.buku_valid(tmp_path)
    sebelum = masukan.read_bytes()
    jalan_lain = tmp_path / "x" / ".." / masukan.name
    (tmp_path / "x").mkdir()
    for tujuan in (masukan, jalan_lain):
        with pytest.raises(GalatPengguna, match="masukan"):
            buku.simpan_atomik(_wb(), tujuan, timpa=True, sumber=masukan)
    tautan = tmp_path / "tautan.xlsx"
    try:
        tautan.symlink_to(masukan)
    except OSError:  # Windows without the symlink privilege
        tautan = None
    if tautan is not None:
        with pytest.raises(GalatPengguna, match="masukan"):
            buku.simpan_bytes_atomik(b"x", tautan, timpa=True, sumber=masukan)
    assert masukan.read_bytes() == sebelum


def test_simpan_atomik_folder_menghalangi(tmp_path: Path) -> None:
    (tmp_path / "hasil.xlsx").mkdir()
    with pytest.raises(GalatPengguna, match="folder"):
        buku.simpan_atomik(_wb(), tmp_path / "hasil.xlsx", timpa=True)
    assert _sisa_tmp(tmp_path) == []


def test_simpan_atomik_berkas_hanya_baca_atau_terkunci(tmp_path: Path) -> None:
    out = tmp_path / "hasil.xlsx"
    buku.simpan_atomik(_wb("asli"), out)
    out.chmod(stat.S_IRUSR | stat.S_IRGRP)
    with pytest.raises(GalatPengguna, match="hanya-baca"):
        buku.simpan_atomik(_wb("baru"), out, timpa=True)
    out.chmod(0o644)
    (tmp_path / "~$hasil.xlsx").write_bytes(b"kunci excel")
    with pytest.raises(GalatPengguna, match="sedang dibuka"):
        buku.simpan_atomik(_wb("baru"), out, timpa=True)
    (tmp_path / "~$hasil.xlsx").unlink()
    (tmp_path / ".~lock.hasil.xlsx#").write_text("kunci libreoffice")
    with pytest.raises(GalatPengguna, match="sedang dibuka"):
        buku.simpan_atomik(_wb("baru"), out, timpa=True)
    assert load_workbook(out).active["A1"].value == "asli"


def test_simpan_atomik_folder_tidak_dapat_ditulisi(tmp_path: Path) -> None:
    """As root chmod does not stop writes, so a path under a regular *file* and /proc stand in."""
    berkas = tmp_path / "bukan_folder.txt"
    berkas.write_text("x")
    with pytest.raises(GalatPengguna, match="tidak dapat menulis"):
        buku.simpan_atomik(_wb(), berkas / "hasil.xlsx")
    if Path("/proc/self").is_dir():
        with pytest.raises(GalatPengguna, match="tidak dapat menulis"):
            buku.simpan_bytes_atomik(b"x", Path("/proc/renjaxl_hasil.csv"))
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        kunci = tmp_path / "terkunci"
        kunci.mkdir()
        kunci.chmod(0o500)
        try:
            with pytest.raises(GalatPengguna, match="tidak dapat menulis"):
                buku.simpan_atomik(_wb(), kunci / "hasil.xlsx")
        finally:
            kunci.chmod(0o700)


def test_simpan_gagal_tidak_meninggalkan_berkas_setengah(tmp_path: Path) -> None:
    out = tmp_path / "hasil.xlsx"
    buku.simpan_atomik(_wb("asli"), out)

    class Rusak(Workbook):
        def save(self, f):  # type: ignore[override]
            f.write(b"PK\x03\x04setengah")
            raise RuntimeError("gagal di tengah")

    with pytest.raises(RuntimeError):
        buku.simpan_atomik(Rusak(), out, timpa=True)
    with pytest.raises(RuntimeError):
        buku.simpan_atomik(Rusak(), tmp_path / "baru.xlsx")
    assert load_workbook(out).active["A1"].value == "asli"
    assert not (tmp_path / "baru.xlsx").exists()
    assert _sisa_tmp(tmp_path) == []


def test_simpan_disk_penuh_jadi_galat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def penuh(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(buku.os, "fsync", penuh)
    with pytest.raises(GalatPengguna, match="No space left"):
        buku.simpan_bytes_atomik(b"data", tmp_path / "a.csv")
    assert list(tmp_path.iterdir()) == []


def test_simpan_bytes_atomik(tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    buku.simpan_bytes_atomik(b"kode;nama\n", out)
    assert out.read_bytes() == b"kode;nama\n"
    assert stat.S_IMODE(out.stat().st_mode) & stat.S_IRUSR
    with pytest.raises(GalatPengguna, match="--timpa"):
        buku.simpan_bytes_atomik(b"lain", out)
    assert out.read_bytes() == b"kode;nama\n"


# ---- tulis_teks / aman_teks ------------------------------------------------------------------------

TEKS_PEMICU = [korpus.TEKS_CMD, "=1+1", "+62 812", "-5%", "@SUM(A1)", korpus.TEKS_HYPERLINK]


def _simpan_teks(tmp_path: Path) -> Path:
    wb = Workbook()
    for i, t in enumerate(TEKS_PEMICU, start=1):
        buku.tulis_teks(wb.active.cell(i, 1), t)
    return buku.simpan_atomik(wb, tmp_path / "teks.xlsx")


def test_tulis_teks_tetap_teks_setelah_disimpan(tmp_path: Path) -> None:
    p = _simpan_teks(tmp_path)
    with zipfile.ZipFile(p) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    ws = load_workbook(p).active
    for i, t in enumerate(TEKS_PEMICU, start=1):
        assert ws.cell(i, 1).value == t
        assert ws.cell(i, 1).data_type == "s"
        assert ws.cell(i, 1).quotePrefix
    assert [r[0] for r in buku.baca_nilai(p)["Sheet"]] == TEKS_PEMICU


def test_tulis_teks_biasa_tanpa_quote_prefix_dan_kontrol_dibuang() -> None:
    ws = Workbook().active
    buku.tulis_teks(ws["A1"], "Program\x00 Penunjang\x1b")
    assert ws["A1"].value == "Program Penunjang"
    assert not ws["A1"].quotePrefix
    buku.tulis_teks(ws["A2"], "baris\nkedua\tkolom")
    assert ws["A2"].value == "baris\nkedua\tkolom"


def test_tulis_teks_none_mengosongkan() -> None:
    ws = Workbook().active
    ws["A1"] = "lama"
    buku.tulis_teks(ws["A1"], None)
    assert ws["A1"].value is None


def test_berkas_kunci_excel_sebagai_masukan(tmp_path: Path) -> None:
    p = tmp_path / "~$laporan.xlsx"
    p.write_bytes(b"\x0bPengguna" + b"\x00" * 150)
    with pytest.raises(GalatPengguna, match="laporan.xlsx") as e:
        buku.buka(p)
    assert "kunci" in str(e.value)


def test_tulis_teks_terlalu_panjang() -> None:
    ws = Workbook().active
    ws.title = "Data"
    buku.tulis_teks(ws["B2"], "a" * buku.BATAS_TEKS)
    assert len(ws["B2"].value) == buku.BATAS_TEKS
    with pytest.raises(GalatPengguna) as e:
        buku.tulis_teks(ws["B3"], "a" * (buku.BATAS_TEKS + 1))
    assert e.value.sel == "B3" and e.value.lembar == "Data"
    assert "32.767" in str(e.value)


def test_aman_teks() -> None:
    assert buku.aman_teks(korpus.TEKS_CMD) == "'" + korpus.TEKS_CMD
    assert buku.aman_teks("@SUM(A1)") == "'@SUM(A1)"
    assert buku.aman_teks("-5") == "-5"
    assert buku.aman_teks("+62 812") == "'+62 812"
    assert buku.aman_teks("Pendidikan\x07") == "Pendidikan"
    assert buku.aman_teks(None) == ""
    assert buku.aman_teks(1.5) == "1.5"


@pytest.mark.libreoffice
def test_tulis_teks_tampil_sebagai_teks_di_libreoffice(tmp_path: Path, libreoffice: None) -> None:
    from renja_xl.libreoffice import hitung_ulang

    p = _simpan_teks(tmp_path)
    lembar = hitung_ulang([p])[0]
    ws = next(iter(lembar.values()))
    # A formula would show its result (2, "Klik di sini", #NAME?); text shows itself.
    for i, t in enumerate(TEKS_PEMICU, start=1):
        assert ws.sel(f"A{i}") == t
    assert not ws.galat


def test_masukan_terkunci_atau_tanpa_izin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file another program holds exclusively (Windows) or without read permission: a message, no trace.

    As root chmod 000 does not stop reading, so the OS refusal is simulated."""
    p = korpus.buku_valid(tmp_path)

    def tolak(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", tolak)
    for baca in (buku.buka, buku.baca_nilai):
        with pytest.raises(GalatPengguna, match="tidak ada izin") as e:
            baca(p)
        assert "valid.xlsx" in str(e.value) and e.value.saran


def test_lembar_grafik_dan_tersembunyi(tmp_path: Path) -> None:
    from openpyxl.chart import BarChart, Reference

    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    for i in range(1, 5):
        ws.append([i, i * 2])
    grafik = BarChart()
    grafik.add_data(Reference(ws, min_col=2, min_row=1, max_row=4))
    wb.create_chartsheet("Grafik").add_chart(grafik)
    wb.create_sheet("Tersembunyi").sheet_state = "hidden"
    p = tmp_path / "grafik.xlsx"
    wb.save(p)
    nilai = buku.baca_nilai(p)
    assert nilai["Data"][3] == [4, 8]
    assert nilai["Grafik"] == [] and nilai["Tersembunyi"] == []
    assert buku.buka(p).sheetnames == ["Data", "Grafik", "Tersembunyi"]


@pytest.mark.libreoffice
@pytest.mark.parametrize("format_lo, kata", [("xls", "simpan ulang sebagai .xlsx"), ("ods", ".ods")])
def test_xls_dan_ods_asli_dari_libreoffice(tmp_path: Path, libreoffice: None, format_lo: str, kata: str) -> None:
    """Real files written by LibreOffice (not crafted bytes) get the same answers."""
    import subprocess

    from renja_xl.libreoffice import cari_soffice

    sumber = korpus.buku_valid(tmp_path)
    subprocess.run([cari_soffice(), "--headless", f"-env:UserInstallation=file://{tmp_path}/profil",
                    "--convert-to", format_lo, "--outdir", str(tmp_path / "hasil"), str(sumber)],
                   capture_output=True, timeout=300, check=False)
    p = tmp_path / "hasil" / f"valid.{format_lo}"
    assert p.is_file(), "LibreOffice tidak menghasilkan berkas"
    for baca in (buku.buka, buku.baca_nilai):
        with pytest.raises(GalatPengguna, match="(?i)" + kata):
            baca(p)


def test_komentar_berulang_libreoffice_bukan_zip_bomb(tmp_path: Path) -> None:
    """Hundreds of identical cell notes (as LibreOffice saves a generated form) compress ~150x: still a workbook."""
    from korpus_rusak import buku_valid

    asli = buku_valid(tmp_path)
    catatan = b"".join(b'<comment ref="P%d" authorId="0"><text><r><t>Nilai ini diturunkan dari target tahunan '
                       b'(jenis indikator menentukan).</t></r></text></comment>' % (i % 4) for i in range(40_000))
    p = tmp_path / "catatan.xlsx"
    with zipfile.ZipFile(asli) as zin, zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
        zout.writestr("xl/comments/comment9.xml", b"<comments>" + catatan + b"</comments>")
    info = zipfile.ZipFile(p).getinfo("xl/comments/comment9.xml")
    assert info.file_size > 4 * 1024 * 1024 and info.file_size / info.compress_size > 100
    wb = buku.buka(p)
    assert wb.active["A1"].value == "Kode"
