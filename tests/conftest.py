"""Shared fixtures: a real SQLite file per test, an event on it, offscreen Qt, artifacts."""

from __future__ import annotations

import atexit
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# package keys go to this user's data folder: a throw-away one for the test run (inherited by
# the CLI subprocesses the tests start); new events at the old scrypt cost, so hundreds of
# events stay fast (tests/unit/test_secrets.py checks the new cost on its own)
os.environ["BID_DATA_DIR"] = tempfile.mkdtemp(prefix="bid-test-data-")
# key files of test events: gone with the run (the subprocesses have ended by then)
atexit.register(shutil.rmtree, os.environ["BID_DATA_DIR"], ignore_errors=True)
os.environ.setdefault("BID_KDF_COST", "14")
os.environ.setdefault("BID_LIVE", "0")  # no live sync in windows under test unless asked

from bid_desktop.services.events import EventSetup, create_event  # noqa: E402
from bid_desktop.storage.db import Database, open_database  # noqa: E402

ARTIFACTS = Path(__file__).parent / "artifacts"
GISTING = "18.06.20"  # Kecamatan Gisting, Kabupaten Tanggamus, Lampung (9 desa)
PASSPHRASE = "rahasia-gisting-2026"


def make_event_db(path: Path, station: str = "REG1", event_id: str | None = None) -> Database:
    db = open_database(path)
    with db.begin() as session:
        create_event(
            session,
            EventSetup(
                name="Bursa Inovasi Desa Kecamatan Gisting",
                date=dt.date(2026, 11, 25),
                kecamatan_codes=[GISTING],
                station=station,
                passphrase=PASSPHRASE,
                venue="Aula Kantor Camat Gisting",
                event_id=event_id,
            ),
        )
    return db


@pytest.fixture(scope="session", autouse=True)
def _collect_garbage_on_the_gui_thread(request: pytest.FixtureRequest) -> None:
    """As the app does (ui/gc_guard.py): widgets left in reference cycles by one test must not
    be collected, and destroyed, on a later test's database worker thread."""
    from bid_desktop.ui import gc_guard

    gc_guard.install(request.getfixturevalue("qapp"))


@pytest.fixture(autouse=True)
def _fresh_pin_attempts() -> None:
    """Wrong PINs wait longer and longer (services/pin_guard.py, kept per event in the data
    folder): one test's wrong PINs must not lock the next test's event of the same id."""
    (Path(os.environ["BID_DATA_DIR"]) / "pin-attempts.json").unlink(missing_ok=True)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = make_event_db(tmp_path / "event.sqlite")
    yield database
    database.dispose()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def save_screenshot(widget: object, name: str) -> Path:
    """Render a widget at 1366×768 to tests/artifacts/NAME.png for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    widget.resize(1366, 768)  # type: ignore[attr-defined]
    widget.show()  # type: ignore[attr-defined]
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    path = ARTIFACTS / f"{name}.png"
    assert widget.grab().save(str(path))  # type: ignore[attr-defined]
    return path
