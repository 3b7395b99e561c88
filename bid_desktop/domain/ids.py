"""Identity rules of sync.md: UUIDv7 for new things, UUIDv5 from natural keys."""

from __future__ import annotations

import re
import uuid

import uuid6

from bid_desktop.domain.text import normalize_name

# Fixed namespace: changing it would break law 6 (natural identities) between app versions.
NAMESPACE = uuid.UUID("7b1d3c52-5e0b-4c1e-9a51-4b4944000001")


def new_id() -> str:
    """A new time-ordered id for things with no natural key (walk-ins, consultations)."""
    return str(uuid6.uuid7())


def natural_id(kind: str, *parts: object) -> str:
    """Deterministic id from a natural key, identical on every laptop."""
    key = "|".join([kind, *(str(p) for p in parts)])
    return str(uuid.uuid5(NAMESPACE, key))


def event_child_id(kind: str, event_id: str, *parts: object) -> str:
    return natural_id(kind, event_id, *parts)


def desa_id(event_id: str, desa_code: str) -> str:
    return natural_id("desa", event_id, desa_code)


def kecamatan_id(event_id: str, code: str) -> str:
    return natural_id("kecamatan", event_id, code)


def invitee_id(event_id: str, name: str, desa_code: str | None, role: str | None) -> str:
    return natural_id(
        "invitee", event_id, normalize_name(name), desa_code or "", normalize_name(role or "")
    )


def innovation_id(event_id: str, code: str) -> str:
    return natural_id("innovation", event_id, code.strip().upper())


def provider_id(event_id: str, name: str) -> str:
    return natural_id("provider", event_id, normalize_name(name))


def commitment_id(event_id: str, desa_code: str, innovation_code: str) -> str:
    return natural_id("commitment", event_id, desa_code, innovation_code.strip().upper())


def rating_id(event_id: str, participant_id: str, innovation_code: str) -> str:
    return natural_id("rating", event_id, participant_id, innovation_code.strip().upper())


def idea_id(event_id: str, proposer_name: str, desa_code: str | None, title: str) -> str:
    """A Kartu Ide: the same card typed at Jendela 3 and transcribed later is one record."""
    return natural_id(
        "idea", event_id, normalize_name(proposer_name), desa_code, normalize_name(title)
    )


def piagam_id(event_id: str, desa_code: str) -> str:
    return natural_id("piagam", event_id, desa_code)


def table_id(event_id: str, bursa: str, number: int) -> str:
    return natural_id("table", event_id, bursa.upper(), number)


def attendance_id(event_id: str, session_id: str, participant_id: str) -> str:
    return natural_id("attendance", event_id, session_id, participant_id)


def followup_id(commitment_id_: str) -> str:
    return natural_id("followup", commitment_id_)


def idea_verification_id(idea_id: str) -> str:
    return natural_id("idea-verification", idea_id)


def duplicate_link_id(event_id: str, participant_ids: list[str]) -> str:
    return natural_id("duplicate-link", event_id, *sorted(participant_ids))


def invitee_number(participant_id: str) -> str:
    """Badge number for an invited person: derived from the identity, so the same list
    imported on two laptops gives the same number (no conflict), and it never collides with a
    walk-in number (those carry the station code)."""
    digits = int(uuid.UUID(participant_id).hex[:12], 16) % 10**7
    return f"U{digits:07d}"


def walkin_number(station: str, seq: int) -> str:
    return f"{station.upper()}-{seq:04d}"


BADGE_NUMBER = re.compile(r"U\d{7}|[A-Z0-9]{2,8}-\d{4}")


def looks_like_badge(text: str) -> bool:
    """The shape of a badge number (invitee or walk-in), whether or not anyone has it."""
    return BADGE_NUMBER.fullmatch(text.strip().upper()) is not None
