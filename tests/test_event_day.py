"""One event day end to end, the way the laptops are really used, through the command line
and the same services the tabs call: the secretariat creates the event and the menu, three
laptops join from its package, each works offline, their packages come back on a USB stick
and are merged at the district, which then writes the recap, the piagam and the report.

Everything is read back: the merged database, the workbook cells, the PDFs' text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from bid_desktop.cli import run
from bid_desktop.domain import ids
from bid_desktop.services import exchange, registration
from bid_desktop.services.commitments import StampInput, stamp_commitment
from bid_desktop.services.events import current_event
from bid_desktop.services.import_catalog import import_csv_menu
from bid_desktop.services.registration_forms import ParticipantForm, register_walkin
from bid_desktop.storage.db import Database, open_database
from bid_desktop.storage.models import Commitment, Conflict, Participant, Rating, Version
from tests.registration_data import add_invitees

PASSPHRASE = "bursa-gisting-2026"
MENU = Path(__file__).resolve().parents[1] / "resources" / "demo" / "menu-inovasi-contoh.csv"
DESA_1, DESA_2 = "18.06.20.2001", "18.06.20.2002"


def cli(*argv: str | Path) -> int:
    return run([str(a) for a in argv])


def one_package(folder: Path) -> Path:
    (package,) = sorted(folder.glob("*.bidsync"))
    return package


@pytest.fixture
def hall(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    monkeypatch.setenv("BID_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("BID_PIN", "240611")  # the committee PIN, set at event creation
    paths = {name: tmp_path / f"{name}.sqlite" for name in ("SEK1", "REG1", "MKA1", "J3A")}
    assert cli("event", "create", "--db", paths["SEK1"], "--name", "BID Kecamatan Gisting",
               "--date", "2026-11-25", "--kecamatan", "18.06.20", "--station", "SEK1") == 0  # fmt: skip
    sek = open_database(paths["SEK1"])
    with sek.begin() as s:
        assert import_csv_menu(s, MENU).added > 10
    add_invitees(sek)
    sek.dispose()
    out = tmp_path / "usb-sek"
    assert cli("export", "--db", paths["SEK1"], "--out", out) == 0
    for station in ("REG1", "MKA1", "J3A"):
        assert cli("event", "join", "--db", paths[station], "--package", one_package(out),
                   "--station", station) == 0  # fmt: skip
    return paths


def _work_offline(paths: dict[str, Path]) -> None:
    reg = open_database(paths["REG1"])
    with reg.begin() as s:
        event_id = current_event(s).id
        kades = s.scalars(select(Participant).where(Participant.name == "Suyanto")).one()
        assert registration.scan(s, event_id, kades.number).status == "checked_in"
        register_walkin(
            s,
            event_id,
            ParticipantForm(
                name="Wati Kurniasih",
                jabatan="Kader PKK",
                gender="P",
                desa_code=DESA_2,
                woman_rep=True,
            ),  # fmt: skip
        )
    reg.dispose()
    mka = open_database(paths["MKA1"])
    with mka.begin() as s:
        stamp_commitment(s, StampInput(DESA_1, "A01", 150_000_000, 2027, table_code="A1"))
        stamp_commitment(s, StampInput(DESA_2, "B01", 75_000_000, 2027, table_code="A1"))
    mka.dispose()
    j3a = open_database(paths["J3A"])
    with j3a.begin() as s:
        event_id = current_event(s).id
        # The paper card of desa 1 carries A01 (stamped at table A1, not known here yet) and
        # C01, written at a table whose laptop never came back: same identity as a stamp.
        card = exchange.CardCommitment(DESA_1, "A01", 150_000_000, 2027, table_code="A1")
        exchange.add_from_card(s, card)
        exchange.add_from_card(s, exchange.CardCommitment(DESA_1, "C01", 25_000_000, 2028))
        exchange.mark_card_received(s, event_id, DESA_1)
    j3a.dispose()


def _count(db: Database, model: type, *where: object) -> int:
    with db.begin() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def test_event_day_from_setup_to_district_recap(
    hall: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _work_offline(hall)
    usb = tmp_path / "usb"
    for station in ("REG1", "MKA1", "J3A"):
        assert cli("export", "--db", hall[station], "--out", usb) == 0
    packages = sorted(usb.glob("*.bidsync"))
    assert len(packages) == 3
    capsys.readouterr()
    # a dry run first: it tells, changes nothing
    sek = open_database(hall["SEK1"])
    versions_before = _count(sek, Version)
    assert cli("merge", "--db", hall["SEK1"], "--dry-run", *packages) == 0
    assert "uji coba, tidak ada yang ditulis" in capsys.readouterr().out
    assert _count(sek, Version) == versions_before
    # the merge
    assert cli("merge", "--db", hall["SEK1"], "--backup-dir", tmp_path / "cadangan", *packages) == 0
    said = capsys.readouterr().out
    assert "digabung: 3 paket" in said and list((tmp_path / "cadangan").iterdir())
    with sek.begin() as s:
        event_id = current_event(s).id
        live = {
            (c.desa_code, s.get_one(Commitment, c.id).amount)
            for c in s.scalars(select(Commitment).where(Commitment.voided.is_(False)))
        }
        # A01 of desa 1 was written on two laptops: one record, under its natural identity
        assert s.get(Commitment, ids.commitment_id(event_id, DESA_1, "A01")) is not None
        walkin = s.scalars(select(Participant).where(Participant.name == "Wati Kurniasih")).one()
        assert walkin.number.startswith("REG1-") and walkin.checked_in_station == "REG1"
        kades = s.scalars(select(Participant).where(Participant.name == "Suyanto")).one()
        assert kades.checked_in_at is not None
    assert live == {(DESA_1, 150_000_000), (DESA_2, 75_000_000), (DESA_1, 25_000_000)}
    assert _count(sek, Commitment) == 3
    # written at the table and from the card with the same content: nothing to decide
    assert _count(sek, Conflict, Conflict.kind == "hard") == 0
    assert _count(sek, Rating) == 0
    # idempotent: the same stick again changes nothing
    versions_after = _count(sek, Version)
    assert cli("merge", "--db", hall["SEK1"], "--backup-dir", tmp_path / "cadangan", *packages) == 0
    assert _count(sek, Version) == versions_after
    sek.dispose()
    assert cli("check", "--db", hall["SEK1"]) == 0

    # the district's products
    recap = tmp_path / "rekap.xlsx"
    assert cli("recap", "--db", hall["SEK1"], "--out", recap) == 0
    book = openpyxl.load_workbook(recap)
    sheet = book["Komitmen"]
    header = [c.value for c in sheet[1]]
    amount_col = header.index("Perkiraan Anggaran (Rp)")
    amounts = sorted(
        row[amount_col] for row in sheet.iter_rows(min_row=2, values_only=True)
        if isinstance(row[0], int)
    )  # fmt: skip
    assert amounts == [25_000_000, 75_000_000, 150_000_000]

    piagam_dir = tmp_path / "piagam"
    assert cli("piagam", "--db", hall["SEK1"], "--out", piagam_dir) == 0
    texts = {p.name: "".join(page.extract_text() for page in PdfReader(p).pages)
             for p in piagam_dir.glob("*.pdf")}  # fmt: skip
    assert len(texts) == 2  # two desa have commitments
    desa_1 = next(t for t in texts.values() if "dua puluh lima juta rupiah" in t)
    assert "seratus lima puluh juta rupiah" in desa_1
    # the serial of desa 1 was given at Jendela 3 (J3A) and travelled with the merge
    assert "J3A-" in desa_1

    report = tmp_path / "laporan.pdf"
    assert cli("report", "--db", hall["SEK1"], "--out", report) == 0
    report_text = "".join(page.extract_text() for page in PdfReader(report).pages)
    assert "Rp250.000.000" in report_text.replace(" ", "")
    assert dt.date(2026, 11, 25).strftime("%Y") in report_text
