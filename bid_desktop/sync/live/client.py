"""The pulling side: one handshake and one pull from a peer (``http.client``, bounded).

The client checks the server's proof before it sends anything, reads at most
``MAX_ANSWER_BYTES`` and gives up after the timeouts. The package it returns has not been
checked yet: the caller opens it with ``package.open_package`` like a USB package.
"""

from __future__ import annotations

import http.client
import json
import socket
from dataclasses import dataclass, field
from typing import Any

from bid_desktop.sync import package as pkg
from bid_desktop.sync.live import protocol, vector

CONNECT_TIMEOUT = 3.0
MAX_ANSWER_BYTES = pkg.MAX_PACKAGE_BYTES // 8  # 96 MB: a batch is ≤ 4 MB of payload (+ photo)
MAX_META_BYTES = 256 * 1024
MAX_HELLO_BYTES = 4096


class PeerError(Exception):
    """The peer could not be reached or answered nonsense (message: Indonesian, no data)."""


class WrongKey(PeerError):
    """The peer does not hold this event's key (another event, a stranger)."""


@dataclass
class PullAnswer:
    station: str
    vector: vector.Vector
    more: bool
    gaps: list[str]
    package: bytes
    bytes_received: int
    refused: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


def split_address(address: str) -> tuple[str, int]:
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise PeerError(f"alamat '{address[:60]}' tidak sah (contoh 192.168.43.12:8765)")
    return host.strip("[]"), int(port)


def _read(response: http.client.HTTPResponse, cap: int) -> bytes:
    length = response.getheader("Content-Length")
    if length is None or not length.isdigit() or int(length) > cap:
        raise PeerError("jawaban peer terlalu besar atau tanpa panjang")
    body = response.read(int(length))
    if len(body) != int(length):
        raise PeerError("sambungan terputus di tengah jawaban")
    return body


def pull(
    address: str,
    akey: bytes,
    station: str,
    mine: vector.Vector,
    cursors: dict[str, str],
    *,
    wait: float,
    direct: list[str] | None = None,
    serving_port: int = 0,
) -> PullAnswer:
    """Handshake with ``address`` then ask for what ``mine`` lacks (long-poll ``wait`` s)."""
    host, port = split_address(address)
    conn = http.client.HTTPConnection(host, port, timeout=CONNECT_TIMEOUT)
    try:
        conn.connect()
        assert conn.sock is not None
        conn.sock.settimeout(CONNECT_TIMEOUT + 5)
        conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # see server.setup
        client_nonce = protocol.new_nonce()
        conn.request("GET", f"/live/hello?c={client_nonce}")
        response = conn.getresponse()
        hello = _read(response, MAX_HELLO_BYTES)
        if response.status != 200:
            raise PeerError(f"peer menolak sapaan (HTTP {response.status})")
        try:
            greeting = json.loads(hello)
            server_nonce, proof = str(greeting["s"]), str(greeting["proof"])
        except (ValueError, KeyError, TypeError) as exc:
            raise PeerError("sapaan peer tidak sah") from exc
        if not protocol.valid_nonce(server_nonce):
            raise PeerError("sapaan peer tidak sah")
        try:
            protocol.check_server_proof(akey, client_nonce, server_nonce, proof)
        except protocol.ProtocolError as exc:
            raise WrongKey("peer tidak memegang kunci acara ini") from exc
        skey = protocol.session_key(akey, client_nonce, server_nonce)
        request = {
            "station": station,
            "vector": vector.to_json(mine),
            "cursors": cursors,
            "wait": wait,
            "direct": sorted(direct or []),
            "port": serving_port,  # where this laptop serves: the peer pulls back from it
        }
        body = protocol.seal_json(skey, b"pull", request)
        conn.sock.settimeout(wait + CONNECT_TIMEOUT + 10)
        conn.request("POST", f"/live/pull?c={client_nonce}&s={server_nonce}", body=body, headers={})
        response = conn.getresponse()
        answer = _read(response, MAX_ANSWER_BYTES)
        if response.status != 200:
            raise PeerError(f"peer menolak permintaan (HTTP {response.status})")
        return _answer(skey, answer)
    except (OSError, http.client.HTTPException) as exc:
        raise PeerError(f"peer tidak terjangkau ({type(exc).__name__})") from exc
    finally:
        conn.close()


def _answer(skey: bytes, body: bytes) -> PullAnswer:
    try:
        sealed, package = protocol.unpack_answer(body, MAX_META_BYTES)
        meta = protocol.unseal_json(skey, b"meta", sealed)
        station = str(meta["station"])
        if meta.get("refused"):
            return PullAnswer(station, {}, False, [], b"", len(body), str(meta["refused"]), meta)
        gaps = meta.get("gaps", [])
        if not isinstance(gaps, list) or not all(isinstance(g, str) for g in gaps):
            raise ValueError("gaps")
        return PullAnswer(
            station=station,
            vector=vector.from_json(meta["vector"]),
            more=bool(meta["more"]),
            gaps=gaps[: vector.MAX_STATIONS],
            package=package,
            bytes_received=len(body),
            meta=meta,
        )
    except (protocol.ProtocolError, ValueError, KeyError, TypeError) as exc:
        raise PeerError("jawaban peer tidak sah") from exc
