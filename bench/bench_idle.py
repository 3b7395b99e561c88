"""P7: the main window idle on the province database, resident memory of the process.

A fresh subprocess opens the real window (``build_window`` on the province database, shown at
1366×768, offscreen), lets it idle a few seconds (status timer ticking), then the parent reads
its VmRSS / VmHWM from /proc. Floor, same run: a bare PySide6 window idling the same way.
Target: ≤ 300 MB resident.

Run: ``python -m bench.bench_idle [--idle 5]``.
"""

from __future__ import annotations

import argparse
import sys

from bench.common import HEADER, child, province_db, ratio, row, rss_mb, wait_line

APP = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from bid_desktop.ui.app import build_window, ensure_app
app = ensure_app()
w = build_window(Path(sys.argv[1])); w.resize(1366, 768); w.show()
QTimer.singleShot(int(float(sys.argv[2]) * 1000), lambda: print("idle", flush=True))
app.exec()
"""
BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1366, 768); w.show()
QTimer.singleShot(int(float(sys.argv[2]) * 1000), lambda: print("idle", flush=True))
app.exec()
"""


def idle_rss(code: str, db: str, seconds: float) -> tuple[float, float]:
    proc = child(code, db, str(seconds))
    try:
        wait_line(proc, "idle")
        return rss_mb(proc.pid)
    finally:
        proc.kill()
        proc.wait()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--idle", type=float, default=5.0)
    args = parser.parse_args()
    db = str(province_db())
    app_rss, app_peak = idle_rss(APP, db, args.idle)
    bare_rss, _ = idle_rss(BARE, db, args.idle)
    print(f"window idle {args.idle:.0f} s; app peak (VmHWM) {app_peak:.0f} MB\n")
    print(HEADER)
    row("P7 window idle on province DB, resident", f"{app_rss:.0f} MB",
        f"{bare_rss:.0f} MB bare PySide6 window", ratio(app_rss, bare_rss), "≤ 300 MB",
        app_rss <= 300)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
