"""The rows of one demo event, assigned to the station that would have written them.

Pure data: no database. ``EventRows.build()`` fills ``rows[station][entity]`` with complete
column dicts (deterministic from the random generator; ids are natural or derived from it).
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field

from bid_desktop.domain import ids
from bid_desktop.domain.people import participant_search_text
from bid_desktop.services import demo_data as data
from bid_desktop.storage.models import SYNCED_MODELS

# Per event, as quality.md's scales.
PARTICIPANTS, COMMITMENTS, IDEAS, RATINGS, TABLES_PER_BURSA = 250, 120, 60, 1500, 4
WALKINS = 18


@dataclass(frozen=True)
class MenuItem:
    code: str
    title: str
    bursa: str
    summary: str
    cost: int


@dataclass
class Stations:
    codes: list[str]
    walkin_seq: dict[str, int] = field(default_factory=dict)
    piagam_seq: dict[str, int] = field(default_factory=dict)

    def with_prefix(self, *prefixes: str) -> list[str]:
        for prefix in prefixes:
            found = [c for c in self.codes if c.startswith(prefix)]
            if found:
                return found
        return [self.codes[0]]

    def reg(self, index: int) -> str:
        regs = self.with_prefix("REG")
        return regs[index % len(regs)]

    def meja(self, bursa: str, index: int = 0) -> str:
        found = self.with_prefix("MK" + bursa, "MK")
        return found[index % len(found)]

    def bursa(self, bursa: str) -> str:
        return self.with_prefix("RB" + bursa, "RB", "MK" + bursa, "MK")[0]

    def j3(self, index: int = 0) -> str:
        found = self.with_prefix("J3")
        return found[index % len(found)]


def station_codes(n: int) -> list[str]:
    base = ["REG1", "MKA1", "MKB1", "J3A", "REG2", "MKC1", "RBA1", "RBB1", "J3B", "REG3"]
    extra = [f"REG{i}" for i in range(4, n)]
    return (base + extra)[:n]


def full_row(entity: str, /, **values: object) -> dict[str, object]:
    """Every column of the table: given values, else the column's default."""
    row: dict[str, object] = {}
    for col in SYNCED_MODELS[entity].__table__.columns:
        if col.name in values:
            row[col.name] = values[col.name]
        elif col.default is not None and not callable(col.default.arg):  # type: ignore[attr-defined]
            row[col.name] = col.default.arg  # type: ignore[attr-defined]
        else:
            row[col.name] = None
    return row


@dataclass
class EventRows:
    event_id: str
    date: dt.date
    kecamatan: tuple[str, str]
    kabupaten: str
    desa: list[tuple[str, str]]
    menu: list[MenuItem]
    stations: Stations
    rng: random.Random
    rows: dict[str, dict[str, list[dict[str, object]]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )
    voids: list[tuple[str, str, str, str]] = field(default_factory=list)  # station, entity, id, why

    def add(self, where: str, entity: str, /, **values: object) -> dict[str, object]:
        row = full_row(entity, event_id=self.event_id, **values)
        self.rows[where][entity].append(row)
        return row

    def at(self, hour: float) -> dt.datetime:
        base = dt.datetime.combine(self.date, dt.time(0, 0))
        return base + dt.timedelta(seconds=int(hour * 3600))

    def build(self) -> None:
        self.providers = self._providers()
        self._menu()
        self.sessions = self._rooms()
        self._tables()
        people = self._participants()
        self._activity(people)

    # --- setup at the first station -------------------------------------------------------

    def _providers(self) -> dict[str, str]:
        first, kab = self.stations.codes[0], self.kabupaten
        by_bursa: dict[str, str] = {}
        for pattern, bidang, services in data.PROVIDERS:
            name = pattern.format(kab=kab.replace("Kabupaten ", ""))
            pid = ids.provider_id(self.event_id, name)
            self.add(
                first,
                "provider",
                id=pid,
                name=name,
                bidang=bidang,
                services=services,
                contact=data.person(self.rng, self.rng.choice("LP")),
                phone=data.phone(self.rng),
                address=f"Jl. Raya {kab}",
            )
            by_bursa.setdefault(bidang, pid)
        return by_bursa

    def _menu(self) -> None:
        for item in self.menu:
            self.add(
                self.stations.codes[0],
                "innovation",
                id=ids.innovation_id(self.event_id, item.code),
                code=item.code,
                title=item.title,
                bursa=item.bursa,
                summary=item.summary,
                cost_estimate=item.cost,
                provider_id=self.providers.get(item.bursa),
                origin_kabupaten=self.kabupaten,
                voided=False,
            )

    def _rooms(self) -> dict[str, list[tuple[str, list[str]]]]:
        sessions: dict[str, list[tuple[str, list[str]]]] = {}
        for bursa in "ABC":
            room_id = ids.natural_id("demo-room", self.event_id, bursa)
            self.add(
                self.stations.codes[0], "room", id=room_id, bursa=bursa, name=f"Ruang Bursa {bursa}"
            )
            codes = [m.code for m in self.menu if m.bursa == bursa]
            half = (len(codes) + 1) // 2
            sessions[bursa] = []
            for n, (start, part) in enumerate([(9.0, codes[:half]), (10.75, codes[half:])], 1):
                sid = ids.natural_id("demo-session", self.event_id, bursa, n)
                self.add(
                    self.stations.codes[0],
                    "bursa_session",
                    id=sid,
                    room_id=room_id,
                    name=f"Sesi {n}",
                    starts_at=self.at(start),
                    ends_at=self.at(start + 1.5),
                    facilitators=data.person(self.rng, "L"),
                    innovation_codes=",".join(part),
                )
                sessions[bursa].append((sid, part))
        return sessions

    def _tables(self) -> None:
        for bursa in "ABC":
            for number in range(1, TABLES_PER_BURSA + 1):
                self.add(
                    self.stations.codes[0],
                    "consultation_table",
                    id=ids.table_id(self.event_id, bursa, number),
                    bursa=bursa,
                    number=number,
                    station_code=self.stations.meja(bursa, number - 1),
                    consultants=f"{data.person(self.rng, 'L')}, {data.person(self.rng, 'P')}",
                )

    # --- registration ---------------------------------------------------------------------

    def _participants(self) -> list[dict[str, object]]:
        from bid_desktop.services.demo_people import make_people

        return make_people(self)

    def _activity(self, people: list[dict[str, object]]) -> None:
        from bid_desktop.services.demo_activity import make_activity

        make_activity(self, people)


def search_text(name: str, number: str, desa: str, jabatan: str, institution: str) -> str:
    return participant_search_text(name, number, desa, institution, jabatan)
