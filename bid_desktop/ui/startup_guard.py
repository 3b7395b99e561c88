"""Before the window opens a database: say in words what is wrong and offer the way back.

A missing file is created only when the user says so (a stick that came back with another
drive letter must not silently become a new, empty event); ``-wal``/``-shm`` files without
their database are reported and left alone; a damaged file is named, set aside (never
deleted) and the last verified backup is offered (PIN checked against that backup); a file on
write-protected media is called read-only and copied to this laptop to work on; a newer app's
database is refused before anything is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from bid_desktop.services import recovery
from bid_desktop.services.errors import UserError
from bid_desktop.services.recovery import State
from bid_desktop.storage.db import Database, open_database, set_aside
from bid_desktop.ui.common.pin import ask_pin

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
PIN_TRIES = 3


def _ask(parent: QWidget | None, text: str) -> bool:
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("StartupGuard", "BID Desktop"), text, Yes | No, No
    )
    return answer == Yes


def _tell(parent: QWidget | None, text: str) -> None:
    QMessageBox.critical(parent, QCoreApplication.translate("StartupGuard", "BID Desktop"), text)


def open_checked(
    path: Path, *, explicit: bool, parent: QWidget | None = None, local_dir: Path | None = None
) -> Database | None:
    """The database at ``path`` opened, or None when the user chose not to (or cannot) go on.
    ``explicit``: the path came from ``--db`` (a missing file is then asked about)."""
    found = recovery.diagnose(path)
    if found.state is State.ORPHANS:
        names = ", ".join(p.name for p in found.sidecars)
        _tell(
            parent,
            QCoreApplication.translate(
                "StartupGuard",
                "Basis data %1 tidak ada, tetapi berkas pendampingnya ada (%2): data terakhir "
                "mungkin ada di sana. Berkas itu tidak diubah; cari berkas basis datanya "
                "(mungkin di flashdisk lain) atau hubungi panitia TI.",
            )
            .replace("%1", str(path))
            .replace("%2", names),
        )
        return None
    if found.state is State.MISSING:
        if explicit and not _ask(
            parent,
            QCoreApplication.translate(
                "StartupGuard",
                "Berkas basis data %1 tidak ada (flashdisk dengan huruf drive lain?). "
                "Buat basis data acara baru yang KOSONG di sana?",
            ).replace("%1", str(path)),
        ):
            return None
        return open_database(path)
    if found.state is State.NEWER:
        _tell(
            parent,
            QCoreApplication.translate(
                "StartupGuard",
                "Basis data %1 dibuat oleh versi aplikasi yang lebih baru (revisi %2). "
                "Perbarui aplikasi di laptop ini dulu; berkas tidak diubah.",
            )
            .replace("%1", str(path))
            .replace("%2", found.detail),
        )
        return None
    if found.state is State.CORRUPT:
        return _recover(path, found.detail, parent)
    if found.state is State.READ_ONLY:
        return _read_only(path, parent, local_dir)
    return open_database(path)


def _recover(path: Path, detail: str, parent: QWidget | None) -> Database | None:
    backup = recovery.last_good_backup(path)
    head = (
        QCoreApplication.translate("StartupGuard", "Basis data %1 rusak (%2).")
        .replace("%1", str(path))
        .replace("%2", detail[:120])
    )
    if backup is None:
        aside = set_aside(path)
        if not _ask(
            parent,
            head
            + " "
            + QCoreApplication.translate(
                "StartupGuard",
                "Tidak ada cadangan yang baik. Berkas rusak disimpan sebagai %1 (tidak "
                "dihapus). Mulai basis data baru yang kosong?",
            ).replace("%1", aside.name),
        ):
            return None
        return open_database(path)
    question = (
        head
        + " "
        + QCoreApplication.translate(
            "StartupGuard",
            "Cadangan terakhir yang lolos pemeriksaan: %1. Pulihkan dari cadangan itu? "
            "Berkas rusak disimpan di sampingnya (tidak dihapus).",
        ).replace("%1", str(backup))
    )
    if not _ask(parent, question):
        return None
    from bid_desktop.services import backups

    for _try in range(PIN_TRIES):
        pin = ask_pin(parent, QCoreApplication.translate("StartupGuard", "memulihkan cadangan"))  # type: ignore[arg-type]
        if pin is None:
            return None
        try:
            backups.restore(path, backup, pin)
        except UserError as exc:
            _tell(parent, str(exc))
            continue
        return open_database(path)
    return None


def _read_only(path: Path, parent: QWidget | None, local_dir: Path | None) -> Database | None:
    from bid_desktop.ui.app import default_db_path

    folder = local_dir or default_db_path().parent
    target = folder / path.name
    n = 2
    while target.exists():
        target = folder / f"{path.stem}-salinan-{n}{path.suffix}"
        n += 1
    if not _ask(
        parent,
        QCoreApplication.translate(
            "StartupGuard",
            "Basis data %1 ada di media yang hanya-baca (read-only), misalnya flashdisk yang "
            "dikunci; berkasnya baik. Salin ke laptop ini (%2) dan buka salinannya?",
        )
        .replace("%1", str(path))
        .replace("%2", str(target)),
    ):
        return None
    return open_database(recovery.copy_to(path, target))
