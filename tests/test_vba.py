"""The source-only VBA project writer, checked by independent readers (olefile, oletools/olevba) and
against a project Office itself wrote (the vbaProject.bin inside xlwings' add-in template)."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import Path

import olefile
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oletools.olevba import VBA_Parser, decompress_stream

from renja_xl.vba import Modul, bangun_vba_project, dekompres, kompres
from renja_xl.vba.cfb import tulis_cfb
from renja_xl.vba.ovba import dekripsi, enkripsi, teks_modul


def _templat_vba() -> bytes:
    import xlwings

    p = Path(xlwings.__file__).parent / "quickstart_addin_ribbon.xlam"
    with zipfile.ZipFile(p) as z:
        return z.read("xl/vbaProject.bin")


# ------------------------------------------------------------------------------------------- compression

_TEKS_VBA = st.text(alphabet=st.sampled_from(list("Sub End If Then Dim As String \r\n\"'()=&.,0123456789")),
                    max_size=12000).map(lambda s: s.encode("cp1252"))


@settings(max_examples=60, deadline=None)
@given(_TEKS_VBA)
def test_kompres_dibaca_olevba(data: bytes) -> None:
    c = kompres(data)
    assert c[0] == 1
    assert bytes(decompress_stream(bytearray(c))) == data
    assert dekompres(c) == data


@pytest.mark.parametrize("n", [0, 1, 3, 4095, 4096, 4097, 8192, 8193, 20000])
def test_kompres_batas_chunk(n: int) -> None:
    # repetitive text (long copy tokens across the 4096-byte chunk boundary) and one byte repeated
    for data in ((b"Attribute VB_Name = \"x\"\r\n" * 2000)[:n], b"a" * n):
        c = kompres(data)
        assert bytes(decompress_stream(bytearray(c))) == data
        assert dekompres(c) == data


def test_kompres_benar_benar_mengecilkan() -> None:
    data = (b"    RunPython \"import renja_xl.macros as m; m.main()\"\r\n" * 300)
    assert len(kompres(data)) < len(data) // 5


def test_chunk_mentah_untuk_data_acak() -> None:
    import random

    acak = random.Random(7)
    data = bytes(acak.getrandbits(8) for _ in range(8192))
    c = kompres(data)
    assert struct.unpack_from("<H", c, 1)[0] == 0x3FFF  # uncompressed chunk header
    assert bytes(decompress_stream(bytearray(c))) == data


def test_dekompres_membaca_keluaran_office() -> None:
    """Our decompressor agrees with olevba on streams Office compressed (dir stream of the template)."""
    ole = olefile.OleFileIO(io.BytesIO(_templat_vba()))
    raw = ole.openstream("VBA/dir").read()
    assert dekompres(raw) == bytes(decompress_stream(bytearray(raw)))


# ------------------------------------------------------------------------------------------- encryption

def test_dekripsi_nilai_office_dan_milik_kita() -> None:
    ole = olefile.OleFileIO(io.BytesIO(_templat_vba()))
    project = ole.openstream("PROJECT").read().decode("cp1252")
    nilai = dict(baris.split("=", 1) for baris in project.splitlines() if "=" in baris)
    project_id = nilai["ID"].strip('"')
    kunci = sum(project_id.encode()) & 0xFF
    # Office's own values: no protection, no password, visible
    assert dekripsi(nilai["CMG"].strip('"')) == (kunci, b"\0\0\0\0")
    assert dekripsi(nilai["DPB"].strip('"')) == (kunci, b"\0")
    assert dekripsi(nilai["GC"].strip('"')) == (kunci, b"\xff")
    for seed in (0x00, 0x5D, 0xA7, 0xFF):
        teks = enkripsi(b"\x01\x02\x03", project_id, seed)
        assert dekripsi(teks) == (kunci, b"\x01\x02\x03")


# ------------------------------------------------------------------------------------------- CFB

def _periksa_pohon(ole: olefile.OleFileIO) -> None:
    """Every storage's children form a binary search tree in CFB order and a valid red-black tree."""
    def kunci(e):  # type: ignore[no-untyped-def]
        return (len(e.name.encode("utf-16-le")), e.name.upper())

    for e in ole.direntries:
        if e is None or e.entry_type not in (olefile.STGTY_STORAGE, olefile.STGTY_ROOT):
            continue

        def jalan(sid: int, lo, hi) -> int:  # type: ignore[no-untyped-def]
            if sid == olefile.NOSTREAM:
                return 1
            n = ole.direntries[sid]
            k = kunci(n)
            assert (lo is None or lo < k) and (hi is None or k < hi)
            kiri = jalan(n.sid_left, lo, k)
            kanan = jalan(n.sid_right, k, hi)
            assert kiri == kanan, "tinggi hitam berbeda"
            if n.color == 0:  # red: children must be black
                for anak in (n.sid_left, n.sid_right):
                    assert anak == olefile.NOSTREAM or ole.direntries[anak].color == 1
            return kiri + (1 if n.color == 1 else 0)

        if e.sid_child != olefile.NOSTREAM:
            jalan(e.sid_child, None, None)


