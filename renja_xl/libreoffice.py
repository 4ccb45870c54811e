"""Recalculate workbooks in real LibreOffice (headless, through UNO ``calculateAll()``) and read values.

Used by the tests (every generated workbook is verified by a real spreadsheet engine) and by the
benchmarks. The UNO bridge lives in the system Python (Debian's ``python3-uno``), which may not be the
Python running renja-xl, so the work is done by ``_lo_worker.py`` in whichever interpreter can import uno.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from renja_xl.galat import GalatPengguna

_WORKER = Path(__file__).with_name("_lo_worker.py")


@lru_cache(maxsize=1)
def cari_soffice() -> str | None:
    """Path of the soffice binary, or None when LibreOffice is not installed."""
    for nama in ("soffice", "libreoffice"):
        p = shutil.which(nama)
        if p:
            return p
    for p in ("/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"):
        if os.path.exists(p):
            return p
    return None


@lru_cache(maxsize=1)
def cari_python_uno() -> str | None:
    """An interpreter that can ``import uno``: ours first, then the system Python."""
    kandidat = [sys.executable, "/usr/bin/python3", shutil.which("python3") or ""]
    for py in kandidat:
        if not py or not os.path.exists(py):
            continue
        try:
            r = subprocess.run([py, "-c", "import uno"], capture_output=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if r.returncode == 0:
            return py
    return None


def saran_pasang(platform: str | None = None, uno: bool = False) -> str:
    """How to get LibreOffice (or, for ``uno``, its Python bridge) on this operating system, in Indonesian.

    On Windows and macOS a package-manager command means nothing to staff; there the answer is the
    installer, or simply opening the file in Excel, which recalculates every formula when it opens."""
    p = platform or sys.platform
    excel = ("atau cukup buka berkas di Microsoft Excel lalu simpan: Excel menghitung ulang semua rumus "
             "saat berkas dibuka")
    if p.startswith("win"):
        return ("pasang LibreOffice dari https://www.libreoffice.org/download/ (penginstal Windows), " + excel)
    if p == "darwin":
        return ("pasang LibreOffice dari https://www.libreoffice.org/download/ atau dengan "
                "'brew install --cask libreoffice', " + excel)
    if uno:
        return "pasang jembatan UNO: sudo apt-get install -y python3-uno (Debian/Ubuntu)"
    return ("pasang dengan: sudo apt-get install -y libreoffice-calc-nogui python3-uno (Debian/Ubuntu), "
            "atau paket LibreOffice distribusi Anda")


def tersedia(platform: str | None = None) -> str | None:
    """None when LibreOffice + UNO can be used; else the Indonesian reason why not, with the way to get it
    on this operating system."""
    if cari_soffice() is None:
        return f"LibreOffice tidak terpasang ({saran_pasang(platform)})"
    if cari_python_uno() is None:
        return f"Jembatan UNO Python tidak ada ({saran_pasang(platform, uno=True)})"
    return None


@dataclass
class Lembar:
    """One recalculated sheet: values (numbers as float, text as str, empty as ''), formulas, errors."""

    nilai: list[list[object]]
    formula: list[list[str]]
    galat: dict[str, int] = field(default_factory=dict)

    def sel(self, alamat: str) -> object:
        """Value of a cell by A1 address ('' when outside the used area)."""
        from openpyxl.utils.cell import coordinate_from_string, column_index_from_string

        kol, baris = coordinate_from_string(alamat)
        r, c = baris - 1, column_index_from_string(kol) - 1
        if r < len(self.nilai) and c < len(self.nilai[r]):
            return self.nilai[r][c]
        return ""


def hitung_ulang(berkas: list[Path], simpan_ke: list[Path | None] | None = None,
                 batas_detik: int = 600) -> list[dict[str, Lembar]]:
    """Open each file in one headless LibreOffice, ``calculateAll()``, return every sheet's values.

    ``simpan_ke`` optionally saves each recalculated workbook as .xlsx (for the benchmarks).
    """
    alasan = tersedia()
    if alasan:
        raise GalatPengguna(alasan)
    simpan_ke = simpan_ke or [None] * len(berkas)
    with tempfile.TemporaryDirectory(prefix="renjaxl_") as tmp:
        req = Path(tmp) / "req.json"
        res = Path(tmp) / "res.json"
        req.write_text(json.dumps({
            "soffice": cari_soffice(),
            "files": [{"in": str(Path(b).resolve()), "save_as": str(s) if s else None}
                      for b, s in zip(berkas, simpan_ke)],
        }), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        r = subprocess.run([cari_python_uno(), str(_WORKER), str(req), str(res)],  # type: ignore[list-item]
                           capture_output=True, text=True, timeout=batas_detik, env=env)
        if not res.exists():
            raise GalatPengguna(f"LibreOffice gagal menghitung ulang: {r.stderr.strip()[-2000:]}")
        hasil = json.loads(res.read_text(encoding="utf-8"))
    if "error" in hasil:
        raise GalatPengguna(f"LibreOffice gagal menghitung ulang: {hasil['error']}")
    keluar: list[dict[str, Lembar]] = []
    for f in hasil["files"]:
        if "error" in f:
            raise GalatPengguna(f"LibreOffice tidak dapat membuka berkas: {f['error']}", berkas=f["in"])
        keluar.append({nama: Lembar(nilai=s["values"], formula=s["formulas"], galat=s["errors"])
                       for nama, s in f["sheets"].items()})
    return keluar
