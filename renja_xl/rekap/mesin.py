"""Run the per-file task over many files: a local process pool on every core, or a Dask cluster.

One task per file (:func:`renja_xl.rekap.tugas.proses_berkas`, path in, picklable result out); results
come back in the input order whoever ran them, so a laptop, a Bappeda server and a Kemendagri cluster
write the same compilation. A file whose task dies (a worker killed, out of memory) becomes a failed
result with its reason; the others go on. Dask is the distributed engine (``--dask ALAMAT`` for a running
scheduler, ``--dask lokal`` for a ``LocalCluster`` on this machine); there is no queue of our own.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from renja_xl.galat import GalatPengguna
from renja_xl.rekap.model import HasilBerkas
from renja_xl.rekap.tugas import proses_berkas

__all__ = ["jalankan", "LOKAL", "cek_dask"]

LOKAL = "lokal"
SARAN_DASK = 'Pasang dengan: python -m pip install "renja-xl[skala]" (atau: python -m pip install "dask[distributed]").'

Kemajuan = Callable[[HasilBerkas], None]
WAKTU_SAMBUNG = "20s"
"""How long to try reaching a Dask scheduler before saying it cannot be reached."""


def cek_dask() -> None:
    """Refuse ``--dask`` early, in Indonesian, when dask.distributed is not installed."""
    try:
        import distributed  # noqa: F401
    except ImportError as e:
        raise GalatPengguna("--dask butuh paket Dask (dask[distributed]) yang belum terpasang.",
                            saran=SARAN_DASK) from e


def jalankan(berkas: Sequence[str], *, pemda: str | None = None, dask: str | None = None,
             pekerja: int | None = None, kemajuan: Kemajuan | None = None) -> list[HasilBerkas]:
    """Every file's result, in the order of ``berkas``. ``dask``: None (local pool), ``"lokal"`` or a
    scheduler address (``tcp://10.0.0.5:8786``); ``pekerja``: local workers (default: every core)."""
    if not berkas:
        return []
    if dask:
        return _dask(berkas, pemda, dask, pekerja, kemajuan)
    return _lokal(berkas, pemda, pekerja, kemajuan)


def _gagal(path: str, e: BaseException) -> HasilBerkas:
    return HasilBerkas(berkas=path, galat=f"pemrosesan berkas terhenti ({type(e).__name__}: {str(e)[:200]})")


def _lokal(berkas: Sequence[str], pemda: str | None, pekerja: int | None,
           kemajuan: Kemajuan | None) -> list[HasilBerkas]:
    n = max(1, min(pekerja or os.cpu_count() or 1, len(berkas)))
    hasil: list[HasilBerkas | None] = [None] * len(berkas)

    def simpan(i: int, h: HasilBerkas) -> None:
        hasil[i] = h
        if kemajuan:
            kemajuan(h)

    if n == 1:   # no pool for one worker: same function, same results, no process start-up
        for i, p in enumerate(berkas):
            simpan(i, proses_berkas(p, pemda))
        return hasil  # type: ignore[return-value]
    antre = deque(range(len(berkas)))
    while antre:
        curiga = _kolam(berkas, pemda, n, antre, simpan)
        for i in curiga:   # in flight when a worker died: each alone, so only the file that kills it fails
            simpan(i, _sendiri(berkas[i], pemda))
    return hasil  # type: ignore[return-value]


def _kolam(berkas: Sequence[str], pemda: str | None, n: int, antre: deque[int],
           simpan: Callable[[int, HasilBerkas], None]) -> list[int]:
    """Run queued files on one pool, at most 2n in flight; returns the in-flight files if the pool broke (a
    worker killed: out of memory, a crash in a C library), leaving the rest queued for a fresh pool."""
    with ProcessPoolExecutor(max_workers=n) as ex:
        jalan: dict = {}
        while antre or jalan:
            while antre and len(jalan) < 2 * n:
                i = antre.popleft()
                jalan[ex.submit(proses_berkas, berkas[i], pemda)] = i
            selesai, _ = wait(jalan, return_when=FIRST_COMPLETED)
            rusak = []
            for f in selesai:
                i = jalan.pop(f)
                try:
                    simpan(i, f.result())
                except BrokenProcessPool:
                    rusak.append(i)
                except Exception as e:
                    simpan(i, _gagal(berkas[i], e))
            if rusak:
                return rusak + list(jalan.values())
    return []


def _sendiri(path: str, pemda: str | None) -> HasilBerkas:
    with ProcessPoolExecutor(max_workers=1) as ex:
        try:
            return ex.submit(proses_berkas, path, pemda).result()
        except BrokenProcessPool:
            return HasilBerkas(berkas=path, galat="proses pekerja berhenti saat membaca berkas ini (memori habis "
                                                  "atau pustaka pembaca macet); berkas lain tetap diproses.")
        except Exception as e:
            return _gagal(path, e)


def _dask(berkas: Sequence[str], pemda: str | None, alamat: str, pekerja: int | None,
          kemajuan: Kemajuan | None) -> list[HasilBerkas]:
    cek_dask()
    from distributed import Client, LocalCluster
    from distributed import as_completed as selesai

    klaster = None
    try:
        if alamat.strip().lower() == LOKAL:
            klaster = LocalCluster(n_workers=pekerja or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                                   dashboard_address=":0")
            klien = Client(klaster)
        else:
            try:
                klien = Client(alamat, timeout=WAKTU_SAMBUNG)
            except (OSError, TimeoutError) as e:
                raise GalatPengguna(f"scheduler Dask di '{alamat}' tidak dapat dihubungi ({type(e).__name__}).",
                                    saran="Periksa alamatnya (contoh: tcp://10.0.0.5:8786) dan bahwa "
                                          "'dask scheduler' sedang berjalan.") from e
        with klien:
            futures = klien.map(proses_berkas, list(berkas), pemda=pemda, pure=False)
            posisi = {f.key: i for i, f in enumerate(futures)}
            hasil: list[HasilBerkas | None] = [None] * len(berkas)
            for f in selesai(futures):
                i = posisi[f.key]
                try:
                    h = f.result()
                except Exception as e:  # a worker lost with the task: this file fails, not the run
                    h = _gagal(berkas[i], e)
                hasil[i] = h
                if kemajuan:
                    kemajuan(h)
                f.release()
            return hasil  # type: ignore[return-value]
    finally:
        if klaster is not None:
            klaster.close()
