"""The command line in Bahasa Indonesia: help screens, usage lines and parse errors.

typer/click print English framework words ("Usage", "Options", "[required]", "Missing argument ...").
Rather than patching their internals, every command and group of renja-xl is built from the classes
here, passed through typer's documented ``cls`` parameter (:class:`Aplikasi` does that by default):

* ``format_help`` renders the help screen itself (rich panels "Argumen", "Opsi", "Perintah");
* ``format_usage`` / ``collect_usage_pieces`` write "Penggunaan: renja-xl buat [OPSI] DATA_INDUK";
* ``get_help_option`` gives ``--help`` an Indonesian description;
* ``main`` prints parse errors in Indonesian (exit code 2, as click does).
"""

from __future__ import annotations

import inspect
import io
import re
import shutil
import sys
from typing import Any, Sequence

import typer
from rich import box
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from typer.core import TyperCommand, TyperGroup

from renja_xl.galat import GalatPengguna

try:  # typer >= 0.2x carries its own copy of click
    from typer._click import exceptions as _exc
except ImportError:  # pragma: no cover - older typer on top of click
    from click import exceptions as _exc  # type: ignore[no-redef]

__all__ = ["Aplikasi", "PerintahID", "KelompokID", "pesan_galat", "TEKS_BANTUAN"]

TEKS_BANTUAN = "Tampilkan pesan ini lalu keluar."
_OPSI = "[OPSI]"
_PERINTAH = "PERINTAH [ARGUMEN]..."
_LEBAR_MAKS = 100
# old spellings still accepted but no longer shown in help (one name for one meaning)
# (parameter, spelling): buat's --keluar is --keluaran, rekap's --tingkat is --pemda, demo's -f (which means
# --form in buat) is --folder
ALIAS_LAMA = frozenset({("keluar", "--keluar"), ("tingkat", "--tingkat"), ("folder", "-f")})


def _tampak(p: Any, opsi: str) -> bool:
    return opsi.startswith("-") and (p.name, opsi) not in ALIAS_LAMA


# ---------------------------------------------------------------------------------------------- parameters

def _argumen(p: Any) -> bool:
    return getattr(p, "param_type_name", "") == "argument"


def _bendera(p: Any) -> bool:
    return bool(getattr(p, "is_flag", False)) or bool(getattr(p, "count", False))


def _nama_argumen(p: Any) -> str:
    nama = p.metavar or (p.name or "").upper()
    return nama + ("..." if p.nargs != 1 else "")


def _anotasi(p: Any) -> Any:
    """The Python type of a parameter (typer >= 0.2x keeps it on ``type_descriptor``; click on ``type``)."""
    td = getattr(p, "type_descriptor", None)
    if td is not None:
        return getattr(td, "annotation", None)
    return getattr(getattr(p, "type", None), "name", None)


def _jenis(p: Any) -> str:
    """The value placeholder shown after an option: BERKAS, BILANGAN, ANGKA, TEKS."""
    if _bendera(p):
        return ""
    if p.metavar and not _argumen(p):
        return str(p.metavar)
    a = _anotasi(p)
    teks = str(a).lower()
    ulang = "list" in teks or "tuple" in teks or getattr(p, "multiple", False)
    if "path" in teks:
        dasar = "FOLDER" if "folder" in (p.name or "").lower() else "BERKAS"
    elif "int" in teks:
        dasar = "BILANGAN"
    elif "float" in teks:
        dasar = "ANGKA"
    else:
        dasar = "TEKS"
    return dasar + ("..." if ulang and _argumen(p) else "")


def _nama_opsi(p: Any) -> str:
    opsi = sorted(list(p.opts) + list(getattr(p, "secondary_opts", []) or []),
                  key=lambda o: (o.startswith("--"), o))
    return ", ".join(o for o in opsi if _tampak(p, o))


def _petunjuk_param(p: Any) -> str:
    """How a parameter is named in an error: DATA_INDUK for an argument, -o/--keluaran for an option."""
    if _argumen(p):
        return _nama_argumen(p)
    return "/".join(o for o in p.opts if _tampak(p, o)) or (p.name or "")


def _bawaan(p: Any) -> str | None:
    if _bendera(p) or getattr(p, "show_default", True) is False:
        return None
    d = p.default
    if d is None or callable(d) or d == "" or d == () or d == []:
        return None
    if isinstance(d, (list, tuple)):
        return ", ".join(str(x) for x in d)
    return str(getattr(d, "value", d))


# ------------------------------------------------------------------------------------------------ help text

def _lebar() -> int:
    return max(40, min(_LEBAR_MAKS, shutil.get_terminal_size((80, 24)).columns))


