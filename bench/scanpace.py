"""P9, scanner pace: badges typed at a scanner's speed, ≤ 30 ms apart, with the keyboard
focus put anywhere in the station's tab before each one, into the four stations.

Each badge is typed key by key into whatever has the focus at that moment (a scan's answer may
move it), 1 ms between keys, then Enter; the next badge follows 0–30 ms later while answers are
still coming. Every scan handled is checked when its answer is shown:
- misrouted: the station shows another person / desa than the badge's, a scan was handled out
  of order, or a badge's keys were left in a field;
- merged: a handled text that is not exactly one badge (two run together, or a piece);
- lost: a badge never handled.
Latency: Enter → the answer shown (the queue's ``handled``), beside the floor of an indexed
``SELECT`` of the same badge with sqlite3 in the same run.
"""

from __future__ import annotations

import random
import re
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BADGE = re.compile(r"U\d{7}|[A-Z0-9]{2,8}-\d{4}")


@dataclass
class Outcome:
    station: str
    scans: int
    handled: list[str] = field(default_factory=list)
    misrouted: int = 0
    merged: int = 0
    lost: int = 0
    routed: int = 0
    latency_ms: list[float] = field(default_factory=list)  # Enter → shown (queue included)
    service_ms: list[float] = field(default_factory=list)  # its turn came → shown


def people(path: Path, event_id: str) -> list[dict[str, Any]]:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT id, number, desa_code FROM participant WHERE event_id = ? AND voided = 0"
        " AND desa_code IS NOT NULL ORDER BY number",
        (event_id,),
    ).fetchall()
    conn.close()
    return [{"id": i, "number": n, "desa": d} for i, n, d in rows]


class Station:
    """One tab under the scanner: how to read what it shows for the scan just handled."""

    def __init__(self, name: str, tab: Any, queue: Any) -> None:
        self.name, self.tab, self.queue = name, tab, queue

    def shows(self, person: dict[str, Any]) -> bool:
        tab = self.tab
        if self.name == "Registrasi":
            return tab._current == person["id"]
        if self.name == "Ruang Bursa":
            return tab.rating.person is not None and tab.rating.person["id"] == person["id"]
        if self.name == "Meja":
            return tab.desa is not None and tab.desa.code == person["desa"]
        panel = tab.exchange.panel
        return panel is not None and panel.desa_code == person["desa"]


def open_station(name: str, ctx: Any) -> Station:
    from bid_desktop.ui.bursa.tab import BursaTab
    from bid_desktop.ui.jendela3.tab import Jendela3Tab
    from bid_desktop.ui.meja.tab import MejaTab
    from bid_desktop.ui.registrasi.tab import RegistrasiTab

    if name == "Registrasi":
        tab: Any = RegistrasiTab(ctx)
        queue = tab.scans
    elif name == "Ruang Bursa":
        tab = BursaTab(ctx)
        queue = tab.rating.scans
    elif name == "Meja":
        tab = MejaTab(ctx)
        queue = tab.scans
    else:
        tab = Jendela3Tab(ctx)
        queue = tab.exchange.scans
    tab.resize(1366, 768)
    tab.show()
    tab.activateWindow()
    return Station(name, tab, queue)


def focus_targets(tab: Any) -> list[Any]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    return [
        w
        for w in tab.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisible() and w.isEnabled()
    ]


def settle(ctx: Any, rounds: int = 3) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        ctx.tasks.wait()
        QApplication.processEvents()


class Scanner:
    """A USB scanner: each key goes to whatever has the keyboard when it is delivered, stamped
    with the time the scanner typed it (1 ms apart), as the system stamps hardware keys — a key
    that waited while the window was busy keeps its typing time."""

    def __init__(self) -> None:
        self.clock = int(time.monotonic() * 1000)

    def key(self, key: int, text: str) -> None:
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        self.clock += 1
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
            event.setTimestamp(self.clock)
            widget = QApplication.focusWidget()
            if widget is not None:
                QApplication.sendEvent(widget, event)
        QTest.qWait(1)

    def badge(self, number: str) -> None:

        for char in number:
            self.key(ord(char.upper()), char)

    def enter(self) -> None:
        from PySide6.QtCore import Qt

        self.key(Qt.Key.Key_Return, "\r")

    def pause(self, ms: int) -> None:
        from PySide6.QtTest import QTest

        self.clock += ms
        QTest.qWait(ms)


