"""The checker on workbooks built here: a correct E.81 gives no finding; every injected error is found
at its cell; formulas, roll-ups across sheets, split codes and the report workbook."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

import seed_tabel as st
from renja_xl.galat import GalatPengguna
from renja_xl.periksa import nama_laporan_baku, periksa_berkas
from renja_xl.periksa.nilai import banding
from renja_xl.periksa.rumus import r1c1
from renja_xl.periksa.deteksi import jenis_pemda_dari_judul, parse_rumus_label
from renja_xl.periksa.nilai import Nilai, baca_nilai_sel


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def jenis_di(h, sel: str) -> set[str]:
    return {t.jenis for t in h.temuan if t.sel == sel}


# ------------------------------------------------------------------------------------------- small units

def test_label_penomoran_jadi_aturan():
    a = parse_rumus_label(13, "6+12", "13=6+12")
    assert (a.jenis, a.operand) == ("jumlah", (6, 12))
    assert parse_rumus_label(14, "13/5x100%", "").operand == (13, 5)
    assert parse_rumus_label(12, " 8+9+10+11", "").operand == (8, 9, 10, 11)
    assert parse_rumus_label(10, "(5+7+9)", "").jenis == "jumlah"
    assert parse_rumus_label(11, "(10/4)", "").jenis == "rasio"
    assert parse_rumus_label(3, "teks", "") is None


def test_r1c1_menyamakan_rumus_antarbaris():
    assert r1c1("=K10+M10", 10, 15) == r1c1("=K11+M11", 11, 15)
    assert r1c1("=K10+M10", 10, 15) != r1c1("=K10+N10", 10, 15)
    assert r1c1("=$K$1*K10", 10, 15) == r1c1("=$K$1*K12", 12, 15)


def test_banding_presisi_tampilan():
    assert banding(Nilai(nilai=38.0, desimal=0), 37.5, rasio=True) == "ok"        # printed 38 for 37.5
    assert banding(Nilai(nilai=895.0, desimal=0), 895.83, rasio=True) == "potong"
    assert banding(Nilai(nilai=0.16, desimal=2), 16.67, rasio=True) == "pecahan"  # 1/6 shown without ×100
    assert banding(Nilai(nilai=60.0, desimal=0), 45.0, rasio=True) == "salah"
    assert banding(baca_nilai_sel(0.375, "0%"), 37.5, rasio=True) == "ok"         # a % formatted fraction


def test_jenis_pemda_dari_judul():
    assert jenis_pemda_dari_judul("EVALUASI ... PEMERINTAH KOTA PONTIANAK") == "kabupaten/kota"
    assert jenis_pemda_dari_judul("Rekapitulasi ... Provinsi Kalimantan Barat") == "provinsi"
    assert jenis_pemda_dari_judul("Tabel 2.1") is None


# --------------------------------------------------------------------------------- correct workbook

@pytest.fixture
def bersih(tmp_path) -> tuple[Path, st.Tabel]:
    p = tmp_path / "e81_bersih.xlsx"
    return p, st.e81_bersih(p)


def test_buku_benar_tanpa_temuan(bersih):
    p, _t = bersih
    h = periksa_berkas(p)
    assert [f.jenis for f in h.formulir] == ["E.81"]
    assert h.formulir[0].jumlah_baris >= 10
    assert h.temuan == [], [(t.sel, t.jenis, t.temuan.pesan) for t in h.temuan]


def _ubah(p: Path, sel: str, nilai: object, lembar: str = "E.81") -> None:
    wb = load_workbook(p)
    wb[lembar][sel] = nilai
    wb.save(p)


def test_angka_diubah_ditemukan(bersih):
    p, t = bersih
    sub = t.sel("2.17.01.2.02.01", "9Rp")
    _ubah(p, sub, 1_973_244_000)                     # TW II Rp typed wrong
    h = periksa_berkas(p)
    assert "hitung.jumlah" in jenis_di(h, t.sel("2.17.01.2.02.01", "12Rp"))     # 12 = 8 + 9 no longer holds
    assert "rollup.selisih" in jenis_di(h, t.sel("2.17.01.2.02", "9Rp"))        # kegiatan ≠ Σ sub kegiatan
    assert all(x.tingkat == "salah" for x in h.temuan if x.jenis in ("hitung.jumlah", "rollup.selisih"))


def test_capaian_diubah_ditemukan(bersih):
    p, t = bersih
    sel = t.sel("2.17.01.2.01.01", "14K")
    _ubah(p, sel, 0.8)
    h = periksa_berkas(p)
    hit = [x for x in h.temuan if x.sel == sel and x.jenis == "hitung.capaian"]
    assert hit and hit[0].temuan.seharusnya == "70,00%" and hit[0].tingkat == "salah"


def test_kode_salah_ditemukan(bersih):
    p, t = bersih
    r = t.baris["2.17.01.2.01.01"]
    _ubah(p, f"C{r}", "2.17.01.3.01.01 Penyusunan Dokumen Perencanaan Perangkat Daerah")
    h = periksa_berkas(p)
    assert any(x.jenis.startswith("kode.") and x.tingkat == "salah" for x in h.temuan if x.sel == f"C{r}")


def test_jumlah_rata_predikat_diubah_ditemukan(bersih):
    p, t = bersih
    rp = t.peta.huruf("7Rp")
    k14 = t.peta.huruf("14K")
    wb = load_workbook(p)
    ws = wb["E.81"]
    ws[f"{rp}{t.baris['jumlah']}"] = ws[f"{rp}{t.baris['jumlah']}"].value + 1000
    ws[f"{k14}{t.baris['rata']}"] = 0.4
    ws[f"{k14}{t.baris['predikat']}"] = "Sedang"
    wb.save(p)
    h = periksa_berkas(p)
    assert "rollup.selisih" in jenis_di(h, f"{rp}{t.baris['jumlah']}")
    assert "rata_rata.salah" in jenis_di(h, f"{k14}{t.baris['rata']}")
    pred = [x for x in h.temuan if x.sel == f"{k14}{t.baris['predikat']}"]
    assert pred and pred[0].jenis == "predikat.salah" and pred[0].temuan.seharusnya == "Sangat Rendah"  # 40%


# ------------------------------------------------------------------------------------------ formulas

@pytest.fixture
def berumus(tmp_path) -> tuple[Path, st.Tabel]:
    p = tmp_path / "e81_rumus.xlsx"
    return p, st.e81_bersih(p, rumus=True)


def test_rumus_benar_tanpa_temuan(berumus):
    p, _t = berumus
    h = periksa_berkas(p)
    assert h.temuan == [], [(t.sel, t.jenis, t.temuan.pesan) for t in h.temuan]


def test_sum_melewatkan_baris(berumus):
    p, t = berumus
    kol = t.peta.huruf("7Rp")
    r_prog = t.baris["2.17.01"]
    r_keg = [t.baris["2.17.01.2.01"], t.baris["2.17.01.2.02"]]
    _ubah(p, f"{kol}{r_prog}", f"={kol}{r_keg[0]}")           # the second kegiatan is left out
    h = periksa_berkas(p)
    x = [y for y in h.temuan if y.sel == f"{kol}{r_prog}" and y.jenis == "rumus.rentang"]
    assert x and str(r_keg[1]) in x[0].temuan.pesan and x[0].tingkat == "salah"


def test_sum_melebihi_baris(berumus):
    p, t = berumus
    kol = t.peta.huruf("5Rp")
    r = t.baris["2.17.01.2.02"]
    _ubah(p, f"{kol}{r}", f"=SUM({kol}{r + 1}:{kol}{r + 3})")     # runs into program 2.17.02
    h = periksa_berkas(p)
    assert "rumus.rentang" in jenis_di(h, f"{kol}{r}")


def test_rumus_ditimpa_angka(berumus):
    p, t = berumus
    sel = t.sel("2.17.01.2.01.06", "12Rp")
    _ubah(p, sel, 0)
    h = periksa_berkas(p)
    x = [y for y in h.temuan if y.sel == sel and y.jenis == "rumus.diketik"]
    assert x and "=" in x[0].temuan.seharusnya


def test_rumus_beda_pola(berumus):
    p, t = berumus
    r = t.baris["2.17.01.2.02.03"]
    L = t.peta.huruf
    sel = f"{L('13K')}{r}"
    _ubah(p, sel, f"={L('5K')}{r}+{L('12K')}{r}")      # uses column 5 instead of 6
    h = periksa_berkas(p)
    assert "rumus.pola" in jenis_di(h, sel)


def test_nilai_galat_excel(bersih):
    p, t = bersih
    sel = t.sel("2.17.02.2.01.01", "14Rp")
    _ubah(p, sel, "#DIV/0!")
    h = periksa_berkas(p)
    assert "rumus.galat" in jenis_di(h, sel)


def test_rumus_dihitung_libreoffice_tanpa_salah(tmp_path, libreoffice):
    """Recalculated by a real spreadsheet engine, the formula workbook has cached values and no 'salah';
    the same workbook with one formula typed over by a wrong number is caught by value and by formula."""
    from renja_xl.libreoffice import hitung_ulang

    benar, salah = tmp_path / "benar.xlsx", tmp_path / "salah.xlsx"
    t = st.e81_bersih(benar, rumus=True)
    st.e81_bersih(salah, rumus=True)
    sel = t.sel("2.17.01.2.02.01", "12Rp")
    _ubah(salah, sel, 3_000_000_000)
    keluar = [tmp_path / "benar_lo.xlsx", tmp_path / "salah_lo.xlsx"]
    hitung_ulang([benar, salah], simpan_ke=keluar)
    nilai = load_workbook(keluar[0], data_only=True)["E.81"]
    assert isinstance(nilai[t.sel("2.17.01.2.02.01", "14K")].value, float)      # cached values exist
    h = periksa_berkas(keluar[0])
    assert not [x for x in h.temuan if x.tingkat == "salah"], [(x.sel, x.jenis, x.temuan.pesan) for x in h.temuan]
    h2 = periksa_berkas(keluar[1])
    assert {"hitung.jumlah", "rumus.diketik"} <= jenis_di(h2, sel)
    # the kegiatan's own column 12 (= its 8 + 9, sums of the sub kegiatan) is right: nothing reported there
    assert not jenis_di(h2, t.sel("2.17.01.2.02", "12Rp"))


def test_buku_generator_tanpa_salah(tmp_path, libreoffice):
    """A workbook produced by renja-xl's generator, recalculated by LibreOffice, has no 'salah' finding."""
    gen = pytest.importorskip("renja_xl.generator", reason="generator belum ada")
    from renja_xl.contoh import tulis_contoh
    from renja_xl.libreoffice import hitung_ulang

    induk = tulis_contoh(tmp_path / "data_induk.xlsx")
    hasil = gen.buat_semua(induk, tmp_path / "formulir.xlsx")
    berkas = [Path(hasil)]
    assert berkas, "generator tidak menghasilkan berkas .xlsx"
    dihitung = [tmp_path / f"lo_{b.name}" for b in berkas]
    hitung_ulang(berkas, simpan_ke=dihitung)
    dikenali = 0
    for b in dihitung:
        h = periksa_berkas(b)
        dikenali += len(h.formulir)
        assert not h.temuan, (b.name, [(x.lembar, x.sel, x.jenis, x.temuan.pesan) for x in h.temuan][:10])
    assert dikenali >= 5      # E.81 TW I, TW II, T-C.29, T-C.33, Rencana Aksi


