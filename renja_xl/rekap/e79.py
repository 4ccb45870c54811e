"""The pemda's evaluation of its RKPD: Tabel E.79 (kabupaten/kota) or Formulir E.19 (provinsi), with live
native formulas.

Layout (Permendagri 86/2017 as public e-monev implementations print it; sources in ``docs/skala.md``):
1 No · 2 Sasaran · 3 Kode (five cells: urusan, bidang, program, kegiatan, sub kegiatan) · 4 Urusan/Bidang
Urusan dan Program/Kegiatan/Sub Kegiatan · 5 Indikator · 6 Target RPJMD (akhir periode) · 7 Realisasi RPJMD
s.d. RKPD tahun lalu · 8 Target RKPD tahun berjalan · 9-12 Realisasi triwulan I-IV · 13 = 9+10+11+12 realisasi
RKPD yang dievaluasi · then E.79: 14 = 7+13, 15 = 14/6, 16 Perangkat Daerah; E.19: 14 = 13/8, 15 = 7+13,
16 = 15/6, 17 Unit Perangkat Daerah. Each numeric column has K and Rp.

Rows: urusan > bidang > each OPD's programs with their kegiatan, sub kegiatan and indicator rows (values
copied from the OPD's E.81: 5 -> 6, 6 -> 7, 7 -> 8, 8-11 -> 9-12). Rp is typed on the lowest level and
rolled up with SUMIFS over the rows *below* a row (a cell never refers to itself); realisasi, capaian and
predikat are the generator's formula builders (``renja_xl.generator.rumus``), which mirror the core. A hidden
column A holds each row's kind (URS, BID, PRG, KEG, SUB, LNJ) for those SUMIFS and averages.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from copy import copy
from weakref import WeakKeyDictionary

from openpyxl.styles import Alignment
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from renja_xl.buku import tulis_teks
from renja_xl.capaian import JenisIndikator
from renja_xl.generator import rumus
from renja_xl.generator.buat_templat import FMT_PERSEN, FMT_RP, GARIS, JUDUL, KIRI, NOMOR, RUMUS, TENGAH
from renja_xl.generator.cetak import huruf
from renja_xl.generator.hitung import Blok, Hitungan, Sel, hitungan
from renja_xl.predikat import Skala
from renja_xl.rekap.model import BarisE81, LembarE81
from renja_xl.rekap.pilih import OpdRekap, Pilihan

__all__ = ["Tata79", "tata_e79", "tulis_e79", "KIND_INDIKATOR", "judul_lembar", "blok_lembar", "TANPA_KODE", "RINCI",
           "potong_baris"]

K = JenisIndikator.KUMULATIF
ROMAWI = ("I", "II", "III", "IV")
KIND_INDIKATOR = ("PRG", "KEG", "SUB", "LNJ")
_KIND = {"program": "PRG", "kegiatan": "KEG", "sub_kegiatan": "SUB", "indikator": "LNJ"}
_MASUK = ("t6", "r7", "t8", "tw1", "tw2", "tw3", "tw4")     # slots filled from E.81 columns 5, 6, 7, 8-11
_AWAL = 11          # first value column (K): K
TANPA_KODE = "~"    # urusan / bidang key of rows whose E.81 prints no code


def judul_lembar(tingkat: str) -> str:
    return "E.19" if tingkat == "provinsi" else "E.79"


@dataclass
class Tata79:
    """Which slot is in which column for one layout; ``nomor``/``label`` give the numbering row."""

    tingkat: str
    slot: dict[str, int] = field(default_factory=dict)      # slot -> first column (K; Rp is +1)
    nomor: dict[str, str] = field(default_factory=dict)     # slot -> numbering label
    kol_pd: int = 0
    kol_jenis: int = 0
    kol_puncak: int = 0

    @property
    def provinsi(self) -> bool:
        return self.tingkat == "provinsi"

    def k(self, slot: str) -> str:
        return get_column_letter(self.slot[slot])

    def rp(self, slot: str) -> str:
        return get_column_letter(self.slot[slot] + 1)

    @property
    def capaian(self) -> tuple[str, ...]:
        return ("c14", "c16") if self.provinsi else ("c15",)

    @property
    def jumlah(self) -> tuple[str, ...]:
        """Slots whose Rp adds up (inputs and realisasi; not the capaian)."""
        return _MASUK + (("r13", "r15") if self.provinsi else ("r13", "r14"))


def tata_e79(tingkat: str) -> Tata79:
    t = Tata79(tingkat)
    urut = list(_MASUK) + ["r13"] + (["c14", "r15", "c16"] if t.provinsi else ["r14", "c15"])
    label = {"t6": "6", "r7": "7", "t8": "8", "tw1": "9", "tw2": "10", "tw3": "11", "tw4": "12",
             "r13": "13 = 9+10+11+12"}
    label.update({"c14": "14 = 13/8 x 100%", "r15": "15 = 7+13", "c16": "16 = 15/6 x 100%"} if t.provinsi else
                 {"r14": "14 = 7+13", "c15": "15 = 14/6 x 100%"})
    for i, s in enumerate(urut):
        t.slot[s] = _AWAL + 2 * i
        t.nomor[s] = label[s]
    t.kol_pd = _AWAL + 2 * len(urut)
    t.kol_jenis = t.kol_pd + 1
    t.kol_puncak = t.kol_pd + 2
    return t


# ------------------------------------------------------------------------------------------------ rows

@dataclass
class _Baris:
    jenis: str                       # URS BID PRG KEG SUB LNJ
    no: str = ""
    kode: str = ""
    uraian: str = ""
    sasaran: str = ""
    indikator: str = ""
    jenis_ind: str = ""
    nilai: tuple = ()
    pd: str = ""
    puncak: bool = False
    daun: bool = False
    akhir: int = -1                  # index of the last row under this one (roll-ups)
    anak: str = ""                   # kind of the direct children summed by the roll-up


def _segmen(kode: str) -> list[str]:
    """Code cells as the table prints them: urusan, bidang, program, kegiatan (x.yy), sub kegiatan."""
    s = kode.split(".") if kode else []
    return [s[0] if len(s) > 0 else "", s[1] if len(s) > 1 else "", s[2] if len(s) > 2 else "",
            ".".join(s[3:5]) if len(s) > 4 else "", s[5] if len(s) > 5 else ""]


def blok_lembar(lb: LembarE81) -> list[tuple[str, int, int]]:
    """The sheet's rows cut into top-level blocks (normally one per program): (bidang key, first, end)."""
    out: list[list] = []
    for g, b in enumerate(lb.baris):
        if b.tingkat != "indikator" and b.induk is None:
            seg = b.kode.split(".") if b.kode else []
            bidang = ".".join(seg[:2]) if len(seg) >= 2 else (lb.bidang or TANPA_KODE)
            out.append([bidang, g, g + 1])
        elif out:
            out[-1][2] = g + 1
    return [(b, a, z) for b, a, z in out]


