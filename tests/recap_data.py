"""A small event after the fair, written through the services: innovations (one titled "=1+1"),
participants (one named "=HYPERLINK(...)"), check-ins, ratings, stamped commitments (one
voided), ideas and a piagam — the recap, follow-up and report tests share it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bid_desktop.domain import ids
from bid_desktop.services.commitments import StampInput, stamp_commitment, void_commitment
from bid_desktop.services.events import current_event
from bid_desktop.storage.db import Database
from bid_desktop.storage.models import Idea, Innovation, Participant, Piagam, Rating
from tests.registration_data import INVITEES, add_invitees

HOSTILE_NAME = '=HYPERLINK("http://evil.example/x","klik")'
HOSTILE_TITLE = "=1+1"
DAY = dt.date(2026, 11, 25)
MENU = [
    ("A01", "Sistem Air Bersih Desa", "A", 150_000_000),
    ("B02", HOSTILE_TITLE, "B", 80_000_000),
    ("C03", "Posyandu Terintegrasi", "C", 40_000_000),
]
# desa code, innovation code, amount, kepala desa
STAMPS = [
    ("18.06.20.2001", "A01", 150_000_000, "Suyanto"),
    ("18.06.20.2001", "C03", 40_000_000, "Suyanto"),
    ("18.06.20.2002", "A01", 125_000_000, "Bambang Sutrisno"),
    ("18.06.20.2002", "B02", 75_000_000, "Bambang Sutrisno"),
    ("18.06.20.2005", "B02", 60_000_000, "Joko Purnomo"),
]
VOIDED = ("18.06.20.2005", "C03", 30_000_000, "Joko Purnomo")


@dataclass
class RecapData:
    event_id: str
    commitment_ids: list[str]
    voided_id: str
    idea_ids: list[str]
    hostile_participant_id: str


def at(hour: float) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(int(hour), int(hour % 1 * 60)))


def build(db: Database) -> RecapData:
    add_invitees(db, [*INVITEES, (HOSTILE_NAME, "Warga", "L", "18.06.20.2003", "Peserta Utama", "", False)])  # fmt: skip
    with db.begin() as s:
        event_id = current_event(s).id
        for code, title, bursa, cost in MENU:
            s.add(Innovation(id=ids.innovation_id(event_id, code), event_id=event_id, code=code,
                             title=title, bursa=bursa, cost_estimate=cost))  # fmt: skip
        people = {p.name: p for p in s.query(Participant)}
        arrived = [n for n in people if n not in ("Joko Purnomo", "Agus Salim")]
        for i, name in enumerate(sorted(arrived)):
            people[name].checked_in_at = at(8 + i / 10)
            if i % 2 == 0:
                people[name].kit_at = at(8.05 + i / 10)
        _ratings(s, event_id, people)
    cids = []
    with db.begin() as s:
        for desa, code, amount, kades in [*STAMPS, VOIDED]:
            c, _ = stamp_commitment(s, StampInput(desa, code, amount, 2027, table_code=f"{code[0]}1", kepala_desa=kades))  # fmt: skip
            c.stamped_at = at(11)
            cids.append(c.id)
        void_commitment(s, cids[-1], "Salah desa", "123456")
        s.add(Piagam(id=ids.piagam_id(event_id, "18.06.20.2001"), event_id=event_id,
                     desa_code="18.06.20.2001", serial="J3A-0001", first_printed_at=at(14)))  # fmt: skip
    idea_ids = []
    with db.begin() as s:
        for n, (who, desa, title, done) in enumerate([
            ("Siti Aminah", "18.06.20.2001", "Bank Sampah Keliling", True),
            (HOSTILE_NAME, "18.06.20.2003", "-Kolam Lele Bioflok", False),
        ]):  # fmt: skip
            iid = ids.natural_id("test-idea", event_id, n)
            s.add(Idea(id=iid, event_id=event_id, proposer_name=who, desa_code=desa, title=title,
                       description="@deskripsi " + title, already_done=done,
                       results="Berjalan" if done else "", received_at=at(13)))  # fmt: skip
            idea_ids.append(iid)
    hostile = ids.invitee_id(event_id, HOSTILE_NAME, "18.06.20.2003", "Warga")
    return RecapData(event_id, cids[:-1], cids[-1], idea_ids, hostile)


def _ratings(s, event_id: str, people: dict) -> None:  # type: ignore[no-untyped-def, type-arg]
    scores = {"A01": [5, 4, 5, 3], "B02": [2, 3], "C03": [4, 4, 5]}
    names = sorted(people)
    for code, values in scores.items():
        for name, score in zip(names, values, strict=False):
            pid = people[name].id
            s.add(Rating(id=ids.rating_id(event_id, pid, code), event_id=event_id,
                         participant_id=pid, innovation_id=ids.innovation_id(event_id, code),
                         score=score, rated_at=at(10)))  # fmt: skip