def test_kesalahan_disisipkan_ke_buku_generator_ditemukan(tmp_path, libreoffice):
    """Errors injected into a generated workbook (typed-over formula with a wrong number, a SUM that skips a
    child, a malformed code, a wrong typed total) are each found at their cell after LibreOffice recalculates."""
    from renja_xl import generator
    from renja_xl.contoh import tulis_contoh
    from renja_xl.generator.templat import cari_prototipe
    from renja_xl.libreoffice import hitung_ulang

    asli = generator.buat_semua(tulis_contoh(tmp_path / "di.xlsx"), tmp_path / "formulir.xlsx")
    kol = cari_prototipe(load_workbook(generator.dir_templat() / "e81.xlsx").worksheets[0]).kolom
    wb = load_workbook(asli)
    ws = wb["E.81 TW II"]
    jenis = {c.row: c.value for c in ws["A"] if c.value in ("PRG", "KEG", "SUB")}
    keg = next(r for r, j in jenis.items() if j == "KEG" and [jenis.get(r + i) for i in (1, 2, 3)] == ["SUB"] * 3)
    sub = keg + 1
    sisip: dict[str, str] = {}
    sel = f"{kol['capaian_renstra_k']}{sub}"
    ws[sel] = 55.5                                                       # typed over a formula, wrong value
    sisip[sel] = "capaian diketik"
    sel = f"{kol['target_rp']}{keg}"
    ws[sel] = f"=SUM({kol['target_rp']}{keg + 1}:{kol['target_rp']}{keg + 2})"   # skips the third sub kegiatan
    sisip[sel] = "SUM melewatkan anak"
    kode_sel = f"{kol['kode_uraian']}{keg + 2}"
    kode, _, nama = str(ws[kode_sel].value).partition(" ")
    ws[kode_sel] = kode[:-2] + "1 " + nama                              # 2.17.01.2.01.02 -> 2.17.01.2.01.1
    sisip[kode_sel] = "kode rusak"
    diubah = tmp_path / "diubah.xlsx"
    wb.save(diubah)
    hasil = tmp_path / "diubah_lo.xlsx"
    hitung_ulang([diubah], simpan_ke=[hasil])
    h = periksa_berkas(hasil)
    ditemukan = {(x.lembar, x.sel) for x in h.temuan if x.tingkat == "salah" or x.jenis.startswith("rumus.")}
    for sel, apa in sisip.items():
        assert ("E.81 TW II", sel) in ditemukan, (apa, sel, [(x.sel, x.jenis) for x in h.temuan if
                                                              x.lembar == "E.81 TW II"])
    assert not [x for x in h.temuan if x.lembar == "E.81 TW I"]      # the untouched quarter stays clean


