"""Every generated workbook recalculated by a real spreadsheet engine (LibreOffice, one batch), compared
row by row with the core's own computation from the master (renja_xl.capaian, renja_xl.predikat).

Covers all five forms, all four indicator types, zero and missing targets, empty quarters, multi-indicator
rows, triwulan 1..4, the --semua workbook, the Pontianak example Data Induk and a user-edited template.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Font, PatternFill

from renja_xl.capaian import (JenisIndikator, capaian, rata_rata, realisasi_renstra, realisasi_tahun,
                              tingkat_realisasi)
from renja_xl.data_induk import BarisIndikator, DataInduk, NodePohon
from renja_xl.generator import FORM, isi_buku, isi_buku_semua
from renja_xl.generator.bentuk import nilai_target_turunan
from renja_xl.generator.buat_templat import DIR_TEMPLAT
from renja_xl.generator.templat import cari_prototipe
from renja_xl.kode import Tingkat
from renja_xl.predikat import predikat

from test_generator import contoh

K = JenisIndikator.KUMULATIF
KODE = {Tingkat.PROGRAM: "PRG", Tingkat.KEGIATAN: "KEG", Tingkat.SUB_KEGIATAN: "SUB"}
INDIKATOR = {"PRG", "KEG", "SUB", "LNJ"}


# ------------------------------------------------------------------------------------------------ expectations

def _jumlah(vs: list[float | None]) -> float | None:
    isi = [v for v in vs if v is not None]
    return math.fsum(isi) if isi else None


def rp_node(n: NodePohon, tw: int) -> dict[str, float | None]:
    """Rp of a node as the core sees it: typed on the leaf, summed over the children otherwise."""
    if n.anak:
        anak = [rp_node(a, tw) for a in n.anak]
        hasil = {k: _jumlah([a[k] for a in anak]) for k in anak[0]}
    else:
        b = n.baris[0]
        hasil = {"target_renstra_rp": b.target_renstra_rp, "realisasi_lalu_rp": b.realisasi_lalu_rp,
                 "target_rp": b.target_rp, "pagu_n1": b.pagu_n1,
                 **{f"tw{i}_rp": (b.tw_rp[i - 1] if i <= tw else None) for i in range(1, 5)}}
    return hasil


def rp_turunan(rp: dict[str, float | None]) -> dict[str, float | None]:
    real = realisasi_tahun([rp[f"tw{i}_rp"] for i in range(1, 5)], K)
    renstra = realisasi_renstra(rp["realisasi_lalu_rp"], real, K)
    return {**rp, "realisasi_rp": real, "renstra_rp": renstra,
            "capaian_renja_rp": capaian(real, rp["target_rp"], K).nilai,
            "capaian_renstra_rp": capaian(renstra, rp["target_renstra_rp"], K).nilai}


def k_turunan(b: BarisIndikator, tw: int) -> dict[str, float | None]:
    real = realisasi_tahun(b.tw_k[:tw], b.jenis, huruf=b.berhuruf)
    renstra = realisasi_renstra(b.realisasi_lalu_k, real, b.jenis, huruf=b.berhuruf)
    return {"target_k": b.target_k, "realisasi_k": real, "renstra_k": renstra,
            "capaian_renja_k": capaian(real, b.target_k, b.jenis).nilai,
            "capaian_renstra_k": capaian(renstra, b.target_renstra_k, b.jenis).nilai,
            **{f"tw{i}_k": (b.tw_k[i - 1] if i <= tw else None) for i in range(1, 5)}}


def urutan(data: DataInduk) -> Iterator[tuple[NodePohon, BarisIndikator | None, bool, NodePohon]]:
    """Body rows in the generator's order: (node, indicator, first row of the node, its program)."""
    def jalan(n: NodePohon, prog: NodePohon) -> Iterator[tuple[NodePohon, BarisIndikator | None, bool, NodePohon]]:
        for j, b in enumerate(n.baris or [None]):
            yield n, b, j == 0, prog
        for a in n.anak:
            yield from jalan(a, prog)
    for p in data.pohon():
        yield from jalan(p, p)


