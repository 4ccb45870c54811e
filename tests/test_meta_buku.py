"""Generated workbooks describe themselves (hidden sheet ``_renja_xl`` + document properties, format in
``renja_xl.meta``) and show a lower-is-better indicator as such on every form."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import load_workbook

from renja_xl import meta
from renja_xl.capaian import JenisIndikator as J
from renja_xl.generator import isi_buku, isi_buku_semua
from renja_xl.generator.bentuk import TANDA_MENURUN

from test_generator import contoh

_JENIS_BARIS = {"PRG": "program", "KEG": "kegiatan", "SUB": "sub_kegiatan", "LNJ": "lanjutan",
                "RATA_PROGRAM": "rata_program", "PREDIKAT_PROGRAM": "predikat_program", "JUMLAH": "jumlah",
                "RATA_OPD": "rata_opd", "PREDIKAT_OPD": "predikat_opd"}
_FORM = ("E.81 TW I", "E.81 TW II", "E.81 TW III", "E.81 TW IV", "T-C.29", "T-C.33", "Rencana Aksi")


def _simpan_baca(tmp_path: Path, wb) -> tuple[object, dict[tuple[str, int], meta.BarisMeta]]:  # type: ignore[no-untyped-def]
    p = tmp_path / "o.xlsx"
    wb.save(p)
    wb2 = load_workbook(p)
    ws = wb2[meta.LEMBAR_META]
    return wb2, meta.dari_baris([list(r) for r in ws.iter_rows(values_only=True)])


def test_setiap_baris_formulir_tercatat(tmp_path: Path) -> None:
    data = contoh(4)
    wb, peta = _simpan_baca(tmp_path, isi_buku_semua(data))
    assert wb.sheetnames[-1] == meta.LEMBAR_META and wb[meta.LEMBAR_META].sheet_state == "veryHidden"
    per_baris = {b.baris: b for b in data.baris}
    n_indikator = 0
    for judul in _FORM:
        ws = wb[judul]
        tubuh = [(c.row, c.value) for c in ws["A"] if c.value in _JENIS_BARIS]
        assert tubuh, judul
        dicatat = sorted(r for (lembar, r) in peta if lembar == judul)
        assert dicatat == [r for r, _ in tubuh], judul
        for r, kode in tubuh:
            m = peta[(judul, r)]
            assert m.jenis_baris == _JENIS_BARIS[kode], (judul, r)
            if m.baris_data_induk is not None:
                b = per_baris[m.baris_data_induk]
                assert (m.jenis_indikator, m.kode, m.satuan, m.indikator) == (b.jenis, b.kode, b.satuan,
                                                                               b.indikator), (judul, r)
                n_indikator += 1
            elif kode == "RATA_PROGRAM":
                assert m.kode in {b.kode for b in data.baris}
    assert n_indikator == 7 * len(data.baris)
    # two indicators of one node: the second is lanjutan with its index
    lanjut = [m for m in peta.values() if m.jenis_baris == "lanjutan"]
    assert lanjut and all(m.urut_indikator == 1 for m in lanjut)
    props = {p.name: p.value for p in wb.custom_doc_props}
    assert props[meta.PROP_FORMAT] == meta.FORMAT and props[meta.PROP_VERSI]


def test_satu_formulir_juga_tercatat(tmp_path: Path) -> None:
    wb, peta = _simpan_baca(tmp_path, isi_buku(contoh(2), "tc29", 2))
    assert {lembar for lembar, _ in peta} == {"T-C.29"}
    assert {m.jenis_indikator for m in peta.values()} == set(J)


def test_data_induk_dari_berkas_dinamai(tmp_path: Path) -> None:
    from renja_xl.generator import buat

    from test_generator import tulis_data_induk

    di = tulis_data_induk(tmp_path / "Dinas Kesehatan 2024.xlsx", contoh(2))
    out = buat(di, "e81", 2, tmp_path / "e81.xlsx")
    props = {p.name: p.value for p in load_workbook(out).custom_doc_props}
    assert props[meta.PROP_DATA_INDUK] == "Dinas Kesehatan 2024.xlsx"


def test_indikator_menurun_ditandai_satuan_tetap_terakhir() -> None:
    data = contoh(4)
    wb = isi_buku_semua(data)
    menurun = {b.indikator for b in data.baris if b.jenis is J.MENURUN}
    assert menurun
    satuan_akhir = re.compile(r"\(([^()]{1,30})\)\s*$")      # how a reader finds the unit (periksa)
    for judul in _FORM:
        ws = wb[judul]
        teks = [str(c.value) for row in ws.iter_rows() for c in row
                if isinstance(c.value, str) and any(c.value.startswith(m) for m in menurun)]
        assert teks, judul
        for t in teks:
            assert TANDA_MENURUN in t, (judul, t)
            if judul != "Rencana Aksi":                        # Rencana Aksi has its own Satuan column
                m = satuan_akhir.search(t)
                assert m and m.group(1) == "%", t
    tanda = [str(c.value) for ws in wb.worksheets[:-1] for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and TANDA_MENURUN in c.value]
    assert all(any(t.startswith(m) for m in menurun) for t in tanda)
