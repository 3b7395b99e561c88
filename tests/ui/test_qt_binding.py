"""The Qt binding must not leak or drop references on the calls a station makes all day.

PySide6 6.12.0 on Python 3.11 takes one reference off ``None`` on every Qt call that returns
nothing; after some tens of thousands of calls (a few hundred stamps) the process aborts with
``none_dealloc``. pyproject.toml excludes that release; this test catches any binding with it.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton


def test_void_qt_calls_keep_the_reference_count_of_none(qtbot) -> None:
    app = QApplication.instance()
    assert app is not None
    button, edit = QPushButton(), QLineEdit()
    qtbot.addWidget(button)
    qtbot.addWidget(edit)
    # garbage left by earlier tests (collected by ui/gc_guard's timer during processEvents)
    # would otherwise release thousands of references to None inside the loop
    for _ in range(3):
        gc.collect()
        app.processEvents()
    before = sys.getrefcount(None)
    for i in range(2000):
        button.setEnabled(i % 2 == 0)
        edit.setText("U0151623")
        edit.clear()
        app.processEvents()
    gc.collect()
    after = sys.getrefcount(None)
    # Unrelated objects may come and go; a leak of one per call would be thousands.
    assert after > before - 200, f"None lost {before - after} references over 8000 Qt calls"
