"""Sinkronisasi tab, conflict and duplicate review through the widgets; the decisions are
checked in the database (resolution version, link record, voided duplicate, audit)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from bid_desktop.storage.models import AuditEntry, DuplicateLink, Participant
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.sinkronisasi import conflicts_page, duplicates_page
from tests.conftest import make_event_db, save_screenshot
from tests.sync.helpers import conflicts, merge_from, state
from tests.ui.sinkronisasi_helpers import EVENT, PIN, make_tab, settle, walkin


@pytest.fixture
def pair(tmp_path: Path):  # type: ignore[no-untyped-def]
    a = make_event_db(tmp_path / "reg1.sqlite", "REG1", EVENT)
    b = make_event_db(tmp_path / "reg2.sqlite", "REG2", EVENT)
    yield a, b
    a.dispose()
    b.dispose()


def pin_answers(monkeypatch, module, *answers: str | None) -> list[str]:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    queue = list(answers)

    def ask(_parent, action: str) -> str | None:  # type: ignore[no-untyped-def]
        asked.append(action)
        return queue.pop(0)

    monkeypatch.setattr(module, "ask_pin", ask)
    return asked


def hard_conflict(a, b, folder: Path) -> str:  # type: ignore[no-untyped-def]
    """The same person's phone changed differently on two laptops; jabatan on one only."""
    pid = walkin(a, "REG1-0001", "Siti Aminah")
    merge_from(b, a, folder=folder)
    with a.begin() as s:
        s.get(Participant, pid).phone = "+628111111111"
    with b.begin() as s:
        person = s.get(Participant, pid)
        person.phone = "+628222222222"
        person.jabatan = "Sekretaris Desa"
    merge_from(a, b, folder=folder)
    merge_from(b, a, folder=folder)
    return pid


