"""Generator tests without LibreOffice: the rows, formulas, layout, print setup, CLI and safety rules.

The numbers themselves are verified by a real engine in test_generator_lo.py; here we check what openpyxl
can see. ``contoh()`` below is the small Data Induk both files use (built directly, no file).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from renja_xl.capaian import JenisIndikator as J
from renja_xl.data_induk import BarisIndikator, DataInduk, Info
from renja_xl.galat import GalatPengguna
from renja_xl.generator import FORM, buat, buat_semua, isi_buku, isi_buku_semua
from renja_xl.generator.buat_templat import DIR_TEMPLAT, buat_templat, ke_bytes
from renja_xl.generator.templat import cari_prototipe
from renja_xl.kode import parse_kode

_n = iter(range(5, 10_000))


def bi(kode: str, uraian: str, indikator: str, jenis: J = J.KUMULATIF, *, satuan: str = "Dokumen",
       t_renstra: float | None = None, lalu: float | None = None, target: float | None = None,
       tw: tuple = (None, None, None, None), rp: tuple = (None, None, None), tw_rp: tuple = (None,) * 4,
       target_tw: tuple = (None,) * 4, n1: float | None = None, pagu_n1: float | None = None,
       sasaran: str = "", pj: str = "", lokasi: str = "", sumber: str = "") -> BarisIndikator:
    return BarisIndikator(
        baris=next(_n), kode=kode, tingkat=parse_kode(kode).tingkat, uraian=uraian, sasaran=sasaran,
        indikator=indikator, satuan=satuan, jenis=jenis, target_renstra_k=t_renstra, target_renstra_rp=rp[0],
        realisasi_lalu_k=lalu, realisasi_lalu_rp=rp[1], target_k=target, target_rp=rp[2], tw_k=tuple(tw),
        tw_rp=tuple(tw_rp), target_tw_k=tuple(target_tw), lokasi=lokasi, sumber_dana=sumber, target_n1_k=n1,
        pagu_n1=pagu_n1, penanggung_jawab=pj, keterangan="")


def info(triwulan: int = 2, **kw: object) -> Info:
    dasar = dict(pemda="Kota Pontianak", jenis_pemda="kabupaten/kota",
                 nama_opd="Dinas Koperasi, Usaha Mikro dan Perdagangan", bidang_urusan="2.17", tahun=2022,
                 triwulan=triwulan, renstra_awal=2020, renstra_akhir=2024, kepala_opd="Dr. Contoh",
                 nip_kepala_opd="197001011990031001", kepala_bappeda="Ir. Bappeda",
                 nip_kepala_bappeda="196801011990031002", tempat="Pontianak", tanggal="15 Juli 2022")
    dasar.update(kw)
    return Info(**dasar)  # type: ignore[arg-type]


def contoh(triwulan: int = 2) -> DataInduk:
    """Two programs; all four indicator types; a zero target; a missing target; empty quarters; a program
    and a sub kegiatan with two indicators; Rp only on sub kegiatan; text that looks like a formula."""
    rows = [
        bi("2.17.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "Persentase realisasi anggaran",
           J.PERSENTASE, satuan="%", t_renstra=100, lalu=97, target=100, tw=(16, 31, 55, 97),
           sasaran="Meningkatnya kinerja pelayanan", pj="Sekretariat", target_tw=(25, 50, 75, 100)),
        bi("2.17.01", "", "Nilai SAKIP", J.NILAI_AKHIR, satuan="nilai", t_renstra=80, lalu=65, target=70,
           tw=(None, 68, None, 71)),
        bi("2.17.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja", "Jumlah dokumen perencanaan",
           t_renstra=12, lalu=2, target=12, tw=(3, 3, 3, 3), n1=12),
        bi("2.17.01.2.01.01", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah dokumen disusun",
           t_renstra=10, lalu=5, target=5, tw=(2, None, 1, 2), rp=(8_844_800, 1_980_000, 6_864_800),
           tw_rp=(540_000, None, 1_000_000, 2_500_000), n1=5, pagu_n1=7_000_000, lokasi="Kota Pontianak",
           sumber="PAD", pj="Subbag Perencanaan"),
        bi("2.17.01.2.01.02", "=Koordinasi dan Penyusunan RKA", "+Jumlah sub kegiatan pada RKA", t_renstra=100,
           lalu=50, target=0, tw=(0, None, None, None), rp=(2_077_000, None, 2_077_000),
           tw_rp=(None, 100_000, None, None), n1=50, pagu_n1=2_500_000),
        bi("2.17.01.2.01.02", "", "Jumlah dokumen perubahan", t_renstra=None, lalu=None, target=None,
           tw=(1, None, None, None)),
        bi("2.17.01.2.02", "Administrasi Keuangan Perangkat Daerah", "Jangka waktu administrasi keuangan",
           satuan="Bulan", t_renstra=48, lalu=12, target=12, tw=(3, 3, None, None)),
        bi("2.17.01.2.02.01", "Penyediaan Gaji dan Tunjangan ASN", "Jangka waktu penyediaan gaji", satuan="Bulan",
           t_renstra=48, lalu=12, target=12, tw=(3, 3, 3, 3), rp=(15_970_442_994, 7_805_036_664, 7_863_041_117),
           tw_rp=(1_675_018_357, 1_973_244_136, 2_000_000_000, 2_100_000_000), n1=12, pagu_n1=8e9),
        bi("2.17.03", "PROGRAM PENGAWASAN DAN PEMERIKSAAN KOPERASI", "Persentase koefisien variasi harga",
           J.MENURUN, satuan="%", t_renstra=5, lalu=6, target=5, tw=(6, 4.5, None, None),
           sasaran="-Stabilnya harga"),
        bi("2.17.03.2.01", "Pemeriksaan dan Pengawasan Koperasi", "Tingkat inflasi pangan", J.MENURUN,
           satuan="%", t_renstra=0, lalu=0, target=0, tw=(0, 0, 0, 0)),
        bi("2.17.03.2.01.01", "Pemeriksaan dan Pengawasan Koperasi", "Jumlah koperasi diperiksa",
           satuan="Koperasi", t_renstra=200, lalu=90, target=40, tw=(10, 15, 12, 3),
           rp=(500_000_000, 200_000_000, 100_000_000), tw_rp=(20_000_000, 30_000_000, 25_000_000, 10_000_000),
           target_tw=(10, None, None, None)),
        bi("2.17.03.2.01.02", "@Penilaian Kesehatan KSP", "Jumlah KSP dinilai", satuan="KSP", t_renstra=None,
           lalu=None, target=None, tw=(None,) * 4, rp=(None, None, 50_000_000)),
    ]
    return DataInduk(info=info(triwulan), baris=rows)


# ------------------------------------------------------------------------------------------------ helpers

def kolom(form: str) -> dict[str, str]:
    """Slot key -> column letter of a committed template (the tests never assume fixed letters)."""
    return cari_prototipe(load_workbook(DIR_TEMPLAT / f"{FORM[form][0]}.xlsx").worksheets[0]).kolom


def baris_jenis(ws) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    """(sheet row, helper-column code) of every generated body row."""
    return [(c.row, c.value) for c in ws["A"] if isinstance(c.value, str) and c.value.isupper() and c.row > 3]


def tulis_data_induk(path: Path, data: DataInduk) -> Path:
    """A Data Induk file built from the official template (renja_xl.contoh.isi_buku fills it)."""
    from renja_xl.data_induk.templat import buat_templat as templat_data
    from renja_xl.data_induk.tulis import isi_buku as isi_data

    wb = templat_data()
    isi_data(wb, data.info, data.baris)
    wb.save(path)
    return path


# ------------------------------------------------------------------------------------------------ templates

@pytest.mark.parametrize("nama", [v[0] for v in FORM.values()])
def test_templat_tersimpan_sama_dengan_skrip(nama: str) -> None:
    """The committed .xlsx is what buat_templat.py builds (so the script reproduces it)."""
    baru = buat_templat(nama).worksheets[0]
    lama = load_workbook(DIR_TEMPLAT / f"{nama}.xlsx").worksheets[0]
    assert [[c.value for c in r] for r in baru.iter_rows()] == [[c.value for c in r] for r in lama.iter_rows()]
    assert sorted(map(str, baru.merged_cells.ranges)) == sorted(map(str, lama.merged_cells.ranges))
    p = cari_prototipe(lama)
    assert {"program", "kegiatan", "sub_kegiatan", "lanjutan"} <= set(p.baris)
    assert ke_bytes(nama) == ke_bytes(nama)          # no timestamps: the build is byte-for-byte repeatable


# ------------------------------------------------------------------------------------------------ rows

def test_e81_urutan_baris_mengikuti_pohon() -> None:
    ws = isi_buku(contoh(), "e81", 2).worksheets[0]
    kode = [k for _, k in baris_jenis(ws)]
    assert kode == ["PRG", "LNJ", "KEG", "SUB", "SUB", "LNJ", "KEG", "SUB", "RATA_PROGRAM", "PREDIKAT_PROGRAM",
                    "PRG", "KEG", "SUB", "SUB", "RATA_PROGRAM", "PREDIKAT_PROGRAM", "JUMLAH", "RATA_OPD",
                    "PREDIKAT_OPD"]


def test_e81_rumus_per_jenis_indikator() -> None:
    k = kolom("e81")
    ws = isi_buku(contoh(), "e81", 2).worksheets[0]
    rows = dict((kode, r) for r, kode in reversed(baris_jenis(ws)))  # first row of each kind
    prg = rows["PRG"]
    # persentase: last filled quarter, nested IF(ISNUMBER()), never a sum
    f = ws[f"{k['realisasi_k']}{prg}"].value
    assert f.startswith("=IF(ISNUMBER(") and "SUM" not in f
    # kumulatif: sum of the quarters
    keg = rows["KEG"]
    assert "SUM(" in ws[f"{k['realisasi_k']}{keg}"].value
    # roll-up of Rp on a node with children, typed value on a leaf
    assert "SUMIFS" in ws[f"{k['target_rp']}{prg}"].value
    assert ws[f"{k['target_rp']}{rows['SUB']}"].value == 6_864_800
    # every division is guarded: no target -> "" instead of #DIV/0!
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.startswith("=") and "/" in c.value:
                assert 'IF(NOT(ISNUMBER(' in c.value or "COUNT" in c.value, c.coordinate
    # menurun: target / realisasi
    prg2 = [r for r, kd in baris_jenis(ws) if kd == "PRG"][1]
    f = ws[f"{k['capaian_renstra_k']}{prg2}"].value
    assert f"{k['target_renstra_k']}{prg2}/{k['renstra_k']}{prg2}" in f


@pytest.mark.parametrize("tw", [1, 2, 3, 4])
def test_triwulan_setelah_yang_dievaluasi_kosong(tw: int) -> None:
    k = kolom("e81")
    ws = isi_buku(contoh(tw), "e81", tw).worksheets[0]
    assert ws.title == f"E.81 TW {('I', 'II', 'III', 'IV')[tw - 1]}"
    sub = [r for r, kd in baris_jenis(ws) if kd == "SUB"][-2]   # 2.17.01.2.02.01: all four quarters in the master
    for i in range(1, 5):
        v = ws[f"{k[f'tw{i}_k']}{sub}"].value
        assert (v is not None) == (i <= tw)
    judul = " ".join(str(c.value) for c in ws[3] if c.value)      # centred over the first page wide
    assert f"Triwulan {('I', 'II', 'III', 'IV')[tw - 1]}" in judul


def test_teks_berawalan_rumus_tetap_teks(tmp_path: Path) -> None:
    wb = isi_buku(contoh(), "e81-renja", 2)
    p = tmp_path / "x.xlsx"
    wb.save(p)
    ws = load_workbook(p).worksheets[0]
    k = kolom("e81-renja")
    teks = {ws[f"{k['uraian']}{r}"].value for r, _ in baris_jenis(ws)} | \
        {ws[f"{k['sasaran']}{r}"].value for r, _ in baris_jenis(ws)}
    assert "=Koordinasi dan Penyusunan RKA" in teks and "@Penilaian Kesehatan KSP" in teks
    assert "-Stabilnya harga" in teks
    for r, _ in baris_jenis(ws):
        c = ws[f"{k['uraian']}{r}"]
        if isinstance(c.value, str) and c.value[:1] in "=+-@":
            assert c.data_type == "s"


def test_tata_cetak_dan_bekukan() -> None:
    for form in FORM:
        ws = isi_buku(contoh(), form, 2).worksheets[0]
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 14   # F4/Folio
        # an explicit scale (manual breaks hold in Excel only without "fit to page"), never below 7 pt
        assert not ws.sheet_properties.pageSetUpPr.fitToPage and 70 <= ws.page_setup.scale <= 100
        assert "Halaman &P dari &N" in ws.oddFooter.right.text
        assert ws.print_title_rows
        assert ws.freeze_panes
        area = str(ws.print_area)
        akhir = int("".join(ch for ch in area.split(":")[-1] if ch.isdigit()))
        terakhir_isi = max(c.row for row in ws.iter_rows() for c in row if c.value not in (None, ""))
        assert akhir >= terakhir_isi, form


def test_predikat_berwarna_dan_merujuk_skala() -> None:
    k = kolom("e81")
    ws = isi_buku(contoh(), "e81", 2).worksheets[0]
    pred = [r for r, kd in baris_jenis(ws) if kd.startswith("PREDIKAT")]
    assert len(pred) == 3
    sel_cf = " ".join(str(cf.sqref) for cf in ws.conditional_formatting)
    for r in pred:
        assert f"{k['capaian_renstra_k']}{r}" in sel_cf
        assert "'Skala Predikat'!" in ws[f"{k['capaian_renstra_k']}{r}"].value


def test_skala_lain_ditulis_dan_dirujuk() -> None:
    from renja_xl.predikat import Skala

    skala = Skala(((0.0, "Kurang"), (60.0, "Cukup"), (85.0, "Baik")), "contoh")
    wb = isi_buku(contoh(), "e81", 2, skala=skala)
    s = wb["Skala Predikat"]
    assert [(s.cell(r, 1).value, s.cell(r, 2).value) for r in range(2, 5)] == skala.ke_baris()
    ws = wb.worksheets[0]
    r = [r for r, kd in baris_jenis(ws) if kd == "PREDIKAT_OPD"][0]
    assert "$A$2:$B$4" in ws[f"{kolom('e81')['capaian_renstra_k']}{r}"].value


def test_ringkasan_grafik_dan_countif() -> None:
    wb = isi_buku(contoh(), "e81", 2)
    ws = wb["Ringkasan"]
    assert len(ws._charts) == 2
    rumus = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert sum("COUNTIF(" in f for f in rumus) == 5
    assert any("'E.81 TW II'!" in f for f in rumus)


def test_rencana_aksi_target_turunan_ditandai() -> None:
    k = kolom("rencana-aksi")
    ws = isi_buku(contoh(), "rencana-aksi", 2).worksheets[0]
    rows = [r for r, kd in baris_jenis(ws)]
    turunan = [ws[f"{k['target_tw1']}{r}"] for r in rows
               if isinstance(ws[f"{k['target_tw1']}{r}"].value, str)]
    assert turunan, "tidak ada target triwulan yang diturunkan"
    for c in turunan:
        assert c.font.italic and c.comment is not None and "diturunkan dari target tahunan" in c.comment.text
    # typed quarters stay typed; a partly typed row is not derived
    prg = rows[0]
    assert [ws[f"{k[f'target_tw{i}']}{prg}"].value for i in range(1, 5)] == [25, 50, 75, 100]
    sebagian = [r for r in rows if ws[f"{k['target_tw1']}{r}"].value == 10][0]
    assert ws[f"{k['target_tw2']}{sebagian}"].value is None


def test_semua_formulir_jatuh_tempo() -> None:
    wb = isi_buku_semua(contoh(3))
    assert wb.sheetnames == ["E.81 TW I", "E.81 TW II", "E.81 TW III", "T-C.29", "T-C.33", "Rencana Aksi",
                             "Ringkasan", "Skala Predikat", "_renja_xl"]


def test_templat_tanpa_kolom_yang_dibutuhkan_rumus(tmp_path: Path) -> None:
    wb = load_workbook(DIR_TEMPLAT / "e81.xlsx")
    ws = wb.worksheets[0]
    for row in ws.iter_rows():
        for c in row:
            if c.value == "{{ isi.tw1_k }}":
                c.value = None
    wb.save(tmp_path / "e81.xlsx")
    with pytest.raises(GalatPengguna, match="tw1_k"):
        isi_buku(contoh(), "e81", 2, templat=tmp_path)


# ------------------------------------------------------------------------------------------------ files and CLI

def test_buat_dari_berkas_dan_tidak_menimpa(tmp_path: Path) -> None:
    di = tulis_data_induk(tmp_path / "di.xlsx", contoh())
    out = buat(di, "tc33", None, tmp_path / "o.xlsx")
    assert load_workbook(out).sheetnames[0] == "T-C.33"
    isi = out.read_bytes()
    with pytest.raises(GalatPengguna, match="sudah ada"):
        buat(di, "e81", 2, out)
    assert out.read_bytes() == isi
    buat(di, "e81", 2, out, timpa=True)
    assert load_workbook(out).sheetnames[0] == "E.81 TW II"
    with pytest.raises(GalatPengguna, match="Data Induk tidak pernah ditimpa"):
        buat(di, "e81", 2, di, timpa=True)
    assert buat_semua(di, tmp_path / "s.xlsx").exists()


def _rusak(path: Path) -> Path:
    wb = load_workbook(path)
    ws = wb["Data"]
    kol = [c.column for c in ws[1] if c.value == "Target Renja K"][0]
    ws.cell(2, kol).value = "dua belas"
    wb.save(path)
    return path


def test_cli(tmp_path: Path) -> None:
    from renja_xl.cli import app

    di = tulis_data_induk(tmp_path / "di.xlsx", contoh())
    run = CliRunner().invoke
    r = run(app, ["buat", str(di), "--form", "e81", "--triwulan", "1", "-o", str(tmp_path / "a.xlsx")])
    assert r.exit_code == 0, r.output
    assert load_workbook(tmp_path / "a.xlsx").sheetnames[0] == "E.81 TW I"
    r = run(app, ["buat", str(di), "--semua", "-o", str(tmp_path / "b.xlsx")])
    assert r.exit_code == 0 and (tmp_path / "b.xlsx").exists()
    r = run(app, ["buat", str(di), "--semua", "--e81", "e81-renja", "-o", str(tmp_path / "r.xlsx")])
    assert r.exit_code == 0, r.output
    assert load_workbook(tmp_path / "r.xlsx").sheetnames[:2] == ["E.81 Renja TW I", "E.81 Renja TW II"]
    r = run(app, ["buat", str(di), "--semua", "--e81", "e99", "-o", str(tmp_path / "x.xlsx")])
    assert r.exit_code != 0 and not (tmp_path / "x.xlsx").exists()
    for args in (["--form", "e99"], ["--form", "e81", "--triwulan", "5"], [], ["--semua", "--form", "e81"]):
        r = run(app, ["buat", str(di), *args, "-o", str(tmp_path / "c.xlsx")])
        assert r.exit_code != 0
        assert isinstance(r.exception, (GalatPengguna, SystemExit))
        assert not (tmp_path / "c.xlsx").exists()


def test_data_induk_rusak_tidak_menulis_apa_pun_kecuali_paksa(tmp_path: Path) -> None:
    di = _rusak(tulis_data_induk(tmp_path / "di.xlsx", contoh()))
    with pytest.raises(GalatPengguna, match="Target Renja K|dua belas"):
        buat(di, "e81", 2, tmp_path / "o.xlsx")
    assert not (tmp_path / "o.xlsx").exists()
    out = buat(di, "e81", 2, tmp_path / "o.xlsx", paksa=True)
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Masalah Data Induk"
    ws = wb["E.81 TW II"]
    merah = [c for row in ws.iter_rows() for c in row
             if c.fill is not None and c.fill.fgColor is not None and c.fill.fgColor.rgb in ("00FF9999", "FFFF9999")]
    assert merah and all(c.comment is not None and "Tidak dapat diisi" in c.comment.text for c in merah)
    k = kolom("e81")
    assert any(c.column_letter == k["target_k"] for c in merah)


def test_main_galat_keluar_dua(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from renja_xl.cli import main

    with pytest.raises(SystemExit) as e:
        main(["buat", str(tmp_path / "tidak-ada.xlsx"), "--form", "e81", "-o", str(tmp_path / "o.xlsx")])
    assert e.value.code == 2
    assert "tidak ditemukan" in capsys.readouterr().err


def test_cli_templat_pengguna(tmp_path: Path) -> None:
    """--templat takes a folder of restyled templates (here: a new title wording)."""
    from renja_xl.cli import app

    folder = tmp_path / "templat"
    folder.mkdir()
    wb = load_workbook(DIR_TEMPLAT / "tc33.xlsx")
    wb.worksheets[0]["B1"] = "TABEL 4.1 VERSI {{ info.pemda | upper }}"
    wb.save(folder / "tc33.xlsx")
    di = tulis_data_induk(tmp_path / "di.xlsx", contoh())
    r = CliRunner().invoke(app, ["buat", str(di), "--form", "tc33", "--templat", str(folder),
                                 "-o", str(tmp_path / "o.xlsx")])
    assert r.exit_code == 0, r.output
    assert load_workbook(tmp_path / "o.xlsx").worksheets[0]["B1"].value == "TABEL 4.1 VERSI KOTA PONTIANAK"
    r = CliRunner().invoke(app, ["buat", str(di), "--form", "e81", "--templat", str(folder),
                                 "-o", str(tmp_path / "p.xlsx")])
    assert r.exit_code != 0 and "e81.xlsx" in r.output + str(r.exception)   # the CLI prints its error
    assert not (tmp_path / "p.xlsx").exists()


def test_baris_berteks_panjang_cukup_tinggi_untuk_dicetak() -> None:
    """Long names wrap to several lines; the row is tall enough to show them (no clipped names on paper)."""
    data = contoh()
    panjang = data.baris[0].uraian + " " + "dan Pelaksanaan Urusan Pemerintahan Daerah " * 4
    data = DataInduk(data.info, [data.baris[0].__class__(**{**data.baris[0].__dict__, "uraian": panjang}),
                                 *data.baris[1:]])
    ws = isi_buku(data, "e81", 2).worksheets[0]
    k = kolom("e81")
    r_panjang = next(c.row for c in ws[k["kode_uraian"]] if isinstance(c.value, str) and panjang in c.value)
    tinggi = ws.row_dimensions[r_panjang].height
    lebar = ws.column_dimensions[k["kode_uraian"]].width
    assert tinggi is not None and tinggi >= 13 * (len(panjang) // (lebar * 1.2))   # at least one line per width
    pendek = [ws.row_dimensions[c.row].height for c in ws[k["kode_uraian"]]
              if isinstance(c.value, str) and c.row > r_panjang and len(c.value) < len(panjang) / 3]
    assert pendek and max(h or 15 for h in pendek) < tinggi
