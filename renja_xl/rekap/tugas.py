"""The per-file task of ``renja-xl rekap``: open one workbook safely, check it, extract what the compilation
needs. One pure function, path in and :class:`HasilBerkas` out, so a local process pool and a Dask worker
run exactly the same code; it never raises (a broken file becomes a ``galat`` and the others go on).

The workbook is read once: the checker runs on the grids (``periksa_grid``) and hands back every form with
its classified rows, which the extraction reuses. Values are read with the checker's cell reader (the
core's Indonesian number parser); capaian, realisasi and predikat come from ``renja_xl.capaian`` /
``renja_xl.predikat``; nothing is computed here that the core does not decide.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from renja_xl.capaian import JenisIndikator, capaian, rata_rata, realisasi_tahun
from renja_xl.galat import GalatPengguna
from renja_xl.jeda_gc import jeda_gc
from renja_xl.predikat import predikat
from renja_xl.rekap import identitas
from renja_xl.rekap.model import KOLOM_MASUK, BarisE81, HasilBerkas, Isi, LembarE81, NilaiOpd

__all__ = ["proses_berkas", "nilai_opd", "rp_bergulung"]

_TINGKAT_ITEM = {"program": 3, "kegiatan": 4, "sub_kegiatan": 5}
_RKPD = re.compile(r"(?i)hasil\s+rkpd|tabel\s+e\.?\s*79|formulir\s+e\.?\s*19")


def proses_berkas(path: str, pemda: str | None = None) -> HasilBerkas:
    """Check and extract one workbook; any failure is returned as ``HasilBerkas.galat`` (Indonesian)."""
    try:
        with jeda_gc():
            return _proses(Path(path), pemda)
    except GalatPengguna as e:
        return HasilBerkas(berkas=path, galat=e.pesan if e.berkas else e.teks())
    except MemoryError:
        return HasilBerkas(berkas=path, galat="memori tidak cukup untuk membaca berkas ini.")
    except Exception as e:  # one broken file must never stop the compilation
        return HasilBerkas(berkas=path, galat=f"gagal dibaca ({type(e).__name__}: {str(e)[:200]})")


def _proses(p: Path, pemda: str | None) -> HasilBerkas:
    from renja_xl.periksa import baca_grid, periksa_grid

    grids = baca_grid(p)
    hasil = periksa_grid(p, grids, pemda)
    judul: list[str] = []
    judul_target = ""
    e81: list[LembarE81] = []
    formulir = []
    for g, f, baris, jenis_baris in hasil.bentuk:
        formulir.append(f.jenis)
        if f.jenis != "E.81":
            continue
        baris_judul = _judul(g, f)
        if any(_RKPD.search(t) for t in baris_judul):   # a compilation (an earlier rekap's E.79), not an OPD's E.81
            formulir[-1] = "E.79/E.19"
            continue
        if not judul:
            judul = baris_judul
            c7 = f.kol(7, "K")
            judul_target = f.judul_kolom.get(c7, "") if c7 else ""
        e81.append(_lembar(g, f, baris, baris_judul, jenis_baris))
    if not judul:   # no E.81: still name the OPD from whatever form the file holds (a T-C.29 sent by mistake)
        judul = next((_judul(g, f) for g, f, _b, _j in hasil.bentuk), [])
    nama_pemda = identitas.nama_pemda(judul)
    return HasilBerkas(
        berkas=str(p), opd=identitas.nama_opd(judul, nama_pemda), pemda=nama_pemda,
        jenis_pemda=hasil.jenis_pemda, tahun=identitas.tahun_judul(judul, judul_target),
        formulir=tuple(formulir), e81=tuple(e81),
        temuan=tuple(hasil.ke_json()))


def _judul(g, f) -> list[str]:
    """The title lines above a form's header (each row's texts joined), then the sheet name."""
    out = []
    for r in range(1, f.baris_awal):
        teks = " ".join(t for t in g.baris_teks(r, 1, min(g.max_col, 40)) if t)
        if teks:
            out.append(teks)
    out.append(g.nama)
    return out


def _isi_sel(sel) -> Isi:
    """A cell as the compilation keeps it: one number, else its text, else None. Numbers (nearly every cell)
    skip the checker's reader, which also works out the printed decimals the rekap does not need."""
    v = sel.nilai
    if v is None:
        return None
    if type(v) is float or type(v) is int:
        x = float(v)
        if not math.isfinite(x):
            return None
        return x * 100 if sel.format and "%" in sel.format else x
    from renja_xl.periksa.nilai import baca_nilai_sel

    return _isi(baca_nilai_sel(v, sel.format))


