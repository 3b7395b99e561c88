"""Paper fallback imports: validate every row first, then write through the ORM in one go."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bid_desktop.domain import ids, people
from bid_desktop.domain.enums import GUEST_CATEGORIES
from bid_desktop.domain.text import fold
from bid_desktop.reports import templates
from bid_desktop.reports.sheets import RowErrors, Sheet, formula_errors, read_sheet
from bid_desktop.services.errors import InputRefused
from bid_desktop.services.events import current_event, desa_list
from bid_desktop.storage.models import Participant

KINDS = ("invitations", "innovations", "providers", "commitments", "ideas", "recap")
FLUSH_EVERY = 2000


@dataclass
class ImportResult:
    kind: str
    total: int
    added: int
    updated: int
    unchanged: int
    ignored: list[str] = field(default_factory=list)  # edits the import did not take, named
    notes: list[str] = field(default_factory=list)  # header row taken, columns ignored, ...
    header_row: int = 1

    def noted(self, sheet: Sheet) -> ImportResult:
        self.notes, self.header_row = list(sheet.notes), sheet.header_row
        return self


def write_template(
    kind: str, out: Path, *, session: Session | None = None, event_id: str | None = None
) -> Path:
    if kind not in templates.SPECS:
        raise InputRefused(f"jenis templat '{kind}' belum tersedia")
    desa = None
    if session is not None:
        eid = event_id or current_event(session).id
        desa = [(d.code, d.name) for d in desa_list(session, eid)]
    return templates.write_template(kind, out, desa)


def import_xlsx(
    session: Session,
    kind: str,
    path: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    if kind == "invitations":
        return _import_invitations(session, path, cancelled)
    if kind == "providers":
        from bid_desktop.services.import_catalog import import_providers

        return import_providers(session, path, cancelled)
    if kind == "innovations":
        from bid_desktop.services.import_catalog import import_innovations

        return import_innovations(session, path, cancelled)
    if kind == "ideas":
        from bid_desktop.services.import_ideas import import_ideas

        return import_ideas(session, path, cancelled)
    if kind == "commitments":
        from bid_desktop.services.import_commitments import import_commitments

        return import_commitments(session, path, cancelled)
    if kind == "recap":
        from bid_desktop.services.import_recap import import_recap

        return import_recap(session, path, cancelled)
    raise InputRefused(f"impor '{kind}' belum tersedia")


def _desa_resolver(session: Session, event_id: str):  # type: ignore[no-untyped-def]
    from bid_desktop.services.import_desa import desa_resolver

    return desa_resolver(session, event_id)


def desa_column(exc: ValueError) -> str:
    """The header a desa error belongs to (Kode Desa, Desa, or both)."""
    return str(getattr(exc, "column", "Desa"))


def _guest_category(explicit: str, institution: str, jabatan: str) -> str:
    for text in (explicit, institution, jabatan):
        for cat in GUEST_CATEGORIES:
            if text and fold(cat) in fold(text):
                return cat
    return ""


def _invitation_row(event_id: str, values: dict[str, str], resolve) -> dict[str, object]:  # type: ignore[no-untyped-def]
    name = values.get("Nama", "")
    if not name:
        raise KeyError("Nama")
    try:
        code, desa_name = resolve(values.get("Kode Desa", ""), values.get("Desa", ""))
    except ValueError as exc:
        raise _Cell(desa_column(exc), str(exc)) from exc
    category = values.get("Kategori", "") or "Peserta Utama"
    if fold(category) not in {"peserta utama", "undangan"}:
        raise _Cell("Kategori", f"'{category}' bukan Peserta Utama/Undangan")
    category = "Undangan" if fold(category) == "undangan" else "Peserta Utama"
    if category == "Peserta Utama" and code is None:
        raise _Cell("Desa", "Peserta Utama harus punya desa")
    jabatan, inst = values.get("Jabatan", ""), values.get("Instansi/Lembaga", "")
    pid = ids.invitee_id(event_id, name, code, jabatan)
    number = ids.invitee_number(pid)
    return dict(
        id=pid,
        event_id=event_id,
        number=number,
        name=name,
        jabatan=jabatan,
        gender=_parse("Jenis Kelamin", people.parse_gender, values),
        desa_code=code,
        institution=inst,
        phone=_parse("No HP", people.normalize_phone, values),
        category=category,
        guest_category=_guest_category(values.get("Kategori Tamu", ""), inst, jabatan)
        if category == "Undangan"
        else "",
        woman_rep=bool(_parse("Perwakilan Perempuan", people.parse_yes_no, values)),
        is_kepala_desa=people.is_kepala_desa(jabatan),
        source="undangan",
        search=people.participant_search_text(name, number, desa_name, inst, jabatan),
    )


class _Cell(Exception):
    def __init__(self, header: str, what: str) -> None:
        super().__init__(what)
        self.header, self.what = header, what


def _parse(header: str, fn, values: dict[str, str]):  # type: ignore[no-untyped-def]
    try:
        return fn(values.get(header, ""))
    except ValueError as exc:
        raise _Cell(header, str(exc)) from exc


def _validate(session: Session, path: Path, cancelled):  # type: ignore[no-untyped-def]
    event_id = current_event(session).id
    resolve = _desa_resolver(session, event_id)
    errors = RowErrors(path.name)
    good: dict[str, dict[str, object]] = {}
    sheet = read_sheet(path, templates.SPECS["invitations"][1])
    for number, values in sheet.rows:
        if cancelled and cancelled():
            raise InputRefused(f"{path.name}: impor dibatalkan, tidak ada yang diubah")
        if formula_errors(number, values, errors):
            continue
        try:
            row = _invitation_row(event_id, values, resolve)
        except KeyError as exc:
            errors.add(number, str(exc.args[0]), "wajib diisi")
            continue
        except _Cell as exc:
            errors.add(number, exc.header, exc.what)
            continue
        good[str(row["id"])] = row
    errors.raise_if_any()
    return event_id, list(good.values()), sheet


def _import_invitations(session: Session, path: Path, cancelled) -> ImportResult:  # type: ignore[no-untyped-def]
    event_id, rows, sheet = _validate(session, path, cancelled)
    return upsert(session, "invitations", rows, _existing(session, event_id, rows)).noted(sheet)


def _existing(session: Session, event_id: str, rows: list[dict[str, object]]) -> dict:  # type: ignore[type-arg]
    """The invitees of the file already in the database, by id: only those rows are loaded
    (not every invitation of the database: a TA database holds a province's)."""
    ids = [str(r["id"]) for r in rows]
    found = {}
    for start in range(0, len(ids), 500):
        query = select(Participant).where(
            Participant.id.in_(ids[start : start + 500]),
            Participant.event_id == event_id,
            Participant.source == "undangan",
        )
        found.update({p.id: p for p in session.scalars(query)})
    return found


def upsert(
    session: Session, kind: str, rows: list[dict[str, object]], existing: dict
) -> ImportResult:  # type: ignore[type-arg]
    """Add new rows, update changed ones (a version each), leave identical ones untouched."""
    model = {"invitations": Participant}.get(kind) or _catalog_model(kind)
    added = updated = 0
    for i, row in enumerate(rows, start=1):
        current = existing.get(str(row["id"]))
        if current is None:
            session.add(model(**row))
            added += 1
        elif any(getattr(current, k) != v for k, v in row.items()):
            for k, v in row.items():
                setattr(current, k, v)
            updated += 1
        if i % FLUSH_EVERY == 0:
            session.flush()
    session.flush()
    return ImportResult(kind, len(rows), added, updated, len(rows) - added - updated)


def _catalog_model(kind: str):  # type: ignore[no-untyped-def]
    from bid_desktop.storage.models import Idea, Innovation, Provider

    return {"providers": Provider, "innovations": Innovation, "ideas": Idea}[kind]