def _urutan(kode: str) -> tuple:
    return (kode == TANPA_KODE,) + tuple(int(x) if x.isdigit() else 99 for x in kode.split("."))


RINCI = ("program", "kegiatan", "sub_kegiatan")
_LEVEL = {"program": 3, "kegiatan": 4, "sub_kegiatan": 5}


def potong_baris(baris: tuple[BarisE81, ...], rinci: str) -> tuple[BarisE81, ...]:
    """The rows down to level ``rinci`` (program, kegiatan or sub_kegiatan) with their indicator rows. An item
    whose children are cut becomes a lowest-level row: its Rp is the sum of the Rp typed below it (what the
    roll-up formulas would give), so every total stays the same."""
    from dataclasses import replace

    batas = _LEVEL[rinci]
    simpan: list[int] = []
    for g, b in enumerate(baris):
        item = g if b.tingkat != "indikator" else b.induk
        if item is not None and _LEVEL.get(baris[item].tingkat, 5) <= batas:
            simpan.append(g)
    if len(simpan) == len(baris):
        return baris
    baru = {g: i for i, g in enumerate(simpan)}
    daun_bawah: dict[int, list[BarisE81]] = {}
    for g, b in enumerate(baris):       # every typed-Rp row, credited to its nearest kept ancestor
        if b.tingkat == "indikator" or not b.daun or g in baru:
            continue
        a = b.induk
        while a is not None and a not in baru:
            a = baris[a].induk
        if a is not None:
            daun_bawah.setdefault(a, []).append(b)
    out = []
    for g in simpan:
        b = baris[g]
        induk = baru.get(b.induk) if b.induk is not None else None
        if g in daun_bawah:
            nilai = list(b.nilai)
            for j in range(1, len(nilai), 2):
                isi = [x.nilai[j] for x in daun_bawah[g] if isinstance(x.nilai[j], float)]
                nilai[j] = math.fsum(isi) if isi else None
            b = replace(b, nilai=tuple(nilai), daun=True)
        out.append(replace(b, induk=induk))
    return tuple(out)


