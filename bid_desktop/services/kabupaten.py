"""The kabupaten summary: one row per event (kecamatan) of the scope (issue 13).

Desa present / total, women representatives present (and desa that sent one), commitments
and Rp, ideas, and follow-up progress (contacted, reached RKP Desa, realised). One SQL query,
one correlated aggregate per column through the ``event_id`` indexes, so it costs the same
per event whatever the size of the database.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from bid_desktop.reports.summary import EventFigures
from bid_desktop.services.followup import NOT_CONTACTED

_SQL = text(
    """
    SELECT e.id, e.name, e.date,
      COALESCE((SELECT group_concat(name, ', ') FROM event_kecamatan k
                WHERE k.event_id = e.id), ''),
      (SELECT COUNT(*) FROM desa d WHERE d.event_id = e.id),
      (SELECT COUNT(DISTINCT p.desa_code) FROM participant p WHERE p.event_id = e.id
         AND NOT p.voided AND p.checked_in_at IS NOT NULL AND p.desa_code IS NOT NULL),
      (SELECT COUNT(*) FROM participant p WHERE p.event_id = e.id AND NOT p.voided
         AND p.checked_in_at IS NOT NULL AND p.woman_rep),
      (SELECT COUNT(DISTINCT p.desa_code) FROM participant p WHERE p.event_id = e.id
         AND NOT p.voided AND p.checked_in_at IS NOT NULL AND p.woman_rep
         AND p.desa_code IS NOT NULL),
      (SELECT COUNT(*) FROM commitment c WHERE c.event_id = e.id AND NOT c.voided),
      (SELECT COALESCE(SUM(c.amount), 0) FROM commitment c
         WHERE c.event_id = e.id AND NOT c.voided),
      (SELECT COUNT(*) FROM idea i WHERE i.event_id = e.id AND NOT i.voided),
      (SELECT COUNT(*) FROM followup f JOIN commitment c ON c.id = f.commitment_id
         WHERE f.event_id = e.id AND NOT c.voided AND f.status <> :not_contacted),
      (SELECT COUNT(*) FROM followup f JOIN commitment c ON c.id = f.commitment_id
         WHERE f.event_id = e.id AND NOT c.voided AND (f.in_rkp_desa OR f.realised)),
      (SELECT COUNT(*) FROM followup f JOIN commitment c ON c.id = f.commitment_id
         WHERE f.event_id = e.id AND NOT c.voided AND f.realised)
    FROM event e
    WHERE :every OR e.id IN (SELECT value FROM json_each(:events))
    ORDER BY 4, e.date, e.id
    """
)


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def kabupaten_summary(session: Session, scope: Sequence[str] = ()) -> list[EventFigures]:
    """One row per event of the scope (empty scope: every event), by kecamatan."""
    params = {"every": not scope, "events": json.dumps(list(scope)),
              "not_contacted": NOT_CONTACTED}  # fmt: skip
    rows = session.execute(_SQL, params)
    return [
        EventFigures(str(r[0]), str(r[1]), _date(r[2]), str(r[3]), *(int(v or 0) for v in r[4:]))
        for r in rows
    ]


def summary_rows(session: Session, scope: Sequence[str] = ()) -> Iterator[Sequence[Any]]:
    """The rows of the recap's "Ringkasan Kabupaten" sheet (after its "No")."""
    for f in kabupaten_summary(session, scope):
        yield (f.kecamatan, f.event_name, dt.datetime.combine(f.date, dt.time()), f.desa_total,
               f.desa_present, f.women_present, f.desa_with_woman, f.commitments, f.amount,
               f.ideas, f.contacted, f.in_rkp, f.realised)  # fmt: skip
