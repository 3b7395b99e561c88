"""Entry script for the bundled application (PyInstaller)."""

import sys

from bid_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
