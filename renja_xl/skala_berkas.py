"""Read a predikat scale from a file (CSV, JSON, xlsx): the file side of :mod:`renja_xl.predikat`.

The scale itself is pure core; only this shell module touches the disk (xlsx through ``renja_xl.buku``,
with the same safety checks as every other workbook).
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from renja_xl.galat import GalatPengguna
from renja_xl.predikat import Skala, angka_batas

__all__ = ["baca_skala", "baca_baris_skala"]


def baca_skala(path: str | os.PathLike[str]) -> Skala:
    """A scale from a CSV, JSON or .xlsx file (two columns: batas bawah, predikat); named after the file."""
    p = Path(path)
    return Skala.dari_baris(baca_baris_skala(p), nama=p.stem, berkas=p)


def _buang_judul(rows: list[list[object]]) -> list[list[object]]:
    """Drop empty rows and a header row (first cell not a number)."""
    rows = [r for r in rows if any(c not in (None, "") for c in r)]
    if rows and angka_batas(rows[0][0] if rows[0] else None) is None:
        rows = rows[1:]
    return rows


def baca_baris_skala(path: str | Path) -> list[list[object]]:
    """The rows of a scale file (CSV, JSON, xlsx).

    CSV: ``batas_bawah,predikat`` (``;`` also accepted; header optional). JSON: ``[[91, "Sangat
    Tinggi"], ...]``, ``[{"batas_bawah": 91, "nama": "..."}]`` or ``{"Sangat Tinggi": 91, ...}``.
    xlsx: first sheet, columns A-B, read through ``renja_xl.buku`` (same safety checks).
    """
    p = Path(path)
    if not p.is_file():
        raise GalatPengguna("berkas skala predikat tidak ditemukan.", berkas=p)
    akhiran = p.suffix.lower()
    if akhiran in (".xlsx", ".xlsm"):
        from renja_xl.buku import baca_nilai

        lembar = baca_nilai(p)
        if not lembar:
            raise GalatPengguna("buku kerja skala predikat tidak berisi lembar.", berkas=p)
        rows = [list(r[:2]) + [None] * (2 - len(r[:2])) for r in next(iter(lembar.values()))]
        return _buang_judul(rows)
    try:
        teks = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise GalatPengguna(f"berkas skala predikat tidak dapat dibaca ({type(e).__name__}).", berkas=p,
                            saran="Simpan sebagai CSV UTF-8, JSON atau .xlsx.") from e
    if akhiran == ".json":
        try:
            data = json.loads(teks)
        except json.JSONDecodeError as e:
            raise GalatPengguna(f"JSON skala predikat rusak (baris {e.lineno}, kolom {e.colno}).", berkas=p) from e
        if isinstance(data, dict):
            return [[v, k] for k, v in data.items()]
        if isinstance(data, list):
            rows = []
            for x in data:
                if isinstance(x, dict):
                    rows.append([x.get("batas_bawah", x.get("batas")), x.get("nama", x.get("predikat"))])
                else:
                    rows.append(list(x) if isinstance(x, (list, tuple)) else [x])
            return rows
        raise GalatPengguna("JSON skala predikat harus berupa daftar atau objek.", berkas=p)
    if akhiran in (".csv", ".txt", ""):
        contoh = teks[:2048]
        pemisah = ";" if contoh.count(";") > contoh.count(",") and "\t" not in contoh else \
            "\t" if "\t" in contoh else ","
        rows = [list(r[:2]) for r in csv.reader(io.StringIO(teks), delimiter=pemisah)]
        return _buang_judul([r + [None] * (2 - len(r)) for r in rows])
    raise GalatPengguna(f"jenis berkas skala predikat '{p.suffix}' tidak dikenal.", berkas=p,
                        saran="Gunakan .csv, .json atau .xlsx.")
