"""Excel functions (renja_xl.udf) on what COM really sends: floats, None for empty cells, strings and 2-D
lists of rows. Expected values come from the core modules the functions wrap, never typed in by hand."""

from __future__ import annotations

import datetime as dt
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from renja_xl import udf
from renja_xl.kode import Tingkat, parse_kode

REPO = Path(__file__).resolve().parent.parent

# one COM cell: what xlwings hands over from a range (numbers always arrive as float)
SEL = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["2.17.01.2.01.0001", "1.02", "X.XX.01.2.01.01", "85,5 %", "12 Dokumen", "-", "#N/A",
                     "kumulatif", "persentase", "  ", "Refocusing Anggaran", "1.234,5"]),
    st.booleans(),
    st.just(dt.datetime(2024, 1, 31)),
)
KOLOM = st.lists(st.lists(SEL, min_size=1, max_size=1), min_size=1, max_size=8)

SEMUA = [udf.capaian, udf.capaian_ket, udf.capaian_tahun, udf.capaian_tahun_ket, udf.predikat, udf.cek_kode,
         udf.nama_kode, udf.induk_kode, udf.tingkat_kode, udf.normal_kode, udf.kode_baru, udf.angka, udf.angka_ket,
         udf.satuan]
ANGKA = {udf.capaian, udf.capaian_tahun, udf.angka}   # number columns: a number or nothing, never a sentence
_ARGUMEN_WAJIB = {udf.capaian: 2, udf.capaian_ket: 2, udf.capaian_tahun: 4, udf.capaian_tahun_ket: 4}


def _punya(modul: str) -> bool:
    try:
        __import__(f"renja_xl.{modul}")
    except ImportError:
        return False
    return True


def _sel_sah(v: object) -> bool:
    return v is None or isinstance(v, str) or (isinstance(v, float) and not math.isnan(v))


# ------------------------------------------------------------------------------------------- shapes

def test_bentuk_mengikuti_masukan() -> None:
    kolom = [["2.17.01.2.01.0001"], [None], [1.02]]
    hasil = udf.normal_kode(kolom)
    assert isinstance(hasil, list) and len(hasil) == 3 and all(len(b) == 1 for b in hasil)
    assert hasil[1] == [None]
    assert udf.normal_kode("2.17.01.2.01.0001") == "2.17.01.2.01.0001"
    assert udf.normal_kode(["2.17", "1.02"]) == ["2.17", "1.02"]  # 1-D stays 1-D
    baris = udf.normal_kode([["2.17", "2.17.01"]])                 # a row stays a row
    assert baris == [["2.17", "2.17.01"]]


def test_sel_tunggal_disiarkan_dan_ukuran_beda_ditolak() -> None:
    hasil = udf._larik(lambda a, b: (a, b), [[1.0], [2.0]], [[9.0]])
    assert hasil == [[(1.0, 9.0)], [(2.0, 9.0)]]
    tengah = udf._larik(lambda a, b, c: (a, b, c), [[1.0], [2.0]], "x", [[7.0], [8.0]])
    assert tengah == [[(1.0, "x", 7.0)], [(2.0, "x", 8.0)]]
    beda = udf._larik(lambda a, b: a, [[1.0], [2.0]], [[1.0], [2.0], [3.0]])
    assert isinstance(beda, str) and "Ukuran rentang tidak sama" in beda


def test_true_dan_satu_tidak_tertukar_di_memo() -> None:
    assert udf._larik(repr, [[True], [1.0], [1], [True]]) == [["True"], ["1.0"], ["1"], ["True"]]


def test_bentuk_janggal_tidak_melempar() -> None:
    assert udf.normal_kode([]) == []
    assert isinstance(udf.normal_kode([["2.17"], "2.18", 3.0]), str)  # ragged rows from a script
    assert udf.normal_kode([["2.17", "2.18"], ["2.19"]]) == [["2.17", "2.18"], ["2.19", None]]


def test_galat_python_menjadi_teks() -> None:
    def rusak(x: object) -> object:
        raise RuntimeError("contoh rusak")

    assert udf._larik(rusak, [[1.0]]) == [["Galat: contoh rusak"]]


