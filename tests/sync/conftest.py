"""Fixtures of the sync property tests (test_merge_laws, test_batch_laws)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bid_desktop.sync import clock
from tests.sync import scenario


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One empty database per station of the scenario, copied by each example."""
    return scenario.make_templates(tmp_path_factory.mktemp("templates"))


@pytest.fixture(autouse=True)
def _restore_clock() -> Iterator[None]:
    """Examples skew the wall clock; every test gets the real one back."""
    original = clock.wall_ms
    yield
    clock.wall_ms = original  # type: ignore[assignment]
