"""Issue 12, item 9: backups written outside the laptop's own data folder (a USB stick) are
encrypted with the event key, leave no plaintext on the stick, and restore with this
laptop's key file or, on another laptop, with the event passphrase."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from bid_desktop.services import backup_crypt, backups, keystore
from bid_desktop.services.errors import InputRefused
from bid_desktop.services.station import require_state
from bid_desktop.storage.db import Database, open_database
from bid_desktop.storage.models import Participant
from tests.conftest import PASSPHRASE, make_event_db

PIN = "123456"
NAME, PHONE = "Siti Rahmawati Lestari", "+6281234509876"


@pytest.fixture
def laptop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setenv("BID_DATA_DIR", str(tmp_path / "data-pengguna"))
    db = make_event_db(tmp_path / "laptop" / "event.sqlite")
    with db.begin() as s:
        event_id = require_state(s).event_id
        s.add(
            Participant(
                id=str(uuid.uuid4()), event_id=event_id, number="REG1-0001", name=NAME, phone=PHONE
            )
        )
    return db


def _names(db_path: Path) -> list[str]:
    db = open_database(db_path)
    with db.begin() as s:
        names = list(s.scalars(select(Participant.name)))
    db.dispose()
    return names


def test_stick_backup_is_sealed_and_leaves_no_plaintext(laptop: Database, tmp_path: Path):
    stick = tmp_path / "stick"
    path = backups.backup_now(laptop, stick)
    assert path.name.endswith(".sqlite.bidenc")
    assert [p.name for p in stick.iterdir()] == [path.name]  # no plain .part ever left there
    raw = path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    for secret in (NAME, PHONE, "Gisting"):
        assert secret.encode() not in raw
    assert backup_crypt.healthy(path) is True
    local = backups.backup_now(laptop)  # the laptop's own folder: plain, verified
    assert local.name.endswith(".sqlite") and local.read_bytes().startswith(b"SQLite format 3")
    assert [b.path for b in backups.list_backups(stick)] == [path]


def test_sealed_backup_restores_here_and_on_another_laptop(laptop, tmp_path, monkeypatch):
    path = backups.backup_now(laptop, tmp_path / "stick")
    with laptop.begin() as s:
        for person in s.scalars(select(Participant)):
            s.delete(person)
    laptop.dispose()
    backups.restore(laptop.path, path, PIN)  # this laptop's key file opens it
    assert _names(laptop.path) == [NAME]

    monkeypatch.setenv("BID_DATA_DIR", str(tmp_path / "laptop-lain"))
    other = tmp_path / "laptop-lain" / "event.sqlite"
    with pytest.raises(keystore.KeyMissing):
        backups.restore(other, path, PIN)
    with pytest.raises(InputRefused, match="kata sandi"):
        backups.restore(other, path, PIN, passphrase="bukan-kata-sandinya")
    assert not other.exists()
    backups.restore(other, path, PIN, passphrase=PASSPHRASE)
    assert _names(other) == [NAME]


@pytest.mark.parametrize("damage", ["flip", "cut"])
def test_changed_or_cut_sealed_backup_is_refused(laptop, tmp_path, damage):
    path = backups.backup_now(laptop, tmp_path / "stick")
    raw = bytearray(path.read_bytes())
    if damage == "flip":
        raw[len(raw) // 2] ^= 0x01
    else:
        raw = raw[: len(raw) - 40]
    path.write_bytes(bytes(raw))
    assert backup_crypt.healthy(path) is False
    laptop.dispose()
    before = laptop.path.read_bytes()
    with pytest.raises(InputRefused, match="enkripsi"):
        backups.restore(laptop.path, path, PIN)
    assert laptop.path.read_bytes() == before


def test_cli_restores_a_sealed_backup_with_the_passphrase(laptop, tmp_path, monkeypatch):
    from bid_desktop.cli import run

    path = backups.backup_now(laptop, tmp_path / "stick")
    laptop.dispose()
    monkeypatch.setenv("BID_DATA_DIR", str(tmp_path / "laptop-lain"))
    monkeypatch.setenv("BID_PIN", PIN)
    other = tmp_path / "laptop-lain" / "event.sqlite"
    (tmp_path / "sandi.txt").write_text(PASSPHRASE)
    args = ["restore", "--db", str(other), str(path)]
    assert run([*args, "--passphrase-file", str(tmp_path / "sandi.txt")]) == 0
    assert _names(other) == [NAME]
