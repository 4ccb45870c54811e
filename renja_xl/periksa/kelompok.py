"""Style warnings of one kind in one column become one finding that lists its cells.

Numbers typed with their unit ("5 kali", "120 UKM") or as text are normal in real E.81 workbooks; one
warning per cell buries the real errors. The grouped finding sits at the first cell, lists the others
("F12, F15, F19–F30") and keeps each cell's own message in ``data["rincian"]`` so the report can still
mark every cell.
"""

from __future__ import annotations

from dataclasses import replace

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from renja_xl.periksa.hasil import TemuanSel

__all__ = ["JENIS_GAYA", "kelompokkan", "daftar_sel"]

# kinds that are about how a value is typed, not about a wrong number
JENIS_GAYA = frozenset({"angka.teks", "angka.bukan_angka", "nilai.jamak", "angka.format", "angka.pemisah_campur",
                        "angka.kurung", "angka.pengali"})


def _pecah(sel: str) -> tuple[str, int] | None:
    try:
        kol, baris = coordinate_from_string(sel)
    except ValueError:
        return None
    return kol, baris


def daftar_sel(sel: list[str]) -> str:
    """``["F12", "F15", "F19", "F20", …, "F30"]`` -> ``"F12, F15, F19–F30"`` (runs of rows in one column)."""
    bagian: list[str] = []
    urut = sorted((p for s in sel if (p := _pecah(s))), key=lambda p: (column_index_from_string(p[0]), p[1]))
    i = 0
    while i < len(urut):
        j = i
        while j + 1 < len(urut) and urut[j + 1][0] == urut[i][0] and urut[j + 1][1] == urut[j][1] + 1:
            j += 1
        a, b = urut[i], urut[j]
        bagian.append(f"{a[0]}{a[1]}" if i == j else f"{a[0]}{a[1]}–{b[0]}{b[1]}")
        i = j + 1
    return ", ".join(bagian)


def kelompokkan(temuan: list[TemuanSel], minimal: int = 2) -> list[TemuanSel]:
    """Merge style warnings of one kind in one column of one sheet (``minimal`` or more) into one finding."""
    from renja_xl.jenis_temuan import nama_jenis

    grup: dict[tuple, list[int]] = {}
    for i, t in enumerate(temuan):
        if t.jenis in JENIS_GAYA and t.tingkat != "salah" and t.sel and (p := _pecah(t.sel)):
            grup.setdefault((t.berkas, t.lembar, t.jenis, p[0]), []).append(i)
    ganti: dict[int, TemuanSel | None] = {}
    for (_berkas, _lembar, jenis, kol), idx in grup.items():
        if len(idx) < minimal:
            continue
        anggota = [temuan[i] for i in idx]
        sel = [t.sel for t in anggota if t.sel]
        contoh = [str(t.temuan.ditemukan) for t in anggota if t.temuan.ditemukan not in (None, "")]
        contoh = list(dict.fromkeys(contoh))[:3]
        pertama = anggota[0]
        sama = {t.temuan.pesan for t in anggota}
        uraian = next(iter(sama)).rstrip(".") if len(sama) == 1 else nama_jenis(jenis)
        uraian = uraian[:1].lower() + uraian[1:]
        pesan = (f"{len(anggota)} sel di kolom {kol}: {uraian}"
                 + (f" (mis. {', '.join(repr(c) for c in contoh)})" if contoh else "")
                 + f". Sel: {daftar_sel(sel)}.")
        data = dict(pertama.temuan.data)
        data["sel"] = sel
        data["rincian"] = [{"sel": t.sel, "pesan": t.temuan.pesan} for t in anggota]
        ganti[idx[0]] = replace(pertama, temuan=replace(pertama.temuan, pesan=pesan, data=data))
        for i in idx[1:]:
            ganti[i] = None
    if not ganti:
        return temuan
    out: list[TemuanSel] = []
    for i, t in enumerate(temuan):
        if i in ganti:
            g = ganti[i]
            if g is not None:
                out.append(g)
        else:
            out.append(t)
    return out