def susun_baris(pilihan: Pilihan, nama: dict[str, str], rinci: str = "sub_kegiatan") -> list[_Baris]:
    """Every row of the table in order: urusan, its bidang, then each OPD's blocks of that bidang."""
    from dataclasses import replace

    per_bidang: dict[str, list[tuple[OpdRekap, int, int]]] = {}
    lembar: dict[int, LembarE81] = {}
    for o in pilihan.opd:
        if o.lembar is None:
            continue
        lembar[id(o)] = lb = replace(o.lembar, baris=potong_baris(o.lembar.baris, rinci))
        for bidang, a, z in blok_lembar(lb):
            per_bidang.setdefault(bidang, []).append((o, a, z))
    urusan: dict[str, list[str]] = {}
    for bidang in sorted(per_bidang, key=_urutan):
        urusan.setdefault(bidang.split(".")[0] if bidang != TANPA_KODE else TANPA_KODE, []).append(bidang)
    banyak_pemda = len({o.pemda for o in pilihan.opd if o.lembar is not None}) > 1
    out: list[_Baris] = []
    for iu, u in enumerate(sorted(urusan, key=_urutan), 1):
        iu_row = len(out)
        out.append(_Baris("URS", str(iu), "" if u == TANPA_KODE else u, _nama(nama, u, "URUSAN"), anak="BID"))
        for ib, bidang in enumerate(urusan[u], 1):
            ib_row = len(out)
            out.append(_Baris("BID", f"{iu}.{ib}", "" if bidang == TANPA_KODE else bidang,
                              _nama(nama, bidang, "BIDANG URUSAN"), anak="PUNCAK"))
            nomor = [0]
            for o, a, z in per_bidang[bidang]:
                pd = f"{o.nama} ({o.pemda})" if banyak_pemda and o.pemda else o.nama
                _tulis_blok(out, lembar[id(o)].baris, a, z, pd, f"{iu}.{ib}", nomor)
            out[ib_row].akhir = len(out) - 1
        out[iu_row].akhir = len(out) - 1
    return out


def _nama(nama: dict[str, str], kode: str, jenis: str) -> str:
    if kode == TANPA_KODE:
        return "PROGRAM/KEGIATAN TANPA KODE (E.81 OPD tidak mencantumkan kode urusan/bidang)" if jenis == "URUSAN" \
            else "TANPA KODE BIDANG URUSAN"
    return nama.get(kode) or f"{jenis} {kode}"


def _tulis_blok(out: list[_Baris], baris: tuple[BarisE81, ...], a: int, z: int, pd: str, awalan: str,
                nomor: list[int]) -> None:
    """Rows a..z-1 of one E.81 sheet; each item gets its last-descendant row and its children's kind."""
    pos = {g: len(out) + (g - a) for g in range(a, z)}
    no: dict[int, str] = {}
    anak_ke: dict[int, int] = {}
    for g in range(a, z):
        b = baris[g]
        teks = ""
        if b.tingkat != "indikator":
            if b.induk is None or b.induk not in no:
                nomor[0] += 1
                teks = no[g] = f"{awalan}.{nomor[0]}"
            else:
                anak_ke[b.induk] = anak_ke.get(b.induk, 0) + 1
                teks = no[g] = f"{no[b.induk]}.{anak_ke[b.induk]}"
        out.append(_Baris(_KIND[b.tingkat], teks, b.kode, b.uraian, b.sasaran, b.indikator, b.jenis, b.nilai, pd,
                          puncak=b.induk is None and b.tingkat != "indikator", daun=b.daun))
    for g in range(a, z):
        if baris[g].tingkat == "indikator":
            continue
        turunan = {g}
        akhir = g
        anak = ""
        for k in range(g + 1, z):
            if baris[k].induk in turunan:
                if baris[k].tingkat != "indikator":
                    turunan.add(k)
                    if not anak and baris[k].induk == g:
                        anak = _KIND[baris[k].tingkat]
                akhir = k
            else:
                break
        out[pos[g]].akhir = pos[akhir]
        out[pos[g]].anak = anak


