"""Live sync at the venue: serve this laptop's versions and pull every peer's (sync.md).

``LiveNode`` runs, all off the caller's thread: the HTTP server (``sync/live/server.py``), a
watcher that notices new versions (``PRAGMA data_version``, every ``poll`` seconds), one
puller thread per peer (long-poll, back-off while a peer is away) and, if asked, DNS-SD
discovery. A pulled batch is a ``.bidsync`` package: it is opened with every check of a USB
package (``package.open_package``) and merged by ``batch.merge_each`` in one transaction, one
merge at a time (short: a batch is at most a few thousand versions), so the app's database
worker is never held for long. A dropped connection leaves nothing half merged; the next pull
starts from what the database holds, so catch-up is automatic.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bid_desktop.services import keystore
from bid_desktop.services.errors import InputRefused, UserError
from bid_desktop.storage.db import Database
from bid_desktop.storage.models import Event, StationState
from bid_desktop.sync import batch
from bid_desktop.sync import package as pkg
from bid_desktop.sync.live import client, protocol, server, vector
from bid_desktop.sync.staging import StagingDir

log = logging.getLogger(__name__)

LONG_POLL = 20.0
MAX_BACKOFF = 10.0
MAX_PEERS = 32  # a hostile flood of DNS-SD records must not start threads without end
DEFAULT_PORT = 8765  # the port a typed address names (another one when it is taken)


@dataclass
class PeerStatus:
    address: str
    station: str = ""
    state: str = "menghubungkan"  # terhubung | tidak terjangkau | ditolak | menghubungkan
    we_lack: int = 0  # versions the peer holds that this laptop does not (by counts)
    they_lack: int = 0  # versions this laptop holds that the peer does not: how far behind
    last_contact: float = 0.0  # time.monotonic() of the last good exchange
    reason: str = ""
    received_versions: int = 0


@dataclass
class LiveNews:
    """One merged batch (what the window refreshes on)."""

    peer: str
    versions_new: int
    added: int
    updated: int
    conflicts_hard: int
    new_hard_conflicts: list[tuple[str, str]] = field(default_factory=list)  # (record, entity)


@dataclass
class LiveIdentity:
    event_id: str
    event_name: str
    station: str
    package_key: bytes


def identity(db: Database) -> LiveIdentity | None:
    """This laptop's event, station and key, or None when it has not joined an event."""
    with db.begin() as session:
        state = session.get(StationState, 1)
        if state is None or not state.event_id:
            return None
        try:
            key = keystore.event_key(session)  # this user's key file (issue 12)
        except keystore.KeyMissing:
            return None  # a copied database: unlocked with the passphrase first
        event = session.get(Event, state.event_id)
        return LiveIdentity(
            str(state.event_id),
            event.name if event is not None else "",
            state.station,
            key,
        )


