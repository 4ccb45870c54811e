"""Predikat kinerja: the word a capaian percentage earns, on a replaceable scale.

The default is the Permendagri 86/2017 scale (91-100 Sangat Tinggi, 76-90 Tinggi, 66-75 Sedang,
51-65 Rendah, <= 50 Sangat Rendah). Its printed bands leave gaps (90-91, 75-76, ...); renja-xl reads
them as lower bounds ">= 91 / >= 76 / >= 66 / >= 51", which closes the gaps and matches the seeds
(002:544 prints 50,27 % as Sangat Rendah). Above 100 stays Sangat Tinggi. A pemda with another scale
builds it with :meth:`Skala.dari_baris`; reading a scale file (CSV, JSON, xlsx) is the shell's job
(:mod:`renja_xl.skala_berkas`), so this module stays pure. See ``docs/keputusan.md``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from renja_xl.angka import format_angka, parse_angka
from renja_xl.galat import GalatPengguna

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["Skala", "SKALA_BAKU", "predikat", "angka_batas"]


def angka_batas(x: object) -> float | None:
    """A threshold cell as a float (Indonesian text allowed: ``"90,5"``); None when not a number."""
    if isinstance(x, bool):
        return None
    if isinstance(x, (int, float)):
        v = float(x)
        return v if math.isfinite(v) else None
    a = parse_angka(x)
    if a.nilai is None or a.jamak or a.batas:
        return None
    return a.nilai


@dataclass(frozen=True)
class Skala:
    """Ordered lower bounds: ``tingkat`` = ((batas_bawah, nama), ...) from the lowest band up.

    A value takes the name of the highest band whose lower bound it reaches; anything below the lowest
    bound (negative, say) takes the lowest name, so every number has a predikat.
    """

    tingkat: tuple[tuple[float, str], ...]
    nama: str = ""

    def predikat(self, nilai: object) -> str | None:
        """The predikat of a capaian in percent; None for None/NaN/non-numbers (no capaian, no word)."""
        v = getattr(nilai, "nilai", nilai)  # a capaian.Hasil or an angka.Angka
        if v is None or isinstance(v, bool):
            return None
        try:
            f = float(v)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None
        if math.isnan(f):
            return None
        hasil = self.tingkat[0][1]
        for batas, kata in self.tingkat:
            if f >= batas:
                hasil = kata
        return hasil

    def ke_baris(self) -> list[tuple[float, str]]:
        """[(batas_bawah, nama), ...] from the lowest up — the order Excel's approximate VLOOKUP /
        LOOKUP needs, so the generator can write it as the scale sheet."""
        return [(b, n) for b, n in self.tingkat]

    def keterangan(self) -> list[str]:
        """Human-readable bands, highest first (``">= 91: Sangat Tinggi"``)."""
        baris = []
        for i, (b, n) in enumerate(reversed(self.tingkat)):
            terakhir = i == len(self.tingkat) - 1
            baris.append(f"< {format_angka(self.tingkat[1][0])}: {n}" if terakhir and len(self.tingkat) > 1
                         else f">= {format_angka(b)}: {n}")
        return baris

    @classmethod
    def dari_baris(cls, rows: Iterable[Sequence[object]], nama: str = "", *,
                   berkas: str | Path | None = None, lembar: str | None = None) -> "Skala":
        """Build a scale from ``[(batas_bawah, nama), ...]`` (ascending or descending).

        Checks: at least two bands, numeric bounds, non-empty unique names, strictly ordered unique
        bounds. Errors are ``GalatPengguna`` in Indonesian naming the row.
        """
        daftar: list[tuple[float, str]] = []
        for i, row in enumerate(rows, start=1):
            if not isinstance(row, (list, tuple)) or len(row) < 2:
                raise GalatPengguna(f"baris skala ke-{i} harus berisi batas bawah dan nama predikat.",
                                    berkas=berkas, lembar=lembar, saran="Contoh baris: 91, Sangat Tinggi.")
            b = angka_batas(row[0])
            if b is None:
                raise GalatPengguna(f"batas bawah pada baris skala ke-{i} ('{row[0]}') bukan angka.",
                                    berkas=berkas, lembar=lembar,
                                    saran="Isi batas bawah dengan angka persen, misalnya 91 atau 75,5.")
            kata = "" if row[1] is None else " ".join(str(row[1]).split())
            if not kata:
                raise GalatPengguna(f"nama predikat pada baris skala ke-{i} kosong.", berkas=berkas, lembar=lembar)
            daftar.append((b, kata))
        if len(daftar) < 2:
            raise GalatPengguna("skala predikat harus memiliki sedikitnya dua tingkat.", berkas=berkas,
                                lembar=lembar)
        naik = all(a[0] < b[0] for a, b in zip(daftar, daftar[1:]))
        turun = all(a[0] > b[0] for a, b in zip(daftar, daftar[1:]))
        if not (naik or turun):
            batas = [b for b, _ in daftar]
            if len(set(batas)) != len(batas):
                raise GalatPengguna("batas bawah skala predikat ada yang sama: setiap tingkat perlu batas "
                                    "sendiri.", berkas=berkas, lembar=lembar)
            raise GalatPengguna("batas bawah skala predikat tidak urut (harus selalu naik atau selalu turun).",
                                berkas=berkas, lembar=lembar,
                                saran="Urutkan baris dari batas terbesar ke terkecil, misalnya 91, 76, 66, 51, 0.")
        kata_kata = [k.lower() for _, k in daftar]
        if len(set(kata_kata)) != len(kata_kata):
            raise GalatPengguna("nama predikat pada skala ada yang sama.", berkas=berkas, lembar=lembar)
        if turun:
            daftar.reverse()
        return cls(tuple(daftar), nama)


SKALA_BAKU = Skala(((0.0, "Sangat Rendah"), (51.0, "Rendah"), (66.0, "Sedang"), (76.0, "Tinggi"),
                    (91.0, "Sangat Tinggi")), nama="Permendagri 86/2017")


def predikat(nilai: object, skala: Skala = SKALA_BAKU) -> str | None:
    """Predikat of a capaian in percent on ``skala`` (default Permendagri 86/2017); None -> None."""
    return skala.predikat(nilai)
