"""Duplicate candidates: the same person registered at two desks (sync.md law 6).

Never merged automatically. Candidates are groups of live (not voided) participants of one
event sharing a key: normalised name + desa, phone (E.164), or normalised name + jabatan.
Grouping happens in SQL (``GROUP BY``) with the name normaliser registered as a SQLite
function, so it scales to a province event.

Linking: a ``DuplicateLink`` record (natural id from the sorted ids, so two laptops linking
the same people write the same record). The groups are the union of every link, whatever
order and laptop they were made in (``survivor_map``: union–find); the survivor is the
smallest id of the group (order-free). ``reconcile_links`` makes the voids follow the groups:
the other members are **voided** with reason ``duplikat dari <number>`` rather than hidden
through the link (every list and count in the app already excludes voided participants), a
later "not the same person" un-voids, and the survivor takes the earliest check-in / kit time
of the group. It runs after every link decision and after every merge, as ordinary edits.
``survivor_map`` maps merged ids to the survivor for reports that count per person.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bid_desktop.domain.errors import UserError
from bid_desktop.domain.ids import duplicate_link_id
from bid_desktop.domain.text import normalize_name
from bid_desktop.services.audit import audit, require_pin
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
    """Mark a group as one person; returns the survivor of the whole linked group."""
    if pin is not None:
        require_pin(session, pin)
    people = {
        p.id: p
        for p in session.scalars(select(Participant).where(Participant.id.in_(participant_ids)))
    }
    if len(people) != len(set(participant_ids)):
        raise UserError("Peserta tidak ditemukan")
    link = _link(session, list(people), not_duplicate=False)
    session.flush()
    reconcile_links(session, link.event_id)
    audit(session, "duplicate.linked", "participant", link.survivor_id, after=sorted(people),
          event_id=link.event_id)  # fmt: skip
    session.flush()
    return survivor_map(session, link.event_id).get(link.survivor_id, link.survivor_id)


def mark_not_duplicate(session: Session, participant_ids: list[str]) -> None:
    """The user says these are different people: the group is no longer proposed, and anyone
    voided only because of a link between them is back."""
    link = _link(session, participant_ids, not_duplicate=True)
    session.flush()
    reconcile_links(session, link.event_id)
    audit(session, "duplicate.not_duplicate", "duplicate_link", link.id, event_id=link.event_id)
    session.flush()


DUPLICATE_REASON = "duplikat dari "


def reconcile_links(session: Session, event_id: str) -> int:
    """Make the voids follow the union of every 'same person' link (sync.md, duplicates).

    Links made in any order, on any laptop, form groups (union–find); the smallest id of a
    group survives and every other member is voided as its duplicate; a participant voided as
    a duplicate who no longer is one (a 'not the same person' decided later) is un-voided.
    The survivor takes the earliest check-in and kit time of the group. Writes through the
    ORM, so the changes are versions like any edit; every laptop that reconciles the same
    links writes the same content. Returns how many participants changed."""
    survivors = survivor_map(session, event_id)
    members = set(survivors) | set(survivors.values())
    doubted = session.scalars(
        select(Participant).where(
            Participant.event_id == event_id,
            Participant.voided.is_(True),
            Participant.void_reason.startswith(DUPLICATE_REASON),
        )
    ).all()
    ids = sorted(members | {p.id for p in doubted})
    people = {p.id: p for p in session.scalars(select(Participant).where(Participant.id.in_(ids)))}
    changed = 0
    for pid in ids:
        person = people.get(pid)
        if person is None:
            continue
        root = people.get(survivors.get(pid, pid))
        if pid in survivors and root is not None:
            want = (True, DUPLICATE_REASON + root.number)
            _take_earliest(root, person)
        elif person.void_reason.startswith(DUPLICATE_REASON):
            want = (False, "")
        else:
            continue
        if (person.voided, person.void_reason) != want:
            person.voided, person.void_reason = want
            changed += 1
    session.flush()
    return changed


def _take_earliest(survivor: Participant, other: Participant) -> None:
    for when, where in (("checked_in_at", "checked_in_station"), ("kit_at", "")):
        theirs = getattr(other, when)
        mine = getattr(survivor, when)
        if theirs is not None and (mine is None or theirs < mine):
            setattr(survivor, when, theirs)
            if where:
                setattr(survivor, where, getattr(other, where))


def reconcile_all(session: Session) -> int:
    """``reconcile_links`` for every event with links (after a merge)."""
    events = session.scalars(select(DuplicateLink.event_id).distinct()).all()
    return sum(reconcile_links(session, e) for e in events if e)


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
