"""Opening a database: PRAGMAs for power-loss safety, migrate to head after a backup."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from bid_desktop.storage.backup import backup_database
from bid_desktop.sync import history


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
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.set_main_option("sqlalchemy.url", db_url)
    return cfg


def head_revision() -> str:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    head = script.get_current_head()
    assert head is not None
    return head


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
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


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
    with engine.begin() as conn:
        cfg = alembic_config(str(engine.url))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True


@dataclass
class Database:
    path: Path
    engine: Engine
    Session: sessionmaker[Session]

    @contextmanager
    def begin(self) -> Iterator[Session]:
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
