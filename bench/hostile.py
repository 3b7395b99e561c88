"""Hostile ``.bidsync`` packages (quality.md R2): every one must be refused, the target unchanged.

``Forge`` starts from one honest package and derives bad ones of many kinds:

- outer layer (no key needed): bit flips anywhere, truncation at any point, appended junk,
  empty / junk / plain-zip files, a newer format, huge or garbled header fields, a file over
  the size cap (sparse), a package of another event, one sealed with a wrong passphrase;
- inner layer (sealed with the right key, so only the content checks can catch them): zip
  bombs (ratio, manifest over its cap, sizes that lie), path tricks (``../``, absolute,
  backslash, drive names), extra / missing / duplicated members, a corrupt zip, manifest lies
  (hash, counts, event, station, format, schema revision newer, not JSON, missing keys),
  malformed SQLite (junk bytes, cut short), foreign objects (table, view, trigger), bad rows
  (ids, clocks, stations, entities, payloads, huge strings), broken parent edges, rows of
  another event, and rewritten history (a version the target has, with other content).

``cases(forge, n, seed)`` yields ``Case``s: a file plus the check names a correct refusal may
give (the ``<check>`` of ``"<file>: <check>: <reason>"``). Used by tests/sync/test_hostile.py
(a sample) and bench/bench_hostile.py (thousands).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import random
import sqlite3
import struct
import uuid
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from bid_desktop.services import sync as sync_service
from bid_desktop.storage.db import Database
from bid_desktop.storage.models import Participant
from bid_desktop.sync import keys
from bid_desktop.sync import package as pkg

PASSPHRASE = "rahasia-hostile-2026"
EVENT = "0190f000-0000-7000-8000-0000000badee"
OTHER_EVENT = "0190f000-0000-7000-8000-0000000badef"


@dataclass(frozen=True)
class Case:
    kind: str
    path: Path
    accept: tuple[str, ...]  # check names a correct refusal may report


def check_of(message: str) -> str:
    """The ``<check>`` part of ``"<file>: <check>: <reason>"``."""
    parts = message.split(": ", 2)
    return parts[1] if len(parts) == 3 else ""


@dataclass
class Scenario:
    target: Database
    source: Database
    good: Path
    forge: Forge


def make_scenario(folder: Path) -> Scenario:
    """Two laptops of one event with some history (edits → parent edges); the target has
    already merged the source's honest package, which the forge then corrupts."""
    import datetime as _dt

    from bid_desktop.services.events import EventSetup, create_event
    from bid_desktop.storage.db import open_database

    folder.mkdir(parents=True, exist_ok=True)

    def laptop(name: str, station: str, event_id: str) -> Database:
        db = open_database(folder / f"{name}.sqlite")
        with db.begin() as session:
            create_event(
                session,
                EventSetup(
                    name="BID Hostile",
                    date=_dt.date(2026, 11, 25),
                    kecamatan_codes=["18.06.20"],
                    station=station,
                    passphrase=PASSPHRASE,
                    event_id=event_id,
                ),
            )
        return db

    source = laptop("source", "REG1", EVENT)
    for i in range(12):
        with source.begin() as s:
            s.add(
                Participant(
                    id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"hostile-{i}")),
                    event_id=EVENT,
                    number=f"REG1-{i + 1:04d}",
                    name=f"Peserta {i}",
                    phone=f"+62812000{i:04d}",
                    desa_code="18.06.20.2001",
                )
            )
    for i in range(0, 12, 3):
        with source.begin() as s:
            p = s.get(Participant, str(uuid.uuid5(uuid.NAMESPACE_URL, f"hostile-{i}")))
            assert p is not None
            p.name = f"Peserta {i} (diperbaiki)"
    target = laptop("target", "REG2", EVENT)
    good = sync_service.export_package(source, folder / "good").path
    sync_service.import_packages(target, [good], backup_dir=folder / "backups")
    other = laptop("other", "REG1", OTHER_EVENT)
    foreign = sync_service.export_package(other, folder / "foreign").path
    other.dispose()
    forge = Forge(good, PASSPHRASE, folder / "cases", foreign)
    return Scenario(target=target, source=source, good=good, forge=forge)


