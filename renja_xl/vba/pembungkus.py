"""The VBA wrappers of the worksheet functions, written at build time the way xlwings' *Import Functions* does.

xlwings' *Import Functions* button runs ``xlwings.udfs.import_udfs``: it writes one VBA ``Function`` per
Python UDF with ``generate_vba_wrapper`` into a module ``xlwings_udfs``, imports that module into the
workbook through the VBA object model (hence "Trust access to the VBA project object model"), and then
sets each function's help text, argument help and category with ``Application.MacroOptions``. Here the
same generator writes the same module before Excel ever sees the add-in, and a second module,
``FungsiRenjaXL``, holds those ``MacroOptions`` calls; ``ThisWorkbook.Workbook_Open`` runs them when the
add-in loads (``MacroOptions`` needs no trust setting). So the functions work the moment the add-in loads.

``generate_vba_wrapper`` lives in ``xlwings.udfs``, which imports pywin32 at the top although writing
text needs none of it: without pywin32 (Linux, macOS) it runs in a child process with stand-in pywin32
modules, which is also where ``renja_xl.udf`` registers its functions with xlwings' real decorators.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from renja_xl.galat import GalatPengguna

MODUL_PEMBUNGKUS = "xlwings_udfs"     # the module name xlwings' Import Functions replaces (fallback path)
MODUL_KETERANGAN = "FungsiRenjaXL"
PROSEDUR_KETERANGAN = "DaftarkanFungsi"

_SKRIP = r'''
import io, json, sys, types
try:
    import pythoncom  # noqa: F401  (Windows: the real pywin32)
except ImportError:
    for nama in ("pythoncom", "pywintypes", "win32com", "win32com.client"):
        sys.modules[nama] = types.ModuleType(nama)
    sys.modules["pythoncom"].CoInitialize = lambda: None
    sys.modules["pywintypes"].com_error = OSError
    sys.modules["win32com.client"].Dispatch = lambda *a, **k: None
    sys.modules["win32com"].client = sys.modules["win32com.client"]
import xlwings.udfs as xu
import importlib
modul = importlib.import_module(sys.argv[1])


class Buku:  # generate_vba_wrapper only asks the workbook's name (.xlam -> ActiveWorkbook)
    Name = sys.argv[2]


teks = io.StringIO()
xu.generate_vba_wrapper(sys.argv[1], modul, teks, Buku())
fungsi = []
for nama in sorted(dir(modul)):
    f = getattr(modul, nama)
    info = getattr(f, "__xlfunc__", None)
    if info is None or info["name"] != nama:
        continue
    fungsi.append({"nama": nama, "kategori": info["category"], "bantuan": info["ret"]["doc"],
                   "argumen": [[a["name"], a["doc"]] for a in info["args"] if not a["vba"]],
                   "lewat_vba": [a["name"] for a in info["args"] if a["vba"]]})
json.dump({"vba": teks.getvalue(), "fungsi": fungsi}, sys.stdout)
'''


@dataclass(frozen=True)
class Fungsi:
    """One worksheet function as xlwings registered it."""

    nama: str
    kategori: str
    bantuan: str
    argumen: tuple[tuple[str, str], ...]   # (name, help) of the arguments Excel's user types


@dataclass(frozen=True)
class Pembungkus:
    """The two generated modules' sources and the functions they cover."""

    vba: str          # module xlwings_udfs
    keterangan: str   # module FungsiRenjaXL
    fungsi: tuple[Fungsi, ...]


@lru_cache(maxsize=4)
def buat(modul_udf: str = "renja_xl.udf", nama_buku: str = "renja_xl.xlam") -> Pembungkus:
    """Generate the wrappers of ``modul_udf`` with the installed xlwings (same text on every OS)."""
    import renja_xl

    akar = str(Path(renja_xl.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([akar, *filter(None, [os.environ.get("PYTHONPATH")])]),
           "PYTHONIOENCODING": "utf-8"}
    r = subprocess.run([sys.executable, "-c", _SKRIP, modul_udf, nama_buku], capture_output=True, env=env,
                       timeout=300)
    if r.returncode != 0:
        raise GalatPengguna("pembungkus VBA fungsi Excel tidak dapat dibuat dengan xlwings",
                            saran="Pastikan xlwings versi yang dipatok terpasang. Pesan: "
                                  + r.stderr.decode("utf-8", "replace")[-600:])
    data = json.loads(r.stdout.decode("utf-8"))
    fungsi = tuple(Fungsi(f["nama"], f["kategori"], f["bantuan"], tuple(map(tuple, f["argumen"])))
                   for f in data["fungsi"])
    return Pembungkus(modul_pembungkus(data["vba"], fungsi), modul_keterangan(fungsi), fungsi)


def _teks_vba(s: str) -> str:
    """A VBA string literal (quotes doubled; one line)."""
    return '"' + " ".join(s.split()).replace('"', '""') + '"'


def modul_pembungkus(vba: str, fungsi: tuple[Fungsi, ...]) -> str:
    """The module xlwings' ``import_udfs`` would import (same header), each function's description
    attribute added below its declaration, as Excel stores a ``MacroOptions`` description."""
    bantuan = {f.nama: f.bantuan for f in fungsi}
    baris = ['Attribute VB_Name = "xlwings_udfs"',
             "'Autogenerated code by xlwings - changes will be lost with next import!",
             """#Const App = "Microsoft Excel" 'Adjust when using outside of Excel"""]
    for b in vba.splitlines():
        baris.append(b)
        kata = b.split("(", 1)[0].split()
        if len(kata) == 2 and kata[0] == "Function" and kata[1] in bantuan:
            baris.append(f"Attribute {kata[1]}.VB_Description = {_teks_vba(bantuan[kata[1]][:255])}")
    return "\n".join(baris) + "\n"


def modul_keterangan(fungsi: tuple[Fungsi, ...]) -> str:
    """``Application.MacroOptions`` for every function: what xlwings' import does after writing the
    wrappers (description, category, argument help; Excel 2010+), run by ThisWorkbook.Workbook_Open."""
    baris = [f'Attribute VB_Name = "{MODUL_KETERANGAN}"',
             "' Dibuat otomatis oleh 'renja-xl addin bangun' dari renja_xl/udf.py; jangan diubah dengan tangan.",
             "' Keterangan, kategori dan bantuan argumen setiap fungsi untuk kotak Insert Function (fx).",
             "' Application.MacroOptions tidak membutuhkan 'Trust access to the VBA project object model'.",
             "Option Explicit",
             "",
             f"Public Sub {PROSEDUR_KETERANGAN}()",
             "    On Error Resume Next",
             "    Dim buku As String",
             "    buku = \"'\" & ThisWorkbook.Name & \"'!\""]
    for f in fungsi:
        argumen = ", ".join(_teks_vba(doc[:255]) for _nama, doc in f.argumen)
        baris += [f"    Application.MacroOptions Macro:=buku & {_teks_vba(f.nama)}, _",
                  f"        Description:={_teks_vba(f.bantuan[:255])}, _",
                  f"        Category:={_teks_vba(f.kategori)}, _",
                  f"        ArgumentDescriptions:=Array({argumen})"]
    baris += ["    On Error GoTo 0", "End Sub"]
    return "\n".join(baris) + "\n"
