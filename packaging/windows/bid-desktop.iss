; Inno Setup 6 script: per-user installer for the one-folder PyInstaller bundle.
; Built by packaging\windows\build-windows.ps1 (ISCC packaging\windows\bid-desktop.iss).
#define AppName "BID Desktop"
#define AppVersion "0.1.0"

[Setup]
AppId={{8F3C2A61-5B7E-4D0F-9C1A-42B1D0E5B1D5}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Tim Inovasi Kabupaten
DefaultDirName={localappdata}\Programs\BID Desktop
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=BID-Desktop-Setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "id"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\bid-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\bid-desktop.exe"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\bid-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Buat ikon di desktop"; Flags: unchecked

[Run]
Filename: "{app}\bid-desktop.exe"; Description: "Jalankan {#AppName}"; Flags: nowait postinstall skipifsilent
