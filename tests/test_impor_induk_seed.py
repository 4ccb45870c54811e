"""Import of the seed tables rebuilt as hand-made workbooks (tests/seed_tabel.py), mistakes included: every
code, target and realisasi comes back, and *Catatan Impor* lists the documented mistakes (seeds-spec
§5.5-§5.7, golden rows G2-G17) at their cells with the right value."""

from __future__ import annotations

from pathlib import Path

import pytest

import seed_tabel as st
from renja_xl.angka import parse_angka
from renja_xl.data_induk.baca import KOLOM_TARGET_KHUSUS
from renja_xl.impor_induk import impor
from renja_xl.impor_induk.model import HasilImpor
from renja_xl.impor_induk.sel import bagian, jumlah_indikator, ke_masukan
from renja_xl.kode import parse_kode


def _catatan(h: HasilImpor, sel: str, *jenis: str) -> list:
    return [c for c in h.catatan if c.sel == sel and (not jenis or c.jenis in jenis)]


def ada(h: HasilImpor, sel: str, jenis: str, seharusnya: str | None = None, tercetak: str | None = None) -> None:
    c = _catatan(h, sel, jenis)
    assert c, f"tidak ada catatan {jenis} di {sel}; yang ada: {[(x.jenis, x.pesan) for x in _catatan(h, sel)]}"
    if seharusnya is not None:
        assert any(x.seharusnya == seharusnya for x in c), [(x.seharusnya, x.pesan) for x in c]
    if tercetak is not None:
        assert any(x.tercetak == tercetak for x in c), [x.tercetak for x in c]


def tidak_ada(h: HasilImpor, sel: str) -> None:
    assert not _catatan(h, sel, "hitung", "jumlah", "rata", "predikat"), _catatan(h, sel)


def _nilai(teks: str, target: bool = False) -> float | str | None:
    """A printed input as the Data Induk holds it (a target's bound or range kept as its text)."""
    return ke_masukan(parse_angka(teks), target=target)[0] if teks.strip() else None


# printed input column -> Data Induk field (and index of a quarter tuple)
E81_MASUKAN = {"5K": ("target_renstra_k", None), "5Rp": ("target_renstra_rp", None),
               "6K": ("realisasi_lalu_k", None), "6Rp": ("realisasi_lalu_rp", None),
               "7K": ("target_k", None), "7Rp": ("target_rp", None), "8K": ("tw_k", 0), "8Rp": ("tw_rp", 0),
               "9K": ("tw_k", 1), "9Rp": ("tw_rp", 1)}
# T-C.29 without an E.81: the year's realisasi goes to TW IV (the Info note says so)
TC29_MASUKAN = {"4": ("target_renstra_k", None), "5": ("realisasi_lalu_k", None), "6": ("target_k", None),
                "7": ("tw_k", 3), "9": ("target_n1_k", None)}


def semua_masukan_kembali(h: HasilImpor, tabel: st.Tabel, baris_seed: list[tuple[str, str, str]],
                          kolom: dict[str, tuple[str, int | None]], kol_uraian: int, induk: set[str]) -> int:
    """Every printed input number of every seed row is in the Data Induk, at its field, on the row(s) made
    from it; or a note at that very cell says why not. ``baris_seed``: (uraian, indikator, values) in
    sheet order (urusan/bidang headings make no Data Induk row); ``induk``: uraian of
    rows whose Rp are roll-ups of their children (compared with them, not imported). Returns the number of
    cells checked."""
    from openpyxl import load_workbook

    ws = load_workbook(tabel.path)[tabel.lembar]
    dicatat = {c.sel for c in h.catatan if c.jenis in ("sel", "baris")}
    data = list(h.data.baris)
    r, i, diperiksa = 0, 0, 0
    for uraian, indikator, nilai in baris_seed:
        r = next(x for x in range(r + 1, ws.max_row + 1)
                 if (ws.cell(x, kol_uraian).value or "") == uraian
                 and (ws.cell(x, kol_uraian + 1).value or "") == indikator)
        if uraian.startswith(("URUSAN", "BIDANG", "BID.")):
            continue                                   # a heading: no Data Induk row
        n = jumlah_indikator(indikator) if indikator else 1
        baris, i = data[i:i + n], i + n
        assert len(baris) == n and (not uraian or baris[0].uraian), (uraian, [b.uraian for b in baris])
        for label, (medan, j) in kolom.items():
            ref = f"{tabel.peta.huruf(label)}{r}"
            if ref in dicatat:
                continue
            teks = str(ws[ref].value or "").strip()
            rp = label.endswith("Rp")
            target = medan in KOLOM_TARGET_KHUSUS
            bagian_sel = bagian(parse_angka(teks), n) if teks else [parse_angka(None)] * n
            for k, b in enumerate(baris):
                v = getattr(b, medan)
                v = v[j] if j is not None else v
                if rp and (uraian in induk or not uraian or k > 0):
                    assert v is None, (uraian, label, v)       # a roll-up, or Rp of a node's later indicator
                elif len(bagian_sel) == n:
                    assert v == ke_masukan(bagian_sel[k], target=target)[0], (uraian, indikator, label, teks, v)
                else:                                          # one value chosen by its unit
                    assert n == 1 and v in {ke_masukan(a, target=target)[0] for a in bagian_sel}, (uraian, teks, v)
                diperiksa += 1
    assert i == len(data), [b.uraian or b.indikator for b in data[i:]]
    return diperiksa


