"""Each demo station holds what its laptop would after the syncs at the breaks: Jendela 3 knows
the stamps, the people and the menu behind the piagam it printed, so it can be shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bid_desktop.services import exchange
from bid_desktop.services.demo import build_demo, station_dir
from bid_desktop.services.station import require_state
from bid_desktop.storage.db import open_database
from bid_desktop.storage.models import Innovation, Participant, Piagam


@pytest.fixture(scope="module")
def j3a(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo4") / "demo.sqlite"
    build_demo(path, "event", 4, seed=3)
    return station_dir(path) / "J3A.sqlite"


def test_jendela3_station_knows_the_commitments_behind_its_piagam(j3a: Path) -> None:
    db = open_database(j3a)
    try:
        with db.begin() as s:
            state = require_state(s)
            assert state.station == "J3A" and state.event_id is not None
            event_id = state.event_id
            assert len(s.scalars(select(Participant)).all()) == 250
            assert len(s.scalars(select(Innovation)).all()) == 30
            piagam = s.scalars(select(Piagam)).all()
            assert piagam
            with_commitments = set(exchange.desa_with_commitments(s, event_id))
            assert {p.desa_code for p in piagam} <= with_commitments
            kades = s.scalars(
                select(Participant).where(
                    Participant.is_kepala_desa.is_(True),
                    Participant.desa_code == piagam[0].desa_code,
                )
            ).first()
            assert kades is not None
            panel = exchange.scan(s, event_id, kades.number)  # the badge, as at the window
            assert panel.live and panel.piagam is not None and panel.piagam.prints >= 1
    finally:
        db.dispose()
