"""The self-description format of generated workbooks round-trips and refuses what it does not know."""

from __future__ import annotations

from renja_xl.capaian import JenisIndikator
from renja_xl.meta import KOLOM, BarisMeta, dari_baris, ke_baris


def test_bolak_balik() -> None:
    m = [BarisMeta("E.81 TW I", 10, "program", "1.02.02", 0, JenisIndikator.MENURUN, 7, "%", "Prevalensi stunting"),
         BarisMeta("E.81 TW I", 30, "rata_opd")]
    peta = dari_baris(ke_baris(m))
    assert peta[("E.81 TW I", 10)] == m[0] and peta[("E.81 TW I", 30)] == m[1]


def test_nilai_seperti_dibaca_dari_excel() -> None:
    """Excel and calamine give numbers as floats and blanks as None or ''."""
    rows = [list(KOLOM), ["T-C.29", 12.0, "lanjutan", "2.17.02", 1.0, "Nilai Akhir", 12.0, "", ""],
            ["T-C.29", "x", "program", "", "", "", "", "", ""]]
    peta = dari_baris(rows)
    assert list(peta) == [("T-C.29", 12)]
    b = peta[("T-C.29", 12)]
    assert b.jenis_indikator is JenisIndikator.NILAI_AKHIR and b.baris_data_induk == 12 and b.urut_indikator == 1


def test_kepala_asing_diabaikan() -> None:
    assert dari_baris([["lembar", "baris"], ["A", 1]]) == {}
    assert dari_baris([]) == {}
