"""Duplicate candidates: the same person registered at two desks (sync.md law 6).

Never merged automatically. Candidates are groups of live (not voided) participants of one
event sharing a key: normalised name + desa, phone (E.164), or normalised name + jabatan.
Grouping happens in SQL (``GROUP BY``) with the name normaliser registered as a SQLite
function, so it scales to a province event.

Linking: a ``DuplicateLink`` record (natural id from the sorted ids, so two laptops linking
the same people write the same record) names the survivor = the smallest id of the group
(order-free). The other participants are **voided** with reason ``duplikat dari <number>``
rather than hidden through the link: every list and count in the app already excludes voided
participants, so nothing elsewhere has to learn about links to avoid double counting, and the
void replicates like any other edit. The survivor takes the earliest check-in / kit time of
the group so attendance counts keep the person. ``survivor_map`` maps merged ids to the
survivor for reports that join ratings/attendance by participant id.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bid_desktop.domain.ids import duplicate_link_id
from bid_desktop.domain.text import normalize_name
from bid_desktop.services.audit import audit, require_pin
from bid_desktop.services.errors import UserError
from bid_desktop.services.station import require_state
from bid_desktop.storage.models import DuplicateLink, Participant

FIELDS = ["id", "number", "name", "desa_code", "jabatan", "phone", "institution", "source"]
FIELDS += ["checked_in_at", "checked_in_station"]

_KEYS = {
    "nama+desa": "CASE WHEN desa_code IS NOT NULL AND desa_code <> '' "
    "THEN nn || '|' || desa_code END",
    "telepon": "CASE WHEN phone <> '' THEN phone END",
    "nama+jabatan": "CASE WHEN jabatan <> '' THEN nn || '|' || nj END",
}


@functools.lru_cache(maxsize=1 << 16)
def _norm(text: str | None) -> str:
    # Names and jabatan repeat a lot (a few hundred jabatan in a whole province).
    return normalize_name(text or "")


def _register(conn: sqlite3.Connection) -> None:
    conn.create_function("bid_norm_name", 1, _norm, deterministic=True)


def _groups_sql() -> str:
    """Candidate groups: (reason, sorted JSON id list), one row per distinct group."""
    parts = [
        f"SELECT '{reason}' AS reason, {expr} AS k, id FROM p WHERE {expr} IS NOT NULL"
        for reason, expr in _KEYS.items()
    ]
    return (
        # MATERIALIZED: the Python name normaliser runs once per person, not once per key.
        "WITH p AS MATERIALIZED (SELECT id, bid_norm_name(name) AS nn, desa_code, phone, "
        "bid_norm_name(jabatan) AS nj, jabatan FROM main.participant "
        "WHERE event_id = :event AND NOT voided), "
        f"keyed AS ({' UNION ALL '.join(parts)}), "
        "grouped AS (SELECT reason, k, json_group_array(id) AS ids, COUNT(*) AS n FROM "
        "(SELECT * FROM keyed ORDER BY id) GROUP BY reason, k HAVING n > 1) "
        "SELECT group_concat(reason, ', ') AS reasons, ids FROM grouped "
        "WHERE NOT EXISTS (SELECT 1 FROM main.duplicate_link l WHERE l.event_id = :event "
        "AND l.participant_ids = grouped.ids) GROUP BY ids ORDER BY ids"
    )


def _event_of(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT event_id FROM main.station_state WHERE id = 1").fetchone()
    return row[0] if row else None


def count_candidates_conn(conn: sqlite3.Connection, event_id: str | None = None) -> int:
    """Number of candidate groups in this laptop's event (merge report), or ``event_id``'s."""
    event_id = event_id or _event_of(conn)
    if event_id is None:
        return 0
    _register(conn)
    row = conn.execute(f"SELECT COUNT(*) FROM ({_groups_sql()})", {"event": event_id}).fetchone()
    return int(row[0])


def _dbapi(session: Session) -> sqlite3.Connection:
    raw = session.connection().connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def find_candidates(session: Session, event_id: str, limit: int = 200) -> list[dict[str, Any]]:
    """Groups of participants likely the same person, each with every member's fields."""
    session.flush()
    conn = _dbapi(session)
    _register(conn)
    rows = conn.execute(
        f"{_groups_sql()} LIMIT :limit", {"event": event_id, "limit": limit}
    ).fetchall()
    groups = []
    for reasons, ids_json in rows:
        ids = json.loads(ids_json)
        people = session.scalars(select(Participant).where(Participant.id.in_(ids))).all()
        members = sorted(({f: getattr(p, f) for f in FIELDS} for p in people), key=_by_id)
        groups.append({"ids": ids, "reasons": reasons, "participants": members})
    return groups


