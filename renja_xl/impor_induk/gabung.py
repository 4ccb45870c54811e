"""Merge the indicator rows of every form of every workbook into Data Induk rows.

Rows are matched by code and indicator (or, without a code, by the item's name): the latest E.81 gives the
targets and the realisasi per quarter, an earlier E.81 the quarters it has, T-C.29 the next year's target,
T-C.33 the location, funding source and next year's pagu, Rencana Aksi the quarterly targets and the unit.
When two sources give a field different values, the first one in that order is kept and the difference is
noted. Rows come out in tree order (program, its kegiatan, their sub kegiatan); a parent the forms never
print gets an empty row of its own so the Data Induk stays a tree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from renja_xl.angka import format_angka
from renja_xl.capaian import JenisIndikator, peringkat_huruf, realisasi_tahun
from renja_xl.capaian import tebak_jenis as inti_tebak
from renja_xl.impor_induk.jenis import CALON, Bukti, bukti_sumber, tebak_jenis
from renja_xl.impor_induk.model import BacaanForm, BarisSumber, Catatan
from renja_xl.impor_induk.sel import normal_teks
from renja_xl.kode import Tingkat, parse_kode

__all__ = ["Gabungan", "gabung"]

_ANGKA = ("target_renstra_k", "target_renstra_rp", "realisasi_lalu_k", "realisasi_lalu_rp", "target_k",
          "target_rp", *(f"tw_k{i}" for i in range(1, 5)), *(f"tw_rp{i}" for i in range(1, 5)),
          *(f"target_tw{i}" for i in range(1, 5)), "target_n1_k", "pagu_n1")
_TEKS = ("lokasi", "sumber_dana", "penanggung_jawab")
_LABEL = {"target_renstra_k": "target Renstra K", "target_renstra_rp": "target Renstra Rp",
          "realisasi_lalu_k": "realisasi s.d. tahun lalu K", "realisasi_lalu_rp": "realisasi s.d. tahun lalu Rp",
          "target_k": "target K", "target_rp": "target Rp / pagu", "target_n1_k": "target tahun n+1",
          "pagu_n1": "pagu tahun n+1", "lokasi": "lokasi", "sumber_dana": "sumber dana",
          "penanggung_jawab": "penanggung jawab"}


@dataclass
class Gabungan:
    """One Data Induk row: the source rows it came from (best first) and the values chosen."""

    kunci: tuple
    sumber: list[BarisSumber] = field(default_factory=list)
    urut_kunci: tuple = ()
    kode: str = ""
    tingkat: Tingkat | None = None
    uraian: str = ""
    sasaran: str = ""
    indikator: str = ""
    satuan: str = ""
    jenis: JenisIndikator = JenisIndikator.KUMULATIF
    nilai: dict[str, float | None] = field(default_factory=dict)
    teks: dict[str, str] = field(default_factory=dict)
    keterangan: list[str] = field(default_factory=list)
    perlu_dicek: list[str] = field(default_factory=list)
    sintetis: bool = False          # a parent no form prints

    @property
    def baris_data_induk(self) -> int | None:
        return next((x.baris_data_induk for x in self.sumber if x.baris_data_induk), None)


def _label(kunci: str) -> str:
    if kunci.startswith("tw_k"):
        return f"realisasi TW {kunci[4:]} K"
    if kunci.startswith("tw_rp"):
        return f"realisasi TW {kunci[5:]} Rp"
    if kunci.startswith("target_tw"):
        return f"target TW {kunci[9:]}"
    return _LABEL.get(kunci, kunci)


def _beda(a: float | str, b: float | str) -> bool:
    if isinstance(a, str) or isinstance(b, str):        # a bound or range target kept as text
        return a != b
    return not math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _teks(v: float | str) -> str:
    return v if isinstance(v, str) else format_angka(v)


def _simpul(x: BarisSumber, nama_item: str) -> tuple:
    return ("kode", x.kode) if x.kode else ("nama", int(x.tingkat or 0), normal_teks(nama_item))


def _jalur(x: BarisSumber, tumpuk: list[tuple[int, tuple]]) -> list[tuple]:
    """Node keys from the program down to this row's node."""
    if x.kode:
        seg = x.kode.split(".")
        return [("kode", ".".join(seg[:n])) for n in (3, 5, 6) if n <= len(seg)]
    return [k for _lv, k in tumpuk]