def table_text(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_resolve_a_hard_conflict_by_choosing_a_side(qtbot, pair, tmp_path, monkeypatch):
    a, b = pair
    pid = hard_conflict(a, b, tmp_path)
    tab = make_tab(qtbot, a)
    tab.show_page(3)
    settle(tab)
    page = tab.conflicts_page
    assert tab.pages.tabText(3) == "Konflik (1)"
    [row] = page.model.rows
    assert row["kind"] == "hard" and row["record_id"] == pid
    assert "Peserta: REG1-0001 · Siti Aminah" in page.lbl_record.text()
    cells = {r[0]: r for r in table_text(page.table)}
    assert set(cells) == {"Telepon", "Jabatan"}  # only the fields that differ
    assert page.table.item(0, 0).background().color().name() in ("#fdecea", "#fff4e0")
    phone_row = [
        i for i in range(page.table.rowCount()) if page.table.item(i, 0).text() == "Telepon"
    ]
    assert page.table.item(phone_row[0], 0).background().color().name() == "#fdecea"
    assert len(page.side_buttons) == 2
    save_screenshot(tab, "sinkronisasi-konflik")

    # take the side of the head that has REG1's phone (whichever rank it has)
    heads = page.detail["heads"]
    phones = {r["field"]: r for r in page.detail["fields"]}["phone"]["values"]
    chosen = phones.index("+628111111111")
    jabatan = {r["field"]: r for r in page.detail["fields"]}["jabatan"]["values"][chosen]
    asked = pin_answers(monkeypatch, conflicts_page, "000000", PIN)
    page.side_buttons[chosen].click()
    settle(tab)
    assert page.feedback.tone is Tone.ERROR and "PIN" in page.feedback.text()
    assert len(conflicts(a)) == 1  # wrong PIN: nothing recorded
    page.side_buttons[chosen].click()
    settle(tab)
    assert asked == ["menyelesaikan konflik"] * 2
    assert page.feedback.tone is Tone.OK
    assert conflicts(a) == []
    with a.begin() as s:
        person = s.get(Participant, pid)
        # a side is taken whole (sync.md law 7): REG1's jabatan too, not REG2's correction
        assert person.phone == "+628111111111" and person.jabatan == jabatan != "Sekretaris Desa"
        [entry] = s.scalars(select(AuditEntry).where(AuditEntry.action == "conflict.resolved"))
        assert entry.record_id == pid
    with a.engine.connect() as c:
        resolution = c.exec_driver_sql(
            "SELECT v.version_id FROM version v WHERE v.record_id = ? AND v.station = 'REG1' "
            "ORDER BY v.hlc DESC LIMIT 1",
            (pid,),
        ).scalar_one()
        parents = {
            p
            for (p,) in c.exec_driver_sql(
                "SELECT parent_id FROM version_parent WHERE version_id = ?", (resolution,)
            )
        }
    assert parents == {h["version_id"] for h in heads}
    assert page.model.rows == []
    qtbot.waitUntil(lambda: settle(tab) or tab.pages.tabText(3) == "Konflik (0)")
    merge_from(b, a, folder=tmp_path)  # the resolution replicates
    assert conflicts(b) == [] and state(a) == state(b)


def test_delete_against_edit_shows_dihapus(qtbot, pair, tmp_path, monkeypatch):
    a, b = pair
    pid = walkin(a, "REG1-0001", "Wayan")
    merge_from(b, a, folder=tmp_path)
    with a.begin() as s:
        s.delete(s.get(Participant, pid))
    with b.begin() as s:
        s.get(Participant, pid).phone = "+628133333333"
    merge_from(a, b, folder=tmp_path)
    tab = make_tab(qtbot, a)
    tab.show_page(3)
    settle(tab)
    page = tab.conflicts_page
    rows = table_text(page.table)
    assert rows[0][0] == "dihapus"
    assert sorted(rows[0][2:4]) == ["dihapus", "tidak dihapus"]
    assert "dihapus" in page.model.data(page.model.index(0, 2))
    save_screenshot(tab, "sinkronisasi-konflik-dihapus")
    deleted_head = next(i for i, h in enumerate(page.detail["heads"]) if h["deleted"])
    pin_answers(monkeypatch, conflicts_page, PIN)
    page.side_buttons[deleted_head].click()
    settle(tab)
    assert conflicts(a) == []
    with a.begin() as s:
        assert s.get(Participant, pid) is None


def test_link_a_duplicate_pair_through_the_ui(qtbot, pair, tmp_path, monkeypatch):
    a, b = pair
    p1 = walkin(a, "REG1-0001", "Bapak Budi Santoso", phone="+628121212121", checked=True)
    p2 = walkin(b, "REG2-0001", "budi santoso")
    merge_from(a, b, folder=tmp_path)
    tab = make_tab(qtbot, a)
    changed: list[str] = []
    tab.ctx.bus.data_changed.connect(changed.append)
    tab.show_page(4)
    settle(tab)
    page = tab.duplicates_page
    assert tab.pages.tabText(4) == "Duplikat (1)"
    [group] = page.model.rows
    assert group["ids"] == sorted([p1, p2])
    cells = {r[0]: r[1:] for r in table_text(page.table)}
    assert sorted(cells["Nomor"]) == ["REG1-0001", "REG2-0001"]
    assert page.table.item(list(cells).index("Telepon"), 1).background().color().name() == "#fff4e0"
    save_screenshot(tab, "sinkronisasi-duplikat")

    pin_answers(monkeypatch, duplicates_page, None)  # the operator closes the PIN box
    page.btn_same.click()
    settle(tab)
    with a.begin() as s:
        assert s.scalars(select(DuplicateLink)).all() == []
    pin_answers(monkeypatch, duplicates_page, PIN)
    page.btn_same.click()
    settle(tab)
    survivor, loser = min(p1, p2), max(p1, p2)
    with a.begin() as s:
        [link] = s.scalars(select(DuplicateLink)).all()
        assert json.loads(link.participant_ids) == [survivor, loser]
        assert link.survivor_id == survivor and not link.not_duplicate
        assert s.get(Participant, loser).voided and not s.get(Participant, survivor).voided
        assert s.get(Participant, survivor).checked_in_at is not None
    assert page.feedback.tone is Tone.OK and "participant" in changed
    assert page.model.rows == []
    qtbot.waitUntil(lambda: settle(tab) or tab.pages.tabText(4) == "Duplikat (0)")


def test_not_the_same_person_is_recorded_behind_the_pin(qtbot, pair, tmp_path, monkeypatch):
    a, _b = pair
    p1 = walkin(a, "REG1-0001", "Siti", phone="+628111111111")
    p2 = walkin(a, "REG1-0002", "Siti Rahma", phone="+628111111111")
    tab = make_tab(qtbot, a)
    tab.show_page(4)
    settle(tab)
    page = tab.duplicates_page
    assert "telepon" in page.lbl_group.text()
    pin_answers(monkeypatch, duplicates_page, "999999")
    page.btn_different.click()
    settle(tab)
    assert page.feedback.tone is Tone.ERROR
    pin_answers(monkeypatch, duplicates_page, PIN)
    page.btn_different.click()
    settle(tab)
    with a.begin() as s:
        [link] = s.scalars(select(DuplicateLink)).all()
        assert link.not_duplicate and json.loads(link.participant_ids) == sorted([p1, p2])
        assert not s.get(Participant, p1).voided and not s.get(Participant, p2).voided
    assert page.model.rows == []


def test_keyboard_only_conflict_resolution(qtbot, pair, tmp_path, monkeypatch):
    """Alt+4 opens the conflict page, ↓ picks the conflict, F8 takes version 2."""
    a, b = pair
    pid = hard_conflict(a, b, tmp_path)
    tab = make_tab(qtbot, a)
    tab.activateWindow()
    qtbot.waitActive(tab)
    qtbot.keyClick(tab, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    settle(tab)
    page = tab.conflicts_page
    assert tab.pages.currentWidget() is page and page.view.hasFocus()
    phones = {r["field"]: r for r in page.detail["fields"]}["phone"]["values"]
    pin_answers(monkeypatch, conflicts_page, PIN)
    qtbot.keyClick(page.view, Qt.Key.Key_F8)  # a button's shortcut animates a click first
    qtbot.waitUntil(lambda: settle(tab) or conflicts(a) == [])
    with a.begin() as s:
        assert s.get(Participant, pid).phone == phones[1]


def test_soft_conflict_only_needs_confirming(qtbot, pair, tmp_path, monkeypatch):
    a, b = pair
    pid = walkin(a, "REG1-0001", "Siti Aminah")
    merge_from(b, a, folder=tmp_path)
    with a.begin() as s:
        s.get(Participant, pid).phone = "+628111111111"
    with b.begin() as s:
        s.get(Participant, pid).institution = "BPD"
    merge_from(a, b, folder=tmp_path)
    tab = make_tab(qtbot, a)
    tab.show_page(3)
    settle(tab)
    page = tab.conflicts_page
    [row] = page.model.rows
    assert row["kind"] == "soft" and "konflik ringan" in page.lbl_record.text()
    assert page.side_buttons == [] and "Terima" in page.btn_keep.text()
    pin_answers(monkeypatch, conflicts_page, PIN)
    page.btn_keep.click()
    settle(tab)
    assert conflicts(a) == []
    with a.begin() as s:
        person = s.get(Participant, pid)
        assert (person.phone, person.institution) == ("+628111111111", "BPD")


def test_amounts_in_conflict_review_are_rupiah(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    """Two tables stamped the same commitment with different amounts: Rp, not 150000000."""
    from bid_desktop.services.commitments import StampInput, stamp_commitment
    from tests.exchange_data import with_menu

    a = with_menu(make_event_db(tmp_path / "mka1.sqlite", "MKA1", EVENT))
    b = with_menu(make_event_db(tmp_path / "mka2.sqlite", "MKA2", EVENT))
    try:
        for db, amount in ((a, 150_000_000), (b, 175_500_000)):
            with db.begin() as s:
                stamp_commitment(s, StampInput("18.06.20.2001", "A01", amount, 2027))
        merge_from(a, b, folder=tmp_path)
        tab = make_tab(qtbot, a)
        tab.show_page(3)
        settle(tab)
        page = tab.conflicts_page
        assert page.model.rows, "a conflict on the amount"
        shown = [cell for row in table_text(page.table) for cell in row]
        assert "Rp150.000.000" in shown and "Rp175.500.000" in shown
        assert "150000000" not in shown
    finally:
        a.dispose()
        b.dispose()
