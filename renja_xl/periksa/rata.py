"""Rata-rata capaian and predikat rows, against the capaian the checker recomputed.

Every mean is ``capaian.rata_rata`` (no target: left out; target and no realisasi: 0) over the recomputed
capaian of the rows above (a row with several indicators counts as the mean of its indicators, as
``capaian_jamak`` gives it); every predikat is ``predikat.predikat``. renja-xl's own forms average every
indicator row of the block (docs/keputusan.md §3); the rule seen in real documents averages the items of the
highest level that has at least two; a value that matches another rule (without zeros, another level) is a
warning, one that matches none an error.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from renja_xl.capaian import rata_rata
from renja_xl.periksa.baris import ITEM, KEGIATAN, LABEL, PREDIKAT, PROGRAM, RATA, SUB, Baris
from renja_xl.periksa.nilai import Nilai, banding, sub_teks, teks_angka, teks_persen
from renja_xl.predikat import predikat

if TYPE_CHECKING:
    from renja_xl.periksa.pemeriksa import Pemeriksa

__all__ = ["periksa"]

_KATA_PREDIKAT = re.compile(r"(?i)(?:sangat\s+)?(?:tinggi|rendah)|sedang")


def _rata(nilai: list[float]) -> float | None:
    return rata_rata(nilai).nilai


Sumber = dict[tuple[int, str | None], list]


def capaian_item(p: Pemeriksa, item: Baris, s: str | None, sumber: Sumber | None = None) -> float | None:
    """An item's capaian: the mean over its indicator rows (and the values of a multi-indicator cell),
    recomputed (``p.capaian``) or as printed (``p.capaian_cetak``)."""
    sumber = p.capaian if sumber is None else sumber
    return _rata([x for r in p.baris_item().get(item.r, ()) for x in sumber.get((r, s), []) if x is not None])


def periksa(p: Pemeriksa) -> None:
    f = p.form
    n = f.kolom_rasio_terakhir()
    if n is None:
        return
    subs = f.subs(n)
    awal = 0
    rata_terakhir: dict[str | None, tuple[Nilai, int]] = {}
    bidang_aktif = None
    for idx, b in enumerate(p.baris):
        if b.jenis == "bidang" and p.kunci(b)[1] != bidang_aktif:
            awal = idx
            bidang_aktif = p.kunci(b)[1]
        if b.jenis == RATA:
            blok = [x for x in p.baris[awal:idx] if x.jenis in ITEM]
            awal = idx + 1
            for s in subs:
                v, c = p.nilai_nomor(b.r, n, s)
                if v.nilai is None or c is None:
                    rata_terakhir.pop(s, None)    # the predikat below has no average of its own to match
                    continue
                rata_terakhir[s] = (v, b.r)
                _satu_rata(p, b, c, v, blok, s)
        elif b.jenis == PREDIKAT:
            for s in subs:
                if s in rata_terakhir:
                    _satu_predikat(p, b, n, s, rata_terakhir[s][0])
            awal = idx + 1


def _satu_predikat(p: Pemeriksa, b: Baris, n: int, s: str | None, v: Nilai) -> None:
    f = p.form
    c = f.kol(n, s)
    harus = predikat(v.nilai)
    kata = p.grid.teks(b.r, c)
    ck, crp = f.kol(n, "K"), f.kol(n, "Rp")
    if ck and crp and ck != crp and not p.grid.teks(b.r, crp):
        kata_k = _KATA_PREDIKAT.findall(p.grid.teks(b.r, ck))
        if len(kata_k) == 2:       # "Tinggi Rendah" printed in one cell
            c = ck
            kata = kata_k[0] if s == "K" else kata_k[1]
    if not kata:
        p.tambah(b.r, c, "predikat.kosong", "salah",
                 f"Predikat{sub_teks(s)} kosong untuk rata-rata {teks_persen(v.nilai, v.desimal)}.",
                 seharusnya=harus, ditemukan="")
    elif re.sub(r"\s+", " ", kata.strip().lower()) != (harus or "").lower():
        p.tambah(b.r, c, "predikat.salah", "salah",
                 f"Predikat{sub_teks(s)} '{kata}' tidak sesuai skala Permendagri 86/2017 untuk "
                 f"{teks_persen(v.nilai, v.desimal)} (≥91 Sangat Tinggi, ≥76 Tinggi, ≥66 Sedang, ≥51 Rendah).",
                 seharusnya=harus, ditemukan=kata)


def _kandidat(p: Pemeriksa, blok: list[Baris], s: str | None, sumber: Sumber
              ) -> tuple[str | None, dict[str, float], dict[str, int], float | None]:
    """Every averaging rule's value over the block: the main rule's key, the values by rule, how many items
    each averages, and the every-indicator-row mean that renja-xl's own forms use."""
    per_level: dict[str, list[Baris]] = defaultdict(list)
    terlihat = set()
    for x in blok:
        k = p.kunci(x)
        if k in terlihat and k[1]:
            continue
        terlihat.add(k)
        per_level[x.jenis].append(x)
    level = [lv for lv in (PROGRAM, KEGIATAN, SUB) if per_level.get(lv)]
    kandidat: dict[str, float] = {}
    jumlah: dict[str, int] = {}
    for lv in level:
        nilai = [x for x in (capaian_item(p, it, s, sumber) for it in per_level[lv]) if x is not None]
        e = _rata(nilai)
        if e is None:
            continue
        jumlah[lv] = len(nilai)
        kandidat[lv] = e
        tanpa_nol = [x for x in nilai if x > 0]
        if tanpa_nol and len(tanpa_nol) < len(nilai):
            kandidat[lv + "_tanpa_nol"] = _rata(tanpa_nol)  # type: ignore[assignment]
    baris_item = p.baris_item()
    semua = [x for it in blok if it.jenis == SUB for r in baris_item.get(it.r, ())
             for x in sumber.get((r, s), []) if x is not None]
    e_indikator = _rata(semua)
    if e_indikator is not None:
        kandidat["indikator"] = e_indikator     # every indicator row weighs the same
    ada = [lv for lv in level if lv in kandidat]
    utama = next((lv for lv in ada if jumlah[lv] >= 2), ada[-1]) if ada else None
    # renja-xl's generated forms: every indicator row of the block weighs the same (docs/keputusan.md §3)
    tiap_baris = _rata([x for it in blok for r in baris_item.get(it.r, ()) for x in sumber.get((r, s), [])
                        if x is not None])
    return utama, kandidat, jumlah, tiap_baris


