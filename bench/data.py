"""Synthetic but realistic benchmark data: 40 OPD Data Induk workbooks and one province-sized master.

Codes come from the real SIPD nomenclature in ``../shared/data/nomenklatur/`` when it is there (so the
catalog lookups and the checker's code rules see real codes), else from the built-in Pontianak example.
Rows are tree-consistent (every sub kegiatan's kegiatan and program has a row), mix the four indicator
types, give some codes two indicators, and are written through :func:`renja_xl.data_induk.tulis.isi_buku`, so
:func:`renja_xl.data_induk.baca_data_induk` reads them exactly as it reads a user's file.
"""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from renja_xl.capaian import JenisIndikator, jenis_dari_satuan
from renja_xl.data_induk import BarisIndikator, Info
from renja_xl.kode import parse_kode

FLAT_CSV = "nomenklatur_2027_sipd_flat.csv"
SIPD_XLSX = "nomenklatur-subkegiatan-20260123005058_versi_pemutakhiran_2027_1.xlsx"


@dataclass
class Simpul:
    """One node of the nomenclature tree (template codes such as X.XX.01 are kept as templates)."""

    kode: str
    nama: str
    indikator: str = ""
    satuan: str = ""
    anak: list["Simpul"] = field(default_factory=list)


@dataclass
class Sumber:
    """Programs per bidang for one kind of pemda, plus the generic penunjang program (X.XX.01)."""

    jenis_pemda: str
    bidang: dict[str, list[Simpul]]          # "2.17" -> programs of that bidang (not program 01)
    penunjang: list[Simpul]                  # X.XX.01 template programs (usually one)
    nyata: bool                              # True when read from ../shared


def _sumber_csv(path: Path, pemda: str) -> Sumber:
    """Read the flat SIPD CSV into a tree for ``pemda`` ("KABKOT" or "PROV")."""
    program: dict[str, Simpul] = {}
    kegiatan: dict[str, Simpul] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["jenis_pemda"] != pemda:
                continue
            kp, kk, ks = r["kode_program"], r["kode_kegiatan"], r["kode_sub_kegiatan"]
            if not (kp and kk and ks):
                continue
            p = program.get(kp)
            if p is None:
                p = program[kp] = Simpul(kp, r["nama_program"], f"Capaian {r['nama_program'].lower()}", "Persen")
            k = kegiatan.get(kk)
            if k is None:
                k = kegiatan[kk] = Simpul(kk, r["nama_kegiatan"], f"Persentase {r['nama_kegiatan'].lower()}",
                                          "Persen")
                p.anak.append(k)
            k.anak.append(Simpul(ks, r["nama_sub_kegiatan"], r["indikator"] or "Jumlah keluaran",
                                 r["satuan"] or "Dokumen"))
    per_bidang: dict[str, list[Simpul]] = defaultdict(list)
    penunjang = []
    for kode, p in program.items():
        if kode.startswith("X.XX"):
            penunjang.append(p)
        elif not kode.endswith(".01"):
            per_bidang[".".join(kode.split(".")[:2])].append(p)
    return Sumber("provinsi" if pemda == "PROV" else "kabupaten/kota", dict(per_bidang), penunjang, True)


def _sumber_contoh() -> Sumber:
    """The built-in Pontianak example's codes as a (small) tree; used when ../shared is absent."""
    from renja_xl.contoh import BARIS_CONTOH

    simpul: dict[str, Simpul] = {}
    per_bidang: dict[str, list[Simpul]] = defaultdict(list)
    penunjang: list[Simpul] = []
    for b in BARIS_CONTOH:
        if b.kode in simpul:
            continue
        seg = b.kode.split(".")
        s = Simpul(b.kode, b.uraian, b.indikator, b.satuan)
        simpul[b.kode] = s
        if len(seg) == 3:
            if seg[2] == "01":
                s.kode = "X.XX." + ".".join(seg[2:])
                penunjang.append(s)
            else:
                per_bidang[".".join(seg[:2])].append(s)
        else:
            induk = ".".join(seg[:3] if len(seg) == 5 else seg[:5])
            simpul[induk].anak.append(s)
    for s in simpul.values():  # template codes below X.XX.01 too
        if s in penunjang:
            for k in s.anak:
                k.kode = "X.XX." + ".".join(k.kode.split(".")[2:])
                for sk in k.anak:
                    sk.kode = "X.XX." + ".".join(sk.kode.split(".")[2:])
    return Sumber("kabupaten/kota", dict(per_bidang), penunjang, False)