# ------------------------------------------------------------------ several sheets, split codes, T-C.33

def _tabel41(ws, baris: list[tuple[list[str], str, str, object]]) -> None:
    ws["A1"] = "Tabel 4.1 Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2022 Kota Pontianak"
    judul = ["Kode", "", "", "", "", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan",
             "Indikator Kinerja", "Lokasi", "Target Capaian Kinerja", "Pagu Indikatif (Rp)", "Sumber Dana"]
    for c, j in enumerate(judul, start=1):
        ws.cell(3, c, j)
    ws.merge_cells("A3:E3")
    for c, n in enumerate(["1", "", "", "", "", "2", "3", "4", "5", "6", "7"], start=1):
        if n:
            ws.cell(4, c, n)
    ws.merge_cells("A4:E4")
    for i, (kode, nama, ind, pagu) in enumerate(baris, start=5):
        for c, k in enumerate(kode, start=1):
            ws.cell(i, c, k)
        ws.cell(i, 6, nama)
        ws.cell(i, 7, ind)
        ws.cell(i, 8, "Kota Pontianak")
        ws.cell(i, 10, pagu)
        ws.cell(i, 11, "DAU")


def test_tabel41_kode_terpecah_rollup_dan_antar_lembar(tmp_path):
    p = tmp_path / "renja.xlsx"
    st.e81_bersih(p)
    wb = load_workbook(p)
    ws = wb.create_sheet("Tabel 4.1")
    _tabel41(ws, [
        (["2", "17", "01"], "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "", 8_214_194_717),
        (["2", "17", "01", "2.01"], "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "",
         8_737_600),
        (["2", "17", "01", "2.01", "01"], "Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah dokumen",
         6_864_800),
        (["2", "17", "01", "2.01", "06"], "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar "
                                          "Realisasi Kinerja SKPD", "Jumlah laporan", 1_872_800),
        (["2", "17", "01", "2.02"], "Administrasi Keuangan Perangkat Daerah", "", 8_205_457_117),
        (["2", "17", "01", "2.02", "01"], "Penyediaan Gaji dan Tunjangan ASN", "Jangka waktu", 7_863_041_117),
        (["2", "17", "01", "2.02", "03"], "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD",
         "Jangka waktu", 341_050_000),
    ])
    wb.save(p)
    h = periksa_berkas(p)
    jenis = {f.lembar: f.jenis for f in h.formulir}
    assert jenis == {"E.81": "E.81", "Tabel 4.1": "T-C.33"}
    t41 = [x for x in h.temuan if x.lembar == "Tabel 4.1"]
    # split codes are put back together (no code finding), the wrong kegiatan pagu is found
    assert not [x for x in t41 if x.jenis.startswith("kode.")], [(x.sel, x.jenis, x.temuan.pesan) for x in t41]
    assert {(x.sel, x.jenis) for x in t41 if x.tingkat == "salah"} == {("J9", "rollup.selisih")}
    # 8.737.600 vs E.81 Renja target 8.737.600? the kegiatan pagu equals the E.81 one: no pagu finding there
    assert not [x for x in t41 if x.jenis == "konsistensi.pagu" and x.sel == "A6"]


def test_pagu_beda_antar_lembar(tmp_path):
    p = tmp_path / "renja.xlsx"
    st.e81_bersih(p)
    wb = load_workbook(p)
    ws = wb.create_sheet("Tabel 4.1")
    _tabel41(ws, [
        (["2", "17", "01", "2.02", "01"], "Penyediaan Gaji dan Tunjangan ASN", "Jangka waktu", 7_000_000_000),
    ])
    wb.save(p)
    h = periksa_berkas(p)
    x = [y for y in h.temuan if y.jenis == "konsistensi.pagu"]
    assert x and x[0].lembar == "Tabel 4.1" and x[0].temuan.seharusnya == "7.863.041.117"


# ---------------------------------------------------------------------------------------------- report

def test_laporan_ditulis_asli_tidak_berubah(tmp_path):
    p = tmp_path / "kalbar.xlsx"
    tabel = st.kalbar_tabel21(p)
    sebelum = sha(p)
    out = nama_laporan_baku(p)
    h = periksa_berkas(p, out)
    assert sha(p) == sebelum
    assert h.laporan == out and out.exists()
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Hasil Pemeriksaan" and "Tabel 2.1" in wb.sheetnames
    ws = wb["Hasil Pemeriksaan"]
    kepala = next(r for r in ws.iter_rows(min_row=1, max_row=20) if r[0].value == "No")
    baris = kepala[0].row
    sel_g14 = tabel.sel("2.17.01.1.05.0009", "8")
    temu = [r for r in ws.iter_rows(min_row=baris + 1) if r[3].value == sel_g14]
    assert temu and temu[0][1].value == "salah" and temu[0][6].value == "45%"
    assert temu[0][3].hyperlink.location == f"'Tabel 2.1'!{sel_g14}"
    c = wb["Tabel 2.1"][sel_g14]
    assert c.comment is not None and "45%" in c.comment.text
    assert c.fill.fgColor.rgb.endswith("FFC7CE")
    assert ws.max_row - baris == len(h.temuan)
    lama = sha(out)
    h2 = periksa_berkas(p, out)                     # never overwritten without timpa: a new name instead
    assert h2.laporan == out.with_name(f"{out.stem} (2).xlsx") and sha(out) == lama
    assert periksa_berkas(p, out, timpa=True).laporan == out
    assert sha(p) == sebelum


def test_json_kunci_stabil(tmp_path):
    p = tmp_path / "semarang.xlsx"
    st.semarang_tabel21(p)
    h = periksa_berkas(p)
    js = h.ke_json()
    assert js and all({"berkas", "lembar", "sel", "jenis", "tingkat", "pesan", "seharusnya", "ditemukan"} <= set(d)
                      for d in js)
    assert {d["tingkat"] for d in js} <= {"salah", "peringatan"}
    assert all(d["berkas"] == "semarang.xlsx" for d in js)


def test_berkas_rusak_galat_pengguna(tmp_path):
    p = tmp_path / "bukan.xlsx"
    p.write_text("ini bukan buku kerja")
    with pytest.raises(GalatPengguna) as e:
        periksa_berkas(p)
    assert "bukan.xlsx" in e.value.teks()
    with pytest.raises(GalatPengguna):
        periksa_berkas(tmp_path / "tidak_ada.xlsx")


def test_tanpa_formulir_catatan(tmp_path):
    p = tmp_path / "kosong.xlsx"
    wb = Workbook()
    wb.active["A1"] = "Catatan rapat"
    wb.save(p)
    h = periksa_berkas(p, tmp_path / "laporan.xlsx")
    assert h.formulir == [] and h.temuan == []
    assert not h.bersih and not h.dikenali and not h.data_induk      # never a false "clean"
    assert h.tak_dikenal and "'Sheet'" in h.tak_dikenal[0] and "tidak ada baris nomor kolom" in h.tak_dikenal[0]
    assert h.laporan is None and not (tmp_path / "laporan.xlsx").exists()   # nothing checked, no report


# ------------------------------------------------------------------------------------------ robustness

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as hs  # noqa: E402

_ISI = hs.one_of(
    hs.none(), hs.integers(-10**12, 10**13), hs.floats(allow_nan=False, allow_infinity=False, width=32),
    hs.sampled_from(["#DIV/0!", "#REF!", "- Persen", "Refocusing Anggaran", "1.2.3", "XXX.01", "61% 24%",
                     "<5% Persen", "12 bulan 8 jenis", "=1/0", "=SUM(A1:A3)", "Tinggi Rendah", "2.17.01.2.01.01",
                     "Jumlah", "Rata-rata capaian", "Predikat", "PROGRAM X", "Sub Kegiatan Y", "A", "BB"]),
    hs.text(alphabet=hs.characters(min_codepoint=32, max_codepoint=0x2FF), max_size=30),
)


@settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ubah=hs.lists(hs.tuples(hs.integers(7, 45), hs.integers(1, 22), _ISI), min_size=1, max_size=25))
def test_isi_acak_tidak_membuat_galat(tmp_path_factory, ubah):
    """Whatever officers typed into the cells, the checker answers with findings, never a traceback."""
    d = tmp_path_factory.mktemp("acak")
    p = d / "acak.xlsx"
    st.pontianak_e81(p)
    wb = load_workbook(p)
    ws = wb.active
    for r, c, v in ubah:
        if type(ws.cell(r, c)).__name__ == "MergedCell":
            continue
        ws.cell(r, c).value = v
    wb.save(p)
    h = periksa_berkas(p, d / "laporan.xlsx")
    assert h.laporan is not None and h.laporan.exists()
    for t in h.temuan:
        assert t.tingkat in ("salah", "peringatan", "info")
        assert t.sel is None or t.sel[0].isalpha()