@pytest.mark.parametrize("jumlah,besar", [(3, 100), (40, 5000), (150, 300_000)])
def test_cfb_dibaca_olefile(jumlah: int, besar: int) -> None:
    streams = {f"S/aliran{i:03d}": bytes([i % 251]) * (i * 37 % 9000) for i in range(jumlah)}
    streams["Besar"] = bytes(range(256)) * (besar // 256)
    streams["PROJECT"] = b"ID=1\r\n"
    data = tulis_cfb(streams)
    assert len(data) % 512 == 0
    ole = olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_POTENTIAL)
    for nama, isi in streams.items():
        assert ole.openstream(nama).read() == isi
    assert sorted("/".join(p) for p in ole.listdir()) == sorted(streams)
    _periksa_pohon(ole)
    assert tulis_cfb(streams) == data  # deterministic


def test_cfb_tanpa_tanggal_dan_clsid() -> None:
    ole = olefile.OleFileIO(io.BytesIO(tulis_cfb({"A/b": b"x" * 10})))
    for e in ole.direntries:
        if e is not None:
            assert e.clsid == "" and e.createTime == 0 and e.modifyTime == 0


# ------------------------------------------------------------------------------------------- the project

_MODUL = [
    Modul("ThisWorkbook", 'Attribute VB_Name = "ThisWorkbook"\nAttribute VB_Base = '
          '"0{00020819-0000-0000-C000-000000000046}"\nAttribute VB_PredeclaredId = True\n', "dokumen"),
    Modul("Kelas1", 'Attribute VB_Name = "Kelas1"\nAttribute VB_PredeclaredId = False\nPublic X As Long\n',
          "kelas"),
    Modul("Modul1", 'Attribute VB_Name = "Modul1"\nSub Halo(control As IRibbonControl)\n'
          '    MsgBox "Halo Dunia, é"\nEnd Sub\n' + "' baris panjang\n" * 800, "modul"),
]


def _records(dir_data: bytes) -> list[tuple[int, bytes]]:
    out, i = [], 0
    while i < len(dir_data):
        rid, ukuran = struct.unpack_from("<HI", dir_data, i)
        if rid == 0x0009:  # PROJECTVERSION: Size field is Reserved (4), body is 6 bytes
            ukuran = 6
        out.append((rid, dir_data[i + 6:i + 6 + ukuran]))
        i += 6 + ukuran
    return out


