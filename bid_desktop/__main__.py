"""Entry point: wiring only (settings → database → migrate → services → window / CLI)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from bid_desktop.cli import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
