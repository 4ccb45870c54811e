"""pasang.bat / lepas.bat checked for the commands they run (no Windows here), and the bundle update
check on small wheels made by the test (no network)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from renja_xl import __version__, paket
from renja_xl.galat import GalatPengguna


@pytest.fixture(params=["pasang.bat", "lepas.bat"])
def bat(request: pytest.FixtureRequest) -> tuple[str, str]:
    data = paket.skrip(request.param, __version__)
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")   # CRLF only: cmd.exe reads labels right
    return request.param, data.decode("ascii")                            # ASCII: safe in any code page


def _perintah(teks: str) -> list[str]:
    """Command lines (comments and echo text left out)."""
    out = []
    for baris in teks.splitlines():
        b = baris.strip()
        if not b or b.lower().startswith(("rem ", "echo ", "echo.", "title ", "::")) or b.startswith(":"):
            continue
        out.append(b)
    return out


def test_kode_halaman_utf8_dan_pesan_indonesia(bat: tuple[str, str]) -> None:
    nama, teks = bat
    baris = teks.splitlines()
    assert baris[0] == "@echo off"
    assert "chcp 65001 >nul" in baris[:10]
    pesan = " ".join(b for b in baris if b.lstrip().lower().startswith("echo "))
    for kata in ("GAGAL", "Tutup", "Excel"):
        assert kata.lower() in pesan.lower(), kata
    for inggris in ("Installing", "Error:", "Press any key", "Successfully"):
        assert inggris not in pesan


_TEMPAT_ADMIN = re.compile(r"(?i)program ?files|%programfiles|%programdata%|%systemroot%|%windir%|\\windows\\|"
                           r"hklm|hkey_local_machine|\breg (add|delete)\b|\brunas\b|setx\s+/m|\bsetx\b|icacls|"
                           r"takeown|\bsc (create|config)\b|schtasks")


def test_tanpa_lokasi_admin_dan_jalur_berkutip(bat: tuple[str, str]) -> None:
    nama, teks = bat
    for p in _perintah(teks):
        assert not _TEMPAT_ADMIN.search(p), p
        # every path built from a variable is one quoted token (user names contain spaces)
        tanpa_kutip = re.sub(r'"[^"]*"', "", p)
        assert not re.search(r"%(LOCALAPPDATA|APPDATA|VENV|RODA|PY_VENV|RENJA|AKAR|XLSTART)%|%~dp0", tanpa_kutip), p
    # only per-user locations are ever set as paths
    for nama_var, nilai in re.findall(r'(?m)^set "(\w+)=([^"]*)"', teks):
        if nama_var != "PY" and nilai:
            assert nilai.startswith(("%~dp0", "%LOCALAPPDATA%", "%APPDATA%")), (nama_var, nilai)
    assert set(re.findall(r'(?m)^set "PY=([^"]*)"', teks)) <= {"", "py -%1", "python"}


def test_label_yang_dipanggil_ada(bat: tuple[str, str]) -> None:
    _nama, teks = bat
    label = set(re.findall(r"(?m)^:(\w+)\s*$", teks))
    for target in re.findall(r"(?i)\b(?:goto|call) :(\w+)", teks):
        assert target in label, target


def test_pasang_bat_memasang_tanpa_internet() -> None:
    teks = paket.skrip("pasang.bat", __version__).decode("ascii")
    perintah = _perintah(teks)
    pip = [p for p in perintah if " -m pip " in p]
    assert len(pip) == 1
    for opsi in ("install", "--no-index", '--find-links "%RODA%"', "--upgrade", "--upgrade-strategy eager",
                 "--disable-pip-version-check", f'"renja-xl=={__version__}"'):
        assert opsi in pip[0], opsi
    assert not re.search(r"(?i)https?://", " ".join(perintah))          # nothing is fetched
    assert 'set "RODA=%~dp0wheels"' in teks and 'set "VENV=%LOCALAPPDATA%\\renja-xl\\venv"' in teks
    # Python: py launcher newest first, then python on PATH; 64-bit and a supported version checked
    assert re.search(r"for %%V in \(3\.14 3\.13 3\.12 3\.11\) do call :coba_py %%V", teks)
    assert "py -%1 -c" in teks and "sys.maxsize > 2**32" in teks
    assert "(3, 11) <= sys.version_info[:2] <= (3, 14)" in teks
    assert perintah.index(next(p for p in perintah if p.startswith("for %%V"))) < \
        perintah.index(next(p for p in perintah if p.startswith("if not defined PY call :coba_python")))
    assert '%PY% -m venv "%VENV%"' in perintah
    assert '"%RENJA%" addin pasang' in perintah
    # over an older install: the environment is kept (or rebuilt when its Python is gone) and upgraded
    assert 'if exist "%PY_VENV%" call :periksa_venv' in perintah and 'rmdir /s /q "%VENV%"' in perintah
    # no suitable Python: where to get it and the tick-box to set
    pesan = teks[teks.index(":tanpa_python"):]
    assert "https://www.python.org/downloads/windows/" in pesan and '"Add python.exe to PATH"' in pesan
    assert "64-bit" in pesan


def test_lepas_bat_membatalkan_pasang() -> None:
    perintah = _perintah(paket.skrip("lepas.bat", __version__).decode("ascii"))
    assert 'if exist "%RENJA%" "%RENJA%" addin lepas' in perintah
    assert 'if exist "%XLSTART%\\renja_xl.xlam" del /f /q "%XLSTART%\\renja_xl.xlam"' in perintah
    assert 'if exist "%VENV%\\" rmdir /s /q "%VENV%"' in perintah
    # the user's imported catalogs only after asking
    i = perintah.index('rmdir /s /q "%AKAR%"')
    assert perintah[i - 2].startswith("choice /C YT")


def test_versi_python_dalam_skrip_mengikuti_daftar() -> None:
    teks = paket.skrip("pasang.bat", "9.9.9", ("3.12", "3.11")).decode("ascii")
    assert "(3.12 3.11)" in teks and "(3, 11) <= sys.version_info[:2] <= (3, 12)" in teks
    assert '"renja-xl==9.9.9"' in teks and "@" not in teks.replace("@echo", "")


# ------------------------------------------------------------------------------------------- update check

def _roda(nama: str, versi: str, tag: str, butuh: tuple[str, ...] = ()) -> tuple[str, bytes]:
    berkas = f"{nama.replace('-', '_')}-{versi}-{tag}.whl"
    meta = f"Metadata-Version: 2.1\nName: {nama}\nVersion: {versi}\n" + "".join(f"Requires-Dist: {b}\n" for b in butuh)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(f"{nama.replace('-', '_')}-{versi}.dist-info/METADATA", meta)
    return berkas, buf.getvalue()


def _bundel(tmp_path: Path, roda: list[tuple[str, bytes]]) -> Path:
    p = tmp_path / "renja-xl-0.2.0-windows.zip"
    with zipfile.ZipFile(p, "w") as z:
        for berkas, data in roda:
            z.writestr(f"renja-xl-0.2.0-windows/wheels/{berkas}", data)
    return p


def test_periksa_bundel_menyebut_yang_berubah(tmp_path: Path) -> None:
    p = _bundel(tmp_path, [
        _roda("renja-xl", "0.2.0", "py3-none-any", ("xlwings==0.37.8", "pywin32; platform_system == 'Windows'")),
        _roda("xlwings", "0.37.8", "cp311-cp311-win_amd64"), _roda("xlwings", "0.37.8", "cp312-cp312-win_amd64"),
        _roda("pywin32", "312", "cp312-cp312-win_amd64"), _roda("pywin32", "311", "cp311-cp311-win_amd64"),
        _roda("rich", "13.0.0", "py3-none-any"),
    ])
    assert paket.isi_bundel(p, "3.12") == {"renja-xl": "0.2.0", "xlwings": "0.37.8", "pywin32": "312", "rich": "13.0.0"}
    assert paket.isi_bundel(p, "3.11")["pywin32"] == "311"
    terpasang = {"renja-xl": "0.1.0", "xlwings": "0.37.8", "pywin32": None, "rich": "14.0.0"}
    ubah = paket.periksa_bundel(p, "3.12", terpasang)
    assert [(u.nama, u.jenis) for u in ubah] == [("pywin32", "baru"), ("renja-xl", "naik"), ("rich", "turun")]
    teks = paket.laporan_periksa(ubah, p)
    assert "akan mengubah 3 paket" in teks and "renja-xl: 0.1.0 -> 0.2.0 (diperbarui)" in teks
    assert "DITURUNKAN" in teks
    sama = {"renja-xl": "0.2.0", "xlwings": "0.37.8", "pywin32": "312", "rich": "13.0.0"}
    assert paket.periksa_bundel(p, "3.12", sama) == []
    assert "tidak mengubah apa pun" in paket.laporan_periksa([], p)
    # the markers walk sees Windows' own dependency even on Linux
    roda = {r.nama: r for r in (paket.baca_roda(n, d) for n, d in [
        _roda("renja-xl", "0.2.0", "py3-none-any", ("xlwings==0.37.8", "pywin32; platform_system == 'Windows'",
                                                    "appscript; platform_system == 'Darwin'", "dask; extra == 'cepat'")),
        _roda("xlwings", "0.37.8", "cp312-cp312-win_amd64")])}
    t = paket.tutupan(roda, "renja-xl", "3.12")
    assert t.kurang == ["pywin32"] and t.terpakai == {"renja-xl", "xlwings"} and not t.bentrok


def test_periksa_bundel_salah_berkas(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from renja_xl.cli import app

    bukan = tmp_path / "bukan.zip"
    bukan.write_text("bukan zip")
    with pytest.raises(GalatPengguna, match="bukan bundel"):
        paket.periksa_bundel(bukan)
    r = CliRunner().invoke(app, ["versi", "--periksa-bundel", str(tmp_path / "tidak-ada.zip")])
    assert r.exit_code == 2 and "tidak ditemukan" in r.output
    kosong = _bundel(tmp_path, [])
    with pytest.raises(GalatPengguna):
        paket.periksa_bundel(kosong)