def _teks_bantuan(cmd: Any) -> str:
    teks = inspect.cleandoc(cmd.help or "")
    return teks.replace("\b\n", "").replace("\b", "")


def _panel(judul: str, tabel: Table) -> Panel:
    return Panel(tabel, title=judul, title_align="left", border_style="dim", box=box.ROUNDED)


def _tabel() -> Table:
    t = Table(show_header=False, box=None, expand=True, padding=(0, 1), pad_edge=False)
    return t


def tulis_bantuan(cmd: Any, ctx: Any) -> str:
    """The whole help screen of a command or group, as text (rendered by rich, colours only on a terminal)."""
    buf = io.StringIO()
    warna = sys.stdout.isatty() if hasattr(sys.stdout, "isatty") else False
    layar = Console(file=buf, width=_lebar(), force_terminal=warna, color_system="standard" if warna else None,
                    highlight=False, soft_wrap=False, legacy_windows=False)
    layar.print(Text(f"Penggunaan: {ctx.command_path} {' '.join(cmd.collect_usage_pieces(ctx))}".rstrip(),
                     style="bold"))
    layar.print()
    teks = _teks_bantuan(cmd)
    if teks:
        for paragraf in re.split(r"\n\s*\n", teks):
            layar.print(Text(" ".join(paragraf.split())))
            layar.print()
    params = [p for p in cmd.get_params(ctx) if not getattr(p, "hidden", False)]
    argumen = [p for p in params if _argumen(p)]
    opsi = [p for p in params if not _argumen(p)]
    if argumen:
        t = _tabel()
        t.add_column(width=1, no_wrap=True)
        t.add_column(no_wrap=True, style="bold cyan")
        t.add_column(no_wrap=True, style="yellow")
        t.add_column(ratio=1)
        for p in argumen:
            jenis = _jenis(p)
            t.add_row(*map(Text, ("*" if p.required else "", _nama_argumen(p),
                                  "" if jenis.rstrip(".") == _nama_argumen(p).rstrip(".") else jenis,
                                  _keterangan(p))))
        layar.print(_panel("Argumen", t))
    if opsi:
        t = _tabel()
        t.add_column(width=1, no_wrap=True)
        t.add_column(no_wrap=True, style="bold cyan")
        t.add_column(no_wrap=True, style="yellow")
        t.add_column(ratio=1)
        for p in opsi:
            t.add_row(*map(Text, ("*" if p.required else "", _nama_opsi(p), _jenis(p), _keterangan(p))))
        layar.print(_panel("Opsi", t))
    if isinstance(cmd, TyperGroup):
        t = _tabel()
        t.add_column(no_wrap=True, style="bold cyan")
        t.add_column(ratio=1)
        ada = False
        for nama in cmd.list_commands(ctx):
            sub = cmd.get_command(ctx, nama)
            if sub is None or sub.hidden:
                continue
            t.add_row(Text(nama), Text(sub.get_short_help_str(limit=200)))
            ada = True
        if ada:
            layar.print(_panel("Perintah", t))
    if cmd.epilog:
        layar.print(Text(inspect.cleandoc(cmd.epilog)))
    return buf.getvalue()


def _keterangan(p: Any) -> str:
    bagian = [" ".join((getattr(p, "help", None) or "").split())]
    b = _bawaan(p)
    if b is not None:
        bagian.append(f"[bawaan: {b}]")
    if p.required:
        bagian.append("[wajib]")
    return " ".join(x for x in bagian if x)


# ------------------------------------------------------------------------------------------------- errors

_POLA: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"No such command '(.+?)'\.?(?: Did you mean (.+)\?)?"), "perintah"),
    (re.compile(r"Got unexpected extra arguments? ?(?:\(s\))? ?\((.*)\)"), "lebih"),
    (re.compile(r"Missing command\.?"), "tanpa_perintah"),
    (re.compile(r"Option '(.+?)' requires (?:an argument|(\d+) arguments)\.?"), "perlu_nilai"),
    (re.compile(r"Option '(.+?)' does not take a value\.?"), "tanpa_nilai"),
)
_INGGRIS = re.compile(r"Input should|is not a valid|is not one of|does not exist|is not|invalid|unable to",
                      re.IGNORECASE)


def _harus(p: Any) -> str:
    teks = str(_anotasi(p)).lower()
    if "int" in teks:
        return "harus bilangan bulat, misalnya 2"
    if "float" in teks:
        return "harus angka, misalnya 2,5"
    if "path" in teks:
        return "harus nama berkas atau folder"
    return "tidak dapat dipakai"


