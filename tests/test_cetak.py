"""What a printed form looks like: LibreOffice renders every generated sheet to PDF and poppler reads it back.

Two data sets, one PDF each (LibreOffice is slow): the example Data Induk, and the same with budgets in the
hundreds of billions (a Dinas Kesehatan's gaji sub kegiatan alone is Rp 12.6 billion a quarter). On every page:
no ``###``, a "Halaman N dari M" that matches the page, body words tall enough to read (pdftotext -bbox), and
each signature on one page with its name, title and NIP. The paper is F4/Folio unless Info names another.
"""

from __future__ import annotations

import re
import statistics
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from renja_xl.capaian import JenisIndikator
from renja_xl.data_induk import PILIHAN_KERTAS, DataInduk
from renja_xl.galat import GalatPengguna
from renja_xl.generator import cetak, isi_buku, isi_buku_semua, rumus, simpan
from renja_xl.generator.hitung import hitungan

sys.path.insert(0, str(Path(__file__).parent))
from pdf_cetak import baca_pdf, ke_pdf, poppler  # noqa: E402

_RP = ("target_renstra_rp", "realisasi_lalu_rp", "target_rp", "pagu_n1")


def data_contoh() -> DataInduk:
    from renja_xl.contoh import BARIS_CONTOH, INFO_CONTOH

    return DataInduk(replace(INFO_CONTOH), list(BARIS_CONTOH))


def data_besar() -> DataInduk:
    """The example with every Rp scaled so that its largest sub kegiatan budget is Rp 500 billion."""
    data = data_contoh()
    faktor = round(5e11 / max(b.target_rp or 0 for b in data.baris))

    def kali(v: float | None) -> float | None:
        return None if v is None else v * faktor

    baris = [replace(b, **{k: kali(getattr(b, k)) for k in _RP}, tw_rp=tuple(kali(v) for v in b.tw_rp))
             for b in data.baris]
    return DataInduk(data.info, baris)


# ------------------------------------------------------------------------------------------------ without LO

def test_kertas_dari_info() -> None:
    assert cetak.pilih_kertas(None).nama == "F4" and cetak.pilih_kertas("").kode == 14
    assert cetak.pilih_kertas("folio").nama == "F4" and cetak.pilih_kertas(" a4 ").kode == 9
    assert set(cetak.KERTAS) == set(PILIHAN_KERTAS)          # every choice the Info sheet offers prints
    assert cetak.pilih_kertas("Legal").kode == 5 and cetak.pilih_kertas("A3").kode == 8
    with pytest.raises(GalatPengguna) as e:
        cetak.pilih_kertas("B5")
    assert "B5" in str(e.value) and "Info" in str(e.value)


def test_kertas_a4_dipakai_di_setiap_lembar() -> None:
    data = data_contoh()
    wb = isi_buku_semua(DataInduk(replace(data.info, kertas="A4"), data.baris))
    for ws in wb.worksheets:
        if ws.sheet_state == "visible":
            assert ws.page_setup.paperSize == 9, ws.title
            assert ws.page_setup.orientation == "landscape"


@pytest.mark.parametrize("buat_data", [data_contoh, data_besar], ids=["contoh", "ratusan-miliar"])
def test_angka_muat_dan_skala_terbaca(buat_data: Any) -> None:
    """Every number fits its column as planned (the LibreOffice test below checks the page itself) and no
    sheet prints its body under 7 pt."""
    wb = isi_buku_semua(buat_data())
    nilai = hitungan(wb).nilai()
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        assert ws.page_setup.scale * 10 / 100 >= cetak.UKURAN_CETAK_MIN, ws.title
        gabung = {(r, c) for m in ws.merged_cells.ranges for r in range(m.min_row, m.max_row + 1)
                  for c in range(m.min_col, m.max_col + 1) if m.max_col > m.min_col}
        for (r, c), sel in ws._cells.items():
            v = nilai.get(ws.title, {}).get((r, c)) if sel.data_type == "f" else sel.value
            teks = cetak.teks_tampil(v, sel.number_format)
            if teks is None or (r, c) in gabung:
                continue
            lebar = ws.column_dimensions[sel.column_letter].width
            perlu = cetak._lebar_untuk(cetak.lebar_teks(teks, float(sel.font.sz or 10), bool(sel.font.b)))
            assert lebar >= perlu, f"{ws.title}!{sel.coordinate} '{teks}' lebar {lebar} < {perlu}"


