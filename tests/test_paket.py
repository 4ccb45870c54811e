"""A wheel is enough: templates, macros and the add-in travel inside it (``pip install renja-xl`` without a clone)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

_SKRIP = """
import sys
from pathlib import Path
import renja_xl, renja_xl.generator as g, renja_xl.addin as a
from renja_xl.contoh import tulis_contoh
tmp = Path(sys.argv[1])
assert "_berkas" in str(g.dir_templat()), g.dir_templat()
induk = tulis_contoh(tmp / "di.xlsx")
keluar = g.buat_semua(induk, tmp / "formulir.xlsx")
xlam = a.bangun_bytes()
print(renja_xl.__file__, keluar.stat().st_size, len(xlam))
"""


def test_wheel_membawa_templat_dan_makro(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "-q", "-w", str(tmp_path)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        if os.environ.get("RENJA_XL_WAJIB"):
            pytest.fail(r.stderr[-2000:])
        pytest.skip("pip wheel gagal (butuh akses PyPI untuk setuptools): " + r.stderr[-300:])
    whl = next(tmp_path.glob("renja_xl-*.whl"))
    with zipfile.ZipFile(whl) as z:
        nama = set(z.namelist())
        z.extractall(tmp_path / "site")
    for f in ("templates/e81.xlsx", "templates/data_induk.xlsx", "macros/ribbon.xml", "addin/renja_xl.xlam"):
        assert f"renja_xl/_berkas/{f}" in nama, f
    assert {"renja_xl/data/pasang.bat", "renja_xl/data/lepas.bat"} <= nama  # the bundle's scripts
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    r = subprocess.run([sys.executable, "-c", _SKRIP, str(tmp_path)], capture_output=True, text=True, env=env,
                       cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    asal, ukuran, xlam = r.stdout.split()
    assert asal.startswith(str(tmp_path / "site")) and int(ukuran) > 10_000 and int(xlam) > 10_000


# ------------------------------------------------------------------------------------------- Windows bundle
# Building the bundle downloads ~100 wheels from PyPI (about 3 minutes the first time, pip's cache makes
# later runs faster) and renders the guides with LibreOffice Writer; it is built once per test session.
# Without network or Writer a newcomer gets a skip with the reason; CI (RENJA_XL_WAJIB=1) fails instead.

import json  # noqa: E402
import re  # noqa: E402

from renja_xl import __version__, paket  # noqa: E402
from renja_xl.galat import GalatPengguna  # noqa: E402


def _lewati(alasan: str) -> None:
    if os.environ.get("RENJA_XL_WAJIB") == "1":
        pytest.fail(f"WAJIB di CI: {alasan}")
    pytest.skip(alasan)


@pytest.fixture(scope="session")
def bundel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle built from this checkout; RENJA_XL_BUNDEL=path.zip reuses one built by
    ``renja-xl paket windows`` from the same checkout (saves the download when iterating on these tests)."""
    if os.environ.get("RENJA_XL_BUNDEL"):
        return Path(os.environ["RENJA_XL_BUNDEL"])
    folder = tmp_path_factory.mktemp("bundel")
    try:
        hasil = paket.bangun_bundel(folder)
    except GalatPengguna as e:
        _lewati("bundel Windows tidak dapat dibangun (butuh PyPI dan LibreOffice Writer): " + e.teks()[-600:])
    return hasil.berkas


