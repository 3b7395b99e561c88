"""Walk-in registration and corrections: one form, checked field by field.

A walk-in gets ``walkin_number(station, seq)`` (e.g. ``REG1-0042``): the station code makes it
unique across laptops, the per-station sequence within one laptop. Corrections go through the
ORM, so every change is a new version (history) and an audit entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bid_desktop.domain import ids, people
from bid_desktop.domain.enums import GUEST_CATEGORIES, Category, Source
from bid_desktop.services.audit import audit
from bid_desktop.services.errors import UserError
from bid_desktop.services.registration import now, participant_row
from bid_desktop.services.station import next_walkin_seq, require_state
from bid_desktop.storage.models import Desa, Participant

FORM_FIELDS = (
    "name",
    "jabatan",
    "gender",
    "desa_code",
    "institution",
    "phone",
    "category",
    "guest_category",
    "woman_rep",
)

# Field → label shown in the form (errors name the field the way the secretary sees it).
LABELS = {
    "name": "Nama",
    "jabatan": "Jabatan",
    "gender": "L/P",
    "desa_code": "Desa",
    "institution": "Instansi",
    "phone": "No HP",
    "category": "Kategori",
    "guest_category": "Kategori tamu",
}


class FieldError(UserError):
    """A form value refused; ``field`` says which input to mark."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{LABELS.get(field, field)}: {message}")
        self.field = field
        self.message = message


