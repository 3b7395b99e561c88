"""Issue 12, item 11: audit entries are append-only and hash-chained per station with the
hybrid clock; a package that deletes or changes one is refused before it touches the
target; ``check`` reports a changed entry, a gap and a fork."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bid_desktop.cli import run
from bid_desktop.services import audit
from bid_desktop.services import sync as sync_service
from bid_desktop.services.check import check_database
from bid_desktop.services.errors import InputRefused, UserError
from bid_desktop.storage.db import Database
from bid_desktop.sync import audit_chain
from bid_desktop.sync.clock import is_valid_hlc
from tests.conftest import PASSPHRASE, make_event_db

EVENT = "0190f000-0000-7000-8000-0000000a0d17"


@pytest.fixture
def pair(tmp_path: Path):  # type: ignore[no-untyped-def]
    a = make_event_db(tmp_path / "a.sqlite", "REG1", EVENT)
    b = make_event_db(tmp_path / "b.sqlite", "REG2", EVENT)
    yield a, b
    a.dispose()
    b.dispose()


def _write(db: Database, n: int) -> None:
    for i in range(n):
        with db.begin() as s:
            audit.audit(s, "uji.tindakan", reason=f"langkah {i}")


def _rows(db: Database) -> list[tuple]:
    with sqlite3.connect(db.path) as con:
        return con.execute(
            "SELECT station, seq, hlc, prev_hash, hash FROM audit_entry ORDER BY station, seq"
        ).fetchall()


def test_entries_form_a_chain_with_the_hybrid_clock(pair):
    a, _b = pair
    _write(a, 4)
    rows = _rows(a)
    assert [r[1] for r in rows] == [1, 2, 3, 4]
    assert all(is_valid_hlc(r[2]) for r in rows)
    assert [r[2] for r in rows] == sorted(r[2] for r in rows)
    assert [r[3] for r in rows[1:]] == [r[4] for r in rows[:-1]]  # each links to the one before
    assert check_database(a.path) == []


def test_a_package_that_erases_or_changes_audit_entries_is_refused(pair, tmp_path):
    a, b = pair
    _write(a, 3)
    package = sync_service.export_package(a, tmp_path / "usb").path
    staged = tmp_path / "staged.sqlite"
    from bid_desktop.sync import package as pkg

    opened = pkg.open_package(package, tmp_path / "stage", passphrase=PASSPHRASE)
    staged.write_bytes(opened.data_path.read_bytes())
    assert audit_chain.staged_problem(staged) is None
    con = sqlite3.connect(staged)
    con.execute("UPDATE version SET deleted = 1 WHERE entity = 'audit_entry'")
    con.commit()
    assert audit_chain.staged_problem(staged) == "log audit tidak boleh dihapus"
    con.execute("UPDATE version SET deleted = 0 WHERE entity = 'audit_entry'")
    con.execute(
        "UPDATE version SET payload = json_set(payload, '$.reason', 'tidak terjadi') "
        "WHERE entity = 'audit_entry'"
    )
    con.commit()
    con.close()
    assert "hash" in (audit_chain.staged_problem(staged) or "")
    # merged honestly first; then the same entries under other versions: a rewrite
    sync_service.import_packages(b, [package])
    with sqlite3.connect(b.path) as target:
        assert audit_chain.rewrite_problem(target, opened.data_path) is None
        con = sqlite3.connect(opened.data_path)
        con.execute("UPDATE version SET version_id = version_id || 'x'")
        con.commit()
        con.close()
        assert (
            audit_chain.rewrite_problem(target, opened.data_path) == "log audit tidak boleh diubah"
        )
    target.close()


def test_check_reports_a_changed_entry_a_gap_and_a_fork(pair, capsys):
    a, _b = pair
    _write(a, 5)
    a.dispose()
    con = sqlite3.connect(a.path)
    con.execute("UPDATE audit_entry SET reason = 'diubah' WHERE seq = 2")
    con.execute("DELETE FROM audit_entry WHERE seq = 4")
    con.commit()
    con.close()
    problems = check_database(a.path)
    assert any("nomor 2 diubah" in p for p in problems)
    assert any("celah, entri 4–4 hilang" in p for p in problems)
    assert run(["check", "--db", str(a.path)]) == 1
    assert "log audit stasiun REG1" in capsys.readouterr().err


def test_fork_after_a_restore_is_reported():
    entries = []
    prev = ""
    for seq in (1, 2, 2):
        entry = {"id": f"e{len(entries)}", "event_id": EVENT, "station": "REG1", "seq": seq,
                 "hlc": "", "at": "2026-11-25 10:00:00", "action": "x", "entity": "",
                 "record_id": "", "before": "", "after": "", "reason": str(len(entries)),
                 "prev_hash": prev if seq == 2 or not entries else ""}  # fmt: skip
        entry["hash"] = audit_chain.entry_hash(entry)
        if seq == 1:
            prev = entry["hash"]
        entries.append(entry)
    assert any("dua entri bernomor 2" in p for p in audit_chain.verify_entries(entries))


def _forge_edit(db: Database) -> None:
    from bid_desktop.domain.ids import new_id
    from bid_desktop.sync.clock import Hlc

    con = sqlite3.connect(db.path)
    vid, rid, hlc, station, payload = con.execute(
        "SELECT version_id, record_id, hlc, station, payload FROM version "
        "WHERE entity = 'audit_entry' ORDER BY hlc LIMIT 1"
    ).fetchone()
    later = Hlc.decode(con.execute("SELECT MAX(hlc) FROM version").fetchone()[0])
    new = new_id()
    con.execute(
        "INSERT INTO version (version_id, entity, record_id, hlc, station, deleted, payload) "
        "VALUES (?, 'audit_entry', ?, ?, ?, 0, json_set(?, '$.reason', 'tidak terjadi'))",
        (new, rid, Hlc(later.wall, later.counter + 1).encode(), station, payload),
    )
    con.execute("INSERT INTO version_parent (version_id, parent_id) VALUES (?, ?)", (new, vid))
    con.commit()
    con.close()


def test_merge_refuses_a_package_rewriting_an_entry(pair, tmp_path):
    """End to end: B holds A's audit entries; a package carrying one of them under a new
    version (a forger with the key) is refused and B is unchanged."""
    a, b = pair
    _write(a, 2)
    package = sync_service.export_package(a, tmp_path / "usb").path
    sync_service.import_packages(b, [package])
    with pytest.raises(UserError, match="Log audit"), a.begin() as s:  # refused locally
        s.scalars(audit.select(audit.AuditEntry)).first().reason = "tidak pernah terjadi"
    _forge_edit(a)  # a laptop whose database was edited by hand: a new version of one entry
    forged = sync_service.export_package(a, tmp_path / "usb2").path
    with pytest.raises(InputRefused, match="log audit"):
        sync_service.import_packages(b, [forged])


def test_merge_reports_a_gap_in_a_station_chain(pair, tmp_path):
    """A relay that lost one of REG1's entries: the merged chain has a gap, reported."""
    a, b = pair
    _write(a, 4)
    package = sync_service.export_package(a, tmp_path / "usb").path
    from bid_desktop.sync import package as pkg

    opened = pkg.open_package(package, tmp_path / "stage", passphrase=PASSPHRASE)
    con = sqlite3.connect(opened.data_path)
    third = con.execute(
        "SELECT record_id FROM version WHERE entity = 'audit_entry' "
        "AND json_extract(payload, '$.seq') = 3"
    ).fetchone()[0]
    con.close()
    summary = sync_service.import_packages(b, [package])
    assert summary.audit_problems == []
    with sqlite3.connect(b.path) as con:  # as if the relay never had entry 3
        con.execute("DELETE FROM audit_entry WHERE id = ?", (third,))
    con.close()
    _write(a, 1)
    again = sync_service.export_package(a, tmp_path / "usb2").path
    b.dispose()
    summary = sync_service.import_packages(b, [again])
    assert any("celah, entri 3–3 hilang" in p for p in summary.audit_problems)
