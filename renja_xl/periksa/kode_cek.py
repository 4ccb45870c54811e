"""Code checks (every finding of the code parser and, with a catalog, of the nomenclature validation)
and consistency inside the workbook: a code used for two items, the same code with another name,
pagu or target in another table (E.81 vs Tabel 2.x vs Tabel 4.1 in one file)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from renja_xl.periksa.nilai import baca_nilai_sel
from renja_xl.periksa.nilai import teks_angka as fmt
from renja_xl.periksa.baris import ITEM, KEGIATAN, LABEL, PROGRAM, SUB, URUTAN, Baris
from renja_xl.periksa.deteksi import Formulir, Grid, alamat
from renja_xl.periksa.hasil import TemuanSel
from renja_xl.temuan import Temuan


def _katalog():
    """The imported nomenclature catalog, or None when none is imported (or the module is missing)."""
    try:
        from renja_xl.nomenklatur.simpan import muat_katalog
    except ImportError:
        return None
    try:
        k = muat_katalog()
    except Exception:
        return None
    if k is None:
        return None
    try:
        if hasattr(k, "__len__") and len(k) == 0:
            return None
    except TypeError:
        pass
    return k


def pilih_katalog(lebar: int | None, tahun: int | None, kode: tuple[str, ...] = ()):  # -> PilihanKatalog | None
    """The installed list of the workbook's own era (by its sub kegiatan width and year), with the one
    summary note when only lists of another era are installed; None when the catalog cannot be read."""
    try:
        from renja_xl.nomenklatur.simpan import pilih_katalog as pilih
    except ImportError:
        return None
    try:
        p = pilih(lebar, tahun, kode)
    except Exception:
        return None
    if p.katalog is not None and len(p.katalog) == 0:
        return None
    return p


class KatalogBuku:
    """The lists one workbook's forms are judged by: per form the installed list of the form's own era
    (the width of its sub kegiatan codes, else the workbook's) and the workbook's year; each note once."""

    def __init__(self, lebar_buku: int | None, tahun: int | None, kode: tuple[str, ...] = ()) -> None:
        self.lebar_buku = lebar_buku
        self.tahun = tahun
        self.kode = kode  # the workbook's canonical codes: decide the list when none is a sub kegiatan
        self._pilihan: dict[int | None, object] = {}

    def untuk(self, lebar: int | None) -> tuple[object, bool]:
        """(catalog or None, whether it is a list of another year of the same width than the form's era:
        then a code missing or replaced in it is a warning, not an error of the document)."""
        kunci = lebar or self.lebar_buku
        if kunci not in self._pilihan:
            self._pilihan[kunci] = pilih_katalog(kunci, self.tahun, self.kode if kunci is None else ())
        p = self._pilihan[kunci]
        if p is None or p.katalog is None:
            return None, False
        return p.katalog, p.era_lain

    def catatan(self) -> list[str]:
        """One note per missing or substituted era; the 'no list imported' note when none is."""
        hasil = []
        for p in self._pilihan.values():
            if p is not None and p.catatan and p.catatan not in hasil:
                hasil.append(p.catatan)
        if not hasil and _katalog() is None:
            hasil.append("Katalog nomenklatur belum diimpor: kode hanya diperiksa bentuknya, tidak "
                         "dicocokkan dengan daftar resmi. Jalankan 'renja-xl nomenklatur impor BERKAS'.")
        return hasil


#: Findings that depend on which year's list a code is looked up in: softened to a warning when the list
#: installed is of a later year than the document (a code replaced in 2027 was right in a 2024 Renja).
_TERGANTUNG_TAHUN = frozenset({"nomenklatur.diganti", "nomenklatur.tidak_ada", "nomenklatur.induk_tidak_ada"})


def periksa_kode(berkas: str, grid: Grid, baris: list[Baris], jenis_pemda: str | None, katalog,
                 bidang: str | None, lebar: int | None, *, era_lain: bool = False) -> list[TemuanSel]:
    """Every finding of the code parser (and of the nomenclature validation when a catalog is there).
    ``era_lain``: the catalog is a list of another year than the document's (see :class:`KatalogBuku`)."""
    from renja_xl.kode import Tingkat, parse_kode

    out: list[TemuanSel] = []
    sudah: set = set()
    tingkat_baris = {"urusan": Tingkat.URUSAN, "bidang": Tingkat.BIDANG, PROGRAM: Tingkat.PROGRAM,
                     KEGIATAN: Tingkat.KEGIATAN, SUB: Tingkat.SUB_KEGIATAN}
    induk_aktif: dict[str, str] = {}
    for b in baris:
        if b.jenis not in ITEM or b.kode is None:
            continue
        k0 = b.kode
        if k0.normal is None and b.jenis in (PROGRAM, KEGIATAN):
            ks = parse_kode(k0.saran) if k0.saran else None
            if ks is not None and ks.normal and not ks.template:
                induk_aktif[b.jenis] = ".".join(ks.segmen[:3 if b.jenis == PROGRAM else 5])
            else:
                induk_aktif.pop(b.jenis, None)
            if b.jenis == PROGRAM:
                induk_aktif.pop(KEGIATAN, None)
        if k0.normal and not k0.template and b.jenis in (PROGRAM, KEGIATAN, SUB):
            for lv, n in ((PROGRAM, 3), (KEGIATAN, 5)):
                if URUTAN[b.jenis] > URUTAN[lv] and induk_aktif.get(lv) and len(k0.segmen) > n \
                        and ".".join(k0.segmen[:n]) != induk_aktif[lv] and not induk_aktif[lv].startswith("X"):
                    out.append(TemuanSel(berkas, grid.nama, alamat(b.r, b.kode_sel) if b.kode_sel else None, Temuan(
                        "kode.induk", "salah",
                        f"Kode {k0.normal} bukan turunan {LABEL[lv]} {induk_aktif[lv]} tempat baris ini berada.",
                        ditemukan=k0.asli, seharusnya=f"{induk_aktif[lv]}.…")))
                    break
            if b.jenis != SUB:
                induk_aktif[b.jenis] = ".".join(k0.segmen[:3 if b.jenis == PROGRAM else 5])
            if b.jenis == PROGRAM:
                induk_aktif.pop(KEGIATAN, None)
        k = b.kode
        if not any(t.jenis == "kode.sel_terpisah" for t in k.temuan):
            k = parse_kode(k.asli, jenis_pemda=jenis_pemda, bidang=bidang, digit_sub=lebar)
        sel = alamat(b.r, b.kode_sel) if b.kode_sel else None
        temuan = [t for t in k.temuan if t.tingkat in ("salah", "peringatan")]
        dinilai = False
        if katalog is not None and (k.normal or k.saran):
            try:
                from renja_xl.nomenklatur.validasi import Konteks, validasi
                ks = Konteks(jenis_pemda=jenis_pemda, bidang=bidang, tingkat=tingkat_baris.get(b.jenis), versi=None)
                v = validasi(k.normal or k.saran, nama=b.nama or None, konteks=ks, katalog=katalog)
                for t in v.temuan:
                    if t.tingkat == "salah" and era_lain and t.jenis in _TERGANTUNG_TAHUN:
                        t = Temuan(t.jenis, "peringatan", f"{t.pesan} (Katalog '{katalog.nama}' dari tahun lain "
                                   "daripada dokumen ini; periksa dengan daftar tahun dokumen.)", saran=t.saran,
                                   seharusnya=t.seharusnya, ditemukan=t.ditemukan, data=t.data)
                    if t.tingkat in ("salah", "peringatan"):
                        temuan.append(t)
                dinilai = True
            except Exception:
                pass
        if k.normal and b.jenis in (PROGRAM, KEGIATAN, SUB) and not (dinilai and b.nama and b.nama.strip()):
            # a row with no name, or an indicator where the name should be: reported with or without a list
            from renja_xl.nomenklatur.validasi import cek_nama_baris

            e = katalog.cari(k.normal) if katalog is not None else None
            temuan += cek_nama_baris(b.nama, k.normal, tingkat_baris.get(b.jenis), e.nama if e is not None else None,
                                     b.indikator)
        for t in temuan:
            key = (sel, t.jenis)
            if key in sudah:
                continue
            sudah.add(key)
            if not t.ditemukan or not t.seharusnya:
                t = Temuan(t.jenis, t.tingkat, t.pesan, saran=t.saran, seharusnya=t.seharusnya or t.saran or k.saran,
                           ditemukan=t.ditemukan or k.asli, data=t.data)
            out.append(TemuanSel(berkas, grid.nama, sel, t))
    return out


def _mirip(a: str, b: str) -> float:
    from rapidfuzz import fuzz
    return fuzz.token_set_ratio(a.lower(), b.lower())


@dataclass
class Butir:
    """An item with a code, for consistency checks across rows, forms and sheets."""

    lembar: str
    form: str
    r: int
    c: int | None
    kode: str
    nama: str
    pagu: float | None
    jenis: str
    target: float | None = None
    jenis_form: str = ""
    c_target: int | None = None


def butir_form(grid: Grid, form: Formulir, baris: list[Baris]) -> list[Butir]:
    out = []
    c_pagu = None
    if form.jenis == "E.81":
        c_pagu = form.kol(7, "Rp")
    elif form.kol_uang:
        c_pagu = form.kol_uang[0]
    c_target = form.kol(7, "K") if form.jenis == "E.81" else next(
        (c for c, j in sorted(form.judul_kolom.items()) if "target" in j.lower() and "pagu" not in j.lower()
         and c not in form.kol_uang), None) if form.jenis == "T-C.33" else None
    for b in baris:
        if b.jenis in ITEM and b.kode and b.kode.normal:
            s = grid.get(b.r, c_pagu) if c_pagu else None
            pagu = baca_nilai_sel(s.nilai, s.format).nilai if s else None
            t = grid.get(b.r, c_target) if c_target else None
            target = baca_nilai_sel(t.nilai, t.format).nilai if t else None
            out.append(Butir(grid.nama, f"{form.lembar}!{form.baris_nomor}", b.r, b.kode_sel, b.kode.normal,
                             b.nama, pagu, b.jenis, target, form.jenis, c_target))
    return out


def periksa_konsistensi(berkas: str, butir: list[Butir]) -> list[TemuanSel]:
    """Same code on two different items; same code with another name or pagu in another table."""
    out: list[TemuanSel] = []
    per_kode: dict[str, list[Butir]] = defaultdict(list)
    for x in butir:
        per_kode[x.kode].append(x)
    for kode, daftar in per_kode.items():
        if len(daftar) < 2:
            continue
        pertama = daftar[0]
        for x in daftar[1:]:
            sama_form = x.form == pertama.form
            if not x.nama or not pertama.nama:
                continue
            mirip = _mirip(x.nama, pertama.nama)
            if sama_form and mirip < 80:
                out.append(TemuanSel(berkas, x.lembar, alamat(x.r, x.c) if x.c else None, Temuan(
                    "konsistensi.kode_ganda", "salah",
                    f"Kode {kode} sudah dipakai di baris {pertama.r} untuk '{pertama.nama[:60]}'; "
                    f"di sini untuk '{x.nama[:60]}'. Satu kode hanya untuk satu {LABEL.get(x.jenis, x.jenis)}.",
                    ditemukan=f"{kode} {x.nama[:60]}", seharusnya=f"kode lain untuk '{x.nama[:60]}'")))
            elif not sama_form and mirip < 90:
                out.append(TemuanSel(berkas, x.lembar, alamat(x.r, x.c) if x.c else None, Temuan(
                    "konsistensi.nama", "peringatan",
                    f"Kode {kode} bernama '{pertama.nama[:60]}' di lembar {pertama.lembar} baris {pertama.r}, "
                    f"tetapi '{x.nama[:60]}' di sini.", ditemukan=x.nama[:80], seharusnya=pertama.nama[:80])))
            if not sama_form and x.jenis_form == pertama.jenis_form and x.target is not None and \
                    pertama.target is not None and abs(x.target - pertama.target) > 1e-9 * max(1.0, abs(x.target)):
                out.append(TemuanSel(berkas, x.lembar, alamat(x.r, x.c_target) if x.c_target else None, Temuan(
                    "konsistensi.target", "peringatan",
                    f"Target {kode} di sini {fmt(x.target, None if not float(x.target).is_integer() else 0)}, "
                    f"di lembar {pertama.lembar} baris {pertama.r} "
                    f"{fmt(pertama.target, None if not float(pertama.target).is_integer() else 0)}.",
                    ditemukan=fmt(x.target, 2), seharusnya=fmt(pertama.target, 2))))
            if not sama_form and x.pagu is not None and pertama.pagu is not None and abs(x.pagu - pertama.pagu) > 0.5:
                out.append(TemuanSel(berkas, x.lembar, alamat(x.r, x.c) if x.c else None, Temuan(
                    "konsistensi.pagu", "peringatan",
                    f"Pagu {kode} di sini {fmt(x.pagu, 0)}, di lembar {pertama.lembar} baris {pertama.r} "
                    f"{fmt(pertama.pagu, 0)}.", ditemukan=fmt(x.pagu, 0), seharusnya=fmt(pertama.pagu, 0))))
    return out
