"""R6: a skewed wall clock is warned at start, never refused; the clock keeps order."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bid_desktop.services.clock_check import clock_warnings
from bid_desktop.storage.models import Desa, Event
from bid_desktop.sync import clock


def _ms(day: dt.datetime) -> int:
    return int(day.timestamp() * 1000)


def test_no_warning_on_event_day(db):
    now = clock.wall_ms()
    with db.begin() as s:
        s.scalars(select(Event)).one().date = dt.date.fromtimestamp(now / 1000)
    with db.begin() as s:
        assert clock_warnings(s, now + 60_000) == []


def test_clock_behind_last_seen_and_far_from_event(db, monkeypatch):
    cmos = _ms(dt.datetime(2000, 1, 1, 0, 0))
    with db.begin() as s:
        warnings = clock_warnings(s, cmos)
    assert len(warnings) == 2
    assert "lebih awal" in warnings[0] and "jauh dari tanggal acara" in warnings[1]
    # and it still works: a write goes through with a clock after the last one
    monkeypatch.setattr(clock, "wall_ms", lambda: cmos)
    with db.engine.connect() as c:
        before = c.exec_driver_sql("SELECT MAX(hlc) FROM version").scalar_one()
    with db.begin() as s:
        s.scalars(select(Desa)).first().name = "ditulis dengan jam mati"
    with db.engine.connect() as c:
        after = c.exec_driver_sql("SELECT MAX(hlc) FROM version").scalar_one()
    assert after > before


def test_clock_years_ahead_is_warned(db):
    with db.begin() as s:
        warnings = clock_warnings(s, _ms(dt.datetime(2031, 1, 1)))
    assert any("jauh dari tanggal acara" in w for w in warnings)
