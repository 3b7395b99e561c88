"""Keys, the mutual challenge-response and sealed envelopes of the live exchange.

Every key is derived from the event's package key (itself scrypt of the passphrase), so only
laptops that hold the event key can talk:

- ``auth_key`` = HMAC-SHA256(package key, "bid-live-auth");
- ``discovery_id`` = the first 10 bytes of HMAC-SHA256(package key, "bid-live-discovery"),
  hex: what DNS-SD advertises. Opaque: it names neither the event nor the station.

Handshake (two HTTP requests, no state kept beyond a short-lived, single-use server nonce):

1. client → ``GET /live/hello?c=<client nonce>``; server answers its nonce ``s`` and
   ``proof = HMAC(auth_key, "server" | c | s)``. The client checks the proof before it sends
   anything else: a server without the key learns nothing (not even a station code).
2. client → ``POST /live/pull`` with ``c``, ``s`` and a body sealed (AES-256-GCM) with the
   session key ``HMAC(auth_key, "session" | c | s)``. Only a holder of the key can seal it, so
   the server refuses anything else; ``s`` is consumed, so a replayed request is refused too.
   The answer is sealed with the same session key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import struct
import threading
import time
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_BYTES = 16
AEAD_NONCE = 12
SESSION_TTL = 30.0  # seconds a server nonce stays valid
MAX_OPEN_SESSIONS = 256


class ProtocolError(Exception):
    """A peer did not follow the protocol (bad proof, bad seal, malformed message)."""


def _mac(key: bytes, *parts: bytes) -> bytes:
    return hmac.new(key, b"|".join(parts), hashlib.sha256).digest()


def auth_key(package_key: bytes) -> bytes:
    return _mac(package_key, b"bid-live-auth")


def discovery_id(package_key: bytes) -> str:
    return _mac(package_key, b"bid-live-discovery")[:10].hex()


def new_nonce() -> str:
    return os.urandom(NONCE_BYTES).hex()


def valid_nonce(text: str) -> bool:
    return len(text) == 2 * NONCE_BYTES and all(c in "0123456789abcdef" for c in text)


def server_proof(akey: bytes, client_nonce: str, server_nonce: str) -> str:
    return _mac(akey, b"server", client_nonce.encode(), server_nonce.encode()).hex()


def session_key(akey: bytes, client_nonce: str, server_nonce: str) -> bytes:
    return _mac(akey, b"session", client_nonce.encode(), server_nonce.encode())


def check_server_proof(akey: bytes, client_nonce: str, server_nonce: str, proof: str) -> None:
    if not hmac.compare_digest(server_proof(akey, client_nonce, server_nonce), proof):
        raise ProtocolError("kunci acara berbeda (bukti server salah)")


def seal(key: bytes, purpose: bytes, data: bytes) -> bytes:
    nonce = os.urandom(AEAD_NONCE)
    return nonce + AESGCM(key).encrypt(nonce, data, purpose)


def unseal(key: bytes, purpose: bytes, blob: bytes) -> bytes:
    if len(blob) < AEAD_NONCE + 16:
        raise ProtocolError("pesan terpotong")
    try:
        return AESGCM(key).decrypt(blob[:AEAD_NONCE], blob[AEAD_NONCE:], purpose)
    except InvalidTag as exc:
        raise ProtocolError("autentikasi pesan gagal") from exc


def seal_json(key: bytes, purpose: bytes, obj: dict[str, Any]) -> bytes:
    return seal(key, purpose, json.dumps(obj, sort_keys=True).encode("utf-8"))


def unseal_json(key: bytes, purpose: bytes, blob: bytes) -> dict[str, Any]:
    try:
        obj = json.loads(unseal(key, purpose, blob).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ProtocolError("isi pesan bukan JSON") from exc
    if not isinstance(obj, dict):
        raise ProtocolError("isi pesan bukan objek")
    return obj


def pack_answer(meta_sealed: bytes, package: bytes) -> bytes:
    """Answer of /live/pull: u32 length of the sealed meta, the sealed meta, the package."""
    return struct.pack(">I", len(meta_sealed)) + meta_sealed + package


def unpack_answer(body: bytes, max_meta: int) -> tuple[bytes, bytes]:
    if len(body) < 4:
        raise ProtocolError("jawaban terpotong")
    (n,) = struct.unpack(">I", body[:4])
    if n > max_meta or len(body) < 4 + n:
        raise ProtocolError("jawaban tidak sah")
    return body[4 : 4 + n], body[4 + n :]


class ServerNonces:
    """Nonces this server handed out: valid for ``SESSION_TTL`` seconds, used once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: dict[str, float] = {}

    def issue(self) -> str:
        nonce = new_nonce()
        now = time.monotonic()
        with self._lock:
            expired = [n for n, t in self._open.items() if t < now]
            for n in expired:
                del self._open[n]
            if len(self._open) >= MAX_OPEN_SESSIONS:
                oldest = min(self._open, key=self._open.__getitem__)
                del self._open[oldest]
            self._open[nonce] = now + SESSION_TTL
        return nonce

    def consume(self, nonce: str) -> bool:
        with self._lock:
            expiry = self._open.pop(nonce, None)
        return expiry is not None and expiry >= time.monotonic()