@settings(max_examples=40, deadline=None)
@given(KOLOM, KOLOM, SEL)
def test_tidak_pernah_melempar(a: list, b: list, s: object) -> None:
    for f in SEMUA:
        if f in (udf.capaian, udf.capaian_tahun, udf.predikat) and not _punya("capaian"):
            continue
        if f in (udf.angka, udf.satuan) and not _punya("angka"):
            continue
        n = _ARGUMEN_WAJIB.get(f, 1)
        args = [a] + [a if i % 2 else s for i in range(1, n)]
        hasil = f(*args)
        assert isinstance(hasil, list) and len(hasil) == len(a), (f.__name__, hasil)
        assert all(len(r) == 1 and _sel_sah(r[0]) for r in hasil), (f.__name__, hasil)
        satu = f(*[s] * n)
        assert _sel_sah(satu), (f.__name__, satu)
        if f in ANGKA:
            assert all(not isinstance(r[0], str) for r in hasil) and not isinstance(satu, str), (f.__name__, hasil)
    if _punya("capaian"):
        assert _sel_sah(udf.rata_capaian(a)) and _sel_sah(udf.rata_capaian(s))
        assert not isinstance(udf.rata_capaian(a), str) and _sel_sah(udf.rata_capaian_ket(a))


# ------------------------------------------------------------------------------------------- codes

KODE = ["2.17.01.2.01.0001", "2.17.01.2.01", "2.17.01", "2.17", "2", "1.02", 1.02, "X.XX.01.2.01.01",
        "2.17.01.2.01.0001.", " 2 . 17 . 01 ", "abc", 5.0, "2.17.1.2.1.1"]


@pytest.mark.parametrize("x", KODE)
def test_normal_tingkat_induk_dari_inti(x: object) -> None:
    k = parse_kode(x)
    if k.normal is None:
        assert udf.normal_kode(x).startswith("Kode tidak sah")
        assert udf.induk_kode(x).startswith("Kode tidak sah")
    else:
        assert udf.normal_kode(x) == k.normal
        assert udf.induk_kode(x) == (k.induk()[-1] if k.induk() else "Urusan tidak punya induk")
    if k.tingkat is None:
        assert udf.tingkat_kode(x).startswith("Kode tidak sah")
    else:
        assert udf.tingkat_kode(x) == k.tingkat.label


def test_kolom_kode_seperti_dari_com() -> None:
    kolom = [[x] for x in KODE] + [[None], [""]]
    hasil = udf.normal_kode(kolom)
    for (x,), (r,) in zip(kolom, hasil):
        harap = parse_kode(x).normal if x not in (None, "") else None
        assert r == harap or (harap is None and x not in (None, "") and r.startswith("Kode tidak sah"))


