"""Versioned catalog storage in the user's data directory (``RENJA_XL_NOMENKLATUR`` overrides it).

One gzip'd JSON file per version with columnar arrays (no pickle: loading must never run code), plus
``indeks.json`` with the facts ``daftar`` shows and the active version. Every write goes to a temporary
file in the same folder and is renamed into place, so a crash never leaves half a catalog.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from renja_xl.galat import GalatPengguna
from renja_xl.kode import Tingkat
from renja_xl.nomenklatur.katalog import Entri, Katalog

__all__ = ["folder_katalog", "simpan_versi", "impor", "daftar_versi", "pakai", "hapus", "muat_katalog",
           "versi_aktif", "lupakan_cache", "validasi_aktif"]

FORMAT = "renja-xl-nomenklatur"
VERSI_FORMAT = 1
_NAMA_SAH = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
_KOLOM_TEKS = ("nama", "pemda", "kinerja", "indikator", "satuan", "dasar")
_cache: dict[tuple[str, str], Katalog] = {}


def folder_katalog() -> Path:
    """Where versions live: ``$RENJA_XL_NOMENKLATUR`` or ``user_data_dir('renja-xl')/nomenklatur``."""
    env = os.environ.get("RENJA_XL_NOMENKLATUR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("renja-xl")) / "nomenklatur"


def _tulis_atomik(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _berkas_versi(nama: str) -> Path:
    return folder_katalog() / f"{nama}.json.gz"


def _baca_indeks() -> dict:
    p = folder_katalog() / "indeks.json"
    if not p.is_file():
        return {"aktif": None, "versi": {}}
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("versi"), dict):
            raise ValueError("bentuk salah")
        return data
    except (ValueError, OSError) as e:
        raise GalatPengguna(f"indeks katalog nomenklatur rusak ({e})", berkas=p,
                            saran="Hapus berkas indeks.json itu lalu impor ulang daftar nomenklatur.") from None


def _tulis_indeks(indeks: dict) -> None:
    _tulis_atomik(folder_katalog() / "indeks.json",
                  json.dumps(indeks, ensure_ascii=False, indent=1).encode("utf-8"))


def lupakan_cache() -> None:
    """Drop loaded catalogs (after impor/pakai/hapus, or when the folder changes)."""
    _cache.clear()
    from renja_xl.nomenklatur.validasi import lupakan_cache as lupakan_vonis

    lupakan_vonis()


def cek_nama(nama: str) -> str:
    nama = (nama or "").strip()
    if not _NAMA_SAH.fullmatch(nama):
        raise GalatPengguna(f"nama versi '{nama}' tidak sah", saran="Pakai huruf, angka, titik, '-' atau '_' "
                            "(maks. 80 karakter), mis. 2027 atau kepmendagri-050-5889.")
    return nama


def nama_dari_berkas(path: Path) -> str:
    s = re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-._") or "nomenklatur"
    return s[:80]


# --------------------------------------------------------------------------------------------------


def _ke_json(katalog_entri: list[Entri], meta: dict) -> bytes:
    kolom: dict[str, list] = {"kode": [], "tingkat": [], "sebelumnya": [], "nama_lain": []}
    for k in _KOLOM_TEKS:
        kolom[k] = []
    for e in katalog_entri:
        kolom["kode"].append(e.kode)
        kolom["tingkat"].append(int(e.tingkat))
        kolom["sebelumnya"].append(list(e.sebelumnya) or 0)
        kolom["nama_lain"].append(list(e.nama_lain) or 0)
        for k in _KOLOM_TEKS:
            kolom[k].append(getattr(e, k))
    data = {"format": FORMAT, "versi_format": VERSI_FORMAT, "meta": meta, "kolom": kolom}
    return gzip.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6, mtime=0)


def _dari_json(raw: bytes, path: Path) -> tuple[list[Entri], dict]:
    try:
        data = json.loads(gzip.decompress(raw))
        if data.get("format") != FORMAT:
            raise ValueError("bukan berkas katalog renja-xl")
        if data.get("versi_format", 0) > VERSI_FORMAT:
            raise ValueError("dibuat oleh renja-xl yang lebih baru")
        kol = data["kolom"]
        tingkat = [Tingkat(t) for t in kol["tingkat"]]
        entri = [
            Entri(kode, t, nama, pemda, kinerja, indikator, satuan, tuple(seb) if seb else (),
                  tuple(lain) if lain else (), dasar)
            for kode, t, nama, pemda, kinerja, indikator, satuan, seb, lain, dasar in zip(
                kol["kode"], tingkat, kol["nama"], kol["pemda"], kol["kinerja"], kol["indikator"],
                kol["satuan"], kol["sebelumnya"], kol["nama_lain"], kol["dasar"], strict=True)
        ]
        return entri, data.get("meta", {})
    except (OSError, EOFError, ValueError, KeyError, TypeError) as e:
        raise GalatPengguna(f"berkas katalog rusak ({e})", berkas=path,
                            saran="Hapus versi ini (renja-xl nomenklatur hapus NAMA) lalu impor ulang.") from None


def simpan_versi(nama: str, entri: list[Entri], meta: dict) -> Path:
    """Store one version; the first version stored becomes active."""
    nama = cek_nama(nama)
    path = _berkas_versi(nama)
    _tulis_atomik(path, _ke_json(entri, {**meta, "nama": nama}))
    indeks = _baca_indeks()
    indeks["versi"][nama] = meta
    if not indeks.get("aktif") or indeks["aktif"] not in indeks["versi"]:
        indeks["aktif"] = nama
    _tulis_indeks(indeks)
    lupakan_cache()
    return path


def impor(berkas: str | Path, nama: str | None = None) -> tuple[str, dict]:
    """Import an official list file as a version (named after the file unless ``nama`` is given)."""
    from renja_xl.nomenklatur.impor import impor_berkas

    berkas = Path(berkas)
    hasil = impor_berkas(berkas)
    nama = cek_nama(nama) if nama else nama_dari_berkas(berkas)
    k = Katalog(hasil.entri, nama=nama)
    meta = {
        **hasil.info,
        "format_sumber": hasil.format,
        "diimpor": datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds"),
        "jumlah": k.jumlah(),
        "pendahulu": sum(1 for e in hasil.entri if e.sebelumnya),
    }
    simpan_versi(nama, hasil.entri, meta)
    return nama, meta


def daftar_versi() -> list[dict]:
    """Every stored version with its facts and whether it is active (import order)."""
    indeks = _baca_indeks()
    return [{"nama": n, **m, "aktif": n == indeks.get("aktif")} for n, m in indeks["versi"].items()]


def versi_aktif() -> str | None:
    return _baca_indeks().get("aktif")


def _harus_ada(nama: str, indeks: dict) -> None:
    if nama not in indeks["versi"]:
        ada = ", ".join(indeks["versi"]) or "(belum ada)"
        raise GalatPengguna(f"versi nomenklatur '{nama}' tidak ada. Versi tersimpan: {ada}",
                            saran="Lihat daftarnya dengan: renja-xl nomenklatur daftar.")


def pakai(nama: str) -> None:
    """Make a stored version the active one."""
    indeks = _baca_indeks()
    _harus_ada(nama, indeks)
    indeks["aktif"] = nama
    _tulis_indeks(indeks)
    lupakan_cache()


def hapus(nama: str) -> str | None:
    """Delete a version; if it was active, the most recently imported other version becomes active."""
    indeks = _baca_indeks()
    _harus_ada(nama, indeks)
    indeks["versi"].pop(nama)
    if indeks.get("aktif") == nama:
        indeks["aktif"] = next(reversed(indeks["versi"]), None) if indeks["versi"] else None
    _tulis_indeks(indeks)
    try:
        _berkas_versi(nama).unlink()
    except FileNotFoundError:
        pass
    lupakan_cache()
    return indeks["aktif"]


def muat_katalog(nama: str | None = None) -> Katalog | None:
    """The stored version ``nama`` (default: the active one), loaded once per process; None if none imported."""
    folder = str(folder_katalog())
    indeks = _baca_indeks()
    if nama is None:
        nama = indeks.get("aktif")
        if nama is None:
            return None
    else:
        _harus_ada(nama, indeks)
    kunci = (folder, nama)
    k = _cache.get(kunci)
    if k is not None:
        return k
    path = _berkas_versi(nama)
    if not path.is_file():
        raise GalatPengguna(f"berkas versi nomenklatur '{nama}' hilang", berkas=path,
                            saran=f"Impor ulang atau hapus versinya: renja-xl nomenklatur hapus {nama}.")
    entri, meta = _dari_json(path.read_bytes(), path)
    k = Katalog(entri, nama=nama, info=meta)
    _cache[kunci] = k
    return k


def validasi_aktif(kode: object, nama: str | None = None, konteks: object = None):  # -> Vonis
    """Validate against the stored catalog (``konteks.versi`` or the active version): the shell-side
    convenience for callers that do not hold a Katalog themselves."""
    from renja_xl.nomenklatur.validasi import validasi

    versi = getattr(konteks, "versi", None)
    return validasi(kode, nama, konteks, muat_katalog(versi))
