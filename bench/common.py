"""Shared bench helpers: the province database, timing statistics, subprocess RSS, table rows.

Every figure is printed beside the floor it is compared against, measured in the same run
(quality.md): ``row(what, measured, floor, target, ok)`` prints one Markdown table line.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
PROVINCE = OUT / "province.sqlite"
HEADER = "| what | measured | floor | ratio | target | verdict |\n|---|---|---|---|---|---|"


def province_db(stations: int = 4) -> Path:
    """The province-scale demo database (200 events), built once and reused by every bench."""
    done = PROVINCE.with_suffix(".done")
    if PROVINCE.exists() and done.exists():
        return PROVINCE
    from bid_desktop.services.demo import build_demo, station_dir

    OUT.mkdir(parents=True, exist_ok=True)
    for old in [*OUT.glob("province.sqlite*"), *station_dir(PROVINCE).glob("*")]:
        if old.is_dir():  # one folder of station databases per event
            shutil.rmtree(old)
        else:
            old.unlink()
    print("building the province database (once, reused)...", flush=True)
    result = build_demo(
        PROVINCE, "province", stations, seed=1, progress=lambda msg, *a: print(msg % a)
    )
    done.write_text(f"{result.seconds:.1f}\n")
    print(f"built in {result.seconds:.1f} s", flush=True)
    return PROVINCE


def qt_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.update(extra)
    return env


def median(values: list[float]) -> float:
    return statistics.median(values)


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]


def time_ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def times_ms(fn: Callable[[], object], runs: int) -> list[float]:
    return [time_ms(fn) for _ in range(runs)]


def row(what: str, measured: str, floor: str, ratio: str, target: str, ok: bool) -> str:
    line = f"| {what} | {measured} | {floor} | {ratio} | {target} | {'PASS' if ok else 'FAIL'} |"
    print(line, flush=True)
    return line


def ratio(measured: float, floor: float) -> str:
    return f"{measured / floor:.2f}×" if floor > 0 else "—"


def rss_mb(pid: int) -> tuple[float, float]:
    """(current, peak) resident set size of a live process, in MB (Linux /proc)."""
    fields: dict[str, float] = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]


def child(code: str, *args: str) -> subprocess.Popen[str]:
    """A fresh Python process running ``code`` (offscreen Qt), stdout piped line by line."""
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=qt_env(),
        cwd=ROOT,
    )


def wait_line(proc: subprocess.Popen[str], prefix: str, timeout: float = 120) -> str:
    """Read the child's stdout until a line starting with ``prefix``."""
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            err = proc.stderr.read() if proc.stderr else ""
            raise RuntimeError(f"child ended before '{prefix}': {err[-2000:]}")
        if line.startswith(prefix):
            return line.strip()
    raise TimeoutError(prefix)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as info:
            names = [ln.split(":", 1)[1].strip() for ln in info if ln.startswith("model name")]
        cpu = f"{names[0]} ×{len(names)}" if names else cpu
    except OSError:
        pass
    return f"{cpu}, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def has_module(path: str) -> bool:
    """True when a source file of the project exists (e.g. a helper's tab not built yet)."""
    return (ROOT / path).exists()
