"""Import existing workbooks into a Data Induk (issue 16): round trip through the generator, merging several
files, Info from titles and signatures, splitting cells, bad input, and the notes on a hand-made E.81."""

from __future__ import annotations

import dataclasses
import hashlib
import random
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from renja_xl import generator
from renja_xl.angka import parse_angka
from renja_xl.capaian import JenisIndikator
from renja_xl.cli import app
from renja_xl.contoh import BARIS_CONTOH, INFO_CONTOH, tulis_contoh
from renja_xl.contoh_tabel import e81_tangan, pontianak_e81
from renja_xl.data_induk import BarisIndikator, DataInduk, baca_data_induk
from renja_xl.galat import GalatPengguna
from renja_xl.impor_induk import impor, impor_berkas
from renja_xl.impor_induk import sel as sl
from renja_xl.impor_induk.info import nama_opd, nama_pemda
from renja_xl.impor_induk.tulis import LEMBAR_CATATAN

# every field a user types into sheet Data (what the round trip must give back)
MASUKAN = [f.name for f in dataclasses.fields(BarisIndikator) if f.name != "baris"]


def beda(a: BarisIndikator, b: BarisIndikator) -> dict[str, tuple[object, object]]:
    return {k: (getattr(a, k), getattr(b, k)) for k in MASUKAN if getattr(a, k) != getattr(b, k)}


def sama_semua(hasil: list[BarisIndikator], asli: list[BarisIndikator]) -> None:
    assert len(hasil) == len(asli), [b.kode for b in hasil]
    salah = {(i, a.kode): beda(a, b) for i, (a, b) in enumerate(zip(hasil, asli)) if beda(a, b)}
    assert not salah, salah


@pytest.fixture(scope="module")
def contoh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tulis_contoh(tmp_path_factory.mktemp("contoh") / "data_induk.xlsx")


# ------------------------------------------------------------------------------------------- round trip

@pytest.mark.parametrize("bentuk", ["e81", "e81-renja"])
def test_contoh_bolak_balik_sama_pada_setiap_masukan(contoh: Path, tmp_path: Path, bentuk: str) -> None:
    formulir = generator.buat_semua(contoh, tmp_path / "formulir.xlsx", bentuk_e81=bentuk)
    hasil = impor_berkas([formulir], tmp_path / "impor.xlsx")
    sama_semua(hasil.data.baris, list(BARIS_CONTOH))
    assert hasil.data.info == INFO_CONTOH
    assert not [c for c in hasil.catatan if c.jenis != "info"], hasil.catatan
    # what was written reads back as the same Data Induk
    dibaca = baca_data_induk(hasil.keluaran)
    sama_semua(dibaca.baris, list(BARIS_CONTOH))
    assert dibaca.info == INFO_CONTOH
    assert LEMBAR_CATATAN in load_workbook(hasil.keluaran, read_only=True).sheetnames


def test_nilai_huruf_dan_target_batas_bolak_balik(tmp_path: Path) -> None:
    """A level indicator scored in letter grades and a bound target come back as the Data Induk holds them
    (generated forms with and without their _renja_xl sheet); the hand-made reading infers a grade-scored
    indicator as nilai akhir."""
    from renja_xl.data_induk import simpan_data_induk

    i_huruf = next(i for i, b in enumerate(BARIS_CONTOH) if b.jenis is JenisIndikator.PERSENTASE)
    i_batas = next(i for i, b in enumerate(BARIS_CONTOH) if b.jenis is JenisIndikator.MENURUN)
    baris = list(BARIS_CONTOH)
    baris[i_huruf] = dataclasses.replace(baris[i_huruf], jenis=JenisIndikator.NILAI_AKHIR, target_renstra_k="A",
                                         realisasi_lalu_k="BB", target_k="A", tw_k=("B", "BB", None, None),
                                         target_n1_k="AA", target_tw_k=(None,) * 4)
    baris[i_batas] = dataclasses.replace(baris[i_batas], target_k="<5%", target_renstra_k="4,5–5,5%")
    induk = simpan_data_induk(tmp_path / "induk.xlsx", INFO_CONTOH, baris)
    for bentuk in ("e81", "e81-renja"):
        formulir = generator.buat_semua(induk, tmp_path / f"formulir_{bentuk}.xlsx", bentuk_e81=bentuk)
        hasil = impor([formulir])
        sama_semua(hasil.data.baris, baris)
        assert not [c for c in hasil.catatan if c.jenis != "info"], hasil.catatan
    tanpa = _tanpa_meta(generator.buat(induk, "e81", 2, tmp_path / "e81.xlsx"))
    hasil = impor([tanpa])
    b = hasil.data.baris[i_huruf]
    assert (b.target_k, b.tw_k[:2], b.jenis) == ("A", ("B", "BB"), JenisIndikator.NILAI_AKHIR)
    assert "dinilai dengan huruf" in hasil.perlu_dicek[i_huruf]
    assert hasil.data.baris[i_batas].target_k == "<5%"
    assert not [c for c in hasil.catatan if c.jenis in ("hitung", "jumlah", "rata", "predikat")], hasil.catatan


