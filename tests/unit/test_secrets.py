"""Issue 12, item 8: the package key is in no database or backup; it lives in a key file of
this user (0600); a copied or restored database asks for the passphrase; new events use
scrypt N = 2^17 while old events (2^14, key in the database) keep working."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from bid_desktop.services import keystore
from bid_desktop.services import sync as sync_service
from bid_desktop.services.errors import UserError
from bid_desktop.storage.backup import backup_database
from bid_desktop.storage.db import open_database
from bid_desktop.sync import keys
from tests.conftest import PASSPHRASE, make_event_db


def _bytes_of(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


@pytest.fixture
def own_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data-pengguna"
    monkeypatch.setenv("BID_DATA_DIR", str(folder))
    return folder


def test_key_is_in_a_private_key_file_not_in_the_database(tmp_path, own_data):
    db = make_event_db(tmp_path / "laptop" / "event.sqlite")
    with db.begin() as s:
        event_id = str(sync_service.station_service.require_state(s).event_id)
    key = keystore.load_key(event_id)
    assert key is not None
    path = keystore.key_path(event_id)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    backup = backup_database(db.path, tmp_path / "stick")
    db.dispose()
    assert key not in _bytes_of(tmp_path / "laptop")  # database, -wal, backups beside it
    assert key not in backup.read_bytes()


def test_copied_database_asks_for_the_passphrase(tmp_path, own_data, monkeypatch):
    db = make_event_db(tmp_path / "event.sqlite")
    db.dispose()
    other_laptop = tmp_path / "laptop-lain"
    monkeypatch.setenv("BID_DATA_DIR", str(other_laptop))  # the copy arrives elsewhere
    copy = open_database(db.path)
    with pytest.raises(keystore.KeyMissing, match="kata sandi"):
        sync_service.export_package(copy, tmp_path / "usb")
    with copy.begin() as s, pytest.raises(UserError, match="salah"):
        keystore.unlock(s, "bukan-kata-sandinya")
    with copy.begin() as s:
        keystore.unlock(s, PASSPHRASE)
    result = sync_service.export_package(copy, tmp_path / "usb")
    assert result.path.exists()
    copy.dispose()


def test_new_events_use_scrypt_2_17(tmp_path, own_data, monkeypatch):
    monkeypatch.delenv("BID_KDF_COST", raising=False)
    db = make_event_db(tmp_path / "event.sqlite", event_id="0190f000-0000-7000-8000-0000000c0517")
    with db.begin() as s:
        event = s.get(sync_service.Event, "0190f000-0000-7000-8000-0000000c0517")
        check = event.passphrase_check
    assert check.startswith("s17$") and keys.cost_of(check) == 17
    assert keys.passphrase_matches(PASSPHRASE, event.id, check)
    key = keystore.load_key(event.id)
    assert key == keys.package_key(PASSPHRASE, event.id, 17)
    # another laptop joins with the passphrase alone: the package's key id picks the cost
    package = sync_service.export_package(db, tmp_path / "usb").path
    joined = sync_service.join_event(
        tmp_path / "baru.sqlite", package, "REG2", PASSPHRASE, "registrasi"
    )
    assert joined.event_id == event.id
    db.dispose()


def test_old_event_with_key_in_the_database_keeps_working(tmp_path, own_data):
    db = make_event_db(tmp_path / "event.sqlite")
    with db.begin() as s:
        state = sync_service.station_service.require_state(s)
        event_id = str(state.event_id)
        old_key = keys.package_key(PASSPHRASE, event_id)  # 2^14, as before issue 12
        state.package_key = old_key
    keystore.key_path(event_id).unlink()
    result = sync_service.export_package(db, tmp_path / "usb")  # moves the key out
    assert keystore.load_key(event_id) == old_key
    with sqlite3.connect(db.path) as con:
        assert con.execute("SELECT package_key FROM station_state").fetchone()[0] is None
    con.close()
    joined = sync_service.join_event(
        tmp_path / "baru.sqlite", result.path, "REG2", PASSPHRASE, "registrasi"
    )
    assert joined.versions > 0
    db.dispose()
    assert os.environ["BID_DATA_DIR"] == str(own_data)


def test_cli_export_of_a_copied_database_takes_the_passphrase(tmp_path, own_data, monkeypatch):
    from bid_desktop.cli import run

    db = make_event_db(tmp_path / "event.sqlite")
    db.dispose()
    monkeypatch.setenv("BID_DATA_DIR", str(tmp_path / "laptop-lain"))
    (tmp_path / "sandi.txt").write_text("bukan-kata-sandinya\n")
    args = ["export", "--db", str(db.path), "--out", str(tmp_path / "usb")]
    assert run([*args, "--passphrase-file", str(tmp_path / "sandi.txt")]) == 3
    (tmp_path / "sandi.txt").write_text(PASSPHRASE + "\n")
    assert run([*args, "--passphrase-file", str(tmp_path / "sandi.txt")]) == 0
    assert run(args) == 0  # the key file is there now
