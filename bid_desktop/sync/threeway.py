"""Records whose heads disagree: field-by-field merge against the lowest common ancestor.

Pure functions of the version set (no clock, no laptop identity), so every laptop derives the
same live row and the same conflict entry whatever order packages arrived in. Runs in Python,
but only for records whose heads disagree (a handful), on the versions of those records only
(``load_graph``): bounded, never a walk over every record of a merge.

The base of two heads (sync.md law 7) is their lowest common ancestor in the version graph:

- ancestors follow the parent links only, never content;
- several lowest common ancestors (criss-cross) are merged first, recursively, into a virtual
  base (git's *recursive* strategy); a field those ancestors disagree on becomes a conflict
  marker that equals no value, so two different resolutions of one conflict stay a conflict;
- the creations (versions without parents) of one record count as one common root: a
  natural-id record created on several laptops has no common version, but its creations are
  the same fact. That virtual root holds each field the creations agree on, and a conflict
  marker where they differ. Content never makes a later version, or one side's head, the base.

Field rules, for any number of heads:

- a head's value of a field is *overridden* by another head that changed the field since
  their common base while this one did not (for two heads: exactly a three-way merge);
- the values that are not overridden survive: one value = merged (the record is a *soft*
  conflict when heads differ); several = *hard*, taking the value of the highest-ranked head
  (max ``(hlc, station, version_id)``) among the survivors;
- a delete concurrent with an edit is hard (field ``_dihapus``); the winner decides whether
  the row lives;
- *provenance* fields (when and where a fact was captured) never make a conflict hard; when
  another field is hard they follow the head whose value was taken, so the recap never
  credits an amount to a table that did not stamp it.
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
        "station", "decided_station",  # duplicate link: where the decision was taken
    }
)  # fmt: skip


# time field → station field that goes with it: concurrent values keep the earliest
EARLIEST = {"checked_in_at": "checked_in_station", "kit_at": ""}


class _Marker:
    """A conflict marker in a virtual base: equal to no value, not even another marker."""

    def __eq__(self, other: object) -> bool:
        return False

    def __hash__(self) -> int:
        return id(self)

    def __repr__(self) -> str:
        return "<konflik>"


MARKER = _Marker()
Payload = dict[str, object]


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
    base: dict[str, object] | None = None  # the two best heads' base (markers as None)


def _same(a: object, b: object) -> bool:
    if a is MARKER or b is MARKER:
        return False
    return bool(a == b)


class Graph:
    """The versions of one record and their parent links; ancestor sets and merge bases."""

    def __init__(self, versions: list[Ver], parents: dict[str, list[str]]) -> None:
        self.by_id = {v.version_id: v for v in versions}
        self.parents = {
            v: [p for p in parents.get(v, []) if p in self.by_id and p != v] for v in self.by_id
        }
        self._anc: dict[str, frozenset[str]] = {}
        self._bases: dict[frozenset[frozenset[str]], Payload] = {}

    def ancestors(self, start: str) -> frozenset[str]:
        """``start`` and every version it (transitively) supersedes."""
        if start not in self._anc:
            seen = {start}
            stack = [start]
            while stack:
                for parent in self.parents.get(stack.pop(), []):
                    if parent not in seen:
                        seen.add(parent)
                        stack.append(parent)
            self._anc[start] = frozenset(seen)
        return self._anc[start]

    def content(self, vid: str) -> Payload:
        ver = self.by_id[vid]
        return {**ver.payload, DELETED_FIELD: ver.deleted}

    def base(self, left: frozenset[str], right: frozenset[str]) -> Payload:
        """The merge base of two ancestor sets (lowest common ancestors, merged recursively)."""
        key = frozenset((left, right))
        if key not in self._bases:
            common = left & right
            proper: set[str] = set()
            for vid in common:
                proper |= self.ancestors(vid) - {vid}
            lowest = sorted(common - proper, key=lambda v: self.by_id[v].rank, reverse=True)
            self._bases[key] = self._virtual(lowest) if lowest else self._root(left | right)
        return self._bases[key]

    def _virtual(self, nodes: list[str]) -> Payload:
        """Several lowest common ancestors merged pairwise into one virtual base."""
        merged = self.content(nodes[0])
        seen = self.ancestors(nodes[0])
        for node in nodes[1:]:
            under = self.base(seen, self.ancestors(node))
            merged = _merge_pair(merged, self.content(node), under)
            seen = seen | self.ancestors(node)
        return merged

    def _root(self, vids: frozenset[str]) -> Payload:
        """The creations among ``vids`` as one common root: agreed fields, markers elsewhere."""
        roots = [self.content(v) for v in sorted(vids) if not self.parents.get(v)]
        keys = sorted({k for r in roots for k in r})
        out: Payload = {}
        for k in keys:
            values = [r.get(k) for r in roots]
            out[k] = values[0] if all(_same(v, values[0]) for v in values) else MARKER
        return out


def _merge_pair(left: Payload, right: Payload, base: Payload) -> Payload:
    out: Payload = {}
    for k in sorted(set(left) | set(right)):
        a, b, o = left.get(k), right.get(k), base.get(k)
        if _same(a, b):
            out[k] = a
        elif _same(a, o):
            out[k] = b
        elif _same(b, o):
            out[k] = a
        else:
            out[k] = MARKER
    return out


def _survivors(values: list[object], bases: dict[tuple[int, int], Payload], key: str) -> list[int]:
    """Indexes of heads whose value of ``key`` no other head overrode (see module docstring)."""
    keep = []
    for i, mine in enumerate(values):
        overridden = any(
            j != i and not _same(values[j], mine) and _same(bases[(i, j)].get(key), mine)
            for j in range(len(values))
        )
        if not overridden:
            keep.append(i)
    return keep or list(range(len(values)))


def merge_fields(
    alive: list[Ver], graph: Graph
) -> tuple[dict[str, object], list[str], list[str], Payload | None]:
    """(merged payload, fields that differ, of which hard, base of the two best heads).

    ``alive`` is sorted best first."""
    anc = [graph.ancestors(h.version_id) for h in alive]
    bases = {
        (i, j): graph.base(anc[i], anc[j])
        for i in range(len(alive))
        for j in range(len(alive))
        if i != j
    }
    keys = sorted({k for h in alive for k in h.payload})
    merged: dict[str, object] = {}
    differ: list[str] = []
    hard: list[str] = []
    source: dict[str, int] = {}
    survivors: dict[str, list[int]] = {}
    for key in keys:
        values = [h.payload.get(key) for h in alive]
        if all(_same(v, values[0]) for v in values):
            merged[key] = values[0]
            continue
        differ.append(key)
        keep = _survivors(values, bases, key)
        survivors[key] = keep
        merged[key] = values[keep[0]]
        source[key] = keep[0]
        distinct = {json.dumps(values[i], sort_keys=True) for i in keep}
        if len(distinct) > 1 and key not in PROVENANCE_FIELDS:
            hard.append(key)
    _earliest_arrival(alive, merged, survivors)
    if hard:  # provenance follows the head whose disputed value was taken
        taken = alive[source[hard[0]]].payload
        for key in differ:
            if key in PROVENANCE_FIELDS:
                merged[key] = taken.get(key)
    base = bases.get((0, 1))
    return merged, differ, hard, base


def _earliest_arrival(
    alive: list[Ver], merged: dict[str, object], survivors: dict[str, list[int]]
) -> None:
    """Two desks checked the same person in: the arrival is the earliest time, with the
    station that recorded it (and the same for the kit)."""
    for when, where in EARLIEST.items():
        keep = survivors.get(when, [])
        times = [(str(alive[i].payload.get(when)), i) for i in keep]
        if len(times) > 1 and all(alive[i].payload.get(when) is not None for i in keep):
            first = min(times)[1]
            merged[when] = alive[first].payload.get(when)
            if where:
                merged[where] = alive[first].payload.get(where)


def resolve(heads: list[Ver], graph: Graph) -> Resolution:
    """Live content and conflict entry of one record from its heads (any order)."""
    ranked = sorted(heads, key=lambda v: v.rank, reverse=True)
    winner = ranked[0]
    alive = [h for h in ranked if not h.deleted]
    head_ids = [h.version_id for h in ranked]
    merged: dict[str, object] = {}
    differ: list[str] = []
    hard: list[str] = []
    base: Payload | None = None
    if len(alive) > 1:
        merged, differ, hard, base = merge_fields(alive, graph)
    elif alive:
        merged = dict(alive[0].payload)
    if len(ranked) > 1 and not alive:
        base = None
    if alive and len(alive) < len(ranked):
        differ.insert(0, DELETED_FIELD)
        hard.insert(0, DELETED_FIELD)
        if base is None:
            dead = next(h for h in ranked if h.deleted)
            anc = graph.ancestors
            base = graph.base(anc(alive[0].version_id), anc(dead.version_id))
    shown = None if base is None else {k: (None if v is MARKER else v) for k, v in base.items()}
    return Resolution(
        payload=None if winner.deleted else merged,
        kind="hard" if hard else "soft",
        fields=differ,
        head_ids=head_ids,
        hard_fields=hard,
        base=shown,
    )


def load_graph(
    conn: sqlite3.Connection, record_ids: list[str]
) -> tuple[dict[str, list[Ver]], dict[str, list[str]]]:
    """(record → its versions, child → parents) for a few records."""
    by_record: dict[str, list[Ver]] = defaultdict(list)
    parents: dict[str, list[str]] = defaultdict(list)
    for start in range(0, len(record_ids), 500):
        chunk = record_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for rid, vid, hlc, station, deleted, payload in conn.execute(
            "SELECT record_id, version_id, hlc, station, deleted, payload FROM main.version "
            f"WHERE record_id IN ({marks})",
            chunk,
        ):
            by_record[rid].append(Ver(vid, hlc, station, bool(deleted), json.loads(payload)))
        for child, parent in conn.execute(
            "SELECT p.version_id, p.parent_id FROM main.version_parent p "
            f"JOIN main.version v ON v.version_id = p.version_id WHERE v.record_id IN ({marks})",
            chunk,
        ):
            parents[child].append(parent)
    return by_record, parents


def heads_of(record_versions: list[Ver], parents: dict[str, list[str]]) -> list[Ver]:
    superseded = {p for v in record_versions for p in parents.get(v.version_id, [])}
    return [v for v in record_versions if v.version_id not in superseded]


def resolve_records(conn: sqlite3.Connection, record_ids: list[str]) -> dict[str, Resolution]:
    by_record, parents = load_graph(conn, record_ids)
    out: dict[str, Resolution] = {}
    for rid in record_ids:
        versions = by_record.get(rid)
        if versions:
            out[rid] = resolve(heads_of(versions, parents), Graph(versions, parents))
    return out


def graphs(conn: sqlite3.Connection, record_ids: list[str]) -> dict[str, tuple[list[Ver], Graph]]:
    """record → (its heads, its graph), for the local write path (``history``)."""
    by_record, parents = load_graph(conn, record_ids)
    return {
        rid: (heads_of(versions, parents), Graph(versions, parents))
        for rid, versions in by_record.items()
    }


def write_conflict(conn: sqlite3.Connection, record_id: str, entity: str, res: Resolution) -> None:
    """Store (or clear, when the heads agree) the conflict row of one record."""
    conn.execute("DELETE FROM main.conflict WHERE record_id = ?", (record_id,))
    if res.fields:
        conn.execute(
            "INSERT INTO main.conflict (record_id, entity, kind, fields, head_ids) "
            "VALUES (?, ?, ?, ?, ?)",
            (record_id, entity, res.kind, json.dumps(res.fields), json.dumps(res.head_ids)),
        )
