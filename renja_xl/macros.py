"""One-click actions behind the Renja-XL ribbon (called from VBA through xlwings' ``RunPython``).

The Excel-touching part is thin: each action finds the active workbook, calls a core/shell function by
name (imported lazily, so a missing piece only affects its own button) and opens the result. Decisions —
which action fits which workbook, where outputs go, which colour and note a code gets — are pure functions
tested on Linux with fake objects. Errors become an Indonesian message box, never a Python traceback.
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from renja_xl.galat import GalatPengguna

JUDUL = "Renja-XL"
LEMBAR_DATA_INDUK = ("Info", "Data")
BATAS_SEL_VALIDASI = 20_000      # cells per "Validasi Kode" click: each note/colour is one COM call
WARNA_STATUS: dict[str, tuple[int, int, int]] = {
    "benar": (198, 239, 206),       # Excel's "Good" green
    "peringatan": (255, 235, 156),  # "Neutral" yellow
    "salah": (255, 199, 206),       # "Bad" red
}
_F = TypeVar("_F", bound=Callable[..., Any])


# ------------------------------------------------------------------------------------------- pure decisions

def adalah_data_induk(nama_lembar: Iterable[str]) -> bool:
    """A Data Induk has the sheets "Info" and "Data" (letter case and surrounding spaces ignored)."""
    ada = {n.strip().casefold() for n in nama_lembar}
    return all(w.casefold() in ada for w in LEMBAR_DATA_INDUK)


def pilih_aksi(nama_lembar: Iterable[str]) -> str:
    """``"buat_evaluasi"`` for a Data Induk, ``"periksa"`` for anything else (a filled-in form)."""
    return "buat_evaluasi" if adalah_data_induk(nama_lembar) else "periksa"


def jalur_keluaran(sumber: str | Path, akhiran: str, ada: Callable[[Path], bool] = Path.exists) -> Path:
    """``<folder>/<nama> - <akhiran>.xlsx`` next to the source, numbered ``(2)``, ``(3)``... so an existing
    file (maybe open in Excel, maybe edited by hand) is never overwritten."""
    p = Path(sumber)
    dasar = f"{p.stem} - {akhiran}"
    kandidat = p.with_name(f"{dasar}.xlsx")
    n = 2
    while ada(kandidat):
        kandidat = p.with_name(f"{dasar} ({n}).xlsx")
        n += 1
    return kandidat


def berkas_tersimpan(fullname: str | None) -> Path | None:
    """The workbook's file on disk, or None for a new unsaved workbook or one opened from the web."""
    if not fullname or "://" in fullname:
        return None
    p = Path(fullname)
    return p if p.suffix and p.is_absolute() else None


@dataclass(frozen=True)
class Tanda:
    """How one cell is marked by *Validasi Kode*: offsets in the selection, status, fill and note text."""

    baris: int
    kolom: int
    status: str
    warna: tuple[int, int, int]
    catatan: str


def catatan_vonis(vonis: Any) -> str:
    """Note text for a verdict: the status, the official name, then every finding with its fix."""
    judul = {"benar": "Kode benar", "peringatan": "Peringatan", "salah": "Kode salah"}.get(vonis.status,
                                                                                           vonis.status)
    baris = [f"Renja-XL: {judul}"]
    if vonis.normal and vonis.normal != str(vonis.kode).strip():
        baris.append(f"Bentuk baku: {vonis.normal}")
    if vonis.nama_resmi:
        baris.append(f"Nama resmi: {vonis.nama_resmi}")
    for t in vonis.temuan:
        if t.tingkat == "info":
            continue
        s = f"- {t.pesan}"
        if t.saran:
            s += f" Saran: {t.saran}"
        baris.append(s)
    return "\n".join(baris)[:2000]


def rencana_validasi(nilai: Sequence[Sequence[Any]], periksa: Callable[[Any], Any]) -> list[Tanda]:
    """Which cells of a selection get which mark; empty cells are skipped. ``periksa`` maps a cell value
    to a verdict (``nomenklatur.validasi`` with the active catalog)."""
    tanda: list[Tanda] = []
    for r, baris in enumerate(nilai):
        for c, v in enumerate(baris):
            if v is None or (isinstance(v, str) and not v.strip()):
                continue
            vonis = periksa(v)
            tanda.append(Tanda(r, c, vonis.status, WARNA_STATUS.get(vonis.status, WARNA_STATUS["salah"]),
                               catatan_vonis(vonis)))
    return tanda


