"""Compare every derived cell of the imported forms with what the core computes from the imported inputs.

Only inputs go into the Data Induk; totals, capaian, Rp roll-ups, averages and predikat are rebuilt by the
generator. So each printed derived value is recomputed here — with the form's own rules (``12 = 8+9``,
``13 = 6+12``, ``14 = 13/5``, ``8 = 7/6``…) evaluated by :mod:`renja_xl.capaian` with the indicator's type —
and every disagreement becomes a row of *Catatan Impor*: file, sheet, cell, what was printed, what it should
be. A value is accepted when it differs from the exact one by less than one unit of its last printed digit
(a rounded or a cut-off value is not a mistake); a blank cell where a value is due is reported.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from renja_xl.angka import Angka, format_angka
from renja_xl.capaian import Hasil, JenisIndikator, capaian, rata_rata, realisasi_tahun, tingkat_realisasi
from renja_xl.impor_induk.gabung import Gabungan
from renja_xl.impor_induk.model import BacaanForm, BarisSumber, Catatan
from renja_xl.impor_induk.sel import angka_sel, bagian, sama_tercetak, satuan_cetak, teks_sel
from renja_xl.periksa.deteksi import Sel, alamat
from renja_xl.predikat import SKALA_BAKU, Skala

__all__ = ["bandingkan"]

K = JenisIndikator.KUMULATIF
_RP_MASUK = {"target_renstra_rp", "realisasi_lalu_rp", "target_rp", "tw_rp1", "tw_rp2", "tw_rp3", "tw_rp4",
             "pagu_n1"}
_SELURUH = re.compile(r"(?i)seluruh|keseluruhan|\btotal\b|\bopd\b|perangkat daerah")


class _Simpul:
    """A node of the form (program/kegiatan/sub kegiatan row) with its indicator rows and children."""

    def __init__(self, x: BarisSumber) -> None:
        self.x = x
        self.indikator: list[BarisSumber] = [x]
        self.anak: list[_Simpul] = []

    def rp(self, kunci: str) -> float | None:
        """The node's Rp: its own input on a leaf, the sum of its children otherwise (as the generator)."""
        if not self.anak:
            ns = self.x.nilai.get(kunci)
            return ns.nilai if ns is not None else None
        isi = [v for v in (a.rp(kunci) for a in self.anak) if v is not None]
        return math.fsum(isi) if isi else None


def _pohon(b: BacaanForm, pindah: list[tuple[BarisSumber, BarisSumber, BarisSumber]]
           ) -> tuple[list[_Simpul], dict[int, _Simpul]]:
    """Nodes of the form: a coded node hangs under the node its code continues (as the generator builds the
    tree), an uncoded one under the nearest node above with a lower level."""
    akar: list[_Simpul] = []
    tumpuk: list[tuple[int, _Simpul]] = []
    per_baris: dict[int, _Simpul] = {}
    per_kode: dict[str, _Simpul] = {}
    for x in b.baris:
        if x.urut == 0 and x.bagian == 0:
            s = _Simpul(x)
            lv = int(x.tingkat or 0)
            while tumpuk and tumpuk[-1][0] >= lv:
                tumpuk.pop()
            induk = tumpuk[-1][1] if tumpuk else None
            if x.kode:
                seg = x.kode.split(".")
                di_lembar = induk
                induk = next((per_kode[p] for n in (5, 3) if n < len(seg) and (p := ".".join(seg[:n])) in per_kode),
                             None)
                if di_lembar is not None and induk is not None and di_lembar is not induk and di_lembar.x.kode:
                    pindah.append((x, di_lembar.x, induk.x))
                per_kode.setdefault(x.kode, s)
            (induk.anak if induk is not None else akar).append(s)
            tumpuk.append((lv, s))
            per_baris[x.baris] = s
        elif tumpuk:
            tumpuk[-1][1].indikator.append(x)
            per_baris.setdefault(x.baris, tumpuk[-1][1])
    return akar, per_baris


def _teks(v: float | None, persen: bool) -> str:
    if v is None:
        return "(kosong)"
    return f"{format_angka(v, 2)}%" if persen else format_angka(v, None if float(v).is_integer() else 2)


