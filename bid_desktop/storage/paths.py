"""Database file names as SQLite and SQLAlchemy need them, for any folder a user can make.

A folder may hold spaces, ( ) % ? # and non-ASCII letters ("Kecamatan (Gisting)", "100% #1"):
an SQLite URI must percent-encode them (``?`` starts the query, ``#`` a fragment, ``%`` an
escape) and an SQLAlchemy URL must not be parsed from text.
"""

from __future__ import annotations

from pathlib import Path, PurePath
from urllib.parse import quote


def sqlite_uri(path: PurePath | str, mode: str = "ro") -> str:
    """``file:`` URI of ``path`` for ``sqlite3.connect(..., uri=True)``; a Windows path on a
    USB stick (``E:\\BID\\acara.sqlite``) becomes ``file:/E:/BID/acara.sqlite``."""
    pure = path if isinstance(path, PurePath) and not isinstance(path, Path) else None
    absolute = pure.as_posix() if pure is not None else Path(path).absolute().as_posix()
    if not absolute.startswith("/"):  # Windows: E:/... → /E:/...
        absolute = "/" + absolute
    return f"file:{quote(absolute, safe='/:')}?mode={mode}"


def sqlalchemy_url(path: Path | str):  # type: ignore[no-untyped-def]
    from sqlalchemy import URL

    return URL.create("sqlite", database=str(path))
