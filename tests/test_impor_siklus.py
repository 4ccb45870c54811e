"""No import circle through the Data Induk package: its reader, writer, template and check sit side by side and
the example data (renja_xl.contoh) only calls the writer. Read from the source (every import, also inside
functions) and from a fresh interpreter (what importing the package drags in)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
AKAR = REPO / "renja_xl"


def _nama_modul(f: Path) -> str:
    bagian = list(f.relative_to(REPO).with_suffix("").parts)
    if bagian[-1] == "__init__":
        bagian.pop()
    return ".".join(bagian)


def _graf() -> dict[str, set[str]]:
    """Module -> renja_xl modules it imports anywhere in its source (TYPE_CHECKING blocks excluded)."""
    modul = {_nama_modul(f): f for f in AKAR.rglob("*.py")}
    graf: dict[str, set[str]] = {}
    for nama, f in modul.items():
        paket = nama if f.name == "__init__.py" else nama.rpartition(".")[0]
        tepi: set[str] = set()

        def jalan(node: ast.AST) -> None:
            for anak in ast.iter_child_nodes(node):
                if isinstance(anak, ast.If) and "TYPE_CHECKING" in ast.unparse(anak.test):
                    continue
                if isinstance(anak, ast.Import):
                    tepi.update(a.name for a in anak.names)
                elif isinstance(anak, ast.ImportFrom):
                    dasar = anak.module or ""
                    if anak.level:
                        naik = paket.split(".")[: len(paket.split(".")) - (anak.level - 1)]
                        dasar = ".".join([*naik, *([dasar] if dasar else [])])
                    tepi.add(dasar)
                    tepi.update(f"{dasar}.{a.name}" for a in anak.names)   # "from pkg import submodule"
                jalan(anak)

        jalan(ast.parse(f.read_text(encoding="utf-8")))
        graf[nama] = {t for t in tepi if t in modul and t != nama}
    return graf


def _komponen_kuat(graf: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's strongly connected components (iterative enough for this graph's depth)."""
    indeks: dict[str, int] = {}
    rendah: dict[str, int] = {}
    tumpukan: list[str] = []
    di_tumpukan: set[str] = set()
    hasil: list[set[str]] = []
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))

    def kunjungi(v: str) -> None:
        indeks[v] = rendah[v] = len(indeks)
        tumpukan.append(v)
        di_tumpukan.add(v)
        for w in graf[v]:
            if w not in indeks:
                kunjungi(w)
                rendah[v] = min(rendah[v], rendah[w])
            elif w in di_tumpukan:
                rendah[v] = min(rendah[v], indeks[w])
        if rendah[v] == indeks[v]:
            komp: set[str] = set()
            while True:
                w = tumpukan.pop()
                di_tumpukan.discard(w)
                komp.add(w)
                if w == v:
                    break
            hasil.append(komp)

    for v in graf:
        if v not in indeks:
            kunjungi(v)
    return hasil


def test_graf_impor_terbaca() -> None:
    """The graph sees the edges this test relies on (so an empty graph cannot pass the next test)."""
    graf = _graf()
    assert "renja_xl.data_induk.tulis" in graf["renja_xl.contoh"]
    assert "renja_xl.data_induk.templat" in graf["renja_xl.data_induk.tulis"]
    assert "renja_xl.data_induk.model" in graf["renja_xl.data_induk.baca"]
    assert "renja_xl.data_induk" in graf["renja_xl.generator"]


def test_tidak_ada_siklus_lewat_data_induk() -> None:
    graf = _graf()
    assert "renja_xl.templat_data_induk" not in graf, "modul lama templat_data_induk masih ada"
    for komp in _komponen_kuat(graf):
        terlibat = sorted(m for m in komp if m.startswith("renja_xl.data_induk") or m == "renja_xl.contoh")
        assert len(komp) == 1 or not terlibat, f"siklus impor: {sorted(komp)}"


def test_paket_data_induk_tidak_memuat_contoh() -> None:
    """Importing the package in a fresh interpreter loads neither the example nor the generator/checker."""
    kode = ("import json, sys; import renja_xl.data_induk; "
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith('renja_xl'))))")
    keluar = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, check=True, cwd=REPO)
    dimuat = set(json.loads(keluar.stdout))
    assert "renja_xl.data_induk.cek" in dimuat
    for terlarang in ("renja_xl.contoh", "renja_xl.generator", "renja_xl.periksa"):
        assert terlarang not in dimuat, f"renja_xl.data_induk memuat {terlarang}"
