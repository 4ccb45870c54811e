"""Write the report: a copy of the workbook with a comment and a highlight on every finding, and a new
first sheet *Hasil Pemeriksaan* listing them with links to the cells. The input is never modified."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from renja_xl.periksa.hasil import HasilPeriksa, TemuanSel

NAMA_LEMBAR = "Hasil Pemeriksaan"
WARNA = {"salah": "FFC7CE", "peringatan": "FFEB9C", "info": "DDEBF7"}
_KOLOM = [("No", 5), ("Tingkat", 11), ("Lembar", 18), ("Sel", 8), ("Jenis", 22), ("Apa yang salah", 70),
          ("Seharusnya", 20), ("Ditemukan", 24), ("Saran", 40)]


def _teks(s: object) -> str:
    from renja_xl.buku import bersihkan_teks

    return bersihkan_teks("" if s is None else str(s))


def _nama_lembar_bebas(wb, nama: str) -> str:
    if nama not in wb.sheetnames:
        return nama
    i = 2
    while f"{nama} ({i})" in wb.sheetnames:
        i += 1
    return f"{nama} ({i})"


def tulis_laporan(sumber: Path, hasil: HasilPeriksa, tujuan: Path, *, timpa: bool = False) -> Path:
    """Annotated copy of ``sumber`` at ``tujuan`` (atomic; refuses to overwrite without ``timpa``)."""
    from renja_xl.buku import simpan_atomik, tulis_teks
    from renja_xl.format_lain import buka_untuk_laporan

    wb = buka_untuk_laporan(sumber)      # .xls/.xlsb/.ods: a new values-only workbook; the source is never written
    per_sel: dict[tuple[str, str], list[TemuanSel]] = {}
    for t in hasil.temuan:
        if t.lembar and t.sel and t.lembar in wb.sheetnames:
            per_sel.setdefault((t.lembar, t.sel), []).append(t)
    for (lembar, sel), daftar in per_sel.items():
        ws = wb[lembar]
        try:
            cell = ws[sel]
        except (ValueError, KeyError):
            continue
        if type(cell).__name__ == "MergedCell":
            continue
        terburuk = "salah" if any(t.tingkat == "salah" for t in daftar) else "peringatan"
        cell.fill = PatternFill("solid", fgColor=WARNA[terburuk])
        isi = "\n".join(f"[{t.tingkat.upper()}] {t.temuan.pesan}"
                        + (f" Seharusnya: {t.temuan.seharusnya}." if t.temuan.seharusnya else "") for t in daftar)
        if cell.comment is not None and cell.comment.text:
            isi = cell.comment.text + "\n---\n" + isi
        c = Comment(_teks(isi)[:30000], "renja-xl periksa")
        c.width, c.height = 360, min(60 + 40 * len(daftar), 400)
        cell.comment = c

    ws = wb.create_sheet(_nama_lembar_bebas(wb, NAMA_LEMBAR), 0)
    ws["A1"] = "Hasil Pemeriksaan"
    ws["A1"].font = Font(bold=True, size=14)
    tulis_teks(ws["A2"], f"Berkas: {hasil.berkas.name}")
    ws["A3"] = (f"{hasil.jumlah_salah} salah, {hasil.jumlah_peringatan} peringatan"
                + (f"; jenis pemda: {hasil.jenis_pemda}" if hasil.jenis_pemda else ""))
    formulir = "; ".join(f"{f.lembar}: {f.jenis} {f.varian} (nomor kolom di baris {f.baris_header}, "
                         f"{f.jumlah_baris} baris)" for f in hasil.formulir) or "tidak ada formulir yang dikenali"
    tulis_teks(ws["A4"], f"Formulir dikenali: {formulir}")
    baris = 5
    for cat in hasil.catatan:
        tulis_teks(ws.cell(baris, 1), f"Catatan: {cat}")
        baris += 1
    baris += 1
    for i, (judul, lebar) in enumerate(_KOLOM, start=1):
        c = ws.cell(baris, i, judul)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="D9E1F2")
        ws.column_dimensions[get_column_letter(i)].width = lebar
    ws.freeze_panes = ws.cell(baris + 1, 1)
    awal_tabel = baris
    for n, t in enumerate(hasil.temuan, start=1):
        baris += 1
        ws.cell(baris, 1, n)
        c = ws.cell(baris, 2, t.tingkat)
        c.fill = PatternFill("solid", fgColor=WARNA.get(t.tingkat, "FFFFFF"))
        tulis_teks(ws.cell(baris, 3), t.lembar or "")
        sel = ws.cell(baris, 4)
        tulis_teks(sel, t.sel or "")
        if t.sel and t.lembar:
            lembar = t.lembar.replace("'", "''")
            sel.hyperlink = Hyperlink(ref=sel.coordinate, location=f"'{lembar}'!{t.sel}", display=t.sel)
            sel.font = Font(color="0563C1", underline="single")
        tulis_teks(ws.cell(baris, 5), t.jenis)
        for k, v in ((6, t.temuan.pesan), (7, t.temuan.seharusnya), (8, t.temuan.ditemukan), (9, t.temuan.saran)):
            tulis_teks(ws.cell(baris, k), v or "")
            ws.cell(baris, k).alignment = Alignment(wrap_text=True, vertical="top")
    if hasil.temuan:
        ws.auto_filter.ref = f"A{awal_tabel}:{get_column_letter(len(_KOLOM))}{baris}"
    else:
        tulis_teks(ws.cell(baris + 1, 1), "Tidak ada temuan.")
    for w in wb.worksheets:
        w.sheet_view.tabSelected = False
    ws.sheet_view.tabSelected = True
    wb.active = 0
    return simpan_atomik(wb, tujuan, timpa=timpa, sumber=sumber)


def ke_json(hasil: HasilPeriksa) -> str:
    return json.dumps(hasil.ke_json(), ensure_ascii=False, indent=2)