# ---------------------------------------------------------------------------------------------- sheet

_JUDUL_ATAS = 7          # first header row
_BARIS_DATA = _JUDUL_ATAS + 4


def _kepala(t: Tata79, tahun: int | None) -> dict[str, str]:
    """Header text per slot, with the pemda level's words (RPJMD/RKPD Kabupaten/Kota or Provinsi)."""
    lv = "Provinsi" if t.provinsi else "Kabupaten/Kota"
    th = str(tahun) if tahun else "…"
    lalu = str(tahun - 1) if tahun else "n-1"
    teks = {
        "t6": f"Target RPJMD {lv} pada Akhir Periode RPJMD",
        "r7": f"Realisasi Capaian Kinerja RPJMD {lv} sampai dengan RKPD {lv} Tahun Lalu ({lalu})",
        "t8": f"Target Kinerja dan Anggaran RKPD {lv} Tahun Berjalan ({th}) yang Dievaluasi",
        "tw1": "Realisasi Kinerja pada Triwulan",
        "r13": f"Realisasi Capaian Kinerja dan Anggaran RKPD {lv} yang Dievaluasi",
    }
    if t.provinsi:
        teks.update({"c14": f"Tingkat Capaian Kinerja dan Realisasi Anggaran RKPD {lv} Tahun {th} (%)",
                     "r15": f"Realisasi Kinerja dan Anggaran RPJMD {lv} s.d. Tahun {th}",
                     "c16": f"Tingkat Capaian Kinerja dan Realisasi Anggaran RPJMD {lv} s.d. Tahun {th} (%)"})
    else:
        teks.update({"r14": f"Realisasi Kinerja dan Anggaran RPJMD {lv} s.d. Tahun {th}",
                     "c15": f"Tingkat Capaian Kinerja dan Realisasi Anggaran RPJMD {lv} s.d. Tahun {th} (%)"})
    return teks


_GAYA: WeakKeyDictionary[Workbook, dict[tuple, StyleArray]] = WeakKeyDictionary()


def _gaya(c, *, isi: bool = False, fmt: str | None = None, rumus_: bool = False, tebal: bool = False) -> None:
    """Give cell ``c`` the style of its kind (replacing any it had). Each kind is built once per workbook
    and then copied by its style ids: assigning a font or border object to each of the ~80,000 cells of a
    2,000-row E.19 hashes openpyxl style objects every time (most of the sheet's writing time)."""
    gaya = _GAYA.setdefault(c.parent.parent, {})
    kunci = (isi, fmt, rumus_, tebal)
    s = gaya.get(kunci)
    if s is None:
        c._style = StyleArray()
        _gaya_baru(c, isi=isi, fmt=fmt, rumus_=rumus_, tebal=tebal)
        s = gaya[kunci] = copy(c._style)
    c._style = copy(s)


def _gaya_baru(c, *, isi: bool, fmt: str | None, rumus_: bool, tebal: bool) -> None:
    c.border = GARIS
    if fmt:
        c.number_format = fmt
    if rumus_:
        c.fill = RUMUS
    if tebal:
        c.font = huruf(bold=True, size=10)
    c.alignment = KIRI if isi else _ATAS


_ATAS = Alignment(vertical="top")        # a row's numbers and codes beside the first line of its name