def test_beberapa_berkas_digabung_menurut_kode_dan_indikator(contoh: Path, tmp_path: Path) -> None:
    """E.81 TW I and TW II, T-C.33 and Rencana Aksi as four separate files give the example back: the
    latest E.81 the quarters, T-C.33 the location, source of funds and next year's figures."""
    berkas = [generator.buat(contoh, "e81", 1, tmp_path / "e81_tw1.xlsx"),
              generator.buat(contoh, "e81", 2, tmp_path / "e81_tw2.xlsx"),
              generator.buat(contoh, "tc33", None, tmp_path / "tc33.xlsx"),
              generator.buat(contoh, "rencana-aksi", None, tmp_path / "ra.xlsx")]
    random.Random(1).shuffle(berkas)
    hasil = impor(berkas)
    sama_semua(hasil.data.baris, list(BARIS_CONTOH))
    assert hasil.data.info.triwulan == 2


def test_nilai_berbeda_antar_berkas_dicatat(contoh: Path, tmp_path: Path) -> None:
    tw2 = generator.buat(contoh, "e81", 2, tmp_path / "e81_tw2.xlsx")
    tc33 = generator.buat(contoh, "tc33", None, tmp_path / "tc33.xlsx")
    wb = load_workbook(tc33)
    ws = wb.worksheets[0]
    sel = next(c for row in ws.iter_rows() for c in row if c.value == 7863041117)   # pagu of Gaji ASN
    sel.value = 7000000000
    wb.save(tc33)
    hasil = impor([tw2, tc33])
    gaji = next(b for b in hasil.data.baris if b.kode == "2.17.01.2.02.01")
    assert gaji.target_rp == 7863041117            # the E.81 wins
    [c] = [c for c in hasil.catatan if c.jenis == "beda"]
    assert (c.berkas, c.sel, c.tercetak, c.seharusnya) == ("tc33.xlsx", sel.coordinate, "7.000.000.000",
                                                           "7.863.041.117")


def test_masukan_tidak_pernah_diubah(contoh: Path, tmp_path: Path) -> None:
    formulir = generator.buat_semua(contoh, tmp_path / "formulir.xlsx")
    sebelum = hashlib.sha256(formulir.read_bytes()).hexdigest()
    impor_berkas([formulir], tmp_path / "impor.xlsx")
    impor_berkas([formulir], tmp_path / "impor.xlsx", timpa=True)
    assert hashlib.sha256(formulir.read_bytes()).hexdigest() == sebelum


# ------------------------------------------------------------------------------------------- cells

@pytest.mark.parametrize("teks, nilai, satuan", [
    ("12 Dokumen/ laporan", 12.0, "Dokumen/ laporan"), ("97 Persen", 97.0, "Persen"), ("24% Persen", 24.0, "Persen"),
    ("0,57 %", 0.57, "%"), ("1.366.000", 1366000.0, ""), ("12,833,590,870", 12833590870.0, ""),
    ("29.41 persen", 29.41, "Persen"), ("- Dokumen", None, "Dokumen"), ("-", None, ""), ("", None, "")])
def test_angka_dan_satuan_dipisah(teks: str, nilai: float | None, satuan: str) -> None:
    a = parse_angka(teks)
    assert sl.ke_masukan(a)[0] == nilai and sl.satuan_dari(a) == satuan


