"""Hybrid logical clock (wall time + counter; the station is the tie-break beside it).

Encoded as a fixed-width string so SQL can order versions with a plain ``ORDER BY``:
``"000001732345678901.000003"`` = wall milliseconds, counter.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

WALL_DIGITS = 18
COUNTER_DIGITS = 6
HLC_LENGTH = WALL_DIGITS + 1 + COUNTER_DIGITS
MAX_COUNTER = 10**COUNTER_DIGITS - 1


def wall_ms() -> int:
    """The machine's wall clock in ms. Tests replace this to simulate skew."""
    return int(time.time() * 1000)


@dataclass(frozen=True, order=True)
class Hlc:
    wall: int
    counter: int

    def encode(self) -> str:
        return f"{self.wall:0{WALL_DIGITS}d}.{self.counter:0{COUNTER_DIGITS}d}"

    @staticmethod
    def decode(text: str) -> Hlc:
        if len(text) != HLC_LENGTH or text[WALL_DIGITS] != ".":
            raise ValueError(f"not a clock value: {text!r}")
        return Hlc(int(text[:WALL_DIGITS]), int(text[WALL_DIGITS + 1 :]))

    def tick(self, now: int) -> Hlc:
        """Next local event: never goes backwards, whatever the wall clock says."""
        if now > self.wall:
            return Hlc(now, 0)
        if self.counter >= MAX_COUNTER:
            # a million writes within one millisecond of a clock that is behind: move the
            # logical time on by 1 ms rather than outgrow the fixed width (and be refused)
            return Hlc(self.wall + 1, 0)
        return Hlc(self.wall, self.counter + 1)

    def receive(self, other: Hlc) -> Hlc:
        """Advance past a clock seen in an imported version."""
        return max(self, other)


def is_valid_hlc(text: str) -> bool:
    try:
        Hlc.decode(text)
    except ValueError:
        return False
    return True
