"""Many events in one TA Kabupaten database (sync.md "Scope"; issue 13).

A station laptop at the venue holds one event: a package of another event is refused. The TA
Kabupaten's database (station role ``rekap``) also takes packages of other events: the first
package of an event needs that event's passphrase (given once), whose derived key is kept in
this user's key store (``services.keystore``: outside the database, never exported; the
``event_key`` table only lists which events were unlocked) so later packages of that event need nothing. Every
package still carries exactly one event and passes every check of ``package.open_package``
with that event's key; the merge itself is the same union of versions, so every merge law
holds per event and across events.

The TA exports one package per event it holds (``export_event_packages``): every version of
the event with its original clock and station, sealed with that event's key, which a province
TA merges exactly like a kabupaten TA merges the stations'.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bid_desktop.domain.enums import Role
from bid_desktop.services import keystore
from bid_desktop.services import station as station_service
from bid_desktop.services.errors import InputRefused, UserError
from bid_desktop.storage.db import Database
from bid_desktop.storage.models import Event, EventKey
from bid_desktop.sync import keys
from bid_desktop.sync import package as _pkg
from bid_desktop.sync.events import export_event_versions
from bid_desktop.sync.staging import staging_dir

_HEADER_BYTES = 256


@dataclass(frozen=True)
class PackageKey:
    """The key a package is opened with; ``new`` when its event is not in this database yet."""

    path: Path
    event_id: str
    key: bytes
    passphrase: str = ""  # the passphrase that matched (new events only)

    @property
    def new(self) -> bool:
        return bool(self.passphrase)


def is_ta(session: Session) -> bool:
    """True when this database may hold many events (the TA Kabupaten's station)."""
    state = station_service.get_state(session)
    return state is not None and state.role == Role.REKAP.value


def known_keys(session: Session) -> dict[str, bytes]:
    """Event id → package key of every event this database can open packages of."""
    state = station_service.require_state(session)
    found: dict[str, bytes] = {}
    for row in session.scalars(select(EventKey)):
        key = keystore.load_key(str(row.event_id))
        if key is None and len(row.package_key or b"") == keystore.KEY_SIZE:
            key = bytes(row.package_key)  # kept in the database before issue 12: move it out
            keystore.save_key(str(row.event_id), key)
            row.package_key = b""
        if key is not None:
            found[str(row.event_id)] = key
    with contextlib.suppress(keystore.KeyMissing):  # a copied database: asked for elsewhere
        found[str(state.event_id)] = keystore.event_key(session)
    return found


def read_event_id(path: Path) -> str:
    """The event id in a package's header (cleartext: the key depends on it)."""
    return _pkg.read_header(_head(Path(path)), Path(path).name).event_id


def unknown_events(db: Database, paths: Sequence[Path]) -> dict[str, list[Path]]:
    """Event id → packages of events this database has no key for (their passphrase is
    needed). Empty on a station laptop: there they are refused by the merge instead."""
    with db.begin() as session:
        if not is_ta(session):
            return {}
        known = known_keys(session)
    missing: dict[str, list[Path]] = {}
    for path in paths:
        event_id = read_event_id(Path(path))
        if event_id not in known:
            missing.setdefault(event_id, []).append(Path(path))
    return missing


def opens(event_id: str, path: Path, passphrase: str) -> bool:
    """True when ``passphrase`` is the one ``path`` (a package of ``event_id``) is sealed with."""
    header = _pkg.read_header(_head(Path(path)), Path(path).name)
    return _match(event_id, header.key_id, [passphrase]) is not None


def _match(event_id: str, key_id: bytes, passphrases: Sequence[str]) -> tuple[bytes, str] | None:
    for phrase in passphrases:
        key = keys.package_key_matching(phrase, event_id, lambda k: _pkg.key_id(k) == key_id)
        if _pkg.key_id(key) == key_id:
            return key, phrase
    return None


def resolve_keys(
    db: Database, paths: Sequence[Path], passphrases: Sequence[str] = ()
) -> list[PackageKey]:
    """The key of each package, in order. A station laptop: only its own event (another is
    refused "paket dari acara lain"). A TA database: known events by their kept key, new
    ones by whichever of ``passphrases`` matches the header's key id; none matching refuses
    the package naming the check ``kata sandi``."""
    with db.begin() as session:
        ta = is_ta(session)
        known = known_keys(session)
    found: dict[str, tuple[bytes, str]] = {}
    out = []
    for path in paths:
        path = Path(path)
        blob_head = _head(path)
        header = _pkg.read_header(blob_head, path.name)
        eid = header.event_id
        if eid in known:
            out.append(PackageKey(path, eid, known[eid]))
            continue
        if not ta:
            raise _pkg.refuse(path.name, "acara", f"paket dari acara lain ({eid})")
        if eid not in found:
            match = _match(eid, header.key_id, passphrases)
            if match is None:
                reason = (
                    "kata sandi acara ini diperlukan"
                    if not passphrases
                    else ("kata sandi acara salah (kunci paket tidak cocok)")
                )
                raise _pkg.refuse(path.name, "kata sandi", reason)
            found[eid] = match
        key, phrase = found[eid]
        out.append(PackageKey(path, eid, key, phrase))
    return out


def _head(path: Path) -> bytes:
    """The first bytes of a package: enough for its header. ``read_header`` also wants room
    for the tag after the header, so a longer file's window is padded; a file shorter than
    the window is given as it is (its real length is what a refusal names)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEADER_BYTES)
    except OSError as exc:
        raise _pkg.refuse(path.name, "berkas", f"tidak dapat dibaca ({exc.strerror})") from exc
    return head + bytes(_pkg.TAG_LEN) if len(head) == _HEADER_BYTES else head


def store_new_keys(conn: sqlite3.Connection, resolved: Sequence[PackageKey]) -> None:
    """Inside the merge transaction: each new event's record must be there and its stored
    passphrase verifier must match (as at join); then its key is kept."""
    now = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    done: set[str] = set()
    for item in resolved:
        if not item.new or item.event_id in done:
            continue
        done.add(item.event_id)
        row = conn.execute(
            "SELECT passphrase_check FROM main.event WHERE id = ?", (item.event_id,)
        ).fetchone()
        if row is None:
            raise InputRefused(f"{item.path.name}: acara: paket tidak memuat data acara")
        if row[0] and not keys.passphrase_matches(item.passphrase, item.event_id, str(row[0])):
            raise InputRefused(f"{item.path.name}: kata sandi: kata sandi acara salah")
        keystore.save_key(item.event_id, item.key)  # this user's key file, not the database
        conn.execute(
            "INSERT OR REPLACE INTO main.event_key (event_id, package_key, added_at) "
            "VALUES (?, X'', ?)",
            (item.event_id, now),
        )


# --- export for the province -------------------------------------------------------------------


@dataclass(frozen=True)
class EventPackage:
    path: Path
    event_id: str
    event_name: str
    versions: int
    sha256: str


def export_event_packages(
    db: Database, out_dir: Path, event_ids: Sequence[str] | None = None
) -> list[EventPackage]:
    """One package per event (default: every event this database has a key for) into
    ``out_dir``: each carries every version of its event, original clocks and stations kept,
    sealed with that event's key (so it merges like a station's package, anywhere)."""
    from bid_desktop.services.sync import _free_name, _slug

    out_dir = Path(out_dir)
    with db.begin() as session:
        state = station_service.require_state(session)
        own, station = str(state.event_id), state.station
        known = known_keys(session)
        names = {e.id: e.name for e in session.scalars(select(Event))}
    chosen = [e for e in (event_ids if event_ids is not None else sorted(known)) if e in names]
    missing = [e for e in (event_ids or []) if e not in known or e not in names]
    if missing:
        raise UserError(f"Acara {missing[0]} tidak ada di basis data ini")
    created = dt.datetime.now().replace(microsecond=0)
    written = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with staging_dir(db.path, "bid-export-") as tmp:
            targets = {eid: Path(tmp) / f"{i}.sqlite" for i, eid in enumerate(chosen)}
            counts = export_event_versions(db, targets, own)
            for eid in chosen:
                data = targets[eid].read_bytes()
                manifest = _pkg.make_manifest(
                    event_id=eid, event_name=names[eid], station=station, created=created,
                    counts=counts[eid], data=data,
                )  # fmt: skip
                blob = _pkg.package_bytes(known[eid], eid, manifest, data)
                stem = f"{_slug(names[eid])}-{station}-{created:%Y%m%d-%H%M}"
                path = _free_name(out_dir, stem)
                _pkg.write_atomic(path, blob)
                written.append(
                    EventPackage(path, eid, names[eid], int(counts[eid]["version"]),
                                 hashlib.sha256(blob).hexdigest())
                )  # fmt: skip
    except OSError as exc:
        raise UserError(f"{out_dir}: paket tidak dapat ditulis ({exc.strerror or exc})") from exc
    return written
