"""Fill the Data Induk's *Info* sheet from what the workbook says: pemda and OPD from the title lines,
year and quarter from the titles and column headers, the Renstra period from the target header, the
signatories and their NIP from the signature block under the table.

Staff write these in many ways (all capitals, the OPD and the pemda in one line, the Renstra end year
only); whatever had to be guessed is reported in *Catatan Impor*, never silently assumed.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from renja_xl.impor_induk.model import Catatan
from renja_xl.pemda import baca_pemda
from renja_xl.periksa.deteksi import Formulir, Grid

if TYPE_CHECKING:
    from renja_xl.data_induk import Info
    from renja_xl.impor_induk.model import BacaanForm, BarisSumber

__all__ = ["triwulan_form", "tahun_form", "info_dari", "baris_judul", "nama_pemda", "nama_opd"]

_ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4, "satu": 1, "dua": 2, "tiga": 3,
           "empat": 4}
_TAHUN = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_KECIL = {"dan", "atau", "dengan", "di", "ke", "dari", "yang", "untuk", "pada", "serta", "bagi"}
_BULAN = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
          "november", "desember")
_JABATAN = re.compile(r"(?i)^\s*(kepala|plt\.?|pj\.?|plh\.?|pembina|penata|pengatur|juru|sekretaris|direktur|camat|"
                      r"inspektur|pangkat|golongan|gol\.|nip\b|disusun|dievaluasi|mengetahui|menyetujui|"
                      r"ditetapkan)")
_NIP = re.compile(r"(?i)^\s*nip\s*\.?\s*:?\s*([\d\s]*)$")


def baris_judul(g: Grid, f: Formulir) -> list[tuple[int, int, str]]:
    """Text cells above the form's header (its title lines): (row, column, text)."""
    out = []
    for r in g.baris_berisi(1, max(f.baris_awal - 1, 0)):
        for c in range(1, min(g.max_col, 40) + 1):
            t = g.teks(r, c)
            if t:
                out.append((r, c, t))
    return out


def triwulan_form(g: Grid, f: Formulir, form: str, kolom: dict[str, int]) -> int | None:
    """The quarter an E.81 evaluates: from its title ("Triwulan II"), else the last quarter with data."""
    if form not in ("e81", "e81-renja"):
        return None
    for _r, _c, t in baris_judul(g, f):
        m = re.search(r"(?i)\btriwulan\s*:?\s*(iv|iii|ii|i|[1-4]|satu|dua|tiga|empat)\b", t)
        if m:
            return _ROMAWI[m.group(1).lower()]
    akhir = None
    for i in range(1, 5):
        cs = [kolom[k] for k in (f"tw_k{i}", f"tw_rp{i}") if k in kolom]
        if any(g.get(r, c).nilai not in (None, "") for c in cs for r in g.baris_berisi(f.baris_data, f.baris_akhir)):
            akhir = i
    return akhir


def tahun_form(g: Grid, f: Formulir, form: str) -> int | None:
    """The budget year: in the header of the year's target column, else in the title."""
    c = {"e81": f.kol(7, "K"), "e81-renja": f.kol(7, "K"), "tc29": f.kol(6)}.get(form)
    if c is None:
        for cc, j in sorted(f.judul_kolom.items()):
            jl = j.lower()
            if ("target" in jl or "rencana" in jl) and not re.search(r"prakiraan|maju|renstra", jl):
                c = cc
                break
    if c is not None:
        m = _TAHUN.search(f.judul_kolom.get(c, ""))
        if m:
            return int(m.group(1))
    for _r, _c, t in baris_judul(g, f):
        m = re.search(r"(?i)tahun(?:\s+anggaran)?\s+(\d{4})", t)
        if m:
            return int(m.group(1))
    return None


def _judul_kapital(s: str) -> str:
    """``DINAS KOPERASI, USAHA MIKRO DAN PERDAGANGAN`` -> ``Dinas Koperasi, Usaha Mikro dan Perdagangan``."""
    kata = s.split(" ")
    out = []
    for i, k in enumerate(kata):
        kl = k.lower()
        out.append(kl if i and kl in _KECIL else (kl[:1].upper() + kl[1:]))
    return " ".join(out)


_PEMDA = re.compile(r"(?<![/\w])(Provinsi|Propinsi|Kabupaten|Kota)\s+((?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*)*)")
_PEMDA_KAPITAL = re.compile(r"(?<![/\w])(PROVINSI|PROPINSI|KABUPATEN|KOTA)\s+([A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*)*)")
_BERHENTI = {"TAHUN", "S/D", "SD", "S.D", "DAN", "PERIODE", "TRIWULAN", "RENJA", "RENSTRA", "ANGGARAN", "DINAS",
             "BADAN", "-"}


def _sampai_berhenti(kata: list[str]) -> list[str]:
    out = []
    for k in kata:
        if k.upper().rstrip(".,") in _BERHENTI:
            break
        out.append(k)
    return out


