"""P1: launch to a painted main window on the province database, vs a bare PySide6 window.

Both are fresh subprocesses under QT_QPA_PLATFORM=offscreen, timed from ``Popen`` to the line
the child prints once its window has painted (``grab()`` forces the paint of the shown window
on the first turn of the event loop). The app runs ``python -m bid_desktop --db PROVINCE
--smoke`` (the real start-up: open + migrate check, station, tabs, status bar). Runs alternate
so noise hits both alike; medians compared. Target: app ≤ 1.5 × bare.

Run: ``python -m bench.bench_launch [--runs 7]``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

from bench.common import HEADER, ROOT, median, province_db, qt_env, ratio, row

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setWindowTitle("bare"); w.resize(1366, 768); w.show()
def painted():
    w.grab(); print("painted bare", flush=True); app.quit()
QTimer.singleShot(0, painted)
app.exec()
"""


# The same bare window after importing the ORM the app is built on: what any SQLAlchemy
# window pays before its own code runs (reference only; the target is against BARE).
BARE_ORM = "import sqlalchemy.orm\n" + BARE


def launch_ms(cmd: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=qt_env(), cwd=ROOT)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("painted"):
            elapsed = (time.perf_counter() - start) * 1000
            proc.wait(timeout=60)
            return elapsed
    raise RuntimeError(f"{cmd[:3]} never painted (exit {proc.wait()})")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    db = province_db()
    app_cmd = [sys.executable, "-m", "bid_desktop", "--db", str(db), "--smoke"]
    bare_cmd = [sys.executable, "-c", BARE]
    orm_cmd = [sys.executable, "-c", BARE_ORM]
    for cmd in (app_cmd, bare_cmd, orm_cmd):
        launch_ms(cmd)  # warm the OS file cache for all three
    app, bare, orm = [], [], []
    for _ in range(args.runs):
        bare.append(launch_ms(bare_cmd))
        app.append(launch_ms(app_cmd))
        orm.append(launch_ms(orm_cmd))
    a, b, o = median(app), median(bare), median(orm)
    print(
        f"runs: {args.runs}; app ms {sorted(round(x) for x in app)}; bare ms "
        f"{sorted(round(x) for x in bare)}\n"
    )
    print(HEADER)
    row(
        "P1 launch to painted window, province DB (median)",
        f"{a:.0f} ms",
        f"{b:.0f} ms bare PySide6 window",
        ratio(a, b),
        "≤ 1.5× floor",
        a <= 1.5 * b,
    )
    print(
        f"\nreference, same run: bare window + `import sqlalchemy.orm` {o:.0f} ms "
        f"({ratio(o, b)} bare); the app spends {a - o:.0f} ms beyond it"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
