"""rupiah() writes exactly what lokal's format_rupiah writes for whole rupiah, without
importing lokal (tables format amounts while a tab opens)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lokal import format_rupiah

from bid_desktop.domain.amounts import MAX_AMOUNT, parse_amount, rupiah


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


@pytest.mark.parametrize(
    "text", ["kira2 150jt", "-5jt", "12,5", "sekitar 100 juta", "150jt atau 200jt", "Rp", "jt"]
)
def test_text_that_is_not_a_clear_amount_is_refused(text: str) -> None:
    # lokal alone would read 'kira2 150jt' as 152 juta and '-5jt' as 5 juta.
    with pytest.raises(ValueError):
        parse_amount(text)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("0 jt", 0),
        ("Rp 150.000.000,-", 150_000_000),
        ("Rp150.000.000,00", 150_000_000),
        ("IDR 5jt", 5_000_000),
        ("150,000,000", 150_000_000),
        ("2,25 jt", 2_250_000),
        ("500rb", 500_000),
    ],
)
def test_written_forms(text: str, amount: int) -> None:
    assert parse_amount(text) == amount
