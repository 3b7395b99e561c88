"""The TA Kabupaten's database holds many events (sync.md "Scope"; issue 13).

Three fairs of one kabupaten run on separate laptops; all their packages are merged into TA
databases in random orders and chunks: identical results, every law per event and across
events, each new event's passphrase asked once and kept. Station laptops stay one event.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from bid_desktop.cli import run
from bid_desktop.services.errors import InputRefused
from bid_desktop.services.sync import import_packages, join_event
from bid_desktop.services.sync_events import (
    export_event_packages,
    read_event_id,
    unknown_events,
)
from bid_desktop.storage.db import Database, open_database
from tests.sync.helpers import state, versions
from tests.ta_data import Fair, build_fairs


@pytest.fixture(scope="module")
def fairs(tmp_path_factory: pytest.TempPathFactory) -> list[Fair]:
    return build_fairs(tmp_path_factory.mktemp("fairs"))


def _all(fairs: list[Fair]) -> list[Path]:
    return [p for f in fairs for p in f.packages]


def _ta(
    path: Path, fairs: list[Fair], order: list[Path], chunks: list[int], station: str = "TA"
) -> Database:
    """A TA laptop joins the event of the first package, then merges the rest in chunks,
    giving each chunk only the passphrases of events it does not know yet."""
    first = next(f for f in fairs if f.event_id == read_event_id(order[0]))
    join_event(path, order[0], station, first.passphrase, "rekap")
    db = open_database(path)
    rest, at = order[1:], 0
    for size in chunks:
        part = rest[at : at + size]
        at += size
        if not part:
            continue
        new = unknown_events(db, part)
        phrases = [f.passphrase for f in fairs if f.event_id in new]
        import_packages(db, part, passphrases=phrases, backup_dir=path.parent / "bk")
    assert at >= len(rest)
    return db


def _counts(db: Database, sql: str) -> list[tuple]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql)]


def test_ta_merges_three_events_in_any_order_with_identical_results(
    fairs: list[Fair], tmp_path: Path
) -> None:
    rng = random.Random(13)
    results = []
    for n in range(4):
        order = _all(fairs)
        rng.shuffle(order)
        chunks = [rng.randint(1, 3) for _ in order]
        db = _ta(tmp_path / f"ta{n}.sqlite", fairs, order, chunks)
        try:
            results.append(state(db))
            per_event = _counts(
                db, "SELECT event_id, COUNT(*), SUM(amount) FROM commitment GROUP BY event_id"
            )
            assert sorted(per_event) == sorted((f.event_id, f.commitments, f.amount) for f in fairs)
            keys = _counts(db, "SELECT event_id FROM event_key")
            assert len(keys) == 2  # the joined event's key is the station's own
            before = state(db)
            again = import_packages(db, _all(fairs), backup_dir=tmp_path / "bk")  # no passphrase
            assert again.versions_new == 0 and state(db) == before  # idempotent, keys kept
        finally:
            db.dispose()
    assert all(r == results[0] for r in results[1:])
    assert run(["check", "--db", str(tmp_path / "ta0.sqlite")]) == 0


def test_station_laptop_stays_one_event(fairs: list[Fair], tmp_path: Path) -> None:
    path = tmp_path / "reg.sqlite"
    join_event(path, fairs[0].packages[0], "REG2", fairs[0].passphrase, "registrasi")
    db = open_database(path)
    try:
        before = versions(db)
        with pytest.raises(InputRefused, match="acara: paket dari acara lain"):
            import_packages(db, [fairs[1].packages[0]], passphrases=[fairs[1].passphrase])
        assert versions(db) == before
        import_packages(db, fairs[0].packages, backup_dir=tmp_path / "bk")  # its own event
    finally:
        db.dispose()


def test_new_event_needs_its_passphrase_and_refusal_changes_nothing(
    fairs: list[Fair], tmp_path: Path
) -> None:
    db = _ta(tmp_path / "ta.sqlite", fairs, fairs[0].packages, [2])
    try:
        before = versions(db)
        with pytest.raises(InputRefused, match="kata sandi: kata sandi acara ini diperlukan"):
            import_packages(db, fairs[1].packages, backup_dir=tmp_path / "bk")
        with pytest.raises(InputRefused, match="kata sandi: kata sandi acara salah"):
            import_packages(db, fairs[1].packages, passphrases=[fairs[2].passphrase])
        assert versions(db) == before
        assert _counts(db, "SELECT COUNT(*) FROM event_key") == [(0,)]
    finally:
        db.dispose()


def test_cli_merge_reads_passphrases_once_per_new_event(
    fairs: list[Fair], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kabupaten TA merges on the command line: a passphrase file with one line per
    event; afterwards the same events merge with no passphrase at all."""
    monkeypatch.delenv("BID_PASSPHRASE", raising=False)
    ta = tmp_path / "ta.sqlite"
    join_event(ta, fairs[0].packages[0], "TA", fairs[0].passphrase, "rekap")
    phrases = tmp_path / "sandi.txt"
    phrases.write_text("\n".join(f.passphrase for f in fairs[1:]) + "\n", encoding="utf-8")
    packages = [str(p) for p in _all(fairs)]
    assert run(["merge", "--db", str(ta), "--passphrase-file", str(phrases), *packages]) == 0
    assert run(["merge", "--db", str(ta), *packages]) == 0
    conn = sqlite3.connect(ta)
    try:
        assert conn.execute("SELECT COUNT(*) FROM event").fetchone() == (3,)
    finally:
        conn.close()