def ringkas_periksa(hasil: Any) -> str:
    """The message box after *Periksa*."""
    if not hasil.formulir:
        kalimat = "Tidak ada formulir yang dikenali di buku kerja ini; tidak ada yang diperiksa."
        if getattr(hasil, "data_induk", False):
            kalimat += " Buku kerja ini adalah Data Induk, bukan formulir."
        for a in getattr(hasil, "tak_dikenal", []):
            kalimat += f"\n- {a}"
    elif hasil.bersih:
        kalimat = "Tidak ada temuan. Formulir tampak benar."
    else:
        kalimat = f"Ditemukan {hasil.jumlah_salah} kesalahan dan {hasil.jumlah_peringatan} peringatan."
    if hasil.laporan is not None:
        kalimat += f"\n\nLaporan: {hasil.laporan}"
    for c in hasil.catatan:
        kalimat += f"\n\nCatatan: {c}"
    return kalimat


def pesan_galat(e: BaseException) -> tuple[str, str]:
    """(text, mode) of the message box for an exception: users' errors plainly, bugs with their type."""
    if isinstance(e, GalatPengguna):
        return e.teks(), "critical"
    if isinstance(e, ImportError):
        return (f"Bagian renja-xl yang dibutuhkan belum terpasang ({e}). Perbarui renja-xl: "
                "pip install -U renja-xl, lalu tutup dan buka lagi Excel.", "critical")
    ringkas = "".join(traceback.format_exception_only(type(e), e)).strip()
    return (f"Terjadi galat tak terduga: {ringkas}\n\nMohon laporkan pesan ini kepada pengelola renja-xl.",
            "critical")


# ------------------------------------------------------------------------------------------- Excel shell

def _excel() -> Any:
    import xlwings as xw

    return xw


def _buku_aktif() -> Any:
    xw = _excel()
    if not xw.apps:
        raise GalatPengguna("Excel tidak sedang berjalan.")
    buku = xw.apps.active.books.active
    if buku is None:
        raise GalatPengguna("Tidak ada buku kerja yang aktif.", saran="Buka Data Induk atau formulir dulu.")
    return buku


def _beri_tahu(buku: Any, teks: str, mode: str = "info") -> None:
    buku.app.alert(teks, title=JUDUL, mode=mode)


def _aksi(fungsi: _F) -> _F:
    """Run an action; any error becomes a message box in Bahasa Indonesia (RunPython would otherwise show
    a Python traceback)."""

    @functools.wraps(fungsi)
    def bungkus(*args: Any, **kwargs: Any) -> Any:
        buku = None
        try:
            buku = _buku_aktif()
            return fungsi(buku, *args, **kwargs)
        except Exception as e:  # noqa: BLE001 - the user sees a message box, never a traceback
            teks, mode = pesan_galat(e)
            try:
                if buku is None:
                    xw = _excel()
                    xw.apps.active.alert(teks, title=JUDUL, mode=mode)
                else:
                    _beri_tahu(buku, teks, mode)
            except Exception:  # noqa: BLE001 - no Excel to talk to (scripts, tests)
                pass
            return None

    return bungkus  # type: ignore[return-value]


def _berkas(buku: Any, untuk: str) -> Path:
    p = berkas_tersimpan(getattr(buku, "fullname", None))
    if p is None:
        raise GalatPengguna(f"buku kerja '{buku.name}' belum disimpan sebagai berkas.",
                            saran=f"Simpan dulu (Ctrl+S) sebagai .xlsx, lalu klik {untuk} lagi.")
    try:
        tersimpan = bool(buku.api.Saved)
    except Exception:  # noqa: BLE001 - not on Windows COM
        tersimpan = True
    if not tersimpan:
        raise GalatPengguna(f"buku kerja '{buku.name}' punya perubahan yang belum disimpan.",
                            saran=f"Simpan dulu (Ctrl+S) agar perubahan ikut dibaca, lalu klik {untuk} lagi.")
    return p


@_aksi
def buat_evaluasi(buku: Any) -> Path:
    """Active workbook is a Data Induk: generate every form that is due into a new workbook and open it."""
    nama = [s.name for s in buku.sheets]
    if not adalah_data_induk(nama):
        raise GalatPengguna(f"buku kerja '{buku.name}' bukan Data Induk (tidak ada lembar Info dan Data).",
                            saran="Aktifkan Data Induk, atau buat contohnya: renja-xl data-induk contoh.")
    sumber = _berkas(buku, "Buat Evaluasi")
    from renja_xl.generator import buat_semua

    tujuan = jalur_keluaran(sumber, "Evaluasi")
    hasil = buat_semua(sumber, tujuan)
    keluaran = Path(hasil) if isinstance(hasil, (str, Path)) else tujuan
    buku.app.books.open(str(keluaran))
    return keluaran


