"""Figures of one event after the fair, as plain data: drawn by the Rekap dashboard (QPainter)
and by the event report (reportlab). Filled in SQL by ``services/report.py``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class BursaFigure:
    bursa: str
    label: str
    commitments: int
    amount: int


@dataclass(frozen=True)
class DesaFigure:
    code: str
    name: str
    registered: int
    arrived: int
    woman_rep_arrived: int  # the designated woman representative(s) who attended
    other_women_arrived: int  # other women of the desa who attended
    commitments: int
    amount: int
    ideas: int


@dataclass(frozen=True)
class InnovationFigure:
    code: str
    title: str
    bursa: str
    ratings: int
    mean: float


@dataclass(frozen=True)
class IdeaFigure:
    desa: str  # "" for a proposer from no desa
    proposer: str
    title: str
    already_done: bool
    verification: str  # belum diverifikasi / terverifikasi / layak / tidak layak


@dataclass
class EventSummary:
    event_name: str
    event_date: dt.date
    venue: str
    kabupaten: str
    kecamatan: str
    registered: int = 0
    arrived: int = 0
    woman_reps_arrived: int = 0  # designated woman representatives who attended
    other_women_arrived: int = 0  # every other woman who attended (desa delegates and guests)
    commitments: int = 0
    amount: int = 0
    ideas: int = 0
    ratings: int = 0
    mean_rating: float | None = None
    bursa: list[BursaFigure] = field(default_factory=list)
    desa: list[DesaFigure] = field(default_factory=list)
    top_innovations: list[InnovationFigure] = field(default_factory=list)
    followup: dict[str, int] = field(default_factory=dict)
    idea_list: list[IdeaFigure] = field(default_factory=list)

    @property
    def guests_registered(self) -> int:
        """Invited guests (no desa): the difference between the event and the desa totals."""
        return self.registered - sum(d.registered for d in self.desa)

    @property
    def guests_arrived(self) -> int:
        return self.arrived - sum(d.arrived for d in self.desa)

    @property
    def desa_arrived(self) -> int:
        return sum(1 for d in self.desa if d.arrived)

    @property
    def desa_with_woman(self) -> int:
        """The programme's indicator: desa whose designated woman representative attended."""
        return sum(1 for d in self.desa if d.woman_rep_arrived)

    @property
    def desa_committed(self) -> int:
        return sum(1 for d in self.desa if d.commitments)

    @property
    def woman_rep_share(self) -> float:
        """Share of the desa whose designated woman representative attended."""
        return self.desa_with_woman / len(self.desa) if self.desa else 0.0

    def desa_by_amount(self, limit: int = 15) -> list[DesaFigure]:
        ranked = sorted(self.desa, key=lambda d: (-d.amount, d.name))
        return [d for d in ranked if d.amount][:limit]


@dataclass(frozen=True)
class EventFigures:
    """One event (kecamatan) of a kabupaten summary (``services/kabupaten.py``)."""

    event_id: str
    event_name: str
    date: dt.date
    kecamatan: str
    desa_total: int
    desa_present: int
    women_present: int  # women representatives who arrived
    desa_with_woman: int  # desa that sent a woman representative
    commitments: int
    amount: int
    ideas: int
    contacted: int  # follow-ups past "belum dihubungi"
    in_rkp: int  # reached the RKP Desa (or further: realised)
    realised: int
