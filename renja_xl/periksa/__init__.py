"""The checker: open an existing E.81 / Renja workbook, recognise its forms, report every wrong
number, formula and code with its cell address.

``periksa_berkas(path, out_path=None, pemda=None) -> HasilPeriksa``; with ``out_path`` a copy of the
workbook is written with a comment and a highlight on every finding and a first sheet
*Hasil Pemeriksaan*. The input file is only read, never written.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from renja_xl.galat import GalatPengguna
from renja_xl.jeda_gc import jeda_gc
from renja_xl.meta import LEMBAR_META
from renja_xl.pemda import jenis_pemda_opsi
from renja_xl.periksa.hasil import HasilPeriksa, RingkasFormulir, TemuanSel

if TYPE_CHECKING:
    from renja_xl.buku import HasilPeriksa as HasilBuka
    from renja_xl.format_lain import FormatBerkas
    from renja_xl.periksa.deteksi import Grid

__all__ = ["periksa_berkas", "periksa_grid", "HasilPeriksa", "TemuanSel", "nama_laporan_baku", "nama_bebas"]


def nama_laporan_baku(path: str | os.PathLike[str]) -> Path:
    """``<stem>_laporan.xlsx`` next to the workbook."""
    p = Path(path)
    return p.with_name(f"{p.stem}_laporan.xlsx")


def nama_bebas(path: str | os.PathLike[str]) -> Path:
    """``path`` when free, else ``<stem> (2)<suffix>``, ``(3)`` …: a re-check never refuses because the
    previous report is still there, and never overwrites it."""
    p = Path(path)
    if not p.exists():
        return p
    i = 2
    while (q := p.with_name(f"{p.stem} ({i}){p.suffix}")).exists():
        i += 1
    return q


def baca_grid(path: Path) -> list[Grid]:
    """Every worksheet of ``path`` as a Grid (any format :func:`baca_sumber` reads)."""
    return baca_sumber(path)[0]


def baca_sumber(path: Path) -> tuple[list[Grid], FormatBerkas]:
    """Every worksheet of ``path`` as a Grid, and the format it was read from (the report says what that
    format allowed). .xlsx after the safety scan (done once; Strict namespaces mapped there): the one-pass
    XML reader when it understands the file, otherwise openpyxl. .xls/.xlsb/.ods through calamine."""
    from renja_xl import buku, format_lain
    from renja_xl.periksa.baca_xml import TidakDidukung
    from renja_xl.periksa.deteksi import Grid

    fmt = format_lain.kenali(path)
    if fmt.calamine:
        from renja_xl.periksa.baca_calamine import baca_buku_format

        lembar, fmt = baca_buku_format(Path(path), fmt)
        return [Grid.dari_mentah(lb) for lb in lembar], fmt
    terperiksa = buku.periksa_berkas(path)
    fmt = format_lain.XLSX_STRICT if terperiksa.strict else format_lain.XLSX
    try:
        return grid_xml(terperiksa), fmt
    except TidakDidukung:
        return grid_openpyxl(terperiksa), fmt


def grid_xml(terperiksa: HasilBuka) -> list[Grid]:
    """Grids from the one-pass XML reader; raises ``TidakDidukung`` for what it does not handle."""
    from renja_xl import buku
    from renja_xl.periksa.baca_xml import baca_buku
    from renja_xl.periksa.deteksi import Grid

    return [Grid.dari_mentah(lb) for lb in baca_buku(buku.sumber_aman(terperiksa))]


def grid_openpyxl(terperiksa: HasilBuka) -> list[Grid]:
    """Grids from two openpyxl loads: formulas, then cached values through the streaming reader (which
    keeps error values such as #DIV/0!)."""
    from renja_xl import buku
    from renja_xl.periksa.deteksi import Grid

    wb_rumus = buku.buka_terperiksa(terperiksa)
    wb_nilai = buku.buka_terperiksa(terperiksa, data_only=True, read_only=True)
    try:
        return [Grid.dari_openpyxl(ws.title, ws, wb_nilai[ws.title] if ws.title in wb_nilai.sheetnames else None)
                for ws in wb_rumus.worksheets]
    finally:
        wb_nilai.close()


@jeda_gc()
def periksa_berkas(path: str | os.PathLike[str], out_path: str | os.PathLike[str] | None = None,
                   pemda: str | None = None, *, timpa: bool = False) -> HasilPeriksa:
    """Check one workbook; write the annotated report when ``out_path`` is given."""
    berkas = Path(path)
    if not berkas.exists():
        raise GalatPengguna("berkas tidak ditemukan.", berkas=berkas, saran="Periksa nama dan foldernya.")
    if berkas.is_dir():
        raise GalatPengguna("ini folder, bukan berkas buku kerja.", berkas=berkas)
    grids, fmt = baca_sumber(berkas)
    hasil = periksa_grid(berkas, grids, pemda)
    if fmt.catatan:
        hasil.catatan.insert(0, fmt.catatan)
    if out_path is not None and hasil.dikenali:   # nothing checked, nothing to annotate
        from renja_xl.periksa.laporan import tulis_laporan

        tujuan = Path(out_path) if timpa else nama_bebas(out_path)
        hasil.laporan = tulis_laporan(berkas, hasil, tujuan, timpa=timpa)
    return hasil


def periksa_grid(berkas: Path, grids: list[Grid], pemda: str | None = None) -> HasilPeriksa:
    """Check workbook sheets already read into grids (``baca_grid``); ``hasil.bentuk`` keeps every form
    with its classified rows and the checker's indicator type per row (``Pemeriksa.jenis``), so a caller that
    also extracts data (``renja-xl rekap``) reads the file once and types each row as the checker does."""
    from renja_xl.periksa import asal, kode_cek
    from renja_xl.periksa.baris import bidang_utama, klasifikasi, lebar_sub
    from renja_xl.periksa.deteksi import cari_formulir, jenis_pemda_dari_judul, teks_judul_berkas
    from renja_xl.nomenklatur.katalog import tahun_dari_teks
    from renja_xl.periksa.pemeriksa import Pemeriksa

    nama = berkas.name
    hasil = HasilPeriksa(berkas=berkas)
    meta = asal.baca_meta(grids)
    per_lembar = [(g, [] if g.nama == LEMBAR_META else cari_formulir(g)) for g in grids]
    semua_form = [f for _g, fs in per_lembar for f in fs]
    jenis_pemda = jenis_pemda_opsi(pemda) or jenis_pemda_dari_judul(teks_judul_berkas(grids, semua_form))
    hasil.jenis_pemda = jenis_pemda
    if not semua_form:
        from renja_xl.periksa.tak_dikenal import adalah_data_induk, alasan_buku

        hasil.data_induk = adalah_data_induk(grids)
        hasil.tak_dikenal = alasan_buku(grids, frozenset({LEMBAR_META}))
    per_form = [(g, [(f, klasifikasi(g, f, jenis_pemda=jenis_pemda)) for f in forms]) for g, forms in per_lembar]
    # each form is judged by the installed list of its own era (its codes' width, else the workbook's; the year)
    katalog_buku = kode_cek.KatalogBuku(lebar_sub([b for _g, fb in per_form for _f, bs in fb for b in bs]),
                                        tahun_dari_teks(teks_judul_berkas(grids, semua_form))
                                        or tahun_dari_teks(" ".join(j for f in semua_form
                                                                    for j in f.judul_kolom.values())),
                                        tuple(b.kode.normal for _g, fb in per_form for _f, bs in fb for b in bs
                                              if b.kode is not None and b.kode.normal))
    butir = []
    meta_per_lembar: dict[str, dict] = {}
    rumus_per_lembar: dict[str, set[tuple[int, int]]] = {}
    for g, form_baris in per_form:
        if form_baris and meta:
            rumus_per_lembar[g.nama] = {k for k, s in g.sel.items() if s.rumus}
        for f, baris in form_baris:
            m = asal.meta_lembar(meta, g.nama, baris)
            meta_per_lembar.setdefault(g.nama, {}).update(m)
            p = Pemeriksa(nama, g, f, baris, jenis_pemda=jenis_pemda, meta=m)
            hasil.temuan.extend(p.jalankan())
            katalog, era_lain = katalog_buku.untuk(lebar_sub(baris))
            hasil.temuan.extend(kode_cek.periksa_kode(nama, g, baris, jenis_pemda, katalog,
                                                    bidang_utama(baris), lebar_sub(baris), era_lain=era_lain))
            butir.extend(kode_cek.butir_form(g, f, baris))
            hasil.bentuk.append((g, f, baris, p.jenis))
            hasil.formulir.append(RingkasFormulir(f.lembar, f.jenis, f.varian, f.baris_nomor,
                                                  sum(1 for b in baris if b.adalah_item or b.jenis == "indikator")))
    hasil.catatan.extend(katalog_buku.catatan())
    hasil.temuan.extend(kode_cek.periksa_konsistensi(nama, butir))
    hasil.temuan = _tanpa_ganda(hasil.temuan)
    from renja_xl.periksa.kelompok import kelompokkan

    hasil.temuan = kelompokkan(hasil.temuan)
    if meta_per_lembar:
        hasil.temuan = asal.satukan_antar_lembar(asal.tandai_data_induk(hasil.temuan, meta_per_lembar,
                                                                        rumus_per_lembar))
    hasil.urutkan()
    return hasil


def _tanpa_ganda(temuan: list[TemuanSel]) -> list[TemuanSel]:
    lihat = set()
    out = []
    for t in temuan:
        k = (t.lembar, t.sel, t.jenis, t.temuan.pesan)
        if k in lihat:
            continue
        lihat.add(k)
        out.append(t)
    return out
