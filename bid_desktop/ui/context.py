"""What every tab receives: the database, this station, the task runner, and a signal bus."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from bid_desktop.services.station import StationInfo, station_info
from bid_desktop.storage.db import Database
from bid_desktop.ui.tasks import TaskManager


class Bus(QObject):
    """Tabs announce changes so counters and lists elsewhere refresh."""

    data_changed = Signal(str)  # area name, e.g. "participant", "commitment", "merge"
    status = Signal(str)  # a short message for the status bar
    scope_changed = Signal()  # the events the TA's views show (AppContext.scope)


@dataclass
class AppContext:
    db: Database
    tasks: TaskManager
    bus: Bus = field(default_factory=Bus)
    _station: StationInfo | None = None
    # The events the recap, report, dashboard, lists and reviews show; () = every event in
    # the database (a station laptop holds one, so there it is that event).
    scope: tuple[str, ...] = ()
    scope_label: str = ""

    @property
    def station(self) -> StationInfo:
        if self._station is None:
            self.reload_station()
        assert self._station is not None
        return self._station

    def reload_station(self) -> None:
        with self.db.begin() as session:
            self._station = station_info(session)

    @property
    def event_id(self) -> str:
        event_id = self.station.event_id
        assert event_id is not None
        return event_id

    def set_scope(self, scope: tuple[str, ...]) -> None:
        """Show these events everywhere (normalised: every event listed = ``()``)."""
        from bid_desktop.services.scope import normalise, scope_label

        with self.db.begin() as session:
            self.scope = normalise(session, scope)
            self.scope_label = scope_label(session, self.scope)
        self.bus.scope_changed.emit()

    def scope_name(self) -> str:
        """The scope as the status bar names it ("" on a database with one event)."""
        if not self.scope_label:
            from bid_desktop.services.scope import event_choices, scope_label

            with self.db.begin() as session:
                many = len(event_choices(session)) > 1
                self.scope_label = scope_label(session, self.scope) if many else "-"
        return "" if self.scope_label == "-" else self.scope_label
