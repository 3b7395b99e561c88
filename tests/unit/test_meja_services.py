"""Meja Konsultasi services: table identity, desa by badge, consultation, stamp with the
Indonesian amount forms, this table's stamps, void behind the PIN — read back from the DB."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bid_desktop.domain import ids
from bid_desktop.domain.amounts import rupiah
from bid_desktop.services import meja
from bid_desktop.services.audit import DEFAULT_PIN
from bid_desktop.services.errors import UserError
from bid_desktop.services.stamp_checks import StampQuestion
from bid_desktop.services.station import set_station
from bid_desktop.storage.models import (
    AuditEntry,
    Commitment,
    Consultation,
    ConsultationTable,
    Setting,
)
from tests.bursa_data import add_menu
from tests.registration_data import add_invitees


def _count(db, model, *where) -> int:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def test_table_identity_from_station_code_then_setting(db):
    with db.begin() as s:
        assert meja.table_identity(s) is None  # REG1 is no table
        set_station(s, "MKB3")
        found = meja.table_identity(s)
    assert found is not None and (found.code, found.bursa_label) == (
        "B3",
        "Ekonomi & Kewirausahaan",
    )
    with db.begin() as s:
        chosen = meja.set_table_identity(s, "a", 2, "Ir. Sutopo, Bu Rina")
    with db.begin() as s:
        again = meja.table_identity(s)
        table = s.get(
            ConsultationTable, ids.table_id(s.scalars(select(Setting.event_id)).first(), "A", 2)
        )
    assert chosen == again and again is not None and again.code == "A2"
    assert again.consultants == "Ir. Sutopo, Bu Rina"
    assert table is not None and table.station_code == "MKB3"
    assert _count(db, AuditEntry, AuditEntry.action == "table.identity") == 1


def test_pick_desa_by_badge_or_name(db):
    numbers = add_invitees(db)
    with db.begin() as s:
        event_id = s.scalars(select(Setting.event_id)).first() or meja.current_event(s).id
        kades = meja.pick_desa(s, event_id, numbers["Suyanto"])
        delegate = meja.pick_desa(s, event_id, numbers["Siti Aminah"])
        by_name = meja.pick_desa(s, event_id, "campang")
    assert (kades.code, kades.kepala_desa, kades.is_kepala_desa) == (
        "18.06.20.2001",
        "Suyanto",
        True,
    )
    assert delegate.code == "18.06.20.2001" and delegate.kepala_desa == "Suyanto"
    assert not delegate.is_kepala_desa and delegate.scanned_name == "Siti Aminah"
    assert by_name.name.lower().endswith("campang") and by_name.participant_id is None
    with pytest.raises(UserError, match="bukan utusan desa"), db.begin() as s:
        meja.pick_desa(s, event_id, numbers["Rudi Hartono"])
    with pytest.raises(UserError, match="Tidak ditemukan"), db.begin() as s:
        meja.pick_desa(s, event_id, "Atlantis")


def test_consultation_stamp_restamp_and_void(db):
    add_menu(db)
    with db.begin() as s:
        table = meja.set_table_identity(s, "A", 1)
        event_id = meja.current_event(s).id
        provider = meja.provider_choices(s, event_id)[0]["id"]
        meja.record_consultation(
            s, table,
            meja.ConsultationForm("18.06.20.2001", ["a01", "A02"], "Biaya perawatan?", "Minta RAB",
                                  provider),
        )  # fmt: skip
    with db.begin() as s:
        consult = s.scalars(select(Consultation)).one()
        assert (consult.table_code, consult.innovation_codes) == ("A1", "A01,A02")
        assert consult.provider_id == provider
    desa, year = "18.06.20.2001", 2027
    with db.begin() as s:
        first = meja.stamp(
            s, table, meja.StampForm(desa, "a01", "Rp 150.000.000", year, "", "Suyanto")
        )
    assert first.created and first.row["amount"] == 150_000_000 and first.row["table_code"] == "A1"
    with pytest.raises(StampQuestion, match="sudah berkomitmen A01") as asked, db.begin() as s:
        meja.stamp(s, table, meja.StampForm(desa, "A01", "1,5 M", year))
    with db.begin() as s:
        again = meja.StampForm(desa, "A01", "1,5 M", year, confirmed=frozenset({asked.value.kind}))
        second = meja.stamp(s, table, again)
    assert not second.created and second.row["id"] == first.row["id"]
    with db.begin() as s:
        c = s.get(Commitment, ids.commitment_id(event_id, desa, "A01"))
        assert c is not None and (c.amount, c.kepala_desa, c.planned_year) == (
            1_500_000_000,
            "Suyanto",
            2027,
        )
        rows = meja.stamp_rows(s, event_id, table_code="A1")
        assert [r["innovation_code"] for r in rows] == ["A01"] and rows[0]["desa_name"]
    for bad, why in (("banyak", "bukan jumlah rupiah"), ("", "wajib diisi")):
        with pytest.raises(UserError, match=why), db.begin() as s:
            meja.stamp(s, table, meja.StampForm(desa, "A02", bad, year))
    with pytest.raises(UserError, match="PIN panitia salah"), db.begin() as s:
        meja.void_stamp(s, first.row["id"], "salah desa", "111111")
    with db.begin() as s:
        row = meja.void_stamp(s, first.row["id"], "salah desa", DEFAULT_PIN)
    assert row["voided"] and row["status"] == "BATAL"
    with db.begin() as s:
        c = s.get(Commitment, first.row["id"])
        assert c is not None and c.voided and c.void_reason == "salah desa"
    assert _count(db, Commitment) == 1
    actions = {"commitment.stamp": 1, "commitment.restamp": 1, "commitment.void": 1}
    for action, n in actions.items():
        assert _count(db, AuditEntry, AuditEntry.action == action) == n


def test_amount_preview():
    ok = meja.preview_amount("150jt")
    assert (ok.amount, ok.figures, ok.words) == (
        150_000_000,
        "Rp150.000.000",
        "seratus lima puluh juta rupiah",
    )
    assert meja.preview_amount("").amount is None and not meja.preview_amount("").error
    assert "bukan jumlah rupiah" in meja.preview_amount("banyak sekali").error
    # parse_amount alone reads these as 152 juta / 5 juta / 12: refused at the table instead
    for guessed in ("kira2 150jt", "-5jt", "12,5"):
        assert meja.preview_amount(guessed).amount is None and meja.preview_amount(guessed).error
    assert meja.preview_amount("seratus juta").amount == 100_000_000


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=1, max_value=10**13), st.sampled_from(["{r}", "{j} jt", "{j}jt"]))
def test_amount_preview_takes_every_written_form(value: int, form: str) -> None:
    millions = max(1, value // 1_000_000)
    text = form.format(r=rupiah(value), j=millions)
    expected = value if "{r}" in form else millions * 1_000_000
    assert meja.preview_amount(text).amount == expected


@pytest.mark.parametrize("zero", ["0", "Rp 0", "0 jt", "0,0 M"])
def test_zero_amount_refused(zero: str) -> None:
    assert (
        meja.preview_amount(zero).amount is None
        and "lebih dari Rp 0" in meja.preview_amount(zero).error
    )
