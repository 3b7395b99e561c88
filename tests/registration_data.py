"""Invitees for registration tests, written the way an invitation import writes them."""

from __future__ import annotations

from bid_desktop.domain import ids, people
from bid_desktop.services.events import current_event
from bid_desktop.storage.db import Database
from bid_desktop.storage.models import Desa, Participant

# name, jabatan, gender, desa code (None = guest), category, guest category, woman rep
INVITEES = [
    ("Suyanto", "Kepala Desa", "L", "18.06.20.2001", "Peserta Utama", "", False),
    ("Siti Aminah", "Ketua TP PKK", "P", "18.06.20.2001", "Peserta Utama", "", True),
    ("Bambang Sutrisno", "Kepala Desa", "L", "18.06.20.2002", "Peserta Utama", "", False),
    ("Sri Wahyuni", "Kader Posyandu", "P", "18.06.20.2002", "Peserta Utama", "", True),
    ("Made Wirawan", "Ketua BPD", "L", "18.06.20.2003", "Peserta Utama", "", False),
    ("Siti Rahayu", "Sekretaris Desa", "P", "18.06.20.2004", "Peserta Utama", "", True),
    ("Joko Purnomo", "Kepala Desa", "L", "18.06.20.2005", "Peserta Utama", "", False),
    ("Rudi Hartono", "Wartawan", "L", None, "Undangan", "Media", False),
    ("Dewi Lestari", "Anggota TIK", "P", None, "Undangan", "TIK", False),
    ("Agus Salim", "Direktur CV Tirta", "L", None, "Undangan", "P2KTD", False),
]


def add_invitees(db: Database, rows: list[tuple] = INVITEES) -> dict[str, str]:  # type: ignore[type-arg]
    """Insert the invitees through the ORM; returns name → participant number."""
    numbers: dict[str, str] = {}
    with db.begin() as session:
        event_id = current_event(session).id
        for name, jabatan, gender, code, category, guest, woman in rows:
            desa = session.get(Desa, ids.desa_id(event_id, code)) if code else None
            pid = ids.invitee_id(event_id, name, code, jabatan)
            number = ids.invitee_number(pid)
            institution = "" if code else f"Lembaga {name.split()[0]}"
            session.add(
                Participant(
                    id=pid,
                    event_id=event_id,
                    number=number,
                    name=name,
                    jabatan=jabatan,
                    gender=gender,
                    desa_code=code,
                    institution=institution,
                    category=category,
                    guest_category=guest,
                    woman_rep=woman,
                    is_kepala_desa=people.is_kepala_desa(jabatan),
                    source="undangan",
                    search=people.participant_search_text(
                        name, number, desa.name if desa else "", institution, jabatan
                    ),
                )
            )
            numbers[name] = number
    return numbers
