"""R4: import a 50,000-row Daftar Undangan in one transaction; floor = reading the same sheet.

Also the reader choice (issue 11): the same sheet read by openpyxl's read-only reader (the
old one) and by python-calamine (the one the imports use), both to plain Python rows.

Run: python bench/bench_import.py [ROWS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bid_desktop.services.imports import import_xlsx, write_template  # noqa: E402
from tests.conftest import make_event_db  # noqa: E402


def build(path: Path, rows: int) -> None:
    write_template("invitations", path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Daftar Undangan")
    ws.append(["Nama", "Jabatan", "Jenis Kelamin", "Kode Desa", "No HP", "Kategori"])
    for i in range(rows):
        code = f"18.06.20.20{(i % 9) + 1:02d}"
        ws.append([f"Peserta {i}", "Staf Desa", "LP"[i % 2], code, f"0812{i:08d}", "Peserta Utama"])
    wb.save(path)


def read_openpyxl(path: Path) -> int:
    wb = load_workbook(path, read_only=True, data_only=True)
    ws = wb.worksheets[0]
    ws.reset_dimensions()  # what it needs not to trust a WPS "A1" size
    n = sum(1 for _ in ws.iter_rows(values_only=True))
    wb.close()
    return n


def read_calamine(path: Path) -> int:
    from bid_desktop.reports.workbook import read_cells

    return len(read_cells(path).rows)


def timed(fn, path: Path) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    n = fn(path)
    return time.perf_counter() - t0, n


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = Path(tmp) / "undangan.xlsx"
        build(xlsx, rows)
        old_s, n = timed(read_openpyxl, xlsx)
        floor, n2 = timed(read_calamine, xlsx)
        assert n == n2, (n, n2)
        print(
            f"rows={n - 1} read: openpyxl read-only {old_s:.2f}s | python-calamine {floor:.2f}s "
            f"({old_s / floor:.1f}x faster)"
        )
        db = make_event_db(Path(tmp) / "e.sqlite")
        t0 = time.perf_counter()
        with db.begin() as s:
            first = import_xlsx(s, "invitations", xlsx)
        first_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        with db.begin() as s:
            again = import_xlsx(s, "invitations", xlsx)
        again_s = time.perf_counter() - t0
        print(
            f"rows={n - 1} read floor (calamine) {floor:.1f}s | import {first_s:.1f}s added={first.added} "
            f"({first_s / floor:.1f}x floor) | re-import {again_s:.1f}s added={again.added}"
        )


if __name__ == "__main__":
    main()
