"""Classify the rows of a form: urusan, bidang, program, kegiatan, sub kegiatan, indicator rows, footers.

By code when there is one (in a Kode column, split over several cells, or in front of the name), by
text otherwise ("PROGRAM …", "Kegiatan …", "Sub Kegiatan …", "Rata-rata capaian", "Predikat", "Jumlah").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from renja_xl.kode import Kode, Tingkat, gabung_sel, parse_kode, pisah_kode_nama
from renja_xl.periksa.deteksi import Formulir, Grid

URUSAN, BIDANG, PROGRAM, KEGIATAN, SUB = "urusan", "bidang", "program", "kegiatan", "sub_kegiatan"
INDIKATOR, RATA, PREDIKAT, JUMLAH, FOOTER, HEADER, JUDUL, KOSONG = (
    "indikator", "rata_rata", "predikat", "jumlah", "footer", "header", "judul", "kosong")
ITEM = (URUSAN, BIDANG, PROGRAM, KEGIATAN, SUB)
URUTAN = {URUSAN: 1, BIDANG: 2, PROGRAM: 3, KEGIATAN: 4, SUB: 5}
_DARI_TINGKAT = {Tingkat.URUSAN: URUSAN, Tingkat.BIDANG: BIDANG, Tingkat.PROGRAM: PROGRAM,
                 Tingkat.KEGIATAN: KEGIATAN, Tingkat.SUB_KEGIATAN: SUB}
LABEL = {URUSAN: "urusan", BIDANG: "bidang urusan", PROGRAM: "program", KEGIATAN: "kegiatan",
         SUB: "sub kegiatan", INDIKATOR: "indikator"}


@dataclass
class Baris:
    """One classified row. ``item`` is the row that starts the item this row belongs to."""

    r: int
    jenis: str
    kode: Kode | None = None
    kode_sel: int | None = None      # column holding the code
    nama: str = ""
    indikator: str = ""
    satuan: str = ""
    item: int | None = None
    multi_indikator: bool = False
    jenis_indikator: str = ""        # from a "Jenis indikator" column when the form has one

    @property
    def adalah_item(self) -> bool:
        return self.jenis in ITEM


_KODE_SEL = re.compile(r"^[\dXx][\dXx.\s\-]*$")
# Rows that end a table or sit under it (faktor rows, signatures, the generator's "Catatan cara hitung — ..."
# and "*) Diisi dengan ..." notes): never an item or an indicator.
_FOOTER = re.compile(r"(?i)^\s*(faktor|tindak\s*lanjut|kepala\b|nip\b|mengetahui|disusun|catatan\s*:|keterangan\s*:|"
                     r"catatan\s+cara\s+hitung\b|\*\))")
# The signature block ends the table: everything below it is names, NIP and places, never data.
_TANDA_TANGAN = re.compile(r"(?i)^\s*(mengetahui|menyetujui|disusun\s+oleh|ditetapkan\s+di|nip\b|nip\.)")


_SPASI = re.compile(r"\s+")


@lru_cache(maxsize=16384)
def _norm(t: str) -> str:
    return _SPASI.sub(" ", t.strip().lower())


def _tingkat_kasar(k: Kode) -> str | None:
    if k.tingkat is not None:
        return _DARI_TINGKAT[k.tingkat]
    if k.saran:
        s = parse_kode(k.saran)
        if s.tingkat is not None:
            return _DARI_TINGKAT[s.tingkat]
    n = len(k.segmen) if k.segmen else len([x for x in re.split(r"[.\s]+", k.asli) if x])
    return {1: URUSAN, 2: BIDANG, 3: PROGRAM, 4: KEGIATAN, 5: KEGIATAN, 6: SUB}.get(n)


_TEKS_TINGKAT = tuple((re.compile(pola), jenis) for pola, jenis in (
    (r"sub\s*[- ]?\s*kegiatan\b", SUB), (r"kegiatan\b", KEGIATAN), (r"program\b", PROGRAM),
    (r"(bidang|bid\.)", BIDANG), (r"urusan\b", URUSAN)))


def _dari_teks(nama: str) -> str | None:
    t = nama.strip().lower()
    for pola, jenis in _TEKS_TINGKAT:
        if pola.match(t):
            return jenis
    return None


def _label_baris(teks: list[str], teks_indikator: str = "") -> str | None:
    """Footer rows by their label; a 'Jumlah …' label only outside the indicator column (indicators
    often start with 'Jumlah …')."""
    gabung = " ".join(teks).strip().lower()
    semua = (gabung + " " + teks_indikator.lower()).strip()
    if _RATA.search(semua) and ("capaian" in semua or "kinerja" in semua) or _RATA_AWAL.match(semua):
        return RATA
    if semua.startswith("predikat") or _PREDIKAT.search(semua):
        return PREDIKAT
    if _JUMLAH.match(gabung) and len(gabung) <= 90 and " yang " not in f" {gabung} ":
        return JUMLAH
    return None


_RATA = re.compile(r"rata\s*-?\s*rata")
_RATA_AWAL = re.compile(r"(total\s+)?rata\s*-?\s*rata")
_PREDIKAT = re.compile(r"\bpredikat kinerja\b")
_JUMLAH = re.compile(r"(jumlah|total)\b")
_MULTI_1 = re.compile(r"^\s*1[.)]\s")
_MULTI_2 = re.compile(r"\s2[.)]\s")
_TAHUN = re.compile(r"(?i)tahun\s+\d{4}")


def klasifikasi(grid: Grid, f: Formulir, *, jenis_pemda: str | None = None) -> list[Baris]:
    """Classify every row of form ``f``; rows of a repeated header are ``header``."""
    hasil: list[Baris] = []
    c_angka = min((c for (n, _s), c in f.kolom.items() if n >= 4 and c not in
                   (f.kol_kode, f.kol_uraian, f.kol_indikator, f.kol_satuan)), default=grid.max_col + 1)
    c_nama = f.kol_uraian or f.kol_kode or 2
    item_aktif: int | None = None
    tanda_tangan = False
    teks_judul = {_norm(grid.teks(rr, c, isi_gabung=True)) for rr in range(f.baris_awal, f.baris_nomor + 1)
                  for c in range(1, grid.max_col + 1) if grid.teks(rr, c, isi_gabung=True)}
    for r in grid.baris_berisi(f.baris_data, f.baris_akhir):
        if r in f.baris_header_ulang or r == f.baris_nomor:
            hasil.append(Baris(r, HEADER))
            continue
        semua = grid.baris_teks(r, 1, grid.max_col)
        isi_baris = [_norm(t) for t in semua if t]
        if isi_baris and (sum(1 for t in isi_baris if t in teks_judul and len(t) > 3) >= 2
                          or all(t in ("k", "rp", "i", "ii", "iii", "iv", "triwulan") for t in isi_baris)):
            hasil.append(Baris(r, HEADER))     # a header repeated without its numbering row
            continue
        kiri = semua[:max(c_angka, 2) - 1]
        kiri += [grid.teks(r, c) for c in range(len(kiri) + 1, max(c_angka, 2))]   # columns past max_col
        if not any(semua):
            hasil.append(Baris(r, KOSONG))
            continue
        if tanda_tangan or any(_TANDA_TANGAN.match(t) for t in semua if t):
            tanda_tangan = True
            hasil.append(Baris(r, FOOTER, nama=" ".join(t for t in semua if t)))
            continue
        c_ind = f.kol_indikator
        lab = _label_baris([t for c, t in enumerate(kiri, start=1) if t and c != c_ind],
                           kiri[c_ind - 1] if c_ind and c_ind <= len(kiri) else "")
        if lab:
            hasil.append(Baris(r, lab, nama=" ".join(t for t in kiri if t)))
            continue
        if _FOOTER.match(" ".join(t for t in kiri if t)):
            hasil.append(Baris(r, FOOTER, nama=" ".join(t for t in kiri if t)))
            continue
        nama = grid.teks(r, c_nama)
        indikator = grid.teks(r, f.kol_indikator) if f.kol_indikator else ""
        satuan = grid.teks(r, f.kol_satuan) if f.kol_satuan else ""
        kode: Kode | None = None
        kode_sel = None
        if f.kol_kode:
            ujung = c_nama if c_nama > f.kol_kode else f.kol_kode + 1
            bagian = [grid.get(r, c).nilai for c in range(f.kol_kode, ujung)]
            bagian = [b for b in bagian if b not in (None, "")]
            if bagian:
                kode = gabung_sel(bagian) if len(bagian) > 1 else parse_kode(bagian[0], jenis_pemda=jenis_pemda)
                kode_sel = f.kol_kode
        if kode is None and nama:
            kd, _sisa = pisah_kode_nama(nama)
            if kd is not None and ("." in kd or kd[:1] in "Xx"):
                kode, kode_sel = parse_kode(nama, jenis_pemda=jenis_pemda), c_nama
                nama = kode.nama or ""
        jenis = None
        if kode is not None:
            jenis = _tingkat_kasar(kode)
        if jenis is None and nama:
            jenis = _dari_teks(nama)
        if jenis is None and nama and item_aktif is not None and not _TAHUN.fullmatch(nama):
            jenis = KEGIATAN
        if jenis is None:
            if _TAHUN.fullmatch(nama) or (nama and item_aktif is None):
                hasil.append(Baris(r, JUDUL, nama=nama))
                continue
            if item_aktif is not None and (indikator or any(semua[c_angka - 1:])):
                hasil.append(Baris(r, INDIKATOR, indikator=indikator, satuan=satuan, item=item_aktif,
                                   jenis_indikator=grid.teks(r, f.kol_jenis) if f.kol_jenis else ""))
                continue
            hasil.append(Baris(r, JUDUL, nama=" ".join(t for t in semua if t)))
            continue
        b = Baris(r, jenis, kode=kode, kode_sel=kode_sel, nama=nama, indikator=indikator, satuan=satuan, item=r,
                  jenis_indikator=grid.teks(r, f.kol_jenis) if f.kol_jenis else "")
        b.multi_indikator = bool(_MULTI_1.match(indikator)) and bool(_MULTI_2.search(indikator))
        item_aktif = r
        hasil.append(b)
    return hasil


def lebar_sub(baris: list[Baris]) -> int | None:
    """The table's sub kegiatan width (2 or 4 digits), by majority."""
    c = Counter(len(b.kode.segmen[5]) for b in baris
                if b.kode is not None and b.kode.normal and len(b.kode.segmen) == 6)
    return c.most_common(1)[0][0] if c else None


def bidang_utama(baris: list[Baris]) -> str | None:
    c = Counter(b.kode.bidang for b in baris if b.kode is not None and b.kode.normal and b.kode.bidang
                and not b.kode.template)
    return c.most_common(1)[0][0] if c else None
