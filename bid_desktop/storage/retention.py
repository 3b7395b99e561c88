"""Which backup copies to keep: by creation order, age and clock jumps (never by file-name sort).

Each copy's name carries a sequence number the app gives it (one more than the highest in the
folder) and the wall-clock time it was made. The order of copies is the sequence, never the
time: a laptop whose clock said 2031 (or 2019) for one copy must not make every later copy
look "older" and be deleted.

Kept, in this order of priority:
1. the copy just made (the newest sequence number) and the ``RECENT`` newest before it;
2. the newest copy before every clock jump (the clock went backwards between two copies, or
   forwards by more than ``JUMP``), the newest ``MAX_JUMP_KEPT`` of them;
3. the newest copy of each special reason (``before-restore``, ``pre-migrate-*``): failed
   starts that each take a pre-migrate copy never push the good before-restore copy out;
4. by age, newest first: one copy per hour on the newest copy's day (at most 3/4 of
   ``keep``), one per day before it, up to ``keep`` copies in all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

BACKUP_PREFIX = "bid-backup-"
JUMP = dt.timedelta(days=7)
MAX_JUMP_KEPT = 3
RECENT = 3
SPECIAL_REASONS = ("before-restore", "pre-migrate")

_NAME = re.compile(
    r"^bid-backup-(?P<stem>.*?)(?:-n(?P<seq>\d{6,}))?-(?P<date>\d{8})-(?P<time>\d{6})"
    r"-(?P<micro>\d{6})-(?P<reason>[^.]+)\.sqlite(?:\.bidenc)?$"
)


@dataclass(frozen=True)
class Copy:
    path: Path
    stem: str  # the database file's stem
    seq: int  # creation order given by the app; -1 for copies made before it had one
    made: dt.datetime  # the wall clock when it was made (may be wrong)
    reason: str

    @property
    def order(self) -> tuple[int, str]:
        return (self.seq, self.path.name)


def parse(path: Path) -> Copy | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        made = dt.datetime.strptime(
            match["date"] + match["time"] + match["micro"], "%Y%m%d%H%M%S%f"
        )
    except ValueError:
        return None
    seq = int(match["seq"]) if match["seq"] else -1
    return Copy(path, match["stem"], seq, made, match["reason"])


def copies_of(folder: Path, stem: str) -> list[Copy]:
    """The copies of database ``stem`` in ``folder``, oldest first (by creation order)."""
    found = (parse(p) for p in folder.glob(f"{BACKUP_PREFIX}{stem}-*.sqlite*"))
    return sorted((c for c in found if c is not None and c.stem == stem), key=lambda c: c.order)


def next_seq(folder: Path) -> int:
    """One more than the highest sequence number of any copy in ``folder``."""
    seqs = [c.seq for p in folder.glob(f"{BACKUP_PREFIX}*.sqlite*") if (c := parse(p))]
    return max([0, *seqs]) + 1


def file_name(stem: str, seq: int, made: dt.datetime, reason: str) -> str:
    return f"{BACKUP_PREFIX}{stem}-n{seq:06d}-{made:%Y%m%d-%H%M%S-%f}-{reason}.sqlite"


def _is_special(reason: str) -> str | None:
    for special in SPECIAL_REASONS:
        if reason == special or reason.startswith(special + "-"):
            return reason
    return None


def jump_keepers(copies: list[Copy]) -> list[Copy]:
    """The newest copy before each clock jump (oldest first)."""
    out = []
    for before, after in zip(copies, copies[1:], strict=False):
        if after.made < before.made or after.made - before.made > JUMP:
            out.append(before)
    return out[-MAX_JUMP_KEPT:]


def _bucket(copy: Copy, day: dt.date) -> tuple[dt.date, int]:
    return (copy.made.date(), copy.made.hour if copy.made.date() == day else -1)


def to_keep(copies: list[Copy], keep: int) -> set[Path]:
    """The paths of ``copies`` (oldest first) that rotation keeps (see the module doc)."""
    if not copies:
        return set()
    newest = copies[-1]
    recent = max(0, min(RECENT, keep - 1))
    kept = {c.path for c in jump_keepers(copies)}
    specials: set[str] = set()
    for copy in reversed(copies):
        special = _is_special(copy.reason)
        if special is not None and special not in specials:
            specials.add(special)
            kept.add(copy.path)
    day = newest.made.date()
    buckets: set[tuple[dt.date, int]] = set()
    counted = hourly = 0
    hourly_cap = max(1, keep - keep // 4)  # the rest of ``keep`` is for earlier days
    for i, copy in enumerate(reversed(copies)):
        bucket = _bucket(copy, day)
        today = bucket[1] >= 0
        if counted >= max(1, keep) or (i > recent and bucket in buckets):
            continue
        if today and i > recent and hourly >= hourly_cap:
            continue
        buckets.add(bucket)
        counted += 1
        hourly += today
        kept.add(copy.path)
    return kept


def rotate(folder: Path, stem: str, keep: int) -> list[Path]:
    """Delete the copies of ``stem`` in ``folder`` that ``to_keep`` does not keep."""
    copies = copies_of(folder, stem)
    kept = to_keep(copies, keep)
    removed = []
    for copy in copies:
        if copy.path not in kept:
            copy.path.unlink(missing_ok=True)
            removed.append(copy.path)
    return removed


def prunable(folder: Path, stem: str) -> list[Copy]:
    """Copies that may go to make room for a new one, oldest first: all but the newest copy,
    the clock-jump keepers and the newest copy of each special reason."""
    copies = copies_of(folder, stem)
    protected = {copies[-1].path} if copies else set()
    protected |= {c.path for c in jump_keepers(copies)}
    protected |= {c.path for c in copies if c is _newest_special(copies, c.reason)}
    return [c for c in copies if c.path not in protected]


def _newest_special(copies: list[Copy], reason: str) -> Copy | None:
    if _is_special(reason) is None:
        return None
    return next(c for c in reversed(copies) if c.reason == reason)
