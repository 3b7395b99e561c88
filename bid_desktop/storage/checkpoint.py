"""WAL checkpoints after each batch of user actions, off the action's own thread.

With WAL the committed data of the last actions sits in ``-wal`` until a checkpoint copies it
into the main file: a person who copies only the ``.sqlite`` while the window runs would get
a healthy-looking file with part of the data. A checkpoint costs an fsync of the main file
(~10 ms on the reference laptop), too much to add to every badge scan, so a writer pokes this
thread and the checkpoint runs ``DELAY`` seconds after the last write of a batch (scans at
scanner pace coalesce), PASSIVE: it never blocks a reader or writer.
"""

from __future__ import annotations

import threading
import time

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

DELAY = 0.3


class Checkpointer:
    def __init__(self, engine: Engine, delay: float = DELAY):
        self.engine = engine
        self.delay = delay
        self.done = 0  # checkpoints run (tests wait on it)
        self._cond = threading.Condition()
        self._last = 0.0
        self._due = False
        self._closed = False
        self._thread: threading.Thread | None = None

    def poke(self) -> None:
        """A write was committed: checkpoint once the batch is over."""
        with self._cond:
            if self._closed:
                return
            self._last, self._due = time.monotonic(), True
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="bid-checkpoint")
                self._thread.daemon = True
                self._thread.start()
            self._cond.notify()

    def run_now(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
        except SQLAlchemyError:
            pass  # busy or closing: the next batch (or closing the database) checkpoints
        self.done += 1

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until no checkpoint is pending (tests, benchmarks)."""
        end = time.monotonic() + timeout
        with self._cond:
            while self._due and time.monotonic() < end:
                self._cond.wait(0.05)
            return not self._due

    def close(self) -> None:
        """Stop the thread (the database is being disposed); a later write starts it again."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout=10)
        with self._cond:
            self._closed, self._thread, self._due = False, None, False
            self._cond.notify_all()

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._due and not self._closed:
                    self._cond.wait()
                while not self._closed and (wait := self._last + self.delay - time.monotonic()) > 0:
                    self._cond.wait(wait)
                if self._closed:
                    return
            self.run_now()
            with self._cond:
                if time.monotonic() - self._last >= self.delay:
                    self._due = False
                self._cond.notify_all()
