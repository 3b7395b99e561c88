"""Garbage with widgets in it is collected on the GUI thread, never on the database worker."""

from __future__ import annotations

import gc
import threading

from PySide6.QtWidgets import QApplication, QWidget

from bid_desktop.ui import gc_guard
from bid_desktop.ui.tasks import TaskManager


class _Cycle(QWidget):
    """A widget in a reference cycle, as a dialog whose lambda captures it would be."""

    destroyed_on: list[str] = []

    def __init__(self) -> None:
        super().__init__()
        self.me = self
        self.destroyed.connect(lambda: None)

    def __del__(self) -> None:
        _Cycle.destroyed_on.append(threading.current_thread().name)


def test_automatic_collection_is_off_and_the_gui_thread_collects(qtbot, qapp) -> None:
    collector = gc_guard.install(qapp)
    assert gc_guard.install(qapp) is collector  # once per application
    assert not gc.isenabled()
    _Cycle.destroyed_on.clear()
    for _ in range(50):
        _Cycle()  # unreachable at once, freed only by a cyclic collection
    tasks = TaskManager()
    done: list[list[list[int]]] = []
    # The worker allocates far past the generation-0 threshold: with automatic collection on,
    # the cycles above would be freed (and their widgets destroyed) on that thread.
    # (Kept alive: the generation-0 count stays past the threshold.)
    tasks.run(lambda: [[i] for i in range(20_000)], done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert _Cycle.destroyed_on == []
    qtbot.waitUntil(lambda: len(_Cycle.destroyed_on) == 50, timeout=5000)
    assert set(_Cycle.destroyed_on) == {threading.main_thread().name}
    assert isinstance(QApplication.instance(), QApplication)
    tasks.shutdown()
