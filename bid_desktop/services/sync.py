"""USB packages, merge, join and backups: the service API of the Sinkronisasi tab and the CLI.

Plain functions taking a ``Database`` (or a ``Session`` for settings), returning dataclasses.
No Qt here. Refusals raise ``InputRefused`` with one line ``"<file name>: <check>: <reason>"``
(CLI exit 3); any refusal or cancel leaves the target database unchanged.

Package format: see ``bid_desktop.sync.package``. The merge engine: ``bid_desktop.sync.merge``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bid_desktop.domain.enums import Role
from bid_desktop.domain.text import fold
from bid_desktop.services import keystore, sync_events
from bid_desktop.services import station as station_service

# Backups, restore and check live in their own modules; re-exported for existing callers.
from bid_desktop.services.backups import (  # noqa: E402, F401
    BACKUP_KEEP_KEY,
    BACKUP_MINUTES_KEY,
    DEFAULT_BACKUP_KEEP,
    DEFAULT_BACKUP_MINUTES,
    BackupInfo,
    BackupSettings,
    _backup_copy,
    _backup_folder,
    backup_due,
    backup_now,
    backup_settings,
    default_backup_folder,
    list_backups,
    restore,
    set_backup_settings,
)
from bid_desktop.services.check import check_database  # noqa: E402, F401
from bid_desktop.services.errors import InputRefused, UserError
from bid_desktop.storage.backup import ro_uri
from bid_desktop.storage.db import Database, open_database
from bid_desktop.storage.models import Event, ImportLog, StationState
from bid_desktop.sync import audit_chain, batch, duplicates, keys
from bid_desktop.sync import package as _pkg
from bid_desktop.sync.events import export_event_versions
from bid_desktop.sync.merge import export_versions
from bid_desktop.sync.staging import staging_dir

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

PACKAGE_SUFFIX = ".bidsync"


@dataclass(frozen=True)
class ExportResult:
    """One package written by ``export_package``."""

    path: Path  # the .bidsync file written
    versions: int  # versions inside (this laptop's own and those it imported: relay-safe)
    station: str  # this laptop's station code
    created: dt.datetime  # local time the package was written (also in its file name)
    event_id: str
    sha256: str  # of the whole file: the import log recognises the same package by it


@dataclass(frozen=True)
class PackageInfo:
    """What a package says about itself, after it was authenticated and checked."""

    path: Path
    event_id: str
    event_name: str
    station: str  # the laptop that wrote it
    created: dt.datetime
    versions: int  # number of versions inside
    schema_revision: str  # revision of the app that wrote it (older ones are upgraded)
    sha256: str  # of the whole file
    min_hlc: str = ""  # clock range of the versions inside
    max_hlc: str = ""
    already_imported: bool = False  # True when the target's import log has this file's hash


@dataclass
class PackageImport:
    """Per-package figures of one ``import_packages`` run.

    All packages are merged together in ONE transaction; each record that got new versions
    is credited to the first package in the list that carried one of them (its change, its
    conflict), so the figures summed over the packages are the run's totals and a package
    whose versions were already known is credited with nothing. ``duplicate_candidates`` is
    the number of open duplicate-person groups that include a participant credited to it.
    """

    info: PackageInfo
    versions_new: int = 0  # versions the target did not have yet
    added: int = 0  # live records that appeared
    updated: int = 0  # live records whose content changed
    deleted: int = 0  # live records removed by a tombstone
    conflicts_hard: int = 0  # same field edited differently: the user must choose
    conflicts_soft: int = 0  # different fields edited: merged automatically, shown for review
    duplicate_candidates: int = 0
    per_entity: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass
class ImportSummary:
    """Result of ``import_packages`` (a dry run reports the same figures, nothing written).

    ``conflicts_hard``/``conflicts_soft`` count distinct records touched by this run that are
    in conflict afterwards (a record touched by two packages counts once);
    ``duplicate_candidates`` is the number of open duplicate-person groups after the run.
    """

    packages: list[PackageImport]
    dry_run: bool
    backup: Path | None = None  # verified backup taken before a real merge (None on dry run)
    conflicts_hard: int = 0
    conflicts_soft: int = 0
    duplicate_candidates: int = 0
    # the audit chains after the merge: a gap (an entry some laptop never passed on), a
    # changed entry or a fork is reported, never repaired (sync/audit_chain.py)
    audit_problems: list[str] = field(default_factory=list)
    number_collisions: int = 0  # badge numbers / piagam serials given twice (see check)

    @property
    def versions_new(self) -> int:
        return sum(p.versions_new for p in self.packages)

    @property
    def added(self) -> int:
        return sum(p.added for p in self.packages)

    @property
    def updated(self) -> int:
        return sum(p.updated for p in self.packages)

    @property
    def deleted(self) -> int:
        return sum(p.deleted for p in self.packages)


@dataclass(frozen=True)
class JoinResult:
    """A laptop that joined an event from a package."""

    event_id: str
    event_name: str
    station: str
    role: str
    versions: int  # versions taken from the package
    db_path: Path


def _slug(text: str, limit: int = 48) -> str:
    """File-name-safe event name, cut at a word boundary."""
    words: list[str] = []
    length = 0
    for word in fold(text).split():
        if words and length + 1 + len(word) > limit:
            break
        words.append(word[:limit])
        length += len(word) + (1 if len(words) > 1 else 0)
    return "-".join(words) or "acara"


def _station_state(session: Session) -> StationState:
    return station_service.require_state(session)


def _free_name(out_dir: Path, stem: str) -> Path:
    path = out_dir / f"{stem}{PACKAGE_SUFFIX}"
    n = 2
    while path.exists():
        path = out_dir / f"{stem}-{n}{PACKAGE_SUFFIX}"
        n += 1
    return path


def export_package(db: Database, out_dir: Path) -> ExportResult:
    """Write this laptop's package into ``out_dir`` (e.g. a USB stick) and return it.

    Name: ``<event-slug>-<STATION>-<yyyymmdd-hhmm>.bidsync`` (``-2``, ``-3``… if taken).
    Every version this laptop knows goes in (relay-safe). Uses the key stored at create/join,
    so no passphrase is asked. The file is written to a temporary name and renamed, so a
    pulled stick never leaves a half package under the real name. Raises ``UserError`` when
    this database has no event or the folder cannot be written.
    """
    out_dir = Path(out_dir)
    with db.begin() as session:
        state = _station_state(session)
        event = session.get(Event, state.event_id)
        event_id, station = str(state.event_id), state.station
        key = keystore.event_key(session)
        event_name = event.name if event is not None else ""
        ta = sync_events.is_ta(session)
    created = dt.datetime.now().replace(microsecond=0)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with staging_dir(db.path, "bid-export-") as tmp:
            data_path = Path(tmp) / _pkg.DATA
            if ta:  # a TA database holds many events: only this one goes in
                counts = export_event_versions(db, {event_id: data_path}, event_id)[event_id]
            else:
                counts = export_versions(db, data_path)
            data = data_path.read_bytes()
        manifest = _pkg.make_manifest(
            event_id=event_id,
            event_name=event_name,
            station=station,
            created=created,
            counts=counts,
            data=data,
        )
        blob = _pkg.package_bytes(key, event_id, manifest, data)
        del data
        stem = f"{_slug(event_name)}-{station}-{created:%Y%m%d-%H%M}"
        path = _free_name(out_dir, stem)
        _pkg.write_atomic(path, blob)
    except OSError as exc:
        raise UserError(f"{out_dir}: paket tidak dapat ditulis ({exc.strerror or exc})") from exc
    with db.begin() as session:
        state = _station_state(session)
        if counts["max_hlc"]:
            state.exported_hlc = max(state.exported_hlc or "", str(counts["max_hlc"]))
    return ExportResult(
        path=path,
        versions=int(counts["version"]),
        station=station,
        created=created,
        event_id=event_id,
        sha256=hashlib.sha256(blob).hexdigest(),
    )


def _info(opened: _pkg.OpenedPackage, already: bool = False) -> PackageInfo:
    m = opened.manifest
    return PackageInfo(
        path=opened.path,
        event_id=str(m["event_id"]),
        event_name=str(m["event_name"]),
        station=str(m["station"]),
        created=dt.datetime.fromisoformat(str(m["created"])[:40]),
        versions=int(m["counts"]["version"]),
        schema_revision=str(m["schema_revision"]),
        sha256=opened.sha256,
        min_hlc=str(m.get("min_hlc", "")),
        max_hlc=str(m.get("max_hlc", "")),
        already_imported=already,
    )


def _imported_hashes(db: Database, hashes: list[str]) -> set[str]:
    if not hashes:
        return set()
    with db.begin() as session:
        rows = session.scalars(
            select(ImportLog.package_sha256).where(ImportLog.package_sha256.in_(hashes))
        )
        return set(rows)


def inspect_package(db: Database | None, path: Path, passphrase: str | None = None) -> PackageInfo:
    """Authenticate and check a package without merging it.

    With ``db``: the kept key of the package's event is used and ``already_imported`` is
    filled from the import log; a TA database opens a new event's package with
    ``passphrase``. Without ``db``: ``passphrase`` is
    required (join page). Runs every check a merge runs (size, header, key, AEAD, zip
    members, manifest, hashes, schema revision, rows) in a temporary staging copy.
    Raises ``InputRefused("<file>: <check>: <reason>")`` on the first failed check.
    """
    with staging_dir(db.path if db is not None else None, "bid-stage-") as tmp:
        if db is not None:
            phrases = [passphrase] if passphrase else []
            (item,) = sync_events.resolve_keys(db, [Path(path)], phrases)
            opened = _pkg.open_package(item.path, Path(tmp), key=item.key, event_id=item.event_id)
            _refuse_rewritten(db, opened)
            return _info(opened, opened.sha256 in _imported_hashes(db, [opened.sha256]))
        if passphrase is None:
            raise InputRefused(f"{Path(path).name}: kata sandi: kata sandi acara diperlukan")
        opened = _pkg.open_package(Path(path), Path(tmp), passphrase=passphrase)
        return _info(opened)


def _refuse_rewritten(db: Database, opened: _pkg.OpenedPackage) -> None:
    """A version this laptop already has, with other content (rewritten history): refused at
    inspection as the merge refuses it, so the preview never shows a package the merge rejects."""
    from bid_desktop.sync.validate import rewritten_version_sql

    conn = sqlite3.connect(str(db.path))
    try:
        conn.execute("ATTACH DATABASE ? AS stg", (str(opened.data_path),))
        row = conn.execute(rewritten_version_sql("stg.version")).fetchone()
    finally:
        conn.close()
    if row is not None:
        raise InputRefused(f"{opened.path.name}: version_id: versi yang sudah ada berbeda isi")


def _open_all(
    resolved: list[sync_events.PackageKey],
    staging: Path,
    tell: Callable[[int, str], None],
    stop: Cancelled,
) -> list[_pkg.OpenedPackage]:
    opened = []
    for i, item in enumerate(resolved):
        tell(i, f"Memeriksa {item.path.name}")
        opened.append(_pkg.open_package(item.path, staging, key=item.key, event_id=item.event_id))
        if stop():
            raise UserError("Dibatalkan")
    return opened


def _scaled(progress: Progress | None, offset: int, total: int) -> Progress:
    def tell(done: int, sub_total: int, message: str) -> None:
        if progress is not None:
            progress(offset + done, total, message)

    return tell


def _log_rows(
    conn: sqlite3.Connection, opened: list[_pkg.OpenedPackage], reports: list[batch.FileFigures]
) -> None:
    now = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    conn.executemany(
        "INSERT INTO main.import_log (package_sha256, file_name, station, imported_at, "
        "versions_total, versions_new, added, updated, conflicts) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                o.sha256,
                o.path.name,
                o.station,
                now,
                r.versions_total,
                r.versions_new,
                r.added,
                r.updated,
                r.conflicts_hard + r.conflicts_soft,
            )
            for o, r in zip(opened, reports, strict=True)
        ],
    )


def import_packages(
    db: Database,
    paths: list[Path],
    *,
    dry_run: bool = False,
    backup_dir: Path | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    passphrases: Sequence[str] = (),
) -> ImportSummary:
    """Merge packages into ``db`` in ONE transaction; a dry run rolls it back.

    Every package is opened into a temporary staging copy and checked first (any refusal:
    ``InputRefused`` naming the file and check, nothing written). A real merge then takes a
    verified backup (into ``backup_dir``, default: the backup settings' folder) before
    writing, merges, and writes one ``ImportLog`` row per package in the same transaction.
    ``progress(done, total, message)`` is called along the way (from the calling thread);
    ``cancelled()`` is polled between steps: when it returns True, ``UserError("Dibatalkan")``
    is raised and the database is unchanged.

    A TA database (``sync_events``) also merges packages of other events: a new event's
    passphrase is whichever of ``passphrases`` opens it, checked and kept with the merge.
    """
    paths = [Path(p) for p in paths]
    if not paths:
        raise UserError("Pilih minimal satu paket")
    stop = cancelled or (lambda: False)
    n = len(paths)
    merge_total = n + 4 + 2  # batch.merge_each's steps
    total = n + 1 + merge_total

    def tell(done: int, message: str) -> None:
        if progress is not None:
            progress(done, total, message)

    resolved = sync_events.resolve_keys(db, paths, passphrases)
    with staging_dir(db.path, "bid-stage-") as tmp:
        opened = _open_all(resolved, Path(tmp), tell, stop)
        _refuse_audit_rewrites(db, opened)
        already = _imported_hashes(db, [o.sha256 for o in opened])
        backup: Path | None = None
        if not dry_run:
            tell(n, "Membuat cadangan")
            with db.begin() as session:
                folder = backup_dir or _backup_folder(db, session)
                keep = backup_settings(session).keep
            backup = _backup_copy(db, folder, keep, "before-merge")
            if stop():
                raise UserError("Dibatalkan")

        def finish(conn: sqlite3.Connection, result: batch.BatchResult) -> None:
            sync_events.store_new_keys(conn, resolved)
            _log_rows(conn, opened, result.files)
            # recorded with the merge, so a cancelled or refused merge leaves no trace
            conn.execute(
                "UPDATE main.station_state SET last_backup_at = ? WHERE id = 1",
                (dt.datetime.now().replace(microsecond=0).isoformat(sep=" "),),
            )

        result = batch.merge_each(
            db,
            [(o.data_path, o.path.name) for o in opened],
            dry_run=dry_run,
            progress=_scaled(progress, n + 1, total),
            cancelled=stop,
            finish=None if dry_run else finish,
        )
    if not dry_run:
        db.wrote()  # the merge wrote through its own connection: checkpoint soon
        with db.begin() as session:  # the voids follow the union of every 'same person' link
            duplicates.reconcile_all(session)
    packages = [
        PackageImport(
            info=_info(o, o.sha256 in already),
            versions_new=r.versions_new,
            added=r.added,
            updated=r.updated,
            deleted=r.deleted,
            conflicts_hard=r.conflicts_hard,
            conflicts_soft=r.conflicts_soft,
            duplicate_candidates=r.duplicate_candidates,
            per_entity=r.per_entity,
        )
        for o, r in zip(opened, result.files, strict=True)
    ]
    return ImportSummary(
        packages=packages,
        dry_run=dry_run,
        backup=backup,
        conflicts_hard=result.report.conflicts_hard,
        conflicts_soft=result.report.conflicts_soft,
        duplicate_candidates=result.report.duplicate_candidates,
        audit_problems=[] if dry_run else _audit_problems(db),
        number_collisions=result.report.number_collisions,
    )


def _audit_problems(db: Database) -> list[str]:
    conn = sqlite3.connect(ro_uri(db.path), uri=True)
    try:
        return audit_chain.verify(conn)
    finally:
        conn.close()


def _refuse_audit_rewrites(db: Database, opened: list[_pkg.OpenedPackage]) -> None:
    """An audit entry this database holds, arriving under another version: refused."""
    conn = sqlite3.connect(ro_uri(db.path), uri=True)
    try:
        for package in opened:
            problem = audit_chain.rewrite_problem(conn, package.data_path)
            if problem is not None:
                raise InputRefused(f"{package.path.name}: log audit: {problem}")
    finally:
        conn.close()


def import_log(session: Session, limit: int = 200) -> list[ImportLog]:
    """The newest import log rows first (what was merged, when, from which station)."""
    return list(
        session.scalars(
            select(ImportLog)
            .order_by(ImportLog.imported_at.desc(), ImportLog.id.desc())
            .limit(limit)
        )
    )


def join_event(
    db_path: Path, package: Path, station: str, passphrase: str, role: str
) -> JoinResult:
    """Start a new laptop on ``db_path`` from any package of the event.

    The database must not have an event yet. The package is authenticated with the
    passphrase (a wrong one is told apart from a damaged file), merged, the event's stored
    passphrase verifier is checked, and this laptop's station (code must be unused by the
    laptops in the package), role and package key are set, all in one transaction.
    """
    station = station_service.validate_station_code(station)
    valid_roles = {r.value for r in Role}
    if role not in valid_roles:
        raise UserError(f"Peran '{role}' tidak dikenal ({', '.join(sorted(valid_roles))})")
    db = open_database(Path(db_path))
    try:
        with db.begin() as session:
            state = station_service.get_state(session)
            if state is not None and state.event_id is not None:
                raise UserError(
                    "Basis data ini sudah punya acara; gabung acara hanya di laptop baru"
                )
        label = Path(package).name
        with staging_dir(db_path, "bid-stage-") as tmp:
            opened = _pkg.open_package(Path(package), Path(tmp), passphrase=passphrase)
            event_id = opened.header.event_id
            key = keys.package_key_matching(
                passphrase, event_id, lambda k: _pkg.key_id(k) == opened.header.key_id
            )

            def prepare(conn: sqlite3.Connection) -> None:
                used = conn.execute(
                    "SELECT 1 FROM scr.sv WHERE station = ? LIMIT 1", (station,)
                ).fetchone()
                if used is not None:
                    raise UserError(
                        f"Kode stasiun {station} sudah dipakai laptop lain di acara ini; "
                        "pilih kode lain"
                    )
                language = conn.execute(  # a language chosen before joining is kept
                    "SELECT COALESCE(MAX(language), 'id') FROM main.station_state"
                ).fetchone()[0]
                conn.execute("DELETE FROM main.station_state")
                conn.execute(
                    "INSERT INTO main.station_state (id, station, role, event_id, hlc_wall, "
                    "hlc_counter, walkin_seq, piagam_seq, package_key, exported_hlc, "
                    "backup_dir, language) VALUES (1, ?, ?, ?, 0, 0, 0, 0, NULL, '', '', ?)",
                    (station, role, event_id, language),
                )

            def finish(conn: sqlite3.Connection, result: batch.BatchResult) -> None:
                row = conn.execute(
                    "SELECT name, passphrase_check FROM main.event WHERE id = ?", (event_id,)
                ).fetchone()
                if row is None:
                    raise InputRefused(f"{label}: acara: paket tidak memuat data acara")
                if row[1] and not keys.passphrase_matches(passphrase, event_id, str(row[1])):
                    raise InputRefused(f"{label}: kata sandi: kata sandi acara salah")
                _log_rows(conn, [opened], result.files)

            batch.merge_each(db, [(opened.data_path, label)], prepare=prepare, finish=finish)
            keystore.save_key(event_id, key)  # this user's key file, not the database
        with db.begin() as session:
            event = session.get(Event, event_id)
            name = event.name if event is not None else ""
        return JoinResult(
            event_id=event_id,
            event_name=name,
            station=station,
            role=role,
            versions=opened.versions,
            db_path=Path(db_path),
        )
    finally:
        db.dispose()
