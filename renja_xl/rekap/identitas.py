"""Who sent a form and for when: OPD, pemda, year and triwulan read from the title lines above an E.81.

Pure text work on the lines a form prints above its header (the generator's, Pontianak's and Malang's all
name them): ``RENJA DINAS KOPERASI, USAHA MIKRO DAN PERDAGANGAN KOTA PONTIANAK``, ``Periode Pelaksanaan:
Triwulan II (April - Juni) Tahun Anggaran 2022``. Whatever a title does not say stays unknown (empty / None)
rather than guessed; the compilation then falls back to the file name or to the other files.
"""

from __future__ import annotations

import re

__all__ = ["nama_opd", "nama_pemda", "tahun_judul", "triwulan_judul", "kunci_opd", "ROMAWI_ANGKA"]

ROMAWI_ANGKA = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_PEMDA = re.compile(r"\b(provinsi|propinsi|kabupaten|kab\.|kota)\s+([a-z][a-z.'\- ]*[a-z])", re.I)
_OPD = re.compile(r"^\s*(?:rencana\s+kerja|renja)\s+(?:perangkat\s+daerah|skpd|opd|pd)?\s*[:\-]?\s*(.+)$", re.I)
_OPD_LABEL = re.compile(r"^\s*(?:nama\s+)?(?:perangkat\s+daerah|skpd|opd|unit\s+kerja)\s*:\s*(.+)$", re.I)
_TRIWULAN = re.compile(r"\b(?:triwulan|tw)\s*[-.:]?\s*(IV|III|II|I|[1-4])\b", re.I)
_TAHUN_ANGGARAN = re.compile(r"\btahun\s+(?:anggaran\s+)?(20\d\d)\b", re.I)
_TAHUN = re.compile(r"\b(20\d\d)\b")
_BUANG = re.compile(r"[^a-z0-9]+")
# words that end a pemda name inside a longer title line ("... KOTA PONTIANAK TAHUN 2022")
_AKHIR_PEMDA = re.compile(r"\s+(tahun|periode|triwulan|renja|evaluasi|lingkup)\b.*$", re.I)


def _rapi(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" .,:;-")


def nama_pemda(baris: list[str]) -> str:
    """The pemda a title names ("Kota Pontianak", "Provinsi Kalimantan Barat"); "" when none does.
    "Lingkup Kabupaten/Kota" names no pemda."""
    for t in baris:
        for m in _PEMDA.finditer(t):
            nama = _AKHIR_PEMDA.sub("", m.group(2)).strip()
            if not nama:
                continue
            jenis = m.group(1).lower().rstrip(".")
            jenis = {"kab": "kabupaten", "propinsi": "provinsi"}.get(jenis, jenis)
            return f"{jenis.capitalize()} {nama.title()}"
    return ""


def nama_opd(baris: list[str], pemda: str = "") -> str:
    """The Perangkat Daerah a title names (``RENJA DINAS X KOTA Y`` -> ``Dinas X``, the pemda cut off);
    "" when no line names one."""
    for t in baris:
        m = _OPD_LABEL.match(t) or _OPD.match(t)
        if not m:
            continue
        nama = m.group(1)
        pm = _PEMDA.search(nama)
        if pm and pm.start() > 0:
            nama = nama[:pm.start()]
        nama = _rapi(nama)
        if nama and not nama.lower().startswith(("tahun", "periode", "triwulan")):
            return nama if not nama.isupper() else nama.title().replace(" Dan ", " dan ")
    return ""


def triwulan_judul(baris: list[str]) -> int | None:
    """The triwulan a title or sheet name states ("Triwulan II", "TW 3"); None when none does."""
    for t in baris:
        m = _TRIWULAN.search(t)
        if m:
            return ROMAWI_ANGKA[m.group(1).upper()]
    return None


def tahun_judul(baris: list[str], judul_target: str = "") -> int | None:
    """The year of the evaluated budget: "Tahun Anggaran 2022" / "Tahun 2022" in a title line, else the year
    in the header of column 7 ("Target ... Tahun Berjalan (2022)"), else any year in a title line."""
    for t in baris:
        m = _TAHUN_ANGGARAN.search(t)
        if m:
            return int(m.group(1))
    for t in [judul_target, *baris]:
        m = _TAHUN.search(t)
        if m:
            return int(m.group(1))
    return None


def kunci_opd(opd: str, pemda: str = "") -> str:
    """Comparison key of an OPD: case, punctuation and spacing never make two names differ."""
    return _BUANG.sub(" ", f"{opd} | {pemda}".lower()).strip()
