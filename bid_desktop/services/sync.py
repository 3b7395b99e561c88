"""USB packages, merge, join and backups: the service API of the Sinkronisasi tab and the CLI.

Plain functions taking a ``Database`` (or a ``Session`` for settings), returning dataclasses.
No Qt here. Refusals raise ``InputRefused`` with one line ``"<file name>: <check>: <reason>"``
(CLI exit 3); any refusal or cancel leaves the target database unchanged.

Package format: see ``bid_desktop.sync.package``. The merge engine: ``bid_desktop.sync.merge``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from bid_desktop.storage.db import Database

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

PACKAGE_SUFFIX = ".bidsync"
DEFAULT_BACKUP_MINUTES = 30
DEFAULT_BACKUP_KEEP = 20


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

    Packages are applied one after the other inside ONE transaction, so each package's
    figures are what it changed after the packages before it in the list (the totals do not
    depend on the order: merge laws). ``duplicate_candidates`` is the number of open
    duplicate-person groups in the event after this package.
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


def export_package(db: Database, out_dir: Path) -> ExportResult:
    """Write this laptop's package into ``out_dir`` (e.g. a USB stick) and return it.

    Name: ``<event-slug>-<STATION>-<yyyymmdd-hhmm>.bidsync`` (``-2``, ``-3``… if taken).
    Every version this laptop knows goes in (relay-safe). Uses the key stored at create/join,
    so no passphrase is asked. The file is written to a temporary name and renamed, so a
    pulled stick never leaves a half package under the real name. Raises ``UserError`` when
    this database has no event or the folder cannot be written.
    """
    raise NotImplementedError


def inspect_package(db: Database | None, path: Path, passphrase: str | None = None) -> PackageInfo:
    """Authenticate and check a package without merging it.

    With ``db``: the key and event of this laptop are used (``passphrase`` ignored) and
    ``already_imported`` is filled from the import log. Without ``db``: ``passphrase`` is
    required (join page). Runs every check a merge runs (size, header, key, AEAD, zip
    members, manifest, hashes, schema revision, rows) in a temporary staging copy.
    Raises ``InputRefused("<file>: <check>: <reason>")`` on the first failed check.
    """
    raise NotImplementedError


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
    raise NotImplementedError


def join_event(
    db_path: Path, package: Path, station: str, passphrase: str, role: str
) -> JoinResult:
    """Start a new laptop on ``db_path`` from any package of the event.

    The database must not have an event yet. The package is authenticated with the
    passphrase (a wrong one is told apart from a damaged file), merged, the event's stored
    passphrase verifier is checked, and this laptop's station (code must be unused by the
    laptops in the package), role and package key are set, all in one transaction.
    """
    raise NotImplementedError


def backup_now(
    db: Database, folder: Path | None = None, *, keep: int | None = None, reason: str = "manual"
) -> Path:
    """A verified (``PRAGMA integrity_check``) copy of ``db`` in ``folder``; rotates old ones.

    ``folder``/``keep`` default to the backup settings. Records the time as this laptop's
    last backup. Raises ``UserError`` when the copy cannot be written or fails verification.
    """
    raise NotImplementedError


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in ``folder``, newest first."""
    raise NotImplementedError


def restore(db_path: Path, backup: Path, pin: str) -> Path | None:
    """Replace the database at ``db_path`` with ``backup`` (committee PIN required).

    The PIN is checked against the current database; the backup must pass
    ``integrity_check``; the current database is first copied aside (returned path, None if
    there was none). Close every connection to ``db_path`` (``Database.dispose``) before
    calling. The restore is written to the audit log of the restored database.
    """
    raise NotImplementedError


def backup_settings(session: Session) -> BackupSettings:
    """This laptop's backup folder and the event's interval/keep policy."""
    raise NotImplementedError


def set_backup_settings(
    session: Session, folder: Path | None, minutes: int, keep: int | None = None
) -> BackupSettings:
    """Store the backup folder (this laptop) and interval/keep (event ``Setting``), audited."""
    raise NotImplementedError


def backup_due(session: Session, now: dt.datetime | None = None) -> bool:
    """True when the timer backup should run now (interval elapsed since the last backup)."""
    raise NotImplementedError
