"""Conflict review: list, field-by-field detail, and resolution (sync.md law 5).

The ``conflict`` table is derived by the merge (``apply``): one row per record whose heads
disagree, with the fields that differ and the head ids, winner first. Resolving writes the
chosen values to the live row through the ORM, so the capture hook records a version whose
parents are ALL current heads: the conflict disappears here and, once the version travels,
on every other laptop too.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, text
from sqlalchemy.orm import Session

from bid_desktop.domain.errors import UserError
from bid_desktop.services.audit import audit, require_pin
from bid_desktop.storage.models import SYNCED_MODELS
from bid_desktop.sync import threeway
from bid_desktop.sync.history import RESOLVING, payload_columns, record_versions
from bid_desktop.sync.labels import field_label, record_label

DELETED_FIELD = threeway.DELETED_FIELD


def _dbapi(session: Session) -> Any:
    return session.connection().connection.driver_connection


def _heads(session: Session, head_ids: list[str]) -> list[dict[str, Any]]:
    rows = session.execute(
        text(
            "SELECT version_id, hlc, station, deleted, payload FROM version "
            "WHERE version_id IN (SELECT value FROM json_each(:ids))"
        ),
        {"ids": json.dumps(head_ids)},
    ).all()
    by_id = {
        r[0]: {
            "version_id": r[0],
            "hlc": r[1],
            "station": r[2],
            "deleted": bool(r[3]),
            "payload": json.loads(r[4]),
        }
        for r in rows
    }
    return [by_id[h] for h in head_ids if h in by_id]


# The event a conflict belongs to: that of its winning head (a TA database holds many).
_CONFLICT_EVENT = (
    "(SELECT CASE WHEN v.entity = 'event' THEN v.record_id "
    "ELSE json_extract(v.payload, '$.event_id') END FROM version v "
    "WHERE v.version_id = json_extract(conflict.head_ids, '$[0]'))"
)


def list_conflicts(
    session: Session, limit: int = 200, offset: int = 0, scope: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """Conflicts, hard ones first, each with a human label and its heads (winner first);
    with ``scope``, only those of these events."""
    rows = session.execute(
        text(
            "SELECT record_id, entity, kind, fields, head_ids FROM conflict "
            f"WHERE :every OR {_CONFLICT_EVENT} IN (SELECT value FROM json_each(:events)) "
            "ORDER BY kind = 'soft', entity, record_id LIMIT :limit OFFSET :offset"
        ),
        {"limit": limit, "offset": offset, "every": not scope, "events": json.dumps(list(scope))},
    ).all()
    out = []
    for record_id, entity, kind, fields, head_ids in rows:
        heads = _heads(session, json.loads(head_ids))
        payload = heads[0]["payload"] if heads else {}
        out.append(
            {
                "record_id": record_id,
                "entity": entity,
                "kind": kind,
                "label": record_label(session, entity, payload),
                "fields": json.loads(fields),
                "heads": heads,
            }
        )
    return out


def count_conflicts(session: Session, scope: Sequence[str] = ()) -> dict[str, int]:
    rows = session.execute(
        text(
            "SELECT kind, COUNT(*) FROM conflict WHERE :every OR "
            f"{_CONFLICT_EVENT} IN (SELECT value FROM json_each(:events)) GROUP BY kind"
        ),
        {"every": not scope, "events": json.dumps(list(scope))},
    ).all()
    return {"hard": 0, "soft": 0, **{k: int(n) for k, n in rows}}


def conflict_detail(session: Session, record_id: str) -> dict[str, Any]:
    """Every field: the base value (when known), each head's value, the current live value."""
    session.flush()
    row = session.execute(
        text("SELECT entity, kind, fields, head_ids FROM conflict WHERE record_id = :r"),
        {"r": record_id},
    ).first()
    if row is None:
        raise UserError("Konflik tidak ditemukan (mungkin sudah diselesaikan)")
    entity, kind, fields, head_ids = row
    res = threeway.resolve_records(_dbapi(session), [record_id])[record_id]
    heads = _heads(session, json.loads(head_ids))
    base = res.base
    live = res.payload
    rows_out = []
    if DELETED_FIELD in res.fields:  # delete against edit: one row saying who deleted
        rows_out.append(
            {
                "field": DELETED_FIELD,
                "label": field_label(DELETED_FIELD),
                "base": False,
                "values": [h["deleted"] for h in heads],
                "merged": live is None,
                "differs": True,
                "hard": True,
            }
        )
    for column in payload_columns(entity):
        values = [h["payload"].get(column) for h in heads]
        rows_out.append(
            {
                "field": column,
                "label": field_label(column),
                "base": None if base is None else base.get(column),
                "values": values,
                "merged": None if live is None else live.get(column),
                "differs": column in res.fields,
                "hard": column in res.hard_fields,
            }
        )
    return {
        "record_id": record_id,
        "entity": entity,
        "kind": kind,
        "label": record_label(session, entity, heads[0]["payload"] if heads else {}),
        "fields": rows_out,
        "heads": [{k: h[k] for k in ("version_id", "hlc", "station", "deleted")} for h in heads],
        "deleted_conflict": DELETED_FIELD in res.fields,
        "winner_deleted": bool(heads and heads[0]["deleted"]),
    }


