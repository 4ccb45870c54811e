"""The pure core stays pure: no spreadsheet library, no shell module, no file I/O — read from the source
(what each module writes) and from a fresh interpreter (what importing it drags in)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
INTI = ("kode", "angka", "capaian", "predikat", "pemda", "formulir", "meta", "nomenklatur.validasi",
        "nomenklatur.katalog")
PUSTAKA_TERLARANG = ("openpyxl", "xlwings", "python_calamine", "os", "shutil", "subprocess", "tempfile",
                     "pathlib", "csv", "io", "zipfile", "sqlite3")
# the shells: reading/writing workbooks and files, the CLI, the Excel add-in, the checker and generator
SHELL = ("renja_xl.buku", "renja_xl.data_induk", "renja_xl.generator", "renja_xl.periksa", "renja_xl.cli",
         "renja_xl.udf", "renja_xl.macros", "renja_xl.libreoffice", "renja_xl.nomenklatur.simpan",
         "renja_xl.nomenklatur.impor", "renja_xl.skala_berkas", "renja_xl.contoh", "renja_xl.addin")
# names that only ever mean file I/O (``list.remove`` or ``str.replace`` would be false alarms)
PANGGILAN_IO = {"open", "read_text", "write_text", "read_bytes", "write_bytes", "mkdir", "unlink", "iterdir",
                "rglob", "is_file", "is_dir", "listdir", "makedirs", "rmdir", "getenv", "popen"}


def _berkas(modul: str) -> Path:
    return REPO / "renja_xl" / (modul.replace(".", "/") + ".py")


def _impor_di_luar_type_checking(pohon: ast.Module) -> list[str]:
    """Every imported module name, except under ``if TYPE_CHECKING:`` (annotations only)."""
    nama: list[str] = []

    def jalan(node: ast.AST) -> None:
        for anak in ast.iter_child_nodes(node):
            if isinstance(anak, ast.If) and "TYPE_CHECKING" in ast.unparse(anak.test):
                continue
            if isinstance(anak, ast.Import):
                nama.extend(a.name for a in anak.names)
            elif isinstance(anak, ast.ImportFrom) and anak.module and not anak.level:
                nama.append(anak.module)
            jalan(anak)

    jalan(pohon)
    return nama


@pytest.mark.parametrize("modul", INTI)
def test_sumber_inti_tanpa_pustaka_lembar_dan_io(modul: str) -> None:
    pohon = ast.parse(_berkas(modul).read_text(encoding="utf-8"))
    impor = _impor_di_luar_type_checking(pohon)
    assert impor, modul
    for m in impor:
        akar = m.split(".")[0]
        assert akar not in PUSTAKA_TERLARANG, f"{modul} mengimpor {m}"
        assert not any(m == s or m.startswith(s + ".") for s in SHELL), f"{modul} mengimpor shell {m}"
    for node in ast.walk(pohon):
        if isinstance(node, ast.Call):
            f = node.func
            nama = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            assert nama not in PANGGILAN_IO, f"{modul} baris {node.lineno}: {ast.unparse(node)[:80]}"
        if isinstance(node, ast.Attribute) and node.attr == "environ":
            pytest.fail(f"{modul} baris {node.lineno} membaca os.environ")


def test_impor_inti_tidak_membawa_shell() -> None:
    """Importing every core module in a fresh interpreter loads no spreadsheet library and no shell."""
    kode = ("import json, sys\n" + "".join(f"import renja_xl.{m}\n" for m in INTI)
            + "print(json.dumps(sorted(sys.modules)))")
    r = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, cwd=REPO, check=True,
                       env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    dimuat = set(json.loads(r.stdout))
    for lib in ("openpyxl", "xlwings", "python_calamine"):
        assert lib not in dimuat
    assert not [m for m in dimuat if any(m == s or m.startswith(s + ".") for s in SHELL)]


def test_uji_ini_menangkap_pelanggaran(tmp_path: Path) -> None:
    """The source check above does see a forbidden import and a file read (it could fail)."""
    pohon = ast.parse("import openpyxl\nfrom pathlib import Path\nx = open('a').read()\n")
    assert {"openpyxl", "pathlib"} <= set(_impor_di_luar_type_checking(pohon))
    assert any(isinstance(n, ast.Call) and getattr(n.func, "id", "") == "open" for n in ast.walk(pohon))
    pohon = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pathlib import Path\n")
    assert _impor_di_luar_type_checking(pohon) == ["typing"]