@pytest.mark.parametrize("dengan_nomor", [True, False])
def test_header_diulang_di_tengah(tmp_path, dengan_nomor):
    """A header printed again at a page break (with its numbering row squeezed, or without it) is not data."""
    p = tmp_path / "ulang.xlsx"
    t = st.e81_bersih(p)
    wb = load_workbook(p)
    ws = wb["E.81"]
    r = t.baris["2.17.02"]
    sumber = [[ws.cell(rr, c).value for c in range(1, ws.max_column + 1)] for rr in (3, 4, 5)]
    blok = [sumber[0], sumber[1], sumber[2]] if dengan_nomor else [sumber[0], sumber[2]]
    ws.insert_rows(r, len(blok))
    for i, isi in enumerate(blok):
        for c, v in enumerate(isi, start=1):
            ws.cell(r + i, c).value = v
    if dengan_nomor:   # "15 16" printed in one cell, as on some pages of the Pontianak E.81
        c15 = t.peta.kolom["15"]
        ws.cell(r + 1, c15).value = "15 16"
        ws.cell(r + 1, c15 + 1).value = None
    # the Jumlah / Rata-rata rows moved down with the insert; they reference nothing, values stay right
    wb.save(p)
    h = periksa_berkas(p)
    assert len(h.formulir) == 1
    assert h.temuan == [], [(x.sel, x.jenis, x.temuan.pesan) for x in h.temuan]
    # and an error after the repeated header is still found
    sel = f"{t.peta.huruf('14K')}{t.baris['2.17.02.2.01.01'] + len(blok)}"
    _ubah(p, sel, 0.9)
    assert "hitung.capaian" in jenis_di(periksa_berkas(p), sel)


