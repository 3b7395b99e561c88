"""Human labels for records in review screens (conflicts): 'Desa Banjar Manis · A01 …'."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

ENTITY_LABELS = {
    "event": "Acara",
    "event_kecamatan": "Kecamatan",
    "desa": "Desa",
    "participant": "Peserta",
    "duplicate_link": "Tautan duplikat",
    "provider": "Penyedia",
    "innovation": "Inovasi",
    "room": "Ruang",
    "bursa_session": "Sesi bursa",
    "consultation_table": "Meja konsultasi",
    "attendance": "Kehadiran",
    "rating": "Penilaian",
    "consultation": "Konsultasi",
    "commitment": "Komitmen",
    "idea": "Gagasan",
    "piagam": "Piagam",
    "piagam_print": "Cetak piagam",
    "photo": "Foto",
    "followup": "Tindak lanjut",
    "audit_entry": "Log audit",
    "setting": "Pengaturan",
}


def _desa_name(session: Session, code: object) -> str:
    if not code:
        return ""
    row = session.execute(
        text("SELECT name FROM desa WHERE code = :c LIMIT 1"), {"c": str(code)}
    ).first()
    return f"Desa {row[0]}" if row else f"Desa {code}"


def _one(session: Session, sql: str, value: object) -> str:
    if not value:
        return ""
    row = session.execute(text(sql), {"v": str(value)}).first()
    return " ".join(str(x) for x in row if x) if row else ""


def record_label(session: Session, entity: str, payload: dict[str, Any]) -> str:
    kind = ENTITY_LABELS.get(entity, entity)
    p = payload
    parts: list[str] = []
    if entity in ("commitment", "piagam", "consultation"):
        parts = [_desa_name(session, p.get("desa_code")), str(p.get("innovation_code") or "")]
    elif entity == "participant":
        parts = [str(p.get("number") or ""), str(p.get("name") or "")]
    elif entity in ("desa", "event", "provider", "room", "event_kecamatan"):
        parts = [str(p.get("name") or "")]
    elif entity == "innovation":
        parts = [str(p.get("code") or ""), str(p.get("title") or "")]
    elif entity in ("rating", "attendance"):
        person = "SELECT number, name FROM participant WHERE id = :v"
        parts = [_one(session, person, p.get("participant_id"))]
        inn = "SELECT code FROM innovation WHERE id = :v"
        parts.append(_one(session, inn, p.get("innovation_id")))
    elif entity == "idea":
        parts = [str(p.get("title") or ""), str(p.get("proposer_name") or "")]
    elif entity == "setting":
        parts = [str(p.get("key") or "")]
    label = " · ".join(x for x in parts if x)
    return f"{kind}: {label}" if label else kind
