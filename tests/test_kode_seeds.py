"""The code parser against the codes really printed in the five seed documents.

Code lists come from ``../shared/seeds-spec.md`` (§4.2 codes printed in one cell, §5.1 malformed codes)
read at test time, and are cross-checked against the seed texts themselves (``../shared/seeds``).
Nothing from ``../shared`` is copied into the repo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from renja_xl.kode import ERA_2_DIGIT, ERA_4_DIGIT, Tingkat, dari_template, parse_kode

_BACKTICK = re.compile(r"`([^`]*)`")
_PERINGATAN_RAPIKAN = {"kode.titik_akhir", "kode.nol_depan", "kode.spasi", "kode.dengan_nama", "kode.html"}


@dataclass
class Baris:
    kode: str
    tingkat: str
    seg4: str
    digit: str
    lokasi: str
    catatan: str
    bagian: str


def _spec(shared: Path) -> str:
    return (shared / "seeds-spec.md").read_text(encoding="utf-8")


def _bagian(teks: str, awal: str, akhir: str) -> str:
    i = teks.index(awal)
    return teks[i: teks.index(akhir, i)]


@pytest.fixture(scope="module")
def baris_42(shared: Path) -> list[Baris]:
    """Rows of the §4.2 tables (code printed as one cell), with the #### sub-heading they sit under."""
    teks = _bagian(_spec(shared), "### 4.2", "### 4.3")
    hasil: list[Baris] = []
    judul = ""
    for baris in teks.splitlines():
        if baris.startswith("#### "):
            judul = baris[5:]
            continue
        if not baris.startswith("| `"):
            continue
        kol = [k.strip() for k in baris.strip().strip("|").split(" | ")]
        if len(kol) < 7:
            continue
        hasil.append(Baris(kode=kol[0].strip("`"), tingkat=kol[2], seg4=kol[3], digit=kol[4], lokasi=kol[5],
                           catatan=kol[6], bagian=judul))
    assert len(hasil) > 150, "tabel §4.2 seeds-spec.md tidak terbaca"
    return hasil


@pytest.fixture(scope="module")
def malformed(shared: Path) -> dict[str, tuple[list[str], list[str]]]:
    """§5.1 rows: id -> (codes printed, codes in the fix column)."""
    teks = _bagian(_spec(shared), "### 5.1", "### 5.2")
    hasil = {}
    for baris in teks.splitlines():
        m = re.match(r"\| (C\d+) \|", baris)
        if not m:
            continue
        kol = [k.strip() for k in baris.strip().strip("|").split(" | ")]
        hasil[m.group(1)] = (_BACKTICK.findall(kol[2]), _BACKTICK.findall(kol[4]))
    assert {"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C13"} <= set(hasil)
    return hasil


def _modern(b: Baris) -> bool:
    return not b.bagian.startswith("Legacy")


def _rapikan(kode: str) -> str:
    """What §4.1/C7/C8 say the printed form stands for: tail ' .-' dropped, urusan without leading zero."""
    k = kode.rstrip(" .-")
    return k[1:] if re.match(r"0[1-9]\.", k) else k


def test_kode_baik_terbaca_bersih(baris_42: list[Baris]) -> None:
    diuji = 0
    for b in filter(_modern, baris_42):
        if "MALFORMED" in b.catatan:
            continue
        k = parse_kode(b.kode)
        assert k.valid, (b.kode, k.temuan)
        assert k.normal == _rapikan(b.kode), b.kode
        assert jenis_semua(k) <= _PERINGATAN_RAPIKAN, (b.kode, k.temuan)
        if k.normal == b.kode:
            assert k.temuan == (), b.kode
        tingkat = b.tingkat.rstrip("?").strip()
        assert k.tingkat is not None and k.tingkat.label.startswith(tingkat), (b.kode, tingkat)
        if b.seg4:
            assert k.digit_pemda == b.seg4.split()[0], b.kode
        if b.digit in ("2", "4"):
            assert k.era == (ERA_2_DIGIT if b.digit == "2" else ERA_4_DIGIT), b.kode
        diuji += 1
    assert diuji > 150


def jenis_semua(k) -> set[str]:
    return {t.jenis for t in k.temuan}


def test_template_dikenali(baris_42: list[Baris]) -> None:
    template = [b for b in baris_42 if b.kode.startswith("X.XX")]
    assert template
    for b in template:
        k = parse_kode(b.kode)
        assert k.valid and k.template and k.bidang == "X.XX" and k.segmen[2] == "01"


def test_kode_lama_tidak_lolos_sebagai_kode_baru(baris_42: list[Baris]) -> None:
    lama = [b for b in baris_42 if not _modern(b)]
    assert len(lama) > 20
    for b in lama:
        k = parse_kode(b.kode)
        # '01.15.17' has a modern shape; only the catalog can tell it is old (seeds-spec C10)
        assert not k.valid or (k.tingkat is not None and k.tingkat <= Tingkat.PROGRAM), (b.kode, k)


