"""The recap workbook of every event in the database (`bid-desktop recap`, the Rekap tab).

Each sheet is one SQL query streamed into the writer (``reports/recap.py``): per-desa and
per-innovation figures are SQL aggregates, the lists are read ``yield_per`` rows at a time,
so a province database (50,000 participants, 24,000 commitments, 300,000 ratings) is written
in constant memory.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, select, text, true
from sqlalchemy.orm import Session

from bid_desktop.reports import recap as writer
from bid_desktop.reports import recap_layout as L
from bid_desktop.services.contacts import load_contacts
from bid_desktop.services.counters import other_woman_attended, woman_rep_attended
from bid_desktop.services.followup import NOT_CONTACTED, verification_status
from bid_desktop.services.kabupaten import summary_rows
from bid_desktop.services.scope import events_in
from bid_desktop.storage.models import (
    Commitment,
    Desa,
    Event,
    EventKecamatan,
    FollowUp,
    Idea,
    Innovation,
    Participant,
    Piagam,
)

STREAM = 2000


@dataclass
class RecapResult:
    path: Path
    rows: dict[str, int]


def _yes(flag: object) -> str:
    return "Ya" if flag else "Tidak"


def _rep(woman_rep: bool, arrived: object) -> str:
    """Kehadiran's Perwakilan Perempuan: "Ya" only for the designated one who attended, so
    the column's total is the indicator, as on Rekap Desa."""
    if not woman_rep:
        return "Tidak"
    return "Ya" if arrived is not None else "Ya (tidak hadir)"


def _stream(session: Session, query: Any, params: dict[str, Any] | None = None) -> Iterator[Any]:
    result = session.execute(query, params or {}, execution_options={"yield_per": STREAM})
    yield from result


def _in_scope(column: Any, scope: Sequence[str]) -> Any:
    """``column`` among the events of the scope; no condition for "every event"."""
    return column.in_(list(scope)) if scope else true()


def _scope_params(scope: Sequence[str]) -> dict[str, Any]:
    """Parameters of the raw SQL sheets: ``:every`` or one of ``:events`` (a JSON list)."""
    return {"every": not scope, "events": json.dumps(list(scope))}


_SCOPED = "(:every OR {col} IN (SELECT value FROM json_each(:events)))"


def commitment_rows(session: Session, scope: Sequence[str] = ()) -> Iterator[Sequence[Any]]:
    contacts = load_contacts(session)
    query = (
        select(
            Commitment.event_id,
            Commitment.desa_code,
            Desa.kecamatan_name,
            Desa.name,
            Commitment.kepala_desa,
            Commitment.innovation_code,
            Innovation.title,
            Innovation.bursa,
            Commitment.amount,
            Commitment.table_code,
            Commitment.stamped_at,
            Piagam.serial,
            Commitment.ta_response,
            func.coalesce(FollowUp.status, NOT_CONTACTED),
            func.coalesce(FollowUp.notes, ""),
            Commitment.id,
        )
        .join(Desa, and_(Desa.event_id == Commitment.event_id, Desa.code == Commitment.desa_code))
        .outerjoin(Innovation, Innovation.id == Commitment.innovation_id)
        .outerjoin(
            Piagam,
            and_(Piagam.event_id == Commitment.event_id, Piagam.desa_code == Commitment.desa_code),
        )
        .outerjoin(FollowUp, FollowUp.commitment_id == Commitment.id)
        .where(Commitment.voided.is_(False), _in_scope(Commitment.event_id, scope))
        .order_by(Desa.kecamatan_name, Desa.name, Commitment.innovation_code)
    )
    for (
        event_id,
        desa_code,
        kec,
        desa,
        kades,
        code,
        title,
        bursa,
        amount,
        table,
        at,
        serial,
        resp,
        status,
        notes,
        cid,
    ) in _stream(session, query):
        inovasi = f"{code} – {title}" if title else code
        name, phone = contacts.kades(event_id, desa_code)
        pendamping = contacts.facilitators(event_id, desa_code)
        yield (kec, desa, kades or name, phone, pendamping, inovasi, bursa, amount, table, at,
               serial, resp, status, notes, cid)  # fmt: skip


