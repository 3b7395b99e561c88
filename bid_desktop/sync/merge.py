"""The merge engine: union of version sets, live rows derived from the heads (sync.md).

``export_versions`` writes every version this laptop knows to a plain SQLite file (relay-safe:
original clock and station kept). ``merge_staged`` merges such files (already copied out of
the package into a temporary place, never the USB file itself) in ONE transaction:

1. each file is validated (``validate.validate_staged``) and copied into a private scratch
   file with ``ATTACH`` + ``INSERT OR IGNORE … SELECT`` (ATTACH is not allowed inside a
   transaction, so the staging copy happens first; the scratch file is not the target);
2. ``BEGIN IMMEDIATE``; versions and parent edges not yet known are inserted;
3. the touched records' live rows are re-derived from their heads (``derive``, set-based per
   entity; ``threeway`` in Python only for the few records whose heads disagree) and their
   conflict rows rebuilt;
4. this laptop's clock is advanced past every imported clock (HLC receive).

The live state is a pure function of the version set: a merge never creates versions, so
merging the same files in any order, twice, or relayed gives the same database.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from bid_desktop.domain.errors import InputRefused, UserError
from bid_desktop.storage.db import Database
from bid_desktop.sync import derive
from bid_desktop.sync.apply import MergeReport, apply_merge
from bid_desktop.sync.derive import raw_connection
from bid_desktop.sync.invariants import verify_invariants
from bid_desktop.sync.staging import staging_dir
from bid_desktop.sync.validate import STAGE_DDL, STAGE_TABLES, VERSION_COLUMNS, validate_staged

__all__ = [
    "SCHEMA_REVISION",
    "STAGE_TABLES",
    "MergeReport",
    "export_versions",
    "merge_staged",
    "upgrade_staged",
    "validate_staged",
    "verify_invariants",
]

# The alembic head this build writes and reads (tests check it matches migrations/).
SCHEMA_REVISION = "0005"
# Revisions this build can read, oldest first; a package from a later one is refused.
# 0002 (TA events) and 0003 (documents) added local tables, columns and indexes; 0004
# the audit chain columns: an older package needs no step (the derivation fills defaults);
# 0005 only an index.
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005")

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
_VCOLS = ", ".join(VERSION_COLUMNS)


def revision_problem(revision: str) -> str | None:
    """Why a package of schema ``revision`` cannot be read here (None: it can).

    Revision ids sort in the order they were made: one older than every revision this build
    can still upgrade is *too old*, any other unknown one is *newer*."""
    if revision in KNOWN_REVISIONS:
        return None
    if revision < KNOWN_REVISIONS[0]:
        return (
            f"paket dari revisi '{revision}' yang terlalu lama untuk aplikasi ini; ekspor ulang "
            "paket itu dengan aplikasi versi sekarang"
        )
    return f"paket dari revisi '{revision}' yang lebih baru; perbarui aplikasi di laptop ini dulu"


def upgrade_staged(path: Path, from_revision: str) -> None:
    """Bring a staged file written by an older schema revision up to ``SCHEMA_REVISION``.

    Identity for now: ``0001`` is the only revision. A later revision adds its steps here
    (rewriting staged payloads is fine: the staged file is a private temp copy). Missing
    payload keys need no step: the derivation fills column defaults. A revision this build
    cannot read (``revision_problem``) is refused.
    """
    problem = revision_problem(from_revision)
    if problem is not None:
        raise InputRefused(f"{Path(path).name}: revisi skema: {problem}")


def export_versions(db: Database, out_path: Path) -> dict[str, int | str]:
    """Every version this database knows (own and imported) to a new plain SQLite file."""

    def fill(conn: sqlite3.Connection) -> None:
        conn.execute(
            f"INSERT INTO xout.version ({_VCOLS}) SELECT {_VCOLS} FROM main.version "
            "ORDER BY version_id"
        )
        conn.execute(
            "INSERT INTO xout.version_parent (version_id, parent_id) "
            "SELECT version_id, parent_id FROM main.version_parent ORDER BY 1, 2"
        )

    with raw_connection(db) as conn:
        return write_staged(conn, Path(out_path), fill)


def write_staged(
    conn: sqlite3.Connection, out_path: Path, fill: Callable[[sqlite3.Connection], None]
) -> dict[str, int | str]:
    """A new plain staged file at ``out_path`` (what a package carries), attached to ``conn``
    as ``xout`` with the staging tables and filled by ``fill(conn)``; returns its counts."""
    out_path.unlink(missing_ok=True)
    conn.execute("ATTACH DATABASE ? AS xout", (str(out_path),))
    try:
        conn.execute("PRAGMA xout.journal_mode=OFF")
        conn.execute("PRAGMA xout.synchronous=OFF")
        conn.execute("BEGIN")
        for ddl in STAGE_DDL:
            conn.execute(ddl.format(schema="xout"))
        fill(conn)
        counts = _export_counts(conn)
        conn.execute("COMMIT")
        return counts
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.execute("DETACH DATABASE xout")


def _export_counts(conn: sqlite3.Connection) -> dict[str, int | str]:
    n, lo, hi = conn.execute("SELECT COUNT(*), MIN(hlc), MAX(hlc) FROM xout.version").fetchone()
    (m,) = conn.execute("SELECT COUNT(*) FROM xout.version_parent").fetchone()
    return {"version": n, "version_parent": m, "min_hlc": lo or "", "max_hlc": hi or ""}


def merge_staged(
    db: Database,
    staged: list[Path],
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> MergeReport:
    """Merge staged version files into ``db`` in one transaction (see module docstring)."""
    paths = [Path(p) for p in staged]
    steps = 2 * len(paths) + 4
    tell = _progress_fn(progress, steps)
    stop = cancelled or (lambda: False)
    for i, path in enumerate(paths):
        tell(i, f"Memeriksa {path.name}")
        validate_staged(path, path.name)
        _check_cancel(stop)
    with raw_connection(db) as conn, staging_dir(db.path, "bid-merge-") as scratch:
        try:
            _stage_all(conn, Path(scratch) / "staged.sqlite", paths, tell, stop)
            conn.execute("BEGIN IMMEDIATE")
            report = apply_merge(conn, lambda step, msg: tell(2 * len(paths) + step, msg))
            report.dry_run = dry_run
            _check_cancel(stop)
            conn.execute("ROLLBACK" if dry_run else "COMMIT")
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            _drop_stage(conn)
    tell(steps, "Selesai")
    return report


def _progress_fn(progress: Progress | None, total: int) -> Callable[[int, str], None]:
    def tell(done: int, message: str) -> None:
        if progress is not None:
            progress(done, total, message)

    return tell


def _check_cancel(stop: Cancelled) -> None:
    if stop():
        raise UserError("Dibatalkan")


def _drop_stage(conn: sqlite3.Connection) -> None:
    conn.execute("DROP TABLE IF EXISTS temp.newv")
    derive.drop_temps(conn)
    if any(row[1] == "scr" for row in conn.execute("PRAGMA database_list")):
        conn.execute("DETACH DATABASE scr")


def open_scratch(conn: sqlite3.Connection, scratch: Path) -> None:
    """Attach the scratch file as ``scr`` with empty ``sv`` (versions) and ``sp`` (parents)."""
    conn.execute("ATTACH DATABASE ? AS scr", (str(scratch),))
    conn.execute("PRAGMA scr.journal_mode=OFF")
    conn.execute("PRAGMA scr.synchronous=OFF")
    conn.execute(f"PRAGMA scr.cache_size = {-derive.SCRATCH_CACHE_KIB}")
    conn.execute(
        "CREATE TABLE scr.sv (version_id TEXT PRIMARY KEY, entity TEXT, record_id TEXT, "
        "hlc TEXT, station TEXT, deleted INTEGER, payload TEXT)"
    )
    conn.execute(
        "CREATE TABLE scr.sp (version_id TEXT, parent_id TEXT, PRIMARY KEY (version_id, "
        "parent_id)) WITHOUT ROWID"
    )


def _stage_all(
    conn: sqlite3.Connection,
    scratch: Path,
    paths: list[Path],
    tell: Callable[[int, str], None],
    stop: Cancelled,
) -> None:
    """Copy every staged file into ``scr.sv`` / ``scr.sp`` (deduplicated).

    ``scr`` is a private scratch file (no journal, no fsync) rather than TEMP tables: it is
    thrown away whole afterwards instead of freeing hundreds of MB page by page.
    """
    _drop_stage(conn)
    open_scratch(conn, scratch)
    for i, path in enumerate(paths):
        tell(len(paths) + i, f"Menyiapkan {path.name}")
        conn.execute("ATTACH DATABASE ? AS stg", (str(path),))
        try:
            _stage_one(conn, path.name)
        finally:
            conn.execute("DETACH DATABASE stg")
        _check_cancel(stop)


def _differs(a: str, b: str) -> str:
    return " OR ".join(f"{a}.{c} IS NOT {b}.{c}" for c in VERSION_COLUMNS[1:])


def _stage_one(conn: sqlite3.Connection, label: str) -> None:
    clash = conn.execute(
        "SELECT s.version_id FROM stg.version s JOIN scr.sv t ON t.version_id = s.version_id "
        f"WHERE {_differs('s', 't')} LIMIT 1"
    ).fetchone()
    if clash is not None:
        raise InputRefused(f"{label}: version_id: versi {clash[0]} berbeda isi antar paket")
    conn.execute(
        f"INSERT OR IGNORE INTO scr.sv ({_VCOLS}) SELECT {_VCOLS} FROM stg.version "
        "ORDER BY version_id"
    )
    conn.execute(
        "INSERT OR IGNORE INTO scr.sp (version_id, parent_id) "
        "SELECT version_id, parent_id FROM stg.version_parent"
    )
