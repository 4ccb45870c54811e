"""Import existing workbooks (E.81, T-C.29, T-C.33, Rencana Aksi — hand-made or generated) into a Data Induk.

``impor(berkas)`` reads every recognised form of every workbook, splits what staff put together in one cell,
merges the files by code and indicator, fills Info from the titles and the signature block, infers each
indicator's type (marking every guess in *Perlu dicek*) and compares every derived cell with the core's value
(*Catatan Impor*). ``impor_berkas(berkas, keluar)`` also writes the result. Inputs are only read.

Steps, one module each: :mod:`.baca` (forms -> rows), :mod:`.sel` (splitting cells), :mod:`.info`,
:mod:`.jenis` (types), :mod:`.gabung` (merging), :mod:`.banding` (derived columns), :mod:`.tulis`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from renja_xl.galat import GalatPengguna
from renja_xl.impor_induk.model import Catatan, HasilImpor
from renja_xl.jeda_gc import jeda_gc
from renja_xl.predikat import SKALA_BAKU, Skala

__all__ = ["impor", "impor_berkas", "HasilImpor", "Catatan"]


def _jenis_pemda_buku(buku: object, opsi: str | None) -> str | None:
    from renja_xl.periksa.deteksi import jenis_pemda_dari_judul, teks_judul_berkas

    if opsi:
        return opsi
    return jenis_pemda_dari_judul(teks_judul_berkas(buku.grids, [b.formulir for b in buku.bacaan]))  # type: ignore


@jeda_gc()
def impor(berkas: Sequence[str | os.PathLike[str]], *, lembar: Sequence[str] | None = None,
          pemda: str | None = None, skala: Skala = SKALA_BAKU) -> HasilImpor:
    """Read the workbooks into a Data Induk (nothing is written)."""
    from renja_xl.capaian import JenisIndikator
    from renja_xl.data_induk import BarisIndikator, DataInduk
    from renja_xl.impor_induk.baca import baca_baris, baca_buku
    from renja_xl.impor_induk.banding import bandingkan
    from renja_xl.impor_induk.gabung import gabung
    from renja_xl.impor_induk.info import info_dari
    from renja_xl.kode import Tingkat
    from renja_xl.pemda import jenis_pemda_opsi
    from renja_xl.periksa.baris import bidang_utama

    if not berkas:
        raise GalatPengguna("tidak ada berkas yang diimpor.", saran="Sebutkan satu atau beberapa buku kerja.")
    opsi = jenis_pemda_opsi(pemda)
    nama_lembar = list(lembar) if lembar else None
    daftar = [baca_buku(Path(p), nama_lembar, opsi) for p in berkas]
    if nama_lembar:
        ada = {g.nama for bk in daftar for g in bk.grids}
        hilang = [x for x in nama_lembar if x not in ada]
        if hilang:
            raise GalatPengguna(f"lembar {', '.join(repr(x) for x in hilang)} tidak ada di berkas mana pun.",
                                saran=f"Lembar yang ada: {', '.join(sorted(ada))}.")
    jenis_pemda = opsi
    bidang = bidang_utama([x for bk in daftar for klas in bk.klas for x in klas])
    catatan: list[Catatan] = []
    for bk in daftar:
        jp = _jenis_pemda_buku(bk, opsi)
        jenis_pemda = jenis_pemda or jp
        baca_baris(bk, jp, bidang)
        catatan += bk.catatan
    bacaan = [b for bk in daftar for b in bk.bacaan]
    sumber = [x for b in bacaan for x in b.baris]
    info, cat_info = info_dari(bacaan, sumber, jenis_pemda, bidang)
    catatan = cat_info + catatan
    gabungan = gabung(bacaan, catatan, info.triwulan)
    baris: list[BarisIndikator] = []
    perlu: dict[int, str] = {}
    for i, gb in enumerate(gabungan):
        n = gb.nilai
        tw_k = tuple(n.get(f"tw_k{j}") for j in range(1, 5))
        tw_rp = tuple(n.get(f"tw_rp{j}") for j in range(1, 5))
        baris.append(BarisIndikator(
            baris=i + 2, kode=gb.kode, tingkat=gb.tingkat or Tingkat.SUB_KEGIATAN, uraian=gb.uraian,
            sasaran=gb.sasaran, indikator=gb.indikator, satuan=gb.satuan,
            jenis=gb.jenis if gb.indikator or gb.nilai else JenisIndikator.KUMULATIF,
            target_renstra_k=n.get("target_renstra_k"), target_renstra_rp=n.get("target_renstra_rp"),
            realisasi_lalu_k=n.get("realisasi_lalu_k"), realisasi_lalu_rp=n.get("realisasi_lalu_rp"),
            target_k=n.get("target_k"), target_rp=n.get("target_rp"),
            tw_k=tw_k, tw_rp=tw_rp,  # type: ignore[arg-type]
            target_tw_k=tuple(n.get(f"target_tw{j}") for j in range(1, 5)),
            lokasi=gb.teks.get("lokasi", ""), sumber_dana=gb.teks.get("sumber_dana", ""),
            target_n1_k=n.get("target_n1_k"), pagu_n1=n.get("pagu_n1"),
            penanggung_jawab=gb.teks.get("penanggung_jawab", ""), keterangan="; ".join(gb.keterangan)))
        if gb.perlu_dicek:
            perlu[i] = "; ".join(gb.perlu_dicek)
    catatan += bandingkan(bacaan, gabungan, skala)
    data = DataInduk(info=info, baris=baris)
    return HasilImpor(data=data, catatan=catatan, bacaan=bacaan, perlu_dicek=perlu)


def impor_berkas(berkas: Sequence[str | os.PathLike[str]], keluar: str | os.PathLike[str], *,
                 lembar: Sequence[str] | None = None, pemda: str | None = None, timpa: bool = False,
                 skala: Skala = SKALA_BAKU) -> HasilImpor:
    """Import and write the Data Induk (with *Perlu dicek* and *Catatan Impor*) to ``keluar`` atomically;
    never over an input, never over an existing file without ``timpa``."""
    from renja_xl.buku import simpan_atomik
    from renja_xl.impor_induk.tulis import buku_data_induk, tulis_path_aman

    tujuan = Path(keluar)
    masuk = [Path(p) for p in berkas]
    if tujuan.suffix.lower() != ".xlsx":
        raise GalatPengguna(f"berkas keluaran '{tujuan.name}' harus berakhiran .xlsx.")
    tulis_path_aman(tujuan, masuk)
    if tujuan.exists() and not timpa:
        raise GalatPengguna("berkas keluaran sudah ada.", berkas=tujuan,
                            saran="Pilih nama lain atau tambahkan --timpa untuk menimpanya.")
    hasil = impor(masuk, lembar=lembar, pemda=pemda, skala=skala)
    wb = buku_data_induk(hasil)
    hasil.keluaran = simpan_atomik(wb, tujuan, timpa=timpa, sumber=masuk[0])
    hasil.data.berkas = hasil.keluaran
    return hasil
