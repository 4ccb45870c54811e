"""The Excel add-in package: reproducible build, valid OOXML, ribbon wired to real VBA procedures,
xlwings config and version, LibreOffice reading the VBA project, and the ``renja-xl addin`` commands."""

from __future__ import annotations

import io
import json
import posixpath
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import xlwings
from oletools.olevba import VBA_Parser
from typer.testing import CliRunner

from renja_xl import addin, macros
from renja_xl.cli import app
from renja_xl.galat import GalatPengguna

REPO = Path(__file__).resolve().parents[1]

NS_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
NS_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
NS_UI = "http://schemas.microsoft.com/office/2006/01/customui"
NS_SS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_UI = "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility"  # pairs with NS_UI (2006)
REL_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
REL_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"


@pytest.fixture(scope="module")
def xlam() -> bytes:
    return addin.bangun_bytes()


@pytest.fixture(scope="module")
def paket(xlam: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(xlam))


@pytest.fixture(scope="module")
def modul_vba(xlam: bytes) -> dict[str, str]:
    vba = VBA_Parser("renja_xl.xlam", data=xlam)
    return {sp.split("/")[-1]: kode for _f, sp, _n, kode in vba.extract_macros()}


def _rels(paket: zipfile.ZipFile, nama: str) -> list[ET.Element]:
    return list(ET.fromstring(paket.read(nama)).iter(f"{NS_REL}Relationship"))


# ------------------------------------------------------------------------------------------- build

def test_bangun_dua_kali_sama_persis(tmp_path: Path, xlam: bytes) -> None:
    a = addin.bangun(tmp_path / "a" / "renja_xl.xlam")
    b = addin.bangun(tmp_path / "b" / "renja_xl.xlam")
    assert a.read_bytes() == b.read_bytes() == xlam
    assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in zipfile.ZipFile(a).infolist())
    assert not list(a.parent.glob(".*sementara"))


def test_berkas_addin_di_repo_sama_dengan_hasil_bangun(xlam: bytes) -> None:
    """addin/renja_xl.xlam, when committed, must be exactly what `renja-xl addin bangun` produces."""
    p = REPO / "addin" / addin.NAMA_ADDIN
    if not p.exists():
        pytest.skip("addin/renja_xl.xlam belum dibangun (renja-xl addin bangun)")
    assert p.read_bytes() == xlam, "jalankan ulang: renja-xl addin bangun"


def test_checkout_crlf_memberi_byte_sama(tmp_path: Path, xlam: bytes) -> None:
    """A Windows checkout with core.autocrlf turns LF into CRLF in macros/: the add-in must not change."""
    for p in addin.FOLDER_MAKRO.iterdir():
        (tmp_path / p.name).write_bytes(p.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    assert addin.bangun_bytes(folder=tmp_path) == xlam


def test_bangun_menolak_ekstensi_lain(tmp_path: Path) -> None:
    with pytest.raises(GalatPengguna):
        addin.bangun(tmp_path / "renja_xl.xlsm")


def test_versi_xlwings_tidak_cocok_ditolak(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlwings, "__version__", "0.0.1")
    with pytest.raises(GalatPengguna, match="0.0.1"):
        addin.bangun_bytes()


# ------------------------------------------------------------------------------------------- OOXML

def test_paket_ooxml_sah(paket: zipfile.ZipFile) -> None:
    nama = set(paket.namelist())
    assert paket.namelist()[0] == "[Content_Types].xml"
    ct = ET.fromstring(paket.read("[Content_Types].xml"))
    default = {d.get("Extension"): d.get("ContentType") for d in ct.iter(f"{NS_CT}Default")}
    override = {o.get("PartName"): o.get("ContentType") for o in ct.iter(f"{NS_CT}Override")}
    for n in nama - {"[Content_Types].xml"}:
        assert f"/{n}" in override or n.rsplit(".", 1)[-1] in default, n
    for part in override:
        assert part.lstrip("/") in nama, part
    assert override["/xl/workbook.xml"] == "application/vnd.ms-excel.addin.macroEnabled.main+xml"
    assert override["/xl/vbaProject.bin"] == "application/vnd.ms-office.vbaProject"
    for n in nama:
        if n.endswith((".xml", ".rels")):
            ET.fromstring(paket.read(n))  # every XML part is well-formed
    # every relationship target exists
    for rels in [n for n in nama if n.endswith(".rels")]:
        dasar = posixpath.dirname(posixpath.dirname(rels))
        for r in _rels(paket, rels):
            if r.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(dasar, r.get("Target")))
            assert target in nama, (rels, target)


