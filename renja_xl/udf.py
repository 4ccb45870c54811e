"""Excel worksheet functions (xlwings UDFs): thin wrappers over the core, one call per column.

xlwings runs UDFs on Excel's main thread and every call costs milliseconds of COM overhead, so each
function takes one cell *or* a whole range and answers with the same shape (a dynamic array that spills).
The Python functions here (lower case) take exactly what COM sends — ``float``, ``None`` for an empty
cell, ``str``, and 2-D lists of rows — and are what scripts and tests call; the Excel names (upper case,
category "Renja-XL", Indonesian help in the function wizard) are registered at the bottom of the module.

Errors never reach Excel as a Python traceback. A number function (CAPAIAN, CAPAIAN_TAHUN, RATA_CAPAIAN,
ANGKA) shows a number or nothing, like the generated formula for the same row; why a cell is empty comes
from its ``*_KET`` sibling (``=CAPAIAN_KET(...)``: "Target 0 ...", "Bukan angka: abc"). Text functions
(codes, PREDIKAT, SATUAN) answer with a short Indonesian text. Only xlwings itself (Python not found,
add-in not loaded) produces Excel's ``#VALUE!``.

In Excel (bottom of the module) every range argument is cut to the used part of its sheet before it is
read (``=CAPAIAN(H:H;G:G)`` reads the filled rows, not a million), and the answer takes the shape of the
calling range: a legacy array formula (Ctrl+Shift+Enter over a selection, Excel 2016/2019) gets a block of
that size padded with empty cells; one cell in Microsoft 365 gets the whole column, which spills.
"""

from __future__ import annotations

import importlib
import inspect
import math
import types
from collections.abc import Callable
from typing import Any

from renja_xl.jeda_gc import jeda_gc
from renja_xl.kode import Tingkat, parse_kode
from renja_xl.pemda import CONTOH_ALIAS, baca_pemda

Sel = Any  # one COM cell value: float | int | bool | str | datetime | None

__all__ = ["capaian", "capaian_ket", "capaian_tahun", "capaian_tahun_ket", "predikat", "rata_capaian",
           "rata_capaian_ket", "cek_kode", "nama_kode", "induk_kode", "tingkat_kode", "normal_kode", "kode_baru",
           "angka", "angka_ket", "satuan", "ukuran_terpakai", "samakan_potongan", "seperti_pemanggil",
           "Terpotong", "FUNGSI_EXCEL"]


# ------------------------------------------------------------------------------------------- shapes

def _grid(x: object) -> tuple[int, int, int, list[Sel]]:
    """(dimensions, rows, cols, flat values) of a COM value: scalar (0), 1-D list (1) or 2-D list (2)."""
    if isinstance(x, (list, tuple)):
        if x and isinstance(x[0], (list, tuple)):
            lebar = max(map(len, x))
            if lebar == 1 and min(map(len, x)) == 1:  # one column, the usual range: no per-row padding
                return 2, len(x), 1, [r[0] for r in x]
            flat: list[Sel] = []
            for r in x:
                flat.extend(r)
                if len(r) < lebar:
                    flat.extend([None] * (lebar - len(r)))
            return 2, len(x), lebar, flat
        return 1, 1, len(x), list(x)
    return 0, 1, 1, [x]


class _BentukBeda(Exception):
    """Ranges of different sizes were passed together."""


def _terapkan(fungsi: Callable[..., object], *args: object) -> object:
    """Apply ``fungsi`` cell by cell, broadcasting single cells; the answer has the largest input's shape.

    Results are memoised per call on the argument tuple: a column repeats the same values on many rows.
    """
    grids = [_grid(a) for a in args]
    dims = max(g[0] for g in grids)
    # a range cut down to one cell is still a range (its other cells are empty): never broadcast
    siar = [not (isinstance(a, Terpotong) and a.asli != (1, 1)) for a in args]
    bentuk: tuple[int, int] | None = None
    for (_, r, c, _flat), boleh in zip(grids, siar):
        if r * c != 1 or not boleh:
            if bentuk is not None and (r, c) != bentuk:
                raise _BentukBeda
            bentuk = (r, c)
    baris, kolom = bentuk or (1, 1)
    n = baris * kolom
    tetap = {i: g[3][0] for i, g in enumerate(grids) if len(g[3]) == 1 and n != 1 and siar[i]}
    if tetap:  # single cells broadcast over a column are bound once, not zipped row by row
        berubah = [i for i in range(len(grids)) if i not in tetap]
        dasar = [tetap.get(i) for i in range(len(grids))]
        ekor = tuple(dasar[len(berubah):])

        if berubah == list(range(len(berubah))):  # the usual case: optional arguments at the end
            def terikat(*nilai: Sel) -> object:
                return fungsi(*nilai, *ekor)
        else:
            def terikat(*nilai: Sel) -> object:
                arg = list(dasar)
                for i, v in zip(berubah, nilai):
                    arg[i] = v
                return fungsi(*arg)

        hasil = _peta(terikat, [grids[i][3] for i in berubah]) if berubah else []
    else:
        hasil = _peta(fungsi, [g[3] for g in grids])
    if dims == 0:
        return hasil[0]
    if dims == 1:
        return hasil
    if kolom == 0:
        return [[] for _ in range(baris)]
    if kolom == 1:
        return [[v] for v in hasil]
    return [hasil[i:i + kolom] for i in range(0, n, kolom)]