def run_station(station: Station, ctx: Any, sample: list[dict[str, Any]], seed: int) -> Outcome:
    from PySide6.QtTest import QTest

    rng = random.Random(seed)
    out = Outcome(station.name, len(sample))
    by_number = {p["number"]: p for p in sample}
    sent: dict[int, float] = {}
    order: list[str] = [p["number"] for p in sample]

    def handled(item: Any) -> None:
        text = item[0] if isinstance(item, tuple) else item
        index = len(out.handled)
        out.handled.append(text)
        if text not in by_number:
            out.merged += 1
            return
        if index < len(order) and order[index] == text and index in sent:
            out.latency_ms.append((time.perf_counter() - sent[index]) * 1000)
        if order[index : index + 1] != [text] or not station.shows(by_number[text]):
            out.misrouted += 1

    started: list[float] = []
    start = station.queue.start

    def timed_start(item: Any) -> Any:
        started.append(time.perf_counter())
        return start(item)

    def served(_item: Any) -> None:
        if started:
            out.service_ms.append((time.perf_counter() - started.pop()) * 1000)

    station.queue.start = timed_start
    station.queue.handled.connect(served)
    station.queue.handled.connect(handled)
    settle(ctx, 4)
    targets = focus_targets(station.tab)
    scanner = Scanner()
    for i, person in enumerate(sample):
        live = [w for w in targets if w.isVisible() and w.isEnabled()]
        rng.choice(live).setFocus()
        scanner.badge(person["number"])
        sent[i] = time.perf_counter()
        scanner.enter()
        scanner.pause(rng.randint(0, 30))
    deadline = time.perf_counter() + 60
    while station.queue.pending() and time.perf_counter() < deadline:
        settle(ctx, 1)
        QTest.qWait(5)
    settle(ctx, 4)
    out.lost = max(0, len(sample) - len(out.handled))
    out.misrouted += leftovers(station.tab)
    out.routed = station.tab.scanner.routed
    station.queue.handled.disconnect(handled)
    station.queue.handled.disconnect(served)
    station.queue.start = start
    return out


def one_at_a_time(station: Station, ctx: Any, sample: list[dict[str, Any]]) -> list[float]:
    """Enter → shown for badges scanned one by one, each after the last was shown (a quiet
    desk): the screen's own latency, no queue."""
    from PySide6.QtWidgets import QApplication

    done: list[Any] = []
    station.queue.handled.connect(done.append)
    scanner, out = Scanner(), []
    for person in sample:
        scanner.badge(person["number"])
        before, start = len(done), time.perf_counter()
        scanner.enter()
        while len(done) == before:
            QApplication.processEvents()
        out.append((time.perf_counter() - start) * 1000)
        scanner.pause(5)
    station.queue.handled.disconnect(done.append)
    return out


def leftovers(tab: Any) -> int:
    """Badge keys left behind in a field of the tab."""
    from PySide6.QtWidgets import QLineEdit

    return sum(1 for w in tab.findChildren(QLineEdit) if BADGE.search(w.text().upper()))


def floor_ms(path: Path, event_id: str, numbers: list[str]) -> list[float]:
    conn = sqlite3.connect(path)
    out = []
    for n in numbers:
        t = time.perf_counter()
        conn.execute(
            "SELECT id, name, checked_in_at FROM participant WHERE event_id = ? AND number = ?",
            (event_id, n),
        ).fetchone()
        out.append((time.perf_counter() - t) * 1000)
    conn.close()
    return out


def service_ms(station: str, db: Any, event_id: str, numbers: list[str]) -> list[float]:
    """The same lookups through the services alone (what the task worker does per scan, a
    check-in's write left out): the floor the screen adds its work to."""
    from bid_desktop.services import bursa_floor, exchange, meja
    from bid_desktop.services import registration as reg

    calls = {
        "Registrasi": lambda s, n: reg.find_by_number(s, event_id, n),
        "Ruang Bursa": lambda s, n: bursa_floor.ratings_of(
            s, event_id, bursa_floor.find_participant(s, event_id, n)["id"]
        ),
        "Meja": lambda s, n: meja.pick_desa(s, event_id, n),
        "Jendela 3": lambda s, n: exchange.scan(s, event_id, n),
    }
    call, out = calls[station], []
    for n in numbers:
        t = time.perf_counter()
        with db.begin() as session:
            call(session, n)
        out.append((time.perf_counter() - t) * 1000)
    return out
