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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bid_desktop.domain.enums import Role
from bid_desktop.domain.ids import natural_id
from bid_desktop.domain.text import fold
from bid_desktop.services import station as station_service
from bid_desktop.services.audit import audit, require_pin
from bid_desktop.services.errors import InputRefused, UserError
from bid_desktop.storage.backup import BackupError, backup_database, integrity_ok, restore_database
from bid_desktop.storage.backup import list_backups as storage_list_backups
from bid_desktop.storage.db import Database, open_database
from bid_desktop.storage.models import Event, ImportLog, Setting, StationState
from bid_desktop.sync import batch, duplicates, keys
from bid_desktop.sync import package as _pkg
from bid_desktop.sync.invariants import verify_invariants
from bid_desktop.sync.merge import export_versions
from bid_desktop.sync.staging import staging_dir

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

PACKAGE_SUFFIX = ".bidsync"
DEFAULT_BACKUP_MINUTES = 30
DEFAULT_BACKUP_KEEP = 20
BACKUP_MINUTES_KEY = "backup_minutes"
BACKUP_KEEP_KEY = "backup_keep"


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


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime  # file modification time (local)
    size: int  # bytes
    reason: str  # "manual", "before-merge", "timer", "before-restore", ...
    station: str = ""  # the laptop whose database it is (a shared stick holds several)
    event_id: str = ""


@dataclass(frozen=True)
class BackupSettings:
    """Where and how often the automatic backup runs.

    ``folder`` is this laptop's (a USB stick's path means nothing on another laptop), kept in
    ``StationState.backup_dir``; ``minutes`` and ``keep`` are the event's policy, a replicated
    ``Setting``. ``folder`` None = the default ``backups`` folder beside the database.
    """

    folder: Path | None
    minutes: int  # timer interval; 0 = no timer backups
    keep: int  # newest copies kept in the folder


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
    state = station_service.require_state(session)
    if not state.package_key:
        raise UserError("Kunci paket stasiun ini tidak ada; gabung ulang acara dengan paketnya")
    return state


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
        key = bytes(state.package_key or b"")
        event_name = event.name if event is not None else ""
    created = dt.datetime.now().replace(microsecond=0)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with staging_dir(db.path, "bid-export-") as tmp:
            data_path = Path(tmp) / _pkg.DATA
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


def _laptop_key(db: Database) -> tuple[bytes, str]:
    with db.begin() as session:
        state = _station_state(session)
        return bytes(state.package_key or b""), str(state.event_id)


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

    With ``db``: the key and event of this laptop are used (``passphrase`` ignored) and
    ``already_imported`` is filled from the import log. Without ``db``: ``passphrase`` is
    required (join page). Runs every check a merge runs (size, header, key, AEAD, zip
    members, manifest, hashes, schema revision, rows) in a temporary staging copy.
    Raises ``InputRefused("<file>: <check>: <reason>")`` on the first failed check.
    """
    with staging_dir(db.path if db is not None else None, "bid-stage-") as tmp:
        if db is not None:
            key, event_id = _laptop_key(db)
            opened = _pkg.open_package(Path(path), Path(tmp), key=key, event_id=event_id)
            return _info(opened, opened.sha256 in _imported_hashes(db, [opened.sha256]))
        if passphrase is None:
            raise InputRefused(f"{Path(path).name}: kata sandi: kata sandi acara diperlukan")
        opened = _pkg.open_package(Path(path), Path(tmp), passphrase=passphrase)
        return _info(opened)


def _open_all(
    paths: list[Path],
    staging: Path,
    tell: Callable[[int, str], None],
    stop: Cancelled,
    **key_args: Any,
) -> list[_pkg.OpenedPackage]:
    opened = []
    for i, path in enumerate(paths):
        tell(i, f"Memeriksa {Path(path).name}")
        opened.append(_pkg.open_package(Path(path), staging, **key_args))
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
) -> ImportSummary:
    """Merge packages into ``db`` in ONE transaction; a dry run rolls it back.

    Every package is opened into a temporary staging copy and checked first (any refusal:
    ``InputRefused`` naming the file and check, nothing written). A real merge then takes a
    verified backup (into ``backup_dir``, default: the backup settings' folder) before
    writing, merges, and writes one ``ImportLog`` row per package in the same transaction.
    ``progress(done, total, message)`` is called along the way (from the calling thread);
    ``cancelled()`` is polled between steps: when it returns True, ``UserError("Dibatalkan")``
    is raised and the database is unchanged.
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

    key, event_id = _laptop_key(db)
    with staging_dir(db.path, "bid-stage-") as tmp:
        opened = _open_all(paths, Path(tmp), tell, stop, key=key, event_id=event_id)
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
    if not dry_run:  # the voids follow the union of every 'same person' link (issue 17)
        with db.begin() as session:
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
        number_collisions=result.report.number_collisions,
    )


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
            key = keys.package_key(passphrase, event_id)

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
                    "backup_dir, language) VALUES (1, ?, ?, ?, 0, 0, 0, 0, ?, '', '', ?)",
                    (station, role, event_id, key, language),
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