def gabung(bacaan: list[BacaanForm], catatan: list[Catatan], triwulan: int) -> list[Gabungan]:
    """Data Induk rows from every form read (``triwulan`` places a T-C.29 annual realisasi when no E.81
    gives the quarters)."""
    urut = sorted(bacaan, key=lambda b: (b.urutan, -(b.triwulan or 0)))
    grup: dict[tuple, Gabungan] = {}
    pertama: dict[tuple, int] = {}
    bukti: dict[int, list[Bukti]] = {}
    for b in urut:
        tumpuk: list[tuple[int, tuple]] = []
        kali: dict[tuple, int] = {}
        nama_item = ""
        for x in b.baris:
            if x.urut == 0 and x.bagian == 0:
                nama_item = x.uraian
                lv = int(x.tingkat or 0)
                while tumpuk and tumpuk[-1][0] >= lv:
                    tumpuk.pop()
                tumpuk.append((lv, _simpul(x, nama_item)))
            simpul = _simpul(x, nama_item)
            ind = normal_teks(x.indikator)
            k0 = (simpul, ind)
            kali[k0] = kali.get(k0, -1) + 1
            kunci = (simpul, ind, kali[k0])
            jalur = _jalur(x, tumpuk)
            for s in jalur:
                pertama.setdefault(s, len(pertama))
            gb = grup.get(kunci)
            if gb is None:
                gb = grup[kunci] = Gabungan(kunci)
                gb.urut_kunci = tuple(pertama[s] for s in jalur) + (-1, len(grup))
            gb.sumber.append(x)
            bukti.setdefault(id(gb), []).extend(bukti_sumber(b, x))
    hasil = list(grup.values())
    for gb in hasil:
        _isi(gb, catatan, bukti.get(id(gb), []), triwulan)
    _kode_ganda(hasil)
    _warisi(hasil)
    hasil += _induk_hilang(hasil, pertama)
    if hasil and all(g.baris_data_induk for g in hasil):
        hasil.sort(key=lambda g: g.baris_data_induk or 0)
    else:
        hasil.sort(key=lambda g: g.urut_kunci)
    _lanjutan(hasil, catatan)
    _nama_kosong(hasil)
    return hasil


def _nama_kosong(hasil: list[Gabungan]) -> None:
    """A code whose first row has no name (the form printed the code alone, or the name a row off): the
    Data Induk needs it there, so the row is marked."""
    dilihat: set[str] = set()
    for gb in hasil:
        if not gb.kode or gb.kode in dilihat:
            continue
        dilihat.add(gb.kode)
        if not gb.uraian and not gb.sintetis:
            gb.perlu_dicek.append("nama program/kegiatan/sub kegiatan tidak tertulis di formulir; isi namanya")


_RP = ("target_renstra_rp", "realisasi_lalu_rp", "target_rp", "tw_rp1", "tw_rp2", "tw_rp3", "tw_rp4", "pagu_n1")


def _lanjutan(hasil: list[Gabungan], catatan: list[Catatan]) -> None:
    """Rp, name and sasaran belong to a code's first row; a later row of the same code (another item printed
    with that code) cannot keep its own in the Data Induk. They go to Keterangan and to the notes, never lost."""
    pertama: dict[str, Gabungan] = {}
    for gb in hasil:
        if not gb.kode or gb.kode not in pertama:
            pertama.setdefault(gb.kode, gb)
            continue
        for kunci in ("uraian", "sasaran"):
            teks = getattr(gb, kunci)
            if teks and teks != getattr(pertama[gb.kode], kunci):
                gb.keterangan.append(f"{kunci} di formulir: '{teks}'")
            setattr(gb, kunci, "")
        ada = {k: v for k in _RP if (v := gb.nilai.get(k)) is not None}
        if not ada:
            continue
        teks = ", ".join(f"{_label(k)} {format_angka(v)}" for k, v in ada.items())
        for k in ada:
            del gb.nilai[k]
        gb.keterangan.append(f"Rp baris ini ({teks}) tidak disimpan: kodenya sama dengan baris sebelumnya")
        gb.perlu_dicek.append("Rp pada baris kedua sebuah kode tidak disimpan (lihat Keterangan)")
        x = gb.sumber[0]
        catatan.append(Catatan("baris", x.berkas, x.lembar, x.kode_sel,
                               f"kode {gb.kode} sudah dipakai baris sebelumnya; Rp baris ini ({teks}) tidak dapat "
                               "disimpan di Data Induk (Rp hanya pada baris pertama sebuah kode) dan dicatat di "
                               "Keterangan. Periksa kodenya."))


