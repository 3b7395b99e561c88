# Build BID Desktop for Windows (run in PowerShell on a Windows 10/11 machine with Python 3.11+).
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-windows.ps1
# Produces dist\bid-desktop\ (one-folder app) and, when Inno Setup 6 is installed,
# dist\BID-Desktop-Setup.exe (per-user installer that needs no administrator rights).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
python -m venv .venv-win
.\.venv-win\Scripts\python -m pip install --upgrade pip
.\.venv-win\Scripts\python -m pip install . "pyinstaller>=6.5"
.\.venv-win\Scripts\python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\bid-desktop.spec
.\dist\bid-desktop\bid-desktop.exe --version
$iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
if (Test-Path $iscc) { & $iscc packaging\windows\bid-desktop.iss } else { Write-Host "Inno Setup 6 not found: skipped the installer; dist\bid-desktop is ready to copy." }
