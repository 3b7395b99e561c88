"""R2: hostile packages — ≥ 2,000 tried, every one refused with a reason, target unchanged.

Cases come from ``bench.hostile`` (every kind in turn, random parameters). Each goes through
``services.sync.import_packages`` (what the Sinkronisasi tab and ``bid-desktop merge`` call);
every 10th also through the CLI in-process (exit 3, one stderr line naming the file). After
every case the target's SQL dump is compared with the one taken before the run.

Run: ``python -m bench.bench_hostile [--cases 2000] [--seed 1]``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import sys
import time
from collections import Counter

from bench.common import OUT
from bench.hostile import cases, check_of, dump, make_scenario
from bid_desktop.cli import run
from bid_desktop.services import sync as sync_service
from bid_desktop.services.errors import InputRefused


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    work = OUT / "hostile"
    shutil.rmtree(work, ignore_errors=True)
    scenario = make_scenario(work)
    before = dump(scenario.target.path)
    kinds: Counter[str] = Counter()
    checks: Counter[str] = Counter()
    failures: list[str] = []
    cli_runs = 0
    start = time.perf_counter()
    for i, case in enumerate(cases(scenario.forge, args.cases, seed=args.seed)):
        kinds[case.kind] += 1
        try:
            sync_service.import_packages(scenario.target, [case.path], backup_dir=work / "bk")
            failures.append(f"{case.path.name}: ACCEPTED")
        except InputRefused as exc:
            text = str(exc)
            checks[check_of(text)] += 1
            if not text.startswith(f"{case.path.name}: ") or check_of(text) not in case.accept:
                failures.append(f"{case.path.name}: unexpected reason: {text[:160]}")
        except Exception as exc:  # noqa: BLE001 - a crash is a finding, counted
            failures.append(f"{case.path.name}: crashed: {type(exc).__name__}: {exc}"[:200])
        if i % 10 == 0:
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                code = run(["merge", "--db", str(scenario.target.path), str(case.path)])
            line = err.getvalue().strip()
            cli_runs += 1
            if code != 3 or "\n" in line or case.path.name not in line:
                failures.append(f"{case.path.name}: CLI exit {code}: {line[:160]}")
        if dump(scenario.target.path) != before:
            failures.append(f"{case.path.name}: TARGET CHANGED")
            before = dump(scenario.target.path)
        case.path.unlink()
    seconds = time.perf_counter() - start
    total = sum(kinds.values())
    refused_ok = total - len({f.split(":")[0] for f in failures})
    print(f"{total} hostile packages in {seconds:.1f} s ({1000 * seconds / total:.1f} ms each)")
    print(f"{cli_runs} of them also through `bid-desktop merge` (exit 3 expected)")
    print("kinds:  " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    print("checks: " + ", ".join(f"{k} {n}" for k, n in checks.most_common()))
    print()
    print("| what | tried | refused with a reason | target unchanged | target | verdict |")
    print("|---|---|---|---|---|---|")
    unchanged = not any("TARGET CHANGED" in f for f in failures)
    ok = not failures and total >= 2000
    print(
        f"| R2 hostile packages | {total} | {refused_ok} | {'yes' if unchanged else 'NO'} "
        f"| ≥ 2,000, all refused, DB unchanged | {'PASS' if ok else 'FAIL'} |"
    )
    for failure in failures[:30]:
        print("  " + failure)
    scenario.target.dispose()
    scenario.source.dispose()
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
