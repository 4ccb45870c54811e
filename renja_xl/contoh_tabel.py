"""Builders of test workbooks that reproduce real tables from the seed documents, mistakes included.

Rows are copied from the seeds (``../shared/seeds``; line numbers in the comments) with values typed as
text with units exactly as printed. Where the PDF extraction shifted or merged cells, the cells are put
back in their columns; every printed number is kept. These are fixtures: the tests never read
``../shared`` for them, so they run on any clone.

Also: a correct E.81 of the same shape (numbers, optionally formulas) for the "no finding" tests.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

# ------------------------------------------------------------------------------------------ helpers

E81_PONTIANAK_JUDUL = [
    ("No", None, False), ("Sasaran", None, False), ("Program/Kegiatan", None, False),
    ("Indikator Kinerja Program (Outcome)/ Kegiatan (Output)", None, False),
    ("Target Renstra Perangkat Daerah pada Tahun 2020-2024", "5", True),
    ("Realisasi Capaian Kinerja Renstra Perangkat Daerah sampai dengan Renja Perangkat Daerah Tahun Lalu (2021)",
     "6", True),
    ("Target Kinerja Dan Anggaran Renja Perangkat Daerah Tahun Berjalan (2022) yang dievaluasi", "7", True),
    ("Realisasi Kinerja Pada Triwulan I", "8", True),
    ("Realisasi Kinerja Pada Triwulan II", "9", True),
    ("Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang dievaluasi", "12", True),
    ("Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah sd tahun 2024 (Akhir Tahun Pelaksanaan Tahun 2024)",
     "13=6+12", True),
    ("Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra Perangkat Daerah s/d Tahun 2024(%)",
     "14=13/5x100%", True),
    ("Unit Perangkat daerah Penanggung jawab", "15", False),
    ("Ket.", "16", False),
]
# the nomor labels are written as "1".."4" for the leading columns
PONTIANAK_NILAI = ["5", "6", "7", "8", "9", "12", "13", "14"]

E81_MALANG_JUDUL = [
    ("No", None, False), ("Sasaran", None, False), ("Program/ Kegiatan", None, False),
    ("Indikator Kinerja Program (outcome)/ Kegiatan/Sub Kegiatan (output)", None, False),
    ("Target Renstra Perangkat Daerah pada tahun 2023 (Akhir periode renstra perangkat daerah)", "5", True),
    ("Realisasi capaian Kinerja Renstra Perangkat Daerah s.d Renja Perangkat Daerah Tahun Lalu 2020", "6", True),
    ("Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun berjalan (Tahun 2021) yang dievaluasi", "7", True),
    ("Realisasi Kinerja Pada Triwulan I", "8", True),
    ("Realisasi Kinerja Pada Triwulan II", "9", True),
    ("Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang di evaluasi (2020)",
     "12 = 8+9+10+11", True),
    ("Tingkat Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang dievaluasi Tahun 2020 (%)",
     "13 = 12/7 x 100%", True),
]

TC29_KALBAR_JUDUL = [
    ("Kode", "1", False),
    ("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan", "2", False),
    ("Indikator Kinerja Program/Kegiatan/Sub Kegiatan", "3", False),
    ("Target Capaian Kinerja Program/ Kegiatan/Sub Kegiatan Renstra Tahun 2024", "4", False),
    ("Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan dan Sub Kegiatan s/d tahun 2021 (n-3)", "5", False),
    ("Target Renja Perangkat Daerah Tahun 2022 (n-2)", "6", False),
    ("Realisasi Renja Perangkat Daerah tahun 2022 (n-2)", "7", False),
    ("Tingkat Realisasi (%)", "8=(7/6)", False),
    ("Target program/ kegiatan/ Sub Kegiatan Renja Perangkat Daerah tahun 2023 (n-1)", "9", False),
    ("Realisasi Capaian Program/Kegiatan/Sub Kegiatan s/d tahun 2023 (n-1)", "10", False),
    ("Tingkat Capaian Realisasi Target Renstra (%)", "11=(10/9)", False),
]

TC29_SEMARANG_JUDUL = [
    ("No", "1", False), ("Urusan/Bidang Urusan PD dan Program/Kegiatan", "2", False),
    ("Indikator Kinerja Program (outcome)/ Kegiatan (output)", "3", False),
    ("Target Capaian Kinerja Program (Renstra Perangkat Daerah) Tahun 2016-2021", "4", False),
    ("Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s/d tahun 2018", "5", False),
    ("Target Renja PD tahun 2019", "6", False), ("Realisasi Renja PD tahun 2019", "7", False),
    ("Tingkat Realisasi (%)", "8=(7/6)", False), ("Target Program dan Kegiatan Renja PD tahun 2020", "9", False),
    ("Realisasi Capaian Program dan Kegiatan s/d tahun 2020", "10=(5+7+9)", False),
    ("Tingkat Capaian Realisasi Target Renstra (%)", "11=(10/4)", False),
]


def _nomor_label(judul: list, i: int) -> str:
    lab = judul[i][1]
    return lab if lab is not None else str(i + 1)


def tulis_header(ws, r: int, judul: list, *, nomor: bool = True) -> int:
    """Header text row (merged over K/Rp), numbering row (unless ``nomor=False``: some officers delete
    it), K/Rp row. Returns the first data row."""
    c = 1
    ada_krp = any(j[2] for j in judul)
    r_krp = r + (2 if nomor else 1)
    for i, (teks, _lab, krp) in enumerate(judul):
        ws.cell(r, c, teks).alignment = Alignment(wrap_text=True)
        ws.cell(r, c).font = Font(bold=True)
        if nomor:
            ws.cell(r + 1, c, _nomor_label(judul, i))
        if krp:
            ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c + 1)
            if nomor:
                ws.merge_cells(start_row=r + 1, start_column=c, end_row=r + 1, end_column=c + 1)
            ws.cell(r_krp, c, "K")
            ws.cell(r_krp, c + 1, "Rp")
            c += 2
        else:
            c += 1
    return r_krp + 1 if ada_krp else r_krp


def _sel(v: object) -> object:
    if isinstance(v, str):
        v = v.strip()
        return v if v else None
    return v


def tulis_baris(ws, r: int, sel: list[object]) -> None:
    for c, v in enumerate(sel, start=1):
        v = _sel(v)
        if v is not None:
            ws.cell(r, c, v)


def pisah(nilai: str) -> list[str]:
    """'48 Bulan | 15.970.442.994 | ...' -> cells."""
    return [x.strip() for x in nilai.split("|")]


# ------------------------------------------------------------------- Pontianak 2022 E.81 (seed 000)
# (sasaran, program/kegiatan, indikator, "5K | 5Rp | 6K | 6Rp | 7K | 7Rp | 8K | 8Rp | 9K | 9Rp | 12K | 12Rp |
#  13K | 13Rp | 14K | 14Rp")

P_KOPERASI = [
    ("", "2.17.01 .-PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",  # 000:179
     "Persentase realisasi anggaran dalam pemenuhan urusan Pemerintahan Daerah",
     "194 Persen | 19.137.798.705 | 97 Persen | 8.877.283.339 | 97 Persen | 9.863.292.547 | 16 Persen | "
     "1.842.268.131 | 1 Persen | 2.534.262.732 | 3 Persen | 4.376.530.863 | 100 Persen | 13.253.814.202 | 61% 24% | "),
    # (000:179 prints K and Rp capaian in one cell)
    ("", "2.17.01.2.01. Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",  # 000:180
     "Jumlah dokumen/laporan perencanaan, penganggaran dan Evaluasi kinerja perangkat daerah",
     "12 Dokumen/ laporan | 16.212.400 | 12 Dokumen / laporan | 2.430.000 | 12 Dokumen / laporan | 13.782.400 | "
     "Dokumen / laporan | - | Dokumen / laporan | 540.000 | - Dokumen/ laporan | 540.000 | 12 Dokumen/ laporan | "
     "2.970.000 | 100% | 18%"),
    ("", "2.17.01.2.01.01 Penyusunan Dokumen Perencanaan Perangkat Daerah",  # 000:181
     "Jumlah dokumen perencanaan perangkat daerah yang disusun",
     "10 Dokumen | 8.844.800 | 5 Dokumen | 1.980.000 | 5 Dokumen | 6.864.800 | 2 Dokumen |  | Dokumen | 540.000 | "
     "2 Dokumen | 540.000 | 7 Dokumen | 2.520.000 | 70% | 28%"),
    ("", "2.17.01.2.01.02 Koordinasi dan Penyusunan Dokumen RKA-SKPD",  # 000:182
     "Jumlah sub kegiatan pada dokumen RKA SKPD yang disusun",
     "100 Sub Kegiatan | 2.077.000 | 50 Sub Kegiatan | - | 50 Sub Kegiatan | 2.077.000 | Sub Kegiatan |  | "
     "Sub Kegiatan | - | 0 Sub Kegiatan | - | 50 Sub Kegiatan | - | 50% | "),
    ("", "2.17.01.2.01.03 Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD",  # 000:183
     "Jumlah sub kegiatan yang berubah pada dokumen Perubahan RKA SKPD yang disusun",
     "80 Sub Kegiatan | 1.337.000 | 40 Sub Kegiatan | - | 40 Sub Kegiatan | 1.337.000 | Sub Kegiatan |  | "
     "Sub Kegiatan | - | 0 Sub Kegiatan | - | 40 Sub Kegiatan | - | 50% | "),
    ("", "2.17.01.2.01.06 Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
     "Jumlah laporan capaian kinerja dan ikhtisar realisasi kinerja SKPD yang disusun",  # 000:184
     "4 Laporan | 2.322.800 | 2 Laporan | 450.000 | 2 Laporan | 1.872.800 | Laporan |  | 1 Laporan |  | "
     "1 Laporan | - | 3 Laporan | 450.000 | 75% | 19%"),
    ("", "2.17.01.2.01.07 Jumlah laporan evaluasi kinerja perangkat daerah Evaluasi Kinerja Perangkat Daerah",
     "Jumlah laporan evaluasi kinerja perangkat daerah",  # 000:185 (N4: indicator text in the name)
     "4 Laporan | 1.630.800 | 2 Laporan | - | 2 Laporan | 1.630.800 | Laporan |  | 1 Laporan |  | 1 Laporan | - | "
     "3 Laporan | - | 75% | "),
    ("", "2.17.01.2.02. Administrasi Keuangan Perangkat Daerah",  # 000:186
     "Jangka waktu penyelenggaraan administrasi keuangan perangkat daerah",
     "24 Bulan | 16.667.318.994 | 12 Bulan | 8.149.866.664 | 12 Bulan | 8.205.457.117 | 3 Bulan | 1.685.928.357 | "
     "Bulan | 2.115.724.136 | 3 Bulan | 3.801.652.493 | 15 Bulan | 11.951.519.157 | 63% | 72%"),
    ("", "2.17.01.2.02.01 Penyediaan Gaji dan Tunjangan ASN",  # 000:187 (G1)
     "Jangka waktu penyediaan gaji dan tunjangan ASN",
     "48 Bulan | 15.970.442.994 | 12 Bulan | 7.805.036.664 | 12 Bulan | 7.863.041.117 | 3 Bulan | 1.675.018.357 | "
     "3 Bulan | 1.973.244.136 | 6 Bulan | 3.648.262.493 | 18 Bulan | 11.453.299.157 | 38% | 72%"),
    ("", "2.17.01.2.02.03 Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD",  # 000:188
     "Jangka waktu penatausahaan dan pengujian/verifikasi keuangan SKPD",
     "48 Bulan | 695.510.000 | 12 Bulan | 344.830.000 | 12 Bulan | 341.050.000 | 3 Bulan | 10.910.000 | 3 Bulan | "
     "142.480.000 | 6 Bulan | 153.390.000 | 18 Bulan | 498.220.000 | 38% | 72%"),
    ("", "XXX.01.2.02.05", "Jumlah Laporan Keuangan Akhir Tahun SKPD",  # 000:189 (C1)
     "2 Laporan | 1.366.000 | 1 Laporan | - | 1 Laporan | 1.366.000 | Laporan |  | Laporan | - | 0 Laporan | - | "
     "1 Laporan | - | 50% | "),
    ("", "2.17.01.02.05 . Administrasi Kepegawaian Perangkat Daerah",  # 000:198 (C2)
     "Jumlah ASN yang dikelola administrasi kepegawaiannya",
     "120 ASN | 113.322.000 | 60 ASN | 38.302.000 | 60 ASN | 75.020.000 | ASN | - | ASN | - |  |  | 60 ASN | "
     "38.302.000 | 50% | 34%"),
    ("", "2.17.01.2.05.02", "Jumlah pakaian dinas beserta perlengkapannya",  # 000:199 (N4: no name)
     "180 Stel | 113.322.000 | 60 Stel | 38.302.000 | 120 Stel | 75.020.000 | Stel |  | Stel |  |  |  | 60 Stel | "
     "38.302.000 | 33% | 34%"),
    # 000:200-209: names printed one row below their codes (L4); put back on their rows here.
    ("", "2.17.01.2.06 Administrasi Umum Perangkat Daerah",
     "Jangka waktu penyelenggaraan administrasi umum perangkat daerah",
     "24 Bulan | 564.941.214 | 12 Bulan | 140.624.950 | 12 Bulan | 422.274.943 | 3 Bulan | 51.003.487 | Bulan | "
     "54.757.710 | 3 Bulan | 105.761.197 | 15 Bulan | 246.386.147 | 63% | 44%"),
    ("", "2.17.01.2.06.01 Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
     "Jangka waktu penyediaan komponen instalasi listrik/penerangan bangunan kantor",
     "48 Bulan | 23.949.821 | 12 Bulan | 3.248.000 | 12 Bulan | 20.695.450 | Bulan |  | 6 Bulan | 3.104.598 | "
     "6 Bulan | 3.104.598 | 18 Bulan | 6.352.598 | 38% | 27%"),
    ("", "2.17.01.2.06.02 Penyediaan Peralatan dan Perlengkapan Kantor",
     "Jumlah sub kegiatan pada dokumen RKA SKPD yang disusun",  # N5: indicator copied from 2.01.02
     "48 Bulan | 155.667.965 | 12 Bulan | 61.861.500 | 12 Bulan | 93.806.465 | 3 Bulan | 3.880.000 | 3 Bulan | "
     "32.050.112 | 6 Bulan | 35.930.112 | 18 Bulan | 97.791.612 | 38% | 63%"),
    ("", "2.17.01.2.06.03 Penyediaan Peralatan Rumah Tangga",
     "Jumlah unit peralatan rumah tangga yang disediakan",
     "2 Unit | 18.298.528 | 1 Unit | 6.498.750 | 1 Unit | 11.798.528 | Unit |  | Unit | 3.587.400 | 0 Unit | "
     "3.587.400 | 1 Unit | 10.086.150 | 50% | 55%"),
    ("", "2.17.01.2.06.04 Penyediaan Bahan Logistik Kantor", "Jangka waktu penyediaan bahan logistik kantor",
     "48 Bulan | 39.530.000 | 12 Bulan | 28.042.500 | 12 Bulan | 10.420.000 | 3 Bulan | 900.000 | 3 Bulan | "
     "4.006.500 | 6 Bulan | 4.906.500 | 18 Bulan | 32.949.000 | 38% | 83%"),
    ("", "2.17.01.2.06.05 Penyediaan Barang Cetakan dan Penggandaan",
     "Jangka waktu penyediaan barang cetakan dan pengandaan",
     "48 Bulan | 74.888.900 | 12 Bulan | 33.474.200 | 12 Bulan | 41.408.500 | Bulan |  | 6 Bulan | 2.067.100 | "
     "6 Bulan | 2.067.100 | 18 Bulan | 35.541.300 | 38% | 47%"),
    ("", "2.17.01.2.06.06 Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan",
     "Jangka waktu penyediaan bahan bacaan dan peraturan perundang-undangan",
     "48 Bulan | 14.460.000 | 12 Bulan | 7.500.000 | 12 Bulan | 6.000.000 | 3 Bulan | 820.000 | 3 Bulan | "
     "1.230.000 | 6 Bulan | 2.050.000 | 18 Bulan | 9.550.000 | 38% | 66%"),
    ("", "2.17.01.2.06.09 Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
     "Jangka waktu rapat koordinasi dan konsultasi SKPD yang diselenggarakan",
     "48 Bulan | 238.146.000 | 12 Bulan | - | 12 Bulan | 238.146.000 | 2 Bulan | 45.403.487 | 4 Bulan | 8.712.000 | "
     "6 Bulan | 54.115.487 | 18 Bulan | 54.115.487 | 38% | 23%"),
    ("", "2.17.01.2.07 Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
     "Jumlah Unit pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
     "43 Unit | 353.585.657 | 3 Unit | 16.218.200 | 40 Unit | 336.062.860 | 27 Unit | 13.076.550 | Unit | "
     "253.738.500 | 27 Unit | 266.815.050 | 30 Unit | 283.033.250 | 70% | 80%"),
    ("", "2.17.01.2.07.10 Pengadaan Sarana dan Prasarana Pendukung Gedung Kantor atau Bangunan Lainnya",
     "Jumlah unit pengadaan Sarana dan Prasarana Pendukung Gedung Kantor atau Bangunan Lainnya",  # 000:209
     "43 Unit | 353.585.657 | 3 Unit | 16.218.200 | 40 Unit | 336.062.860 | 6 Unit | 13.076.550 | 21 Unit | "
     "253.738.500 | 27 Unit | 266.815.050 | 30 Unit | 283.033.250 | 70% | 80%"),
    ("", "2.17.01.2.08 . Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",  # 000:255
     "Jangka Waktu penyediaan jasa penunjang urusan pemerintahan daerah",
     "24 Bulan | 837.017.991 | 12 Bulan | 383.420.960 | 3 Bulan | 416.912.978 | 3 Bulan | 88.514.737 | Bulan | "
     "93.526.786 | 3 Bulan | 182.041.523 | 15 Bulan | 565.462.483 | 63% | 68%"),
    ("", "2.17.01.2.08.02 Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",  # 000:256
     "Jangka waktu penyediaan jasa layanan internet, telepon, air dan listrik",
     "48 Bulan | 678.741.191 | 12 Bulan | 304.021.963 | 12 Bulan | 339.974.578 | 3 Bulan | 76.608.337 | 3 Bulan | "
     "70.167.186 | 6 Bulan | 146.775.523 | 18 Bulan | 450.797.486 | 38% | 66%"),
    ("", "2.17.01.2.08.04 Penyediaan Jasa Pelayanan Umum Kantor", "Jangka waktu penyediaan jasa kebersihan kantor",
     "48 Bulan | 158.276.800 | 12 Bulan | 79.398.997 | 12 Bulan | 76.938.400 | 3 Bulan | 11.906.400 | 3 Bulan | "
     "23.359.600 | 6 Bulan | 35.266.000 | 18 Bulan | 114.664.997 | 38% | 72%"),  # 000:257
    ("", "2.17.01.2.09.09 Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",  # 000:258 (L1)
     "Jumlah barang milik daerah penunjang urusan pemerintahan daerah yang dipelihara",
     "24 Unit | 585.400.449 | 12 Unit | 146.420.565 | 12 Unit | 393.782.249 | 3 Unit | 3.745.000 | Unit | "
     "15.975.600 | 3 Unit | 19.720.600 | 15 Unit | 166.141.165 | 63% | 28%"),
    ("", "2.17.01.2.09.01 Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan dan Pajak Kendaraan Perorangan Dinas "
         "atau Kendaraan Dinas Jabatan", "Jumlah kendaraan dinas/operasional yang dipelihara",  # 000:259
     "2 Unit | 27.312.000 | 2 Unit | 27.226.065 | Unit |  | Unit |  | Unit |  | 0 Unit |  | 2 Unit | 27.226.065 | "
     "100% | 100%"),
    ("", "2.17.01.2.09.02 Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas "
         "Operasional atau Lapangan", "Jumlah Kendaraan Dinas Operasional atau Lapangan yang dipelihara",  # 000:260
     "14 Unit | 76.907.200 | 7 Unit | 3.201.500 | 7 Unit | 73.672.000 | 2 Unit | 3.745.000 | 4 Unit | 7.042.600 | "
     "6 Unit | 10.787.600 | 13 Unit | 13.989.100 | 93% | 18%"),
    ("", "2.17.01.2.09.06 Jangka waktu pemeliharaan peralatan Pemeliharaan Peralatan dan Mesin Lainnya",  # 000:261
     "gedung kantor yang dipelihara",
     "48 Bulan | 159.161.000 | 12 Bulan | 30.604.000 | 12 Bulan | 84.381.000 | Bulan |  | 6 Bulan | 8.933.000 | "
     "6 Bulan | 8.933.000 | 18 Bulan | 39.537.000 | 38% | 25%"),
    ("", "2.17.01.2.09.09 Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",  # 000:262 (L1 duplicate)
     "Jumlah gedung kantor dan bangunan lainnya yang dipelihara/direhabilitasi",
     "5 Unit | 322.020.249 | 1 Unit | 85.389.000 | 2 Unit | 235.729.249 | Unit |  | Unit |  | 0 Unit |  | 1 Unit | "
     "85.389.000 | 20% | 27%"),
    ("Meningkatnya Koperasi yang Aktif", "02.17.02 . PROGRAM PELAYANAN IZIN USAHA SIMPAN PINJAM",  # 000:263 (G5)
     "Percentase Peningkatan Izin Usaha Simpan Pinjam",
     "1,53 Persen | 2.761.900 | 0,57 Persen | - | 0,96 Persen | 2.761.900 | Persen | - | Persen | - | Persen | - | "
     "0,57 Persen | - | 37% | 37%"),
    ("", "2.17.02.2.01. Penerbitan Izin Usaha Simpan Pinjam untuk Koperasi dengan Wilayah Keanggotaan dalam Daerah "
         "Kabupaten/Kota",  # 000:264
     "Percentase fasilitasi penerbitan ijin usaha simpan pinjam yang diterbitkan untuk koperasi dengan wilayah "
     "keanggotaan dalam daerah kabupaten/kota",
     "200 Persen | 2.761.900 | 100 Persen | - | 100 Persen | 2.761.900 | Persen | - | Persen | - | Persen | - | "
     "100 Persen | - | 50% | 50%"),
    ("", "2.17.01.2.07.10 Fasilitasi Pemenuhan Izin Usaha Simpan Pinjam dan Pembukaan Kantor Cabang, Cabang "
         "Pembantu dan Kantor Kas Koperasi Simpan Pinjam untuk Koperasi dengan Wilayah Keanggotaan dalam Daerah "
         "Kabupaten/Kota", "Jumlah pemenuhan/fasilitasi Perizinan",  # 000:265 (L3)
     "24 Bulan | 2.761.900 | 12 Bulan | - | 12 Bulan | 2.761.900 | Bulan | - | 6 Bulan | - | 6 Bulan | - | "
     "18 Bulan | - | 75% | 75%"),
]

P_PERDAGANGAN_1 = [
    ("Terkendalinya Laju Inflasi", "03.30.02 -PROGRAM PERIZINAN DAN PENDAFTARAN PERUSAHAAN",  # 000:274
     "Percentase pelaku usaha yang memperoleh izin sesuai dengan ketentuan ( IUPP/SIUP Pusat Perbelanjaan dan "
     "IUTM/IUTS/SIUP Toko Swalayan",
     "400 Persen | 116.879.800 | 100 Persen | 35.189.000 | 100 Persen | 77.939.800 | Persen | - | 50 Persen | - | "
     "50 Persen | - | 150 Persen | 35.189.000 | 38% | 30%"),
    ("", "3.30.02.2.06 .-Pengendalian Fasilitas Penyimpanan Bahan Berbahaya dan Pengawasan Distribusi, Pengemasan "
         "dan Pelabelan Bahan Berbahaya di Tingkat Daerah Kabupaten/ Kota",  # 000:275
     "Percentase pemeriksaan fasilitas penyimpanan bahan berbahaya dan pengawasan distribusi, pengemasan, dan "
     "pelabelan bahan berbahaya di tingkat daerah Kab/Kota",
     "400 Persen | 116.879.800 | 100 Persen | 35.189.000 | 100 Persen | 77.939.800 | Persen | - | 50 Persen | - | "
     "50 Persen | - | 150 Persen | 35.189.000 | 38% | 30%"),
    ("", "3.30.02.2.06.03 Pengawasan Distribusi, Pengemasan dan Pelabelan Bahan Berbahaya Terhadap Pengguna Akhir "
         "Bahan Berbahaya (PA-B2) maupun Produsen B2 (P-B2)", "Jumlah barang beredar yang diawasi",  # 000:276
     "12 item | 116.879.800 | 12 item | 35.189.000 | 12 item | 77.939.800 | item |  | 6 item |  | 6 item |  | "
     "18 item | 35.189.000 | 150% | 30%"),
    ("Meningkatnya Pasar Rakyat Binaan yang memenuhi SNI Pasa",  # 000:277 (G6)
     "03.30.03 -PROGRAM PENINGKATAN SARANA DISTRIBUSI PERDAGANGAN",
     "Percentase sarana distribusi perdagangan binaan yang tingkatkan",
     "24% Persen | 5.300.785.273 | 12% Persen | 2.303.376.750 | 12% Persen | 2.988.695.932 | 3% Persen | "
     "208.362.000 | 2 Persen | 902.612.900 | 203% Persen | 1.110.974.900 | 215% Persen | 3.414.351.650 | 895% | 64%"),
    ("", "3.30.03.2.01 .-Pembangunan dan Pengelolaan Sarana Distribusi Perdagangan",  # 000:278
     "Percentase pengembangan dan pengelolaan sarana distribusi perdagangan di wilayah",
     "82% Persen | 4.795.645.332 | 41% Persen | 2.139.621.050 | 41% Persen | 2.647.935.932 | 10% Persen | "
     "208.362.000 | 5 Persen | 808.453.000 | 510% Persen | 1.016.815.000 | 551% Persen | 3.156.436.050 | 672% | 66%"),
    ("", "3.30.03.2.01.01 Penyediaan Sarana Distribusi Perdagangan", "Jumlah sarana Pasar Rakyat yang tersedia",
     "4 Pasar | 1.881.865.332 | 2 Pasar | 798.887.400 | 2 Pasar | 1.081.327.932 | Pasar |  | 2 Pasar | "
     "399.660.000 | 2 Pasar | 399.660.000 | 4 Pasar | 1.198.547.400 | 100% | 64%"),  # 000:279
    ("", "3.30.03.2.01.02 Fasilitasi Pengelolaan Sarana Distribusi Perdagangan",  # 000:280
     "Jumlah Pasar Rakyat yang difasilitasi pengelolaan",
     "34 Pasar | 2.913.780.000 | 17 Pasar | 1.340.733.650 | 17 Pasar | 1.566.608.000 | 5 Pasar | 208.362.000 | "
     "5 Pasar | 408.793.000 | 10 Pasar | 617.155.000 | 27 Pasar | 1.957.888.650 | 79% | 67%"),
    ("", "3.30.03.2.02 .-Pembinaan Terhadap Pengelola Sarana Distribusi Perdagangan Masyarakat di Wilayah Kerjanya",
     "Percentase perijinan yang diterbitkan sesuai dengan ketentuan izin : a. Pusat perbelanjaan dan b. Toko "
     "swalayan",  # 000:281
     "200 Persen | 505.139.941 | 100 Persen | 163.755.700 | 100 Persen | 340.760.000 | Persen | - | 50 Persen | "
     "94.159.900 | 50 | 94.159.900 | 150 Persen | 257.915.600 | 75% | 51%"),
    ("", "3.30.03.2.02.01 Pembinaan dan Pengendalian Pengelola Sarana Distribusi Perdagangan",  # 000:282
     "Jumlah Pasar Rakyat Yang dibina UPTD Pasar Tradisional dan Jasa Usaha Pasar",
     "23 Pasar | 155.638.200 | 23 Pasar | 35.688.200 | 23 Pasar | 119.440.000 | Pasar |  | 10 Pasar | 93.520.000 | "
     "10 Pasar | 93.520.000 | 33 Pasar | 129.208.200 | 143% | 83%"),
    ("", "3.30.03.2.02.02 Pemberdayaan Pengelola Sarana Distribusi Perdagangan",  # 000:283
     "Jumlah Pasar Rakyat yang diberdayakan",
     "23 Pasar | 349.501.741 | 23 Pasar | 128.067.500 | 23 Pasar | 221.320.000 | Pasar |  | 10 Pasar | 639.900 | "
     "10 Pasar | 639.900 | 33 Pasar | 128.707.400 | 143% | 37%"),
]

P_PERDAGANGAN_2 = [  # after the page break (000:285-291)
    ("Terkendalinya Laju Inflasi", "03.30.04.- PROGRAM STABILISASI HARGA BARANG KEBUTUHAN POKOK DAN BARANG PENTING",
     "1. Tingkat stabilisasi harga barang kebutuhan pokok dan barang penting 2. Persentase kinerja realisasi pupuk",
     "83 Persen 100 Persen | 191.328.300 | 83 Persen 100 Persen | 85.137.249 | 83 Persen 100 Persen | 104.365.000 | "
     "Persen Persen | 5.953.200 | 83 Persen 100 Persen | 58.579.800 | 83 Persen 100 Persen | 64.533.000 | "
     "83 Persen 100 Persen | 11.000.000 | 38% | 6%"),  # 000:292 (G2)
    ("", "3.30.04.2.01 .-Menjamin Ketersediaan Barang Kebutuhan Pokok dan Barang Penting di Tingkat Daerah "
         "Kabupaten/ Kota", "Jangka waktu Jaminan ketersediaan barang Kebutuhan Pokok dan Barang Penting",  # 000:293
     "48 Bulan | 13.800.000 | 12 Bulan | 6.900.000 | 12 Bulan | 6.900.000 | Bulan | - | 6 Bulan | 4.100.000 | "
     "6 Bulan | 4.100.000 | 18 Bulan | 11.000.000 | 38% | 80%"),
    ("", "3.30.04.2.01.03 Pengendalian Ketersediaan Barang Kebutuhan Pokok dan Barang Penting di Tingkat Agen dan "
         "Pasar Rakyat", "Jangka waktu pengendalian Ketersediaan Barang Kebutuhan Pokok dan Barang Penting di "
         "Tingkat Agen dan Pasar Rakyat",  # 000:294
     "48 Bulan | 13.800.000 | 12 Bulan | 6.900.000 | 12 Bulan | 6.900.000 | Bulan | - | 6 Bulan | 4.100.000 | "
     "6 Bulan | 4.100.000 | 18 Bulan | 11.000.000 | 38% | 80%"),
    ("", "3.30.04.2.02 .-Pengendalian Harga, dan Stok Barang Kebutuhan Pokok dan Barang Penting di Tingkat Pasar "
         "Kabupaten/Kota", "Persentase koefisien variasi harga antar waktu",  # 000:295 (G3)
     "<5% Persen | 177.528.300 | <5% Persen | 78.237.249 | <5% Persen | 97.465.000 | <5% Persen | 5.953.200 | "
     "Persen | 54.479.800 | <5% Persen | 60.433.000 | <5% Persen | 101.136.249 | 100% | 57%"),
    ("", "3.30.04.2.02.02 Jangka waktu Pemantauan Harga dan Stok Barang Kebutuhan Pokok dan Barang Penting Pada "
         "Pasar Rakyat yang Terintegrasi dalam Sistem Informasi Perdagangan", "",  # 000:296
     "48 Bulan | 139.894.300 | 12 Bulan | 72.153.249 | 12 Bulan | 65.915.000 | 3 Bulan | 5.953.200 | 3 Bulan | "
     "23.029.800 | 6 Bulan | 28.983.000 | 18 Bulan | 101.136.249 | 38% | 72%"),
    ("", "3.30.04.2.02.03 Pelaksanaan Operasi Pasar Reguler dan Pasar Khusus yang Berdampak dalam 1 (satu) "
         "Kabupaten/Kota", "Jumlah Operasi pasar",  # 000:297
     "4 Kali | 37.634.000 | 1 Kali | 6.084.000 | 1 Kali | 31.550.000 | Kali | - | 1 Kali | 31.450.000 | 1 Kali | "
     "31.450.000 | 2 Kali | 37.534.000 | 50% | 100%"),
    ("Meningkatnya Volume usaha Ekport", "03.30.05.-PROGRAM PENGEMBANGAN EKSPOR",  # 000:298
     "Persentase Pelaku Usaha eksport yang dibina",
     "24 Persen | 32.700.950 | - Persen | - | 26 Persen | 32.700.950 | Persen | - | - Persen | - | 0 Persen | - | "
     "- Persen | - | 0% | 0%"),
    ("", "3.30.05.2.01 .-Penyelenggaraan Promosi Dagang melalui Pameran Dagang dan Misi Dagang bagi Produk Ekspor "
         "Unggulan yang terdapat pada 1 (satu) Daerah Kabupaten/Kota",  # 000:299
     "Pelaksanaan Penyelenggaraan Promosi dan Misi Dagang",
     "4 Kali | 32.700.950 | 1 Kali | - | 1 Kali | 32.700.950 | Kali | - | Kali | - | 0 Kali | - | - Kali | - | "
     "0% | 0%"),
    ("", "3.30.05.2.01.01 Jumlah Pelaku usaha yang dibina", "",  # 000:300 (N4)
     "75 Pelaku Usaha | 32.700.950 | 0 Pelaku Usaha | - | 75 Pelaku Usaha | 32.700.950 | Pelaku Usaha | - | "
     "Pelaku Usaha | - | 0 Pelaku Usaha | - | 0 Pelaku Usaha | - | 0% | 0%"),
    ("Meningkatnya Perlindungan Konsumen dan Pengamanan Perdagangan",  # 000:309
     "03.30.06.-PROGRAM STANDARDISASI DAN PERLINDUNGAN KONSUMEN",
     "Percentase alat-alat ukur, takar, timbang dan perlengkapannya ( UTTP ) bertanda tera sah yang berlaku",
     "193 Persen | 762.680.181 | 96 Persen | 345.027.065 | 97 Persen | 406.835.000 | 25 Persen | 66.674.898 | "
     "25 Persen | 142.908.312 | 50 Persen | 209.583.210 | 146 Persen | 554.610.275 | 76% | 73%"),
    ("", "3.30.06.2.01 .-Pelaksanaan Metrologi Legal, Berupa Tera, Tera Ulang, dan Pengawasan",  # 000:310
     "Percentase alat-alat ukur, takar, timbang dan perlengkapannya (UTTP) yang ditera/tera ulang dalam tahun "
     "berjalan",
     "400 Persen | 762.680.181 | 100 Persen | - | 100 Persen | 406.835.000 | 25 Persen | 66.674.898 | 25 Persen | "
     "142.908.312 | 50 Persen | 209.583.210 | 150 Persen | 554.610.275 | 38% | 73%"),
    ("", "3.30.06.2.01.01 Pelaksanaan Metrologi Legal, Berupa Tera, Tera Ulang",  # 000:311
     "Jangka waktu pelaksanaan Metrologi Legal",
     "48 Bulan | 762.680.181 | 12 Bulan | 345.027.065 | 12 Bulan | 406.835.000 | 3 Bulan | 66.674.898 | 3 Bulan | "
     "142.908.312 | 6 Bulan | 209.583.210 | 18 Bulan | 554.610.275 | 38% | 73%"),
    ("Meningkatnya Promosi, Pemasaran dan Peningkatan Penggunaan Produk Dalam Negeri",  # 000:312
     "03.30.07.-PROGRAM PENGGUNAAN DAN PEMASARAN PRODUK DALAM NEGERI",
     "Percentase Penggunaan dan Pemasaran Produk dalam negeri pada event rapat/sosialisasi/kegiatan sejenis.",
     "100% Persen | 9.357.000 | - Persen | - | 100% Persen | 9.357.000 | Persen | - | - Persen | - | - Persen | - | "
     "- Persen | - | 0% | "),
    ("", "3.30.07.2.01 .- Pelaksanaan Promosi, Pemasaran dan Peningkatan Penggunaan Produk Dalam Negeri",  # 000:313
     "Jangka waktu Pelaksanaan promosi, pemasaran dan peningkatan penggunaan Produk dalam negeri",
     "12 Bulan | 9.357.000 | - Bulan | - | 100% Bulan | 9.357.000 | Bulan | - | - Bulan | - | - Bulan | - | "
     "- Bulan | - | 0% | "),
    ("", "3.30.07.2.01.01 Pelaksanaan Promosi Penggunaan Produk Dalam Negeri di Tingkat Kabupaten/Kota",  # 000:314
     "jumlah pelaksanaan promosi penggunaan produk dalam negeri",
     "1 Kali | 9.357.000 | 0 Kali | - | 1 Kali | 9.357.000 | Kali | - | Kali | - | 0 Kali | - | 0 Kali | - | - | "),
]
P_PERDAGANGAN_JUMLAH = {"5Rp": "6.413.731.504", "7Rp": "3.619.893.682", "8Rp": "280.990.098",
                        "9Rp": "1.104.101.012", "12Rp": "1.385.091.110", "13Rp": "4.153.821.174"}  # 000:315
P_PERDAGANGAN_RATA = {"14K": "261% 29%"}                    # 000:316 (one cell, as printed)
P_PERDAGANGAN_PREDIKAT = {"14K": "Tinggi Rendah"}            # 000:317

P_PERINDUSTRIAN_1 = [
    ("Meningkatnya sarana prasarana klaster Industri",  # 000:325 (G4)
     "03.31.02.-PROGRAM PERENCANAAN DAN PEMBANGUNAN INDUSTRI",
     "Percentase pencapaian sasaran pembangunan industri termasuk turunan indikator pembangunan industri dalam "
     "RPIPIN yang ditetapkan dalam RPIP",
     "400 Persen | 557.247.050 | 100 Persen | 165.325.400 | 100 Persen | 386.491.800 | 25 Persen | 80.859.200 | "
     "25 Persen | 33.075.400 | 50 Persen | 113.934.600 | 150 Persen | 279.260.000 | 38% | 20%"),
    ("", "3.31.02.2.01.01 -Penyusunan dan Evaluasi Rencana Pembangunan Industri Kabupaten/Kota",  # 000:326 (L2)
     "Percentase terselesaikannya dokumen RPIPK sampai dengan ditetapkannya menjadi PERDA",
     "400 Persen | 557.247.050 | 100 Persen | 165.325.400 | 100 Persen | 386.491.800 | 25 Persen | 80.859.200 | "
     "25 Persen | 33.075.400 | 50 Persen | 113.934.600 | 150 Persen | 279.260.000 | 38% | 20%"),
    ("", "3.31.02.2.01.02 Koordinasi, Sinkronisasi, dan Pelaksanaan Kebijakan Percepatan Pengembangan, Penyebaran "
         "dan Perwilayahan Industri",  # 000:327
     "Jangka waktu pemenuhan/fasilitasi Koordinasi dan sinkronisasi Penyusunan Kebijakan dalam Rangka Mendukung "
     "Penguatan Industri Nasional dan Perwilayahan Industri",
     "24 Bulan | 82.411.350 | 12 Bulan | 36.769.500 | 12 Bulan | 40.938.000 | Bulan |  | 6 Bulan | 1.300.000 | "
     "6 Bulan | 1.300.000 | 18 Bulan | 38.069.500 | 75% | 46%"),
    ("", "3.31.02.2.01.03 Koordinasi, Sinkronisasi, dan pelaksanaan Pembangunan Sumber Daya Industri",  # 000:328
     "Jumlah produk industri kreatif yang dipromosikan",
     "40 Produk | 210.034.000 | 0 Produk | - | 40 Produk | 210.034.000 | 40 Produk | 74.906.000 | Produk |  | "
     "40 Produk | 74.906.000 | 40 Produk | 74.906.000 | 100% | 36%"),
    ("", "3.31.02.2.01.04 Koordinasi, Sinkronisasi, dan Pelaksanaan Pembangunan Sarana dan Prasarana Industri",
     "Jumlah Industri yang diberdayakan",  # 000:329
     "14 Industri | 103.329.700 | 7 Industri | 76.964.000 | 7 Industri | 25.639.700 | Industri |  | Industri |  | "
     "0 Industri |  | 7 Industri | 76.964.000 | 50% | 74%"),
    ("", "3.31.02.2.01.05 Koordinasi, Sinkronisasi, dan Pelaksanaan Pemberdayaan Industri dan Peran Serta "
         "Masyarakat", "Jumlah Industri yang dilatih",  # 000:330
     "40 Industri | 161.472.000 | 20 Industri | 51.591.900 | 20 Industri | 109.880.100 | Industri | 5.953.200 | "
     "20 Industri | 31.775.400 | 20 Industri | 37.728.600 | 40 Industri | 89.320.500 | 100% | 55%"),
    ("Meningkatnya kelayakan perijinan industri",  # 000:331
     "03.31.03.-PROGRAM PENGENDALIAN IZIN USAHA INDUSTRI KABUPATEN/KOTA",
     "Pertambahan jumlah industri kecil dan menengah di kota",
     "4,97% Persen | 6.401.000 | 2,47% Persen | 3.195.000 | 2,5% Persen | 3.200.000 | Persen | - | Persen | - | "
     "0% Persen | - | - Persen | 3.195.000 | 50% | 0%"),
    ("", "3.31.03.2.01 -Penerbitan izin Usaha Industri (IUI), Izin Perluasan Usaha Industri (IPUI), Izin Usaha "
         "Kawasan Industri (IUKI) dan izin perluasan kawasan industri (IPKI) yang lokasinya di daerah "
         "kabupaten/kota",  # 000:332
     "Percentase jumlah penetapan izin usaha kawasan industri (IUKI) dan izin perluasan kawasan industri (IPKI) "
     "yang lokasinya di daerah kabupaten/kota",
     "200% Persen | 6.401.000 | 100% Persen | 3.195.000 | 100% Persen | 3.200.000 | 25% Persen | - | Persen | - | "
     "25% Persen | - | 125% Persen | 3.195.000 | 63% | 0%"),
    ("", "3.31.03.2.01.02 Koordinasi dan Sinkronisasi Pengawasan Perizinan di Bidang Industri Dalam Lingkup IUI, "
         "IPUI, IUKI dan IPKI Kewenangan Kabupaten/ Kota",  # 000:333
     "Jangka waktu pemenuhan/fasilitasi Koordinasi dan sinkronisasi Pengawasan Pelaksanaan IUI, IUKI dan IPKI "
     "Kewenangan Kabupaten/ Kota",
     "24 Bulan | 6.401.000 | 12 Bulan | 3.195.000 | 12 Bulan | 3.200.000 | 3 Bulan |  | Bulan |  | 3 Bulan | - | "
     "15 Bulan | 3.195.000 | 63% | 50%"),
]
P_PERINDUSTRIAN_2 = [  # after the page break (000:335-340)
    ("Meningkatnya Pertumbuhan Industri Baru",  # 000:341
     "03.31.04.- PROGRAM PENGELOLAAN SISTEM INFORMASI INDUSTRI NASIONAL",
     "Tersedianya informasi industri secara lengkap dan terkini",
     "100% Persen | 6.443.800 | Persen | - | 100% Persen | 6.443.800 | Persen | - | Persen | - | 0% Persen | - | "
     "- Persen | - | 50% | "),
    ("", "3.31.04.2.01 .Penyediaan Informasi Industri untuk Informasi Industri untuk IUI, IPIU, IUKI dan IPKI "
         "Kewenangan Kabupaten/Kota",  # 000:342
     "Percentase data perusahaan industri kecil, menengah dan perusahaan kawasan industri dikab/kota yang masuk "
     "dalam SII Nas terhadap total populasi perusahaan industri kecil, menengah dan perusahaan Kawasan Industri di "
     "kab/kota",
     "100% Persen | 6.443.800 | - Persen | - | 100% Persen | 6.443.800 | Persen | - | Persen | - | 0% Persen | - | "
     "- Persen | - | 50% | "),
    ("", "3.31.04.2.01.01 Fasilitasi Pengumpulan, Pengolahan dan Analisis Data Industri, Data Kawasan Industri "
         "serta Data Lain Lingkup Kabupaten/Kota melalui Sistem Informasi Industri Nasional (SIINas)",  # 000:343
     "Jangka waktu pemenuhan/fasilitasi Koordinasi dan sinkronisasi pengumpulan, pengolahan dan analisis data "
     "Sistem Informasi Industri Nasional (SIINas)",
     "24 Bulan | 6.443.800 | 12 Bulan |  | 12 Bulan | 6.443.800 | Bulan |  | Bulan |  | 0 Bulan |  | 12 Bulan |  | "
     "50% | "),
]
P_PERINDUSTRIAN_JUMLAH = {"5Rp": "570.091.850", "7Rp": "396.135.600", "12Rp": "113.934.600",
                          "13Rp": "282.455.000"}  # 000:344
P_PERINDUSTRIAN_RATA = {"14K": "46%", "14Rp": "10%"}             # 000:345 (G7)
P_PERINDUSTRIAN_PREDIKAT = {"14K": "Rendah", "14Rp": "Rendah"}   # 000:346


class Peta:
    """Where each labelled value column of a written table landed (e.g. '14Rp' -> 'T')."""

    def __init__(self, judul: list, nilai: list[str]) -> None:
        self.kolom: dict[str, int] = {}
        c = 1
        for i, (_t, lab, krp) in enumerate(judul):
            nomor = (lab or str(i + 1)).split("=")[0].strip()
            if krp:
                self.kolom[f"{nomor}K"] = c
                self.kolom[f"{nomor}Rp"] = c + 1
                c += 2
            else:
                self.kolom[nomor] = c
                c += 1
        self.pertama_nilai = self.kolom.get(f"{nilai[0]}K", self.kolom.get(nilai[0]))

    def huruf(self, kunci: str) -> str:
        return get_column_letter(self.kolom[kunci])


class Tabel:
    """A written seed table: path, sheet name, the row of each source line, and where columns are."""

    def __init__(self, path: Path, lembar: str, peta: Peta) -> None:
        self.path = path
        self.lembar = lembar
        self.peta = peta
        self.baris: dict[str, int] = {}     # a key (code or label) -> row

    def sel(self, kunci_baris: str, kolom: str) -> str:
        return f"{self.peta.huruf(kolom)}{self.baris[kunci_baris]}"


def _kunci(uraian: str, indikator: str) -> str:
    from renja_xl.kode import pisah_kode_nama

    k, nama = pisah_kode_nama(uraian)
    return k or (uraian or indikator)[:80]


def _tulis_e81(ws, r: int, baris: list[tuple], peta: Peta, tabel: Tabel, lebar_awal: int = 4) -> int:
    for sasaran, uraian, indikator, nilai in baris:
        sel = ["", sasaran, uraian, indikator] + pisah(nilai)
        tulis_baris(ws, r, sel)
        k = _kunci(uraian, indikator)
        tabel.baris.setdefault(k, r)
        if k in tabel.baris and tabel.baris[k] != r:
            tabel.baris[k + "#2"] = r
        r += 1
    return r


def _tulis_footer(ws, r: int, label: str, nilai: dict[str, str], peta: Peta, kol_label: int = 1) -> int:
    ws.cell(r, kol_label, label)
    for k, v in nilai.items():
        ws.cell(r, peta.kolom[k], v)
    return r + 1


def pontianak_e81(path: Path, *, nomor: bool = True) -> Tabel:
    """Kota Pontianak, Perubahan Renja 2022, E.81-style evaluation (seed 000:166-346), as printed
    (``nomor=False``: the same table with every column-numbering row deleted)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Evaluasi Renja"
    peta = Peta(E81_PONTIANAK_JUDUL, PONTIANAK_NILAI)
    tabel = Tabel(path, ws.title, peta)
    ws["A1"] = "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH PEMERINTAH KOTA PONTIANAK"
    ws["A2"] = "RENJA DINAS KOPERASI, USAHA MIKRO DAN PERDAGANGAN KOTA PONTIANAK"
    ws["A3"] = "PERIODE PELAKSANAAN : TRIWULAN II (DUA ) TAHUN ANGGARAN 2022"
    r = tulis_header(ws, 5, E81_PONTIANAK_JUDUL, nomor=nomor)
    for t in ("URUSAN WAJIB NON PELAYANAN DASAR", "BIDANG KOPERASI,USAHA KECIL, DAN MENENGAH", "TAHUN 2022"):
        ws.cell(r, 3, t)
        r += 1
    r = _tulis_e81(ws, r, P_KOPERASI, peta, tabel)
    for t in ("URUSAN PILIHAN", "BIDANG PERDAGANGAN", "TAHUN 2022"):
        ws.cell(r, 3, t)
        r += 1
    r = _tulis_e81(ws, r, P_PERDAGANGAN_1, peta, tabel)
    r += 1
    tabel.baris["header_ulang"] = r
    r = tulis_header(ws, r, E81_PONTIANAK_JUDUL, nomor=nomor)   # page break: header printed again (000:285-291)
    for t in ("URUSAN PILIHAN", "BIDANG PERDAGANGAN", "TAHUN 2022"):
        ws.cell(r, 3, t)
        r += 1
    r = _tulis_e81(ws, r, P_PERDAGANGAN_2, peta, tabel)
    tabel.baris["jumlah_perdagangan"] = r
    r = _tulis_footer(ws, r, "Jumlah", P_PERDAGANGAN_JUMLAH, peta)
    tabel.baris["rata_perdagangan"] = r
    r = _tulis_footer(ws, r, "Rata-rata Capaian Kinerja(%)", P_PERDAGANGAN_RATA, peta)
    tabel.baris["predikat_perdagangan"] = r
    r = _tulis_footer(ws, r, "Predikat Kinerja", P_PERDAGANGAN_PREDIKAT, peta)
    for t in ("URUSAN PILIHAN", "BIDANG PERINDUSTRIAN", "TAHUN 2022"):
        ws.cell(r, 3, t)
        r += 1
    r = _tulis_e81(ws, r, P_PERINDUSTRIAN_1, peta, tabel)
    r += 1
    r = tulis_header(ws, r, E81_PONTIANAK_JUDUL, nomor=nomor)
    for t in ("URUSAN PILIHAN", "BIDANG PERINDUSTRIAN", "TAHUN 2022"):
        ws.cell(r, 3, t)
        r += 1
    r = _tulis_e81(ws, r, P_PERINDUSTRIAN_2, peta, tabel)
    tabel.baris["jumlah_perindustrian"] = r
    r = _tulis_footer(ws, r, "Jumlah", P_PERINDUSTRIAN_JUMLAH, peta)
    tabel.baris["rata_perindustrian"] = r
    r = _tulis_footer(ws, r, "Rata-rata Capaian Kinerja(%)", P_PERINDUSTRIAN_RATA, peta)
    tabel.baris["predikat_perindustrian"] = r
    _tulis_footer(ws, r, "Predikat Kinerja", P_PERINDUSTRIAN_PREDIKAT, peta)
    wb.save(path)
    return tabel


