"""Issue 12, items 3, 4 and 5 at start: a damaged database is named, set aside and restored
from the last verified backup; a missing ``--db`` is created only when the user says so;
sidecars without their database are reported and left alone; read-only media is called
read-only (not "rusak") and copied to the laptop."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from bid_desktop.services import recovery
from bid_desktop.storage.backup import backup_database, integrity_ok
from bid_desktop.storage.db import Database
from bid_desktop.storage.models import Desa
from bid_desktop.ui import startup_guard
from tests.conftest import make_event_db

PIN = "123456"


class Screens:
    """What the guard showed, and the answers the user gives."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: bool, pins: tuple = ()):
        self.shown: list[str] = []
        self.answers = list(answers)
        self.pins = list(pins)
        monkeypatch.setattr(QMessageBox, "question", self._question)
        monkeypatch.setattr(QMessageBox, "critical", self._critical)
        monkeypatch.setattr(startup_guard, "ask_pin", lambda *_a: self.pins.pop(0))

    def _question(self, _parent, _title, text, *_a):  # type: ignore[no-untyped-def]
        self.shown.append(text)
        return startup_guard.Yes if self.answers.pop(0) else startup_guard.No

    def _critical(self, _parent, _title, text, *_a):  # type: ignore[no-untyped-def]
        self.shown.append(text)


def _desa(db: Database) -> int:
    with db.begin() as s:
        return int(s.scalar(select(func.count()).select_from(Desa)) or 0)


def _damage(path: Path) -> bytes:
    raw = bytearray(path.read_bytes())
    raw[4096 * 2 : 4096 * 5] = b"\x5a" * (4096 * 3)
    path.write_bytes(bytes(raw))
    return bytes(raw)


def test_damaged_database_offers_the_last_verified_backup(qapp, tmp_path, monkeypatch):
    db = make_event_db(tmp_path / "acara (kecamatan) #1.sqlite")
    desa = _desa(db)
    backup_database(db.path, tmp_path / "backups", reason="timer")
    db.dispose()
    damaged = _damage(db.path)
    screens = Screens(monkeypatch, True, pins=("000000", PIN))
    opened = startup_guard.open_checked(db.path, explicit=True)
    assert opened is not None
    assert db.path.name in screens.shown[0] and "rusak" in screens.shown[0]
    assert "PIN panitia salah" in screens.shown[1]  # first PIN wrong, told, asked again
    assert _desa(opened) == desa and integrity_ok(db.path)
    opened.dispose()
    aside = [p for p in tmp_path.iterdir() if ".rusak-" in p.name and p.name[-1].isdigit()]
    assert [p.read_bytes() for p in aside] == [damaged]


def test_truncated_database_without_backup_is_kept_aside(qapp, tmp_path, monkeypatch):
    db = make_event_db(tmp_path / "event.sqlite")
    db.dispose()
    raw = db.path.read_bytes()
    db.path.write_bytes(raw[: len(raw) // 3])
    screens = Screens(monkeypatch, False)
    assert startup_guard.open_checked(db.path, explicit=False) is None
    assert "Tidak ada cadangan" in screens.shown[0]
    [aside] = [p for p in tmp_path.iterdir() if ".rusak-" in p.name and p.name[-1].isdigit()]
    assert aside.read_bytes() == raw[: len(raw) // 3]


def test_missing_db_path_asks_before_creating(qapp, tmp_path, monkeypatch):
    path = tmp_path / "E" / "event.sqlite"
    screens = Screens(monkeypatch, False)
    assert startup_guard.open_checked(path, explicit=True) is None
    assert str(path) in screens.shown[0] and not path.exists()
    Screens(monkeypatch, True)
    opened = startup_guard.open_checked(path, explicit=True)
    assert opened is not None and path.exists()
    opened.dispose()


def test_sidecars_without_database_are_reported_not_discarded(qapp, tmp_path, monkeypatch):
    path = tmp_path / "event.sqlite"
    wal = Path(f"{path}-wal")
    wal.write_bytes(b"\x37\x7f\x06\x82" + b"\0" * 60)
    screens = Screens(monkeypatch)
    assert startup_guard.open_checked(path, explicit=False) is None
    assert wal.name in screens.shown[0]
    assert wal.read_bytes()[:4] == b"\x37\x7f\x06\x82" and not path.exists()


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A write-protected folder: a read-only bind mount (root), else a chmod 555 folder."""
    src, mnt = tmp_path / "stick-src", tmp_path / "stick"
    src.mkdir()
    mnt.mkdir()
    mounted = (
        subprocess.run(["mount", "--bind", str(src), str(mnt)], capture_output=True).returncode == 0
        and subprocess.run(
            ["mount", "-o", "remount,ro,bind", str(mnt)], capture_output=True
        ).returncode
        == 0
    )
    if not mounted:
        subprocess.run(["umount", str(mnt)], capture_output=True)
        mnt.rmdir()
        src.rename(mnt)
    yield src if mounted else mnt
    if mounted:
        subprocess.run(["umount", str(mnt)], check=True)
    else:
        mnt.chmod(0o755)


def _protect(folder: Path) -> Path:
    if folder.name == "stick-src":  # mounted read-only at "stick"
        return folder.with_name("stick")
    folder.chmod(0o555)
    return folder


def test_read_only_database_is_called_read_only_and_copied(qapp, tmp_path, monkeypatch, read_only):
    db = make_event_db(tmp_path / "event.sqlite")
    desa = _desa(db)
    db.dispose()
    (read_only / "event.sqlite").write_bytes(db.path.read_bytes())
    stick = _protect(read_only)
    path = stick / "event.sqlite"
    if recovery.diagnose(path).state is recovery.State.OK:
        pytest.skip("root ignores a chmod 555 folder and no mount is allowed")
    assert recovery.diagnose(path).state is recovery.State.READ_ONLY
    screens = Screens(monkeypatch, True)
    opened = startup_guard.open_checked(path, explicit=True, local_dir=tmp_path / "laptop")
    assert opened is not None and "read-only" in screens.shown[0]
    assert "rusak" not in screens.shown[0]
    assert opened.path.parent == tmp_path / "laptop" and _desa(opened) == desa
    opened.dispose()


def test_backup_on_read_only_media_is_healthy_and_restores(tmp_path, read_only):
    from bid_desktop.services import backups

    db = make_event_db(tmp_path / "event.sqlite")
    desa = _desa(db)
    made = backup_database(db.path, read_only, reason="manual")
    stick = _protect(read_only)
    backup = stick / made.name
    assert integrity_ok(backup)  # not "rusak"
    with db.begin() as s:
        for row in s.scalars(select(Desa)):
            s.delete(row)
    db.dispose()
    backups.restore(db.path, backup, PIN)
    db2 = make_event_db.__globals__["open_database"](db.path)
    assert _desa(db2) == desa
    db2.dispose()
