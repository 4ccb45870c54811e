"""CLI commands: ``renja-xl addin bangun | pasang | status | lepas``.

``bangun`` works everywhere (it only writes bytes). ``pasang``/``status``/``lepas`` wrap xlwings' own
add-in installation (``xlwings addin install --file``), which needs Excel: on Linux they explain that in
Indonesian and exit 2. The decisions (is this platform supported, which interpreter the add-in should
call, where the installed add-in lives) are small functions the tests exercise with monkeypatching.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from renja_xl.cli.bahasa import Aplikasi
from renja_xl.galat import GalatPengguna

grup = Aplikasi(help="Add-in Excel Renja-XL: bangun, pasang, status, lepas.", no_args_is_help=True)
_layar = Console(highlight=False, soft_wrap=True)
_galat = Console(stderr=True, highlight=False, soft_wrap=True)


def alasan_tidak_didukung(platform: str | None = None) -> str | None:
    """None on Windows and macOS (where Excel runs); otherwise the Indonesian explanation."""
    p = platform or sys.platform
    if p.startswith("win") or p == "darwin":
        return None
    return ("Pemasangan add-in membutuhkan Microsoft Excel, yang hanya ada di Windows atau macOS. "
            "Di komputer ini (tanpa Excel) add-in hanya dapat dibangun (renja-xl addin bangun). "
            "Pasang Python dan renja-xl di komputer Windows/macOS yang memiliki Excel, lalu jalankan "
            "'renja-xl addin pasang' di sana. Panduan: docs/panduan-addin.md.")


def interpreter_excel(executable: str | None = None, platform: str | None = None) -> tuple[str, str]:
    """(Interpreter_Win, Interpreter_Mac) for the add-in's config sheet: the Python running this command,
    so Excel finds the same installation that has renja-xl. On Windows ``pythonw.exe`` (no console window)
    when it sits next to ``python.exe``."""
    exe = Path(executable or sys.executable)
    p = platform or sys.platform
    if p.startswith("win"):
        w = exe.with_name("pythonw.exe")
        return (str(w if w.exists() else exe), "")
    if p == "darwin":
        return ("", str(exe))
    return ("", "")


def jalur_terpasang(folder_addin: str | Path) -> Path:
    """Where the installed add-in lives inside Excel's startup (XLSTART) folder."""
    from renja_xl.addin import NAMA_ADDIN

    return Path(folder_addin) / NAMA_ADDIN


def _folder_addin() -> Path:
    """Excel's XLSTART folder, as xlwings finds it (starts a hidden Excel when none is running)."""
    from xlwings import cli as xwcli

    return Path(xwcli.get_addin_dir(False))


def _wajib_excel() -> None:
    alasan = alasan_tidak_didukung()
    if alasan:
        _galat.print(f"[bold red]Tidak dapat:[/bold red] {alasan}")
        raise typer.Exit(2)


def _jalankan(fungsi, *args, **kwargs):  # type: ignore[no-untyped-def]
    try:
        return fungsi(*args, **kwargs)
    except GalatPengguna as e:
        _galat.print(f"[bold red]Galat:[/bold red] {e.teks()}")
        raise typer.Exit(2) from None


@grup.command("bangun")
def bangun(
    keluaran: Optional[Path] = typer.Option(None, "-o", "--keluaran",
                                            help="Berkas .xlam yang dibuat (bawaan: addin/renja_xl.xlam)."),
) -> None:
    """Bangun add-in renja_xl.xlam dari sumber di folder macros/ (hasilnya sama persis setiap kali)."""
    from renja_xl.addin import bangun as _bangun

    path = _jalankan(_bangun, keluaran)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    _layar.print(f"Add-in dibuat: {path}\nSHA-256: {sha}")


@grup.command("pasang")
def pasang() -> None:
    """Pasang add-in ke Excel (folder XLSTART) lewat xlwings; Excel memuatnya setiap kali dibuka."""
    _wajib_excel()
    from xlwings import cli as xwcli

    from renja_xl.addin import NAMA_ADDIN, Konfigurasi, bangun as _bangun

    win, mac = interpreter_excel()
    folder = Path(tempfile.mkdtemp(prefix="renja-xl-addin-"))
    sumber = _jalankan(_bangun, folder / NAMA_ADDIN, konfig=Konfigurasi(interpreter_win=win, interpreter_mac=mac))
    xwcli.addin_install(argparse.Namespace(file=str(sumber), dir=None, glob=False))
    tujuan = jalur_terpasang(_folder_addin())
    if not tujuan.is_file():
        _galat.print(f"[bold red]Galat:[/bold red] add-in tidak berhasil disalin ke {tujuan}. Tutup Excel lalu "
                     "jalankan perintah ini lagi.")
        raise typer.Exit(2)
    _layar.print(
        f"Add-in Renja-XL terpasang di {tujuan}.\n"
        f"Excel akan memanggil Python: {win or mac}\n"
        "Buka (atau tutup lalu buka lagi) Excel: tab 'Renja-XL' muncul di pita, dan fungsi =CAPAIAN(),\n"
        "=PREDIKAT(), =CEK_KODE() ... langsung dapat dipakai (tanpa pengaturan Trust Center).")


@grup.command("status")
def status() -> None:
    """Tampilkan apakah add-in Renja-XL sudah terpasang."""
    _wajib_excel()
    tujuan = jalur_terpasang(_folder_addin())
    if tujuan.is_file():
        _layar.print(f"Add-in Renja-XL terpasang di {tujuan}.\nCopot dengan: renja-xl addin lepas")
    else:
        _layar.print(f"Add-in Renja-XL belum terpasang.\n'renja-xl addin pasang' akan memasangnya di {tujuan}.")
        raise typer.Exit(1)


@grup.command("lepas")
def lepas() -> None:
    """Copot add-in Renja-XL dari Excel."""
    _wajib_excel()
    from xlwings import cli as xwcli

    from renja_xl.addin import NAMA_ADDIN

    tujuan = jalur_terpasang(_folder_addin())
    if not tujuan.is_file():
        _layar.print("Add-in Renja-XL memang belum terpasang; tidak ada yang dicopot.")
        return
    xwcli.addin_remove(argparse.Namespace(file=NAMA_ADDIN, dir=None, glob=False))
    if tujuan.is_file():
        _galat.print(f"[bold red]Galat:[/bold red] add-in masih ada di {tujuan}. Tutup Excel lalu coba lagi, "
                     "atau hapus berkas itu secara manual.")
        raise typer.Exit(2)
    _layar.print("Add-in Renja-XL sudah dicopot.")


def daftar(app: typer.Typer) -> None:
    """Add the addin commands to the main app."""
    app.add_typer(grup, name="addin")
