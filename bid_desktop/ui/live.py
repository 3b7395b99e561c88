"""Live sync in the window: starts ``services.live.LiveNode`` (+ DNS-SD) off the GUI thread for
a joined laptop, shows the peers and how far behind each is in the status bar, refreshes the
tabs when versions arrive and announces new hard conflicts.

On by default; one switch (Acara → Sinkron langsung, kept in QSettings: it belongs to this
laptop) turns it off. ``BID_LIVE=0`` in the environment turns it off too (the test suite).
"""

from __future__ import annotations

import os
import threading
from typing import Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from bid_desktop.ui.context import AppContext

ENABLED_KEY = "live/enabled"
PEERS_KEY = "live/peers"


def _settings() -> QSettings:
    return QSettings("BID", "BID Desktop")


def live_enabled() -> bool:
    if os.environ.get("BID_LIVE", "1") == "0":
        return False
    return str(_settings().value(ENABLED_KEY, "1")) != "0"


def typed_peers() -> list[str]:
    value = str(_settings().value(PEERS_KEY, "") or "")
    return [p for p in value.split(",") if p]


def remember_peer(address: str) -> None:
    peers = typed_peers()
    if address not in peers:
        settings = _settings()
        settings.setValue(PEERS_KEY, ",".join([*peers, address]))
        settings.sync()


class LiveSync(QObject):
    """Owns the node; every call returns at once (start/stop run on a plain thread)."""

    news = Signal(object)  # services.live.LiveNews, emitted from a puller thread

    def __init__(self, ctx: AppContext, parent: QWidget, *, discovery: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.discovery_wanted = discovery
        self.node: Any = None
        self.discovery: Any = None
        self._addresses: list[str] | None = None
        self.failed = False
        self._wanted = False
        self._starting = False
        self._lock = threading.Lock()
        self.label = QLabel()
        self.news.connect(self._arrived)
        ctx.bus.data_changed.connect(self._local_change)
        self._timer = QTimer(self, interval=1000)
        self._timer.timeout.connect(self.refresh_label)
        self.refresh_label()

    # --- switching ---------------------------------------------------------------------

    def start(self, **node_args: Any) -> None:
        if self.ctx.station.event_id is None:
            return
        with self._lock:
            self._wanted = True
            if self._starting or self.node is not None:
                return
            self._starting = True
        self.failed = False
        threading.Thread(target=self._start, kwargs=node_args, daemon=True).start()
        self._timer.start()

    def _start(self, **node_args: Any) -> None:
        from bid_desktop.services.live import DEFAULT_PORT, LiveNode

        node_args.setdefault("port", DEFAULT_PORT)
        try:
            node = LiveNode(self.ctx.db, on_news=self.news.emit, **node_args)
        except Exception:  # noqa: BLE001 - a laptop alone works as before
            self.failed = True
            with self._lock:
                self._starting = False
            return
        found = None
        if self.discovery_wanted:
            from bid_desktop.services.live_discovery import start_discovery

            found = start_discovery(node)
        for address in typed_peers():
            node.add_peer(address)
        with self._lock:
            self._starting = False
            keep = self._wanted
            if keep:
                self.node, self.discovery = node, found
        if not keep:  # switched off (or the window closed) while starting
            _close(node, found)

    def stop(self) -> None:
        with self._lock:
            self._wanted = False
            node, found = self.node, self.discovery
            self.node = self.discovery = None
        self._timer.stop()
        self.refresh_label()
        threading.Thread(target=_close, args=(node, found), daemon=True).start()

    def set_enabled(self, on: bool) -> None:
        settings = _settings()
        settings.setValue(ENABLED_KEY, "1" if on else "0")
        settings.sync()
        if on and self.node is None:
            self.start()
        elif not on:
            self.stop()

    def add_peer(self, address: str) -> bool:
        with self._lock:
            node = self.node
        remember_peer(address)
        return bool(node is not None and node.add_peer(address))

    # --- showing -----------------------------------------------------------------------

    def _local_change(self, _area: str) -> None:
        node = self.node
        if node is not None:
            node.nudge()  # peers waiting on this laptop hear of the change at once

    def _arrived(self, news: Any) -> None:
        self.ctx.bus.data_changed.emit("merge")
        self.refresh_label()
        if not news.new_hard_conflicts:
            return
        stamps = sum(1 for _r, entity in news.new_hard_conflicts if entity == "commitment")
        if stamps:
            text = self.tr(
                "Konflik keras baru pada %d cap komitmen (dari %s): periksa di Sinkronisasi"
            ) % (stamps, news.peer)
        else:
            text = self.tr("Konflik keras baru dari %s: %d catatan, periksa di Sinkronisasi") % (
                news.peer,
                len(news.new_hard_conflicts),
            )
        self.label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.ctx.bus.status.emit(text)
        self.ctx.bus.data_changed.emit("conflict")

    def refresh_label(self) -> None:
        with self._lock:
            node = self.node
        if node is None:
            if self.failed:
                self.label.setText(self.tr("Langsung: tidak dapat dimulai"))
            elif self._timer.isActive():
                self.label.setText(self.tr("Langsung: menyiapkan…"))
            else:
                self.label.setText(self.tr("Langsung: mati"))
            self.label.setToolTip("")
            return
        peers = node.statuses()
        if not peers:
            self.label.setText(self.tr("Langsung: mencari laptop lain…"))
        else:
            texts = ", ".join(self._peer_text(p) for p in peers)
            self.label.setText(self.tr("Langsung: %s") % texts)
        lines = [self.tr("Alamat laptop ini: %s") % self._own_addresses(node.port)]
        lines += [f"{p.station or p.address} ({p.address}): {p.reason}" for p in peers if p.reason]
        self.label.setToolTip("\n".join(lines))

    def _own_addresses(self, port: int) -> str:
        if self._addresses is None:
            from bid_desktop.services.live_discovery import local_ipv4

            self._addresses = local_ipv4()
        return ", ".join(f"{ip}:{port}" for ip in self._addresses) or f"port {port}"

    def _peer_text(self, peer: Any) -> str:
        name = peer.station or peer.address
        if peer.state == "terhubung":
            if peer.they_lack:
                return self.tr("%s tertinggal %d") % (name, peer.they_lack)
            return self.tr("%s sinkron") % name
        if peer.state == "ditolak":
            return self.tr("%s ditolak") % name
        if peer.state == "tidak terjangkau":
            return self.tr("%s tak terjangkau") % name
        return self.tr("%s menghubungkan") % name


def _close(node: Any, found: Any) -> None:
    if found is not None:
        found.close()
    if node is not None:
        node.stop()