@pytest.fixture(scope="module")
def pontianak(tmp_path_factory: pytest.TempPathFactory) -> tuple[st.Tabel, HasilImpor]:
    p = tmp_path_factory.mktemp("pontianak") / "pontianak_e81_2022.xlsx"
    return st.pontianak_e81(p), impor([p])


@pytest.fixture(scope="module")
def malang(tmp_path_factory: pytest.TempPathFactory) -> tuple[st.Tabel, HasilImpor]:
    p = tmp_path_factory.mktemp("malang") / "malang_e81_2021.xlsx"
    return st.malang_e81(p), impor([p])


# ------------------------------------------------------------------------------------------- Pontianak

_PONTIANAK = st.P_KOPERASI + st.P_PERDAGANGAN_1 + st.P_PERDAGANGAN_2 + st.P_PERINDUSTRIAN_1 + st.P_PERINDUSTRIAN_2
# kegiatan printed with a sub kegiatan code (seeds-spec L1, L2): imported under the kegiatan's code
_KEGIATAN_BERKODE_SUB = {"2.17.01.2.09.09 Pemeliharaan Barang": "2.17.01.2.09", "3.31.02.2.01.01 -": "3.31.02.2.01"}


def _kode_pontianak(uraian: str) -> str:
    for awal, kode in _KEGIATAN_BERKODE_SUB.items():
        if uraian.startswith(awal):
            return kode
    k = parse_kode(uraian, jenis_pemda="kabupaten/kota", bidang="2.17")
    return k.normal or k.saran or ""


def test_pontianak_info(pontianak):
    _t, h = pontianak
    i = h.data.info
    assert (i.pemda, i.jenis_pemda, i.nama_opd, i.tahun, i.triwulan, i.renstra_awal, i.renstra_akhir,
            i.bidang_urusan) == ("Kota Pontianak", "kabupaten/kota", "Dinas Koperasi, Usaha Mikro dan Perdagangan",
                                 2022, 2, 2020, 2024, "2.17")


def test_pontianak_setiap_kode_target_dan_realisasi_kembali(pontianak):
    _t, h = pontianak
    per_kode: dict[str, list] = {}
    for b in h.data.baris:
        per_kode.setdefault(b.kode, []).append(b)
    for sasaran, uraian, indikator, nilai in _PONTIANAK:
        kode = _kode_pontianak(uraian)
        assert kode in per_kode, (uraian, kode)
        sel = st.pisah(nilai)
        bagian = [parse_angka(x) for x in sel]
        n = max(len(a.jamak) or 1 for a in bagian[0:10:2])
        if n > 1:           # 000:292: two indicators in one cell, one Data Induk row each
            baris = per_kode[kode][:n]
            for i, b in enumerate(baris):
                assert b.target_k == ke_masukan(bagian[4].jamak[i], target=True)[0]
                assert b.tw_k[1] == ke_masukan(bagian[8].jamak[i])[0]
            continue
        calon = [b for b in per_kode[kode] if b.target_k == _nilai(sel[4], True) and b.tw_k[:2] == (
            _nilai(sel[6]), _nilai(sel[8])) and b.target_renstra_k == _nilai(sel[0], True)
            and b.realisasi_lalu_k == _nilai(sel[2])]
        assert calon, (uraian, sel, per_kode[kode])


def test_pontianak_kode_diperbaiki_dengan_asli_di_keterangan(pontianak):
    _t, h = pontianak
    per_kode = {b.kode: b for b in h.data.baris}
    assert "XXX.01.2.02.05" in per_kode["2.17.01.2.02.05"].keterangan          # C1
    assert "2.17.01.02.05" in per_kode["2.17.01.2.05"].keterangan                # C2
    assert "2.17.01.2.09.09" in per_kode["2.17.01.2.09"].keterangan              # L1
    assert "3.31.02.2.01.01" in per_kode["3.31.02.2.01"].keterangan              # L2
    kode = [c for c in h.catatan if c.jenis == "kode"]
    assert {c.seharusnya for c in kode} >= {"2.17.01.2.02.05", "2.17.01.2.05", "2.17.01.2.09", "3.31.02.2.01"}
    i = [b.kode for b in h.data.baris].index("2.17.01.2.02.05")
    assert "kode diperbaiki" in h.perlu_dicek[i]


