"""Shared fixtures: where the reference data lives, and LibreOffice for real recalculation.

A newcomer's clone has no ``../shared`` and maybe no LibreOffice: those tests then skip with a message
saying what to provide. ``.ci/run`` sets ``RENJA_XL_WAJIB=1``, which turns every such skip into a failure.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import pytest

if TYPE_CHECKING:
    import typer

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RENJA_XL_SHARED", REPO.parent / "shared"))
WAJIB = os.environ.get("RENJA_XL_WAJIB") == "1"


def _tidak_ada(alasan: str) -> None:
    """Skip for a newcomer, fail in CI."""
    if WAJIB:
        pytest.fail(f"WAJIB di CI: {alasan}")
    pytest.skip(alasan)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder (seeds, seeds-spec.md, data/nomenklatur, data/wilayah)."""
    if not (SHARED / "data" / "nomenklatur").is_dir():
        _tidak_ada(f"butuh folder data bersama di {SHARED} (seeds/ dan data/nomenklatur/); "
                   "letakkan 'shared/' di samping repo atau set RENJA_XL_SHARED")
    return SHARED


@pytest.fixture()
def folder_katalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A nomenclature catalog folder of this test only (RENJA_XL_NOMENKLATUR), caches forgotten around it."""
    from renja_xl.nomenklatur import simpan

    d = tmp_path / "katalog"
    monkeypatch.setenv("RENJA_XL_NOMENKLATUR", str(d))
    simpan.lupakan_cache()
    yield d
    simpan.lupakan_cache()


@pytest.fixture()
def app_data_induk() -> "typer.Typer":
    """A root app holding only the ``data-induk`` commands (CLI tests of that group)."""
    import typer

    from renja_xl.cli.data_induk import daftar

    a = typer.Typer()

    @a.callback()
    def _akar() -> None:
        """renja-xl"""

    daftar(a)
    return a


@pytest.fixture(scope="session")
def nomenklatur_dir(shared: Path) -> Path:
    return shared / "data" / "nomenklatur"


@pytest.fixture(scope="session")
def seeds_dir(shared: Path) -> Path:
    return shared / "seeds"


@pytest.fixture(scope="session")
def libreoffice() -> None:
    """Require LibreOffice headless + UNO (recalculation through calculateAll())."""
    from renja_xl import libreoffice as lo

    alasan = lo.tersedia()
    if alasan:
        _tidak_ada(alasan)


@pytest.fixture(autouse=True)
def _katalog_terpisah(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never let a test touch the user's real catalog directory."""
    if "RENJA_XL_NOMENKLATUR" not in os.environ:
        d = tmp_path_factory.getbasetemp() / "katalog-kosong"
        d.mkdir(exist_ok=True)
        monkeypatch.setenv("RENJA_XL_NOMENKLATUR", str(d))
