"""Bappeda's compilation (``renja-xl rekap``): every OPD's E.81 in a folder -> one workbook with the pemda's
evaluation of its RKPD (Tabel E.79 for a kab/kota, Formulir E.19 for a province), a summary per OPD, every
finding of every file, and charts.

One module per job: ``tugas`` (the per-file task: open safely, check, extract), ``mesin`` (runs the tasks on a
local process pool or a Dask cluster), ``pilih`` (year, triwulan, duplicates, late and missing forms),
``e79`` (the E.79/E.19 sheet with native formulas), ``ringkasan`` (per OPD), ``temuan`` (findings),
``grafik`` (charts). ``docs/skala.md`` explains the rules and how a province or Kemendagri runs it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from renja_xl.format_lain import EKSTENSI
from renja_xl.galat import GalatPengguna
from renja_xl.rekap.mesin import Kemajuan, jalankan
from renja_xl.rekap.pilih import Ditolak, Pilihan, pilih

__all__ = ["rekap", "HasilRekap", "daftar_berkas", "TINGKAT", "EKSTENSI_BUKU", "tulis_buku", "kertas_rekap"]

TINGKAT = ("kabkota", "provinsi")
EKSTENSI_BUKU = EKSTENSI
_LEWAT = ("ringkasan_pemeriksaan.xlsx",)


@dataclass
class HasilRekap:
    keluar: Path
    pilihan: Pilihan

    def ke_json(self) -> dict:
        """The object ``--json`` prints (keys fixed by issue 17; numbers unrounded, null when unknown)."""
        opd = []
        for o in self.pilihan.opd:
            if o.hasil is None or o.lembar is None:
                continue
            n = o.lembar.nilai
            opd.append({"berkas": o.hasil.nama, "opd": o.nama, "triwulan": o.lembar.triwulan or self.pilihan.triwulan,
                        "capaian_k": n.capaian_k, "capaian_rp": n.capaian_rp, "predikat": n.predikat,
                        "salah": o.hasil.jumlah("salah"), "peringatan": o.hasil.jumlah("peringatan"),
                        "target_rp": n.target_rp, "realisasi_rp": n.realisasi_rp})
        gagal = [{"berkas": d.berkas, "alasan": d.alasan} for d in self.pilihan.ditolak]
        return {"opd": opd, "gagal": gagal}


def daftar_berkas(folder: Path, keluar: Path | None = None) -> tuple[list[Path], list[Ditolak]]:
    """(workbooks to process, files left out as non-workbooks). Skips hidden files, Excel lock files,
    the output itself and reports renja-xl wrote into the folder earlier."""
    buku: list[Path] = []
    bukan: list[Ditolak] = []
    jangan = keluar.resolve() if keluar is not None and keluar.exists() else None
    for p in sorted(folder.iterdir(), key=lambda x: x.name):
        if not p.is_file() or p.name.startswith((".", "~$")) or p.name in _LEWAT or p.stem.endswith("_laporan"):
            continue
        if jangan is not None and p.resolve() == jangan:
            continue
        if p.suffix.lower() in EKSTENSI_BUKU:
            buku.append(p)
        else:
            bukan.append(Ditolak(p.name, f"bukan buku kerja ({p.suffix or 'tanpa ekstensi'}); hanya .xlsx, .xlsm, "
                                         ".xls, .xlsb dan .ods yang dibaca."))
    return buku, bukan


def _cek_keluaran(keluar: Path, timpa: bool) -> None:
    if keluar.suffix.lower() != ".xlsx":
        raise GalatPengguna(f"berkas keluaran '{keluar.name}' harus berakhiran .xlsx.")
    if keluar.exists() and not timpa:
        raise GalatPengguna("berkas keluaran sudah ada.", berkas=keluar,
                            saran="Pilih nama lain atau tambahkan --timpa untuk menimpanya.")


def _nama_kode(pilihan: Pilihan) -> dict[str, str]:
    """Urusan and bidang names: the imported catalog first, then what the OPD forms print."""
    from renja_xl.nomenklatur.impor import URUSAN

    nama = {k: v for k, v in URUSAN.items() if k != "X"}
    for o in pilihan.opd:
        if o.lembar is not None:
            for k, v in o.lembar.nama_bidang.items():
                nama.setdefault(k, v.upper())
    try:
        from renja_xl.nomenklatur.simpan import muat_katalog

        katalog = muat_katalog()
    except Exception:   # no catalog or an unreadable one: the forms' own names are enough
        katalog = None
    if katalog is not None:
        for o in pilihan.opd:
            if o.lembar is None:
                continue
            for b in o.lembar.baris:
                seg = b.kode.split(".") if b.kode else []
                if len(seg) >= 2:
                    k = ".".join(seg[:2])
                    e = katalog.cari(k)
                    if e is not None:
                        nama[k] = e.nama.upper()
    return nama


def rekap(folder: str | os.PathLike[str], keluar: str | os.PathLike[str], *, triwulan: int | None = None,
          tahun: int | None = None, tingkat: str = "kabkota", dask: str | None = None, pekerja: int | None = None,
          tenggat: date | None = None, rinci: str = "sub_kegiatan", timpa: bool = False, kertas: str | None = None,
          kemajuan: Kemajuan | None = None, saat_mulai=None) -> HasilRekap:
    """Compile every OPD workbook in ``folder`` into ``keluar`` (written atomically). ``saat_mulai(n)`` is
    told how many workbooks will be processed (for a progress bar)."""
    from renja_xl.generator.simpan import simpan

    folder, keluar = Path(folder), Path(keluar)
    if tingkat not in TINGKAT:     # any way staff write it, through the one alias table (renja_xl.pemda)
        from renja_xl.pemda import PROVINSI, jenis_pemda_opsi

        jenis = jenis_pemda_opsi(tingkat, "--pemda")
        if jenis is None:
            raise GalatPengguna("--pemda kosong.", saran="Pilih kabkota atau provinsi.")
        tingkat = "provinsi" if jenis == PROVINSI else "kabkota"
    from renja_xl.rekap.e79 import RINCI

    rinci = {"sub": "sub_kegiatan", "sub kegiatan": "sub_kegiatan"}.get(rinci, rinci)
    if rinci not in RINCI:
        raise GalatPengguna(f"--rinci '{rinci}' tidak dikenal.", saran="Pilih program, kegiatan atau sub.")
    if triwulan is not None and triwulan not in (1, 2, 3, 4):
        raise GalatPengguna(f"triwulan '{triwulan}' tidak valid.", saran="Pilih 1, 2, 3 atau 4.")
    if not folder.is_dir():
        raise GalatPengguna("folder tidak ditemukan.", berkas=folder, saran="Beri folder berisi E.81 setiap OPD.")
    _cek_keluaran(keluar, timpa)
    kertas_rekap(kertas)           # an unknown paper is refused before any work
    if dask:
        from renja_xl.rekap.mesin import cek_dask

        cek_dask()
    buku, bukan = daftar_berkas(folder, keluar)
    if not buku:
        raise GalatPengguna("tidak ada buku kerja (.xlsx) di folder ini.", berkas=folder)
    if saat_mulai:
        saat_mulai(len(buku))
    waktu = {str(p): p.stat().st_mtime for p in buku}
    hasil = jalankan([str(p) for p in buku], dask=dask,
                     pekerja=pekerja, kemajuan=kemajuan)
    pilihan = pilih(hasil, waktu, tahun=tahun, triwulan=triwulan, tingkat=tingkat, tenggat=tenggat, ditolak=bukan)
    wb = tulis_buku(pilihan, tingkat, rinci, kertas)
    return HasilRekap(simpan(wb, keluar, timpa=timpa), pilihan)


def kertas_rekap(nama: str | None):
    """The paper ``--kertas`` names (F4 when none), by the generator's rule (``cetak.pilih_kertas``)."""
    from renja_xl.data_induk.model import PILIHAN_KERTAS
    from renja_xl.generator.cetak import pilih_kertas

    try:
        return pilih_kertas(nama)
    except GalatPengguna:
        raise GalatPengguna(f"--kertas '{nama}' tidak dikenal.",
                            saran=f"Pilih {', '.join(PILIHAN_KERTAS)} (bawaan F4).") from None