# column widths (characters of Arial 10): narrow enough that the code and name columns repeated on every
# page wide leave room for the figures; Rp columns are widened to their largest value when printed
_LEBAR = {"A": 5, "B": 8, "C": 14, "D": 4, "E": 4, "F": 4, "G": 6, "H": 6, "I": 40, "J": 30}
_LEBAR_K = 10
_LEBAR_RP = 13
_LEBAR_PD = 26
_BUNGKUS = Alignment(horizontal="center", vertical="center", wrap_text=True)
_KOLOM_ULANG = 9        # A..I (row kind, No, Sasaran, Kode, Uraian) repeat on every page wide


def tulis_e79(wb: Workbook, pilihan: Pilihan, nama: dict[str, str], skala: Skala, tingkat: str,
              rinci: str = "sub_kegiatan") -> Worksheet:
    """Write the E.79 / E.19 sheet; returns it. ``nama``: urusan and bidang names by code; ``rinci``: the
    lowest level printed (a province compiling thousands of OPDs keeps the table readable with programs).
    Every formula goes through the workbook's :class:`Hitungan` (the generator's rule table), so the saved
    file carries the core's value in each; the page plan is :func:`cetak_e79`, once all values are known."""
    t = tata_e79(tingkat)
    ws = wb.create_sheet(judul_lembar(tingkat))
    h = hitungan(wb)
    rows = susun_baris(pilihan, nama, rinci)
    pemda = ", ".join(pilihan.pemda) if pilihan.pemda else "…"
    tw = ROMAWI[pilihan.triwulan - 1]
    lv = "Provinsi" if t.provinsi else "Kabupaten/Kota"
    ws["B1"] = "Formulir E.19" if t.provinsi else "Tabel E.79"
    ws["B2"] = "EVALUASI TERHADAP HASIL RKPD"
    tulis_teks(ws["B3"], pemda.upper())
    ws["B4"] = f"Periode Pelaksanaan: Triwulan {tw} Tahun {pilihan.tahun or '…'}"
    ws["B5"] = f"Sasaran Pembangunan Tahunan {lv}: ……"
    for a in ("B1", "B2", "B3"):
        ws[a].font = huruf(bold=True, size=12)
    _tulis_kepala(ws, t, _kepala(t, pilihan.tahun))
    r0 = _BARIS_DATA
    for i, b in enumerate(rows):
        _tulis_baris(ws, h, t, r0, i, b)
    akhir = r0 + len(rows) - 1
    _tulis_kaki(ws, h, t, r0, max(akhir, r0), skala, pilihan)
    for c in range(1, t.kol_puncak + 1):
        ws.column_dimensions[get_column_letter(c)].width = _LEBAR_K
    for s in t.slot:
        ws.column_dimensions[t.rp(s)].width = _LEBAR_RP
    for k, w in _LEBAR.items():
        ws.column_dimensions[k].width = w
    ws.column_dimensions[get_column_letter(t.kol_pd)].width = _LEBAR_PD
    for c in (1, t.kol_jenis, t.kol_puncak):
        ws.column_dimensions[get_column_letter(c)].hidden = True
    ws.freeze_panes = ws.cell(_BARIS_DATA, 11)
    ws.print_title_rows = f"{_JUDUL_ATAS}:{_BARIS_DATA - 1}"
    return ws


def _cari(ws: Worksheet, c: int, cocok, dari: int) -> int | None:
    """The last row at or below ``dari`` whose cell in column ``c`` satisfies ``cocok``."""
    for r in range(ws.max_row, dari - 1, -1):
        v = ws._cells.get((r, c))
        if v is not None and isinstance(v.value, str) and cocok(v.value):
            return r
    return None


