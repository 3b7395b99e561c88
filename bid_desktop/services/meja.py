"""Meja Konsultasi (station 3): this laptop is table N of bursa X; find the desa by the Kepala
Desa's badge, record the consultation, stamp the commitment, list and void this table's stamps.

The table identity is a replicated ``Setting`` keyed by the station code (so the committee
sees which laptop runs which table) and the table's ``station_code``; a station named like
``MKA2`` is table 2 of Bursa A until told otherwise. Stamps go through
``commitments.stamp_commitment``: identity (event, desa, innovation), one record everywhere.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from bid_desktop.domain import amounts, ids
from bid_desktop.domain.enums import BURSA_LABELS, Bursa
from bid_desktop.domain.text import fold
from bid_desktop.services import stamp_checks as checks
from bid_desktop.services.audit import audit
from bid_desktop.services.bursa import check_bursa
from bid_desktop.services.bursa_rooms import save_table
from bid_desktop.services.commitments import (
    StampInput,
    find_desa,
    find_innovation,
    stamp_commitment,
    void_commitment,
)
from bid_desktop.services.errors import UserError
from bid_desktop.services.events import current_event
from bid_desktop.services.registration import find_by_number
from bid_desktop.services.station import require_state
from bid_desktop.storage.models import (
    Commitment,
    Consultation,
    ConsultationTable,
    Desa,
    Innovation,
    Participant,
    Provider,
    Setting,
)

TABLE_KEY = "meja:{station}"
STATION_TABLE = re.compile(r"^MK([ABC])(\d{1,2})$")
COMMITMENT_FIELDS = ("amount", "planned_year", "notes", "table_code", "kepala_desa", "voided")


# --- which table is this laptop ------------------------------------------------------------------


@dataclass(frozen=True)
class TableIdentity:
    bursa: str
    number: int
    consultants: str = ""

    @property
    def code(self) -> str:
        return f"{self.bursa}{self.number}"

    @property
    def bursa_label(self) -> str:
        return BURSA_LABELS[Bursa(self.bursa)]


def _setting_id(event_id: str, station: str) -> str:
    return ids.natural_id("setting", event_id, TABLE_KEY.format(station=station))


def table_identity(session: Session) -> TableIdentity | None:
    """This laptop's table: the stored setting, else read from a station code like MKA2."""
    state = require_state(session)
    assert state.event_id is not None
    setting = session.get(Setting, _setting_id(state.event_id, state.station))
    bursa, number = "", 0
    if setting is not None and ":" in setting.value:
        bursa, _, digits = setting.value.partition(":")
        number = int(digits) if digits.isdigit() else 0
    elif (match := STATION_TABLE.match(state.station)) is not None:
        bursa, number = match.group(1), int(match.group(2))
    if bursa not in Bursa.__members__ or number < 1:
        return None
    table = session.get(ConsultationTable, ids.table_id(state.event_id, bursa, number))
    return TableIdentity(bursa, number, table.consultants if table else "")


def set_table_identity(
    session: Session, bursa: str, number: int, consultants: str | None = None
) -> TableIdentity:
    """Make this laptop table ``number`` of ``bursa`` (stored, audited, replicated)."""
    state = require_state(session)
    assert state.event_id is not None
    bursa = check_bursa(bursa)
    table = save_table(
        session,
        bursa,
        number,
        consultants if consultants is not None else _consultants(session, bursa, number),
        station_code=state.station,
    )
    sid, value = _setting_id(state.event_id, state.station), f"{bursa}:{number}"
    key = TABLE_KEY.format(station=state.station)
    setting = session.get(Setting, sid)
    before = setting.value if setting is not None else None
    if setting is None:
        setting = Setting(id=sid, event_id=state.event_id, key=key, value=value)
        session.add(setting)
    setting.value = value
    if before != value:
        audit(session, "table.identity", "setting", sid, before=before, after=value)
    session.flush()
    return TableIdentity(bursa, number, table["consultants"])


def _consultants(session: Session, bursa: str, number: int) -> str:
    table = session.get(ConsultationTable, ids.table_id(current_event(session).id, bursa, number))
    return table.consultants if table is not None else ""


# --- who sits at the table -----------------------------------------------------------------------


@dataclass
class DesaPick:
    code: str
    name: str
    kecamatan: str
    kepala_desa: str = ""  # name of the Kepala Desa (scanned, or registered for the desa)
    participant_id: str | None = None  # the person whose badge was scanned
    scanned_name: str = ""
    is_kepala_desa: bool = False
    stamped: list[dict[str, Any]] = field(default_factory=list)  # this desa's commitments


