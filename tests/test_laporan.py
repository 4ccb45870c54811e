"""The *Hasil Pemeriksaan* report for staff: kinds in words (id last), a saran for every kind, values as
displayed with the formula in a note, rows tall enough, findings from the first page, sorted, and style
warnings of one column grouped into one finding that lists its cells."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

import seed_tabel as st
from renja_xl.jenis_temuan import JENIS, nama_jenis, saran_jenis
from renja_xl.periksa import periksa_berkas, periksa_grid
from renja_xl.periksa.kelompok import daftar_sel
from renja_xl.periksa.laporan import _KOLOM, NAMA_LEMBAR, NAMA_RINCIAN, baris_terbungkus

PAKET = Path(__file__).parents[1] / "renja_xl"
# dotted literals that are file names, not finding ids
_EKSTENSI = {"bat", "whl", "txt", "xlsx", "xlsm", "xls", "py", "csv", "json", "xlam", "xml", "exe", "toml", "conf",
             "bas", "pdf", "zip", "rels", "md", "png", "ods", "xlsb", "cfg", "ini", "vba", "bin", "dll", "ps1"}

_BUKAN_ID = {"opendocument.spreadsheet"}    # a MIME type fragment (format_lain), not a finding


def _id_di_sumber() -> set[str]:
    """Every string literal in the package shaped like a finding id (``group.kind``)."""
    ids: set[str] = set()
    for f in PAKET.rglob("*.py"):
        for m in re.finditer(r"""["']([a-z_]+\.[a-z_0-9]+)["']""", f.read_text(encoding="utf-8")):
            s = m.group(1)
            if s.rsplit(".", 1)[1] in _EKSTENSI or s.startswith("renja_xl.") or s in _BUKAN_ID:
                continue
            modul = PAKET.joinpath(*s.split("."))
            if modul.with_suffix(".py").is_file() or modul.is_dir():
                continue          # a module path ("nomenklatur.simpan"), not an id
            ids.add(s)
    return ids


def test_setiap_jenis_punya_nama_dan_saran() -> None:
    ids = _id_di_sumber()
    assert len(ids) >= 60 and {"hitung.capaian", "rata_rata.salah", "kode.titik_akhir", "angka.teks"} <= ids
    assert "pasang.bat" not in ids and "nomenklatur.simpan" not in ids
    tanpa = sorted(i for i in ids if i not in JENIS)
    assert not tanpa, f"jenis temuan tanpa nama/saran di renja_xl/jenis_temuan.py: {tanpa}"
    for i in ids:
        assert nama_jenis(i) and not re.fullmatch(r"[a-z_]+\.[a-z_0-9]+", nama_jenis(i)), i
        assert len(saran_jenis(i)) > 10, i


def test_jenis_tak_dikenal_tetap_berkata() -> None:
    assert nama_jenis("kode.baru_sekali") == "Kode (baru sekali)"
    assert saran_jenis("kode.baru_sekali") == ""


def test_daftar_sel_rentang() -> None:
    sel = ["F12", "F15"] + [f"F{r}" for r in range(19, 31)]
    assert daftar_sel(sel) == "F12, F15, F19–F30"
    assert daftar_sel(["G3", "F2", "F1"]) == "F1–F2, G3"


def test_baris_terbungkus() -> None:
    assert baris_terbungkus("pendek", 20) == 1
    assert baris_terbungkus("kata " * 40, 20) >= 9      # 200 characters in a 20-wide cell
    assert baris_terbungkus("a\nb\nc", 50) == 3
    assert baris_terbungkus("x" * 100, 10) >= 10          # one long word is broken


def _e81_bersatuan(tmp_path: Path) -> tuple[Path, st.Tabel, list[str]]:
    """A correct E.81 whose column 7 K has numbers typed with units ("5 kali", "120 UKM")."""
    p = tmp_path / "bersatuan.xlsx"
    t = st.e81_bersih(p)
    wb = load_workbook(p)
    ws = wb[t.lembar]
    sel = []
    for k, satuan in (("2.17.01.2.01.01", "kali"), ("2.17.01.2.01.06", "UKM"), ("2.17.01.2.02.01", "kali"),
                      ("2.17.01.2.02.03", "orang")):
        c = ws[t.sel(k, "7K")]
        c.value = f"{int(c.value)} {satuan}"
        sel.append(c.coordinate)
    wb.save(p)
    return p, t, sel


def test_satuan_satu_temuan_per_kolom(tmp_path: Path) -> None:
    p, t, sel = _e81_bersatuan(tmp_path)
    h = periksa_berkas(p, tmp_path / "lap.xlsx")
    teks = [x for x in h.temuan if x.jenis == "angka.teks"]
    assert len(teks) == 1, [(x.sel, x.temuan.pesan) for x in h.temuan]
    g = teks[0]
    assert g.sel == sel[0] and g.temuan.data["sel"] == sel
    assert daftar_sel(sel) in g.temuan.pesan and "4 sel di kolom" in g.temuan.pesan
    wb = load_workbook(h.laporan)
    for s in sel:    # every listed cell is still marked in the copy
        assert wb[t.lembar][s].comment is not None and "teks" in wb[t.lembar][s].comment.text


def _tabel_laporan(path: Path) -> tuple[object, int, list[list[object]]]:
    wb = load_workbook(path)
    ws = wb[NAMA_LEMBAR]
    kepala = next(r for r in range(1, 20) if ws.cell(r, 1).value == "No")
    baris = [[ws.cell(r, c).value for c in range(1, len(_KOLOM) + 1)] for r in range(kepala + 1, ws.max_row + 1)]
    return ws, kepala, baris


def test_laporan_untuk_staf(tmp_path: Path) -> None:
    p = tmp_path / "pontianak.xlsx"
    st.pontianak_e81(p)
    h = periksa_berkas(p, tmp_path / "lap.xlsx", pemda="kabkota")
    ws, kepala, baris = _tabel_laporan(h.laporan)
    judul = [ws.cell(kepala, c).value for c in range(1, len(_KOLOM) + 1)]
    assert judul[4] == "Jenis" and judul[-1] == "ID" and judul[7] == "Ditemukan" and judul[8] == "Saran"
    assert kepala <= 6                       # a compact head: the findings start right away
    assert len(baris) == len(h.temuan)
    for b, t in zip(baris, h.temuan):
        assert b[-1] == t.jenis              # the id, last, for filtering
        assert b[4] == nama_jenis(t.jenis) and not re.fullmatch(r"[a-z_]+\.[a-z_0-9]+", b[4])
        assert b[8], f"Saran kosong untuk {t.jenis}"
        assert not re.search(r"\d\.\d{6,}", str(b[7] or "")), b[7]    # never a raw float
    # sorted by sheet, then row
    urut = [(b[2], int(re.sub(r"\D", "", b[3]) or 0)) for b in baris if b[3]]
    assert urut == sorted(urut, key=lambda x: x[1]) or len({u[0] for u in urut}) > 1
    # rows tall enough for their wrapped text
    for i, b in enumerate(baris, start=kepala + 1):
        perlu = max(baris_terbungkus(str(v or ""), _KOLOM[k][1]) for k, v in enumerate(b[:-1]))
        assert (ws.row_dimensions[i].height or 15) >= 12 * perlu, (i, b)
    # what was recognised lives on the second sheet
    wb = load_workbook(h.laporan)
    assert wb.sheetnames[:2] == [NAMA_LEMBAR, NAMA_RINCIAN]
    assert any(c.value == "Evaluasi Renja" for r in wb[NAMA_RINCIAN].iter_rows() for c in r)
    assert ws.oddFooter.center.text and "&P" in ws.oddFooter.center.text
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows


def test_ditemukan_seperti_tampil_rumus_di_catatan(tmp_path: Path) -> None:
    from renja_xl.periksa import baca_grid
    from renja_xl.periksa.deteksi import Sel
    from renja_xl.periksa.laporan import tulis_laporan

    p = tmp_path / "rumus.xlsx"
    t = st.e81_bersih(p, rumus=True)
    grids = baca_grid(p)
    g = next(x for x in grids if x.nama == t.lembar)
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    alamat = t.sel("2.17.01.2.01.01", "14K")
    kol, r = coordinate_from_string(alamat)
    c = column_index_from_string(kol)
    rumus = g.sel[(r, c)].rumus
    assert rumus and rumus.startswith("=")
    g.sel[(r, c)] = Sel(0.707070707070707, rumus, "0.00%")      # a cached value that is wrong
    h = periksa_grid(p, grids)
    x = next(x for x in h.temuan if x.sel == alamat and x.jenis == "hitung.capaian")
    assert x.temuan.ditemukan == "70,71%" and x.temuan.data["rumus"] == rumus
    out = tulis_laporan(p, h, tmp_path / "lap.xlsx")
    ws, kepala, baris = _tabel_laporan(out)
    i = next(i for i, b in enumerate(baris) if b[3] == alamat and b[-1] == "hitung.capaian")
    sel = ws.cell(kepala + 1 + i, 8)
    assert sel.value == "70,71%" and sel.comment is not None and rumus in sel.comment.text


def test_laporan_pdf_temuan_di_halaman_1(tmp_path: Path, libreoffice: None) -> None:
    """Rendered by LibreOffice: the first finding is on page 1 even with many recognised sheets."""
    from renja_xl.libreoffice import cari_soffice

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler) tidak ada")
    p = tmp_path / "banyak.xlsx"
    t = st.pontianak_e81(p)
    wb = load_workbook(p)
    for i in range(6):            # many forms: the old single "Formulir dikenali" line grew past a page
        wb.copy_worksheet(wb[t.lembar]).title = f"Evaluasi Renja TW {i + 1} Salinan"
    wb.save(p)
    h = periksa_berkas(p, tmp_path / "lap.xlsx", pemda="kabkota")
    assert len(h.formulir) >= 7 and h.temuan
    subprocess.run([cari_soffice(), "--headless", f"-env:UserInstallation=file://{tmp_path}/profil",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(h.laporan)],
                   capture_output=True, timeout=600, check=False)
    pdf = tmp_path / "pdf" / "lap.pdf"
    assert pdf.is_file(), "LibreOffice tidak menghasilkan PDF"
    hal1 = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pertama = h.temuan[0]
    assert nama_jenis(pertama.jenis) in hal1 and pertama.sel in hal1, hal1[:3000]
    assert "Halaman 1 dari" in hal1
    assert "Apa yang salah" in hal1
    # rows tall enough: no word of one row is drawn over a word of the next (LibreOffice lets wrapped text
    # that does not fit run into the row below)
    bbox = subprocess.run(["pdftotext", "-f", "1", "-l", "3", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for halaman in bbox.split("<page ")[1:]:
        kata = [tuple(map(float, m)) for m in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', halaman)]
        for i, a in enumerate(kata):
            for b in kata[i + 1:]:
                lebar = min(a[2], b[2]) - max(a[0], b[0])
                tinggi = min(a[3], b[3]) - max(a[1], b[1])
                assert lebar <= 1 or tinggi <= 1, f"kata bertumpuk di PDF: {a} {b}"
