"""The arithmetic and formula checks a careful Bappeda reviewer makes, each finding placed on a cell.

Families (jenis keys): ``hitung.*`` derived columns (12 = 8+9…, 13 = 6+12, capaian = 12/7, 14 = 13/5,
T-C.29 8 = 7/6, 10 = 5+7+9, 11 = 10/4 or 10/9); ``rollup.*`` Rp of kegiatan/program/Jumlah against their
children; ``rata_rata.*`` and ``predikat.*`` footer rows; ``rumus.*`` formulas (error values, pattern
breaks, typed-over formulas, SUM ranges); ``angka.*``/``nilai.*`` numbers as text and several values in
one cell; ``judul.tahun`` header years; ``kode.tingkat_baris`` a kegiatan row with a sub kegiatan code.
Codes and cross-table consistency live in ``kode_cek``. Derived values are recomputed from the
*corrected* operands (Rp and cumulative K), so an error propagates to the cells that depend on it
(a wrong column 13 also makes column 14 wrong) and the roll-ups compare against corrected children.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from renja_xl.periksa import inti
from renja_xl.periksa.baris import (ITEM, INDIKATOR, JUMLAH, KEGIATAN, LABEL, PREDIKAT, PROGRAM, RATA, SUB,
                                    URUTAN, Baris)
from renja_xl.periksa.deteksi import Formulir, Grid, alamat
from renja_xl.periksa.hasil import TemuanSel
from renja_xl.periksa.inti import Nilai
from renja_xl.temuan import Temuan

_BUKAN_ANGKA = ("lokasi", "sumber", "keterangan", "ket.", "penanggung", "catatan", "unit perangkat", "satuan",
                "indikator", "sasaran", "program", "kode", "uraian", "no")


def _sub(s: str | None) -> str:
    return {"K": " kinerja (K)", "Rp": " anggaran (Rp)"}.get(s or "", "")


def _kapital(s: str) -> str:
    return s[:1].upper() + s[1:]


def fmt(v: float | None, desimal: int | None = None) -> str:
    """Indonesian number text with a fixed number of decimals (1.234.567,89), as the report prints it."""
    if v is None:
        return "-"
    d = 2 if desimal is None else desimal
    s = f"{v:,.{d}f}"
    return s.replace(",", "_").replace(".", ",").replace("_", ".")


def _pct(v: float | None, d: int | None = None) -> str:
    return "-" if v is None else f"{fmt(v, 2 if d is None else d)}%"


def banding(p: Nilai, e: float, *, rasio: bool) -> str:
    """'ok', 'potong' (truncated instead of rounded), 'pecahan' (ratio shown without ×100) or 'salah'."""
    assert p.nilai is not None
    d = p.desimal
    tol = 0.5 * 10 ** -d if d is not None else max(1e-6, 1e-9 * abs(e))
    tol += 1e-9 * max(1.0, abs(e))
    if abs(p.nilai - e) <= tol:
        return "ok"
    if d is not None:
        f = 10 ** d
        if abs(p.nilai - math.trunc(e * f) / f) <= 1e-9 * max(1.0, abs(e)):
            return "potong"
    if rasio and p.nilai and d is not None and d >= 2 and abs(p.nilai * 100 - e) <= 10 ** (2 - d):
        return "pecahan"
    return "salah"


_HITUNG = "<dihitung ulang>"
_KATA_PREDIKAT = re.compile(r"(?i)(?:sangat\s+)?(?:tinggi|rendah)|sedang")


def _nama_norm(b: Baris) -> str:
    return b.kode.normal if b.kode and b.kode.normal else re.sub(r"\W+", " ", b.nama.lower()).strip()


def _elemen(v: Nilai) -> list[Nilai]:
    return list(v.jamak) if v.jamak else [v]


def _kosong(v: Nilai) -> bool:
    return v.nilai is None and not v.jamak and v.huruf is None and not v.teks and not v.galat


@dataclass
class Pemeriksa:
    """Runs every check on one form; findings accumulate in ``temuan``."""

    berkas: str
    grid: Grid
    form: Formulir
    baris: list[Baris]
    jenis_pemda: str | None = None
    temuan: list[TemuanSel] = field(default_factory=list)
    _sudah: set = field(default_factory=set)
    capaian: dict[tuple[int, str | None], list[float | None]] = field(default_factory=dict)
    benar: dict[tuple[int, int], float] = field(default_factory=dict)   # (row, col) -> recomputed value
    # every rule reads the same cells again (a row's K and Rp feed derived, roll-up and average checks):
    # each cell is parsed once; Nilai is frozen, so sharing it is safe
    _nilai_sel: dict[tuple[int, int], Nilai] = field(default_factory=dict)

    # ---------------------------------------------------------------------------------------- util
    def tambah(self, r: int | None, c: int | None, jenis: str, tingkat: str, pesan: str, *,
               seharusnya: str | None = None, ditemukan: str | None = None, saran: str | None = None) -> None:
        sel = alamat(r, c) if r and c else None
        key = (sel, jenis, pesan)
        if key in self._sudah:
            return
        self._sudah.add(key)
        t = Temuan(jenis, tingkat, pesan, saran=saran, seharusnya=seharusnya,  # type: ignore[arg-type]
                   ditemukan=ditemukan)
        self.temuan.append(TemuanSel(self.berkas, self.grid.nama, sel, t))

    def nilai(self, r: int, c: int | None) -> Nilai:
        if c is None:
            return inti.KOSONG
        n = self._nilai_sel.get((r, c))
        if n is None:
            s = self.grid.sel.get((r, c))
            n = self._nilai_sel[(r, c)] = inti.KOSONG if s is None else inti.baca_nilai_sel(s.nilai, s.format)
        return n

    def nilai_nomor(self, r: int, n: int, s: str | None) -> tuple[Nilai, int | None]:
        """Value of numbered column ``n`` (sub ``s``) on row r, and the cell it was read from. A K/Rp pair
        printed in one cell ("61% 24%" in K, Rp empty) is read as K = first, Rp = second value."""
        f = self.form
        c = f.kol(n, s)
        if c is None:
            return inti.KOSONG, None
        ck, crp = f.kol(n, "K"), f.kol(n, "Rp")
        if s in ("K", "Rp") and ck and crp and ck != crp:
            vk = self.nilai(r, ck)
            if len(vk.jamak) == 2 and all(x.persen for x in vk.jamak) and _kosong(self.nilai(r, crp)):
                b = self._by_r.get(r)
                if not (b and (b.multi_indikator or self._by_r.get(b.item or r, b).multi_indikator)):
                    return (vk.jamak[0] if s == "K" else vk.jamak[1]), ck
        return self.nilai(r, c), c

    def ditemukan(self, r: int, c: int) -> str:
        s = self.grid.get(r, c)
        v = "" if s.nilai is None else str(s.nilai)
        return f"{s.rumus} → {v}" if s.rumus else v

    def item_rows(self) -> list[Baris]:
        return [b for b in self.baris if b.jenis in ITEM or b.jenis == INDIKATOR]

    def nama_baris(self, b: Baris) -> str:
        item = self._by_r.get(b.item or b.r, b)
        label = LABEL.get(item.jenis, item.jenis)
        kode = item.kode.normal or item.kode.asli if item.kode else ""
        nama = (item.nama or "")[:60]
        return f"{label} {kode} {nama}".replace("  ", " ").strip()

    def jalankan(self) -> list[TemuanSel]:
        self._by_r = {b.r: b for b in self.baris}
        self.periksa_tingkat_baris()
        self.periksa_turunan()
        self.periksa_rollup()
        self.periksa_rata_predikat()
        self.periksa_rumus()
        self.periksa_teks_angka()
        self.periksa_tahun_judul()
        return self.temuan

    # ----------------------------------------------------------------------------- header years
    def periksa_tahun_judul(self) -> None:
        """E.81: the year in the 'tahun berjalan' header (column 7) against the other headers and the
        'Periode Pelaksanaan' title line (Malang's 2021 E.81 says 'Juni 2020', seeds-spec §5.10)."""
        f = self.form
        if f.jenis != "E.81":
            return
        c7 = f.kol(7, "K")
        m = re.search(r"(?:tahun\D{0,20}|\()(20\d\d)", f.judul_kolom.get(c7, "").lower()) if c7 else None
        if not m:
            return
        tahun = int(m.group(1))
        harus = {6: tahun - 1, 8: tahun, 9: tahun, 10: tahun, 11: tahun, 12: tahun, 13: tahun}
        for n, th in harus.items():
            c = f.kol(n, "K")
            if c is None or (n == 13 and f.aturan.get(13) and f.aturan[13].jenis == "jumlah"):
                continue      # Pontianak's 13 is the Renstra end year
            for r in range(f.baris_awal, f.baris_nomor + (1 if f.tanpa_nomor else 0)):
                teks = self.grid.teks(r, c)
                lain = [int(y) for y in re.findall(r"\b(20\d\d)\b", teks) if int(y) != th]
                if lain and "renstra" not in teks.lower():
                    self.tambah(r, c, "judul.tahun", "peringatan",
                                f"Judul kolom {n} menyebut tahun {lain[0]}, padahal tahun yang dievaluasi (kolom 7) "
                                f"{tahun}{' dan kolom 6 adalah tahun lalu' if n == 6 else ''}.",
                                seharusnya=str(th), ditemukan=teks[:120])
                    break
        for r in range(1, f.baris_awal):
            for c in range(1, min(self.grid.max_col, 30) + 1):
                teks = self.grid.teks(r, c)
                if re.search(r"(?i)periode|triwulan", teks):
                    lain = [int(y) for y in re.findall(r"\b(20\d\d)\b", teks) if int(y) != tahun]
                    if lain:
                        self.tambah(r, c, "judul.tahun", "peringatan",
                                    f"Judul menyebut periode tahun {lain[0]}, padahal kolom 7 mengevaluasi "
                                    f"tahun {tahun}.",
                                    seharusnya=str(tahun), ditemukan=teks[:120])

    # ----------------------------------------------------------------------------------- levels
    def _kol_uang(self) -> list[int]:
        f = self.form
        if f.kol_uang:
            return list(f.kol_uang)
        out = []
        for (n, s), c in sorted(f.kolom.items(), key=lambda x: x[1]):
            a = f.aturan.get(n)
            if s == "Rp" and not (a and a.jenis == "rasio"):
                out.append(c)
        return out

    def periksa_tingkat_baris(self) -> None:
        """A kegiatan row carrying a sub kegiatan code (its Rp is the sum of the sub kegiatan under it)."""
        uang = self._kol_uang()
        kode_keg = {b.kode.normal for b in self.baris if b.jenis == KEGIATAN and b.kode and b.kode.normal}
        items = [b for b in self.baris if b.jenis in ITEM]
        for i, b in enumerate(items):
            if b.jenis != SUB or not b.kode or not b.kode.normal:
                continue
            induk = ".".join(b.kode.segmen[:5])
            if induk in kode_keg:
                continue
            anak = []
            for nb in items[i + 1:]:
                if nb.jenis == SUB and nb.kode and nb.kode.normal and nb.kode.normal.startswith(induk + "."):
                    anak.append(nb)
                else:
                    break
            if not anak or not uang:
                continue
            cocok = False
            for c in uang:
                v = self.nilai(b.r, c)
                s = [self.nilai(a.r, c).nilai for a in anak]
                if v.nilai and any(x for x in s) and abs(v.nilai - sum(x or 0 for x in s)) < 0.5:
                    cocok = True
                    break
            if cocok:
                b.jenis = KEGIATAN
                kode_keg.add(induk)
                self.tambah(b.r, b.kode_sel, "kode.tingkat_baris", "salah",
                            f"Baris ini adalah kegiatan (anggarannya = jumlah {len(anak)} sub kegiatan di bawahnya) "
                            f"tetapi memakai kode sub kegiatan {b.kode.normal}.",
                            seharusnya=induk, ditemukan=b.kode.asli, saran=f"Ganti kodenya menjadi {induk}.")

    # ------------------------------------------------------------------------------- derived
    def _level(self, b: Baris, ops: list[Nilai]) -> bool:
        item = self._by_r.get(b.item or b.r, b)
        jenis_teks = b.jenis_indikator or item.jenis_indikator
        if jenis_teks:
            j = inti.jenis_dari_teks(jenis_teks)
            if j is not None:
                return j != "kumulatif"
        indikator = b.indikator or item.indikator
        # "Capaian program ... (Persen)": the unit written after the indicator, as the generator and many
        # OPDs print it when the form has no unit column
        dalam_kurung = _SATUAN_AKHIR.search(indikator or "")
        satuan = b.satuan or (dalam_kurung.group(1).strip() if dalam_kurung else None) \
            or next((o.satuan for o in ops if o.satuan and o.satuan != "%"), None)
        persen = any(o.persen for o in ops)
        return inti.jenis_level(satuan if not persen else "%", indikator, persen)

    def periksa_turunan(self) -> None:
        f = self.form
        urut = sorted(f.aturan)
        for b in self.item_rows():
            benar: dict[tuple[int, str | None], list[Nilai]] = {}

            def ambil(n: int, s: str | None) -> list[Nilai]:
                if (n, s) in benar:
                    return benar[(n, s)]
                return _elemen(self.nilai_nomor(b.r, n, s)[0])

            for n in urut:
                a = f.aturan[n]
                for s in f.subs(n):
                    c = f.kol(n, s)
                    if c is None:
                        continue
                    hasil = self._satu_turunan(b, a, s, c, ambil)
                    if hasil is not None:
                        if len(hasil) == 1 and hasil[0].nilai is not None:
                            self.benar[(b.r, c)] = hasil[0].nilai
                        if s == "Rp" or a.jenis == "rasio" or not self._level(b, _elemen(self.nilai(b.r, c))):
                            benar[(n, s)] = hasil
                        if a.jenis == "rasio" and n == f.kolom_rasio_terakhir():
                            self.capaian[(b.r, s)] = [x.nilai if x.asli == _HITUNG else None for x in hasil]

    def _satu_turunan(self, b: Baris, a, s: str | None, c: int, ambil) -> list[Nilai] | None:
        cetak, c_baca = self.nilai_nomor(b.r, a.nomor, s)
        c = c_baca or c
        if cetak.galat or cetak.teks:
            return None
        tak_dihitung = self.grid.get(b.r, c).rumus is not None and self.grid.get(b.r, c).nilai is None
        ops = [ambil(n, s) for n in a.operand]
        el_cetak = _elemen(cetak)
        panjang = {len(o) for o in ops if not (len(o) == 1 and _kosong(o[0]))}
        if len(el_cetak) > 1 or not _kosong(el_cetak[0]):
            panjang.add(len(el_cetak))
        if len(panjang) > 1:
            return None     # several values that do not pair up: reported by the text check
        L = panjang.pop() if panjang else 1
        uang = s == "Rp"
        hasil: list[Nilai] = []
        for i in range(L):
            o_i = [o[i] if len(o) == L else inti.KOSONG for o in ops]
            p = el_cetak[i] if len(el_cetak) == L else inti.KOSONG
            e, alt = self._hitung(b, a, o_i, uang)
            hasil.append(Nilai(asli=_HITUNG, nilai=e, kosong=False) if e is not None else p)
            if tak_dihitung:
                continue
            if e is None:
                if a.jenis == "rasio" and p.nilai and not uang and all(o.huruf is None for o in o_i):
                    self.tambah(b.r, c, "hitung.tanpa_target", "peringatan",
                                f"Capaian {_pct(p.nilai, p.desimal)} dicetak padahal targetnya "
                                f"(kolom {a.operand[1]}) kosong "
                                "atau nol; capaian tidak bisa dihitung.", ditemukan=self.ditemukan(b.r, c))
                continue
            self._bandingkan(b, a, s, c, p, e, alt, L, i)
        return hasil

    def _hitung(self, b: Baris, a, o: list[Nilai], uang: bool) -> tuple[float | None, float | None]:
        if any(x.huruf or x.teks for x in o):
            return None, None
        if a.jenis == "jumlah":
            if all(_kosong(x) for x in o):
                return None, None
            jumlah = sum(x.nilai or 0.0 for x in o)
            if uang or not self._level(b, o):
                return jumlah, None
            akhir = next((x.nilai for x in reversed(o) if x.nilai is not None), None)
            return akhir, jumlah
        num, den = o[0], o[1]
        if den.nilai is None or den.nilai == 0:
            return None, None
        if not uang and den.batas:
            if num.nilai is None:
                return 0.0, None
            if num.batas == den.batas and (num.nilai <= den.nilai if "<" in den.batas else num.nilai >= den.nilai):
                return 100.0, None
            ok = num.nilai < den.nilai if den.batas == "<" else num.nilai <= den.nilai if den.batas in ("<=", "≤") \
                else num.nilai > den.nilai if den.batas == ">" else num.nilai >= den.nilai
            if ok:
                return 100.0, None
            if "<" in den.batas and num.nilai:
                return den.nilai / num.nilai * 100, None
            return num.nilai / den.nilai * 100, None
        return (num.nilai or 0.0) / den.nilai * 100, None

    def _bandingkan(self, b: Baris, a, s, c: int, p: Nilai, e: float, alt: float | None, L: int, i: int) -> None:
        rasio = a.jenis == "rasio"
        uang = s == "Rp"
        d = p.desimal if p.desimal is not None else (2 if rasio else (0 if uang else 2))
        teks_e = _pct(e, d) if rasio else fmt(e, d)
        bagian = f" (nilai ke-{i + 1})" if L > 1 else ""
        kol = f"kolom {a.nomor}{' ' + s if s else ''}"
        apa = f"{kol} pada {self.nama_baris(b)}{bagian}"
        ops = "/".join(map(str, a.operand)) + " × 100%" if rasio else " + ".join(map(str, a.operand))
        rumus = f"{a.nomor} = {ops}"
        if p.nilai is None:
            if abs(e) > 1e-9:
                self.tambah(b.r, c, "hitung.kosong", "peringatan",
                            f"{_kapital(apa)} kosong, padahal menurut rumus {rumus} nilainya {teks_e}.",
                            seharusnya=teks_e, ditemukan=self.ditemukan(b.r, c))
            return
        hasil = banding(p, e, rasio=rasio)
        if hasil == "ok":
            return
        jenis_k = "hitung.capaian" if rasio else "hitung.jumlah"
        if hasil == "potong":
            self.tambah(b.r, c, "hitung.pembulatan", "peringatan",
                        f"{_kapital(apa)}: {fmt(e, 4)} dipotong menjadi {fmt(p.nilai, d)}, bukan dibulatkan.",
                        seharusnya=teks_e, ditemukan=self.ditemukan(b.r, c))
            return
        if hasil == "pecahan":
            self.tambah(b.r, c, jenis_k, "salah",
                        f"{_kapital(apa)}: rasio ditulis tanpa dikali 100 ({fmt(p.nilai, d)}% seharusnya {teks_e}).",
                        seharusnya=teks_e, ditemukan=self.ditemukan(b.r, c))
            return
        if alt is not None and banding(p, alt, rasio=False) == "ok":
            self.tambah(b.r, c, "hitung.jenis_indikator", "peringatan",
                        f"{_kapital(apa)}: nilai triwulan dijumlahkan ({fmt(alt, d)}), padahal indikator ini "
                        f"berupa tingkat/persentase yang tidak dijumlahkan (nilai terakhir {teks_e}).",
                        seharusnya=teks_e, ditemukan=self.ditemukan(b.r, c))
            return
        self.tambah(b.r, c, jenis_k, "salah",
                    f"{_kapital(apa)} tidak sesuai rumus {rumus}: seharusnya {teks_e}.",
                    seharusnya=teks_e, ditemukan=self.ditemukan(b.r, c),
                    saran="Isi dengan rumus Excel agar dihitung otomatis." if not self.grid.get(b.r, c).rumus else None)

    # --------------------------------------------------------------------------------- roll-ups
    def _pohon(self) -> tuple[dict[int, list[Baris]], list[tuple[Baris, list[Baris]]]]:
        """Children of each item (by order and level) and the Jumlah rows with the programs they cover."""
        anak: dict[int, list[Baris]] = defaultdict(list)
        jumlah: list[tuple[Baris, list[Baris]]] = []
        stack: list[Baris] = []
        program_blok: list[Baris] = []
        terlihat: set = set()
        bidang_aktif = None
        for b in self.baris:
            if b.jenis == "bidang" and _nama_norm(b) != bidang_aktif:
                program_blok = []
                bidang_aktif = _nama_norm(b)
            if b.jenis == JUMLAH:
                jumlah.append((b, program_blok))
                program_blok = []
                stack = []
                continue
            if b.jenis not in ITEM:
                continue
            kunci = self._kunci(b)
            if stack and stack[-1].jenis == b.jenis and kunci in terlihat and kunci[1] and \
                    self._kunci(stack[-1]) == kunci:
                continue    # the same item again (another indicator on its own row)
            terlihat.add(kunci)
            while stack and URUTAN[stack[-1].jenis] >= URUTAN[b.jenis]:
                stack.pop()
            if stack:
                anak[stack[-1].r].append(b)
            if b.jenis == PROGRAM:
                program_blok.append(b)
            stack.append(b)
        return anak, jumlah

    def _kunci(self, b: Baris) -> tuple:
        return (b.jenis, b.kode.normal if b.kode and b.kode.normal else re.sub(r"\W+", " ", b.nama.lower()).strip())

    def periksa_rollup(self) -> None:
        anak, jumlah = self._pohon()
        kol = self._kol_uang()
        for r_induk, daftar in anak.items():
            induk = self._by_r[r_induk]
            for c in kol:
                self._satu_rollup(induk, daftar, c, f"{self.nama_baris(induk)}",
                                  f"{LABEL.get(daftar[0].jenis, daftar[0].jenis)} di bawahnya")
        for bj, programs in jumlah:
            if not programs:
                continue
            for c in kol:
                self._satu_rollup(bj, programs, c, "baris Jumlah", "program di atasnya")

    def _satu_rollup(self, induk: Baris, anak: list[Baris], c: int, nama: str, nama_anak: str) -> None:
        v = self.nilai(induk.r, c)
        rumus = self.grid.get(induk.r, c).rumus
        if rumus:
            self._periksa_rentang(induk, anak, c, rumus)
        if v.jamak or v.teks:
            return
        nilai_anak = [self.nilai(a.r, c) for a in anak]
        if v.nilai is None:
            isi = [self.benar.get((a.r, c), x.nilai) for a, x in zip(anak, nilai_anak)]
            total = sum(x or 0.0 for x in isi)
            lain = any(self.nilai(induk.r, cc).nilai for cc in self._kol_uang() if cc != c)
            if abs(total) > 0.5 and induk.jenis in (PROGRAM, KEGIATAN) and lain and \
                    not (self.grid.get(induk.r, c).rumus and self.grid.get(induk.r, c).nilai is None):
                nomor = next((f"kolom {n}{' ' + s if s else ''}" for (n, s), cc in self.form.kolom.items()
                              if cc == c), "kolom")
                self.tambah(induk.r, c, "rollup.kosong", "peringatan",
                            f"{_kapital(nama)}, {nomor}: kosong, padahal {nama_anak} berjumlah {fmt(total, 0)}.",
                            seharusnya=fmt(total, 0), ditemukan=self.ditemukan(induk.r, c))
            return
        if any(x.jamak or x.teks for x in nilai_anak):
            return
        angka_anak = [self.benar.get((a.r, c), x.nilai) for a, x in zip(anak, nilai_anak)]
        if all(x is None for x in angka_anak):
            return
        total = sum(x or 0.0 for x in angka_anak)
        nomor = next((f"kolom {n}{' ' + s if s else ''}" for (n, s), cc in self.form.kolom.items() if cc == c), "kolom")
        if abs(v.nilai - total) > 0.5 + 1e-9 * abs(total):
            self.tambah(induk.r, c, "rollup.selisih", "salah",
                        f"{_kapital(nama)}, {nomor}: {fmt(v.nilai, 0)} tidak sama dengan jumlah {len(anak)} "
                        f"{nama_anak} ({fmt(total, 0)}; selisih {fmt(v.nilai - total, 0)}).",
                        seharusnya=fmt(total, 0), ditemukan=self.ditemukan(induk.r, c))

    def _periksa_rentang(self, induk: Baris, anak: list[Baris], c: int, rumus: str) -> None:
        from openpyxl.utils import column_index_from_string
        refs = re.findall(r"(?<![A-Za-z_])\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?![\w(])", rumus.upper())
        if not refs:
            return
        baris_ref: set[int] = set()
        for k1, r1, k2, r2 in refs:
            if column_index_from_string(k1) != c or (k2 and column_index_from_string(k2) != c):
                return
            a, z = int(r1), int(r2) if r2 else int(r1)
            baris_ref.update(range(min(a, z), max(a, z) + 1))
        harus = {a.r for a in anak}
        isi = {r for r in baris_ref if self.grid.get(r, c).nilai not in (None, "") or self.grid.get(r, c).rumus}
        lewat = sorted(harus - baris_ref)
        lebih = sorted(r for r in isi - harus if r != induk.r)
        if lewat or lebih:
            bag = []
            if lewat:
                bag.append("tidak menjumlah baris " + ", ".join(map(str, lewat)))
            if lebih:
                bag.append("ikut menjumlah baris " + ", ".join(map(str, lebih)))
            self.tambah(induk.r, c, "rumus.rentang", "salah",
                        f"Rumus jumlah pada {self.nama_baris(induk)} {' dan '.join(bag)}.",
                        ditemukan=rumus, seharusnya="baris " + ", ".join(str(a.r) for a in anak))

    # ----------------------------------------------------------------------- rata-rata, predikat
    def _capaian_item(self, item: Baris, s: str | None) -> float | None:
        vals = []
        for r in self._baris_item().get(item.r, ()):
            for x in self.capaian.get((r, s), []):
                if x is not None:
                    vals.append(x)
        return inti.rata_rata(vals)

    def periksa_rata_predikat(self) -> None:
        f = self.form
        n = f.kolom_rasio_terakhir()
        if n is None:
            return
        subs = f.subs(n)
        awal = 0
        rata_terakhir: dict[str | None, tuple[Nilai, int]] = {}
        bidang_aktif = None
        for idx, b in enumerate(self.baris):
            if b.jenis == "bidang" and _nama_norm(b) != bidang_aktif:
                awal = idx
                bidang_aktif = _nama_norm(b)
            if b.jenis == RATA:
                blok = [x for x in self.baris[awal:idx] if x.jenis in ITEM]
                awal = idx + 1
                for s in subs:
                    v, c = self.nilai_nomor(b.r, n, s)
                    if v.nilai is None or c is None:
                        continue
                    rata_terakhir[s] = (v, b.r)
                    self._satu_rata(b, c, v, blok, s)
            elif b.jenis == PREDIKAT:
                for s in subs:
                    c = f.kol(n, s)
                    if s not in rata_terakhir:
                        continue
                    v, _r = rata_terakhir[s]
                    harus = inti.predikat(v.nilai)
                    kata = self.grid.teks(b.r, c)
                    ck, crp = f.kol(n, "K"), f.kol(n, "Rp")
                    if ck and crp and ck != crp and not self.grid.teks(b.r, crp):
                        kata_k = _KATA_PREDIKAT.findall(self.grid.teks(b.r, ck))
                        if len(kata_k) == 2:       # "Tinggi Rendah" printed in one cell
                            c = ck
                            kata = kata_k[0] if s == "K" else kata_k[1]
                    if not kata:
                        self.tambah(b.r, c, "predikat.kosong", "salah",
                                    f"Predikat{_sub(s)} kosong untuk rata-rata {_pct(v.nilai, v.desimal)}.",
                                    seharusnya=harus, ditemukan="")
                    elif re.sub(r"\s+", " ", kata.strip().lower()) != (harus or "").lower():
                        self.tambah(b.r, c, "predikat.salah", "salah",
                                    f"Predikat{_sub(s)} '{kata}' tidak sesuai skala Permendagri 86/2017 untuk "
                                    f"{_pct(v.nilai, v.desimal)} (≥91 Sangat Tinggi, ≥76 Tinggi, ≥66 Sedang, "
                                    "≥51 Rendah).",
                                    seharusnya=harus, ditemukan=kata)
                awal = idx + 1

    def _baris_item(self) -> dict[int, list[int]]:
        """Item row -> its own row and its indicator rows, in sheet order (built once: the averages of a
        form look this up for every item of every block, which was quadratic in the number of rows)."""
        peta = getattr(self, "_peta_item", None)
        if peta is None:
            peta = {}
            for bb in self.baris:
                peta.setdefault(bb.r, []).append(bb.r)
                if bb.jenis == INDIKATOR and bb.item is not None and bb.item != bb.r:
                    peta.setdefault(bb.item, []).append(bb.r)
            self._peta_item = peta
        return peta

    def _satu_rata(self, b: Baris, c: int, v: Nilai, blok: list[Baris], s: str | None) -> None:
        if v.nilai is None:
            return
        per_level: dict[str, list[Baris]] = defaultdict(list)
        terlihat = set()
        for x in blok:
            k = self._kunci(x)
            if k in terlihat and k[1]:
                continue
            terlihat.add(k)
            per_level[x.jenis].append(x)
        level = [lv for lv in (PROGRAM, KEGIATAN, SUB) if per_level.get(lv)]
        kandidat: dict[str, float] = {}
        jumlah: dict[str, int] = {}
        for lv in level:
            nilai = [self._capaian_item(x, s) for x in per_level[lv]]
            nilai = [x for x in nilai if x is not None]
            if not nilai:
                continue
            jumlah[lv] = len(nilai)
            kandidat[lv] = sum(nilai) / len(nilai)
            tanpa_nol = [x for x in nilai if x > 0]
            if tanpa_nol and len(tanpa_nol) < len(nilai):
                kandidat[lv + "_tanpa_nol"] = sum(tanpa_nol) / len(tanpa_nol)
        baris_item = self._baris_item()
        semua = [x for it in blok if it.jenis == SUB for r in baris_item.get(it.r, ())
                 for x in self.capaian.get((r, s), []) if x is not None]
        if semua:
            kandidat["indikator"] = sum(semua) / len(semua)     # every indicator row weighs the same
        ada = [lv for lv in level if lv in kandidat]
        if not ada:
            return
        utama = next((lv for lv in ada if jumlah[lv] >= 2), ada[-1])
        e = kandidat[utama]
        if banding(v, e, rasio=True) == "ok":
            return
        # renja-xl's generated forms: every indicator row of the block weighs the same (docs/keputusan.md §3)
        tiap_baris = [x for it in blok for r in baris_item.get(it.r, ())
                      for x in self.capaian.get((r, s), []) if x is not None]
        if tiap_baris and banding(v, sum(tiap_baris) / len(tiap_baris), rasio=True) == "ok":
            return
        d = v.desimal if v.desimal is not None else 2
        for k, x in kandidat.items():
            if k != utama and banding(v, x, rasio=True) in ("ok", "potong"):
                self.tambah(b.r, c, "rata_rata.aturan", "peringatan",
                            f"Rata-rata capaian{_sub(s)} {_pct(v.nilai, d)} dihitung dengan aturan lain "
                            f"(rata-rata {LABEL.get(k.replace('_tanpa_nol', ''), k)}"
                            f"{' tanpa nilai nol' if 'tanpa_nol' in k else ''}); aturan baku: "
                            f"rata-rata capaian {jumlah[utama]} {LABEL[utama]} = {_pct(e, d)}.",
                            seharusnya=_pct(e, d), ditemukan=self.ditemukan(b.r, c))
                return
        if banding(v, e, rasio=True) == "potong":
            self.tambah(b.r, c, "rata_rata.pembulatan", "peringatan",
                        f"Rata-rata capaian{_sub(s)} {fmt(e, 4)}% dipotong, bukan dibulatkan.", seharusnya=_pct(e, d),
                        ditemukan=self.ditemukan(b.r, c))
            return
        self.tambah(b.r, c, "rata_rata.salah", "salah",
                    f"Rata-rata capaian{_sub(s)} {_pct(v.nilai, d)} tidak sesuai: rata-rata capaian (dihitung ulang) "
                    f"{jumlah[utama]} {LABEL[utama]} di atasnya = {_pct(e, d)}.",
                    seharusnya=_pct(e, d), ditemukan=self.ditemukan(b.r, c))

    # --------------------------------------------------------------------------------- formulas
    def periksa_rumus(self) -> None:
        f = self.form
        rows = [b for b in self.baris if b.jenis in ITEM or b.jenis in (INDIKATOR, JUMLAH, RATA)]
        for b in rows:
            for c in range(1, self.grid.max_col + 1):
                s = self.grid.get(b.r, c)
                if isinstance(s.nilai, str) and s.nilai.strip().upper() in inti.GALAT_EXCEL:
                    self.tambah(b.r, c, "rumus.galat", "salah",
                                f"Sel berisi galat {s.nilai.strip().upper()}"
                                + (f" dari rumus {s.rumus}" if s.rumus else "") + ".",
                                ditemukan=self.ditemukan(b.r, c),
                                saran="Perbaiki rumusnya (mis. bungkus dengan IFERROR bila target bisa kosong).")
        kolom = sorted(set(f.kolom.values()))
        for c in kolom:
            grup: dict[str, list[Baris]] = defaultdict(list)
            for b in self.baris:
                if b.jenis in ITEM or b.jenis == INDIKATOR:
                    grup["indikator" if b.jenis == INDIKATOR else b.jenis].append(b)
            for jenis, anggota in grup.items():
                rumus = {b.r: self.grid.get(b.r, c).rumus for b in anggota if self.grid.get(b.r, c).rumus}
                if len(rumus) < 3:
                    continue
                rumus = {r: x for r, x in rumus.items() if not _jumlah_satu_kolom(x, c)}
                if len(rumus) < 3:
                    continue
                pola = {r: r1c1(x, r, c) for r, x in rumus.items()}
                umum, n_umum = Counter(pola.values()).most_common(1)[0]
                if n_umum >= 0.6 * len(pola) and n_umum >= 2:
                    ref_umum = set(_RUJUKAN_R1C1.findall(umum))
                    for r, p in pola.items():
                        # same inputs, different expression (e.g. a falling-is-better capaian = target/realisasi):
                        # a legitimate variant; the value checks judge it, not the pattern check
                        if p != umum and set(_RUJUKAN_R1C1.findall(p)) != ref_umum:
                            contoh = next(rr for rr, pp in pola.items() if pp == umum)
                            self.tambah(r, c, "rumus.pola", "peringatan",
                                        f"Rumus berbeda dari pola kolomnya (baris {LABEL.get(jenis, jenis)} "
                                        "lain memakai "
                                        f"{rumus[contoh]} di baris {contoh}).",
                                        ditemukan=rumus[r], seharusnya=geser_rumus(rumus[contoh], contoh, r))
                isi = [b for b in anggota if self.grid.get(b.r, c).nilai not in (None, "")]
                if len(rumus) >= 2 / 3 * max(1, len(isi)):
                    for b in isi:
                        s = self.grid.get(b.r, c)
                        if s.rumus is None and isinstance(s.nilai, (int, float)):
                            contoh = next(iter(rumus))
                            self.tambah(b.r, c, "rumus.diketik", "peringatan",
                                        f"Angka {fmt(float(s.nilai), 2)} diketik di kolom yang baris lainnya berumus "
                                        f"(mis. {rumus[contoh]} di baris {contoh}); nilainya tidak ikut berubah "
                                        "bila data berubah.",
                                        ditemukan=str(s.nilai), seharusnya=geser_rumus(rumus[contoh], contoh, b.r))

    # ------------------------------------------------------------------------ text numbers
    def periksa_teks_angka(self) -> None:
        f = self.form
        teks_per_kol: dict[int, list[int]] = defaultdict(list)
        for (n, s), c in f.kolom.items():
            if c in (f.kol_kode, f.kol_uraian, f.kol_indikator, f.kol_satuan) or n < 4:
                continue
            judul = f.judul_kolom.get(c, "").lower()
            if any(w in judul for w in _BUKAN_ANGKA[:8]) and \
                    not any(w in judul for w in ("target", "realisasi", "pagu")):
                continue
            for b in self.item_rows():
                sel = self.grid.get(b.r, c)
                if not isinstance(sel.nilai, str) or sel.rumus:
                    continue
                v = self.nilai(b.r, c)
                if v.galat:
                    continue
                if v.teks and v.nilai is None and not v.jamak:
                    self.tambah(b.r, c, "angka.bukan_angka", "peringatan",
                                f"Teks '{v.teks[:40]}' di kolom angka {n}{' ' + s if s else ''}; "
                                "dihitung sebagai kosong.",
                                ditemukan=sel.nilai, saran="Pindahkan keterangan ke kolom Keterangan.")
                    continue
                if v.jamak and not b.multi_indikator and not self._by_r.get(b.item or b.r, b).multi_indikator:
                    self.tambah(b.r, c, "nilai.jamak", "peringatan",
                                f"Beberapa nilai dalam satu sel ({len(v.jamak)} nilai) padahal barisnya "
                                "satu indikator.",
                                ditemukan=sel.nilai, saran="Pecah menjadi satu indikator per baris.")
                if v.nilai is not None or v.jamak:
                    teks_per_kol[c].append(b.r)
        banyak = {c: rows for c, rows in teks_per_kol.items() if len(rows) > 3}
        if len(banyak) > 3:
            semua = sum(len(r) for r in banyak.values())
            c0 = min(banyak)
            r0 = banyak[c0][0]
            from openpyxl.utils import get_column_letter as _h
            self.tambah(r0, c0, "angka.teks", "peringatan",
                        f"{semua} sel di kolom {', '.join(_h(c) for c in sorted(banyak))} berisi angka yang diketik "
                        f"sebagai teks (mis. '{self.grid.teks(r0, c0)}'); Excel tidak bisa menjumlahkan atau "
                        "menghitung ulang angka-angka ini.", ditemukan=self.grid.teks(r0, c0),
                        saran="Ketik angkanya saja (tanpa satuan dan titik ribuan) dan taruh satuan di kolom Satuan.")
            teks_per_kol = {c: r for c, r in teks_per_kol.items() if c not in banyak}
        for c, rows in teks_per_kol.items():
            if len(rows) > 3:
                self.tambah(rows[0], c, "angka.teks", "peringatan",
                            f"{len(rows)} sel di kolom ini berisi angka yang diketik sebagai teks (mis. "
                            f"'{self.grid.teks(rows[0], c)}'); Excel tidak bisa menjumlahkannya.",
                            ditemukan=self.grid.teks(rows[0], c),
                            saran="Ketik angkanya saja (tanpa satuan dan titik ribuan) dan taruh satuan "
                                  "di kolom Satuan.")
            else:
                for r in rows:
                    self.tambah(r, c, "angka.teks", "peringatan",
                                "Angka diketik sebagai teks; Excel tidak bisa menjumlahkannya.",
                                ditemukan=self.grid.teks(r, c),
                                saran="Ketik angkanya saja (tanpa satuan dan titik ribuan).")


def _jumlah_satu_kolom(rumus: str, c: int) -> bool:
    """A roll-up formula (only references to its own column): its range is checked against the children."""
    from openpyxl.utils import column_index_from_string

    refs = re.findall(r"(?<![A-Za-z_])\$?([A-Z]{1,3})\$?\d+(?![\w(])", rumus.upper())
    return bool(refs) and all(column_index_from_string(k) == c for k in refs)


_REF = re.compile(r"(?<![A-Za-z_\d])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])")


_SATUAN_AKHIR = re.compile(r"\(([^()]{1,30})\)\s*$")
_RUJUKAN_R1C1 = re.compile(r"R\[?-?\d+\]?C\[?-?\d+\]?")


def r1c1(rumus: str, r: int, c: int) -> str:
    """Relative form of a formula, so the same formula on different rows compares equal."""
    from openpyxl.utils import column_index_from_string

    def ganti(m: re.Match) -> str:
        kol = column_index_from_string(m.group(2))
        bar = int(m.group(4))
        kk = f"C{kol}" if m.group(1) else f"C[{kol - c}]"
        rr = f"R{bar}" if m.group(3) else f"R[{bar - r}]"
        return rr + kk

    return _REF.sub(ganti, rumus.upper().replace(" ", ""))


def geser_rumus(rumus: str, dari: int, ke: int) -> str:
    """The formula of row ``dari`` moved to row ``ke`` (what the row should probably hold)."""
    try:
        from openpyxl.formula.translate import Translator
        return Translator(rumus, origin=f"A{dari}").translate_formula(f"A{ke}")
    except Exception:
        return rumus
