"""renja-xl benchmarks, with the baselines that bound what is possible measured in the same run.

    python bench/run.py            # everything (40 OPD, 20,000-row master); rewrites docs/benchmarks.md
    python bench/run.py --quick    # a smaller set, under two minutes
    python bench/run.py --smoke    # tiny sizes, used by tests/test_bench.py so this script cannot rot

Prints a table (Indonesian labels) and, last on stdout, one JSON line with at least ``gen_ratio``,
``check_ratio``, ``codes_per_s``, ``udf_ms_20k``, ``catalog_load_ms``, ``induk_read_ratio`` (Data Induk read
/ calamine), ``rekap_files_per_s`` and ``worker_peak_mb`` (province-scale ``rekap``: 2,000 generated OPD E.81
workbooks, generated once into the user's cache folder) so figures can be tracked from run to run. Temporary data goes to a temporary folder, never into the repository. Benchmarks are not tests:
nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
DOCS = REPO / "docs" / "benchmarks.md"
PENANDA = "<!-- hasil: semua di bawah baris ini ditulis ulang oleh bench/run.py -->"


@dataclass(frozen=True)
class Ukuran:
    nama: str
    opd: int
    min_baris: int
    max_baris: int
    master: int
    kode: int
    udf: int
    rekap: int = 0            # OPD E.81 workbooks in the province-scale rekap benchmark
    rekap_baris: tuple[int, int] = (60, 250)


UKURAN = {
    "penuh": Ukuran("penuh", 40, 300, 500, 20_000, 100_000, 20_000, 2_000),
    "cepat": Ukuran("cepat", 4, 300, 500, 2_000, 100_000, 20_000, 100),
    "asap": Ukuran("asap", 2, 8, 15, 60, 1_000, 200, 6, (8, 15)),
}


@dataclass
class Hasil:
    """One line of the table: a measured figure, optionally its baseline and an aim on the ratio/figure."""

    label: str
    ukuran: str
    detik: float
    pembanding: str = ""
    detik_pembanding: float | None = None
    sasaran: str = ""
    tercapai: bool | None = None
    catatan: str = ""

    @property
    def rasio(self) -> float | None:
        if self.detik_pembanding:
            return self.detik / self.detik_pembanding
        return None


@dataclass
class Laporan:
    hasil: list[Hasil] = field(default_factory=list)
    angka: dict[str, Any] = field(default_factory=dict)

    def tambah(self, h: Hasil) -> Hasil:
        self.hasil.append(h)
        print(f"  · {h.label}: {_fmt_detik(h.detik)}", file=sys.stderr, flush=True)
        return h


def _ukur(f: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    t = time.perf_counter()
    r = f()
    return time.perf_counter() - t, r


def _fmt_detik(d: float | None) -> str:
    if d is None:
        return "—"
    if d < 1:
        return f"{d * 1000:.1f} ms".replace(".", ",")
    return f"{d:.2f} s".replace(".", ",")


def _ribu(n: int) -> str:
    return f"{n:,}".replace(",", ".")


# -------------------------------------------------------------------------------------------- baselines

def _baca_calamine(path: Path) -> int:
    """python-calamine reading every sheet's values (the fastest reader available)."""
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    n = 0
    for nama in wb.sheet_names:
        n += len(wb.get_sheet_by_name(nama).to_python())
    return n


def _muat_openpyxl(path: Path) -> int:
    """openpyxl loading the workbook once, formulas and styles (what the checker must at least do).

    Like the checker and the generator, the baselines run with the cyclic collector spaced out
    (``jeda_gc``): a bound of what is possible, so the ratio shows renja-xl's own work only."""
    from openpyxl import load_workbook

    from renja_xl.jeda_gc import jeda_gc

    with jeda_gc():
        wb = load_workbook(path)
        return sum(ws.max_row for ws in wb.worksheets)


