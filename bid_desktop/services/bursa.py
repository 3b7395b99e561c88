"""Ruang Bursa (station 2): the innovation menu per bursa and the P2KTD provider directory
(rooms, sessions and tables: ``bursa_rooms``; attendance, ratings, ranking: ``bursa_floor``).

Everything takes a Session and returns plain dicts for the UI. Innovations and providers
carry natural ids (domain/ids.py), so the same item entered on two laptops is one record.
Every write goes through the ORM (a version each) and into the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bid_desktop.domain import amounts, ids, people
from bid_desktop.domain.enums import Bursa
from bid_desktop.domain.text import fold
from bid_desktop.services.audit import audit, require_pin
from bid_desktop.services.errors import UserError
from bid_desktop.services.events import current_event
from bid_desktop.storage.models import (
    Innovation,
    Provider,
    Synced,
)

BURSA_CODES = tuple(b.value for b in Bursa)


def check_bursa(bursa: str, blank_ok: bool = False) -> str:
    value = (bursa or "").strip().upper()
    if blank_ok and not value:
        return ""
    if value not in BURSA_CODES:
        raise UserError(f"Bursa '{bursa}' tidak sah: pilih A, B atau C")
    return value


def snapshot(obj: Synced, columns: tuple[str, ...]) -> dict[str, Any]:
    return {c: getattr(obj, c) for c in columns}


def record_change(
    session: Session, action: str, obj: Synced, cols: tuple[str, ...], before: Any
) -> None:
    after = snapshot(obj, cols)
    if before != after:
        audit(session, action, obj.__tablename__, obj.id, before=before, after=after)
    session.flush()


# --- menu inovasi ------------------------------------------------------------------------------

INNOVATION_FIELDS = (
    "code",
    "title",
    "bursa",
    "origin_desa",
    "origin_kabupaten",
    "summary",
    "cost_estimate",
    "provider_id",
    "video",
    "voided",
)


@dataclass
class InnovationForm:
    code: str
    title: str
    bursa: str
    origin_desa: str = ""
    origin_kabupaten: str = ""
    summary: str = ""
    cost_estimate: object = None  # int, or text in any Indonesian amount form
    provider_id: str | None = None
    video: str = ""


def innovation_rows(
    session: Session,
    event_id: str,
    bursa: str = "",
    text: str = "",
    include_voided: bool = False,
) -> list[dict[str, Any]]:
    """The menu (optionally one bursa), filtered in SQL by code/title words, with provider names."""
    conds: list[Any] = [Innovation.event_id == event_id]
    if bursa:
        conds.append(Innovation.bursa == check_bursa(bursa))
    if not include_voided:
        conds.append(Innovation.voided.is_(False))
    for word in fold(text).split():
        conds.append(or_(Innovation.code.ilike(f"%{word}%"), Innovation.title.ilike(f"%{word}%")))
    query = (
        select(
            *[getattr(Innovation, c) for c in ("id", *INNOVATION_FIELDS)],
            Provider.name.label("provider_name"),
        )
        .outerjoin(Provider, Provider.id == Innovation.provider_id)
        .where(*conds)
        .order_by(Innovation.bursa, Innovation.code)
    )
    return [_innovation_dict(r._mapping) for r in session.execute(query)]


def _innovation_dict(mapping: Any) -> dict[str, Any]:
    row = dict(mapping)
    row["provider_name"] = row.get("provider_name") or ""
    row["cost_text"] = amounts.rupiah(row.get("cost_estimate"))
    return row


def innovation_row(session: Session, innovation_id: str) -> dict[str, Any]:
    innovation = session.get(Innovation, innovation_id)
    if innovation is None:
        raise UserError("Inovasi tidak ditemukan")
    rows = innovation_rows(session, innovation.event_id, include_voided=True)
    return next(r for r in rows if r["id"] == innovation_id)


def _clean_innovation(session: Session, event_id: str, form: InnovationForm) -> dict[str, Any]:
    code = form.code.strip().upper()
    if not code:
        raise UserError("Kode inovasi wajib diisi")
    if len(code) > 20 or not all(c.isalnum() or c in "-._" for c in code):
        raise UserError(f"Kode inovasi '{code}' tidak sah: huruf/angka, maksimal 20")
    title = form.title.strip()
    if not title:
        raise UserError("Judul inovasi wajib diisi")
    try:
        cost = amounts.parse_amount(form.cost_estimate)
    except ValueError as exc:
        raise UserError(f"Perkiraan biaya: {exc}") from exc
    if form.provider_id and session.get(Provider, form.provider_id) is None:
        raise UserError("Penyedia (P2KTD) tidak ditemukan di direktori")
    return dict(
        code=code,
        title=title,
        bursa=check_bursa(form.bursa),
        origin_desa=form.origin_desa.strip(),
        origin_kabupaten=form.origin_kabupaten.strip(),
        summary=form.summary.strip(),
        cost_estimate=cost,
        provider_id=form.provider_id or None,
        video=form.video.strip(),
    )


def save_innovation(
    session: Session, form: InnovationForm, innovation_id: str | None = None
) -> dict[str, Any]:
    """Add a menu item, or edit one (``innovation_id``). The code is its identity, so a new
    item whose code exists already edits that item (and brings it back if it was voided)."""
    event_id = current_event(session).id
    values = _clean_innovation(session, event_id, form)
    nid = ids.innovation_id(event_id, values["code"])
    if innovation_id is not None and innovation_id != nid:
        raise UserError("Kode inovasi tidak dapat diubah; batalkan lalu buat yang baru")
    innovation = session.get(Innovation, nid)
    before = snapshot(innovation, INNOVATION_FIELDS) if innovation else None
    if innovation is None:
        innovation = Innovation(id=nid, event_id=event_id, **values)
        session.add(innovation)
    for key, value in values.items():
        setattr(innovation, key, value)
    innovation.voided = False
    action = "innovation.add" if before is None else "innovation.edit"
    record_change(session, action, innovation, INNOVATION_FIELDS, before)
    return innovation_row(session, nid)


def void_innovation(session: Session, innovation_id: str, reason: str, pin: str | None) -> None:
    """Take an item off the menu (its ratings and commitments stay on the record)."""
    require_pin(session, pin)
    if not reason.strip():
        raise UserError("Alasan pembatalan wajib diisi")
    innovation = session.get(Innovation, innovation_id)
    if innovation is None:
        raise UserError("Inovasi tidak ditemukan")
    innovation.voided = True
    audit(session, "innovation.void", "innovation", innovation_id, reason=reason.strip())
    session.flush()


def link_provider(session: Session, innovation_id: str, provider_id: str | None) -> dict[str, Any]:
    innovation = session.get(Innovation, innovation_id)
    if innovation is None:
        raise UserError("Inovasi tidak ditemukan")
    if provider_id and session.get(Provider, provider_id) is None:
        raise UserError("Penyedia (P2KTD) tidak ditemukan di direktori")
    before = snapshot(innovation, ("provider_id",))
    innovation.provider_id = provider_id or None
    record_change(session, "innovation.provider", innovation, ("provider_id",), before)
    return innovation_row(session, innovation_id)


# --- direktori P2KTD ---------------------------------------------------------------------------

PROVIDER_FIELDS = ("name", "bidang", "services", "contact", "phone", "address")


@dataclass
class ProviderForm:
    name: str
    bidang: str = ""
    services: str = ""
    contact: str = ""
    phone: str = ""
    address: str = ""


def provider_rows(session: Session, event_id: str, text: str = "") -> list[dict[str, Any]]:
    conds: list[Any] = [Provider.event_id == event_id]
    for word in fold(text).split():
        like = f"%{word}%"
        conds.append(or_(Provider.name.ilike(like), Provider.services.ilike(like)))
    query = select(*[getattr(Provider, c) for c in ("id", *PROVIDER_FIELDS)]).where(*conds)
    return [dict(r._mapping) for r in session.execute(query.order_by(Provider.name))]


def save_provider(
    session: Session, form: ProviderForm, provider_id: str | None = None
) -> dict[str, Any]:
    """Add a provider (identified by its name, like the import) or edit one."""
    event_id = current_event(session).id
    name = form.name.strip()
    if not name:
        raise UserError("Nama lembaga wajib diisi")
    try:
        phone = people.normalize_phone(form.phone)
    except ValueError as exc:
        raise UserError(f"No HP: {exc}") from exc
    values = dict(
        name=name,
        bidang=check_bursa(form.bidang, blank_ok=True),
        services=form.services.strip(),
        contact=form.contact.strip(),
        phone=phone,
        address=form.address.strip(),
    )
    pid = provider_id or ids.provider_id(event_id, name)
    provider = session.get(Provider, pid)
    before = snapshot(provider, PROVIDER_FIELDS) if provider else None
    if provider is None:
        provider = Provider(id=pid, event_id=event_id, **values)
        session.add(provider)
    for key, value in values.items():
        setattr(provider, key, value)
    record_change(session, "provider.add" if before is None else "provider.edit", provider,
            PROVIDER_FIELDS, before)  # fmt: skip
    return next(r for r in provider_rows(session, event_id) if r["id"] == pid)
