"""Indonesian working days: weekends, libur nasional and cuti bersama, for every year.

Two sources: lokal-id carries the SKB (joint decree) of the years it knows (libur nasional and
cuti bersama, 2026-2027) and is the authority for them; every other year comes from the
maintained ``holidays`` package (Indonesia; ``public`` and ``government`` = cuti bersama), whose
lunar and Chinese-calendar dates of future years are marked *perkiraan* until decreed. A year
with estimated dates, or with no cuti bersama known, is ``estimated``: ``estimated_years`` lets
the UI say so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

# "One week after the event" (product.md, station 6) counted in working days.
FOLLOWUP_WORKING_DAYS = 5
ESTIMATED = "(perkiraan)"  # how the holidays package marks an estimated date in Indonesian


@dataclass(frozen=True)
class HolidayYear:
    year: int
    days: frozenset[dt.date]
    estimated: bool  # some dates are estimates, or no cuti bersama decree is known
    cuti_bersama_known: bool


@lru_cache(maxsize=64)
def holiday_year(year: int) -> HolidayYear:
    import holidays
    from lokal import HOLIDAY_YEARS, holidays_on

    if year in HOLIDAY_YEARS:  # lokal-id's SKB: every day it lists off
        first = dt.date(year, 1, 1)
        every = (first + dt.timedelta(days=n) for n in range(366))
        decreed = frozenset(d for d in every if d.year == year and holidays_on(d.isoformat()))
        return HolidayYear(year, decreed, estimated=False, cuti_bersama_known=True)
    public = holidays.country_holidays("ID", years=year, language="id")
    government = holidays.country_holidays(
        "ID", years=year, categories=("government",), language="id"
    )
    guessed = any(ESTIMATED in name for name in public.values())
    cuti = bool(government)
    listed = frozenset(set(public) | set(government))
    return HolidayYear(year, listed, estimated=guessed or not cuti, cuti_bersama_known=cuti)


def working_day(day: dt.date) -> bool:
    """A weekday that is no libur nasional and no cuti bersama."""
    return day.weekday() < 5 and day not in holiday_year(day.year).days


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


def estimated_years(days: list[dt.date]) -> list[int]:
    """The years among ``days`` whose holiday dates are estimates, in order."""
    return sorted({d.year for d in days if holiday_year(d.year).estimated})
