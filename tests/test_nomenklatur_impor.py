"""Importing official nomenclature lists (SIPD export, Kepmendagri lampiran, flat CSV) and versioned storage."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from renja_xl.galat import GalatPengguna
from renja_xl.kode import Tingkat
from renja_xl.nomenklatur import simpan
from renja_xl.nomenklatur.impor import URUSAN, impor_berkas
from renja_xl.nomenklatur.katalog import Katalog

SIPD_KEPALA = ["JENIS PEMDA", "BIDANG", "PROGRAM", "KEGIATAN", "SUBKEGIATAN", "KINERJA", "INDIKATOR", "SATUAN",
               "TAG", "DEFINISI OPERASIONAL", "PELAKSANA", "SPM", "JENIS", "SUBKEGIATAN SEBELUMNYA"]


@pytest.fixture()
def folder(folder_katalog: Path) -> Path:
    return folder_katalog


def _xlsx(path: Path, rows: list[list[object]], judul: str = "Worksheet") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = judul
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _baris_sipd(pemda: str, bidang: str, program: str, kegiatan: str, sub: str, sebelumnya: str = "",
                indikator: str = "Jumlah Dokumen", satuan: str = "Dokumen") -> list[object]:
    return [pemda, bidang, program, kegiatan, sub, "Tersedianya dokumen", indikator, satuan, "[null]",
            "Definisi\npanjang", "Bidang", "NON-SPM", "Aktifitas", sebelumnya]


@pytest.fixture()
def sipd_kecil(tmp_path: Path) -> Path:
    return _xlsx(tmp_path / "ekspor.xlsx", [
        SIPD_KEPALA,
        _baris_sipd("PROV", "X.XX URUSAN PEMERINTAHAN BIDANG XX",
                    "X.XX.01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH PROVINSI",
                    "X.XX.01.1.01 Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
                    "X.XX.01.1.01.0001 Penyusunan Dokumen  Perencanaan Perangkat Daerah"),
        _baris_sipd("KABKOT", "X.XX URUSAN PEMERINTAHAN BIDANG XX",
                    "X.XX.01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
                    "X.XX.01.2.01 Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
                    "X.XX.01.2.01.0001 Penyusunan Dokumen Perencanaan Perangkat Daerah"),
        _baris_sipd("PROV", "2.17 URUSAN PEMERINTAHAN BIDANG KOPERASI, USAHA KECIL, DAN MENENGAH",
                    "2.17.02 PROGRAM PELAYANAN IZIN USAHA SIMPAN PINJAM",
                    "2.17.02.1.02 Penerbitan Izin Pembukaan Kantor Cabang",
                    "2.17.02.1.02.0005 Sistem Pelayanan Perizinan Berusaha Terintegrasi Secara Elektronik",
                    sebelumnya="2.17.02.1.02.0002 Sistem Pelayanan Perizinan Berusaha"),
        # SIPD sometimes repeats the predecessor code in front of the name
        _baris_sipd("PROV", "2.17 URUSAN PEMERINTAHAN BIDANG KOPERASI, USAHA KECIL, DAN MENENGAH",
                    "2.17.02 PROGRAM PELAYANAN IZIN USAHA SIMPAN PINJAM",
                    "2.17.02.1.02 Penerbitan Izin Pembukaan Kantor Cabang",
                    "2.17.02.1.02.0006 2.17.02.1.02.0003 Fasilitasi Izin Usaha",
                    sebelumnya="2.17.02.1.02.0003 Fasilitasi Izin"),
        [None] * len(SIPD_KEPALA),
    ])


def test_sipd_xlsx_kecil(sipd_kecil: Path) -> None:
    h = impor_berkas(sipd_kecil)
    assert h.format == "sipd-xlsx"
    k = Katalog(h.entri, nama="uji")
    assert k.jumlah() == {"urusan": 2, "bidang urusan": 2, "program": 2, "kegiatan": 3, "sub kegiatan": 4}
    sub = k.langsung("X.XX.01.1.01.0001")
    assert sub is not None and sub.nama == "Penyusunan Dokumen Perencanaan Perangkat Daerah"  # spaces collapsed
    assert (sub.pemda, sub.kinerja, sub.indikator, sub.satuan) == ("PROV", "Tersedianya dokumen", "Jumlah Dokumen",
                                                                    "Dokumen")
    prog = k.langsung("X.XX.01")
    assert prog is not None and prog.pemda == "PROV,KABKOT"
    assert set(prog.semua_nama) == {"PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH PROVINSI",
                                    "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"}
    assert k.langsung("2.17.02.1.02.0005").sebelumnya == ("2.17.02.1.02.0002",)
    assert k.langsung("2.17.02.1.02.0006").nama == "Fasilitasi Izin Usaha"
    assert k.pengganti("2.17.02.1.02.0002") == ["2.17.02.1.02.0005"]
    assert k.langsung("2").nama == URUSAN["2"]  # urusan rows made from the bidang codes
    assert h.info["sha256"] == hashlib.sha256(sipd_kecil.read_bytes()).hexdigest()


def test_lampiran_xlsx_kode_terpecah(tmp_path: Path) -> None:
    kepala = ["URUSAN/UNSUR", "BIDANG URUSAN/BIDANG UNSUR", "PROGRAM", "KEGIATAN", "SUB KEGIATAN",
              "NOMENKLATUR URUSAN", "KINERJA", "INDIKATOR", "SATUAN", "KETERANGAN"]
    p = _xlsx(tmp_path / "lampiran.xlsx", [
        ["Lampiran Kepmendagri"],  # a title row above the header
        kepala,
        ["X", None, None, None, None, "URUSAN X.XX"],
        ["X", "XX", 1, None, None, "PROGRAM  PENUNJANG URUSAN   PEMERINTAHAN\nDAERAH KABUPATEN/KOTA"],
        ["X", "XX", 1, "2.01", None, "Perencanaan,  Penganggaran,  dan Evaluasi        Kinerja Perangkat Daerah"],
        ["X", "XX", 1, "2.01", 1, "Penyusunan                      Dokumen Perencanaan", "Tersedia", "Jumlah", "Dok"],
        [3, None, None, None, None, "URUSAN  PEMERINTAHAN\nPILIHAN"],
        [3, 30, None, None, None, "URUSAN PEMERINTAHAN BIDANG PERDAGANGAN"],
        [3, 30, 4, None, None, "PROGRAM STABILISASI HARGA"],
        [3, 30, 4, 2.1, None, "Kegiatan sepuluh"],
        [3, 30, 4, 2.1, 12, "Sub kegiatan dua belas"],
    ], judul="subkeg")
    h = impor_berkas(p)
    assert h.format == "lampiran-xlsx"
    k = Katalog(h.entri)
    assert k.langsung("X.XX.01").nama == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    e = k.langsung("X.XX.01.2.01.0001")
    assert e is not None and e.nama == "Penyusunan Dokumen Perencanaan" and e.satuan == "Dok"
    assert k.langsung("3.30.04.2.10") is not None  # float 2.1 in a kegiatan column means 2.10
    assert k.langsung("3.30.04.2.10.0012").pemda == "KABKOT"
    assert k.langsung("3").nama == "URUSAN PEMERINTAHAN PILIHAN"


def test_csv_level_kode_nama_dan_artefak_rn(tmp_path: Path) -> None:
    p = tmp_path / "datar.csv"
    p.write_text("level,jenis_pemda,kode,nama\n"
                 "bidang,KABKOT,2.17,URUSAN PEMERINTAHAN BIDANG KOPERASI\n"
                 "program,KABKOT,2.17.02,PROGRAM PELAYANAN IZIN\n"
                 "kegiatan,KABKOT,2.17.02.2.01,Penerbitan Izinrn\n"
                 "sub_kegiatan,KABKOT,2.17.02.2.01.01,Fasilitasi Pasar Modern\n", encoding="utf-8")
    k = Katalog(impor_berkas(p).entri)
    assert k.langsung("2.17.02.2.01").nama == "Penerbitan Izin"  # flattened \r\n dropped
    assert k.langsung("2.17.02.2.01.01").nama == "Fasilitasi Pasar Modern"  # a real word ending in -rn kept
    assert k.digit_sub == 2


def test_csv_tingkat_tidak_sesuai_dilewati(tmp_path: Path) -> None:
    p = tmp_path / "datar.csv"
    p.write_text("kode;nama\n2.17.02;Program\n2.17.02.2.01;Kegiatan\nbukan kode;Apa\n", encoding="utf-8")
    h = impor_berkas(p)
    assert {e.kode for e in h.entri} == {"2", "2.17.02", "2.17.02.2.01"}
    assert h.info["dilewati"] == 1 and "bukan kode" in h.info["peringatan"][0]


def test_csv_cp1252_dibaca_dengan_peringatan(tmp_path: Path) -> None:
    p = tmp_path / "win.csv"
    p.write_bytes("kode,nama\n2.17.02,Program Koperasi “Baru” – Café\n".encode("cp1252"))
    h = impor_berkas(p)
    assert h.info["encoding"] == "cp1252"
    assert any("bukan UTF-8" in s for s in h.info["peringatan"])
    assert Katalog(h.entri).langsung("2.17.02").nama == "Program Koperasi “Baru” – Café"


@pytest.mark.parametrize("isi, potongan", [
    ("nomor,uraian\n1,Apa\n", "ditemukan: nomor, uraian"),
    ("\ufeffcode;name\n1.01;x\n", "ditemukan: code, name"),
])
def test_susunan_csv_tak_dikenal(tmp_path: Path, isi: str, potongan: str) -> None:
    p = tmp_path / "aneh.csv"
    p.write_text(isi, encoding="utf-8")
    with pytest.raises(GalatPengguna) as e:
        impor_berkas(p)
    assert potongan in str(e.value) and "kode,nama" in str(e.value) and "aneh.csv" in str(e.value)


def test_berkas_yang_ditolak(tmp_path: Path) -> None:
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes("kode,nama\n2.17,x\n".encode("utf-16"))
    palsu = tmp_path / "palsu.xlsx"
    palsu.write_text("bukan zip", encoding="utf-8")
    kosong = tmp_path / "kosong.csv"
    kosong.write_bytes(b"")
    aneh = _xlsx(tmp_path / "aneh.xlsx", [["NO", "URAIAN", "PAGU"], [1, "x", 2]])
    for p, kata in ((utf16, "NUL"), (palsu, "bukan buku kerja"), (kosong, "kosong"),
                    (tmp_path / "tidak-ada.csv", "tidak ditemukan"), (aneh, "ditemukan: NO | URAIAN | PAGU")):
        with pytest.raises(GalatPengguna) as e:
            impor_berkas(p)
        assert kata in str(e.value), p


# --------------------------------------------------------------------------------------------------
# storage


def _csv_kecil(path: Path, nama_sub: str = "Sub satu") -> Path:
    path.write_text(f"kode,nama\n2.17,Bidang\n2.17.02,Program\n2.17.02.2.01,Kegiatan\n2.17.02.2.01.0001,{nama_sub}\n",
                    encoding="utf-8")
    return path


def test_simpan_daftar_pakai_hapus(folder: Path, tmp_path: Path) -> None:
    a = _csv_kecil(tmp_path / "a.csv")
    b = _csv_kecil(tmp_path / "b.csv", "Sub dua")
    assert simpan.muat_katalog() is None and simpan.daftar_versi() == []
    nama_a, meta = simpan.impor(a)
    # a short default name from the list's kind and era, not the file name
    assert nama_a == "kepmendagri-2021" and meta["jumlah"]["sub kegiatan"] == 1
    assert meta["era"] == "kepmendagri-050-5889-2021"
    n = nama_a
    simpan.impor(b, "versi-b")
    versi = {v["nama"]: v for v in simpan.daftar_versi()}
    assert versi[n]["aktif"] and not versi["versi-b"]["aktif"]  # the first import becomes active
    assert versi[n]["sha256"] == hashlib.sha256(a.read_bytes()).hexdigest()
    assert versi[n]["sumber"] == "a.csv" and versi[n]["diimpor"]
    k1 = simpan.muat_katalog()
    assert k1 is simpan.muat_katalog()  # cached
    assert k1.langsung("2.17.02.2.01.0001").nama == "Sub satu"
    simpan.pakai("versi-b")
    k2 = simpan.muat_katalog()
    assert k2.nama == "versi-b" and k2.langsung("2.17.02.2.01.0001").nama == "Sub dua"
    assert simpan.hapus("versi-b") == n
    assert simpan.muat_katalog().nama == n
    with pytest.raises(GalatPengguna, match="tidak ada"):
        simpan.pakai("versi-b")
    assert sorted(p.name for p in folder.iterdir()) == sorted([f"{n}.json.gz", "indeks.json"])  # no temp files left


def test_berkas_versi_json_gzip_bukan_pickle(folder: Path, tmp_path: Path) -> None:
    simpan.impor(_csv_kecil(tmp_path / "a.csv"), "v1")
    data = json.loads(gzip.decompress((folder / "v1.json.gz").read_bytes()))
    assert data["format"] == "renja-xl-nomenklatur"
    assert data["kolom"]["kode"] == ["2", "2.17", "2.17.02", "2.17.02.2.01", "2.17.02.2.01.0001"]


def test_berkas_rusak_dan_nama_tidak_sah(folder: Path, tmp_path: Path) -> None:
    simpan.impor(_csv_kecil(tmp_path / "a.csv"), "v1")
    simpan.lupakan_cache()
    (folder / "v1.json.gz").write_bytes(b"\x1f\x8b rusak")
    with pytest.raises(GalatPengguna, match="rusak"):
        simpan.muat_katalog("v1")
    for nama in ("../luar", ".tersembunyi", "a b"):
        with pytest.raises(GalatPengguna, match="tidak sah"):
            simpan.impor(_csv_kecil(tmp_path / "b.csv"), nama)


# --------------------------------------------------------------------------------------------------
# the real files (../shared), counts from SOURCE.md


def _angka(s: str) -> int:
    return int(s.replace(",", ""))


@pytest.fixture(scope="module")
def sumber(nomenklatur_dir: Path) -> str:
    return (nomenklatur_dir / "SOURCE.md").read_text(encoding="utf-8")


def _per_pemda(entri) -> Counter:
    return Counter((e.tingkat.label, p) for e in entri for p in e.pemda.split(",") if p)


def test_ekspor_sipd_2027(nomenklatur_dir: Path, sumber: str, folder: Path) -> None:
    berkas = next(nomenklatur_dir.glob("nomenklatur-subkegiatan-*_2027_1.xlsx"))
    nama, meta = simpan.impor(berkas, "2027")
    k = simpan.muat_katalog("2027")
    tabel = {m.group(1).strip(): (m.group(2), m.group(3), m.group(4)) for m in re.finditer(
        r"^\| (urusan|bidang urusan|program|kegiatan|sub kegiatan)\b[^|]*\| *([\d,]+) *\| *([\d,]+) *\| *([\d,]+)",
        sumber, re.M)}
    assert len(tabel) == 5
    per_pemda = _per_pemda(k)
    for label, (prov, kabkot, semua) in tabel.items():
        assert k.jumlah()[label] == _angka(semua), label
        if label != "urusan":
            assert per_pemda[(label, "PROV")] == _angka(prov), label
            assert per_pemda[(label, "KABKOT")] == _angka(kabkot), label
    pendahulu = _angka(re.search(r"([\d,]+) rows fill `SUBKEGIATAN SEBELUMNYA`", sumber).group(1))
    assert meta["pendahulu"] == pendahulu == sum(1 for e in k if e.sebelumnya)
    assert meta["digit_sub"] == 4 and meta["sha256"].startswith(re.search(r"sha256 `(\w+)…", sumber).group(1))
    # stored and reloaded: identical entries
    asli = {e.kode: e for e in impor_berkas(berkas).entri}
    simpan.lupakan_cache()
    dimuat = simpan.muat_katalog("2027")
    assert dimuat is not k and {e.kode: e for e in dimuat} == asli
    # the same export as flat CSV gives the same codes (names: the xlsx reader also drops a glued code)
    datar = {e.kode for e in impor_berkas(nomenklatur_dir / "nomenklatur_2027_sipd_flat.csv").entri}
    assert datar == set(asli)
    # every listed code with its own official name passes, except those the list marks as replaced
    from renja_xl.nomenklatur.validasi import validasi

    tidak_benar = {e.kode for e in dimuat if validasi(e.kode, e.nama, None, dimuat).status != "benar"}
    assert tidak_benar == {e.kode for e in dimuat if dimuat.pengganti(e.kode)}


def test_lampiran_900_kabkota(nomenklatur_dir: Path, sumber: str) -> None:
    h = impor_berkas(nomenklatur_dir / "sub_keg_900_kabkota.xlsx")
    k = Katalog(h.entri)
    m = re.search(r"Level counts: urusan ([\d,]+), bidang ([\d,]+), program ([\d,]+), kegiatan ([\d,]+), "
                  r"sub kegiatan ([\d,]+)", sumber)
    assert list(k.jumlah().values()) == [_angka(x) for x in m.groups()]
    assert {e.pemda for e in k} == {"KABKOT"}
    assert not any("  " in e.nama or "\n" in e.nama for e in k)
    datar = impor_berkas(nomenklatur_dir / "sub_keg_900_kabkota_flat.csv").entri
    assert {e.kode for e in datar} == {e.kode for e in k}
    assert {e.kode: e.nama for e in datar if e.tingkat >= Tingkat.PROGRAM} == \
        {e.kode: e.nama for e in k if e.tingkat >= Tingkat.PROGRAM}


def test_daftar_lama_2_digit(nomenklatur_dir: Path, sumber: str) -> None:
    h = impor_berkas(nomenklatur_dir / "legacy_permendagri90_kep050-3708_2020_simcan_flat.csv")
    k = Katalog(h.entri)
    m = re.search(r"PROV has bidang ([\d,]+), program ([\d,]+), kegiatan ([\d,]+) and sub kegiatan ([\d,]+)\. "
                  r"KABKOT has ([\d,]+), ([\d,]+), ([\d,]+) and ([\d,]+)", sumber) or re.search(
        r"PROV has bidang ([\d,]+), program ([\d,]+), kegiatan ([\d,]+), sub kegiatan ([\d,]+)\. "
        r"KABKOT has ([\d,]+), ([\d,]+), ([\d,]+) and ([\d,]+)", sumber)
    angka = [_angka(x) for x in m.groups()]
    per_pemda = _per_pemda(k)
    labels = ["bidang urusan", "program", "kegiatan", "sub kegiatan"]
    assert [per_pemda[(lb, "PROV")] for lb in labels] == angka[:4]
    assert [per_pemda[(lb, "KABKOT")] for lb in labels] == angka[4:]
    assert k.digit_sub == 2 and "dilewati" not in h.info
    assert not any(e.nama.endswith("rn") and e.nama[-3] != "e" for e in k)