def test_ta_exports_for_the_province_keeping_every_version_and_its_station(
    fairs: list[Fair], tmp_path: Path
) -> None:
    kab = _ta(tmp_path / "kab.sqlite", fairs, _all(fairs), [len(_all(fairs))])
    try:
        packages = export_event_packages(kab, tmp_path / "provinsi")
        assert sorted(p.event_id for p in packages) == sorted(f.event_id for f in fairs)
        kab_versions = versions(kab)
        kab_state = state(kab)
    finally:
        kab.dispose()
    paths = [p.path for p in packages]
    province = _ta(tmp_path / "prov.sqlite", fairs, paths, [len(paths)], "TAPROV")
    try:
        assert versions(province) == kab_versions  # every version, original clock and station
        assert state(province) == kab_state
        stations = _counts(province, "SELECT DISTINCT station FROM version ORDER BY 1")
        assert stations == [("MKA1",), ("REG1",)]
    finally:
        province.dispose()
    # a station laptop of one event takes the TA's package of its own event (relay)
    station = tmp_path / "mka.sqlite"
    join_event(station, fairs[1].packages[0], "MKA2", fairs[1].passphrase, "meja")
    db = open_database(station)
    try:
        mine = next(p.path for p in packages if p.event_id == fairs[1].event_id)
        import_packages(db, [mine], backup_dir=tmp_path / "bk")
        assert _counts(db, "SELECT COUNT(*) FROM event") == [(1,)]
    finally:
        db.dispose()


def test_ta_refuses_a_cut_package_naming_its_real_length(fairs: list[Fair], tmp_path: Path) -> None:
    db = _ta(tmp_path / "ta.sqlite", fairs, fairs[0].packages, [2])
    try:
        cut = tmp_path / "cut.bidsync"
        cut.write_bytes(fairs[1].packages[0].read_bytes()[:20])
        with pytest.raises(InputRefused, match="cut.bidsync: terpotong: berkas hanya 20 bita"):
            import_packages(db, [cut], passphrases=[fairs[1].passphrase])
        head = tmp_path / "head.bidsync"  # the header whole, the body gone
        head.write_bytes(fairs[1].packages[0].read_bytes()[:80])
        with pytest.raises(InputRefused, match="head.bidsync: terpotong"):
            import_packages(db, [head], passphrases=[fairs[1].passphrase])
    finally:
        db.dispose()