def test_customui_dari_rels_akar(paket: zipfile.ZipFile) -> None:
    akar = {r.get("Type"): r.get("Target") for r in _rels(paket, "_rels/.rels")}
    assert akar[REL_DOC] == "xl/workbook.xml"
    assert akar[REL_UI] == "customUI/customUI.xml"
    # the 2007 relationship type belongs to the 2009 namespace (customUI14.xml): never mixed with 2006
    assert not [t for t in akar if "2007/relationships/ui" in t]
    wb = {r.get("Type"): r.get("Target") for r in _rels(paket, "xl/_rels/workbook.xml.rels")}
    assert wb[REL_VBA] == "vbaProject.bin"
    ribbon = (addin.FOLDER_MAKRO / "ribbon.xml").read_bytes().replace(b"\r\n", b"\n")
    assert paket.read("customUI/customUI.xml") == ribbon


def test_pita_2009_memakai_relasi_2007(tmp_path: Path) -> None:
    """A ribbon in the 2009 namespace is written as customUI14.xml with the 2007 relationship type."""
    for p in addin.FOLDER_MAKRO.iterdir():
        (tmp_path / p.name).write_bytes(p.read_bytes())
    ribbon = tmp_path / "ribbon.xml"
    ribbon.write_text(ribbon.read_text().replace("2006/01/customui", "2009/07/customui"))
    z = zipfile.ZipFile(io.BytesIO(addin.bangun_bytes(folder=tmp_path)))
    akar = {r.get("Type"): r.get("Target") for r in _rels(z, "_rels/.rels")}
    assert akar["http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"] == "customUI/customUI14.xml"
    assert "customUI/customUI.xml" not in z.namelist() and len(_rels(z, "_rels/.rels")) == 4
    ribbon.write_text('<customUI xmlns="http://example.org/bukan"/>')
    with pytest.raises(GalatPengguna, match="customUI"):
        addin.bangun_bytes(folder=tmp_path)


def _tombol(paket: zipfile.ZipFile) -> list[ET.Element]:
    ui = ET.fromstring(paket.read("customUI/customUI.xml"))
    assert ui.tag == f"{{{NS_UI}}}customUI"
    return list(ui.iter(f"{{{NS_UI}}}button"))


def test_pita_renja_xl(paket: zipfile.ZipFile) -> None:
    ui = ET.fromstring(paket.read("customUI/customUI.xml"))
    tab = [t.get("label") for t in ui.iter(f"{{{NS_UI}}}tab")]
    assert tab == ["Renja-XL"]
    label = {b.get("label") for b in _tombol(paket)}
    assert {"Buat Evaluasi", "Periksa", "Validasi Kode", "Impor Fungsi"} <= label
    ids = [b.get("id") for b in ui.iter() if b.get("id")]
    assert len(ids) == len(set(ids))


def test_setiap_onaction_ada_prosedurnya(paket: zipfile.ZipFile, modul_vba: dict[str, str]) -> None:
    tombol = _tombol(paket)
    assert tombol
    for b in tombol:
        modul, prosedur = b.get("onAction").split(".")
        assert modul in modul_vba, modul
        pola = rf"(?im)^(Public\s+)?Sub\s+{re.escape(prosedur)}\s*\(\s*control\s+As\s+IRibbonControl\s*\)"
        assert re.search(pola, modul_vba[modul]), b.get("onAction")


def test_runpython_memanggil_fungsi_yang_ada(modul_vba: dict[str, str]) -> None:
    panggilan = re.findall(r'RunPython "import renja_xl\.macros as m; m\.(\w+)\(\)"', modul_vba["RibbonRenjaXL"])
    assert {"buat_evaluasi", "periksa", "validasi_kode", "main"} <= set(panggilan)
    for f in panggilan:
        assert callable(getattr(macros, f))
    assert re.search(r"(?m)^\s+ImportPythonUDFsToAddin\s*$", modul_vba["RibbonRenjaXL"])
    assert re.search(r"(?m)^Sub ImportPythonUDFsToAddin\(\)", modul_vba["xlwings"])
    assert re.search(r"(?m)^(Public )?Function RunPython\(", modul_vba["xlwings"])


