"""Printing the piagam: one per desa, its serial fixed at the first issue; every print logged.

The first print of a desa's piagam is the original; any later print (on this laptop or, after a
merge, on another) is a copy: the PDF says SALINAN, a ``PiagamPrint`` with ``is_copy`` and an
audit entry record it. ``issue_piagam`` refuses a second print unless the caller confirmed a
reprint, so a copy is never made by accident.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bid_desktop.domain import ids, regions
from bid_desktop.services import exchange
from bid_desktop.services.audit import audit
from bid_desktop.services.commitments import find_desa
from bid_desktop.services.errors import InputRefused, UserError
from bid_desktop.services.events import current_event, full_title, signatories
from bid_desktop.services.station import require_state
from bid_desktop.storage.models import Event, Piagam, PiagamPrint

if TYPE_CHECKING:
    from bid_desktop.reports.piagam import PiagamData

# reports.piagam (reportlab, ~170 ms) is imported when a piagam is printed, not when the
# Jendela 3 tab opens (start-up, quality P1).

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class AlreadyPrinted(UserError):
    """The piagam was printed before: a new print is a SALINAN and needs the operator's yes."""


@dataclass
class PiagamRun:
    desa_code: str
    desa_name: str
    serial: str
    path: Path
    is_copy: bool
    commitments: int
    unprintable: str = ""  # letters (of titles, signatories) the embedded font cannot print


def piagam_data(
    session: Session, event: Event, desa_code: str, serial: str, copy_note: str = ""
) -> PiagamData:
    """What the piagam of ``desa_code`` shows, read from this laptop's database."""
    from bid_desktop.reports.piagam import PiagamData, PiagamLine, Signatory

    desa = find_desa(session, event.id, desa_code)
    rows = [c for c in exchange.commitment_rows(session, event.id, desa_code) if not c["voided"]]
    return PiagamData(
        serial=serial,
        desa_name=desa.name,
        kecamatan_name=desa.kecamatan_name,
        kabupaten_name=event.kabupaten_name,
        event_name=event.name,
        event_date=event.date,
        venue=event.venue,
        lines=tuple(
            PiagamLine(r["innovation_code"], r["title"], r["amount"], r["planned_year"])
            for r in rows
        ),
        signatories=tuple(
            Signatory(
                full_title(s["title"], desa.kecamatan_name, event.kabupaten_name),
                s["name"],
                s["nip"],
            )
            for s in signatories(event)
        ),
        copy_note=copy_note,
        village=regions.village_word(desa_code),
        plan=regions.plan_name(desa_code),
    )


def print_count(session: Session, piagam_id: str) -> int:
    query = select(func.count()).select_from(PiagamPrint).where(PiagamPrint.piagam_id == piagam_id)
    return int(session.scalar(query) or 0)


def file_name(serial: str, desa_name: str, is_copy: bool, count: int) -> str:
    slug = re.sub(r"[^0-9A-Za-z]+", "-", desa_name).strip("-").lower() or "desa"
    suffix = f"-salinan-{count}" if is_copy else ""
    return f"piagam-{serial}-{slug}{suffix}.pdf"


def issue_piagam(
    session: Session,
    desa_code: str,
    out_dir: Path,
    *,
    reprint: bool = False,
    now: dt.datetime | None = None,
) -> PiagamRun:
    """Write the desa's piagam PDF into ``out_dir`` and log the print.

    Raises ``AlreadyPrinted`` when it was printed before and ``reprint`` is False, and
    ``UserError`` when the desa has no live commitment (nothing to certify)."""
    from bid_desktop.reports.piagam import write_piagam

    event = current_event(session)
    station = require_state(session).station
    if not exchange.desa_with_commitments(session, event.id, [desa_code]):
        raise UserError("Desa ini belum punya komitmen: piagam belum bisa dicetak")
    piagam = exchange.ensure_piagam(session, event.id, desa_code)
    count = print_count(session, piagam.id)
    if count and not reprint:
        raise AlreadyPrinted(
            f"Piagam {piagam.serial} sudah dicetak {count}×; cetak ulang akan bertanda SALINAN"
        )
    now = now or dt.datetime.now().replace(microsecond=0)
    is_copy = count > 0
    # Every print after the first is a reprint: the n-th print is reprint n-1, in the PDF and
    # in its file name alike.
    note = f"cetak ulang ke-{count}, {now:%d-%m-%Y %H:%M}, {station}" if is_copy else ""
    data = piagam_data(session, event, desa_code, piagam.serial, note)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = write_piagam(out_dir / file_name(piagam.serial, data.desa_name, is_copy, count), data)
    _log_print(session, piagam, now, station, is_copy, data)
    run = PiagamRun(desa_code, data.desa_name, piagam.serial, path, is_copy, len(data.lines))
    run.unprintable = _unprintable(data)
    return run


def _unprintable(data: PiagamData) -> str:
    from bid_desktop.reports import fonts

    texts = [data.desa_name, data.event_name, *(line.title for line in data.lines)]
    texts += [f"{s.title} {s.name}" for s in data.signatories]
    return fonts.missing(" ".join(texts), fonts.SERIF)


def _log_print(
    session: Session,
    piagam: Piagam,
    now: dt.datetime,
    station: str,
    is_copy: bool,
    data: PiagamData,
) -> None:
    lines = len(data.lines)
    print_id = ids.new_id()
    session.add(
        PiagamPrint(
            id=print_id,
            event_id=piagam.event_id,
            piagam_id=piagam.id,
            printed_at=now,
            station=station,
            is_copy=is_copy,
            listed=exchange.listing([(ln.code, ln.amount) for ln in data.lines]),
        )
    )
    if piagam.first_printed_at is None:
        piagam.first_printed_at = now
    action = "piagam.reprint" if is_copy else "piagam.print"
    after = {"serial": piagam.serial, "desa_code": piagam.desa_code, "commitments": lines}
    audit(session, action, "piagam", piagam.id, None, after)
    session.flush()


def issue_many(
    session: Session,
    out_dir: Path,
    desa_codes: Sequence[str] = (),
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[PiagamRun]:
    """One PDF per desa (the given codes, else every desa with a live commitment). A desa
    printed before comes out as SALINAN (and is logged as a copy). Unknown codes, or a desa
    without commitments among the codes asked for, are refused before anything is written."""
    event_id = current_event(session).id
    codes = list(dict.fromkeys(c.strip() for c in desa_codes if c.strip()))
    if codes:
        _check_codes(session, event_id, codes)
    else:
        codes = exchange.desa_with_commitments(session, event_id)
    runs: list[PiagamRun] = []
    for code in codes:
        if cancelled is not None and cancelled():
            break
        runs.append(issue_piagam(session, code, out_dir, reprint=True))
        if progress is not None:
            progress(len(runs), len(codes))
    return runs


def _check_codes(session: Session, event_id: str, codes: list[str]) -> None:
    unknown = [c for c in codes if not _is_desa(session, event_id, c)]
    if unknown:
        raise InputRefused(f"kode desa bukan desa acara ini: {', '.join(unknown)}")
    with_commitments = set(exchange.desa_with_commitments(session, event_id, codes))
    empty = [c for c in codes if c not in with_commitments]
    if empty:
        raise InputRefused(f"desa tanpa komitmen (tidak ada piagam): {', '.join(empty)}")


def _is_desa(session: Session, event_id: str, code: str) -> bool:
    try:
        find_desa(session, event_id, code)
    except UserError:
        return False
    return True
