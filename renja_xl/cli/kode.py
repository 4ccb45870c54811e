"""CLI command: ``renja-xl kode KODE...`` — validate codes (and names) against the nomenclature catalog."""

from __future__ import annotations

import json
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from renja_xl.galat import GalatPengguna

_WARNA = {"benar": "green", "peringatan": "yellow", "salah": "red"}


def kode(
    kode: List[str] = typer.Argument(..., help="Satu atau beberapa kode, mis. 2.17.01.2.01.0001."),
    nama: Optional[List[str]] = typer.Option(None, "--nama", help="Nama yang tertulis (urutan sama dengan kode)."),
    pemda: Optional[str] = typer.Option(None, "--pemda", help="Jenis pemda dokumen: kabkota atau provinsi."),
    bidang: Optional[str] = typer.Option(None, "--bidang", help="Bidang urusan OPD, mis. 2.17."),
    versi: Optional[str] = typer.Option(None, "--versi", help="Versi katalog (bawaan: versi aktif)."),
    sebagai_json: bool = typer.Option(False, "--json", help="Keluaran JSON (untuk skrip)."),
) -> None:
    """Periksa kode nomenklatur (dan namanya) terhadap katalog resmi. Keluar 0 bila semua benar, 1 bila ada
    temuan, 2 bila masukan salah."""
    try:
        _kode(kode, nama, pemda, bidang, versi, sebagai_json)
    except GalatPengguna as e:
        Console(stderr=True, highlight=False, soft_wrap=True).print(f"[bold red]Galat:[/bold red] {e.teks()}")
        raise typer.Exit(2) from None


def _kode(kode: List[str], nama: Optional[List[str]], pemda: Optional[str], bidang: Optional[str],
          versi: Optional[str], sebagai_json: bool) -> None:
    from renja_xl.kode import Tingkat, parse_kode
    from renja_xl.nomenklatur.simpan import katalog_untuk_kode, muat_katalog, validasi_otomatis
    from renja_xl.nomenklatur.validasi import Konteks

    nama = list(nama or [])
    if len(nama) > len(kode):
        raise GalatPengguna(f"ada {len(nama)} --nama untuk {len(kode)} kode", saran="Beri satu --nama per kode.")
    from renja_xl.pemda import jenis_pemda_opsi

    jenis = jenis_pemda_opsi(pemda)
    if bidang:
        b = parse_kode(bidang)
        if b.normal is None or b.tingkat is not Tingkat.BIDANG or b.template:
            raise GalatPengguna(f"--bidang '{bidang}' bukan kode bidang urusan", saran="Contoh: --bidang 2.17.")
        bidang = b.normal
    konteks = Konteks(jenis_pemda=jenis, bidang=bidang, versi=versi) if (jenis or bidang or versi) else None
    # each code is judged by the installed list of its own era (2- or 4-digit sub kegiatan) unless --versi
    hasil = [validasi_otomatis(k, nama[i] if i < len(nama) else None, konteks) for i, k in enumerate(kode)]
    dipakai = [muat_katalog(versi) if versi else katalog_untuk_kode(k) for k in kode]
    if sebagai_json:
        keluar = [{**v.ke_dict(), "katalog": kat.nama if kat is not None else None} for v, kat in zip(hasil, dipakai)]
        typer.echo(json.dumps(keluar, ensure_ascii=False, indent=1))
    else:
        nama_kat = list(dict.fromkeys(kat.nama for kat in dipakai if kat is not None))
        tampilkan(hasil, muat_katalog(), Console(highlight=False, soft_wrap=True),
                  judul=f"Katalog: {', '.join(nama_kat)}" if nama_kat
                  else "Katalog era kode ini belum diimpor" if muat_katalog() is not None else "Tanpa katalog")
    if any(v.status != "benar" for v in hasil):
        raise typer.Exit(1)


def tampilkan(hasil: list, katalog: object, layar: Console, judul: str | None = None) -> None:
    """The results as a table, or one block per code when the terminal is too narrow for a table.

    A code split over two lines reads as two codes, so the code is never wrapped: its column does not
    wrap in the table, and below ``lebar_kode + 60`` columns each code starts its own line instead."""
    if judul is None:
        judul = f"Katalog: {getattr(katalog, 'nama', '')}" if katalog is not None else "Tanpa katalog"
    if katalog is None:  # said once above the results rather than on every row
        from renja_xl.nomenklatur.validasi import SARAN_IMPOR

        layar.print(f"[yellow]Belum ada katalog nomenklatur yang diimpor; hanya bentuk kode yang diperiksa. "
                    f"{SARAN_IMPOR}[/]")
    lebar_kode = max([len("Kode")] + [len(v.kode) for v in hasil])
    baris = []
    for v in hasil:
        temuan = [f"• {x.pesan}" + (f" Saran: {x.saran}" if x.saran and x.saran not in x.pesan else "")
                  for x in v.temuan if x.jenis != "nomenklatur.tanpa_katalog"]
        baris.append((v, v.tingkat.label if v.tingkat else "", temuan))
    if layar.width < lebar_kode + 60:
        layar.print(judul)
        for v, tingkat, temuan in baris:
            layar.print(Text.assemble((v.kode, "bold"), "  ", (v.status, _WARNA[v.status]),
                                       f"  {tingkat}" if tingkat else ""))
            if v.nama_resmi:
                layar.print(Text(f"  Nama resmi: {v.nama_resmi}"))
            for x in temuan:
                layar.print(Text(f"  {x}"))
        return
    t = Table(title=judul, show_lines=True)
    t.add_column("Kode", no_wrap=True, min_width=lebar_kode, overflow="ignore")
    t.add_column("Status", no_wrap=True)
    for kol in ("Tingkat", "Nama resmi", "Temuan"):
        t.add_column(kol, overflow="fold")
    for v, tingkat, temuan in baris:
        t.add_row(Text(v.kode), Text(v.status, style=_WARNA[v.status]), Text(tingkat), Text(v.nama_resmi or ""),
                  Text("\n".join(temuan) or "-"))
    layar.print(t)


def daftar(app: typer.Typer) -> None:
    """Add the kode command to the main app."""
    app.command("kode")(kode)
