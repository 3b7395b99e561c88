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


@dataclass
class AppContext:
    db: Database
    tasks: TaskManager
    bus: Bus = field(default_factory=Bus)
    _station: StationInfo | None = None

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
