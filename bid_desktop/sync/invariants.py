"""Checks that the live tables are exactly what the version history says (``bid-desktop check``).

Read-only: runs in a transaction that is rolled back. Every check is set-based SQL except the
three-way merge of the few conflicted records.
"""

from __future__ import annotations

import json
import sqlite3

from bid_desktop.storage.db import Database
from bid_desktop.storage.models import SYNCED_MODELS
from bid_desktop.sync import derive, threeway
from bid_desktop.sync.history import json_object_sql
from bid_desktop.sync.validate import HLC_GLOB

_SHOW = 5  # record ids quoted per problem


def verify_invariants(db: Database) -> list[str]:
    """Human-readable problems (empty list = the database is consistent)."""
    with derive.raw_connection(db) as conn:
        conn.execute("BEGIN")
        try:
            derive.create_touched(conn)
            conn.execute("INSERT OR IGNORE INTO touched SELECT record_id, entity FROM main.version")
            derive.build_winners(conn)
            problems = _format_checks(conn)
            for entity in SYNCED_MODELS:
                problems += _entity_checks(conn, entity)
            problems += _conflict_checks(conn)
        finally:
            conn.execute("ROLLBACK")
            derive.drop_temps(conn)
    return problems


def _ids(conn: sqlite3.Connection, sql: str, args: tuple[object, ...] = ()) -> list[str]:
    return [str(r[0]) for r in conn.execute(sql, args).fetchall()]


def _problem(label: str, ids: list[str], total: int) -> list[str]:
    if not total:
        return []
    shown = ", ".join(ids[:_SHOW])
    return [f"{label}: {total} rekaman (mis. {shown})"]


def _count_and_ids(conn: sqlite3.Connection, sql: str, args: tuple[object, ...] = ()) -> list:
    rows = _ids(conn, sql, args)
    return [rows, len(rows)]


def _entity_checks(conn: sqlite3.Connection, entity: str) -> list[str]:
    live = json_object_sql(entity, "x")
    expected = derive.derived_json_sql(entity, "v.payload")
    problems: list[str] = []
    ids, n = _count_and_ids(
        conn,
        f"SELECT w.record_id FROM win w JOIN main.version v ON v.rowid = w.vrow "
        f'LEFT JOIN main."{entity}" x ON x.id = w.record_id '
        "WHERE w.entity = ? AND w.clean AND NOT w.deleted AND "
        f"(x.id IS NULL OR {live} IS NOT {expected})",
        (entity,),
    )
    problems += _problem(f"{entity}: baris hidup berbeda dari versi terakhir", ids, n)
    ids, n = _count_and_ids(
        conn,
        f'SELECT w.record_id FROM win w JOIN main."{entity}" x ON x.id = w.record_id '
        "WHERE w.entity = ? AND w.clean AND w.deleted",
        (entity,),
    )
    problems += _problem(f"{entity}: baris hidup padahal sudah dihapus", ids, n)
    ids, n = _count_and_ids(
        conn,
        f'SELECT x.id FROM main."{entity}" x WHERE NOT EXISTS '
        "(SELECT 1 FROM main.version v WHERE v.record_id = x.id)",
    )
    problems += _problem(f"{entity}: baris hidup tanpa riwayat versi", ids, n)
    return problems


def _format_checks(conn: sqlite3.Connection) -> list[str]:
    problems: list[str] = []
    ids, n = _count_and_ids(
        conn, f"SELECT version_id FROM main.version WHERE NOT (hlc GLOB '{HLC_GLOB}')"
    )
    problems += _problem("versi dengan jam (hlc) tidak sah", ids, n)
    ids, n = _count_and_ids(
        conn,
        "SELECT e.version_id FROM main.version_parent e WHERE NOT EXISTS "
        "(SELECT 1 FROM main.version v WHERE v.version_id = e.version_id)",
    )
    problems += _problem("tautan induk dari versi yang tidak ada", ids, n)
    row = conn.execute(
        "SELECT printf('%018d.%06d', s.hlc_wall, s.hlc_counter), "
        "(SELECT MAX(hlc) FROM main.version) FROM main.station_state s WHERE s.id = 1"
    ).fetchone()
    if row is None:
        problems.append("station_state tidak ada")
    elif row[1] is not None and row[0] < row[1]:
        problems.append(f"jam stasiun {row[0]} di belakang versi terbaru {row[1]}")
    return problems


def _conflict_checks(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT record_id, entity FROM win WHERE NOT clean").fetchall()
    entity_of = dict(rows)
    stored = {
        r[0]: (r[1], json.loads(r[2]), json.loads(r[3]))
        for r in conn.execute("SELECT record_id, kind, fields, head_ids FROM main.conflict")
    }
    problems: list[str] = []
    for record_id, res in sorted(threeway.resolve_records(conn, sorted(entity_of)).items()):
        entity = entity_of[record_id]
        if not _live_matches(conn, entity, record_id, res.payload):
            problems.append(f"{entity} {record_id}: baris hidup berbeda dari hasil gabungan")
        want = (res.kind, res.fields, res.head_ids) if res.fields else None
        if stored.pop(record_id, None) != want:
            problems.append(f"{entity} {record_id}: daftar konflik tidak sesuai")
    for record_id in sorted(stored):
        problems.append(f"konflik tercatat untuk {record_id} padahal tidak ada konflik")
    return problems


def _live_matches(
    conn: sqlite3.Connection, entity: str, record_id: str, payload: dict[str, object] | None
) -> bool:
    live = conn.execute(
        f'SELECT {json_object_sql(entity, "x")} FROM main."{entity}" x WHERE x.id = ?',
        (record_id,),
    ).fetchone()
    if payload is None:
        return live is None
    text = json.dumps(payload, ensure_ascii=False)
    (expected,) = conn.execute(
        f"SELECT {derive.derived_json_sql(entity, '?1')}", (text,)
    ).fetchone()
    return live is not None and live[0] == expected
