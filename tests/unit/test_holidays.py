"""Due dates skip Indonesian holidays and cuti bersama in every year, from a maintained
source; a year whose dates are estimates says so."""

from __future__ import annotations

import datetime as dt

from bid_desktop.domain.workdays import estimated_years, followup_due, holiday_year, working_day


def test_year_before_lokal_decrees_skips_christmas_and_cuti_bersama() -> None:
    # Mon 22 Dec 2025: 25 Dec Natal, 26 Dec cuti bersama (SKB 2025), weekend 27-28
    assert not working_day(dt.date(2025, 12, 26))
    assert followup_due(dt.date(2025, 12, 22)) == dt.date(2025, 12, 31)
    assert not holiday_year(2025).estimated and holiday_year(2025).cuti_bersama_known


def test_decreed_years_keep_their_skb() -> None:
    assert followup_due(dt.date(2026, 12, 21)) == dt.date(2026, 12, 30)
    assert not holiday_year(2026).estimated and not holiday_year(2027).estimated


def test_year_after_the_decrees_uses_estimates_and_says_so() -> None:
    # Thu 24 Feb 2028: Idul Fitri (estimated) Sun 27 and Mon 28 Feb
    assert not working_day(dt.date(2028, 2, 28))
    assert followup_due(dt.date(2028, 2, 24)) == dt.date(2028, 3, 3)
    year = holiday_year(2028)
    assert year.estimated and not year.cuti_bersama_known
    assert dt.date(2028, 8, 17) in year.days  # fixed-date holidays are known for every year
    assert estimated_years([dt.date(2026, 12, 30), dt.date(2028, 3, 3)]) == [2028]
