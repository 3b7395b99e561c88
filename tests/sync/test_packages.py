"""USB packages end to end: export → merge between station databases, dry run, import log,
cancel, join from a package, refusals, backups and restore, and the CLI's exit codes."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bid_desktop.cli import run
from bid_desktop.services import keystore
from bid_desktop.services import sync as sync_service
from bid_desktop.services.errors import InputRefused, UserError
from bid_desktop.storage.db import open_database
from bid_desktop.storage.models import AuditEntry, Desa, Event, ImportLog, Participant, StationState
from bid_desktop.sync import keys
from bid_desktop.sync import package as pkg
from bid_desktop.sync.duplicates import find_candidates
from bid_desktop.sync.invariants import verify_invariants
from bid_desktop.sync.merge import merge_staged
from tests.conftest import PASSPHRASE, make_event_db
from tests.sync.helpers import stage, state

EVENT = "0190f000-0000-7000-8000-00000000e002"
OTHER_EVENT = "0190f000-0000-7000-8000-00000000e003"


def dump(path: Path) -> list[str]:
    """The whole database as SQL text (what 'unchanged' is compared on)."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def trio(tmp_path: Path):
    dbs = [
        make_event_db(tmp_path / f"{s.lower()}.sqlite", s, EVENT) for s in ("REG1", "REG2", "MKA1")
    ]
    yield dbs
    for db in dbs:
        db.dispose()


def _add_person(db, name: str, number: str, desa: str = "18.06.20.2001") -> str:
    pid = str(uuid.uuid4())
    with db.begin() as s:
        s.add(Participant(id=pid, event_id=EVENT, number=number, name=name, desa_code=desa))
    return pid


def _first_desa(db) -> str:
    with db.begin() as s:
        return s.scalars(select(Desa).order_by(Desa.code)).first().id


def _rename(db, rid: str, name: str) -> None:
    with db.begin() as s:
        s.get(Desa, rid).name = name


def test_export_merge_round_trip_between_stations(trio, tmp_path):
    a, b, _c = trio
    pid = _add_person(a, "Siti Aminah", "REG1-0001")
    rid = _first_desa(a)
    _rename(b, rid, "Nama dari REG2")
    usb = tmp_path / "usb"
    ea = sync_service.export_package(a, usb)
    eb = sync_service.export_package(b, usb)
    assert ea.path.name.startswith("bursa-inovasi-desa-kecamatan-gisting-REG1-")
    assert ea.path.suffix == ".bidsync" and ea.station == "REG1" and ea.versions > 10
    assert ea.path.read_bytes()[:8] == b"BIDSYNC1"
    assert b"Siti Aminah" not in ea.path.read_bytes()  # encrypted, not just signed
    info = sync_service.inspect_package(b, ea.path)
    assert (info.station, info.event_id, info.versions) == ("REG1", EVENT, ea.versions)
    assert info.event_name == "Bursa Inovasi Desa Kecamatan Gisting" and not info.already_imported

    summary = sync_service.import_packages(b, [ea.path], backup_dir=tmp_path / "bk")
    [item] = summary.packages
    assert item.added == 1 and item.per_entity["participant"]["added"] == 1
    assert summary.added == 1 and summary.backup is not None and summary.backup.exists()
    sync_service.import_packages(a, [eb.path], backup_dir=tmp_path / "bk")
    assert state(a) == state(b)
    with b.begin() as s:
        assert s.get(Participant, pid).name == "Siti Aminah"
        assert s.get(Desa, rid).name == "Nama dari REG2"
        log = s.scalars(select(ImportLog)).one()
        assert (log.package_sha256, log.station, log.added) == (ea.sha256, "REG1", 1)
    assert verify_invariants(a) == [] and verify_invariants(b) == []
    # the same package again: recognised, and changes nothing (idempotent)
    again = sync_service.import_packages(b, [ea.path], backup_dir=tmp_path / "bk")
    assert again.packages[0].info.already_imported and again.added == again.updated == 0
    assert again.packages[0].versions_new == 0