def test_catatan_mengikuti_tabel_aturan() -> None:
    """The note under E.81/T-C.29 says what the formulas do: a type whose capaian formula divides target by
    realisasi is named in the 'target dibagi realisasi' group, a type whose realisasi formula sums in the
    'dijumlahkan' one, and no other."""
    catatan = rumus.catatan_cara_hitung([("12", ("8", "9", "10", "11")), ("13", ("6", "12"))],
                                        [("14", "13", "5")])
    assert catatan.startswith("Catatan: ")        # read as the form's footer by periksa and impor
    kelompok = {k.split(":")[0].strip().lower(): k for k in catatan.split(" — ", 1)[1].split(". Indikator ")}
    for jenis in JenisIndikator:
        bagian = next(v for k, v in kelompok.items() if jenis.value in k)
        terbalik = "T1/R1" in rumus.capaian("R1", "T1", jenis)
        menjumlah = "SUM(" in rumus.gabung(["A1", "A2"], jenis)
        assert ("14 = 5/13" in bagian) == terbalik, jenis
        assert ("12 = 8+9+10+11" in bagian) == menjumlah, jenis
        assert ("nilai terakhir" in bagian) == (not menjumlah), jenis


def test_ringkasan_tanpa_target_kosong_dan_label_berbeda() -> None:
    from test_generator import contoh

    data = contoh()
    tanpa = [b for b in data.baris if b.target_k is None and b.indikator]
    assert tanpa, "data uji harus punya indikator tanpa target"
    wb = isi_buku(data, "e81", 2)
    ws = wb["Ringkasan"]
    nilai = hitungan(wb).nilai()["Ringkasan"]
    baris = [r for r in range(1, ws.max_row + 1) if isinstance(ws.cell(r, 2).value, str)
             and any(b.indikator in ws.cell(r, 2).value for b in tanpa)]
    assert baris
    for r in baris:
        assert nilai[(r, 3)] == "" and nilai[(r, 5)] == ""          # blank target, blank capaian, never 0
    label = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("Renja" in t and "12/7" in t for t in label)
    assert any("Renstra" in t and "13/5" in t for t in label)
    assert all(g.y_axis.scaling.min == 0 for g in ws._charts)


# ------------------------------------------------------------------------------------------------ in LibreOffice

