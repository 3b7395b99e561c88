"""Which events a view shows: one, several, or every event of a TA database (issue 13).

A scope is a tuple of event ids; the empty tuple means "every event in the database". Views
pass it down as a filter (``event_id IN …``); the status bar and the window title name it with
``scope_label``. A station laptop holds one event, so its only scope is that event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bid_desktop.services.errors import UserError
from bid_desktop.storage.models import Event, EventKecamatan

Scope = tuple[str, ...]
EVERY: Scope = ()


@dataclass(frozen=True)
class EventChoice:
    event_id: str
    name: str
    kecamatan: str
    date: dt.date


def event_choices(session: Session) -> list[EventChoice]:
    """Every event in the database, by date then kecamatan (what a scope picker lists)."""
    names = (
        select(EventKecamatan.event_id, func.group_concat(EventKecamatan.name, ", ").label("kec"))
        .group_by(EventKecamatan.event_id)
        .subquery()
    )
    rows = session.execute(
        select(Event.id, Event.name, func.coalesce(names.c.kec, ""), Event.date)
        .outerjoin(names, names.c.event_id == Event.id)
        .order_by(Event.date, names.c.kec, Event.id)
    )
    return [EventChoice(eid, name, kec, date) for eid, name, kec, date in rows]


def normalise(session: Session, scope: Sequence[str]) -> Scope:
    """The scope as a sorted tuple of events that exist; every event listed = ``EVERY``."""
    every = {c.event_id for c in event_choices(session)}
    chosen = tuple(sorted(set(scope) & every))
    return EVERY if not chosen or set(chosen) == every else chosen


def events_in(session: Session, scope: Sequence[str]) -> list[str]:
    """The event ids a scope covers, in ``event_choices`` order."""
    chosen = set(scope)
    return [c.event_id for c in event_choices(session) if not chosen or c.event_id in chosen]


def scope_label(session: Session, scope: Sequence[str]) -> str:
    """How the status bar and the window title name the scope (Indonesian)."""
    choices = event_choices(session)
    if not scope or set(scope) >= {c.event_id for c in choices}:
        if len(choices) == 1:
            return f"Kecamatan {choices[0].kecamatan}"
        return f"Semua acara ({len(choices)})"
    shown = [c for c in choices if c.event_id in set(scope)]
    if len(shown) == 1:
        return f"Kecamatan {shown[0].kecamatan}"
    return (
        f"{len(shown)} acara: "
        + ", ".join(c.kecamatan for c in shown[:3])
        + (", …" if len(shown) > 3 else "")
    )


def checked(session: Session, scope: Sequence[str]) -> Scope:
    """``scope`` as given, refused with a reason when it names an event not in the database."""
    known = {c.event_id for c in event_choices(session)}
    for event_id in scope:
        if event_id not in known:
            raise UserError(f"Acara {event_id} tidak ada di basis data ini")
    return tuple(scope)