@pytest.mark.parametrize("teks, nilai, catatan", [
    ("<5%", 5.0, "batas"), ("4,5 – 5,5 %", 5.5, "rentang"), ("A", None, "nilai huruf"),
    ("Refocusing Anggaran", None, "bukan angka"), ("9.470", 9470.0, "ambigu"), ("44.889.784 .840", 44889784840.0,
                                                                                   "dibaca")])
def test_batas_rentang_huruf_dicatat(teks: str, nilai: float | None, catatan: str) -> None:
    v, ket = sl.ke_masukan(parse_angka(teks))
    assert v == nilai and catatan in ket and teks.split()[0] in ket


@pytest.mark.parametrize("teks, harap", [("<5%", "<5%"), ("<5% Persen", "<5%"), ("4,5 – 5,5 %", "4,5–5,5%"),
                                          (">= 80", ">=80"), ("12 Dokumen", 12.0)])
def test_target_batas_dan_rentang_disimpan_utuh(teks: str, harap: object) -> None:
    """In a target column the Data Induk keeps a bound or a range as its canonical text (the core computes
    the capaian with it); elsewhere the cell gives its number and a note."""
    assert sl.ke_masukan(parse_angka(teks), target=True) == (harap, "")
    if isinstance(harap, str):
        v, ket = sl.ke_masukan(parse_angka(teks))
        assert isinstance(v, float) and ket


def test_beberapa_indikator_dalam_satu_sel() -> None:
    assert [a.nilai for a in sl.bagian(parse_angka("83 Persen 100 Persen"), 2)] == [83, 100]
    assert [a.nilai for a in sl.bagian(parse_angka("0,03% - -"), 3)] == [0.03, None, None]
    assert [a.nilai for a in sl.bagian(parse_angka("- - 0.94 %"), 3)] == [None, None, 0.94]
    nama = "1. Tingkat stabilisasi harga 2. Persentase kinerja realisasi pupuk"
    assert sl.jumlah_indikator(nama) == 2
    assert sl.pisah_indikator(nama, 2) == ["Tingkat stabilisasi harga", "Persentase kinerja realisasi pupuk"]
    assert sl.jumlah_indikator("Jumlah dokumen 2. tahap") == 1
    assert sl.pisah_satuan_indikator("Jumlah dokumen perencanaan (Dokumen)") == ("Jumlah dokumen perencanaan",
                                                                                "Dokumen")


def test_nama_pemda_dan_opd_dari_judul() -> None:
    assert nama_pemda("EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH PEMERINTAH KOTA PONTIANAK") == [
        ("Kota Pontianak", False)]
    assert nama_pemda("Evaluasi ... Lingkup Kabupaten/Kota") == []
    assert nama_pemda("Renstra Dinas Koperasi Provinsi Kalimantan Barat s.d. Tahun 2022") == [
        ("Provinsi Kalimantan Barat", True)]
    assert nama_opd("RENJA DINAS KOPERASI, USAHA MIKRO DAN PERDAGANGAN KOTA PONTIANAK", "Kota Pontianak") == (
        "Dinas Koperasi, Usaha Mikro dan Perdagangan", False)
    assert nama_opd("Kota Pontianak - Dinas Koperasi, Usaha Mikro dan Perdagangan", "Kota Pontianak") == (
        "Dinas Koperasi, Usaha Mikro dan Perdagangan", True)


# ------------------------------------------------------------------------------------------- hand-made E.81

def _data_acak(n: int, seed: int) -> DataInduk:
    """A tree-consistent Data Induk of about ``n`` rows (the benchmark's synthetic builder)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import data as bd  # noqa: E402

    src = bd.sumber(None)
    bidang = sorted(src.bidang)[0]
    baris = [dataclasses.replace(b, baris=i) for i, b in enumerate(bd.baris_opd(src, bidang, n, seed), start=2)]
    return DataInduk(bd.info("Dinas Sintetis Satu", bidang), baris)


_BUKAN_E81 = ("jenis", "keterangan", "lokasi", "sumber_dana", "target_n1_k", "pagu_n1", "target_tw_k")


def _rp_baris_pertama(b: BarisIndikator, semua: list[BarisIndikator]) -> BarisIndikator:
    """Rp belongs to a code's first indicator row (forms print it once per item)."""
    if next(x for x in semua if x.kode == b.kode) is b:
        return b
    return dataclasses.replace(b, target_renstra_rp=None, realisasi_lalu_rp=None, target_rp=None,
                               tw_rp=(None,) * 4)


