"""Issue 12, items 1, 4 and 7: backups rotate by the app's creation order (not the clock in
the file name), are single files, thin by age and stop (rather than fill the disk) when
space runs out."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bid_desktop.storage import retention
from bid_desktop.storage.backup import (
    BackupSpaceError,
    backup_database,
    integrity_ok,
    list_backups,
    needed_space,
)
from bid_desktop.storage.db import Database

DAY = dt.datetime(2026, 11, 25, 8, 0)


def _names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_a_wrong_clock_once_never_deletes_later_copies(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "cadangan"
    made = [
        backup_database(db.path, out, keep=5, now=DAY + dt.timedelta(minutes=30 * i))
        for i in range(4)
    ]
    future = backup_database(db.path, out, keep=5, now=dt.datetime(2031, 6, 1, 12, 0))
    later = []
    for i in range(12):
        path = backup_database(
            db.path, out, keep=5, now=DAY + dt.timedelta(hours=2, minutes=30 * i)
        )
        assert path.exists(), "the copy just made was deleted"
        later.append(path)
    kept = set(list_backups(out))
    assert later[-1] in kept and later[-2] in kept
    assert future in kept  # the newest copy from before the clock came back
    assert made[-1] in kept  # the newest copy from before the clock jumped forward
    assert list_backups(out)[0] == later[-1]  # newest first by creation order
    assert len(kept) <= 5 + retention.MAX_JUMP_KEPT  # keep, plus the copies before jumps


@pytest.mark.skipif(shutil.which("faketime") is None, reason="needs the faketime package")
def test_faketime_2031_then_back(db: Database, tmp_path: Path) -> None:
    """The real process clock changed (libfaketime), not an argument."""
    out = tmp_path / "cadangan"
    script = (
        "import sys; from pathlib import Path; from bid_desktop.storage.backup import "
        "backup_database; print(backup_database(Path(sys.argv[1]), Path(sys.argv[2]), keep=1))"
    )

    def backup_at(when: str) -> Path:
        done = subprocess.run(
            ["faketime", when, sys.executable, "-c", script, str(db.path), str(out)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "FAKETIME_DONT_FAKE_MONOTONIC": "1"},
        )
        return Path(done.stdout.strip())

    first = backup_at("2026-11-25 08:00:00")
    jumped = backup_at("2031-01-01 08:00:00")
    assert "-20310101-" in jumped.name
    for minute in (0, 10, 20):
        path = backup_at(f"2026-11-25 09:{minute:02d}:00")
        assert path.exists(), "the copy just made was deleted"
    kept = list_backups(out)
    assert kept == [path, jumped, first]  # newest first; the copies before each jump stay
    assert all(integrity_ok(p) for p in kept)


def test_hourly_today_daily_before(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "cadangan"
    times = [DAY + dt.timedelta(minutes=30 * i) for i in range(3 * 48)]  # three days, every 30 min
    for when in times:
        backup_database(db.path, out, keep=20, now=when)
    copies = retention.copies_of(out, db.path.stem)
    assert len(copies) <= 20
    newest_day = times[-1].date()
    older = [c for c in copies[: -1 - retention.RECENT] if c.made.date() != newest_day]
    assert len({c.made.date() for c in older}) == len(older)  # one per earlier day
    today = [c for c in copies[: -1 - retention.RECENT] if c.made.date() == newest_day]
    assert len({c.made.hour for c in today}) == len(today)  # one per hour today
    assert {c.made.date() for c in copies} == {t.date() for t in times}  # every day still there


def test_backup_is_one_file_and_leaves_no_junk(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "cadangan"
    path = backup_database(db.path, out)
    assert integrity_ok(path)
    with sqlite3.connect(path) as con:  # as a person opening the copy would
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert path.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, not WAL
    assert _names(out) == {path.name}


def test_no_room_stops_the_backup_and_keeps_the_newest(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "cadangan"
    made = [
        backup_database(db.path, out, keep=10, now=DAY + dt.timedelta(hours=i)) for i in range(5)
    ]
    before = _names(out)
    free = shutil.disk_usage(out).free
    with pytest.raises(BackupSpaceError):
        backup_database(db.path, out, keep=10, reserve=free * 2, now=DAY + dt.timedelta(hours=6))
    assert _names(out) == before  # nothing deleted in vain, no partial copy
    assert integrity_ok(made[-1])
    assert not any(p.name.endswith(".part") for p in out.iterdir())


def test_little_room_prunes_oldest_first(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "cadangan"
    made = [
        backup_database(db.path, out, keep=10, now=DAY + dt.timedelta(hours=i)) for i in range(5)
    ]
    size = made[0].stat().st_size

    capacity = 5 * size + needed_space(db.path) - size // 2  # 1.5 copies short of the reserve

    def stick_free(folder: Path) -> int:  # a small stick (the shared disk of the test machine
        # changes under the test)
        return capacity - sum(p.stat().st_size for p in folder.iterdir())

    # room for the new copy (plus one copy spare) only once two old copies are gone
    new = backup_database(
        db.path, out, keep=10, reserve=size, free_space=stick_free, now=DAY + dt.timedelta(hours=6)
    )
    assert new.exists()
    assert [p.exists() for p in made] == [False, False, True, True, True]