def test_pontianak_g2_g3_stabilisasi_harga(pontianak):
    t, h = pontianak
    ada(h, t.sel("3.30.04", "13Rp"), "hitung", "149.670.249", "11.000.000")
    ada(h, t.sel("3.30.04", "14Rp"), "hitung", "78,23%")
    ada(h, t.sel("3.30.04", "14K"), "hitung", "100,00%")        # two indicators, 83/83 and 100/100
    ada(h, t.sel("3.30.04.2.02", "13Rp"), "hitung", "138.670.249")
    ada(h, t.sel("3.30.04.2.02", "14Rp"), "hitung", "78,11%")
    tidak_ada(h, t.sel("3.30.04.2.02", "14K"))                   # "<5%" met: 100% is right
    b = next(b for b in h.data.baris if b.kode == "3.30.04.2.02")
    assert b.target_k == b.target_renstra_k == "<5%" and b.jenis.value == "menurun"     # the bound kept whole


def test_pontianak_salah_hitung_dan_gulung(pontianak):
    t, h = pontianak
    ada(h, t.sel("3.31.02", "14Rp"), "hitung", "50,11%", "20%")                # G4
    ada(h, t.sel("3.31.03", "14Rp"), "hitung", "49,91%", "0%")
    for k in ("2.17.02", "2.17.02.2.01"):                                          # G5: Rp % copied from K
        ada(h, t.sel(k, "14Rp"), "hitung", "0,00%")
    ada(h, t.sel("3.30.06.2.01", "6Rp"), "jumlah", "345.027.065")                  # 000:310 "-"
    ada(h, t.sel("3.31.04", "14K"), "hitung", "0,00%", "50%")                     # 000:341
    ada(h, t.sel("3.30.03", "12K"), "hitung", None, "203% Persen")                # 000:277
    ada(h, t.sel("3.30.03.2.01", "12K"), "hitung", None, "510% Persen")
    ada(h, t.sel("2.17.01", "14K"), "hitung", None, "61% 24%")                     # 000:179
    # control rows the document got right: G1 and the kegiatan above it
    for k in ("2.17.01.2.02.01", "3.30.03.2.01.01"):
        for kolom in ("12K", "12Rp", "13K", "13Rp", "14K", "14Rp"):
            tidak_ada(h, t.sel(k, kolom))


def test_pontianak_rata_rata_dan_predikat(pontianak):
    t, h = pontianak
    ada(h, t.sel("rata_perdagangan", "14K"), "rata", None, "261% 29%")
    ada(h, t.sel("predikat_perdagangan", "14K"), "predikat", None, "Tinggi")     # 000:317
    ada(h, t.sel("rata_perindustrian", "14K"), "rata", None, "46%")
    ada(h, t.sel("predikat_perindustrian", "14K"), "predikat", "Sangat Rendah", "Rendah")   # 000:346 "46"
    ada(h, t.sel("predikat_perindustrian", "14Rp"), "predikat", "Sangat Rendah", "Rendah")  # 000:346 "10"


def test_pontianak_jumlah_bidang_benar_tidak_dicatat(pontianak):
    """The bidang "Jumlah" rows add up in every printed column (seeds-spec §5.6)."""
    t, h = pontianak
    for kunci in ("jumlah_perdagangan", "jumlah_perindustrian"):
        for kolom in ("5Rp", "7Rp", "8Rp", "9Rp", "12Rp", "13Rp"):
            tidak_ada(h, t.sel(kunci, kolom))


# ------------------------------------------------------------------------------------------- Malang

def test_malang_target_dan_realisasi_tanpa_kode(malang):
    _t, h = malang
    assert (h.data.info.pemda, h.data.info.nama_opd, h.data.info.tahun, h.data.info.triwulan) == (
        "Kota Malang", "Dinas Koperasi, Perindustrian dan Perdagangan", 2021, 2)
    gaji = next(b for b in h.data.baris if b.uraian == "Penyediaan Gaji dan Tunjangan ASN")
    assert (gaji.target_k, gaji.tw_k[:2], gaji.target_rp, gaji.tw_rp[:2]) == (
        14, (3, 3), 37137004140, (5137199958, 9243265924))
    assert gaji.kode == "" and gaji.tingkat.label == "sub kegiatan"
    assert all("isi kodenya" in h.perlu_dicek[i] for i, b in enumerate(h.data.baris) if not b.kode)
    patuh = [b for b in h.data.baris if b.indikator.startswith("Jumlah Koperasi yang")]
    assert [(b.target_k, b.tw_k[:2]) for b in patuh][-2:] == [(90, (None, 30)), (17, (4, 3))]   # G11


