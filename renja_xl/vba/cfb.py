"""MS-CFB compound file writer: version 3, 512-byte sectors, FAT + miniFAT + red-black directory.

Only what a ``vbaProject.bin`` needs: storages and streams, written deterministically (no timestamps,
zero CLSIDs) so the same input gives the same bytes. Streams under 4096 bytes live in the mini stream.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

SEKTOR = 512
MINI = 64
BATAS_MINI = 4096
FREESECT = 0xFFFFFFFF
ENDOFCHAIN = 0xFFFFFFFE
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF
_TANDA = bytes.fromhex("D0CF11E0A1B11AE1")
_ENTRI_PER_SEKTOR = SEKTOR // 128
_FAT_PER_SEKTOR = SEKTOR // 4


@dataclass
class _Simpul:
    nama: str
    jenis: int  # 1 storage, 2 stream, 5 root
    data: bytes = b""
    anak: dict[str, "_Simpul"] = field(default_factory=dict)
    id: int = -1
    kiri: int = NOSTREAM
    kanan: int = NOSTREAM
    turunan: int = NOSTREAM
    merah: bool = False
    mulai: int = ENDOFCHAIN


def _kunci(nama: str) -> tuple[int, str]:
    """Directory order of MS-CFB 2.6.4: shorter names first, then by upper-case code points."""
    return (len(nama.encode("utf-16-le")), nama.upper())


def _pohon(anak: list[_Simpul]) -> int:
    """Link siblings into a balanced binary search tree; returns the root id.

    Nodes on the deepest level of a non-perfect tree are red, every other node black: every path then has
    the same number of black nodes and no red node has a red child, so it is a valid red-black tree.
    """
    urut = sorted(anak, key=lambda s: _kunci(s.nama))
    if not urut:
        return NOSTREAM
    kedalaman: dict[int, int] = {}

    def bangun(lo: int, hi: int, d: int) -> int:
        if lo > hi:
            return NOSTREAM
        mid = (lo + hi) // 2
        s = urut[mid]
        kedalaman[id(s)] = d
        s.kiri = bangun(lo, mid - 1, d + 1)
        s.kanan = bangun(mid + 1, hi, d + 1)
        return s.id

    akar = bangun(0, len(urut) - 1, 0)
    maks = max(kedalaman.values())
    sempurna = len(urut) == 2 ** (maks + 1) - 1
    for s in urut:
        s.merah = (not sempurna) and kedalaman[id(s)] == maks and maks > 0
    return akar


def _entri(s: _Simpul, ukuran: int) -> bytes:
    nama = s.nama.encode("utf-16-le")
    if len(nama) > 62:
        raise ValueError(f"nama stream terlalu panjang: {s.nama}")
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        nama + b"\0\0", len(nama) + 2, s.jenis, 0 if s.merah else 1,
        s.kiri, s.kanan, s.turunan, b"\0" * 16, 0, 0, 0, s.mulai, ukuran,
    )


def _entri_kosong() -> bytes:
    return struct.pack("<64sHBBIII16sIQQIQ", b"", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM, b"\0" * 16,
                       0, 0, 0, 0, 0)


def _rantai(fat: list[int], mulai: int, n: int) -> None:
    for i in range(n):
        fat[mulai + i] = mulai + i + 1 if i < n - 1 else ENDOFCHAIN


def tulis_cfb(streams: dict[str, bytes]) -> bytes:
    """Build a compound file from ``{"VBA/dir": b"...", "PROJECT": b"..."}`` (``/`` separates storages)."""
    akar = _Simpul("Root Entry", 5)
    for jalur, data in streams.items():
        bagian = jalur.split("/")
        s = akar
        for b in bagian[:-1]:
            s = s.anak.setdefault(b, _Simpul(b, 1))
            if s.jenis != 1:
                raise ValueError(f"{b} sudah berupa stream")
        if bagian[-1] in s.anak:
            raise ValueError(f"stream ganda: {jalur}")
        s.anak[bagian[-1]] = _Simpul(bagian[-1], 2, bytes(data))

    # ids: breadth-first, deterministic
    semua: list[_Simpul] = []
    antre = [akar]
    while antre:
        s = antre.pop(0)
        s.id = len(semua)
        semua.append(s)
        antre.extend(sorted(s.anak.values(), key=lambda x: _kunci(x.nama)))
    for s in semua:
        if s.jenis in (1, 5):
            s.turunan = _pohon(list(s.anak.values()))

    # mini stream for small streams, regular sectors for the rest
    kecil = [s for s in semua if s.jenis == 2 and len(s.data) < BATAS_MINI]
    besar = [s for s in semua if s.jenis == 2 and len(s.data) >= BATAS_MINI]
    minifat: list[int] = []
    mini_data = bytearray()
    for s in kecil:
        n = -(-len(s.data) // MINI)
        if n == 0:
            s.mulai = ENDOFCHAIN
            continue
        s.mulai = len(minifat)
        minifat.extend([0] * n)
        _rantai(minifat, s.mulai, n)
        mini_data += s.data + b"\0" * (n * MINI - len(s.data))

    n_dir = -(-len(semua) // _ENTRI_PER_SEKTOR)
    n_minifat = -(-len(minifat) // _FAT_PER_SEKTOR)
    n_mini = -(-len(mini_data) // SEKTOR)
    n_besar = [-(-len(s.data) // SEKTOR) for s in besar]
    isi = n_dir + n_minifat + n_mini + sum(n_besar)
    n_fat = 1
    while n_fat * _FAT_PER_SEKTOR < n_fat + isi:
        n_fat += 1
    if n_fat > 109:
        raise ValueError("berkas terlalu besar untuk penulis CFB sederhana ini")
    total = n_fat + isi
    fat = [FREESECT] * (n_fat * _FAT_PER_SEKTOR)
    for i in range(n_fat):
        fat[i] = FATSECT
    pos = n_fat
    dir_mulai = pos
    _rantai(fat, pos, n_dir)
    pos += n_dir
    minifat_mulai = pos if n_minifat else ENDOFCHAIN
    _rantai(fat, pos, n_minifat)
    pos += n_minifat
    akar.mulai = pos if n_mini else ENDOFCHAIN
    _rantai(fat, pos, n_mini)
    pos += n_mini
    for s, n in zip(besar, n_besar):
        s.mulai = pos
        _rantai(fat, pos, n)
        pos += n
    assert pos == total

    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        _TANDA, b"\0" * 16, 0x003E, 0x0003, 0xFFFE, 9, 6, b"\0" * 6,
        0, n_fat, dir_mulai, 0, BATAS_MINI, minifat_mulai, n_minifat, ENDOFCHAIN, 0,
    )
    difat = list(range(n_fat)) + [FREESECT] * (109 - n_fat)
    header += struct.pack("<109I", *difat)
    assert len(header) == SEKTOR

    out = bytearray(header)
    out += struct.pack(f"<{len(fat)}I", *fat)
    entri = bytearray()
    for s in semua:
        if s.jenis == 1:  # storages carry no data: start sector and size are 0 (MS-CFB 2.6.3)
            s.mulai = 0
        ukuran = len(mini_data) if s.jenis == 5 else len(s.data) if s.jenis == 2 else 0
        entri += _entri(s, ukuran)
    while len(entri) < n_dir * SEKTOR:
        entri += _entri_kosong()
    out += entri
    mf = minifat + [FREESECT] * (n_minifat * _FAT_PER_SEKTOR - len(minifat))
    if mf:
        out += struct.pack(f"<{len(mf)}I", *mf)
    out += _pad(bytes(mini_data))
    for s in besar:
        out += _pad(s.data)
    assert len(out) == SEKTOR * (total + 1)
    return bytes(out)


def _pad(b: bytes) -> bytes:
    sisa = -len(b) % SEKTOR
    return b + b"\0" * sisa
