"""The checker reads a generated workbook's own description (``_renja_xl``) before guessing.

Printed forms carry no indicator type. Issue 14's Dinas Kesehatan: one lower-is-better indicator (stunting,
target 16,5, realisasi 12,5) gave 7 salah and 4 peringatan on the generator's own, correct output. With the
type read from the workbook: zero findings, and the same capaian on every sheet. Also a count that is
menurun, an index whose unit does not say it is a level, a percentage that accumulates, typed Rencana Aksi
quarterly targets; rows whose description no longer fits are guessed; findings name the Data Induk row and
are reported once across the generated sheets.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).parent))

from buku_uji import buat_dihitung, pastikan_meta  # noqa: E402
from test_generator import bi, info, kolom  # noqa: E402

from renja_xl.capaian import JenisIndikator as J  # noqa: E402
from renja_xl.capaian import capaian, realisasi_renstra, tingkat_realisasi  # noqa: E402
from renja_xl.data_induk import DataInduk  # noqa: E402
from renja_xl.generator import isi_buku_semua  # noqa: E402
from renja_xl.meta import LEMBAR_META  # noqa: E402
from renja_xl.periksa import periksa_berkas  # noqa: E402
from renja_xl.periksa.asal import satukan_antar_lembar, tandai_data_induk  # noqa: E402
from renja_xl.periksa.hasil import TemuanSel  # noqa: E402
from renja_xl.temuan import Temuan  # noqa: E402

STUNTING = "Prevalensi stunting"


def dinkes() -> DataInduk:
    """Issue 14's Dinas Kesehatan plus the types a unit cannot tell, partly reported quarters, typed and
    derived Rencana Aksi quarterly targets."""
    rows = [
        bi("1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT", STUNTING,
           J.MENURUN, satuan="%", t_renstra=14, lalu=20, target=16.5, tw=(None, 12.5, None, None)),
        bi("1.02.02", "", "Jumlah kasus kematian ibu", J.MENURUN, satuan="Orang", t_renstra=5, lalu=9, target=8,
           tw=(3, 2, None, None)),
        bi("1.02.02.2.02", "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota",
           "Indeks kepuasan masyarakat", J.NILAI_AKHIR, satuan="Angka", t_renstra=85, lalu=78, target=80,
           tw=(79, 81, None, None)),
        bi("1.02.02.2.02.0001", "Pengelolaan Pelayanan Kesehatan Ibu Hamil", "Cakupan kunjungan ibu hamil K4",
           J.KUMULATIF, satuan="%", t_renstra=100, lalu=60, target=100, tw=(22, 27, None, None),
           rp=(2_000_000_000, 1_200_000_000, 400_000_000), tw_rp=(90_000_000, 110_000_000, None, None),
           target_tw=(25, 25, 25, 25)),
        bi("1.02.02.2.02.0002", "Pengelolaan Pelayanan Kesehatan Bayi Baru Lahir", "Jumlah bayi baru lahir dilayani",
           satuan="Bayi", t_renstra=9000, lalu=4000, target=1800, tw=(450, 430, None, None),
           rp=(900_000_000, 400_000_000, 180_000_000), tw_rp=(40_000_000, 41_500_000, None, None)),
        bi("1.02.02.2.03", "Penyelenggaraan Sistem Informasi Kesehatan secara Terintegrasi", "Jumlah laporan",
           satuan="Dokumen", t_renstra=60, lalu=24, target=12, tw=(3, 3, None, None)),
        bi("1.02.02.2.03.0001", "Pengelolaan Data dan Informasi Kesehatan", "Jumlah dokumen data kesehatan",
           satuan="Dokumen", t_renstra=20, lalu=8, target=4, tw=(1, 1, None, None),
           rp=(150_000_000, 60_000_000, 30_000_000), tw_rp=(7_000_000, 7_500_000, None, None)),
        bi("1.02.02.2.04", "Penerbitan Perizinan Rumah Sakit Kelas C, D dan Fasilitas Pelayanan Kesehatan",
           "Jumlah izin diterbitkan", satuan="Izin", t_renstra=40, lalu=10, target=8, tw=(2, 1, None, None)),
        bi("1.02.02.2.04.0001", "Pengendalian dan Pengawasan serta Tindak Lanjut Perizinan Rumah Sakit",
           "Jumlah rumah sakit diawasi", satuan="Unit", t_renstra=20, lalu=8, target=4, tw=(1, 2, None, None),
           rp=(80_000_000, 30_000_000, 20_000_000), tw_rp=(4_000_000, 6_000_000, None, None)),
    ]
    return DataInduk(info(2, pemda="Kabupaten Contoh", nama_opd="Dinas Kesehatan", bidang_urusan="1.02"), rows)


def _meta_lain(wb) -> None:
    """The T-C.29 description of the stunting row now names another program (as after a user replaced the
    row in Excel)."""
    for row in wb[LEMBAR_META].iter_rows(min_row=2):
        if row[0].value == "T-C.29" and row[5].value == "menurun" and row[4].value == 0:
            row[3].value = "1.02.03"


def _teks_di_e81(wb) -> None:
    """The same non-number in the kegiatan's Renstra target on both E.81 sheets (as a Data Induk text would)."""
    k81 = kolom("e81")
    for judul in ("E.81 TW I", "E.81 TW II"):
        ws = wb[judul]
        r = next(c.row for c in ws["A"] if c.value == "KEG")
        ws[f"{k81['target_renstra_k']}{r}"] = "Refocusing Anggaran"