def _sel_bergaya(path: Path) -> list[tuple[str, list[tuple], list[str], dict[str, float | None]]]:
    """Every non-empty or styled cell of a workbook with its style objects (not timed)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    out = []
    for ws in wb.worksheets:
        sel = []
        for row in ws.iter_rows():
            for c in row:
                if c.__class__.__name__ == "MergedCell" or (c.value is None and not c.has_style):
                    continue
                st = c._style  # the workbook's own style objects (c.font is a read-only proxy)
                sel.append((c.row, c.column, c.value, wb._fonts[st.fontId], wb._fills[st.fillId],
                            wb._borders[st.borderId], wb._alignments[st.alignmentId], c.number_format))
        lebar = {k: d.width for k, d in ws.column_dimensions.items()}
        out.append((ws.title, sel, [str(m) for m in ws.merged_cells.ranges], lebar))
    return out


SAMPEL_DASAR = 8


def _tulis_openpyxl(isi: list, tujuan: Path) -> int:
    """openpyxl writing the same cells with the same styles and merges: the floor for the generator
    (collector spaced out, as in the generator)."""
    from renja_xl.jeda_gc import jeda_gc

    with jeda_gc():
        return _tulis_openpyxl_isi(isi, tujuan)


def _tulis_openpyxl_isi(isi: list, tujuan: Path) -> int:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    n = 0
    for judul, sel, gabung, lebar in isi:
        ws = wb.create_sheet(judul)
        for r, k, v, font, fill, border, align, fmt in sel:
            c = ws.cell(r, k, v)
            c.font = font
            c.fill = fill
            c.border = border
            c.alignment = align
            c.number_format = fmt
            n += 1
        for m in gabung:
            ws.merge_cells(m)
        for k, w in lebar.items():
            ws.column_dimensions[k].width = w
    wb.save(tujuan)
    return n


# -------------------------------------------------------------------------------------------- errors

def suntik_galat(asal: Path, tujuan: Path, seed: int) -> int:
    """Copy a generated workbook with typed mistakes: a capaian typed over its formula, a wrong total,
    malformed codes. Returns how many cells were changed."""
    from openpyxl import load_workbook

    wb = load_workbook(asal)
    n = suntik_galat_wb(wb, random.Random(seed))
    wb.save(tujuan)
    return n


def suntik_galat_wb(wb: Any, rng: random.Random) -> int:
    """The same mistakes in a workbook in memory (the first sheet); returns how many cells were changed."""
    from renja_xl.kode import parse_kode

    ws = wb.worksheets[0]
    rumus = [c for row in ws.iter_rows(min_row=8) for c in row
             if isinstance(c.value, str) and c.value.startswith("=") and "SUM" not in c.value.upper()]
    total = [c for row in ws.iter_rows(min_row=8) for c in row
             if isinstance(c.value, str) and c.value.upper().startswith("=SUM")]
    kode = [c for row in ws.iter_rows(min_row=8, max_col=4) for c in row
            if isinstance(c.value, str) and parse_kode(c.value).valid and c.value.count(".") >= 2]
    n = 0
    for c in rng.sample(rumus, min(3, len(rumus))):
        c.value = round(rng.uniform(10, 150), 2)
        n += 1
    for c in rng.sample(total, min(1, len(total))):
        c.value = 123456789
        n += 1
    for i, c in enumerate(rng.sample(kode, min(2, len(kode)))):
        c.value = c.value + "." if i == 0 else c.value.replace(".", ". ", 1)
        n += 1
    return n


# -------------------------------------------------------------------------------------------- the run

def _rusage_anak() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def jalankan(uk: Ukuran, tmp: Path, *, lo: bool, nomenklatur: Path | None, hanya_rekap: bool = False) -> Laporan:
    import data as bd

    lap = Laporan()
    os.environ["RENJA_XL_NOMENKLATUR"] = str(tmp / "katalog")
    from renja_xl.nomenklatur import simpan
    from renja_xl.nomenklatur.validasi import Konteks, lupakan_cache, validasi

    src = bd.sumber(nomenklatur, "KABKOT")
    lap.angka["kode_nyata"] = src.nyata
    if hanya_rekap:   # the province-scale rekap alone, with the catalog imported as users have it
        simpan.impor(nomenklatur / bd.SIPD_XLSX if src.nyata and nomenklatur else
                     _katalog_contoh(tmp / "katalog_contoh.csv", src), "bench")
        _rekap(lap, uk, tmp, src)
        return lap

    # ---- catalog import and load
    if src.nyata:
        assert nomenklatur is not None
        berkas_katalog = nomenklatur / bd.SIPD_XLSX
        pembanding = "calamine baca berkas sama"
    else:
        berkas_katalog = _katalog_contoh(tmp / "katalog_contoh.csv", src)
        pembanding = "csv baca berkas sama"
    d, (nama, meta) = _ukur(lambda: simpan.impor(berkas_katalog, "bench"))
    if src.nyata:
        d0, _ = _ukur(lambda: _baca_calamine(berkas_katalog))
    else:
        import csv

        d0, _ = _ukur(lambda: list(csv.DictReader(berkas_katalog.open(encoding="utf-8"))))
    jumlah = sum(meta["jumlah"].values()) if isinstance(meta.get("jumlah"), dict) else 0
    lap.tambah(Hasil("Impor katalog", f"{_ribu(jumlah)} entri", d, pembanding, d0))
    simpan.lupakan_cache()
    d, katalog = _ukur(simpan.muat_katalog)
    versi = simpan._berkas_versi(nama)
    d0, _ = _ukur(lambda: json.loads(gzip.decompress(versi.read_bytes())))
    lap.tambah(Hasil("Muat katalog", f"{_ribu(len(katalog))} entri", d, "gzip + json.loads berkas versi", d0))
    lap.angka["catalog_load_ms"] = d * 1000

    # ---- code validation
    kode = bd.kode_uji(src, uk.kode)
    kx = Konteks(jenis_pemda="kabupaten/kota")
    for k in kode[:200]:  # first use builds the catalog's lazy indexes: not part of the per-code rate
        validasi(k, None, kx, katalog)
    lupakan_cache()
    d, _ = _ukur(lambda: [validasi(k, None, kx, katalog) for k in kode])
    per_detik = len(kode) / d
    lap.tambah(Hasil(f"Validasi {_ribu(len(kode))} kode", f"{_ribu(len(set(kode)))} unik, ±30 % salah", d,
                     sasaran="> 200.000/s", tercapai=per_detik > 200_000,
                     catatan=f"{_ribu(int(per_detik))}/s"))
    lap.angka["codes_per_s"] = per_detik
    unik = list(dict.fromkeys(kode))
    lupakan_cache()
    d, _ = _ukur(lambda: [validasi(k, None, kx, katalog) for k in unik])
    lap.tambah(Hasil("Validasi kode unik (tanpa cache)", f"{_ribu(len(unik))} kode", d,
                     catatan=f"{_ribu(int(len(unik) / d))}/s"))
    lap.angka["codes_unik_per_s"] = len(unik) / d
    # issue 3's aim is on valid codes; invalid ones pay for their corrections and suggestions
    lupakan_cache()
    sah = {k for k in unik if validasi(k, None, kx, katalog).status == "benar"}
    for nama_set, bagian in (("sah", [k for k in kode if k in sah]), ("salah", [k for k in kode if k not in sah])):
        lupakan_cache()
        d, _ = _ukur(lambda: [validasi(k, None, kx, katalog) for k in bagian])
        laju = len(bagian) / d
        lap.tambah(Hasil(f"Validasi kode {nama_set} saja", f"{_ribu(len(bagian))} kode, "
                         f"{_ribu(len(set(bagian)))} unik", d, catatan=f"{_ribu(int(laju))}/s",
                         sasaran="> 200.000/s" if nama_set == "sah" else "",
                         tercapai=(laju > 200_000) if nama_set == "sah" else None))
        lap.angka[f"codes_{nama_set}_per_s"] = laju

    # ---- Excel functions, called as Excel calls them: one call per column, a list of one-cell rows
    _udf(lap, uk.udf, kode)

    # ---- synthetic data
    d, opd = _ukur(lambda: bd.kabupaten(tmp / "induk", src, uk.opd, uk.min_baris, uk.max_baris))
    src_prov = bd.sumber(nomenklatur, "PROV")
    dm, master = _ukur(lambda: bd.master(tmp / "master.xlsx", src_prov, uk.master))
    print(f"  · data sintetis: {len(opd)} OPD {_fmt_detik(d)}, master {_fmt_detik(dm)}", file=sys.stderr)

    from renja_xl.data_induk import baca_data_induk
    from renja_xl.generator import buat, buat_semua

    d, dm_data = _ukur(lambda: baca_data_induk(master))
    d0, _ = _ukur(lambda: _baca_calamine(master))
    lap.tambah(Hasil("Baca Data Induk master", f"{_ribu(len(dm_data.baris))} baris", d, "calamine", d0, "≤ 3×",
                     d / d0 <= 3))
    lap.angka["induk_read_ratio"] = d / d0
    n_baris = [len(baca_data_induk(p).baris) for p in opd]
    lap.angka["opd"] = len(n_baris)
    lap.angka["baris_opd_total"] = sum(n_baris)

    # ---- generation, against openpyxl writing the same cells
    keluar = tmp / "formulir"
    keluar.mkdir()
    hasil_gen: list[Path] = []
    waktu_gen: list[float] = []
    for p in opd:
        d, o = _ukur(lambda p=p: buat_semua(p, keluar / p.name, timpa=True))
        hasil_gen.append(o)
        waktu_gen.append(d)
    dasar = tmp / "dasar"
    dasar.mkdir()
    waktu_dasar: list[float] = []
    sel_dasar: list[int] = []
    for o in hasil_gen[:SAMPEL_DASAR]:  # the baseline costs as much as generation: measured on a sample
        isi = _sel_bergaya(o)
        d, n = _ukur(lambda isi=isi, o=o: _tulis_openpyxl(isi, dasar / o.name))
        waktu_dasar.append(d)
        sel_dasar.append(n)
    k = len(waktu_dasar)
    # scaled to every workbook by Data Induk rows (cells per row are the same in every form)
    dasar_semua = sum(waktu_dasar) / sum(n_baris[:k]) * sum(n_baris)
    n_sel = round(sum(sel_dasar) / sum(n_baris[:k]) * sum(n_baris))
    lap.tambah(Hasil("Buat semua formulir 1 OPD", f"{n_baris[0]} baris Data Induk", waktu_gen[0],
                     "openpyxl tulis sel sama", waktu_dasar[0], "≤ 1,5×", waktu_gen[0] / waktu_dasar[0] <= 1.5))
    rasio = sum(waktu_gen) / dasar_semua
    skala = "" if len(hasil_gen) <= SAMPEL_DASAR else f" ({SAMPEL_DASAR} buku diukur, diskalakan per baris)"
    lap.tambah(Hasil(f"Buat semua formulir {len(opd)} OPD", f"{_ribu(sum(n_baris))} baris, ±{_ribu(n_sel)} sel",
                     sum(waktu_gen), "openpyxl tulis sel sama" + skala, dasar_semua, "≤ 1,5×", rasio <= 1.5))
    lap.angka["gen_ratio"] = rasio
    o_master = tmp / "master_e81.xlsx"
    d, _ = _ukur(lambda: buat(master, "e81", None, o_master, timpa=True))
    isi = _sel_bergaya(o_master)
    d0, n = _ukur(lambda: _tulis_openpyxl(isi, tmp / "master_dasar.xlsx"))
    lap.tambah(Hasil("Buat E.81 master", f"{_ribu(len(dm_data.baris))} baris, {_ribu(n)} sel", d,
                     "openpyxl tulis sel sama", d0, "≤ 1,5×", d / d0 <= 1.5))

    # ---- inject errors, recalculate in LibreOffice
    folder = tmp / "periksa"
    folder.mkdir()
    salah = tmp / "salah"
    salah.mkdir()
    cek = []
    for i, o in enumerate(hasil_gen):
        suntik_galat(o, salah / o.name, seed=i)
        cek.append(folder / o.name)
    if lo:
        from renja_xl.libreoffice import hitung_ulang

        d, _ = _ukur(lambda: hitung_ulang([hasil_gen[0]], simpan_ke=[tmp / "lo_satu.xlsx"]))
        lap.tambah(Hasil("LibreOffice hitung ulang 1 buku", "formulir 1 OPD", d, catatan="termasuk start LO"))
        d, _ = _ukur(lambda: hitung_ulang([salah / o.name for o in hasil_gen], simpan_ke=cek))
        lap.tambah(Hasil(f"LibreOffice hitung ulang {len(opd)} buku", "satu sesi LO", d))
        lap.angka["lo_1_s"] = lap.hasil[-2].detik
    else:
        for o in hasil_gen:
            shutil.copy2(salah / o.name, folder / o.name)
        lap.angka["lo_1_s"] = None

    # ---- checking, against openpyxl loading the same workbook
    from renja_xl.periksa import periksa_berkas
    from renja_xl.periksa.folder import periksa_folder

    satu = cek[0]
    # best of two for both: a single openpyxl load varies by ±50 % with the garbage collector's timing
    d0 = min(_ukur(lambda: _muat_openpyxl(satu))[0] for _ in range(2))
    dc, _ = _ukur(lambda: _baca_calamine(satu))
    (d, h), (d2, _h) = _ukur(lambda: periksa_berkas(satu)), _ukur(lambda: periksa_berkas(satu))
    d = min(d, d2)
    lap.tambah(Hasil("Periksa 1 berkas", f"{h.jumlah_salah} salah, {h.jumlah_peringatan} peringatan", d,
                     "openpyxl muat 1×", d0, "≤ 2×", d / d0 <= 2))
    lap.angka["check_ratio"] = d / d0
    lap.angka["temuan_salah_1"] = h.jumlah_salah
    lap.tambah(Hasil("  pembanding: calamine baca berkas", "nilai saja", dc))
    d, _ = _ukur(lambda: periksa_berkas(satu, tmp / "laporan_satu.xlsx", timpa=True))
    lap.tambah(Hasil("Periksa 1 berkas + laporan", "tulis salinan bertanda", d, "openpyxl muat 1×", d0))
    k = min(len(cek), SAMPEL_DASAR)  # as for generation: a sample, scaled by Data Induk rows
    d0 = _ukur(lambda: [_muat_openpyxl(p) for p in cek[:k]])[0] / sum(n_baris[:k]) * sum(n_baris)
    cpu0 = _rusage_anak()
    d, (hasil_folder, _) = _ukur(lambda: periksa_folder(folder, timpa=True))
    inti = (_rusage_anak() - cpu0) / d
    gagal = sum(1 for x in hasil_folder if x.galat)
    lap.tambah(Hasil(f"Periksa folder {len(cek)} OPD", f"{sum(x.salah for x in hasil_folder)} salah, {gagal} gagal",
                     d, f"openpyxl muat {len(cek)}× berurutan" + (f" ({k} diukur, diskalakan)" if k < len(cek) else ""), d0, "2 inti", inti >= 1.5 if len(cek) >= 4 else None,
                     catatan=f"{inti:.2f} inti terpakai".replace(".", ",")))
    lap.angka["folder_cores"] = inti
    lap.angka["folder_ratio"] = d / d0

    _rekap(lap, uk, tmp, src)
    _impor(lap, uk, tmp, src)

    sendiri = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    anak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    lap.tambah(Hasil("Memori puncak (RSS)", f"proses ini; anak {anak:.0f} MB", 0.0,
                     catatan=f"{sendiri:.0f} MB"))
    lap.angka["peak_rss_mb"] = sendiri
    lap.angka["peak_rss_child_mb"] = anak
    return lap


# -------------------------------------------------------------------------------------------- rekap

SAMPEL_REKAP = 40


def _folder_cache(uk: Ukuran, tmp: Path, nyata: bool) -> Path:
    """Where the province-scale workbooks are generated once: the user's cache (``RENJA_XL_BENCH_CACHE``
    overrides), or the temporary folder for the smoke run so tests leave nothing behind."""
    if uk.nama == "asap":
        return tmp / "rekap_cache"
    from platformdirs import user_cache_dir

    akar = Path(os.environ.get("RENJA_XL_BENCH_CACHE") or user_cache_dir("renja-xl"))
    return akar / "bench" / f"rekap-{uk.nama}-{'sipd' if nyata else 'contoh'}"


_SKRIP_REKAP = """
import json, resource, sys, time
from renja_xl.rekap import rekap
t = time.perf_counter()
h = rekap(sys.argv[1], sys.argv[2], tingkat="provinsi", rinci="program", dask=sys.argv[3] or None,
          pekerja=int(sys.argv[4]), timpa=True)