def test_e81_buatan_tangan_catatan_tepat_di_kesalahan(tmp_path: Path) -> None:
    """Numbers typed as text with units, derived columns typed by hand, 10 of them wrong: the import gives
    back every input and lists exactly the 10 wrong cells, each with its right value."""
    data = _data_acak(120, seed=4)
    tabel = e81_tangan(data, tmp_path / "e81_tangan.xlsx", galat=10, seed=2)
    hasil = impor([tabel.path])
    dicatat = {c.sel: c for c in hasil.catatan if c.jenis in ("hitung", "jumlah", "rata", "predikat")}
    assert set(dicatat) == set(tabel.galat)
    for sel, jenis in tabel.galat.items():
        assert dicatat[sel].jenis == jenis and dicatat[sel].seharusnya and dicatat[sel].tercetak
    # every input an E.81 holds comes back; the indicator type is a guess, marked for the user to confirm
    sama_semua([dataclasses.replace(b, **{k: getattr(a, k) for k in _BUKAN_E81}) for a, b in
                zip(data.baris, hasil.data.baris)], [_rp_baris_pertama(a, data.baris) for a in data.baris])
    assert len(hasil.perlu_dicek) == len(hasil.data.baris)
    assert all("jenis ditebak" in p for p in hasil.perlu_dicek.values())
    # Info from the title lines, the column headers and the signature block the hand-made form prints
    dicetak = ("pemda", "jenis_pemda", "nama_opd", "bidang_urusan", "tahun", "triwulan", "renstra_awal",
               "renstra_akhir", "kepala_opd", "nip_kepala_opd", "tempat", "tanggal")
    assert {k: getattr(hasil.data.info, k) for k in dicetak} == {k: getattr(data.info, k) for k in dicetak}


# ------------------------------------------------------------------------------------------- bad input

def test_tanpa_formulir_keluar_dua_dengan_nama_berkas(contoh: Path, tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["data-induk", "impor", str(contoh), "-o", str(tmp_path / "x.xlsx")])
    assert r.exit_code == 2
    teks = " ".join(r.output.split())
    assert contoh.name in teks and "E.81" in teks and "baris nomor kolom" in teks
    assert not (tmp_path / "x.xlsx").exists()


def test_baris_nomor_kolom_hilang_keluar_dua(tmp_path: Path) -> None:
    p = tmp_path / "tanpa_nomor.xlsx"
    pontianak_e81(p, nomor=False)
    with pytest.raises(GalatPengguna, match="baris nomor kolom") as e:
        impor([p])
    assert e.value.berkas == p and e.value.lembar == "Evaluasi Renja"
    asli = p.read_bytes()
    r = CliRunner().invoke(app, ["data-induk", "impor", str(p), "-o", str(tmp_path / "x.xlsx")])
    teks = " ".join(r.output.split())
    assert r.exit_code == 2 and p.name in teks and "13=6+12" in teks and "Traceback" not in teks, teks
    assert p.read_bytes() == asli and not (tmp_path / "x.xlsx").exists()


def test_berkas_rusak_dan_terenkripsi_keluar_dua(tmp_path: Path) -> None:
    import korpus_rusak as kr

    for buat in (kr.terenkripsi, kr.bukan_zip, kr.terpotong):
        p = buat(tmp_path)
        asli = p.read_bytes()
        r = CliRunner().invoke(app, ["data-induk", "impor", str(p), "-o", str(tmp_path / "x.xlsx")])
        assert r.exit_code == 2, (buat.__name__, r.output)
        assert p.name in r.output and "Traceback" not in r.output
        assert ".xlsx" in r.output                                   # what was expected
        assert p.read_bytes() == asli and not (tmp_path / "x.xlsx").exists()


