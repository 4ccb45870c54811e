"""CLI commands: addin."""

from __future__ import annotations

import typer


def daftar(app: typer.Typer) -> None:
    """Add the addin commands to the main app."""
