"""Merge several staged files in ONE transaction, with figures per file.

The merge itself is ``apply.apply_merge`` over the union of every file (as in
``merge.merge_staged``: set-based, one pass, so a province merge stays linear). The figures
per file are then *attributed*: each record that got new versions belongs to the first file
in the list that carried one of them, and that file is credited with the record's change
(added / updated / deleted), its conflict, and the duplicate-person groups it is in. Summed
over the files they give the run's totals; a file whose versions were all known already (or
all brought by an earlier file) is credited with nothing.

Staging: every file is copied first (ATTACH is not allowed inside a transaction) into a
private scratch file, with ``scr.vp`` recording which file first carried each version; a
version that two files carry with different content is refused before the transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bid_desktop.domain.errors import InputRefused, UserError
from bid_desktop.storage.db import Database
from bid_desktop.sync import derive, merge
from bid_desktop.sync.apply import MergeReport, apply_merge
from bid_desktop.sync.derive import raw_connection
from bid_desktop.sync.duplicates import _groups_sql as duplicate_groups_sql
from bid_desktop.sync.duplicates import _register as register_normaliser
from bid_desktop.sync.staging import staging_dir
from bid_desktop.sync.validate import VERSION_COLUMNS

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
Hook = Callable[[sqlite3.Connection], None]

_VCOLS = ", ".join(VERSION_COLUMNS)
_APPLY_STEPS = 4  # apply_merge reports steps 0..3


@dataclass
class FileFigures:
    """What one staged file is credited with (see module docstring)."""

    versions_total: int = 0
    versions_new: int = 0  # new versions this file was the first to carry
    added: int = 0
    updated: int = 0
    deleted: int = 0
    conflicts_hard: int = 0
    conflicts_soft: int = 0
    duplicate_candidates: int = 0  # open groups whose first credited member is this file's
    per_entity: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass
class BatchResult:
    report: MergeReport  # totals of the run (duplicate_candidates: every open group)
    files: list[FileFigures]


def merge_each(
    db: Database,
    staged: list[tuple[Path, str]],
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    prepare: Hook | None = None,
    finish: Callable[[sqlite3.Connection, BatchResult], None] | None = None,
) -> BatchResult:
    """Merge ``(staged file, label)`` pairs in one transaction; figures per file.

    The files must have passed ``validate.validate_staged``. ``prepare(conn)`` runs first
    inside the transaction (``scr.sv`` holds the union of the staged versions), and
    ``finish(conn, result)`` last; both may raise to roll back. A dry run rolls back at the
    end. ``cancelled()`` is polled between steps (``UserError("Dibatalkan")``).
    """
    n = len(staged)
    total = n + _APPLY_STEPS + 2
    stop = cancelled or (lambda: False)

    def tell(done: int, message: str) -> None:
        if progress is not None:
            progress(min(done, total), total, message)

    def check_cancel() -> None:
        if stop():
            raise UserError("Dibatalkan")

    with raw_connection(db) as conn, staging_dir(db.path, "bid-batch-") as scratch:
        try:
            sizes = _stage(conn, Path(scratch) / "batch.sqlite", staged, tell, check_cancel)
            conn.execute("BEGIN IMMEDIATE")
            if prepare is not None:
                prepare(conn)
            try:
                report = apply_merge(conn, lambda s, m: tell(n + s, m), count_duplicates=False)
            except InputRefused as exc:
                raise _name_file(conn, exc, staged) from exc
            tell(n + _APPLY_STEPS, "Menghitung per paket")
            files = _attribute(conn, sizes)
            report.duplicate_candidates = _duplicates(conn, files)
            result = BatchResult(report, files)
            if finish is not None:
                finish(conn, result)
            check_cancel()
            conn.execute("ROLLBACK" if dry_run else "COMMIT")
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            _drop(conn)
    tell(total, "Selesai")
    report.dry_run = dry_run
    return result


def _name_file(
    conn: sqlite3.Connection, exc: InputRefused, staged: list[tuple[Path, str]]
) -> InputRefused:
    """apply_merge says 'paket: <check>: <reason> (<id>)': name the file that carried <id>."""
    text = str(exc)
    if not text.startswith("paket: "):
        return exc
    rest = text[len("paket: ") :]
    value = text.rsplit("(", 1)[-1].rstrip(")")
    row = conn.execute(
        "SELECT MIN(m.file) FROM scr.sv s JOIN scr.vp m ON m.version_id = s.version_id "
        "WHERE s.version_id = ?1 OR s.record_id = ?1",
        (value,),
    ).fetchone()
    if row is not None and row[0] is not None:
        return InputRefused(f"{staged[int(row[0])][1]}: {rest}")
    return InputRefused(f"{', '.join(label for _p, label in staged)}: {rest}")


def _drop(conn: sqlite3.Connection) -> None:
    conn.execute("DROP TABLE IF EXISTS temp.newv")
    conn.execute("DROP TABLE IF EXISTS temp.rec_file")
    derive.drop_temps(conn)
    if any(row[1] == "scr" for row in conn.execute("PRAGMA database_list")):
        conn.execute("DETACH DATABASE scr")


def _stage(
    conn: sqlite3.Connection,
    scratch: Path,
    staged: list[tuple[Path, str]],
    tell: Callable[[int, str], None],
    check_cancel: Callable[[], None],
) -> list[int]:
    """Union of the files into ``scr.sv``/``scr.sp`` (as ``merge._stage_all``) and
    ``scr.vp`` (version → first file carrying it). Returns each file's version count."""
    _drop(conn)
    merge.open_scratch(conn, scratch)
    conn.execute("CREATE TABLE scr.vp (version_id TEXT PRIMARY KEY, file INTEGER) WITHOUT ROWID")
    differs = " OR ".join(f"s.{c} IS NOT t.{c}" for c in VERSION_COLUMNS[1:])
    sizes = []
    for i, (path, label) in enumerate(staged):
        tell(i, f"Menyiapkan {label}")
        conn.execute("ATTACH DATABASE ? AS stg", (str(path),))
        try:
            clash = conn.execute(
                "SELECT s.version_id FROM stg.version s JOIN scr.sv t "
                f"ON t.version_id = s.version_id WHERE {differs} LIMIT 1"
            ).fetchone()
            if clash is not None:
                raise InputRefused(f"{label}: version_id: versi {clash[0]} berbeda isi antar paket")
            conn.execute(
                f"INSERT OR IGNORE INTO scr.sv ({_VCOLS}) SELECT {_VCOLS} FROM stg.version "
                "ORDER BY version_id"
            )
            conn.execute(
                "INSERT OR IGNORE INTO scr.vp SELECT version_id, ? FROM stg.version "
                "ORDER BY version_id",
                (i,),
            )
            conn.execute(
                "INSERT OR IGNORE INTO scr.sp (version_id, parent_id) "
                "SELECT version_id, parent_id FROM stg.version_parent"
            )
            sizes.append(int(conn.execute("SELECT COUNT(*) FROM stg.version").fetchone()[0]))
        finally:
            conn.execute("DETACH DATABASE stg")
        check_cancel()
    return sizes


