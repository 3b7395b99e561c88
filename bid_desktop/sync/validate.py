"""Validation of a staged version file before anything touches the target database.

A staged file is a plain SQLite file with exactly the tables ``version`` and
``version_parent`` (see ``STAGE_DDL``). Every check is one SQL statement over the whole file
(GLOB patterns, ``json_valid``, ``json_remove`` of the known keys), never a Python loop per
row. A failure raises ``InputRefused("<label>: <check>: <reason>")``.

Parent edges whose parent is unknown are fine (a laptop may hold partial history), but an
edge's child must be in the file, edges never point at themselves, stay inside one record and
go strictly back in time (child clock > parent clock). The last rule also excludes cycles:
an honest laptop's clock has been advanced past every version it has seen (HLC receive), so a
new version is always later than the heads it supersedes.
"""

from __future__ import annotations

import functools
import sqlite3
from pathlib import Path

from bid_desktop.domain.errors import InputRefused
from bid_desktop.storage.models import SYNCED_MODELS
from bid_desktop.storage.paths import sqlite_uri
from bid_desktop.sync.history import payload_columns
from bid_desktop.sync.meaning import payload_case

STAGE_TABLES = ("version", "version_parent")
VERSION_COLUMNS = ("version_id", "entity", "record_id", "hlc", "station", "deleted", "payload")
PARENT_COLUMNS = ("version_id", "parent_id")

STAGE_DDL = (
    "CREATE TABLE {schema}.version (version_id VARCHAR(36) NOT NULL PRIMARY KEY, "
    "entity VARCHAR(40) NOT NULL, record_id VARCHAR(36) NOT NULL, hlc VARCHAR(40) NOT NULL, "
    "station VARCHAR(16) NOT NULL, deleted BOOLEAN NOT NULL, payload TEXT NOT NULL)",
    "CREATE TABLE {schema}.version_parent (version_id VARCHAR(36) NOT NULL, "
    "parent_id VARCHAR(36) NOT NULL, PRIMARY KEY (version_id, parent_id))",
)

_HEX = "[0-9a-f]"
UUID_GLOB = "-".join(_HEX * n for n in (8, 4, 4, 4, 12))
HLC_GLOB = "[0-9]" * 18 + "." + "[0-9]" * 6
# Largest payload accepted: a handover photo travels base64-encoded inside its payload.
MAX_PAYLOAD = 256 * 1024
# Clocks past 2100-01-01 are refused: one broken laptop clock would otherwise drag every
# laptop's clock (HLC receive) into the far future for good. Skews of years still merge.
HLC_MAX = f"{4_102_444_800_000:018d}.999999"
MAX_PHOTO_PAYLOAD = 24 * 1024 * 1024


def _sql_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def uuid_ok(col: str) -> str:
    return f"(typeof({col}) = 'text' AND {col} GLOB '{UUID_GLOB}')"


def hlc_ok(col: str) -> str:
    return f"(typeof({col}) = 'text' AND {col} GLOB '{HLC_GLOB}')"


def station_ok(col: str) -> str:
    return (
        f"(typeof({col}) = 'text' AND length({col}) BETWEEN 2 AND 12 "
        f"AND {col} GLOB '[A-Z]*' AND {col} NOT GLOB '*[^A-Z0-9]*')"
    )


def entities_sql() -> str:
    return ", ".join(_sql_str(e) for e in SYNCED_MODELS)


def unknown_keys_sql(entity: str, payload: str = "payload") -> str:
    """True when the payload has a key that is not a column of the entity."""
    paths = ", ".join(_sql_str(f'$."{c}"') for c in payload_columns(entity))
    return f"json_remove({payload}, {paths}) <> '{{}}'"


def required_columns(entity: str) -> list[str]:
    """Columns that must be present and non-null: NOT NULL without a default."""
    table = SYNCED_MODELS[entity].__table__
    return [
        c.name
        for c in table.columns
        if c.name != "id" and not c.nullable and c.default is None and c.server_default is None
    ]


