"""Revision 0003 (documents) on a database from revision 0001 with data: the new columns get
their defaults, and the versions captured before them get the same keys, so the live rows
still derive exactly from the history (the sync invariants hold) and merges keep working."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from alembic import command

from bid_desktop.storage.db import alembic_config, make_engine, open_database
from bid_desktop.sync.invariants import verify_invariants
from tests.conftest import make_event_db


def _as_revision_0001(path: Path) -> None:
    """Rewrite a head database into what 0001 wrote: columns and payload keys gone."""
    engine = make_engine(path)
    cfg = alembic_config(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        for entity, keys in (
            ("participant", ("confirmation", "confirmed_by", "confirmed_at")),
            ("piagam_print", ("listed",)),
        ):
            paths = ", ".join(f"'$.{k}'" for k in keys)
            conn.execute(
                f"UPDATE version SET payload = json_remove(payload, {paths}) WHERE entity = ?",
                (entity,),
            )


def test_upgrade_from_0001_keeps_history_and_rows_in_step(tmp_path: Path):
    from tests.registration_data import add_invitees

    path = tmp_path / "old.sqlite"
    db = make_event_db(path)
    add_invitees(db)
    db.dispose()
    _as_revision_0001(path)
    with sqlite3.connect(path) as conn:
        payload = json.loads(
            conn.execute("SELECT payload FROM version WHERE entity = 'participant'").fetchone()[0]
        )
        assert "confirmation" not in payload
    db = open_database(path)  # migrates to head
    try:
        assert verify_invariants(db) == []
        with sqlite3.connect(path) as conn:
            rows = conn.execute("SELECT DISTINCT confirmation FROM participant").fetchall()
            assert rows == [("belum",)]
            payload = json.loads(
                conn.execute("SELECT payload FROM version WHERE entity = 'participant'").fetchone()[
                    0
                ]
            )
            assert (payload["confirmation"], payload["confirmed_by"]) == ("belum", "")
            assert "confirmed_at" in payload and payload["confirmed_at"] is None
    finally:
        db.dispose()
