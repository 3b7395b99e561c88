"""Opening a database: PRAGMAs for power-loss safety, migrate to head after a backup.

Alembic is imported only when a database is not at the head revision: the head is read from
the ``revision = "..."`` lines of ``migrations/versions/*.py`` and the database's revision
from its ``alembic_version`` table, so an up-to-date database opens without loading alembic
(~140 ms of every start-up).
"""

from __future__ import annotations

import ast
import datetime as dt
import functools
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker

from bid_desktop import shipped
from bid_desktop.storage.backup import backup_database, ro_uri
from bid_desktop.storage.checkpoint import Checkpointer
from bid_desktop.storage.paths import sqlalchemy_url
from bid_desktop.sync import history

if TYPE_CHECKING:
    from alembic.config import Config


def migrations_dir() -> Path:
    """The alembic scripts, whether running from a checkout, an install or a bundle."""
    return shipped.migrations_dir()


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


def known_revisions() -> frozenset[str]:
    """Every revision this app's migrations know (a database at another one is newer)."""
    return _graph(migrations_dir() / "versions")[0]


@functools.cache
def _graph(versions: Path) -> tuple[frozenset[str], frozenset[str]]:
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in sorted(versions.glob("*.py")):
        revision, down = _revision_ids(script)
        if revision is not None:
            revisions.add(revision)
            parents |= down
    return frozenset(revisions), frozenset(parents)


@functools.cache
def _head_in(versions: Path) -> str:
    revisions, parents = _graph(versions)
    heads = set(revisions - parents)
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


class NewerDatabase(Exception):
    """The database was written by a newer version of the app: opening it would fail to
    migrate (and each failed start would take another pre-migrate copy)."""

    def __init__(self, path: Path, revision: str):
        super().__init__(
            f"{path.name}: basis data dari versi aplikasi yang lebih baru (revisi {revision}); "
            "perbarui aplikasi di laptop ini dulu"
        )
        self.path, self.revision = path, revision


def migrate(engine: Engine, path: Path, backup_dir: Path | None = None) -> bool:
    """Upgrade to head; a database that already has data is backed up first. A revision this
    app does not know is refused (``NewerDatabase``) before anything is written."""
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return False
    if current is not None and current not in known_revisions():
        raise NewerDatabase(path, current)
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


WROTE = "bid_wrote"


def _mark_written(session: OrmSession, _context: object) -> None:
    session.info[WROTE] = True


@dataclass
class Database:
    path: Path
    engine: Engine
    Session: sessionmaker[OrmSession]
    checkpointer: Checkpointer | None = None

    @contextmanager
    def begin(self) -> Iterator[OrmSession]:
        """One session per user action; committed at the end, rolled back on error.

        A session that wrote is followed by a WAL checkpoint: the main file then holds the
        action, so a copy of the ``.sqlite`` alone (a person copying it to a stick while the
        window runs) has every confirmed record."""
        with self.Session.begin() as session:
            yield session
        if session.info.pop(WROTE, False):  # set by the commit's flush too
            self.wrote()

    def wrote(self) -> None:
        """Some write was committed (also called after raw-SQL merges): checkpoint soon."""
        if self.checkpointer is not None:
            self.checkpointer.poke()

    def checkpoint(self) -> None:
        """Copy the WAL into the main file now (PASSIVE: never waits for anyone)."""
        if self.checkpointer is not None:
            self.checkpointer.run_now()

    def dispose(self) -> None:
        if self.checkpointer is not None:
            self.checkpointer.close()
        self.engine.dispose()


def file_revision(path: Path) -> str | None:
    """The alembic revision of a database file, read-only (None: none, or not readable)."""
    try:
        con = sqlite3.connect(ro_uri(path), uri=True)
    except sqlite3.Error:
        return None
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    except sqlite3.Error:
        return None
    finally:
        con.close()


SIDECARS = ("-wal", "-shm", "-journal")


def set_aside(path: Path, label: str = "rusak") -> Path:
    """Rename a damaged database (and its sidecars) out of the way, never deleting it."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.{label}-{stamp}")
    n = 2
    while aside.exists():
        aside = path.with_name(f"{path.name}.{label}-{stamp}-{n}")
        n += 1
    path.replace(aside)
    for suffix in SIDECARS:
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.replace(Path(f"{aside}{suffix}"))
    return aside


def open_database(path: Path | str, *, migrate_now: bool = True) -> Database:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    if migrate_now:
        try:
            migrate(engine, path)
        except BaseException:
            engine.dispose()
            raise
    history.install()
    factory = sessionmaker(engine, expire_on_commit=False)
    event.listen(factory, "after_flush", _mark_written)
    return Database(path=path, engine=engine, Session=factory, checkpointer=Checkpointer(engine))
