"""Audit log and the committee PIN (quality.md S2).

Destructive actions (void, delete, resolve, restore, settings) call ``require_pin`` and
``audit``. The PIN is stored as a scrypt hash in a replicated ``Setting`` so every laptop of
the event knows it; the audit entries replicate too.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bid_desktop.domain.ids import natural_id, new_id
from bid_desktop.services import pin_guard
from bid_desktop.services.errors import UserError
from bid_desktop.services.station import require_state
from bid_desktop.storage.backup import ro_uri
from bid_desktop.storage.models import AuditEntry, Setting
from bid_desktop.sync import audit_chain, keys
from bid_desktop.sync.history import Ticker

PIN_KEY = "committee_pin"
DEFAULT_PIN = "123456"  # events made by scripts (demo) and before issue 12 without a PIN
MIN_PIN = 6


def audit(
    session: Session,
    action: str,
    entity: str = "",
    record_id: str = "",
    before: Any = None,
    after: Any = None,
    reason: str = "",
    event_id: str | None = None,
) -> AuditEntry:
    """Append an audit entry; ``event_id``: the event of the record (a TA database holds
    many; default: this station's event)."""
    state = require_state(session)
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash)
        .where(AuditEntry.event_id == state.event_id, AuditEntry.station == state.station)
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    ).first()
    ticker = Ticker(session.connection())  # the hybrid clock, not only the wall clock
    hlc = ticker.next()
    ticker.save()
    entry = AuditEntry(
        id=new_id(),
        event_id=event_id or state.event_id,
        at=dt.datetime.now().replace(microsecond=0),
        station=state.station,
        action=action,
        entity=entity,
        record_id=record_id,
        before=_dump(before),
        after=_dump(after),
        reason=reason,
        hlc=hlc,
        seq=(last[0] if last else 0) + 1,
        prev_hash=last[1] if last else "",
    )
    entry.hash = audit_chain.entry_hash({c: getattr(entry, c) for c in audit_chain.FIELDS})
    session.add(entry)
    return entry


@event.listens_for(Session, "before_flush")
def _append_only(session: Session, _context: object, _instances: object) -> None:
    """Audit entries are written once: a change or delete of one is refused here, on every
    laptop, as the merge refuses it in a package (sync/audit_chain.py)."""
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, AuditEntry) and (obj in session.deleted or session.is_modified(obj)):
            raise UserError("Log audit tidak boleh diubah atau dihapus")


def _dump(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _pin_setting(session: Session, event_id: str) -> Setting | None:
    return session.get(Setting, natural_id("setting", event_id, PIN_KEY))


def validate_pin(pin: str) -> str:
    if not pin.isdigit() or len(pin) < MIN_PIN:
        raise UserError(f"PIN panitia harus minimal {MIN_PIN} angka")
    return pin


def set_pin(
    session: Session, new_pin: str, old_pin: str | None = None, *, audited: bool = True
) -> None:
    state = require_state(session)
    assert state.event_id is not None
    validate_pin(new_pin)
    setting = _pin_setting(session, state.event_id)
    if setting is not None and setting.value and old_pin is not None:
        require_pin(session, old_pin)
    value = keys.passphrase_check(new_pin, state.event_id + ":pin")
    if setting is None:
        session.add(
            Setting(
                id=natural_id("setting", state.event_id, PIN_KEY),
                event_id=state.event_id,
                key=PIN_KEY,
                value=value,
            )
        )
    else:
        setting.value = value
    if audited:  # not at event creation: the event's first records are the audit's start
        audit(session, "pin.changed", "setting", natural_id("setting", state.event_id, PIN_KEY))
    session.flush()


def check_pin(session: Session, pin: str) -> bool:
    state = require_state(session)
    assert state.event_id is not None
    setting = _pin_setting(session, state.event_id)
    stored = setting.value if setting is not None and setting.value else None
    if stored is None:
        return pin == DEFAULT_PIN
    return keys.passphrase_matches(pin, state.event_id + ":pin", stored)


def pin_matches_file(path: Path, pin: str | None) -> bool:
    """The PIN checked against the hash stored in another database file, read-only (a
    verified backup, when the current file is missing or damaged)."""
    if pin is None:
        return False
    try:
        con = sqlite3.connect(ro_uri(path), uri=True)
    except sqlite3.Error:
        return False
    try:
        state = con.execute("SELECT event_id FROM station_state WHERE id = 1").fetchone()
        if state is None or not state[0]:
            return False
        event_id = str(state[0])
        row = con.execute(
            "SELECT value FROM setting WHERE id = ?", (natural_id("setting", event_id, PIN_KEY),)
        ).fetchone()
    except sqlite3.Error:
        return False
    finally:
        con.close()
    pin_guard.check_not_locked(event_id)  # the same growing wait as everywhere else
    if row is None or not row[0]:
        ok = pin == DEFAULT_PIN
    else:
        ok = keys.passphrase_matches(pin, event_id + ":pin", str(row[0]))
    if ok:
        pin_guard.succeeded(event_id)
    else:
        pin_guard.failed(event_id)
    return ok


def require_pin(session: Session, pin: str | None) -> None:
    """Refused while locked after wrong PINs (``pin_guard``); a wrong PIN is audited in its
    own transaction (the caller's is rolled back by the refusal) and lengthens the wait."""
    state = require_state(session)
    event_id = str(state.event_id)
    pin_guard.check_not_locked(event_id)
    if pin is not None and check_pin(session, pin):
        pin_guard.succeeded(event_id)
        return
    wait = pin_guard.failed(event_id)
    _audit_failure(session, state.station)
    if wait > 0:
        raise UserError(f"PIN panitia salah; coba lagi dalam {wait} detik")
    raise UserError("PIN panitia salah")


def _audit_failure(session: Session, station: str) -> None:
    bind = session.get_bind()
    try:
        with Session(bind=bind) as own, own.begin():
            audit(own, "pin.failed", reason=f"PIN salah di stasiun {station}")
    except SQLAlchemyError:
        pass  # the database is busy or read-only: the refusal itself still stands


def recent_entries(session: Session, limit: int = 500) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).order_by(AuditEntry.at.desc()).limit(limit)))


AUDIT_COLUMNS = ["at", "station", "action", "entity", "record_id", "reason", "before", "after"]


def audit_rows(
    session: Session, limit: int = 500, offset: int = 0, text: str = ""
) -> list[dict[str, Any]]:
    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if text:
        like = f"%{text}%"
        query = query.where(
            AuditEntry.action.like(like)
            | AuditEntry.reason.like(like)
            | AuditEntry.station.like(like)
        )
    rows = session.scalars(query.limit(limit).offset(offset))
    return [{c: getattr(r, c) for c in ["id", *AUDIT_COLUMNS]} for r in rows]


def export_audit_csv(session: Session, path: Any) -> int:
    """All audit entries to CSV (UTF-8 with BOM so spreadsheet programs read it right)."""
    import csv

    count = 0
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(AUDIT_COLUMNS)
        for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.at)).yield_per(1000):
            writer.writerow([_csv_safe(getattr(entry, c)) for c in AUDIT_COLUMNS])
            count += 1
    return count


def _csv_safe(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
