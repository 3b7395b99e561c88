"""Issue 12, item 6: a full disk (RLIMIT_FSIZE in the child process: every write past the
limit fails with EFBIG, as on a full stick) during import, badges, report, template and
piagam gives a one-line reason, no traceback, no partial file, and nothing personal (no
name, no phone, no SQL) in the message."""

from __future__ import annotations

import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

LIMIT = 48 * 1024  # bytes a child may write into any one file


def run_limited(*args: str, limit: int = LIMIT) -> subprocess.CompletedProcess[str]:
    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() fails with EFBIG, no signal
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "bid_desktop", *args],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=limit_file_size,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.sqlite"
    subprocess.run(
        [sys.executable, "-m", "bid_desktop", "demo", "--db", str(path), "--stations", "1"],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return path


@pytest.fixture
def event(demo: Path, tmp_path: Path) -> Path:
    path = tmp_path / "acara.sqlite"
    shutil.copyfile(demo, path)
    return path


def _personal(db: Path) -> list[str]:
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT name, phone FROM participant LIMIT 200").fetchall()
    con.close()
    return [v for row in rows for v in row if v and len(v) > 5]


def _invitations(path: Path, db: Path, rows: int) -> list[str]:
    from openpyxl import Workbook

    with sqlite3.connect(db) as con:
        codes = [r[0] for r in con.execute("SELECT code FROM desa")]
    con.close()
    wb = Workbook()
    ws = wb.active
    ws.append(["Nama", "Jabatan", "Jenis Kelamin", "Kode Desa", "No HP", "Kategori"])
    people = []
    for i in range(rows):
        name, phone = f"Siti Rahmawati Nomor{i:05d}", f"0812{i:08d}"
        people += [name, phone]
        ws.append([name, "Kepala Desa", "P", codes[i % len(codes)], phone, "Peserta Utama"])
    wb.save(path)
    return people


def _assert_clean(done: subprocess.CompletedProcess[str], secrets: list[str]) -> None:
    lines = done.stderr.strip().splitlines()
    assert done.returncode != 0
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr and "INSERT" not in done.stderr.upper()
    assert "penuh" in lines[0] or "baca/tulis" in lines[0]
    for secret in secrets:
        assert secret not in done.stderr


def _no_partial(folder: Path, before: set[str]) -> None:
    new = {p.name for p in folder.iterdir()} - before
    assert not {n for n in new if n.endswith((".pdf", ".xlsx", ".part"))}, new


@pytest.mark.parametrize("kind", ["badges", "report"])
def test_pdf_outputs(event: Path, tmp_path: Path, kind: str) -> None:
    out = tmp_path / "keluar"
    out.mkdir()
    size = 8_000 if kind == "report" else LIMIT  # the report is a small PDF (11 kB)
    done = run_limited(kind, "--db", str(event), "--out", str(out / f"{kind}.pdf"), limit=size)
    _assert_clean(done, _personal(event))
    _no_partial(out, set())


def test_piagam(event: Path, tmp_path: Path) -> None:
    out = tmp_path / "piagam"
    done = run_limited("piagam", "--db", str(event), "--out", str(out))
    _assert_clean(done, _personal(event))
    for pdf in out.glob("*.pdf"):  # those written before the disk filled are complete
        assert pdf.read_bytes().rstrip().endswith(b"%%EOF")
    assert not list(out.glob(".*.part"))


def test_template(tmp_path: Path) -> None:
    out = tmp_path / "keluar"
    out.mkdir()
    done = run_limited("template", "invitations", "--out", str(out / "undangan.xlsx"), limit=4000)
    _assert_clean(done, [])  # the template is about 8 kB
    _no_partial(out, set())


def test_import_rolls_back_and_names_nobody(event: Path, tmp_path: Path) -> None:
    workbook = tmp_path / "undangan.xlsx"
    people = _invitations(workbook, event, 1500)
    with sqlite3.connect(event) as con:
        before = con.execute("SELECT COUNT(*) FROM participant").fetchone()[0]
    con.close()
    done = run_limited("import", "invitations", "--db", str(event), str(workbook))
    _assert_clean(done, people + _personal(event))
    with sqlite3.connect(event) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT COUNT(*) FROM participant").fetchone()[0] == before
    con.close()
