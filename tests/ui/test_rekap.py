"""Rekap & Tindak Lanjut tab with real widgets on a real database: a follow-up edited with the
keyboard, the overdue filter, an idea verified, the dashboard, the recap workbook, the TA's
responses imported and the report PDF — each result read back from the database or the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import select

from bid_desktop.domain import ids
from bid_desktop.reports import recap_layout as L
from bid_desktop.services import followup as fu
from bid_desktop.services.events import current_event, update_event
from bid_desktop.storage.models import AuditEntry, Commitment, FollowUp, Idea
from bid_desktop.ui.common import pdf
from bid_desktop.ui.rekap import tab as tab_module
from bid_desktop.ui.rekap.tab import RekapTab
from tests import recap_data
from tests.ui.tabs import open_tab, settle_tab


def settle(tab: RekapTab, rounds: int = 4) -> None:
    settle_tab(tab, rounds)


def make_tab(qtbot, db) -> RekapTab:  # type: ignore[no-untyped-def]
    return open_tab(qtbot, RekapTab, db, 4)


@pytest.fixture
def data(db):  # type: ignore[no-untyped-def]
    built = recap_data.build(db)
    with db.begin() as s:  # the fair was three weeks ago: every follow-up is due
        update_event(s, current_event(s), date=dt.date.today() - dt.timedelta(days=21))
    return built


@pytest.fixture
def opened(monkeypatch) -> list[Path]:  # type: ignore[no-untyped-def]
    paths: list[Path] = []
    monkeypatch.setattr(pdf, "open_pdf", lambda path: paths.append(Path(path)) or True)
    monkeypatch.setattr(tab_module, "open_file", lambda path: paths.append(Path(path)) or True)
    return paths


def overdue_ids(db) -> set[str]:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return {r["id"] for r in fu.followup_page(s, fu.FollowUpFilter(overdue=True)).rows}


def test_edit_followup_with_keyboard_and_overdue_filter(qtbot, db, data) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    page = tab.followups
    assert page.model.rowCount() == 5 and all(r["overdue"] for r in page.model.rows)
    page.view.selectRow(0)
    cid = page.form.commitment_id
    assert cid == page.model.rows[0]["id"]
    form = page.form
    qtbot.keyClicks(form.cb_via.lineEdit(), "PLD Rina")
    form.chk_contacted.setFocus()
    qtbot.keyClick(form.chk_contacted, Qt.Key.Key_Space)
    qtbot.keyClicks(form.ed_obstacles, "Musdes belum dijadwalkan")
    qtbot.keyClicks(form.ed_needs, "Pendampingan RAB")
    form.cb_rab.setCurrentIndex(form.cb_rab.findData("disusun"))
    qtbot.keyClick(form.ed_needs, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(tab)
    with db.begin() as s:
        record = s.get(FollowUp, ids.followup_id(cid))
        assert record is not None
        assert (record.contact_via, record.contacted_at) == ("PLD Rina", dt.date.today())
        assert (record.obstacles, record.needs) == ("Musdes belum dijadwalkan", "Pendampingan RAB")
        assert (record.rab_status, record.status) == ("disusun", "RAB disusun")
        assert s.scalars(select(AuditEntry).where(AuditEntry.record_id == record.id)).one()
    assert form.lbl_error.text() == ""
    qtbot.mouseClick(page.chk_overdue, Qt.MouseButton.LeftButton)
    settle(tab)
    shown = {r["id"] for r in page.model.rows}
    assert shown == overdue_ids(db) and len(shown) == 4 and cid not in shown
    page.cb_bursa.setCurrentIndex(page.cb_bursa.findData("A"))
    settle(tab)
    with db.begin() as s:
        bursa_a = fu.followup_page(s, fu.FollowUpFilter(bursa="A", overdue=True)).total
    assert page.model.rowCount() == bursa_a == 1


def test_followup_refused_date_shows_error(qtbot, db, data) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    form = tab.followups.form
    tab.followups.view.selectRow(1)
    form.chk_contacted.setChecked(True)
    form.ed_contacted.setDate(form.ed_contacted.date().addDays(5))  # in the future
    form.submit()
    settle(tab)
    assert "Tanggal dihubungi" in form.lbl_error.text()
    with db.begin() as s:
        assert s.scalars(select(FollowUp)).first() is None


def test_verify_idea_page(qtbot, db, data) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    tab.pages.setCurrentWidget(tab.ideas)
    settle(tab)
    page = tab.ideas
    assert page.model.rowCount() == 2
    page.view.selectRow(0)
    iid = page.form.idea_id
    for box in (page.form.cb_done, page.form.cb_results, page.form.cb_feasible):
        box.setCurrentIndex(box.findData("Ya"))
    qtbot.keyClicks(page.form.ed_notes, "Dicek ke lokasi")
    qtbot.keyClick(page.form.ed_notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(tab)
    with db.begin() as s:
        idea = s.get(Idea, iid)
        assert (idea.verified_really_done, idea.verified_has_results, idea.verified_feasible) == (
            True,
            True,
            True,
        )
        assert idea.verification_notes == "Dicek ke lokasi" and idea.verified_at is not None
    assert page.model.rows[0]["verification"] == "layak"


def test_dashboard_recap_import_and_report(qtbot, db, data, tmp_path, opened) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    tab.pages.setCurrentWidget(tab.dashboard)
    settle(tab)
    summary = tab.dashboard.summary
    assert summary is not None and (summary.commitments, summary.amount) == (5, 450_000_000)
    assert [b.value for b in tab.dashboard.chart_bursa.bars] == [275e6, 135e6, 40e6]
    assert tab.dashboard.chart_top.bars[0].label.startswith("C03")
    # the indicator: desa whose designated woman representative attended, of all desa
    assert tab.dashboard.chart_women.part == 3 and tab.dashboard.chart_women.whole == 9
    tab.write_recap(tmp_path / "rekap.xlsx")
    settle(tab)
    assert opened == [tmp_path / "rekap.xlsx"] and tab.last_recap == opened[0]
    wb = load_workbook(opened[0])
    ws = wb[L.COMMITMENT_SHEET]
    assert ws.max_row == 7
    ws["M2"].value = "Layak"  # Tanggapan/Penilaian
    ws["I3"].value = 1  # Perkiraan Anggaran: the application's column
    wb.save(opened[0])
    tab.import_recap(opened[0])
    settle(tab)
    assert "1 baris diperbarui" in tab.lbl_info.text()
    assert "1 suntingan di kolom yang diisi aplikasi tidak diimpor" in tab.lbl_info.text()
    assert "baris 3, kolom Perkiraan Anggaran (Rp)" in tab.lbl_info.toolTip()
    with db.begin() as s:
        assert s.scalars(select(Commitment.ta_response).where(Commitment.id == ws["P2"].value)).one() == "Layak"  # fmt: skip
    tab.write_report(tmp_path / "laporan.pdf")
    settle(tab)
    assert opened[-1] == tmp_path / "laporan.pdf"
    text = "".join(p.extract_text() for p in pypdf.PdfReader(str(opened[-1])).pages)
    assert "Laporan Bursa Inovasi Desa" in text and "Rp450.000.000" in text


def test_followup_list_and_form_show_who_to_call(qtbot, db, data) -> None:  # type: ignore[no-untyped-def]
    from tests.unit.test_followup_contacts import _people

    _people(db)
    tab = make_tab(qtbot, db)
    page = tab.followups
    settle(tab)
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    kades, pd = headers.index("Kepala Desa · HP"), headers.index("PD/PLD")
    shown = {
        model.data(model.index(r, kades)): model.data(model.index(r, pd))
        for r in range(model.rowCount())
    }
    assert shown["Suyanto · 081200000001"] == "Hendra Gunawan (PD, 081300000002)"
    assert shown["Bambang Sutrisno"] == "Wulan Sari (PLD)"
    row = next(r for r in model.rows if r["kepala_desa"] == "Suyanto")
    page.form.show_row(row)
    head = page.form.lbl_head.text()
    assert "Kepala Desa: Suyanto (081200000001)" in head and "PD/PLD: Hendra Gunawan" in head


def test_due_dates_over_estimated_holidays_are_marked(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    recap_data.build(db)
    with db.begin() as s:  # a fair in 2028: no SKB yet, Idul Fitri estimated for 27-28 Feb
        update_event(s, current_event(s), date=dt.date(2028, 2, 24))
    tab = make_tab(qtbot, db)
    settle(tab)
    page = tab.followups
    model = page.model
    assert {r["due_text"] for r in model.rows} == {"03-03-2028*"}
    assert "perkiraan: libur tahun 2028 belum ditetapkan" in page.list.lbl_extra.text()
