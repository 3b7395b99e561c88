"""SQLAlchemy 2 models for the whole domain.

Two kinds of table:
- *synced* tables (subclasses of ``Synced``): UUID primary key, every write appends an
  immutable version (see ``bid_desktop.sync.history``); the live row is derived from the heads
  of those versions after a merge.
- *local* tables: this laptop's own state (station, clock, versions, import log). Never merged
  as rows.

Synced tables carry no unique constraints besides the primary key: two laptops may write
facts that collide on a human number, and a merge must never fail on that (``check`` reports
such collisions instead).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Synced(Base):
    """Abstract base of every replicated record."""

    __abstract__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True)


def _event_fk() -> Mapped[str]:
    return mapped_column(String(36), index=True)


# --- event and regions -------------------------------------------------------------------


class Event(Synced):
    __tablename__ = "event"
    name: Mapped[str] = mapped_column(String(200))
    date: Mapped[dt.date] = mapped_column(Date)
    venue: Mapped[str] = mapped_column(String(200), default="")
    kabupaten_code: Mapped[str] = mapped_column(String(8), default="")
    kabupaten_name: Mapped[str] = mapped_column(String(120), default="")
    # JSON list of {"title": ..., "name": ...}; edited at setup, printed on the piagam.
    signatories: Mapped[str] = mapped_column(Text, default="[]")
    # Verifier of the event passphrase (scrypt hash), so a joining laptop can check it offline.
    passphrase_check: Mapped[str] = mapped_column(String(120), default="")


class EventKecamatan(Synced):
    __tablename__ = "event_kecamatan"
    event_id: Mapped[str] = _event_fk()
    code: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(120))


class Desa(Synced):
    __tablename__ = "desa"
    # every list joins (event_id, code): without it a row scans its event's desa (issue 13);
    # the names the lists sort by are in the index: one probe per row, no table lookup
    __table_args__ = (
        Index("ix_desa_event_code_names", "event_id", "code", "kecamatan_name", "name"),
    )
    event_id: Mapped[str] = _event_fk()
    code: Mapped[str] = mapped_column(String(13), index=True)
    name: Mapped[str] = mapped_column(String(120))
    kecamatan_code: Mapped[str] = mapped_column(String(8))
    kecamatan_name: Mapped[str] = mapped_column(String(120), default="")


# --- people --------------------------------------------------------------------------------


# A facilitator (PD / PLD) by jabatan; the follow-up list finds them through a partial index
# on exactly this condition (issue 13), so queries must use this text as it is.
FACILITATOR_JABATAN = "lower(jabatan) LIKE '%pendamping%' OR trim(lower(jabatan)) IN ('pd', 'pld')"
KEPALA_DESA = "is_kepala_desa IS 1"


class Participant(Synced):
    __tablename__ = "participant"
    __table_args__ = (
        Index("ix_participant_event_number", "event_id", "number"),
        Index("ix_participant_event_search", "event_id", "search"),
        Index("ix_participant_event_desa", "event_id", "desa_code"),
        # contacts of a page's desa: the few Kepala Desa and facilitators, not every person
        Index(
            "ix_participant_kepala_desa", "event_id", "desa_code", sqlite_where=text(KEPALA_DESA)
        ),  # fmt: skip
        Index(
            "ix_participant_facilitator",
            "event_id",
            "desa_code",
            sqlite_where=text(FACILITATOR_JABATAN),
        ),  # fmt: skip
    )
    event_id: Mapped[str] = _event_fk()
    number: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    search: Mapped[str] = mapped_column(String(400), default="")
    jabatan: Mapped[str] = mapped_column(String(120), default="")
    gender: Mapped[str] = mapped_column(String(1), default="")
    desa_code: Mapped[str | None] = mapped_column(String(13), nullable=True)
    institution: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    category: Mapped[str] = mapped_column(String(20), default="Peserta Utama")
    guest_category: Mapped[str] = mapped_column(String(40), default="")
    woman_rep: Mapped[bool] = mapped_column(Boolean, default=False)
    is_kepala_desa: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(20), default="undangan")
    checked_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    checked_in_station: Mapped[str] = mapped_column(String(16), default="")
    kit_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    void_reason: Mapped[str] = mapped_column(Text, default="")
    # Before the day: is the invitee coming? belum / dikonfirmasi / berhalangan, who said so
    # (the committee member who called) and when.
    confirmation: Mapped[str] = mapped_column(String(12), default="belum")
    confirmed_by: Mapped[str] = mapped_column(String(120), default="")
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class DuplicateLink(Synced):
    """The user said these participants are the same person. The survivor is the smallest id
    of the group, so every laptop agrees whatever order links arrive in."""

    __tablename__ = "duplicate_link"
    event_id: Mapped[str] = _event_fk()
    participant_ids: Mapped[str] = mapped_column(Text)  # JSON sorted list
    survivor_id: Mapped[str] = mapped_column(String(36))
    decided_station: Mapped[str] = mapped_column(String(16), default="")
    not_duplicate: Mapped[bool] = mapped_column(Boolean, default=False)


# --- bursa -------------------------------------------------------------------------------


class Provider(Synced):
    __tablename__ = "provider"
    event_id: Mapped[str] = _event_fk()
    name: Mapped[str] = mapped_column(String(200))
    bidang: Mapped[str] = mapped_column(String(3), default="")
    services: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    address: Mapped[str] = mapped_column(Text, default="")


class Innovation(Synced):
    __tablename__ = "innovation"
    __table_args__ = (Index("ix_innovation_event_code", "event_id", "code"),)
    event_id: Mapped[str] = _event_fk()
    code: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    bursa: Mapped[str] = mapped_column(String(1))
    origin_desa: Mapped[str] = mapped_column(String(200), default="")
    origin_kabupaten: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    cost_estimate: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    provider_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    video: Mapped[str] = mapped_column(String(300), default="")
    voided: Mapped[bool] = mapped_column(Boolean, default=False)


class Room(Synced):
    __tablename__ = "room"
    event_id: Mapped[str] = _event_fk()
    bursa: Mapped[str] = mapped_column(String(1))
    name: Mapped[str] = mapped_column(String(120))


class BursaSession(Synced):
    __tablename__ = "bursa_session"
    event_id: Mapped[str] = _event_fk()
    room_id: Mapped[str] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(String(120))
    starts_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    ends_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    facilitators: Mapped[str] = mapped_column(Text, default="")
    innovation_codes: Mapped[str] = mapped_column(Text, default="")  # comma separated


class ConsultationTable(Synced):
    __tablename__ = "consultation_table"
    event_id: Mapped[str] = _event_fk()
    bursa: Mapped[str] = mapped_column(String(1))
    number: Mapped[int] = mapped_column(Integer)
    consultants: Mapped[str] = mapped_column(Text, default="")
    station_code: Mapped[str] = mapped_column(String(16), default="")


class Attendance(Synced):
    __tablename__ = "attendance"
    event_id: Mapped[str] = _event_fk()
    session_id: Mapped[str] = mapped_column(String(36), index=True)
    participant_id: Mapped[str] = mapped_column(String(36), index=True)
    scanned_at: Mapped[dt.datetime] = mapped_column(DateTime)
    station: Mapped[str] = mapped_column(String(16), default="")


class Rating(Synced):
    __tablename__ = "rating"
    __table_args__ = (Index("ix_rating_event_innovation", "event_id", "innovation_id"),)
    event_id: Mapped[str] = _event_fk()
    participant_id: Mapped[str] = mapped_column(String(36), index=True)
    innovation_id: Mapped[str] = mapped_column(String(36))
    score: Mapped[int] = mapped_column(Integer)
    rated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    station: Mapped[str] = mapped_column(String(16), default="")


class Consultation(Synced):
    __tablename__ = "consultation"
    event_id: Mapped[str] = _event_fk()
    desa_code: Mapped[str] = mapped_column(String(13), index=True)
    participant_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    table_code: Mapped[str] = mapped_column(String(16), default="")
    innovation_codes: Mapped[str] = mapped_column(Text, default="")  # comma separated
    questions: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    provider_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    consulted_at: Mapped[dt.datetime] = mapped_column(DateTime)
    voided: Mapped[bool] = mapped_column(Boolean, default=False)


class Commitment(Synced):
    """Identified by (event, desa, innovation): the same stamp on two laptops is one record."""

    __tablename__ = "commitment"
    __table_args__ = (Index("ix_commitment_event_desa", "event_id", "desa_code"),)
    event_id: Mapped[str] = _event_fk()
    desa_code: Mapped[str] = mapped_column(String(13))
    innovation_id: Mapped[str] = mapped_column(String(36))
    innovation_code: Mapped[str] = mapped_column(String(20))
    kepala_desa: Mapped[str] = mapped_column(String(200), default="")
    amount: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    planned_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    table_code: Mapped[str] = mapped_column(String(16), default="")
    stamped_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    stamped_station: Mapped[str] = mapped_column(String(16), default="")
    source: Mapped[str] = mapped_column(String(20), default="stempel")
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    void_reason: Mapped[str] = mapped_column(Text, default="")
    ta_response: Mapped[str] = mapped_column(Text, default="")


class Idea(Synced):
    __tablename__ = "idea"
    __table_args__ = (Index("ix_idea_event_desa", "event_id", "desa_code"),)
    event_id: Mapped[str] = _event_fk()
    proposer_name: Mapped[str] = mapped_column(String(200))
    participant_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    desa_code: Mapped[str | None] = mapped_column(String(13), nullable=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    already_done: Mapped[bool] = mapped_column(Boolean, default=False)
    results: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    station: Mapped[str] = mapped_column(String(16), default="")
    source: Mapped[str] = mapped_column(String(20), default="jendela3")
    ta_response: Mapped[str] = mapped_column(Text, default="")
    # Verification by TA Kabupaten after the event.
    verified_really_done: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    verified_has_results: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    verified_feasible: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    verification_notes: Mapped[str] = mapped_column(Text, default="")
    verified_at: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    void_reason: Mapped[str] = mapped_column(Text, default="")


class Piagam(Synced):
    """One certificate per desa, identified by (event, desa)."""

    __tablename__ = "piagam"
    __table_args__ = (Index("ix_piagam_event_desa", "event_id", "desa_code"),)
    event_id: Mapped[str] = _event_fk()
    desa_code: Mapped[str] = mapped_column(String(13), index=True)
    serial: Mapped[str] = mapped_column(String(40))
    card_received: Mapped[bool] = mapped_column(Boolean, default=False)
    first_printed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    station: Mapped[str] = mapped_column(String(16), default="")
    photo_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class PiagamPrint(Synced):
    """Log of every print; a print after the first is a copy (SALINAN)."""

    __tablename__ = "piagam_print"
    event_id: Mapped[str] = _event_fk()
    piagam_id: Mapped[str] = mapped_column(String(36), index=True)
    printed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    station: Mapped[str] = mapped_column(String(16), default="")
    is_copy: Mapped[bool] = mapped_column(Boolean, default=False)
    # What this print listed: "A01=150000000;B02=75500000" (code=amount, sorted), so a
    # commitment added or changed afterwards shows the printed piagam is out of date.
    listed: Mapped[str] = mapped_column(Text, default="")


class Photo(Synced):
    """Handover photo; bytes travel in the package like any other record."""

    __tablename__ = "photo"
    event_id: Mapped[str] = _event_fk()
    sha256: Mapped[str] = mapped_column(String(64))
    mime: Mapped[str] = mapped_column(String(40), default="image/jpeg")
    data_b64: Mapped[str] = mapped_column(Text)
    taken_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class FollowUp(Synced):
    """Follow-up of one commitment, identified by the commitment."""

    __tablename__ = "followup"
    event_id: Mapped[str] = _event_fk()
    commitment_id: Mapped[str] = mapped_column(String(36), index=True)
    due_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    contact_via: Mapped[str] = mapped_column(String(200), default="")
    contacted_at: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    obstacles: Mapped[str] = mapped_column(Text, default="")
    needs: Mapped[str] = mapped_column(Text, default="")
    rab_status: Mapped[str] = mapped_column(String(40), default="")
    proposal_status: Mapped[str] = mapped_column(String(40), default="")
    in_rkp_desa: Mapped[bool] = mapped_column(Boolean, default=False)
    realised: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(40), default="belum dihubungi")
    notes: Mapped[str] = mapped_column(Text, default="")


class AuditEntry(Synced):
    """Who changed what, where and when; replicated so the district sees every station's."""

    __tablename__ = "audit_entry"
    event_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    station: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(60), default="")
    record_id: Mapped[str] = mapped_column(String(36), default="")
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    # append-only, per-station hash chain (sync/audit_chain.py); "" on entries made before it
    hlc: Mapped[str] = mapped_column(String(25), default="", server_default="")
    seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    prev_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    hash: Mapped[str] = mapped_column(String(64), default="", server_default="")