def test_malang_salah_hitung(malang):
    t, h = malang
    ada(h, t.sel("Sub Kegiatan Penyediaan Gaji dan Tunjangan ASN", "12Rp"), "hitung", "14.380.465.882")   # G8
    ada(h, t.sel("Sub Kegiatan Penyediaan Gaji dan Tunjangan ASN", "13Rp"), "hitung", "38,72%")
    minol = "Sub Kegiatan Fasilitasi Penerbitan Surat Izin Usaha Perdagangan Minuman Beralkoh"
    ada(h, t.sel(minol, "13Rp"), "hitung", "89,38%", "19,70%")                                             # G9
    ada(h, t.sel("PROGRAM PERIZINAN DAN PENDAFTARAN PERUSAHAAN", "12Rp"), "hitung", "151.240.000")       # R10
    sub = "Sub Kegiatan Pemeriksaan Kepatuhan Koperasi terhadap Peraturan Perundang-Undanga"
    ada(h, t.sel(sub, "13K"), "hitung", "33,33%", "0,00%")                                                 # G11
    ada(h, t.sel("Jumlah Koperasi yang difasilitasi pembentukan, perubahan dan pembubarannya", "13K"), "hitung",
        "41,18%", "23,53%")
    ada(h, t.sel("rata_perizinan", "13Rp"), "rata", None, "68,65%")
    ada(h, t.sel("predikat_perizinan", "13K"), "predikat", "Sangat Tinggi", "Sedang")                       # 002:566
    ada(h, t.sel("predikat_perizinan", "13Rp"), "predikat", "Sangat Tinggi", "Rendah")
    tidak_ada(h, t.sel("Sub Kegiatan Fasilitasi Penerbitan Tanda Daftar Gudang", "13Rp"))                  # 92,35%
    # seeds-spec 5.5: col 12 Rp != 8 + 9 and col 13 Rp from TW I only (002:375, 432, 551); K col 13 (002:432)
    keu = "Kegiatan Administrasi Keuangan Perangkat Daerah"
    ada(h, t.sel(keu, "12Rp"), "hitung", "14.387.065.882", "5.143.799.958")
    ada(h, t.sel(keu, "13Rp"), "hitung", "38,72%", "13,83%")
    periksa = st.M_KOPERASI[2][1][:80]
    ada(h, t.sel(periksa, "13K"), "hitung", "34,58%", "23,53%")
    ada(h, t.sel(periksa, "13Rp"), "hitung", "29,19%", "14,50%")
    ada(h, t.sel("Kegiatan Penerbitan Tanda Daftar Gudang", "13Rp"), "hitung", "92,35%", "23,07%")


# ------------------------------------------------------------------------------------------- Tabel 2.1

def test_kalbar_tabel21(tmp_path: Path):
    p = tmp_path / "kalbar.xlsx"
    t = st.kalbar_tabel21(p)
    h = impor([p])
    assert (h.data.info.pemda, h.data.info.jenis_pemda, h.data.info.tahun) == (
        "Provinsi Kalimantan Barat", "provinsi", 2022)
    kode = {b.kode for b in h.data.baris}
    for k, *_ in st.K_BARIS:
        if k:
            pk = parse_kode(k, jenis_pemda="provinsi", bidang="2.17")
            assert (pk.normal or pk.saran) in kode, k
    assert {"2.17.01.1.01", "2.17.01.1.05.0011"} <= kode                              # C3, C4 fixed
    ada(h, t.sel("2.17.01.1.05.0009", "8"), "hitung", "45,00%", "60 %")                  # G14
    ada(h, t.sel("2.17.08", "8"), "hitung", "500,00%")                                    # 001:244
    for k in ("2.17.01.1.02", "2.17.01.1.05", "2.17.01.1.07"):                            # 100 % without a target
        ada(h, t.sel(k, "8"), "hitung", None, "100 %" if k != "2.17.01.1.05" else "100%")
    tidak_ada(h, t.sel("2.17.02", "8"))                                                   # G15 113 %
    umkm = [b for b in h.data.baris if b.kode == "2.17.08"]
    assert [b.indikator for b in umkm] == ["Presentase Usaha Kecil yang berkembang",
                                           "Prosentase Peserta Pelatihan UMKM yang Meningkatkan Pemahamannya",
                                           "Proporsi UKM Menjalin Kemitraan dan Ekspor"]
    assert [b.target_k for b in umkm] == [0.04, 89.39, None]


def test_semarang_tabel21(tmp_path: Path):
    p = tmp_path / "semarang.xlsx"
    t = st.semarang_tabel21(p)
    h = impor([p])
    ada(h, t.sel("Fasilitasi Akses Pembiayaan Bagi Usaha Mikro", "10"), "hitung", "1.923", "1925")     # G16
    ada(h, t.sel("Fasilitasi Akses Pembiayaan Bagi Usaha Mikro", "11"), "hitung", "114,81%")
    ada(h, t.sel("Prosentase Akses Pemasaran", "11"), "hitung", "91,30%", "86,96%")                    # G17
    akses = next(b for b in h.data.baris if b.indikator == "Prosentase Akses Pemasaran")
    assert akses.jenis.value == "persentase"                    # col 10 = 21, the last value, not a sum
    assert (akses.target_renstra_k, akses.realisasi_lalu_k, akses.target_k, akses.tw_k[3], akses.target_n1_k) \
        == (23, 24.5, 20, 20.35, 21)


