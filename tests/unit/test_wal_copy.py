"""Issue 12, item 4: a copy of the ``.sqlite`` alone, made while the app runs (its
connections open), holds every confirmed action: the app checkpoints its WAL after each
batch of actions."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path

from bid_desktop.services.station import require_state
from bid_desktop.storage.backup import integrity_ok
from bid_desktop.storage.db import Database
from bid_desktop.storage.models import Participant


def test_copy_of_the_main_file_while_running_has_every_record(db: Database, tmp_path: Path):
    numbers = [f"REG1-{i:04d}" for i in range(1, 41)]
    for number in numbers:  # forty confirmed registrations, one action each
        with db.begin() as s:
            event_id = require_state(s).event_id
            s.add(Participant(id=str(uuid.uuid4()), event_id=event_id, number=number, name="X"))
    with db.engine.connect() as reader:  # the window keeps connections open
        reader.exec_driver_sql("SELECT 1").all()
        assert db.checkpointer is not None and db.checkpointer.wait_idle()
        copy = tmp_path / "stick" / "copy.sqlite"
        copy.parent.mkdir()
        shutil.copyfile(db.path, copy)  # only the main file, as a person would copy it
    assert integrity_ok(copy)
    with sqlite3.connect(copy) as con:
        found = {r[0] for r in con.execute("SELECT number FROM participant")}
    con.close()
    assert set(numbers) <= found