def _row_checks() -> list[tuple[str, str]]:
    """(check name, SQL condition that is TRUE for a bad row of ``version``)."""
    return [
        ("version_id", f"NOT {uuid_ok('version_id')}"),
        ("record_id", f"NOT {uuid_ok('record_id')}"),
        ("entitas", f"entity NOT IN ({entities_sql()})"),
        ("hlc", f"NOT {hlc_ok('hlc')} OR hlc > '{HLC_MAX}'"),
        ("stasiun", f"NOT {station_ok('station')}"),
        ("deleted", "deleted NOT IN (0, 1) OR typeof(deleted) <> 'integer'"),
        ("payload", "typeof(payload) <> 'text' OR NOT json_valid(payload)"),
        ("payload", "json_type(payload) <> 'object'"),
        (
            "ukuran",
            f"length(payload) > CASE WHEN entity = 'photo' THEN {MAX_PHOTO_PAYLOAD} "
            f"ELSE {MAX_PAYLOAD} END",
        ),
    ]


def _refuse(label: str, check: str, reason: str) -> InputRefused:
    return InputRefused(f"{label}: {check}: {reason}")


def _check_schema(conn: sqlite3.Connection, label: str) -> None:
    objects = conn.execute("SELECT type, name, tbl_name FROM sqlite_master").fetchall()
    for kind, name, table in objects:
        if kind == "table" and name in STAGE_TABLES:
            continue
        if kind == "index" and table in STAGE_TABLES:
            continue
        raise _refuse(label, "struktur", f"objek tak dikenal {kind} '{name}'")
    for table, expected in (("version", VERSION_COLUMNS), ("version_parent", PARENT_COLUMNS)):
        cols = tuple(r[1] for r in conn.execute(f'PRAGMA table_info("{table}")'))
        if not cols:
            raise _refuse(label, "struktur", f"tabel '{table}' tidak ada")
        if sorted(cols) != sorted(expected):
            raise _refuse(label, "struktur", f"kolom tabel '{table}' tidak sesuai: {cols}")


def _first_bad(conn: sqlite3.Connection, sql: str) -> tuple[object, ...] | None:
    row = conn.execute(sql).fetchone()
    return tuple(row) if row is not None else None


@functools.lru_cache(maxsize=64)
def _rows_sql(entities: tuple[str, ...]) -> str:
    """The one scan of ``_check_rows`` for files holding ``entities`` (it is long: built once,
    and only with the payload rules of the entities present)."""
    known = [e for e in SYNCED_MODELS if e in entities]
    payload_cases = " ".join(
        f"WHEN {_sql_str(entity)} THEN ({_payload_conditions(entity)})" for entity in known
    )
    checks = [*_row_checks(), ("payload*", f"CASE entity {payload_cases} END")]
    verdict = " ".join(f"WHEN {bad} THEN {_sql_str(check)}" for check, bad in checks)
    meaning = payload_case(UUID_GLOB, known)
    verdict += f" WHEN ({meaning}) IS NOT NULL THEN 'arti:' || ({meaning})"
    return (
        f"SELECT version_id, entity, CASE {verdict} END AS bad FROM version "
        "WHERE bad IS NOT NULL LIMIT 1"
    )


def _check_rows(conn: sqlite3.Connection, label: str) -> None:
    """All row checks in ONE scan: the first failing check names the row."""
    present = tuple(sorted(str(r[0]) for r in conn.execute("SELECT DISTINCT entity FROM version")))
    row = _first_bad(conn, _rows_sql(present))
    if row is None:
        return
    version_id, entity, check = (str(x)[:60] for x in row)
    if check.startswith("arti:"):
        raise _refuse(label, "isi", f"versi {version_id}: {check[5:]} tidak sah")
    if check == "payload*":
        raise _refuse(
            label,
            "payload",
            f"versi {version_id} ({entity}): kolom tak dikenal atau kolom wajib kosong",
        )
    raise _refuse(label, check, f"versi {version_id!r} tidak sah")