def test_several_packages_per_package_figures_equal_one_merge(trio, tmp_path):
    a, b, c = trio
    _add_person(a, "Siti Aminah", "REG1-0001")
    _add_person(b, "Budi Santoso", "REG2-0001")
    _add_person(b, "Budi Santoso", "REG2-0002")  # a duplicate candidate
    rid = _first_desa(a)
    _rename(a, rid, "A")
    _rename(b, rid, "B")  # hard conflict
    usb = tmp_path / "usb"
    paths = [sync_service.export_package(db, usb).path for db in (a, b)]
    twin_path = tmp_path / "twin.sqlite"  # an exact copy of c: merged with merge_staged
    with sqlite3.connect(c.path) as src, sqlite3.connect(twin_path) as dst:
        src.backup(dst)
    twin = open_database(twin_path)
    seen: list[tuple[int, int, str]] = []
    summary = sync_service.import_packages(
        c, paths, backup_dir=tmp_path / "bk", progress=lambda d, t, m: seen.append((d, t, m))
    )
    merge_staged(twin, [stage(a, tmp_path), stage(b, tmp_path)])
    assert state(c) == state(twin)
    first, second = summary.packages
    assert (first.info.station, first.added) == ("REG1", 1)
    assert (second.info.station, second.added) == ("REG2", 2)
    # the desa both renamed is credited to the first package that brought a new version of it
    assert (first.conflicts_hard, second.conflicts_hard, summary.conflicts_hard) == (1, 0, 1)
    assert first.updated == 1 and second.updated == 0
    assert summary.added == 3
    # duplicate groups: per package the ones its participants are in; in total every group
    assert (first.duplicate_candidates, second.duplicate_candidates) == (0, 1)
    with c.begin() as s:
        assert summary.duplicate_candidates == len(find_candidates(s, EVENT)) == 1
    assert seen[-1][0] == seen[-1][1] and all(d <= t for d, t, _ in seen)
    with c.begin() as s:
        assert s.scalar(select(func.count()).select_from(ImportLog)) == 2
    twin.dispose()


def test_dry_run_and_cancel_change_nothing(trio, tmp_path):
    a, b, _c = trio
    _add_person(a, "Siti Aminah", "REG1-0001")
    path = sync_service.export_package(a, tmp_path / "usb").path
    before = dump(b.path)
    summary = sync_service.import_packages(b, [path], dry_run=True, backup_dir=tmp_path / "bk")
    assert summary.dry_run and summary.added == 1 and summary.backup is None
    assert dump(b.path) == before and not (tmp_path / "bk").exists()
    polls: list[int] = []

    def count_poll() -> bool:
        polls.append(1)
        return False

    sync_service.import_packages(b, [path], dry_run=True, cancelled=count_poll)
    checks = len(polls) + 1  # a real merge also polls after its backup
    for stop_after in range(checks):  # cancel at every poll, the last one just before COMMIT
        calls = iter([False] * stop_after + [True] * 100)
        with pytest.raises(UserError, match="Dibatalkan"):
            sync_service.import_packages(
                b, [path], backup_dir=tmp_path / "bk", cancelled=lambda it=calls: next(it)
            )
        assert dump(b.path) == before
    calls = iter([False] * checks + [True] * 100)
    done = sync_service.import_packages(b, [path], cancelled=lambda: next(calls))
    assert done.added == 1 and dump(b.path) != before


def test_refusal_in_any_package_changes_nothing(trio, tmp_path):
    a, b, c = trio
    _add_person(a, "Siti Aminah", "REG1-0001")
    good = sync_service.export_package(a, tmp_path / "usb").path
    other = make_event_db(tmp_path / "other.sqlite", "REG1", OTHER_EVENT)
    foreign = sync_service.export_package(other, tmp_path / "usb2").path
    other.dispose()
    before = dump(b.path)
    with pytest.raises(InputRefused) as err:
        sync_service.import_packages(b, [good, foreign], backup_dir=tmp_path / "bk")
    assert str(err.value).startswith(f"{foreign.name}: acara:")
    assert dump(b.path) == before
    # a package sealed with another passphrase for this event: told as a wrong passphrase
    blob = good.read_bytes()
    wrong_key = keys.package_key("bukan-kata-sandinya", EVENT)
    header = pkg.read_header(blob, "x")
    plain = pkg.decrypt(blob, header, keys.package_key(PASSPHRASE, EVENT), "x")
    forged = tmp_path / "forged.bidsync"
    forged.write_bytes(pkg.seal(wrong_key, EVENT, plain))
    with pytest.raises(InputRefused, match="forged.bidsync: kata sandi:"):
        sync_service.import_packages(b, [forged])
    assert dump(b.path) == before


