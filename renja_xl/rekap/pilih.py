"""Which file stands for which OPD: year, pemda and triwulan of the compilation, duplicates, late and missing
forms, and every file left out with its reason. Pure: works on the tasks' results and the files' dates.

Rules (also in ``docs/skala.md``):
- the year is ``--tahun`` or the one most files state; files of another year are left out;
- kab/kota: the pemda most files name; files naming another pemda are left out (a province compiling its
  kab/kota keeps every pemda);
- the triwulan is ``--triwulan`` or the latest any file evaluates; a file without an E.81 for it is left out
  (its OPD then counts as missing unless another file of that OPD has one);
- the same OPD and triwulan twice: the newest file (modification time, then name) is used, the others are
  listed as duplicates;
- due date: the 10th working day (Monday-Friday; national holidays are not known to renja-xl) after the
  triwulan ends, or ``--tenggat``; a file modified after that day is *terlambat*, an OPD seen in the folder
  without an E.81 for the triwulan is *tidak ada*.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from renja_xl.rekap.identitas import kunci_opd
from renja_xl.rekap.model import HasilBerkas, LembarE81

__all__ = ["OpdRekap", "Ditolak", "Pilihan", "pilih", "tenggat_baku", "HARI_KERJA_TENGGAT",
           "TEPAT", "TERLAMBAT", "TIDAK_ADA"]

HARI_KERJA_TENGGAT = 10
TEPAT, TERLAMBAT, TIDAK_ADA = "tepat waktu", "terlambat", "tidak ada"
_ROMAWI = ("I", "II", "III", "IV")
_AKHIR_TRIWULAN = ((3, 31), (6, 30), (9, 30), (12, 31))


def tenggat_baku(tahun: int, triwulan: int, hari_kerja: int = HARI_KERJA_TENGGAT) -> date:
    """The ``hari_kerja``-th working day (Monday-Friday) after triwulan ``triwulan`` of ``tahun`` ends."""
    bulan, hari = _AKHIR_TRIWULAN[triwulan - 1]
    d = date(tahun, bulan, hari)
    n = 0
    while n < hari_kerja:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n += 1
    return d


@dataclass
class Ditolak:
    """A file that is not in the compilation, and why (Indonesian)."""

    berkas: str
    alasan: str


@dataclass
class OpdRekap:
    """One OPD of the compilation: the file used for it (None when its E.81 is missing) and its status."""

    nama: str
    pemda: str
    hasil: HasilBerkas | None = None
    lembar: LembarE81 | None = None
    tanggal: date | None = None
    status: str = TIDAK_ADA
    catatan: list[str] = field(default_factory=list)


@dataclass
class Pilihan:
    tahun: int | None
    triwulan: int
    tenggat: date | None
    pemda: list[str]
    opd: list[OpdRekap]
    ditolak: list[Ditolak]
    diperiksa: list[HasilBerkas]        # every file that was read and checked, in input order


def _nama(h: HasilBerkas) -> str:
    return Path(h.berkas).name


def _terbanyak(nilai: list) -> object | None:
    c = Counter(v for v in nilai if v not in (None, ""))
    if not c:
        return None
    atas = max(c.values())
    return max(v for v, n in c.items() if n == atas)


def _lembar_tw(h: HasilBerkas, tw: int) -> LembarE81 | None:
    """The E.81 sheet of ``h`` for triwulan ``tw`` (a sheet that states no triwulan counts as that one)."""
    return next((l for l in h.e81 if l.triwulan == tw), None) or next((l for l in h.e81 if l.triwulan is None),
                                                                       None)


def pilih(hasil: list[HasilBerkas], waktu: dict[str, float], *, tahun: int | None = None,
          triwulan: int | None = None, tingkat: str = "kabkota", tenggat: date | None = None,
          ditolak: list[Ditolak] | None = None) -> Pilihan:
    """Decide the compilation's year, pemda and triwulan and one file per OPD (see the module docstring).
    ``waktu``: modification time (epoch seconds) per path; ``ditolak``: files already left out (non-workbooks)."""
    keluar = list(ditolak or [])
    calon: list[HasilBerkas] = []
    for h in hasil:
        if h.galat:
            keluar.append(Ditolak(_nama(h), h.galat))
        elif not h.e81:
            keluar.append(Ditolak(_nama(h), _tanpa_e81(h)))
        else:
            calon.append(h)
    th = tahun if tahun is not None else _terbanyak([h.tahun for h in calon])
    if th is not None:
        tetap = []
        for h in calon:
            if h.tahun is not None and h.tahun != th:
                keluar.append(Ditolak(_nama(h), f"tahun {h.tahun}, bukan {th} (tahun rekap ini)."))
            else:
                tetap.append(h)
        calon = tetap
    pemda_utama = _terbanyak([h.pemda for h in calon]) if tingkat == "kabkota" else None
    if pemda_utama:
        tetap = []
        for h in calon:
            if h.pemda and h.pemda != pemda_utama:
                keluar.append(Ditolak(_nama(h), f"pemda lain ({h.pemda}); rekap ini untuk {pemda_utama}."))
            else:
                tetap.append(h)
        calon = tetap
    tw = triwulan or max((l.triwulan for h in calon for l in h.e81 if l.triwulan), default=None) or 4
    per_opd: dict[str, OpdRekap] = {}
    kandidat: dict[str, list[tuple[HasilBerkas, LembarE81]]] = {}
    for h in calon:
        nama = h.opd or Path(h.berkas).stem
        k = kunci_opd(nama, h.pemda)
        per_opd.setdefault(k, OpdRekap(nama=nama, pemda=h.pemda))
        lb = _lembar_tw(h, tw)
        if lb is None:
            ada = ", ".join(_ROMAWI[l.triwulan - 1] for l in h.e81 if l.triwulan)
            keluar.append(Ditolak(_nama(h), f"hanya memuat E.81 triwulan {ada}; rekap ini triwulan {_ROMAWI[tw - 1]}."))
            continue
        kandidat.setdefault(k, []).append((h, lb))
    batas = tenggat or (tenggat_baku(th, tw) if th else None)
    for k, daftar in kandidat.items():
        daftar.sort(key=lambda x: (waktu.get(x[0].berkas, 0.0), _nama(x[0])), reverse=True)
        h, lb = daftar[0]
        o = per_opd[k]
        o.hasil, o.lembar = h, lb
        o.tanggal = datetime.fromtimestamp(waktu[h.berkas]).date() if h.berkas in waktu else None
        o.status = TEPAT if batas is None or o.tanggal is None or o.tanggal <= batas else TERLAMBAT
        for lama, _lb in daftar[1:]:
            keluar.append(Ditolak(_nama(lama), f"duplikat: {o.nama} triwulan {_ROMAWI[tw - 1]} juga dikirim dalam "
                                               f"{_nama(h)} yang lebih baru (dipakai)."))
            o.catatan.append(f"juga dikirim: {_nama(lama)} (lebih lama, tidak dipakai)")
    opd = sorted(per_opd.values(), key=lambda o: (o.pemda.lower(), o.nama.lower()))
    pemda = sorted({o.pemda for o in opd if o.pemda and o.hasil is not None})
    keluar.sort(key=lambda d: d.berkas)
    return Pilihan(tahun=th, triwulan=tw, tenggat=batas, pemda=pemda, opd=opd, ditolak=keluar, diperiksa=list(hasil))


def _tanpa_e81(h: HasilBerkas) -> str:
    bentuk = [f for f in h.formulir if f != "tabel"]
    if "E.79/E.19" in bentuk:
        return "rekap Bappeda (Evaluasi terhadap Hasil RKPD, E.79/E.19), bukan E.81 sebuah OPD."
    if "T-C.29" in bentuk:
        return "berisi T-C.29 (Tabel 2.1 evaluasi Renja tahun lalu), bukan E.81; minta OPD mengirim formulir E.81."
    if bentuk:
        return f"tidak berisi E.81 (berisi {', '.join(dict.fromkeys(bentuk))})."
    return "tidak ada formulir E.81 yang dikenali (baris nomor kolom 1 2 3 … tidak ditemukan)."
