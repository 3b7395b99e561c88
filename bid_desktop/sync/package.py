"""The ``.bidsync`` package: authenticated, encrypted, size-bounded (sync.md, quality.md S1/R2).

Layout (all integers big-endian)::

    header = b"BIDSYNC1" | format u16 | len u8 | event id (ASCII, len bytes) | key id (8) | nonce (12)
    body   = AES-256-GCM(key, nonce, zip, associated data = header)

``key`` = ``keys.package_key(passphrase, event_id)`` (scrypt); ``key id`` = the first 8 bytes
of SHA-256(key), so a wrong passphrase is told apart from a damaged or tampered file. The zip
holds exactly ``manifest.json`` (format, schema revision, event id and name, station,
created, clock range, counts, SHA-256 per member) and ``data.sqlite`` (``export_versions``).

Opening (``open_package``) checks, in this order and before anything touches a target
database: file size, header, event, key id, AEAD tag (over the raw bytes), zip structure,
member names (whitelist: no path tricks, no duplicates), declared and real uncompressed
sizes and ratios (zip bombs), manifest, member hashes, schema revision (older: upgraded in
the staging copy; newer: refused), then the rows (``validate.validate_staged``), the counts
the manifest claims, and that every row belongs to the event. The data is always written to
a private staging directory first; the USB file itself is read once and never attached.
Each failure raises ``InputRefused("<file name>: <check>: <reason>")``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import sqlite3
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bid_desktop.domain.errors import InputRefused
from bid_desktop.storage.models import SYNCED_MODELS
from bid_desktop.storage.paths import sqlite_uri
from bid_desktop.sync import audit_chain, keys
from bid_desktop.sync.merge import SCHEMA_REVISION, revision_problem, upgrade_staged
from bid_desktop.sync.validate import validate_staged

MAGIC = b"BIDSYNC1"
FORMAT = 1
KEY_ID_LEN = 8
NONCE_LEN = 12
TAG_LEN = 16
MAX_EVENT_ID_LEN = 64
MIN_HEADER = len(MAGIC) + 2 + 1 + KEY_ID_LEN + NONCE_LEN

MANIFEST = "manifest.json"
DATA = "data.sqlite"
MEMBERS = (MANIFEST, DATA)

# Bounds (zip bombs, lost sticks full of junk). A province relay package is ~100 MB.
MAX_PACKAGE_BYTES = 768 * 1024 * 1024
MAX_MANIFEST_BYTES = 64 * 1024
MAX_DATA_BYTES = 3 * 1024 * 1024 * 1024
# A fresh export_versions file deflates ~5-15×; anything far beyond is a bomb.
MAX_RATIO = 200
_CHUNK = 1024 * 1024

_UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HEX64_RE = re.compile(r"^[0-9a-f]{64}$")
_STATION_RE = re.compile(r"^[A-Z][A-Z0-9]{1,11}$")
_REVISION_RE = re.compile(r"^[0-9a-z_]{1,32}$")


@dataclass(frozen=True)
class Header:
    format: int
    event_id: str
    key_id: bytes
    nonce: bytes
    raw: bytes  # the header bytes: associated data of the AEAD


@dataclass(frozen=True)
class OpenedPackage:
    """A package that passed every check; ``data_path`` is the staged (private) copy."""

    path: Path
    sha256: str
    header: Header
    manifest: dict[str, Any]
    data_path: Path

    @property
    def station(self) -> str:
        return str(self.manifest["station"])

    @property
    def versions(self) -> int:
        return int(self.manifest["counts"]["version"])


def refuse(label: str, check: str, reason: str) -> InputRefused:
    return InputRefused(f"{label}: {check}: {reason}")


def key_id(key: bytes) -> bytes:
    return hashlib.sha256(key).digest()[:KEY_ID_LEN]


# --- writing ---------------------------------------------------------------------------------


def build_header(event_id: str, key: bytes, nonce: bytes, fmt: int = FORMAT) -> bytes:
    eid = event_id.encode("ascii")
    return MAGIC + struct.pack(">HB", fmt, len(eid)) + eid + key_id(key) + nonce


def zip_members(members: list[tuple[str, bytes]]) -> bytes:
    """A deflated zip of ``(name, bytes)`` in the given order (names are not checked here)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buf.getvalue()


