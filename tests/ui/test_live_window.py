"""Live sync in the window (real Jendela 3 tab, a real `bid-desktop live` process for the
table laptop): stamps made at the table appear on Jendela 3 without a click, the status bar
names the peer and how far behind it is, a new hard conflict on a stamp is announced."""

from __future__ import annotations

from pathlib import Path

import pytest

from bid_desktop.ui.jendela3.tab import Jendela3Tab
from bid_desktop.ui.live import LiveSync
from tests.conftest import make_event_db
from tests.exchange_data import CAMPANG, stamp, with_menu
from tests.exchange_data import j3_db as make_j3
from tests.live.procs import LiveProcess, free_port
from tests.ui.tabs import open_tab, settle_tab
from tests.unit.test_exchange import number_of

EVENT = "0190f000-0000-7000-8000-00000000e315"
pytestmark = pytest.mark.timeout(180)


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


def test_table_stamps_reach_jendela3_live_and_a_hard_conflict_is_announced(qtbot, tmp_path):
    j3 = make_j3(tmp_path / "j3a.sqlite", "J3A", EVENT)
    table = with_menu(make_event_db(tmp_path / "mka1.sqlite", "MKA1", EVENT))
    # the table stamped Campang's A03 with another amount before the laptops met: hard conflict
    stamp(table, [(CAMPANG, "A03", 999_000_000, 2027)])
    peer = LiveProcess(table.path, free_port(), [], tmp_path / "mka1.log").start()
    tab = open_tab(qtbot, Jendela3Tab, j3, 3)
    page = tab.exchange
    page.box.setText(number_of(j3, "Bambang Sutrisno"))  # Kepala Desa of Campang
    page.scan(page.box.text())
    settle_tab(tab)
    assert [r["innovation_code"] for r in page.model.rows] == ["A03"]
    messages: list[str] = []
    tab.ctx.bus.status.connect(messages.append)
    live = LiveSync(tab.ctx, tab, discovery=False)
    try:
        live.start(host="127.0.0.1", port=0, long_poll=2.0)
        qtbot.waitUntil(lambda: live.node is not None, timeout=30000)
        live.add_peer(f"127.0.0.1:{peer.port}")
        qtbot.waitUntil(lambda: any("Konflik keras" in m for m in messages), timeout=60000)
        assert "cap komitmen" in messages[-1] and "MKA1" in messages[-1]
        # a stamp at the table while Jendela 3 looks at Campang: it appears by itself
        stamp(table, [(CAMPANG, "B05", 150_000_000, 2027)])

        def shown() -> bool:
            settle_tab(tab, 1)
            return [r["innovation_code"] for r in page.model.rows] == ["A03", "B05"]

        qtbot.waitUntil(shown, timeout=60000)
        qtbot.waitUntil(lambda: "MKA1" in live.label.text(), timeout=30000)
        live.refresh_label()
        assert "MKA1 tertinggal" in live.label.text()  # the table laptop pulls from no one
    finally:
        live.stop()
        peer.stop()
        j3.dispose()
        table.dispose()


def test_a_second_desk_registrations_reach_the_counters(qtbot, tmp_path):
    from bid_desktop.services.live import LiveNode
    from bid_desktop.ui.registrasi.tab import RegistrasiTab
    from tests.live.procs import add_people

    desk1 = make_event_db(tmp_path / "reg1.sqlite", "REG1", EVENT)
    desk2 = make_event_db(tmp_path / "reg2.sqlite", "REG2", EVENT)
    second = LiveNode(desk2, host="127.0.0.1", long_poll=2.0)  # pulls back from REG1
    tab = open_tab(qtbot, RegistrasiTab, desk1, 3)
    tab._counter_timer.stop()  # only the arrival of versions may refresh them here
    before = tab.counters.counters.registered
    live = LiveSync(tab.ctx, tab, discovery=False)
    try:
        live.start(host="127.0.0.1", port=0, long_poll=2.0)
        qtbot.waitUntil(lambda: live.node is not None, timeout=30000)
        live.add_peer(f"127.0.0.1:{second.port}")
        add_people(desk2, EVENT, "REG2", 4)

        def counted() -> bool:
            settle_tab(tab, 1)
            return tab.counters.counters.registered == before + 4

        qtbot.waitUntil(counted, timeout=60000)
        qtbot.waitUntil(lambda: "REG2 sinkron" in live.label.text(), timeout=30000)
    finally:
        live.stop()
        second.stop()
        desk1.dispose()
        desk2.dispose()


def test_the_switch_turns_live_sync_off_and_is_remembered(qtbot, tmp_path, monkeypatch):
    from bid_desktop.ui import live as live_ui

    monkeypatch.setenv("BID_LIVE", "1")
    assert live_ui.live_enabled()  # on by default for a joined laptop
    db = make_event_db(tmp_path / "reg1.sqlite", "REG1", EVENT)
    tab = open_tab(qtbot, Jendela3Tab, db, 1)
    live = LiveSync(tab.ctx, tab, discovery=False)
    try:
        live.start(host="127.0.0.1", port=0)
        live.start(host="127.0.0.1", port=0)  # a second click while starting: one node
        live.set_enabled(False)  # switched off before the node is up: it is closed
        qtbot.waitUntil(lambda: not live._starting, timeout=30000)
        assert not live_ui.live_enabled() and live.node is None
        assert live.label.text() == "Langsung: mati"
        monkeypatch.setenv("BID_LIVE", "0")
        live_ui.remember_peer("192.168.43.12:8765")
        assert live_ui.typed_peers() == ["192.168.43.12:8765"]
    finally:
        live.stop()
        db.dispose()
