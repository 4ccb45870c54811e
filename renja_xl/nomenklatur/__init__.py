"""Official nomenclature lists: import (:mod:`.impor`), versioned storage (:mod:`.simpan`), the in-memory
catalog (:mod:`.katalog`) and auditor-style validation of codes and names (:mod:`.validasi`).

``katalog`` and ``validasi`` are pure (no file I/O); ``impor`` and ``simpan`` are the shells around them.
Import the submodules by name (``from renja_xl.nomenklatur.validasi import validasi``); nothing is
re-exported here, so ``renja_xl.nomenklatur.validasi`` always means the module.
"""
