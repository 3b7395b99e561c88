# Install dist\BID-Desktop-Setup.exe silently for the current user, start what it installed
# (offscreen), check the .bidsync association, then uninstall. Run after build-windows.ps1:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\check-installer.ps1
$ErrorActionPreference = "Stop"
$env:PYTHONUTF8 = "1"  # the venv's Python writes UTF-8 to PowerShell's pipes too
Set-Location (Join-Path $PSScriptRoot "..\..")

function Invoke-Step {
    $exe = $args[0]
    $rest = @($args | Select-Object -Skip 1)
    & $exe @rest
    if ($LASTEXITCODE -ne 0) { throw "$exe $rest failed (exit code $LASTEXITCODE)" }
}

$setup = Start-Process -FilePath dist\BID-Desktop-Setup.exe -Wait -PassThru -ArgumentList `
    @("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/CURRENTUSER", "/LOG=dist\setup.log")
if ($setup.ExitCode -ne 0) { throw "setup failed (exit code $($setup.ExitCode)), see dist\setup.log" }
$app = Join-Path $env:LOCALAPPDATA "Programs\BID Desktop"
$cli = Join-Path $app "bid-desktop-cli.exe"
$gui = Join-Path $app "bid-desktop.exe"
if (-not (Test-Path $gui)) { throw "not installed: $gui" }

$work = Join-Path ([IO.Path]::GetTempPath()) ("bid-setup-" + [guid]::NewGuid())
New-Item -ItemType Directory $work | Out-Null
$env:QT_QPA_PLATFORM = "offscreen"
Invoke-Step $cli --version
Invoke-Step $cli demo --db "$work\d.sqlite" --stations 2
Invoke-Step $cli check --db "$work\d.sqlite"
$env:BID_PASSPHRASE = "demo-bursa-inovasi"
Invoke-Step $cli export --db "$work\d-stations\REG1.sqlite" --out "$work\usb"
$package = (Get-ChildItem "$work\usb\*.bidsync")[0].FullName

# .bidsync -> the windowed program with the file: what Explorer runs on a double-click
$command = (Get-ItemProperty "HKCU:\Software\Classes\BIDDesktop.Package\shell\open\command").'(default)'
if ($command -ne "`"$gui`" `"%1`"") { throw "unexpected .bidsync command: $command" }
$progId = (Get-ItemProperty "HKCU:\Software\Classes\.bidsync").'(default)'
if ($progId -ne "BIDDesktop.Package") { throw "unexpected .bidsync class: $progId" }
$opened = Start-Process -FilePath $gui -Wait -PassThru -ArgumentList `
    @("--db", "`"$work\d-stations\MKA1.sqlite`"", "--smoke", "`"$package`"")
if ($opened.ExitCode -ne 0) { throw "opening $package failed (exit code $($opened.ExitCode))" }
$painted = & $cli --db "$work\d-stations\MKA1.sqlite" --smoke $package
if ($LASTEXITCODE -ne 0 -or "$painted" -notmatch "\[Sinkronisasi\]") { throw "no import preview: $painted" }
Write-Host $painted

$uninstall = Start-Process -FilePath (Join-Path $app "unins000.exe") -Wait -PassThru `
    -ArgumentList @("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART")
if ($uninstall.ExitCode -ne 0) { throw "uninstall failed (exit code $($uninstall.ExitCode))" }
Write-Host "installer ok"
