"""Records whose heads disagree: field-by-field three-way merge against the common ancestor.

Pure functions of the version set (no clock, no laptop identity), so every laptop derives the
same live row and the same conflict entry whatever order packages arrived in. Runs in Python,
but only for conflicted records (a handful), never for the bulk of a merge.

Rules (sync.md):
- the winner is the head with the highest ``(hlc, station, version_id)``;
- a field changed (against the lowest common ancestor) on only one side takes that change:
  the conflict is *soft*; the same field changed differently is *hard* and takes the value of
  the highest-ranked head that changed it;
- the base is found by content (see ``common_ancestor``); with no common content at all
  (two laptops created the same natural id with different values) every field that differs
  is hard and takes the winner's value;
- a delete concurrent with an edit is hard (field ``_dihapus``); the winner decides whether
  the row lives;
- *provenance* fields (when and where a fact was captured: ``stamped_at``, ``station``...)
  never make a conflict hard: the same commitment stamped at table A1 and written from the
  paper card at Jendela 3 is the same fact with the same content, only captured twice. They
  take the winner's value and the record is reported as a soft conflict; a differing
  amount or year stays hard.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field

DELETED_FIELD = "_dihapus"

# Capture metadata of the synced models (storage/models.py), not the content users decide on.
PROVENANCE_FIELDS = frozenset(
    {
        "stamped_at", "stamped_station", "table_code", "source",  # commitment
        "checked_in_at", "checked_in_station", "kit_at",  # participant: two desks scanned it
        "received_at", "scanned_at", "rated_at", "consulted_at", "printed_at",
        "station",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Ver:
    version_id: str
    hlc: str
    station: str
    deleted: bool
    payload: dict[str, object]

    @property
    def rank(self) -> tuple[str, str, str]:
        return (self.hlc, self.station, self.version_id)


@dataclass
class Resolution:
    payload: dict[str, object] | None  # None = the live row is deleted
    kind: str  # 'hard' | 'soft'
    fields: list[str]
    head_ids: list[str]
    hard_fields: list[str] = field(default_factory=list)
    base_id: str | None = None


def ancestors(start: str, parents: dict[str, list[str]]) -> set[str]:
    """``start`` and every version it (transitively) supersedes."""
    seen = {start}
    stack = [start]
    while stack:
        for parent in parents.get(stack.pop(), []):
            if parent not in seen:
                seen.add(parent)
                stack.append(parent)
    return seen


def _content(ver: Ver) -> str:
    return json.dumps([ver.deleted, ver.payload], sort_keys=True)


def common_ancestor(
    heads: list[Ver], versions: dict[str, Ver], parents: dict[str, list[str]]
) -> Ver | None:
    """The merge base: the highest-ranked ancestor whose content every head descends from.

    Deviation from a pure version-id LCA, on purpose: a natural-id record (desa, invitee,
    commitment) is usually created with identical content on several laptops, as different
    versions. Matching ancestors by *content* makes that identical creation the base, so later
    edits of different fields merge softly instead of being reported as hard conflicts. A
    version-id common ancestor always qualifies too, so this only ever finds more bases.
    """
    lineages = [
        [versions[v] for v in ancestors(h.version_id, parents) if v in versions] for h in heads
    ]
    common: set[str] | None = None
    for lineage in lineages:
        mine = {_content(v) for v in lineage}
        common = mine if common is None else common & mine
    candidates = [v for lineage in lineages for v in lineage if _content(v) in (common or ())]
    return max(candidates, key=lambda v: v.rank) if candidates else None


def merge_fields(
    alive: list[Ver], base: Ver | None
) -> tuple[dict[str, object], list[str], list[str]]:
    """(merged payload, fields that differ, of which hard). ``alive`` is sorted best first."""
    keys = sorted({k for h in alive for k in h.payload})
    merged: dict[str, object] = {}
    differ: list[str] = []
    hard: list[str] = []
    for key in keys:
        values = [h.payload.get(key) for h in alive]
        if all(v == values[0] for v in values):
            merged[key] = values[0]
            continue
        differ.append(key)
        if base is None:
            merged[key] = values[0]
            if key not in PROVENANCE_FIELDS:
                hard.append(key)
            continue
        before = base.payload.get(key)
        changed = [v for v in values if v != before]
        distinct = {json.dumps(v, sort_keys=True) for v in changed}
        merged[key] = changed[0]
        if len(distinct) > 1 and key not in PROVENANCE_FIELDS:
            hard.append(key)
    return merged, differ, hard


def resolve(
    heads: list[Ver], versions: dict[str, Ver], parents: dict[str, list[str]]
) -> Resolution:
    """Live content and conflict entry of one record from its heads (any order)."""
    ranked = sorted(heads, key=lambda v: v.rank, reverse=True)
    winner = ranked[0]
    alive = [h for h in ranked if not h.deleted]
    head_ids = [h.version_id for h in ranked]
    base = common_ancestor(alive, versions, parents) if alive else None
    merged, differ, hard = merge_fields(alive, base) if alive else ({}, [], [])
    if alive and len(alive) < len(ranked):
        differ.insert(0, DELETED_FIELD)
        hard.insert(0, DELETED_FIELD)
    return Resolution(
        payload=None if winner.deleted else merged,
        kind="hard" if hard else "soft",
        fields=differ,
        head_ids=head_ids,
        hard_fields=hard,
        base_id=base.version_id if base else None,
    )


def load_graph(
    conn: sqlite3.Connection, record_ids: list[str]
) -> tuple[dict[str, list[Ver]], dict[str, Ver], dict[str, list[str]]]:
    """(record → its versions, version id → version, child → parents) for a few records."""
    by_record: dict[str, list[Ver]] = defaultdict(list)
    versions: dict[str, Ver] = {}
    parents: dict[str, list[str]] = defaultdict(list)
    for start in range(0, len(record_ids), 500):
        chunk = record_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for rid, vid, hlc, station, deleted, payload in conn.execute(
            "SELECT record_id, version_id, hlc, station, deleted, payload FROM main.version "
            f"WHERE record_id IN ({marks})",
            chunk,
        ):
            ver = Ver(vid, hlc, station, bool(deleted), json.loads(payload))
            by_record[rid].append(ver)
            versions[vid] = ver
        for child, parent in conn.execute(
            "SELECT p.version_id, p.parent_id FROM main.version_parent p "
            f"JOIN main.version v ON v.version_id = p.version_id WHERE v.record_id IN ({marks})",
            chunk,
        ):
            parents[child].append(parent)
    return by_record, versions, parents


def heads_of(record_versions: list[Ver], parents: dict[str, list[str]]) -> list[Ver]:
    superseded = {p for v in record_versions for p in parents.get(v.version_id, [])}
    return [v for v in record_versions if v.version_id not in superseded]


def resolve_records(conn: sqlite3.Connection, record_ids: list[str]) -> dict[str, Resolution]:
    by_record, versions, parents = load_graph(conn, record_ids)
    return {
        rid: resolve(heads_of(by_record[rid], parents), versions, parents)
        for rid in record_ids
        if by_record.get(rid)
    }
