"""Wrong committee PINs: a growing wait after a few tries (issue 12, item 10).

Kept per event in this user's data folder (``pin-attempts.json``), not in the database, so
restoring a backup or copying the database does not reset it, and it does not replicate (a
station's lock is its own). After ``FREE_TRIES`` wrong PINs each further one doubles the
wait, from ``FIRST_WAIT`` seconds up to ``MAX_WAIT``; a right PIN clears it. The clock is
the monotonic-safe wall clock: a wait never exceeds ``MAX_WAIT`` even if the clock jumps.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from bid_desktop.services.errors import UserError

FREE_TRIES = 3
FIRST_WAIT = 5
MAX_WAIT = 15 * 60


def _path() -> Path:
    from bid_desktop.services.keystore import data_dir

    return data_dir() / "pin-attempts.json"


def _load() -> dict[str, Any]:
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _save(data: dict[str, Any]) -> None:
    path = _path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only profile: the in-memory refusal still applies this time


def wait_after(failures: int) -> int:
    if failures < FREE_TRIES:
        return 0
    return int(min(MAX_WAIT, FIRST_WAIT * 2 ** (failures - FREE_TRIES)))


def check_not_locked(event_id: str, now: float | None = None) -> None:
    entry = _load().get(event_id) or {}
    until = float(entry.get("until", 0))
    now = time.time() if now is None else now
    left = int(min(until - now, MAX_WAIT) + 0.999)
    if left > 0:
        raise UserError(
            f"PIN panitia dikunci sesudah beberapa kali salah; coba lagi dalam {left} detik"
        )


def failed(event_id: str, now: float | None = None) -> int:
    """Record a wrong PIN; the seconds to wait before the next try."""
    data = _load()
    entry = data.get(event_id) or {}
    failures = int(entry.get("failures", 0)) + 1
    wait = wait_after(failures)
    now = time.time() if now is None else now
    data[event_id] = {"failures": failures, "until": now + wait}
    _save(data)
    return wait


def succeeded(event_id: str) -> None:
    data = _load()
    if event_id in data:
        del data[event_id]
        _save(data)
