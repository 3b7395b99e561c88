"""Opening a database: PRAGMAs for power-loss safety, migrate to head after a backup.

Alembic is imported only when a database is not at the head revision: the head is read from
the ``revision = "..."`` lines of ``migrations/versions/*.py`` and the database's revision
from its ``alembic_version`` table, so an up-to-date database opens without loading alembic
(~140 ms of every start-up).
"""

from __future__ import annotations

import ast
import functools
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker

from bid_desktop.storage.backup import backup_database
from bid_desktop.storage.paths import sqlalchemy_url
from bid_desktop.sync import history

if TYPE_CHECKING:
    from alembic.config import Config


def migrations_dir() -> Path:
    """The alembic scripts, whether running from a checkout, an install or a bundle."""
    try:
        packaged = Path(str(resources.files("bid_desktop.migrations")))
        if (packaged / "env.py").exists():
            return packaged
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parents[2] / "migrations"


def alembic_config(db_url: str) -> Config:
    from alembic.config import Config

    cfg = Config()
    # ConfigParser interpolates %: a folder like "100% data" must reach alembic as written.
    cfg.set_main_option("script_location", str(migrations_dir()).replace("%", "%%"))
    cfg.set_main_option("sqlalchemy.url", db_url.replace("%", "%%"))
    return cfg


def _revision_ids(script: Path) -> tuple[str | None, set[str]]:
    """(revision, down revisions) of one alembic script, read from its module-level
    assignments without importing it."""
    revision: str | None = None
    down: set[str] = set()
    for node in ast.parse(script.read_text(encoding="utf-8")).body:
        target = value = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        if not isinstance(target, ast.Name) or value is None:
            continue
        if target.id == "revision":
            revision = ast.literal_eval(value)
        elif target.id == "down_revision":
            found = ast.literal_eval(value)
            down |= {found} if isinstance(found, str) else set(found or ())
    return revision, down


def head_revision() -> str:
    """The one revision no other revision builds on (alembic's head), without alembic."""
    return _head_in(migrations_dir() / "versions")


@functools.cache
def _head_in(versions: Path) -> str:
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in sorted(versions.glob("*.py")):
        revision, down = _revision_ids(script)
        if revision is not None:
            revisions.add(revision)
            parents |= down
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    # WAL + synchronous=FULL: a transaction the UI reported as committed survives power loss.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA trusted_schema=OFF")
    cur.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(sqlalchemy_url(path), future=True)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database; None for a new (empty) database."""
    with engine.connect() as conn:
        has_table = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
        if has_table is None:
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:
        raise RuntimeError(f"database has several alembic revisions: {rows}")
    return rows[0] if rows else None


def migrate(engine: Engine, path: Path, backup_dir: Path | None = None) -> bool:
    """Upgrade to head; a database that already has data is backed up first."""
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return False
    if current is not None:
        backup_database(
            path, backup_dir or path.parent / "backups", reason=f"pre-migrate-{current}"
        )
    from alembic import command

    with engine.begin() as conn:
        cfg = alembic_config(engine.url.render_as_string(hide_password=False))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True


@dataclass
class Database:
    path: Path
    engine: Engine
    Session: sessionmaker[OrmSession]

    @contextmanager
    def begin(self) -> Iterator[OrmSession]:
        """One session per user action; committed at the end, rolled back on error."""
        with self.Session.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(path: Path | str, *, migrate_now: bool = True) -> Database:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    if migrate_now:
        migrate(engine, path)
    history.install()
    factory = sessionmaker(engine, expire_on_commit=False)
    return Database(path=path, engine=engine, Session=factory)