def _attribute(conn: sqlite3.Connection, sizes: list[int]) -> list[FileFigures]:
    """Credit each touched record to the first file that carried one of its new versions.

    Uses apply_merge's temp tables (``newv``, ``touched``, ``live_before``, ``live_after``),
    which stay until ``_drop``.
    """
    files = [FileFigures(versions_total=n) for n in sizes]
    conn.execute(
        "CREATE TEMP TABLE rec_file AS SELECT n.record_id AS record_id, MIN(m.file) AS file "
        "FROM newv n JOIN scr.vp m ON m.version_id = n.version_id GROUP BY n.record_id"
    )
    conn.execute("CREATE UNIQUE INDEX temp.ix_rec_file ON rec_file (record_id)")
    for file, count in conn.execute(
        "SELECT m.file, COUNT(*) FROM newv n JOIN scr.vp m ON m.version_id = n.version_id "
        "GROUP BY m.file"
    ):
        files[int(file)].versions_new = int(count)
    for file, entity, added, updated, deleted in conn.execute(
        "SELECT r.file, t.entity, "
        "SUM(b.record_id IS NULL AND a.record_id IS NOT NULL), "
        "SUM(b.record_id IS NOT NULL AND a.record_id IS NOT NULL AND a.ck IS NOT b.ck), "
        "SUM(b.record_id IS NOT NULL AND a.record_id IS NULL) "
        "FROM touched t JOIN rec_file r ON r.record_id = t.record_id "
        "LEFT JOIN live_before b ON b.record_id = t.record_id "
        "LEFT JOIN live_after a ON a.record_id = t.record_id GROUP BY r.file, t.entity"
    ):
        figures = files[int(file)]
        counts = {"added": int(added or 0), "updated": int(updated or 0)}
        counts["deleted"] = int(deleted or 0)
        figures.per_entity[str(entity)] = counts
        figures.added += counts["added"]
        figures.updated += counts["updated"]
        figures.deleted += counts["deleted"]
    for file, kind, count in conn.execute(
        "SELECT r.file, c.kind, COUNT(*) FROM main.conflict c "
        "JOIN rec_file r ON r.record_id = c.record_id GROUP BY r.file, c.kind"
    ):
        if kind == "hard":
            files[int(file)].conflicts_hard = int(count)
        elif kind == "soft":
            files[int(file)].conflicts_soft = int(count)
    return files


def _duplicates(conn: sqlite3.Connection, files: list[FileFigures]) -> int:
    """Every open duplicate-person group of every event the database holds (one pass per
    event: a TA database holds many), and per file the groups it brought: each group is
    credited once, to the first file with a member credited to it, so the files' figures add
    up to the groups this run brought."""
    row = conn.execute("SELECT event_id FROM main.station_state WHERE id = 1").fetchone()
    if row is None or row[0] is None:
        return 0
    register_normaliser(conn)
    conn.execute("DROP TABLE IF EXISTS temp.dgroups")
    conn.execute("CREATE TEMP TABLE dgroups (ids TEXT)")
    events = [r[0] for r in conn.execute("SELECT id FROM main.event ORDER BY id")] or [row[0]]
    for event_id in events:
        conn.execute(
            f"INSERT INTO dgroups SELECT ids FROM ({duplicate_groups_sql()})", {"event": event_id}
        )
    try:
        for file, count in conn.execute(  # each group once: to the first file with a member
            "SELECT file, COUNT(*) FROM (SELECT MIN(r.file) AS file FROM dgroups g, "
            "json_each(g.ids) j JOIN rec_file r ON r.record_id = j.value GROUP BY g.ids) "
            "GROUP BY file"
        ):
            files[int(file)].duplicate_candidates = int(count)
        return int(conn.execute("SELECT COUNT(*) FROM dgroups").fetchone()[0])
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.dgroups")
