"""Version capture: every write of a synced record appends an immutable version.

It happens in one place, an ORM ``after_flush`` hook, so domain code cannot forget. The
payload is the row as SQLite itself renders it (``json_object`` over the sorted columns), so
a merge can rebuild the live row from it with ``json_extract`` and get exactly the same
values back.

A local write supersedes every current head of the record (its parents), so editing a record
in a soft conflict merges it with a version that replicates like any other; a hard conflict is
closed only by an explicit resolution or an edit of the disputed field (``record_versions``).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Collection, Iterable

from sqlalchemy import Connection, event, text
from sqlalchemy.orm import Session

from bid_desktop.domain.ids import new_id
from bid_desktop.storage.models import SYNCED_MODELS, Synced
from bid_desktop.sync import clock, threeway
from bid_desktop.sync.clock import Hlc

_installed = False
# session.info key: record ids whose next write is an explicit conflict resolution
RESOLVING = "bid_resolving"


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
        resolving = session.info.get(RESOLVING, ())
        record_versions(session.connection(), changes, resolving)


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


def record_versions(
    conn: Connection, changes: dict[str, dict[str, bool]], resolving: Collection[str] = ()
) -> int:
    """Append one version per changed record (no version when nothing really changed).

    A write supersedes every current head (its parents), except an ordinary edit of a record
    in a *hard* conflict that leaves the disputed fields alone: only an explicit resolution
    (``resolving``) or an edit of a disputed field itself decides a hard conflict, so such an
    edit is applied to each head separately (one version per head) and the conflict stays.
    """
    ticker = Ticker(conn)
    batch = _Batch()
    for entity, records in changes.items():
        ids = list(records)
        payloads = _payloads(conn, entity, ids)
        heads = current_heads(conn, ids)
        disputed = _disputed(
            conn, [r for r in ids if len(heads.get(r, [])) > 1 and r not in resolving]
        )
        for record_id in ids:
            deleted = records[record_id]
            record_heads = heads.get(record_id, [])
            payload = payloads.get(record_id)
            if payload is None:
                deleted = True
                payload = _last_payload(conn, record_heads)
            if (
                not deleted
                and record_id in disputed
                and _edit_each_head(ticker, batch, entity, record_id, payload, disputed[record_id])
            ):
                continue
            if len(record_heads) == 1 and record_heads[0][1] == ("" if deleted else payload):
                continue  # same content as the only head: nothing to record
            version_id = new_id()
            batch.versions.append(
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
            batch.parents.extend((version_id, head_id) for head_id, _ in record_heads)
            if len(record_heads) > 1:
                batch.closed.append(record_id)
    if batch.versions:
        batch.write(conn)
        ticker.save()
    return len(batch.versions)


class _Batch:
    def __init__(self) -> None:
        self.versions: list[tuple[str, str, str, str, str, int, str]] = []
        self.parents: list[tuple[str, str]] = []
        self.closed: list[str] = []
        self.kept: dict[str, str] = {}  # record id → entity: hard conflicts that stay open

    def write(self, conn: Connection) -> None:
        conn.exec_driver_sql(
            "INSERT INTO version (version_id, entity, record_id, hlc, station, deleted, payload) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            self.versions,
        )
        if self.parents:
            conn.exec_driver_sql(
                "INSERT INTO version_parent (version_id, parent_id) VALUES (?, ?)", self.parents
            )
        if self.closed:
            conn.exec_driver_sql(
                f"DELETE FROM conflict WHERE record_id IN ({','.join('?' * len(self.closed))})",
                tuple(self.closed),
            )
        if self.kept:
            raw = _dbapi(conn)
            for record_id, res in threeway.resolve_records(raw, sorted(self.kept)).items():
                threeway.write_conflict(raw, record_id, self.kept[record_id], res)


def _dbapi(conn: Connection) -> sqlite3.Connection:
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def _disputed(
    conn: Connection, record_ids: list[str]
) -> dict[str, tuple[threeway.Resolution, list[threeway.Ver]]]:
    """record → (its merge, its living heads) for the records in a hard conflict."""
    if not record_ids:
        return {}
    out = {}
    raw = _dbapi(conn)
    for record_id, (heads, graph) in threeway.graphs(raw, record_ids).items():
        res = threeway.resolve(heads, graph)
        if res.hard_fields and res.payload is not None:
            out[record_id] = (res, [h for h in heads if not h.deleted])
    return out


def _edit_each_head(
    ticker: Ticker,
    batch: _Batch,
    entity: str,
    record_id: str,
    payload: str,
    disputed: tuple[threeway.Resolution, list[threeway.Ver]],
) -> bool:
    """Apply an edit that leaves the disputed fields alone to every living head; False when
    it touches a disputed field (then it decides the conflict like any merge of the heads)."""
    res, heads = disputed
    assert res.payload is not None
    new = json.loads(payload)
    delta = {k: v for k, v in new.items() if k not in res.payload or res.payload[k] != v}
    if set(delta) & set(res.hard_fields):
        return False
    if delta:
        columns = payload_columns(entity)
        for head in sorted(heads, key=lambda h: h.rank):  # the best head stays the best
            merged = {**head.payload, **delta}
            text_ = json.dumps(
                {c: merged.get(c) for c in columns if c in merged},
                ensure_ascii=False,
                separators=(",", ":"),
            )
            version_id = new_id()
            batch.versions.append(
                (version_id, entity, record_id, ticker.next(), ticker.station, 0, text_)
            )
            batch.parents.append((version_id, head.version_id))
        batch.kept[record_id] = entity
    return True


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
