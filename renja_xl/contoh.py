"""The Pontianak 2022 example Data Induk: real figures, shipped as Python literals.

A newcomer's first run (``renja-xl data-induk contoh -o contoh.xlsx``) needs data that looks like theirs
without any reference folder, so a representative part of the Pontianak 2022 E.81 (Dinas Koperasi, Usaha
Mikro dan Perdagangan, evaluated at triwulan II; seed 000 lines 185-300) lives here: bidang Koperasi
(program penunjang 2.17.01 with Penyediaan Gaji — golden row G1 — and programs 2.17.03, 2.17.05, 2.17.07) and
Perdagangan program 3.30.04 (two indicators on one program; the "<5%" koefisien variasi, a lower-is-better
indicator — G2/G3).

What differs from the printed document, on purpose:
- codes are the corrected ones (``XXX.01.2.02.05`` -> ``2.17.01.2.02.05``, ``2.17.01.02.05`` -> ``2.17.01.2.05``,
  ``02.17.03 .`` -> ``2.17.03``); names follow the Permendagri 90/2019 nomenclature (2-digit era);
- Rp is entered only on sub kegiatan rows (the document's program/kegiatan Rp are roll-ups the generator
  rebuilds with formulas);
- rows whose printed cells are shifted between columns (000:199-210, 201-202 and the .06/.07 laporan rows)
  are left out rather than guessed;
- "<5%" is entered as 5 with jenis *menurun* (see Keterangan on that row); "-" in an Rp cell is 0, a blank
  cell stays empty; TW III and IV are empty (evaluated at triwulan II);
- the signatories' names and NIPs are placeholders marked "(contoh)".
"""

from __future__ import annotations

import os
from pathlib import Path

from renja_xl.capaian import JenisIndikator
from renja_xl.data_induk.model import BarisIndikator, Info
from renja_xl.data_induk.tulis import simpan_data_induk
from renja_xl.kode import parse_kode

__all__ = ["INFO_CONTOH", "BARIS_CONTOH", "baris_contoh", "tulis_contoh"]

K, P, NA, M = (JenisIndikator.KUMULATIF, JenisIndikator.PERSENTASE, JenisIndikator.NILAI_AKHIR,
               JenisIndikator.MENURUN)

INFO_CONTOH = Info(
    pemda="Kota Pontianak",
    jenis_pemda="kabupaten/kota",
    nama_opd="Dinas Koperasi, Usaha Mikro dan Perdagangan",
    bidang_urusan="2.17",
    tahun=2022,
    triwulan=2,
    renstra_awal=2020,
    renstra_akhir=2024,
    kepala_opd="NAMA KEPALA DINAS (contoh)",
    nip_kepala_opd="197001011995031001",
    jabatan_kepala_opd="Kepala Dinas Koperasi, Usaha Mikro dan Perdagangan Kota Pontianak (contoh)",
    kepala_bappeda="NAMA KEPALA BAPPEDA (contoh)",
    nip_kepala_bappeda="197202021996031002",
    tempat="Pontianak",
    tanggal="15 Juli 2022 (contoh)",
)

_KET_KV = ("Dokumen menulis '<5%' (koefisien variasi di bawah 5%); diisi 5 sebagai batas atas, jenis menurun.")

