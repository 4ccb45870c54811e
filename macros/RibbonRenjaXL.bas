Attribute VB_Name = "RibbonRenjaXL"
' Tombol tab Renja-XL (customUI onAction). Setiap tombol menjalankan satu aksi Python lewat RunPython
' milik xlwings; pesan untuk pengguna ditampilkan oleh Python dalam Bahasa Indonesia.
Option Explicit

Sub BuatEvaluasi(control As IRibbonControl)
    RunPython "import renja_xl.macros as m; m.buat_evaluasi()"
End Sub

Sub Periksa(control As IRibbonControl)
    RunPython "import renja_xl.macros as m; m.periksa()"
End Sub

Sub ValidasiKode(control As IRibbonControl)
    RunPython "import renja_xl.macros as m; m.validasi_kode()"
End Sub

Sub ImporDataInduk(control As IRibbonControl)
    ' Formulir aktif -> Data Induk baru di sampingnya (dengan lembar Catatan Impor).
    RunPython "import renja_xl.macros as m; m.impor_data_induk()"
End Sub

Sub Jalankan(control As IRibbonControl)
    ' Memilih sendiri: Data Induk -> Buat Evaluasi, formulir -> Periksa.
    RunPython "import renja_xl.macros as m; m.main()"
End Sub

Sub ImporFungsi(control As IRibbonControl)
    ' Cadangan untuk pemasangan pengembang. Fungsi (CAPAIAN, PREDIKAT, CEK_KODE, ...) sudah ada di add-in
    ' sejak dibangun (modul xlwings_udfs); tombol ini menulis ulang modul itu dari renja_xl/udf.py yang
    ' terpasang, mis. setelah udf.py diubah tanpa 'renja-xl addin bangun'. Hanya tombol ini yang butuh:
    ' File > Options > Trust Center > "Trust access to the VBA project object model".
    ImportPythonUDFsToAddin
    On Error Resume Next
    ThisWorkbook.Save
    On Error GoTo 0
    MsgBox "Fungsi Renja-XL sudah diimpor. Ketik =CAPAIAN( di sel mana saja untuk mencoba.", _
        vbInformation, "Renja-XL"
End Sub
