"""Robustness: bad, hostile and broken workbooks get a clear answer and lose nothing.

Every input of ``korpus_rusak.KORPUS`` goes through ``buku.buka``/``baca_nilai`` and through each CLI
command that reads a file (``buat``, ``periksa``, ``kode``, ``nomenklatur impor``; a command not registered
yet is skipped). Invariants: a GalatPengguna / exit code 2 with one Indonesian paragraph and no traceback,
or a normal load for valid-but-odd input; the input file is never modified; an existing output is not
overwritten without ``--timpa``; a failure leaves no half-written file.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path

from typing import Any

import pytest
import typer

from renja_xl import buku
from renja_xl.galat import GalatPengguna

sys.path.insert(0, str(Path(__file__).parent))
import korpus_rusak as korpus  # noqa: E402

KASUS = {k.nama: k for k in korpus.KORPUS}


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def berkas_korpus(tmp_path_factory: pytest.TempPathFactory):
    """Builds each corpus file once per module (the zip bomb and the million rows take a second)."""
    akar = tmp_path_factory.mktemp("korpus")
    cache: dict[str, Path] = {}

    def ambil(nama: str) -> Path:
        if nama not in cache:
            d = akar / nama
            d.mkdir()
            cache[nama] = KASUS[nama].buat(d)
        return cache[nama]

    return ambil


# ---- buku.buka / baca_nilai ------------------------------------------------------------------------

@pytest.mark.parametrize("fungsi", ["buka", "baca_nilai"])
@pytest.mark.parametrize("nama", list(KASUS))
def test_buku_memberi_jawaban_jelas(berkas_korpus, nama: str, fungsi: str) -> None:
    kasus = KASUS[nama]
    p = berkas_korpus(nama)
    sebelum = sha(p)
    baca = getattr(buku, fungsi)
    if kasus.harapan == "galat":
        with pytest.raises(GalatPengguna) as e:
            baca(p)
        teks = str(e.value)
        assert p.name in teks
        assert "\n\n" not in teks
        for kata in kasus.kata:
            assert kata in teks.lower(), teks
    else:
        assert baca(p) is not None
    assert sha(p) == sebelum


def test_isi_masukan_aneh_tetap_utuh(berkas_korpus) -> None:
    """Valid-but-odd inputs load with their content intact."""
    ws = buku.buka(berkas_korpus("sel_gabung_header"))["E.81"]
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:F1", "A3:A4", "B3:E3"}
    assert ws["A5"].value == "1.01"

    ws = buku.buka(berkas_korpus("formula_ref")).active
    assert ws["B1"].value == "=#REF!+1" and ws["C1"].value == "=SUM(#REF!)"
    assert buku.buka(berkas_korpus("formula_ref"), data_only=True).active["B1"].value is None

    p = berkas_korpus("sel_berbahaya")
    ws = buku.buka(p).active
    assert ws["C1"].value == korpus.TEKS_CMD and ws["C1"].data_type == "s"
    assert ws["B1"].data_type == "f"  # a real formula stays a formula; the checker decides what to do
    assert buku.baca_nilai(p)["Sheet"][0][2] == korpus.TEKS_CMD

    p = berkas_korpus("teks_panjang")
    assert len(buku.buka(p).active["A1"].value) == korpus.PANJANG_MAKS
    assert len(buku.baca_nilai(p)["Sheet"][0][0]) == korpus.PANJANG_MAKS

    kode = [r[0] for r in buku.baca_nilai(berkas_korpus("kode_angka"))["Sheet"][1:]]
    assert kode == [1.01, 2.1, 1]

    ws = buku.buka(berkas_korpus("juta_baris_bergaya")).active
    assert ws.max_row == 2 and ws["B2"].value == "Pendidikan"
    assert buku.buka(berkas_korpus("lembar_pindah"))["Data"]["B2"].value == "Penyusunan Dokumen Perencanaan"
    assert buku.baca_nilai(berkas_korpus("lembar_pindah"))["Data"][1][1] == "Penyusunan Dokumen Perencanaan"
    ws = buku.buka(berkas_korpus("sel_bergaya_terjauh"))["Data"]  # formatting-only far cell is dropped
    assert (ws.max_row, ws.max_column) == (1, 1) and ws["A1"].value == "Kode"
    ro = buku.buka(berkas_korpus("dimensi_raksasa"), read_only=True)["Data"]
    assert len(list(ro.iter_rows(values_only=True))) == 3


_BATAS_MEMORI = 768 * 1024 * 1024


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="batas RLIMIT_AS hanya andal di Linux")
@pytest.mark.parametrize("nama", ["juta_baris_bergaya", "zip_bomb", "zip_bomb_rasio", "billion_laughs",
                                  "gabung_raksasa", "sel_terjauh"])
def test_memori_terbatas(berkas_korpus, nama: str) -> None:
    """Under a 768 MB address-space cap (plain openpyxl needs ~1.5 GB for the million rows)."""
    p = berkas_korpus(nama)
    kode = textwrap.dedent(f"""
        import json, resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({_BATAS_MEMORI}, {_BATAS_MEMORI}))
        from renja_xl import buku
        from renja_xl.galat import GalatPengguna
        hasil = {{}}
        for f in ("buka", "baca_nilai"):
            try:
                getattr(buku, f)({str(p)!r}); hasil[f] = "baik"
            except GalatPengguna:
                hasil[f] = "galat"
        print(json.dumps(hasil))
    """)
    r = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    hasil = json.loads(r.stdout.strip().splitlines()[-1])
    assert hasil == {"buka": KASUS[nama].harapan, "baca_nilai": KASUS[nama].harapan}


# ---- CLI ---------------------------------------------------------------------------------------------

_BERBAHAYA = {"zip_bomb": "zip bomb", "zip_bomb_rasio": "zip bomb", "billion_laughs": "dtd", "xxe": "dtd",
              "billion_laughs_tersembunyi": "dtd"}
PERINTAH = [("buat",), ("periksa",), ("nomenklatur", "impor")]     # the commands that read a file
# (``kode`` reads codes from its arguments: its hostile inputs are in test_cli_kode_masukan_aneh)
_NAMA_KELUARAN = ("keluar", "output", "hasil", "laporan", "tujuan")


def _perintah(jalur: tuple[str, ...]) -> Any:
    """The (typer-built) command object, or None. Duck-typed: typer >= 0.29 vendors its own click."""
    from renja_xl.cli import app

    cmd: Any = typer.main.get_command(app)
    for bagian in jalur:
        if bagian not in getattr(cmd, "commands", {}):
            return None
        cmd = cmd.commands[bagian]
    return cmd


def _adalah_path(p: Any) -> bool:
    anotasi = getattr(getattr(p, "type_descriptor", None), "annotation", None)
    return ("Path" in repr(anotasi) or type(getattr(p, "type", None)).__name__ == "Path"
            or p.name in ("berkas", "masukan", "data_induk", "sumber"))


def _argumen(jalur: tuple[str, ...], masukan: Path, keluaran: Path) -> list[str]:
    """argv for the command with ``masukan`` as its file argument, or skip when it takes no file."""
    cmd = _perintah(jalur)
    assert cmd is not None, f"perintah '{' '.join(jalur)}' tidak terdaftar"
    argv = list(jalur)
    ada_berkas = False
    for p in cmd.params:
        adalah_path = _adalah_path(p)
        if p.param_type_name == "argument":
            if adalah_path and not ada_berkas:
                argv.append(str(masukan))
                ada_berkas = True
            elif p.required:
                pytest.fail(f"'{' '.join(jalur)}' tidak menerima berkas masukan (argumen '{p.name}' bukan berkas)")
        elif not getattr(p, "is_flag", False) and any(k in (p.name or "") for k in _NAMA_KELUARAN):
            argv += [p.opts[0], str(keluaran)]
        elif p.required:
            pytest.fail(f"opsi wajib '{p.name}' dari '{' '.join(jalur)}' tidak dikenal tes ini")
    if not ada_berkas:
        pytest.fail(f"'{' '.join(jalur)}' tidak menerima berkas masukan")
    if jalur == ("buat",):
        argv.append("--semua")   # which form is a choice, not a file; every form reads the same Data Induk
    return argv


def jalankan(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run the real entry point ``renja_xl.cli.main`` in-process; returns (exit code, stdout+stderr)."""
    from renja_xl.cli import main

    try:
        main(argv)
        kode = 0
    except SystemExit as e:
        kode = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    keluar = capsys.readouterr()
    return kode, keluar.out + keluar.err


