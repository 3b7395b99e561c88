"""Human labels for records and fields in review screens: 'Desa Banjar Manis · A01 …'."""

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

# Indonesian labels of payload fields for the review screens (conflicts, duplicates). The
# pseudo-field ``_dihapus`` (delete against edit) reads as "dihapus".
FIELD_LABELS = {
    "_dihapus": "dihapus",
    "action": "Tindakan",
    "address": "Alamat",
    "after": "Sesudah",
    "already_done": "Sudah dilaksanakan",
    "amount": "Anggaran (Rp)",
    "at": "Waktu",
    "before": "Sebelum",
    "bidang": "Bidang",
    "bursa": "Bursa",
    "card_received": "Kartu diterima",
    "category": "Kategori",
    "checked_in_at": "Waktu hadir",
    "checked_in_station": "Stasiun hadir",
    "code": "Kode",
    "commitment_id": "Komitmen",
    "consultants": "Konsultan",
    "consulted_at": "Waktu konsultasi",
    "contact": "Kontak",
    "contact_via": "Dihubungi melalui",
    "contacted_at": "Tanggal dihubungi",
    "cost_estimate": "Perkiraan biaya",
    "data_b64": "Data foto",
    "date": "Tanggal",
    "decided_station": "Diputuskan di stasiun",
    "desa_code": "Kode desa",
    "description": "Uraian",
    "due_date": "Tenggat",
    "ends_at": "Selesai",
    "entity": "Jenis data",
    "event_id": "Acara",
    "facilitators": "Fasilitator",
    "first_printed_at": "Pertama dicetak",
    "gender": "Jenis kelamin",
    "guest_category": "Kategori undangan",
    "id": "ID",
    "in_rkp_desa": "Masuk RKP Desa",
    "innovation_code": "Kode inovasi",
    "innovation_codes": "Kode inovasi",
    "innovation_id": "Inovasi",
    "institution": "Lembaga",
    "is_copy": "Salinan",
    "is_kepala_desa": "Kepala Desa",
    "jabatan": "Jabatan",
    "kabupaten_code": "Kode kabupaten",
    "kabupaten_name": "Kabupaten",
    "kecamatan_code": "Kode kecamatan",
    "kecamatan_name": "Kecamatan",
    "kepala_desa": "Kepala Desa",
    "key": "Kunci",
    "kit_at": "Waktu terima kit",
    "mime": "Jenis berkas",
    "name": "Nama",
    "needs": "Kebutuhan",
    "not_duplicate": "Bukan duplikat",
    "notes": "Catatan",
    "number": "Nomor",
    "obstacles": "Kendala",
    "origin_desa": "Desa asal",
    "origin_kabupaten": "Kabupaten asal",
    "participant_id": "Peserta",
    "participant_ids": "Peserta",
    "passphrase_check": "Pemeriksa frasa sandi",
    "phone": "Telepon",
    "photo_id": "Foto",
    "piagam_id": "Piagam",
    "planned_year": "Tahun rencana",
    "printed_at": "Waktu cetak",
    "proposal_status": "Status proposal",
    "proposer_name": "Nama pengusul",
    "provider_id": "Penyedia (P2KTD)",
    "questions": "Pertanyaan",
    "rab_status": "Status RAB",
    "rated_at": "Waktu penilaian",
    "realised": "Terealisasi",
    "reason": "Alasan",
    "received_at": "Waktu diterima",
    "record_id": "ID data",
    "results": "Hasil",
    "room_id": "Ruang",
    "scanned_at": "Waktu pindai",
    "score": "Nilai",
    "search": "Teks pencarian",
    "serial": "Nomor seri",
    "services": "Layanan",
    "session_id": "Sesi",
    "sha256": "Sidik SHA-256",
    "signatories": "Penanda tangan",
    "source": "Sumber",
    "stamped_at": "Waktu stempel",
    "stamped_station": "Stasiun stempel",
    "starts_at": "Mulai",
    "station": "Stasiun",
    "station_code": "Kode stasiun",
    "status": "Status",
    "summary": "Ringkasan",
    "survivor_id": "Peserta yang dipakai",
    "ta_response": "Tanggapan TA",
    "table_code": "Meja",
    "taken_at": "Waktu foto",
    "title": "Judul",
    "value": "Nilai",
    "venue": "Tempat",
    "verification_notes": "Catatan verifikasi",
    "verified_at": "Tanggal verifikasi",
    "verified_feasible": "Layak direplikasi",
    "verified_has_results": "Ada hasil",
    "verified_really_done": "Benar dilaksanakan",
    "video": "Video",
    "void_reason": "Alasan pembatalan",
    "voided": "Dibatalkan",
    "woman_rep": "Wakil perempuan",
}


def field_label(field: str) -> str:
    """The Indonesian label of a payload field; unknown fields show their own name."""
    return FIELD_LABELS.get(field, field)


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