# ---------------------------------------------------------------------- Malang 2021 E.81 (seed 002)
# (sasaran, program/kegiatan, indikator,
#  "5K | 5Rp | 6K | 6Rp | 7K | 7Rp | 8K | 8Rp | 9K | 9Rp | 12K | 12Rp | 13K | 13Rp")

M_PENUNJANG = [
    ("Meningkatnya Kinerja Pelayanan Perangkat Daerah",
     "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "Keuangan dan Pelaporan yang disusun Tepat waktu",
     " |  |  |  |  |  |  |  |  |  |  |  |  | "),
    ("", "Kegiatan Administrasi Keuangan Perangkat Daerah", "Jumlah Dok.Laporan Keuangan Perangkat Daerah",  # 002:375
     "2 Dok. Lap.Keuangan | 130.842.000 | 2 dok | 103.500.000 | 14 bulan 2 Dok.Lap. Keu. | 37.158.364.140 | - | "
     "5.137.199.958 | - | 9.249.865.924 | - | 5.143.799.958 | 42,86% | 13,83%"),
    ("", "Sub Kegiatan Penyediaan Gaji dan Tunjangan ASN",  # 002:376 (G8)
     "Jumlah bulan pelayanan gaji ASN Diskopindag",
     " |  |  |  | 14 bulan | 37.137.004.140 | 3 bulan | 5.137.199.958 | 3 bulan | 9.243.265.924 | 6 bulan | "
     "5.137.199.958 | 42,86% | 13,83%"),
    ("", "Sub Kegiatan Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD", "Jumlah Laporan Keuangan",
     "2 Dok. | 130.842.000 | 2 dok | 103.500.00 | 2 Dok. Lap.Keuangan | 21.360.000 | - | - | dok. | 6.600.000 | "
     "- | 6.600.00 | 0,00% | 30,90%"),  # 002:384 (broken numbers "103.500.00", "6.600.00")
    ("", "Kegiatan Administrasi Barang Milik Daerah pada Perangkat Daerah", "",  # 002:384
     "1 Dok 6 Jenis | 200.000.000, 00 |  | - | 1 Dokumen | 175.000.000 |  | 1.000.000 |  | 76.082.550 |  | "
     "77.082.550 | 0,16% | 0,57%"),
    ("", "Sub Kegiatan Penatausahaan Barang Milik Daerah pada SKPD",  # 002:385
     "Jumlah Dok.Pelaporan Barang Milik Daerah",
     "1 Dok 6 Jenis | 200.000.000 | Refocusing Anggaran |  | 1 Dokumen | 175.000.000 | 1 Jenis | 1.000.000 |  | "
     "76.082.550 | 1 Jenis | 77.082.550 | 0,16% | 44,05%"),
]