@pytest.mark.parametrize("jalur", PERINTAH, ids=lambda j: " ".join(j))
@pytest.mark.parametrize("nama", list(KASUS))
def test_cli_masukan_rusak(berkas_korpus, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                           jalur: tuple[str, ...], nama: str) -> None:
    kasus = KASUS[nama]
    p = berkas_korpus(nama)
    sebelum = sha(p)
    folder = tmp_path / "keluar"
    folder.mkdir()
    keluaran = folder / "hasil.xlsx"
    argv = _argumen(jalur, p, keluaran)
    kode, teks = jalankan(argv, capsys)
    assert "Traceback" not in teks
    assert sha(p) == sebelum, "berkas masukan tidak boleh berubah"
    if kasus.harapan == "galat" and not (nama == "csv_bukan_utf8" and jalur == ("nomenklatur", "impor")):
        assert kode == 2, teks
        pesan = teks.strip()
        assert p.name in pesan, pesan
        assert "\n\n" not in pesan, "satu paragraf"
        assert not keluaran.exists(), "kegagalan tidak meninggalkan berkas keluaran"
        if nama in _BERBAHAYA:  # must be stopped by buku's checks, not discovered by a parser later
            assert _BERBAHAYA[nama] in pesan.lower(), f"harus ditolak oleh renja_xl.buku: {pesan}"
    else:
        assert kode in (0, 1, 2), teks
    assert [x.name for x in folder.iterdir() if x.name.startswith(".~")] == [], "tidak ada berkas sementara tersisa"