def pick_desa(session: Session, event_id: str, text: str) -> DesaPick:
    """A scanned badge number, or a desa code or (unique) name typed at the table."""
    text = text.strip()
    person = find_by_number(session, event_id, text) if text else None
    if person is not None:
        if person["voided"]:
            raise UserError(f"{person['name']} ({person['number']}) sudah dibatalkan")
        if not person["desa_code"]:
            raise UserError(f"{person['name']} bukan utusan desa; pilih desanya")
        pick = _desa_pick(session, event_id, person["desa_code"])
        pick.participant_id, pick.scanned_name = person["id"], person["name"]
        pick.is_kepala_desa = bool(person["is_kepala_desa"])
        if pick.is_kepala_desa:
            pick.kepala_desa = person["name"]
        return pick
    return _desa_pick(session, event_id, _desa_code_of(session, event_id, text))


def _desa_code_of(session: Session, event_id: str, text: str) -> str:
    rows = session.execute(select(Desa.code, Desa.name).where(Desa.event_id == event_id)).all()
    if any(code == text for code, _ in rows):
        return text
    wanted = fold(text.removeprefix("Desa ").removeprefix("desa "))
    found = [code for code, name in rows if fold(name) == wanted] or [
        code for code, name in rows if wanted and wanted in fold(name)
    ]
    if len(found) == 1:
        return found[0]
    if not found:
        raise UserError(f"Tidak ditemukan: {text} — pindai badge Kepala Desa atau pilih desa")
    raise UserError(f"'{text}' cocok dengan {len(found)} desa; ketik lebih lengkap")


def _desa_pick(session: Session, event_id: str, code: str) -> DesaPick:
    desa = find_desa(session, event_id, code)
    kades = session.scalar(
        select(Participant.name)
        .where(Participant.event_id == event_id, Participant.desa_code == code)
        .where(Participant.is_kepala_desa.is_(True), Participant.voided.is_(False))
        .order_by(Participant.checked_in_at.is_(None), Participant.name)
        .limit(1)
    )
    return DesaPick(
        code=desa.code,
        name=desa.name,
        kecamatan=desa.kecamatan_name,
        kepala_desa=kades or "",
        stamped=stamp_rows(session, event_id, desa_code=desa.code),
    )


# --- consultation ------------------------------------------------------------------------------


@dataclass
class ConsultationForm:
    desa_code: str
    innovation_codes: list[str]
    questions: str = ""
    notes: str = ""
    provider_id: str | None = None
    participant_id: str | None = None


def record_consultation(
    session: Session, table: TableIdentity, form: ConsultationForm, when: dt.datetime | None = None
) -> str:
    """One consultation at this table (a new record each time: a desa may come back)."""
    event_id = current_event(session).id
    find_desa(session, event_id, form.desa_code)
    codes = [find_innovation(session, event_id, c).code for c in form.innovation_codes if c]
    if not codes and not form.questions.strip() and not form.notes.strip():
        raise UserError("Isi inovasi yang dibahas, pertanyaan atau catatan")
    if form.provider_id and session.get(Provider, form.provider_id) is None:
        raise UserError("Penyedia (P2KTD) tidak ditemukan di direktori")
    consultation = Consultation(
        id=ids.new_id(),
        event_id=event_id,
        desa_code=form.desa_code,
        participant_id=form.participant_id,
        table_code=table.code,
        innovation_codes=",".join(dict.fromkeys(codes)),
        questions=form.questions.strip(),
        notes=form.notes.strip(),
        provider_id=form.provider_id or None,
        consulted_at=when or dt.datetime.now().replace(microsecond=0),
        voided=False,
    )
    session.add(consultation)
    audit(session, "consultation.add", "consultation", consultation.id,
          after={"desa": form.desa_code, "inovasi": consultation.innovation_codes})  # fmt: skip
    session.flush()
    return consultation.id


def consultation_count(session: Session, event_id: str, table_code: str) -> int:
    query = (
        select(func.count())
        .select_from(Consultation)
        .where(
            Consultation.event_id == event_id,
            Consultation.table_code == table_code,
            Consultation.voided.is_(False),
        )
    )
    return int(session.scalar(query) or 0)


# --- stamping ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AmountPreview:
    amount: int | None
    figures: str = ""
    words: str = ""
    error: str = ""


def preview_amount(text: str) -> AmountPreview:
    """What the amount field shows live: the parsed Rupiah and terbilang, or why not."""
    try:
        amount = amounts.parse_amount(text)
    except ValueError as exc:
        return AmountPreview(None, error=str(exc))
    if amount is None:
        return AmountPreview(None)
    if amount == 0:
        return AmountPreview(None, error="perkiraan anggaran harus lebih dari Rp 0")
    return AmountPreview(amount, amounts.rupiah(amount), amounts.words(amount))


@dataclass
class StampForm:
    desa_code: str
    innovation_code: str
    amount_text: str
    planned_year: int | None
    notes: str = ""
    kepala_desa: str = ""
    confirmed: frozenset[str] = frozenset()  # questions the table answered yes (stamp_checks)


@dataclass
class StampResult:
    created: bool
    row: dict[str, Any]
    changed: bool = True  # False: the same values stamped again