M_KOPERASI = [
    ("", "BIDANG KOPERASI", "", " |  |  |  |  |  |  |  |  |  |  |  |  | "),  # 002:430
    ("Meningkatnya Kualitas Koperasi dan Usaha Mikro", "PROGRAM PENGAWASAN DAN PEMERIKSAAN KOPERASI",  # 002:431
     "Persentase Koperasi Aktif",
     " |  | 44,92% | 110.711.983,96 | 87,10% | 62.780.000 | 0,53% | 9.102.828 | 4,35% | 9.220.428 | 5% | "
     "18.323.256 |  | "),
    ("", "Kegiatan Pemeriksaan dan Pengawasan Koperasi, Koperasi Simpan Pinjam/Unit Simpan Pinjam Koperasi yang "
         "Wilayah Keanggotaan nya dalam Daerah Kabupaten/ Kota",  # 002:432
     "Jumlah Koperasi yang patuh dan yang difasilitasi pembentukan, perubahan dan pembubarannya",
     "221 Kop | 215.327.700,00 | 102 Koperasi | 110.711.983,96 | 107 Koperasi | 62.780.000 | 4 koperasi | "
     "9.102.828 | 33 koperasi | 9.220.428 | 37 koperasi | 18.323.256 | 23,53% | 14,50%"),
    ("", "Sub Kegiatan Pemeriksaan Kepatuhan Koperasi terhadap Peraturan Perundang-Undangan Kewenangan Kabupaten/ "
         "Kota", "Jumlah Koperasi yang patuh",  # 002:439 (G11)
     "221 Kop | 215.327.700,00 | 102 Koperasi | 110.711.984 | 90 koperasi | 62.780.000 | - koperasi | 9.102.828 | "
     "30 koperasi | 9.220.428 | 30 koperasi | 18.323.256 | 0,00% | 14,50%"),
    ("", "", "Jumlah Koperasi yang difasilitasi pembentukan, perubahan dan pembubarannya",  # 002:440
     " |  |  |  | 17 koperasi | - | 4 koperasi | - | 3 koperasi |  | 7 koperasi |  | 23,53% | 0,00%"),
]
M_KOPERASI_RATA = ("Rata-rata capaian kinerja", {"13K": "23,53%", "13Rp": "14,50%"})          # 002:441
M_KOPERASI_PREDIKAT = ("Predikat kinerja", {"13K": "Sangat Rendah", "13Rp": "Sangat Rendah"})  # 002:442

