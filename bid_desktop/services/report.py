"""The figures of this station's event (dashboard and `report`), aggregated in SQL."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from bid_desktop.domain.enums import BURSA_LABELS, Bursa
from bid_desktop.reports.summary import (
    BursaFigure,
    DesaFigure,
    EventSummary,
    IdeaFigure,
    InnovationFigure,
)
from bid_desktop.services.counters import (
    other_woman_attended,
    registration_counters,
    woman_rep_attended,
)
from bid_desktop.services.events import current_event
from bid_desktop.services.followup import status_counts, verification_status
from bid_desktop.services.kabupaten import kabupaten_summary
from bid_desktop.services.scope import events_in, scope_label
from bid_desktop.storage.models import Event

TOP_INNOVATIONS = 10

_PEOPLE = text(
    f"""
    SELECT COUNT(*), COUNT(checked_in_at),
           COUNT(*) FILTER (WHERE {woman_rep_attended()}),
           COUNT(*) FILTER (WHERE {other_woman_attended()})
    FROM participant WHERE event_id IN (SELECT value FROM json_each(:events)) AND NOT voided
    """
)
_PER_BURSA = text(
    """
    SELECT i.bursa, COUNT(*), COALESCE(SUM(c.amount), 0)
    FROM commitment c JOIN innovation i ON i.id = c.innovation_id
    WHERE c.event_id IN (SELECT value FROM json_each(:events)) AND NOT c.voided
    GROUP BY i.bursa
    """
)
_PER_DESA = text(
    """
    SELECT desa_code, COUNT(*), COALESCE(SUM(amount), 0) FROM commitment
    WHERE event_id IN (SELECT value FROM json_each(:events)) AND NOT voided GROUP BY desa_code
    """
)
_IDEAS = text(
    """
    SELECT COALESCE(desa_code, ''), COUNT(*) FROM idea
    WHERE event_id IN (SELECT value FROM json_each(:events)) AND NOT voided GROUP BY desa_code
    """
)
_IDEA_LIST = text(
    """
    SELECT d.name, i.proposer_name, i.title, i.already_done, i.verified_at, i.verified_feasible
    FROM idea i LEFT JOIN desa d ON d.event_id = i.event_id AND d.code = i.desa_code
    WHERE i.event_id IN (SELECT value FROM json_each(:events)) AND NOT i.voided
    ORDER BY d.name IS NULL, d.name, i.title, i.id
    """
)
_RATINGS = text(
    "SELECT COUNT(*), AVG(score) FROM rating WHERE event_id IN (SELECT value FROM json_each(:events))"
)
_TOP = text(
    """
    SELECT i.code, i.title, i.bursa, COUNT(r.id) AS n, AVG(r.score) AS mean
    FROM innovation i JOIN rating r ON r.event_id = i.event_id AND r.innovation_id = i.id
    WHERE i.event_id IN (SELECT value FROM json_each(:events)) AND NOT i.voided
    GROUP BY i.id ORDER BY mean DESC, n DESC, i.code LIMIT :limit
    """
)


@dataclass
class ReportResult:
    path: Path
    pages: int
    # what the embedded font could not print, named by place ("desa 18.06.20.2001: ơ"), never
    # by a person's name (issue 11: say which name could not be printed)
    unprintable: list[str] = field(default_factory=list)


def _kecamatan(session: Session, events: list[str]) -> str:
    rows = session.execute(
        text(
            "SELECT name FROM event_kecamatan WHERE event_id IN "
            "(SELECT value FROM json_each(:e)) ORDER BY name"
        ),
        {"e": json.dumps(events)},
    )
    names = [name for (name,) in rows]
    return ", ".join(names) if len(events) == 1 else f"{len(names)} kecamatan"


def event_summary(
    session: Session, event_id: str | None = None, scope: Sequence[str] = ()
) -> EventSummary:
    """The figures of one event (``event_id``, default this station's) or, with ``scope``,
    of the events in it added up (empty scope with several events: see ``scope_summary``)."""
    if scope:
        return scope_summary(session, scope)
    event = session.get(Event, event_id) if event_id else current_event(session)
    assert event is not None
    summary = EventSummary(
        event.name, event.date, event.venue, event.kabupaten_name, _kecamatan(session, [event.id])
    )
    return _fill(session, summary, [event.id])


def scope_summary(session: Session, scope: Sequence[str]) -> EventSummary:
    """The figures of every event in ``scope`` (empty: every event) added up."""
    events = events_in(session, scope)
    if len(events) == 1:
        return event_summary(session, events[0])
    rows = session.scalars(select(Event).where(Event.id.in_(events)).order_by(Event.date)).all()
    kabupaten = sorted({e.kabupaten_name for e in rows if e.kabupaten_name})
    summary = EventSummary(
        scope_label(session, scope),
        rows[0].date if rows else dt.date.today(),
        "",
        ", ".join(kabupaten),
        _kecamatan(session, events),
    )
    return _fill(session, summary, events)


def _fill(session: Session, summary: EventSummary, events: list[str]) -> EventSummary:
    p = {"events": json.dumps(events)}
    people = session.execute(_PEOPLE, p).one()
    summary.registered, summary.arrived, summary.woman_reps_arrived = people[:3]
    summary.other_women_arrived = people[3]
    per_bursa = {b: (n, amount) for b, n, amount in session.execute(_PER_BURSA, p)}
    summary.bursa = [
        BursaFigure(b.value, BURSA_LABELS[b], *per_bursa.get(b.value, (0, 0))) for b in Bursa
    ]
    summary.commitments = sum(f.commitments for f in summary.bursa)
    summary.amount = sum(f.amount for f in summary.bursa)
    summary.desa = [d for eid in events for d in _desa(session, eid)]
    summary.ideas = int(sum(n for _code, n in session.execute(_IDEAS, p)))
    summary.ratings, mean = session.execute(_RATINGS, p).one()
    summary.mean_rating = round(mean, 2) if mean is not None else None
    summary.top_innovations = [
        InnovationFigure(code, title, bursa, n, round(m, 2))
        for code, title, bursa, n, m in session.execute(_TOP, {**p, "limit": TOP_INNOVATIONS})
    ]
    summary.followup = status_counts(session, scope=events)
    summary.idea_list = [
        IdeaFigure(desa or "", who, title, bool(done), verification_status(when, feasible))
        for desa, who, title, done, when, feasible in session.execute(_IDEA_LIST, p)
    ]
    return summary


def _desa(session: Session, event_id: str) -> list[DesaFigure]:
    p = {"events": json.dumps([event_id])}
    commitments = {code: (n, amount) for code, n, amount in session.execute(_PER_DESA, p)}
    ideas = {code: n for code, n in session.execute(_IDEAS, p)}
    return [
        DesaFigure(
            d.code,
            d.name,
            d.registered,
            d.arrived,
            d.woman_rep_arrived,
            d.other_women_arrived,
            *commitments.get(d.code, (0, 0)),
            ideas.get(d.code, 0),
        )
        for d in registration_counters(session, event_id).desa
    ]


def write_report(
    session: Session, out: Path, event_id: str | None = None, scope: Sequence[str] = ()
) -> ReportResult:
    """The report PDF of this station's event (or ``event_id``); with ``scope`` covering
    several events, the kabupaten report: a summary per kecamatan, then a chart per kecamatan."""
    if scope or (event_id is None and len(events_in(session, ())) > 1 and _is_ta(session)):
        events = events_in(session, scope)
        if len(events) > 1:
            from bid_desktop.reports.kabupaten import write_kabupaten_pdf

            summary = scope_summary(session, scope)
            figures = kabupaten_summary(session, scope)
            per_event = {eid: _desa(session, eid) for eid in events}
            pages = write_kabupaten_pdf(summary, figures, per_event, Path(out))
            desa = [d for rows in per_event.values() for d in rows]
            return ReportResult(Path(out), pages, unprintable(summary, desa))
        event_id = events[0] if events else event_id
    from bid_desktop.reports.report import write_report_pdf

    summary = event_summary(session, event_id)
    pages = write_report_pdf(summary, Path(out))
    return ReportResult(Path(out), pages, unprintable(summary, summary.desa))


def unprintable(summary: EventSummary, desa: Sequence[DesaFigure]) -> list[str]:
    """Texts of the report with letters the embedded font lacks, each named by where it is."""
    from bid_desktop.reports import fonts

    texts = [("nama acara", summary.event_name), ("kecamatan", summary.kecamatan)]
    texts += [(f"desa {d.code}", d.name) for d in desa]
    texts += [(f"inovasi {i.code}", i.title) for i in summary.top_innovations]
    texts += [
        (f"Kartu Ide ke-{n}", f"{idea.proposer} {idea.title}")
        for n, idea in enumerate(summary.idea_list, 1)
    ]
    found = []
    for where, shown in texts:
        gone = fonts.missing(shown, fonts.SANS) or fonts.missing(shown, fonts.SANS_BOLD)
        if gone:
            found.append(f"{where}: {gone}")
    return found


def _is_ta(session: Session) -> bool:
    from bid_desktop.services.sync_events import is_ta

    return is_ta(session)
