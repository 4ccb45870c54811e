"""The in-memory nomenclature catalog: lookup, children, fuzzy search and successor codes.

Pure (no file I/O): :mod:`renja_xl.nomenklatur.simpan` loads a stored version into a :class:`Katalog`,
:mod:`renja_xl.nomenklatur.impor` builds the entries from official files. Lookups are plain dict hits on
canonical code text so that validating hundreds of thousands of codes stays cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Iterator

from renja_xl.kode import ERA_2_DIGIT, ERA_4_DIGIT, Tingkat, parse_kode

__all__ = ["Entri", "Katalog", "normal_nama", "PEMDA_PROV", "PEMDA_KABKOT", "DASAR_2_DIGIT", "DASAR_4_DIGIT",
           "Era", "ERA_90_2019", "ERA_5889_2021", "ERA_2027", "SEMUA_ERA", "era_dari_kode", "era_dokumen",
           "era_katalog", "pilih_versi", "tahun_dari_teks", "digit_pemda_kode", "level_cocok"]

PEMDA_PROV = "PROV"
PEMDA_KABKOT = "KABKOT"
#: Human names of the two coding eras (used in messages).
DASAR_2_DIGIT = f"{ERA_2_DIGIT} / Kepmendagri 050-3708/2020 (sub kegiatan 2 digit)"
DASAR_4_DIGIT = f"{ERA_4_DIGIT} dan perubahannya (sub kegiatan 4 digit)"



@dataclass(frozen=True, slots=True)
class Era:
    """One generation of the official list. ``digit_sub`` decides whether a code can be judged by a list
    of this era at all (a 2-digit sub kegiatan never exists in a 4-digit list); ``mulai`` is the first
    planning year the era governs, used to tell two 4-digit eras apart by a document's year."""

    kode: str
    digit_sub: int
    nama: str
    mulai: int
    nama_versi: str  # default version name of an imported list of this era
    contoh_impor: str  # what to import to get a list of this era (for messages)


ERA_90_2019 = Era("permendagri-90-2019", 2, DASAR_2_DIGIT, 2020, "permendagri-90-2019",
                  "daftar era 2 digit, mis. CSV kode,nama legacy_permendagri90_kep050-3708_2020_simcan_flat.csv")
ERA_5889_2021 = Era("kepmendagri-050-5889-2021", 4, DASAR_4_DIGIT, 2022, "kepmendagri-2021",
                    "lampiran Kepmendagri 050-5889/2021 atau perubahannya (900.1.15.5-1317/2023, "
                    "900.1.15.5-3406/2024) .xlsx, atau ekspor SIPD tahun dokumen")
ERA_2027 = Era("sipd-2027", 4, "daftar nomenklatur SIPD pemutakhiran 2027 (sub kegiatan 4 digit)", 2027, "sipd-2027",
               "ekspor nomenklatur SIPD 2027 (.xlsx)")
SEMUA_ERA = (ERA_90_2019, ERA_5889_2021, ERA_2027)
_ERA_PER_KODE = {e.kode: e for e in SEMUA_ERA}
_TAHUN = re.compile(r"(?<!\d)(20[1-4]\d)(?!\d)")
_TAHUN_ANGGARAN = re.compile(r"(?i)tahun(?:\s+anggaran)?\s*:?\s*(20[1-4]\d)(?!\d)")


def tahun_dari_teks(teks: str) -> int | None:
    """The year a title or file name names: the one after 'Tahun (Anggaran)' first, else the most frequent."""
    m = _TAHUN_ANGGARAN.search(teks or "")
    if m:
        return int(m.group(1))
    semua = _TAHUN.findall(teks or "")
    if not semua:
        return None
    return int(max(set(semua), key=lambda y: (semua.count(y), y)))


def era_dari_kode(kode: str) -> Era | None:
    """The era a canonical sub kegiatan code belongs to by its width (2 digits: 90/2019; 4 digits: the
    4-digit family, reported as 050-5889/2021); None for codes above sub kegiatan (valid in every era)."""
    seg = kode.split(".")
    if len(seg) != 6:
        return None
    return ERA_90_2019 if len(seg[5]) == 2 else ERA_5889_2021 if len(seg[5]) == 4 else None