M_PERIZINAN = [
    ("", "BID.PERDAGANGAN", "", " |  |  |  |  |  |  |  |  |  |  |  |  | "),  # 002:545
    ("Meningkatnya Perlindungan terhadap Konsumen dan Stabilisasi Harga Pokok",  # 002:546
     "PROGRAM PERIZINAN DAN PENDAFTARAN PERUSAHAAN", "Persentase peningkatan Perizinan dan Pendaftaran Perusahaan",
     " |  |  | 171.091.900,00 |  | 163.510.000 |  | 98.640.000 |  | 52.600.000 |  | 117.670.000 |  | "),
    ("", "Kegiatan Penerbitan Tanda Daftar Gudang", "Jumlah gudang yang mendapatkan pembinaan dan pengawasan",
     " | 100.000.000,00 |  | 36.664.800,00 |  | 38.150.000 |  | 8.800.000 |  | 26.430.000 |  | 35.230.000 |  | "
     "23,07%"),  # 002:551
    ("", "Sub Kegiatan Fasilitasi Penerbitan Tanda Daftar Gudang",  # 002:552
     "Jumlah gudang yang mendapatkan pembinaan dan pengawasan",
     "1 kali pemberian dan 4 kali pengawasan | 100.000.000 | 4 kali | 36.664.800 | 5 kali | 38.150.000 | 2 kali | "
     "8.800.000 | 3 kali | 26.430.000 | 5 kali | 35.230.000 | 100,00% | 92,35%"),
    ("", "Kegiatan Penerbitan Surat Tanda Pendaftaran Waralaba (STPW) untuk Penerima Waralaba dari Waralaba Dalam "
         "Negeri", "Jumlah UKM yang mengikuti sosialisasi perijinan STPW",  # 002:553
     " |  |  |  |  | 87.800.000 |  | 82.440.000 |  | - |  | 82.440.000 |  | "),
    ("", "Sub Kegiatan Fasilitasi Perizinan Surat Tanda Pendaftaran dan/atau Lanjutan Waralaba (STPW) Dalam Negeri "
         "Terintegrasi secara Elektronik", "Jumlah UKM yang mengikuti sosialisasi perijinan STPW",  # 002:558
     "130 UKM | 85.000.000 | 119 UKM | 93.202.300 | 120 UKM | 87.800.000 | 120 UKM | 82.440.000 | 0 | - | 120 UKM | "
     "82.440.000 | 100,00% | 93,90%"),
    ("", "Kegiatan Penerbitan Surat Izin Usaha Perdagangan Minuman Beralkohol Golongan B dan C untuk Pengecer dan "
         "Penjual Langsung Minum di Tempat", "Jumlah pembinaan dan pengawasan minuman beralkohol",  # 002:559
     " |  |  |  |  | 37.560.000 |  | 7.400.000 |  | 26.170.000 |  |  |  | "),
    ("", "Sub Kegiatan Fasilitasi Penerbitan Surat Izin Usaha Perdagangan Minuman Beralkohol Golongan B dan C",
     "Jumlah pembinaan dan pengawasan minuman beralkohol",  # 002:564 (G9)
     "1 kali pembinaan dan 4 kali pengawasan | 75.000.000 | 4 kali | 41.224.800 | 5 kali | 37.560.000 | 2 kali | "
     "7.400.000 | 3 kali | 26.170.000 | 5 kali | 33.570.000 | 100,00% | 19,70%"),
]
M_PERIZINAN_RATA = ("Rata-rata capaian kinerja", {"13K": "100,00%", "13Rp": "68,65%"})  # 002:565
M_PERIZINAN_PREDIKAT = ("Predikat kinerja", {"13K": "Sedang", "13Rp": "Rendah"})     # 002:566