def _coerce(column: Any, value: object) -> object:
    if value is None or not isinstance(value, str | int):
        return value
    if isinstance(column.type, DateTime) and isinstance(value, str):
        return dt.datetime.fromisoformat(value)
    if isinstance(column.type, Date) and isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    if isinstance(column.type, Boolean):
        return bool(value)
    return value


def resolve_conflict(
    session: Session, record_id: str, values: dict[str, object], pin: str | None
) -> None:
    """Apply the user's choice; ``values[DELETED_FIELD] = True`` confirms a delete."""
    require_pin(session, pin)
    detail = conflict_detail(session, record_id)
    entity = detail["entity"]
    model = SYNCED_MODELS[entity]
    unknown = set(values) - set(payload_columns(entity)) - {DELETED_FIELD}
    if unknown:
        raise UserError(f"Kolom tidak dikenal: {', '.join(sorted(unknown))}")
    obj = session.get(model, record_id)
    delete = bool(values.get(DELETED_FIELD, obj is None))
    resolving = session.info.setdefault(RESOLVING, set())
    resolving.add(record_id)
    try:
        _apply_choice(session, record_id, entity, obj, values, detail, delete)
    finally:
        resolving.discard(record_id)
    audit(session, "conflict.resolved", entity, record_id, before=detail["heads"], after=values)
    session.flush()


def _apply_choice(
    session: Session,
    record_id: str,
    entity: str,
    obj: Any,
    values: dict[str, object],
    detail: dict[str, Any],
    delete: bool,
) -> None:
    model = SYNCED_MODELS[entity]
    columns = model.__table__.columns
    if delete:
        if obj is not None:
            session.delete(obj)
    else:
        if obj is None:
            merged = {
                f["field"]: f["values"][0] for f in detail["fields"] if f["field"] != DELETED_FIELD
            }
            obj = model(id=record_id, **{k: _coerce(columns[k], v) for k, v in merged.items()})
            session.add(obj)
        for key, value in values.items():
            if key != DELETED_FIELD:
                setattr(obj, key, _coerce(columns[key], value))
    session.flush()
    if _still_open(session, record_id):  # nothing changed: record the choice explicitly
        record_versions(session.connection(), {entity: {record_id: delete}}, {record_id})


def _still_open(session: Session, record_id: str) -> bool:
    row = session.execute(
        text("SELECT 1 FROM conflict WHERE record_id = :r"), {"r": record_id}
    ).first()
    return row is not None


def side_values(detail: dict[str, Any], version_id: str | None) -> dict[str, object]:
    """The values that take one head's side (``version_id``), or keep the current merged
    result (``None``), plus ``_dihapus`` when a delete is part of the conflict.

    Taking a side takes that head whole (sync.md law 7): every field that differs, its
    provenance included, so an amount is never credited to a table that did not stamp it."""
    index: int | None = None
    if version_id is None:
        deleted = bool(detail["winner_deleted"])
    else:
        ids = [h["version_id"] for h in detail["heads"]]
        if version_id not in ids:
            raise UserError("Versi tidak termasuk konflik ini")
        index = ids.index(version_id)
        deleted = bool(detail["heads"][index]["deleted"])
    if deleted:
        return {DELETED_FIELD: True}
    values: dict[str, object] = {
        row["field"]: row["values"][index] if index is not None else row["merged"]
        for row in detail["fields"]
        if row["differs"] and row["field"] != DELETED_FIELD
    }
    if detail["deleted_conflict"]:
        values[DELETED_FIELD] = False
    return values


def choose_side(
    session: Session, record_id: str, version_id: str | None, pin: str | None
) -> dict[str, object]:
    """Resolve a conflict by taking one head's side, or keeping the merged result (``None``).

    The choice is written like any edit, so it becomes a version whose parents are all the
    heads and replicates; returns the values applied (also in the audit entry)."""
    require_pin(session, pin)
    values = side_values(conflict_detail(session, record_id), version_id)
    resolve_conflict(session, record_id, values, pin)
    return values
