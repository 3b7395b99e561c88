"""`import recap`: the TA's Tanggapan/Penilaian from the recap workbook, matched by the hidden ID."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from bid_desktop.reports import recap_layout as L
from bid_desktop.reports.sheets import (
    ColumnSpec,
    RowErrors,
    formula_errors,
    from_safe_text,
    read_sheet,
)
from bid_desktop.services.errors import InputRefused
from bid_desktop.services.imports import ImportResult
from bid_desktop.storage.models import Commitment, Idea

_SHEETS: tuple[tuple[str, type[Commitment] | type[Idea]], ...] = (
    (L.COMMITMENT_SHEET, Commitment),
    (L.IDEA_SHEET, Idea),
)
_SPECS = [ColumnSpec(L.ID_HEADER, True), ColumnSpec(L.RESPONSE_HEADER, True)]


def import_recap(
    session: Session, path: Path, cancelled: Callable[[], bool] | None = None
) -> ImportResult:
    errors = RowErrors(path.name)
    changes: list[tuple[Commitment | Idea, str]] = []
    total = 0
    for sheet, model in _SHEETS:
        for number, values in read_sheet(path, _SPECS, sheet=sheet, allow_empty=True).rows:
            total += 1
            if cancelled and cancelled():
                raise InputRefused(f"{path.name}: impor dibatalkan, tidak ada yang diubah")
            if formula_errors(number, values, errors):
                continue
            record = session.get(model, values[L.ID_HEADER])
            if not isinstance(record, Commitment | Idea):
                errors.add(number, f"{L.ID_HEADER} (lembar {sheet})", "catatan tidak dikenal")
                continue
            response = from_safe_text(values[L.RESPONSE_HEADER])
            if record.ta_response != response:
                changes.append((record, response))
    if total == 0:
        raise InputRefused(f"{path.name}: tidak ada baris data; tidak ada yang diimpor")
    errors.raise_if_any()
    for record, response in changes:
        record.ta_response = response
    session.flush()
    return ImportResult("recap", total, 0, len(changes), total - len(changes))
