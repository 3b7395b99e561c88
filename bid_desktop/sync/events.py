"""Versions per event: a TA database holds many events, a package carries exactly one.

``version_events`` tells which event each version belongs to (the ``event`` record is its own
event; every other synced record carries ``event_id`` in its payload; the few audit entries
without an event belong to the laptop's own event). ``export_event_versions`` writes one plain
staged file per event in ONE pass over the history (a province TA exports 200 events), each
file shaped like ``merge.export_versions`` — every version of the event with its original
clock and station, so a package of a TA database relays the stations' provenance.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bid_desktop.storage.db import Database
from bid_desktop.sync.derive import raw_connection
from bid_desktop.sync.merge import write_staged
from bid_desktop.sync.validate import VERSION_COLUMNS

_VCOLS = ", ".join(VERSION_COLUMNS)


def _map_events(conn: sqlite3.Connection, own_event: str) -> None:
    """``temp.vev``: version id → event id, one pass over the history."""
    conn.execute("DROP TABLE IF EXISTS temp.vev")
    conn.execute(
        "CREATE TEMP TABLE vev AS SELECT version_id, CASE WHEN entity = 'event' THEN record_id "
        "ELSE COALESCE(json_extract(payload, '$.event_id'), ?) END AS event_id "
        "FROM main.version",
        (own_event,),
    )
    conn.execute("CREATE INDEX temp.ix_vev_event ON vev (event_id, version_id)")


def _write_one(conn: sqlite3.Connection, event_id: str, out_path: Path) -> dict[str, int | str]:
    def fill(out: sqlite3.Connection) -> None:
        out.execute(
            f"INSERT INTO xout.version ({_VCOLS}) SELECT {', '.join('v.' + c for c in VERSION_COLUMNS)} "
            "FROM temp.vev e JOIN main.version v ON v.version_id = e.version_id "
            "WHERE e.event_id = ? ORDER BY v.version_id",
            (event_id,),
        )
        out.execute(
            "INSERT INTO xout.version_parent (version_id, parent_id) "
            "SELECT p.version_id, p.parent_id FROM main.version_parent p "
            "JOIN xout.version x ON x.version_id = p.version_id ORDER BY 1, 2"
        )

    return write_staged(conn, out_path, fill)


def export_event_versions(
    db: Database, targets: dict[str, Path], own_event: str
) -> dict[str, dict[str, int | str]]:
    """One staged file per event id in ``targets`` (event id → file); counts per event."""
    with raw_connection(db) as conn:
        try:
            _map_events(conn, own_event)
            return {eid: _write_one(conn, eid, Path(path)) for eid, path in targets.items()}
        finally:
            conn.execute("DROP TABLE IF EXISTS temp.vev")


def held_events(conn: sqlite3.Connection) -> list[str]:
    """Every event whose record this database holds (live), oldest date first."""
    return [str(r[0]) for r in conn.execute("SELECT id FROM main.event ORDER BY date, name, id")]
