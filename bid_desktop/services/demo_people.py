"""Demo participants: desa delegations, guests and walk-ins, checked in over the morning."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bid_desktop.domain import ids
from bid_desktop.domain.enums import Category, Source
from bid_desktop.services import demo_data as data

if TYPE_CHECKING:
    from bid_desktop.services.demo_rows import EventRows

Row = dict[str, object]


def make_people(ev: EventRows) -> list[Row]:
    from bid_desktop.services.demo_rows import PARTICIPANTS, WALKINS

    absent = _absent_desa(ev)
    per_desa = (PARTICIPANTS - len(data.GUESTS) - WALKINS) / max(1, len(ev.desa))
    people: list[Row] = []
    used: set[str] = set()
    for index, (code, name) in enumerate(ev.desa):
        want = round(per_desa * (index + 1)) - round(per_desa * index)
        people += _delegation(ev, index, code, name, want, code in absent, used)
    people += _guests(ev, used)
    arrived = [d for d in ev.desa if d[0] not in absent]
    again = _forgot_badge(ev, people, absent)
    people += _walkins(ev, arrived, PARTICIPANTS - len(people), again, used)
    return people


def _absent_desa(ev: EventRows) -> set[str]:
    count = 1 + (ev.rng.random() < 0.5) if len(ev.desa) >= 8 else 0
    return {code for code, _ in ev.rng.sample(ev.desa, count)}


def _unique_name(ev: EventRows, gender: str, used: set[str], _scope: str = "") -> str:
    """A name nobody else of the event has (accidental duplicates would confuse the demo)."""
    while True:
        name = data.person(ev.rng, gender)
        if name not in used:
            used.add(name)
            return name


def _delegation(
    ev: EventRows, index: int, code: str, desa: str, want: int, absent: bool, used: set[str]
) -> list[Row]:
    roles: list[tuple[str, str]] = [("Kepala Desa", "L" if ev.rng.random() < 0.85 else "P")]
    if ev.rng.random() < 0.85:  # some desa send no woman representative
        roles.append(data.WOMAN_REP)
    while len(roles) < want:
        jabatan, gender = data.DELEGATES[(len(roles) - 2) % len(data.DELEGATES)]
        roles.append((jabatan, gender or ("P" if ev.rng.random() < 0.4 else "L")))
    station = ev.stations.reg(index)
    out = []
    for jabatan, gender in roles[:want]:
        name = _unique_name(ev, gender, used, code)
        pid = ids.invitee_id(ev.event_id, name, code, jabatan)
        arrived = not absent and ev.rng.random() < 0.93
        out.append(
            _person(
                ev,
                station,
                pid,
                ids.invitee_number(pid),
                name,
                jabatan,
                gender,
                code,
                desa,
                arrived,
                8.3,
                woman_rep=jabatan == data.WOMAN_REP[0],
                is_kepala_desa=jabatan == "Kepala Desa",
            )
        )
    return out


def _guests(ev: EventRows, used: set[str]) -> list[Row]:
    kec, kab = ev.kecamatan[1], ev.kabupaten.replace("Kabupaten ", "")
    providers = [p.format(kab=kab) for p, _, _ in data.PROVIDERS]
    out = []
    for n, (category, jabatan, institution) in enumerate(data.GUESTS):
        gender = "P" if ev.rng.random() < 0.35 else "L"
        name = _unique_name(ev, gender, used, "guest")
        inst = institution.format(kec=kec, kab=kab, provider=providers[n % len(providers)])
        pid = ids.invitee_id(ev.event_id, name, None, jabatan)
        row = _person(
            ev,
            ev.stations.reg(0),
            pid,
            ids.invitee_number(pid),
            name,
            jabatan,
            gender,
            None,
            "",
            ev.rng.random() < 0.85,
            9.0,
            institution=inst,
            category=Category.UNDANGAN.value,
            guest_category=category,
        )
        out.append(row)
    return out


def _forgot_badge(ev: EventRows, people: list[Row], absent: set[str]) -> Row | None:
    """An invited delegate who came without the invitation and was registered again as a
    walk-in: a duplicate candidate left for the secretariat to link."""
    missed = [p for p in people if p["desa_code"] not in (None, *absent) and not p["checked_in_at"]]
    return ev.rng.choice(missed) if missed else None


def _walkins(
    ev: EventRows, arrived: list[tuple[str, str]], count: int, again: Row | None, used: set[str]
) -> list[Row]:
    names = dict(arrived)
    out = []
    for n in range(max(0, count)):
        station = ev.stations.reg(n)
        seq = ev.stations.walkin_seq[station] = ev.stations.walkin_seq.get(station, 0) + 1
        code, desa = ev.rng.choice(arrived) if arrived else (None, "")
        jabatan, gender = ev.rng.choice(data.DELEGATES)
        gender = gender or ev.rng.choice("LP")
        name = _unique_name(ev, gender, used)
        flags = {"woman_rep": False, "is_kepala_desa": False}
        if n == 0 and again is not None:
            name, jabatan, gender = str(again["name"]), str(again["jabatan"]), str(again["gender"])
            code = str(again["desa_code"])
            desa = names[code]
            flags = {k: bool(again[k]) for k in flags}
        pid = ids.natural_id("demo-walkin", ev.event_id, station, seq)
        out.append(
            _person(
                ev,
                station,
                pid,
                ids.walkin_number(station, seq),
                name,
                jabatan,
                gender,
                code,
                desa,
                True,
                9.2,
                source=Source.WALKIN.value,
                **flags,
            )
        )
    return out


def _person(
    ev: EventRows,
    station: str,
    pid: str,
    number: str,
    name: str,
    jabatan: str,
    gender: str,
    desa_code: str | None,
    desa: str,
    arrived: bool,
    mean_hour: float,
    **extra: object,
) -> Row:
    from bid_desktop.services.demo_rows import search_text

    rng = ev.rng
    checked = kit = None
    if arrived:
        checked = ev.at(min(11.5, max(7.25, rng.gauss(mean_hour, 0.45))))
        if rng.random() < 0.95:
            kit = ev.at(0) + (checked - ev.at(0)) + (ev.at(rng.uniform(0.02, 0.1)) - ev.at(0))
    values: dict[str, object] = dict(
        id=pid,
        number=number,
        name=name,
        jabatan=jabatan,
        gender=gender,
        desa_code=desa_code,
        phone=data.phone(rng) if rng.random() < 0.7 else "",
        institution=f"Pemerintah Desa {desa}" if desa else "",
        category=Category.PESERTA_UTAMA.value,
        source=Source.INVITATION.value,
        checked_in_at=checked,
        checked_in_station=station if arrived else "",
        kit_at=kit,
        woman_rep=False,
        is_kepala_desa=False,
        voided=False,
    )
    values.update(extra)
    values["search"] = search_text(name, number, desa, jabatan, str(values["institution"]))
    return ev.add(station, "participant", **values)