_TIDAK_ADA = object()


def _peta(fungsi: Callable[..., object], kolom_data: list[list[Sel]]) -> list[object]:
    """The per-cell loop, kept tight: it runs once per row of a 20,000-row column."""
    memo: dict[object, object] = {}
    ambil = memo.get
    hasil: list[object] = []
    tambah = hasil.append
    tunggal = len(kolom_data) == 1
    baris: Any = kolom_data[0] if tunggal else zip(*kolom_data)
    # TRUE and 1.0 are equal dictionary keys in Python but not the same cell in Excel: key on types too
    if any(bool in set(map(type, k)) for k in kolom_data):
        baris = [((v, type(v)) if tunggal else (v, tuple(map(type, v))), v) for v in baris]
    else:
        baris = zip(baris, baris) if tunggal else ((v, v) for v in baris)
    for kunci, nilai in baris:
        try:
            r = ambil(kunci, _TIDAK_ADA)
        except TypeError:  # unhashable cell value: compute directly
            tambah(_aman(fungsi, (nilai,) if tunggal else nilai))
            continue
        if r is _TIDAK_ADA:
            r = memo[kunci] = _aman(fungsi, (nilai,) if tunggal else nilai)
        tambah(r)
    return hasil


def _aman(fungsi: Callable[..., object], nilai: tuple) -> object:
    try:
        return fungsi(*nilai)
    except Exception as e:  # noqa: BLE001 - Excel must get a readable cell, never a traceback
        return f"Galat: {e}"[:250]


_BENTUK_BEDA = "Ukuran rentang tidak sama: pilih rentang dengan jumlah baris dan kolom yang sama."


def _larik(fungsi: Callable[..., object], *args: object, angka: bool = False) -> object:
    """Entry of every function: cell by cell, and never an exception into Excel. ``angka``: a number
    function, whose cells are a number or empty (a failed call is an empty cell, not a sentence).

    The cyclic garbage collector is spaced out for the call (``jeda_gc``): a 20,000-row column allocates
    tens of thousands of short-lived, cycle-free objects, and collections in the middle of it made one call
    30 % slower and its time erratic (44-60 ms)."""
    try:
        with jeda_gc():
            hasil = _terapkan(fungsi, *args)
    except _BentukBeda:
        return None if angka else _BENTUK_BEDA
    except Exception as e:  # noqa: BLE001 - malformed input shapes from scripts
        return None if angka else f"Galat: {e}"[:250]
    return _hanya_angka(hasil) if angka else hasil


def _hanya_angka(hasil: object) -> object:
    """A per-cell error text ("Galat: ...") left by :func:`_aman` becomes an empty cell."""
    if isinstance(hasil, list):
        return [_hanya_angka(v) for v in hasil]
    return hasil if hasil is None or isinstance(hasil, float) else None


# ------------------------------------------------------------------------------------------- core access

_INTI: dict[str, types.ModuleType] = {}


def _inti(nama: str) -> types.ModuleType:
    """Core modules are imported on first use (and only once), so Excel's function import stays fast."""
    m = _INTI.get(nama)
    if m is None:
        m = _INTI[nama] = importlib.import_module(f"renja_xl.{nama}")
    return m


def _kosong(x: Sel) -> bool:
    return x is None or (isinstance(x, str) and not x.strip())