def test_target_beda_antar_tabel(tmp_path):
    """Kalbar: the same sub kegiatan targets '8 Unit Usaha' in Tabel 2.4 and '10 unit usaha' in Tabel 4.1
    (seeds-spec §5.8)."""
    p = tmp_path / "kalbar_renja.xlsx"
    wb = Workbook()
    for nama, target in (("Tabel 2.4", "8 Unit Usaha"), ("Tabel 4.1", "10 unit usaha")):
        ws = wb.create_sheet(nama)
        ws["A1"] = f"{nama} Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat"
        for c, j in enumerate(["Kode", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan",
                               "Indikator Kinerja", "Lokasi", "Target Capaian Kinerja", "Pagu Indikatif"], start=1):
            ws.cell(3, c, j)
            ws.cell(4, c, str(c))
        baris = [("2.17.02.1.02", "Penerbitan Izin Pembukaan Kantor Cabang", "", "", "", 30_000_000),
                 ("2.17.02.1.02.0003", "Fasilitasi Izin Usaha Pembukaan Kantor Cabang", "Jumlah Koperasi",
                  "Pontianak", target, 30_000_000)]
        for r, isi in enumerate(baris, start=5):
            for c, v in enumerate(isi, start=1):
                ws.cell(r, c, v)
    del wb["Sheet"]
    wb.save(p)
    h = periksa_berkas(p)
    assert [f.jenis for f in h.formulir] == ["T-C.33", "T-C.33"]
    x = [t for t in h.temuan if t.jenis == "konsistensi.target"]
    assert len(x) == 1 and x[0].lembar == "Tabel 4.1" and x[0].sel == "E6"
    assert not [t for t in h.temuan if t.jenis in ("konsistensi.pagu", "rollup.selisih")]


