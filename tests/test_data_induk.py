"""Data Induk: the template's structure, the reader's tolerance, and one clear message for every bad input."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from renja_xl.capaian import JenisIndikator
from renja_xl.contoh import BARIS_CONTOH, INFO_CONTOH
from renja_xl.data_induk import (KOLOM_DATA, LABEL_INFO, PILIHAN_JENIS, BarisIndikator, DataInduk, Info,
                                 baca_data_induk, normal_judul, periksa_data_induk)
from renja_xl.galat import GalatPengguna
from renja_xl.kode import Tingkat
from renja_xl.data_induk.templat import BARIS_SIAP, FORMAT_K, FORMAT_RP, buat_templat, ke_bytes
from renja_xl.data_induk.tulis import isi_buku

REPO = Path(__file__).resolve().parent.parent
JUDUL = [k.judul for k in KOLOM_DATA]


def huruf(judul: str) -> str:
    """Column letter of a header in the template."""
    return get_column_letter(JUDUL.index(judul) + 1)


# a small valid Data Induk: program, kegiatan, two sub kegiatan (one with two indicators)
_B = dict(sasaran="", satuan="Bulan", jenis=JenisIndikator.KUMULATIF, lokasi="", sumber_dana="", penanggung_jawab="",
          keterangan="")
BARIS_KECIL = [
    BarisIndikator(baris=2, kode="2.17.03", tingkat=Tingkat.PROGRAM, uraian="PROGRAM PENGAWASAN",
                   indikator="Persentase pengawasan", **{**_B, "satuan": "Persen", "jenis": JenisIndikator.PERSENTASE},
                   target_renstra_k=38.0, target_k=19.0, tw_k=(10.0, 19.0, None, None)),
    BarisIndikator(baris=3, kode="2.17.03.2.01", tingkat=Tingkat.KEGIATAN, uraian="Pemeriksaan Koperasi",
                   indikator="Jumlah koperasi diperiksa", **_B, target_k=40.0),
    BarisIndikator(baris=4, kode="2.17.03.2.01.01", tingkat=Tingkat.SUB_KEGIATAN, uraian="Pengawasan",
                   indikator="Jangka waktu pengawasan", **_B, target_k=12.0, target_rp=24586700.0,
                   tw_k=(3.0, 3.0, None, None), tw_rp=(1000.0, 2500.5, None, None)),
    BarisIndikator(baris=5, kode="2.17.03.2.01.01", tingkat=Tingkat.SUB_KEGIATAN, uraian="",
                   indikator="Jumlah laporan", **{**_B, "satuan": "Laporan"}, target_k=4.0),
    BarisIndikator(baris=6, kode="2.17.03.2.01.02", tingkat=Tingkat.SUB_KEGIATAN, uraian="Pemeriksaan",
                   indikator="Jumlah pemeriksaan", **_B, target_k=12.0, target_rp=17371500.0,
                   target_tw_k=(3.0, 6.0, 9.0, 12.0), target_n1_k=12.0, pagu_n1=20000000.0),
]


@pytest.fixture(scope="module")
def templat_bytes() -> bytes:
    return ke_bytes(buat_templat())


@pytest.fixture(scope="module")
def berkas_kecil(tmp_path_factory: pytest.TempPathFactory, templat_bytes: bytes) -> Path:
    """A valid small Data Induk written into the real template."""
    from io import BytesIO

    p = tmp_path_factory.mktemp("di") / "kecil.xlsx"
    wb = load_workbook(BytesIO(templat_bytes))
    isi_buku(wb, INFO_CONTOH, BARIS_KECIL)
    wb.save(p)
    return p


def ubah(asal: Path, tujuan: Path, fungsi) -> Path:
    """Copy a workbook with a change made through openpyxl (as a user would in Excel)."""
    wb = load_workbook(asal)
    fungsi(wb)
    wb.save(tujuan)
    return tujuan


def galat(path: Path) -> str:
    with pytest.raises(GalatPengguna) as e:
        baca_data_induk(path)
    return str(e.value)


# ---------------------------------------------------------------------------------------------- template

def test_templat_tersimpan_sama_dengan_skrip(templat_bytes: bytes) -> None:
    """The committed templates/data_induk.xlsx is exactly what the script builds (rebuild it after changes)."""
    assert (REPO / "templates" / "data_induk.xlsx").read_bytes() == templat_bytes
    assert ke_bytes(buat_templat()) == templat_bytes  # reproducible


def test_templat_struktur(templat_bytes: bytes) -> None:
    from io import BytesIO

    wb = load_workbook(BytesIO(templat_bytes))
    assert wb.sheetnames == ["Info", "Data", "Petunjuk"]
    ws = wb["Data"]
    assert [c.value for c in ws[1]] == JUDUL
    assert ws.freeze_panes == "C2"
    a = huruf("Kode")
    assert all(ws[f"{a}{r}"].number_format == "@" for r in (2, 50, BARIS_SIAP + 1))
    assert ws.column_dimensions[a].number_format == "@"
    assert ws[f"{huruf('Target Renja Rp')}2"].number_format == FORMAT_RP
    assert ws[f"{huruf('Realisasi TW III K')}9"].number_format == FORMAT_K
    assert ws.column_dimensions[huruf("Uraian")].width >= 30
    # dropdown for Jenis Indikator covering the input rows
    f = huruf("Jenis Indikator")
    dv = [d for d in ws.data_validations.dataValidation if f"{f}2" in d.sqref]
    assert len(dv) == 1 and dv[0].type == "list"
    assert dv[0].formula1.strip('"').split(",") == list(PILIHAN_JENIS)
    assert f"{f}{BARIS_SIAP + 1}" in dv[0].sqref
    # Info: labels in A, dropdowns for jenis pemda and triwulan
    wi = wb["Info"]
    label = {wi.cell(r, 1).value: r for r in range(1, wi.max_row + 1)}
    assert all(li.label in label for li in LABEL_INFO)
    daftar = {str(d.sqref): d.formula1 for d in wi.data_validations.dataValidation}
    assert daftar[f"B{label['Triwulan yang Dievaluasi']}"] == '"1,2,3,4"'
    assert "kabupaten/kota" in daftar[f"B{label['Jenis Pemda']}"]
    assert wi[f"B{label['Kode Bidang Urusan']}"].number_format == "@"
    # Petunjuk explains every column and every indicator type
    teks = " ".join(str(c.value) for row in wb["Petunjuk"].iter_rows() for c in row if c.value)
    assert all(j in teks for j in JUDUL)
    assert all(j in teks for j in PILIHAN_JENIS)


def test_templat_kosong_melaporkan_isian_wajib(tmp_path: Path, templat_bytes: bytes) -> None:
    p = tmp_path / "kosong.xlsx"
    p.write_bytes(templat_bytes)
    masalah = periksa_data_induk(p)
    wajib = [li for li in LABEL_INFO if li.wajib]
    assert sum(m.jenis == "data_induk.info_kosong" for m in masalah) == len(wajib)
    assert any(m.jenis == "data_induk.data_kosong" for m in masalah)


# ---------------------------------------------------------------------------------------------- reading

def test_baca_baris_kecil(berkas_kecil: Path) -> None:
    d = baca_data_induk(berkas_kecil)
    assert d.info == INFO_CONTOH
    assert d.baris == BARIS_KECIL
    assert d.masalah == []
    assert d.triwulan_terisi() == [1, 2]
    assert list(d.per_kode()) == ["2.17.03", "2.17.03.2.01", "2.17.03.2.01.01", "2.17.03.2.01.02"]


def test_pohon(berkas_kecil: Path) -> None:
    [program] = baca_data_induk(berkas_kecil).pohon()
    assert (program.kode, program.tingkat, program.uraian) == ("2.17.03", Tingkat.PROGRAM, "PROGRAM PENGAWASAN")
    [kegiatan] = program.anak
    assert [s.kode for s in kegiatan.anak] == ["2.17.03.2.01.01", "2.17.03.2.01.02"]
    assert [len(s.baris) for s in kegiatan.anak] == [2, 1]
    assert kegiatan.anak[0].uraian == "Pengawasan"  # the continuation row's empty uraian does not erase it


def test_pohon_induk_sintetis() -> None:
    """Data read with paksa may lack a parent row: the tree still gets a node (uraian "") for it."""
    b = BARIS_KECIL[2]
    d = DataInduk(info=INFO_CONTOH, baris=[b])
    [program] = d.pohon()
    assert (program.kode, program.uraian, program.baris) == ("2.17.03", "", [])
    assert program.anak[0].kode == "2.17.03.2.01" and program.anak[0].anak[0].baris == [b]


def test_judul_toleran_dan_urutan_bebas(tmp_path: Path, berkas_kecil: Path) -> None:
    """Headers found by text: case, spacing, s/d, TW 1 / Triwulan I; columns may be moved."""
    ganti = {"Realisasi s.d. Tahun Lalu K": "realisasi  S/D tahun lalu k", "Realisasi TW I Rp": "REALISASI TW 1 RP",
             "Realisasi TW II K": "Realisasi Triwulan II K", "Target TW IV": "Target TW 4 (Rencana Aksi)",
             "Kode": " KODE "}

    def f(wb: Workbook) -> None:
        ws = wb["Data"]
        for c in ws[1]:
            c.value = ganti.get(c.value, c.value)
        ws.move_range(f"A1:A{ws.max_row}", cols=ws.max_column)  # Kode becomes the last column
        ws.delete_cols(1)
        wi = wb["Info"]
        wi.insert_rows(1, 3)  # labels move down: found by text, not position
        wi["A1"] = "DATA INDUK"

    p = ubah(berkas_kecil, tmp_path / "judul.xlsx", f)
    d = baca_data_induk(p)
    assert d.info == INFO_CONTOH
    assert [dataclasses.replace(b, baris=0) for b in d.baris] == [dataclasses.replace(b, baris=0) for b in BARIS_KECIL]


@pytest.mark.parametrize("a,b", [("Realisasi s.d. Tahun Lalu K", "realisasi s/d tahun lalu K"),
                                 ("Realisasi TW I K", "Realisasi Triwulan 1 K"),
                                 ("Realisasi TW IV Rp", "realisasi tw-4 rp."),
                                 ("Target Tahun n+1 K", "TARGET TAHUN N+1 K"),
                                 ("Realisasi s.d. Tahun Lalu Rp", "Realisasi sampai dengan tahun lalu (Rp)")])
def test_normal_judul_sama(a: str, b: str) -> None:
    assert normal_judul(a) == normal_judul(b)


def test_normal_judul_beda() -> None:
    judul = {normal_judul(k.judul) for k in KOLOM_DATA}
    assert len(judul) == len(KOLOM_DATA)  # no two template headers collapse into one
    assert normal_judul("Realisasi TW I K") != normal_judul("Realisasi TW II K")
    for daftar in (KOLOM_DATA, LABEL_INFO):  # no alias points at two fields
        semua = [(normal_judul(a), x.kunci) for x in daftar for a in (getattr(x, "judul", None) or x.label, *x.alias)]
        assert len({n for n, _ in semua}) == len(set(semua))


# ---------------------------------------------------------------------------------------------- bad input

def _sel(wb: Workbook, judul: str, r: int, v: object) -> None:
    wb["Data"][f"{huruf(judul)}{r}"].value = v


def test_lembar_hilang(tmp_path: Path, berkas_kecil: Path) -> None:
    p = ubah(berkas_kecil, tmp_path / "a.xlsx", lambda wb: wb.remove(wb["Data"]))
    assert "lembar 'Data' tidak ada" in galat(p)
    p = ubah(berkas_kecil, tmp_path / "b.xlsx", lambda wb: wb.remove(wb["Info"]))
    pesan = galat(p)
    assert "lembar 'Info' tidak ada" in pesan and "b.xlsx" in pesan


def test_kolom_diganti_nama(tmp_path: Path, berkas_kecil: Path) -> None:
    def f(wb: Workbook) -> None:
        wb["Data"][f"{huruf('Target Renja K')}1"] = "Target Kinerja 2022"

    pesan = galat(ubah(berkas_kecil, tmp_path / "k.xlsx", f))
    assert "kolom 'Target Renja K' tidak ditemukan" in pesan
    assert f"{huruf('Target Renja K')} 'Target Kinerja 2022'" in pesan  # the unrecognised header is named


def test_kolom_pilihan_boleh_hilang(tmp_path: Path, berkas_kecil: Path) -> None:
    def f(wb: Workbook) -> None:
        wb["Data"].delete_cols(JUDUL.index("Lokasi") + 1, len(JUDUL) - JUDUL.index("Lokasi"))
        wb["Data"].delete_cols(JUDUL.index("Target TW I") + 1, 4)

    d = baca_data_induk(ubah(berkas_kecil, tmp_path / "p.xlsx", f))
    assert d.baris[4].target_tw_k == (None,) * 4 and d.baris[4].pagu_n1 is None
    assert d.baris[2].tw_rp == BARIS_KECIL[2].tw_rp


@pytest.mark.parametrize("judul,r,nilai,potongan", [
    ("Target Renja K", 3, "dua belas", "bukan angka"),
    ("Realisasi TW II Rp", 4, "1.000.000 2.000.000", "beberapa angka"),
    ("Realisasi TW I K", 5, "4,5 - 5,5 %", "rentang"),   # a range is a target only
    ("Jenis Indikator", 6, "naik", "Jenis Indikator 'naik' tidak dikenal"),
    ("Kode", 4, 2.17, "tersimpan sebagai angka"),
    ("Kode", 5, "2.17.03.02.01", "tidak sah"),
    ("Kode", 6, "", "kode kosong"),
    ("Kode", 6, "2.17", "hanya memuat program, kegiatan dan sub kegiatan"),
    ("Target Renja Rp", 6, True, "bukan angka"),
    ("Realisasi TW I K", 4, "n/a", "bukan angka"),
])
def test_sel_salah_dilaporkan_dengan_letaknya(tmp_path: Path, berkas_kecil: Path, judul: str, r: int, nilai: object,
                                             potongan: str) -> None:
    p = ubah(berkas_kecil, tmp_path / "s.xlsx", lambda wb: _sel(wb, judul, r, nilai))
    pesan = galat(p)
    baris = [b for b in pesan.splitlines() if potongan in b]
    assert baris, pesan
    assert f"lembar 'Data', baris {r}, kolom {huruf(judul)}:" in baris[0]
    assert "s.xlsx" in pesan  # the file is named


def test_kode_tanpa_segmen_pemda_menyarankan_perbaikan(tmp_path: Path, berkas_kecil: Path) -> None:
    pesan = galat(ubah(berkas_kecil, tmp_path / "s.xlsx", lambda wb: _sel(wb, "Kode", 3, "2.17.03.02.01")))
    assert "2.17.03.2.01" in pesan  # the suggested code


def test_kode_dan_nama_dalam_satu_sel(tmp_path: Path, berkas_kecil: Path) -> None:
    def f(wb: Workbook) -> None:
        _sel(wb, "Kode", 6, "2.17.03.2.01.02 Pemeriksaan Kepatuhan")
        _sel(wb, "Uraian", 6, None)

    b = baca_data_induk(ubah(berkas_kecil, tmp_path / "n.xlsx", f)).baris[4]
    assert (b.kode, b.uraian) == ("2.17.03.2.01.02", "Pemeriksaan Kepatuhan")


def test_satuan_di_sel_angka_dianggap_kosong(tmp_path: Path, berkas_kecil: Path) -> None:
    """Cells copied from a printed form carry the unit ('12 Bulan', or only 'Bulan' when empty)."""
    def f(wb: Workbook) -> None:
        _sel(wb, "Target Renja K", 4, "12 Bulan")
        _sel(wb, "Realisasi TW III K", 4, "Bulan")
        _sel(wb, "Target Renja Rp", 4, "24.586.700")
        _sel(wb, "Realisasi TW III Rp", 4, "-")

    d = baca_data_induk(ubah(berkas_kecil, tmp_path / "u.xlsx", f))
    b = d.baris[2]
    assert (b.target_k, b.tw_k[2], b.target_rp, b.tw_rp[2]) == (12.0, None, 24586700.0, None)


@pytest.mark.parametrize("label,nilai,potongan", [
    ("Triwulan yang Dievaluasi", 5, "bukan triwulan"),
    ("Triwulan yang Dievaluasi", "lima", "bukan triwulan"),
    ("Jenis Pemda", "kecamatan", "tidak dikenal"),
    ("Kode Bidang Urusan", 3.3, "tersimpan sebagai angka"),
    ("Kode Bidang Urusan", "2.17.01", "bukan kode bidang"),
    ("Tahun Anggaran", "dua ribu", "bukan tahun"),
    ("Tahun Anggaran", 2026, "di luar periode Renstra"),
    ("NIP Kepala Perangkat Daerah", 197001011995031001, "NIP tersimpan sebagai angka"),
    ("Pemerintah Daerah", None, "belum diisi"),
])
def test_info_salah(tmp_path: Path, berkas_kecil: Path, label: str, nilai: object, potongan: str) -> None:
    def f(wb: Workbook) -> None:
        ws = wb["Info"]
        r = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)
        ws.cell(r, 2).value = nilai

    pesan = galat(ubah(berkas_kecil, tmp_path / "i.xlsx", f))
    r = [li.label for li in LABEL_INFO].index(label) + 2
    baris = [b for b in pesan.splitlines() if potongan in b]
    assert baris, pesan
    assert f"lembar 'Info', baris {r}, kolom B:" in baris[0]


@pytest.mark.parametrize("nilai,harap", [(2, 2), ("II", 2), ("TW 3", 3), ("Triwulan IV", 4), (1.0, 1)])
def test_info_triwulan_ditulis_bebas(tmp_path: Path, berkas_kecil: Path, nilai: object, harap: int) -> None:
    def f(wb: Workbook) -> None:
        wb["Info"]["B7"] = nilai

    assert baca_data_induk(ubah(berkas_kecil, tmp_path / "t.xlsx", f)).info.triwulan == harap


def test_label_info_hilang(tmp_path: Path, berkas_kecil: Path) -> None:
    pesan = galat(ubah(berkas_kecil, tmp_path / "l.xlsx", lambda wb: wb["Info"].cell(6, 1, "Tahunnya")))
    assert "label 'Tahun Anggaran' tidak ditemukan" in pesan


def test_semua_masalah_sekaligus(tmp_path: Path, berkas_kecil: Path) -> None:
    def f(wb: Workbook) -> None:
        _sel(wb, "Target Renja K", 3, "banyak")
        _sel(wb, "Jenis Indikator", 4, "entah")
        _sel(wb, "Kode", 6, 2.17)
        wb["Info"]["B7"] = 9

    p = ubah(berkas_kecil, tmp_path / "m.xlsx", f)
    pesan = galat(p)
    assert "4 masalah" in pesan
    masalah = periksa_data_induk(p)
    assert [(m.lembar, m.baris, m.kolom) for m in masalah] == [
        ("Info", 7, "B"), ("Data", 3, huruf("Target Renja K")), ("Data", 4, huruf("Jenis Indikator")),
        ("Data", 6, huruf("Kode"))]


def test_paksa_mengembalikan_data_dan_masalah(tmp_path: Path, berkas_kecil: Path) -> None:
    def f(wb: Workbook) -> None:
        _sel(wb, "Target Renja K", 3, "banyak")
        _sel(wb, "Jenis Indikator", 4, "entah")
        _sel(wb, "Kode", 6, 2.17)
        wb["Info"]["B7"] = 9

    d = baca_data_induk(ubah(berkas_kecil, tmp_path / "m.xlsx", f), paksa=True)
    assert len(d.masalah) == 4
    assert d.baris[1].target_k is None                 # unreadable cell -> None
    assert d.baris[2].jenis is JenisIndikator.KUMULATIF  # unknown type -> kumulatif (and reported)
    assert [b.kode for b in d.baris][-1] == "2.17.03.2.01.01"  # the row without a usable code is dropped
    assert d.info.triwulan == 2                         # invalid triwulan -> last quarter with data


def test_rp_pada_baris_program_ditolak(tmp_path: Path, berkas_kecil: Path) -> None:
    pesan = galat(ubah(berkas_kecil, tmp_path / "r.xlsx", lambda wb: _sel(wb, "Target Renja Rp", 2, 1000)))
    assert f"lembar 'Data', baris 2, kolom {huruf('Target Renja Rp')}: Rp diisi pada baris program" in pesan


def test_induk_hilang_dan_kode_ganda(tmp_path: Path, berkas_kecil: Path) -> None:
    def f(wb: Workbook) -> None:
        ws = wb["Data"]
        ws.delete_rows(3)                  # kegiatan 2.17.03.2.01 gone
        _sel(wb, "Kode", 7, "2.17.03.2.01.01")  # and a stray repeat of a sub kegiatan further down
        _sel(wb, "Indikator", 7, "lagi")
        _sel(wb, "Jenis Indikator", 7, "kumulatif")

    pesan = galat(ubah(berkas_kecil, tmp_path / "h.xlsx", f))
    assert f"baris 3, kolom {huruf('Kode')}: kegiatan induknya (2.17.03.2.01) tidak punya baris" in pesan
    assert "kode 2.17.03.2.01.01 sudah dipakai di baris 3" in pesan


def test_baris_lanjutan_tanpa_kode(tmp_path: Path, berkas_kecil: Path) -> None:
    """A blank code under a row of the same item (merged cells, or not repeated) continues that item."""
    d = baca_data_induk(ubah(berkas_kecil, tmp_path / "c.xlsx", lambda wb: _sel(wb, "Kode", 5, None)))
    assert d.baris[3].kode == "2.17.03.2.01.01"


def test_kode_template_program_penunjang(tmp_path: Path, berkas_kecil: Path) -> None:
    def f(wb: Workbook) -> None:
        for r, kode in ((2, "X.XX.01"), (3, "X.XX.01.2.01"), (4, "X.XX.01.2.01.01"), (5, "X.XX.01.2.01.01"),
                        (6, "X.XX.01.2.01.02")):
            _sel(wb, "Kode", r, kode)

    d = baca_data_induk(ubah(berkas_kecil, tmp_path / "x.xlsx", f))
    assert [b.kode for b in d.baris] == ["2.17.01", "2.17.01.2.01", "2.17.01.2.01.01", "2.17.01.2.01.01",
                                         "2.17.01.2.01.02"]


def test_berkas_bukan_xlsx(tmp_path: Path) -> None:
    p = tmp_path / "bukan.xlsx"
    p.write_text("ini bukan buku kerja")
    with pytest.raises(GalatPengguna):
        baca_data_induk(p)
    with pytest.raises(GalatPengguna):
        baca_data_induk(p, paksa=True)
    [m] = periksa_data_induk(p)
    assert m.jenis == "data_induk.berkas"


# ---------------------------------------------------------------------------------------------- property

def _buku_minimal(path: Path, info: Info, baris: list[BarisIndikator]) -> None:
    """A Data Induk built without the template (plain sheets, no styles): the reader needs only the text."""
    wb = Workbook()
    wi = wb.active
    wi.title = "Info"
    for r, li in enumerate(LABEL_INFO, start=1):
        wi.cell(r, 1, li.label)
    wd = wb.create_sheet("Data")
    for c, j in enumerate(JUDUL, start=1):
        wd.cell(1, c, j)
    isi_buku(wb, info, baris)
    wb.save(path)


_angka = st.one_of(st.none(), st.integers(0, 10**13).map(float),
                   st.floats(0, 1e6, allow_nan=False).map(lambda x: round(x, 2)))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(_angka, _angka, _angka, _angka, st.sampled_from(list(JenisIndikator))), min_size=1,
                max_size=4))
def test_bolak_balik_angka(tmp_path_factory: pytest.TempPathFactory, isi: list) -> None:
    baris = [BarisIndikator(baris=2, kode="2.17.03", tingkat=Tingkat.PROGRAM, uraian="P", sasaran="",
                            indikator="Indikator program", satuan="Persen", jenis=JenisIndikator.PERSENTASE,
                            target_k=1.0)]
    for i, (a, b, c, d, jenis) in enumerate(isi):
        baris.append(BarisIndikator(
            baris=3 + i, kode="2.17.03.2.01" if i == 0 else f"2.17.03.2.01.{i:02d}",
            tingkat=Tingkat.KEGIATAN if i == 0 else Tingkat.SUB_KEGIATAN, uraian=f"U{i}", sasaran="",
            indikator=f"I{i}", satuan="Unit", jenis=jenis, target_k=a, realisasi_lalu_k=b, tw_k=(c, d, None, a),
            target_rp=None if i == 0 else c, tw_rp=(None, None, None, None) if i == 0 else (d, None, b, None)))
    p = tmp_path_factory.mktemp("h") / "h.xlsx"
    _buku_minimal(p, INFO_CONTOH, baris)
    assert baca_data_induk(p).baris == baris


def test_contoh_lengkap_lolos(tmp_path: Path) -> None:
    """The shipped example reads back with no problem and as many rows as it holds."""
    p = tmp_path / "c.xlsx"
    _buku_minimal(p, INFO_CONTOH, list(BARIS_CONTOH))
    assert periksa_data_induk(p) == []


def _isi_kertas(wb: Workbook, nilai: object) -> None:
    ws = wb["Info"]
    r = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Ukuran Kertas")
    ws.cell(r, 2).value = nilai


@pytest.mark.parametrize("nilai,harap", [(None, "F4"), ("F4", "F4"), ("folio", "F4"), ("F4 (Folio)", "F4"),
                                         ("legal", "Legal"), ("a4", "A4"), (" A3 ", "A3")])
def test_info_kertas_ditulis_bebas(tmp_path: Path, berkas_kecil: Path, nilai: object, harap: str) -> None:
    p = ubah(berkas_kecil, tmp_path / "k.xlsx", lambda wb: _isi_kertas(wb, nilai))
    assert baca_data_induk(p).info.kertas == harap


def test_info_kertas_tak_dikenal(tmp_path: Path, berkas_kecil: Path) -> None:
    pesan = galat(ubah(berkas_kecil, tmp_path / "k.xlsx", lambda wb: _isi_kertas(wb, "Letter")))
    r = [li.label for li in LABEL_INFO].index("Ukuran Kertas") + 2
    assert f"lembar 'Info', baris {r}, kolom B: Ukuran Kertas: 'Letter' bukan ukuran kertas" in pesan


def test_templat_kertas_berdaftar_pilihan(templat_bytes: bytes) -> None:
    """The template offers the paper sizes as a dropdown on the Ukuran Kertas cell."""
    from io import BytesIO

    ws = load_workbook(BytesIO(templat_bytes))["Info"]
    r = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Ukuran Kertas")
    daftar = [dv for dv in ws.data_validations.dataValidation if f"B{r}" in str(dv.sqref)]
    assert len(daftar) == 1 and daftar[0].formula1 == '"F4,Legal,A4,A3"'


def test_kertas_ditulis_dan_dibaca_kembali(tmp_path: Path, templat_bytes: bytes) -> None:
    from io import BytesIO

    wb = load_workbook(BytesIO(templat_bytes))
    isi_buku(wb, dataclasses.replace(INFO_CONTOH, kertas="Legal"), BARIS_KECIL)
    wb.save(tmp_path / "l.xlsx")
    assert baca_data_induk(tmp_path / "l.xlsx").info.kertas == "Legal"


def test_batas_rentang_dan_nilai_huruf_dibaca(tmp_path: Path, berkas_kecil: Path) -> None:
    """A bound or a range target and an indicator scored in letter grades are kept as the core reads them
    (the generator bakes them into its formulas); a grade in a kumulatif row, or grades mixed with numbers,
    are refused at their cell."""
    def isi(wb: Workbook) -> None:
        _sel(wb, "Target Renja K", 3, "< 5 %")
        _sel(wb, "Target Renstra K", 3, "4,5 - 5,5 %")
        for judul, v in (("Target Renstra K", "A"), ("Target Renja K", "BB"), ("Realisasi TW I K", "B"),
                         ("Realisasi TW II K", "BB")):
            _sel(wb, judul, 2, v)

    d = baca_data_induk(ubah(berkas_kecil, tmp_path / "b.xlsx", isi))
    assert (d.baris[1].target_k, d.baris[1].target_renstra_k) == ("<5%", "4,5–5,5%")
    assert d.baris[0].berhuruf and not d.baris[1].berhuruf
    assert (d.baris[0].target_renstra_k, d.baris[0].target_k, d.baris[0].tw_k) == ("A", "BB", ("B", "BB", None, None))

    pesan = galat(ubah(berkas_kecil, tmp_path / "k.xlsx", lambda wb: _sel(wb, "Realisasi TW I K", 3, "BB")))
    assert f"baris 3, kolom {huruf('Realisasi TW I K')}" in pesan and "hanya untuk indikator jenis" in pesan
    pesan = galat(ubah(berkas_kecil, tmp_path / "c.xlsx", lambda wb: _sel(wb, "Realisasi TW I K", 2, "BB")))
    assert "dinilai dengan huruf" in pesan
    pesan = galat(ubah(berkas_kecil, tmp_path / "r.xlsx", lambda wb: _sel(wb, "Realisasi TW I K", 3, "<5%")))
    assert "rentang atau batas" in pesan


def test_opini_bpk_dibaca_dan_skala_campur_ditolak(tmp_path: Path, berkas_kecil: Path) -> None:
    """BPK's opinion (WTP, WDP, TW, TMP) is kept as a grade (it was read as an empty cell with unit 'WTP'); a
    row mixing it with SAKIP letters is refused at the cell of the other scale."""
    def isi(wb: Workbook, tw2: str = "WTP") -> None:
        for judul, v in (("Target Renstra K", "WTP"), ("Target Renja K", "Opini WTP"), ("Realisasi TW I K", "WDP"),
                         ("Realisasi TW II K", tw2)):
            _sel(wb, judul, 2, v)

    d = baca_data_induk(ubah(berkas_kecil, tmp_path / "o.xlsx", isi))
    b = d.baris[0]
    assert b.berhuruf and (b.target_renstra_k, b.target_k, b.tw_k[:2]) == ("WTP", "WTP", ("WDP", "WTP"))
    pesan = galat(ubah(berkas_kecil, tmp_path / "m.xlsx", lambda wb: isi(wb, "BB")))
    assert f"baris 2, kolom {huruf('Realisasi TW II K')}" in pesan and "tidak satu skala" in pesan