class Forge:
    def __init__(self, good: Path, passphrase: str, out: Path, foreign: Path) -> None:
        self.good = good
        self.blob = good.read_bytes()
        self.header = pkg.read_header(self.blob, good.name)
        self.event_id = self.header.event_id
        self.key = keys.package_key(passphrase, self.event_id)
        plain = pkg.decrypt(self.blob, self.header, self.key, good.name)
        with zipfile.ZipFile(io.BytesIO(plain)) as zf:
            self.manifest: dict[str, Any] = json.loads(zf.read(pkg.MANIFEST))
            self.data = zf.read(pkg.DATA)
        self.foreign = foreign.read_bytes()
        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        self._n = 0

    # --- building blocks ---------------------------------------------------------------------

    def write(self, kind: str, blob: bytes, accept: tuple[str, ...]) -> Case:
        self._n += 1
        path = self.out / f"{self._n:05d}-{kind}.bidsync"
        path.write_bytes(blob)
        return Case(kind, path, accept)

    def seal(self, members: list[tuple[str, bytes]], key: bytes | None = None) -> bytes:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # duplicate names are the point of some cases
            plain = pkg.zip_members(members)
        return pkg.seal(key or self.key, self.event_id, plain)

    def manifest_for(self, data: bytes, **changes: Any) -> bytes:
        manifest = dict(self.manifest)
        manifest["members"] = {pkg.DATA: hashlib.sha256(data).hexdigest()}
        manifest["counts"] = _counts(data) or manifest["counts"]
        manifest.update(changes)
        return json.dumps(manifest).encode()

    def with_data(self, data: bytes, **changes: Any) -> bytes:
        return self.seal([(pkg.MANIFEST, self.manifest_for(data, **changes)), (pkg.DATA, data)])

    def sql(self, *statements: str) -> bytes:
        """The honest data with SQL applied (a fresh copy each time)."""
        path = self.out / "scratch.sqlite"
        path.write_bytes(self.data)
        conn = sqlite3.connect(path)
        try:
            for statement in statements:
                conn.execute(statement)
            conn.commit()
            conn.execute("VACUUM")
        finally:
            conn.close()
        data = path.read_bytes()
        path.unlink()
        return data

    @cached_property
    def ids(self) -> dict[str, list[tuple[str, str, str]]]:
        """entity → [(version_id, record_id, hlc)] of the honest data."""
        path = self.out / "ids.sqlite"
        path.write_bytes(self.data)
        conn = sqlite3.connect(path)
        out: dict[str, list[tuple[str, str, str]]] = {}
        for vid, entity, rid, hlc in conn.execute(
            "SELECT version_id, entity, record_id, hlc FROM version ORDER BY version_id"
        ):
            out.setdefault(entity, []).append((vid, rid, hlc))
        edges = conn.execute("SELECT version_id, parent_id FROM version_parent").fetchall()
        conn.close()
        path.unlink()
        self.edges = edges
        return out

    @cached_property
    def bomb_member(self) -> bytes:
        """50 MB of zeros deflated (~50 KB): a ratio of ~1000:1."""
        return zlib.compress(b"\x00" * (50 * 1024 * 1024), 9)


def _counts(data: bytes) -> dict[str, int] | None:
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".sqlite") as tmp:
        tmp.write(data)
        tmp.flush()
        try:
            conn = sqlite3.connect(f"file:{tmp.name}?mode=ro", uri=True)
            try:
                n = conn.execute("SELECT COUNT(*) FROM version").fetchone()[0]
                m = conn.execute("SELECT COUNT(*) FROM version_parent").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.Error:
            return None
    return {"version": int(n), "version_parent": int(m)}


# --- the kinds ---------------------------------------------------------------------------------

Maker = Callable[[Forge, random.Random], Case]
KINDS: dict[str, Maker] = {}


