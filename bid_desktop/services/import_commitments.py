"""Kartu Komitmen transcribed from paper: every row checked first, then stamped like a real stamp."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from bid_desktop.domain import amounts, ids
from bid_desktop.reports import templates
from bid_desktop.reports.sheets import RowErrors, formula_errors, read_sheet
from bid_desktop.services.commitments import MAX_YEAR, MIN_YEAR, StampInput, stamp_commitment
from bid_desktop.services.events import current_event
from bid_desktop.services.imports import ImportResult, _desa_resolver, desa_column
from bid_desktop.storage.models import Commitment, Innovation


def _stamp(event_id: str, v: dict[str, str], resolve, session: Session) -> StampInput:  # type: ignore[no-untyped-def]
    try:
        code, _ = resolve(v.get("Kode Desa", ""), v.get("Desa", ""))
    except ValueError as exc:
        raise LookupError(desa_column(exc), str(exc)) from exc
    if code is None:
        raise LookupError("Desa", "wajib diisi (Kode Desa atau Desa)")
    inn = session.get(Innovation, ids.innovation_id(event_id, v["Kode Inovasi"].upper()))
    if inn is None or inn.voided:
        raise LookupError("Kode Inovasi", f"'{v['Kode Inovasi']}' tidak ada di menu acara ini")
    try:
        amount = amounts.parse_amount(v.get("Perkiraan Anggaran (Rp)") or None)
    except ValueError as exc:
        raise LookupError("Perkiraan Anggaran (Rp)", str(exc)) from exc
    year_text = v.get("Tahun Rencana", "")
    if year_text and not (year_text.isdigit() and MIN_YEAR <= int(year_text) <= MAX_YEAR):
        raise LookupError("Tahun Rencana", f"'{year_text}' bukan tahun {MIN_YEAR}–{MAX_YEAR}")
    return StampInput(
        desa_code=code,
        innovation_code=inn.code,
        amount=amount,
        planned_year=int(year_text) if year_text else None,
        notes=v.get("Catatan", ""),
        table_code=v.get("Meja", ""),
        kepala_desa=v.get("Nama Kepala Desa", ""),
        source="impor",
    )


def import_commitments(session: Session, path: Path, cancelled=None) -> ImportResult:  # type: ignore[no-untyped-def]
    event_id = current_event(session).id
    resolve = _desa_resolver(session, event_id)
    errors = RowErrors(path.name)
    stamps: dict[str, StampInput] = {}
    sheet = read_sheet(path, templates.SPECS["commitments"][1])
    for number, values in sheet.rows:
        if formula_errors(number, values, errors):
            continue
        if not values.get("Kode Inovasi"):
            errors.add(number, "Kode Inovasi", "wajib diisi")
            continue
        try:
            stamp = _stamp(event_id, values, resolve, session)
        except LookupError as exc:
            errors.add(number, exc.args[0], exc.args[1])
            continue
        stamps[ids.commitment_id(event_id, stamp.desa_code, stamp.innovation_code)] = stamp
    errors.raise_if_any()
    return _write(session, stamps).noted(sheet)


def _write(session: Session, stamps: dict[str, StampInput]) -> ImportResult:
    added = updated = 0
    for cid, stamp in stamps.items():
        before = session.get(Commitment, cid)
        snapshot = _values(before) if before is not None else None
        commitment, created = stamp_commitment(session, stamp)
        added += created
        updated += (not created) and snapshot != _values(commitment)
    total = len(stamps)
    return ImportResult("commitments", total, added, updated, total - added - updated)


def _values(c: Commitment) -> tuple[object, ...]:
    return (c.amount, c.planned_year, c.notes, c.table_code, c.kepala_desa, c.voided)