def test_modul_sama_dengan_sumber(modul_vba: dict[str, str]) -> None:
    sumber = {p.stem: p for p in addin.FOLDER_MAKRO.iterdir() if p.suffix in (".bas", ".cls")}
    assert set(modul_vba) == set(sumber) | {"xlwings_udfs", "FungsiRenjaXL"}
    for nama, p in sumber.items():
        teks = p.read_text(encoding="cp1252").replace("\r\n", "\n")
        assert modul_vba[nama] == teks.replace("\n", "\r\n"), nama


def test_versi_xlwings_dan_dll_cocok(modul_vba: dict[str, str]) -> None:
    kode = modul_vba["xlwings"]
    versi = xlwings.__version__
    assert re.search(rf'(?m)^Public Const XLWINGS_VERSION As String = "{re.escape(versi)}"', kode)
    assert f'"xlwings64-{versi}.dll"' in kode and f'"xlwings32-{versi}.dll"' in kode
    assert not re.search(r"xlwings(32|64)-(?!" + re.escape(versi) + r")[\d.]+\.dll", kode)
    assert re.search(r'(?m)^Public Const PROJECT_NAME As String = "renja_xl"', kode)


def test_versi_dipatok_di_pyproject(modul_vba: dict[str, str]) -> None:
    import tomllib

    proyek = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patok = [d for d in proyek["project"]["dependencies"] if d.replace(" ", "").startswith("xlwings==")]
    assert len(patok) == 1
    versi = patok[0].split("==", 1)[1].strip()
    assert addin.versi_xlwings_vba() == versi
    assert f'XLWINGS_VERSION As String = "{versi}"' in modul_vba["xlwings"]


def _konfig(paket: zipfile.ZipFile) -> tuple[str, dict[str, object]]:
    wb = ET.fromstring(paket.read("xl/workbook.xml"))
    lembar = [s.get("name") for s in wb.iter(f"{NS_SS}sheet")]
    sst = [si.findtext(f"{NS_SS}t") for si in ET.fromstring(paket.read("xl/sharedStrings.xml"))]
    nilai: dict[str, dict[str, object]] = {}
    for c in ET.fromstring(paket.read("xl/worksheets/sheet1.xml")).iter(f"{NS_SS}c"):
        v = c.findtext(f"{NS_SS}v")
        isi: object = sst[int(v)] if c.get("t") == "s" else bool(int(v)) if c.get("t") == "b" else v
        kol, baris = re.match(r"([A-Z]+)(\d+)", c.get("r")).groups()
        nilai.setdefault(baris, {})[kol] = isi
    assert len(lembar) == 1
    return lembar[0], {str(b["A"]): b.get("B", "") for b in nilai.values()}


def test_lembar_konfig_xlwings(paket: zipfile.ZipFile) -> None:
    nama, konfig = _konfig(paket)
    # xlwings reads the sheet PROJECT_NAME & ".conf" (GetConfigFromSheet), keys case-insensitively
    assert nama == "renja_xl.conf"
    assert konfig["UDF Modules"] == "renja_xl.udf"
    assert konfig["Interpreter_Win"] == "" and konfig["Show Console"] is False
    wb = paket.read("xl/workbook.xml").decode()
    assert "absPath" not in wb and "felix" not in wb.lower()


def test_konfig_interpreter_ikut_dibangun() -> None:
    data = addin.bangun_bytes(konfig=addin.Konfigurasi(interpreter_win=r"C:\Python311\pythonw.exe"))
    _nama, konfig = _konfig(zipfile.ZipFile(io.BytesIO(data)))
    assert konfig["Interpreter_Win"] == r"C:\Python311\pythonw.exe"


# ------------------------------------------------------------------------------------------- LibreOffice

_SKRIP_LO = r'''
import json, os, shutil, subprocess, sys, tempfile, time
import uno
from com.sun.star.beans import PropertyValue

def prop(n, v):
    p = PropertyValue(); p.Name = n; p.Value = v; return p

soffice, berkas, hasil = sys.argv[1:4]
profil = tempfile.mkdtemp()
pipa = "rxlvba%d" % os.getpid()
proc = subprocess.Popen([soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
    "--nolockcheck", "-env:UserInstallation=" + uno.systemPathToFileUrl(profil),
    "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipa],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
desk = None
try:
    lokal = uno.getComponentContext()
    res = lokal.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", lokal)
    batas = time.time() + 90
    while True:
        try:
            ctx = res.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipa)
            break
        except Exception:
            if time.time() > batas:
                raise
            time.sleep(0.3)
    desk = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desk.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(berkas)), "_blank", 0,
                                    (prop("Hidden", True), prop("MacroExecutionMode", 0)))
    out = {"lembar": list(doc.Sheets.ElementNames), "pustaka": {}}
    for nama in doc.BasicLibraries.ElementNames:
        lib = doc.BasicLibraries.getByName(nama)
        out["pustaka"][nama] = {m: lib.getByName(m) for m in lib.ElementNames}
    doc.close(True)
    with open(hasil, "w") as f:
        json.dump(out, f)
finally:
    if desk is not None:
        try:
            desk.terminate()
        except Exception:
            pass
    try:
        proc.wait(timeout=30)
    except Exception:
        proc.kill()
    shutil.rmtree(profil, ignore_errors=True)
'''


