"""Every code printed in the seed documents, validated against the official list of its era.

Codes, lines and expectations are read at test time from ../shared/seeds-spec.md (§4.2, §5.1–§5.4) and the
names from the seed files themselves (the spec truncates names at 100 characters). 000/002/004 are kab/kota
documents with 2-digit codes (legacy list); 001 is a provinsi document with 4-digit codes (2027 list).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from renja_xl.kode import Tingkat
from renja_xl.nomenklatur.impor import impor_berkas
from renja_xl.nomenklatur.katalog import Katalog
from renja_xl.nomenklatur.validasi import Konteks, Vonis, validasi

KAB = Konteks(jenis_pemda="kabupaten/kota", bidang="2.17")
PROV = Konteks(jenis_pemda="provinsi", bidang="2.17")


@dataclass(frozen=True)
class Baris:
    kode: str
    nama: str
    berkas: str
    baris: tuple[int, ...]
    catatan: str


@pytest.fixture(scope="module")
def kat2027(nomenklatur_dir: Path) -> Katalog:
    berkas = next(nomenklatur_dir.glob("nomenklatur-subkegiatan-*_2027_1.xlsx"))
    return Katalog(impor_berkas(berkas).entri, nama="2027")


@pytest.fixture(scope="module")
def kat_lama(nomenklatur_dir: Path) -> Katalog:
    return Katalog(impor_berkas(nomenklatur_dir / "legacy_permendagri90_kep050-3708_2020_simcan_flat.csv").entri,
                   nama="legacy")


@pytest.fixture(scope="module")
def spec(shared: Path) -> str:
    return (shared / "seeds-spec.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, list[str]]:
    return {p.name[:3]: p.read_text(encoding="utf-8").split("\n") for p in sorted(seeds_dir.glob("*.txt"))}


def _bagian(spec: str, awal: str, akhir: str) -> str:
    return spec[spec.index(awal):spec.index(akhir, spec.index(awal))]


def _nama_penuh(seeds: dict[str, list[str]], berkas: str, baris: tuple[int, ...], kode: str, nama: str) -> str:
    """The name cell right after the code cell on the seed line (full text, not the spec's 100 chars)."""
    for no in baris:
        sel = [c.strip() for c in seeds[berkas][no - 1].split("\t")]
        for i, c in enumerate(sel[:-1]):
            if c == kode and sel[i + 1]:
                return sel[i + 1]
    return nama


@pytest.fixture(scope="module")
def kode_seed(spec: str, seeds: dict[str, list[str]]) -> list[Baris]:
    """§4.2: codes printed as one cell (bidang 2.17, templates, 3.30, 3.31; not the old APBD codes)."""
    hasil = []
    for line in _bagian(spec, "### 4.2", "#### Legacy APBD").splitlines():
        if not line.startswith("| `"):
            continue
        sel = [c.strip() for c in line.strip().strip("|").split(" | ")]
        kode = sel[0].strip("`")
        berkas, lokasi = sel[5].split(":", 1)
        baris = tuple(int(x) for x in re.findall(r"\d+", lokasi))
        hasil.append(Baris(kode, _nama_penuh(seeds, berkas, baris, kode, sel[1]), berkas, baris,
                           sel[6] if len(sel) > 6 else ""))
    assert len(hasil) > 150 and {b.berkas for b in hasil} == {"000", "001", "004"}
    return hasil


def _cek(b: Baris, kat2027: Katalog, kat_lama: Katalog, nama: bool = True) -> Vonis:
    if b.berkas == "001":
        return validasi(b.kode, b.nama if nama else None, PROV, kat2027)
    return validasi(b.kode, b.nama if nama else None, KAB, kat_lama)


def test_yang_cacat_menurut_spec_tertangkap(kode_seed: list[Baris], kat2027: Katalog, kat_lama: Katalog) -> None:
    cacat = [b for b in kode_seed if re.search(r"MALFORMED|ERA MIX", b.catatan)]
    assert len(cacat) >= 10
    for b in cacat:
        assert _cek(b, kat2027, kat_lama).status == "salah", b
    curiga = [b for b in kode_seed if re.search(r"WRONG LEVEL|DUPLICATE|indicator|name missing|NAME/LEVEL MIX",
                                                 b.catatan)]
    assert len(curiga) >= 6
    for b in curiga:
        assert _cek(b, kat2027, kat_lama).status != "benar", b


def test_kode_2_digit_000_004_ada_di_daftar_lama(kode_seed: list[Baris], kat2027: Katalog,
                                                 kat_lama: Katalog) -> None:
    # spec: "every 2-digit code of 000 and 004 (including 004's X.XX.01... codes) exists in the legacy list"
    baik = [b for b in kode_seed if b.berkas in ("000", "004") and not re.search(r"MALFORMED", b.catatan)]
    for b in baik:
        v = _cek(b, kat2027, kat_lama, nama=False)
        assert v.status != "salah" and v.nama_resmi, b
        assert not any(t.jenis.startswith("nomenklatur.") for t in v.temuan if t.tingkat == "salah"), b


def test_kode_4_digit_001_terhadap_daftar_2027(spec: str, kode_seed: list[Baris], kat2027: Katalog,
                                               kat_lama: Katalog) -> None:
    empat = [b for b in kode_seed if b.berkas == "001" and not b.catatan and re.fullmatch(r"[\d.]+\.\d{4}", b.kode)]
    assert len(empat) > 40
    benar = 0
    for b in empat:
        v = _cek(b, kat2027, kat_lama)
        ada = kat2027.cari(b.kode) is not None
        assert (v.status == "salah") == (not ada) or any(t.jenis.startswith("nama.") for t in v.temuan), b
        if not ada:  # replaced in the 2027 list: the verdict names the successor or the nearest code
            assert v.saran and v.saran != b.kode, b
        benar += v.status == "benar"
    assert benar >= len(empat) // 2
    # the successors the spec quotes (2.17.07.1.01.0001 → 2.17.07.1.01.0018, ...)
    kalimat = spec[spec.index("A validator therefore needs") - 600:spec.index("A validator therefore needs")]
    pasangan = re.findall(r"(\d\.\d\d\.\d\d\.\d\.\d\d\.\d{4}) → (\d\.\d\d\.\d\d\.\d\.\d\d\.\d{4})", kalimat)
    assert len(pasangan) >= 2
    for lama, baru in pasangan:
        v = validasi(lama, None, PROV, kat2027)
        assert v.status == "salah" and v.saran == baru and "nomenklatur.diganti" in {t.jenis for t in v.temuan}


def _tabel(spec: str, judul: str, akhir: str) -> dict[str, list[str]]:
    """id -> cells of a §5 table."""
    hasil = {}
    for line in _bagian(spec, judul, akhir).splitlines():
        m = re.match(r"\| ([A-Z]\d+) \|", line)
        if m:
            hasil[m.group(1)] = [c.strip() for c in line.strip().strip("|").split(" | ")]
    return hasil


def _kode_di(teks: str) -> list[str]:
    return re.findall(r"`([^`]+)`", teks)


def test_5_1_kode_cacat(spec: str, kat2027: Katalog, kat_lama: Katalog, seeds: dict[str, list[str]]) -> None:
    t = _tabel(spec, "### 5.1", "### 5.2")
    # C1-C5: printed code -> the fix the spec computes
    for cid, kat, kx in (("C1", kat_lama, KAB), ("C2", kat_lama, KAB), ("C3", kat2027, PROV),
                         ("C4", kat2027, PROV), ("C5", kat2027, PROV)):
        dicetak, perbaikan = _kode_di(t[cid][2])[0], _kode_di(t[cid][4])[0]
        dicetak = dicetak.split(" (")[0]
        v = validasi(dicetak, None, kx, kat)
        assert v.status == "salah" and v.saran == perbaikan, (cid, v)
        assert kat.cari(perbaikan) is not None, cid
    # C6: legacy 2-digit provinsi codes in a 4-digit table; 208's successor is given
    c6 = _kode_di(t["C6"][2])
    assert len(c6) == 7
    for kode in c6:
        v = validasi(kode, None, PROV, kat2027)
        assert v.status == "salah" and "nomenklatur.era" in {x.jenis for x in v.temuan}, kode
    assert validasi(c6[0], None, PROV, kat2027).saran == _kode_di(t["C6"][4])[0]
    # C7/C8: trailing punctuation and leading zeros are warnings, and the code is still found
    for cid in ("C7", "C8"):
        for kode in _kode_di(t[cid][2]):
            v = validasi(kode, None, KAB, kat_lama)
            assert v.status == "peringatan" and v.nama_resmi, kode
            assert any(x.jenis.startswith("kode.") for x in v.temuan), kode
    # C13: template codes in an OPD document -> the OPD's own code
    v = validasi("X.XX.01.2.03.10", None, KAB, kat_lama)
    assert v.status == "peringatan" and v.saran == "2.17.01.2.03.10"


def test_5_2_tingkat_salah(spec: str, kat_lama: Katalog, seeds: dict[str, list[str]]) -> None:
    t = _tabel(spec, "### 5.2", "### 5.3")
    kegiatan = Konteks(jenis_pemda="kabupaten/kota", bidang="2.17", tingkat=Tingkat.KEGIATAN)
    for lid, seharusnya in (("L1", "2.17.01.2.09"), ("L2", "3.31.02.2.01")):
        kode = _kode_di(t[lid][2])[0].split(" ¦")[0]
        assert seharusnya in t[lid][3]
        v = validasi(kode, None, kegiatan, kat_lama)
        assert v.status == "salah" and v.saran == seharusnya and "nomenklatur.tingkat" in {x.jenis for x in v.temuan}
    # L3: a penunjang sub kegiatan code on the row of "Fasilitasi Pemenuhan Izin Usaha Simpan Pinjam ..." (000:265)
    sel = [c.strip() for c in seeds["000"][265 - 1].split("\t")]
    i = sel.index("2.17.01.2.07.10")
    v = validasi(sel[i], sel[i + 1], KAB, kat_lama)
    assert v.status == "salah" and v.saran == "2.17.02.2.01.01"


def test_5_3_nama(spec: str, kode_seed: list[Baris], kat2027: Katalog, kat_lama: Katalog,
                  seeds: dict[str, list[str]]) -> None:
    t = _tabel(spec, "### 5.3", "### 5.4")
    # N1: kab/kota code, provinsi name (004:1332)
    sel = [c.strip() for c in seeds["004"][1332 - 1].split("\t")]
    i = sel.index("2.17.06.2.01.01")
    assert "Provinsi" in sel[i + 1]
    v = validasi(sel[i], sel[i + 1], KAB, kat_lama)
    assert v.status != "benar" and "nama.pemda" in {x.jenis for x in v.temuan}
    # N2: urusan 2 named as the other urusan
    assert "PELAYANAN DASAR" in t["N2"][2]
    v = validasi("2", "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR", KAB, kat_lama)
    assert v.status == "salah"
    # N3: 2019-text meanings under 050-3708/2020 codes
    n3 = {b.kode: b for b in kode_seed if b.berkas == "004" and b.kode.startswith("X.XX.01.2.0")}
    for kode in ("X.XX.01.2.03", "X.XX.01.2.03.02", "X.XX.01.2.03.06", "X.XX.01.2.01.02", "X.XX.01.2.01.03",
                 "X.XX.01.2.02.04"):
        assert kode.rsplit("X.XX.01", 1)[1] in t["N3"][2] or kode == "X.XX.01.2.03"
        v = validasi(kode, n3[kode].nama, KAB, kat_lama)
        assert v.status == "salah" and "nama.tidak_cocok" in {x.jenis for x in v.temuan}, kode
    # N4: indicator text in the name cell
    for b in kode_seed:
        if b.berkas == "000" and b.baris[0] in (185, 199, 201, 203, 296, 300):
            assert _cek(b, kat2027, kat_lama).status != "benar", b
    # N6, N7, N9: typos are tolerated but reported
    typo = {b.kode: b for b in kode_seed if re.search(r"PENUNJANGAN|Reserta|Penguji/|Keputuhan", b.nama)}
    assert len(typo) >= 4
    for b in typo.values():
        v = _cek(b, kat2027, kat_lama)
        assert v.status == "peringatan" and {"nama.ejaan"} <= {x.jenis for x in v.temuan}, b


def test_5_4_era_campur(kode_seed: list[Baris], kat2027: Katalog, kat_lama: Katalog) -> None:
    # 001 Tabel 2.1 mixes 2-digit codes into a 4-digit table: each is named with both regulations
    dua = [b for b in kode_seed if b.berkas == "001" and re.fullmatch(r"[\d.]+\.\d\d", b.kode)
           and b.kode.count(".") == 5]
    assert len(dua) == 8
    for b in dua:
        v = _cek(b, kat2027, kat_lama)
        pesan = " ".join(t.pesan for t in v.temuan)
        assert v.status == "salah" and "Permendagri 90/2019" in pesan and "050-5889/2021" in pesan


@pytest.mark.parametrize("konteks", [None, Konteks(jenis_pemda="kabupaten/kota"), Konteks(jenis_pemda="provinsi"),
                                     KAB, PROV, Konteks(jenis_pemda="kabupaten/kota", tingkat=Tingkat.KEGIATAN)])
def test_jalur_cepat_sama_dengan_pemeriksaan_lengkap(kat2027: Katalog, konteks: Konteks | None,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The dict-lookup fast path of validation must give exactly the verdict of the full check, for every
    code of the real list (with program 01 filled for two bidang) and every kind of context."""
    from renja_xl.nomenklatur import validasi as v

    kode = [e.kode for e in kat2027]
    kode += [k.replace("X.XX", b, 1) for k in kode if k.startswith("X.XX") for b in ("2.17", "1.02")]
    cepat = [v._hitung(k, None, konteks, kat2027) for k in kode]
    jumlah_cepat = sum(v._cepat(k, None, konteks or v._KONTEKS_KOSONG, kat2027) is not None for k in kode)
    monkeypatch.setattr(v, "_cepat", lambda *a: None)
    lengkap = [v._hitung(k, None, konteks, kat2027) for k in kode]
    beda = [(c.kode, c.status, c.nama_resmi, lk.status, lk.nama_resmi) for c, lk in zip(cepat, lengkap)
            if (c.status, c.nama_resmi, c.tingkat, c.temuan) != (lk.status, lk.nama_resmi, lk.tingkat, lk.temuan)]
    assert not beda, beda[:5]
    if konteks is None or konteks.tingkat is None:  # the fast path really runs on the common case
        assert jumlah_cepat > len(kode) // 3