def sumber(nomenklatur_dir: Path | None, pemda: str = "KABKOT") -> Sumber:
    """Real codes when the shared folder is there, else the example's codes."""
    if nomenklatur_dir is not None and (nomenklatur_dir / FLAT_CSV).is_file():
        return _sumber_csv(nomenklatur_dir / FLAT_CSV, pemda)
    return _sumber_contoh()


# ------------------------------------------------------------------------------------------------ rows

def _isi(bidang: str, kode: str) -> str:
    return bidang + kode[4:] if kode.startswith("X.XX") else kode


def _angka(rng: random.Random, jenis: JenisIndikator, sub: bool) -> dict:
    """Plausible targets and realisasi for one indicator row (Rp only on sub kegiatan rows)."""
    if jenis in (JenisIndikator.PERSENTASE, JenisIndikator.NILAI_AKHIR):
        target = float(rng.choice((80, 85, 90, 95, 100)))
    elif jenis is JenisIndikator.MENURUN:
        target = float(rng.choice((5, 10, 15)))
    else:
        target = float(rng.randint(1, 60))
    tw = [None, None, None, None]
    for i in range(4):
        if rng.random() < 0.85:
            tw[i] = round(target / 4 * rng.uniform(0.3, 1.4), 2) if jenis is JenisIndikator.KUMULATIF \
                else round(target * rng.uniform(0.5, 1.1), 2)
    pagu = float(rng.randint(20, 900) * 1_000_000) if sub else None
    tw_rp = tuple(round(pagu / 4 * rng.uniform(0.2, 1.2)) if (pagu and tw[i] is not None) else None
                  for i in range(4)) if sub else (None, None, None, None)
    return dict(target_renstra_k=target * 5 if jenis is JenisIndikator.KUMULATIF else target,
                target_renstra_rp=pagu * 5 if pagu else None,
                realisasi_lalu_k=target * 2 if jenis is JenisIndikator.KUMULATIF else target * 0.9,
                realisasi_lalu_rp=pagu * 1.8 if pagu else None,
                target_k=target, target_rp=pagu, tw_k=tuple(tw), tw_rp=tw_rp,
                target_n1_k=target, pagu_n1=pagu * 1.05 if pagu else None)


def _baris(rng: random.Random, kode: str, s: Simpul, sub: bool, lokasi: str) -> list[BarisIndikator]:
    """One code's indicator rows: usually one, sometimes two (continuation row has no uraian)."""
    k = parse_kode(kode)
    assert k.valid and k.tingkat is not None, kode
    n = 2 if rng.random() < 0.12 else 1
    out = []
    for i in range(n):
        satuan = s.satuan or "Unit"
        jenis = _jenis_untuk(satuan, rng)
        out.append(BarisIndikator(
            baris=0, kode=k.normal or kode, tingkat=k.tingkat, uraian=s.nama if i == 0 else "",
            sasaran="", indikator=s.indikator + ("" if i == 0 else " (indikator kedua)"), satuan=satuan,
            jenis=jenis, lokasi=lokasi, sumber_dana="DAU" if sub else "", **_angka(rng, jenis, sub)))
    return out


def _jenis_untuk(satuan: str, rng: random.Random) -> JenisIndikator:
    """A type that fits the unit, as an OPD would enter it: levels (%, indeks) are persentase or nilai
    akhir, now and then menurun; counts are kumulatif. The printed forms carry no type column, so the
    checker infers the type from the unit; a type that contradicts the unit would be a finding."""
    if jenis_dari_satuan(satuan) is JenisIndikator.KUMULATIF:
        return JenisIndikator.KUMULATIF
    return rng.choices((JenisIndikator.PERSENTASE, JenisIndikator.NILAI_AKHIR, JenisIndikator.MENURUN),
                       (0.6, 0.35, 0.05))[0]