def idea_rows(session: Session, scope: Sequence[str] = ()) -> Iterator[Sequence[Any]]:
    query = (
        select(
            Desa.kecamatan_name,
            Desa.name,
            Idea.proposer_name,
            Idea.title,
            Idea.description,
            Idea.already_done,
            Idea.ta_response,
            Idea.verified_at,
            Idea.verified_feasible,
            Idea.id,
        )
        .outerjoin(Desa, and_(Desa.event_id == Idea.event_id, Desa.code == Idea.desa_code))
        .where(Idea.voided.is_(False), _in_scope(Idea.event_id, scope))
        .order_by(Desa.kecamatan_name, Desa.name, Idea.title, Idea.id)
    )
    for kec, desa, who, title, desc, done, resp, when, feasible, iid in _stream(session, query):
        status = verification_status(when, feasible)
        yield (kec, desa, who, title, desc, _yes(done), resp, status, iid)


_DESA = text(
    f"""
    SELECT d.kecamatan_name, d.code, d.name,
           COALESCE(p.arrived, 0), COALESCE(p.rep, 0), COALESCE(p.women, 0),
           COALESCE(c.n, 0), COALESCE(c.total, 0), COALESCE(i.n, 0)
    FROM desa d
    LEFT JOIN (SELECT event_id, desa_code, COUNT(checked_in_at) AS arrived,
                      COUNT(*) FILTER (WHERE {woman_rep_attended()}) AS rep,
                      COUNT(*) FILTER (WHERE {other_woman_attended()}) AS women
               FROM participant WHERE NOT voided AND desa_code IS NOT NULL
               GROUP BY event_id, desa_code) p
           ON p.event_id = d.event_id AND p.desa_code = d.code
    LEFT JOIN (SELECT event_id, desa_code, COUNT(*) AS n, SUM(amount) AS total
               FROM commitment WHERE NOT voided GROUP BY event_id, desa_code) c
           ON c.event_id = d.event_id AND c.desa_code = d.code
    LEFT JOIN (SELECT event_id, desa_code, COUNT(*) AS n
               FROM idea WHERE NOT voided AND desa_code IS NOT NULL
               GROUP BY event_id, desa_code) i
           ON i.event_id = d.event_id AND i.desa_code = d.code
    WHERE """
    + _SCOPED.format(col="d.event_id")
    + """
    ORDER BY d.kecamatan_name, d.name, d.code
    """
)


def desa_rows(session: Session, scope: Sequence[str] = ()) -> Iterator[Sequence[Any]]:
    rows = _stream(session, _DESA, _scope_params(scope))
    for kec, code, name, arrived, rep, women, n, total, ideas in rows:
        yield (kec, code, name, _yes(arrived), arrived, _yes(rep), women, n, total, ideas)


# One rating per person and innovation: a participant voided as the duplicate of another
# (sync/duplicates.py: "duplikat dari <number>") rates as that survivor, counted once.
_RATING = text(
    """
    WITH once AS (
        SELECT r.*, ROW_NUMBER() OVER (
            PARTITION BY r.event_id, r.innovation_id, COALESCE(s.id, r.participant_id)
            ORDER BY s.id IS NOT NULL, r.rated_at, r.id) AS nth
        FROM rating r
        LEFT JOIN participant d ON d.id = r.participant_id AND d.voided
             AND d.void_reason LIKE 'duplikat dari %'
        LEFT JOIN participant s ON s.event_id = d.event_id
             AND s.number = substr(d.void_reason, 15) AND NOT s.voided)
    SELECT k.names, i.code, i.title, i.bursa, COUNT(r.id), AVG(r.score),
           COUNT(*) FILTER (WHERE r.score = 1), COUNT(*) FILTER (WHERE r.score = 2),
           COUNT(*) FILTER (WHERE r.score = 3), COUNT(*) FILTER (WHERE r.score = 4),
           COUNT(*) FILTER (WHERE r.score = 5)
    FROM innovation i
    LEFT JOIN (SELECT * FROM once WHERE nth = 1) r
           ON r.event_id = i.event_id AND r.innovation_id = i.id
    LEFT JOIN (SELECT event_id, group_concat(name, ', ') AS names
               FROM event_kecamatan GROUP BY event_id) k ON k.event_id = i.event_id
    WHERE NOT i.voided AND """
    + _SCOPED.format(col="i.event_id")
    + """
    GROUP BY i.id
    ORDER BY k.names, i.bursa, AVG(r.score) DESC, i.code
    """
)


def rating_rows(session: Session, scope: Sequence[str] = ()) -> Iterator[Sequence[Any]]:
    rows = _stream(session, _RATING, _scope_params(scope))
    for kec, code, title, bursa, count, mean, *dist in rows:
        yield (kec, code, title, bursa, count, round(mean, 2) if count else None, *dist)


