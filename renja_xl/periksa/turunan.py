"""Derived columns: every cell a form computes from other cells of its row, recomputed by the core.

The rules come from the form's own numbering row (``12 = 8+9+10+11``, ``13 = 6+12``, ``14 = 13/5``, T-C.29
``8 = 7/6``, ``10 = 5+7+9``, ``11 = 10/4``); the values come from ``renja_xl.capaian`` — ``realisasi_tahun``
and ``realisasi_renstra`` for sums (a level takes its last filled value), ``capaian`` for ratios (menurun =
target / realisasi; bounds, ranges and grades as the core decides), ``tingkat_realisasi`` for T-C.29 col 8,
``capaian_jamak`` for a cell holding several indicators. The checker does no arithmetic of its own.

Derived values are recomputed from the *corrected* operands (Rp and cumulative K), so an error propagates to
the cells of the same row that depend on it (a wrong column 13 also makes column 14 wrong).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from renja_xl.capaian import (Hasil, JenisIndikator, capaian, capaian_jamak, jumlah, realisasi_renstra,
                              realisasi_tahun, tingkat_realisasi)
from renja_xl.periksa.baris import Baris
from renja_xl.periksa.deteksi import Aturan
from renja_xl.periksa.nilai import (HITUNG, KOSONG, Nilai, banding, elemen, kapital, kosong, parse_teks,
                                    teks_angka, teks_persen)

if TYPE_CHECKING:
    from renja_xl.periksa.pemeriksa import Pemeriksa

__all__ = ["periksa"]

K = JenisIndikator.KUMULATIF
_TRIWULAN = frozenset((8, 9, 10, 11))
_TANPA_TARGET = ("target_kosong", "target_nol", "target_negatif", "bukan_angka")


def periksa(p: Pemeriksa) -> None:
    f = p.form
    akhir = f.kolom_rasio_terakhir()
    # every derived cell of a row, in rule order: (number, rule, K/Rp, column)
    langkah = [(n, f.aturan[n], s, c) for n in sorted(f.aturan) for s in f.subs(n) if (c := f.kol(n, s)) is not None]
    for b in p.item_rows():
        benar: dict[tuple[int, str | None], list[Nilai]] = {}

        def ambil(n: int, s: str | None) -> list[Nilai]:
            x = benar.get((n, s))
            return x if x is not None else elemen(p.nilai_nomor(b.r, n, s)[0])

        for n, a, s, c in langkah:
            hasil = _satu(p, b, a, s, c, ambil)
            if hasil is None:
                continue
            if len(hasil) == 1 and hasil[0].nilai is not None:
                p.benar[(b.r, c)] = hasil[0].nilai
            j, pasti = p.jenis(b)
            if s == "Rp" or a.jenis == "rasio" or j is K or pasti:
                benar[(n, s)] = hasil
            if a.jenis == "rasio" and n == akhir:
                p.capaian[(b.r, s)] = [x.nilai if x.asli == HITUNG else None for x in hasil]
                p.capaian_cetak[(b.r, s)] = [x.nilai for x in elemen(p.nilai_nomor(b.r, n, s)[0])
                                             if x.nilai is not None]


def _satu(p: Pemeriksa, b: Baris, a: Aturan, s: str | None, c: int,
          ambil: Callable[[int, str | None], list[Nilai]]) -> list[Nilai] | None:
    """Check one derived cell; returns its values as they should be (recomputed where possible)."""
    cetak, c_baca = p.nilai_nomor(b.r, a.nomor, s)
    c = c_baca or c
    if cetak.galat or cetak.teks:
        return None
    sel = p.grid.get(b.r, c)
    tak_dihitung = sel.rumus is not None and sel.nilai is None     # a formula nobody has calculated yet
    ops = [ambil(n, s) for n in a.operand]
    el_cetak = elemen(cetak)
    uang = s == "Rp"
    j, pasti = (K, True) if uang else p.jenis(b)
    tunggal = len(el_cetak) == 1 and all(len(o) == 1 for o in ops)
    if a.jenis == "jumlah" and not uang and (any(o[0].huruf for o in ops) if tunggal
                                              else any(x.huruf for o in ops for x in o)):
        return _huruf_tahun(p, b, a, c, el_cetak, ops, j, tak_dihitung)
    if tunggal:     # one value per operand and printed: what the general case below gives for L = 1
        harapan = [_harapan(p, a, [o[0] for o in ops], j, uang)]
    else:
        harapan = _harapan_jamak(p, a, ops, el_cetak, j, uang)
        if harapan is None:
            return None
    L = len(harapan)
    hasil: list[Nilai] = []
    for i, (h, alt) in enumerate(harapan):
        pc = el_cetak[i] if len(el_cetak) == L else KOSONG
        e = h.nilai if h is not None else None
        hasil.append(Nilai(asli=HITUNG, nilai=e, kosong=False) if e is not None else pc)
        if tak_dihitung or h is None:
            continue
        if e is None:
            _tanpa_capaian(p, b, a, c, pc, h, uang)
            continue
        _bandingkan(p, b, a, s, c, pc, e, alt, L, i, j, h)
    return hasil


def _harapan_jamak(p: Pemeriksa, a: Aturan, ops: list[list[Nilai]], el_cetak: list[Nilai], j: JenisIndikator,
                   uang: bool) -> list[tuple[Hasil | None, float | None]] | None:
    """Expected values when an operand or the printed cell holds several values (None: they do not pair up)."""
    panjang = {len(o) for o in ops if not (len(o) == 1 and kosong(o[0]))}
    dicetak = len(el_cetak) > 1 or not kosong(el_cetak[0])
    if a.jenis == "rasio" and panjang and max(panjang) > 1 and len(el_cetak) == 1:
        # several indicators in one row, one capaian printed: the mean of their capaian (capaian_jamak)
        return [(capaian_jamak(*[[x.inti for x in o] for o in ops], j), None)]
    if dicetak:
        panjang.add(len(el_cetak))
    if len(panjang) > 1:
        return None     # several values that do not pair up: reported by the text check
    L = panjang.pop() if panjang else 1
    per = [[o[i] if len(o) == L else KOSONG for o in ops] for i in range(L)]
    if a.jenis == "rasio" and L > 1:
        h = capaian_jamak([x[0].inti for x in per], [x[1].inti for x in per], j)
        return [(r, None) for r in h.rincian] if len(h.rincian) == L else [(None, None)] * L
    return [_harapan(p, a, o_i, j, uang) for o_i in per]


def _huruf_tahun(p: Pemeriksa, b: Baris, a: Aturan, c: int, el_cetak: list[Nilai], ops: list[list[Nilai]],
                 j: JenisIndikator, tak_dihitung: bool) -> list[Nilai] | None:
    """A year (or Renstra) value of an indicator scored in letter grades: the last filled grade
    (``realisasi_tahun(..., huruf=True)``), compared as a grade; it feeds the capaian as the core reads it."""
    if j is K or len(el_cetak) != 1 or any(len(o) != 1 for o in ops) \
            or not all(o[0].huruf or kosong(o[0]) for o in ops):
        return None          # a grade in a flow, grades mixed with numbers: nothing honest to compute
    nilai = [o[0].huruf for o in ops]
    if set(a.operand) <= _TRIWULAN or len(nilai) not in (2, 3):
        e = realisasi_tahun(nilai, j, huruf=True)
    else:
        e = realisasi_renstra(nilai[0], nilai[1], j, perkiraan=nilai[2] if len(nilai) == 3 else None, huruf=True)
    if not isinstance(e, str):
        return None
    pc = el_cetak[0]
    if not tak_dihitung and (pc.huruf or "").upper() != e:
        rumus = f"{a.nomor} = {' + '.join(map(str, a.operand))}"
        apa = f"kolom {a.nomor} K pada {p.nama_baris(b)}"
        if kosong(pc):
            p.tambah(b.r, c, "hitung.kosong", "peringatan",
                     f"{kapital(apa)} kosong, padahal menurut rumus {rumus} nilainya {e} (nilai huruf terakhir).",
                     seharusnya=e, ditemukan=p.ditemukan(b.r, c))
        else:
            p.tambah(b.r, c, "hitung.jumlah", "salah",
                     f"{kapital(apa)} tidak sesuai rumus {rumus}: indikator bernilai huruf, nilainya huruf "
                     f"terakhir yang terisi, {e}.", seharusnya=e, ditemukan=p.ditemukan(b.r, c))
    return [parse_teks(e)]


def _harapan(p: Pemeriksa, a: Aturan, o: list[Nilai], j: JenisIndikator, uang: bool
             ) -> tuple[Hasil | None, float | None]:
    """The core's value of one derived cell from its operands, and the sum a level must not be (or None)."""
    if any(x.teks for x in o):
        return None, None        # text in an operand is reported by the text check, not guessed around
    if a.jenis == "jumlah":
        if any(x.huruf for x in o) or all(kosong(x) for x in o):
            return None, None
        nilai = [x.inti for x in o]
        if set(a.operand) <= _TRIWULAN:
            e = realisasi_tahun(nilai, j)
        elif len(nilai) in (2, 3):
            e = realisasi_renstra(nilai[0], nilai[1], j, perkiraan=nilai[2] if len(nilai) == 3 else None)
        else:
            e = realisasi_tahun(nilai, j)
        alt = jumlah(nilai) if j is not K and not uang else None
        return Hasil(e), alt
    r, t = o[0].inti, o[1].inti
    if p.form.jenis == "T-C.29" and a.operand == (7, 6):
        return tingkat_realisasi(r, t, j), None
    return capaian(r, t, j), None