def _payload_conditions(entity: str) -> str:
    conds = [unknown_keys_sql(entity)]
    conds += [
        f"COALESCE(json_type(payload, '$.\"{c}\"'), 'null') IN ('null', 'object', 'array')"
        for c in required_columns(entity)
    ]
    return " OR ".join(conds)


def _check_duplicates(conn: sqlite3.Connection, label: str) -> None:
    row = _first_bad(
        conn,
        "SELECT record_id FROM version GROUP BY record_id HAVING COUNT(DISTINCT entity) > 1 "
        "LIMIT 1",
    )
    if row is not None:
        raise _refuse(label, "record_id", f"rekaman {row[0]} muncul di dua entitas")
    row = _first_bad(
        conn, "SELECT version_id FROM version GROUP BY version_id HAVING COUNT(*) > 1 LIMIT 1"
    )
    if row is not None:
        raise _refuse(label, "version_id", f"versi {row[0]} ganda")


def edge_checks(child: str, parent: str) -> list[tuple[str, str]]:
    """Conditions TRUE for a bad edge between two known versions (aliases child, parent)."""
    return [
        ("induk", f"{parent}.record_id <> {child}.record_id"),
        ("induk", f"{parent}.hlc >= {child}.hlc"),
    ]


def _check_edges(conn: sqlite3.Connection, label: str) -> None:
    bad_format = (
        f"NOT {uuid_ok('version_id')} OR NOT {uuid_ok('parent_id')} OR version_id = parent_id"
    )
    row = _first_bad(conn, f"SELECT version_id FROM version_parent WHERE {bad_format} LIMIT 1")
    if row is not None:
        raise _refuse(label, "induk", f"tautan versi {str(row[0])[:40]!r} tidak sah")
    row = _first_bad(
        conn,
        "SELECT e.version_id FROM version_parent e WHERE NOT EXISTS "
        "(SELECT 1 FROM version c WHERE c.version_id = e.version_id) LIMIT 1",
    )
    if row is not None:
        raise _refuse(label, "induk", f"tautan dari versi {row[0]} yang tidak ada")
    conds = " OR ".join(f"({c})" for _, c in edge_checks("c", "p"))
    row = _first_bad(
        conn,
        "SELECT e.version_id FROM version_parent e JOIN version c ON c.version_id = e.version_id "
        f"JOIN version p ON p.version_id = e.parent_id WHERE {conds} LIMIT 1",
    )
    if row is not None:
        raise _refuse(label, "induk", f"tautan versi {row[0]} salah arah atau lintas rekaman")


def validate_staged(path: Path, label: str) -> None:
    """Refuse a malformed staged file with a one-line reason naming ``label`` and the check."""
    try:
        conn = sqlite3.connect(sqlite_uri(Path(path)), uri=True)
    except sqlite3.Error as exc:
        raise _refuse(label, "berkas", f"bukan basis data SQLite ({exc})") from exc
    try:
        conn.execute("PRAGMA trusted_schema=OFF")
        _check_schema(conn, label)
        _check_rows(conn, label)
        _check_duplicates(conn, label)
        _check_edges(conn, label)
    except sqlite3.DatabaseError as exc:
        raise _refuse(label, "berkas", f"basis data rusak ({exc})") from exc
    finally:
        conn.close()


def rewritten_version_sql(staged: str) -> str:
    """SQL: one version id of ``staged`` (a table of versions) that ``main`` already holds with
    other content — rewritten history, refused by the merge and by the package preview."""
    differs = " OR ".join(f"s.{c} IS NOT v.{c}" for c in VERSION_COLUMNS[1:])
    return (
        f"SELECT s.version_id FROM {staged} s JOIN main.version v "
        f"ON v.version_id = s.version_id WHERE {differs} LIMIT 1"
    )
