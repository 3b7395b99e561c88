"""Set-based derivation of live rows from the heads of the version graph.

All functions work on a sqlite3 connection inside the caller's transaction and on TEMP tables:

- ``touched(record_id, entity)``: the records to re-derive (filled by the caller);
- ``win(record_id, entity, version_id, vrow, deleted, nheads, clean)``: per touched record
  its winning head (max ``(hlc, station, version_id)``), how many heads it has and whether
  all heads carry the same content (``clean``; identical payload, or all tombstones);
- ``live_before`` / ``live_after``: which touched records had a live row, and its content, to
  count added / updated / deleted.

Clean records are written with one ``INSERT OR REPLACE … SELECT json_extract(…)`` per entity;
records whose heads disagree (few) are left to ``threeway``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from bid_desktop.storage.models import SYNCED_MODELS
from bid_desktop.sync.history import json_object_sql, payload_columns

if TYPE_CHECKING:
    from bid_desktop.storage.db import Database

# Page caches of a merge connection: a province merge must fit a 4 GB laptop (peak RSS of
# ``bid-desktop merge`` ≤ 400 MB, bench/bench_merge.py), so the record-index lookups of the
# target get 96 MiB, the TEMP tables 48 MiB, the scratch copy 16 MiB; the OS file cache
# holds the rest.
MERGE_CACHE_KIB = 96 * 1024
TEMP_CACHE_KIB = 48 * 1024
SCRATCH_CACHE_KIB = 16 * 1024
TEMP_TABLES = ("touched", "heads", "win", "live_before", "live_after")


def _literal(value: object) -> str:
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def column_default(entity: str, column: str) -> str | None:
    """SQL literal used when an older payload lacks a NOT NULL column that has a default."""
    col = SYNCED_MODELS[entity].__table__.columns[column]
    default = getattr(col.default, "arg", None)
    if col.nullable or default is None or callable(default):
        return None
    return _literal(default)


def column_exprs(entity: str, payload: str = "payload") -> list[str]:
    """One SQL expression per payload column (sorted) rebuilding the value from the payload."""
    exprs = []
    for c in payload_columns(entity):
        expr = f"json_extract({payload}, '$.{c}')"
        default = column_default(entity, c)
        exprs.append(f"COALESCE({expr}, {default})" if default is not None else expr)
    return exprs


def derived_json_sql(entity: str, payload: str = "payload") -> str:
    """The json_object the live row will have once derived from ``payload``."""
    pairs = zip(payload_columns(entity), column_exprs(entity, payload), strict=True)
    return "json_object(" + ", ".join(f"'{c}', {e}" for c, e in pairs) + ")"


def create_touched(conn: sqlite3.Connection) -> None:
    drop_temps(conn)
    conn.execute(
        "CREATE TEMP TABLE touched (record_id TEXT PRIMARY KEY, entity TEXT NOT NULL) WITHOUT ROWID"
    )


def drop_temps(conn: sqlite3.Connection) -> None:
    for name in TEMP_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS temp.{name}")


def touched_entities(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT DISTINCT entity FROM touched").fetchall()
    return sorted(r[0] for r in rows if r[0] in SYNCED_MODELS)


def snapshot_live(conn: sqlite3.Connection, table: str, with_content: str | None) -> None:
    """Record which touched records have a live row now (and its content, if asked).

    ``with_content``: None = content for every row; a table name = content only for rows
    also present in that table (after the merge we only need it where one existed before).
    """
    conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
    conn.execute(f"CREATE TEMP TABLE {table} (record_id TEXT PRIMARY KEY, ck TEXT) WITHOUT ROWID")
    for entity in touched_entities(conn):
        content = json_object_sql(entity, "x")
        if with_content is not None:
            content = (
                f"CASE WHEN EXISTS (SELECT 1 FROM {with_content} b WHERE b.record_id = t.record_id)"
                f" THEN {content} END"
            )
        conn.execute(
            f"INSERT INTO {table} SELECT t.record_id, {content} FROM touched t "
            f'JOIN main."{entity}" x ON x.id = t.record_id WHERE t.entity = ?',
            (entity,),
        )


def build_winners(conn: sqlite3.Connection) -> None:
    """Heads of every touched record, then one row per record in ``win``.

    Payloads stay in ``main.version`` (``win.vrow`` is the winner's rowid): sorting a few
    hundred thousand heads with their payloads would dominate a province merge. Only records
    with several heads (few) compare payloads to decide whether they really differ.
    """
    conn.execute("DROP TABLE IF EXISTS temp.heads")
    conn.execute("DROP TABLE IF EXISTS temp.win")
    conn.execute(
        "CREATE TEMP TABLE heads AS SELECT v.rowid AS vrow, v.record_id, v.entity, "
        "v.version_id, v.hlc, v.station, v.deleted FROM touched t "
        "JOIN main.version v ON v.record_id = t.record_id WHERE NOT EXISTS "
        "(SELECT 1 FROM main.version_parent p WHERE p.parent_id = v.version_id)"
    )
    # Winner = max (hlc, station, version_id): one GROUP BY with SQLite's documented bare
    # columns of MAX(); the key pads the station so string order equals tuple order.
    conn.execute(
        "CREATE TEMP TABLE win AS SELECT record_id, entity, version_id, vrow, deleted, "
        "COUNT(*) AS nheads, 1 AS clean, "
        "MAX(hlc || printf('%-16s', station) || version_id) AS rank_key "
        "FROM heads GROUP BY record_id"
    )
    if conn.execute("SELECT 1 FROM win WHERE nheads > 1 LIMIT 1").fetchone():
        conn.execute("CREATE INDEX temp.ix_heads_record ON heads (record_id)")
        conn.execute(
            "UPDATE win SET clean = (SELECT MIN(ck) = MAX(ck) FROM (SELECT CASE WHEN h.deleted "
            "THEN '' ELSE v.payload END AS ck FROM heads h JOIN main.version v "
            "ON v.rowid = h.vrow WHERE h.record_id = win.record_id)) WHERE nheads > 1"
        )
    conn.execute("CREATE INDEX temp.ix_win_entity ON win (entity, clean, deleted)")


def apply_clean(conn: sqlite3.Connection) -> None:
    """Write every touched record whose heads agree: upsert the winner, or delete on a tombstone."""
    for entity in touched_entities(conn):
        conn.execute(
            f'DELETE FROM main."{entity}" WHERE id IN (SELECT record_id FROM win '
            "WHERE entity = ? AND clean AND deleted)",
            (entity,),
        )
        cols = ", ".join(f'"{c}"' for c in payload_columns(entity))
        conn.execute(
            f'INSERT OR REPLACE INTO main."{entity}" (id, {cols}) '
            f"SELECT w.record_id, {', '.join(column_exprs(entity, 'v.payload'))} FROM win w "
            "JOIN main.version v ON v.rowid = w.vrow "
            "WHERE w.entity = ? AND w.clean AND NOT w.deleted",
            (entity,),
        )


def write_row(conn: sqlite3.Connection, entity: str, record_id: str, payload: str | None) -> None:
    """Write one derived row (``payload`` JSON) or remove it (None)."""
    if payload is None:
        conn.execute(f'DELETE FROM main."{entity}" WHERE id = ?', (record_id,))
        return
    cols = ", ".join(f'"{c}"' for c in payload_columns(entity))
    exprs = ", ".join(column_exprs(entity, "?2"))
    conn.execute(
        f'INSERT OR REPLACE INTO main."{entity}" (id, {cols}) SELECT ?1, {exprs}',
        (record_id, payload),
    )


def count_changes(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """entity → {'added', 'updated', 'deleted'} comparing live_before with live_after."""
    rows = conn.execute(
        "SELECT t.entity, "
        "SUM(b.record_id IS NULL AND a.record_id IS NOT NULL), "
        "SUM(b.record_id IS NOT NULL AND a.record_id IS NOT NULL AND a.ck IS NOT b.ck), "
        "SUM(b.record_id IS NOT NULL AND a.record_id IS NULL) "
        "FROM touched t LEFT JOIN live_before b ON b.record_id = t.record_id "
        "LEFT JOIN live_after a ON a.record_id = t.record_id GROUP BY t.entity"
    ).fetchall()
    return {
        entity: {"added": int(a or 0), "updated": int(u or 0), "deleted": int(d or 0)}
        for entity, a, u, d in rows
    }


@contextmanager
def raw_connection(db: Database) -> Iterator[sqlite3.Connection]:
    """The pooled DBAPI connection in autocommit mode: we issue BEGIN/COMMIT ourselves."""
    raw = db.engine.raw_connection()
    try:
        conn = raw.driver_connection
        assert isinstance(conn, sqlite3.Connection)
        previous = conn.isolation_level
        (cache,) = conn.execute("PRAGMA cache_size").fetchone()
        conn.isolation_level = None
        # A province merge touches a few hundred MB of B-tree pages: a larger page cache
        # keeps the record-index lookups in memory (restored afterwards).
        conn.execute(f"PRAGMA main.cache_size = {-MERGE_CACHE_KIB}")
        conn.execute(f"PRAGMA temp.cache_size = {-TEMP_CACHE_KIB}")
        try:
            yield conn
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            conn.execute(f"PRAGMA main.cache_size = {int(cache)}")
            conn.execute(f"PRAGMA temp.cache_size = {int(cache)}")
            conn.isolation_level = previous
    finally:
        raw.close()