def test_libreoffice_membaca_proyek_vba(libreoffice: None, xlam: bytes, tmp_path: Path) -> None:
    """LibreOffice imports our source-only VBA project as a Basic library with every module.

    LibreOffice does not open add-in packages, so the copy declares the workbook content type of an .xlsm
    (the only difference between the two package kinds)."""
    from renja_xl import libreoffice as lo

    salinan = tmp_path / "renja_xl_salinan.xlsm"
    with zipfile.ZipFile(io.BytesIO(xlam)) as zi, zipfile.ZipFile(salinan, "w", zipfile.ZIP_DEFLATED) as zo:
        for n in zi.namelist():
            d = zi.read(n)
            if n == "[Content_Types].xml":
                d = d.replace(b"ms-excel.addin.macroEnabled.main+xml", b"ms-excel.sheet.macroEnabled.main+xml")
            zo.writestr(n, d)
    skrip = tmp_path / "lo_vba.py"
    skrip.write_text(_SKRIP_LO)
    hasil = tmp_path / "hasil.json"
    r = subprocess.run([lo.cari_python_uno(), str(skrip), lo.cari_soffice(), str(salinan), str(hasil)],
                       capture_output=True, text=True, timeout=240)
    assert r.returncode == 0, r.stderr
    data = json.loads(hasil.read_text())
    assert data["lembar"] == ["renja_xl.conf"]
    pustaka = data["pustaka"][addin.NAMA_PROYEK]
    sumber = {p.stem for p in addin.FOLDER_MAKRO.iterdir() if p.suffix in (".bas", ".cls")}
    assert set(pustaka) == sumber | {"xlwings_udfs", "FungsiRenjaXL"}
    assert "Function CAPAIAN(realisasi, target, Optional jenis)" in pustaka["xlwings_udfs"]
    for prosedur in ("BuatEvaluasi", "Periksa", "ValidasiKode", "ImporFungsi"):
        assert re.search(rf"(?m)^Sub {prosedur}\(control As IRibbonControl\)", pustaka["RibbonRenjaXL"])
    assert "Public Const XLWINGS_VERSION" in pustaka["xlwings"]


# ------------------------------------------------------------------------------------------- CLI

runner = CliRunner()


def test_cli_bangun(tmp_path: Path, xlam: bytes) -> None:
    tujuan = tmp_path / "keluar" / "renja_xl.xlam"
    r = runner.invoke(app, ["addin", "bangun", "-o", str(tujuan)])
    assert r.exit_code == 0, r.output
    assert tujuan.read_bytes() == xlam
    assert "SHA-256" in r.output