class Setting(Synced):
    """Event-wide settings that replicate (committee PIN hash, backup policy)."""

    __tablename__ = "setting"
    event_id: Mapped[str] = _event_fk()
    key: Mapped[str] = mapped_column(String(60))
    value: Mapped[str] = mapped_column(Text, default="")


# --- local tables (never merged as rows) -------------------------------------------------------


class StationState(Base):
    """This laptop: its station code, role, event, clock and key. Exactly one row (id=1)."""

    __tablename__ = "station_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station: Mapped[str] = mapped_column(String(16))
    role: Mapped[str] = mapped_column(String(20), default="registrasi")
    event_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    hlc_wall: Mapped[int] = mapped_column(BigInteger, default=0)
    hlc_counter: Mapped[int] = mapped_column(Integer, default=0)
    walkin_seq: Mapped[int] = mapped_column(Integer, default=0)
    piagam_seq: Mapped[int] = mapped_column(Integer, default=0)
    package_key: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    exported_hlc: Mapped[str] = mapped_column(String(40), default="")
    last_backup_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    backup_dir: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(5), default="id")


class EventKey(Base):
    """The package key of every event this (TA) database holds besides ``StationState``'s own.

    Derived once from the event's passphrase when its first package is merged, so later
    packages of that event need no passphrase; never exported (quality.md S3)."""

    __tablename__ = "event_key"
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    package_key: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class Version(Base):
    """One immutable version of one synced record (sync.md, History)."""

    __tablename__ = "version"
    # (station, hlc): "changes not yet exported" in the status bar, every 5 s (sync/history.py)
    __table_args__ = (
        Index("ix_version_record", "record_id"),
        Index("ix_version_station_hlc", "station", "hlc"),
    )
    version_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    hlc: Mapped[str] = mapped_column(String(40), index=True)
    station: Mapped[str] = mapped_column(String(16))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    payload: Mapped[str] = mapped_column(Text)


