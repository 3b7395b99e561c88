"""What the feedback line says after a scan at Jendela 3: found / not found / already done."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bid_desktop.services import exchange
from bid_desktop.ui.common.feedback import Tone


def tr(text: str) -> str:
    return QCoreApplication.translate("ExchangePage", text)


def scan_message(found: exchange.DesaScan, panel: exchange.DesaPanel | None) -> tuple[str, Tone]:
    person = found.person
    if found.status == exchange.NOT_FOUND:
        return tr("✗ Tidak ditemukan: %s — pindai badge atau ketik kode/nama desa") % found.text, (
            Tone.ERROR
        )
    if found.status == exchange.MANY:
        return tr("“%s” cocok dengan beberapa desa: %s — ketik lebih lengkap") % (
            found.text,
            ", ".join(found.candidates[:6]),
        ), Tone.INFO
    if found.status == exchange.NO_DESA and person is not None:
        return tr("✗ %s (%s) bukan utusan desa — pindai badge Kepala Desa") % (
            person["name"],
            person["number"],
        ), Tone.ERROR
    if found.status == exchange.VOIDED and person is not None:
        return tr("✗ Badge %s (%s) sudah DIBATALKAN") % (person["number"], person["name"]), (
            Tone.ERROR
        )
    assert panel is not None
    return _found(panel, person)


def _found(panel: exchange.DesaPanel, person: dict | None) -> tuple[str, Tone]:  # type: ignore[type-arg]
    who = ""
    if person is not None:
        who = (
            tr(" — Kepala Desa %s") % person["name"]
            if person["is_kepala_desa"]
            else tr(" — badge %s (%s), bukan Kepala Desa") % (person["name"], person["jabatan"])
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
