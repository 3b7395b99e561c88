"""parse_amount as a property: what rupiah() writes parses back; 'jt' / 'juta' / 'M' forms
mean millions and billions; blank is None; words() names the amount."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bid_desktop.domain.amounts import MAX_AMOUNT, parse_amount, rupiah, words

EXAMPLES = int(os.environ.get("BID_HYPOTHESIS_EXAMPLES", "50"))
amount = st.integers(min_value=0, max_value=MAX_AMOUNT)


@settings(max_examples=EXAMPLES, deadline=None)
@given(amount)
def test_rupiah_round_trip(value: int) -> None:
    text = rupiah(value)
    assert parse_amount(text) == value
    assert parse_amount(text.replace("Rp", "Rp ")) == value
    assert parse_amount(value) == value


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(["jt", " jt", "juta", " juta"]))
def test_juta_forms(millions: int, unit: str) -> None:
    assert parse_amount(f"{millions}{unit}") == millions * 1_000_000


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=9),
    st.sampled_from(["M", " M", "m", " miliar", " milyar"]),
)
def test_miliar_forms_with_decimal_comma(whole: int, tenth: int, unit: str) -> None:
    expected = whole * 1_000_000_000 + tenth * 100_000_000
    assert parse_amount(f"{whole},{tenth}{unit}") == expected
    assert parse_amount(f"{whole}.{tenth}{unit}") == expected


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.integers(min_value=1, max_value=10**12))
def test_words_end_in_rupiah_and_differ(value: int) -> None:
    said = words(value)
    assert said.endswith("rupiah") and said != words(value + 1)


@pytest.mark.parametrize("blank", [None, "", "   "])
def test_blank_is_none(blank: object) -> None:
    assert parse_amount(blank) is None


@pytest.mark.parametrize("bad", ["banyak", "Rp", "150jt atau 200jt", 1.5, True, MAX_AMOUNT + 1])
def test_not_an_amount(bad: object) -> None:
    with pytest.raises(ValueError):
        parse_amount(bad)
