"""Keys derived from the event passphrase (scrypt, from the ``cryptography`` package)."""

from __future__ import annotations

import base64
import hmac
from functools import lru_cache

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

# scrypt cost: ~50 ms on the reference laptop, enough to slow guessing of a lost stick.
_N, _R, _P = 2**14, 8, 1


@lru_cache(maxsize=32)
def _derive(passphrase: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=_N, r=_R, p=_P).derive(passphrase.encode("utf-8"))


def package_key(passphrase: str, event_id: str) -> bytes:
    """The AEAD key of every package of one event."""
    return _derive(passphrase, b"bid-package:" + event_id.encode())


def passphrase_check(passphrase: str, event_id: str) -> str:
    """A verifier stored in the event, so a laptop can tell a mistyped passphrase at join."""
    digest = _derive(passphrase, b"bid-check:" + event_id.encode())
    return base64.b64encode(digest).decode()


def passphrase_matches(passphrase: str, event_id: str, check: str) -> bool:
    return hmac.compare_digest(passphrase_check(passphrase, event_id), check)