def malang_e81(path: Path, *, nomor: bool = True) -> Tabel:
    """Kota Malang, Rancangan Akhir Perubahan Renja 2021, Formulir E.81 (seed 002:347-680), as printed."""
    wb = Workbook()
    ws = wb.active
    ws.title = "E.81"
    peta = Peta(E81_MALANG_JUDUL, ["5"])
    tabel = Tabel(path, ws.title, peta)
    ws["A1"] = "Formulir E.81"
    ws["A2"] = "Evaluasi Terhadap Hasil Renja Perangkat Daerah Lingkup Kabupaten/Kota"
    ws["A3"] = "Renja Perangkat Daerah Dinas Koperasi, Perindustrian dan Perdagangan Kota Malang"
    ws["A4"] = "Periode Pelaksanaan: Triwulan II (April,mei dan Juni 2020)"
    r = tulis_header(ws, 6, E81_MALANG_JUDUL, nomor=nomor)
    r = _tulis_e81(ws, r, M_PENUNJANG, peta, tabel)
    r += 1
    tabel.baris["header_ulang"] = r
    r = tulis_header(ws, r, E81_MALANG_JUDUL, nomor=nomor)     # page break (002:378-386)
    r = _tulis_e81(ws, r, M_KOPERASI, peta, tabel)
    tabel.baris["rata_koperasi"] = r
    r = _tulis_footer(ws, r, M_KOPERASI_RATA[0], M_KOPERASI_RATA[1], peta, kol_label=4)
    tabel.baris["predikat_koperasi"] = r
    r = _tulis_footer(ws, r, M_KOPERASI_PREDIKAT[0], M_KOPERASI_PREDIKAT[1], peta, kol_label=4)
    r += 1
    r = tulis_header(ws, r, E81_MALANG_JUDUL, nomor=nomor)
    r = _tulis_e81(ws, r, M_PERIZINAN, peta, tabel)
    tabel.baris["rata_perizinan"] = r
    r = _tulis_footer(ws, r, M_PERIZINAN_RATA[0], M_PERIZINAN_RATA[1], peta, kol_label=4)
    tabel.baris["predikat_perizinan"] = r
    _tulis_footer(ws, r, M_PERIZINAN_PREDIKAT[0], M_PERIZINAN_PREDIKAT[1], peta, kol_label=4)
    wb.save(path)
    return tabel


