"""The scope picker of the Rekap tab: every event, one, or several (a TA database).

A tool button naming the scope; its menu lists "Semua acara" and every event (checkable).
Ticking events narrows the scope to them; "Semua acara" widens it again. Shown only when the
database holds more than one event.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from bid_desktop.services.scope import EventChoice, event_choices
from bid_desktop.ui.context import AppContext


class ScopeButton(QToolButton):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.choices: list[EventChoice] = []
        self.menu_ = QMenu(self)
        self.setMenu(self.menu_)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMinimumHeight(34)
        self.menu_.aboutToShow.connect(self._fill)
        ctx.bus.scope_changed.connect(self._show_scope)
        ctx.bus.data_changed.connect(self._data_changed)
        self.reload()

    def _data_changed(self, area: str) -> None:
        if area == "merge":
            self.reload()

    def reload(self) -> None:
        with self.ctx.db.begin() as session:
            self.choices = event_choices(session)
        self.setVisible(len(self.choices) > 1)
        self._show_scope()

    def _show_scope(self) -> None:
        self.setText(self.tr("Cakupan: %s") % (self.ctx.scope_name() or "-"))

    def _fill(self) -> None:
        self.menu_.clear()
        every = self.menu_.addAction(self.tr("Semua acara (%d)") % len(self.choices))
        every.setCheckable(True)
        every.setChecked(not self.ctx.scope)
        every.triggered.connect(lambda: self.ctx.set_scope(()))
        self.menu_.addSeparator()
        chosen = set(self.ctx.scope)
        for choice in self.choices:
            action = QAction(f"{choice.kecamatan} — {choice.date:%d-%m-%Y}", self.menu_)
            action.setCheckable(True)
            action.setChecked(choice.event_id in chosen)
            action.setToolTip(choice.name)
            action.triggered.connect(lambda on, eid=choice.event_id: self.toggle_event(eid, on))
            self.menu_.addAction(action)

    def toggle_event(self, event_id: str, on: bool) -> None:
        """Tick: add the event to the scope (from "every event": only it); untick: drop it."""
        chosen = set(self.ctx.scope)
        if on:
            chosen.add(event_id)
        else:
            chosen.discard(event_id)
        self.ctx.set_scope(tuple(sorted(chosen)))
