"""Run every ``bench/bench_*.py`` in turn, each in a fresh process: ``python -m bench.run_all``.

Options: ``--only NAME`` (repeatable, e.g. ``--only launch``) to run a subset. The province
database is built once (``bench.common.province_db``) and reused. Exit status is non-zero when
a bench script failed to run (a FAIL verdict in a table is a finding, not a crash).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

from bench.common import ROOT, machine, province_db, qt_env


def discover() -> list[str]:
    return sorted(p.stem for p in (ROOT / "bench").glob("bench_*.py"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", action="append", default=[], help="bench name (launch, scan…)")
    args = parser.parse_args(argv)
    names = [n for n in discover() if not args.only or n.removeprefix("bench_") in args.only]
    print(f"# BID Desktop benches — {time.strftime('%Y-%m-%d %H:%M %Z')}\n{machine()}\n")
    province_db()
    failed = []
    for name in names:
        print(f"\n## {name}\n", flush=True)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", f"bench.{name}"], cwd=ROOT, env=qt_env())
        print(f"({name}: {time.perf_counter() - start:.0f} s, exit {done.returncode})")
        if done.returncode != 0:
            failed.append(name)
    print("\nfailed to run: " + (", ".join(failed) if failed else "none"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