def stamp(session: Session, table: TableIdentity, form: StampForm) -> StampResult:
    """Stamp the Kartu Komitmen at this table: parse the amount, then ``stamp_commitment``."""
    event_id = current_event(session).id
    if not form.innovation_code.strip():
        raise UserError("Kode inovasi wajib diisi")
    preview = preview_amount(form.amount_text)
    if preview.error:
        raise UserError(f"Perkiraan anggaran: {preview.error}")
    if preview.amount is None:
        raise UserError("Perkiraan anggaran wajib diisi (contoh: Rp 150.000.000, 150jt, 1,5 M)")
    innovation = find_innovation(session, event_id, form.innovation_code)
    desa = find_desa(session, event_id, form.desa_code)
    existing = session.get(Commitment, ids.commitment_id(event_id, desa.code, innovation.code))
    stamp_values = (preview.amount, form.planned_year, form.notes.strip())
    checks.check_stamp(session, event_id, table.bursa, desa.name, innovation, existing,
                       stamp_values, form.confirmed)  # fmt: skip
    before = {c: getattr(existing, c) for c in COMMITMENT_FIELDS} if existing else None
    data = StampInput(
        desa_code=form.desa_code,
        innovation_code=form.innovation_code,
        amount=preview.amount,
        planned_year=form.planned_year,
        notes=form.notes.strip(),
        table_code=table.code,
        kepala_desa=form.kepala_desa.strip(),
    )
    commitment, created = stamp_commitment(session, data)
    after = {c: getattr(commitment, c) for c in COMMITMENT_FIELDS}
    if before != after:
        action = "commitment.stamp" if created else "commitment.restamp"
        audit(session, action, "commitment", commitment.id, before=before, after=after)
    if before != after and not created:  # the new stamp: this table, now
        commitment.stamped_at = dt.datetime.now().replace(microsecond=0)
        commitment.stamped_station = require_state(session).station
    session.flush()
    row = stamp_rows(session, event_id, commitment_id=commitment.id)[0]
    return StampResult(created, row, changed=before != after)


def void_stamp(
    session: Session, commitment_id: str, reason: str, pin: str | None
) -> dict[str, Any]:
    """Void behind the committee PIN with a reason (audited by ``void_commitment``)."""
    void_commitment(session, commitment_id, reason, pin)
    commitment = session.get(Commitment, commitment_id)
    assert commitment is not None
    return stamp_rows(session, commitment.event_id, commitment_id=commitment_id)[0]


def stamp_rows(
    session: Session,
    event_id: str,
    table_code: str | None = None,
    desa_code: str | None = None,
    commitment_id: str | None = None,
    limit: int = 500,
) -> list[dict[str, Any]]:
    """Stamps (voided ones too, marked) of a table or a desa, newest first, as plain rows."""
    conds: list[Any] = [Commitment.event_id == event_id]
    if table_code is not None:
        conds.append(Commitment.table_code == table_code)
    if desa_code is not None:
        conds.append(Commitment.desa_code == desa_code)
    if commitment_id is not None:
        conds.append(Commitment.id == commitment_id)
    cols = ("id", "desa_code", "innovation_code", "kepala_desa", "amount", "planned_year",
            "notes", "table_code", "stamped_at", "stamped_station", "voided", "void_reason")  # fmt: skip
    query = (
        select(
            *[getattr(Commitment, c) for c in cols],
            Desa.name.label("desa_name"),
            Innovation.title.label("innovation_title"),
        )
        .outerjoin(
            Desa, and_(Desa.event_id == Commitment.event_id, Desa.code == Commitment.desa_code)
        )
        .outerjoin(Innovation, Innovation.id == Commitment.innovation_id)
        .where(*conds)
        .order_by(Commitment.stamped_at.desc(), Commitment.innovation_code)
        .limit(limit)
    )
    rows = []
    for r in session.execute(query):
        row = dict(r._mapping)
        row["amount_text"] = amounts.rupiah(row["amount"])
        row["status"] = "BATAL" if row["voided"] else "sah"
        rows.append(row)
    return rows


def innovation_choices(session: Session, event_id: str, bursa: str = "") -> list[dict[str, Any]]:
    """Menu items for the pickers: this table's bursa first, then the others."""
    query = select(Innovation.code, Innovation.title, Innovation.bursa, Innovation.cost_estimate)
    query = query.where(Innovation.event_id == event_id, Innovation.voided.is_(False))
    rows = [dict(r._mapping) for r in session.execute(query)]
    rows.sort(key=lambda r: (r["bursa"] != bursa, r["bursa"], r["code"]))
    return rows


def provider_choices(session: Session, event_id: str) -> list[dict[str, Any]]:
    query = select(Provider.id, Provider.name, Provider.bidang).where(Provider.event_id == event_id)
    return [dict(r._mapping) for r in session.execute(query.order_by(Provider.name))]


def default_year(session: Session) -> int:
    """Commitments go into next year's RKP Desa."""
    return current_event(session).date.year + 1
