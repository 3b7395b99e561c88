"""Create an event: name, date, venue, kecamatan (searched by name in the embedded Kemendagri
list, several allowed, their desa filled in), passphrase twice, station, role, signatories."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.domain import regions
from bid_desktop.domain.enums import Role
from bid_desktop.services.errors import UserError
from bid_desktop.services.events import DEFAULT_SIGNATORIES, EventSetup, passphrase_strength
from bid_desktop.services.station import role_for_station

CODE_ROLE = Qt.ItemDataRole.UserRole


def role_labels() -> list[tuple[str, str]]:
    from PySide6.QtCore import QCoreApplication

    return [
        (
            Role.REGISTRASI.value,
            QCoreApplication.translate("SetupDialog", "Registrasi (sekretaris)"),
        ),
        (Role.BURSA.value, QCoreApplication.translate("SetupDialog", "Ruang Bursa")),
        (Role.MEJA.value, QCoreApplication.translate("SetupDialog", "Meja Konsultasi")),
        (Role.JENDELA3.value, QCoreApplication.translate("SetupDialog", "Jendela 3 (piagam)")),
        (Role.SINKRONISASI.value, QCoreApplication.translate("SetupDialog", "Sinkronisasi")),
        (Role.REKAP.value, QCoreApplication.translate("SetupDialog", "Rekap & Tindak Lanjut (TA)")),
    ]


def role_combo() -> QComboBox:
    combo = QComboBox()
    for value, label in role_labels():
        combo.addItem(label, value)
    return combo


def follow_station(station: QLineEdit, role: QComboBox) -> None:
    """The role follows the station code (REG1 → Registrasi, MKA2 → Meja) until changed."""

    def update(text: str) -> None:
        if text.strip():
            role.setCurrentIndex(
                max(0, role.findData(role_for_station(text.strip().upper()).value))
            )

    station.textEdited.connect(update)


class ChosenList(QListWidget):
    """Chosen kecamatan; Delete removes the current one."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem():
            self.takeItem(self.currentRow())
            self.model().layoutChanged.emit()
            return
        super().keyPressEvent(event)


class CreatePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.addLayout(self._event_form(), 3)
        layout.addWidget(self._kecamatan_box(), 2)

    def _event_form(self) -> QVBoxLayout:
        form = QFormLayout()
        self.ed_name = QLineEdit()
        self.ed_name.setPlaceholderText(self.tr("mis. Bursa Inovasi Desa Kecamatan Gisting 2026"))
        self.ed_date = QDateEdit(QDate.currentDate())
        self.ed_date.setCalendarPopup(True)
        self.ed_date.setDisplayFormat("dd-MM-yyyy")
        self.ed_venue = QLineEdit()
        self.ed_pass = QLineEdit()
        self.ed_pass.setEchoMode(QLineEdit.EchoMode.Password)
        self.ed_pass.setPlaceholderText(self.tr("minimal 8 karakter; dibagikan ke laptop lain"))
        self.ed_pass2 = QLineEdit()
        self.ed_pass2.setEchoMode(QLineEdit.EchoMode.Password)
        self.lbl_strength = QLabel()
        self.ed_pass.textChanged.connect(self._show_strength)
        self._show_strength("")
        self.ed_pin = QLineEdit()
        self.ed_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.ed_pin.setPlaceholderText(self.tr("minimal 6 angka; untuk hapus, batal, pulihkan"))
        self.ed_pin2 = QLineEdit()
        self.ed_pin2.setEchoMode(QLineEdit.EchoMode.Password)
        self.ed_station = QLineEdit("REG1")
        self.cmb_role = role_combo()
        follow_station(self.ed_station, self.cmb_role)
        form.addRow(self.tr("&Nama acara"), self.ed_name)
        form.addRow(self.tr("&Tanggal"), self.ed_date)
        form.addRow(self.tr("Te&mpat"), self.ed_venue)
        form.addRow(self.tr("&Kata sandi acara"), self.ed_pass)
        form.addRow(self.tr("&Ulangi kata sandi"), self.ed_pass2)
        form.addRow("", self.lbl_strength)
        form.addRow(self.tr("P&IN panitia"), self.ed_pin)
        form.addRow(self.tr("Ulangi PI&N"), self.ed_pin2)
        form.addRow(self.tr("Kode &stasiun"), self.ed_station)
        form.addRow(self.tr("&Peran laptop ini"), self.cmb_role)
        self.tbl_signers = QTableWidget(len(DEFAULT_SIGNATORIES), 3)
        self.tbl_signers.setHorizontalHeaderLabels(
            [self.tr("Jabatan lengkap"), self.tr("Nama"), self.tr("NIP (bila ada)")]
        )
        self.tbl_signers.verticalHeader().hide()
        self.tbl_signers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tbl_signers.setMaximumHeight(130)
        for i, signer in enumerate(DEFAULT_SIGNATORIES):
            self.tbl_signers.setItem(i, 0, QTableWidgetItem(signer["title"]))
            self.tbl_signers.setItem(i, 1, QTableWidgetItem(signer["name"]))
        box = QVBoxLayout()
        box.addLayout(form)
        box.addWidget(QLabel(self.tr("Penandatangan piagam")))
        box.addWidget(self.tbl_signers)
        box.addStretch(1)
        return box

    def _kecamatan_box(self) -> QGroupBox:
        group = QGroupBox(self.tr("Kecamatan (daftar Kemendagri)"))
        self.ed_kec = QLineEdit()
        self.ed_kec.setPlaceholderText(self.tr("ketik nama kecamatan, mis. Gisting"))
        self.lst_found = QListWidget()
        self.lst_found.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.lst_chosen = ChosenList()
        self.lbl_desa = QLabel()
        # Kelurahan are not desa (no Dana Desa, no RKP Desa): left out unless ticked.
        self.chk_kelurahan = QCheckBox()
        self.chk_kelurahan.setVisible(False)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self.search_kecamatan)
        self.ed_kec.textEdited.connect(lambda _t: self._debounce.start())
        self.ed_kec.installEventFilter(self)  # Enter searches / adds, never submits the dialog
        self.lst_found.installEventFilter(self)
        self.lst_found.itemDoubleClicked.connect(lambda _i: self.add_selected())
        self.lst_chosen.model().rowsInserted.connect(self._count_desa)
        self.lst_chosen.model().layoutChanged.connect(self._count_desa)
        lay = QVBoxLayout(group)
        lay.addWidget(self.ed_kec)
        lay.addWidget(QLabel(self.tr("Hasil (Enter / klik dua kali untuk menambah):")))
        lay.addWidget(self.lst_found, 2)
        lay.addWidget(QLabel(self.tr("Kecamatan acara (Delete untuk menghapus):")))
        lay.addWidget(self.lst_chosen, 1)
        lay.addWidget(self.lbl_desa)
        lay.addWidget(self.chk_kelurahan)
        self._count_desa()
        return group

    # --- kecamatan search -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and watched in (self.ed_kec, self.lst_found):
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if watched is self.ed_kec:
                    self._enter_in_search()
                else:
                    self.add_selected()
                return True
        return super().eventFilter(watched, event)

    def search_kecamatan(self) -> None:
        self.lst_found.clear()
        for region in regions.search_kecamatan(self.ed_kec.text(), limit=50):
            item = QListWidgetItem(f"{region.path}  ({region.code})")
            item.setData(CODE_ROLE, region.code)
            self.lst_found.addItem(item)
        if self.lst_found.count():
            self.lst_found.setCurrentRow(0)

    def _enter_in_search(self) -> None:
        self._debounce.stop()
        self.search_kecamatan()
        if self.lst_found.count() == 1:
            self.add_selected()
        elif self.lst_found.count():
            self.lst_found.setFocus()

    def add_selected(self) -> None:
        items = self.lst_found.selectedItems() or (
            [self.lst_found.currentItem()] if self.lst_found.currentItem() else []
        )
        chosen = set(self.kecamatan_codes())
        for item in items:
            if item.data(CODE_ROLE) not in chosen:
                copy = QListWidgetItem(item.text())
                copy.setData(CODE_ROLE, item.data(CODE_ROLE))
                self.lst_chosen.addItem(copy)
        self.ed_kec.setFocus()
        self.ed_kec.selectAll()

    def kecamatan_codes(self) -> list[str]:
        return [self.lst_chosen.item(i).data(CODE_ROLE) for i in range(self.lst_chosen.count())]

    def _count_desa(self, *_args: object) -> None:
        codes = self.kecamatan_codes()
        total = sum(len(regions.desa_of(code)) for code in codes)
        text = self.tr("%d kecamatan, %d desa akan dimasukkan") % (len(codes), total)
        if len({code[:5] for code in codes}) > 1:
            text += " " + self.tr("— perhatian: kecamatan dari lebih dari satu kabupaten")
        self.lbl_desa.setText(text)
        kelurahan = len(self.kelurahan_of_chosen())
        self.chk_kelurahan.setText(
            self.tr("Sertakan juga %d kelurahan (bukan desa; dokumennya memakai sebutan kelurahan)")
            % kelurahan
        )
        self.chk_kelurahan.setVisible(kelurahan > 0)

    def kelurahan_of_chosen(self) -> list[str]:
        return [k.code for code in self.kecamatan_codes() for k in regions.kelurahan_of(code)]

    # --- result -----------------------------------------------------------------------------

    def _show_strength(self, text: str) -> None:
        strength = passphrase_strength(text)
        words = {
            "lemah": self.tr(
                "Kekuatan kata sandi: lemah — pakai 12+ karakter, campur kata dan angka"
            ),
            "cukup": self.tr("Kekuatan kata sandi: cukup"),
            "kuat": self.tr("Kekuatan kata sandi: kuat"),
        }
        self.lbl_strength.setText(words[strength] if text else "")
        self.strength = strength

    def setup(self) -> EventSetup:
        if self.ed_pass.text() != self.ed_pass2.text():
            raise UserError(self.tr("Kedua kata sandi berbeda"))
        if self.ed_pin.text() != self.ed_pin2.text():
            raise UserError(self.tr("Kedua PIN berbeda"))
        if not self.ed_pin.text():
            raise UserError(self.tr("PIN panitia wajib diisi (minimal 6 angka)"))
        signers = []
        for row in range(self.tbl_signers.rowCount()):
            title, name, nip = (self.tbl_signers.item(row, c) for c in (0, 1, 2))
            if title is not None and title.text().strip():
                signers.append(
                    {
                        "title": title.text().strip(),
                        "name": (name.text() if name else "").strip(),
                        "nip": (nip.text() if nip else "").strip(),
                    }
                )
        qdate = self.ed_date.date()
        return EventSetup(
            name=self.ed_name.text(),
            date=dt.date(qdate.year(), qdate.month(), qdate.day()),
            kecamatan_codes=self.kecamatan_codes(),
            station=self.ed_station.text(),
            passphrase=self.ed_pass.text(),
            venue=self.ed_venue.text(),
            role=str(self.cmb_role.currentData()),
            signatories=signers,
            kelurahan_codes=self.kelurahan_of_chosen() if self.chk_kelurahan.isChecked() else [],
            pin=self.ed_pin.text(),
        )
