"""Saving the walk-in / correction form of the registration desk on the task worker.

A correction writes only the fields the user changed since the form opened, over the record
as it is now; when another window or a merge changed the same field meanwhile, the desk asks
before putting its value over it, and tells which fields changed elsewhere were kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from bid_desktop.services import registration as reg
from bid_desktop.services import registration_forms as forms
from bid_desktop.ui.common.confirm import ask_yes
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.registrasi.feedback_text import scan_message
from bid_desktop.ui.registrasi.person_dialog import PersonDialog

if TYPE_CHECKING:
    from bid_desktop.ui.registrasi.tab import RegistrasiTab


def save_person(
    tab: RegistrasiTab, dialog: PersonDialog, form: forms.ParticipantForm, overwrite: bool = False
) -> None:
    event_id, pid = tab.ctx.event_id, dialog.participant_id
    shown, edited = dialog.shown, dialog.edited()

    def work() -> dict[str, Any]:
        with tab.ctx.db.begin() as session:
            if pid is None:
                return forms.register_walkin(session, event_id, form)
            return forms.correct_participant(session, pid, form, shown, edited, overwrite)

    def refused(exc: BaseException) -> None:
        if isinstance(exc, forms.RecordChanged) and _overwrite(dialog, exc):
            save_person(tab, dialog, form, overwrite=True)
        else:
            dialog.show_error(exc)

    tab.run(work, lambda row: _saved(tab, dialog, row), refused)


def _overwrite(dialog: PersonDialog, exc: forms.RecordChanged) -> bool:
    translate = QCoreApplication.translate
    question = translate("RegistrasiTab", "%s. Simpan perubahan Anda di atasnya?") % exc
    return ask_yes(
        dialog,
        translate("RegistrasiTab", "Data berubah"),
        question,
        translate("RegistrasiTab", "Simpan perubahan saya"),
    )


def _saved(tab: RegistrasiTab, dialog: PersonDialog, row: dict[str, Any]) -> None:
    dialog.accept()
    result = reg.ScanResult(reg.CHECKED_IN, row["number"], row)
    message, tone = scan_message(result, walkin=dialog.is_walkin, corrected=not dialog.is_walkin)
    if row.get("kept"):
        note = QCoreApplication.translate(
            "RegistrasiTab", " · diubah di tempat lain sejak formulir dibuka, dipertahankan: %s"
        )
        message, tone = message + note % ", ".join(row["kept"]), Tone.WARN
    tab.feedback.show_message(message, tone)
    tab.show_person(row)
    tab.ctx.bus.data_changed.emit("participant")
    if dialog.chk_print.isChecked():
        tab.desk_actions.print_badges(tab.desk_actions.SELECTED, ids=[row["id"]], quiet=True)
