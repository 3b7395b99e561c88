"""Jendela 3 (station 4): the Kepala Desa hands over the Kartu Komitmen and leaves with a piagam.

A scan (badge number, desa code or desa name; ``meja.pick_desa``, as at the tables) finds
the desa; the panel shows its commitments known to this laptop. Commitments written on the
paper card that this laptop does not know are added with ``stamp_commitment`` (same natural id as a stamp, so a merge joins them). Receiving
the card creates the desa's ``Piagam`` record (one per desa, ``piagam_id``) and with it the
serial; printing is in ``exchange_piagam``, ideas in ``exchange_ideas``, the photo in
``exchange_photo``. Everything returns plain data for the UI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from bid_desktop.domain import amounts, ids
from bid_desktop.domain.enums import Source
from bid_desktop.services import stamp_checks
from bid_desktop.services.audit import audit
from bid_desktop.services.commitments import (
    StampInput,
    find_desa,
    find_innovation,
    stamp_commitment,
)
from bid_desktop.services.errors import UserError
from bid_desktop.services.meja import pick_desa
from bid_desktop.services.station import next_piagam_seq, require_state
from bid_desktop.storage.models import (
    Commitment,
    Desa,
    Innovation,
    Piagam,
    PiagamPrint,
)

# --- the desa panel --------------------------------------------------------------------------


@dataclass
class PiagamState:
    id: str
    serial: str
    card_received: bool
    first_printed_at: dt.datetime | None
    prints: int
    photo_id: str | None
    # The last print does not list what the desa has now (a commitment added or changed
    # since): the printed piagam is out of date and a reprint (SALINAN) lists everything.
    stale: bool = False


@dataclass
class DesaPanel:
    desa_code: str
    desa_name: str
    kecamatan_name: str
    kepala_desa: str
    commitments: list[dict[str, Any]]
    piagam: PiagamState | None
    scanned_name: str = ""  # whose badge was scanned ("" when the desa was typed)
    scanned_is_kepala_desa: bool = False

    @property
    def live(self) -> list[dict[str, Any]]:
        return [c for c in self.commitments if not c["voided"]]

    @property
    def total(self) -> int:
        return sum(c["amount"] or 0 for c in self.live)


def commitment_rows(session: Session, event_id: str, desa_code: str) -> list[dict[str, Any]]:
    """The desa's commitments (voided ones too, marked) with amount in figures and words."""
    query = (
        select(Commitment, Innovation.title, Innovation.bursa)
        .outerjoin(Innovation, Innovation.id == Commitment.innovation_id)
        .where(Commitment.event_id == event_id, Commitment.desa_code == desa_code)
        .order_by(Commitment.voided, Commitment.innovation_code)
    )
    return [_commitment_row(c, title, bursa) for c, title, bursa in session.execute(query)]


def _commitment_row(c: Commitment, title: str | None, bursa: str | None) -> dict[str, Any]:
    return {
        "id": c.id,
        "innovation_code": c.innovation_code,
        "title": title or "",
        "bursa": bursa or "",
        "amount": c.amount,
        "rupiah": amounts.rupiah(c.amount),
        "words": amounts.words(c.amount) if c.amount is not None else "",
        "planned_year": c.planned_year,
        "kepala_desa": c.kepala_desa,
        "source": c.source,
        "station": c.stamped_station,
        "table_code": c.table_code,
        "voided": c.voided,
        "void_reason": c.void_reason,
    }


def listing(lines: Sequence[tuple[str, int | None]]) -> str:
    """What a piagam lists, as ``PiagamPrint.listed`` keeps it: "A01=150000000;B02=" sorted."""
    return ";".join(sorted(f"{code}={'' if amount is None else amount}" for code, amount in lines))


def live_listing(session: Session, event_id: str, desa_code: str) -> str:
    query = select(Commitment.innovation_code, Commitment.amount).where(
        Commitment.event_id == event_id,
        Commitment.desa_code == desa_code,
        Commitment.voided.is_(False),
    )
    return listing([(code, amount) for code, amount in session.execute(query)])


def piagam_state(session: Session, event_id: str, desa_code: str) -> PiagamState | None:
    piagam = session.get(Piagam, ids.piagam_id(event_id, desa_code))
    if piagam is None:
        return None
    prints = session.scalar(
        select(func.count()).select_from(PiagamPrint).where(PiagamPrint.piagam_id == piagam.id)
    )
    last = session.scalars(
        select(PiagamPrint.listed)
        .where(PiagamPrint.piagam_id == piagam.id)
        .order_by(PiagamPrint.printed_at.desc(), PiagamPrint.id.desc())
        .limit(1)
    ).first()
    # A print logged before prints recorded their list ("") cannot be compared: not stale.
    stale = bool(last) and last != live_listing(session, event_id, desa_code)
    return PiagamState(
        piagam.id,
        piagam.serial,
        piagam.card_received,
        piagam.first_printed_at,
        int(prints or 0),
        piagam.photo_id,
        stale,
    )


