"""User-facing errors: one exception type whose message is Indonesian and names file, sheet and cell.

Every shell (CLI, macros) catches ``GalatPengguna`` and prints its message with exit code 2 instead of a
traceback, so any layer may raise it as soon as it knows what is wrong with the user's input.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class GalatPengguna(Exception):
    """A problem with the user's input or environment, explained in Bahasa Indonesia.

    ``pesan`` says what is wrong, ``saran`` what to do; ``berkas``/``lembar``/``sel`` locate it.
    """

    pesan: str
    berkas: str | Path | None = None
    lembar: str | None = None
    sel: str | None = None
    saran: str | None = None

    def __post_init__(self) -> None:
        super().__init__(self.teks())

    def lokasi(self) -> str:
        """Where the problem is, as 'berkas X, lembar Y, sel Z' (only the parts that are known)."""
        bagian = []
        if self.berkas is not None:
            bagian.append(f"berkas {Path(self.berkas).name}")
        if self.lembar:
            bagian.append(f"lembar '{self.lembar}'")
        if self.sel:
            bagian.append(f"sel {self.sel}")
        return ", ".join(bagian)

    def teks(self) -> str:
        """The one-paragraph message shown to the user."""
        lok = self.lokasi()
        kalimat = f"{lok}: {self.pesan}" if lok else self.pesan
        if self.saran:
            kalimat = f"{kalimat.rstrip('.')}. {self.saran}"
        return kalimat

    def __str__(self) -> str:  # dataclass would otherwise print the field repr
        return self.teks()