@pytest.mark.parametrize("perintah", ["pasang", "status", "lepas"])
def test_cli_tanpa_excel_di_linux(perintah: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    r = runner.invoke(app, ["addin", perintah])
    assert r.exit_code == 2
    teks = " ".join(r.output.split())
    assert "membutuhkan Microsoft Excel" in teks and "Windows" in teks


def test_alasan_platform() -> None:
    from renja_xl.cli.addin import alasan_tidak_didukung

    assert alasan_tidak_didukung("win32") is None
    assert alasan_tidak_didukung("darwin") is None
    assert "Excel" in (alasan_tidak_didukung("linux") or "")


def test_interpreter_excel(tmp_path: Path) -> None:
    from renja_xl.cli.addin import interpreter_excel

    exe = tmp_path / "python.exe"
    exe.write_text("")
    assert interpreter_excel(str(exe), "win32") == (str(exe), "")
    (tmp_path / "pythonw.exe").write_text("")
    assert interpreter_excel(str(exe), "win32") == (str(tmp_path / "pythonw.exe"), "")
    assert interpreter_excel("/usr/local/bin/python3", "darwin") == ("", "/usr/local/bin/python3")


class _XlwingsCliPalsu:
    """Stands in for xlwings.cli: XLSTART is a temporary folder; install copies, remove deletes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.panggilan: list[tuple[str, object]] = []

    def get_addin_dir(self, global_location: bool = False) -> str:
        return str(self.folder)

    def addin_install(self, args) -> None:  # type: ignore[no-untyped-def]
        self.panggilan.append(("install", args))
        src = Path(args.file)
        (self.folder / src.name).write_bytes(src.read_bytes())

    def addin_remove(self, args) -> None:  # type: ignore[no-untyped-def]
        self.panggilan.append(("remove", args))
        (self.folder / Path(args.file).name).unlink()


def test_cli_pasang_status_lepas_dengan_xlwings_palsu(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import xlwings.cli as xwcli

    xlstart = tmp_path / "XLSTART"
    xlstart.mkdir()
    palsu = _XlwingsCliPalsu(xlstart)
    for nama in ("get_addin_dir", "addin_install", "addin_remove"):
        monkeypatch.setattr(xwcli, nama, getattr(palsu, nama))
    monkeypatch.setattr(sys, "platform", "win32")

    r = runner.invoke(app, ["addin", "status"])
    assert r.exit_code == 1 and "belum terpasang" in r.output

    r = runner.invoke(app, ["addin", "pasang"])
    assert r.exit_code == 0, r.output
    terpasang = xlstart / addin.NAMA_ADDIN
    assert terpasang.is_file()
    (jenis, args), = palsu.panggilan
    assert jenis == "install" and args.file.endswith(addin.NAMA_ADDIN) and not args.glob
    _nama, konfig = _konfig(zipfile.ZipFile(terpasang))
    assert konfig["Interpreter_Win"] and Path(str(konfig["Interpreter_Win"])).parent == Path(sys.executable).parent
    assert konfig["UDF Modules"] == "renja_xl.udf"

    r = runner.invoke(app, ["addin", "status"])
    assert r.exit_code == 0 and "terpasang di" in r.output

    r = runner.invoke(app, ["addin", "lepas"])
    assert r.exit_code == 0, r.output
    assert not terpasang.exists()
    r = runner.invoke(app, ["addin", "lepas"])
    assert r.exit_code == 0 and "belum terpasang" in r.output


# ------------------------------------------------------------------------------------------- macros
# The ribbon actions, run against fake Excel objects (no Excel on Linux); decisions are pure functions.

class _Lembar:
    def __init__(self, nama: str) -> None:
        self.name = nama


class _Catatan:
    def __init__(self, teks: str) -> None:
        self.text = teks


class _Sel:
    def __init__(self) -> None:
        self.color: object = None
        self.note: _Catatan | None = None

    def add_note(self, teks: str) -> _Catatan:
        assert self.note is None
        self.note = _Catatan(teks)
        return self.note


class _Rentang:
    """A selection of ``nilai`` (rows) at row ``row``; used rows end at ``akhir``."""

    def __init__(self, nilai: list[list[object]], row: int = 1, akhir: int | None = None) -> None:
        self.nilai = nilai
        self.row = row
        self.shape = (len(nilai), len(nilai[0]))
        self.count = self.shape[0] * self.shape[1]
        self.sel = {(r, c): _Sel() for r in range(self.shape[0]) for c in range(self.shape[1])}
        akhir = akhir if akhir is not None else row + len(nilai) - 1
        self.sheet = type("S", (), {"used_range": type("U", (), {"row": 1, "shape": (akhir, 1)})()})()

    def options(self, **kw: object) -> "_Rentang":
        assert kw.get("ndim") == 2
        return self

    @property
    def value(self) -> list[list[object]]:
        return self.nilai

    def __getitem__(self, rc: tuple[int, int]) -> _Sel:
        return self.sel[rc]

    def resize(self, baris: int, kolom: int) -> "_Rentang":
        return _Rentang(self.nilai[:baris], self.row)


class _App:
    def __init__(self) -> None:
        self.pesan: list[tuple[str, str | None]] = []
        self.dibuka: list[str] = []
        self.selection: object = None
        self.books = type("Books", (), {"open": lambda _s, p: self.dibuka.append(p)})()

    def alert(self, teks: str, title: str | None = None, buttons: str = "ok", mode: str | None = None) -> str:
        assert title == macros.JUDUL
        self.pesan.append((teks, mode))
        return "ok"


class _Buku:
    def __init__(self, fullname: str, lembar: list[str], tersimpan: bool = True) -> None:
        self.fullname = fullname
        self.name = Path(fullname).name
        self.sheets = [_Lembar(n) for n in lembar]
        self.app = _App()
        self.api = type("Api", (), {"Saved": tersimpan})()


def test_pilih_aksi() -> None:
    assert macros.pilih_aksi(["Info", "Data", "Petunjuk"]) == "buat_evaluasi"
    assert macros.pilih_aksi([" info ", "DATA"]) == "buat_evaluasi"
    assert macros.pilih_aksi(["Data"]) == "periksa"
    assert macros.pilih_aksi(["E.81", "T-C.29"]) == "periksa"


def test_jalur_keluaran_tidak_menimpa(tmp_path: Path) -> None:
    sumber = tmp_path / "Data Induk.xlsx"
    p1 = macros.jalur_keluaran(sumber, "Evaluasi")
    assert p1 == tmp_path / "Data Induk - Evaluasi.xlsx"
    p1.write_bytes(b"milik pengguna")
    p2 = macros.jalur_keluaran(sumber, "Evaluasi")
    assert p2 != p1 and not p2.exists() and p2.parent == tmp_path
    assert p1.read_bytes() == b"milik pengguna"


def test_berkas_tersimpan() -> None:
    assert macros.berkas_tersimpan("Book1") is None
    assert macros.berkas_tersimpan("https://contoso.sharepoint.com/x.xlsx") is None
    assert macros.berkas_tersimpan(str(Path("/tmp/a.xlsx").resolve())) == Path("/tmp/a.xlsx").resolve()


def test_main_memilih_buat_evaluasi(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import types

    sumber = tmp_path / "Data Induk.xlsx"
    sumber.write_bytes(b"x")
    buku = _Buku(str(sumber), ["Info", "Data"])
    monkeypatch.setattr(macros, "_buku_aktif", lambda: buku)
    dipanggil: list[tuple[Path, Path]] = []

    def buat_semua(data_induk: Path, out: Path) -> Path:  # the generator helper's contract
        dipanggil.append((Path(data_induk), Path(out)))
        Path(out).write_bytes(b"hasil")
        return Path(out)

    monkeypatch.setitem(sys.modules, "renja_xl.generator", types.SimpleNamespace(buat_semua=buat_semua))
    hasil = macros.main()
    assert dipanggil == [(sumber, tmp_path / "Data Induk - Evaluasi.xlsx")]
    assert hasil == tmp_path / "Data Induk - Evaluasi.xlsx"
    assert buku.app.dibuka == [str(hasil)]
    assert buku.app.pesan == []


def test_galat_menjadi_kotak_pesan(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    belum = _Buku("Book1", ["Info", "Data"])
    monkeypatch.setattr(macros, "_buku_aktif", lambda: belum)
    assert macros.buat_evaluasi() is None
    (teks, mode), = belum.app.pesan
    assert "belum disimpan" in teks and mode == "critical"

    berubah = _Buku(str(tmp_path / "a.xlsx"), ["Info", "Data"], tersimpan=False)
    monkeypatch.setattr(macros, "_buku_aktif", lambda: berubah)
    assert macros.periksa() is None
    assert "belum disimpan" in berubah.app.pesan[0][0]

    bukan = _Buku(str(tmp_path / "b.xlsx"), ["Sheet1"])
    monkeypatch.setattr(macros, "_buku_aktif", lambda: bukan)
    assert macros.buat_evaluasi() is None
    assert "bukan Data Induk" in bukan.app.pesan[0][0]


def test_pesan_galat() -> None:
    teks, mode = macros.pesan_galat(GalatPengguna("contoh", berkas="a.xlsx", saran="Perbaiki."))
    assert teks == GalatPengguna("contoh", berkas="a.xlsx", saran="Perbaiki.").teks() and mode == "critical"
    assert "belum terpasang" in macros.pesan_galat(ImportError("renja_xl.generator"))[0]
    assert "ZeroDivisionError" in macros.pesan_galat(ZeroDivisionError("x"))[0]


def test_periksa_dengan_pemeriksa_asli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "bukan formulir"
    sumber = tmp_path / "formulir.xlsx"
    wb.save(sumber)
    asli = sumber.read_bytes()
    buku = _Buku(str(sumber), ["Sheet"])
    monkeypatch.setattr(macros, "_buku_aktif", lambda: buku)
    hasil = macros.main()
    assert hasil is not None and Path(hasil.berkas) == sumber
    (teks, _mode), = buku.app.pesan
    assert teks.startswith(macros.ringkas_periksa(hasil).split("\n")[0])
    if hasil.laporan is not None:
        assert buku.app.dibuka == [str(hasil.laporan)] and Path(hasil.laporan).parent == tmp_path
    assert sumber.read_bytes() == asli  # the user's file is never written


def test_validasi_kode_mewarnai_dan_memberi_catatan(monkeypatch: pytest.MonkeyPatch) -> None:
    from renja_xl.nomenklatur import simpan
    from renja_xl.nomenklatur.validasi import validasi

    monkeypatch.setattr(simpan, "muat_katalog", lambda nama=None: None)
    kode = [["2.17.01.2.01.0001"], [None], ["abc"], [1.02]]
    rentang = _Rentang(kode, row=3, akhir=100)
    buku = _Buku("/tmp/x.xlsx", ["Sheet1"])
    buku.app.selection = rentang
    monkeypatch.setattr(macros, "_buku_aktif", lambda: buku)
    tanda = macros.validasi_kode()
    assert [(t.baris, t.kolom) for t in tanda] == [(0, 0), (2, 0), (3, 0)]
    for t in tanda:
        v = validasi(kode[t.baris][0], None, None, None)
        assert t.status == v.status
        sel = rentang[t.baris, t.kolom]
        assert sel.color == macros.WARNA_STATUS[v.status]
        assert sel.note is not None and sel.note.text == macros.catatan_vonis(v)
    assert rentang[1, 0].color is None and rentang[1, 0].note is None
    assert "3 kode diperiksa" in buku.app.pesan[-1][0]
    # second click updates the existing notes instead of failing
    assert macros.validasi_kode() is not None


def test_kolom_utuh_dipotong_ke_baris_terpakai() -> None:
    rentang = _Rentang([[f"2.17.0{i % 9 + 1}"] for i in range(50)], row=1, akhir=10)
    assert macros._potong_ke_terpakai(rentang).shape == (10, 1)
    pas = _Rentang([["2.17"]] * 5, row=1, akhir=20)
    assert macros._potong_ke_terpakai(pas) is pas


def test_buat_evaluasi_dengan_generator_asli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The ribbon's Buat Evaluasi on a real Data Induk: every due form in a new workbook, opened; input untouched."""
    import openpyxl

    from renja_xl.contoh import tulis_contoh

    sumber = tulis_contoh(tmp_path / "Data Induk.xlsx")
    asli = sumber.read_bytes()
    buku = _Buku(str(sumber), openpyxl.load_workbook(sumber, read_only=True).sheetnames)
    monkeypatch.setattr(macros, "_buku_aktif", lambda: buku)
    hasil = macros.main()
    assert hasil == tmp_path / "Data Induk - Evaluasi.xlsx" and buku.app.dibuka == [str(hasil)]
    lembar = openpyxl.load_workbook(hasil, read_only=True).sheetnames
    assert {"E.81 TW I", "E.81 TW II", "T-C.29", "T-C.33", "Rencana Aksi", "Ringkasan", "Skala Predikat"} <= set(lembar)
    assert sumber.read_bytes() == asli and buku.app.pesan == []


def test_cli_bangun_tanpa_o_menulis_ke_addin(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, xlam: bytes) -> None:
    """Without -o the add-in goes to the repo's addin/ folder (was a TypeError: parameter shadowed a function)."""
    monkeypatch.setattr(addin, "folder_berkas", lambda nama: tmp_path / nama)
    r = runner.invoke(app, ["addin", "bangun"])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "addin" / addin.NAMA_ADDIN).read_bytes() == xlam


