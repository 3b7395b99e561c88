"""Keys derived from the event passphrase (scrypt, from the ``cryptography`` package).

New events use scrypt N = 2^17 (r 8, p 1: 128 MiB, current guidance for interactive logins);
events made before keep N = 2^14 and keep working. An event's verifier records its cost
(``s17$<base64>``; a bare base64 verifier is the old 2^14), and a package's key id tells
which cost made its key, so a laptop joining with the passphrase finds it either way.
"""

from __future__ import annotations

import base64
import hmac
import os
from collections.abc import Callable
from functools import lru_cache

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

LEGACY_COST = 14  # log2 N of events made before issue 12
NEW_COST = 17
COSTS = (NEW_COST, LEGACY_COST)
_R, _P = 8, 1


def new_event_cost() -> int:
    """log2 N for a new event; ``BID_KDF_COST`` lowers it where speed matters more than
    guessing resistance (the test suite creates hundreds of events)."""
    try:
        return max(LEGACY_COST, min(20, int(os.environ.get("BID_KDF_COST", NEW_COST))))
    except ValueError:
        return NEW_COST


@lru_cache(maxsize=32)
def _derive(passphrase: str, salt: bytes, cost: int = LEGACY_COST) -> bytes:
    kdf = Scrypt(salt=salt, length=32, n=2**cost, r=_R, p=_P)
    return kdf.derive(passphrase.encode("utf-8"))


def package_key(passphrase: str, event_id: str, cost: int = LEGACY_COST) -> bytes:
    """The AEAD key of every package of one event."""
    return _derive(passphrase, b"bid-package:" + event_id.encode(), cost)


def package_key_matching(passphrase: str, event_id: str, fits: Callable[[bytes], bool]) -> bytes:
    """The package key at whichever known cost ``fits`` (e.g. matches a header's key id);
    the new cost's key when none does (the wrong passphrase is then refused as such)."""
    for cost in COSTS:
        key = package_key(passphrase, event_id, cost)
        if fits(key):
            return key
    return package_key(passphrase, event_id, NEW_COST)


def passphrase_check(passphrase: str, event_id: str, cost: int = LEGACY_COST) -> str:
    """A verifier stored in the event, so a laptop can tell a mistyped passphrase at join."""
    digest = base64.b64encode(_derive(passphrase, b"bid-check:" + event_id.encode(), cost))
    return digest.decode() if cost == LEGACY_COST else f"s{cost}${digest.decode()}"


def cost_of(check: str) -> int:
    if check.startswith("s") and "$" in check:
        try:
            return int(check[1 : check.index("$")])
        except ValueError:
            return LEGACY_COST
    return LEGACY_COST


def passphrase_matches(passphrase: str, event_id: str, check: str) -> bool:
    cost = cost_of(check)
    if cost not in range(LEGACY_COST, 21):
        return False
    return hmac.compare_digest(passphrase_check(passphrase, event_id, cost), check)
