"""What the feedback line says once a scan found the desa: ready / nothing to certify /
piagam already printed. (Not found, a guest, a voided badge: the service's message, red.)"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bid_desktop.services import exchange
from bid_desktop.ui.common.feedback import Tone


def scan_message(panel: exchange.DesaPanel) -> tuple[str, Tone]:
    translate = QCoreApplication.translate
    who = ""
    if panel.scanned_name and panel.scanned_is_kepala_desa:
        who = translate("ExchangePage", " — Kepala Desa %s") % panel.scanned_name
    elif panel.scanned_name:
        who = translate("ExchangePage", " — badge %s, bukan Kepala Desa") % panel.scanned_name
    head = translate("ExchangePage", "Desa %s%s") % (panel.desa_name, who)
    piagam = panel.piagam
    if piagam is not None and piagam.prints:
        text = translate("ExchangePage", " · piagam %s SUDAH dicetak (%d×)")
        return head + text % (piagam.serial, piagam.prints), Tone.WARN
    if not panel.live:
        text = translate(
            "ExchangePage", " · belum ada komitmen di laptop ini — tambahkan dari kartu (F2)"
        )
        return head + text, Tone.WARN
    count = translate("ExchangePage", " · %d komitmen") % len(panel.live)
    return "✓ " + head + count, Tone.OK
