@echo off
rem Renja-XL @VERSI@: pemasangan tanpa internet dan tanpa hak administrator.
rem Yang dilakukan: mencari Python dari python.org (@PYTHON_DAFTAR@), membuat lingkungan Python milik
rem pengguna ini di "%LOCALAPPDATA%\renja-xl\venv", memasang renja-xl dari folder wheels di samping
rem berkas ini (pip --no-index: tidak ada unduhan), lalu memasang add-in Excel (renja-xl addin pasang).
rem Menjalankan ulang berkas ini dari bundel yang lebih baru memperbarui pemasangan dan add-in.
setlocal EnableExtensions
chcp 65001 >nul
title Pemasangan Renja-XL @VERSI@

set "RODA=%~dp0wheels"
set "AKAR=%LOCALAPPDATA%\renja-xl"
set "VENV=%LOCALAPPDATA%\renja-xl\venv"
set "PY_VENV=%LOCALAPPDATA%\renja-xl\venv\Scripts\python.exe"
set "RENJA=%LOCALAPPDATA%\renja-xl\venv\Scripts\renja-xl.exe"

echo ================================================================
echo  Pemasangan Renja-XL @VERSI@
echo  Tanpa internet, tanpa hak administrator, hanya untuk pengguna ini.
echo ================================================================
echo.

if not exist "%RODA%\" goto :tanpa_roda
if "%LOCALAPPDATA%"=="" goto :tanpa_localappdata

call :tunggu_excel

rem ---- 1. Python dari python.org (64-bit, versi @PYTHON_DAFTAR@)
set "PY="
for %%V in (@PYTHON_URUT@) do call :coba_py %%V
if not defined PY call :coba_python
if exist "%PY_VENV%" call :periksa_venv
if not exist "%PY_VENV%" if not defined PY goto :tanpa_python

rem ---- 2. Lingkungan Python milik pengguna ini
if exist "%PY_VENV%" goto :sudah_ada_venv
echo [1/3] Membuat lingkungan Python di "%VENV%" ...
%PY% -m venv "%VENV%"
if errorlevel 1 goto :gagal_venv
goto :pasang_paket
:sudah_ada_venv
echo [1/3] Lingkungan Python sudah ada di "%VENV%": diperbarui.

:pasang_paket
rem ---- 3. renja-xl dan semua pustakanya, hanya dari folder wheels (tanpa internet)
echo [2/3] Memasang renja-xl @VERSI@ dari "%RODA%" ...
"%PY_VENV%" -m pip install --no-index --find-links "%RODA%" --disable-pip-version-check --no-warn-script-location --upgrade --upgrade-strategy eager "renja-xl==@VERSI@"
if errorlevel 1 goto :gagal_pip

rem ---- 4. Add-in Excel (dibangun ulang dengan lokasi Python di atas)
echo [3/3] Memasang add-in Excel Renja-XL ...
"%RENJA%" addin pasang
if errorlevel 1 goto :gagal_addin

echo.
echo ================================================================
echo  SELESAI. Buka Excel: tab "Renja-XL" ada di pita, dan fungsi
echo  =CAPAIAN(...), =PREDIKAT(...), =CEK_KODE(...) dapat dipakai.
echo  Panduan: panduan-addin.pdf di folder ini.
echo ================================================================
pause
exit /b 0

rem ------------------------------------------------------------------ subroutines
:coba_py
if defined PY exit /b 0
py -%1 -c "import sys; sys.exit(0 if sys.maxsize > 2**32 else 1)" >nul 2>&1
if errorlevel 1 exit /b 0
set "PY=py -%1"
echo Python %1 ditemukan lewat peluncur py.
exit /b 0

:coba_python
python -c "import sys; sys.exit(0 if @PYTHON_SYARAT@ and sys.maxsize > 2**32 else 1)" >nul 2>&1
if errorlevel 1 exit /b 0
set "PY=python"
echo Python ditemukan di PATH.
exit /b 0

:periksa_venv
rem A per-user environment left by an earlier install: kept when its Python still works and fits.
"%PY_VENV%" -c "import sys; sys.exit(0 if @PYTHON_SYARAT@ else 1)" >nul 2>&1
if not errorlevel 1 exit /b 0
echo Lingkungan lama di "%VENV%" tidak dapat dipakai lagi, misalnya karena Python-nya sudah dicopot.
echo Lingkungan itu dihapus dan dibuat ulang.
rmdir /s /q "%VENV%"
exit /b 0

:tunggu_excel
tasklist /FI "IMAGENAME eq EXCEL.EXE" 2>nul | find /I "EXCEL.EXE" >nul
if errorlevel 1 exit /b 0
echo Excel sedang terbuka. Simpan pekerjaan Anda lalu TUTUP SEMUA jendela Excel,
echo kemudian tekan sembarang tombol untuk melanjutkan.
pause >nul
goto :tunggu_excel

rem ------------------------------------------------------------------ messages
:tanpa_python
echo.
echo [GAGAL] Python @PYTHON_DAFTAR@ 64-bit tidak ditemukan di komputer ini.
echo.
echo  1. Buka https://www.python.org/downloads/windows/ dan unduh
echo     "Windows installer (64-bit)" untuk Python @PYTHON_TERBARU@.
echo  2. Jalankan penginstalnya. Di layar pertama CENTANG kotak
echo     "Add python.exe to PATH", lalu klik "Install Now".
echo     Hak administrator tidak diperlukan.
echo  3. Jalankan lagi pasang.bat ini.
goto :akhir_gagal

:tanpa_roda
echo [GAGAL] Folder "wheels" tidak ada di samping pasang.bat.
echo Ekstrak SELURUH isi berkas zip ke satu folder (klik kanan, Extract All),
echo lalu jalankan pasang.bat dari folder hasil ekstrak itu, bukan dari dalam zip.
goto :akhir_gagal

:tanpa_localappdata
echo [GAGAL] Variabel LOCALAPPDATA tidak ada; pemasangan per pengguna tidak dapat dibuat.
goto :akhir_gagal

:gagal_venv
echo [GAGAL] Lingkungan Python tidak dapat dibuat di "%VENV%".
echo Periksa ruang disk, lalu jalankan lagi pasang.bat.
goto :akhir_gagal

:gagal_pip
echo [GAGAL] renja-xl tidak dapat dipasang dari folder wheels.
echo Bundel ini berisi paket untuk Python @PYTHON_DAFTAR@ 64-bit. Pesan pip di atas menyebutkan
echo paket yang kurang. Hubungi pengelola renja-xl dan kirimkan isi jendela ini.
goto :akhir_gagal

:gagal_addin
echo [GAGAL] renja-xl sudah terpasang, tetapi add-in Excel belum.
echo Pastikan Microsoft Excel terpasang dan tertutup, lalu jalankan lagi pasang.bat.
goto :akhir_gagal

:akhir_gagal
echo.
pause
exit /b 1
