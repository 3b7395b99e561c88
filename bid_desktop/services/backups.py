"""Backups, restore and settings of the automatic backup: the service API of the Cadangan page
and the CLI (``backup``, ``restore``). Moved out of ``services/sync.py`` (which re-exports it).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from bid_desktop.domain.ids import natural_id
from bid_desktop.services import backup_crypt
from bid_desktop.services import station as station_service
from bid_desktop.services.audit import audit, pin_matches_file, require_pin
from bid_desktop.services.errors import InputRefused, UserError
from bid_desktop.storage import retention
from bid_desktop.storage.backup import (
    BackupError,
    BackupSpaceError,
    backup_database,
    integrity_ok,
    integrity_problem,
    restore_database,
    ro_uri,
)
from bid_desktop.storage.backup import list_backups as storage_list_backups
from bid_desktop.storage.db import (
    Database,
    file_revision,
    known_revisions,
    open_database,
    set_aside,
)
from bid_desktop.storage.models import Setting
from bid_desktop.sync import keys

DEFAULT_BACKUP_MINUTES = 30
DEFAULT_BACKUP_KEEP = 20
BACKUP_MINUTES_KEY = "backup_minutes"
BACKUP_KEEP_KEY = "backup_keep"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime  # this laptop's clock when the copy was made (from its name)
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


# --- backups -----------------------------------------------------------------------------------


def _backup_folder(db: Database, session: Session) -> Path:
    folder = backup_settings(session).folder
    return folder if folder is not None else default_backup_folder(db.path)


def default_backup_folder(db_path: Path) -> Path:
    """``backups`` beside the database file."""
    return Path(db_path).parent / "backups"


class BackupSpaceRefused(UserError):
    """No room for a backup on that disk, even after old copies made room: the status bar
    says so (the timer keeps trying; nothing is deleted that is still protected)."""


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.0f} MB"


def _backup_copy(db: Database, folder: Path, keep: int, reason: str) -> Path:
    seal = backup_crypt.seal_key(db, Path(folder))  # a USB stick: encrypted with the event key
    try:
        return backup_database(
            db.path, Path(folder), reason=reason, keep=max(1, keep), seal_with=seal
        )
    except BackupSpaceError as exc:
        raise BackupSpaceRefused(
            f"{folder}: ruang disk tidak cukup, cadangan dihentikan "
            f"(perlu {_mb(exc.needed)}, tersedia {_mb(exc.free)})"
        ) from exc
    except BackupError as exc:
        raise UserError(f"Cadangan gagal diverifikasi: {exc}") from exc
    except (OSError, sqlite3.Error) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UserError(f"{folder}: cadangan tidak dapat ditulis ({why})") from exc


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
                created=_made(path, stat.st_mtime),
                size=stat.st_size,
                reason=_reason_of(path),
                station=station,
                event_id=event_id,
            )
        )
    return out


def _made(path: Path, mtime: float) -> dt.datetime:
    """When the copy was made, by this laptop's clock then (in its name), else the file time."""
    copy = retention.parse(path)
    made = copy.made if copy is not None else dt.datetime.fromtimestamp(mtime)
    return made.replace(microsecond=0)


def _identity(path: Path) -> tuple[str, str] | None:
    """(station, event id) of a database file, None when it has none or is not readable."""
    try:
        conn = sqlite3.connect(ro_uri(path), uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT station, event_id FROM station_state WHERE id = 1").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return (str(row[0] or ""), str(row[1] or "")) if row else None


def restore(db_path: Path, backup: Path, pin: str, passphrase: str | None = None) -> Path | None:
    """Replace the database at ``db_path`` with ``backup`` (committee PIN required).

    Before anything is touched: the backup must pass ``integrity_check`` and be at a schema
    revision this app knows (a newer app's backup is refused), and the PIN must match — the
    current database's, or the backup's own when the current file is missing or damaged
    (the damaged file cannot be trusted to check anything). A healthy current database is
    first copied aside (returned path); a damaged one is set aside under a ``.rusak-`` name.
    Close every connection to ``db_path`` (``Database.dispose``) before calling. The restore
    is written to the audit log of the restored database.
    """
    db_path, backup = Path(db_path), Path(backup)
    if not backup.is_file():
        raise InputRefused(f"{backup.name}: berkas: cadangan tidak ditemukan")
    with backup_crypt.opened(backup, db_path.parent, passphrase) as plain:
        return _restore_plain(db_path, plain, pin, backup.name, passphrase)


def _restore_plain(
    db_path: Path, backup: Path, pin: str, label: str, passphrase: str | None = None
) -> Path | None:
    problem = integrity_problem(backup)
    if problem is not None:
        raise InputRefused(f"{label}: integrity_check: cadangan rusak; tidak dipulihkan")
    _check_revision(backup, label)
    current_ok = db_path.exists() and integrity_ok(db_path)
    safety: Path | None = None
    keep = DEFAULT_BACKUP_KEEP
    counters = (0, 0)  # numbering already handed out here continues after the restore
    if current_ok:
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
    else:
        # the damaged file cannot check anything: the backup's PIN, or the event passphrase
        if not pin_matches_file(backup, pin) and not _passphrase_matches(backup, passphrase):
            raise UserError("PIN panitia salah")
        if db_path.exists():
            set_aside(db_path)
    try:
        kept = restore_database(backup, db_path, safety_dir=safety, keep=keep)
    except BackupError as exc:
        raise InputRefused(f"{label}: {exc}") from exc
    db = open_database(db_path)
    try:
        with db.begin() as session:
            restored = station_service.get_state(session)
            if restored is not None:
                restored.walkin_seq = max(restored.walkin_seq, counters[0])
                restored.piagam_seq = max(restored.piagam_seq, counters[1])
                audit(session, "backup.restored", reason=f"{label}; salinan: {kept}")
    finally:
        db.dispose()
    return kept


def _passphrase_matches(path: Path, passphrase: str | None) -> bool:
    if not passphrase:
        return False
    try:
        con = sqlite3.connect(ro_uri(path), uri=True)
        try:
            row = con.execute(
                "SELECT e.id, e.passphrase_check FROM event e "
                "JOIN station_state s ON s.event_id = e.id WHERE s.id = 1"
            ).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return bool(row and row[1]) and keys.passphrase_matches(passphrase, str(row[0]), str(row[1]))


def _check_revision(backup: Path, label: str) -> None:
    revision = file_revision(backup)
    if revision is None:
        raise InputRefused(f"{label}: revisi: bukan basis data BID")
    if revision not in known_revisions():
        raise InputRefused(
            f"{label}: revisi: cadangan dari versi aplikasi yang lebih baru "
            f"({revision}); perbarui aplikasi di laptop ini dulu"
        )


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
