"""Migrations from empty to head give exactly the models' schema; opening backs up first;
an up-to-date database opens without loading alembic (start-up speed, P1)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from bid_desktop.storage import db as storage_db
from bid_desktop.storage.db import head_revision, open_database
from bid_desktop.storage.models import Base

ROOT = Path(__file__).resolve().parents[2]

PROBE_REVISION = """
from alembic import op
import sqlalchemy as sa

revision: str = "0002probe"
down_revision: str | None = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("probe", sa.Column("id", sa.Integer, primary_key=True))


def downgrade() -> None:
    op.drop_table("probe")
"""


def test_empty_to_head_matches_models(tmp_path: Path):
    db = open_database(tmp_path / "m.sqlite")
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        assert ctx.get_current_revision() == head_revision()
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == [], f"models and migrations differ: {diff} (run migrations/new-revision)"


def test_head_read_without_alembic_matches_alembic():
    cfg = Config()
    cfg.set_main_option("script_location", str(storage_db.migrations_dir()))
    assert head_revision() == ScriptDirectory.from_config(cfg).get_current_head()


def test_up_to_date_database_opens_without_alembic(tmp_path: Path):
    open_database(tmp_path / "a.sqlite").dispose()
    code = (
        "import sys; from bid_desktop.storage.db import open_database; "
        f"open_database({str(tmp_path / 'a.sqlite')!r}).dispose(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "False"
    assert not (tmp_path / "backups").exists()  # nothing to migrate, nothing backed up


def test_older_database_is_backed_up_then_upgraded(tmp_path: Path, monkeypatch):
    path = tmp_path / "old.sqlite"
    open_database(path).dispose()  # at today's head, which becomes "older" below
    scripts = tmp_path / "migrations"
    shutil.copytree(storage_db.migrations_dir(), scripts)
    (scripts / "versions" / "0002_probe.py").write_text(
        PROBE_REVISION.format(down=head_revision()), encoding="utf-8"
    )
    monkeypatch.setattr(storage_db, "migrations_dir", lambda: scripts)
    assert head_revision() == "0002probe"

    open_database(path).dispose()

    backups = list((tmp_path / "backups").glob("*.sqlite"))
    assert len(backups) == 1 and "pre-migrate-" in backups[0].name
    with sqlite3.connect(backups[0]) as old, sqlite3.connect(path) as new:
        assert old.execute("SELECT version_num FROM alembic_version").fetchall() != [("0002probe",)]
        assert new.execute("SELECT version_num FROM alembic_version").fetchall() == [("0002probe",)]
        assert new.execute("SELECT count(*) FROM probe").fetchone() == (0,)


def test_two_heads_are_refused(tmp_path: Path, monkeypatch):
    scripts = tmp_path / "migrations"
    shutil.copytree(storage_db.migrations_dir(), scripts)
    first = next((scripts / "versions").glob("0001_*.py"))
    down = first.read_text(encoding="utf-8")
    (scripts / "versions" / "0001b_copy.py").write_text(
        down.replace('revision: str = "0001"', 'revision: str = "0001b"'), encoding="utf-8"
    )
    monkeypatch.setattr(storage_db, "migrations_dir", lambda: scripts)
    with pytest.raises(RuntimeError, match="exactly one head"):
        head_revision()
