"""The edit panel of one commitment's follow-up (beside the list; Ctrl+S saves)."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.domain.amounts import rupiah
from bid_desktop.domain.enums import FOLLOWUP_STATUSES
from bid_desktop.services import followup as fu

CONTACT_CHOICES = ["PD (Pendamping Desa)", "PLD (Pendamping Lokal Desa)", "Telepon", "WhatsApp", "Kunjungan"]  # fmt: skip


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def text_box(height: int = 52) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # keyboard users move on with Tab
    box.setFixedHeight(height)
    return box


def combo(items: list[tuple[str, str]]) -> QComboBox:
    box = QComboBox()
    for value, label in items:
        box.addItem(label, value)
    return box


def select_data(box: QComboBox, value: str) -> None:
    index = box.findData(value)
    box.setCurrentIndex(index if index >= 0 else 0)


class FollowUpForm(QGroupBox):
    save_requested = Signal(str, object)  # commitment id, fu.FollowUpForm

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Tindak lanjut"))
        self.commitment_id: str | None = None
        self.lbl_head = QLabel(self.tr("Pilih komitmen di daftar."))
        self.lbl_head.setWordWrap(True)
        self.cb_via = QComboBox()
        self.cb_via.setEditable(True)
        self.cb_via.addItems(["", *CONTACT_CHOICES])
        self.chk_contacted = QCheckBox(self.tr("Sudah dihubungi pada"))
        self.ed_contacted = QDateEdit()
        self.ed_contacted.setCalendarPopup(True)
        self.ed_contacted.setDisplayFormat("dd-MM-yyyy")
        self.chk_contacted.toggled.connect(self.ed_contacted.setEnabled)
        self.ed_obstacles = text_box()
        self.ed_needs = text_box()
        dash = self.tr("—")
        self.cb_rab = combo([(s, s or dash) for s in fu.RAB_STATUSES])
        self.cb_proposal = combo([(s, s or dash) for s in fu.PROPOSAL_STATUSES])
        self.chk_rkp = QCheckBox(self.tr("Masuk RKP Desa"))
        self.chk_realised = QCheckBox(self.tr("Terealisasi"))
        self.cb_status = combo([("", self.tr("(otomatis dari isian)"))] + [(s, s) for s in FOLLOWUP_STATUSES])  # fmt: skip
        self.ed_notes = text_box(44)
        self.lbl_error = QLabel()
        self.lbl_error.setStyleSheet("color: #c62828;")
        self.lbl_error.setWordWrap(True)
        self.btn_save = QPushButton(self.tr("Simpan (Ctrl+S)"))
        self.btn_save.clicked.connect(self.submit)
        self._layout()
        self.setEnabled(False)

    def _layout(self) -> None:
        contacted = QHBoxLayout()
        contacted.addWidget(self.chk_contacted)
        contacted.addWidget(self.ed_contacted, 1)
        flags = QHBoxLayout()
        flags.addWidget(self.chk_rkp)
        flags.addWidget(self.chk_realised)
        form = QFormLayout()
        form.addRow(self.tr("Dihubungi melalui (PD/PLD)"), self.cb_via)
        form.addRow("", contacted)
        form.addRow(self.tr("Kendala"), self.ed_obstacles)
        form.addRow(self.tr("Kebutuhan"), self.ed_needs)
        form.addRow(self.tr("Status RAB"), self.cb_rab)
        form.addRow(self.tr("Status proposal"), self.cb_proposal)
        form.addRow("", flags)
        form.addRow(self.tr("Status"), self.cb_status)
        form.addRow(self.tr("Catatan"), self.ed_notes)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_head)
        layout.addLayout(form)
        layout.addWidget(self.lbl_error)
        layout.addWidget(self.btn_save)
        layout.addStretch(1)

    def show_row(self, row: dict[str, Any] | None) -> None:
        self.lbl_error.clear()
        self.commitment_id = row["id"] if row else None
        self.setEnabled(row is not None)
        if row is None:
            self.lbl_head.setText(self.tr("Pilih komitmen di daftar."))
            return
        due = row["due_date"].strftime("%d-%m-%Y") if row.get("due_date") else "-"
        due_text = self.tr("jatuh tempo %s") % due
        late = self.tr("TERLAMBAT") if row.get("overdue") else ""
        self.lbl_head.setText(
            f"<b>{escape(row['desa_name'])}</b> · {escape(row['innovation_code'])} "
            f"{escape(row.get('innovation_title') or '')}"
            f"<br>{rupiah(row.get('amount'))} · {due_text} "
            f"<span style='color:#c62828'><b>{late}</b></span>"
            f"<br>{self._who(row)}"
        )
        self.cb_via.setCurrentText(row.get("contact_via") or "")
        contacted = row.get("contacted_at")
        self.chk_contacted.setChecked(contacted is not None)
        self.ed_contacted.setEnabled(contacted is not None)
        self.ed_contacted.setDate(qdate(contacted or dt.date.today()))
        self.ed_obstacles.setPlainText(row.get("obstacles") or "")
        self.ed_needs.setPlainText(row.get("needs") or "")
        select_data(self.cb_rab, row.get("rab_status") or "")
        select_data(self.cb_proposal, row.get("proposal_status") or "")
        self.chk_rkp.setChecked(bool(row.get("in_rkp_desa")))
        self.chk_realised.setChecked(bool(row.get("realised")))
        stored = str(row.get("status") or "") if row.get("followup_id") else ""
        derived = fu.derive_status(self.form(auto=True))
        select_data(self.cb_status, "" if stored in ("", derived) else stored)
        self.ed_notes.setPlainText(row.get("notes") or "")

    def _who(self, row: dict[str, Any]) -> str:
        """Who to call: the Kepala Desa (name, phone) and the PD/PLD."""
        kades = escape(row.get("kepala_desa") or self.tr("(belum tercatat)"))
        phone = escape(row.get("kades_phone") or self.tr("tanpa nomor HP"))
        pendamping = escape(row.get("pendamping") or self.tr("belum ada di daftar peserta"))
        return self.tr("Kepala Desa: %s (%s) · PD/PLD: %s") % (kades, phone, pendamping)

    def form(self, auto: bool = False) -> fu.FollowUpForm:
        return fu.FollowUpForm(
            contact_via=self.cb_via.currentText().strip(),
            contacted_at=pydate(self.ed_contacted.date())
            if self.chk_contacted.isChecked()
            else None,  # fmt: skip
            obstacles=self.ed_obstacles.toPlainText(),
            needs=self.ed_needs.toPlainText(),
            rab_status=self.cb_rab.currentData() or "",
            proposal_status=self.cb_proposal.currentData() or "",
            in_rkp_desa=self.chk_rkp.isChecked(),
            realised=self.chk_realised.isChecked(),
            status="" if auto else self.cb_status.currentData() or "",
            notes=self.ed_notes.toPlainText(),
        )

    def submit(self) -> None:
        if self.commitment_id is not None:
            self.lbl_error.clear()
            self.save_requested.emit(self.commitment_id, self.form())

    def show_error(self, exc: BaseException) -> None:
        self.lbl_error.setText(str(exc))
