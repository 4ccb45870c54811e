"""The command line speaks Indonesian: every help screen, usage line and parse error; one option name per
meaning; codes never split in ``kode``; the LibreOffice hint fits the operating system."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from renja_xl.cli import app
from renja_xl.cli.bahasa import ALIAS_LAMA, TEKS_BANTUAN

runner = CliRunner()

# framework words typer/click print in English; none may reach a user
TERLARANG = ("Usage", "Options", "Commands", "Arguments", "Show this message", "[required]", "required",
             "[default", "Error", "Missing", "Invalid value", "No such option", "No such command",
             "Try '", "for help", "[OPTIONS]", "COMMAND [ARGS]", "Did you mean", "Got unexpected",
             "<path>", "<str>", "<int>", "<bool>", "Aborted")


def _jalur(grup=None, awal: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path of the app: (), ('buat',), ('data-induk',), ('data-induk', 'cek'), ..."""
    import typer

    g = grup or get_command(app)
    ctx = typer.Context(g, info_name="renja-xl")
    keluar = [awal]
    for nama in g.list_commands(ctx):
        sub = g.get_command(ctx, nama)
        if hasattr(sub, "list_commands"):
            keluar += _jalur(sub, awal + (nama,))
        else:
            keluar.append(awal + (nama,))
    return keluar


SEMUA = _jalur()


def _bersih(teks: str) -> None:
    for kata in TERLARANG:
        assert kata not in teks, f"{kata!r} in:\n{teks}"


def test_daftar_perintah_lengkap() -> None:
    nama = {" ".join(j) for j in SEMUA}
    assert {"", "buat", "periksa", "kode", "rekap", "demo", "versi", "data-induk cek", "data-induk impor",
            "nomenklatur impor", "addin bangun", "paket windows"} <= nama


@pytest.mark.parametrize("jalur", SEMUA, ids=lambda j: " ".join(j) or "renja-xl")
def test_bantuan_tanpa_kata_inggris(jalur: tuple[str, ...]) -> None:
    r = runner.invoke(app, [*jalur, "--help"], env={"COLUMNS": "100"})
    assert r.exit_code == 0, r.output
    _bersih(r.output)
    assert r.output.startswith("Penggunaan: ")
    assert "Opsi" in r.output and TEKS_BANTUAN in r.output
    assert "[OPSI]" in r.output.splitlines()[0]
    for _param, alias in ALIAS_LAMA:   # old spellings work but are not advertised
        if alias.startswith("--"):
            assert re.search(rf"{alias}\b(?!-)", r.output) is None, alias
    if jalur == ("demo",):             # -f means --form in buat; demo's folder is --folder only
        assert "--folder" in r.output and not re.search(r"(?<![\w-])-f\b", r.output)


def test_bantuan_argumen_wajib_dan_bawaan() -> None:
    r = runner.invoke(app, ["buat", "--help"], env={"COLUMNS": "120"})
    assert "Argumen" in r.output and "DATA_INDUK" in r.output and "[wajib]" in r.output
    assert "-o, --keluaran" in r.output and "[bawaan: e81]" in r.output
    r = runner.invoke(app, ["--help"], env={"COLUMNS": "120"})
    assert "Perintah" in r.output and "PERINTAH [ARGUMEN]..." in r.output


@pytest.mark.parametrize("args, pesan", [
    (["buat"], "Argumen DATA_INDUK wajib diisi."),
    (["buat", "x.xlsx"], "Opsi -o/--keluaran wajib diisi."),
    (["periksa", "x.xlsx", "--bogus"], "Opsi --bogus tidak dikenal."),
    (["bukan"], "Perintah 'bukan' tidak dikenal. Mungkin maksud Anda: 'buat'."),
    (["buat", "x", "-o", "y", "-t", "abc"], "Nilai untuk --triwulan/-t: harus bilangan bulat"),
    (["buat", "x", "-o"], "Opsi -o memerlukan nilai."),
    (["buat", "x", "y", "-o", "z"], "Argumen berlebih: y."),
    (["buat", "x", "-o", "y", "--semua=1"], "Opsi --semua tidak menerima nilai"),
    (["data-induk", "cek"], "Argumen BERKAS wajib diisi."),
])
def test_galat_penggunaan_bahasa_indonesia(args: list[str], pesan: str) -> None:
    r = runner.invoke(app, args, env={"COLUMNS": "100"})
    assert r.exit_code == 2, r.output
    _bersih(r.output)
    assert pesan in r.output
    assert "Galat:" in r.output and "--help' untuk bantuan" in r.output
    if "Opsi -o" not in pesan and "--semua" not in pesan:   # click's parser gives these no context
        assert "Penggunaan: renja-xl" in r.output