def _bilangan(x: Sel) -> object:
    """A COM cell as what the core takes: float, None, or an ``Angka`` parsed from text."""
    if x is None or isinstance(x, bool):
        return None if x is None else _BUKAN_ANGKA
    if isinstance(x, (int, float)):
        v = float(x)
        return None if math.isnan(v) else v
    if isinstance(x, str):
        if not x.strip():
            return None
        return _inti("angka").parse_angka(x)
    return _BUKAN_ANGKA


_BUKAN_ANGKA = object()


_JENIS_TEKS: dict[str, object] = {}


def _jenis(x: Sel) -> object:
    # a jenis column repeats four words over 20,000 rows: parse each text once per process
    if type(x) is str:
        j = _JENIS_TEKS.get(x, _TIDAK_ADA)
        if j is not _TIDAK_ADA:
            return j
    capaian_mod = _inti("capaian")
    if _kosong(x):
        j = capaian_mod.JenisIndikator.KUMULATIF
    else:
        j = capaian_mod.JenisIndikator.dari_teks(str(x))
    if type(x) is str and len(_JENIS_TEKS) < 1024:
        _JENIS_TEKS[x] = j
    return j


def _teks_pendek(s: str, n: int = 200) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


# ------------------------------------------------------------------------------------------- capaian

def _capaian_hasil(realisasi: Sel, target: Sel, jenis: Sel) -> object:
    """The core's ``Hasil`` for one row, a reason text when the input is unusable, None for an empty row."""
    if type(realisasi) is float and type(target) is float and target > 0:     # the usual row: no checks needed
        j = _jenis(jenis)
        if j is not None:
            return _inti("capaian").capaian(realisasi, target, j)
    if _kosong(realisasi) and _kosong(target):
        return None
    j = _jenis(jenis)
    if j is None:
        return f"Jenis indikator tidak dikenal: {jenis}"
    r, t = _bilangan(realisasi), _bilangan(target)
    if r is _BUKAN_ANGKA or t is _BUKAN_ANGKA:
        return "Bukan angka: " + str(realisasi if r is _BUKAN_ANGKA else target)
    return _inti("capaian").capaian(r, t, j)     # plain float pairs take the core's fast path


def _keterangan(h: object) -> str | None:
    """What the *_KET cell says: the reason a value is missing, or the core's note on a value (several
    indicators averaged, realisasi counted as 0, an ambiguous number); empty when there is nothing to say."""
    if h is None or isinstance(h, str):
        return h
    if getattr(h, "nilai", None) is None:
        return h.alasan or h.status
    return h.alasan


def _capaian_satu(realisasi: Sel, target: Sel, jenis: Sel) -> object:
    return getattr(_capaian_hasil(realisasi, target, jenis), "nilai", None)  # a reason text has no value


def _capaian_ket_satu(realisasi: Sel, target: Sel, jenis: Sel) -> object:
    return _keterangan(_capaian_hasil(realisasi, target, jenis))


def capaian(realisasi: object, target: object, jenis: object = None) -> object:
    """Capaian (percent, e.g. 85.0) of realisasi against target, cell by cell; ``jenis`` is the indicator
    type ("kumulatif", "persentase", "nilai akhir", "menurun"; empty = kumulatif). A row that has no capaian
    (no target, target 0, text) is empty, as in the generated forms; :func:`capaian_ket` says why."""
    return _larik(_capaian_satu, realisasi, target, jenis, angka=True)


def capaian_ket(realisasi: object, target: object, jenis: object = None) -> object:
    """Why :func:`capaian` is empty for a row, or the core's note on its value; empty when all is plain."""
    return _larik(_capaian_ket_satu, realisasi, target, jenis)


def _capaian_tahun_hasil(tw1: Sel, tw2: Sel, tw3: Sel, tw4: Sel, jenis: Sel) -> object:
    """Realisasi for the year (float or None), or a reason text when an input is unusable."""
    j = _jenis(jenis)
    if j is None:
        return f"Jenis indikator tidak dikenal: {jenis}"
    tw = []
    for x in (tw1, tw2, tw3, tw4):
        if x is None or type(x) is float:       # what COM sends for a number or an empty cell
            tw.append(x)
            continue
        v = _bilangan(x)
        if v is _BUKAN_ANGKA:
            return f"Bukan angka: {x}"
        if v is not None and not isinstance(v, float):
            if getattr(v, "nilai", None) is None and not getattr(v, "kosong", False):
                return "Bukan angka: " + _teks_pendek(str(x), 60)
            v = v.nilai
        tw.append(v)
    return _inti("capaian").realisasi_tahun(tuple(tw), j)


