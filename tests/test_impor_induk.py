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


def test_berkas_rusak_dan_terenkripsi_keluar_dua(tmp_path: Path) -> None:
    import korpus_rusak as kr

    for buat in (kr.terenkripsi, kr.bukan_zip, kr.terpotong):
        p = buat(tmp_path)
        r = CliRunner().invoke(app, ["data-induk", "impor", str(p), "-o", str(tmp_path / "x.xlsx")])
        assert r.exit_code == 2, (buat.__name__, r.output)
        assert p.name in r.output and "Traceback" not in r.output


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


def test_jenis_tebakan_ditandai_perlu_dicek(contoh: Path, tmp_path: Path) -> None:
    formulir = generator.buat(contoh, "e81", 2, tmp_path / "e81.xlsx")
    hasil = impor_berkas([formulir], tmp_path / "impor.xlsx")
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
