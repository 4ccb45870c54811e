"""CLI commands: kode."""

from __future__ import annotations

import typer


def daftar(app: typer.Typer) -> None:
    """Add the kode commands to the main app."""
