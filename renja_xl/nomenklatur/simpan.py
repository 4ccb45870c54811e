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
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from renja_xl.galat import GalatPengguna
from renja_xl.kode import Tingkat
from renja_xl.nomenklatur.katalog import (
    ERA_2027, ERA_90_2019, Entri, Era, Katalog, era_dari_kode, era_dokumen, pilih_versi, tahun_dari_teks,
)

__all__ = ["folder_katalog", "simpan_versi", "impor", "daftar_versi", "pakai", "hapus", "muat_katalog",
           "versi_aktif", "lupakan_cache", "validasi_aktif", "katalog_era", "katalog_untuk_kode", "PilihanKatalog",
           "pilih_katalog", "validasi_otomatis", "era_impor", "nama_baku", "era_kode"]

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


_indeks_cache: dict[tuple[str, int, int, int], dict] = {}


def _baca_indeks() -> dict:
    """The index (a fresh copy), read once per change of the file: =CEK_KODE asks for it per cell."""
    p = folder_katalog() / "indeks.json"
    try:
        st = p.stat()
    except OSError:
        return {"aktif": None, "versi": {}}
    kunci = (str(p), st.st_mtime_ns, st.st_size, st.st_ino)
    if kunci in _indeks_cache:
        return json.loads(json.dumps(_indeks_cache[kunci]))
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("versi"), dict):
            raise ValueError("bentuk salah")
        _indeks_cache.clear()
        _indeks_cache[kunci] = data
        return json.loads(json.dumps(data))
    except (ValueError, OSError) as e:
        raise GalatPengguna(f"indeks katalog nomenklatur rusak ({e})", berkas=p,
                            saran="Hapus berkas indeks.json itu lalu impor ulang daftar nomenklatur.") from None


def _tulis_indeks(indeks: dict) -> None:
    _indeks_cache.clear()
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


def era_impor(format_sumber: str, info: dict) -> tuple[Era | None, int | None]:
    """The era and year of an imported list: width of its sub kegiatan codes plus the year its file name
    names (SIPD exports carry the planning year: ``..._pemutakhiran_2027_1.xlsx``)."""
    tahun = tahun_dari_teks(str(info.get("sumber") or ""))
    digit = info.get("digit_sub")
    if digit == 2:
        return ERA_90_2019, tahun
    if digit == 4:  # 050-5889/2021 or one of its amendments, unless the file names a year of the 2027 list
        return era_dokumen(4, tahun), tahun
    return None, tahun


def nama_baku(format_sumber: str, info: dict, era: Era | None, tahun: int | None) -> str:
    """A short default version name from the source kind and year (``sipd-2027``, ``kepmendagri-2021``,
    ``kepmendagri-900``, ``permendagri-90-2019``) instead of the long file name."""
    stem = Path(str(info.get("sumber") or "")).stem.lower()
    if era is ERA_90_2019:
        return era.nama_versi
    if format_sumber in ("sipd-xlsx", "csv-sipd"):
        return f"sipd-{tahun}" if tahun else "sipd"
    if era is not None and tahun is not None and tahun >= ERA_2027.mulai:
        return f"nomenklatur-{tahun}"
    if era is not None:
        if re.search(r"(?<![0-9])900(?![0-9])", stem):
            return "kepmendagri-900" + (f"-{tahun}" if tahun else "")
        return f"kepmendagri-{tahun}" if tahun and tahun >= 2021 else era.nama_versi
    return nama_dari_berkas(Path(str(info.get("sumber") or "nomenklatur")))


