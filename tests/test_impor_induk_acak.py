"""Property: any valid Data Induk -> every generated form (``buat --semua``) -> ``data-induk impor`` gives the
same Data Induk back, on every input field and every Info field.

The random books follow what the generator prints: Rp on the first indicator row of a leaf, the sasaran on
a node's first row, one location per node, quarters only up to the evaluated triwulan, units that fit the
type (the printed forms show the unit and the formulas; persentase vs nilai akhir is told by the unit)."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renja_xl import generator
from renja_xl.buku import simpan_atomik
from renja_xl.capaian import JenisIndikator
from renja_xl.angka import parse_angka
from renja_xl.data_induk import BarisIndikator, DataInduk, Info
from renja_xl.data_induk.baca import target_khusus
from renja_xl.impor_induk import impor
from renja_xl.kode import parse_kode

J = JenisIndikator
_KATA = ("Sukamaju", "Tanah", "Datar", "Harapan", "Sejahtera", "Mandiri", "Lestari", "Bahari", "Makmur", "Jaya")
_URAIAN = ("Penyediaan", "Pengelolaan", "Pembinaan", "Fasilitasi", "Koordinasi", "Pengembangan", "Pemantauan",
           "Administrasi", "Pelayanan", "Peningkatan")
_BENDA = ("Sarana", "Pasar", "Koperasi", "Usaha Mikro", "Dokumen Perencanaan", "Gedung Kantor", "Data Industri",
          "Kemitraan", "Pelatihan", "Promosi Dagang")
_SATUAN = {J.KUMULATIF: ("Dokumen", "Unit", "Kali", "Orang", "Bulan", "Laporan"), J.PERSENTASE: ("Persen", "%"),
           J.NILAI_AKHIR: ("Indeks", "Nilai", "Skor"), J.MENURUN: ("Persen", "Kasus", "%")}
_AWAL_INDIKATOR = {J.KUMULATIF: "Jumlah", J.PERSENTASE: "Persentase", J.NILAI_AKHIR: "Indeks",
                   J.MENURUN: "Tingkat"}

kata = st.sampled_from(_KATA)
nama_item = st.builds(lambda a, b: f"{a} {b}", st.sampled_from(_URAIAN), st.sampled_from(_BENDA))
angka = st.one_of(st.none(), st.integers(0, 500).map(float), st.floats(0, 1000, allow_nan=False).map(
    lambda x: round(x, 2)))
rupiah = st.one_of(st.none(), st.integers(0, 10**11).map(float))
# a K target may also be a bound or a range, held as the Data Induk's canonical text
target = st.one_of(angka, st.sampled_from(("<5", "< 5%", ">= 80", "4,5 - 5,5 %", "<= 12,5")).map(
    lambda t: target_khusus(parse_angka(t))))
# a level indicator may be scored in letter grades: then every K value is a grade
huruf = st.one_of(st.none(), st.sampled_from(("AA", "A", "BB", "B", "CC", "C", "D")))


@st.composite
def info(draw) -> Info:
    jenis = draw(st.sampled_from(("kabupaten/kota", "provinsi")))
    awal = "Provinsi" if jenis == "provinsi" else draw(st.sampled_from(("Kota", "Kabupaten")))
    pemda = f"{awal} {' '.join(draw(st.lists(kata, min_size=1, max_size=2, unique=True)))}"
    opd = "Dinas " + " ".join(draw(st.lists(st.sampled_from(_BENDA), min_size=1, max_size=2, unique=True))) \
        .replace(" ", " dan ", 1 if draw(st.booleans()) else 0)
    tahun = draw(st.integers(2021, 2027))
    renstra = tahun - draw(st.integers(0, 4))
    nip = st.from_regex(r"19[6-9][0-9]{15}", fullmatch=True)
    nama = st.builds(lambda a, b: f"{a.upper()} {b.upper()}", kata, kata)
    return Info(pemda=pemda, jenis_pemda=jenis, nama_opd=opd, bidang_urusan="2.17", tahun=tahun,
                triwulan=draw(st.integers(1, 4)), renstra_awal=renstra, renstra_akhir=renstra + 4,
                kepala_opd=draw(nama), nip_kepala_opd=draw(st.one_of(st.just(""), nip)),
                jabatan_kepala_opd=draw(st.sampled_from(("", "Pembina Utama Muda", f"Kepala {opd}"))),
                kepala_bappeda=draw(st.one_of(st.just(""), nama)), nip_kepala_bappeda=draw(nip),
                tempat=draw(kata), tanggal=draw(st.sampled_from(("", f"15 Juli {tahun}", f"2 Januari {tahun + 1}"))))


@st.composite
def data_induk(draw) -> DataInduk:
    inf = draw(info())
    tw = inf.triwulan
    digit = "1" if inf.jenis_pemda == "provinsi" else "2"
    baris: list[BarisIndikator] = []

    def node(kode: str, daun: bool) -> None:
        tingkat = parse_kode(kode).tingkat
        assert tingkat is not None
        uraian = draw(nama_item)
        lokasi = draw(st.sampled_from(("", inf.pemda, "Semua Kecamatan")))
        sumber = draw(st.sampled_from(("", "DAU", "PAD")))
        for j in range(draw(st.integers(1, 2))):
            jenis = draw(st.sampled_from(list(J)))
            pertama_daun = daun and j == 0
            dinilai_huruf = jenis in (J.PERSENTASE, J.NILAI_AKHIR) and draw(st.integers(0, 3)) == 0
            k, t = (huruf, huruf) if dinilai_huruf else (angka, target)
            target_tw = draw(st.one_of(st.just((None,) * 4), st.tuples(t, t, t, t)))
            baris.append(BarisIndikator(
                baris=len(baris) + 2, kode=kode, tingkat=tingkat, uraian=uraian if j == 0 else "",
                sasaran=draw(st.sampled_from(("", "Meningkatnya Kinerja"))) if j == 0 else "",
                indikator=f"{_AWAL_INDIKATOR[jenis]} {draw(nama_item).lower()} {j + 1}",
                satuan=draw(st.sampled_from(_SATUAN[jenis])), jenis=jenis,
                target_renstra_k=draw(t), target_renstra_rp=draw(rupiah) if pertama_daun else None,
                realisasi_lalu_k=draw(k), realisasi_lalu_rp=draw(rupiah) if pertama_daun else None,
                target_k=draw(t), target_rp=draw(rupiah) if pertama_daun else None,
                tw_k=tuple(draw(k) if i < tw else None for i in range(4)),  # type: ignore[arg-type]
                tw_rp=tuple(draw(rupiah) if pertama_daun and i < tw else None for i in range(4)),  # type: ignore
                target_tw_k=target_tw, lokasi=lokasi, sumber_dana=sumber, target_n1_k=draw(k),
                pagu_n1=draw(rupiah) if pertama_daun else None,
                penanggung_jawab=draw(st.sampled_from(("", "Sekretaris", "Kepala Bidang Koperasi"))),
                keterangan=draw(st.sampled_from(("", "Data sementara", "Refocusing anggaran")))))

    for p in sorted(draw(st.sets(st.integers(2, 30), min_size=1, max_size=2))):
        kp = f"2.17.{p:02d}"
        kegiatan = sorted(draw(st.sets(st.integers(1, 9), max_size=2)))
        node(kp, not kegiatan)
        for k in kegiatan:
            kk = f"{kp}.{digit}.{k:02d}"
            sub = sorted(draw(st.sets(st.integers(1, 20), max_size=2)))
            node(kk, not sub)
            for s in sub:
                node(f"{kk}.{s:02d}", True)
    return DataInduk(inf, baris)


MASUKAN = [f.name for f in dataclasses.fields(BarisIndikator) if f.name != "baris"]


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data_induk(), st.sampled_from(("e81", "e81-renja")))
def test_data_induk_acak_bolak_balik(data: DataInduk, bentuk: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        keluar = Path(d) / "formulir.xlsx"
        simpan_atomik(generator.isi_buku_semua(data, bentuk_form=bentuk), keluar)
        hasil = impor([keluar])
    assert hasil.data.info == data.info
    assert len(hasil.data.baris) == len(data.baris), [b.kode for b in hasil.data.baris]
    beda = {(i, a.kode): {k: (getattr(a, k), getattr(b, k)) for k in MASUKAN if getattr(a, k) != getattr(b, k)}
            for i, (a, b) in enumerate(zip(hasil.data.baris, data.baris))}
    assert not {k: v for k, v in beda.items() if v}
    assert not [c for c in hasil.catatan if c.jenis != "info"], hasil.catatan