def scan(session: Session, event_id: str, text: str) -> DesaPanel:
    """A scanned badge (its holder's desa), a desa code or a desa name → the desa panel.
    UserError (naming what was scanned) for a guest, a voided badge, nothing or several."""
    pick = pick_desa(session, event_id, text)
    return DesaPanel(
        desa_code=pick.code,
        desa_name=pick.name,
        kecamatan_name=pick.kecamatan,
        kepala_desa=pick.kepala_desa,
        commitments=commitment_rows(session, event_id, pick.code),
        piagam=piagam_state(session, event_id, pick.code),
        scanned_name=pick.scanned_name,
        scanned_is_kepala_desa=pick.is_kepala_desa,
    )


def desa_panel(session: Session, event_id: str, desa_code: str) -> DesaPanel:
    return scan(session, event_id, desa_code)


# --- the paper card -------------------------------------------------------------------------


@dataclass
class CardCommitment:
    desa_code: str
    innovation_code: str
    amount: int | None
    planned_year: int | None
    notes: str = ""
    table_code: str = ""
    kepala_desa: str = ""
    confirmed: frozenset[str] = frozenset()  # questions answered yes (stamp_checks)


def add_from_card(session: Session, card: CardCommitment) -> dict[str, Any]:
    """A commitment written on the paper card that this laptop does not know yet.

    One this laptop already has is refused (never overwrites a consultant's stamp or a void);
    a new one gets the stamp's natural id, so it merges with the table's record."""
    state = require_state(session)
    event_id = state.event_id
    assert event_id is not None
    code = card.innovation_code.strip().upper()
    existing = session.get(Commitment, ids.commitment_id(event_id, card.desa_code, code))
    if existing is not None:
        if existing.voided:
            raise UserError(
                f"Komitmen {code} desa ini sudah dibatalkan ({existing.void_reason}); "
                "cap ulang di meja konsultasi bila memang berlaku"
            )
        where = existing.stamped_station or "stasiun lain"
        raise UserError(
            f"Komitmen {code} sudah tercatat ({amounts.rupiah(existing.amount) or 'tanpa jumlah'},"
            f" {where}); tidak ditambah lagi"
        )
    if card.amount is None:
        raise UserError("Perkiraan anggaran wajib diisi (contoh: 150jt, Rp 150.000.000)")
    innovation = find_innovation(session, event_id, code)
    reason = stamp_checks.implausible(session, event_id, innovation, card.amount)
    if reason and stamp_checks.AMOUNT not in card.confirmed:
        raise stamp_checks.ask_amount(reason, card.amount)  # a figure misread from the card
    commitment, _created = stamp_commitment(
        session,
        StampInput(
            desa_code=card.desa_code,
            innovation_code=code,
            amount=card.amount,
            planned_year=card.planned_year,
            notes=card.notes,
            table_code=card.table_code,
            kepala_desa=card.kepala_desa,
            source=Source.JENDELA3.value,
        ),
    )
    audit(
        session, "commitment.from_card", "commitment", commitment.id, None, {"amount": card.amount}
    )
    session.flush()
    title, bursa = session.execute(
        select(Innovation.title, Innovation.bursa).where(Innovation.id == commitment.innovation_id)
    ).one()
    return _commitment_row(commitment, title, bursa)


# --- the piagam record: card received, serial ------------------------------------------------


def ensure_piagam(session: Session, event_id: str, desa_code: str) -> Piagam:
    """The desa's piagam record; created once with this station's next serial (J3A-0007),
    which then stays with the desa on every reprint and every laptop."""
    pid = ids.piagam_id(event_id, desa_code)
    piagam = session.get(Piagam, pid)
    if piagam is None:
        find_desa(session, event_id, desa_code)
        station = require_state(session).station
        piagam = Piagam(
            id=pid,
            event_id=event_id,
            desa_code=desa_code,
            serial=f"{station}-{next_piagam_seq(session):04d}",
            card_received=False,
            station=station,
        )
        session.add(piagam)
        session.flush()
    return piagam


def mark_card_received(
    session: Session, event_id: str, desa_code: str, received: bool = True
) -> PiagamState:
    piagam = ensure_piagam(session, event_id, desa_code)
    if piagam.card_received != received:
        piagam.card_received = received
        action = "piagam.card_received" if received else "piagam.card_not_received"
        audit(session, action, "piagam", piagam.id, None, {"desa_code": desa_code})
        session.flush()
    state = piagam_state(session, event_id, desa_code)
    assert state is not None
    return state


def desa_with_commitments(
    session: Session, event_id: str, among: Sequence[str] | None = None
) -> list[str]:
    """Codes of the desa (all, or those ``among``) with a live commitment, in desa order."""
    query = (
        select(Desa.code)
        .join(
            Commitment,
            and_(Commitment.event_id == Desa.event_id, Commitment.desa_code == Desa.code),
        )
        .where(Desa.event_id == event_id, Commitment.voided.is_(False))
        .group_by(Desa.code)
        .order_by(Desa.kecamatan_code, Desa.name)
    )
    if among is not None:
        query = query.where(Desa.code.in_(list(among)))
    return list(session.scalars(query))
