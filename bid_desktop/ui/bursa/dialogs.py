"""Forms of the Ruang Bursa tab: a menu item (innovation) and a P2KTD provider.

The dialog only collects; the panel saves on the worker and either closes the dialog or
shows the refusal in it (``show_error``), so nothing typed is lost on a mistake."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.domain.enums import BURSA_LABELS, Bursa
from bid_desktop.services.bursa import InnovationForm, ProviderForm
from bid_desktop.ui.common.amount import AmountField


def bursa_combo(blank: str | None = None) -> QComboBox:
    combo = QComboBox()
    if blank is not None:
        combo.addItem(blank, "")
    for b in Bursa:
        combo.addItem(f"{b.value} — {BURSA_LABELS[b]}", b.value)
    return combo


class _FormDialog(QDialog):
    def __init__(self, parent: QWidget, title: str, on_save: Callable[[Any], None]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.on_save = on_save
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(lambda: self.on_save(self.collect()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def collect(self) -> Any:
        raise NotImplementedError

    def show_error(self, exc: BaseException) -> None:
        self.error.setText(str(exc))


class InnovationDialog(_FormDialog):
    def __init__(self, parent: QWidget, providers: list[dict[str, Any]], bursa: str,
                 on_save: Callable[[InnovationForm], None], row: dict[str, Any] | None = None
                 ) -> None:  # fmt: skip
        title = self.tr("Ubah inovasi") if row else self.tr("Inovasi baru")
        super().__init__(parent, title, on_save)
        self.innovation_id = row["id"] if row else None
        self.code = QLineEdit(row["code"] if row else "")
        self.code.setReadOnly(row is not None)
        self.title = QLineEdit(row["title"] if row else "")
        self.bursa = bursa_combo()
        self.bursa.setCurrentIndex(max(0, self.bursa.findData(row["bursa"] if row else bursa)))
        self.origin_desa = QLineEdit(row["origin_desa"] if row else "")
        self.origin_kabupaten = QLineEdit(row["origin_kabupaten"] if row else "")
        self.summary = QPlainTextEdit(row["summary"] if row else "")
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(70)
        self.cost = AmountField()
        self.cost.setText(str(row["cost_estimate"]) if row and row["cost_estimate"] else "")
        self.provider = QComboBox()
        self.provider.addItem(self.tr("(belum ada penyedia)"), None)
        for p in providers:
            self.provider.addItem(p["name"], p["id"])
        self.provider.setCurrentIndex(max(0, self.provider.findData(row["provider_id"] if row
                                                                    else None)))  # fmt: skip
        self.video = QLineEdit(row["video"] if row else "")
        for label, widget in [
            (self.tr("Kode"), self.code),
            (self.tr("Judul inovasi"), self.title),
            (self.tr("Bursa"), self.bursa),
            (self.tr("Desa asal"), self.origin_desa),
            (self.tr("Kabupaten asal"), self.origin_kabupaten),
            (self.tr("Ringkasan"), self.summary),
            (self.tr("Perkiraan biaya (Rp)"), self.cost),
            (self.tr("Penyedia (P2KTD)"), self.provider),
            (self.tr("Video"), self.video),
        ]:
            self.form.addRow(label, widget)
        (self.title if row else self.code).setFocus()

    def collect(self) -> InnovationForm:
        return InnovationForm(
            code=self.code.text(),
            title=self.title.text(),
            bursa=self.bursa.currentData(),
            origin_desa=self.origin_desa.text(),
            origin_kabupaten=self.origin_kabupaten.text(),
            summary=self.summary.toPlainText(),
            cost_estimate=self.cost.text(),
            provider_id=self.provider.currentData(),
            video=self.video.text(),
        )


class ProviderDialog(_FormDialog):
    def __init__(self, parent: QWidget, on_save: Callable[[ProviderForm], None],
                 row: dict[str, Any] | None = None) -> None:  # fmt: skip
        title = self.tr("Ubah penyedia P2KTD") if row else self.tr("Penyedia P2KTD baru")
        super().__init__(parent, title, on_save)
        self.provider_id = row["id"] if row else None
        self.name = QLineEdit(row["name"] if row else "")
        self.bidang = bursa_combo(self.tr("(semua bidang)"))
        self.bidang.setCurrentIndex(max(0, self.bidang.findData(row["bidang"] if row else "")))
        self.services = QLineEdit(row["services"] if row else "")
        self.contact = QLineEdit(row["contact"] if row else "")
        self.phone = QLineEdit(row["phone"] if row else "")
        self.address = QLineEdit(row["address"] if row else "")
        for label, widget in [
            (self.tr("Nama lembaga"), self.name),
            (self.tr("Bidang"), self.bidang),
            (self.tr("Layanan"), self.services),
            (self.tr("Kontak"), self.contact),
            (self.tr("No HP"), self.phone),
            (self.tr("Alamat"), self.address),
        ]:
            self.form.addRow(label, widget)
        self.name.setFocus()

    def collect(self) -> ProviderForm:
        return ProviderForm(
            name=self.name.text(),
            bidang=self.bidang.currentData(),
            services=self.services.text(),
            contact=self.contact.text(),
            phone=self.phone.text(),
            address=self.address.text(),
        )
