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

SEMUA = [udf.capaian, udf.capaian_tahun, udf.predikat, udf.cek_kode, udf.nama_kode, udf.induk_kode,
         udf.tingkat_kode, udf.normal_kode, udf.kode_baru, udf.angka, udf.satuan]
_ARGUMEN_WAJIB = {udf.capaian: 2, udf.capaian_tahun: 4}


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
    if _punya("capaian"):
        assert _sel_sah(udf.rata_capaian(a)) and _sel_sah(udf.rata_capaian(s))


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
        assert h == (inti.nilai if inti.nilai is not None else (inti.alasan or inti.status))
    assert "Jenis indikator tidak dikenal" in udf.capaian(1.0, 2.0, "sembarang")
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
    assert hasil[5][0].startswith("Bukan angka")
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
print(json.dumps({"vba": buf.getvalue(), "info": info}))
'''


def test_pendaftaran_xlwings() -> None:
    """xlwings' own registration code (run with pywin32 stand-ins) sees the upper-case Excel names,
    the Renja-XL category, Indonesian help, 2-D arguments, and writes the VBA wrappers Excel imports."""
    r = subprocess.run([sys.executable, "-c", _SKRIP_DAFTAR], capture_output=True, text=True, cwd=REPO,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    info, vba = data["info"], data["vba"]
    harap = {"CAPAIAN", "CAPAIAN_TAHUN", "PREDIKAT", "RATA_CAPAIAN", "CEK_KODE", "NAMA_KODE", "INDUK_KODE",
             "TINGKAT_KODE", "NORMAL_KODE", "KODE_BARU", "ANGKA", "SATUAN"}
    assert set(info) == harap
    for nama, i in info.items():
        assert i["name"] == nama and i["category"] == "Renja-XL" and i["attr"]
        assert i["doc"] and len(i["doc"]) <= 255
        for _arg, doc, opsi in i["args"]:
            assert doc and not doc.startswith("Positional argument")
            assert opsi.get("ndim") == 2
        python = getattr(udf, nama.lower())
        assert [a[0] for a in i["args"]] == list(python.__code__.co_varnames[:python.__code__.co_argcount])
    assert "Function CAPAIAN(realisasi, target, Optional jenis)" in vba
    assert "Function CEK_KODE(kode, Optional nama, Optional jenis_pemda, Optional bidang)" in vba
    assert 'XLPy.CallUDF("renja_xl.udf", "PREDIKAT"' in vba
    assert "Function capaian(" not in vba  # the Python-side names are not registered twice
