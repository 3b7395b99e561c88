"""Version capture: every write of a synced record appends an immutable version.

It happens in one place, an ORM ``after_flush`` hook, so domain code cannot forget. The
payload is the row as SQLite itself renders it (``json_object`` over the sorted columns), so
a merge can rebuild the live row from it with ``json_extract`` and get exactly the same
values back.

A local write supersedes every current head of the record (its parents), so editing a record
that is in conflict resolves the conflict with a version that replicates like any other.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, event, text
from sqlalchemy.orm import Session

from bid_desktop.domain.ids import new_id
from bid_desktop.storage.models import SYNCED_MODELS, Synced
from bid_desktop.sync import clock
from bid_desktop.sync.clock import Hlc

_installed = False


def payload_columns(entity: str) -> list[str]:
    """The synced columns of an entity, sorted: the payload's canonical key order."""
    table = SYNCED_MODELS[entity].__table__
    return sorted(c.name for c in table.columns if c.name != "id")


def json_object_sql(entity: str, alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    args = ", ".join(f"'{c}', {prefix}\"{c}\"" for c in payload_columns(entity))
    return f"json_object({args})"


def install() -> None:
    """Register the capture hook on every ORM session (idempotent)."""
    global _installed
    if not _installed:
        event.listen(Session, "after_flush", _after_flush)
        _installed = True


def _after_flush(session: Session, _flush_context: object) -> None:
    changes: dict[str, dict[str, bool]] = defaultdict(dict)
    for obj in session.new:
        if isinstance(obj, Synced):
            changes[obj.__tablename__][obj.id] = False
    for obj in session.dirty:
        if isinstance(obj, Synced) and session.is_modified(obj, include_collections=False):
            changes[obj.__tablename__][obj.id] = False
    for obj in session.deleted:
        if isinstance(obj, Synced):
            changes[obj.__tablename__][obj.id] = True
    if changes:
        record_versions(session.connection(), changes)


def current_heads(conn: Connection, record_ids: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """record id → [(version id, payload)] of the versions nobody superseded."""
    heads: dict[str, list[tuple[str, str]]] = defaultdict(list)
    ids = list(record_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.exec_driver_sql(
            f"SELECT record_id, version_id, payload, deleted FROM version v "
            f"WHERE record_id IN ({marks}) AND NOT EXISTS "
            f"(SELECT 1 FROM version_parent p WHERE p.parent_id = v.version_id)",
            tuple(chunk),
        )
        for record_id, version_id, payload, deleted in rows:
            heads[record_id].append((version_id, "" if deleted else payload))
    return heads


def _payloads(conn: Connection, entity: str, ids: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.exec_driver_sql(
            f'SELECT id, {json_object_sql(entity)} FROM "{entity}" WHERE id IN ({marks})',
            tuple(chunk),
        )
        out.update(dict(rows.all()))
    return out


class Ticker:
    """Reads this laptop's clock once, hands out strictly increasing values, writes it back."""

    def __init__(self, conn: Connection) -> None:
        row = conn.exec_driver_sql(
            "SELECT station, hlc_wall, hlc_counter FROM station_state WHERE id = 1"
        ).first()
        if row is None:
            raise RuntimeError("this database has no station yet (create or join an event)")
        self.conn = conn
        self.station: str = row[0]
        self.hlc = Hlc(row[1], row[2])

    def next(self) -> str:
        self.hlc = self.hlc.tick(clock.wall_ms())
        return self.hlc.encode()

    def save(self) -> None:
        self.conn.exec_driver_sql(
            "UPDATE station_state SET hlc_wall = ?, hlc_counter = ? WHERE id = 1",
            (self.hlc.wall, self.hlc.counter),
        )


def record_versions(conn: Connection, changes: dict[str, dict[str, bool]]) -> int:
    """Append one version per changed record (no version when nothing really changed)."""
    ticker = Ticker(conn)
    versions: list[tuple[str, str, str, str, str, int, str]] = []
    parents: list[tuple[str, str]] = []
    resolved: list[str] = []
    for entity, records in changes.items():
        ids = list(records)
        payloads = _payloads(conn, entity, ids)
        heads = current_heads(conn, ids)
        for record_id in ids:
            deleted = records[record_id]
            record_heads = heads.get(record_id, [])
            payload = payloads.get(record_id)
            if payload is None:
                deleted = True
                payload = _last_payload(conn, record_heads)
            if len(record_heads) == 1 and record_heads[0][1] == ("" if deleted else payload):
                continue  # same content as the only head: nothing to record
            version_id = new_id()
            versions.append(
                (
                    version_id,
                    entity,
                    record_id,
                    ticker.next(),
                    ticker.station,
                    int(deleted),
                    payload,
                )
            )
            parents.extend((version_id, head_id) for head_id, _ in record_heads)
            if len(record_heads) > 1:
                resolved.append(record_id)
    if versions:
        conn.exec_driver_sql(
            "INSERT INTO version (version_id, entity, record_id, hlc, station, deleted, payload) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            versions,
        )
        if parents:
            conn.exec_driver_sql(
                "INSERT INTO version_parent (version_id, parent_id) VALUES (?, ?)", parents
            )
        if resolved:
            conn.exec_driver_sql(
                f"DELETE FROM conflict WHERE record_id IN ({','.join('?' * len(resolved))})",
                tuple(resolved),
            )
        ticker.save()
    return len(versions)


def _last_payload(conn: Connection, record_heads: list[tuple[str, str]]) -> str:
    if not record_heads:
        return "{}"
    marks = ",".join("?" * len(record_heads))
    row = conn.exec_driver_sql(
        f"SELECT payload FROM version WHERE version_id IN ({marks}) "
        f"ORDER BY hlc DESC, station DESC, version_id DESC LIMIT 1",
        tuple(h for h, _ in record_heads),
    ).first()
    return row[0] if row else "{}"


def pending_export_count(conn: Connection) -> int:
    """Versions written on this laptop since its last export (status bar)."""
    row = conn.exec_driver_sql(
        "SELECT COUNT(*) FROM version, station_state s WHERE s.id = 1 "
        "AND version.station = s.station AND version.hlc > s.exported_hlc"
    ).first()
    return int(row[0]) if row else 0


def history_of(conn: Connection, record_id: str) -> list[dict[str, object]]:
    rows = conn.execute(
        text(
            "SELECT version_id, hlc, station, deleted, payload FROM version "
            "WHERE record_id = :r ORDER BY hlc, station, version_id"
        ),
        {"r": record_id},
    )
    return [
        {
            "version_id": v,
            "hlc": h,
            "station": s,
            "deleted": bool(d),
            "payload": json.loads(p),
        }
        for v, h, s, d, p in rows
    ]
