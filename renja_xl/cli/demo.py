"""CLI command ``demo``: show renja-xl at work on a real table, offline, with no catalog imported.

The main job first: the example Data Induk (Pontianak 2022) becomes every due form with live formulas
(``buat --semua``); when LibreOffice is installed the result is recalculated and checked, so the demo
shows the generated forms pass the checker. Then the checker on the Pontianak 2022 E.81 as printed
(seed 000, mistakes included), the core (number parsing, capaian, predikat) on golden rows of the seed
documents (:func:`jalankan_demo_inti`) and the code parser on codes typed as they appear in the seeds.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

_CONTOH_KODE = ["2.17.01.2.01.01", "2.17.01 .-", "02.17.03 .", "XXX.01.2.02.05", "2.17.01.02.05",
                "2.17.01.1.05.0001 1", "X.XX.01.2.01.0001"]


# Golden rows of the seed documents (seeds-spec §6), cells typed exactly as printed. A demo, not data.
_G1 = {  # 000:187 Penyediaan Gaji dan Tunjangan ASN (Pontianak E.81)
    "renstra": ("48 Bulan", "15.970.442.994"), "lalu": ("12 Bulan", "7.805.036.664"),
    "target": ("12 Bulan", "7.863.041.117"), "tw1": ("3 Bulan", "1.675.018.357"), "tw2": ("3 Bulan", "1.973.244.136"),
}
_G2 = {  # 000:292 PROGRAM STABILISASI HARGA (Rp only)
    "renstra": "191.328.300", "lalu": "85.137.249", "tw1": "5.953.200", "tw2": "58.579.800",
}
_G8 = {  # 002:376 Sub Kegiatan Penyediaan Gaji dan Tunjangan ASN (Malang E.81)
    "target": ("14 bulan", "37.137.004.140"), "tw1": ("3 bulan", "5.137.199.958"), "tw2": ("3 bulan", "9.243.265.924"),
}
_G9 = (  # 002:552-566 PROGRAM PERIZINAN DAN PENDAFTARAN PERUSAHAAN: (sub, target K, Rp, TW I K, Rp, TW II K, Rp)
    ("TDG", "5 kali", "38.150.000", "2 kali", "8.800.000", "3 kali", "26.430.000"),
    ("STPW", "120 UKM", "87.800.000", "120", "82.440.000", "0", "-"),
    ("Minol", "5 kali", "37.560.000", "2 kali", "7.400.000", "3 kali", "26.170.000"),
)
_G13 = (("70", "60 orang"), ("50", "40 orang"), ("380", "223 orang"))  # 002:173 (target, realisasi)


def _persen(h: object) -> str:
    from renja_xl.capaian import Hasil

    assert isinstance(h, Hasil)
    return h.teks(2)


def jalankan_demo_inti(console: Console) -> None:
    """Show the core on golden rows G1, G2, G8, G9, G13: parsed inputs, correct capaian and predikat,
    next to what the document printed. Offline and fast (no workbook, no catalog)."""
    from renja_xl.angka import format_angka, parse_angka
    from renja_xl.capaian import (JenisIndikator, capaian, capaian_jamak, capaian_renja, capaian_renstra,
                                  rata_rata, realisasi_renstra, realisasi_tahun)
    from renja_xl.predikat import SKALA_BAKU, predikat

    # 1. how cells are read
    t = Table(title="Angka seperti tertulis di dokumen, dibaca oleh renja-xl")
    for kolom in ("Tertulis", "Nilai", "Satuan", "Catatan"):
        t.add_column(kolom)
    contoh = ["1.366.000", "21,42 %", "44.889.784 .840", "200.000.000, 00", "24% Persen", "<5% Persen",
              "- Persen", "Refocusing Anggaran", "29.41 persen", "12,833,590,870", "9.470", "8.315%", "0,011 %",
              "80 Unit 83.479 liter", "4,5 - 5,5 %", "$3,0 \\pm 1$ %", "BB", "12 b u la n"]
    for teks in contoh:
        a = parse_angka(teks)
        if a.jamak:
            nilai = " | ".join(f"{format_angka(b.nilai)} {b.satuan or ''}".strip() for b in a.jamak)
        elif a.rentang:
            nilai = f"{format_angka(a.rentang[0])} s.d. {format_angka(a.rentang[1])}"
        elif a.huruf:
            nilai = f"huruf {a.huruf}"
        elif a.nilai is not None:
            nilai = (a.batas or "") + format_angka(a.nilai)
        else:
            nilai = "(kosong)" if a.kosong else "(teks)"
        catatan = "; ".join(x.pesan for x in a.temuan)
        t.add_row(teks, nilai, a.satuan or "", catatan)
    console.print(t)

    # 2. capaian and predikat on the golden rows
    K, P = JenisIndikator.KUMULATIF, SKALA_BAKU
    t = Table(title=f"Capaian yang benar vs yang dicetak dokumen (predikat: skala {P.nama}, "
                    + ", ".join(P.keterangan()) + ")")
    for kolom in ("Baris", "Hitungan", "Hasil benar", "Predikat", "Dokumen mencetak"):
        t.add_column(kolom)

    def baris(nama: str, hitungan: str, hasil: str, pred: str | None, cetak: str) -> None:
        t.add_row(nama, hitungan, hasil, pred or "-", cetak)

    # G1
    for i, bagian in ((0, "K"), (1, "Rp")):
        tw = (_G1["tw1"][i], _G1["tw2"][i])
        r12 = realisasi_tahun(tw, K)
        r13 = realisasi_renstra(_G1["lalu"][i], r12, K)
        h14 = capaian_renstra(_G1["lalu"][i], r12, _G1["renstra"][i], K)
        h_renja = capaian_renja(tw, _G1["target"][i], K)
        baris(f"G1 000:187 Gaji ASN ({bagian})",
              f"12 = {tw[0]} + {tw[1]} = {format_angka(r12)}; 13 = 6 + 12 = {format_angka(r13)}; "
              f"14 = 13 / {_G1['renstra'][i]}",
              f"14 = {_persen(h14)} (Renja 12/7 = {_persen(h_renja)})", predikat(h14.nilai),
              ("6 Bulan, 18 Bulan, 38%" if i == 0 else "3.648.262.493, 11.453.299.157, 72%") + " (benar)")
    # G2
    r12 = realisasi_tahun((_G2["tw1"], _G2["tw2"]), K)
    h = capaian_renstra(_G2["lalu"], r12, _G2["renstra"], K)
    baris("G2 000:292 Stabilisasi Harga (Rp)",
          f"12 = {format_angka(r12)}; 13 = {_G2['lalu']} + 12 = {format_angka(realisasi_renstra(_G2['lalu'], r12))}; "
          f"14 = 13 / {_G2['renstra']}", f"14 = {_persen(h)}", predikat(h.nilai), "13 = 11.000.000, 14 = 6% (salah)")
    # G8
    for i, bagian in ((0, "K"), (1, "Rp")):
        tw = (_G8["tw1"][i], _G8["tw2"][i])
        h = capaian_renja(tw, _G8["target"][i], K)
        baris(f"G8 002:376 Gaji ASN Malang ({bagian})",
              f"12 = {tw[0]} + {tw[1]} = {format_angka(realisasi_tahun(tw, K))}; 13 = 12 / {_G8['target'][i]}",
              f"13 = {_persen(h)}", predikat(h.nilai),
              "42,86% (benar)" if i == 0 else "12 = 5.137.199.958 (hanya TW I), 13 = 13,83% (salah)")
    # G9
    hasil_k, hasil_rp = [], []
    for sub, tk, trp, k1, rp1, k2, rp2 in _G9:
        hasil_k.append(capaian_renja((k1, k2), tk, K))
        hasil_rp.append(capaian_renja((rp1, rp2), trp, K))
    rk, rrp = rata_rata(hasil_k), rata_rata(hasil_rp)
    baris("G9 002:552-566 Program Perizinan (rata-rata 3 sub)",
          "sub Rp: " + ", ".join(f"{s[0]} {_persen(h)}" for s, h in zip(_G9, hasil_rp)),
          f"K {_persen(rk)}, Rp {_persen(rrp)}", f"{predikat(rk.nilai)} / {predikat(rrp.nilai)}",
          "Minol Rp 19,70%; rata-rata 100,00% 68,65%; \"Sedang Rendah\" (salah)")
    # G13
    h = capaian_jamak([r for _, r in _G13], [t_ for t_, _ in _G13], K)
    pooled = capaian(sum(parse_angka(r).nilai or 0 for _, r in _G13), sum(float(t_) for t_, _ in _G13))
    baris("G13 002:173 tiga indikator", "rata-rata " + ", ".join(_persen(x) for x in h.rincian),
          f"{_persen(h)} (bukan gabungan {_persen(pooled)})", predikat(h.nilai), "74,80% (benar)")
    console.print(t)


def _demo_kode(console: Console) -> None:
    from renja_xl.kode import parse_kode

    t = Table(title="Kode nomenklatur seperti yang diketik di dokumen")
    for kolom in ("Tertulis", "Normal", "Tingkat", "Temuan"):
        t.add_column(kolom)
    for teks in _CONTOH_KODE:
        k = parse_kode(teks, bidang="2.17")
        pesan = "; ".join(f"{x.pesan}" + (f" (saran: {x.saran})" if x.saran else "") for x in k.temuan)
        t.add_row(teks, k.normal or "-", k.tingkat.label if k.tingkat else "-", pesan or "benar")
    console.print(t)


def _demo_periksa(console: Console, folder: Path) -> None:
    from renja_xl.contoh_tabel import pontianak_e81
    from renja_xl.periksa import periksa_berkas

    buku = folder / "e81_pontianak_2022.xlsx"
    pontianak_e81(buku)
    laporan = folder / "e81_pontianak_2022_laporan.xlsx"
    hasil = periksa_berkas(buku, laporan, pemda="kabkota", timpa=True)
    t = Table(title=f"Pemeriksaan E.81 Kota Pontianak 2022: {hasil.jumlah_salah} salah, "
                    f"{hasil.jumlah_peringatan} peringatan (15 pertama)")
    for kolom in ("Sel", "Tingkat", "Pesan", "Seharusnya", "Ditemukan"):
        t.add_column(kolom)
    for x in hasil.temuan[:15]:
        t.add_row(x.sel or "-", x.tingkat, x.temuan.pesan, str(x.temuan.seharusnya or ""), str(x.temuan.ditemukan or ""))
    console.print(t)
    console.print(f"Buku kerja contoh: {buku}\nLaporan (salinan bertanda): {hasil.laporan or laporan}")


def _demo_buat(console: Console, folder: Path) -> None:
    """Data Induk -> every form -> (LibreOffice recalculation) -> checker, as a planning officer would."""
    from renja_xl import generator, libreoffice
    from renja_xl.contoh import tulis_contoh
    from renja_xl.data_induk import baca_data_induk
    from renja_xl.periksa import periksa_berkas

    induk = tulis_contoh(folder / "data_induk_pontianak_2022.xlsx", timpa=True)
    data = baca_data_induk(induk)
    formulir = generator.buat_semua(induk, folder / "formulir_pontianak_2022.xlsx", timpa=True)
    lembar = generator.lembar_tampak(formulir)
    console.print(f"[bold]1. Data Induk → formulir[/bold]: {len(data.baris)} baris indikator dari {induk.name} "
                  f"menjadi {formulir.name} dengan lembar: {', '.join(lembar)}.")
    alasan = libreoffice.tersedia()
    if alasan:
        console.print(f"   {alasan}: rumus akan dihitung saat dibuka di Excel; pemeriksaan hasil hitungan "
                      "dilewati.")
        return
    dihitung = folder / "formulir_pontianak_2022_dihitung.xlsx"
    dihitung.unlink(missing_ok=True)
    libreoffice.hitung_ulang([formulir], simpan_ke=[dihitung])
    hasil = periksa_berkas(dihitung, pemda="kabkota")
    console.print(f"   Dihitung ulang oleh LibreOffice lalu diperiksa: {len(hasil.formulir)} formulir dikenali, "
                  f"{hasil.jumlah_salah} salah, {hasil.jumlah_peringatan} peringatan.")
    for c in hasil.catatan:  # e.g. the catalog installed is of another era than the example's 2022 codes
        console.print(f"   Catatan: {c}")
    for x in hasil.temuan[:5]:
        console.print(f"   - {x.lembar}!{x.sel} ({x.tingkat}): {x.temuan.pesan}")


def _demo_impor(console: Console, folder: Path) -> None:
    """The hand-made Pontianak E.81 of step 2 becomes a Data Induk: codes fixed, types marked, every wrong
    derived cell listed in *Catatan Impor*."""
    from renja_xl.cli.impor import ringkasan
    from renja_xl.contoh_tabel import pontianak_e81
    from renja_xl.impor_induk import impor_berkas
    from renja_xl.impor_induk.tulis import urut_catatan

    buku = folder / "e81_pontianak_2022.xlsx"
    if not buku.exists():
        pontianak_e81(buku)
    tujuan = folder / "data_induk_dari_e81_pontianak.xlsx"
    hasil = impor_berkas([buku], tujuan, timpa=True)
    console.print(f"   {buku.name} → {tujuan.name}")
    for b in ringkasan(hasil):
        console.print(f"   {b}")
    t = Table(title="Catatan Impor (10 pertama): angka turunan yang berbeda dengan hitungan dari masukan")
    for kolom in ("Sel", "Tercetak", "Seharusnya", "Keterangan"):
        t.add_column(kolom)
    for c in [c for c in urut_catatan(hasil.catatan) if c.jenis in ("hitung", "jumlah", "rata", "predikat")][:10]:
        t.add_row(c.sel or "-", c.tercetak, c.seharusnya, c.pesan)
    console.print(t)


def daftar(app: typer.Typer) -> None:
    """Add the ``demo`` command to the main app."""

    @app.command("demo")
    def demo(folder: Path = typer.Option(None, "--folder", "-f", help="Folder hasil demo (bawaan: folder sementara).")) -> None:
        """Demo: angka, capaian dan predikat pada baris asli dokumen, periksa E.81 Kota Pontianak 2022
        (dengan kesalahan aslinya), kode nomenklatur, dan impor E.81 itu menjadi Data Induk."""
        console = Console()
        tujuan = folder or Path(tempfile.mkdtemp(prefix="renja-xl-demo-"))
        tujuan.mkdir(parents=True, exist_ok=True)
        _demo_buat(console, tujuan)
        console.print("[bold]2. Periksa tabel yang sudah ada[/bold] (E.81 Kota Pontianak 2022 seperti dicetak):")
        _demo_periksa(console, tujuan)
        console.print("[bold]3. Inti perhitungan pada baris asli dokumen[/bold]:")
        jalankan_demo_inti(console)
        _demo_kode(console)
        console.print("[bold]4. Impor formulir yang sudah ada ke Data Induk[/bold] (E.81 Kota Pontianak 2022 "
                      "buatan tangan → data-induk impor):")
        _demo_impor(console, tujuan)
        console.print(f"Semua berkas demo ada di: {tujuan}")