@pytest.fixture(scope="session")
def isi_bundel(bundel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    keluar = tmp_path_factory.mktemp("isi")
    with zipfile.ZipFile(bundel) as z:
        z.extractall(keluar)
    (akar,) = keluar.iterdir()
    return akar


def test_bundel_lengkap(bundel: Path, isi_bundel: Path) -> None:
    assert bundel.name == f"renja-xl-{__version__}-windows.zip"
    assert isi_bundel.name == f"renja-xl-{__version__}-windows"
    for nama in ("pasang.bat", "lepas.bat", "BACA-SAYA.txt", "panduan-addin.pdf", "untuk-admin-ti.pdf",
                 "renja_xl.xlam", paket.MANIFES):
        assert (isi_bundel / nama).is_file(), nama
    from renja_xl.addin import bangun_bytes

    assert (isi_bundel / "renja_xl.xlam").read_bytes() == bangun_bytes()
    for bat in ("pasang.bat", "lepas.bat"):
        assert (isi_bundel / bat).read_bytes() == paket.skrip(bat, __version__)
    for pdf in ("panduan-addin.pdf", "untuk-admin-ti.pdf"):
        data = (isi_bundel / pdf).read_bytes()
        assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", data)) >= 2, pdf


def test_pdf_panduan_berisi_langkah(isi_bundel: Path) -> None:
    import shutil as sh
    import subprocess as sp

    if not sh.which("pdftotext"):
        _lewati("pdftotext (poppler-utils) tidak terpasang")
    teks = sp.run(["pdftotext", "-layout", str(isi_bundel / "panduan-addin.pdf"), "-"], capture_output=True,
                  text=True).stdout
    for kalimat in ("Langkah 2", "pasang.bat", "Add python.exe to PATH", "CAPAIAN_KET", "Ctrl+Shift+Enter",
                    "Hal pertama yang dicoba di PC Windows"):
        assert kalimat in teks, kalimat
    staf = " ".join(teks.split("Untuk pengembang")[0].split())
    kalimat = [k for k in re.split(r"(?<=[.:])\s", staf) if "Trust access" in k]
    assert kalimat and all("tidak perlu" in k for k in kalimat), kalimat   # staff steps need no trust setting


@pytest.mark.parametrize("versi_python", paket.VERSI_PYTHON)
def test_roda_windows_untuk_setiap_python(isi_bundel: Path, versi_python: str) -> None:
    """Every wheel CPython x.y on 64-bit Windows needs is there, as win_amd64 or pure, with Windows'
    own dependencies (pywin32 for xlwings, colorama for typer) and nothing else."""
    manifes = json.loads((isi_bundel / paket.MANIFES).read_text(encoding="utf-8"))
    berkas = manifes["roda"][versi_python]
    roda = {r.nama: r for r in (paket.baca_roda(isi_bundel / paket.FOLDER_RODA / b) for b in berkas)}
    assert len(roda) == len(berkas)
    for r in roda.values():
        assert r.cocok(versi_python), r.berkas
        assert all(t.endswith(("-win_amd64", "-any")) for t in r.tag), r.berkas
        assert hashlib.sha256((isi_bundel / paket.FOLDER_RODA / r.berkas).read_bytes()).hexdigest() \
            == manifes["sha256"][r.berkas]
    t = paket.tutupan(roda, "renja-xl", versi_python)
    assert not t.kurang and not t.bentrok and t.terpakai == set(roda)
    assert {"renja-xl", "xlwings", "pywin32", "openpyxl"} <= set(roda)
    assert roda["renja-xl"].versi == __version__
    binar = [r for r in roda.values() if not r.berkas.endswith("-any.whl")]
    cp = "cp" + versi_python.replace(".", "")
    assert binar and all(f"-{cp}-" in r.berkas for r in binar)
    # only base dependencies: the project's optional extras are never bundled
    from importlib import metadata

    opsional = {paket.kanonik(re.split(r"[ ;<>=!~\[]", d, maxsplit=1)[0])
                for d in metadata.requires("renja-xl") or [] if "extra ==" in d}
    dasar = {paket.kanonik(re.split(r"[ ;<>=!~\[]", d, maxsplit=1)[0])
             for d in metadata.requires("renja-xl") or [] if "extra ==" not in d}
    assert not (opsional - dasar) & set(roda)


@pytest.mark.parametrize("versi_python", paket.VERSI_PYTHON)
def test_pip_memasang_dari_bundel_tanpa_indeks(isi_bundel: Path, versi_python: str, tmp_path: Path) -> None:
    """pip itself resolves renja-xl from the bundle alone for Windows + CPython x.y (a second resolver
    next to the markers walk above)."""
    import subprocess as sp

    laporan = tmp_path / "laporan.json"
    r = sp.run([sys.executable, "-m", "pip", "install", "--dry-run", "--disable-pip-version-check", "--no-index",
                "--find-links", str(isi_bundel / paket.FOLDER_RODA), "--platform", "win_amd64",
                "--python-version", versi_python, "--implementation", "cp", "--only-binary=:all:",
                "--target", str(tmp_path / "T"), "--report", str(laporan), f"renja-xl=={__version__}"],
               capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    dipasang = {Path(i["download_info"]["url"]).name for i in json.loads(laporan.read_text())["install"]}
    manifes = json.loads((isi_bundel / paket.MANIFES).read_text(encoding="utf-8"))
    assert f"renja_xl-{__version__}-py3-none-any.whl" in dipasang
    assert dipasang <= set(manifes["roda"][versi_python])


def test_periksa_bundel_terhadap_pemasangan_ini(bundel: Path) -> None:
    from typer.testing import CliRunner

    from renja_xl.cli import app

    r = CliRunner().invoke(app, ["versi", "--periksa-bundel", str(bundel)])
    assert r.exit_code == 0, r.output
    assert f"renja-xl {__version__}" in r.output and "Bundel " + bundel.name in " ".join(r.output.split())
    # renja-xl itself is the same version here: it is never listed as a change
    assert "renja-xl:" not in r.output
