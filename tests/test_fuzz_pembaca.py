"""Property-based: whatever bytes arrive, ``buka``/``baca_nilai``/the checker's ``baca_grid`` succeed or raise GalatPengguna, nothing else.

Inputs: arbitrary bytes (also behind a zip / OLE2 signature), a small valid workbook built here with
bytes flipped, cut off or inserted, and the same workbook with its *XML* mutated and re-zipped (so the
damage reaches openpyxl's and calamine's parsers instead of stopping at the zip layer).
"""

from __future__ import annotations

import io
import itertools
import sys
import zipfile
from pathlib import Path

from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renja_xl import buku
from renja_xl.galat import GalatPengguna

sys.path.insert(0, str(Path(__file__).parent))
import korpus_rusak as korpus  # noqa: E402

PENGATURAN = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                      database=None)
_nomor = itertools.count()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def asli(folder: Path) -> bytes:
    """A small valid workbook with a formula, a merged range, styles and shared strings."""
    from openpyxl import load_workbook

    p = korpus.buku_valid(folder, "dasar.xlsx")
    wb = load_workbook(p)
    wb["Data"].merge_cells("A5:B5")
    wb["Data"]["A5"] = "Jumlah"
    wb.create_sheet("Kedua")["B2"] = 3.5
    wb.save(p)
    return p.read_bytes()


def _coba(folder: Path, data: bytes) -> str:
    """Write, read both ways; any exception other than GalatPengguna escapes and fails the test."""
    p = folder / f"f{next(_nomor)}.xlsx"
    p.write_bytes(data)
    hasil = []
    from renja_xl.periksa import baca_grid   # the checker's one-pass XML reader (openpyxl fallback)

    for baca in (buku.buka, buku.baca_nilai, baca_grid):
        try:
            baca(p)
            hasil.append("baik")
        except GalatPengguna as e:
            assert p.name in str(e)
            hasil.append("galat")
    assert p.read_bytes() == data, "masukan tidak boleh berubah"
    p.unlink()
    return ",".join(hasil)


@PENGATURAN
@given(awal=st.sampled_from([b"", b"PK\x03\x04", b"PK\x05\x06", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
                             b"<?xml version='1.0'?>", b"<html>"]),
       isi=st.binary(max_size=2048))
def test_bita_sembarang(folder: Path, awal: bytes, isi: bytes) -> None:
    _coba(folder, awal + isi)


@PENGATURAN
@given(data=st.data())
def test_buku_kerja_dimutasi(folder: Path, asli: bytes, data: st.DataObject) -> None:
    b = bytearray(asli)
    cara = data.draw(st.sampled_from(["balik", "potong", "sisip", "hapus"]))
    pos = data.draw(st.integers(0, len(b) - 1))
    if cara == "balik":
        for k in data.draw(st.lists(st.integers(0, len(b) - 1), min_size=1, max_size=8)):
            b[k] ^= data.draw(st.integers(1, 255))
    elif cara == "potong":
        del b[pos:]
    elif cara == "sisip":
        b[pos:pos] = data.draw(st.binary(min_size=1, max_size=64))
    else:
        del b[pos:pos + data.draw(st.integers(1, 256))]
    _coba(folder, bytes(b))


@PENGATURAN
@given(data=st.data())
def test_xml_di_dalam_dimutasi(folder: Path, asli: bytes, data: st.DataObject) -> None:
    with zipfile.ZipFile(io.BytesIO(asli)) as z:
        bagian = {i.filename: z.read(i) for i in z.infolist()}
    nama = data.draw(st.sampled_from(sorted(bagian)))
    xml = bytearray(bagian[nama])
    cara = data.draw(st.sampled_from(["balik", "potong", "sisip", "ganti_teks", "hapus_bagian"]))
    pos = data.draw(st.integers(0, max(len(xml) - 1, 0)))
    if cara == "balik" and xml:
        xml[pos] ^= data.draw(st.integers(1, 255))
    elif cara == "potong":
        del xml[pos:]
    elif cara == "sisip":
        xml[pos:pos] = data.draw(st.sampled_from([b"<", b">", b"&", b"\"", b"<c r=\"ZZZ0\"><v>x</v></c>",
                                                  b"<row r=\"-1\"/>", b"\x00", b"\xff\xfe", b"&amp;",
                                                  b'<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>',
                                                  b'<hyperlinks><hyperlink ref="B2:C3" display="x"/></hyperlinks>',
                                                  b'<c r="XFD1048576"><v>1</v></c>']))
    elif cara == "ganti_teks":
        lama = data.draw(st.sampled_from([b'r="', b't="', b's="', b'ref="', b"Target=\"", b"<v>", b"name=\""]))
        xml = bytearray(bytes(xml).replace(lama, lama + data.draw(st.sampled_from([b"-", b"Z", b"99999", b"x"]))))
    if cara == "hapus_bagian":
        del bagian[nama]
    else:
        bagian[nama] = bytes(xml)
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for n, isi in bagian.items():
            z.writestr(n, isi)
    _coba(folder, keluar.getvalue())


def test_fuzz_menjangkau_kedua_hasil(folder: Path, asli: bytes) -> None:
    """The harness itself can see both outcomes (so the properties above are not vacuous)."""
    assert _coba(folder, asli) == "baik,baik,baik"
    assert _coba(folder, asli[:100]) == "galat,galat,galat"


def _huruf(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


@PENGATURAN
@given(sel=st.lists(st.tuples(st.integers(1, 2**20 + 5), st.integers(1, 16_400), st.booleans()),
                    min_size=1, max_size=6))
def test_alamat_sel_sembarang(folder: Path, asli: bytes, sel: list[tuple[int, int, bool]]) -> None:
    """Values anywhere, with or without r="...": calamine must never get a grid it cannot allocate
    (it aborts the whole process). The area limit is lowered here so the cases stay small."""
    baris: dict[int, list[str]] = {}
    for r, k, pakai_r in sel:
        alamat = f' r="{_huruf(k)}{r}"' if pakai_r else ""
        baris.setdefault(r, []).append(f"<c{alamat}><v>{k}</v></c>")
    xml = (korpus._SHEET_AWAL + b"<sheetData>"
           + "".join(f'<row r="{r}">{"".join(c)}</row>' for r, c in sorted(baris.items())).encode()
           + b"</sheetData></worksheet>")
    with zipfile.ZipFile(io.BytesIO(asli)) as z:
        bagian = {i.filename: z.read(i) for i in z.infolist()}
    bagian["xl/worksheets/sheet1.xml"] = xml
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for n, isi in bagian.items():
            z.writestr(n, isi)
    with patch.object(buku, "BATAS_LUAS", 20_000):
        hasil = _coba(folder, keluar.getvalue())
    if all(p for *_, p in sel):
        luas = max(r for r, *_ in sel) * max(k for _, k, _ in sel)
        if luas > 20_000:
            assert hasil == "galat,galat,galat"
        elif max(k for _, k, _ in sel) <= 16_384:
            assert hasil == "baik,baik,baik"