@pytest.fixture(scope="module")
def buku(libreoffice: None, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    data = dinkes()
    kasus = {}
    for nama, ubah in (("dengan", None), ("tanpa", None), ("meta_lain", _meta_lain), ("teks", _teks_di_e81)):
        wb = isi_buku_semua(data)
        ditulis_generator = pastikan_meta(wb, data)
        if nama == "tanpa":
            del wb[LEMBAR_META]
        if ubah is not None:
            ubah(wb)
        kasus[nama] = wb
    berkas, nilai = buat_dihitung(kasus, tmp_path_factory.mktemp("meta"))
    return {"data": data, "berkas": berkas, "nilai": nilai, "ditulis_generator": ditulis_generator}


def _daftar(h) -> list[tuple]:
    return [(x.lembar, x.sel, x.jenis, x.temuan.pesan) for x in h.temuan]


def test_buku_berdeskripsi_tanpa_temuan(buku: dict[str, Any]) -> None:
    h = periksa_berkas(buku["berkas"]["dengan"])
    assert {f.lembar for f in h.formulir} >= {"E.81 TW I", "E.81 TW II", "T-C.29", "T-C.33", "Rencana Aksi"}
    assert not h.temuan, _daftar(h)


def test_tanpa_deskripsi_pemeriksa_menebak_dan_keliru(buku: dict[str, Any]) -> None:
    """The same workbook without its description: the unit-and-name guess gets these types wrong — what the
    description is for (and why a hand-made form can still be misjudged on such rows)."""
    h = periksa_berkas(buku["berkas"]["tanpa"])
    salah = {(x.lembar, x.jenis) for x in h.temuan if x.tingkat == "salah"}
    assert ("E.81 TW II", "hitung.capaian") in salah and ("T-C.29", "hitung.capaian") in salah


def _baris_stunting(ws) -> int:
    return next(c.row for c in ws["A"] if c.value == "PRG")


def test_menurun_sama_di_setiap_lembar(buku: dict[str, Any]) -> None:
    """Stunting 16,5 / 12,5: T-C.29 col 8 and the Ringkasan show 132 % (target / realisasi) as E.81 does;
    E.81 col 14 and T-C.29 col 11 show the Renstra capaian by the same rule."""
    nilai = buku["nilai"]["dengan"]
    wb = load_workbook(buku["berkas"]["dengan"], read_only=False)
    renja = capaian(12.5, 16.5, J.MENURUN).nilai
    assert renja == pytest.approx(132.0)
    renstra = capaian(realisasi_renstra(20, 12.5, J.MENURUN), 14, J.MENURUN).nilai
    k29 = kolom("tc29")
    r29 = _baris_stunting(wb["T-C.29"])
    assert nilai["T-C.29"].sel(f"{k29['tingkat_realisasi']}{r29}") == pytest.approx(renja)
    assert nilai["T-C.29"].sel(f"{k29['capaian_perkiraan']}{r29}") == pytest.approx(renstra)
    assert tingkat_realisasi(12.5, 16.5, J.MENURUN).nilai == pytest.approx(renja)
    k81 = kolom("e81")
    r81 = _baris_stunting(wb["E.81 TW II"])
    assert nilai["E.81 TW II"].sel(f"{k81['capaian_renstra_k']}{r81}") == pytest.approx(renstra)
    ringkasan = [row for row in nilai["Ringkasan"].nilai if len(row) > 4 and isinstance(row[1], str)
                 and STUNTING in row[1]]
    assert len(ringkasan) == 1 and ringkasan[0][4] == pytest.approx(renja)


def test_deskripsi_tidak_cocok_ditebak(buku: dict[str, Any]) -> None:
    """A description whose code no longer fits its row is ignored for that row (the row is guessed: '%' ->
    a level, capaian = realisasi / target, which disagrees with the menurun formula); other rows keep theirs."""
    h = periksa_berkas(buku["berkas"]["meta_lain"])
    assert {(x.lembar, x.jenis) for x in h.temuan} == {("T-C.29", "hitung.capaian")}, _daftar(h)


def test_temuan_menyebut_baris_data_induk_sekali(buku: dict[str, Any]) -> None:
    """A mistake that comes from the Data Induk is reported once, at its Data Induk row, listing the sheets."""
    h = periksa_berkas(buku["berkas"]["teks"])
    teks = [x for x in h.temuan if x.jenis == "angka.bukan_angka"]
    assert len(teks) == 1, _daftar(h)
    t = teks[0]
    baris_di = next(b.baris for b in buku["data"].baris if b.kode == "1.02.02.2.02")
    assert t.temuan.data["data_induk"] == {"lembar": "Data", "baris": baris_di}
    assert f"Data Induk, lembar Data baris {baris_di}" in (t.temuan.saran or "")
    assert t.lembar == "E.81 TW I" and t.temuan.data["lembar_lain"] == ["E.81 TW II"]
    assert t.ke_dict()["data"]["data_induk"]["baris"] == baris_di


def test_satukan_hanya_pesan_yang_sama() -> None:
    def ts(lembar: str, pesan: str, baris: int | None) -> TemuanSel:
        data = {"data_induk": {"lembar": "Data", "baris": baris}} if baris else {}
        return TemuanSel("b.xlsx", lembar, "C9", Temuan("kode.format", "salah", pesan, data=data))

    hasil = satukan_antar_lembar([ts("A", "x", 7), ts("B", "x", 7), ts("C", "y", 7), ts("D", "x", 8),
                                  ts("E", "x", None), ts("F", "x", None)])
    assert [(t.lembar, t.temuan.data.get("lembar_lain")) for t in hasil] == \
        [("A", ["B"]), ("C", None), ("D", None), ("E", None), ("F", None)]


def test_tandai_membedakan_rumus_dan_isian() -> None:
    from renja_xl.meta import BarisMeta

    meta = {"E.81 TW I": {9: BarisMeta("E.81 TW I", 9, "program", "1.02.02", 0, J.MENURUN, 7)}}
    temuan = [TemuanSel("b.xlsx", "E.81 TW I", "X9", Temuan("hitung.capaian", "salah", "p")),
              TemuanSel("b.xlsx", "E.81 TW I", "E9", Temuan("angka.bukan_angka", "peringatan", "q", saran="Pindah.")),
              TemuanSel("b.xlsx", "E.81 TW I", "E10", Temuan("angka.bukan_angka", "peringatan", "r"))]
    a, b, c = tandai_data_induk(temuan, meta, {"E.81 TW I": {(9, 24)}})
    assert "buat ulang formulirnya dari Data Induk, lembar Data baris 7" in (a.temuan.saran or "")
    assert b.temuan.saran == "Pindah. Perbaiki di Data Induk, lembar Data baris 7, lalu buat ulang formulirnya."
    assert c.temuan.saran is None and not c.temuan.data