def test_newer_schema_revision_is_refused_with_update_advice(trio, tmp_path):
    a, b, _c = trio
    good = sync_service.export_package(a, tmp_path / "usb").path
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pkg, "SCHEMA_REVISION", "0099")
        newer = sync_service.export_package(a, tmp_path / "usb-newer").path
    before = dump(b.path)
    with pytest.raises(InputRefused, match="revisi skema: .*perbarui aplikasi di laptop ini dulu"):
        sync_service.import_packages(b, [good, newer])
    assert dump(b.path) == before


def test_revision_older_than_every_known_one_is_not_called_newer(trio, tmp_path):
    a, b, _c = trio
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pkg, "SCHEMA_REVISION", "0000")
        older = sync_service.export_package(a, tmp_path / "usb-older").path
    before = dump(b.path)
    with pytest.raises(InputRefused, match="revisi skema: .*terlalu lama") as refused:
        sync_service.import_packages(b, [older])
    assert "lebih baru" not in str(refused.value) and dump(b.path) == before


def test_join_from_a_package_then_sync_back(trio, tmp_path):
    a, _b, _c = trio
    pid = _add_person(a, "Siti Aminah", "REG1-0001")
    path = sync_service.export_package(a, tmp_path / "usb").path
    new = tmp_path / "new.sqlite"
    with pytest.raises(InputRefused, match="kata sandi"):
        sync_service.join_event(new, path, "REG3", "salah-sekali-ya", "registrasi")
    with pytest.raises(UserError, match="sudah dipakai"):
        sync_service.join_event(new, path, "REG1", PASSPHRASE, "registrasi")
    with pytest.raises(UserError, match="Kode stasiun"):
        sync_service.join_event(new, path, "1X", PASSPHRASE, "registrasi")
    joined = sync_service.join_event(new, path, "reg3", PASSPHRASE, "registrasi")
    assert (joined.event_id, joined.station, joined.role) == (EVENT, "REG3", "registrasi")
    db = open_database(new)
    with db.begin() as s:
        st = s.get(StationState, 1)
        assert (st.station, st.event_id) == ("REG3", EVENT)
        assert st.package_key is None  # the key is in this user's key file (issue 12)
        assert keystore.load_key(EVENT) == keys.package_key(PASSPHRASE, EVENT)
        assert s.get(Participant, pid).name == "Siti Aminah"
        assert s.get(Event, EVENT).name == "Bursa Inovasi Desa Kecamatan Gisting"
    assert verify_invariants(db) == []
    with pytest.raises(UserError, match="sudah punya acara"):
        sync_service.join_event(new, path, "REG4", PASSPHRASE, "registrasi")
    # the joined laptop works and its package merges back into the first laptop
    pid2 = str(uuid.uuid4())
    with db.begin() as s:
        s.add(Participant(id=pid2, event_id=EVENT, number="REG3-0001", name="Walk In"))
    back = sync_service.export_package(db, tmp_path / "usb").path
    summary = sync_service.import_packages(a, [back], backup_dir=tmp_path / "bk")
    assert summary.added == 1 and state(a) == state(db)
    db.dispose()


def test_inspect_without_database_needs_the_passphrase(trio, tmp_path):
    a, _b, _c = trio
    path = sync_service.export_package(a, tmp_path / "usb").path
    info = sync_service.inspect_package(None, path, PASSPHRASE)
    assert info.event_id == EVENT and info.station == "REG1"
    with pytest.raises(InputRefused, match="kata sandi"):
        sync_service.inspect_package(None, path, "salah-sekali-ya")
    with pytest.raises(InputRefused, match="kata sandi"):
        sync_service.inspect_package(None, path)