def test_keluaran_tidak_menimpa_tanpa_timpa_dan_bukan_masukan(contoh: Path, tmp_path: Path) -> None:
    formulir = generator.buat_semua(contoh, tmp_path / "formulir.xlsx")
    keluar = tmp_path / "impor.xlsx"
    keluar.write_bytes(b"lama")
    for argumen in ([str(formulir), "-o", str(keluar)], [str(formulir), "-o", str(formulir), "--timpa"],
                    [str(formulir), "-o", str(tmp_path / "impor.csv")],
                    [str(formulir), "-o", str(tmp_path / "y.xlsx"), "--lembar", "Tidak Ada"]):
        r = CliRunner().invoke(app, ["data-induk", "impor", *argumen])
        assert r.exit_code == 2, (argumen, r.output)
    assert keluar.read_bytes() == b"lama"
    r = CliRunner().invoke(app, ["data-induk", "impor", str(formulir), "-o", str(keluar), "--timpa",
                                 "--lembar", "E.81 TW II"])
    assert r.exit_code == 0, r.output
    assert "30 baris indikator dari 1 formulir" in " ".join(r.output.split())
    assert baca_data_induk(keluar).info.nama_opd == INFO_CONTOH.nama_opd


def _tanpa_meta(path: Path) -> Path:
    """The workbook as a hand-edited copy without its self-description (an older renja-xl, another tool)."""
    from renja_xl.meta import LEMBAR_META

    wb = load_workbook(path)
    if LEMBAR_META in wb.sheetnames:
        del wb[LEMBAR_META]
    wb.save(path)
    return path


def test_jenis_tebakan_ditandai_perlu_dicek(contoh: Path, tmp_path: Path) -> None:
    formulir = _tanpa_meta(generator.buat(contoh, "e81", 2, tmp_path / "e81.xlsx"))
    hasil = impor_berkas([formulir], tmp_path / "impor.xlsx")
    assert [b.jenis for b in hasil.data.baris] == [b.jenis for b in BARIS_CONTOH]   # formulas and units
    # the generator's lower-is-better mark is evidence, not part of the name
    assert [b.indikator for b in hasil.data.baris] == [b.indikator for b in BARIS_CONTOH]
    ws = load_workbook(hasil.keluaran)["Data"]
    kolom = [c.value for c in ws[1]].index("Perlu dicek") + 1
    tanda = [ws.cell(r, kolom).value for r in range(2, 2 + len(hasil.data.baris))]
    assert all(t and "jenis ditebak" in t for t in tanda)
    menurun = next(i for i, b in enumerate(hasil.data.baris) if b.jenis is JenisIndikator.MENURUN)
    assert "target / realisasi" in tanda[menurun]


# ------------------------------------------------------------------------------------------- ribbon action

class _App:
    def __init__(self) -> None:
        self.pesan: list[tuple[str, str | None]] = []
        self.dibuka: list[str] = []
        self.books = type("Books", (), {"open": lambda _s, p: self.dibuka.append(p)})()

    def alert(self, teks: str, title: str | None = None, buttons: str = "ok", mode: str | None = None) -> str:
        self.pesan.append((teks, mode))
        return "ok"


class _Buku:
    def __init__(self, path: Path) -> None:
        self.fullname, self.name = str(path), path.name
        self.sheets = [type("L", (), {"name": n})() for n in load_workbook(path, read_only=True).sheetnames]
        self.app = _App()


def test_tombol_impor_ke_data_induk(monkeypatch: pytest.MonkeyPatch, contoh: Path, tmp_path: Path) -> None:
    from renja_xl import macros

    formulir = generator.buat(contoh, "e81", 2, tmp_path / "E81 TW2.xlsx")
    asli = formulir.read_bytes()
    buku = _Buku(formulir)
    monkeypatch.setattr(macros, "_buku_aktif", lambda: buku)
    hasil = macros.impor_data_induk()
    assert hasil == tmp_path / "E81 TW2 - Data Induk.xlsx" and buku.app.dibuka == [str(hasil)]
    assert baca_data_induk(hasil).info.pemda == INFO_CONTOH.pemda
    [(teks, mode)] = buku.app.pesan
    assert "30 baris indikator" in teks and mode == "info"
    assert formulir.read_bytes() == asli
    # a Data Induk is refused with a message, not a traceback
    buku = _Buku(contoh)
    monkeypatch.setattr(macros, "_buku_aktif", lambda: buku)
    assert macros.impor_data_induk() is None
    [(teks, mode)] = buku.app.pesan
    assert "sudah berupa Data Induk" in teks and mode == "critical"


