"""Import direction (style.md): ui → services → storage, sync, reports, domain.

Nothing below ``ui`` imports Qt, and the lower layers never import the upper ones.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "bid_desktop"
# layer → modules it must not import
FORBIDDEN = {
    "domain": (
        "PySide6",
        "sqlalchemy",
        "bid_desktop.storage",
        "bid_desktop.sync",
        "bid_desktop.services",
        "bid_desktop.ui",
        "bid_desktop.reports",
    ),
    "storage": ("PySide6", "bid_desktop.services", "bid_desktop.ui", "bid_desktop.reports"),
    "sync": (
        "PySide6",
        "bid_desktop.services.registration",
        "bid_desktop.ui",
        "bid_desktop.reports",
    ),
    "reports": ("PySide6", "bid_desktop.ui"),
    "services": ("PySide6", "bid_desktop.ui"),
    "commands": ("PySide6", "bid_desktop.ui"),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_layers_import_downwards_only():
    problems = []
    for layer, forbidden in FORBIDDEN.items():
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            for name in _imports(path):
                if any(name == f or name.startswith(f + ".") for f in forbidden):
                    problems.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    assert problems == []


def test_only_ui_and_entry_points_import_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui" or rel.name == "__main__.py" or rel.name == "cli.py":
            continue
        if any(n.split(".")[0] == "PySide6" for n in _imports(path)):
            offenders.append(str(rel))
    assert offenders == []