def harapan_e81(data: DataInduk, tw: int, cap: tuple[str, ...]) -> list[tuple[str, dict[str, Any]]]:
    """(helper code, {slot: expected value}) for every body row of an E.81 sheet."""
    keluar: list[tuple[str, dict[str, Any]]] = []
    semua_k: dict[str, list[float | None]] = {c: [] for c in cap}
    program_rp: list[dict[str, float | None]] = []
    for p in data.pohon():
        per_prog: dict[str, list[float | None]] = {c: [] for c in cap}
        for n, b, pertama, _ in urutan(DataInduk(data.info, [x for x in data.baris if x.kode.startswith(p.kode)])):
            nilai: dict[str, Any] = {}
            if pertama:
                nilai.update(rp_turunan(rp_node(n, tw)))
                if n.tingkat == Tingkat.PROGRAM:
                    program_rp.append(nilai.copy())
            if b is not None:
                nilai.update(k_turunan(b, tw))
            for c in cap:
                if c in nilai:
                    per_prog[c].append(nilai[c])
                    semua_k[c].append(nilai[c])
            keluar.append((KODE[n.tingkat] if pertama else "LNJ", nilai))
        rata = {c: rata_rata(per_prog[c]).nilai for c in cap}
        keluar.append(("RATA_PROGRAM", rata))
        keluar.append(("PREDIKAT_PROGRAM", {c: predikat(rata[c]) or "" for c in cap}))
    rp_kunci = ("target_renstra_rp", "realisasi_lalu_rp", "target_rp", "tw1_rp", "tw2_rp", "tw3_rp", "tw4_rp",
                "realisasi_rp", "renstra_rp")
    keluar.append(("JUMLAH", {k: _jumlah([p[k] for p in program_rp]) for k in rp_kunci}))
    rata = {c: rata_rata(semua_k[c]).nilai for c in cap}
    keluar.append(("RATA_OPD", rata))
    keluar.append(("PREDIKAT_OPD", {c: predikat(rata[c]) or "" for c in cap}))
    return keluar


# ------------------------------------------------------------------------------------------------ comparison

def sama(lo: object, harap: object) -> bool:
    if harap is None:
        return lo == ""
    if isinstance(harap, str):
        return lo == harap
    return isinstance(lo, float) and lo == pytest.approx(float(harap), rel=1e-9, abs=1e-9)  # type: ignore[arg-type]


def baris_tubuh(lembar: Any) -> list[tuple[int, str]]:
    return [(i + 1, row[0]) for i, row in enumerate(lembar.nilai)
            if row and isinstance(row[0], str) and row[0].isupper() and row[0]]


def nilai(lembar: Any, kolom: dict[str, str], r: int, kunci: str) -> object:
    return lembar.sel(f"{kolom[kunci]}{r}")


def cek_tanpa_galat(buku: dict[str, Any]) -> None:
    for nama, lembar in buku.items():
        assert lembar.galat == {}, f"{nama}: {lembar.galat}"
        for row in lembar.nilai:
            for v in row:
                assert not (isinstance(v, str) and (v.startswith("#") or v.startswith("Err:"))), (nama, v)


def cek_tabel(lembar: Any, kolom: dict[str, str], harapan: list[tuple[str, dict[str, Any]]]) -> int:
    """Compare every body row; returns how many cells were compared."""
    rows = baris_tubuh(lembar)
    assert [k for _, k in rows] == [k for k, _ in harapan]
    n = 0
    for (r, _), (kode, nilai_harap) in zip(rows, harapan):
        for kunci, v in nilai_harap.items():
            if kunci not in kolom:
                continue
            lo = nilai(lembar, kolom, r, kunci)
            assert sama(lo, v), f"baris {r} ({kode}) {kunci}: LibreOffice {lo!r}, inti {v!r}"
            n += 1
    return n


