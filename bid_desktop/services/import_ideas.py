"""Kartu Ide transcribed from paper: identity by proposer, desa and title, so re-import adds nothing."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bid_desktop.domain import ids, people
from bid_desktop.reports import templates
from bid_desktop.reports.sheets import RowErrors, formula_errors, read_sheet
from bid_desktop.services.events import current_event
from bid_desktop.services.imports import ImportResult, _desa_resolver, desa_column, upsert
from bid_desktop.storage.models import Idea


def _idea_row(event_id: str, v: dict[str, str], resolve) -> dict[str, object]:  # type: ignore[no-untyped-def]
    try:
        code, _ = resolve(v.get("Kode Desa", ""), v.get("Desa", ""))
    except ValueError as exc:
        raise LookupError(desa_column(exc), str(exc)) from exc
    try:
        done = bool(people.parse_yes_no(v.get("Sudah Dilaksanakan", "")))
    except ValueError as exc:
        raise LookupError("Sudah Dilaksanakan", str(exc)) from exc
    name, title = v["Nama Pengusul"], v["Judul Ide"]
    idea_id = ids.idea_id(event_id, name, code, title)
    return dict(
        id=idea_id,
        event_id=event_id,
        proposer_name=name,
        desa_code=code,
        title=title,
        description=v.get("Deskripsi", ""),
        already_done=done,
        results=v.get("Hasil", ""),
        source="impor",
    )


def import_ideas(session: Session, path: Path, cancelled=None) -> ImportResult:  # type: ignore[no-untyped-def]
    event_id = current_event(session).id
    resolve = _desa_resolver(session, event_id)
    errors = RowErrors(path.name)
    rows: dict[str, dict[str, object]] = {}
    sheet = read_sheet(path, templates.SPECS["ideas"][1])
    for number, values in sheet.rows:
        if formula_errors(number, values, errors):
            continue
        missing = [h for h in ("Nama Pengusul", "Judul Ide") if not values.get(h)]
        for header in missing:
            errors.add(number, header, "wajib diisi")
        if missing:
            continue
        try:
            row = _idea_row(event_id, values, resolve)
        except LookupError as exc:
            errors.add(number, exc.args[0], exc.args[1])
            continue
        rows[str(row["id"])] = row
    errors.raise_if_any()
    query = select(Idea).where(Idea.event_id == event_id)
    existing = {i.id: i for i in session.scalars(query)}
    return upsert(session, "ideas", list(rows.values()), existing).noted(sheet)
