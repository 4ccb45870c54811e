"""Build ``renja_xl.xlam`` (the Excel add-in) from text sources in ``macros/``, on any OS, reproducibly.

The package starts from xlwings' own custom add-in template of the pinned xlwings version
(``quickstart_addin_ribbon.xlam``): theme, styles and relationships are kept, and we replace
the ribbon (``macros/ribbon.xml``), the config sheet ``renja_xl.conf`` (``UDF Modules = renja_xl.udf``)
and ``vbaProject.bin``, which :mod:`renja_xl.vba` writes from ``macros/*.bas``/``*.cls`` as a source-only
project. Fixed zip timestamps, stored (not deflated) zip entries and fixed CFB contents give the same
bytes on every run and on every machine.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from renja_xl.sumber import folder as folder_berkas
from renja_xl.galat import GalatPengguna
from renja_xl.vba import Modul, bangun_vba_project, pembungkus

NAMA_ADDIN = "renja_xl.xlam"
NAMA_PROYEK = "RenjaXL"
PROJECT_NAME = "renja_xl"              # xlwings' PROJECT_NAME constant: config sheet is "renja_xl.conf"
LEMBAR_KONFIG = f"{PROJECT_NAME}.conf"
MODUL_UDF = "renja_xl.udf"
FOLDER_MAKRO = folder_berkas("macros")
_WAKTU_ZIP = (1980, 1, 1, 0, 0, 0)
_TANGGAL_DOK = "2024-01-01T00:00:00Z"
_VERSI_XLWINGS = re.compile(r'^Public Const XLWINGS_VERSION As String = "([^"]+)"', re.M)
# VB_Base of Excel's host objects (Workbook, Worksheet, Chart): only these modules are documents. A class
# module says VB_Base = "0{FCFB3D2A-...}" and is declared Class= (as in every Excel-saved project).
_BASE_DOKUMEN = frozenset({
    "{00020819-0000-0000-C000-000000000046}",  # Workbook (ThisWorkbook)
    "{00020820-0000-0000-C000-000000000046}",  # Worksheet
    "{00020821-0000-0000-C000-000000000046}",  # Chart
})
_VB_BASE = re.compile(r'^Attribute VB_Base = "0(\{[0-9A-Fa-f-]{36}\})"', re.M)
# customUI namespace -> (part name, relationship type) that Office pairs with it
NS_CUSTOMUI = {
    "http://schemas.microsoft.com/office/2006/01/customui":
        ("customUI/customUI.xml", "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility"),
    "http://schemas.microsoft.com/office/2009/07/customui":
        ("customUI/customUI14.xml", "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"),
}
_URUTAN_BAGIAN = (
    "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
    "customUI/customUI.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/theme/theme1.xml",
    "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/vbaProject.bin",
)


@dataclass(frozen=True)
class Konfigurasi:
    """Values of the add-in's ``renja_xl.conf`` sheet; ``pasang`` fills in the interpreter it runs under."""

    interpreter_win: str = ""
    interpreter_mac: str = ""
    udf_modules: str = MODUL_UDF

    def baris(self) -> list[tuple[str, str | bool]]:
        return [
            ("Interpreter_Win", self.interpreter_win),
            ("Interpreter_Mac", self.interpreter_mac),
            ("UDF Modules", self.udf_modules),
            ("Debug UDFs", False),
            ("Use UDF Server", False),
            ("Show Console", False),
        ]


def templat_xlwings() -> Path:
    """xlwings' custom add-in template with a ribbon (what ``xlwings quickstart NAME --addin --ribbon`` copies)."""
    import xlwings

    p = Path(xlwings.__file__).resolve().parent / "quickstart_addin_ribbon.xlam"
    if not p.is_file():
        raise GalatPengguna("templat add-in xlwings (quickstart_addin_ribbon.xlam) tidak ditemukan",
                            berkas=p, saran="Pasang ulang xlwings versi yang dipatok: pip install -e .")
    return p


def versi_xlwings_vba(folder: Path = FOLDER_MAKRO) -> str | None:
    """The ``XLWINGS_VERSION`` constant in ``macros/xlwings.bas`` (must equal the installed xlwings)."""
    m = _VERSI_XLWINGS.search((folder / "xlwings.bas").read_text(encoding="cp1252"))
    return m.group(1) if m else None