class VersionParent(Base):
    """Edge child → parent: a version supersedes its parents; heads have no children."""

    __tablename__ = "version_parent"
    version_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    parent_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)


class Conflict(Base):
    """Derived: records whose heads disagree. Rebuilt for touched records on every merge."""

    __tablename__ = "conflict"
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(4))  # "hard" or "soft"
    fields: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    head_ids: Mapped[str] = mapped_column(Text, default="[]")  # JSON list, winner first


class ImportLog(Base):
    __tablename__ = "import_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    package_sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(Text)
    station: Mapped[str] = mapped_column(String(16))
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    versions_total: Mapped[int] = mapped_column(Integer, default=0)
    versions_new: Mapped[int] = mapped_column(Integer, default=0)
    added: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)


SYNCED_MODELS: dict[str, type[Synced]] = {
    m.__tablename__: m
    for m in [
        Event,
        EventKecamatan,
        Desa,
        Participant,
        DuplicateLink,
        Provider,
        Innovation,
        Room,
        BursaSession,
        ConsultationTable,
        Attendance,
        Rating,
        Consultation,
        Commitment,
        Idea,
        Piagam,
        PiagamPrint,
        Photo,
        FollowUp,
        AuditEntry,
        Setting,
    ]
}

__all__ = [name for name in dir() if not name.startswith("_")]