# ---------------------------------------------------------- Kalimantan Barat 2024 Tabel 2.1 (seed 001)
# (kode, uraian, indikator, "4 | 5 | 6 | 7 | 8 | 9 | 10 | 11")

K_BARIS = [
    ("2.17.01", "PROGRAM PENUNJANGAN URUSAN PEMERINTAH DAERAH PROVINSI",  # 001:151
     "1. Indeks Reformasi Birokrasi (IRB ) Perangkat Daerah (Nilai)", "85 |  | A | BB | 77 |  |  | "),
    ("", "", "2. Nilai SAKIP Perangkat Daerah (Nilai)", "85 |  | A | BB | 74 |  |  | "),
    ("2.17.01.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",  # 001:153 (C3)
     "% penyusunan perencanaan kinerja dan keuangan tepat waktu", "100% | 100% | 100% | 100% | 100 % | 100% |  | "),
    ("2.17.01.1.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
     "Jumlah Dokumen Perencanaan Perangkat Daerah",
     "3 Dokumen | 3 Dokumen | 2 Dokumen | 2 Dokumen | 100 % | 3 Dokumen |  | "),
    ("2.17.01.1.01.0002", "Koordinasi dan penyusunan Dokumen RKA-SKPD",
     "Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD",
     "1 Dokumen | 1 Dokumen | 1 Dokumen | 1 Dokumen | 100 % | 1 Dokumen |  | "),
    ("2.17.01.1.02", "Administrasi Keuangan Perangkat Daerah", "Jumlah laporan keuangan",  # 001:160
     "4 Laporan | 2 Laporan |  | 2 Laporan | 100 % | 4 laporan |  | "),
    ("2.17.01.1.02.0001", "Penyediaan Gaji dan Tunjangan ASN", "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN",
     "60 Orang | 12 Bulan | 12 Bulan | 12 bulan | 100 % | 60 orang |  | "),
    ("2.17.01.1.05", "Administrasi Kepegawaian Perangkat Daerah",  # 001:169
     "% pelayanan administrasi kepegawaian sesuai prosedur", "7 Dokumen | 100% |  | 100% | 100% | 7 Dok |  | "),
    ("2.17.01.1.05.0002", "Pengadaan Pakaian Dinas Reserta Atribut Kelengkapannya",
     "Jumlah Paket Pakaian Dinas Beserta Atribut Kelengkapan", "1 Paket | 86 Stel | 211 stel | 211 stel | 100 % | "
     "1 Pkt |  | "),
    ("2.17.01.1.05.0009", "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi",  # 001:175 (G14)
     "Jumlah Pegawai Berdasarkan Tugas dan Fungsi yang Mengikuti Pendidikan dan Pelatihan",
     "20 Orang | 6 Orang | 20 org | 9 org | 60 % | 20 Orang |  | "),
    ("2.17.01.1.05.0001 1", "Bimbingan Teknis Implementasi Peraturan Perundang-Undangan",  # 001:176 (C4)
     "Jumlah Peserta Bimtek", "- | 20 Orang | - | - | - | - |  | "),
    ("2.17.01.1.07", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",  # 001:187
     "Persentase Pemenuhan Kebutuhan Sarana dan Prasarana Tugas (%)", "100 % | 100% |  | 100% | 100 % |  |  | "),
    ("2.17.01.1.07.05", "Pengadaan Mebel", "Jumlah Pengadaan Mebelair",  # 001:189 (C5)
     "- | 6 Unit | 7 Unit | 7 Unit | 100 % | - |  | "),
    ("2.17.02", "PROGRAM PELAYANAN IZIN USAHA SIMPAN PINJAM",  # 001:203 (G15)
     "Prosentase koperasi simpan pinjam/unit simpan yang memiliki ijin usaha",
     "86,44% | 61,38% | 74,84% | 84,75 % | 113 % | 91.25 Persen |  | "),
    ("2.17.02.1.02", "Penerbitan Izin Pembukaan Kantor Cabang, Cabang Pembantu dan Kantor Kas Koperasi Simpan "
                     "Pinjam untuk Koperasi dengan Wilayah Keanggotaan Lintas Daerah Kabupaten/Kota dalam 1 (satu) "
                     "Daerah Provinsi", "Prosentase Izin Pembukaan Kantor Cabang, Cabang Pembantu dan Kantor Kas",
     "100 % | - | - | - | - | 100 % |  | "),
    ("2.17.02.1.02.02", "Sistem Pelayanan Perizinan Berusaha Terintegrasi Secara Elektronik",  # 001:208 (C6)
     "Jumlah koperasi yang dapat mengakses Sistem Pelayanan Perizinan Berusaha Terintegrasi Secara Elektronik",
     "- | - | - | - | - | 5 unit usaha |  | "),
    ("2.17.08", "PROGRAM PENGEMBANGAN UMKM",  # 001:244
     "1. Presentase Usaha Kecil yang berkembang 2. Prosentase Peserta Pelatihan UMKM yang Meningkatkan "
     "Pemahamannya 3. Proporsi UKM Menjalin Kemitraan dan Ekspor",
     "- - 0.94 % | 0,03% - - | 0,04% 89,39 % - | 0,20 % 93,02 % - | 503% 104 % - | 0.05 Persen 90.28 % |  | "),
    ("2.17.08.1.01", "Pengembangan Usaha Kecil dengan Orientasi Peningkatan Skala Usaha Menjadi Usaha Menengah",
     "Jumlah Usaha Kecil yang Meningkatkan Menjadi Usaha Menengah (Pelaku Usaha)",  # 001:245
     "15 pelaku usaha | 0.33 % | 20 pelaku usaha | 20 pelaku usaha | 100 % | 20 Pelaku Usaha |  | "),
]