def _cocok(v: Nilai, utama: str | None, kandidat: dict[str, float], tiap_baris: float | None) -> bool:
    return any(e is not None and banding(v, e, rasio=True) == "ok"
               for e in ((kandidat[utama] if utama else None), tiap_baris))


def _satu_rata(p: Pemeriksa, b: Baris, c: int, v: Nilai, blok: list[Baris], s: str | None) -> None:
    if v.nilai is None:
        return
    utama, kandidat, jumlah, tiap_baris = _kandidat(p, blok, s, p.capaian)
    if utama is None or _cocok(v, utama, kandidat, tiap_baris):
        return
    # the mean of the capaian as printed: a wrong row is reported at that row, not again here (once it is
    # corrected a formula-driven rata-rata follows; a typed one is reported on the next check)
    e = kandidat[utama]
    d = v.desimal if v.desimal is not None else 2
    u_cetak, k_cetak, _j, t_cetak = _kandidat(p, blok, s, p.capaian_cetak)
    if _cocok(v, u_cetak, k_cetak, t_cetak):
        p.tambah(b.r, c, "rata_rata.ikut_baris", "info",
                 f"Rata-rata capaian{sub_teks(s)} {teks_persen(v.nilai, d)} sesuai dengan capaian yang tercetak di "
                 f"atasnya; setelah capaian baris yang salah diperbaiki, rata-ratanya menjadi {teks_persen(e, d)} "
                 f"(predikat {predikat(e)}).", seharusnya=teks_persen(e, d), ditemukan=p.ditemukan(b.r, c))
        return
    for k, x in kandidat.items():
        if k != utama and banding(v, x, rasio=True) in ("ok", "potong"):
            p.tambah(b.r, c, "rata_rata.aturan", "peringatan",
                     f"Rata-rata capaian{sub_teks(s)} {teks_persen(v.nilai, d)} dihitung dengan aturan lain "
                     f"(rata-rata {LABEL.get(k.replace('_tanpa_nol', ''), k)}"
                     f"{' tanpa nilai nol' if 'tanpa_nol' in k else ''}); aturan baku: "
                     f"rata-rata capaian {jumlah[utama]} {LABEL[utama]} = {teks_persen(e, d)}.",
                     seharusnya=teks_persen(e, d), ditemukan=p.ditemukan(b.r, c))
            return
    if banding(v, e, rasio=True) == "potong":
        p.tambah(b.r, c, "rata_rata.pembulatan", "peringatan",
                 f"Rata-rata capaian{sub_teks(s)} {teks_angka(e, 4)}% dipotong, bukan dibulatkan.",
                 seharusnya=teks_persen(e, d), ditemukan=p.ditemukan(b.r, c))
        return
    p.tambah(b.r, c, "rata_rata.salah", "salah",
             f"Rata-rata capaian{sub_teks(s)} {teks_persen(v.nilai, d)} tidak sesuai: rata-rata capaian (dihitung "
             f"ulang) {jumlah[utama]} {LABEL[utama]} di atasnya = {teks_persen(e, d)}.",
             seharusnya=teks_persen(e, d), ditemukan=p.ditemukan(b.r, c))
