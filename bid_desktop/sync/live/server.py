"""The serving side: a small threaded HTTP server (stdlib ``http.server``) that answers the
handshake and hands a peer, as a sealed ``.bidsync`` package, the versions it lacks.

A request that is not sealed with the event key (wrong key, garbage, replay) gets a bare 403
and nothing else. Bounds: request bodies, open handlers, batch rows/bytes, socket timeouts,
long-poll wait.
"""

from __future__ import annotations

import datetime as dt
import json
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from bid_desktop.sync import package as pkg
from bid_desktop.sync.live import protocol, vector

MAX_REQUEST_BYTES = 256 * 1024
MAX_HANDLERS = 64
MAX_WAIT = 25.0
SOCKET_TIMEOUT = 15.0
MAX_ROWS = 2000
MAX_BYTES = 4 * 1024 * 1024
PROTOCOL_VERSION = 1


@dataclass
class ServeContext:
    db_path: Path
    package_key: bytes
    event_id: str
    event_name: str
    station: str
    watcher: vector.VersionWatcher
    max_rows: int = MAX_ROWS
    max_bytes: int = MAX_BYTES
    # called with (peer station, peer vector, "host:port" it serves on or "") after every
    # authenticated request
    on_peer: Callable[[str, vector.Vector, str], None] | None = None

    def __post_init__(self) -> None:
        self.auth_key = protocol.auth_key(self.package_key)
        self.nonces = protocol.ServerNonces()
        self.slots = threading.BoundedSemaphore(MAX_HANDLERS)
        self.bytes_sent = 0
        self.lock = threading.Lock()


class LiveServer(ThreadingHTTPServer):
    daemon_threads = True
    # SO_REUSEADDR lets a restarted laptop bind its port again at once on Linux/macOS; on
    # Windows it would let a second process bind the same port, so not there
    allow_reuse_address = sys.platform != "win32"
    request_queue_size = 64

    def __init__(self, address: tuple[str, int], context: ServeContext) -> None:
        self.context = context
        super().__init__(address, _Handler)


class _Handler(BaseHTTPRequestHandler):
    server: LiveServer
    timeout = SOCKET_TIMEOUT
    protocol_version = "HTTP/1.1"
    server_version = "bid-live"
    sys_version = ""

    def setup(self) -> None:
        super().setup()
        # headers and body go out in separate writes: without this, Nagle + delayed ACK add
        # ~40 ms to every answer
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        return  # quiet: nothing about peers goes to stderr

    def do_GET(self) -> None:  # noqa: N802
        self._guarded(self._hello)

    def do_POST(self) -> None:  # noqa: N802
        self._guarded(self._pull)

    def _guarded(self, handler: Callable[[], None]) -> None:
        ctx = self.server.context
        if not ctx.slots.acquire(blocking=False):
            self._send(503, b"")
            return
        try:
            handler()
        except (protocol.ProtocolError, ValueError, KeyError, TypeError):
            self._send(403, b"")
        except OSError:
            self.close_connection = True  # the peer went away mid-request
        finally:
            ctx.slots.release()

    def _send(self, status: int, body: bytes, kind: str = "application/octet-stream") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)
        with self.server.context.lock:
            self.server.context.bytes_sent += len(body)

    def _query(self) -> dict[str, str]:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query, max_num_fields=4)
        return {k: v[0] for k, v in query.items()} | {"_path": parts.path}

    def _hello(self) -> None:
        q = self._query()
        client = q.get("c", "")
        if q["_path"] != "/live/hello" or not protocol.valid_nonce(client):
            raise ValueError("hello")
        ctx = self.server.context
        nonce = ctx.nonces.issue()
        proof = protocol.server_proof(ctx.auth_key, client, nonce)
        body = json.dumps({"v": PROTOCOL_VERSION, "s": nonce, "proof": proof}).encode()
        self._send(200, body, "application/json")

    def _pull(self) -> None:
        q = self._query()
        client, nonce = q.get("c", ""), q.get("s", "")
        length = int(self.headers.get("Content-Length", "-1"))
        if q["_path"] != "/live/pull" or not 0 < length <= MAX_REQUEST_BYTES:
            raise ValueError("pull")
        if not protocol.valid_nonce(client) or not self.server.context.nonces.consume(nonce):
            raise ValueError("nonce")
        body = self.rfile.read(length)
        ctx = self.server.context
        skey = protocol.session_key(ctx.auth_key, client, nonce)
        request = protocol.unseal_json(skey, b"pull", body)
        station = str(request["station"])
        theirs = vector.from_json(request["vector"])
        cursors = vector.cursors_from_json(request.get("cursors"))
        direct = vector.stations_from_json(request.get("direct")) - {ctx.station}
        if station == ctx.station:
            meta = {"refused": "station", "station": ctx.station}
            self._send(200, protocol.pack_answer(protocol.seal_json(skey, b"meta", meta), b""))
            return
        if ctx.on_peer is not None:
            port = request.get("port")
            valid = isinstance(port, int) and not isinstance(port, bool) and 0 < port < 65536
            back = f"{self.client_address[0]}:{port}" if valid else ""
            ctx.on_peer(station, theirs, back)
        wait = min(max(float(request.get("wait", 0)), 0.0), MAX_WAIT)
        mine = _wait_for_news(ctx.watcher, theirs, cursors, direct, wait)
        meta, package = build_answer(ctx, mine, theirs, cursors, direct)
        self._send(200, protocol.pack_answer(protocol.seal_json(skey, b"meta", meta), package))