# ------------------------------------------------------------------------------------------- function wrappers

def _deklarasi(kode: str) -> dict[str, list[str]]:
    """Function name -> argument list as declared in VBA (``Optional`` kept)."""
    return {m.group(1): [a.strip() for a in m.group(2).split(",") if a.strip()]
            for m in re.finditer(r"(?m)^Function (\w+)\(([^)]*)\)", kode)}


def _harapan_vba() -> dict[str, list[str]]:
    import inspect

    from renja_xl import udf

    harap = {}
    for nama, f in udf.FUNGSI_EXCEL.items():
        arg = [p for p in inspect.signature(f).parameters.values() if p.name != "caller"]
        harap[nama] = [("Optional " if p.default is not p.empty else "") + p.name for p in arg]
    return harap


def test_satu_pembungkus_per_fungsi(modul_vba: dict[str, str]) -> None:
    """The add-in carries one VBA wrapper per Excel function of udf.py, same argument names and order,
    calling Python through xlwings with the add-in's module renja_xl.udf and the caller range."""
    kode = modul_vba["xlwings_udfs"].replace("\r\n", "\n")
    harap = _harapan_vba()
    assert _deklarasi(kode) == harap
    for nama in harap:
        assert re.search(rf'(?m)^        {nama} = XLPy\.CallUDF\("renja_xl\.udf", "{nama}", Array\(.*, Nothing\), '
                         r"ActiveWorkbook, Application\.Caller\)$", kode), nama
        assert f"Attribute {nama}.VB_Description = " in kode
    # every VBA identifier the wrappers call exists in the xlwings module of the same add-in
    assert re.search(r"(?m)^Function XLPy\(\)", modul_vba["xlwings"])


