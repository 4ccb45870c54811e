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
NAMA_RINCIAN = "Rincian Pemeriksaan"
WARNA = {"salah": "FFC7CE", "peringatan": "FFEB9C", "info": "DDEBF7"}
# (title, width in characters); the id last and narrow: for filtering, not for reading
_KOLOM = [("No", 5), ("Tingkat", 10), ("Lembar", 14), ("Sel", 8), ("Jenis", 22), ("Apa yang salah", 50),
          ("Seharusnya", 15), ("Ditemukan", 15), ("Saran", 36), ("ID", 17)]
_UKURAN = 10                      # font size of the table (points)
_TINGGI_BARIS = 13.0              # points per wrapped line at that size


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


def _lebar_kata(kata: str) -> float:
    """Width of a word in units of an average character: capitals are wider (``PROGRAM PENUNJANG``)."""
    return sum(1.3 if ch.isupper() or ch in "MW%@" else 1.0 for ch in kata)


def baris_terbungkus(teks: str, lebar: float) -> int:
    """How many lines ``teks`` takes in a wrapped cell ``lebar`` characters wide (an estimate that errs
    high: words are not split, capitals count wider than other letters)."""
    per_baris = max(1.0, lebar * 1.2 - 1)
    jumlah = 0
    for paragraf in str(teks).split("\n"):
        kolom, n = 0.0, 1
        for kata in paragraf.split():
            k = _lebar_kata(kata)
            if kolom and kolom + 1 + k > per_baris:
                n += 1
                kolom = 0.0
            while k > per_baris:          # a word longer than the line is broken
                n += 1
                k -= per_baris
            kolom += (1 if kolom else 0) + k
        jumlah += n
    return max(1, jumlah)


def _isi_baris(t: TemuanSel) -> list[str]:
    from renja_xl.jenis_temuan import nama_jenis, saran_jenis

    x = t.temuan
    return [t.tingkat, t.lembar or "", t.sel or "", nama_jenis(t.jenis), x.pesan, x.seharusnya or "",
            x.ditemukan or "", x.saran or saran_jenis(t.jenis), t.jenis]


def _tandai_sel(wb, hasil: HasilPeriksa) -> None:
    """A highlight and a comment on every cell with a finding (each cell of a grouped one too)."""
    per_sel: dict[tuple[str, str], list[tuple[str, str, str | None]]] = {}
    for t in hasil.temuan:
        if not (t.lembar and t.lembar in wb.sheetnames):
            continue
        rincian = t.temuan.data.get("rincian") if t.temuan.data else None
        for r in (rincian or [{"sel": t.sel, "pesan": t.temuan.pesan}]):
            if r.get("sel"):
                per_sel.setdefault((t.lembar, r["sel"]), []).append(
                    (t.tingkat, r["pesan"], t.temuan.seharusnya if not rincian else None))
    for (lembar, sel), daftar in per_sel.items():
        ws = wb[lembar]
        try:
            cell = ws[sel]
        except (ValueError, KeyError):
            continue
        if type(cell).__name__ == "MergedCell":
            continue
        terburuk = "salah" if any(t == "salah" for t, _p, _s in daftar) else "peringatan"
        cell.fill = PatternFill("solid", fgColor=WARNA[terburuk])
        isi = "\n".join(f"[{t.upper()}] {p}" + (f" Seharusnya: {s}." if s else "") for t, p, s in daftar)
        if cell.comment is not None and cell.comment.text:
            isi = cell.comment.text + "\n---\n" + isi
        c = Comment(_teks(isi)[:30000], "renja-xl periksa")
        c.width, c.height = 360, min(60 + 40 * len(daftar), 400)
        cell.comment = c


