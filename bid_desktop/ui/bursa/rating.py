"""Rating desk: scan a badge → type an innovation code (or pick with ↑/↓) + Enter → a digit
1–5 → saved. The code box also takes the next badge, so a queue of raters needs no mouse."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.services import bursa_floor as floor
from bid_desktop.services import meja
from bid_desktop.services.errors import UserError
from bid_desktop.ui.common.feedback import Feedback, Tone
from bid_desktop.ui.common.runner import run_db
from bid_desktop.ui.common.scan import ScanBox
from bid_desktop.ui.common.scan_queue import ScanJob, ScanQueue
from bid_desktop.ui.common.table_model import Column, RowsModel
from bid_desktop.ui.context import AppContext

DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in floor.SCORES}
OTHER_DIGITS = {getattr(Qt.Key, f"Key_{n}") for n in range(10)} - set(DIGITS)
NAV = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}


class ScorePad(QWidget):
    """Takes one digit 1–5 from the keyboard (or a click); Esc goes back to the code."""

    chosen = Signal(int)
    cancelled = Signal()
    refused = Signal(str)  # a digit that is no score (0, 6–9)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        font = QFont(self.font())
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        self.buttons: list[QPushButton] = []
        for n in floor.SCORES:
            button = QPushButton(str(n))
            button.setFont(font)
            button.setMinimumSize(64, 52)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, n=n: self.chosen.emit(n))
            layout.addWidget(button)
            self.buttons.append(button)
        self.setEnabled(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        score = DIGITS.get(Qt.Key(event.key()))
        if score is not None:
            self.chosen.emit(score)
        elif event.key() in OTHER_DIGITS:
            self.refused.emit(event.text())
        elif event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().focusInEvent(event)
        self.setStyleSheet("ScorePad { border: 3px solid #0d47a1; border-radius: 6px; }")

    def focusOutEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        self.setStyleSheet("")


class RatingPanel(QWidget):
    rated = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bursa = "A"
        self.menu: list[dict[str, Any]] = []  # every innovation of the event
        self.person: dict[str, Any] | None = None
        self.scores: dict[str, int] = {}
        self.choice: dict[str, Any] | None = None
        self.model = RowsModel(
            [Column("code", self.tr("Kode")), Column("title", self.tr("Inovasi")),
             Column("score", self.tr("Nilainya"), align_right=True)],
            id_key="code",
        )  # fmt: skip
        self._build()
        self.scans = ScanQueue(self, ctx, self._start_scan)

    def _build(self) -> None:
        self.box = ScanBox(self.tr("1. Pindai badge peserta (atau ketik nomor) lalu Enter"))
        self.box.submitted.connect(self.scan)
        self.lbl_person = QLabel(self.tr("Belum ada peserta."))
        self.lbl_person.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("2. Ketik kode inovasi (↑/↓ memilih) lalu Enter"))
        self.code.setMinimumHeight(36)
        self.code.textEdited.connect(self._filter)
        self.code.returnPressed.connect(self._code_entered)
        self.code.installEventFilter(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda i: self.choose(self.model.rows[i.row()]))
        self.lbl_prompt = QLabel(self.tr("3. Nilai 1–5"))
        self.pad = ScorePad()
        self.pad.chosen.connect(self.save)
        self.pad.cancelled.connect(self.back_to_code)
        self.pad.refused.connect(self._not_a_score)
        self.feedback = Feedback()
        self.lbl_prompt.setWordWrap(True)
        score_row = QHBoxLayout()
        score_row.addWidget(self.lbl_prompt, 1)
        score_row.addWidget(self.pad)
        group = QGroupBox(self.tr("Penilaian inovasi (1–5)"))
        inner = QVBoxLayout(group)
        for widget in (self.box, self.lbl_person, self.code):
            inner.addWidget(widget)
        inner.addLayout(score_row)
        inner.addWidget(self.feedback)
        inner.addWidget(self.view, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(group)
        self.setFocusProxy(self.box)

    # --- menu of the bursa -----------------------------------------------------------------

    def load(self, bursa: str) -> None:
        self.bursa = bursa
        event_id = self.ctx.event_id

        def work() -> list[dict[str, Any]]:
            with self.ctx.db.begin() as session:
                return meja.innovation_choices(session, event_id, bursa)

        run_db(self, self.ctx, work, self._loaded)

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        self.menu = rows
        self._filter(self.code.text())

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        rows = [
            {**r, "score": self.scores.get(r["code"], "")}
            for r in self.menu
            if (r["bursa"] == self.bursa or (words and r["code"].lower() == text.lower().strip()))
            and all(w in f"{r['code']} {r['title']}".lower() for w in words)
        ]
        self.model.set_rows(rows)
        if rows:
            self.view.selectRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.code and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = NAV.get(Qt.Key(event.key()))
            if step is not None and self.model.rowCount():
                row = self.view.currentIndex().row() + step
                self.view.selectRow(max(0, min(self.model.rowCount() - 1, row)))
                return True
        return super().eventFilter(watched, event)

    # --- 1. the participant ----------------------------------------------------------------

    def scan(self, text: str) -> None:
        """A badge: queued behind the scans still being looked up."""
        self.scans.push(text)

    def _start_scan(self, text: str) -> ScanJob:
        event_id = self.ctx.event_id

        def work() -> tuple[dict[str, Any], dict[str, int]]:
            with self.ctx.db.begin() as session:
                person = floor.find_participant(session, event_id, text)
                return person, floor.ratings_of(session, event_id, person["id"])

        return ScanJob(work, self._found, self._scan_failed)

    def _found(self, result: tuple[dict[str, Any], dict[str, int]]) -> None:
        self.person, self.scores = result
        person = self.person
        self._show_person()
        if person.get("checked_in_at") is None:
            self.feedback.show_message(
                self.tr("%s belum tercatat hadir di Registrasi — penilaian tetap bisa; "
                        "minta ia check-in di meja registrasi.") % person["name"],
                Tone.WARN,
            )  # fmt: skip
        else:
            self.feedback.show_message(
                self.tr("%s — ketik kode inovasi lalu Enter.") % person["name"], Tone.INFO
            )
        self.choice = None
        self.pad.setEnabled(False)
        self.code.clear()
        self._filter("")
        if not self.box.text():  # else the next badge is being typed there: leave it be
            self.code.setFocus()

    def _show_person(self) -> None:
        person = self.person
        if person is None:
            return
        desa = f" — Desa {person['desa_name']}" if person.get("desa_name") else ""
        self.lbl_person.setText(
            self.tr("<b>Penilai: %s</b> (%s)%s · sudah menilai %d inovasi")
            % (person["name"], person["number"], desa, len(self.scores))
        )

    def _scan_failed(self, exc: BaseException) -> None:
        """Not found, or voided: nobody rates until the next good scan."""
        self.person, self.scores, self.choice = None, {}, None
        self.lbl_person.setText(self.tr("Belum ada peserta."))
        self.pad.setEnabled(False)
        self.lbl_prompt.setText(self.tr("3. Nilai 1–5"))
        self.code.clear()
        self._filter("")
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.feedback.show_message(str(exc), Tone.ERROR)
        if not isinstance(exc, UserError):
            self.ctx.tasks.show_error(exc)
        if self.person is None:
            self.box.ready_for_next()
        else:
            self.back_to_code()

    # --- 2. the innovation -----------------------------------------------------------------

    def _code_entered(self) -> None:
        text = self.code.text().strip()
        exact = next((r for r in self.menu if r["code"].lower() == text.lower()), None)
        if exact is not None:
            self.choose(exact)
        elif text and self.model.rowCount() == 0:
            self.scan(text)  # not a code: the next badge
        elif self.model.rowCount():
            row = max(0, self.view.currentIndex().row())
            self.choose(self.model.rows[row])

    def choose(self, row: dict[str, Any]) -> None:
        if self.person is None:
            self.feedback.show_message(self.tr("Pindai badge peserta dulu."), Tone.WARN)
            self.box.ready_for_next()
            return
        self.choice = row
        before = self.scores.get(row["code"])
        again = self.tr(" (sebelumnya %d)") % before if before else ""
        self.lbl_prompt.setText(
            self.tr("<b>%s — %s</b>: tekan 1–5%s · Esc kembali")
            % (row["code"], row["title"], again)
        )
        self.pad.setEnabled(True)
        self.pad.setFocus()

    def back_to_code(self) -> None:
        self.pad.setEnabled(False)
        self.lbl_prompt.setText(self.tr("3. Nilai 1–5"))
        self.code.setFocus()
        self.code.selectAll()

    def _not_a_score(self, digit: str) -> None:
        text = self.tr("Nilai %s tidak ada: tekan 1–5 (Esc kembali ke kode).")
        self.feedback.show_message(text % digit, Tone.WARN)

    # --- 3. the score ----------------------------------------------------------------------

    def save(self, score: int) -> None:
        if self.person is None or self.choice is None:
            return
        event_id, pid, code = self.ctx.event_id, self.person["id"], self.choice["code"]
        self.pad.setEnabled(False)

        def work() -> floor.RatingResult:
            with self.ctx.db.begin() as session:
                return floor.rate(session, event_id, pid, code, score)

        run_db(self, self.ctx, work, self._saved, self._failed)

    def _saved(self, result: floor.RatingResult) -> None:
        self.scores[result.code] = result.score
        self._show_person()
        who = result.person["name"]
        if result.status == floor.NEW:
            text, tone = self.tr("Tersimpan: %s memberi %s nilai %d."), Tone.OK
            self.feedback.show_message(text % (who, result.code, result.score), tone)
        elif result.status == floor.UPDATED:
            text = self.tr("Diperbarui: %s memberi %s nilai %d (sebelumnya %d).")
            self.feedback.show_message(
                text % (who, result.code, result.score, result.previous or 0), Tone.OK
            )
        else:
            text = self.tr("Sama: %s sudah memberi %s nilai %d.")
            self.feedback.show_message(text % (who, result.code, result.score), Tone.WARN)
        self.rated.emit()
        self.ctx.bus.data_changed.emit("rating")
        self.code.clear()
        self._filter("")
        self.back_to_code()
