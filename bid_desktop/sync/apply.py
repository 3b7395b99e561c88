"""The transactional part of a merge: runs inside ``BEGIN IMMEDIATE`` on staged TEMP tables.

Expects ``scr.sv`` (staged versions, deduplicated) and ``scr.sp`` (staged parent edges); see
``merge.merge_staged``. Everything is set-based SQL except the Python three-way merge of the
few records whose heads disagree.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from bid_desktop.domain.errors import InputRefused, UserError
from bid_desktop.sync import derive, threeway
from bid_desktop.sync.clock import Hlc
from bid_desktop.sync.meaning import REFERENCES
from bid_desktop.sync.validate import VERSION_COLUMNS, edge_checks, rewritten_version_sql

_VCOLS = ", ".join(VERSION_COLUMNS)


@dataclass
class MergeReport:
    versions_total: int = 0
    versions_new: int = 0
    added: int = 0
    updated: int = 0
    deleted: int = 0
    conflicts_hard: int = 0
    conflicts_soft: int = 0
    duplicate_candidates: int = 0
    number_collisions: int = 0  # badge numbers / piagam serials held by two live records
    per_entity: dict[str, dict[str, int]] = field(default_factory=dict)
    dry_run: bool = False


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def _scalar(conn: sqlite3.Connection, sql: str, args: tuple[object, ...] = ()) -> object:
    row = conn.execute(sql, args).fetchone()
    return row[0] if row else None


def _refuse_if(conn: sqlite3.Connection, sql: str, check: str, reason: str) -> None:
    row = conn.execute(sql).fetchone()
    if row is not None:
        raise InputRefused(f"paket: {check}: {reason} ({row[0]})")


def apply_merge(
    conn: sqlite3.Connection, tell: Callable[[int, str], None], *, count_duplicates: bool = True
) -> MergeReport:
    """Union the staged versions into ``main`` and re-derive what they touch; returns counts.

    ``count_duplicates=False`` leaves ``duplicate_candidates`` at 0 (a caller applying many
    files in turn counts once at the end: the count scans every participant of the event).
    """
    if _scalar(conn, "SELECT COUNT(*) FROM main.station_state WHERE id = 1") != 1:
        raise UserError("Basis data ini belum punya stasiun. Buat acara baru atau gabung acara.")
    tell(0, "Membandingkan versi")
    _refuse_if(
        conn,
        rewritten_version_sql("scr.sv"),
        "version_id",
        "versi yang sudah ada berbeda isi",
    )
    conn.execute(
        "CREATE TEMP TABLE newv (version_id TEXT PRIMARY KEY, record_id TEXT, entity TEXT, "
        "hlc TEXT) WITHOUT ROWID"
    )
    conn.execute(
        "INSERT INTO newv SELECT version_id, record_id, entity, hlc FROM scr.sv s WHERE NOT EXISTS "
        "(SELECT 1 FROM main.version v WHERE v.version_id = s.version_id)"
    )
    derive.create_touched(conn)
    conn.execute("INSERT OR IGNORE INTO touched SELECT record_id, entity FROM newv")
    derive.snapshot_live(conn, "live_before", None)
    tell(1, "Menambahkan versi")
    _insert_versions(conn)
    tell(2, "Menurunkan baris hidup")
    derive.build_winners(conn)
    derive.apply_clean(conn)
    hard, soft = _apply_conflicted(conn)
    _check_references(conn)
    derive.snapshot_live(conn, "live_after", "live_before")
    per_entity = derive.count_changes(conn)
    tell(3, "Memajukan jam")
    _receive_clock(conn)
    _receive_numbers(conn)
    return MergeReport(
        versions_total=_count(conn, "scr.sv"),
        versions_new=_count(conn, "temp.newv"),
        added=sum(c["added"] for c in per_entity.values()),
        updated=sum(c["updated"] for c in per_entity.values()),
        deleted=sum(c["deleted"] for c in per_entity.values()),
        conflicts_hard=hard,
        conflicts_soft=soft,
        duplicate_candidates=_duplicates(conn) if count_duplicates else 0,
        number_collisions=_collisions(conn),
        per_entity=per_entity,
    )


def _insert_versions(conn: sqlite3.Connection) -> None:
    conn.execute(
        f"INSERT INTO main.version ({_VCOLS}) SELECT {', '.join('s.' + c for c in VERSION_COLUMNS)} "
        "FROM newv n JOIN scr.sv s ON s.version_id = n.version_id ORDER BY n.version_id"
    )
    conn.execute(
        "INSERT OR IGNORE INTO main.version_parent (version_id, parent_id) "
        "SELECT version_id, parent_id FROM scr.sp"
    )
    _refuse_if(
        conn,
        "SELECT t.record_id FROM touched t JOIN main.version v ON v.record_id = t.record_id "
        "WHERE v.entity <> t.entity LIMIT 1",
        "record_id",
        "rekaman yang sama muncul di dua entitas",
    )
    bad = " OR ".join(f"({c})" for _, c in edge_checks("c", "p"))
    _refuse_if(
        conn,
        "SELECT e.version_id FROM scr.sp e JOIN main.version c ON c.version_id = e.version_id "
        f"JOIN main.version p ON p.version_id = e.parent_id WHERE {bad} LIMIT 1",
        "induk",
        "tautan versi salah arah atau lintas rekaman",
    )
    _refuse_if(
        conn,
        "SELECT e.version_id FROM newv p JOIN main.version_parent e ON e.parent_id = p.version_id "
        f"JOIN main.version c ON c.version_id = e.version_id WHERE {bad} LIMIT 1",
        "induk",
        "tautan versi salah arah atau lintas rekaman",
    )


def _check_references(conn: sqlite3.Connection) -> None:
    """A new or changed row must point at records that exist (law 8; ``meaning.REFERENCES``).

    Only where the merged database knows that kind of record at all: a laptop that joined
    from one station's package may not have the menu or the participant list yet (the demo's
    station files are like that); once they are known, a row naming another one is refused.
    """
    for (entity, column), (target, key) in REFERENCES.items():
        _refuse_if(
            conn,
            f'SELECT t.record_id FROM touched t JOIN main."{entity}" x ON x.id = t.record_id '
            f"WHERE t.entity = '{entity}' AND x.\"{column}\" IS NOT NULL AND NOT EXISTS "
            f'(SELECT 1 FROM main."{target}" r WHERE r."{key}" = x."{column}") '
            f'AND EXISTS (SELECT 1 FROM main."{target}") LIMIT 1',
            "referensi",
            f"{entity}.{column} menunjuk {target} yang tidak ada",
        )


def _apply_conflicted(conn: sqlite3.Connection) -> tuple[int, int]:
    """Three-way merge the records whose heads disagree; rebuild conflict rows of touched ones."""
    rows = conn.execute("SELECT record_id, entity FROM win WHERE NOT clean").fetchall()
    entity_of = dict(rows)
    resolutions = threeway.resolve_records(conn, sorted(entity_of))
    conn.execute("DELETE FROM main.conflict WHERE record_id IN (SELECT record_id FROM touched)")
    counts = {"hard": 0, "soft": 0}
    for record_id in sorted(resolutions):
        res = resolutions[record_id]
        entity = entity_of[record_id]
        payload = None if res.payload is None else json.dumps(res.payload, ensure_ascii=False)
        derive.write_row(conn, entity, record_id, payload)
        if res.fields:
            threeway.write_conflict(conn, record_id, entity, res)
            counts[res.kind] += 1
    return counts["hard"], counts["soft"]


def _receive_clock(conn: sqlite3.Connection) -> None:
    """HLC receive: this laptop's clock moves past every imported clock, never back."""
    newest = _scalar(conn, "SELECT MAX(hlc) FROM scr.sv")
    if not newest:
        return
    seen = Hlc.decode(str(newest))
    wall, counter = conn.execute(
        "SELECT hlc_wall, hlc_counter FROM main.station_state WHERE id = 1"
    ).fetchone()
    mine = Hlc(int(wall), int(counter))
    after = mine.receive(seen)
    if after != mine:
        conn.execute(
            "UPDATE main.station_state SET hlc_wall = ?, hlc_counter = ? WHERE id = 1",
            (after.wall, after.counter),
        )


