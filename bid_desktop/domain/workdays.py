"""Indonesian working days (weekends, libur nasional and cuti bersama from lokal-id)."""

from __future__ import annotations

import datetime as dt

from lokal import HOLIDAY_YEARS, is_working_day

# "One week after the event" (product.md, station 6) counted in working days.
FOLLOWUP_WORKING_DAYS = 5


def working_day(day: dt.date) -> bool:
    """A weekday that is no holiday. Years lokal-id has no decree for yet count weekdays only:
    a follow-up date must still come out, a day early at worst."""
    if day.year in HOLIDAY_YEARS:
        return is_working_day(day)
    return day.weekday() < 5


def add_working_days(start: dt.date, days: int) -> dt.date:
    day, left = start, days
    while left > 0:
        day += dt.timedelta(days=1)
        if working_day(day):
            left -= 1
    return day


def followup_due(event_date: dt.date) -> dt.date:
    """When the follow-up of a commitment made at the event is due."""
    return add_working_days(event_date, FOLLOWUP_WORKING_DAYS)
