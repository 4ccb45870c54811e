"""Per-form fill logic: which output rows a Data Induk gives and what goes into each slot.

The rows follow ``DataInduk.pohon()``: a program, its kegiatan, their sub kegiatan; a node with several
indicators gets one row per indicator (the extra ones are ``lanjutan`` rows). Rp is typed on the lowest
level; a node with children gets a SUMIFS over the rows of its children (never its own row, which Excel
would flag as a circular reference), so totals stay live when the user corrects a number in the output. Quarters after the evaluated triwulan stay empty.

Rencana Aksi quarterly targets left empty in the master are derived from the annual target by type, and
marked as derived: kumulatif (a flow: the year's realisasi is the sum of the quarters) is split so that the
quarters add up to the annual target — in whole units when the target is whole (5 dokumen -> 1, 1, 1, 2),
since nobody plans 1.25 documents; nilai akhir (a running value that reaches the target at year end, e.g.
realisasi anggaran 97 %) grows in equal steps to the annual value (24.25, 48.5, 72.75, 97); persentase and
menurun (levels to hold all year) repeat the annual target in every quarter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from renja_xl.capaian import JenisIndikator, realisasi_tahun
from renja_xl.data_induk import BarisIndikator, DataInduk, NodePohon
from renja_xl.generator import rumus
from renja_xl.generator.hitung import Kolom, Penanda, Slot
from renja_xl.generator.rumus import nilai_target_turunan
from renja_xl.generator.templat import KODE_JENIS, BarisKeluar
from renja_xl.kode import Tingkat
from renja_xl.predikat import Skala

__all__ = ["ROMAWI", "BULAN_TRIWULAN", "baris_e81", "baris_tc29", "baris_tc33", "baris_rencana_aksi",
           "konteks_umum", "Tata", "TURUNAN", "TANDA_MENURUN", "tanda_jenis", "nilai_target_turunan"]

ROMAWI = ("I", "II", "III", "IV")
BULAN_TRIWULAN = ("Januari - Maret", "April - Juni", "Juli - September", "Oktober - Desember")
TURUNAN = "diturunkan dari target tahunan"
TANDA_MENURUN = "[menurun: makin kecil makin baik]"
_KIND = {Tingkat.PROGRAM: "program", Tingkat.KEGIATAN: "kegiatan", Tingkat.SUB_KEGIATAN: "sub_kegiatan"}
_INDIKATOR_KODE = tuple(KODE_JENIS[k] for k in ("program", "kegiatan", "sub_kegiatan", "lanjutan"))
K = JenisIndikator.KUMULATIF


def konteks_umum(data: DataInduk, triwulan: int) -> dict[str, object]:
    """What the title and signature text of every template may use."""
    return {"info": data.info, "triwulan": triwulan, "triwulan_romawi": ROMAWI[triwulan - 1],
            "bulan_triwulan": BULAN_TRIWULAN[triwulan - 1], "tahun": data.info.tahun}


@dataclass
class Tata:
    """Where things landed in the row list (indices), for footers and for the Ringkasan sheet."""

    program: list[tuple[NodePohon, int, int]] = field(default_factory=list)   # (node, first, last row index)
    rata_program: dict[str, int] = field(default_factory=dict)                 # kode -> index
    predikat_program: dict[str, int] = field(default_factory=dict)
    indikator: list[tuple[BarisIndikator, int, str]] = field(default_factory=list)   # (row, index, program kode)
    simpul: list[tuple[NodePohon, int, int]] = field(default_factory=list)
    rata_opd: int | None = None
    predikat_opd: int | None = None
    jumlah: int | None = None


def tanda_jenis(b: BarisIndikator) -> str:
    """The indicator's name with a lower-is-better mark: a reader (and the checker on a workbook without
    its hidden description) must not take a falling value for a shortfall. The unit stays last."""
    if b.jenis is JenisIndikator.MENURUN and b.indikator:
        return f"{b.indikator} {TANDA_MENURUN}"
    return b.indikator


def _indikator_teks(b: BarisIndikator | None) -> str:
    if b is None:
        return ""
    return f"{tanda_jenis(b)} ({b.satuan})" if b.satuan and b.indikator else tanda_jenis(b)


def _jalan(data: DataInduk, isi_baris: Callable[[NodePohon, BarisIndikator | None, bool, str], dict[str, object]],
           rp: tuple[str, ...], tata: Tata, keluar: list[BarisKeluar], setelah_program:
           Callable[[NodePohon, int, int], None] | None = None, masalah: dict[int, list[str]] | None = None) -> None:
    """Walk the tree; write one row per indicator; roll ``rp`` slots up on nodes that have children."""
    masalah = masalah or {}

    def node(n: NodePohon, nomor: str, program: str) -> None:
        i0 = len(keluar)
        indikator = n.baris or [None]
        for j, b in enumerate(indikator):
            jenis = _KIND.get(n.tingkat, "program") if j == 0 else "lanjutan"
            isi = isi_baris(n, b, j == 0, nomor)
            bk = BarisKeluar(jenis, isi, {"baris": b, "node": n}, id=f"{n.kode}#{j}")
            if b is not None:
                bk.tandai = masalah.get(b.baris, [])
                tata.indikator.append((b, len(keluar), program))
            keluar.append(bk)
        for k, anak in enumerate(n.anak, 1):
            node(anak, f"{nomor}.{k}", program)
        i1 = len(keluar) - 1
        if n.anak:
            # the range starts at the first child row: a range over the node's own row is a circular
            # reference in Excel whatever the SUMIFS criteria select (Excel shows 0 and a warning)
            ia = i0 + len(indikator)
            kode_anak = KODE_JENIS[_KIND.get(n.anak[0].tingkat, "sub_kegiatan")]
            for kunci in rp:
                keluar[i0].isi[kunci] = rumus.JUMLAH_ANAK(Kolom(kunci, ia, i1), Penanda(ia, i1), kode_anak)
                keluar[i0].gaya.setdefault(kunci, {})["masukan"] = False
        tata.simpul.append((n, i0, i1))
        if n.tingkat == Tingkat.PROGRAM:
            tata.program.append((n, i0, i1))
            if setelah_program:
                setelah_program(n, i0, i1)

    for p, prog in enumerate(data.pohon(), 1):
        node(prog, str(p), prog.kode)


def _jumlah_baris(keluar: list[BarisKeluar], rp: tuple[str, ...], label_ctx: dict[str, object]) -> BarisKeluar:
    akhir = len(keluar) - 1
    return BarisKeluar("jumlah", {k: rumus.JUMLAH_ANAK(Kolom(k, 0, akhir), Penanda(0, akhir), KODE_JENIS["program"])
                                  for k in rp}, label_ctx)


# ------------------------------------------------------------------------------------------------ E.81

_RP_MASUK = ("target_renstra_rp", "realisasi_lalu_rp", "target_rp")


def baris_e81(data: DataInduk, triwulan: int, skala: Skala, *, renja: bool,
              masalah: dict[int, list[str]] | None = None) -> tuple[list[BarisKeluar], Tata]:
    """Rows of E.81 (15 columns) or E.81 Renja (17 columns, with capaian Renja 12/7)."""
    tata = Tata()
    keluar: list[BarisKeluar] = []
    tw = range(1, 5)
    rp_gulung = _RP_MASUK + tuple(f"tw{i}_rp" for i in tw)
    cap = ("capaian_renja_k", "capaian_renja_rp", "capaian_renstra_k", "capaian_renstra_rp") if renja \
        else ("capaian_renstra_k", "capaian_renstra_rp")

    def isi_baris(n: NodePohon, b: BarisIndikator | None, pertama: bool, nomor: str) -> dict[str, object]:
        isi: dict[str, object] = {}
        if pertama:
            isi.update(no=nomor, kode=n.kode, uraian=n.uraian, kode_uraian=f"{n.kode} {n.uraian}".strip(),
                       sasaran=next((x.sasaran for x in n.baris if x.sasaran), ""))
            if not n.anak and b is not None:
                isi.update(target_renstra_rp=b.target_renstra_rp, realisasi_lalu_rp=b.realisasi_lalu_rp,
                           target_rp=b.target_rp)
                for i in range(1, triwulan + 1):
                    isi[f"tw{i}_rp"] = b.tw_rp[i - 1]
            isi["realisasi_rp"] = rumus.REALISASI_TAHUN([Slot(f"tw{i}_rp") for i in tw], jenis=K)
            isi["renstra_rp"] = rumus.REALISASI_RENSTRA([Slot("realisasi_lalu_rp"), Slot("realisasi_rp")], jenis=K)
            isi["capaian_renja_rp"] = rumus.CAPAIAN(Slot("realisasi_rp"), Slot("target_rp"), jenis=K)
            isi["capaian_renstra_rp"] = rumus.CAPAIAN(Slot("renstra_rp"), Slot("target_renstra_rp"), jenis=K)
        if b is None:
            return isi
        j = b.jenis
        isi.update(indikator=_indikator_teks(b), target_renstra_k=b.target_renstra_k,
                   realisasi_lalu_k=b.realisasi_lalu_k, target_k=b.target_k,
                   penanggung_jawab=b.penanggung_jawab, keterangan=b.keterangan, satuan=b.satuan, jenis=j.value)
        for i in range(1, triwulan + 1):      # later quarters stay empty input cells
            isi[f"tw{i}_k"] = b.tw_k[i - 1]
        h = b.berhuruf
        isi["realisasi_k"] = rumus.REALISASI_TAHUN([Slot(f"tw{i}_k") for i in tw], jenis=j, huruf=h)
        isi["renstra_k"] = rumus.REALISASI_RENSTRA([Slot("realisasi_lalu_k"), Slot("realisasi_k")], jenis=j, huruf=h)
        isi["capaian_renja_k"] = rumus.CAPAIAN(Slot("realisasi_k"), Slot("target_k"), jenis=j, target=b.target_k)
        isi["capaian_renstra_k"] = rumus.CAPAIAN(Slot("renstra_k"), Slot("target_renstra_k"), jenis=j,
                                                    target=b.target_renstra_k)
        return isi

    def kaki_program(n: NodePohon, i0: int, i1: int) -> None:
        ctx = {"program": n.uraian}
        tata.rata_program[n.kode] = len(keluar)
        keluar.append(BarisKeluar("rata_program", {k: rumus.RATA(Kolom(k, i0, i1)) for k in cap}, ctx,
                                  id=f"rata:{n.kode}"))
        ir = len(keluar) - 1
        tata.predikat_program[n.kode] = len(keluar)
        keluar.append(BarisKeluar("predikat_program", {k: rumus.PREDIKAT(Slot(k, ir), skala=skala) for k in cap},
                                  ctx, id=f"predikat:{n.kode}"))

    _jalan(data, isi_baris, rp_gulung, tata, keluar, kaki_program, masalah)
    # the OPD rows: Jumlah (Rp of the programs), rata-rata over every indicator row, predikat
    akhir = len(keluar) - 1
    tata.jumlah = len(keluar)
    keluar.append(_jumlah_baris(keluar, rp_gulung + ("realisasi_rp", "renstra_rp"), {}))
    tata.rata_opd = len(keluar)
    keluar.append(BarisKeluar("rata_opd", {k: rumus.RATA_JENIS(Kolom(k, 0, akhir), Penanda(0, akhir), _INDIKATOR_KODE)
                                           for k in cap}, {}, id="rata_opd"))
    ir = len(keluar) - 1
    tata.predikat_opd = len(keluar)
    keluar.append(BarisKeluar("predikat_opd", {k: rumus.PREDIKAT(Slot(k, ir), skala=skala) for k in cap}, {},
                              id="predikat_opd"))
    return keluar, tata


# ------------------------------------------------------------------------------------------------ T-C.29

def baris_tc29(data: DataInduk, triwulan: int, masalah: dict[int, list[str]] | None = None
               ) -> tuple[list[BarisKeluar], Tata]:
    """Tabel 2.1 (T-C.29): kinerja only; 7 is the year's realisasi from the quarters up to ``triwulan``."""
    tata = Tata()
    keluar: list[BarisKeluar] = []

    def isi_baris(n: NodePohon, b: BarisIndikator | None, pertama: bool, nomor: str) -> dict[str, object]:
        isi: dict[str, object] = {"kode": n.kode, "uraian": n.uraian} if pertama else {}
        if b is None:
            return isi
        j = b.jenis
        isi.update(indikator=_indikator_teks(b), target_renstra_k=b.target_renstra_k,
                   realisasi_lalu_k=b.realisasi_lalu_k, target_k=b.target_k,
                   realisasi_k=realisasi_tahun(b.tw_k[:triwulan], j, huruf=b.berhuruf), target_n1_k=b.target_n1_k)
        # T-C.29 col 8 is the year's capaian by the indicator's type (capaian.tingkat_realisasi): a menurun
        # indicator shows the same value here as in E.81 and the Ringkasan
        isi["tingkat_realisasi"] = rumus.TINGKAT_REALISASI(Slot("realisasi_k"), Slot("target_k"), jenis=j,
                                                            target=b.target_k)
        isi["perkiraan_renstra"] = rumus.REALISASI_RENSTRA(
            [Slot("realisasi_lalu_k"), Slot("realisasi_k"), Slot("target_n1_k")], jenis=j, huruf=b.berhuruf)
        isi["capaian_perkiraan"] = rumus.CAPAIAN(Slot("perkiraan_renstra"), Slot("target_renstra_k"), jenis=j,
                                                    target=b.target_renstra_k)
        return isi

    _jalan(data, isi_baris, (), tata, keluar, None, masalah)
    return keluar, tata


