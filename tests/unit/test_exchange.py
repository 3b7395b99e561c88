"""Jendela 3 services: scan → desa, paper-card commitments (same id as a stamp, merged, not
duplicated), card received, idea cards, handover photo."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from bid_desktop.domain import ids
from bid_desktop.services import exchange
from bid_desktop.services import exchange_ideas as ideas
from bid_desktop.services.audit import DEFAULT_PIN
from bid_desktop.services.commitments import void_commitment
from bid_desktop.services.errors import UserError
from bid_desktop.services.events import current_event
from bid_desktop.services.exchange_photo import attach_photo, photo_bytes
from bid_desktop.services.imports import import_xlsx
from bid_desktop.storage.models import AuditEntry, Commitment, Idea, Photo, Piagam
from tests.conftest import make_event_db
from tests.exchange_data import BANJAR_MANIS, CAMPANG, GISTING_PERMAI, j3_db, stamp, with_menu
from tests.registration_data import INVITEES, add_invitees
from tests.sync.helpers import merge_from
from tests.unit.test_imports_ideas import _filled


@pytest.fixture
def jdb(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = j3_db(tmp_path / "j3a.sqlite")
    yield db
    db.dispose()


def event_id(db) -> str:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return current_event(s).id


def number_of(db, name: str) -> str:  # type: ignore[no-untyped-def]
    event = event_id(db)
    row = next(r for r in INVITEES if r[0] == name)
    return ids.invitee_number(ids.invitee_id(event, name, row[3], row[1]))


def test_scan_badge_code_or_name_finds_the_desa(jdb):
    ev = event_id(jdb)
    with jdb.begin() as s:
        panel = exchange.scan(s, ev, number_of(jdb, "Suyanto"))
        assert exchange.scan(s, ev, CAMPANG).desa_code == CAMPANG
        assert exchange.scan(s, ev, "banjar manis").scanned_name == ""
        with pytest.raises(UserError, match="bukan utusan desa"):
            exchange.scan(s, ev, number_of(jdb, "Rudi Hartono"))
        with pytest.raises(UserError, match="Tidak ditemukan"):
            exchange.scan(s, ev, "U0000000")
    assert (panel.desa_code, panel.desa_name, panel.kepala_desa) == (
        BANJAR_MANIS, "Banjar Manis", "Suyanto",
    )  # fmt: skip
    assert panel.scanned_name == "Suyanto" and panel.scanned_is_kepala_desa
    assert [c["innovation_code"] for c in panel.commitments] == ["A01", "B02", "C01"]
    assert panel.total == 150_000_000 + 75_500_000 + 1_234_567_890
    assert panel.commitments[0]["words"] == "seratus lima puluh juta rupiah"
    assert panel.piagam is None


def test_card_commitment_merges_with_the_stamp_of_another_laptop(tmp_path: Path):
    """J3A adds from the paper card what MKA1 stamped: same id; merged, one record."""
    table = with_menu(make_event_db(tmp_path / "mka1.sqlite", "MKA1"))
    ev = event_id(table)
    stamp(table, [(GISTING_PERMAI, "B05", 90_000_000, 2027)])
    j3 = with_menu(make_event_db(tmp_path / "j3a.sqlite", "J3A", event_id=ev))
    card = exchange.CardCommitment(GISTING_PERMAI, "b05", 90_000_000, 2027, kepala_desa="Ani")
    with j3.begin() as s:
        row = exchange.add_from_card(s, card)
    cid = ids.commitment_id(ev, GISTING_PERMAI, "B05")
    assert row["id"] == cid and row["source"] == "jendela3" and row["station"] == "J3A"
    with j3.begin() as s, pytest.raises(UserError, match="sudah tercatat"):
        exchange.add_from_card(s, card)  # this laptop knows it now: not added twice
    merge_from(table, j3, folder=tmp_path)
    with table.begin() as s:
        rows = s.scalars(select(Commitment).where(Commitment.desa_code == GISTING_PERMAI)).all()
        assert [(c.id, c.amount, c.innovation_code) for c in rows] == [(cid, 90_000_000, "B05")]
    table.dispose()
    j3.dispose()


def test_card_refuses_known_or_voided_and_needs_an_amount(jdb):
    ev = event_id(jdb)
    with jdb.begin() as s:
        with pytest.raises(UserError, match="A01 sudah tercatat"):
            exchange.add_from_card(s, exchange.CardCommitment(BANJAR_MANIS, "A01", 1, 2027))
        cid = ids.commitment_id(ev, BANJAR_MANIS, "B02")
        void_commitment(s, cid, "salah desa", DEFAULT_PIN)
    with jdb.begin() as s:
        with pytest.raises(UserError, match="dibatalkan"):
            exchange.add_from_card(s, exchange.CardCommitment(BANJAR_MANIS, "B02", 1, 2027))
        with pytest.raises(UserError, match="wajib"):
            exchange.add_from_card(s, exchange.CardCommitment(BANJAR_MANIS, "A02", None, 2027))
        with pytest.raises(UserError, match="Z99"):
            exchange.add_from_card(s, exchange.CardCommitment(BANJAR_MANIS, "Z99", 5, 2027))
        assert s.get(Commitment, cid).voided  # the void stands
        panel = exchange.desa_panel(s, ev, BANJAR_MANIS)
    assert [c["innovation_code"] for c in panel.live] == ["A01", "C01"]


def test_card_received_creates_the_piagam_with_a_stable_serial(jdb):
    ev = event_id(jdb)
    with jdb.begin() as s:
        first = exchange.mark_card_received(s, ev, CAMPANG)
        other = exchange.mark_card_received(s, ev, BANJAR_MANIS)
        again = exchange.mark_card_received(s, ev, CAMPANG, received=False)
    assert (first.serial, other.serial, again.serial) == ("J3A-0001", "J3A-0002", "J3A-0001")
    assert first.card_received and not again.card_received
    assert first.id == ids.piagam_id(ev, CAMPANG)
    with jdb.begin() as s:
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.at)).all()
        assert actions.count("piagam.card_received") == 2
        assert "piagam.card_not_received" in actions
        assert s.scalar(select(func.count()).select_from(Piagam)) == 2


def _png(path: Path, size: tuple[int, int] = (3000, 2000)) -> Path:
    Image.new("RGB", size, (30, 120, 200)).save(path, "PNG")
    return path


def test_photo_is_scaled_stored_and_linked(jdb, tmp_path: Path):
    ev = event_id(jdb)
    with jdb.begin() as s:
        state = attach_photo(s, ev, CAMPANG, _png(tmp_path / "serah.png"))
        again = attach_photo(s, ev, CAMPANG, _png(tmp_path / "copy.png"))  # same picture
    assert state.photo_id is not None and again.photo_id == state.photo_id
    with jdb.begin() as s:
        assert s.scalar(select(func.count()).select_from(Photo)) == 1
        data = photo_bytes(s, state.photo_id)
        assert base64.b64decode(s.get(Photo, state.photo_id).data_b64) == data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG" and max(image.size) == 1600
    bad = tmp_path / "not-a-photo.jpg"
    bad.write_text("hello")
    with pytest.raises(UserError, match="bukan foto"), jdb.begin() as s:
        attach_photo(s, ev, BANJAR_MANIS, bad)


def test_idea_card_add_edit_void_and_same_identity_as_import(db, tmp_path: Path):
    numbers = add_invitees(db)
    ev = event_id(db)
    form = ideas.IdeaForm("Sri Wahyuni", "Kolam gizi balita", CAMPANG, description="Kolam ikan")
    with db.begin() as s:
        row = ideas.save_idea(s, form)
        assert row["desa_name"] == "Campang" and row["station"] == "REG1"
        with pytest.raises(ideas.IdeaFieldError, match="sudah tercatat") as err:
            ideas.save_idea(s, form)
        assert err.value.field == "title"
        with pytest.raises(ideas.IdeaFieldError) as err:
            ideas.save_idea(s, ideas.IdeaForm("X", "", None))
        assert err.value.field == "title"
    form.already_done, form.results = True, "Stunting turun"
    with db.begin() as s:
        edited = ideas.save_idea(s, form, row["id"])
        assert edited["id"] == row["id"] and edited["already_done"]
        assert ideas.idea_rows(s, ev, "kolam campang").total == 1
        assert ideas.idea_rows(s, ev, "lele").total == 0
        with pytest.raises(UserError, match="PIN"):
            ideas.void_idea(s, row["id"], "dobel", "000000")
        voided = ideas.void_idea(s, row["id"], "dobel", DEFAULT_PIN)
        assert voided["voided"] and voided["void_reason"] == "dobel"
        assert s.scalars(select(AuditEntry.action).where(AuditEntry.record_id == row["id"])).all()
    # the same card transcribed later from paper is the same record
    sheet = _filled(tmp_path, [["Sri Wahyuni", CAMPANG, "", "Kolam gizi balita", "", "Ya", ""]])
    with db.begin() as s:
        result = import_xlsx(s, "ideas", sheet)
        assert (result.added, s.scalar(select(func.count()).select_from(Idea))) == (0, 1)
    assert numbers  # invitees exist for the proposer lookup
