"""CLI commands: periksa."""

from __future__ import annotations

import typer


def daftar(app: typer.Typer) -> None:
    """Add the periksa commands to the main app."""
