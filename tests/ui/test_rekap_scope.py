"""The TA's scope in the window (issue 13): a TA database with three fairs opens on "every
event"; choosing events in the Rekap tab's "Cakupan" menu narrows the follow-up list, the
idea list and the dashboard, and the status bar and window title name the scope."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from bid_desktop.services.sync import import_packages, join_event
from bid_desktop.storage.db import Database, open_database
from bid_desktop.ui.app import build_window
from bid_desktop.ui.rekap.tab import RekapTab
from tests.conftest import save_screenshot
from tests.ta_data import Fair, build_fairs


@pytest.fixture(scope="module")
def ta_path(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Fair]]:
    folder = tmp_path_factory.mktemp("ta-ui")
    fairs = build_fairs(folder / "fairs")
    path = folder / "ta.sqlite"
    join_event(path, fairs[0].packages[0], "TA", fairs[0].passphrase, "rekap")
    db = open_database(path)
    try:
        packages = [p for f in fairs for p in f.packages]
        import_packages(db, packages, passphrases=[f.passphrase for f in fairs])
    finally:
        db.dispose()
    return path, fairs


@pytest.fixture
def ta_db(ta_path: tuple[Path, list[Fair]], tmp_path: Path) -> tuple[Database, list[Fair]]:
    import shutil

    copy = tmp_path / "ta.sqlite"
    shutil.copyfile(ta_path[0], copy)
    db = open_database(copy)
    yield db, ta_path[1]  # type: ignore[misc]
    db.dispose()


def _settle(window) -> None:  # type: ignore[no-untyped-def]
    for _ in range(6):
        window.ctx.tasks.wait()
        QApplication.processEvents()


def test_scope_narrows_every_page_and_is_named(qtbot, ta_db) -> None:  # type: ignore[no-untyped-def]
    db, fairs = ta_db
    window = build_window(db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    _settle(window)
    assert "Semua acara (3)" in window.lbl_event.text()
    assert "Semua acara (3)" in window.windowTitle()
    tab = window.tab_by_role["rekap"]
    assert isinstance(tab, RekapTab)
    _settle(window)
    assert tab.btn_scope.isVisible() and "Semua acara (3)" in tab.btn_scope.text()
    assert tab.followups.model.rowCount() == sum(f.commitments for f in fairs)
    tab.btn_scope._fill()  # the menu lists every event, "every event" ticked
    actions = [a for a in tab.btn_scope.menu_.actions() if a.isCheckable()]
    assert [a.isChecked() for a in actions] == [True, False, False, False]
    one = fairs[1]
    tab.btn_scope.toggle_event(one.event_id, True)
    _settle(window)
    assert window.ctx.scope == (one.event_id,)
    assert f"Kecamatan {one.kecamatan}" in window.lbl_event.text()
    assert f"Kecamatan {one.kecamatan}" in window.windowTitle()
    assert f"Kecamatan {one.kecamatan}" in tab.btn_scope.text()
    rows = tab.followups.model.rows
    assert len(rows) == one.commitments and {r["kecamatan_name"] for r in rows} == {one.kecamatan}
    counts = tab.followups.list.lbl_extra.text()
    assert f"belum dihubungi: {one.commitments}" in counts  # the scope's counts
    tab.followups.ed_text.setText("zzz")  # typing: the list narrows, the counts still hold
    tab.followups._typed()
    _settle(window)
    assert tab.followups.model.rowCount() == 0
    assert tab.followups.list.lbl_extra.text() == counts
    tab.followups.ed_text.setText("")
    tab.followups._typed()
    _settle(window)
    tab.pages.setCurrentWidget(tab.ideas)
    _settle(window)
    assert [r["kecamatan_name"] for r in tab.ideas.model.rows] == [one.kecamatan]
    tab.pages.setCurrentWidget(tab.dashboard)
    tab.refresh_dashboard()
    _settle(window)
    shown = tab.dashboard.summary
    assert (shown.commitments, shown.amount, len(shown.desa)) == (
        one.commitments,
        one.amount,
        one.desa,
    )
    assert one.name in tab.dashboard.lbl_title.text()
    assert not tab.dashboard.kabupaten.isVisible()  # one event: no summary per kecamatan
    tab.btn_scope.toggle_event(fairs[2].event_id, True)  # several
    _settle(window)
    assert window.ctx.scope == tuple(sorted((one.event_id, fairs[2].event_id)))
    assert "2 acara: " in window.lbl_event.text()
    _settle(window)
    assert tab.dashboard.summary.amount == one.amount + fairs[2].amount
    table = tab.dashboard.kabupaten
    assert table.isVisible()
    rows = {r["kecamatan"]: r for r in table.model_.rows}
    assert set(rows) == {one.kecamatan, fairs[2].kecamatan}
    for fair in (one, fairs[2]):
        row = rows[fair.kecamatan]
        assert (row["desa"], row["women_present"]) == (f"3 / {fair.desa}", 3)
        assert (row["commitments"], row["amount"], row["ideas"]) == (
            fair.commitments,
            fair.amount,
            1,
        )
    assert tab.dashboard.chart_desa.title.startswith("Rp komitmen per kecamatan")
    save_screenshot(window, "rekap-dasbor-kabupaten")
    tab.pages.setCurrentWidget(tab.followups)
    _settle(window)
    assert tab.followups.model.rowCount() == one.commitments + fairs[2].commitments
    save_screenshot(window, "rekap-scope")
    tab.btn_scope._fill()
    every = tab.btn_scope.menu_.actions()[0]
    every.trigger()
    _settle(window)
    assert window.ctx.scope == () and "Semua acara (3)" in window.lbl_event.text()
    assert tab.followups.model.rowCount() == sum(f.commitments for f in fairs)


def test_import_page_asks_a_new_events_passphrase_once(
    qtbot, ta_path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    from tests.ui.sinkronisasi_helpers import make_tab, settle

    _path, fairs = ta_path
    target = tmp_path / "ta2.sqlite"
    join_event(target, fairs[0].packages[0], "TA", fairs[0].passphrase, "rekap")
    db = open_database(target)
    asked: list[str] = []

    def answer(_parent, _title, label, *_args, **_kw):  # type: ignore[no-untyped-def]
        asked.append(label)
        return fairs[1].passphrase, True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    try:
        tab = make_tab(qtbot, db)
        tab.show_page(1)
        page = tab.import_page
        page.set_files(fairs[1].packages)  # the preview starts itself: asked here, once
        settle(tab)
        assert len(asked) == 1 and fairs[1].packages[0].name in asked[0]
        assert page.preview is not None
        page.btn_merge.click()  # the passphrase is not asked again for the merge
        settle(tab)
        assert len(asked) == 1
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM event").scalar_one() == 2
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM event_key").scalar_one() == 1
        page.passphrases = []  # a later session: the key is kept, nothing asked
        page.set_files(fairs[1].packages)
        settle(tab)
        assert len(asked) == 1 and page.preview is not None
    finally:
        db.dispose()


def test_ta_export_page_writes_one_package_per_event_of_the_scope(
    qtbot, ta_db, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """For the province: the export page of a TA database writes one package per event of
    the scope, each merging into a fresh TA database with the event's versions."""
    from bid_desktop.services.sync_events import read_event_id
    from tests.ui.sinkronisasi_helpers import make_tab, settle

    db, fairs = ta_db
    tab = make_tab(qtbot, db)
    tab.ctx.set_scope((fairs[0].event_id, fairs[2].event_id))
    usb = tmp_path / "provinsi"
    usb.mkdir()
    page = tab.export_page
    page.ed_folder.setText(str(usb))
    page.btn_export.click()
    settle(tab)
    written = sorted(usb.glob("*.bidsync"))
    assert sorted(read_event_id(p) for p in written) == sorted(
        (fairs[0].event_id, fairs[2].event_id)
    )
    assert "2 paket acara ditulis" in page.feedback.text()
    assert [p.path for p in sorted(page.last_packages, key=lambda p: p.path)] == written
    province = tmp_path / "prov.sqlite"
    first = next(f for f in fairs if f.event_id == read_event_id(written[0]))
    join_event(province, written[0], "TAPROV", first.passphrase, "rekap")
    prov = open_database(province)
    try:
        import_packages(prov, written, passphrases=[f.passphrase for f in fairs])
        with prov.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM event").scalar_one() == 2
            got = conn.exec_driver_sql("SELECT COUNT(*) FROM commitment").scalar_one()
        assert got == fairs[0].commitments + fairs[2].commitments
    finally:
        prov.dispose()