class _Banding:
    def __init__(self, b: BacaanForm, grup: dict[int, Gabungan], catatan: list[Catatan], skala: Skala) -> None:
        self.b = b
        self.grup = grup
        self.catatan = catatan
        self.skala = skala
        pindah: list[tuple[BarisSumber, BarisSumber, BarisSumber]] = []
        self.akar, self.simpul = _pohon(b, pindah)
        for x, di_lembar, induk in pindah:
            catatan.append(Catatan("kode", b.nama, b.grid.nama, x.kode_sel, (
                f"kode {x.kode} bukan turunan {di_lembar.kode} tempat baris ini tertulis; di Data Induk baris ini "
                f"masuk ke {induk.kode} (menurut kodenya), jadi jumlah Rp {induk.kode} dan di atasnya ikut "
                "berubah. Periksa kodenya."), tercetak=x.kode_asli or x.kode or "", seharusnya=f"{di_lembar.kode}.…"))
        self.bidang = {c: k for k, c in b.kolom.items()}
        self.nomor: dict[int, tuple[int, str | None]] = {c: ns for ns, c in b.formulir.kolom.items()}
        self.krp_satu_sel: set[tuple[int, int]] = set()    # (row, column number): K and Rp in the K cell

    # -- values -----------------------------------------------------------------------------------------

    def jenis(self, x: BarisSumber) -> JenisIndikator:
        gb = self.grup.get(id(x))
        return gb.jenis if gb is not None else K

    def nilai(self, x: BarisSumber, n: int, sub: str | None, simpul: _Simpul) -> float | Angka | None:
        """Column ``n`` (K or Rp) of this indicator: its input, or its rule evaluated on the inputs."""
        rp = sub == "Rp"
        a = self.b.formulir.aturan.get(n)
        if a is not None:
            jenis = K if rp else self.jenis(x)
            ops = [self.nilai(x, o, sub, simpul) for o in a.operand]
            if a.jenis == "jumlah":          # a grade-scored level takes its last grade
                return realisasi_tahun(ops, jenis, huruf=not rp and jenis is not K)
            return self.rasio(n, ops, jenis).nilai
        c = self.b.formulir.kol(n, sub)
        kunci = self.bidang.get(c) if c is not None else None
        if kunci is None:
            return None
        if rp or kunci in _RP_MASUK:
            return simpul.rp(kunci) if x is simpul.x else None
        ns = x.nilai.get(kunci)
        if ns is None:
            return None
        return ns.angka if ns.angka is not None and ns.nilai is None else ns.nilai  # a grade stays a grade

    def rasio(self, n: int, ops: list[float | Angka | None], jenis: JenisIndikator) -> Hasil:
        if self.b.form == "tc29" and n == 8:
            return tingkat_realisasi(ops[0], ops[1], jenis)
        return capaian(ops[0], ops[1], jenis)

    def hasil(self, x: BarisSumber, n: int, sub: str | None, simpul: _Simpul) -> Hasil | None:
        """The capaian of a ratio column as a Hasil (None for another column)."""
        a = self.b.formulir.aturan.get(n)
        if a is None or a.jenis != "rasio":
            return None
        jenis = K if sub == "Rp" else self.jenis(x)
        ops = [self.nilai(x, o, sub, simpul) for o in a.operand]
        return self.rasio(n, ops, jenis)

    # -- notes ------------------------------------------------------------------------------------------

    def catat(self, jenis: str, r: int, c: int, pesan: str, tercetak: str, seharusnya: str) -> None:
        self.catatan.append(Catatan(jenis, self.b.nama, self.b.grid.nama, alamat(r, c), pesan, tercetak,
                                    seharusnya))

    def cek_angka(self, jenis: str, r: int, c: int, harap: float | str | None, persen: bool, apa: str,
                  tercetak: Angka | None = None, alasan: str | None = None, kosong_boleh: bool = False) -> None:
        s = self.b.grid.get(r, c)
        if s.rumus is not None and s.nilai is None:
            return                      # a formula never calculated: nothing printed to compare
        a = tercetak if tercetak is not None else angka_sel(s)
        if isinstance(harap, str):          # a letter grade: the printed grade must be the same one
            if (a.huruf or "").strip().upper() != harap:
                self.catat(jenis, r, c, f"{apa} berbeda dengan hitungan dari masukan yang diimpor.",
                           teks_sel(s) or "(kosong)", harap)
            return
        p = a.nilai
        if (harap is None and p == 0 and not persen) or (p is None and a.kosong and harap == 0):
            return                      # nothing realised: 0 and a blank say the same
        if p is None and a.kosong and harap is None:
            return
        if p is None and not a.kosong and harap is None:
            if a.teks or a.huruf or a.rentang:
                return                  # text where no number is due: not a figure to compare
        if harap is None:
            self.catat(jenis, r, c, f"{apa}: tidak dapat dihitung ({alasan or 'masukan kosong'}) tetapi tercetak "
                                    "nilai.", teks_sel(s) if isinstance(s.nilai, str) else _teks(p, persen),
                       f"(kosong){' — ' + alasan if alasan else ''}")
            return
        if p is None:
            if a.kosong and not kosong_boleh and self.baris_terisi(r, c):
                self.catat(jenis, r, c, f"{apa} kosong; seharusnya terisi.", "(kosong)", _teks(harap, persen))
            return
        if sama_tercetak(p, harap, satuan_cetak(s)):
            return                      # rounded, or cut off, to the printed digits
        if persen and abs(p * 100 - harap) <= 0.01 + 1e-9 * abs(harap):
            return                      # a fraction shown without a % format
        dicetak = teks_sel(s) if isinstance(s.nilai, str) else _teks(p, persen)
        self.catat(jenis, r, c, f"{apa} berbeda dengan hitungan dari masukan yang diimpor.", dicetak,
                   _teks(harap, persen))

    # -- rows -------------------------------------------------------------------------------------------

    def baris(self) -> None:
        per_baris: dict[int, list[BarisSumber]] = {}
        for x in self.b.baris:
            per_baris.setdefault(x.baris, []).append(x)
        kosong = self.kolom_kosong()
        for r, xs in per_baris.items():
            simpul = self.simpul.get(r)
            if simpul is None:
                continue
            for (n, sub), c in sorted(self.b.turunan.items()):
                if c in kosong:
                    continue
                a = self.b.formulir.aturan[n]
                persen = a.jenis == "rasio"
                rp = sub == "Rp"
                apa = f"kolom {n}{' ' + sub if sub else ''} ({a.label})"
                if rp:
                    if xs[0] is not simpul.x or (r, n) in self.krp_satu_sel:
                        continue
                    h = self.hasil(xs[0], n, sub, simpul)
                    self.cek_angka("hitung", r, c, h.nilai if h else self.nilai(xs[0], n, sub, simpul), persen,
                                   apa, alasan=h.alasan if h is not None and h.nilai is None else None)
                    continue
                self.cek_k(r, c, n, sub, xs, simpul, persen, apa)
            self.cek_gulung(r, simpul, xs)

    def baris_terisi(self, r: int, c: int) -> bool:
        """The row has other derived (or roll-up) figures of the same kind (K or Rp) filled in: a blank cell
        there is a value left out, not a part of the form the author does not use."""
        sub = self.nomor.get(c, (0, None))[1]
        kolom = [cc for (n, s), cc in self.b.turunan.items() if (s == "Rp") == (sub == "Rp")]
        if sub == "Rp":
            kolom += [cc for k, cc in self.b.kolom.items() if k in _RP_MASUK]
        return any(self.b.grid.get(r, cc).nilai not in (None, "") and cc != c for cc in kolom)

    def kolom_kosong(self) -> set[int]:
        """Derived columns blank on every row: the author did not fill them in (Kalbar's 10 and 11); not
        reported cell by cell."""
        baris = {x.baris for x in self.b.baris}
        return {c for c in self.b.turunan.values()
                if all(self.b.grid.get(r, c).nilai in (None, "") for r in baris)}

    def cek_k(self, r: int, c: int, n: int, sub: str | None, xs: list[BarisSumber], simpul: _Simpul,
              persen: bool, apa: str) -> None:
        s = self.b.grid.get(r, c)
        nilai = bagian(angka_sel(s), len(xs))
        harap: list[tuple[float | None, str | None]] = []
        for x in xs:
            h = self.hasil(x, n, sub, simpul)
            harap.append((h.nilai, h.alasan) if h is not None else (self.nilai(x, n, sub, simpul), None))
        if len(xs) == 1 and len(nilai) == 2 and persen and (n, "Rp") in self.b.turunan:
            c_rp = self.b.turunan[(n, "Rp")]
            if self.b.grid.get(r, c_rp).nilai in (None, ""):
                # K and Rp printed in one cell ("61% 24%"): compare both here
                self.krp_satu_sel.add((r, n))
                h_rp = self.hasil(xs[0], n, "Rp", simpul)
                self.cek_angka("hitung", r, c, harap[0][0], persen, apa + " (K)", nilai[0], harap[0][1])
                self.cek_angka("hitung", r, c, h_rp.nilai if h_rp else None, persen, apa + " (Rp, di sel K)",
                               nilai[1], h_rp.alasan if h_rp is not None and h_rp.nilai is None else None)
                return
        if len(nilai) == len(xs) and len(xs) > 1:
            for i, (hv, alasan) in enumerate(harap):
                self.cek_angka("hitung", r, c, hv, persen, f"{apa}, indikator ke-{i + 1}", nilai[i], alasan)
            return
        if len(xs) > 1:
            # one value for several indicators: the core's rule is the mean of the per-indicator capaian
            if persen:
                rata = rata_rata([hv for hv, _ in harap])
                self.cek_angka("hitung", r, c, rata.nilai, persen, f"{apa}, rata-rata {len(xs)} indikator",
                               alasan=rata.alasan if rata.nilai is None else None)
            return
        self.cek_angka("hitung", r, c, harap[0][0], persen, apa, nilai[0] if len(nilai) == 1 else None, harap[0][1])

    def cek_gulung(self, r: int, simpul: _Simpul, xs: list[BarisSumber]) -> None:
        """Rp typed on a program/kegiatan row must be the sum of its children."""
        if not simpul.anak or xs[0] is not simpul.x:
            return
        for kunci, c in self.b.kolom.items():
            if kunci not in _RP_MASUK:
                continue
            self.cek_angka("jumlah", r, c, simpul.rp(kunci), False,
                           f"{self.label(c)} {simpul.x.kode or simpul.x.uraian[:40]}: jumlah dari "
                           f"{len(simpul.anak)} baris di bawahnya")

    def label(self, c: int) -> str:
        n, sub = self.nomor.get(c, (0, None))
        return f"kolom {n}{' ' + sub if sub else ''}" if n else "kolom"

    # -- footers ----------------------------------------------------------------------------------------

    def kaki(self) -> None:
        """Footer rows, grouped in runs (Jumlah, Rata-rata, Predikat printed together): a run covers the rows
        since the previous run; a footer "of the whole OPD" covers every row of the form."""
        baris_data = sorted({x.baris for x in self.b.baris})
        runs: list[list[tuple[int, str]]] = []
        for r, jenis in sorted(self.b.kaki):
            if runs and not any(runs[-1][-1][0] < rr < r for rr in baris_data):
                runs[-1].append((r, jenis))
            else:
                runs.append([(r, jenis)])
        ganti: list[int] = []           # rows where a new urusan/bidang starts (a repeated heading is not new)
        lalu: dict[str, str] = {}
        for r, jenis, teks in self.b.bidang:
            if teks != lalu.get(jenis):
                ganti.append(r)
            lalu[jenis] = teks
        batas = self.b.formulir.baris_data - 1
        for run in runs:
            batas = max([batas] + [g for g in ganti if g < run[0][0]])
            for r, jenis in run:
                label = " ".join(t for c in range(1, self.b.grid.max_col + 1) if (t := self.b.grid.teks(r, c)))
                awal = self.b.formulir.baris_data if _SELURUH.search(label) else batas + 1
                blok = [x for x in self.b.baris if awal <= x.baris < run[0][0]]
                if jenis == "jumlah":
                    self.kaki_jumlah(r, blok)
                elif jenis == "rata":
                    self.kaki_rata(r, blok)
                else:
                    self.kaki_predikat(r, blok, max((rr for rr, j in run if j == "rata" and rr < r), default=None))
            batas = run[-1][0]

    def _rata(self, blok: list[BarisSumber], n: int, sub: str | None) -> Hasil:
        items: list[Hasil | None] = []
        for x in blok:
            simpul = self.simpul.get(x.baris)
            if simpul is None or (sub == "Rp" and x is not simpul.x):
                continue
            items.append(self.hasil(x, n, sub, simpul))
        return rata_rata(items)

    def _kolom_capaian(self) -> list[tuple[int, str | None, int]]:
        return [(n, sub, c) for (n, sub), c in sorted(self.b.turunan.items())
                if self.b.formulir.aturan[n].jenis == "rasio" and not (self.b.form == "tc29" and n == 8)]

    def _sel_kaki(self, r: int, harap: Callable[[int, str | None], Hasil], pisah: Callable[[Sel], list],
                  periksa: Callable[[int, int, Hasil, str, object, int], None]) -> None:
        """Each capaian column of a footer row; a K cell holding "K Rp" (one cell) is split."""
        satu_sel: set[int] = set()
        for n, sub, c in self._kolom_capaian():
            if sub == "Rp" and n in satu_sel:
                continue
            s = self.b.grid.get(r, c)
            if sub == "K" and (n, "Rp") in self.b.turunan and \
                    self.b.grid.get(r, self.b.turunan[(n, "Rp")]).nilai in (None, ""):
                isi = pisah(s)
                if len(isi) == 2:
                    satu_sel.add(n)
                    periksa(r, c, harap(n, "K"), f"kolom {n} K", isi[0], 0)
                    periksa(r, c, harap(n, "Rp"), f"kolom {n} Rp (di sel K)", isi[1], 1)
                    continue
            periksa(r, c, harap(n, sub), f"kolom {n}{' ' + sub if sub else ''}", None, 0)

    def kaki_rata(self, r: int, blok: list[BarisSumber]) -> None:
        def periksa(r: int, c: int, h: Hasil, apa: str, tercetak: object, _ke: int) -> None:
            self.cek_angka("rata", r, c, h.nilai, True, f"rata-rata capaian {apa}",
                           tercetak if isinstance(tercetak, Angka) else None, h.alasan if h.nilai is None else None)

        self._sel_kaki(r, lambda n, sub: self._rata(blok, n, sub), lambda s: bagian(angka_sel(s)), periksa)

    def kaki_predikat(self, r: int, blok: list[BarisSumber], r_rata: int | None) -> None:
        """Predikat against the core's average; and, where it agrees, against the average printed above it
        (a predikat that does not fit its own printed percentage is a mistake of the document too)."""
        nama = sorted((t for _b, t in self.skala.ke_baris()), key=len, reverse=True)
        pola = re.compile("|".join(re.escape(t) for t in nama), re.IGNORECASE)

        def periksa(r: int, c: int, h: Hasil, apa: str, tercetak: object, ke: int) -> None:
            s = self.b.grid.get(r, c)
            if s.rumus is not None and s.nilai is None:
                return
            p = (tercetak if isinstance(tercetak, str) else teks_sel(s)).strip()
            benar = self.skala.predikat(h.nilai) if h.nilai is not None else None
            if p.lower() != (benar or "").lower() and (p or benar is not None):
                self.catat("predikat", r, c, f"predikat {apa} tidak sesuai rata-rata capaian "
                                             f"({_teks(h.nilai, True)}).", p or "(kosong)", benar or "(kosong)")
                return
            if r_rata is None or not p:
                return
            rata = bagian(angka_sel(self.b.grid.get(r_rata, c)))
            v = rata[ke].nilai if ke < len(rata) else None
            menurut = self.skala.predikat(v) if v is not None else None
            if menurut and menurut.lower() != p.lower():
                self.catat("predikat", r, c, f"predikat {apa} tidak sesuai rata-rata yang tercetak di atasnya "
                                             f"({_teks(v, True)}).", p, menurut)

        self._sel_kaki(r, lambda n, sub: self._rata(blok, n, sub), lambda s: pola.findall(teks_sel(s)), periksa)

    def kaki_jumlah(self, r: int, blok: list[BarisSumber]) -> None:
        tingkat = [int(x.tingkat or 9) for x in blok if self.simpul.get(x.baris) is not None]
        if not tingkat:
            return
        atas = min(tingkat)
        puncak = [s for x in blok if (s := self.simpul.get(x.baris)) is not None and s.x is x
                  and int(x.tingkat or 9) == atas]
        for kunci, c in self.b.kolom.items():
            if kunci in _RP_MASUK:
                isi = [v for v in (s.rp(kunci) for s in puncak) if v is not None]
                self.cek_angka("jumlah", r, c, math.fsum(isi) if isi else None, False,
                               f"jumlah {self.label(c)} dari {len(puncak)} program", kosong_boleh=True)
        for (n, sub), c in self.b.turunan.items():
            if sub != "Rp" or self.b.formulir.aturan[n].jenis != "jumlah":
                continue
            isi = [v for v in (self.nilai(s.x, n, sub, s) for s in puncak) if v is not None]
            self.cek_angka("jumlah", r, c, math.fsum(isi) if isi else None, False,
                           f"jumlah kolom {n} Rp dari {len(puncak)} program", kosong_boleh=True)


def bandingkan(bacaan: list[BacaanForm], gabungan: list[Gabungan], skala: Skala = SKALA_BAKU) -> list[Catatan]:
    """Every derived cell of every form against the core's value, as notes (empty when all agree)."""
    grup = {id(x): gb for gb in gabungan for x in gb.sumber}
    catatan: list[Catatan] = []
    for b in bacaan:
        bd = _Banding(b, grup, catatan, skala)
        bd.baris()
        bd.kaki()
    return catatan
