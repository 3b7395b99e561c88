"""Creating an event: the first laptop sets it up; desa come from the Kemendagri list."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from bid_desktop.domain import ids, regions
from bid_desktop.services import audit as audit_service
from bid_desktop.services import keystore
from bid_desktop.services import station as station_service
from bid_desktop.services.errors import UserError
from bid_desktop.storage.models import Desa, Event, EventKecamatan
from bid_desktop.sync import keys

DEFAULT_SIGNATORIES = [
    {"title": "Camat", "name": ""},
    {"title": "Ketua Panitia", "name": ""},
    {"title": "Kepala Dinas PMD", "name": ""},
]

MIN_PASSPHRASE = 8


@dataclass
class EventSetup:
    name: str
    date: dt.date
    kecamatan_codes: list[str]
    station: str
    passphrase: str
    venue: str = ""
    role: str | None = None
    signatories: list[dict[str, str]] = field(default_factory=lambda: list(DEFAULT_SIGNATORIES))
    event_id: str | None = None
    # Kelurahan are not desa; those listed here (codes) are included on purpose.
    kelurahan_codes: list[str] = field(default_factory=list)
    # the committee PIN (>= 6 digits); the window and the CLI always ask for it. Scripts
    # that pass none (demo, benchmarks, tests) keep the documented demo PIN (audit.DEFAULT_PIN)
    pin: str | None = None


def passphrase_strength(passphrase: str) -> str:
    """ "lemah", "cukup" or "kuat": a hint shown while the passphrase is typed (a lost stick's
    packages and backups are only as safe as it)."""
    classes = sum(
        any(test(c) for c in passphrase)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    distinct = len(set(passphrase.lower()))
    if len(passphrase) >= 16 and distinct >= 8 or len(passphrase) >= 12 and classes >= 3:
        return "kuat"
    if len(passphrase) >= 10 and classes >= 2 and distinct >= 6:
        return "cukup"
    return "lemah"


def validate_setup(setup: EventSetup) -> list[regions.Region]:
    if not setup.name.strip():
        raise UserError("Nama acara wajib diisi")
    if len(setup.passphrase) < MIN_PASSPHRASE:
        raise UserError(f"Kata sandi acara minimal {MIN_PASSPHRASE} karakter")
    if not setup.kecamatan_codes:
        raise UserError("Pilih minimal satu kecamatan")
    found = []
    for code in setup.kecamatan_codes:
        region = regions.kecamatan(code.strip())
        if region is None:
            raise UserError(f"Kode kecamatan '{code}' tidak ada di daftar Kemendagri")
        found.append(region)
    _check_kelurahan(setup.kelurahan_codes, found)
    station_service.validate_station_code(setup.station)
    if setup.pin is not None:
        audit_service.validate_pin(setup.pin)
    return found


def _check_kelurahan(codes: list[str], kecs: list[regions.Region]) -> None:
    known = {k.code for kec in kecs for k in regions.kelurahan_of(kec.code)}
    for code in codes:
        if code not in known:
            raise UserError(f"'{code}' bukan kelurahan dari kecamatan acara ini")


def create_event(session: Session, setup: EventSetup) -> Event:
    """The event on this (new) database, this laptop its first station. A database that
    already holds an event is refused: a second one would become current and replace the
    committee PIN (a station laptop holds one event; a TA adds events by merging them)."""
    current = station_service.get_state(session)
    if current is not None and current.event_id is not None:
        raise UserError(
            "Basis data ini sudah punya acara; buat acara baru di berkas basis data baru"
        )
    kecs = validate_setup(setup)
    state = station_service.set_station(session, setup.station, setup.role)
    event_id = setup.event_id or ids.new_id()
    state.event_id = event_id
    cost = keys.new_event_cost()
    # the key goes to this user's key file, never into the database (issue 12, item 8)
    keystore.save_key(event_id, keys.package_key(setup.passphrase, event_id, cost))
    state.package_key = None
    kab = regions.kabupaten_of(kecs[0].code)
    event = Event(
        id=event_id,
        name=setup.name.strip(),
        date=setup.date,
        venue=setup.venue.strip(),
        kabupaten_code=kab.code if kab else "",
        kabupaten_name=kab.name if kab else "",
        signatories=json.dumps(setup.signatories, ensure_ascii=False),
        passphrase_check=keys.passphrase_check(setup.passphrase, event_id, cost),
    )
    session.add(event)
    for kec in kecs:
        add_kecamatan(session, event_id, kec, setup.kelurahan_codes)
    session.flush()
    if setup.pin is not None:
        audit_service.set_pin(session, setup.pin, audited=False)
    return event


def add_kecamatan(
    session: Session, event_id: str, kec: regions.Region, kelurahan: list[str] | None = None
) -> int:
    """Add a kecamatan and all its desa (idempotent: natural ids); of its kelurahan, only
    those whose codes are in ``kelurahan`` (included on purpose)."""
    kec_id = ids.kecamatan_id(event_id, kec.code)
    if session.get(EventKecamatan, kec_id) is None:
        session.add(EventKecamatan(id=kec_id, event_id=event_id, code=kec.code, name=kec.name))
    added = 0
    chosen = set(kelurahan or ())
    villages = regions.desa_of(kec.code)
    villages += [k for k in regions.kelurahan_of(kec.code) if k.code in chosen]
    for d in villages:
        desa_id = ids.desa_id(event_id, d.code)
        if session.get(Desa, desa_id) is None:
            session.add(
                Desa(
                    id=desa_id,
                    event_id=event_id,
                    code=d.code,
                    name=d.name,
                    kecamatan_code=kec.code,
                    kecamatan_name=kec.name,
                )
            )
            added += 1
    return added


def current_event(session: Session) -> Event:
    state = station_service.require_state(session)
    event = session.get(Event, state.event_id)
    if event is None:
        raise UserError("Acara stasiun ini tidak ditemukan di basis data")
    return event


def desa_list(session: Session, event_id: str) -> list[Desa]:
    return list(
        session.scalars(
            select(Desa).where(Desa.event_id == event_id).order_by(Desa.kecamatan_code, Desa.name)
        )
    )


def signatories(event: Event) -> list[dict[str, str]]:
    try:
        data = json.loads(event.signatories or "[]")
    except json.JSONDecodeError:
        return list(DEFAULT_SIGNATORIES)
    return [
        dict(title=str(s.get("title", "")), name=str(s.get("name", "")), nip=str(s.get("nip", "")))
        for s in data
    ]


def full_title(title: str, kecamatan: str, kabupaten: str) -> str:
    """The title as the piagam prints it: "Camat" → "Camat Gisting", "Kepala Dinas PMD" →
    "Kepala Dinas PMD Kabupaten Tanggamus"; a title naming its place stays as typed."""
    title = " ".join(title.split())
    low = title.lower()
    if low == "camat" and kecamatan:
        return f"Camat {kecamatan}"
    places = ("kabupaten", "kota", "provinsi", "kab.")
    if low.startswith("kepala dinas") and kabupaten and not any(p in low for p in places):
        return f"{title} {kabupaten}"
    return title


def update_event(session: Session, event: Event, **changes: object) -> None:
    for key, value in changes.items():
        if key == "signatories":
            value = json.dumps(value, ensure_ascii=False)
        setattr(event, key, value)
    session.flush()