def _wait_for_news(
    watcher: vector.VersionWatcher,
    theirs: vector.Vector,
    cursors: dict[str, str],
    direct: frozenset[str],
    wait: float,
) -> vector.Vector:
    deadline = time.monotonic() + wait
    while True:
        mine, generation = watcher.snapshot()
        left = deadline - time.monotonic()
        if left <= 0 or vector.may_lack(mine, theirs, cursors, direct):
            return mine
        watcher.wait_change(generation, min(left, 1.0))


def build_answer(
    ctx: ServeContext,
    mine: vector.Vector,
    theirs: vector.Vector,
    cursors: dict[str, str],
    direct: frozenset[str] = frozenset(),
) -> tuple[dict[str, Any], bytes]:
    """(meta, sealed package or b"" when the peer lacks nothing)."""
    conn = vector.connect(ctx.db_path)
    try:
        conn.execute("BEGIN")  # one snapshot for the rows and their edges
        batch = vector.select_batch(
            conn,
            mine,
            theirs,
            cursors,
            max_rows=ctx.max_rows,
            max_bytes=ctx.max_bytes,
            direct=direct,
        )
        conn.execute("COMMIT")
    finally:
        conn.close()
    meta: dict[str, Any] = {
        "station": ctx.station,
        "vector": vector.to_json(mine),
        "more": batch.more,
        "gaps": batch.gaps,
        "versions": len(batch.rows),
    }
    if not batch.rows:
        return meta, b""
    return meta, package_of(ctx, batch)


def package_of(ctx: ServeContext, batch: vector.Batch) -> bytes:
    """The batch as a ``.bidsync`` package (same format, key and checks as a USB one)."""
    data, counts = vector.stage_bytes(batch.rows, batch.parents)
    manifest = pkg.make_manifest(
        event_id=ctx.event_id,
        event_name=ctx.event_name,
        station=ctx.station,
        created=dt.datetime.now().replace(microsecond=0),
        counts=counts,
        data=data,
    )
    return pkg.package_bytes(ctx.package_key, ctx.event_id, manifest, data)


def start(context: ServeContext, host: str, port: int) -> tuple[LiveServer, threading.Thread]:
    """Bind and serve in a daemon thread; ``port`` 0 picks a free one (``server_address``)."""
    server = LiveServer((host, port), context)
    thread = threading.Thread(target=server.serve_forever, name="bid-live-server", daemon=True)
    thread.start()
    return server, thread