def test_backup_restore_round_trip(db, tmp_path):
    folder = tmp_path / "flashdisk"
    with db.begin() as s:
        settings = sync_service.set_backup_settings(s, folder, 15, keep=3)
    assert settings == sync_service.BackupSettings(folder, 15, 3)
    with db.begin() as s:
        assert sync_service.backup_settings(s) == settings
        assert sync_service.backup_due(s)
    first = sync_service.backup_now(db)
    assert first.parent == folder
    with db.begin() as s:
        assert not sync_service.backup_due(s)
        assert sync_service.backup_due(s, dt.datetime.now() + dt.timedelta(minutes=16))
    copies = [sync_service.backup_now(db, reason="timer") for _ in range(4)]
    listed = sync_service.list_backups(folder)
    assert [b.path for b in listed] == sorted(copies[-3:], reverse=True)  # rotated to keep=3
    assert listed[0].reason == "timer" and listed[0].size > 0
    good = dump(db.path)
    _add_person(db, "Setelah Cadangan", "REG1-0099")
    assert dump(db.path) != good
    db.dispose()
    with pytest.raises(UserError, match="PIN"):
        sync_service.restore(db.path, copies[-1], "000000")
    kept = sync_service.restore(db.path, copies[-1], "123456")
    assert kept is not None and kept.exists()
    reopened = open_database(db.path)
    with reopened.begin() as s:
        assert s.scalar(select(func.count()).select_from(Participant)) == 0
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.at)).all()
        assert actions == ["backup.settings", "backup.restored"]
    reopened.dispose()
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(InputRefused, match="integrity_check"):
        sync_service.restore(db.path, broken, "123456")


def test_backup_settings_refuse_nonsense(db):
    with db.begin() as s, pytest.raises(UserError):
        sync_service.set_backup_settings(s, None, -5)
    with db.begin() as s:
        assert sync_service.backup_settings(s).minutes == sync_service.DEFAULT_BACKUP_MINUTES
        sync_service.set_backup_settings(s, None, 0)
    with db.begin() as s:
        assert not sync_service.backup_due(s)


