"""CLI commands: nomenklatur."""

from __future__ import annotations

import typer


def daftar(app: typer.Typer) -> None:
    """Add the nomenklatur commands to the main app."""