# --- backups -----------------------------------------------------------------------------------


def _backup_folder(db: Database, session: Session) -> Path:
    folder = backup_settings(session).folder
    return folder if folder is not None else default_backup_folder(db.path)


def default_backup_folder(db_path: Path) -> Path:
    """``backups`` beside the database file."""
    return Path(db_path).parent / "backups"


def _backup_copy(db: Database, folder: Path, keep: int, reason: str) -> Path:
    try:
        return backup_database(db.path, Path(folder), reason=reason, keep=max(1, keep))
    except BackupError as exc:
        raise UserError(f"Cadangan gagal diverifikasi: {exc}") from exc
    except (OSError, sqlite3.Error) as exc:
        raise UserError(f"{folder}: cadangan tidak dapat ditulis ({exc})") from exc


def backup_now(
    db: Database, folder: Path | None = None, *, keep: int | None = None, reason: str = "manual"
) -> Path:
    """A verified (``PRAGMA integrity_check``) copy of ``db`` in ``folder``; rotates old ones.

    ``folder``/``keep`` default to the backup settings. Records the time as this laptop's
    last backup. Raises ``UserError`` when the copy cannot be written or fails verification.
    """
    with db.begin() as session:
        settings = backup_settings(session) if station_service.get_state(session) else None
    if folder is None:
        folder = settings.folder if settings and settings.folder else default_backup_folder(db.path)
    if keep is None:
        keep = settings.keep if settings else DEFAULT_BACKUP_KEEP
    path = _backup_copy(db, Path(folder), keep, reason)
    with db.begin() as session:
        state = station_service.get_state(session)
        if state is not None:
            state.last_backup_at = dt.datetime.now().replace(microsecond=0)
    return path


def _reason_of(path: Path) -> str:
    parts = path.stem.split("-")
    # bid-backup-<stem>-<yyyymmdd>-<hhmmss>-<micro>-<reason...>
    for i in range(len(parts) - 2):
        if len(parts[i]) == 8 and parts[i].isdigit() and len(parts[i + 1]) == 6:
            return "-".join(parts[i + 3 :])
    return ""


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in ``folder``, newest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    out = []
    for path in storage_list_backups(folder):
        stat = path.stat()
        station, event_id = _identity(path) or ("", "")
        out.append(
            BackupInfo(
                path=path,
                created=dt.datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0),
                size=stat.st_size,
                reason=_reason_of(path),
                station=station,
                event_id=event_id,
            )
        )
    return out