def _capaian_tahun_satu(tw1: Sel, tw2: Sel, tw3: Sel, tw4: Sel, jenis: Sel) -> object:
    h = _capaian_tahun_hasil(tw1, tw2, tw3, tw4, jenis)
    return None if isinstance(h, str) else h


def _capaian_tahun_ket_satu(tw1: Sel, tw2: Sel, tw3: Sel, tw4: Sel, jenis: Sel) -> object:
    h = _capaian_tahun_hasil(tw1, tw2, tw3, tw4, jenis)
    return h if isinstance(h, str) else None


def capaian_tahun(tw1: object, tw2: object, tw3: object, tw4: object, jenis: object = None) -> object:
    """Realisasi for the year from the four quarters by indicator type (kumulatif: sum of filled quarters;
    persentase / nilai akhir / menurun: last filled quarter). Empty when no quarter is filled or an input is
    unusable (:func:`capaian_tahun_ket` says which)."""
    return _larik(_capaian_tahun_satu, tw1, tw2, tw3, tw4, jenis, angka=True)


def capaian_tahun_ket(tw1: object, tw2: object, tw3: object, tw4: object, jenis: object = None) -> object:
    """Why :func:`capaian_tahun` is empty for a row although a quarter holds something (unknown type, text)."""
    return _larik(_capaian_tahun_ket_satu, tw1, tw2, tw3, tw4, jenis)


def _predikat_satu(nilai: Sel) -> object:
    if _kosong(nilai):
        return None
    v = _bilangan(nilai)
    if v is _BUKAN_ANGKA:
        return f"Bukan angka: {nilai}"
    if v is not None and not isinstance(v, float):
        if v.nilai is None:
            return "Bukan angka: " + _teks_pendek(str(nilai), 60)
        v = v.nilai
    if v is None:
        return None
    return _inti("predikat").predikat(v)


def predikat(nilai_capaian: object) -> object:
    """Predikat (Sangat Tinggi ... Sangat Rendah, Permendagri 86/2017) of a capaian in percent.
    (The argument is not called ``capaian``: VBA is case-blind and would re-case the function CAPAIAN.)"""
    return _larik(_predikat_satu, nilai_capaian)


def _rata_capaian_hasil(rentang: object) -> object:
    nilai: list[float] = []
    for x in _grid(rentang)[3]:
        v = _bilangan(x)
        if isinstance(v, float):
            nilai.append(v)
        elif v is not None and v is not _BUKAN_ANGKA and getattr(v, "nilai", None) is not None \
                and not getattr(v, "jamak", ()):
            nilai.append(float(v.nilai))
    return _inti("capaian").rata_rata(nilai)


def rata_capaian(rentang: object) -> object:
    """Average capaian of a range (one number). Empty cells and texts (no target, hence no capaian) are
    left out, as the core rule says; empty when nothing is left (:func:`rata_capaian_ket` says so)."""
    try:
        return _rata_capaian_hasil(rentang).nilai
    except Exception:  # noqa: BLE001 - a number cell shows a number or nothing
        return None


def rata_capaian_ket(rentang: object) -> object:
    """Why :func:`rata_capaian` is empty, or how many cells it left out."""
    try:
        return _keterangan(_rata_capaian_hasil(rentang))
    except Exception as e:  # noqa: BLE001
        return f"Galat: {e}"[:250]


# ------------------------------------------------------------------------------------------- codes

def _konteks(jenis_pemda: Sel, bidang: Sel) -> object:
    jenis = None
    if not _kosong(jenis_pemda):
        jenis = baca_pemda(jenis_pemda)
        if jenis is None:
            return f"Jenis pemda tidak dikenal: {jenis_pemda} (pakai {CONTOH_ALIAS})"
    bid = None
    if not _kosong(bidang):
        b = parse_kode(bidang)
        if b.normal is None or b.tingkat is not Tingkat.BIDANG or b.template:
            return f"Bukan kode bidang urusan: {bidang} (contoh 2.17)"
        bid = b.normal
    if jenis is None and bid is None:
        return None
    from renja_xl.nomenklatur.validasi import Konteks

    return Konteks(jenis_pemda=jenis, bidang=bid)


def _katalog() -> object:
    return _inti("nomenklatur.simpan").muat_katalog()