def cek_jumlah_anak(lembar: Any, kolom: dict[str, str], kunci: tuple[str, ...]) -> int:
    """Totals equal the sum of their children, read from the recalculated sheet itself."""
    rows = baris_tubuh(lembar)
    n = 0
    for idx, (r, kode) in enumerate(rows):
        anak_kode = {"PRG": "KEG", "KEG": "SUB"}.get(kode)
        if anak_kode is None:
            continue
        anak = []
        for r2, k2 in rows[idx + 1:]:
            if k2 == kode or k2 in ("RATA_PROGRAM", "PRG") or (kode == "KEG" and k2 == "KEG"):
                break
            if k2 == anak_kode:
                anak.append(r2)
        if not anak:
            continue
        for k in kunci:
            vs = [nilai(lembar, kolom, a, k) for a in anak]
            angka = [v for v in vs if isinstance(v, float)]
            induk = nilai(lembar, kolom, r, k)
            if angka:
                assert induk == pytest.approx(math.fsum(angka)), (r, k)
                n += 1
            else:
                assert induk == ""
    jumlah = [r for r, k in rows if k == "JUMLAH"]
    for r in jumlah:
        prg = [rr for rr, k in rows if k == "PRG"]
        for k in kunci:
            angka = [v for v in (nilai(lembar, kolom, p, k) for p in prg) if isinstance(v, float)]
            if angka:
                assert nilai(lembar, kolom, r, k) == pytest.approx(math.fsum(angka))
                n += 1
    return n


# ------------------------------------------------------------------------------------------------ the batch

def kolom_templat(form: str, folder: Path = DIR_TEMPLAT) -> dict[str, str]:
    return cari_prototipe(load_workbook(folder / f"{FORM[form][0]}.xlsx").worksheets[0]).kolom


def templat_diubah(folder: Path) -> Path:
    """A user's edit of e81.xlsx: Sasaran and Indikator columns swapped, Unit penanggung jawab moved two
    columns right, header restyled, title reworded."""
    wb = load_workbook(DIR_TEMPLAT / "e81.xlsx")
    ws = wb.worksheets[0]
    kol = cari_prototipe(ws).kolom
    a, b = kol["sasaran"], kol["indikator"]
    for r in range(1, ws.max_row + 1):
        ca, cb = ws[f"{a}{r}"], ws[f"{b}{r}"]
        if type(ca).__name__ == "MergedCell" or type(cb).__name__ == "MergedCell":
            continue
        ca.value, cb.value = cb.value, ca.value
        ca._style, cb._style = cb._style, ca._style
    pj = kol["penanggung_jawab"]
    ws.move_range(f"{pj}9:{pj}{ws.max_row}", cols=2)
    for c in ws[6]:
        c.fill = PatternFill("solid", fgColor="C00000")
        c.font = Font(bold=True, color="FFFFFF")
    ws["B1"] = "EVALUASI HASIL RENJA {{ info.nama_opd | upper }} (format daerah)"
    folder.mkdir(parents=True, exist_ok=True)
    for nama in FORM.values():
        if nama[0] != "e81":
            (folder / f"{nama[0]}.xlsx").write_bytes((DIR_TEMPLAT / f"{nama[0]}.xlsx").read_bytes())
    wb.save(folder / "e81.xlsx")
    return folder


def data_pontianak() -> DataInduk | None:
    try:
        from renja_xl.contoh import BARIS_CONTOH, INFO_CONTOH
    except ImportError:  # pragma: no cover - the example lands separately
        return None
    return DataInduk(INFO_CONTOH, list(BARIS_CONTOH))


