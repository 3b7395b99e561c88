"""R7: faults on real, misbehaving laptops — clock jumps, read-only media, a full disk, a
corrupt file, a copy of the file while the app writes, paths with ( ) % # ? ö –.

Every case drives the real ``bid-desktop`` command (a fresh process) or the app's services in
a child process, on a copy of the event-scale demo database, and checks the outcome against
the truth: the data before the fault (participants, commitments, integrity), the backups
that must still exist, the output files that must not be half-written. It prints, per
family and in total: cases tried, data lost, tracebacks shown (targets: 0 and 0).

Real faults, no mocks: the clock through libfaketime (``faketime``, Debian package of that
name; the family is skipped without it), read-only media through a read-only bind mount
(root) or a 0555 folder, a full disk through ``RLIMIT_FSIZE`` in the child (every write past
the limit fails with EFBIG, as on a full stick), corruption by cutting and overwriting bytes.

Run: ``python -m bench.bench_faults`` (about 2 minutes on the reference machine).
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.common import ROOT

PIN = "123456"  # the demo event's committee PIN
PASSPHRASE = "demo-bursa-inovasi"
tried: Counter[str] = Counter()
lost: Counter[str] = Counter()
tracebacks: Counter[str] = Counter()
notes: list[str] = []


def env(data: Path) -> dict[str, str]:
    return dict(
        os.environ, PYTHONPATH=str(ROOT), BID_DATA_DIR=str(data), BID_PIN=PIN,
        BID_PASSPHRASE=PASSPHRASE, QT_QPA_PLATFORM="offscreen",
    )  # fmt: skip


def cli(
    data: Path, *args: str, limit: int | None = None, fake: str | None = None
) -> subprocess.CompletedProcess[str]:
    def limited() -> None:
        if limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    cmd = [sys.executable, "-m", "bid_desktop", *args]
    if fake is not None:
        cmd = ["faketime", fake, *cmd]
    return subprocess.run(
        cmd, capture_output=True, text=True, env=env(data), preexec_fn=limited, timeout=600
    )


def record(family: str, done: subprocess.CompletedProcess[str] | None, ok: bool) -> None:
    tried[family] += 1
    if done is not None and "Traceback" in done.stdout + done.stderr:
        tracebacks[family] += 1
    if not ok:
        lost[family] += 1
        notes.append(f"{family}: {done.args if done else ''} {done.stderr[-300:] if done else ''}")


def truth(db: Path) -> tuple[str, int, int]:
    con = sqlite3.connect(f"{db.absolute().as_uri()}?mode=ro", uri=True)
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
        people = con.execute("SELECT COUNT(*) FROM participant").fetchone()[0]
        stamps = con.execute("SELECT COUNT(*) FROM commitment").fetchone()[0]
        return ok, people, stamps
    finally:
        con.close()


# --- families ----------------------------------------------------------------------------------


def clock_jumps(work: Path, demo: Path) -> None:
    if shutil.which("faketime") is None:
        notes.append("clock jumps skipped: no faketime")
        return
    for jump in ("2031-06-01 12:00:00", "2019-01-01 08:00:00"):
        db = work / f"jam-{jump[:4]}" / "acara.sqlite"
        db.parent.mkdir()
        shutil.copyfile(demo, db)
        out = db.parent / "cadangan"
        times = ["2026-11-25 08:00:00", jump] + [
            f"2026-11-25 09:{m:02d}:00" for m in range(0, 50, 10)
        ]
        made = []
        for when in times:
            done = cli(work / "data", "backup", "--db", str(db), "--out", str(out), "--keep", "2",
                       fake=when)  # fmt: skip
            path = Path(done.stdout.strip()) if done.returncode == 0 else None
            made.append(path)
            record("clock jump", done, path is not None and path.exists())
        kept = set(out.iterdir())
        # the copies before each jump and the newest must still be there
        record("clock jump", None, {made[0], made[1], made[-1]} <= kept)


def read_only(work: Path, demo: Path) -> None:
    stick = work / "stick-ro"
    stick.mkdir()
    db = stick / "acara.sqlite"
    shutil.copyfile(demo, db)
    data = work / "data"
    backup = cli(data, "backup", "--db", str(db), "--out", str(stick))
    record("read-only", backup, backup.returncode == 0)
    before = truth(db)
    mount = work / "stick-ro-view"
    mount.mkdir()
    mounted = subprocess.run(["mount", "--bind", str(stick), str(mount)], capture_output=True)
    if mounted.returncode == 0:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(mount)], capture_output=True)
        view = mount
    else:
        stick.chmod(0o555)
        view = stick
    try:
        check = cli(data, "check", "--db", str(view / db.name))
        record("read-only", check, check.returncode == 0 and "rusak" not in check.stderr)
        laptop = work / "laptop" / "acara.sqlite"
        copy = Path(backup.stdout.strip())
        restore = cli(data, "restore", "--db", str(laptop), str(view / copy.name))
        record("read-only", restore, restore.returncode == 0 and truth(laptop) == before)
        record("read-only", None, truth(view / db.name) == before)
    finally:
        if view is mount:
            subprocess.run(["umount", str(mount)], check=False)
        else:
            stick.chmod(0o755)


def disk_full(work: Path, demo: Path) -> None:
    db = work / "penuh" / "acara.sqlite"
    db.parent.mkdir()
    shutil.copyfile(demo, db)
    before = truth(db)
    out = work / "penuh" / "keluar"
    out.mkdir()
    data = work / "data"
    cases = [
        (["badges", "--db", str(db), "--out", str(out / "badge.pdf")], 48_000),
        (["report", "--db", str(db), "--out", str(out / "laporan.pdf")], 8_000),
        (["piagam", "--db", str(db), "--out", str(out / "piagam")], 48_000),
        (["template", "invitations", "--out", str(out / "undangan.xlsx")], 4_000),
        (["recap", "--db", str(db), "--out", str(out / "rekap.xlsx")], 20_000),
        (["backup", "--db", str(db), "--out", str(out / "cadangan")], 200_000),
        (["export", "--db", str(db), "--out", str(out / "usb")], 50_000),
    ]
    for args, limit in cases:
        done = cli(data, *args, limit=limit)
        partial = [p for p in out.rglob("*") if p.is_file() and (p.name.startswith(".") or
                   p.stat().st_size == 0 or p.suffix == ".part")]  # fmt: skip
        one_line = len(done.stderr.strip().splitlines()) == 1
        record("disk full", done, done.returncode != 0 and one_line and not partial)
        record("disk full", None, truth(db) == before)


def corrupt(work: Path, demo: Path) -> None:
    data = work / "data"
    for damage in ("cut-half", "cut-tail", "header", "pages", "zeros"):
        db = work / f"rusak-{damage}" / "acara.sqlite"
        db.parent.mkdir()
        shutil.copyfile(demo, db)
        before = truth(db)
        made = cli(data, "backup", "--db", str(db))
        raw = bytearray(db.read_bytes())
        if damage == "cut-half":
            raw = raw[: len(raw) // 2]
        elif damage == "cut-tail":
            raw = raw[: len(raw) - 5000]
        elif damage == "header":
            raw[:16] = b"bukan basis data"
        elif damage == "pages":
            raw[8192:40960] = os.urandom(32768)
        else:
            raw[4096 : 4096 * 20] = bytes(4096 * 19)
        db.write_bytes(bytes(raw))
        check = cli(data, "check", "--db", str(db))
        record("corrupt", check, check.returncode == 1 and len(check.stderr.splitlines()) == 1)
        restore = cli(data, "restore", "--db", str(db), made.stdout.strip())
        record("corrupt", restore, restore.returncode == 0 and truth(db) == before)


COPIER = """
import sys, time, uuid
from pathlib import Path
from bid_desktop.storage.db import open_database
from bid_desktop.storage.models import Participant
from bid_desktop.services.station import require_state
db = open_database(Path(sys.argv[1]))
for i in range(int(sys.argv[2])):
    with db.begin() as s:
        s.add(Participant(id=str(uuid.uuid4()), event_id=require_state(s).event_id,
                          number=f"SALIN-{i:04d}", name="Uji Salin"))
    print(f"ok SALIN-{i:04d}", flush=True)
    time.sleep(0.05)