def seal(key: bytes, event_id: str, plaintext: bytes, nonce: bytes | None = None) -> bytes:
    """Header + AES-256-GCM of ``plaintext`` (the zip) with the header as associated data."""
    nonce = nonce if nonce is not None else os.urandom(NONCE_LEN)
    header = build_header(event_id, key, nonce)
    return header + AESGCM(key).encrypt(nonce, plaintext, header)


def make_manifest(
    *,
    event_id: str,
    event_name: str,
    station: str,
    created: dt.datetime,
    counts: dict[str, int | str],
    data: bytes,
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "schema_revision": SCHEMA_REVISION,
        "event_id": event_id,
        "event_name": event_name,
        "station": station,
        "created": created.isoformat(timespec="seconds"),
        "min_hlc": str(counts.get("min_hlc", "")),
        "max_hlc": str(counts.get("max_hlc", "")),
        "counts": {
            "version": int(counts["version"]),
            "version_parent": int(counts["version_parent"]),
        },
        "members": {DATA: hashlib.sha256(data).hexdigest()},
    }


def package_bytes(key: bytes, event_id: str, manifest: dict[str, Any], data: bytes) -> bytes:
    body = json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return seal(key, event_id, zip_members([(MANIFEST, body), (DATA, data)]))


def write_atomic(path: Path, blob: bytes) -> None:
    """Write under a temporary name, fsync, rename: a pulled stick leaves no half package."""
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "wb") as handle:
        handle.write(blob)
        handle.flush()
        os.fsync(handle.fileno())
    tmp.replace(path)


# --- reading ---------------------------------------------------------------------------------


def read_header(blob: bytes, label: str) -> Header:
    if len(blob) < MIN_HEADER:
        raise refuse(label, "terpotong", f"berkas hanya {len(blob)} bita, bukan paket utuh")
    if blob[: len(MAGIC)] != MAGIC:
        raise refuse(label, "format", "bukan paket BID (.bidsync)")
    fmt, n = struct.unpack(">HB", blob[len(MAGIC) : len(MAGIC) + 3])
    if fmt != FORMAT:
        if fmt > FORMAT:
            raise refuse(
                label,
                "format",
                f"format paket {fmt} lebih baru; perbarui aplikasi di laptop ini dulu",
            )
        raise refuse(label, "format", f"format paket {fmt} tidak dikenal")
    if n > MAX_EVENT_ID_LEN:
        raise refuse(label, "header", f"id acara sepanjang {n} bita tidak sah")
    start = len(MAGIC) + 3
    end = start + n + KEY_ID_LEN + NONCE_LEN
    if len(blob) < end + TAG_LEN:
        raise refuse(label, "terpotong", "paket terpotong")
    try:
        event_id = blob[start : start + n].decode("ascii")
    except UnicodeDecodeError:
        event_id = ""
    if not _UUID_RE.match(event_id):
        raise refuse(label, "header", "id acara di header tidak sah")
    kid = blob[start + n : start + n + KEY_ID_LEN]
    nonce = blob[start + n + KEY_ID_LEN : end]
    return Header(fmt, event_id, kid, nonce, blob[:end])