def _isi(v) -> Isi:
    """A checker ``Nilai`` as the compilation keeps it: one number, else its text, else None."""
    if v.nilai is not None and not v.jamak and v.batas is None and v.huruf is None and v.galat is None:
        return float(v.nilai)
    if v.asli is None or v.kosong:
        return None
    return str(v.asli).strip() or None


def _lembar(g, f, baris, judul: list[str], jenis_baris) -> LembarE81:
    """One E.81 sheet's rows; ``jenis_baris(row)`` is the checker's indicator type of a row (the workbook's
    ``_renja_xl`` description, a "Jenis indikator" column, else ``capaian.tebak_jenis``)."""
    from renja_xl.kode import dari_template
    from renja_xl.periksa.baris import BIDANG, INDIKATOR, URUSAN, bidang_utama

    bidang = bidang_utama(baris)
    kolom = []
    for k in KOLOM_MASUK:
        n, s = int(k[:-2] if k.endswith("Rp") else k[:-1]), ("Rp" if k.endswith("Rp") else "K")
        c = f.kol(n, s)
        kolom.append(c if (s == "K" or c != f.kol(n, "K")) else None)   # a column without K/Rp split is K
    c_sasaran = next((c for c, j in f.judul_kolom.items() if j.strip().lower() == "sasaran"), None)
    nama_bidang: dict[str, str] = {}
    out: list[BarisE81] = []
    tanpa_kode: str | None = None        # a "BIDANG KOPERASI ..." row without a code: named by the next code
    indeks: dict[int, int] = {}     # sheet row of an item -> its index in out
    tumpuk: list[tuple[int, int]] = []   # (level, index) of the open items
    for b in baris:
        if b.jenis in (URUSAN, BIDANG):
            if b.kode is not None and b.kode.normal and b.nama:
                nama_bidang[b.kode.normal] = b.nama
            elif b.jenis == BIDANG and b.nama:
                tanpa_kode = b.nama
            continue
        item_r = b.r if b.adalah_item else b.item
        if b.jenis == INDIKATOR:
            if item_r not in indeks:
                continue
        elif b.jenis not in _TINGKAT_ITEM:
            continue
        sel = [g.get(b.r, c) if c else None for c in kolom]
        nilai = tuple(_isi_sel(x) if x is not None else None for x in sel)
        if b.jenis == INDIKATOR:
            induk = indeks[item_r]
        else:
            level = _TINGKAT_ITEM[b.jenis]
            while tumpuk and tumpuk[-1][0] >= level:
                tumpuk.pop()
            induk = tumpuk[-1][1] if tumpuk else None
            if induk is not None:
                out[induk] = _bukan_daun(out[induk])
        kode = ""
        if b.kode is not None and b.kode.normal:
            kode = b.kode.normal
            if b.kode.template and bidang:
                kode = dari_template(kode, bidang)
            if tanpa_kode and kode.count(".") >= 1:
                nama_bidang.setdefault(".".join(kode.split(".")[:2]), re.sub(r"(?i)^bid(ang)?\.?\s*", "BIDANG ",
                                                                             tanpa_kode))
                tanpa_kode = None
        indikator = b.indikator
        j = jenis_baris(b)[0] if (indikator or any(v is not None for v in nilai[::2])) else None
        out.append(BarisE81(
            r=b.r, tingkat=b.jenis, kode=kode, uraian=b.nama, sasaran=g.teks(b.r, c_sasaran) if c_sasaran else "",
            indikator=indikator, jenis=j.value if j else "", nilai=nilai, induk=induk,
            daun=b.jenis != INDIKATOR))
        if b.jenis != INDIKATOR:
            indeks[b.r] = len(out) - 1
            tumpuk.append((_TINGKAT_ITEM[b.jenis], len(out) - 1))
    tw = identitas.triwulan_judul(judul) or _tw_terisi(out)
    varian = "17" if (a := f.aturan.get(13)) is not None and a.jenis == "rasio" else "15"
    return LembarE81(lembar=g.nama, triwulan=tw, varian=varian, baris=tuple(out),
                     nilai=nilai_opd(out, tw), bidang=bidang, nama_bidang=nama_bidang)