# ----------------------------------------------------------------------- every input of every seed row

def test_malang_semua_masukan_kembali(malang):
    t, h = malang
    seed = [x[1:] for x in st.M_PENUNJANG + st.M_KOPERASI + st.M_PERIZINAN if not x[1].startswith(("BIDANG", "BID."))]
    induk = {u for u, _i, _n in seed if u.startswith(("PROGRAM", "Kegiatan"))}
    assert semua_masukan_kembali(h, t, seed, E81_MASUKAN, 3, induk) > 150


def test_kalbar_semua_masukan_kembali(tmp_path: Path):
    p = tmp_path / "kalbar.xlsx"
    t = st.kalbar_tabel21(p)
    h = impor([p])
    seed = [(u, i, n) for _k, u, i, n in st.K_BARIS]
    assert semua_masukan_kembali(h, t, seed, TC29_MASUKAN, 2, set()) > 90


def test_semarang_semua_masukan_kembali(tmp_path: Path):
    p = tmp_path / "semarang.xlsx"
    t = st.semarang_tabel21(p)
    h = impor([p])
    assert semua_masukan_kembali(h, t, st.S_BARIS, TC29_MASUKAN, 2, set()) > 60


# ------------------------------------------------- more seed rows: the rest of the seeds-spec 5.5 mistakes

SE_BARIS = [                                         # Semarang Tabel 2.1, seed 004 (line in the comment)
    ("PROGRAM PENINGKATAN SARANA DAN PRASARANA APARATUR", "Cakupan Pelayanan Sarana dan Prasarana Aparatur",  # 319
     "100% | 100% (40%) | 100% (20%) | 100% (20%) | 100% | 100% (20%) | 100% (80%) | 80%"),
    ("Pengadaan Kendaraan Dinas / Operasional", "Pengadaan kendaraan dinas / operasional",   # 320
     "5 unit | 1 | 0 | 0 | 0% | 0 | 0 | 0%"),
    ("PROGRAM PENINGKATAN PENGEMBANGAN SISTEM PELAPORAN CAPAIAN KINERJA DAN KEUANGAN",              # 333
     "Tertib pelaporan capaian kinerja dan keuangan",
     "100% | 100% (40%) | 100% (20%) | 100% (20%) | 100% | 100% (20%) | 100% (80%) | 80%"),
    ("Penyusunan Renja Skpd", "Renja SKPD", "1 buku | 1 |  |  |  |  | 1 | 100%"),                # 344
    ("", "Renja SKPD", "4 dokumen | 1 | 1 | 1 | 100% | 1 | 3 | 75%"),                             # 345
    ("Penyusunan Renstra Skpd", "Renstra SKPD", "1 buku | 1 |  |  |  |  | 1 | 100%"),            # 346
    ("", "Renstra SKPD", "1 dokumen | 0 | 0 | 0 | 0 | 1 | 1 | 0%"),                               # 347
    ("Penyusunan Rka Dan Dpa", "RKA dan DPA, DPPA SKPD", "3 buku | 3 |  |  |  |  | 3 | 100%"),   # 348
    ("", "RKA dan DPA, DPPA SKPD", "16 dokumen | 8 | 4 | 4 | 100% | 4 | 12 | 75%"),                # 349
    ("PROGRAM PENGEMBANGAN KEWIRAUSAHAAN DAN KEUNGGULAN KOMPETITIF USAHA KECIL MENENGAH",         # 351
     "Jumlah UMKM yang dibina", "3000 UMKM | 3.015 |  |  |  |  | 3015 | 100,5%"),
    ("", "Prosentase Meningkatnya Kualitas Usaha Mikro yang dibina",                               # 352
     "60% | 56,07% | 55% | 59,68 % | 108,51% | 58% | 58% | 96,67%"),
    ("", "Prosentase Meningkatnya Kualitas Produk yang dibina",                                    # 353
     "15% | 14,49 | 13% | 14,53% | 14,49% | 14% | 14% | 93,33%"),
    ("PROGRAM PENGEMBANGAN SISTEM PENDUKUNG USAHA BAGI KOPERASI USAHA MIKRO KECIL MENENGAH",       # 365
     "Jumlah Masyarakat yang dilatih ketrampilan usaha", "1580 orang | 1650 |  |  |  |  | 1650 | 104,4%"),
    ("", "Jumlah Wirausaha Baru", "806 orang | 840 |  |  |  |  | 840 | 104,2%"),                    # 366
    ("", "Prosentase Akses Pembiayaan", "40% | 79% | 30% | 80,14% | 267,13% | 35% | 35% | 87,5%"),   # 367
    ("", "Prosentase Legalitas Pelaku Usaha", "50% | 78,25% | 35% | 54,5% | 155,13% | 40% | 40% | 80%"),  # 368
    ("Pemasyarakatan Kelembagaan Koperasi", "Kelompok masyarakat yang mendapat sosialisasi perkoperasian",  # 392
     "2.640 org | 1020 | 540 | 850 | 157,4% | 540 | 2410 | 91,29%"),
    ("Advokasi Dan Pendampingan Koperasi", "Koperasi yang mendapat fasilitas pendirian, perubahan anggaran "  # 393
     "dasar dan pembubaran koperasi", "545 kop | 245 | 100 | 320 | 320% | 100 | 665 | 122,01%"),
    ("Fasilitas Perijinan Koperasi", "Koperasi yang mendapat fasilitas perijinan koperasi",         # 394
     "520 kop | 160 | 120 | 270 | 225% | 120 | 590 | 113,5%"),
    ("Pengembangan, Penguatan Dan Perlindungan Koperasi",                                          # 398
     "Koperasi yg mendapat pembinaan dalam penguatan dan perlindungan koperasi",
     "600 kop | 150 | 150 | 160 | 106,67% | 150 | 460 | 76,67%"),
    ("PROGRAM Penguatan Kelembagaan Koperasi", "Prosentase koperasi aktif",                        # 399
     "78,5% | 88,17 |  |  |  |  | 88,17% | 88,17%"),
    ("PROGRAM Peningkatan Produktivitas Dan Pengembangan Produk UMKM", "Jumlah UMKM yang dibina",  # 403
     "1500 UMKM | 1500 UMKM |  |  |  |  | 1500 | 100%"),
    ("Peningkatan Dan Pengembangan Kualitas Umkm",                                                 # 404
     "Jumlah UMKM yang ditingkatkan kewirausahaan dan ketrampilannya", "330 org | 330 |  |  |  |  | 330 | 100%"),
    ("Peningkatan Manajemen Umkm", "Jumlah UMKM yang ditingkatkan manajemen usahanya",             # 405
     "300 org | 360 |  |  |  |  | 360 | 100%"),
]