def _isi(gb: Gabungan, catatan: list[Catatan], bukti: list[Bukti], triwulan: int) -> None:
    """Choose each field from the sources (best first) and note every disagreement."""
    utama = gb.sumber[0]
    gb.kode = utama.kode or ""
    gb.tingkat = utama.tingkat
    gb.uraian = next((x.uraian for x in gb.sumber if x.uraian), "")
    gb.sasaran = next((x.sasaran for x in gb.sumber if x.sasaran), "")
    dengan_meta = [x for x in gb.sumber if x.baris_data_induk]
    ra = [x for x in gb.sumber if x.form == "rencana-aksi"]
    asal_teks = dengan_meta or ra or gb.sumber
    gb.indikator = next((x.indikator for x in asal_teks if x.indikator), utama.indikator)
    gb.satuan = next((x.satuan for x in asal_teks if x.satuan), "") or next(
        (x.satuan for x in gb.sumber if x.satuan), "")
    dipilih: dict[str, BarisSumber] = {}
    for x in gb.sumber:
        for kunci, ns in x.nilai.items():
            if kunci == "realisasi_tahun_k":
                continue
            if ns.nilai is None:
                continue
            if gb.nilai.get(kunci) is None:
                gb.nilai[kunci] = ns.nilai
                dipilih[kunci] = x
            elif _beda(gb.nilai[kunci], ns.nilai):
                y = dipilih[kunci]
                catatan.append(Catatan(
                    "beda", x.berkas, x.lembar, ns.sel,
                    f"{_label(kunci)} {gb.kode} '{gb.indikator[:60]}' berbeda dengan {y.berkas} '{y.lembar}' "
                    f"{y.nilai[kunci].sel}; dipakai yang dari {y.form.upper()} '{y.lembar}'.",
                    tercetak=_teks(ns.nilai), seharusnya=_teks(gb.nilai[kunci])))
        for kunci in _TEKS:
            t = x.teks.get(kunci, "")
            if t and not gb.teks.get(kunci):
                gb.teks[kunci] = t
        for k in x.keterangan:
            if k not in gb.keterangan:
                gb.keterangan.append(k)
        for k in x.perlu_dicek:
            if k not in gb.perlu_dicek:
                gb.perlu_dicek.append(k)
    ket_asli = next((x.teks.get("keterangan", "") for x in gb.sumber if x.teks.get("keterangan")), "")
    if ket_asli:
        gb.keterangan.insert(0, ket_asli)
    # the type: stated by the workbook, else inferred and marked
    dinyatakan = next((x.jenis for x in gb.sumber if x.jenis is not None), None)
    if dinyatakan is not None:
        gb.jenis = dinyatakan
    elif not gb.indikator and not any(k.endswith("_k") or k.startswith("tw_k") for k in gb.nilai):
        gb.jenis = JenisIndikator.KUMULATIF         # an Rp-only row: the type is never used
    else:
        angka_k = [ns.angka for x in gb.sumber for kunci, ns in x.nilai.items()
                   if ns.angka is not None and "rp" not in kunci and kunci != "pagu_n1"]
        batas = any((a.batas or "").startswith("<") for a in angka_k)
        persen = any(a.persen for a in angka_k)
        huruf = any(isinstance(v, str) and peringkat_huruf(v) is not None for v in gb.nilai.values())
        gb.jenis, sebab = tebak_jenis(gb.satuan, gb.indikator, bukti, batas_atas=batas, persen=persen,
                                      huruf=huruf)
        gb.perlu_dicek.insert(0, f"jenis ditebak ({sebab})")
        _bukti_lawan_satuan(gb, bukti, inti_tebak(gb.satuan or None, gb.indikator or None, persen=persen), catatan)
    # a T-C.29 annual realisasi: against the quarters, or in the evaluated quarter when none is given
    for x in gb.sumber:
        ns = x.nilai.get("realisasi_tahun_k")
        if ns is None or ns.nilai is None:
            continue
        tw = [gb.nilai.get(f"tw_k{i}") for i in range(1, 5)]
        if any(v is not None for v in tw):
            r = realisasi_tahun(tw[:triwulan], gb.jenis)
            if r is not None and _beda(r, ns.nilai):
                catatan.append(Catatan("beda", x.berkas, x.lembar, ns.sel,
                                       f"realisasi tahun {gb.kode} '{gb.indikator[:60]}' di T-C.29 berbeda dengan "
                                       "realisasi triwulan E.81; dipakai realisasi triwulan.",
                                       tercetak=format_angka(ns.nilai), seharusnya=format_angka(r)))
        else:
            gb.nilai[f"tw_k{triwulan}"] = ns.nilai
            gb.perlu_dicek.append(f"realisasi tahunan T-C.29 ({format_angka(ns.nilai)}) dicatat pada TW {triwulan}")
        break
    if not gb.kode:
        gb.perlu_dicek.append("kode tidak tertulis di formulir; isi kodenya")


