"""The README's demo command must keep working on a fresh clone (no catalog, no ../shared)."""

from pathlib import Path

from typer.testing import CliRunner

from renja_xl.cli import app


def test_demo_membuat_buku_dan_laporan_dengan_temuan(tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["demo", "--folder", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "e81_pontianak_2022.xlsx").exists()
    assert (tmp_path / "e81_pontianak_2022_laporan.xlsx").exists()
    assert "salah" in r.output


def test_demo_membuat_formulir_dari_data_induk(tmp_path: Path) -> None:
    """The main job on the built-in example: Data Induk -> every form; with LibreOffice, checked with 0 salah."""
    from openpyxl import load_workbook

    from renja_xl import libreoffice

    r = CliRunner().invoke(app, ["demo", "--folder", str(tmp_path)])
    assert r.exit_code == 0, r.output
    nama = load_workbook(tmp_path / "formulir_pontianak_2022.xlsx", read_only=True).sheetnames
    assert {"E.81 TW I", "E.81 TW II", "T-C.29", "T-C.33", "Rencana Aksi", "Ringkasan", "Skala Predikat"} <= set(nama)
    if libreoffice.tersedia() is None:      # None: LibreOffice + UNO usable
        teks = " ".join(r.output.split())
        assert "dikenali, 0 salah" in teks, teks[:2000]
