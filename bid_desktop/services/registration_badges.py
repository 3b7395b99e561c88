"""Which badges to print, and the log of what was printed.

A print is logged as one ``badge.print`` audit entry per participant (replicated like every
audit entry), so "print every badge not printed yet" also knows what other laptops printed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from bid_desktop.domain.enums import Category, Source
from bid_desktop.services.audit import audit
from bid_desktop.services.errors import InputRefused, UserError
from bid_desktop.services.events import current_event
from bid_desktop.storage.models import AuditEntry, Desa, Participant

if TYPE_CHECKING:
    from bid_desktop.reports.badges import BadgeData

PRINT_ACTION = "badge.print"

# Which participants a batch prints.
SELECTED, UNPRINTED, WALKINS, ALL = "selected", "unprinted", "walkins", "all"


@dataclass
class BadgeRun:
    path: Path
    count: int
    numbers: list[str]
    # "U1234567: 漢字": badges with letters the embedded font has no glyph for (printed as boxes)
    unprintable: list[str] = field(default_factory=list)


def badge_of(row: Any) -> BadgeData:
    from bid_desktop.domain.regions import village_word
    from bid_desktop.reports.badges import BadgeData  # reportlab: loaded when printing

    desa = ""
    if row.desa_name:
        desa = f"{village_word(row.desa_code)} {row.desa_name}, Kec. {row.kecamatan_name}"
    if row.category == Category.UNDANGAN.value:
        place = " — ".join(p for p in (row.institution, desa) if p)
        band = "UNDANGAN" + (f" · {row.guest_category.upper()}" if row.guest_category else "")
    else:
        place = desa or row.institution
        band = row.category.upper()
    return BadgeData(
        number=row.number,
        name=row.name,
        jabatan=row.jabatan,
        place=place,
        category=row.category,
        band_label=band,
    )


def _query(event_id: str) -> Any:
    return (
        select(
            Participant.id,
            Participant.number,
            Participant.name,
            Participant.jabatan,
            Participant.institution,
            Participant.category,
            Participant.guest_category,
            Desa.name.label("desa_name"),
            Desa.code.label("desa_code"),
            Desa.kecamatan_name,
        )
        .outerjoin(
            Desa, and_(Desa.event_id == Participant.event_id, Desa.code == Participant.desa_code)
        )
        .where(Participant.event_id == event_id, Participant.voided.is_(False))
    )


def select_badges(
    session: Session,
    event_id: str,
    which: str,
    ids: Sequence[str] = (),
    numbers: Sequence[str] = (),
) -> list[Any]:
    """Rows to print. Unknown numbers are refused, naming them (CLI exit 3)."""
    query = _query(event_id)
    if numbers:
        wanted = [n.strip().upper() for n in numbers]
        rows = list(session.execute(query.where(Participant.number.in_(wanted))))
        missing = sorted(set(wanted) - {r.number for r in rows})
        if missing:
            raise InputRefused(f"nomor peserta tidak ada di acara ini: {', '.join(missing)}")
        order = {n: i for i, n in enumerate(wanted)}
        return sorted(rows, key=lambda r: order[r.number])
    if which == SELECTED:
        query = query.where(Participant.id.in_(list(ids)))
    elif which == UNPRINTED:
        printed = select(AuditEntry.record_id).where(
            AuditEntry.event_id == event_id, AuditEntry.action == PRINT_ACTION
        )
        query = query.where(Participant.id.not_in(printed))
    elif which == WALKINS:
        query = query.where(Participant.source == Source.WALKIN.value)
    elif which != ALL:
        raise UserError(f"pilihan cetak badge tidak dikenal: {which}")
    return list(session.execute(query.order_by(Participant.name, Participant.number)))


def print_badges(
    session: Session,
    out: Path,
    which: str = ALL,
    *,
    ids: Sequence[str] = (),
    numbers: Sequence[str] = (),
    layout: str = "sheet",
    progress: Callable[[int, int], None] | None = None,
) -> BadgeRun:
    """Write the badge PDF for the chosen participants and log the print."""
    from bid_desktop.reports.badges import write_badges  # reportlab: loaded when printing

    event = current_event(session)
    rows = select_badges(session, event.id, which, ids, numbers)
    data = [badge_of(r) for r in rows]
    count = write_badges(out, data, event.name, layout=layout, progress=progress)
    for row in rows:
        audit(session, PRINT_ACTION, "participant", row.id, None, {"number": row.number})
    session.flush()
    return BadgeRun(out, count, [r.number for r in rows], unprintable_badges(data))


def unprintable_badges(badges: Sequence[BadgeData]) -> list[str]:
    """Which badges hold letters the font cannot print, by participant number (no names)."""
    from bid_desktop.reports import fonts

    found = []
    for badge in badges:
        letters = fonts.missing(" ".join((badge.name, badge.jabatan, badge.place)))
        if letters:
            found.append(f"{badge.number}: {letters}")
    return found


def printed_count(session: Session, participant_id: str) -> int:
    return len(
        session.scalars(
            select(AuditEntry.id).where(
                AuditEntry.action == PRINT_ACTION, AuditEntry.record_id == participant_id
            )
        ).all()
    )
