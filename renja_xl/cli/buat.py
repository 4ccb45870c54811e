"""CLI commands: buat."""

from __future__ import annotations

import typer


def daftar(app: typer.Typer) -> None:
    """Add the buat commands to the main app."""