KE_BARIS = [                                         # Kalbar Tabel 2.1, seed 001
    ("2.17.05.1.01.0001", "Peningkatan Pemahaman dan Pengetahuan Perkoperasian serta Kapasitas dan Kompetensi "  # 224
     "SDM Koperasi", "Jumlah SDM yang Memahami Pengetahuan Perkoperasian",
     "210 orang | 150 org | 450 org | 420 org | 93% | 450 Orang |  | "),
    ("2.17.06", "PROGRAM PEMBERDAYAAN DAN PERLINDUNGAN KOPERASI", "Volume Usaha Koperasi (Rp)",           # 225
     "6.025.000.000.000 | 3% | 4 % | 17,07 % | 427 % | 5 Persen |  | "),
    ("2.17.06.1.01", "Pemberdayaan dan Perlindungan Koperasi yang Keanggotaannya Lintas Daerah Kabupaten/Kota "  # 226
     "dalam 1 (Satu) Daerah Provinsi", "Prosentase Koperasi yang diberdayakan",
     "63,45% | 252 Koperasi | 97,84 % | 38,59 % | 39,43 % | 97.84 Persen |  | "),
    ("2.17.06.1.01.0009", "Pemberdayaan Koperasi dengan Keanggotaan Lintas Daerah Kabupaten/Kota dalam 1 (satu) "  # 231
     "Daerah Provinsi", "Koperasi dengan Keanggotaan Lintas Daerah Kabupaten/Kota dalam 1 (satu) Daerah Provinsi "
     "yang diberdayakan (Unit Usaha)", "100 unit usaha |  |  |  |  |  |  | "),
    ("2.17.07", "PROGRAM PEMBERDAYAAN USAHA MENENGAH, USAHA KECIL, DAN USAHA MIKRO (UMKM)",               # 232
     "Prosentase Pertumbuhan UMKM (%)", "0,76 % | 1,37% | 1,45% | 0,14 % | 10 % | 1.47 Persen |  | "),
    ("2.17.07.1.01", "Pemberdayaan Usaha Kecil yang dilakukan Melalui Pendataan, Kemitraan, "  # 233
     "Kemudahan Perjanjian, Penguatan Kelembagaan dan Koordinasi dengan Para Pemangku Kepentingan",
     "1. Prosentase Usaha Kecil yang Diberdayakan 2. Pertumbuhan Wirausaha (Wirausaha) 3. Prosentase Usaha Mikro "
     "yang Bertransformasi dari Informal ke Formal",
     "3,33% 16.364 9.470 | 2 Persen - - | 2,36 % - - | 5,39 % - - | 229 % - - | 2.36 Persen - - |  | "),
]


def _tabel21(path: Path, judul: list, kepala: list[str], baris: list[tuple[str, ...]], kol_kode: bool) -> st.Tabel:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 2.1"
    tabel = st.Tabel(path, ws.title, st.Peta(judul, ["4"]))
    for i, t in enumerate(kepala, start=1):
        ws.cell(i, 1, t)
    r = st.tulis_header(ws, len(kepala) + 2, judul)
    for *awal, nilai in baris:
        kode = awal[0] if kol_kode else ""
        uraian, indikator = awal[-2:]
        st.tulis_baris(ws, r, [kode, uraian, indikator] + st.pisah(nilai))
        tabel.baris.setdefault(kode or uraian or indikator, r)
        tabel.baris.setdefault(indikator, r)
        r += 1
    wb.save(path)
    return tabel


