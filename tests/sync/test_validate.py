"""Malformed staged files are refused with the file and the check named; nothing changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bid_desktop.services.errors import InputRefused
from bid_desktop.storage.models import Desa
from bid_desktop.sync.merge import export_versions, merge_staged, validate_staged
from tests.sync.helpers import state

TAMPER = {
    "extra table": ("CREATE TABLE evil (x)", "struktur"),
    "trigger": (
        "CREATE TRIGGER t AFTER INSERT ON version BEGIN SELECT 1; END",
        "struktur",
    ),
    "view": ("CREATE VIEW v AS SELECT 1", "struktur"),
    "bad hlc": ("UPDATE version SET hlc = 'kemarin' WHERE rowid = 1", "hlc"),
    "clock in the far future": (
        "UPDATE version SET hlc = '000009999999999999.000000' WHERE rowid = 1",
        "hlc",
    ),
    "bad station": ("UPDATE version SET station = 'reg-1' WHERE rowid = 1", "stasiun"),
    "bad uuid": ("UPDATE version SET record_id = 'x' WHERE rowid = 1", "record_id"),
    "unknown entity": ("UPDATE version SET entity = 'sqlite_master' WHERE rowid = 1", "entitas"),
    "not an object": ("UPDATE version SET payload = '[1]' WHERE rowid = 1", "payload"),
    "not json": ("UPDATE version SET payload = '{' WHERE rowid = 1", "payload"),
    "unknown key": (
        "UPDATE version SET payload = json_set(payload, '$.evil', 1) WHERE rowid = 1",
        "payload",
    ),
    "required null": (
        "UPDATE version SET payload = json_set(payload, '$.name', NULL) "
        "WHERE entity = 'desa' AND rowid = (SELECT MIN(rowid) FROM version WHERE entity='desa')",
        "payload",
    ),
    "huge": (
        "UPDATE version SET payload = json_set(payload, '$.name', hex(zeroblob(200000))) "
        "WHERE rowid = (SELECT MIN(rowid) FROM version WHERE entity = 'desa')",
        "ukuran",
    ),
    "self edge": (
        "INSERT INTO version_parent SELECT version_id, version_id FROM version LIMIT 1",
        "induk",
    ),
    "orphan edge child": (
        "INSERT INTO version_parent VALUES ('01a20670-df78-719d-9dfd-0d2d66131545', "
        "'01a20670-df78-719d-9dfd-0d2d66131546')",
        "induk",
    ),
    "edge back in time (cycle)": (
        "INSERT INTO version_parent SELECT p.parent_id, p.version_id FROM version_parent p LIMIT 1",
        "induk",
    ),
    "two entities": (
        "UPDATE version SET record_id = (SELECT record_id FROM version WHERE entity = 'desa' "
        "LIMIT 1) WHERE rowid = (SELECT MIN(rowid) FROM version WHERE entity = 'event')",
        "record_id",
    ),
}


def _package(db, tmp_path: Path, sql: str) -> Path:
    path = tmp_path / "staged.sqlite"
    export_versions(db, path)
    with sqlite3.connect(path) as conn:
        conn.execute(sql)
    return path


@pytest.mark.parametrize("case", sorted(TAMPER))
def test_malformed_staged_file_is_refused(db, tmp_path, case):
    sql, check = TAMPER[case]
    if "edge back" in case:
        with db.begin() as s:  # give the history an edge to reverse
            s.query(Desa).first().name = "diubah"
    path = _package(db, tmp_path, sql)
    before = state(db)
    with pytest.raises(InputRefused, match=f"^staged.sqlite: {check}: "):
        validate_staged(path, "staged.sqlite")
    with pytest.raises(InputRefused):
        merge_staged(db, [path])
    assert state(db) == before


def test_not_a_database(db, tmp_path):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"PK\x03\x04 not sqlite at all" * 100)
    with pytest.raises(InputRefused, match="^junk.sqlite: berkas: "):
        validate_staged(path, "junk.sqlite")


def test_a_good_file_passes(db, tmp_path):
    path = tmp_path / "ok.sqlite"
    export_versions(db, path)
    validate_staged(path, "ok.sqlite")


def test_same_version_with_different_content_is_refused(db, tmp_path):
    first = tmp_path / "a.sqlite"
    export_versions(db, first)
    second = tmp_path / "b.sqlite"
    export_versions(db, second)
    with sqlite3.connect(second) as conn:
        conn.execute(
            "UPDATE version SET payload = json_set(payload, '$.name', 'palsu') "
            "WHERE rowid = (SELECT MIN(rowid) FROM version WHERE entity = 'desa')"
        )
    before = state(db)
    with pytest.raises(InputRefused, match="^b.sqlite: version_id: "):
        merge_staged(db, [first, second])
    with pytest.raises(InputRefused, match="version_id"):
        merge_staged(db, [second])  # against the versions the target already has
    assert state(db) == before


def test_no_files_is_a_no_op(db):
    before = state(db)
    report = merge_staged(db, [])
    assert report.versions_total == 0 and report.added == 0 and state(db) == before