def cetak_e79(ws: Worksheet, tingkat: str, kertas, nilai, kaki: str):
    """Plan the printed pages of the E.79/E.19 with the generator's planner (``cetak.atur_halaman``): body
    at 7 pt or more, split over pages wide with the code and name columns repeated, amounts never ``###``,
    the JUMLAH, rata-rata and predikat rows kept on one page with the signature block, which is never cut."""
    from renja_xl.generator.cetak import Tataletak, atur_halaman, lebarkan_angka

    t = tata_e79(tingkat)
    r_jumlah = _cari(ws, 1, lambda v: v == "JUMLAH", _BARIS_DATA)
    r_pred = _cari(ws, 1, lambda v: v == "PREDIKAT", _BARIS_DATA)
    c_ttd = t.kol_pd - 3
    r_ttd = _cari(ws, c_ttd, lambda v: v.startswith("Disusun"), _BARIS_DATA)
    r_nip = _cari(ws, c_ttd, lambda v: v.startswith("NIP"), _BARIS_DATA)
    assert r_jumlah and r_pred and r_ttd and r_nip, "E.79 tanpa baris JUMLAH atau blok tanda tangan"
    lebarkan_angka(ws, nilai, range(_BARIS_DATA, r_pred + 1))
    ttd = (r_ttd, r_nip)
    tl = Tataletak(kertas, (1, t.kol_pd), (1, r_nip), (_JUDUL_ATAS, _BARIS_DATA - 1), (1, _KOLOM_ULANG),
                   [[(r_jumlah, r_nip), ttd]], ttd, kaki, pertahankan_tinggi=tuple(range(r_pred + 1, r_nip + 1)),
                   nilai=nilai, akhir_badan=r_pred)
    return atur_halaman(ws, tl)


def _tulis_kepala(ws: Worksheet, t: Tata79, teks: dict[str, str]) -> None:
    r = _JUDUL_ATAS
    tetap = [(2, "No", "1"), (3, "Sasaran", "2"), (4, "Kode", "3"),
             (9, "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan", "4"),
             (10, "Indikator Kinerja Program (outcome)/Kegiatan (output)", "5"),
             (t.kol_pd, "Unit Perangkat Daerah Penanggung Jawab" if t.provinsi else
              "Perangkat Daerah Penanggung Jawab", "17" if t.provinsi else "16")]
    for c, judul, nomor in tetap:
        ujung = 8 if c == 4 else c
        ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=ujung)
        ws.cell(r, c, judul)
        ws.merge_cells(start_row=r + 2, start_column=c, end_row=r + 3, end_column=ujung)
        ws.cell(r + 2, c, nomor)
    for s, c in t.slot.items():
        if s in ("tw2", "tw3", "tw4"):
            pass
        elif s == "tw1":
            ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c + 7)
            ws.cell(r, c, teks[s])
        else:
            ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c + 1)
            ws.cell(r, c, teks[s])
        if s.startswith("tw"):
            ws.merge_cells(start_row=r + 1, start_column=c, end_row=r + 1, end_column=c + 1)
            ws.cell(r + 1, c, ROMAWI[int(s[2]) - 1])
        ws.merge_cells(start_row=r + 2, start_column=c, end_row=r + 2, end_column=c + 1)
        ws.cell(r + 2, c, t.nomor[s])
        ws.cell(r + 3, c, "K")
        ws.cell(r + 3, c + 1, "Rp")
    ws.cell(r, t.kol_jenis, "Jenis indikator")
    ws.cell(r, t.kol_puncak, "Baris puncak OPD")
    tebal = huruf(bold=True, size=10)
    for rr in range(r, r + 4):
        for c in range(2, t.kol_pd + 1):
            cell = ws.cell(rr, c)
            cell.border = GARIS
            cell.alignment = TENGAH
            cell.font = tebal
            cell.fill = JUDUL if rr < r + 2 else NOMOR


