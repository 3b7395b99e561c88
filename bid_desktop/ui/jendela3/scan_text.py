"""What the feedback line says once a scan found the desa: ready / nothing to certify /
piagam already printed. (Not found, a guest, a voided badge: the service's message, red.)"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bid_desktop.services import exchange
from bid_desktop.ui.common.feedback import Tone


def tr(text: str) -> str:
    return QCoreApplication.translate("ExchangePage", text)


def scan_message(panel: exchange.DesaPanel) -> tuple[str, Tone]:
    who = ""
    if panel.scanned_name:
        who = (
            tr(" — Kepala Desa %s") % panel.scanned_name
            if panel.scanned_is_kepala_desa
            else tr(" — badge %s, bukan Kepala Desa") % panel.scanned_name
        )
    head = tr("Desa %s%s") % (panel.desa_name, who)
    piagam = panel.piagam
    if piagam is not None and piagam.prints:
        return head + tr(" · piagam %s SUDAH dicetak (%d×)") % (piagam.serial, piagam.prints), (
            Tone.WARN
        )
    if not panel.live:
        return head + tr(" · belum ada komitmen di laptop ini — tambahkan dari kartu (F2)"), (
            Tone.WARN
        )
    return "✓ " + head + tr(" · %d komitmen") % len(panel.live), Tone.OK
