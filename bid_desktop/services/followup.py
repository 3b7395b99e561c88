"""Follow-up of commitments and verification of ideas by TA Kabupaten (station 6).

Every live commitment has a follow-up due one week (five Indonesian working days) after its
event; the ``FollowUp`` record is created on the first save, identified by the commitment
(``ids.followup_id``), so the same follow-up entered on two laptops merges into one record.
Lists filter, count and page in SQL; a commitment with no follow-up record yet shows as
"belum dihubungi" with the computed due date. Every save is audited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import (
    Date,
    Select,
    and_,
    case,
    func,
    or_,
    select,
    tuple_,
    type_coerce,
)
from sqlalchemy.orm import Session, aliased

from bid_desktop.domain import ids
from bid_desktop.domain.enums import FOLLOWUP_STATUSES
from bid_desktop.domain.text import fold
from bid_desktop.domain.workdays import followup_due, holiday_year
from bid_desktop.services.audit import audit
from bid_desktop.services.contacts import Contacts, load_contacts
from bid_desktop.services.errors import UserError
from bid_desktop.services.followup_due import due_table
from bid_desktop.storage.models import Commitment, Desa, Event, FollowUp, Idea, Innovation

PAGE = 200
NOT_CONTACTED = FOLLOWUP_STATUSES[0]
CANCELLED = "batal"
RAB_STATUSES = ["", "belum", "disusun", "selesai"]
PROPOSAL_STATUSES = ["", "belum", "disusun", "diajukan", "disetujui", "ditolak"]
NOT_VERIFIED, FEASIBLE, NOT_FEASIBLE, VERIFIED = (
    "belum diverifikasi",
    "layak",
    "tidak layak",
    "terverifikasi",
)


@dataclass(frozen=True)
class FollowUpFilter:
    kecamatan_code: str = ""
    desa_code: str = ""
    bursa: str = ""
    status: str = ""
    overdue: bool = False
    text: str = ""
    events: tuple[str, ...] = ()  # scope: these events only; empty = every event


@dataclass
class FollowUpForm:
    contact_via: str = ""
    contacted_at: dt.date | None = None
    obstacles: str = ""
    needs: str = ""
    rab_status: str = ""
    proposal_status: str = ""
    in_rkp_desa: bool = False
    realised: bool = False
    status: str = ""  # empty: derived from the fields (derive_status)
    notes: str = ""


@dataclass
class Page:
    rows: list[dict[str, Any]]
    total: int


def derive_status(form: FollowUpForm) -> str:
    """The furthest step the fields show; "batal" is only ever chosen by the TA."""
    if form.realised:
        return "terealisasi"
    if form.in_rkp_desa:
        return "masuk RKP Desa"
    if form.proposal_status in ("diajukan", "disetujui"):
        return "proposal diajukan"
    if form.rab_status in ("disusun", "selesai"):
        return "RAB disusun"
    if form.contacted_at is not None or form.contact_via.strip():
        return "dihubungi"
    return NOT_CONTACTED


# --- the follow-up list ----------------------------------------------------------------------


def _base(session: Session, scope: Sequence[str] = ()) -> tuple[Any, Any, Any]:
    dues = due_table(session, scope)
    due = type_coerce(func.coalesce(FollowUp.due_date, dues.c.due), Date).label("due_date")
    status = func.coalesce(FollowUp.status, NOT_CONTACTED).label("status")
    query = (
        select(
            Commitment.id,
            Commitment.event_id,
            Commitment.desa_code,
            Desa.name.label("desa_name"),
            Desa.kecamatan_code,
            Desa.kecamatan_name,
            Commitment.kepala_desa,
            Commitment.innovation_code,
            Innovation.title.label("innovation_title"),
            Innovation.bursa,
            Commitment.amount,
            Commitment.planned_year,
            Commitment.ta_response,
            due,
            status,
            FollowUp.id.label("followup_id"),
            FollowUp.contact_via,
            FollowUp.contacted_at,
            FollowUp.obstacles,
            FollowUp.needs,
            FollowUp.rab_status,
            FollowUp.proposal_status,
            FollowUp.in_rkp_desa,
            FollowUp.realised,
            FollowUp.notes,
        )
        .join(Desa, and_(Desa.event_id == Commitment.event_id, Desa.code == Commitment.desa_code))
        .outerjoin(Innovation, Innovation.id == Commitment.innovation_id)
        .outerjoin(FollowUp, FollowUp.commitment_id == Commitment.id)
        .outerjoin(dues, dues.c.event_id == Commitment.event_id)
        .where(Commitment.voided.is_(False))
    )
    if scope:
        query = query.where(Commitment.event_id.in_(list(scope)))
    return query, due, status


def _conditions(flt: FollowUpFilter) -> list[Any]:
    """The filters that need no follow-up record nor due date (kecamatan, desa, bursa, text)."""
    conds: list[Any] = []
    if flt.kecamatan_code:
        conds.append(Desa.kecamatan_code == flt.kecamatan_code)
    if flt.desa_code:
        conds.append(Commitment.desa_code == flt.desa_code)
    if flt.bursa:
        conds.append(Innovation.bursa == flt.bursa)
    for word in fold(flt.text).split():
        conds.append(_text_matches(f"%{word}%", flt.events))
    return conds


def _text_matches(like: str, events: Sequence[str] = ()) -> Any:
    """A word in the desa name, Kepala Desa, innovation title or code. Desa names and titles
    are matched once per desa / innovation (a few thousand) in a subquery, not once per
    commitment through its joins; same rows as matching the joined columns. One letter is
    in most desa names: checked on the joined desa row (its index holds the name)."""
    desa, innovation = aliased(Desa), aliased(Innovation)
    titles = select(innovation.id).where(func.lower(innovation.title).like(like))
    desa_hit = func.lower(Desa.name).like(like)
    if len(like) > len("%x%"):
        names = select(desa.event_id, desa.code).where(func.lower(desa.name).like(like))
        if events:  # the scope's desa only (a commitment's desa is of its own event)
            names = names.where(desa.event_id.in_(list(events)))
        desa_hit = tuple_(Commitment.event_id, Commitment.desa_code).in_(names)
    title_hit = Commitment.innovation_id.in_(titles)
    return or_(
        desa_hit,
        func.lower(Commitment.kepala_desa).like(like),
        title_hit,
        func.lower(Commitment.innovation_code).like(like),
    )


def _filtered(
    query: Select[Any], due: Any, status: Any, flt: FollowUpFilter, today: dt.date
) -> Select[Any]:
    query = query.where(*_conditions(flt))
    if flt.status:
        query = query.where(status == flt.status)
    if flt.overdue:
        query = query.where(status == NOT_CONTACTED, due < today)
    return query


def _count(query: Any) -> Any:
    """The same joins and filters, counted without building the page's columns."""
    return query.with_only_columns(func.count(), maintain_column_froms=True)


