"""Write a source-only VBA project (``vbaProject.bin``) without Excel, following the published specs.

``cfb`` writes the MS-CFB container (version 3, 512-byte sectors); ``ovba`` the MS-OVBA streams
(compression, ``VBA/dir``, ``VBA/_VBA_PROJECT``, ``PROJECT``, ``PROJECTwm``, one stream per module).
The project carries no compiled performance cache, so Office compiles the source when it opens the file.
"""

from renja_xl.vba.ovba import Modul, bangun_vba_project, kompres, dekompres

__all__ = ["Modul", "bangun_vba_project", "kompres", "dekompres"]
