"""Test-side name for the seed-table builders, which live in the package so ``renja-xl demo`` can use them."""

from renja_xl.contoh_tabel import *  # noqa: F401,F403
