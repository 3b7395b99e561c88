"""Ruang Bursa setup (station 2): the innovation menu per bursa, the P2KTD provider directory,
rooms, sessions with times and facilitators, and the consultation tables.

Everything takes a Session and returns plain dicts for the UI. Innovations, providers and
tables carry natural ids (domain/ids.py), so the same item entered on two laptops is one
record; rooms and sessions are named per bursa and get a natural id from that name. Every
write goes through the ORM (a version each) and into the audit log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from bid_desktop.domain import amounts, ids, people
from bid_desktop.domain.enums import Bursa
from bid_desktop.domain.text import fold
from bid_desktop.services.audit import audit, require_pin
from bid_desktop.services.errors import UserError
from bid_desktop.services.events import current_event
from bid_desktop.storage.models import (
    BursaSession,
    ConsultationTable,
    Innovation,
    Provider,
    Room,
    Synced,
)

BURSA_CODES = tuple(b.value for b in Bursa)


def check_bursa(bursa: str, blank_ok: bool = False) -> str:
    value = (bursa or "").strip().upper()
    if blank_ok and not value:
        return ""
    if value not in BURSA_CODES:
        raise UserError(f"Bursa '{bursa}' tidak sah: pilih A, B atau C")
    return value


def _snapshot(obj: Synced, columns: tuple[str, ...]) -> dict[str, Any]:
    return {c: getattr(obj, c) for c in columns}


def _record(session: Session, action: str, obj: Synced, cols: tuple[str, ...], before: Any) -> None:
    after = _snapshot(obj, cols)
    if before != after:
        audit(session, action, obj.__tablename__, obj.id, before=before, after=after)
    session.flush()


# --- menu inovasi ------------------------------------------------------------------------------

INNOVATION_FIELDS = (
    "code",
    "title",
    "bursa",
    "origin_desa",
    "origin_kabupaten",
    "summary",
    "cost_estimate",
    "provider_id",
    "video",
    "voided",
)


@dataclass
class InnovationForm:
    code: str
    title: str
    bursa: str
    origin_desa: str = ""
    origin_kabupaten: str = ""
    summary: str = ""
    cost_estimate: object = None  # int, or text in any Indonesian amount form
    provider_id: str | None = None
    video: str = ""


def innovation_rows(
    session: Session,
    event_id: str,
    bursa: str = "",
    text: str = "",
    include_voided: bool = False,
) -> list[dict[str, Any]]:
    """The menu (optionally one bursa), filtered in SQL by code/title words, with provider names."""
    conds: list[Any] = [Innovation.event_id == event_id]
    if bursa:
        conds.append(Innovation.bursa == check_bursa(bursa))
    if not include_voided:
        conds.append(Innovation.voided.is_(False))
    for word in fold(text).split():
        conds.append(or_(Innovation.code.ilike(f"%{word}%"), Innovation.title.ilike(f"%{word}%")))
    query = (
        select(
            *[getattr(Innovation, c) for c in ("id", *INNOVATION_FIELDS)],
            Provider.name.label("provider_name"),
        )
        .outerjoin(Provider, Provider.id == Innovation.provider_id)
        .where(*conds)
        .order_by(Innovation.bursa, Innovation.code)
    )
    return [_innovation_dict(r._mapping) for r in session.execute(query)]


def _innovation_dict(mapping: Any) -> dict[str, Any]:
    row = dict(mapping)
    row["provider_name"] = row.get("provider_name") or ""
    row["cost_text"] = amounts.rupiah(row.get("cost_estimate"))
    return row


def innovation_row(session: Session, innovation_id: str) -> dict[str, Any]:
    innovation = session.get(Innovation, innovation_id)
    if innovation is None:
        raise UserError("Inovasi tidak ditemukan")
    rows = innovation_rows(session, innovation.event_id, include_voided=True)
    return next(r for r in rows if r["id"] == innovation_id)


def _clean_innovation(session: Session, event_id: str, form: InnovationForm) -> dict[str, Any]:
    code = form.code.strip().upper()
    if not code:
        raise UserError("Kode inovasi wajib diisi")
    if len(code) > 20 or not all(c.isalnum() or c in "-._" for c in code):
        raise UserError(f"Kode inovasi '{code}' tidak sah: huruf/angka, maksimal 20")
    title = form.title.strip()
    if not title:
        raise UserError("Judul inovasi wajib diisi")
    try:
        cost = amounts.parse_amount(form.cost_estimate)
    except ValueError as exc:
        raise UserError(f"Perkiraan biaya: {exc}") from exc
    if form.provider_id and session.get(Provider, form.provider_id) is None:
        raise UserError("Penyedia (P2KTD) tidak ditemukan di direktori")
    return dict(
        code=code,
        title=title,
        bursa=check_bursa(form.bursa),
        origin_desa=form.origin_desa.strip(),
        origin_kabupaten=form.origin_kabupaten.strip(),
        summary=form.summary.strip(),
        cost_estimate=cost,
        provider_id=form.provider_id or None,
        video=form.video.strip(),
    )


def save_innovation(
    session: Session, form: InnovationForm, innovation_id: str | None = None
) -> dict[str, Any]:
    """Add a menu item, or edit one (``innovation_id``). The code is its identity, so a new
    item whose code exists already edits that item (and brings it back if it was voided)."""
    event_id = current_event(session).id
    values = _clean_innovation(session, event_id, form)
    nid = ids.innovation_id(event_id, values["code"])
    if innovation_id is not None and innovation_id != nid:
        raise UserError("Kode inovasi tidak dapat diubah; batalkan lalu buat yang baru")
    innovation = session.get(Innovation, nid)
    before = _snapshot(innovation, INNOVATION_FIELDS) if innovation else None
    if innovation is None:
        innovation = Innovation(id=nid, event_id=event_id, **values)
        session.add(innovation)
    for key, value in values.items():
        setattr(innovation, key, value)
    innovation.voided = False
    action = "innovation.add" if before is None else "innovation.edit"
    _record(session, action, innovation, INNOVATION_FIELDS, before)
    return innovation_row(session, nid)


def void_innovation(session: Session, innovation_id: str, reason: str, pin: str | None) -> None:
    """Take an item off the menu (its ratings and commitments stay on the record)."""
    require_pin(session, pin)
    if not reason.strip():
        raise UserError("Alasan pembatalan wajib diisi")
    innovation = session.get(Innovation, innovation_id)
    if innovation is None:
        raise UserError("Inovasi tidak ditemukan")
    innovation.voided = True
    audit(session, "innovation.void", "innovation", innovation_id, reason=reason.strip())
    session.flush()


def link_provider(session: Session, innovation_id: str, provider_id: str | None) -> dict[str, Any]:
    innovation = session.get(Innovation, innovation_id)
    if innovation is None:
        raise UserError("Inovasi tidak ditemukan")
    if provider_id and session.get(Provider, provider_id) is None:
        raise UserError("Penyedia (P2KTD) tidak ditemukan di direktori")
    before = _snapshot(innovation, ("provider_id",))
    innovation.provider_id = provider_id or None
    _record(session, "innovation.provider", innovation, ("provider_id",), before)
    return innovation_row(session, innovation_id)


# --- direktori P2KTD ---------------------------------------------------------------------------

PROVIDER_FIELDS = ("name", "bidang", "services", "contact", "phone", "address")


@dataclass
class ProviderForm:
    name: str
    bidang: str = ""
    services: str = ""
    contact: str = ""
    phone: str = ""
    address: str = ""


def provider_rows(session: Session, event_id: str, text: str = "") -> list[dict[str, Any]]:
    conds: list[Any] = [Provider.event_id == event_id]
    for word in fold(text).split():
        like = f"%{word}%"
        conds.append(or_(Provider.name.ilike(like), Provider.services.ilike(like)))
    query = select(*[getattr(Provider, c) for c in ("id", *PROVIDER_FIELDS)]).where(*conds)
    return [dict(r._mapping) for r in session.execute(query.order_by(Provider.name))]


def save_provider(
    session: Session, form: ProviderForm, provider_id: str | None = None
) -> dict[str, Any]:
    """Add a provider (identified by its name, like the import) or edit one."""
    event_id = current_event(session).id
    name = form.name.strip()
    if not name:
        raise UserError("Nama lembaga wajib diisi")
    try:
        phone = people.normalize_phone(form.phone)
    except ValueError as exc:
        raise UserError(f"No HP: {exc}") from exc
    values = dict(
        name=name,
        bidang=check_bursa(form.bidang, blank_ok=True),
        services=form.services.strip(),
        contact=form.contact.strip(),
        phone=phone,
        address=form.address.strip(),
    )
    pid = provider_id or ids.provider_id(event_id, name)
    provider = session.get(Provider, pid)
    before = _snapshot(provider, PROVIDER_FIELDS) if provider else None
    if provider is None:
        provider = Provider(id=pid, event_id=event_id, **values)
        session.add(provider)
    for key, value in values.items():
        setattr(provider, key, value)
    _record(session, "provider.add" if before is None else "provider.edit", provider,
            PROVIDER_FIELDS, before)  # fmt: skip
    return next(r for r in provider_rows(session, event_id) if r["id"] == pid)


# --- rooms, sessions, tables -------------------------------------------------------------------

SESSION_FIELDS = ("room_id", "name", "starts_at", "ends_at", "facilitators", "innovation_codes")
TABLE_FIELDS = ("bursa", "number", "consultants", "station_code")


def room_rows(session: Session, event_id: str, bursa: str = "") -> list[dict[str, Any]]:
    conds: list[Any] = [Room.event_id == event_id]
    if bursa:
        conds.append(Room.bursa == check_bursa(bursa))
    query = select(Room.id, Room.bursa, Room.name).where(*conds).order_by(Room.bursa, Room.name)
    return [dict(r._mapping) for r in session.execute(query)]


def save_room(
    session: Session, bursa: str, name: str, room_id: str | None = None
) -> dict[str, Any]:
    event_id = current_event(session).id
    bursa, name = check_bursa(bursa), name.strip()
    if not name:
        raise UserError("Nama ruang wajib diisi")
    rid = room_id or ids.natural_id("room", event_id, bursa, fold(name))
    room = session.get(Room, rid)
    before = _snapshot(room, ("bursa", "name")) if room else None
    if room is None:
        room = Room(id=rid, event_id=event_id, bursa=bursa, name=name)
        session.add(room)
    room.bursa, room.name = bursa, name
    _record(session, "room.add" if before is None else "room.edit", room, ("bursa", "name"),
            before)  # fmt: skip
    return {"id": rid, "bursa": bursa, "name": name}


@dataclass
class SessionForm:
    room_id: str
    name: str
    starts: dt.time | None = None
    ends: dt.time | None = None
    facilitators: str = ""
    innovation_codes: str = ""  # codes shown in the session, comma or space separated


def parse_time(text: str) -> dt.time | None:
    """'9', '09.00', '9:30' → time; blank → None."""
    text = text.strip().replace(".", ":")
    if not text:
        return None
    hour, _, minute = text.partition(":")
    if not hour.isdigit() or (minute and not minute.isdigit()):
        raise UserError(f"Jam '{text}' tidak sah (contoh 09.00)")
    h, m = int(hour), int(minute or 0)
    if not (0 <= h <= 23 and 0 <= m <= 59):
        raise UserError(f"Jam '{text}' tidak sah (contoh 09.00)")
    return dt.time(h, m)


def _codes(session: Session, event_id: str, text: str) -> str:
    codes = [c.upper() for c in text.replace(",", " ").split()]
    for code in codes:
        found = session.get(Innovation, ids.innovation_id(event_id, code))
        if found is None or found.voided:
            raise UserError(f"Kode inovasi '{code}' tidak ada di menu acara ini")
    return ",".join(dict.fromkeys(codes))


def save_session(
    session: Session, form: SessionForm, session_id: str | None = None
) -> dict[str, Any]:
    event = current_event(session)
    room = session.get(Room, form.room_id)
    if room is None:
        raise UserError("Pilih ruang untuk sesi ini")
    if not form.name.strip():
        raise UserError("Nama sesi wajib diisi")
    starts = dt.datetime.combine(event.date, form.starts) if form.starts else None
    ends = dt.datetime.combine(event.date, form.ends) if form.ends else None
    if starts and ends and ends <= starts:
        raise UserError("Jam selesai harus sesudah jam mulai")
    name = form.name.strip()
    values: dict[str, Any] = dict(
        room_id=room.id,
        name=name,
        starts_at=starts,
        ends_at=ends,
        facilitators=form.facilitators.strip(),
        innovation_codes=_codes(session, event.id, form.innovation_codes),
    )
    sid = session_id or ids.natural_id("bursa-session", event.id, room.id, fold(name))
    row = session.get(BursaSession, sid)
    before = _snapshot(row, SESSION_FIELDS) if row else None
    if row is None:
        row = BursaSession(id=sid, event_id=event.id, **values)
        session.add(row)
    for key, value in values.items():
        setattr(row, key, value)
    _record(session, "session.add" if before is None else "session.edit", row, SESSION_FIELDS,
            before)  # fmt: skip
    return next(r for r in session_rows(session, event.id, room.bursa) if r["id"] == sid)


def session_rows(session: Session, event_id: str, bursa: str = "") -> list[dict[str, Any]]:
    conds: list[Any] = [BursaSession.event_id == event_id]
    if bursa:
        conds.append(Room.bursa == check_bursa(bursa))
    query = (
        select(
            *[getattr(BursaSession, c) for c in ("id", *SESSION_FIELDS)],
            Room.name.label("room_name"),
            Room.bursa,
        )
        .join(Room, and_(Room.id == BursaSession.room_id))
        .where(*conds)
        .order_by(Room.bursa, BursaSession.starts_at, BursaSession.name)
    )
    return [_session_dict(r._mapping) for r in session.execute(query)]


def _session_dict(mapping: Any) -> dict[str, Any]:
    row = dict(mapping)
    starts, ends = row["starts_at"], row["ends_at"]
    row["times"] = "–".join(f"{t:%H.%M}" for t in (starts, ends) if t is not None)
    row["label"] = f"{row['name']} · {row['room_name']}" + (f" · {row['times']}" if row["times"]
                                                             else "")  # fmt: skip
    return row


def table_rows(session: Session, event_id: str, bursa: str = "") -> list[dict[str, Any]]:
    conds: list[Any] = [ConsultationTable.event_id == event_id]
    if bursa:
        conds.append(ConsultationTable.bursa == check_bursa(bursa))
    query = (
        select(*[getattr(ConsultationTable, c) for c in ("id", *TABLE_FIELDS)])
        .where(*conds)
        .order_by(ConsultationTable.bursa, ConsultationTable.number)
    )
    rows = [dict(r._mapping) for r in session.execute(query)]
    for row in rows:
        row["code"] = f"{row['bursa']}{row['number']}"
    return rows


def save_table(
    session: Session,
    bursa: str,
    number: int,
    consultants: str = "",
    station_code: str | None = None,
) -> dict[str, Any]:
    """Table N of bursa X (natural id): consultants, and the laptop (station) that runs it."""
    event_id = current_event(session).id
    bursa = check_bursa(bursa)
    if not 1 <= number <= 20:
        raise UserError("Nomor meja harus 1–20")
    tid = ids.table_id(event_id, bursa, number)
    table = session.get(ConsultationTable, tid)
    before = _snapshot(table, TABLE_FIELDS) if table else None
    if table is None:
        table = ConsultationTable(id=tid, event_id=event_id, bursa=bursa, number=number)
        session.add(table)
    table.consultants = consultants.strip()
    if station_code is not None:
        table.station_code = station_code.strip().upper()
    _record(session, "table.add" if before is None else "table.edit", table, TABLE_FIELDS,
            before)  # fmt: skip
    return next(r for r in table_rows(session, event_id, bursa) if r["id"] == tid)