def tulis_buku(pilihan: Pilihan, tingkat: str, rinci: str = "sub_kegiatan", kertas: str | None = None):
    """The output workbook: E.79/E.19, Ringkasan OPD, Temuan, Grafik, Skala Predikat, each planned for
    print on ``kertas`` (F4 unless named). Its formulas are the generator's rules: save it with
    :func:`renja_xl.generator.simpan.simpan` (or ``ke_bytes``) to cache the core's value in every one."""
    from openpyxl import Workbook
    from openpyxl.workbook.properties import CalcProperties

    from renja_xl.generator import _CALC_ID
    from renja_xl.generator import cetak
    from renja_xl.generator.hitung import hitungan
    from renja_xl.generator.ringkasan import tulis_skala
    from renja_xl.generator.rumus import LEMBAR_SKALA
    from renja_xl.predikat import SKALA_BAKU
    from renja_xl.rekap.e79 import cetak_e79, tulis_e79
    from renja_xl.rekap.grafik import tulis_grafik
    from renja_xl.rekap.ringkasan import cetak_ringkasan, tulis_ringkasan
    from renja_xl.rekap.temuan import tulis_temuan

    kertas_ = kertas_rekap(kertas)
    wb = Workbook()
    wb.remove(wb.active)
    cetak.font_bawaan(wb)
    wb.calculation = CalcProperties(calcId=_CALC_ID, fullCalcOnLoad=True)
    nama = _nama_kode(pilihan)
    e79 = tulis_e79(wb, pilihan, nama, SKALA_BAKU, tingkat, rinci)
    ringkasan = tulis_ringkasan(wb, pilihan)
    temuan = tulis_temuan(wb, pilihan)
    grafik = tulis_grafik(wb, pilihan, nama)
    tulis_skala(wb, SKALA_BAKU)
    # the page plan once every value is known (amount widths come from them)
    nilai = hitungan(wb).nilai()
    pemda = ", ".join(pilihan.pemda) if pilihan.pemda else "Bappeda"
    cetak_e79(e79, tingkat, kertas_, nilai.get(e79.title, {}), f"{e79.title} - {pemda}")
    cetak_ringkasan(ringkasan, kertas_, nilai.get(ringkasan.title, {}), f"{ringkasan.title} - {pemda}")
    for ws, judul in ((temuan, (1, 1)), (grafik, None), (wb[LEMBAR_SKALA], None)):
        cetak.cetak_lembar(ws, kertas=kertas_, kaki=f"{ws.title} - {pemda}", nilai=nilai.get(ws.title, {}),
                           judul_baris=judul)
    wb.active = 0
    return wb
