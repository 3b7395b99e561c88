"""rupiah() writes exactly what lokal's format_rupiah writes for whole rupiah, without
importing lokal (tables format amounts while a tab opens)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lokal import format_rupiah

from bid_desktop.domain.amounts import MAX_AMOUNT, rupiah


@settings(max_examples=50)
@given(st.integers(min_value=-MAX_AMOUNT, max_value=MAX_AMOUNT))
def test_same_as_lokal(value: int) -> None:
    assert rupiah(value) == format_rupiah(value)


def test_edges() -> None:
    assert [rupiah(v) for v in (0, 999, 1000, 150_000_000, -5_000)] == [
        "Rp0",
        "Rp999",
        "Rp1.000",
        "Rp150.000.000",
        "-Rp5.000",
    ]
    assert rupiah(None) == ""
