"""`event create` / `event join` as a newcomer runs them: a database that already holds an
event is never given a second one (its PIN and current event stay), a refused create or join
leaves no half-made file behind, and a report that cannot be written names the file asked
for. Found by trying the integrated app from a fresh clone (stop 18)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bid_desktop.cli import run
from bid_desktop.services.audit import pin_matches_file
from bid_desktop.storage.db import open_database
from bid_desktop.storage.models import Event
from tests.conftest import GISTING

PIN = "482913"


def _create(path: Path, name: str) -> int:
    return run(["event", "create", "--db", str(path), "--name", name, "--date", "2026-12-10",
                "--kecamatan", GISTING, "--station", "REG1"])  # fmt: skip


@pytest.fixture(autouse=True)
def _secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BID_PASSPHRASE", "rahasia acara gisting")
    monkeypatch.setenv("BID_PIN", PIN)


def test_a_second_event_create_is_refused_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "Kecamatan (Gisting)" / "acara utama.sqlite"
    path.parent.mkdir()
    assert _create(path, "Bursa Gisting") == 0
    monkeypatch.setenv("BID_PIN", "123456")  # someone who does not know the PIN
    assert _create(path, "Acara Lain") != 0
    assert "sudah punya acara" in capsys.readouterr().err
    db = open_database(path)
    with db.begin() as s:
        assert [e.name for e in s.scalars(select(Event))] == ["Bursa Gisting"]
    db.dispose()
    assert pin_matches_file(path, PIN) and not pin_matches_file(path, "123456")


def test_refused_create_and_join_leave_no_half_made_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BID_PIN", "12")  # too short: refused after the file was opened
    assert _create(tmp_path / "baru.sqlite", "Bursa") != 0
    monkeypatch.setenv("BID_PIN", PIN)
    first = tmp_path / "reg1.sqlite"
    assert _create(first, "Bursa Gisting") == 0
    assert run(["export", "--db", str(first), "--out", str(tmp_path / "usb")]) == 0
    (package,) = (tmp_path / "usb").glob("*.bidsync")
    monkeypatch.setenv("BID_PASSPHRASE", "kata sandi yang salah")
    joining = tmp_path / "laptop 2.sqlite"
    assert run(["event", "join", "--db", str(joining), "--package", str(package),
                "--station", "MKA1"]) != 0  # fmt: skip
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(("baru", "laptop 2"))]
    assert leftovers == []


def test_a_report_that_cannot_be_written_names_the_file_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "acara.sqlite"
    assert _create(path, "Bursa Gisting") == 0
    # /proc takes no new files: the temporary file beside the target cannot be made
    assert run(["report", "--db", str(path), "--out", "/proc/laporan-bid.pdf"]) != 0
    err = capsys.readouterr().err
    assert "laporan-bid.pdf" in err and ".part" not in err
    blocked = tmp_path / "berkas biasa"
    blocked.write_text("bukan folder")
    assert run(["report", "--db", str(path), "--out", str(blocked / "laporan.pdf")]) != 0
    assert "berkas biasa: sudah ada berkas dengan nama itu" in capsys.readouterr().err
