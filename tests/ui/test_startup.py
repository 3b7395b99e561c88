"""Start-up stays light (quality P1): the window builds only the station's tab, and opening
an up-to-date database at the registration desk loads none of the heavy libraries that
other stations, imports and printing need."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bid_desktop.ui.app import build_window
from bid_desktop.ui.main_window import TABS, tab_available

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("alembic", "lokal", "reportlab", "openpyxl", "xlsxwriter", "pypdfium2")

PROBE = """
import sys
from bid_desktop.storage.db import open_database
from bid_desktop.ui.app import build_window, ensure_app
app = ensure_app()
window = build_window(open_database(sys.argv[1]))
window.show()
window.grab()
print(" ".join(sorted(m for m in sys.argv[2:] if m in sys.modules)) or "-")
print(" ".join(sorted(window.tab_by_role.built)))
"""


def test_only_the_station_tab_is_built_until_another_is_opened(qtbot, db):
    window = build_window(db)
    qtbot.addWidget(window)
    available = [role for role, module, _cls in TABS if tab_available(module)]
    assert list(window.tab_by_role) == available
    assert set(window.tab_by_role.built) == {"registrasi"}  # station REG1
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)  # what Ctrl+N or a click does
        role = available[index]
        assert window.tabs.currentWidget() is window.tab_by_role.built[role]
        assert window.tabs.currentIndex() == index
    assert set(window.tab_by_role.built) == set(available)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == titles


def test_registration_desk_starts_without_heavy_libraries(db):
    db.dispose()
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(db.path), *HEAVY],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.split("\n")
    assert out[0] == "-", f"loaded at start-up: {out[0]}"
    assert out[1] == "registrasi"


def test_after_start_the_backup_timer_runs_and_lokal_is_warm(qtbot, db):
    window = build_window(db)
    qtbot.addWidget(window)
    assert window._backup_timer is None  # not part of the first paint
    assert window._backup_start.isActive()
    window._backup_start.timeout.emit()  # what the single-shot does 3 s after start
    window.ctx.tasks.wait()
    assert window._backup_timer is not None and window._backup_timer.timer.isActive()
    assert "lokal" in sys.modules


def test_first_start_on_a_new_laptop_paints_the_setup_dialog(tmp_path: Path) -> None:
    """`bid-desktop --smoke` on an empty database (a fresh install): the setup dialog comes
    up and paints, nothing is created, and the process leaves on its own."""
    fresh = tmp_path / "baru.sqlite"
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "bid_desktop", "--db", str(fresh), "--smoke"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "[setup]" in done.stdout
