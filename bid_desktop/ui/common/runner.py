"""Run database work on the task worker and deliver the result to a widget that may be gone.

One helper so every panel does it the same way: ``run_db(widget, ctx, work, done, failed)``
submits ``work`` (a plain function opening its own session) to ``ctx.tasks``; the callbacks
run on the GUI thread only while ``widget`` still exists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtWidgets import QWidget

from bid_desktop.ui.context import AppContext


def run_db(
    widget: QWidget,
    ctx: AppContext,
    work: Callable[[], Any],
    done: Callable[[Any], None] | None = None,
    failed: Callable[[BaseException], None] | None = None,
) -> None:
    def alive(fn: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
        if fn is None:
            return None
        return lambda value: fn(value) if shiboken6.isValid(widget) else None

    ctx.tasks.run(work, alive(done), alive(failed))


def run_session(
    widget: QWidget,
    ctx: AppContext,
    fn: Callable[..., Any],
    *args: Any,
    done: Callable[[Any], None] | None = None,
    failed: Callable[[BaseException], None] | None = None,
) -> None:
    """``fn(session, *args)`` in one transaction on the worker."""

    def work() -> Any:
        with ctx.db.begin() as session:
            return fn(session, *args)

    run_db(widget, ctx, work, done, failed)
