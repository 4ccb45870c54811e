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