# ------------------------------------------------------------------------------------------------ T-C.33

def baris_tc33(data: DataInduk, masalah: dict[int, list[str]] | None = None) -> tuple[list[BarisKeluar], Tata]:
    """Tabel 4.1 (T-C.33): plan for year n with pagu rolled up, prakiraan maju n+1, total row."""
    tata = Tata()
    keluar: list[BarisKeluar] = []

    def isi_baris(n: NodePohon, b: BarisIndikator | None, pertama: bool, nomor: str) -> dict[str, object]:
        isi: dict[str, object] = {}
        if pertama:
            isi.update(kode=n.kode, uraian=n.uraian)
            if b is not None:
                isi.update(lokasi=b.lokasi, sumber_dana=b.sumber_dana)
                if not n.anak:
                    isi.update(target_rp=b.target_rp, pagu_n1=b.pagu_n1)
        if b is not None:
            isi.update(indikator=_indikator_teks(b), target_k=b.target_k, target_n1_k=b.target_n1_k,
                       keterangan=b.keterangan)
        return isi

    _jalan(data, isi_baris, ("target_rp", "pagu_n1"), tata, keluar, None, masalah)
    tata.jumlah = len(keluar)
    keluar.append(_jumlah_baris(keluar, ("target_rp", "pagu_n1"), {}))
    return keluar, tata


