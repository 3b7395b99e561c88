"""What the big feedback line says after a scan, a kit, a walk-in or a correction."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from bid_desktop.services import registration as reg
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.registrasi.participants import hhmm, place


def _who(row: dict[str, Any]) -> str:
    where = place(row)
    return f"{row['name']} — {where}" if where else str(row["name"])


def scan_message(
    result: reg.ScanResult, *, kit: bool = False, walkin: bool = False, corrected: bool = False
) -> tuple[str, Tone]:
    row = result.row
    if result.status == reg.NOT_FOUND or row is None and result.status != reg.MANY:
        return QCoreApplication.translate(
            "RegistrasiTab", "✗ Tidak ditemukan: %s — F2 untuk daftar peserta baru"
        ) % result.text, Tone.ERROR
    if result.status == reg.MANY:
        return (
            QCoreApplication.translate(
                "RegistrasiTab", "%d peserta cocok dengan “%s” — pilih dengan ↑/↓ lalu Enter"
            )
            % (result.matches, result.text),
            Tone.INFO,
        )
    assert row is not None
    if result.status == reg.VOIDED:
        reason = row.get("void_reason") or ""
        return QCoreApplication.translate("RegistrasiTab", "✗ %s (%s) sudah DIBATALKAN: %s") % (
            row["name"],
            row["number"],
            reason,
        ), Tone.ERROR
    if kit:
        return _kit_message(result.status, row)
    if corrected:
        return QCoreApplication.translate("RegistrasiTab", "✓ Koreksi disimpan: %s (%s)") % (
            _who(row),
            row["number"],
        ), Tone.OK
    if result.status == reg.ALREADY:
        return (
            QCoreApplication.translate("RegistrasiTab", "%s sudah hadir sejak %s (%s)")
            % (_who(row), hhmm(row["checked_in_at"]), row["checked_in_station"]),
            Tone.WARN,
        )
    prefix = (
        QCoreApplication.translate("RegistrasiTab", "✓ Walk-in %s: ") % row["number"]
        if walkin
        else "✓ "
    )
    return prefix + QCoreApplication.translate("RegistrasiTab", "%s — hadir %s") % (
        _who(row),
        hhmm(row["checked_in_at"]),
    ), Tone.OK


def _kit_message(status: str, row: dict[str, Any]) -> tuple[str, Tone]:
    if status == reg.ALREADY:
        return QCoreApplication.translate(
            "RegistrasiTab", "Kit sudah diserahkan ke %s pukul %s"
        ) % (
            row["name"],
            hhmm(row["kit_at"]),
        ), Tone.WARN
    return QCoreApplication.translate("RegistrasiTab", "✓ Bursa Kit diserahkan: %s") % _who(
        row
    ), Tone.OK
