"""The offline Windows bundle: ``renja-xl-<versi>-windows.zip`` (``renja-xl paket windows``).

An office PC often has slow or filtered internet and nobody who builds wheels. The bundle holds
everything ``pip`` needs with ``--no-index``: the project's wheel and every base dependency as a
``win_amd64`` or pure wheel for each supported CPython, plus the add-in, the staff guide as PDF, and
``pasang.bat`` / ``lepas.bat`` (per-user install, no admin rights). Optional extras are not bundled.

``pip download --platform win_amd64`` picks wheels for Windows but evaluates environment markers for the
machine it runs on: on Linux it leaves out ``pywin32`` (xlwings needs it on Windows) and ``colorama``.
So after each download the dependency closure is recomputed with Windows markers (``packaging``), the
missing requirements are downloaded too, and wheels Windows would not install are dropped.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from email.parser import Parser
from pathlib import Path

from renja_xl.galat import GalatPengguna

VERSI_PYTHON: tuple[str, ...] = ("3.11", "3.12", "3.13", "3.14")
PLATFORM = "win_amd64"
NAMA_PROYEK = "renja-xl"
FOLDER_RODA = "wheels"
MANIFES = "bundel.json"
_DATA = Path(__file__).resolve().parent / "data"
_WAKTU_ZIP = (1980, 1, 1, 0, 0, 0)


def nama_bundel(versi: str) -> str:
    return f"renja-xl-{versi}-windows.zip"


def kanonik(nama: str) -> str:
    """PEP 503 normalised project name (``Jinja2`` -> ``jinja2``, ``typing_extensions`` -> ``typing-extensions``)."""
    return re.sub(r"[-_.]+", "-", nama).lower()


# ------------------------------------------------------------------------------------------- wheels

@dataclass(frozen=True)
class Roda:
    """One wheel file with what its METADATA says."""

    berkas: str
    nama: str            # canonical
    versi: str
    tag: tuple[str, ...]  # "cp312-cp312-win_amd64", ...
    butuh: tuple[str, ...] = ()

    def cocok(self, versi_python: str) -> bool:
        """Installable by CPython ``versi_python`` on 64-bit Windows."""
        from packaging.tags import cpython_tags, compatible_tags

        v = tuple(int(x) for x in versi_python.split("."))
        dukung = {str(t) for t in cpython_tags(v, platforms=[PLATFORM])}
        dukung |= {str(t) for t in compatible_tags(v, platforms=[PLATFORM])}
        return any(t in dukung for t in self.tag)


def baca_roda(path: Path | str, data: bytes | None = None) -> Roda:
    """Name, version, tags and Requires-Dist of a wheel (file path, or its bytes)."""
    from packaging.utils import parse_wheel_filename

    nama_berkas = Path(path).name
    nama, versi, _build, tag = parse_wheel_filename(nama_berkas)
    with zipfile.ZipFile(io.BytesIO(data) if data is not None else path) as z:
        meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA") and n.count("/") == 1)
        isi = Parser().parsestr(z.read(meta).decode("utf-8"))
    return Roda(nama_berkas, str(nama), str(versi), tuple(sorted(str(t) for t in tag)),
                tuple(isi.get_all("Requires-Dist") or ()))


def lingkungan_windows(versi_python: str) -> dict[str, str]:
    """PEP 508 marker environment of CPython ``versi_python`` on 64-bit Windows."""
    return {
        "implementation_name": "cpython", "implementation_version": f"{versi_python}.0",
        "os_name": "nt", "platform_machine": "AMD64", "platform_python_implementation": "CPython",
        "platform_release": "10", "platform_system": "Windows", "platform_version": "10.0.19045",
        "python_full_version": f"{versi_python}.0", "python_version": versi_python, "sys_platform": "win32",
        "extra": "",
    }


@dataclass
class Tutupan:
    """The wheels Windows would install for the project: reached names, missing and unmet requirements."""

    terpakai: set[str] = field(default_factory=set)
    kurang: list[str] = field(default_factory=list)
    bentrok: list[str] = field(default_factory=list)


def tutupan(roda: dict[str, Roda], akar: str, versi_python: str) -> Tutupan:
    """Walk Requires-Dist from ``akar`` with Windows markers for ``versi_python`` (no extras)."""
    from packaging.requirements import Requirement

    env = lingkungan_windows(versi_python)
    hasil = Tutupan()
    antre = [kanonik(akar)]
    while antre:
        nama = antre.pop()
        if nama in hasil.terpakai:
            continue
        hasil.terpakai.add(nama)
        for teks in roda[nama].butuh:
            req = Requirement(teks)
            if req.marker is not None and not req.marker.evaluate(env):
                continue
            anak = kanonik(req.name)
            if anak not in roda:
                polos = Requirement(teks)
                polos.marker = None
                if str(polos) not in hasil.kurang:
                    hasil.kurang.append(str(polos))
            elif not req.specifier.contains(roda[anak].versi, prereleases=True):
                hasil.bentrok.append(f"{nama} butuh {req}, bundel berisi {anak} {roda[anak].versi}")
            else:
                antre.append(anak)
    return hasil


def _pip(*args: str) -> None:
    r = subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True)
    if r.returncode != 0:
        raise GalatPengguna("pip gagal mengunduh paket untuk bundel Windows",
                            saran="Periksa koneksi ke PyPI. Pesan pip: " + r.stderr.strip()[-800:])


def unduh_untuk(versi_python: str, wheel_proyek: Path, folder: Path) -> dict[str, Roda]:
    """Every wheel CPython ``versi_python`` on Windows needs for the project, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    dasar = ["download", "--disable-pip-version-check", "--only-binary=:all:", "--platform", PLATFORM,
             "--python-version", versi_python, "--implementation", "cp", "-d", str(folder)]
    _pip(*dasar, str(wheel_proyek))
    proyek = baca_roda(wheel_proyek).nama
    for _ in range(10):
        roda = {r.nama: r for r in (baca_roda(p) for p in sorted(folder.glob("*.whl")))}
        t = tutupan(roda, proyek, versi_python)
        if t.bentrok:
            raise GalatPengguna(f"versi paket bertentangan untuk Python {versi_python}: " + "; ".join(t.bentrok))
        if not t.kurang:
            break
        _pip(*dasar, *t.kurang)  # what Windows markers ask for and the host's markers left out (pywin32)
    else:
        raise GalatPengguna(f"dependensi Windows untuk Python {versi_python} tidak lengkap: {t.kurang}")
    for nama, r in roda.items():
        if nama not in t.terpakai:  # asked for by the host's markers only
            (folder / r.berkas).unlink()
    return {n: r for n, r in roda.items() if n in t.terpakai}