# ------------------------------------------------------------------------------------------------ Rencana Aksi

def baris_rencana_aksi(data: DataInduk, masalah: dict[int, list[str]] | None = None
                       ) -> tuple[list[BarisKeluar], Tata]:
    """Rencana Aksi: annual target, TW I-IV targets (typed, or derived and marked), penanggung jawab."""
    tata = Tata()
    keluar: list[BarisKeluar] = []
    gaya_turunan: dict[int, list[str]] = {}

    def isi_baris(n: NodePohon, b: BarisIndikator | None, pertama: bool, nomor: str) -> dict[str, object]:
        isi: dict[str, object] = {"no": nomor, "kode": n.kode, "uraian": n.uraian} if pertama else {}
        if b is None:
            return isi
        isi.update(indikator=tanda_jenis(b), satuan=b.satuan, target_k=b.target_k,
                   penanggung_jawab=b.penanggung_jawab)
        tw = tuple(b.target_tw_k) + (None,) * (4 - len(b.target_tw_k))
        if all(v is None for v in tw[:4]) and b.target_k is not None:
            for i in range(1, 5):
                isi[f"target_tw{i}"] = rumus.TARGET_TURUNAN(Slot("target_k"), jenis=b.jenis, i=i)
            gaya_turunan[id(isi)] = [f"target_tw{i}" for i in range(1, 5)]
        else:
            for i in range(1, 5):
                isi[f"target_tw{i}"] = tw[i - 1]
        return isi

    _jalan(data, isi_baris, (), tata, keluar, None, masalah)
    for bk in keluar:
        for kunci in gaya_turunan.get(id(bk.isi), []):
            bk.gaya.setdefault(kunci, {})["turunan"] = True
    return keluar, tata
