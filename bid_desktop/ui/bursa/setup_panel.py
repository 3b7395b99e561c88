"""Rooms, sessions (times, facilitators, innovations shown) and consultation tables of one
bursa. Choosing a row fills its form; Enter in a form saves it; "baru" clears the form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.services import bursa_rooms as service
from bid_desktop.services.errors import UserError
from bid_desktop.ui.common.feedback import Feedback, Tone
from bid_desktop.ui.common.runner import run_db
from bid_desktop.ui.common.table_model import Column, RowsModel
from bid_desktop.ui.context import AppContext


def _table(model: RowsModel, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def _buttons(*items: tuple[str, Callable[[], Any]]) -> QHBoxLayout:
    row = QHBoxLayout()
    for text, slot in items:
        button = QPushButton(text)
        button.clicked.connect(lambda _c=False, s=slot: s())
        row.addWidget(button)
    row.addStretch(1)
    return row


class SetupPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bursa = "A"
        self.room_id: str | None = None
        self.session_id: str | None = None
        self.feedback = Feedback()
        grid = QGridLayout()
        grid.addWidget(self._rooms(), 0, 0)
        grid.addWidget(self._tables(), 1, 0)
        grid.addWidget(self._sessions(), 0, 1, 2, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        self.feedback.show_message(
            self.tr("Pilih baris untuk mengubahnya; Enter di formulir menyimpan."), Tone.INFO
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.feedback)
        layout.addLayout(grid, 1)

    # --- rooms -----------------------------------------------------------------------------

    def _rooms(self) -> QGroupBox:
        self.rooms = RowsModel([Column("name", self.tr("Ruang"))])
        self.room_view = _table(self.rooms, 0)
        self.room_view.selectionModel().currentRowChanged.connect(lambda *_a: self._room_picked())
        self.room_name = QLineEdit()
        self.room_name.setPlaceholderText(self.tr("Nama ruang, lalu Enter"))
        self.room_name.returnPressed.connect(self.save_room)
        box = QGroupBox(self.tr("Ruang"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.room_view, 1)
        layout.addWidget(self.room_name)
        layout.addLayout(_buttons((self.tr("Simpan ruang"), self.save_room),
                                  (self.tr("Ruang baru"), self.new_room)))  # fmt: skip
        return box

    def _room_picked(self) -> None:
        row = self.rooms.row_at(self.room_view.currentIndex())
        if row:
            self.room_id = row["id"]
            self.room_name.setText(row["name"])

    def new_room(self) -> None:
        self.room_id = None
        self.room_view.clearSelection()
        self.room_name.clear()
        self.room_name.setFocus()

    def save_room(self) -> None:
        bursa, name, rid = self.bursa, self.room_name.text(), self.room_id
        self._save(lambda s: service.save_room(s, bursa, name, rid),
                   self.tr("Ruang tersimpan: %s"), "name")  # fmt: skip

    # --- tables ----------------------------------------------------------------------------

    def _tables(self) -> QGroupBox:
        self.tables = RowsModel(
            [Column("code", self.tr("Meja")), Column("consultants", self.tr("Konsultan")),
             Column("station_code", self.tr("Laptop"))]
        )  # fmt: skip
        self.table_view = _table(self.tables, 1)
        self.table_view.selectionModel().currentRowChanged.connect(lambda *_a: self._table_picked())
        self.table_number = QSpinBox()
        self.table_number.setRange(1, 20)
        self.consultants = QLineEdit()
        self.consultants.setPlaceholderText(self.tr("Nama konsultan TIK, dipisah koma"))
        self.consultants.returnPressed.connect(self.save_table)
        self.table_station = QLineEdit()
        self.table_station.setPlaceholderText(self.tr("kode stasiun, mis. MKA1 (boleh kosong)"))
        self.table_station.returnPressed.connect(self.save_table)
        form = QFormLayout()
        form.addRow(self.tr("Nomor meja"), self.table_number)
        form.addRow(self.tr("Konsultan"), self.consultants)
        form.addRow(self.tr("Laptop"), self.table_station)
        box = QGroupBox(self.tr("Meja konsultasi"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.table_view, 1)
        layout.addLayout(form)
        layout.addLayout(_buttons((self.tr("Simpan meja"), self.save_table)))
        return box

    def _table_picked(self) -> None:
        row = self.tables.row_at(self.table_view.currentIndex())
        if row:
            self.table_number.setValue(row["number"])
            self.consultants.setText(row["consultants"])
            self.table_station.setText(row["station_code"])

    def save_table(self) -> None:
        bursa, number = self.bursa, self.table_number.value()
        people, station = self.consultants.text(), self.table_station.text()
        self._save(lambda s: service.save_table(s, bursa, number, people, station),
                   self.tr("Meja tersimpan: %s"), "code")  # fmt: skip

    # --- sessions --------------------------------------------------------------------------

    def _sessions(self) -> QGroupBox:
        self.sessions = RowsModel(
            [Column("name", self.tr("Sesi")), Column("room_name", self.tr("Ruang")),
             Column("times", self.tr("Jam")), Column("facilitators", self.tr("Fasilitator")),
             Column("innovation_codes", self.tr("Inovasi"))]
        )  # fmt: skip
        self.session_view = _table(self.sessions, 3)
        self.session_view.selectionModel().currentRowChanged.connect(
            lambda *_a: self._session_picked()
        )
        self.session_room = QComboBox()
        self.session_name = QLineEdit()
        self.starts, self.ends = QLineEdit(), QLineEdit()
        self.starts.setPlaceholderText("09.00")
        self.ends.setPlaceholderText("10.30")
        self.facilitators = QLineEdit()
        self.facilitators.setPlaceholderText(self.tr("Nama fasilitator, dipisah koma"))
        self.codes = QLineEdit()
        self.codes.setPlaceholderText(self.tr("Kode inovasi yang dipamerkan, mis. A01, A02"))
        times = QHBoxLayout()
        times.addWidget(self.starts)
        times.addWidget(self.ends)
        form = QFormLayout()
        rows: list[tuple[str, QWidget | QLayout]] = [(self.tr("Ruang"), self.session_room),
                              (self.tr("Nama sesi"), self.session_name),
                              (self.tr("Mulai – selesai"), times),
                              (self.tr("Fasilitator"), self.facilitators),
                              (self.tr("Inovasi"), self.codes)]  # fmt: skip
        for label, widget in rows:
            form.addRow(label, widget)
        for edit in (self.session_name, self.starts, self.ends, self.facilitators, self.codes):
            edit.returnPressed.connect(self.save_session)
        box = QGroupBox(self.tr("Sesi dan jadwal"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.session_view, 1)
        layout.addLayout(form)
        layout.addLayout(_buttons((self.tr("Simpan sesi"), self.save_session),
                                  (self.tr("Sesi baru"), self.new_session)))  # fmt: skip
        return box

    def _session_picked(self) -> None:
        row = self.sessions.row_at(self.session_view.currentIndex())
        if row is None:
            return
        self.session_id = row["id"]
        self.session_room.setCurrentIndex(max(0, self.session_room.findData(row["room_id"])))
        self.session_name.setText(row["name"])
        self.starts.setText(f"{row['starts_at']:%H.%M}" if row["starts_at"] else "")
        self.ends.setText(f"{row['ends_at']:%H.%M}" if row["ends_at"] else "")
        self.facilitators.setText(row["facilitators"])
        self.codes.setText(row["innovation_codes"].replace(",", ", "))

    def new_session(self) -> None:
        self.session_id = None
        self.session_view.clearSelection()
        for edit in (self.session_name, self.starts, self.ends, self.facilitators, self.codes):
            edit.clear()
        self.session_name.setFocus()

    def save_session(self) -> None:
        sid, room = self.session_id, self.session_room.currentData()
        texts = (self.starts.text(), self.ends.text())
        name, people, codes = self.session_name.text(), self.facilitators.text(), self.codes.text()

        def save(session: Any) -> dict[str, Any]:
            starts, ends = (service.parse_time(t) for t in texts)
            form = service.SessionForm(room or "", name, starts, ends, people, codes)
            return service.save_session(session, form, sid)

        self._save(save, self.tr("Sesi tersimpan: %s"), "label")

    # --- loading and saving ----------------------------------------------------------------

    def load(self, bursa: str) -> None:
        self.bursa = bursa
        event_id = self.ctx.event_id

        def work() -> tuple[str, list[Any], list[Any], list[Any]]:
            with self.ctx.db.begin() as s:
                return (bursa, service.room_rows(s, event_id, bursa),
                        service.session_rows(s, event_id, bursa),
                        service.table_rows(s, event_id, bursa))  # fmt: skip

        run_db(self, self.ctx, work, self._show)

    def _show(self, data: tuple[str, list[Any], list[Any], list[Any]]) -> None:
        bursa, rooms, sessions, tables = data
        if bursa != self.bursa:
            return  # another bursa was chosen meanwhile; its rows are on the way
        self.rooms.set_rows(rooms)
        self.sessions.set_rows(sessions)
        self.tables.set_rows(tables)
        if self.room_id not in {r["id"] for r in rooms}:
            self.room_id = None
            self.room_name.clear()
        if self.session_id not in {r["id"] for r in sessions}:
            self.session_id = None
            for edit in (self.session_name, self.starts, self.ends, self.facilitators, self.codes):
                edit.clear()
        current = self.session_room.currentData()
        self.session_room.clear()
        for room in rooms:
            self.session_room.addItem(room["name"], room["id"])
        self.session_room.setCurrentIndex(max(0, self.session_room.findData(current)))
        self.table_number.setValue(max((t["number"] for t in tables), default=0) + 1)
        self.consultants.clear()
        self.table_station.clear()

    def _save(self, fn: Callable[[Any], dict[str, Any]], message: str, key: str) -> None:
        def work() -> dict[str, Any]:
            with self.ctx.db.begin() as session:
                return fn(session)

        def done(row: dict[str, Any]) -> None:
            self.feedback.show_message(message % row[key], Tone.OK)
            self.ctx.bus.data_changed.emit("bursa_setup")
            self.load(self.bursa)

        def failed(exc: BaseException) -> None:
            self.feedback.show_message(str(exc), Tone.ERROR)
            if not isinstance(exc, UserError):
                self.ctx.tasks.show_error(exc)

        run_db(self, self.ctx, work, done, failed)