def _bukti_lawan_satuan(gb: Gabungan, bukti: list[Bukti], inti: JenisIndikator, catatan: list[Catatan]) -> None:
    """A type taken from a printed total against what the unit says (the core's rule) is noted at that cell
    with the value the unit's type would give: either the type or the printed total is wrong (seed
    004:320 prints 0 for 1 + 0 + 0 vehicles, which reads as a level)."""
    if (gb.jenis is JenisIndikator.KUMULATIF) == (inti is JenisIndikator.KUMULATIF):
        return
    for x in bukti:
        if x.sel is None or x.lain is None or x.tercetak is None or x.jenis not in CALON:
            continue
        if (CALON[x.jenis] is JenisIndikator.KUMULATIF) != (gb.jenis is JenisIndikator.KUMULATIF):
            continue
        kata = "jumlah" if x.jenis == "jumlah" else "nilai terakhir"
        satuan = f"satuan '{gb.satuan}'" if gb.satuan else "nama indikator"
        catatan.append(Catatan(
            "jenis", x.berkas, x.lembar, x.sel,
            f"{gb.kode} '{gb.indikator[:60]}': angka tercetak sama dengan {kata}, jadi jenis '{gb.jenis.value}' "
            f"dipakai; menurut {satuan} jenisnya '{inti.value}' dan angka ini seharusnya "
            f"{format_angka(x.lain)}. Periksa jenisnya (kolom 'Perlu dicek').",
            tercetak=format_angka(x.tercetak), seharusnya=f"{format_angka(x.lain)} (bila {inti.value})"))
        return


def _kode_ganda(hasil: list[Gabungan]) -> None:
    """One code printed on two items of the same form (seeds-spec L1, L3): both rows are kept, under the
    code; the later one is marked."""
    pertama: dict[tuple[str, str, str], BarisSumber] = {}
    for gb in hasil:
        for x in gb.sumber:
            if not x.kode or x.urut or x.bagian:
                continue
            k = (x.berkas, x.lembar, x.kode)
            y = pertama.setdefault(k, x)
            if y.baris != x.baris:
                gb.perlu_dicek.append(f"kode {x.kode} juga dipakai di {x.lembar} baris {y.baris} "
                                      f"('{y.uraian[:50]}'); periksa kodenya")


def _warisi(hasil: list[Gabungan]) -> None:
    """Location and funding source are printed once per node: its other indicator rows share them."""
    awal: dict[str, Gabungan] = {}
    for gb in hasil:
        if not gb.kode:
            continue
        if gb.kode not in awal:
            awal[gb.kode] = gb
            continue
        for kunci in ("lokasi", "sumber_dana"):
            if not gb.teks.get(kunci) and awal[gb.kode].teks.get(kunci):
                gb.teks[kunci] = awal[gb.kode].teks[kunci]


def _induk_hilang(hasil: list[Gabungan], pertama: dict[tuple, int]) -> list[Gabungan]:
    """An empty row for every program/kegiatan whose children are imported but which no form prints."""
    ada = {g.kode for g in hasil if g.kode}
    baru: list[Gabungan] = []
    for kode in sorted(ada):
        seg = kode.split(".")
        for n in (3, 5):
            induk = ".".join(seg[:n])
            if n < len(seg) and induk not in ada:
                ada.add(induk)
                k = parse_kode(induk)
                gb = Gabungan(("sintetis", induk), kode=induk, tingkat=k.tingkat, sintetis=True)
                jalur = [("kode", ".".join(seg[:m])) for m in (3, 5) if m <= n]
                gb.urut_kunci = tuple(pertama.get(s, len(pertama)) for s in jalur) + (-1, -1)
                gb.perlu_dicek.append(f"{k.tingkat.label if k.tingkat else 'induk'} {induk} tidak ada di formulir; "
                                      "isi uraian dan indikatornya")
                baru.append(gb)
    return baru