@pytest.fixture(scope="module")
def hasil(libreoffice: None, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from renja_xl.libreoffice import hitung_ulang

    d = tmp_path_factory.mktemp("gen_lo")
    diubah = templat_diubah(d / "templat")
    kasus: dict[str, Any] = {}
    for tw in range(1, 5):
        kasus[f"e81-{tw}"] = isi_buku(contoh(tw), "e81", tw)
        kasus[f"e81-renja-{tw}"] = isi_buku(contoh(tw), "e81-renja", tw)
    for form in ("tc29", "tc33", "rencana-aksi"):
        kasus[form] = isi_buku(contoh(4), form, 4)
    kasus["semua"] = isi_buku_semua(contoh(3))
    kasus["diubah"] = isi_buku(contoh(2), "e81", 2, templat=diubah)
    pont = data_pontianak()
    if pont is not None:
        kasus["pontianak"] = isi_buku(pont, "e81-renja", pont.info.triwulan)
        kasus["pontianak-semua"] = isi_buku_semua(pont)
    berkas = []
    for nama, wb in kasus.items():
        p = d / f"{nama}.xlsx"
        wb.save(p)
        berkas.append(p)
    hitung = hitung_ulang(berkas)
    return {"buku": dict(zip(kasus, hitung)), "templat_diubah": diubah}


# ------------------------------------------------------------------------------------------------ tests

def test_tidak_ada_sel_galat(hasil: dict[str, Any]) -> None:
    for nama, buku in hasil["buku"].items():
        cek_tanpa_galat(buku)
    assert len(hasil["buku"]) >= 12


_RP = ("target_renstra_rp", "realisasi_lalu_rp", "target_rp", "tw1_rp", "tw2_rp", "tw3_rp", "tw4_rp",
       "realisasi_rp", "renstra_rp")


@pytest.mark.parametrize("tw", [1, 2, 3, 4])
def test_e81_sama_dengan_inti(hasil: dict[str, Any], tw: int) -> None:
    lembar = hasil["buku"][f"e81-{tw}"][f"E.81 TW {('I', 'II', 'III', 'IV')[tw - 1]}"]
    kolom = kolom_templat("e81")
    n = cek_tabel(lembar, kolom, harapan_e81(contoh(tw), tw, ("capaian_renstra_k", "capaian_renstra_rp")))
    assert n > 200
    assert cek_jumlah_anak(lembar, kolom, _RP) > 20


@pytest.mark.parametrize("tw", [1, 2, 3, 4])
def test_e81_renja_sama_dengan_inti(hasil: dict[str, Any], tw: int) -> None:
    lembar = hasil["buku"][f"e81-renja-{tw}"][f"E.81 Renja TW {('I', 'II', 'III', 'IV')[tw - 1]}"]
    kolom = kolom_templat("e81-renja")
    cap = ("capaian_renja_k", "capaian_renja_rp", "capaian_renstra_k", "capaian_renstra_rp")
    assert cek_tabel(lembar, kolom, harapan_e81(contoh(tw), tw, cap)) > 200
    cek_jumlah_anak(lembar, kolom, _RP)


def test_kasus_tepi_tercakup(hasil: dict[str, Any]) -> None:
    """The fixture really holds the edge cases the formulas must handle (so the comparisons mean something)."""
    data = contoh(4)
    jenis = {b.jenis for b in data.baris}
    assert jenis == set(JenisIndikator)
    status = {capaian(realisasi_tahun(b.tw_k, b.jenis), b.target_k, b.jenis).status for b in data.baris}
    assert {"ok", "target_nol", "target_kosong"} <= status
    assert any(b.tw_k[1] is None and b.tw_k[0] is not None for b in data.baris)        # empty quarter
    assert any(len(v) > 1 for v in data.per_kode().values())                            # multi-indicator
    lembar = hasil["buku"]["e81-renja-2"]["E.81 Renja TW II"]
    kolom = kolom_templat("e81-renja")
    r_menurun0 = [r for r, k in baris_tubuh(lembar) if k == "KEG"][-1]
    assert nilai(lembar, kolom, r_menurun0, "capaian_renja_k") == 100.0                  # menurun, 0 of 0
    nol = [r for r, k in baris_tubuh(lembar) if k == "SUB"][1]
    assert nilai(lembar, kolom, nol, "target_k") == 0.0
    assert nilai(lembar, kolom, nol, "capaian_renja_k") == ""                             # target 0: blank


def test_tc29_sama_dengan_inti(hasil: dict[str, Any]) -> None:
    data = contoh(4)
    lembar = hasil["buku"]["tc29"]["T-C.29"]
    kolom = kolom_templat("tc29")
    harapan = []
    for n, b, pertama, _ in urutan(data):
        v: dict[str, Any] = {}
        if b is not None:
            real = realisasi_tahun(b.tw_k, b.jenis)
            perk = realisasi_renstra(b.realisasi_lalu_k, real, b.jenis, perkiraan=b.target_n1_k)
            v = {"realisasi_k": real, "tingkat_realisasi": tingkat_realisasi(real, b.target_k, b.jenis).nilai,
                 "perkiraan_renstra": perk,
                 "capaian_perkiraan": capaian(perk, b.target_renstra_k, b.jenis).nilai,
                 "target_n1_k": b.target_n1_k}
        harapan.append((KODE[n.tingkat] if pertama else "LNJ", v))
    assert cek_tabel(lembar, kolom, harapan) > 40


def test_tc33_pagu_digulung(hasil: dict[str, Any]) -> None:
    data = contoh(4)
    lembar = hasil["buku"]["tc33"]["T-C.33"]
    kolom = kolom_templat("tc33")
    harapan: list[tuple[str, dict[str, Any]]] = []
    prog = []
    for n, b, pertama, _ in urutan(data):
        v: dict[str, Any] = {}
        if pertama:
            rp = rp_node(n, 4)
            v = {"target_rp": rp["target_rp"], "pagu_n1": rp["pagu_n1"]}
            if n.tingkat == Tingkat.PROGRAM:
                prog.append(v)
        if b is not None:
            v.update(target_k=b.target_k, target_n1_k=b.target_n1_k)
        harapan.append((KODE[n.tingkat] if pertama else "LNJ", v))
    harapan.append(("JUMLAH", {k: _jumlah([p[k] for p in prog]) for k in ("target_rp", "pagu_n1")}))
    cek_tabel(lembar, kolom, harapan)
    assert cek_jumlah_anak(lembar, kolom, ("target_rp", "pagu_n1")) >= 4


def test_rencana_aksi_target_triwulan(hasil: dict[str, Any]) -> None:
    data = contoh(4)
    lembar = hasil["buku"]["rencana-aksi"]["Rencana Aksi"]
    kolom = kolom_templat("rencana-aksi")
    harapan = []
    for n, b, pertama, _ in urutan(data):
        v: dict[str, Any] = {}
        if b is not None:
            ketik = list(b.target_tw_k)
            if all(x is None for x in ketik) and b.target_k is not None:
                ketik = nilai_target_turunan(b.target_k, b.jenis)
                if b.jenis is K:                                  # a flow: the quarters add up to the year
                    assert math.fsum(ketik) == pytest.approx(b.target_k)
                    if float(b.target_k).is_integer():
                        assert all(float(x).is_integer() for x in ketik)
                elif b.jenis is JenisIndikator.NILAI_AKHIR:       # grows to the annual value
                    assert ketik[3] == pytest.approx(b.target_k) and ketik[0] < ketik[3]
                else:                                             # a level: repeated
                    assert ketik == [b.target_k] * 4
            v = {f"target_tw{i}": ketik[i - 1] for i in range(1, 5)}
        harapan.append((KODE[n.tingkat] if pertama else "LNJ", v))
    assert cek_tabel(lembar, kolom, harapan) > 40


def cek_ringkasan(lembar: Any, data: DataInduk, tw: int) -> None:
    """Per program: mean capaian Renja (12/7) over its indicators; OPD mean; COUNTIF per predikat."""
    baris = {row[1]: row for row in lembar.nilai if len(row) > 3 and isinstance(row[0], float)}
    semua = []
    for p in data.pohon():
        caps = [capaian(realisasi_tahun(b.tw_k[:tw], b.jenis, huruf=b.berhuruf), b.target_k, b.jenis)
                for n, b, _, _ in urutan(DataInduk(data.info, [x for x in data.baris if x.kode.startswith(p.kode)]))
                if b is not None]
        semua += caps
        row = baris[f"{p.kode} {p.uraian}".strip()]
        rata = rata_rata(caps).nilai
        assert sama(row[2], rata), p.kode
        assert row[3] == (predikat(rata) or "")
    teks = {row[1]: row for row in lembar.nilai if len(row) > 3}
    opd = rata_rata(semua).nilai
    assert sama(teks["Rata-rata capaian Renja OPD (%) = 12/7"][2], opd)
    hitung: dict[str, int] = {}
    for h in semua:
        if h.nilai is not None:
            hitung[predikat(h.nilai) or ""] = hitung.get(predikat(h.nilai) or "", 0) + 1
    for kata in ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"):
        assert teks[kata][2] == float(hitung.get(kata, 0)), kata


def test_ringkasan_sama_dengan_inti(hasil: dict[str, Any]) -> None:
    cek_ringkasan(hasil["buku"]["e81-2"]["Ringkasan"], contoh(2), 2)
    cek_ringkasan(hasil["buku"]["semua"]["Ringkasan"], contoh(3), 3)


def test_semua_dalam_satu_buku(hasil: dict[str, Any]) -> None:
    buku = hasil["buku"]["semua"]
    assert list(buku)[:3] == ["E.81 TW I", "E.81 TW II", "E.81 TW III"]
    kolom = kolom_templat("e81")
    for tw in (1, 2, 3):
        cek_tabel(buku[f"E.81 TW {('I', 'II', 'III')[tw - 1]}"], kolom,
                  harapan_e81(contoh(3), tw, ("capaian_renstra_k", "capaian_renstra_rp")))
    assert buku["Skala Predikat"].sel("B6") == "Sangat Tinggi"


def test_contoh_pontianak(hasil: dict[str, Any]) -> None:
    data = data_pontianak()
    if data is None:
        pytest.skip("renja_xl.contoh belum tersedia")
    tw = data.info.triwulan
    lembar = hasil["buku"]["pontianak"][f"E.81 Renja TW {('I', 'II', 'III', 'IV')[tw - 1]}"]
    kolom = kolom_templat("e81-renja")
    cap = ("capaian_renja_k", "capaian_renja_rp", "capaian_renstra_k", "capaian_renstra_rp")
    assert cek_tabel(lembar, kolom, harapan_e81(data, tw, cap)) > 300
    assert cek_jumlah_anak(lembar, kolom, _RP) > 20
    cek_ringkasan(hasil["buku"]["pontianak"]["Ringkasan"], data, tw)


def test_templat_diubah_pengguna(hasil: dict[str, Any]) -> None:
    """Columns moved and header restyled in Excel: the generator still fills and computes correctly."""
    kolom = kolom_templat("e81", hasil["templat_diubah"])
    asli = kolom_templat("e81")
    assert kolom["indikator"] == asli["sasaran"] and kolom["penanggung_jawab"] != asli["penanggung_jawab"]
    lembar = hasil["buku"]["diubah"]["E.81 TW II"]
    assert cek_tabel(lembar, kolom, harapan_e81(contoh(2), 2, ("capaian_renstra_k", "capaian_renstra_rp"))) > 200
    cek_jumlah_anak(lembar, kolom, _RP)
    r = baris_tubuh(lembar)[0][0]
    assert "Persentase realisasi anggaran" in str(nilai(lembar, kolom, r, "indikator"))
    assert nilai(lembar, kolom, r, "penanggung_jawab") == "Sekretariat"
    assert any("(format daerah)" in str(v) for v in lembar.nilai[0])   # centred over the first page wide


def tulis_dan_baca(p: Path) -> DataInduk:
    from renja_xl.data_induk import baca_data_induk

    return baca_data_induk(p)


def test_cli_hitung_menyimpan_nilai(tmp_path: Path) -> None:
    """``buat --hitung`` (now the default, no LibreOffice needed): the saved file carries computed values (a
    viewer without a calc engine shows them)."""
    from python_calamine import CalamineWorkbook
    from typer.testing import CliRunner

    from renja_xl.cli import app
    from renja_xl.contoh import tulis_contoh

    di = tulis_contoh(tmp_path / "di.xlsx")
    out = tmp_path / "o.xlsx"
    r = CliRunner().invoke(app, ["buat", str(di), "--form", "e81", "--hitung", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    kolom = kolom_templat("e81")
    baris = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    ci = ord(kolom["capaian_renstra_rp"]) - ord("A")
    angka = [row[ci] for row in baris if row and row[0] == "SUB" and isinstance(row[ci], float)]
    assert len(angka) >= 10 and any(a > 0 for a in angka)
    ws = load_workbook(out).worksheets[0]
    asli = isi_buku(tulis_dan_baca(di), "e81").worksheets[0]
    assert ws.freeze_panes == asli.freeze_panes is not None           # header rows stay frozen
