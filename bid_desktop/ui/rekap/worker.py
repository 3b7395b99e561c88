"""Database work of the Rekap pages on the task worker; results dropped once a page is gone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtWidgets import QWidget

from bid_desktop.ui.context import AppContext


def run_for(
    widget: QWidget,
    ctx: AppContext,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    def alive(fn: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
        if fn is None:
            return None
        return lambda value: fn(value) if shiboken6.isValid(widget) else None

    ctx.tasks.run(work, alive(on_done), alive(on_error))
