"""Join an event: a package of that event (from any laptop), its passphrase, this laptop's
station code and role. The work itself is ``services.sync.join_event``."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.services.errors import UserError
from bid_desktop.storage.db import Database
from bid_desktop.ui.setup.create_page import follow_station, role_combo


def join_service() -> Callable[..., Any] | None:
    try:
        module = importlib.import_module("bid_desktop.services.sync")
    except ModuleNotFoundError:
        return None
    return getattr(module, "join_event", None)


def call_join(db: Database, package: Path, station: str, passphrase: str, role: str) -> Any:
    """Call ``join_event`` with what it asks for, by parameter name (session or db path)."""
    join = join_service()
    if join is None:
        raise UserError("Gabung acara belum tersedia di versi ini")
    values = {
        "package": package,
        "package_path": package,
        "path": package,
        "station": station,
        "passphrase": passphrase,
        "role": role,
        "db": db,
        "database": db,
        "db_path": db.path,
    }
    params = inspect.signature(join).parameters
    if "session" in params:
        with db.begin() as session:
            return join(session=session, **{k: v for k, v in values.items() if k in params})
    kwargs = {k: v for k, v in values.items() if k in params}
    return join(**kwargs)


class JoinPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout()
        self.ed_package = QLineEdit()
        self.ed_package.setPlaceholderText(self.tr("berkas .bidsync dari laptop lain (flashdisk)"))
        browse = QPushButton(self.tr("Pilih…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.ed_package, 1)
        row.addWidget(browse)
        self.ed_pass = QLineEdit()
        self.ed_pass.setEchoMode(QLineEdit.EchoMode.Password)
        self.ed_station = QLineEdit()
        self.ed_station.setPlaceholderText(self.tr("mis. REG2, MKA1, J3A, TA"))
        self.cmb_role = role_combo()
        follow_station(self.ed_station, self.cmb_role)
        lbl_package = QLabel(self.tr("&Paket acara"))  # a row layout gets no buddy by itself
        lbl_package.setBuddy(self.ed_package)
        form.addRow(lbl_package, row)
        form.addRow(self.tr("&Kata sandi acara"), self.ed_pass)
        form.addRow(self.tr("Kode &stasiun"), self.ed_station)
        form.addRow(self.tr("&Peran laptop ini"), self.cmb_role)
        note = QLabel(
            self.tr(
                "Laptop pertama membuat acara dan mengekspor paket. Laptop lain bergabung dengan "
                "paket itu dan kata sandinya, lalu memilih kode stasiunnya sendiri (unik per laptop)."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        self.lbl_missing = QLabel(
            self.tr("Modul sinkronisasi belum terpasang: gabung acara belum bisa dilakukan.")
        )
        self.lbl_missing.setStyleSheet("color: #b71c1c;")
        self.lbl_missing.setVisible(join_service() is None)
        layout.addWidget(self.lbl_missing)
        layout.addStretch(1)

    def available(self) -> bool:
        return join_service() is not None

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Pilih paket acara"),
            "",
            self.tr("Paket BID (*.bidsync);;Semua berkas (*)"),
        )
        if path:
            self.ed_package.setText(path)

    def values(self) -> tuple[Path, str, str, str]:
        package = Path(self.ed_package.text().strip())
        if not self.ed_package.text().strip() or not package.is_file():
            raise UserError(self.tr("Pilih berkas paket acara yang ada"))
        if not self.ed_station.text().strip():
            raise UserError(self.tr("Kode stasiun wajib diisi"))
        station = self.ed_station.text().strip().upper()
        return package, self.ed_pass.text(), station, str(self.cmb_role.currentData())
