; Inno Setup 6 script: per-user installer (no administrator rights) for the one-folder
; PyInstaller bundle dist\bid-desktop\ (packaging\bid-desktop.spec), 64-bit Windows only
; (x64compatible: Inno Setup 6.3 or newer).
; Built by packaging\windows\build-windows.ps1:  ISCC /DAppVersion=0.1.0 packaging\windows\bid-desktop.iss
; Setup pages: English (Inno Setup's Default.isl). Inno Setup has no official Indonesian
; translation; when its unofficial Indonesian.isl is put beside this script (the Windows
; workflow downloads it), the pages are offered in Indonesian too, Indonesian first.
#define AppName "BID Desktop"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "bid-desktop.exe"
#define ProgId "BIDDesktop.Package"

[Setup]
AppId={{8F3C2A61-5B7E-4D0F-9C1A-42B1D0E5B1D5}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Tim Inovasi Kabupaten
DefaultDirName={localappdata}\Programs\BID Desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
; the bundle is 64-bit: refuse 32-bit Windows, install in 64-bit mode (x64 and Arm64 Windows 11)
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=BID-Desktop-Setup
SetupIconFile=..\..\resources\icons\bid-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
ChangesAssociations=yes
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
#if FileExists(AddBackslash(SourcePath) + "Indonesian.isl")
Name: "id"; MessagesFile: "Indonesian.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
en.DesktopIcon=Create a desktop icon
en.Launch=Start {#AppName}
en.PackageType=BID Desktop sync package
#if FileExists(AddBackslash(SourcePath) + "Indonesian.isl")
id.DesktopIcon=Buat ikon di desktop
id.Launch=Jalankan {#AppName}
id.PackageType=Paket sinkronisasi BID Desktop
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
; bid-desktop.exe (windowed) and bid-desktop-cli.exe (console, for the commands) share _internal\
Source: "..\..\dist\bid-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .bidsync opens in the app, on the import preview of that package (bid-desktop FILE.bidsync).
; HKA = the current user's classes for a per-user install.
Root: HKA; Subkey: "Software\Classes\.bidsync"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.bidsync\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:PackageType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:Launch}"; Flags: nowait postinstall skipifsilent