# (entity, human number column, own-station numbering counter in station_state)
NUMBERS = (("participant", "number", "walkin_seq"), ("piagam", "serial", "piagam_seq"))


def _receive_numbers(conn: sqlite3.Connection) -> None:
    """Numbering continues past every number of this station that came back in a package
    (a laptop restored from an older backup must not hand out a number again)."""
    for entity, column, counter in NUMBERS:
        value = f"json_extract(v.payload, '$.{column}')"
        conn.execute(
            f"UPDATE main.station_state SET {counter} = MAX({counter}, COALESCE(("
            f"SELECT MAX(CAST(substr({value}, length(s.station) + 2) AS INTEGER)) "
            "FROM temp.newv n JOIN main.version v ON v.version_id = n.version_id, "
            f"main.station_state s WHERE s.id = 1 AND v.entity = '{entity}' "
            f"AND {value} GLOB s.station || '-[0-9]*'), 0)) WHERE id = 1"
        )


def _collisions(conn: sqlite3.Connection) -> int:
    """Human numbers that two live records of one event hold, among the touched records."""
    total = 0
    for entity, column, _counter in NUMBERS:
        live = " AND NOT voided" if entity == "participant" else ""
        total += _count(
            conn,
            f"(SELECT 1 FROM main.{entity} WHERE {column} <> ''{live} "
            f"GROUP BY event_id, {column} HAVING COUNT(*) > 1 AND "
            "MAX(id IN (SELECT record_id FROM temp.touched)))",
        )
    return total


def _duplicates(conn: sqlite3.Connection) -> int:
    from bid_desktop.sync.duplicates import count_candidates_conn

    return count_candidates_conn(conn)