def _as_row(mapping: Any, today: dt.date, contacts: Contacts) -> dict[str, Any]:
    row = dict(mapping)
    name, phone = contacts.kades(row["event_id"], row["desa_code"])
    row["kepala_desa"] = row.get("kepala_desa") or name
    row["kades_phone"] = phone
    row["pendamping"] = contacts.facilitators(row["event_id"], row["desa_code"])
    for key in ("contact_via", "obstacles", "needs", "rab_status", "proposal_status", "notes"):
        row[key] = row.get(key) or ""
    row["in_rkp_desa"] = bool(row.get("in_rkp_desa"))
    row["realised"] = bool(row.get("realised"))
    due = row.get("due_date")
    row["overdue"] = bool(row["status"] == NOT_CONTACTED and due is not None and due < today)
    # counted over holidays that are estimates (no SKB yet for that year): say so
    row["due_estimated"] = due is not None and holiday_year(due.year).estimated
    return row


def _page_ids(
    session: Session, query: Select[Any], due: Any, limit: int, offset: int
) -> tuple[list[str], int]:
    """The ids of one page, in list order, and the number of matches: the filter and its
    joins run once over narrow rows (id and sort keys), counted and sorted in one statement;
    only the page's rows are then read whole."""
    keys = query.with_only_columns(
        Commitment.id.label("id"),
        due.label("due"),
        Desa.kecamatan_name.label("kecamatan"),
        Desa.name.label("desa"),
        Commitment.innovation_code.label("code"),
        maintain_column_froms=True,
    ).cte("matches")
    total = select(func.count()).select_from(keys).scalar_subquery()
    page = (
        select(keys.c.id, total)
        .order_by(keys.c.due, keys.c.kecamatan, keys.c.desa, keys.c.code, keys.c.id)
        .limit(limit)
        .offset(offset)
    )
    found = session.execute(page).all()
    if not found:  # nothing on this page: count alone
        return [], int(session.execute(select(func.count()).select_from(keys)).scalar_one())
    return [r[0] for r in found], int(found[0][1])


def followup_page(
    session: Session,
    flt: FollowUpFilter = FollowUpFilter(),  # noqa: B008 - frozen dataclass
    limit: int = PAGE,
    offset: int = 0,
    today: dt.date | None = None,
) -> Page:
    today = today or dt.date.today()
    query, due, status = _base(session, flt.events)
    filtered = _filtered(query, due, status, flt, today)
    ids, total = _page_ids(session, filtered, due, limit, offset)
    # the page's rows whole, by id (already filtered)
    wide = session.execute(query.where(Commitment.id.in_(ids))).mappings() if ids else None
    by_id = {r["id"]: r for r in wide or ()}
    rows = [by_id[i] for i in ids]
    contacts = load_contacts(session, {(r["event_id"], r["desa_code"]) for r in rows})
    return Page([_as_row(r, today, contacts) for r in rows], int(total))


