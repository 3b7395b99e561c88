"""On the bursa floor: door attendance by badge scan, innovation ratings, the live ranking.

A rating is identified by (event, participant, innovation) — ``ids.rating_id`` — so rating
again updates the one rating (on this laptop or, after a merge, across laptops). The ranking
is one SQL aggregate per bursa over the event-scoped rating index.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, func, select, text
from sqlalchemy.orm import Session

from bid_desktop.domain import ids
from bid_desktop.services.audit import audit
from bid_desktop.services.bursa import check_bursa
from bid_desktop.services.bursa_rooms import session_rows
from bid_desktop.services.commitments import find_innovation
from bid_desktop.services.errors import UserError
from bid_desktop.services.registration import find_by_number
from bid_desktop.services.station import require_state
from bid_desktop.storage.models import (
    Attendance,
    BursaSession,
    Desa,
    Innovation,
    Participant,
    Rating,
)

NEW, ALREADY, UPDATED, SAME = "new", "already", "updated", "same"
SCORES = range(1, 6)


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def find_participant(session: Session, event_id: str, text: str) -> dict[str, Any]:
    """The participant whose badge number was scanned or typed; refused when unknown or voided."""
    row = find_by_number(session, event_id, text)
    if row is None:
        raise UserError(f"Tidak ditemukan: {text.strip()} — periksa nomor badge")
    if row["voided"]:
        raise UserError(f"{row['name']} ({row['number']}) sudah dibatalkan di registrasi")
    return row


# --- attendance ------------------------------------------------------------------------------


@dataclass
class AttendanceResult:
    status: str  # NEW or ALREADY
    person: dict[str, Any]
    session_name: str
    scanned_at: dt.datetime
    count: int  # people recorded in this session so far


def record_attendance(
    session: Session, event_id: str, session_id: str, text: str, when: dt.datetime | None = None
) -> AttendanceResult:
    """Scan at the door of a session; a second scan of the same badge records nothing."""
    bursa_session = session.get(BursaSession, session_id)
    if bursa_session is None or bursa_session.event_id != event_id:
        raise UserError("Pilih sesi dulu")
    person = find_participant(session, event_id, text)
    aid = ids.attendance_id(event_id, session_id, person["id"])
    existing = session.get(Attendance, aid)
    status = ALREADY if existing is not None else NEW
    if existing is None:
        state = require_state(session)
        existing = Attendance(
            id=aid,
            event_id=event_id,
            session_id=session_id,
            participant_id=person["id"],
            scanned_at=when or now(),
            station=state.station,
        )
        session.add(existing)
        audit(session, "attendance.scan", "attendance", aid, after={"number": person["number"]})
        session.flush()
    count = attendance_count(session, session_id)
    return AttendanceResult(status, person, bursa_session.name, existing.scanned_at, count)


# --- ratings -----------------------------------------------------------------------------------


@dataclass
class RatingResult:
    status: str  # NEW, UPDATED or SAME
    person: dict[str, Any]
    code: str
    title: str
    score: int
    previous: int | None


def rate(
    session: Session,
    event_id: str,
    participant_id: str,
    innovation_code: str,
    score: int,
    when: dt.datetime | None = None,
) -> RatingResult:
    """Record or update the participant's rating (1–5) of one innovation."""
    if score not in SCORES:
        raise UserError(f"Nilai {score} tidak sah: 1 sampai 5")
    person = session.get(Participant, participant_id)
    if person is None or person.event_id != event_id or person.voided:
        raise UserError("Peserta tidak ditemukan atau sudah dibatalkan")
    innovation = find_innovation(session, event_id, innovation_code)
    rid = ids.rating_id(event_id, participant_id, innovation.code)
    rating = session.get(Rating, rid)
    previous = rating.score if rating is not None else None
    station = require_state(session).station
    if rating is None:
        rating = Rating(id=rid, event_id=event_id, participant_id=participant_id,
                        innovation_id=innovation.id, score=score, rated_at=when or now(),
                        station=station)  # fmt: skip
        session.add(rating)
        status = NEW
    elif previous == score:
        status = SAME
    else:
        rating.score, rating.rated_at, rating.station = score, when or now(), station
        status = UPDATED
    if status != SAME:
        audit(session, f"rating.{status}", "rating", rid, before=previous, after=score)
        session.flush()
    who = {"id": person.id, "number": person.number, "name": person.name}
    return RatingResult(status, who, innovation.code, innovation.title, score, previous)