def test_keterangan_fungsi_tanpa_akses_proyek_vba(modul_vba: dict[str, str]) -> None:
    """Help texts and the Renja-XL category come from Application.MacroOptions at Workbook_Open (no trust
    setting), one call per function with one argument help per argument."""
    from renja_xl import udf

    kode = modul_vba["FungsiRenjaXL"].replace("\r\n", "\n")
    panggilan = re.findall(r'MacroOptions Macro:=buku & "(\w+)", _\s+Description:="((?:[^"]|"")*)", _\s+'
                           r'Category:="Renja-XL", _\s+ArgumentDescriptions:=Array\(([^\n]*)\)\n', kode)
    assert [p[0] for p in panggilan] == sorted(udf.FUNGSI_EXCEL)
    harap = _harapan_vba()
    for nama, bantuan, argumen in panggilan:
        assert bantuan.replace('""', '"') == " ".join(udf.FUNGSI_EXCEL[nama].__doc__.split())
        assert len(re.findall(r'"(?:[^"]|"")*"', argumen)) == len(harap[nama])
    assert "On Error Resume Next" in kode
    assert re.search(r"(?ms)^Private Sub Workbook_Open\(\).*^    FungsiRenjaXL\.DaftarkanFungsi$.*^End Sub",
                     modul_vba["ThisWorkbook"].replace("\r\n", "\n"))
    assert "VBProject" not in kode + modul_vba["ThisWorkbook"]  # nothing that needs the trust setting


