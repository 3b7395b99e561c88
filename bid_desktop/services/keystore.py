"""The event's package key, kept outside the database (issue 12, item 8).

A copied database or a backup must not decrypt or forge the event's packages, so the key
(derived from the event passphrase) lives in a key file in this user's own data folder,
readable only by the user (0600 in a 0700 folder): ``<data>/keys/<event id>.key``. Where
no key file exists (a restored or copied database, another laptop), the passphrase is asked
(``unlock``) and checked against the event's verifier before the key is stored.

Databases from before this change hold the key in ``station_state.package_key``: the first
use moves it into the key file and clears the column (``event_key``).

The folder is ``$BID_DATA_DIR`` when set, else the platform's user data folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sqlalchemy.orm import Session

from bid_desktop.services import station as station_service
from bid_desktop.services.errors import UserError
from bid_desktop.storage.models import Event
from bid_desktop.sync import keys

KEY_SIZE = 32


class KeyMissing(UserError):
    """No key file for this event on this laptop: ask for the event passphrase."""


def data_dir() -> Path:
    env = os.environ.get("BID_DATA_DIR")
    if env:
        return Path(env)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or Path.home() / "AppData/Roaming") / "BID Desktop"
    if sys.platform == "darwin":
        return Path.home() / "Library/Application Support/BID Desktop"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local/share")
    return Path(base) / "bid-desktop"


def key_path(event_id: str) -> Path:
    return data_dir() / "keys" / f"{event_id}.key"


def save_key(event_id: str, key: bytes) -> Path:
    """Write the key file, readable only by this user (written to a temporary name first)."""
    if len(key) != KEY_SIZE:
        raise ValueError("package key must be 32 bytes")
    path = key_path(event_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    tmp = path.with_name(path.name + ".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, key)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, 0o600)
    tmp.replace(path)
    return path


def load_key(event_id: str) -> bytes | None:
    try:
        key = key_path(event_id).read_bytes()
    except OSError:
        return None
    return key if len(key) == KEY_SIZE else None


def event_key(session: Session, event_id: str | None = None) -> bytes:
    """This laptop's package key of ``event_id`` (default: the station's event).

    Raises ``KeyMissing`` when there is no key file and no old key to move into one."""
    state = station_service.require_state(session)
    event_id = event_id or str(state.event_id)
    key = load_key(event_id)
    if key is not None:
        return key
    legacy = bytes(state.package_key or b"") if str(state.event_id) == event_id else b""
    if len(legacy) == KEY_SIZE:  # an older database: move the key out of it
        save_key(event_id, legacy)
        state.package_key = None
        return legacy
    raise KeyMissing(
        "Kunci paket acara ini tidak ada di laptop ini (basis data dipulihkan atau disalin): "
        "masukkan kata sandi acara"
    )


def unlock(session: Session, passphrase: str, event_id: str | None = None) -> bytes:
    """Derive the key from the passphrase, check it against the event's verifier, store it."""
    state = station_service.require_state(session)
    event_id = event_id or str(state.event_id)
    event = session.get(Event, event_id)
    check = event.passphrase_check if event is not None else ""
    if not check or not keys.passphrase_matches(passphrase, event_id, check):
        raise UserError("Kata sandi acara salah")
    key = keys.package_key(passphrase, event_id, cost=keys.cost_of(check))
    save_key(event_id, key)
    if str(state.event_id) == event_id:
        state.package_key = None
    return key