def _alasan(vonis: object) -> str:
    """The most serious finding, as one short sentence with its fix."""
    temuan = sorted(vonis.temuan, key=lambda t: {"salah": 0, "peringatan": 1}.get(t.tingkat, 2))
    for t in temuan:
        if t.tingkat == "info":
            continue
        s = t.pesan
        if t.saran:
            s = f"{s.rstrip('.')}. Saran: {t.saran}"
        return _teks_pendek(s)
    return vonis.status


def _cek_kode_satu(kode: Sel, nama: Sel, jenis_pemda: Sel, bidang: Sel) -> object:
    if _kosong(kode):
        return None
    kx = _konteks(jenis_pemda, bidang)
    if isinstance(kx, str):
        return kx
    # the same era-aware validation as ``renja-xl kode``: the installed list of the code's own era
    v = _inti("nomenklatur.simpan").validasi_otomatis(kode, None if _kosong(nama) else str(nama), kx)
    if v.status == "benar":
        return "OK"
    jenis = {t.jenis for t in v.temuan if t.tingkat != "info"}
    if jenis == {"nomenklatur.tanpa_katalog"}:
        return "OK (hanya bentuk kode; katalog nomenklatur belum diimpor)"
    return _alasan(v)


def cek_kode(kode: object, nama: object = None, jenis_pemda: object = None, bidang: object = None) -> object:
    """``"OK"`` when the code (and name) match the active nomenclature catalog, else a short Indonesian
    reason with the fix. ``jenis_pemda``: kabkota/provinsi; ``bidang``: the OPD's bidang urusan (2.17)."""
    return _larik(_cek_kode_satu, kode, nama, jenis_pemda, bidang)


def _tidak_sah(k: object) -> str:
    for t in k.temuan:
        if t.tingkat == "salah":
            return "Kode tidak sah: " + _teks_pendek(t.pesan, 160)
    return "Kode tidak sah"


def _nama_kode_satu(kode: Sel) -> object:
    if _kosong(kode):
        return None
    k = parse_kode(kode)
    if k.normal is None:
        return _tidak_sah(k)
    kat = _inti("nomenklatur.simpan").katalog_untuk_kode(k.normal)  # the list of the code's own era
    if kat is None:
        if _katalog() is not None:
            return f"Katalog era kode {k.normal} belum diimpor (renja-xl nomenklatur impor BERKAS)"
        return "Katalog nomenklatur belum diimpor (renja-xl nomenklatur impor BERKAS)"
    e = kat.cari(k.normal)
    return e.nama if e is not None else f"Kode {k.normal} tidak ada di katalog {kat.nama}"


def nama_kode(kode: object) -> object:
    """Official name of a code in the active nomenclature catalog."""
    return _larik(_nama_kode_satu, kode)


def _induk_kode_satu(kode: Sel) -> object:
    if _kosong(kode):
        return None
    k = parse_kode(kode)
    if k.normal is None:
        return _tidak_sah(k)
    induk = k.induk()
    return induk[-1] if induk else "Urusan tidak punya induk"


def induk_kode(kode: object) -> object:
    """Direct parent code (sub kegiatan -> kegiatan -> program -> bidang -> urusan)."""
    return _larik(_induk_kode_satu, kode)


def _tingkat_kode_satu(kode: Sel) -> object:
    if _kosong(kode):
        return None
    k = parse_kode(kode)
    if k.tingkat is None:
        return _tidak_sah(k)
    return k.tingkat.label


def tingkat_kode(kode: object) -> object:
    """Level of a code: urusan, bidang urusan, program, kegiatan or sub kegiatan."""
    return _larik(_tingkat_kode_satu, kode)


def _normal_kode_satu(kode: Sel) -> object:
    if _kosong(kode):
        return None
    k = parse_kode(kode)
    if k.normal is None:
        return _tidak_sah(k)
    return k.normal


def normal_kode(kode: object) -> object:
    """The code in canonical dotted form (``2.17.01.2.01.0001``), or "Kode tidak sah: <alasan>"."""
    return _larik(_normal_kode_satu, kode)


def _kode_baru_satu(kode: Sel) -> object:
    if _kosong(kode):
        return None
    k = parse_kode(kode)
    if k.normal is None:
        return _tidak_sah(k)
    kat = _katalog()
    if kat is None:
        return "Katalog nomenklatur belum diimpor (renja-xl nomenklatur impor BERKAS)"
    baru = kat.pengganti(k.normal)
    if baru:
        return ", ".join(baru)
    if kat.cari(k.normal) is not None:
        return k.normal
    return f"Tidak ada pengganti untuk {k.normal} di katalog {kat.nama}"