def test_sinkronisasi_review_follows_the_scope(qtbot, ta_db) -> None:  # type: ignore[no-untyped-def]
    """A namesake registered twice in fair 1: the Duplikat page and its count show it in a
    scope holding fair 1 only; the tab has the same Cakupan button."""
    from sqlalchemy import select

    from bid_desktop.domain import ids
    from bid_desktop.storage.models import Participant
    from tests.ui.sinkronisasi_helpers import make_tab, settle

    db, fairs = ta_db
    with db.begin() as s:
        twin = s.scalars(select(Participant).where(Participant.event_id == fairs[1].event_id)
                         .order_by(Participant.id)).first()  # fmt: skip
        assert twin is not None
        s.add(Participant(id=ids.natural_id("twin", twin.id), event_id=twin.event_id,
                          number="TA-0001", name=twin.name, jabatan=twin.jabatan,
                          gender=twin.gender, desa_code=twin.desa_code, category=twin.category))  # fmt: skip
    tab = make_tab(qtbot, db)
    assert tab.btn_scope.isVisible()
    tab.show_page(4)
    settle(tab)
    assert tab.pages.tabText(4).endswith("(1)") and len(tab.duplicates_page.model.rows) == 1
    tab.btn_scope.toggle_event(fairs[0].event_id, True)  # only fair 0
    settle(tab)
    assert tab.pages.tabText(4).endswith("(0)") and tab.duplicates_page.model.rows == []
    tab.btn_scope.toggle_event(fairs[1].event_id, True)  # fairs 0 and 1
    settle(tab)
    assert tab.pages.tabText(4).endswith("(1)") and len(tab.duplicates_page.model.rows) == 1
    assert tab.pages.tabText(3).endswith("(0)")  # no conflicts
