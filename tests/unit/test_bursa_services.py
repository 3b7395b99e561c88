"""Ruang Bursa services on a real database: menu and providers, rooms/sessions/tables,
door attendance, ratings (rating again updates the one rating), the ranking in SQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from bid_desktop.domain import ids
from bid_desktop.services import bursa, bursa_floor
from bid_desktop.services import bursa_rooms as rooms
from bid_desktop.services.audit import DEFAULT_PIN
from bid_desktop.services.errors import UserError
from bid_desktop.storage.models import (
    Attendance,
    AuditEntry,
    BursaSession,
    ConsultationTable,
    Innovation,
    Participant,
    Rating,
    Version,
)
from tests.bursa_data import add_menu
from tests.registration_data import add_invitees


def _count(db, model, *where) -> int:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def _event(db) -> str:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return s.scalars(select(Innovation.event_id)).first() or ""


def test_menu_edit_provider_link_and_void(db):
    add_menu(db)
    event_id = _event(db)
    with db.begin() as s:
        rows = bursa.innovation_rows(s, event_id, "A")
        assert [r["code"] for r in rows] == ["A01", "A02"]
        assert rows[0]["provider_name"] == "CV Tirta Makmur"
        assert rows[0]["cost_estimate"] == 150_000_000
        assert [r["code"] for r in bursa.innovation_rows(s, event_id, text="lumbung")] == ["B01"]
        edited = bursa.save_innovation(
            s, bursa.InnovationForm("a01", "Air bersih SPAM desa", "A", cost_estimate="175jt")
        )
    assert edited["title"] == "Air bersih SPAM desa" and edited["provider_id"] is None
    versions = _count(db, Version, Version.record_id == edited["id"])
    with db.begin() as s:  # the same values again: no new version, no audit entry
        bursa.save_innovation(
            s, bursa.InnovationForm("A01", "Air bersih SPAM desa", "A", cost_estimate=175_000_000)
        )
    assert _count(db, Version, Version.record_id == edited["id"]) == versions
    with db.begin() as s:
        provider = bursa.provider_rows(s, event_id, "tirta")[0]
        assert provider["phone"] == "+62812345678"
        linked = bursa.link_provider(s, edited["id"], provider["id"])
        assert linked["provider_name"] == "CV Tirta Makmur"
    with pytest.raises(UserError, match="PIN"), db.begin() as s:
        bursa.void_innovation(s, edited["id"], "salah input", "000000")
    with db.begin() as s:
        bursa.void_innovation(s, edited["id"], "salah input", DEFAULT_PIN)
        assert "A01" not in [r["code"] for r in bursa.innovation_rows(s, event_id)]
    assert _count(db, AuditEntry, AuditEntry.action == "innovation.void") == 1
    assert _count(db, AuditEntry, AuditEntry.action == "innovation.edit") == 1  # not the same
    assert _count(db, AuditEntry, AuditEntry.action == "innovation.provider") == 1


def test_bad_menu_input_refused(db):
    with pytest.raises(UserError, match="Perkiraan biaya"), db.begin() as s:
        bursa.save_innovation(s, bursa.InnovationForm("X1", "X", "A", cost_estimate="banyak"))
    with pytest.raises(UserError, match="Bursa 'D'"), db.begin() as s:
        bursa.save_innovation(s, bursa.InnovationForm("X1", "X", "D"))
    assert _count(db, Innovation) == 0


def test_rooms_sessions_tables(db):
    add_menu(db)
    with db.begin() as s:
        room = rooms.save_room(s, "A", "Aula Utama")
        form = rooms.SessionForm(
            room["id"], "Sesi 1", rooms.parse_time("09.00"), rooms.parse_time("10:30"),
            "Pak Hadi, Bu Rina", "a01 A02",
        )  # fmt: skip
        row = rooms.save_session(s, form)
        assert row["times"] == "09.00–10.30" and row["innovation_codes"] == "A01,A02"
        table = rooms.save_table(s, "a", 2, "Ir. Sutopo")
        assert table["code"] == "A2"
        event_id = _event(db)
    assert table["id"] == ids.table_id(event_id, "A", 2)
    with db.begin() as s:
        sess = s.get(BursaSession, row["id"])
        assert sess is not None and sess.starts_at == dt.datetime(2026, 11, 25, 9, 0)
    with pytest.raises(UserError, match="sesudah"), db.begin() as s:
        rooms.save_session(s, rooms.SessionForm(room["id"], "Sesi 2", dt.time(11), dt.time(10)))
    with pytest.raises(UserError, match="Z9"), db.begin() as s:
        rooms.save_session(s, rooms.SessionForm(room["id"], "Sesi 2", innovation_codes="Z9"))
    with pytest.raises(UserError, match="Jam"):
        rooms.parse_time("25.00")
    assert _count(db, ConsultationTable) == 1 and _count(db, BursaSession) == 1


def test_attendance_scan_once_per_session(db):
    add_menu(db)
    numbers = add_invitees(db)
    event_id = _event(db)
    with db.begin() as s:
        room = rooms.save_room(s, "B", "Ruang B")
        sid = rooms.save_session(s, rooms.SessionForm(room["id"], "Sesi 1"))["id"]
    with db.begin() as s:
        first = bursa_floor.record_attendance(s, event_id, sid, numbers["Suyanto"])
    with db.begin() as s:
        again = bursa_floor.record_attendance(s, event_id, sid, numbers["Suyanto"].lower())
    assert (first.status, again.status, again.count) == ("new", "already", 1)
    with pytest.raises(UserError, match="Tidak ditemukan"), db.begin() as s:
        bursa_floor.record_attendance(s, event_id, sid, "U9999999")
    assert _count(db, Attendance) == 1


def test_rating_again_updates_the_one_rating_and_ranking(db):
    add_menu(db)
    numbers = add_invitees(db)
    event_id = _event(db)
    with db.begin() as s:
        people = {
            p.name: p.id
            for p in s.scalars(select(Participant).where(Participant.event_id == event_id))
        }
    scores = [("Suyanto", "A01", 5), ("Siti Aminah", "A01", 3), ("Suyanto", "A02", 4)]
    for name, code, score in scores:
        with db.begin() as s:
            assert bursa_floor.rate(s, event_id, people[name], code, score).status == "new"
    with db.begin() as s:
        result = bursa_floor.rate(s, event_id, people["Siti Aminah"], "a01", 5)
    assert (result.status, result.previous) == ("updated", 3)
    with db.begin() as s:
        assert bursa_floor.rate(s, event_id, people["Siti Aminah"], "A01", 5).status == "same"
    rid = ids.rating_id(event_id, people["Siti Aminah"], "A01")
    assert _count(db, Rating) == 3 and _count(db, Version, Version.record_id == rid) == 2
    with db.begin() as s:
        top = bursa_floor.ranking(s, event_id, "A")
        assert [(r["code"], r["count"], r["mean"], r["rank"]) for r in top] == [
            ("A01", 2, 5.0, 1),
            ("A02", 1, 4.0, 2),
        ]
        assert top[0]["n5"] == 2 and top[0]["spread"].endswith("5:2")
        unrated = bursa_floor.ranking(s, event_id, "C")
        assert [(r["code"], r["count"], r["rank"]) for r in unrated] == [("C01", 0, None)]
        assert bursa_floor.ratings_of(s, event_id, people["Suyanto"]) == {"A01": 5, "A02": 4}
    for bad in (0, 6):
        with pytest.raises(UserError, match="1 sampai 5"), db.begin() as s:
            bursa_floor.rate(s, event_id, people["Suyanto"], "A01", bad)
    assert numbers and _count(db, AuditEntry, AuditEntry.action == "rating.updated") == 1
