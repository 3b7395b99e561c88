"""This laptop's station: code, role, current event, clock values."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bid_desktop.domain.enums import Role
from bid_desktop.services.errors import UserError
from bid_desktop.storage.models import Event, StationState

STATION_RE = re.compile(r"^[A-Z][A-Z0-9]{1,11}$")


def validate_station_code(code: str) -> str:
    code = code.strip().upper()
    if not STATION_RE.match(code):
        raise UserError(
            f"Kode stasiun '{code}' tidak sah: 2–12 huruf/angka diawali huruf, misalnya REG1, MKA2"
        )
    return code


def role_for_station(code: str) -> Role:
    """A sensible default role from the station code (REG1 → registrasi, MKA2 → meja...)."""
    prefixes = [
        ("REG", Role.REGISTRASI),
        ("MK", Role.MEJA),
        ("J3", Role.JENDELA3),
        ("RB", Role.BURSA),
        ("BUR", Role.BURSA),
        ("TA", Role.REKAP),
        ("SYNC", Role.SINKRONISASI),
    ]
    for prefix, role in prefixes:
        if code.startswith(prefix):
            return role
    return Role.REGISTRASI


def get_state(session: Session) -> StationState | None:
    return session.get(StationState, 1)


def require_state(session: Session) -> StationState:
    state = get_state(session)
    if state is None or state.event_id is None:
        raise UserError("Basis data ini belum punya acara. Buat acara baru atau gabung acara.")
    return state


def set_station(session: Session, station: str, role: str | None = None) -> StationState:
    station = validate_station_code(station)
    state = get_state(session)
    if state is None:
        state = StationState(id=1, station=station, hlc_wall=0, hlc_counter=0)
        session.add(state)
    state.station = station
    state.role = role or role_for_station(station).value
    session.flush()
    return state


@dataclass(frozen=True)
class StationInfo:
    station: str
    role: str
    event_id: str | None
    event_name: str
    language: str


def station_info(session: Session) -> StationInfo | None:
    state = get_state(session)
    if state is None:
        return None
    event = session.get(Event, state.event_id) if state.event_id else None
    return StationInfo(
        station=state.station,
        role=state.role,
        event_id=state.event_id,
        event_name=event.name if event else "",
        language=state.language,
    )


def next_walkin_seq(session: Session) -> int:
    state = require_state(session)
    state.walkin_seq += 1
    return state.walkin_seq


def next_piagam_seq(session: Session) -> int:
    state = require_state(session)
    state.piagam_seq += 1
    return state.piagam_seq


LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}


def set_language(session: Session, language: str) -> None:
    if language not in LANGUAGES:
        raise UserError(f"Bahasa '{language}' tidak tersedia")
    require_state(session).language = language
