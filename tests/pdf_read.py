"""Reading a PDF back as positioned text: every fragment with its page, place and type size."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader


@dataclass(frozen=True)
class Fragment:
    page: int
    text: str
    x: float  # points from the left edge, where the fragment starts
    y: float  # points from the bottom edge, its baseline
    size: float  # effective type size in points


def fragments(pdf: Path) -> list[Fragment]:
    found: list[Fragment] = []
    for number, page in enumerate(PdfReader(str(pdf)).pages, start=1):

        def visit(text, cm, tm, _font, size, number=number) -> None:  # type: ignore[no-untyped-def]
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
            found.append(Fragment(number, text.strip(), x, y, size * scale))

        page.extract_text(visitor_text=visit)
    return found


def find(frags: list[Fragment], text: str, page: int | None = None) -> Fragment:
    hits = [f for f in frags if text in f.text and (page is None or f.page == page)]
    assert hits, f"{text!r} not on page {page}: {[f.text for f in frags if f.page == page]}"
    return hits[0]


def page_text(frags: list[Fragment], page: int) -> str:
    return " ".join(" ".join(f.text for f in frags if f.page == page).split())