def test_proyek_dibaca_olevba() -> None:
    data = bangun_vba_project(_MODUL, nama_proyek="Uji")
    vba = VBA_Parser("vbaProject.bin", data=data)
    assert vba.detect_vba_macros()
    kode = {sp.split("/")[-1]: k for _f, sp, _n, k in vba.extract_macros()}
    assert set(kode) == {m.nama for m in _MODUL}
    for m in _MODUL:
        assert kode[m.nama] == teks_modul(m.kode).decode("cp1252")
        assert kode[m.nama].replace("\r\n", "\n") == m.kode


def test_proyek_tanpa_cache_kinerja() -> None:
    ole = olefile.OleFileIO(io.BytesIO(bangun_vba_project(_MODUL, nama_proyek="Uji")),
                            raise_defects=olefile.DEFECT_POTENTIAL)
    assert ole.openstream("VBA/_VBA_PROJECT").read()[:4] == b"\xcc\x61\xff\xff"
    rek = _records(bytes(decompress_stream(bytearray(ole.openstream("VBA/dir").read()))))
    ids = [r for r, _ in rek]
    assert ids[-1] == 0x0010
    assert dict(rek)[0x0004] == b"Uji"
    assert struct.unpack("<H", dict(rek)[0x000F])[0] == len(_MODUL)
    offsets = [struct.unpack("<I", b)[0] for r, b in rek if r == 0x0031]
    assert offsets == [0] * len(_MODUL)  # source only: no performance cache before the source
    nama_ref = [b.decode() for r, b in rek if r == 0x0016]
    assert nama_ref == ["stdole", "Office"]
    tipe = [r for r, _ in rek if r in (0x0021, 0x0022)]
    assert tipe == [0x0022, 0x0022, 0x0021]  # document, class, standard module
    project = ole.openstream("PROJECT").read().decode("cp1252").splitlines()
    assert "Document=ThisWorkbook/&H00000000" in project
    assert "Class=Kelas1" in project and "Module=Modul1" in project and 'Name="Uji"' in project
    wm = ole.openstream("PROJECTwm").read()
    assert wm.endswith(b"\0\0") and b"Modul1\0" + "Modul1".encode("utf-16-le") + b"\0\0" in wm


def test_proyek_menolak_nama_tidak_cocok() -> None:
    with pytest.raises(ValueError):
        bangun_vba_project([Modul("A", 'Attribute VB_Name = "B"\n')])
    with pytest.raises(ValueError):
        bangun_vba_project([Modul("A", 'Attribute VB_Name = "A"\n'), Modul("a", 'Attribute VB_Name = "a"\n')])
    with pytest.raises(ValueError):
        Modul("bukan nama", "")


def test_templat_xlwings_dibangun_ulang() -> None:
    """Re-writing the modules of xlwings' own add-in gives a project olevba reads back identically."""
    vba = VBA_Parser("t.bin", data=_templat_vba())
    modul = []
    for _f, sp, nama, kode in vba.extract_macros():
        jenis = "modul" if nama.endswith(".bas") else (
            "dokumen" if "VB_Base" in kode else "kelas")
        modul.append(Modul(sp.split("/")[-1], kode, jenis))
    baru = VBA_Parser("b.bin", data=bangun_vba_project(modul))
    hasil = {sp.split("/")[-1]: k for _f, sp, _n, k in baru.extract_macros()}
    for m in modul:
        assert hasil[m.nama] == teks_modul(m.kode).decode("cp1252")


# ------------------------------------------------------------------------------------------- vs. Excel's own
# xlwings' wheel ships projects Excel saved. addin/xlwings.xlam carries the same two references as ours
# (stdole, Office), so its dir stream is compared record by record (MS-OVBA 2.3.4.2), and its PROJECT
# stream line by line (2.3.1).

_DOKUMEN_EXCEL = {"{00020819-0000-0000-C000-000000000046}", "{00020820-0000-0000-C000-000000000046}"}


def _vba_excel(nama: str = "addin/xlwings.xlam") -> bytes:
    import xlwings

    with zipfile.ZipFile(Path(xlwings.__file__).parent / nama) as z:
        return z.read("xl/vbaProject.bin")


