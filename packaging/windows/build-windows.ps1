# Build BID Desktop for Windows (PowerShell on Windows 10/11 x64 with Python 3.11+ 64-bit):
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-windows.ps1
# Like packaging/build-linux.sh: builds the wheel, installs it with the pinned versions
# (packaging\constraints.txt) into a clean .venv-win, bundles dist\bid-desktop\ with
# PyInstaller (bid-desktop.exe windowed, bid-desktop-cli.exe console), starts both, and, with
# Inno Setup 6, compiles dist\BID-Desktop-Setup.exe. Stops at the first failing step.
$ErrorActionPreference = "Stop"
$env:PYTHONUTF8 = "1"  # the venv's Python writes UTF-8 to PowerShell's pipes too
Set-Location (Join-Path $PSScriptRoot "..\..")

function Invoke-Step {
    # Native programs do not throw on failure in Windows PowerShell: check the exit code.
    # (No param block: "-m", "--version"... reach the program as they are.)
    $exe = $args[0]
    $rest = @($args | Select-Object -Skip 1)
    & $exe @rest
    if ($LASTEXITCODE -ne 0) { throw "$exe $rest failed (exit code $LASTEXITCODE)" }
}

$python = if ($env:PYTHON) { $env:PYTHON } else { "python" }
Invoke-Step $python -c "import struct, sys; sys.exit(struct.calcsize('P') != 8 or sys.version_info < (3, 11))"
$version = (Select-String -Path pyproject.toml -Pattern '^version = "(.+)"').Matches[0].Groups[1].Value
foreach ($old in @(".venv-win", "dist\bid-desktop")) { if (Test-Path $old) { Remove-Item -Recurse -Force $old } }
Get-ChildItem dist\bid_desktop-*.whl -ErrorAction SilentlyContinue | Remove-Item
Invoke-Step $python -m venv .venv-win
$venvPy = ".\.venv-win\Scripts\python.exe"
Invoke-Step $venvPy -m pip wheel -q --no-deps -w dist .
$wheel = (Get-ChildItem dist\bid_desktop-*.whl)[0].FullName
Invoke-Step $venvPy -m pip install -q -c packaging\constraints.txt $wheel pyinstaller
# the entry program, not `python -m`: the checkout must not be on the analysis' path
Invoke-Step .\.venv-win\Scripts\pyinstaller.exe --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller packaging\bid-desktop.spec

# Start the bundle: the console program answers and paints the window offscreen; the windowed
# program (no console) paints and exits 0 too.
$cli = ".\dist\bid-desktop\bid-desktop-cli.exe"
$work = Join-Path ([IO.Path]::GetTempPath()) ("bid-build-" + [guid]::NewGuid())
New-Item -ItemType Directory $work | Out-Null
$env:QT_QPA_PLATFORM = "offscreen"
Invoke-Step $cli --version
Invoke-Step $cli demo --db "$work\d.sqlite" --stations 2
Invoke-Step $cli check --db "$work\d.sqlite"
Invoke-Step $cli --db "$work\d.sqlite" --smoke
$gui = Start-Process -FilePath ".\dist\bid-desktop\bid-desktop.exe" -Wait -PassThru `
    -ArgumentList @("--db", "`"$work\d.sqlite`"", "--smoke")
if ($gui.ExitCode -ne 0) { throw "bid-desktop.exe --smoke failed (exit code $($gui.ExitCode))" }
Remove-Item Env:QT_QPA_PLATFORM

$iscc = if ($env:ISCC) { $env:ISCC } else { "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
if (Test-Path $iscc) {
    Invoke-Step $iscc /Q "/DAppVersion=$version" packaging\windows\bid-desktop.iss
    Write-Host "installer: dist\BID-Desktop-Setup.exe"
} elseif ($env:CI) {
    throw "Inno Setup 6 not found ($iscc)"
} else {
    Write-Host "Inno Setup 6 not found: skipped the installer; dist\bid-desktop is ready to copy."
}
