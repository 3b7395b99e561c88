"""Every write of a synced record leaves a version; the clock never goes backwards."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from bid_desktop.storage.db import open_database
from bid_desktop.storage.models import Desa, Participant, StationState
from bid_desktop.sync import clock
from bid_desktop.sync.history import history_of
from tests.conftest import make_event_db


def _versions(db) -> int:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT COUNT(*) FROM version").scalar_one()


def test_every_write_leaves_a_version(db):
    before = _versions(db)
    with db.begin() as s:
        desa = s.scalars(select(Desa).order_by(Desa.code)).first()
        s.add(Participant(id="p-1", event_id=desa.event_id, number="REG1-0001", name="Siti"))
        desa.name = "Banjar Manis Baru"
        desa_id = desa.id
    assert _versions(db) == before + 2
    with db.engine.connect() as conn:
        hist = history_of(conn, desa_id)
    assert [h["payload"]["name"] for h in hist] == ["Banjar Manis", "Banjar Manis Baru"]
    # a no-op write records nothing
    with db.begin() as s:
        s.get(Desa, desa_id).name = "Banjar Manis Baru"
    assert _versions(db) == before + 2
    # a delete is a tombstone, the earlier versions stay
    with db.begin() as s:
        s.delete(s.get(Participant, "p-1"))
    with db.engine.connect() as conn:
        hist = history_of(conn, "p-1")
    assert [h["deleted"] for h in hist] == [False, True]
    assert hist[1]["payload"]["name"] == "Siti"


def test_versions_chain_to_their_parent(db):
    with db.begin() as s:
        desa = s.scalars(select(Desa)).first()
        desa.name = "X"
        rid = desa.id
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT v.version_id, p.parent_id FROM version v LEFT JOIN version_parent p "
            "USING (version_id) WHERE record_id = ? ORDER BY hlc",
            (rid,),
        ).all()
    assert rows[0][1] is None and rows[1][1] == rows[0][0]


def test_clock_never_goes_back_across_restarts(tmp_path: Path, monkeypatch):
    path = tmp_path / "c.sqlite"
    db = make_event_db(path)
    with db.engine.connect() as conn:
        last = conn.exec_driver_sql("SELECT MAX(hlc) FROM version").scalar_one()
    db.dispose()
    # the laptop restarts with a dead CMOS battery: wall clock years in the past
    monkeypatch.setattr(clock, "wall_ms", lambda: 946684800000)  # 2000-01-01
    db = open_database(path)
    with db.begin() as s:
        s.scalars(select(Desa)).first().name = "after restart"
    with db.engine.connect() as conn:
        newest = conn.exec_driver_sql("SELECT MAX(hlc) FROM version").scalar_one()
        hlcs = [r[0] for r in conn.exec_driver_sql("SELECT hlc FROM version ORDER BY rowid")]
    assert newest > last
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)
    with db.begin() as s:
        assert s.get(StationState, 1).hlc_wall >= clock.Hlc.decode(last).wall


def test_payload_is_the_row_as_sqlite_renders_it(db):
    with db.engine.connect() as conn:
        payload = conn.exec_driver_sql(
            "SELECT payload FROM version WHERE entity = 'event'"
        ).scalar_one()
    data = json.loads(payload)
    assert list(data) == sorted(data)
    assert data["date"] == "2026-11-25"