def baca_modul(folder: Path = FOLDER_MAKRO) -> list[Modul]:
    """Every VBA module in ``folder``: document modules first, then classes, then standard modules.
    (The function wrappers are not sources: :func:`modul_fungsi` writes them from ``renja_xl/udf.py``.)"""
    if not folder.is_dir():
        raise GalatPengguna("folder sumber makro tidak ditemukan", berkas=folder,
                            saran="Jalankan dari salinan repo renja-xl (folder macros/ berisi *.bas).")
    modul: list[Modul] = []
    for p in sorted(folder.iterdir()):
        if p.suffix.lower() not in (".bas", ".cls"):
            continue
        kode = p.read_text(encoding="cp1252")
        if p.suffix.lower() == ".bas":
            jenis = "modul"
        else:
            jenis = jenis_cls(kode)
        modul.append(Modul(p.stem, kode, jenis))
    urutan = {"dokumen": 0, "kelas": 1, "modul": 2}
    modul.sort(key=lambda m: (urutan[m.jenis], m.nama != "ThisWorkbook", m.nama))
    if not any(m.nama == "ThisWorkbook" for m in modul):
        raise GalatPengguna("modul ThisWorkbook.cls tidak ada", berkas=folder)
    return modul


def jenis_cls(kode: str) -> str:
    """``"dokumen"`` for a host object's module (ThisWorkbook, a sheet), ``"kelas"`` for a class module."""
    m = _VB_BASE.search(kode)
    return "dokumen" if m and m.group(1).upper() in _BASE_DOKUMEN else "kelas"


def _pita(ribbon: bytes) -> tuple[str, str]:
    """(part name, relationship type) for the ribbon XML, from its customUI namespace."""
    m = re.search(rb'<customUI\b[^>]*\bxmlns="([^"]+)"', ribbon)
    if not m or m.group(1).decode() not in NS_CUSTOMUI:
        raise GalatPengguna("macros/ribbon.xml bukan customUI Office (namespace 2006/01 atau 2009/07)",
                            berkas=FOLDER_MAKRO / "ribbon.xml")
    return NS_CUSTOMUI[m.group(1).decode()]


def _rels_akar(asli: str, bagian: str, jenis: str) -> str:
    """The package's root relationships with the ribbon relationship typed for its namespace."""
    teks, n = re.subn(r'<Relationship [^>]*Type="http://schemas\.microsoft\.com/office/200[67]/relationships/'
                      r'ui/extensibility"[^>]*/>',
                      f'<Relationship Id="rId4" Type="{jenis}" Target="{bagian}" />', asli)
    if n != 1:
        raise GalatPengguna("templat add-in xlwings tidak berisi tepat satu relasi pita (customUI)")
    return teks


def modul_fungsi(modul_udf: str = MODUL_UDF) -> list[Modul]:
    """The generated modules: one VBA wrapper per worksheet function (``xlwings_udfs``, as xlwings' *Import
    Functions* writes it) and their help texts and category (``FungsiRenjaXL``, run at Workbook_Open)."""
    p = pembungkus.buat(modul_udf, NAMA_ADDIN)
    return [Modul(pembungkus.MODUL_PEMBUNGKUS, p.vba), Modul(pembungkus.MODUL_KETERANGAN, p.keterangan)]


def _workbook_xml(asli: str) -> str:
    """The template's workbook part with our config sheet name and without the author's local path."""
    teks = re.sub(r"<mc:AlternateContent.*?</mc:AlternateContent>", "", asli, flags=re.S)
    teks, n = re.subn(r'<sheet name="[^"]*"', f'<sheet name="{escape(LEMBAR_KONFIG)}"', teks)
    if n != 1:
        raise GalatPengguna("templat add-in xlwings tidak berisi tepat satu lembar konfigurasi")
    return teks


def _lembar_dan_string(konfig: Konfigurasi) -> tuple[str, str]:
    teks: list[str] = []
    baris_xml: list[str] = []

    def indeks(s: str) -> int:
        if s not in teks:
            teks.append(s)
        return teks.index(s)

    for r, (kunci, nilai) in enumerate(konfig.baris(), start=1):
        sel = f'<c r="A{r}" s="1" t="s"><v>{indeks(kunci)}</v></c>'
        if isinstance(nilai, bool):
            sel += f'<c r="B{r}" s="1" t="b"><v>{int(nilai)}</v></c>'
        elif nilai:
            sel += f'<c r="B{r}" s="1" t="s"><v>{indeks(nilai)}</v></c>'
        baris_xml.append(f'<row r="{r}">{sel}</row>')
    n = len(konfig.baris())
    lembar = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheetPr codeName="Sheet2"/>'
        f'<dimension ref="A1:B{n}"/>'
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="B3" sqref="B3"/>'
        '</sheetView></sheetViews>'
        '<sheetFormatPr defaultColWidth="8.875" defaultRowHeight="15.75"/>'
        '<cols><col min="1" max="1" width="18" style="1" customWidth="1"/>'
        '<col min="2" max="2" width="40" style="1" customWidth="1"/></cols>'
        f'<sheetData>{"".join(baris_xml)}</sheetData>'
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        '</worksheet>'
    )
    sst = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(teks)}" '
        f'uniqueCount="{len(teks)}">'
        + "".join(f"<si><t>{escape(s)}</t></si>" for s in teks)
        + "</sst>"
    )
    return lembar, sst


