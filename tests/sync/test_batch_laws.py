"""``batch.merge_each`` (what ``import_packages`` runs) against the merge engine, as property
tests over the random scenarios of the merge laws: the same database as ``merge_staged`` in
any order, per-file figures that sum to the run's totals, and a dry run that changes nothing.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from bid_desktop.sync import batch
from bid_desktop.sync.merge import merge_staged, verify_invariants
from tests.sync import scenario
from tests.sync.helpers import stage, state
from tests.sync.test_packages import dump

SETTINGS = scenario.SETTINGS
_dirs = itertools.count()


@SETTINGS
@given(
    ops=scenario.operations,
    skew=scenario.skews,
    order=st.permutations([0, 1, 2, 0]),  # a file given twice, too
    into=st.integers(0, 3),
)
def test_merge_each_equals_the_engine_and_figures_add_up(
    templates, tmp_path, ops, skew, order, into
):
    folder = tmp_path / f"b{next(_dirs)}"
    folder.mkdir()
    laptops = [scenario.copy_db(templates[s], folder / f"{s}.sqlite") for s in scenario.STATIONS]
    world = scenario.World(folder, laptops, [0, 0, skew])
    opened = []
    try:
        for op in ops:
            scenario.run_op(world, op)
        files = [stage(db, folder) for db in world.laptops]
        staged = [(files[i], f"{scenario.STATIONS[i]}.bidsync") for i in order]
        # into: an empty database, or one of the laptops itself (own versions known already)
        source = templates["empty"] if into == 3 else world.laptops[into].path
        engine, each = (scenario.copy_db(source, folder / f"{n}.sqlite") for n in ("e", "m"))
        opened += [engine, each]
        before = dump(each.path)
        preview = batch.merge_each(each, staged, dry_run=True)
        assert dump(each.path) == before
        report = merge_staged(engine, [f for f, _ in staged]).__dict__
        result = batch.merge_each(each, staged)
        assert state(each) == state(engine) and verify_invariants(each) == []
        for key in ("versions_new", "added", "updated", "deleted"):
            assert sum(getattr(f, key) for f in result.files) == report[key], key
            assert getattr(result.report, key) == report[key] == getattr(preview.report, key)
        assert sum(f.conflicts_hard for f in result.files) == report["conflicts_hard"]
        assert sum(f.conflicts_soft for f in result.files) == report["conflicts_soft"]
        again = [i for i, f in enumerate(order) if f == 0][1]
        assert result.files[again].versions_new == 0  # the repeated file brings nothing new
        assert result.files[again].added == result.files[again].updated == 0
        assert [f.versions_total for f in result.files] == [
            len(scenario_versions) for scenario_versions in _counts(files, order)
        ]
    finally:
        world.dispose()
        for db in opened:
            db.dispose()


def _counts(files: list[Path], order: list[int]) -> list[list[int]]:
    import sqlite3

    out = []
    for i in order:
        with sqlite3.connect(files[i]) as conn:
            out.append([r[0] for r in conn.execute("SELECT rowid FROM version")])
    return out