def _tulis_baris(ws: Worksheet, h: Hitungan, t: Tata79, r0: int, i: int, b: _Baris) -> None:
    r = r0 + i
    ws.cell(r, 1, b.jenis)
    tulis_teks(ws.cell(r, 2), b.no)
    if b.sasaran:
        tulis_teks(ws.cell(r, 3), b.sasaran)
    for j, seg in enumerate(_segmen(b.kode)):
        if seg:
            tulis_teks(ws.cell(r, 4 + j), seg)
    tulis_teks(ws.cell(r, 9), b.uraian)
    if b.indikator:
        tulis_teks(ws.cell(r, 10), b.indikator)
    tebal = b.jenis in ("URS", "BID")
    for c in range(2, t.kol_pd + 1):
        _gaya(ws.cell(r, c), isi=c in (3, 9, 10, t.kol_pd), tebal=tebal)
    if b.pd:
        tulis_teks(ws.cell(r, t.kol_pd), b.pd)
    if b.jenis_ind:
        ws.cell(r, t.kol_jenis, b.jenis_ind)
    if b.puncak:
        ws.cell(r, t.kol_puncak, "ya")
    jenis = JenisIndikator.dari_teks(b.jenis_ind) or K
    ada_k = bool(b.jenis_ind)
    item = b.jenis != "LNJ"
    # inputs: K on indicator rows; Rp typed on the lowest items, rolled up on the others
    for n, s in enumerate(_MASUK):
        if b.nilai and ada_k:
            c_k = ws.cell(r, t.slot[s])
            _isi_sel(c_k, b.nilai[2 * n])
            if isinstance(c_k.value, str):      # a unit or a grade typed with the number wraps in its cell
                _gaya(c_k, isi=True, tebal=tebal)
        if not item:
            continue
        c_rp = ws.cell(r, t.slot[s] + 1)
        if b.jenis in ("URS", "BID") or not b.daun:
            if b.akhir > i and b.anak:
                c_rp = h.tulis(ws, r, t.slot[s] + 1, _gulung(t, s, r0, i, b))
                _gaya(c_rp, fmt=FMT_RP, rumus_=True, tebal=tebal)
        elif b.nilai:
            _isi_sel(c_rp, b.nilai[2 * n + 1])
            _gaya(c_rp, fmt=FMT_RP, tebal=tebal)

    def sel(slot: str, rp: bool) -> Sel:
        return Sel(None, r, t.slot[slot] + (1 if rp else 0))

    def tulis(slot: str, rp: bool, aturan: object, fmt: str) -> None:
        c = h.tulis(ws, r, t.slot[slot] + (1 if rp else 0), aturan)  # type: ignore[arg-type]
        _gaya(c, fmt=fmt, rumus_=True, tebal=tebal)

    for rp, ok in ((False, ada_k), (True, item)):
        if not ok:
            continue
        j = K if rp else jenis
        fmt = FMT_RP if rp else "General"
        tulis("r13", rp, rumus.REALISASI_TAHUN([sel(f"tw{q}", rp) for q in range(1, 5)], j), fmt)
        renstra = "r15" if t.provinsi else "r14"
        tulis(renstra, rp, rumus.REALISASI_RENSTRA([sel("r7", rp), sel("r13", rp)], j), fmt)
        if t.provinsi:
            tulis("c14", rp, rumus.CAPAIAN(sel("r13", rp), sel("t8", rp), j), FMT_PERSEN)
            tulis("c16", rp, rumus.CAPAIAN(sel("r15", rp), sel("t6", rp), j), FMT_PERSEN)
        else:
            tulis("c15", rp, rumus.CAPAIAN(sel("r14", rp), sel("t6", rp), j), FMT_PERSEN)


def _isi_sel(c, v: object) -> None:
    if isinstance(v, float):
        c.value = int(v) if v.is_integer() and abs(v) < 1e15 else v
    elif isinstance(v, str):
        tulis_teks(c, v)


def _kolom(t: Tata79, slot: str, r1: int, r2: int, rp: bool = True) -> Blok:
    c = t.slot[slot] + (1 if rp else 0)
    return Blok(None, r1, c, r2, c)


def _gulung(t: Tata79, slot: str, r0: int, i: int, b: _Baris):
    """Sum of the direct children below row i (never the row itself)."""
    a, z = r0 + i + 1, r0 + b.akhir
    nilai = _kolom(t, slot, a, z)
    if b.anak == "PUNCAK":
        return rumus.JUMLAH_ANAK(nilai, Blok(None, a, t.kol_puncak, z, t.kol_puncak, True), "ya")
    return rumus.JUMLAH_ANAK(nilai, Blok(None, a, 1, z, 1, True), b.anak)


