"""P4: piagam PDFs per second, through ``issue_many`` (what ``bid-desktop piagam`` runs).

A bench event on a fresh database: every desa of the first kecamatan of Kabupaten Tanggamus
until there are at least ``--desa`` desa, each with 2–8 commitments stamped at tables (the
demo menu). Measured: one run of ``issue_many`` over every desa (database reads, the PDF with
terbilang and Code128, the print log and audit, the commit), and the PDF writing alone.
Floor, same run: as many one-page reportlab PDFs holding only the desa name (a bare
``Canvas.save()``), so the figure can be read against this machine's reportlab speed.
Target (quality.md P4): ≥ 25 piagam per second.

Run: ``python -m bench.bench_piagam [--desa 150]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import time
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from bench.common import HEADER, OUT, ratio, row
from bid_desktop.domain import regions
from bid_desktop.reports.piagam import write_piagam
from bid_desktop.services.commitments import StampInput, stamp_commitment
from bid_desktop.services.demo import menu_path
from bid_desktop.services.events import EventSetup, create_event, current_event
from bid_desktop.services.exchange import desa_with_commitments
from bid_desktop.services.exchange_piagam import issue_many, piagam_data
from bid_desktop.services.import_catalog import import_csv_menu
from bid_desktop.services.meja import innovation_choices
from bid_desktop.storage.db import Database, open_database

TANGGAMUS = "18.06"
TARGET = 25.0


def bench_db(path: Path, desa_wanted: int) -> Database:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    kecamatan, count = [], 0
    for kec in regions.kecamatan_in(TANGGAMUS):
        kecamatan.append(kec.code)
        count += len(regions.desa_of(kec.code))
        if count >= desa_wanted:
            break
    db = open_database(path)
    rng = random.Random(4)
    with db.begin() as s:
        event = create_event(s, EventSetup("Bursa Inovasi Desa Tanggamus", dt.date(2026, 11, 25),
                                           kecamatan, "J3A", "bench-passphrase"))  # fmt: skip
        import_csv_menu(s, menu_path())
        menu = [c["code"] for c in innovation_choices(s, event.id)]
        for desa in [d.code for k in kecamatan for d in regions.desa_of(k)]:
            for code in rng.sample(menu, rng.randint(2, 8)):
                amount = rng.randrange(25, 900) * 1_000_000 + rng.randrange(0, 1000) * 1000
                stamp_commitment(s, StampInput(desa, code, amount, 2027, table_code="MKA1"))
    return db


def floor_pdfs(folder: Path, names: list[str]) -> float:
    start = time.perf_counter()
    for i, name in enumerate(names):
        canvas = Canvas(str(folder / f"floor-{i}.pdf"))
        canvas.setFont("Times-Bold", 24)
        canvas.drawString(100, 400, f"Pemerintah Desa {name}")
        canvas.save()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--desa", type=int, default=150)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    folder = OUT / "piagam"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    db = bench_db(OUT / "piagam-bench.sqlite", args.desa)
    with db.begin() as s:
        event = current_event(s)
        codes = desa_with_commitments(s, event.id)
        data = [piagam_data(s, event, code, f"J3A-{i:04d}") for i, code in enumerate(codes, 1)]
    lines = sum(len(d.lines) for d in data)
    start = time.perf_counter()
    with db.begin() as s:
        runs = issue_many(s, folder / "issued")
    issued = time.perf_counter() - start
    start = time.perf_counter()
    (folder / "report").mkdir()
    for d in data:
        write_piagam(folder / "report" / f"{d.serial}.pdf", d)
    report = time.perf_counter() - start
    floor = floor_pdfs(folder, [d.desa_name for d in data])
    n = len(runs)
    assert n == len(data) and all(r.path.exists() for r in runs)
    print(f"{n} desa, {lines} commitments ({lines / n:.1f} per piagam)\n")
    print(HEADER)
    rate, rate_report, rate_floor = n / issued, n / report, n / floor
    row("P4 piagam, issue_many (DB + PDF + log + commit)", f"{rate:.0f} /s ({issued:.2f} s)",
        f"{rate_floor:.0f} /s bare one-line PDF", ratio(rate_floor, rate) + " slower",
        f"≥ {TARGET:.0f} /s", rate >= TARGET)  # fmt: skip
    row("P4 piagam, PDF writing alone", f"{rate_report:.0f} /s ({report:.2f} s)",
        f"{rate_floor:.0f} /s", ratio(rate_floor, rate_report) + " slower",
        f"≥ {TARGET:.0f} /s", rate_report >= TARGET)  # fmt: skip
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