def _bukan_daun(b: BarisE81) -> BarisE81:
    if not b.daun:
        return b
    from dataclasses import replace

    return replace(b, daun=False)


def _tw_terisi(baris: list[BarisE81]) -> int | None:
    """The last quarter with any realisasi (for a form whose title states no triwulan)."""
    akhir = None
    for i in range(4):
        if any(b.nilai[6 + 2 * i] is not None or b.nilai[7 + 2 * i] is not None for b in baris):
            akhir = i + 1
    return akhir


def _angka(v: Isi) -> float | None:
    return v if isinstance(v, float) and math.isfinite(v) else None


def rp_bergulung(baris: list[BarisE81] | tuple[BarisE81, ...]) -> list[tuple[Isi, ...]]:
    """Every row's Rp as the forms compute it: typed on the lowest items, summed upwards into every item above
    (the E.79's SUMIFS roll-ups), never the values a hand-made form typed on a parent. Per row the Rp half of
    :data:`KOLOM_MASUK` (target Renstra, realisasi lalu, target, TW I-IV); None where no item below has a number."""
    jumlah: list[list[list[float]]] = [[[] for _ in range(7)] for _ in baris]
    for g, b in enumerate(baris):
        if b.tingkat == "indikator" or not b.daun:
            continue
        for j in range(7):
            v = _angka(b.nilai[2 * j + 1])
            if v is None:
                continue
            a: int | None = g
            while a is not None:
                jumlah[a][j].append(v)
                a = baris[a].induk
    return [tuple(math.fsum(x) if x else None for x in per) for per in jumlah]


def nilai_opd(baris: list[BarisE81] | tuple[BarisE81, ...], triwulan: int | None) -> NilaiOpd:
    """The OPD's figures up to ``triwulan`` with the core's rules: Rp typed on the lowest items and rolled up
    (``rp_bergulung``), capaian per indicator by its type, one rata-rata rule (docs/keputusan.md)."""
    n = triwulan or 4
    target: list[float] = []
    realisasi: list[float] = []
    cap_k = []
    cap_rp = []
    rp = rp_bergulung(baris)
    for b, r in zip(baris, rp):
        tw_k = [b.nilai[6 + 2 * i] for i in range(n)]
        if b.jenis:
            cap_k.append(capaian(realisasi_tahun(tw_k, b.jenis, huruf=True), b.nilai[4], b.jenis))
        if b.tingkat == "indikator":
            continue
        r_rp = realisasi_tahun(r[3:3 + n], JenisIndikator.KUMULATIF)
        cap_rp.append(capaian(r_rp, r[2], JenisIndikator.KUMULATIF))
        if b.induk is None:          # the OPD's totals: its top items, each the sum of the items below
            if r[2] is not None:
                target.append(r[2])  # type: ignore[arg-type]
            if r_rp is not None:
                realisasi.append(r_rp)
    rk, rrp = rata_rata(cap_k).nilai, rata_rata(cap_rp).nilai
    return NilaiOpd(target_rp=math.fsum(target) if target else None,
                    realisasi_rp=math.fsum(realisasi) if realisasi else None,
                    capaian_k=rk, capaian_rp=rrp, predikat=predikat(rk) if rk is not None else None)
