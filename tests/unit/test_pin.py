"""Issue 12, item 10: the committee PIN is set when the event is created (>= 6 digits),
wrong PINs wait longer and longer and are audited, and the CLI asks for it before every
destructive or overwriting action (backup pruning, commitment import, restore)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from bid_desktop.cli import run
from bid_desktop.services import audit, pin_guard
from bid_desktop.services.errors import UserError
from bid_desktop.services.events import EventSetup, create_event, passphrase_strength
from bid_desktop.services.station import require_state
from bid_desktop.storage.db import Database, open_database
from bid_desktop.storage.models import AuditEntry
from tests.conftest import GISTING, PASSPHRASE

PIN = "123456"


def _setup(pin: str | None) -> EventSetup:
    return EventSetup(
        name="BID Gisting", date=dt.date(2026, 11, 25), kecamatan_codes=[GISTING],
        station="SEK1", passphrase=PASSPHRASE, pin=pin,
    )  # fmt: skip


@pytest.mark.parametrize("pin", ["1234", "12345", "12a456", ""])
def test_short_or_non_digit_pins_are_refused_at_creation(tmp_path: Path, pin: str):
    db = open_database(tmp_path / "event.sqlite")
    with pytest.raises(UserError, match="6 angka"), db.begin() as s:
        create_event(s, _setup(pin))
    db.dispose()


def test_cli_event_create_sets_the_pin(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("BID_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("BID_PIN", "240611")
    path = tmp_path / "event.sqlite"
    args = ["event", "create", "--db", str(path), "--name", "BID", "--date", "2026-11-25",
            "--kecamatan", GISTING, "--station", "SEK1"]  # fmt: skip
    assert run(args) == 0
    db = open_database(path)
    with db.begin() as s:
        assert audit.check_pin(s, "240611") and not audit.check_pin(s, audit.DEFAULT_PIN)
    db.dispose()


def test_wrong_pins_wait_longer_and_are_audited(db: Database):
    with db.begin() as s:
        event_id = str(require_state(s).event_id)
    waits = []
    for _ in range(6):
        with pytest.raises(UserError, match="PIN"), db.begin() as s:
            audit.require_pin(s, "000000")
        entry = pin_guard._load()[event_id]
        waits.append(round(entry["until"] - pin_guard.time.time()))
        pin_guard._save({event_id: {**entry, "until": 0}})  # let the next try through
    assert waits[:2] == [0, 0] and waits[2:] == [5, 10, 20, 40]
    with db.begin() as s:
        failures = s.scalars(select(AuditEntry).where(AuditEntry.action == "pin.failed")).all()
    assert len(failures) == 6 and all(f.station == "REG1" for f in failures)
    with pytest.raises(UserError, match="dikunci"):  # locked: even the right PIN waits
        pin_guard.failed(event_id)
        with db.begin() as s:
            audit.require_pin(s, PIN)
    pin_guard.succeeded(event_id)
    with db.begin() as s:
        audit.require_pin(s, PIN)


def test_a_clock_jump_never_locks_for_more_than_the_maximum(db: Database):
    with db.begin() as s:
        event_id = str(require_state(s).event_id)
    for _ in range(30):
        pin_guard.failed(event_id, now=4_000_000_000)  # a clock in 2096
    with pytest.raises(UserError, match=f"{pin_guard.MAX_WAIT} detik"):
        pin_guard.check_not_locked(event_id, now=1_700_000_000)


def test_cli_destructive_actions_need_the_pin(db: Database, tmp_path: Path, monkeypatch):
    from tests.unit.test_imports_commitments import _sheet

    monkeypatch.delenv("BID_PIN", raising=False)
    out = tmp_path / "cadangan"
    base = ["backup", "--db", str(db.path), "--out", str(out)]
    assert run(base) == 0  # a backup alone deletes nothing: no PIN
    assert run([*base, "--keep", "1"]) == 3  # pruning: refused without the PIN
    (tmp_path / "pin.txt").write_text("999999")
    assert run([*base, "--keep", "1", "--pin-file", str(tmp_path / "pin.txt")]) == 3
    assert len(list(out.iterdir())) == 1
    (tmp_path / "pin.txt").write_text(PIN)
    assert run([*base, "--keep", "1", "--pin-file", str(tmp_path / "pin.txt")]) == 0
    sheet = _sheet("commitments", tmp_path / "k.xlsx", [["18.06.20.2001", "", "", "A01"]])
    assert run(["import", "commitments", "--db", str(db.path), str(sheet)]) == 3


def test_passphrase_strength_hint():
    assert passphrase_strength("rahasia1") == "lemah"
    assert passphrase_strength("gisting2026a") == "cukup"
    assert passphrase_strength("Bursa-Gisting-2026!") == "kuat"