def nama_pemda(teks: str) -> list[tuple[str, bool]]:
    """Pemda names in a line: (name, written in mixed case). ``KOTA PONTIANAK`` becomes ``Kota Pontianak``."""
    out = []
    for m in _PEMDA.finditer(teks):
        kata = _sampai_berhenti(m.group(2).split())
        nama = f"{m.group(1)} {' '.join(kata)}".strip()
        if kata and not nama.isupper():
            out.append((re.sub(r"^Propinsi", "Provinsi", nama), True))
    for m in _PEMDA_KAPITAL.finditer(teks):
        kata = _sampai_berhenti(m.group(2).split())
        if kata:
            out.append((_judul_kapital(re.sub(r"^PROPINSI", "PROVINSI", f"{m.group(1)} {' '.join(kata)}")), False))
    return out


_OPD = re.compile(r"(?i)\b(dinas|badan|sekretariat|inspektorat|satuan polisi|kantor|rumah sakit|rsud|kecamatan|"
                  r"biro)\b")


def nama_opd(teks: str, pemda: str | None) -> tuple[str, bool] | None:
    """The OPD named in a line (up to the pemda name or the year): (name, written in mixed case)."""
    m = _OPD.search(teks)
    if not m:
        return None
    s = teks[m.start():]
    potong = [len(s)]
    if pemda:
        i = s.lower().find(pemda.lower())
        if i > 0:
            potong.append(i)
    for pola in (r"\s+-\s+", r"\s+s\s*[./]\s*d\b", r"(?i)\s+tahun\b", r"(?i)\s+(provinsi|propinsi|kabupaten|kota)\s+",
                 r"(?i)\s+periode\b", r"\s*\("):
        mm = re.search(pola, s)
        if mm and mm.start() > 0:
            potong.append(mm.start())
    s = s[:min(potong)].strip(" ,.-")
    if not s:
        return None
    return (s, True) if not s.isupper() else (_judul_kapital(s), False)


def _pilih(calon: list[tuple[str, bool]]) -> str | None:
    """The most frequent mixed-case candidate, else the most frequent one."""
    if not calon:
        return None
    campur = [c for c, asli in calon if asli]
    return Counter(campur or [c for c, _ in calon]).most_common(1)[0][0]


def _tanda_tangan(g: Grid, f: Formulir, akhir_data: int) -> dict[str, str]:
    """Signatories, NIP, place and date from the block under the table."""
    hasil: dict[str, str] = {}
    awal = akhir_data + 1
    sel = {(r, c): g.teks(r, c) for r in g.baris_berisi(awal, f.baris_akhir) for c in range(1, g.max_col + 1)
           if g.teks(r, c)}
    for (r, c), t in sorted(sel.items()):
        m = re.match(r"^\s*([^,]{1,60}?)\s*,\s*(.*)$", t)
        if m and not _JABATAN.match(t) and "tempat" not in hasil and (
                not m.group(2) or _TAHUN.search(m.group(2)) or any(b in m.group(2).lower() for b in _BULAN)):
            hasil["tempat"], hasil["tanggal"] = m.group(1).strip(), m.group(2).strip()
    for (r, c), t in sorted(sel.items()):
        mn = _NIP.match(t)
        if not mn:
            continue
        atas = [(rr, sel[(rr, c)]) for rr in range(r - 1, max(awal, r - 9) - 1, -1) if (rr, c) in sel]
        blok = " ".join(x for _, x in atas).lower()
        peran = "bappeda" if re.search(r"bappeda|perencanaan pembangunan|dievaluasi", blok) else "opd"
        if f"nip_{peran}" in hasil:
            continue
        hasil[f"nip_{peran}"] = re.sub(r"\s+", "", mn.group(1))
        nama, jabatan = "", []
        for rr, x in atas:
            if re.match(r"(?i)^\s*(disusun|dievaluasi|mengetahui|menyetujui)", x):
                break
            if _JABATAN.match(x):
                if not nama and r - rr <= 2:
                    jabatan.append(x)
                continue
            if re.fullmatch(r"[^,]{1,60},.*", x) and (_TAHUN.search(x) or x.rstrip().endswith(",")):
                continue
            nama = x
            break
        hasil[f"nama_{peran}"] = nama
        if peran == "opd":
            hasil["jabatan_opd"] = " ".join(reversed(jabatan)) if nama else ""
    return hasil


def _renstra(bacaan: list[BacaanForm]) -> tuple[int, int] | None | int:
    for b in bacaan:
        f = b.formulir
        c = f.kol(5, "K") if b.form.startswith("e81") else (f.kol(4) if b.form == "tc29" else None)
        j = f.judul_kolom.get(c, "") if c else ""
        m = re.search(r"(\d{4})\s*(?:-|–|s\s*[./]?\s*d\.?|sampai)\s*(\d{4})", j)
        if m:
            return int(m.group(1)), int(m.group(2))
    for b in bacaan:
        f = b.formulir
        c = f.kol(5, "K") if b.form.startswith("e81") else (f.kol(4) if b.form == "tc29" else None)
        m = _TAHUN.search(f.judul_kolom.get(c, "") if c else "")
        if m:
            return int(m.group(1))
    return None