print("done", flush=True)
time.sleep(30)
"""


def copy_while_running(work: Path, demo: Path) -> None:
    for run in range(3):
        db = work / f"salin-{run}" / "acara.sqlite"
        db.parent.mkdir()
        shutil.copyfile(demo, db)
        child = subprocess.Popen(
            [sys.executable, "-c", COPIER, str(db), "40"], stdout=subprocess.PIPE, text=True,
            env=env(work / "data"),
        )  # fmt: skip
        assert child.stdout is not None
        confirmed = []
        for line in child.stdout:
            if line.startswith("ok "):
                confirmed.append(line.split()[1])
            if line.startswith("done"):
                break
        time.sleep(1.0)  # a person copies the file a second after the last registration
        copy = work / f"salin-{run}" / "flashdisk.sqlite"
        shutil.copyfile(db, copy)  # the main file only, connections still open
        child.kill()
        child.wait()
        con = sqlite3.connect(copy)
        found = {r[0] for r in con.execute("SELECT number FROM participant")}
        ok = con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()
        for number in confirmed:
            record("copy while running", None, ok and number in found)


def odd_paths(work: Path, demo: Path) -> None:
    folder = work / "Acara (Gisting) 100% #1 ?ö – uji"
    folder.mkdir()
    db = folder / "bid (kecamatan) #1.sqlite"
    shutil.copyfile(demo, db)
    data = work / "data"
    before = truth(db)
    steps = [
        ["check", "--db", str(db)],
        ["backup", "--db", str(db), "--out", str(folder / "cadangan ö #")],
        ["export", "--db", str(db), "--out", str(folder / "usb (1)")],
        ["report", "--db", str(db), "--out", str(folder / "laporan 100%.pdf")],
    ]
    for args in steps:
        done = cli(data, *args)
        record("odd paths", done, done.returncode == 0)
    backup = next((folder / "cadangan ö #").glob("*.sqlite"))
    done = cli(data, "restore", "--db", str(db), str(backup))
    record("odd paths", done, done.returncode == 0 and truth(db) == before)


FAMILIES = [clock_jumps, read_only, disk_full, corrupt, copy_while_running, odd_paths]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bid-faults-") as tmp:
        work = Path(tmp)
        demo = work / "demo" / "demo.sqlite"
        demo.parent.mkdir()
        subprocess.run(
            [sys.executable, "-m", "bid_desktop", "demo", "--db", str(demo), "--stations", "1"],
            check=True, capture_output=True, env=env(work / "data"),
        )  # fmt: skip
        start = time.perf_counter()
        for family in FAMILIES:
            family(work, demo)
        seconds = time.perf_counter() - start
    print("| family | cases tried | data lost | tracebacks shown |\n|---|---|---|---|")
    for name in tried:
        print(f"| {name} | {tried[name]} | {lost[name]} | {tracebacks[name]} |")
    total = (sum(tried.values()), sum(lost.values()), sum(tracebacks.values()))
    print(f"| **total** | {total[0]} | {total[1]} | {total[2]} |")
    print(f"({seconds:.0f} s)")
    for note in notes:
        print("note:", note)
    return 0 if total[1] == 0 and total[2] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
