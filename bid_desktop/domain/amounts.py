"""Rupiah amounts in the forms people write them: 'Rp 150.000.000', '150jt', '1,5 M'."""

from __future__ import annotations

import re
from decimal import Decimal

# lokal is imported inside the functions: it takes ~130 ms to import, not wanted at start-up.

MAX_AMOUNT = 10**13  # Rp 10 triliun: far above any village budget; guards typos

# The forms we accept, checked before lokal parses: lokal reads digits out of any text
# ('kira2 150jt' -> 152 juta, '-5jt' -> 5 juta), so a stray word or sign must be refused here.
_FORM = re.compile(
    r"^(?:(?:rp|idr)\.?\s*)?"
    r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
    r"(?:,-)?\s*(?P<unit>rb|ribu|k|jt|juta|m|miliar|milyar|t|triliun)?\.?$",
    re.IGNORECASE,
)
_WORDS = re.compile(r"^[a-z ]+$", re.IGNORECASE)  # 'seratus lima puluh juta' (terbilang)


def parse_amount(value: object) -> int | None:
    """Blank → None; a number or Indonesian amount text → whole Rupiah; else ValueError."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"'{value}' bukan jumlah rupiah")
    if isinstance(value, int):
        amount = value
    elif isinstance(value, float | Decimal):
        if value != int(value):
            raise ValueError(f"'{value}' bukan jumlah rupiah utuh")
        amount = int(value)
    else:
        text = str(value).strip()
        if not text:
            return None
        form = _FORM.match(text)
        if form is None and not _WORDS.match(text):
            raise ValueError(f"'{text}' bukan jumlah rupiah (contoh: Rp 150.000.000, 150jt, 1,5 M)")
        if form is not None and not form["num"].strip("0.,"):
            return 0  # lokal reads '0 jt' as one juta
        from lokal import parse_rupiah

        parsed = parse_rupiah(text)
        if parsed is None or parsed.amount is None:
            raise ValueError(f"'{text}' bukan jumlah rupiah (contoh: Rp 150.000.000, 150jt, 1,5 M)")
        if parsed.amount != int(parsed.amount):
            raise ValueError(f"'{text}' bukan jumlah rupiah utuh")
        amount = int(parsed.amount)
    if amount < 0 or amount > MAX_AMOUNT:
        raise ValueError(f"jumlah {amount} di luar batas wajar")
    return amount


def rupiah(amount: int | None) -> str:
    """1500000000 → 'Rp1.500.000.000' (PUEBI, as lokal's ``format_rupiah`` writes whole
    rupiah; done here because tables format amounts while a tab opens, and importing lokal
    would add ~150 ms to it)."""
    if amount is None:
        return ""
    return f"{'-' if amount < 0 else ''}Rp{abs(int(amount)):,}".replace(",", ".")


def words(amount: int) -> str:
    """Terbilang with currency: 150000000 → 'seratus lima puluh juta rupiah'."""
    from lokal import terbilang

    return terbilang(amount, currency=True)
