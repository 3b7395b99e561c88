"""Human numbers never collide (issue 17 item 5): numbering continues past every number of
this station that it ever handed out, after a restore too; the merge reports collisions."""

from __future__ import annotations

import uuid
from pathlib import Path

from bid_desktop.services import exchange
from bid_desktop.services import sync as sync_service
from bid_desktop.storage.backup import backup_database
from bid_desktop.storage.db import open_database
from bid_desktop.storage.models import Participant
from bid_desktop.sync.merge import merge_staged
from tests.conftest import make_event_db
from tests.sync.helpers import merge_from, stage

EVENT = "0190f000-0000-7000-8000-00000000d021"
DESA_1, DESA_2 = "18.06.20.2001", "18.06.20.2002"
PIN = "123456"


def _serial(db, desa: str) -> str:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return exchange.ensure_piagam(s, EVENT, desa).serial


def test_piagam_serial_continues_past_what_came_back(tmp_path: Path):
    """The laptop's disk died; restored from a backup older than its last export. Before:
    it gave J3A-0001 to a second desa once the other laptop's package came back."""
    path = tmp_path / "a.sqlite"
    make_event_db(path, "J3A", EVENT).dispose()
    backup = backup_database(path, tmp_path / "bk")
    a = open_database(path)
    b = make_event_db(tmp_path / "b.sqlite", "J3B", EVENT)
    try:
        assert _serial(a, DESA_1) == "J3A-0001"
        merge_from(b, a, folder=tmp_path)
        a.dispose()
        for leftover in tmp_path.glob("a.sqlite*"):
            leftover.unlink()  # the disk is gone: nothing to carry over from
        sync_service.restore(path, backup, PIN)
        a = open_database(path)
        merge_from(a, b, folder=tmp_path)
        assert _serial(a, DESA_2) == "J3A-0002"
    finally:
        a.dispose()
        b.dispose()


def test_restore_keeps_the_numbering_already_handed_out(tmp_path: Path):
    """Before: after restoring an older backup the next serial was J3A-0001 again."""
    path = tmp_path / "a.sqlite"
    a = make_event_db(path, "J3A", EVENT)
    a.dispose()
    backup = backup_database(path, tmp_path / "bk")
    a = open_database(path)
    assert _serial(a, DESA_1) == "J3A-0001"
    a.dispose()
    sync_service.restore(path, backup, PIN)
    a = open_database(path)
    try:
        assert _serial(a, DESA_2) == "J3A-0002"
    finally:
        a.dispose()


def test_the_merge_reports_a_number_given_twice(tmp_path: Path):
    """Two laptops that joined with the same station code: before, accepted silently."""
    a = make_event_db(tmp_path / "a.sqlite", "REG1", EVENT)
    b = make_event_db(tmp_path / "b.sqlite", "REG1", EVENT)
    try:
        for db, name in ((a, "Siti"), (b, "Budi")):
            with db.begin() as s:
                s.add(
                    Participant(id=str(uuid.uuid4()), event_id=EVENT, number="REG1-0001", name=name)
                )
        report = merge_staged(a, [stage(b, tmp_path)])
        assert report.number_collisions == 1
        assert merge_staged(b, [stage(b, tmp_path)]).number_collisions == 0  # nothing new
    finally:
        a.dispose()
        b.dispose()


def test_the_cli_merge_tells_numbers_given_twice(tmp_path: Path, capsys):
    from bid_desktop.cli import run

    a = make_event_db(tmp_path / "a.sqlite", "REG1", EVENT)
    b = make_event_db(tmp_path / "b.sqlite", "REG1", EVENT)
    try:
        for db, name in ((a, "Siti"), (b, "Budi")):
            with db.begin() as s:
                s.add(
                    Participant(id=str(uuid.uuid4()), event_id=EVENT, number="REG1-0001", name=name)
                )
        package = sync_service.export_package(b, tmp_path / "usb").path
    finally:
        a.dispose()
        b.dispose()
    argv = ["merge", "--db", str(tmp_path / "a.sqlite"), "--backup-dir", str(tmp_path / "bk")]
    assert run([*argv, str(package)]) == 0
    assert "nomor yang diberikan dua kali: 1" in capsys.readouterr().out  # Indonesian by default