# (kode, uraian, sasaran, indikator, satuan, jenis,
#  target Renstra (K, Rp), realisasi s.d. tahun lalu (K, Rp), target Renja (K, Rp), TW I (K, Rp), TW II (K, Rp),
#  keterangan)  — seed 000 line in the comment
_Baris = tuple[str, str, str, str, str, JenisIndikator, tuple, tuple, tuple, tuple, tuple, str]
_DATA: tuple[_Baris, ...] = (
    # 000:185
    ("2.17.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "",
     "Persentase realisasi anggaran dalam pemenuhan urusan Pemerintahan Daerah", "Persen", P,
     (194, None), (97, None), (97, None), (16, None), (1, None), ""),
    # 000:186
    ("2.17.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "",
     "Jumlah dokumen/laporan perencanaan, penganggaran dan evaluasi kinerja perangkat daerah", "Dokumen/Laporan", K,
     (12, None), (12, None), (12, None), (None, None), (None, None), ""),
    # 000:187
    ("2.17.01.2.01.01", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "",
     "Jumlah dokumen perencanaan perangkat daerah yang disusun", "Dokumen", K,
     (10, 8844800), (5, 1980000), (5, 6864800), (2, None), (None, 540000), ""),
    # 000:188
    ("2.17.01.2.01.02", "Koordinasi dan Penyusunan Dokumen RKA-SKPD", "",
     "Jumlah sub kegiatan pada dokumen RKA SKPD yang disusun", "Sub Kegiatan", K,
     (100, 2077000), (50, 0), (50, 2077000), (None, None), (None, 0), ""),
    # 000:189
    ("2.17.01.2.01.03", "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD", "",
     "Jumlah sub kegiatan yang berubah pada dokumen Perubahan RKA SKPD yang disusun", "Sub Kegiatan", K,
     (80, 1337000), (40, 0), (40, 1337000), (None, None), (None, 0), ""),
    # 000:192
    ("2.17.01.2.02", "Administrasi Keuangan Perangkat Daerah", "",
     "Jangka waktu penyelenggaraan administrasi keuangan perangkat daerah", "Bulan", K,
     (24, None), (12, None), (12, None), (3, None), (None, None), ""),
    # 000:193 — golden row G1
    ("2.17.01.2.02.01", "Penyediaan Gaji dan Tunjangan ASN", "",
     "Jangka waktu penyediaan gaji dan tunjangan ASN", "Bulan", K,
     (48, 15970442994), (12, 7805036664), (12, 7863041117), (3, 1675018357), (3, 1973244136), ""),
    # 000:194
    ("2.17.01.2.02.03", "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", "",
     "Jangka waktu penatausahaan dan pengujian/verifikasi keuangan SKPD", "Bulan", K,
     (48, 695510000), (12, 344830000), (12, 341050000), (3, 10910000), (3, 142480000), ""),
    # 000:195 (printed with the malformed code XXX.01.2.02.05)
    ("2.17.01.2.02.05", "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD", "",
     "Jumlah laporan keuangan akhir tahun SKPD", "Laporan", K,
     (2, 1366000), (1, 0), (1, 1366000), (None, None), (None, 0), ""),
    # 000:204 (printed with the malformed code 2.17.01.02.05)
    ("2.17.01.2.05", "Administrasi Kepegawaian Perangkat Daerah", "",
     "Jumlah ASN yang dikelola administrasi kepegawaiannya", "ASN", K,
     (120, None), (60, None), (60, None), (None, None), (None, None), ""),
    # 000:205
    ("2.17.01.2.05.02", "Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya", "",
     "Jumlah pakaian dinas beserta perlengkapannya", "Stel", K,
     (180, 113322000), (60, 38302000), (120, 75020000), (None, None), (None, None), ""),
    # 000:206 (indicator and figures of the kegiatan; its name is printed one row down)
    ("2.17.01.2.06", "Administrasi Umum Perangkat Daerah", "",
     "Jangka waktu penyelenggaraan administrasi umum perangkat daerah", "Bulan", K,
     (24, None), (12, None), (12, None), (3, None), (None, None), ""),
    # 000:207
    ("2.17.01.2.06.01", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor", "",
     "Jangka waktu penyediaan komponen instalasi listrik/penerangan bangunan kantor", "Bulan", K,
     (48, 23949821), (12, 3248000), (12, 20695450), (None, None), (6, 3104598), ""),
    # 000:218
    ("2.17.03", "PROGRAM PENGAWASAN DAN PEMERIKSAAN KOPERASI", "",
     "Persentase peningkatan pengawasan dan pemeriksaan koperasi", "Persen", P,
     (38, None), (19, None), (19, None), (None, None), (None, None), ""),
    # 000:219
    ("2.17.03.2.01", "Pemeriksaan dan Pengawasan Koperasi, Koperasi Simpan Pinjam/Unit Simpan Pinjam Koperasi yang "
     "Wilayah Keanggotaannya dalam Daerah Kabupaten/Kota", "",
     "Persentase pemeriksaan dan pengawasan yang dilakukan untuk koperasi dengan wilayah keanggotaan dalam daerah "
     "kabupaten/kota", "Persen", P,
     (38, None), (19, None), (19, None), (None, None), (None, None), ""),
    # 000:220
    ("2.17.03.2.01.01", "Pengawasan Kekuatan, Kesehatan, Kemandirian, Ketangguhan, serta Akuntabilitas Koperasi "
     "Kewenangan Kabupaten/Kota", "", "Jumlah pelaksanaan pengawasan koperasi", "Bulan", K,
     (48, 24586700), (0, 0), (12, 24586700), (None, 0), (6, 0), ""),
    # 000:221
    ("2.17.03.2.01.02", "Pemeriksaan Kepatuhan Koperasi terhadap Peraturan Perundang-Undangan Kewenangan "
     "Kabupaten/Kota", "", "Jumlah pelaksanaan pemeriksaan koperasi", "Bulan", K,
     (48, 34218338), (12, 15908000), (12, 17371500), (None, 0), (6, 14871500), ""),
    # 000:225
    ("2.17.05", "PROGRAM PENDIDIKAN DAN LATIHAN PERKOPERASIAN", "",
     "Persentase pendidikan dan latihan perkoperasian", "Persen", P,
     (50, None), (31, None), (19, None), (None, None), (None, None), ""),
    # 000:226
    ("2.17.05.2.01", "Pendidikan dan Latihan Perkoperasian Bagi Koperasi yang Wilayah Keanggotaan dalam Daerah "
     "Kabupaten/Kota", "",
     "Persentase koperasi yang mengikuti pelatihan untuk koperasi dengan wilayah keanggotaan dalam daerah "
     "kabupaten/kota", "Persen", P,
     (50, None), (31, None), (19, None), (None, None), (None, None), ""),
    # 000:227
    ("2.17.05.2.01.01", "Peningkatan Pemahaman dan Pengetahuan Perkoperasian serta Kapasitas dan Kompetensi SDM "
     "Koperasi", "", "Jumlah koperasi yang mengikuti pelatihan", "Unit", K,
     (320, 795248639), (160, 394448430), (160, 400800000), (None, 0), (40, 19434880), ""),
    # 000:238
    ("2.17.07", "PROGRAM PEMBERDAYAAN USAHA MENENGAH, USAHA KECIL, DAN USAHA MIKRO (UMKM)",
     "Meningkatnya Pemberdayaan Usaha Mikro", "Persentase usaha mikro yang diberdayakan", "Persen", P,
     (8, None), (3, None), (5, None), (None, None), (None, None), ""),
    # 000:239
    ("2.17.07.2.01", "Pemberdayaan Usaha Mikro yang Dilakukan melalui Pendataan, Kemitraan, Kemudahan Perijinan, "
     "Penguatan Kelembagaan dan Koordinasi dengan Para Pemangku Kepentingan", "",
     "Rasio pertumbuhan wirausaha baru yang berskala mikro", "Persen", P,
     (4, None), (1, None), (3, None), (None, None), (None, None), ""),
    # 000:240
    ("2.17.07.2.01.01", "Pendataan Potensi dan Pengembangan Usaha Mikro", "",
     "Jumlah wirausaha baru yang berskala mikro", "Usaha", K,
     (80, 30700000), (30, 18000000), (50, 12700000), (None, 1812500), (20, 4000000), ""),
    # 000:292 — two indicators on one program (printed in one cell); golden row G2
    ("3.30.04", "PROGRAM STABILISASI HARGA BARANG KEBUTUHAN POKOK DAN BARANG PENTING",
     "Terkendalinya Laju Inflasi", "Tingkat stabilisasi harga barang kebutuhan pokok dan barang penting", "Persen", P,
     (83, None), (83, None), (83, None), (None, None), (83, None), ""),
    ("3.30.04", "", "", "Persentase kinerja realisasi pupuk", "Persen", P,
     (100, None), (100, None), (100, None), (None, None), (100, None), ""),
    # 000:293
    ("3.30.04.2.01", "Menjamin Ketersediaan Barang Kebutuhan Pokok dan Barang Penting di Tingkat Daerah "
     "Kabupaten/Kota", "", "Jangka waktu jaminan ketersediaan barang kebutuhan pokok dan barang penting", "Bulan", K,
     (48, None), (12, None), (12, None), (None, None), (6, None), ""),
    # 000:294
    ("3.30.04.2.01.03", "Pengendalian Ketersediaan Barang Kebutuhan Pokok dan Barang Penting di Tingkat Agen dan "
     "Pasar Rakyat", "", "Jangka waktu pengendalian ketersediaan barang kebutuhan pokok dan barang penting di "
     "tingkat agen dan pasar rakyat", "Bulan", K,
     (48, 13800000), (12, 6900000), (12, 6900000), (None, 0), (6, 4100000), ""),
    # 000:295 — golden row G3 (lower is better)
    ("3.30.04.2.02", "Pengendalian Harga, dan Stok Barang Kebutuhan Pokok dan Barang Penting di Tingkat Pasar "
     "Kabupaten/Kota", "", "Persentase koefisien variasi harga antar waktu", "Persen", M,
     (5, None), (5, None), (5, None), (5, None), (None, None), _KET_KV),
    # 000:296
    ("3.30.04.2.02.02", "Pemantauan Harga dan Stok Barang Kebutuhan Pokok dan Barang Penting Pada Pasar Rakyat yang "
     "Terintegrasi dalam Sistem Informasi Perdagangan", "",
     "Jangka waktu pemantauan harga dan stok barang kebutuhan pokok dan barang penting", "Bulan", K,
     (48, 139894300), (12, 72153249), (12, 65915000), (3, 5953200), (3, 23029800), ""),
    # 000:297
    ("3.30.04.2.02.03", "Pelaksanaan Operasi Pasar Reguler dan Pasar Khusus yang Berdampak dalam 1 (Satu) "
     "Kabupaten/Kota", "", "Jumlah operasi pasar", "Kali", K,
     (4, 37634000), (1, 6084000), (1, 31550000), (None, 0), (1, 31450000), ""),
)