def era_dokumen(digit_sub: int | None, tahun: int | None = None) -> Era | None:
    """The era of a document from the width of its sub kegiatan codes and its year: 2 digits are always
    Permendagri 90/2019; 4 digits are the 2027 list from planning year 2027, 050-5889/2021 before."""
    if digit_sub == 2:
        return ERA_90_2019
    if digit_sub == 4:
        return ERA_2027 if tahun is not None and tahun >= ERA_2027.mulai else ERA_5889_2021
    return None


def era_katalog(info: dict, digit_sub: int | None) -> Era | None:
    """The era of a stored list: recorded at import, else inferred from its width, source and year."""
    e = _ERA_PER_KODE.get(str(info.get("era") or ""))
    if e is not None:
        return e
    digit = digit_sub or info.get("digit_sub")
    tahun = info.get("tahun") or tahun_dari_teks(str(info.get("sumber") or ""))
    return era_dokumen(int(digit) if digit else None, int(tahun) if tahun else None)


def pilih_versi(versi: list[dict], era: Era, aktif: str | None = None) -> str | None:
    """The installed version to judge a document of ``era`` by: the same era first (the active one, then
    the latest year, then the latest imported), else one of the same sub kegiatan width; None when no
    installed list has that width. ``versi`` is ``simpan.daftar_versi()`` (name + import facts)."""
    calon = []
    for urut, v in enumerate(versi):
        e = era_katalog(v, None)
        if e is None or e.digit_sub != era.digit_sub:
            continue
        calon.append((e == era, v.get("nama") == aktif, int(v.get("tahun") or 0), urut, v.get("nama")))
    if not calon:
        return None
    return max(calon)[4]


def digit_pemda_kode(kode: str) -> str | None:
    """The 4th segment (digit pemda) of a canonical kegiatan/sub kegiatan code."""
    seg = kode.split(".")
    return seg[3] if len(seg) >= 5 else None


_BUKAN_HURUF = re.compile(r"[\W_]+", re.UNICODE)


def normal_nama(nama: str) -> str:
    """Lower-case words only: case, spacing and punctuation never make two names differ."""
    return " ".join(_BUKAN_HURUF.sub(" ", nama.casefold()).split())


@dataclass(frozen=True, slots=True)
class Entri:
    """One official code. ``pemda`` is ``"PROV"``, ``"KABKOT"`` or ``"PROV,KABKOT"``; ``nama_lain`` holds
    other official names of the same code (the X.XX.01 program is named per pemda kind);
    ``sebelumnya`` the predecessor codes the list records (SIPD's SUBKEGIATAN SEBELUMNYA)."""

    kode: str
    tingkat: Tingkat
    nama: str
    pemda: str = ""
    kinerja: str = ""
    indikator: str = ""
    satuan: str = ""
    sebelumnya: tuple[str, ...] = ()
    nama_lain: tuple[str, ...] = ()
    dasar: str = ""

    @property
    def era(self) -> str | None:
        """'2' or '4' (sub kegiatan digits) for sub kegiatan codes, None above."""
        if self.tingkat is not Tingkat.SUB_KEGIATAN:
            return None
        return str(len(self.kode.rsplit(".", 1)[-1]))

    @property
    def semua_nama(self) -> tuple[str, ...]:
        return (self.nama,) + self.nama_lain

    def untuk_pemda(self, jenis: str) -> bool:
        """True when the code is listed for that pemda kind (``PROV``/``KABKOT``); unknown counts as yes."""
        return not self.pemda or jenis in self.pemda.split(",")


def _induk_langsung(kode: str) -> str | None:
    seg = kode.split(".")
    n = len(seg)
    if n <= 1:
        return None
    potong = {2: 1, 3: 2, 5: 3, 6: 5}.get(n)
    return ".".join(seg[:potong]) if potong else None


def _ke_template(kode: str) -> str | None:
    """``2.17.01.2.01.0001`` -> ``X.XX.01.2.01.0001`` (program 01 of a concrete bidang), else None."""
    seg = kode.split(".")
    if len(seg) >= 3 and seg[2] == "01" and seg[0] != "X":
        return "X.XX." + ".".join(seg[2:])
    return None