def ratings_of(session: Session, event_id: str, participant_id: str) -> dict[str, int]:
    """innovation code → score, of one participant (shown next to the pick list)."""
    query = (
        select(Innovation.code, Rating.score)
        .join(Innovation, Innovation.id == Rating.innovation_id)
        .where(Rating.event_id == event_id, Rating.participant_id == participant_id)
    )
    return {code: score for code, score in session.execute(query)}


# --- ranking ---------------------------------------------------------------------------------


def ranking(session: Session, event_id: str, bursa: str) -> list[dict[str, Any]]:
    """Innovations of one bursa by mean score (then number of ratings), computed in SQL.
    Ratings of participants voided at registration do not count."""
    counted = and_(
        Rating.event_id == Innovation.event_id,
        Rating.innovation_id == Innovation.id,
        ~select(Participant.id)
        .where(Participant.id == Rating.participant_id, Participant.voided.is_(True))
        .exists(),
    )
    per_score = [func.sum(case((Rating.score == s, 1), else_=0)).label(f"n{s}") for s in SCORES]
    mean = func.avg(Rating.score)
    query = (
        select(
            Innovation.id,
            Innovation.code,
            Innovation.title,
            func.count(Rating.id).label("count"),
            mean.label("mean"),
            *per_score,
        )
        .outerjoin(Rating, counted)
        .where(
            Innovation.event_id == event_id,
            Innovation.bursa == check_bursa(bursa),
            Innovation.voided.is_(False),
        )
        .group_by(Innovation.id)
        .order_by(mean.is_(None), mean.desc(), func.count(Rating.id).desc(), Innovation.code)
    )
    rows = []
    for rank, r in enumerate(session.execute(query), start=1):
        row = dict(r._mapping)
        row["rank"] = rank if row["count"] else None
        row["mean"] = round(float(row["mean"]), 2) if row["mean"] is not None else None
        row["spread"] = " · ".join(f"{s}:{row[f'n{s}'] or 0}" for s in SCORES)
        rows.append(row)
    return rows


def session_choices(session: Session, event_id: str, bursa: str) -> list[dict[str, Any]]:
    """Sessions of one bursa for the door-scan picker (name, room, times)."""
    return session_rows(session, event_id, bursa)


def attendance_rows(session: Session, session_id: str, limit: int = 200) -> list[dict[str, Any]]:
    """Who came into one session, latest first (a page, not everyone)."""
    query = (
        select(
            Attendance.id,
            Attendance.scanned_at,
            Attendance.station,
            Participant.number,
            Participant.name,
            Desa.name.label("desa_name"),
        )
        .join(Participant, Participant.id == Attendance.participant_id)
        .outerjoin(
            Desa, and_(Desa.event_id == Participant.event_id, Desa.code == Participant.desa_code)
        )
        .where(Attendance.session_id == session_id)
        .order_by(Attendance.scanned_at.desc(), Participant.name)
        .limit(limit)
    )
    return [dict(r._mapping) for r in session.execute(query)]


# A participant voided as the duplicate of another (sync/duplicates.py: "duplikat dari
# <number>") attends as that survivor: a linked person is counted once.
_ATTENDANCE_COUNT = text(
    """
    SELECT COUNT(DISTINCT COALESCE(s.id, a.participant_id)) FROM attendance a
    LEFT JOIN participant d ON d.id = a.participant_id AND d.voided
         AND d.void_reason LIKE 'duplikat dari %'
    LEFT JOIN participant s ON s.event_id = d.event_id
         AND s.number = substr(d.void_reason, 15) AND NOT s.voided
    WHERE a.session_id = :session_id
    """
)


def attendance_count(session: Session, session_id: str) -> int:
    return int(session.scalar(_ATTENDANCE_COUNT, {"session_id": session_id}) or 0)


__all__ = [
    "ALREADY",
    "NEW",
    "SAME",
    "UPDATED",
    "AttendanceResult",
    "RatingResult",
    "attendance_count",
    "attendance_rows",
    "find_participant",
    "rate",
    "ranking",
    "ratings_of",
    "record_attendance",
    "session_choices",
]