@_aksi
def periksa(buku: Any) -> Any:
    """Active workbook is a filled-in form: run the checker, open the annotated report copy, summarise."""
    sumber = _berkas(buku, "Periksa")
    from renja_xl.periksa import periksa_berkas

    hasil = periksa_berkas(sumber, jalur_keluaran(sumber, "Hasil Periksa"))
    if hasil.laporan is not None:
        buku.app.books.open(str(hasil.laporan))
    # nothing recognised is not good news: the same alarm as errors
    _beri_tahu(buku, ringkas_periksa(hasil), "info" if hasil.formulir and hasil.jumlah_salah == 0 else "critical")
    return hasil


@_aksi
def impor_data_induk(buku: Any) -> Path:
    """Active workbook is a filled-in E.81 / T-C.29 / T-C.33 / Rencana Aksi: import it into a new Data Induk
    next to it (with *Perlu dicek* and *Catatan Impor*), open it and summarise."""
    if adalah_data_induk(s.name for s in buku.sheets):
        raise GalatPengguna(f"buku kerja '{buku.name}' sudah berupa Data Induk.",
                            saran="Aktifkan formulir E.81, T-C.29, T-C.33 atau Rencana Aksi yang ingin diimpor.")
    sumber = _berkas(buku, "Impor ke Data Induk")
    from renja_xl.cli.impor import ringkasan
    from renja_xl.impor_induk import impor_berkas

    hasil = impor_berkas([sumber], jalur_keluaran(sumber, "Data Induk"))
    assert hasil.keluaran is not None
    buku.app.books.open(str(hasil.keluaran))
    _beri_tahu(buku, f"Data Induk dibuat: {hasil.keluaran}\n\n" + "\n".join(ringkasan(hasil)))
    return hasil.keluaran


def _pemeriksa_kode() -> Callable[[Any], Any]:
    from renja_xl.nomenklatur.simpan import validasi_otomatis

    # the same era-aware validation as =CEK_KODE and `renja-xl kode`: each code by the list of its own era
    return lambda v: validasi_otomatis(v, None, None)


@_aksi
def validasi_kode(buku: Any) -> list[Tanda]:
    """Mark the codes of the selected range: a fill colour per status and a note with the reasons."""
    rentang = buku.app.selection
    if rentang is None:
        raise GalatPengguna("tidak ada sel yang dipilih.", saran="Pilih sel atau kolom berisi kode, lalu klik "
                                                                  "Validasi Kode lagi.")
    rentang = _potong_ke_terpakai(rentang)
    if rentang.count > BATAS_SEL_VALIDASI:
        raise GalatPengguna(f"rentang terpilih berisi {rentang.count} sel; batasnya {BATAS_SEL_VALIDASI}.",
                            saran="Pilih kolom kode saja.")
    nilai = rentang.options(ndim=2).value
    tanda = rencana_validasi(nilai, _pemeriksa_kode())
    for t in tanda:
        sel = rentang[t.baris, t.kolom]
        sel.color = t.warna
        catatan = sel.note
        if catatan is not None:
            catatan.text = t.catatan
        else:
            sel.add_note(t.catatan)
    jumlah = {s: sum(1 for t in tanda if t.status == s) for s in WARNA_STATUS}
    _beri_tahu(buku, f"{len(tanda)} kode diperiksa: {jumlah['benar']} benar, {jumlah['peringatan']} "
                     f"peringatan, {jumlah['salah']} salah. Arahkan kursor ke sel untuk membaca alasannya.")
    return tanda


def _potong_ke_terpakai(rentang: Any) -> Any:
    """A whole selected column is a million cells: cut it to the sheet's used rows."""
    terpakai = rentang.sheet.used_range
    akhir = terpakai.row + terpakai.shape[0] - 1
    baris = max(0, min(rentang.shape[0], akhir - rentang.row + 1))
    if baris == rentang.shape[0] or baris == 0:
        return rentang
    return rentang.resize(baris, rentang.shape[1])


def main() -> Any:
    """The one button that picks for itself: Data Induk -> Buat Evaluasi, anything else -> Periksa."""
    try:
        buku = _buku_aktif()
        aksi = pilih_aksi(s.name for s in buku.sheets)
    except Exception:  # noqa: BLE001 - let the chosen action report the problem in its own words
        aksi = "periksa"
    return {"buat_evaluasi": buat_evaluasi, "periksa": periksa}[aksi]()
