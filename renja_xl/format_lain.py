"""Which spreadsheet format a file really is (by its bytes, not its name), and what the checker can read of it.

Staff keep E.81 workbooks as .xlsx (sometimes saved by Excel as "Strict Open XML"), as old .xls (Excel
97-2003), as .xlsb or as .ods. .xlsx goes through ``buku`` (Strict mapped there); the other three are read
through python-calamine (``periksa.baca_calamine``): values everywhere, formulas where they can be read
(.ods stores them as text; an .xls's tokens are decoded by ``periksa.rumus_biff``; not .xlsb). :class:`FormatBerkas` says so, and the report repeats it.

A password-protected file (an encrypted .xlsx is an OLE container with ``EncryptionInfo``; an encrypted
.xls has a FILEPASS record) is refused with an Indonesian message; ``buku`` explains every other odd file.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from renja_xl.galat import GalatPengguna

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class FormatBerkas:
    """A workbook format and what the checker reads of it."""

    kode: str              # "xlsx", "xlsx-strict", "xls", "xlsb", "ods"
    nama: str              # as staff know it
    rumus: bool            # formulas are read (formula checks run)
    calamine: bool         # read through python-calamine, not openpyxl

    @property
    def catatan(self) -> str | None:
        """The sentence the report shows about this format (None for a plain .xlsx)."""
        if self.kode == "xlsx-strict":
            return ("Format Strict Open XML (.xlsx): ruang nama Strict dipetakan saat dibaca; nilai dan rumus "
                    "diperiksa seperti .xlsx biasa.")
        if not self.calamine:
            return None
        if self.rumus:
            return (f"Format {self.nama}: nilai dan rumus diperiksa. Salinan laporan ditulis sebagai .xlsx baru "
                    "berisi nilai saja; berkas asli tidak diubah.")
        return (f"Format {self.nama}: nilai diperiksa, rumus tidak dapat dibaca (pemeriksaan rumus dilewati). "
                "Salinan laporan ditulis sebagai .xlsx baru berisi nilai saja; berkas asli tidak diubah. "
                "Simpan sebagai .xlsx agar rumus ikut diperiksa.")


XLSX = FormatBerkas("xlsx", ".xlsx", True, False)
XLSX_STRICT = FormatBerkas("xlsx-strict", ".xlsx (Strict Open XML)", True, False)
XLS = FormatBerkas("xls", ".xls (Excel 97-2003)", False, True)
XLS_RUMUS = FormatBerkas("xls", ".xls (Excel 97-2003)", True, True)
"""An .xls whose every formula was decoded (``periksa.rumus_biff``); otherwise none is used."""
XLSB = FormatBerkas("xlsb", ".xlsb (Excel biner)", False, True)
ODS = FormatBerkas("ods", ".ods (OpenDocument)", True, True)

EKSTENSI = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
"""Extensions the checker and ``rekap`` accept (the content decides the format)."""


def terenkripsi(berkas: Path) -> GalatPengguna:
    """The one message for a password-protected workbook, whatever its format."""
    return GalatPengguna("buku kerja ini dilindungi kata sandi (terenkripsi), jadi isinya tidak dapat dibaca.",
                         berkas=berkas,
                         saran="Buka kata sandinya dulu: buka di Excel, File > Info > Proteksi Buku Kerja > "
                               "Enkripsi dengan Kata Sandi, kosongkan kata sandinya, lalu simpan ulang.")


def _ole(berkas: Path) -> FormatBerkas:
    """An OLE2 container: an .xls (stream Workbook/Book) or an encrypted OOXML workbook."""
    import olefile

    try:
        with olefile.OleFileIO(str(berkas)) as ole:
            nama = {"/".join(p).lower() for p in ole.listdir(streams=True, storages=True)}
    except Exception:  # damaged directory: leave the explanation to buku (it searches the bytes)
        return XLSX
    if "encryptioninfo" in nama or "encryptedpackage" in nama:
        raise terenkripsi(berkas)
    if "workbook" in nama or "book" in nama:
        return XLS
    return XLSX


def kenali(path: str | os.PathLike[str]) -> FormatBerkas:
    """The format of ``path`` from its signature. Anything that is not .xls/.xlsb/.ods is reported as
    XLSX: ``buku`` then reads it, or explains in Indonesian why it cannot (missing, HTML, CSV, damaged ...)."""
    berkas = Path(path)
    try:
        with open(berkas, "rb") as f:
            kepala = f.read(8)
    except OSError:
        return XLSX
    if kepala.startswith(_OLE):
        return _ole(berkas)
    if not kepala.startswith(b"PK"):
        return XLSX
    try:
        with zipfile.ZipFile(berkas) as z:
            info = {i.filename: i for i in z.infolist()}

            def kecil(n: str, batas: int) -> bytes:     # only small members: the zip-bomb checks come later
                i = info.get(n)
                return z.read(i) if i is not None and i.file_size <= batas else b""

            if b"opendocument.spreadsheet" in kecil("mimetype", 200):
                return ODS
            if any(n.lower() == "xl/workbook.bin" for n in info):
                return XLSB
            rels = kecil("_rels/.rels", 1 << 20)
    except Exception:  # damaged archive (any zipfile/zlib error): buku explains it
        return XLSX
    if b"purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" in rels:
        return XLSX_STRICT
    return XLSX

