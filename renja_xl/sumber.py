"""Where the non-Python parts live: ``templates/``, ``macros/`` and ``addin/``.

In a clone (and an editable install) they are the repo folders, so a developer edits them in place. A
wheel carries copies under ``renja_xl/_berkas/`` (setup.py copies them at build time), so
``pip install renja-xl`` alone is enough for ``buat`` and ``addin pasang``.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["folder", "NAMA"]

NAMA = ("templates", "macros", "addin")
_REPO = Path(__file__).resolve().parent.parent
_PAKET = Path(__file__).resolve().parent / "_berkas"


def folder(nama: str) -> Path:
    """The repo folder when present, else the copy inside the installed package."""
    if nama not in NAMA:
        raise ValueError(nama)
    di_repo = _REPO / nama
    if di_repo.is_dir() and (_REPO / "pyproject.toml").is_file():
        return di_repo
    return _PAKET / nama
