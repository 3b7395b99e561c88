"""Commitments (Kartu Komitmen): identified by (event, desa, innovation).

The same commitment stamped at a table, added at Jendela 3 from the paper card, or imported
from a transcribed sheet is one record on every laptop. Voiding needs the committee PIN and
a reason; nothing is deleted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bid_desktop.domain import ids
from bid_desktop.domain.enums import Source
from bid_desktop.services.audit import audit, require_pin
from bid_desktop.services.errors import UserError
from bid_desktop.services.station import require_state
from bid_desktop.storage.models import Commitment, Desa, Innovation

MIN_YEAR, MAX_YEAR = 2020, 2040


@dataclass
class StampInput:
    desa_code: str
    innovation_code: str
    amount: int | None
    planned_year: int | None
    notes: str = ""
    table_code: str = ""
    kepala_desa: str = ""
    source: str = Source.STAMP.value


def find_innovation(session: Session, event_id: str, code: str) -> Innovation:
    innovation = session.get(Innovation, ids.innovation_id(event_id, code))
    if innovation is None or innovation.voided:
        raise UserError(f"Kode inovasi '{code}' tidak ada di menu acara ini")
    return innovation


def find_desa(session: Session, event_id: str, code: str) -> Desa:
    desa = session.get(Desa, ids.desa_id(event_id, code))
    if desa is None:
        raise UserError(f"Kode desa '{code}' bukan desa peserta acara ini")
    return desa


def stamp_commitment(session: Session, data: StampInput) -> tuple[Commitment, bool]:
    """Create or update the commitment; returns (commitment, created)."""
    state = require_state(session)
    event_id = state.event_id
    assert event_id is not None
    find_desa(session, event_id, data.desa_code)
    innovation = find_innovation(session, event_id, data.innovation_code)
    if data.planned_year is not None and not MIN_YEAR <= data.planned_year <= MAX_YEAR:
        raise UserError(f"Tahun rencana {data.planned_year} di luar {MIN_YEAR}–{MAX_YEAR}")
    cid = ids.commitment_id(event_id, data.desa_code, innovation.code)
    commitment = session.get(Commitment, cid)
    created = commitment is None
    if commitment is None:
        commitment = Commitment(
            id=cid,
            event_id=event_id,
            desa_code=data.desa_code,
            innovation_id=innovation.id,
            innovation_code=innovation.code,
            stamped_at=dt.datetime.now().replace(microsecond=0),
            stamped_station=state.station,
            source=data.source,
        )
        session.add(commitment)
    commitment.amount = data.amount
    commitment.planned_year = data.planned_year
    commitment.notes = data.notes
    if data.table_code:
        commitment.table_code = data.table_code
    if data.kepala_desa:
        commitment.kepala_desa = data.kepala_desa
    if commitment.voided:  # stamping again after a void brings it back, on the record
        commitment.voided = False
        audit(session, "commitment.unvoid", "commitment", cid, reason="dicap ulang")
    session.flush()
    return commitment, created


def void_commitment(session: Session, commitment_id: str, reason: str, pin: str | None) -> None:
    require_pin(session, pin)
    if not reason.strip():
        raise UserError("Alasan pembatalan wajib diisi")
    commitment = session.get(Commitment, commitment_id)
    if commitment is None:
        raise UserError("Komitmen tidak ditemukan")
    commitment.voided = True
    commitment.void_reason = reason.strip()
    audit(session, "commitment.void", "commitment", commitment_id, reason=reason.strip())
    session.flush()


def commitments_of_desa(session: Session, event_id: str, desa_code: str) -> list[Commitment]:
    return list(
        session.scalars(
            select(Commitment)
            .where(Commitment.event_id == event_id, Commitment.desa_code == desa_code)
            .order_by(Commitment.innovation_code)
        )
    )
