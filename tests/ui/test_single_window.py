"""Two windows on one database: the second is told and can bring the first to the front (a
real second process holds the lock); a merge or stamp committed from outside the window (as
``bid-desktop merge`` / ``import`` in a terminal would) makes the window's tabs refresh."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bid_desktop.services.commitments import StampInput, stamp_commitment
from bid_desktop.storage.db import open_database
from bid_desktop.ui.common.db_watch import ExternalChanges
from bid_desktop.ui.common.single_window import WindowLock, first_window_or_switch
from bid_desktop.ui.jendela3.tab import Jendela3Tab
from tests.exchange_data import CAMPANG, j3_db
from tests.ui.tabs import answer_dialog, open_tab, settle_tab
from tests.unit.test_exchange import number_of

ROOT = Path(__file__).resolve().parents[2]
HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from bid_desktop.ui.common.single_window import WindowLock
    app = QApplication([])
    lock = WindowLock(Path(sys.argv[1]))
    assert lock.claim()
    lock.raise_requested.connect(lambda: (print("raised", flush=True), app.quit()))
    print("ready", flush=True)
    QTimer.singleShot(20000, app.quit)
    app.exec()
    """
)


def test_second_window_is_told_and_switches_to_the_first(qtbot, tmp_path):
    path = tmp_path / "event.sqlite"
    path.write_bytes(b"")
    env = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE,
                              text=True, env=env)  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        second = WindowLock(path)
        assert not second.claim() and second.owner_pid() == holder.pid
        asked = answer_dialog("Pindah", shot="window-already-open")
        assert first_window_or_switch(path) is None
        assert asked and "sudah dibuka di jendela BID Desktop lain" in asked[0]
        assert holder.stdout.readline().strip() == "raised"
        assert holder.wait(10) == 0
    finally:
        holder.kill()
    again = WindowLock(path)  # the first window is gone: its lock is stale, not in the way
    assert again.claim()
    again.release()


def test_change_from_outside_refreshes_the_window(qtbot, tmp_path):
    db = j3_db(tmp_path / "j3a.sqlite")
    tab = open_tab(qtbot, Jendela3Tab, db, 3)
    watch = ExternalChanges(tab.ctx, tab)
    qtbot.keyClicks(tab.exchange.box, number_of(db, "Bambang Sutrisno"))  # Campang
    qtbot.keyClick(tab.exchange.box, Qt.Key.Key_Return)
    settle_tab(tab)
    watch.poll()
    settle_tab(tab)
    assert watch.seen == 0  # the window's own work is not news
    assert [r["innovation_code"] for r in tab.exchange.model.rows] == ["A03"]
    outside = open_database(db.path)  # a terminal's `bid-desktop merge` / `import`
    with outside.begin() as s:
        stamp_commitment(s, StampInput(CAMPANG, "B05", 90_000_000, 2027, table_code="B1"))
    outside.dispose()
    watch.poll()
    settle_tab(tab, 6)
    assert watch.seen == 1
    assert [r["innovation_code"] for r in tab.exchange.model.rows] == ["A03", "B05"]
    watch.stop()
    QApplication.processEvents()
    db.dispose()
