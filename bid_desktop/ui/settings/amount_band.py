"""Pengaturan → Jumlah wajar: the per-event band of plausible commitment amounts. A stamp
outside it (or far from the innovation's estimated cost) is asked about at the table."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QMessageBox, QPushButton, QWidget

from bid_desktop.services import audit as audit_service
from bid_desktop.services import stamp_checks
from bid_desktop.services.errors import UserError
from bid_desktop.ui.common.amount import AmountField
from bid_desktop.ui.common.pin import ask_pin
from bid_desktop.ui.context import AppContext


class AmountBandPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        with ctx.db.begin() as s:
            low, high = stamp_checks.amount_band(s, ctx.event_id)
        self.low = AmountField()
        self.high = AmountField()
        self.low.setText(str(low))
        self.high.setText(str(high))
        note = QLabel(
            self.tr(
                "Cap komitmen di luar rentang ini, atau lebih dari %d× / kurang dari 1/%d biaya "
                "inovasi di menu, ditanyakan dulu di meja (jumlah ditampilkan dengan terbilang)."
            )
            % (stamp_checks.RELATIVE, stamp_checks.RELATIVE)
        )
        note.setWordWrap(True)
        save = QPushButton(self.tr("Simpan (PIN)"))
        save.clicked.connect(self.save)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("Paling kecil"), self.low)
        form.addRow(self.tr("Paling besar"), self.high)
        form.addRow("", save)

    def save(self) -> None:
        low, high = self.low.current().amount, self.high.current().amount
        if low is None or high is None:
            QMessageBox.warning(self, self.tr("Tidak disimpan"), self.tr("Isi kedua jumlah."))
            return
        pin = ask_pin(self, self.tr("ubah rentang jumlah wajar"))
        if pin is None:
            return
        try:
            with self.ctx.db.begin() as s:
                audit_service.require_pin(s, pin)
                stamp_checks.set_amount_band(s, self.ctx.event_id, low, high)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Tidak disimpan"), str(exc))
            return
        self.ctx.bus.status.emit(self.tr("Rentang jumlah wajar disimpan."))
