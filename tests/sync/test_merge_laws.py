"""The merge laws of sync.md, as hypothesis property tests over random multi-laptop scenarios.

``BID_HYPOTHESIS_EXAMPLES=1000`` raises the number of examples for a long run.
"""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

from hypothesis import event, given

from bid_desktop.storage.db import open_database
from bid_desktop.sync.conflicts import resolve_conflict
from bid_desktop.sync.merge import merge_staged, verify_invariants
from tests.sync import scenario
from tests.sync.helpers import clock as clock_of
from tests.sync.helpers import conflicts, live_rows, max_hlc, stage, state, versions

SETTINGS = scenario.SETTINGS
_dirs = itertools.count()


def _world(templates, tmp_path: Path, skew: int) -> scenario.World:
    folder = tmp_path / f"w{next(_dirs)}"
    folder.mkdir()
    laptops = [scenario.copy_db(templates[s], folder / f"{s}.sqlite") for s in scenario.STATIONS]
    return scenario.World(folder, laptops, [0, 0, skew])


def _fresh(templates, world: scenario.World, name: str):
    return scenario.copy_db(templates["empty"], world.folder / f"{name}.sqlite")


def _assert_clock_ahead(db) -> None:
    wall, counter = clock_of(db)
    assert f"{wall:018d}.{counter:06d}" >= max_hlc(db)


def _written(world: scenario.World) -> set[tuple]:
    out: set[tuple] = set()
    for db in world.laptops:
        out |= versions(db)
    return out


@SETTINGS
@given(ops=scenario.operations, skew=scenario.skews, order=scenario.laptop)
def test_order_free_idempotent_nothing_lost(templates, tmp_path, ops, skew, order):
    world = _world(templates, tmp_path, skew)
    fresh = []
    try:
        for op in ops:
            scenario.run_op(world, op)
        packages = [stage(db, world.folder) for db in world.laptops]
        fresh = [_fresh(templates, world, n) for n in ("x", "y", "z")]
        x, y, z = fresh
        merge_staged(x, packages)  # all at once
        for p in reversed(packages):  # one by one, reversed
            merge_staged(y, [p])
        rotated = packages[order:] + packages[:order]
        merge_staged(z, rotated[:2])  # two, then the last
        merge_staged(z, rotated[2:])
        assert state(x) == state(y) == state(z)  # law 1
        assert versions(x) == _written(world)  # law 4: every version, none invented
        assert verify_invariants(x) == []  # live rows = derivation, deletes only by tombstone
        before = state(x)
        merge_staged(x, packages[:1])
        merge_staged(x, [stage(x, world.folder)])
        assert state(x) == before  # law 3
        _assert_conflicts_really_differ(x)
        _assert_clock_ahead(x)
    finally:
        world.dispose()
        for db in fresh:
            db.dispose()


def _assert_conflicts_really_differ(db) -> None:
    """Identical content is never a conflict: every conflict lists ≥2 differing heads."""
    with db.engine.connect() as conn:
        for (head_ids,) in conn.exec_driver_sql("SELECT head_ids FROM conflict"):
            heads = json.loads(head_ids)
            marks = ",".join("?" * len(heads))
            contents = conn.exec_driver_sql(
                "SELECT DISTINCT CASE WHEN deleted THEN '' ELSE payload END FROM version "
                f"WHERE version_id IN ({marks})",
                tuple(heads),
            ).all()
            assert len(heads) >= 2 and len(contents) >= 2


def _mesh(world: scenario.World) -> None:
    """Every laptop sends its package to every other laptop."""
    packages = [stage(db, world.folder) for db in world.laptops]
    for i, db in enumerate(world.laptops):
        merge_staged(db, [p for j, p in enumerate(packages) if j != i])
        _assert_clock_ahead(db)


@SETTINGS
@given(ops=scenario.operations, skew=scenario.skews)
def test_relay_deterministic_conflicts_and_resolution(templates, tmp_path, ops, skew):
    world = _world(templates, tmp_path, skew)
    fresh = []
    try:
        for op in ops:
            scenario.run_op(world, op)
        a, b, c = world.laptops
        # relay: A→C then C→B equals A→B (on copies of B and C)
        fresh = [_copy(b, world, "b1"), _copy(b, world, "b2"), _copy(c, world, "c1")]
        b1, b2, c1 = fresh
        merge_staged(c1, [stage(a, world.folder)])
        merge_staged(b1, [stage(c1, world.folder)])
        merge_staged(b2, [stage(a, world.folder), stage(c, world.folder)])
        assert state(b1) == state(b2)
        # after a full exchange every laptop shows the same rows and the same conflicts
        _mesh(world)
        assert state(a) == state(b) == state(c)
        kinds = sorted({r[2] for r in conflicts(a)})
        event(f"conflicts: {'+'.join(kinds) or 'none'}")
        assert verify_invariants(a) == []
        _resolve_one_and_replicate(world)
    finally:
        world.dispose()
        for db in fresh:
            db.dispose()


def _copy(db, world: scenario.World, name: str):
    """A copy of a laptop's database file (checkpointed first: WAL mode)."""
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    shutil.copyfile(db.path, world.folder / f"{name}.sqlite")
    return open_database(world.folder / f"{name}.sqlite")


def _resolve_one_and_replicate(world: scenario.World) -> None:
    a, b, _ = world.laptops
    open_ = conflicts(a)
    if not open_:
        return
    record_id = open_[0][0]
    world.tick(0)
    with a.begin() as s:
        resolve_conflict(s, record_id, {}, pin="123456")
    assert record_id not in {r[0] for r in conflicts(a)}
    merge_staged(b, [stage(a, world.folder)])
    assert record_id not in {r[0] for r in conflicts(b)}
    _mesh(world)
    assert live_rows(a) == live_rows(b) and conflicts(a) == conflicts(b)
