"""Every command on folders users make: spaces, ( ) % ? # non-ASCII letters, a long path.

"Kecamatan (Gisting)" with a "100%" folder crashed every command with alembic's
``invalid interpolation syntax``; ``?`` and ``#`` cut the SQLite URL and URIs short.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bid_desktop.cli import run
from bid_desktop.storage.db import open_database
from bid_desktop.storage.models import Commitment, Participant
from tests import office_files as office

MENU = Path(__file__).resolve().parents[2] / "resources" / "demo" / "menu-inovasi-contoh.csv"
PASSPHRASE = "bursa-gisting-2026"


def awkward(root: Path) -> Path:
    """A folder path of ~300 characters (past Windows' old 260) with every awkward character."""
    folder = root / "Kecamatan (Gisting)" / "100% data #1 ? [final]" / "Désa Ñoño – Đà Nẵng 東"
    long = "Bursa Inovasi Desa Kecamatan Gisting Kabupaten Tanggamus Provinsi Lampung 2026"
    folder = folder / long / long.upper()
    while len(str(folder)) < 300:
        folder = folder / "sub folder"
    folder.mkdir(parents=True)
    return folder


def cli(*argv: object) -> int:
    return run([str(a) for a in argv])


def test_every_command_works_in_an_awkward_folder(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("BID_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("BID_PIN", "123456")
    folder = awkward(tmp_path)
    db = folder / "acara 100% (final) #2?.sqlite"
    assert cli("event", "create", "--db", db, "--name", "BID Gisting", "--date", "2026-11-25",
               "--kecamatan", "18.06.20", "--station", "SEK1") == 0  # fmt: skip
    template = folder / "undangan (isi) 50%.xlsx"
    assert cli("template", "invitations", "--db", db, "--out", template) == 0
    rows = [["Nama", "Kode Desa", "Kategori"], ["Suyanto", "18.06.20.2001", "Peserta Utama"]]
    office.xlsx(template, rows)
    assert cli("import", "invitations", "--db", db, template) == 0
    menu = shutil.copy(MENU, folder / "menu #1 (%).csv")
    assert cli("import", "innovations", "--db", db, menu) == 0
    _stamp_one(db)
    assert cli("badges", "--db", db, "--out", folder / "kartu #1 100%.pdf") == 0
    assert cli("piagam", "--db", db, "--out", folder / "piagam (semua)") == 0
    assert list((folder / "piagam (semua)").glob("*.pdf"))
    assert cli("recap", "--db", db, "--out", folder / "rekap ?.xlsx") == 0
    assert cli("report", "--db", db, "--out", folder / "laporan Đà.pdf") == 0
    usb = folder / "USB (E%)"
    capsys.readouterr()
    assert cli("export", "--db", db, "--out", usb) == 0
    package = Path(capsys.readouterr().out.strip().splitlines()[-1])
    other = folder / "laptop #2 (REG1).sqlite"
    assert cli("event", "join", "--db", other, "--package", package, "--station", "REG1") == 0
    assert cli("merge", "--db", other, package) == 0
    backups = folder / "cadangan 100%"
    capsys.readouterr()
    assert cli("backup", "--db", db, "--out", backups) == 0
    backup = Path(capsys.readouterr().out.strip().splitlines()[-1])
    assert backup.exists() and backup.parent == backups
    assert cli("restore", "--db", db, backup) == 0
    assert cli("check", "--db", db) == 0
    assert cli("check", "--db", other) == 0
    merged = open_database(other)
    with merged.begin() as s:
        assert s.scalar(select(func.count()).select_from(Participant)) == 1
        assert s.scalar(select(func.count()).select_from(Commitment)) == 1
    merged.dispose()


def _stamp_one(db_path: Path) -> None:
    from bid_desktop.services.commitments import StampInput, stamp_commitment
    from bid_desktop.storage.models import Innovation

    db = open_database(db_path)
    with db.begin() as s:
        code = s.scalars(select(Innovation.code).order_by(Innovation.code)).first()
        stamp_commitment(
            s,
            StampInput(
                desa_code="18.06.20.2001",
                innovation_code=str(code),
                amount=150_000_000,
                planned_year=2027,
            ),
        )
    db.dispose()


@pytest.mark.parametrize("name", ["50%", "%(here)s", "a?b#c", "Ñ 東 (x)"])
def test_database_opens_and_migrates_under_any_name(tmp_path: Path, name: str) -> None:
    path = tmp_path / name / f"{name}.sqlite"
    db = open_database(path)
    db.dispose()
    assert path.exists() and not (path.parent / f"{name}.sqlite?mode=ro").exists()


def test_sqlite_uri_escapes_what_uris_reserve_and_keeps_a_drive_letter() -> None:
    from pathlib import PureWindowsPath

    from bid_desktop.storage.paths import sqlite_uri

    usb = PureWindowsPath(r"E:\BID (Gisting)\100% #1?\acara.sqlite")
    assert sqlite_uri(usb) == "file:/E:/BID%20%28Gisting%29/100%25%20%231%3F/acara.sqlite?mode=ro"
    assert (
        sqlite_uri("/media/usb/Désa/a.sqlite", "rw") == "file:/media/usb/D%C3%A9sa/a.sqlite?mode=rw"
    )