def _atur_halaman(ws, baris_judul: int) -> None:
    """A4 landscape, fitted to the page width, table header repeated, page numbers in the footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{baris_judul}:{baris_judul}"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddFooter.center.text = "Halaman &P dari &N"
    ws.oddFooter.left.text = "Hasil Pemeriksaan renja-xl"


def _tulis_rincian(wb, hasil: HasilPeriksa, nama: str) -> None:
    """Second sheet: what was recognised on each sheet, so the first page can start with the findings."""
    from renja_xl.buku import tulis_teks

    ws = wb.create_sheet(_nama_lembar_bebas(wb, nama), 1)
    ws["A1"] = "Rincian Pemeriksaan"
    ws["A1"].font = Font(bold=True, size=13)
    tulis_teks(ws["A2"], f"Berkas: {hasil.berkas.name}")
    baris = 4
    for i, judul in enumerate(("Lembar", "Formulir", "Bentuk", "Baris nomor kolom", "Baris data"), start=1):
        c = ws.cell(baris, i, judul)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="D9E1F2")
    for f in hasil.formulir:
        baris += 1
        for i, v in enumerate((f.lembar, f.jenis, f.varian), start=1):
            tulis_teks(ws.cell(baris, i), v)
        ws.cell(baris, 4, f.baris_header)
        ws.cell(baris, 5, f.jumlah_baris)
        ws.cell(baris, 3).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[baris].height = _TINGGI_BARIS * baris_terbungkus(f.varian, 60) + 2
    baris += 2
    for cat in hasil.catatan:
        tulis_teks(ws.cell(baris, 1), f"Catatan: {cat}")
        baris += 1
    for kol, lebar in zip("ABCDE", (24, 12, 60, 18, 12)):
        ws.column_dimensions[kol].width = lebar
    _atur_halaman(ws, 4)


def tulis_laporan(sumber: Path, hasil: HasilPeriksa, tujuan: Path, *, timpa: bool = False) -> Path:
    """Annotated copy of ``sumber`` at ``tujuan`` (atomic; refuses to overwrite without ``timpa``).

    The first sheet lists the findings from its first page on: a compact three-line head, then the table
    (kind in words, the value as displayed with its formula in a note, a saran for every kind, rows as
    tall as their wrapped text, the id last for filtering). What was recognised goes to a second sheet.
    """
    from renja_xl.buku import simpan_atomik, tulis_teks
    from renja_xl.periksa.baca_calamine import buka_untuk_laporan

    wb = buka_untuk_laporan(sumber)      # .xls/.xlsb/.ods: a new values-only workbook; the source is never written
    _tandai_sel(wb, hasil)

    ws = wb.create_sheet(_nama_lembar_bebas(wb, NAMA_LEMBAR), 0)
    nama_rincian = _nama_lembar_bebas(wb, NAMA_RINCIAN)
    lebar_total = sum(w for _j, w in _KOLOM)
    ws["A1"] = "Hasil Pemeriksaan"
    ws["A1"].font = Font(bold=True, size=14)
    jenis = sorted({f.jenis for f in hasil.formulir})
    kepala = (f"Berkas: {hasil.berkas.name} · {hasil.jumlah_salah} salah, {hasil.jumlah_peringatan} peringatan"
              + (f" · jenis pemda: {hasil.jenis_pemda}" if hasil.jenis_pemda else "")
              + f" · {len(hasil.formulir)} formulir dikenali ({', '.join(jenis) or '-'}); rincian di lembar "
              f"'{nama_rincian}'")
    baris = 2
    for teks in [kepala] + [f"Catatan: {c}" for c in hasil.catatan]:
        c = ws.cell(baris, 1)
        tulis_teks(c, teks)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=baris, start_column=1, end_row=baris, end_column=len(_KOLOM))
        ws.row_dimensions[baris].height = 15.0 * baris_terbungkus(teks, lebar_total) + 2
        baris += 1
    baris += 1
    for i, (judul, lebar) in enumerate(_KOLOM, start=1):
        c = ws.cell(baris, i, judul)
        c.font = Font(bold=True, size=_UKURAN)
        c.fill = PatternFill("solid", fgColor="D9E1F2")
        c.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(i)].width = lebar
    ws.freeze_panes = ws.cell(baris + 1, 1)
    awal_tabel = baris
    huruf = Font(size=_UKURAN)
    for n, t in enumerate(hasil.temuan, start=1):
        baris += 1
        isi = _isi_baris(t)
        ws.cell(baris, 1, n).font = huruf
        ws.cell(baris, 1).alignment = Alignment(vertical="top")
        garis = 1
        for k, v in enumerate(isi[:-1], start=2):
            c = ws.cell(baris, k)
            tulis_teks(c, v)
            c.font = huruf
            c.alignment = Alignment(wrap_text=True, vertical="top")
            garis = max(garis, baris_terbungkus(v, _KOLOM[k - 1][1]))
        ws.cell(baris, 2).fill = PatternFill("solid", fgColor=WARNA.get(t.tingkat, "FFFFFF"))
        c = ws.cell(baris, len(_KOLOM))     # the id: small, grey, one line, for the filter
        tulis_teks(c, isi[-1])
        c.font = Font(size=8, color="808080")
        c.alignment = Alignment(vertical="top", shrink_to_fit=True)
        sel = ws.cell(baris, 4)
        if t.sel and t.lembar:
            lembar = t.lembar.replace("'", "''")
            sel.hyperlink = Hyperlink(ref=sel.coordinate, location=f"'{lembar}'!{t.sel}", display=t.sel)
            sel.font = Font(size=_UKURAN, color="0563C1", underline="single")
        rumus = t.temuan.data.get("rumus") if t.temuan.data else None
        if rumus:   # the value as displayed in the cell, the formula behind it in a note
            catatan = Comment(_teks(f"Rumus di {t.lembar}!{t.sel}:\n{rumus}")[:30000], "renja-xl periksa")
            catatan.width, catatan.height = 420, 120
            ws.cell(baris, 8).comment = catatan
        ws.row_dimensions[baris].height = _TINGGI_BARIS * garis + 3
    if hasil.temuan:
        ws.auto_filter.ref = f"A{awal_tabel}:{get_column_letter(len(_KOLOM))}{baris}"
    else:
        tulis_teks(ws.cell(baris + 1, 1), "Tidak ada temuan.")
    _atur_halaman(ws, awal_tabel)
    _tulis_rincian(wb, hasil, nama_rincian)
    for w in wb.worksheets:
        w.sheet_view.tabSelected = False
    ws.sheet_view.tabSelected = True
    wb.active = 0
    return simpan_atomik(wb, tujuan, timpa=timpa, sumber=sumber)


def ke_json(hasil: HasilPeriksa) -> str:
    return json.dumps(hasil.ke_json(), ensure_ascii=False, indent=2)
