"""Backups that leave the laptop are encrypted with the event key (issue 12, item 9).

A backup folder inside the laptop's own data (the database's folder, the user data folder)
gets plain verified copies; any other folder (a USB stick, a shared drive) gets copies
sealed with the event's package key (``storage.sealed``). A sealed backup is restored with
this laptop's key file, or with the event passphrase on a laptop that has none.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bid_desktop.services import keystore
from bid_desktop.services import station as station_service
from bid_desktop.services.errors import InputRefused
from bid_desktop.storage import sealed
from bid_desktop.storage.backup import integrity_ok
from bid_desktop.storage.db import Database
from bid_desktop.sync import keys


def _inside(folder: Path, root: Path) -> bool:
    try:
        return folder.resolve().is_relative_to(root.resolve())
    except OSError:
        return False


def on_this_laptop(db_path: Path, folder: Path) -> bool:
    """True for a folder inside the database's own folder or the user's data folder."""
    return _inside(folder, Path(db_path).parent) or _inside(folder, keystore.data_dir())


def seal_key(db: Database, folder: Path) -> tuple[bytes, str] | None:
    """(event key, event id) when a backup into ``folder`` must be encrypted, else None."""
    if on_this_laptop(db.path, folder):
        return None
    with db.begin() as session:
        state = station_service.get_state(session)
        if state is None or state.event_id is None:
            return None
        return keystore.event_key(session), str(state.event_id)


def key_for(backup: Path, passphrase: str | None = None) -> bytes:
    """The key that opens a sealed backup: this laptop's key file, else the passphrase."""
    header = sealed.header_of(backup)
    key = keystore.load_key(header.event_id)
    if key is not None and sealed.key_id(key) == header.key_id:
        return key
    if passphrase is None:
        raise keystore.KeyMissing(
            f"{backup.name}: cadangan terenkripsi; masukkan kata sandi acaranya"
        )
    key = keys.package_key_matching(
        passphrase, header.event_id, lambda k: sealed.key_id(k) == header.key_id
    )
    if sealed.key_id(key) != header.key_id:
        raise InputRefused(f"{backup.name}: kata sandi: kata sandi acara salah")
    return key


@contextmanager
def opened(backup: Path, work_dir: Path, passphrase: str | None = None) -> Iterator[Path]:
    """A plain SQLite path for ``backup``: itself, or its decryption in ``work_dir`` (on
    the laptop, removed afterwards)."""
    if not sealed.is_sealed(backup):
        yield backup
        return
    key = key_for(backup, passphrase)
    work_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".bid-restore-", dir=work_dir) as tmp:
        plain = Path(tmp) / backup.name.removesuffix(sealed.SUFFIX)
        try:
            sealed.unseal(backup, plain, key)
        except sealed.SealError as exc:
            raise InputRefused(f"{backup.name}: enkripsi: {exc}") from exc
        yield plain


def healthy(backup: Path) -> bool | None:
    """``integrity_check`` of a plain backup; for a sealed one, every tag checked with this
    laptop's key (None when this laptop has no key for it)."""
    if not sealed.is_sealed(backup):
        return integrity_ok(backup)
    try:
        key = key_for(backup)
        sealed.unseal(backup, None, key)
    except keystore.KeyMissing:
        return None
    except (sealed.SealError, OSError):
        return False
    return True
