@echo off
rem Renja-XL @VERSI@: melepas apa yang dipasang pasang.bat (add-in Excel dan lingkungan Python pengguna ini).
setlocal EnableExtensions
chcp 65001 >nul
title Melepas Renja-XL

set "AKAR=%LOCALAPPDATA%\renja-xl"
set "VENV=%LOCALAPPDATA%\renja-xl\venv"
set "RENJA=%LOCALAPPDATA%\renja-xl\venv\Scripts\renja-xl.exe"
set "XLSTART=%APPDATA%\Microsoft\Excel\XLSTART"

echo ================================================================
echo  Melepas Renja-XL dari komputer ini (hanya untuk pengguna ini)
echo ================================================================
echo.
if "%LOCALAPPDATA%"=="" goto :tanpa_localappdata

call :tunggu_excel

rem ---- 1. Add-in Excel
echo [1/3] Mencopot add-in Excel Renja-XL ...
if exist "%RENJA%" "%RENJA%" addin lepas
if exist "%XLSTART%\renja_xl.xlam" del /f /q "%XLSTART%\renja_xl.xlam"
if exist "%XLSTART%\renja_xl.xlam" goto :gagal_addin

rem ---- 2. Lingkungan Python renja-xl
echo [2/3] Menghapus lingkungan Python "%VENV%" ...
if exist "%VENV%\" rmdir /s /q "%VENV%"
if exist "%VENV%\" goto :gagal_venv

rem ---- 3. Data pengguna: katalog nomenklatur yang diimpor
echo [3/3] Katalog nomenklatur yang pernah diimpor tersimpan di "%AKAR%".
if not exist "%AKAR%\" goto :selesai
choice /C YT /M "Hapus juga katalog itu? Y = ya, hapus; T = tidak, simpan"
if errorlevel 2 goto :selesai
rmdir /s /q "%AKAR%"

:selesai
echo.
echo SELESAI. Renja-XL sudah dilepas. Python dari python.org tidak disentuh;
echo copot lewat Settings, Apps bila tidak dipakai lagi.
pause
exit /b 0

:tunggu_excel
tasklist /FI "IMAGENAME eq EXCEL.EXE" 2>nul | find /I "EXCEL.EXE" >nul
if errorlevel 1 exit /b 0
echo Excel sedang terbuka. Simpan pekerjaan Anda lalu TUTUP SEMUA jendela Excel,
echo kemudian tekan sembarang tombol untuk melanjutkan.
pause >nul
goto :tunggu_excel

:tanpa_localappdata
echo [GAGAL] Variabel LOCALAPPDATA tidak ada.
goto :akhir_gagal

:gagal_addin
echo [GAGAL] Add-in masih ada di "%XLSTART%". Tutup Excel lalu jalankan lagi lepas.bat,
echo atau hapus berkas renja_xl.xlam di folder itu.
goto :akhir_gagal

:gagal_venv
echo [GAGAL] Folder "%VENV%" tidak dapat dihapus seluruhnya. Tutup Excel dan jendela
echo Renja-XL lain, lalu jalankan lagi lepas.bat.
goto :akhir_gagal

:akhir_gagal
echo.
pause
exit /b 1