def kind(name: str) -> Callable[[Maker], Maker]:
    def register(fn: Maker) -> Maker:
        KINDS[name] = fn
        return fn

    return register


OUTER = ("terpotong", "format", "header", "acara", "kata sandi", "keaslian")


@kind("bitflip")
def _bitflip(f: Forge, rng: random.Random) -> Case:
    blob = bytearray(f.blob)
    # half of the flips land in the header (format, event id, key id, nonce), half anywhere
    limit = len(f.header.raw) if rng.random() < 0.5 else len(blob)
    for _ in range(rng.choice((1, 1, 1, 2, 8))):
        i = rng.randrange(limit)
        blob[i] ^= 1 << rng.randrange(8)
    return f.write("bitflip", bytes(blob), OUTER)


@kind("truncated")
def _truncated(f: Forge, rng: random.Random) -> Case:
    cut = rng.choice((0, 1, 7, 8, 12, len(f.header.raw) - 1, len(f.header.raw) + 5))
    cut = cut if rng.random() < 0.3 else rng.randrange(len(f.blob))
    return f.write("truncated", f.blob[:cut], ("terpotong", "keaslian", "format", "header"))


@kind("appended")
def _appended(f: Forge, rng: random.Random) -> Case:
    return f.write("appended", f.blob + rng.randbytes(rng.randint(1, 4096)), ("keaslian",))


@kind("junk")
def _junk(f: Forge, rng: random.Random) -> Case:
    choice = rng.randrange(4)
    if choice == 0:
        blob = b""
    elif choice == 1:
        blob = rng.randbytes(rng.randint(1, 100_000))
    elif choice == 2:  # a plain zip (an unencrypted package)
        blob = pkg.zip_members(
            [(pkg.MANIFEST, json.dumps(f.manifest).encode()), (pkg.DATA, f.data)]
        )
    else:  # the magic and then junk
        blob = pkg.MAGIC + rng.randbytes(rng.randint(0, 200))
    return f.write(
        "junk", blob, ("terpotong", "format", "header", "keaslian", "acara", "kata sandi")
    )


@kind("newer-format")
def _newer_format(f: Forge, rng: random.Random) -> Case:
    blob = bytearray(f.blob)
    struct.pack_into(">H", blob, len(pkg.MAGIC), rng.choice((2, 7, 65535)))
    return f.write("newer-format", bytes(blob), ("format",))


@kind("huge-header")
def _huge_header(f: Forge, rng: random.Random) -> Case:
    n = rng.choice((65, 128, 255))
    body = rng.randbytes(rng.randint(0, 300))
    blob = pkg.MAGIC + struct.pack(">HB", pkg.FORMAT, n) + b"A" * n + body
    return f.write("huge-header", blob, ("header", "terpotong"))


@kind("garbled-event-id")
def _garbled_event(f: Forge, rng: random.Random) -> Case:
    blob = bytearray(f.blob)
    start = len(pkg.MAGIC) + 3
    blob[start + rng.randrange(36)] = rng.choice(b"zZ/.\x00\xff")  # never a uuid character
    return f.write("garbled-event-id", bytes(blob), ("header", "acara"))


@kind("oversize")
def _oversize(f: Forge, rng: random.Random) -> Case:
    case = f.write("oversize", f.blob, ("ukuran",))
    with open(case.path, "r+b") as handle:  # sparse: no disk space used
        handle.truncate(pkg.MAX_PACKAGE_BYTES + rng.randint(1, 10**9))
    return case


@kind("other-event")
def _other_event(f: Forge, rng: random.Random) -> Case:
    return f.write("other-event", f.foreign, ("acara",))


@kind("wrong-passphrase")
def _wrong_key(f: Forge, rng: random.Random) -> Case:
    key = keys.package_key(rng.choice(("salah-kata-sandi", "rahasia-hostile-2025")), f.event_id)
    members = [(pkg.MANIFEST, f.manifest_for(f.data)), (pkg.DATA, f.data)]
    return f.write("wrong-passphrase", f.seal(members, key=key), ("kata sandi",))