def kalbar_tabel21(path: Path, *, halaman_baru_sebelum: str = "2.17.02") -> Tabel:
    """Provinsi Kalimantan Barat, Renja 2024, Tabel 2.1 (T-C.29, seed 001:145-249), as printed."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 2.1"
    peta = Peta(TC29_KALBAR_JUDUL, ["4"])
    tabel = Tabel(path, ws.title, peta)
    ws["A1"] = "Tabel 2.1."
    ws["A2"] = ("Rekapitulasi Evaluasi Hasil Pelaksanaan Renja dan Pencapaian Renstra Dinas Koperasi, Usaha Kecil "
                "dan Menengah Provinsi Kalimantan Barat")
    r = tulis_header(ws, 4, TC29_KALBAR_JUDUL)
    for kode, uraian, indikator, nilai in K_BARIS:
        if kode == halaman_baru_sebelum:
            r += 1
            tabel.baris["header_ulang"] = r
            r = tulis_header(ws, r, TC29_KALBAR_JUDUL)
        tulis_baris(ws, r, [kode, uraian, indikator] + pisah(nilai))
        tabel.baris.setdefault(kode or indikator[:40], r)
        r += 1
    wb.save(path)
    return tabel


# ------------------------------------------------------------------ Semarang 2021 Tabel 2.1 (seed 004)
# (uraian, indikator, "4 | 5 | 6 | 7 | 8 | 9 | 10 | 11")

S_BARIS = [
    ("URUSAN KOPERASI DAN UKM", "", " |  |  |  |  |  |  | "),
    ("PROGRAM PENGEMBANGAN SISTEM PENDUKUNG USAHA BAGI USAHA MIKRO KECIL MENENGAH", "", " |  |  |  |  |  |  | "),
    ("Pengembangan Kelembagaan Kumkm", "Jumlah usaha mikro kecil yang terdata",  # 004:376
     "6.412 UMKM | 7408 |  |  |  |  | 7408 | 115,53%"),
    ("Pemanfaatan Dan Pengembangan Usaha Kumkm", "Jumlah KUMKM penerima bantuan dari pemerintah yang terpantau",
     "600 KUMKM | 690 |  |  |  |  | 690 | 115%"),  # 004:377
    ("Koordinasi Dan Pengembangan Kumkm", "Koordinasi pemberdayaan KUMKM dalam pengembangan data dan informasi",
     "15 keg | 6 | 3 | 0 | 0 | 3 | 9 | 60%"),  # 004:378
    ("Fasilitasi Akses Pembiayaan Bagi Usaha Mikro",  # 004:379 (G16)
     "Pelaku Usaha Mikro yg mendapat fasilitasi pembiayaan dari lembaga keuangan",
     "1675 org | 1075 | 425 | 423 | 99,53% | 425 | 1925 | 114,93%"),
    ("PROGRAM PENINGKATAN KUALITAS KELEMBAGAAN KOPERASI", "Prosentase koperasi aktif",  # 004:380
     "88,6% | 88,41 | 88,4% | 88,67% | 100,31% | 88,5% | 88,5% | 99,8%"),
    ("", "Prosentase koperasi sehat", "30% | 8,89 | 12% | 24,6% | 205% | 20% | 20% | 66,67%"),  # 004:381
    ("", "Prosentase Omset Koperasi", "0,8% | 2,39 | 0,6% | 49,89% | 8.315% | 0,7% | 0,7% | 87,5%"),  # 004:382
    ("PROGRAM PENINGKATAN DAN PENGEMBANGAN PEMASARAN DAN JARINGAN USAHA UMKM",  # 004:410
     "Meningkatnya jangkauan pemasaran produk unggulan daerah", "6 provinsi | 6 |  |  |  |  | 6 | 100%"),
    ("", "Prosentase Akses Pemasaran", "23% | 24,5 % | 20 | 20,35 | 101,75% | 21 | 21 | 86,96%"),  # 004:411 (G17)
    ("Pendampingan Dan Peningkatan Usaha Umkm", "Jumlah UMKM yang didampingi",  # 004:412
     "240 org | 240 |  |  |  |  | 240 | 100%"),
    ("Peningkatan Perluasan Jaringan Usaha Dan Kemitraan Umkm",  # 004:414
     "UMKM yang mendapat fasilitasi perluasan jaringan dan kemitraan usaha",
     "450 UMKM | 250 | 100 | 50 | 50% | 100 | 400 | 88,89%"),
    ("Fasilitasi Promosi Produk Umkm", "UMKM yang mendapat fasilitasi promosi produk",  # 004:417
     "1.200 UMKM | 400 | 300 | 250 | 83,33% | 300 | 950 | 79,17%"),
    ("Perluasan Akses Pasar", "UMKM yang mendapat fasilitasi perluasan akses pasar",  # 004:418
     "400 UMKM | 200 | 100 | 60 | 60% | 100 | 360 | 90%"),
]


def semarang_tabel21(path: Path) -> Tabel:
    """Kota Semarang, Renja 2021, Tabel 2.1 (T-C.29 of Permendagri 54/2010, seed 004:290-418), as printed."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 2.1"
    peta = Peta(TC29_SEMARANG_JUDUL, ["4"])
    tabel = Tabel(path, ws.title, peta)
    ws["A1"] = "Tabel 2.1"
    ws["A2"] = "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Dinas Koperasi dan Usaha Mikro Kota Semarang dan"
    ws["A3"] = "Pencapaian Renstra Dinas Koperasi dan Usaha Mikro Kota Semarang s/d Tahun 2019"
    r = tulis_header(ws, 5, TC29_SEMARANG_JUDUL)
    for i, (uraian, indikator, nilai) in enumerate(S_BARIS):
        if i == 9:
            r += 1
            tabel.baris["header_ulang"] = r
            r = tulis_header(ws, r, TC29_SEMARANG_JUDUL)
        tulis_baris(ws, r, ["", uraian, indikator] + pisah(nilai))
        tabel.baris.setdefault(uraian or indikator, r)
        r += 1
    wb.save(path)
    return tabel


# ------------------------------------------------------- a correct E.81 of the same shape (no mistakes)

BERSIH = [
    # (uraian, indikator, target renstra K, Rp, realisasi lalu K, Rp, target K, Rp, TW I K, Rp, TW II K, Rp)
    ("2.17.01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "Jumlah dokumen dan laporan yang disusun",
     None),
    ("2.17.01.2.01 Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
     "Jumlah dokumen perencanaan dan evaluasi", None),
    ("2.17.01.2.01.01 Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah dokumen perencanaan",
     (10, 8_844_800, 5, 1_980_000, 5, 6_864_800, 2, 0, 0, 540_000)),
    ("2.17.01.2.01.06 Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
     "Jumlah laporan capaian kinerja", (4, 2_322_800, 2, 450_000, 2, 1_872_800, 0, 0, 1, 0)),
    ("2.17.01.2.02 Administrasi Keuangan Perangkat Daerah", "Jangka waktu administrasi keuangan (bulan)", None),
    ("2.17.01.2.02.01 Penyediaan Gaji dan Tunjangan ASN", "Jangka waktu penyediaan gaji dan tunjangan ASN (bulan)",
     (48, 15_970_442_994, 12, 7_805_036_664, 12, 7_863_041_117, 3, 1_675_018_357, 3, 1_973_244_136)),
    ("2.17.01.2.02.03 Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD",
     "Jangka waktu penatausahaan keuangan (bulan)",
     (48, 695_510_000, 12, 344_830_000, 12, 341_050_000, 3, 10_910_000, 3, 142_480_000)),
    ("2.17.02 PROGRAM PELAYANAN IZIN USAHA SIMPAN PINJAM", "Jumlah izin usaha simpan pinjam yang difasilitasi", None),
    ("2.17.02.2.01 Penerbitan Izin Usaha Simpan Pinjam untuk Koperasi dengan Wilayah Keanggotaan dalam Daerah "
     "Kabupaten/Kota", "Jumlah izin yang diterbitkan", None),
    ("2.17.02.2.01.01 Fasilitasi Pemenuhan Izin Usaha Simpan Pinjam dan Pembukaan Kantor Cabang, Cabang Pembantu "
     "dan Kantor Kas Koperasi Simpan Pinjam untuk Koperasi dengan Wilayah Keanggotaan dalam Daerah Kabupaten/Kota",
     "Jumlah koperasi yang difasilitasi", (24, 2_761_900, 12, 0, 12, 2_761_900, 0, 0, 6, 1_000_000)),
]


def _level(uraian: str) -> int:
    from renja_xl.kode import parse_kode, pisah_kode_nama

    k, _ = pisah_kode_nama(uraian)
    return int(parse_kode(k).tingkat)


def e81_bersih(path: Path, *, rumus: bool = False) -> Tabel:
    """A correct Pontianak-shaped E.81 (numbers; with ``rumus`` the derived cells and roll-ups are formulas).

    Roll-ups sum the sub kegiatan; 12 = 8 + 9, 13 = 6 + 12, 14 = 13 / 5 (as a fraction with a % format);
    the Jumlah, Rata-rata (mean of the program capaian) and Predikat rows are filled in the same way.
    """
    from renja_xl.predikat import predikat

    wb = Workbook()
    ws = wb.active
    ws.title = "E.81"
    peta = Peta(E81_PONTIANAK_JUDUL, PONTIANAK_NILAI)
    tabel = Tabel(path, ws.title, peta)
    ws["A1"] = "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH PEMERINTAH KOTA PONTIANAK"
    r = tulis_header(ws, 3, E81_PONTIANAK_JUDUL)
    ws.cell(r, 3, "URUSAN WAJIB NON PELAYANAN DASAR")
    r += 1
    col = peta.kolom
    basis = ["5K", "5Rp", "6K", "6Rp", "7K", "7Rp", "8K", "8Rp", "9K", "9Rp"]
    # value of each row, filled bottom-up for roll-ups
    baris_r: list[tuple[int, int, str, str, tuple | None]] = []
    for uraian, indikator, nilai in BERSIH:
        baris_r.append((r, _level(uraian), uraian, indikator, nilai))
        r += 1
    r_jumlah, r_rata, r_pred = r, r + 1, r + 2
    data: dict[int, dict[str, float]] = {}
    anak: dict[int, list[int]] = {}
    for i, (rr, lv, _u, _ind, nilai) in enumerate(baris_r):
        anak[rr] = []
        for rr2, lv2, *_ in baris_r[i + 1:]:
            if lv2 <= lv:
                break
            if lv2 == lv + 1:
                anak[rr].append(rr2)
    for rr, lv, _u, _ind, nilai in reversed(baris_r):
        if nilai is not None:
            data[rr] = dict(zip(basis, map(float, nilai)))
        else:
            d: dict[str, float] = {}
            for k in basis:
                d[k] = sum(data[a][k] for a in anak[rr])
            data[rr] = d
    programs = [rr for rr, lv, *_ in baris_r if lv == 3]
    for rr, lv, uraian, indikator, _n in baris_r:
        d = data[rr]
        ws.cell(rr, 3, uraian)
        ws.cell(rr, 4, indikator)
        for k in basis:
            if rumus and k.endswith("Rp") and anak[rr]:
                ws.cell(rr, col[k], f"=SUM({get_column_letter(col[k])}{anak[rr][0]}:{get_column_letter(col[k])}"
                                    f"{anak[rr][-1]})" if len(anak[rr]) > 1 and anak[rr][-1] - anak[rr][0] ==
                        len(anak[rr]) - 1 else "=" + "+".join(f"{get_column_letter(col[k])}{a}" for a in anak[rr]))
            else:
                ws.cell(rr, col[k], d[k])
        for s in ("K", "Rp"):
            L = {k: get_column_letter(col[k]) for k in col}
            d[f"12{s}"] = d[f"8{s}"] + d[f"9{s}"]
            d[f"13{s}"] = d[f"6{s}"] + d[f"12{s}"]
            d[f"14{s}"] = d[f"13{s}"] / d[f"5{s}"] if d[f"5{s}"] else 0.0
            if rumus:
                ws.cell(rr, col[f"12{s}"], f"={L['8' + s]}{rr}+{L['9' + s]}{rr}")
                ws.cell(rr, col[f"13{s}"], f"={L['6' + s]}{rr}+{L['12' + s]}{rr}")
                ws.cell(rr, col[f"14{s}"], f"=IFERROR({L['13' + s]}{rr}/{L['5' + s]}{rr},0)")
            else:
                ws.cell(rr, col[f"12{s}"], d[f"12{s}"])
                ws.cell(rr, col[f"13{s}"], d[f"13{s}"])
                ws.cell(rr, col[f"14{s}"], d[f"14{s}"])
            ws.cell(rr, col[f"14{s}"]).number_format = "0.00%"
        tabel.baris[uraian.split(" ")[0]] = rr
    ws.cell(r_jumlah, 1, "Jumlah")
    for k in basis + ["12Rp", "13Rp"]:
        if not k.endswith("Rp"):
            continue
        L = get_column_letter(col[k])
        if rumus:
            ws.cell(r_jumlah, col[k], "=" + "+".join(f"{L}{p}" for p in programs))
        else:
            ws.cell(r_jumlah, col[k], sum(data[p][k] for p in programs))
    ws.cell(r_rata, 1, "Rata-rata Capaian Kinerja(%)")
    ws.cell(r_pred, 1, "Predikat Kinerja")
    for s in ("K", "Rp"):
        L = get_column_letter(col[f"14{s}"])
        rata = sum(data[p][f"14{s}"] for p in programs) / len(programs)
        if rumus:
            ws.cell(r_rata, col[f"14{s}"], "=AVERAGE(" + ",".join(f"{L}{p}" for p in programs) + ")")
            x = f"{L}{r_rata}*100"
            ws.cell(r_pred, col[f"14{s}"], f'=IF({x}>=91,"Sangat Tinggi",IF({x}>=76,"Tinggi",IF({x}>=66,"Sedang",'
                                           f'IF({x}>=51,"Rendah","Sangat Rendah"))))')
        else:
            ws.cell(r_rata, col[f"14{s}"], rata)
            ws.cell(r_pred, col[f"14{s}"], predikat(rata * 100))
        ws.cell(r_rata, col[f"14{s}"]).number_format = "0.00%"
    tabel.baris.update(jumlah=r_jumlah, rata=r_rata, predikat=r_pred)
    wb.save(path)
    return tabel


