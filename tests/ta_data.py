"""Three fairs of one kabupaten (Tanggamus), each run on two laptops, written through the
services, and the packages each laptop exports — the TA database tests share them."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from bid_desktop.domain import ids, regions
from bid_desktop.services.commitments import StampInput, stamp_commitment
from bid_desktop.services.events import EventSetup, create_event, current_event
from bid_desktop.services.sync import export_package, join_event
from bid_desktop.storage.db import Database, open_database
from bid_desktop.storage.models import Desa, Idea, Innovation, Participant

KABUPATEN = "18.06"  # Tanggamus
MENU = [("A01", "Sistem Air Bersih Desa", "A"), ("B02", "BUMDes Wisata", "B")]


@dataclass
class Fair:
    event_id: str
    name: str
    kecamatan: str
    passphrase: str
    packages: list[Path]
    commitments: int
    amount: int
    desa: int


def _first_laptop(path: Path, code: str, index: int, passphrase: str) -> Database:
    kec = regions.kecamatan(code)
    assert kec is not None
    db = open_database(path)
    with db.begin() as s:
        event = create_event(s, EventSetup(
            name=f"Bursa Inovasi Desa Kecamatan {kec.name}", date=dt.date(2026, 11, 2 + index),
            kecamatan_codes=[code], station="REG1", passphrase=passphrase,
        ))  # fmt: skip
        for inno, title, bursa in MENU:
            s.add(Innovation(id=ids.innovation_id(event.id, inno), event_id=event.id, code=inno,
                             title=title, bursa=bursa, cost_estimate=10_000_000))  # fmt: skip
    return db


def _register(db: Database, index: int) -> list[str]:
    """Two people per desa of the first three desa, the second a woman representative."""
    with db.begin() as s:
        event_id = current_event(s).id
        desa = list(s.query(Desa).filter(Desa.event_id == event_id).order_by(Desa.code))[:3]
        for n, d in enumerate(desa):
            for role, name, gender in (("Kepala Desa", f"Kades {index}{n}", "L"),
                                       ("Ketua TP PKK", f"Ibu {index}{n}", "P")):  # fmt: skip
                pid = ids.invitee_id(event_id, name, d.code, role)
                s.add(Participant(
                    id=pid, event_id=event_id, number=ids.invitee_number(pid), name=name,
                    jabatan=role, gender=gender, desa_code=d.code, category="Peserta Utama",
                    woman_rep=gender == "P", search=name.lower(),
                    checked_in_at=dt.datetime(2026, 11, 2 + index, 8, n),
                ))  # fmt: skip
        return [d.code for d in desa]


def _stamp(db: Database, desa: list[str], index: int) -> tuple[int, int]:
    total = 0
    with db.begin() as s:
        for n, code in enumerate(desa[:2]):
            amount = (index + 1) * 10_000_000 + n * 1_000_000
            stamp_commitment(s, StampInput(code, "A01", amount, 2027, table_code="A1",
                                           kepala_desa=f"Kades {index}{n}"))  # fmt: skip
            total += amount
        event_id = current_event(s).id
        s.add(Idea(id=ids.natural_id("ta-idea", event_id), event_id=event_id,
                   proposer_name=f"Ibu {index}0", desa_code=desa[0], title=f"Ide {index}",
                   received_at=dt.datetime(2026, 11, 2 + index, 13)))  # fmt: skip
    return 2, total


def build_fairs(folder: Path, count: int = 3) -> list[Fair]:
    """``count`` events, each: REG1 creates and registers, MKA1 joins and stamps; both export."""
    fairs = []
    codes = [k.code for k in regions.kecamatan_in(KABUPATEN)][:count]
    for index, code in enumerate(codes):
        where = folder / f"acara{index}"
        where.mkdir(parents=True)
        phrase = f"sandi-acara-{index}-tanggamus"
        reg = _first_laptop(where / "REG1.sqlite", code, index, phrase)
        desa = _register(reg, index)
        first = export_package(reg, where / "usb").path
        join_event(where / "MKA1.sqlite", first, "MKA1", phrase, "meja")
        meja = open_database(where / "MKA1.sqlite")
        n, amount = _stamp(meja, desa, index)
        with reg.begin() as s:
            event = current_event(s)
            event_id, name = event.id, event.name
            n_desa = s.query(Desa).filter(Desa.event_id == event_id).count()
        packages = [export_package(db, where / "usb").path for db in (reg, meja)]
        reg.dispose()
        meja.dispose()
        shutil.rmtree(where / "usb" / first.name, ignore_errors=True)
        first.unlink(missing_ok=True)
        kec = regions.kecamatan(code)
        assert kec is not None
        fairs.append(Fair(event_id, name, kec.name, phrase, packages, n, amount, n_desa))
    return fairs
