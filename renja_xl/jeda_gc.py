"""Pause Python's cyclic garbage collector around one bounded job (fill one workbook, check one file).

Why: openpyxl builds hundreds of thousands of small objects per workbook, and the collector's passes over
that growing heap took 25-35 % of generation time (one 400-row OPD: 2.7-3.0 s with, 1.9-2.1 s without) and
≈ 10 % of checking, and made both erratic. Everything the job builds lives until the job ends anyway;
reference counting still frees acyclic garbage at once, and the collector runs again right after.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def jeda_gc() -> Iterator[None]:
    """``with jeda_gc(): ...`` or ``@jeda_gc()``; nested uses and an already-paused collector are respected."""
    aktif = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aktif:
            gc.enable()