def test_demo_diakhiri_impor(tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["demo", "--folder", str(tmp_path)])
    assert r.exit_code == 0, r.output
    teks = " ".join(r.output.split())
    awal = teks.index("4. Impor formulir yang sudah ada ke Data Induk")
    assert awal > teks.index("3. Inti perhitungan")
    impor_teks = teks[awal:]
    assert "72 baris indikator" in impor_teks and "61% 24%" in impor_teks and "Catatan Impor" in impor_teks
    assert baca_data_induk(tmp_path / "data_induk_dari_e81_pontianak.xlsx", paksa=True).info.pemda == "Kota Pontianak"


# ------------------------------------------------------------------------------------------- other forms

def _tabel41(path: Path) -> dict[str, str]:
    """A hand-made Tabel 4.1 (T-C.33, Semarang layout with codes): returns where the wrong roll-up is."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 4.1"
    ws["A1"] = "Tabel 4.1"
    ws["A2"] = ("Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2022 dan Prakiraan Maju Tahun 2023 "
                "Dinas Koperasi, Usaha Mikro dan Perdagangan Kota Pontianak")
    judul = ["No", "Urusan/Bidang Urusan Pemerintah Daerah dan Program/Kegiatan",
             "Indikator Kinerja Program/Kegiatan", "Rencana Tahun 2022", None, None, None, "Catatan Penting",
             "Prakiraan Maju Rencana Tahun 2023", None]
    sub = [None, None, None, "Lokasi", "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif", "Sumber Dana",
           None, "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif"]
    for c, (a, b) in enumerate(zip(judul, sub), start=1):
        ws.cell(4, c, a)
        ws.cell(5, c, b)
        ws.cell(6, c, f"({c})")
    ws.merge_cells("D4:G4")
    ws.merge_cells("I4:J4")
    baris = [
        ("1", "2.17.01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "Persentase realisasi anggaran",
         "Kota Pontianak", "97 Persen", "8.500.000", "", "", "98 Persen", "9.000.000"),
        ("", "2.17.01.2.01 Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
         "Jumlah dokumen perencanaan", "Kota Pontianak", "12 Dokumen", "8.941.800", "", "", "12 Dokumen",
         "9.000.000"),
        ("", "2.17.01.2.01.01 Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah dokumen perencanaan "
         "perangkat daerah yang disusun", "Kota Pontianak, Semua Kecamatan", "5 Dokumen", "6.864.800", "DAU",
         "sudah termasuk Renja", "6 Dokumen", "7.000.000"),
        ("", "2.17.01.2.01.02 Koordinasi dan Penyusunan Dokumen RKA-SKPD", "Jumlah sub kegiatan pada dokumen RKA",
         "Kota Pontianak", "50 Sub Kegiatan", "2.077.000", "PAD", "", "50 Sub Kegiatan", "2.000.000"),
    ]
    for r, isi in enumerate(baris, start=7):
        for c, v in enumerate(isi, start=1):
            if v:
                ws.cell(r, c, v)
    wb.save(path)
    return {"F7": "8.941.800", "F8": "8.941.800"}     # program pagu 8.500.000 is wrong; kegiatan right


def test_tabel41_buatan_tangan_lokasi_pagu_dan_tahun_depan(tmp_path: Path) -> None:
    p = tmp_path / "tabel41.xlsx"
    _tabel41(p)
    hasil = impor([p])
    [b] = hasil.bacaan
    assert b.form == "tc33"
    sub = next(x for x in hasil.data.baris if x.kode == "2.17.01.2.01.01")
    assert (sub.lokasi, sub.target_k, sub.satuan, sub.target_rp, sub.sumber_dana, sub.target_n1_k, sub.pagu_n1,
            sub.keterangan) == ("Kota Pontianak, Semua Kecamatan", 5, "Dokumen", 6864800, "DAU", 6, 7000000,
                                "sudah termasuk Renja")
    program = next(x for x in hasil.data.baris if x.kode == "2.17.01")
    assert (program.target_k, program.target_rp, program.target_n1_k) == (97, None, 98)   # Rp: a roll-up
    jumlah = {c.sel: c for c in hasil.catatan if c.jenis == "jumlah"}
    assert set(jumlah) == {"F7"} and jumlah["F7"].seharusnya == "8.941.800"
    assert hasil.data.info.tahun == 2022 and hasil.data.info.pemda == "Kota Pontianak"


def _rencana_aksi(path: Path) -> None:
    """A hand-made Rencana Aksi: quarterly targets typed as "TW 1 = 39" (seed 003)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Rencana Aksi"
    ws["A1"], ws["A2"], ws["A3"] = "RENCANA AKSI", "DINAS KOPERASI, USAHA MIKRO DAN PERDAGANGAN", "TAHUN 2022"
    judul = ["No", "Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Satuan", "Target Tahun 2022",
             "Target per Triwulan", None, None, None, "Penanggung Jawab"]
    for c, v in enumerate(judul, start=1):
        ws.cell(5, c, v)
        ws.cell(7, c, str(c))
    for c, v in zip(range(7, 11), ("TW I", "TW II", "TW III", "TW IV")):
        ws.cell(6, c, v)
    ws.merge_cells("G5:J5")
    isi = [("1", "2.17.01.2.02.01", "Penyediaan Gaji dan Tunjangan ASN", "Jangka waktu penyediaan gaji dan "
            "tunjangan ASN", "Bulan", "12", "TW 1 = 3", "TW 2 = 3", "TW 3= 3", "TW 4 =", "Kepala Sub Bagian Keuangan")]
    for r, baris in enumerate(isi, start=8):
        for c, v in enumerate(baris, start=1):
            ws.cell(r, c, v)
    wb.save(path)