def test_semarang_kesalahan_lain_di_selnya(tmp_path: Path):
    p = tmp_path / "semarang_lain.xlsx"
    t = _tabel21(p, st.TC29_SEMARANG_JUDUL, ["Tabel 2.1", "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Dinas "
                 "Koperasi dan Usaha Mikro Kota Semarang dan", "Pencapaian Renstra Dinas Koperasi dan Usaha Mikro "
                 "Kota Semarang s/d Tahun 2019"], SE_BARIS, False)
    h = impor([p])
    r = {n: t.baris[x] for n, x in [(349, "Penyusunan Rka Dan Dpa"), (347, "Penyusunan Renstra Skpd")]}
    r[349] += 1
    r[347] += 1
    ada(h, f"J{r[349]}", "hitung", "16", "12")                                          # 8 + 4 + 4
    ada(h, f"K{r[349]}", "hitung", "100,00%", "75%")
    ada(h, f"K{r[347]}", "hitung", "100,00%", "0%")
    ada(h, t.sel("Prosentase Meningkatnya Kualitas Produk yang dibina", "8"), "hitung", "111,77%", "14,49%")  # 353
    ada(h, t.sel("Prosentase Legalitas Pelaku Usaha", "8"), "hitung", "155,71%", "155,13%")                  # 368
    ada(h, t.sel("Fasilitas Perijinan Koperasi", "10"), "hitung", "550", "590")                              # 394
    ada(h, t.sel("Fasilitas Perijinan Koperasi", "11"), "hitung", "105,77%", "113,5%")
    ada(h, t.sel("PROGRAM Penguatan Kelembagaan Koperasi", "11"), "hitung", "112,32%", "88,17%")              # 399
    ada(h, t.sel("Peningkatan Manajemen Umkm", "11"), "hitung", "120,00%", "100%")                           # 405
    # 004:320 prints 0 for 1 + 0 + 0 vehicles: read as a level (its type is then marked), and the clash with
    # the unit is listed at that cell with the sum the unit's type gives
    kendaraan = "Pengadaan Kendaraan Dinas / Operasional"
    ada(h, t.sel(kendaraan, "10"), "jenis", "1 (bila kumulatif)", "0")
    i = next(i for i, b in enumerate(h.data.baris) if b.uraian == kendaraan)
    assert "walau satuannya 'unit'" in h.perlu_dicek[i]
    # the rows the document got right stay quiet
    for kunci in ("Pemasyarakatan Kelembagaan Koperasi", "Advokasi Dan Pendampingan Koperasi",
                  "Prosentase Akses Pembiayaan", "Prosentase Meningkatnya Kualitas Usaha Mikro yang dibina"):
        for kolom in ("8", "10", "11"):
            tidak_ada(h, t.sel(kunci, kolom))
    assert semua_masukan_kembali(h, t, SE_BARIS, TC29_MASUKAN, 2, set()) > 100


def test_kalbar_kesalahan_lain_di_selnya(tmp_path: Path):
    p = tmp_path / "kalbar_lain.xlsx"
    t = _tabel21(p, st.TC29_KALBAR_JUDUL, ["Tabel 2.1.", "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja dan "
                 "Pencapaian Renstra Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat"],
                 KE_BARIS, True)
    h = impor([p])
    ada(h, t.sel("2.17.07.1.01", "8"), "hitung", "228,39%", "229 % - -")                  # 001:233
    ada(h, t.sel("2.17.06.1.01", "8"), "hitung", "39,44%", "39,43 %")                     # 001:226, a 0,01 slip
    for k in ("2.17.05.1.01.0001", "2.17.06", "2.17.07"):                                  # 93 %, 427 %, 10 %
        tidak_ada(h, t.sel(k, "8"))
    assert {"2.17.05.1.01.0001", "2.17.06", "2.17.06.1.01", "2.17.06.1.01.0009", "2.17.07", "2.17.07.1.01"} <= {
        b.kode for b in h.data.baris}
    # a parent no row prints (kegiatan 2.17.05.1.01, program 2.17.05) gets an empty row to fill in
    induk = [b for b in h.data.baris if b.kode in ("2.17.05", "2.17.05.1.01")]
    assert len(induk) == 2 and not any(b.indikator for b in induk)
    seed = [(u, i, n) for _k, u, i, n in KE_BARIS]
    data = h.data
    h.data = type(data)(data.info, [b for b in data.baris if b.kode not in ("2.17.05", "2.17.05.1.01")])
    assert semua_masukan_kembali(h, t, seed, TC29_MASUKAN, 2, set()) > 30


# ------------------------------------------------ the imported Data Induk regenerates right forms (no LibreOffice)