def attendance_rows(session: Session, scope: Sequence[str] = ()) -> Iterator[Sequence[Any]]:
    kecamatan = (
        select(
            EventKecamatan.event_id,
            func.group_concat(EventKecamatan.name, ", ").label("names"),
        )
        .group_by(EventKecamatan.event_id)
        .subquery()
    )
    query = (
        select(
            Participant.number,
            Participant.name,
            Participant.jabatan,
            Participant.gender,
            func.coalesce(Desa.kecamatan_name, kecamatan.c.names),
            Desa.name,
            Participant.institution,
            Participant.category,
            Participant.guest_category,
            Participant.woman_rep,
            Participant.checked_in_at,
            Participant.kit_at,
        )
        .outerjoin(
            Desa, and_(Desa.event_id == Participant.event_id, Desa.code == Participant.desa_code)
        )
        .outerjoin(kecamatan, kecamatan.c.event_id == Participant.event_id)
        .where(Participant.voided.is_(False), _in_scope(Participant.event_id, scope))
        .order_by(
            Participant.event_id, Desa.name.is_(None), Desa.name, Participant.name, Participant.id
        )
    )
    for number, name, jab, gender, kec, desa, inst, cat, guest, woman, at, kit in _stream(
        session, query
    ):
        category = f"{cat} · {guest}" if guest else cat
        yield (number, name, jab, gender, kec, desa or inst, category, _rep(woman, at), at, kit)


SUMMARY_SHEET = "Ringkasan Kabupaten"
_W = writer.Col
SUMMARY_COLUMNS = [
    _W("No", writer.NO), _W("Kecamatan"), _W("Acara"), _W("Tanggal", writer.DATETIME),
    _W("Desa", writer.INT, writer.SUM), _W("Desa Hadir", writer.INT, writer.SUM),
    _W("Perwakilan Perempuan Hadir", writer.INT, writer.SUM),
    _W("Desa dengan Perwakilan Perempuan", writer.INT, writer.SUM),
    _W("Komitmen", writer.INT, writer.SUM), _W("Total Anggaran (Rp)", writer.RUPIAH, writer.SUM),
    _W("Ide", writer.INT, writer.SUM), _W("Sudah Dihubungi", writer.INT, writer.SUM),
    _W("Masuk RKP Desa", writer.INT, writer.SUM), _W("Terealisasi", writer.INT, writer.SUM),
]  # fmt: skip


def recap_sheets(session: Session, scope: Sequence[str] = ()) -> list[writer.Sheet]:
    sheets = [
        writer.Sheet(
            L.COMMITMENT_SHEET, writer.COMMITMENT_COLUMNS, commitment_rows(session, scope)
        ),
        writer.Sheet(L.IDEA_SHEET, writer.IDEA_COLUMNS, idea_rows(session, scope)),
        writer.Sheet(L.DESA_SHEET, writer.DESA_COLUMNS, desa_rows(session, scope)),
        writer.Sheet(
            L.RATING_SHEET, writer.RATING_COLUMNS, rating_rows(session, scope), writer.rating_mean
        ),
        writer.Sheet(
            L.ATTENDANCE_SHEET, writer.ATTENDANCE_COLUMNS, attendance_rows(session, scope)
        ),
    ]
    if len(events_in(session, scope)) > 1:  # a TA database: one row per kecamatan first
        summary = writer.Sheet(SUMMARY_SHEET, SUMMARY_COLUMNS, summary_rows(session, scope))
        sheets.insert(0, summary)
    return sheets


def _title(session: Session) -> str:
    """The page header of every printed sheet: the event, or how many events it covers."""
    names = list(session.scalars(select(Event.name).order_by(Event.date, Event.name).limit(3)))
    if len(names) == 1:
        return f"{writer.TITLE} — {names[0]}"
    if names:
        count = session.scalar(select(func.count()).select_from(Event))
        return f"{writer.TITLE} — {count} acara"
    return writer.TITLE


def write_recap(
    session: Session,
    out: Path,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    scope: Sequence[str] = (),
) -> RecapResult:
    """The recap workbook of the events in ``scope`` (empty: every event in this database;
    one kecamatan per event, named on every row)."""
    rows = writer.write_workbook(
        Path(out), recap_sheets(session, scope), progress, cancelled, title=_title(session)
    )
    return RecapResult(Path(out), rows)