class LiveNode:
    def __init__(
        self,
        db: Database,
        *,
        host: str = "0.0.0.0",  # noqa: S104 - the venue's LAN is the point
        port: int = 0,
        poll: float = 0.2,
        long_poll: float = LONG_POLL,
        on_news: Callable[[LiveNews], None] | None = None,
        pull_back: bool = True,
    ) -> None:
        me = identity(db)
        if me is None:
            raise UserError("Laptop ini belum bergabung ke acara: sinkron langsung tidak aktif")
        self.db, self.me, self.poll, self.long_poll = db, me, poll, long_poll
        self.on_news = on_news
        self.pull_back = pull_back  # pull from laptops that pull from us (typed on one side)
        self._akey = protocol.auth_key(me.package_key)
        self._stop = threading.Event()
        self._nudged = threading.Event()
        self._merge_lock = threading.Lock()
        self._status_lock = threading.Lock()
        self._peers: dict[str, PeerStatus] = {}
        self._threads: list[threading.Thread] = []
        # batches are decrypted here: beside the database, locked while this node runs
        self._tmp = StagingDir(db.path, "bid-live-")
        self._inbox = self._tmp.path
        self.watcher = vector.VersionWatcher(db.path)
        self.context = server.ServeContext(
            db_path=db.path,
            package_key=me.package_key,
            event_id=me.event_id,
            event_name=me.event_name,
            station=me.station,
            watcher=self.watcher,
            on_peer=self._heard_from,
        )
        try:
            self.server, _thread = server.start(self.context, host, port)
        except OSError:
            if port == 0:
                self.watcher.close()
                raise
            self.server, _thread = server.start(self.context, host, 0)
        self.address = self.server.server_address
        self._spawn(self._watch, "bid-live-watch")

    # --- lifecycle ----------------------------------------------------------------------

    @property
    def port(self) -> int:
        return int(self.address[1])

    def _spawn(self, target: Callable[..., None], name: str, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        self._threads.append(thread)
        thread.start()

    def add_peer(self, address: str) -> bool:
        """Start pulling from ``address`` (host:port); False when already known or invalid."""
        try:
            client.split_address(address)
        except client.PeerError:
            return False
        with self._status_lock:
            if address in self._peers or self._stop.is_set() or len(self._peers) >= MAX_PEERS:
                return False
            self._peers[address] = PeerStatus(address)
        self._spawn(self._pull_loop, f"bid-live-pull-{address}", address)
        return True

    def stop(self) -> None:
        self._stop.set()
        self._nudged.set()
        self.server.shutdown()
        self.server.server_close()
        deadline = time.monotonic() + 1.0
        for thread in self._threads:
            # a long-poll in flight ends on its own and never merges after stop
            thread.join(timeout=max(0.0, deadline - time.monotonic()))
        with self._merge_lock:
            self.watcher.close()
            self._tmp.cleanup()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def statuses(self) -> list[PeerStatus]:
        with self._status_lock:
            return [PeerStatus(**vars(p)) for p in self._peers.values()]

    @property
    def bytes_sent(self) -> int:
        return self.context.bytes_sent

    # --- threads ------------------------------------------------------------------------

    def nudge(self) -> None:
        """This laptop just wrote something: look now rather than at the next poll."""
        self._nudged.set()

    def _watch(self) -> None:
        while not self._stop.is_set():
            self._nudged.wait(self.poll)
            self._nudged.clear()
            try:
                with self._merge_lock:
                    if not self._stop.is_set():
                        self.watcher.refresh()
            except sqlite3.Error:
                log.warning("live: database not readable", exc_info=True)

    def _heard_from(self, station: str, theirs: vector.Vector, back: str) -> None:
        """An authenticated peer pulled from us: note how far behind it is, and pull back
        from it when we do not know it yet (a typed address is needed on one side only)."""
        mine, _gen = self.watcher.snapshot()
        known = False
        with self._status_lock:
            for peer in self._peers.values():
                if peer.station == station:
                    peer.they_lack = vector.behind(mine, theirs)
                    known = True
        if not known and back and self.pull_back:
            self.add_peer(back)

    def _direct(self, address: str) -> list[str]:
        """Stations this laptop is pulling from first hand right now (other than ``address``):
        the peer at ``address`` need not relay their versions."""
        with self._status_lock:
            return [
                p.station
                for a, p in self._peers.items()
                if a != address and p.station and p.state == "terhubung"
            ]

    def _set(self, address: str, **changes: object) -> None:
        with self._status_lock:
            peer = self._peers[address]
            for key, value in changes.items():
                setattr(peer, key, value)

    def _pull_loop(self, address: str) -> None:
        cursors: dict[str, str] = {}
        backoff = 0.5
        wait = 0.0
        while not self._stop.is_set():
            mine, _gen = self.watcher.snapshot()
            try:
                answer = client.pull(
                    address,
                    self._akey,
                    self.me.station,
                    mine,
                    cursors,
                    wait=wait,
                    direct=self._direct(address),
                    serving_port=self.port,
                )
                if answer.refused or answer.station == self.me.station:
                    self._set(address, state="ditolak", reason="kode stasiun sama")
                    self._stop.wait(30.0)
                    continue
                got = self._merge(answer) if answer.package else {}
            except client.WrongKey as exc:
                self._set(address, state="ditolak", reason=str(exc))
                self._stop.wait(MAX_BACKOFF)
                continue
            except client.PeerError as exc:
                self._set(address, state="tidak terjangkau", reason=str(exc))
                self._stop.wait(backoff)
                backoff, wait = min(backoff * 2, MAX_BACKOFF), 0.0
                continue
            except (InputRefused, UserError) as exc:
                self._set(address, state="ditolak", reason=str(exc))
                self._stop.wait(MAX_BACKOFF)
                continue
            except (OSError, sqlite3.Error) as exc:  # disk full, database locked too long...
                log.warning("live: merge from %s failed", address, exc_info=True)
                self._set(address, state="tidak terjangkau", reason=type(exc).__name__)
                self._stop.wait(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)
                continue
            backoff = 0.5
            _advance(cursors, answer, got)
            wait = 0.0 if answer.more else self.long_poll
            mine, _gen = self.watcher.snapshot()
            self._set(
                address,
                station=answer.station,
                state="terhubung",
                reason="",
                last_contact=time.monotonic(),
                we_lack=vector.behind(answer.vector, mine),
                they_lack=vector.behind(mine, answer.vector),
            )

    def _merge(self, answer: client.PullAnswer) -> dict[str, str]:
        """Check and merge one pulled package; returns the latest clock per station in it."""
        label = f"langsung-{answer.station}"
        path = self._inbox / f"{label}-{threading.get_ident()}.bidsync"
        stage = self._inbox / f"stage-{threading.get_ident()}"
        path.write_bytes(answer.package)
        try:
            opened = pkg.open_package(
                path, stage, key=self.me.package_key, event_id=self.me.event_id
            )
            got = _latest_per_station(opened.data_path)
            with self._merge_lock:
                if self._stop.is_set():
                    return got
                before: set[str] = set()

                def prepare(conn: sqlite3.Connection) -> None:
                    before.update(_hard_conflicts(conn))

                news: list[tuple[str, str]] = []

                def finish(conn: sqlite3.Connection, _result: batch.BatchResult) -> None:
                    now = _hard_conflicts(conn)
                    news.extend((r, e) for r, e in now.items() if r not in before)

                result = batch.merge_each(
                    self.db, [(opened.data_path, label)], prepare=prepare, finish=finish
                )
                self.watcher.refresh()
        finally:
            path.unlink(missing_ok=True)
            for staged in stage.glob("*") if stage.exists() else []:
                staged.unlink()
        figures = result.files[0]
        with self._status_lock:
            for peer in self._peers.values():
                if peer.station == answer.station:
                    peer.received_versions += figures.versions_new
        if self.on_news is not None and figures.versions_new:
            self.on_news(
                LiveNews(
                    peer=answer.station,
                    versions_new=figures.versions_new,
                    added=figures.added,
                    updated=figures.updated,
                    conflicts_hard=result.report.conflicts_hard,
                    new_hard_conflicts=sorted(news),
                )
            )
        return got


def _hard_conflicts(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT record_id, entity FROM main.conflict WHERE kind = 'hard'"))


def _latest_per_station(data_path: Path) -> dict[str, str]:
    conn = sqlite3.connect(f"file:{data_path}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT station, MAX(hlc) FROM version GROUP BY station"))
    finally:
        conn.close()


def _advance(cursors: dict[str, str], answer: client.PullAnswer, got: dict[str, str]) -> None:
    """Gap-filling cursors (see ``sync/live/vector.py``): start a gap from the beginning,
    move a cursor past what arrived, forget them all once the peer says nothing is left."""
    if not answer.more:
        cursors.clear()
        return
    for station in answer.gaps:
        cursors.setdefault(station, "")
    for station, hlc in got.items():
        if station in cursors:
            cursors[station] = max(cursors[station], hlc)
