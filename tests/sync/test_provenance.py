"""Where and when a fact was captured never makes a conflict hard; its content does."""

from __future__ import annotations

from bid_desktop.sync.threeway import Graph, Ver, resolve


def _stamp(version: str, hlc: str, station: str, amount: int) -> Ver:
    payload = {"id": "c1", "desa_code": "18.06.20.2001", "innovation_code": "A01",
               "amount": amount, "planned_year": 2027, "stamped_station": station,
               "stamped_at": f"2026-11-25 {hlc}", "table_code": station[-2:],
               "source": "stempel" if station.startswith("MK") else "jendela3"}  # fmt: skip
    return Ver(version, hlc, station, False, payload)


def _resolve(*heads: Ver):  # type: ignore[no-untyped-def]
    return resolve(list(heads), Graph(list(heads), {}))


def test_same_content_captured_twice_is_soft_and_takes_the_winner() -> None:
    table, card = _stamp("v1", "10:00", "MKA1", 150), _stamp("v2", "11:00", "J3A", 150)
    for order in ((table, card), (card, table)):
        result = _resolve(*order)
        assert result.kind == "soft" and result.hard_fields == []
        assert result.payload is not None and result.payload["stamped_station"] == "J3A"
        assert {"stamped_station", "stamped_at", "source"} <= set(result.fields)


def test_a_different_amount_stays_hard() -> None:
    result = _resolve(_stamp("v1", "10:00", "MKA1", 150), _stamp("v2", "11:00", "J3A", 175))
    assert result.kind == "hard" and result.hard_fields == ["amount"]