def test_kode_terpecah_seperti_malang(tmp_path):
    """Malang TABEL 3.1 (seeds-spec §4.4, C12): codes split over cells with glued or split digits."""
    p = tmp_path / "malang_31.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 3.1"
    _tabel41(ws, [
        (["3", "302"], "PROGRAM PERIZINAN DAN PENDAFTARAN PERUSAHAAN", "", 171_091_900),
        (["2", "1 7", "0 7", "2.01 04"], "Pemberdayaan Kelembagaan Potensi dan Pengembangan Usaha Mikro",
         "Jumlah", 50_000_000),
    ])
    wb.save(p)
    h = periksa_berkas(p)
    assert [f.jenis for f in h.formulir] == ["T-C.33"]
    a5 = [t for t in h.temuan if t.sel == "A5" and t.jenis == "kode.sel_terpisah"]
    assert a5 and a5[0].tingkat == "salah"
    a6 = [t for t in h.temuan if t.sel == "A6" and t.jenis == "kode.sel_terpisah"]
    assert a6 and a6[0].tingkat == "peringatan" and a6[0].temuan.seharusnya == "2.17.07.2.01.04"


def test_rata_rata_dengan_aturan_lain_peringatan(bersih):
    """An average that leaves out the programs at 0% matches another rule: a warning, not an error."""
    p, t = bersih
    wb = load_workbook(p)
    ws = wb["E.81"]
    for kunci in ("2.17.02", "2.17.02.2.01", "2.17.02.2.01.01"):
        for k in ("6K", "8K", "9K", "12K", "13K", "14K"):
            ws[t.sel(kunci, k)] = 0
    k14 = t.peta.huruf("14K")
    ws[f"{k14}{t.baris['rata']}"] = ws[t.sel("2.17.01", "14K")].value      # mean of the non-zero program only
    ws[f"{k14}{t.baris['predikat']}"] = None
    wb.save(p)
    h = periksa_berkas(p)
    sel = f"{k14}{t.baris['rata']}"
    assert [(x.jenis, x.tingkat) for x in h.temuan if x.sel == sel] == [("rata_rata.aturan", "peringatan")]
    assert "predikat.kosong" in jenis_di(h, f"{k14}{t.baris['predikat']}")