# ---------------------------------------------- a hand-made E.81 from any Data Induk (import tests, bench)

class TabelTangan:
    """A hand-made E.81 written from a Data Induk: where each indicator landed and the mistakes typed in."""

    def __init__(self, path: Path, lembar: str, kolom: dict[str, int]) -> None:
        self.path = path
        self.lembar = lembar
        self.kolom = kolom                          # "5K", "5Rp", …, "14Rp" -> column
        self.baris: dict[tuple[str, int], int] = {}  # (kode, indicator index) -> row
        self.galat: dict[str, str] = {}             # cell -> kind of the mistake typed there ("hitung", …)


def _judul_e81_tangan(info) -> list:
    return [
        ("No", None, False), ("Sasaran", None, False), ("Program/Kegiatan", None, False),
        ("Indikator Kinerja Program (Outcome)/ Kegiatan (Output)", None, False),
        (f"Target Renstra Perangkat Daerah pada Tahun {info.renstra_awal}-{info.renstra_akhir}", "5", True),
        ("Realisasi Capaian Kinerja Renstra Perangkat Daerah sampai dengan Renja Perangkat Daerah Tahun Lalu "
         f"({info.tahun - 1})", "6", True),
        (f"Target Kinerja Dan Anggaran Renja Perangkat Daerah Tahun Berjalan ({info.tahun}) yang dievaluasi", "7",
         True),
        ("Realisasi Kinerja Pada Triwulan I", "8", True), ("Realisasi Kinerja Pada Triwulan II", "9", True),
        ("Realisasi Kinerja Pada Triwulan III", "10", True), ("Realisasi Kinerja Pada Triwulan IV", "11", True),
        ("Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang dievaluasi", "12", True),
        (f"Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah sd tahun {info.tahun}", "13=6+12", True),
        (f"Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra Perangkat Daerah s/d Tahun {info.tahun}(%)",
         "14=13/5x100%", True),
        ("Unit Perangkat daerah Penanggung jawab", "15", False),
    ]


def e81_tangan(data, path: Path, *, galat: int = 0, seed: int = 0) -> TabelTangan:
    """An E.81 as staff type it (Pontianak layout): numbers as text with their unit (``12 Dokumen``), Rp in
    Indonesian notation, code and name in one cell, derived columns typed as numbers the core computes,
    program/kegiatan Rp as sums, a Jumlah, Rata-rata and Predikat row and a signature block. ``galat``
    derived cells are then typed wrong (``TabelTangan.galat`` lists them)."""
    import random

    from renja_xl.angka import format_angka
    from renja_xl.capaian import (JenisIndikator, capaian, rata_rata, realisasi_renstra, realisasi_tahun)
    from renja_xl.predikat import predikat

    info = data.info
    tw = info.triwulan
    K = JenisIndikator.KUMULATIF
    judul = _judul_e81_tangan(info)
    peta = Peta(judul, ["5"])
    wb = Workbook()
    ws = wb.active
    ws.title = "E.81"
    tabel = TabelTangan(path, ws.title, dict(peta.kolom))
    ws["A1"] = f"EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH {info.pemda.upper()}"
    ws["A2"] = f"RENJA {info.nama_opd.upper()} {info.pemda.upper()}"
    ws["A3"] = f"PERIODE PELAKSANAAN : TRIWULAN {('I', 'II', 'III', 'IV')[tw - 1]} TAHUN ANGGARAN {info.tahun}"
    r = tulis_header(ws, 5, judul)
    col = peta.kolom

    def k(v: float | None, satuan: str) -> str:
        return f"{format_angka(v)} {satuan}".strip() if v is not None else satuan

    def rp(v: float | None) -> str:
        return format_angka(v) if v is not None else "-"

    def pct(h) -> str:
        return f"{format_angka(h.nilai, 2)}%" if h.nilai is not None else ""

    def gulung(node, kunci: str, i: int | None = None) -> float | None:
        if not node.anak:
            b = node.baris[0] if node.baris else None
            if b is None:
                return None
            v = getattr(b, kunci)
            return v[i] if i is not None else v
        isi = [x for x in (gulung(a, kunci, i) for a in node.anak) if x is not None]
        return sum(isi) if isi else None

    capaian_k: list = []
    capaian_rp: list = []
    program_rp: dict[str, list[float | None]] = {}
    derived: list[tuple[str, int, int]] = []         # (kind, row, column) of typed derived cells

    def tulis_node(node) -> None:
        nonlocal r
        for j, b in enumerate(node.baris or [None]):
            if j == 0:
                ws.cell(r, 2, next((x.sasaran for x in node.baris if x.sasaran), "") or None)
                ws.cell(r, 3, f"{node.kode} {node.uraian}".strip())
            if b is not None:
                tabel.baris[(node.kode, j)] = r
                ws.cell(r, 4, b.indikator or None)
                for nomor, nilai in (("5", b.target_renstra_k), ("6", b.realisasi_lalu_k), ("7", b.target_k)):
                    ws.cell(r, col[nomor + "K"], k(nilai, b.satuan))
                for i in range(4):
                    ws.cell(r, col[f"{8 + i}K"], k(b.tw_k[i], b.satuan) if i < tw else None)
                r12 = realisasi_tahun(b.tw_k[:tw], b.jenis)
                r13 = realisasi_renstra(b.realisasi_lalu_k, r12, b.jenis)
                h14 = capaian(r13, b.target_renstra_k, b.jenis)
                ws.cell(r, col["12K"], k(r12, b.satuan) if r12 is not None else None)
                ws.cell(r, col["13K"], k(r13, b.satuan) if r13 is not None else None)
                ws.cell(r, col["14K"], pct(h14) or None)
                derived.append(("hitung", r, col["14K"]))
                capaian_k.append(h14)
                ws.cell(r, col["15"], b.penanggung_jawab or None)
            if j == 0:
                nilai_rp = {n: gulung(node, f) for n, f in (("5", "target_renstra_rp"), ("6", "realisasi_lalu_rp"),
                                                            ("7", "target_rp"))}
                tw_rp = [gulung(node, "tw_rp", i) if i < tw else None for i in range(4)]
                for n, v in nilai_rp.items():
                    ws.cell(r, col[n + "Rp"], rp(v))
                    if node.anak:
                        derived.append(("jumlah", r, col[n + "Rp"]))
                for i in range(tw):
                    ws.cell(r, col[f"{8 + i}Rp"], rp(tw_rp[i]))
                r12 = realisasi_tahun(tw_rp, K)
                r13 = realisasi_renstra(nilai_rp["6"], r12, K)
                h = capaian(r13, nilai_rp["5"], K)
                ws.cell(r, col["12Rp"], rp(r12))
                ws.cell(r, col["13Rp"], rp(r13))
                ws.cell(r, col["14Rp"], pct(h) or None)
                capaian_rp.append(h)
                derived.append(("hitung", r, col["14Rp"]))
                if node.tingkat == 3:
                    program_rp[node.kode] = [nilai_rp["5"], nilai_rp["6"], nilai_rp["7"], *tw_rp[:tw], r12, r13]
            r += 1
        for a in node.anak:
            tulis_node(a)

    for p in data.pohon():
        tulis_node(p)
    # OPD footer: Jumlah of the programs' Rp, rata-rata over every indicator row, predikat
    ws.cell(r, 3, "Jumlah")
    for i, n in enumerate(["5", "6", "7", *(str(8 + t) for t in range(tw)), "12", "13"]):
        isi = [v[i] for v in program_rp.values() if v[i] is not None]
        ws.cell(r, col[n + "Rp"], rp(sum(isi) if isi else None))
        derived.append(("jumlah", r, col[n + "Rp"]))
    r += 1
    ws.cell(r, 3, "Rata-rata Capaian Kinerja (%)")
    rata = (rata_rata(capaian_k), rata_rata(capaian_rp))
    for s, h in zip(("K", "Rp"), rata):
        ws.cell(r, col[f"14{s}"], pct(h) or None)
        derived.append(("rata", r, col[f"14{s}"]))
    r += 1
    ws.cell(r, 3, "Predikat Kinerja")
    for s, h in zip(("K", "Rp"), rata):
        ws.cell(r, col[f"14{s}"], predikat(h.nilai) or None)
        derived.append(("predikat", r, col[f"14{s}"]))
    r += 2
    ws.cell(r, 3, f"{info.tempat}, {info.tanggal}".strip(", "))
    ws.cell(r + 1, 3, f"Kepala {info.nama_opd}")
    ws.cell(r + 5, 3, info.kepala_opd or None)
    ws.cell(r + 6, 3, f"NIP. {info.nip_kepala_opd}")
    rng = random.Random(seed)
    for jenis, rr, c in rng.sample([d for d in derived if ws.cell(d[1], d[2]).value not in (None, "-")],
                                   min(galat, len(derived))):
        sel = ws.cell(rr, c)
        if jenis == "predikat":
            sel.value = "Sedang" if sel.value != "Sedang" else "Tinggi"
        elif str(sel.value).endswith("%"):
            sel.value = f"{format_angka(float(str(sel.value)[:-1].replace('.', '').replace(',', '.')) + 7.5, 2)}%"
        else:
            sel.value = format_angka(float(str(sel.value).replace(".", "").replace(",", ".")) + 1_000_000)
        tabel.galat[sel.coordinate] = jenis
    wb.save(path)
    return tabel
