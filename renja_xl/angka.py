"""Read numbers the way Indonesian planning tables print them, and print numbers back that way.

Cells in Renja / E.81 tables mix a number with its unit (``12 Bulan``, ``21,42 %``), use both the
Indonesian (``1.366.000``, ``0,16``) and the English convention (``29.41``, ``12,833,590,870``) in the
same document, are broken by line wraps (``44.889.784 .840``), hold several indicators at once
(``80 Unit 83.479 liter``) or no number at all (``-``, ``Refocusing Anggaran``). ``parse_angka`` turns
any of that into one :class:`Angka` without ever raising, and says in ``temuan`` what it had to guess,
so a checker can report it instead of silently computing with a wrong value. Pure: no file I/O.
See ``docs/keputusan.md`` for the decisions (ambiguous ``9.470``, ranges, bounds, grades).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

from renja_xl.temuan import Temuan

__all__ = ["Angka", "parse_angka", "format_angka", "bulatkan", "HURUF_NILAI", "OPINI_BPK", "SKALA_HURUF", "GALAT_EXCEL",
           "normal_satuan"]

#: Letter grades (Indeks RB, nilai SAKIP, ...), best first.
HURUF_NILAI: tuple[str, ...] = ("AA", "A", "BB", "B", "CC", "C", "D")
# BPK's audit opinion on the financial statements, best first (an indicator of BPKAD, Inspektorat, Sekretariat):
# Wajar Tanpa Pengecualian, Wajar Dengan Pengecualian, Tidak Wajar, Tidak Menyatakan Pendapat
OPINI_BPK: tuple[str, ...] = ("WTP", "WDP", "TW", "TMP")
# every ordinal scale a K cell may be graded on; a realisasi is compared with a target of the same scale only
SKALA_HURUF: tuple[tuple[str, ...], ...] = (HURUF_NILAI, OPINI_BPK)

_PANJANG_MAKS = 2000  # longer text is not a number cell; parsing stays linear and bounded


@dataclass(frozen=True)
class Angka:
    """One cell read as a number.

    ``nilai`` is None whenever no single number can be used for arithmetic: blank/``-``/unit only
    (``kosong``), text (``teks``), several values (``jamak``), a range (``rentang``) or a grade
    (``huruf``). ``persen`` is True for ``%``/``Persen`` (then ``satuan`` is ``"%"``).
    """

    asli: object = None
    nilai: float | None = None
    satuan: str | None = None
    persen: bool = False
    kosong: bool = True
    teks: str | None = None
    jamak: tuple["Angka", ...] = ()
    ambigu: bool = False
    alternatif: float | None = None
    batas: str | None = None
    rentang: tuple[float, float] | None = None
    huruf: str | None = None
    temuan: tuple[Temuan, ...] = field(default=(), compare=False)

    @property
    def ada(self) -> bool:
        """True when there is one number to compute with."""
        return self.nilai is not None


# ---------------------------------------------------------------------------------------------- text clean-up

_TAG_HTML = re.compile(r"(?i)</?(?:b|i|u|strong|em|br|sup|sub|span|p|font)\b[^<>]*>")
_SPASI = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\t\r\n]+")
_HURUF_TERPISAH = re.compile(r"(?<![A-Za-z])(?:[A-Za-z]{1,2}\.? ){1,}[A-Za-z]{1,2}\.?(?![A-Za-z])")
_KATA_PERSEN = re.compile(r"(?i)^(?:%|persen\b|prosen\b|percent\b|pct\b)")
_TEKS_BUKAN_SATUAN = re.compile(
    r"(?i)refo[ck]|efisiensi|tidak|belum|dialihkan|ditiadakan|^n/?a$|^\?+$|^\.{2,}$|…|#")
_LABEL_TW = re.compile(r"(?i)^\s*(?:tw|triwulan)\s*[-.]?\s*(?:[1-4]|i{1,3}|iv)\s*[=:]\s*")


def _rapikan(s: str) -> str:
    """Normalise spaces, LaTeX/Unicode signs and spaced-out letters (``b u la n`` -> ``bulan``)."""
    s = _SPASI.sub(" ", s)
    s = _TAG_HTML.sub(" ", s)  # "<b>A</b>" in extracted text; "<5%" is not a tag
    s = s.replace("$", "").replace("\\pm", "±").replace("+/-", "±").replace("+-", "±")
    s = s.replace("≤", "<=").replace("≥", ">=").replace("–", "-").replace("—", "-").replace("−", "-")
    s = re.sub(r" {2,}", " ", s).strip()

    def gabung(m: re.Match[str]) -> str:
        token = m.group(0).split(" ")
        if sum(1 for t in token if len(t.rstrip(".")) == 1) >= 2:
            return "".join(token)
        return m.group(0)

    return _HURUF_TERPISAH.sub(gabung, s)


def normal_satuan(s: str | None) -> str | None:
    """A unit as written, tidied (spaced letters joined, spaces collapsed); None when empty."""
    if s is None:
        return None
    t = _rapikan(str(s)).strip(" ,;:/-").lstrip(".").strip()
    return t if any(c.isalnum() for c in t) else None


# ---------------------------------------------------------------------------------------------- repairs

def _perbaiki_potongan(s: str, temuan: list[Temuan]) -> str:
    """Glue numbers broken by a line wrap: ``44.889.784 .840``, ``200.000.000, 00``, ``9.7 69``."""
    asal = s
    # space before a separator: "784 .840" -> "784.840"
    s = re.sub(r"(?<=\d) +(?=[.,]\d)", "", s)
    # doubled separator: "255.921. .800" -> "255.921.800"
    s = re.sub(r"(?<=\d)([.,]) *[.,] *(?=\d)", r"\1", s)
    # space after a separator of a grouped number: "200.000.000, 00" -> "200.000.000,00"
    s = re.sub(r"(\d{1,3}(?:[.,]\d{3})+[.,]) +(?=\d)", r"\1", s)
    # a last dot group cut short: "9.7 69" -> "9.769", "75.417.714.75 5" -> "75.417.714.755"

    def lengkapi(m: re.Match[str]) -> str:
        if len(m.group(2)) + len(m.group(3)) == 3:
            return m.group(1) + m.group(2) + m.group(3)
        return m.group(0)

    s = re.sub(r"(\d{1,3}(?:\.\d{3})*\.)(\d{1,2}) (\d{1,2})(?![\d.,])", lengkapi, s)
    if s != asal:
        temuan.append(Temuan("angka.terpotong", "peringatan",
                             f"Angka terpotong (pindah baris atau spasi) dibaca sebagai '{s}'.",
                             saran="Tulis angka tanpa spasi di dalamnya.", ditemukan=asal, seharusnya=s))
    return s


# ---------------------------------------------------------------------------------------------- one number

def _baca_bilangan(num: str, persen: bool = False) -> tuple[float | None, float | None, list[Temuan]]:
    """Digits with separators -> (value, alternative reading when ambiguous, findings).

    Groups of exactly three digits after the first separator mean thousands; otherwise the last
    separator is the decimal mark. A single separator followed by exactly three digits stays ambiguous
    (``9.470``): read as thousands (alternative: decimal) — also with ``%``, because the seeds print
    ``8.315%`` for 8315 % (004:382, 004:246) and no percentage with a three-digit dot decimal.
    """
    temuan: list[Temuan] = []
    neg = num.startswith("-")
    num = num.lstrip("-")
    sep = [(i, c) for i, c in enumerate(num) if c in ".,"]
    tanda = -1.0 if neg else 1.0
    if not sep:
        return tanda * float(num), None, temuan
    kelompok = re.split(r"[.,]", num)
    pertama, ekor = kelompok[0], kelompok[1:]
    jenis = {c for _, c in sep}
    semua_tiga = all(len(g) == 3 for g in ekor) and 1 <= len(pertama) <= 3 and not (
        pertama.startswith("0"))
    if len(sep) == 1:
        bulat, pecahan = pertama, ekor[0]
        sebagai_desimal = float(f"{bulat}.{pecahan}")
        if semua_tiga:
            ribuan = float(bulat + pecahan)
            temuan.append(Temuan(
                "angka.ambigu", "peringatan",
                f"'{num}' bisa berarti {format_angka(ribuan)} (ribuan) atau "
                f"{format_angka(sebagai_desimal, len(pecahan))} (desimal); dibaca sebagai ribuan.",
                saran="Tulis ribuan dengan titik dan desimal dengan koma, atau isi sel dengan angka.",
                ditemukan=num, seharusnya=format_angka(ribuan)))
            return tanda * ribuan, tanda * sebagai_desimal, temuan
        return tanda * sebagai_desimal, None, temuan
    kind_akhir = sep[-1][1]
    standar = len(jenis) == 2 and all(c != kind_akhir for _, c in sep[:-1])
    if semua_tiga and not standar:
        if len(jenis) > 1:
            temuan.append(Temuan("angka.pemisah_campur", "peringatan",
                                 f"'{num}' memakai titik dan koma sebagai pemisah ribuan sekaligus.",
                                 ditemukan=num))
        return tanda * float("".join(kelompok)), None, temuan
    # the last separator is the decimal mark; every other one separates thousands
    tengah_rapi = all(len(g) == 3 for g in ekor[:-1]) and 1 <= len(pertama) <= 3
    if not tengah_rapi:
        raise ValueError(f"'{num}' bukan angka (kelompok digit tidak beraturan, mirip kode)")
    if not standar:
        temuan.append(Temuan("angka.format", "peringatan",
                             f"Format angka '{num}' janggal (digit hilang atau pemisah salah); dibaca "
                             f"dengan '{kind_akhir}' terakhir sebagai tanda desimal.",
                             saran="Periksa angka ini di dokumen sumber.", ditemukan=num))
    nilai = float("".join(kelompok[:-1]) + "." + kelompok[-1])
    return tanda * nilai, None, temuan


# ---------------------------------------------------------------------------------------------- tokens

_BILANGAN = r"-?\d+(?:[.,]\d+)*"
_TOKEN = re.compile(
    r"(?P<batas><=|>=|<|>)?\s*(?P<num>(?<![\w.,])" + _BILANGAN + r")\s*(?P<pct>%)?")
_RENTANG = re.compile(
    r"^(?P<a>" + _BILANGAN + r")\s*(?P<pa>%)?\s*(?:-|s\.?\s?d\.?|s/d|sampai|hingga)\s*"
    r"(?P<b>\d+(?:[.,]\d+)*)\s*(?P<pb>%)?\s*(?P<sisa>.*)$", re.I)
_PLUSMIN = re.compile(r"^(?P<a>" + _BILANGAN + r")\s*(?P<pa>%)?\s*±\s*(?P<b>\d+(?:[.,]\d+)*)\s*(?P<pb>%)?\s*"
                      r"(?P<sisa>.*)$")
_GRADE = re.compile(r"^(?:nilai\s+|predikat\s+|indeks\s+)?\(?(AA|A|BB|B|CC|C|D)\)?$"
                    r"|^(?i:opini\s+(?:bpk\s+)?)?\(?((?i:WTP|WDP|TW|TMP))\)?$")
_KURUNG = re.compile(r"\(([^()]*\d[^()]*)\)")
_RP = re.compile(r"(?i)^rp\.?\s*")
_PENGALI = {"ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "miliar": 1e9, "milyar": 1e9, "m": None,
            "triliun": 1e12, "trilyun": 1e12}


def _satuan_dari(ekor: str) -> tuple[str | None, bool]:
    """Unit text after a number -> (unit, is percent). ``"% Persen"`` -> ("%", True)."""
    t = ekor.strip(" ,;:")
    persen = False
    while True:
        m = _KATA_PERSEN.match(t)
        if not m:
            break
        persen = True
        t = t[m.end():].strip(" ,;:")
    if persen:
        return "%", True
    t = normal_satuan(t)
    return t, False


# the error values Excel shows in a cell (one list: the checker reads them from cells too)
GALAT_EXCEL: tuple[str, ...] = ("#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#N/A", "#NUM!", "#NULL!", "#SPILL!",
                                "#CALC!", "#GETTING_DATA")
_GALAT_EXCEL = re.compile("|".join(map(re.escape, GALAT_EXCEL)), re.I)


def _kosong_atau_teks(asli: object, s: str, temuan: list[Temuan]) -> Angka:
    """No digits at all: blank, a dash, a unit alone (all ``kosong``) or text where a number belongs."""
    t = s.strip()
    sisa = re.sub(r"^[-\s]+", "", t)
    if not sisa:
        return Angka(asli=asli, temuan=tuple(temuan))
    kata = [k for k in sisa.split() if any(c.isalnum() for c in k)]
    if _TEKS_BUKAN_SATUAN.search(sisa) or len(sisa) > 25 or len(kata) > 3:
        temuan.append(Temuan("angka.teks", "peringatan",
                             f"Teks '{t}' berada di tempat angka; tidak ikut dihitung.",
                             saran="Isi angkanya (0 bila memang nol) dan pindahkan keterangan ke kolom "
                                   "keterangan.", ditemukan=t))
        return Angka(asli=asli, kosong=False, teks=t, temuan=tuple(temuan))
    satuan, persen = _satuan_dari(sisa)
    return Angka(asli=asli, satuan=satuan, persen=persen, temuan=tuple(temuan))


def _satu(asli: object, s: str) -> Angka:
    temuan: list[Temuan] = []
    s = _rapikan(s)
    if not s or re.fullmatch(r"[-\s]*", s):
        return Angka(asli=asli)
    if _GALAT_EXCEL.fullmatch(s):   # an Excel error value is never a number ("#DIV/0!" is not 0 "#DIV")
        temuan.append(Temuan("angka.teks", "peringatan",
                             f"Nilai galat Excel '{s}' berada di tempat angka; tidak ikut dihitung.",
                             saran="Perbaiki rumus atau isian sumbernya agar sel berisi angka.", ditemukan=s))
        return Angka(asli=asli, kosong=False, teks=s, temuan=tuple(temuan))
    m = _LABEL_TW.match(s)
    if m:
        s = s[m.end():].strip()
        if not s or s == "-":
            return Angka(asli=asli)
    g = _GRADE.match(s)
    if g:
        return Angka(asli=asli, kosong=False, huruf=g.group(1) or g.group(2).upper())
    s = _perbaiki_potongan(s, temuan)
    rp = bool(_RP.match(s))
    if rp:
        s = _RP.sub("", s)
    # a share in parentheses ("100% (40%)") is a note, not a second value
    for k in _KURUNG.finditer(s):
        temuan.append(Temuan("angka.kurung", "info",
                             f"Nilai dalam kurung '({k.group(1)})' dianggap keterangan dan diabaikan.",
                             ditemukan=s))
    s = _KURUNG.sub(" ", s).strip()
    if not re.search(r"\d", s):
        return _kosong_atau_teks(asli, s, temuan)
    # ranges "4,5 - 5,5 %", "11,94-11,02 %" and "3,0 ± 1 %"
    for pola, pm in ((_PLUSMIN, True), (_RENTANG, False)):
        r = pola.match(s)
        if r and not re.search(r"\d", r.group("sisa")):
            persen = bool(r.group("pa") or r.group("pb")) or bool(_KATA_PERSEN.match(r.group("sisa").strip()))
            try:
                a, _, ta = _baca_bilangan(r.group("a"), persen)
                b, _, tb = _baca_bilangan(r.group("b"), persen)
            except (ValueError, OverflowError):
                break
            temuan += ta + tb
            lo, hi = (a - b, a + b) if pm else (a, b)
            if lo > hi:
                lo, hi = hi, lo
                temuan.append(Temuan("angka.rentang_terbalik", "info",
                                     f"Rentang '{s}' ditulis dari besar ke kecil; dibaca {format_angka(lo)} "
                                     f"sampai {format_angka(hi)}.", ditemukan=s))
            satuan, p2 = _satuan_dari(r.group("sisa"))
            persen = persen or p2
            return Angka(asli=asli, kosong=False, rentang=(lo, hi), persen=persen,
                         satuan="%" if persen else satuan, temuan=tuple(temuan))
    token = list(_TOKEN.finditer(s))
    if not token:  # digits, but only inside words or codes ("X.XX.01.2.02.04"): text, not a blank
        temuan.append(Temuan("angka.teks", "peringatan", f"Teks '{s}' berada di tempat angka; tidak ikut dihitung.",
                             ditemukan=s))
        return Angka(asli=asli, kosong=False, teks=s, temuan=tuple(temuan))
    bagian: list[Angka] = []
    awal = s[: token[0].start()].strip()
    for i, t in enumerate(token):
        ujung = token[i + 1].start() if i + 1 < len(token) else len(s)
        ekor = s[t.end(): ujung]
        satuan, persen_kata = _satuan_dari(ekor)
        persen = bool(t.group("pct")) or persen_kata
        if persen:
            satuan = "%"
        tb: list[Temuan] = []
        try:
            nilai, alt, tb = _baca_bilangan(t.group("num"), persen)
        except (ValueError, OverflowError):
            nilai, alt = None, None
            tb = [Temuan("angka.bukan_angka", "peringatan",
                         f"'{t.group('num')}' bukan angka yang sah (kelompok digit tidak beraturan, mungkin kode).",
                         ditemukan=t.group("num"))]
        pengali = None
        if satuan and not persen:
            kata = satuan.split(" ")[0].lower().rstrip(".")
            if kata in _PENGALI and _PENGALI[kata] is not None:
                pengali = _PENGALI[kata]
                satuan = satuan[len(kata):].strip(" .") or ("Rp" if rp else None)
        if pengali and nilai is not None:
            # "6,5 juta": the digits are a decimal number, whatever their grouping
            num = t.group("num")
            if alt is not None:
                nilai, alt, tb = alt, None, []
            nilai = nilai * pengali
            tb.append(Temuan("angka.pengali", "info", f"'{num} {kata}' dibaca {format_angka(nilai)}.",
                             ditemukan=num))
        if rp and not satuan and i == 0:
            satuan = "Rp"
        teks_rusak = None
        if nilai is None or not math.isfinite(nilai):
            nilai, alt, teks_rusak = None, None, t.group("num")
        bagian.append(Angka(asli=(s[t.start(): ujung]).strip(" ,;"), nilai=nilai, satuan=satuan,
                            persen=persen, kosong=False, teks=teks_rusak, ambigu=alt is not None,
                            alternatif=alt, batas=t.group("batas"), temuan=tuple(tb)))
    if awal and not re.fullmatch(r"[-=:\s]*", awal) and len(bagian) == 1 and len(awal.split()) <= 2:
        # text before the only number ("sebesar 5 %", "Dokumen 4"): keep it as the unit when none follows
        b = bagian[0]
        if b.satuan is None and not b.persen:
            bagian[0] = replace(b, satuan=normal_satuan(awal))
    if len(bagian) == 1:
        b = bagian[0]
        return replace(b, asli=asli, temuan=tuple(temuan) + b.temuan)
    semua_persen = all(b.persen for b in bagian)
    temuan.append(Temuan(
        "angka.jamak", "peringatan",
        f"Sel berisi {len(bagian)} nilai ({'; '.join(str(b.asli) for b in bagian)}): tiap nilai milik "
        f"indikator sendiri dan tidak boleh dijumlahkan.",
        saran="Pisahkan setiap indikator ke barisnya sendiri; capaian baris = rata-rata capaian "
              "per indikator.", ditemukan=s))
    for b in bagian:
        temuan.extend(b.temuan)
    return Angka(asli=asli, kosong=False, jamak=tuple(bagian), persen=semua_persen,
                 satuan="%" if semua_persen else None, temuan=tuple(temuan))


def parse_angka(x: object) -> Angka:
    """Read any cell value (text, int, float, None) as an :class:`Angka`; never raises."""
    try:
        if x is None:
            return Angka(asli=None)
        if isinstance(x, bool):
            return Angka(asli=x, kosong=False, teks=str(x))
        if isinstance(x, (int, float, Decimal)):
            try:
                v = float(x)
            except (OverflowError, ValueError, InvalidOperation):
                return Angka(asli=x, kosong=False, teks=str(x))
            if math.isnan(v):
                return Angka(asli=x)
            if math.isinf(v):
                return Angka(asli=x, kosong=False, teks=str(x))
            return Angka(asli=x, nilai=v, kosong=False)
        s = x if isinstance(x, str) else str(x)
        if len(s) > _PANJANG_MAKS:
            return Angka(asli=x, kosong=False, teks=s[:80] + "…",
                         temuan=(Temuan("angka.teks", "peringatan",
                                        "Teks terlalu panjang untuk sebuah sel angka.",
                                        ditemukan=s[:80]),))
        return _satu(x, s)
    except Exception as e:  # noqa: BLE001 - the contract is "never raises"; report instead
        return Angka(asli=x, kosong=False, teks=str(x)[:200],
                     temuan=(Temuan("angka.galat", "peringatan",
                                    f"Nilai tidak dapat dibaca sebagai angka ({type(e).__name__}).",
                                    ditemukan=str(x)[:200]),))


# ---------------------------------------------------------------------------------------------- printing

_DIGIT_TAMPIL = Context(prec=15, rounding=ROUND_HALF_UP)


def _tampil(f: float, desimal: int) -> Decimal:
    """``f`` as a spreadsheet shows it with ``desimal`` decimals: first the 15 significant digits Excel
    keeps (so 2.675 computed as 2.67499999999999982 still shows 2,68), then half away from zero."""
    d = _DIGIT_TAMPIL.plus(Decimal(repr(f)))
    ctx = Context(prec=1200, rounding=ROUND_HALF_UP)
    return ctx.quantize(d, Decimal(1).scaleb(-min(max(0, desimal), 400)))


def bulatkan(v: float, desimal: int) -> float:
    """The value ``format_angka(v, desimal)`` prints — the one rounding rule (half away from zero on the
    decimal as printed), so a checker compares a printed cell with the value it should show."""
    f = float(v)
    if not math.isfinite(f):
        return f
    return float(_tampil(f, desimal))


def format_angka(v: object, desimal: int | None = None) -> str:
    """Print a number Indonesian style: ``1.366.000``, ``21,42``; ``desimal`` fixes the decimals.

    Without ``desimal`` the shortest text that reads back to the same float is printed (full precision;
    only display rounds). With ``desimal`` the value is rounded as a spreadsheet displays it
    (:func:`bulatkan`: 2,675 -> ``2,68``). A three-digit fraction of a number below 1000 gets a trailing
    zero (``1,1250``) so it cannot be mistaken for thousands when read back. None/NaN -> ``""``.
    """
    if v is None or isinstance(v, bool):
        return ""
    try:
        f = float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return str(v)
    if math.isnan(f):
        return ""
    if math.isinf(f):
        return "∞" if f > 0 else "-∞"
    if desimal is not None:
        teks = f"{_tampil(f, desimal):f}"
    else:
        teks = f"{Decimal(repr(f)):f}"
    neg = teks.startswith("-")
    teks = teks.lstrip("-")
    bulat, _, pecahan = teks.partition(".")
    if desimal is None:
        pecahan = pecahan.rstrip("0")
        if len(pecahan) == 3 and bulat not in ("0", "") and len(bulat) <= 3:
            pecahan += "0"
    kelompok = []
    while len(bulat) > 3:
        kelompok.insert(0, bulat[-3:])
        bulat = bulat[:-3]
    kelompok.insert(0, bulat or "0")
    hasil = ".".join(kelompok) + ("," + pecahan if pecahan else "")
    if neg and any(c not in "0.," for c in hasil):
        hasil = "-" + hasil
    return hasil