def followup_row(session: Session, commitment_id: str, today: dt.date | None = None) -> dict:  # type: ignore[type-arg]
    query, _due, _status = _base(session)
    found = session.execute(query.where(Commitment.id == commitment_id)).mappings().first()
    if found is None:
        raise UserError("Komitmen tidak ditemukan atau sudah dibatalkan")
    contacts = load_contacts(session, {(found["event_id"], found["desa_code"])})
    return _as_row(found, today or dt.date.today(), contacts)


def status_counts(
    session: Session,
    today: dt.date | None = None,
    event_id: str | None = None,
    scope: Sequence[str] = (),
) -> dict[str, int]:
    """Follow-ups per status, plus "terlambat" (overdue), of every event, of one, or of the
    events in ``scope``."""
    today = today or dt.date.today()
    query, due, status = _base(session, scope)
    if event_id is not None:
        query = query.where(Commitment.event_id == event_id)
    late = func.sum(case((and_(status == NOT_CONTACTED, due < today), 1), else_=0))
    grouped = query.with_only_columns(status, func.count(), late, maintain_column_froms=True)
    counts = {s: 0 for s in FOLLOWUP_STATUSES}
    counts["terlambat"] = 0
    for name, n, overdue in session.execute(grouped.group_by(status)):
        counts[name] = n
        counts["terlambat"] += int(overdue or 0)
    return counts


# --- saving a follow-up ------------------------------------------------------------------------

_FIELDS = (
    "contact_via",
    "contacted_at",
    "obstacles",
    "needs",
    "rab_status",
    "proposal_status",
    "in_rkp_desa",
    "realised",
    "status",
    "notes",
)


def _validate(form: FollowUpForm, event_date: dt.date, today: dt.date) -> None:
    if form.status and form.status not in FOLLOWUP_STATUSES:
        raise UserError(f"Status tindak lanjut '{form.status}' tidak dikenal")
    if form.rab_status not in RAB_STATUSES:
        raise UserError(f"Status RAB '{form.rab_status}' tidak dikenal")
    if form.proposal_status not in PROPOSAL_STATUSES:
        raise UserError(f"Status proposal '{form.proposal_status}' tidak dikenal")
    if form.contacted_at is not None and not event_date <= form.contacted_at <= today:
        raise UserError(
            f"Tanggal dihubungi harus antara tanggal acara ({event_date:%d-%m-%Y}) dan hari ini"
        )


def save_followup(
    session: Session, commitment_id: str, form: FollowUpForm, today: dt.date | None = None
) -> dict[str, Any]:
    today = today or dt.date.today()
    commitment = session.get(Commitment, commitment_id)
    if commitment is None or commitment.voided:
        raise UserError("Komitmen tidak ditemukan atau sudah dibatalkan")
    event = session.get(Event, commitment.event_id)
    assert event is not None
    _validate(form, event.date, today)
    values = asdict(form)
    values.update({k: v.strip() for k, v in values.items() if isinstance(v, str)})
    values["status"] = values["status"] or derive_status(form)
    fid = ids.followup_id(commitment_id)
    record = session.get(FollowUp, fid)
    before = None if record is None else {k: getattr(record, k) for k in _FIELDS}
    if record is None:
        record = FollowUp(
            id=fid,
            event_id=commitment.event_id,
            commitment_id=commitment_id,
            due_date=followup_due(event.date),
        )
        session.add(record)
    if before != values:
        for key, value in values.items():
            setattr(record, key, value)
        action = "followup.create" if before is None else "followup.update"
        audit(session, action, "followup", fid, before=before, after=values,
              event_id=commitment.event_id)  # fmt: skip
        session.flush()
    return followup_row(session, commitment_id, today)


# --- ideas and their verification -----------------------------------------------------------


@dataclass(frozen=True)
class IdeaFilter:
    kecamatan_code: str = ""
    desa_code: str = ""
    verified: str = ""  # "", "belum", "sudah"
    text: str = ""
    events: tuple[str, ...] = ()  # scope: these events only; empty = every event


@dataclass
class VerificationForm:
    really_done: bool | None = None
    has_results: bool | None = None
    feasible: bool | None = None
    notes: str = ""
    verified_at: dt.date | None = None  # default: today


