"""Reference model of what the people meant (sync.md law 7), independent of versions.

Plain and slow on purpose. Every operation a person performs (stamp, correct, note, void,
check in, undo, set a phone, resolve a conflict) is an *event* that writes some fields of one
record, made on one laptop knowing every event that laptop had seen (its causal past). The
model never looks at versions, heads or parent links:

- a write of a field supersedes every write of that field in its causal past;
- of the writes nobody superseded, a write is *stale* when another one changed the field from
  exactly the value this one holds (measured at what both writes knew in common): a concurrent
  edit of a value that the other side had already replaced loses to that replacement (this is
  what a three-way merge means, field by field);
- the writes left give the value: one value = merged; several = a *hard* conflict, except for
  provenance fields (when and where), which never are;
- creations of the same record on several laptops count as one common origin for the fields
  they agree on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from bid_desktop.sync.threeway import PROVENANCE_FIELDS

MARKER = ("<konflik>",)  # a base value that equals nothing written


@dataclass(frozen=True)
class Event:
    eid: int
    laptop: int
    past: frozenset[int]  # events known when this one was made (not itself)
    record: str
    writes: tuple[tuple[str, object], ...]
    creation: bool = False

    def value(self, name: str) -> object:
        return dict(self.writes)[name]

    def writes_field(self, name: str) -> bool:
        return any(k == name for k, _ in self.writes)


@dataclass
class Model:
    events: dict[int, Event] = field(default_factory=dict)
    known: dict[int, set[int]] = field(default_factory=dict)  # laptop → events it has

    def record(
        self, laptop: int, record: str, writes: dict[str, object], creation: bool = False
    ) -> None:
        if not writes:
            return
        eid = len(self.events)
        past = frozenset(self.known.setdefault(laptop, set()))
        self.events[eid] = Event(eid, laptop, past, record, tuple(sorted(writes.items())), creation)
        self.known[laptop].add(eid)
        _values.cache_clear()

    def send(self, source: int, target: int) -> None:
        self.known.setdefault(target, set()).update(self.known.setdefault(source, set()))

    def everything(self) -> frozenset[int]:
        return frozenset(self.events)

    def field_values(self, seen: frozenset[int], record: str, name: str) -> list[object]:
        """The surviving values of one field, given the events ``seen`` (distinct, sorted)."""
        return _values(self, seen, record, name)

    def state(self, seen: frozenset[int], record: str) -> Expected:
        names = sorted({k for e in self._of(seen, record) for k, _ in e.writes})
        values = {n: self.field_values(seen, record, n) for n in names}
        hard = sorted(n for n, v in values.items() if len(v) > 1 and n not in PROVENANCE_FIELDS)
        latest = [
            e
            for e in self._of(seen, record)
            if not any(e.eid in o.past for o in self._of(seen, record))
        ]
        return Expected(values, hard, len(latest))

    def _of(self, seen: frozenset[int], record: str) -> list[Event]:
        return [self.events[e] for e in sorted(seen) if self.events[e].record == record]

    def __hash__(self) -> int:
        return id(self)


@dataclass
class Expected:
    values: dict[str, list[object]]  # field → surviving values (one = merged)
    hard: list[str]
    concurrent: int  # events of the record nobody knew of (1 = no conflict at all)

    @property
    def kind(self) -> str:
        return "hard" if self.hard else ("none" if self.concurrent <= 1 else "soft?")


def _key(value: object) -> str:
    return repr(value)


@lru_cache(maxsize=1 << 16)
def _values(model: Model, seen: frozenset[int], record: str, name: str) -> list[object]:
    events = model.events
    writes = [
        events[e] for e in seen if events[e].record == record and events[e].writes_field(name)
    ]
    latest = [w for w in writes if not any(w.eid in o.past for o in writes)]
    alive = [
        w
        for w in latest
        if not any(
            _key(o.value(name)) != _key(w.value(name))
            and _key(_base(model, w, o, name)) == _key(w.value(name))
            for o in latest
        )
    ] or latest
    distinct = {_key(w.value(name)): w.value(name) for w in alive}
    return [distinct[k] for k in sorted(distinct)]


def _base(model: Model, left: Event, right: Event, name: str) -> object:
    """The value of ``name`` at what both writes knew in common."""
    common = (left.past | {left.eid}) & (right.past | {right.eid})
    events = model.events
    if any(events[e].writes_field(name) and events[e].record == left.record for e in common):
        values = _values(model, frozenset(common), left.record, name)
        return values[0] if len(values) == 1 else MARKER
    everything = left.past | right.past | {left.eid, right.eid}
    made = [
        events[e]
        for e in everything
        if events[e].record == left.record and events[e].creation and events[e].writes_field(name)
    ]
    values = {_key(e.value(name)) for e in made}
    return made[0].value(name) if made and len(values) == 1 else MARKER