def _identity(path: Path) -> tuple[str, str] | None:
    """(station, event id) of a database file, None when it has none or is not readable."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT station, event_id FROM station_state WHERE id = 1").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return (str(row[0] or ""), str(row[1] or "")) if row else None


def restore(db_path: Path, backup: Path, pin: str) -> Path | None:
    """Replace the database at ``db_path`` with ``backup`` (committee PIN required).

    The PIN is checked against the current database; the backup must pass
    ``integrity_check``; the current database is first copied aside (returned path, None if
    there was none). Close every connection to ``db_path`` (``Database.dispose``) before
    calling. The restore is written to the audit log of the restored database.
    """
    db_path, backup = Path(db_path), Path(backup)
    if not backup.is_file():
        raise InputRefused(f"{backup.name}: berkas: cadangan tidak ditemukan")
    if not integrity_ok(backup):
        raise InputRefused(f"{backup.name}: integrity_check: cadangan rusak; tidak dipulihkan")
    safety: Path | None = None
    keep = DEFAULT_BACKUP_KEEP
    counters = (0, 0)  # numbering already handed out here continues after the restore
    if db_path.exists():
        db = open_database(db_path, migrate_now=False)
        try:
            with db.begin() as session:
                require_pin(session, pin)
                state = station_service.get_state(session)
                if state is not None:
                    safety, keep = _backup_folder(db, session), backup_settings(session).keep
                    counters = (state.walkin_seq, state.piagam_seq)
        finally:
            db.dispose()
        _check_same_laptop(db_path, backup)
    try:
        kept = restore_database(backup, db_path, safety_dir=safety, keep=keep)
    except BackupError as exc:
        raise InputRefused(f"{backup.name}: {exc}") from exc
    db = open_database(db_path)
    try:
        with db.begin() as session:
            restored = station_service.get_state(session)
            if restored is not None:
                restored.walkin_seq = max(restored.walkin_seq, counters[0])
                restored.piagam_seq = max(restored.piagam_seq, counters[1])
                audit(session, "backup.restored", reason=f"{backup.name}; salinan: {kept}")
    finally:
        db.dispose()
    return kept


def _check_same_laptop(db_path: Path, backup: Path) -> None:
    """A backup of another laptop (same stick) or event would give this laptop a station code
    that is already in use: refused."""
    mine, theirs = _identity(db_path), _identity(backup)
    if mine is None or not mine[1]:
        return
    if theirs is None:
        raise InputRefused(f"{backup.name}: stasiun: cadangan ini bukan basis data BID")
    if theirs[1] != mine[1]:
        raise InputRefused(f"{backup.name}: acara: cadangan dari acara lain")
    if theirs[0] != mine[0]:
        raise InputRefused(
            f"{backup.name}: stasiun: cadangan milik stasiun {theirs[0]}, laptop ini {mine[0]}"
        )


def _setting(session: Session, event_id: str, key: str) -> Setting | None:
    return session.get(Setting, natural_id("setting", event_id, key))


def _int_setting(session: Session, event_id: str, key: str, default: int) -> int:
    setting = _setting(session, event_id, key)
    try:
        return int(setting.value) if setting is not None and setting.value else default
    except ValueError:
        return default


def backup_settings(session: Session) -> BackupSettings:
    """This laptop's backup folder and the event's interval/keep policy."""
    state = station_service.require_state(session)
    event_id = str(state.event_id)
    return BackupSettings(
        folder=Path(state.backup_dir) if state.backup_dir else None,
        minutes=_int_setting(session, event_id, BACKUP_MINUTES_KEY, DEFAULT_BACKUP_MINUTES),
        keep=_int_setting(session, event_id, BACKUP_KEEP_KEY, DEFAULT_BACKUP_KEEP),
    )


def _put_setting(session: Session, event_id: str, key: str, value: str) -> None:
    setting = _setting(session, event_id, key)
    if setting is None:
        session.add(
            Setting(
                id=natural_id("setting", event_id, key), event_id=event_id, key=key, value=value
            )
        )
    elif setting.value != value:
        setting.value = value


def set_backup_settings(
    session: Session, folder: Path | None, minutes: int, keep: int | None = None
) -> BackupSettings:
    """Store the backup folder (this laptop) and interval/keep (event ``Setting``), audited."""
    state = station_service.require_state(session)
    event_id = str(state.event_id)
    if not 0 <= minutes <= 24 * 60:
        raise UserError("Selang cadangan harus 0–1440 menit (0 = tanpa cadangan berkala)")
    before = backup_settings(session)
    keep = before.keep if keep is None else keep
    if not 1 <= keep <= 1000:
        raise UserError("Jumlah cadangan yang disimpan harus 1–1000")
    state.backup_dir = str(folder) if folder else ""
    _put_setting(session, event_id, BACKUP_MINUTES_KEY, str(minutes))
    _put_setting(session, event_id, BACKUP_KEEP_KEY, str(keep))
    after = backup_settings(session)
    if after != before:
        audit(
            session,
            "backup.settings",
            "setting",
            before={
                "folder": str(before.folder or ""),
                "minutes": before.minutes,
                "keep": before.keep,
            },
            after={"folder": str(after.folder or ""), "minutes": after.minutes, "keep": after.keep},
        )
    session.flush()
    return after


def backup_due(session: Session, now: dt.datetime | None = None) -> bool:
    """True when the timer backup should run now (interval elapsed since the last backup)."""
    state = station_service.get_state(session)
    if state is None or state.event_id is None:
        return False
    minutes = backup_settings(session).minutes
    if minutes <= 0:
        return False
    if state.last_backup_at is None:
        return True
    now = now or dt.datetime.now()
    return now - state.last_backup_at >= dt.timedelta(minutes=minutes)


# --- check ------------------------------------------------------------------------------------

_COLLISIONS = (
    ("nomor peserta", "participant", "number", "NOT voided"),
    ("nomor piagam", "piagam", "serial", "serial <> ''"),
)


def check_database(db_path: Path) -> list[str]:
    """``bid-desktop check``: problems found (empty = healthy).

    ``PRAGMA integrity_check`` of the file, then the sync invariants (live rows = what the
    version history says, conflict rows consistent) and human numbers that two laptops gave
    twice (synced tables have no unique constraints, so a merge never fails on them; a reused
    station code shows up here).
    """
    db_path = Path(db_path)
    if not db_path.exists():
        raise InputRefused(f"{db_path.name}: berkas: basis data tidak ditemukan")
    if not integrity_ok(db_path):
        return ["integrity_check: berkas SQLite rusak"]
    db = open_database(db_path, migrate_now=False)
    try:
        problems = verify_invariants(db)
        with db.engine.connect() as conn:
            for label, table, column, live in _COLLISIONS:
                rows = conn.exec_driver_sql(
                    f'SELECT {column}, COUNT(*) FROM "{table}" WHERE {live} '
                    f"GROUP BY event_id, {column} HAVING COUNT(*) > 1 ORDER BY {column} LIMIT 6"
                ).all()
                if rows:
                    shown = ", ".join(f"{value} ×{n}" for value, n in rows[:5])
                    problems.append(f"{label} ganda: {shown}")
    finally:
        db.dispose()
    return problems
