"""Registration desk (station 1): find a person by typing or scanning, check in, hand the
Bursa Kit, walk-ins, corrections and voids.

Everything here takes a Session and returns plain dicts (``participant_row``) for the UI.
Searches filter, count and page in SQL on ``Participant.search`` (event-scoped index), so a
province database of 50,000 people never reaches a widget whole.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.orm import Session

from bid_desktop.domain.text import search_key
from bid_desktop.services.audit import audit, require_pin
from bid_desktop.services.errors import UserError
from bid_desktop.services.station import require_state
from bid_desktop.storage.models import Desa, Participant

PAGE = 200

# Outcomes of a scan / Enter in the search box.
CHECKED_IN = "checked_in"
ALREADY = "already"
NOT_FOUND = "not_found"
VOIDED = "voided"
MANY = "many"

ROW_COLUMNS = (
    "id",
    "number",
    "name",
    "jabatan",
    "gender",
    "desa_code",
    "institution",
    "phone",
    "category",
    "guest_category",
    "woman_rep",
    "is_kepala_desa",
    "source",
    "checked_in_at",
    "checked_in_station",
    "kit_at",
    "voided",
    "void_reason",
)


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _row_select() -> Select[Any]:
    cols = [getattr(Participant, c) for c in ROW_COLUMNS]
    return select(*cols, Desa.name.label("desa_name"), Desa.kecamatan_name).outerjoin(
        Desa, and_(Desa.event_id == Participant.event_id, Desa.code == Participant.desa_code)
    )


def _as_row(mapping: Any) -> dict[str, Any]:
    row = dict(mapping)
    row["desa_name"] = row.get("desa_name") or ""
    row["kecamatan_name"] = row.get("kecamatan_name") or ""
    return row


def participant_row(session: Session, participant_id: str) -> dict[str, Any]:
    found = session.execute(_row_select().where(Participant.id == participant_id)).first()
    if found is None:
        raise UserError("Peserta tidak ditemukan")
    return _as_row(found._mapping)


# --- search ----------------------------------------------------------------------------------


@dataclass
class SearchPage:
    text: str
    rows: list[dict[str, Any]]
    total: int
    exact_id: str | None = None  # the row whose number is exactly what was typed


def _number_of(text: str) -> str:
    return text.strip().upper()


def _conditions(event_id: str | tuple[str, ...], text: str) -> list[Any]:
    """``event_id``: one event, or a TA scope (a tuple of events; ``()`` = every event)."""
    conds: list[Any] = []
    if isinstance(event_id, str):
        conds.append(Participant.event_id == event_id)
    elif event_id:
        conds.append(Participant.event_id.in_(event_id))
    conds += [Participant.search.like(f"%{w}%") for w in search_key(text).split()]
    return conds


def search_participants(
    session: Session,
    event_id: str | tuple[str, ...],
    text: str,
    limit: int = PAGE,
    offset: int = 0,
) -> SearchPage:
    """Every typed word must appear (name, number, desa, instansi, jabatan); the person whose
    number is exactly the text comes first. Counted and paged in SQL."""
    conds = _conditions(event_id, text)
    number = _number_of(text)
    exact_first = case((Participant.number == number, 0), else_=1)
    query = (
        _row_select()
        .where(*conds)
        .order_by(exact_first, Participant.voided, Participant.name, Participant.number)
        .limit(limit)
        .offset(offset)
    )
    rows = [_as_row(r._mapping) for r in session.execute(query)]
    total = session.scalar(select(func.count()).select_from(Participant).where(*conds)) or 0
    exact = next((r["id"] for r in rows if number and r["number"] == number), None)
    return SearchPage(text=text, rows=rows, total=int(total), exact_id=exact)


def find_by_number(session: Session, event_id: str, number: str) -> dict[str, Any] | None:
    query = (
        _row_select()
        .where(Participant.event_id == event_id, Participant.number == _number_of(number))
        .order_by(Participant.voided)
        .limit(1)
    )
    found = session.execute(query).first()
    return _as_row(found._mapping) if found else None


# --- scan / check-in -------------------------------------------------------------------------


@dataclass
class ScanResult:
    status: str
    text: str
    row: dict[str, Any] | None = None
    matches: int = 0
    candidates: list[dict[str, Any]] = field(default_factory=list)


def scan(session: Session, event_id: str, text: str, when: dt.datetime | None = None) -> ScanResult:
    """Enter in the search box: an exact participant number, or text matching exactly one
    person, checks that person in. Idempotent: a second scan reports ``already``."""
    row = find_by_number(session, event_id, text)
    if row is None:
        words = search_key(text).split()
        if not words:
            return ScanResult(NOT_FOUND, text)
        page = search_participants(session, event_id, text, limit=20)
        live = [r for r in page.rows if not r["voided"]]
        if len(live) > 1 or (not live and page.total > len(page.rows)):
            return ScanResult(MANY, text, matches=page.total, candidates=page.rows)
        row = live[0] if live else (page.rows[0] if page.rows else None)
        if row is None:
            return ScanResult(NOT_FOUND, text)
    return check_in(session, row["id"], when, text=text)


def check_in(
    session: Session, participant_id: str, when: dt.datetime | None = None, text: str = ""
) -> ScanResult:
    person = _get(session, participant_id)
    if person.voided:
        return ScanResult(VOIDED, text, participant_row(session, person.id))
    if person.checked_in_at is not None:
        return ScanResult(ALREADY, text, participant_row(session, person.id))
    state = require_state(session)
    person.checked_in_at = when or now()
    person.checked_in_station = state.station
    session.flush()
    return ScanResult(CHECKED_IN, text, participant_row(session, person.id))


def hand_kit(session: Session, participant_id: str, when: dt.datetime | None = None) -> ScanResult:
    """Bursa Kit handed over; handing it means the person is here, so it checks in too."""
    person = _get(session, participant_id)
    if person.voided:
        return ScanResult(VOIDED, person.number, participant_row(session, person.id))
    if person.kit_at is not None:
        return ScanResult(ALREADY, person.number, participant_row(session, person.id))
    at = when or now()
    if person.checked_in_at is None:
        person.checked_in_at = at
        person.checked_in_station = require_state(session).station
    person.kit_at = at
    session.flush()
    return ScanResult(CHECKED_IN, person.number, participant_row(session, person.id))


def _get(session: Session, participant_id: str) -> Participant:
    person = session.get(Participant, participant_id)
    if person is None:
        raise UserError("Peserta tidak ditemukan")
    return person


# --- mistakes: undo a check-in, void ---------------------------------------------------------


def undo_check_in(session: Session, participant_id: str, reason: str, pin: str | None) -> None:
    """A wrong person was checked in: behind the committee PIN, with a reason, audited."""
    require_pin(session, pin)
    reason = _reason(reason)
    person = _get(session, participant_id)
    before = {"checked_in_at": person.checked_in_at, "kit_at": person.kit_at}
    person.checked_in_at = None
    person.checked_in_station = ""
    person.kit_at = None
    audit(session, "participant.undo_check_in", "participant", person.id, before, None, reason)
    session.flush()


def void_participant(session: Session, participant_id: str, reason: str, pin: str | None) -> None:
    """Never delete: the row stays, marked void with the reason, and the void is audited."""
    require_pin(session, pin)
    reason = _reason(reason)
    person = _get(session, participant_id)
    if person.voided:
        raise UserError(f"{person.name} ({person.number}) sudah dibatalkan")
    person.voided = True
    person.void_reason = reason
    audit(session, "participant.void", "participant", person.id, None, {"voided": True}, reason)
    session.flush()


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise UserError("Alasan wajib diisi")
    return reason
