"""Catalog imports: Direktori P2KTD (providers) and Menu Inovasi (innovations)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bid_desktop.domain import amounts, ids, people
from bid_desktop.reports import templates
from bid_desktop.reports.sheets import RowErrors, formula_errors, read_sheet
from bid_desktop.services.errors import InputRefused
from bid_desktop.services.events import current_event
from bid_desktop.services.imports import ImportResult, upsert
from bid_desktop.storage.models import Innovation, Provider


def _provider_row(event_id: str, v: dict[str, str]) -> dict[str, object]:
    bidang = v.get("Bidang", "").upper()
    if bidang and bidang not in {"A", "B", "C"}:
        raise _Cell("Bidang", f"'{bidang}' bukan A/B/C")
    try:
        phone = people.normalize_phone(v.get("No HP", ""))
    except ValueError as exc:
        raise _Cell("No HP", str(exc)) from exc
    name = v["Nama Lembaga"]
    return dict(
        id=ids.provider_id(event_id, name),
        event_id=event_id,
        name=name,
        bidang=bidang,
        services=v.get("Layanan", ""),
        contact=v.get("Kontak", ""),
        phone=phone,
        address=v.get("Alamat", ""),
    )


class _Cell(Exception):
    def __init__(self, header: str, what: str) -> None:
        super().__init__(what)
        self.header, self.what = header, what


def import_providers(session: Session, path: Path, cancelled=None) -> ImportResult:  # type: ignore[no-untyped-def]
    event_id = current_event(session).id
    errors = RowErrors(path.name)
    rows: dict[str, dict[str, object]] = {}
    sheet = read_sheet(path, templates.SPECS["providers"][1])
    for number, values in sheet.rows:
        if cancelled and cancelled():
            raise InputRefused(f"{path.name}: impor dibatalkan, tidak ada yang diubah")
        if formula_errors(number, values, errors):
            continue
        if not values.get("Nama Lembaga"):
            errors.add(number, "Nama Lembaga", "wajib diisi")
            continue
        try:
            row = _provider_row(event_id, values)
        except _Cell as exc:
            errors.add(number, exc.header, exc.what)
            continue
        rows[str(row["id"])] = row
    errors.raise_if_any()
    query = select(Provider).where(Provider.event_id == event_id)
    existing = {p.id: p for p in session.scalars(query)}
    return upsert(session, "providers", list(rows.values()), existing).noted(sheet)


def _innovation_row(
    event_id: str, v: dict[str, str], providers: dict[str, str]
) -> dict[str, object]:
    bursa = v.get("Bursa", "").upper()
    if bursa not in {"A", "B", "C"}:
        raise _Cell("Bursa", f"'{bursa}' bukan A/B/C" if bursa else "wajib diisi")
    try:
        cost = amounts.parse_amount(v.get("Perkiraan Biaya (Rp)") or None)
    except ValueError as exc:
        raise _Cell("Perkiraan Biaya (Rp)", str(exc)) from exc
    provider = v.get("Penyedia (P2KTD)", "")
    code = v["Kode"].upper()
    return dict(
        id=ids.innovation_id(event_id, code),
        event_id=event_id,
        code=code,
        title=v["Judul Inovasi"],
        bursa=bursa,
        origin_desa=v.get("Desa Asal", ""),
        origin_kabupaten=v.get("Kabupaten Asal", ""),
        summary=v.get("Ringkasan", ""),
        cost_estimate=cost,
        video=v.get("Video", ""),
        provider_id=ids.provider_id(event_id, provider) if provider else None,
        _provider=provider,
    )


def import_innovations(session: Session, path: Path, cancelled=None) -> ImportResult:  # type: ignore[no-untyped-def]
    event_id = current_event(session).id
    errors = RowErrors(path.name)
    rows: dict[str, dict[str, object]] = {}
    sheet = read_sheet(path, templates.SPECS["innovations"][1])
    for number, values in sheet.rows:
        if formula_errors(number, values, errors):
            continue
        missing = [h for h in ("Kode", "Judul Inovasi") if not values.get(h)]
        for header in missing:
            errors.add(number, header, "wajib diisi")
        if missing:
            continue
        try:
            row = _innovation_row(event_id, values, {})
        except _Cell as exc:
            errors.add(number, exc.header, exc.what)
            continue
        rows[str(row["id"])] = row
    errors.raise_if_any()
    _ensure_providers(session, event_id, {str(r.pop("_provider")) for r in rows.values()})
    query = select(Innovation).where(Innovation.event_id == event_id)
    existing = {i.id: i for i in session.scalars(query)}
    return upsert(session, "innovations", list(rows.values()), existing).noted(sheet)


def _ensure_providers(session: Session, event_id: str, names: set[str]) -> None:
    for name in sorted(n for n in names if n):
        pid = ids.provider_id(event_id, name)
        if session.get(Provider, pid) is None:
            session.add(Provider(id=pid, event_id=event_id, name=name))


def import_csv_menu(session: Session, path: Path) -> ImportResult:
    """The demo menu CSV (headers a subset of Menu Inovasi), read like any other import file."""
    return import_innovations(session, path)