def test_tanpa_argumen_menampilkan_bantuan() -> None:
    r = runner.invoke(app, ["data-induk"], env={"COLUMNS": "100"})
    _bersih(r.output)
    assert "Perintah" in r.output and "cek" in r.output


def test_python_m_renja_xl_bahasa_indonesia() -> None:
    r = subprocess.run([sys.executable, "-m", "renja_xl", "periksa", "--help"], capture_output=True, text=True,
                       env={"COLUMNS": "90", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__).parents[1])},
                       timeout=120)
    assert r.returncode == 0, r.stderr
    _bersih(r.stdout + r.stderr)
    assert "Penggunaan: python -m renja_xl periksa [OPSI] BERKAS" in r.stdout


@pytest.mark.parametrize("opsi", ["-o", "--keluaran", "--keluar"])
@pytest.mark.parametrize("form", ["e81", "E.81", "e.81", "tc29", "T-C.29", "Tabel 2.1"])
def test_buat_satu_nama_opsi_dan_nama_form(tmp_path: Path, opsi: str, form: str) -> None:
    # options parse and the form name is accepted: the command gets as far as the missing Data Induk
    r = runner.invoke(app, ["buat", str(tmp_path / "tidak_ada.xlsx"), opsi, str(tmp_path / "h.xlsx"),
                            "--form", form])
    assert r.exit_code == 2
    assert "berkas Data Induk tidak ditemukan" in r.output, r.output


def test_buat_form_tak_dikenal_menyebut_daftar(tmp_path: Path) -> None:
    r = runner.invoke(app, ["buat", str(tmp_path / "x.xlsx"), "-o", str(tmp_path / "h.xlsx"), "--form", "E.99"])
    assert r.exit_code == 2 and "tidak dikenal" in r.output and "tc29" in r.output


@pytest.mark.parametrize("pemda", ["kab/kota", "Kabupaten", "propinsi", "prov"])
def test_rekap_pemda_alias_bersama(tmp_path: Path, pemda: str) -> None:
    # one alias table: rekap accepts what periksa/kode accept (and still --tingkat)
    for opsi in ("--pemda", "--tingkat"):
        r = runner.invoke(app, ["rekap", str(tmp_path / "tidak_ada"), "-o", str(tmp_path / "r.xlsx"), opsi, pemda])
        assert "bukan jenis pemda" not in r.output and "tidak dikenal" not in r.output, r.output
    r = runner.invoke(app, ["rekap", str(tmp_path), "-o", str(tmp_path / "r.xlsx"), "--pemda", "desa"])
    assert r.exit_code == 2 and "bukan jenis pemda" in r.output


@pytest.mark.parametrize("lebar", [80, 60, 40])
def test_kode_tidak_dipotong(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lebar: int) -> None:
    monkeypatch.setenv("RENJA_XL_NOMENKLATUR", str(tmp_path / "katalog"))
    from renja_xl.nomenklatur import simpan

    simpan.lupakan_cache()
    kode = ["2.17.01.2.01.0001", "X.XX.01.2.01.0001", "1.02.02.2.01.0026"]
    r = runner.invoke(app, ["kode", *kode, "--nama", "Penyusunan Dokumen Perencanaan Perangkat Daerah yang "
                            "panjang sekali sehingga kolom nama harus dilipat"], env={"COLUMNS": str(lebar)})
    simpan.lupakan_cache()
    assert r.exit_code in (0, 1), r.output
    for k in kode:
        assert k in r.output, f"{k} split at {lebar} columns:\n{r.output}"
    assert max(len(b) for b in r.output.splitlines() if "│" in b or "┃" in b) <= lebar if lebar >= 80 else True


@pytest.mark.parametrize("platform, harus, tidak", [
    ("linux", "apt-get install", "Excel"),
    ("win32", "Excel", "apt-get"),
    ("darwin", "brew install", "apt-get"),
])
def test_saran_libreoffice_sesuai_os(platform: str, harus: str, tidak: str) -> None:
    from renja_xl.libreoffice import saran_pasang

    teks = saran_pasang(platform)
    assert harus in teks and tidak not in teks
    if platform == "win32":
        assert "libreoffice.org" in teks and "menghitung ulang" in teks


def test_rekap_fungsi_memakai_tabel_alias(tmp_path: Path) -> None:
    from renja_xl.galat import GalatPengguna
    from renja_xl.rekap import rekap

    for tingkat in ("Kab/Kota", "propinsi", "Pemerintah Kota"):
        with pytest.raises(GalatPengguna, match="folder tidak ditemukan"):   # the alias passed, the folder did not
            rekap(tmp_path / "tidak_ada", tmp_path / "r.xlsx", tingkat=tingkat)
    with pytest.raises(GalatPengguna, match="bukan jenis pemda"):
        rekap(tmp_path / "tidak_ada", tmp_path / "r.xlsx", tingkat="desa")
