"""CLI commands: demo."""

from __future__ import annotations

import typer


def daftar(app: typer.Typer) -> None:
    """Add the demo commands to the main app."""
