"""Walk-in registration (F2) and correction (F4): one small form, keyboard first.

Nama has the focus; Tab walks the fields; Enter saves. A refused value is shown in red under
its field and the form stays open with nothing saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.domain.enums import GUEST_CATEGORIES, Category
from bid_desktop.domain.text import fold
from bid_desktop.services.registration_forms import (
    FieldError,
    FieldErrors,
    ParticipantForm,
    changed_fields,
    form_of,
)

Save = Callable[[ParticipantForm], None]


class DesaResolver:
    """Completer text ("Banjar Manis — Gisting"), a plain desa name or a code → desa code."""

    def __init__(self, choices: list[dict[str, str]]) -> None:
        self.labels = [f"{c['name']} — {c['kecamatan']}" for c in choices]
        self._by_label = {fold(lbl): c["code"] for lbl, c in zip(self.labels, choices, strict=True)}
        self._codes = {c["code"]: lbl for lbl, c in zip(self.labels, choices, strict=True)}
        self._by_name: dict[str, list[str]] = {}
        for c in choices:
            self._by_name.setdefault(fold(c["name"]), []).append(c["code"])

    def label_of(self, code: str | None) -> str:
        return self._codes.get(code or "", "")

    def resolve(self, text: str) -> str | None:
        text = text.strip()
        if not text:
            return None
        if text in self._codes:
            return text
        key = fold(text)
        if key in self._by_label:
            return self._by_label[key]
        found = self._by_name.get(key, [])
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise FieldError(
                "desa_code", f"'{text}' ada di lebih dari satu kecamatan; pilih dari daftar"
            )
        raise FieldError("desa_code", f"desa '{text}' bukan desa acara ini")


class PersonDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        desa: DesaResolver,
        save: Save,
        row: dict[str, Any] | None = None,
        name: str = "",
    ) -> None:
        super().__init__(parent)
        self.desa = desa
        self._save = save
        self.is_walkin = row is None
        self.participant_id: str | None = row["id"] if row else None
        title = self.tr("Peserta baru (walk-in)") if row is None else self.tr("Koreksi peserta")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.errors: dict[str, QLabel] = {}
        self._build()
        self._fill(row, name)
        # The record as read when the form opened, and as its fields showed it: a save
        # writes only what the user changed since (registration_forms.correct_participant).
        self.shown = form_of(row) if row else None
        self.initial = self._current_form()

    def _current_form(self) -> ParticipantForm | None:
        try:
            return self.form()
        except FieldError:
            return None

    def edited(self) -> list[str] | None:
        """The fields the user changed in this form (None: all, for a walk-in)."""
        now = self._current_form()
        if self.initial is None or now is None:
            return None
        return changed_fields(now, self.initial)

    # --- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        form = QFormLayout()
        self.ed_name = QLineEdit()
        self.ed_jabatan = QLineEdit()
        self.cmb_gender = QComboBox()
        for value, label in (("", "—"), ("L", "L — laki-laki"), ("P", "P — perempuan")):
            self.cmb_gender.addItem(label, value)
        self.ed_desa = QLineEdit()
        completer = QCompleter(self.desa.labels, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.ed_desa.setCompleter(completer)
        self.ed_institution = QLineEdit()
        self.ed_phone = QLineEdit()
        self.ed_phone.setPlaceholderText("08xx xxxx xxxx")
        self.cmb_category = QComboBox()
        for cat in Category:
            self.cmb_category.addItem(cat.value, cat.value)
        self.cmb_guest = QComboBox()
        self.cmb_guest.addItems(GUEST_CATEGORIES)
        self.chk_woman = QCheckBox(self.tr("Perwakilan perempuan desa"))
        rows = [
            (self.tr("&Nama"), self.ed_name, "name"),
            (self.tr("&Jabatan"), self.ed_jabatan, "jabatan"),
            (self.tr("&L/P"), self.cmb_gender, "gender"),
            (self.tr("&Desa"), self.ed_desa, "desa_code"),
            (self.tr("&Instansi"), self.ed_institution, "institution"),
            (self.tr("No &HP"), self.ed_phone, "phone"),
            (self.tr("&Kategori"), self.cmb_category, "category"),
            (self.tr("Kategori &tamu"), self.cmb_guest, "guest_category"),
        ]
        for label, widget, key in rows:
            form.addRow(label, self._with_error(widget, key))
        form.addRow("", self.chk_woman)
        self.chk_print = QCheckBox(self.tr("Cetak badge setelah disimpan"))
        self.chk_print.setChecked(self.is_walkin)
        form.addRow("", self.chk_print)
        self.cmb_category.currentIndexChanged.connect(self._category_changed)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Simpan && hadir") if self.is_walkin else self.tr("Simpan koreksi"))
        save.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.lbl_error = QLabel()
        self.lbl_error.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.lbl_error.setWordWrap(True)  # several bad fields are listed at once
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.lbl_error)
        layout.addWidget(self.buttons)

    def _with_error(self, widget: QWidget, key: str) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        lay.addWidget(widget)
        error = QLabel()
        error.setStyleSheet("color: #b71c1c;")
        error.hide()
        lay.addWidget(error)
        self.errors[key] = error
        return box

    def _fill(self, row: dict[str, Any] | None, name: str) -> None:
        row = row or {}
        self.ed_name.setText(row.get("name") or name)
        self.ed_jabatan.setText(row.get("jabatan", ""))
        self.cmb_gender.setCurrentIndex(max(0, self.cmb_gender.findData(row.get("gender", ""))))
        self.ed_desa.setText(self.desa.label_of(row.get("desa_code")))
        self.ed_institution.setText(row.get("institution", ""))
        self.ed_phone.setText(row.get("phone", ""))
        category = row.get("category") or Category.PESERTA_UTAMA.value
        self.cmb_category.setCurrentIndex(max(0, self.cmb_category.findData(category)))
        guest = row.get("guest_category") or GUEST_CATEGORIES[-1]
        self.cmb_guest.setCurrentIndex(max(0, self.cmb_guest.findText(guest)))
        self.chk_woman.setChecked(bool(row.get("woman_rep")))
        self._category_changed()
        self.ed_name.setFocus()
        self.ed_name.selectAll()

    def _category_changed(self) -> None:
        self.cmb_guest.setEnabled(self.cmb_category.currentData() == Category.UNDANGAN.value)

    # --- behaviour ----------------------------------------------------------------------

    def form(self) -> ParticipantForm:
        return ParticipantForm(
            name=self.ed_name.text(),
            jabatan=self.ed_jabatan.text(),
            gender=str(self.cmb_gender.currentData() or ""),
            desa_code=self.desa.resolve(self.ed_desa.text()),
            institution=self.ed_institution.text(),
            phone=self.ed_phone.text(),
            category=str(self.cmb_category.currentData()),
            guest_category=self.cmb_guest.currentText() if self.cmb_guest.isEnabled() else "",
            woman_rep=self.chk_woman.isChecked(),
        )

    def submit(self) -> None:
        self.clear_errors()
        try:
            form = self.form()
        except FieldError as exc:
            self.show_error(exc)
            return
        self.buttons.setEnabled(False)
        self._save(form)

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.lbl_error.clear()

    def show_error(self, exc: BaseException) -> None:
        """Called by the saver when the service refused the form: mark the field, stay open."""
        self.buttons.setEnabled(True)
        self.lbl_error.setText(str(exc))
        errors = exc.errors if isinstance(exc, FieldErrors) else [exc]
        marked = [e for e in errors if isinstance(e, FieldError) and e.field in self.errors]
        for error in marked:  # every bad field at once, not one per Enter
            self.errors[error.field].setText(error.message)
            self.errors[error.field].show()
        if marked:
            self._focus_field(marked[0].field)

    def _focus_field(self, key: str) -> None:
        widgets = {
            "name": self.ed_name,
            "gender": self.cmb_gender,
            "desa_code": self.ed_desa,
            "phone": self.ed_phone,
            "category": self.cmb_category,
            "guest_category": self.cmb_guest,
        }
        widget = widgets.get(key)
        if widget is not None:
            widget.setFocus()
