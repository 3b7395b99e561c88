"""Entry script for the bundled application (PyInstaller)."""

import os
import sys

from bid_desktop.__main__ import main

if __name__ == "__main__":
    # The windowed Windows program has no console: print() must not fail there.
    for stream in ("stdout", "stderr"):
        if getattr(sys, stream) is None:
            setattr(sys, stream, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    sys.exit(main())
