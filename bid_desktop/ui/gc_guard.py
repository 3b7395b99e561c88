"""Python's cyclic garbage collection, on the GUI thread only.

The collector runs on whichever thread happens to allocate when a threshold is crossed. When
that is the database worker (ui/tasks.py) and the garbage holds a widget that sat in a
reference cycle (a dialog whose lambda captured it, a closed tab), the widget is destroyed off
the GUI thread. We caught exactly that as a deadlock: the worker, inside ``~QObject``, held
Qt's connection mutex and waited for the GIL; the GUI thread held the GIL inside
``QObject::connect`` and waited for the mutex. So automatic collection is switched off and
the GUI thread collects on a timer, generation by generation with the interpreter's own
thresholds (the approach calibre takes for the same reason).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self.threshold = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        gen0, gen1, gen2 = gc.get_count()
        if gen0 > self.threshold[0]:
            gc.collect(0)
            if gen1 > self.threshold[1]:
                gc.collect(1)
                if gen2 > self.threshold[2]:
                    gc.collect(2)


def install(app: QObject) -> GuiThreadCollector:
    """Once per application; later calls return the collector already installed."""
    existing = getattr(app, "_bid_gc", None)
    if isinstance(existing, GuiThreadCollector):
        return existing
    collector = GuiThreadCollector(app)
    app._bid_gc = collector  # type: ignore[attr-defined]
    return collector
