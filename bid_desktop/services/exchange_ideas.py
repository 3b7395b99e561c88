"""Kartu Ide received at Jendela 3: any participant describes an innovation not on the menu.

Identity is ``ids.idea_id`` (proposer, desa, title) — the same rule as ``import ideas``, so a
card typed here and transcribed later from paper is one record. Edits keep the id; a wrong
card is voided with the committee PIN and a reason, never deleted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from bid_desktop.domain import ids
from bid_desktop.domain.enums import Source
from bid_desktop.domain.text import fold
from bid_desktop.services.audit import audit, require_pin
from bid_desktop.services.commitments import find_desa
from bid_desktop.services.errors import UserError
from bid_desktop.services.registration import find_by_number
from bid_desktop.services.station import require_state
from bid_desktop.storage.models import Desa, Idea

PAGE = 200
EDITABLE = (
    "proposer_name",
    "participant_id",
    "desa_code",
    "title",
    "description",
    "already_done",
    "results",
)


@dataclass
class IdeaForm:
    proposer_name: str
    title: str
    desa_code: str | None = None
    participant_id: str | None = None
    description: str = ""
    already_done: bool = False
    results: str = ""


class IdeaFieldError(UserError):
    """A refused field of the form: ``field`` names it so the form can point at it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _clean(session: Session, event_id: str, form: IdeaForm) -> IdeaForm:
    name, title = form.proposer_name.strip(), form.title.strip()
    if not name:
        raise IdeaFieldError("proposer_name", "Nama pengusul wajib diisi")
    if not title:
        raise IdeaFieldError("title", "Judul ide wajib diisi")
    code = (form.desa_code or "").strip() or None
    if code is not None:
        try:
            find_desa(session, event_id, code)
        except UserError as exc:
            raise IdeaFieldError("desa_code", str(exc)) from exc
    return IdeaForm(
        proposer_name=name,
        title=title,
        desa_code=code,
        participant_id=form.participant_id,
        description=form.description.strip(),
        already_done=form.already_done,
        results=form.results.strip(),
    )


def save_idea(session: Session, form: IdeaForm, idea_id: str | None = None) -> dict[str, Any]:
    """A new card (``idea_id`` None) or an edit of one; returns its row."""
    state = require_state(session)
    event_id = state.event_id
    assert event_id is not None
    clean = _clean(session, event_id, form)
    if idea_id is None:
        return _add(session, event_id, state.station, clean)
    idea = _get(session, idea_id)
    before = {k: getattr(idea, k) for k in EDITABLE}
    for key, value in asdict(clean).items():
        setattr(idea, key, value)
    after = {k: getattr(idea, k) for k in EDITABLE}
    if after != before:
        audit(session, "idea.edit", "idea", idea.id, before, after)
    session.flush()
    return idea_row(session, idea.id)


def _add(session: Session, event_id: str, station: str, form: IdeaForm) -> dict[str, Any]:
    new_id = ids.idea_id(event_id, form.proposer_name, form.desa_code, form.title)
    existing = session.get(Idea, new_id)
    if existing is not None and not existing.voided:
        raise IdeaFieldError(
            "title", f"Kartu ide “{existing.title}” dari {existing.proposer_name} sudah tercatat"
        )
    idea = existing or Idea(id=new_id, event_id=event_id)
    if existing is None:
        session.add(idea)
    else:  # the same card again after a void: it counts again, on the record
        idea.voided, idea.void_reason = False, ""
        audit(session, "idea.unvoid", "idea", idea.id, reason="kartu diterima lagi")
    for key, value in asdict(form).items():
        setattr(idea, key, value)
    idea.received_at = dt.datetime.now().replace(microsecond=0)
    idea.station = station
    idea.source = Source.JENDELA3.value
    session.flush()
    return idea_row(session, idea.id)


def void_idea(session: Session, idea_id: str, reason: str, pin: str | None) -> dict[str, Any]:
    require_pin(session, pin)
    reason = (reason or "").strip()
    if not reason:
        raise UserError("Alasan pembatalan wajib diisi")
    idea = _get(session, idea_id)
    if idea.voided:
        raise UserError(f"Kartu ide “{idea.title}” sudah dibatalkan")
    idea.voided, idea.void_reason = True, reason
    audit(session, "idea.void", "idea", idea.id, None, {"voided": True}, reason)
    session.flush()
    return idea_row(session, idea.id)


def _get(session: Session, idea_id: str) -> Idea:
    idea = session.get(Idea, idea_id)
    if idea is None:
        raise UserError("Kartu ide tidak ditemukan")
    return idea


# --- the list ----------------------------------------------------------------------------------

_COLUMNS = (
    Idea.id,
    Idea.proposer_name,
    Idea.participant_id,
    Idea.desa_code,
    Idea.title,
    Idea.description,
    Idea.already_done,
    Idea.results,
    Idea.received_at,
    Idea.station,
    Idea.source,
    Idea.voided,
    Idea.void_reason,
)


def _select():  # type: ignore[no-untyped-def]
    return select(*_COLUMNS, Desa.name.label("desa_name")).outerjoin(
        Desa, (Desa.event_id == Idea.event_id) & (Desa.code == Idea.desa_code)
    )


def idea_row(session: Session, idea_id: str) -> dict[str, Any]:
    found = session.execute(_select().where(Idea.id == idea_id)).first()
    if found is None:
        raise UserError("Kartu ide tidak ditemukan")
    return _row(found._mapping)


def _row(mapping: Any) -> dict[str, Any]:
    row = dict(mapping)
    row["desa_name"] = row.get("desa_name") or ""
    return row


@dataclass
class IdeaPage:
    rows: list[dict[str, Any]]
    total: int


def idea_rows(session: Session, event_id: str, text: str = "", limit: int = PAGE) -> IdeaPage:
    """Newest first; every typed word must appear in the title, proposer or desa (SQL)."""
    conds: list[Any] = [Idea.event_id == event_id]
    for word in fold(text).split():
        like = f"%{word}%"
        conds.append(
            or_(Idea.title.ilike(like), Idea.proposer_name.ilike(like), Desa.name.ilike(like))
        )
    query = _select().where(*conds)
    rows = session.execute(
        query.order_by(Idea.voided, Idea.received_at.desc().nulls_last(), Idea.title).limit(limit)
    )
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    return IdeaPage([_row(r._mapping) for r in rows], int(total or 0))


def find_proposer(session: Session, event_id: str, number: str) -> dict[str, Any] | None:
    """The participant whose badge was scanned, as the card's proposer (None: not a badge)."""
    row = find_by_number(session, event_id, number)
    if row is None and ids.looks_like_badge(number):
        raise UserError(f"Tidak ditemukan: {number.strip()} — periksa nomor badge")
    if row is None:
        return None
    if row["voided"]:
        raise UserError(f"Badge {row['number']} ({row['name']}) sudah dibatalkan")
    return row
