"""`import recap`: what the TA owns in the recap workbook, matched by the hidden ID.

The TA owns, and the import stores: Tanggapan/Penilaian (commitments and ideas), Status Tindak
Lanjut and Catatan Tindak Lanjut (the commitment's follow-up), Status Verifikasi (the idea's
verification). Every other column is the application's: an edit there is not imported, and the
result lists it (sheet, row, column) with the columns the layout does not know, so nothing is
dropped without a word. All-or-nothing: any bad row refuses the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from sqlalchemy.orm import Session

from bid_desktop.domain import ids
from bid_desktop.domain.enums import FOLLOWUP_STATUSES
from bid_desktop.domain.text import header_key
from bid_desktop.domain.workdays import followup_due
from bid_desktop.reports import recap_layout as L
from bid_desktop.reports.sheets import RowErrors, cell_text, from_safe_text
from bid_desktop.services import followup as fu
from bid_desktop.services.audit import audit
from bid_desktop.services.errors import InputRefused
from bid_desktop.services.imports import ImportResult
from bid_desktop.storage.models import Commitment, Event, FollowUp, Idea

MAX_LISTED = 50
STATUS, NOTES, VERIFICATION = "Status Tindak Lanjut", "Catatan Tindak Lanjut", "Status Verifikasi"
VERIFICATIONS = (fu.NOT_VERIFIED, fu.VERIFIED, fu.FEASIBLE, fu.NOT_FEASIBLE)
OWNED = {
    L.COMMITMENT_SHEET: (L.RESPONSE_HEADER, STATUS, NOTES),
    L.IDEA_SHEET: (L.RESPONSE_HEADER, VERIFICATION),
}
Change = tuple[Any, str, Any]  # record, header, new value


def import_recap(
    session: Session,
    path: Path,
    cancelled: Callable[[], bool] | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    from bid_desktop.services import recap

    errors = RowErrors(path.name)
    changes: list[Change] = []
    ignored: list[str] = []
    total = touched = 0
    sheets = (
        (L.COMMITMENT_SHEET, Commitment, L.COMMITMENT_HEADERS, recap.commitment_rows),
        (L.IDEA_SHEET, Idea, L.IDEA_HEADERS, recap.idea_rows),
    )
    for sheet, model, headers, written_rows in sheets:
        written = {
            row[-1]: dict(zip(headers[1:], row, strict=True)) for row in written_rows(session)
        }
        for number, values, unknown in _rows(path, sheet, headers):
            if unknown:
                ignored += [
                    f"lembar {sheet}: kolom '{h}' tidak dikenal, tidak diimpor" for h in unknown
                ]
                continue
            total += 1
            if cancelled and cancelled():
                raise InputRefused(f"{path.name}: impor dibatalkan, tidak ada yang diubah")
            record = session.get(model, cell_text(values.get(L.ID_HEADER)))
            if not isinstance(record, Commitment | Idea):
                errors.add(number, f"{L.ID_HEADER} (lembar {sheet})", "catatan tidak dikenal")
                continue
            found = _owned_changes(session, record, sheet, number, values, errors)
            changes += found
            touched += bool(found)
            if record.id in written:  # a record voided since the recap: nothing to compare
                ignored += _ignored(sheet, number, values, written[record.id])
    if total == 0:
        raise InputRefused(f"{path.name}: tidak ada baris data; tidak ada yang diimpor")
    errors.raise_if_any()
    for record, header, value in changes:
        _apply(session, record, header, value, today or dt.date.today())
    session.flush()
    if len(ignored) > MAX_LISTED:
        ignored = [*ignored[:MAX_LISTED], f"... dan {len(ignored) - MAX_LISTED} lainnya"]
    return ImportResult("recap", total, 0, touched, total - touched, ignored)


def _rows(
    path: Path, sheet: str, headers: list[str]
) -> Iterator[tuple[int, dict[str, Any], list[str]]]:
    """(row number, {header: raw cell value}, []) per data row; first, once, (0, {}, unknown
    headers) when the sheet has columns the layout does not know."""
    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - any unreadable file is refused the same way
        raise InputRefused(
            f"{path.name}: bukan berkas Excel (.xlsx) yang bisa dibaca ({exc})"
        ) from exc
    try:
        if sheet not in wb.sheetnames:
            raise InputRefused(f"{path.name}: lembar '{sheet}' tidak ada")
        rows = wb[sheet].iter_rows(values_only=True)
        head = [cell_text(v) for v in next(rows, ())]
        known = {header_key(h): h for h in headers}
        columns = {known[header_key(h)]: i for i, h in enumerate(head) if header_key(h) in known}
        missing = [h for h in (L.ID_HEADER, L.RESPONSE_HEADER) if h not in columns]
        if missing:
            raise InputRefused(
                f"{path.name}: lembar {sheet}: kolom wajib tidak ada: {', '.join(missing)}"
            )
        unknown = [h for h in head if h and header_key(h) not in known]
        if unknown:
            yield 0, {}, unknown
        for number, row in enumerate(rows, start=2):
            values = {h: row[i] if i < len(row) else None for h, i in columns.items()}
            if cell_text(values.get(L.ID_HEADER)) == "":
                continue  # the totals row, or a blank one
            yield number, values, []
    finally:
        wb.close()


def _text(raw: Any) -> str:
    return from_safe_text(cell_text(raw))


def _owned_changes(
    session: Session,
    record: Any,
    sheet: str,
    number: int,
    values: dict[str, Any],
    errors: RowErrors,
) -> list[Change]:
    found: list[Change] = []
    for header in OWNED[sheet]:
        if header not in values:
            continue
        raw = values[header]
        if isinstance(raw, str) and raw.strip().startswith("="):
            errors.add(number, header, "berisi rumus (=...); isi dengan nilai biasa")
            continue
        value = _text(raw)
        allowed = (
            FOLLOWUP_STATUSES
            if header == STATUS
            else VERIFICATIONS
            if header == VERIFICATION
            else ()
        )
        if allowed and value == "":
            continue  # a status left empty: nothing said, nothing changed
        if allowed and value not in allowed:
            errors.add(number, header, f"'{value}' bukan salah satu dari: {', '.join(allowed)}")
            continue
        if value != _current(session, record, header):
            found.append((record, header, value))
    return found


def _current(session: Session, record: Any, header: str) -> str:
    if header == L.RESPONSE_HEADER:
        return str(record.ta_response or "")
    if header == VERIFICATION:
        return fu.verification_status(record.verified_at, record.verified_feasible)
    followup = session.get(FollowUp, ids.followup_id(record.id))
    if header == STATUS:
        return followup.status if followup is not None else fu.NOT_CONTACTED
    return followup.notes if followup is not None else ""


def _apply(session: Session, record: Any, header: str, value: str, today: dt.date) -> None:
    if header == L.RESPONSE_HEADER:
        record.ta_response = value
    elif header == VERIFICATION:
        before = {"verified_at": record.verified_at, "verified_feasible": record.verified_feasible}
        record.verified_at = None if value == fu.NOT_VERIFIED else record.verified_at or today
        record.verified_feasible = {fu.FEASIBLE: True, fu.NOT_FEASIBLE: False}.get(value)
        audit(
            session, "idea.verify.import", "idea", record.id, before=before, after={"status": value}
        )
    else:
        followup = _followup(session, record)
        field = "status" if header == STATUS else "notes"
        before = {field: getattr(followup, field)}
        setattr(followup, field, value)
        audit(
            session, "followup.import", "followup", followup.id, before=before, after={field: value}
        )


def _followup(session: Session, commitment: Commitment) -> FollowUp:
    fid = ids.followup_id(commitment.id)
    record = session.get(FollowUp, fid)
    if record is None:
        event = session.get(Event, commitment.event_id)
        assert event is not None
        record = FollowUp(
            id=fid,
            event_id=commitment.event_id,
            commitment_id=commitment.id,
            due_date=followup_due(event.date),
            status=fu.NOT_CONTACTED,
            notes="",
        )
        session.add(record)
    return record


def _ignored(sheet: str, number: int, values: dict[str, Any], written: dict[str, Any]) -> list[str]:
    """The application's columns edited in the file: named, not imported."""
    out = []
    for header, raw in values.items():
        if header in (L.ID_HEADER, "No", *OWNED[sheet]) or header not in written:
            continue
        if _norm(raw) != _norm(written[header]):
            out.append(
                f"lembar {sheet} baris {number}, kolom {header}: berbeda dengan data aplikasi, "
                "tidak diimpor (kolom ini diisi aplikasi; ubah di aplikasi)"
            )
    return out


def _norm(value: Any) -> str:
    """A cell as written and as read back compare equal: minutes, whole numbers, safe text."""
    if isinstance(value, dt.datetime):
        value = (value + dt.timedelta(seconds=30)).replace(second=0, microsecond=0)
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _text(value) if isinstance(value, str) else cell_text(value)
