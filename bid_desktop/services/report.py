"""The figures of this station's event (dashboard and `report`), aggregated in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
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
from bid_desktop.storage.models import Event

TOP_INNOVATIONS = 10

_PEOPLE = text(
    f"""
    SELECT COUNT(*), COUNT(checked_in_at),
           COUNT(*) FILTER (WHERE {woman_rep_attended()}),
           COUNT(*) FILTER (WHERE {other_woman_attended()})
    FROM participant WHERE event_id = :event AND NOT voided
    """
)
_PER_BURSA = text(
    """
    SELECT i.bursa, COUNT(*), COALESCE(SUM(c.amount), 0)
    FROM commitment c JOIN innovation i ON i.id = c.innovation_id
    WHERE c.event_id = :event AND NOT c.voided
    GROUP BY i.bursa
    """
)
_PER_DESA = text(
    """
    SELECT desa_code, COUNT(*), COALESCE(SUM(amount), 0) FROM commitment
    WHERE event_id = :event AND NOT voided GROUP BY desa_code
    """
)
_IDEAS = text(
    """
    SELECT COALESCE(desa_code, ''), COUNT(*) FROM idea
    WHERE event_id = :event AND NOT voided GROUP BY desa_code
    """
)
_IDEA_LIST = text(
    """
    SELECT d.name, i.proposer_name, i.title, i.already_done, i.verified_at, i.verified_feasible
    FROM idea i LEFT JOIN desa d ON d.event_id = i.event_id AND d.code = i.desa_code
    WHERE i.event_id = :event AND NOT i.voided
    ORDER BY d.name IS NULL, d.name, i.title, i.id
    """
)
_RATINGS = text("SELECT COUNT(*), AVG(score) FROM rating WHERE event_id = :event")
_TOP = text(
    """
    SELECT i.code, i.title, i.bursa, COUNT(r.id) AS n, AVG(r.score) AS mean
    FROM innovation i JOIN rating r ON r.event_id = i.event_id AND r.innovation_id = i.id
    WHERE i.event_id = :event AND NOT i.voided
    GROUP BY i.id ORDER BY mean DESC, n DESC, i.code LIMIT :limit
    """
)


@dataclass
class ReportResult:
    path: Path
    pages: int


def _kecamatan(session: Session, event_id: str) -> str:
    rows = session.execute(
        text("SELECT name FROM event_kecamatan WHERE event_id = :e ORDER BY name"), {"e": event_id}
    )
    return ", ".join(name for (name,) in rows)


def event_summary(session: Session, event_id: str | None = None) -> EventSummary:
    event = session.get(Event, event_id) if event_id else current_event(session)
    assert event is not None
    p = {"event": event.id}
    summary = EventSummary(
        event.name, event.date, event.venue, event.kabupaten_name, _kecamatan(session, event.id)
    )
    people = session.execute(_PEOPLE, p).one()
    summary.registered, summary.arrived, summary.woman_reps_arrived = people[:3]
    summary.other_women_arrived = people[3]
    per_bursa = {b: (n, amount) for b, n, amount in session.execute(_PER_BURSA, p)}
    summary.bursa = [
        BursaFigure(b.value, BURSA_LABELS[b], *per_bursa.get(b.value, (0, 0))) for b in Bursa
    ]
    summary.commitments = sum(f.commitments for f in summary.bursa)
    summary.amount = sum(f.amount for f in summary.bursa)
    summary.desa = _desa(session, event.id)
    summary.ideas = int(sum(n for _code, n in session.execute(_IDEAS, p)))
    summary.ratings, mean = session.execute(_RATINGS, p).one()
    summary.mean_rating = round(mean, 2) if mean is not None else None
    summary.top_innovations = [
        InnovationFigure(code, title, bursa, n, round(m, 2))
        for code, title, bursa, n, m in session.execute(_TOP, {**p, "limit": TOP_INNOVATIONS})
    ]
    summary.followup = status_counts(session, event_id=event.id)
    summary.idea_list = [
        IdeaFigure(desa or "", who, title, bool(done), verification_status(when, feasible))
        for desa, who, title, done, when, feasible in session.execute(_IDEA_LIST, p)
    ]
    return summary


def _desa(session: Session, event_id: str) -> list[DesaFigure]:
    p = {"event": event_id}
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


def write_report(session: Session, out: Path, event_id: str | None = None) -> ReportResult:
    """The event report PDF (summary, charts, tables) of this station's event."""
    from bid_desktop.reports.report import write_report_pdf

    summary = event_summary(session, event_id)
    pages = write_report_pdf(summary, Path(out))
    return ReportResult(Path(out), pages)