def test_addin_di_repo_memuat_semua_fungsi() -> None:
    """Adding a function to udf.py without rebuilding leaves addin/renja_xl.xlam stale: this fails."""
    data = (REPO / "addin" / addin.NAMA_ADDIN).read_bytes()
    vba = VBA_Parser("renja_xl.xlam", data=data)
    kode = {sp.split("/")[-1]: k for _f, sp, _n, k in vba.extract_macros()}
    kurang = set(_harapan_vba()) - set(_deklarasi(kode.get("xlwings_udfs", "")))
    assert not kurang, f"fungsi {sorted(kurang)} belum ada di addin/renja_xl.xlam: jalankan renja-xl addin bangun"
    assert _deklarasi(kode["xlwings_udfs"]) == _harapan_vba()


def test_fungsi_baru_tanpa_bangun_ulang_terdeteksi(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The staleness check itself: a UDF module with one more function gives wrappers the committed add-in
    lacks (the generator reads the module, not a list kept by hand)."""
    (tmp_path / "udf_uji.py").write_text(
        "from renja_xl.udf import *  # noqa\n"
        "from renja_xl.udf import _daftarkan, FUNGSI_EXCEL\n"
        "def tambah(a, b=None):\n    return a\n"
        "TAMBAH_UJI = _daftarkan(tambah, 'TAMBAH_UJI', 'Uji.', {'a': 'A', 'b': 'B'})\n")
    import os

    from renja_xl.vba import pembungkus

    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")])))
    p = pembungkus.buat("udf_uji", "renja_xl.xlam")
    assert "TAMBAH_UJI" in _deklarasi(p.vba) and _deklarasi(p.vba)["TAMBAH_UJI"] == ["a", "Optional b"]
    assert set(_deklarasi(p.vba)) - set(_harapan_vba()) == {"TAMBAH_UJI"}
