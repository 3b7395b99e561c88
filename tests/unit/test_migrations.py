"""Migrations from empty to head give exactly the models' schema; opening backs up first."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from bid_desktop.storage.db import head_revision, open_database
from bid_desktop.storage.models import Base


def test_empty_to_head_matches_models(tmp_path: Path):
    db = open_database(tmp_path / "m.sqlite")
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        assert ctx.get_current_revision() == head_revision()
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == [], f"models and migrations differ: {diff} (run migrations/new-revision)"