def _vba_kita() -> bytes:
    from renja_xl import addin

    with zipfile.ZipFile(io.BytesIO(addin.bangun_bytes())) as z:
        return z.read("xl/vbaProject.bin")


def _dir(data: bytes) -> list[tuple[int, bytes]]:
    ole = olefile.OleFileIO(io.BytesIO(data))
    return _records(bytes(decompress_stream(bytearray(ole.openstream("VBA/dir").read()))))


def _bagian_dir(rek: list[tuple[int, bytes]]) -> tuple[list[int], list[list[tuple[int, bytes]]],
                                                        list[list[tuple[int, bytes]]], list[int]]:
    """(information ids, references, modules, tail ids) of a dir stream."""
    ids = [r for r, _ in rek]
    awal_ref = ids.index(0x0016)
    awal_modul = ids.index(0x000F)
    info = ids[:awal_ref]
    ref: list[list[tuple[int, bytes]]] = []
    for r in rek[awal_ref:awal_modul]:
        if r[0] == 0x0016:
            ref.append([])
        ref[-1].append(r)
    modul: list[list[tuple[int, bytes]]] = []
    for r in rek[awal_modul + 2:]:
        if r[0] == 0x0019:
            modul.append([])
        if r[0] == 0x0010:
            break
        modul[-1].append(r)
    return info, ref, modul, ids[awal_modul:awal_modul + 2] + [ids[-1]]


def _project(data: bytes) -> list[str]:
    return olefile.OleFileIO(io.BytesIO(data)).openstream("PROJECT").read().decode("cp1252").splitlines()


def test_dir_sama_strukturnya_dengan_buatan_excel() -> None:
    excel, kita = _bagian_dir(_dir(_vba_excel())), _bagian_dir(_dir(_vba_kita()))
    # PROJECTINFORMATION: same records in the same order (0x004A, Office 2016's compat version, is optional)
    assert [r for r in excel[0] if r != 0x004A] == kita[0]
    # PROJECTREFERENCES: same libraries, each NAME + NAME unicode + REFERENCEREGISTERED with the same LIBID
    assert [[r for r, _ in ref] for ref in excel[1]] == [[r for r, _ in ref] for ref in kita[1]]
    for re_, rk in zip(excel[1], kita[1]):
        assert re_[0][1] == rk[0][1]
        libid_excel, libid_kita = (struct.unpack_from("<I", r[2][1])[0] for r in (re_, rk))
        assert re_[2][1][4:4 + 41] == rk[2][1][4:4 + 41]          # *\G{GUID}#major.minor, path may differ
        assert rk[2][1][4 + libid_kita:] == re_[2][1][4 + libid_excel:] == b"\0" * 6  # Reserved1/2
    # PROJECTMODULES: count, cookie, and per module the same record sequence as Excel writes
    assert excel[3] == kita[3] == [0x000F, 0x0013, 0x0010]
    pola_excel = {tuple(r for r, _ in m) for m in excel[2]}
    for m in kita[2]:
        assert tuple(r for r, _ in m) in pola_excel, m[0][1]
    rek = _dir(_vba_kita())
    assert struct.unpack("<H", dict(rek)[0x000F])[0] == len(kita[2])


def test_jenis_modul_di_dir_dan_project_cocok() -> None:
    """Module= <-> MODULETYPE 0x21; Class=/Document= <-> 0x22, in Excel's project and ours alike."""
    for data in (_vba_excel(), _vba_excel("quickstart_addin_ribbon.xlam"), _vba_kita()):
        jenis_dir = {m[0][1].decode("cp1252"): next(r for r, _ in m if r in (0x21, 0x22))
                     for m in _bagian_dir(_dir(data))[2]}
        baris = [b.split("=", 1) for b in _project(data) if b.split("=", 1)[0] in ("Module", "Class", "Document")]
        assert len(baris) == len(jenis_dir)
        for kunci, nilai in baris:
            nama = nilai.split("/", 1)[0]
            assert jenis_dir[nama] == (0x21 if kunci == "Module" else 0x22), (kunci, nama)


