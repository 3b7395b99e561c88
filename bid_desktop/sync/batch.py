"""Merge several staged files in ONE transaction with figures per file.

``merge.merge_staged`` unions all files at once and reports totals. The Sinkronisasi tab and
``bid-desktop merge`` show what each package brought, so here the files are applied one after
the other (``apply.apply_merge`` per file) inside a single ``BEGIN IMMEDIATE``: the live
state is a pure function of the version set (merge laws), so the end result equals
``merge_staged`` of the same files, and a refusal or cancel anywhere rolls everything back.

Staging: every file is copied first (ATTACH is not allowed inside a transaction) into a
private scratch file, tagged with its position; versions that two files carry with different
content are refused before the transaction starts.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bid_desktop.services.errors import InputRefused, UserError
from bid_desktop.storage.db import Database
from bid_desktop.sync import derive
from bid_desktop.sync.apply import MergeReport, apply_merge
from bid_desktop.sync.derive import raw_connection
from bid_desktop.sync.validate import VERSION_COLUMNS

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
Hook = Callable[[sqlite3.Connection], None]

_VCOLS = ", ".join(VERSION_COLUMNS)
_APPLY_STEPS = 4  # apply_merge reports steps 0..3


@dataclass
class BatchResult:
    reports: list[MergeReport]
    conflicts_hard: int  # distinct records touched by the run in conflict afterwards
    conflicts_soft: int
    duplicate_candidates: int


def merge_each(
    db: Database,
    staged: list[tuple[Path, str]],
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    prepare: Hook | None = None,
    finish: Callable[[sqlite3.Connection, list[MergeReport]], None] | None = None,
) -> BatchResult:
    """Apply ``(staged file, label)`` pairs in order inside one transaction.

    The files must have passed ``validate.validate_staged``. ``prepare(conn)`` runs first
    inside the transaction (``scr.pv`` holds every staged version with its file position
    ``pkg``), ``finish(conn, reports)`` last; both may raise to roll back. A dry run rolls
    back at the end. ``cancelled()`` is polled between files (``UserError("Dibatalkan")``).
    """
    n = len(staged)
    total = n + n * _APPLY_STEPS + 2
    stop = cancelled or (lambda: False)

    def tell(done: int, message: str) -> None:
        if progress is not None:
            progress(min(done, total), total, message)

    def check_cancel() -> None:
        if stop():
            raise UserError("Dibatalkan")

    with raw_connection(db) as conn, tempfile.TemporaryDirectory(prefix="bid-batch-") as scratch:
        try:
            _stage(conn, Path(scratch) / "batch.sqlite", staged, tell, check_cancel)
            conn.execute("BEGIN IMMEDIATE")
            if prepare is not None:
                prepare(conn)
            conn.execute("DROP TABLE IF EXISTS temp.run_touched")
            conn.execute("CREATE TEMP TABLE run_touched (record_id TEXT PRIMARY KEY) WITHOUT ROWID")
            reports: list[MergeReport] = []
            for i, (_path, label) in enumerate(staged):
                base = n + i * _APPLY_STEPS
                tell(base, f"Menggabungkan {label}")
                reports.append(_apply_one(conn, i, label, lambda s, m, b=base: tell(b + s, m)))
                check_cancel()
            hard, soft = _run_conflicts(conn)
            dups = reports[-1].duplicate_candidates if reports else 0
            if finish is not None:
                finish(conn, reports)
            check_cancel()
            conn.execute("ROLLBACK" if dry_run else "COMMIT")
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            conn.execute("DROP TABLE IF EXISTS temp.run_touched")
            _drop(conn)
    tell(total, "Selesai")
    for report in reports:
        report.dry_run = dry_run
    return BatchResult(reports, hard, soft, dups)


def _drop(conn: sqlite3.Connection) -> None:
    conn.execute("DROP TABLE IF EXISTS temp.newv")
    derive.drop_temps(conn)
    if any(row[1] == "scr" for row in conn.execute("PRAGMA database_list")):
        conn.execute("DETACH DATABASE scr")


def _stage(
    conn: sqlite3.Connection,
    scratch: Path,
    staged: list[tuple[Path, str]],
    tell: Callable[[int, str], None],
    check_cancel: Callable[[], None],
) -> None:
    _drop(conn)
    conn.execute("ATTACH DATABASE ? AS scr", (str(scratch),))
    conn.execute("PRAGMA scr.journal_mode=OFF")
    conn.execute("PRAGMA scr.synchronous=OFF")
    conn.execute(f"PRAGMA scr.cache_size = {-derive.MERGE_CACHE_KIB}")
    conn.execute(
        "CREATE TABLE scr.pv (pkg INTEGER, version_id TEXT, entity TEXT, record_id TEXT, "
        "hlc TEXT, station TEXT, deleted INTEGER, payload TEXT, PRIMARY KEY (pkg, version_id))"
    )
    conn.execute(
        "CREATE TABLE scr.pp (pkg INTEGER, version_id TEXT, parent_id TEXT, "
        "PRIMARY KEY (pkg, version_id, parent_id)) WITHOUT ROWID"
    )
    # apply_merge reads the current file's versions from these two (see merge._stage_all).
    conn.execute(
        "CREATE TABLE scr.sv (version_id TEXT PRIMARY KEY, entity TEXT, record_id TEXT, "
        "hlc TEXT, station TEXT, deleted INTEGER, payload TEXT)"
    )
    conn.execute(
        "CREATE TABLE scr.sp (version_id TEXT, parent_id TEXT, PRIMARY KEY (version_id, "
        "parent_id)) WITHOUT ROWID"
    )
    for i, (path, label) in enumerate(staged):
        tell(i, f"Menyiapkan {label}")
        conn.execute("ATTACH DATABASE ? AS stg", (str(path),))
        try:
            conn.execute(
                f"INSERT OR IGNORE INTO scr.pv (pkg, {_VCOLS}) SELECT ?, {_VCOLS} FROM stg.version",
                (i,),
            )
            conn.execute(
                "INSERT OR IGNORE INTO scr.pp SELECT ?, version_id, parent_id "
                "FROM stg.version_parent",
                (i,),
            )
        finally:
            conn.execute("DETACH DATABASE stg")
        check_cancel()
    if len(staged) > 1:
        conn.execute("CREATE INDEX scr.ix_pv_version ON pv (version_id, pkg)")
        differs = " OR ".join(f"a.{c} IS NOT b.{c}" for c in VERSION_COLUMNS[1:])
        clash = conn.execute(
            "SELECT b.pkg, a.version_id FROM scr.pv a JOIN scr.pv b "
            f"ON b.version_id = a.version_id AND b.pkg > a.pkg WHERE {differs} LIMIT 1"
        ).fetchone()
        if clash is not None:
            label = staged[int(clash[0])][1]
            raise InputRefused(f"{label}: version_id: versi {clash[1]} berbeda isi antar paket")


def _apply_one(
    conn: sqlite3.Connection, i: int, label: str, tell: Callable[[int, str], None]
) -> MergeReport:
    conn.execute("DELETE FROM scr.sv")
    conn.execute("DELETE FROM scr.sp")
    conn.execute(
        f"INSERT INTO scr.sv ({_VCOLS}) SELECT {_VCOLS} FROM scr.pv WHERE pkg = ? "
        "ORDER BY version_id",
        (i,),
    )
    conn.execute(
        "INSERT INTO scr.sp (version_id, parent_id) SELECT version_id, parent_id FROM scr.pp "
        "WHERE pkg = ?",
        (i,),
    )
    try:
        report = apply_merge(conn, tell)
    except InputRefused as exc:
        text = str(exc)
        if text.startswith("paket: "):
            text = text[len("paket: ") :]
        raise InputRefused(f"{label}: {text}") from exc
    conn.execute("INSERT OR IGNORE INTO run_touched SELECT record_id FROM touched")
    conn.execute("DROP TABLE IF EXISTS temp.newv")
    derive.drop_temps(conn)
    return report


def _run_conflicts(conn: sqlite3.Connection) -> tuple[int, int]:
    rows = dict(
        conn.execute(
            "SELECT kind, COUNT(*) FROM main.conflict WHERE record_id IN "
            "(SELECT record_id FROM run_touched) GROUP BY kind"
        ).fetchall()
    )
    return int(rows.get("hard", 0)), int(rows.get("soft", 0))
