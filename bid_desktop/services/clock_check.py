"""Start-up check of the wall clock (quality.md R6): dead CMOS batteries are common.

Warn when the wall clock is before the last clock this laptop has seen, or far from the event
date; never refuse to work because of it (the hybrid logical clock keeps versions ordered).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from bid_desktop.storage.models import Event, StationState
from bid_desktop.sync import clock

BEHIND_TOLERANCE_MS = 5 * 60 * 1000  # a few minutes of drift between laptops is normal
DAYS_BEFORE_EVENT = 90
DAYS_AFTER_EVENT = 400


def clock_warnings(session: Session, now_ms: int | None = None) -> list[str]:
    now_ms = clock.wall_ms() if now_ms is None else now_ms
    now = dt.datetime.fromtimestamp(now_ms / 1000)
    state = session.get(StationState, 1)
    if state is None:
        return []
    warnings: list[str] = []
    if state.hlc_wall and now_ms + BEHIND_TOLERANCE_MS < state.hlc_wall:
        last = dt.datetime.fromtimestamp(state.hlc_wall / 1000)
        warnings.append(
            f"Jam laptop ini ({now:%d-%m-%Y %H:%M}) lebih awal dari waktu terakhir yang pernah "
            f"tercatat ({last:%d-%m-%Y %H:%M}). Periksa tanggal dan jam (baterai CMOS?). "
            "Data tetap tersimpan berurutan."
        )
    event = session.get(Event, state.event_id) if state.event_id else None
    if event is not None:
        delta = (now.date() - event.date).days
        if delta < -DAYS_BEFORE_EVENT or delta > DAYS_AFTER_EVENT:
            warnings.append(
                f"Tanggal laptop ({now:%d-%m-%Y}) jauh dari tanggal acara ({event.date:%d-%m-%Y}). "
                "Betulkan tanggal laptop bila salah; aplikasi tetap dapat dipakai."
            )
    return warnings
