"""Encrypted backup files (issue 12, item 9): AES-256-GCM in 1 MiB chunks, streamed.

A backup written outside the laptop's own data folder (a USB stick) carries names and
phones: it is sealed with the event's package key. Layout::

    MAGIC | len(event id) (1 byte) | event id | key id (8) | nonce prefix (8)
    then chunks: length (4, big endian) | AES-GCM(chunk) (+16-byte tag)

Chunk ``i`` uses nonce ``prefix || i`` (4 bytes) and associated data ``header || i || last``,
so chunks cannot be reordered, dropped or cut off at the end without the tag failing.
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"BIDBAK1\0"
SUFFIX = ".bidenc"
CHUNK = 1 << 20
KEY_ID_LEN = 8


class SealError(Exception):
    pass


@dataclass(frozen=True)
class SealHeader:
    event_id: str
    key_id: bytes
    prefix: bytes
    raw: bytes


def key_id(key: bytes) -> bytes:
    return hashlib.sha256(key).digest()[:KEY_ID_LEN]


def is_sealed(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def read_header(handle: BinaryIO) -> SealHeader:
    magic = handle.read(len(MAGIC))
    if magic != MAGIC:
        raise SealError("bukan cadangan terenkripsi BID")
    size = handle.read(1)
    if not size:
        raise SealError("cadangan terpotong")
    event_id = handle.read(size[0])
    rest = handle.read(KEY_ID_LEN * 2)
    if len(event_id) != size[0] or len(rest) != KEY_ID_LEN * 2:
        raise SealError("cadangan terpotong")
    raw = magic + size + event_id + rest
    return SealHeader(
        event_id.decode("ascii", "replace"), rest[:KEY_ID_LEN], rest[KEY_ID_LEN:], raw
    )


def header_of(path: Path) -> SealHeader:
    with open(path, "rb") as handle:
        return read_header(handle)


def _aad(header: bytes, index: int, last: bool) -> bytes:
    return header + struct.pack(">IB", index, int(last))


def _chunks(handle: BinaryIO) -> Iterator[tuple[bytes, bool]]:
    current = handle.read(CHUNK)
    while True:
        following = handle.read(CHUNK) if current else b""
        yield current, not following
        if not following:
            return
        current = following


def seal(src: Path, dst: Path, key: bytes, event_id: str) -> None:
    """Encrypt ``src`` into ``dst`` (written as is: the caller renames a temporary file)."""
    ident = event_id.encode("ascii")
    header = MAGIC + bytes([len(ident)]) + ident + key_id(key) + os.urandom(8)
    prefix = header[-8:]
    aead = AESGCM(key)
    with open(src, "rb") as source, open(dst, "wb") as out:
        out.write(header)
        for index, (chunk, last) in enumerate(_chunks(source)):
            sealed = aead.encrypt(
                prefix + struct.pack(">I", index), chunk, _aad(header, index, last)
            )
            out.write(struct.pack(">I", len(sealed)) + sealed)
        out.flush()
        os.fsync(out.fileno())


def unseal(src: Path, dst: Path | None, key: bytes) -> None:
    """Decrypt ``src`` into ``dst`` (None: only verify every tag). ``SealError`` when the key
    is not this file's or the file was changed, cut off or damaged."""
    with open(src, "rb") as handle:
        header = read_header(handle)
        if header.key_id != key_id(key):
            raise SealError("kunci acara tidak cocok dengan cadangan ini")
        aead = AESGCM(key)
        out = open(dst, "wb") if dst is not None else None  # noqa: SIM115
        try:
            index = 0
            while True:
                size = handle.read(4)
                if len(size) != 4:
                    raise SealError("cadangan terpotong")
                sealed = handle.read(struct.unpack(">I", size)[0])
                last = handle.peek(1)[:1] == b"" if hasattr(handle, "peek") else False
                nonce = header.prefix + struct.pack(">I", index)
                try:
                    plain = aead.decrypt(nonce, sealed, _aad(header.raw, index, last))
                except InvalidTag as exc:
                    raise SealError("cadangan rusak atau diubah") from exc
                if out is not None:
                    out.write(plain)
                if last:
                    return
                index += 1
        finally:
            if out is not None:
                out.close()