class Katalog:
    """One version of the official list, in memory. Codes are canonical dotted text (``2.17.02.1.02.0005``)."""

    def __init__(self, entri: Iterable[Entri], *, nama: str = "", info: dict | None = None) -> None:
        self.nama = nama
        self.info: dict = dict(info or {})
        self._peta: dict[str, Entri] = {}
        for e in entri:
            self._peta[e.kode] = e
        self._bidang = {k for k, e in self._peta.items() if e.tingkat is Tingkat.BIDANG and not k.startswith("X")}
        # sub kegiatan width that dominates the list (2 or 4); None for a list without sub kegiatan
        lebar = [len(k.rsplit(".", 1)[-1]) for k, e in self._peta.items() if e.tingkat is Tingkat.SUB_KEGIATAN]
        self.digit_sub: int | None = (4 if lebar.count(4) >= lebar.count(2) else 2) if lebar else None
        self._pengganti: dict[str, list[str]] = {}
        for k, e in self._peta.items():
            for lama in e.sebelumnya:
                if lama != k:
                    self._pengganti.setdefault(lama, []).append(k)

    # ---- basics
    def __len__(self) -> int:
        return len(self._peta)

    def __iter__(self) -> Iterator[Entri]:
        return iter(self._peta.values())

    def __contains__(self, kode: object) -> bool:
        return isinstance(kode, str) and self.cari(kode) is not None

    def __repr__(self) -> str:
        return f"Katalog({self.nama!r}, {len(self)} kode)"

    @property
    def era(self) -> Era | None:
        """The era of this list (recorded at import or inferred from its width and year)."""
        return era_katalog(self.info, self.digit_sub)

    @property
    def dasar_hukum(self) -> str:
        """The regulation family of this list, for messages."""
        if self.info.get("dasar_hukum"):
            return str(self.info["dasar_hukum"])
        return DASAR_2_DIGIT if self.digit_sub == 2 else DASAR_4_DIGIT

    def jumlah(self) -> dict[str, int]:
        """Distinct codes per level (label -> count)."""
        hasil = {t.label: 0 for t in Tingkat}
        for e in self._peta.values():
            hasil[e.tingkat.label] += 1
        return hasil

    # ---- lookup
    def langsung(self, kode: str) -> Entri | None:
        """Exact lookup of canonical code text (no template resolution)."""
        return self._peta.get(kode)

    def cari_kanonik(self, kode: str) -> Entri | None:
        """Like :meth:`cari` for canonical code text only (no parsing): the hot path of validation."""
        e = self._peta.get(kode)
        if e is None and len(kode) >= 7 and kode[4:7] == ".01" and kode[:4] in self._bidang:
            e = self._peta.get("X.XX" + kode[4:])
        return e

    @cached_property
    def _induk_lengkap(self) -> frozenset[str]:
        """Codes whose every parent is in the list (checked once, so validation need not)."""
        hasil = set()
        for k in self._peta:
            induk = _induk_langsung(k)
            ok = True
            while induk is not None:
                if induk not in self._peta:
                    ok = False
                    break
                induk = _induk_langsung(induk)
            if ok:
                hasil.add(k)
        return frozenset(hasil)

    def induk_lengkap(self, kode: str) -> bool:
        """True when every parent of a catalog code (canonical) exists; program 01 via its template."""
        if kode in self._induk_lengkap:
            return True
        if kode[4:7] == ".01" and kode[:4] in self._bidang and kode[0] in self._peta:
            return ("X.XX" + kode[4:]) in self._induk_lengkap
        return False

    def cari(self, kode: str) -> Entri | None:
        """The entry for a code; program 01 of a concrete bidang resolves through ``X.XX.01...``
        (only when that bidang exists). Accepts un-normalised text too."""
        if isinstance(kode, str):
            e = self.cari_kanonik(kode)
            if e is not None:
                return e
        normal = kode if isinstance(kode, str) and kode in self._peta else parse_kode(kode).normal
        if normal is None:
            return None
        e = self._peta.get(normal)
        if e is not None:
            return e
        tpl = _ke_template(normal)
        if tpl is not None and self.ada_bidang(".".join(normal.split(".")[:2])):
            return self._peta.get(tpl)
        return None

    def ada_bidang(self, bidang: str) -> bool:
        """Whether a concrete bidang urusan (``2.17``) exists in this version."""
        return bidang in self._bidang

    def anak(self, kode: str) -> list[str]:
        """Direct children of a code, in code order (template children for program 01 of a bidang)."""
        normal = parse_kode(kode).normal
        if normal is None:
            return []
        if normal in self._bidang:  # a concrete bidang: its own programs plus program 01 (template)
            hasil = set(self._anak.get(normal, []))
            if "X.XX.01" in self._peta:
                hasil.add(normal + ".01")
            return sorted(hasil)
        daftar = self._anak.get(normal)
        if daftar is not None:
            return list(daftar)
        tpl = _ke_template(normal)
        if tpl is not None and self.ada_bidang(".".join(normal.split(".")[:2])):
            awal = ".".join(normal.split(".")[:2])
            return [awal + k[4:] for k in self._anak.get(tpl, [])]
        return []

    @cached_property
    def _anak(self) -> dict[str, list[str]]:
        peta: dict[str, list[str]] = {}
        for k in sorted(self._peta):
            induk = _induk_langsung(k)
            if induk is not None:
                peta.setdefault(induk, []).append(k)
        return peta

    def pengganti(self, kode_lama: str) -> list[str]:
        """Successor codes of an old code, from the predecessor column (empty when none is recorded)."""
        normal = parse_kode(kode_lama).normal or kode_lama
        hasil = list(self._pengganti.get(normal, []))
        if not hasil:
            tpl = _ke_template(normal)
            if tpl is not None and tpl in self._pengganti:
                awal = ".".join(normal.split(".")[:2])
                hasil = [awal + k[4:] if k.startswith("X.XX") else k for k in self._pengganti[tpl]]
        return hasil

    def ada_pengganti(self, kode: str) -> bool:
        """``bool(self.pengganti(kode))`` for canonical code text, without parsing."""
        return kode in self._pengganti or _ke_template(kode) in self._pengganti

    def nama_normal(self, e: Entri) -> tuple[str, ...]:
        """Official names of an entry in :func:`normal_nama` form (computed once per code)."""
        hasil = self._nama_normal.get(e.kode)
        if hasil is None:
            hasil = self._nama_normal[e.kode] = tuple(normal_nama(n) for n in e.semua_nama)
        return hasil

    @cached_property
    def _nama_normal(self) -> dict[str, tuple[str, ...]]:
        return {}

    # ---- fuzzy search
    @cached_property
    def _kode_per_segmen(self) -> dict[int, list[str]]:
        peta: dict[int, list[str]] = {}
        for k in self._peta:
            peta.setdefault(k.count(".") + 1, []).append(k)
        return peta

    @cached_property
    def _nama_per_tingkat(self) -> dict[Tingkat | None, tuple[list[str], list[str]]]:
        peta: dict[Tingkat | None, tuple[list[str], list[str]]] = {}
        for e in self._peta.values():
            for nm in e.semua_nama:
                for t in (e.tingkat, None):
                    kode_l, nama_l = peta.setdefault(t, ([], []))
                    kode_l.append(e.kode)
                    nama_l.append(normal_nama(nm))
        return peta

    def _calon_kode(self, segmen: int, digit_pemda: str | None, digit_asal: str | None) -> list[str]:
        """Codes of one shape, of the pemda level asked for (computed once per level: validation asks often)."""
        kunci = (segmen, digit_pemda, digit_asal if digit_asal in _DIGIT_KHUSUS else None)
        hasil = self._cache_calon.get(kunci)
        if hasil is None:
            semua = self._kode_per_segmen.get(segmen) or list(self._peta)
            hasil = [c for c in semua if level_cocok(c, digit_pemda, digit_asal)] if digit_pemda else semua
            self._cache_calon[kunci] = hasil
        return hasil

    def _nama_selevel(self, tingkat: Tingkat | None, digit_pemda: str | None,
                      digit_asal: str | None) -> tuple[list[str], list[str]]:
        """(codes, normalised names) of one level and pemda level, computed once."""
        kunci = ("nama", tingkat, digit_pemda, digit_asal if digit_asal in _DIGIT_KHUSUS else None)
        hasil = self._cache_calon.get(kunci)
        if hasil is None:
            kode_l, nama_l = self._nama_per_tingkat.get(tingkat, ([], []))
            if digit_pemda:
                pasang = [(k, nm) for k, nm in zip(kode_l, nama_l) if level_cocok(k, digit_pemda, digit_asal)]
                kode_l, nama_l = [k for k, _ in pasang], [nm for _, nm in pasang]
            hasil = self._cache_calon[kunci] = (kode_l, nama_l)
        return hasil

    @cached_property
    def _cache_calon(self) -> dict:
        return {}

    def mirip_kode(self, kode: str, n: int = 5, digit_pemda: str | None = None,
                   bidang: str | None = None) -> list[str]:
        """Real codes closest to ``kode`` by edit distance, same shape first; siblings break ties.
        ``digit_pemda`` ("1"/"2") keeps only codes of that pemda level (see :func:`level_cocok`);
        ``bidang`` ("2.17") puts that bidang's codes first."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        k = parse_kode(kode)
        teks = k.normal or k.saran or str(kode).strip()
        if not teks:
            return []
        tpl = _ke_template(teks)
        cari = tpl if tpl is not None and self.ada_bidang(".".join(teks.split(".")[:2])) else teks
        calon = self._calon_kode(cari.count(".") + 1, digit_pemda, digit_pemda_kode(teks))
        if not calon:
            return []
        batas = max(n * 4, 20)
        # Near codes are almost always within a few edits: look within 1, then 2, then 3 (where rapidfuzz
        # stops early on every other candidate). Same result as scoring all: the n best are sorted by
        # distance first, so they are all within the cutoff whenever at least n are found, and the batas
        # kept are the best by (distance, position) in every run.
        dasar = self._kode_per_segmen.get(cari.count(".") + 1)  # calon is drawn from it when it exists
        hasil = self._dekat(cari, calon, batas, 1, dasar)
        if len(hasil) < n:
            hasil = self._dekat(cari, calon, batas, 2, dasar)
        if len(hasil) < n:
            hasil = process.extract(cari, calon, scorer=Levenshtein.distance, limit=batas, score_cutoff=3)
        if len(hasil) < n:
            hasil = process.extract(cari, calon, scorer=Levenshtein.distance, limit=batas)
        induk = _induk_langsung(cari)
        awal_bidang = (bidang + ".") if bidang else None

        def kunci(h: tuple) -> tuple:
            lain_bidang = 1 if awal_bidang and not h[0].startswith((awal_bidang, "X.XX.")) else 0
            return (h[1], lain_bidang, 0 if induk and _induk_langsung(h[0]) == induk else 1, h[0])
        hasil.sort(key=kunci)
        keluar: list[str] = []
        for kode_c, _skor, _i in hasil[:n]:
            if tpl is not None and cari == tpl and kode_c.startswith("X.XX."):
                kode_c = ".".join(teks.split(".")[:2]) + kode_c[4:]
            keluar.append(kode_c)
        return keluar

    def _dekat(self, teks: str, calon: list[str], batas: int, k: int,
               dasar: list[str] | None = None) -> list[tuple[str, int, int]]:
        """The candidates within ``k`` edits (1 or 2) of ``teks`` as ``(kode, jarak, posisi)``, the ``batas``
        best by (distance, position): exactly what ``process.extract(..., score_cutoff=k)`` over all of
        ``calon`` returns, scoring only the candidates that can be that close. ``dasar``: a list that holds
        every candidate (the codes of one shape, before the pemda-level filter), so that one index serves
        every filtered list.

        Pigeonhole: cut ``teks`` into k+1 parts; k edits leave one part untouched, so a candidate within k
        edits starts with the first part, ends with the last, or holds a middle part shifted by at most k
        places. Those are dict lookups (indexes built once per list and cut); rapidfuzz then scores a few
        hundred codes in their original order instead of thousands (0.6 ms per unknown code)."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        n = len(teks)
        if n < k + 1 or k not in (1, 2):
            return process.extract(teks, calon, scorer=Levenshtein.distance, limit=batas, score_cutoff=k)
        sumber = calon if dasar is None else dasar
        potong = [0, n // 2, n] if k == 1 else [0, n // 3, (2 * n) // 3, n]
        awal, akhir = teks[:potong[1]], teks[potong[-2]:]
        dekat = list(self._indeks_potong(sumber, "awal", len(awal)).get(awal, ()))
        dekat += self._indeks_potong(sumber, "akhir", len(akhir)).get(akhir, ())
        if k == 2:
            a, b = potong[1], potong[2]
            tengah = teks[a:b]
            indeks = self._indeks_potong(sumber, f"tengah{a - k}", b - a, a - k, a + k)
            for mulai in range(a - k, a + k + 1):
                dekat += indeks.get((mulai, tengah), ())
        posisi = self._posisi(calon)
        urut = sorted({i for i in map(posisi.get, dekat) if i is not None})
        hasil = process.extract(teks, [calon[i] for i in urut], scorer=Levenshtein.distance, limit=batas,
                                score_cutoff=k)
        return [(c, d, urut[i]) for c, d, i in hasil]

    def _posisi(self, calon: list[str]) -> dict[str, int]:
        """Code -> position in a candidate list (computed once per list)."""
        simpan = self._cache_potong.get(id(calon))
        if simpan is None or simpan[0] is not calon:
            simpan = self._cache_potong[id(calon)] = (calon, {c: i for i, c in enumerate(calon)})
        return simpan[1]

    def _indeks_potong(self, kode: list[str], jenis: str, lebar: int, dari: int = 0, sampai: int = 0) -> dict:
        """Codes by their first or last ``lebar`` characters, or by (start, text) of their ``lebar``
        characters starting at ``dari``..``sampai``, in list order (computed once per list and cut)."""
        kunci = (id(kode), jenis, lebar)
        simpan = self._cache_potong.get(kunci)
        if simpan is not None and simpan[0] is kode:
            return simpan[1]
        indeks: dict = {}
        for c in kode:
            if jenis == "awal":
                if len(c) >= lebar:
                    indeks.setdefault(c[:lebar], []).append(c)
            elif jenis == "akhir":
                if len(c) >= lebar:
                    indeks.setdefault(c[len(c) - lebar:], []).append(c)
            else:
                for mulai in range(max(dari, 0), min(sampai, len(c) - lebar) + 1):
                    indeks.setdefault((mulai, c[mulai:mulai + lebar]), []).append(c)
        self._cache_potong[kunci] = (kode, indeks)
        return indeks

    @cached_property
    def _cache_potong(self) -> dict:
        return {}

    def mirip_nama(self, nama: str, tingkat: Tingkat | None = None, n: int = 5, batas: float = 60.0,
                   digit_pemda: str | None = None, bidang: str | None = None,
                   digit_asal: str | None = None) -> list[tuple[str, str, float]]:
        """Codes whose official name is closest to ``nama``: ``(kode, nama_resmi, skor 0-100)``, best first.
        ``digit_pemda`` keeps only codes of that pemda level (special-region digits only when ``digit_asal``,
        the digit of the code being checked, is one); ``bidang`` puts that bidang's codes (and the
        ``X.XX`` templates every bidang uses) before others of nearly the same score."""
        from rapidfuzz import fuzz, process

        target = normal_nama(nama or "")
        if not target:
            return []
        kode_l, nama_l = self._nama_selevel(tingkat, digit_pemda, digit_asal)
        if not nama_l:
            return []
        hasil = process.extract(target, nama_l, scorer=fuzz.token_sort_ratio, limit=n * (12 if bidang else 3),
                                score_cutoff=batas)
        keluar: list[tuple[str, str, float]] = []
        lihat: set[str] = set()
        for _nm, skor, i in hasil:
            kode_c = kode_l[i]
            if kode_c in lihat:
                continue
            lihat.add(kode_c)
            keluar.append((kode_c, self._peta[kode_c].nama, float(skor)))
        if bidang:
            # same bidang first when the score is within 5 points of the best: a near-equal name in the
            # OPD's own bidang is the likelier meaning
            def kunci(h: tuple[str, str, float]) -> tuple[float, int]:
                sendiri = h[0].startswith(bidang + ".") or h[0].startswith("X.XX.")
                return (-(h[2] + (5.0 if sendiri else 0.0)), 0 if sendiri else 1)
            keluar.sort(key=kunci)
        return keluar[:n]


_DIGIT_KHUSUS = frozenset("345678")


def level_cocok(kode: str, digit_pemda: str, digit_asal: str | None = None) -> bool:
    """Whether a catalog code fits a document of pemda level ``digit_pemda`` ("1" provinsi, "2"
    kab/kota): codes above kegiatan fit every level; special-region digits (3..8, renja_xl.kode.JENIS_PEMDA)
    only when the code being checked carries that same digit."""
    d = digit_pemda_kode(kode)
    if d is None or d == digit_pemda:
        return True
    return d in _DIGIT_KHUSUS and d == digit_asal