def _nama_bebas(nama: str, sha256: str | None) -> str:
    """``nama`` unless another list (other content) is stored under it; then ``nama-2``, ``nama-3``..."""
    versi = _baca_indeks()["versi"]
    calon, n = nama, 1
    while calon in versi and versi[calon].get("sha256") != sha256:
        n += 1
        calon = f"{nama}-{n}"
    return calon


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
    """Import an official list file as a version (a short name from its kind and year unless ``nama`` is
    given); the era and year are recorded so that documents are judged by a list of their own era."""
    from renja_xl.nomenklatur.impor import impor_berkas

    berkas = Path(berkas)
    hasil = impor_berkas(berkas)
    era, tahun = era_impor(hasil.format, hasil.info)
    nama = cek_nama(nama) if nama else _nama_bebas(nama_baku(hasil.format, hasil.info, era, tahun),
                                                  hasil.info.get("sha256"))
    k = Katalog(hasil.entri, nama=nama)
    meta = {
        **hasil.info,
        "format_sumber": hasil.format,
        "era": era.kode if era is not None else None,
        "tahun": tahun,
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


# --------------------------------------------------------------------------------------------------
# choosing the list of a document's own era


def katalog_era(era: Era | None) -> Katalog | None:
    """The installed list to judge codes of ``era`` by (same era first, else same sub kegiatan width);
    the active list when the era is unknown; None when nothing fitting is installed."""
    if era is None:
        return muat_katalog()
    indeks = _baca_indeks()
    versi = [{"nama": n, **m} for n, m in indeks["versi"].items()]
    nama = pilih_versi(versi, era, indeks.get("aktif"))
    return muat_katalog(nama) if nama is not None else None


def era_kode(kode: object, tahun: int | None = None) -> Era | None:
    """The era of one code as written (its corrected form when the parser has one): by the width of a
    sub kegiatan code and, for 4 digits, the year; None above sub kegiatan (those exist in every era)."""
    from renja_xl.kode import parse_kode

    k = parse_kode(kode)
    normal = k.normal or k.saran
    era = era_dari_kode(normal) if normal else None
    if era is not None and tahun is not None:
        era = era_dokumen(era.digit_sub, tahun)
    return era


def katalog_untuk_kode(kode: object, tahun: int | None = None) -> Katalog | None:
    """The installed list for one code (see :func:`era_kode`); the active list for codes above sub kegiatan."""
    return katalog_era(era_kode(kode, tahun))


@dataclass(frozen=True)
class PilihanKatalog:
    """The list a document is judged by. ``katalog`` None with ``era_dokumen`` set means a list of the
    document's era is missing while others are installed: ``catatan`` says so once and how to import it."""

    katalog: Katalog | None
    era_dokumen: Era | None
    catatan: str | None = None
    #: the list is of the same width but another era than the document's known year (a 2024 Renja judged
    #: by the 2027 list): a code missing or replaced in it is then a warning, not an error of the document
    era_lain: bool = False


def pilih_katalog(digit_sub: int | None, tahun: int | None = None, kode: Iterable[str] = ()) -> PilihanKatalog:
    """The installed list for a document whose sub kegiatan codes have ``digit_sub`` digits, of year
    ``tahun``; one summary note when only lists of another era are installed (or the year differs).
    Without sub kegiatan codes the document's other codes (canonical ``kode``) decide: the installed list
    that knows most of them (legacy kegiatan such as X.XX.01.2.06 exist only in the 2-digit list)."""
    era = era_dokumen(digit_sub, tahun)
    aktif = muat_katalog()
    if aktif is None:
        return PilihanKatalog(None, era)
    if era is None:
        return PilihanKatalog(_paling_kenal(aktif, kode), None)
    k = katalog_era(era)
    if k is None:
        lain = ", ".join(f"'{v['nama']}'" for v in daftar_versi())
        dokumen = f"Dokumen ini{f' (tahun {tahun})' if tahun else ''} memakai kode {era.nama}"
        return PilihanKatalog(None, era, (
            f"{dokumen}, sedangkan katalog terpasang ({lain}) dari era lain; kode tidak dicocokkan dengan "
            f"katalog itu dan tidak dilaporkan salah karena eranya. Untuk memeriksanya, impor daftar era "
            f"dokumen ({era.contoh_impor}): renja-xl nomenklatur impor BERKAS."))
    if tahun is not None and k.era is not None and k.era != era:
        return PilihanKatalog(k, era, (
            f"Dokumen tahun {tahun} memakai kode {era.nama}; diperiksa dengan katalog '{k.nama}' ({k.era.nama}) "
            f"karena daftar eranya belum diimpor. Kode yang tidak ada atau sudah diganti di katalog itu "
            f"dilaporkan sebagai peringatan, bukan salah. Untuk memeriksa dengan daftar tahunnya, impor "
            f"{era.contoh_impor}: renja-xl nomenklatur impor BERKAS."), era_lain=True)
    return PilihanKatalog(k, era)


def _paling_kenal(aktif: Katalog, kode: Iterable[str]) -> Katalog:
    """Among the installed lists, the one that knows most of ``kode`` (the active one on a tie)."""
    kode = list(dict.fromkeys(kode))
    versi = daftar_versi()
    if not kode or len(versi) < 2:
        return aktif
    terbaik, skor_terbaik = aktif, sum(1 for k in kode if aktif.cari_kanonik(k) is not None)
    for v in versi:
        if v["nama"] == aktif.nama:
            continue
        k = muat_katalog(v["nama"])
        skor = sum(1 for x in kode if k is not None and k.cari_kanonik(x) is not None)
        if k is not None and skor > skor_terbaik:
            terbaik, skor_terbaik = k, skor
    return terbaik


def validasi_otomatis(kode: object, nama: str | None = None, konteks: object = None,
                      tahun: int | None = None):  # -> Vonis
    """Validate one code against the installed list of its own era (``konteks.versi`` forces a version):
    what ``renja-xl kode`` and ``=CEK_KODE`` do. A sub kegiatan code of an era with no installed list gets
    one warning that says which list to import, never an error of era."""
    from renja_xl.nomenklatur.validasi import vonis_era_lain, validasi

    versi = getattr(konteks, "versi", None)
    if versi:
        return validasi(kode, nama, konteks, muat_katalog(versi))
    era = era_kode(kode, tahun)
    katalog = katalog_era(era)
    if katalog is None and era is not None and muat_katalog() is not None:
        return vonis_era_lain(kode, nama, konteks, era, [v["nama"] for v in daftar_versi()], muat_katalog())
    return validasi(kode, nama, konteks, katalog)
