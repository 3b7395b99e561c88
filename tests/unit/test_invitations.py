"""Before the day: confirmations per invitee (who, when; audited), the per-desa view, and the
invitation letters read back from the PDF — each barcode decodes to the invitee's badge number,
and that number scanned at the desk checks the person in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from bid_desktop.services import invitations as inv
from bid_desktop.services import registration as reg
from bid_desktop.services.errors import UserError
from bid_desktop.services.events import current_event
from bid_desktop.storage.models import AuditEntry, Participant
from tests.pdf_read import fragments, page_text
from tests.registration_data import add_invitees
from tests.unit.test_badges import decode_all

BANJAR_MANIS, CAMPANG = "18.06.20.2001", "18.06.20.2002"
CALL = dt.datetime(2026, 11, 20, 10, 15)


@pytest.fixture
def numbers(db):  # type: ignore[no-untyped-def]
    return add_invitees(db)


def _id(db, name: str) -> str:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return s.scalars(select(Participant.id).where(Participant.name == name)).one()


def test_confirmations_recorded_audited_and_counted_per_desa(db, numbers):
    with db.begin() as s:
        with pytest.raises(UserError, match="tidak dikenal"):
            inv.set_confirmation(s, _id(db, "Suyanto"), "mungkin", "Rina")
        with pytest.raises(UserError, match="siapa yang mengonfirmasi"):
            inv.set_confirmation(s, _id(db, "Suyanto"), inv.CONFIRMED, " ")
    with db.begin() as s:
        row = inv.set_confirmation(s, _id(db, "Suyanto"), inv.CONFIRMED, "Rina  Panitia", CALL)
        inv.set_confirmation(s, _id(db, "Siti Aminah"), inv.DECLINED, "Rina Panitia", CALL)
        inv.set_confirmation(s, _id(db, "Bambang Sutrisno"), inv.CONFIRMED, "Dodi", CALL)
    assert (row["confirmation"], row["confirmed_by"], row["confirmed_at"]) == (
        inv.CONFIRMED, "Rina Panitia", CALL,
    )  # fmt: skip
    with db.begin() as s:
        view = {d.code: d for d in inv.desa_confirmations(s, current_event(s).id)}
        audits = s.scalars(select(AuditEntry).where(AuditEntry.action == "participant.confirm"))
        assert len(audits.all()) == 3
    banjar = view[BANJAR_MANIS]
    assert (banjar.invited, banjar.confirmed, banjar.declined, banjar.pending) == (2, 1, 1, 0)
    assert (view[CAMPANG].confirmed, view[CAMPANG].pending) == (1, 1)
    assert view[""].invited == 3  # the guests, apart
    assert len(view) == 10  # every desa of Gisting, even with nobody invited, and the guests


def test_letters_per_invitee_check_the_person_in(db, numbers, tmp_path: Path):
    with db.begin() as s:
        inv.set_confirmation(s, _id(db, "Siti Aminah"), inv.DECLINED, "Rina", CALL)
        count = inv.write_letters(s, tmp_path / "undangan.pdf", desa_codes=[BANJAR_MANIS, CAMPANG])
    pdf = tmp_path / "undangan.pdf"
    # Banjar Manis and Campang invited 4; Siti Aminah cannot come: no letter for her
    assert count == 3
    frags = fragments(pdf)
    assert max(f.page for f in frags) == 3
    first = page_text(frags, 1)
    assert "Kepada Yth. Suyanto Kepala Desa Banjar Manis di tempat" in first
    assert "Rabu, 25 November 2026" in first and "Perihal : Undangan" in first
    assert "Susunan acara:" in first and "Registrasi peserta" in first
    decoded = decode_all(pdf)
    assert decoded == [numbers["Suyanto"], numbers["Bambang Sutrisno"], numbers["Sri Wahyuni"]]
    with db.begin() as s:  # the letter scanned at the desk: checked in
        event_id = current_event(s).id
        result = reg.scan(s, event_id, decoded[0], when=dt.datetime(2026, 11, 25, 8, 0))
        assert result.row is not None and result.row["name"] == "Suyanto"
        assert s.get(Participant, _id(db, "Suyanto")).checked_in_at is not None


def test_one_letter_per_desa_lists_the_delegation(db, numbers, tmp_path: Path):
    pdf = tmp_path / "per-desa.pdf"
    with db.begin() as s:
        assert inv.write_letters(s, pdf, per=inv.PER_DESA, desa_codes=[BANJAR_MANIS]) == 1
    text = page_text(fragments(pdf), 1)
    assert "Kepada Yth. Suyanto Kepala Desa Banjar Manis" in text
    assert "beserta delegasi desa" in text and "Siti Aminah" in text
    assert sorted(decode_all(pdf)) == sorted([numbers["Suyanto"], numbers["Siti Aminah"]])


def test_cli_letters(db, numbers, tmp_path: Path, capsys):
    from bid_desktop.cli import run

    db.dispose()
    out = tmp_path / "surat.pdf"
    args = ["letters", "--db", str(db.path), "--out", str(out), "--per", "desa"]
    assert run([*args, "--desa", CAMPANG]) == 0
    assert "1 surat undangan" in capsys.readouterr().out
    assert sorted(decode_all(out)) == sorted([numbers["Bambang Sutrisno"], numbers["Sri Wahyuni"]])
    assert run([*args, "--desa", "18.06.20.9999"]) == 3
    assert "18.06.20.9999" in capsys.readouterr().err
