"""Helpers for merge tests: stage a laptop's versions, snapshot a database's synced state."""

from __future__ import annotations

import itertools
from pathlib import Path

from bid_desktop.storage.db import Database
from bid_desktop.storage.models import SYNCED_MODELS
from bid_desktop.sync.merge import MergeReport, export_versions, merge_staged

_counter = itertools.count()


def add_innovation(db: Database, event_id: str, code: str = "A01") -> None:
    """The menu item commitments in these tests refer to (a reference must exist, law 8)."""
    from bid_desktop.domain import ids
    from bid_desktop.storage.models import Innovation

    with db.begin() as s:
        s.add(
            Innovation(
                id=ids.innovation_id(event_id, code), event_id=event_id, code=code,
                title="Sarana air bersih", bursa=code[0],
            )
        )  # fmt: skip


def stage(db: Database, folder: Path) -> Path:
    """Export every version ``db`` knows to a fresh staged file."""
    path = folder / f"stage-{next(_counter)}.sqlite"
    export_versions(db, path)
    return path


def merge_from(target: Database, *sources: Database, folder: Path) -> MergeReport:
    return merge_staged(target, [stage(s, folder) for s in sources])


def live_rows(db: Database) -> dict[str, list[tuple]]:
    out = {}
    with db.engine.connect() as conn:
        for entity in SYNCED_MODELS:
            rows = conn.exec_driver_sql(f'SELECT * FROM "{entity}" ORDER BY id').all()
            out[entity] = [tuple(r) for r in rows]
    return out


def conflicts(db: Database) -> list[tuple]:
    with db.engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.exec_driver_sql(
                "SELECT record_id, entity, kind, fields, head_ids FROM conflict ORDER BY record_id"
            )
        ]


def versions(db: Database) -> set[tuple]:
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT version_id, entity, record_id, hlc, station, deleted, payload FROM version"
        ).all()
        edges = conn.exec_driver_sql("SELECT version_id, parent_id FROM version_parent").all()
    return {tuple(r) for r in rows} | {("edge", *e) for e in edges}


def state(db: Database) -> tuple:
    """Everything a merge law compares: live rows, conflict set, version set."""
    return live_rows(db), conflicts(db), versions(db)


def clock(db: Database) -> tuple[int, int]:
    with db.engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT hlc_wall, hlc_counter FROM station_state WHERE id = 1"
        ).one()
    return int(row[0]), int(row[1])


def max_hlc(db: Database) -> str:
    with db.engine.connect() as conn:
        return str(conn.exec_driver_sql("SELECT MAX(hlc) FROM version").scalar_one())
