"""Space out Python's cyclic garbage collector around one bounded job (fill a workbook, check a file,
one array call).

Why: openpyxl builds hundreds of thousands of small objects per workbook, and with the default threshold
(a young-generation pass every 700 allocations, a full pass every 100 young ones) the collector took
25-35 % of generation time (one 400-row OPD: 2.7-3.0 s, 1.9-2.1 s with it spaced out; the 20,000-row
province E.81: 29 s -> 21.5 s) and ≈ 10 % of checking, and made both erratic. Switching it off entirely
is as fast but lets the cycles of discarded template workbooks pile up (peak 707 MB -> 992 MB on the
province E.81); a young pass every 100,000 allocations keeps the peak at 725 MB.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

AMBANG = (100_000, 10, 10)
"""Collector thresholds during a job (generation 0, 1, 2); Python's default is (700, 10, 10)."""


@contextmanager
def jeda_gc() -> Iterator[None]:
    """``with jeda_gc(): ...`` or ``@jeda_gc()``: the previous thresholds come back afterwards, also
    when the job fails; nesting keeps the outer setting."""
    lama = gc.get_threshold()
    if lama[0] < AMBANG[0]:
        gc.set_threshold(*AMBANG)
    try:
        yield
    finally:
        gc.set_threshold(*lama)
