"""One window per database: a second window on the same file would put two desks' keystrokes
into one database without either knowing. The first window holds a lock file next to the
database (``QLockFile``: an OS-level lock, stale when its process is gone) and listens on a
local socket named after the file; a second start finds the lock, says the database is open
elsewhere and offers to bring that window to the front instead.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

SOCKET_WAIT_MS = 1500
RAISE = b"raise\n"


def _socket_name(db_path: Path) -> str:
    digest = hashlib.sha1(str(db_path.resolve()).encode()).hexdigest()[:16]
    return f"bid-desktop-{digest}"


class WindowLock(QObject):
    raise_requested = Signal()  # a second start asked this window to come to the front

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.name = _socket_name(self.db_path)
        self.lock = QLockFile(f"{self.db_path}.window-lock")
        self.lock.setStaleLockTime(0)  # stale only when the holding process is gone
        self.server: object | None = None

    def claim(self) -> bool:
        """True: this is the first window on the database (or the lock cannot be kept here,
        e.g. read-only media: then no window can hold one and none is refused)."""
        if not self.lock.tryLock(0):
            if self.lock.error() != QLockFile.LockError.LockFailedError:
                return True
            self.lock.removeStaleLockFile()
            if not self.lock.tryLock(0):
                return False
        self._listen()
        return True

    def owner_pid(self) -> int:
        found = self.lock.getLockInfo()  # PySide6: (pid, hostname, appname), or False
        parts = found if isinstance(found, tuple) else ()
        return next((p for p in parts if isinstance(p, int) and not isinstance(p, bool)), 0)

    def _listen(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        QLocalServer.removeServer(self.name)
        if server.listen(self.name):
            server.newConnection.connect(lambda: self._answer(server))
            self.server = server

    def _answer(self, server: object) -> None:
        from PySide6.QtNetwork import QLocalServer

        assert isinstance(server, QLocalServer)
        while (client := server.nextPendingConnection()) is not None:
            client.readyRead.connect(lambda c=client: self._read(c))
            if client.bytesAvailable():
                self._read(client)

    def _read(self, client: object) -> None:
        data = bytes(client.readAll().data())  # type: ignore[attr-defined]
        if RAISE.strip() in data:
            self.raise_requested.emit()
        client.disconnectFromServer()  # type: ignore[attr-defined]

    def show_other(self) -> bool:
        """Ask the window holding the lock to come to the front."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(SOCKET_WAIT_MS):
            return False
        socket.write(RAISE)
        socket.flush()
        done = socket.waitForBytesWritten(SOCKET_WAIT_MS)
        socket.disconnectFromServer()
        return done

    def release(self) -> None:
        if self.server is not None:
            self.server.close()  # type: ignore[attr-defined]
        self.lock.unlock()


def first_window_or_switch(db_path: Path, parent: QWidget | None = None) -> WindowLock | None:
    """The lock for this window, or None when the database is open in another window (the
    user was told, and that window was brought to the front if they chose so)."""
    lock = WindowLock(db_path)
    if lock.claim():
        return lock
    translate = QCoreApplication.translate
    text = translate(
        "WindowLock",
        "Basis data %s sudah dibuka di jendela BID Desktop lain (proses %d). Dua jendela pada "
        "satu basis data bisa saling menimpa. Pindah ke jendela itu?",
    ) % (db_path.name, lock.owner_pid())
    box = QMessageBox(QMessageBox.Icon.Warning, translate("WindowLock", "Sudah terbuka"), text,
                      parent=parent)  # fmt: skip
    switch = box.addButton(translate("WindowLock", "Pindah ke jendela itu"),
                           QMessageBox.ButtonRole.AcceptRole)  # fmt: skip
    box.addButton(translate("WindowLock", "Tutup"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(switch)
    box.exec()
    if box.clickedButton() is switch:
        lock.show_other()
    return None


def bring_to_front(window: QWidget) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()
