"""Import -> confirm -> generate -> recalculate in LibreOffice: the regenerated E.81 differs from the original
only where the original was wrong (issue 16, "done when"), and a seed table's Data Induk regenerates forms whose
inputs equal the original and whose derived cells are the core's."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from renja_xl import generator, libreoffice
from renja_xl.cli import app
from renja_xl.contoh_tabel import e81_tangan, pontianak_e81
from renja_xl.data_induk import BarisIndikator, DataInduk, baca_data_induk, periksa_data_induk
from renja_xl.impor_induk import impor, impor_berkas
from renja_xl.impor_induk.sel import angka_sel, bagian, sama_tercetak, satuan_cetak

MASUKAN = [f.name for f in dataclasses.fields(BarisIndikator) if f.name not in ("baris", "perlu_dicek")]


def _konfirmasi(path: Path, jenis: dict[int, str] | None = None) -> None:
    """What the user does once: set the types they disagree with, then clear every "Perlu dicek" cell."""
    wb = load_workbook(path)
    ws = wb["Data"]
    judul = {str(c.value): c.column for c in ws[1] if c.value}
    for r, j in (jenis or {}).items():
        ws.cell(r, judul["Jenis Indikator"], j)
    for r in range(2, ws.max_row + 1):
        ws.cell(r, judul["Perlu dicek"]).value = None
    wb.save(path)


def _hitung(formulir: Path, tujuan: Path) -> Path:
    libreoffice.hitung_ulang([formulir], simpan_ke=[tujuan])
    return tujuan


def _data_400() -> DataInduk:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import data as bd  # noqa: E402

    src = bd.sumber(None)
    bidang = sorted(src.bidang)[0]
    baris = [dataclasses.replace(b, baris=i) for i, b in enumerate(bd.baris_opd(src, bidang, 400, 11), start=2)]
    return DataInduk(bd.info("Dinas Sintetis Empat Ratus", bidang), baris)


def test_e81_400_baris_dibuat_ulang_hanya_beda_di_kesalahan(libreoffice: None, tmp_path: Path) -> None:
    data = _data_400()
    asli = e81_tangan(data, tmp_path / "e81_tangan.xlsx", galat=15, seed=7)
    induk = tmp_path / "data_induk.xlsx"
    hasil = impor_berkas([asli.path], induk)
    # the user confirms the marked types (here: sets those the guess got wrong), then `cek` passes
    salah_tebak = {i + 2: a.jenis.value for i, (a, b) in enumerate(zip(data.baris, hasil.data.baris))
                   if a.jenis is not b.jenis}
    _konfirmasi(induk, salah_tebak)
    assert periksa_data_induk(induk) == []
    r = CliRunner().invoke(app, ["data-induk", "cek", str(induk)])
    assert r.exit_code == 0, r.output
    baru = _hitung(generator.buat(induk, "e81", None, tmp_path / "e81_baru.xlsx"), tmp_path / "e81_baru_h.xlsx")
    # cell by cell: original vs regenerated, at the same indicator, in every numbered column 5-14, and in
    # the OPD's Jumlah, Rata-rata and Predikat rows
    [b_asli] = impor([asli.path]).bacaan
    kedua = impor([baru])
    [b_baru] = kedua.bacaan
    pasangan = [(x.baris, y) for x in b_asli.baris for y in
                [next(z.baris for z in b_baru.baris if (z.kode, z.urut) == (x.kode, x.urut))]]
    kaki_baru = [r for r, _j in b_baru.kaki[-3:]]                 # JUMLAH, TOTAL RATA-RATA, PREDIKAT (OPD)
    pasangan += list(zip([r for r, _j in b_asli.kaki], kaki_baru))
    beda: set[str] = set()
    for r_asli, r_baru in pasangan:
        for (n, sub), c in b_asli.formulir.kolom.items():
            if not 5 <= n <= 14:
                continue
            s_asli, s_baru = b_asli.grid.get(r_asli, c), b_baru.grid.get(r_baru, b_baru.formulir.kol(n, sub))
            if isinstance(s_asli.nilai, str) and not any(ch.isdigit() for ch in s_asli.nilai) and s_asli.nilai \
                    .strip() not in ("-",) and s_asli.nilai.strip() != "" and n == 14:
                sama = str(s_baru.nilai or "").lower() == s_asli.nilai.strip().lower()     # a predikat
            else:
                a = bagian(angka_sel(s_asli))[0].nilai
                v = s_baru.nilai if isinstance(s_baru.nilai, (int, float)) else None
                sama = (a is None and v in (None, 0)) or (a is not None and v is not None and
                                                         sama_tercetak(a, v, satuan_cetak(s_asli)))
            if not sama:
                beda.add(f"{_huruf(c)}{r_asli}")
    assert beda == set(asli.galat), (sorted(beda - set(asli.galat)), sorted(set(asli.galat) - beda))
    # and the regenerated form agrees with the core everywhere (no note on a derived cell)
    assert not [c for c in kedua.catatan if c.jenis in ("hitung", "jumlah", "rata", "predikat")]


def _huruf(c: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(c)


def test_seed_pontianak_dibuat_ulang_masukan_sama_turunan_benar(libreoffice: None, tmp_path: Path) -> None:
    p = tmp_path / "pontianak.xlsx"
    pontianak_e81(p)
    induk = tmp_path / "data_induk.xlsx"
    pertama = impor_berkas([p], induk)
    _konfirmasi(induk)
    data = baca_data_induk(induk, paksa=True)
    baru = tmp_path / "formulir.xlsx"
    generator.buat_semua(induk, baru, paksa=True)
    dihitung = _hitung(baru, tmp_path / "formulir_h.xlsx")
    kedua = impor([dihitung])
    # derived cells of every regenerated form are the core's values
    assert not [c for c in kedua.catatan if c.jenis in ("hitung", "jumlah", "rata", "predikat")], kedua.catatan
    # inputs come back as imported from the original
    assert len(kedua.data.baris) == len(pertama.data.baris) == len(data.baris)
    beda = {(a.kode, k): (getattr(a, k), getattr(b, k)) for a, b in zip(kedua.data.baris, data.baris)
            for k in MASUKAN if k not in ("keterangan", "jenis") and getattr(a, k) != getattr(b, k)}
    assert not beda, beda