def read_blob(path: Path, label: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_PACKAGE_BYTES:
            raise refuse(label, "ukuran", f"{size} bita melebihi batas {MAX_PACKAGE_BYTES}")
        with open(path, "rb") as handle:
            blob = handle.read(MAX_PACKAGE_BYTES + 1)
    except OSError as exc:
        raise refuse(label, "berkas", f"tidak dapat dibaca ({exc.strerror})") from exc
    if len(blob) > MAX_PACKAGE_BYTES:
        raise refuse(label, "ukuran", f"melebihi batas {MAX_PACKAGE_BYTES} bita")
    return blob


def decrypt(blob: bytes, header: Header, key: bytes, label: str) -> bytes:
    if header.key_id != key_id(key):
        raise refuse(label, "kata sandi", "kata sandi acara salah (kunci paket tidak cocok)")
    try:
        return AESGCM(key).decrypt(header.nonce, blob[len(header.raw) :], header.raw)
    except InvalidTag as exc:
        raise refuse(
            label, "keaslian", "paket rusak, terpotong atau telah diubah (autentikasi gagal)"
        ) from exc


def _member_infos(zf: zipfile.ZipFile, label: str) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > 16:
        raise refuse(label, "anggota", f"{len(infos)} anggota zip, terlalu banyak")
    found: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename
        if (
            ".." in name
            or name.startswith(("/", "\\"))
            or "\\" in name
            or ":" in name
            or "\x00" in name
        ):
            raise refuse(label, "anggota", f"nama anggota berbahaya {name[:60]!r}")
        if name not in MEMBERS:
            raise refuse(label, "anggota", f"anggota tak dikenal {name[:60]!r}")
        if name in found:
            raise refuse(label, "anggota", f"anggota ganda {name!r}")
        if info.flag_bits & 0x1:
            raise refuse(label, "anggota", f"anggota {name!r} terenkripsi zip")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse(label, "anggota", f"kompresi anggota {name!r} tidak didukung")
        found[name] = info
    for name in MEMBERS:
        if name not in found:
            raise refuse(label, "anggota", f"anggota {name!r} tidak ada")
    return found


def _check_bomb(info: zipfile.ZipInfo, cap: int, label: str) -> None:
    if info.file_size > cap:
        raise refuse(
            label, "bom zip", f"{info.filename} {info.file_size} bita melebihi batas {cap}"
        )
    if info.file_size > 64 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise refuse(label, "bom zip", f"{info.filename}: rasio kompresi melebihi {MAX_RATIO}:1")


def _extract(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, sink: Callable[[bytes], object]
) -> str:
    """Stream a member to ``sink`` with a hard cap; returns its SHA-256 (hex)."""
    digest = hashlib.sha256()
    total = 0
    with zf.open(info) as member:
        while chunk := member.read(_CHUNK):
            total += len(chunk)
            if total > cap or total > info.file_size:
                raise OverflowError(info.filename)
            digest.update(chunk)
            sink(chunk)
    return digest.hexdigest()


def _parse_manifest(raw: bytes, header: Header, label: str) -> dict[str, Any]:
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise refuse(label, "manifest", "bukan JSON yang sah") from exc
    if not isinstance(manifest, dict):
        raise refuse(label, "manifest", "bukan objek JSON")

    def need(key: str, kind: type | tuple[type, ...]) -> Any:
        value = manifest.get(key)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise refuse(label, "manifest", f"kolom '{key}' hilang atau tidak sah")
        return value

    if need("format", int) != FORMAT:
        raise refuse(label, "manifest", f"format {manifest['format']!r} tidak dikenal")
    if need("event_id", str) != header.event_id:
        raise refuse(label, "manifest", "id acara manifest berbeda dengan header")
    name = need("event_name", str)
    if len(name) > 400:
        raise refuse(label, "manifest", "nama acara terlalu panjang")
    if not _STATION_RE.match(need("station", str)):
        raise refuse(label, "manifest", "kode stasiun tidak sah")
    try:
        dt.datetime.fromisoformat(need("created", str)[:40])
    except ValueError as exc:
        raise refuse(label, "manifest", "waktu pembuatan tidak sah") from exc
    if not _REVISION_RE.match(need("schema_revision", str)):
        raise refuse(label, "manifest", "revisi skema tidak sah")
    counts = need("counts", dict)
    for key in ("version", "version_parent"):
        value = counts.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise refuse(label, "manifest", f"jumlah '{key}' tidak sah")
    members = need("members", dict)
    if set(members) != {DATA} or not _HEX64_RE.match(str(members.get(DATA, ""))):
        raise refuse(label, "manifest", "daftar hash anggota tidak sah")
    for key in ("min_hlc", "max_hlc"):
        if len(str(manifest.get(key, ""))) > 40:
            raise refuse(label, "manifest", f"kolom '{key}' tidak sah")
    return manifest


def _unzip(plain: bytes, header: Header, data_path: Path, label: str) -> dict[str, Any]:
    try:
        with zipfile.ZipFile(io.BytesIO(plain)) as zf:
            infos = _member_infos(zf, label)
            _check_bomb(infos[MANIFEST], MAX_MANIFEST_BYTES, label)
            _check_bomb(infos[DATA], MAX_DATA_BYTES, label)
            raw = bytearray()
            _extract(zf, infos[MANIFEST], MAX_MANIFEST_BYTES, raw.extend)
            manifest = _parse_manifest(bytes(raw), header, label)
            with open(data_path, "wb") as handle:
                got = _extract(zf, infos[DATA], MAX_DATA_BYTES, handle.write)
    except InputRefused:
        raise
    except OverflowError as exc:
        raise refuse(label, "bom zip", f"{exc} lebih besar dari yang dinyatakan") from exc
    except Exception as exc:  # zipfile raises many kinds on malformed input
        raise refuse(label, "zip", f"isi paket rusak ({type(exc).__name__})") from exc
    if got != manifest["members"][DATA]:
        raise refuse(label, "hash", f"SHA-256 {DATA} tidak cocok dengan manifest")
    return manifest


def _check_sqlite(data_path: Path, label: str) -> None:
    """The staged file must be an intact SQLite database (a cut or garbled one is refused
    here, before any query could stumble over a missing page halfway through a merge)."""
    with open(data_path, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise refuse(label, "berkas", f"{DATA} bukan basis data SQLite")
    try:
        conn = sqlite3.connect(sqlite_uri(data_path), uri=True)
    except sqlite3.Error as exc:
        raise refuse(label, "berkas", f"{DATA} tidak dapat dibuka ({exc})") from exc
    try:
        conn.execute("PRAGMA trusted_schema=OFF")
        verdict = conn.execute("PRAGMA integrity_check(1)").fetchone()
        if verdict is None or verdict[0] != "ok":
            raise refuse(label, "berkas", f"{DATA} rusak (integrity_check)")
    except sqlite3.DatabaseError as exc:
        raise refuse(label, "berkas", f"{DATA} rusak ({exc})") from exc
    finally:
        conn.close()


def _check_counts_and_event(data_path: Path, manifest: dict[str, Any], label: str) -> None:
    event_id = manifest["event_id"]
    conn = sqlite3.connect(sqlite_uri(data_path), uri=True)
    try:
        (n,) = conn.execute("SELECT COUNT(*) FROM version").fetchone()
        (m,) = conn.execute("SELECT COUNT(*) FROM version_parent").fetchone()
        if (n, m) != (manifest["counts"]["version"], manifest["counts"]["version_parent"]):
            raise refuse(label, "manifest", f"jumlah versi {n}/{m} berbeda dengan manifest")
        with_event = [e for e, model in SYNCED_MODELS.items() if "event_id" in model.__table__.c]
        listed = ", ".join(f"'{e}'" for e in with_event)
        row = conn.execute(
            "SELECT version_id FROM version WHERE (entity = 'event' AND record_id <> ?1) OR "
            f"(entity IN ({listed}) AND json_type(payload, '$.event_id') = 'text' "
            "AND json_extract(payload, '$.event_id') <> ?1) LIMIT 1",
            (event_id,),
        ).fetchone()
        if row is not None:
            raise refuse(label, "acara", f"versi {row[0]} milik acara lain")
    except sqlite3.DatabaseError as exc:
        raise refuse(label, "berkas", f"basis data rusak ({exc})") from exc
    finally:
        conn.close()


def open_package(
    path: Path,
    staging_dir: Path,
    *,
    key: bytes | None = None,
    event_id: str | None = None,
    passphrase: str | None = None,
) -> OpenedPackage:
    """Check a package completely and stage its data in ``staging_dir`` (see module doc).

    ``key`` + ``event_id``: this laptop's (a package of another event is refused).
    ``passphrase``: derive the key from it and the event id in the header (join).
    """
    path = Path(path)
    label = path.name
    blob = read_blob(path, label)
    header = read_header(blob, label)
    if event_id is not None and header.event_id != event_id:
        raise refuse(label, "acara", f"paket dari acara lain ({header.event_id})")
    if key is None:
        if passphrase is None:
            raise refuse(label, "kata sandi", "kata sandi acara diperlukan")
        key = keys.package_key_matching(
            passphrase, header.event_id, lambda k: key_id(k) == header.key_id
        )
    plain = decrypt(blob, header, key, label)
    sha = hashlib.sha256(blob).hexdigest()
    del blob
    staging_dir.mkdir(parents=True, exist_ok=True)
    data_path = staging_dir / f"{sha[:16]}-{len(list(staging_dir.iterdir()))}.sqlite"
    manifest = _unzip(plain, header, data_path, label)
    del plain
    revision = manifest["schema_revision"]
    problem = revision_problem(str(revision))
    if problem is not None:
        raise refuse(label, "revisi skema", problem)
    if revision != SCHEMA_REVISION:
        upgrade_staged(data_path, revision)  # older revision: upgraded in the staging copy
    _check_sqlite(data_path, label)
    validate_staged(data_path, label)
    audit_problem = audit_chain.staged_problem(data_path)  # append-only: never a change
    if audit_problem is not None:
        raise refuse(label, "log audit", audit_problem)
    _check_counts_and_event(data_path, manifest, label)
    return OpenedPackage(path, sha, header, manifest, data_path)