def _core_xml() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>Renja-XL</dc:title>"
        "<dc:subject>Add-in Excel evaluasi hasil Renja (E.81)</dc:subject>"
        "<dc:creator>renja-xl</dc:creator>"
        "<cp:lastModifiedBy>renja-xl</cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{_TANGGAL_DOK}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{_TANGGAL_DOK}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def bangun_bytes(*, folder: Path = FOLDER_MAKRO, konfig: Konfigurasi = Konfigurasi(),
                 templat: Path | None = None) -> bytes:
    """The add-in's bytes. Raises :class:`GalatPengguna` when the sources do not fit the installed xlwings."""
    import xlwings

    versi = versi_xlwings_vba(folder)
    if versi != xlwings.__version__:
        raise GalatPengguna(
            f"macros/xlwings.bas berasal dari xlwings {versi}, sedangkan yang terpasang xlwings "
            f"{xlwings.__version__}",
            saran="Pasang versi xlwings yang dipatok di pyproject.toml, atau perbarui macros/xlwings.bas "
                  "dari xlwings_custom_addin.bas versi baru.")
    # line ends normalised so a Windows checkout (core.autocrlf) builds the same bytes
    ribbon = (folder / "ribbon.xml").read_bytes().replace(b"\r\n", b"\n")
    modul = baca_modul(folder)
    dibuat = modul_fungsi(konfig.udf_modules)
    ganda = {m.nama.lower() for m in modul} & {m.nama.lower() for m in dibuat}
    if ganda:
        raise GalatPengguna(f"modul {', '.join(sorted(ganda))} dibuat otomatis; hapus berkasnya dari macros/",
                            berkas=folder)
    modul += dibuat
    with zipfile.ZipFile(templat or templat_xlwings()) as z:
        asli = {n: z.read(n) for n in z.namelist()}
    lembar, sst = _lembar_dan_string(konfig)
    bagian_pita, rel_pita = _pita(ribbon)
    bagian = {n: d for n, d in asli.items() if not n.startswith("customUI/")}
    bagian.update({
        bagian_pita: ribbon,
        "_rels/.rels": _rels_akar(asli["_rels/.rels"].decode("utf-8"), bagian_pita, rel_pita).encode("utf-8"),
        "xl/workbook.xml": _workbook_xml(asli["xl/workbook.xml"].decode("utf-8")).encode("utf-8"),
        "xl/worksheets/sheet1.xml": lembar.encode("utf-8"),
        "xl/sharedStrings.xml": sst.encode("utf-8"),
        "docProps/core.xml": _core_xml().encode("utf-8"),
        "xl/vbaProject.bin": bangun_vba_project(modul, nama_proyek=NAMA_PROYEK),
    })
    urutan = [n for n in _URUTAN_BAGIAN if n in bagian] + sorted(set(bagian) - set(_URUTAN_BAGIAN))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for nama in urutan:
            info = zipfile.ZipInfo(nama, date_time=_WAKTU_ZIP)
            # stored, not deflated: deflate output differs between zlib builds (zlib-ng), which would
            # break byte-for-byte reproducibility across machines; the VBA streams are compressed anyway
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            z.writestr(info, bagian[nama])
    return buf.getvalue()


def bangun(tujuan: str | Path | None = None, *, folder: Path = FOLDER_MAKRO,
           konfig: Konfigurasi = Konfigurasi()) -> Path:
    """Write the add-in to ``tujuan`` (default ``addin/renja_xl.xlam`` in the repo) atomically."""
    path = Path(tujuan) if tujuan is not None else folder_berkas("addin") / NAMA_ADDIN
    if path.suffix.lower() != ".xlam":
        raise GalatPengguna("nama berkas add-in harus berakhiran .xlam", berkas=path)
    data = bangun_bytes(folder=folder, konfig=konfig)
    path.parent.mkdir(parents=True, exist_ok=True)
    sementara = path.with_name(f".{path.name}.sementara")
    sementara.write_bytes(data)
    sementara.replace(path)
    return path