def pesan_galat(e: BaseException) -> str:
    """The Indonesian sentence for a click/typer parse error (missing argument, unknown option, ...)."""
    if isinstance(e, _exc.MissingParameter):
        p = e.param
        if p is None:
            return "Ada argumen wajib yang belum diisi."
        jenis = "Argumen" if _argumen(p) else "Opsi"
        return f"{jenis} {_petunjuk_param(p)} wajib diisi."
    if isinstance(e, _exc.NoSuchOption):
        teks = f"Opsi {e.option_name} tidak dikenal."
        if e.possibilities:
            teks += f" Mungkin maksud Anda: {', '.join(sorted(e.possibilities))}."
        return teks
    if isinstance(e, _exc.BadParameter):
        p = e.param
        nama = _petunjuk_param(p) if p is not None else (str(e.param_hint) if e.param_hint else "")
        isi = e.message if not _INGGRIS.search(e.message or "") else (_harus(p) if p is not None else "tidak sah")
        return f"Nilai untuk {nama}: {isi}" if nama else f"Nilai tidak sah: {isi}"
    pesan = e.format_message() if isinstance(e, _exc.ClickException) else str(e)
    for pola, jenis in _POLA:
        m = pola.search(pesan)
        if not m:
            continue
        if jenis == "perintah":
            teks = f"Perintah '{m.group(1)}' tidak dikenal."
            return teks + (f" Mungkin maksud Anda: {m.group(2)}." if m.group(2) else "")
        if jenis == "lebih":
            return f"Argumen berlebih: {m.group(1)}."
        if jenis == "tanpa_perintah":
            return "Perintah belum diberikan."
        if jenis == "perlu_nilai":
            return f"Opsi {m.group(1)} memerlukan nilai."
        if jenis == "tanpa_nilai":
            return f"Opsi {m.group(1)} tidak menerima nilai (cukup tulis {m.group(1)})."
    return pesan


def _tampilkan_galat(e: BaseException, program: str) -> None:
    layar = Console(stderr=True, highlight=False, soft_wrap=True)
    ctx = getattr(e, "ctx", None)
    if ctx is not None:
        layar.print(Text(ctx.get_usage()))
    layar.print(Text(f"Coba '{ctx.command_path if ctx is not None else program} --help' untuk bantuan."))
    layar.print(Text.assemble(("Galat:", "bold red"), " ", pesan_galat(e)))


# ------------------------------------------------------------------------------------------------ classes

class _Indonesia:
    """Shared overrides for commands and groups (mixed in before typer's own class)."""

    def get_help_option(self, ctx: Any) -> Any:
        opsi = super().get_help_option(ctx)  # type: ignore[misc]
        if opsi is not None:
            opsi.help = TEKS_BANTUAN
        return opsi

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        bagian = [_OPSI]
        for p in self.get_params(ctx):  # type: ignore[attr-defined]
            if _argumen(p) and not getattr(p, "hidden", False):
                nama = _nama_argumen(p)
                bagian.append(nama if p.required else f"[{nama}]")
        if isinstance(self, TyperGroup):
            bagian.append(_PERINTAH)
        return bagian

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="Penggunaan: ")

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(tulis_bantuan(self, ctx))

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        try:
            rv = super().main(args=args, prog_name=prog_name, complete_var=complete_var,  # type: ignore[misc]
                              standalone_mode=False, **extra)
        except _exc.ClickException as e:
            if not standalone_mode:
                raise
            if type(e).__name__ == "NoArgsIsHelpError" and getattr(e, "ctx", None) is not None:
                typer.echo(e.ctx.get_help())
            else:
                _tampilkan_galat(e, prog_name or getattr(self, "name", None) or "renja-xl")
            sys.exit(e.exit_code)
        except GalatPengguna as e:   # a user error from any command: one Indonesian paragraph, exit 2
            if not standalone_mode:
                raise
            Console(stderr=True, highlight=False, soft_wrap=True).print(
                Text.assemble(("Galat:", "bold red"), " ", e.teks()))
            sys.exit(2)
        except typer.Abort:
            if not standalone_mode:
                raise
            typer.echo("Dibatalkan.", err=True)
            sys.exit(1)
        if not standalone_mode:
            return rv
        sys.exit(rv if isinstance(rv, int) and not isinstance(rv, bool) else 0)


class PerintahID(_Indonesia, TyperCommand):
    """A renja-xl command with Indonesian help and errors."""


class KelompokID(_Indonesia, TyperGroup):
    """A renja-xl command group with Indonesian help and errors."""


class Aplikasi(typer.Typer):
    """``typer.Typer`` whose groups and commands default to the Indonesian classes above."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", KelompokID)
        kwargs.setdefault("add_completion", False)
        kwargs.setdefault("pretty_exceptions_enable", False)
        super().__init__(**kwargs)

    def command(self, name: str | None = None, *, cls: Any = None, **kwargs: Any) -> Any:
        return super().command(name, cls=cls or PerintahID, **kwargs)