def test_satuan_dalam_kurung_menentukan_jenis(tmp_path, libreoffice):
    """A level indicator whose name does not say so ("Capaian kinerja program (Persen)") is read as a level from
    the unit printed after it: a generated E.81 with last-value Renstra columns has no finding."""
    import sys

    from renja_xl import generator
    from renja_xl.capaian import JenisIndikator as J
    from renja_xl.data_induk import DataInduk
    from renja_xl.libreoffice import hitung_ulang

    sys.path.insert(0, str(Path(__file__).parent))
    from test_generator import bi, info

    data = DataInduk(info(2), [
        bi("2.17.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "Capaian kinerja program penunjang",
           J.PERSENTASE, satuan="Persen", t_renstra=100, lalu=76.5, target=90, tw=(40, 91.9, None, None)),
        bi("2.17.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja", "Jumlah dokumen perencanaan",
           t_renstra=12, lalu=2, target=12, tw=(3, 3, None, None)),
        bi("2.17.01.2.01.01", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah dokumen disusun",
           t_renstra=10, lalu=5, target=5, tw=(2, 1, None, None), rp=(8_844_800, 1_980_000, 6_864_800),
           tw_rp=(540_000, 700_000, None, None)),
    ])
    p = tmp_path / "e81.xlsx"
    generator.isi_buku(data, "e81", 2).save(p)
    hasil = tmp_path / "e81_lo.xlsx"
    hitung_ulang([p], simpan_ke=[hasil])
    h = periksa_berkas(hasil)
    assert len(h.formulir) == 1
    assert not h.temuan, [(x.sel, x.jenis, x.temuan.pesan) for x in h.temuan]
