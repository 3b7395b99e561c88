"""A Jendela 3 laptop's database: the demo menu, invitees, and commitments stamped at tables."""

from __future__ import annotations

from pathlib import Path

from bid_desktop.services.commitments import StampInput, stamp_commitment
from bid_desktop.services.demo import menu_path
from bid_desktop.services.import_catalog import import_csv_menu
from bid_desktop.storage.db import Database
from tests.conftest import make_event_db
from tests.registration_data import add_invitees

BANJAR_MANIS, CAMPANG, GISTING_PERMAI = "18.06.20.2001", "18.06.20.2002", "18.06.20.2009"
# desa, innovation, amount, year
STAMPS = [
    (BANJAR_MANIS, "A01", 150_000_000, 2027),
    (BANJAR_MANIS, "B02", 75_500_000, 2027),
    (BANJAR_MANIS, "C01", 1_234_567_890, 2028),
    (CAMPANG, "A03", 250_000_000, 2027),
]


def with_menu(db: Database) -> Database:
    with db.begin() as s:
        import_csv_menu(s, menu_path())
    return db


def stamp(db: Database, rows: list[tuple[str, str, int, int]] = STAMPS) -> None:
    with db.begin() as s:
        for code, innovation, amount, year in rows:
            stamp_commitment(s, StampInput(code, innovation, amount, year, table_code="MKA1"))


def j3_db(path: Path, station: str = "J3A", event_id: str | None = None) -> Database:
    """An event database at station J3A with the menu, the invitees and the STAMPS."""
    db = with_menu(make_event_db(path, station, event_id))
    add_invitees(db)
    stamp(db)
    return db
