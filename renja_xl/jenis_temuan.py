"""Every kind of finding the checker can report, once: its id (stable, for scripts and filters), its name
in words for staff, and what to do about it ("Saran").

The report's *Jenis* column shows :func:`nama_jenis`; its *Saran* column falls back to :func:`saran_jenis`
when a finding carries no specific advice. A test greps the sources for every id the code can produce
and requires an entry here, so a new rule cannot ship without a name and a saran.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["JenisTemuan", "JENIS", "nama_jenis", "saran_jenis"]


@dataclass(frozen=True)
class JenisTemuan:
    """One kind of finding: ``nama`` (short, in words) and ``saran`` (the usual fix)."""

    nama: str
    saran: str


_J = JenisTemuan
_RUMUS_ULANG = "Tulis rumusnya di Excel (atau buat formulir dari Data Induk dengan 'renja-xl buat') agar angka ikut berubah."

JENIS: dict[str, JenisTemuan] = {
    # --- numbers as typed
    "angka.ambigu": _J("Angka bermakna ganda", "Tulis pemisah ribuan dengan titik dan desimal dengan koma "
                       "(1.250 atau 1,25), atau simpan sebagai angka, bukan teks."),
    "angka.bukan_angka": _J("Teks di kolom angka", "Isi angka saja; pindahkan keterangan ke kolom Keterangan."),
    "angka.format": _J("Penulisan angka tidak baku", "Ketik ulang sebagai angka tanpa satuan; atur tampilan "
                       "lewat Format Sel."),
    "angka.galat": _J("Nilai tidak terbaca", "Ketik ulang nilainya sebagai angka."),
    "angka.jamak": _J("Beberapa nilai dalam satu sel", "Pisahkan tiap nilai ke baris indikatornya sendiri."),
    "angka.kurung": _J("Keterangan dalam kurung", "Pindahkan keterangan ke kolom Keterangan."),
    "angka.pemisah_campur": _J("Pemisah ribuan/desimal bercampur", "Pakai titik untuk ribuan dan koma untuk "
                               "desimal secara konsisten, atau simpan sebagai angka."),
    "angka.pengali": _J("Angka dengan kata pengali", "Tulis angka lengkap (mis. 1.500.000.000, bukan "
                        "1,5 miliar)."),
    "angka.rentang_terbalik": _J("Rentang terbalik", "Tulis rentang dari kecil ke besar (mis. 4,5 - 5,5)."),
    "angka.teks": _J("Angka diketik sebagai teks", "Ubah sel menjadi angka (Data > Teks ke Kolom, atau ketik "
                     "ulang); satuan cukup di kolom Satuan atau judul kolom."),
    "angka.terpotong": _J("Angka terpotong", "Periksa digit yang hilang dan ketik ulang angkanya."),
    "nilai.jamak": _J("Angka bersatuan atau beberapa nilai", "Isi angka saja (mis. 5, bukan '5 kali'); satuan "
                      "cukup ditulis di kolom Satuan atau judul kolom."),
    # --- derived columns
    "capaian.salah": _J("Capaian salah hitung", "Hitung ulang capaian: realisasi dibagi target dikali 100%."),
    "hitung.capaian": _J("Capaian salah hitung", "Perbaiki dengan rumus kolom sesuai judulnya (mis. 13 = 12/7 "
                         "x 100%); " + _RUMUS_ULANG),
    "hitung.huruf": _J("Capaian nilai huruf", "Untuk nilai huruf (A, B, BB …) isi capaian menurut skala urut "
                       "yang disepakati, atau jelaskan di Keterangan."),
    "hitung.jenis_indikator": _J("Indikator tingkat dijumlahkan", "Untuk indikator tingkat/persentase pakai "
                                 "nilai triwulan terakhir, bukan jumlah triwulan."),
    "hitung.jumlah": _J("Jumlah salah hitung", "Perbaiki dengan rumus jumlah sesuai judul kolom (mis. 12 = "
                        "8+9+10+11); " + _RUMUS_ULANG),
    "hitung.kosong": _J("Kolom hitungan kosong", "Isi dengan rumus kolomnya; " + _RUMUS_ULANG),
    "hitung.pembulatan": _J("Dipotong, bukan dibulatkan", "Bulatkan (ROUND), jangan potong (TRUNC/ROUNDDOWN)."),
    "hitung.tak_terdefinisi": _J("Capaian tak dapat dihitung", "Kosongkan capaiannya atau lengkapi target dan "
                                 "realisasinya."),
    "hitung.tanpa_target": _J("Capaian tanpa target", "Isi targetnya, atau kosongkan capaiannya."),
    "rata_rata.aturan": _J("Rata-rata dengan aturan lain", "Hitung rata-rata capaian dari semua baris di "
                           "bawahnya menurut Permendagri 86/2017."),
    "rata_rata.ikut_baris": _J("Rata-rata ikut capaian yang salah", "Perbaiki dulu capaian baris yang salah; "
                               "rata-ratanya akan ikut berubah."),
    "rata_rata.pembulatan": _J("Rata-rata dipotong", "Bulatkan rata-rata (ROUND), jangan dipotong."),
    "rata_rata.salah": _J("Rata-rata capaian salah", "Hitung ulang rata-rata capaian baris di bawahnya (AVERAGE)."),
    "predikat.kosong": _J("Predikat kosong", "Isi predikat menurut skala: ≥91 Sangat Tinggi, ≥76 Tinggi, ≥66 "
                          "Sedang, ≥51 Rendah, di bawahnya Sangat Rendah."),
    "predikat.salah": _J("Predikat tidak sesuai skala", "Sesuaikan predikat dengan skala Permendagri 86/2017."),
    "rollup.kosong": _J("Jumlah induk kosong", "Isi baris induk dengan jumlah baris di bawahnya (SUM)."),
    "rollup.selisih": _J("Jumlah induk tidak cocok", "Samakan dengan jumlah baris di bawahnya, atau periksa "
                         "baris anak yang salah."),
    # --- formulas
    "rumus.diketik": _J("Angka diketik di kolom berumus", "Ganti angka itu dengan rumus yang sama seperti "
                        "baris lainnya."),
    "rumus.galat": _J("Rumus menghasilkan galat", "Perbaiki rumusnya (mis. pembagian dengan nol: bungkus "
                      "dengan IFERROR atau isi targetnya)."),
    "rumus.pola": _J("Rumus beda dari kolomnya", "Salin rumus dari baris lain di kolom yang sama."),
    "rumus.rentang": _J("Rentang rumus jumlah salah", "Perbaiki rentang SUM agar mencakup tepat baris anaknya."),
    "judul.tahun": _J("Tahun di judul kolom", "Sesuaikan tahun di judul kolom dengan tahun yang dievaluasi."),
    # --- codes as typed
    "kode.angka": _J("Kode tersimpan sebagai angka", "Format sel sebagai Teks lalu ketik ulang kodenya "
                     "(mis. 2.17, bukan 2,17)."),
    "kode.dengan_nama": _J("Kode dan nama dalam satu sel", "Pisahkan kode dan nama ke kolomnya masing-masing."),
    "kode.era": _J("Kode nomenklatur era lain", "Pakai kode nomenklatur yang berlaku untuk tahun dokumen."),
    "kode.format": _J("Bentuk kode salah", "Tulis kode dengan bentuk U.BB.PP.K.KK.SSSS (mis. 2.17.01.2.01.0001)."),
    "kode.html": _J("Tag HTML di sel kode", "Hapus tag HTML; salin kode sebagai teks biasa."),
    "kode.induk": _J("Kode bukan turunan induknya", "Periksa kode baris ini atau letak barisnya di bawah "
                     "program/kegiatan yang benar."),
    "kode.kosong": _J("Kode kosong", "Isi kode nomenklatur baris ini."),
    "kode.lama": _J("Kode bentuk lama (13/2006)", "Petakan ke kode Permendagri 90/2019 / Kepmendagri "
                    "050-5889/2021."),
    "kode.lebar": _J("Lebar segmen kode", "Tulis tiap segmen dengan jumlah digit baku (mis. 01, 0001)."),
    "kode.nol_depan": _J("Nol di depan kode urusan", "Tulis kode urusan satu digit (2.17, bukan 02.17)."),
    "kode.pemda": _J("Kode untuk jenis pemda lain", "Pakai digit pemda yang sesuai (1 provinsi, 2 "
                     "kabupaten/kota)."),
    "kode.pemisah": _J("Pemisah kode bukan titik", "Pakai titik sebagai pemisah segmen kode."),
    "kode.placeholder": _J("Templat kode salah", "Templat urusan/bidang ditulis X.XX."),
    "kode.segmen_pemda_hilang": _J("Digit pemda hilang", "Sisipkan digit pemda (1 provinsi, 2 kabupaten/kota) "
                                   "setelah kode program."),
    "kode.sel_terpisah": _J("Kode terpecah di beberapa sel", "Satukan kode dalam satu sel."),
    "kode.spasi": _J("Spasi di dalam kode", "Hapus spasi di dalam kode."),
    "kode.template": _J("Templat X.XX tidak dikenal", "Templat X.XX hanya untuk program 01 (penunjang); pakai "
                        "kode bidang urusan."),
    "kode.tingkat_baris": _J("Kode tak sesuai tingkat baris", "Pakai kode kegiatan untuk baris kegiatan dan "
                             "kode sub kegiatan untuk baris sub kegiatan."),
    "kode.titik_akhir": _J("Tanda di akhir kode", "Hapus titik atau tanda lain di akhir kode."),
    # --- consistency between rows and sheets
    "konsistensi.kode_ganda": _J("Kode dipakai dua kali", "Satu kode untuk satu program/kegiatan/sub "
                                 "kegiatan; periksa kode salah satunya."),
    "konsistensi.nama": _J("Nama beda untuk kode sama", "Samakan nama di semua lembar dengan nama resmi."),
    "konsistensi.pagu": _J("Pagu beda untuk kode sama", "Samakan pagu di semua lembar (sumber: DPA)."),
    "konsistensi.target": _J("Target beda untuk kode sama", "Samakan target di semua lembar (sumber: Renja/"
                             "Renstra)."),
    # --- names against the official list
    "nama.beda": _J("Nama berlawanan arti", "Pakai nama resmi dari daftar nomenklatur."),
    "nama.ejaan": _J("Ejaan nama berbeda", "Salin nama resmi dari daftar nomenklatur."),
    "nama.indikator": _J("Indikator di kolom nama", "Pindahkan indikator ke kolom Indikator; kolom nama berisi "
                         "nama program/kegiatan saja."),
    "nama.kode_lain": _J("Nama milik kode lain", "Periksa kodenya: nama ini milik kode yang disarankan."),
    "nama.kosong": _J("Kode tanpa nama", "Tulis nama program/kegiatan/sub kegiatan sesuai nama resmi di "
                      "samping kodenya."),
    "nama.pemda": _J("Nama memuat nama pemda lain", "Pakai nama resmi tanpa nama daerah lain."),
    "nama.tambahan": _J("Teks tambahan di kolom nama", "Pindahkan teks tambahan ke kolom Indikator atau "
                        "Keterangan."),
    "nama.terpotong": _J("Nama terpotong", "Lengkapi nama sesuai nama resmi."),
    "nama.tidak_cocok": _J("Nama tidak cocok dengan kode", "Periksa kode atau namanya terhadap daftar "
                           "nomenklatur."),
    # --- the official catalog
    "nomenklatur.bidang_tidak_ada": _J("Bidang urusan tidak ada di katalog", "Periksa kode bidang urusan OPD."),
    "nomenklatur.diganti": _J("Kode sudah diganti", "Pakai kode pengganti dari versi katalog terbaru."),
    "nomenklatur.era": _J("Kode dari versi nomenklatur lain", "Pakai kode dari versi nomenklatur yang berlaku "
                          "untuk tahun dokumen."),
    "nomenklatur.era_lain": _J("Katalog dari era lain", "Impor daftar nomenklatur untuk era kode dokumen ini "
                               "(renja-xl nomenklatur impor BERKAS)."),
    "nomenklatur.padanan": _J("Padanan kode di era lain", "Bandingkan dengan kode padanannya pada nomenklatur "
                              "yang berlaku."),
    "nomenklatur.induk_tidak_ada": _J("Induk kode tidak ada di katalog", "Periksa kode program/kegiatan "
                                      "induknya."),
    "nomenklatur.menurut_nama": _J("Kode menurut nama", "Bandingkan dengan kode yang disarankan menurut nama."),
    "nomenklatur.pemda": _J("Kode untuk jenis pemda lain", "Pakai kode nomenklatur untuk jenis pemda dokumen."),
    "nomenklatur.program01_bidang": _J("Program penunjang dengan bidang lain", "Program 01 memakai kode bidang "
                                       "urusan OPD sendiri."),
    "nomenklatur.saran_ada": _J("Kode saran ada di katalog", "Periksa lalu pakai kode yang disarankan."),
    "nomenklatur.saran_tidak_ada": _J("Kode saran tidak ada di katalog", "Cari kode yang benar di daftar "
                                      "nomenklatur."),
    "nomenklatur.tanpa_katalog": _J("Tanpa katalog nomenklatur", "Impor daftar resmi: renja-xl nomenklatur "
                                    "impor BERKAS."),
    "nomenklatur.tidak_ada": _J("Kode tidak ada di katalog", "Cari kode yang benar di daftar nomenklatur; "
                                "pakai saran bila ada."),
    "nomenklatur.tingkat": _J("Tingkat kode tidak sesuai", "Pakai kode dengan tingkat yang sesuai barisnya."),
    # --- Data Induk problems (renja-xl data-induk cek)
    "data_induk.angka": _J("Data Induk: bukan angka", "Isi angka saja pada kolom angka Data Induk."),
    "data_induk.berkas": _J("Data Induk tidak terbaca", "Simpan ulang berkas sebagai .xlsx lalu coba lagi."),
    "data_induk.kolom_hilang": _J("Data Induk: kolom hilang", "Kembalikan kolom yang hilang; jangan ubah "
                                  "judul kolom templat."),
    "data_induk.target_kosong": _J("Data Induk: target kosong", "Isi Target Renja (K, dan Rp untuk sub kegiatan) "
                                   "pada baris yang sudah berisi realisasi."),
    "data_induk.kode_ganda": _J("Data Induk: kode ganda", "Satu kode untuk satu program/kegiatan/sub kegiatan; "
                                "perbaiki kode atau nama baris itu."),
    "data_induk.indikator_ganda": _J("Data Induk: indikator ganda", "Hapus baris indikator yang terulang pada "
                                     "kode yang sama."),
    "data_induk.nama_kosong": _J("Data Induk: nama kosong", "Isi nama program/kegiatan/sub kegiatan sesuai "
                                 "nomenklatur pada baris pertama kodenya."),
    "data_induk.jenis_satuan": _J("Data Induk: jenis tak sesuai satuan", "Pilih jenis 'persentase' atau 'nilai "
                                  "akhir' untuk satuan persen/indeks/nilai, kecuali memang dijumlahkan."),
    "data_induk.perlu_dicek": _J("Data Induk: hasil impor belum dikonfirmasi", "Periksa baris yang ditandai, "
                                 "perbaiki bila perlu, lalu kosongkan sel 'Perlu dicek'."),
    "data_induk.kertas": _J("Data Induk: ukuran kertas", "Pilih F4, Legal, A4 atau A3 (kosong = F4)."),
}

_KELOMPOK = {"angka": "Angka", "hitung": "Hitungan", "rata_rata": "Rata-rata", "predikat": "Predikat",
             "rollup": "Jumlah induk", "rumus": "Rumus", "kode": "Kode", "konsistensi": "Konsistensi",
             "nama": "Nama", "nomenklatur": "Nomenklatur", "data_induk": "Data Induk", "judul": "Judul",
             "nilai": "Nilai", "capaian": "Capaian"}


def nama_jenis(jenis: str) -> str:
    """The kind of finding in words (``hitung.capaian`` -> ``Capaian salah hitung``); an unknown id gets its
    group's name rather than a bare id."""
    j = JENIS.get(jenis)
    if j is not None:
        return j.nama
    kelompok = jenis.split(".", 1)[0]
    return _KELOMPOK.get(kelompok, "Temuan") + (f" ({jenis.split('.', 1)[1].replace('_', ' ')})"
                                                if "." in jenis else "")


def saran_jenis(jenis: str) -> str:
    """The usual fix for a kind of finding ("" when the id is unknown)."""
    j = JENIS.get(jenis)
    return j.saran if j is not None else ""
