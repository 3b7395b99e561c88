"""Errors the app raises (services, sync, reports) for the UI and CLI to show as they are."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path


class UserError(Exception):
    """Input refused: the message names the file, row and field where there is one."""


class InputRefused(UserError):
    """A file, package or passphrase was refused (CLI exit 3)."""


# errno → what a committee member can act on (Linux, macOS and Windows numbers alike)
_ERRNO = {
    errno.ENOSPC: "disk penuh",
    errno.EFBIG: "disk penuh (berkas melebihi batas ukuran)",
    errno.EDQUOT: "kuota disk penuh",
    errno.EROFS: "media hanya-baca (read-only)",
    errno.EACCES: "tidak ada izin menulis",
    errno.EPERM: "tidak ada izin menulis",
    errno.ENOENT: "folder atau berkas tidak ada",
    errno.EEXIST: "sudah ada berkas dengan nama itu (bukan folder)",
    errno.ENOTDIR: "bukan folder",
    errno.EISDIR: "itu folder, bukan berkas",
    errno.EIO: "kesalahan baca/tulis disk (flashdisk dicabut?)",
}
_SQLITE = (
    ("disk is full", "disk penuh"),
    ("readonly database", "media hanya-baca (read-only)"),
    ("disk i/o error", "kesalahan baca/tulis disk (disk penuh atau flashdisk dicabut?)"),
    ("malformed", "berkas rusak"),
    ("not a database", "bukan berkas basis data atau rusak"),
    ("unable to open", "berkas tidak dapat dibuka"),
    ("locked", "basis data sedang dipakai proses lain"),
)


def plain_reason(exc: BaseException) -> str | None:
    """One line for a system error (disk full, read-only, I/O): the file's name and what is
    wrong, never SQL, row values or a full path (which may hold a user's name). None for an
    error that is not a system error (a bug keeps its traceback)."""
    if isinstance(exc, OSError):
        why = _ERRNO.get(exc.errno or 0) or exc.strerror or "gagal menulis"
        name = Path(str(exc.filename)).name if exc.filename else ""
        return f"{name}: {why}" if name else why
    orig = getattr(exc, "orig", None)  # SQLAlchemy wraps the driver's error (and its SQL)
    driver = orig if isinstance(orig, sqlite3.Error) else exc
    if isinstance(driver, sqlite3.Error) and not isinstance(driver, sqlite3.IntegrityError):
        text = str(driver).lower()
        for needle, why in _SQLITE:
            if needle in text:
                return f"basis data: {why}"
        return "basis data: operasi gagal (" + type(driver).__name__ + ")"
    return None


def as_user_error(exc: BaseException) -> BaseException:
    """``exc`` as a ``UserError`` with ``plain_reason`` when it is a system error."""
    reason = plain_reason(exc)
    if reason is None or isinstance(exc, UserError):
        return exc
    return UserError(reason)