@pytest.mark.parametrize("jalur", [j for j in PERINTAH if j != ("nomenklatur", "impor")], ids=lambda j: " ".join(j))
def test_cli_tidak_menimpa_tanpa_timpa(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       jalur: tuple[str, ...]) -> None:
    """A command that writes a file never replaces an existing one without --timpa: it refuses (buat) or
    writes a new name beside it (periksa's report), and leaves the old file as it was."""
    cmd = _perintah(jalur)
    assert cmd is not None, f"perintah '{' '.join(jalur)}' tidak terdaftar"
    assert any("--timpa" in getattr(p, "opts", []) for p in cmd.params), f"'{' '.join(jalur)}' tanpa --timpa"
    from renja_xl.contoh import tulis_contoh

    masukan = tulis_contoh(tmp_path / "data_induk.xlsx")
    if jalur == ("periksa",):   # a workbook with a recognised form: without one periksa stops before writing
        from renja_xl.data_induk import baca_data_induk
        from renja_xl.generator import isi_buku

        e81 = tmp_path / "e81.xlsx"
        isi_buku(baca_data_induk(masukan), "e81", 1).save(e81)
        masukan = e81
    keluaran = tmp_path / "hasil.xlsx"
    keluaran.write_bytes(b"isi lama milik pengguna")
    argv = _argumen(jalur, masukan, keluaran)
    assert str(keluaran) in argv, f"'{' '.join(jalur)}' tidak punya opsi keluaran yang dikenal tes ini"
    sebelum = sha(masukan)
    kode, teks = jalankan(argv, capsys)
    assert "Traceback" not in teks
    if jalur == ("periksa",):   # a report is never refused: it goes next to the old one as "hasil (2).xlsx"
        assert kode in (0, 1), teks
        assert (tmp_path / "hasil (2).xlsx").exists() and "hasil (2).xlsx" in teks
    else:
        assert kode == 2 and "--timpa" in teks, teks
    assert keluaran.read_bytes() == b"isi lama milik pengguna"
    assert sha(masukan) == sebelum


@pytest.mark.parametrize("teks", ["=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"y\")", "2" * 100_000,
                                  "1.1", "\x00\x01\ufffd", "2.17.01.2.01.0001 " + "x" * 5000, "", "   "])
def test_cli_kode_masukan_aneh(capsys: pytest.CaptureFixture[str], teks: str) -> None:
    """``kode`` with hostile or absurd arguments: an answer per code, never a traceback, bounded output."""
    kode, keluar = jalankan(["kode", teks], capsys)
    assert kode in (0, 1, 2), keluar
    assert "Traceback" not in keluar
    assert len(keluar) < 20_000