def _isi_kode_dan_konfirmasi(induk: Path, hasil: HasilImpor) -> None:
    """What the user does once: type the codes a codeless form never printed (tree-consistent, under the
    bidang 2.17), the Kode Bidang Urusan, and clear every "Perlu dicek" cell."""
    from openpyxl import load_workbook

    wb = load_workbook(induk)
    ws, info = wb["Data"], wb["Info"]
    judul = {str(c.value): c.column for c in ws[1] if c.value}
    for r in range(1, info.max_row + 1):
        if str(info.cell(r, 1).value or "").startswith("Kode Bidang Urusan") and not info.cell(r, 2).value:
            info.cell(r, 2, "2.17")
    prog = keg = sub = 0
    kode = ""
    for i, b in enumerate(hasil.data.baris):
        if b.kode:
            kode = b.kode
        elif b.uraian and b.tingkat.label == "program":
            prog, keg = prog + 1, 0
            kode = f"2.17.{prog:02d}"
        elif b.uraian and b.tingkat.label == "kegiatan":
            keg, sub = keg + 1, 0
            kode = f"2.17.{prog:02d}.2.{keg:02d}"
        elif b.uraian:
            sub += 1
            kode = f"2.17.{prog:02d}.2.{keg:02d}.{sub:02d}"
        ws.cell(i + 2, judul["Kode"], kode)
        ws.cell(i + 2, judul["Perlu dicek"]).value = None
    wb.save(induk)


@pytest.mark.parametrize("seed", ["pontianak_e81", "malang_e81", "kalbar_tabel21", "semarang_tabel21"])
def test_seed_dibuat_ulang_masukan_sama_turunan_benar(seed: str, tmp_path: Path):
    """Import a seed table, confirm (codes typed where the form had none), `buat --semua`: the Data Induk
    passes the check, the regenerated forms carry the imported inputs and every derived cell is the core's
    (read from the cached values the generator writes)."""
    import dataclasses

    from renja_xl import generator
    from renja_xl.data_induk import BarisIndikator, baca_data_induk, periksa_data_induk
    from renja_xl.impor_induk import impor_berkas

    p = tmp_path / f"{seed}.xlsx"
    getattr(st, seed)(p)
    induk = tmp_path / "data_induk.xlsx"
    pertama = impor_berkas([p], induk)
    _isi_kode_dan_konfirmasi(induk, pertama)
    # what the check still reports is the seed's own: a realisasi without its target, a 2-digit sub kegiatan
    # among 4-digit ones (marked by the import), or a type the source's arithmetic chose against its unit
    # (listed in Catatan Impor)
    # (listed in Catatan Impor); in Pontianak also a name printed off its code and a kegiatan left with Rp
    # when the import moved the sub kegiatan printed under it to where its code belongs (both marked)
    masalah = periksa_data_induk(induk)
    assert {m.jenis for m in masalah} <= {"data_induk.target_kosong", "data_induk.jenis_satuan", "kode.era",
                                         "data_induk.nama_kosong", "data_induk.rp_induk"}, masalah
    for m in masalah:
        b = pertama.data.baris[m.baris - 2]
        tanda = pertama.perlu_dicek.get(m.baris - 2, "")
        if m.jenis == "data_induk.target_kosong":
            assert b.target_k is None and any(v is not None for v in b.tw_k)
        elif m.jenis == "kode.era":
            assert "2 digit" in tanda, (m, tanda)
        elif m.jenis == "data_induk.nama_kosong":
            assert "isi namanya" in tanda, (m, tanda)
        elif m.jenis == "data_induk.rp_induk":
            assert any(c.jenis == "kode" and f"bukan turunan {b.kode}" in c.pesan for c in pertama.catatan), m
        else:
            assert any(c.jenis == "jenis" and b.indikator[:40] in c.pesan for c in pertama.catatan), m
    data = baca_data_induk(induk, paksa=True)
    kedua = impor([generator.buat_semua(induk, tmp_path / "formulir.xlsx", paksa=bool(masalah))])
    assert not [c for c in kedua.catatan if c.jenis in ("hitung", "jumlah", "rata", "predikat", "jenis")], \
        kedua.catatan
    masukan = [f.name for f in dataclasses.fields(BarisIndikator) if f.name not in ("baris", "keterangan")]
    assert len(kedua.data.baris) == len(data.baris) == len(pertama.data.baris)
    beda = {(a.kode, k): (getattr(a, k), getattr(b, k)) for a, b in zip(kedua.data.baris, data.baris)
            for k in masukan if getattr(a, k) != getattr(b, k)}
    assert not beda, beda
    # and the inputs are the imported ones (the codes aside)
    for a, b in zip(pertama.data.baris, data.baris):
        assert (a.target_k, a.tw_k, a.target_rp, a.tw_rp, a.target_renstra_k, a.realisasi_lalu_k) == (
            b.target_k, b.tw_k, b.target_rp, b.tw_rp, b.target_renstra_k, b.realisasi_lalu_k)