def test_rencana_aksi_memberi_target_triwulan(contoh: Path, tmp_path: Path) -> None:
    ra = tmp_path / "ra.xlsx"
    _rencana_aksi(ra)
    e81 = generator.buat(contoh, "e81", 2, tmp_path / "e81.xlsx")
    hasil = impor([ra, e81])
    gaji = next(b for b in hasil.data.baris if b.kode == "2.17.01.2.02.01")
    assert gaji.target_tw_k == (3, 3, 3, None)
    assert gaji.penanggung_jawab == "Kepala Sub Bagian Keuangan"
    assert gaji.tw_k[:2] == (3, 3) and gaji.target_rp == 7863041117          # the rest from the E.81
    assert len(hasil.data.baris) == len(BARIS_CONTOH)


def test_lembar_meta_memberi_jenis_tanpa_tebakan(contoh: Path, tmp_path: Path) -> None:
    """A generated workbook describes itself (sheet _renja_xl, renja_xl.meta): its types are taken as they
    are — even where the formulas and the unit would suggest another — and nothing is marked."""
    from renja_xl import meta

    formulir = _tanpa_meta(generator.buat_semua(contoh, tmp_path / "formulir.xlsx"))
    jenis_lain = {b.kode: JenisIndikator.NILAI_AKHIR for b in BARIS_CONTOH if b.jenis is JenisIndikator.PERSENTASE}
    catatan_meta = []
    for b in impor([formulir]).bacaan:
        for x in b.baris:
            asli = [y for y in BARIS_CONTOH if y.kode == x.kode][x.urut]
            catatan_meta.append(meta.BarisMeta(x.lembar, x.baris, "sub_kegiatan", x.kode, x.urut,
                                               jenis_lain.get(x.kode, asli.jenis), asli.baris, asli.satuan,
                                               asli.indikator))
    wb = load_workbook(formulir)
    ws = wb.create_sheet(meta.LEMBAR_META)
    for baris in meta.ke_baris(catatan_meta):
        ws.append(baris)
    ws.sheet_state = "veryHidden"
    wb.save(formulir)
    hasil = impor([formulir])
    harap = [dataclasses.replace(b, jenis=jenis_lain.get(b.kode, b.jenis)) for b in BARIS_CONTOH]
    sama_semua(hasil.data.baris, harap)
    assert hasil.perlu_dicek == {}


def test_pemda_dari_opsi(tmp_path: Path) -> None:
    p = tmp_path / "pontianak.xlsx"
    pontianak_e81(p)
    assert impor([p]).data.info.jenis_pemda == "kabupaten/kota"
    assert impor([p], pemda="prov").data.info.jenis_pemda == "provinsi"
    r = CliRunner().invoke(app, ["data-induk", "impor", str(p), "-o", str(tmp_path / "x.xlsx"), "--pemda", "desa"])
    assert r.exit_code == 2 and "--pemda" in r.output