def kode_baru(kode: object) -> object:
    """Successor code(s) of an old code in the active catalog (comma-separated); the code itself when it
    is still current."""
    return _larik(_kode_baru_satu, kode)


# ------------------------------------------------------------------------------------------- numbers

def _angka_hasil(teks: Sel) -> object:
    """(number or None, reason or None) for one cell."""
    if _kosong(teks):
        return None, None
    if isinstance(teks, bool):
        return None, f"Bukan angka: {teks}"
    if isinstance(teks, (int, float)):
        return (None if teks != teks else float(teks)), None  # NaN from COM is an empty value, not a number
    a = _inti("angka").parse_angka(teks if isinstance(teks, str) else str(teks))
    if a.jamak:
        return None, "Beberapa nilai dalam satu sel: " + _teks_pendek(str(teks), 80)
    if a.nilai is not None:
        return a.nilai, None
    if a.kosong:
        return None, None
    return None, "Bukan angka: " + _teks_pendek(str(teks), 80)


def _angka_satu(teks: Sel) -> object:
    return _angka_hasil(teks)[0]


def _angka_ket_satu(teks: Sel) -> object:
    return _angka_hasil(teks)[1]


def angka(teks: object) -> object:
    """The number in a text written the Indonesian way (``"1.234,5 Dokumen"`` -> 1234.5); empty when the
    cell holds no single number (:func:`angka_ket` says why)."""
    return _larik(_angka_satu, teks, angka=True)


def angka_ket(teks: object) -> object:
    """Why :func:`angka` is empty for a cell that is not blank (text, several values)."""
    return _larik(_angka_ket_satu, teks)


def _satuan_satu(teks: Sel) -> object:
    if _kosong(teks) or not isinstance(teks, str):
        return None
    a = _inti("angka").parse_angka(teks)
    if a.satuan:
        return a.satuan
    return "%" if a.persen else None


def satuan(teks: object) -> object:
    """The unit written with a number (``"12 Dokumen"`` -> ``"Dokumen"``, ``"85 %"`` -> ``"%"``)."""
    return _larik(_satuan_satu, teks)


# ------------------------------------------------------------------------------------------- Excel shapes
# Pure helpers for what Excel hands over and takes back; the xlwings glue below only calls them.

class Terpotong(list):
    """Rows of a range argument cut to the used part of its sheet; ``asli`` is the range's own (rows, cols)."""

    asli: tuple[int, int] = (0, 0)


def ukuran_terpakai(rentang: tuple[int, int, int, int], terpakai: tuple[int, int, int, int]) -> tuple[int, int]:
    """(rows, cols) to read of a range (first row, first column, rows, cols) on a sheet whose used range is
    ``terpakai``: the range cut at the used range's last row and column, never at its start (so answers stay
    on the rows of their inputs), and at least one cell."""
    baris, kolom, n, k = rentang
    t_baris, t_kolom, t_n, t_k = terpakai
    return max(1, min(n, t_baris + t_n - baris)), max(1, min(k, t_kolom + t_k - kolom))


def samakan_potongan(args: list[object]) -> list[object]:
    """Ranges of the same size cut at different lengths (their sheets are filled to different rows) are
    padded back to the longest with empty cells, so they still pair row by row."""
    potong = [a for a in args if isinstance(a, Terpotong)]
    if len(potong) < 2:
        return args
    out = list(args)
    for asli in {a.asli for a in potong}:
        sama = [i for i, a in enumerate(args) if isinstance(a, Terpotong) and a.asli == asli]
        n = max(len(args[i]) for i in sama)
        k = max((len(r) for i in sama for r in args[i]), default=1)
        for i in sama:
            rows = [list(r) + [None] * (k - len(r)) for r in args[i]]
            out[i] = Terpotong(rows + [[None] * k for _ in range(n - len(rows))])
            out[i].asli = asli
    return out


def seperti_pemanggil(hasil: object, ukuran: tuple[int, int] | None) -> object:
    """The answer shaped like the calling range. One cell (or no caller: a script) gets the answer as it is,
    which spills in Microsoft 365. A block selected for a legacy array formula (Ctrl+Shift+Enter, Excel
    2016/2019) gets exactly its size: answer rows first, the rest empty ("" — Excel would repeat a single
    value over the block and show #N/A past a shorter answer)."""
    if ukuran is None or ukuran == (1, 1):
        return hasil
    n, k = ukuran
    if isinstance(hasil, list):
        grid = [r if isinstance(r, list) else [r] for r in hasil] if hasil and isinstance(hasil[0], list) \
            else ([hasil] if hasil else [])
    else:
        grid = [[hasil]]

    def sel(i: int, j: int) -> object:
        v = grid[i][j] if i < len(grid) and j < len(grid[i]) else None
        return "" if v is None else v

    return [[sel(i, j) for j in range(k)] for i in range(n)]


