"""Before the day: who is coming, per desa, and the invitation letters.

Left, every desa with its invited / confirmed / declined / pending counts (red: nobody
confirmed yet); right, the invitees of the chosen desa with their status, who confirmed and
when. The committee member types their name once, picks a person and presses F5 (dikonfirmasi),
F6 (berhalangan) or F7 (belum). "Cetak surat undangan" writes the letters (one per invitee or
one per desa, the chosen desa or all) as one PDF and opens it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.services import invitations as inv
from bid_desktop.ui.common import pdf
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.rekap.worker import run_for

RED, AMBER = QColor("#ffebee"), QColor("#fff8e1")


class ConfirmationsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[inv.DesaConfirmation] = []
        self.setWindowTitle(self.tr("Konfirmasi kehadiran dan surat undangan"))
        self.resize(1180, 640)
        self.desa = self._table(
            [self.tr("Desa"), self.tr("Diundang"), self.tr("Dikonfirmasi"),
             self.tr("Berhalangan"), self.tr("Belum")]
        )  # fmt: skip
        self.people = self._table(
            [self.tr("Nomor"), self.tr("Nama"), self.tr("Jabatan"), self.tr("Status"),
             self.tr("Oleh"), self.tr("Waktu")]
        )  # fmt: skip
        self.desa.itemSelectionChanged.connect(self._show_people)
        self.ed_by = QLineEdit()
        self.ed_by.setPlaceholderText(self.tr("Nama panitia yang menghubungi"))
        self.lbl_info = QLabel()
        self.lbl_info.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Dikonfirmasi oleh:")))
        buttons.addWidget(self.ed_by, 1)
        for status, text, key in (
            (inv.CONFIRMED, self.tr("Dikonfirmasi (F5)"), "F5"),
            (inv.DECLINED, self.tr("Berhalangan (F6)"), "F6"),
            (inv.PENDING, self.tr("Belum (F7)"), "F7"),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, s=status: self.set_status(s))
            QShortcut(QKeySequence(key), self, lambda s=status: self.set_status(s))
            buttons.addWidget(button)
        self.cb_per = QComboBox()
        self.cb_per.addItem(self.tr("Satu surat per undangan"), inv.PER_INVITEE)
        self.cb_per.addItem(self.tr("Satu surat per desa (ke Kepala Desa)"), inv.PER_DESA)
        self.chk_this_desa = QCheckBox(self.tr("Hanya desa terpilih"))
        btn_letters = QPushButton(self.tr("Cetak surat undangan (PDF)…"))
        btn_letters.clicked.connect(self.ask_letters)
        letters = QHBoxLayout()
        letters.addWidget(self.cb_per)
        letters.addWidget(self.chk_this_desa)
        letters.addStretch(1)
        letters.addWidget(btn_letters)
        tables = QHBoxLayout()
        tables.addWidget(self.desa, 2)
        tables.addWidget(self.people, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(tables, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.lbl_info)
        layout.addLayout(letters)
        self.reload()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1 if len(headers) > 5 else 0,
                                                      QHeaderView.ResizeMode.Stretch)  # fmt: skip
        return table

    # --- data ----------------------------------------------------------------------------------

    def reload(self) -> None:
        event_id = self.ctx.event_id

        def work() -> list[inv.DesaConfirmation]:
            with self.ctx.db.begin() as session:
                return inv.desa_confirmations(session, event_id)

        run_for(self, self.ctx, work, self._show_desa)

    def _show_desa(self, rows: list[inv.DesaConfirmation]) -> None:
        current = self.current_desa()
        self.rows = rows
        self.desa.blockSignals(True)
        self.desa.setRowCount(len(rows))
        for r, d in enumerate(rows):
            values = [d.name, d.invited, d.confirmed, d.declined, d.pending]
            tone = RED if d.invited and not d.confirmed else AMBER if d.pending else None
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if tone is not None:
                    item.setBackground(tone)
                self.desa.setItem(r, c, item)
        codes = [d.code for d in rows]
        self.desa.selectRow(codes.index(current.code) if current and current.code in codes else 0)
        self.desa.blockSignals(False)
        self._show_people()
        total = sum(d.invited for d in rows)
        confirmed = sum(d.confirmed for d in rows)
        declined = sum(d.declined for d in rows)
        self.lbl_info.setText(
            self.tr("%d diundang: %d dikonfirmasi, %d berhalangan, %d belum dihubungi")
            % (total, confirmed, declined, total - confirmed - declined)
        )

    def current_desa(self) -> inv.DesaConfirmation | None:
        row = self.desa.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def current_person(self) -> dict[str, Any] | None:
        desa, row = self.current_desa(), self.people.currentRow()
        return desa.people[row] if desa and 0 <= row < len(desa.people) else None

    def _show_people(self) -> None:
        desa = self.current_desa()
        people = desa.people if desa else []
        keep = self.people.currentRow()
        self.people.setRowCount(len(people))
        for r, p in enumerate(people):
            when = p["confirmed_at"].strftime("%d-%m-%Y %H:%M") if p["confirmed_at"] else ""
            values = [p["number"], p["name"], p["jabatan"], p["confirmation"], p["confirmed_by"],
                      when]  # fmt: skip
            for c, value in enumerate(values):
                self.people.setItem(r, c, QTableWidgetItem(value))
        if people:
            self.people.selectRow(min(max(keep, 0), len(people) - 1))

    # --- actions -------------------------------------------------------------------------------

    def set_status(self, status: str) -> None:
        person = self.current_person()
        if person is None:
            self.lbl_info.setText(self.tr("Pilih undangan di daftar kanan dulu."))
            return
        who = self.ed_by.text()

        def work() -> dict[str, Any]:
            with self.ctx.db.begin() as session:
                return inv.set_confirmation(session, person["id"], status, who)

        def done(row: dict[str, Any]) -> None:
            self.ctx.bus.data_changed.emit("participant")
            self.reload()
            self.lbl_info.setText(self.tr("%s: %s") % (row["name"], row["confirmation"]))

        run_for(self, self.ctx, work, done, lambda exc: self.lbl_info.setText(str(exc)))

    def ask_letters(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan surat undangan"), str(Path.home() / "surat-undangan.pdf"),
            "PDF (*.pdf)",
        )  # fmt: skip
        if path:
            self.write_letters(Path(path))

    def write_letters(self, path: Path) -> None:
        per = self.cb_per.currentData()
        desa = self.current_desa()
        codes = [desa.code] if self.chk_this_desa.isChecked() and desa and desa.code else []

        def work() -> int:
            with self.ctx.db.begin() as session:
                return inv.write_letters(session, path, per=per, desa_codes=codes)

        def done(count: int) -> None:
            self.lbl_info.setText(self.tr("%d surat undangan ditulis: %s") % (count, path.name))
            pdf.open_pdf(path)

        run_for(self, self.ctx, work, done, lambda exc: self.lbl_info.setText(str(exc)))