def _tanpa_capaian(p: Pemeriksa, b: Baris, a: Aturan, c: int, pc: Nilai, h: Hasil, uang: bool) -> None:
    """A capaian printed where the core has none (no target, target 0, menurun with realisasi 0 …)."""
    if a.jenis != "rasio" or not pc.nilai or uang or h.status in ("huruf", "tidak_sebanding"):
        return
    if h.status in _TANPA_TARGET:
        p.tambah(b.r, c, "hitung.tanpa_target", "peringatan",
                 f"Capaian {teks_persen(pc.nilai, pc.desimal)} dicetak padahal targetnya (kolom {a.operand[1]}) "
                 "kosong atau nol; capaian tidak bisa dihitung.", ditemukan=p.ditemukan(b.r, c))
    else:
        p.tambah(b.r, c, "hitung.tak_terdefinisi", "peringatan",
                 f"Capaian {teks_persen(pc.nilai, pc.desimal)} dicetak padahal tidak dapat dihitung: {h.alasan}",
                 ditemukan=p.ditemukan(b.r, c))


def _bandingkan(p: Pemeriksa, b: Baris, a: Aturan, s: str | None, c: int, pc: Nilai, e: float,
                alt: float | None, L: int, i: int, j: JenisIndikator, h: Hasil) -> None:
    rasio = a.jenis == "rasio"
    if pc.nilai is None:
        if abs(e) <= 1e-9:
            return
        hasil = ""
    else:
        hasil = banding(pc, e, rasio=rasio)
        if hasil == "ok":
            return
    uang = s == "Rp"
    d = pc.desimal if pc.desimal is not None else (2 if rasio else (0 if uang else 2))
    teks_e = teks_persen(e, d) if rasio else teks_angka(e, d)
    bagian = f" (nilai ke-{i + 1})" if L > 1 else ""
    kol = f"kolom {a.nomor}{' ' + s if s else ''}"
    apa = f"{kol} pada {p.nama_baris(b)}{bagian}"
    if rasio:
        x, y = a.operand
        ops = f"{x}/{y} × 100%"
        if j is JenisIndikator.MENURUN and not uang:
            ops += f" (indikator menurun: {y}/{x} × 100%)"
    else:
        ops = " + ".join(map(str, a.operand))
    rumus = f"{a.nomor} = {ops}"
    if pc.nilai is None:
        p.tambah(b.r, c, "hitung.kosong", "peringatan",
                 f"{kapital(apa)} kosong, padahal menurut rumus {rumus} nilainya {teks_e}.",
                 seharusnya=teks_e, ditemukan=p.ditemukan(b.r, c))
        return
    jenis_k = "hitung.capaian" if rasio else "hitung.jumlah"
    if h.status == "huruf":
        p.tambah(b.r, c, "hitung.huruf", "peringatan",
                 f"{kapital(apa)}: {teks_persen(pc.nilai, d)} tidak sama dengan capaian nilai huruf pada skala urut "
                 f"{teks_e}. {h.alasan}", seharusnya=teks_e, ditemukan=p.ditemukan(b.r, c))
        return
    if hasil == "potong":
        p.tambah(b.r, c, "hitung.pembulatan", "peringatan",
                 f"{kapital(apa)}: {teks_angka(e, 4)} dipotong menjadi {teks_angka(pc.nilai, d)}, bukan dibulatkan.",
                 seharusnya=teks_e, ditemukan=p.ditemukan(b.r, c))
        return
    if hasil == "pecahan":
        p.tambah(b.r, c, jenis_k, "salah",
                 f"{kapital(apa)}: rasio ditulis tanpa dikali 100 ({teks_angka(pc.nilai, d)}% seharusnya {teks_e}).",
                 seharusnya=teks_e, ditemukan=p.ditemukan(b.r, c))
        return
    if alt is not None and banding(pc, alt, rasio=False) == "ok":
        p.tambah(b.r, c, "hitung.jenis_indikator", "peringatan",
                 f"{kapital(apa)}: nilai triwulan dijumlahkan ({teks_angka(alt, d)}), padahal indikator ini "
                 f"berupa tingkat/persentase yang tidak dijumlahkan (nilai terakhir {teks_e}).",
                 seharusnya=teks_e, ditemukan=p.ditemukan(b.r, c))
        return
    p.tambah(b.r, c, jenis_k, "salah", f"{kapital(apa)} tidak sesuai rumus {rumus}: seharusnya {teks_e}.",
             seharusnya=teks_e, ditemukan=p.ditemukan(b.r, c),
             saran="Isi dengan rumus Excel agar dihitung otomatis." if not p.grid.get(b.r, c).rumus else None)