def _ukuran(pemanggil: object) -> tuple[int, int] | None:
    """(rows, cols) of xlwings' ``caller`` range; None outside Excel."""
    bentuk = getattr(pemanggil, "shape", None)
    return (int(bentuk[0]), int(bentuk[1])) if bentuk else None


# ------------------------------------------------------------------------------------------- Excel names


_KATEGORI = "Renja-XL"
_TW = {"tw1": "Realisasi triwulan I", "tw2": "Realisasi triwulan II", "tw3": "Realisasi triwulan III",
       "tw4": "Realisasi triwulan IV", "jenis": "Jenis indikator (kosong = kumulatif)"}
_RC = {"realisasi": "Realisasi (sel atau kolom)", "target": "Target (sel atau kolom)",
       "jenis": "Jenis indikator: kumulatif, persentase, nilai akhir, menurun (kosong = kumulatif)"}
_KODE = {"kode": "Kode nomenklatur (sel atau kolom)"}
_SPEK: tuple[tuple[Callable[..., object], str, str, dict[str, str]], ...] = (
    (capaian, "CAPAIAN", "Capaian (%) realisasi terhadap target; kosong bila tidak ada capaian "
     "(alasannya: CAPAIAN_KET). Terima satu sel atau satu kolom.", _RC),
    (capaian_ket, "CAPAIAN_KET", "Alasan CAPAIAN kosong (mis. target 0 atau kosong) atau catatan atas nilainya.",
     _RC),
    (capaian_tahun, "CAPAIAN_TAHUN", "Realisasi tahun dari realisasi triwulan I-IV menurut jenis indikator.", _TW),
    (capaian_tahun_ket, "CAPAIAN_TAHUN_KET", "Alasan CAPAIAN_TAHUN kosong (mis. isian triwulan bukan angka).",
     _TW),
    (predikat, "PREDIKAT", "Predikat capaian menurut Permendagri 86/2017 (Sangat Tinggi s.d. Sangat Rendah).",
     {"nilai_capaian": "Capaian dalam persen (sel atau kolom)"}),
    (rata_capaian, "RATA_CAPAIAN", "Rata-rata capaian; sel kosong atau teks (tanpa target) tidak dihitung.",
     {"rentang": "Rentang nilai capaian"}),
    (rata_capaian_ket, "RATA_CAPAIAN_KET", "Alasan RATA_CAPAIAN kosong, atau berapa sel tidak dihitung.",
     {"rentang": "Rentang nilai capaian"}),
    (cek_kode, "CEK_KODE", "OK bila kode (dan nama) sesuai katalog nomenklatur; selain itu alasannya.",
     {"kode": "Kode nomenklatur (sel atau kolom)", "nama": "Nama program/kegiatan/sub kegiatan (opsional)",
      "jenis_pemda": "kabkota atau provinsi (opsional)", "bidang": "Bidang urusan OPD, mis. 2.17 (opsional)"}),
    (nama_kode, "NAMA_KODE", "Nama resmi kode menurut katalog nomenklatur aktif.", _KODE),
    (induk_kode, "INDUK_KODE", "Kode induk langsung (sub kegiatan -> kegiatan -> program -> bidang -> urusan).",
     _KODE),
    (tingkat_kode, "TINGKAT_KODE", "Tingkat kode: urusan, bidang urusan, program, kegiatan, sub kegiatan.",
     _KODE),
    (normal_kode, "NORMAL_KODE", "Kode dalam bentuk baku bertitik, mis. 2.17.01.2.01.0001.", _KODE),
    (kode_baru, "KODE_BARU", "Kode pengganti (nomenklatur baru) dari kode lama.",
     {"kode": "Kode lama (sel atau kolom)"}),
    (angka, "ANGKA", "Angka dari teks bergaya Indonesia, mis. \"1.234,5 Dokumen\" -> 1234,5; kosong bila "
     "bukan satu angka (alasannya: ANGKA_KET).", {"teks": "Teks berisi angka (sel atau kolom)"}),
    (angka_ket, "ANGKA_KET", "Alasan ANGKA kosong (teks bukan angka, atau beberapa nilai dalam satu sel).",
     {"teks": "Teks berisi angka (sel atau kolom)"}),
    (satuan, "SATUAN", "Satuan yang ditulis bersama angka, mis. \"12 Dokumen\" -> Dokumen.",
     {"teks": "Teks berisi angka dan satuan (sel atau kolom)"}),
)


