"""Merge against the reference model: many random multi-laptop histories (issue 17).

The CI test (tests/sync/test_model.py) plays 200 histories; this plays 2,000 (``--histories``)
with the same generator and reports how many disagree with the model (must be 0) and the time
per history.

Run: ``python -m bench.bench_model`` (``--histories 500`` for a quicker look).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from tests.sync import model_run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--histories", type=int, default=2000)
    parser.add_argument("--first-seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-model-") as tmp:
        folder = Path(tmp)
        templates = model_run.make_templates(folder / "templates")
        failures = []
        start = time.perf_counter()
        for seed in range(args.first_seed, args.first_seed + args.histories):
            ops = model_run.history(random.Random(seed))
            problems = model_run.run_history(templates, folder / f"h{seed}", ops)
            if problems:
                failures.append((seed, ops, problems))
        elapsed = time.perf_counter() - start
    for seed, ops, problems in failures[:10]:
        print(f"seed {seed}: {ops}\n  {problems}")
    print(
        f"histories: {args.histories}, disagreeing with the model: {len(failures)}, "
        f"{elapsed:.1f} s ({1000 * elapsed / max(args.histories, 1):.0f} ms per history)"
    )
    if failures:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