def baris_opd(src: Sumber, bidang: str, jumlah: int, seed: int, lokasi: str = "Kabupaten Contoh"
              ) -> list[BarisIndikator]:
    """About ``jumlah`` tree-consistent rows for an OPD whose main bidang is ``bidang``: the penunjang
    program first, then the bidang's programs, then (when one bidang is too small) programs of other
    bidang, as a dinas holding several urusan does. Stops at a program boundary once ``jumlah`` is reached
    (cut at a kegiatan when a program alone is larger)."""
    rng = random.Random(seed)
    lain = [b for b in sorted(src.bidang) if b != bidang]
    rng.shuffle(lain)
    program = [(bidang, p) for p in src.penunjang] + [(bidang, p) for p in src.bidang.get(bidang, [])]
    for b in lain:
        program += [(b, p) for p in src.bidang[b]]
    out: list[BarisIndikator] = []
    dipakai: set[str] = set()
    putaran = 0
    while len(out) < jumlah:
        for b, p in program:
            kp = _isi(b, p.kode)
            if putaran:  # the catalog ran out (example codes): reuse it under another bidang number
                kp = f"{int(b.split('.')[0])}.{(int(b.split('.')[1]) + putaran) % 100:02d}" + kp[len(b):]
            if kp in dipakai:
                continue
            dipakai.add(kp)
            out += _baris(rng, kp, p, False, lokasi)
            for k in p.anak:
                if len(out) >= jumlah:
                    break
                out += _baris(rng, kp + k.kode[len(p.kode):], k, False, lokasi)
                for s in k.anak:
                    out += _baris(rng, kp + s.kode[len(p.kode):], s, True, lokasi)
            if len(out) >= jumlah:
                break
        putaran += 1
    return out


def info(nama_opd: str, bidang: str, jenis_pemda: str = "kabupaten/kota", pemda: str = "Kabupaten Contoh"
         ) -> Info:
    return Info(pemda=pemda, jenis_pemda=jenis_pemda, nama_opd=nama_opd, bidang_urusan=bidang, tahun=2024,
                triwulan=4, renstra_awal=2021, renstra_akhir=2026, kepala_opd="NAMA KEPALA (sintetis)",
                nip_kepala_opd="197001011995031001", jabatan_kepala_opd=f"Kepala {nama_opd}",
                kepala_bappeda="NAMA KEPALA BAPPEDA (sintetis)", nip_kepala_bappeda="197202021996031002",
                tempat="Contoh", tanggal="15 Januari 2025")


def tulis_data_induk(path: Path, inf: Info, baris: list[BarisIndikator]) -> Path:
    """Write a Data Induk through the same template and writer users get."""
    from renja_xl.buku import simpan_bytes_atomik
    from renja_xl.data_induk.templat import buat_templat, ke_bytes
    from renja_xl.data_induk.tulis import isi_buku

    wb = buat_templat()
    isi_buku(wb, inf, [replace(b, baris=i) for i, b in enumerate(baris, start=2)])
    return simpan_bytes_atomik(ke_bytes(wb), path, timpa=True)


def kabupaten(folder: Path, src: Sumber, jumlah_opd: int, min_baris: int, max_baris: int, seed: int = 7
              ) -> list[Path]:
    """``jumlah_opd`` Data Induk files with ``min_baris``..``max_baris`` rows each."""
    rng = random.Random(seed)
    bidang = sorted(src.bidang)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(jumlah_opd):
        b = bidang[i % len(bidang)]
        n = rng.randint(min_baris, max_baris)
        rows = baris_opd(src, b, n, seed=seed * 1000 + i)
        out.append(tulis_data_induk(folder / f"opd_{i + 1:02d}.xlsx", info(f"Dinas Sintetis {i + 1:02d}", b), rows))
    return out


