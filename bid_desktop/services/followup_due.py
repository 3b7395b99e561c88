"""Follow-up due dates per event, for the follow-up list at any scope (issue 13).

Due = five Indonesian working days after the event (``domain.workdays``), the same for every
commitment of an event; computed once per event date and put in a temporary table keyed by
event so the list finds each commitment's due date with one index probe.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Date, String, column, insert, select, table
from sqlalchemy.orm import Session

from bid_desktop.domain.workdays import followup_due
from bid_desktop.storage.models import Event

__all__ = ["due_table", "event_due_dates"]


@functools.lru_cache(maxsize=4096)
def _due_of(date: dt.date) -> dt.date:
    return followup_due(date)  # working days and holidays: computed once per event date


def event_due_dates(session: Session, scope: Sequence[str] = ()) -> dict[str, dt.date]:
    query = select(Event.id, Event.date)
    if scope:
        query = query.where(Event.id.in_(list(scope)))
    return {eid: _due_of(date) for eid, date in session.execute(query)}


_DUE = table("event_due", column("event_id", String), column("due", Date), schema="temp")


def due_table(session: Session, scope: Sequence[str]) -> Any:
    """(event id, due date) of the events in scope, in a temporary table keyed by event: each
    commitment finds its due date with one index probe, whatever the number of events (a
    CASE with one branch per event grew with commitments × events; a VALUES table was
    scanned per row). Temporary tables belong to this connection: never shared, never in
    the database file."""
    conn = session.connection()
    conn.exec_driver_sql(
        "CREATE TEMP TABLE IF NOT EXISTS event_due (event_id VARCHAR(36) PRIMARY KEY, due DATE)"
    )
    conn.exec_driver_sql("DELETE FROM temp.event_due")
    rows = [{"event_id": e, "due": d} for e, d in event_due_dates(session, scope).items()]
    if rows:
        conn.execute(insert(_DUE), rows)
    return _DUE