@kind("zip-bomb-ratio")
def _bomb_ratio(f: Forge, rng: random.Random) -> Case:
    members = [(pkg.MANIFEST, f.manifest_for(f.data)), (pkg.DATA, b"\x00" * (50 * 1024 * 1024))]
    cached = getattr(f, "_bomb_blob", None)
    if cached is None:
        cached = f.seal(members)
        f._bomb_blob = cached  # type: ignore[attr-defined]
    return f.write("zip-bomb-ratio", cached, ("bom zip",))


@kind("zip-bomb-manifest")
def _bomb_manifest(f: Forge, rng: random.Random) -> Case:
    manifest = (
        f.manifest_for(f.data)[:-1] + b', "pad": "' + b" " * (rng.randint(65, 400) * 1024) + b'"}'
    )
    return f.write(
        "zip-bomb-manifest", f.seal([(pkg.MANIFEST, manifest), (pkg.DATA, f.data)]), ("bom zip",)
    )


@kind("zip-lying-size")
def _lying_size(f: Forge, rng: random.Random) -> Case:
    plain = bytearray(pkg.zip_members([(pkg.MANIFEST, f.manifest_for(f.data)), (pkg.DATA, f.data)]))
    small = rng.randint(0, max(1, len(f.data) // 4))
    for sig, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        pos = plain.find(sig)
        while pos >= 0:
            name_len = struct.unpack_from("<H", plain, pos + (28 if sig == b"PK\x01\x02" else 26))[
                0
            ]
            name_at = pos + (46 if sig == b"PK\x01\x02" else 30)
            if bytes(plain[name_at : name_at + name_len]) == pkg.DATA.encode():
                struct.pack_into("<I", plain, pos + offset, small)
            pos = plain.find(sig, pos + 4)
    blob = pkg.seal(f.key, f.event_id, bytes(plain))
    return f.write("zip-lying-size", blob, ("zip", "bom zip", "hash"))


@kind("zip-corrupt")
def _zip_corrupt(f: Forge, rng: random.Random) -> Case:
    """A cut zip, or flips inside the data member's deflate stream (CRC / inflate errors).

    Flips in harmless zip fields (timestamps, attributes) would leave an honest package, so
    they are not made."""
    plain = bytearray(pkg.zip_members([(pkg.MANIFEST, f.manifest_for(f.data)), (pkg.DATA, f.data)]))
    if rng.random() < 0.4:
        plain = plain[: rng.randrange(len(plain))]
    else:
        with zipfile.ZipFile(io.BytesIO(bytes(plain))) as zf:
            info = zf.getinfo(pkg.DATA)
        at = info.header_offset
        name_len, extra_len = struct.unpack_from("<HH", plain, at + 26)
        start = at + 30 + name_len + extra_len
        for _ in range(rng.randint(1, 20)):
            plain[start + rng.randrange(info.compress_size)] ^= 1 << rng.randrange(8)
    blob = pkg.seal(f.key, f.event_id, bytes(plain))
    return f.write("zip-corrupt", blob, ("zip", "bom zip"))


PATH_TRICKS = (
    "../data.sqlite",
    "../../etc/passwd",
    "/etc/passwd",
    "/data.sqlite",
    "..\\data.sqlite",
    "C:\\Windows\\x.sqlite",
    "C:/data.sqlite",
    "sub/../../data.sqlite",
    "data.sqlite/../../x",
    "./data.sqlite",
    "data/../data.sqlite",
    "\\\\server\\share\\x",
)


@kind("path-trick")
def _path_trick(f: Forge, rng: random.Random) -> Case:
    name = rng.choice(PATH_TRICKS)
    members = [(pkg.MANIFEST, f.manifest_for(f.data)), (pkg.DATA, f.data), (name, b"owned")]
    if rng.random() < 0.5:  # the trick replaces the real member
        members = [(pkg.MANIFEST, f.manifest_for(f.data)), (name, f.data)]
    rng.shuffle(members)
    return f.write("path-trick", f.seal(members), ("anggota",))


@kind("members")
def _members(f: Forge, rng: random.Random) -> Case:
    manifest = f.manifest_for(f.data)
    variants = [
        [(pkg.MANIFEST, manifest)],
        [(pkg.DATA, f.data)],
        [],
        [(pkg.MANIFEST, manifest), (pkg.DATA, f.data), ("extra.txt", b"x")],
        [(pkg.MANIFEST, manifest), (pkg.DATA, f.data), (pkg.DATA, f.data)],
        [(pkg.MANIFEST, manifest), (pkg.MANIFEST, manifest), (pkg.DATA, f.data)],
        [(pkg.MANIFEST, manifest), ("DATA.SQLITE", f.data)],
        [(pkg.MANIFEST, manifest), (pkg.DATA, f.data)] + [(f"f{i}", b"") for i in range(20)],
    ]
    return f.write("members", f.seal(rng.choice(variants)), ("anggota",))


def _manifest_lies(f: Forge, rng: random.Random) -> tuple[bytes, tuple[str, ...]]:
    data = f.data
    choice = rng.randrange(16)
    if choice == 0:
        return f.with_data(data, members={pkg.DATA: "0" * 64}), ("hash",)
    if choice == 1:
        counts = dict(_counts(data) or {})
        counts["version"] += rng.randint(1, 5)
        return f.with_data(data, counts=counts), ("manifest",)
    if choice == 2:
        return f.with_data(data, event_id=OTHER_EVENT), ("manifest",)
    if choice == 3:
        return f.with_data(data, station=rng.choice(("x", "REG 1", "A" * 40, ""))), ("manifest",)
    if choice == 4:
        return f.with_data(data, format=rng.choice((2, 0, "1", None))), ("manifest",)
    if choice == 5:
        rev = rng.choice(("0002", "0099", "9999", "zzzz"))
        return f.with_data(data, schema_revision=rev), ("revisi skema",)
    if choice == 6:
        return f.with_data(data, schema_revision="../0001"), ("manifest",)
    if choice == 7:
        return f.with_data(data, created="kemarin sore"), ("manifest",)
    if choice == 8:
        return f.with_data(data, event_name="X" * 5000), ("manifest",)
    if choice == 9:
        return f.with_data(data, counts={"version": -1, "version_parent": 0}), ("manifest",)
    if choice == 10:
        return f.with_data(data, members={pkg.DATA: "zz"}), ("manifest",)
    if choice == 11:
        return f.with_data(data, members={pkg.DATA: "0" * 64, "../x": "0" * 64}), ("manifest",)
    if choice == 12:
        body = rng.choice((b"not json", b"[1, 2, 3]", b"", b"\xff\xfe", b"null", b'"x"'))
        return f.seal([(pkg.MANIFEST, body), (pkg.DATA, data)]), ("manifest",)
    if choice == 13:
        manifest = json.loads(f.manifest_for(data))
        del manifest[rng.choice(["format", "event_id", "station", "counts", "members", "created"])]
        return f.seal([(pkg.MANIFEST, json.dumps(manifest).encode()), (pkg.DATA, data)]), (
            "manifest",
        )
    if choice == 14:
        return f.with_data(data, max_hlc="9" * 100), ("manifest",)
    return f.with_data(data, counts={"version": True, "version_parent": 0}), ("manifest",)


@kind("manifest-lies")
def _manifest(f: Forge, rng: random.Random) -> Case:
    blob, accept = _manifest_lies(f, rng)
    return f.write("manifest-lies", blob, accept)


@kind("malformed-sqlite")
def _malformed_sqlite(f: Forge, rng: random.Random) -> Case:
    choice = rng.randrange(5)
    if choice == 0:
        data = rng.randbytes(rng.randint(0, 50_000))
    elif choice == 1:  # cut by at least one whole page (a cut in a page's zero tail is harmless)
        data = f.data[: rng.randrange(100, len(f.data) - 4097)]
    elif choice == 2:
        data = b"SQLite format 3\x00" + rng.randbytes(rng.randint(84, 20_000))
    elif choice == 3:  # a b-tree page header and cell pointers garbled
        buf = bytearray(f.data)
        page = rng.randrange(1, max(2, len(buf) // 4096))
        buf[page * 4096 : page * 4096 + 64] = rng.randbytes(64)
        data = bytes(buf)
    else:
        data = b""
    blob = f.seal([(pkg.MANIFEST, f.manifest_for(data)), (pkg.DATA, data)])
    return f.write(
        "malformed-sqlite",
        blob,
        (
            "berkas",
            "struktur",
            "manifest",
            "version_id",
            "record_id",
            "entitas",
            "hlc",
            "stasiun",
            "deleted",
            "payload",
            "ukuran",
            "induk",
            "acara",
        ),
    )


def _row(f: Forge, rng: random.Random, entity: str | None = None) -> tuple[str, str, str]:
    ids = f.ids
    entity = entity or rng.choice(sorted(ids))
    return rng.choice(ids[entity])


def _bad_rows(f: Forge, rng: random.Random) -> tuple[list[str], tuple[str, ...]]:
    vid, rid, hlc = _row(f, rng)
    w = f"WHERE version_id = '{vid}'"
    choice = rng.randrange(22)
    if choice == 0:
        return [f"UPDATE version SET version_id = 'bukan-uuid' {w}"], ("version_id",)
    if choice == 1:
        return [f"UPDATE version SET version_id = upper(version_id) {w}"], ("version_id",)
    if choice == 2:
        return [f"UPDATE version SET record_id = x'00ff' {w}"], ("record_id",)
    if choice == 3:
        return [f"UPDATE version SET entity = 'sqlite_master' {w}"], ("entitas",)
    if choice == 4:
        return [f"UPDATE version SET hlc = '1' {w}"], ("hlc",)
    if choice == 5:
        return [f"UPDATE version SET hlc = '999999999999999999.999999' {w}"], ("hlc",)
    if choice == 6:
        return [f"UPDATE version SET station = 'reg1' {w}"], ("stasiun",)
    if choice == 7:
        return [f"UPDATE version SET station = '{'A' * 5000}' {w}"], ("stasiun",)
    if choice == 8:
        return [f"UPDATE version SET deleted = 2 {w}"], ("deleted",)
    if choice == 9:
        return [f"UPDATE version SET payload = '{{not json' {w}"], ("payload",)
    if choice == 10:
        return [f"UPDATE version SET payload = '[1,2]' {w}"], ("payload",)
    if choice == 11:
        return [f"UPDATE version SET payload = json_set(payload, '$.pwned', 1) {w}"], ("payload",)
    if choice == 12:
        vid, rid, hlc = _row(f, rng, "participant")
        return [
            "UPDATE version SET payload = json_set(payload, '$.name', json('null')) "
            f"WHERE version_id = '{vid}'"
        ], ("payload",)
    if choice == 13:  # a huge string
        vid, rid, hlc = _row(f, rng, "participant")
        n = rng.choice((300_000, 2_000_000))
        return [
            f"UPDATE version SET payload = json_set(payload, '$.name', printf('%.{n}c', 'A')) "
            f"WHERE version_id = '{vid}'"
        ], ("ukuran", "bom zip")  # 2 MB of one letter also trips the ratio cap
    if choice == 14:  # one record under two entities
        r1, v2 = _row(f, rng, "participant")[1], _row(f, rng, "desa")[0]
        return [f"UPDATE version SET record_id = '{r1}' WHERE version_id = '{v2}'"], ("record_id",)
    if choice == 15:  # rows of another event
        vid, rid, hlc = _row(f, rng, rng.choice(("participant", "desa")))
        return [
            f"UPDATE version SET payload = json_set(payload, '$.event_id', '{OTHER_EVENT}') "
            f"WHERE version_id = '{vid}'"
        ], ("acara",)
    if choice == 16:  # rewritten history: a version the target has, other content
        vid, rid, hlc = _row(f, rng, "participant")
        return [
            "UPDATE version SET payload = json_set(payload, '$.name', 'Dipalsukan') "
            f"WHERE version_id = '{vid}'"
        ], ("version_id",)
    if choice == 17:  # same for the station or clock of a known version
        col, value = rng.choice((("station", "'REG9'"), ("hlc", "'000001000000000000.000000'")))
        return [f"UPDATE version SET {col} = {value} {w}"], ("version_id", "induk")
    if choice == 18:  # deleted flag flipped on a known version
        return [f"UPDATE version SET deleted = 1 - deleted {w}"], ("version_id",)
    if choice == 19:  # typeof tricks
        return [f"UPDATE version SET deleted = 0.5 {w}"], ("deleted",)
    if choice == 20:
        return [f"UPDATE version SET payload = CAST(payload AS BLOB) {w}"], ("payload",)
    return [f"UPDATE version SET hlc = hlc || ' ' {w}"], ("hlc",)


@kind("bad-rows")
def _rows(f: Forge, rng: random.Random) -> Case:
    statements, accept = _bad_rows(f, rng)
    return f.write("bad-rows", f.with_data(f.sql(*statements)), accept)


def _bad_edges(f: Forge, rng: random.Random) -> list[str]:
    f.ids  # noqa: B018 - loads f.edges
    v1, v2 = _row(f, rng, "participant")[0], _row(f, rng, "desa")[0]
    choice = rng.randrange(5)
    if choice == 0:
        return [f"INSERT INTO version_parent VALUES ('{v1}', '{v1}')"]
    if choice == 1:
        return [f"INSERT INTO version_parent VALUES ('{uuid.uuid4()}', '{v1}')"]
    if choice == 2:  # across records
        return [f"INSERT INTO version_parent VALUES ('{v1}', '{v2}')"]
    if choice == 3 and f.edges:  # reversed in time (a cycle)
        child, parent = rng.choice(f.edges)
        return [f"INSERT INTO version_parent VALUES ('{parent}', '{child}')"]
    return ["INSERT INTO version_parent VALUES ('bukan-uuid', 'juga-bukan')"]


@kind("bad-edges")
def _edges(f: Forge, rng: random.Random) -> Case:
    return f.write("bad-edges", f.with_data(f.sql(*_bad_edges(f, rng))), ("induk",))


def _bad_schema(rng: random.Random) -> list[str]:
    return rng.choice(
        [
            ["CREATE TABLE extra (x)"],
            ["CREATE VIEW v AS SELECT 1"],
            ["CREATE TRIGGER t AFTER INSERT ON version BEGIN DELETE FROM version_parent; END"],
            ["DROP TABLE version_parent"],
            ["ALTER TABLE version ADD COLUMN extra TEXT"],
            [
                "CREATE TABLE v2 AS SELECT * FROM version",
                "DROP TABLE version",
                "ALTER TABLE v2 RENAME TO version",
                "INSERT INTO version SELECT * FROM version LIMIT 1",
            ],
        ]
    )


@kind("bad-schema")
def _schema(f: Forge, rng: random.Random) -> Case:
    statements = _bad_schema(rng)
    accept = ("struktur", "version_id")
    return f.write("bad-schema", f.with_data(f.sql(*statements)), accept)


def cases(forge: Forge, n: int, seed: int = 1) -> Iterator[Case]:
    """``n`` cases cycling through every kind (so a sample of ~60 covers each a few times)."""
    rng = random.Random(seed)
    names = sorted(KINDS)
    for i in range(n):
        yield KINDS[names[i % len(names)]](forge, rng)


def dump(path: Path) -> str:
    """The whole database as SQL text: 'unchanged' is compared on this."""
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def now() -> str:
    return dt.datetime.now().strftime("%H:%M:%S")