def test_cli_exit_codes(trio, tmp_path, capsys, monkeypatch):
    a, b, _c = trio
    _add_person(a, "Siti Aminah", "REG1-0001")
    a.dispose()
    b.dispose()
    assert run(["export", "--db", str(a.path), "--out", str(tmp_path / "usb")]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.exists()
    before = dump(b.path)
    assert run(["merge", "--db", str(b.path), "--dry-run", "--lang", "en", str(path)]) == 0
    printed = capsys.readouterr().out
    assert "dry run" in printed and "added 1" in printed and "hard" in printed
    assert "duplicate candidates" in printed and dump(b.path) == before
    bk = tmp_path / "bk"
    assert run(["merge", "--db", str(b.path), "--backup-dir", str(bk), str(path)]) == 0
    assert "digabung: 1 paket; 1 ditambah" in capsys.readouterr().out  # Indonesian by default
    junk = tmp_path / "junk.bidsync"
    junk.write_bytes(b"BIDSYNC1" + b"\x00" * 40)
    middle = dump(b.path)
    assert run(["merge", "--db", str(b.path), str(junk)]) == 3
    err = capsys.readouterr().err.strip()
    assert err.startswith("bid-desktop: junk.bidsync: ") and "\n" not in err
    assert dump(b.path) == middle
    assert run(["check", "--db", str(b.path)]) == 0
    assert run(["backup", "--db", str(b.path), "--out", str(bk)]) == 0
    backup = Path(capsys.readouterr().out.strip().splitlines()[-1])
    monkeypatch.setenv("BID_PIN", "999999")
    assert run(["restore", "--db", str(b.path), str(backup)]) == 3
    monkeypatch.setenv("BID_PIN", "123456")
    assert run(["restore", "--db", str(b.path), str(backup)]) == 0
    monkeypatch.setenv("BID_PASSPHRASE", PASSPHRASE)
    new = tmp_path / "joined.sqlite"
    args = ["event", "join", "--db", str(new), "--package", str(path), "--station", "MKA2"]
    assert run(args) == 0
    assert "stasiun MKA2 (meja)" in capsys.readouterr().out
    monkeypatch.setenv("BID_PASSPHRASE", "bukan-kata-sandinya")
    args[args.index(str(new))] = str(tmp_path / "joined2.sqlite")
    assert run(args) == 3
    # a live row edited behind the history's back: check exits non-zero
    with sqlite3.connect(b.path) as conn:
        conn.execute("UPDATE desa SET name = 'diubah' WHERE rowid = (SELECT MIN(rowid) FROM desa)")
    assert run(["check", "--db", str(b.path)]) == 1
    assert "desa" in capsys.readouterr().err


def test_demo_packages_rebuild_the_district_database(tmp_path, capsys, monkeypatch):
    from tests.sync.helpers import live_rows

    district = tmp_path / "event.sqlite"
    usb = tmp_path / "usb"
    assert run(["demo", "--db", str(district), "--stations", "3", "--packages", str(usb)]) == 0
    packages = sorted(usb.glob("*.bidsync"))
    assert len(packages) == 3
    assert all(p.name.startswith("bursa-inovasi-desa-kecamatan-") for p in packages)
    monkeypatch.setenv("BID_PASSPHRASE", "demo-bursa-inovasi")
    new = tmp_path / "ta.sqlite"
    assert run(["event", "join", "--db", str(new), "--package", str(packages[0]),
                "--station", "TA1"]) == 0  # fmt: skip
    assert run(["merge", "--db", str(new), *map(str, packages)]) == 0
    capsys.readouterr()
    assert run(["check", "--db", str(new)]) == 0
    a, b = open_database(district), open_database(new)
    assert live_rows(a) == live_rows(b)
    a.dispose()
    b.dispose()


def test_backup_of_another_laptop_on_the_same_stick_is_not_restored(trio, tmp_path):
    a, b, _c = trio
    stick = tmp_path / "stick"
    theirs = sync_service.backup_now(a, stick)
    mine = sync_service.backup_now(b, stick)
    listed = {info.path: info for info in sync_service.list_backups(stick)}
    assert (listed[theirs].station, listed[mine].station) == ("REG1", "REG2")
    assert listed[mine].event_id == EVENT
    b.dispose()
    before = dump(b.path)
    with pytest.raises(InputRefused, match="milik stasiun REG1"):
        sync_service.restore(b.path, theirs, "123456")
    assert dump(b.path) == before
    assert sync_service.restore(b.path, mine, "123456") is not None


def test_import_log_reads_back(trio, tmp_path):
    a, b, _c = trio
    path = sync_service.export_package(a, tmp_path / "usb").path
    sync_service.import_packages(b, [path], backup_dir=tmp_path / "bk")
    with b.begin() as s:
        [row] = sync_service.import_log(s)
        assert row.file_name == path.name and isinstance(row.imported_at, dt.datetime)
        assert s.get(StationState, 1).last_backup_at is not None


def test_check_reports_numbers_given_twice(trio, tmp_path):
    a, b, _c = trio
    _add_person(a, "Siti Aminah", "REG1-0001")
    _add_person(b, "Budi Santoso", "REG1-0001")  # a laptop that reused the code REG1
    assert sync_service.check_database(a.path) == []
    sync_service.import_packages(a, [sync_service.export_package(b, tmp_path / "usb").path])
    [problem] = sync_service.check_database(a.path)
    assert problem == "nomor peserta ganda: REG1-0001 ×2"
    with pytest.raises(InputRefused):
        sync_service.check_database(tmp_path / "nope.sqlite")


def test_older_schema_revision_is_upgraded_in_the_staging_copy(trio, tmp_path, monkeypatch):
    a, b, _c = trio
    _add_person(a, "Siti Aminah", "REG1-0001")
    monkeypatch.setattr(pkg, "SCHEMA_REVISION", "0000")
    older = sync_service.export_package(a, tmp_path / "usb").path
    monkeypatch.setattr(pkg, "SCHEMA_REVISION", "0001")
    monkeypatch.setattr("bid_desktop.sync.merge.KNOWN_REVISIONS", ("0000", "0001"))
    upgraded: list[tuple[Path, str]] = []
    monkeypatch.setattr(pkg, "upgrade_staged", lambda path, rev: upgraded.append((path, rev)))
    raw = older.read_bytes()
    summary = sync_service.import_packages(b, [older], backup_dir=tmp_path / "bk")
    assert summary.added == 1 and summary.packages[0].info.schema_revision == "0000"
    [(staged, rev)] = upgraded
    assert rev == "0000" and staged != older and staged.suffix == ".sqlite"
    assert older.read_bytes() == raw  # the USB file itself is only read
