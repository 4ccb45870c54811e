"""Build the empty Data Induk template (``templates/data_induk.xlsx``) with openpyxl.

The committed .xlsx is what users restyle in Excel; this script is how it is made, so a change of columns
in :mod:`renja_xl.data_induk.model` (``KOLOM_DATA``/``LABEL_INFO``) and the template never drift apart. The output
is byte-reproducible (fixed document dates and zip timestamps) so a rebuild only shows a diff when something
really changed. Rebuild with ``python -m renja_xl.data_induk.templat [path]``.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from renja_xl.data_induk.model import (JENIS_PEMDA, KERTAS_BAKU, KOLOM_DATA, LABEL_INFO, LEMBAR_DATA, LEMBAR_INFO,
                                       PILIHAN_JENIS, PILIHAN_KERTAS, Kolom)

__all__ = ["buat_templat", "simpan_templat", "ke_bytes", "BARIS_SIAP", "LEMBAR_PETUNJUK", "FORMAT_RP", "FORMAT_K"]

LEMBAR_PETUNJUK = "Petunjuk"
BARIS_SIAP = 500            # rows pre-formatted for input (text code column, number formats, dropdown)
FORMAT_RP = "#,##0"
FORMAT_K = "#,##0.00"
FORMAT_TEKS = "@"
_TANGGAL_TETAP = datetime(2024, 1, 1)

_JUDUL = PatternFill("solid", fgColor="1F4E78")
_JUDUL_RP = PatternFill("solid", fgColor="385723")
_ISIAN = PatternFill("solid", fgColor="FFF2CC")
_LABEL = PatternFill("solid", fgColor="DDEBF7")
_GARIS = Side(style="thin", color="BFBFBF")
_KOTAK = Border(left=_GARIS, right=_GARIS, top=_GARIS, bottom=_GARIS)

_LEBAR = {"kode": 20, "uraian": 42, "sasaran": 30, "indikator": 42, "satuan": 12, "jenis": 14, "lokasi": 18,
          "sumber_dana": 14, "penanggung_jawab": 22, "keterangan": 30}

# one line of help per column (Petunjuk sheet); K = kinerja (indicator value), Rp = anggaran
_PENJELASAN: dict[str, str] = {
    "kode": "Kode program (2.17.02), kegiatan (2.17.02.2.01) atau sub kegiatan (2.17.02.2.01.01). Kolom ini "
            "berformat Teks: jangan ubah ke Angka (2.10 akan menjadi 2.1). Program penunjang boleh ditulis "
            "X.XX.01...; diganti dengan kode bidang urusan di lembar Info. Satu indikator satu baris: ulangi "
            "kodenya pada baris indikator berikutnya.",
    "uraian": "Nama program/kegiatan/sub kegiatan sesuai nomenklatur. Pada baris indikator kedua dan "
              "seterusnya boleh dikosongkan.",
    "sasaran": "Sasaran Renstra yang didukung (biasanya hanya pada baris program).",
    "indikator": "Indikator kinerja: outcome untuk program, output untuk kegiatan dan sub kegiatan.",
    "satuan": "Satuan indikator (Persen, Bulan, Dokumen, Unit, ...). Cukup di sini; sel angka cukup berisi angka.",
    "jenis": "Cara realisasi triwulan dijumlahkan; pilih dari daftar (lihat Jenis Indikator di bawah).",
    "target_renstra_k": "Target kinerja Renstra sampai akhir periode Renstra (kolom 5 formulir E.81).",
    "target_renstra_rp": "Pagu Renstra sampai akhir periode; isi hanya pada baris sub kegiatan.",
    "realisasi_lalu_k": "Realisasi kinerja Renstra sampai dengan tahun lalu (kolom 6).",
    "realisasi_lalu_rp": "Realisasi anggaran sampai dengan tahun lalu; hanya baris sub kegiatan.",
    "target_k": "Target kinerja Renja tahun berjalan (kolom 7). Boleh berupa batas ('<5%', '>= 80') atau "
                "rentang ('4,5 - 5,5 %'); indikator bernilai huruf diisi huruf: AA, A, BB, B, CC, C, D (nilai SAKIP) atau WTP, WDP, TW, TMP (opini BPK).",
    "target_rp": "Pagu Renja (DPA) tahun berjalan; hanya baris sub kegiatan.",
    "tw_k": "Realisasi kinerja pada triwulan itu saja (kolom 8-11); kosongkan triwulan yang belum berjalan.",
    "tw_rp": "Realisasi anggaran pada triwulan itu saja; hanya baris sub kegiatan.",
    "target_tw": "Target triwulan dari Rencana Aksi (boleh kosong: dibagi dari Target Renja).",
    "lokasi": "Lokasi kegiatan (untuk Renja/RKPD).",
    "sumber_dana": "Sumber dana, misalnya DAU, DAK, PAD.",
    "target_n1_k": "Target kinerja tahun berikutnya (prakiraan maju).",
    "pagu_n1": "Pagu indikatif tahun berikutnya (prakiraan maju); hanya baris sub kegiatan.",
    "penanggung_jawab": "Unit/bidang penanggung jawab.",
    "keterangan": "Catatan bebas.",
}

_JENIS_PENJELASAN = (
    ("kumulatif", "Realisasi tahunan = jumlah realisasi triwulan I-IV. Untuk jumlah/frekuensi "
                  "(Bulan, Dokumen, Laporan, Unit, Kali, Orang). Contoh: TW I 3 Bulan + TW II 3 Bulan = 6 Bulan."),
    ("persentase", "Realisasi tahunan = nilai triwulan terakhir yang terisi (tidak dijumlahkan). Untuk indikator "
                   "dalam persen. Contoh: TW I 25%, TW II 50% -> realisasi 50%."),
    ("nilai akhir", "Seperti persentase tetapi untuk indeks/skor/nilai (Indeks Kepuasan, nilai SAKIP)."),
    ("menurun", "Makin kecil makin baik (angka kemiskinan, koefisien variasi harga, tingkat inflasi). Capaian = "
                "target / realisasi x 100. Target berupa batas boleh ditulis apa adanya: '<5%'."),
)


def _kunci_penjelasan(k: Kolom) -> str:
    for awalan in ("tw_k", "tw_rp", "target_tw"):
        if k.kunci.startswith(awalan) and k.kunci[len(awalan):].isdigit():
            return awalan
    return k.kunci


def _format(k: Kolom) -> str:
    if k.jenis == "kode":
        return FORMAT_TEKS
    if k.jenis == "rp":
        return FORMAT_RP
    if k.jenis == "k":
        return FORMAT_K
    return "General"


def _lembar_info(wb: Workbook) -> None:
    ws = wb.active
    ws.title = LEMBAR_INFO
    ws["A1"], ws["B1"], ws["C1"] = "Keterangan", "Isian", "Petunjuk"
    for c in ws[1]:
        c.font, c.fill, c.alignment = Font(bold=True, color="FFFFFF"), _JUDUL, Alignment(vertical="center")
    saran = {"jenis_pemda": "Pilih: provinsi atau kabupaten/kota",
             "bidang_urusan": "Kode bidang urusan utama OPD, sebagai teks (contoh 2.17)",
             "tahun": "Tahun anggaran yang dievaluasi (n)", "triwulan": "Pilih 1, 2, 3 atau 4",
             "renstra_awal": "Tahun pertama periode Renstra", "renstra_akhir": "Tahun terakhir periode Renstra",
             "nip_kepala_opd": "Ketik sebagai teks (18 digit)", "nip_kepala_bappeda": "Ketik sebagai teks (18 digit)",
             "tanggal": "Ditulis apa adanya, misalnya 15 Juli 2022",
             "kertas": f"Ukuran kertas cetak formulir: {', '.join(PILIHAN_KERTAS)} (kosong = {KERTAS_BAKU}/Folio)"}
    baris: dict[str, int] = {}
    for r, li in enumerate(LABEL_INFO, start=2):
        baris[li.kunci] = r
        a, b, c = ws.cell(r, 1, li.label), ws.cell(r, 2), ws.cell(r, 3, saran.get(li.kunci, ""))
        a.fill, a.font, a.border = _LABEL, Font(bold=li.wajib), _KOTAK
        b.fill, b.border = _ISIAN, _KOTAK
        c.font = Font(italic=True, color="595959")
        if li.jenis in ("bidang", "nip", "teks", "tanggal", "jenis_pemda", "kertas"):
            b.number_format = FORMAT_TEKS
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 52
    ws.column_dimensions["C"].width = 48
    ws.freeze_panes = "A2"
    dv = DataValidation(type="list", formula1='"' + ",".join(JENIS_PEMDA) + '"', allow_blank=True,
                        showErrorMessage=True, errorTitle="Jenis pemda", error="Pilih provinsi atau kabupaten/kota.")
    dv.add(f"B{baris['jenis_pemda']}")
    tw = DataValidation(type="list", formula1='"1,2,3,4"', allow_blank=True, showErrorMessage=True,
                        errorTitle="Triwulan", error="Triwulan harus 1, 2, 3 atau 4.")
    tw.add(f"B{baris['triwulan']}")
    kertas = DataValidation(type="list", formula1='"' + ",".join(PILIHAN_KERTAS) + '"', allow_blank=True,
                            showErrorMessage=True, errorTitle="Ukuran kertas",
                            error="Pilih " + ", ".join(PILIHAN_KERTAS) + ".")
    kertas.add(f"B{baris['kertas']}")
    ws.add_data_validation(dv)
    ws.add_data_validation(tw)
    ws.add_data_validation(kertas)


def _lembar_data(wb: Workbook) -> None:
    ws = wb.create_sheet(LEMBAR_DATA)
    for c, k in enumerate(KOLOM_DATA, start=1):
        h = ws.cell(1, c, k.judul)
        h.font = Font(bold=True, color="FFFFFF")
        h.fill = _JUDUL_RP if k.jenis == "rp" else _JUDUL
        h.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        h.border = _KOTAK
        huruf = get_column_letter(c)
        dim = ws.column_dimensions[huruf]
        dim.width = _LEBAR.get(k.kunci, 16 if k.jenis == "rp" else 12)
        fmt = _format(k)
        dim.number_format = fmt          # new cells typed below BARIS_SIAP get the format too
        for r in range(2, BARIS_SIAP + 2):
            sel = ws.cell(r, c)
            sel.number_format = fmt
            sel.fill = _ISIAN
            sel.border = _KOTAK
            if k.jenis == "teks" and k.kunci in ("uraian", "indikator", "sasaran"):
                sel.alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[1].height = 45
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(KOLOM_DATA))}1"
    kol_jenis = get_column_letter([k.kunci for k in KOLOM_DATA].index("jenis") + 1)
    dv = DataValidation(type="list", formula1='"' + ",".join(PILIHAN_JENIS) + '"', allow_blank=True,
                        showErrorMessage=True, errorTitle="Jenis indikator",
                        error="Pilih: " + ", ".join(PILIHAN_JENIS) + ".", showInputMessage=True,
                        promptTitle="Jenis indikator", prompt="kumulatif = dijumlah; persentase/nilai akhir = "
                        "triwulan terakhir; menurun = makin kecil makin baik")
    dv.add(f"{kol_jenis}2:{kol_jenis}{BARIS_SIAP + 1}")
    ws.add_data_validation(dv)


def _lembar_petunjuk(wb: Workbook) -> None:
    ws = wb.create_sheet(LEMBAR_PETUNJUK)
    tulis: list[tuple[str, str]] = [
        ("Data Induk renja-xl", ""),
        ("", "Isi data sekali di sini; renja-xl membuat formulir (E.81, Renja, Rencana Aksi) dan memeriksanya."),
        ("", "Lembar Info: identitas pemda, OPD, tahun dan triwulan. Label di kolom A jangan diubah; isi kolom B."),
        ("", "Lembar Data: satu baris untuk satu indikator program, kegiatan atau sub kegiatan. Urutan kolom boleh "
             "diubah, tetapi teks judul kolom jangan diubah."),
        ("", "Anggaran (Rp) hanya diisi pada baris sub kegiatan; jumlah kegiatan dan program dihitung otomatis. "
             "Baris program dan kegiatan berisi indikator kinerja (K) sendiri."),
        ("", "Setiap program/kegiatan harus punya baris sendiri di atas sub kegiatannya."),
        ("", "Sel angka cukup berisi angka (12, 7863041117, 97,5). Kosong atau '-' berarti belum ada."),
        ("", ""),
        ("Kolom", "Penjelasan"),
        *((k.judul, _PENJELASAN[_kunci_penjelasan(k)]) for k in KOLOM_DATA),
        ("", ""),
        ("Jenis Indikator", "Penjelasan"),
        *_JENIS_PENJELASAN,
    ]
    for r, (a, b) in enumerate(tulis, start=1):
        ws.cell(r, 1, a)
        ws.cell(r, 2, b).alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(r, 1).alignment = Alignment(vertical="top")
        if a in ("Kolom", "Jenis Indikator") and b == "Penjelasan":
            for c in (1, 2):
                ws.cell(r, c).font, ws.cell(r, c).fill = Font(bold=True, color="FFFFFF"), _JUDUL
    ws["A1"].font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 110


def buat_templat() -> Workbook:
    """The empty Data Induk workbook (Info, Data, Petunjuk)."""
    wb = Workbook()
    _lembar_info(wb)
    _lembar_data(wb)
    _lembar_petunjuk(wb)
    wb.active = 0
    wb.properties.creator = "renja-xl"
    wb.properties.title = "Data Induk renja-xl"
    wb.properties.created = _TANGGAL_TETAP
    wb.properties.modified = _TANGGAL_TETAP
    return wb


def ke_bytes(wb: Workbook) -> bytes:
    """Serialise with fixed zip timestamps so the same workbook always gives the same bytes."""
    mentah = io.BytesIO()
    wb.save(mentah)
    keluar = io.BytesIO()
    with zipfile.ZipFile(mentah) as zin, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":   # openpyxl stamps 'modified' with now() on save
                data = _tetapkan_modified(data)
            baru = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            baru.compress_type = zipfile.ZIP_DEFLATED
            baru.external_attr = 0o644 << 16
            zout.writestr(baru, data)
    return keluar.getvalue()


def _tetapkan_modified(xml: bytes) -> bytes:
    import re

    return re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>2024-01-01T00:00:00Z\g<2>", xml)


def simpan_templat(path: str | Path, *, timpa: bool = False) -> Path:
    """Write the empty template to ``path`` atomically."""
    from renja_xl.buku import simpan_bytes_atomik

    return simpan_bytes_atomik(ke_bytes(buat_templat()), path, timpa=timpa)


if __name__ == "__main__":  # python -m renja_xl.data_induk.templat [path]
    tujuan = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "templates" / \
        "data_induk.xlsx"
    print(simpan_templat(tujuan, timpa=True))
