"""Registration services on a real SQLite file: search, scan/check-in, kit, walk-ins,
corrections (versions), voids (PIN, reason, audit) and the live counters."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bid_desktop.services import counters
from bid_desktop.services import registration as reg
from bid_desktop.services.audit import DEFAULT_PIN
from bid_desktop.services.errors import UserError
from bid_desktop.services.events import current_event
from bid_desktop.services.registration_forms import (
    FieldError,
    ParticipantForm,
    correct_participant,
    form_of,
    register_walkin,
)
from bid_desktop.storage.models import AuditEntry, Participant, StationState
from bid_desktop.sync.history import history_of
from tests.conftest import make_event_db
from tests.registration_data import add_invitees

AT = dt.datetime(2026, 11, 25, 8, 12)


@pytest.fixture
def numbers(db) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return add_invitees(db)


def _event(db) -> str:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return current_event(s).id


def _person(db, number: str) -> Participant:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return s.scalars(select(Participant).where(Participant.number == number)).one()


def test_search_by_fragments_and_exact_number_first(db, numbers):
    ev = _event(db)
    with db.begin() as s:
        assert {r["name"] for r in reg.search_participants(s, ev, "siti").rows} == {
            "Siti Aminah",
            "Siti Rahayu",
        }
        banjar = reg.search_participants(s, ev, "SITI banjar")
        assert [r["name"] for r in banjar.rows] == ["Siti Aminah"]
        assert banjar.rows[0]["desa_name"] == "Banjar Manis"
        kades = reg.search_participants(s, ev, "kepala desa")
        assert kades.total == 3 and len(kades.rows) == 3
        paged = reg.search_participants(s, ev, "", limit=4)
        assert paged.total == 10 and len(paged.rows) == 4
        number = numbers["Joko Purnomo"]
        exact = reg.search_participants(s, ev, number.lower())
        assert exact.exact_id == exact.rows[0]["id"] and exact.rows[0]["name"] == "Joko Purnomo"
        assert reg.search_participants(s, ev, "zzz tidak ada").total == 0


def test_scan_checks_in_once_then_reports_already(db, numbers):
    ev, number = _event(db), numbers["Suyanto"]
    with db.begin() as s:
        first = reg.scan(s, ev, number, when=AT)
    assert first.status == reg.CHECKED_IN and first.row["name"] == "Suyanto"
    person = _person(db, number)
    assert person.checked_in_at == AT and person.checked_in_station == "REG1"
    with db.begin() as s:
        second = reg.scan(s, ev, f"  {number}  ", when=AT + dt.timedelta(minutes=5))
    assert second.status == reg.ALREADY and second.row["checked_in_at"] == AT
    assert _person(db, number).checked_in_at == AT  # not moved by the second scan


def test_scan_by_name_not_found_and_many(db, numbers):
    ev = _event(db)
    with db.begin() as s:
        assert reg.scan(s, ev, "U0000000").status == reg.NOT_FOUND
        assert reg.scan(s, ev, "Rahmat Hidayat").status == reg.NOT_FOUND
        many = reg.scan(s, ev, "siti")
        assert many.status == reg.MANY and many.matches == 2 and len(many.candidates) == 2
        one = reg.scan(s, ev, "siti rahayu", when=AT)
    assert one.status == reg.CHECKED_IN and one.row["number"] == numbers["Siti Rahayu"]
    assert _person(db, numbers["Siti Aminah"]).checked_in_at is None


def test_kit_checks_in_and_is_idempotent(db, numbers):
    pid = _person(db, numbers["Made Wirawan"]).id
    with db.begin() as s:
        assert reg.hand_kit(s, pid, when=AT).status == reg.CHECKED_IN
    with db.begin() as s:
        assert reg.hand_kit(s, pid).status == reg.ALREADY
    person = _person(db, numbers["Made Wirawan"])
    assert person.kit_at == AT and person.checked_in_at == AT


def _walkin(name: str, **kw) -> ParticipantForm:  # type: ignore[no-untyped-def]
    return ParticipantForm(name=name, desa_code=kw.pop("desa_code", "18.06.20.2006"), **kw)


def test_walkin_numbers_carry_station_and_never_collide(db, tmp_path: Path):
    ev = _event(db)
    with db.begin() as s:
        rows = [register_walkin(s, ev, _walkin(f"Tamu {i}"), when=AT) for i in range(3)]
    assert [r["number"] for r in rows] == ["REG1-0001", "REG1-0002", "REG1-0003"]
    assert all(r["checked_in_at"] == AT and r["source"] == "walk-in" for r in rows)
    with db.begin() as s:  # a restored backup put the sequence back
        s.get(StationState, 1).walkin_seq = 1
    with db.begin() as s:
        assert register_walkin(s, ev, _walkin("Tamu 4"))["number"] == "REG1-0004"
    other = make_event_db(tmp_path / "reg2.sqlite", station="REG2", event_id=ev)
    with other.begin() as s:
        assert register_walkin(s, ev, _walkin("Tamu 5"))["number"] == "REG2-0001"
    other.dispose()


def test_walkin_form_errors_name_the_field_and_add_nothing(db):
    ev = _event(db)
    bad = [
        (ParticipantForm(name="  "), "name"),
        (_walkin("Ani", phone="12ab"), "phone"),
        (_walkin("Ani", gender="X"), "gender"),
        (ParticipantForm(name="Ani", desa_code=None), "desa_code"),
        (_walkin("Ani", desa_code="11.01.01.2001"), "desa_code"),
    ]
    for form, field in bad:
        with pytest.raises(FieldError) as err, db.begin() as s:
            register_walkin(s, ev, form)
        assert err.value.field == field
    with db.begin() as s:
        assert s.scalar(select(func.count()).select_from(Participant)) == 0
        guest = register_walkin(
            s, ev, ParticipantForm(name="Ani", category="Undangan", phone="0812-3456-7890")
        )
    assert guest["phone"] == "+6281234567890" and guest["guest_category"] == "Lainnya"


def test_correction_leaves_two_versions_and_an_audit_entry(db, numbers):
    ev, pid = _event(db), _person(db, numbers["Sri Wahyuni"]).id
    with db.begin() as s:
        form = form_of(reg.participant_row(s, pid))
        form.name, form.desa_code, form.phone = "Sri Wahyuningsih", "18.06.20.2007", "081298765432"
        row = correct_participant(s, pid, form)
    assert row["desa_name"] == "Sidokaton" and row["phone"] == "+6281298765432"
    with db.begin() as s:
        assert len(history_of(s.connection(), pid)) == 2
        entry = s.scalars(select(AuditEntry).where(AuditEntry.record_id == pid)).one()
        assert entry.action == "participant.correct"
        assert json.loads(entry.after)["name"] == "Sri Wahyuningsih"
        assert reg.search_participants(s, ev, "wahyuningsih sidokaton").total == 1


def test_void_needs_pin_and_reason_is_audited_and_kept(db, numbers):
    ev, pid = _event(db), _person(db, numbers["Agus Salim"]).id
    for pin, reason in (("000000", "ganda"), (None, "ganda"), (DEFAULT_PIN, "  ")):
        with pytest.raises(UserError), db.begin() as s:
            reg.void_participant(s, pid, reason, pin)
    assert not _person(db, numbers["Agus Salim"]).voided
    with db.begin() as s:
        reg.void_participant(s, pid, "terdaftar dua kali", DEFAULT_PIN)
    person = _person(db, numbers["Agus Salim"])
    assert person.voided and person.void_reason == "terdaftar dua kali"
    with db.begin() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "participant.void")).one()
        assert entry.record_id == pid and entry.reason == "terdaftar dua kali"
        assert s.scalar(select(func.count()).select_from(Participant)) == 10
        assert reg.scan(s, ev, numbers["Agus Salim"]).status == reg.VOIDED


def test_undo_check_in_behind_pin(db, numbers):
    ev, number = _event(db), numbers["Joko Purnomo"]
    with db.begin() as s:
        pid = reg.scan(s, ev, number).row["id"]
    with pytest.raises(UserError), db.begin() as s:
        reg.undo_check_in(s, pid, "salah orang", "999999")
    with db.begin() as s:
        reg.undo_check_in(s, pid, "salah orang", DEFAULT_PIN)
    assert _person(db, number).checked_in_at is None
    with db.begin() as s:
        assert reg.scan(s, ev, number).status == reg.CHECKED_IN


def test_counters_on_a_small_event(db, numbers):
    ev = _event(db)
    with db.begin() as s:
        for name in ("Suyanto", "Bambang Sutrisno", "Sri Wahyuni", "Rudi Hartono"):
            reg.scan(s, ev, numbers[name], when=AT)
        reg.hand_kit(s, _person(db, numbers["Made Wirawan"]).id, when=AT)
        register_walkin(s, ev, _walkin("Rina", gender="P", desa_code="18.06.20.2008"))
    with db.begin() as s:
        reg.void_participant(s, _person(db, numbers["Joko Purnomo"]).id, "batal", DEFAULT_PIN)
        c = counters.registration_counters(s, ev)
    assert (c.registered, c.arrived, c.walkins, c.kits, c.voided) == (10, 6, 1, 1, 1)
    by_name = {d.name: d for d in c.desa}
    assert len(c.desa) == 9
    assert (by_name["Banjar Manis"].registered, by_name["Banjar Manis"].arrived) == (2, 1)
    assert by_name["Campang"].woman_rep_arrived == 1
    # a woman walking in is not the desa's designated representative: counted apart
    assert (by_name["Landbaw"].woman_rep_arrived, by_name["Landbaw"].other_women_arrived) == (0, 1)
    assert {d.name for d in c.desa_not_arrived} == {
        "Purwodadi", "Gisting Bawah", "Gisting Atas", "Sidokaton", "Gisting Permai",
    }  # fmt: skip
    assert {d.name for d in c.desa_without_woman} == {d.name for d in c.desa_not_arrived} | {
        "Banjar Manis",
        "Kuta Dalom",
        "Landbaw",
    }
    assert c.desa_arrived == 4
    guests = {g.category: (g.registered, g.arrived) for g in c.guests}
    assert guests == {"Media": (1, 1), "TIK": (1, 0), "P2KTD": (1, 0)}
