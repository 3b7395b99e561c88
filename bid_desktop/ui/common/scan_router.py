"""A barcode scanner is a keyboard that types fast and ends with Enter (or Tab): catch that
burst wherever the keyboard is in a station's tab and hand it to the station's scan handler.

An application event filter times every key typed into the tab. A *run* is a sequence of
printable keys each at most ``max_gap_ms`` after the one before; a run of ``min_chars`` or more
ended by Enter or Tab within the same gap is a scan. A person typing is slower than that
between keys, so their keys pass untouched.

While a run may still turn out to be a scan, its keys go on to text fields as usual (they are
taken back if it is one) but are held back from other widgets — a list would jump to the
row the digits spell, a combo box would choose a desa, the score pad would take a digit as
a score — and replayed there as soon as the run turns out to be typing (``FLUSH_MS`` after
its last key: a key pressed on a list or the score pad arrives that much later). On a scan the run's keys are taken back everywhere
they landed, the Enter or Tab is swallowed, and ``route(text)`` gets the whole text. A run
typed entirely into a scan box is left to that box (it takes its whole text at Enter, so a
badge whose keys were split by a pause still arrives whole); a Tab ending it submits the box.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from bid_desktop.ui.common.scan import ENTER_KEYS, ScanBox
from bid_desktop.ui.common.scan_snapshot import Snapshot, is_text_input

MAX_GAP_MS = 50  # a scanner types a key every 1-15 ms; a quick typist needs 80 ms or more
MIN_CHARS = 4  # badge numbers are 8 or 9 characters; innovation codes (A01) are 3
FLUSH_MS = 200  # held keys go to their widget this long after the last key of a run
TERMINATORS = (*ENTER_KEYS, Qt.Key.Key_Tab)
MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
                 Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock}  # fmt: skip
COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


_last_key_ms = -1.0e12  # when any router last saw a printable key (monotonic)


def quiet_in_ms() -> float:
    """How long until keys typed now could no longer continue the last run: tests wait this
    long to act as a person, whose next key never comes that fast."""
    return max(0.0, MAX_GAP_MS - (time.monotonic() * 1000 - _last_key_ms))


_routers: weakref.WeakSet[ScannerRouter] = weakref.WeakSet()


def held_keys() -> int:
    """Keys held back from their widget right now, over every station (tests wait them out)."""
    return sum(len(r._run.held) for r in list(_routers) if shiboken6.isValid(r))


class _Run:
    """The keys of one possible scan: text, where they landed, what is held back."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.last_ms = -1.0e12
        self.snapshots: dict[int, Snapshot] = {}
        self.held: list[tuple[QWidget, int, Qt.KeyboardModifier, str]] = []

    def text(self) -> str:
        return "".join(self.chars)

    def landed_in(self, target: QWidget) -> None:
        key = id(target)
        if key not in self.snapshots:
            self.snapshots[key] = Snapshot(target)

    def widgets(self) -> list[QWidget]:
        return [s.widget for s in self.snapshots.values()]


