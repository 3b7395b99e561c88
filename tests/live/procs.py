"""Real `bid-desktop live` processes on 127.0.0.1 for the live-sync tests and the bench."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from bid_desktop.storage.db import Database
from bid_desktop.storage.models import Desa, Participant


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveProcess:
    """``python -m bid_desktop live`` on a database, with a static peer list."""

    def __init__(
        self, db_path: Path, port: int, peers: list[int], log: Path, data_dir: Path | None = None
    ) -> None:
        self.db_path, self.port, self.peers, self.log_path = db_path, port, peers, log
        self.data_dir = data_dir  # another laptop's user data folder (its key files)
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> LiveProcess:
        cmd = [sys.executable, "-m", "bid_desktop", "live", "--db", str(self.db_path)]
        cmd += ["--host", "127.0.0.1", "--port", str(self.port), "--only-listed"]
        for peer in self.peers:
            cmd += ["--peer", f"127.0.0.1:{peer}"]
        self._log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        env = dict(os.environ)
        if self.data_dir is not None:
            env["BID_DATA_DIR"] = str(self.data_dir)
        self.proc = subprocess.Popen(cmd, stdout=self._log, stderr=subprocess.STDOUT, env=env)
        wait_until(lambda: "listening" in self.output(), what=f"{self.db_path.name} listening")
        return self

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self, kill: bool = False) -> None:
        if self.proc is None:
            return
        if kill:
            self.proc.kill()
        else:
            self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None
        self._log.close()


def wait_until(predicate: Callable[[], bool], what: str, limit: float = 90.0) -> None:
    """Poll until ``predicate()``; a generous limit so a busy machine never fails a test."""
    deadline = time.monotonic() + limit
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        time.sleep(0.1)


def add_people(db: Database, event_id: str, prefix: str, n: int) -> list[str]:
    ids = [str(uuid.uuid4()) for _ in range(n)]
    with db.begin() as s:
        for i, pid in enumerate(ids):
            s.add(
                Participant(
                    id=pid,
                    event_id=event_id,
                    number=f"{prefix}-{i:04d}",
                    name=f"Peserta {prefix} {i}",
                    desa_code="18.06.20.2001",
                )
            )
    return ids


def rename_first_desa(db: Database, name: str) -> None:
    with db.begin() as s:
        from sqlalchemy import select

        desa = s.scalars(select(Desa).order_by(Desa.code)).first()
        assert desa is not None
        desa.name = name


def version_ids(db_path: Path) -> set[str]:
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        return {r[0] for r in conn.execute("SELECT version_id FROM version")}
    finally:
        conn.close()


class CuttingProxy:
    """A TCP proxy that forwards a peer connection but, while ``cut_after`` is set, closes
    it after that many bytes of the answer: a connection dropped mid-transfer, for real."""

    def __init__(self, target_port: int) -> None:
        self.target = target_port
        self.cut_after: int | None = None
        self.cuts = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                downstream, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target))
            threading.Thread(
                target=self._pump, args=(downstream, upstream, None), daemon=True
            ).start()
            threading.Thread(
                target=self._pump, args=(upstream, downstream, self.cut_after), daemon=True
            ).start()

    def _pump(self, src: socket.socket, dst: socket.socket, cut: int | None) -> None:
        sent = 0
        try:
            while data := src.recv(4096):
                if cut is not None and sent + len(data) > cut:
                    dst.sendall(data[: max(cut - sent, 0)])
                    self.cuts += 1
                    break
                dst.sendall(data)
                sent += len(data)
        except OSError:
            pass
        for sock in (src, dst):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def close(self) -> None:
        self.listener.close()
