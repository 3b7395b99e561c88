"""Decrypted package contents are staged in the app's own data folder, never the system temp
folder, and what a killed merge left there is removed at the next start (issue 17 item 7)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

from bid_desktop.cli import run
from bid_desktop.services import sync as sync_service
from bid_desktop.storage.models import Participant
from bid_desktop.sync.staging import FOLDER, clean_leftovers
from tests.conftest import make_event_db

EVENT = "0190f000-0000-7000-8000-00000000d022"

KILL_DURING_MERGE = """
import os, signal, sys
from pathlib import Path
from bid_desktop.services import sync
from bid_desktop.storage.db import open_database

def progress(done, total, message):
    if done >= 1:  # the package is open, decrypted, in its staging folder
        os.kill(os.getpid(), signal.SIGKILL)

db = open_database(sys.argv[1])
sync.import_packages(db, [Path(sys.argv[2])], backup_dir=Path(sys.argv[3]), progress=progress)
"""


def test_a_killed_merge_stages_beside_the_database_and_start_cleans_it(tmp_path: Path):
    """Before: the decrypted staging copy stayed in the system temp folder for ever."""
    laptop = tmp_path / "laptop"
    a = make_event_db(tmp_path / "a" / "a.sqlite", "REG1", EVENT)
    b = make_event_db(laptop / "b.sqlite", "REG2", EVENT)
    with a.begin() as s:
        s.add(Participant(id=str(uuid.uuid4()), event_id=EVENT, number="REG1-0001", name="Siti"))
    package = sync_service.export_package(a, tmp_path / "usb").path
    a.dispose()
    b.dispose()
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    env = {**os.environ, "TMPDIR": str(system_temp), "TEMP": str(system_temp)}
    args = [str(laptop / "b.sqlite"), str(package), str(tmp_path / "bk")]
    killed = subprocess.run(
        [sys.executable, "-c", KILL_DURING_MERGE, *args], env=env, timeout=300, check=False
    )
    assert killed.returncode == -signal.SIGKILL
    assert list(system_temp.iterdir()) == []
    [leftover] = (laptop / FOLDER).iterdir()
    assert any(f.suffix == ".sqlite" for f in leftover.iterdir())  # names and phones
    assert run(["check", "--db", str(laptop / "b.sqlite")]) == 0
    assert list((laptop / FOLDER).iterdir()) == []


HOLD_STAGING = """
import sys, time
from bid_desktop.sync.staging import StagingDir
folder = StagingDir(sys.argv[1], "bid-live-")
print(folder.path, flush=True)
time.sleep(120)
"""


def test_a_start_never_removes_the_staging_of_a_running_process(tmp_path: Path):
    """A CLI command started while the window syncs live (or merges) leaves that window's
    staging alone; once the process is gone (killed), its folder is a leftover and goes."""
    db_path = tmp_path / "acara.sqlite"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_STAGING, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        held = Path(holder.stdout.readline().strip())
        assert held.parent == tmp_path / FOLDER and held.is_dir()
        assert clean_leftovers(db_path) == 0 and held.is_dir()  # in use: kept
    finally:
        holder.kill()
        holder.wait()
    assert clean_leftovers(db_path) == 1 and not held.exists()  # the OS released its lock
