"""Writing an output file so a full disk or a pulled stick never leaves a partial one.

The writer gets a temporary path beside the target (same folder, so the rename is atomic);
only a complete, synced file is renamed to the real name. On any failure the temporary file
is removed and the error goes on (the services and the CLI turn it into one line).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        tmp.replace(path)
    except OSError as exc:
        if exc.filename is not None and Path(str(exc.filename)).name == tmp.name:
            exc.filename = str(path)  # the message names the file the user asked for
        raise
    finally:
        tmp.unlink(missing_ok=True)
