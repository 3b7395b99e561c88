"""The demo generator: event scale over 2 station databases, merged into PATH."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bid_desktop.cli import run
from bid_desktop.domain import regions
from bid_desktop.services.demo import build_demo, load_menu, station_dir
from bid_desktop.services.errors import InputRefused


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert run(["demo", "--db", str(path), "--stations", "2", "--seed", "7"]) == 0
    return path


def q(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def one(path: Path, sql: str) -> object:
    return q(path, sql)[0][0]


def test_counts_are_the_event_scale(demo: Path) -> None:
    assert one(demo, "SELECT COUNT(*) FROM event") == 1
    assert one(demo, "SELECT COUNT(*) FROM participant") == 250
    assert one(demo, "SELECT COUNT(*) FROM commitment") == 120
    assert one(demo, "SELECT COUNT(*) FROM idea") == 60
    assert one(demo, "SELECT COUNT(*) FROM rating") == 1500
    assert one(demo, "SELECT COUNT(*) FROM consultation_table") == 12
    assert one(demo, "SELECT COUNT(*) FROM conflict") == 0


def test_every_desa_is_real_and_the_kecamatan_has_15(demo: Path) -> None:
    (kec,) = q(demo, "SELECT code FROM event_kecamatan")[0]
    real = {d.code: d.name for d in regions.desa_of(kec)}
    stored = dict(q(demo, "SELECT code, name FROM desa"))
    assert len(stored) == 15 and stored == real
    used = {c for (c,) in q(demo, "SELECT DISTINCT desa_code FROM participant") if c}
    assert used <= set(real)


def test_menu_loaded(demo: Path) -> None:
    menu = {m.code: m.title for m in load_menu()}
    assert dict(q(demo, "SELECT code, title FROM innovation")) == menu
    assert len(menu) == 30


def test_realistic_people(demo: Path) -> None:
    kades = one(demo, "SELECT COUNT(DISTINCT desa_code) FROM participant WHERE is_kepala_desa")
    women = one(demo, "SELECT COUNT(*) FROM participant WHERE woman_rep AND gender = 'P'")
    walkins = one(demo, "SELECT COUNT(*) FROM participant WHERE number LIKE 'REG1-%'")
    arrived = one(demo, "SELECT COUNT(*) FROM participant WHERE checked_in_at IS NOT NULL")
    assert kades == 15 and 8 <= women < 15 and walkins > 5
    assert 150 < arrived < 250  # some desa did not come
    assert one(demo, "SELECT COUNT(DISTINCT guest_category) FROM participant") >= 6
    amounts = [a for (a,) in q(demo, "SELECT amount FROM commitment")]
    assert all(25_000_000 <= a <= 600_000_000 and a % 5_000_000 == 0 for a in amounts)
    assert one(demo, "SELECT COUNT(*) FROM commitment WHERE voided AND void_reason != ''") == 2
    scores = dict(q(demo, "SELECT score, COUNT(*) FROM rating GROUP BY score"))
    assert set(scores) == {1, 2, 3, 4, 5}


def test_one_duplicate_candidate_left_for_the_secretariat(demo: Path) -> None:
    from bid_desktop.services.station import require_state
    from bid_desktop.storage.db import open_database
    from bid_desktop.sync.duplicates import find_candidates

    db = open_database(demo)
    with db.begin() as session:
        groups = find_candidates(session, str(require_state(session).event_id))
    db.dispose()
    assert len(groups) == 1
    assert {p["source"] for p in groups[0]["participants"]} == {"walk-in", "undangan"}


def test_activity_spread_over_stations_synced_at_breaks_and_merged(demo: Path) -> None:
    files = sorted(station_dir(demo).glob("*.sqlite"))
    assert [f.stem for f in files] == ["MKA1", "REG1"]
    reg, mka = files[1], files[0]
    own = "SELECT COUNT(*) FROM version WHERE entity = '{}' AND station = '{}'"
    # each laptop recorded its own part of the day...
    assert one(reg, own.format("participant", "REG1")) >= 250
    assert one(reg, own.format("commitment", "REG1")) == 0
    assert one(mka, own.format("commitment", "MKA1")) >= 120
    assert one(mka, own.format("participant", "MKA1")) == 0
    # ...and after the syncs at the breaks holds the other's too
    for file in files:
        assert one(file, "SELECT COUNT(*) FROM participant") == 250
        assert one(file, "SELECT COUNT(*) FROM commitment") == 120
        assert one(file, "SELECT COUNT(*) FROM conflict") == 0
    merged = set(q(demo, "SELECT version_id FROM version"))
    for file in files:
        assert set(q(file, "SELECT version_id FROM version")) <= merged
    assert {s for (s,) in q(demo, "SELECT DISTINCT station FROM version")} == {"REG1", "MKA1"}


def test_same_seed_same_data(demo: Path, tmp_path: Path) -> None:
    again = build_demo(tmp_path / "again.sqlite", "event", 2, 7).path
    sql = "SELECT id, number, name, checked_in_at FROM participant ORDER BY id"
    assert q(again, sql) == q(demo, sql)


def test_existing_path_is_refused(demo: Path) -> None:
    with pytest.raises(InputRefused, match="sudah ada"):
        build_demo(demo)


def test_kabupaten_demo_station_packages_join_and_merge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13: as a new user — `demo --scale kabupaten`, `export` from a station, then
    `event join` and `merge` — every step is accepted; the TA database holds all 20 events."""
    monkeypatch.setenv("BID_PASSPHRASE", "demo-bursa-inovasi")
    path = tmp_path / "kab.sqlite"
    assert run(["demo", "--db", str(path), "--scale", "kabupaten", "--stations", "2"]) == 0
    assert one(path, "SELECT COUNT(*) FROM event") == 20
    assert one(path, "SELECT role FROM station_state") == "rekap"
    assert one(path, "SELECT COUNT(*) FROM participant") == 5000
    folders = sorted(p for p in station_dir(path).iterdir() if p.is_dir() and p.name[0].isdigit())
    assert len(folders) == 20
    for file in folders[3].glob("*.sqlite"):  # a station laptop holds one event
        assert one(file, "SELECT COUNT(*) FROM event") == 1
    usb = tmp_path / "usb"
    assert run(["export", "--db", str(folders[3] / "REG1.sqlite"), "--out", str(usb)]) == 0
    (package,) = usb.glob("*.bidsync")
    new = tmp_path / "new.sqlite"
    assert (
        run(["event", "join", "--db", str(new), "--package", str(package), "--station", "SEK2"])
        == 0
    )
    assert run(["merge", "--db", str(folders[3] / "MKA1.sqlite"), str(package)]) == 0
    before = q(path, "SELECT COUNT(*) FROM version")
    assert run(["merge", "--db", str(path), str(package)]) == 0  # the TA knows it already
    assert q(path, "SELECT COUNT(*) FROM version") == before
    assert run(["check", "--db", str(path)]) == 0