def _tulis_kaki(ws: Worksheet, h: Hitungan, t: Tata79, r0: int, r1: int, skala: Skala, pilihan: Pilihan) -> None:
    r = r1 + 1
    jenis = Blok(None, r0, 1, r1, 1, True)
    ws.cell(r, 1, "JUMLAH")
    ws.cell(r, 9, "JUMLAH ANGGARAN DAN REALISASI SELURUH URUSAN")
    for s in t.jumlah:
        h.tulis(ws, r, t.slot[s] + 1, rumus.JUMLAH_ANAK(_kolom(t, s, r0, r1), jenis, "URS"))
    for s in t.capaian:
        a, b = {"c14": ("r13", "t8"), "c15": ("r14", "t6"), "c16": ("r15", "t6")}[s]
        h.tulis(ws, r, t.slot[s] + 1, rumus.CAPAIAN(Sel(None, r, t.slot[a] + 1), Sel(None, r, t.slot[b] + 1), K))
    r_rata = r + 1
    ws.cell(r_rata, 1, "RATA")
    ws.cell(r_rata, 9, "Rata-rata capaian kinerja (%)")
    r_pred = r + 2
    ws.cell(r_pred, 1, "PREDIKAT")
    ws.cell(r_pred, 9, "Predikat kinerja")
    for s in t.capaian:
        for rp in (False, True):
            c = t.slot[s] + (1 if rp else 0)
            h.tulis(ws, r_rata, c, rumus.RATA_JENIS(_kolom(t, s, r0, r1, rp), jenis, KIND_INDIKATOR))
            h.tulis(ws, r_pred, c, rumus.PREDIKAT(Sel(None, r_rata, c), skala))
    persen = {t.slot[s] + 1 for s in t.capaian}
    for rr in (r, r_rata, r_pred):
        for c in range(2, t.kol_pd + 1):
            cell = ws.cell(rr, c)
            _gaya(cell, tebal=True, isi=c == 9)       # the label wraps in the name column repeated on every page
            if cell.data_type == "f":
                cell.fill = RUMUS
                cell.number_format = FMT_RP if rr == r and c not in persen else FMT_PERSEN
                if rr == r_pred:
                    cell.alignment = _BUNGKUS          # "Sangat Rendah" in a narrow K column
    r = r_pred + 2
    lv = "RKPD"
    for teks in ("Faktor pendorong keberhasilan kinerja:", "Faktor penghambat pencapaian kinerja:",
                 "Tindak lanjut yang diperlukan dalam triwulan berikutnya:",
                 f"Tindak lanjut yang diperlukan dalam {lv} berikutnya:"):
        ws.cell(r, 2, teks).font = huruf(bold=True, size=10)
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=10)
        ws.cell(r, 2).alignment = Alignment(vertical="top", wrap_text=True)
        ws.row_dimensions[r].height = 30         # room to write in
        r += 1
    r += 1
    # the signatory (Kepala Bappeda) on the right; the empty piece on its left holds the place the planner
    # gives a second signature, so on a form split over pages wide the block prints whole on the right half
    # of the first page wide (cetak.atur_halaman lays out two signature pieces side by side)
    c = t.kol_pd - 3
    nama = "KEPALA BAPPEDA " + (pilihan.pemda[0].upper() if len(pilihan.pemda) == 1 else
                                ("PROVINSI …" if t.provinsi else "KABUPATEN/KOTA …"))
    tengah = Alignment(horizontal="center", vertical="top", wrap_text=True)
    for dr, teks, tebal in ((0, "Disusun", False), (1, "……………, tanggal ……………", False), (2, nama, True),
                            (3, None, False), (4, None, False), (5, None, False),
                            (6, "(………………………………)", True), (7, "NIP. ……………………", False)):
        if teks is None:
            ws.row_dimensions[r + dr].height = 16
            continue
        ws.merge_cells(start_row=r + dr, start_column=c - 4, end_row=r + dr, end_column=c - 1)
        ws.merge_cells(start_row=r + dr, start_column=c, end_row=r + dr, end_column=t.kol_pd)
        x = ws.cell(r + dr, c)
        tulis_teks(x, teks)
        x.alignment = tengah
        if tebal:
            x.font = huruf(bold=True, size=10)