def test_kode_ada_di_dokumen_dan_sel_aslinya_terbaca_sama(baris_42: list[Baris], seeds_dir: Path) -> None:
    """Each §4.2 code really stands on the cited seed line; its whole cell (name, tags and all) gives the
    same code as the clean printed form."""
    berkas = {p.name[:3]: p.read_text(encoding="utf-8").splitlines() for p in seeds_dir.glob("*.txt")}
    dicek = 0
    for b in baris_42:
        m = re.match(r"(\d{3}):(\d+)", b.lokasi)
        assert m, b.lokasi
        baris = berkas[m.group(1)][int(m.group(2)) - 1]
        assert b.kode in baris, (b.kode, b.lokasi)
        sel = next(s for s in baris.split("\t") if b.kode in s)
        assert parse_kode(sel).normal == parse_kode(b.kode).normal, (sel, b.kode)
        dicek += 1
    assert dicek == len(baris_42)


# ---------------------------------------------------------------- §5.1 malformed codes


def _satu(d: dict[str, tuple[list[str], list[str]]], cid: str) -> tuple[list[str], list[str]]:
    tercetak, perbaikan = d[cid]
    assert tercetak, cid
    return tercetak, perbaikan


def test_c1_placeholder(malformed) -> None:
    tercetak, perbaikan = _satu(malformed, "C1")
    k = parse_kode(tercetak[0])
    assert not k.valid and "kode.placeholder" in jenis_semua(k)
    assert k.saran == "X.XX." + tercetak[0].split(".", 1)[1]
    # Pontianak (000) is a Dinas of bidang 2.17: the substituted code is the fix printed in the spec
    assert parse_kode(tercetak[0], bidang="2.17").saran == perbaikan[0]


def test_c2_kegiatan_tanpa_digit_kabkota(malformed) -> None:
    tercetak, perbaikan = _satu(malformed, "C2")
    for konteks in (None, "kabupaten/kota"):
        k = parse_kode(tercetak[0], jenis_pemda=konteks)
        assert not k.valid and "kode.segmen_pemda_hilang" in jenis_semua(k)
        assert k.saran == perbaikan[0]


def test_c3_kegiatan_tanpa_digit_provinsi(malformed) -> None:
    tercetak, perbaikan = _satu(malformed, "C3")
    k = parse_kode(tercetak[0])
    assert not k.valid and "kode.segmen_pemda_hilang" in jenis_semua(k) and k.saran is None
    assert parse_kode(tercetak[0], jenis_pemda="provinsi").saran == perbaikan[0]


def test_c3_sel_berhtml_di_dokumen(seeds_dir: Path) -> None:
    baris = (next(seeds_dir.glob("001_*.txt"))).read_text(encoding="utf-8").splitlines()[152]
    k = parse_kode(baris.split("\t")[0], jenis_pemda="provinsi")
    assert "kode.segmen_pemda_hilang" in jenis_semua(k) and k.saran == "2.17.01.1.01"


def test_c4_spasi_di_dalam_kode(malformed, seeds_dir: Path) -> None:
    tercetak, perbaikan = _satu(malformed, "C4")
    k = parse_kode(tercetak[0])
    assert not k.valid and "kode.spasi" in jenis_semua(k) and k.saran == perbaikan[0]
    sel = (next(seeds_dir.glob("001_*.txt"))).read_text(encoding="utf-8").splitlines()[175].split("\t")[0]
    assert parse_kode(sel).saran == perbaikan[0]


def test_c5_dua_digit_di_tabel_empat_digit(malformed) -> None:
    tercetak, perbaikan = _satu(malformed, "C5")
    k = parse_kode(tercetak[0], digit_sub=4)
    assert k.era == ERA_2_DIGIT and "kode.era" in jenis_semua(k) and k.saran == perbaikan[0]


def test_c6_kode_lama_dua_digit(malformed) -> None:
    tercetak, _ = _satu(malformed, "C6")
    assert len(tercetak) >= 7
    for kode in tercetak:
        k = parse_kode(kode, digit_sub=4, jenis_pemda="provinsi")
        assert k.era == ERA_2_DIGIT and "kode.era" in jenis_semua(k), kode
        assert parse_kode(kode).temuan == ()  # without the table's context it is a fine 2-digit code


def test_c7_ekor_titik_strip(malformed) -> None:
    tercetak, _ = _satu(malformed, "C7")
    assert len(tercetak) >= 8
    for kode in tercetak:
        k = parse_kode(kode)
        assert k.valid and k.normal == _rapikan(kode) and "kode.titik_akhir" in jenis_semua(k), kode
        assert all(t.tingkat == "peringatan" for t in k.temuan)


def test_c8_nol_depan_urusan(malformed) -> None:
    tercetak, perbaikan = _satu(malformed, "C8")
    for kode in tercetak:
        k = parse_kode(kode)
        assert k.valid and "kode.nol_depan" in jenis_semua(k) and k.normal == _rapikan(kode), kode
    assert parse_kode(tercetak[0]).normal in perbaikan


def test_c13_template_di_dokumen_opd(malformed) -> None:
    tercetak, _ = _satu(malformed, "C13")
    for kode in tercetak:
        k = parse_kode(kode)
        assert k.valid and k.template, kode
        k2 = parse_kode(kode, bidang="2.17")
        assert "kode.template" in jenis_semua(k2) and k2.saran == dari_template(kode, "2.17")
        assert k2.saran.startswith("2.17.01")