class FieldErrors(FieldError):
    """Several form values refused at once: ``errors`` has one ``FieldError`` per field."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(errors[0].field, errors[0].message)
        self.args = ("; ".join(str(e) for e in errors),)
        self.errors = errors


@dataclass
class ParticipantForm:
    name: str
    jabatan: str = ""
    gender: str = ""
    desa_code: str | None = None
    institution: str = ""
    phone: str = ""
    category: str = Category.PESERTA_UTAMA.value
    guest_category: str = ""
    woman_rep: bool = False


def form_of(row: dict[str, Any]) -> ParticipantForm:
    return ParticipantForm(**{k: row.get(k) for k in FORM_FIELDS})  # type: ignore[arg-type]


def clean_form(session: Session, event_id: str, form: ParticipantForm) -> dict[str, Any]:
    """The values to store, or ``FieldError`` naming the bad field (``FieldErrors`` when
    several are bad: the form marks them all at once)."""
    errors: list[FieldError] = []

    def check(fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except FieldError as exc:
            errors.append(exc)
            return None

    name = " ".join(form.name.split())
    if not name:
        errors.append(FieldError("name", "wajib diisi"))
    gender = check(_parsed, "gender", people.parse_gender, form.gender)
    phone = check(_parsed, "phone", people.normalize_phone, form.phone)
    category = check(_category, form.category)
    desa_code = (form.desa_code or "").strip() or None
    desa = check(_desa, session, event_id, desa_code)
    if category == Category.PESERTA_UTAMA.value and desa is None and desa_code is None:
        errors.append(FieldError("desa_code", "Peserta Utama harus punya desa"))
    guest = form.guest_category.strip() if category == Category.UNDANGAN.value else ""
    if guest and guest not in GUEST_CATEGORIES:
        errors.append(FieldError("guest_category", f"'{guest}' bukan kategori tamu"))
    if errors:
        raise errors[0] if len(errors) == 1 else FieldErrors(errors)
    jabatan, institution = " ".join(form.jabatan.split()), " ".join(form.institution.split())
    return dict(
        name=name,
        jabatan=jabatan,
        gender=gender,
        desa_code=desa_code,
        institution=institution,
        phone=phone,
        category=category,
        guest_category=guest or ("Lainnya" if category == Category.UNDANGAN.value else ""),
        woman_rep=bool(form.woman_rep),
        is_kepala_desa=people.is_kepala_desa(jabatan),
        _desa_name=desa.name if desa else "",
    )


def _parsed(field: str, parse: Any, text: str) -> Any:
    try:
        return parse(text)
    except ValueError as exc:
        raise FieldError(field, str(exc)) from exc


def _category(text: str) -> str:
    for cat in Category:
        if (text or "").strip().lower() == cat.value.lower():
            return cat.value
    raise FieldError("category", f"'{text}' bukan Peserta Utama/Undangan")


def _desa(session: Session, event_id: str, code: str | None) -> Desa | None:
    if code is None:
        return None
    desa = session.get(Desa, ids.desa_id(event_id, code))
    if desa is None:
        raise FieldError("desa_code", f"kode desa '{code}' bukan desa acara ini")
    return desa


def _search_text(values: dict[str, Any], number: str) -> str:
    return people.participant_search_text(
        values["name"], number, values["_desa_name"], values["institution"], values["jabatan"]
    )


def free_walkin_number(session: Session, event_id: str) -> str:
    """Next number of this station that nobody holds yet (a restored backup may have put the
    sequence behind numbers already handed out)."""
    state = require_state(session)
    while True:
        number = ids.walkin_number(state.station, next_walkin_seq(session))
        taken = session.scalar(
            select(Participant.id).where(
                Participant.event_id == event_id, Participant.number == number
            )
        )
        if taken is None:
            return number


def register_walkin(
    session: Session, event_id: str, form: ParticipantForm, when: dt.datetime | None = None
) -> dict[str, Any]:
    """Register someone who was not invited and check them in at once."""
    values = clean_form(session, event_id, form)
    state = require_state(session)
    number = free_walkin_number(session, event_id)
    search = _search_text(values, number)
    values.pop("_desa_name")
    person = Participant(
        id=ids.new_id(),
        event_id=event_id,
        number=number,
        search=search,
        source=Source.WALKIN.value,
        checked_in_at=when or now(),
        checked_in_station=state.station,
        **values,
    )
    session.add(person)
    session.flush()
    return participant_row(session, person.id)


FIELD_LABELS = {
    "name": "Nama",
    "jabatan": "Jabatan",
    "gender": "Jenis kelamin",
    "desa_code": "Desa",
    "institution": "Instansi",
    "phone": "Telepon",
    "category": "Kategori",
    "guest_category": "Kategori tamu",
    "woman_rep": "Perwakilan perempuan",
}


class RecordChanged(UserError):
    """Fields the user changed were also changed elsewhere since the form was opened."""

    def __init__(self, fields: list[str]) -> None:
        labels = ", ".join(FIELD_LABELS[f] for f in fields)
        super().__init__(
            f"Data peserta ini sudah diubah di tempat lain sejak formulir dibuka ({labels})"
        )
        self.fields = fields


def _plain(value: Any) -> Any:
    return " ".join(value.split()) if isinstance(value, str) else ("" if value is None else value)


def changed_fields(a: ParticipantForm, b: ParticipantForm) -> list[str]:
    """The form fields whose values differ (spaces and None aside)."""
    return [f for f in FORM_FIELDS if _plain(getattr(a, f)) != _plain(getattr(b, f))]


def correct_participant(
    session: Session,
    participant_id: str,
    form: ParticipantForm,
    shown: ParticipantForm | None = None,
    edited: list[str] | None = None,
    overwrite: bool = False,
) -> dict[str, Any]:
    """Edit name, desa, phone...: only the fields the user ``edited`` (default: every field
    that differs) are written, over the record as it is now; ``shown`` is the record as the
    form showed it. A field changed both here and elsewhere meanwhile raises ``RecordChanged``
    unless ``overwrite``; the row returned names, in ``kept``, the fields changed elsewhere
    that were kept. A new version of the record plus an audit entry."""
    person = session.get(Participant, participant_id)
    if person is None:
        raise UserError("Peserta tidak ditemukan")
    current = form_of(participant_row(session, person.id))
    edited = changed_fields(form, current) if edited is None else edited
    underneath = changed_fields(current, shown) if shown is not None else []
    clash = [f for f in edited if f in underneath and f in changed_fields(form, current)]
    if clash and not overwrite:
        raise RecordChanged(clash)
    merged = replace(current, **{f: getattr(form, f) for f in edited})
    _write(session, person, clean_form(session, person.event_id, merged))
    row = participant_row(session, person.id)
    row["kept"] = [FIELD_LABELS[f] for f in underneath if f not in edited]
    return row


def _write(session: Session, person: Participant, values: dict[str, Any]) -> None:
    values["search"] = _search_text(values, person.number)
    values.pop("_desa_name")
    before = {k: getattr(person, k) for k in values if getattr(person, k) != values[k]}
    if not before:
        return
    after = {k: values[k] for k in before}
    for key in before:
        setattr(person, key, values[key])
    audit(session, "participant.correct", "participant", person.id, before, after)
    session.flush()


def desa_choices(session: Session, event_id: str) -> list[dict[str, str]]:
    """The event's desa for the form's completer: code, name, kecamatan."""
    rows = session.execute(
        select(Desa.code, Desa.name, Desa.kecamatan_name)
        .where(Desa.event_id == event_id)
        .order_by(Desa.kecamatan_name, Desa.name)
    )
    return [dict(code=c, name=n, kecamatan=k) for c, n, k in rows]


__all__ = [
    "FieldError",
    "FieldErrors",
    "ParticipantForm",
    "RecordChanged",
    "changed_fields",
    "clean_form",
    "correct_participant",
    "desa_choices",
    "form_of",
    "register_walkin",
]