def verification_status(verified_at: dt.date | None, feasible: bool | None) -> str:
    if verified_at is None:
        return NOT_VERIFIED
    if feasible is None:
        return VERIFIED
    return FEASIBLE if feasible else NOT_FEASIBLE


def _idea_select() -> Any:
    return (
        select(
            Idea.id,
            Idea.event_id,
            Idea.proposer_name,
            Idea.desa_code,
            Desa.name.label("desa_name"),
            Desa.kecamatan_code,
            Desa.kecamatan_name,
            Idea.title,
            Idea.description,
            Idea.already_done,
            Idea.results,
            Idea.ta_response,
            Idea.verified_really_done,
            Idea.verified_has_results,
            Idea.verified_feasible,
            Idea.verification_notes,
            Idea.verified_at,
        )
        .outerjoin(Desa, and_(Desa.event_id == Idea.event_id, Desa.code == Idea.desa_code))
        .where(Idea.voided.is_(False))
    )


def _idea_row(mapping: Any) -> dict[str, Any]:
    row = dict(mapping)
    row["desa_name"] = row.get("desa_name") or ""
    row["kecamatan_name"] = row.get("kecamatan_name") or ""
    row["verification"] = verification_status(row["verified_at"], row["verified_feasible"])
    return row


def idea_page(
    session: Session,
    flt: IdeaFilter = IdeaFilter(),  # noqa: B008 - frozen dataclass
    limit: int = PAGE,
    offset: int = 0,
) -> Page:
    query = _idea_select()
    if flt.events:
        query = query.where(Idea.event_id.in_(list(flt.events)))
    if flt.kecamatan_code:
        query = query.where(Desa.kecamatan_code == flt.kecamatan_code)
    if flt.desa_code:
        query = query.where(Idea.desa_code == flt.desa_code)
    if flt.verified == "belum":
        query = query.where(Idea.verified_at.is_(None))
    elif flt.verified == "sudah":
        query = query.where(Idea.verified_at.is_not(None))
    for word in fold(flt.text).split():
        like = f"%{word}%"
        query = query.where(
            or_(func.lower(Idea.title).like(like), func.lower(Idea.proposer_name).like(like))
        )
    total = session.execute(_count(query)).scalar_one()
    ordered = query.order_by(Desa.kecamatan_name, Desa.name, Idea.title, Idea.id)
    rows = session.execute(ordered.limit(limit).offset(offset)).mappings()
    return Page([_idea_row(r) for r in rows], int(total))


def idea_row(session: Session, idea_id: str) -> dict[str, Any]:
    found = session.execute(_idea_select().where(Idea.id == idea_id)).mappings().first()
    if found is None:
        raise UserError("Kartu ide tidak ditemukan atau sudah dibatalkan")
    return _idea_row(found)


def verify_idea(
    session: Session, idea_id: str, form: VerificationForm, today: dt.date | None = None
) -> dict[str, Any]:
    """Record the TA's verification (really carried out? results? feasible?) on the idea."""
    today = today or dt.date.today()
    idea = session.get(Idea, idea_id)
    if idea is None or idea.voided:
        raise UserError("Kartu ide tidak ditemukan atau sudah dibatalkan")
    when = form.verified_at or today
    if when > today:
        raise UserError("Tanggal verifikasi tidak boleh di masa depan")
    fields = {
        "verified_really_done": form.really_done,
        "verified_has_results": form.has_results,
        "verified_feasible": form.feasible,
        "verification_notes": form.notes.strip(),
        "verified_at": when,
    }
    before = {k: getattr(idea, k) for k in fields}
    if before != fields:
        for key, value in fields.items():
            setattr(idea, key, value)
        audit(session, "idea.verify", "idea", idea_id, before=before, after=fields,
              event_id=idea.event_id)  # fmt: skip
        session.flush()
    return idea_row(session, idea_id)


# --- filter choices --------------------------------------------------------------------------


def kecamatan_choices(session: Session, scope: Sequence[str] = ()) -> list[tuple[str, str]]:
    query = (
        select(Desa.kecamatan_code, func.max(Desa.kecamatan_name))
        .group_by(Desa.kecamatan_code)
        .order_by(func.max(Desa.kecamatan_name))
    )
    if scope:
        query = query.where(Desa.event_id.in_(list(scope)))
    return [(code, name) for code, name in session.execute(query)]


def desa_choices(
    session: Session, kecamatan_code: str = "", scope: Sequence[str] = ()
) -> list[tuple[str, str]]:
    query = select(Desa.code, func.max(Desa.name)).group_by(Desa.code).order_by(func.max(Desa.name))
    if scope:
        query = query.where(Desa.event_id.in_(list(scope)))
    if kecamatan_code:
        query = query.where(Desa.kecamatan_code == kecamatan_code)
    return [(code, name) for code, name in session.execute(query)]