def _daftarkan(fungsi: Callable[..., object], nama: str, bantuan: str, argumen: dict[str, str]) -> Callable:
    """The Excel function ``nama``: ``fungsi`` with xlwings' reserved last argument ``caller`` (the calling
    range; the VBA wrapper passes Nothing and xlwings fills it in), every range argument cut to the used
    part of its sheet and 2-D (a column arrives as rows), Indonesian help, category Renja-XL."""
    xlarg, xlfunc = _dekorator_xlwings()
    tanda = inspect.signature(fungsi)
    if list(tanda.parameters) != list(argumen):
        raise ValueError(f"{nama}: bantuan argumen tidak sama dengan argumen {fungsi.__name__}")
    tanda = tanda.replace(parameters=[*tanda.parameters.values(),
                                      inspect.Parameter("caller", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                                        default=None)])

    def excel(*args, **kwargs):  # type: ignore[no-untyped-def]  # no hints: xlwings reads them as converters
        terikat = tanda.bind(*args, **kwargs)
        terikat.apply_defaults()
        *masuk, pemanggil = terikat.args
        return seperti_pemanggil(fungsi(*samakan_potongan(masuk)), _ukuran(pemanggil))

    excel.__signature__ = tanda  # type: ignore[attr-defined]
    excel.__name__ = excel.__qualname__ = nama
    excel.__module__ = __name__
    excel.__doc__ = bantuan
    opsi = _opsi_rentang()
    for arg, doc in argumen.items():
        # err_to_str: an error cell arrives as "#N/A" text instead of a bare COM error number
        excel = xlarg(arg, doc=doc, err_to_str=True, **opsi)(excel)
    return xlfunc(category=_KATEGORI)(excel)


def _opsi_rentang() -> dict[str, object]:
    """xlwings read options of every range argument: 2-D, and cut to the used range before reading."""
    try:
        from xlwings.conversion import ValueAccessor
        from xlwings.conversion.standard import AdjustDimensionsStage, ReadValueFromRangeStage
    except ImportError:  # pragma: no cover - xlwings always ships its conversion package
        return {"ndim": 2}

    def potong(c: Any) -> None:
        rng = c.range
        if rng is None:
            return
        n, k = rng.shape
        if n * k == 1:
            return
        pakai = rng.sheet.used_range
        c.meta["asli"] = (n, k)
        n2, k2 = ukuran_terpakai((rng.row, rng.column, n, k), (pakai.row, pakai.column, *pakai.shape))
        if (n2, k2) != (n, k):
            c.range = rng.resize(n2, k2)

    def tandai(c: Any) -> None:
        if "asli" in c.meta and isinstance(c.value, list):
            c.value = Terpotong(c.value)
            c.value.asli = c.meta["asli"]

    class NilaiTerpakai(ValueAccessor):
        """xlwings' value reader with the range cut first (``=CAPAIAN(H:H;...)`` reads the filled rows)."""

        @staticmethod
        def reader(options: Any) -> Any:
            return (ValueAccessor.reader(options)
                    .insert_stage(potong, before=ReadValueFromRangeStage)
                    .insert_stage(tandai, after=AdjustDimensionsStage))

    return {"ndim": 2, "convert": NilaiTerpakai}


def _dekorator_xlwings() -> tuple[Callable[..., Any], Callable[..., Any]]:
    """xlwings' real UDF decorators (``xlwings.udfs``, what ``xw.arg``/``xw.func`` are on Windows); without
    pywin32 (Linux, macOS: no UDFs there) xlwings' own no-op ``xw.arg``/``xw.func``."""
    try:
        from xlwings.udfs import xlarg, xlfunc
    except ImportError:
        import xlwings as xw

        return xw.arg, xw.func
    return xlarg, xlfunc


FUNGSI_EXCEL: dict[str, Callable[..., object]] = {}
for _f, _nama, _bantuan, _arg in _SPEK:
    FUNGSI_EXCEL[_nama] = globals()[_nama] = _daftarkan(_f, _nama, _bantuan, _arg)
del _f, _nama, _bantuan, _arg