d = time.perf_counter() - t
j = h.ke_json()
print(json.dumps({"detik": d, "anak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                  "opd": len(j["opd"]), "gagal": len(j["gagal"]), "salah": sum(o["salah"] for o in j["opd"])}))
"""


def _rekap_terpisah(folder: Path, keluar: Path, dask: str, pekerja: int) -> dict:
    """Run ``rekap`` in a fresh interpreter, so the peak memory of its children is that of its workers only."""
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    r = subprocess.run([sys.executable, "-c", _SKRIP_REKAP, str(folder), str(keluar), dask, str(pekerja)],
                       capture_output=True, text=True, env=env, timeout=6 * 3600)
    if r.returncode != 0:
        raise RuntimeError(f"rekap gagal: {r.stderr[-2000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def _impor(lap: Laporan, uk: Ukuran, tmp: Path, src: Any) -> None:
    """Import a hand-made E.81 (text with units, typed derived cells, a dozen mistakes) into a Data Induk."""
    from dataclasses import replace

    import data as bd

    from renja_xl.contoh_tabel import e81_tangan
    from renja_xl.data_induk import DataInduk
    from renja_xl.impor_induk import impor_berkas

    n = 400 if uk.nama != "asap" else uk.max_baris
    bidang = sorted(src.bidang)[0]
    rows = [replace(b, baris=i) for i, b in enumerate(bd.baris_opd(src, bidang, n, seed=5), start=2)]
    tangan = e81_tangan(DataInduk(bd.info("Dinas Impor", bidang), rows), tmp / "e81_tangan.xlsx", galat=12, seed=3)
    d0 = min(_ukur(lambda: _muat_openpyxl(tangan.path))[0] for _ in range(2))
    d, hasil = _ukur(lambda: impor_berkas([tangan.path], tmp / "impor_data_induk.xlsx", timpa=True))
    ketemu = len({c.sel for c in hasil.catatan} & set(tangan.galat))
    lap.tambah(Hasil(f"Impor E.81 buatan tangan {len(rows)} baris", f"{ketemu}/{len(tangan.galat)} salah tercatat",
                     d, "openpyxl muat 1×", d0, "beberapa detik", d < 10))
    lap.angka["impor_s"] = d
    lap.angka["impor_salah_tercatat"] = ketemu


def _rekap(lap: Laporan, uk: Ukuran, tmp: Path, src: Any) -> None:
    """Province scale: ``uk.rekap`` generated OPD E.81 workbooks with typed mistakes -> ``rekap`` on the local
    pool and on a Dask LocalCluster, against openpyxl loading the same files (one core)."""
    import data as bd

    from renja_xl.rekap.tugas import proses_berkas

    inti = os.cpu_count() or 1
    folder = _folder_cache(uk, tmp, src.nyata)
    d, berkas = _ukur(lambda: bd.provinsi_e81(folder, src, uk.rekap, *uk.rekap_baris))
    print(f"  · data rekap: {len(berkas)} E.81 di {folder} {_fmt_detik(d)}", file=sys.stderr, flush=True)
    sampel = berkas[:: max(1, len(berkas) // SAMPEL_REKAP)][:SAMPEL_REKAP]
    d_muat = _ukur(lambda: [_muat_openpyxl(p) for p in sampel])[0]
    d_cal = _ukur(lambda: [_baca_calamine(p) for p in sampel])[0]
    d_tugas, hasil_sampel = _ukur(lambda: [proses_berkas(str(p)) for p in sampel])
    salah = sum(h.jumlah("salah") for h in hasil_sampel)
    lap.tambah(Hasil("Rekap: tugas per berkas", f"{len(sampel)} E.81 sampel, {salah} salah", d_tugas / len(sampel),
                     "openpyxl muat 1×", d_muat / len(sampel), "≤ 0,5×", d_tugas / d_muat <= 0.5,
                     catatan=f"calamine {_fmt_detik(d_cal / len(sampel))}"))
    lap.angka["rekap_task_ratio"] = d_tugas / d_muat
    dasar_per_inti = len(sampel) / d_muat
    lokal = _rekap_terpisah(folder, tmp / "rekap_lokal.xlsx", "", inti)
    laju = len(berkas) / lokal["detik"]
    lap.tambah(Hasil(f"Rekap {_ribu(len(berkas))} E.81, kolam lokal", f"{inti} pekerja, {lokal['opd']} OPD, "
                     f"{lokal['gagal']} gagal", lokal["detik"], "openpyxl muat, per inti",
                     len(berkas) / dasar_per_inti / inti,
                     catatan=f"{laju / inti:.1f} berkas/s per inti; openpyxl {dasar_per_inti:.1f}/s".replace(".", ",")))
    lap.angka["rekap_files_per_s"] = laju
    lap.angka["rekap_files_per_s_core"] = laju / inti
    lap.angka["openpyxl_files_per_s_core"] = dasar_per_inti
    lap.angka["worker_peak_mb"] = lokal["anak_mb"]
    lap.tambah(Hasil("Memori puncak per pekerja (kolam lokal)", "RSS terbesar satu proses pekerja", 0.0,
                     sasaran="≤ 300 MB", tercapai=lokal["anak_mb"] <= 300, catatan=f"{lokal['anak_mb']:.0f} MB"))
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("  · Dask tidak terpasang: LocalCluster dilewati", file=sys.stderr)
        return
    klaster = _rekap_terpisah(folder, tmp / "rekap_dask.xlsx", "lokal", inti)
    laju_d = len(berkas) / klaster["detik"]
    lap.tambah(Hasil(f"Rekap {_ribu(len(berkas))} E.81, Dask LocalCluster", f"{inti} pekerja, {klaster['opd']} OPD",
                     klaster["detik"], "kolam lokal", lokal["detik"],
                     catatan=f"{laju_d / inti:.1f} berkas/s per inti, pekerja ≤ {klaster['anak_mb']:.0f} MB"
                     .replace(".", ",")))
    lap.angka["rekap_dask_files_per_s"] = laju_d
    lap.angka["worker_peak_mb_dask"] = klaster["anak_mb"]


def _katalog_contoh(path: Path, src: Any) -> Path:
    """A flat CSV catalog of the example codes (no ../shared): so import/load/validate still run."""
    import csv

    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["level", "kode", "nama", "jenis_pemda"])
        tingkat = {3: "program", 5: "kegiatan", 6: "sub_kegiatan"}
        simpul = [p for ps in src.bidang.values() for p in ps] + list(src.penunjang)
        for b in sorted({p.kode[:4] for p in simpul if not p.kode.startswith("X")}):
            w.writerow(["bidang", b, f"Bidang {b}", "kabkota"])
        while simpul:
            s = simpul.pop()
            w.writerow([tingkat[len(s.kode.split("."))], s.kode, s.nama, "kabkota"])
            simpul += s.anak
    return path


def _udf(lap: Laporan, n: int, kode: list[str]) -> None:
    from renja_xl import udf
    from renja_xl.nomenklatur.validasi import lupakan_cache

    rng = random.Random(5)
    real = [[round(rng.uniform(0, 120), 4)] for _ in range(n)]
    target = [[round(rng.uniform(1, 120), 4)] for _ in range(n)]
    jenis = [[rng.choice(("kumulatif", "persentase", "nilai akhir", "menurun"))] for _ in range(n)]
    for i in range(0, n, 50):  # the empty and text cells a real column has
        real[i] = [None]
        target[min(i + 7, n - 1)] = ["-"]
    # warm-up on a few rows: Excel imports the module and compiles its patterns once per session, not per call
    udf.capaian(real[:60], target[:60], jenis[:60])
    udf.capaian_tahun(*([[1.0]] * 60 for _ in range(4)), jenis[:60])
    d, hasil = _ukur(lambda: udf.capaian(real, target, jenis))
    lap.tambah(Hasil(f"Fungsi CAPAIAN ({_ribu(n)} baris)", "1 panggilan larik", d, sasaran="< 50 ms",
                     tercapai=d < 0.05))
    lap.angka["udf_ms_20k"] = d * 1000 * (20_000 / n)
    d, _ = _ukur(lambda: udf.predikat(hasil))
    lap.tambah(Hasil(f"Fungsi PREDIKAT ({_ribu(n)} baris)", "1 panggilan larik", d, sasaran="< 50 ms",
                     tercapai=d < 0.05))
    tw = [[[round(rng.uniform(0, 30), 2)] for _ in range(n)] for _ in range(4)]
    d, _ = _ukur(lambda: udf.capaian_tahun(*tw, jenis))
    lap.tambah(Hasil(f"Fungsi CAPAIAN_TAHUN ({_ribu(n)} baris)", "1 panggilan larik", d, sasaran="< 50 ms",
                     tercapai=d < 0.05))
    kolom = [[k] for k in (kode * (n // max(1, len(kode)) + 1))[:n]]
    lupakan_cache()
    d, _ = _ukur(lambda: udf.cek_kode(kolom))
    lap.tambah(Hasil(f"Fungsi CEK_KODE ({_ribu(n)} baris)", "1 panggilan larik, cache kosong", d,
                     sasaran="< 50 ms", tercapai=d < 0.05))
    teks = [[f"{rng.uniform(0, 1e6):,.2f}".replace(",", "_").replace(".", ",").replace("_", ".") + " %"]
            for _ in range(n)]
    d, _ = _ukur(lambda: udf.angka(teks))
    lap.tambah(Hasil(f"Fungsi ANGKA ({_ribu(n)} baris)", "1 panggilan larik, teks unik", d, sasaran="< 50 ms",
                     tercapai=d < 0.05))


# -------------------------------------------------------------------------------------------- output

KOLOM = ("Ukur", "Ukuran", "Waktu", "Pembanding", "Rasio", "Sasaran", "Tercapai")


def _sel(h: Hasil) -> tuple[str, ...]:
    rasio = f"{h.rasio:.2f}×".replace(".", ",") if h.rasio is not None else ""
    pemb = f"{h.pembanding} {_fmt_detik(h.detik_pembanding)}" if h.detik_pembanding is not None else h.pembanding
    waktu = h.catatan if h.label.startswith("Memori") else _fmt_detik(h.detik)
    if h.catatan and not h.label.startswith("Memori"):
        waktu += f" ({h.catatan})"
    ok = "" if h.tercapai is None else ("ya" if h.tercapai else "TIDAK")
    return (h.label, h.ukuran, waktu, pemb, rasio, h.sasaran, ok)


def cetak_tabel(lap: Laporan, judul: str) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title=judul)
    for k in KOLOM:
        t.add_column(k.lower(), justify="right" if k in ("Waktu", "Rasio") else "left")
    for h in lap.hasil:
        t.add_row(*_sel(h))
    Console(width=170).print(t)


def markdown(lap: Laporan, judul: str) -> str:
    baris = [f"| {' | '.join(k.lower() for k in KOLOM)} |", "|" + "---|" * len(KOLOM)]
    for h in lap.hasil:
        baris.append("| " + " | ".join(s.replace("|", "/") for s in _sel(h)) + " |")
    return f"{judul}\n\n" + "\n".join(baris) + "\n\n```json\n" + _json(lap) + "\n```\n"


def _json(lap: Laporan) -> str:
    return json.dumps({k: (round(v, 3) if isinstance(v, float) else v) for k, v in lap.angka.items()},
                      ensure_ascii=False)


def tulis_docs(lap: Laporan, judul: str) -> None:
    """Rewrite the generated part of docs/benchmarks.md; everything above the marker is kept."""
    lama = DOCS.read_text(encoding="utf-8") if DOCS.exists() else ""
    kepala = (lama.split(PENANDA)[0].rstrip() if lama.strip() else "# Benchmarks") + "\n\n"
    teks = kepala + PENANDA + "\n\n" + markdown(lap, judul)
    tmp = DOCS.with_suffix(".md.tmp")
    tmp.write_text(teks, encoding="utf-8")
    tmp.replace(DOCS)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark renja-xl dengan pembanding yang diukur pada run yang sama.")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--quick", action="store_true", help="set kecil, di bawah dua menit")
    g.add_argument("--smoke", action="store_true", help="ukuran mini untuk uji (tests/test_bench.py)")
    ap.add_argument("--tanpa-lo", action="store_true", help="lewati LibreOffice")
    ap.add_argument("--hanya-rekap", action="store_true",
                    help="hanya benchmark rekap skala provinsi (berkas dibuat sekali di folder cache)")
    ap.add_argument("--tulis-docs", action="store_true", help="tulis docs/benchmarks.md (bawaan untuk run penuh)")
    ap.add_argument("--nomenklatur", type=Path, default=None,
                    help="folder nomenklatur resmi (bawaan: ../shared/data/nomenklatur bila ada)")
    a = ap.parse_args(argv)
    uk = UKURAN["cepat" if a.quick else "asap" if a.smoke else "penuh"]
    nomen = a.nomenklatur
    if nomen is None:
        shared = Path(os.environ.get("RENJA_XL_SHARED", REPO.parent / "shared"))
        nomen = shared / "data" / "nomenklatur" if (shared / "data" / "nomenklatur").is_dir() else None
    lo = not a.tanpa_lo
    if lo:
        from renja_xl.libreoffice import tersedia

        alasan = tersedia()
        if alasan:
            print(f"LibreOffice dilewati: {alasan}", file=sys.stderr)
            lo = False
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="renjaxl_bench_") as tmp:
        lap = jalankan(uk, Path(tmp), lo=lo, nomenklatur=nomen, hanya_rekap=a.hanya_rekap)
    lap.angka["ukuran"] = uk.nama
    lap.angka["libreoffice"] = lo
    lap.angka["total_s"] = time.perf_counter() - t0
    judul = (f"renja-xl benchmark — ukuran {uk.nama}, {os.cpu_count()} inti, Python "
             f"{sys.version.split()[0]}, kode {'SIPD nyata' if lap.angka['kode_nyata'] else 'contoh bawaan'}")
    cetak_tabel(lap, judul)
    if (a.tulis_docs or uk.nama == "penuh") and not a.hanya_rekap:
        tulis_docs(lap, "## " + judul)
    print(_json(lap), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
