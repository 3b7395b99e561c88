"""Rooms, sessions (times, facilitators, innovations shown) and consultation tables of each
bursa. Rooms and sessions get a natural id from their name within the bursa / room, tables
from (bursa, number) (``ids.table_id``), so the same setup typed on two laptops is one record.
Every write goes through the ORM (a version each) and into the audit log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from bid_desktop.domain import ids
from bid_desktop.domain.text import fold
from bid_desktop.services.bursa import check_bursa, record_change, snapshot
from bid_desktop.services.errors import UserError
from bid_desktop.services.events import current_event
from bid_desktop.storage.models import BursaSession, ConsultationTable, Innovation, Room

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
    before = snapshot(room, ("bursa", "name")) if room else None
    if room is None:
        room = Room(id=rid, event_id=event_id, bursa=bursa, name=name)
        session.add(room)
    room.bursa, room.name = bursa, name
    record_change(session, "room.add" if before is None else "room.edit", room, ("bursa", "name"),
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
    before = snapshot(row, SESSION_FIELDS) if row else None
    if row is None:
        row = BursaSession(id=sid, event_id=event.id, **values)
        session.add(row)
    for key, value in values.items():
        setattr(row, key, value)
    record_change(session, "session.add" if before is None else "session.edit", row, SESSION_FIELDS,
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
    before = snapshot(table, TABLE_FIELDS) if table else None
    if table is None:
        table = ConsultationTable(id=tid, event_id=event_id, bursa=bursa, number=number)
        session.add(table)
    table.consultants = consultants.strip()
    if station_code is not None:
        table.station_code = station_code.strip().upper()
    record_change(session, "table.add" if before is None else "table.edit", table, TABLE_FIELDS,
            before)  # fmt: skip
    return next(r for r in table_rows(session, event_id, bursa) if r["id"] == tid)
