"""Issue 12, items 2, 3 and 10: a restore refuses a newer app's backup before touching
anything, failed starts never rotate the good copies away, a damaged database can be
restored (PIN checked against the verified backup), and a restore onto a missing path asks
for the PIN too."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from bid_desktop.services import backups
from bid_desktop.services.errors import InputRefused, UserError
from bid_desktop.storage.backup import backup_database, integrity_ok, list_backups
from bid_desktop.storage.db import Database, NewerDatabase, open_database
from tests.conftest import make_event_db

PIN = "123456"


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _newer(path: Path) -> None:
    with sqlite3.connect(path) as con:
        con.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    con.close()


def test_newer_schema_backup_is_refused_before_anything(db: Database, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    newer = backup_database(db.path, stick, reason="manual")
    _newer(newer)
    db.dispose()
    before = _digest(tmp_path)
    with pytest.raises(InputRefused, match="lebih baru"):
        backups.restore(db.path, newer, PIN)
    assert _digest(tmp_path) == before  # nothing copied, moved or written


def test_failed_starts_never_rotate_away_the_good_copy(tmp_path: Path) -> None:
    db = make_event_db(tmp_path / "event.sqlite")
    good = backup_database(db.path, tmp_path / "backups", reason="before-restore", keep=3)
    db.dispose()
    _newer(db.path)  # e.g. a newer app's database put here by hand
    for _start in range(10):
        with pytest.raises(NewerDatabase):
            open_database(db.path)
    assert good.exists() and integrity_ok(good)
    assert list_backups(tmp_path / "backups") == [good]  # no pre-migrate copy per start


def test_pre_migrate_copies_never_push_out_the_before_restore_copy(db: Database, tmp_path: Path):
    out = tmp_path / "backups"
    good = backup_database(db.path, out, reason="before-restore", keep=2)
    for _ in range(6):
        backup_database(db.path, out, reason="pre-migrate-0001", keep=2)
    assert good.exists()


def test_damaged_database_is_set_aside_and_restored(db: Database, tmp_path: Path) -> None:
    good = backup_database(db.path, tmp_path / "stick", reason="manual")
    db.dispose()
    raw = bytearray(db.path.read_bytes())
    raw[4096 * 3 : 4096 * 6] = b"\xa5" * (4096 * 3)  # damaged pages
    db.path.write_bytes(bytes(raw))
    assert not integrity_ok(db.path)
    with pytest.raises(UserError, match="PIN"):
        backups.restore(db.path, good, "999999")
    assert db.path.read_bytes() == bytes(raw)  # a wrong PIN touches nothing
    backups.restore(db.path, good, PIN)
    assert integrity_ok(db.path)
    aside = [p for p in tmp_path.iterdir() if ".rusak-" in p.name and p.name[-4:].isdigit()]
    assert len(aside) == 1 and aside[0].read_bytes() == bytes(raw)  # kept, never deleted


def test_damaged_database_restores_with_the_event_passphrase_too(db: Database, tmp_path: Path):
    from tests.conftest import PASSPHRASE

    good = backup_database(db.path, tmp_path / "stick", reason="manual")
    db.dispose()
    db.path.write_bytes(db.path.read_bytes()[:5000])  # cut: nothing readable is left
    with pytest.raises(UserError, match="PIN"):
        backups.restore(db.path, good, "", passphrase="bukan-kata-sandinya")
    backups.restore(db.path, good, "", passphrase=PASSPHRASE)  # nobody remembers the PIN
    assert integrity_ok(db.path)


def test_restore_onto_a_missing_path_needs_the_pin(db: Database, tmp_path: Path) -> None:
    good = backup_database(db.path, tmp_path / "stick", reason="manual")
    target = tmp_path / "other-drive" / "event.sqlite"
    with pytest.raises(UserError, match="PIN"):
        backups.restore(target, good, "")
    assert not target.exists()
    backups.restore(target, good, PIN)
    assert integrity_ok(target)


@pytest.mark.parametrize("damage", ["truncated", "pages", "header", "newer"])
def test_check_names_the_damage_in_one_line(db: Database, tmp_path: Path, capsys, damage: str):
    from bid_desktop.cli import run

    db.dispose()
    raw = bytearray(db.path.read_bytes())
    if damage == "truncated":
        db.path.write_bytes(bytes(raw[: len(raw) // 2 + 100]))
    elif damage == "pages":
        raw[4096 * 2 : 4096 * 4] = b"\x00\xff" * 4096
        db.path.write_bytes(bytes(raw))
    elif damage == "header":
        raw[:16] = b"not a database!!"
        db.path.write_bytes(bytes(raw))
    else:
        _newer(db.path)
    assert run(["check", "--db", str(db.path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and db.path.name in err[0] and "Traceback" not in err[0]


def test_paths_with_odd_characters_open_the_right_file(tmp_path: Path) -> None:
    folder = tmp_path / "Acara (Gisting) 100% #1 ?ö – uji"
    db = make_event_db(folder / "bid (kecamatan) #1?.sqlite")
    db.dispose()
    assert sorted(p.name for p in folder.iterdir() if p.suffix == ".sqlite") == [
        "bid (kecamatan) #1?.sqlite"
    ]
    from bid_desktop.services.check import check_database

    assert check_database(db.path) == []
    reopened = open_database(db.path)
    with reopened.begin() as s:
        from bid_desktop.services.station import require_state

        assert require_state(s).station == "REG1"
    reopened.dispose()


def test_pin_tries_against_a_backup_are_limited_too(db: Database, tmp_path: Path) -> None:
    good = backup_database(db.path, tmp_path / "stick", reason="manual")
    target = tmp_path / "baru" / "event.sqlite"
    for _ in range(3):
        with pytest.raises(UserError, match="PIN panitia salah"):
            backups.restore(target, good, "000000")
    with pytest.raises(UserError, match="dikunci"):
        backups.restore(target, good, PIN)
    assert not target.exists()
