"""Follow-up needs who to call: the Kepala Desa's name and phone and the PD/PLD, in the
follow-up list and in the recap's Komitmen sheet (read back with openpyxl)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from bid_desktop.reports import recap_layout as L
from bid_desktop.services import followup as fu
from bid_desktop.services.contacts import role
from bid_desktop.services.recap import write_recap
from bid_desktop.storage.models import Participant
from tests import recap_data
from tests.registration_data import add_invitees

BANJAR_MANIS, CAMPANG = "18.06.20.2001", "18.06.20.2002"


def _people(db) -> None:  # type: ignore[no-untyped-def]
    add_invitees(db, [
        ("Hendra Gunawan", "Pendamping Desa", "L", None, "Undangan", "TIK", False),
        ("Wulan Sari", "Pendamping Lokal Desa", "P", CAMPANG, "Peserta Utama", "", False),
    ])  # fmt: skip
    phones = {"Suyanto": "+6281200000001", "Hendra Gunawan": "+6281300000002"}
    with db.begin() as s:
        for person in s.scalars(select(Participant).where(Participant.name.in_(phones))):
            person.phone = phones[person.name]


def test_followup_list_and_recap_say_who_to_call(db, tmp_path: Path):
    recap_data.build(db)
    _people(db)
    with db.begin() as s:
        rows = fu.followup_page(s).rows
        path = write_recap(s, tmp_path / "rekap.xlsx").path
    banjar = next(r for r in rows if r["desa_code"] == BANJAR_MANIS)
    assert (banjar["kepala_desa"], banjar["kades_phone"]) == ("Suyanto", "081200000001")
    # the event's PD serves every desa; a PLD given a desa is that desa's
    assert banjar["pendamping"] == "Hendra Gunawan (PD, 081300000002)"
    campang = next(r for r in rows if r["desa_code"] == CAMPANG)
    assert (campang["kepala_desa"], campang["kades_phone"]) == ("Bambang Sutrisno", "")
    assert campang["pendamping"] == "Wulan Sari (PLD)"
    ws = load_workbook(path)[L.COMMITMENT_SHEET]
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    head = values[0]
    desa, kades = head.index("Desa"), head.index("Kepala Desa")
    phone, pd = head.index("HP Kepala Desa"), head.index("PD/PLD")
    assert kades < phone < pd < head.index("Inovasi")
    by_desa = {r[desa]: r for r in values[1:-1]}
    assert by_desa["Banjar Manis"][phone] == "081200000001"
    assert by_desa["Banjar Manis"][pd] == "Hendra Gunawan (PD, 081300000002)"
    assert by_desa["Campang"][pd] == "Wulan Sari (PLD)"


def test_facilitator_roles():
    assert role("Pendamping Lokal Desa") == "PLD" and role("PLD") == "PLD"
    assert role("Pendamping Desa") == "PD" and role("pd") == "PD"
    assert role("Kepala Desa") == "" and role("Ketua BPD") == ""


def test_page_contacts_are_found_through_their_partial_indexes(db) -> None:  # type: ignore[no-untyped-def]
    """The follow-up page reads its Kepala Desa and facilitators through the partial indexes
    of revision 0005 (the query's condition is the index's text), not every participant."""
    from sqlalchemy import event

    recap_data.build(db)
    _people(db)
    seen: list[tuple[str, tuple]] = []  # type: ignore[type-arg]

    def record(_conn, _cursor, statement, params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if "FROM participant" in statement:
            seen.append((statement, tuple(params)))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        with db.begin() as s:
            assert fu.followup_page(s).rows
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    plans = []
    with db.engine.connect() as conn:
        for statement, params in seen:
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
            plans.append(" ".join(r[-1] for r in rows))
    assert len(plans) == 2, plans
    assert "ix_participant_kepala_desa" in plans[0], plans[0]
    assert "ix_participant_facilitator" in plans[1], plans[1]