def _by_id(member: dict[str, Any]) -> str:
    return str(member["id"])


def _link(session: Session, ids: list[str], not_duplicate: bool) -> DuplicateLink:
    state = require_state(session)
    assert state.event_id is not None
    ids = sorted(set(ids))
    if len(ids) < 2:
        raise UserError("Pilih minimal dua peserta")
    # the people's event (a TA database holds many; a station laptop only its own)
    events = set(session.scalars(select(Participant.event_id).where(Participant.id.in_(ids))))
    if len(events) > 1:
        raise UserError("Peserta dari acara yang berbeda bukan orang yang sama di satu acara")
    event_id = events.pop() if events else state.event_id
    link_id = duplicate_link_id(event_id, ids)
    link = session.get(DuplicateLink, link_id)
    if link is None:
        link = DuplicateLink(
            id=link_id,
            event_id=event_id,
            participant_ids=json.dumps(ids, separators=(",", ":")),
        )
        session.add(link)
    link.survivor_id = ids[0]
    link.not_duplicate = not_duplicate
    link.decided_station = state.station
    return link


def link_same_person(session: Session, participant_ids: list[str], pin: str | None = None) -> str:
    """Mark a group as one person; returns the survivor id (the smallest id)."""
    if pin is not None:
        require_pin(session, pin)
    people = {
        p.id: p
        for p in session.scalars(select(Participant).where(Participant.id.in_(participant_ids)))
    }
    if len(people) != len(set(participant_ids)):
        raise UserError("Peserta tidak ditemukan")
    link = _link(session, list(people), not_duplicate=False)
    survivor = people[link.survivor_id]
    for attr in ("checked_in_at", "kit_at"):
        times = [getattr(p, attr) for p in people.values() if getattr(p, attr) is not None]
        if times and getattr(survivor, attr) is None:
            setattr(survivor, attr, min(times))
    for pid, person in sorted(people.items()):
        if pid != survivor.id and not person.voided:
            person.voided = True
            person.void_reason = f"duplikat dari {survivor.number}"
    audit(session, "duplicate.linked", "participant", survivor.id, after=sorted(people),
          event_id=link.event_id)  # fmt: skip
    session.flush()
    return survivor.id


def mark_not_duplicate(session: Session, participant_ids: list[str]) -> None:
    """The user says these are different people: the group is no longer proposed."""
    link = _link(session, participant_ids, not_duplicate=True)
    audit(session, "duplicate.not_duplicate", "duplicate_link", link.id, event_id=link.event_id)
    session.flush()


def survivor_map(session: Session, event_id: str) -> dict[str, str]:
    """Merged participant id → survivor id, for every 'same person' link of the event."""
    parent: dict[str, str] = {}

    def root(pid: str) -> str:
        while parent.get(pid, pid) != pid:
            pid = parent[pid]
        return pid

    links = session.scalars(
        select(DuplicateLink).where(
            DuplicateLink.event_id == event_id, DuplicateLink.not_duplicate.is_(False)
        )
    )
    for link in links:
        ids = json.loads(link.participant_ids)
        for pid in ids[1:]:
            a, b = sorted((root(ids[0]), root(pid)))
            if a != b:
                parent[b] = a  # the smaller id survives, whatever order links arrived in
    return {pid: root(pid) for pid in parent if root(pid) != pid}
