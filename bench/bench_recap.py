"""P5: the recap workbook of the province database (200 events: 50,000 participants, 24,000
commitments, 12,000 ideas, 300,000 ratings), time and peak memory.

Each measurement runs in a fresh process that prints its own peak resident memory
(``ru_maxrss``). Measured: ``bid-desktop recap`` through ``cli.run`` (open the database, the
five sheets streamed into the workbook, renamed into place). Floor, same run: the same five
SQL queries streamed and their rows read in Python with nothing written (the data access the
workbook cannot avoid); memory floor: that process's peak. The workbook is reopened
(read-only) to count its rows. Target: ≤ 20 s, peak memory ≤ 400 MB.

Run: ``python -m bench.bench_recap [--runs 2]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench.common import HEADER, child, median, province_db, ratio, row, wait_line

RECAP = """
import resource, sys, time
from bid_desktop import cli
start = time.perf_counter()
code = cli.run(["recap", "--db", sys.argv[1], "--out", sys.argv[2]])
took = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"result {code} {took:.3f} {peak:.1f}", flush=True)
"""
FLOOR = """
import resource, sys, time
start = time.perf_counter()
from bid_desktop.storage.db import open_database
from bid_desktop.services import recap
db = open_database(sys.argv[1])
rows = 0
with db.begin() as session:
    for sheet in recap.recap_sheets(session):
        for _values in sheet.rows:
            rows += 1
took = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"result {rows} {took:.3f} {peak:.1f}", flush=True)
"""


def measure(code: str, *args: str) -> tuple[float, float, str]:
    proc = child(code, *args)
    try:
        line = wait_line(proc, "result", timeout=600)
    finally:
        proc.wait()
    _, first, seconds, peak = line.split()
    return float(seconds), float(peak), first


def workbook_rows(path: Path) -> dict[str, int]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        return {ws.title: ws.max_row for ws in wb.worksheets}
    finally:
        wb.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    db = str(province_db())
    times, peaks, floor_times, floor_peaks = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="bid-recap-") as tmp:
        out = Path(tmp) / "rekap-provinsi.xlsx"
        for _ in range(args.runs):
            seconds, peak, code = measure(RECAP, db, str(out))
            if code != "0":
                print(f"recap exited {code}")
                return 1
            times.append(seconds)
            peaks.append(peak)
            seconds, peak, rows = measure(FLOOR, db)
            floor_times.append(seconds)
            floor_peaks.append(peak)
        size = out.stat().st_size / 2**20
        counts = workbook_rows(out)
    print(f"{args.runs} runs alternating; workbook {size:.1f} MB, rows per sheet (with header "
          f"and totals): {counts}; floor read {rows} rows\n")  # fmt: skip
    print(HEADER)
    t, ft = median(times), median(floor_times)
    row("P5 province recap workbook, time (median)", f"{t:.1f} s",
        f"{ft:.1f} s same queries read, nothing written", ratio(t, ft), "≤ 20 s", t <= 20)  # fmt: skip
    p, fp = max(peaks), max(floor_peaks)
    row("P5 province recap workbook, peak memory", f"{p:.0f} MB",
        f"{fp:.0f} MB same queries read", ratio(p, fp), "≤ 400 MB", p <= 400)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