def _f(v: float | int | None) -> float | None:
    return None if v is None else float(v)


def baris_contoh(baris_awal: int = 2) -> list[BarisIndikator]:
    """The example rows as :class:`BarisIndikator`, numbered as they are written to sheet Data."""
    hasil = []
    for i, (kode, uraian, sasaran, indikator, satuan, jenis, renstra, lalu, target, tw1, tw2, ket) in enumerate(_DATA):
        k = parse_kode(kode)
        assert k.valid and k.tingkat is not None, kode
        hasil.append(BarisIndikator(
            baris=baris_awal + i, kode=kode, tingkat=k.tingkat, uraian=uraian, sasaran=sasaran,
            indikator=indikator, satuan=satuan, jenis=jenis,
            target_renstra_k=_f(renstra[0]), target_renstra_rp=_f(renstra[1]),
            realisasi_lalu_k=_f(lalu[0]), realisasi_lalu_rp=_f(lalu[1]),
            target_k=_f(target[0]), target_rp=_f(target[1]),
            tw_k=(_f(tw1[0]), _f(tw2[0]), None, None), tw_rp=(_f(tw1[1]), _f(tw2[1]), None, None),
            target_tw_k=(None, None, None, None), lokasi="Kota Pontianak", sumber_dana="",
            target_n1_k=None, pagu_n1=None, penanggung_jawab="", keterangan=ket,
        ))
    return hasil


BARIS_CONTOH: tuple[BarisIndikator, ...] = tuple(baris_contoh())


def tulis_contoh(path: str | os.PathLike[str], *, timpa: bool = False) -> Path:
    """Write the filled Pontianak 2022 example Data Induk to ``path`` (atomically; never overwrites without
    ``timpa``) and return the path."""
    return simpan_data_induk(path, INFO_CONTOH, BARIS_CONTOH, timpa=timpa)
