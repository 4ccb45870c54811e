"""Render workbooks to PDF with LibreOffice and read the pages back with poppler (shared by the print tests)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from conftest import _tidak_ada

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def poppler() -> None:
    """Skip (or fail under RENJA_XL_WAJIB) without pdftotext/pdfinfo."""
    if not (shutil.which("pdftotext") and shutil.which("pdfinfo")):
        _tidak_ada("poppler (pdftotext, pdfinfo) tidak terpasang (apt-get install -y poppler-utils)")


def ke_pdf(buku: list[Path], folder: Path) -> subprocess.CompletedProcess[str]:
    """One LibreOffice run converting every workbook into ``folder`` (a private profile: tests run in parallel)."""
    from renja_xl.libreoffice import cari_soffice

    profil = (folder / "profil").as_uri()
    return subprocess.run([cari_soffice(), "--headless", "--norestore", f"-env:UserInstallation={profil}",  # type: ignore[list-item]
                           "--convert-to", "pdf", "--outdir", str(folder), *map(str, buku)],
                          capture_output=True, text=True, timeout=600)


def baca_pdf(berkas: Path) -> dict[str, Any]:
    """Per page its layout text and its word heights, plus ``pdfinfo``'s output."""
    def jalan(*arg: str) -> str:
        return subprocess.run(list(arg), capture_output=True, text=True, check=True).stdout

    teks = jalan("pdftotext", "-layout", str(berkas), "-").split("\f")[:-1]
    bbox = jalan("pdftotext", "-bbox", str(berkas), "-")
    tinggi = [[float(m[3]) - float(m[1]) for m in WORD.findall(h)] for h in bbox.split("<page ")[1:]]
    return {"halaman": teks, "tinggi": tinggi, "info": jalan("pdfinfo", str(berkas)), "pdf": berkas}
