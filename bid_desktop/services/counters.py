"""Live counters of the registration desk, aggregated in SQL (index on event + desa).

One definition of *perwakilan perempuan*, the programme's indicator, used by every count
(registration desk, recap, dashboard, report): the desa's **designated** woman representative
(flagged *Perwakilan Perempuan* on the invitation or at registration) who attended. Other
women of the desa who attended are counted separately, never in the indicator.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.orm import Session


@dataclass(frozen=True)
class DesaCount:
    code: str
    name: str
    kecamatan: str
    registered: int
    arrived: int
    woman_rep_arrived: int  # designated woman representatives who attended
    other_women_arrived: int  # women who attended without being the designated one


@dataclass(frozen=True)
class GuestCount:
    category: str
    registered: int
    arrived: int


@dataclass
class Counters:
    registered: int = 0
    arrived: int = 0
    walkins: int = 0
    kits: int = 0
    voided: int = 0
    desa: list[DesaCount] = field(default_factory=list)
    guests: list[GuestCount] = field(default_factory=list)

    @property
    def desa_not_arrived(self) -> list[DesaCount]:
        return [d for d in self.desa if d.arrived == 0]

    @property
    def desa_without_woman(self) -> list[DesaCount]:
        return [d for d in self.desa if d.woman_rep_arrived == 0]

    @property
    def desa_arrived(self) -> int:
        return sum(1 for d in self.desa if d.arrived > 0)


def woman_rep_attended(alias: str = "") -> str:
    """SQL condition: the designated woman representative who attended."""
    p = f"{alias}." if alias else ""
    return f"({p}checked_in_at IS NOT NULL AND {p}woman_rep)"


def other_woman_attended(alias: str = "") -> str:
    """SQL condition: a woman who attended who is not the designated representative."""
    p = f"{alias}." if alias else ""
    return f"({p}checked_in_at IS NOT NULL AND {p}gender = 'P' AND NOT {p}woman_rep)"


_TOTALS = text(
    """
    SELECT COUNT(*) FILTER (WHERE NOT voided),
           COUNT(checked_in_at) FILTER (WHERE NOT voided),
           COUNT(*) FILTER (WHERE NOT voided AND source = 'walk-in'),
           COUNT(kit_at) FILTER (WHERE NOT voided),
           COUNT(*) FILTER (WHERE voided)
    FROM participant WHERE event_id = :event
    """
)

_PER_DESA = text(
    f"""
    SELECT d.code, d.name, d.kecamatan_name,
           COUNT(p.id), COUNT(p.checked_in_at),
           COUNT(p.id) FILTER (WHERE {woman_rep_attended("p")}),
           COUNT(p.id) FILTER (WHERE {other_woman_attended("p")})
    FROM desa d
    LEFT JOIN participant p
           ON p.event_id = d.event_id AND p.desa_code = d.code AND NOT p.voided
    WHERE d.event_id = :event
    GROUP BY d.code, d.name, d.kecamatan_name
    ORDER BY d.kecamatan_name, d.name
    """
)

_GUESTS = text(
    """
    SELECT COALESCE(NULLIF(guest_category, ''), 'Lainnya') AS cat,
           COUNT(*), COUNT(checked_in_at)
    FROM participant
    WHERE event_id = :event AND category = 'Undangan' AND NOT voided
    GROUP BY cat ORDER BY cat
    """
)


def registration_counters(session: Session, event_id: str) -> Counters:
    params = {"event": event_id}
    registered, arrived, walkins, kits, voided = session.execute(_TOTALS, params).one()
    desa = [DesaCount(*r) for r in session.execute(_PER_DESA, params)]
    guests = [GuestCount(*r) for r in session.execute(_GUESTS, params)]
    return Counters(registered, arrived, walkins, kits, voided, desa, guests)
