"""Before the day: the committee confirms who is coming and sends the invitation letters.

Each invitee carries a confirmation (belum / dikonfirmasi / berhalangan), who confirmed it (the
committee member who called) and when; every change is audited and travels with the sync like
any edit of the participant. ``desa_confirmations`` is the per-desa view; ``write_letters``
prints the letters (one per invitee, or one per desa addressed to its Kepala Desa) as one PDF,
each with the invitee's badge number as Code128, so the letter itself checks the person in at
the registration desk.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bid_desktop.services.audit import audit
from bid_desktop.services.errors import InputRefused, UserError
from bid_desktop.services.events import current_event, desa_list, signatories
from bid_desktop.storage.models import BursaSession, Event, Participant, Room

PENDING, CONFIRMED, DECLINED = "belum", "dikonfirmasi", "berhalangan"
CONFIRMATIONS = (PENDING, CONFIRMED, DECLINED)
PER_INVITEE, PER_DESA = "invitee", "desa"
# The day as the programme guide runs it, when the rooms have no sessions yet.
DEFAULT_AGENDA = (
    ("07.30 – 08.30", "Registrasi peserta dan pembagian Bursa Kit"),
    ("08.30 – 09.15", "Pembukaan"),
    ("09.15 – 12.00", "Bursa inovasi A, B dan C; meja konsultasi"),
    ("12.00 – 13.00", "Istirahat"),
    ("13.00 – 14.30", "Meja konsultasi dan penandatanganan Kartu Komitmen"),
    ("14.30 – 15.30", "Jendela 3: penukaran Kartu Komitmen dengan piagam; Kartu Ide"),
    ("15.30 – 16.00", "Penutupan"),
)


@dataclass
class DesaConfirmation:
    code: str
    name: str
    invited: int = 0
    confirmed: int = 0
    declined: int = 0
    people: list[dict[str, Any]] = field(default_factory=list)

    @property
    def pending(self) -> int:
        return self.invited - self.confirmed - self.declined


def set_confirmation(
    session: Session,
    participant_id: str,
    status: str,
    confirmed_by: str,
    when: dt.datetime | None = None,
) -> dict[str, Any]:
    """Record whether an invitee is coming, who confirmed it and when (audited)."""
    if status not in CONFIRMATIONS:
        raise UserError(f"Status konfirmasi '{status}' tidak dikenal ({', '.join(CONFIRMATIONS)})")
    person = session.get(Participant, participant_id)
    if person is None or person.voided:
        raise UserError("Peserta tidak ditemukan atau sudah dibatalkan")
    who = " ".join(confirmed_by.split())
    if status != PENDING and not who:
        raise UserError("Isi siapa yang mengonfirmasi (nama panitia)")
    when = None if status == PENDING else (when or dt.datetime.now().replace(microsecond=0))
    before = {
        "confirmation": person.confirmation,
        "confirmed_by": person.confirmed_by,
        "confirmed_at": person.confirmed_at,
    }
    after = {"confirmation": status, "confirmed_by": who, "confirmed_at": when}
    if before != after:
        person.confirmation, person.confirmed_by, person.confirmed_at = status, who, when
        audit(session, "participant.confirm", "participant", person.id, before=before, after=after)
        session.flush()
    return _person(person)


def _person(p: Participant) -> dict[str, Any]:
    return {
        "id": p.id,
        "number": p.number,
        "name": p.name,
        "jabatan": p.jabatan,
        "desa_code": p.desa_code or "",
        "institution": p.institution,
        "category": p.category,
        "confirmation": p.confirmation or PENDING,
        "confirmed_by": p.confirmed_by,
        "confirmed_at": p.confirmed_at,
        "is_kepala_desa": p.is_kepala_desa,
    }


def invitees(session: Session, event_id: str) -> list[Participant]:
    """Everyone invited (not walk-ins, not voided), desa delegates first."""
    query = (
        select(Participant)
        .where(
            Participant.event_id == event_id,
            Participant.voided.is_(False),
            Participant.source != "walk-in",
        )
        .order_by(
            Participant.desa_code.is_(None),
            Participant.desa_code,
            Participant.is_kepala_desa.desc(),
            Participant.name,
        )
    )
    return list(session.scalars(query))


def desa_confirmations(session: Session, event_id: str) -> list[DesaConfirmation]:
    """Per desa of the event (every desa, even with nobody invited), then "" for the guests."""
    rows = {d.code: DesaConfirmation(d.code, d.name) for d in desa_list(session, event_id)}
    guests = DesaConfirmation("", "Tamu undangan (tanpa desa)")
    for person in invitees(session, event_id):
        entry = rows.get(person.desa_code or "", guests)
        entry.invited += 1
        entry.confirmed += person.confirmation == CONFIRMED
        entry.declined += person.confirmation == DECLINED
        entry.people.append(_person(person))
    return [*rows.values(), guests] if guests.invited else list(rows.values())


def agenda(session: Session, event: Event) -> list[tuple[str, str]]:
    """The day: registration, the bursa sessions set up for it (one line per time, its rooms
    together), then the tables, Jendela 3 and the closing; the programme's usual day when no
    session has a time yet."""
    query = (
        select(BursaSession.starts_at, BursaSession.ends_at, BursaSession.name, Room.name)
        .join(Room, Room.id == BursaSession.room_id)
        .where(BursaSession.event_id == event.id, BursaSession.starts_at.is_not(None))
        .order_by(BursaSession.starts_at, Room.bursa, Room.name)
    )
    slots: dict[str, list[str]] = {}
    first: dt.datetime | None = None
    last: dt.datetime | None = None
    for start, end, name, room in session.execute(query):
        assert start is not None  # the query asks for timed sessions only
        when = f"{start:%H.%M}" + (f" – {end:%H.%M}" if end else "")
        slots.setdefault(when, []).append(f"{name} ({room})")
        first = first or start
        finish = end if end is not None else start
        last = finish if last is None else max(last, finish)
    if not slots:
        return list(DEFAULT_AGENDA)
    assert first is not None and last is not None
    return [
        (f"07.30 – {first:%H.%M}", DEFAULT_AGENDA[0][1]),
        *((when, ", ".join(dict.fromkeys(names))) for when, names in slots.items()),
        (f"{last:%H.%M} – selesai", "Meja konsultasi, Jendela 3 (piagam, Kartu Ide), penutupan"),
    ]


def write_letters(
    session: Session,
    out: Path,
    per: str = PER_INVITEE,
    desa_codes: list[str] | None = None,
    skip_declined: bool = True,
) -> int:
    """The invitation letters as one PDF ready for the printer; returns the number of letters."""
    from bid_desktop.reports.invitation import Letter, LetterDay, write_invitation_pdf

    if per not in (PER_INVITEE, PER_DESA):
        raise InputRefused(f"--per: '{per}' tidak dikenal (invitee, desa)")
    event = current_event(session)
    names = {d.code: d.name for d in desa_list(session, event.id)}
    wanted = set(desa_codes or [])
    unknown = sorted(wanted - set(names))
    if unknown:
        raise InputRefused(f"kode desa bukan desa acara ini: {', '.join(unknown)}")
    people = [
        p
        for p in invitees(session, event.id)
        if (not wanted or p.desa_code in wanted)
        and not (skip_declined and p.confirmation == DECLINED)
    ]
    signers = signatories(event)
    day = LetterDay(
        event_name=event.name,
        date=event.date,
        venue=event.venue,
        kecamatan=", ".join(sorted(_kecamatan(session, event))),
        agenda=tuple(agenda(session, event)),
        signer_title=signers[1]["title"] if len(signers) > 1 else "Ketua Panitia",
        signer_name=signers[1]["name"] if len(signers) > 1 else "",
    )
    letters = _letters(people, names, per)
    if not letters:
        raise UserError("Tidak ada undangan untuk dicetak")
    write_invitation_pdf(Path(out), day, [Letter(*x) for x in letters])
    return len(letters)


def _kecamatan(session: Session, event: Event) -> set[str]:
    from bid_desktop.storage.models import EventKecamatan

    return set(
        session.scalars(select(EventKecamatan.name).where(EventKecamatan.event_id == event.id))
    )


def _letters(
    people: list[Participant], names: dict[str, str], per: str
) -> list[tuple[str, str, str, tuple[tuple[str, str, str], ...]]]:
    """(addressee, their role, desa name, ((number, name, jabatan), ...)) per letter."""
    if per == PER_INVITEE:
        return [
            (p.name, p.jabatan or p.institution, names.get(p.desa_code or "", ""),
             ((p.number, p.name, p.jabatan),))
            for p in people
        ]  # fmt: skip
    by_desa: dict[str, list[Participant]] = {}
    for p in people:
        by_desa.setdefault(p.desa_code or "", []).append(p)
    out = []
    for code, group in by_desa.items():
        if not code:  # guests have no desa: one letter each
            out += _letters(group, names, PER_INVITEE)
            continue
        head = next((p for p in group if p.is_kepala_desa), None)
        to = head.name if head else f"Kepala Desa {names[code]}"
        delegates = tuple((p.number, p.name, p.jabatan) for p in group)
        out.append((to, "Kepala Desa", names[code], delegates))
    return out
