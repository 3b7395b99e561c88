"""Follow-up of commitments and verification of ideas: due dates over Indonesian holidays,
SQL filters and the overdue view, saves that merge (natural id) and are audited."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lokal import count_working_days, holidays_on, is_working_day
from sqlalchemy import select

from bid_desktop.domain import ids
from bid_desktop.domain.workdays import followup_due
from bid_desktop.services import followup as fu
from bid_desktop.services.errors import UserError
from bid_desktop.storage.models import AuditEntry, FollowUp, Idea
from tests import recap_data

AFTER = dt.date(2026, 12, 10)  # 15 days after the event: every follow-up is due by then


def test_due_date_skips_christmas_holidays() -> None:
    # Mon 21 Dec 2026: 24 Dec is cuti bersama, 25 Dec Kelahiran Yesus Kristus (libur nasional).
    assert [h.type for h in holidays_on("2026-12-24")] == ["cuti_bersama"]
    assert [h.type for h in holidays_on("2026-12-25")] == ["libur_nasional"]
    assert followup_due(dt.date(2026, 12, 21)) == dt.date(2026, 12, 30)
    # without holidays it would be Mon 28 Dec: five weekdays
    assert followup_due(dt.date(2026, 12, 14)) == dt.date(2026, 12, 21)


def test_due_date_over_idulfitri_and_nyepi() -> None:
    # Tue 17 Mar 2026: Nyepi 18-19, Idulfitri 20-24 (libur + cuti bersama), weekend 21-22.
    assert followup_due(dt.date(2026, 3, 17)) == dt.date(2026, 3, 31)


def test_due_date_in_a_year_without_decree_counts_weekdays() -> None:
    assert followup_due(dt.date(2030, 1, 4)) == dt.date(2030, 1, 11)  # Fri → next Fri


@pytest.fixture
def data(db):  # type: ignore[no-untyped-def]
    return recap_data.build(db)


def test_list_has_every_live_commitment_with_due_date(db, data) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        page = fu.followup_page(s, today=AFTER)
    assert page.total == len(data.commitment_ids) == 5
    assert data.voided_id not in {r["id"] for r in page.rows}
    assert {r["due_date"] for r in page.rows} == {dt.date(2026, 12, 2)}  # Wed 25 Nov + 5
    assert all(r["status"] == fu.NOT_CONTACTED and r["overdue"] for r in page.rows)
    with db.begin() as s:
        assert fu.followup_page(s, today=dt.date(2026, 12, 2)).rows[0]["overdue"] is False


def test_filters_in_sql(db, data) -> None:  # type: ignore[no-untyped-def]
    def total(**kw) -> int:  # type: ignore[no-untyped-def]
        with db.begin() as s:
            return fu.followup_page(s, fu.FollowUpFilter(**kw), today=AFTER).total

    assert total(desa_code="18.06.20.2001") == 2
    assert total(bursa="A") == 2
    assert total(bursa="B", desa_code="18.06.20.2005") == 1
    assert total(kecamatan_code="18.06.20") == 5
    assert total(kecamatan_code="18.06.21") == 0
    assert total(text="air bersih") == 2
    assert total(overdue=True) == 5
    assert total(status="dihubungi") == 0


def test_save_followup_derives_status_and_audits(db, data) -> None:  # type: ignore[no-untyped-def]
    cid = data.commitment_ids[0]
    form = fu.FollowUpForm(
        contact_via="PLD Rina (WhatsApp)",
        contacted_at=dt.date(2026, 12, 1),
        obstacles="Musdes belum dijadwalkan",
        needs="Pendampingan RAB",
        rab_status="disusun",
    )
    with db.begin() as s:
        row = fu.save_followup(s, cid, form, today=AFTER)
    assert (row["status"], row["overdue"]) == ("RAB disusun", False)
    with db.begin() as s:
        record = s.get(FollowUp, ids.followup_id(cid))
        assert record is not None and record.due_date == dt.date(2026, 12, 2)
        assert (record.contact_via, record.needs) == ("PLD Rina (WhatsApp)", "Pendampingan RAB")
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.record_id == record.id))
        assert list(actions) == ["followup.create"]
        counts = fu.status_counts(s, today=AFTER)
        assert (counts["RAB disusun"], counts["terlambat"]) == (1, 4)
        assert fu.followup_page(s, fu.FollowUpFilter(overdue=True), today=AFTER).total == 4
    form.in_rkp_desa, form.realised = True, True
    with db.begin() as s:
        assert fu.save_followup(s, cid, form, today=AFTER)["status"] == "terealisasi"
        fu.save_followup(s, cid, form, today=AFTER)  # unchanged: no second audit entry
    form.status = "batal"
    with db.begin() as s:
        assert fu.save_followup(s, cid, form, today=AFTER)["status"] == "batal"
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "followup")))
        assert actions.count("followup.update") == 2


def test_save_followup_refuses_bad_input(db, data) -> None:  # type: ignore[no-untyped-def]
    cid = data.commitment_ids[1]
    with pytest.raises(UserError, match="Tanggal dihubungi"), db.begin() as s:
        fu.save_followup(s, cid, fu.FollowUpForm(contacted_at=dt.date(2026, 11, 1)), today=AFTER)
    with pytest.raises(UserError, match="dibatalkan"), db.begin() as s:
        fu.save_followup(s, data.voided_id, fu.FollowUpForm(), today=AFTER)
    with pytest.raises(UserError, match="Status"), db.begin() as s:
        fu.save_followup(s, cid, fu.FollowUpForm(status="selesai?"), today=AFTER)
    with db.begin() as s:
        assert s.get(FollowUp, ids.followup_id(cid)) is None


def test_verify_idea(db, data) -> None:  # type: ignore[no-untyped-def]
    iid = data.idea_ids[0]
    with db.begin() as s:
        assert fu.idea_page(s, fu.IdeaFilter(verified="belum")).total == 2
        row = fu.verify_idea(
            s, iid, fu.VerificationForm(True, True, True, "Dicek ke lokasi"), today=AFTER
        )
    assert row["verification"] == fu.FEASIBLE
    with db.begin() as s:
        idea = s.get(Idea, iid)
        assert (idea.verified_really_done, idea.verified_feasible) == (True, True)
        assert idea.verified_at == AFTER and idea.verification_notes == "Dicek ke lokasi"
        assert fu.idea_page(s, fu.IdeaFilter(verified="sudah")).total == 1
        assert fu.idea_page(s, fu.IdeaFilter(text="lele")).total == 1
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "idea.verify")).one()
    with pytest.raises(UserError, match="masa depan"), db.begin() as s:
        fu.verify_idea(s, iid, fu.VerificationForm(verified_at=AFTER), today=dt.date(2026, 12, 1))


@settings(max_examples=50, deadline=None)
@given(st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2027, 12, 20)))
def test_due_date_is_the_fifth_working_day_after(event_day: dt.date) -> None:
    due = followup_due(event_day)
    assert due > event_day and is_working_day(due)
    assert count_working_days(event_day + dt.timedelta(days=1), due) == 5
