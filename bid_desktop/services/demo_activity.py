"""Demo activity after registration: bursa attendance and ratings, consultations and
commitments at the tables, ideas and piagam at Jendela 3, voids and follow-ups."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from lokal import add_working_days

from bid_desktop.domain import ids
from bid_desktop.domain.workdays import followup_due
from bid_desktop.services import demo_data as data

if TYPE_CHECKING:
    from bid_desktop.services.demo_rows import EventRows

Row = dict[str, object]
JUTA = 1_000_000
EXTRA_CONSULTATIONS = 30


def make_activity(ev: EventRows, people: list[Row]) -> None:
    quality = {m.code: ev.rng.uniform(2.6, 4.7) for m in ev.menu}
    delegates = [p for p in people if p["checked_in_at"] and p["desa_code"]]
    seen = _attendance(ev, delegates)
    _ratings(ev, seen, quality)
    commitments = _commitments(ev, people, quality)
    _browsers(ev, delegates)
    _ideas(ev, delegates)
    _piagam(ev, commitments)
    _voids(ev, people, commitments)
    _followups(ev, commitments)


def _attendance(ev: EventRows, delegates: list[Row]) -> list[tuple[Row, str, str]]:
    """(participant, bursa, innovation code) of every innovation a participant saw."""
    seen = []
    for person in delegates:
        for bursa in ev.rng.sample("ABC", ev.rng.choice([1, 2, 2, 3])):
            n = ev.rng.randrange(2)
            sid, codes = ev.sessions[bursa][n]
            start = 9.0 + 1.75 * n
            ev.add(
                ev.stations.bursa(bursa),
                "attendance",
                id=ids.attendance_id(ev.event_id, sid, str(person["id"])),
                session_id=sid,
                participant_id=person["id"],
                scanned_at=ev.at(start + ev.rng.uniform(0, 0.25)),
                station=ev.stations.bursa(bursa),
            )
            seen += [(person, bursa, code) for code in codes]
    return seen


def _ratings(ev: EventRows, seen: list[tuple[Row, str, str]], quality: dict[str, float]) -> None:
    from bid_desktop.services.demo_rows import RATINGS

    for person, bursa, code in ev.rng.sample(seen, min(RATINGS, len(seen))):
        score = min(5, max(1, round(ev.rng.gauss(quality[code], 0.8))))
        station = ev.stations.bursa(bursa)
        ev.add(
            station,
            "rating",
            id=ids.rating_id(ev.event_id, str(person["id"]), code),
            participant_id=person["id"],
            innovation_id=ids.innovation_id(ev.event_id, code),
            score=score,
            rated_at=ev.at(ev.rng.uniform(9.5, 12.5)),
            station=station,
        )


def _amount(ev: EventRows, cost: int) -> int:
    raw = cost * ev.rng.uniform(0.5, 1.3)
    step = 5 * JUTA if raw < 200 * JUTA else 25 * JUTA
    return int(min(600 * JUTA, max(25 * JUTA, round(raw / step) * step)))


def _commitments(ev: EventRows, people: list[Row], quality: dict[str, float]) -> list[Row]:
    from bid_desktop.services.demo_rows import COMMITMENTS, TABLES_PER_BURSA

    kades = {p["desa_code"]: p["name"] for p in people if p["is_kepala_desa"]}
    arrived = sorted({str(p["desa_code"]) for p in people if p["checked_in_at"] and p["desa_code"]})
    menu = {m.code: m for m in ev.menu}
    weights = [quality[m.code] ** 2 for m in ev.menu]
    out: list[Row] = []
    for i, code in enumerate(arrived):
        want = round(COMMITMENTS * (i + 1) / len(arrived)) - round(COMMITMENTS * i / len(arrived))
        chosen: set[str] = set()
        while len(chosen) < min(want, len(menu)):
            chosen.add(ev.rng.choices(list(menu), weights)[0])
        for inno in sorted(chosen):
            item, table = menu[inno], ev.rng.randint(1, TABLES_PER_BURSA)
            station, table_code = ev.stations.meja(item.bursa, table - 1), f"{item.bursa}{table}"
            when = ev.at(ev.rng.uniform(10.5, 14.5))
            ev.add(
                station,
                "consultation",
                id=ids.natural_id("demo-consult", ev.event_id, code, inno),
                desa_code=code,
                table_code=table_code,
                innovation_codes=inno,
                questions="Berapa biaya perawatan per tahun?",
                notes="Tertarik, minta RAB",
                provider_id=ev.providers.get(item.bursa),
                consulted_at=when - dt.timedelta(minutes=ev.rng.randint(5, 25)),
                voided=False,
            )
            out.append(
                ev.add(
                    station,
                    "commitment",
                    id=ids.commitment_id(ev.event_id, code, inno),
                    desa_code=code,
                    innovation_id=ids.innovation_id(ev.event_id, inno),
                    innovation_code=inno,
                    kepala_desa=kades.get(code, ""),
                    amount=_amount(ev, item.cost),
                    planned_year=ev.date.year + 1,
                    table_code=table_code,
                    stamped_at=when,
                    stamped_station=station,
                    source="stempel",
                    voided=False,
                )
            )
    return out


def _browsers(ev: EventRows, delegates: list[Row]) -> None:
    """Consultations that ended without a commitment (the desa will discuss it at home)."""
    for n in range(EXTRA_CONSULTATIONS if delegates else 0):
        person, item = ev.rng.choice(delegates), ev.rng.choice(ev.menu)
        table = ev.rng.randint(1, 4)
        when = ev.at(ev.rng.uniform(10.0, 14.0))
        ev.add(ev.stations.meja(item.bursa, table - 1), "consultation",
               id=ids.natural_id("demo-browse", ev.event_id, n), desa_code=person["desa_code"],
               participant_id=person["id"], table_code=f"{item.bursa}{table}",
               innovation_codes=item.code, questions="Apakah bisa dicicil dua tahun anggaran?",
               notes="Belum memutuskan, akan dibahas di musyawarah desa",
               provider_id=ev.providers.get(item.bursa), consulted_at=when, voided=False)  # fmt: skip


def _ideas(ev: EventRows, delegates: list[Row]) -> None:
    from bid_desktop.services.demo_rows import IDEAS

    names = {code: name for code, name in ev.desa}
    for n in range(IDEAS if delegates else 0):
        person, done = ev.rng.choice(delegates), ev.rng.random() < 0.3
        station = ev.stations.j3(n)
        title = ev.rng.choice(data.IDEAS)
        ev.add(
            station,
            "idea",
            id=ids.natural_id("demo-idea", ev.event_id, n),
            proposer_name=person["name"],
            participant_id=person["id"],
            desa_code=person["desa_code"],
            title=title,
            description=f"{title} untuk warga Desa {names.get(str(person['desa_code']), '')}",
            already_done=done,
            results="Sudah berjalan satu tahun" if done else "",
            received_at=ev.at(ev.rng.uniform(11.0, 15.0)),
            station=station,
            source="jendela3",
            voided=False,
        )


def _piagam(ev: EventRows, commitments: list[Row]) -> None:
    stamped = sorted({str(c["desa_code"]) for c in commitments})
    for n, code in enumerate(stamped):
        station = ev.stations.j3(n)
        seq = ev.stations.piagam_seq[station] = ev.stations.piagam_seq.get(station, 0) + 1
        pid, printed = ids.piagam_id(ev.event_id, code), ev.at(ev.rng.uniform(13.0, 15.5))
        ev.add(
            station,
            "piagam",
            id=pid,
            desa_code=code,
            serial=f"{station}-{seq:04d}",
            card_received=True,
            first_printed_at=printed,
            station=station,
        )
        for copy in range(1 + (ev.rng.random() < 0.1)):
            ev.add(
                station,
                "piagam_print",
                id=ids.natural_id("demo-print", pid, copy),
                piagam_id=pid,
                printed_at=printed + dt.timedelta(minutes=3 * copy),
                station=station,
                is_copy=copy > 0,
            )


def _voids(ev: EventRows, people: list[Row], commitments: list[Row]) -> None:
    for row in ev.rng.sample(commitments, min(2, len(commitments))):
        ev.voids.append(
            (
                str(row["stamped_station"]),
                "commitment",
                str(row["id"]),
                ev.rng.choice(data.VOID_REASONS),
            )
        )
    walkins = [p for p in people if p["source"] == "walk-in"]
    if walkins:
        row = ev.rng.choice(walkins)
        ev.voids.append(
            (
                str(row["checked_in_station"]),
                "participant",
                str(row["id"]),
                data.PARTICIPANT_VOID_REASONS[0],
            )
        )


def _followups(ev: EventRows, commitments: list[Row]) -> None:
    live = [c for c in commitments if c["id"] not in {v[2] for v in ev.voids}]
    for row, (status, notes) in zip(
        ev.rng.sample(live, min(3, len(live))), data.FOLLOWUP_NOTES, strict=False
    ):
        ev.add(
            ev.stations.codes[0],
            "followup",
            id=ids.followup_id(str(row["id"])),
            commitment_id=row["id"],
            due_date=followup_due(ev.date),
            contact_via="WhatsApp",
            contacted_at=add_working_days(ev.date, 3),
            status=status,
            notes=notes,
            rab_status="disusun" if status != "dihubungi" else "",
            proposal_status="diajukan" if status == "proposal diajukan" else "",
        )
