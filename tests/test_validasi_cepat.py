"""The fast paths of code validation give exactly what the full check gives.

Validation skips work three ways: a canonical code that passes ``_lolos_cepat`` (and a typed variant whose
normal form passes it) never goes through the catalog checks, and ``Katalog.mirip_kode`` scores only the codes
that can be within one or two edits instead of every candidate. Here every fast path is switched off and the
results, findings and suggestions included, must be the same on the real SIPD list with the typing slips
bench/data.py uses. Also the faster ``__init__`` of the result dataclasses.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
import random
from pathlib import Path

import pytest

from renja_xl.dataklas import init_cepat
from renja_xl.kode import Kode, Tingkat, parse_kode
from renja_xl.nomenklatur import validasi as v
from renja_xl.nomenklatur.katalog import Katalog
from renja_xl.temuan import Temuan

@pytest.fixture(scope="module")
def sipd(nomenklatur_dir: Path) -> Katalog:
    from renja_xl.nomenklatur.impor import impor_berkas

    hasil = impor_berkas(next(nomenklatur_dir.glob("nomenklatur-subkegiatan-*_2027_1.xlsx")))
    return Katalog(hasil.entri, nama="sipd-uji")


_SLIP = (lambda s: s + ".", lambda s: s.replace(".", ". ", 1), lambda s: s[:-1] + "9", lambda s: s[:-1] + "7",
         lambda s: s.replace(".", "", 1), lambda s: "0" + s, lambda s: s[:-2], lambda s: s.replace(".", ",", 2),
         lambda s: "XXX" + s[4:], lambda s: s + "1", lambda s: s.replace("01", "1", 1), lambda s: s.lower())


def _kode_uji(kat: Katalog, n: int) -> list[str]:
    rng = random.Random(17)
    nyata = sorted(e.kode for e in kat)
    hasil = [rng.choice(nyata) for _ in range(n // 3)]
    hasil += [rng.choice(_SLIP)(rng.choice(nyata)) for _ in range(n - len(hasil))]
    return hasil + ["2.17.01.2.01.0001.", "x.xx.01.2.01.0001", "2.17.01.1.01.0001", "1.02.02.2.01.0001 Nama"]


def _dump(vonis: v.Vonis) -> tuple:
    return (vonis.ke_dict(), [dataclasses.astuple(t) for t in vonis.temuan])


_KONTEKS = (None, v.Konteks(jenis_pemda="kabupaten/kota"), v.Konteks(jenis_pemda="provinsi"),
            v.Konteks(jenis_pemda="kabupaten/kota", bidang="2.17"), v.Konteks(tingkat=Tingkat.KEGIATAN))


@pytest.mark.shared
def test_jalur_cepat_sama_dengan_pemeriksaan_lengkap(sipd: Katalog, monkeypatch: pytest.MonkeyPatch) -> None:
    kode = sorted(set(_kode_uji(sipd, 2400)))
    nama = {k: (e.nama if i % 2 else e.nama.lower() + " lain") for i, k in enumerate(kode[::25])
            if (e := sipd.cari(k)) is not None}

    def semua() -> list[tuple]:
        v.lupakan_cache()
        hasil = [_dump(v.validasi(k, None, kx, sipd)) for kx in _KONTEKS for k in kode]
        hasil += [_dump(v.validasi(k, nm, _KONTEKS[1], sipd)) for k, nm in nama.items()]
        return hasil + [sipd.mirip_kode(k, n, digit_pemda=d) for k in kode[::7] for n, d in ((3, None), (1, "2"))]

    cepat = semua()
    jalur = {"tanpa": 0}

    def tanpa_cepat(*_a: object) -> None:
        jalur["tanpa"] += 1
        return None

    monkeypatch.setattr(v, "_lolos_cepat", tanpa_cepat)
    monkeypatch.setattr(Katalog, "_dekat", lambda self, *_a: [])
    lengkap = semua()
    v.lupakan_cache()
    assert jalur["tanpa"] > len(kode)  # the full path really ran
    assert len(cepat) == len(lengkap)
    beda = [(a, b) for a, b in zip(cepat, lengkap) if a != b]
    assert not beda, beda[:3]


@pytest.mark.shared
def test_dekat_tepat_sejarak_satu_dan_dua(sipd: Katalog) -> None:
    """Every candidate within k edits is found, with its distance and position (as rapidfuzz over all)."""
    from rapidfuzz.distance import Levenshtein

    for seg, digit in ((6, "2"), (6, "1"), (5, None), (2, None)):
        calon = sipd._calon_kode(seg, digit, None)
        dasar = sipd._kode_per_segmen[seg]
        for teks in ("2.17.02.2.01.0009", "2.17.02.2.01.001", "2.17.02.2.01.00011", calon[5], calon[-1][1:],
                     "1.02.02.2.01.0003", "1.02.04.2.06.0009", "2.11.04.4.09", "3.26.03.3.09", "5.06", "1.1", "2"):
            for k in (1, 2):
                jarak = [Levenshtein.distance(teks, c) for c in calon]
                diharap = sorted((d, i) for i, d in enumerate(jarak) if d <= k)
                assert sipd._dekat(teks, calon, 10_000, k) == [(calon[i], d, i) for d, i in diharap]
                assert sipd._dekat(teks, calon, 10_000, k, dasar) == [(calon[i], d, i) for d, i in diharap]
                assert sipd._dekat(teks, calon, 3, k, dasar) == [(calon[i], d, i) for d, i in diharap[:3]]


def test_init_cepat_sama_dengan_dataclass() -> None:
    @dataclasses.dataclass(frozen=True)
    class Biasa:
        a: str
        b: int = 3
        c: dict = dataclasses.field(default_factory=dict, compare=False)

    @init_cepat
    @dataclasses.dataclass(frozen=True)
    class Cepat:
        a: str
        b: int = 3
        c: dict = dataclasses.field(default_factory=dict, compare=False)

    x, y = Cepat("p"), Cepat("p", 4, {"k": 1})
    assert dataclasses.astuple(x) == dataclasses.astuple(Biasa("p"))
    assert dataclasses.astuple(y) == dataclasses.astuple(Biasa("p", 4, {"k": 1}))
    assert Cepat("p", b=3) == x and hash(Cepat("p")) == hash(x) and repr(x).endswith("Cepat(a='p', b=3, c={})")
    assert x.c is not Cepat("p").c  # a fresh default per instance
    with pytest.raises(dataclasses.FrozenInstanceError):
        x.a = "q"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Cepat()  # type: ignore[call-arg]
    assert dataclasses.replace(x, b=5) == Cepat("p", 5)

    t = Temuan("kode.x", "salah", "pesan", saran="1.01")
    assert t.data == {} and pickle.loads(pickle.dumps(t)) == t and copy.copy(t) == t
    k = parse_kode("2.17.01.2.01.0001.")
    assert isinstance(k, Kode) and pickle.loads(pickle.dumps(k)) == k

    with pytest.raises(TypeError):
        init_cepat(type("Polos", (), {}))  # not a dataclass
    with pytest.raises(TypeError):
        init_cepat(dataclasses.dataclass(type("Lentur", (), {"__annotations__": {"a": int}})))  # not frozen


def test_urutan_field_untuk_konstruksi_posisional() -> None:
    """kode._dari_segmen and _Catatan.selesai build Kode and Temuan positionally (one per parsed code)."""
    assert [f.name for f in dataclasses.fields(Kode)] == [
        "asli", "normal", "tingkat", "segmen", "template", "digit_pemda", "jenis_pemda", "era", "temuan", "saran",
        "nama"]
    assert [f.name for f in dataclasses.fields(Temuan)] == [
        "jenis", "tingkat", "pesan", "saran", "seharusnya", "ditemukan", "data"]


def test_konteks_hash_tidak_ikut_dipickle() -> None:
    kx = v.Konteks(jenis_pemda="provinsi", bidang="2.17")
    h = hash(kx)
    salin = pickle.loads(pickle.dumps(kx))
    assert "_hash" not in salin.__dict__ and salin == kx and hash(salin) == h
    assert {kx: 1}[v.Konteks(jenis_pemda="provinsi", bidang="2.17")] == 1