# ------------------------------------------------------------------------------------------- build

def wheel_proyek(tujuan: Path) -> Path:
    """The project's own wheel, built from the repo (with templates, macros and the add-in inside)."""
    from renja_xl.sumber import _REPO

    if not (_REPO / "pyproject.toml").is_file():
        raise GalatPengguna("bundel Windows dibuat dari salinan repo renja-xl (pyproject.toml tidak ditemukan)",
                            berkas=_REPO)
    _pip("wheel", "--disable-pip-version-check", "--no-deps", "-q", "-w", str(tujuan), str(_REPO))
    return next(tujuan.glob("renja_xl-*.whl"))


_CSS = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; }
h1, h2, h3 { font-family: 'DejaVu Sans', Arial, sans-serif; }
h1 { font-size: 18pt; color: #1f4e79; } h2 { font-size: 14pt; color: #1f4e79; margin-top: 14pt; }
h3 { font-size: 12pt; } code, pre { font-family: 'DejaVu Sans Mono', monospace; font-size: 9.5pt; }
pre { background: #f2f2f2; padding: 4pt; } table { border-collapse: collapse; }
td, th { border: 1px solid #999; padding: 2pt 4pt; vertical-align: top; } th { background: #dde7f0; }
blockquote { border-left: 3pt solid #9bb7d4; margin-left: 0; padding-left: 6pt; color: #333; }
"""


def html_dari_markdown(teks: str, judul: str) -> str:
    """Markdown (CommonMark + tables, via markdown-it-py, already a dependency of rich) as a whole HTML page."""
    from markdown_it import MarkdownIt

    badan = MarkdownIt("commonmark", {"html": False}).enable("table").render(teks)
    # Writer's HTML import draws cell borders from the table attributes, not from CSS
    badan = badan.replace("<table>", '<table border="1" cellspacing="0" cellpadding="4" width="100%">')
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{html.escape(judul)}</title>'
            f"<style>{_CSS}</style></head><body>{badan}</body></html>")


def pdf_dari_markdown(md: Path, pdf: Path) -> Path:
    """Render a Markdown guide to PDF through LibreOffice Writer (HTML import, PDF export)."""
    from renja_xl.libreoffice import cari_soffice

    soffice = cari_soffice()
    if soffice is None:
        raise GalatPengguna("LibreOffice tidak terpasang: panduan PDF untuk bundel tidak dapat dibuat",
                            saran="Pasang LibreOffice (Debian/Ubuntu: apt-get install -y libreoffice-writer-nogui; "
                                  "Windows: https://www.libreoffice.org/download/), lalu ulangi.")
    with tempfile.TemporaryDirectory(prefix="renja-xl-pdf-") as tmp:
        sumber = Path(tmp) / (pdf.stem + ".html")
        sumber.write_text(html_dari_markdown(md.read_text(encoding="utf-8"), pdf.stem), encoding="utf-8")
        profil = Path(tmp) / "profil"
        r = subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation={profil.as_uri()}",
                            "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export",
                            "--outdir", tmp, str(sumber)], capture_output=True, text=True, timeout=300)
        hasil = Path(tmp) / (pdf.stem + ".pdf")
        if r.returncode != 0 or not hasil.is_file():
            raise GalatPengguna("LibreOffice gagal membuat PDF panduan",
                                saran="LibreOffice Writer dibutuhkan (paket libreoffice-writer-nogui). Pesan: "
                                      + (r.stderr or r.stdout).strip()[-400:])
        pdf.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(hasil, pdf)
    return pdf


def skrip(nama: str, versi: str, versi_python: tuple[str, ...] = VERSI_PYTHON) -> bytes:
    """``pasang.bat`` / ``lepas.bat`` for this version: CRLF line ends (cmd.exe mis-reads labels in LF files)."""
    urut = sorted(versi_python, key=lambda v: tuple(map(int, v.split("."))))
    teks = (_DATA / nama).read_text(encoding="ascii")
    ganti = {
        "@VERSI@": versi,
        "@PYTHON_DAFTAR@": f"{urut[0]} s.d. {urut[-1]}",
        "@PYTHON_TERBARU@": urut[-1],
        "@PYTHON_URUT@": " ".join(reversed(urut)),
        "@PYTHON_SYARAT@": "({}, {}) <= sys.version_info[:2] <= ({}, {})".format(
            *urut[0].split("."), *urut[-1].split(".")),
    }
    for k, v in ganti.items():
        teks = teks.replace(k, v)
    return teks.replace("\r\n", "\n").replace("\n", "\r\n").encode("ascii")


def _baca_saya(versi: str, versi_python: tuple[str, ...]) -> bytes:
    teks = f"""Renja-XL {versi} untuk Windows (tanpa internet)
{'=' * 48}

1. Ekstrak seluruh isi zip ini ke satu folder (klik kanan > Extract All).
2. Pastikan Python 64-bit dari python.org (versi {', '.join(versi_python)}) sudah terpasang,
   dengan kotak "Add python.exe to PATH" dicentang saat memasang.
3. Tutup Excel, lalu klik dua kali pasang.bat.
4. Buka Excel: tab "Renja-XL" muncul dan fungsi =CAPAIAN(...) dapat dipakai.

Untuk melepas: klik dua kali lepas.bat.
Panduan lengkap: panduan-addin.pdf. Untuk admin TI: untuk-admin-ti.pdf.
Pemasangan ini tidak mengunduh apa pun dan tidak membutuhkan hak administrator.
"""
    return teks.replace("\n", "\r\n").encode("utf-8")


@dataclass
class HasilBundel:
    berkas: Path
    roda: dict[str, list[str]]   # python version -> wheel files it installs


def bangun_bundel(keluaran: Path | str, versi_python: tuple[str, ...] = VERSI_PYTHON, *,
                  kerja: Path | None = None) -> HasilBundel:
    """Write ``renja-xl-<versi>-windows.zip`` into the folder ``keluaran``. Needs PyPI, LibreOffice Writer
    and a clone of the repo (for the project wheel and the guides)."""
    from renja_xl import __version__
    from renja_xl.addin import NAMA_ADDIN, bangun_bytes
    from renja_xl.libreoffice import cari_soffice
    from renja_xl.sumber import _REPO

    if cari_soffice() is None:  # checked before minutes of downloading
        pdf_dari_markdown(Path("tidak-ada.md"), Path("tidak-ada.pdf"))
    keluaran = Path(keluaran)
    tmp = Path(tempfile.mkdtemp(prefix="renja-xl-bundel-")) if kerja is None else Path(kerja)
    try:
        proyek = wheel_proyek(tmp / "proyek")
        roda_per_versi: dict[str, dict[str, Roda]] = {}
        for v in versi_python:
            roda_per_versi[v] = unduh_untuk(v, proyek, tmp / f"py{v}")
        docs = _REPO / "docs"
        pdf = {n: pdf_dari_markdown(docs / f"{n}.md", tmp / "pdf" / f"{n}.pdf")
               for n in ("panduan-addin", "untuk-admin-ti")}
        akar = f"renja-xl-{__version__}-windows/"
        semua: dict[str, Path] = {}
        for v, roda in roda_per_versi.items():
            for r in roda.values():
                semua.setdefault(r.berkas, tmp / f"py{v}" / r.berkas)
        manifes = {
            "versi": __version__, "platform": PLATFORM, "python": list(versi_python),
            "roda": {v: sorted(r.berkas for r in roda.values()) for v, roda in roda_per_versi.items()},
            "sha256": {n: hashlib.sha256(p.read_bytes()).hexdigest() for n, p in sorted(semua.items())},
        }
        isi: list[tuple[str, bytes | Path]] = [
            ("pasang.bat", skrip("pasang.bat", __version__, versi_python)),
            ("lepas.bat", skrip("lepas.bat", __version__, versi_python)),
            ("BACA-SAYA.txt", _baca_saya(__version__, versi_python)),
            ("panduan-addin.pdf", pdf["panduan-addin"]),
            ("untuk-admin-ti.pdf", pdf["untuk-admin-ti"]),
            (NAMA_ADDIN, bangun_bytes()),
            (MANIFES, json.dumps(manifes, indent=1, ensure_ascii=False).encode("utf-8")),
        ] + [(f"{FOLDER_RODA}/{n}", p) for n, p in sorted(semua.items())]
        keluaran.mkdir(parents=True, exist_ok=True)
        tujuan = keluaran / nama_bundel(__version__)
        sementara = tujuan.with_name(f".{tujuan.name}.sementara")
        with zipfile.ZipFile(sementara, "w") as z:
            for nama, data in isi:
                info = zipfile.ZipInfo(akar + nama, date_time=_WAKTU_ZIP)
                info.external_attr = 0o644 << 16
                # wheels and PDFs are compressed already
                info.compress_type = zipfile.ZIP_STORED if nama.endswith((".whl", ".pdf", ".xlam")) \
                    else zipfile.ZIP_DEFLATED
                z.writestr(info, data.read_bytes() if isinstance(data, Path) else data)
        sementara.replace(tujuan)
        return HasilBundel(tujuan, manifes["roda"])
    finally:
        if kerja is None:
            shutil.rmtree(tmp, ignore_errors=True)


# ------------------------------------------------------------------------------------------- update check

@dataclass(frozen=True)
class Perubahan:
    nama: str
    terpasang: str | None
    bundel: str

    @property
    def jenis(self) -> str:
        from packaging.version import Version

        if self.terpasang is None:
            return "baru"
        a, b = Version(self.terpasang), Version(self.bundel)
        return "naik" if b > a else "turun" if b < a else "sama"


def isi_bundel(bundel: Path | str, versi_python: str) -> dict[str, str]:
    """Project -> version that the bundle would install on CPython ``versi_python`` (from its wheels)."""
    bundel = Path(bundel)
    if not bundel.is_file():
        raise GalatPengguna("berkas bundel tidak ditemukan", berkas=bundel)
    try:
        with zipfile.ZipFile(bundel) as z:
            nama = [n for n in z.namelist() if n.endswith(".whl") and f"/{FOLDER_RODA}/" in f"/{n}"]
            roda = [baca_roda(n, z.read(n)) for n in nama]
    except zipfile.BadZipFile:
        raise GalatPengguna("berkas ini bukan bundel zip renja-xl", berkas=bundel) from None
    if not roda:
        raise GalatPengguna("bundel tidak berisi folder wheels", berkas=bundel,
                            saran=f"Pakai berkas {nama_bundel('<versi>')} dari 'renja-xl paket windows'.")
    hasil: dict[str, str] = {}
    from packaging.version import Version

    for r in roda:
        if r.cocok(versi_python) and (r.nama not in hasil or Version(r.versi) > Version(hasil[r.nama])):
            hasil[r.nama] = r.versi
    return hasil


def periksa_bundel(bundel: Path | str, versi_python: str | None = None,
                   terpasang: dict[str, str | None] | None = None) -> list[Perubahan]:
    """What installing ``bundel`` here would change: one entry per package whose version differs.
    ``terpasang`` (tests) maps package -> installed version; default: this Python's installed packages."""
    from importlib import metadata

    v = versi_python or f"{sys.version_info[0]}.{sys.version_info[1]}"
    isi = isi_bundel(bundel, v)
    if not isi:
        raise GalatPengguna(f"bundel tidak berisi paket untuk Python {v}", berkas=Path(bundel))
    if terpasang is None:
        terpasang = {}
        for nama in isi:
            try:
                terpasang[nama] = metadata.version(nama)
            except metadata.PackageNotFoundError:
                terpasang[nama] = None
    beda = [Perubahan(n, terpasang.get(n), isi[n]) for n in sorted(isi)]
    return [p for p in beda if p.jenis != "sama"]


def laporan_periksa(perubahan: list[Perubahan], bundel: Path | str) -> str:
    """Indonesian text of :func:`periksa_bundel` for the CLI."""
    nama = Path(bundel).name
    if not perubahan:
        return f"Bundel {nama} tidak mengubah apa pun: renja-xl dan semua pustakanya sudah versi yang sama."
    kata = {"baru": "baru dipasang", "naik": "diperbarui", "turun": "DITURUNKAN ke versi lebih lama"}
    baris = [f"Bundel {nama} akan mengubah {len(perubahan)} paket (jalankan pasang.bat dari bundel itu):"]
    for p in perubahan:
        dari = p.terpasang or "belum ada"
        baris.append(f"  - {p.nama}: {dari} -> {p.bundel} ({kata[p.jenis]})")
    if any(p.jenis == "turun" for p in perubahan):
        baris.append("Perhatian: bundel ini lebih lama dari yang terpasang untuk paket bertanda DITURUNKAN.")
    return "\n".join(baris)

