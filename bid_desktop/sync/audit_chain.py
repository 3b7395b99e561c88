"""The audit log is append-only and hash-chained per station (issue 12, item 11).

Each station numbers its audit entries (``seq`` 1, 2, ...) and each entry carries the hash of
the station's previous one (``prev_hash``) and its own (``hash``, SHA-256 over its fields),
with the hybrid clock (``hlc``) beside the wall clock. So:

- a package that deletes (tombstone) or changes an audit entry is refused before it touches
  the database (``staged_problem``, ``rewrite_problem``): an erasure never replicates;
- ``verify`` (``bid-desktop check``) recomputes every chain and reports a changed entry, a
  gap (an entry missing between two others) or a fork (two entries with one number: the
  station was restored from a backup and wrote again).

Entries written before the chain existed (no hash) are left out of it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

ENTITY = "audit_entry"
FIELDS = (
    "id", "event_id", "station", "seq", "hlc", "at", "action", "entity", "record_id",
    "before", "after", "reason", "prev_hash",
)  # fmt: skip


def _text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat(sep=" "))
    return str(value)


def entry_hash(entry: Mapping[str, Any]) -> str:
    """SHA-256 over the entry's fields (the wall time as stored text, seconds)."""
    fields = {name: _text(entry.get(name)) for name in FIELDS}
    fields["at"] = fields["at"][:19]
    blob = json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def verify_entries(entries: Iterable[Mapping[str, Any]]) -> list[str]:
    """Problems in the chains of ``entries`` (any order; unchained entries are ignored)."""
    chains: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for entry in entries:
        if entry.get("hash"):
            key = (_text(entry.get("event_id")), _text(entry.get("station")))
            chains.setdefault(key, []).append(entry)
    problems: list[str] = []
    for (_event, station), chain in sorted(chains.items()):
        chain.sort(key=lambda e: (int(e.get("seq") or 0), _text(e.get("hash"))))
        problems += _verify_chain(station, chain)
    return problems


def _verify_chain(station: str, chain: list[Mapping[str, Any]]) -> list[str]:
    problems = []
    where = f"log audit stasiun {station}"
    previous: Mapping[str, Any] | None = None
    for entry in chain:
        seq = int(entry.get("seq") or 0)
        if entry_hash(entry) != entry.get("hash"):
            problems.append(f"{where}: entri nomor {seq} diubah (hash tidak cocok)")
        if previous is not None:
            before = int(previous.get("seq") or 0)
            if seq == before:
                problems.append(f"{where}: dua entri bernomor {seq} (cabang sesudah pemulihan?)")
            elif seq != before + 1:
                problems.append(f"{where}: celah, entri {before + 1}–{seq - 1} hilang")
            elif entry.get("prev_hash") != previous.get("hash"):
                problems.append(f"{where}: entri nomor {seq} tidak menyambung ke nomor {before}")
        elif seq > 1 and entry.get("prev_hash"):
            problems.append(f"{where}: celah, entri 1–{seq - 1} hilang")
        previous = entry
    return problems


def verify(conn: sqlite3.Connection) -> list[str]:
    """``verify_entries`` over a database's audit table."""
    cur = conn.execute(f'SELECT {", ".join(FIELDS)}, hash FROM "{ENTITY}"')
    names = [d[0] for d in cur.description]
    return verify_entries(dict(zip(names, row, strict=True)) for row in cur)


def staged_problem(path: Path) -> str | None:
    """Why a staged package must be refused for its audit versions (None: fine)."""
    conn = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro", uri=True)
    try:
        deleted = conn.execute(
            "SELECT COUNT(*) FROM version WHERE entity = ? AND deleted <> 0", (ENTITY,)
        ).fetchone()[0]
        if deleted:
            return "log audit tidak boleh dihapus"
        changed = conn.execute(
            "SELECT COUNT(*) FROM version v JOIN version_parent p ON p.version_id = v.version_id "
            "WHERE v.entity = ?",
            (ENTITY,),
        ).fetchone()[0]
        twice = conn.execute(
            "SELECT COUNT(*) FROM (SELECT record_id FROM version WHERE entity = ? "
            "GROUP BY record_id HAVING COUNT(*) > 1)",
            (ENTITY,),
        ).fetchone()[0]
        if changed or twice:
            return "log audit tidak boleh diubah"
        payloads = conn.execute(
            "SELECT record_id, payload FROM version WHERE entity = ?", (ENTITY,)
        ).fetchall()
    finally:
        conn.close()
    for record_id, payload in payloads:
        entry = json.loads(payload) if isinstance(payload, str) else {}
        if not isinstance(entry, dict) or not entry.get("hash"):
            continue
        if entry_hash({**entry, "id": record_id}) != entry["hash"]:  # the id is the record's
            return "entri log audit tidak cocok dengan hash-nya (diubah)"
    return None


def rewrite_problem(target: sqlite3.Connection, staged: Path) -> str | None:
    """A staged audit version for an entry the target already holds under another version:
    a rewrite of history, refused."""
    conn = sqlite3.connect(f"{Path(staged).absolute().as_uri()}?mode=ro", uri=True)
    try:
        staged_rows = conn.execute(
            "SELECT record_id, version_id FROM version WHERE entity = ?", (ENTITY,)
        ).fetchall()
    finally:
        conn.close()
    for start in range(0, len(staged_rows), 500):
        chunk = dict(staged_rows[start : start + 500])
        marks = ",".join("?" * len(chunk))
        known = target.execute(
            f"SELECT record_id, version_id FROM version WHERE entity = ? "
            f"AND record_id IN ({marks})",
            (ENTITY, *chunk),
        ).fetchall()
        if any(chunk[record] != version for record, version in known):
            return "log audit tidak boleh diubah"
    return None
