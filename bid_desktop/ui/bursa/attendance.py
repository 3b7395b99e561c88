"""Door attendance: choose the session, then scan each badge at the door (optional)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.services import bursa_floor as floor
from bid_desktop.services.errors import UserError
from bid_desktop.ui.common.feedback import Feedback, Tone
from bid_desktop.ui.common.runner import run_session
from bid_desktop.ui.common.scan import ScanBox
from bid_desktop.ui.common.scan_queue import ScanJob, ScanQueue
from bid_desktop.ui.common.table_model import Column, RowsModel
from bid_desktop.ui.context import AppContext


class AttendancePanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bursa = "A"
        self.sessions = QComboBox()
        self.sessions.setMinimumWidth(260)
        self.sessions.currentIndexChanged.connect(self._session_changed)
        self.box = ScanBox(self.tr("Pindai badge di pintu sesi lalu Enter"))
        self.box.submitted.connect(self.scan)
        self.scans = ScanQueue(self, ctx, self._start_scan)
        self.feedback = Feedback()
        self.lbl_count = QLabel()
        self.model = RowsModel(
            [
                Column("scanned_at", self.tr("Jam"), lambda t: f"{t:%H.%M}" if t else ""),
                Column("number", self.tr("Nomor")),
                Column("name", self.tr("Nama")),
                Column("desa_name", self.tr("Desa")),
                Column("station", self.tr("Laptop")),
            ]
        )
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        next_session = QShortcut(QKeySequence("F8"), self)
        next_session.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        next_session.activated.connect(self.next_session)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Sesi (F8 berikutnya):")))
        row.addWidget(self.sessions, 1)
        row.addWidget(self.lbl_count)
        group = QGroupBox(self.tr("Kehadiran sesi (pindai di pintu, opsional)"))
        inner = QVBoxLayout(group)
        inner.addLayout(row)
        inner.addWidget(self.box)
        inner.addWidget(self.feedback)
        inner.addWidget(self.view, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(group)
        self.setFocusProxy(self.box)

    def load(self, bursa: str) -> None:
        self.bursa = bursa
        run_session(self, self.ctx, floor.session_choices, self.ctx.event_id, bursa,
                    done=self._sessions)  # fmt: skip

    def _sessions(self, rows: list[dict[str, Any]]) -> None:
        current = self.sessions.currentData()
        self.sessions.blockSignals(True)
        self.sessions.clear()
        for row in rows:
            self.sessions.addItem(row["label"], row["id"])
        index = self.sessions.findData(current)
        self.sessions.setCurrentIndex(index if index >= 0 else 0)
        self.sessions.blockSignals(False)
        if not rows:
            self.lbl_count.setText(self.tr("Belum ada sesi di bursa ini (atur di Ruang & Sesi)"))
        else:
            self._session_changed()

    def next_session(self) -> None:
        if self.sessions.count():
            self.sessions.setCurrentIndex(
                (self.sessions.currentIndex() + 1) % self.sessions.count()
            )
        self.box.ready_for_next()

    def _session_changed(self) -> None:
        sid = self.sessions.currentData()
        if sid:
            run_session(self, self.ctx, floor.attendance_count, sid, done=self._count)
            run_session(self, self.ctx, floor.attendance_rows, sid, done=self.model.set_rows)

    def _count(self, count: int) -> None:
        self.lbl_count.setText(self.tr("%d hadir") % count)

    def scan(self, text: str) -> None:
        """A badge at the door: queued behind the scans still being recorded."""
        self.scans.push(text)

    def _start_scan(self, text: str) -> ScanJob | None:
        sid, event_id = self.sessions.currentData(), self.ctx.event_id
        if not sid:
            self.feedback.show_message(self.tr("Pilih sesi dulu."), Tone.WARN)
            return None

        def work() -> floor.AttendanceResult:
            with self.ctx.db.begin() as session:
                return floor.record_attendance(session, event_id, sid, text)

        return ScanJob(work, self._scanned, self._failed)

    def _scanned(self, result: floor.AttendanceResult) -> None:
        who = f"{result.person['name']} ({result.person['number']})"
        if result.status == floor.NEW:
            self.feedback.show_message(
                self.tr("Hadir: %s — %s") % (who, result.session_name), Tone.OK
            )
            self.ctx.bus.data_changed.emit("attendance")
        else:
            self.feedback.show_message(
                self.tr("Sudah tercatat: %s masuk %s pukul %s")
                % (who, result.session_name, f"{result.scanned_at:%H.%M}"),
                Tone.WARN,
            )
        self._count(result.count)
        run_session(self, self.ctx, floor.attendance_rows, self.sessions.currentData(),
                    done=self.model.set_rows)  # fmt: skip
        self.box.ready_for_next()

    def _failed(self, exc: BaseException) -> None:
        self.feedback.show_message(str(exc), Tone.ERROR)
        if not isinstance(exc, UserError):
            self.ctx.tasks.show_error(exc)
        self.box.ready_for_next()
