"""The bench helpers judge correctly: percentiles, and the R1 checker catches a lost record."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bench.bench_powerloss import check
from bench.common import median, p99, ratio


def test_percentiles() -> None:
    values = [float(v) for v in range(1, 101)]
    assert median(values) == 50.5
    assert p99(values) == 99.0
    assert ratio(30.0, 10.0) == "3.00×"


def _db(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE participant (id TEXT PRIMARY KEY, checked_in_at TEXT, name TEXT, "
        "desa_code TEXT, phone TEXT)"
    )
    conn.execute("CREATE TABLE version (record_id TEXT)")
    conn.execute(
        "CREATE TABLE commitment (id TEXT PRIMARY KEY, amount INTEGER, desa_code TEXT, "
        "innovation_id TEXT, planned_year INTEGER)"
    )
    conn.execute("CREATE TABLE innovation (id TEXT PRIMARY KEY, code TEXT)")
    conn.execute(
        "INSERT INTO participant VALUES ('p1', '2026-11-25 09:00:00', 'Ani', "
        "'18.06.20.2001', '+62811')"
    )
    conn.execute("INSERT INTO participant VALUES ('p3', NULL, 'Budi', '18.06.20.2001', '')")
    conn.execute("INSERT INTO version VALUES ('p1')")
    conn.execute("INSERT INTO innovation VALUES ('i1', 'A01')")
    conn.execute("INSERT INTO commitment VALUES ('c1', 50, '18.06.20.2001', 'i1', 2027)")
    conn.commit()
    conn.close()
    return path


def _state() -> dict:
    return {"participants": set(), "checked_in": set(), "confirmed": {}, "tried": {}}


def test_powerloss_check_accepts_what_is_there(tmp_path: Path) -> None:
    lines = [
        ["try", "P"],
        ["ok", "P", "p1", "Ani", "18.06.20.2001", "+62811"],
        ["ok", "K", "p1", "checked_in"],
        ["try", "K", "p3", "checked_in"],
        ["ok", "C", "c1", "40", "18.06.20.2001", "A01", "2027"],
        ["try", "C", "c1", "50"],
    ]
    assert check(_db(tmp_path / "a.sqlite"), lines, _state()) == []


def test_powerloss_check_catches_lost_and_stale(tmp_path: Path) -> None:
    lines = [["ok", "P", "p2"], ["ok", "K", "p3", "checked_in"], ["ok", "C", "c1", "70"]]
    problems = check(_db(tmp_path / "b.sqlite"), lines, _state())
    assert any("lost check-in p3" in p for p in problems)
    assert any("lost participant p2" in p for p in problems)
    assert any("commitment c1: 50 != confirmed 70" in p for p in problems)


def test_powerloss_check_catches_a_changed_field(tmp_path: Path) -> None:
    lines = [["ok", "P", "p1", "Ani", "18.06.20.2001", "+62899"]]  # another phone was confirmed
    problems = check(_db(tmp_path / "c.sqlite"), lines, _state())
    assert any(p.startswith("participant p1:") for p in problems)