def master(path: Path, src: Sumber, jumlah: int, seed: int = 11) -> Path:
    """One province-sized Data Induk of ``jumlah`` rows."""
    b = sorted(src.bidang)[0]
    rows = baris_opd(src, b, jumlah, seed=seed, lokasi="Provinsi Contoh")
    return tulis_data_induk(path, info("Sekretariat Daerah (sintetis)", b, src.jenis_pemda, "Provinsi Contoh"),
                            rows)


# ------------------------------------------------------------------------------------------------ codes

def kode_uji(src: Sumber, n: int, seed: int = 3) -> list[str]:
    """``n`` codes as users type them: about 70 % valid catalog codes, the rest malformed or unknown."""
    rng = random.Random(seed)
    valid: list[str] = []
    for b, programs in sorted(src.bidang.items()):
        for p in programs:
            valid.append(p.kode)
            for k in p.anak:
                valid.append(k.kode)
                valid += [s.kode for s in k.anak]
    for p in src.penunjang:
        for k in p.anak:
            valid += [_isi("2.17", s.kode) for s in k.anak]
    rusak = (lambda s: s + ".", lambda s: s.replace(".", ". ", 1), lambda s: s[:-1] + "9",
             lambda s: s.replace(".", "", 1), lambda s: "0" + s, lambda s: s[:-2], lambda s: s.replace(".", ",", 2),
             lambda s: "XXX" + s[4:])
    out = []
    for _ in range(n):
        s = rng.choice(valid)
        out.append(s if rng.random() < 0.7 else rng.choice(rusak)(s))
    return out


# ------------------------------------------------------------------------------------------------ province

def _satu_e81(arg: tuple) -> str:
    """Generate one OPD's E.81 workbook (in a worker process) with typed mistakes; returns its path."""
    import os
    import random as _random

    from renja_xl.data_induk import DataInduk
    from renja_xl.generator import isi_buku
    from renja_xl.jeda_gc import jeda_gc

    from run import suntik_galat_wb

    path, src, i, n_baris, seed = arg
    rng = _random.Random(seed)
    bidang = sorted(src.bidang)
    b = bidang[i % len(bidang)]
    rows = baris_opd(src, b, n_baris, seed=seed)
    inf = info(f"Dinas Sintetis {i + 1:04d}", b, pemda=f"Kabupaten Sintetis {i % 14 + 1:02d}")
    inf.triwulan = 2
    data = DataInduk(inf, [replace(r, baris=k) for k, r in enumerate(rows, start=2)])
    with jeda_gc():
        wb = isi_buku(data, "e81", 2)
        suntik_galat_wb(wb, rng)
        wb.save(path + ".tmp")
    os.replace(path + ".tmp", path)   # an interrupted run leaves no half-written workbook to reuse
    return path


def provinsi_e81(folder: Path, src: Sumber, jumlah: int, min_baris: int, max_baris: int, *, seed: int = 17,
                 pekerja: int | None = None) -> list[Path]:
    """``jumlah`` OPD E.81 workbooks (triwulan II, 14 synthetic kabupaten) made by the generator, each with
    typed mistakes, in ``folder``. Generated once: a folder holding a matching ``.selesai.json`` is reused."""
    import json
    import os
    from concurrent.futures import ProcessPoolExecutor

    tanda = {"jumlah": jumlah, "min": min_baris, "max": max_baris, "seed": seed, "nyata": src.nyata, "versi": 1}
    berkas_tanda = folder / ".selesai.json"   # hidden: rekap skips it
    paths = [folder / f"e81_{i + 1:04d}.xlsx" for i in range(jumlah)]
    if berkas_tanda.is_file() and json.loads(berkas_tanda.read_text()) == tanda and all(p.is_file() for p in paths):
        return paths
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    ukuran = [rng.randint(min_baris, max_baris) for _ in paths]
    tugas = [(str(p), src, i, ukuran[i], seed * 100_000 + i) for i, p in enumerate(paths) if not p.is_file()]
    with ProcessPoolExecutor(max_workers=pekerja or os.cpu_count() or 1) as ex:
        list(ex.map(_satu_e81, tugas, chunksize=8))
    berkas_tanda.write_text(json.dumps(tanda))
    return paths
