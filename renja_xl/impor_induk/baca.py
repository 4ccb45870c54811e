"""Read the recognised forms of a workbook into indicator rows (:class:`BarisSumber`).

The checker already finds the forms (their numbering row) and classifies their rows; this module decides
which Data Induk field each numbered column is (E.81 columns 5-11, T-C.29 4-9, T-C.33 and Rencana Aksi by
their header text), reads the input cells through :mod:`renja_xl.impor_induk.sel` and leaves the derived
columns to :mod:`renja_xl.impor_induk.banding`. A generated workbook's ``_renja_xl`` sheet gives each row's
indicator, unit, type and Data Induk row exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from renja_xl.galat import GalatPengguna
from renja_xl.angka import Angka
from renja_xl.kode import Kode, Tingkat, dari_template, parse_kode
from renja_xl.capaian import JenisIndikator
from renja_xl.data_induk.baca import KOLOM_TARGET_KHUSUS
from renja_xl.impor_induk import sel as sl
from renja_xl.impor_induk.info import triwulan_form, tahun_form
from renja_xl.impor_induk.jenis import tanda_menurun
from renja_xl.impor_induk.model import BacaanForm, BarisSumber, Catatan, NilaiSel
from renja_xl.periksa.baris import (BIDANG, INDIKATOR, ITEM, JUDUL, JUMLAH, KEGIATAN, PREDIKAT, PROGRAM, RATA,
                                    SUB, URUSAN, URUTAN, Baris, klasifikasi, lebar_sub)
from renja_xl.periksa.deteksi import Aturan, Formulir, Grid, alamat, cari_formulir

__all__ = ["BukuTerbaca", "baca_buku", "baca_baris", "FORM_LABEL"]

FORM_LABEL = {"e81": "E.81", "e81-renja": "E.81 (17 kolom)", "tc29": "T-C.29", "tc33": "T-C.33",
              "rencana-aksi": "Rencana Aksi"}
_TINGKAT = {PROGRAM: Tingkat.PROGRAM, KEGIATAN: Tingkat.KEGIATAN, SUB: Tingkat.SUB_KEGIATAN}
_ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass
class BukuTerbaca:
    """One workbook after the first pass: its sheets, forms and classified rows (codes not yet fixed)."""

    berkas: Path
    grids: list[Grid]
    bacaan: list[BacaanForm] = field(default_factory=list)
    klas: list[list[Baris]] = field(default_factory=list)          # classified rows, one list per form
    catatan: list[Catatan] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------- forms

def _jenis_form(f: Formulir) -> str | None:
    """Which of the forms renja-xl knows this table is (None for another table)."""
    judul = " ".join(f.judul_kolom.values()).lower()
    if f.jenis == "E.81":
        a13 = f.aturan.get(13)
        return "e81-renja" if a13 is not None and a13.jenis == "rasio" and a13.operand == (12, 7) else "e81"
    if f.jenis == "T-C.29":
        return "tc29"
    if f.jenis == "T-C.33":
        return "tc33"
    if re.search(r"\b(tw|triwulan)\b", judul) and "target" in judul and "realisasi" not in judul:
        return "rencana-aksi"
    if "pagu" in judul or "kebutuhan dana" in judul:
        return "tc33"
    return None


def _kolom_kode_tanpa_nomor(grid: Grid, f: Formulir) -> None:
    """A "Kode" column the numbering row skips (the 17-column E.81 numbers No, Sasaran, then Uraian)."""
    if f.kol_kode is not None:
        return
    bernomor = set(f.kolom.values())
    for r in range(f.baris_awal, f.baris_nomor + 1):
        for c in range(1, grid.max_col + 1):
            if c not in bernomor and sl.normal_teks(grid.teks(r, c, isi_gabung=True)) == "kode":
                f.kol_kode = c
                return


def _judul(f: Formulir, c: int | None) -> str:
    return f.judul_kolom.get(c, "").lower() if c is not None else ""


def _peta(f: Formulir, form: str) -> tuple[dict[str, int], dict[tuple[int, str | None], int]]:
    """(Data Induk field -> column, derived (number, K/Rp) -> column) for this form."""
    kolom: dict[str, int] = {}

    def pasang(kunci: str, c: int | None) -> None:
        if c is not None and kunci not in kolom:
            kolom[kunci] = c

    turunan: dict[tuple[int, str | None], int] = {}
    if form in ("e81", "e81-renja"):
        for n, dasar in ((5, "target_renstra"), (6, "realisasi_lalu"), (7, "target")):
            pasang(f"{dasar}_k", f.kol(n, "K"))
            pasang(f"{dasar}_rp", f.kol(n, "Rp"))
        for i, n in enumerate((8, 9, 10, 11), start=1):
            pasang(f"tw_k{i}", f.kol(n, "K"))
            pasang(f"tw_rp{i}", f.kol(n, "Rp"))
        pasang("sasaran", f.kol(2))
        for (n, sub), c in f.kolom.items():
            if n in f.aturan:
                turunan[(n, sub)] = c
            elif n >= 12:
                j = _judul(f, c)
                if "penanggung" in j or j.startswith("unit"):
                    pasang("penanggung_jawab", c)
                elif j.startswith("ket"):
                    pasang("keterangan", c)
    elif form == "tc29":
        if 10 not in f.aturan and f.kol(10) is not None:      # Kalbar prints 10 without its rule
            f.aturan[10] = Aturan(10, "jumlah", (5, 7, 9), "10 (= 5+7+9)")
        for n, kunci in ((4, "target_renstra_k"), (5, "realisasi_lalu_k"), (6, "target_k"),
                         (7, "realisasi_tahun_k"), (9, "target_n1_k")):
            pasang(kunci, f.kol(n))
        for (n, sub), c in f.kolom.items():
            if n in f.aturan:
                turunan[(n, sub)] = c
    else:
        for (n, _sub), c in sorted(f.kolom.items(), key=lambda x: x[1]):
            if c in (f.kol_kode, f.kol_uraian, f.kol_indikator) or n <= 1:
                continue
            j = _judul(f, c)
            maju = bool(re.search(r"prakiraan|maju|n\s*\+\s*1", j))
            if "satuan" in j and "target" not in j:
                pasang("satuan", c)
            elif "lokasi" in j:
                pasang("lokasi", c)
            elif "sumber dana" in j:
                pasang("sumber_dana", c)
            elif "catatan" in j or j.startswith("ket"):
                pasang("keterangan", c)
            elif "penanggung" in j:
                pasang("penanggung_jawab", c)
            elif "pagu" in j or "kebutuhan dana" in j or "(rp" in j:
                if "sebelum" in j:
                    continue
                pasang("pagu_n1" if maju else "target_rp", c)
            elif form == "rencana-aksi" and (m := re.search(r"\b(?:tw|triwulan)\s*[-.]?\s*(iv|iii|ii|i|[1-4])\b", j)):
                pasang(f"target_tw{_ROMAWI[m.group(1)]}", c)
            elif "target" in j or "sasaran kinerja" in j:
                if "sebelum" in j:
                    continue
                pasang("target_n1_k" if maju else "target_k", c)
    return kolom, turunan


# ---------------------------------------------------------------------------------------------- pass 1

def baca_buku(path: Path, lembar: list[str] | None, jenis_pemda: str | None) -> BukuTerbaca:
    """Open one workbook (safety scan, any format the checker reads), find and classify its forms.

    Raises GalatPengguna for an unreadable file, a form whose numbering row is missing, or a workbook with
    no form renja-xl can import."""
    from renja_xl import meta as meta_mod
    from renja_xl.periksa import baca_grid

    if not path.exists():
        raise GalatPengguna("berkas tidak ditemukan.", berkas=path, saran="Periksa nama dan foldernya.")
    if path.is_dir():
        raise GalatPengguna("ini folder, bukan buku kerja.", berkas=path)
    grids = baca_grid(path)
    hasil = BukuTerbaca(path, grids)
    meta: dict[tuple[str, int], object] = {}
    for g in grids:
        if g.nama == meta_mod.LEMBAR_META:
            baris = [[g.get(r, c).nilai for c in range(1, g.max_col + 1)] for r in range(1, g.max_row + 1)]
            meta = dict(meta_mod.dari_baris(baris))
    pilih = [g for g in grids if g.nama != meta_mod.LEMBAR_META and (not lembar or g.nama in lembar)]
    dikenal: list[str] = []
    for g in pilih:
        for f in cari_formulir(g):
            if f.tanpa_nomor:
                raise GalatPengguna(
                    "baris nomor kolom (1 2 3 … 12 13) tidak ada di bawah judul tabel; tanpanya kolom tidak "
                    "dapat dipetakan ke Data Induk dengan pasti.", berkas=path, lembar=g.nama,
                    sel=alamat(f.baris_nomor, 1),
                    saran="Tambahkan baris nomor kolom seperti pada formulir E.81 (1, 2, 3, …, 12, 13=6+12, "
                          "14=13/5x100%) tepat di bawah judul kolom, lalu ulangi.")
            form = _jenis_form(f)
            if form is None:
                hasil.catatan.append(Catatan("baris", path.name, g.nama, alamat(f.baris_nomor, 1),
                                             f"tabel bernomor kolom ({f.varian or f.jenis}) bukan E.81, T-C.29, "
                                             "T-C.33 atau Rencana Aksi; tidak diimpor."))
                continue
            _kolom_kode_tanpa_nomor(g, f)
            kolom, turunan = _peta(f, form)
            b = BacaanForm(path, g, f, form, triwulan_form(g, f, form, kolom), kolom, turunan,
                           tahun=tahun_form(g, f, form))
            b.meta = {r: m for (lb, r), m in meta.items() if lb == g.nama}  # type: ignore[misc]
            hasil.bacaan.append(b)
            klas = klasifikasi(g, f, jenis_pemda=jenis_pemda)
            b.lebar_sub = lebar_sub(klas)
            hasil.klas.append(klas)
            dikenal.append(g.nama)
    if not hasil.bacaan:
        if lembar and not pilih:
            raise GalatPengguna(f"lembar {', '.join(repr(x) for x in lembar)} tidak ada.", berkas=path,
                                saran=f"Lembar yang ada: {', '.join(g.nama for g in grids)}.")
        raise GalatPengguna(
            "tidak ada formulir yang dapat diimpor: formulir E.81, T-C.29 (Tabel 2.1), T-C.33 (Tabel 4.1) atau "
            "Rencana Aksi dikenali dari baris nomor kolomnya (1 2 3 … 13) dan tidak ditemukan di lembar "
            f"mana pun ({', '.join(g.nama for g in pilih) or 'tidak ada lembar'}).", berkas=path,
            saran="Pastikan tabel punya baris judul kolom dan baris nomor kolom di bawahnya.")
    return hasil


# ---------------------------------------------------------------------------------------------- pass 2

def _kode(teks: str, jenis_pemda: str | None, bidang: str | None, lebar: int | None = None
          ) -> tuple[str | None, str, str, bool, str]:
    """(code for the Data Induk, name written after it, the code as printed, whether it was corrected
    rather than only tidied: trailing dots and a leading zero are tidied, ``XXX.01`` or a missing pemda
    digit is corrected with the fix the checker proposes, a note for a valid code of another era, which
    is kept: its successor is not always the zero-padded code)."""
    k: Kode = parse_kode(teks, jenis_pemda=jenis_pemda, bidang=bidang, digit_sub=lebar)
    asli = teks.strip()
    kode_asli = asli[: len(asli) - len(k.nama)].strip() if k.nama and asli.endswith(k.nama) else asli
    kode: str | None = None
    diperbaiki = False
    if k.valid and k.normal:
        kode = k.normal
        if k.template and bidang:
            kode, diperbaiki = dari_template(k.normal, bidang), True
    elif k.saran:
        kode, diperbaiki = k.saran, True
    if kode is not None and parse_kode(kode).tingkat not in (Tingkat.PROGRAM, Tingkat.KEGIATAN,
                                                             Tingkat.SUB_KEGIATAN):
        kode = None
    era = next((t.pesan for t in k.temuan if t.jenis == "kode.era"), "") if k.valid else ""
    return kode, (k.nama or "").strip(), kode_asli, diperbaiki, era


_AWALAN = re.compile(r"(?i)^\s*(sub\s*[- ]?\s*kegiatan|kegiatan)\s*[:.\-]?\s+(?=\S)")
_NOMOR_AWAL = re.compile(r"^\s*\d{1,2}\s*[.)]\s+")
_KOLOM_TEKS = ("sasaran", "satuan", "lokasi", "sumber_dana", "keterangan", "penanggung_jawab")
# where the unit of an indicator is read from when no column holds it, best first
_URUTAN_SATUAN = ("target_k", "target_renstra_k", "realisasi_lalu_k", "tw_k1", "tw_k2", "tw_k3", "tw_k4",
                  "realisasi_tahun_k", "target_n1_k", "target_tw1", "target_tw2", "target_tw3", "target_tw4")


def _nilai(g: Grid, r: int, c: int) -> tuple[Angka, object, bool, str]:
    """(value as parsed, raw value, is formula, address) of one input cell."""
    s = g.get(r, c)
    return sl.angka_sel(s), s.nilai, s.rumus is not None, alamat(r, c)


def _rp_kunci(kunci: str) -> bool:
    return kunci.endswith("_rp") or kunci.startswith("tw_rp") or kunci == "pagu_n1"


def baca_baris(buku: BukuTerbaca, jenis_pemda: str | None, bidang: str | None) -> None:
    """Turn every classified row of every form into BarisSumber (codes fixed with the OPD's bidang)."""
    for bacaan, klas in zip(buku.bacaan, buku.klas):
        _baca_form(buku, bacaan, klas, jenis_pemda, bidang)


def _baca_form(buku: BukuTerbaca, b: BacaanForm, klas: list[Baris], jenis_pemda: str | None,
               bidang: str | None) -> None:
    g, f = b.grid, b.formulir
    nama = buku.berkas.name
    item: dict[int, BarisSumber | None] = {}     # item row -> its first BarisSumber
    urut: dict[int, int] = {}
    c_angka = sorted(set(b.kolom.values()) | set(b.turunan.values()))
    punya_anak = _punya_anak(klas)
    for x in klas:
        if x.jenis in (RATA, PREDIKAT, JUMLAH):
            b.kaki.append((x.r, {RATA: "rata", PREDIKAT: "predikat", JUMLAH: "jumlah"}[x.jenis]))
            continue
        if x.jenis in (URUSAN, BIDANG):
            b.bidang.append((x.r, x.jenis, sl.normal_teks(x.nama)))
        if x.jenis in (URUSAN, BIDANG, JUDUL) and any(g.get(x.r, c).nilai not in (None, "") for c in c_angka):
            label = {URUSAN: "urusan", BIDANG: "bidang urusan"}.get(x.jenis, "tanpa kode atau nama program/"
                                                                               "kegiatan yang dikenali")
            buku.catatan.append(Catatan("baris", nama, g.nama, alamat(x.r, 1),
                                        f"baris {label} berisi angka; Data Induk hanya memuat program, kegiatan "
                                        f"dan sub kegiatan, jadi angkanya tidak diimpor ({x.nama[:80]})."))
            continue
        if x.jenis in ITEM and x.jenis not in (URUSAN, BIDANG):
            urut[x.r] = 0
            item[x.r] = None
            induk_r = x.r
        elif x.jenis == INDIKATOR and x.item in urut:
            urut[x.item] += 1
            induk_r = x.item
        else:
            continue
        baris = _baris_sumber(buku, b, x, induk_r, urut[induk_r], item.get(induk_r), jenis_pemda, bidang,
                              punya_anak.get(induk_r, False))
        if len(baris) == 1 and not baris[0].kode and not baris[0].indikator and not baris[0].nilai \
                and punya_anak.get(induk_r, False):
            # an uncoded program/kegiatan heading: kept, so the rows under it keep their parent
            baris[0].perlu_dicek.append("baris ini tanpa indikator dan angka di formulir; isi indikatornya bila ada")
        elif len(baris) == 1 and not baris[0].kode and not baris[0].indikator and not baris[0].nilai:
            # text under the table (a place and date, a name) that looks like an uncoded kegiatan
            buku.catatan.append(Catatan("baris", nama, g.nama, alamat(x.r, x.kode_sel or f.kol_uraian or 1),
                                        f"baris tanpa kode, indikator dan angka tidak diimpor: "
                                        f"'{(x.nama or '')[:80]}'."))
            urut.pop(x.r, None)
            continue
        if baris and item.get(induk_r) is None:
            item[induk_r] = baris[0]
        if baris and len(baris) > 1:
            urut[induk_r] += len(baris) - 1
        b.baris.extend(baris)
    _kegiatan_berkode_sub(buku, b)


def _punya_anak(klas: list[Baris]) -> dict[int, bool]:
    """Item rows with children, whose Rp is a roll-up: by code when the row has one (the Data Induk and the
    generator build the tree from codes, so a row whose code puts it elsewhere leaves its printed parent a
    leaf that keeps its own Rp), by the next row's level otherwise."""
    item = [x for x in klas if x.jenis in (PROGRAM, KEGIATAN, SUB)]
    kode = [x.kode.normal or x.kode.saran if x.kode is not None else None for x in item]
    induk = {".".join(o.split(".")[:n]) for o in kode if o for n in (3, 5) if n < len(o.split("."))}
    hasil = {}
    for i, x in enumerate(item):
        k = kode[i]
        if k:
            hasil[x.r] = k in induk
        else:
            hasil[x.r] = i + 1 < len(item) and URUTAN[item[i + 1].jenis] > URUTAN[x.jenis]
    return hasil


def _rp(x: BarisSumber, kunci: str) -> float | None:
    ns = x.nilai.get(kunci)
    return ns.nilai if ns is not None else None


def _kegiatan_berkode_sub(buku: BukuTerbaca, b: BacaanForm) -> None:
    """A kegiatan row printed with a sub kegiatan code (seeds-spec L1, L2): its Rp is the sum of the sub
    kegiatan rows right under it that share its first five segments. It becomes that kegiatan; its Rp,
    a roll-up, is compared instead of imported."""
    item = [x for x in b.baris if x.urut == 0 and x.bagian == 0]
    kode_keg = {x.kode for x in item if x.tingkat is Tingkat.KEGIATAN}
    for i, x in enumerate(item):
        if x.tingkat is not Tingkat.SUB_KEGIATAN or not x.kode:
            continue
        induk = ".".join(x.kode.split(".")[:5])
        if induk in kode_keg:
            continue
        anak = []
        for y in item[i + 1:]:
            if y.tingkat is Tingkat.SUB_KEGIATAN and y.kode and y.kode.startswith(induk + "."):
                anak.append(y)
            else:
                break
        rp = [k for k in x.nilai if k.endswith("_rp") or k.startswith("tw_rp")]
        cocok = any((v := _rp(x, k)) and any(_rp(y, k) for y in anak) and
                    abs(v - sum(_rp(y, k) or 0 for y in anak)) < 0.5 for k in rp)
        if not anak or not cocok:
            continue
        kode_keg.add(induk)
        catatan = (f"kode asli '{x.kode_asli or x.kode}': kode sub kegiatan pada baris kegiatan (anggarannya = "
                   f"jumlah {len(anak)} sub kegiatan di bawahnya)")
        buku.catatan.append(Catatan("kode", b.nama, b.grid.nama, x.kode_sel, catatan + f"; diimpor sebagai {induk}.",
                                    tercetak=x.kode_asli or x.kode, seharusnya=induk))
        for y in [y for y in b.baris if y.baris == x.baris]:
            y.kode, y.tingkat, y.anak = induk, Tingkat.KEGIATAN, True
            for k in [k for k in y.nilai if k.endswith("_rp") or k.startswith("tw_rp")]:
                del y.nilai[k]
            if y is x:
                x.keterangan = [k for k in x.keterangan if not k.startswith("kode asli")] + [catatan]
                x.perlu_dicek.append(f"kode sub kegiatan {x.kode_asli} dipakai pada baris kegiatan; diganti {induk}")


def _baris_sumber(buku: BukuTerbaca, b: BacaanForm, x: Baris, induk_r: int, urut: int,
                  pertama: BarisSumber | None, jenis_pemda: str | None, bidang: str | None,
                  anak: bool) -> list[BarisSumber]:
    g, f = b.grid, b.formulir
    nama = buku.berkas.name
    m = b.meta.get(x.r)
    # code and name: on the item row; a continuation row takes its item's
    if pertama is not None or x.jenis == INDIKATOR:
        if pertama is None:
            return []
        kode, kode_asli, kode_sel, tingkat, uraian = (pertama.kode, pertama.kode_asli, pertama.kode_sel,
                                                      pertama.tingkat, "")
        catatan_kode, diperbaiki, era = "", False, ""
    else:
        kode_sel_c = x.kode_sel
        teks_kode = g.teks(x.r, kode_sel_c) if kode_sel_c else ""
        if f.kol_kode and kode_sel_c == f.kol_kode:
            potong = [g.teks(x.r, c) for c in range(f.kol_kode, max(f.kol_uraian or 0, f.kol_kode + 1))]
            if len([p for p in potong if p]) > 1 and x.kode is not None:
                teks_kode = x.kode.normal or x.kode.saran or ""     # a code split over cells, put together
        kode, nama_kode, kode_asli, diperbaiki, era = (_kode(teks_kode, jenis_pemda, bidang, b.lebar_sub)
                                                       if teks_kode else (None, "", "", False, ""))
        if x.kode is not None and x.kode.asli and "¦" in x.kode.asli:
            kode_asli, diperbaiki = x.kode.asli, True
        if kode is None and x.kode is not None and x.kode.saran:
            kode, diperbaiki = x.kode.saran, True
        kode_sel = alamat(x.r, kode_sel_c) if kode_sel_c else None
        catatan_kode = f"kode asli '{kode_asli}'" if kode and kode_asli and kode_asli != kode else ""
        if kode and diperbaiki:
            buku.catatan.append(Catatan("kode", nama, g.nama, kode_sel, f"kode '{kode_asli}' tidak sah; "
                                        f"diimpor sebagai {kode} (perbaikan yang diusulkan pemeriksa).",
                                        tercetak=kode_asli, seharusnya=kode))
        tingkat = parse_kode(kode).tingkat if kode else _TINGKAT.get(x.jenis)
        uraian = x.nama if x.nama else nama_kode
        if kode is None:
            uraian = _AWALAN.sub("", uraian)
    sasaran = g.teks(x.r, b.kolom["sasaran"]) if "sasaran" in b.kolom else ""
    teks_ind = x.indikator or (g.teks(x.r, f.kol_indikator) if f.kol_indikator else "")
    satuan_kolom = g.teks(x.r, b.kolom["satuan"]) if "satuan" in b.kolom else (
        g.teks(x.r, f.kol_satuan) if f.kol_satuan else "")
    # every input cell; a row holds several indicators when its name is numbered (1. … 2. …) or when at
    # least two of its K cells hold several values
    sel: dict[str, tuple[Angka, object, bool, str]] = {k: _nilai(g, x.r, c) for k, c in b.kolom.items()
                                                       if k not in _KOLOM_TEKS}
    n = sl.jumlah_indikator(teks_ind) if m is None else 1
    if n == 1:
        jamak = [len(sl.bagian(v[0])) for k, v in sel.items() if not _rp_kunci(k) and len(sl.bagian(v[0])) > 1]
        n = max(jamak) if len(jamak) >= 2 else 1
    pecah = {k: sl.bagian(v[0], n) for k, v in sel.items()}
    satuan_tunggal = {sl.normal_teks(sl.satuan_dari(p[0])) for k, p in pecah.items()
                      if not _rp_kunci(k) and len(p) == 1 and sl.satuan_dari(p[0])}
    perlu: list[str] = []
    if n > 1:
        nama_ind = sl.pisah_indikator(teks_ind, n)
        if nama_ind is None:
            nama_ind = [teks_ind] + [f"{teks_ind} (indikator ke-{i + 1})" for i in range(1, n)]
            perlu.append(f"sel berisi {n} nilai tetapi nama indikatornya tidak dapat dipisah menjadi {n}")
    else:
        nama_ind = [_NOMOR_AWAL.sub("", teks_ind) if m is None else teks_ind]
    hasil: list[BarisSumber] = []
    for i in range(n):
        bs = BarisSumber(nama, g.nama, x.r, b.form, kode, kode_asli=kode_asli, kode_sel=kode_sel,
                         tingkat=tingkat, uraian=uraian if i == 0 else "", sasaran=sasaran if i == 0 else "",
                         urut=urut + i, bagian=i, anak=anak)
        if catatan_kode and i == 0:
            bs.keterangan.append(catatan_kode)
            if diperbaiki:
                bs.perlu_dicek.append(f"kode diperbaiki dari '{kode_asli}'")
        if era and i == 0:
            bs.perlu_dicek.append(era.rstrip("."))
        if n > 1:
            bs.perlu_dicek.append(f"satu sel berisi {n} indikator; dipisah menjadi {n} baris")
        bs.perlu_dicek.extend(perlu if i == 0 else [])
        indikator, satuan = nama_ind[i], satuan_kolom
        satuan_ada: dict[str, str] = {}
        # an indicator scored in grades (every K value AA ... D) keeps them; a mix keeps the numbers only
        isi_k = [p[i] if len(p) == n else (p[0] if len(p) == 1 else None)
                 for k, p in pecah.items() if not _rp_kunci(k)]
        isi_k = [a for a in isi_k if a is not None and not a.kosong]
        huruf = bool(isi_k) and all(sl.nilai_huruf(a) for a in isi_k)
        for kunci, (_a, asli, rumus, alamat_sel) in sel.items():
            nilai = pecah[kunci]
            rp = _rp_kunci(kunci)
            if rp and (i > 0 or urut > 0):
                continue          # Rp belongs to the node: its first indicator row carries it
            if rp and anak:
                continue          # a roll-up of the children: compared, not imported
            if rumus and (m is not None or kunci.startswith("target_tw")):
                continue          # a generated formula: derived, rebuilt by the generator
            if len(nilai) == n:
                a = nilai[i]
            elif n == 1:
                a = sl.pilih_satuan(nilai, satuan_tunggal)
            else:
                a = nilai[0] if i == 0 and len(nilai) == 1 else None
            if a is None:
                if i == 0 and any(v.nilai is not None for v in nilai):
                    pesan = (f"{len(nilai)} nilai untuk {n} indikator; tidak dapat dipasangkan, dibiarkan kosong."
                             if n > 1 else f"{len(nilai)} nilai dalam satu sel untuk satu indikator; tidak ada "
                             "yang satuannya cocok dengan sel lain, dibiarkan kosong.")
                    buku.catatan.append(Catatan("sel", nama, g.nama, alamat_sel, pesan, tercetak=str(asli)))
                    bs.keterangan.append(f"{_label_kolom(b, kunci)}: '{asli}' tidak diimpor ({len(nilai)} nilai)")
                continue
            v, ket = sl.ke_masukan(a, target=kunci in KOLOM_TARGET_KHUSUS, huruf=huruf and not rp)
            if not rp:
                satuan_ada.setdefault(kunci, sl.satuan_dari(a))
            if ket and rp and "ambigu" in ket:
                ket = ""                  # '540.000' in an Rp column is never 540
            if ket:
                bs.keterangan.append(f"{_label_kolom(b, kunci)}: {ket}")
                buku.catatan.append(Catatan("sel", nama, g.nama, alamat_sel, ket, tercetak=str(asli)))
            if a.batas and a.batas.startswith("<"):
                bs.perlu_dicek.append(f"target '{asli}' berbatas atas: indikator menurun?")
            if v is not None or ket:
                bs.nilai[kunci] = NilaiSel(v, alamat_sel, asli, ket, rumus, a)
        for kunci in ("lokasi", "sumber_dana", "keterangan", "penanggung_jawab"):
            if kunci in b.kolom and (i == 0 or kunci != "keterangan"):
                t = g.teks(x.r, b.kolom[kunci])
                if t:
                    bs.teks[kunci] = t
        if not satuan:
            satuan = next((satuan_ada[k] for k in _URUTAN_SATUAN if satuan_ada.get(k)), "")
        if m is not None:
            bs.indikator = m.indikator if m.indikator or not indikator else indikator  # type: ignore[attr-defined]
            bs.satuan = m.satuan  # type: ignore[attr-defined]
            bs.jenis = m.jenis_indikator  # type: ignore[attr-defined]
            bs.baris_data_induk = m.baris_data_induk  # type: ignore[attr-defined]
        else:
            if not satuan and "satuan" not in b.kolom:
                indikator, satuan = sl.pisah_satuan_indikator(indikator)
            indikator, bs.tertanda_menurun = tanda_menurun(indikator)
            bs.indikator, bs.satuan = indikator.strip(), satuan.strip()
            if x.jenis_indikator:
                bs.jenis = JenisIndikator.dari_teks(x.jenis_indikator)
        hasil.append(bs)
    return hasil


def _label_kolom(b: BacaanForm, kunci: str) -> str:
    c = b.kolom.get(kunci)
    for (n, s), cc in b.formulir.kolom.items():
        if cc == c:
            return f"kolom {n}{' ' + s if s else ''}"
    return kunci
