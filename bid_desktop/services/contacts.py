"""Who to call about a desa's commitment: its Kepala Desa (name, phone) and the village
facilitators (PD, Pendamping Desa; PLD, Pendamping Lokal Desa) invited to its event.

Read from the participant list in two small queries, for the follow-up list (a page at a time)
and the recap (every commitment): the Kepala Desa is the desa's non-voided participant marked
Kepala Desa (one who attended first); a facilitator is a participant whose jabatan names one
(a facilitator given a desa is that desa's; one without a desa serves the whole event).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, func, or_, select, text, tuple_
from sqlalchemy.orm import Session

from bid_desktop.storage.models import FACILITATOR_JABATAN, Participant

Key = tuple[str, str]  # (event id, desa code)


@dataclass
class Contacts:
    kepala_desa: dict[Key, tuple[str, str]] = field(default_factory=dict)  # name, phone
    # event id → desa code ("" for the whole event) → "Nama (PLD, +62812…)"
    pendamping: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def kades(self, event_id: str, desa_code: str) -> tuple[str, str]:
        return self.kepala_desa.get((event_id, desa_code), ("", ""))

    def facilitators(self, event_id: str, desa_code: str) -> str:
        by_desa = self.pendamping.get(event_id, {})
        return "; ".join(by_desa.get(desa_code) or by_desa.get("", []))


def local_phone(phone: str) -> str:
    """A stored number (+62812…) as Indonesians dial and write it (0812…); a spreadsheet
    would also take a leading "+" for the start of a formula."""
    phone = (phone or "").strip()
    return "0" + phone[3:] if phone.startswith("+62") else phone


def role(jabatan: str) -> str:
    """ "PLD" for a Pendamping Lokal Desa, "PD" for a Pendamping Desa, "" otherwise."""
    text = " ".join(jabatan.lower().split())
    if text == "pld" or "pendamping lokal" in text:
        return "PLD"
    if text == "pd" or "pendamping desa" in text or text == "pendamping":
        return "PD"
    return ""


def load_contacts(session: Session, desa: Iterable[Key] | None = None) -> Contacts:
    """Contacts of the given (event, desa) pairs, or of every desa when None."""
    contacts = Contacts()
    wanted = None if desa is None else sorted(set(desa))
    query = (
        select(Participant.event_id, Participant.desa_code, Participant.name, Participant.phone)
        .where(Participant.is_kepala_desa.is_(True), Participant.voided.is_(False))
        .order_by(Participant.checked_in_at.is_(None), Participant.name, Participant.id)
    )
    if wanted is not None:
        if not wanted:
            return contacts
        # the page's desa only: one index probe per (event, desa), whatever the scope
        query = query.where(_pair_in(wanted))
    for event_id, code, name, phone in session.execute(query):
        key = (event_id, code or "")
        if key not in contacts.kepala_desa:
            contacts.kepala_desa[key] = (name, local_phone(phone))
    contacts.pendamping = _facilitators(session, wanted)
    return contacts


def _pair_in(pairs: list[Key]) -> Any:
    """(event_id, desa_code) among the pairs, read from one JSON parameter: a subquery the
    planner drives the (event_id, desa_code) index with (a VALUES list is scanned)."""
    listed = func.json_each(json.dumps(pairs)).table_valued("value")
    wanted = select(
        func.json_extract(listed.c.value, "$[0]"), func.json_extract(listed.c.value, "$[1]")
    )
    return tuple_(Participant.event_id, Participant.desa_code).in_(wanted)


def _facilitators(
    session: Session, wanted: list[Key] | None = None
) -> dict[str, dict[str, list[str]]]:
    """Facilitators by event and desa: of the given desa and their events' facilitators
    without a desa (who serve the whole event), or of every event when None."""
    query = (
        select(
            Participant.event_id,
            Participant.desa_code,
            Participant.name,
            Participant.jabatan,
            Participant.phone,
        )
        .where(
            Participant.voided.is_(False),
            text(f"({FACILITATOR_JABATAN})"),  # as the partial index says it
        )
        .order_by(Participant.name, Participant.id)
    )
    if wanted is not None:
        events = sorted({e for e, _code in wanted})
        pairs = sorted(set(wanted) | {(e, "") for e in events})
        query = query.where(
            or_(
                _pair_in(pairs),
                and_(Participant.event_id.in_(events), Participant.desa_code.is_(None)),
            )
        )
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for event_id, code, name, jab, phone in session.execute(query):
        kind = role(jab)
        if kind:
            details = ", ".join(x for x in (kind, local_phone(phone)) if x)
            found[event_id][code or ""].append(f"{name} ({details})")
    return {e: dict(by_desa) for e, by_desa in found.items()}