class ScannerRouter(QObject):
    def __init__(
        self,
        scope: QWidget,
        route: Callable[[str], None],
        max_gap_ms: float = MAX_GAP_MS,
        min_chars: int = MIN_CHARS,
    ) -> None:
        super().__init__(scope)
        self.scope = scope
        self.route = route
        self.max_gap_ms = max_gap_ms
        self.min_chars = min_chars
        self.routed = 0  # scans caught outside a scan box (tests, bench)
        self._run = _Run()
        self._last_event: tuple[int, int, str, QWidget] | None = None
        self._replaying = False
        self._keys_seen = 0
        self._fast_tail: tuple[int, str] | None = None  # a scan box's text from a fast run
        self._flush = QTimer(self, singleShot=True, interval=FLUSH_MS)
        self._flush.timeout.connect(self._flush_when_quiet)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        _routers.add(self)
        scope.destroyed.connect(lambda _o=None: self._uninstall(app))

    def _uninstall(self, app: QObject) -> None:
        if shiboken6.isValid(app) and shiboken6.isValid(self):
            app.removeEventFilter(self)

    # --- the filter --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress or self._replaying:
            return False
        if not isinstance(watched, QWidget) or not shiboken6.isValid(self.scope):
            return False
        assert isinstance(event, QKeyEvent)
        if self._propagated(watched, event):
            return False
        target = self._target(watched)
        if target is None:
            return False
        return self._key(target, event)

    def _propagated(self, watched: QWidget, event: QKeyEvent) -> bool:
        """A key the child ignored comes again for each parent: count it once."""
        mark = (shiboken6.getCppPointer(event)[0], event.key(), event.text())
        last, self._last_event = self._last_event, (*mark, watched)
        if last is None or last[:3] != mark or watched is last[3]:
            return False  # a new key (Qt may reuse the address of the one before)
        return watched.isAncestorOf(last[3])

    def _target(self, watched: QWidget) -> QWidget | None:
        if watched.window().windowType() == Qt.WindowType.Popup:
            watched = QApplication.focusWidget() or watched  # a completer's list
        if not self.scope.isVisible():
            return None
        return watched if self._inside(watched) else None

    def _inside(self, widget: QWidget) -> bool:
        """In the tab, or in a dialog the tab opened (a walk-in form, a question): a badge
        scanned there is the next scan, not a name or an answer."""
        if widget is self.scope or self.scope.isAncestorOf(widget):
            return True
        window = widget.window()
        owner = window.parentWidget() if isinstance(window, QDialog) else None
        return owner is not None and (owner is self.scope or self.scope.isAncestorOf(owner))

    def _key(self, target: QWidget, event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        if key in MODIFIER_KEYS:
            return False  # Shift around a capital letter, between the scanner's keys
        now = self._now(event)
        if key in TERMINATORS and not event.modifiers() & COMMAND_MODIFIERS:
            return self._terminated(target, key, now)
        text = event.text()
        if not text or not text.isprintable() or event.modifiers() & COMMAND_MODIFIERS:
            self.flush()
            return False
        global _last_key_ms
        _last_key_ms = time.monotonic() * 1000
        return self._char(target, event, text, now)

    @staticmethod
    def _now(event: QKeyEvent) -> float:
        """The key's time: the system's stamp where it gives one (keys that waited in the queue
        while the window was busy keep their real spacing), else the time it arrived."""
        return float(event.timestamp()) or time.monotonic() * 1000

    def _char(self, target: QWidget, event: QKeyEvent, text: str, now: float) -> bool:
        run = self._run
        if not 0 <= now - run.last_ms <= self.max_gap_ms:
            self.flush()
            run = self._run
        run.landed_in(target)
        run.chars.append(text)
        run.last_ms = now
        self._keys_seen += 1
        self._flush.start()
        if is_text_input(target):
            return False  # a text field: the key goes on as typed (taken back on a scan)
        run.held.append((target, event.key(), event.modifiers(), text))
        return True

    def _terminated(self, target: QWidget, key: Qt.Key, now: float) -> bool:
        run, tail = self._run, self._fast_tail
        self._fast_tail = None
        is_scan = len(run.chars) >= self.min_chars and 0 <= now - run.last_ms <= self.max_gap_ms
        if not is_scan:
            self.flush()
            self._fast_tail = None
            return False
        widgets = run.widgets()
        box = widgets[0] if len(widgets) == 1 else None
        if isinstance(box, ScanBox) and box.badges and self._box_takes_all(box, run, tail):
            self._reset()
            if key == Qt.Key.Key_Tab:
                box.take()  # a scanner set to end with Tab, typing into the box
                return True
            return False  # Enter: the box takes its whole text itself
        text = run.text()
        self._reset()
        for snapshot in run.snapshots.values():
            snapshot.restore()
        self.routed += 1
        self.route(text)
        return True

    # --- ending a run that was typing ------------------------------------------------------

    def _flush_when_quiet(self) -> None:
        """The timer ran out. Nothing held back: nothing to do (the run ends, or goes on, by
        the time of its next key). Keys held back: those that waited in the queue while the
        window was busy come first (they may continue the run), then the held ones go."""
        if not self._run.held:
            return
        seen = self._keys_seen
        QTimer.singleShot(0, self, lambda: self.flush() if self._keys_seen == seen else None)

    @staticmethod
    def _box_takes_all(box: ScanBox, run: _Run, tail: tuple[int, str] | None) -> bool:
        """A scan typed into the scan box is the box's whole text — unless a person had typed
        something there before it (then the scan alone is routed and their text stays). Text
        left by an earlier fast run (a scanner's keys split by a pause) is the same scan."""
        before = run.snapshots[id(box)].state[0]
        return not before or tail == (id(box), before)

    def flush(self) -> None:
        """The run was a person typing: the keys held back go where they were typed."""
        run = self._run
        held = run.held
        widgets = run.widgets()
        if len(run.chars) > 1 and len(widgets) == 1 and isinstance(widgets[0], ScanBox):
            self._fast_tail = (id(widgets[0]), widgets[0].text())  # may be a split scan
        elif run.chars:
            self._fast_tail = None
        self._reset()
        self._replaying = True
        try:
            for target, key, modifiers, text in held:
                if shiboken6.isValid(target):
                    replay = QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text)
                    QApplication.sendEvent(target, replay)
        finally:
            self._replaying = False

    def _reset(self) -> None:
        self._flush.stop()
        self._run = _Run()

    def pending_keys(self) -> int:
        return len(self._run.chars)


def install(scope: QWidget, route: Callable[[str], None], **options: Any) -> ScannerRouter:
    """The one way a station catches scanner bursts anywhere in its tab."""
    return ScannerRouter(scope, route, **options)