@pytest.fixture
def katalog_kecil(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A five-code catalog standing in for the stored one (no ../shared needed)."""
    from renja_xl.nomenklatur import simpan
    from renja_xl.nomenklatur.katalog import Entri, Katalog

    entri = [
        Entri("2", Tingkat.URUSAN, "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR"),
        Entri("2.17", Tingkat.BIDANG, "URUSAN PEMERINTAHAN BIDANG KOPERASI, USAHA KECIL, DAN MENENGAH"),
        Entri("2.17.02", Tingkat.PROGRAM, "PROGRAM PELAYANAN IZIN USAHA SIMPAN PINJAM", "PROV,KABKOT"),
        Entri("2.17.02.2.01", Tingkat.KEGIATAN, "Penerbitan Izin Usaha Simpan Pinjam", "KABKOT"),
        Entri("2.17.02.2.01.0001", Tingkat.SUB_KEGIATAN, "Penerbitan Izin Usaha Simpan Pinjam Koperasi",
              "KABKOT", sebelumnya=("2.17.02.2.01.01",)),
    ]
    kat = Katalog(entri, nama="uji")
    monkeypatch.setattr(simpan, "muat_katalog", lambda nama=None: kat)
    monkeypatch.setattr(simpan, "katalog_era", lambda era: kat)   # the list of every era, too
    return kat


def test_cek_kode_dengan_katalog(katalog_kecil) -> None:  # type: ignore[no-untyped-def]
    from renja_xl.nomenklatur.validasi import validasi

    nama = "Penerbitan Izin Usaha Simpan Pinjam Koperasi"
    assert validasi("2.17.02.2.01.0001", nama, None, katalog_kecil).status == "benar"
    assert udf.cek_kode("2.17.02.2.01.0001", nama) == "OK"
    kolom = [["2.17.02.2.01.0001"], ["2.17.02.2.01.0009"], [None], ["2.17.02.2.01.0001"]]
    nama_kolom = [[nama], [None], [None], ["Pembangunan Jalan Desa"]]
    hasil = udf.cek_kode(kolom, nama_kolom, "kabkota", 2.17)   # bidang typed as a number in Excel
    assert hasil[0] == ["OK"] and hasil[2] == [None]
    for i in (1, 3):
        v = validasi(kolom[i][0], nama_kolom[i][0], None, katalog_kecil)
        assert v.status != "benar"
        salah = [t for t in v.temuan if t.tingkat == "salah"] or [t for t in v.temuan if t.tingkat != "info"]
        assert hasil[i][0].startswith(salah[0].pesan.rstrip(".")[:40])
    assert "Jenis pemda tidak dikenal" in udf.cek_kode("2.17", None, "desa")
    assert "Bukan kode bidang urusan" in udf.cek_kode("2.17", None, None, "2.17.02")


def test_cek_kode_tanpa_katalog_hanya_bentuk(monkeypatch: pytest.MonkeyPatch) -> None:
    from renja_xl.nomenklatur import simpan

    monkeypatch.setattr(simpan, "muat_katalog", lambda nama=None: None)
    assert udf.cek_kode("2.17.02.2.01.0001").startswith("OK (hanya bentuk kode")
    assert udf.cek_kode("abc").startswith(parse_kode("abc").temuan[0].pesan.rstrip(".")[:30])
    assert "belum diimpor" in udf.nama_kode("2.17")


def test_nama_dan_kode_baru(katalog_kecil) -> None:  # type: ignore[no-untyped-def]
    kolom = [["2.17.02.2.01.0001"], ["2.17.02"], ["2.17.02.2.01.01"], ["9.99"]]
    nama = udf.nama_kode(kolom)
    assert nama[0] == [katalog_kecil.cari("2.17.02.2.01.0001").nama]
    assert nama[1] == [katalog_kecil.cari("2.17.02").nama]
    assert "tidak ada di katalog" in nama[3][0]
    baru = udf.kode_baru(kolom)
    assert katalog_kecil.pengganti("2.17.02.2.01.01")  # the catalog records a successor
    assert baru[2] == [", ".join(katalog_kecil.pengganti("2.17.02.2.01.01"))]
    assert baru[0] == ["2.17.02.2.01.0001"]  # still current: itself
    assert baru[3][0].startswith("Tidak ada pengganti")


# ------------------------------------------------------------------------------------------- numbers

def test_capaian_dari_inti() -> None:
    c = pytest.importorskip("renja_xl.capaian")
    realisasi = [[80.0], [None], [50.0], [None], ["45 %"], [3.0]]
    target = [[100.0], [100.0], [None], [None], ["50 %"], [0.0]]
    hasil = udf.capaian(realisasi, target, "persentase")
    jenis = c.JenisIndikator.PERSENTASE
    angka = pytest.importorskip("renja_xl.angka")
    for (r,), (t,), (h,) in zip(realisasi, target, hasil):
        if r is None and t is None:
            assert h is None
            continue
        rr = angka.parse_angka(r) if isinstance(r, str) else r
        tt = angka.parse_angka(t) if isinstance(t, str) else t
        inti = c.capaian(rr, tt, jenis)
        assert h == inti.nilai
    ket = udf.capaian_ket(realisasi, target, "persentase")
    assert ket[0] == [None] and ket[3] == [None]                     # plain value / empty row: nothing to say
    assert ket[1] == [c.capaian(None, 100.0, jenis).alasan]          # counted as 0: the core's note
    assert ket[2] == [c.capaian(50.0, None, jenis).alasan]           # target kosong
    assert ket[5] == [c.capaian(3.0, 0.0, jenis).alasan]             # target 0
    assert udf.capaian(1.0, 2.0, "sembarang") is None
    assert "Jenis indikator tidak dikenal" in udf.capaian_ket(1.0, 2.0, "sembarang")
    assert udf.capaian(80.0, 100.0) == c.capaian(80.0, 100.0, c.JenisIndikator.KUMULATIF).nilai


def test_capaian_tahun_dan_predikat_dari_inti() -> None:
    c = pytest.importorskip("renja_xl.capaian")
    p = pytest.importorskip("renja_xl.predikat")
    tw = [[10.0, 20.0, None, 5.0], [None, None, None, None], [1.0, 2.0, 3.0, 4.0]]
    kol = [[[r[i]] for r in tw] for i in range(4)]
    for jenis in ("kumulatif", "nilai akhir"):
        hasil = udf.capaian_tahun(*kol, jenis)
        for r, (h,) in zip(tw, hasil):
            assert h == c.realisasi_tahun(tuple(r), c.JenisIndikator.dari_teks(jenis))
    nilai = [[95.0], [80.0], [70.0], [55.0], [10.0], [None], [120.0]]
    assert udf.predikat(nilai) == [[p.predikat(v) if v is not None else None] for (v,) in nilai]
    assert udf.predikat("abc").startswith("Bukan angka")


def test_rata_capaian_mengabaikan_teks_dan_kosong() -> None:
    c = pytest.importorskip("renja_xl.capaian")
    rentang = [[90.0], [None], ["Target kosong"], [60.0]]
    assert udf.rata_capaian(rentang) == c.rata_rata([90.0, 60.0]).nilai


def test_angka_dan_satuan_dari_inti() -> None:
    a = pytest.importorskip("renja_xl.angka")
    teks = [["1.234,5"], ["12 Dokumen"], ["85 %"], [None], [7.0], ["Refocusing Anggaran"]]
    hasil = udf.angka(teks)
    assert hasil[3] == [None] and hasil[4] == [7.0]
    for i in (0, 1, 2):
        assert hasil[i] == [a.parse_angka(teks[i][0]).nilai]
    assert hasil[5] == [None] and udf.angka_ket(teks)[5][0].startswith("Bukan angka")
    assert udf.angka_ket(teks)[:5] == [[None]] * 5
    assert udf.angka("7 Dokumen 3 Kegiatan") is None and "Beberapa nilai" in udf.angka_ket("7 Dokumen 3 Kegiatan")
    sat = udf.satuan(teks)
    assert sat[1] == [a.parse_angka("12 Dokumen").satuan]
    assert sat[2][0] in ("%", a.parse_angka("85 %").satuan)


# ------------------------------------------------------------------------------------------- registration

_SKRIP_DAFTAR = r'''
import io, json, sys, types
# xlwings' UDF machinery needs pywin32 only to talk to Excel; stand-ins let it run its registration code
for n in ["pythoncom", "pywintypes", "win32com", "win32com.client"]:
    sys.modules[n] = types.ModuleType(n)
sys.modules["pythoncom"].CoInitialize = lambda: None
sys.modules["win32com.client"].Dispatch = lambda *a: None
sys.modules["win32com"].client = sys.modules["win32com.client"]
import xlwings.udfs as xu
import renja_xl.udf as udf
buf = io.StringIO()
class Buku:
    Name = "renja_xl.xlam"
xu.generate_vba_wrapper("renja_xl.udf", udf, buf, Buku())
info = {n: {"name": f.__xlfunc__["name"], "category": f.__xlfunc__["category"],
            "doc": f.__xlfunc__["ret"]["doc"], "attr": getattr(udf, n) is f,
            "args": [[a["name"], a["doc"], a["options"]] for a in f.__xlfunc__["args"]]}
        for n, f in udf.FUNGSI_EXCEL.items()}
print(json.dumps({"vba": buf.getvalue(), "info": info}, default=repr))
'''


def test_pendaftaran_xlwings() -> None:
    """xlwings' own registration code (run with pywin32 stand-ins) sees the upper-case Excel names,
    the Renja-XL category, Indonesian help, 2-D arguments, and writes the VBA wrappers Excel imports."""
    r = subprocess.run([sys.executable, "-c", _SKRIP_DAFTAR], capture_output=True, text=True, cwd=REPO,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    info, vba = data["info"], data["vba"]
    harap = {"CAPAIAN", "CAPAIAN_KET", "CAPAIAN_TAHUN", "CAPAIAN_TAHUN_KET", "PREDIKAT", "RATA_CAPAIAN",
             "RATA_CAPAIAN_KET", "CEK_KODE", "NAMA_KODE", "INDUK_KODE", "TINGKAT_KODE", "NORMAL_KODE", "KODE_BARU",
             "ANGKA", "ANGKA_KET", "SATUAN"}
    assert set(info) == harap
    for nama, i in info.items():
        assert i["name"] == nama and i["category"] == "Renja-XL" and i["attr"]
        assert i["doc"] and len(i["doc"]) <= 255
        *masuk, caller = i["args"]
        assert caller[0] == "caller"          # xlwings' reserved argument: the calling range
        for _arg, doc, opsi in masuk:
            assert doc and not doc.startswith("Positional argument")
            assert opsi.get("ndim") == 2 and "NilaiTerpakai" in opsi.get("convert")
        python = getattr(udf, nama.lower())
        assert [a[0] for a in masuk] == list(python.__code__.co_varnames[:python.__code__.co_argcount])
    assert "Function CAPAIAN(realisasi, target, Optional jenis)" in vba
    assert "Function CEK_KODE(kode, Optional nama, Optional jenis_pemda, Optional bidang)" in vba
    assert 'XLPy.CallUDF("renja_xl.udf", "PREDIKAT", Array(nilai_capaian, Nothing)' in vba
    assert "Function capaian(" not in vba  # the Python-side names are not registered twice


# ------------------------------------------------------------------------------------------- Excel shapes

@pytest.mark.parametrize("rentang, terpakai, harap", [
    ((1, 8, 1_048_576, 1), (1, 1, 500, 12), (500, 1)),        # =CAPAIAN(H:H;...) on a sheet filled to row 500
    ((7, 8, 1_048_570, 1), (1, 1, 500, 12), (494, 1)),        # H7:H1048576: from row 7, aligned
    ((7, 8, 20, 1), (1, 1, 500, 12), (20, 1)),                # inside the used range: untouched
    ((600, 8, 100, 1), (1, 1, 500, 12), (1, 1)),              # below the used range: one (empty) cell
    ((1, 1, 1, 16_384), (3, 2, 10, 5), (1, 6)),               # a whole row: cut at the last used column
    ((5, 3, 10, 2), (5, 3, 4, 1), (4, 1)),
])
def test_ukuran_terpakai(rentang: tuple, terpakai: tuple, harap: tuple) -> None:
    assert udf.ukuran_terpakai(rentang, terpakai) == harap


def _potongan(rows: list, asli: tuple[int, int]) -> udf.Terpotong:
    t = udf.Terpotong(rows)
    t.asli = asli
    return t


def test_samakan_potongan() -> None:
    """G:G on a sheet filled to row 3 and 'Lain'!H:H filled to row 1 still pair row by row."""
    a = _potongan([[1.0], [2.0], [3.0]], (1_048_576, 1))
    b = _potongan([[10.0]], (1_048_576, 1))
    x, y, s = udf.samakan_potongan([a, b, "kumulatif"])
    assert x == [[1.0], [2.0], [3.0]] and y == [[10.0], [None], [None]] and s == "kumulatif"
    hasil = udf.CAPAIAN(a, b)
    assert hasil == [[10.0], [None], [None]]
    # ranges of different own sizes are not padded: a real mismatch stays one
    c = _potongan([[1.0]], (20, 1))
    assert udf.samakan_potongan([a, c])[1] == [[1.0]]
    assert udf.CAPAIAN(a, c) is None and "Ukuran rentang" in udf.CAPAIAN_KET(a, c)


class _Pemanggil:
    def __init__(self, baris: int, kolom: int = 1) -> None:
        self.shape = (baris, kolom)


def test_rumus_larik_lama_mengikuti_pilihan() -> None:
    """Ctrl+Shift+Enter over I7:I12 (Excel 2016/2019): a 6x1 block, answer first, then empty cells; one
    cell (Microsoft 365) gets the column itself, which spills."""
    r, t = [[80.0], [5.0], [None]], [[100.0], [0.0], [50.0]]
    assert udf.CAPAIAN(r, t, None, _Pemanggil(6)) == [[80.0], [""], [0.0], [""], [""], [""]]
    assert udf.CAPAIAN(r, t, None, _Pemanggil(1)) == udf.capaian(r, t) == [[80.0], [None], [0.0]]
    assert udf.CAPAIAN(r, t, None, _Pemanggil(2)) == [[80.0], [""]]           # smaller block: its own size
    # a single answer over a block is not repeated in every cell (Excel would repeat it)
    assert udf.RATA_CAPAIAN([[90.0], [60.0]], _Pemanggil(3)) == [[75.0], [""], [""]]
    assert udf.seperti_pemanggil(["a", "b"], (2, 3)) == [["a", "b", ""], ["", "", ""]]
    assert udf.seperti_pemanggil([], (2, 1)) == [[""], [""]]
    assert udf.seperti_pemanggil(None, None) is None


def test_satu_sel_tanpa_target_kosong_bukan_kalimat() -> None:
    """=CAPAIAN(5;0) shows nothing, like the generated formula for that row; CAPAIAN_KET says why."""
    from renja_xl.capaian import capaian as inti

    assert udf.CAPAIAN(5.0, 0.0) is None
    assert udf.CAPAIAN_KET(5.0, 0.0) == inti(5.0, 0.0).alasan
    assert udf.CAPAIAN(5.0, 0.0, None, _Pemanggil(1)) is None
    assert udf.CAPAIAN_TAHUN(True, None, None, None) is None
    assert udf.CAPAIAN_TAHUN_KET(True, None, None, None) == "Bukan angka: True"
    assert udf.CAPAIAN_TAHUN_KET(1.0, 2.0, None, None, "kumulatif") is None


# --- xlwings' own read pipeline with the cut-to-used-range stage, on stand-in Excel objects

class _Mesin:
    class impl:  # noqa: N801 - mirrors xlwings' engine.impl
        @staticmethod
        def clean_value_data(data, datetime_builder, empty_as, number_builder, err_to_str):  # type: ignore[no-untyped-def]
            return [[empty_as if v is None else v for v in r] for r in data]


class _Lembar:
    def __init__(self, isi: list[list[object]]) -> None:
        self.isi = isi
        self.used_range = type("U", (), {"row": 1, "column": 1, "shape": (len(isi), len(isi[0]))})()
        self.book = type("B", (), {"app": type("A", (), {"engine": _Mesin})()})()


class _Rentang:
    """A sheet range as xlwings' conversion sees it; counts the cells read."""

    dibaca = 0
    impl = type("I", (), {"max_cells_per_read": None})()   # Windows engine: no read budget

    def __init__(self, lembar: _Lembar, baris: int, kolom: int, n: int, k: int) -> None:
        self.sheet, self.row, self.column, self.shape = lembar, baris, kolom, (n, k)

    def resize(self, n: int, k: int) -> "_Rentang":
        return _Rentang(self.sheet, self.row, self.column, n, k)

    @property
    def raw_value(self) -> object:
        n, k = self.shape
        _Rentang.dibaca += n * k
        rows = [[(self.sheet.isi[r][c] if r < len(self.sheet.isi) and c < len(self.sheet.isi[0]) else None)
                 for c in range(self.column - 1, self.column - 1 + k)]
                for r in range(self.row - 1, self.row - 1 + n)]
        return rows[0][0] if n * k == 1 else rows


def _baca_argumen(fungsi: object, nama: str, rng: object, nilai: object = None) -> object:
    """What xlwings' call_udf hands the function for one argument (conversion.read with its options)."""
    xu = pytest.importorskip("xlwings.conversion")
    opsi = dict(udf._opsi_rentang())
    opsi.update({"err_to_str": True})
    return xu.read(rng, nilai, opsi)


def test_kolom_utuh_dibaca_sebatas_terpakai(monkeypatch: pytest.MonkeyPatch) -> None:
    """=CAPAIAN(H:H;G:G) reads the 4 filled rows, not 1,048,576, through xlwings' real read pipeline."""
    import xlwings

    # a literal argument arrives without a range and is cleaned by the "excel" engine (Windows only)
    monkeypatch.setitem(xlwings.engines.engines_by_name, "excel", _Mesin)
    isi = [["Realisasi", "Target"], [80.0, 100.0], [5.0, 0.0], [None, 50.0]]
    lembar = _Lembar(isi)
    _Rentang.dibaca = 0
    h = _baca_argumen(udf.CAPAIAN, "realisasi", _Rentang(lembar, 1, 1, 1_048_576, 1))
    g = _baca_argumen(udf.CAPAIAN, "target", _Rentang(lembar, 1, 2, 1_048_576, 1))
    assert _Rentang.dibaca == 8
    assert isinstance(h, udf.Terpotong) and h.asli == (1_048_576, 1)
    assert h == [["Realisasi"], [80.0], [5.0], [None]]
    hasil = udf.CAPAIAN(h, g, None, _Pemanggil(1))
    assert hasil == [[None], [80.0], [None], [0.0]]
    # a literal (=CAPAIAN(5;0)) passes through the same options untouched
    assert _baca_argumen(udf.CAPAIAN, "realisasi", None, 5.0) == [[5.0]]
    # one cell is read as it is, without asking the sheet for its used range
    satu = _baca_argumen(udf.CAPAIAN, "realisasi", _Rentang(lembar, 2, 1, 1, 1))
    assert satu == [[80.0]] and not isinstance(satu, udf.Terpotong)


# ------------------------------------------------------------------------------------------- one rule
# The Excel function, the core and the generator's formula (evaluated by a second engine, `formulas`)
# give the same capaian for the same inputs, for all four indicator types.

_NILAI = [None, 0.0, 5.0, 12.5, 16.5, 100.0, -3.0, 0.25]


def _formula_capaian(jenis: object) -> object:
    formulas = pytest.importorskip("formulas")
    from renja_xl.generator import rumus

    return formulas.Parser().ast(rumus.capaian("A1", "B1", jenis))[1].compile()


def _nilai_rumus(fungsi: object, r: object, t: object) -> object:
    masuk = {"A1": r, "B1": t}
    out = fungsi(*[masuk[k] for k in fungsi.inputs])
    v = out.item() if hasattr(out, "item") else out
    return None if v == "" else float(v)


@pytest.mark.parametrize("jenis", ["kumulatif", "persentase", "nilai akhir", "menurun"])
def test_fungsi_inti_dan_rumus_sama(jenis: str) -> None:
    from renja_xl.capaian import JenisIndikator, capaian as inti

    j = JenisIndikator.dari_teks(jenis)
    rumus = _formula_capaian(j)
    pasangan = [(r, t) for r in _NILAI for t in _NILAI]
    kolom_r = [[r] for r, _ in pasangan]
    kolom_t = [[t] for _, t in pasangan]
    sekaligus = udf.CAPAIAN(kolom_r, kolom_t, jenis)         # one call over the column, as Excel sends it
    for (r, t), (excel_kolom,) in zip(pasangan, sekaligus):
        excel = udf.CAPAIAN(r, t, jenis)
        harap = inti(r, t, j).nilai
        dari_rumus = _nilai_rumus(rumus, r, t)
        assert excel == excel_kolom
        if harap is None:
            assert excel is None and dari_rumus is None, (jenis, r, t, excel, dari_rumus)
        else:
            assert excel == pytest.approx(harap, rel=1e-12) and dari_rumus == pytest.approx(harap, rel=1e-12), \
                (jenis, r, t, excel, dari_rumus)


_TARGET_TEKS = ["<5%", "<=4,5", ">80", ">=0", "<0", "4,5–5,5%", "0–10", "90–100", "≤ 16,5 %"]
_REALISASI = [None, 0.0, 4.5, 5.0, 5.5, 12.5, 80.0, 95.0, 120.0, -3.0]


def _formula_capaian_target(jenis: object, target: str) -> object:
    formulas = pytest.importorskip("formulas")
    from renja_xl.generator import rumus

    return formulas.Parser().ast(rumus.capaian("A1", "B1", jenis, target))[1].compile()


@pytest.mark.parametrize("jenis", ["kumulatif", "persentase", "nilai akhir", "menurun"])
def test_fungsi_inti_dan_rumus_sama_untuk_batas_dan_rentang(jenis: str) -> None:
    """A bound or range target typed as text: the Excel function, the core and the generated formula (its
    constants baked in) agree; the formula shows nothing once the target cell holds another text."""
    from renja_xl.capaian import JenisIndikator, capaian as inti

    j = JenisIndikator.dari_teks(jenis)
    for target in _TARGET_TEKS:
        rumus = _formula_capaian_target(j, target)
        ada = 0
        for r in _REALISASI:
            harap = inti(r, target, j).nilai
            excel = udf.CAPAIAN(r, target, jenis)
            dari_rumus = _nilai_rumus(rumus, r, target)
            if harap is None:
                assert excel is None and dari_rumus is None, (jenis, target, r, excel, dari_rumus)
            else:
                ada += 1
                assert excel == pytest.approx(harap, rel=1e-12) and dari_rumus == pytest.approx(harap, rel=1e-12), \
                    (jenis, target, r, excel, dari_rumus)
        assert ada >= 3, target
        assert _nilai_rumus(rumus, 5.0, "<7%") is None          # the target was changed after generating


def _nilai_rumus_teks(fungsi: object, r: object, t: object) -> object:
    """As ``_nilai_rumus``, a None cell passed as the engine's own empty cell (its LEN is 0, as in Excel)."""
    kosong = pytest.importorskip("schedula").EMPTY
    masuk = {"A1": kosong if r is None else r, "B1": t}
    out = fungsi(*[masuk[k] for k in fungsi.inputs])
    v = out.item() if hasattr(out, "item") else out
    return None if v == "" else float(v)


@pytest.mark.parametrize("jenis", ["persentase", "nilai akhir", "menurun"])
def test_fungsi_inti_dan_rumus_sama_untuk_nilai_huruf(jenis: str) -> None:
    """A letter-grade target (AA ... D, and BPK's opinion WTP ... TMP): the Excel function, the core and the
    generated formula (the target's rank scale baked in) agree for grade, other-scale grade, blank and number
    realisasi."""
    from renja_xl.angka import HURUF_NILAI, OPINI_BPK
    from renja_xl.capaian import JenisIndikator, capaian as inti

    j = JenisIndikator.dari_teks(jenis)
    for target in (*HURUF_NILAI, *OPINI_BPK):
        rumus = _formula_capaian_target(j, target)
        for r in [*HURUF_NILAI, *OPINI_BPK, None, "", 5.0, 0.0]:
            harap = inti(r, target, j).nilai
            excel = udf.CAPAIAN(r, target, jenis)
            dari_rumus = _nilai_rumus_teks(rumus, r, target)
            if harap is None:
                assert excel is None and dari_rumus is None, (jenis, target, r, excel, dari_rumus)
            else:
                assert excel == pytest.approx(harap, rel=1e-12) and dari_rumus == pytest.approx(harap, rel=1e-12), \
                    (jenis, target, r, excel, dari_rumus)
        lain = "C" if target != "C" else "D"
        assert _nilai_rumus_teks(rumus, "A", lain) is None      # the target was changed after generating