def info_dari(bacaan: list[BacaanForm], baris: list[BarisSumber], jenis_pemda: str | None,
              bidang: str | None) -> tuple[Info, list[Catatan]]:
    """Info from every form read (the latest E.81 first); a note for each value that was not found."""
    from renja_xl.data_induk import Info

    catatan: list[Catatan] = []
    urut = sorted(bacaan, key=lambda b: (b.urutan, -(b.triwulan or 0)))
    teks_judul: list[str] = []
    for b in urut:
        teks_judul += [t for _r, _c, t in baris_judul(b.grid, b.formulir)]
    ttd: dict[str, str] = {}
    baris_per_form: dict[int, int] = {}
    for b in urut:
        akhir = max([x.baris for x in b.baris] + [r for r, _ in b.kaki] + [b.formulir.baris_data])
        baris_per_form[id(b)] = akhir
        for k, v in _tanda_tangan(b.grid, b.formulir, akhir).items():
            ttd.setdefault(k, v)
    sumber = teks_judul + [ttd.get("jabatan_opd", "")]
    for b in urut:
        akhir = baris_per_form[id(b)]
        g = b.grid
        for r in g.baris_berisi(akhir + 1, b.formulir.baris_akhir):
            sumber += [g.teks(r, c) for c in range(1, g.max_col + 1) if g.teks(r, c)]
    pemda = _pilih([x for t in sumber for x in nama_pemda(t)]) or ""
    kepala = [re.sub(r"(?i)^kepala\s+", "", t) for t in sumber if re.match(r"(?i)^kepala\s+", t)]
    opd = _pilih([x for t in kepala + sumber if "bappeda" not in t.lower() and (x := nama_opd(t, pemda))]) or ""
    nama = urut[0].nama if urut else ""
    if not pemda:
        catatan.append(Catatan("info", nama, None, None, "nama pemda tidak ditemukan di judul formulir; isi "
                                                         "'Pemerintah Daerah' di lembar Info."))
    if not opd:
        catatan.append(Catatan("info", nama, None, None, "nama perangkat daerah tidak ditemukan di judul formulir; "
                                                         "isi 'Perangkat Daerah' di lembar Info."))
    jenis = jenis_pemda or baca_pemda(pemda) or ""
    if not jenis:
        digit = Counter(x.kode.split(".")[3] for x in baris if x.kode and len(x.kode.split(".")) > 3)
        jenis = {"1": "provinsi", "2": "kabupaten/kota"}.get(digit.most_common(1)[0][0] if digit else "", "")
    tahun_c = Counter(b.tahun for b in urut if b.tahun)
    tahun = tahun_c.most_common(1)[0][0] if tahun_c else 0
    if not tahun:
        catatan.append(Catatan("info", nama, None, None, "tahun anggaran tidak ditemukan; isi 'Tahun Anggaran'."))
    tw = [b.triwulan for b in urut if b.form.startswith("e81") and b.triwulan]
    triwulan = max(tw) if tw else 4
    if not tw:
        catatan.append(Catatan("info", nama, None, None, "tidak ada formulir E.81: triwulan diisi 4 (realisasi "
                                                         "tahunan T-C.29 dicatat pada TW IV); periksa lembar Info."))
    renstra = _renstra(urut)
    if isinstance(renstra, tuple):
        awal, akhir = renstra
    elif isinstance(renstra, int):
        awal, akhir = renstra - 4, renstra
        catatan.append(Catatan("info", nama, None, None, f"judul kolom target Renstra hanya menyebut tahun {akhir}: "
                                                         f"tahun awal Renstra diperkirakan {awal}; periksa Info."))
    else:
        awal, akhir = (tahun - 1, tahun + 3) if tahun else (0, 0)
        catatan.append(Catatan("info", nama, None, None, "periode Renstra tidak ditemukan di judul kolom; isi "
                                                         "'Renstra Tahun Awal' dan 'Renstra Tahun Akhir'."))
    info = Info(pemda=pemda, jenis_pemda=jenis, nama_opd=opd, bidang_urusan=bidang or "", tahun=tahun,
                triwulan=triwulan, renstra_awal=awal, renstra_akhir=akhir,
                kepala_opd=ttd.get("nama_opd", ""), nip_kepala_opd=ttd.get("nip_opd", ""),
                jabatan_kepala_opd=ttd.get("jabatan_opd", ""), kepala_bappeda=ttd.get("nama_bappeda", ""),
                nip_kepala_bappeda=ttd.get("nip_bappeda", ""), tempat=ttd.get("tempat", ""),
                tanggal=ttd.get("tanggal", ""))
    return info, catatan