def _sumber(data: bytes) -> dict[str, str]:
    return {sp.split("/")[-1]: k for _f, sp, _n, k in VBA_Parser("v.bin", data=data).extract_macros()}


def test_hanya_objek_host_yang_dokumen() -> None:
    """A module is Document= only when its VB_Base is Excel's Workbook/Worksheet; classes are Class=,
    exactly as Excel wrote xlwings' projects (Dictionary is Class= there)."""
    for data in (_vba_excel(), _vba_excel("quickstart_addin_ribbon.xlam"), _vba_kita()):
        sumber = _sumber(data)
        for b in _project(data):
            kunci, _, nilai = b.partition("=")
            if kunci not in ("Document", "Class"):
                continue
            nama = nilai.split("/", 1)[0]
            m = re.search(r'^Attribute VB_Base = "0(\{[^}]+\})"', sumber[nama], re.M)
            assert m, nama
            assert (m.group(1) in _DOKUMEN_EXCEL) == (kunci == "Document"), (kunci, nama)
    project = _project(_vba_kita())
    assert "Class=Dictionary" in project
    assert sorted(b for b in project if b.startswith("Document=")) == [
        "Document=Sheet2/&H00000000", "Document=ThisWorkbook/&H00000000"]


def test_project_urutan_kunci_seperti_excel() -> None:
    def kunci(baris: list[str]) -> list[str]:
        out: list[str] = []
        for b in baris:
            k = b.split("=", 1)[0] if "=" in b else b
            k = "MODUL" if k in ("Module", "Class", "Document") else k
            if k.startswith("&H"):
                k = "HOST"
            if not out or out[-1] != k:
                out.append(k)
        i = out.index("[Workspace]")
        return out[:i + 1]  # workspace lines are window positions, one per module

    assert kunci(_project(_vba_kita())) == kunci(_project(_vba_excel("quickstart_addin_ribbon.xlam")))
    ws = _project(_vba_kita())
    ws = ws[ws.index("[Workspace]") + 1:]
    nama = [b.split("=", 1)[1].split("/")[0] for b in _project(_vba_kita())
            if b.split("=", 1)[0] in ("Module", "Class", "Document")]
    assert [b.split("=", 1)[0] for b in ws if b] == nama


_KATA_VBA = re.compile(r"\b[A-Za-z][A-Za-z0-9_]*\b")


def identitas_vba(kode: str) -> list[str]:
    """Identifiers and keywords of VBA source, without strings, comments and Attribute lines."""
    out: list[str] = []
    for baris in kode.splitlines():
        if baris.lstrip().startswith("Attribute "):
            continue
        s = re.sub(r'"[^"]*"', '""', baris)
        m = re.search(r"'|(^|\s)Rem\s", s)
        out += _KATA_VBA.findall(s[:m.start()] if m else s)
    return out


def test_identitas_vba_membuang_teks_dan_komentar() -> None:
    assert identitas_vba('x = "Err" \' err di komentar\nAttribute Foo.VB_Description = "a"\nErr.Raise 5') == \
        ["x", "Err", "Raise"]


def test_tidak_ada_nama_yang_hanya_beda_huruf_besar() -> None:
    """The VBA editor re-cases every spelling of an identifier to the last one typed: `Function PREDIKAT
    (capaian)` would turn the function CAPAIAN into `capaian`. No two spellings across the whole project."""
    ejaan: dict[str, set[str]] = {}
    for nama, kode in _sumber(_vba_kita()).items():
        for k in identitas_vba(kode):
            ejaan.setdefault(k.lower(), set()).add(k)
    bentrok = {k: v for k, v in ejaan.items() if len(v) > 1}
    assert not bentrok, bentrok