@pytest.fixture(scope="module")
def pdf(libreoffice: None, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Both data sets, each as one ``buat --semua`` workbook rendered to one PDF: per page its text and
    its word heights."""
    poppler()
    from renja_xl.contoh import tulis_contoh
    from renja_xl.generator import buat_semua
    d = tmp_path_factory.mktemp("cetak")
    di = tulis_contoh(d / "data_induk.xlsx")
    buku = {"contoh": buat_semua(di, d / "contoh.xlsx"),
            "besar": simpan(isi_buku_semua(data_besar()), d / "besar.xlsx")}
    r = ke_pdf(list(buku.values()), d)
    hasil: dict[str, dict[str, Any]] = {}
    for nama, p in buku.items():
        berkas = p.with_suffix(".pdf")
        assert berkas.is_file(), r.stderr
        hasil[nama] = baca_pdf(berkas)
    return hasil


KASUS = ["contoh", "besar"]


@pytest.mark.parametrize("nama", KASUS)
def test_kertas_f4_lanskap(pdf: dict[str, dict[str, Any]], nama: str) -> None:
    ukuran = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", pdf[nama]["info"])
    assert ukuran and (round(float(ukuran[1])), round(float(ukuran[2]))) == (936, 612)   # 330.2 x 215.9 mm


@pytest.mark.parametrize("nama", KASUS)
def test_tidak_ada_pagar(pdf: dict[str, dict[str, Any]], nama: str) -> None:
    for i, h in enumerate(pdf[nama]["halaman"], 1):
        assert "###" not in h, f"halaman {i} memuat ###"
    if nama == "besar":   # the test means something: twelve-digit amounts are on the page
        assert any(re.search(r"\d{3}[.,]\d{3}[.,]\d{3}[.,]\d{3}", h) for h in pdf[nama]["halaman"])


@pytest.mark.parametrize("nama", KASUS)
def test_nomor_halaman(pdf: dict[str, dict[str, Any]], nama: str) -> None:
    halaman = pdf[nama]["halaman"]
    for i, h in enumerate(halaman, 1):
        assert f"Halaman {i} dari {len(halaman)}" in h, f"halaman {i}"


@pytest.mark.parametrize("nama", KASUS)
def test_tanda_tangan_utuh(pdf: dict[str, dict[str, Any]], nama: str) -> None:
    """Each signature page holds both titles, both names and both NIPs; no page holds a part of it."""
    info = data_contoh().info
    bagian = ["Disusun oleh", f"Kepala {info.nama_opd}", info.kepala_opd, f"NIP. {info.nip_kepala_opd}",
              "Dievaluasi oleh", info.kepala_bappeda, f"NIP. {info.nip_kepala_bappeda}"]
    halaman = [re.sub(r"\s+", " ", h) for h in pdf[nama]["halaman"]]
    ttd = [i for i, h in enumerate(halaman) if any(b in h for b in bagian)]
    # E.81 TW I and II, T-C.29, T-C.33, Rencana Aksi
    assert len(ttd) == 5, [halaman[i][-300:] for i in ttd]
    for i in ttd:
        kurang = [b for b in bagian if b not in halaman[i]]
        assert not kurang, f"halaman {i + 1}: tanda tangan terpotong, tidak ada {kurang}"


@pytest.mark.parametrize("nama", KASUS)
def test_huruf_cukup_besar(pdf: dict[str, dict[str, Any]], nama: str) -> None:
    for i, tinggi in enumerate(pdf[nama]["tinggi"], 1):
        if len(tinggi) >= 30:
            assert statistics.median(tinggi) >= 6.0, f"halaman {i}: {statistics.median(tinggi):.1f} pt"
    semua = [t for h in pdf[nama]["tinggi"] for t in h]
    # bbox height is about 1.3 x the font size: 7 pt text -> about 9 pt
    assert statistics.median(semua) >= 8.5


@pytest.mark.parametrize("nama", KASUS)
def test_catatan_dan_catatan_kaki(pdf: dict[str, dict[str, Any]], nama: str) -> None:
    teks = re.sub(r"\s+", " ", " ".join(pdf[nama]["halaman"]))
    assert teks.count("Catatan: cara hitung") == 3           # E.81 TW I, TW II and T-C.29
    assert teks.count("*) diisi dengan langkah perbaikan") == 2
    # a faktor label prints once, beside its box, not again on the right half of a form two pages wide
    assert teks.count("Faktor pendorong keberhasilan") == 2
    assert "target dibagi realisasi" in teks


def test_kolom_pertama_diulang_di_halaman_lanjutan(pdf: dict[str, dict[str, Any]]) -> None:
    """E.81 is two pages wide: the right half repeats the program names of the left half."""
    halaman = pdf["besar"]["halaman"]
    e81 = [h for h in halaman if "E.81 TW I -" in h]
    kanan = [h for h in e81 if "Unit Perangkat" in h]
    assert kanan and all("PROGRAM" in h for h in kanan[:1])
    assert len(e81) % 2 == 0                                # every left half has its right half
