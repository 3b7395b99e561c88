"""The clock counter never outgrows its fixed width (issue 17 item 7)."""

from __future__ import annotations

from pathlib import Path

from bid_desktop.storage.models import Desa
from bid_desktop.sync import clock
from bid_desktop.sync.clock import HLC_LENGTH, MAX_COUNTER, Hlc
from bid_desktop.sync.merge import export_versions, validate_staged
from tests.conftest import make_event_db


def test_tick_past_the_last_counter_moves_the_time_on():
    last = Hlc(1_800_000_000_000, MAX_COUNTER)
    after = last.tick(1_700_000_000_000)  # the wall clock is far behind
    assert after > last and after == Hlc(1_800_000_000_001, 0)
    assert len(after.encode()) == HLC_LENGTH and Hlc.decode(after.encode()) == after


def test_a_laptop_behind_its_clock_near_the_counter_limit_still_exports(tmp_path: Path):
    db = make_event_db(tmp_path / "a.sqlite", "REG1", "0190f000-0000-7000-8000-00000000d019")
    try:
        with db.engine.begin() as conn:
            conn.exec_driver_sql(
                "UPDATE station_state SET hlc_wall = 4000000000000, hlc_counter = ?",
                (MAX_COUNTER - 1,),
            )
        original = clock.wall_ms
        clock.wall_ms = lambda: 1_700_000_000_000  # type: ignore[assignment]
        try:
            for name in ("Satu", "Dua", "Tiga"):
                with db.begin() as s:
                    s.query(Desa).order_by(Desa.code).first().name = name
        finally:
            clock.wall_ms = original  # type: ignore[assignment]
        path = tmp_path / "out.sqlite"
        export_versions(db, path)
        validate_staged(path, "out.sqlite")
    finally:
        db.dispose()
