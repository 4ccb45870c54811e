"""MS-OVBA: compression, the ``VBA/dir`` stream, ``_VBA_PROJECT``, ``PROJECT`` and ``PROJECTwm``.

We write a *source-only* project: every module stream is just the compressed source (``MODULEOFFSET`` 0)
and ``_VBA_PROJECT`` carries version 0xFFFF, which tells Office the compiled cache is absent so it
recompiles from source on open. Everything is deterministic (fixed project GUID, fixed encryption seed).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from renja_xl.vba.cfb import tulis_cfb

KODE_HALAMAN = 1252  # PROJECTCODEPAGE: module source is stored in this code page
_ENKODE = "cp1252"
_CHUNK = 4096

# Type-library references every Excel VBA project carries: OLE Automation and the Office library
# (IRibbonControl lives in Office). Office resolves them by GUID and version, not by the path.
REFERENSI: tuple[tuple[str, str], ...] = (
    ("stdole", "*\\G{00020430-0000-0000-C000-000000000046}#2.0#0#C:\\Windows\\System32\\stdole2.tlb"
               "#OLE Automation"),
    ("Office", "*\\G{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}#2.0#0#C:\\Program Files\\Common Files\\"
               "Microsoft Shared\\OFFICE16\\MSO.DLL#Microsoft Office 16.0 Object Library"),
)


@dataclass(frozen=True)
class Modul:
    """One VBA module: ``jenis`` is ``"modul"`` (standard .bas), ``"kelas"`` (.cls) or ``"dokumen"``
    (ThisWorkbook / a sheet). ``kode`` is the source exactly as stored, including ``Attribute`` lines."""

    nama: str
    kode: str
    jenis: str = "modul"

    def __post_init__(self) -> None:
        if self.jenis not in ("modul", "kelas", "dokumen"):
            raise ValueError(f"jenis modul tidak dikenal: {self.jenis}")
        if not self.nama.isidentifier() or len(self.nama) > 31:
            raise ValueError(f"nama modul VBA tidak sah: {self.nama!r}")


# ---------------------------------------------------------------- compression (MS-OVBA 2.4.1)

def _bit_offset(posisi: int) -> int:
    """Number of offset bits of a CopyToken at ``posisi`` bytes into the decompressed chunk (2.4.1.3.19.1)."""
    n = 4
    while (1 << n) < posisi:
        n += 1
    return n


def _kompres_chunk(data: bytes) -> bytes:
    """Greedy LZ77 over one <= 4096-byte chunk: TokenSequences of a FlagByte and up to 8 tokens."""
    out = bytearray()
    p = 0
    n = len(data)
    rantai: dict[bytes, list[int]] = {}
    while p < n:
        flag_pos = len(out)
        out.append(0)
        flag = 0
        for bit in range(8):
            if p >= n:
                break
            terbaik_len, terbaik_off = 0, 0
            if p + 3 <= n and p > 0:
                bits = _bit_offset(p)
                maks = min((0xFFFF >> bits) + 3, n - p)
                for q in reversed(rantai.get(data[p:p + 3], ())[-256:]):
                    panjang = 3
                    while panjang < maks and data[q + panjang] == data[p + panjang]:
                        panjang += 1
                    if panjang > terbaik_len:
                        terbaik_len, terbaik_off = panjang, p - q
                        if panjang == maks:
                            break
            if terbaik_len >= 3:
                bits = _bit_offset(p)
                token = ((terbaik_off - 1) << (16 - bits)) | (terbaik_len - 3)
                out += struct.pack("<H", token)
                flag |= 1 << bit
                akhir = p + terbaik_len
            else:
                out.append(data[p])
                akhir = p + 1
            while p < akhir:
                if p + 3 <= n:
                    rantai.setdefault(data[p:p + 3], []).append(p)
                p += 1
        out[flag_pos] = flag
    return bytes(out)


def kompres(data: bytes) -> bytes:
    """CompressedContainer: signature 0x01, then one chunk per 4096 bytes of input."""
    out = bytearray(b"\x01")
    for mulai in range(0, len(data), _CHUNK):
        chunk = data[mulai:mulai + _CHUNK]
        isi = _kompres_chunk(chunk)
        if len(isi) > _CHUNK:
            if len(chunk) != _CHUNK:
                raise ValueError("potongan terakhir tidak dapat dikompresi")
            out += struct.pack("<H", 0x3FFF) + chunk  # raw chunk: flag 0, size 4098
        else:
            out += struct.pack("<H", 0xB000 | (len(isi) - 1)) + isi
    return bytes(out)


def dekompres(data: bytes) -> bytes:
    """Inverse of :func:`kompres` (MS-OVBA 2.4.1.3.1); used to check our own output."""
    if not data or data[0] != 1:
        raise ValueError("bukan CompressedContainer MS-OVBA")
    out = bytearray()
    i = 1
    while i < len(data):
        (kepala,) = struct.unpack_from("<H", data, i)
        ukuran = (kepala & 0x0FFF) + 3
        if (kepala >> 12) & 0x7 != 3:
            raise ValueError("tanda chunk salah")
        akhir_chunk = min(i + ukuran, len(data))
        i += 2
        awal = len(out)
        if not kepala & 0x8000:
            out += data[i:i + _CHUNK]
            i += _CHUNK
            continue
        while i < akhir_chunk:
            flag = data[i]
            i += 1
            for bit in range(8):
                if i >= akhir_chunk:
                    break
                if flag & (1 << bit):
                    (token,) = struct.unpack_from("<H", data, i)
                    i += 2
                    bits = _bit_offset(len(out) - awal)
                    panjang = (token & (0xFFFF >> bits)) + 3
                    offset = (token >> (16 - bits)) + 1
                    for _ in range(panjang):
                        out.append(out[-offset])
                else:
                    out.append(data[i])
                    i += 1
    return bytes(out)


# ---------------------------------------------------------------- PROJECT stream encryption (2.4.3)

def enkripsi(data: bytes, project_id: str, seed: int) -> str:
    """Data Encryption of CMG/DPB/GC values. Fixed seed and filler bytes keep the build reproducible."""
    proj_key = sum(project_id.encode("ascii")) & 0xFF
    versi = 2
    versi_enc = seed ^ versi
    proj_key_enc = seed ^ proj_key
    out = bytearray([seed, versi_enc, proj_key_enc])
    terenkripsi1, terenkripsi2, polos1 = proj_key_enc, versi_enc, proj_key

    def tambah(b: int) -> None:
        nonlocal terenkripsi1, terenkripsi2, polos1
        enc = b ^ ((terenkripsi2 + polos1) & 0xFF)
        out.append(enc)
        terenkripsi2, terenkripsi1, polos1 = terenkripsi1, enc, b

    for _ in range((seed & 6) // 2):
        tambah(0)
    for b in struct.pack("<I", len(data)) + data:
        tambah(b)
    return out.hex().upper()


def dekripsi(teks: str) -> tuple[int, bytes]:
    """Inverse of :func:`enkripsi`: returns (ProjKey, data). Used by tests and to read other projects."""
    raw = bytes.fromhex(teks)
    seed, versi_enc, proj_key_enc = raw[0], raw[1], raw[2]
    proj_key = seed ^ proj_key_enc
    terenkripsi1, terenkripsi2, polos1 = proj_key_enc, versi_enc, proj_key
    polos = bytearray()
    for enc in raw[3:]:
        b = enc ^ ((terenkripsi2 + polos1) & 0xFF)
        polos.append(b)
        terenkripsi2, terenkripsi1, polos1 = terenkripsi1, enc, b
    abaikan = (seed & 6) // 2
    polos = polos[abaikan:]
    (panjang,) = struct.unpack_from("<I", polos, 0)
    return proj_key, bytes(polos[4:4 + panjang])


# ---------------------------------------------------------------- dir stream (2.3.4.2)

def _rek(rid: int, isi: bytes) -> bytes:
    return struct.pack("<HI", rid, len(isi)) + isi


def _u16(s: str) -> bytes:
    return s.encode("utf-16-le")


def _mbcs(s: str) -> bytes:
    return s.encode(_ENKODE)


def _dir(nama_proyek: str, modul: list[Modul]) -> bytes:
    d = bytearray()
    # PROJECTINFORMATION
    d += _rek(0x0001, struct.pack("<I", 1))          # SysKind: 32-bit Windows (Office reads any)
    d += _rek(0x0002, struct.pack("<I", 0x0409))     # LCID
    d += _rek(0x0014, struct.pack("<I", 0x0409))     # LCIDINVOKE
    d += _rek(0x0003, struct.pack("<H", KODE_HALAMAN))
    d += _rek(0x0004, _mbcs(nama_proyek))
    d += _rek(0x0005, b"") + _rek(0x0040, b"")       # docstring + unicode
    d += _rek(0x0006, b"") + _rek(0x003D, b"")       # help file 1 + 2
    d += _rek(0x0007, struct.pack("<I", 0))          # help context
    d += _rek(0x0008, struct.pack("<I", 0))          # lib flags
    d += struct.pack("<HIIH", 0x0009, 4, 1, 0)       # PROJECTVERSION: Reserved=4, major, minor
    d += _rek(0x000C, b"") + _rek(0x003C, b"")       # constants + unicode
    # PROJECTREFERENCES
    for nama, libid in REFERENSI:
        d += _rek(0x0016, _mbcs(nama)) + _rek(0x003E, _u16(nama))
        lib = _mbcs(libid)
        d += _rek(0x000D, struct.pack("<I", len(lib)) + lib + struct.pack("<IH", 0, 0))
    # PROJECTMODULES
    d += _rek(0x000F, struct.pack("<H", len(modul)))
    d += _rek(0x0013, struct.pack("<H", 0xFFFF))     # project cookie
    for m in modul:
        d += _rek(0x0019, _mbcs(m.nama)) + _rek(0x0047, _u16(m.nama))
        d += _rek(0x001A, _mbcs(m.nama)) + _rek(0x0032, _u16(m.nama))
        d += _rek(0x001C, b"") + _rek(0x0048, b"")
        d += _rek(0x0031, struct.pack("<I", 0))      # MODULEOFFSET: no performance cache
        d += _rek(0x001E, struct.pack("<I", 0))
        d += _rek(0x002C, struct.pack("<H", 0xFFFF))
        d += _rek(0x0021 if m.jenis == "modul" else 0x0022, b"")
        d += _rek(0x002B, b"")
    d += _rek(0x0010, b"")
    return bytes(d)


# ---------------------------------------------------------------- PROJECT / PROJECTwm (2.3.1, 2.3.3)

def _project(nama_proyek: str, project_id: str, modul: list[Modul]) -> bytes:
    cmg = enkripsi(struct.pack("<I", 0), project_id, 0x5D)  # no protection
    dpb = enkripsi(bytes([0]), project_id, 0x5D)            # no password
    gc = enkripsi(bytes([0xFF]), project_id, 0x5D)          # project visible
    baris = [f'ID="{project_id}"']
    for m in modul:
        if m.jenis == "dokumen":
            baris.append(f"Document={m.nama}/&H00000000")
        elif m.jenis == "kelas":
            baris.append(f"Class={m.nama}")
        else:
            baris.append(f"Module={m.nama}")
    baris += [
        f'Name="{nama_proyek}"',
        'HelpContextID="0"',
        'VersionCompatible32="393222000"',
        f'CMG="{cmg}"',
        f'DPB="{dpb}"',
        f'GC="{gc}"',
        "",
        "[Host Extender Info]",
        "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000",
        "",
        "[Workspace]",
    ]
    baris += [f"{m.nama}=0, 0, 0, 0, C" for m in modul]
    return ("\r\n".join(baris) + "\r\n").encode(_ENKODE)


def _project_wm(modul: list[Modul]) -> bytes:
    out = bytearray()
    for m in modul:
        out += _mbcs(m.nama) + b"\0" + _u16(m.nama) + b"\0\0"
    return bytes(out + b"\0\0")


def teks_modul(kode: str) -> bytes:
    """Module source as stored: CRLF line ends, project code page, ending in a line break."""
    teks = kode.replace("\r\n", "\n").replace("\r", "\n")
    if not teks.endswith("\n"):
        teks += "\n"
    return teks.replace("\n", "\r\n").encode(_ENKODE)


def bangun_vba_project(modul: list[Modul], *, nama_proyek: str = "VBAProject",
                       project_id: str = "{6D1F0A52-3C1E-4B7A-9E2D-52454E4A4158}") -> bytes:
    """The bytes of a source-only ``vbaProject.bin`` holding ``modul`` (order is kept)."""
    nama = [m.nama.upper() for m in modul]
    if len(set(nama)) != len(nama):
        raise ValueError("nama modul VBA ganda")
    for m in modul:
        pertama = teks_modul(m.kode).split(b"\r\n", 1)[0]
        if pertama != f'Attribute VB_Name = "{m.nama}"'.encode(_ENKODE):
            raise ValueError(f"modul {m.nama}: baris pertama harus Attribute VB_Name = \"{m.nama}\"")
    streams: dict[str, bytes] = {
        "PROJECT": _project(nama_proyek, project_id, modul),
        "PROJECTwm": _project_wm(modul),
        "VBA/_VBA_PROJECT": b"\xcc\x61\xff\xff\x00\x01\x00",  # version 0xFFFF: no compiled cache
        "VBA/dir": kompres(_dir(nama_proyek, modul)),
    }
    for m in modul:
        streams[f"VBA/{m.nama}"] = kompres(teks_modul(m.kode))
    return tulis_cfb(streams)
